"""How well ``canon objections`` does on labelled corpora, with the real model.

Each corpus is a folder with a ``labels.json`` (key ``objections``, and the ``objection-gap``
findings under ``audit``) and the KB it labels. Four are scored, and a final exam:

- Northwind (``../shared/corpora/northwind``), the shared labelled corpus; skipped when absent;
- the bundled example (``examples``), labelled from ``examples/README.md``, which was written
  before any of canon's thresholds existed: a held-out set;
- Quayside (``tests/data/corpora/quayside``), 13 calls of a grocery-forecasting company written and
  labelled before canon was first run on them (four raw speech-recognition exports, three new themes).
  First measured (2026-12): precision 0.885, recall 0.605, F1 0.719, matching 0.565, no theme mined,
  coverage 0.667, gap precision 1.0, recall 0.333. (A detector retrained on 56 more sentences written
  after reading its misses gave 0.897 / 0.684 / 0.776 here, nothing on Northwind or the example, and
  1-2 more false mentions on the final exam: not kept.)
- Sablewood (``tests/data/corpora/sablewood``), 14 calls of a veterinary-software company, written
  and labelled blind (its writer read neither canon's code nor its data) before any scored run: a
  held-out set for objection work begun before it existed. First measured (2026-12-06, main
  6f49cb3): precision 0.85, recall 0.54, F1 0.66, matching 0.64, 2 of 3 new themes mined (purity
  1.0), coverage 0.78, gap precision and recall 0.67.

The measures (see ``tests/scoring.py``): mention precision, recall and F1; matching accuracy;
theme purity; coverage accuracy; objection-gap precision and recall. The floors sit a little under
what was measured; raise them when the numbers go up. Two quick checks without the model make
sure the labels hold together and that the scorer gives full marks to output built from them.

On the example, when its floors were last set (after the resistance cues taken from the scored
calls were removed and the trained detector took their place): mention precision 0.889, recall
0.800 (24 of 30 labelled turns), F1 0.842; matching 0.958; theme purity 0.833; coverage 1.0; gap
precision 1.0, recall 1.0 (the technicians-working-offline theme, which has no objection entry, is
mined). Northwind at the same time: precision 0.843, recall 0.827, F1 0.835, matching 0.860;
purity, coverage and gaps 1.0. Larkspur (``../shared/corpora/larkspur``, 18 calls of which 7 are
raw speech-recognition exports) is the final exam, scored only at the start and the end of a piece
of objection work; at the start of that work: precision 0.73, recall 0.62, F1 0.67, matching 0.62,
purity 0.93, coverage 0.80, gap precision 0.50, recall 0.75. Before detection and absorption were
calibrated to each entry's own examples (and a mention kept to one piece of a turn), recall on the
example was 0.433 and that theme was never found.

From the seventh round the turn-piece blend (``knowledge/objections/blend.py``) is fitted on the
seven development corpora scored here (Northwind, the example, Quayside, Sablewood, Proscenia,
Docketry, Ravelin), so their floors are in-sample figures; its leave-one-corpus-out figures are in
``bench/ACCURACY.md``. Wickerby and Pellucid were held out from that round's work.
"""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from tests.conftest import (
    ASSAYMOOR,
    BRACKENFORD,
    CINDERWELL,
    COPPERLANE,
    CRADLEWICK,
    DOCKETRY,
    EXAMPLES,
    GAVELBURY,
    GULLROCK,
    HAZELMERE,
    HIVEBURY,
    HOISTLEY,
    INKBERRY,
    LANTERNFIELD,
    MOORQUAY,
    NETHERBY,
    NORTHWIND,
    PANELFORD,
    PELLUCID,
    PENNOCK,
    PLOTTWICK,
    PROSCENIA,
    QUAYSIDE,
    RAVELIN,
    ROOKHAVEN,
    SABLEWOOD,
    SAFFRONLEIGH,
    SHAFTMERE,
    SLEEPERTON,
    SNOWLARK,
    TIDEWELL,
    WICKERBY,
    YEWCOMBE,
)
from tests.conftest import CORPORA as SHARED_CORPORA
from tests.scoring import (
    Corpus,
    below_floors,
    find_mention,
    format_table,
    has_labels,
    labelled_mentions,
    load_corpus,
    score_objections,
)

