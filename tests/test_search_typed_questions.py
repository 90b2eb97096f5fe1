"""Search on small KBs of five more industries no question set covers (a hearing-aid clinic, a
crematorium, a sheet-music publisher, an ice-road haulier, a hydroponic farm), eight answer pages
each, with the real model: an answerable question typed as writers type it (in their own words, with
a typo, in a few words, asking for a figure) must be answered with its page first, and a question on
the KB's topic that no page answers must be reported unanswered.

Written before any of them was run (bench/ACCURACY.md, "Search", pass 26, the nineteenth round). A
case the shipped search gets wrong is kept as a strict expected failure (``WRONG_NOW``), so it shows
when a change fixes it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_search_floor_industries import assert_answered, known_wrong, make_asker

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, tuple[str, str]]] = {
    "clearsound": {
        "hearing-test": ("Your hearing test", """A full hearing test takes about an hour. The audiologist
looks in your ears, plays tones through headphones in a sound booth and checks how well you follow
speech in noise, then talks you through the audiogram.
"""),
        "styles": ("Behind-the-ear or in-the-ear", """Behind-the-ear aids sit over the ear with a thin tube
or wire into the canal and suit most losses. In-the-ear aids are moulded to your canal and are less
visible, but their smaller batteries run down sooner.
"""),
        "batteries": ("Batteries and charging", """Rechargeable aids run for a full day, about 20 hours,
on one night in the charger. Zinc-air batteries in size 312 last five to seven days.
"""),
        "tinnitus": ("Tinnitus", """Many of our aids carry a sound generator that plays a soft rushing
sound to mask ringing in the ears, and our audiologists offer classes on living with tinnitus.
"""),
        "trial": ("Trying aids at home", """Every pair of aids comes with a 30-day home trial. If they do not
suit you, bring them back within the 30 days for a full refund.
"""),
        "earwax": ("Earwax removal", """Wax that blocks the ear canal muffles sound and stops an aid's
sound reaching the eardrum. Our nurses remove it by microsuction, without water, in a 20-minute visit.
"""),
        "aftercare": ("Aftercare and repairs", """We clean and check your aids every six months for the
life of the aids, and replace domes, wax guards and tubes while you wait.
"""),
        "phones": ("Phones and television", """Most of our aids stream calls and music from a phone over
Bluetooth, and a small TV streamer sends the television's sound straight to your aids.
"""),
    },
    "larchfield-crematorium": {
        "booking": ("Booking a cremation", """Your funeral director books the service with us. We need the
medical certificate and the registrar's green form before the cremation can take place.
"""),
        "chapel": ("The chapel", """The chapel seats 120 people, with standing room for 40 more, and a
service slot is 45 minutes including time to enter and leave.
"""),
        "music": ("Music at the service", """Choose music from our online library of over 50,000 pieces, or
bring your own on a USB stick. Music must reach us two working days before the service.
"""),
        "webcast": ("Watching from afar", """Services can be streamed live for family who cannot attend,
and the recording can be watched for 28 days afterwards with a private link.
"""),
        "ashes": ("Collecting the ashes", """The ashes are ready to collect three working days after the
cremation, from our office or through your funeral director.
"""),
        "scattering": ("Scattering ashes in our gardens", """Ashes can be scattered on our garden of rest.
Family may attend the scattering, which we arrange on weekday mornings.
"""),
        "memorials": ("Memorials", """A plaque on the memorial wall is leased for ten years and can be
renewed. Rose bushes in the garden can be dedicated with a small plaque.
"""),
        "environment": ("Our cremators and the environment", """Our cremators filter mercury from the
gases, and the heat they give off warms the chapel and offices.
"""),
    },
    "staveline-music": {
        "submissions": ("Sending us your music", """Composers send a PDF score and, where there is one, a
recording. We read every score and reply within twelve weeks.
"""),
        "royalties": ("Royalties", """Composers receive 10% of the retail price of every printed copy sold
