"""Objection figures of every development corpus in seconds, for one setting or a sweep of them.

Reads the indexes ``bench/accuracy.py`` left (``--work``, the same folder: run it once first) and
runs only ``analyze`` on them (no ingest, no audit), scored by :func:`tests.scoring.score_objections`
plus how many of each corpus's new themes were found as their own theme (the mined theme holding
most of a ``new:`` label's mentions has that label as its majority, with at least two of them).
Gap precision and recall are those of the ``objection-gap`` findings the rule would make from
this analysis (:class:`knowledge.rules.objection_gap.ObjectionGap`, without the audit's ignores
and baselines, which the development corpora do not use); ``bench/accuracy.py`` confirms them.

    python bench/accuracy.py --work /tmp/w                          # ingest once (minutes)
    python bench/objection_sweep.py --work /tmp/w                   # the shipped settings
    python bench/objection_sweep.py --work /tmp/w --set stay_new=0.1 --set lone=0.25
    python bench/objection_sweep.py --work /tmp/w --sweep link_entry=0.40,0.45,0.50

Every value is measured on every corpus, so a choice can be made leave-one-corpus-out: keep a
value only if it helps, or does not hurt, the corpora it was not chosen on. Larkspur is the final
exam and is not offered here.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus, score_objections  # noqa: E402

DEVELOPMENT = ("cinderwell", "docketry", "proscenia", "pellucid", "lanternfield", "sablewood", "wickerby",
               "quayside", "ravelin", "examples", "northwind", "inkberry", "hoistley", "netherby", "plottwick",
               "yewcombe", "snowlark", "brackenford", "moorquay", "rookhaven", "saffronleigh",
               "gullrock", "hazelmere", "tidewell", "copperlane", "gavelbury", "pennock",
               "hivebury", "assaymoor", "cradlewick", "shaftmere")


class Corpus:
    """One corpus's index, read once: the KB, its calls, cached vectors and the labels."""

    def __init__(self, name: str, work: Path) -> None:
        from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
        from knowledge.objections.detect import _prototype_vectors
        from knowledge.settings import load_settings
        from knowledge.store import open_catalog

        kb_dir = work / name / "kb"
        if not (kb_dir / ".canon").is_dir():
            raise SystemExit(f"no index at {kb_dir}: run bench/accuracy.py --work {work} --corpus {name} first")
        settings = load_settings(kb_dir, environ={})
        catalog = open_catalog(settings)
        self.name = name
        self.entries = load_indexed_kb(settings, catalog).entries
        self.calls, _ = load_indexed_calls(settings, catalog)
        self.vectors = Vectors(settings, None, catalog)
        self.chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        self.labels = load_corpus(CORPORA[name]).labels
        self.prototypes = _prototype_vectors(self.vectors)

    def score(self, tuning: Any, show: bool = False, cover_model: Any = None, absorb_model: Any = None) -> dict[str, Any]:
        from knowledge.objections import analyze
        from knowledge.rules.objection_gap import ObjectionGap

        analysis = analyze(self.calls, self.entries, self.vectors, chunks=self.chunks, prototypes=self.prototypes,
                           tuning=tuning, cover_model=cover_model, absorb_model=absorb_model)
        result = analysis.to_dict(min_calls=1)
        rule = ObjectionGap()
        gaps = [rule._finding(o).to_dict() for o in analysis.objections if not o.covered and o.mentions]
        figures: dict[str, Any] = dict(score_objections(result, gaps, self.labels))
        figures["new themes found"] = new_themes_found(result, self.labels)
        figures["theme mentions"] = sum(len(o["mentions"]) for o in result["objections"] if not o["known"])
        figures["gap findings"] = len(gaps)
        if show:
            from bench.accuracy import _show_objections

            _show_objections(result, self.labels)
            for o in analysis.objections:
                cover = ", ".join(f"{a['entry']} {a['score']:.2f}" for a in o.answers) or "GAP"
                print(f"      {o.id:<40} {len(o.mentions)} mentions  {cover}")
        return figures


@contextmanager
def assign_replaced(spy: Callable[..., Any]) -> Iterator[None]:
    """Within the block, the analysis assigns mentions through ``spy`` (which calls the real
    ``knowledge.objections._assign`` itself, read before the block); restored after, whatever happens."""
    import knowledge.objections as objections

    real = objections._assign
    objections._assign = spy
    try:
        yield
    finally:
        objections._assign = real


def new_themes_found(result: dict[str, Any], labels: dict[str, Any]) -> tuple[int, int]:
    """How many ``new:`` labels are found as their own theme, of how many: the objection holding
    most of the label's mentions is a mined theme, holds at least two of them, and no other label
    has as many mentions in it (mentions outside every labelled turn count as one such label)."""
    labelled = labelled_mentions(labels)
    said = {o["id"]: Counter((t.objection if (t := find_mention(labelled, m["call"], m["line"])) else None)
                             for m in o["mentions"]) for o in result["objections"]}
    known = {o["id"]: o["known"] for o in result["objections"]}
    new = sorted({t.objection for t in labelled if t.new})
    return sum(found_as_theme(label, said, known) for label in new), len(new)


def found_as_theme(label: str, said: dict[str, Counter[Any]], known: dict[str, bool]) -> bool:
    """Whether ``label`` is its own theme: ``said`` holds, for each objection, how many of its
    mentions each label holds; ``known`` whether it is an entry (see :func:`new_themes_found`)."""
    holders = sorted(((c[label], oid) for oid, c in said.items() if c[label]), reverse=True)
    if not holders:
        return False
    count, oid = holders[0]
    rivals = [c for other, c in said[oid].items() if other != label]
    return not known[oid] and count >= 2 and count > max(rivals, default=0)


