"""Pass 24's reading (``bench/order_loso.py`` ``metric_coverage``): the share of the question's rare
words that one of an entry's registered metrics holds, on metric passages of three industries (a
ferry operator, a roofing contractor, an orthodontic practice), with cases where it must not fire:
a page that states the figure in prose and registers nothing, a metric of another thing, a
question word the metric does not hold."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from bench.order_loso import metric_coverage

SCHEMA = ("CREATE TABLE chunks (id TEXT PRIMARY KEY, record_id TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL, "
          "line INTEGER NOT NULL, end_line INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL, "
          "vector_key TEXT NOT NULL)")


@dataclass
class Cand:
    path: str


class Catalog:
    """The catalog's chunks table, in memory."""

    def __init__(self, chunks: list[tuple[str, str, str]]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(SCHEMA)
        for i, (path, kind, text) in enumerate(chunks):
            self.db.execute("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?)",
                            (f"t24-{i}-{path}", path, path, kind, 1, 2, "", text, ""))


CHUNKS = [
    ("proof-points/on-time.md", "metric", "Sailings on time: share of sailings leaving within five minutes of schedule: 96%"),
    ("messaging/why-tidelink.md", "section", "Talk about punctual sailings and a timetable islanders trust: 96% leave on time."),
    ("proof-points/leaks.md", "metric", "Leaks after a new roof: share of new roofs with a leak call-back in five years: 0.8%"),
    ("blog/roofs.md", "section", "Why new roofs leak, and what a call-back costs a roofer."),
    ("proof-points/treatment-time.md", "metric", "How long treatment takes: median length of clear aligner treatment: 11 months"),
    ("proof-points/relapse.md", "metric", "Teeth staying straight: share of patients whose teeth moved back in three years: 4%"),
]


def test_the_entry_registering_the_figure_holds_the_question_and_the_page_restating_it_reads_zero() -> None:
    cat = Catalog(CHUNKS)
    cands = [Cand("proof-points/on-time.md"), Cand("messaging/why-tidelink.md")]
    got = metric_coverage(cat, cands, {"sailings": 2.0, "schedule": 2.0, "share": 1.0})
    assert got["proof-points/on-time.md"] == 1.0
    assert "messaging/why-tidelink.md" not in got  # prose, no registered metric


def test_a_share_of_the_question_and_a_stem_match() -> None:
    cat = Catalog(CHUNKS)
    got = metric_coverage(cat, [Cand("proof-points/leaks.md"), Cand("blog/roofs.md")],
                          {"leak": 2.0, "guarantee": 2.0})
    assert got["proof-points/leaks.md"] == 0.5  # "leak" held, "guarantee" not
    assert "blog/roofs.md" not in got


def test_a_metric_of_another_thing_does_not_fire() -> None:
    cat = Catalog(CHUNKS)
    cands = [Cand("proof-points/treatment-time.md"), Cand("proof-points/relapse.md")]
    got = metric_coverage(cat, cands, {"retainer": 2.0, "replacement": 2.0})
    assert got.get("proof-points/treatment-time.md", 0.0) == 0.0
    assert got.get("proof-points/relapse.md", 0.0) == 0.0
    got = metric_coverage(cat, cands, {"aligner": 2.0, "months": 1.0})
    assert got["proof-points/treatment-time.md"] == 1.0
    assert got.get("proof-points/relapse.md", 0.0) == 0.0


def test_no_candidates_or_no_words_read_nothing() -> None:
    cat = Catalog(CHUNKS)
    assert metric_coverage(cat, [], {"sailings": 1.0}) == {}
    assert metric_coverage(cat, [Cand("proof-points/on-time.md")], {}) == {}