and 50% of what we receive for hire and licensing, paid twice a year.
"""),
        "engraving": ("Engraving", """Every edition is engraved by our own team, who set the notes, lyrics
and page turns and send the composer two rounds of proofs.
"""),
        "hire": ("Hiring orchestral parts", """Orchestras hire full sets of parts for a performance. A hire
runs for three months, and the parts come back with any markings rubbed out.
"""),
        "permissions": ("Permission to arrange", """To arrange or adapt one of our works, ask us in writing
before you start; an arrangement made without permission cannot be performed or sold.
"""),
        "photocopying": ("Photocopying our music", """Choirs may not photocopy our editions. Schools with a
music copying licence may copy up to 5% of a work for teaching.
"""),
        "digital": ("Digital sheet music", """Most of our editions can be bought as a PDF that you print at
home, licensed to one performer or one choir.
"""),
        "out-of-print": ("Out-of-print titles", """Titles we no longer stock can be printed to order from
our archive and posted within two weeks.
"""),
    },
    "northlake-haul": {
        "season": ("The ice road season", """The winter road opens once the lake ice reaches 70 cm, most
years in late January, and closes when it thins again in late March.
"""),
        "weights": ("Load limits on the ice", """Loads are limited by the ice thickness: a full
B-train of 63,500 kg runs only on 100 cm of ice or more. We weigh every load at the gate.
"""),
        "speed": ("Speed on the ice", """Trucks drive at 25 km/h on the ice, and 10 km/h near the shore,
because a truck moving too fast pushes a wave under the ice that can crack it.
"""),
        "convoys": ("Convoys and spacing", """Trucks travel in convoys of up to four, spaced at least 500
metres apart, and keep in radio contact with dispatch.
"""),
        "drivers": ("Driving for us", """Drivers need a Class 1 licence, two winters of northern highway
driving and our ice road course before their first trip.
"""),
        "breakdowns": ("When a truck breaks down", """A truck that stops on the ice must not stay in one
place: the crew calls dispatch, and a recovery unit tows it off the ice within two hours.
"""),
        "cold": ("Extreme cold", """Engines are left running at every stop below minus 30, and every cab
carries a survival kit, a satellite phone and food for three days.
"""),
        "booking": ("Booking freight", """Shippers book loads by the end of October for the coming season;
we confirm the weight and the week each load goes north.
"""),
    },
    "greenstack-farms": {
        "system": ("How we grow", """Our lettuce and herbs grow with their roots in a thin film of nutrient
water running along gutters, with no soil, under LED lights in stacked racks.
"""),
        "water": ("Water use", """The nutrient water is filtered and run round again, so we use about 95%
less water than a field growing the same crop.
"""),
        "nutrients": ("Feeding the plants", """We mix the nutrients for each crop and check the water's
strength and pH every hour, keeping the pH between 5.8 and 6.2.
"""),
        "pests": ("Pests without sprays", """We use no pesticides. Ladybirds and predatory mites are let
loose in the racks to eat aphids and spider mites.
"""),
        "harvest": ("From seed to harvest", """A lettuce is ready 35 days after sowing, basil in about 28,
and we harvest every day of the year.
"""),
        "delivery": ("Deliveries", """Restaurants and shops within 50 km get their order the morning after
it is cut, in chilled vans.
"""),
        "power": ("Lights and power", """The LED lights run 16 hours a day. We buy renewable electricity
and run the lights at night when power is cheapest.
"""),
        "shelf-life": ("How long our greens keep", """Living lettuce is sold with its roots on and keeps
