"""The case-study corpus holds together: every label points at text that is there, every story is
accounted for in its company's SOURCES.md, and the scoring the benchmark uses counts what it says.

No model: these read files and score hand-made spans.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench.case_studies import (
    CORPUS,
    Span,
    copy_kb,
    front_matter_end,
    load_labels,
    score,
    story_files,
)

CATEGORIES = {
    "time-span", "contract-term", "logistics", "prospect-situation", "heading-label", "count-in-text",
    "rollout-step", "calculation-input", "name-or-spec", "figurative", "sample-size", "date-or-year",
    "version", "price-or-plan", "other",
}
KEYS = {"path", "line", "text", "sentence", "claim", "category", "optional", "note"}
LABELS = load_labels()


def _lines(path: str) -> list[str]:
    return (CORPUS / path).read_text(encoding="utf-8").split("\n")


def test_corpus_has_stories_from_several_publishers() -> None:
    companies = Counter(p.parent.name for p in story_files())
    assert len(companies) >= 3
    assert 25 <= sum(companies.values()) <= 40
    assert sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file()) < 2_000_000


@pytest.mark.parametrize("label", LABELS, ids=lambda x: f"{x['path']}:{x['line']}:{x['text']}")
def test_label_points_at_its_text(label: dict) -> None:
    assert set(label) <= KEYS
    lines = _lines(label["path"])
    assert 1 <= label["line"] <= len(lines)
    line = lines[label["line"] - 1]
    # Spans are found by text on the line, so a text must say which occurrence it means.
    assert line.count(label["text"]) == 1, line
    assert label["text"] in label["sentence"]
    assert label["sentence"] in line
    assert isinstance(label["claim"], bool)
    if label["claim"]:
        assert "category" not in label
    else:
        assert label["category"] in CATEGORIES
    assert label.get("optional", False) in (True, False)


def test_labels_are_unique_and_in_file_order() -> None:
    keys = [(x["path"], x["line"], x["text"]) for x in LABELS]
    assert len(keys) == len(set(keys))
    order = [(x["path"], x["line"]) for x in LABELS]
    assert order == sorted(order)


def test_labels_cover_only_stories() -> None:
    stories = {p.relative_to(CORPUS).as_posix() for p in story_files()}
    assert {x["path"] for x in LABELS} <= stories


def test_front_matter_labels_are_on_prose_keys() -> None:
    # Dates, image paths and ids in front matter are not figure mentions; prose fields are.
    prose = re.compile(r"^\s*(title|meta_title|description|meta_description|about|text|\{ stat):")
    for label in LABELS:
        lines = _lines(label["path"])
        if label["line"] <= front_matter_end(lines):
            assert prose.match(lines[label["line"] - 1]), label


@pytest.mark.parametrize("company", sorted({p.parent for p in story_files()}), ids=lambda p: p.name)
def test_every_story_has_a_source_row_and_a_licence(company: Path) -> None:
    sources = (company / "SOURCES.md").read_text(encoding="utf-8")
    assert (company / "LICENSE").is_file()
    listed = set(re.findall(r"^\| `([^`]+)` \| `[^`]+` \| `([0-9a-f]{40})` \|$", sources, re.M))
    files = {name for name, _commit in listed}
    assert files == {p.name for p in company.glob("*.md") if p.name != "SOURCES.md"}
    assert re.search(r"^- Licence: ", sources, re.M) and re.search(r"^- Copyright holder: ", sources, re.M)


def test_copy_kb_takes_the_stories_and_nothing_else(tmp_path: Path) -> None:
    kb = copy_kb(tmp_path)
    copied = sorted(p.relative_to(kb).as_posix() for p in kb.rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(CORPUS).as_posix() for p in story_files())
    assert not (kb / "canon.toml").exists()


def _at(label: dict, text: str | None = None) -> Span:
    line = _lines(label["path"])[label["line"] - 1]
    col = line.index(label["text"]) + 1
    return Span(label["path"], label["line"], col, col + len(label["text"]), text or label["text"])


def test_score_counts_hits_false_positives_and_misses() -> None:
    claim = next(x for x in LABELS if x["claim"] and not x.get("optional"))
    non_claim = next(x for x in LABELS if not x["claim"] and not x.get("optional"))
    stray = Span(claim["path"], claim["line"] + 10_000, 1, 5, "nowhere")
    s = score([_at(claim), _at(claim), _at(non_claim), stray], LABELS)
    assert s.on_claims == 2 and s.claims_found == 1
    assert s.on_non_claims == Counter({non_claim["category"]: 1})
    assert s.non_claims_hit == Counter({non_claim["category"]: 1})
    assert s.unlabelled == 1
    assert s.claims_total == sum(1 for x in LABELS if x["claim"] and not x.get("optional"))
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(1 / s.claims_total)
    assert len(s.missed) == s.claims_total - 1


def test_score_matches_by_overlap_then_by_text() -> None:
    # Two labels on one line: a span that overlaps one of them is that one, whatever its text says.
    line_labels = Counter((x["path"], x["line"]) for x in LABELS)
    path, line = next(k for k, n in line_labels.items() if n >= 2)
    first, second = [x for x in LABELS if (x["path"], x["line"]) == (path, line)][:2]
    s = score([_at(second, text="something else")], LABELS)
    hit = s.on_claims + sum(s.on_non_claims.values()) + s.on_optional
    assert hit == 1 and s.unlabelled == 0
    if not second["claim"] and not second.get("optional"):
        assert s.non_claims_hit == Counter({second["category"]: 1})
    # No overlap (a column past the line's end) but the text names the label: still that label.
    far = Span(path, line, 10_000, 10_010, f"about {first['text']} here")
    s = score([far], LABELS)
    assert s.unlabelled == 0
