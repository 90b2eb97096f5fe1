"""Hostile input: time and peak memory to read each input of ``tests/ingest/hostile_inputs.py``
(a 395-byte YAML alias bomb, a self-referencing alias, 900 levels of nesting, 20,000 keys, 4 MB of
numbers, a 4 MB line, a 4 MB paragraph, a 5 MB file, an 8 MB WebVTT file with impossible cue
times, an 8 MB JSON call in one string). Each runs in its own process under an address-space cap,
so a run that would take the machine is stopped and reported instead. Prints figures; asserts
nothing.

    .venv/bin/python bench/bench_hostile.py [--cap-gb 2] [--timeout 300] [--code PATH] [--only NAME ...]

``--code`` reads with another checkout of canon (e.g. an older commit) to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.ingest import hostile_inputs  # noqa: E402


def _one(kind: str, name: str, code: Path, cap: int, timeout: int) -> str:
    script = (
        "import resource, runpy, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
        f"sys.path[:0] = [{str(code)!r}, {str(REPO)!r}]\n"
        f"sys.argv = ['hostile', {kind!r}, {name!r}]\n"
        "runpy.run_path(" + repr(str(REPO / "tests" / "ingest" / "hostile_inputs.py")) + ", run_name='__main__')\n"
    )
    try:
        done = subprocess.run([sys.executable, "-c", script], cwd=code, capture_output=True, text=True,
                              timeout=timeout, env={**os.environ, "PYTHONPATH": f"{code}:{REPO}"})
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout} s (timeout)"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed: {last[:120]}"
    got = json.loads(done.stdout.strip().splitlines()[-1])
    findings = got.get("findings")
    n = len(findings) if isinstance(findings, list) else findings
    return (f"{got['seconds']:>6.2f} s  peak RSS {got['peak_rss_mb']:>7.1f} MB  input {got['input_bytes']:>10,} B  "
            f"findings {n}" + (f"  stored {got['stored_bytes']:,} B" if "stored_bytes" in got else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cap-gb", type=float, default=2.0, help="address-space cap of each run (GB)")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--code", type=Path, default=REPO, help="the canon checkout to read with")
    ap.add_argument("--only", nargs="*", default=None, help="only these inputs (names as printed)")
    args = ap.parse_args()
    cap = int(args.cap_gb * 1024 ** 3)
    print(f"canon at {args.code}; each input in its own process, capped at {args.cap_gb:g} GB and {args.timeout} s")
    for kind, names in (("entry", hostile_inputs.ENTRIES), ("call", hostile_inputs.CALLS)):
        for name in names:
            if args.only and name not in args.only:
                continue
            print(f"{kind:5s} {name:16s} {_one(kind, name, args.code.resolve(), cap, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
