"""canon doctor."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .common import (
    ChromaOption,
    Format,
    FormatOption,
    KBOption,
    console,
    errors,
    load,
    print_json,
    tell_waiting,
)


def doctor(
    kb: KBOption = None,
    check: Annotated[bool, typer.Option("--check", help="Only report; change nothing (exit 1 when something is wrong).")] = False,
    fmt: FormatOption = Format.text,
    chroma_url: ChromaOption = None,
) -> None:
    """Check that the index agrees with the KB's files and the vector store with the index, and repair what does not.

    Finds files changed since the last ingest, canon.toml's [calls] internal_speakers or internal_domains changed since (the calls were read with the old ones), an interrupted ingest, searchable chunks with no vector in the store (searches cannot find them), vectors no chunk lists, vectors lost from the catalog's cache, and store folders nothing uses. Repairs by default, holding the index's write lock: vectors are restored from the catalog's cache, so only texts lost from it as well are embedded again. Exit code 0 when the index is healthy (after the repair), 1 when something is still wrong (with --check: when anything is), 2 when canon could not run.

    Examples:

      canon doctor --kb examples/kb

      canon doctor --check --format json | jq .problems
    """
    with errors(fmt):
        from ingest.doctor import diagnose, repair

        settings = load(kb, chroma_url)
        if check:
            found = diagnose(settings)
            if fmt is Format.json:
                print_json({"version": 1, **found.to_dict(), **_verdicts_json(settings, found.healthy)})
            else:
                console().print(_render(found.to_dict()))
                _verdicts_text(settings, found.healthy)
            raise typer.Exit(0 if found.healthy else 1)
        if fmt is Format.json:
            result = repair(settings, on_wait=tell_waiting)
            print_json({**result.to_dict(), **_verdicts_json(settings, result.after.healthy)})
        else:
            from .ingest import _progress_bar

            with _progress_bar() as progress:
                result = repair(settings, on_wait=tell_waiting, progress=progress)
            out = console()
            before = result.before.to_dict()
            if before["problems"]:
                out.print("Found:")
                out.print(_problems(before))
                out.print("Repaired:" if result.actions else "Nothing to do.")
                for action in result.actions:
                    out.print(f"  {action}")
            out.print(_render(result.after.to_dict()))
            _verdicts_text(settings, result.after.healthy)
        raise typer.Exit(0 if result.after.healthy else 1)


def _lost_verdicts(settings: Any, healthy: bool) -> list[Any]:
    """The objection verdicts that match no call (a call renamed or deleted): not the index's
    health, so they change no exit code, but said, since the file still holds them. Only on a
    healthy index (one that needs repair is what the report says; its calls cannot be trusted),
    and never at the cost of the report: what goes wrong reading the calls (a corrupt catalog's
    sqlite3.DatabaseError as well) is one note on stderr."""
    from knowledge.errors import CanonError
    from knowledge.objections.verdicts import unmatched_verdicts

    if not healthy:
        return []
    try:
        return unmatched_verdicts(settings)
    except CanonError:  # no index yet, or an unreadable verdicts file: what the index check says
        return []
    except Exception as exc:  # noqa: BLE001 - the report is out already; this step must not crash doctor
        console(stderr=True).print(f"note: the objection verdicts were not checked against the calls ({exc})",
                                   markup=False, highlight=False, soft_wrap=True)
        return []


def _verdicts_json(settings: Any, healthy: bool) -> dict[str, Any]:
    return {"verdicts_match_no_call": [v.to_dict() for v in _lost_verdicts(settings, healthy)]}


def _verdicts_text(settings: Any, healthy: bool) -> None:
    from knowledge.objections.verdicts import unmatched_note

    note = unmatched_note(_lost_verdicts(settings, healthy))
    if note:
        console().print(f"  {note}", markup=False, highlight=False, soft_wrap=True)


def _problems(d: dict[str, Any]) -> str:
    from rich.markup import escape

    lines = []
    for p in d["problems"]:
        count = f" ({p['count']})" if p["count"] else ""
        lines.append(f"  [yellow]{p['code']}[/]{count}: {escape(p['message'])} [dim]→ {escape(p['fix'])}[/]")
    return "\n".join(lines)


def _render(d: dict[str, Any]) -> str:
    from rich.markup import escape

    c = d["counts"]
    head = ("[bold green]The index is healthy.[/]" if d["healthy"] else "[bold red]The index needs repair:[/]")
    lines = [head, f"  {escape(d['kb'])} · index {escape(d['index'])} · store {escape(d['store'])}"]
    if d["indexed"]:
        from knowledge.render import noun

        n = {k: c.get(k, 0) for k in ("entries", "calls", "files")}
        lines.append(f"  {n['entries']} {noun(n['entries'], 'entry', 'entries')}, {n['calls']} "
                     f"{noun(n['calls'], 'call', 'calls')}, {n['files']} {noun(n['files'], 'file', 'files')}; "
                     f"{c.get('searchable_chunks', 0)} searchable chunks, {c.get('vectors', '?')} vectors in the store")
    if d["writing"]:
        w = d["writing"]
        lines.append(f"  [yellow]being written now: {w['purpose']} by pid {w['pid']} on {w['host']} since {w['since']}[/]")
    if not d["healthy"]:
        lines.append(_problems(d))
    return "\n".join(lines)
