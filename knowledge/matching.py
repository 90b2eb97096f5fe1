"""Measure identity: whether two figures speak of the same measure, and whether they agree.

Every figure canon knows becomes a :class:`Figure`: a metric registered in front matter, a claim
in an entry's prose, a claim in a draft, a figure an internal speaker quotes on a call. Two
figures are compared only when everything that can be read off them says they *could* be the
same measure, and then the words around them decide:

1. **Unit kind and rate** (hard). Percent only meets percent, durations durations, and so on
   (``knowledge.units`` has put each in one canonical unit: "six weeks" and "42 days" are both 42
   days). A rate ("25 hours a week", "$480K a year") only meets a rate of the same period
   (a metric's period comes from its unit, "invoices/month", or its name, "annual savings").
   Counts must count the same thing: "1,400 finance teams" meets "more than 1400 customers" only
   because the metric's name speaks of finance teams.
2. **Structure** (hard). A *before* figure ("from 14 weeks to 6": 14) only meets a before metric
   (one whose name says "before"/"baseline") or a before figure; a best case ("our fastest
   customer went live in 3 days") never meets a median or an average; a median never meets an
   average; a customer's figure ("Contoso saves $480K") only meets that customer's figures, and
   a figure about no customer never meets one about a customer; a figure scoped to a year ("in
   2023 it was 48%") only meets figures of that year, or undated ones when the year is recent.
3. **The words around the number** (scored). The sentence with the figure masked
   (``Claim.masked``) is embedded, and the content words of the clause holding the figure are
   weighted by their rarity in the KB; the score is the mean of both cosines. A metric is
   represented by its name with the entry's title and by every sentence of its own entry that
   states it, and scores the best of these. A sentence that says little on its own ("On
   average, [NUM].") is read with what precedes it; naming the same customer adds to the score.

Then values decide: figures *agree* when their intervals meet (see :func:`interval`): an exact
statement means its value to the last digit written (half a unit either way, and at least 1%),
"about" widens that to 10%, "nearly"/"almost" means up to 10% below, "at least"/"more than" and
"up to"/"under" are one-sided, a range agrees with a figure inside it (two ranges must share
both ends). Values given as idioms or fractions ("a month and a half", "two thirds") are
approximate by nature and read as "about".

Deciding, for a figure against the canonical ones (the *targets*): candidates are compatible
targets scoring at least ``BACK``. If one of them agrees and scores within ``MARGIN`` of the best
candidate, the figure is **backed**. Otherwise, if a close disagreeing candidate scores at least
``CONFLICT``, the two **conflict**. Otherwise the figure is **unbacked**. Registered metrics
decide first; statements in prose only decide what no metric does. Agreement is itself evidence
of identity (a random figure of the same kind rarely falls within a few percent), which is why
backing needs less similarity than a conflict does.

Within the KB: claims of approved entries are decided against the approved metrics; the ones no
metric registers are compared with each other, and where two disagree the one fewer statements
agree with is the odd one out (then the one in the less authoritative entry, then the later one).
Figures of one sentence, of headings, and of two sections of one entry (parallel sections: each
value driver's "total annual benefit") are not compared with each other. Draft and retired
entries back nothing; retired figures are only matched to find repeats of them.

Scale: figures are bucketed by unit kind and rate, and within a bucket neighbours are found by
blocked matrix products of the vectors (exact up to ``EXACT_SEARCH_MAX`` targets), or by an
inverted-file index above (k-means cells of ``CELL_SIZE``, ``PROBES`` probed per query). Each
figure keeps its ``NEIGHBOURS`` best candidates (a phrase repeated ten thousand times costs a dozen
pairs, not ten thousand); the filters and decisions then run vectorised over the candidate pairs.
Work grows with n times the cell size, not n squared (``bench/bench_audit.py``: 110,000 claims in
about 30 s on two cores).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from . import units
from .durations import parse_duration
from .model import Block, Call, Claim, Entry, Metric, Source, Turn, Value

if TYPE_CHECKING:
    import numpy as np

    from .rules.base import AuditContext, Draft

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
# Values further apart than this factor are not taken for one measure misstated (9 seconds and 6
# weeks, $30M and $3.40), unless the same customer is named on both sides.
MAGNITUDE = 10.0
# Relative widths of value intervals.
REL_EXACT = 0.01  # exact statements: unit conversions (a month is 30.44 days) and float noise
REL_APPROX = 0.10  # "about", "roughly", "nearly", idioms and fractions
ROUND_CAP = 0.05  # trailing zeros read as rounding ("1,400"), but never wider than 5%

EXACT_SEARCH_MAX = 6000  # targets per bucket searched exactly; above, an inverted-file index
CELL_SIZE = 256  # inverted file: target figures per k-means cell
PROBES = 3  # inverted file: cells searched per query
NEIGHBOURS = 12  # most candidates kept per query (the best by similarity): more than a dozen statements
# within MARGIN of the best one do not change a decision, they only add to a vote

# ------------------------------------------------------------------------------------------------
# Reading figures


_QUALIFIERS = {
    "about": "about", "approximately": "about", "approx": "about", "around": "about", "roughly": "about",
    "nearly": "nearly", "almost": "nearly", "circa": "about", "some": "about", "estimated": "about",
    "up to": "at most", "at most": "at most", "under": "at most", "less than": "at most", "below": "at most",
    "no more than": "at most", "fewer than": "at most", "within": "at most",
    "at least": "at least", "more than": "at least", "over": "at least", "above": "at least",
    "greater than": "at least", "in excess of": "at least", "upwards of": "at least", "+": "at least",
    "or more": "at least", "plus": "at least",
}
_STATISTICS = {"median": "median", "average": "average", "mean": "average", "typical": "typical",
               "typically": "typical", "on average": "average"}
_STAT_CODE = {None: 0, "median": 1, "average": 2, "typical": 3}

# Words that make a figure a best case rather than a typical one.
_BEST = re.compile(
    r"\b(?:fastest|quickest|best|record|highest|lowest|biggest|largest|shortest|top[- ]performing"
    r"|as (?:little|few|fast|quickly|much|many|high|low) as)\b", re.I)
# Words that make a figure the state before a change, when no "from X to Y" says so.
_BEFORE = re.compile(
    r"(?<![Tt]han )\b(?:(?i:used to|previously|prior to|baseline)|[Bb]efore (?:[A-Z][\w-]*|(?i:moving|switching"
    r"|automating|adopting|using|they|we|the (?:switch|move|rollout))))\b|\b[Bb]efore$")
_BEFORE_METRIC = re.compile(r"\b(?:before|baseline|previously|prior|legacy|pre-\w+|old)\b", re.I)
_PERIOD_WORDS = {
    "annual": "year", "annually": "year", "yearly": "year", "a year": "year", "per year": "year",
    "each year": "year", "every year": "year", "per annum": "year", "monthly": "month", "a month": "month",
    "per month": "month", "each month": "month", "every month": "month", "weekly": "week", "a week": "week",
    "per week": "week", "each week": "week", "daily": "day", "a day": "day", "per day": "day", "each day": "day",
    "hourly": "hour", "an hour": "hour", "per hour": "hour",
}
_PERIOD_IN_NAME = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PERIOD_WORDS), key=len, reverse=True)) + r")\b",
                             re.I)
_DAYS_PER = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44,
             "quarter": 91.31, "year": 365.25}
_NUMBER_IN_SPAN = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re|yours|you've|you’ve)\b", re.I)
_PRONOUN_SHARE = re.compile(r"\[NUM\]\s+of\s+(?:them|those|these|us|you)\b", re.I)


@dataclass(eq=False)
class Figure:
    """One statement of a measure, normalised for comparison. ``origin`` is "metric" or "claim";
    ``where`` is "kb", "draft" or "call"."""

    origin: str
    where: str
    value: Value  # canonical unit of its kind (durations in days, rates per day)
    kind: str
    unit: str  # canonical unit; for counts the noun ("customers")
    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    text: str = ""  # what was said ("go live in 4 weeks"), or the metric's name
    display: str = ""  # the figure for people ("4 weeks")
    context: str = ""  # the text embedded for it
    per: str | None = None  # "year", "month" ...: a rate
    bound: str | None = None  # "about" | "nearly" | "at least" | "at most" | None
    statistic: str | None = None  # "median" | "average" | "typical" | None
    best: bool = False
    role: str | None = None  # "before" | "after" | None (a metric: "before" | None)
    year: int | None = None
    entity: str | None = None  # the customer the figure is about
    source: Source | None = None  # the source the figure is attributed to
    approximate: bool = False  # an idiom or a fraction, read as "about"
    precision: float = 0.0  # half a unit of the last digit written, canonical units
    entry: Entry | None = None
    metric: Metric | None = None
    claim: Claim | None = None
    speaker: str | None = None
    block: int | None = None  # the line of the paragraph (or item, or row) it is in
    terms: str = ""  # the words a count is checked against ("finance teams running ...")

    @property
    def entry_id(self) -> str | None:
        return self.entry.id if self.entry is not None else None

    def place(self) -> dict[str, Any]:
        """Where it is, for a finding's ``related``."""
        out: dict[str, Any] = {"path": self.path, "line": self.line}
        if self.entry is not None:
            out["entry"] = self.entry.id
        return out

    def expected(self) -> dict[str, Any]:
        """The figure as a finding's ``expected``: metric id (or None), value, unit, entry."""
        if self.metric is not None:
            m = self.metric
            value: Any = list(m.value) if isinstance(m.value, tuple) else m.value
            return {"metric": m.id, "value": value, "unit": m.unit, "entry": m.entry_id}
        c = self.claim
        raw = c.raw_value if c is not None and c.raw_value is not None else self.value
        return {"metric": None, "value": list(raw) if isinstance(raw, tuple) else raw,
                "unit": (c.raw_unit if c is not None and c.raw_unit else self.unit), "entry": self.entry_id}


