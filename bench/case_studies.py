"""canon on real published customer stories: which figures it reads as claims, which it flags, and
how much text ``canon audit`` prints per entry.

    python bench/case_studies.py                 # the figures
    python bench/case_studies.py --show          # and every false positive and miss
    python bench/case_studies.py --fake          # the fake embedder (no model; rules on figures
                                                 # do not use embeddings, duplicate-entry does)
    python bench/case_studies.py --json out.json

The corpus is ``tests/data/corpora/case-studies``: articles as their publishers wrote them, with
their own front matter and no ``sources:``, copied into a fresh KB (no ``canon.toml``) as a new user
would drop them in. ``labels.jsonl`` labels every figure mention: ``claim`` true for a result or a
statistic a reviewer would want sourced, false with a ``category`` otherwise (time spans, the
customer's own size, names, versions ...). Labels marked ``optional`` count neither way.

Two views are scored, each as "is a claim":

- extraction: the claims canon extracts from each entry (``Entry.claims``);
- findings: what the figure rules report (``unsourced-claim`` and the other rules about figures).

A claim or finding is matched to the label on its line whose span it overlaps (else whose text it
contains). One on a labelled non-claim is a false positive, listed by category; one on no label is a
false positive too ("unlabelled"). Recall is over the labelled claims.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "corpora" / "case-studies"
TODAY = date(2026, 12, 6)  # the day the "before" figures were taken; fixed so runs compare
FIGURE_RULES = ("metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement")
NOT_ENTRIES = {"SOURCES.md", "README.md"}


def load_labels(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    with (corpus / "labels.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def story_files(corpus: Path = CORPUS) -> list[Path]:
    """The published stories: every ``*.md`` in a company folder except its SOURCES.md."""
    return sorted(p for p in corpus.glob("*/*.md") if p.name not in NOT_ENTRIES)


def copy_kb(dest: Path, corpus: Path = CORPUS) -> Path:
    """The stories alone, in a fresh folder, as a KB with no settings of its own."""
    for p in story_files(corpus):
        target = dest / p.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, target)
    return dest


@dataclass(frozen=True)
class Span:
    """Where something about a figure sits: 1-based line, columns [start, end) on that line."""

    path: str
    line: int
    start: int
    end: int
    text: str


@dataclass
class Score:
    """How one view (extraction or findings) lines up with the labels."""

    on_claims: int = 0  # items on labelled claims (true positives, counted per item)
    on_optional: int = 0
    on_non_claims: Counter[str] = field(default_factory=Counter)  # category -> items
    unlabelled: int = 0
    claims_found: int = 0  # labelled claims with at least one item
    claims_total: int = 0
    non_claims_hit: Counter[str] = field(default_factory=Counter)  # category -> labels with an item
    false_positives: list[tuple[Span, dict[str, Any] | None]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fp(self) -> int:
        return sum(self.on_non_claims.values()) + self.unlabelled

    @property
    def precision(self) -> float:
        n = self.on_claims + self.fp
        return self.on_claims / n if n else 1.0

    @property
    def recall(self) -> float:
        return self.claims_found / self.claims_total if self.claims_total else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "on_claims": self.on_claims, "on_non_claims": sum(self.on_non_claims.values()),
                "unlabelled": self.unlabelled, "on_optional": self.on_optional,
                "claims_found": self.claims_found, "claims_total": self.claims_total,
                "on_non_claims_by_category": dict(sorted(self.on_non_claims.items())),
                "non_claim_labels_hit_by_category": dict(sorted(self.non_claims_hit.items()))}


def front_matter_end(lines: Sequence[str]) -> int:
    """The line of the closing ``---`` of the front matter, 0 when there is none."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((i for i, line in enumerate(lines[1:], 2) if line.strip() == "---"), 0)


def where(label: Mapping[str, Any], unreadable: set[str], corpus: Path = CORPUS) -> str:
    """Where a label sits, for the breakdown of misses: an unreadable entry, the front matter, the body."""
    if label["path"] in unreadable:
        return "unreadable entry"
    lines = (corpus / label["path"]).read_text(encoding="utf-8").split("\n")
    return "front matter" if label["line"] <= front_matter_end(lines) else "body"


def label_span(label: Mapping[str, Any], lines: Sequence[str]) -> tuple[int, int]:
    col = lines[label["line"] - 1].index(label["text"]) + 1
    return col, col + len(label["text"])


