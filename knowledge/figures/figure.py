"""A figure: one statement of a measure, normalised, and when two statements agree."""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from knowledge import units
from knowledge.model import Claim, Entry, Metric, Source, Value

if TYPE_CHECKING:
    pass

_NUMBER_IN_SPAN = re.compile(r"\d[\d,]*(?:\.(\d+))?")

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
    scope: str | None = None  # where it counts: a count's country ("fleets in India"), a rating's site
    sense: str | None = None  # a share: "change" ("82% fewer errors") or "level" ("20% of runs"), else None
    worked: bool = False  # arithmetic shown to the reader, or a worked example's: backs what agrees, contradicts nothing
    grain: float = 0.0  # a share said loosely: the step it is rounded to ("about 90%": 10; "a third": 33.3)
    entry: Entry | None = None
    metric: Metric | None = None
    claim: Claim | None = None
    speaker: str | None = None
    block: int | None = None  # the line of the paragraph (or item, or row) it is in
    table: int | None = None  # the line of the table it is a cell of
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
            value: Any = m.value
            unit = m.unit
            if self.kind == "currency":  # "$", "$K", "USD": one unit, as claims say it
                try:
                    value, unit, _ = units.normalize(m.value, m.unit)
                except (KeyError, ValueError, ZeroDivisionError):
                    pass
            return {"metric": m.id, "value": list(value) if isinstance(value, tuple) else value, "unit": unit,
                    "entry": m.entry_id}
        # a statement in prose: in the units a finding's ``claim`` uses
        c = self.claim
        value = c.value if c is not None else self.value
        unit = c.unit if c is not None else self.unit
        return {"metric": None, "value": list(value) if isinstance(value, tuple) else value, "unit": unit,
                "entry": self.entry_id}


def claim_attr(c: Claim, name: str, default: Any = None) -> Any:
    """What claim extraction noted about ``c`` beyond its fields ("block", "section", "span",
    "as_written", "qualifier_word", "statistic", "per"): the one place figures read it, so that
    typed fields on ``Claim`` replace the ``extra`` dict here alone."""
    value = getattr(c, name, None)
    if value is not None and name not in ("text", "unit", "kind", "value"):
        return value
    return c.extra.get(name, default) if c.extra else default


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
    # a hedged share is rounded to the step it is said in: "around ninety per cent" and
    # "nine-tenths" stand for 85 to 95, not for 82 (a tenth of 90 either way would take it)
    loose = REL_APPROX * mag if not f.grain else min(REL_APPROX * mag, f.grain / 2)
    if bound == "about":
        pad = max(pad, loose)
    elif bound == "nearly":
        lo = lo - (REL_APPROX * abs(lo) if not f.grain else min(REL_APPROX * abs(lo), f.grain / 2))
    elif bound == "at least":
        hi = math.inf
    elif bound == "at most":
        lo = -math.inf if lo < 0 else 0.0
    return lo, hi, pad


# "$" is read as US dollars, but a KB may keep its figures in another dollar: a bare "$" or "dollars"
# meets any dollar, while a dollar written with its country's mark ("US$", "C$", "A$", or a code: "NZD",
# "USD"; prose still reads "NZ$", "S$", "HK$" and "J$" as a bare "$", a metric's unit reads them) is that
# country's alone (a New Zealand price and a US price of one product are two prices)
_DOLLARS = frozenset({"USD", "AUD", "CAD", "NZD", "SGD", "HKD"})
BARE_DOLLAR = 1  # the number of a dollar written with no mark
_MARKED = 1 << 31  # the bit a marked dollar's number carries (FigureSet.currency is int64)
# US dollars said as such; any other dollar is read only from its mark ("NZ$", "C$", "A$", "NZD")
_US_MARK = re.compile(r"(?<![A-Za-z])(?:US\$|USD\b|U\.?S\.?[ \t]+dollars?\b)", re.I)


def share_grain(value: Value, written_as_fraction: bool) -> float:
    """The step a share said loosely is rounded to: a fraction's own ("nine-tenths": 10, "a third":
    33.3, "one in five": 20), else the last digit's ("about 90%": 10, "about 85%": 5, "about 62%": 1).
    0 for a range, whose ends say how wide it is."""
    if isinstance(value, tuple):
        return 0.0
    v = float(value)
    if written_as_fraction:
        for d in range(2, 13):
            if abs(v * d / 100 - round(v * d / 100)) < 1e-3:
                return 100.0 / d
    if abs(v - round(v)) > 1e-9:
        return 0.0  # "about 2.5%": its decimals already say how precise it is
    n = int(round(v))
    return 10.0 if n % 10 == 0 else 5.0 if n % 5 == 0 else 1.0