def _value_range(v: Value) -> tuple[float, float]:
    return (float(v[0]), float(v[1])) if isinstance(v, tuple) else (float(v), float(v))


def _decimals(span: str) -> int | None:
    m = _NUMBER_IN_SPAN.search(span)
    if not m:
        return None
    return len(m.group(1)) if m.group(1) else 0


def _trailing_zeros(span: str) -> int:
    m = _NUMBER_IN_SPAN.search(span)
    if not m or m.group(1):
        return 0
    digits = m.group(0).replace(",", "")
    return len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0


def _half_unit(raw: Value | None, value: Value, span: str | None) -> float:
    """Half a unit of the last digit written, in canonical units (0.5 for "62%", 1.75 days for
    "a week and a half", 500 for "22,000"; trailing zeros count as rounding up to ``ROUND_CAP``)."""
    lo, _ = _value_range(value)
    rlo, _ = _value_range(raw if raw is not None else value)
    scale = lo / rlo if rlo else 1.0
    decimals = _decimals(span) if span else None
    if decimals is None:  # words: "six weeks", "a week and a half"
        frac = rlo - math.floor(rlo)
        step = 0.5 if abs(frac - 0.5) < 1e-9 else 1.0
        return 0.5 * step * abs(scale)
    if decimals:
        return 0.5 * 10.0 ** -decimals * abs(scale)
    zeros = _trailing_zeros(span or "")
    half = 0.5 * 10.0 ** zeros * abs(scale)
    return max(0.5 * abs(scale), min(half, ROUND_CAP * abs(lo))) if zeros else 0.5 * abs(scale)


def interval(f: Figure) -> tuple[float, float, float]:
    """(low, high, pad): the values ``f`` is consistent with are [low - pad, high + pad]."""
    lo, hi = _value_range(f.value)
    mag = max(abs(lo), abs(hi))
    pad = max(f.precision, REL_EXACT * mag)
    bound = f.bound
    if f.approximate and bound is None:
        bound = "about"
    if bound == "about":
        pad = max(pad, REL_APPROX * mag)
    elif bound == "nearly":
        lo = lo - REL_APPROX * abs(lo)
    elif bound == "at least":
        hi = math.inf
    elif bound == "at most":
        lo = -math.inf if lo < 0 else 0.0
    return lo, hi, pad


def agree(a: Figure, b: Figure) -> bool:
    """Whether two statements of one measure are consistent (see the module docstring)."""
    alo, ahi, apad = interval(a)
    blo, bhi, bpad = interval(b)
    pad = max(apad, bpad)
    if isinstance(a.value, tuple) and isinstance(b.value, tuple) and a.bound is None and b.bound is None:
        # two ranges for one measure must be the same range
        return abs(alo - blo) <= pad and abs(ahi - bhi) <= pad
    if a.bound in _ONE_SIDED and a.bound == b.bound:
        return _bounds_agree(a, b)
    gap = max(0.0, blo - ahi, alo - bhi)
    return gap <= pad


_ONE_SIDED = ("at least", "at most")


def _bounds_agree(a: Figure, b: Figure) -> bool:
    """Two bounds in one direction ("more than 1,400" / "over 1,000") always overlap, so overlap
    says nothing; they agree when the bounds themselves are about the same."""
    x, y = _value_range(a.value)[0], _value_range(b.value)[0]
    return abs(x - y) <= max(REL_APPROX * max(abs(x), abs(y)), a.precision, b.precision)


def describe_figure(f: Figure) -> str:
    if f.display:
        return f.display
    return units.describe(f.value, f.unit)


# ------------------------------------------------------------------------------------------------
# Context: entities, roles, cases, periods


@dataclass
class Entities:
    """The customers a KB tells stories about: titles of ``case_study`` entries, and the names of
    customer-story links (``[Goldman Sachs](/customers/goldman-sachs/)``) in approved entries."""

    names: dict[str, str] = field(default_factory=dict)  # surface form -> canonical name
    pattern: re.Pattern[str] | None = None

    @classmethod
    def of(cls, entries: Iterable[Entry], exclude: Iterable[str] = ()) -> Entities:
        entries = list(entries)
        excluded = {x.casefold() for x in exclude if x}
        # a name that also occurs in lower case ("Remote", "Cloud") is a word, not a name
        lower = {w for e in entries for w in _LOWER_WORD.findall(_LINK_TARGET.sub(" ", e.body))}
        names: dict[str, str] = {}

        def add(name: str) -> None:
            name = re.sub(r"\s+", " ", name).strip(" .:,;*_")
            if not _NAME.fullmatch(name) or name.casefold() in excluded:
                return
            if " " not in name and name.lower() in lower:
                return
            names.setdefault(name, name)
            first = name.split(" ")[0]
            if first != name and len(first) >= 4 and first.casefold() not in excluded and first.lower() not in lower:
                names.setdefault(first, name)

        for e in entries:
            if e.type == "case_study" and e.title:
                add(re.split(r"[:|(–—]", e.title)[0])
            if e.status != "approved" or "](" not in e.body:
                continue
            for m in _CUSTOMER_LINK.finditer(e.body):
                add(m.group(1))
        out = cls(names=names)
        if names:
            alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            out.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        return out

    def nearest(self, text: str, at: int | None = None) -> str | None:
        """The customer named in ``text`` nearest to offset ``at`` (the first one without it)."""
        if self.pattern is None or not text:
            return None
        best: tuple[int, str] | None = None
        for m in self.pattern.finditer(text):
            dist = 0 if at is None else min(abs(m.start() - at), abs(m.end() - at))
            if best is None or dist < best[0]:
                best = (dist, self.names[m.group(0)])
            if at is None:
                break
        return best[1] if best else None


# "Goldman Sachs", "Cook County Assessor's Office", "NVIDIA": capitalised words, "of"/"&"/"and" between
_NAME = re.compile(r"[A-Z][\w'’.&-]*(?: (?:of|and|&|[A-Z0-9][\w'’.&-]*)){0,4}")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)|<[^<>\n]*>|https?://\S+")
_CUSTOMER_LINK = re.compile(r"\[([^\[\]\n]{2,60})\]\((?:[^()\s]*?/)?(?:customers?|case[-_]stud(?:y|ies))/[^()\s]*\)", re.I)


