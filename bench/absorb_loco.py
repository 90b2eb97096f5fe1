"""The absorb model's threshold chosen leave-one-corpus-out, judged through the whole analysis.

For every development corpus and every threshold, the corpus is analysed with the absorb model fitted
without it (``bench/train_absorb.py --loco-dir DIR``, one file per left-out corpus; the threshold is
set here, the weights are the file's) and against the shipped settings (absorb off). Then, for each
corpus, the threshold is chosen on the other corpora: of "off" and the thresholds under which no other
corpus has more than one more wrong item of purity, coverage or gaps than with absorb off (impure theme
mentions, wrong coverage points, false gaps, missed gaps), the one with the highest mean matching
accuracy over them (ties: "off", then the higher threshold). The corpus is scored with that choice.

    python bench/absorb_loco.py --work /tmp/w --loco-dir /tmp/loco --thresholds 0.5,0.6,0.7,0.8,0.9

Prints figures; asserts nothing. Larkspur is the final exam and is not offered.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.objection_sweep import DEVELOPMENT, Corpus, _line, loco_model  # noqa: E402

OFF = "off"


def wrong_items(f: dict[str, Any]) -> dict[str, int]:
    """The wrong items behind purity, coverage and gap figures, as counts (one item = one mention,
    one labelled point or one gap)."""
    theme_mentions = f["theme mentions"]
    purity = f["theme purity"] or 0.0
    return {
        "impure": round(theme_mentions * (1 - purity)) if theme_mentions else 0,
        "coverage": round(f["coverage points"] * (1 - f["coverage accuracy"])),
        "false gaps": round(f["gap findings"] * (1 - f["gap precision"])),
        "missed gaps": round(f["gaps expected"] * (1 - f["gap recall"])),
    }


def admissible(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """No kind of wrong item rises by more than one."""
    b, a = wrong_items(before), wrong_items(after)
    return all(a[k] - b[k] <= 1 for k in b)


def choose(table: dict[str, dict[str, dict[str, Any]]], train: list[str], titles: list[str],
           ok: Callable[[dict[str, Any], dict[str, Any]], bool] = admissible) -> str:
    """The threshold chosen on ``train`` (``titles``: "off" first, then thresholds, highest first): the
    highest mean matching among those ``ok`` admits on every training corpus (before, after)."""
    best, best_mean = OFF, sum(table[OFF][n]["matching accuracy"] for n in train) / len(train)
    for t in titles[1:]:
        if not all(ok(table[OFF][n], table[t][n]) for n in train):
            continue
        mean = sum(table[t][n]["matching accuracy"] for n in train) / len(train)
        if mean > best_mean + 1e-9:
            best, best_mean = t, mean
    return best


def score(corpus: Corpus, tuning: Any, model: Any) -> dict[str, Any]:
    """The corpus's figures with the counts :func:`wrong_items` needs."""
    f = corpus.score(tuning, absorb_model=model)
    f["coverage points"] = len(corpus.labels["objections"]["coverage"])
    f["gaps expected"] = sum(1 for x in corpus.labels["audit"]["expected"] if x["rule"] == "objection-gap")
    return f


def main() -> None:
    from knowledge.objections import DEFAULT_TUNING

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--loco-dir", type=Path, required=True)
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.9")
    ap.add_argument("--corpus", action="append", choices=DEVELOPMENT)
    args = ap.parse_args()
    values = sorted((float(v) for v in args.thresholds.split(",")), reverse=True)
    titles = [OFF] + [f"{v:g}" for v in values]
    corpora = [Corpus(n, args.work) for n in (args.corpus or DEVELOPMENT)]
    table: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in titles}
    for c in corpora:
        table[OFF][c.name] = score(c, DEFAULT_TUNING, None)
        print(OFF, _line(c.name, table[OFF][c.name]), flush=True)
        fitted = loco_model(args.loco_dir, c.name)
        for v, t in zip(values, titles[1:], strict=True):
            table[t][c.name] = score(c, replace(DEFAULT_TUNING, absorb=True), replace(fitted, threshold=v))
            print(f"{t:<4}", _line(c.name, table[t][c.name]), wrong_items(table[t][c.name]), flush=True)
    print("held out (each corpus's threshold chosen on the others)")
    names = [c.name for c in corpora]
    for name in names:
        t = choose(table, [n for n in names if n != name], titles)
        print(f"  {name:<12} {t:<4} before:" + _line(name, table[OFF][name]).strip())
        print(f"  {'':<12} {'':<4} after: " + _line(name, table[t][name]).strip(), wrong_items(table[t][name]))


if __name__ == "__main__":
    main()
