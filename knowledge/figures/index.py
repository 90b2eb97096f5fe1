"""The figures of one audit or check: what the figure rules share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from knowledge.durations import parse_duration
from knowledge.model import KB, Block, Call, Claim, Entry, Value
from knowledge.phrases import DAYS_PER, OUR_SIDE
from knowledge.units import ADVERB_PERIODS

from . import whose
from .decide import (
    ENTITY_BONUS,
    Match,
    Resolution,
    _metric_pairs,
    _metric_rank,
    _representations,
    candidates,
    decide,
    resolve,
    retired_repeat,
)
from .figure import Figure, claim_attr, other_money
from .neighbours import _KIND_CODE, FigureSet, Pairs, search, search_sets
from .reading import (
    NORM_SCOPE,
    Blocks,
    Entities,
    Lexicon,
    _about_the_listener,
    _claim_context,
    _entry_contexts,
    _preceding,
    _rep_claims,
    _row_context,
    combine,
    draft_worked_example,
    figure_of_claim,
    figure_of_metric,
    measures_nothing,
    not_an_outcome,
    place_of,
    sentence_claims,
    without_source,
    worked_example,
)
from .retired import reworded_repeats

if TYPE_CHECKING:
    import numpy as np

    from knowledge.settings import Settings


class AuditContext(Protocol):
    """What the figures of one run are read from (``knowledge.rules.AuditContext`` is one)."""

    settings: Settings
    kb: KB
    today: date
    calls: list[Call]

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...


class Draft(Protocol):
    """A draft to check (``ingest.drafts.Draft`` is one)."""

    path: str
    text: str
    claims: list[Claim]
    blocks: list[Block]

# ------------------------------------------------------------------------------------------------
# The figures of one audit


@dataclass
class KBFigures:
    """The KB's figures and what the KB says about its own claims."""

    canonical: FigureSet  # approved metrics first, then approved claims: what backs and contradicts
    metrics: int  # how many of ``canonical`` are metrics
    representations: tuple[np.ndarray, np.ndarray]  # sentences standing for metrics: vectors, metric position
    retired: FigureSet  # retired metrics, and retired entries' claims that state no current figure
    resolutions: dict[Figure, Resolution]  # approved KB claim -> against the approved metrics
    claim_conflicts: dict[Figure, Match]  # unregistered claim -> the statement of its measure it contradicts
    metric_conflicts: list[tuple[Figure, Match]]  # metric -> another metric registering its measure
    metric_agreements: list[tuple[Figure, Match]]  # metric -> another metric registering it alike (both ways)
    retired_repeats: dict[Figure, Match]  # approved claim -> the retired figure it repeats
    eligible: np.ndarray  # canonical figures that may back or contradict others
    entities: Entities


