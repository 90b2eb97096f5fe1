"""The site a rating is given on: one grammar for the claim's source and the figure's scope."""

import pytest

from knowledge.claims.sources import rating_site

CASES = [
    # (sentence, the figure as written, the site or None)
    ("We're rated 4.6 out of 5 on Glassdoor.", "4.6 out of 5", "Glassdoor"),
    ("The app holds 4.8 stars on the App Store.", "4.8 stars", "App Store"),
    ("Rated 4.7/5 from 1,200 reviews on Capterra.", "4.7/5", "Capterra"),
    ("Rated 9 out of ten at Trustpilot.", "9 out of ten", "Trustpilot"),
    ("Rated 4.8 out of 5 on Google Reviews by users.", "4.8 out of 5", "Google Reviews"),
    ("Guests rated the inn 9 out of 10 in June.", "9 out of 10", None),  # a date, not a site
    ("We are rated 4.8 out of 5 on capterra.", "4.8 out of 5", None),  # a site is named by a name
    ("Rated 4.5 out of 5 across G2.", "4.5 out of 5", None),
    ("Costs fell 40% on Monday.", "40%", None),  # no rating
    ("Rated 4.6 out of 5 on Glassdoor, with 40% growth on Shopify.", "40%", None),  # after the rating
]


@pytest.mark.parametrize(("sentence", "figure", "site"), CASES)
def test_rating_site(sentence: str, figure: str, site: str | None) -> None:
    at = sentence.index(figure)
    found = rating_site(sentence, at)
    assert (found[0] if found else None) == site
    if found:
        assert sentence[found[1]:].startswith(found[0])


def test_rating_site_reads_only_its_window() -> None:
    sentence = "Rated 4.6 out of 5 on Glassdoor."
    assert rating_site(sentence, 6, start=10) is None  # the rating starts before the window
    assert rating_site(sentence, 6, end=20) is None  # the site lies after it


@pytest.mark.parametrize(("text", "site"), [
    ("We're rated 4.6 out of 5 on Glassdoor.", "Glassdoor"),
    ("Reviewers rate us 4.8 out of 5 on the App Store.", "App Store"),
    ("We're rated 4.6 out of 5 on glassdoor.", None),
])
def test_the_source_and_the_scope_of_a_rating_name_one_site(text: str, site: str | None) -> None:
    from knowledge.claims.extract import read_figures
    from knowledge.figures.reading import rated_on

    (claim,) = [c for c in read_figures(text) if c.kind == "percent"]
    assert (claim.source.title if claim.source else None) == site
    assert rated_on(claim, claim.masked or "") == (site.lower() if site else None)


def test_a_share_is_scoped_to_a_site_only_where_its_sentence_speaks_of_a_rating() -> None:
    from knowledge.claims.extract import read_figures
    from knowledge.figures.reading import rated_on

    (claim,) = [c for c in read_figures("Uptime was 4.9 out of 5 on Pingdom.") if c.kind == "percent"]
    assert claim.source is not None and claim.source.title == "Pingdom"
    assert rated_on(claim, claim.masked or "") is None
