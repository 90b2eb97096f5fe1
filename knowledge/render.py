"""Text renderings for people (rich markup). JSON renderings are the dicts themselves."""

from __future__ import annotations

from typing import Any

from rich.markup import escape

STATUS_STYLE = {"approved": "green", "draft": "yellow", "retired": "red"}
REVIEW_TEXT = {
    "current": "[green]review current[/]",
    "overdue": "[yellow]review overdue[/]",
    "expired": "[red]expired[/]",
    "unreviewed": "[dim]never reviewed[/]",
}


def format_value(value: Any, unit: str) -> str:
    from .units import describe

    return describe(tuple(value) if isinstance(value, list) else value, unit)


def metric_line(m: dict[str, Any]) -> str:
    text = format_value(m["value"], m["unit"])
    name = name_after_value(text, m["name"])
    details = [m["qualifier"]] if m.get("qualifier") else []
    if m.get("as_of"):
        details.append(f"as of {m['as_of']}")
    if m.get("source"):
        details.append(f"source: {m['source']}")
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"[bold]{escape(text)}[/] {escape(name)}{escape(suffix)}  [dim]{escape(m['id'])}[/]"


def name_after_value(value_text: str, name: str) -> str:
    """A metric's name as it reads after its value: without its first word when that word is the
    unit the value already ends with ("3.5 days" and "days from return to refund" read "3.5 days
    from return to refund", not "3.5 days days from..."; "1 day" and "days to ..." likewise)."""
    unit_word = value_text.split()[-1] if value_text.split() else ""
    first, _, rest = name.strip().partition(" ")
    if rest and unit_word.isalpha() and first.casefold().rstrip("s") == unit_word.casefold().rstrip("s"):
        return rest.lstrip()
    return name


def render_ask_text(result: dict[str, Any]) -> str:
    results = result["results"]
    if not results:
        best = (f" (the closest match scored {result['confidence']:.2f}, below the floor of {result['floor']:.2f})"
                if "confidence" in result else "")
        if result.get("reason") == "price":
            best = " (the entries closest to it state no amount of money)"
            text = (f"No entry states the price asked for{best}. Add an entry for it if the price may be quoted: "
                    "a gap in the KB is what a writer fills next.")
        else:
            text = (f"No entry answers that{best}. Try other words, or add an entry for it: "
                    "a gap in the KB is what a writer fills next.")
        closest = result.get("closest") or []
        if closest:
            text += ("\n\n[dim]Closest, none stating a price:[/]" if result.get("reason") == "price" else
                     "\n\n[dim]Closest, below the floor (check that one answers before you use it):[/]")
            for r in closest:
                snippet = " ".join(r["snippet"]["text"].split())
                if len(snippet) > 160:
                    snippet = snippet[:157] + "…"
                text += (f"\n  - {escape(r['title'])}  [dim]{r['status']} · {escape(r['path'])}:{r['line']}[/]"
                         f"\n    [dim]{escape(snippet)}[/]")
        return text
    lines: list[str] = []
    for i, r in enumerate(results, 1):
        style = STATUS_STYLE.get(r["status"], "white")
        badge = f"[{style}]{r['status'].upper()}[/]"
        if r["status"] == "retired":
            badge += " [red]do not use[/]"
        elif r["status"] == "draft":
            badge += " [yellow]not canonical yet[/]"
        lines.append(f"[bold]{i}. {escape(r['title'])}[/]  {badge}  [dim]{r['type']} · score {r['score']:.2f}[/]")
        lines.append(f"   [cyan]{escape(r['path'])}:{r['line']}[/]  [dim]{escape(r['entry'])}[/]")
        snippet = " ".join(r["snippet"]["text"].split())
        if len(snippet) > 300:
            snippet = snippet[:297] + "…"
        lines.append(f"   {escape(snippet)}")
        for w in r.get("warnings", []):
            lines.append(f"   [red]conflict[/] line {w['line']}: {escape(w['message'])}")
        for m in r["metrics"]:
            lines.append(f"   • {metric_line(m)}")
        for s in r["sources"]:
            when = f", {s['date']}" if s.get("date") else ""
            url = f" <{s['url']}>" if s.get("url") else ""
            lines.append(f"   [dim]source:[/] {escape(s['title'])}{escape(when)}{escape(url)}")
        review = r["review"]
        owner = f"owner {escape(r['owner'])}" if r.get("owner") else "[yellow]no owner[/]"
        reviewed = f", reviewed {review['reviewed']}" if review.get("reviewed") else ""
        due = f", next review {review['due']}" if review.get("due") else ""
        lines.append(f"   {REVIEW_TEXT.get(review['state'], review['state'])}{reviewed}{due} · {owner}")
        lines.append("")
    return "\n".join(lines).rstrip()


def unread_line(counts: dict[str, int]) -> str | None:
    """The line that names the files canon reads nothing from, by extension (``counts`` as
    ``ingest.kb.unread_files`` gives them); None when there are none."""
    if not counts:
        return None
    listed = ", ".join(f"{n} {ext or '(no extension)'}" for ext, n in counts.items())
    return (f"not read: {listed}: canon reads entries as .md (and calls, in the calls folder, as .vtt, .srt, "
            ".json or .txt); convert the documents to Markdown to have them read")


