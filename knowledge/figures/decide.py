"""Deciding: whether two compatible figures are one measure, and whether a figure is backed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .figure import (
    REL_APPROX,
    Figure,
    agree,
    other_money,
    same_money,
    states_value,
    two_marked_dollars,
)
from .neighbours import _KIND_CODE, FigureSet, Pairs, _rank_in_rows, search_sets
from .reading import (
    _BEFORE,
    _NOW,
    _POPULATION,
    _RELATIVE_AFTER,
    NORM_SCOPE,
    _clause,
    _mentions,
    _stem,
    share_sense,
)

if TYPE_CHECKING:
    import numpy as np

# ------------------------------------------------------------------------------------------------
# Thresholds
#
# Scores are the mean of two cosines (see "Words" below): all-MiniLM-L6-v2 on the masked sentences,
# and IDF-weighted content words of the clause holding the figure. The weight (0.5) and the
# thresholds come from the model's behaviour on text that is not the labelled corpus
# (``tests/knowledge/test_matching.py::test_thresholds_sit_where_the_calibration_says`` recomputes
# every number below):
#
# - Hand-written pairs (``tests/data/matching/calibration.yaml``, help desk, CI, HR, logistics...):
#   50 pairs stating one measure two ways score 0.35 / 0.48 / 0.54 (10th / 25th / 50th percentile);
#   52 pairs of two measures written alike ("invoices are processed [NUM] faster" / "approvals
#   happen [NUM] faster") score 0.35 / 0.46 / 0.58 (50th / 75th / 90th). The lexical weight that
#   separates the two sets best (area under the ROC curve 0.82, against 0.74 for the embedding
#   alone) is 0.5.
# - Unrelated figures: every pair of same-kind figures in two public sales handbooks (GitLab's
#   and Sourcegraph's, ~2,700 pairs, nearly all different measures) scores 0.18-0.20 at the median
#   and 0.34-0.44 at the 90th percentile.
#
# ``BACK`` (0.35) is what 9 in 10 statements of one measure reach and about the 90th percentile of
# unrelated pairs: with a value that agrees as well, that is good evidence of one measure.
# ``CONFLICT`` (0.5) is the median of same-measure pairs and above three quarters of the look-alike
# pairs: a disagreement is reported only when the contexts are as close as two wordings of one
# measure usually are. ``CONFLICT_AWAY`` (0.6), above 9 in 10 look-alikes, applies where a
# conflict is less likely to begin with (a figure in an entry that registers metrics of its own,
# against another entry). ``MARGIN`` (0.1) is the spread of same-measure scores between one
# sentence and the next: an agreeing candidate that close to the best is as likely to be meant.
BACK = 0.35
CONFLICT = 0.5
CONFLICT_AWAY = 0.6
MARGIN = 0.1
# Naming the same customer on both sides is evidence of its own: a customer story has one or two
# figures of a kind, not dozens. It counts as much as the margin between two candidates; so does,
# between two figures no metric registers, standing in one paragraph.
ENTITY_BONUS = 0.1
# Whether a draft's or a call's figure that only the customer reading keeps from an agreeing approved
# one pairs with it (:func:`_read_apart_by_customer`). Measured off: on the development corpora it
# removes 7 false check findings and adds 5 right ones, but the audit's right findings do not rise, a
# surfaced pairing breaks quarrywell's stale-claim precision floor, and on the reviewers' bed a
# customer's figure said with the general metric's value is backed by it instead of contradicting the
# customer's own metric (14 right -> wrong, 26 wrong -> right), so the nineteenth round's rule failed
# (bench/ACCURACY.md, "A draft's figure the KB states, nineteenth round").
ACROSS_CUSTOMER_READING = False
# Values further apart than this factor are not taken for one measure misstated (9 seconds and 6
# weeks, $30M and $3.40), unless the same customer is named on both sides.
MAGNITUDE = 10.0

def _compatible(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """Vectorised structural filters for candidate pairs (see the module docstring)."""
    import numpy as np

    # unit kind and rate; a figure of unknown unit ("480 thousand a year") may be backed by any kind
    # rates are compared per day ("1 build every two weeks" meets "2 builds/day"), never with levels
    ok = ((q.kind[qi] == t.kind[ti]) | (q.kind[qi] == 0)) & ((q.per[qi] > 0) == (t.per[ti] > 0))
    # before/after: a before figure only meets a before figure (a metric's figure is the current one
    # unless its name says "before"); a figure of no stated role may be either
    qr, tr = q.role[qi], t.role[ti]
    ok &= ~((qr == 1) & (tr != 1))
    ok &= ~((qr == 2) & (tr == 1))
    # best case vs median/average; median vs average
    qs, ts = q.stat[qi], t.stat[ti]
    ok &= ~(q.best[qi] & (ts > 0)) & ~(t.best[ti] & (qs > 0))
    ok &= ~(((qs == 1) & (ts == 2)) | ((qs == 2) & (ts == 1)))
    # the customer: the same one, or none on either side (entity ids are shared across sets). A norm
    # is read off words ("industry average" in a table's other cell, a heading saying "Where the
    # industry is"), which mislead both ways: between a norm and a figure of no scope, stating the
    # very value is evidence enough that they are one measure ("Just 12% of claims are settled
    # straight through" and a registered industry average of 12%), so such a pair may back
    entity_ok = q.entity[qi] == t.entity[ti]
    norm = q.entity_ids.get(NORM_SCOPE, -1)
    across = (((q.entity[qi] == norm) & (t.entity[ti] == 0)) | ((q.entity[qi] == 0) & (t.entity[ti] == norm)))
    if across.any():
        at = np.nonzero(across)[0]
        entity_ok[at] = _same_value(q, qi[at], t, ti[at])
    # likewise an amount of money said of no one named ("One carrier puts a euro figure on it: €1.8
    # million a year") and a customer's registered amount, to the unit: the story told without its
    # name (counts and shares coincide too often across a KB to count alone)
    unnamed = (((q.entity[qi] == 0) & (t.entity[ti] > 0) & (t.entity[ti] != norm))
               | ((q.entity[qi] > 0) & (q.entity[qi] != norm) & (t.entity[ti] == 0)))
    unnamed &= (q.kind[qi] == _KIND_CODE["currency"]) & ~entity_ok
    if unnamed.any():
        at = np.nonzero(unnamed)[0]
        same = _same_value(q, qi[at], t, ti[at])
        # a round amount ("€1 million") is anyone's, as is one said of many customers or of a
        # company named otherwise ("Kestrel Freight, a new customer, saves €1 million")
        for k in np.nonzero(same)[0].tolist():
            a, b = int(qi[at[k]]), int(ti[at[k]])
            other = q.figures[a] if q.entity[a] == 0 else t.figures[b]
            same[k] = _significant_digits(other) >= 2 and not _of_anyone(other)
        entity_ok[at] = same
    if ACROSS_CUSTOMER_READING:
        apart = np.nonzero(~entity_ok & _read_apart_by_customer(q, qi, t, ti))[0]
        entity_ok[apart] = _agreement(q, qi[apart], t, ti[apart]) & (q.kind[qi[apart]] == t.kind[ti[apart]])
    ok &= entity_ok
    # a share that changes ("82% fewer errors") and the level of a population ("one in five runs has
    # an error") are two measures, however alike their sentences
    qn, tn = _senses(q)[qi], _senses(t)[ti]
    ok &= ~((qn > 0) & (tn > 0) & (qn != tn))
    # a count in one country or region is not a count of every country ("500 fleets in India"); a
    # rating on one site is not a rating on another ("4.8 out of 5 on Capterra", "4.6 on Glassdoor")
    ok &= q.scope[qi] == t.scope[ti]
    # a dollar marked for one country and one marked for another are two markets' amounts ("A$38" in
    # Brisbane, "US$28" in Denver; a metric in NZD against one in USD); a bare "$" may be either. Prose
    # reads "NZ$", "S$", "HK$", "J$" and "Canadian dollars" as a bare "$" today (bench/ACCURACY.md,
    # "Currencies as they are written, eighteenth round": that reading is not shipped)
    ok &= ~two_marked_dollars(q.currency[qi], t.currency[ti])
    # time scope
    qy, ty = q.year[qi], t.year[ti]
    ok &= ~((qy > 0) & (ty > 0) & (qy != ty))
    ok &= ~((qy > 0) & (ty == 0) & q.historic[qi])
    ok &= ~((ty > 0) & (qy == 0) & t.historic[ti])
    # counts count one thing
    counts = (q.kind[qi] == _KIND_CODE["count"]) & (t.kind[ti] == _KIND_CODE["count"]) & ok
    if counts.any():
        where = np.nonzero(counts)[0]
        same = np.array([_same_count(q.figures[a], t.figures[b])
                         for a, b in zip(qi[where].tolist(), ti[where].tolist(), strict=True)], dtype=bool)
        ok[where] = same
    return ok


_SENSE_CODE = {"change": 1, "level": 2}


def _senses(fs: FigureSet) -> np.ndarray:
    """Per figure, whether it states a change (1), a level (2) or neither (0): a share's sense
    (:func:`.reading.share_sense`), and two more readings of the same distinction. A share said to
    be the old state in its own clause ("the pilot's baseline was [NUM] of shifts unfilled",
    "Before Quarryline, [NUM] of loads ...") is the level a change is measured from; one merely
    set against a baseline ("versus the baseline, a [NUM] improvement") is still the change. An
    amount of money that is one end of a change ("from £9,000 to [NUM] a quarter") or the old state
    ("used to spend [NUM]") is a level, and a money metric named by a saving or a cut ("annual
    saving on freight", "reduction in fuel spend") is the change: the ends of a change and the
    change itself are never one measure. A price that is itself lower ("reduced monthly price for
    charities") is a level."""
    import numpy as np

    cached: np.ndarray | None = getattr(fs, "_measure_senses", None)
    if cached is not None:
        return cached
    out = np.asarray(fs.sense, dtype=np.int8).copy()
    percent, money = _KIND_CODE["percent"], _KIND_CODE["currency"]
    for i, f in enumerate(fs.figures):
        if out[i] or fs.kind[i] not in (percent, money):
            continue
        sense: str | None = None
        if fs.kind[i] == percent:
            if f.claim is not None and _said_before(f.claim.masked or ""):
                sense = "level"
        elif f.origin == "metric":
            sense = "level" if f.role == "before" else (
                "change" if f.metric is not None and _MONEY_CHANGE.search(f.metric.name) else None)
        elif f.claim is not None:
            if f.claim.pair == "change" or f.role == "before":
                sense = "level"
            elif f.role is None and share_sense(f.claim, f.claim.masked or "") == "change":
                sense = "change"
        out[i] = _SENSE_CODE.get(sense or "", 0)
    fs._measure_senses = out  # type: ignore[attr-defined]
    return out


# what a money metric is named by when it is the change: a saving or a cut, as nouns ("annual
# saving on freight", "reduction in fuel spend"), not a price that is lower ("reduced price")
_MONEY_CHANGE = re.compile(r"\b(?:savings?|reductions?|cuts?\s+(?:in|to|on|of))\b", re.I)
# a time phrase opening a sentence, which governs all that follows it ("Before Quarryline, ...")
_OPENS_BEFORE = re.compile(r"\s*(?:before|prior to|previously)\b", re.I)


def _said_before(masked: str) -> bool:
    """Whether a figure's own clause calls it the old state ("baseline was [NUM]"), as
    :func:`.reading._inferred_role` reads the words ahead of it (a relative clause after it aside;
    no "now" or "with" between the cue and the figure); or an opening "Before ..." does. A
    baseline named in another clause ("Versus the baseline, a [NUM] improvement") leaves the
    figure the change measured against it."""
    at = masked.find("[NUM]")
    if at <= 0:
        return False
    clause = _RELATIVE_AFTER.sub("", _clause(masked))
    ahead = clause[:clause.find("[NUM]")] if "[NUM]" in clause else ""
    if not _BEFORE.search(ahead) and _OPENS_BEFORE.match(masked[:at]):
        ahead = masked[:at]
    cue = None
    for m in _BEFORE.finditer(ahead):
        cue = m
    return cue is not None and not _NOW.search(ahead, cue.end())


def _significant_digits(f: Figure) -> int:
    """The significant digits of the amount as written (not as a rate per day)."""
    written = f.metric.value if f.metric is not None else f.claim.value if f.claim is not None else f.value
    value = written[0] if isinstance(written, tuple) else written
    return len(f"{abs(float(value)):.6f}".replace(".", "").strip("0"))


# a capitalised word inside a sentence: a name, unless it is a month or a day
_INNER_NAME = re.compile(r"(?<=[\w,;:)’'\]] )[A-Z][a-z][\w'’-]*")
_CALENDAR = frozenset("January February March April May June July August September October November December "
                      "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_STARTS_WITH_NAME = re.compile(r"\s*[A-Z][a-z][\w'’-]*\s+[A-Z][a-z]")


def _of_anyone(f: Figure) -> bool:
    """Whether an amount said of no one named is of many customers or of a company named some
    other way: no story told without its name."""
    text = f.claim.sentence if f.claim is not None and f.claim.sentence else f.text
    if f.statistic or _POPULATION.search(text):
        return True
    if _STARTS_WITH_NAME.match(text):
        return True
    return any(m.group(0) not in _CALENDAR for m in _INNER_NAME.finditer(text))


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


def _names_part_of(text: str, name: str) -> bool:
    """Whether ``text`` calls the customer ``name`` by two or more of its words in a row that are
    not where its name starts ("Cwm Tawel" of "Gwinllan Cwm Tawel", "Weisshorn Ridge" of
    "Bergbahnen Weisshorn Ridge"): the words a case study's own text goes by, which the customer
    reading (that knows a name by its start) does not take."""
    words = name.split()
    for m in _CAPITALISED_RUN.finditer(text):
        run = m.group(0).split()
        for k in range(1, len(words) - 1):
            tail = words[k:]
            if any(run[j:j + len(tail)] == tail for j in range(len(run) - len(tail) + 1)):
                return True
    return False


def _named_in_clause(f: Figure) -> bool:
    """Whether the customer a figure is read to be about is named in the clause holding it, rather
    than taken from a sentence before it or another clause of its sentence."""
    if f.entity is None or f.claim is None:
        return True
    clause = _clause(f.claim.masked or "")
    if _REFERS_BACK.search(clause):
        return True  # "Glenmorven Laundry had the same problem: their rewash went from 7% to 2%"
    return any(w in clause for w in f.entity.split() if len(w) >= 3 and w[:1].isupper())


# a pronoun that refers back to the customer named before the clause: the clause is about it
_REFERS_BACK = re.compile(r"\b(?:their|theirs|its|they|them|she|he|her|his)\b", re.I)


def _read_apart_by_customer(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """Pairs of a draft's or a call's figure and an approved one that only the customer reading
    keeps apart, and stand as one measure when their values agree: the draft calls the target's
    customer by the end of its name (the reading found no customer), or the draft's figure was
    given a customer named outside its clause (a greeting, a sentence before, another clause)
    while the approved figure is no one's."""
    import numpy as np

    out = np.zeros(len(qi), dtype=bool)
    norm = q.entity_ids.get(NORM_SCOPE, -1)
    for k, (a, b) in enumerate(zip(qi.tolist(), ti.tolist(), strict=True)):
        f, g = q.figures[a], t.figures[b]
        if f.where not in ("draft", "call") or norm in (q.entity[a], t.entity[b]):
            continue
        if q.entity[a] == 0 and t.entity[b] > 0 and g.entity and f.claim is not None:
            out[k] = _names_part_of(f.claim.sentence or f.text, g.entity)
        elif q.entity[a] > 0 and t.entity[b] == 0:
            out[k] = not _named_in_clause(f)
    return out


def _same_count(a: Figure, b: Figure) -> bool:
    """Counts must count one thing: equal nouns, or one side's noun in the other's words."""
    if _stem(a.unit.split(" ")[-1]) == _stem(b.unit.split(" ")[-1]):
        return True
    return _mentions(b.terms, a.unit) or _mentions(a.terms, b.unit)


def _agreement(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray, *, loose: bool = False) -> np.ndarray:
    """Whether the values of the pairs agree; ``loose``: a share said loosely read as any hedge is
    (a tenth either way), not to the step it is said in."""
    import numpy as np

    qlo, qhi, qpad = (q.loose_lo, q.loose_hi, q.loose_pad) if loose else (q.lo, q.hi, q.pad)
    tlo, thi, tpad = (t.loose_lo, t.loose_hi, t.loose_pad) if loose else (t.lo, t.hi, t.pad)
    pad = np.maximum(qpad[qi], tpad[ti])
    qc, tc = q.currency[qi], t.currency[ti]
    two_currencies = other_money(qc, tc)  # "£2.4m" for a registered $2.4M
    with np.errstate(invalid="ignore"):
        gap = np.maximum(0.0, np.maximum(tlo[ti] - qhi[qi], qlo[qi] - thi[ti]))
        agreeing = gap <= pad
        ranges = q.is_range[qi] & t.is_range[ti]
        if ranges.any():
            same_ends = (np.abs(qlo[qi] - tlo[ti]) <= pad) & (np.abs(qhi[qi] - thi[ti]) <= pad)
            agreeing = np.where(ranges, same_ends, agreeing)
        bounds = (q.bound[qi] > 0) & (q.bound[qi] == t.bound[ti])
        if bounds.any():
            x, y = q.value0[qi], t.value0[ti]
            near = np.abs(x - y) <= np.maximum(REL_APPROX * np.maximum(np.abs(x), np.abs(y)),
                                               np.maximum(q.precision[qi], t.precision[ti]))
            agreeing = np.where(bounds, near, agreeing)
    return np.asarray(agreeing & ~two_currencies, dtype=bool)


def _same_value(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray, *, bounded: bool = False) -> np.ndarray:
    """One value stated exactly on both sides (no range, bound or hedge), in one currency.
    ``bounded``: a target's one-sided bound counts as the value it names ("up to 70%" states 70%,
    as :func:`states_value` reads a retired claim)."""
    import numpy as np

    qc, tc = q.currency[qi], t.currency[ti]
    target = (t.exact[ti] | (t.bound[ti] > 0)) if bounded else t.exact[ti]
    query = q.exact[qi]
    if bounded:
        # the retired bound said again with its bound ("seen up to 35 per cent lower", "shave up to
        # 35% off" for a retired "up to 35%"): the same value bounded the same way states it
        query = query | ((q.bound[qi] > 0) & (q.bound[qi] == t.bound[ti]))
    same = (q.value0[qi] == t.value0[ti]) & query & target
    if bounded:
        # a value is evidence of a retired claim only where it states an outcome ("3 reasons
        # fleets switch" says 3 of the retired "3 fleets" by chance)
        same &= q.claimlike[qi]
    return np.asarray(same & (q.kind[qi] == t.kind[ti]) & (q.kind[qi] != 0) & same_money(qc, tc), dtype=bool)


def _same_bound(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """A count bounded the way an approved count is, at a value that agrees ("more than 4,000
    buildings" and a registered "more than 4,200 buildings"): the company's own count said again,
    as loosely as copy rounds it. Counts only: two shares bounded alike are as often two findings."""
    import numpy as np

    count = _KIND_CODE["count"]
    same = (q.bound[qi] > 0) & (q.bound[qi] == t.bound[ti]) & (q.kind[qi] == count) & (t.kind[ti] == count)
    if same.any():
        at = np.nonzero(same)[0]
        same[at] = _agreement(q, qi[at], t, ti[at]) & same_money(q.currency[qi[at]], t.currency[ti[at]])
    return np.asarray(same, dtype=bool)


def _other_denominator(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """Amounts that each say what they are per, and say two different things."""
    import numpy as np

    a, b = q.denominator[qi], t.denominator[ti]
    return np.asarray((a != 0) & (b != 0) & (a != b), dtype=bool)


def _stated_beside(q: FigureSet, qi: np.ndarray, ti: np.ndarray, agreeing: np.ndarray) -> np.ndarray:
    """Per pair, whether another figure of the query's own sentence states the target's value
    ("for groups the median is twelve weeks, and the first hospital is live in about five weeks"
    against a 12-week group metric): the sentence already says that measure right, so its other
    figure of the kind is another measure (a part of it, a first step, one site), not it misstated."""
    import numpy as np

    out = np.zeros(len(qi), dtype=bool)
    if not agreeing.any():
        return out
    stated = {(int(q.sentence[a]), int(b)): int(a) for a, b in zip(qi[agreeing].tolist(), ti[agreeing].tolist(),
                                                                   strict=True) if q.sentence[a] >= 0}
    if not stated:
        return out
    for k, (a, b) in enumerate(zip(qi.tolist(), ti.tolist(), strict=True)):
        other = stated.get((int(q.sentence[a]), b))
        out[k] = other is not None and other != a
    return out


def _unmarked_against_before(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """A figure that says nothing of before or after, against a metric registered as a before
    value (a customer's baseline, "days Meru took to certify a bill before Cobbleway"): it may be
    backed by it, but does not contradict it. An unmarked figure that disagrees with a baseline is
    the customer's value now ("certifies bills in 12 days now, not 38") or another company's own
    situation ("bill certification takes 45 to 60 days today"), not the baseline misstated."""
    import numpy as np

    return np.asarray(t.is_metric[ti] & (t.role[ti] == 1) & (q.role[qi] == 0), dtype=bool)


def _near_magnitude(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    import numpy as np

    a, b = q.magnitude[qi], t.magnitude[ti]
    near = np.maximum(a, b) <= MAGNITUDE * np.maximum(np.minimum(a, b), 1e-12)
    return np.asarray(near | (q.entity[qi] > 0), dtype=bool)


# ------------------------------------------------------------------------------------------------
# Decisions


@dataclass
class Match:
    target: Figure
    score: float
    via: Figure | None = None  # the statement that led to ``target`` (a claim a metric backs)


@dataclass
class Resolution:
    """What the KB says about one figure."""

    figure: Figure
    status: str = "unbacked"  # "backed" | "conflict" | "unbacked"
    backers: list[Match] = field(default_factory=list)  # agreeing canonical figures, best first
    conflict: Match | None = None  # the canonical figure it contradicts
    retired: Match | None = None  # a retired figure it repeats
    # the conflict is the "same measure?" model's reading (:func:`_misstated_metrics`), not the
    # similarity thresholds': weaker evidence than a retired figure's very value said again
    inferred: bool = False

    @property
    def backed_by_metric(self) -> bool:
        return any(m.target.origin == "metric" for m in self.backers)



def retired_repeat(current: Resolution, retired: Resolution) -> Match | None:
    """The retired figure a figure repeats, or None. ``current`` is what the approved KB says
    about the figure, ``retired`` the same figure decided against the retired figures.

    A figure repeats a retired one when it states the retired value itself (:func:`states_value`)
    and no approved statement of the measure that it states as well backs it: not a statement of
    an entry that supersedes the retired one (that entry is the current truth for the measure),
    and not a registered metric that is at least as similar."""
    for m in retired.backers:
        old = m.target
        if not states_value(current.figure, old):
            continue
        for b in current.backers:
            if not states_value(current.figure, b.target):
                continue
            newer = b.target.entry is not None and old.entry_id in b.target.entry.supersedes
            if newer or (b.target.origin == "metric" and b.score >= m.score):
                return None
        return m
    return None




def candidates(q: FigureSet, t: FigureSet, pairs: Pairs, eligible: np.ndarray | None = None,
               *, exact: bool = False, bounded: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The compatible pairs scoring at least ``BACK`` (naming one customer adds ``ENTITY_BONUS``, and
    so does naming one statistic with a value that agrees: "the median, which is six weeks" and a
    registered median of 6 weeks; a median that disagrees is no closer to a contradiction). With
    ``exact`` (what a draft or a rep says), stating the very value an approved statement states
    adds ``ENTITY_BONUS`` too: "Plans start at $39" and "Haulwise Core is $39 per vehicle per
    month" share little wording once the figure is masked, and one value to the cent is evidence of
    its own."""
    pairs = _with_change_ends(q, pairs)
    s = pairs.s + ENTITY_BONUS * (q.entity[pairs.q] > 0)  # compatible pairs name the same customer
    same_stat = (q.stat[pairs.q] > 0) & (q.stat[pairs.q] == t.stat[pairs.t])
    if same_stat.any():
        s = s + ENTITY_BONUS * (same_stat & _agreement(q, pairs.q, t, pairs.t))
    if exact:
        s = s + ENTITY_BONUS * (_same_value(q, pairs.q, t, pairs.t, bounded=bounded)
                                | (False if bounded else _same_bound(q, pairs.q, t, pairs.t)))
    else:
        # in an entry too, an amount of money stated to the unit in the currency a metric registers
        # ("We save R2.4m a year" in a customer's quote, and the customer's registered R 2,4
        # million) is evidence of its own; counts and shares coincide too often across a KB
        money = (q.kind[pairs.q] == _KIND_CODE["currency"]) & t.is_metric[pairs.t]
        if money.any():
            s = s + ENTITY_BONUS * (money & _same_value(q, pairs.q, t, pairs.t))
    keep = (s >= BACK) & _compatible(q, pairs.q, t, pairs.t)
    if eligible is not None:
        keep &= eligible[pairs.t]
    return pairs.q[keep], pairs.t[keep], s[keep]


def change_ends(q: FigureSet) -> dict[int, int]:
    """The other end of each figure that is one end of a change in its sentence ("went from eleven
    percent no-shows down to four": 11% before, 4% after), by position."""
    ends: dict[tuple[int, int], int] = {}
    for i, f in enumerate(q.figures):
        if f.role in ("before", "after") and f.claim is not None and f.claim.pair == "change" and q.sentence[i] >= 0:
            ends.setdefault((int(q.sentence[i]), 1 if f.role == "before" else 2), i)
    out: dict[int, int] = {}
    for (sentence, role), i in ends.items():
        other = ends.get((sentence, 3 - role))
        if other is not None:
            out[i] = other
    return out


def _with_change_ends(q: FigureSet, pairs: Pairs) -> Pairs:
    """The two ends of a change state one measure at two times: each is as close to a target as the
    closer of the two. The sentence around the second end reads "down to [NUM]", which says little
    of the measure once the first end has named it; the hard gates still apply to each end (a
    before figure meets only a before figure)."""
    import numpy as np

    ends = change_ends(q)
    if not ends or not len(pairs):
        return pairs
    at = np.array([int(a) in ends for a in pairs.q.tolist()], dtype=bool)
    if not at.any():
        return pairs
    other = np.array([ends[int(a)] for a in pairs.q[at].tolist()], dtype=np.int64)
    return Pairs.concat([pairs, Pairs(other, pairs.t[at], pairs.s[at])]).best_per_pair()


def resolve(q: FigureSet, t: FigureSet, pairs: Pairs, *, eligible: np.ndarray | None = None,
            exact: bool = False, bounded: bool = False) -> list[Resolution]:
    """Decide every query figure against the target figures, from candidate pairs (see the module
    docstring): backed, in conflict with one target, or unbacked. Registered metrics decide first;
    statements in prose decide only what the metrics leave open. ``exact``: see :func:`candidates`."""
    import numpy as np

    out = [Resolution(figure=f) for f in q.figures]
    if not len(pairs):
        return out
    qi, ti, s = candidates(q, t, pairs, eligible, exact=exact, bounded=bounded)
    metric = t.is_metric[ti]
    _decide(q, t, qi[metric], ti[metric], s[metric], out)
    open_ = np.array([r.status == "unbacked" for r in out], dtype=bool)
    prose = ~metric & open_[qi]
    _decide(q, t, qi[prose], ti[prose], s[prose], out, loose_prose=exact)
    if not bounded:
        _misstated_metrics(q, t, pairs, out, eligible)
    return out


def may_misstate(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    """The pairs the "same measure?" model is asked about: a figure of a known kind against a
    registered metric, compatible (:func:`_compatible`), of one order of magnitude, values that
    disagree (a share just off its step is decided in :func:`decide`), and none of the vetoes of a
    conflict: a worked example, a figure in an entry that registers metrics of its own (its context),
    two bounds in one direction, a figure credited to another study."""
    import numpy as np

    keep = t.is_metric[ti] & (q.kind[qi] != 0)
    if not keep.any():
        return np.asarray(keep, dtype=bool)
    at = np.nonzero(keep)[0]
    a, b = qi[at], ti[at]
    ok = _compatible(q, a, t, b) & _near_magnitude(q, a, t, b) & ~_agreement(q, a, t, b)
    ok &= ~_agreement(q, a, t, b, loose=True)
    ok &= ~q.worked[a] & ~t.worked[b] & ~q.registers[a] & ~_other_denominator(q, a, t, b)
    ok &= ~_unmarked_against_before(q, a, t, b)
    ok &= ~((q.bound[a] > 0) & (q.bound[a] == t.bound[b]))
    other_study = q.cited[a] != 0
    if other_study.any():
        w = np.nonzero(other_study)[0]
        other_study[w] = [bool(t.credited[y]) and int(q.cited[x]) not in t.credited[y]
                          for x, y in zip(a[w].tolist(), b[w].tolist(), strict=True)]
    ok &= ~other_study
    if ok.any():
        w = np.nonzero(ok)[0]
        ok[w] = [not _whole_of_a_part(q.figures[x], t.figures[y]) for x, y in zip(a[w].tolist(), b[w].tolist(),
                                                                                strict=True)]
    keep[at] = ok
    return np.asarray(keep, dtype=bool)


# A figure said of a whole ("reduces total delivery costs by 31%", "overall, costs fall 20%") is
# not a misstatement of a metric that names no whole ("reduction in fuel spend per delivery"): a part
# and its sum are two measures, however alike their words. Across the development corpora, no pair
# labelled one measure has such a word on the figure's side alone; 29 pairs labelled two measures
# do (haulwise, gridwell, northwind).
# "A total of 5,000 customers" counts, and a sentence that opens with "Overall," sums up what came
# before; neither names a whole.
_WHOLE = re.compile(r"\b(?:total(?!\s+of\b)|overall|combined|all-in)\b", re.I)
_OPENING = re.compile(r"[\W\x00]*$")


def _names_a_whole(text: str) -> bool:
    return any(m.group(0).lower() != "overall" or not _OPENING.fullmatch(text, 0, m.start())
               for m in _WHOLE.finditer(text))


def _whole_of_a_part(f: Figure, metric: Figure) -> bool:
    said = f.claim.masked if f.claim is not None and f.claim.masked else f.context
    return _names_a_whole(said or "") and not _names_a_whole(metric.context)


def _misstated_metrics(q: FigureSet, t: FigureSet, pairs: Pairs, out: list[Resolution],
                       eligible: np.ndarray | None) -> None:
    """A figure of a draft or a call still unbacked that names a registered measure in other words
    than the metric's
    (\"money back in about four months\" against a median payback of 9 months) is that metric
    misstated when the "same measure?" model (:mod:`.identity`) says so with the probability its
    training chose; the hard gates and the vetoes of :func:`decide` hold as for any conflict."""
    import numpy as np

    from . import identity

    if not len(pairs) or identity._weights() is None:
        return
    open_ = np.array([r.status == "unbacked" and r.figure.origin == "claim" and r.figure.where in identity.SIDES
                      for r in out], dtype=bool)
    qi, ti, s = pairs.q, pairs.t, pairs.s.astype(np.float64)
    keep = open_[qi]
    if eligible is not None:
        keep &= eligible[ti]
    qi, ti, s = qi[keep], ti[keep], s[keep]
    keep = may_misstate(q, qi, t, ti)
    # a metric that another figure of the sentence states right is not what this one misstates
    # (:func:`_stated_beside`)
    stated = {(int(q.sentence[x]), id(m.target)): x for x, r in enumerate(out) if q.sentence[x] >= 0
              for m in r.backers}
    if stated:
        keep &= np.array([stated.get((int(q.sentence[a]), id(t.figures[b])), a) == a
                          for a, b in zip(qi.tolist(), ti.tolist(), strict=True)], dtype=bool)
    qi, ti, s = qi[keep], ti[keep], s[keep]
    if not len(qi):
        return
    p = np.zeros(len(qi), dtype=np.float64)
    thr = np.full(len(qi), np.inf)
    for side in identity.SIDES:
        at = np.nonzero(np.array([q.figures[a].where == side for a in qi.tolist()], dtype=bool))[0]
        if len(at):
            p[at] = identity.probability(identity.pair_features(q, qi[at], t, ti[at], s[at], side=side))
            thr[at] = identity.threshold(side)
    best = np.full(len(q), -1.0)
    np.maximum.at(best, qi, p)
    for k in np.nonzero((p >= thr) & (p >= best[qi]))[0].tolist():
        r = out[int(qi[k])]
        if r.status != "unbacked":
            continue  # two metrics tied: the first
        r.status = "conflict"
        r.conflict = Match(t.figures[int(ti[k])], float(s[k]))
        r.inferred = True


MAX_BACKERS = 6  # agreeing statements kept per figure, the most similar first


@dataclass
class Decisions:
    """What :func:`decide` found, as arrays over the query figures."""

    support: np.ndarray  # agreeing candidates close to the best
    conflict: np.ndarray  # target position of the contradicted statement, or -1
    score: np.ndarray  # its score
    backers: tuple[np.ndarray, np.ndarray, np.ndarray]  # (query, target, score), at most MAX_BACKERS a query


def decide(q: FigureSet, t: FigureSet, qi: np.ndarray, ti: np.ndarray, s: np.ndarray, *,
           loose_prose: bool = False, may_conflict: np.ndarray | None = None) -> Decisions:
    """Backed, contradicted or neither, for every query figure, from its compatible candidates.
    ``loose_prose``: a share said just off its step misstates a statement in prose as well as a
    metric (what a draft or a rep says: the KB's prose is the approved text there).
    ``may_conflict``: per candidate pair, whether it may contradict (default: every pair); a pair
    that may not still backs when its values agree."""
    import numpy as np

    n = len(q)
    support = np.zeros(n, dtype=np.int64)
    conflict = np.full(n, -1, dtype=np.int64)
    score = np.zeros(n, dtype=np.float64)
    empty = np.zeros(0, dtype=np.int64)
    if not len(qi):
        return Decisions(support, conflict, score, (empty, empty, np.zeros(0)))
    # a one-sided bound agrees with anything past it ("over 40 minutes" with "4 to 6 weeks"): only
    # values of one order of magnitude count as agreeing
    near = _near_magnitude(q, qi, t, ti)
    agreeing = _agreement(q, qi, t, ti) & near
    # a baseline the figure neither states nor may contradict is no rival of what it does state
    # ("12 days now, not 38": the 38-day baseline scores higher than the 12-day metric)
    idle = _unmarked_against_before(q, qi, t, ti) & ~agreeing
    best = np.full(n, -np.inf)
    np.maximum.at(best, qi[~idle], s[~idle])
    close = s >= best[qi] - MARGIN
    # a figure in an entry that registers metrics of its own is mostly context for them (a baseline,
    # a methodology): contradicting another entry's figure takes stronger evidence
    other_home = q.registers[qi] & (q.entry[qi] != t.entry[ti])
    # a figure its text credits to another study than the one behind the target reports that
    # study's finding ("Only 30% of patients remember ...[^2]" next to the product's 72%): it is
    # read as the same measure misstated only on the stronger evidence too
    other_study = q.cited[qi] != 0
    if other_study.any():
        at = np.nonzero(other_study)[0]
        other_study[at] = [bool(t.credited[b]) and int(q.cited[a]) not in t.credited[b]
                           for a, b in zip(qi[at].tolist(), ti[at].tolist(), strict=True)]
    needed = np.where(other_home | other_study, CONFLICT_AWAY, CONFLICT)
    conflicting = (~agreeing) & close & (s >= needed) & (q.kind[qi] != 0) & near
    # a share said in a step that misses a registered metric ("nine-tenths", "around ninety per
    # cent" for 82%) but within the tenth a hedge used to allow: the nearness that made it a backer
    # is the same evidence of one measure, so it is that measure misstated, at the similarity backing
    # needs. Only against a metric: two shares in prose a tenth apart ("nearly 83%", "74%" in one
    # survey) are as often two findings
    misstated = ~agreeing & _agreement(q, qi, t, ti, loose=True) & near & ~(other_home | other_study)
    if not loose_prose:
        misstated &= t.is_metric[ti]
    conflicting |= misstated & close & (q.kind[qi] != 0)
    # the arithmetic of a worked example contradicts nothing and is contradicted by nothing
    conflicting &= ~q.worked[qi] & ~t.worked[ti] & ~idle
    # prices per two things ("$4 per seat", "$40 per site") are two prices, however alike the words
    conflicting &= ~_other_denominator(q, qi, t, ti)
    if may_conflict is not None:
        conflicting &= may_conflict
    # two bounds in one direction ("more than 2 years", "more than 3 years") never contradict
    # each other: both hold of anything past the larger. Except the company's own count as a
    # metric registers it: "more than 1,700 clinics" against a registered "more than 1,400" claims
    # what the KB does not know (the registered bound is the count as far as it is known)
    same_way = (q.bound[qi] > 0) & (q.bound[qi] == t.bound[ti])
    same_way &= ~(t.is_metric[ti] & (t.bound[ti] == 1) & (q.kind[qi] == _KIND_CODE["count"])
                  & (q.value0[qi] > t.value0[ti]) & ~agreeing)
    conflicting &= ~same_way
    conflicting &= ~_stated_beside(q, qi, ti, agreeing)
    backs = np.nonzero(agreeing & close)[0]
    support = np.bincount(qi[backs], minlength=n)
    if len(backs):
        backs = backs[_rank_in_rows(qi[backs], s[backs]) < MAX_BACKERS]
        backs = backs[np.argsort(qi[backs].astype(np.float64) * 4.0 - s[backs], kind="stable")]
    against = np.nonzero(conflicting & (support[qi] == 0))[0]
    if len(against):
        # the most authoritative contradicted statement, then the most similar
        weight = t.authority[ti[against]].astype(np.float64)
        order = np.argsort(qi[against].astype(np.float64) * 16.0 - weight * 2.0 - s[against], kind="stable")
        rows = qi[against][order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = rows[1:] != rows[:-1]
        chosen = against[order][first]
        conflict[qi[chosen]] = ti[chosen]
        score[qi[chosen]] = s[chosen]
    return Decisions(support, conflict, score, (qi[backs], ti[backs], s[backs]))


def _decide(q: FigureSet, t: FigureSet, qi: np.ndarray, ti: np.ndarray, s: np.ndarray,
            out: list[Resolution], loose_prose: bool = False) -> None:
    d = decide(q, t, qi, ti, s, loose_prose=loose_prose)
    bq, bt, bs = d.backers
    for a, b, sc in zip(bq.tolist(), bt.tolist(), bs.tolist(), strict=True):
        out[a].backers.append(Match(t.figures[b], sc))
    for a in (d.conflict >= 0).nonzero()[0].tolist():
        out[a].conflict = Match(t.figures[int(d.conflict[a])], float(d.score[a]))
        out[a].status = "conflict"
    for a in bq.tolist():
        out[a].status = "backed"


_TYPE_RANK = {"proof_point": 0, "case_study": 1, "answer": 2, "message": 3, "objection": 4, "article": 5}


def _metric_rank(f: Figure) -> tuple[int, str]:
    """Of two metrics registering one measure, the larger is reported: proof points before case
    studies, answers, messages and articles; then the later path."""
    return (_TYPE_RANK.get(f.entry.type if f.entry else "article", 5), f.path)


def _representations(canonical: FigureSet, metric_pos: Iterable[int], claim_pos: Iterable[int]
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Sentences of a metric's own entry that state it (same kind, rate and role, agreeing):
    their vectors, and the position of the metric each stands for."""
    import numpy as np

    by_entry: dict[str, list[int]] = {}
    for i in claim_pos:
        f = canonical.figures[i]
        if f.entry is not None:
            by_entry.setdefault(f.entry.id, []).append(i)
    rows: list[int] = []
    of: list[int] = []
    for k in metric_pos:
        m = canonical.figures[k]
        for i in by_entry.get(m.entry_id or "", []):
            c = canonical.figures[i]
            if c.kind != m.kind or c.per != m.per or (c.role == "before") != (m.role == "before"):
                continue
            if c.entity != m.entity and c.entity is not None:
                continue
            if agree(c, m):
                rows.append(i)
                of.append(k)
    if not rows:
        return np.zeros((0, canonical.vectors.shape[1]), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return canonical.vectors[rows], np.asarray(of, dtype=np.int64)


def _metric_pairs(q: FigureSet, targets: FigureSet, reps: tuple[np.ndarray, np.ndarray]) -> Pairs:
    """Candidate pairs against ``targets`` (metrics first), a metric scoring the best of its name
    and the sentences of its entry that state it."""
    pairs = search_sets(q, targets)
    vectors, of = reps
    if len(vectors):
        pairs = Pairs.concat([pairs, search_sets(q, targets, vectors, of)]).best_per_pair()
    return pairs

