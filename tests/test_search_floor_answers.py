"""The relevance floor on small KBs of six more industries no question set covers (pet cremation,
hot-air balloon flights, septic tank services, church organ care, falconry bird control, a dinghy
sailing school), with the real model: a question asked in other words than the page's must be
answered with that page first, and a question on the KB's topic that no page answers (the figure,
the capability or the named thing asked for is on no page) must be reported unanswered.

Written before any of them was run (bench/ACCURACY.md, "Search", pass 21, the fourteenth round). A
case the shipped search gets wrong is kept as a strict expected failure (``WRONG_NOW``), so it shows
when a change fixes it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_search_floor_industries import assert_answered, known_wrong, make_asker

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, tuple[str, str]]] = {
    "emberrest": {
        "individual-cremation": ("Individual cremation", """In an individual cremation your pet is
cremated alone in the chamber, so the ashes returned to you are only theirs. Ashes come back in a
sealed scatter tube or the urn you chose, within seven to ten working days.
"""),
        "collection": ("Collection from home or the vet", """We collect from your vet's surgery at no
cost. A home collection, day or night, costs £45 within twenty miles. Our drivers bring a stretcher
and a blanket, so a large dog can be carried out with dignity.
"""),
        "keepsakes": ("Paw prints and keepsakes", """Before the cremation we can take a clay paw print
and a clipping of fur. Keepsakes are sealed in a named envelope and returned with the ashes.
"""),
        "attending": ("Attending the cremation", """Owners may be present when the cremation starts. Our
farewell room seats six people and can be booked for thirty minutes beforehand.
"""),
    },
    "skylark-balloons": {
        "weather": ("When flights go ahead", """Balloons fly only in light winds, under 10 knots at
ground level, with no rain and good visibility. The pilot decides on the morning, and about half of
booked flights are postponed at least once; a postponed flight is rebooked free.
"""),
        "weight-limit": ("Passenger weight and fitness", """Passengers over 18 stone (115 kg) need a
second place in the basket. Climbing in needs one knee-high step, and landings can be bumpy, so
passengers must be able to stand for an hour.
"""),
        "flight-length": ("How long the trip lasts", """Allow four hours from meeting the crew to getting
back to the launch field. The flight itself lasts about an hour, followed by a toast and a flight
certificate.
"""),
        "vouchers": ("Flight vouchers", """A flight voucher is valid for two years from purchase and can be
transferred to another person by email.
"""),
    },
    "drainwise": {
        "emptying-frequency": ("How often to empty a septic tank", """A household of four should have
a 3,000-litre septic tank emptied about once a year. Leaving it longer lets solids reach the
soakaway, which can block it for good.
"""),
        "soakaway": ("Soakaway failures", """Pooling water, a sewage smell over the drainage field or
slow toilets after rain mean the soakaway is failing. We run a percolation test and lay a new
drainage field where the ground allows.
"""),
        "discharge-rules": ("The 2020 general binding rules", """Since January 2020 a septic tank in
England may not discharge straight into a watercourse. Owners must replace the tank with a
treatment plant or fit a drainage field; we survey and quote the work.
"""),
        "tanker-access": ("Access for the tanker", """Our tanker parks within 30 metres of the tank lid,
and the lid must be uncovered. Lanes under three metres wide need our smaller vehicle, booked in
advance.
"""),
    },
    "pipeworks": {
        "tuning-visits": ("Tuning visits", """Most church organs need tuning twice a year, before Easter
and before Christmas, when the building is close to its service temperature. A visit takes half a
day for a two-manual instrument.
"""),
        "heating": ("Heating and humidity", """Sudden heating before a Sunday service dries the wind
chests and puts pipes out of tune. Keep the church between 10 and 15 degrees through the week and
raise it slowly, no more than 2 degrees an hour.
"""),
        "releathering": ("Releathering the bellows", """Bellows leather perishes after forty to sixty
years. A wheeze, or a wind supply that sags when full chords are played, means the reservoir needs
releathering, which takes our workshop about six weeks.
"""),
        "faculty": ("Permission for the work", """Work beyond routine maintenance on an organ in a Church
of England church needs a faculty from the diocese. We prepare the specification and the report the
Diocesan Advisory Committee asks for.
"""),
    },
    "hawkline": {
        "how-it-works": ("How falconry deters gulls", """Our falconers fly Harris hawks over a site at
dawn and dusk. Gulls and pigeons see a predator that keeps coming back and move their roosts
elsewhere, usually within six to eight weeks of regular flights.
"""),
        "sites": ("Where we work", """We work at landfill sites, food factories, shopping centres and
stadiums. Airports are covered by a separate team with airside passes.
"""),
        "welfare": ("Our birds' welfare", """The hawks are trained to chase, not to kill; a hawk that
catches a bird is called off. Each hawk flies no more than two hours a day and is weighed every
morning.
"""),
        "nests": ("Gull nests and eggs", """Removing gull nests or eggs needs a licence from Natural
