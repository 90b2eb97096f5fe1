"""How findings about figures speak: positions, the approved figure, what was said."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

