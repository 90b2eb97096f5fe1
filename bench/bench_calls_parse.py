"""How fast calls are parsed: 1,000 synthetic calls of 100 turns, in every accepted format.

    .venv/bin/python bench/bench_calls_parse.py [--calls 1000] [--turns 100] [--repeat 3]

Prints calls per second for ``load_calls`` (read, decode, parse, clean, split into sentences,
resolve roles) over a folder generated in a temporary directory, best of ``--repeat`` runs, by the
wall clock and per second of CPU time (steadier on a shared machine). One process, one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.calls import load_calls  # noqa: E402
from knowledge.settings import CallSettings, Settings  # noqa: E402

REPS = ["Maya Patel", "Jordan Lee", "Priya Raman"]
PROSPECTS = ["Grace Holloway", "Ben Ortiz", "Tomás Ruiz", "Nadia Brooks"]
SENTENCES = [
    "We cut processing cost by 62% on average, e.g. for Contoso.",
    "Honestly that's more than we set aside for this year.",
    "It costs about $3.40 per invoice today, which Dr. Chen thinks is high.",
    "Median time to go live is six weeks.",
    "Can you walk me through the approval flow?",
    "Our team processes roughly 4,000 invoices a month!",
    "That's 2.5x faster than what we have now.",
    "Where would our data be hosted?",
    "Um, I'm not sure that works for us.",
    "We support more than 40 ERP connectors, i.e. NetSuite, Sage and SAP.",
]


def _turns(rng: random.Random, n: int) -> list[tuple[str, str, str, float]]:
    out = []
    t = 0.0
    for i in range(n):
        who = rng.choice(REPS if i % 2 == 0 else PROSPECTS)
        role = "internal" if who in REPS else "external"
        text = " ".join(rng.choices(SENTENCES, k=rng.randint(1, 4)))
        out.append((who, role, text, t))
        t += rng.uniform(2, 20)
    return out


def _clock(t: float, sep: str = ".") -> str:
    h, rem = divmod(t, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{int(s):02d}{sep}{int((s % 1) * 1000):03d}"


def _vtt(turns: list[tuple[str, str, str, float]], voice: bool) -> str:
    lines = ["WEBVTT", ""]
    for i, (who, _, text, t) in enumerate(turns, 1):
        body = f"<v {who}>{text}</v>" if voice else f"{who}: {text}"
        lines += [f"{i}", f"{_clock(t)} --> {_clock(t + 2)}", body, ""]
    return "\n".join(lines)


def _srt(turns: list[tuple[str, str, str, float]]) -> str:
    lines = []
    for i, (who, _, text, t) in enumerate(turns, 1):
        lines += [f"{i}", f"{_clock(t, ',')} --> {_clock(t + 2, ',')}", f"{who}: {text}", ""]
    return "\r\n".join(lines)


def _txt(turns: list[tuple[str, str, str, float]]) -> str:
    return "\n".join(f"[{_clock(t)[:8]}] {who}: {text}" for who, _, text, t in turns) + "\n"


def _conversation(turns: list[tuple[str, str, str, float]]) -> str:
    names = sorted({w for w, *_ in turns})
    parties = [{"speakerId": str(1000 + i), "name": n, "affiliation": "internal" if n in REPS else "external"}
               for i, n in enumerate(names)]
    ids = {n: str(1000 + i) for i, n in enumerate(names)}
    transcript = [{"speakerId": ids[w], "topic": None,
                   "sentences": [{"start": int(t * 1000), "end": int(t * 1000) + 900, "text": text}]}
                  for w, _, text, t in turns]
    return json.dumps({"title": "Synthetic", "parties": parties, "transcript": transcript}, indent=2)


def _turn_list(turns: list[tuple[str, str, str, float]]) -> str:
    return json.dumps({"turns": [{"speaker": w, "role": r, "start": round(t, 2), "text": text}
                                 for w, r, text, t in turns]}, indent=2, ensure_ascii=True)


def _meeting(turns: list[tuple[str, str, str, float]]) -> str:
    items = [{"speaker": w, "content": text.replace(". ", " {vocalsound} . ").replace(", ", " , ")}
             for w, _, text, _ in turns]
    return json.dumps({"topic_list": [], "meeting_transcripts": items}, indent=4)


FORMATS = [
    ("vtt", lambda ts: _vtt(ts, voice=True)),
    ("vtt", lambda ts: _vtt(ts, voice=False)),
    ("srt", _srt),
    ("txt", _txt),
    ("json", _conversation),
    ("json", _turn_list),
    ("json", _meeting),
]


def generate(folder: Path, calls: int, turns: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    size = 0
    for i in range(calls):
        suffix, render = FORMATS[i % len(FORMATS)]
        data = render(_turns(rng, turns)).encode("utf-8")
        (folder / f"call-{i:05d}.{suffix}").write_bytes(data)
        size += len(data)
    return size


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--turns", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "calls").mkdir()
        size = generate(root / "calls", args.calls, args.turns)
        settings = Settings(root=root, calls=CallSettings(internal_speakers=REPS))
        best = best_cpu = float("inf")
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            calls, problems = load_calls(settings)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        assert not problems, problems[:3]
        assert len(calls) == args.calls
        turns = sum(len(c.turns) for c in calls)
        sentences = sum(len(t.sentences) for c in calls for t in c.turns)
        kinds = Counter(Path(c.path).suffix for c in calls)
    print(f"{args.calls} calls ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
          f"{turns} turns, {sentences} sentences, {size / 1e6:.1f} MB")
    print(f"best of {args.repeat}: {best:.2f} s wall ({best_cpu:.2f} s CPU) -> {args.calls / best:,.0f} calls/s, "
          f"{turns / best:,.0f} turns/s, {size / 1e6 / best:.1f} MB/s")
    print(f"per CPU second: {args.calls / best_cpu:,.0f} calls/s")


if __name__ == "__main__":
    main()
