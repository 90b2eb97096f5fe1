"""Reviewers' verdicts applied to an analysis (see :mod:`.verdicts` for what each one does)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from knowledge.model import Call, Entry

from .detect import Detection, combine
from .model import Mention, Objection, Tuning
from .prefilter import Candidate
from .verdicts import Verdict, _norm, mention_key, piece_words

if TYPE_CHECKING:
    import numpy as np

# The per-KB detector: a MAP update of the shipped logistic weights toward the KB's reviewed
# sentences, with a Gaussian prior centred on the shipped weights. Its strength was chosen
# leave-one-corpus-out with bench/bench_verdicts.py --loco (bench/ACCURACY.md, "Reviewers' verdicts, measured on
# every corpus"): a weaker prior let twenty-odd reviewed sentences move every sentence of the KB
# (Northwind and the example lost precision), a stronger one learned less.
ANCHOR = 10.0  # strength of the prior (L2, on weights and intercept) that keeps the update near the shipped weights
STEPS = 100  # gradient steps: the fit starts at the shipped weights and moves little


def _reviewed(found: Sequence[tuple[Call, Candidate]],
              verdicts: Sequence[Verdict]) -> Iterator[tuple[Verdict, list[int], bool]]:
    """For each mention or assignment verdict that names candidates: the verdict, the candidates
    of its turn piece, and whether the reviewer said it is an objection (an assignment says so too)."""
    for v in verdicts:
        if v.kind not in ("mention", "assignment"):
            continue
        group = _targets(found, v)
        if group:
            yield v, group, v.kind == "assignment" or v.verdict == "right"


def _targets(found: Sequence[tuple[Call, Candidate]], v: Verdict) -> list[int]:
    """The candidates of the turn piece a mention or assignment verdict is about: the piece its
    words are found in (the nearest its line where several hold them), else the one at its line."""
    ranked = [(r, i) for i, (call, c) in enumerate(found) if call.path == v.call
              and (r := v.rank(call.path, c.line, piece_words(call, c.turn, c.piece) if v.text else "")) is not None]
    if not ranked:
        return []
    call, c = found[min(ranked)[1]]
    return [i for i, (k, d) in enumerate(found) if k.path == call.path and d.turn == c.turn and d.piece == c.piece]


def _covered(found: Sequence[tuple[Call, Candidate]], group: list[int], v: Verdict) -> list[int]:
    """The candidates of ``group`` the verdict's words cover (or that contain them): a piece often
    holds sentences around the objection, and the reviewer's words say which ones it is."""
    if not v.text:
        return []
    said = _norm(v.text)
    out = []
    for i in group:
        own = _norm(found[i][1].raw)
        if own and (own in said or said in own):
            out.append(i)
    return out


def _examples(found: Sequence[tuple[Call, Candidate]], det: Detection,
              verdicts: Sequence[Verdict], decided: np.ndarray | None = None) -> tuple[list[int], list[float]]:
    """The reviewed sentences and their labels, from the verdicts that correct the detector's own
    decision (``det.detected``, before echoes, follow-ups and the blend add to it): a turn marked
    right that the detector missed, a turn marked wrong that it found. A turn marked right
    is an objection, not each of its sentences: its examples are the sentences the reviewer's
    words cover (else the piece). A turn marked wrong: every sentence its words cover (else the
    piece) is not an objection.

    A verdict that agrees with the detector is left out, as an assignment that agrees with canon
    lends its words to nothing (:func:`corrections`). A reviewer looks at mentions and at the
    objections canon missed, so most verdicts are "right" on a mention canon found whatever the
    KB's calls hold; fitted on them, the update learnt that share as well and raised every
    sentence of the KB (on Wickerby by 0.02 in probability on average), making strays of
    sentences just under the bar on calls nobody reviewed (bench/bench_verdicts.py, held-out
    precision -0.017 to -0.022 on Docketry, Ravelin and Wickerby; bench/ACCURACY.md, "Concerns
    the KB does not name (eighth round)"). What the detector got wrong says which way its bar is
    off for this KB, and which sentences are like the ones it got wrong. A turn the detector
    missed that an echo, a follow-up or the blend then reported, marked right, still counts: the
    update is to the detector, whose decision it was, and recalibration comes before those steps
    (which read its result).

    ``decided`` is what the add/drop piece model made of the detector's decision, where it runs
    (:func:`.blend.reweighed`): a turn the detector found and the model dropped, marked right, and
    one the model added, marked wrong, are corrections too. Without them a reviewer's verdict on
    the model's own mistake would teach nothing, and the same sentence in a new call would be
    dropped (or added) again."""
    idx: list[int] = []
    y: list[float] = []
    seen: set[int] = set()
    for v, group, right in _reviewed(found, verdicts):
        agrees = bool(det.detected[group].any()) == right
        if agrees and (decided is None or bool(decided[group].any()) == right):
            continue
        cover = _covered(found, group, v) or group
        pick = cover
        for i in pick:
            if i not in seen:
                seen.add(i)
                idx.append(i)
                y.append(1.0 if right else 0.0)
    return idx, y


