"""Render the Cinderwell calls from calls_a.py / calls_b.py and write ../labels.json.

Run from anywhere: python3 _build/build.py. Lines in the labels come from where each anchor
(snippet) lands in the rendered file, so editing a call and rebuilding keeps the labels in step.
"""
import json, os, sys, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALLS_DIR = os.path.join(ROOT, "kb", "calls")
sys.path.insert(0, HERE)
import calls_a, calls_b  # noqa: E402
from calls_a import PRO, BAT, WRK, PRICE, COMPAT, REL, SCHED, SEC, VEND  # noqa: E402

INTERNAL = {"Fiona Gallagher", "Tobias Reinholt", "Wanjiru Kamau", "Marcus Bell", "Aroha Tane",
            "Dev Prakash", "Leah Moreno"}
TODAY = "2026-12-01"


def is_internal(name):
    return name in INTERNAL or name.endswith("@cinderwell.example")


def ts(sec, sep):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}".replace(".", sep)


def render(call):
    """Return (text, turns) where turns = [(speaker, [(piece, line)], labels)]."""
    fmt = call["fmt"]
    lines = []
    out_turns = []
    t = 2.4
    def timing(piece):
        nonlocal t
        start = t
        dur = max(1.2, len(piece) / 15.0)
        t = start + dur + 0.7
        return start, start + dur
    if fmt in ("vtt", "vtt-prefix"):
        lines += ["WEBVTT", ""]
        n = 0
        for spk, text, labels in call["turns"]:
            pieces = []
            for piece in text.split("|"):
                n += 1
                a, b = timing(piece)
                if fmt == "vtt" and not call.get("asr"):
                    lines.append(f"{n}")
                lines.append(f"{ts(a, '.')} --> {ts(b, '.')}")
                cue = f"<v {spk}>{piece}</v>" if fmt == "vtt" else f"{spk}: {piece}"
                lines.append(cue)
                pieces.append((piece, len(lines)))
                lines.append("")
            out_turns.append((spk, pieces, labels))
    elif fmt == "srt":
        n = 0
        for spk, text, labels in call["turns"]:
            pieces = []
            for piece in text.split("|"):
                n += 1
                a, b = timing(piece)
                lines.append(str(n))
                lines.append(f"{ts(a, ',')} --> {ts(b, ',')}")
                lines.append(f"{spk}: {piece}")
                pieces.append((piece, len(lines)))
                lines.append("")
            out_turns.append((spk, pieces, labels))
    elif fmt == "parties":
        names = []
        for spk, _, _ in call["turns"]:
            if spk not in names:
                names.append(spk)
        ids = {nm: str(7100000000000000000 + 7919 * (i + 3) * 104729) for i, nm in enumerate(names)}
        call_id = str(abs(hash(call["file"])) % 10**14) if False else "7100" + str(sum(map(ord, call["file"])) * 7717)
        lines.append("{")
        lines.append(f'  "callId": "{call_id}",')
        lines.append(f'  "title": {json.dumps(call["title"].replace(" (ASR export)", "").replace(" (ASR)", ""))},')
        lines.append(f'  "started": "{call["file"][:10]}T14:00:00Z",')
        lines.append('  "parties": [')
        for i, nm in enumerate(names):
            aff = "internal" if is_internal(nm) else "external"
            comma = "," if i < len(names) - 1 else ""
            lines.append(f'    {{"speakerId": "{ids[nm]}", "name": {json.dumps(nm)}, "affiliation": "{aff}"}}{comma}')
        lines.append("  ],")
        lines.append('  "transcript": [')
        for ti, (spk, text, labels) in enumerate(call["turns"]):
            lines.append(f'    {{"speakerId": "{ids[spk]}", "topic": null, "sentences": [')
            pieces = []
            parts = text.split("|")
            for pi, piece in enumerate(parts):
                a, b = timing(piece)
                comma = "," if pi < len(parts) - 1 else ""
                lines.append(f'      {{"start": {int(a*1000)}, "end": {int(b*1000)}, "text": {json.dumps(piece)}}}{comma}')
                pieces.append((piece, len(lines)))
            comma = "," if ti < len(call["turns"]) - 1 else ""
            lines.append(f"    ]}}{comma}")
            out_turns.append((spk, pieces, labels))
        lines.append("  ]")
        lines.append("}")
    elif fmt in ("list", "turnsobj", "meeting"):
        if fmt == "list":
            lines.append("[")
        elif fmt == "turnsobj":
            lines.append("{")
            lines.append(f'  "meeting": {{"title": {json.dumps(call["title"].replace(" (ASR)", ""))}, "date": "{call["file"][:10]}", "source": "teams-export"}},')
            lines.append('  "turns": [')
        else:
            lines.append("{")
            lines.append('  "meeting_transcripts": [')
        turns = call["turns"]
        for ti, (spk, text, labels) in enumerate(turns):
            text = text.replace("|", " ")
            a, _ = timing(text)
            if fmt == "list":
                role = "internal" if is_internal(spk) else "external"
                obj = {"speaker": spk, "role": role, "start": round(a, 1), "text": text}
            elif fmt == "turnsobj":
                obj = {"speaker": spk, "start": round(a, 2), "text": text}
            else:
                obj = {"speaker": spk, "content": text}
            comma = "," if ti < len(turns) - 1 else ""
            ind = "  " if fmt == "list" else "    "
            lines.append(ind + json.dumps(obj, ensure_ascii=False) + comma)
            out_turns.append((spk, [(text, len(lines))], labels))
        lines.append("]" if fmt == "list" else "  ]")
        if fmt != "list":
            lines.append("}")
    elif fmt in ("txt", "txt-ts"):
        for spk, text, labels in call["turns"]:
            text = text.replace("|", " ")
            a, _ = timing(text)
            stamp = f"[{ts(a, '.')[:8]}] " if fmt == "txt-ts" else ""
            lines.append(f"{stamp}{spk}: {text}")
            out_turns.append((spk, [(text, len(lines))], labels))
    elif fmt == "txt-para":
        for spk, text, labels in call["turns"]:
            text = text.replace("|", " ")
            para = f"{spk}: {text}"
            wrapped = textwrap.wrap(para, width=96, break_long_words=False, break_on_hyphens=False)
            assert " ".join(wrapped) == para, para
            first = len(lines) + 1
            pieces = []
            for w in wrapped:
                lines.append(w)
                pieces.append((w, len(lines)))
            lines.append("")
            out_turns.append((spk, [("PARA", first, para, pieces)], labels))
    else:
        raise ValueError(fmt)
    return "\n".join(lines).rstrip("\n") + "\n", out_turns


