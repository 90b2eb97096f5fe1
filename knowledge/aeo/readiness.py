"""AEO readiness: how ready each entry is to be quoted, and cited, by an answer engine.

Each approved entry that could become a page (a message, proof point, case study or answer)
scores 0-100 from weighted checks:

=================  ======  ===========================================================
check              points  passes when
=================  ======  ===========================================================
``figure``         20      it states a specific figure: a registered metric or a figure in prose
``source``         20      a source is dated within ``max_source_age`` (5 for a source with no
                           date or an older one)
``answer-first``   20      the opening paragraph answers: it states a figure, or is a short
                           declarative sentence (not a heading, a list or a question)
``review``         15      its review is current (not overdue, expired or never done)
``owner``          10      it names an owner
``no-conflict``    10      no ``metric-conflict`` or ``source-conflict`` finding is about it
``no-retired``     5       no ``retired-claim`` finding is about it
=================  ======  ===========================================================

The KB's score is the mean over those entries. Objections are left out (they are the questions,
not answers) and so are articles (untyped material), drafts and retired entries (not canonical).
The opening is judged on what the export would publish (internal sections withheld), and each
entry says whether the export publishes it and, if not, the same reasons as ``manifest.json``.

Each lost check has a ``label`` (the kind of problem, the same words for every entry) and a
``reason`` that starts with that label and adds the entry's detail; the KB-wide reasons count
entries by label, so the two always agree.

Each lost check also says what to do (``fix``) and where (``line``: the front-matter key to
change, the opening, the finding; ``None`` where there is no line to point at), and an answer whose
page would ask its own title (no ``question:`` of its own and no public objection to ask) gets an
``advice`` line that costs no points: which field to add.

``no source`` here is not the export's ``unsourced``: an entry with no source at all loses the
points, but the export leaves out only an entry whose figures the audit finds without a source; an
entry that states no figure, or whose figures ``unsourced-claim`` does not flag, is still exported.

Findings come from the audit, by rule id, after ``canon.ignore`` and ignore comments: a conflict an
entry suppresses on purpose costs it nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from knowledge.durations import parse_duration
from knowledge.model import KB, SEVERITY_RANK, Entry, Finding, Source
from knowledge.review import review_state
from knowledge.settings import Settings

from ._text import opening, own_question
from .public import PublishRule, public_entry, public_questions

SCORED_TYPES: tuple[str, ...] = ("message", "proof_point", "case_study", "answer")
SCOPE = ("mean over approved message, proof_point, case_study and answer entries "
         "(objections are questions, articles are untyped, drafts and retired entries are not canonical)")

CONFLICT_RULES = frozenset({"metric-conflict", "source-conflict"})
RETIRED_RULES = frozenset({"retired-claim"})


@dataclass(frozen=True)
class Check:
    id: str
    points: int
    label: str  # what an entry that loses these points lacks, for the KB-wide reasons


CHECKS: tuple[Check, ...] = (
    Check("figure", 20, "states no specific figure"),
    Check("source", 20, "no source dated within max_source_age"),
    Check("answer-first", 20, "does not open with the answer"),
    Check("review", 15, "review not current"),
    Check("owner", 10, "no owner"),
    Check("no-conflict", 10, "a conflicting figure or source"),
    Check("no-retired", 5, "repeats a retired claim"),
)
CHECKS_BY_ID = {c.id: c for c in CHECKS}
assert sum(c.points for c in CHECKS) == 100


@dataclass
class CheckResult:
    check: str
    points: int
    max: int
    reason: str | None = None  # why points were lost, starting with ``label``; None when none were
    label: str | None = None  # the kind of problem, as the KB-wide reasons count it
    fix: str | None = None  # what to do to get the points back
    line: int | None = None  # where: the line of the entry's file to change, if there is one

    def __post_init__(self) -> None:
        if self.reason and not self.label:
            self.label = self.reason

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "points": self.points, "max": self.max, "reason": self.reason,
                "label": self.label, "fix": self.fix, "line": self.line}


def where(entry: Entry, line: int | None) -> str:
    """``path:line``, or the path alone when there is no line to point at."""
    return f"{entry.path}:{line}" if line else entry.path


@dataclass
class Advice:
    """Something to change that costs no points, and where."""

    line: int | None
    text: str


@dataclass
class EntryReadiness:
    entry: Entry
    checks: list[CheckResult]
    left_out: list[str] | None = None  # why the export leaves it out ([]: exported; None: not decided)
    advice: list[Advice] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(c.points for c in self.checks)

    @property
    def lost(self) -> int:
        return 100 - self.score

    def reasons(self) -> list[str]:
        """Why points were lost, the costliest first."""
        failed = sorted((c for c in self.checks if c.reason), key=lambda c: (c.points - c.max, c.check))
        return [f"{c.reason} (-{c.max - c.points})" for c in failed]

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        out = {"entry": e.id, "title": e.title, "type": e.type, "path": e.path, "score": self.score,
               "lost": self.lost, "reasons": self.reasons(),
               "checks": [{**c.to_dict(), "where": where(e, c.line)} for c in self.checks],
               "advice": [{"where": where(e, a.line), "text": a.text} for a in self.advice]}
        if self.left_out is not None:
            out["exported"] = not self.left_out
            out["left_out"] = self.left_out
        return out


@dataclass
class Readiness:
    today: date
    max_source_age: str
    entries: list[EntryReadiness] = field(default_factory=list)  # most to gain first

    @property
    def score(self) -> float | None:
        """The mean of the entries' scores, one decimal; ``None`` when there is no entry to score."""
        if not self.entries:
            return None
        return round(sum(r.score for r in self.entries) / len(self.entries), 1)

    def top_reasons(self) -> list[dict[str, Any]]:
        """Where entries lose points, by check: how many entries, how many points in all."""
        counts: dict[tuple[str, str], list[int]] = {}
        for r in self.entries:
            for c in r.checks:
                if c.reason:
                    n = counts.setdefault((c.check, c.label or c.reason), [0, 0])
                    n[0] += 1
                    n[1] += c.max - c.points
        out = [{"check": k[0], "reason": k[1], "entries": v[0], "points": v[1]} for k, v in counts.items()]
        return sorted(out, key=lambda d: (-d["entries"], -d["points"], d["check"]))

    def summary(self) -> dict[str, Any]:
        """What ``canon audit`` adds to its JSON summary."""
        return {"score": self.score, "entries": len(self.entries)}

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        shown = self.entries if limit is None else self.entries[:limit]
        return {
            "version": 1,
            "today": self.today.isoformat(),
            "score": self.score,
            "entries_scored": len(self.entries),
            "scope": SCOPE,
            "checks": [{"check": c.id, "points": c.points, "passes": _label(c.id, self.max_source_age, passed=True)}
                       for c in CHECKS],
            "top_reasons": self.top_reasons(),
            "entries": [r.to_dict() for r in shown],
        }


