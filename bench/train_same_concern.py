"""Train the decision that keeps new themes apart (``knowledge/objections/data/same_concern.json``).

For every mention that an objection entry absorbs, :func:`knowledge.objections.apart.evidence` gives
two features (``residual_peer_z``: how close its nearest mention in another call is once what the
entry says is taken out of both; ``entry_z``: how far it stands out from the calls' ordinary
sentences in its closeness to the entry). The labelled corpora
say whether it is about the entry (the label is the entry) or about a concern of its own (a ``new:``
label); mentions labelled with another known entry or with none are left out. Written scenarios
(``knowledge/objections/data/same_concern_scenarios.tsv``: ten industries, each with three objection
entries, the ordinary sentences of its calls, mentions of the entries and a concern of its own
raised in three calls) give rows the same way, each mention filed under its closest entry. A
logistic regression (scikit-learn, balanced classes, C = 1) is fitted on the scenarios and every
corpus, and, to measure it, left out a corpus at a time: fitted on the scenarios and the other
corpora, and on the scenarios alone, the whole of ``canon objections`` is scored on the one left
out, with and without the decision.

    python bench/train_same_concern.py            # rows, leave-one-corpus-out figures
    python bench/train_same_concern.py --write    # and write the weights fitted on every corpus
    python bench/train_same_concern.py --asr      # and score each corpus's speech-recognition copy

Real model (the corpora are indexed as ``bench/accuracy.py`` indexes them). Never the final exam.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, _sync  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus, score_objections  # noqa: E402

DEV = ("northwind", "examples", "quayside")
SCENARIOS = REPO / "knowledge" / "objections" / "data" / "same_concern_scenarios.tsv"


def scenario_rows(path: Path = SCENARIOS) -> dict[str, list[tuple[list[float], bool]]]:
    """Rows of the written scenarios, per scenario (its industry)."""
    import csv

    import numpy as np

    from knowledge.embedding import get_embedder
    from knowledge.objections import Mention
    from knowledge.objections.apart import evidence

    with path.open(encoding="utf-8", newline="") as f:
        lines = list(csv.DictReader(f, delimiter="\t"))
    vectors = np.asarray(get_embedder("query").embed([r["text"] for r in lines]), dtype=np.float32)
    out: dict[str, list[tuple[list[float], bool]]] = {}
    for name in dict.fromkeys(r["scenario"] for r in lines):
        idx = [i for i, r in enumerate(lines) if r["scenario"] == name]
        entries = list(dict.fromkeys(lines[i]["label"] for i in idx if lines[i]["kind"] == "example"))
        refs = [i for i in idx if lines[i]["kind"] == "example"]
        R = vectors[refs]
        owner = np.asarray([entries.index(lines[i]["label"]) for i in refs], dtype=np.int64)
        said = [i for i in idx if lines[i]["kind"] == "mention"]
        mentions = [Mention(call=f"{name}/{lines[i]['call']}", turn=k, line=k + 1, column=1, speaker="P",
                            text=lines[i]["text"], score=1.0, vector=vectors[i], sentence_vector=vectors[i],
                            parts=[(lines[i]["text"], vectors[i])]) for k, i in enumerate(said)]
        V = vectors[said]
        to_entry = np.stack([(V @ R[owner == j].T).max(axis=1) for j in range(len(entries))], axis=1)
        absorbed: list[list[int]] = [[] for _ in entries]
        for k in range(len(said)):
            absorbed[int(to_entry[k].argmax())].append(k)
        background = vectors[[i for i in idx if lines[i]["kind"] in ("ordinary", "mention")]]
        xs, homes, X = evidence(mentions, V, to_entry, absorbed, background, R, owner)
        rows = out.setdefault(name, [])
        for x, j, feats in zip(xs, homes, X, strict=True):
            label = lines[said[x]]["label"]
            if label.startswith("new:") or label == entries[j]:
                rows.append(([float(v) for v in feats], label.startswith("new:")))
    return out
C = 1.0


class _Corpus:
    """One labelled corpus, indexed, ready to analyse again and again from cached vectors."""

    def __init__(self, name: str, work: Path, asr: bool = False) -> None:
        from ingest.pipeline import ingest
        from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
        from knowledge.objections.detect import _prototype_vectors
        from knowledge.settings import load_settings
        from knowledge.store import open_catalog

        self.name = name
        corpus = load_corpus(CORPORA[name])
        self.labels = corpus.labels
        kb = work / (f"asr-{name}" if asr else name) / "kb"
        _sync(corpus.kb, kb)
        settings = load_settings(kb, environ={})
        if asr:  # the calls as raw speech recognition writes them (bench/objections_asr.py)
            from bench.objections_asr import rewrite

            for call in sorted(settings.calls_path.iterdir()):
                if call.is_file():
                    rewrite(call)
        ingest(settings)
        self.catalog = open_catalog(settings)
        self.kb = load_indexed_kb(settings, self.catalog)
        self.calls, _ = load_indexed_calls(settings, self.catalog)
        self.vecs = Vectors(settings, None, self.catalog)
        self.chunks = [c for c in self.catalog.chunks() if c.kind in ("example", "title", "section")]
        self.prototypes = _prototype_vectors(self.vecs)

    def analyze(self, same_concern: Any) -> Any:
        from knowledge.objections import analyze

        return analyze(self.calls, self.kb.entries, self.vecs, chunks=self.chunks, prototypes=self.prototypes,
                       same_concern=same_concern)

    def rows(self) -> list[tuple[list[float], bool]]:
        """(features, new concern?) for each absorbed mention with a label about it."""
        import knowledge.objections.apart as apart

        seen: list[Any] = []
        original = apart.evidence

        def record(mentions: Any, *args: Any, **kwargs: Any) -> Any:
            out = original(mentions, *args, **kwargs)
            seen.append((mentions, out))
            return out

        never = apart.SameConcern(coef=(0.0, 0.0), intercept=-50.0)  # records, doubts nothing
        apart.evidence = record
        try:
            self.analyze(never)
        finally:
            apart.evidence = original
        entries = [e for e in self.kb.entries if e.type == "objection" and e.status != "retired"]
        labelled = labelled_mentions(self.labels)
        out: list[tuple[list[float], bool]] = []
        for mentions, (xs, homes, X) in seen:
            for x, j, f in zip(xs, homes, X, strict=True):
                t = find_mention(labelled, mentions[x].call, mentions[x].line)
                if t is None or (not t.new and t.objection != entries[j].id):
                    continue
                out.append(([float(v) for v in f], t.new))
        return out

    def score(self, same_concern: Any) -> dict[str, Any]:
        from knowledge.rules.objection_gap import ObjectionGap

        analysis = self.analyze(same_concern)
        gaps = [ObjectionGap()._finding(o).to_dict() for o in analysis.objections if not o.covered and o.mentions]
        return score_objections(analysis.to_dict(), gaps, self.labels)


def fit(rows: list[tuple[list[float], bool]]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from knowledge.objections.apart import SameConcern

    X = np.asarray([r[0] for r in rows], dtype=np.float64)
    y = np.asarray([r[1] for r in rows])
    clf = LogisticRegression(C=C, class_weight="balanced").fit(X, y)
    return SameConcern(coef=tuple(round(float(c), 4) for c in clf.coef_[0]), intercept=round(float(clf.intercept_[0]), 4))


def _line(name: str, sc: dict[str, Any]) -> str:
    def f(k: str) -> str:
        v = sc[k]
        return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    return (f"  {name:<10} P {f('mention precision')} R {f('mention recall')} F1 {f('mention F1')} "
            f"matching {f('matching accuracy')} purity {f('theme purity')} coverage {f('coverage accuracy')} "
            f"gaps {f('gap precision')}/{f('gap recall')} themes {f('themes')}")


def main() -> None:
    from knowledge.objections.apart import FEATURES, SAME_CONCERN_PATH

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--write", action="store_true", help="write the weights fitted on every corpus")
    ap.add_argument("--asr", action="store_true",
                    help="also score each corpus's speech-recognition copy (never trained on)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    corpora = {n: _Corpus(n, work) for n in DEV}
    copies = {n: _Corpus(n, work, asr=True) for n in DEV} if args.asr else {}
    try:
        written = scenario_rows()
        scen = [r for rs in written.values() for r in rs]
        print(f"scenarios: {len(written)} industries, {sum(not y for _, y in scen)} mentions about the entry "
              f"closest to them, {sum(y for _, y in scen)} about a new concern")
        rows = {n: c.rows() for n, c in corpora.items()}
        for n, r in rows.items():
            print(f"{n}: {sum(not y for _, y in r)} absorbed mentions about their entry, {sum(y for _, y in r)} about a "
                  "new concern")
        print("\nleave one corpus out (fitted on the others, scored on the one left out):")
        alone = fit(scen)
        print(f" scenarios alone: coef {dict(zip(FEATURES, alone.coef, strict=True))} intercept {alone.intercept}")
        for test in DEV:
            model = fit(scen + [r for n in DEV if n != test for r in rows[n]])
            corpora_only = fit([r for n in DEV if n != test for r in rows[n]])
            print(f" {test} left out: coef {dict(zip(FEATURES, model.coef, strict=True))} intercept {model.intercept}")
            print(_line("without", corpora[test].score(False)))
            print(_line("scenarios", corpora[test].score(alone)))
            print(_line("corpora", corpora[test].score(corpora_only)))
            print(_line("both", corpora[test].score(model)))
            if test in copies:
                print(_line("copy, without", copies[test].score(False)))
                print(_line("copy, both", copies[test].score(model)))
        model = fit(scen + [r for n in DEV for r in rows[n]])
        print(f"\nall corpora: coef {dict(zip(FEATURES, model.coef, strict=True))} intercept {model.intercept}")
        if args.write:
            SAME_CONCERN_PATH.write_text(json.dumps({
                "features": list(FEATURES), "coef": list(model.coef), "intercept": model.intercept,
                "model": "logistic regression, balanced classes, C = 1 (scikit-learn)",
                "trained_on": {"scenarios": len(scen), **{n: len(rows[n]) for n in DEV}}, "made_by": "bench/train_same_concern.py",
                "date": date.today().isoformat(),
            }, indent=1) + "\n", encoding="utf-8")
            print(f"wrote {SAME_CONCERN_PATH.relative_to(REPO)}")
    finally:
        for c in [*corpora.values(), *copies.values()]:
            c.catalog.close()


if __name__ == "__main__":
    main()