def currency_code(f: Figure) -> int:
    """A number per currency (0: not an amount of money). A bare "$" or "dollars" is
    :data:`BARE_DOLLAR`, since it says which dollar only by context; a marked dollar ("NZ$38",
    "US$28", "unit: NZD") has its own number with the :data:`_MARKED` bit. One amount in two
    currencies ("$2.4M", "£2.4m") is two figures. Compare two numbers with :func:`same_money`."""
    if f.kind != "currency" or not f.unit:
        return 0
    unit = f.unit.upper()
    code = zlib.crc32(unit.encode()) & 0x3FFFFFFF
    if unit not in _DOLLARS:
        return 2 + code
    if unit == "USD" and not _US_MARK.search(_written_unit(f)):
        return BARE_DOLLAR
    return _MARKED | code


def _written_unit(f: Figure) -> str:
    """The currency as written: a metric's ``unit:``, a statement's words and unit as read."""
    if f.metric is not None:
        return str(f.metric.unit or "")
    if f.claim is not None:
        return f"{claim_attr(f.claim, 'span') or f.claim.text} {f.claim.raw_unit or ''}"
    return f.text


def same_money(qc: Any, tc: Any) -> Any:
    """Whether two currency numbers (:func:`currency_code`: ints or numpy arrays of them) are one
    currency: equal, or a bare dollar and any dollar."""
    q_dollar = (qc == BARE_DOLLAR) | (qc >= _MARKED)
    t_dollar = (tc == BARE_DOLLAR) | (tc >= _MARKED)
    return (qc == tc) | ((qc == BARE_DOLLAR) & t_dollar) | ((tc == BARE_DOLLAR) & q_dollar)


def other_money(qc: Any, tc: Any) -> Any:
    """Whether two figures are amounts in two currencies ("£2.4m" and "$2.4M"; "NZ$38" and "US$38");
    ints or numpy arrays, as :func:`same_money`."""
    return (qc != 0) & (tc != 0) & (same_money(qc, tc) ^ True)  # "^ True": "not" for ints and arrays


def two_marked_dollars(qc: Any, tc: Any) -> Any:
    """Whether two currency numbers are dollars marked for two countries ("NZ$38" and "US$28", "C$"
    and "unit: USD"): two markets' amounts, never one measure said two ways."""
    return (qc >= _MARKED) & (tc >= _MARKED) & (qc != tc)


def agree(a: Figure, b: Figure) -> bool:
    """Whether two statements of one measure are consistent (see the module docstring)."""
    if other_money(currency_code(a), currency_code(b)):
        return False
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


# Relative widths of value intervals.
REL_EXACT = 0.01  # exact statements: unit conversions (a month is 30.44 days) and float noise
REL_APPROX = 0.10  # "about", "roughly", "nearly", idioms and fractions
ROUND_CAP = 0.05  # trailing zeros read as rounding ("1,400"), but never wider than 5%

def states_value(a: Figure, b: Figure) -> bool:
    """Whether ``a`` states ``b``'s value itself, not merely a value inside ``b``'s bound: a
    one-sided bound is read as the value it names ("up to 40%" states 40%; 22% lies under it
    without stating it, and "more than 20%" states 20%)."""
    return agree(_unbounded(a), _unbounded(b))


def _unbounded(f: Figure) -> Figure:
    return replace(f, bound=None) if f.bound in _ONE_SIDED else f


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
_NOT_A_NAME = frozenset("the a an of and for in on by our their its annual latest new state report study survey "
                        "research benchmark index review analysis data paper whitepaper edition".split())


def _named(title: str) -> int:
    """Who a source title names, as a number (0: nobody): its first word that names someone
    ("Pellham" in "the 2025 Pellham Research survey"), so that two spellings of one study's title
    count as one."""
    for w in _TITLE_WORD.findall(title.casefold()):
        w = re.sub(r"['’]s?$", "", w)  # "Brightfold's study" is Brightfold's
        if w and w not in _NOT_A_NAME:
            return 1 + (zlib.crc32(w.encode()) & 0x3FFFFFFF)
    return 0


def cited_by(f: Figure) -> int:
    """Who the figure's own text or metric credits it to (0: nobody named)."""
    return _named(f.source.title) if f.source is not None and f.source.title else 0


def credited(f: Figure) -> frozenset[int]:
    """Everyone a figure may rest on: who it is credited to, else the sources of its entry."""
    own = cited_by(f)
    if own:
        return frozenset((own,))
    if f.entry is not None:
        return frozenset(n for n in (_named(s.title) for s in f.entry.sources if s.title) if n)
    return frozenset()


def authority(f: Figure) -> int:
    """How much a figure's place counts: a metric, a sourced entry, a typed entry, an article."""
    if f.origin == "metric":
        return 3
    if f.source is not None or (f.entry is not None and f.entry.sources):
        return 2
    if f.entry is not None and f.entry.type != "article":
        return 1
    return 0

