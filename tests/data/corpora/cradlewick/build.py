#!/usr/bin/env python3
"""Write the Cradlewick calls from calls_data.py and build labels.json (stdlib only).

Every label is an anchor string that must occur exactly once in its call file; line numbers are
computed here (1-based). The script refuses a missing or ambiguous anchor, and a negative that
falls on a labelled line.
"""
import json
import os
import sys

from calls_data import CALLS, K

HERE = os.path.dirname(os.path.abspath(__file__))
CALLDIR = os.path.join(HERE, "kb", "calls")
INTERNAL = {"Imogen Hart", "Femi Adeyemi", "Callum Reid", "Priya Sandhu", "Tan Wei Ling", "Owen Pryce"}


def ts(sec, sep):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    whole = int(s)
    ms = int(round((s - whole) * 1000))
    return f"{int(h):02d}:{int(m):02d}:{whole:02d}{sep}{ms:03d}"


def segs(text):
    return text if isinstance(text, list) else [text]


def norm(turn):
    # (speaker, text, tag) or (speaker, text, role, tag)
    if len(turn) == 4:
        return turn[0], turn[1], turn[2], turn[3]
    return turn[0], turn[1], None, turn[2]


def render(fmt, turns, seed):
    t = 2.0 + seed % 5
    out = []
    if fmt in ("vtt", "vtt_prefix"):
        out.append("WEBVTT\n")
        n = 0
        for turn in turns:
            sp, text, _, _ = norm(turn)
            for seg in segs(text):
                n += 1
                d = 1.5 + len(seg) / 14.0
                out.append(f"{n}\n{ts(t, '.')} --> {ts(t + d, '.')}")
                out.append(f"<v {sp}>{seg}</v>" if fmt == "vtt" else f"{sp}: {seg}")
                out.append("")
                t += d + 0.4
        return "\n".join(out)
    if fmt == "srt":
        n = 0
        for turn in turns:
            sp, text, _, _ = norm(turn)
            for seg in segs(text):
                n += 1
                d = 1.5 + len(seg) / 14.0
                out.append(f"{n}\n{ts(t, ',')} --> {ts(t + d, ',')}\n{sp}: {seg}\n")
                t += d + 0.4
        return "\n".join(out)
    if fmt == "txt":
        for turn in turns:
            sp, text, _, _ = norm(turn)
            out.append(f"[{ts(t, '.')[:8]}] {sp}: {' '.join(segs(text))}\n")
            t += 3 + len(' '.join(segs(text))) / 14.0
        return "\n".join(out)
    if fmt == "plain":
        for turn in turns:
            sp, text, _, _ = norm(turn)
            out.append(f"{sp}: {' '.join(segs(text))}")
        return "\n".join(out) + "\n"
    if fmt == "parties":
        names = []
        for turn in turns:
            if turn[0] not in names:
                names.append(turn[0])
        ids = {nm: 1000 + 17 * i for i, nm in enumerate(names)}
        out.append("{")
        out.append('  "parties": [')
        ps = [f'    {{"speakerId": {ids[nm]}, "name": {json.dumps(nm)}, "affiliation": "{"internal" if nm in INTERNAL else "external"}"}}' for nm in names]
        out.append(",\n".join(ps))
        out.append("  ],")
        out.append('  "transcript": [')
        blocks = []
        for turn in turns:
            sp, text, _, _ = norm(turn)
            lines = []
            for seg in segs(text):
                d = 1.2 + len(seg) / 14.0
                lines.append(f'        {{"start": {round(t, 2)}, "end": {round(t + d, 2)}, "text": {json.dumps(seg, ensure_ascii=False)}}}')
                t += d + 0.3
            blocks.append(f'    {{\n      "speakerId": {ids[sp]},\n      "sentences": [\n' + ",\n".join(lines) + "\n      ]\n    }")
        out.append(",\n".join(blocks))
        out.append("  ]")
        out.append("}")
        return "\n".join(out) + "\n"
    if fmt == "turns":
        rows = []
        for turn in turns:
            sp, text, _, _ = norm(turn)
            txt = " ".join(segs(text))
            rows.append(f'    {{"speaker": {json.dumps(sp)}, "start": {round(t, 2)}, "text": {json.dumps(txt, ensure_ascii=False)}}}')
            t += 3 + len(txt) / 14.0
        return '{\n  "meeting": {"title": "Bright Stars Preschool - discovery", "date": "2026-09-15", "source": "zoom-export"},\n  "turns": [\n' + ",\n".join(rows) + "\n  ]\n}\n"
    if fmt == "turns_role":
        rows = []
        for turn in turns:
            sp, text, role, _ = norm(turn)
            txt = " ".join(segs(text))
            rows.append(f'  {{"speaker": {json.dumps(sp)}, "role": "{role}", "start": {round(t, 1)}, "text": {json.dumps(txt, ensure_ascii=False)}}}')
            t += 3 + len(txt) / 14.0
        return "[\n" + ",\n".join(rows) + "\n]\n"
    if fmt == "meeting":
        rows = []
        for turn in turns:
            sp, text, _, _ = norm(turn)
            rows.append(f'    {{"speaker": {json.dumps(sp)}, "content": {json.dumps(" ".join(segs(text)), ensure_ascii=False)}}}')
        return '{\n  "meeting_transcripts": [\n' + ",\n".join(rows) + "\n  ]\n}\n"
    raise SystemExit(f"unknown format {fmt}")


