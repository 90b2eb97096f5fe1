"""Why each missed and each false ``objection-gap`` finding of the development corpora happens.

    python bench/accuracy.py --work /tmp/w --corpus ...     # ingest once (minutes)
    python bench/gap_causes.py --work /tmp/w                # one line per missed or false gap
    python bench/gap_causes.py --work /tmp/w --set cover_standout=false   # with a setting changed

The audit's findings are made from the analysis as ``canon audit`` makes them and scored as
``bench/accuracy.py`` scores them (:func:`tests.scoring.rule_label_hit`: the objection entry or an
``alt_paths`` call at any line, a labelled mention's exact line, or the label's own line). Each miss
and each false finding is put in one class:

- ``detection``: no mention of the labelled objection or theme was found;
- ``matching``: its mentions were found but went under another objection (named, with whether that
  one is covered);
- ``coverage``: found as its own objection or theme, and judged covered (by which entry, the score, and
  for the standout the model's probability) where the label says it is a gap, or the reverse;
- ``placement``: found and reported as a gap, at a line the label does not accept;
- ``unlabelled``: a false gap whose mentions are mostly outside every labelled turn (a stray theme);
  its detection, not its coverage, is what is wrong.

Larkspur and the held-out sets are not offered. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus, _value  # noqa: E402
from tests.scoring import _NONE, find_mention, labelled_mentions, rule_label_hit, score_objections  # noqa: E402

CORPORA = (*DEVELOPMENT, "bramblecote")


def _label_of(obj: Any, labelled: Any) -> str:
    """The label most of an objection's mentions carry (``none``: outside every labelled turn)."""
    said = Counter((find_mention(labelled, m.call, m.line) or _NONE).objection for m in obj.mentions)
    return said.most_common(1)[0][0] if said else "none"


def _holders(label: str, objections: list[Any], labelled: Any) -> Counter[str]:
    """How many mentions labelled ``label`` each objection of the analysis holds."""
    return Counter(o.id for o in objections for m in o.mentions
                   if (find_mention(labelled, m.call, m.line) or _NONE).objection == label)


def _coverage(obj: Any) -> str:
    """Which entries the analysis says answer ``obj``, with their scores."""
    if not obj.answers:
        return "judged a gap"
    return "covered by " + ", ".join(f"{a['entry']} ({a['score']:.2f}{', linked' if a['explicit'] else ''})"
                                     for a in obj.answers)


def _standout(obj: Any, by_id: dict[str, Any]) -> str:
    """The entry that stands out for ``obj`` and the shipped model's probability that it answers it."""
    from knowledge.objections.cover import load_cover_model, standout

    top, model = standout(obj.closeness, by_id), load_cover_model()
    if top is None or model is None:
        return ""
    return f"; standout {top[0]} closeness {top[1]:.3f} margin {top[2]:+.3f} P {model.probability(top[1], top[2]):.2f}"


def causes(corpus: Corpus, tuning: Any) -> list[str]:
    """One line per missed and per false objection-gap finding of ``corpus``, with its cause, and a
    last line with the corpus's figures (the audit's ``objection-gap`` TP, FP and FN; coverage accuracy)."""
    from knowledge.objections import analyze
    from knowledge.rules.objection_gap import ObjectionGap

    analysis = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks,
                       prototypes=corpus.prototypes, tuning=tuning)
    rule, by_id = ObjectionGap(), {e.id: e for e in corpus.entries}
    objections = list(analysis.objections)
    gaps = {o.id: rule._finding(o).to_dict() for o in objections if not o.covered and o.mentions}
    labelled = labelled_mentions(corpus.labels)
    expected = [e for e in corpus.labels["audit"]["expected"] if e["rule"] == "objection-gap" and not e.get("optional")]
    out: list[str] = []
    for e in expected:
        if any(rule_label_hit(f, e) for f in gaps.values()):
            continue
        label, where = e["objection"], f"{e['path']}:{e.get('line')}"
        holders = _holders(label, objections, labelled)
        own = next((o for o in objections if o.id == label), None) if not label.startswith("new:") else None
        if own is None and holders:
            top = holders.most_common(1)[0][0]
            cand = next(o for o in objections if o.id == top)
            own = cand if not cand.known or cand.id == label else None
            if own is None:
                out.append(f"MISS {label} {where}: matching, {holders[top]} of {sum(holders.values())} mentions "
                           f"under {top} ({'covered' if cand.covered else 'a gap'})")
                continue
        if own is None or not own.mentions:
            out.append(f"MISS {label} {where}: detection, {sum(holders.values())} mentions found")
            continue
        if own.covered:
            out.append(f"MISS {label} {where}: coverage, {own.id} {_coverage(own)}{_standout(own, by_id)}")
        else:
            f = gaps[own.id]
            out.append(f"MISS {label} {where}: placement, reported at {f['path']}:{f['line']}")
    for oid, f in gaps.items():
        if any(rule_label_hit(f, e) for e in expected):
            continue
        obj = next(o for o in objections if o.id == oid)
        label = _label_of(obj, labelled)
        want = corpus.labels["objections"]["coverage"].get(label)
        if label == "none":
            cause = "unlabelled (a stray theme)"
        elif want is False:
            cause = f"placement ({label} is a labelled gap)"
        elif want is True:
            cause = f"coverage ({label} is labelled covered){_standout(obj, by_id)}"
        else:
            cause = f"matching ({label} has no coverage label)"
        out.append(f"FP   {oid} {f['path']}:{f['line']}: {cause}")
    tp = sum(any(rule_label_hit(f, e) for f in gaps.values()) for e in expected)
    fp = sum(not any(rule_label_hit(f, e) for e in expected) for f in gaps.values())
    coverage = score_objections(analysis.to_dict(min_calls=1), list(gaps.values()), corpus.labels)["coverage accuracy"]
    out.append(f"figures: TP {tp} FP {fp} FN {len(expected) - tp} coverage accuracy {coverage:.3f} "
               f"of {len(corpus.labels['objections']['coverage'])}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="only these (repeatable)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting of Tuning")
    args = ap.parse_args()
    from dataclasses import replace

    from knowledge.objections import DEFAULT_TUNING

    tuning = DEFAULT_TUNING
    for item in args.set:
        k, _, v = item.partition("=")
        tuning = replace(tuning, **{k: _value(k, v)})
    for name in args.corpus or CORPORA:
        print(f"[{name}]", flush=True)
        for line in causes(Corpus(name, args.work), tuning):
            print("  " + line, flush=True)


if __name__ == "__main__":
    main()
