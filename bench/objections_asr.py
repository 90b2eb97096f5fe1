"""Objection accuracy on calls as raw speech recognition writes them.

    python bench/objections_asr.py                     # Northwind and the example
    python bench/objections_asr.py --corpus examples   # one of them

Each labelled corpus's KB is copied and every call rewritten the way speech-recognition exports
read: lower case, no punctuation, half the apostrophes gone ("dont"), fillers ("um", "uh") and a
repeated word now and then, small numbers in words. Only the words a speaker says change: speaker
names, time codes, JSON structure and line numbers stay, so the corpus's own labels score the copy.
The rewriting is seeded by the text, so every run reads the same copy. Larkspur is the final exam
and is not offered here.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.scoring import load_corpus, score_objections  # noqa: E402

CORPORA = {"northwind": REPO.parent / "shared" / "corpora" / "northwind", "examples": REPO / "examples",
           "quayside": REPO / "tests" / "data" / "corpora" / "quayside"}
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words_for(n: int) -> str:
    if n < 20:
        return _SMALL[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f" {_SMALL[unit]}" if unit else "")


def asr(text: str) -> str:
    """``text`` as a speech-recognition export would give it (deterministic for a given text)."""
    rnd = random.Random(hashlib.sha256(text.encode("utf-8")).hexdigest())
    t = re.sub(r"\b\d{1,2}\b", lambda m: _words_for(int(m.group())), text.replace("\u2019", "'"))
    t = re.sub(r"(\w)'(t|m|s|re|ll|ve|d)\b", lambda m: m.group(1) + ("" if rnd.random() < 0.5 else "'") + m.group(2), t)
    t = re.sub(r"[^\w\s'%$-]", " ", t.lower())
    out: list[str] = []
    for w in t.split():
        if rnd.random() < 0.06:
            out.append(rnd.choice(("um", "uh", "you know", "like")))
        out.append(w)
        if rnd.random() < 0.04:
            out.append(w)
    return " ".join(out)


_JSON_TEXT = re.compile(r'("(?:text|content)"\s*:\s*)("(?:[^"\\]|\\.)*")')
_VOICE = re.compile(r"^(<v [^>]+>)(.*?)(</v>)?\s*$")
_NAMED = re.compile(r"^((?:\[[\d:.]+\]\s*)?[^:\[\]<>]{1,60}:\s)(.*)$")
_TIMING = re.compile(r"^[\d:.,]+\s*-->")


def _said(line: str) -> str:
    voice, named = _VOICE.match(line), _NAMED.match(line)
    if voice:
        return voice.group(1) + asr(voice.group(2)) + (voice.group(3) or "")
    if named:
        return named.group(1) + asr(named.group(2))
    return asr(line)


def rewrite(path: Path) -> None:
    """Rewrite what is said in one call file, line for line (cue ids and time codes kept)."""
    out: list[str] = []
    payload = path.suffix not in (".vtt", ".srt")  # subtitles: only the lines after a time code
    for line in path.read_text(encoding="utf-8").split("\n"):
        if path.suffix == ".json":
            line = _JSON_TEXT.sub(lambda m: m.group(1) + json.dumps(asr(json.loads(m.group(2)))), line)
        elif _TIMING.match(line):
            payload = True
        elif not line.strip():
            payload = path.suffix not in (".vtt", ".srt")
        elif payload:
            line = _said(line)
        out.append(line)
    path.write_text("\n".join(out), encoding="utf-8")


def run(name: str, work: Path) -> dict:
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit
    from knowledge.objections import find_objections
    from knowledge.settings import load_settings

    corpus = load_corpus(CORPORA[name])
    kb = work / f"asr-{name}" / "kb"
    if kb.exists():
        shutil.rmtree(kb.parent)
    shutil.copytree(corpus.kb, kb, ignore=shutil.ignore_patterns(".canon"))
    for p in [kb, *kb.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    settings = load_settings(kb, environ={})
    for call in sorted(settings.calls_path.iterdir()):
        if call.is_file():
            rewrite(call)
    ingest(settings)
    result = find_objections(settings, today=corpus.today)
    gaps = run_audit(settings, today=corpus.today, rules=["objection-gap"]).findings
    return score_objections(result, gaps, corpus.labels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="score only these (repeatable)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-asr", help="work folder")
    args = ap.parse_args()
    for name in args.corpus or sorted(CORPORA):
        if not CORPORA[name].is_dir():
            print(f"[{name}] not there, skipped")
            continue
        s = run(name, args.work)
        print(f"[{name}, speech-recognition copy] " + ", ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in s.items()))


if __name__ == "__main__":
    main()
