"""Why each labelled new concern is not reported as its own theme, and each expected
``objection-gap`` finding is not reported, on the development objection corpora.

    python bench/accuracy.py --work /tmp/w --corpus ...      # ingest once (minutes)
    python bench/theme_causes.py --work /tmp/w               # one line per unreported theme or gap
    python bench/theme_causes.py --work /tmp/w --table       # and the counts by cause and corpus

A ``new:`` label is *reported* when ``bench/objection_sweep.py``'s ``found_as_theme`` says so
(the objection holding most of its mentions is a mined theme holding two of them or more, and no
other label has as many there). Otherwise it gets one cause, the first that holds:

- ``not found``: none of its labelled turns holds a reported mention;
- ``too few``: one of its turns holds a mention, so no theme (two mentions, from two calls for a
  theme of lone remarks) could form;
- ``under a known objection``: most of its found mentions went to a known entry (named, with the
  content words the mentions share with that entry's title and examples, none when they share none:
  the closeness came from the frame of the remark or its party);
- ``merged``: most went to a mined theme that another label holds as many or more mentions of (a
  ``new:`` one: merged with another new theme; a known one: with a known objection's remarks; none:
  with stray mentions);
- ``scattered``: no holder takes two of its mentions.

An expected gap not reported takes ``bench/gap_causes.py``'s class (``detection``, ``matching``,
``coverage``, ``placement``). A *false theme* is a mined theme that is no ``new:`` concern found
as its own; a *false gap* is an ``objection-gap`` finding that matches no expected one. Larkspur and
the held-out sets are not offered. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.gap_causes import causes as gap_causes  # noqa: E402
from bench.objection_sweep import DEVELOPMENT, Corpus, _value, found_as_theme  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402


def _said(result: dict[str, Any], labelled: Any) -> dict[str, Counter[str | None]]:
    """For each objection of the analysis, how many of its mentions each label holds (None: none)."""
    return {o["id"]: Counter((t.objection if (t := find_mention(labelled, m["call"], m["line"])) else None)
                             for m in o["mentions"]) for o in result["objections"]}


def _shared(texts: list[str], entry: Any) -> list[str]:
    """Content words the mentions say that the entry's title or examples say too."""
    from knowledge.objections.names import content_words

    own: set[str] = set()
    for t in texts:
        own |= content_words(t)
    theirs = content_words(" ".join([entry.title or "", *getattr(entry, "examples", ())]))
    return sorted(own & theirs)


def theme_cause(label: str, result: dict[str, Any], labelled: Any, entries: dict[str, Any]) -> str:
    """One cause for a ``new:`` label that is not its own theme (see the module's docstring)."""
    said = _said(result, labelled)
    known = {o["id"]: o["known"] for o in result["objections"]}
    holders = sorted(((c[label], oid) for oid, c in said.items() if c[label]), reverse=True)
    found = sum(n for n, _ in holders)
    if not found:
        return "not found"
    if found == 1:
        return "too few"
    count, top = holders[0]
    if count < 2:
        return "scattered"
    if known[top]:
        texts = [m["text"] for o in result["objections"] if o["id"] == top for m in o["mentions"]
                 if (t := find_mention(labelled, m["call"], m["line"])) and t.objection == label]
        words = _shared(texts, entries[top]) if top in entries else []
        return f"under a known objection: {top} ({', '.join(words) or 'no word shared'})"
    rival = max(((n, other) for other, n in said[top].items() if other != label), default=(0, None))
    kind = "none" if rival[1] is None else ("new" if rival[1].startswith("new:") else "known")
    return f"merged ({kind}): {top} with {rival[1]}"


def corpus_lines(corpus: Corpus, tuning: Any) -> tuple[list[str], dict[str, Any]]:
    """One line per unreported new theme and unreported expected gap, and the corpus's counts."""
    from knowledge.objections import analyze

    analysis = analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks,
                       prototypes=corpus.prototypes, tuning=tuning)
    result = analysis.to_dict(min_calls=1)
    labelled = labelled_mentions(corpus.labels)
    entries = {e.id: e for e in corpus.entries}
    new = sorted({t.objection for t in labelled if t.new})
    said = _said(result, labelled)
    known = {o["id"]: o["known"] for o in result["objections"]}
    got = 0
    lines, counts = [], Counter[str]()
    for label in new:
        if found_as_theme(label, said, known):
            got += 1
            continue
        cause = theme_cause(label, result, labelled, entries)
        counts["theme: " + cause.split(":")[0].split(" (")[0]] += 1
        lines.append(f"THEME {label}: {cause}")
    themes = sum(1 for o in result["objections"] if not o["known"])
    for line in gap_causes(corpus, tuning):
        if line.startswith("MISS"):
            cls = line.split(": ", 1)[1].split(",")[0]
            counts["gap: " + cls] += 1
            lines.append("GAP   " + line[5:])
        elif line.startswith("FP"):
            counts["false gap"] += 1
            lines.append("FALSE " + line[5:])
        elif line.startswith("figures"):
            counts["gaps right"] = int(line.split("TP ")[1].split()[0])
    counts["themes right"] = got
    counts["false themes"] = themes - got
    counts["new labels"] = len(new)
    return lines, dict(counts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting of Tuning")
    args = ap.parse_args()
    from dataclasses import replace

    from knowledge.objections import DEFAULT_TUNING

    tuning = DEFAULT_TUNING
    for item in args.set:
        k, _, v = item.partition("=")
        tuning = replace(tuning, **{k: _value(k, v)})
    for name in args.corpus or DEVELOPMENT:
        lines, counts = corpus_lines(Corpus(name, args.work), tuning)
        print(f"[{name}] " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), flush=True)
        for line in lines:
            print("  " + line, flush=True)


if __name__ == "__main__":
    main()
