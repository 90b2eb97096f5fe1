"""Reading KB entries: the schema, every kind of bad input, and real corpora.

Cases of bad input live in ``tests/data/kb_cases/*.yml``: the files to write (text, or
``{encoding, text}`` for bytes that are not UTF-8), the findings expected (every one of them, each
with its path, line and words its message must hold) and fields of the entries that must result.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.kb import content_hash, iter_entry_files, load_kb, parse_entry
from knowledge.model import Entry, Finding
from knowledge.settings import Settings, load_settings
from knowledge.text.markup import BRK, mask, mask_block

HERE = Path(__file__).resolve()
CASES = HERE.parents[1] / "data" / "kb_cases"
CORPORA = HERE.parents[2].parent / "shared" / "corpora"
NORTHWIND_KB = CORPORA / "northwind" / "kb"


# --------------------------------------------------------------------------------------------
# Data-driven cases


def _bytes(content: Any) -> bytes:
    if isinstance(content, dict):
        return str(content["text"]).encode(content["encoding"])
    return str(content).encode("utf-8")


def _write(root: Path, files: dict[str, Any]) -> None:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(_bytes(content))


def _matches(actual: Any, expected: Any, where: str) -> None:
    """``expected`` is a subset of ``actual`` (an object, dict or list), recursively."""
    if isinstance(expected, dict):
        for key, want in expected.items():
            if isinstance(actual, dict):
                # key_lines / line_ignores / extra: YAML gives ints and strings as keys
                have = actual.get(key, actual.get(str(key), "<missing>"))
            else:
                have = getattr(actual, str(key), "<missing>")
            _matches(have, want, f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(actual, set):
        assert sorted(actual) == sorted(expected), where
    elif isinstance(expected, list) and isinstance(actual, tuple):
        assert list(actual) == expected, where
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        assert len(actual) == len(expected), f"{where}: {actual!r}"
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            _matches(a, e, f"{where}[{i}]")
    elif isinstance(expected, date) and isinstance(actual, str):
        assert actual == expected.isoformat(), where
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def _check_findings(found: list[Finding], expected: list[dict[str, Any]]) -> None:
    listing = "\n".join(f"  {f.path}:{f.line}:{f.column} {f.message}" for f in found)
    assert len(found) == len(expected), f"expected {len(expected)} findings, got:\n{listing}"
    for f in found:
        assert f.rule == "invalid-entry" and f.severity in ("error", "warning")
        assert f.message and f.line >= 1
    for want in expected:
        hits = [f for f in found if f.path == want["path"] and f.line == want["line"]
                and f.severity == want.get("severity", "error")
                and f.column == want.get("column", f.column)
                and all(w in f.message for w in want.get("message", []))]
        assert hits, f"no finding like {want} among:\n{listing}"
        if "related" in want:
            _matches(hits[0].related, want["related"], "related")


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.yml"))


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_kb_case(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    _write(tmp_path, spec["files"])
    kb = load_kb(load_settings(tmp_path))
    _check_findings(kb.problems, spec.get("findings") or [])
    by_id = kb.by_id()
    for entry_id, fields in (spec.get("entries") or {}).items():
        assert entry_id in by_id, f"{entry_id} missing; entries: {sorted(by_id)}"
        _matches(by_id[entry_id], fields, entry_id)
    for entry_id in spec.get("absent", []):
        assert entry_id not in by_id
    # Parsing from memory gives the same result as reading the disk.
    again = load_kb(load_settings(tmp_path), files={k: _bytes(v) for k, v in spec["files"].items()})
    assert [f.to_dict() for f in again.problems] == [f.to_dict() for f in kb.problems]
    assert [e.id for e in again.entries] == [e.id for e in kb.entries]


def test_every_case_file_is_well_formed() -> None:
    assert len(_cases()) >= 15
    for case in _cases():
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        assert spec.get("description") and spec.get("files"), case.name


# --------------------------------------------------------------------------------------------
# Files, ids, hashes


def test_iter_entry_files_skips_hidden_and_index(tmp_path: Path) -> None:
    for rel in ["a.md", "sub/b.md", "sub/deep/c.MD", ".hidden/x.md", "sub/.y.md", ".canon/z.md",
                "index-here/i.md", "notes.txt", "sub/readme.markdown"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("# x\n")
    settings = load_settings(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in iter_entry_files(settings)] == [
        "a.md", "index-here/i.md", "sub/b.md", "sub/deep/c.MD"]
    settings.index.path = "index-here"
    assert "index-here/i.md" not in [p.relative_to(tmp_path).as_posix() for p in iter_entry_files(settings)]


def test_iter_entry_files_does_not_follow_folder_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "e.md").write_text("x")
    try:
        (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks here")
    assert [p.name for p in iter_entry_files(load_settings(tmp_path))] == ["e.md"]


def test_content_hash_is_sha256() -> None:
    assert content_hash(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_parse_entry_paths_are_posix_and_relative(tmp_path: Path) -> None:
    raw = b"---\nreviewed: soon\n---\n# T\n"
    entry, findings = parse_entry(tmp_path, tmp_path / "x" / "y.md", raw, Settings(root=tmp_path))
    assert entry is not None and entry.id == "x/y" and entry.path == "x/y.md"
    assert entry.content_hash == content_hash(raw)
    assert [(f.path, f.line, f.entry) for f in findings] == [("x/y.md", 2, "x/y")]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.md").write_text("# ok\n")
    (tmp_path / "locked.md").write_text("# locked\n")
    import os

    real = os.open

    def open_(path: Any, flags: int, *args: Any) -> int:
        if str(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)
    kb = load_kb(load_settings(tmp_path))
    assert [e.id for e in kb.entries] == ["ok"]
    assert [(f.path, f.line, f.rule) for f in kb.problems] == [("locked.md", 1, "invalid-entry")]
    assert "cannot be read: Permission denied" in kb.problems[0].message


# --------------------------------------------------------------------------------------------
# Body: blocks, claims, title


BODY = """---
type: proof_point
title: Go-live
---