class FigureIndex:
    """What the figure rules share, built once per audit or check: use :meth:`of`."""

    def __init__(self, ctx: AuditContext) -> None:
        self.ctx = ctx
        try:
            self.recent_from = parse_duration(ctx.settings.kb.max_source_age or "24m").before(ctx.today)
        except ValueError:
            self.recent_from = parse_duration("24m").before(ctx.today)
        self._kb: KBFigures | None = None
        self.lexicon: Lexicon | None = None
        self._calls: dict[str, list[Resolution]] | None = None
        self._ours: tuple[re.Pattern[str] | None] | None = None
        self._drafts: dict[int, list[Resolution]] = {}
        self._sourced: list[tuple[Figure, Match]] | None = None

    @staticmethod
    def of(ctx: AuditContext) -> FigureIndex:
        """The index of ``ctx``, built on first use and kept on it (``AuditContext.figures``)."""
        shared = getattr(ctx, "figures", None)
        if isinstance(shared, FigureIndex):
            return shared
        cached = ctx.__dict__.get("_figure_index")
        if not isinstance(cached, FigureIndex):
            cached = ctx.__dict__["_figure_index"] = FigureIndex(ctx)
        return cached

    def _vectors(self, texts: Sequence[str], words: Sequence[str] | None = None) -> np.ndarray:
        """Semantic vectors of ``texts`` and lexical vectors of ``words`` (default: the same texts),
        combined (see :func:`combine`)."""
        import numpy as np

        if self.lexicon is None:
            raise RuntimeError("the lexicon is built with the KB")
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        words = texts if words is None else words
        uniq = list(dict.fromkeys(texts))
        semantic = np.asarray(self.ctx.vectors(uniq), dtype=np.float32)
        pos = {t: i for i, t in enumerate(uniq)}
        uniq_words = list(dict.fromkeys(words))
        lexical = self.lexicon.vectors(uniq_words)
        at = {t: i for i, t in enumerate(uniq_words)}
        return combine(semantic[[pos[t] for t in texts]], lexical[[at[w] for w in words]])

    def figure_set(self, figures: Sequence[Figure], entity_ids: dict[str, int] | None = None) -> FigureSet:
        if entity_ids is None and self._kb is not None:
            entity_ids = self._kb.canonical.entity_ids
        fs = FigureSet(figures, self._vectors([f.context for f in figures], [without_source(f) for f in figures]),
                       self.recent_from, entity_ids)
        if self.lexicon is not None:
            fs.own_name = self.lexicon.exclude
        return fs

    # -- the KB ----------------------------------------------------------------------------------

    @property
    def kb(self) -> KBFigures:
        if self._kb is None:
            self._kb = self._build_kb()
        return self._kb

    def entry_figures(self, entry: Entry, entities: Entities) -> list[Figure]:
        out: list[Figure] = []
        blocks = Blocks(entry.blocks)
        for c, context, preceding, block in _entry_contexts(entry):
            f = figure_of_claim(c, where="kb", path=entry.path, entry=entry, entities=entities, context=context,
                                preceding=preceding)
            f.block = block
            f.worked = f.worked or worked_example(blocks.at(c.line))  # arithmetic, or a worked example's paragraph
            if claim_attr(c, "block") == "table":
                table = blocks.at(c.line)
                f.table = table.line if table is not None else None
            out.append(f)
        return out

    def _build_kb(self) -> KBFigures:
        import numpy as np

        ctx = self.ctx
        entities = Entities.of(ctx.kb.entries, exclude=[ctx.settings.name])
        metrics: list[Figure] = []
        claims: list[Figure] = []
        retired_metrics: list[Figure] = []
        retired_claims: list[Figure] = []
        for e in ctx.kb.entries:
            if e.status not in ("approved", "retired"):
                continue  # drafts are not canonical: they back nothing and are not checked
            for m in e.metrics:
                f = figure_of_metric(m, e, entities)
                if f is not None:
                    (metrics if e.status == "approved" else retired_metrics).append(f)
            (claims if e.status == "approved" else retired_claims).extend(self.entry_figures(e, entities))
        self.lexicon = Lexicon((f.context for f in metrics + claims + retired_metrics + retired_claims),
                               exclude=[ctx.settings.name])
        canonical = self.figure_set(metrics + claims, {})
        n = len(metrics)
        reps = _representations(canonical, range(n), range(n, len(canonical)))
        eligible = np.ones(len(canonical), dtype=bool)
        # the length of a webinar, the window of another figure: no measure, so they neither back nor
        # contradict anything
        idle = {id(e.claims[i]) for e in ctx.kb.entries if e.status == "approved" for i in measures_nothing(e.claims)}
        idle_at = np.array([f.claim is not None and id(f.claim) in idle for f in canonical.figures], dtype=bool)

        # 1. approved claims against approved metrics
        claim_pos = np.arange(n, len(canonical))
        claim_set = canonical.take(claim_pos)
        metric_set = canonical.take(np.arange(n))
        results = resolve(claim_set, metric_set, _metric_pairs(claim_set, metric_set, reps))
        for r, is_idle in zip(results, idle_at[claim_pos].tolist(), strict=True):
            if is_idle:
                r.status, r.conflict, r.backers = "unbacked", None, []
                continue
            if r.status == "conflict":
                _own_metric(r, metrics)
            if (r.status == "conflict" and r.conflict is not None and r.figure.entry is r.conflict.target.entry
                    and r.figure.claim is not None and not r.figure.claim.is_claim):
                # in the entry that registers the metric, a figure that states no outcome is its
                # context (the window of another figure: "returned 4.2 times its cost over three
                # years"; the study's sample), not the metric misstated
                r.status, r.conflict = "unbacked", None
        resolutions = {r.figure: r for r in results}
        eligible[claim_pos] = [r.status != "conflict" for r in results]  # a contradicted claim backs nothing
        eligible &= ~idle_at

        # 2. figures no metric registers, against each other
        claim_conflicts = self._claim_votes(canonical, claim_pos, resolutions, eligible)
        position = {f: i for i, f in enumerate(canonical.figures)}
        for f in claim_conflicts:
            eligible[position[f]] = False

        # 3. metrics against metrics: two entries registering one measure
        metric_conflicts: list[tuple[Figure, Match]] = []
        metric_agreements: list[tuple[Figure, Match]] = []
        if n > 1:
            pairs = _metric_pairs(metric_set, metric_set, reps)
            pairs = pairs.select(pairs.q != pairs.t)
            for r in resolve(metric_set, metric_set, pairs):
                if r.conflict is not None and _metric_rank(r.figure) > _metric_rank(r.conflict.target):
                    metric_conflicts.append((r.figure, r.conflict))
                metric_agreements.extend((r.figure, m) for m in r.backers)

        # 4. retired figures: retired metrics, and retired entries' claims that state no current figure
        retired_set = self.figure_set(retired_metrics + retired_claims, canonical.entity_ids)
        if retired_claims:
            rc_pos = np.arange(len(retired_metrics), len(retired_set))
            rc = retired_set.take(rc_pos)
            current = resolve(rc, canonical, search_sets(rc, canonical), eligible=eligible)
            keep = list(range(len(retired_metrics))) + [int(p) for p, r in zip(rc_pos, current, strict=True)
                                                         if r.status != "backed"]
            retired_set = retired_set.take(keep)
        repeats: dict[Figure, Match] = {}
        if len(retired_set) and len(claim_set):
            for r, is_idle in zip(resolve(claim_set, retired_set, search_sets(claim_set, retired_set)),
                                   idle_at[claim_pos].tolist(), strict=True):
                repeat = None if is_idle else retired_repeat(resolutions[r.figure], r)
                if repeat is not None:
                    repeats[r.figure] = repeat
                    eligible[position[r.figure]] = False  # a retired figure backs nothing
            # a retired figure said again in other words (:mod:`.retired`)
            current = [Resolution(f, status="idle") if idle or f in repeats else resolutions[f]
                       for f, idle in zip(claim_set.figures, idle_at[claim_pos].tolist(), strict=True)]
            for f, said in zip(claim_set.figures,
                               reworded_repeats(claim_set, retired_set, current, claim_set.own_name), strict=True):
                if said is not None and f not in repeats and resolutions[f].status == "unbacked":
                    repeats[f] = said
                    eligible[position[f]] = False
        return KBFigures(canonical=canonical, metrics=n, representations=reps, retired=retired_set,
                         resolutions=resolutions, claim_conflicts=claim_conflicts, metric_conflicts=metric_conflicts,
                         metric_agreements=metric_agreements, retired_repeats=repeats, eligible=eligible,
                         entities=entities)

    def sourced_agreements(self) -> list[tuple[Figure, Match]]:
        """Pairs of approved statements in prose that each name a source ("(Gartner, 2025)",
        "according to a 2024 survey by ...") and state one measure with values that agree, no
        metric backing either: where the two sources differ, one figure is credited to two
        studies. Each pair once."""
        import numpy as np

        if self._sourced is not None:
            return self._sourced
        kb = self.kb
        canonical = kb.canonical
        # a figure a metric backs is held to the metric's source instead
        # a figure that states no finding (a study's sample, its scope: "interviewed 11 customers with
        # between 90 and 3,200 employees") is credited to the study that describes it, not claimed
        pos = np.array([i for i, f in enumerate(canonical.figures) if i >= kb.metrics
                        and f.source is not None and kb.eligible[i] and states_a_finding(f)
                        and not kb.resolutions[f].backed_by_metric], dtype=np.int64)
        out: list[tuple[Figure, Match]] = []
        if len(pos) >= 2:
            sub = canonical.take(pos)
            pairs = _pairs_within(sub)
            if len(pairs):
                pairs = pairs.select((pairs.q < pairs.t) & (sub.sentence[pairs.q] != sub.sentence[pairs.t]))
                d = decide(sub, sub, *candidates(sub, sub, pairs))
                bq, bt, bs = d.backers
                out = [(sub.figures[a], Match(sub.figures[b], sc))
                       for a, b, sc in zip(bq.tolist(), bt.tolist(), bs.tolist(), strict=True)]
        self._sourced = out
        return out

    def _claim_votes(self, canonical: FigureSet, claim_pos: np.ndarray, resolutions: dict[Figure, Resolution],
                     eligible: np.ndarray) -> dict[Figure, Match]:
        """Statements of one measure that disagree, no metric deciding between them: the odd one out
        is the one fewer statements agree with (a statement a metric backs wins), then the one in the
        less authoritative entry, then the later one."""
        import numpy as np

        free = claim_pos[eligible[claim_pos]]
        if len(free) < 2:
            return {}
        sub = canonical.take(free)
        pairs = _pairs_within(sub)
        if not len(pairs):
            return {}
        # Not compared: two shares stated in one passage, a paragraph or a whole list (a passage
        # listing several percentages lists several measures: a survey's findings, "Only 25% have
        # ... / Only 19% of ops teams ..."); two multiples in two items of one list when each item
        # names its own subject (a leading "Spain:" label, a place, a customer: one rule per
        # country, one result per customer), never two multiples of a paragraph, which restate one
        # speed-up ("3x faster onboarding ... onboarding is now 5x faster" conflict); two figures
        # of one sentence (two measures, or the two ends of a change); figures in headings (they
        # name what follows: "Short message (~50 words)"); figures in two sections of one entry
        # (parallel sections: each driver's "total annual benefit").
        q, t = pairs.q, pairs.t
        same_entry = sub.entry[q] == sub.entry[t]
        shares = (sub.kind[q] == _KIND_CODE["percent"]) & (sub.kind[t] == _KIND_CODE["percent"])
        multiples = (sub.kind[q] == _KIND_CODE["multiplier"]) & (sub.kind[t] == _KIND_CODE["multiplier"])
        if multiples.any():
            blocks = {e.path: Blocks(e.blocks) for e in self.ctx.kb.entries}
            subject = np.array([_item_with_subject(f, blocks) for f in sub.figures], dtype=bool)
            shares |= multiples & subject[q] & subject[t]
        keep = (sub.sentence[q] != sub.sentence[t]) & ~(shares & (sub.block[q] == sub.block[t]))
        keep &= ~sub.heading[q] & ~sub.heading[t]
        # two cells of one table: its rows are different things (tiers, plans, countries) and its
        # columns different attributes, so no two cells state one measure ("1 live customer: 15%
        # referral fee" and "3 live customers: 20% referral fee")
        keep &= sub.table[q] != sub.table[t]
        # two figures that state no outcome (calculation inputs, a definition's numbers, a customer's
        # size: see knowledge.claims.claimness) are two numbers, not one measure said two ways
        keep &= sub.claimlike[q] | sub.claimlike[t]
        keep &= ~same_entry | (sub.section[q] == sub.section[t])
        # two amounts in two currencies are prices or results of two markets ("€12 per site" on the EU
        # page, "US$14 per site" for the US), unless they give the very number (the same amount
        # with the wrong currency sign: that is one figure misstated)
        qc, tc = sub.currency[q], sub.currency[t]
        keep &= ~(other_money(qc, tc) & (sub.value0[q] != sub.value0[t]))
        pairs = pairs.select(keep)
        # two other figures of one passage speak of one subject: evidence like naming one customer
        same_block = (sub.block[pairs.q] == sub.block[pairs.t]) & (sub.entity[pairs.q] == 0)
        pairs = Pairs(pairs.q, pairs.t, pairs.s + ENTITY_BONUS * same_block)
        qi, ti, s = candidates(sub, sub, pairs)
        # a level stated with no time ("taking 4 to 6 weeks") is as likely the state a change started
        # from as its result: the result of a change ("from 3-6 weeks to 30 minutes") is not held
        # against it; stating the same value, it is the same result said again ("keeps 98% on time"
        # and "98%, up from 91%"), so it may back it
        after_vs_level = ((sub.role[qi] == 2) & (sub.role[ti] == 0)) | ((sub.role[qi] == 0) & (sub.role[ti] == 2))
        d = decide(sub, sub, qi, ti, s, may_conflict=~after_vs_level)
        metric_backed = np.array([resolutions[f].backed_by_metric for f in sub.figures], dtype=bool)
        support = d.support + 1000 * metric_backed
        order = sorted(range(len(sub)), key=lambda k: (sub.figures[k].path, sub.figures[k].line,
                                                        sub.figures[k].column))
        place = np.empty(len(sub), dtype=np.int64)
        place[order] = np.arange(len(sub))
        auth = sub.authority.astype(np.int64)
        out: dict[Figure, Match] = {}
        for a in (d.conflict >= 0).nonzero()[0].tolist():
            b = int(d.conflict[a])
            # one pair, one finding: the loser is reported, whichever side found the conflict
            if (support[a], auth[a], -place[a]) < (support[b], auth[b], -place[b]):
                loser, winner = a, b
            else:
                loser, winner = b, a
            lf, wf = sub.figures[loser], sub.figures[winner]
            if metric_backed[loser] or d.support[loser] or lf in out:
                continue
            target = wf
            metrics = [m for m in resolutions[wf].backers if m.target.origin == "metric"]
            if metrics:  # the statement it contradicts stands for a metric: the most canonical one
                target = min(metrics, key=lambda m: (_metric_rank(m.target)[0], -m.score)).target
            out[lf] = Match(target, float(d.score[a]), via=wf if target is not wf else None)
        return out

    # -- drafts and calls -----------------------------------------------------------------------

    def resolve_figures(self, figures: Sequence[Figure]) -> list[Resolution]:
        """Decide figures of a draft or a call against the approved KB, and note retired repeats."""
        kb = self.kb
        if not figures:
            return []
        q = self.figure_set(figures)
        out = resolve(q, kb.canonical, _metric_pairs(q, kb.canonical, kb.representations),
                      eligible=kb.eligible, exact=True)
        for r in out:
            if r.conflict is not None:
                r.conflict = self.canonical_side(r.conflict)
            elif r.status == "unbacked":
                _same_amount_of_the_customer(r, kb.canonical.figures[:kb.metrics])
        if len(kb.retired):
            # saying a retired figure's very value is evidence of its measure, as it is of an
            # approved one's, whatever bound the retired claim was made with ("seventy percent
            # faster" repeats "up to 70% faster")
            for r, rr in zip(out, resolve(q, kb.retired, search_sets(q, kb.retired), exact=True, bounded=True),
                             strict=True):
                r.retired = retired_repeat(r, rr)
            # a retired figure's value said again in other words explains a figure better than the
            # "same measure?" model's reading of it as an approved metric misstated: the retired
            # claim is what was repeated
            current = [Resolution(r.figure, retired=r.retired) if r.inferred else r for r in out]
            for r, said in zip(out, reworded_repeats(q, kb.retired, current, q.own_name), strict=True):
                if said is not None:
                    r.retired = said
        return out

    def canonical_side(self, m: Match) -> Match:
        """The registered metric behind a contradicted statement in prose, when one backs it: a
        finding names the approved figure ("31% (no-show-reduction)"), not a paraphrase of it
        ("nearly 33.33%", stated in some answer), and lists the paraphrase as related."""
        if m.target.origin != "claim":
            return m
        r = self.kb.resolutions.get(m.target)
        metrics = [b for b in (r.backers if r is not None else []) if b.target.origin == "metric"]
        if not metrics:
            return m
        best = min(metrics, key=lambda b: (_metric_rank(b.target)[0], -b.score)).target
        return Match(best, m.score, via=m.target)

    def draft(self, draft: Draft) -> list[Resolution]:
        key = id(draft)
        if key not in self._drafts:
            self._drafts[key] = self.resolve_figures(self.draft_figures(draft))
        return self._drafts[key]

    def calls_if_read(self) -> dict[str, list[Resolution]] | None:
        """The calls' figures as :meth:`calls` resolved them, or None if no rule has asked yet
        (reading them costs a search per figure: callers that only report on them should not)."""
        return self._calls

    def calls(self) -> dict[str, list[Resolution]]:
        """Call path -> the resolutions of what its internal speakers state as figures."""
        if self._calls is None:
            figures: list[Figure] = []
            for call in self.ctx.calls:
                figures.extend(self.call_figures(call))
            resolved = self.resolve_figures(figures)
            self._calls = {}
            for r in resolved:
                self._calls.setdefault(r.figure.path, []).append(r)
        return self._calls

    def draft_figures(self, draft: Draft) -> list[Figure]:
        entities = self.kb.entities
        lines = draft.text.split("\n")
        blocks = Blocks(draft.blocks)
        out: list[Figure] = []
        idle = measures_nothing(draft.claims)
        for i, c in enumerate(draft.claims):
            if not c.masked or i in idle:
                continue
            row = None
            if claim_attr(c, "block") == "table" and 0 < c.line <= len(lines):
                row = _row_context(c, lines[c.line - 1])
            block = blocks.at(c.line)
            preceding = _preceding(block.text if block is not None else "", c.sentence)
            f = figure_of_claim(c, where="draft", path=draft.path, entities=entities,
                                context=_claim_context(c, row, preceding),
                                preceding=preceding or blocks.referred(c.line, c.sentence))
            # a draft's worked example, as an entry's: its inputs and results are arithmetic for the reader,
            # when the opening gives its subject a size and the sentence reports no change of its own
            f.worked = f.worked or draft_worked_example(block, c.sentence)
            out.append(f)
        return out

    def _our_names(self) -> re.Pattern[str] | None:
        """The names our side goes by: the KB's own name (``[kb] name``) and the capitalised words of
        its entries' titles that its text never writes in lower case ("Tickwell results": Tickwell)."""
        if self._ours is None:
            lower = {w for e in self.ctx.kb.entries for w in re.findall(r"\b[a-z][a-z'-]+\b", e.body)}
            titles = {w for e in self.ctx.kb.entries for w in re.findall(r"\b[A-Z][A-Za-z'-]+\b", e.title or "")}
            names = [self.ctx.settings.kb.name, *(w for w in titles if w.lower() not in lower)]
            self._ours = (whose.our_names(names),)
        return self._ours[0]

    def call_figures(self, call: Call) -> list[Figure]:
        """What internal speakers state as figures, less what they restate about the prospect."""

        entities = self.kb.entities
        external = {t.speaker.split(" ")[0] for t in call.turns if t.role == "external" and t.speaker}
        ours = self._our_names() if whose.MODE != "main" else None  # only the learned reading reads them
        theirs = _prospect_figures(call)
        out: list[Figure] = []
        said = list(_rep_claims(call))
        idle = measures_nothing([c for _, c, _, _ in said])
        for i, (t, c, preceding, context) in enumerate(said):
            if _about_the_listener(c, external, ours) or not_an_outcome(c) or i in idle:
                continue
            if _said_back(c, t.line, theirs):
                continue  # "so with 15% no-shows ...": the prospect's own figure, said back to them
            out.append(figure_of_claim(c, where="call", path=call.path, entities=entities,
                                       context=context, preceding=preceding, speaker=t.speaker))
        return out


