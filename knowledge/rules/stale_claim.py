"""``stale-claim``: figures whose evidence or review has run out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from knowledge.durations import parse_duration
from knowledge.figures import Figure, FigureIndex, Resolution, matching_source, quoted, where
from knowledge.model import Claim, Entry, Finding, Source
from knowledge.review import review_state

from .base import AuditContext, Draft, Rule


def _cited(entry: Entry) -> list[Claim]:
    """The figures of ``entry`` that carry a source, less the time spans a sentence counts over: "45
    per cent of restaurant staff changed employer within a year" cites its study for the 45 per cent,
    not for the year it counts over, so a span (``duration``) is left out where another figure of the
    same sentence rests on the same source. Every other figure stays, each its own finding: "40% of
    shoppers abandon carts and 25% never return" gives two, and so does a sentence said twice."""
    def key(c: Claim) -> tuple[str, str]:
        return " ".join((c.sentence or "").split()), c.source.title if c.source else ""

    counted = {key(c) for c in entry.claims if c.source is not None and c.kind != "duration"}
    return [c for c in entry.claims if c.source is not None and not (c.kind == "duration" and key(c) in counted)]


class StaleClaim(Rule):
    """An approved entry is overdue for review, has expired, or rests on a source older than
    ``max_source_age``; or a draft or a call quotes a figure that only such an entry backs.

    Anti-pattern::

        reviewed: 2025-09-02          # review_every 180d: due 2026-03-01
        expires: 2026-09-30           # a promotion that has ended
        sources:
          - title: Early-payment discount analysis
            date: 2024-02-12          # max_source_age 24m

    Fix: verify the entry and set ``reviewed:`` to today; retire an expired entry (or extend
    ``expires:``); replace an old source with current evidence. A finding points at the
    ``reviewed:``, ``expires:`` or source ``date:`` line, or at the figure when its source is named
    in prose ("(ZoomInfo, 2021)", "a 2019 survey by the National Retail Council", a lead-in over a
    list: "As per the State of DevOps 2021 report:"; a year alone means the end of that year).
    A draft or call figure backed by an entry's prose, not its metric, rests on that entry's
    sources when the prose names none of its own: stale when every one of them is old. A goal or
    priority stated as current for a year that has passed ("is a key CIO initiative for 2022") is
    stale too. Articles
    without ``reviewed:`` are not stale by review. Expired entries are errors, the rest warnings.
    """

    id = "stale-claim"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        staleness = Staleness.of(ctx)
        for entry in ctx.approved_entries:
            yield from self._entry(ctx, staleness, entry)
        if ctx.calls:
            for resolutions in FigureIndex.of(ctx).calls().values():
                for r in resolutions:
                    found = self._quoted(staleness, r, in_call=True)
                    if found is not None:
                        yield found

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        staleness = Staleness.of(ctx)
        for r in FigureIndex.of(ctx).draft(draft):
            found = self._quoted(staleness, r)
            if found is not None:
                yield found

    # -- the KB ----------------------------------------------------------------------------------

    def _entry(self, ctx: AuditContext, staleness: Staleness, entry: Entry) -> Iterable[Finding]:
        state = staleness.review(entry)
        if state == "expired" and entry.expires is not None:
            days = (ctx.today - entry.expires).days
            yield self.finding(
                path=entry.path, line=entry.line_of("expires", entry.line_of("reviewed")), severity="error",
                entry=entry.id, fingerprint="expired",
                message=f"expired on {entry.expires.isoformat()} ({days} days ago){_figures_of(entry)}: retire the "
                        "entry (status: retired) or renew it with a later expires:")
        elif state == "overdue":
            every = entry.review_every or ctx.settings.kb.review_every
            due = review_state(entry, ctx.today, ctx.settings.kb.review_every).due
            yield self.finding(
                path=entry.path, line=entry.line_of("reviewed"), entry=entry.id, fingerprint="review",
                message=f"review overdue since {due.isoformat() if due else '?'} (reviewed "
                        f"{entry.reviewed.isoformat() if entry.reviewed else '?'}, review every {every})"
                        f"{_figures_of(entry)}: verify it and set reviewed: to the date you did")
        for i, source in enumerate(entry.sources):
            if staleness.old(source) and staleness.rests_on(entry, source):
                line = source.date_line or entry.key_lines.get(f"sources[{i}].date") or source.line or entry.line_of(
                    "sources")
                yield self.finding(
                    path=entry.path, line=line, entry=entry.id, fingerprint=f"source:{source.title}",
                    message=f"source \"{source.title}\" is dated {source.date.isoformat() if source.date else '?'}, "
                            f"older than max_source_age ({staleness.max_age}){_resting(entry, source)}: replace it "
                            "with current evidence, or retire what rests on it")
        for c in _cited(entry):
            src = c.source
            if src is not None and staleness.old(src) and not _listed(entry, src):
                yield self.finding(
                    path=entry.path, line=c.line, column=c.column, end_line=c.end_line, end_column=c.end_column,
                    claim=c.to_dict(), entry=entry.id,
                    message=f"cites \"{src.title}\" ({src.date.year if src.date else '?'}), older than "
                            f"max_source_age ({staleness.max_age}): find current evidence for "
                            f"{c.text!r} or take the figure out")
        yield from self._passed_forecasts(ctx, entry)
        yield from self._dated_statistics(staleness, entry)
        yield from self._passed_dates(ctx, entry)
        yield from self._passed_agenda(ctx, entry)

    def _dated_statistics(self, staleness: Staleness, entry: Entry) -> Iterable[Finding]:
        """A statistic dated in prose but not attributed: "64% of buyers (2019)", "a 2015 survey
        found 41% ...". (An attributed one is reported as its source's.)"""
        seen: set[int] = set()
        for c in entry.claims:
            if c.source is not None or not c.is_claim or c.line in seen:
                continue
            m = _DATED.search(c.sentence)
            if m is None:
                continue
            year = int(m.group("year") or m.group("year2"))
            when = date(year, 12, 31)
            if when >= staleness.cutoff:
                continue
            seen.add(c.line)
            yield self.finding(
                path=entry.path, line=c.line, column=c.column, end_line=c.end_line, end_column=c.end_column,
                claim=c.to_dict(), entry=entry.id, fingerprint=f"dated:{year}:{c.text}",
                message=f"states {c.text!r} as a figure of {year}, older than max_source_age ({staleness.max_age}): "
                        "find current evidence or take the figure out")

    def _passed_forecasts(self, ctx: AuditContext, entry: Entry) -> Iterable[Finding]:
        """A forecast stated as a figure whose year has come: "By 2024, 60% of organizations will
        ...". The entry still presents a prediction as if it were ahead."""
        if entry.expires is not None:
            return
        seen: set[int] = set()
        for c in entry.claims:
            m = _FORECAST.search(c.sentence)
            if m is None or c.line in seen:
                continue
            year = int(m.group("year") or m.group("year2"))
            if year >= ctx.today.year:
                continue
            seen.add(c.line)
            yield self.finding(
                path=entry.path, line=c.line, column=c.column, end_line=c.end_line, end_column=c.end_column,
                claim=c.to_dict(), entry=entry.id, fingerprint=f"forecast:{year}:{c.text}",
                message=f"forecasts {c.text!r} for {year}, and {year} has passed: state what happened, with its "
                        "source, or take the forecast out")

    def _passed_dates(self, ctx: AuditContext, entry: Entry) -> Iterable[Finding]:
        """Time-bound statements whose date has passed: "free through 2019-09-22", "will go live
        2018-03-22": the entry still speaks of them as current. An entry with ``expires:`` has
        declared its end; that is what counts."""
        if not entry.body or entry.expires is not None:
            return
        for m in _TIME_BOUND.finditer(entry.body):
            when = _parse_date(m.group("date"))
            if when is None or when >= ctx.today:
                continue
            line = entry.body_line + entry.body.count("\n", 0, m.start("date"))
            col = m.start("date") - (entry.body.rfind("\n", 0, m.start("date")) + 1) + 1
            future = bool(m.group("will"))
            yield self.finding(
                path=entry.path, line=line, column=col, entry=entry.id, severity="warning" if future else "error",
                fingerprint=f"date:{m.group('date')}",
                message=(f"speaks of {m.group('date')} as {'ahead' if future else 'a deadline'}, and that date has "
                         "passed: update or remove the time-bound statement"))

    def _passed_agenda(self, ctx: AuditContext, entry: Entry) -> Iterable[Finding]:
        """A goal or priority stated as current for a year that has passed: "is a key CIO initiative
        for 2022", "our focus for 2021 is onboarding". Nothing in the sentence is a figure, but a
        reader takes the page's agenda for this year's."""
        if not entry.body or entry.expires is not None:
            return
        for m in _AGENDA.finditer(entry.body):
            year = int(m.group("year") or m.group("year2"))
            if year >= ctx.today.year:
                continue
            at = m.start("year") if m.group("year") else m.start("year2")
            line = entry.body_line + entry.body.count("\n", 0, at)
            col = at - (entry.body.rfind("\n", 0, at) + 1) + 1
            said = m.group(0).strip()
            # keyed by the statement, not its line (a key says what a finding is about, not where it
            # sits), so that two agendas of one year in one entry are two findings that each keep
            # their identity when lines above them move
            yield self.finding(
                path=entry.path, line=line, column=col, entry=entry.id, fingerprint=f"agenda:{year}:{said}",
                message=f"speaks of {said!r} as current, and {year} has passed: update the "
                        "statement or say when it held")

    # -- drafts and calls ------------------------------------------------------------------------

    def _quoted(self, staleness: Staleness, r: Resolution, *, in_call: bool = False) -> Finding | None:
        """A figure that only stale entries back. What to do differs: a draft is checked before
        it is published; a figure said on a call is already out, so it is checked and put right
        with the prospect if it no longer holds."""
        if r.status != "backed" or r.retired is not None:
            return None
        reasons = [staleness.figure(m.target) for m in r.backers]
        if not reasons or any(reason is None for reason in reasons):
            return None
        target = r.backers[0].target
        severity = "error" if all(reason and reason[0] == "expired" for reason in reasons) else "warning"
        reason = reasons[0][1] if reasons[0] else ""
        who = f"{r.figure.speaker} quoted" if r.figure.speaker else "quotes"
        return self.finding(
            severity=severity, expected=target.expected(), related=[target.place()],
            message=f"{who} {quoted(r.figure)}, which only {target.path} backs, and {reason}: check the figure "
                    + ("is still true, and correct it with the prospect if it is not" if in_call
                       else "is still true before publishing it"), **where(r.figure))


