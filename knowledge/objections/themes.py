"""Step 3, assignment and themes: each mention goes to the known objection it is about, or
to a theme mined from mentions that no objection entry holds."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.model import Entry

from .absorb import AbsorbModel, features, load_absorb_model
from .model import Mention, Objection, Tuning, _unit
from .names import Frequencies, best_candidate, content_words
from .prefilter import _WORD

if TYPE_CHECKING:
    import numpy as np

BLOCK = 1024  # mentions (or groups) clustered exactly at once: memory is O(BLOCK^2), whatever the calls


@dataclass
class _Points:
    """Groups of mentions as the clustering sees them: the mean of their vectors (unnormalised, so
    that the dot product of two means is the average pairwise similarity of their members), their
    size, their mean similarity to each entry, and who they are."""

    mean: np.ndarray
    weight: np.ndarray
    to_entry: np.ndarray
    members: list[list[int]]


def _assign(mentions: list[Mention], entries: list[Entry], R: np.ndarray, owner: np.ndarray,
            tuning: Tuning, cohesion: np.ndarray | None = None, block: int = BLOCK,
            forced: dict[int, int] | None = None, banned: dict[int, set[int]] | None = None,
            concerns: tuple[Sequence[str], np.ndarray] | None = None,
            absorb_model: AbsorbModel | None = None) -> list[Objection]:
    """Seeded average-linkage clustering: entries absorb mention groups, groups merge with groups.

    The similarity of a group of mentions to an entry is the mean, over the group, of each
    mention's similarity to the entry's closest phrasing (by its turn or by its own sentences,
    whichever is closer); between two groups it is the mean
    pairwise similarity (average linkage). Both are averages over mentions, so a group is fully
    described by its mean vector, its size and its mean similarity to each entry, and a merge
    updates them by size-weighted averages (Lance-Williams). Up to ``block`` mentions are
    clustered exactly; beyond that, blocks of them are clustered first and the groups they leave
    are clustered again as weighted points, so memory stays linear in the number of mentions.

    ``forced`` maps a mention to the entry a reviewer put it under; ``banned`` to the entries a
    reviewer said it is not about. ``concerns`` are the names of ``data/concerns.txt`` and their
    vectors, for naming themes and for reading a mention's closeness to an entry partly in the
    concerns' space (``Tuning.concern_weight``, :func:`concern_closeness`). ``absorb_model``: the model
    that says which mentions are about no entry's concern (:mod:`.absorb`; the shipped one when
    ``Tuning.absorb`` and none is given).
    """
    import numpy as np

    n, m = len(mentions), len(entries)
    objections = [Objection(id=e.id, label=e.title or e.id, known=True, entry=e) for e in entries]
    if not n:
        return []
    V = np.stack([mt.vector for mt in mentions]).astype(np.float32)
    own = np.stack([mt.sentence_vector for mt in mentions]).astype(np.float32)
    to_entry = np.full((n, m), -1.0, dtype=np.float32)
    if len(R):
        for a in range(0, n, block):
            # A mention is as close to an entry as its turn or its objection-like sentences are,
            # whichever is closer: a turn that tells a story around the concern ("we rolled out
            # a tool two years ago and ...") dilutes it in the turn's vector, and a bare sentence
            # ("that's my biggest worry") names no concern without its turn.
            sims = np.maximum(V[a:a + block] @ R.T, own[a:a + block] @ R.T)
            for j in range(m):
                cols = owner == j
                if cols.any():
                    to_entry[a:a + block, j] = sims[:, cols].max(axis=1)
    # Each kind of pair is compared with its own threshold: an entry absorbs a group about as
    # close to it as the entry's own examples are to each other (its cohesion; ``link_entry``
    # without one), groups merge at ``link``; storing the margin over the threshold makes all
    # of them one comparison.
    absorb = np.full(m, tuning.link_entry, dtype=np.float32)
    if cohesion is not None:
        absorb = np.maximum(absorb, cohesion.astype(np.float32))
    offset = absorb - np.float32(tuning.link)
    absorbed: list[list[int]] = [[] for _ in range(m)]
    for x, js in (banned or {}).items():
        to_entry[x, list(js)] = -1.0
    # Closeness in the embedding is much about shared words ("payroll", "data", "price"): a
    # remark about tips paid through payroll is as close to a payroll-cutover entry as one about
    # the cutover. Read in the space of the concerns that hold up purchases
    # (:func:`concern_profiles`), the words every concern shares count for nothing, so a share of
    # that closeness (``concern_weight``) decides with the cosine which entry a mention is about.
    # what a mention's ``match`` reports: closeness to the entry's phrasings (a copy: a mention held
    # apart below is still read by it when it is placed alone)
    cosine = to_entry.copy()
    alike: np.ndarray | None = None
    if m and concerns is not None and len(concerns[0]) and len(R) and (tuning.concern_weight > 0 or tuning.same_concern > 0):
        alike = concern_closeness(V, own, R, owner, m, concerns[1])
    if alike is not None and tuning.concern_weight > 0:
        w = np.float32(tuning.concern_weight)
        to_entry = np.where(to_entry > -1.0, (1 - w) * to_entry + w * alike, to_entry).astype(np.float32)
    # A mention whose closest entry is about another concern (``same_concern``, off: see Tuning)
    # is kept from every entry while themes form; if it forms none, it goes back to that entry.
    freed: dict[int, int] = {}
    unheld = to_entry
    if absorb_model is None and tuning.absorb:
        absorb_model = load_absorb_model()
    if m and absorb_model is not None and tuning.absorb:
        # The same hold, decided by the model fitted on the development corpora's labelled mentions.
        apart = absorb_model.apart(features(mentions, m, R, owner, cohesion, concerns, tuning.concern_weight,
                                             banned))
        closest = to_entry.argmax(axis=1)
        unheld = to_entry.copy()
        for x in np.where(apart)[0]:
            freed[int(x)] = int(closest[x])
            to_entry[x] = -1.0
    elif tuning.same_concern > 0 and alike is not None:
        closest = to_entry.argmax(axis=1)
        unheld = to_entry.copy()
        for x in np.where(alike[np.arange(n), closest] < tuning.same_concern)[0]:
            freed[int(x)] = int(closest[x])
            to_entry[x] = -1.0
    # Mentions a reviewer placed still cluster (so that a theme keeps the mentions that make it
    # one) and move where the reviewer put them at the end.
    pts = _Points(V.copy(), np.ones(n, dtype=np.float32), to_entry.copy(), [[i] for i in range(n)])
    while True:
        count = len(pts.members)
        parts = [_cluster(_take(pts, slice(a, a + block)), offset, tuning.link, absorbed, tuning.stay_new,
                          tuning.stay_new_group)
                 for a in range(0, count, block)]
        pts = _concat(parts, V.shape[1], m)
        if count <= block or len(pts.members) > 0.9 * count:
            break

    groups = [mem for mem in pts.members if len(mem) > 1]
    lone = [mem[0] for mem in pts.members if len(mem) == 1]
    groups = [g for g in _merge_groups(groups, V, tuning.theme_merge, block)
              if len(g) >= tuning.theme_mentions and len({mentions[x].call for x in g}) >= tuning.theme_calls]
    if freed:
        # A group formed only because some of its mentions were held from their entry must be about
        # something of its own: closer to itself than to the closest entry (read as before the hold,
        # on average over its mentions) by ``held_apart``; else its mentions are placed one by one.
        kept: list[list[int]] = []
        for g in groups:
            if any(x in freed for x in g):
                if _apart(V, g, unheld) < tuning.held_apart:
                    lone.extend(g)
                    continue
            kept.append(g)
        groups = kept
    # One remark is not a theme: it goes to the closest objection, an entry (by its closest
    # phrasing) or a mined theme (by average linkage), if that is close enough. Remarks from
    # different calls that are closer to one another than any entry is to them are a theme
    # voiced in words too varied to link at ``link``: they are kept together rather than each
    # filed under a known objection about something else.
    means = np.stack([V[g].mean(axis=0) for g in groups]) if groups else np.zeros((0, V.shape[1]), np.float32)
    unplaced: list[int] = []
    for a in range(0, len(lone), block):
        xs = lone[a:a + block]
        to_theme = V[xs] @ means.T if len(groups) else np.full((len(xs), 1), -1.0, np.float32)
        for k, x in enumerate(xs):
            best_entry = float(to_entry[x].max()) if m else -1.0
            best_theme = float(to_theme[k].max())
            # A freed mention joins a theme only when closer to it than to the entry it was kept from.
            if best_theme > max(best_entry, float(unheld[x].max()) if m else -1.0) and best_theme >= tuning.lone:
                groups[int(to_theme[k].argmax())].append(x)
            elif best_entry >= tuning.lone_entry:
                absorbed[int(to_entry[x].argmax())].append(x)
            else:
                unplaced.append(x)
    mined = len(groups)  # the themes after these are made of lone remarks, from two calls at least
    for g in _merge_groups([[x] for x in unplaced], V, tuning.lone_link, block):
        entry_sim = float(unheld[g].max()) if m else -1.0
        internal = float(V[g].mean(axis=0) @ V[g].mean(axis=0)) if len(g) > 1 else -1.0
        if (len(g) >= tuning.theme_mentions and len({mentions[x].call for x in g}) >= 2 and internal > entry_sim
                and (not any(x in freed for x in g) or _apart(V, g, unheld) >= tuning.held_apart)):
            groups.append(g)
            continue
        for x in g:
            # (A held mention goes back to the entry it was held from, below.)
            if m and x not in freed and _related(mentions[x], cosine[x], tuning):
                absorbed[int(to_entry[x].argmax())].append(x)
    if freed:
        placed = {x for g in groups for x in g} | {x for a in absorbed for x in a}
        for x, j in freed.items():
            if x not in placed and _related(mentions[x], cosine[x], tuning):
                absorbed[j].append(x)
    if tuning.theme_member > 0:
        # A remark that joined a theme through its neighbours but is little like the rest of it (a
        # prospect describing their schools beside two remarks about safeguarding) is placed alone.
        pruned: list[list[int]] = []
        left: list[tuple[int, int]] = []  # (remark, the theme it left)
        for home, g in enumerate(groups):
            keep, gone = _prune(V, g, tuning.theme_member, [(mentions[x].call, mentions[x].line) for x in g])
            calls = len({mentions[x].call for x in keep})
            if len(keep) < tuning.theme_mentions or calls < tuning.theme_calls or (home >= mined and calls < 2):
                # What is left is no longer a theme: each of its remarks is placed alone too.
                gone, keep = gone + keep, []
            left.extend((x, home) for x in gone)
            pruned.append(keep)
        groups = pruned
        # Placed as a lone remark is: another theme closer to it than any entry, else its entry.
        centres = np.stack([V[g].mean(axis=0) if g else np.zeros(V.shape[1], np.float32) for g in groups]) \
            if groups else np.zeros((0, V.shape[1]), np.float32)
        for x, home in left:
            near = V[x] @ centres.T
            near[home] = -1.0
            near[[k for k, g in enumerate(groups) if not g]] = -1.0
            k = int(near.argmax())
            entry_sim = float(unheld[x].max()) if m else -1.0
            if float(near[k]) > entry_sim and float(near[k]) >= tuning.lone:
                groups[k].append(x)
            elif m and _related(mentions[x], cosine[x], tuning):  # as for a lone remark
                absorbed[freed[x] if x in freed else int(to_entry[x].argmax())].append(x)
        groups = [g for g in groups if g]
    if tuning.split_known > 0 and m:
        groups.extend(_split_known(V, absorbed, cosine, mentions, tuning))
    if forced:
        groups = [[x for x in g if x not in forced] for g in groups]
        groups = [g for g in groups if g]
        absorbed = [[x for x in a if x not in forced] for a in absorbed]
        for x, j in forced.items():
            absorbed[j].append(x)
    themes: list[Objection] = []
    for grp in groups:
        group = [mentions[x] for x in grp]
        vecs = np.stack([g.vector for g in group])
        centrality = vecs @ vecs.mean(axis=0)  # the mean similarity to the group (itself included)
        # Two mentions are equally central to their pair: the surer objection is the one to quote.
        order = sorted(range(len(group)), key=lambda x: (-round(float(centrality[x]), 4), -round(group[x].score, 4),
                                                         group[x].call, group[x].line))
        for x in order:
            group[x].match = float(centrality[x])
        ordered = [group[x] for x in order]
        centre = _unit(vecs.mean(axis=0))
        # The label: the sentence of the most central mention closest to the theme's centre.
        said = ordered[0].parts
        k = max(range(len(said)), key=lambda i: float(said[i][1] @ centre)) if said else 0
        label = said[k][0] if said else ordered[0].text
        themes.append(Objection(id="", label=_label(label), known=False, mentions=ordered, label_part=k))
    for j, obj in enumerate(objections):
        for x in absorbed[j]:
            mentions[x].match = float(cosine[x, j])
        obj.mentions = sorted((mentions[x] for x in absorbed[j]), key=lambda mt: -mt.match)
    documents = Frequencies.of(mt.text for mt in mentions)
    # Each theme gets a name of its own: two themes called "data sovereignty" would read as one.
    taken: set[str] = set()
    for t in themes:
        t.former_id = f"theme/{_slug(t.label)}"
        t.label = theme_label(t, documents, concerns, tuning.concern_label, taken) or t.label
        taken.add(t.label)
    _name_themes(themes, {o.id for o in objections})
    return [o for o in objections if o.mentions] + themes


def _split_known(V: np.ndarray, absorbed: list[list[int]], cosine: np.ndarray, mentions: list[Mention],
                 tuning: Tuning) -> list[list[int]]:
    """The groups split off the entries' remarks as themes of their own (taken out of ``absorbed``).

    A concern no entry names is often filed under the entry whose party or money it shares ("our
    drivers", "the price"), each of its remarks far from the entry's phrasings. Among an entry's
    remarks less close to it than ``split_known``, those linked as lone remarks are (``lone_link``)
    form a theme when they come from two calls or more and are closer to one another (mean pairwise
    similarity) than, on average, to the entry, by ``split_margin`` at least (with ``split_kept``, than
    to the entry and to the remarks it keeps, whichever is closer). A remark the entry holds closely never moves, and a
    single far remark stays: read as a group, not remark by remark as the fourteenth round's vetoes did.
    """
    import numpy as np

    out: list[list[int]] = []
    for j, members in enumerate(absorbed):
        far = [x for x in members if cosine[x, j] < tuning.split_known]
        if len(far) < max(2, tuning.theme_mentions):
            continue
        split: set[int] = set()
        for g in _merge_groups([[x] for x in far], V, tuning.lone_link):
            if len(g) < max(2, tuning.theme_mentions) or len({mentions[x].call for x in g}) < 2:
                continue
            mean = V[g].mean(axis=0)
            pairwise = (len(g) * float(mean @ mean) - 1.0) / (len(g) - 1)  # unit rows: self-similarity 1 left out
            base = float(np.mean(cosine[g, j]))
            kept = [x for x in members if x not in far]
            if tuning.split_kept and kept:
                # a terse remark of the entry's own objection is close to the remarks filed there
                base = max(base, float(mean @ V[kept].mean(axis=0)))
            if pairwise > base + tuning.split_margin:
                out.append(g)
                split.update(g)
        absorbed[j] = [x for x in members if x not in split]
    return out


def _prune(V: np.ndarray, g: list[int], floor: float, where: list[tuple[str, int]]) -> tuple[list[int], list[int]]:
    """The remarks of theme ``g`` kept, and those that left it, least alike first: while more than
    two are left, the one least alike to the rest (mean) leaves if under ``floor``; of remarks as
    little alike, the first by ``where`` (call, line), so that the order the theme was formed in
    does not decide. A running sum of the vectors makes each step linear in the theme's size (a
    pairwise matrix per step took minutes on a theme of thousands)."""
    import numpy as np

    W = V[g]
    alive = np.ones(len(g), dtype=bool)
    gone: list[int] = []
    c = W.sum(axis=0)
    while len(g) - len(gone) > 2:
        other = np.where(alive, (W @ c - 1.0) / (len(g) - len(gone) - 1), np.inf)
        low = float(other.min())
        if low >= floor:
            break
        k = min((int(i) for i in np.flatnonzero(other <= low + 1e-6)), key=lambda i: where[i])
        alive[k] = False
        c = c - W[k]
        gone.append(g[k])
    return [x for x, a in zip(g, alive, strict=True) if a], gone


def _apart(V: np.ndarray, g: list[int], to_entry: np.ndarray) -> float:
    """How much closer the mentions ``g`` are to one another (mean over distinct pairs) than to the
    entry closest to them on average."""
    c = V[g].sum(axis=0)
    internal = (float(c @ c) - len(g)) / (len(g) * (len(g) - 1))
    return internal - float(to_entry[g].mean(axis=0).max()) if to_entry.shape[1] else internal


def concern_profiles(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    """Each row of ``X`` as its closeness to each concern of ``data/concerns.txt`` (``C``), less
    its mean over the concerns, normalised: what a sentence is about among the concerns that hold
    up purchases, with the words it shares with every one of them (a product, "data", "price")
    taken out."""
    import numpy as np

    P = X @ C.T
    P = P - P.mean(axis=1, keepdims=True)
    return P / np.maximum(np.linalg.norm(P, axis=1, keepdims=True), 1e-12)


def _related(mention: Mention, cosine: np.ndarray, tuning: Tuning) -> bool:
    """Whether a remark placed alone is related to any entry at all: a cosine bar (which entry is
    read partly in the concerns' space, by the caller). A remark only the turn-piece blend found,
    for how it sounds rather than what it is about, needs the nearer bar (``lone_entry``): filed
    under the closest entry it would mark a concern nobody answers as answered. A mention held
    apart from its entry goes back to it by this same bar, so that holding a mention apart never
    changes whether it is reported."""
    bar = tuning.lone_entry if mention.blended else tuning.lone
    return float(cosine.max()) >= bar


def concern_closeness(V: np.ndarray, own: np.ndarray, R: np.ndarray, owner: np.ndarray, m: int,
                      C: np.ndarray) -> np.ndarray:
    """How alike each mention (by its turn or its own sentences, whichever is closer) and each
    entry (the centre of its phrasings) are in the space of the concerns (:func:`concern_profiles`)."""
    import numpy as np

    PR = concern_profiles(R, C)
    centre = np.zeros((m, C.shape[0]), np.float32)
    for j in range(m):
        rows = PR[owner == j]
        if len(rows):
            c = rows.mean(axis=0)
            centre[j] = c / max(float(np.linalg.norm(c)), 1e-12)
    return np.maximum(concern_profiles(V, C) @ centre.T, concern_profiles(own, C) @ centre.T)


def _take(pts: _Points, sl: slice) -> _Points:
    return _Points(pts.mean[sl], pts.weight[sl], pts.to_entry[sl], pts.members[sl])


def _concat(parts: list[_Points], dim: int, m: int) -> _Points:
    import numpy as np

    if not parts or not any(p.members for p in parts):
        return _Points(np.zeros((0, dim), np.float32), np.zeros(0, np.float32), np.zeros((0, m), np.float32), [])
    return _Points(np.concatenate([p.mean for p in parts]), np.concatenate([p.weight for p in parts]),
                   np.concatenate([p.to_entry for p in parts]), [x for p in parts for x in p.members])


def _internal(mean: np.ndarray, weight: float) -> float:
    """The average similarity between distinct members of a group, from its mean vector."""
    return (weight * float(mean @ mean) - 1.0) / (weight - 1.0)


def _cluster(pts: _Points, offset: np.ndarray, link_at: float, absorbed: list[list[int]],
             stay_new: float = 2.0, stay_new_group: float | None = None) -> _Points:
    """Exact seeded average linkage over a block of points; groups absorbed by an entry go to
    ``absorbed``, the groups left are returned as points. A group of three mentions or more stays
    apart from an entry at ``stay_new_group`` (``stay_new`` when None), one or two at ``stay_new``."""
    import numpy as np

    n, m = len(pts.members), len(offset)
    size = n + m
    link = np.full((size, size), -np.inf, dtype=np.float32)
    link[:n, :n] = pts.mean @ pts.mean.T
    link[:n, n:] = pts.to_entry - offset[None, :]
    link[n:, :n] = link[:n, n:].T
    np.fill_diagonal(link, -np.inf)
    weight = np.concatenate([pts.weight, np.ones(m, np.float32)])
    mean = pts.mean.copy()
    to_entry = pts.to_entry.copy()
    active = np.ones(size, dtype=bool)
    members: list[list[int]] = [list(x) for x in pts.members] + [[] for _ in range(m)]
    best = link.argmax(axis=1)
    best_val = link[np.arange(size), best]
    # A lone mention's closest other mention: the theme it could start instead of being absorbed.
    peer = link[:n, :n].max(axis=1) if n > 1 else np.full(n, -1.0, np.float32)
    while True:
        cand = np.where(active, best_val, -np.inf)
        i = int(cand.argmax())
        if cand[i] < link_at:
            break
        j = int(best[i])
        if j >= n or i >= n:  # an entry absorbs a group; the entry itself does not change
            e, g = (j, i) if j >= n else (i, j)
            own = _internal(mean[g], float(weight[g])) if weight[g] >= 2 else float(peer[g])
            bar = stay_new if stay_new_group is None or weight[g] < 3 else stay_new_group
            if own - to_entry[g, e - n] >= bar:
                # The group is about something of its own, far more than about this entry.
                link[g, e] = link[e, g] = -np.inf
                for r in (g, e):
                    best[r] = int(link[r].argmax())
                    best_val[r] = link[r, best[r]]
                continue
            absorbed[e - n].extend(members[g])
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
            mean[keep] = (wa * mean[keep] + wb * mean[gone]) / (wa + wb)
            to_entry[keep] = (wa * to_entry[keep] + wb * to_entry[gone]) / (wa + wb)
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
    left = [k for k in range(n) if active[k] and members[k]]
    return _Points(mean[left], weight[left], to_entry[left], [members[k] for k in left])


def _merge_groups(groups: list[list[int]], V: np.ndarray, threshold: float, block: int = BLOCK) -> list[list[int]]:
    """Merge groups whose centroids are at least ``threshold`` alike: one theme voiced in words
    too different for average linkage (which compares every pair) to join it up. Blocks of at
    most ``block`` groups at a time, as in :func:`_assign`."""
    import numpy as np

    groups = [list(g) for g in groups]
    while True:
        count = len(groups)
        out: list[list[int]] = []
        for a in range(0, count, block):
            part = groups[a:a + block]
            sums = np.stack([V[g].sum(axis=0) for g in part]) if part else np.zeros((0, V.shape[1]), np.float32)
            cents = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
            sims = cents @ cents.T
            np.fill_diagonal(sims, -np.inf)
            alive = np.ones(len(part), dtype=bool)
            while len(part) > 1:
                i, j = np.unravel_index(int(sims.argmax()), sims.shape)
                if sims[i, j] < threshold:
                    break
                i, j = min(i, j), max(i, j)
                part[i].extend(part[j])
                part[j] = []
                alive[j] = False
                sums[i] += sums[j]
                cents[i] = sums[i] / max(float(np.linalg.norm(sums[i])), 1e-12)
                row = cents @ cents[i]
                row[~alive] = -np.inf
                row[i] = -np.inf
                sims[i, :] = row
                sims[:, i] = row
                sims[j, :] = -np.inf
                sims[:, j] = -np.inf
            out.extend(g for g in part if g)
        groups = out
        if count <= block or len(groups) > 0.9 * count:
            return groups


def _drop(link: np.ndarray, active: np.ndarray, k: int) -> None:
    import numpy as np

    active[k] = False
    link[k, :] = -np.inf
    link[:, k] = -np.inf


_SLUG_STOP = frozenset("a an the and or but so to of for in on at is are be it its it's that this we our i i'm you your "
                       "they their them just really very um uh like well".split())


def concern_label(theme: Objection, concerns: tuple[Sequence[str], np.ndarray] | None, least: float,
                  taken: Collection[str] = (), said: set[str] | None = None) -> tuple[str, float] | None:
    """The name of a concern (``data/concerns.txt``) closest in meaning to what the theme's
    mentions say, and how alike, when it is at least ``least`` alike and not in ``taken``; with
    ``said`` (stems of the mentions' words), only a name that shares one of them."""
    import numpy as np

    if concerns is None or not len(concerns[0]) or not theme.mentions:
        return None
    names, C = concerns
    centre = _unit(np.stack([mt.sentence_vector for mt in theme.mentions]).mean(axis=0))
    sims = C @ centre
    for k in np.argsort(-sims, kind="stable"):
        if float(sims[k]) < least:
            return None
        if str(names[k]) not in taken and (said is None or content_words(str(names[k])) & said):
            return str(names[k]), float(sims[k])
    return None


# How alike a sentence of a theme and a concern (its name and few words) must be for the concern
# to name a theme whose calls share no phrase of two words, when the sentence says the concern's
# word ("We need it to work offline" and "offline access"). Below it, shared single words win:
# at 0.45 "drivers" became "happy with current tool" (bench/ACCURACY.md, "Theme names, sixth round").
SAID_CONCERN = 0.50


def concern_said(theme: Objection, concerns: tuple[Sequence[str], np.ndarray] | None, least: float,
                 taken: Collection[str] = ()) -> tuple[str, float] | None:
    """The concern a sentence of the theme says in so many words and is closest to in meaning,
    when at least ``least`` alike: the theme's centre can be far from every concern when some of
    its remarks are context ("Half our work is in basements"), while the one that says the concern
    is close to it."""
    import numpy as np

    if concerns is None or not len(concerns[0]) or not theme.mentions:
        return None
    names, C = concerns
    best: tuple[str, float] | None = None
    for mt in theme.mentions:
        parts = [(t, v) for t, v in mt.parts] or [(mt.text, mt.sentence_vector)]
        sims = C @ np.stack([v for _, v in parts]).T  # concerns x sentences
        said = [content_words(t) for t, _ in parts]
        for k, name in enumerate(names):
            name = str(name)
            if name in taken:
                continue
            words = content_words(name)
            for i, ws in enumerate(said):
                s = float(sims[k, i])
                if s >= least and words & ws and (best is None or s > best[1]):
                    best = (name, s)
    return best


def theme_label(theme: Objection, documents: Frequencies | Sequence[str],
                concerns: tuple[Sequence[str], np.ndarray] | None, least: float,
                taken: Collection[str] = ()) -> str | None:
    """A short noun phrase for a theme (:mod:`.names`), other than the names in ``taken``: the
    name of a concern (``data/concerns.txt``) at least ``least`` alike to what its mentions say
    and sharing a word with them; else the phrase of two words or more its calls share; else a
    concern one of its sentences says and is close to (:func:`concern_said`); else the one word its
    calls share; else a concern name close enough; else the best noun phrase any one of its
    mentions says. None when no mention holds a noun phrase. Nothing is embedded: every vector compared is in the index already."""
    import numpy as np

    said = [(mt.call, mt.text) for mt in theme.mentions]
    centre = _unit(np.stack([mt.sentence_vector for mt in theme.mentions]).mean(axis=0))
    closeness = [float(mt.sentence_vector @ centre) for mt in theme.mentions]
    # A concern name the calls do not say is kept for themes whose calls share no phrase: "trust
    # in claims" is close to remarks about a claims system, "staff training" to volunteers'.
    grounded = concern_label(theme, concerns, least, taken, set().union(*(content_words(t) for _, t in said)))
    if grounded is not None:
        return grounded[0]
    shared = best_candidate(said, documents, closeness, taken=taken)
    if shared is not None and len(shared.words) > 1:
        return shared.text
    # One word the calls share ("job") says less than a concern one of the remarks names.
    spoken = concern_said(theme, concerns, SAID_CONCERN, taken)
    if spoken is not None:
        return spoken[0]
    if shared is not None:
        return shared.text
    concern = concern_label(theme, concerns, least, taken)
    if concern is not None:
        return concern[0]
    alone = best_candidate(said, documents, closeness, least_calls=1, taken=taken)
    return alone.text if alone else None


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

