"""Every missed labelled objection turn and every false mention, each given one cause, by corpus.

Reads the indexes ``bench/accuracy.py`` left (``--work``) and runs the analysis as shipped. A
required labelled turn with no mention gets the structural cause of
``bench/objection_miss_causes.py`` (not located, prefilter, lost after detection, follow-up,
speech-recognition); a turn that script leaves "under the bar" is split by what it says, the first
that holds:

- ``indirect``: another party's resistance or a past failure ("the board won't", "the last one
  said", "we tried ... before");
- ``question``: a question that is really an objection (a question mark);
- ``condition``: a requirement or condition of the deal ("must", "need", "without", "in writing");
- ``situation``: the prospect's situation told as the objection (pain today, volumes, a setup).

A false mention (reported outside every labelled turn) gets, the first that holds:

- ``question for information`` (a question mark);
- ``acceptance or buying signal`` ("fine", "reasonable", "send me", "approved", "happy");
- ``buying condition or term`` (payment terms, the contract, a date, a budget, a start);
- ``resistance words, no labelled concern`` (a negation or a word of worry on something the labels
  do not hold as an objection: a frame alone, pain told in resistance words, a labeller's boundary);
- ``situation`` (the rest: pain today, volumes, the setup told plainly).

The rules are read from the words only, so a cause is a coarse, reproducible sort, not a reviewer's
verdict; ``--list`` prints each turn with its cause so it can be read.

    python bench/objection_mention_causes.py --work /tmp/w --corpus docketry --corpus pellucid [--list]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import HELD_OUT  # noqa: E402
from bench.objection_miss_causes import causes  # noqa: E402
from bench.objection_sweep import Corpus  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

MISS_CAUSES = ("not located", "prefilter", "lost after detection", "follow-up", "speech-recognition",
               "indirect", "question", "condition", "situation")
STRAY_CAUSES = ("question for information", "acceptance or buying signal", "buying condition or term",
                "resistance words, no labelled concern", "situation")

_INDIRECT = re.compile(r"\b(last (one|lot|crowd|vendor|system|time)|before|tried|they said|told (me|us)|board|"
                       r"trustees?|owners?|head office|my (boss|wife|husband|partner|manager|director)|"
                       r"union|she|he|they)\b", re.I)
_CONDITION = re.compile(r"\b(must|need|needs|needed|without|in writing|condition|requirement|have to|has to|"
                        r"won't sign|cannot|can't)\b", re.I)
_TERMS = re.compile(r"\b(terms?|payment|pay|invoice|contract|sign|signature|budget|quarter|start|go-live|pilot|"
                    r"deadline|renewal|annually|monthly|price|discount)\b", re.I)
_ACCEPT = re.compile(r"\b(fine|reasonable|happy|send me|approved|sounds good|great|good|like it|will like)\b", re.I)
_RESIST = re.compile(r"\b(not|no|won't|can't|cannot|don't|didn't|never|worry|worried|concern|concerns|problem|"
                     r"headache|rather not|nobody)\b|n't\b", re.I)


def miss_cause(structural: str, text: str) -> str:
    """The one cause of a missed turn: the structural one, or what an under-the-bar turn says."""
    if structural != "under the bar":
        return structural
    if _INDIRECT.search(text):
        return "indirect"
    if "?" in text:
        return "question"
    if _CONDITION.search(text):
        return "condition"
    return "situation"


def stray_cause(text: str) -> str:
    """The one cause of a false mention, read from its words."""
    if "?" in text:
        return "question for information"
    if _ACCEPT.search(text):
        return "acceptance or buying signal"
    if _TERMS.search(text):
        return "buying condition or term"
    if _RESIST.search(text):
        return "resistance words, no labelled concern"
    return "situation"


def strays(corpus: Corpus) -> list[tuple[str, str]]:
    """(where, text) of each mention the shipped analysis reports outside every labelled turn."""
    from knowledge.objections import analyze

    res = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes)
    labelled = labelled_mentions(corpus.labels)
    return [(f"{m.call}:{m.line}", m.text) for o in res.objections for m in o.mentions
            if find_mention(labelled, m.call, m.line) is None]


def _row(name: str, counts: Counter[str], keys: tuple[str, ...]) -> str:
    return f"{name:<13}" + "".join(f"{counts[k]:>10}" for k in keys) + f"{sum(counts.values()):>8}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--corpus", action="append", required=True)
    ap.add_argument("--list", action="store_true", help="each missed turn and false mention with its cause")
    args = ap.parse_args()
    if set(HELD_OUT) & set(args.corpus):
        raise SystemExit("the final exam and the round's held-out sets are not inspected")
    miss_total: Counter[str] = Counter()
    stray_total: Counter[str] = Counter()
    for name in args.corpus:
        corpus = Corpus(name, args.work)
        misses = [(miss_cause(c, text), t, text) for c, t, text in causes(corpus)]
        false = [(stray_cause(text), where, text) for where, text in strays(corpus)]
        m, s = Counter(c for c, _, _ in misses), Counter(c for c, _, _ in false)
        miss_total.update(m)
        stray_total.update(s)
        print("MISS  " + _row(name, m, MISS_CAUSES) + " | FALSE " + _row("", s, STRAY_CAUSES), flush=True)
        if args.list:
            for cause, t, text in misses:
                print(f"    miss  {cause:<22} {t.call}:{t.line}  {' '.join(text.split())[:110]}")
            for cause, where, text in false:
                print(f"    false {cause:<26} {where}  {' '.join(text.split())[:110]}")
    print("misses by cause: " + ", ".join(f"{k} {miss_total[k]}" for k in MISS_CAUSES))
    print("false mentions by cause: " + ", ".join(f"{k} {stray_total[k]}" for k in STRAY_CAUSES))


if __name__ == "__main__":
    main()
