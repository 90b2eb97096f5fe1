"""canon check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .audit import (
    BaselineOption,
    FailOn,
    FailOnOption,
    FormatOption,
    MinConfidenceOption,
    ReportFormat,
    RuleOption,
    finish,
)
from .common import ChromaOption, KBOption, TodayOption, ensure_index, errors, load, parse_today

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")


def draft_files(args: list[Path]) -> list[tuple[Path, str]]:
    """(file, path to show) for every argument; a folder gives its Markdown and text files."""
    from knowledge.errors import UsageError

    out: list[tuple[Path, str]] = []
    for arg in args:
        if arg.is_dir():
            found = sorted(
                p for p in arg.rglob("*")
                if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(arg).parts)
            )
            out.extend((p, (arg / p.relative_to(arg)).as_posix()) for p in found)
        elif arg.is_file():
            out.append((arg, arg.as_posix()))
        elif arg.exists():
            raise UsageError(f"{arg} is neither a file nor a folder", hint="pass Markdown or text files, or folders of them")
        else:
            raise UsageError(f"no such file: {arg}", hint="pass the drafts to check, e.g. canon check drafts/launch.md")
    if not out:
        raise UsageError(f"no drafts to check in {', '.join(str(a) for a in args)}",
                         hint=f"a folder is searched for {', '.join('*' + s for s in DRAFT_SUFFIXES)} files")
    return list(dict.fromkeys(out))


def check(
    files: Annotated[list[Path], typer.Argument(help="Drafts to check (Markdown, plain text or HTML), or folders of "
                                                "Markdown and text files.",
                                                show_default=False, metavar="FILE...")],
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: FormatOption = ReportFormat.text,
    fail_on: FailOnOption = FailOn.error,
    baseline: BaselineOption = None,
    min_confidence: MinConfidenceOption = None,
    rule: RuleOption = None,
    chroma_url: ChromaOption = None,
) -> None:
    """Check drafts against the KB before they are published: figures that contradict the approved ones, figures nothing backs, retired claims, stale figures.

    Findings point at the draft's lines and columns. An .html or .htm draft is read as the text a reader sees (tags, style sheets and scripts left out, each block element a paragraph), so a minified page is checked. A part of a draft left unchecked (an over-long line or block, too many numbers) is an invalid-draft error, so the run fails under the default --fail-on error (invalid-draft = "warning" in the rules table of canon.toml lets it pass, as it sets any rule's severity). Silence one line with an HTML comment naming the rule, <!-- canon-ignore rule-id -->, at the end of that line or on the line before it. The index is brought up to date first if the KB changed.

    Exit codes: 0 no finding at or above --fail-on, 1 there is one, 2 canon could not run (130: stopped by Ctrl-C).

    Examples:

      canon check drafts/launch-blog.md --kb examples/kb

      canon check drafts/ --format line

      git diff --name-only -- '*.md' | xargs canon check --format github
    """
    with errors(fmt):
        from ingest.drafts import load_draft
        from knowledge.audit import run_check
        from knowledge.report import read_baseline

        settings = load(kb, chroma_url)
        day = parse_today(today)
        targets = draft_files(files)
        if baseline is not None:
            read_baseline(baseline)
        drafts: list[Any] = [load_draft(path, shown) for path, shown in targets]
        ensure_index(settings)
        from .ingest import _progress_bar

        with _progress_bar() as progress:  # on stderr, gone once done: stdout stays the report
            report = run_check(settings, drafts, today=day, rules=rule, progress=progress)
        finish(report, fmt, fail_on, settings, baseline, min_confidence)