# Time to go live

The median customer goes live in 6 weeks, see [the 2019/11 study](https://example.com/2019/11/12).

1. First step takes `3 days` of setup.
2. Second step:
   - nested item saves 40% of the time

> Customers quote 5x faster approvals.

| Measure | Before | After |
|---|---|---|
| Cycle time | 14 days | 3 days |

```
value: 99
```

Setext heading: 7 weeks
-----------------------
"""


def _entry(text: str, rel: str = "e.md") -> tuple[Entry, list[Finding]]:
    root = Path("/kb")
    entry, findings = parse_entry(root, root / rel, text.encode(), Settings(root=root))
    assert entry is not None
    return entry, findings


def _covers(entry_or_claims: Any, line: int, column: int) -> bool:
    claims = entry_or_claims.claims if hasattr(entry_or_claims, "claims") else entry_or_claims
    return any(c.line == line and c.column <= column <= max(c.end_column, c.column) for c in claims)


def test_blocks_have_file_lines_and_sections() -> None:
    entry, findings = _entry(BODY)
    assert findings == []
    assert entry.body_line == 5
    kinds = [(b.kind, b.line, b.end_line, b.section) for b in entry.blocks]
    assert kinds == [
        ("heading", 6, 6, "Time to go live"),
        ("paragraph", 8, 8, "Time to go live"),
        ("list_item", 10, 10, "Time to go live"),
        ("list_item", 11, 12, "Time to go live"),
        ("list_item", 12, 12, "Time to go live"),
        ("blockquote", 14, 14, "Time to go live"),
        ("table", 16, 18, "Time to go live"),
        ("code", 20, 22, "Time to go live"),
        ("heading", 24, 25, "Setext heading: 7 weeks"),
    ]
    texts = {b.kind: b.text for b in entry.blocks}
    assert texts["paragraph"] == ("The median customer goes live in 6 weeks, see the 2019/11 study.")
    assert texts["table"] == "Measure | Before | After\nCycle time | 14 days | 3 days"
    assert texts["code"] == "value: 99"
    assert entry.blocks[3].text == "Second step:"  # the nested item is a block of its own
    assert entry.title == "Go-live"  # front matter wins over the H1


def test_claims_point_into_the_file_and_skip_markup() -> None:
    entry, _ = _entry(BODY)
    lines = BODY.split("\n")

    def col(line: int, needle: str) -> int:
        return lines[line - 1].index(needle) + 1

    assert _covers(entry, 8, col(8, "6 weeks"))
    assert _covers(entry, 12, col(12, "40%"))
    assert _covers(entry, 14, col(14, "5x"))
    assert _covers(entry, 18, col(18, "14 days"))
    assert _covers(entry, 24, col(24, "7 weeks"))
    # list numbers, URLs, link targets, code spans and code blocks hold no claims
    assert not _covers(entry, 10, 1)
    assert not _covers(entry, 8, col(8, "2019/11/12"))
    assert not _covers(entry, 10, col(10, "3 days"))
    assert not any(c.line in (20, 21, 22) for c in entry.claims)
    for c in entry.claims:
        assert c.extra.get("section") and c.extra.get("block") in ("paragraph", "list_item", "blockquote",
                                                                   "table", "heading")


def test_title_defaults_to_first_h1_then_file_name() -> None:
    assert _entry("intro\n\n## two\n\n# One\n\n# Other\n")[0].title == "One"
    assert _entry("## two\n", rel="dir/my-entry.md")[0].title == "my-entry"
    assert _entry("Setext\n======\n")[0].title == "Setext"


def test_block_masker_keeps_lengths_and_lines() -> None:
    text = "**6 weeks** per [study](https://x.io/2019) `v2` <!-- c 5 -->\nnext <sup>1</sup> [^2] line"
    masked = mask_block(text)
    assert len(masked) == len(text) and masked.count("\n") == 1
    assert "6 weeks" in masked and "study" in masked
    for gone in ("2019", "v2", "5", "1", "2", "**", "]("):
        assert gone not in masked.replace("6 weeks", "")


def test_block_masker_keeps_a_label_that_a_transcript_would_read_as_a_speaker() -> None:
    # the note under a table is found by its "Source:" label; a page has no speakers or cues
    note = "Source: Acme 2026 Clinic Benchmark, opened 9:30 Monday."
    assert mask_block(note) == note
    assert mask("Source: we saw 30% fewer no-shows.").startswith(BRK * len("Source:"))


def test_a_note_under_a_table_sources_its_rows() -> None:
    text = ("| Reminder | Missed |\n|---|---|\n| Letter only | 11% |\n\n"
            "Source: Acme 2026 Clinic Benchmark.\n")
    claims = [c for c in _entry(text)[0].claims if c.block == "table"]
    assert claims and all(c.source is not None and c.source.title == "Acme 2026 Clinic Benchmark" for c in claims)


def test_block_masker_blanks_inline_components_whole() -> None:
    text = 'Results <Quote quote="Routes took 3 hours less." /> after 6 weeks.'
    masked = mask_block(text)
    assert len(masked) == len(text) and "6 weeks" in masked and "3 hours" not in masked


# --------------------------------------------------------------------------------------------
# Large files


def test_an_entry_at_the_size_limit_parses_and_one_over_it_is_refused(tmp_path: Path) -> None:
    from ingest.limits import MAX_ENTRY_BYTES

    # Long prose paragraphs with a figure every tenth: the parse is exercised in full, and the claim
    # extractor is not made to find a hundred thousand figures (bench/bench_parse.py times that).
    sentence = "Approvals move from email into chat, so nobody has to log in to approve an invoice. "
    prose = "\n".join([sentence * 4] * 5) + "\n\n"
    figure = "Teams close the month in 6 days instead of 10.\n\n"
    parts: list[str] = ["---\ntype: article\ntitle: Huge\n---\n\n"]
    size, n = 0, 0
    while size < MAX_ENTRY_BYTES - 1000:
        chunk = f"## Section {n}\n\n" if n % 50 == 0 else figure if n % 10 == 5 else prose
        parts.append(chunk)
        size += len(chunk)
        n += 1
    parts.append(figure)
    raw = "".join(parts).encode()
    (tmp_path / "huge.md").write_bytes(raw)
    (tmp_path / "small.md").write_text("# Small\n\nIt saves 3 hours.\n")
    kb = load_kb(load_settings(tmp_path))
    assert kb.problems == []
    huge = kb.by_id()["huge"]
    assert MAX_ENTRY_BYTES - 1000 <= len(raw) <= MAX_ENTRY_BYTES
    assert len(huge.blocks) > 2_000 and huge.title == "Huge"
    last = huge.blocks[-1]
    assert last.line == raw.count(b"\n") - 1  # counted in the file, after 4 MB
    assert _covers(huge, last.line, len("Teams close the month in ") + 1)
    assert kb.by_id()["small"].title == "Small"

    (tmp_path / "huge.md").write_bytes(raw + b"x" * (MAX_ENTRY_BYTES + 1 - len(raw)))
    kb = load_kb(load_settings(tmp_path))
    assert "huge" not in kb.by_id()
    [problem] = kb.problems
    assert (problem.path, problem.line, problem.severity) == ("huge.md", 1, "error")
    assert "over canon's limit of 4.0 MB" in problem.message and "split it" in problem.message


def test_the_units_a_metric_is_told_to_write_are_read_as_it_says():
    """The help for a metric without a unit names units: each must be read as the kind it is named
    for, and free text as a count (the help's own examples, in three industries' nouns)."""
    from ingest.kb import UNITS_HELP
    from knowledge.units import kind_of, normalize

    named = {"percent": "percent", "%": "percent", "x": "multiplier", "USD": "currency", "EUR": "currency",
             "GBP": "currency", "minutes": "duration", "hours": "duration", "days": "duration",
             "weeks": "duration", "months": "duration", "years": "duration", "number": "number"}
    for unit, kind in named.items():
        assert unit in UNITS_HELP and kind_of(unit) == kind, unit
    assert normalize(6, "slots per hour")[1:] == ("slots/hour", "count") and "slots/hour" in UNITS_HELP
    assert normalize(120, "customers")[1:] == ("customers", "count") and "unit: customers" in UNITS_HELP
    for unit, read in (("grooms a day", "grooms/day"), ("skaters", "skaters"), ("shows per week", "shows/week")):
        assert normalize(1, unit)[1:] == (read, "count"), unit


# --------------------------------------------------------------------------------------------
# Real corpora


def _corpus(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"{path} is not here")
    return path


def by_id_of(kb: Any) -> dict[str, Entry]:
    return {e.id: e for e in kb.entries}


def test_northwind_kb() -> None:
    root = _corpus(NORTHWIND_KB)
    kb = load_kb(load_settings(root))
    assert [(f.rule, f.path, f.line) for f in kb.problems] == [("invalid-entry", "case-studies/woodgrove.md", 3)]
    assert "not valid YAML" in kb.problems[0].message
    files = iter_entry_files(load_settings(root))
    assert len(kb.entries) == len(files) == 39
    woodgrove = by_id_of(kb)["case-studies/woodgrove"]  # its body is still read, as a draft
    assert woodgrove.status == "draft" and woodgrove.type == "article" and woodgrove.blocks
    by_id = kb.by_id()
    go = by_id["proof-points/go-live"]
    assert go.type == "proof_point" and go.reviewed == date(2026, 7, 30)
    [metric] = go.metrics
    assert (metric.id, metric.value, metric.unit, metric.as_of, metric.line) == ("median-go-live", 6.0, "weeks",
                                                                                 "2026-05", 13)
    assert go.sources[0].date == date(2026, 5, 20) and go.sources[0].date_line == 9
    assert _covers(go, 22, go.body.split("\n")[22 - go.body_line].index("6 weeks") + 1)
    assert "objections/security-review" in by_id  # an explicit id
    assert by_id["website/faq"].extra["layout"] == "faq"
    assert by_id["proof-points/first-year-roi"].status == "retired"
    assert sum(e.type == "article" for e in kb.entries) >= 3


@pytest.mark.parametrize("name", ["gitlab-handbook", "sourcegraph-handbook"])
def test_real_handbooks(name: str) -> None:
    root = _corpus(CORPORA / "real" / name)
    kb = load_kb(load_settings(root))
    assert kb.problems == []
    assert len(kb.entries) == len(iter_entry_files(load_settings(root)))
    for e in kb.entries:
        assert e.type == "article" and e.status == "approved" and e.title
        assert all(b.line >= e.body_line for b in e.blocks)
    if name == "gitlab-handbook":
        pp = kb.by_id()["proof-points"]
        assert pp.title == "Proof Points" and "layout" in pp.extra and pp.claims


def test_a_one_line_sources_warning_shows_the_value_once_and_shortened() -> None:
    title = "Lumen billing records, October 2026, " + "pulled by finance for the board pack " * 5
    _, findings = _entry(f"---\ntitle: T\ntype: proof-point\nsources: {title}\n---\n\nBody.\n")
    warning = next(f.message for f in findings if "one line of text" in f.message)
    assert warning.count("Lumen billing records") == 1 and title.strip() not in warning
    assert "'  - title: Lumen billing records, October 2026, pulled by finance for…'" in warning


@pytest.mark.parametrize(("key", "line", "items"), [
    ("topics", "billing, insurance", ["billing", "insurance"]),  # a hearing-care clinic's wiki
    ("audience", "public, partners", ["public", "partners"]),  # a logistics company's
    ("supersedes", "pricing/2025 ,pricing/2024,", ["pricing/2025", "pricing/2024"]),  # a bakery chain's
])
def test_a_comma_line_where_a_list_of_names_is_expected_is_split_with_a_warning(key, line, items) -> None:
    entry, findings = _entry(f"---\ntitle: T\ntype: article\n{key}: {line}\n---\n\nBody.\n")
    assert getattr(entry, key) == items
    (warning,) = [f for f in findings if "one line of text" in f.message]
    assert warning.severity == "warning" and warning.line == 4
    assert f"{key}: [{', '.join(items)}]" in warning.message and "split at its commas" in warning.message


@pytest.mark.parametrize(("key", "line"), [
    ("topics", "billing"),  # one name: a list of one, nothing to say
    ("answers", "Does it work with Noah, or with Sycle?"),  # a question may hold a comma
    ("examples", "Cut no-shows by 31%, on average"),
])
def test_a_one_line_list_without_a_list_of_names_in_it_is_one_item_and_no_warning(key, line) -> None:
    entry, findings = _entry(f"---\ntitle: T\ntype: article\n{key}: {line}\n---\n\nBody.\n")
    assert getattr(entry, key) == [line]
    assert not [f for f in findings if "one line of text" in f.message]


@pytest.mark.parametrize(("line", "cause"), [
    ("Customer Logo: ![logo](../images/x.png)", "a value starting with '!' is read as a YAML tag: put the whole "
     "value in quotes"),  # a hearing-care clinic's exported wiki
    ("tagline: !important, read first", "'!' is read as a YAML tag"),
    ("owner: *Dana* Ortiz", "'*' is read as a YAML alias"),  # a logistics company's
    ("title: & Co. freight terms", "'&' is read as a YAML anchor"),
    ("owner: @dana", "'@' is refused by YAML"),  # a bakery chain's
    ("title: `canon` basics", "'`' is refused by YAML"),
    ("title: | flour | sugar |", "'|' opens a YAML block of text"),
    ('title: "Best" hearing care', "ends where its quote closes"),
    ("title: Pricing: the basics", "a value contains ': ', which YAML reads as the start of another key; put the "
     "whole value in quotes"),
])
def test_a_yaml_error_from_a_value_s_first_character_names_the_cause(line, cause) -> None:
    entry, findings = _entry(f"---\ntitle: T\ntype: article\n{line}\n---\n\nBody.\n")
    (error,) = findings
    assert error.line == 4 and error.severity == "error" and cause in error.message, error.message
    assert entry.status == "draft"


@pytest.mark.parametrize("line", ["title: Logo ![logo](x.png) inside", "title: 5 * 3 = 15 stations",
                                  "title: Smith & Co", "owner: dana@sonaro.example", "title: Q3 - the plan"])
def test_the_same_characters_inside_a_value_are_plain_text(line) -> None:
    entry, findings = _entry(f"---\ntype: article\n{line}\n---\n\nBody.\n")
    assert findings == [] and line.split(": ", 1)[1] in (entry.title, entry.owner)


@pytest.mark.parametrize(("line", "title", "said"), [
    # a hearing-care clinic's ranking, a tax adviser's partner page, a freight broker's lane sheet
    ("title: #1 in clinics", "a", "'#' is read as a YAML comment (a '#' after a space) so title is empty; put the "
     'whole value in quotes: title: "#1 in clinics"'),
    ("title: &Co partners", "partners", "'&' is read as a YAML anchor (a name for the value after it) named 'Co', "
     "so title is read as 'partners'; put the whole value in quotes: title: \"&Co partners\""),
    ("title: #TopLane Rotterdam", "a", "so title is empty"),
])
def test_a_value_yaml_reads_as_a_comment_or_an_anchor_is_a_warning_at_its_line(line, title, said) -> None:
    entry, findings = _entry(f"---\ntype: article\n{line}\n---\n\nBody.\n", rel="a.md")
    (warning,) = findings
    assert (warning.severity, warning.line, warning.column) == ("warning", 3, 8)
    assert said in warning.message, warning.message
    assert entry.title == title and entry.status != "draft"


@pytest.mark.parametrize(("line", "title", "column"), [
    ("title: Top #1 tool for audiology clinics", "Top", 12),  # hearing care
    ("title: Rated #2 by payroll teams", "Rated", 14),  # payroll software
    ("title: Lane sheet #EU-north", "Lane sheet", 19),  # a freight broker
])
def test_a_comment_started_inside_a_value_is_a_warning_at_the_hash(line, title, column) -> None:
    entry, findings = _entry(f"---\ntype: article\n{line}\n---\n\nBody.\n", rel="a.md")
    (warning,) = findings
    assert (warning.severity, warning.line, warning.column) == ("warning", 3, column)
    assert f"a ' #' inside a value starts a YAML comment, so title is read as {title!r}" in warning.message
    assert f'put the whole value in quotes: title: "{line.split(": ", 1)[1]}"' in warning.message
    assert entry.title == title


def test_a_misread_value_in_a_list_of_mappings_names_its_key() -> None:
    _, findings = _entry("---\ntype: proof_point\ntitle: T\nsources:\n  - title: #2 in surveys\n"
                         "    url: https://example.com\n---\n\nBody.\n")
    (warning,) = [f for f in findings if f.severity == "warning"]
    assert warning.line == 5 and 'sources[0].title: a value' in warning.message
    assert 'title: "#2 in surveys"' in warning.message


@pytest.mark.parametrize("front", [
    'title: "#1 in clinics"', "title: R&D credits", "title: '&Co partners'",  # quoted, or not first
    "title: T\nowner: # to fill in",  # a comment someone meant: '#' and a space
    "title: T\nowner: &lead Dana Ortiz\nreviewer: *lead",  # an anchor an alias uses is meant
    "title: T  # the page's name", "title: Gold tier  # renewed 2024",  # a comment after a space, meant
    'title: "Top #1 tool"',
])
def test_the_same_characters_quoted_or_meant_give_no_warning(front) -> None:
    _, findings = _entry(f"---\ntype: article\n{front}\n---\n\nBody.\n")
    assert findings == []


def test_a_tab_before_a_value_still_says_indent_with_spaces() -> None:
    _, findings = _entry("---\ntype: article\n\ttitle: T\n---\n\nBody.\n")
    assert "indent with spaces" in findings[0].message