def states_a_finding(f: Figure) -> bool:
    """Whether a figure credited to a study states what the study found, not its sample or scope
    (claim extraction reads "interviewed 11 customers with between 90 and 3,200 employees" as no
    claim): only findings can be credited to two studies."""
    return f.claim is None or f.claim.is_claim


def _same(value: Value) -> tuple[float, ...]:
    return tuple(round(float(v), 6) for v in value) if isinstance(value, tuple) else (round(float(value), 6),)




def _said_back(c: Claim, line: int, theirs: list[tuple[int, tuple[str, tuple[float, ...]]]]) -> bool:
    """Whether a rep's figure repeats one the prospect stated earlier in the call, and the rep's
    sentence speaks neither of the product's side nor of a statistic: "So with 15% no-shows across
    9 chairs ..." is the prospect's situation; "Our median customer is live in three weeks" is a
    claim, whatever the prospect said before."""
    key = _said(c)
    if not any(before < line and _same_said(k, key) for before, k in theirs):
        return False
    return not (c.statistic or OUR_SIDE.search(c.sentence or c.masked))


def _said(c: Claim) -> tuple[str, tuple[float, ...]]:
    """A figure as said, for "said back": its kind and its value as written ("two days a fortnight"
    and "two days" are the same words back, whatever rate either was read as)."""
    return (c.kind, _same(c.raw_value if c.raw_value is not None else c.value))


