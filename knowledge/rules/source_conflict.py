"""``source-conflict``: one figure, attributed to different sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from knowledge.claims.sources import FOOTNOTE_DEF, listed_sources
from knowledge.figures import (
    Figure,
    Match,
    approved_figure,
    matching_source,
    quoted,
    where,
)
from knowledge.figures.index import states_a_finding
from knowledge.figures.reading import _story_subject
from knowledge.model import Finding

from .base import AuditContext, Draft, Rule

# A company's own result credited to an outside source when one metric states the same value under
# another source (``SourceConflict._same_value``): measured in the tenth round and switched off after
# review. It compares the value, not what is measured ("Our customers' drivers idle 50% less, according
# to the Fleet Telematics Council" against a 50% cut in route planning time), reads any "we"/"our" in
# the sentence as the company's own result, and a customer quoted on its own result as an outside
# source (bench/ACCURACY.md, "Unsourced claims and source conflicts, tenth round").
SAME_VALUE = False


class SourceConflict(Rule):
    """The same figure is attributed to different sources.

    Anti-pattern (the benchmark report is the touchless rate's source; a message registers the
    same 78% under an analyst brief, and an answer credits the cost reduction to another firm)::

        - id: straight-through-rate          # messaging/automation.md
          value: 78
          source: "IDC InfoBrief: The State of Accounts Payable Automation, 2026"

        An independent Hackett Group study found customers cut processing cost by 62%.

    Fix: cite the source the figure really comes from (the registered metric's), in the metric
    and in prose. Compared: two metrics registering one measure with agreeing values; a figure
    with a source named in prose ("according to ...", "(Gartner, 2025)", "an independent X study
    found") and the metric it agrees with; two figures in prose, each with a source named, that
    state one measure with agreeing values (one statistic credited to two studies across pages). (A
    result of the company's own credited in its sentence, or its footnote, to an outside study, which
    the matching leaves unbacked, where exactly one registered metric states its very value under
    another source, is read only with ``SAME_VALUE``, off: measured in the tenth round and taken out
    after review.) The reported side is the one in the less
    authoritative entry (proof points first), or whose source fewer metrics cite; of two
    statements in prose, the one whose source fewer agreeing statements cite, then the one in the
    less authoritative entry; where nothing tells them apart, both.

    A note under a table that lists several sources ("Source: Customer Benchmark 2026; Support
    Desk Report 2026") says the rows come from those studies without saying which row from
    which: no row is credited to any one of them, so no row is reported for its own source. The
    list still counts against a figure elsewhere credited to a study it does not name.
    """

    id = "source-conflict"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        kb = ctx.figures.kb
        cited: dict[str, int] = {}  # how many metrics cite a source: the more, the more canonical
        for f in kb.canonical.figures[:kb.metrics]:
            if f.metric is not None and f.metric.source:
                title = _key(f.metric.source)
                cited[title] = cited.get(title, 0) + 1

        def popularity(title: str) -> int:
            return max(cited.get(_key(t), 0) for t in listed_sources(title))

        seen: set[tuple[int, int]] = set()
        for a, m in kb.metric_agreements:
            b = m.target
            sa, sb = _source(a), _source(b)
            if not sa or not sb or _same_source(sa, sb):
                continue
            pair = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
            if pair in seen:
                continue
            seen.add(pair)
            rank_a = (_TYPE_RANK.get(a.entry.type if a.entry else "", 9), -popularity(sa), a.path)
            rank_b = (_TYPE_RANK.get(b.entry.type if b.entry else "", 9), -popularity(sb), b.path)
            report, other = (a, b) if rank_a > rank_b else (b, a)
            yield self._finding(report, Match(other, m.score))
        metrics = [g for g in kb.canonical.figures[:kb.metrics] if g.metric is not None
                   and _in_force(g, ctx.today)] if SAME_VALUE else []
        for f, r in kb.resolutions.items():
            yield from self._prose(f, r.backers)
            if (SAME_VALUE and r.status == "unbacked" and not r.backers and r.conflict is None
                    and f not in kb.retired_repeats):
                yield from self._same_value(f, metrics, ctx.settings.kb.name)
        # two statements in prose, each crediting a source: the one whose source fewer agreeing
        # statements cite is reported (then the one in the less authoritative entry, the later one)
        agreements = ctx.figures.sourced_agreements()
        neighbours: dict[Figure, list[Match]] = {}
        for a, m in agreements:
            neighbours.setdefault(a, []).append(m)
            neighbours.setdefault(m.target, []).append(Match(a, m.score))

        def support(f: Figure) -> int:
            own = _source(f) or ""
            return 1 + sum(_same_source(own, _source(m.target) or "") for m in neighbours.get(f, []))

        reported: set[int] = set()
        for a, m in agreements:
            b = m.target
            sa, sb = _source(a), _source(b)
            if not sa or not sb or _same_source(sa, sb) or (_several(a) and _several(b)):
                continue
            # the side credited to a list of sources is not reported: its figure is credited to no one study
            odd_a = (_several(b), -support(a), _TYPE_RANK.get(a.entry.type if a.entry else "", 9))
            odd_b = (_several(a), -support(b), _TYPE_RANK.get(b.entry.type if b.entry else "", 9))
            if odd_a == odd_b:
                # nothing says which credit is wrong (no metric, no more statements for one, one kind
                # of page): both pages are told, each naming the other
                sides = [(a, b), (b, a)]
            else:
                sides = [(a, b) if odd_a > odd_b else (b, a)]
            for report, other in sides:
                if id(report) not in reported:
                    reported.add(id(report))
                    yield self._finding(report, Match(other, m.score))

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        for r in ctx.figures.draft(draft):
            yield from self._prose(r.figure, r.backers)

    def _prose(self, f: Figure, backers: list[Match]) -> Iterable[Finding]:
        """A source named in prose next to a figure that a differently sourced statement backs."""
        if f.claim is None or f.claim.source is None or _several(f):
            return
        named = f.claim.source.title
        sourced = [m for m in backers if _source(m.target)]
        if not sourced or any(_same_source(named, _source(m.target) or "") for m in sourced):
            return
        if _customers_own(f, named, sourced):
            return
        yield self._finding(f, sourced[0])

    def _same_value(self, f: Figure, metrics: list[Figure], kb_name: str) -> Iterable[Finding]:
        """A result of the company's own (its name or "we"/"our" in the sentence) credited in its own
        sentence, or by a footnote mark in it, to a named outside source, which the figure matching
        leaves unbacked, but whose very value one registered metric in force states, of the same kind,
        unit, period, sense and customer, under another source: the figure is that metric's, and its
        credit is wrong ("Sites that run Acme lose 12% fewer fish, according to the X Report 2025"
        beside a 12% reduction registered from the company's own benchmark). Where two metrics state
        the value, nothing says which one it is, and nothing is reported."""
        if f.claim is None or f.claim.source is None or _several(f) or f.kind == "number" or not states_a_finding(f):
            return
        named = f.claim.source.title
        if not _credited_in_its_sentence(f, named) or not _of_the_company(f, kb_name) or _names_itself(named, kb_name):
            return
        same = [g for g in metrics if _same_measured_value(f, g)]
        if len(same) != 1 or _same_source(named, _source(same[0]) or ""):
            return
        yield self._finding(f, Match(same[0], 0.0))

    def _finding(self, f: Figure, m: Match) -> Finding:
        target = m.target
        what = f"metric {f.metric.id} registers" if f.metric is not None else "attributes"
        return self.finding(
            message=f"{what} {quoted(f)} to {_named(_source(f))}, but {approved_figure(target)} comes from "
                    f"{_named(_source(target))}: cite the source the figure comes from",
            expected={**target.expected(), "source": _source(target)}, related=[target.place()], **where(f))


_TYPE_RANK = {"proof_point": 0, "case_study": 1, "answer": 2, "message": 3, "objection": 4, "article": 5}


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _named(title: str | None) -> str:
    names = listed_sources(title or "")
    if len(names) == 1:
        return f"\"{names[0]}\""
    return "one of " + ", ".join(f"\"{n}\"" for n in names[:-1]) + f" or \"{names[-1]}\""


def _same_source(a: str, b: str) -> bool:
    """Whether two source titles name one source; a list of sources names each of its own."""
    return any(matching_source(x, y) for x in listed_sources(a) for y in listed_sources(b))


def _customers_own(f: Figure, named: str, backers: list[Match]) -> bool:
    """Whether a figure is a customer's own result ("Kwezi Build puts a rand figure on it: R 2,4
    million a year"), backed by that customer's metric, with a study named only before its
    sentence (a source carried from the paragraph above): the customer's figure comes from the
    customer, not from the study. A study named in the figure's own sentence still counts."""
    if f.claim is None or not any(_of_a_customer(m.target, f) for m in backers):
        return False
    said = " ".join((f.claim.sentence or "").split()).casefold()
    return not any(_key(n) in said for n in listed_sources(named))


def _of_a_customer(target: Figure, f: Figure) -> bool:
    """Whether ``target`` is a figure of the customer ``f`` is about: the customer the reading
    found for both, or, where it found none for ``f``, a metric of the customer story whose
    customer ``f``'s own sentence names (another customer's story backs nothing of this one)."""
    if f.entity is not None:
        return target.entity == f.entity
    if target.metric is None or target.entry is None or target.entry.type != "case_study" or f.claim is None:
        return False
    who = _story_subject(target.entry)
    said = " ".join((f.claim.sentence or "").split()).casefold()
    return bool(who and who.strip()) and " ".join((who or "").split()).casefold() in said


def _in_force(g: Figure, today: date) -> bool:
    """Whether a metric is registered by an approved entry that has not expired."""
    entry = g.entry
    return entry is not None and entry.status == "approved" and (entry.expires is None or entry.expires >= today)


def _same_measured_value(f: Figure, g: Figure) -> bool:
    """Whether the metric ``g`` states the very value ``f`` states: kind, unit, value, period, and
    (where both say) sense, role and customer. A single number equal by chance is common, so the
    caller asks more of the sentence than this."""
    if g.kind != f.kind or g.unit != f.unit or g.value != f.value or g.per != f.per or g.entity != f.entity:
        return False
    if f.sense is not None and g.sense is not None and f.sense != g.sense:
        return False
    return not (f.role is not None and g.role is not None and f.role != g.role)


_NAME_WORD = re.compile(r"[A-Za-z][\w&'’-]*")
_NOT_NAME = re.compile(
    r"(?i)^(?:the|a|an|of|for|and|on|in|by|from|independent|annual|global|national|study|survey|report|research"
    r"|analysis|benchmark(?:ing)?|review|index|poll|census|paper|data|findings?|estimates?|audit|trials?)$")


def _credited_in_its_sentence(f: Figure, named: str) -> bool:
    """Whether the source a figure is credited to is named in the figure's own sentence, or by a
    footnote mark in it (the footnote names it): not carried from another sentence or list item
    ("- Nine hours back, according to a Kestrel study.\n- Write-offs fall by 27%." credits Kestrel
    with the nine hours only). The first word of the source's name that is a name is looked for."""
    if f.claim is None:
        return False
    said = " ".join((f.claim.sentence or "").split()).casefold()
    for name in listed_sources(named):
        words = [w.strip("'’").removesuffix("'s").removesuffix("’s") for w in _NAME_WORD.findall(name)]
        words = [w for w in words if w and not _NOT_NAME.match(w)]
        if words and re.search(rf"(?<!\w){re.escape(words[0].casefold())}", said):
            return True
    return _from_a_footnote(f)


def _from_a_footnote(f: Figure) -> bool:
    """Whether a figure's source is the footnote a mark in its sentence points to (ingest credits a
    figure with a footnote only through such a mark): the source's line is a footnote's definition."""
    src, entry = f.claim.source if f.claim is not None else None, f.entry
    if src is None or src.line is None or entry is None:
        return False
    lines = entry.body.split("\n")
    at = src.line - entry.body_line
    return 0 <= at < len(lines) and FOOTNOTE_DEF.match(lines[at]) is not None


_AS_ITSELF = re.compile(r"\b(?i:we|our)\b")


def _of_the_company(f: Figure, kb_name: str) -> bool:
    """Whether a figure's sentence speaks of the company's own results: it names the company or
    speaks as it ("we", "our")."""
    said = " ".join((f.claim.sentence or "").split()) if f.claim is not None else ""
    own = kb_name.strip().casefold()
    return bool(_AS_ITSELF.search(said)) or bool(own) and own in said.casefold()


def _names_itself(named: str, kb_name: str) -> bool:
    """Whether the source a figure is credited to is the company's own (its name in the title)."""
    own = kb_name.strip().casefold()
    return bool(own) and own in named.casefold()


def _several(f: Figure) -> bool:
    """Whether a figure is credited to a list of sources, not to one of them."""
    return f.metric is None and f.claim is not None and f.claim.source is not None \
        and len(listed_sources(f.claim.source.title)) > 1


def _source(f: Figure) -> str | None:
    if f.metric is not None:
        return f.metric.source or None
    if f.claim is not None and f.claim.source is not None:
        return f.claim.source.title
    return None
