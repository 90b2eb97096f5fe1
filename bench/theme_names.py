"""How well mined themes are named: are the names short noun phrases, and do they say what the
labelled theme is about?

    python bench/theme_names.py                       # the corpora with calls, and the synthetic set
    python bench/theme_names.py --corpus sablewood    # one corpus
    python bench/theme_names.py --synthetic-only      # only tests/data/theme_names (no corpus run)
    python bench/theme_names.py --asr --no-synthetic  # the corpora's speech-recognition copies

For each mined theme (a ``known: false`` objection) of each corpus it prints its id and name and
two checks:

- **noun phrase** (:func:`is_noun_phrase`): one to four words; no closed-class word of
  ``knowledge/objections/data/function_words.txt`` (determiners, pronouns, contractions,
  auxiliaries, modals, negations, fillers, adverbs, prepositions, conjunctions, numbers, verbs of
  saying) nor one of its commonest verbs (``light_verbs``), except a preposition, "and" or "or"
  between two other words ("trust in claims"); the last word (the head) not ending like an adjective or adverb (-ly, -ous, -ful, -able,
  -ible, -less, -ive, -ish) nor in a past -ed;
- **on topic**: for a theme most of whose labelled mentions carry one ``new:<slug>`` label, whether
  the name shares a content word (crudely stemmed) with the slug or with the corpus README's
  description of it (the README lines that name ``new:<slug>``).

The synthetic set (``tests/data/theme_names/themes.json``: 41 themes written for canon, with the
name a reviewer would give) is scored the same way against that name and its ``also`` words, with
the real model's vectors for the concern names and the mentions, and also by its agreement with
the reviewer's name (the F1 of their stemmed content words). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, _sync  # noqa: E402
from tests.scoring import find_mention, labelled_mentions, load_corpus  # noqa: E402

WORDS = REPO / "knowledge" / "objections" / "data" / "function_words.txt"
SYNTHETIC = REPO / "tests" / "data" / "theme_names" / "themes.json"
WITH_CALLS = ("northwind", "examples", "quayside", "sablewood", "docketry", "proscenia")


def _classes() -> dict[str, set[str]]:
    classes: dict[str, set[str]] = {}
    current = ""
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            classes[current] = set()
        elif line and current:
            classes[current].update(line.lower().split())
    return classes


_C = _classes()
_BAD = set().union(*(v for k, v in _C.items() if k not in ("generic", "subject_pronouns")))
_CONTENT_STOP = _BAD | _C["generic"]


def is_noun_phrase(name: str) -> bool:
    ws = name.lower().split()
    if not 1 <= len(ws) <= 4 or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in ws):
        return False
    inside = _C["prepositions"] | {"and", "or"}
    if ws[0] in _BAD or ws[-1] in _BAD or any(w in _BAD and w not in inside for w in ws[1:-1]):
        return False
    head = ws[-1]
    return not (head.endswith(("ly", "ous", "ful", "able", "ible", "less", "ive", "ish"))
                or (len(head) > 4 and head.endswith("ed") and not head.endswith("eed")))


def _stem(w: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ency", "ence", "ers", "er", "ed", "es", "s", "y"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[:-len(suffix)]
    return w


def content_stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z][a-z']*", text.lower().replace("-", " "))
            if w not in _CONTENT_STOP and len(w) >= 3}


def describe(corpus: Path, slug: str) -> str:
    """The slug's words and what the corpus README says of ``new:<slug>``."""
    text = slug.replace("-", " ")
    readme = corpus / "README.md"
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8").splitlines():
            if f"new:{slug}`" in line:
                text += " " + line.split(f"new:{slug}`", 1)[1].split(" | ")[0]
    return text


def score_corpus(name: str, work: Path, asr: bool = False) -> list[dict[str, Any]]:
    """The mined themes of one corpus, or of its speech-recognition copy (``bench/objections_asr.py``)."""
    from bench.objections_asr import rewrite
    from ingest.pipeline import ingest
    from knowledge.objections import find_objections
    from knowledge.settings import load_settings

    corpus = load_corpus(CORPORA[name])
    kb = work / (f"asr-{name}" if asr else name) / "kb"
    _sync(corpus.kb, kb)
    settings = load_settings(kb, environ={})
    if asr:
        for call in sorted(settings.calls_path.iterdir()):
            if call.is_file():
                rewrite(call)
    ingest(settings)
    result = find_objections(settings, today=date.fromisoformat(corpus.labels["today"]))
    labelled = labelled_mentions(corpus.labels)
    rows = []
    for o in result["objections"]:
        if o["known"]:
            continue
        found = [find_mention(labelled, m["call"], m["line"]) for m in o["mentions"]]
        own = Counter(t.objection if t is not None else None for t in found)
        top, count = own.most_common(1)[0]
        label = top if isinstance(top, str) and top.startswith("new:") and count * 2 > len(o["mentions"]) else None
        topic = None
        if label:
            topic = bool(content_stems(o["label"]) & content_stems(describe(CORPORA[name], label[4:])))
        rows.append({"id": o["id"], "name": o["label"], "calls": len({m["call"] for m in o["mentions"]}),
                     "np": is_noun_phrase(o["label"]), "labelled": label, "on_topic": topic,
                     "target": describe(CORPORA[name], label[4:]) if label else None,
                     "texts": [m["text"] for m in o["mentions"]]})
    return rows


