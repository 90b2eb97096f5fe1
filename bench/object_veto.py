"""The object veto (``bench/concern_objects.py``) fitted and judged leave-one-corpus-out, through the
whole analysis. A remark whose object (its words without the frame of a concern) is less close than a
threshold to the object of the entry it is closest to is held from every entry while themes form, by
the hold the absorb model uses (:func:`knowledge.objections.themes._assign`, ``Tuning.absorb`` with
:class:`Veto` in the model's place); a held remark no theme takes goes back to its entry.

1. Rows: every mention that reaches assignment on each development corpus, with the labelled
   objection whose turn it lies in (shipped settings; ``--work`` holds ``bench/accuracy.py``'s indexes).
2. The frame words without each corpus (:func:`bench.concern_objects.frame_words` over the
   other corpora's labelled objections, one group of remarks per objection), for each share ``--least``.
3. Each corpus scored with the shipped settings ("off") and, with the frame fitted without it, at each
   share and threshold (``--thresholds``).
4. Each corpus's setting chosen on the other corpora as ``bench/absorb_loco.py`` chooses (the highest
   mean matching among the settings under which no other corpus has more than one more wrong item of
   purity, coverage or gaps; ties: off, then the lower threshold, which holds fewer remarks), with two
   more conditions written in bench/ACCURACY.md before anything was measured: no other corpus makes
   a false theme (a mined theme that is no ``new:`` concern's) it did not make off, and none loses
   more than one mention hit.
   The corpus is then scored with that setting.

    python bench/object_veto.py --work /tmp/w [--least 0.1,0.2,0.3] [--thresholds 0.2,0.3,0.4,0.5] [--contrast]
    python bench/object_veto.py --work /tmp/w --happens --thresholds 0.3,0.4,0.5,0.6  # bench/concern_happens.py
    python bench/object_veto.py --work /tmp/w --happens --held 0.2/0.2  # what is held, by label
    python bench/object_veto.py --work /tmp/w --fit 0.2 --out bench/concern_frame.txt

Prints figures; asserts nothing. Larkspur is the final exam and is not offered.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.absorb_loco import OFF, admissible, choose, score, wrong_items  # noqa: E402
from bench.concern_happens import happens_closeness  # noqa: E402
from bench.concern_objects import frame_words, object_closeness  # noqa: E402
from bench.objection_sweep import DEVELOPMENT, Corpus, _line, assign_replaced  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402


@dataclass
class Veto:
    """The object veto in the absorb model's place: :meth:`apart` holds the remarks whose object is
    less than ``threshold`` close to their closest entry's (``objects``, set for each analysis by
    :func:`vetoed`); a remark that says nothing but its frame (NaN) is never held."""

    threshold: float
    frame: frozenset[str]
    vectors: Callable[[list[str]], np.ndarray]
    contrast: bool = False  # ... and only a remark whose object is closer to another call's remark's
    reading: Callable[..., np.ndarray] = object_closeness  # or happens_closeness (--happens)
    objects: np.ndarray | None = None
    peers: np.ndarray | None = None  # each remark's object's closeness to the closest in another call
    log: list[tuple[str, str]] | None = None  # (remark, entry id) of each remark held (--held)
    said: tuple[list[str], list[str]] = ([], [])  # the analysis's remarks and entry ids, for the log

    def apart(self, x: dict[str, np.ndarray]) -> np.ndarray:
        best = x["best"]
        if self.objects is None or not len(best):
            return np.zeros(len(best), dtype=bool)
        near = np.nan_to_num(self.objects[np.arange(len(best)), best], nan=1.0)
        held = ~np.isnan(self.objects[np.arange(len(best)), best]) & (near < self.threshold)
        if self.contrast and self.peers is not None:
            held &= self.peers > near
        if self.log is not None:
            texts, ids = self.said
            self.log.extend((texts[i], ids[best[i]]) for i in np.flatnonzero(held))
        return held


def vetoed(corpus: Corpus, veto: Veto) -> dict[str, Any]:
    """The corpus's figures with ``veto`` holding remarks apart (each analysis's objects read from the
    mentions and entries the assignment is given: an entry's examples and its title)."""
    import knowledge.objections as objections

    real = objections._assign

    def spy(mentions: Any, entries: Any, *a: Any, **kw: Any) -> Any:
        said = [list(e.examples) + [e.title or e.id] for e in entries]
        texts = [mt.text for mt in mentions]
        veto.said = (texts, [e.id for e in entries])
        veto.objects = veto.reading(texts, said, veto.vectors, veto.frame)
        if veto.contrast:
            veto.peers = object_peers(texts, [mt.call for mt in mentions], veto.vectors, veto.frame)
        return real(mentions, entries, *a, **{**kw, "absorb_model": veto})

    with assign_replaced(spy):
        return score(corpus, replace(_shipped(), absorb=True), veto)