def _line(name: str, f: dict[str, Any]) -> str:
    def v(key: str) -> str:
        return "n/a" if f[key] is None else f"{f[key]:.3f}"

    got, of = f["new themes found"]
    return (f"  {name:<10} P {v('mention precision')} R {v('mention recall')} F1 {v('mention F1')} "
            f"matching {v('matching accuracy')} purity {v('theme purity')} coverage {v('coverage accuracy')} "
            f"gaps {v('gap precision')}/{v('gap recall')} themes {f['themes']} new found {got}/{of}")


def _value(name: str, text: str) -> Any:
    kinds = {f.name: f.type for f in fields(_tuning())}
    if name not in kinds:
        raise SystemExit(f"no setting {name!r}; the settings: {', '.join(sorted(kinds))}")
    kind = str(kinds[name])
    if kind in ("bool", "<class 'bool'>"):
        return text.lower() in ("1", "true", "yes", "on")
    return int(text) if kind in ("int", "<class 'int'>") else float(text)


def _tuning() -> Any:
    from knowledge.objections import DEFAULT_TUNING

    return DEFAULT_TUNING


def loco_model(folder: Path, corpus: str) -> Any:
    """The absorb model fitted without ``corpus``. Without it, analysis would fall back to the
    shipped model, fitted on that corpus too, and score it on what it was trained on."""
    from knowledge.objections.absorb import load_absorb_model

    path = folder / f"{corpus}.json"
    model = load_absorb_model(path)
    if model is None:
        raise SystemExit(f"no absorb model fitted without {corpus} at {path} (missing, or for other features): "
                         "run bench/train_absorb.py --loco-dir with it among the corpora")
    return model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True, help="the folder bench/accuracy.py ingested into")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT, help="only these (repeatable)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting of Tuning")
    ap.add_argument("--sweep", metavar="NAME=V1,V2,...", help="each value of one setting in turn")
    ap.add_argument("--show", action="store_true", help="list strays, misplaced and missed mentions, and coverage")
    ap.add_argument("--absorb-loco", type=Path, metavar="DIR",
                    help="score each corpus with the absorb model fitted without it (DIR/<corpus>.json, "
                         "bench/train_absorb.py --loco-dir); sets absorb=true")
    ap.add_argument("--loco", action="store_true",
                    help="with --sweep: choose each corpus's value on the other corpora by the themes rule "
                         "(loco_choice) and print what the corpus scores held out against the settings as given")
    args = ap.parse_args()
    base = _tuning()
    for item in args.set:
        k, _, v = item.partition("=")
        base = replace(base, **{k: _value(k, v)})
    runs: list[tuple[str, Any]] = [("settings as given", base)]
    if args.sweep:
        k, _, vals = args.sweep.partition("=")
        runs = [(f"{k}={v}", replace(base, **{k: _value(k, v)})) for v in vals.split(",")]
    if args.loco and args.sweep:
        runs.insert(0, ("settings as given", base))
    corpora = [Corpus(n, args.work) for n in (args.corpus or DEVELOPMENT)]
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for title, tuning in runs:
        print(title)
        for c in corpora:
            absorb = None
            if args.absorb_loco:
                absorb = loco_model(args.absorb_loco, c.name)
                tuning = replace(tuning, absorb=True)
            figures = c.score(tuning, args.show, absorb_model=absorb)
            table.setdefault(title, {})[c.name] = figures
            print(_line(c.name, figures), flush=True)
    if args.loco and args.sweep:
        print("held out (each corpus's value chosen on the others)")
        names = [c.name for c in corpora]
        gained = 0
        for name in names:
            title = loco_choice(table, [n for n in names if n != name], [t for t, _ in runs])
            before, after = table[runs[0][0]][name], table[title][name]
            gained += after["new themes found"][0] - before["new themes found"][0]
            print(f"  {name:<12} {title}: " + _line(name, after).strip())
        worst = min(names, key=lambda n: (table[runs[0][0]][n]["coverage accuracy"] or 0.0))
        print(f"  new themes kept apart, held out: {gained:+d} in all; worst coverage before: {worst}")


MEASURES = ("mention F1", "matching accuracy", "theme purity")


def passes(before: dict[str, Any], after: dict[str, Any], fall: float = 0.03) -> bool:
    """The themes rule on one corpus: no mention F1, matching or purity falls by more than ``fall``."""
    return all(before[k] is None or after[k] is None or after[k] >= before[k] - fall for k in MEASURES)


def loco_choice(table: dict[str, dict[str, dict[str, Any]]], train: list[str], titles: list[str]) -> str:
    """The setting chosen on ``train``: of those where no training corpus falls by more than the rule
    allows (:func:`passes`) and the worst coverage does not fall, the one that keeps most new themes
    apart; on a tie, the first in ``titles`` (the settings as given first, then the sweep's values
    from the least change to the most)."""
    base = table[titles[0]]

    def worst(t: str) -> float:
        return min((table[t][n]["coverage accuracy"] or 0.0) for n in train)

    best, best_gain = titles[0], 0
    for t in titles[1:]:
        if not all(passes(base[n], table[t][n]) for n in train) or worst(t) < worst(titles[0]):
            continue
        gain = sum(table[t][n]["new themes found"][0] - base[n]["new themes found"][0] for n in train)
        if gain > best_gain:
            best, best_gain = t, gain
    return best


if __name__ == "__main__":
    main()
