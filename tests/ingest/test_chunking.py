"""Passages: how an entry is cut into the chunks search reads. An FAQ gives one passage per
question and its answer; static-site markup never reaches a passage."""

from __future__ import annotations

from pathlib import Path

from ingest.chunking import _sections, entry_chunks, opens_with_question
from ingest.kb import parse_entry
from knowledge.settings import Settings

FAQ = """---
layout: handbook-page-toc
title: "FAQ from prospects"
---

## On this page
{:.no_toc .hidden-md .hidden-lg}

- TOC
{:toc .hidden-md .hidden-lg}

### Features:

- Q: Does it support Elasticsearch?

  A: The paid tiers use Elasticsearch for advanced search across every project.

- Q: Is there a max size (disk size) per project?

  A: Projects have no limit in disk size. The size of each project is listed in the admin panel.

- Q: Do blocked users count towards total user count?

  A: Blocked users do not count as billable users and are left out of the seat count.
{: .alert .alert-gitlab-orange}
"""


def _entry(text: str, rel: str = "faq.md"):  # type: ignore[no-untyped-def]
    root = Path("/kb")
    entry, _ = parse_entry(root, root / rel, text.encode(), Settings(root=root))
    assert entry is not None
    return entry


def _passages(text: str) -> list[str]:
    return [c.text for c in entry_chunks(_entry(text), "m") if c.kind == "section"]


def test_pass_each_faq_question_is_a_passage_with_its_answer() -> None:
    passages = _passages(FAQ)
    size = next(p for p in passages if "max size" in p)
    assert "no limit in disk size" in size
    assert "Elasticsearch" not in size and "billable" not in size
    assert sum("Q:" in p for p in passages) == 3 and all(p.count("Q:") == 1 for p in passages)


def test_pass_kramdown_markup_reaches_no_passage() -> None:
    e = _entry(FAQ)
    texts = [c.text for c in entry_chunks(e, "m")] + [b.text for b in e.blocks]
    for gone in ("TOC", "{:", "hidden-md", "no_toc", "alert-gitlab"):
        assert not any(gone in t for t in texts), gone


def test_pass_bold_question_paragraphs_split_and_a_rhetorical_question_does_not() -> None:
    body = ("# Pricing\n\n**How is it billed?**\n\nPer seat, every month, for each active user.\n\n"
            "**Is there a free tier?**\n\nYes: up to five users pay nothing.\n\n"
            "## Why pay rather than build it yourself?\n\nTeams try it first.\n\n"
            "Well, how often would you maintain it? Every week, in our experience.\n")
    passages = _passages(body)
    billed = next(p for p in passages if "billed" in p)
    assert "Per seat" in billed and "free tier" not in billed
    assert any("Teams try it first" in p and "how often would you maintain it" in p for p in passages)


def test_pass_a_list_of_open_questions_stays_one_passage() -> None:
    body = ("# FAQ\n\n## Needs answer\n\n- Can we use LDAP to assign licence keys?\n"
            "- How often are repositories indexed? Is it real time?\n- Why do I need the browser extension?\n")
    passages = _passages(body)
    assert len(passages) == 1 and "LDAP" in passages[0] and "browser extension" in passages[0]


def test_opens_with_question() -> None:
    assert opens_with_question("Q: Is there a size limit? A: No.")
    assert opens_with_question("Is there a size limit? No, there is none.")
    assert not opens_with_question("The size is unlimited. Is that surprising?")
    assert not opens_with_question("A plain sentence with no question at all.")


def test_fail_no_block_is_lost_when_questions_cut_passages() -> None:
    e = _entry(FAQ)
    kept = {id(b) for g in _sections(e.blocks) for b in g}
    assert all(id(b) in kept for b in e.blocks if b.kind != "code")


def _filler(word: str, n: int) -> str:
    return " ".join([word] * n) + "."


OBJECTIONS = (
    "# Solution page\n\n## Potential objections\n\n**I don't need all that**\n\n" + _filler("scope", 60) + "\n\n"
    + _filler("ocean", 60) + "\n\n**I don't want to retrain**\n\nAll change requires some learning; one interface "
    "and one permissions model make training a single effort.\n"
)


def test_pass_a_bold_line_starts_a_passage_as_a_heading_does() -> None:
    passages = _passages(OBJECTIONS)
    retrain = next(p for p in passages if "retrain" in p)
    # the answer stays with its objection, and the previous objection's text is not glued to it
    assert "one permissions model" in retrain and "ocean" not in retrain and "scope" not in retrain


def test_pass_a_bold_line_right_under_its_heading_keeps_the_heading() -> None:
    passages = _passages("# Page\n\n## Objections\n\n**Too expensive**\n\nIt pays for itself in a quarter.\n")
    assert len(passages) == 1 and "Objections" in passages[0] and "pays for itself" in passages[0]


def test_fail_bold_inside_a_sentence_is_not_a_heading() -> None:
    passages = _passages("# Page\n\n" + _filler("alpha", 100) + "\n\nWe **never** lose an answer.\n")
    assert len(passages) == 1


def _table(rows: int) -> str:
    head = "| Company | Problem | Result |\n| - | - | - |\n"
    return head + "".join(f"| Customer{i} | " + _filler(f"slow{i}", 20) + f" | faster{i} builds |\n"
                          for i in range(rows))


def test_pass_a_long_table_is_cut_between_rows_with_its_header() -> None:
    text = "# Stories\n\n## Customer stories\n\n" + _table(12)
    e = _entry(text)
    chunks = [c for c in entry_chunks(e, "m") if c.kind == "section"]
    assert len(chunks) > 1
    for c in chunks:
        assert "Company | Problem | Result" in c.text  # every window says what its cells are
        for i in range(12):  # a row is whole in a window or absent from it
            assert (f"Customer{i} |" in c.text) == (f"faster{i} builds" in c.text)
    lines = text.split("\n")
    for c in chunks[1:]:  # a window after the first (which starts at the heading) points at its first row
        first = next(i for i in range(12) if f"Customer{i} |" in c.text)
        assert f"Customer{first} |" in lines[c.line - 1]


def test_fail_no_table_row_is_lost_when_a_table_is_cut() -> None:
    chunks = [c.text for c in entry_chunks(_entry("# Stories\n\n" + _table(12)), "m") if c.kind == "section"]
    assert all(any(f"Customer{i} |" in t for t in chunks) for i in range(12))
