"""Accuracy on every labelled corpus: ``canon audit``, ``canon check`` and ``canon objections`` run
as a user runs them, scored against each corpus's ``labels.json``.

    python bench/accuracy.py                          # every corpus, summary table
    python bench/accuracy.py --rules                  # and a row per rule
    python bench/accuracy.py --corpus northwind --show  # and the false positives and misses
    python bench/accuracy.py --json out.json          # the figures as data

Corpora: ``northwind``, ``larkspur`` and ``real-labelled`` from ``../shared/corpora`` (skipped when
absent), the bundled example (``examples``) and ``phenomena`` (``tests/data/corpora/phenomena``: the
figure phenomena of text written in another style, a development set), ``haulwise``
(``tests/data/corpora/haulwise``: a second development set, another industry and other page styles)
and ``quayside`` (``tests/data/corpora/quayside``: another company's sales calls, labelled for
objections only). Each KB is copied into a work folder that is kept
between runs (``--work``, default under the system temp folder), so a second run only re-embeds what
changed. Scoring is :func:`tests.scoring.score_rules` (the corpora's whole label schema: ``optional``,
``any_line``, ``related_line``, ``turn_lines``, ``alt_paths``) and
:func:`tests.scoring.score_objections`.

Larkspur is the project's final exam: score it at the start and at the end of a piece of accuracy
work, and do not tune on what ``--show`` says about it.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.scoring import Corpus, RuleCounts, load_corpus, score_objections, score_rules  # noqa: E402

SHARED = REPO.parent / "shared" / "corpora"
CORPORA = {
    "northwind": SHARED / "northwind",
    "larkspur": SHARED / "larkspur",
    "real-labelled": SHARED / "real-labelled",
    "examples": REPO / "examples",
    "phenomena": REPO / "tests" / "data" / "corpora" / "phenomena",
    "haulwise": REPO / "tests" / "data" / "corpora" / "haulwise",
    "quayside": REPO / "tests" / "data" / "corpora" / "quayside",
    "sablewood": REPO / "tests" / "data" / "corpora" / "sablewood",
    "kittiwake": REPO / "tests" / "data" / "corpora" / "kittiwake",
    "proscenia": REPO / "tests" / "data" / "corpora" / "proscenia",
    "quillpay": REPO / "tests" / "data" / "corpora" / "quillpay",
    "gridwell": REPO / "tests" / "data" / "corpora" / "gridwell",
    "docketry": REPO / "tests" / "data" / "corpora" / "docketry",
    "furrowline": REPO / "tests" / "data" / "corpora" / "furrowline",
    "hearthstead": REPO / "tests" / "data" / "corpora" / "hearthstead",
    "bramblecote": REPO / "tests" / "data" / "corpora" / "bramblecote",
    "cinderwell": REPO / "tests" / "data" / "corpora" / "cinderwell",
    "lanternfield": REPO / "tests" / "data" / "corpora" / "lanternfield",
    "kelpmoor": REPO / "tests" / "data" / "corpora" / "kelpmoor",
    "axlewood": REPO / "tests" / "data" / "corpora" / "axlewood",
    "inkberry": REPO / "tests" / "data" / "corpora" / "inkberry",
    "hoistley": REPO / "tests" / "data" / "corpora" / "hoistley",
    "cobbleway": REPO / "tests" / "data" / "corpora" / "cobbleway",
    "brightmoor": REPO / "tests" / "data" / "corpora" / "brightmoor",
    "fernhollow": REPO / "tests" / "data" / "corpora" / "fernhollow",
    "saltmarsh": REPO / "tests" / "data" / "corpora" / "saltmarsh",
    "wickerby": REPO / "tests" / "data" / "corpora" / "wickerby",
    "pellucid": REPO / "tests" / "data" / "corpora" / "pellucid",
    "ravelin": REPO / "tests" / "data" / "corpora" / "ravelin",
    "tallowgate": REPO / "tests" / "data" / "corpora" / "tallowgate",
    "mashcroft": REPO / "tests" / "data" / "corpora" / "mashcroft",
    "netherby": REPO / "tests" / "data" / "corpora" / "netherby",
    "plottwick": REPO / "tests" / "data" / "corpora" / "plottwick",
    # Four sets written blind in the eleventh round (quarrywell and mothwick: figure rules; yewcombe
    # and snowlark: objections; a question set on each KB): held out from that round's work, scored
    # before and after it; development sets since the twelfth round.
    "quarrywell": REPO / "tests" / "data" / "corpora" / "quarrywell",
    "mothwick": REPO / "tests" / "data" / "corpora" / "mothwick",
    "yewcombe": REPO / "tests" / "data" / "corpora" / "yewcombe",
    "snowlark": REPO / "tests" / "data" / "corpora" / "snowlark",
    # Four sets written blind at the start of the twelfth round (lockfern and kilnmere: figure rules;
    # brackenford and moorquay: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the thirteenth round.
    "lockfern": REPO / "tests" / "data" / "corpora" / "lockfern",
    "kilnmere": REPO / "tests" / "data" / "corpora" / "kilnmere",
    "brackenford": REPO / "tests" / "data" / "corpora" / "brackenford",
    "moorquay": REPO / "tests" / "data" / "corpora" / "moorquay",
    # Four sets written blind at the start of the thirteenth round (linnethill and corriebank: figure
    # rules; rookhaven and saffronleigh: objections; a question set on each KB), never fitted on: held
    # out from that round's work, scored before and after it; development sets since the fourteenth.
    "linnethill": REPO / "tests" / "data" / "corpora" / "linnethill",
    "corriebank": REPO / "tests" / "data" / "corpora" / "corriebank",
    "rookhaven": REPO / "tests" / "data" / "corpora" / "rookhaven",
    "saffronleigh": REPO / "tests" / "data" / "corpora" / "saffronleigh",
    # Four sets written blind at the start of the fourteenth round (thornwick and pebblecroft: figure
    # rules; gullrock and hazelmere: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the fifteenth.
    "thornwick": REPO / "tests" / "data" / "corpora" / "thornwick",
    "pebblecroft": REPO / "tests" / "data" / "corpora" / "pebblecroft",
    "gullrock": REPO / "tests" / "data" / "corpora" / "gullrock",
    "hazelmere": REPO / "tests" / "data" / "corpora" / "hazelmere",
    # Four sets written blind at the start of the fifteenth round (ashcombe and brinkwater: figure
    # rules; tidewell and copperlane: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the sixteenth.
    "ashcombe": REPO / "tests" / "data" / "corpora" / "ashcombe",
    "brinkwater": REPO / "tests" / "data" / "corpora" / "brinkwater",
    "tidewell": REPO / "tests" / "data" / "corpora" / "tidewell",
    "copperlane": REPO / "tests" / "data" / "corpora" / "copperlane",
    # Four sets written blind at the start of the sixteenth round (oxlease and ferrisdale: figure
    # rules; gavelbury and pennock: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the seventeenth.
    "oxlease": REPO / "tests" / "data" / "corpora" / "oxlease",
    "ferrisdale": REPO / "tests" / "data" / "corpora" / "ferrisdale",
    "gavelbury": REPO / "tests" / "data" / "corpora" / "gavelbury",
    "pennock": REPO / "tests" / "data" / "corpora" / "pennock",
    # Four sets written blind at the start of the seventeenth round (dunmarrow and lutecombe: figure
    # rules; hivebury and assaymoor: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the eighteenth.
    "dunmarrow": REPO / "tests" / "data" / "corpora" / "dunmarrow",
    "lutecombe": REPO / "tests" / "data" / "corpora" / "lutecombe",
    "hivebury": REPO / "tests" / "data" / "corpora" / "hivebury",
    "assaymoor": REPO / "tests" / "data" / "corpora" / "assaymoor",
    # Four sets written blind at the start of the eighteenth round (apronfield and wardenholt: figure
    # rules; cradlewick and shaftmere: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it; development sets since the nineteenth.
    "apronfield": REPO / "tests" / "data" / "corpora" / "apronfield",
    "wardenholt": REPO / "tests" / "data" / "corpora" / "wardenholt",
    "cradlewick": REPO / "tests" / "data" / "corpora" / "cradlewick",
    "shaftmere": REPO / "tests" / "data" / "corpora" / "shaftmere",
    # Four sets written blind at the start of the nineteenth round (lidwell and treadholme: figure
    # rules; sleeperton and panelford: objections; a question set on each KB), never fitted on: held out
    # from that round's work, scored before and after it.
    "lidwell": REPO / "tests" / "data" / "corpora" / "lidwell",
    "treadholme": REPO / "tests" / "data" / "corpora" / "treadholme",
    "sleeperton": REPO / "tests" / "data" / "corpora" / "sleeperton",
    "panelford": REPO / "tests" / "data" / "corpora" / "panelford",
}
# The corpora the round's work never reads: the final exam and the sets written blind at the start of
# the current round (the nineteenth round's lidwell, treadholme, sleeperton and panelford). The analysis
# tools refuse them; a round's blind sets join the development pool once the round is judged.
HELD_OUT: tuple[str, ...] = ("larkspur", "lidwell", "treadholme", "sleeperton", "panelford")
FIGURE_RULES = ("metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement")


def _sync(src: Path, dest: Path) -> None:
    """Make ``dest`` a copy of ``src``, keeping ``dest/.canon`` (the index) so re-ingest is incremental."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in dest.iterdir():
        if p.name == ".canon":
            continue
        shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
    for p in src.iterdir():
        if p.name == ".canon":
            continue
        if p.is_dir():
            shutil.copytree(p, dest / p.name, ignore=shutil.ignore_patterns(".canon"))
        else:
            shutil.copy2(p, dest / p.name)
    for p in [dest, *dest.rglob("*")]:
        p.chmod(p.stat().st_mode | 0o200)


