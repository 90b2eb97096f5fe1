"""Data-driven cases of the rules: ``tests/data/rules/<rule-id>/*.yaml`` (the structural rules
here, the figure rules in ``test_figures.py``, through the same runner).

Each case file holds one KB (Markdown files, parsed by the real ingest code so that lines are
the lines a user sees), optionally drafts, and the findings of that rule it must produce, no more
and no fewer::

    description: what the case shows
    today: 2026-11-01                  # optional
    canon_toml: |                      # optional
      [kb]
      review_every = "90d"
    files:
      proof/a.md: |
        ---
        type: proof_point
        ---
    drafts:                            # optional: run the rule's draft check on these
      drafts/launch.md: |
        Text.
    calls:                             # optional: call transcripts, as files of the KB
      calls/acme.txt: |
        Jordan Lee: We cut onboarding to six weeks.
    findings:
      - path: proof/a.md
        line: 2
        severity: warning              # optional
        message: ["words", "the message holds"]   # optional
        related: [{path: proof/b.md}]  # optional: keys given must match
        entry: proof/a                 # optional

Cases run through ``knowledge.audit.audit``/``check``, so suppression and severities apply as
they do for users. Vectors come from the deterministic fake embedder.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.audit import audit, check
from knowledge.embedding import FakeEmbedder
from knowledge.model import Finding
from knowledge.rules import AuditContext

DATA = Path(__file__).resolve().parents[2] / "data" / "rules"
RULES = ("invalid-entry", "broken-reference", "missing-owner", "duplicate-entry")
DEFAULT_TODAY = date(2026, 11, 1)


def case_files(rules: tuple[str, ...] = RULES) -> list[Path]:
    return sorted(p for rule in rules for p in (DATA / rule).glob("*.yaml"))


def run_case(path: Path, tmp_path: Path, embedder: Any = None) -> tuple[dict[str, Any], list[Finding]]:
    """Build the case's KB (``files``), its calls (``calls``) and drafts (``drafts``), and run its
    rule (the folder's name): the case and the findings."""
    from ingest.calls import parse_call
    from ingest.drafts import parse_draft_text
    from ingest.kb import load_kb
    from knowledge.settings import load_settings

    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    rule_id = path.parent.name
    root = tmp_path / "kb"
    root.mkdir()
    if case.get("canon_toml"):
        (root / "canon.toml").write_text(case["canon_toml"], encoding="utf-8")
    settings = load_settings(root, environ={})
    files = {rel: text.encode("utf-8") for rel, text in (case.get("files") or {}).items()}
    kb = load_kb(settings, files=files)
    today = case.get("today") or DEFAULT_TODAY
    calls = [parse_call(root / rel, rel=rel, settings=settings.calls, text=text)
             for rel, text in (case.get("calls") or {}).items()]
    ctx = AuditContext(settings=settings, kb=kb, today=today, calls=calls,
                       vectors=(embedder or FakeEmbedder()).embed)
    findings = list(audit(ctx, [rule_id]).findings)
    drafts = [parse_draft_text(text, rel) for rel, text in (case.get("drafts") or {}).items()]
    if drafts:
        findings += check(ctx, drafts, [rule_id]).findings
    return case, findings


def _matches(want: dict[str, Any], got: Finding) -> bool:
    if (want["path"], want["line"]) != (got.path, got.line):
        return False
    if "severity" in want and want["severity"] != got.severity:
        return False
    if "entry" in want and want["entry"] != got.entry:
        return False
    words = want.get("message") or []
    if isinstance(words, str):
        words = [words]
    if not all(w in got.message for w in words):
        return False
    for i, rel in enumerate(want.get("related") or []):
        if i >= len(got.related) or any(got.related[i].get(k) != v for k, v in rel.items()):
            return False
    return True


def check_case(path: Path, tmp_path: Path, embedder: Any = None) -> None:
    case, findings = run_case(path, tmp_path, embedder)
    expected = case.get("findings") or []
    shown = "\n".join(f"  {f.path}:{f.line} {f.severity} {f.rule} {f.message} {f.related or ''}" for f in findings)
    assert len(findings) == len(expected), f"{case.get('description', '')}\ngot:\n{shown}"
    unmatched = list(findings)
    for want in expected:
        hit = next((f for f in unmatched if _matches(want, f)), None)
        assert hit is not None, f"{case.get('description', '')}\nexpected {want}\ngot:\n{shown}"
        unmatched.remove(hit)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_rule_case(path: Path, tmp_path: Path) -> None:
    check_case(path, tmp_path)


@pytest.mark.model
@pytest.mark.parametrize("path", case_files(("duplicate-entry",)), ids=lambda p: p.stem)
def test_duplicate_cases_with_the_real_model(path: Path, tmp_path: Path) -> None:
    """The similarity thresholds are the model's: the same cases hold with it."""
    from knowledge.embedding import MiniLMNumpyEmbedder

    check_case(path, tmp_path, MiniLMNumpyEmbedder())


def test_every_structural_rule_has_cases_with_and_without_findings() -> None:
    for rule in RULES:
        cases = [yaml.safe_load(p.read_text()) for p in case_files((rule,))]
        assert any(c.get("findings") for c in cases), rule
        assert any(not c.get("findings") for c in cases), rule
