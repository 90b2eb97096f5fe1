"""How long reading a KB takes: ``load_kb`` on the Northwind corpus, a generated 2,000-entry KB and
an entry at the size limit (``ingest.limits.MAX_ENTRY_BYTES``, 4 MB), each also without claim extraction (to tell the parse from the extractor).
Prints figures; asserts nothing.

    .venv/bin/python bench/bench_parse.py [--entries 2000] [--repeat 3] [--no-huge] [--dense]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest import _markdown  # noqa: E402
from ingest.kb import load_kb, parse_entry  # noqa: E402
from knowledge.settings import Settings, load_settings  # noqa: E402

T = TypeVar("T")
NORTHWIND = REPO.parent / "shared" / "corpora" / "northwind" / "kb"

WORDS = ("invoice approval supplier payment finance team month close controller capture matching "
         "exception workflow purchase order ledger cost cycle time customers automation review "
         "audit policy budget owner").split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    figure = rng.choice([f"{rng.randint(2, 95)}%", f"{rng.randint(2, 16)} weeks", f"{rng.randint(2, 9)}x",
                         f"${rng.randint(1, 900)}K", f"{rng.randint(100, 5000):,} customers"])
    words.insert(rng.randint(3, len(words) - 1), figure)
    return " ".join(words).capitalize() + "."


def _entry(i: int, rng: random.Random) -> str:
    kind = rng.choice(["proof_point", "message", "case_study", "answer", "article"])
    paras = "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(2, 5)))
    items = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 6)))
    return f"""---
type: {kind}
title: Entry {i}
owner: owner{i % 17}@example.com
reviewed: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}
review_every: 180d
topics: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]
sources:
  - title: Study {i % 40}
    url: https://example.com/study/{i % 40}
    date: 2025-0{rng.randint(1, 9)}-01
  - Internal benchmark {i % 7}
metrics:
  - id: metric-{i}
    name: {" ".join(rng.choice(WORDS) for _ in range(5))}
    value: {rng.randint(1, 90)}
    unit: {rng.choice(["percent", "weeks", "x", "USD", "customers"])}
    qualifier: median
    as_of: 2026-0{rng.randint(1, 9)}
    source: Study {i % 40}
---

# Entry {i}

{paras}

## Details

{items}

| Measure | Before | After |
|---|---|---|
| Cycle time | {rng.randint(10, 30)} days | {rng.randint(2, 9)} days |
"""


def _time(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-huge", action="store_true", help="skip the entries at the size limit")
    ap.add_argument("--dense", action="store_true",
                    help="also an entry at the size limit with figures in every paragraph (slow: claim extraction)")
    args = ap.parse_args()

    # The first call pays for imports (markdown-it, the claims extractor): keep it out of the figures.
    parse_entry(Path("/kb"), Path("/kb/warm.md"), _entry(0, random.Random(0)).encode(), Settings(root=Path("/kb")))

    if NORTHWIND.is_dir():
        seconds, kb = _time(lambda: load_kb(load_settings(NORTHWIND)), args.repeat)
        n = len(kb.entries)
        claims = sum(len(e.claims) for e in kb.entries)
        print(f"northwind KB      {n:5d} entries  {claims:6d} claims  {seconds * 1000:8.1f} ms  "
              f"({seconds * 1000 / max(n, 1):.2f} ms/entry)")
    else:
        print(f"northwind KB      not found at {NORTHWIND}")

    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        total = 0
        for i in range(args.entries):
            folder = root / f"section-{i % 20:02d}"
            folder.mkdir(exist_ok=True)
            data = _entry(i, rng).encode()
            total += len(data)
            (folder / f"entry-{i:05d}.md").write_bytes(data)
        seconds, kb = _time(lambda: load_kb(load_settings(root)), args.repeat)
        n = len(kb.entries)
        claims = sum(len(e.claims) for e in kb.entries)
        print(f"generated KB      {n:5d} entries  {claims:6d} claims  {seconds * 1000:8.1f} ms  "
              f"({seconds * 1000 / max(n, 1):.2f} ms/entry, {total / 1e6:.1f} MB)")

        files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.md")}
        seconds, _ = _time(lambda: load_kb(load_settings(root), files=files), args.repeat)
        print(f"  same, in memory                        {seconds * 1000:8.1f} ms  (parsing only, no disk)")

        with _without_claims():
            seconds, _ = _time(lambda: load_kb(load_settings(root), files=files), args.repeat)
        print(f"  same, claim extraction left out        {seconds * 1000:8.1f} ms  (front matter + Markdown)")

    if not args.no_huge:
        root = Path("/kb")
        kinds = [("prose", 10)] + ([("dense", 1)] if args.dense else [])
        for label, every in kinds:
            raw = _huge(every)
            seconds, (entry, _) = _time(partial(parse_entry, root, root / "huge.md", raw, Settings(root=root)), 1)
            assert entry is not None
            print(f"{len(raw) / 1e6:.0f} MB entry, {label:5s} {len(entry.blocks):6d} blocks {len(entry.claims):6d} claims  "
                  f"{seconds:8.2f} s  ({len(raw) / 1e6 / seconds:.2f} MB/s)")
            with _without_claims():
                seconds, _ = _time(partial(parse_entry, root, root / "huge.md", raw, Settings(root=root)), 1)
            print(f"  same, claim extraction left out        {seconds:8.2f} s")


def _huge(figure_every: int) -> bytes:
    """Markdown up to the size limit: sections of prose paragraphs, one in ``figure_every`` with figures."""
    from ingest.limits import MAX_ENTRY_BYTES

    sentence = "Approvals move from email into chat, so nobody has to log in to approve an invoice. "
    prose = "\n".join([sentence * 4] * 5) + "\n\n"
    figure = ("Northwind customers cut invoice processing costs by 54% and go live in 6 weeks, "
              "according to the 2026 onboarding study.\nTeams close the month in 6 days instead of 10.\n\n")
    parts = ["---\ntype: article\ntitle: Huge\n---\n\n"]
    size = 0
    n = 0
    while size < MAX_ENTRY_BYTES - 1000:
        chunk = f"## Section {n}\n\n" if n % 50 == 0 else figure if n % figure_every == 0 else prose
        parts.append(chunk)
        size += len(chunk)
        n += 1
    return "".join(parts).encode()


@contextmanager
def _without_claims() -> Iterator[None]:
    """Time the parse alone: the claim extractor is someone else's figure."""
    saved = _markdown._extractor
    _markdown._extractor = lambda: (lambda text, **kw: [])  # type: ignore[assignment]
    try:
        yield
    finally:
        _markdown._extractor = saved


if __name__ == "__main__":
    main()