def fit_map(coef: np.ndarray, intercept: float, X: np.ndarray, y: np.ndarray, weight: np.ndarray,
            anchor: float = ANCHOR, steps: int = STEPS, offset: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Weights of a logistic model fitted to ``X``, ``y`` (soft labels, per-row ``weight``) with
    an L2 prior of strength ``anchor`` centred on ``coef``, ``intercept``: gradient descent from
    the prior's centre, with a step small enough for the loss's curvature. ``offset`` is added to
    each row's logit (the part of the model that is not fitted)."""
    import numpy as np

    w0 = coef.astype(np.float64)
    w, b = w0.copy(), float(intercept)
    X = X.astype(np.float64)
    lip = 0.25 * (float((X * X).sum(axis=1).max(initial=0.0)) + 1.0) * float(weight.sum()) + anchor
    lr = 1.0 / max(lip, 1e-9)
    base = np.zeros(len(y)) if offset is None else offset
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b + base)))
        g = (p - y) * weight
        w -= lr * (X.T @ g + anchor * (w - w0))
        b -= lr * (float(g.sum()) + anchor * (b - intercept))
    return w, b


def recalibrate(found: Sequence[tuple[Call, Candidate]], S: np.ndarray, det: Detection,
                verdicts: Sequence[Verdict], tuning: Tuning, decided: np.ndarray | None = None) -> Detection:
    """Detection with the trained detector adapted to the KB's own verdicts: the shipped weights
    updated toward the reviewed sentences (:func:`_examples`), held near them by a prior of
    strength :data:`ANCHOR`, so that sentences like the reviewed ones follow them. Without
    verdicts, or without shipped weights that fit the embedding, detection is unchanged."""
    import numpy as np

    from .detect import N_FEATURES, cue_features, load_detector

    detector = load_detector()
    idx, y = _examples(found, det, verdicts, decided)
    if detector is None or not idx or S.shape[1] + N_FEATURES != len(detector.coef):
        return det
    # The cue features' weights stay as shipped: a KB's few verdicts say little about seven
    # word-level signals, and the update then needs the cue features of the reviewed sentences only.
    d = S.shape[1]
    F = np.stack([cue_features(found[i][1].raw) for i in idx])
    X = np.hstack([S[idx], F]).astype(np.float64)
    fixed = X[:, d:] @ detector.coef[d:].astype(np.float64)
    w, b = fit_map(detector.coef[:d], detector.intercept, X[:, :d], np.asarray(y), np.ones(len(idx)),
                   anchor=ANCHOR, offset=fixed)
    p = np.clip(det.learned.astype(np.float64), 1e-7, 1.0 - 1e-7)
    z = np.log(p / (1.0 - p)) + S.astype(np.float64) @ (w - detector.coef[:d]) + (b - detector.intercept)
    learned = (1.0 / (1.0 + np.exp(-z))).astype(np.float32)
    score, evidence, detected = combine(det.similar, det.cues, det.ack, det.as_close, learned, tuning)
    return replace(det, score=score.astype(np.float32), detected=detected, learned=learned, evidence=evidence)


