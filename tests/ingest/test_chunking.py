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