def locate(pieces, snippet):
    """Line where the snippet starts, and the turn's line span."""
    if pieces and pieces[0][0] == "PARA":
        _, first, para, wl = pieces[0]
        idx = para.find(snippet)
        assert idx >= 0, snippet
        off = 0
        for w, ln in wl:
            if idx < off + len(w) + 1:
                return ln, [wl[0][1], wl[-1][1]]
            off += len(w) + 1
        raise AssertionError(snippet)
    for piece, ln in pieces:
        if snippet in piece:
            return ln, [pieces[0][1], pieces[-1][1]]
    raise AssertionError(f"snippet not in one piece: {snippet}")


CENTRAL = {
    SEC: ("2026-09-08-rheinfels-verkehr.srt", "our IT security officer will not accept"),
    VEND: ("2026-09-22-tarmac-express.json", "why we'd pay twice for smart charging"),
    PRO: ("2026-09-15-lakeside-transit.txt", "Anything we buy with that federal money"),
    BAT: ("2026-09-08-rheinfels-verkehr.srt", "If they see charging which is not how they specify"),
    WRK: ("2026-10-01-nordhafen-citylogistik.json", "Any system that tells the drivers"),
}
NOTES = {
    SEC: "known objection (objections/cybersecurity.md); its only answer, answers/cybersecurity, is status: draft",
    VEND: "known objection (objections/charger-vendor-software.md) with no answer entry; no approved entry explains what Cinderwell adds over a charger maker's bundled software",
    PRO: "prospects can only buy through public procurement (tender, RFP, framework, council rules); no objection entry and no approved entry addresses buying routes",
    BAT: "prospects fear managed charging breaks the vehicle or battery maker's battery warranty; no objection entry and no approved entry addresses battery warranty",
    WRK: "drivers, yard staff, contractors, volunteers, unions or works councils will not take on plug-in duties or new working rules; no objection entry and no approved entry addresses it",
}
COVERAGE = {PRICE: True, COMPAT: True, REL: True, SCHED: True, SEC: False, VEND: False,
            PRO: False, BAT: False, WRK: False}


