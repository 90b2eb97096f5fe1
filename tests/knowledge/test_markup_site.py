"""Static-site markup (Kramdown, Liquid, Hugo) is blanked by the one markup masker, at the same
offsets, and ingest reads Markdown through it."""

from __future__ import annotations

from knowledge.text.markup import blank_site_markup, mask


def test_fail_kramdown_liquid_and_hugo_markup_is_blanked() -> None:
    text = ("## On this page\n{:.no_toc .hidden-md}\n\n- TOC\n{:toc .hidden-md .hidden-lg}\n\n"
            "Go live in 6 weeks.{: .alert}\n{% include note.html %}\n{{< figure src=\"x.png\" >}}\n"
            "{{% notice %}}\nBy {{ page.author }}.\n")
    out = blank_site_markup(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    for gone in ("{", "}", "TOC", "include", "figure", "notice", "page.author", "hidden"):
        assert gone not in out, gone
    assert "Go live in 6 weeks." in out and "On this page" in out


def test_pass_prose_braces_and_workflow_expressions_stay() -> None:
    text = "Set ${{ secrets.TOKEN }} in the workflow; a TOC list item is prose:\n- TOC for the board\n"
    assert blank_site_markup(text) == text


def test_pass_the_claims_masker_blanks_the_toc_placeholder_too() -> None:
    text = "- TOC\n{:toc}\n\nSaves 9 hours a week.\n"
    masked = mask(text)
    assert len(masked) == len(text) and "TOC" not in masked and "9 hours" in masked
