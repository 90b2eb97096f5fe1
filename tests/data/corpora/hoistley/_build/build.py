"""Render the Hoistley sales calls and write labels.json.

The calls live in calls.py as lists of turns. A turn is (speaker, text) or
(speaker, text, [(anchor, objection), ...]); each anchor is a verbatim piece of the
turn that carries the objection. This script renders every call in its file format,
finds the line where each anchor lands, checks that the anchor occurs exactly once in
the call and is spoken by an external speaker, and writes ../labels.json.

Run from anywhere:  python tests/data/corpora/hoistley/_build/build.py
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CALLS_DIR = ROOT / "kb" / "calls"
sys.path.insert(0, str(HERE))

from calls import CALLS, COVERAGE, GAP_NOTES, INTERNAL_DOMAINS, INTERNAL_SPEAKERS  # noqa: E402


def is_internal(speaker: str) -> bool:
    if speaker in INTERNAL_SPEAKERS:
        return True
    if "@" in speaker and speaker.split("@", 1)[1] in INTERNAL_DOMAINS:
        return True
    return False


def sentences(text: str) -> list[str]:
    if "|" in text:
        return [s.strip() for s in text.split("|") if s.strip()]
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def clean(text: str) -> str:
    return " ".join(s.strip() for s in text.split("|")) if "|" in text else text


def ts(seconds: float, sep: str = ".") -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def timings(turns, start=2.4):
    """Start and end seconds for each turn, from its length."""
    out = []
    t = start
    for i, turn in enumerate(turns):
        words = len(clean(turn[1]).split())
        dur = max(1.2, words * 0.34) + (i % 3) * 0.21
        out.append((t, t + dur))
        t = t + dur + 0.4 + (i % 4) * 0.17
    return out


def js(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


# Each renderer returns (lines, segments) where segments[i] is a list of
# (line_number, text) pieces holding turn i's spoken text, in order.

def render_vtt(call):
    lines = ["WEBVTT", ""]
    segs = []
    for i, (turn, (a, b)) in enumerate(zip(call["turns"], timings(call["turns"]))):
        spk, text = turn[0], clean(turn[1])
        lines.append(f"{call.get('cue_prefix', '')}{i + 1}")
        lines.append(f"{ts(a)} --> {ts(b)}")
        if call["format"] == "vtt-voice":
            lines.append(f"<v {spk}>{text}</v>")
        else:
            lines.append(f"{spk}: {text}")
        segs.append([(len(lines), text)])
        lines.append("")
    return lines, segs


def render_srt(call):
    lines = []
    segs = []
    for i, (turn, (a, b)) in enumerate(zip(call["turns"], timings(call["turns"]))):
        spk, text = turn[0], clean(turn[1])
        lines.append(str(i + 1))
        lines.append(f"{ts(a, ',')} --> {ts(b, ',')}")
        lines.append(f"{spk}: {text}")
        segs.append([(len(lines), text)])
        lines.append("")
    return lines, segs


def render_parties(call):
    ids = call["speaker_ids"]
    lines = ["{"]
    lines.append(f'  "callId": {js(call["call_id"])},')
    lines.append(f'  "title": {js(call["title"])},')
    lines.append(f'  "started": {js(call["started"])},')
    lines.append('  "parties": [')
    parties = list(ids.items())
    for k, (name, sid) in enumerate(parties):
        aff = "internal" if is_internal(name) else "external"
        comma = "," if k < len(parties) - 1 else ""
        lines.append(f'    {{"speakerId": {js(sid)}, "name": {js(name)}, "affiliation": "{aff}"}}{comma}')
    lines.append("  ],")
    lines.append('  "transcript": [')
    segs = []
    turns = call["turns"]
    for i, (turn, (a, b)) in enumerate(zip(turns, timings(turns))):
        spk = turn[0]
        sents = sentences(turn[1])
        lines.append(f'    {{"speakerId": {js(ids[spk])}, "topic": null, "sentences": [')
        seg = []
        span = (b - a) / len(sents)
        for j, s in enumerate(sents):
            st, en = int((a + j * span) * 1000), int((a + (j + 1) * span) * 1000)
            comma = "," if j < len(sents) - 1 else ""
            lines.append(f'      {{"start": {st}, "end": {en}, "text": {js(s)}}}{comma}')
            seg.append((len(lines), s))
        comma = "," if i < len(turns) - 1 else ""
        lines.append(f"    ]}}{comma}")
        segs.append(seg)
    lines.append("  ]")
    lines.append("}")
    return lines, segs


def render_turn_list(call):
    turns = call["turns"]
    lines = ["["]
    segs = []
    for i, (turn, (a, _)) in enumerate(zip(turns, timings(turns))):
        spk, text = turn[0], clean(turn[1])
        role = "internal" if is_internal(spk) else "external"
        comma = "," if i < len(turns) - 1 else ""
        lines.append(
            f'  {{"speaker": {js(spk)}, "role": "{role}", "start": {a:.1f}, "text": {js(text)}}}{comma}'
        )
        segs.append([(len(lines), text)])
    lines.append("]")
    return lines, segs


def render_turn_dict(call):
    turns = call["turns"]
    meeting = {"title": call["title"], "date": call["started"][:10], "source": call.get("source", "teams-export")}
    lines = ["{", f'  "meeting": {json.dumps(meeting, ensure_ascii=False)},', '  "turns": [']
    segs = []
    for i, (turn, (a, _)) in enumerate(zip(turns, timings(turns))):
        spk, text = turn[0], clean(turn[1])
        comma = "," if i < len(turns) - 1 else ""
        lines.append(f'    {{"speaker": {js(spk)}, "start": {a:.2f}, "text": {js(text)}}}{comma}')
        segs.append([(len(lines), text)])
    lines.append("  ]")
    lines.append("}")
    return lines, segs


def render_meeting(call):
    turns = call["turns"]
    lines = ["{", '  "meeting_transcripts": [']
    segs = []
    for i, turn in enumerate(turns):
        spk, text = turn[0], clean(turn[1])
        comma = "," if i < len(turns) - 1 else ""
        lines.append(f'    {{"speaker": {js(spk)}, "content": {js(text)}}}{comma}')
        segs.append([(len(lines), text)])
    lines.append("  ]")
    lines.append("}")
    return lines, segs


def render_txt(call):
    lines = []
    segs = []
    fmt = call["format"]
    for turn, (a, _) in zip(call["turns"], timings(call["turns"])):
        spk, text = turn[0], clean(turn[1])
        if fmt == "txt-stamped":
            stamp = ts(a)[:8]
            lines.append(f"[{stamp}] {spk}: {text}")
            segs.append([(len(lines), text)])
            lines.append("")
        elif fmt == "txt-lines":
            lines.append(f"{spk}: {text}")
            segs.append([(len(lines), text)])
        elif fmt == "txt-wrapped":
            first = f"{spk}: "
            wrapped = textwrap.wrap(first + text, width=78, break_long_words=False, break_on_hyphens=False)
            seg = []
            for k, w in enumerate(wrapped):
                lines.append(w)
                seg.append((len(lines), w[len(first):] if k == 0 else w))
            segs.append(seg)
            lines.append("")
        else:
            raise ValueError(fmt)
    while lines and lines[-1] == "":
        lines.pop()
    return lines, segs


RENDER = {
    "vtt-voice": render_vtt,
    "vtt-prefix": render_vtt,
    "srt": render_srt,
    "parties": render_parties,
    "turn-list": render_turn_list,
    "turn-dict": render_turn_dict,
    "meeting": render_meeting,
    "txt-stamped": render_txt,
    "txt-lines": render_txt,
    "txt-wrapped": render_txt,
}


def locate(anchor: str, seg):
    """Line where anchor starts within a turn's segments; None if absent."""
    joined = ""
    starts = []
    for line_no, piece in seg:
        if joined:
            joined += " "
        starts.append((len(joined), line_no))
        joined += piece
    pos = joined.find(anchor)
    if pos < 0:
        return None, 0
    count = joined.count(anchor)
    line = max(ln for off, ln in starts if off <= pos)
    return line, count


