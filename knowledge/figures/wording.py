"""How findings about figures speak: positions, the approved figure, what was said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knowledge import units

from .decide import Match
from .figure import Figure, describe_figure

if TYPE_CHECKING:
    pass

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


def approved_figure(f: Figure, against: Figure | None = None) -> str:
    """A canonical figure for a message: "median 6 weeks (median-go-live)", "$480K (stated in
    case-studies/contoso.md:37)"; with its period when the figure held against it has another one
    ("£9,500 a month" against "£9,500 annually")."""
    shown = shown_figure(f, against)
    if f.metric is not None:
        q = (f.metric.qualifier or "").strip()
        if q and q.lower() not in shown.lower():
            shown = f"{q} {shown}"
        return f"{shown} ({f.metric.id})"
    return f"{shown} (stated in {f.path}:{f.line})"


def quoted(f: Figure, against: Figure | None = None) -> str:
    """How a finding quotes what was said: '6 weeks ("go live in 6 weeks")'; held against an
    approved figure written in another unit, in that unit too: '1.5 months ("live in a month and
    a half"), that is about 6.5 weeks'."""
    shown = shown_figure(f, against)
    text = " ".join(f.text.split())
    out = shown if f.claim is None or not text or text == shown else f'{shown} ("{text}")'
    converted = in_units_of(f, against) if against is not None else ""
    return f"{out}, that is {converted}" if converted else out


def shown_figure(f: Figure, against: Figure | None = None) -> str:
    """``f`` as a message shows it, with the period it is given per when ``against`` (the figure it
    is compared with) is a rate of another period or none: "£9,500 a year" and "£9,500 a month",
    not "£9,500" twice. A period the unit already shows ("6 hours/week") is not said again."""
    shown = describe_figure(f)
    if against is None or f.per == against.per or f.per not in _SAID_PER or f"/{f.per}" in shown:
        return shown
    return f"{shown} {_SAID_PER[f.per]}"


# how a message says the period of a rate
_SAID_PER = {"hour": "an hour", "day": "a day", "week": "a week", "month": "a month", "quarter": "a quarter",
                 "year": "a year"}


def in_units_of(f: Figure, target: Figure) -> str:
    """``f``'s value in the unit the approved figure is written in, when they differ: "about 6.5
    weeks" for "a month and a half" against a metric in weeks; "" when the units are the same."""
    if f.kind != target.kind or f.kind not in ("duration", "currency") or f.per != target.per:
        return ""
    unit = target.metric.unit if target.metric is not None else (target.claim.raw_unit if target.claim else None)
    written = f.claim.raw_unit if f.claim is not None else None
    if not unit or not written or units.normalize(1.0, unit)[1:] != units.normalize(1.0, written)[1:] or \
            _same_unit(unit, written):
        return ""
    try:
        scale = float(units.normalize(1.0, unit)[0])  # type: ignore[arg-type]
    except (KeyError, ValueError, ZeroDivisionError):
        return ""
    lo, hi = (f.value if isinstance(f.value, tuple) else (f.value, f.value))
    if f.per is not None:
        return ""
    value: Any = round(lo / scale, 1) if lo == hi else (round(lo / scale, 1), round(hi / scale, 1))
    if 0.0 in (value if isinstance(value, tuple) else (value,)) and (lo or hi):
        return ""  # "45 minutes, that is 0 days" says nothing a reader can use
    return f"{'about ' if f.approximate or f.bound == 'about' else ''}{units.describe(value, unit)}"


def _same_unit(a: str, b: str) -> bool:
    return units.describe(2.0, a) == units.describe(2.0, b)


def related(match: Match) -> list[dict[str, Any]]:
    out = [match.target.place()]
    if match.via is not None:
        out.append(match.via.place())
    return out

