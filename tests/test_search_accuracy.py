"""``canon ask`` scored with the real model on the labelled question sets in
``tests/data/questions`` (see ``tests/search_questions.py``). Floors only rise, except where a
change of the floor's placement trades reported unanswerable questions for answers (said where).

The ranker is fitted on northwind, example and real-labelled; the relevance floor on those and
phenomena, case-studies, kittiwake, sablewood, haulwise, quayside, quillpay and proscenia
(``bench/train_search.py``), so the floors of those sets are in-sample; the leave-one-set-out figures
are in bench/ACCURACY.md ("Search", seventh pass). ``real`` asks other questions of
the real-labelled pages and was never fitted or tuned on; larkspur was never used to fit or tune
anything; gridwell and docketry (fifth round), cobbleway, brightmoor and ravelin (sixth) are blind sets,
never fitted on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.search_questions import KB_PATHS, ask_all, copy_kb, load_questions, misses, score

pytestmark = pytest.mark.model

FLOORS = {
    "northwind": {"hit@1": 0.95, "hit@3": 0.95, "mrr": 0.95, "unanswered": 1.0, "stale_above": 0},
    # Raised when the floor began to read the ranker's best score: "Does Lumen work with Sage?" is
    # answered again (measured 0.91 / 0.95 / 0.93; left out, 0.91 / 0.95 / 0.93 too).
    # Raised again when a figure on the second line of a wrapped sentence began to send its
    # registering entry first (measured 0.95 / 0.95 / 0.95, left out too).
    # Pass 11 (the floor reads the best cosine's lead over the KB's level): 1.00 / 1.00 / 1.00.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 1.00 / 1.00 /
    # 1.00, unanswered 1.00 -> 0.75 (3 of 4; one question, lowered under that pass's rule).
    "example": {"hit@1": 0.96, "hit@3": 0.96, "mrr": 0.96, "unanswered": 0.75, "stale_above": 0},
    # Held out before the first refit: hit@1 0.67, hit@3 0.79, MRR 0.73, unanswered 0.50. Then 0.74 /
    # 0.79 / 0.76 in-sample with a floor above all fourteen unanswerable questions of three sets.
    # Seventh pass (floor fitted on eleven sets, placed above three in four of their unanswerable
    # questions): 0.79 / 0.85 / 0.82, unanswered 0.50 (in-sample; left out 0.77 / 0.85 / 0.80, 0.50).
    # The unanswered floor was 1.0: lowered on purpose, see bench/ACCURACY.md's seventh pass.
    # Eighth pass (the untyped-page signal counts only where a typed candidate's passage holds as
    # much of the question; ranker and floor refitted): 0.82 / 0.87 / 0.84, unanswered 0.50.
    "real-labelled": {"hit@1": 0.8, "hit@3": 0.85, "mrr": 0.82, "unanswered": 0.5, "stale_above": 0},
    # The same real pages, other questions (tests/data/questions/real.yaml): written before any run and
    # never fitted on, so this is the held-out figure for real handbook pages. First scored with the
    # shipped model: hit@1 0.68, hit@3 0.77, MRR 0.73, unanswered 0.40; with the passage cuts at bold
    # lines and between table rows and the British/American spellings, 0.71 / 0.77 / 0.74 / 0.40;
    # seventh pass, 0.87 / 0.94 / 0.91 / 0.40. The unanswered floor is what the relevance floor
    # achieves on questions it never saw (three of five unanswerable questions pass it), not a target.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.87 / 0.94 /
    # 0.91, unanswered 0.40 -> 0.20 (1 of 5; one question, lowered under that pass's rule).
    "real": {"hit@1": 0.85, "hit@3": 0.9, "mrr": 0.88, "unanswered": 0.2, "stale_above": 0},
    # Written before any run. First scored held out: hit@1 0.42, hit@3 0.55, MRR 0.48, unanswered 1.00
    # (the floor silences questions asked in other words than the pages', "reimbursed", "ringing into
    # reception"). A fitting set of the floor from the seventh pass: 0.65 / 0.77 / 0.71, unanswered
    # 0.86 in-sample (left out, the same). Eighth pass: 0.68 / 0.81 / 0.74, 0.86 (left out, the same).
    "phenomena": {"hit@1": 0.65, "hit@3": 0.8, "mrr": 0.72, "unanswered": 0.85, "stale_above": 0},
    # Real customer stories, written before any run. First scored held out: 0.92 / 0.92 / 0.92,
    # unanswered 0.71. A fitting set of the floor from the seventh pass: 0.92 / 0.92 / 0.92,
    # unanswered 0.43 in-sample (left out, the same); the unanswered floor was 0.7, lowered on
    # purpose (bench/ACCURACY.md, seventh pass). Pebblely's story has invalid front matter, so it is indexed as a
    # draft and ranks below every approved story.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): unanswered 0.43 -> 0.86.
    "case-studies": {"hit@1": 0.88, "hit@3": 0.88, "mrr": 0.88, "unanswered": 0.83, "stale_above": 0},
    # Written blind (the writer read neither the search code nor its results) on two KBs no search
    # work had seen, committed before any search was run with them. First scored held out
    # (2026-12-06, main 16b3890): kittiwake 0.65 / 0.69 / 0.67, unanswered 1.00 (6 of 6); sablewood
    # 0.56 / 0.64 / 0.60, unanswered 0.86 (6 of 7). Fitting sets of the floor from the seventh pass:
    # in-sample kittiwake 0.79 / 0.84 / 0.81, 1.00; sablewood 0.69 / 0.77 / 0.73, 0.86 (left out:
    # 0.79 / 0.84 / 0.81, 1.00 and 0.67 / 0.74 / 0.71, 0.86). Eighth pass: kittiwake 0.81 / 0.84 /
    # 0.82, 1.00 (left out, the same); sablewood unchanged.
    # Pass 11 (the floor reads the best cosine's lead over the KB's level): kittiwake 0.82 / 0.85 /
    # 0.84 (left out 0.81 / 0.84 / 0.82); sablewood 0.74 / 0.82 / 0.78 (left out 0.69 / 0.77 / 0.73).
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): kittiwake 0.81 /
    # 0.84 / 0.82, unanswered 1.00 -> 0.83 (5 of 6; one question, lowered under that pass's rule).
    "kittiwake": {"hit@1": 0.8, "hit@3": 0.83, "mrr": 0.82, "unanswered": 0.83, "stale_above": 0},
    # Tenth pass (a price question needs a stated price): sablewood unanswered 0.86 -> 1.00.
    "sablewood": {"hit@1": 0.72, "hit@3": 0.8, "mrr": 0.76, "unanswered": 1.0, "stale_above": 0},
    # Four sets written by someone who had seen no search result, on the figure-rule and objection
    # KBs, 30 questions each with 10 unanswerable; fitting sets of the floor from the seventh pass,
    # so these are in-sample. Held out (floor fitted on the ten other sets) they scored haulwise 0.80
    # / 0.80 / 0.80, 0.70; quayside 0.70 / 0.70 / 0.70, 0.70; quillpay 0.85 / 0.90 / 0.88, 1.00;
    # proscenia 0.80 / 0.80 / 0.80, 0.50; in-sample the same but proscenia 0.75 / 0.80 / 0.78, 0.50.
    # Eighth pass, in-sample: quillpay 0.90 / 0.95 / 0.93, 1.00 (left out, the same); proscenia 0.75 /
    # 0.75 / 0.75, 0.50 (left out unchanged, 0.80 / 0.80 / 0.80: in-sample, the refitted floor silences
    # "How long does it take a patron to check out on their phone?", which was second before).
    # Ninth pass (the KB's joined form "checkout" for "check out"): proscenia 0.80 / 0.80 / 0.80, 0.50.
    # Pass 11 (the floor reads the best cosine's lead over the KB's level), in-sample and left out:
    # haulwise 0.85 / 0.85 / 0.85, proscenia 0.85 / 0.85 / 0.85.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): haulwise 0.85 /
    # 0.85 / 0.85 -> 0.80 / 0.80 / 0.80, unanswered 0.70 -> 0.90 (one answer silenced, two more
    # unanswerable reported; lowered under that pass's rule).
    "haulwise": {"hit@1": 0.8, "hit@3": 0.8, "mrr": 0.8, "unanswered": 0.7, "stale_above": 0},
    # Tenth pass (a price question needs a stated price): quayside unanswered 0.70 -> 0.80, proscenia
    # 0.50 -> 0.60.
    "quayside": {"hit@1": 0.65, "hit@3": 0.65, "mrr": 0.65, "unanswered": 0.8, "stale_above": 0},
    "quillpay": {"hit@1": 0.85, "hit@3": 0.9, "mrr": 0.9, "unanswered": 1.0, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): proscenia 0.85 -> 0.90.
    "proscenia": {"hit@1": 0.88, "hit@3": 0.88, "mrr": 0.88, "unanswered": 0.6, "stale_above": 0},
    # Two more blind sets, written on 2026-12-06 with their corpora (building energy management; law-firm
    # practice management) by someone who had read neither the search code nor its results, committed
    # before any search ran on them, and never fitted on. Scored with that morning's code (18d3464):
    # gridwell 0.52 / 0.61 / 0.57, unanswered 1.00 (7 of 7); docketry 0.52 / 0.57 / 0.54, unanswered
    # 0.86 (6 of 7). After the seventh to ninth passes: gridwell 0.70 / 0.74 / 0.72, 1.00; docketry
    # 0.65 / 0.70 / 0.67, 0.86. Floors a little under those. Tenth pass ("e-mail" meets "email"; a
    # price question needs a stated price): docketry 0.70 / 0.74 / 0.72, 1.00 (7 of 7); (a quoted retired
    # figure puts its entry first) gridwell 0.74 / 0.78 / 0.76, 1.00; that rule was switched off at
    # merge (it ranked a retired entry above the current one the final exam asked for), and gridwell's
    # floors raised for it were set back: 0.70 / 0.74 / 0.72, 1.00.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.74 / 0.78 / 0.76, 1.00.
    "gridwell": {"hit@1": 0.72, "hit@3": 0.75, "mrr": 0.74, "unanswered": 1.0, "stale_above": 0},
    # Pass 11 (the floor reads the best cosine's lead over the KB's level; docketry never fitted):
    # docketry 0.78 / 0.83 / 0.80, 1.00.
    "docketry": {"hit@1": 0.75, "hit@3": 0.8, "mrr": 0.78, "unanswered": 1.0, "stale_above": 0},
    # Final exam, scored once before and once after (before: hit@1 0.68, hit@3 0.91, MRR 0.80,
    # unanswered 0.00); these floors are the after figures, not targets to tune towards.
    "larkspur": {"hit@1": 0.85, "hit@3": 0.9, "mrr": 0.85, "unanswered": 1.0, "stale_above": 0},
    # Three sets written blind at the start of the sixth round on the cobbleway, brightmoor and ravelin
    # KBs, held out from all of its work. With that morning's code (37e7ad9): cobbleway 0.70 / 0.70 /
    # 0.70, unanswered 0.90; brightmoor 0.35 / 0.40 / 0.38, 0.90 (the floor silenced 11 of 20
    # answerable questions); ravelin 0.70 / 0.75 / 0.72, 0.80. At its end: cobbleway 0.70 / 0.70 /
    # 0.70, 0.90; brightmoor 0.45 / 0.50 / 0.47, 0.90; ravelin 0.75 / 0.80 / 0.78, 0.80.
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): unanswered 0.90 -> 1.00.
    "cobbleway": {"hit@1": 0.65, "hit@3": 0.65, "mrr": 0.65, "unanswered": 0.95, "stale_above": 0},
    "brightmoor": {"hit@1": 0.4, "hit@3": 0.45, "mrr": 0.42, "unanswered": 0.85, "stale_above": 0},
    "ravelin": {"hit@1": 0.7, "hit@3": 0.75, "mrr": 0.73, "unanswered": 0.75, "stale_above": 0},
    # Four sets written blind at the start of the seventh round on the fernhollow, saltmarsh, wickerby and
    # pellucid KBs (30, 30, 25 and 25 questions, 10, 10, 8 and 8 unanswerable), never fitted on and held
    # out from that round's search work. First scored with that morning's code (c371d46) and at the
    # round's end the same (its two new floor signals were kept off on these sets' evidence):
    # fernhollow 0.45 / 0.55 / 0.48, unanswered 0.90; saltmarsh 0.80 / 0.85 / 0.82, 0.90; wickerby 0.76 /
    # 0.76 / 0.76, 0.88; pellucid 0.82 / 0.82 / 0.82, 1.00. Development sets from search pass 13 on
    # (scored held out, never fitted on); the same figures at its end.
    "fernhollow": {"hit@1": 0.42, "hit@3": 0.52, "mrr": 0.45, "unanswered": 0.85, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): unanswered 0.90 -> 1.00.
    "saltmarsh": {"hit@1": 0.77, "hit@3": 0.82, "mrr": 0.8, "unanswered": 0.95, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): wickerby 0.76 /
    # 0.76 / 0.76 -> 0.82 / 0.82 / 0.82, unanswered 0.88 -> 0.75 (6 of 8; one question, lowered under
    # that pass's rule).
    "wickerby": {"hit@1": 0.72, "hit@3": 0.72, "mrr": 0.72, "unanswered": 0.75, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.82 -> 0.88.
    "pellucid": {"hit@1": 0.85, "hit@3": 0.85, "mrr": 0.85, "unanswered": 1.0, "stale_above": 0},
    # Four sets written blind at the start of the eighth round on the hearthstead, bramblecote,
    # cinderwell and lanternfield KBs (30, 30, 25 and 25 questions, 10, 10, 8 and 8 unanswerable), never
    # fitted on and held out from that round's search work. First scored with that morning's code
    # (2ac6d24): hearthstead 0.55 / 0.70 / 0.62, unanswered 0.70; bramblecote 0.65 / 0.70 / 0.68, 1.00;
    # cinderwell 0.76 / 0.88 / 0.82, 0.62; lanternfield 0.88 / 0.94 / 0.90, 1.00. At its end the same
    # (the round's floor signals were measured and kept off on the development sets' evidence).
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.60 / 0.80 / 0.70, 0.80.
    "hearthstead": {"hit@1": 0.57, "hit@3": 0.77, "mrr": 0.67, "unanswered": 0.75, "stale_above": 0},
    "bramblecote": {"hit@1": 0.62, "hit@3": 0.67, "mrr": 0.65, "unanswered": 1.0, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.82 / 0.94 / 0.88, 0.75.
    "cinderwell": {"hit@1": 0.8, "hit@3": 0.9, "mrr": 0.85, "unanswered": 0.72, "stale_above": 0},
    # Pass 15 (floor placed above 70% with the absent_named penalty; bench/ACCURACY.md): 0.94 / 1.00 / 0.96, 1.00.
    "lanternfield": {"hit@1": 0.9, "hit@3": 0.95, "mrr": 0.93, "unanswered": 1.0, "stale_above": 0},
    # Four sets written blind at the start of the ninth round on the kelpmoor, axlewood, inkberry and
    # hoistley KBs (30 questions each, 10 unanswerable), never fitted on and held out from that round's
    # search work. First scored with that morning's code (2a7777b): kelpmoor 0.75 / 0.80 / 0.78,
    # unanswered 0.60; axlewood 0.95 / 1.00 / 0.97, 0.90; inkberry 0.65 / 0.65 / 0.65, 1.00; hoistley
    # 0.85 / 0.85 / 0.85, 0.60. At the round's end, still held out, with the floor refitted in pass 15:
    # kelpmoor 0.80 / 0.85 / 0.82, 0.70; axlewood 0.90 / 0.95 / 0.93, 0.90 (one answer no longer first:
    # floors lowered from 0.92 / 0.97 / 0.94); inkberry 0.60 / 0.60 / 0.60, 1.00 (likewise, from 0.62);
    # hoistley 0.90 / 0.90 / 0.90, 0.60. Floors a little under the end figures.
    # Development sets since search pass 16. Pass 16 (an abbreviation's long form: "FHI" meets "Fish
    # Health Inspectorate", "MPI" "multi-point inspections"): kelpmoor 0.80 / 0.85 / 0.82 -> 0.85 / 0.90 /
    # 0.88; axlewood 0.90 / 0.95 / 0.93 -> 0.95 / 1.00 / 0.97. After review that rule (any recurring
    # run of the initials) is off again: "CRM" read as a customer's name made an unanswerable question
    # look answered. Both gains go: kelpmoor 0.85 / 0.90 / 0.88 -> 0.80 / 0.85 / 0.82, axlewood
    # 0.95 / 1.00 / 0.97 -> 0.90 / 0.95 / 0.93; floors lowered back from 0.82 / 0.87 / 0.85 and
    # 0.92 / 0.97 / 0.95 to pass 15's.
    "kelpmoor": {"hit@1": 0.77, "hit@3": 0.82, "mrr": 0.79, "unanswered": 0.65, "stale_above": 0},
    "axlewood": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.90, "unanswered": 0.85, "stale_above": 0},
    # Development sets since search pass 16. Pass 16 (a code written joined meets the pages' split one:
    # "Are we ISO27001 certified?" finds "ISO/IEC 27001"): inkberry 0.60 -> 0.65 on hit@1, hit@3 and MRR.
    # Kept after review, the parts now read as the phrase "iso iec 27001" (in order, one word between).
    "inkberry": {"hit@1": 0.62, "hit@3": 0.62, "mrr": 0.62, "unanswered": 0.9, "stale_above": 0},
    "hoistley": {"hit@1": 0.87, "hit@3": 0.87, "mrr": 0.87, "unanswered": 0.55, "stale_above": 0},
    # Four sets written blind at the start of the tenth round on the tallowgate, mashcroft, netherby and
    # plottwick KBs (30 questions each, 10 unanswerable), never fitted on and held out from that round's
    # search work. First scored with that morning's code (2bf2660): tallowgate 0.95 / 0.95 / 0.95,
    # unanswered 0.60; mashcroft 0.80 / 0.85 / 0.84, 1.00; netherby 0.90 / 0.95 / 0.93, 1.00; plottwick
    # 0.85 / 0.90 / 0.88, 1.00. Floors a little under.
    "tallowgate": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.55, "stale_above": 0},
    "mashcroft": {"hit@1": 0.77, "hit@3": 0.82, "mrr": 0.81, "unanswered": 0.95, "stale_above": 0},
    "netherby": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.95, "stale_above": 0},
    "plottwick": {"hit@1": 0.82, "hit@3": 0.87, "mrr": 0.85, "unanswered": 0.95, "stale_above": 0},
    # Four sets written blind at the start of the eleventh round on the quarrywell, mothwick, yewcombe
    # and snowlark KBs (30 questions each, 10 unanswerable), never fitted on and held out from that
    # round's search work. First scored with that morning's code (b7c660e): quarrywell 1.00 / 1.00 /
    # 1.00, unanswered 0.40; mothwick 0.85 / 0.95 / 0.90, 0.80; yewcombe 0.85 / 0.90 / 0.89, 0.70;
    # snowlark 0.95 / 0.95 / 0.95, 0.60. Floors a little under.
    "quarrywell": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.35, "stale_above": 0},
    "mothwick": {"hit@1": 0.82, "hit@3": 0.92, "mrr": 0.87, "unanswered": 0.75, "stale_above": 0},
    "yewcombe": {"hit@1": 0.82, "hit@3": 0.87, "mrr": 0.86, "unanswered": 0.65, "stale_above": 0},
    "snowlark": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.55, "stale_above": 0},
    # Four sets written blind at the start of the twelfth round on the lockfern, kilnmere, brackenford
    # and moorquay KBs (30 questions each, 10 unanswerable), never fitted on and held out from that
    # round's work. First scored with that morning's code (0fdec1e): lockfern 1.00 / 1.00 / 1.00,
    # unanswered 0.70; kilnmere 1.00 / 1.00 / 1.00, 0.50; brackenford 0.85 / 0.95 / 0.89, 0.80;
    # moorquay 0.80 / 0.85 / 0.82, 0.50. Floors a little under.
    "lockfern": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.65, "stale_above": 0},
    "kilnmere": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.45, "stale_above": 0},
    "brackenford": {"hit@1": 0.82, "hit@3": 0.92, "mrr": 0.86, "unanswered": 0.75, "stale_above": 0},
    "moorquay": {"hit@1": 0.77, "hit@3": 0.82, "mrr": 0.79, "unanswered": 0.45, "stale_above": 0},
    # Four sets written blind at the start of the thirteenth round on the linnethill, corriebank,
    # rookhaven and saffronleigh KBs (30 questions each, 10 unanswerable), never fitted on and held out
    # from that round's work. First scored with that morning's code (d019d40): linnethill 0.90 / 0.95 /
    # 0.93, unanswered 0.50; corriebank 0.90 / 0.90 / 0.90, 0.80; rookhaven 0.90 / 0.95 / 0.93, 0.60;
    # saffronleigh 0.95 / 0.95 / 0.95, 0.80. Floors a little under.
    "linnethill": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.45, "stale_above": 0},
    "corriebank": {"hit@1": 0.87, "hit@3": 0.87, "mrr": 0.87, "unanswered": 0.75, "stale_above": 0},
    "rookhaven": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.55, "stale_above": 0},
    "saffronleigh": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.75, "stale_above": 0},
    # Four sets written blind at the start of the fourteenth round on the thornwick, pebblecroft,
    # gullrock and hazelmere KBs (30 questions each, 10 unanswerable), never fitted on and held out from
    # that round's work. First scored with that morning's code (2c0d030): thornwick 0.90 / 0.95 / 0.93,
    # unanswered 0.60; pebblecroft 0.85 / 0.95 / 0.91, 0.70; gullrock 1.00 / 1.00 / 1.00, 0.80;
    # hazelmere 0.75 / 0.80 / 0.78, 0.70. Floors a little under. One judged run of a search candidate was
    # made on them by a rule written before it (bench/ACCURACY.md, pass 22); it was not shipped.
    "thornwick": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.55, "stale_above": 0},
    "pebblecroft": {"hit@1": 0.82, "hit@3": 0.92, "mrr": 0.88, "unanswered": 0.65, "stale_above": 0},
    "gullrock": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.75, "stale_above": 0},
    "hazelmere": {"hit@1": 0.72, "hit@3": 0.77, "mrr": 0.75, "unanswered": 0.65, "stale_above": 0},
    # Four sets written blind at the start of the fifteenth round on the ashcombe, brinkwater, tidewell
    # and copperlane KBs (30 questions each, 10 unanswerable), never fitted on and held out from that
    # round's work. First scored with that morning's code (1cb9dcf): ashcombe 0.95 / 0.95 / 0.95,
    # unanswered 0.70; brinkwater 0.90 / 1.00 / 0.95, 0.80; tidewell 0.90 / 0.90 / 0.90, 0.80;
    # copperlane 0.90 / 0.95 / 0.93, 0.70. Floors a little under.
    "ashcombe": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.65, "stale_above": 0},
    "brinkwater": {"hit@1": 0.87, "hit@3": 0.97, "mrr": 0.92, "unanswered": 0.75, "stale_above": 0},
    "tidewell": {"hit@1": 0.87, "hit@3": 0.87, "mrr": 0.87, "unanswered": 0.75, "stale_above": 0},
    "copperlane": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.65, "stale_above": 0},
    # Four sets written blind at the start of the sixteenth round on the oxlease, ferrisdale, gavelbury
    # and pennock KBs (30 questions each), never fitted on and held out from that round's work. First
    # scored with that morning's code (9c9d3a9): oxlease 0.70 / 0.95 / 0.82, unanswered 0.70;
    # ferrisdale 0.95 / 0.95 / 0.95, 0.60; gavelbury 1.00 / 1.00 / 1.00, 0.50; pennock 0.90 / 0.90 /
    # 0.90, 0.80. Floors a little under.
    "oxlease": {"hit@1": 0.67, "hit@3": 0.92, "mrr": 0.79, "unanswered": 0.65, "stale_above": 0},
    "ferrisdale": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.55, "stale_above": 0},
    "gavelbury": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.45, "stale_above": 0},
    "pennock": {"hit@1": 0.87, "hit@3": 0.87, "mrr": 0.87, "unanswered": 0.75, "stale_above": 0},
    # Four sets written blind at the start of the seventeenth round on the dunmarrow, lutecombe,
    # hivebury and assaymoor KBs (30 questions each), never fitted on and held out from that round's
    # work. First scored with that morning's code (350954e): dunmarrow 0.90 / 1.00 / 0.95, unanswered
    # 0.80; lutecombe 1.00 / 1.00 / 1.00, 0.90; hivebury 1.00 / 1.00 / 1.00, 0.90; assaymoor 0.85 /
    # 0.95 / 0.89, 0.70. Floors a little under.
    "dunmarrow": {"hit@1": 0.87, "hit@3": 0.97, "mrr": 0.92, "unanswered": 0.75, "stale_above": 0},
    "lutecombe": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.85, "stale_above": 0},
    "hivebury": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.85, "stale_above": 0},
    "assaymoor": {"hit@1": 0.82, "hit@3": 0.92, "mrr": 0.86, "unanswered": 0.65, "stale_above": 0},
    # Four sets written blind at the start of the eighteenth round on the apronfield, wardenholt,
    # cradlewick and shaftmere KBs (30 questions each), never fitted on and held out from that round's
    # work. First scored with that morning's code (63bf3d4): apronfield 0.95 / 1.00 / 0.97, unanswered
    # 0.90; wardenholt 0.95 / 0.95 / 0.95, 0.80; cradlewick 1.00 / 1.00 / 1.00, 0.60; shaftmere 0.85 /
    # 0.95 / 0.90, 1.00. Floors a little under.
    "apronfield": {"hit@1": 0.92, "hit@3": 0.97, "mrr": 0.94, "unanswered": 0.85, "stale_above": 0},
    "wardenholt": {"hit@1": 0.92, "hit@3": 0.92, "mrr": 0.92, "unanswered": 0.75, "stale_above": 0},
    "cradlewick": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.55, "stale_above": 0},
    "shaftmere": {"hit@1": 0.82, "hit@3": 0.92, "mrr": 0.87, "unanswered": 0.95, "stale_above": 0},
    # Four sets written blind at the start of the nineteenth round on the lidwell, treadholme,
    # sleeperton and panelford KBs (30 questions each), never fitted on and held out from that round's
    # work. First scored with that morning's code (18885be): lidwell 0.95 / 1.00 / 0.97, unanswered
    # 0.80; treadholme 0.90 / 0.95 / 0.93, 0.70; sleeperton 1.00 / 1.00 / 1.00, 0.90; panelford 0.90 /
    # 0.95 / 0.93, 0.80. Floors a little under.
    "lidwell": {"hit@1": 0.92, "hit@3": 0.97, "mrr": 0.94, "unanswered": 0.75, "stale_above": 0},
    "treadholme": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.65, "stale_above": 0},
    "sleeperton": {"hit@1": 0.97, "hit@3": 0.97, "mrr": 0.97, "unanswered": 0.85, "stale_above": 0},
    "panelford": {"hit@1": 0.87, "hit@3": 0.92, "mrr": 0.9, "unanswered": 0.75, "stale_above": 0},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_question_set(corpus: str, tmp_path: Path) -> None:
    if not KB_PATHS[corpus].is_dir():
        pytest.skip(f"{KB_PATHS[corpus]} is not here")
    from ingest.pipeline import ingest
    from knowledge.embedding import get_embedder
    from knowledge.search import SearchOptions, search
    from knowledge.settings import load_settings

    settings = load_settings(copy_kb(corpus, tmp_path / "kb"))
    ingest(settings)
    embedder = get_embedder("query")
    outcomes = ask_all(lambda q: search(settings, q, SearchOptions(today=date(2026, 11, 1)), embedder=embedder),
                       load_questions(corpus))
    s = score(outcomes)
    floor = FLOORS[corpus]
    report = "\n".join(misses(outcomes))
    for key in ("hit@1", "hit@3", "mrr", "unanswered"):
        assert s[key] >= floor[key], f"{corpus} {key} {s[key]:.2f} < {floor[key]}\n{report}"
    assert s["stale_above"] <= floor["stale_above"], report


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_question_set_is_well_formed(corpus: str) -> None:
    questions = load_questions(corpus)
    assert len(questions) >= 20
    assert sum(q.unanswerable for q in questions) >= 3
    for q in questions:
        assert q.unanswerable != bool(q.expected), q.q
