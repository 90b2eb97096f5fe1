"""Figures: whether two statements speak of the same measure, and whether they agree.

Measure identity: whether two figures speak of the same measure, and whether they agree.

Every figure canon knows becomes a :class:`Figure`: a metric registered in front matter, a claim
in an entry's prose, a claim in a draft, a figure an internal speaker quotes on a call. Two
figures are compared only when everything that can be read off them says they *could* be the
same measure, and then the words around them decide:

1. **Unit kind and rate** (hard). Percent only meets percent, durations durations, and so on
   (``knowledge.units`` has put each in one canonical unit: "six weeks" and "42 days" are both 42
   days). A rate ("25 hours a week", "$480K a year") only meets a rate of the same period
   (a metric's period comes from its unit, "invoices/month", or its name, "annual savings").
   Counts must count the same thing: "1,400 finance teams" meets "more than 1400 customers" only
   because the metric's name speaks of finance teams.
2. **Structure** (hard). A *before* figure ("from 14 weeks to 6": 14) only meets a before metric
   (one whose name says "before"/"baseline") or a before figure; a best case ("our fastest
   customer went live in 3 days") never meets a median or an average; a median never meets an
   average; a customer's figure ("Contoso saves $480K") only meets that customer's figures, and
   a figure about no customer never meets one about a customer; a figure scoped to a year ("in
   2023 it was 48%") only meets figures of that year, or undated ones when the year is recent; a
   share that changes ("82% fewer errors") never meets the level of a population ("one in five
   runs has an error"); a count in one country ("500 fleets in India") only meets counts of that
   country, a rating on one site ("4.8 out of 5 on Capterra") only ratings on that site.
3. **The words around the number** (scored). The sentence with the figure masked
   (``Claim.masked``) is embedded, and the content words of the clause holding the figure are
   weighted by their rarity in the KB; the score is the mean of both cosines. A metric is
   represented by its name with the entry's title and by every sentence of its own entry that
   states it, and scores the best of these. A sentence that says little on its own ("On
   average, [NUM].") is read with what precedes it; naming the same customer adds to the score.

Then values decide: figures *agree* when their intervals meet (see :func:`interval`): an exact
statement means its value to the last digit written (half a unit either way, and at least 1%),
"about" widens that to 10% (a share to half the step it is said in: "about 90%" is 85 to 95, and
a share just off that step, within the 10%, is the measure misstated), "nearly"/"almost" means up
to 10% below, "at least"/"more than" and
"up to"/"under" are one-sided, a range agrees with a figure inside it (two ranges must share
both ends). Values given as idioms or fractions ("a month and a half", "two thirds") are
approximate by nature and read as "about".

Deciding, for a figure against the canonical ones (the *targets*): candidates are compatible
targets scoring at least ``BACK``. If one of them agrees and scores within ``MARGIN`` of the best
candidate, the figure is **backed**. Otherwise, if a close disagreeing candidate scores at least
``CONFLICT``, the two **conflict**. Otherwise the figure is **unbacked**. Registered metrics
decide first; statements in prose only decide what no metric does. Agreement is itself evidence
of identity (a random figure of the same kind rarely falls within a few percent), which is why
backing needs less similarity than a conflict does.

Within the KB: claims of approved entries are decided against the approved metrics; the ones no
metric registers are compared with each other, and where two disagree the one fewer statements
agree with is the odd one out (then the one in the less authoritative entry, then the later one).
Figures of one sentence, of headings, and of two sections of one entry (parallel sections: each
value driver's "total annual benefit") are not compared with each other. Draft and retired
entries back nothing; retired figures are only matched to find repeats of them.

Scale: figures are bucketed by unit kind and rate, and within a bucket neighbours are found by
blocked matrix products of the vectors (exact up to ``EXACT_SEARCH_MAX`` targets), or by an
inverted-file index above (k-means cells of ``CELL_SIZE``, ``PROBES`` probed per query). Each
figure keeps its ``NEIGHBOURS`` best candidates (a phrase repeated ten thousand times costs a dozen
pairs, not ten thousand); the filters and decisions then run vectorised over the candidate pairs.
Work grows with n times the cell size, not n squared (``bench/bench_audit.py``: 110,000 claims in
about 30 s on two cores).

Modules, in the order data flows through them: ``figure`` (a statement of a measure and when two
agree), ``reading`` (figures off claims, metrics, entries and calls; the words around them),
``neighbours`` (vectors, figure sets, candidate pairs), ``decide`` (same measure or not; backed,
in conflict, unbacked), ``identity`` (the "same measure?" model that reads, for a figure of a draft
or a call the thresholds leave unbacked, a registered metric named in other words), ``index`` (the figures of one run, shared by the rules), ``wording`` (how
findings speak of figures).
"""

from __future__ import annotations

from .decide import BACK, CONFLICT, MARGIN, Match, Resolution, resolve, retired_repeat
from .figure import Figure, agree, authority, describe_figure, interval, states_value
from .index import FigureIndex, KBFigures
from .neighbours import FigureSet, Pairs, search
from .reading import (
    Entities,
    Lexicon,
    call_claim_contexts,
    claim_contexts,
    figure_of_claim,
    figure_of_metric,
    matching_source,
)
from .wording import approved_figure, quoted, related, shown_figure, where

__all__ = [
    "BACK", "CONFLICT", "MARGIN", "Entities", "Figure", "FigureIndex", "FigureSet", "KBFigures", "Lexicon", "Match",
    "Pairs", "Resolution", "agree", "approved_figure", "authority", "call_claim_contexts", "claim_contexts",
    "describe_figure", "figure_of_claim", "figure_of_metric", "interval", "matching_source", "quoted", "related",
    "resolve", "retired_repeat", "search", "shown_figure", "states_value", "where",
]