def match(item: Span, labels_on_line: Sequence[tuple[dict[str, Any], int, int]]) -> dict[str, Any] | None:
    """The label ``item`` is about: the one whose span it overlaps most, else one whose text it holds."""
    best, overlap = None, 0
    for label, start, end in labels_on_line:
        o = min(end, item.end) - max(start, item.start)
        if o > overlap:
            best, overlap = label, o
    if best is not None:
        return best
    low = item.text.lower()
    for label, _, _ in labels_on_line:
        t = label["text"].lower()
        if t in low or low in t:
            return label
    return None


def score(items: Iterable[Span], labels: Sequence[dict[str, Any]], corpus: Path = CORPUS) -> Score:
    by_line: dict[tuple[str, int], list[tuple[dict[str, Any], int, int]]] = defaultdict(list)
    texts: dict[str, list[str]] = {}
    for label in labels:
        lines = texts.setdefault(label["path"], (corpus / label["path"]).read_text(encoding="utf-8").split("\n"))
        start, end = label_span(label, lines)
        by_line[(label["path"], label["line"])].append((label, start, end))
    s = Score()
    hit: set[int] = set()
    for item in items:
        found = match(item, by_line.get((item.path, item.line), []))
        if found is None:
            s.unlabelled += 1
            s.false_positives.append((item, None))
            continue
        hit.add(id(found))
        if found.get("optional"):
            s.on_optional += 1
        elif found["claim"]:
            s.on_claims += 1
        else:
            s.on_non_claims[found["category"]] += 1
            s.false_positives.append((item, found))
    for label in labels:
        if label.get("optional"):
            continue
        if label["claim"]:
            s.claims_total += 1
            if id(label) in hit:
                s.claims_found += 1
            else:
                s.missed.append(label)
        elif id(label) in hit:
            s.non_claims_hit[label["category"]] += 1
    return s


def _span(path: str, line: int, column: int, end_line: int | None, end_column: int | None, text: str) -> Span:
    end = end_column if end_column and (end_line in (None, line)) else 10**6
    return Span(path, line, column or 1, end, text)


def extracted_claims(kb: Any) -> list[Span]:
    return [_span(e.path, c.line, c.column, c.end_line, c.end_column, c.text) for e in kb.entries for c in e.claims if c.is_claim]


def figure_findings(findings: Iterable[Mapping[str, Any]]) -> list[Span]:
    return [_span(f["path"], f["line"], f.get("column") or 1, f.get("end_line"), f.get("end_column"),
                  (f.get("claim") or {}).get("text", ""))
            for f in findings if f["rule"] in FIGURE_RULES and f.get("line")]


def text_output(report: Any, width: int = 80) -> dict[str, Any]:
    """Lines of ``canon audit``'s text output, in all and per entry, and rows on a ``width`` terminal."""
    from rich.text import Text

    from knowledge.report import render

    plain = Text.from_markup(render(report, "text")).plain.rstrip("\n").split("\n")
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    for line in plain:
        if line and not line.startswith(" "):
            current = line if line.endswith(".md") else None
            if current is not None:
                blocks[current] = [line]
            continue
        if current is not None and line:
            blocks[current].append(line)
    per_entry = [len(b) for b in blocks.values()]
    rows = [sum(max(1, math.ceil(len(x) / width)) for x in b) for b in blocks.values()]
    return {"lines": len(plain), "entries_shown": len(blocks),
            "lines_per_entry_mean": round(statistics.mean(per_entry), 1) if per_entry else 0,
            "lines_per_entry_max": max(per_entry, default=0),
            f"rows_per_entry_at_{width}_columns_mean": round(statistics.mean(rows), 1) if rows else 0,
            f"rows_per_entry_at_{width}_columns_max": max(rows, default=0)}


def measure(work: Path, *, today: date = TODAY, corpus: Path = CORPUS) -> dict[str, Any]:
    """Copy the stories into ``work``, ingest and audit them as a user would, and score both views."""
    from ingest.kb import load_kb
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit
    from knowledge.settings import load_settings

    labels = load_labels(corpus)
    kb_root = copy_kb(work / "kb", corpus)
    settings = load_settings(kb_root, environ={})
    ingest(settings)
    report = run_audit(settings, today=today)
    findings = report.to_dict()["findings"]
    kb = load_kb(settings)
    unreadable = {f.path for f in kb.problems}
    return {"files": len(story_files(corpus)), "entries": len(kb.entries), "unreadable": sorted(unreadable),
            "labels": labels, "findings": findings,
            "extraction": score(extracted_claims(kb), labels, corpus),
            "flagged": score(figure_findings(findings), labels, corpus),
            "text": text_output(report)}


def _pct(x: float) -> str:
    return f"{x:.2f}"


