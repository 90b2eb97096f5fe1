"""Where each labelled objection turn is lost, and where each found one is filed.

Reads a corpus's index as ``bench/accuracy.py`` left it (``--work``, the same folder) and, for
every labelled turn, prints why no mention came of it: every sentence dropped by the prefilter
(and why), or the best sentence's detection score, the trained detector's probability, its cues
and whether it had evidence. With ``--placed``, each found mention's best entries and its closest
mention in another call (how assignment saw it).

    python bench/accuracy.py --corpus proscenia --work /tmp/w   # ingest once
    python bench/objection_misses.py --corpus proscenia --work /tmp/w [--placed]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, choices=sorted(CORPORA))
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--placed", action="store_true", help="also how each found mention was placed")
    args = ap.parse_args()
    if args.corpus == "larkspur":
        raise SystemExit("larkspur is the final exam: it is not inspected")

    import numpy as np

    from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
    from knowledge.objections import analyze
    from knowledge.objections.detect import _prototype_vectors
    from knowledge.objections.prefilter import _sentences, clean, skip_reason
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    labels = load_corpus(CORPORA[args.corpus]).labels
    settings = load_settings(args.work / args.corpus / "kb", environ={})
    catalog = open_catalog(settings)
    kb = load_indexed_kb(settings, catalog)
    calls, _ = load_indexed_calls(settings, catalog)
    vecs = Vectors(settings, None, catalog)
    chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
    res = analyze(calls, kb.entries, vecs, chunks=chunks, prototypes=_prototype_vectors(vecs))
    det = res.detection
    from knowledge.objections.prefilter import candidates

    found = [(c, cand) for c in calls for cand in candidates(c)[0]]
    by_call = {c.path: c for c in calls}
    labelled = labelled_mentions(labels)
    reported = {(m.call, m.line) for o in res.objections for m in o.mentions}
    print(f"[{args.corpus}] {len(labelled)} labelled turns")
    for t in labelled:
        if any(c == t.call and t.holds(ln) for c, ln in reported):
            continue
        call = by_call.get(t.call)
        print(f"MISS {t.objection:<34} {t.call}:{t.line}")
        if call is None:
            continue
        for ti, turn in enumerate(call.turns):
            if not (turn.line <= t.hi and (turn.line >= t.lo or any(t.lo <= s.line <= t.hi for s in turn.sentences))):
                continue
            for text, _line, _ in _sentences(turn):
                why = skip_reason(text)
                idx = [i for i, (c, cand) in enumerate(found) if c.path == t.call and cand.turn == ti
                       and cand.raw == text]
                if why:
                    print(f"    drop:{why:<11} {clean(text)[:110]}")
                elif idx:
                    i = idx[0]
                    print(f"    score {det.score[i]:.2f} p {det.learned[i]:.2f} sim {det.similar[i]:.2f} "
                          f"cue {det.cues[i]:.2f} ev {int(det.evidence[i])}  {clean(text)[:90]}")
            break
    stray = 0
    for o in res.objections:
        for m in o.mentions:
            if find_mention(labelled, m.call, m.line) is None:
                stray += 1
    print(f"strays: {stray}")
    if args.placed:

        entries = [e for e in kb.entries if e.type == "objection" and e.status != "retired"]
        print("entries:", [e.id for e in entries])
        allm = [(o.id, m) for o in res.objections for m in o.mentions]
        V = np.stack([m.vector for _, m in allm])
        for k, (oid, m) in enumerate(allm):
            t = find_mention(labelled, m.call, m.line)
            want = t.objection if t else "STRAY"
            sims = V @ V[k]
            other = [j for j in range(len(allm)) if allm[j][1].call != m.call]
            j = max(other, key=lambda j: float(sims[j])) if other else None
            peer = f"{float(sims[j]):.2f} {allm[j][0]}" if j is not None else "-"
            print(f"  {oid:<32} want {want:<34} match {m.match:.2f} peer {peer}  {m.text[:70]}")



if __name__ == "__main__":
    main()