FLOORS: dict[str, dict[str, float]] = {
    "northwind": {
        # Seventh round (the turn-piece blend, knowledge/objections/blend.py): P 0.852 -> 0.857, recall
        # 0.885 -> 0.923, F1 0.868 -> 0.889, purity 0.800 -> 0.812 (matching 0.804 -> 0.792); raised.
        "mention precision": 0.85,
        # Raised with the dialogue as evidence (fifth round: recall 0.846 -> 0.885, F1 0.846 -> 0.868).
        # ninth round, the add/drop model (Tuning.pieces): recall 0.904 -> 0.885 (F1 0.879 -> 0.876; held out 0.879 -> 0.868),
        # lowered under the ship rule of bench/ACCURACY.md ("One model to add and drop objection pieces")
        "mention recall": 0.87,
        "mention F1": 0.87,
        # Lowered from 0.82 / 0.95 / 0.95 with the cues taken from Northwind's own calls (2026-12):
        # the resistance they no longer find in-sample now comes from the detector, and two
        # change-management remarks it finds form a theme of their own (see bench/ACCURACY.md, objections).
        # Raised from 0.80 when a mention's own sentences count towards its entry (0.814 -> 0.818).
        # Lowered from 0.81 / 0.85 with the dialogue as evidence (fifth round): of its two new hits,
        # a security-review remark about a fraudster posing as a supplier joins the supplier-portal
        # theme (matching 0.818 -> 0.804, purity 0.857 -> 0.800), since it is placed by its own words.
        # Seventh round (closeness read partly in the concerns' space): matching 0.804 -> 0.870,
        # purity 0.800 -> 1.00, gap precision 0.833 -> 1.00 (the fraud remark goes to security review,
        # the adoption and pricing remarks to their entries); raised.
        "matching accuracy": 0.85,
        # ninth round, the add/drop model (Tuning.pieces): purity 1.00 -> 0.909 (a stray joins a theme); lowered under the ship rule
        "theme purity": 0.88,
        "coverage accuracy": 0.95,
        "gap precision": 0.95,
        "gap recall": 0.95,
    },
    # held out: floors a little under what was measured, not what we would like (see above)
    # Recall and F1 raised with follow-ups (2026-12: 0.800 -> 0.833, 0.842 -> 0.862).
    "examples": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.893 -> 0.852, R 0.833 -> 0.767, F1 0.862 -> 0.807
        # (held out 0.800: three objections its prospects raise early in the call are dropped or not
        # added); lowered under the ship rule of bench/ACCURACY.md ("One model to add and drop objection pieces")
        "mention precision": 0.83,
        "mention recall": 0.75,
        "mention F1": 0.79,
        "matching accuracy": 0.92,
        "theme purity": 0.80,
        "coverage accuracy": 0.95,
        "gap precision": 0.95,
        "gap recall": 0.95,
    },
    # another company's calls (tests/data/corpora/quayside), written and labelled before any scored
    # run: floors a little under its first measurement (P 0.885, R 0.605, F1 0.719, matching 0.565).
    # No theme is mined there yet (each of its three new themes is filed under a known objection), so
    # theme purity has no floor: it cannot be measured. (A same-concern check that kept the
    # franchise-owner theme apart, matching 0.652, was taken out: see bench/ACCURACY.md, objections.)
    # With follow-ups (2026-12): P 0.897, R 0.684, F1 0.776, floors raised; matching 14 of 26 hits
    # (0.538, was 13 of 23): a follow-up is filed with the objection it carries on, and two of the
    # three gained carry on a mention filed under the wrong entry, so that floor went down to 0.52.
    # Seventh round (the turn-piece blend): P 0.897 -> 0.900, R 0.684 -> 0.711, F1 0.776 -> 0.794,
    # matching 0.538 -> 0.556; raised.
    "quayside": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.900 -> 0.938, R 0.711 -> 0.789, F1 0.794 -> 0.857
        # (held out 0.933 / 0.737 / 0.824), raised; matching 0.556 -> 0.500 (held out 0.536), lowered under the ship rule
        "mention precision": 0.92,
        "mention recall": 0.77,
        "mention F1": 0.84,
        "matching accuracy": 0.48,
        "coverage accuracy": 0.65,
        "gap precision": 0.95,
        "gap recall": 0.30,
    },
    # a blind set (tests/data/corpora/sablewood): floors a little under its first measurement
    # (P 0.85, R 0.54, F1 0.66, matching 0.64). With follow-ups (knowledge/objections/followups.py,
    # judged here after it was built without this set): P 0.86, R 0.58, F1 0.69, and matching 0.60, as a
    # follow-up goes where the mention it carries on went: matching lowered to that, recall and F1 raised.
    # Fifth round (the dialogue as evidence): recall 0.577 -> 0.615, F1 0.690 -> 0.711, matching
    # 0.600 -> 0.656 (three more hits, two placed right); floors raised.
    # Sixth round (a question asking for information carries nothing on; the coverage model): precision
    # 0.842 -> 0.865, F1 0.711 -> 0.719, gap precision 0.67 -> 1.00 (the payment-processing theme is
    # answered by the one entry standing out for it); floors raised.
    # Seventh round (closeness read partly in the concerns' space): matching 0.656 -> 0.688; raised.
    "sablewood": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.872 -> 0.919, F1 0.747 -> 0.764 (held out unchanged); raised
        # tenth round, the model refitted on thirteen corpora: P 0.919 -> 0.895, F1 0.764 -> 0.756 (held out
        # 0.747 both ways: the pooled held-out figures decided it); lowered from 0.90 under the ship rule
        "mention precision": 0.88,
        "mention recall": 0.60,
        "mention F1": 0.74,
        "matching accuracy": 0.67,
        "theme purity": 0.95,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.62,
    },
    # a second blind set (tests/data/corpora/proscenia: theatre box office), written at the end of the
    # fourth round and scored with that morning's code (P 0.85, R 0.54, F1 0.66, matching 0.75, purity
    # 1.00, coverage 0.78, gaps 1.00 / 0.67) and that evening's (0.83 / 0.56 / 0.67, 0.76, purity 0.67:
    # a request joined the one theme mined, 0.78, gaps the same): floors a little under the evening's.
    # Sixth round (buying signals dropped, a question asking for information carries nothing on):
    # precision 0.829 -> 0.879, F1 0.667 -> 0.682, purity 0.667 -> 1.00 (the request is gone); raised.
    # Seventh round (the turn-piece blend): P 0.879 -> 0.882, R 0.558 -> 0.577, F1 0.682 -> 0.698
    # (matching 0.759 -> 0.733: the remark gained is a data-migration worry filed under pricing); raised.
    "proscenia": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.882 -> 0.941, R 0.577 -> 0.615, F1 0.698 -> 0.744
        # (held out 1.000 / 0.615 / 0.762), matching 0.733 -> 0.750; raised
        # tenth round, the model refitted on thirteen corpora: P 0.941 -> 0.970, F1 0.744 -> 0.753 (held out
        # 0.753); raised
        "mention precision": 0.95,
        "mention recall": 0.59,
        "mention F1": 0.73,
        "matching accuracy": 0.73,
        "theme purity": 0.95,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.62,
    },
    # a third blind set (tests/data/corpora/docketry: law-firm practice management), written and
    # labelled on 2026-12-06 before canon first ran on it and held out from the fifth round's objection
    # work: first scored with that morning's code (18d3464: P 0.70, R 0.55, F1 0.62, matching 0.62,
    # coverage 0.67, gaps 0.50 / 0.33; no new theme found, one stray theme) and after the round (P 0.72,
    # R 0.62, F1 0.67, matching 0.62, the same coverage and gaps): floors a little under the latter.
    # Sixth round (a sure remark echoed in another call; questions asking for information dropped; the
    # coverage model): P 0.738, R 0.660, F1 0.697, matching 0.677, coverage 0.778 (the no-signal theme is
    # mined and answered), gaps 0.50 / 0.33; the echo was then switched off, as it cost the blind ravelin
    # set a new theme, matching and coverage: P 0.725, R 0.617, F1 0.667, matching 0.655, coverage 0.667.
    # The floors raised for the echo were set back under that (recall 0.63 -> 0.60, F1 0.67 -> 0.65,
    # coverage 0.75 -> 0.65), still above where the round began.
    # Theme purity has no floor: the one theme mined is a stray (payment terms), whose purity of 1.00
    # says nothing.
    # Seventh round (the turn-piece blend): P 0.725 -> 0.732, R 0.617 -> 0.638, F1 0.667 -> 0.682, matching
    # 0.655 -> 0.667; raised.
    # Seventh round (closeness read partly in the concerns' space): matching 0.655 ->
    # 0.724; raised.
    "docketry": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.732 -> 0.775, R 0.638 -> 0.660, F1 0.682 -> 0.713,
        # matching 0.733 -> 0.742 (the same held out); raised
        # tenth round, the model refitted on thirteen corpora: P 0.775 -> 0.795, F1 0.713 -> 0.721 (the same
        # held out); raised
        "mention precision": 0.78,
        "mention recall": 0.64,
        "mention F1": 0.70,
        "matching accuracy": 0.72,
        "coverage accuracy": 0.65,
        "gap precision": 0.45,
        "gap recall": 0.30,
    },
    # a fourth blind set (tests/data/corpora/ravelin: rostering and payroll for hospitality, 6 of 16 calls
    # raw speech recognition), written and labelled on 2026-12-06 at the start of the sixth round and
    # held out from all of its work: first scored with that morning's code (37e7ad9: P 0.88, R 0.74,
    # F1 0.80, matching 0.67, purity 0.81, coverage 0.78, gaps 0.83 / 1.00). Its labels mark 17 turns
    # `optional` (tolerated either way) and give `alt_objections`, which the scorer honours.
    # A development set from the seventh round on (the blend is fitted on it too): P 0.875 -> 0.881,
    # R 0.742 -> 0.788, F1 0.803 -> 0.832, purity 0.812 -> 0.824, coverage 0.778 -> 0.889; raised.
    # Seventh round (closeness read partly in the concerns' space): matching 0.673 -> 0.731; raised.
    # Eighth round (a remark little like the rest of its theme leaves it, Tuning.theme_member):
    # purity 0.882 -> 0.941; raised.
    "ravelin": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.885 -> 0.903, R 0.818 -> 0.848, F1 0.850 -> 0.875
        # (held out unchanged), raised; matching 0.702 -> 0.695, lowered under the ship rule
        "mention precision": 0.88,
        "mention recall": 0.82,
        "mention F1": 0.85,
        "matching accuracy": 0.68,
        "theme purity": 0.9,
        "coverage accuracy": 0.85,
        "gap precision": 0.8,
        "gap recall": 0.95,
    },
    # two more blind sets (tests/data/corpora/wickerby: school management, US districts, English trusts,
    # Kenyan and Indian schools, 15 calls of which 6 raw speech recognition; tests/data/corpora/pellucid:
    # clinical-trial data capture, 15 calls of which 5 raw speech recognition), written and labelled on
    # 2026-12-06 at the start of the seventh round and held out from all of its work. First scored with
    # that morning's code (c371d46): wickerby P 0.86, R 0.71, F1 0.77, matching 0.69, no theme mined,
    # coverage 0.67, gaps 1.00 / 0.25; pellucid P 0.80, R 0.57, F1 0.67, matching 0.69, purity 0.85,
    # coverage 0.67, gaps 0.80 / 0.60. At the round's end, still held out: wickerby 0.82 / 0.71 / 0.76,
    # matching 0.79, one theme mined (purity 0.50: no floor), coverage 0.78, gaps 0.50 / 0.25; pellucid
    # 0.82 / 0.63 / 0.71, matching 0.72, purity 0.86, coverage 0.67, gaps 0.75 / 0.60. Floors a little
    # under the latter. Eighth round (a remark little like the rest of its theme leaves it,
    # Tuning.theme_member): wickerby purity 0.50 -> 0.67 (its safeguarding theme is found: 0 -> 1 of 3
    # new themes), gaps 0.50 / 0.25 -> 1.00 / 0.50; pellucid purity 0.857 -> 0.923; raised.
    "wickerby": {
        "mention precision": 0.8,
        # ninth round, the add/drop model (Tuning.pieces): R 0.706 -> 0.725, F1 0.758 -> 0.771 (the same held out), raised;
        # coverage 0.778 -> 0.667 (held out the same), lowered under the ship rule
        "mention recall": 0.7,
        "mention F1": 0.75,
        "matching accuracy": 0.77,
        "theme purity": 0.62,
        "coverage accuracy": 0.65,
        "gap precision": 0.95,
        "gap recall": 0.45,
    },
    "pellucid": {
        "mention precision": 0.8,
        "mention recall": 0.61,
        "mention F1": 0.69,
        "matching accuracy": 0.7,
        "theme purity": 0.82,  # 0.85 with a remark outside every labelled turn counted against purity (0.92 before)
        # ninth round: a known objection is no longer covered by an entry that only stands out
        # (vendor-audit, labelled a gap): coverage 0.67 -> 0.78, gaps 0.75 / 0.60 -> 0.80 / 0.80
        "coverage accuracy": 0.75,
        "gap precision": 0.75,
        "gap recall": 0.75,
    },
    # two more blind sets (tests/data/corpora/cinderwell: charging management for electric vehicle
    # fleets, prospects in the UK, Germany, Kenya, the US, Ireland and New Zealand, 15 calls of which 6
    # raw speech recognition; tests/data/corpora/lanternfield: veterinary practice software, the
    # industry of sablewood but another company, Irish, Australian, Filipino, Canadian and South African
    # prospects, 15 calls of which 5 raw speech recognition), written and labelled on 2026-12-06 at the
    # start of the eighth round and held out from all of its work. First scored with that morning's
    # code (2ac6d24): cinderwell P 0.59, R 0.69, F1 0.64, matching 0.69, purity 0.57 (6 themes), coverage
    # 0.89, gaps 0.75 / 0.80; lanternfield 0.82 / 0.67 / 0.74, matching 0.61, no theme mined, coverage
    # 0.56, gaps 1.00 / 0.20. At the round's end, still held out: cinderwell precision 0.60, purity
    # 0.60 (a remark unlike the rest of its theme leaves it), the rest unchanged; lanternfield
    # unchanged. Floors a little under. Ninth round: the scorer counts a report on a labelled turn's
    # ``alt_lines`` (cinderwell's subtitle turns spread over cues), as its labels say; the same code
    # then measures cinderwell P 0.83, R 0.71, F1 0.76, matching 0.73, purity 0.92 (wickerby, the other
    # corpus with such labels, unchanged).
    "cinderwell": {
        "mention precision": 0.8,
        # ninth round, the add/drop model (Tuning.pieces): P 0.828 -> 0.831, R 0.706 -> 0.725, F1 0.762 -> 0.774
        # (held out 0.836 / 0.765 / 0.799), raised; matching 0.729 -> 0.694 (held out 0.706), lowered under the ship rule
        "mention recall": 0.7,
        "mention F1": 0.75,
        "matching accuracy": 0.67,
        "theme purity": 0.77,  # 0.80 so counted (0.92 before): the floor follows the scorer, lowered from 0.90
        "coverage accuracy": 0.85,
        "gap precision": 0.7,
        "gap recall": 0.75,
    },
    "lanternfield": {
        # ninth round, the add/drop model (Tuning.pieces): P 0.816 -> 0.947, R 0.674 -> 0.783, F1 0.738 -> 0.857,
        # matching 0.613 -> 0.750, two themes mined (purity 0.833, 2 of 3 new themes kept apart), coverage
        # 0.667 -> 0.889, gap recall 0.40 -> 0.80 (held out: 0.919 / 0.739 / 0.819, matching 0.706, one theme,
        # purity 1.00, coverage 0.778, gap recall 0.60); raised
        "mention precision": 0.92,
        "mention recall": 0.76,
        "mention F1": 0.83,
        "matching accuracy": 0.72,
        # ninth round, the same (contract-lock-in): coverage 0.56 -> 0.67, gap recall 0.20 -> 0.40
        "coverage accuracy": 0.86,
        "gap precision": 0.95,
        "gap recall": 0.75,
        "theme purity": 0.8,
    },
    # two more blind sets (tests/data/corpora/inkberry: a translation and localisation management
    # platform, prospects in Germany, Japan, Brazil, the UK, Canada and Singapore, 15 calls of which 5
    # raw speech recognition; tests/data/corpora/hoistley: field service and remote monitoring for lift
    # maintenance contractors, prospects in the UK, Singapore, the US, Australia, the UAE and Poland, 15
    # calls of which 5 raw speech recognition), written and labelled on 2026-12-06 at the start of the
    # ninth round and held out from all of its work. First scored with that morning's code (2a7777b):
    # inkberry P 0.85, R 0.65, F1 0.74, matching 0.60, purity 0.86 (3 themes), coverage 0.67, gaps
    # 1.00 / 0.60; hoistley 0.93 / 0.58 / 0.72, matching 0.73, purity 1.00 (3 themes), coverage 0.67,
    # gaps 0.00 / 0.00 (two false, five missed). At the round's end, still held out (the add/drop model of
    # objection pieces): inkberry 0.93 / 0.77 / 0.84, matching 0.66, purity 0.90 (4 themes), coverage
    # 0.78, gaps 1.00 / 0.80; hoistley 0.93 / 0.63 / 0.75, matching 0.72, the rest unchanged. Floors a
    # little under the end figures.
    "inkberry": {
        "mention precision": 0.9,
        "mention recall": 0.74,
        "mention F1": 0.81,
        "matching accuracy": 0.63,
        "theme purity": 0.87,  # 0.71 so counted at the start of the round (0.86 before), 0.90 at its end
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.75,
    },
    # Tenth round (both development sets from then on): the add/drop model refitted on thirteen corpora:
    # hoistley R 0.633 -> 0.650, F1 0.754 -> 0.766, matching 0.725 -> 0.732; inkberry unchanged. A theme
    # no longer covered by the answer written for a known objection (Tuning.standout_linked off) raised
    # hoistley's coverage 0.667 -> 0.889 and was taken out after review (one of its gaps was a known
    # objection in other words): coverage and gap floors as before.
    "hoistley": {
        "mention precision": 0.9,
        "mention recall": 0.63,
        "mention F1": 0.74,
        "matching accuracy": 0.71,
        "theme purity": 0.95,
        "coverage accuracy": 0.63,
        # the scorer reads a known objection's gap on its entry at any line (eleventh round): gaps
        # 1.00 / 0.40, the same at the round's start and end
        "gap precision": 0.95,
        "gap recall": 0.35,
    },
    # two more blind sets (tests/data/corpora/netherby: membership, booking and payments for sports and
    # leisure clubs, prospects in the UK, Ireland, Australia, New Zealand, Canada, South Africa and the
    # US; tests/data/corpora/plottwick: planning and building-permit software for local governments,
    # prospects in the US, Canada, England, Scotland, Australia and Ghana; 15 calls each, 5 raw speech
    # recognition), written and labelled on 2026-12-06 at the start of the tenth round and held out
    # from all of its work. First scored with that morning's code (2bf2660): netherby P 0.98, R 0.79,
    # F1 0.87, matching 0.49, purity 0.88 (3 themes), coverage 0.78, gaps 0.50 / 0.80; plottwick 0.88 /
    # 0.88 / 0.88, matching 0.75, purity 0.95 (5 themes), coverage 0.89, gaps 0.86 / 0.80.
    "netherby": {
        "mention precision": 0.95,
        "mention recall": 0.76,
        "mention F1": 0.84,
        "matching accuracy": 0.46,
        "theme purity": 0.85,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,  # 1.00 once the objection scoring reads its any_line gap labels (eleventh round)
        "gap recall": 0.75,
    },
    "plottwick": {
        "mention precision": 0.85,
        "mention recall": 0.85,
        "mention F1": 0.85,
        "matching accuracy": 0.72,
        "theme purity": 0.92,
        "coverage accuracy": 0.86,
        "gap precision": 0.8,
        "gap recall": 0.75,
    },
    # two more blind sets (tests/data/corpora/yewcombe: case management and family-portal software for
    # funeral homes, prospects in Ireland, Canada, Ghana, the American South and the north of England;
    # tests/data/corpora/snowlark: operations software for ski resorts, prospects in Switzerland,
    # Colorado, Japan, New Zealand and Quebec; 15 calls each, 5 raw speech recognition), written and
    # labelled on 2026-12-07 at the start of the eleventh round and held out from all of its work.
    # First scored with that morning's code (b7c660e): yewcombe P 0.92, R 0.63, F1 0.75, matching
    # 0.78, purity 1.00 (5 themes), coverage 1.00, gaps 0.80 / 1.00; snowlark 0.94 / 0.71 / 0.81,
    # matching 0.78, purity 1.00 (3 themes), coverage 0.89, gaps 1.00 / 0.80. Floors a little under.
    "yewcombe": {
        "mention precision": 0.89,
        "mention recall": 0.6,
        "mention F1": 0.72,
        "matching accuracy": 0.75,
        "theme purity": 0.95,
        "coverage accuracy": 0.95,
        "gap precision": 0.75,
        "gap recall": 0.95,
    },
    "snowlark": {
        "mention precision": 0.91,
        "mention recall": 0.68,
        "mention F1": 0.78,
        "matching accuracy": 0.75,
        "theme purity": 0.95,
        "coverage accuracy": 0.86,
        "gap precision": 0.95,
        "gap recall": 0.75,
    },
    # two more blind sets (tests/data/corpora/brackenford: booking and instructor-scheduling software
    # for driving schools, prospects in Melbourne, Lagos, Dublin, Glasgow and Pune; tests/data/corpora/
    # moorquay: berth booking and boatyard software for marinas, prospects in Cornwall, Florida, western
    # Norway, Croatia and Nova Scotia; 15 calls each, 5 raw speech recognition), written and labelled on
    # 2026-12-07 at the start of the twelfth round and held out from all of its work. First scored
    # with that morning's code (0fdec1e): brackenford P 0.89, R 0.71, F1 0.79, matching 0.47, no theme
    # mined (none of its three new themes kept apart), coverage 0.67, gaps 1.00 / 0.25; moorquay 0.89 /
    # 0.67 / 0.76, matching 0.75, purity 0.88 (3 themes), coverage 0.89, gaps 1.00 / 0.80. Floors a
    # little under.
    "brackenford": {
        "mention precision": 0.86,
        "mention recall": 0.68,
        "mention F1": 0.76,
        "matching accuracy": 0.44,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.2,
    },
    "moorquay": {
        "mention precision": 0.86,
        "mention recall": 0.64,
        "mention F1": 0.73,
        "matching accuracy": 0.72,
        "theme purity": 0.85,
        "coverage accuracy": 0.86,
        "gap precision": 0.95,
        "gap recall": 0.75,
    },
    # two more blind sets (tests/data/corpora/rookhaven: tee-time booking software for golf clubs,
    # prospects in Fife, Arizona, Osaka, Gauteng and Kerry; tests/data/corpora/saffronleigh: production
    # planning software for bakery chains, prospects in Lyon, Manchester, Karachi, Houston and Auckland;
    # 15 calls each), written and labelled on 2026-12-07 at the start of the thirteenth round and held
    # out from all of its work. First scored with that morning's code (d019d40): rookhaven P 0.85, R
    # 0.72, F1 0.78, matching 0.58, purity 1.00 (1 theme), coverage 0.67, gaps 1.00 / 0.50; saffronleigh
    # 0.82 / 0.48 / 0.61, matching 0.56, purity 0.93 (4 themes), coverage 0.78, gaps 0.75 / 0.50. Floors
    # a little under.
    "rookhaven": {
        "mention precision": 0.82,
        "mention recall": 0.69,
        "mention F1": 0.75,
        "matching accuracy": 0.55,
        "theme purity": 0.95,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.45,
    },
    "saffronleigh": {
        "mention precision": 0.79,
        "mention recall": 0.45,
        "mention F1": 0.58,
        "matching accuracy": 0.53,
        "theme purity": 0.9,
        "coverage accuracy": 0.75,
        "gap precision": 0.7,
        "gap recall": 0.45,
    },
    # two more blind sets (tests/data/corpora/gullrock: ticketing, membership and visitor flow software
    # for museums and galleries, prospects in Dublin, Glasgow, Toronto, Lagos and Cape Town;
    # tests/data/corpora/hazelmere: booking, route and fleet software for coach and bus charter
    # operators, prospects in Bristol, Melbourne, Singapore, Texas and Nairobi; 15 calls each), written
    # and labelled on 2026-12-07 at the start of the fourteenth round and held out from all of its work.
    # First scored with that morning's code (2c0d030): gullrock P 0.81, R 0.55, F1 0.66 (0.65 before one
    # duplicated label was made one mention), matching 0.77,
    # purity 0.91 (8 themes), coverage 1.00, gaps 0.75 / 1.00; hazelmere 0.90 / 0.60 / 0.72, matching
    # 0.81, purity 1.00 (3 themes), coverage 0.67, gaps 1.00 / 0.60. Floors a little under.
    "gullrock": {
        "mention precision": 0.78,
        "mention recall": 0.52,
        "mention F1": 0.62,
        "matching accuracy": 0.74,
        "theme purity": 0.88,
        "coverage accuracy": 0.95,
        "gap precision": 0.7,
        "gap recall": 0.95,
    },
    "hazelmere": {
        "mention precision": 0.87,
        "mention recall": 0.57,
        "mention F1": 0.69,
        "matching accuracy": 0.78,
        "theme purity": 0.95,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.55,
    },
    # two more blind sets (tests/data/corpora/tidewell: point-of-sale, wire-order and delivery software
    # for florists, prospects in Manchester, Auckland, Accra, Vancouver and Kuala Lumpur;
    # tests/data/corpora/copperlane: scheduling and dispatch for non-emergency patient transport,
    # prospects in Leeds, Perth WA, Ontario, Johannesburg and Belfast; 15 calls each), written and
    # labelled on 2026-12-07 at the start of the fifteenth round and held out from all of its work.
    # First scored with that morning's code (1cb9dcf): tidewell P 0.94, R 0.71, F1 0.81, matching 0.68,
    # purity 1.00, coverage 0.78, gaps 1.00 / 0.50; copperlane 0.92 / 0.66 / 0.77, matching 0.68,
    # purity 0.60, coverage 0.67, gaps 1.00 / 0.60. Floors a little under.
    "tidewell": {
        "mention precision": 0.91,
        "mention recall": 0.68,
        "mention F1": 0.78,
        "matching accuracy": 0.65,
        "theme purity": 0.95,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.45,
    },
    "copperlane": {
        "mention precision": 0.89,
        "mention recall": 0.63,
        "mention F1": 0.74,
        "matching accuracy": 0.65,
        "theme purity": 0.57,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.55,
    },
    # two more blind sets (tests/data/corpora/gavelbury: cataloguing, live online bidding and buyer
    # invoicing for auction houses, prospects in London, Dublin, Sydney, Johannesburg and Toronto;
    # tests/data/corpora/pennock: exam delivery and remote proctoring for professional and licensing
    # bodies, prospects in Lagos, Edinburgh, Mumbai, Ottawa and Wellington), written and labelled on
    # 2026-12-07 at the start of the sixteenth round and held out from all of its work. First scored
    # with that morning's code (9c9d3a9): gavelbury P 0.97, R 0.78, F1 0.87, matching 0.55, coverage
    # 0.67, gaps 1.00 / 0.25; pennock 0.92 / 0.72 / 0.81, matching 0.46, coverage 0.67, gaps 1.00 / 0.25.
    # Neither reports a new theme, so theme purity has no floor there: it cannot be measured. Floors a
    # little under.
    "gavelbury": {
        "mention precision": 0.94,
        "mention recall": 0.75,
        "mention F1": 0.84,
        "matching accuracy": 0.52,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.2,
    },
    "pennock": {
        "mention precision": 0.89,
        "mention recall": 0.69,
        "mention F1": 0.78,
        "matching accuracy": 0.43,
        "coverage accuracy": 0.64,
        "gap precision": 0.95,
        "gap recall": 0.2,
    },
    # two more blind sets (tests/data/corpora/hivebury: desk and room booking, member billing and door
    # access for coworking operators, prospects in Manchester, Nairobi, Auckland, Montreal and Kuala
    # Lumpur; tests/data/corpora/assaymoor: laboratory information management for contract testing
    # labs, prospects in Glasgow, Hyderabad, Cape Town, Boston and Brisbane), written and labelled on
    # 2026-12-07 at the start of the seventeenth round and held out from all of its work. First scored
    # with that morning's code (350954e): hivebury P 0.95, R 0.82, F1 0.88, matching 0.86, purity 0.91,
    # coverage 0.89, gaps 1.00 / 1.00; assaymoor 0.69 / 0.66 / 0.68, matching 0.78, purity 0.80,
    # coverage 0.78, gaps 1.00 / 0.75. Theme purity is measured on both, so it has a floor on each.
    # Floors a little under.
    "hivebury": {
        "mention precision": 0.92,
        "mention recall": 0.79,
        "mention F1": 0.85,
        "matching accuracy": 0.83,
        "theme purity": 0.88,
        "coverage accuracy": 0.86,
        "gap precision": 0.95,
        "gap recall": 0.95,
    },
    "assaymoor": {
        "mention precision": 0.66,
        "mention recall": 0.63,
        "mention F1": 0.65,
        "matching accuracy": 0.75,
        "theme purity": 0.77,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.7,
    },
    # two more blind sets (tests/data/corpora/cradlewick: management software for childcare centres
    # and nurseries, prospects in Bristol, Lagos, Perth, Vancouver and Singapore;
    # tests/data/corpora/shaftmere: maintenance and safety software for mining operations, prospects in
    # Kalgoorlie, Johannesburg, Sudbury, Lusaka and Elko), written and labelled on 2026-12-07 at the
    # start of the eighteenth round and held out from all of its work. First scored with that morning's
    # code (63bf3d4): cradlewick P 0.83, R 0.76, F1 0.79, matching 0.76, purity 1.00, coverage 0.78, gaps
    # 1.00 / 0.50; shaftmere 0.83 / 0.67 / 0.74, matching 0.69, purity 0.62, coverage 0.78, gaps
    # 0.67 / 0.50 (new themes found: 1 of 3 on each). Theme purity is measured on both, so it has a
    # floor on each. Floors a little under.
    "cradlewick": {
        "mention precision": 0.8,
        "mention recall": 0.73,
        "mention F1": 0.76,
        "matching accuracy": 0.73,
        "theme purity": 0.95,
        "coverage accuracy": 0.75,
        "gap precision": 0.95,
        "gap recall": 0.45,
    },
    "shaftmere": {
        "mention precision": 0.8,
        "mention recall": 0.64,
        "mention F1": 0.71,
        "matching accuracy": 0.66,
        "theme purity": 0.59,
        "coverage accuracy": 0.75,
        "gap precision": 0.64,
        "gap recall": 0.45,
    },
    # two more blind sets (tests/data/corpora/sleeperton: maintenance planning software for railway
    # track contractors, prospects in Glasgow, Mumbai, Adelaide, Toronto and Nairobi;
    # tests/data/corpora/panelford: management software for vehicle body repair shops, prospects in
    # Birmingham UK, Auckland, Atlanta, Dublin and Cape Town), written and labelled on 2026-12-07 at the
    # start of the nineteenth round and held out from all of its work. First scored with that morning's
    # code (18885be): sleeperton P 0.95, R 0.80, F1 0.86, matching 0.86, purity 1.00, coverage 1.00, gaps
    # 1.00 / 1.00 (new themes found: 3 of 3); panelford 0.83 / 0.67 / 0.74, matching 0.60, purity 0.60,
    # coverage 0.78, gaps 0.67 / 0.25 (new themes found: 1 of 3). Theme purity is measured on both, so
    # it has a floor on each. Floors a little under.
    "sleeperton": {
        "mention precision": 0.92,
        "mention recall": 0.77,
        "mention F1": 0.83,
        "matching accuracy": 0.83,
        "theme purity": 0.95,
        "coverage accuracy": 0.95,
        "gap precision": 0.95,
        "gap recall": 0.95,
    },
    "panelford": {
        "mention precision": 0.8,
        "mention recall": 0.64,
        "mention F1": 0.71,
        "matching accuracy": 0.57,
        "theme purity": 0.57,
        "coverage accuracy": 0.75,
        "gap precision": 0.64,
        "gap recall": 0.2,
    },
    # the final exam, scored only when objection work ends: floors a little under that measurement
    # 2026-12: mentions rose (F1 0.67 -> 0.71), theme purity fell (0.93 -> 0.69) with the cues
    # worded for any company, the retrained detector and the calls read without the cue rule:
    # floors at what the merged code measured.
    # December 2026, fourth round (follow-ups): mention F1 0.71 -> 0.73, matching 0.60 -> 0.578, as a
    # follow-up goes where the mention it carries on went; the matching floor follows the exam.
    # December 2026, sixth round: mention P / R / F1 0.74 / 0.71 / 0.72 (0.74 / 0.72 / 0.73 at its start),
    # matching 0.56 (0.58), purity 0.77 (0.71), coverage 0.70 (0.80), gaps 0.60 / 0.50 (0.67 / 0.75).
    # The round's prefilter skips and coverage model helped the development
    # corpora and the blind ravelin set and cost the exam; kept on their evidence, and the exam's
    # floors follow it (lowered: matching 0.57 -> 0.54, coverage 0.75 -> 0.68, gap recall 0.70 -> 0.45).
    # End of the seventh round: P 0.74, R 0.73, F1 0.74, matching 0.59, purity 0.71, coverage 0.80, gaps
    # 0.67 / 0.75 (its start: 0.74 / 0.71 / 0.72, 0.56, 0.77, 0.70, 0.60 / 0.50); never tuned on.
    # Tenth round (the add/drop model refitted on thirteen corpora; a theme not covered by a linked
    # answer standing out): P 0.810 -> 0.805, R 0.711 -> 0.689, F1 0.757 -> 0.743, matching 0.578 -> 0.581,
    # purity 0.75 -> 0.82, coverage and gaps unchanged (0.80, 0.80 / 0.75); scored once at the end, never
    # tuned on. The recall floor follows the exam (lowered 0.71 -> 0.68).
    "larkspur": {
        "mention precision": 0.73,
        "mention recall": 0.68,
        "mention F1": 0.72,
        "matching accuracy": 0.57,
        "theme purity": 0.6,  # 0.62 with strays counted against purity, at the ninth round's start (0.77 before)
        "coverage accuracy": 0.78,
        "gap precision": 0.6,
        "gap recall": 0.7,
    },
}
LARKSPUR = SHARED_CORPORA / "larkspur"
CORPORA = {"northwind": NORTHWIND, "examples": EXAMPLES, "quayside": QUAYSIDE, "sablewood": SABLEWOOD,
           "proscenia": PROSCENIA, "docketry": DOCKETRY, "ravelin": RAVELIN,
           "wickerby": WICKERBY, "pellucid": PELLUCID, "cinderwell": CINDERWELL, "lanternfield": LANTERNFIELD,
           "inkberry": INKBERRY, "hoistley": HOISTLEY, "netherby": NETHERBY, "plottwick": PLOTTWICK,
           "yewcombe": YEWCOMBE, "snowlark": SNOWLARK, "brackenford": BRACKENFORD, "moorquay": MOORQUAY,
           "rookhaven": ROOKHAVEN, "saffronleigh": SAFFRONLEIGH, "gullrock": GULLROCK, "hazelmere": HAZELMERE,
           "tidewell": TIDEWELL, "copperlane": COPPERLANE, "gavelbury": GAVELBURY, "pennock": PENNOCK,
           "hivebury": HIVEBURY, "assaymoor": ASSAYMOOR,
           "cradlewick": CRADLEWICK, "shaftmere": SHAFTMERE, "sleeperton": SLEEPERTON, "panelford": PANELFORD,
           "larkspur": LARKSPUR}