@functools.lru_cache(maxsize=1 << 16)
def _clause(masked: str) -> str:
    """The clause holding ``[NUM]``: the sentence cut at commas, semicolons and dashes."""
    i = masked.find("[NUM]")
    if i < 0:
        return masked
    start = max(masked.rfind(c, 0, i) for c in ",;:—–(")
    ends = [j for j in (masked.find(c, i) for c in ",;—–)") if j >= 0]
    return masked[start + 1: min(ends) if ends else len(masked)]


def _metric_bound_and_stat(qualifier: str | None) -> tuple[str | None, str | None]:
    if not qualifier:
        return None, None
    q = re.sub(r"\s+", " ", qualifier.strip().lower())
    if q in _STATISTICS:
        return None, _STATISTICS[q]
    return _QUALIFIERS.get(q), None


def _period(unit: str, name: str = "") -> str | None:
    """The period of a rate: "invoices/month" -> "month"; a name saying "annual" -> "year"."""
    u = unit.strip().lower()
    for sep in ("/", " per ", " a ", " each "):
        if sep in u:
            p = units.period(u.rsplit(sep, 1)[1])
            if p:
                return p
    m = _PERIOD_IN_NAME.search(name)
    return _PERIOD_WORDS[m.group(1).lower()] if m else None


def _count_noun(unit: str) -> str:
    return unit.split("/", 1)[0].strip()


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


@functools.lru_cache(maxsize=1 << 17)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text))


def _mentions(text: str, noun: str) -> bool:
    """Whether ``text`` speaks of ``noun`` (its last word, in any number)."""
    if not noun:
        return True
    return _stem(noun.split(" ")[-1]) in _stems(text)


def _canonical(value: Value, kind: str, per: str | None) -> Value:
    """A rate's value per day, so that "1 build every two weeks" meets "2 builds/day"."""
    if per is None or per not in _DAYS_PER or kind not in ("count", "currency", "duration", "number"):
        return value
    factor = 1.0 / _DAYS_PER[per]
    if isinstance(value, tuple):
        return (value[0] * factor, value[1] * factor)
    return value * factor


# ------------------------------------------------------------------------------------------------
# Building figures


SHORT_CONTEXT = 4  # fewer content words than this, and the sentence before is read too


def _claim_context(c: Claim, row: str | None = None, previous: str = "") -> str:
    """What is embedded for a claim: its masked sentence, or for a table cell the masked row,
    or for a very long sentence a window of words around the figure; a sentence that says little
    on its own ("On average, [NUM].", "It's a big part of how we save [NUM].") gets the sentence
    before it."""
    if row is not None:
        return row
    masked = c.masked or c.sentence or c.text
    words = masked.split()
    if len(words) > 60 and "[NUM]" in words:
        i = words.index("[NUM]")
        masked = " ".join(words[max(0, i - 25): i + 26])
    if previous and len(content_terms(masked)) < SHORT_CONTEXT:
        masked = f"{_tail(previous)} {masked}"
    return masked




PRECEDING_WORDS = 30  # how much of what comes before a short sentence is read with it


def _preceding(surrounding: str, sentence: str) -> str:
    """What ``surrounding`` (a paragraph) says before ``sentence``, if ``sentence`` is found in it."""
    if not surrounding or not sentence:
        return ""
    head = " ".join(sentence.split()[:6])
    text = " ".join(surrounding.split())
    i = text.find(head)
    return text[:i].strip() if i > 0 else ""


def _tail(text: str, words: int = PRECEDING_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[-words:])


