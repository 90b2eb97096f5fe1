"""Step 3, assignment and themes: each mention goes to the known objection it is about, or
to a theme mined from mentions that no objection entry holds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.model import Entry

from .model import Mention, Objection, Tuning, _unit
from .prefilter import _WORD

if TYPE_CHECKING:
    import numpy as np

def _assign(mentions: list[Mention], entries: list[Entry], R: np.ndarray, owner: np.ndarray,
            tuning: Tuning, cohesion: np.ndarray | None = None) -> list[Objection]:
    """Seeded average-linkage clustering: entries absorb mention groups, groups merge with groups.

    The similarity of a group of mentions to an entry is the mean, over the group, of each
    mention's similarity to the entry's closest phrasing; between two groups it is the mean
    pairwise similarity (average linkage). Both are averages over mentions, so merging two groups
    updates them by size-weighted averages (Lance-Williams) and the whole run stays O(n^2).
    """
    import numpy as np

    n, m = len(mentions), len(entries)
    objections = [Objection(id=e.id, label=e.title or e.id, known=True, entry=e) for e in entries]
    if not n:
        return []
    V = np.stack([mt.vector for mt in mentions]).astype(np.float32)
    to_entry = np.full((n, m), -1.0, dtype=np.float32)
    if len(R):
        sims = V @ R.T
        for j in range(m):
            cols = owner == j
            if cols.any():
                to_entry[:, j] = sims[:, cols].max(axis=1)
    size = n + m
    link = np.full((size, size), -np.inf, dtype=np.float32)
    # Each kind of pair is compared with its own threshold: an entry absorbs a group about as
    # close to it as the entry's own examples are to each other (its cohesion; ``link_entry``
    # without one), groups merge at ``link``; storing the margin over the threshold makes all
    # of them one comparison.
    absorb = np.full(m, tuning.link_entry, dtype=np.float32)
    if cohesion is not None:
        absorb = np.maximum(absorb, cohesion.astype(np.float32))
    offset = (absorb - np.float32(tuning.link))[None, :]
    link[:n, :n] = V @ V.T
    link[:n, n:] = to_entry - offset
    link[n:, :n] = (to_entry - offset).T
    np.fill_diagonal(link, -np.inf)
    link[n:, n:] = -np.inf
    weight = np.ones(size, dtype=np.float32)
    active = np.ones(size, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)] + [[] for _ in range(m)]
    best = link.argmax(axis=1)
    best_val = link[np.arange(size), best]
    while True:
        cand = np.where(active, best_val, -np.inf)
        i = int(cand.argmax())
        if cand[i] < tuning.link:
            break
        j = int(best[i])
        if j >= n or i >= n:  # an entry absorbs a group; the entry itself does not change
            e, g = (j, i) if j >= n else (i, j)
            members[e].extend(members[g])
            members[g] = []
            _drop(link, active, g)
            stale = np.where(active & (best == g))[0]
        else:
            keep, gone = min(i, j), max(i, j)
            wa, wb = weight[keep], weight[gone]
            row = (wa * link[keep] + wb * link[gone]) / (wa + wb)
            row[keep] = -np.inf
            row[gone] = -np.inf
            link[keep, :] = row
            link[:, keep] = row
            weight[keep] = wa + wb
            members[keep].extend(members[gone])
            members[gone] = []
            _drop(link, active, gone)
            stale = np.where(active & ((best == gone) | (best == keep)))[0]
            better = active & (link[:, keep] > best_val)
            best[better] = keep
            best_val[better] = link[better, keep]
            stale = np.union1d(stale, [keep])
        for r in stale:
            best[r] = int(link[r].argmax())
            best_val[r] = link[r, best[r]]

    groups: list[list[int]] = []
    lone: list[int] = []
    for k in range(n):
        if not active[k] or not members[k]:
            continue
        if len(members[k]) == 1:
            lone.append(members[k][0])
            continue
        groups.append(members[k])
    groups = [g for g in _merge_groups(groups, V, tuning.theme_merge)
              if len(g) >= tuning.theme_mentions and len({mentions[x].call for x in g}) >= tuning.theme_calls]
    # One remark is not a theme: it goes to the closest objection, an entry (by its closest
    # phrasing) or a mined theme (by average linkage), if that is close enough.
    for x in lone:
        to_theme = [float((V[g] @ V[x]).mean()) for g in groups]
        best_entry = float(to_entry[x].max()) if m else -1.0
        best_theme = max(to_theme, default=-1.0)
        if max(best_entry, best_theme) < tuning.lone:
            continue
        if best_theme > best_entry:
            groups[int(np.argmax(to_theme))].append(x)
        else:
            members[n + int(to_entry[x].argmax())].append(x)
    themes: list[Objection] = []
    for grp in groups:
        group = [mentions[x] for x in grp]
        vecs = np.stack([g.vector for g in group])
        centrality = (vecs @ vecs.T).mean(axis=1)
        order = sorted(range(len(group)), key=lambda x: (-round(float(centrality[x]), 4), group[x].call, group[x].line))
        for x in order:
            group[x].match = float(centrality[x])
        ordered = [group[x] for x in order]
        centre = _unit(vecs.mean(axis=0))
        # The label: the sentence of the most central mention closest to the theme's centre.
        label = max(ordered[0].parts, key=lambda p: float(p[1] @ centre))[0] if ordered[0].parts else ordered[0].text
        themes.append(Objection(id="", label=_label(label), known=False, mentions=ordered))
    for j, obj in enumerate(objections):
        for x in members[n + j]:
            mentions[x].match = float(to_entry[x, j])
        obj.mentions = sorted((mentions[x] for x in members[n + j]), key=lambda mt: -mt.match)
    _name_themes(themes, {o.id for o in objections})
    return [o for o in objections if o.mentions] + themes


def _merge_groups(groups: list[list[int]], V: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge groups whose centroids are at least ``threshold`` alike: one theme voiced in words
    too different for average linkage (which compares every pair) to join it up."""
    import numpy as np

    groups = [list(g) for g in groups]
    while len(groups) > 1:
        cents = np.stack([_unit(V[g].mean(axis=0)) for g in groups])
        sims = cents @ cents.T
        np.fill_diagonal(sims, -np.inf)
        i, j = np.unravel_index(int(sims.argmax()), sims.shape)
        if sims[i, j] < threshold:
            break
        groups[i].extend(groups[j])
        del groups[j]
    return groups


def _drop(link: np.ndarray, active: np.ndarray, k: int) -> None:
    import numpy as np

    active[k] = False
    link[k, :] = -np.inf
    link[:, k] = -np.inf


_SLUG_STOP = frozenset("a an the and or but so to of for in on at is are be it its it's that this we our i i'm you your "
                       "they their them just really very um uh like well".split())


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157].rstrip() + "…"


def _slug(text: str, words: int = 6) -> str:
    toks = [w.lower().strip("'-") for w in _WORD.findall(text)]
    keep = [w for w in toks if w and w not in _SLUG_STOP][:words] or toks[:words] or ["theme"]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(keep)).strip("-") or "theme"


def _name_themes(themes: list[Objection], taken: set[str]) -> None:
    used = set(taken)
    for t in themes:
        base = f"theme/{_slug(t.label)}"
        tid, k = base, 2
        while tid in used:
            tid, k = f"{base}-{k}", k + 1
        used.add(tid)
        t.id = tid