# "41% of employers (2019)", "a 2015 survey found": a statistic dated in prose
_DATED = re.compile(
    r"\((?P<year>(?:19|20)\d{2})\)"
    r"|\b(?P<year2>(?:19|20)\d{2})\s+(?:[A-Z][\w&-]*\s+){0,3}(?i:surveys?|stud(?:y|ies)|reports?|census|polls?|data|research)\b")
# "By 2024, 60% of ... will", "will reach 40% by 2023"
_FORECAST = re.compile(
    r"\b(?:[Bb]y|[Bb]efore)\s+(?:(?:the\s+)?end\s+of\s+)?(?P<year>(?:19|20)\d{2})\b(?=[^.]*\bwill\b)"
    r"|\bwill\b[^.]{0,120}?\b(?:by|before)\s+(?:(?:the\s+)?end\s+of\s+)?(?P<year2>(?:19|20)\d{2})\b")
# "is a key CIO initiative for 2022", "our priorities for 2021 are": an agenda in the present tense.
# The copula must govern the noun phrase ("is a key ... initiative", "priorities for 2021 are
# bed management"): in "this is what our focus in 2021 taught us" or "here is how our priorities
# in 2020 changed" the agenda is the subject of a past-tense clause, and in "our roadmap for 2022
# is archived below" a passive tells what was done with the agenda, not what it is ("is focused
# on" still names it).
_AGENDA_NOUN = r"(?:initiative|priorit(?:y|ies)|goal|focus|objective|roadmap|theme)s?"
_AGENDA_DET = r"(?:a|an|the|our|its|their|one[ \t]+of[ \t]+(?:the|our|its|their))"
_AGENDA = re.compile(
    rf"\b(?:is|are)[ \t]+{_AGENDA_DET}[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_AGENDA_NOUN}[ \t]+(?:for|in)[ \t]+"
    rf"(?P<year>(?:19|20)\d{{2}})\b(?![-/]\d)"
    rf"|\b{_AGENDA_NOUN}[ \t]+for[ \t]+(?P<year2>(?:19|20)\d{{2}})[ \t]+(?:is|are)\b"
    rf"(?![ \t]+\w+[^\W\de]ed\b(?![ \t]+(?:on|around)\b))", re.I)