def line_of(text, anchor, where):
    n = text.count(anchor)
    if n != 1:
        raise SystemExit(f"{where}: anchor {anchor!r} occurs {n} times")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    os.makedirs(CALLDIR, exist_ok=True)
    calls, negatives, mentions = {}, [], {}
    for i, (name, fmt, turns) in enumerate(CALLS):
        text = render(fmt, turns, i)
        with open(os.path.join(CALLDIR, name), "w", encoding="utf-8") as f:
            f.write(text)
        if fmt in ("parties", "turns", "turns_role", "meeting"):
            json.loads(text)
        path = f"calls/{name}"
        labelled, negs = [], []
        for turn in turns:
            sp, _, _, tag = norm(turn)
            if tag is None:
                continue
            if tag[0] == "neg":
                negs.append((sp, tag[1], tag[2]))
                continue
            optional = tag[0] == "opt"
            obj, snip = (tag[1], tag[2]) if optional else (tag[0], tag[1])
            if sp in INTERNAL or sp.endswith("@cradlewick.example"):
                raise SystemExit(f"{path}: labelled turn by internal speaker {sp}")
            row = {"snippet": snip, "objection": obj, "line": line_of(text, snip, path), "speaker": sp}
            if optional:
                row["optional"] = True
                row["note"] = tag[3]
            else:
                mentions.setdefault(obj, []).append({"path": path, "line": row["line"]})
            labelled.append(row)
        calls[path] = labelled
        lab_lines = {r["line"] for r in labelled}
        for sp, snip, note in negs:
            ln = line_of(text, snip, path)
            if ln in lab_lines:
                raise SystemExit(f"{path}:{ln}: negative on a labelled line")
            negatives.append({"path": path, "line": ln, "rules": ["objection-gap"], "speaker": sp,
                              "note": "not an objection: " + note})

    known = ["objections/pricing", "objections/data-migration", "objections/staff-adoption",
             "objections/child-data-privacy", "objections/subsidy-integration", "objections/contract-terms"]
    for k in known:
        if not os.path.exists(os.path.join(HERE, "kb", k + ".md")):
            raise SystemExit(f"missing {k}")
    coverage = {k: k != K for k in known}
    notes = {
        K: "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft",
        "new:offline-connectivity": "patchy power and internet at a site: will the room app work offline? Not the staff-adoption objection (educators are willing; the network is not); no entry addresses offline use",
        "new:parent-payment-methods": "parents pay by bank transfer, cash, POS, GIRO or PayNow and billing must take and reconcile those; not the pricing objection (the cost of Cradlewick is not the concern); no entry addresses payment methods",
        "new:local-ratio-rules": "ratio tracking must follow the local regulator's rules for mixed-age or shared rooms (WA, BC, ECDA); not the subsidy objection (government rules, but about compliance of ratios, not claims); no entry addresses regional ratio configuration",
    }
    themes = ["new:offline-connectivity", "new:parent-payment-methods", "new:local-ratio-rules"]
    for t in themes:
        coverage[t] = False
        ncalls = {m["path"] for m in mentions.get(t, [])}
        if len(ncalls) < 2:
            raise SystemExit(f"{t} raised in fewer than 2 calls")
    expected = []
    for obj in [K] + themes:
        ms = mentions[obj]
        e = {"rule": "objection-gap", "objection": obj, "path": ms[0]["path"], "line": ms[0]["line"],
             "mentions": ms}
        if obj == K:
            e["alt_paths"] = ["objections/contract-terms.md"]
        e["note"] = notes[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(e)
    for obj in known:
        if obj != K and not mentions.get(obj):
            raise SystemExit(f"{obj} never raised")

    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": coverage},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    nlab = sum(len(v) for v in calls.values())
    nopt = sum(1 for v in calls.values() for r in v if r.get("optional"))
    print(f"calls={len(calls)} labelled={nlab} (optional {nopt}) negatives={len(negatives)} gaps={len(expected)}")
    for obj, ms in sorted(mentions.items()):
        print(f"  {obj}: {len(ms)} mentions in {len({m['path'] for m in ms})} calls")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
