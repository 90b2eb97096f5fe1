"""canon ask."""

from __future__ import annotations

import os
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


def ask(
    question: Annotated[str, typer.Argument(help="What you want to say or know, in your own words.")],
    kb: KBOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many entries to show.", min=1, max=100)] = 5,
    approved_only: Annotated[bool, typer.Option("--approved-only", help="Leave out draft and retired entries.")] = False,
    fmt: FormatOption = Format.text,
    today: TodayOption = None,
    chroma_url: ChromaOption = None,
) -> None:
    """The entries that answer a question, best first, with their exact figures and sources.

    Each entry comes with the sentence or table row that answers (path:line), the registered
    figure first, its sources and review state, and a warning on a figure the audit finds in
    conflict. Approved entries come first; draft and retired ones are labelled and come below.
    When nothing in the KB answers, it says so. The index is brought up to date first if the
    KB changed.

    Examples:

      canon ask "what can I say about time to go live?"

      canon ask "security certifications" --approved-only --format json
    """
    # One query is a handful of small matrix products: BLAS threads only add start-up and
    # contention (10-30x slower on a busy 2-core machine). Must be set before numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with errors(fmt):
        from knowledge.search import SearchOptions, search

        settings = load(kb, chroma_url)
        ensure_index(settings)
        statuses = ("approved",) if approved_only else ("approved", "draft", "retired")
        result = search(settings, question, SearchOptions(limit=limit, statuses=statuses, today=parse_today(today)))
        if fmt is Format.json:
            print_json(result)
            return
        from knowledge.render import render_ask_text

        console().print(render_ask_text(result))

