"""The relevance floor on small KBs of five industries no question set covers (beekeeping sensors,
hotel linen laundry, wind-turbine blade inspection, concert piano hire, chimney sweeping), with the
real model: a question asked in other words than the page's must be answered with that page first,
and a question on the KB's topic whose answer no page gives must be reported unanswered.

Written before any of them was run (bench/ACCURACY.md, "Search", pass 20; committed in 7335a91). A
case the shipped search gets wrong is kept as a strict expected failure (``WRONG_NOW``), so it shows
when a change fixes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

HEAD = "---\ntype: answer\ntitle: {title}\nowner: pm@{kb}.example\nreviewed: 2026-10-01\n---\n\n# {title}\n\n"

KBS: dict[str, dict[str, tuple[str, str]]] = {
    "hivewatch": {
        "queen-loss": ("Queen loss alerts", """A colony that loses its queen changes its sound within a
day. The HiveWatch frame sensor listens for the rise in pitch and sends a queen loss alert to the
beekeeper's phone, usually before the colony starts building emergency cells. Beekeepers in our
2025 trial re-queened a median of six days sooner than with fortnightly inspections.
"""),
        "swarm-warning": ("Swarm warnings", """Before a swarm leaves, the hive's weight and temperature
follow a pattern: weight stops rising during a strong flow and the brood nest warms. HiveWatch flags
that pattern as a swarm warning up to ten days ahead, so the beekeeper can split the colony or add
supers before half the bees fly off.
"""),
        "battery": ("Sensor battery and mounting", """Each frame sensor runs on a coin cell that lasts
two seasons. It clips to a standard National or Langstroth frame and needs no wiring through the hive
body. The hub on the apiary fence sends readings over the mobile network every fifteen minutes.
"""),
        "pricing": ("HiveWatch pricing", """The starter kit, one hub and four frame sensors, costs £289.
Extra sensors are £39 each. The app subscription is £6 a month per apiary, whatever the number of
hives.
"""),
    },
    "linenline": {
        "turnaround": ("Turnaround times", """Linen collected before 10am is washed, pressed and
delivered back the next morning. Hotels on the express route get a same-day return for towels
collected before 7am. Bank holiday collections move to the following working day.
"""),
        "stain-policy": ("Stained and damaged linen", """Items with make-up, fake tan or blood stains go
through a second rewash at no charge. If a stain survives the rewash, the item is tagged, returned
separately and credited at its replacement value on the next invoice.
"""),
        "par-levels": ("Par levels", """We recommend a par of three: one set on the bed, one in the
laundry, one on the shelf. Our account managers count your stock every quarter and suggest topping
up when losses push a hotel under three sets per room.
"""),
        "rfid": ("Chip tracking of every item", """Every sheet and towel carries a washable RFID chip.
Scanners at our dock count what leaves and returns, so a hotel sees each week how many items went
missing and from which floor's trolley.
"""),
    },
    "bladescope": {
        "inspection-time": ("How long an inspection takes", """A drone inspection of one turbine's three
blades takes about forty minutes on site, including the climb-free setup. Crews cover eight to ten
turbines a day on an onshore farm when the wind is under 12 metres per second.
"""),
        "damage-grading": ("Damage grading", """Every finding is graded from 1 (cosmetic) to 5 (stop the
turbine). Leading-edge erosion, lightning strikes and cracks at the root are graded by a certified
blade engineer, not by the software alone, before the report goes out.
"""),
        "report-format": ("The inspection report", """Owners get a report per turbine within 48 hours:
each finding's position on the blade, its grade, a close-up image and a repair recommendation. The
findings also export to the owner's maintenance system as a CSV.
"""),
        "offshore": ("Offshore work", """We inspect offshore turbines from a crew transfer vessel. Offshore
work needs a marine coordinator on our side and a weather window of two days; it is quoted per
campaign rather than per turbine.
"""),
    },
    "keynote-pianos": {
        "tuning-before-concert": ("Tuning on the day", """Every hired piano is tuned in the hall on the
day of the concert, after it has settled for at least four hours. A tuner stays for the interval to
touch up unisons if the soloist asks.
"""),
        "transport": ("Moving a grand", """Our two-person crews move concert grands on a skid board with
the legs and lyre removed. We need a step-free route or a ramp from the loading door to the stage;
stairs cost an extra crew member.
"""),
        "models": ("Which pianos we hire", """The fleet holds six Steinway model D concert grands, four
model B grands and two Yamaha CFX. Model D bookings for the summer festival season should be made by
March.
"""),
        "cancellation": ("Cancelling a hire", """A booking can be cancelled free of charge up to 30 days
before the event. Between 30 and 7 days we keep half the hire fee; later than that the whole fee is
due, though we waive it when the venue itself cancels the event.
"""),
    },
    "clearflue": {
        "sweep-frequency": ("How often to sweep", """Wood burners should be swept twice a year, once
before the heating season and once in spring. Chimneys for smokeless coal need one sweep a year,
gas flues one inspection a year.
"""),
        "certificate": ("The sweeping certificate", """After each sweep the customer gets a certificate
stating the appliance, the flue and its condition. Most home insurers ask for one after a chimney
fire, so customers should keep each year's copy.
"""),
        "booking": ("Booking a visit", """Customers book online and pick a two-hour arrival window. The
sweep texts when on the way. Autumn slots fill early, so we send a reminder each August to last year's
customers.
"""),
        "birds-nests": ("Nests in the chimney", """Jackdaws often nest in chimney pots in spring. Nests
