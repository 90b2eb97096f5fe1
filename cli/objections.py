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


def objections(
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: Annotated[Format, typer.Option("--format", help="text for people, json (objections as data) for scripts.")] = Format.text,
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
    with errors():
        from knowledge.objections import find_objections
        from knowledge.render import render_objections_text

        settings = load(kb, chroma_url)
        ensure_index(settings)
        result = find_objections(settings, today=parse_today(today), min_calls=min_calls)
        if fmt is Format.json:
            print_json(result)
            return
        console().print(render_objections_text(result))