def _corpus(name: str) -> Corpus:
    if not has_labels(CORPORA[name]):
        pytest.skip(f"the {name} corpus is not there ({CORPORA[name]})")
    return load_corpus(CORPORA[name])


@pytest.fixture(scope="module", params=sorted(CORPORA), ids=str)
def indexed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Any]:
    """A labelled corpus and the settings of a fresh, indexed copy of its KB."""
    corpus = _corpus(request.param)
    from ingest.pipeline import ingest
    from knowledge.embedding import _cached_embedder
    from knowledge.settings import load_settings

    _cached_embedder.cache_clear()
    kb = tmp_path_factory.mktemp(request.param) / "kb"
    shutil.copytree(corpus.kb, kb, ignore=shutil.ignore_patterns(".canon"))
    for p in [kb, *kb.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)
    settings = load_settings(kb)
    ingest(settings)
    return corpus, settings


def score_corpus(corpus: Corpus, settings: Any) -> dict[str, float | int | None]:
    """Run ``canon objections`` and the ``objection-gap`` rule on an indexed copy, and score them."""
    from knowledge.audit import run_audit
    from knowledge.objections import find_objections

    result = find_objections(settings, today=corpus.today)
    gaps = run_audit(settings, today=corpus.today, rules=["objection-gap"]).findings
    return score_objections(result, gaps, corpus.labels)