def render_ingest_text(report: dict[str, Any]) -> str:
    parts = [
        f"Indexed [bold]{report.get('entries', report['files'])}[/] "
        f"{noun(report.get('entries', report['files']), 'entry', 'entries')} "
        + (f"(from {report['files']} files) " if report.get("entries", report["files"]) != report["files"] else "")
        + f"and [bold]{report['calls']}[/] {_calls(report['calls'])} from {escape(report['kb'])}",
        f"  {len(report['added'])} added, {len(report['changed'])} changed, {len(report['removed'])} removed, "
        f"{report['unchanged']} unchanged; {report['texts_embedded']} texts embedded, "
        f"{report['texts_reused']} reused; {report['seconds']:.2f}s",
        f"  [dim]store: {escape(report['store'])} · model: {escape(report['model'])}[/]",
    ]
    for section, count in (report.get("reread") or {}).items():  # only [calls] shapes what is stored
        parts.insert(2, f"  canon.toml's {escape(f'[{section}]')} changed: re-reading {count} {_calls(count)}")
    unread = unread_line(report.get("not_read") or {})
    if unread:
        parts.append(f"  {escape(unread)}")
    repaired = report.get("repaired") or {}
    if any(repaired.values()):
        done = [f"{n} {what}" for n, what in ((repaired.get("missing_vectors", 0), "missing vector(s) restored"),
                                              (repaired.get("orphan_vectors", 0), "orphan vector(s) removed")) if n]
        parts.append(f"[yellow]Repaired the store: {', '.join(done)}[/]")
    parts.extend(_no_seller_lines(report.get("roles_unknown") or [], report.get("speakers") or {}))
    problems = report["problems"]
    if problems:
        parts.append(f"[yellow]{len(problems)} file problem(s); the files below were skipped or partly read:[/]")
        for p in problems:
            parts.append(f"  [cyan]{escape(p['path'])}:{p['line']}[/] [red]{p['rule']}[/] {escape(p['message'])}")
    return "\n".join(parts)


def _no_seller_lines(paths: list[str], speakers: dict[str, Any]) -> list[str]:
    """A line for each of the first PLACES_SHOWN calls in which no speaker is known to be yours, then
    "and N more": a KB without [calls] settings would otherwise get a line per call on every ingest
    (JSON keeps every path under ``roles_unknown``)."""
    from .report import PLACES_SHOWN  # imported here: report imports this module's renderers

    lines = [_no_seller_line(p, list(speakers.get(p) or {})) for p in paths[:PLACES_SHOWN]]
    rest = len(paths) - PLACES_SHOWN
    if rest > 0:
        lines.append(f"  [yellow]and {rest} more {_calls(rest)}[/] in which no speaker is known to be yours "
                     "(`canon ingest --format json` lists them under roles_unknown)")
    return lines


def _no_seller_line(path: str, speakers: list[str]) -> str:
    """The warning ``canon ingest`` prints for a call in which no speaker is known to be yours:
    its speakers, and the setting that would name the seller among them."""
    # Imported here: only ingest's report needs it, and ingest has it loaded.
    from ingest.pipeline import UNNAMED

    names = [n for n in speakers if n != UNNAMED]
    said = ", ".join(names + (["unnamed speakers"] if len(names) < len(speakers) else []))
    if names:
        fix = f'add "{names[0]}" (or whichever of them is your rep) to [calls] internal_speakers in canon.toml'
    else:
        fix = 'export it with a speaker name before each line ("Name: text")'
    return (f"  [yellow]{escape(path)}[/]: no speaker is known to be yours ({escape(said)}): every one was "
            f"read as a prospect and no rep's figure in it checked; {escape(fix)}")


