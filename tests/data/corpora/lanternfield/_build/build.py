"""Render the Lanternfield calls from calls_a.py / calls_b.py and write labels.json.

Run from anywhere: python3 _build/build.py
Every label comes from an anchor string inside its turn, so line numbers follow the text.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from calls_a import CALLS_A  # noqa: E402
from calls_b import CALLS_B  # noqa: E402

CALLS = CALLS_A + CALLS_B
KB = os.path.join(ROOT, "kb")
INTERNAL = {"Aoife Brennan", "Ciarán Walsh", "Callum Reid", "Jess Nguyen", "Mariel Santos",
            "Paolo Reyes", "Thandiwe Nkosi", "Ruan van Wyk", "Gabriel Tremblay", "Megan Lysenko"}


def is_internal(spk):
    return spk in INTERNAL or spk.endswith("@lanternfield.example")


def words(t):
    return len((" ".join(t) if isinstance(t, list) else t).split())


def ts_vtt(s):
    h, m, sec = int(s // 3600), int(s % 3600 // 60), s % 60
    return f"{h:02d}:{m:02d}:{sec:06.3f}"


def ts_srt(s):
    return ts_vtt(s).replace(".", ",")


def ts_txt(s):
    s = int(s)
    return f"[{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}]"


def render(call):
    """Return (text, rows); rows[i] = list of (line, sentence) for turn i."""
    fmt, turns = call["fmt"], call["turns"]
    seed = int(hashlib.md5(call["file"].encode()).hexdigest()[:8], 16)
    t = 2.0 + (seed % 300) / 100
    times = []
    for tr in turns:
        d = 0.8 + words(tr[1]) * 0.36
        times.append((t, t + d))
        t += d + 0.3 + (seed >> (len(times) % 20) & 7) / 10
    lines, rows = [], []

    def add(s):
        lines.append(s)
        return len(lines)

    if fmt in ("vtt", "vtt_prefix"):
        add("WEBVTT")
        add("")
        uid = hashlib.md5(call["file"].encode()).hexdigest()
        for i, (tr, (a, b)) in enumerate(zip(turns, times)):
            add(f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}/{i * 7 + 4}-0")
            add(f"{ts_vtt(a)} --> {ts_vtt(b)}")
            if fmt == "vtt":
                ln = add(f"<v {tr[0]}>{tr[1]}</v>")
            else:
                ln = add(f"{tr[0]}: {tr[1]}")
            rows.append([(ln, tr[1])])
            add("")
    elif fmt == "srt":
        for i, (tr, (a, b)) in enumerate(zip(turns, times)):
            add(str(i + 1))
            add(f"{ts_srt(a)} --> {ts_srt(b)}")
            rows.append([(add(f"{tr[0]}: {tr[1]}"), tr[1])])
            add("")
    elif fmt == "parties":
        names = []
        for tr in turns:
            if tr[0] not in names:
                names.append(tr[0])
        ids = {n: str(7000000000000000000 + (seed * (k + 3) * 7919) % 999999999999999) for k, n in enumerate(names)}
        add("{")
        add(f'  "callId": "{seed}",')
        add(f'  "title": {json.dumps(call["title"], ensure_ascii=False)},')
        add(f'  "started": "{call["file"][:10]}T{8 + seed % 8:02d}:00:00Z",')
        add('  "parties": [')
        for k, n in enumerate(names):
            aff = "internal" if is_internal(n) else "external"
            comma = "," if k < len(names) - 1 else ""
            add(f'    {{"speakerId": "{ids[n]}", "name": {json.dumps(n, ensure_ascii=False)}, "affiliation": "{aff}"}}{comma}')
        add("  ],")
        add('  "transcript": [')
        for i, (tr, (a, b)) in enumerate(zip(turns, times)):
            add(f'    {{"speakerId": "{ids[tr[0]]}", "topic": null, "sentences": [')
            sents = tr[1]
            step = (b - a) / len(sents)
            r = []
            for j, s in enumerate(sents):
                comma = "," if j < len(sents) - 1 else ""
                st, en = int((a + j * step) * 1000), int((a + (j + 1) * step) * 1000)
                r.append((add(f'      {{"start": {st}, "end": {en}, "text": {json.dumps(s, ensure_ascii=False)}}}{comma}'), s))
            rows.append(r)
            add("    ]}" + ("," if i < len(turns) - 1 else ""))
        add("  ]")
        add("}")
    elif fmt == "list":
        add("[")
        for i, (tr, (a, b)) in enumerate(zip(turns, times)):
            role = "internal" if is_internal(tr[0]) else "external"
            comma = "," if i < len(turns) - 1 else ""
            obj = {"speaker": tr[0], "role": role, "start": round(a, 1), "text": tr[1]}
            rows.append([(add("  " + json.dumps(obj, ensure_ascii=False) + comma), tr[1])])
        add("]")
    elif fmt == "turns":
        add("{")
        add(f'  "meeting": {{"title": {json.dumps(call["title"])}, "date": "{call["file"][:10]}", "source": "teams-export"}},')
        add('  "turns": [')
        for i, (tr, (a, b)) in enumerate(zip(turns, times)):
            comma = "," if i < len(turns) - 1 else ""
            obj = {"speaker": tr[0], "start": round(a, 2), "text": tr[1]}
            rows.append([(add("    " + json.dumps(obj, ensure_ascii=False) + comma), tr[1])])
        add("  ]")
        add("}")
    elif fmt == "meeting":
        add("{")
        add('  "meeting_transcripts": [')
        for i, tr in enumerate(turns):
            comma = "," if i < len(turns) - 1 else ""
            obj = {"speaker": tr[0], "content": tr[1]}
            rows.append([(add("    " + json.dumps(obj, ensure_ascii=False) + comma), tr[1])])
        add("  ]")
        add("}")
    elif fmt == "txt_ts":
        for tr, (a, b) in zip(turns, times):
            rows.append([(add(f"{ts_txt(a)} {tr[0]}: {tr[1]}"), tr[1])])
    elif fmt == "txt_plain":
        for tr in turns:
            rows.append([(add(f"{tr[0]}: {tr[1]}"), tr[1])])
    elif fmt == "txt_para":
        add("Highveld Pet Hospital / Lanternfield - proposal call, 3 November 2026")
        add("")
        for tr, (a, b) in zip(turns, times):
            rows.append([(add(f"{ts_txt(a)} {tr[0]}: {tr[1]}"), tr[1])])
            add("")
    else:
        raise ValueError(fmt)
    return "\n".join(lines) + "\n", rows


def find(rows_i, anchor, where):
    hits = [(ln, s) for ln, s in rows_i if anchor in s]
    if len(hits) != 1:
        raise SystemExit(f"anchor {anchor!r} found {len(hits)} times in {where}")
    return hits[0][0]


def main():
    obj_calls, negatives, mentions = {}, [], {}
    for call in CALLS:
        text, rows = render(call)
        path = "calls/" + call["file"]
        with open(os.path.join(KB, path), "w", encoding="utf-8") as f:
            f.write(text)
        filelines = text.split("\n")
        obj_calls[path] = []
        for i, tr in enumerate(call["turns"]):
            if len(tr) < 3:
                continue
            lab = tr[2]
            line = find(rows[i], lab[1], path)
            raw = filelines[line - 1]
            assert lab[1] in raw or json.dumps(lab[1], ensure_ascii=False)[1:-1] in raw, (path, lab[1])
            turn_lines = [rows[i][0][0], rows[i][-1][0]] if len(rows[i]) > 1 else None
            if lab[0] == "neg":
                e = {"path": path, "line": line, "speaker": tr[0], "note": lab[2]}
                if turn_lines:
                    e["turn_lines"] = turn_lines
                negatives.append(e)
                continue
            assert not is_internal(tr[0]), (path, tr[0])
            e = {"snippet": lab[1], "objection": lab[0], "line": line, "speaker": tr[0]}
            if turn_lines:
                e["turn_lines"] = turn_lines
            obj_calls[path].append(e)
            mentions.setdefault(lab[0], []).append({"path": path, "line": line, "_snippet": lab[1]})

    coverage = {
        "objections/pricing": True,
        "objections/data-migration": True,
        "objections/internet-dependence": True,
        "objections/integrations": True,
        "objections/staff-training": False,
        "objections/contract-lock-in": False,
        "new:controlled-drugs-register": False,
        "new:local-payment-methods": False,
        "new:whatsapp-reminders": False,
    }
    assert set(coverage) == set(mentions), set(coverage) ^ set(mentions)
    gap_notes = {
        "objections/staff-training": "known objection (objections/staff-training.md); its only answer, answers/staff-training, is status: draft",
        "objections/contract-lock-in": "known objection (objections/contract-lock-in.md); no entry answers it",
        "new:controlled-drugs-register": "prospects need a controlled-drugs (S8, narcotics, dangerous drugs) register that satisfies inspectors; no objection entry and no approved entry addresses controlled-drug registers (the pharmacy module is described only as stock, batches, expiry and labels)",
        "new:local-payment-methods": "prospects' clients pay with e-wallets and QR/instant-EFT methods (GCash, Maya, SnapScan, Zapper); no objection entry and no approved entry addresses payment methods beyond cards and payment links",
        "new:whatsapp-reminders": "prospects' clients ignore or distrust SMS and expect reminders on WhatsApp, Viber or Messenger; no objection entry and no approved entry addresses reminder channels beyond SMS and email",
    }
    # the most central mention of each uncovered theme, chosen by hand (the clearest statement)
    central = {
        "objections/staff-training": "I just don't have the bandwidth for that in the next six months",
        "objections/contract-lock-in": "I'm not doing that again",
        "new:controlled-drugs-register": "If your pharmacy piece can't track controlled drugs by location",
        "new:local-payment-methods": "my bookkeeper is still reconciling the SnapScan statement",
        "new:whatsapp-reminders": "Here in the Cape our clients live on WhatsApp",
    }
    expected = []
    for oid, note in gap_notes.items():
        ms = mentions[oid]
        c = next(m for m in ms if central[oid] in m["_snippet"])
        e = {"rule": "objection-gap", "objection": oid, "path": c["path"], "line": c["line"],
             "mentions": [{"path": m["path"], "line": m["line"]} for m in ms]}
        if oid.startswith("objections/"):
            e["alt_paths"] = [oid + ".md"]
        e["note"] = note + "; a tool may report the gap once per theme or once per mention"
        expected.append(e)

    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
        "objections": {"calls": obj_calls, "coverage": coverage, "negatives": negatives},
    }
    with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    # summary
    for oid in coverage:
        ms = mentions[oid]
        print(f"{oid:34s} turns={len(ms):2d} calls={len({m['path'] for m in ms})} covered={coverage[oid]}")
    print("calls", len(CALLS), "objection turns", sum(len(v) for v in mentions.values()), "negatives", len(negatives))
    for p, v in obj_calls.items():
        print(f"  {p:50s} {len(v)}")


if __name__ == "__main__":
    main()