def object_peers(texts: list[str], calls: list[str], vectors: Callable[[list[str]], np.ndarray],
                 frame: frozenset[str]) -> np.ndarray:
    """Each remark's object's closeness to the closest object of a remark in another call (-1: none,
    or no object: :func:`object_closeness` of each remark against every other's, one a phrasing)."""
    near = object_closeness(texts, [[t] for t in texts], vectors, frame)
    near[np.array(calls)[:, None] == np.array(calls)[None, :]] = np.nan
    out = np.full(len(texts), -1.0, np.float32)
    for i in range(len(texts)):
        row = near[i][~np.isnan(near[i])]
        if len(row):
            out[i] = float(row.max())
    return out


def _shipped() -> Any:
    from knowledge.objections import DEFAULT_TUNING

    return DEFAULT_TUNING


def rows(corpus: Corpus) -> list[dict[str, Any]]:
    """Each mention that reaches assignment under the shipped settings, with its label (or None)."""
    import knowledge.objections as objections
    from knowledge.objections import DEFAULT_TUNING, analyze

    seen: list[dict[str, Any]] = []
    real = objections._assign
    labelled = labelled_mentions(corpus.labels)

    def spy(mentions: Any, *a: Any, **kw: Any) -> Any:
        for mt in mentions:
            t = find_mention(labelled, mt.call, mt.line)
            seen.append({"corpus": corpus.name, "text": mt.text, "label": t.objection if t else None,
                         "optional": bool(t and t.optional)})
        return real(mentions, *a, **kw)

    with assign_replaced(spy):
        analyze(corpus.calls, corpus.entries, corpus.vectors, chunks=corpus.chunks, prototypes=corpus.prototypes,
                tuning=DEFAULT_TUNING)
    return seen


def groups(table: list[dict[str, Any]], without: str | None) -> list[list[str]]:
    """The remarks of each labelled objection of every corpus but ``without``: one group each."""
    by: dict[tuple[str, str], list[str]] = {}
    for r in table:
        if r["label"] and not r["optional"] and r["corpus"] != without:
            by.setdefault((r["corpus"], r["label"]), []).append(r["text"])
    return list(by.values())


def false_themes(f: dict[str, Any]) -> int:
    """Mined themes that are no ``new:`` concern found as its own theme."""
    return int(f["themes"]) - int(f["new themes found"][0])


def hits(f: dict[str, Any]) -> int:
    """Labelled turns a reported mention lies in (what mention recall counts)."""
    return round(f["mention recall"] * f["turns labelled"]) if f["mention recall"] is not None else 0


