"""Write Docketry's sales calls (kb/calls/) and labels.json from one source.

Each call below is a list of turns written as `Speaker: text`. Within a turn, ` | ` separates
sentences (JSON exports with sentences) or cues (WebVTT, SRT); formats with one line per turn join
them with a space. An objection mention is marked inline as [[key:the words that carry it]]; the
marker is removed from the file and its words become the label's snippet, so every line number in
labels.json is computed here, never counted by hand.

    python build.py          # rewrite kb/calls/* and labels.json
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from pathlib import Path

from calls_source import CALLS, THEMES

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
CALLS_DIR = KB / "calls"
TODAY = "2026-11-20"

MARK = re.compile(r"\[\[([a-z]+):(.*?)\]\]")

COVERED = {
    "objections/pricing": True,
    "objections/migration": True,
    "objections/fee-earner-adoption": True,
    "objections/trust-accounting": True,
    "objections/confidentiality": True,
    "objections/dms-integration": False,  # only answers/dms-integration, which is a draft
    "new:no-signal-time-capture": True,  # answers/offline-time-capture, approved, names no objection
    "new:client-ebilling-portals": False,
    "new:support-hours": False,
}


def parse_turns(script: str):
    """Yield (speaker, segments, marks) per turn; marks are (objection id, snippet)."""
    for raw in script.strip("\n").split("\n"):
        raw = raw.strip()
        if not raw:
            continue
        speaker, _, text = raw.partition(": ")
        assert text, raw
        marks = [(THEMES[k], s.replace(" | ", " ")) for k, s in MARK.findall(text)]
        clean = MARK.sub(lambda m: m.group(2), text)
        segments = [s.strip() for s in clean.split(" | ")]
        yield speaker, segments, marks


def ts(seconds: float, sep: str = ".") -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


class Clock:
    def __init__(self, start: float = 2.4):
        self.t = start

    def span(self, text: str) -> tuple[float, float]:
        start = self.t
        dur = max(0.8, len(text.split()) * 0.36)
        self.t = start + dur + 0.35 + (len(text) % 7) / 10
        return start, start + dur


def write_call(call: dict) -> list[dict]:
    """Write one call file; return its labelled mentions."""
    fmt = call["format"]
    roles = call.get("roles", {})
    ids = call.get("ids", {})
    lines: list[str] = []
    # per turn: (speaker, segments, marks, [line of each segment])
    placed: list[tuple[str, list[str], list, list[int]]] = []
    clock = Clock()
    turns = list(parse_turns(call["script"]))

    def add(text: str) -> int:
        lines.append(text)
        return len(lines)

    if fmt in ("vtt-voice", "vtt-prefix", "srt"):
        if fmt.startswith("vtt"):
            add("WEBVTT")
            add("")
        n = 0
        guid = call.get("guid", "0d3f5a71-6c2e-4b8e-9a41-2f7c1e5d8b90")
        for speaker, segs, marks in turns:
            seg_lines = []
            for seg in segs:
                n += 1
                a, b = clock.span(seg)
                if fmt == "vtt-voice":
                    add(f"{guid}/{n * 7 + 4}-0")
                    add(f"{ts(a)} --> {ts(b)}")
                    seg_lines.append(add(f"<v {speaker}>{seg}</v>"))
                elif fmt == "vtt-prefix":
                    add(str(n))
                    add(f"{ts(a)} --> {ts(b)}")
                    seg_lines.append(add(f"{speaker}: {seg}"))
                else:
                    add(str(n))
                    add(f"{ts(a, ',')} --> {ts(b, ',')}")
                    seg_lines.append(add(f"{speaker}: {seg}"))
                add("")
            placed.append((speaker, segs, marks, seg_lines))
        while lines and lines[-1] == "":
            lines.pop()
    elif fmt == "json-parties":
        names = []
        for speaker, _, _ in turns:
            if speaker not in names:
                names.append(speaker)
        pid = {name: str(call["party_base"] + 7919 * i) for i, name in enumerate(names)}
        add("{")
        add(f'  "callId": "{call["party_base"]}",')
        add(f'  "title": {json.dumps(call["title"])},')
        add(f'  "started": "{call["started"]}",')
        add('  "parties": [')
        for i, name in enumerate(names):
            comma = "," if i < len(names) - 1 else ""
            aff = roles[name]
            add(f'    {{"speakerId": "{pid[name]}", "name": {json.dumps(name)}, "affiliation": "{aff}"}}{comma}')
        add("  ],")
        add('  "transcript": [')
        for ti, (speaker, segs, marks) in enumerate(turns):
            add(f'    {{"speakerId": "{pid[speaker]}", "topic": null, "sentences": [')
            seg_lines = []
            for si, seg in enumerate(segs):
                a, b = clock.span(seg)
                comma = "," if si < len(segs) - 1 else ""
                seg_lines.append(
                    add(f'      {{"start": {int(a * 1000)}, "end": {int(b * 1000)}, "text": {json.dumps(seg, ensure_ascii=False)}}}{comma}')
                )
            add("    ]}" + ("," if ti < len(turns) - 1 else ""))
            placed.append((speaker, segs, marks, seg_lines))
        add("  ]")
        add("}")
    elif fmt in ("json-list", "json-turns", "json-meeting"):
        if fmt == "json-list":
            add("[")
            indent = "  "
        elif fmt == "json-turns":
            add("{")
            add(f'  "call": {json.dumps(call["title"])},')
            add('  "turns": [')
            indent = "    "
        else:
            add("{")
            add('  "meeting_transcripts": [')
            indent = "    "
        for ti, (speaker, segs, marks) in enumerate(turns):
            text = " ".join(segs)
            a, _ = clock.span(text)
            comma = "," if ti < len(turns) - 1 else ""
            sp = ids.get(speaker, speaker)
            if fmt == "json-list":
                obj = f'{{"speaker": {json.dumps(sp)}, "role": "{roles[speaker]}", "start": {a:.1f}, "text": {json.dumps(text, ensure_ascii=False)}}}'
            elif fmt == "json-turns":
                obj = f'{{"speaker": {json.dumps(sp)}, "start": {a:.1f}, "text": {json.dumps(text, ensure_ascii=False)}}}'
            else:
                obj = f'{{"speaker": {json.dumps(sp)}, "content": {json.dumps(text, ensure_ascii=False)}}}'
            ln = add(indent + obj + comma)
            placed.append((sp, [text], marks, [ln]))
        if fmt == "json-list":
            add("]")
        else:
            add("  ]")
            add("}")
    elif fmt in ("txt-stamped", "txt-plain"):
        blank = call.get("blank_between", False)
        for ti, (speaker, segs, marks) in enumerate(turns):
            text = " ".join(segs)
            a, _ = clock.span(text)
            stamp = f"[{ts(a)[:8]}] " if fmt == "txt-stamped" else ""
            ln = add(f"{stamp}{speaker}: {text}")
            if blank and ti < len(turns) - 1:
                add("")
            placed.append((speaker, [text], marks, [ln]))
    else:
        raise ValueError(fmt)

    path = CALLS_DIR / call["file"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    mentions = []
    for speaker, segs, marks, seg_lines in placed:
        joined = " ".join(segs)
        for objection, snippet in marks:
            assert joined.count(snippet) == 1, (call["file"], snippet)
            at = joined.index(snippet)
            # which segment does the snippet start in? (segments are joined by one space)
            ends = list(accumulate(len(seg) + 1 for seg in segs))
            idx = next((i for i, end in enumerate(ends) if at < end), len(segs) - 1)
            line = seg_lines[idx]
            assert snippet.split()[0] in lines[line - 1], (call["file"], snippet)
            m = {"snippet": snippet, "objection": objection, "line": line, "speaker": speaker}
            if len(seg_lines) > 1:
                m["turn_lines"] = [seg_lines[0], seg_lines[-1]]
            mentions.append(m)
    return mentions


def main() -> None:
    CALLS_DIR.mkdir(parents=True, exist_ok=True)
    for old in CALLS_DIR.iterdir():
        old.unlink()
    calls: dict[str, list[dict]] = {}
    for call in CALLS:
        calls[f"calls/{call['file']}"] = write_call(call)

    seen = {m["objection"] for ms in calls.values() for m in ms}
    assert seen == set(COVERED), seen ^ set(COVERED)

    expected = []
    for objection, covered in COVERED.items():
        if covered:
            continue
        mentions = [(c, m) for c, ms in calls.items() for m in ms if m["objection"] == objection]
        central = next(cm for cm in mentions if cm[1].get("central")) if any(
            cm[1].get("central") for cm in mentions) else mentions[0]
        item = {
            "rule": "objection-gap",
            "objection": objection,
            "path": central[0],
            "line": central[1]["line"],
            "mentions": [{"path": c, "line": m["line"]} for c, m in mentions],
        }
        if objection.startswith("objections/"):
            item["alt_paths"] = [objection + ".md"]
            item["note"] = (f"known objection ({objection}.md); its only answer, answers/dms-integration, "
                            "is status: draft; a tool may report the gap once per theme or once per mention")
        else:
            item["note"] = THEME_NOTES[objection]
        expected.append(item)

    labels = {
        "today": TODAY,
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
        "objections": {"calls": calls, "coverage": COVERED},
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    # the mentions table for the README
    print("| objection | mentions | calls | covered |")
    print("|---|---|---|---|")
    for objection, covered in COVERED.items():
        ms = [(c, m) for c, lst in calls.items() for m in lst if m["objection"] == objection]
        print(f"| `{objection}` | {len(ms)} | {len({c for c, _ in ms})} | {'yes' if covered else 'no'} |")
    print(sum(len(v) for v in calls.values()), "mentions in", len(calls), "calls")


THEME_NOTES = {
    "new:client-ebilling-portals": (
        "firms must submit invoices (LEDES files) through their corporate clients' own e-billing portals; "
        "no objection entry names it and no approved entry says whether Docketry submits to those portals "
        "(messaging/billing-guidelines checks entries against guidelines, which is not submission); "
        "a tool may report the gap once per theme or once per mention"),
    "new:support-hours": (
        "firms far from Docketry's support desks fear nobody answers in their working hours; no objection entry "
        "names it and no approved entry says when or where support works (proof-points/support-response gives "
        "response times and satisfaction, not hours or regions); a tool may report the gap once per theme or "
        "once per mention"),
}


if __name__ == "__main__":
    main()
