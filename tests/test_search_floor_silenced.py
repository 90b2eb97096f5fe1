"""The relevance floor on small KBs of six more industries no question set covers (a hat maker, a
model railway shop, a bell foundry, a saddler, a kiln builder, a thatcher), with the real model:
an answerable question typed as writers type it (in other words than the page's, with a typo, or in
a few words) must be answered with its page first, and a question on the KB's topic that no page
answers (the figure, the capability or the thing asked for is on no page) must be reported
unanswered.

Written before any of them was run (bench/ACCURACY.md, "Search", pass 25, the sixteenth round). A
case the shipped search gets wrong is kept as a strict expected failure (``WRONG_NOW``), so it shows
when a change fixes it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_search_floor_industries import assert_answered, known_wrong, make_asker

pytestmark = pytest.mark.model

KBS: dict[str, dict[str, tuple[str, str]]] = {
    "feltworks": {
        "sizing": ("Finding your hat size", """Measure round your head just above the ears and across
the forehead with a soft tape. A head of 57 cm takes a size 7 1/8; between two sizes, choose the
larger and we add a foam strip behind the sweatband.
"""),
        "bespoke": ("Bespoke hats", """A bespoke hat is blocked on a wooden block shaped to your head
after a fitting in our workshop. It takes six to eight weeks from the fitting to collection.
"""),
        "rain": ("Felt hats in the rain", """Our fur felt hats are treated to shed light rain. If a hat
gets soaked, stand it on its crown away from a radiator and let it dry slowly overnight.
"""),
        "repairs": ("Cleaning and repairs", """We steam and reshape hats, replace worn sweatbands and
ribbons, and brush out dust. A clean and reshape costs £35 and takes about two weeks.
"""),
    },
    "gaugeline": {
        "scales": ("OO and HO scales", """OO gauge models are built at 1:76 and HO at 1:87, yet both
run on the same 16.5 mm track. Mixing them on one layout works, but the buildings and wagons look
out of proportion side by side.
"""),
        "dcc": ("Converting a locomotive to DCC", """A locomotive with a 21-pin or 8-pin socket takes a
decoder in minutes; older models need the motor isolated and wired by hand. We fit decoders in our
workshop for £28 plus the decoder.
"""),
        "baseboards": ("Building a baseboard", """Use 9 mm plywood on a frame of 70 by 20 mm timber,
with cross braces every 40 cm so the board does not sag or twist when the room warms up.
"""),
        "cleaning": ("Keeping the track clean", """Dirty rails make locomotives stutter and stall. Wipe
the rail tops with isopropyl alcohol on a lint-free cloth once a month, and never use an abrasive
rubber on nickel silver track.
"""),
    },
    "bellcast": {
        "tuning": ("How a bell is tuned", """After casting, each bell is tuned on a vertical lathe by
shaving metal from inside the waist, until its hum, prime and tierce notes sit in the right
intervals. A bell can only be tuned downwards.
"""),
        "metal": ("Bell metal", """Our bells are cast in bronze of 77 parts copper to 23 parts tin,
which gives a long, clear tone and keeps for centuries outdoors.
"""),
        "rehanging": ("Rehanging a ring of bells", """Rehanging a ring means new bearings, a new frame
or headstocks, and often tuning. A ring of eight takes about four months from removal to the first
ring, most of it in our foundry.
"""),
        "cracked": ("Cracked bells", """A cracked bell can often be saved by welding the crack and
retuning, for about a third of the cost of recasting it; a bell cracked across the lip is recast.
"""),
    },
    "stirrup-and-awl": {
        "fitting": ("Saddle fitting", """A saddle that fits clears the horse's withers by two to three
fingers and leaves the shoulder blade free to move. Our qualified fitter visits your yard and
checks the fit with you riding.
"""),
        "flocking": ("Reflocking", """Wool flocking packs down with use, so a saddle should be checked
twice a year and reflocked when it sits unevenly. A full reflock takes the saddle away for a week.
"""),
        "leather-care": ("Looking after leather", """Wipe sweat off the tack after every ride, and clean
and condition the leather once a week. Too much oil stretches it and rots the stitching.
"""),
        "made-to-measure": ("Made-to-measure saddles", """A made-to-measure saddle is built on a tree
fitted to your horse's back from templates our fitter takes. It is ready in ten to twelve weeks.
"""),
    },
    "firebox-kilns": {
        "wood-kiln": ("Wood-fired kilns", """Our anagama wood kilns are built from dense firebrick with
an insulating outer skin. A firing to cone 10 burns for three to five days and needs a team
stoking in shifts.
"""),
        "build-time": ("How long a kiln build takes", """A two cubic metre kiln takes our crew about
three weeks on site, after the concrete pad has cured for a month.
"""),
        "planning": ("Siting and permission", """Most kilns need no planning permission, but a chimney