@dataclass
class Indexed:
    """A labelled corpus copied to a work folder and ingested there."""

    corpus: Corpus
    settings: Any  # knowledge.settings.Settings
    today: date  # the labels' ``today``
    ingest_s: float


def indexed(name: str, work: Path) -> Indexed:
    """Copy the corpus ``name`` to ``work/name/kb`` (its index kept between runs, so a second run only
    re-embeds what changed) and ingest it: what every bench that runs canon on a corpus starts with."""
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    corpus = load_corpus(CORPORA[name])
    kb = work / name / "kb"
    _sync(corpus.kb, kb)
    settings = load_settings(kb, environ={})
    t0 = time.perf_counter()
    ingest(settings)
    return Indexed(corpus, settings, date.fromisoformat(corpus.labels["today"]), time.perf_counter() - t0)


def show_lines(show: Path, marker: str) -> Iterator[tuple[str, str, str, str, int, str]]:
    """``(corpus, kind, rule, path, line, text)`` of every ``FP`` or ``MISS`` line (``marker``) of an
    accuracy ``--show`` output, for the benches that take one to narrow their work."""
    corpus, kind = "", ""
    for line in show.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s.startswith("[") and "]" in s:
            corpus = s[1:s.index("]")]
        elif s.startswith(("audit ", "check ")):
            kind = s.split()[0]
        elif s.startswith(marker + " ") and len(s.split()) > 2:
            rule, where = s.split()[1:3]
            path, _, ln = where.rpartition(":")
            if ln.isdigit():
                yield corpus, kind, rule, path, int(ln), s