_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()]*\)|<[^<>]+>|[|*_`#>]")


def _row_context(c: Claim, line_text: str) -> str | None:
    """A table cell's claim in its row: "Payback on the first-year subscription under [NUM]"."""
    if c.extra.get("block") != "table" or c.end_line not in (None, c.line):
        return None
    start, end = c.column - 1, (c.end_column or c.column) - 1
    if not (0 <= start < end <= len(line_text)):
        return None
    row = line_text[:start] + " [NUM] " + line_text[end:]
    row = _MARKUP.sub(lambda m: f" {m.group(1) or ''} ", row)
    row = re.sub(r"\s+", " ", row).strip()
    return row if "[NUM]" in row else None


def figure_of_claim(c: Claim, *, where: str, path: str, entry: Entry | None = None,
                    entities: Entities | None = None, context: str | None = None,
                    preceding: str = "", speaker: str | None = None) -> Figure:
    """A claim as a figure. ``preceding`` is what comes before its sentence (in the paragraph,
    the call), read for the customer when the sentence names none."""
    per = c.extra.get("per") if c.kind in ("duration", "currency") else None
    unit = c.unit
    if c.kind == "count" and "/" in unit:
        unit, _, per = unit.partition("/")
        per = units.period(per) or per
        if not unit:  # "four hundred and eighty thousand a year": a rate of what, we don't know
            unit = ""
    if per is not None and per not in _DAYS_PER:
        per = None  # "$3.40 per invoice": not a period
    kind = c.kind if (c.kind != "count" or unit) else "number"
    qualifier = c.qualifier
    statistic = c.extra.get("statistic") or (qualifier if qualifier in ("median", "average", "typical") else None)
    bound: str | None = None
    if qualifier == "about":
        word = str(c.extra.get("qualifier_word", "")).lower()
        bound = "nearly" if word in ("nearly", "almost", "just under", "a little under") else "about"
    elif qualifier in ("at least", "at most"):
        bound = qualifier
    elif qualifier == "up to":
        bound = "at most"
    masked = c.masked or ""
    if context is not None and c.extra.get("block") == "table":
        masked = context  # the row, not the whole table
    clause = _clause(masked)
    # a figure about a population ("on average", "most teams", "across our customers") is about no
    # one customer, even in a paragraph or a case study that names one
    population = bool(statistic) or bool(_POPULATION.search(clause))
    sentence_scope = clause if population else masked
    entity = entities.nearest(sentence_scope, sentence_scope.find("[NUM]")) if entities else None
    if entity is None and entities is not None and not population:
        entity = entities.nearest(preceding, len(preceding)) if preceding else None
        if entity is None and entry is not None and entry.type == "case_study":
            entity = entities.nearest(entry.title)
    role = c.role if c.role in ("before", "after") else None
    if role is None and c.kind in ("duration", "currency", "count", "number"):
        role = _inferred_role(c, masked)
    span = str(c.extra.get("span") or c.text)
    approximate = bool(c.extra.get("as_written")) or ("half" in span.lower() and _decimals(span) is None)
    value = _canonical(c.value, kind, per)
    precision = 0.0 if c.extra.get("as_written") else _half_unit(c.raw_value, c.value, span)
    if per is not None and per in _DAYS_PER:
        precision /= _DAYS_PER[per]
    return Figure(
        origin="claim", where=where, value=value, kind=kind, unit=unit, path=path, line=c.line,
        column=c.column, end_line=c.end_line, end_column=c.end_column, text=c.text,
        display=_display(c), context=context if context is not None else _claim_context(c),
        per=per, bound=bound, statistic=statistic, best=bool(_BEST.search(masked)), role=role,
        year=c.year, entity=entity, source=c.source, approximate=approximate, precision=precision,
        entry=entry, claim=c, speaker=speaker, terms=c.sentence or masked,
    )


_POPULATION = re.compile(r"\b(?:most|typical(?:ly)?|usually|generally|on average|average|median|across|all of our"
                         r"|our customers|customers (?:see|get|save))\b", re.I)
_CONTRAST_BEFORE = re.compile(r"(?:\binstead of|\bnot|\brather than|\bvs\.?|\bversus|\bcompared (?:to|with))\s*(?:about\s+)?$",
                              re.I)
_NOW_BEFORE_NUM = re.compile(r"\b(?:now|today|currently|these days)\b", re.I)
_NOW = re.compile(r"\b(?:now|today|after|since|with)\b|[;:]", re.I)
_RELATIVE_AFTER = re.compile(r"(?<=\[NUM\])\s+(?:that|which|who)\b.*$", re.I | re.S)


def _inferred_role(c: Claim, masked: str) -> str | None:
    """"before" for a level stated as the old one: "used to need [NUM]", "Before Northwind, teams
    took [NUM]", "$3.40 an invoice instead of [NUM]". Not for shares and factors, which are changes
    already ("two thirds less than before")."""
    i = masked.find("[NUM]")
    if i < 0:
        return None
    ahead = masked[:i]
    if _CONTRAST_BEFORE.search(ahead):
        return "before"
    # a relative clause after the figure says what the quantity is or was spent on ("saves [NUM]
    # that used to go on calls"), not when the figure held
    clause = _RELATIVE_AFTER.sub("", _clause(masked))
    if _BEFORE.search(clause):
        return "before"
    if _NOW_BEFORE_NUM.search(clause[:clause.find("[NUM]")] if "[NUM]" in clause else ""):
        return "after"
    cue = None
    for m in _BEFORE.finditer(ahead):
        cue = m
    if cue is not None and not _NOW.search(ahead, cue.end()):
        return "before"
    return None


def _display(c: Claim) -> str:
    """The figure as a person would repeat it: "over 85%", "about 3 weeks", "$480K"."""
    raw = c.raw_value if c.raw_value is not None else c.value
    try:
        shown = units.describe(raw, c.raw_unit or c.unit)
    except (KeyError, ValueError, ZeroDivisionError):
        return str(c.extra.get("span") or c.text)
    word = str(c.extra.get("qualifier_word") or "")
    if c.qualifier in ("about", "at least", "at most", "up to") and word and word not in ("+", "plus"):
        return f"{word} {shown}"
    return shown


def figure_of_metric(m: Metric, entry: Entry, entities: Entities | None = None) -> Figure | None:
    try:
        value, unit, kind = units.normalize(m.value, m.unit)
    except (KeyError, ValueError, ZeroDivisionError):
        return None
    per = _period(m.unit, m.name) if kind in ("duration", "currency", "count") else None
    if kind == "count":
        unit = _count_noun(unit)
    bound, statistic = _metric_bound_and_stat(m.qualifier)
    name = m.name or m.id
    entity = entities.nearest(name) if entities else None
    if entity is None and entities is not None and entry.type == "case_study":
        entity = entities.nearest(entry.title)
    year = None
    if m.as_of:
        ym = re.match(r"(\d{4})", str(m.as_of))
        year = int(ym.group(1)) if ym else None
    source = next((s for s in entry.sources if _same_title(s.title, m.source or "")), None) if m.source else None
    if source is None and m.source:
        source = Source(title=m.source)
    lo, _ = _value_range(value)
    precision = 0.0
    if isinstance(m.value, float | int):
        text = repr(float(m.value))
        decimals = len(text.split(".")[1].rstrip("0")) if "." in text else 0
        rlo = float(m.value)
        scale = lo / rlo if rlo else 1.0
        precision = 0.5 * 10.0 ** -decimals * abs(scale)
    value = _canonical(value, kind, per)
    if per in _DAYS_PER:
        precision /= _DAYS_PER[per]  # type: ignore[index]
    title = entry.title or entry.id
    return Figure(
        origin="metric", where="kb", value=value, kind=kind, unit=unit, path=entry.path,
        line=m.line or entry.line_of("metrics"), text=name, display=units.describe(m.value, m.unit),
        context=f"{title}: {name}", per=per, bound=bound, statistic=statistic,
        best=bool(_BEST.search(name)) or bool(m.qualifier and _BEST.search(m.qualifier)),
        role="before" if _BEFORE_METRIC.search(name) else None, year=year, entity=entity, source=source,
        precision=precision, entry=entry, metric=m, terms=f"{title} {name} {m.unit}",
    )


_GENERIC_SOURCE_WORDS = frozenset(
    "the a an of and for in on to by from study studies report reports survey surveys analysis data research "
    "brief findings paper whitepaper review edition annual quarterly".split())


@functools.lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9&'-]*", title)}
    return frozenset(w for w in words if w not in _GENERIC_SOURCE_WORDS)


def _same_title(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", a).strip().casefold() == re.sub(r"\s+", " ", b).strip().casefold()


@functools.lru_cache(maxsize=16384)
def matching_source(a: str, b: str) -> bool:
    """Whether two source titles name one source: equal, or one's distinctive words contained in
    the other's, or most of them shared ("Hackett Group study" ~ "Hackett Group AP Benchmark 2025")."""
    if _same_title(a, b):
        return True
    wa, wb = _title_words(a), _title_words(b)
    if not wa or not wb:
        return False
    if wa <= wb or wb <= wa:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.5


# ------------------------------------------------------------------------------------------------
# Words: the lexical half of the score
#
# The embedding of a masked sentence knows what the sentence is about but not always what is
# measured: "[NUM] field-level capture accuracy, so your clerks check flagged fields" scores only
# 0.47 against "Capture accuracy: field-level accuracy of Northwind Capture", and two templates
# that differ in the one word that matters ("invoices are processed [NUM] faster" / "approvals
# happen [NUM] faster") score 0.8. The words themselves settle both: content words, lightly
# stemmed, weighted by how rare they are among the KB's figure contexts (IDF), and hashed into a
# fixed number of signed buckets so that the lexical cosine is a dot product like the semantic
# one. The two are concatenated (each scaled by the square root of its weight), so one matrix
# product gives the weighted mean of both, and the neighbour search needs nothing else.

LEXICAL_WEIGHT = 0.5
LEXICAL_DIM = 256

_STOP = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
even every few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself
him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's like lot lots many
me more most much must my myself no nor not now of off on once one only or other ought our ours ourselves out
over own per pretty quite rather really same says she should shouldn't so some such than that that's the their
theirs them themselves then there there's these they they'd they'll they're they've this those through thus to
too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when where
which while who whom why will with within without won't would wouldn't yeah yes yet you you'd you'll you're
you've your yours yourself yourselves okay ok well still already around almost nearly roughly approximately
average averages averaged median mean typical typically across most overall generally usually
""".split())
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed", "als", "al", "ies", "es", "s", "ly")
_TOKEN = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1 << 16)
def _lex_stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@functools.lru_cache(maxsize=1 << 16)
def content_terms(text: str, exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The stemmed content words of a context (no stop words, no [NUM], nothing in ``exclude``)."""
    out: list[str] = []
    for w in _TOKEN.findall(text.replace("[NUM]", " ").lower()):
        if len(w) < 2 or w in _STOP or w in exclude:
            continue
        out.append(_lex_stem(w))
    return tuple(out)


class Lexicon:
    """IDF weights over a set of figure contexts, and hashed lexical vectors."""

    def __init__(self, texts: Iterable[str], exclude: Iterable[str] = ()) -> None:
        self.exclude = frozenset(w.lower() for x in exclude for w in _TOKEN.findall(x.lower()))
        self._terms: dict[str, frozenset[str]] = {}
        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for t in self.terms(text):
                df[t] = df.get(t, 0) + 1
        self.n = n
        self.idf = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
        self.unseen = math.log(n + 1) + 1.0
        self._buckets: dict[str, tuple[int, float]] = {}

    def _bucket(self, term: str) -> tuple[int, float]:
        b = self._buckets.get(term)
        if b is None:
            import zlib

            h = zlib.crc32(term.encode("utf-8"))
            b = self._buckets[term] = (h % LEXICAL_DIM, 1.0 if (h >> 31) & 1 else -1.0)
        return b

    def terms(self, text: str) -> frozenset[str]:
        """The words of the clause holding the figure, or of the whole context when the clause has
        fewer than two: the words next to a number say what it measures."""
        found = self._terms.get(text)
        if found is None:
            clause = frozenset(content_terms(_clause(text), self.exclude)) if "[NUM]" in text else frozenset()
            found = clause if len(clause) >= 2 else frozenset(content_terms(text, self.exclude))
            self._terms[text] = found
        return found

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            for t in self.terms(text):
                col, sign = self._bucket(t)
                out[i, col] += sign * self.idf.get(t, self.unseen)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
        return out


def combine(semantic: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    """[sqrt(1-w) * semantic, sqrt(w) * lexical]: dot products are the weighted mean of both."""
    import numpy as np

    w = LEXICAL_WEIGHT
    return np.hstack([semantic * math.sqrt(1 - w), lexical * math.sqrt(w)]).astype(np.float32)


# ------------------------------------------------------------------------------------------------
# Figure sets: the arrays the matching runs on

_KIND_CODE = {"number": 0, "percent": 1, "duration": 2, "currency": 3, "multiplier": 4, "count": 5}
_PER_CODE: dict[str | None, int] = {None: 0, **{p: i + 1 for i, p in enumerate(_DAYS_PER)}}


class FigureSet:
    """Figures with their vectors, and the attributes the filters read as numpy arrays. Positions
    in a set are what pairs and resolutions refer to; figures themselves are never changed."""

    _ARRAYS = ("vectors", "lo", "hi", "pad", "is_range", "magnitude", "role", "is_metric", "stat", "best",
               "year", "historic", "entity", "kind", "per", "sentence", "bound", "value0", "precision", "entry",
               "registers", "section", "heading", "block", "authority")

    def __init__(self, figures: Sequence[Figure], vectors: np.ndarray, recent_from: date,
                 entity_ids: dict[str, int] | None = None) -> None:
        import numpy as np

        self.figures = list(figures)
        self.entity_ids = entity_ids if entity_ids is not None else {}
        n = len(self.figures)
        self.vectors = np.asarray(vectors, dtype=np.float32).reshape(n, -1) if n else np.zeros((0, 1), np.float32)
        bounds = [interval(f) for f in self.figures]
        self.lo = np.array([b[0] for b in bounds], dtype=np.float64)
        self.hi = np.array([b[1] for b in bounds], dtype=np.float64)
        self.pad = np.array([b[2] for b in bounds], dtype=np.float64)
        figs = self.figures
        self.is_range = np.array([isinstance(f.value, tuple) and f.bound is None for f in figs], dtype=bool)
        self.bound = np.array([{"at least": 1, "at most": 2}.get(f.bound or "", 0) for f in figs], dtype=np.int8)
        self.value0 = np.array([_value_range(f.value)[0] for f in figs], dtype=np.float64)
        self.precision = np.array([f.precision for f in figs], dtype=np.float64)
        self.entry = np.array([hash(f.entry.id) if f.entry is not None else 0 for f in figs], dtype=np.int64)
        self.section = np.array([hash((f.path, f.claim.extra.get("section", ""))) if f.claim is not None else 0
                                 for f in figs], dtype=np.int64)
        self.block = np.array([hash((f.path, f.block)) if f.block is not None else -1 - i for i, f in enumerate(figs)],
                              dtype=np.int64)
        self.authority = np.array([authority(f) for f in figs], dtype=np.int8)
        self.heading = np.array([f.claim is not None and f.claim.extra.get("block") == "heading" for f in figs],
                                dtype=bool)
        self.registers = np.array([f.where == "kb" and f.origin == "claim" and f.entry is not None
                                   and bool(f.entry.metrics) for f in figs], dtype=bool)
        self.magnitude = np.array([abs(sum(_value_range(f.value)) / 2) for f in figs], dtype=np.float64)
        self.role = np.array([{"before": 1, "after": 2}.get(f.role or "", 0) for f in figs], dtype=np.int8)
        self.is_metric = np.array([f.origin == "metric" for f in figs], dtype=bool)
        self.stat = np.array([_STAT_CODE.get(f.statistic, 0) for f in figs], dtype=np.int8)
        self.best = np.array([f.best for f in figs], dtype=bool)
        self.year = np.array([f.year or 0 for f in figs], dtype=np.int32)
        # a year is "historic" when it ended before the recency window (max_source_age) began
        self.historic = np.array([_historic(f.year, recent_from) for f in figs], dtype=bool)
        self.entity = np.array([self._entity_id(f.entity) for f in figs], dtype=np.int32)
        self.kind = np.array([_KIND_CODE.get(f.kind, 0) for f in figs], dtype=np.int8)
        self.per = np.array([_PER_CODE.get(f.per, 0) for f in figs], dtype=np.int8)
        # figures stated in one sentence share an id: they are two measures, or two ends of a change
        sentences: dict[tuple[str, int, str], int] = {}
        self.sentence = np.array([
            sentences.setdefault((f.path, f.line, f.claim.sentence), len(sentences)) if f.claim is not None else -1 - i
            for i, f in enumerate(figs)], dtype=np.int64)

    def _entity_id(self, name: str | None) -> int:
        if not name:
            return 0
        return self.entity_ids.setdefault(name, len(self.entity_ids) + 1)

    def __len__(self) -> int:
        return len(self.figures)

    def take(self, idx: Sequence[int] | np.ndarray) -> FigureSet:
        """The figures at positions ``idx``, in that order (arrays sliced, nothing recomputed)."""
        import numpy as np

        arr = np.asarray(idx, dtype=np.int64)
        sub = FigureSet.__new__(FigureSet)
        sub.figures = [self.figures[i] for i in arr.tolist()]
        sub.entity_ids = self.entity_ids
        for name in self._ARRAYS:
            setattr(sub, name, getattr(self, name)[arr])
        return sub

    def buckets(self) -> dict[tuple[int, int], np.ndarray]:
        """Positions by unit kind, rates apart from levels."""
        import numpy as np

        keys = self.kind.astype(np.int64) * 64 + (self.per > 0)
        out: dict[tuple[int, int], np.ndarray] = {}
        for key in np.unique(keys).tolist():
            out[(key // 64, key % 64)] = np.nonzero(keys == key)[0]
        return out


def _historic(year: int | None, recent_from: date) -> bool:
    return bool(year) and date(min(max(int(year or 1), 1), 9999), 12, 31) < recent_from


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
    # the customer: the same one, or none on either side (entity ids are shared across sets)
    ok &= q.entity[qi] == t.entity[ti]
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


def _same_count(a: Figure, b: Figure) -> bool:
    """Counts must count one thing: equal nouns, or one side's noun in the other's words."""
    if _stem(a.unit.split(" ")[-1]) == _stem(b.unit.split(" ")[-1]):
        return True
    return _mentions(b.terms, a.unit) or _mentions(a.terms, b.unit)


def _agreement(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    import numpy as np

    pad = np.maximum(q.pad[qi], t.pad[ti])
    with np.errstate(invalid="ignore"):
        gap = np.maximum(0.0, np.maximum(t.lo[ti] - q.hi[qi], q.lo[qi] - t.hi[ti]))
        agreeing = gap <= pad
        ranges = q.is_range[qi] & t.is_range[ti]
        if ranges.any():
            same_ends = (np.abs(q.lo[qi] - t.lo[ti]) <= pad) & (np.abs(q.hi[qi] - t.hi[ti]) <= pad)
            agreeing = np.where(ranges, same_ends, agreeing)
        bounds = (q.bound[qi] > 0) & (q.bound[qi] == t.bound[ti])
        if bounds.any():
            x, y = q.value0[qi], t.value0[ti]
            near = np.abs(x - y) <= np.maximum(REL_APPROX * np.maximum(np.abs(x), np.abs(y)),
                                               np.maximum(q.precision[qi], t.precision[ti]))
            agreeing = np.where(bounds, near, agreeing)
    return np.asarray(agreeing, dtype=bool)


def _near_magnitude(q: FigureSet, qi: np.ndarray, t: FigureSet, ti: np.ndarray) -> np.ndarray:
    import numpy as np

    a, b = q.magnitude[qi], t.magnitude[ti]
    near = np.maximum(a, b) <= MAGNITUDE * np.maximum(np.minimum(a, b), 1e-12)
    return np.asarray(near | (q.entity[qi] > 0), dtype=bool)


# ------------------------------------------------------------------------------------------------
# Neighbour search


@dataclass
class Pairs:
    """Candidate pairs: query position, target position, similarity."""

    q: np.ndarray
    t: np.ndarray
    s: np.ndarray

    @classmethod
    def empty(cls) -> Pairs:
        import numpy as np

        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))

    @classmethod
    def concat(cls, parts: Sequence[Pairs]) -> Pairs:
        import numpy as np

        kept = [p for p in parts if len(p.q)]
        if not kept:
            return cls.empty()
        return cls(np.concatenate([p.q for p in kept]), np.concatenate([p.t for p in kept]),
                   np.concatenate([p.s for p in kept]))

    def __len__(self) -> int:
        return len(self.q)

    def select(self, mask: np.ndarray) -> Pairs:
        return Pairs(self.q[mask], self.t[mask], self.s[mask])

    def best_per_pair(self) -> Pairs:
        """One pair per (query, target): the highest similarity."""
        import numpy as np

        if not len(self):
            return self
        key = self.q * (int(self.t.max()) + 1) + self.t
        order = np.lexsort((-self.s, key))
        ks = key[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = ks[1:] != ks[:-1]
        o = order[first]
        return Pairs(self.q[o], self.t[o], self.s[o])


def _rank_in_rows(rows: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """The rank of every entry among the entries of its row, most similar first."""
    import numpy as np

    # one float64 sort key: the row, then the similarity (in [-1, 1]) descending
    order = np.argsort(rows.astype(np.float64) * 4.0 - sims, kind="stable")
    counts = np.bincount(rows)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    ranked = np.empty(len(rows), dtype=np.int64)
    ranked[order] = np.arange(len(rows)) - starts[rows[order]]
    return ranked


def _top_k(rows: np.ndarray, sims: np.ndarray, k: int) -> np.ndarray:
    """A mask keeping, for every row, its ``k`` most similar entries."""
    import numpy as np

    if len(rows) == 0:
        return np.zeros(0, dtype=bool)
    if np.bincount(rows).max() <= k:
        return np.ones(len(rows), dtype=bool)
    return np.asarray(_rank_in_rows(rows, sims) < k, dtype=bool)


def _above(sims: np.ndarray, threshold: float, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the entries of a block of similarities at or above ``threshold``, at most
    ``k`` per row: a row with more keeps its ``k`` most similar. Ties (figures stated in identical
    words have identical scores) are broken by a tiny ramp over the columns, so that a phrase
    repeated ten thousand times costs ``k`` pairs, not ten thousand."""
    import numpy as np

    mask = sims >= threshold
    heavy = np.count_nonzero(mask, axis=1) > k
    if not heavy.any():
        r0, c0 = np.nonzero(mask)
        return r0, c0
    light = np.nonzero(~heavy)[0]
    r1, c1 = np.nonzero(mask[light])
    rows = np.nonzero(heavy)[0]
    sub = sims[rows]
    kth = -np.partition(-sub, k - 1, axis=1)[:, k - 1]
    chosen = sub >= np.maximum(kth, threshold)[:, None]
    tied = np.count_nonzero(chosen, axis=1) > 2 * k
    if tied.any():
        ramp = np.arange(sims.shape[1], dtype=np.float64) * 1e-10
        fine = sub[tied].astype(np.float64) - ramp
        kth2 = -np.partition(-fine, k - 1, axis=1)[:, k - 1]
        chosen[tied] = fine >= np.maximum(kth2, threshold)[:, None]
    r2, c2 = np.nonzero(chosen)
    return np.concatenate([light[r1], rows[r2]]), np.concatenate([c1, c2])


def _dense_pairs(qv: np.ndarray, tv: np.ndarray, threshold: float, block: int = 2048) -> Pairs:
    import numpy as np

    parts: list[Pairs] = []
    for start in range(0, len(qv), block):
        sims = qv[start:start + block] @ tv.T
        r, c = _above(sims, threshold, NEIGHBOURS)
        if len(r):
            parts.append(Pairs((r + start).astype(np.int64), c.astype(np.int64), sims[r, c]))
    return Pairs.concat(parts)


def _kmeans(x: np.ndarray, k: int, iterations: int = 6, seed: int = 0) -> np.ndarray:
    """Spherical k-means on a sample of unit vectors: the centroids."""
    import numpy as np

    rng = np.random.default_rng(seed)
    sample = x if len(x) <= 32 * k else x[rng.choice(len(x), 32 * k, replace=False)]
    centroids = sample[rng.choice(len(sample), k, replace=False)].copy()
    for _ in range(iterations):
        assign = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = np.where(norms > 1e-9, sums / np.maximum(norms, 1e-12), centroids)
    return np.asarray(centroids, dtype=np.float32)


def _cells(x: np.ndarray, centroids: np.ndarray, probes: int) -> np.ndarray:
    """The ``probes`` nearest centroids of every row, nearest first."""
    import numpy as np

    out = np.empty((len(x), probes), dtype=np.int64)
    for start in range(0, len(x), 8192):
        sims = x[start:start + 8192] @ centroids.T
        rows = np.arange(len(sims))
        for p in range(probes):
            best = np.argmax(sims, axis=1)
            out[start:start + 8192, p] = best
            sims[rows, best] = -np.inf
    return out


def _ivf_pairs(qv: np.ndarray, tv: np.ndarray, threshold: float) -> Pairs:
    """Approximate search by an inverted file: targets fall into k-means cells of about
    ``CELL_SIZE``, and each query is compared with the targets of its ``PROBES`` nearest cells."""
    import numpy as np

    k = max(2, len(tv) // CELL_SIZE)
    centroids = _kmeans(tv, k)
    t_cell = _cells(tv, centroids, 1)[:, 0]
    probes = min(PROBES, k)
    q_cells = _cells(qv, centroids, probes)
    t_order = np.argsort(t_cell, kind="stable")
    t_bounds = np.searchsorted(t_cell[t_order], np.arange(k + 1))
    flat_q = np.repeat(np.arange(len(qv)), probes)
    flat_c = q_cells.reshape(-1)
    q_order = np.argsort(flat_c, kind="stable")
    q_sorted, c_sorted = flat_q[q_order], flat_c[q_order]
    q_bounds = np.searchsorted(c_sorted, np.arange(k + 1))
    parts: list[Pairs] = []
    for c in range(k):
        qs = q_sorted[q_bounds[c]:q_bounds[c + 1]]
        ts = t_order[t_bounds[c]:t_bounds[c + 1]]
        if not len(qs) or not len(ts):
            continue
        sims = qv[qs] @ tv[ts].T
        r, col = _above(sims, threshold, NEIGHBOURS)
        if len(r):
            parts.append(Pairs(qs[r], ts[col], sims[r, col]))
    pairs = Pairs.concat(parts)
    return pairs.select(_top_k(pairs.q, pairs.s, NEIGHBOURS)) if len(pairs) else pairs


def search(qv: np.ndarray, tv: np.ndarray, threshold: float | None = None) -> Pairs:
    """Pairs (query, target) scoring at least ``threshold`` (default: what any decision needs),
    at most ``NEIGHBOURS`` per query: exact up to ``EXACT_SEARCH_MAX`` targets, an inverted file above."""
    if threshold is None:
        threshold = BACK - ENTITY_BONUS
    if len(qv) == 0 or len(tv) == 0:
        return Pairs.empty()
    if len(tv) <= EXACT_SEARCH_MAX:
        return _dense_pairs(qv, tv, threshold)
    return _ivf_pairs(qv, tv, threshold)


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

    @property
    def backed_by_metric(self) -> bool:
        return any(m.target.origin == "metric" for m in self.backers)


def states_value(a: Figure, b: Figure) -> bool:
    """Whether ``a`` states ``b``'s value itself, not merely a value inside ``b``'s bound: a
    one-sided bound is read as the value it names ("up to 40%" states 40%; 22% lies under it
    without stating it, and "more than 20%" states 20%)."""
    return agree(_unbounded(a), _unbounded(b))


def _unbounded(f: Figure) -> Figure:
    return replace(f, bound=None) if f.bound in _ONE_SIDED else f


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


def authority(f: Figure) -> int:
    """How much a figure's place counts: a metric, a sourced entry, a typed entry, an article."""
    if f.origin == "metric":
        return 3
    if f.source is not None or (f.entry is not None and f.entry.sources):
        return 2
    if f.entry is not None and f.entry.type != "article":
        return 1
    return 0


def candidates(q: FigureSet, t: FigureSet, pairs: Pairs, eligible: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The compatible pairs scoring at least ``BACK`` (naming one customer adds ``ENTITY_BONUS``)."""
    s = pairs.s + ENTITY_BONUS * (q.entity[pairs.q] > 0)  # compatible pairs name the same customer
    keep = (s >= BACK) & _compatible(q, pairs.q, t, pairs.t)
    if eligible is not None:
        keep &= eligible[pairs.t]
    return pairs.q[keep], pairs.t[keep], s[keep]


def resolve(q: FigureSet, t: FigureSet, pairs: Pairs, *, eligible: np.ndarray | None = None) -> list[Resolution]:
    """Decide every query figure against the target figures, from candidate pairs (see the module
    docstring): backed, in conflict with one target, or unbacked. Registered metrics decide first;
    statements in prose decide only what the metrics leave open."""
    import numpy as np

    out = [Resolution(figure=f) for f in q.figures]
    if not len(pairs):
        return out
    qi, ti, s = candidates(q, t, pairs, eligible)
    metric = t.is_metric[ti]
    _decide(q, t, qi[metric], ti[metric], s[metric], out)
    open_ = np.array([r.status == "unbacked" for r in out], dtype=bool)
    prose = ~metric & open_[qi]
    _decide(q, t, qi[prose], ti[prose], s[prose], out)
    return out


MAX_BACKERS = 6  # agreeing statements kept per figure, the most similar first


@dataclass
class Decisions:
    """What :func:`decide` found, as arrays over the query figures."""

    support: np.ndarray  # agreeing candidates close to the best
    conflict: np.ndarray  # target position of the contradicted statement, or -1
    score: np.ndarray  # its score
    backers: tuple[np.ndarray, np.ndarray, np.ndarray]  # (query, target, score), at most MAX_BACKERS a query


def decide(q: FigureSet, t: FigureSet, qi: np.ndarray, ti: np.ndarray, s: np.ndarray) -> Decisions:
    """Backed, contradicted or neither, for every query figure, from its compatible candidates."""
    import numpy as np

    n = len(q)
    support = np.zeros(n, dtype=np.int64)
    conflict = np.full(n, -1, dtype=np.int64)
    score = np.zeros(n, dtype=np.float64)
    empty = np.zeros(0, dtype=np.int64)
    if not len(qi):
        return Decisions(support, conflict, score, (empty, empty, np.zeros(0)))
    best = np.full(n, -np.inf)
    np.maximum.at(best, qi, s)
    # a one-sided bound agrees with anything past it ("over 40 minutes" with "4 to 6 weeks"): only
    # values of one order of magnitude count as agreeing
    near = _near_magnitude(q, qi, t, ti)
    agreeing = _agreement(q, qi, t, ti) & near
    close = s >= best[qi] - MARGIN
    # a figure in an entry that registers metrics of its own is mostly context for them (a baseline,
    # a methodology): contradicting another entry's figure takes stronger evidence
    other_home = q.registers[qi] & (q.entry[qi] != t.entry[ti])
    needed = np.where(other_home, CONFLICT_AWAY, CONFLICT)
    conflicting = (~agreeing) & close & (s >= needed) & (q.kind[qi] != 0) & near
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
            out: list[Resolution]) -> None:
    d = decide(q, t, qi, ti, s)
    bq, bt, bs = d.backers
    for a, b, sc in zip(bq.tolist(), bt.tolist(), bs.tolist(), strict=True):
        out[a].backers.append(Match(t.figures[b], sc))
    for a in (d.conflict >= 0).nonzero()[0].tolist():
        out[a].conflict = Match(t.figures[int(d.conflict[a])], float(d.score[a]))
        out[a].status = "conflict"
    for a in bq.tolist():
        out[a].status = "backed"


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
        self._drafts: dict[int, list[Resolution]] = {}

    @staticmethod
    def of(ctx: AuditContext) -> FigureIndex:
        """The index of ``ctx``, built on first use and kept on it."""
        cached = ctx.__dict__.get("_figure_index")
        if not isinstance(cached, FigureIndex):
            cached = ctx.__dict__["_figure_index"] = FigureIndex(ctx)
        return cached

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Semantic and lexical vectors of ``texts``, combined (see :func:`combine`)."""
        import numpy as np

        if self.lexicon is None:
            raise RuntimeError("the lexicon is built with the KB")
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        uniq = list(dict.fromkeys(texts))
        semantic = np.asarray(self.ctx.vectors(uniq), dtype=np.float32)
        vecs = combine(semantic, self.lexicon.vectors(uniq))
        pos = {t: i for i, t in enumerate(uniq)}
        return vecs[[pos[t] for t in texts]]

    def figure_set(self, figures: Sequence[Figure], entity_ids: dict[str, int] | None = None) -> FigureSet:
        if entity_ids is None and self._kb is not None:
            entity_ids = self._kb.canonical.entity_ids
        return FigureSet(figures, self._vectors([f.context for f in figures]), self.recent_from, entity_ids)

    # -- the KB ----------------------------------------------------------------------------------

    @property
    def kb(self) -> KBFigures:
        if self._kb is None:
            self._kb = self._build_kb()
        return self._kb

    def entry_figures(self, entry: Entry, entities: Entities) -> list[Figure]:
        out: list[Figure] = []
        for c, context, preceding, block in _entry_contexts(entry):
            f = figure_of_claim(c, where="kb", path=entry.path, entry=entry, entities=entities, context=context,
                                preceding=preceding)
            f.block = block
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

        # 1. approved claims against approved metrics
        claim_pos = np.arange(n, len(canonical))
        claim_set = canonical.take(claim_pos)
        metric_set = canonical.take(np.arange(n))
        results = resolve(claim_set, metric_set, _metric_pairs(claim_set, metric_set, reps))
        resolutions = {r.figure: r for r in results}
        eligible[claim_pos] = [r.status != "conflict" for r in results]  # a contradicted claim backs nothing

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
            for r in resolve(claim_set, retired_set, search_sets(claim_set, retired_set)):
                repeat = retired_repeat(resolutions[r.figure], r)
                if repeat is not None:
                    repeats[r.figure] = repeat
                    eligible[position[r.figure]] = False  # a retired figure backs nothing
        return KBFigures(canonical=canonical, metrics=n, representations=reps, retired=retired_set,
                         resolutions=resolutions, claim_conflicts=claim_conflicts, metric_conflicts=metric_conflicts,
                         metric_agreements=metric_agreements, retired_repeats=repeats, eligible=eligible,
                         entities=entities)

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
        parts = []
        for (kind, _), idx in sub.buckets().items():
            if kind == 0 or len(idx) < 2:
                continue
            p = search(sub.vectors[idx], sub.vectors[idx])
            parts.append(Pairs(idx[p.q], idx[p.t], p.s))
        pairs = Pairs.concat(parts)
        if not len(pairs):
            return {}
        # Not compared: two figures of one sentence (two measures, or the two ends of a change);
        # figures in headings (they name what follows: "Short message (~50 words)"); figures in two
        # sections of one entry (parallel sections: each driver's "total annual benefit").
        q, t = pairs.q, pairs.t
        same_entry = sub.entry[q] == sub.entry[t]
        keep = (sub.sentence[q] != sub.sentence[t]) & ~sub.heading[q] & ~sub.heading[t]
        keep &= ~same_entry | (sub.section[q] == sub.section[t])
        # a level stated with no time ("taking 4 to 6 weeks") is as likely the state a change started
        # from as its result: the result of a change ("from 3-6 weeks to 30 minutes") is not held
        # against it
        keep &= ~(((sub.role[q] == 2) & (sub.role[t] == 0)) | ((sub.role[q] == 0) & (sub.role[t] == 2)))
        pairs = pairs.select(keep)
        # two figures of one paragraph speak of one subject: evidence like naming one customer
        same_block = (sub.block[pairs.q] == sub.block[pairs.t]) & (sub.entity[pairs.q] == 0)
        pairs = Pairs(pairs.q, pairs.t, pairs.s + ENTITY_BONUS * same_block)
        d = decide(sub, sub, *candidates(sub, sub, pairs))
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
                      eligible=kb.eligible)
        if len(kb.retired):
            for r, rr in zip(out, resolve(q, kb.retired, search_sets(q, kb.retired)), strict=True):
                r.retired = retired_repeat(r, rr)
        return out

    def draft(self, draft: Draft) -> list[Resolution]:
        key = id(draft)
        if key not in self._drafts:
            self._drafts[key] = self.resolve_figures(self.draft_figures(draft))
        return self._drafts[key]

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
        out: list[Figure] = []
        for c in draft.claims:
            if not c.masked:
                continue
            row = None
            if c.extra.get("block") == "table" and 0 < c.line <= len(lines):
                row = _row_context(c, lines[c.line - 1])
            block = next((b.text for b in draft.blocks if b.line <= c.line <= b.end_line), "")
            preceding = _preceding(block, c.sentence)
            out.append(figure_of_claim(c, where="draft", path=draft.path, entities=entities,
                                       context=_claim_context(c, row, preceding), preceding=preceding))
        return out

    def call_figures(self, call: Call) -> list[Figure]:
        """What internal speakers state as figures, less what they restate about the prospect."""

        entities = self.kb.entities
        external = {t.speaker.split(" ")[0] for t in call.turns if t.role == "external" and t.speaker}
        out: list[Figure] = []
        for t, c, preceding, context in _rep_claims(call):
            if _about_the_listener(c, external):
                continue
            out.append(figure_of_claim(c, where="call", path=call.path, entities=entities,
                                       context=context, preceding=preceding, speaker=t.speaker))
        return out


def _rep_claims(call: Call) -> Iterator[tuple[Turn, Claim, str, str]]:
    """(turn, claim, what the speaker said before it, the text its measure is judged by) for every
    figure an internal speaker states."""
    from .claims import extract_claims

    before = ""  # the previous turn: often the question a figure answers
    for t in call.turns:
        sentences = [s.text for s in t.sentences] or [t.text]
        if t.role == "internal":
            said: list[str] = []
            for s in t.sentences:
                preceding = " ".join(said)
                for c in extract_claims(s.text, first_line=s.line, first_column=s.column):
                    if c.masked:
                        yield t, c, preceding, _claim_context(c, previous=preceding or before)
                said.append(s.text)
        before = " ".join(sentences)


def call_claim_contexts(call: Call) -> list[str]:
    """The texts the audit embeds for what reps say in a call: what indexing can embed ahead of
    time so that an audit of an up-to-date index embeds nothing."""
    return [context for _, _, _, context in _rep_claims(call)]


def _about_the_listener(c: Claim, external_first_names: set[str]) -> bool:
    """A rep restating the prospect's own situation ("you're at about 1,200 invoices a month",
    "Kara's team processes 3,000 invoices a month", "an invoice costs you a little over $9"), or
    a share of a pronoun ("half of them are faster"): not a claim about the product."""
    masked = c.masked
    if _PRONOUN_SHARE.search(masked) and c.extra.get("as_written"):
        return True
    if c.kind not in ("count", "currency"):
        return False
    clause = _clause(masked)
    if _SECOND_PERSON.search(clause):
        return True
    return any(re.search(rf"\b{re.escape(n)}(?:'s|’s)\b", clause) for n in external_first_names if n)


def _entry_contexts(entry: Entry) -> list[tuple[Claim, str, str, int]]:
    """For each claim of an entry: the claim, the text embedded for it, what precedes its sentence
    in its paragraph, and the line of that paragraph (of the row, in a table)."""
    lines = entry.body.split("\n") if any(c.extra.get("block") == "table" for c in entry.claims) else []
    out: list[tuple[Claim, str, str, int]] = []
    for c in entry.claims:
        if not c.masked:
            continue
        table = c.extra.get("block") == "table"
        row = None
        if lines and table and 0 <= c.line - entry.body_line < len(lines):
            row = _row_context(c, lines[c.line - entry.body_line])
        block = _block_of(entry, c.line)
        preceding = _preceding(block.text if block else "", c.sentence)
        out.append((c, _claim_context(c, row, preceding), preceding,
                    block.line if block is not None and not table else c.line))
    return out


def claim_contexts(entry: Entry) -> list[str]:
    """The texts the audit embeds for an entry's claims, beyond ``Claim.masked``: what indexing
    can embed ahead of time so that an audit of an up-to-date index embeds nothing."""
    return [context for c, context, _, _ in _entry_contexts(entry) if context != c.masked]


def _block_of(entry: Entry, line: int) -> Block | None:
    for b in entry.blocks:
        if b.line <= line <= b.end_line:
            return b
    return None


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


def _bucket_keys(fs: FigureSet) -> np.ndarray:
    import numpy as np

    return fs.kind.astype(np.int64) * 2 + (fs.per > 0)


def search_sets(q: FigureSet, t: FigureSet, vectors: np.ndarray | None = None, of: np.ndarray | None = None
                ) -> Pairs:
    """:func:`search` bucket by bucket: a query only meets targets of its unit kind and rate (a
    figure of unknown unit, every kind of its rate). ``vectors``/``of``: other rows standing for
    targets (their positions in ``t``)."""
    import numpy as np

    tv = t.vectors if vectors is None else vectors
    tkey = _bucket_keys(t) if of is None else _bucket_keys(t)[of]
    q_rate = q.per > 0
    parts: list[Pairs] = []
    for key in np.unique(tkey).tolist():
        kind, rate = divmod(int(key), 2)
        tidx = np.nonzero(tkey == key)[0]
        qidx = np.nonzero(((q.kind == kind) | (q.kind == 0)) & (q_rate == bool(rate)))[0]
        if not len(qidx):
            continue
        p = search(q.vectors[qidx], tv[tidx])
        target = tidx if of is None else of[tidx]
        parts.append(Pairs(qidx[p.q], target[p.t], p.s))
    return Pairs.concat(parts)


# ------------------------------------------------------------------------------------------------
# For findings


def where(f: Figure) -> dict[str, Any]:
    """The position fields of a finding about figure ``f``."""
    out: dict[str, Any] = {"path": f.path, "line": f.line, "column": f.column}
    if f.end_line is not None:
        out["end_line"] = f.end_line
    if f.end_column is not None:
        out["end_column"] = f.end_column
    if f.claim is not None:
        out["claim"] = f.claim.to_dict()
    if f.entry is not None:
        out["entry"] = f.entry.id
    return out


def approved_figure(f: Figure) -> str:
    """A canonical figure for a message: "median 6 weeks (median-go-live)", "$480K (stated in
    case-studies/contoso.md:37)"."""
    shown = describe_figure(f)
    if f.metric is not None:
        q = (f.metric.qualifier or "").strip()
        if q and q.lower() not in shown.lower():
            shown = f"{q} {shown}"
        return f"{shown} ({f.metric.id})"
    return f"{shown} (stated in {f.path}:{f.line})"


def quoted(f: Figure) -> str:
    """How a finding quotes what was said: '6 weeks ("go live in 6 weeks")'."""
    shown = describe_figure(f)
    text = " ".join(f.text.split())
    if f.claim is None or not text or text == shown:
        return shown
    return f'{shown} ("{text}")'


def related(match: Match) -> list[dict[str, Any]]:
    out = [match.target.place()]
    if match.via is not None:
        out.append(match.via.place())
    return out


__all__ = [
    "BACK", "CONFLICT", "MARGIN", "Entities", "Figure", "FigureIndex", "FigureSet", "KBFigures", "Match",
    "Resolution", "agree", "authority", "figure_of_claim", "figure_of_metric", "interval", "resolve",
    "approved_figure", "claim_contexts", "quoted", "related", "matching_source", "search", "where",
]
