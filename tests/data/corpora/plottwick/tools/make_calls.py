"""Render the hand-written Plottwick sales calls (calls_text.py) into the call formats SPEC.md
accepts. Standard library only. Run from anywhere: python3 make_calls.py

Each call is written as turns `CODE: text`; ` || ` marks where a long turn is split over several
cues, sentences or stamped lines. The text is the corpus; this script only lays it out.
"""
import hashlib
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "kb", "calls")

from calls_text import CALLS  # noqa: E402


def parse(body):
    turns = []
    for raw in body.strip().splitlines():
        raw = raw.strip()
        if not raw:
            continue
        code, text = raw.split(":", 1)
        chunks = [c.strip() for c in text.split("||")]
        turns.append((code.strip(), chunks))
    return turns


def clock(seed):
    rnd = random.Random(seed)
    t = rnd.uniform(1.5, 4.0)
    def nxt(text):
        nonlocal t
        start = t
        dur = max(1.2, len(text.split()) / 2.6 + rnd.uniform(-0.4, 0.8))
        t = start + dur + rnd.uniform(0.2, 1.4)
        return start, start + dur
    return nxt


def ts(sec, sep="."):
    h = int(sec // 3600)
    m = int(sec % 3600 // 60)
    s = sec % 60
    return f"{h:02d}:{m:02d}:{int(s):02d}{sep}{int(round((s - int(s)) * 1000)) % 1000:03d}"


def sentences(chunk):
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\"'])", chunk) if s]


def render(call):
    turns = parse(call["body"])
    who = call["speakers"]
    fmt = call["format"]
    nxt = clock(call["file"])
    out = []
    if fmt in ("vtt", "vtt-plain"):
        out.append("WEBVTT\n")
        uid = hashlib.md5(call["file"].encode()).hexdigest()
        uid = f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:32]}"
        n = 4
        for code, chunks in turns:
            name = who[code][0]
            for c in chunks:
                a, b = nxt(c)
                if fmt == "vtt":
                    out.append(f"{uid}/{n}-0\n{ts(a)} --> {ts(b)}\n<v {name}>{c}</v>\n")
                else:
                    out.append(f"{ts(a)} --> {ts(b)}\n{name}: {c}\n")
                n += 7
        return "\n".join(out)
    if fmt == "srt":
        i = 1
        for code, chunks in turns:
            name = who[code][0]
            for c in chunks:
                a, b = nxt(c)
                out.append(f"{i}\n{ts(a, ',')} --> {ts(b, ',')}\n{name}: {c}\n")
                i += 1
        return "\n".join(out)
    if fmt == "txt":
        for code, chunks in turns:
            name = who[code][0]
            for c in chunks:
                a, _ = nxt(c)
                out.append(f"[{ts(a)[:8]}] {name}: {c}")
        return "\n".join(out) + "\n"
    if fmt == "txt-para":
        for code, chunks in turns:
            name = who[code][0]
            out.append(f"{name}: " + " ".join(chunks))
        return "\n\n".join(out) + "\n"
    if fmt == "json-parties":
        ids = {}
        for code, (name, _aff) in who.items():
            ids[code] = "7000" + str(int(hashlib.md5(name.encode()).hexdigest(), 16))[:15]
        lines = ["{", f'  "callId": "{ids[next(iter(who))][:14]}",',
                 f'  "title": {json.dumps(call["title"])},',
                 f'  "started": "{call["file"][:10]}T{call.get("hour", "15")}:00:00Z",',
                 '  "parties": [']
        ps = [f'    {{"speakerId": "{ids[c]}", "name": {json.dumps(n, ensure_ascii=False)}, "affiliation": "{a}"}}'
              for c, (n, a) in who.items()]
        lines.append(",\n".join(ps))
        lines.append("  ],")
        lines.append('  "transcript": [')
        blocks = []
        for code, chunks in turns:
            sents = [s for c in chunks for s in sentences(c)]
            ss = []
            for s in sents:
                a, b = nxt(s)
                ss.append(f'      {{"start": {int(a*1000)}, "end": {int(b*1000)}, "text": {json.dumps(s, ensure_ascii=False)}}}')
            blocks.append(f'    {{"speakerId": "{ids[code]}", "topic": null, "sentences": [\n' + ",\n".join(ss) + "\n    ]}")
        lines.append(",\n".join(blocks))
        lines.append("  ]")
        lines.append("}")
        return "\n".join(lines) + "\n"
    if fmt in ("json-list", "json-turns"):
        rows = []
        for code, chunks in turns:
            name, aff = who[code]
            text = " ".join(chunks)
            a, _ = nxt(text)
            if fmt == "json-list":
                rows.append("  " + json.dumps({"speaker": name, "role": aff, "start": round(a, 1), "text": text}, ensure_ascii=False))
            else:
                rows.append("    " + json.dumps({"speaker": name, "start": round(a, 1), "text": text}, ensure_ascii=False))
        if fmt == "json-list":
            return "[\n" + ",\n".join(rows) + "\n]\n"
        return "{\n  \"turns\": [\n" + ",\n".join(rows) + "\n  ]\n}\n"
    if fmt == "meeting":
        rows = []
        for code, chunks in turns:
            rows.append("    " + json.dumps({"speaker": who[code][0], "content": " ".join(chunks)}, ensure_ascii=False))
        return "{\n  \"meeting_transcripts\": [\n" + ",\n".join(rows) + "\n  ]\n}\n"
    raise ValueError(fmt)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for call in CALLS:
        with open(os.path.join(OUT, call["file"]), "w", encoding="utf-8") as f:
            f.write(render(call))
        print("wrote", call["file"])