# --------------------------------------------------------------------------------------------
# canon objections
OBJECTION_COLUMN = 32  # the objection column's width when every id is shorter
def render_objections_text(result: dict[str, Any]) -> Any:
    """The result of :func:`find_objections` for people: a table, then the gaps."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    rows = result["objections"]
    parts: list[Any] = []
    if not rows:
        parts.append(Text(f"No objections found in {result['calls']} {_calls(result['calls'])}.", style="dim"))
    else:
        table = Table(title=f"Objections in {result['calls']} {_calls(result['calls'])}", title_justify="left", show_lines=False,
                      expand=False)
        # A fixed width, at least the longest id, so that an id is never split across lines (it is
        # copied into `canon objections verdict`); the labels wrap inside it and the best answers
        # take what the terminal has left.
        id_width = max(OBJECTION_COLUMN, *(len(o["id"]) for o in rows))
        table.add_column("objection", width=id_width)
        table.add_column("calls", justify="right")
        table.add_column("mentions", justify="right")
        table.add_column("coverage")
        # Up to 40 columns, or the longest entry id named there: an id folds across lines only
        # when a terminal is too narrow for it.
        answer_ids = [len(o["answers"][0]["entry"]) for o in rows if o["answers"]]
        table.add_column("best answer", overflow="fold", max_width=max([40, *answer_ids]))
        for o in rows:
            name = f"[bold]{escape(_clip(o['label'], 90))}[/]\n[dim]{escape(o['id'])}{'' if o['known'] else ' · new theme'}[/]"
            coverage = ("[green]answered[/]" if o["covered"] else
                        "[dim]gap, marked wrong[/]" if o.get("gap_marked_wrong") else "[red]gap[/]")
            if o["answers"]:
                a = o["answers"][0]
                how = "explicit" if a["explicit"] else "by meaning"
                best = f"{escape(a['entry'])} [dim]{a['score']:.2f} · {how}[/]"
            elif o.get("pending"):
                best = "[yellow]" + escape(", ".join(f"{p['entry']} ({p['status']})" for p in o["pending"])) + "[/]"
            else:
                best = "[dim]none[/]"
            table.add_row(name, str(o["calls"]), str(len(o["mentions"])), coverage, best)
        parts.append(table)
    gaps = [o for o in rows if not o["covered"] and not o.get("gap_marked_wrong")]
    if gaps:
        lines = ["", f"[bold]Gaps[/] ({len(gaps)}): prospects raise these and no approved entry answers them"]
        for o in gaps:
            m = o["mentions"][0] if o["mentions"] else None
            where = f"{m['call']}:{m['line']}" if m else ""
            lines.append(f"  [red]•[/] {escape(_clip(o['label'], 120))} [dim]({escape(o['id'])}, {o['calls']} {_calls(o['calls'])})[/]")
            if m:
                lines.append(f"    [cyan]{escape(where)}[/] {escape(m['speaker'])}: [italic]{escape(_clip(m['text'], 140))}[/]")
            if o.get("pending"):
                lines.append("    [yellow]not approved yet:[/] " + escape(", ".join(p["entry"] for p in o["pending"])))
        parts.append(Text.from_markup("\n".join(lines)))
    if result.get("roles_unknown"):
        parts.append(Text.from_markup("\n" + roles_unknown_note(result["roles_unknown"])))
    unplaced = _unplaced_note(result.get("unplaced"))
    if unplaced:
        parts.append(Text.from_markup(unplaced))
    parts.extend(Text.from_markup(note) for note in _verdicts_notes(result, rows))
    return Group(*parts)


def _verdicts_notes(result: dict[str, Any], rows: list[dict[str, Any]]) -> list[str]:
    """What reviewers' verdicts did: how many apply, the gaps marked wrong in ``canon audit`` (left
    out of the gaps, as the audit leaves them out), and the verdicts that match no call."""
    from rich.markup import escape

    from .objections.verdicts import Verdict, unmatched_note

    applied = (result.get("verdicts") or {}).get("applied", 0)
    out = [f"[dim]verdicts applied: {applied} (verdicts/objections.yaml)[/]"] if applied else []
    marked = [o["id"] for o in rows if o.get("gap_marked_wrong")]
    if marked:
        out.append(f"[dim]not listed as gaps: {len(marked)} marked wrong in canon audit "
                   f"(verdicts/findings.yaml): {escape(', '.join(marked))}[/]")
    lost = [Verdict(**v) for v in (result.get("verdicts") or {}).get("match_no_call", [])]
    if lost:
        out.append(f"[yellow]{escape(unmatched_note(lost))}[/]")
    return out


def roles_unknown_note(paths: list[str], consequence: str = "") -> str:
    """The dim line that says in how many calls no speaker is known to be yours (every speaker read
    as a prospect) and how to fix it: ``canon objections`` and ``canon audit`` print the same words;
    ``consequence`` adds what that cost the command (", so ...")."""
    return (f"[dim]Roles unknown in {len(paths)} call(s): every speaker was read as a prospect{consequence}. "
            "Set \\[calls] internal_speakers or internal_domains in canon.toml (`canon ingest` names each "
            "call's speakers).[/]")


def _unplaced_note(unplaced: dict[str, int] | None) -> str:
    """A dim last line on the remarks read as objections that joined no objection and no theme,
    so that a reader knows they were heard and why they are not listed: a new theme needs two
    remarks or more alike (knowledge.objections.themes: close ones may come from one call, loosely
    alike ones from two calls at least), and --min-calls only hides rows, it makes no theme."""
    if not unplaced or not unplaced.get("mentions"):
        return ""
    n, calls = unplaced["mentions"], unplaced.get("calls", 0)
    remarks = "1 remark read as an objection" if n == 1 else f"{n} remarks read as objections"
    return (f"\n[dim]{remarks} (in {calls} {_calls(calls)}) matched no objection entry and no theme: a new "
            "theme needs two remarks or more on one concern (from two calls or more when they are only "
            "loosely alike), and `--min-calls` only hides rows raised in fewer calls (it makes no theme). "
            "An objection entry for a concern that matters is listed from one call on.[/]")


def _calls(n: int) -> str:
    return noun(n, "call", "calls")


def noun(n: int, one: str, many: str) -> str:
    """The noun for ``n`` things: "1 call", "2 calls" (the number is the caller's)."""
    return one if n == 1 else many


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


