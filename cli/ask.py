"""canon ask."""

from __future__ import annotations

import os
from typing import Annotated, Any

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

    Each entry comes with the sentence or table row that answers (path:line), the registered figure first, its sources and review state, and a warning on a figure the audit finds in conflict. Approved entries come first; draft and retired ones are labelled and come below. When nothing answers, it says so; a draft or retired entry that matches better than every entry shown is named. The index is brought up to date first if the KB changed.

    Examples:

      canon ask "how long does onboarding take?"

      canon ask "what can I say about no-shows?" --approved-only --format json
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
        if result.get("demoted"):
            console().print(demoted_note(result["demoted"]))


def demoted_note(demoted: dict[str, Any]) -> str:
    """The line naming the closest match when governance left it out of the list: a draft or a
    retired entry that scored above every entry shown (its score is ``best_score``). A writer who
    searched for it should find it, and know that it is not to be quoted as canonical."""
    from rich.markup import escape

    what, use = (("a draft", "not canonical yet") if demoted["status"] == "draft" else
                 (escape(str(demoted["status"])), "do not use it"))
    return (f"\n[yellow]The closest match is {what}: {escape(str(demoted['entry']))}[/] "
            f"[dim]({escape(str(demoted['path']))}, score {float(demoted['score']):.2f}), {use}. Drafts and retired "
            "entries come after the approved ones, so it is not listed above.[/]")