two to three weeks in a fridge.
"""),
    },
}

# (kb, question, the page that answers it, or None: on the KB's topic, answered by no page)
CASES: list[tuple[str, str, str | None]] = [
    ("clearsound", "my ears wont stop ringing, can you help", "tinnitus"),
    ("clearsound", "how long do rechargable ones last before they go flat", "batteries"),
    ("clearsound", "can I give them back if I don't get on with them", "trial"),
    ("clearsound", "Can the aids connect to my mobile for calls?", "phones"),
    ("clearsound", "Do you fit cochlear implants?", None),
    ("clearsound", "How much does a pair of in-the-ear aids cost?", None),
    ("clearsound", "Can you do hearing tests for children under five?", None),
    ("larchfield-crematorium", "how many people fit in the chapel", "chapel"),
    ("larchfield-crematorium", "my brother lives in Australia, can he watch the funeral", "webcast"),
    ("larchfield-crematorium", "when can we pick up mum's ashes", "ashes"),
    ("larchfield-crematorium", "can we play our own songs at the service", "music"),
    ("larchfield-crematorium", "Can we hold a burial in your grounds?", None),
    ("larchfield-crematorium", "How much does a cremation cost?", None),
    ("larchfield-crematorium", "Can ashes be made into jewellery?", None),
    ("staveline-music", "what cut of sales does the composer get", "royalties"),
    ("staveline-music", "Can our choir photocopy the parts?", "photocopying"),
    ("staveline-music", "how long before i hear back about my score", "submissions"),
    ("staveline-music", "I want to rearrange one of your pieces for brass band", "permissions"),
    ("staveline-music", "Do you publish music for video games?", None),
    ("staveline-music", "How much does it cost to hire a full set of orchestral parts?", None),
    ("staveline-music", "Do you sell second-hand instruments?", None),
    ("northlake-haul", "how thick does the ice have to be before the road opens", "season"),
    ("northlake-haul", "what happens if my rig breaks down out on the lake", "breakdowns"),
    ("northlake-haul", "why do you drive so slow on the ice", "speed"),
    ("northlake-haul", "what licence do i need to drive the ice road", "drivers"),
    ("northlake-haul", "How much do you charge per tonne to haul freight north?", None),
    ("northlake-haul", "Do you haul fuel tankers on the ice road?", None),
    ("northlake-haul", "How many trucks have gone through the ice?", None),
    ("greenstack-farms", "do you spray chemicals on the lettuce", "pests"),
    ("greenstack-farms", "how much less water than normal farming", "water"),
    ("greenstack-farms", "how long does the lettuce stay fresh in the fridge", "shelf-life"),
    ("greenstack-farms", "days from seed to harvest for basil", "harvest"),
    ("greenstack-farms", "Do you grow strawberries?", None),
    ("greenstack-farms", "Are your greens certified organic?", None),
    ("greenstack-farms", "Do you sell seedlings to people growing at home?", None),
]

# What the shipped search gets wrong, measured once the cases were committed (bench/ACCURACY.md,
# pass 26): ten of the twenty answerable questions silenced (none answered with another page first),
# and one of the fifteen on-topic questions answered (tests for children, where the hearing-test page
# describes a test). Kept as strict expected failures.
WRONG_NOW = {
    "my ears wont stop ringing, can you help",
    "how long do rechargable ones last before they go flat",
    "Can the aids connect to my mobile for calls?",
    "Can you do hearing tests for children under five?",
    "my brother lives in Australia, can he watch the funeral",
    "when can we pick up mum's ashes",
    "can we play our own songs at the service",
    "what cut of sales does the composer get",
    "how long before i hear back about my score",
    "I want to rearrange one of your pieces for brass band",
    "why do you drive so slow on the ice",
}


@pytest.fixture(scope="module")
def asker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The five KBs indexed once."""
    return make_asker(tmp_path_factory, KBS)


@pytest.mark.parametrize(("kb", "question", "page"), known_wrong(CASES, WRONG_NOW, 26))
def test_a_typed_question_is_answered_by_its_page_or_reported_unanswered(asker: Any, kb: str, question: str,
                                                                          page: str | None) -> None:
    assert_answered(asker(kb, question), page)
