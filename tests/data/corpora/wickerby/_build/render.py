"""Renders the Wickerby calls from calls.py and writes labels.json.

Each labelled mention names an exact snippet of one external turn; the line is computed from the
rendered file, so labels and files cannot drift apart. Run from anywhere:
    python3 tests/data/corpora/wickerby/_build/render.py
"""
import json
import re
from pathlib import Path

from calls import CALLS, INTERNAL

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "kb"


def ts(sec, sep):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    whole = int(s)
    ms = int(round((s - whole) * 1000))
    if ms == 1000:
        whole, ms = whole + 1, 0
    return f"{int(h):02d}:{int(m):02d}:{whole:02d}{sep}{ms:03d}"


def segments(text, split_sentences):
    if "|" in text:
        return [p.strip() for p in text.split("|") if p.strip()]
    if split_sentences:
        return [p for p in re.split(r"(?<=[.?!])\s+", text.strip()) if p]
    return [text.strip()]


def joined(text):
    return " ".join(p.strip() for p in text.split("|") if p.strip())


def render(call):
    fmt = call["format"]
    lines = []
    turn_lines = []  # per turn: list of (line_no, segment_text)
    t = call.get("t0", 2.4)
    for ti, turn in enumerate(call["turns"]):
        spk, text = turn[0], turn[1]
        rec = []
        if fmt in ("vtt_voice", "vtt_prefix", "srt"):
            for seg in segments(text, False):
                dur = 0.36 * len(seg.split()) + 0.6
                start, end = t, t + dur
                t = end + 0.35
                if fmt == "srt":
                    lines.append(str(len([x for x in lines if x == ""]) + 1))
                    lines.append(f"{ts(start, ',')} --> {ts(end, ',')}")
                    lines.append(f"{spk}: {seg}")
                else:
                    lines.append(f"{call['cue_prefix']}/{len(rec) + ti * 7}-0" if fmt == "vtt_voice" else str(sum(1 for x in lines if '-->' in x) + 1))
                    lines.append(f"{ts(start, '.')} --> {ts(end, '.')}")
                    lines.append(f"<v {spk}>{seg}</v>" if fmt == "vtt_voice" else f"{spk}: {seg}")
                rec.append((len(lines), seg))
                lines.append("")
        elif fmt == "txt_ts":
            t += 0.4 * len(joined(text).split()) + 1.2
            s = int(t)
            lines.append(f"[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}] {spk}: {joined(text)}")
            rec.append((len(lines), joined(text)))
        elif fmt == "txt_plain":
            lines.append(f"{spk}: {joined(text)}")
            rec.append((len(lines), joined(text)))
            lines.append("")
        turn_lines.append(rec)
    if fmt == "vtt_voice" or fmt == "vtt_prefix":
        lines = ["WEBVTT", ""] + lines
        turn_lines = [[(n + 2, s) for n, s in r] for r in turn_lines]
    if fmt.startswith("json"):
        lines, turn_lines = render_json(call)
    return "\n".join(lines).rstrip("\n") + "\n", turn_lines


