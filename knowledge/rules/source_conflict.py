"""``source-conflict``: one figure, attributed to different sources."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.claims.sources import listed_sources
from knowledge.figures import (
    Figure,
    Match,
    approved_figure,
    matching_source,
    quoted,
    where,
)
from knowledge.figures.reading import _story_subject
from knowledge.model import Finding

from .base import AuditContext, Draft, Rule


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
    state one measure with agreeing values (one statistic credited to two studies across pages). The reported side is the one in the less
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
        for f, r in kb.resolutions.items():
            yield from self._prose(f, r.backers)
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