cannot be removed while birds are nesting; we come back after the young have fledged and fit a cowl
so they cannot return.
"""),
    },
}

# (kb, question, the page that answers it, or None: on the KB's topic, answered by no page)
CASES: list[tuple[str, str, str | None]] = [
    ("hivewatch", "How will I know if a colony has gone queenless?", "queen-loss"),
    ("hivewatch", "Can it tell me before my bees abscond in a swarm?", "swarm-warning"),
    ("hivewatch", "How long does the battery in the frame sensor last?", "battery"),
    ("hivewatch", "Does HiveWatch detect varroa mite levels?", None),
    ("hivewatch", "Can the sensors measure honey moisture before extraction?", None),
    ("linenline", "If we hand over sheets in the morning, when do we get them back?", "turnaround"),
    ("linenline", "What happens to towels with fake tan marks that won't wash out?", "stain-policy"),
    ("linenline", "How many sets of bedding should a hotel keep per room?", "par-levels"),
    ("linenline", "Do you supply bathrobes and slippers for guests?", None),
    ("linenline", "Which detergents do you wash hotel linen with?", None),
    ("bladescope", "How many turbines can your crew get through in a day?", "inspection-time"),
    ("bladescope", "Who decides how serious a crack in a blade is?", "damage-grading"),
    ("bladescope", "Can the findings go into our maintenance software?", "report-format"),
    ("bladescope", "Do you repair the leading-edge erosion you find?", None),
    ("bladescope", "Do you inspect the tower and the nacelle as well as the blades?", None),
    ("keynote-pianos", "Will someone be there to retune during the interval?", "tuning-before-concert"),
    ("keynote-pianos", "Our stage is up a flight of stairs. Is that a problem for delivery?", "transport"),
    ("keynote-pianos", "What is the refund if we call off the hire two weeks ahead?", "cancellation"),
    ("keynote-pianos", "Do you provide a page turner for the pianist?", None),
    ("keynote-pianos", "Can we rent a harpsichord for a baroque programme?", None),
    ("clearflue", "How frequently does a log burner need sweeping?", "sweep-frequency"),
    ("clearflue", "Will my insurer want proof that the chimney was cleaned?", "certificate"),
    ("clearflue", "There are birds living in my chimney pot. Can you get them out?", "birds-nests"),
    ("clearflue", "Do you reline chimneys that fail a smoke test?", None),
    ("clearflue", "Can you service my oil-fired boiler?", None),
]


# What the shipped floor (pass 15's) gets wrong, measured once the cases were committed: seven
# paraphrases silenced (none shares a rare word with its page beyond the topic's own) and two
# on-topic questions answered by the KB's nearest page. Kept as strict expected failures.
WRONG_NOW = {
    "How will I know if a colony has gone queenless?",
    "Who decides how serious a crack in a blade is?",
    "Can the findings go into our maintenance software?",
    "Will someone be there to retune during the interval?",
    "Our stage is up a flight of stairs. Is that a problem for delivery?",
    "What is the refund if we call off the hire two weeks ahead?",
    "Will my insurer want proof that the chimney was cleaned?",
    "Which detergents do you wash hotel linen with?",
    "Do you repair the leading-edge erosion you find?",
}


def known_wrong(cases: list[tuple[str, str, str | None]], wrong_now: set[str], search_pass: int) -> list[Any]:
    """``cases`` (kb, question, page), those whose question is in ``wrong_now`` marked as strict expected
    failures naming the pass that measured them (shared by the floor's case files)."""
    wrong = pytest.mark.xfail(strict=True, reason="the shipped floor gets it wrong "
                              f"(ACCURACY.md, Search, pass {search_pass})")
    return [pytest.param(*c, marks=wrong) if c[1] in wrong_now else c for c in cases]


def assert_answered(got: list[str], page: str | None) -> None:
    """The question is answered by ``page`` first, or, where ``page`` is None, reported unanswered."""
    if page is None:
        assert got == [], f"answered {got}"
    else:
        assert got and got[0] == page, f"got {got}"


def make_asker(tmp_path_factory: pytest.TempPathFactory, kbs: dict[str, dict[str, tuple[str, str]]]) -> Any:
    """Index each KB of ``kbs`` (answer pages: name -> (title, body)); return ``ask(kb, question) ->
    [result paths]`` with the real model (shared by the floor's case files)."""
    from ingest.pipeline import ingest
    from knowledge.embedding import get_embedder
    from knowledge.search import SearchOptions, search
    from knowledge.settings import load_settings

    settings = {}
    for kb, pages in kbs.items():
        root = tmp_path_factory.mktemp(kb)
        (root / "canon.toml").write_text(f'[kb]\nname = "{kb}"\nreview_every = "180d"\n\n[index]\npath = ".canon"\n')
        for name, (title, body) in pages.items():
            page = root / "answers" / f"{name}.md"
            page.parent.mkdir(exist_ok=True)
            page.write_text(HEAD.format(title=title, kb=kb) + body)
        settings[kb] = load_settings(root)
        ingest(settings[kb])
    embedder = get_embedder("query")

    def ask(kb: str, question: str) -> list[str]:
        out = search(settings[kb], question, SearchOptions(today=date(2026, 11, 1)), embedder=embedder)
        return [Path(r["path"]).stem for r in out["results"]]

    return ask


@pytest.fixture(scope="module")
def asker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The five KBs indexed once (``make_asker``)."""
    return make_asker(tmp_path_factory, KBS)


@pytest.mark.parametrize(("kb", "question", "page"), known_wrong(CASES, WRONG_NOW, 20))
def test_a_question_is_answered_by_its_page_or_reported_unanswered(asker: Any, kb: str, question: str,
                                                                     page: str | None) -> None:
    assert_answered(asker(kb, question), page)
