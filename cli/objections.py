"""canon objections."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    ChromaOption,
    Format,
    KBOption,
    TodayOption,
    console,
    ensure_index,
    errors,
    load,
    parse_today,
    print_json,
)

app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


@app.callback(invoke_without_command=True)
def objections(
    ctx: typer.Context,
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text for people, json (objections as data) for scripts.")] = Format.text,
    min_calls: Annotated[int, typer.Option("--min-calls", help="Show only objections raised in at least this many calls.",
                                           min=1)] = 1,
    chroma_url: ChromaOption = None,
) -> None:
    """Objections prospects raise in sales calls, and how well the KB answers them.

    Known objections (the KB's objection entries) and mined themes (objections that no entry
    describes), ranked by the number of calls raising them, with the approved entries that
    answer each one. The gaps at the end are what `canon audit` reports as objection-gap.
    The index is brought up to date first if the KB or its calls changed.

    Examples:

      canon objections

      canon objections --min-calls 2 --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    with errors(fmt):
        from knowledge.objections import find_objections
        from knowledge.render import render_objections_text

        settings = load(kb, chroma_url)
        ensure_index(settings)
        result = find_objections(settings, today=parse_today(today), min_calls=min_calls)
        if fmt is Format.json:
            print_json(result)
            return
        console().print(render_objections_text(result))


@app.command("verdict")
def verdict(
    kb: KBOption = None,
    mention: Annotated[str | None, typer.Option("--mention", metavar="CALL:LINE",
                                                help="The mention (call path and line, as canon objections shows it).")] = None,
    wrong: Annotated[bool, typer.Option("--wrong/--right", help="The mention is not an objection / it is one.")] = False,
    objection: Annotated[str | None, typer.Option("--objection", help="The objection id the mention is about "
                                                  "(or a theme's label): an assignment verdict.")] = None,
    not_about: Annotated[bool, typer.Option("--not", help="With --objection: the mention is NOT about it.")] = False,
    text: Annotated[str | None, typer.Option("--text", help="The mention's words (keys the verdict to them).")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="A theme id, for --rename or --into.")] = None,
    rename: Annotated[str | None, typer.Option("--rename", help="The theme's new label.")] = None,
    into: Annotated[str | None, typer.Option("--into", help="Merge the theme into this objection or theme.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who gives the verdict.")] = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """Record a reviewer's verdict in the KB (verdicts/objections.yaml); canon objections uses it at once.

    Examples:

      canon objections verdict --mention calls/2026-09-02-acme.vtt:57 --wrong

      canon objections verdict --mention calls/2026-09-02-acme.vtt:57 --objection objections/pricing

      canon objections verdict --theme theme/we-need-run-our-own --rename "self-hosted deployment"

      canon objections verdict --theme theme/hosted-only --into theme/self-hosted-deployment
    """
    with errors(fmt):
        from knowledge.errors import UsageError
        from knowledge.objections.verdicts import Verdict, add_verdict

        settings = load(kb, None)
        call = line = None
        if mention:
            call, _, raw = mention.rpartition(":")
            if not call or not raw.isdigit():
                raise UsageError(f"--mention takes CALL:LINE, not {mention!r}")
            line = int(raw)
        if rename and theme:
            v = Verdict(kind="rename", theme=theme, label=rename, by=by)
        elif into and theme:
            v = Verdict(kind="merge", theme=theme, into=into, by=by)
        elif objection:
            v = Verdict(kind="assignment", verdict="wrong" if not_about else "right", call=call, line=line, text=text,
                        objection=objection, by=by)
        elif mention:
            v = Verdict(kind="mention", verdict="wrong" if wrong else "right", call=call, line=line, text=text, by=by)
        else:
            raise UsageError("say what the verdict is about: --mention CALL:LINE, or --theme with --rename or --into")
        result = add_verdict(settings.root, v, today=parse_today(today))
        if fmt is Format.json:
            print_json(result)
            return
        console().print(f"Recorded in {result['path']} ({result['verdicts']} verdicts): {result['verdict']}")