@contextmanager
def figure_index(name: str, work: Path) -> Iterator[tuple[Indexed, Any]]:
    """The corpus ``name`` indexed (:func:`indexed`) and the figure index of its KB, calls and drafts
    as ``canon audit`` builds it, for the benches that look inside the pipeline; the catalog is
    closed after."""
    from knowledge.audit import _indexed_context
    from knowledge.figures.index import FigureIndex
    from knowledge.store import open_catalog

    ix = indexed(name, work)
    catalog = open_catalog(ix.settings)
    try:
        yield ix, FigureIndex.of(_indexed_context(ix.settings, catalog, ix.today, None, with_calls=True))
    finally:
        catalog.close()


def _fmt(c: RuleCounts) -> str:
    p = c.prf
    return f"P {p.precision:.2f} R {p.recall:.2f} F1 {p.f1:.2f} (TP {c.tp} FP {c.fp} FN {c.fn})"


def run_corpus(name: str, work: Path, *, objections: bool) -> dict[str, Any]:
    from ingest.drafts import load_draft
    from knowledge.audit import as_shown, run_audit, run_check

    ix = indexed(name, work)
    labels, settings, today = ix.corpus.labels, ix.settings, ix.today
    out: dict[str, Any] = {"ingest_s": round(ix.ingest_s, 1), "today": labels["today"]}
    # as a user sees them: the default confidence cut applies, as in canon audit/check
    audit = as_shown(run_audit(settings, today=today), settings).to_dict()
    out["audit"] = {"findings": audit["findings"], "score": score_rules(labels["audit"], audit["findings"])}
    if "check" in labels:
        drafts = [load_draft(CORPORA[name] / p, p) for p in labels.get("drafts", [])]
        check = as_shown(run_check(settings, drafts, today=today), settings).to_dict()
        out["check"] = {"findings": check["findings"], "score": score_rules(labels["check"], check["findings"])}
    if objections and "objections" in labels:
        from knowledge.objections import find_objections

        result = find_objections(settings, today=today)
        gaps = [f for f in audit["findings"] if f["rule"] == "objection-gap"]
        out["objections"] = score_objections(result, gaps, labels)
        out["objections_result"] = result
    return out


