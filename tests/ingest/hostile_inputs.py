"""Inputs an attacker, or an unlucky export, could put in front of canon: each small enough to send,
each able to take the machine without the limits of ``ingest.limits``. Shared by
``tests/ingest/test_limits.py`` (which runs each under a memory cap and a timeout) and
``bench/bench_hostile.py`` (which prints time and peak memory for each).

``run(kind, name)`` parses one input the way canon reads it and prints one JSON line: the seconds,
the peak RSS and what was reported. It is meant to run in a child process with its own limits.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def alias_bomb() -> bytes:
    """395 bytes of front matter that expand to 9^9 (387 million) strings."""
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return ("---\n" + "\n".join(rows) + "\n---\n\n# Bomb\n\nStill searchable.\n").encode()


def self_alias() -> bytes:
    return b"---\nloop: &a [1, *a]\nmore: {x: *a}\n---\n\nLoop.\n"


def deep_yaml() -> bytes:
    return ("---\nx: " + "[" * 900 + "]" * 900 + "\n---\n\nDeep.\n").encode()


def wide_yaml() -> bytes:
    """Many small keys: a front matter over the node budget without a single alias."""
    return ("---\n" + "".join(f"k{i}: [{i}, {i}]\n" for i in range(20_000)) + "---\n\nWide.\n").encode()


def number_wall(size: int = 4 * 1024 * 1024 - 1024) -> bytes:
    """Nothing but numbers, in short paragraphs: every one a candidate figure for the extractor."""
    para = ("1 2 3 4 5 6 7 8 9 10 " * 20).strip() + "\n\n"
    return ("# Numbers\n\n" + para * (size // len(para))).encode()


def one_long_line(size: int = 4 * 1024 * 1024 - 1024) -> bytes:
    return ("# Line\n\n" + "12% " * (size // 4) + "\n").encode()


def one_huge_paragraph(size: int = 4 * 1024 * 1024 - 1024) -> bytes:
    line = "Customers save 31% and 9 hours a week on 1,400 jobs.\n"
    return ("# Paragraph\n\n" + line * (size // len(line))).encode()


def over_size() -> bytes:
    return b"# Big\n\n" + b"word " * (1024 * 1024)  # 5 MB


ENTRIES: dict[str, Callable[[], bytes]] = {
    "alias-bomb": alias_bomb, "self-alias": self_alias, "deep-yaml": deep_yaml, "wide-yaml": wide_yaml,
    "number-wall": number_wall, "long-line": one_long_line, "huge-paragraph": one_huge_paragraph,
    "over-size": over_size,
}


def vtt_wall(size: int = 8 * 1024 * 1024 - 4096) -> bytes:
    """A WebVTT file at the size limit: short cues with figures, half of them with impossible times."""
    out = ["WEBVTT\n"]
    n = 0
    total = 8
    while total < size:
        good = n % 2 == 0
        timing = "00:00:01.000 --> 00:00:02.000" if good else "00:75:01.000 --> 00:00:00.500"
        cue = f"\n{timing}\n<v Dana Wu>We pay 40% more for 12 licences, about $9,000 a year.\n"
        out.append(cue)
        total += len(cue)
        n += 1
    return "".join(out).encode()


def json_one_string(size: int = 8 * 1024 * 1024 - 4096) -> bytes:
    text = "It costs 40% more and takes 12 weeks. " * (size // 38)
    return json.dumps([{"speaker": "Dana Wu", "text": text}]).encode()


CALLS: dict[str, Callable[[], bytes]] = {"vtt-wall": vtt_wall, "json-one-string": json_one_string}
CALL_SUFFIX = {"vtt-wall": ".vtt", "json-one-string": ".json"}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(kind: str, name: str) -> dict[str, object]:
    """Parse one hostile input as canon does (and, for entries, write it as the index would)."""
    from knowledge.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        settings = Settings(root=root)
        base = _peak_mb()
        t0 = time.perf_counter()
        if kind == "entry":
            from ingest.kb import parse_entry
            from knowledge.serialize import entry_to_dict

            path = root / f"{name}.md"
            path.write_bytes(ENTRIES[name]())
            try:
                from ingest.kb import read_entry_file
                raw = read_entry_file(path, settings)
            except ImportError:  # an older canon (bench/bench_hostile.py --code), which read files whole
                raw = path.read_bytes()
            entry, findings = parse_entry(root, path, raw, settings)
            stored = len(json.dumps(entry_to_dict(entry))) if entry is not None else 0
            result: dict[str, object] = {
                "entry": entry is not None, "status": entry.status if entry else None, "stored_bytes": stored,
                "claims": len(entry.claims) if entry else 0,
                "findings": [[f.rule, f.severity, f.line, f.message] for f in findings]}
        else:
            from ingest.calls import decode_call_bytes, parse_call
            from knowledge.model import Finding

            path = root / f"{name}{CALL_SUFFIX[name]}"
            path.write_bytes(CALLS[name]())
            problems: list[Finding] = []
            try:
                try:
                    from ingest.calls import read_call_file
                    call = parse_call(path, rel=path.name, settings=settings.calls,
                                      text=decode_call_bytes(read_call_file(path, root)), problems=problems)
                except ImportError:  # an older canon
                    call = parse_call(path, rel=path.name, settings=settings.calls,
                                      text=decode_call_bytes(path.read_bytes()))
                result = {"turns": len(call.turns)}
            except Exception as exc:  # reported like load_calls does; the test wants to see it
                result = {"turns": 0, "error": f"{type(exc).__name__}: {exc}"[:300]}
            result["findings"] = len(problems)
            result["first_finding"] = [problems[0].line, problems[0].message] if problems else None
        result.update(input_bytes=path.stat().st_size, seconds=round(time.perf_counter() - t0, 2),
                      peak_rss_mb=round(_peak_mb(), 1), rss_before_mb=round(base, 1))
    return result


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], sys.argv[2])))