def apply_detection_verdicts(found: Sequence[tuple[Call, Candidate]], detected: np.ndarray,
                             verdicts: Sequence[Verdict]) -> np.ndarray:
    """Detection as reviewers corrected it: a turn marked wrong is no mention; a turn marked right
    is one, from the sentences detection found in it, else from those the reviewer's words cover
    (so that the mention starts where the reviewer's words do), else from the whole piece."""
    out = detected.copy()
    for v, group, right in _reviewed(found, verdicts):
        if right:
            out[[i for i in group if detected[i]] or _covered(found, group, v) or group] = True
        else:
            out[group] = False
    return out


@dataclass
class Seeds:
    """What assignment verdicts add to the clustering."""

    forced: dict[int, int] = field(default_factory=dict)  # mention -> entry (index among the seeds)
    banned: dict[int, set[int]] = field(default_factory=dict)
    phrasings: list[tuple[int, Any]] = field(default_factory=list)  # (entry, vector) a reviewer confirmed
    placed: list[int] = field(default_factory=list)  # the mention each phrasing is the words of
    themes: list[Entry] = field(default_factory=list)  # themes reviewers named, seeded like entries


def _find(mentions: Sequence[Mention], v: Verdict) -> int | None:
    """The mention a verdict is about: the surest of those it refers to (:meth:`Verdict.rank`)."""
    ranked = [(r, x) for x, mt in enumerate(mentions)
              if (r := v.rank(mt.call, mt.line, mt.text, (mt.line, max([mt.line, *mt.lines])))) is not None]
    return min(ranked)[1] if ranked else None


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
            seeds.placed.append(x)
        else:
            seeds.banned.setdefault(x, set()).add(j)
    return seeds


def corrections(seeds: Seeds, mentions: Sequence[Mention], seeded: Sequence[Entry], n_entries: int,
                R: np.ndarray, owner: np.ndarray, ref_example: Sequence[bool], tuning: Tuning,
                concerns: Any) -> Seeds:
    """The seeds with phrasings only from the placements that correct canon: a mention a reviewer
    put where canon puts it anyway (under that objection, or, for a theme the reviewer named, in
    a theme) lends its words to nothing, since its words would pull other mentions toward an
    objection that needed no help (measured: bench/ACCURACY.md, "Reviewers' verdicts, measured on every
    corpus"). Where canon puts each is what it does without the verdicts' placements."""
    import numpy as np

    from .detect import _cohesion
    from .themes import _assign

    if not seeds.phrasings:
        return seeds
    cohesion = _cohesion(R, owner, np.asarray(ref_example, dtype=bool), len(seeded), tuning)
    plain = _assign(list(mentions), list(seeded), R, owner, tuning, cohesion, concerns=concerns)
    where = {id(m): o for o in plain for m in o.mentions}
    keep = []
    for k, ((j, _), x) in enumerate(zip(seeds.phrasings, seeds.placed, strict=True)):
        o = where.get(id(mentions[x]))
        already = o is not None and (o.known and o.id == seeded[j].id if j < n_entries else not o.known)
        if not already:
            keep.append(k)
    seeds.phrasings = [seeds.phrasings[k] for k in keep]
    seeds.placed = [seeds.placed[k] for k in keep]
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
                new_id = f"theme/{_slug(v.label)}"
                # a theme that already bears the label (one an assignment created, say) is the same
                # theme: two themes with one label would leave the reviewer two to tell apart
                same = next((o for o in objections if o is not t and not o.known
                             and (o.id == new_id or (o.label or "").casefold() == v.label.casefold())), None)
                if same is not None:
                    same.mentions = sorted(same.mentions + t.mentions, key=lambda m: -m.match)
                    same.label = v.label
                    objections = [o for o in objections if o is not t]
                    continue
                t.label = v.label
                if all(o.id != new_id for o in objections if o is not t):
                    t.id = new_id
        elif v.kind == "merge" and v.theme and v.into:
            src = _theme(objections, v.theme, v.mentions)
            dst = next((o for o in objections if o.id == v.into or o.label == v.into), None)
            if src is not None and dst is not None and src is not dst and not src.known:
                dst.mentions = sorted(dst.mentions + src.mentions, key=lambda m: -m.match)
                objections = [o for o in objections if o is not src]
    return objections
