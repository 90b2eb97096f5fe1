"""canon objections."""

from __future__ import annotations

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
    answer each one. The gaps at the end are what `canon audit` reports as objection-gap: a gap marked wrong there (canon audit verdict) is not listed, and the table says so. The text ends with how many reviewers' verdicts apply and names any that match no call (a call renamed or deleted; JSON: "verdicts").
    The index is brought up to date first if the KB or its calls changed.

    Calls are read from the folder that path in the \\[calls] table of canon.toml names (default:
    calls/), as .vtt, .srt, .json or .txt transcripts. Set internal_speakers or internal_domains in
    that table first: they decide who the rep is, and without them every speaker is read as a
    prospect. README: Objections in sales calls.

    Examples:

      canon objections

      canon objections --min-calls 2 --format json
    """
    if ctx.invoked_subcommand is not None:
        pass_down(ctx, fmt)
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
    ctx: typer.Context,
    kb: KBOption = None,
    mention: Annotated[str | None, typer.Option("--mention", metavar="CALL:LINE",
                                                help="The mention (call path and line, as canon objections shows it).")] = None,
    wrong: Annotated[bool, typer.Option("--wrong/--right", help="The mention is not an objection / it is one.")] = False,
    objection: Annotated[str | None, typer.Option("--objection", help="The objection id the mention is about "
                                                  "(or a theme's id or label; new:LABEL starts a new theme): an "
                                                  "assignment verdict.")] = None,
    not_about: Annotated[bool, typer.Option("--not", help="With --objection: the mention is NOT about it.")] = False,
    text: Annotated[str | None, typer.Option("--text", help="The mention's words (keys the verdict to them); "
                                            "without it, the words of the prospect's turn at the line.")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="A theme id, for --rename or --into.")] = None,
    rename: Annotated[str | None, typer.Option("--rename", help="The theme's new label.")] = None,
    into: Annotated[str | None, typer.Option("--into", help="Merge the theme into this objection or theme "
                                           "(new:LABEL: a new theme).")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who gives the verdict.")] = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """Record a reviewer's verdict in the KB (verdicts/objections.yaml); canon objections uses it at once.

    The call must be one of the KB's, and the line one of a prospect's turn; the objection an objection entry's id, a theme's id (theme/...) or a theme's label as canon objections shows them, and --theme a theme canon mines now. A name that is none of these is refused (exit 2) with the closest one ("did you mean objections/driver-adoption?"); a new theme is started only when asked for plainly: --objection "new:driver adoption". A verdict given at a line keeps the words of the turn there (a cue, an entry of a JSON export), and finds its mention by those words first, so that it still applies when lines are added to the call above it. --kb, --today and --format may be given before `verdict` too.

    Examples:

      canon objections verdict --mention calls/2026-09-02-acme.vtt:57 --wrong

      canon objections verdict --mention calls/2026-09-02-acme.vtt:57 --objection objections/pricing

      canon objections verdict --theme theme/we-need-run-our-own --rename "self-hosted deployment"

      canon objections verdict --theme theme/hosted-only --into theme/self-hosted-deployment
    """
    with errors(None):
        fmt = format_from_group(ctx)
    with errors(fmt):
        from knowledge.errors import UsageError
        from knowledge.objections.verdicts import Verdict, record_verdict

        settings = load(from_group(ctx, "kb"), None)
        day = parse_today(from_group(ctx, "today"))
        ensure_index(settings)  # themes are checked as canon objections mines them now
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
        result = record_verdict(settings, v, today=day)
        if fmt is Format.json:
            print_json(result)
            return
        out = console()
        out.print(describe(result["verdict"]), markup=False, highlight=False, soft_wrap=True)
        out.print(recorded(settings.root, result), markup=False, highlight=False, soft_wrap=True)


def describe(v: dict[str, Any]) -> str:
    """A recorded verdict in words: ``marked wrong: calls/x.vtt:9 "…words…"``."""
    if v["kind"] == "rename":
        return f'{v["theme"]} renamed "{v["label"]}"'
    if v["kind"] == "merge":
        return f"{v['theme']} merged into {_target(v['into'])}"
    where = f"{v['call']}:{v['line']}" if v.get("line") is not None else v["call"]
    words = " ".join((v.get("text") or "").split())
    quoted = f' "{words[:77] + "…" if len(words) > 80 else words}"' if words else ""
    if v["kind"] == "assignment":
        said = "placed under" if v.get("verdict", "right") == "right" else "kept out of"
        return f"{said} {_target(v['objection'])}: {where}{quoted}"
    return f"marked {v.get('verdict', 'right')}: {where}{quoted}"


def _target(name: str) -> str:
    """An objection a verdict names, in words: a new theme is said to be one."""
    from knowledge.objections.verdicts import NEW

    return f'a NEW theme "{name.removeprefix(NEW).strip()}"' if name.startswith(NEW) else name