over 3 metres or a site near houses may, and the smoke must meet the local authority's rules.
"""),
        "relining": ("Relining an old kiln", """Cracked or spalling bricks in the firing chamber are cut
out and replaced with new firebrick, and the door arch is rebuilt if it has dropped.
"""),
    },
    "reedcraft": {
        "lifespan": ("How long a thatched roof lasts", """A water reed roof lasts 40 to 60 years, a long
straw roof 20 to 30. The ridge wears faster and is replaced every 10 to 15 years.
"""),
        "fire": ("Fire safety under thatch", """Most thatch fires start at the chimney. Have it swept
twice a year, fit a stainless steel liner, and burn dry, seasoned wood.
"""),
        "insurance": ("Insuring a thatched home", """Thatched homes need a specialist insurer. Premiums
are higher than for a tiled roof, and most insurers ask for a chimney sweep's certificate.
"""),
        "netting": ("Wire netting and birds", """Birds pull reed out for nests and to hunt insects. We
fit galvanised wire netting over the whole roof, which stops them and lasts as long as the coat.
"""),
    },
}

# (kb, question, the page that answers it, or None: on the KB's topic, answered by no page)
CASES: list[tuple[str, str, str | None]] = [
    ("feltworks", "My hat got drenched walking home, what do I do now?", "rain"),
    ("feltworks", "how long for a made to mesure hat", "bespoke"),
    ("feltworks", "sweatband replacement?", "repairs"),
    ("feltworks", "Do you make straw boaters?", None),
    ("feltworks", "How much does a bespoke hat cost?", None),
    ("gaugeline", "Can I run HO wagons on my OO layout?", "scales"),
    ("gaugeline", "my loco keeps stutering and stopping on the track", "cleaning"),
    ("gaugeline", "DCC fitting price", "dcc"),
    ("gaugeline", "Do you sell N gauge starter sets?", None),
    ("gaugeline", "Can you repair a broken steam locomotive boiler?", None),
    ("bellcast", "What are your bells made of?", "metal"),
    ("bellcast", "Can a bell with a crack in it be mended?", "cracked"),
    ("bellcast", "how long to rehang eight bells", "rehanging"),
    ("bellcast", "Do you make handbells for a handbell choir?", None),
    ("bellcast", "How much does it cost to cast a new tenor bell?", None),
    ("stirrup-and-awl", "How do I know the saddle isn't pinching my horse?", "fitting"),
    ("stirrup-and-awl", "how often shoud a saddle be reflocked", "flocking"),
    ("stirrup-and-awl", "bespoke saddle lead time", "made-to-measure"),
    ("stirrup-and-awl", "Do you make western saddles?", None),
    ("stirrup-and-awl", "Can you fit a treeless saddle?", None),
    ("firebox-kilns", "How many days does a wood firing go on for?", "wood-kiln"),
    ("firebox-kilns", "do i need planning permision for a kiln", "planning"),
    ("firebox-kilns", "weeks to build a kiln", "build-time"),
    ("firebox-kilns", "Do you build electric kilns?", None),
    ("firebox-kilns", "How much does a two cubic metre kiln cost?", None),
    ("reedcraft", "How many years before the roof needs rethatching?", "lifespan"),
    ("reedcraft", "birds keep pulling bits out of our roof", "netting"),
    ("reedcraft", "chimney fire risk thatch", "fire"),
    ("reedcraft", "Do you thatch roofs in heather?", None),
    ("reedcraft", "Which insurers do you recommend for thatched homes?", None),
]

# What the shipped floor gets wrong, measured once the cases were committed: seven of the eighteen
# answerable questions silenced (none answered with another page first), and three of the twelve
# on-topic questions answered (a bespoke hat's price, where the repairs page states one; a treeless
# saddle and the insurers to use, whose pages name the topic). Kept as strict expected failures.
WRONG_NOW = {
    "My hat got drenched walking home, what do I do now?",
    "how long for a made to mesure hat",
    "How much does a bespoke hat cost?",
    "my loco keeps stutering and stopping on the track",
    "DCC fitting price",
    "What are your bells made of?",
    "How do I know the saddle isn't pinching my horse?",
    "bespoke saddle lead time",
    "Can you fit a treeless saddle?",
    "Which insurers do you recommend for thatched homes?",
}


@pytest.fixture(scope="module")
def asker(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The six KBs indexed once."""
    return make_asker(tmp_path_factory, KBS)


@pytest.mark.parametrize(("kb", "question", "page"), known_wrong(CASES, WRONG_NOW, 25))
def test_a_typed_question_is_answered_by_its_page_or_reported_unanswered(asker: Any, kb: str, question: str,
                                                                          page: str | None) -> None:
    assert_answered(asker(kb, question), page)