def _same_said(a: tuple[str, tuple[float, ...]], b: tuple[str, tuple[float, ...]]) -> bool:
    # "three hundred" said back as "three hundred pickers": a bare number is any kind's
    return a[1] == b[1] and (a[0] == b[0] or "number" in (a[0], b[0]))


def _prospect_figures(call: Call) -> list[tuple[int, tuple[str, tuple[float, ...]]]]:
    """(line, (unit, value)) of every figure an external speaker states: the prospect's own
    situation, which a rep may say back ("so with 15% no-shows across 9 chairs")."""

    out = []
    for t in call.turns:
        if t.role != "external":
            continue
        for s in t.sentences or ():
            for c in sentence_claims(s):
                out.append((t.line, _said(c)))
    return out


# a list item that opens on its own subject: "Spain: ...", "Canada (Ontario) - ..."
_ITEM_LABEL = re.compile(r"\s*(?:\*\*)?[A-Z][^:.;!?]{0,50}?(?:\*\*)?\s*(?::|\s[-–—]\s)")


def _item_with_subject(f: Figure, blocks: dict[str, Blocks]) -> bool:
    """Whether a figure stands in a list item that names its own subject (a leading label, a place,
    a customer): the items of such a list state one measure each of different things."""
    c = f.claim
    if c is None or claim_attr(c, "block") != "list_item":
        return False
    item = blocks[f.path].at(c.line) if f.path in blocks else None
    text = item.text if item is not None else c.sentence or c.text
    return bool(_ITEM_LABEL.match(text)) or bool(f.entity and f.entity != NORM_SCOPE) or place_of(c.masked or "") is not None


