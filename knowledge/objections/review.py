"""Reviewers' verdicts applied to an analysis (see :mod:`.verdicts` for what each one does)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from knowledge.model import Call, Entry

from .detect import Detection
from .model import Mention, Objection, Tuning
from .prefilter import Candidate
from .verdicts import NEIGHBOUR, Verdict, mention_key

if TYPE_CHECKING:
    import numpy as np

MIN_REVIEWED = 4  # turns marked right, and turns marked wrong, before detection recalibrates


def _reviewed(found: Sequence[tuple[Call, Candidate]],
              verdicts: Sequence[Verdict]) -> Iterator[tuple[list[int], bool]]:
    """For each mention or assignment verdict that names candidates: those candidates, and whether
    the reviewer said they are an objection (an assignment says so too)."""
    for v in verdicts:
        if v.kind not in ("mention", "assignment"):
            continue
        group = _targets(found, v)
        if group:
            yield group, v.kind == "assignment" or v.verdict == "right"


def _targets(found: Sequence[tuple[Call, Candidate]], v: Verdict) -> list[int]:
    """The candidates of the turn piece a mention or assignment verdict is about."""
    anchor = [i for i, (call, c) in enumerate(found) if call.path == v.call and c.line == v.line]
    if not anchor and v.text:
        anchor = [i for i, (call, c) in enumerate(found)
                  if call.path == v.call and v.refers_to(call.path, c.line, c.raw)]
    if not anchor:
        return []
    call, c = found[anchor[0]]
    return [i for i, (k, d) in enumerate(found) if k.path == call.path and d.turn == c.turn and d.piece == c.piece]


def recalibrate(found: Sequence[tuple[Call, Candidate]], det: Detection, verdicts: Sequence[Verdict],
                tuning: Tuning) -> np.ndarray:
    """Detection with its threshold moved to where it best separates the turns reviewers marked
    right from those they marked wrong (the default where they have marked too few of either)."""
    import numpy as np

    pos: list[float] = []
    neg: list[float] = []
    for group, right in _reviewed(found, verdicts):
        eligible = [i for i in group if det.evidence[i] or det.score[i] >= tuning.detect_bare]
        best = max((float(det.score[i]) for i in eligible), default=-1.0)
        (pos if right else neg).append(best)
    if len(pos) < MIN_REVIEWED or len(neg) < MIN_REVIEWED:
        return det.detected
    P, N = np.asarray(pos), np.asarray(neg)

    def f1(t: float) -> float:
        tp, fp = float((P >= t).sum()), float((N >= t).sum())
        return 2 * tp / max(1.0, 2 * tp + fp + (len(P) - tp))

    grid = np.round(np.arange(tuning.detect - 0.10, tuning.detect + 0.101, 0.01), 3)
    scores = [(f1(float(t)), -abs(float(t) - tuning.detect), float(t)) for t in grid]
    t = max(scores)[2]
    return (det.score >= t) & (det.evidence | (det.score >= tuning.detect_bare))


def apply_detection_verdicts(found: Sequence[tuple[Call, Candidate]], S: np.ndarray, detected: np.ndarray,
                             verdicts: Sequence[Verdict]) -> np.ndarray:
    """Detection as reviewers corrected it: reviewed turns as they said, and every other sentence
    at least :data:`NEIGHBOUR` alike to a reviewed one as its closest reviewed sentence."""
    import numpy as np

    out = detected.copy()
    pos: list[int] = []
    neg: list[int] = []
    for group, right in _reviewed(found, verdicts):
        if right:
            keep = [i for i in group if detected[i]] or group
            out[keep] = True
            pos.extend(keep)
        else:
            neg.extend(group)
            out[group] = False
    reviewed = np.zeros(len(found), dtype=bool)
    reviewed[pos + neg] = True
    if (pos or neg) and len(found):
        ref = np.asarray(pos + neg, dtype=np.int64)
        sign = np.asarray([True] * len(pos) + [False] * len(neg))
        for a in range(0, len(found), 1024):
            sims = S[a:a + 1024] @ S[ref].T
            nearest = sims.argmax(axis=1)
            close = sims[np.arange(len(nearest)), nearest] >= NEIGHBOUR
            idx = np.arange(a, a + len(nearest))
            free = close & ~reviewed[idx]
            out[idx[free]] = sign[nearest[free]]
    return out


@dataclass
class Seeds:
    """What assignment verdicts add to the clustering."""

    forced: dict[int, int] = field(default_factory=dict)  # mention -> entry (index among the seeds)
    banned: dict[int, set[int]] = field(default_factory=dict)
    phrasings: list[tuple[int, Any]] = field(default_factory=list)  # (entry, vector) a reviewer confirmed
    themes: list[Entry] = field(default_factory=list)  # themes reviewers named, seeded like entries


def _find(mentions: Sequence[Mention], v: Verdict) -> int | None:
    for x, mt in enumerate(mentions):
        lines = (mt.line, max([mt.line, *mt.lines]))
        if v.refers_to(mt.call, mt.line, mt.text, lines):
            return x
    return None


def review_seeds(mentions: Sequence[Mention], verdicts: Sequence[Verdict], entry_ids: list[str]) -> Seeds:
    from .themes import _slug

    seeds = Seeds()
    index = {eid: j for j, eid in enumerate(entry_ids)}
    by_label: dict[str, int] = {}

    def target(name: str) -> int:
        if name in index:
            return index[name]
        slugged = name.startswith(("new:", "theme/"))
        label = name.removeprefix("new:").removeprefix("theme/")
        label = (label.replace("-", " ") if slugged else label).strip()
        key = _slug(label)
        if key not in by_label:
            by_label[key] = len(entry_ids) + len(seeds.themes)
            seeds.themes.append(Entry(id=f"theme/{key}", path="", type="objection", title=label))
        return by_label[key]

    for v in verdicts:
        if v.kind != "assignment" or not v.objection:
            continue
        x = _find(mentions, v)
        if x is None:
            continue
        j = target(v.objection)
        if v.verdict == "right":
            seeds.forced[x] = j
            seeds.phrasings.append((j, mentions[x].sentence_vector))
        else:
            seeds.banned.setdefault(x, set()).add(j)
    return seeds


def _theme(objections: list[Objection], name: str, keys: list[str]) -> Objection | None:
    for o in objections:
        if o.id == name or o.label == name:
            return o
    for o in objections:
        if not o.known and o.former_id == name:
            return o
    if keys:
        wanted = set(keys)
        scored = [(len(wanted & {mention_key(m.call, m.text) for m in o.mentions}), o) for o in objections if not o.known]
        best = max(scored, key=lambda t: t[0], default=(0, None))
        return best[1] if best[0] else None
    return None


def apply_theme_verdicts(objections: list[Objection], verdicts: Sequence[Verdict], seeded: set[str]) -> list[Objection]:
    """Themes reviewers named stay themes; renames and merges hold."""
    from .themes import _slug

    for o in objections:
        if o.id in seeded:
            o.known, o.entry = False, None
    for v in verdicts:
        if v.kind == "rename" and v.theme and v.label:
            t = _theme(objections, v.theme, v.mentions)
            if t is not None and not t.known:
                t.label = v.label
                new_id = f"theme/{_slug(v.label)}"
                if all(o.id != new_id for o in objections if o is not t):
                    t.id = new_id
        elif v.kind == "merge" and v.theme and v.into:
            src = _theme(objections, v.theme, v.mentions)
            dst = next((o for o in objections if o.id == v.into or o.label == v.into), None)
            if src is not None and dst is not None and src is not dst and not src.known:
                dst.mentions = sorted(dst.mentions + src.mentions, key=lambda m: -m.match)
                objections = [o for o in objections if o is not src]
    return objections