_DATE = (r"\d{4}-\d{2}-\d{2}|(?:January|February|March|April|May|June|July|August|September|October|November"
         r"|December)\s+\d{1,2},\s+\d{4}")
_TIME_BOUND = re.compile(
    rf"(?:\b(?P<will>will|plan to|planned for|coming|scheduled)\b[^.\n]{{0,80}}?|\b(?:through|until|till|expires?|"
    rf"ends?|valid to|before|by)\s+)(?P<date>{_DATE})", re.I)


def _parse_date(text: str) -> date | None:
    from datetime import datetime

    for fmt in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _figures_of(entry: Entry) -> str:
    if entry.metrics:
        return f"; its figures: {', '.join(m.id for m in entry.metrics)}"
    if entry.claims:
        return f"; it states {len(entry.claims)} figure{'s' if len(entry.claims) != 1 else ''}"
    return ""


def _resting(entry: Entry, source: Source) -> str:
    ids = [m.id for m in entry.metrics if m.source and matching_source(source.title, m.source)]
    return f"; {', '.join(ids)} rest{'s' if len(ids) == 1 else ''} on it" if ids else ""


# words of a source's title that say what it is, not what it is about, or that any title may hold (a
# "2021 Customer Support Survey" is not what "support tickets fell 20%" rests on)
_TITLE_FILLER = frozenset(
    "study studies survey surveys report reports research analysis benchmark benchmarks review index data paper "
    "whitepaper annual global state edition update findings insights with from customer customers client clients "
    "support service services business businesses company companies industry market team teams user users people "
    "experience trends outlook performance".split())


