"""Render the hand-written call scripts in calls_src.py into the call files under kb/calls/.
Stdlib only. The scripts (who says what) are written by hand; this only lays out the formats."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from calls_src import CALLS

OUT = os.path.join(os.path.dirname(__file__), "..", "kb", "calls")

def ts(sec, sep):
    h, r = divmod(sec, 3600); m, s = divmod(r, 60)
    return "%02d:%02d:%02d%s%03d" % (h, m, int(s), sep, int(round((s - int(s)) * 1000)))

def parts(text):
    return text if isinstance(text, list) else [text]

def render(c):
    t = 3.2; fmt = c["fmt"]; out = []
    if fmt == "vtt":
        out.append("WEBVTT\n\n"); n = 0
        for spk, text in c["turns"]:
            for p in parts(text):
                n += 1; d = 1.5 + len(p) / 16.0
                out.append("%d\n%s --> %s\n<v %s>%s</v>\n\n" % (n, ts(t, "."), ts(t + d, "."), spk, p)); t += d + 0.4
    elif fmt == "srt":
        n = 0
        for spk, text in c["turns"]:
            for p in parts(text):
                n += 1; d = 1.5 + len(p) / 16.0
                out.append("%d\n%s --> %s\n%s: %s\n\n" % (n, ts(t, ","), ts(t + d, ","), spk, p)); t += d + 0.4
    elif fmt == "txt":
        for spk, text in c["turns"]:
            out.append("[%s] %s: %s\n\n" % (ts(t, ".")[:8], spk, " ".join(parts(text)))); t += 2 + len(" ".join(parts(text))) / 15.0
    elif fmt == "parties":
        ids = {name: str(7000100000000000000 + 7919 * (i + 1) * 104729) for i, name in enumerate(c["people"])}
        lines = ['{', '  "callId": "%s",' % c["id"], '  "title": %s,' % json.dumps(c["title"]),
                 '  "started": "%sT%s:00Z",' % (c["file"][:10], c.get("hour", "15:00")), '  "parties": [']
        pl = ['    {"speakerId": "%s", "name": %s, "affiliation": "%s"}' % (ids[n], json.dumps(n, ensure_ascii=False), a)
              for n, a in c["people"].items()]
        lines.append(",\n".join(pl)); lines += ['  ],', '  "transcript": [']
        blocks = []
        for spk, text in c["turns"]:
            ss = []
            for p in parts(text):
                d = 1.2 + len(p) / 16.0
                ss.append('      {"start": %d, "end": %d, "text": %s}' % (t * 1000, (t + d) * 1000, json.dumps(p, ensure_ascii=False))); t += d
            blocks.append('    {"speakerId": "%s", "topic": null, "sentences": [\n%s\n    ]}' % (ids[spk], ",\n".join(ss)))
            t += 0.5
        lines.append(",\n".join(blocks)); lines += ['  ]', '}']
        out.append("\n".join(lines) + "\n")
    elif fmt == "turns":
        rows = []
        for spk, text in c["turns"]:
            txt = " ".join(parts(text))
            rows.append('    {"speaker": "%s", "start": %.2f, "text": %s}' % (c["people"][spk], t, json.dumps(txt, ensure_ascii=False)))
            t += 1.5 + len(txt) / 15.0
        out.append('{\n  "meeting": {"title": %s, "date": "%s", "source": "%s"},\n  "turns": [\n%s\n  ]\n}\n'
                   % (json.dumps(c["title"]), c["file"][:10], c.get("source", "zoom-export"), ",\n".join(rows)))
    elif fmt == "meeting":
        rows = ['    {"speaker": %s, "content": %s}' % (json.dumps(spk, ensure_ascii=False), json.dumps(" ".join(parts(text)), ensure_ascii=False))
                for spk, text in c["turns"]]
        out.append('{"meeting_transcripts": [\n%s\n]}\n' % ",\n".join(rows))
    return "".join(out)

os.makedirs(OUT, exist_ok=True)
for c in CALLS:
    with open(os.path.join(OUT, c["file"]), "w", encoding="utf-8") as f:
        f.write(render(c))
print(len(CALLS), "calls written")