def score_synthetic() -> list[dict[str, Any]]:
    """Each synthetic theme named as canon names a mined theme, with the real model's vectors."""
    import numpy as np

    from knowledge.embedding import get_embedder
    from knowledge.objections import DEFAULT_TUNING
    from knowledge.objections import themes as T
    from knowledge.objections.detect import concern_names, concern_texts
    from knowledge.objections.model import Mention, Objection, _unit

    data = json.loads(SYNTHETIC.read_text(encoding="utf-8"))
    emb = get_embedder("query")

    def vectors(texts: list[str]) -> np.ndarray:
        return np.asarray(emb.embed(list(texts)), dtype=np.float32)

    texts = [m["text"] for t in data["themes"] for m in t["mentions"]]
    V = vectors(texts)
    names = concern_names()
    concerns = (names, vectors(list(concern_texts())))
    k = 0
    rows = []
    for t in data["themes"]:
        mentions = []
        for i, m in enumerate(t["mentions"]):
            v = _unit(V[k])
            mentions.append(Mention(call=m["call"], turn=i, line=i + 1, column=1, speaker="p", text=m["text"],
                                    score=1.0, vector=v, sentence_vector=v, parts=[(m["text"], v)]))
            k += 1
        theme = Objection(id="", label=mentions[0].text, known=False, mentions=mentions)
        if hasattr(T, "theme_label"):
            got = T.theme_label(theme, texts, concerns, DEFAULT_TUNING.concern_label) or theme.label
        else:  # the namer before noun phrases: concern name, shared phrase, shared word, central sentence
            old: Any = T
            docs = [old._terms(x) for x in texts]
            said = [(mt.call, mt.text) for mt in mentions]
            got = (old.concern_label(theme, concerns, DEFAULT_TUNING.concern_label) or old.phrase_label(said, docs)
                   or old.shared_word_phrase(said, docs) or old.sentence_phrase(mentions[0].text, docs) or theme.label)
        want = content_stems(" ".join([t["name"], *t["also"]]))
        rows.append({"id": t["industry"], "name": got, "want": t["name"], "np": is_noun_phrase(got),
                     "labelled": t["name"], "on_topic": bool(content_stems(got) & want),
                     "target": " ".join([t["name"], *t["also"]]), "texts": [m["text"] for m in t["mentions"]]})
    return rows


def _agreement(name: str, want: str) -> float:
    """How far a name says what the reviewer's does: the F1 of their content words (stemmed)."""
    a, b = content_stems(name), content_stems(want)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _summary(rows: list[dict[str, Any]]) -> str:
    np_share = sum(r["np"] for r in rows) / len(rows) if rows else float("nan")
    judged = [r for r in rows if r["on_topic"] is not None]
    topic = sum(r["on_topic"] for r in judged) / len(judged) if judged else float("nan")
    return (f"noun phrases {sum(r['np'] for r in rows)}/{len(rows)} ({np_share:.2f}); "
            f"on topic {sum(r['on_topic'] for r in judged)}/{len(judged)} ({topic:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=WITH_CALLS)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-theme-names")
    ap.add_argument("--synthetic-only", action="store_true")
    ap.add_argument("--asr", action="store_true", help="the corpora's speech-recognition copies (bench/objections_asr.py)")
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    report: dict[str, Any] = {}
    for name in ([] if args.synthetic_only else args.corpus or list(WITH_CALLS)):
        rows = score_corpus(name, args.work, args.asr)
        key = f"{name}, speech-recognition copy" if args.asr else name
        report[key] = rows
        print(f"\n[{key}] {_summary(rows)}")
        for r in rows:
            print(f"  {'NP' if r['np'] else '--'} {'on ' if r['on_topic'] else 'off' if r['on_topic'] is False else '   '} "
                  f"{r['id']:<40} {r['name']!r:<40} {r['labelled'] or ''}")
    if not args.no_synthetic:
        rows = score_synthetic()
        report["synthetic"] = rows
        agree = [_agreement(r["name"], r["want"]) for r in rows]
        print(f"\n[synthetic] {_summary(rows)}; agreement with the reviewer's name {sum(agree) / len(agree):.3f} "
              f"(the same content words: {sum(a == 1.0 for a in agree)})")
        for r in rows:
            print(f"  {'NP' if r['np'] else '--'} {'on ' if r['on_topic'] else 'off'} {r['want']:<30} -> {r['name']!r}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
