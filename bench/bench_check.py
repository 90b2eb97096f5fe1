"""Benchmark of ``canon check`` on figure-dense drafts: wall time from the command line, by size.

    python bench/bench_check.py                       # 1,500 and 6,000 figures, and a 12,000-line draft
    python bench/bench_check.py --figures 1500        # one size only
    python bench/bench_check.py --lines 0             # no long draft
    python bench/bench_check.py --profile 1500        # cProfile of one check, in process

The Northwind corpus is copied once into a work folder (kept between runs, ``--work``) and indexed
with the real model. Each draft is written fresh:

- **figure-dense**: three sentences a line, each stating one figure about one of 140 measures (twenty
  subjects, seven aspects, as in ``bench/bench_audit.py``), in varied wording, about forty customers;
  nearly every sentence is new text to embed. 1,500 figures is a 500-line draft.
- **long**: a draft of Northwind's six drafts' paragraphs, repeated with some figures changed, to
  ``--lines`` lines (a long document with a figure every few lines).

``canon check DRAFT --format json`` runs as a new process, as a writer runs it (start-up, reading
the index, parsing, embedding the figure contexts, matching, rendering), from this checkout
(``python -m cli.main``, whatever canon is installed). The embedder is canon's own choice
(``CANON_EMBEDDER`` unset). The figures are drawn anew each run (``--seed`` to repeat one), since
``canon check`` caches the vectors it embeds, so each run checks a fresh copy of the indexed KB (a
run never meets the vectors of the run before it); ``--again`` times a second check of the same draft
on the copy the first check used.
Wall time depends on what else the machine runs; CPU time (user and
system, all threads) is printed beside it. ``--compare DIR`` times another checkout's canon by turns
with this one's (``git archive COMMIT | tar -x -C DIR``). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NORTHWIND = REPO.parent / "shared" / "corpora" / "northwind"
sys.path.insert(0, str(REPO))

from bench.bench_audit import CUSTOMERS, MEASURES, TODAY, long_draft  # noqa: E402

TEMPLATES = [
    "{c} reports {s} for the {m}.",
    "The {m} is {s} on the platform.",
    "Across our customers the {m} came down to {s}.",
    "Teams at {c} see {s} on the {m} after one quarter.",
    "With Northwind, the {m} is {s}.",
    "Our 2026 study puts the {m} at {s}.",
    "Most finance teams reach {s} on the {m} within a year.",
    "For {c}, the {m} was {s} in the first year.",
]


def dense_draft(figures: int, seed: int = 7) -> str:
    """About ``figures`` figures, three sentences (figures) a line, five lines a paragraph."""
    rng = random.Random(seed)
    lines: list[str] = ["# What our customers measure", ""]
    n = 0
    while n < figures:
        sentences = []
        for _ in range(3):
            name, _unit, say, (lo, hi) = rng.choice(MEASURES)
            sentences.append(rng.choice(TEMPLATES).format(c=rng.choice(CUSTOMERS), m=name,
                                                          s=say.format(v=rng.randint(lo, hi))))
            n += 1
        lines.append(" ".join(sentences))
        if len(lines) % 6 == 1:
            lines.append("")
    return "\n".join(lines) + "\n"


def indexed_kb(work: Path) -> Path:
    """A copy of the Northwind KB, indexed with the real model (kept between runs)."""
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    root = work / "kb"
    if not (root / "canon.toml").is_file():
        shutil.copytree(NORTHWIND / "kb", root, ignore=shutil.ignore_patterns(".canon"), dirs_exist_ok=True)
    t0 = time.perf_counter()
    ingest(load_settings(root, environ={}))
    print(f"Northwind KB indexed in {time.perf_counter() - t0:.1f} s ({root})")
    return root


def cold_copy(root: Path, work: Path, name: str) -> Path:
    """The KB each run checks against: a fresh copy of the indexed KB, so that no run finds the draft's
    vectors cached by the run before it (every code pays for the same embedding); ``again`` checks the
    copy the run before it used, to time a second check of the same draft."""
    kb = work / f"kb-{'this' if name == 'again' else name}"
    if name != "again":
        shutil.rmtree(kb, ignore_errors=True)
        shutil.copytree(root, kb, symlinks=True)
    return kb


def run_check(root: Path, draft: Path, code: Path = REPO) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds, findings, error) of one ``canon check`` run by ``code``'s canon."""
    import resource

    # ``python -m cli.main`` from the checkout: its code, whatever canon is installed
    cmd = [sys.executable, "-m", "cli.main", "check", str(draft), "--kb", str(root), "--today", TODAY.isoformat(),
           "--format", "json", "--fail-on", "never"]
    env = {k: v for k, v in os.environ.items() if k != "CANON_EMBEDDER"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=code)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        return dt, cpu, -1, done.stderr.strip()[-300:]
    return dt, cpu, len(json.loads(done.stdout)["findings"]), ""


def profile(root: Path, text: str, top: int = 25) -> None:
    import cProfile
    import pstats

    from ingest.drafts import parse_draft_text
    from knowledge.audit import run_check as check
    from knowledge.settings import load_settings

    settings = load_settings(root, environ={})
    draft = parse_draft_text(text, "bench-draft.md")
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    report = check(settings, [draft], today=TODAY)
    prof.disable()
    print(f"in process: {time.perf_counter() - t0:.2f} s, {len(report.findings)} findings")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--figures", type=int, nargs="*", default=[1500, 6000])
    ap.add_argument("--lines", type=int, default=12_000, help="a long draft of this many lines (0: none)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-bench-check")
    ap.add_argument("--profile", type=int, help="profile one check of a draft of this many figures")
    ap.add_argument("--seed", type=int, default=None, help="of the drafts' figures (default: new each run, so "
                    "that no vector is cached from an earlier run)")
    ap.add_argument("--again", action="store_true", help="check each draft a second time (what a writer "
                    "re-running canon check after an edit waits for: the vectors are cached)")
    ap.add_argument("--compare", type=Path, help="also time the canon of this checkout (e.g. an older commit), "
                    "run by turns with this one's")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    root = indexed_kb(args.work)
    if args.profile:
        profile(root, dense_draft(args.profile))
        return
    from knowledge.claims import extract_claims

    print(f"canon check, new process each, on {os.cpu_count()} cores (load average "
          f"{os.getloadavg()[0]:.1f} at the start)")
    print(f"  {'draft':<34} {'code':<8} {'lines':>7} {'figures':>8} {'wall':>8} {'CPU':>8} {'wall/1k':>8}  findings")
    codes = [("this", REPO)] + ([("compare", args.compare)] if args.compare else [])
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"  (drafts from seed {seed})")
    cases = [(f"figure-dense, {n:,} figures", dense_draft(n, seed + n)) for n in args.figures]
    if args.lines:
        cases.append((f"long, {args.lines:,} lines", long_draft(args.lines, NORTHWIND)))
    for label, text in cases:
        draft = args.work / "draft.md"
        draft.write_text(text)
        n = len(extract_claims(text))
        lines = text.count("\n")
        runs = [(name, code) for name, code in codes]
        if args.again:
            runs.insert(1, ("again", REPO))
        for name, code in runs:
            dt, cpu, findings, err = run_check(cold_copy(root, args.work, name), draft, code)
            print(f"  {label:<34} {name:<8} {lines:>7,} {n:>8,} {dt:>7.2f}s {cpu:>7.2f}s {dt / max(n, 1) * 1000:>7.2f}s"
                  f"  {findings}" + (f"  (failed: {err})" if err else ""), flush=True)


if __name__ == "__main__":
    main()