def _title_words(text: str) -> list[str]:
    """The words of ``text`` that can say what a source is about: four letters or more, no year, no
    word of a study's kind."""
    return [w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _TITLE_FILLER]


def _listed(entry: Entry, source: Source) -> bool:
    """A source named in prose that the entry also lists is reported once, at its date: line."""
    return any(matching_source(s.title, source.title) and s.date is not None for s in entry.sources)


class Staleness:
    """Which approved entries and figures are stale, computed once per run."""

    def __init__(self, ctx: AuditContext) -> None:
        self.ctx = ctx
        self.max_age = ctx.settings.kb.max_source_age or "24m"
        try:
            self.cutoff = parse_duration(self.max_age).before(ctx.today)
        except ValueError:
            self.cutoff = parse_duration("24m").before(ctx.today)
        self._review: dict[str, str] = {}

    @staticmethod
    def of(ctx: AuditContext) -> Staleness:
        cached = ctx.__dict__.get("_staleness")
        if not isinstance(cached, Staleness):
            cached = ctx.__dict__["_staleness"] = Staleness(ctx)
        return cached

    def review(self, entry: Entry) -> str:
        if entry.id not in self._review:
            self._review[entry.id] = review_state(entry, self.ctx.today, self.ctx.settings.kb.review_every).state
        return self._review[entry.id]

    def old(self, source: Source) -> bool:
        return source.date is not None and source.date < self.cutoff

    def rests_on(self, entry: Entry, source: Source) -> bool:
        """A metric cites it; or no metric cites a source and all the entry's dated sources are old, or
        a figure's sentence names what this source's title alone names (the "leakage" of "Acme Leakage
        Study" beside a newer "2026 Claims Benchmark": "customers cut leakage by 3 to 5%")."""
        if any(m.source and matching_source(source.title, m.source) for m in entry.metrics):
            return True
        if any(m.source for m in entry.metrics):
            return False
        dated = [s for s in entry.sources if s.date is not None]
        if bool(dated) and all(self.old(s) for s in dated):
            return True
        return self._named_by_a_figure(entry, source)

    def _named_by_a_figure(self, entry: Entry, source: Source) -> bool:
        own = set(_title_words(self.ctx.settings.kb.name or ""))
        others = {w for s in entry.sources if s is not source for w in _title_words(s.title)}
        words = set(_title_words(source.title)) - others - own
        if not words:
            return False
        return any(c.is_claim and c.source is None and words & set(_title_words(c.sentence or "")) for c in entry.claims)

    def figure(self, f: Figure) -> tuple[str, str] | None:
        """("expired" | "stale", why) for a KB figure that is stale, else None."""
        entry = f.entry
        if entry is None:
            return None
        state = self.review(entry)
        if state == "expired" and entry.expires is not None:
            return "expired", f"{entry.id} expired on {entry.expires.isoformat()}"
        if state == "overdue":
            return "stale", f"{entry.id} is overdue for review (reviewed {entry.reviewed})"
        source = f.source
        if f.metric is not None and f.metric.source:
            source = next((s for s in entry.sources if matching_source(s.title, f.metric.source)), source)
        if source is not None and self.old(source):
            return "stale", f"its source \"{source.title}\" ({source.date}) is older than max_source_age ({self.max_age})"
        if source is None and self._all_old(entry):
            dated = [s for s in entry.sources if s.date is not None]
            if len(dated) == 1:
                return "stale", (f"its source \"{dated[0].title}\" ({dated[0].date}) is older than max_source_age "
                                 f"({self.max_age})")
            return "stale", f"{entry.id}'s sources are older than max_source_age ({self.max_age})"
        return None

    def _all_old(self, entry: Entry) -> bool:
        """Every source an entry's figures may rest on is old: it lists dated sources, all old, and
        each source its metrics cite is one of them. A figure stated in its prose with no source
        of its own (the entry's own metric said again: "lifted yield by 4.5% on average") rests on
        nothing newer."""
        dated = [s for s in entry.sources if s.date is not None]
        if not dated or not all(self.old(s) for s in dated):
            return False
        return all(any(matching_source(m.source, s.title) for s in dated) for m in entry.metrics if m.source)