def render_json(call):
    fmt = call["format"]
    out, recs = [], []
    t = 2.8
    if fmt == "json_parties":
        ids = {}
        out += ["{", f'  "callId": "{call["call_id"]}",', f'  "title": {json.dumps(call["title"])},',
                f'  "started": "{call["file"][:10]}T{call.get("hour", "14")}:00:00Z",', '  "parties": [']
        names = list(dict.fromkeys(tn[0] for tn in call["turns"]))
        for i, n in enumerate(names):
            ids[n] = f"71{call['call_id'][-7:]}{(i + 3) * 1931:08d}"
            aff = "internal" if n in INTERNAL else "external"
            comma = "," if i < len(names) - 1 else ""
            out.append(f'    {{"speakerId": "{ids[n]}", "name": {json.dumps(n)}, "affiliation": "{aff}"}}{comma}')
        out += ["  ],", '  "transcript": [']
        for ti, turn in enumerate(call["turns"]):
            spk, text = turn[0], turn[1]
            out.append(f'    {{"speakerId": "{ids[spk]}", "topic": null, "sentences": [')
            segs = segments(text, True)
            rec = []
            for si, seg in enumerate(segs):
                dur = int((0.36 * len(seg.split()) + 0.5) * 1000)
                start = int(round(t * 1000))
                t = (start + dur) / 1000 + (0.3 if si == len(segs) - 1 else 0)
                comma = "," if si < len(segs) - 1 else ""
                out.append(f'      {{"start": {start}, "end": {start + dur}, "text": {json.dumps(seg, ensure_ascii=False)}}}{comma}')
                rec.append((len(out), seg))
            comma = "," if ti < len(call["turns"]) - 1 else ""
            out.append(f"    ]}}{comma}")
            recs.append(rec)
        out += ["  ]", "}"]
    else:
        if fmt == "json_list":
            out.append("[")
            ind = "  "
        elif fmt == "json_turns":
            out += ["{", f'  "meeting": {json.dumps(call["meeting"])},', '  "turns": [']
            ind = "    "
        elif fmt == "json_meeting":
            out += ["{", '  "meeting_transcripts": [']
            ind = "    "
        for ti, turn in enumerate(call["turns"]):
            spk, text = turn[0], joined(turn[1])
            t += 0.4 * len(text.split()) + 0.9
            comma = "," if ti < len(call["turns"]) - 1 else ""
            if fmt == "json_meeting":
                obj = {"speaker": spk, "content": text}
            elif fmt == "json_list":
                role = "internal" if spk in INTERNAL else "external"
                obj = {"speaker": spk, "role": role, "start": round(t, 1), "text": text}
            else:
                obj = {"speaker": spk, "start": round(t, 2), "text": text}
            out.append(ind + json.dumps(obj, ensure_ascii=False) + comma)
            recs.append([(len(out), text)])
        if fmt == "json_list":
            out.append("]")
        else:
            out += ["  ]", "}"]
    return out, recs


def main():
    calls_labels, negatives, gap_mentions = {}, [], {}
    for call in CALLS:
        text, recs = render(call)
        path = KB / "calls" / call["file"]
        path.write_text(text, encoding="utf-8")
        if call["format"].startswith("json"):
            json.loads(text)
        rel = f"calls/{call['file']}"
        mentions = []
        for ti, turn in enumerate(call["turns"]):
            by_theme = {}
            for lab in turn[2:]:
                snip = lab.get("s") or lab.get("neg")
                hits = [(n, s) for n, s in recs[ti] if snip in s]
                assert len(hits) == 1, (call["file"], snip, recs[ti])
                line = hits[0][0]
                if "neg" in lab:
                    assert turn[0] not in INTERNAL or lab.get("internal_ok")
                    negatives.append({"call": rel, "line": line, "speaker": turn[0], "snippet": snip,
                                      "note": lab["note"]})
                    continue
                assert turn[0] not in INTERNAL, (call["file"], snip)
                if lab["o"] in by_theme:
                    # One mention per turn and theme: further sentences of the same turn that carry
                    # the same objection are alternative lines of that mention.
                    first = by_theme[lab["o"]]
                    first.setdefault("also", []).append(snip)
                    if line != first["line"]:
                        first.setdefault("alt_lines", []).append(line)
                    if first.get("optional") and not lab.get("opt"):
                        del first["optional"]
                        gap_mentions.setdefault(lab["o"], []).append({"path": rel, "line": first["line"]})
                    continue
                m = {"snippet": snip, "objection": lab["o"], "line": line, "speaker": turn[0]}
                by_theme[lab["o"]] = m
                if len(recs[ti]) > 1:
                    m["turn_lines"] = [recs[ti][0][0], recs[ti][-1][0]]
                if lab.get("opt"):
                    m["optional"] = True
                if lab.get("note"):
                    m["note"] = lab["note"]
                mentions.append(m)
                if not lab.get("opt"):
                    gap_mentions.setdefault(lab["o"], []).append({"path": rel, "line": line})
        calls_labels[rel] = mentions
    return calls_labels, negatives, gap_mentions


if __name__ == "__main__":
    from labels_spec import write
    write(*main(), root=ROOT)