def main():
    os.makedirs(CALLS_DIR, exist_ok=True)
    calls = calls_a.CALLS + calls_b.CALLS
    obj_calls, negatives = {}, []
    for call in calls:
        text, turns = render(call)
        path = os.path.join(CALLS_DIR, call["file"])
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if call["fmt"] in ("parties", "list", "turnsobj", "meeting"):
            json.loads(text)
        flines = text.split("\n")
        rel = "calls/" + call["file"]
        items = []
        for ti, (spk, pieces, labels) in enumerate(turns):
            seen = set()
            for lab in labels:
                if lab[0] == "neg":
                    ln, span = locate(pieces, lab[1])
                    assert not is_internal(spk)
                    negatives.append({"call": rel, "line": ln, "speaker": spk, "snippet": lab[1], "note": lab[2]})
                    continue
                oid, snip = lab
                assert not is_internal(spk), (spk, snip)
                if oid in seen:
                    continue  # one label per turn and objection; the other lines are in alt_lines/turn_lines
                seen.add(oid)
                ln, span = locate(pieces, snip)
                if call["fmt"] != "txt-para":
                    assert snip in flines[ln - 1], (rel, ln, snip)
                item = {"snippet": snip, "objection": oid, "line": ln, "speaker": spk}
                if span[0] != span[1]:
                    if call["fmt"] == "parties":
                        item["turn_lines"] = span
                    else:
                        if pieces[0][0] == "PARA":
                            all_lines = [l for _, l in pieces[0][3]]
                        else:
                            all_lines = [l for _, l in pieces]
                        item["alt_lines"] = [l for l in all_lines if l != ln]
                items.append(item)
        obj_calls[rel] = items
    # gap labels
    expected = []
    for oid in [SEC, VEND, PRO, BAT, WRK]:
        mentions = [{"path": c, "line": m["line"]} for c, ms in obj_calls.items() for m in ms if m["objection"] == oid]
        cfile, anchor = CENTRAL[oid]
        cm = [m for m in obj_calls["calls/" + cfile] if m["objection"] == oid and m["snippet"].startswith(anchor)]
        assert len(cm) == 1, oid
        lab = {"rule": "objection-gap", "objection": oid, "path": "calls/" + cfile, "line": cm[0]["line"],
               "mentions": mentions}
        if not oid.startswith("new:"):
            lab["alt_paths"] = [oid + ".md"]
        lab["note"] = NOTES[oid] + "; a tool may report the gap once per theme or once per mention"
        expected.append(lab)
    raised = {m["objection"] for ms in obj_calls.values() for m in ms}
    assert raised == set(COVERAGE), raised ^ set(COVERAGE)
    labels = {
        "today": TODAY,
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
        "objections": {"calls": obj_calls, "coverage": COVERAGE, "negatives": negatives},
    }
    with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    # counts for the README
    from collections import Counter
    per = Counter(m["objection"] for ms in obj_calls.values() for m in ms)
    callsper = {o: sorted({c for c, ms in obj_calls.items() for m in ms if m["objection"] == o}) for o in per}
    for o in sorted(per):
        print(f"{o}: {per[o]} turns on {len(callsper[o])} calls")
    print("total objection turns:", sum(per.values()), "negatives:", len(negatives), "calls:", len(calls))
    print("formats:", Counter(c["fmt"] for c in calls), "asr:", sum(1 for c in calls if c.get("asr")))


if __name__ == "__main__":
    main()
