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


GRID: tuple[Any, ...] = (0.30, 0.35, 0.40, 0.45, 0.50)
# The second try's grid (split_known, split_margin), declared after the first was measured
MARGIN_GRID: tuple[Any, ...] = tuple((k, g) for k in (0.40, 0.45, 0.50) for g in (0.05, 0.10, 0.15, 0.20))


def _setting(tuning: Any, value: Any) -> Any:
    """``tuning`` at one grid point: a ``split_known`` value, or a (``split_known``, ``split_margin``) pair."""
    from dataclasses import replace

    if isinstance(value, tuple):
        return replace(tuning, split_known=value[0], split_margin=value[1])
    return replace(tuning, split_known=value)
SHOWN = ("themes right", "false themes", "gaps right", "false gaps", "mention F1", "matching accuracy",
         "coverage accuracy")


def figures(corpus: Corpus, tuning: Any) -> dict[str, float]:
    """What the rule reads on one corpus: themes right and false, ``objection-gap`` findings right
    (expected gaps found) and false, mention F1, matching and coverage accuracy."""
    f = corpus.score(tuning)
    expected = sum(1 for e in corpus.labels["audit"]["expected"] if e["rule"] == "objection-gap")
    right_findings = round(f["gap precision"] * f["gap findings"])
    return {"themes right": f["new themes found"][0], "false themes": f["themes"] - f["new themes found"][0],
            "gaps right": round(f["gap recall"] * expected), "false gaps": f["gap findings"] - right_findings,
            "mention F1": f["mention F1"] or 0.0, "matching accuracy": f["matching accuracy"],
            "coverage accuracy": f["coverage accuracy"]}


def admissible(before: dict[str, float], after: dict[str, float]) -> bool:
    """The rule's per-corpus checks: no false theme or false gap gained, and mention F1, matching and
    coverage accuracy each down by 0.01 at most."""
    return (after["false themes"] <= before["false themes"] and after["false gaps"] <= before["false gaps"]
            and all(after[k] >= before[k] - 0.01 - 1e-9 for k in ("mention F1", "matching accuracy",
                                                                  "coverage accuracy")))


def choose(table: dict[Any, dict[str, dict[str, float]]], train: list[str], grid: tuple[Any, ...]) -> Any:
    """The setting chosen on ``train``: the most themes right pooled among the settings admissible on
    every training corpus; ties and none: off (0.0), then the lower value."""
    best, gain = 0.0, 0.0
    for value in grid:
        if not all(admissible(table[0.0][n], table[value][n]) for n in train):
            continue
        more = sum(table[value][n]["themes right"] - table[0.0][n]["themes right"] for n in train)
        if more > gain:
            best, gain = value, more
    return best


def loco(work: Path, names: list[str], tuning: Any, grid: tuple[Any, ...] = GRID) -> None:
    """Each corpus scored at the ``split_known`` chosen on the others, against off; the setting
    chosen on all; and every corpus at every setting."""
    table: dict[Any, dict[str, dict[str, float]]] = {v: {} for v in (0.0, *grid)}
    for name in names:
        c = Corpus(name, work)
        for v in table:
            table[v][name] = figures(c, _setting(tuning, v))
        print(f"[{name}] " + " ".join(f"{v}: {table[v][name]['themes right']}/{table[v][name]['false themes']}"
                                      f"/{table[v][name]['gaps right']}/{table[v][name]['false gaps']}"
                                      for v in table), flush=True)
    print("corpus | held-out setting | " + " | ".join(SHOWN))
    for name in names:
        v = choose(table, [n for n in names if n != name], grid)
        before, after = table[0.0][name], table[v][name]
        print(f"{name} | {v or 'off'} | " + " | ".join(
            f"{before[k]:.3g} -> {after[k]:.3g}" for k in SHOWN))
    print(f"chosen on all: {choose(table, names, grid) or 'off'}")
    for v in grid:
        bad = [n for n in names if not admissible(table[0.0][n], table[v][n])]
        gain = sum(table[v][n]["themes right"] - table[0.0][n]["themes right"] for n in names)
        print(f"{v}: themes right {gain:+d} pooled; inadmissible on {len(bad)}: {', '.join(bad)}")


def main() -> None:
    """Print the causes table for the corpora named (their analysis read from the work folder)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting of Tuning")
    ap.add_argument("--loco", action="store_true", help="choose split_known leave-one-corpus-out (the rule)")
    ap.add_argument("--margin", action="store_true", help="with --loco: the second try's grid (split_margin too)")
    ap.add_argument("--kept", action="store_true", help="with --loco: the third try (split_kept on)")
    args = ap.parse_args()
    from dataclasses import replace

    from knowledge.objections import DEFAULT_TUNING

    tuning = DEFAULT_TUNING
    for item in args.set:
        k, _, v = item.partition("=")
        tuning = replace(tuning, **{k: _value(k, v)})
    if args.kept:
        tuning = replace(tuning, split_kept=True)
    if args.loco:
        loco(args.work, list(args.corpus or DEVELOPMENT), tuning, MARGIN_GRID if args.margin else GRID)
        return
    for name in args.corpus or DEVELOPMENT:
        lines, counts = corpus_lines(Corpus(name, args.work), tuning)
        print(f"[{name}] " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), flush=True)
        for line in lines:
            print("  " + line, flush=True)


if __name__ == "__main__":
    main()
