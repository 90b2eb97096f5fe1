"""canon aeo: how ready the KB is to be quoted and cited by answer engines."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    ChromaOption,
    Format,
    FormatOption,
    KBOption,
    TodayOption,
    console,
    ensure_index,
    errors,
    load,
    parse_today,
    print_json,
)

app = typer.Typer(
    name="aeo",
    help="Answer-engine optimisation: how ready the KB is to be quoted and cited.",
    no_args_is_help=True,
)


@app.command("score")
def score(
    kb: KBOption = None,
    today: TodayOption = None,
    fmt: FormatOption = Format.text,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show only the N entries with the most to gain.",
                                              min=1, show_default=False)] = None,
    chroma_url: ChromaOption = None,
) -> None:
    """Score each approved entry 0-100 for how ready it is to be cited by an answer engine, and the KB as a whole.

    Checks and points: a specific figure (20), a source dated within max_source_age (20), an opening that answers first (20), a current review (15), an owner (10), no conflicting figures or sources (10), no retired claims (5). The KB score is the mean over approved message, proof point, case study and answer entries. The output gives the KB score and where entries lose points (how many entries, how many points), then the entries, those with the most points to gain first: under each, one line per lost check with the file and line to change, what is wrong and what to do (e.g. update reviewed: after reviewing), and for an answer whose page would ask its own title, the question: field to add (no points). "no source" is not the export's "unsourced" (a figure the audit finds without a source); the line says so when they differ.

    Examples:

      canon aeo score --kb examples/kb --today 2026-11-23

      canon aeo score --limit 5 --format json
    """
    with errors(fmt):
        from knowledge.aeo import aeo_score, render_score_text

        settings = load(kb, chroma_url)
        day = parse_today(today)
        ensure_index(settings)
        result = aeo_score(settings, today=day, limit=limit)
        if fmt is Format.json:
            print_json(result)
            return
        console().print(render_score_text(result), soft_wrap=True)
