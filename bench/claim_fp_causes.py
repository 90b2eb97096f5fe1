"""Every false ``unsourced-claim`` / ``unsupported-claim`` finding of an accuracy ``--show`` output,
with what a reader needs to give it a cause: the lines around it, the note of a negative label on its
line, and every expected label (of any rule) within a line of it. ``--true`` lists instead the
labelled findings of the two rules that the output does not list as missed (the right ones), so a
fix can be checked not to remove them.

    python bench/accuracy.py --corpus kilnmere ... --rules --show --no-objections > show.txt
    python bench/claim_fp_causes.py show.txt
    python bench/claim_fp_causes.py show.txt --true --corpus kilnmere

Reads files only (no pipeline run); prints; asserts nothing. The fourteenth round's causes
(bench/ACCURACY.md, "False claims findings by cause, fourteenth round") were given by reading this
listing. Never run on the final-exam corpus or a held-out one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, HELD_OUT, show_lines  # noqa: E402

RULES = ("unsourced-claim", "unsupported-claim")


def _labels(corpus: str) -> dict[str, Any]:
    return json.loads((CORPORA[corpus] / "labels.json").read_text(encoding="utf-8"))


def _file(corpus: str, kind: str, path: str, labels: dict[str, Any]) -> Path:
    """A finding's file: the KB's for the audit, the corpus folder's for a checked draft."""
    root = CORPORA[corpus]
    kb = root / labels.get("kb", "kb") / path
    return kb if kind == "audit" and kb.is_file() else root / path


def _lines(f: Path, line: int, before: int = 2) -> list[str]:
    try:
        text = f.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ["   (no file)"]
    return [f"{'  >' if i == line - 1 else '   '} {i + 1} {text[i][:400]}"
            for i in range(max(0, line - 1 - before), min(len(text), line))]


def false_findings(show: Path, corpora: set[str]) -> None:
    """Print each false finding of the two rules with its context and the labels near it."""
    n = 0
    for corpus, kind, rule, path, line, text in show_lines(show, "FP"):
        if rule not in RULES or (corpora and corpus not in corpora) or corpus in HELD_OUT:
            continue
        n += 1
        labels = _labels(corpus)
        notes = [x.get("note", "") for x in labels[kind].get("negatives", [])
                 if x.get("path") == path and x.get("line") == line]
        near = [(e["rule"], e["line"], "optional" if e.get("optional") else "", e.get("note", "")[:80])
                for e in labels[kind]["expected"] if e["path"] == path and abs(e["line"] - line) <= 1]
        print(f"=== {n} {corpus} {kind} {rule} {path}:{line}  negative: {notes}  expected near: {near}")
        print("   ", text.split(f":{line}", 1)[-1].strip()[:240])
        print("\n".join(_lines(_file(corpus, kind, path, labels), line)))


def _scored(show: Path) -> list[str]:
    """The corpora an accuracy output scores, in its order (each opens with "[name] (today ...")."""
    heads = (line.strip() for line in show.read_text(encoding="utf-8").splitlines())
    return [h[1:h.index("]")] for h in heads if h.startswith("[") and "]" in h and h[1:h.index("]")] in CORPORA]


def true_findings(show: Path, corpora: set[str]) -> None:
    """Print each labelled (required) finding of the two rules that the output does not list as missed."""
    missed = {(c, k, r, p, ln) for c, k, r, p, ln, _ in show_lines(show, "MISS")}
    for corpus in _scored(show):
        if (corpora and corpus not in corpora) or corpus in HELD_OUT:
            continue
        labels = _labels(corpus)
        for kind in ("audit", "check"):
            for e in labels.get(kind, {}).get("expected", []):
                key = (corpus, kind, e["rule"], e["path"], e["line"])
                if e["rule"] in RULES and not e.get("optional") and key not in missed:
                    said = _lines(_file(corpus, kind, e["path"], labels), e["line"], before=0)
                    line = said[-1] if said else "    (past the end of the file)"
                    print(f"{corpus} {kind} {e['rule']} {e['path']}:{e['line']} |{line[3:].strip()[:200]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("show", type=Path, help="a bench/accuracy.py --show output")
    ap.add_argument("--corpus", action="append", default=[], help="only these corpora (repeatable)")
    ap.add_argument("--true", action="store_true", help="list the right findings instead of the false ones")
    args = ap.parse_args()
    corpora = set(args.corpus)
    if corpora & (set(HELD_OUT) | {"larkspur"}):
        sys.exit("held-out corpora and the final exam are not read here")
    # an output that scored them too is read without them (HELD_OUT holds the final exam)
    (true_findings if args.true else false_findings)(args.show, corpora)


if __name__ == "__main__":
    main()