def _pairs_within(fs: FigureSet) -> Pairs:
    """Near neighbours among the figures of one set, compared only within a bucket (same unit kind)."""
    parts = []
    for (kind, _), idx in fs.buckets().items():
        if kind == 0 or len(idx) < 2:
            continue
        p = search(fs.vectors[idx], fs.vectors[idx])
        parts.append(Pairs(idx[p.q], idx[p.t], p.s))
    return Pairs.concat(parts)


def _own_metric(r: Resolution, metrics: Sequence[Figure]) -> None:
    """A figure that states the value of a metric its own entry registers is that metric's statement
    ("The 88% is the market, the 96% is our customers" in the entry registering both), not another
    measure of the entry misstated: it is backed by it."""
    f = r.figure
    if f.entry is None:
        return
    for m in metrics:
        if m.entry is f.entry and m.kind == f.kind and m.unit == f.unit and _same(m.value) == _same(f.value):
            r.status, r.conflict = "backed", None
            r.backers = [Match(m, r.backers[0].score if r.backers else 0.0)] + r.backers
            return


def _per_period(f: Figure) -> float | None:
    """A single exact value as written, per its own period if it is a rate (canonical values of
    rates are per day)."""
    if isinstance(f.value, tuple) or f.bound is not None or f.approximate:
        return None
    return float(f.value) * (DAYS_PER[f.per] if f.per in DAYS_PER else 1.0)


