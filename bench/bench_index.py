"""The index drills at operator scale: a KB of 2,000+ entries, copied, raced, renamed under an
ingest, served during ingests, and repaired by ``canon doctor``. Prints figures; asserts nothing.

    python bench/bench_index.py              # 2,100 entries, the fake embedder
    python bench/bench_index.py --entries 3000 --real   # the real model (slower, same behaviour)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import drills  # noqa: E402


def _du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=2100)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--real", action="store_true", help="use the real embedding model")
    args = ap.parse_args()
    if not args.real:
        os.environ["CANON_EMBEDDER"] = "fake"
    environ = drills.env()
    n = args.entries
    work = Path(tempfile.mkdtemp(prefix="canon-bench-index-"))
    try:
        root = drills.make_kb(work / "kb", n)
        # A few files that cannot be served: the count printed must be the count served.
        (root / "proof" / "broken.md").write_text("---\ntitle: [unclosed\n---\n# Broken\n")
        (root / "proof" / "dup.md").write_text(drills.entry_text(0).replace("title:", "id: proof/entry-00000\ntitle:"))
        t = time.perf_counter()
        first = drills.finish(drills.start_ingest(root, environ))
        print(f"first ingest: {n + 2} files, {first.report['entries']} entries served "
              f"({first.report['files']} entry files, {len(first.report['problems'])} problems), "
              f"{first.report['texts_embedded']} texts embedded, {time.perf_counter() - t:.1f}s")
        from knowledge.browse import list_entries
        from knowledge.settings import load_settings

        served = len({e["id"] for e in list_entries(load_settings(root))["entries"]})
        print(f"  entries the API lists: {served} (ingest said {first.report['entries']})")
        t = time.perf_counter()
        again = drills.finish(drills.start_ingest(root, environ))
        print(f"ingest with nothing changed (checks the store against the catalog): {time.perf_counter() - t:.1f}s, "
              f"repaired {again.report['repaired']}")
        from knowledge.store import copy_generation, generation_path, open_catalog, store_state

        settings = load_settings(root)
        catalog = open_catalog(settings)
        try:
            _, gen = store_state(catalog)
        finally:
            catalog.close()
        assert gen is not None
        current = generation_path(settings, gen)
        t = time.perf_counter()
        copy_generation(current, work / "gen-copy")
        copy_s = time.perf_counter() - t
        shutil.rmtree(work / "gen-copy")
        print(f"index size: {_du(root / '.canon'):.0f} MB in all; catalog "
              f"{(root / '.canon' / 'catalog.sqlite').stat().st_size / 1e6:.0f} MB, store generation {_du(current):.0f} MB "
              f"(a write copies it in {copy_s:.2f}s)")

        # 1. Copy the KB, index and all.
        copy = work / "copy"
        t = time.perf_counter()
        shutil.copytree(root, copy)
        c = drills.finish(drills.start_ingest(copy, environ))
        hit = drills.top_hit(copy, drills.title_of(n // 2))
        print(f"copied KB: ingest {time.perf_counter() - t:.1f}s (copy included), {c.report['texts_embedded']} texts "
              f"re-embedded, {c.report['unchanged']} unchanged; search for entry {n // 2}'s title -> {hit}")
        shutil.rmtree(copy)

        # 2. Two ingests racing.
        drills.edit(root, list(range(0, 300, 2)), revision=1)
        a, b = drills.start_ingest(root, environ), drills.start_ingest(root, environ)
        ra, rb = drills.finish(a), drills.finish(b)
        agree = drills.store_agrees(root)
        print(f"two racing ingests: exit {ra.returncode} and {rb.returncode}; changed "
              f"{len(ra.report.get('changed', []))} + {len(rb.report.get('changed', []))}; "
              f"waited: {'Waiting for' in ra.stderr + rb.stderr}; missing vectors {agree['missing_vectors']}, "
              f"orphans {agree['orphan_vectors']}")

        # 3. Edit 150 files and ingest; rename 50 while it runs and ingest again.
        drills.edit(root, list(range(150)), revision=2)
        t = time.perf_counter()
        first_proc = drills.start_ingest(root, environ)
        drills.wait_for_writer(root, first_proc.pid)
        renamed = list(range(100, 150))
        drills.rename(root, renamed)
        second_proc = drills.start_ingest(root, environ)
        r1, r2 = drills.finish(first_proc), drills.finish(second_proc)
        agree = drills.store_agrees(root)
        found = sum(drills.top_hit(root, drills.title_of(i)) == f"proof/renamed-{i:05d}.md" for i in renamed)
        nxt = drills.finish(drills.start_ingest(root, environ))
        print(f"rename race: exit {r1.returncode}/{r2.returncode} in {time.perf_counter() - t:.1f}s; "
              f"missing vectors {agree['missing_vectors']} of {agree['searchable_chunks']}, orphans "
              f"{agree['orphan_vectors']}; renamed entries found by exact title: {found}/{len(renamed)}; next ingest: "
              f"{len(nxt.report['changed'])} changed, {len(nxt.report['added'])} added, repaired {nxt.report['repaired']}")

        # 4. A server answering searches from several threads during 4 ingests and an audit's refresh.
        from tests.conftest import free_port

        titles = [drills.title_of(i) for i in range(0, n, 7)]
        with drills.serve(root, free_port(), environ) as base:
            import urllib.request

            timings = []
            for _ in range(4):
                t = time.perf_counter()
                with urllib.request.urlopen(f"{base}/v1/health") as r:
                    r.read()
                timings.append(time.perf_counter() - t)
            print(f"GET /v1/health (the full diagnosis on the first call, then reused while no stat changes): first "
                  f"{timings[0] * 1000:.0f} ms, then {statistics.median(timings[1:]) * 1000:.0f} ms")
            t = time.perf_counter()
            served = drills.searches_through_ingests(root, base, environ, titles, entries=n,
                                                     threads=args.threads, every=25,
                                                     revision=10, timeout=600)
        load, health = served.load, served.health
        for stderr in served.failed_ingests:
            print("  ingest failed:", stderr[-400:])
        lat = sorted(load.latencies)
        p95 = lat[int(len(lat) * 0.95)] if lat else 0.0
        print(f"serving during 4 ingests + 1 audit refresh ({time.perf_counter() - t:.0f}s, {args.threads} threads): "
              f"{load.ok + load.empty + len(load.failures)} searches, {len(load.failures)} failed, {load.empty} empty; "
              f"latency p50 {statistics.median(lat) * 1000 if lat else 0:.0f} ms, p95 {p95 * 1000:.0f} ms")
        for f in load.failures[:3]:
            print("  e.g.", f)
        print(f"  /v1/health after: status {health['status']}, up_to_date {health['up_to_date']}, "
              f"{health['vectors']} vectors for {health['chunks']} chunks")

        # 5. A store that lost vectors (as racing writers of earlier versions left it), repaired.
        from ingest.doctor import repair

        drills.lose_vectors(root, 227)
        t = time.perf_counter()
        fixed = repair(settings)
        print(f"doctor: found {[(p.code, p.count) for p in fixed.before.problems]}; "
              f"{'; '.join(fixed.actions)}; {time.perf_counter() - t:.1f}s; healthy after: {fixed.after.healthy}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
