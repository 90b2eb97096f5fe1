"""A relevance floor calibrated per KB: does expressing the floor's signals relative to the KB's
own score level tell answerable from unanswerable questions apart across KBs?

    .venv/bin/python bench/kb_floor.py [--sample 50] [--let-pass K] [--sources sentence,heading,generic]

Each KB supplies its own pseudo-queries (no labels read): the first sentence (at most 25 words,
after the passage's "title: heading:" lead) or the heading of up to ``--sample`` of its passages,
picked by a hash of the passage id; or a fixed pool of generic buyer questions (``generic``).
Each is asked of the index with the passage's own file removed from the candidates (how well
*another* entry meets a question the KB is about) and with it kept (the verbatim level). The
floor's four signals (``knowledge.search.floor_features``) are then taken as differences from the
first level (``diff``), that difference over the gap between the two (``scaled``), or the
differences beside the absolute signals (``raw+diff``). (z-scores were measured with the first
version of this script, commit 920fdf4.)

The five fitting sets are left out in turn (ranker and floor fitted on the other four, with each
fold's ranker applied to every KB's pseudo-queries before its level is taken, since the floor
reads the ranker's best score); ``real`` is scored with the fit on all five and never fitted.
Prints where each set's questions and levels sit, then hit@1, hit@3, MRR, unanswerable reported
and answerable answered per set and variant, and the calibration's cost per KB. larkspur is
neither run nor read. Result (bench/ACCURACY.md, "Search", fifth pass): no variant
helps the worst set without hurting another; the shipped floor is unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_search as ts  # noqa: E402

FIT = ["northwind", "example", "real-labelled", "phenomena", "case-studies"]
HELD = ["real"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_MARKUP = re.compile(r"[#*_`>|\[\]]+")


# Questions a buyer might put to any software company, written without reading any KB: their
# level is how well a KB meets questions it was not written for (``generic``).
GENERIC = (
    "How much does it cost per user per month?", "Is there a free trial?", "Do you offer an annual discount?",
    "Is the product SOC 2 compliant?", "Where is customer data stored?", "Do you support single sign-on?",
    "How long does implementation take?", "Can I export my data if I leave?", "Is there an API?",
    "Does it integrate with Salesforce?", "What uptime do you guarantee?", "How is support provided?",
    "Can it run on premises?", "How many customers do you have?", "Who are your competitors?",
    "What happens when my contract ends?", "Is there a mobile app?", "How do you handle GDPR requests?",
    "What training do new users get?", "How often do you release new features?",
)


def pseudo_queries(catalog: Any, sample: int, source: str = "sentence") -> list[tuple[str, str]]:
    """(question, path of the passage it came from) for up to ``sample`` passages: the passage's
    first sentence after its "title: heading:" lead (``sentence``), or its heading (``heading``);
    or the fixed ``generic`` questions (no passage of their own: path "")."""
    if source == "generic":
        return [(q, "") for q in GENERIC[:sample]]
    chunks = [c for c in catalog.chunks() if c.kind == "section" and len(c.text.split()) >= 8]
    chunks.sort(key=lambda c: hashlib.sha1(c.id.encode()).hexdigest())
    out, seen = [], set()
    for c in chunks:
        if source == "heading":
            first = " ".join(_MARKUP.sub(" ", c.section).split())
        else:
            body = c.text.split(c.section + ":", 1)[-1] if c.section else c.text
            text = _MARKUP.sub(" ", body)
            first = " ".join(_SENTENCE.split(text.strip(), maxsplit=1)[0].split()[:25])
        if len(first.split()) >= 3 and first.lower() not in seen:
            seen.add(first.lower())
            out.append((first, c.path))
        if len(out) >= sample:
            break
    return out


def calibration(items: list[dict[str, Any]], embedder: Any, sample: int,
                source: str) -> tuple[list[tuple[list[Any], list[Any]]], float]:
    """For each pseudo-query, its candidates without and with its own file, and the seconds it took."""
    from knowledge.search import retrieve

    catalog, settings = items[0]["catalog"], items[0]["settings"]
    t = time.perf_counter()
    out = []
    for q, path in pseudo_queries(catalog, sample, source):
        cands, _ = retrieve(settings, catalog, q, embedder)
        out.append(([c for c in cands if c.path != path], cands))
    return out, time.perf_counter() - t


def level(pseudo: list[list[Any]]) -> dict[str, float]:
    import numpy as np

    from knowledge.search import FLOOR_FEATURES, floor_features

    rows = np.array([[floor_features(cs)[f] for f in FLOOR_FEATURES] for cs in pseudo if cs])
    return dict(zip(FLOOR_FEATURES, rows.mean(axis=0), strict=True))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--let-pass", type=int, default=0)
    ap.add_argument("--sources", default="sentence,heading")
    args = ap.parse_args()

    import numpy as np

    import knowledge.search as ks
    from knowledge.embedding import get_embedder
    from knowledge.settings import load_settings

    sources = args.sources.split(",")
    embedder = get_embedder("query")
    data: dict[str, Any] = {}
    pseudo: dict[tuple[str, str], Any] = {}
    for c in FIT + HELD:
        data[c] = ts.collect(c, embedder)
        settings = load_settings(ts.REPO / "bench" / "out" / "search" / c)
        for it in data[c]:
            it["settings"] = settings
        for src in sources:
            pseudo[src, c], cost = calibration(data[c], embedder, args.sample, src)
            print(f"{c}: {len(pseudo[src, c])} pseudo-queries ({src}), {cost:.2f} s", flush=True)

    base = ks.floor_features
    names = ks.FLOOR_FEATURES

    def levels_of(src: str, c: str) -> tuple[dict[str, float], dict[str, float]]:
        return level([p[0] for p in pseudo[src, c]]), level([p[1] for p in pseudo[src, c]])

    def apply_all(sets: list[str], w: Any, b: float) -> None:
        for c in sets:
            ts.apply(data[c], w, b)
            for src in sources:
                for _without, with_own in pseudo[src, c]:
                    ts.apply([{"cands": with_own}], w, b)  # the same objects as ``without`` holds

    # Where each KB's questions sit against its own levels (ranker fitted on all five sets).
    apply_all(FIT + HELD, *ts.fit([it for c in FIT for it in data[c]]))
    print(f"\nmedians, ranker on all five: {'set':<14} " + " ".join(f"{n:>18}" for n in names))
    for c in FIT + HELD:
        rows = {"answerable": [], "unanswerable": []}  # type: dict[str, list[Any]]
        for it in data[c]:
            rows["unanswerable" if it["question"].unanswerable else "answerable"].append(
                [base(it["cands"])[n] for n in names])
        for k, v in rows.items():
            print(f"  {c:<14} {k:<14} " + " ".join(f"{x:>18.3f}" for x in np.median(np.array(v), axis=0)))
        for src in sources:
            lo, hi = levels_of(src, c)
            print(f"  {c:<14} {src + ' -own':<14} " + " ".join(f"{lo[n]:>18.3f}" for n in names))
            print(f"  {c:<14} {src + ' +own':<14} " + " ".join(f"{hi[n]:>18.3f}" for n in names))

    def featurer(mode: str, levels: dict[int, Any]) -> Any:
        def f(cands: list[Any]) -> dict[str, float]:
            raw = base(cands)
            if mode == "raw":
                return raw
            if not cands:
                return {**raw, **{"d_" + k: 0.0 for k in names}} if mode == "raw+diff" else raw
            lo, hi = levels[id(cands[0].entry)]
            if mode == "scaled":
                return {k: (raw[k] - lo[k]) / max(hi[k] - lo[k], 0.05) for k in names}
            rel = {k: raw[k] - lo[k] for k in names}
            return {**raw, **{"d_" + k: v for k, v in rel.items()}} if mode == "raw+diff" else rel
        return f

    print(f"\n{'variant':<18} {'set':<26} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'unans':>6} {'answd':>6}")
    variants = [("raw", "")] + [(m, src) for src in sources for m in ("diff", "scaled", "raw+diff")]
    for mode, src in variants:
        feats = names + tuple("d_" + k for k in names) if mode == "raw+diff" else names
        label = f"{mode} {src}".strip()
        for held in FIT + [None]:
            train_sets = [c for c in FIT if c != held]
            scored = [held] if held else HELD
            w, b = ts.fit([it for c in train_sets for it in data[c]])
            apply_all(train_sets + scored, w, b)
            levels: dict[int, Any] = {}
            if src:
                for c in train_sets + scored:
                    lv = levels_of(src, c)
                    for it in data[c]:
                        for cand in it["cands"]:
                            levels[id(cand.entry)] = lv
            ks.FLOOR_FEATURES = feats  # type: ignore[misc]
            ks.floor_features = featurer(mode, levels)  # type: ignore[assignment]
            fl = ts.fit_floor([it for c in train_sets for it in data[c]], args.let_pass)
            for c in scored:
                s = ts.evaluate(data[c], fl)
                tag = " (left out)" if held else " (never fitted)"
                print(f"{label:<18} {c + tag:<26} {s['hit@1']:>6.2f} {s['hit@3']:>6.2f} {s['mrr']:>6.2f} "
                      f"{s['unanswered']:>6.2f} {s['answered']:>6.2f}", flush=True)
            ks.floor_features = base  # type: ignore[assignment]
            ks.FLOOR_FEATURES = names  # type: ignore[misc]


if __name__ == "__main__":
    main()
