"""The right entry first over a look-alike, on six small typed KBs of industries no question set
covers (a ferry operator, a roofing contractor, a zoo's corporate events, an orthodontic practice, a
commercial print works, an allotment society), with the real model.

Each KB holds the entry that answers beside pages that share its topic and many of its words: a
messaging page or a blog post restating a proof point's figure, an objection page beside its
answer, a case study beside the proof point, a news item beside the case study, an answer beside a
proof point on the same subject. Each question, asked in other words than the page's, must be
answered with the named entry first.

Written before any of them was run and before anything of pass 24 was measured (bench/ACCURACY.md,
"Search", pass 24, the fifteenth round). A case the shipped search gets wrong is kept as a strict
expected failure (``WRONG_NOW``), so it shows when a change fixes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

HEAD = "---\ntype: {type}\ntitle: {title}\nowner: pm@{kb}.example\nreviewed: 2026-10-01\n{extra}---\n\n# {title}\n\n"
FOLDER = {"proof_point": "proof-points", "message": "messaging", "answer": "answers", "objection": "objections",
          "case_study": "case-studies", "article": "blog"}


def metric(mid: str, name: str, value: float, unit: str) -> str:
    """Front matter for a proof point registering one figure, with its source."""
    return (f"sources:\n  - title: Customer survey 2026\n    date: 2026-03-01\nmetrics:\n  - id: {mid}\n"
            f"    name: {name}\n    value: {value}\n    unit: {unit}\n    as_of: 2026-02\n"
            f"    source: Customer survey 2026\n")


# kb -> entry name -> (type, title, front matter beyond the head, body)
KBS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "tidelink": {
        "on-time": ("proof_point", "Sailings on time", metric("on-time", "share of sailings leaving within five minutes of schedule", 96, "percent"),
                    "Across 2025, 96% of our sailings left within five minutes of the timetable, measured\n"
                    "from the ramp log on every crossing.\n"),
        "why-tidelink": ("message", "Why islanders choose Tidelink", "",
                         "Lead with reliability: islanders plan hospital visits, school runs and deliveries\n"
                         "around the ferry, and a late sailing ruins a day. Talk about punctual crossings,\n"
                         "the timetable people can trust, and the crew who know every harbour.\n"),
        "vehicle-booking": ("answer", "Booking a vehicle space", "",
                            "Vehicle spaces can be booked up to 12 weeks ahead. A car under 5 metres pays\n"
                            "the standard fare; vans and cars with trailers pay by length.\n"),
        "fares-objection": ("objection", "The fares are too high", "examples:\n  - \"It costs more to cross than to drive to the city.\"\n",
                            "Islanders say the crossing costs too much for a short trip and that the fares\n"
                            "rise every year.\n"),
        "fares": ("answer", "What to say about fares", "",
                  "Point to the resident's card: islanders pay 40% less than visitors on every crossing,\n"
                  "and a book of ten returns brings the price down further. Fares pay for winter sailings\n"
                  "that run half empty.\n"),
        "storm-blog": ("article", "Crossing in winter weather", "",
                       "Winter storms test every ferry. This post looks at how our captains decide whether a\n"
                       "sailing goes, what swell the ships can take and why a cancelled crossing is rare.\n"),
        "cancellations": ("proof_point", "Weather cancellations", metric("weather-cancellations", "share of winter sailings cancelled for weather", 2, "percent"),
                          "Only 2% of winter sailings were cancelled for weather in 2025, against 7% on\n"
                          "comparable routes.\n"),
    },
    "slateline": {
        "leaks": ("proof_point", "Leaks after a new roof", metric("leak-callbacks", "share of new roofs with a leak call-back in the first five years", 0.8, "percent"),
                  "Fewer than 1 in 100 of the roofs we fitted since 2020 has had a leak call-back in its\n"
                  "first five years (0.8%).\n"),
        "quality-message": ("message", "Talking about workmanship", "",
                            "Homeowners fear leaks more than anything. Talk about our workmanship: trained\n"
                            "roofers, every roof inspected, leaks fixed fast and a new roof that stays dry.\n"),
        "guarantee": ("answer", "The roof guarantee", "",
                      "Every new roof carries a 15-year guarantee on materials and labour, insured, so it\n"
                      "holds even if the firm closes. Repairs carry a 2-year guarantee.\n"),
        "price-objection": ("objection", "Another roofer quoted less", "examples:\n  - \"The other quote was two thousand cheaper.\"\n",
                            "A homeowner has a cheaper quote from another roofer and asks why ours costs more.\n"),
        "price-answer": ("answer", "Answering a cheaper quote", "",
                         "Ask what the cheaper quote includes: we strip to the rafters, replace the membrane\n"
                         "and battens, and carry the insured guarantee. Many cheaper quotes overlay the old felt.\n"),
        "oakfield-case": ("case_study", "Oakfield School roof", "",
                          "Oakfield School's flat roof leaked into two classrooms every winter. We replaced\n"
                          "1,200 square metres over the summer holiday and the school has had no leaks since.\n"),
        "schools-news": ("article", "Slateline wins the county schools framework", "",
                         "We have joined the county framework for school roofing, so schools can hire us\n"
                         "without a tender. The framework runs for four years.\n"),
    },
    "wildmere": {
        "events-capacity": ("answer", "Evening events: how many guests", "",
                            "The Lakeside Pavilion seats 180 for dinner and holds 300 standing. The Gorilla\n"
                            "House terrace takes 60 for drinks.\n"),
        "venue-message": ("message", "Selling the zoo as a venue", "",
                          "Sell the setting: guests dine beside the lake, walk past the gorillas at dusk and\n"
                          "meet a keeper. Say the venue is large, the evening unforgettable.\n"),
        "repeat-bookings": ("proof_point", "Corporate clients who book again", metric("rebook", "share of corporate event clients who book another event within two years", 64, "percent"),
                            "64% of the companies that held an event with us in 2023 booked another within two\n"
                            "years.\n"),
        "corporate-blog": ("article", "Why companies return to the zoo", "",
                           "Companies come back because their staff talk about the evening for months. This post\n"
                           "collects what organisers told us about booking us again.\n"),
        "animals-objection": ("objection", "Is an event bad for the animals?", "examples:\n  - \"Won't the noise upset the animals?\"\n",
                              "Organisers worry that a party disturbs the animals and ask whether it is ethical.\n"),
        "animals-answer": ("answer", "Animal welfare at evening events", "",
                           "No event runs inside an animal house, music stops at 10pm and stays under 75\n"
                           "decibels at the boundary, and the head keeper signs off every booking.\n"),
        "bank-case": ("case_study", "Northgate Bank's summer party", "",
                      "Northgate Bank brought 280 staff for its summer party. Guests had a keeper talk at the\n"
                      "gorillas and dinner in the pavilion; 91% rated it their best staff event.\n"),
    },
    "brightbrace": {
        "treatment-time": ("proof_point", "How long treatment takes", metric("treatment-months", "median length of clear aligner treatment", 11, "months"),
                           "Our adult clear aligner patients finished treatment in a median of 11 months in\n"
                           "2025.\n"),
        "aligner-message": ("message", "Talking to adults about aligners", "",
                            "Adults want straight teeth without metal. Talk about discreet aligners, fewer\n"
                            "visits, a fast treatment and a smile that fits their working life.\n"),
        "payment-plans": ("answer", "Paying for treatment", "",
                          "Treatment can be spread over 24 months at no interest after a 10% deposit. The\n"
                          "monthly amount is fixed when the plan starts.\n"),
        "cost-objection": ("objection", "Braces cost too much", "examples:\n  - \"We can't afford braces for two children.\"\n",
                           "Parents say orthodontic treatment is too expensive for the family.\n"),
        "retainers": ("answer", "Retainers after treatment", "",
                      "Every patient gets a fixed retainer behind the front teeth and a clear one to wear at\n"
                      "night. Replacement clear retainers cost £95.\n"),
        "retention-proof": ("proof_point", "Teeth staying straight", metric("relapse", "share of patients whose teeth moved back in three years", 4, "percent"),
                            "Of the patients who wore retainers as told, 4% needed any correction within three\n"
                            "years of finishing.\n"),
        "teen-case": ("case_study", "A teenager's aligner treatment", "",
                      "Maya, 14, wore aligners for 13 months through her exams. Her parents chose aligners so\n"
                      "she could keep playing the trumpet.\n"),
    },
    "inkwell": {
        "turnaround": ("proof_point", "Print turnaround", metric("turnaround", "median days from approved proof to dispatch for litho jobs", 3, "days"),
                       "Litho jobs left the press hall a median of 3 working days after the customer\n"
                       "approved the proof in 2025.\n"),
        "speed-message": ("message", "Selling speed to agencies", "",
                          "Agencies live on deadlines. Talk about fast printing, a press hall that runs two\n"
                          "shifts, and proofs turned round quickly so the job is never late.\n"),
        "paper-stock": ("answer", "Recycled and FSC paper", "",
                        "Every stock we hold is FSC certified, and 12 of our 20 house papers are 100%\n"
                        "recycled. We can order other stocks in three days.\n"),
        "green-blog": ("article", "Is print bad for the planet?", "",
                       "Print gets a bad name for waste. This post looks at paper, inks and energy in a modern\n"
                       "press hall and at what a greener print job looks like.\n"),
        "colour-objection": ("objection", "The colours never match the screen", "examples:\n  - \"Last printer's blues came out purple.\"\n",
                             "Designers say printed colour never matches what they approved on screen.\n"),
        "colour-answer": ("answer", "Getting colour right", "",
                          "We calibrate the presses every morning to ISO 12647, send a hard proof on the real\n"
                          "stock for any job over 1,000 copies, and a press pass can be booked.\n"),
        "museum-case": ("case_study", "The City Museum catalogue", "",
                        "The City Museum's exhibition catalogue ran to 240 pages in 5,000 copies. We matched\n"
                        "the paintings' colours to the curator's proofs and delivered a week early.\n"),
    },
    "greenrow": {
        "waiting-list": ("answer", "The waiting list", "",
                         "There are 140 people on the waiting list, and a full plot takes about three years to\n"
                         "come up. Half plots come up faster, in about eighteen months.\n"),
        "plots-message": ("message", "Welcoming new members", "",
                          "Tell new members about the plots, the community, the shared shed and the joy of\n"
                          "growing food. Everyone on the list gets a warm welcome.\n"),
        "rent": ("answer", "Plot rent", "",
                 "A full plot costs £85 a year and a half plot £45, due each October. Members over 65 pay\n"
                 "half.\n"),
        "rent-objection": ("objection", "The rent went up again", "examples:\n  - \"Why is my plot rent up again?\"\n",
                           "Members complain that the plot rent keeps rising.\n"),
        "water-proof": ("proof_point", "Water saved by the troughs", metric("water-saved", "cut in mains water used after the rainwater troughs were fitted", 35, "percent"),
                        "Since the rainwater troughs went in, the site uses 35% less mains water each summer.\n"),
        "water-news": ("article", "New rainwater troughs on site", "",
                       "The committee has fitted rainwater troughs along every path. Members can fill cans\n"
                       "from them in the summer instead of the taps.\n"),
        "cultivation": ("answer", "Keeping a plot cultivated", "",
                        "At least three quarters of a plot must be cultivated by June. A plot found\n"
                        "neglected at two inspections gets a warning letter, then notice to quit.\n"),
    },
}

# (kb, question, the entry that must come first)
CASES: list[tuple[str, str, str]] = [
    ("tidelink", "What share of our crossings actually leave on time?", "on-time"),
    ("tidelink", "How far ahead can someone reserve a spot for their car?", "vehicle-booking"),
    ("tidelink", "A passenger says the crossing is far too pricey. What do I tell them?", "fares"),
    ("tidelink", "How often does bad weather stop a winter sailing?", "cancellations"),
    ("slateline", "How many new roofs come back with a leak?", "leaks"),
    ("slateline", "How many years is a new roof covered for?", "guarantee"),
    ("slateline", "What do I say when a homeowner's other quote is cheaper?", "price-answer"),
    ("slateline", "Have we a school customer whose leaking roof we fixed?", "oakfield-case"),
    ("wildmere", "How many people can we seat for a dinner?", "events-capacity"),
    ("wildmere", "Do companies come back and book a second event?", "repeat-bookings"),
    ("wildmere", "How do I reassure an organiser that a party won't harm the animals?", "animals-answer"),
    ("wildmere", "Is there a bank we hosted a staff party for?", "bank-case"),
    ("brightbrace", "How many months does an adult wear aligners?", "treatment-time"),
    ("brightbrace", "Can parents pay for braces month by month?", "payment-plans"),
    ("brightbrace", "Do teeth drift back after braces come off?", "retention-proof"),
    ("brightbrace", "What does it cost to replace a lost clear retainer?", "retainers"),
    ("inkwell", "How many days from signing off the proof until the job ships?", "turnaround"),
    ("inkwell", "Is the paper you print on recycled?", "paper-stock"),
    ("inkwell", "A designer worries the printed colours won't match their screen. What do I say?", "colour-answer"),
    ("inkwell", "Do we have a museum catalogue we printed as a reference?", "museum-case"),
    ("greenrow", "How long will I wait to get a full plot?", "waiting-list"),
    ("greenrow", "How much is the yearly rent for a half plot?", "rent"),
    ("greenrow", "How much mains water did the troughs save?", "water-proof"),
    ("greenrow", "What happens if I leave my plot uncultivated?", "cultivation"),
]

# The cases the shipped search gets wrong, from the first run (bench/ACCURACY.md, pass 24): an
# objection first above the answer that does not name it (``answers:``), a case study or a blog post
# above the entry that holds the figure, or the question silenced by the floor.
FLOOR = "silenced by the floor"
WRONG_NOW = {
    "How far ahead can someone reserve a spot for their car?": f"{FLOOR}, the right entry first",
    "A passenger says the crossing is far too pricey. What do I tell them?": f"{FLOOR}, the objection first",
    "What do I say when a homeowner's other quote is cheaper?": "the objection above its answer",
    "How many people can we seat for a dinner?": "a case study first",
    "Do companies come back and book a second event?": "a blog post above the proof point",
    "How do I reassure an organiser that a party won't harm the animals?": f"{FLOOR}, the objection first",
    "How many months does an adult wear aligners?": "a case study first",
    "Can parents pay for braces month by month?": "the objection above its answer",
    "Do teeth drift back after braces come off?": f"{FLOOR}, the right entry first",
    "How many days from signing off the proof until the job ships?": f"{FLOOR}, the right entry first",
    "A designer worries the printed colours won't match their screen. What do I say?": "the objection above its answer",
    "What happens if I leave my plot uncultivated?": f"{FLOOR}, the right entry first",
}


def _cases() -> list[Any]:
    """CASES, those in WRONG_NOW marked as strict expected failures naming what the shipped search does."""
    def wrong(question: str) -> Any:
        return pytest.mark.xfail(strict=True, reason=f"{WRONG_NOW[question]} (ACCURACY.md, Search, pass 24)")
    return [pytest.param(*c, marks=wrong(c[1])) if c[1] in WRONG_NOW else c for c in CASES]


def _write_kb(root: Path, kb: str, entries: dict[str, tuple[str, str, str, str]]) -> None:
    """Write one KB's entries, each under its type's folder, with a canon.toml."""
    (root / "canon.toml").write_text(f'[kb]\nname = "{kb}"\nreview_every = "180d"\n\n[index]\npath = ".canon"\n')
    for name, (kind, title, extra, body) in entries.items():
        page = root / FOLDER[kind] / f"{name}.md"
        page.parent.mkdir(exist_ok=True)
        page.write_text(HEAD.format(type=kind, title=title, kb=kb, extra=extra) + body)


@pytest.fixture(scope="module")
def asker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The six KBs indexed once; ``ask(kb, question) -> [entry names shown]`` with the real model."""
    from ingest.pipeline import ingest
    from knowledge.embedding import get_embedder
    from knowledge.search import SearchOptions, search
    from knowledge.settings import load_settings

    settings = {}
    for kb, entries in KBS.items():
        root = tmp_path_factory.mktemp(kb)
        _write_kb(root, kb, entries)
        settings[kb] = load_settings(root)
        ingest(settings[kb])
    embedder = get_embedder("query")

    def ask(kb: str, question: str) -> list[str]:
        out = search(settings[kb], question, SearchOptions(today=date(2026, 11, 1)), embedder=embedder)
        return [Path(r["path"]).stem for r in out["results"]]

    return ask


@pytest.mark.parametrize(("kb", "question", "entry"), _cases())
def test_the_right_entry_comes_first_over_a_look_alike(asker: Any, kb: str, question: str, entry: str) -> None:
    got = asker(kb, question)
    assert got and got[0] == entry, f"got {got}"