_PASSES = {
    "figure": "states a specific figure (a metric, or a figure in prose)",
    "source": "cites a source dated within {age}",
    "answer-first": "opens with the answer: a figure, or a short declarative sentence",
    "review": "review is current",
    "owner": "names an owner",
    "no-conflict": "no metric-conflict or source-conflict finding",
    "no-retired": "no retired-claim finding",
}


def _label(check: str, age: str, *, passed: bool = False) -> str:
    text = _PASSES[check] if passed else CHECKS_BY_ID[check].label
    return text.replace("{age}", age).replace("max_source_age", age)


# ------------------------------------------------------------------------------------------------
# Findings by entry


def findings_by_entry(entries: Iterable[Entry], findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """The findings about each entry: by the file they point at, else by ``Finding.entry``.

    The path wins: a second file that reuses an id is reported with that id, and its findings are
    not about the entry that keeps it."""
    listed = list(entries)
    ids = {e.id for e in listed}
    by_path = {e.path: e.id for e in listed}
    out: dict[str, list[Finding]] = {}
    for f in findings:
        entry_id = by_path.get(f.path) or (f.entry if f.entry in ids else None)
        if entry_id is not None:
            out.setdefault(entry_id, []).append(f)
    return out


def _at_least(f: Finding, severity: str) -> bool:
    return SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK[severity]


# ------------------------------------------------------------------------------------------------
# The checks


def _sources(entry: Entry) -> list[Source]:
    """Front-matter sources, and sources named next to figures in prose."""
    return [*entry.sources, *(c.source for c in entry.claims if c.source is not None)]


def _front_matter_line(entry: Entry, key: str) -> int | None:
    """The line of ``key`` in front matter; else line 1 where there is front matter to add it to."""
    return entry.key_lines.get(key) or (1 if entry.key_lines else None)


def _check_source(entry: Entry, today: date, max_age: str) -> CheckResult:
    full = CHECKS_BY_ID["source"].points
    sources = _sources(entry)
    line = _front_matter_line(entry, "sources")
    if not sources:
        return CheckResult("source", 0, full, "no source", line=line,
                           fix="add a dated source under `sources:` (title, url, date)")
    dated = [s.date for s in sources if s.date is not None]
    if not dated:
        return CheckResult("source", 5, full, "no source has a date", line=line,
                           fix="give a source `title:` and `date: YYYY-MM-DD` under `sources:`")
    newest = max(dated)
    if parse_duration(max_age).after(newest) >= today:
        return CheckResult("source", full, full)
    label = f"newest source older than {max_age}"
    return CheckResult("source", 5, full, f"{label} ({newest.isoformat()})", label, line=line,
                       fix="cite a newer source, or update its `date:` if it has been revised since")


def _check_review(entry: Entry, today: date, default_every: str) -> CheckResult:
    full = CHECKS_BY_ID["review"].points
    state = review_state(entry, today, default_every)
    if state.state == "current":
        return CheckResult("review", full, full)
    label, detail, key, fix = {
        "expired": ("expired", f" on {state.expires.isoformat() if state.expires else '?'}", "expires",
                    "review it, then move `expires:` on (or remove it) and update `reviewed:`"),
        "overdue": ("review overdue", f" since {state.due.isoformat() if state.due else '?'}", "reviewed",
                    "update `reviewed:` after reviewing the entry"),
        "unreviewed": ("never reviewed", " (no reviewed: date)", "reviewed",
                       "add `reviewed: YYYY-MM-DD` after reviewing the entry"),
    }[state.state]
    return CheckResult("review", 0, full, label + detail, label, fix=fix, line=_front_matter_line(entry, key))


def _check_opening(entry: Entry, rule: PublishRule) -> CheckResult:
    """Whether what the export would publish of ``entry`` opens with the answer, and where it does not."""
    opened = opening(public_entry(entry, rule))
    full = CHECKS_BY_ID["answer-first"].points
    if opened.problem is None:
        return CheckResult("answer-first", full, full)
    label = CHECKS_BY_ID["answer-first"].label
    return CheckResult("answer-first", 0, full, f"{label}: {opened.problem}", label,
                       fix="open with a sentence that answers: the figure, or a short statement",
                       line=opened.block.line if opened.block else entry.body_line)


def _check_findings(check: str, rules: frozenset[str], found: Sequence[Finding]) -> CheckResult:
    full = CHECKS_BY_ID[check].points
    hits = sorted((f for f in found if f.rule in rules and _at_least(f, "warning")), key=lambda f: (f.line, f.rule))
    if not hits:
        return CheckResult(check, full, full)
    where = ", ".join(f"{f.rule} at line {f.line}" for f in hits[:3])
    more = f" and {len(hits) - 3} more" if len(hits) > 3 else ""
    label = CHECKS_BY_ID[check].label
    return CheckResult(check, 0, full, f"{label}: {where}{more}", label, line=hits[0].line,
                       fix="`canon audit` shows the finding and what to change")


def score_entry(entry: Entry, found: Sequence[Finding], settings: Settings, today: date,
                rule: PublishRule | None = None) -> EntryReadiness:
    """The readiness of one entry, given the audit findings about it; the opening is judged on what
    ``rule`` would publish of it."""
    checks: list[CheckResult] = []
    full = CHECKS_BY_ID["figure"].points
    if entry.metrics or entry.claims:
        checks.append(CheckResult("figure", full, full))
    else:
        label = CHECKS_BY_ID["figure"].label
        checks.append(CheckResult("figure", 0, full, f"{label}: register a metric or quote one", label,
                                  line=_front_matter_line(entry, "metrics")))
    checks.append(_check_source(entry, today, settings.kb.max_source_age))
    checks.append(_check_opening(entry, rule or PublishRule()))
    checks.append(_check_review(entry, today, settings.kb.review_every))
    full = CHECKS_BY_ID["owner"].points
    checks.append(CheckResult("owner", full, full) if entry.owner else
                  CheckResult("owner", 0, full, "no owner", fix="add `owner:` (a person or a team)",
                              line=_front_matter_line(entry, "owner")))
    checks.append(_check_findings("no-conflict", CONFLICT_RULES, found))
    checks.append(_check_findings("no-retired", RETIRED_RULES, found))
    return EntryReadiness(entry, checks)


def question_advice(entry: Entry, by_id: dict[str, Entry], rule: PublishRule) -> list[Advice]:
    """For an answer the publish rule lets out whose page would ask its own title (no ``question:``,
    no public objection to ask, a title that is not a question), which field to add: a title such as ``Answering "it costs
    too much"`` quotes the sellers' shorthand, not a buyer's question."""
    title = entry.title or entry.id
    if (entry.type != "answer" or not rule.is_public(entry) or own_question(entry)
            or public_questions(entry, by_id, rule) or title.endswith("?")):
        return []
    private = [o for o in entry.answers if o in by_id]
    why = f" ({', '.join(private)}, which it answers, is not public)" if private else ""
    return [Advice(_front_matter_line(entry, "title"),
                   f"the page asks its title {title!r} as its question{why}: add `question:` to the front "
                   "matter with the question as a buyer would ask it")]


def _explain_no_source(r: EntryReadiness) -> None:
    """Where readiness says ``no source`` and the export does not say ``unsourced``, say why the two
    differ, so that the reader does not take one of them for a mistake."""
    if r.left_out is None or "unsourced" in r.left_out:
        return
    for c in r.checks:
        if c.check == "source" and c.label == "no source" and c.fix:
            c.fix += ("; the export does not count it as `unsourced`: that means a figure the audit finds "
                      "without a source, and it finds none here")


def scored(entry: Entry) -> bool:
    return entry.approved and entry.type in SCORED_TYPES


def score_kb(kb: KB, findings: Iterable[Finding], settings: Settings, today: date) -> Readiness:
    """Every scored entry's readiness, most to gain first, and the KB's mean; each entry with the
    export's verdict on it (the same reasons as ``manifest.json``)."""
    from .export import exclusion

    rule = PublishRule.from_settings(settings, kb.entries)
    found = findings_by_entry(kb.entries, findings)
    by_id = {e.id: e for e in kb.entries}
    results = []
    for e in kb.entries:
        if scored(e):
            r = score_entry(e, found.get(e.id, []), settings, today, rule)
            r.left_out = exclusion(e, found.get(e.id, []), rule)[0]
            r.advice = question_advice(e, by_id, rule)
            _explain_no_source(r)
            results.append(r)
    results.sort(key=lambda r: (-r.lost, r.entry.id))
    return Readiness(today=today, max_source_age=settings.kb.max_source_age, entries=results)


def run_readiness(settings: Settings, *, today: date, embedder: Any = None) -> Readiness:
    """Audit the indexed KB and score it (what ``canon aeo score`` and ``GET /v1/aeo/score`` show)."""
    from knowledge.audit import run_audit
    from knowledge.indexed import load_indexed_kb

    report = run_audit(settings, today=today, embedder=embedder)
    return score_kb(load_indexed_kb(settings), report.findings, settings, today)


def aeo_score(settings: Settings, *, today: date, limit: int | None = None, embedder: Any = None) -> dict[str, Any]:
    """The JSON of ``canon aeo score --format json``, shared with the API."""
    return run_readiness(settings, today=today, embedder=embedder).to_dict(limit=limit)


# ------------------------------------------------------------------------------------------------
# Text for people


def _advice_lines(entry: dict[str, Any]) -> list[str]:
    """One line per lost check, the costliest first, then per piece of advice: ``file:line: what
    is wrong: what to do (-points)``."""
    lost = sorted((c for c in entry["checks"] if c["reason"]), key=lambda c: (c["points"] - c["max"], c["check"]))
    out = [f"{c['where']}: {c['reason']}" + (f": {c['fix']}" if c.get("fix") else "") + f" (-{c['max'] - c['points']})"
           for c in lost]
    return out + [f"{a['where']}: {a['text']}" for a in entry.get("advice", [])]


def render_score_text(data: dict[str, Any]) -> str:
    """``aeo_score``'s JSON as rich-markup text: the KB score, where points go, then the entries."""
    from rich.markup import escape

    if data["score"] is None:
        return (f"No entry to score as of {data['today']}: readiness is the {escape(data['scope'])}, "
                "and the KB has none.")
    lines = [f"[bold]AEO readiness: {data['score']:g}/100[/] over {data['entries_scored']} entries "
             f"as of {data['today']}", f"[dim]{escape(data['scope'])}[/]", ""]
    if data["top_reasons"]:
        lines.append("[bold]Where entries lose points[/]")
        width = max(len(r["reason"]) for r in data["top_reasons"])
        for r in data["top_reasons"]:
            n = r["entries"]
            lines.append(f"  {escape(r['reason']):<{width}}  {n:>3} entr{'y' if n == 1 else 'ies'}  "
                         f"[red]-{r['points']}[/] points")
        lines.append("")
    if data["entries"]:
        lines.append("[bold]Entries, most to gain first[/] [dim](each line: where, what, what to do)[/]")
        for e in data["entries"]:
            style = "green" if e["score"] >= 80 else "yellow" if e["score"] >= 50 else "red"
            left = f"  [dim](not exported: {escape(', '.join(e['left_out']))})[/]" if e.get("left_out") else ""
            todo = _advice_lines(e)
            lines.append(f"  [{style}]{e['score']:>3}[/]  [cyan]{escape(e['entry'])}[/]"
                         f"{'' if todo else '  [green]ready[/]'}{left}")
            lines += [f"       {escape(line)}" for line in todo]
    shown, total = len(data["entries"]), data["entries_scored"]
    if shown < total:
        lines.append(f"  [dim]… {total - shown} more (raise --limit)[/]")
    return "\n".join(lines)
