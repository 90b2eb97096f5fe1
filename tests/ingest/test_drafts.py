"""Drafts: Markdown or plain text, front matter skipped with its lines counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.drafts import Draft, load_draft, parse_draft_text
from knowledge.errors import UsageError

MARKDOWN = """---
title: Launch post
canon.ignore: [stale-claim]
---

# Approvals everywhere

Approvers clear invoices 5x faster than with email routing.
Across all customers, approval takes 2 days, down from 11.

- Early-access teams clear 30% more invoices per day. <!-- canon-ignore unsupported-claim -->

<!-- canon-ignore -->
We cut the cost per invoice by 54%.
"""


def _col(text: str, line: int, needle: str) -> int:
    return text.split("\n")[line - 1].index(needle) + 1


def _covers(draft: Draft, line: int, column: int) -> bool:
    return any(c.line == line and c.column <= column <= max(c.end_column, c.column) for c in draft.claims)


def test_markdown_draft_keeps_file_lines_and_columns() -> None:
    d = parse_draft_text(MARKDOWN, "drafts/launch.md")
    assert d.path == "drafts/launch.md" and d.text == MARKDOWN and d.body_line == 5
    assert d.ignore == ["stale-claim"]
    assert [(b.kind, b.line) for b in d.blocks] == [("heading", 6), ("paragraph", 8), ("list_item", 11),
                                                  ("paragraph", 14)]
    assert _covers(d, 8, _col(MARKDOWN, 8, "5x"))
    assert _covers(d, 9, _col(MARKDOWN, 9, "2 days"))
    assert _covers(d, 11, _col(MARKDOWN, 11, "30%"))
    assert _covers(d, 14, _col(MARKDOWN, 14, "54%"))
    assert not any(c.line < 5 for c in d.claims)  # no figure in the front matter
    assert d.line_ignores == {11: {"unsupported-claim"}, 14: {"*"}}


def test_a_drafts_title_and_description_are_read_as_the_body_is() -> None:
    text = ('---\ntitle: "Close your books in 3 days"\ndescription: Teams cut invoice costs by 54% in year one.\n'
            'slug: /close-3x\nweight: 40\n---\n\nApprovers clear invoices 5x faster.\n')
    d = parse_draft_text(text, "drafts/landing.md")
    assert _covers(d, 2, _col(text, 2, "3 days")) and _covers(d, 3, _col(text, 3, "54%"))
    assert {c.block for c in d.claims if c.line < 6} == {"front_matter"}
    assert not _covers(d, 5, _col(text, 5, "40"))  # settings are not prose
    assert _covers(d, 8, _col(text, 8, "5x"))


@pytest.mark.parametrize(("key", "line", "needle"), [
    ("headline", '"Chilean mussel grower lifts meat yield by 15 per cent"', "15 per cent"),  # aquaculture
    ("subheadline", "Clinics cut no-shows by 38% with two-way reminders", "38%"),  # clinics
    ("tagline", "'Close the books in 3 days'", "3 days"),  # finance
    ("strapline", "Parcels delivered in under 2 hours across the city", "2 hours"),  # logistics
    ("standfirst", "Growers cut their water bills by 20% with soil sensors.", "20%"),  # agriculture
])
def test_a_headline_in_front_matter_is_read_as_a_title_is(key: str, line: str, needle: str) -> None:
    # page copy under the keys templates use for a headline, as "title:" and "description:" are read
    text = f"---\n{key}: {line}\npermalink: /2026/10/launch/\nversion: 3\n---\n\nBody text.\n"
    d = parse_draft_text(text, "drafts/landing.md")
    assert _covers(d, 2, _col(text, 2, needle))
    assert {c.block for c in d.claims} == {"front_matter"}
    assert not any(c.line in (3, 4) for c in d.claims)  # a path and a setting are no prose

def test_an_mdx_component_over_several_lines_is_read_as_on_one() -> None:
    text = ('Intro.\n\n<Hero\n  eyebrow="For insurers"\n  title="Close claims in 5 days"\n  cta="Book a demo"\n/>\n\n'
            '<Hero title="Close claims in 6 days" />\n\nTeams <Badge text="saves 9 hours" /> save 4 hours.\n')
    d = parse_draft_text(text, "drafts/landing.mdx")
    assert _covers(d, 5, _col(text, 5, "5 days"))
    assert _covers(d, 9, _col(text, 9, "6 days"))
    # a component inside a sentence is still markup: its attributes are not the page's words
    assert _covers(d, 11, _col(text, 11, "4 hours")) and not _covers(d, 11, _col(text, 11, "9 hours"))


def test_plain_text_draft_is_not_markdown() -> None:
    text = "Subject: follow-up\n\n1. We go live in 6 weeks.\n# We serve 1,400 customers.\n"
    d = parse_draft_text(text, "email.txt")
    assert [(b.kind, b.line, b.end_line) for b in d.blocks] == [("paragraph", 1, 1), ("paragraph", 3, 4)]
    assert d.blocks[1].text == "1. We go live in 6 weeks. # We serve 1,400 customers."
    assert _covers(d, 3, _col(text, 3, "6 weeks"))
    assert _covers(d, 4, _col(text, 4, "1,400"))


def test_leading_rule_that_is_not_front_matter_is_body() -> None:
    text = "---\nOur customers save 40% on processing.\n\n---\n\nAnd 3 hours a week.\n"
    d = parse_draft_text(text, "post.md")
    assert d.body_line == 1
    assert _covers(d, 2, _col(text, 2, "40%"))
    assert _covers(d, 6, _col(text, 6, "3 hours"))


def test_unclosed_front_matter_in_a_draft_is_body() -> None:
    d = parse_draft_text("---\nWe save 40%.\n", "x.md")
    assert d.body_line == 1 and _covers(d, 2, 10)


def test_load_draft_reads_files(tmp_path: Path) -> None:
    p = tmp_path / "launch.md"
    p.write_bytes(MARKDOWN.replace("\n", "\r\n").encode("utf-8-sig"))
    d = load_draft(p, "drafts/launch.md")
    assert d.path == "drafts/launch.md" and d.text == MARKDOWN and d.findings == []
    assert load_draft(p).path == str(p)


def test_load_draft_invalid_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "latin.md"
    p.write_bytes("# Caf\xe9\n\nWe save 40%.\n".encode("latin-1"))
    d = load_draft(p, "latin.md")
    assert _covers(d, 3, _col(d.text, 3, "40%"))
    [f] = d.findings
    assert (f.path, f.line, f.column, f.severity) == ("latin.md", 1, 6, "warning")
    assert "UTF-8" in f.message


@pytest.mark.parametrize("make, words", [
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
    (lambda p: p.mkdir(), "folder"),
    (lambda p: None, "does not exist"),
])
def test_load_draft_refuses_what_is_not_a_draft(tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "x.md"
    make(p)
    with pytest.raises(UsageError) as err:
        load_draft(p, "x.md")
    assert words in str(err.value) and "x.md" in str(err.value)


def test_empty_draft() -> None:
    d = parse_draft_text("", "empty.md")
    assert d.blocks == [] and d.claims == [] and d.line_ignores == {}


@pytest.mark.parametrize(("case", "text", "line", "figure", "says"), [
    ("a hero stat and its label",
     '---\ntitle: Reporting\nhero:\n  stat: "under 1 hour"\n  label: "median time to prepare a return"\n---\n\nBody.\n',
     4, "1 hour", "median time to prepare a return"),
    ("a list of stats, label after the value",
     '---\ntitle: Triage\nstats:\n  - value: "64%"\n    label: "of referrals confirmed as fraud"\n'
     '  - value: "10 weeks"\n    label: "median time to go live"\n---\n\nBody.\n',
     4, "64%", "of referrals confirmed as fraud"),
    ("the second stat of the list",
     '---\ntitle: Triage\nstats:\n  - value: "64%"\n    label: "of referrals confirmed as fraud"\n'
     '  - value: "10 weeks"\n    label: "median time to go live"\n---\n\nBody.\n',
     6, "10 weeks", "median time to go live"),
    ("the label before the value",
     '---\ntitle: T\nhighlights:\n  - label: "fewer no-shows"\n    value: "38%"\n---\n\nBody.\n',
     5, "38%", "fewer no-shows"),
])
def test_a_stat_in_front_matter_is_read_with_its_label(case: str, text: str, line: int, figure: str,
                                                       says: str) -> None:
    d = parse_draft_text(text, "drafts/landing.md")
    at = [c for c in d.claims if c.line == line]
    assert at and figure in at[0].text and says in (at[0].masked or ""), case
    assert all(c.block == "front_matter" for c in at)


@pytest.mark.parametrize(("text", "figure", "line", "column"), [
    ('---\ntitle: T\nhero:\n  stat: 40%\n  label: fewer errors across 120 sites\n---\n\nBody.\n', "120", 5, 30),
    ('---\ntitle: T\nhero:\n  stat: 40%\n  label: fewer errors across 120 sites\n---\n\nBody.\n', "40%", 4, 9),
    ('---\ntitle: T\nhero:\n  label: "across 120 sites"\n  stat: "40%"\n---\n\nBody.\n', "120", 4, 18),
])
def test_a_figure_in_a_stats_label_is_where_the_label_is(text: str, figure: str, line: int, column: int) -> None:
    d = parse_draft_text(text, "drafts/landing.md")
    lines = text.split("\n")
    assert lines[line - 1][column - 1:].startswith(figure)
    assert [(c.line, c.end_line) for c in d.claims if c.column == column] == [(line, line)]
    assert all(c.end_column <= len(lines[c.end_line - 1]) + 1 for c in d.claims)  # within its line


@pytest.mark.parametrize(("case", "text"), [
    ("a label key past another key is another thing's",
     '---\ntitle: T\nhero:\n  stat: 40%\n  cta: Book a demo\n  title: Welcome\n---\n\nBody.\n'),
    ("a metric registered in front matter is canon's field, not copy",
     '---\ntitle: T\nmetrics:\n  - id: x\n    value: 23\n    unit: percent\n    description: "saved"\n---\n\nBody.\n'),
    ("a value with no label says nothing", '---\ntitle: T\nlayout:\n  value: 3\n  columns: 2\n---\n\nBody.\n'),
    ("a top-level setting is not a stat", '---\ntitle: T\nvalue: 40\ndescription: "Our product"\n---\n\nBody.\n'),
])
def test_front_matter_that_is_no_stat_states_nothing(case: str, text: str) -> None:
    d = parse_draft_text(text, "drafts/landing.md")
    assert not [c for c in d.claims if c.line < 9], case


@pytest.mark.parametrize(("case", "component", "figure", "says"), [
    ("value then label", '<Stat value="23%" label="less irrigation water, on average" />', "23%",
     "less irrigation water, on average"),
    ("label then value", '<Stat label="fewer spray passes" value="30%" />', "30%", "fewer spray passes"),
    ("inside a row of stats", '<StatRow>\n  <Stat value="52%" label="of claims with no handler touch" />\n</StatRow>',
     "52%", "of claims with no handler touch"),
    ("a number prop", '<Metric number="9 days" caption="median time from FNOL to settlement" />', "9 days",
     "median time from FNOL to settlement"),
    ("the label, not the title", '<Stat value="23%" title="Water" label="less water" />', "23%", "less water"),
    ("the label before the value and the title", '<Stat title="Water" label="less water" value="23%" />', "23%",
     "less water"),
])
def test_a_stat_component_is_read_as_its_value_and_label(case: str, component: str, figure: str, says: str) -> None:
    d = parse_draft_text(f"Intro.\n\n{component}\n\nAfter.\n", "drafts/landing.mdx")
    found = [c for c in d.claims if figure in c.text or figure.replace(" ", "") in c.text.replace(" ", "")]
    assert found, case
    masked = " ".join((found[0].masked or "").split())
    # one sentence, value first: "[NUM] fewer spray passes"
    assert f"[NUM] {says.split(',')[0]}" in masked, (case, masked)
    assert found[0].line == 3 + component[:component.index(figure)].count("\n")


@pytest.mark.parametrize(("case", "component"), [
    ("a value with no label", '<Progress value="40" />'),
    ("a label with no figure", '<Button label="Book a demo" value="demo" />'),
])
def test_a_component_that_shows_no_stat_states_nothing(case: str, component: str) -> None:
    d = parse_draft_text(f"Intro.\n\n{component}\n\nAfter.\n", "drafts/landing.mdx")
    assert not d.claims, case