def print_report(res: dict[str, Any], *, show: bool) -> None:
    labels = res["labels"]
    claims = [x for x in labels if x["claim"] and not x.get("optional")]
    cats = Counter(x["category"] for x in labels if not x["claim"] and not x.get("optional"))
    print(f"case studies: {res['files']} files, {res['entries']} entries read, "
          f"unreadable: {', '.join(res['unreadable']) or 'none'}; "
          f"{len(labels)} labelled figure mentions: {len(claims)} claims, {sum(cats.values())} non-claims, "
          f"{sum(1 for x in labels if x.get('optional'))} optional")
    print("\n(a) is it a claim?                         extraction          findings (figure rules)")
    ex, fl = res["extraction"], res["flagged"]
    print(f"    precision / recall / F1                {_pct(ex.precision)} / {_pct(ex.recall)} / {_pct(ex.f1)}"
          f"    {_pct(fl.precision)} / {_pct(fl.recall)} / {_pct(fl.f1)}")
    print(f"    on labelled claims (of {len(claims):>3})            {ex.claims_found:>4} labels {ex.on_claims:>4} items"
          f"   {fl.claims_found:>4} labels {fl.on_claims:>4} items")
    print(f"    on labelled non-claims                {sum(ex.on_non_claims.values()):>4} items"
          f"              {sum(fl.on_non_claims.values()):>4} items")
    for cat, n in sorted(cats.items(), key=lambda kv: -kv[1]):
        print(f"      {cat:<20} ({n:>3} labels)    {ex.on_non_claims[cat]:>4} items on {ex.non_claims_hit[cat]:>3}"
              f"         {fl.on_non_claims[cat]:>4} items on {fl.non_claims_hit[cat]:>3}")
    print(f"    on no label                           {ex.unlabelled:>4} items              {fl.unlabelled:>4} items")
    print(f"    on optional labels                    {ex.on_optional:>4} items              {fl.on_optional:>4} items")
    unreadable = set(res["unreadable"])
    for name, s in (("extraction", ex), ("findings", fl)):
        missed = Counter(where(x, unreadable) for x in s.missed)
        print(f"    {name} misses {len(s.missed)} claims: "
              + ", ".join(f"{n} in {w}" for w, n in missed.most_common()))
    print("\n(b) findings per rule")
    for rule, n in Counter(f["rule"] for f in res["findings"]).most_common():
        print(f"    {rule:<20} {n}")
    per_file = Counter(f["path"] for f in res["findings"])
    print(f"    per file: {len(per_file)} of {res['files']} files have findings; "
          f"median {statistics.median(per_file.values()) if per_file else 0}, max {max(per_file.values(), default=0)}")
    for path, n in sorted(per_file.items()):
        print(f"      {path:<40} {n}")
    t = res["text"]
    print("\n(c) canon audit text output")
    print(f"    {t['lines']} lines; {t['entries_shown']} entries shown; per entry: mean {t['lines_per_entry_mean']}, "
          f"max {t['lines_per_entry_max']} lines; on an 80-column terminal mean "
          f"{t['rows_per_entry_at_80_columns_mean']}, max {t['rows_per_entry_at_80_columns_max']} rows")
    if show:
        for name, s in (("extraction", ex), ("findings", fl)):
            print(f"\n[{name}] false positives")
            for item, label in s.false_positives:
                what = f"{label['category']}: {label['text']!r}" if label else "unlabelled"
                print(f"    {item.path}:{item.line}  {item.text!r}  ({what})")
            print(f"[{name}] missed claims")
            for label in s.missed:
                print(f"    {label['path']}:{label['line']}  {label['text']!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--today", type=date.fromisoformat, default=TODAY, help=f"audit date (default {TODAY})")
    ap.add_argument("--fake", action="store_true", help="the fake embedder instead of the model")
    ap.add_argument("--show", action="store_true", help="list false positives and missed claims")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args()
    if args.fake:
        os.environ["CANON_EMBEDDER"] = "fake"
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="canon-case-studies-") as tmp:
        res = measure(Path(tmp), today=args.today)
    print_report(res, show=args.show)
    if args.json:
        out = {"files": res["files"], "entries": res["entries"], "extraction": res["extraction"].summary(),
               "findings": res["flagged"].summary(), "rules": dict(Counter(f["rule"] for f in res["findings"])),
               "text": res["text"]}
        out["unreadable"] = res["unreadable"]
        unreadable = set(res["unreadable"])
        for name, key in (("extraction", "extraction"), ("flagged", "findings")):
            out[key]["missed_by_location"] = dict(Counter(where(x, unreadable) for x in res[name].missed))
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