def fits(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """``bench/absorb_loco.py``'s admissibility, no new false theme, and no more than one hit lost."""
    return (admissible(before, after) and false_themes(after) <= false_themes(before)
            and hits(after) >= hits(before) - 1)


def load_rows(work: Path, names: list[str]) -> list[dict[str, Any]]:
    """The rows of every corpus in ``names``, read once and kept in ``work`` with the corpora read
    (read again when a corpus asked for is not among them; a file without them is read again)."""
    path = work / "object_rows.json"
    if path.is_file():
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and set(names) <= set(kept["corpora"]):
            return [r for r in kept["rows"] if r["corpus"] in names]
    out = [r for n in names for r in rows(Corpus(n, work))]
    path.write_text(json.dumps({"corpora": names, "rows": out}, indent=1), encoding="utf-8")
    return out


def write_frame(path: Path, frame: frozenset[str], least: float, names: list[str]) -> None:
    """The shipped frame words, with where they come from."""
    head = [f"# Frame words of a concern (bench/concern_objects.py): said in the labelled remarks of at least "
            f"{least:g} of the labelled objections of {len(names)} development corpora",
            f"# ({', '.join(names)}), fitted by `python bench/object_veto.py --work W --fit {least:g} --out ...`."]
    path.write_text("\n".join(head + sorted(frame)) + "\n", encoding="utf-8")


def held(table_rows: list[dict[str, Any]], names: list[str], work: Path, setting: str, happens: bool) -> None:
    """What the veto holds at one ``least/threshold`` setting (each corpus's frame fitted without it),
    by label: a ``new:`` concern, a known objection under its own entry or another, or unlabelled."""
    share, value = (float(v) for v in setting.split("/"))
    label = {(r["corpus"], r["text"]): r["label"] for r in table_rows}
    kinds: dict[str, int] = {}
    for name in names:
        c = Corpus(name, work)
        veto = Veto(value, frame_words(groups(table_rows, name), share), c.vectors,
                    reading=happens_closeness if happens else object_closeness, log=[])
        vetoed(c, veto)
        for text, entry in veto.log or []:
            got = label.get((name, text))
            kind = ("new" if got and got.startswith("new:") else "known, own entry" if got == entry
                    else "known, other entry" if got else "unlabelled")
            kinds[kind] = kinds.get(kind, 0) + 1
            print(f"  {name:<12} {kind:<18} {entry:<36} {text[:100]}")
    print(setting, kinds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--least", default="0.1,0.2,0.3")
    ap.add_argument("--thresholds", default="0.2,0.3,0.4,0.5")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    ap.add_argument("--contrast", action="store_true", help="hold only a remark whose object is closer to "
                    "another call's remark's object than to its entry's (the second measurement)")
    ap.add_argument("--happens", action="store_true", help="read what happens: the remark and the entry "
                    "without the content words they share (bench/concern_happens.py; the third measurement)")
    ap.add_argument("--held", metavar="LEAST/THRESHOLD", help="list what the veto holds at this setting, by label")
    ap.add_argument("--fit", type=float, help="fit the frame on every corpus at this share and write it (--out)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.fit is not None and args.out is None:
        ap.error("--fit writes the frame words: give --out (bench/concern_frame.txt ships them)")
    names = list(args.corpus or DEVELOPMENT)
    table_rows = load_rows(args.work, names)
    if args.held:
        held(table_rows, names, args.work, args.held, args.happens)
        return
    if args.fit is not None:
        write_frame(args.out, frame_words(groups(table_rows, None), args.fit), args.fit, names)
        return
    shares = [float(v) for v in args.least.split(",")]
    values = sorted(float(v) for v in args.thresholds.split(","))  # ties: the lower threshold holds less
    settings = [(s, v) for v in values for s in sorted(shares, reverse=True)]
    titles = [OFF] + [f"{s:g}/{v:g}" for s, v in settings]
    table: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in titles}
    for name in names:
        c = Corpus(name, args.work)
        table[OFF][name] = score(c, _shipped(), None)
        print(f"{OFF:<8}", _line(name, table[OFF][name]), wrong_items(table[OFF][name]), flush=True)
        frames = {s: frame_words(groups(table_rows, name), s) for s in shares}
        for (s, v), t in zip(settings, titles[1:], strict=True):
            reading = happens_closeness if args.happens else object_closeness
            table[t][name] = vetoed(c, Veto(v, frames[s], c.vectors, args.contrast, reading))
            print(f"{t:<8}", _line(name, table[t][name]), wrong_items(table[t][name]), flush=True)
    print("held out (each corpus's setting chosen on the others)")
    for name in names:
        t = choose(table, [n for n in names if n != name], titles, fits)
        print(f"  {name:<12} {t:<8} before:" + _line(name, table[OFF][name]).strip())
        print(f"  {'':<12} {'':<8} after: " + _line(name, table[t][name]).strip(), wrong_items(table[t][name]))
    suffix = "_happens" if args.happens else "_contrast" if args.contrast else ""
    (args.work / f"object_veto{suffix}.json").write_text(json.dumps(table, indent=1, default=list), encoding="utf-8")


if __name__ == "__main__":
    main()
