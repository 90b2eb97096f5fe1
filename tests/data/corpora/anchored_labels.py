"""What the figure-rule corpora's ``build_labels.py`` share: labels that name a file and an anchor
string found on exactly one line of it, turned into ``labels.json`` with the line numbers taken
from the files, so that the labels follow the text when it moves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIGURE_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]
# the rules that may not report a figure that is no claim of the company's
CLAIMS_NOT = ["unsourced-claim", "unsupported-claim", "metric-conflict", "rep-misstatement", "retired-claim"]


def line_of(path: Path, anchor: str, here: Path) -> int:
    lines = [i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if anchor in text]
    if len(lines) != 1:
        raise SystemExit(f"{path.relative_to(here)}: anchor {anchor!r} on {len(lines)} lines, want 1")
    return lines[0]


def expected(items: list[Any], base: Path, here: Path) -> list[dict[str, Any]]:
    """``(rule, path, anchor, note, extra fields)`` -> expected findings; ``alt_lines_anchor`` in the
    extra fields names the anchors of the other lines a finding may stand on."""
    out = []
    for rule, rel, anchor, note, extra in items:
        item = {"rule": rule, "path": rel, "line": line_of(base / rel, anchor, here), "note": note}
        for k, v in extra.items():
            if k == "alt_lines_anchor":
                item["alt_lines"] = [line_of(base / rel, a, here) for a in v]
            else:
                item[k] = v
        out.append(item)
    return out


def negatives(items: list[Any], base: Path, here: Path, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``(path, anchor, note, rules)`` -> lines where none of ``rules`` may report; one that is also
    an expected finding of one of those rules is a labelling mistake."""
    out = []
    for rel, anchor, note, rules in items:
        line = line_of(base / rel, anchor, here)
        clash = [e for e in found if e["path"] == rel and e["rule"] in rules
                 and line in (e["line"], *e.get("alt_lines", []))]
        if clash:
            raise SystemExit(f"{rel}:{line} is both a negative and an expected {clash[0]['rule']}")
        out.append({"path": rel, "line": line, "rules": rules, "note": note})
    return out


def write_labels(here: Path, *, today: str, drafts: list[str], audit_expected: list[Any],
                 audit_negatives: list[Any], check_expected: list[Any], check_negatives: list[Any]) -> None:
    """``here/labels.json``: the audit of ``here/kb`` and the check of the drafts."""
    kb = here / "kb"
    audit = expected(audit_expected, kb, here)
    check = expected(check_expected, here, here)
    labels = {
        "today": today,
        "kb": "kb",
        "drafts": drafts,
        "audit": {"rules": FIGURE_RULES, "expected": audit, "negatives": negatives(audit_negatives, kb, here, audit)},
        "check": {"rules": CHECK_RULES, "expected": check, "negatives": negatives(check_negatives, here, here, check)},
    }
    (here / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n_opt = sum(1 for e in audit + check if e.get("optional"))
    print(f"audit: {len(audit)} expected, {len(labels['audit']['negatives'])} negatives; "
          f"check: {len(check)} expected, {len(labels['check']['negatives'])} negatives ({n_opt} optional)")