@pytest.mark.model
def test_objections_accuracy(indexed: tuple[Corpus, Any]) -> None:
    corpus, settings = indexed
    figures = score_corpus(corpus, settings)
    floors = FLOORS[corpus.name]
    print("\n" + format_table(f"objections on {corpus.name} (real model)", figures, floors))
    low = below_floors(figures, floors)
    assert not low, f"below the floor on {corpus.name}: {low}"


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_objection_labels_hold_together(name: str) -> None:
    """Every labelled mention points at a line of its call, and the themes agree across the labels."""
    corpus = _corpus(name)
    labelled = labelled_mentions(corpus.labels)
    for m in labelled:
        lines = (corpus.kb / m.call).read_text(encoding="utf-8").splitlines()
        assert 1 <= m.lo <= m.line <= m.hi <= len(lines), m
    themes = {m.objection for m in labelled}
    assert set(corpus.labels["objections"]["coverage"]) == themes
    for gap in corpus.labels["audit"]["expected"]:
        if gap["rule"] == "objection-gap":
            assert corpus.labels["objections"]["coverage"][gap["objection"]] is False
            # the gap lists the theme's mentions a reviewer requires (optional ones may be left out)
            want = {(m.call, m.line) for m in labelled if m.objection == gap["objection"]}
            need = {(m.call, m.line) for m in labelled if m.objection == gap["objection"] and not m.optional}
            have = {(m["path"], m["line"]) for m in gap["mentions"]}
            assert need <= have <= want, gap["objection"]


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_perfect_answers_score_full_marks(name: str) -> None:
    """The scorer itself: output built from the labels scores 1 on every measure."""
    corpus = _corpus(name)
    labels = corpus.labels
    coverage = labels["objections"]["coverage"]
    objections = [{"id": oid, "known": not oid.startswith("new:"), "covered": covered,
                   "mentions": [{"call": m.call, "line": m.line} for m in labelled_mentions(labels)
                                if m.objection == oid]}
                  for oid, covered in coverage.items()]
    # an entry-level gap label (``any_line``) may have no line: any line of its file is the gap
    gaps = [{"rule": "objection-gap", "path": g["path"], "line": g.get("line", 1)}
            for g in labels["audit"]["expected"] if g["rule"] == "objection-gap"]
    figures = score_objections({"objections": objections}, gaps, labels)
    measures = {k: v for k, v in figures.items() if k in FLOORS["northwind"]}
    assert measures == dict.fromkeys(measures, 1.0)


