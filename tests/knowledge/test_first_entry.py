"""``knowledge/first_entry.py``: whether the first entry holds what a question asks for, on passages
written here in five industries (orchard frost protection, ferry ticketing, dental aligners, warehouse
robotics, wholesale bakery), each with cases where a reading must not fire."""

from __future__ import annotations

import sqlite3

from knowledge.first_entry import (
    Asked,
    Words,
    kb_names,
    kb_words,
    lacks_held,
    lacks_named,
    read_kb_words,
    store_kb_words,
    words_of,
)
from knowledge.search import GATE, GATED_MARKS, Candidate, floor_features

ORCHARD = ["Frost fans switch on when the orchard reaches 0.5 degrees. Growers in Otago cut frost "
           "losses by 40% in the first spring.", "The fans run on diesel or mains power."]
FERRY = ["Tickets are sold at the Harwich terminal and online. Foot passengers pay at the kiosk.",
         "Vehicle bookings close two hours before sailing."]
ALIGNERS = ["Each aligner is worn for two weeks. Most patients finish treatment in nine months.",
            "Aligners are made in our Leeds lab and posted to the clinic."]
ROBOTS = ["The picking robots lift totes of up to 30 kg. A site of 20 robots is live within six weeks.",
          "Robots charge themselves at the dock when idle."]
BAKERY = ["Sourdough loaves are baked overnight and delivered to cafes before 6am.",
          "Orders placed by noon arrive the next morning, and Cornwall routes run on Tuesdays and Fridays."]


class _Catalog:
    """The little of a catalog the readings use: a chunks table and meta, in memory."""

    def __init__(self, pages: dict[str, list[str]], generation: str = "g1") -> None:
        self.path = f"mem:{id(self)}"
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE chunks (id TEXT, path TEXT, line INTEGER, text TEXT)")
        self.db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        for path, chunks in pages.items():
            for i, text in enumerate(chunks):
                self.db.execute("INSERT INTO chunks VALUES (?, ?, ?, ?)", (f"{path}:{i}:{hash(text)}", path, i, text))
        self.set_meta("generation", generation)

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _words(*pages: list[str]) -> Words:
    return words_of("\n".join(t for p in pages for t in p))


def test_a_word_the_kb_holds_elsewhere_is_lacked_a_word_no_entry_holds_is_not() -> None:
    kb = _words(ROBOTS, FERRY)
    # "dock" is on the robots page; the ferry page, first here, lacks it
    assert lacks_held({"dock": 2.0, "tickets": 2.0}, _words(FERRY), kb) == 0.5
    # a speaker's word no entry holds is not counted
    assert lacks_held({"pricey": 3.0, "tickets": 1.0}, _words(FERRY), kb) == 0.0
    # the first entry holds every word, in another form ("robot", "tote")
    assert lacks_held({"robot": 1.0, "tote": 2.0}, _words(ROBOTS), kb) == 0.0
    # no first entry: nothing is lacked
    assert lacks_held({"dock": 2.0}, None, kb) == 0.0


def test_a_long_word_is_met_by_its_leading_letters_as_the_coverage_meets_it() -> None:
    kb = _words(BAKERY, ORCHARD)
    # "deliveries" meets "delivered" on the bakery page (a long word's leading letters)
    assert lacks_held({"deliveries": 2.0}, _words(BAKERY), kb) == 0.0
    # the orchard page, first here, lacks it while the bakery page holds it
    assert lacks_held({"deliveries": 2.0}, _words(ORCHARD), kb) == 1.0


def test_the_kbs_own_capitals_say_what_is_a_name() -> None:
    names = kb_names(["\n".join(p) for p in (ORCHARD, FERRY, ALIGNERS, ROBOTS, BAKERY)])
    assert {"otago", "harwich", "leeds", "cornwall", "tuesdays"} <= names
    # a sentence's first word is not a name for being capitalised
    assert not {"frost", "tickets", "vehicle", "each", "aligners", "robots", "most", "sourdough", "orders"} & names


def test_a_name_held_elsewhere_and_not_by_the_first_entry_is_lacked() -> None:
    catalog = _Catalog({"orchard.md": ORCHARD, "aligners.md": ALIGNERS})
    kb = read_kb_words(catalog)
    orchard = _words(ORCHARD)
    # "leeds" is a name the aligners page holds; the orchard page, first here, does not
    assert lacks_named({"leeds": 3.0, "fans": 1.0}, orchard, kb) == 1.0
    # the first entry holds it
    assert lacks_named({"otago": 3.0}, orchard, kb) == 0.0
    # a name no entry holds is absent_named's to read, not this one's
    assert lacks_named({"tasmania": 3.0}, orchard, kb) == 0.0
    # an ordinary word the first entry lacks is not a name
    assert lacks_named({"patients": 2.0}, orchard, kb) == 0.0


def test_what_the_kb_holds_is_stored_once_per_generation_and_read_back_alike() -> None:
    catalog = _Catalog({"bakery.md": BAKERY, "ferry.md": FERRY})
    fresh = read_kb_words(catalog)
    store_kb_words(catalog)
    assert kb_words(catalog) == fresh
    # a new generation of the index is read again, not taken from the stored one
    catalog.db.execute("DELETE FROM chunks WHERE path='ferry.md'")
    catalog.set_meta("generation", "g2")
    assert "harwich" not in kb_words(catalog).names


def test_the_gate_counts_a_mark_only_as_far_as_the_first_entry_keeps_the_kbs_words() -> None:
    catalog = _Catalog({"bakery.md": BAKERY, "ferry.md": FERRY, "robots.md": ROBOTS})
    # "What do I tell a cafe whose Cornwall delivery came late?" asks what to say; the bakery page holds
    # every word the KB holds, so the mark counts in full
    asked = Asked({"cafes": 2.0, "cornwall": 3.0, "late": 1.0}, kb_words(catalog), catalog)
    bakery = Candidate("bakery.md", score=0.9, asks_reply=True, asked=asked)
    ferry = Candidate("ferry.md", score=0.2, asks_reply=True, asked=asked)
    f = floor_features([bakery, ferry])
    assert f[GATE] == 1.0 and f[f"{GATED_MARKS[0]}*{GATE}"] == 1.0
    # shown first instead, the ferry page lacks "cafes" and the name "Cornwall", which the KB holds
    f = floor_features([bakery, ferry], shown=ferry)
    assert f["top_keeps_named"] == 0.0 and f[GATE] == 0.0 and f[f"{GATED_MARKS[0]}*{GATE}"] == 0.0
    # no mark, nothing gated; candidates not retrieved (no reading) keep everything
    assert floor_features([Candidate("robots.md", score=0.5, asked=asked)])[f"asks_reply*{GATE}"] == 0.0
    assert floor_features([Candidate("x.md", score=0.5, asks_reply=True)])[f"asks_reply*{GATE}"] == 1.0
