"""Render the hand-written call scripts in calls_src.py into the call files under kb/calls/.
Stdlib only. The scripts (who says what) are written by hand; this only lays out the formats."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from calls_src import CALLS  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "kb", "calls")

def ts(sec, sep):
    h, r = divmod(sec, 3600)
    m, s = divmod(r, 60)
    return f"{int(h):02d}:{int(m):02d}:{int(s):02d}{sep}{int(round((s - int(s)) * 1000)):03d}"

def parts(text):
    return text if isinstance(text, list) else [text]

def render(c):
    t = 3.2
    fmt = c["fmt"]
    out = []
    if fmt == "vtt":
        out.append("WEBVTT\n\n")
        n = 0
        for spk, text in c["turns"]:
            for p in parts(text):
                n += 1
                d = 1.5 + len(p) / 16.0
                out.append(f"{n}\n{ts(t, '.')} --> {ts(t + d, '.')}\n<v {spk}>{p}</v>\n\n")
                t += d + 0.4
    elif fmt == "srt":
        n = 0
        for spk, text in c["turns"]:
            for p in parts(text):
                n += 1
                d = 1.5 + len(p) / 16.0
                out.append(f"{n}\n{ts(t, ',')} --> {ts(t + d, ',')}\n{spk}: {p}\n\n")
                t += d + 0.4
    elif fmt == "txt":
        for spk, text in c["turns"]:
            out.append(f"[{ts(t, '.')[:8]}] {spk}: {' '.join(parts(text))}\n\n")
            t += 2 + len(" ".join(parts(text))) / 15.0
    elif fmt == "parties":
        ids = {name: str(7000100000000000000 + 7919 * (i + 1) * 104729) for i, name in enumerate(c["people"])}
        lines = ['{', f'  "callId": "{c["id"]}",', f'  "title": {json.dumps(c["title"])},',
                 f'  "started": "{c["file"][:10]}T{c.get("hour", "15:00")}:00Z",', '  "parties": [']
        pl = [f'    {{"speakerId": "{ids[n]}", "name": {json.dumps(n, ensure_ascii=False)}, "affiliation": "{a}"}}'
              for n, a in c["people"].items()]
        lines.append(",\n".join(pl))
        lines += ['  ],', '  "transcript": [']
        blocks = []
        for spk, text in c["turns"]:
            ss = []
            for p in parts(text):
                d = 1.2 + len(p) / 16.0
                ss.append(f'      {{"start": {int(t * 1000)}, "end": {int((t + d) * 1000)}, '
                          f'"text": {json.dumps(p, ensure_ascii=False)}}}')
                t += d
            sentences = ",\n".join(ss)
            blocks.append(f'    {{"speakerId": "{ids[spk]}", "topic": null, "sentences": [\n{sentences}\n    ]}}')
            t += 0.5
        lines.append(",\n".join(blocks))
        lines += ['  ]', '}']
        out.append("\n".join(lines) + "\n")
    elif fmt == "turns":
        rows = []
        for spk, text in c["turns"]:
            txt = " ".join(parts(text))
            rows.append(f'    {{"speaker": "{c["people"][spk]}", "start": {t:.2f}, '
                        f'"text": {json.dumps(txt, ensure_ascii=False)}}}')
            t += 1.5 + len(txt) / 15.0
        joined = ",\n".join(rows)
        out.append(f'{{\n  "meeting": {{"title": {json.dumps(c["title"])}, "date": "{c["file"][:10]}", '
                   f'"source": "{c.get("source", "zoom-export")}"}},\n  "turns": [\n{joined}\n  ]\n}}\n')
    elif fmt == "meeting":
        rows = [f'    {{"speaker": {json.dumps(spk, ensure_ascii=False)}, '
                f'"content": {json.dumps(" ".join(parts(text)), ensure_ascii=False)}}}'
                for spk, text in c["turns"]]
        joined = ",\n".join(rows)
        out.append(f'{{"meeting_transcripts": [\n{joined}\n]}}\n')
    return "".join(out)

os.makedirs(OUT, exist_ok=True)
for c in CALLS:
    with open(os.path.join(OUT, c["file"]), "w", encoding="utf-8") as f:
        f.write(render(c))
print(len(CALLS), "calls written")
