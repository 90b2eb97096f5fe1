"""canon audit, and what canon check shares with it: formats, --fail-on, baselines, output."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import (
    ChromaOption,
    Format,
    KBOption,
    TodayOption,
    console,
    ensure_index,
    errors,
    format_from_group,
    from_group,
    load,
    parse_today,
    pass_down,
    print_json,
    recorded,
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    line = "line"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FormatOption = Annotated[
    ReportFormat,
    typer.Option("--format", "-f", help="text for people; json (findings as data, README: Findings as data), "
                 "line (path:line:column: ...), sarif (code scanning) or github (Actions annotations)."),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity; never: always exit 0 "
                 "(unless canon cannot run, which exits 2)."),
]
BaselineOption = Annotated[
    Path | None,
    typer.Option("--baseline", help="Leave out the findings listed in this file (from --write-baseline or a "
                 "saved --format json): only new ones show and fail the run. README: In pre-commit and CI.",
                 show_default=False, metavar="FILE"),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, metavar="X", show_default=False,
                 help="Leave out figure findings with confidence below X (0 to 1); 0 shows them all. Default: "
                 "\\[rules] min_confidence in canon.toml, else 0. README: Findings as data."),
]
RuleOption = Annotated[
    list[str] | None,
    typer.Option("--rule", "-r", help="Run only this rule (repeat for several). `canon audit --list-rules` "
                 "lists them.", show_default=False, metavar="ID"),
]


def kb_prefix(root: Path, start: Path | None = None) -> str:
    """How to reach ``root`` (the KB root) from ``start`` (default: the current folder), for paths
    tools open; an absolute path when it lies outside."""
    try:
        rel = os.path.relpath(root, start or Path.cwd())
    except ValueError:  # another drive on Windows
        return str(root)
    if rel == ".":
        return ""
    return str(root) if rel.startswith("..") else Path(rel).as_posix()


def git_top(folder: Path) -> Path | None:
    """The top level of the git work tree holding ``folder`` (where ``.git`` is, a folder or, in a
    linked work tree or submodule, a file), None outside any."""
    for here in (folder.resolve(), *folder.resolve().parents):
        if (here / ".git").exists():
            return here
    return None


def sarif_base(kb_root: Path) -> Path:
    """The folder SARIF's relative uris start from (``%SRCROOT%``): the top level of the git work
    tree the current folder is in (else the one the KB is in), since code scanning reads a
    relative uri against the repository's root; outside git, the current folder."""
    return git_top(Path.cwd()) or git_top(kb_root) or Path.cwd().resolve()


def emit_report(report: Any, fmt: ReportFormat, settings: Any, rules: Any) -> None:
    """Print a report in ``fmt``: text through rich, everything else as plain stdout."""
    from knowledge.report import render

    if fmt is ReportFormat.sarif:
        base = sarif_base(settings.root)
        prefix, root_uri = kb_prefix(settings.root, base), base.as_uri()
        draft_prefix = kb_prefix(Path.cwd(), base)
    else:
        prefix, root_uri, draft_prefix = kb_prefix(settings.root), Path.cwd().resolve().as_uri(), ""
    out = render(report, fmt.value, rules=rules, kb_prefix=prefix, root_uri=root_uri, draft_prefix=draft_prefix)
    if fmt is ReportFormat.text:
        # Long lines are left to the terminal to wrap, so that each finding stays one line for grep.
        console().print(out, markup=True, highlight=False, soft_wrap=True)
    elif out:
        sys.stdout.write(out + "\n")


def finish(report: Any, fmt: ReportFormat, fail_on: FailOn, settings: Any, baseline: Path | None,
           min_confidence: float | None = None) -> None:
    """Apply the baseline and the confidence cut (--min-confidence, else canon.toml's, else the
    default), print the report and exit with its code."""
    from knowledge.audit import as_shown
    from knowledge.report import read_baseline_entries
    from knowledge.rules import ALL_RULES

    if baseline is not None:
        report = report.without(read_baseline_entries(baseline))
    report = as_shown(report, settings, min_confidence)
    emit_report(report, fmt, settings, ALL_RULES)
    raise typer.Exit(report.exit_code(fail_on.value))


def _list_rules() -> None:
    from rich.markup import escape

    from knowledge.rules import ALL_RULES

    out = console()
    for r in ALL_RULES:
        out.print(f"[magenta]{r.id:<20}[/] [dim]{r.default_severity:<8}[/] {escape(r.summary)}", soft_wrap=True)


app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