England. We apply for it on the client's behalf and carry out the removal between April and July.
"""),
    },
    "tidewise": {
        "beginners": ("The beginners' course", """The Level 1 and 2 course runs over four days on the
reservoir. Students sail Topper and Quest dinghies with an instructor in a safety boat nearby; no
experience is needed.
"""),
        "capsize": ("Capsize practice", """Every student capsizes on purpose on the second day, in
shallow water with an instructor holding the boat. It is the quickest way to stop being afraid of
tipping over.
"""),
        "kit": ("What to wear", """We lend wetsuits, buoyancy aids and spray tops. Bring old trainers that
can get wet, a towel and a warm layer for afterwards.
"""),
        "children": ("Courses for children", """Children from eight years old can join the Stage 1 youth
course in the school holidays. They must be able to swim 50 metres in clothes.
"""),
    },
}

# (kb, question, the page that answers it, or None: on the KB's topic, answered by no page)
CASES: list[tuple[str, str, str | None]] = [
    ("emberrest", "Will I get back only my own dog's ashes?", "individual-cremation"),
    ("emberrest", "My cat died at home in the night. Can someone come and fetch her?", "collection"),
    ("emberrest", "Can we be there to say goodbye when it happens?", "attending"),
    ("emberrest", "Do you cremate horses?", None),
    ("emberrest", "How much does an individual cremation cost for a large dog?", None),
    ("skylark-balloons", "How long are we actually up in the air?", "flight-length"),
    ("skylark-balloons", "My dad is a big man. Is there a weight limit for the basket?", "weight-limit"),
    ("skylark-balloons", "What happens if it's too windy on our day?", "weather"),
    ("skylark-balloons", "Can we bring our dog on the flight?", None),
    ("skylark-balloons", "Do you offer private flights for just the two of us?", None),
    ("drainwise", "How many times a year should our family's tank be pumped out?", "emptying-frequency"),
    ("drainwise", "The garden smells of sewage after heavy rain. What's going on?", "soakaway"),
    ("drainwise", "Our tank drains into a stream. Is that still allowed?", "discharge-rules"),
    ("drainwise", "Do you carry out CCTV drain surveys?", None),
    ("drainwise", "Do you maintain sewage treatment plants once they're fitted?", None),
    ("pipeworks", "How often should someone come to keep our organ in tune?", "tuning-visits"),
    ("pipeworks", "When big chords are played the sound sags and wheezes. What's wrong?", "releathering"),
    ("pipeworks", "Do we need the diocese's approval before restoring the organ?", "faculty"),
    ("pipeworks", "Can you add a MIDI interface to our pipe organ?", None),
    ("pipeworks", "Do you restore harmoniums and reed organs?", None),
    ("hawkline", "How long before the seagulls stop coming back?", "how-it-works"),
    ("hawkline", "Do the hawks actually kill the pigeons?", "welfare"),
    ("hawkline", "Can you take away the gulls' eggs from our roof?", "nests"),
    ("hawkline", "Do you also fit anti-bird spikes and netting?", None),
    ("hawkline", "Can your hawks deal with rats in a warehouse?", None),
    ("tidewise", "Will I have to tip the boat over deliberately?", "capsize"),
    ("tidewise", "Do I need to buy a wetsuit before I come?", "kit"),
    ("tidewise", "What age can my son start learning to sail?", "children"),
    ("tidewise", "Do you teach windsurfing as well?", None),
    ("tidewise", "Can I keep my own dinghy at the club?", None),
]

# What the shipped floor (pass 15's) gets wrong, measured once the cases were committed: eleven of the
# eighteen paraphrases silenced, and two of the twelve on-topic questions answered by the KB's nearest
# pages (a cremation price, where the collection page states one; a treatment plant, which the rules
# page names). Kept as strict expected failures.
WRONG_NOW = {
    "My cat died at home in the night. Can someone come and fetch her?",
    "Can we be there to say goodbye when it happens?",
    "How much does an individual cremation cost for a large dog?",
    "How long are we actually up in the air?",
    "My dad is a big man. Is there a weight limit for the basket?",
    "What happens if it's too windy on our day?",
    "How many times a year should our family's tank be pumped out?",
    "Our tank drains into a stream. Is that still allowed?",
    "Do you maintain sewage treatment plants once they're fitted?",
    "How often should someone come to keep our organ in tune?",
    "Will I have to tip the boat over deliberately?",
    "Do I need to buy a wetsuit before I come?",
    "What age can my son start learning to sail?",
}


@pytest.fixture(scope="module")
def asker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The six KBs indexed once."""
    return make_asker(tmp_path_factory, KBS)


@pytest.mark.parametrize(("kb", "question", "page"), known_wrong(CASES, WRONG_NOW, 21))
def test_a_question_is_answered_by_its_page_or_reported_unanswered(asker: Any, kb: str, question: str,
                                                                     page: str | None) -> None:
    assert_answered(asker(kb, question), page)