def _show_objections(result: dict[str, Any], labels: dict[str, Any]) -> None:
    from tests.scoring import find_mention, labelled_mentions

    labelled = labelled_mentions(labels)
    reported = set()
    for o in result["objections"]:
        for m in o["mentions"]:
            reported.add((m["call"], m["line"]))
            t = find_mention(labelled, m["call"], m["line"])
            if t is None:
                print(f"      STRAY    {o['id']:<32} {m['call']}:{m['line']}  {m['text'][:100]}")
            elif not (t.objection == o["id"] or (t.new and not o["known"])):
                print(f"      WRONG    {o['id']:<32} {m['call']}:{m['line']}  wanted {t.objection}  {m['text'][:80]}")
    for t in labelled:
        if not any(c == t.call and t.holds(ln) for c, ln in reported):
            print(f"      MISS     {t.objection:<32} {t.call}:{t.line}  {(t.snippet or '')[:100]}")
    names = [f"{o['id']} ({len(o['mentions'])})" for o in result["objections"] if not o["known"]]
    print("      themes: " + (", ".join(names) or "none"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="score only these (repeatable)")
    ap.add_argument("--work", type=Path, default=None, help="work folder (kept between runs)")
    ap.add_argument("--rules", action="store_true", help="a row per rule")
    ap.add_argument("--show", action="store_true", help="list false positives and missed labels")
    ap.add_argument("--no-objections", action="store_true", help="skip canon objections")
    ap.add_argument("--show-objections", action="store_true",
                    help="list objection mentions missed, reported outside every labelled turn, or put under "
                         "the wrong objection (not on the final exam)")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    names = args.corpus or [n for n, p in CORPORA.items() if (p / "labels.json").is_file()]
    report: dict[str, Any] = {}
    for name in names:
        if not (CORPORA[name] / "labels.json").is_file():
            print(f"[{name}] skipped: no labels at {CORPORA[name]}")
            continue
        res = run_corpus(name, work, objections=not args.no_objections)
        print(f"\n[{name}] (today {res['today']}, ingest {res['ingest_s']} s)")
        figures: dict[str, Any] = {}
        for kind in ("audit", "check"):
            if kind not in res:
                continue
            s = res[kind]["score"]
            fig, every = s.total(FIGURE_RULES), s.total()
            print(f"  {kind:<6} figure rules {_fmt(fig)}")
            print(f"  {kind:<6} all rules    {_fmt(every)}")
            figures[kind] = {"figure_rules": vars(fig) | {"precision": fig.prf.precision, "recall": fig.prf.recall,
                                                          "f1": fig.prf.f1},
                             "all_rules": vars(every) | {"precision": every.prf.precision,
                                                         "recall": every.prf.recall, "f1": every.prf.f1},
                             "rules": {r: vars(c) for r, c in s.counts.items()}}
            if args.rules:
                for rule, c in s.counts.items():
                    if c.tp or c.fp or c.fn or c.tolerated:
                        print(f"      {rule:<20} {_fmt(c)}  tolerated {c.tolerated}, on negatives {c.negatives}")
            if args.show:
                for f in s.false_positives:
                    print(f"      FP   {f['rule']:<18} {f['path']}:{f.get('line')}  {f['message'][:150]}")
                for e in s.missed:
                    print(f"      MISS {e['rule']:<18} {e['path']}:{e['line']}  {e.get('note', '')[:150]}")
        if "objections" in res:
            o = res["objections"]
            print("  objections " + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                              for k, v in o.items()))
            figures["objections"] = o
            if args.show_objections and name != "larkspur":
                _show_objections(res["objections_result"], load_corpus(CORPORA[name]).labels)
        report[name] = figures
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