@app.callback(invoke_without_command=True)
def audit(
    ctx: typer.Context,
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: FormatOption = ReportFormat.text,
    fail_on: FailOnOption = FailOn.error,
    baseline: BaselineOption = None,
    min_confidence: MinConfidenceOption = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Record the fingerprints of every current finding in FILE and "
                     "exit 0; later runs with --baseline FILE report only new findings.",
                     show_default=False, metavar="FILE"),
    ] = None,
    rule: RuleOption = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")] = False,
    chroma_url: ChromaOption = None,
) -> None:
    """Check the KB itself and its sales calls: conflicting figures, stale and unsourced claims, duplicates, broken references, objections nobody answers.

    The index is brought up to date first if the KB changed. The text shows a cluster of three near-identical pages or more (duplicate-entry, one finding per pair) as one block with the paths beneath, and ends by saying in how many calls speakers' roles are unknown, where no rep's figure is checked (JSON: each duplicate-entry finding's "group", and "roles_unknown"). Silence a rule for one entry with canon.ignore in its front matter, for one line with an ignore comment, or for the whole KB in the rules table of canon.toml (a rule id set to off, or to another severity). A baseline accepts what is there today, so that only new findings fail a run.

    Exit codes: 0 no finding at or above --fail-on, 1 there is one, 2 canon could not run (130: stopped by Ctrl-C).

    Examples:

      canon audit --kb examples/kb --today 2026-11-01

      canon audit --format sarif > canon.sarif

      canon audit --rule metric-conflict --rule stale-claim --fail-on warning

      canon audit --write-baseline canon-baseline.json

      canon audit --baseline canon-baseline.json

      canon audit verdict 25aade91 wrong --why "a contract term, not an outcome"
    """
    if ctx.invoked_subcommand is not None:
        pass_down(ctx, fmt.value if fmt in (ReportFormat.json, ReportFormat.sarif) else None)
        return
    if list_rules:
        _list_rules()
        return
    with errors(fmt):
        from knowledge.audit import run_audit
        from knowledge.report import read_baseline
        from knowledge.report import write_baseline as save_baseline

        settings = load(kb, chroma_url)
        day = parse_today(today)
        if baseline is not None:
            read_baseline(baseline)  # a bad baseline fails before the audit runs, not after
        ensure_index(settings)
        report = run_audit(settings, today=day, rules=rule)
        if write_baseline is not None:
            n = save_baseline(report, write_baseline)
            console(stderr=True).print(f"Wrote {n} fingerprint{'s' if n != 1 else ''} to {write_baseline}; "
                                       f"run with --baseline {write_baseline} to report only new findings.",
                                       markup=False, highlight=False)
            raise typer.Exit(0)
        finish(report, fmt, fail_on, settings, baseline, min_confidence)


@app.command("verdict")
def verdict(
    ctx: typer.Context,
    fingerprint: Annotated[str, typer.Argument(metavar="FINGERPRINT", help="The finding's fingerprint (from --format json), or its first "
                                               "8 characters or more.", show_default=False)],
    word: Annotated[str, typer.Argument(metavar="wrong|right", help="wrong: the finding is a false alarm; right: it "
                                        "is a true one.", show_default=False)],
    why: Annotated[str | None, typer.Option("--why", help="Why, in words, for the people who review the file.")] = None,
    draft: Annotated[list[Path] | None, typer.Option("--draft", help="For a finding of canon check: the drafts it "
                                                     "was checked with (repeat for several).", show_default=False,
                                                     metavar="FILE")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who gives the verdict.")] = None,
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json (what POST /v1/audit/verdicts returns).")
                   ] = Format.text,
    chroma_url: ChromaOption = None,
) -> None:
    """Record a reviewer's verdict on a finding in the KB (verdicts/findings.yaml); audits and checks use it at once.

    A finding marked wrong is left out of later runs: that finding only (the same sentence in other calls stays shown), followed to the one finding that best matches it only when its fingerprint is gone (the file renamed); a finding with its own verdict keeps it. The text counts what verdicts hid (JSON: summary.hidden_by_verdicts). A wrong unsourced-claim or unsupported-claim also says that its figure states no outcome, so that a figure in the same sentence is not read as a claim anywhere in the KB; a finding marked right keeps its sentence a claim. A later verdict on the same finding replaces the earlier one. The file is YAML, written whole (never half), to review and commit like any entry. --kb, --today, --format (text or json) and --chroma-url may be given before `verdict` too.

    Examples:

      canon audit verdict 25aade91 wrong --why "a contract term, not an outcome"

      canon audit verdict 25aade91fdcf7501fbf5e79d9afef78e right

      canon audit verdict 7c1e09b2 wrong --draft drafts/launch.md
    """
    with errors(None):
        fmt = format_from_group(ctx)
    with errors(fmt):
        from knowledge.errors import UsageError
        from knowledge.finding_verdicts import WORDS, record_verdict

        if word not in WORDS:
            raise UsageError(f"a verdict on a finding is right or wrong, not {word!r}",
                             hint=f"e.g. canon audit verdict {fingerprint} wrong --why \"...\"")
        settings = load(from_group(ctx, "kb"), from_group(ctx, "chroma_url"))
        day = parse_today(from_group(ctx, "today"))
        drafts: list[Any] | None = None
        if draft:
            from ingest.drafts import load_draft

            from .check import draft_files

            drafts = [load_draft(path, shown) for path, shown in draft_files(list(draft))]
        ensure_index(settings)
        result = record_verdict(settings, fingerprint, word, today=day, drafts=drafts, why=why, by=by)
        if fmt is Format.json:
            print_json(result)
            return
        v = result["verdict"]
        out = console()
        out.print(f"marked {v['verdict']}: {v['rule']} at {v['path']}:{v.get('line', '?')}", markup=False, highlight=False,
                  soft_wrap=True)
        out.print(recorded(settings.root, result), markup=False, highlight=False, soft_wrap=True)