# A period named in words: "a year", "in the first month", "over three years", "an 18-month rollout",
# "annual"
_PERIOD_NAMED = re.compile(
    r"\b(?:(?P<count>\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"
    r"[\s-]+)?(?P<period>day|week|fortnight|month|quarter|year|annum)(?P<plural>s)?\b"
    r"|\b(?P<adverb>daily|weekly|fortnightly|monthly|quarterly|annual|annually|yearly)\b", re.I)


def _names_only(sentence: str, period: str) -> bool:
    """Whether every period ``sentence`` names is one ``period`` ("in the first year", "a year",
    "annual"): an amount said over another span ("over three years", "in its first month") is
    another amount than the rate's one period."""
    for m in _PERIOD_NAMED.finditer(sentence):
        named = ADVERB_PERIODS[m.group("adverb").lower()] if m.group("adverb") else m.group("period").lower()
        if named == "annum":
            named = "year"
        if named != period or m.group("count") or m.group("plural"):
            return False
    return True


def _same_amount_of_the_customer(r: Resolution, metrics: Sequence[Figure]) -> None:
    """A customer's registered amount of money said to the unit, with its period or without it:
    "₹1.8 crore saved a year at Saffron Table" and "In the first year they saved ₹180 lakh" state
    the ₹18,000,000 a year of Saffron Table's annual saving. A level and a rate are compared with
    neither as a rule (the rate's period is the measure), but the very amount of one named
    customer, to the unit, is no coincidence; it backs and contradicts nothing else. Only where the
    figure's sentence names no period but the rate's own, once: "Over three years Saffron Table
    saved ₹180 lakh" is not ₹180 lakh a year."""
    f = r.figure
    if f.kind != "currency" or not f.entity or f.entity == NORM_SCOPE or f.claim is None:
        return
    mine = _per_period(f)
    if mine is None or mine <= 0:
        return
    for m in metrics:
        if (m.kind != "currency" or m.entity != f.entity or m.unit != f.unit or (m.per is None) == (f.per is None)
                or m.role != f.role or not _names_only(f.claim.sentence or f.claim.masked, str(m.per or f.per))):
            continue
        theirs = _per_period(m)
        if theirs is not None and abs(theirs - mine) <= 1e-6 * max(theirs, mine):
            r.status, r.backers = "backed", [Match(m, 0.0)]
            return