def main() -> None:
    CALLS_DIR.mkdir(parents=True, exist_ok=True)
    labelled: dict[str, list] = {}
    mentions: dict[str, list] = {}
    anchor_lines: dict[tuple, int] = {}
    for call in CALLS:
        lines, segs = RENDER[call["format"]](call)
        path = CALLS_DIR / call["file"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        rel = f"calls/{call['file']}"
        file_lines = path.read_text(encoding="utf-8").split("\n")
        out = []
        for turn, seg in zip(call["turns"], segs):
            spk = turn[0]
            for anchor, objection in (turn[2] if len(turn) > 2 else []):
                line, count = locate(anchor, seg)
                assert line is not None, f"{rel}: anchor not in its turn: {anchor!r}"
                assert count == 1, f"{rel}: anchor repeats in its turn: {anchor!r}"
                total = sum(clean(t[1]).count(anchor) for t in call["turns"])
                assert total == 1, f"{rel}: anchor occurs {total} times in the call: {anchor!r}"
                assert not is_internal(spk), f"{rel}: anchor spoken by internal {spk}: {anchor!r}"
                # the anchor's first words must be on that line of the file as written
                head = anchor.split()[0]
                assert head in file_lines[line - 1], f"{rel}:{line}: {head!r} not on the line"
                item = {"snippet": anchor, "objection": objection, "line": line, "speaker": spk}
                if len(seg) > 1:
                    item["turn_lines"] = [seg[0][0], seg[-1][0]]
                out.append(item)
                mentions.setdefault(objection, []).append({"path": rel, "line": line})
                anchor_lines[(rel, anchor)] = line
        out.sort(key=lambda m: m["line"])
        labelled[rel] = out

    expected = []
    for objection, note in GAP_NOTES.items():
        ms = mentions[objection]
        item = {"rule": "objection-gap", "objection": objection}
        if objection.startswith("objections/"):
            item["path"] = objection + ".md"
            item["line"] = 1
            item["alt_paths"] = sorted({m["path"] for m in ms})
        else:
            path, anchor = note["central"]
            assert (path, anchor) in anchor_lines, f"central mention of {objection} not labelled"
            item["path"] = path
            item["line"] = anchor_lines[(path, anchor)]
            item["alt_paths"] = sorted({m["path"] for m in ms} - {path})
        item["mentions"] = ms
        item["note"] = note["note"]
        expected.append(item)

    for objection in mentions:
        assert objection in COVERAGE, f"no coverage entry for {objection}"
    for objection, covered in COVERAGE.items():
        assert (objection in GAP_NOTES) == (not covered), objection

    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "objections": {"calls": labelled, "coverage": COVERAGE},
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
    }
    (ROOT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(v) for v in labelled.values())
    print(f"{len(CALLS)} calls, {n} labelled objection turns, {len(expected)} objection-gap labels")
    for objection in COVERAGE:
        ms = mentions.get(objection, [])
        print(f"  {objection:34s} {len(ms):2d} turns in {len({m['path'] for m in ms}):2d} calls, covered={COVERAGE[objection]}")


if __name__ == "__main__":
    main()