SPREAD_TURN = {"objections": {"calls": {"calls/a.srt": [
    {"snippet": "the warranty", "objection": "new:warranty", "line": 87, "alt_lines": [79, 83]},
    {"snippet": "the price", "objection": "objections/pricing", "line": 20, "turn_lines": [18, 21]},
]}, "coverage": {"new:warranty": False, "objections/pricing": True}}}


@pytest.mark.parametrize(("line", "want"), [
    (87, "new:warranty"),        # the labelled line
    (79, "new:warranty"),        # another cue of the same subtitle turn (alt_lines)
    (83, "new:warranty"),
    (85, None),                  # between the cues: another speaker's line
    (18, "objections/pricing"),  # any line of a JSON turn split into sentences
    (21, "objections/pricing"),
    (22, None),
])
def test_a_report_on_any_line_of_the_labelled_turn_counts(line: int, want: str | None) -> None:
    """The labels' ``alt_lines`` (the other cues of a turn spread over several) count like its line."""
    t = find_mention(labelled_mentions(SPREAD_TURN), "calls/a.srt", line)
    assert (t.objection if t else None) == want


@pytest.mark.parametrize(("lines", "purity"), [
    ([87, 18], 0.5),        # one labelled mention of each: the theme's label holds one of two
    ([87, 79, 30], 2 / 3),  # two cues of one labelled turn and a remark outside every labelled turn
    ([30, 40], 0.0),        # only remarks outside every labelled turn: no mention of it is pure
    ([30, 40, 18], 1 / 3),  # the strays outnumber the labelled mention, which still sets the label
])
def test_a_remark_outside_every_labelled_turn_counts_against_its_themes_purity(lines: list[int],
                                                                                purity: float) -> None:
    theme = {"id": "theme-1", "known": False, "covered": False,
             "mentions": [{"call": "calls/a.srt", "line": n} for n in lines]}
    figures = score_objections({"objections": [theme]}, [], SPREAD_TURN | {"audit": {"expected": []}})
    assert figures["theme purity"] == pytest.approx(purity)
