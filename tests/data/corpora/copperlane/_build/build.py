#!/usr/bin/env python3
"""Build Copperlane's calls (from _build/src) and labels.json. Standard library only.

Each source file is `Name: text` per turn; `|` inside a turn marks where a speech-recognition
export split one sentence across cues (or sentences). Labels are anchored by strings that must
occur exactly once in the rendered call; line numbers are computed, never typed.
Run from anywhere: python3 _build/build.py
"""
import json, re, sys, textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
KB = CORPUS / "kb"
CALLS = KB / "calls"
INTERNAL = {"Niamh Devlin", "Callum Pryce", "Tessa Moodley", "Rory Whitford", "Jas Sandhu"}


def parse(src):
    meta, turns = {}, []
    for raw in src.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            k, v = raw[1:].split(" ", 1)
            meta[k] = v.strip()
        elif raw.strip():
            name, text = raw.split(": ", 1)
            turns.append((name.strip(), text.strip()))
    return meta, turns


def join(t):
    return re.sub(r"\s*\|\s*", " ", t)


def ts(sec, sep):
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{int(s):02d}{sep}{int(round((s - int(s)) * 1000)):03d}"


def timeline(turns):
    """Yield (speaker, [pieces], start) with plausible times."""
    t = 2.4
    for name, text in turns:
        pieces = [p.strip() for p in text.split("|")]
        out = []
        for p in pieces:
            dur = max(1.2, len(p.split()) * 0.38)
            out.append((p, t, t + dur))
            t += dur + 0.15
        yield name, out
        t += 0.6


def sentences(piece):
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z\"'])", piece) if s]


def render(meta, turns):
    fmt = meta["fmt"]
    if fmt in ("vtt-voice", "vtt-prefix"):
        lines, n = ["WEBVTT", ""], 0
        for name, pieces in timeline(turns):
            for p, a, b in pieces:
                n += 1
                cue = f"<v {name}>{p}</v>" if fmt == "vtt-voice" else f"{name}: {p}"
                ident = f"c7e1a0f2-{n:04d}/{n * 7}-0" if fmt == "vtt-voice" else str(n)
                lines += [ident, f"{ts(a, '.')} --> {ts(b, '.')}", cue, ""]
        return "\n".join(lines)
    if fmt == "srt":
        lines, n = [], 0
        for name, pieces in timeline(turns):
            for p, a, b in pieces:
                n += 1
                lines += [str(n), f"{ts(a, ',')} --> {ts(b, ',')}", f"{name}: {p}", ""]
        return "\n".join(lines)
    if fmt in ("gong", "gong-raw"):
        names = []
        for name, _ in turns:
            if name not in names:
                names.append(name)
        seed = sum(ord(c) * (k + 1) for k, c in enumerate(meta["file"]))
        ids = {nm: str(7000100000000000000 + (seed * 104729 + 7919 * (i + 3)) * 1000003) for i, nm in enumerate(names)}
        out = ["{", f'  "callId": "{meta["callid"] if "callid" in meta else "8800" + str(len(turns)) + "2026"}",',
               f'  "title": {json.dumps(meta.get("title", meta["file"][11:-5].replace("-", " ").title()))},',
               '  "parties": [']
        for i, nm in enumerate(names):
            aff = "internal" if nm in INTERNAL else "external"
            out.append(f'    {{"speakerId": "{ids[nm]}", "name": {json.dumps(nm)}, "affiliation": "{aff}"}}' + ("," if i < len(names) - 1 else ""))
        out += ["  ],", '  "transcript": [']
        tl = list(timeline(turns))
        for ti, (name, pieces) in enumerate(tl):
            out.append(f'    {{"speakerId": "{ids[name]}", "topic": null, "sentences": [')
            sents = []
            for p, a, b in pieces:
                parts = sentences(p) if fmt == "gong" else [p]
                span = (b - a) / len(parts)
                for k, s in enumerate(parts):
                    sents.append((int((a + k * span) * 1000), int((a + (k + 1) * span) * 1000), s))
            for si, (a, b, s) in enumerate(sents):
                out.append(f'      {{"start": {a}, "end": {b}, "text": {json.dumps(s, ensure_ascii=False)}}}' + ("," if si < len(sents) - 1 else ""))
            out.append("    ]}" + ("," if ti < len(tl) - 1 else ""))
        out += ["  ]", "}", ""]
        return "\n".join(out)
    if fmt == "turns":
        rows = []
        for name, pieces in timeline(turns):
            row = {"speaker": name, "start": round(pieces[0][1], 1), "text": " ".join(p for p, _, _ in pieces)}
            if meta.get("roles") == "yes":
                row = {"speaker": name, "role": "internal" if name in INTERNAL else "external", **{k: row[k] for k in ("start", "text")}}
            rows.append("  " + json.dumps(row, ensure_ascii=False))
        if meta.get("wrap") == "turns":
            return '{"turns": [\n' + ",\n".join(rows) + "\n]}\n"
        return "[\n" + ",\n".join(rows) + "\n]\n"
    if fmt == "meeting":
        rows = ["    " + json.dumps({"speaker": n, "content": join(t)}, ensure_ascii=False) for n, t in turns]
        return '{\n  "meeting_transcripts": [\n' + ",\n".join(rows) + "\n  ]\n}\n"
    if fmt == "txt-stamp":
        lines = []
        for name, pieces in timeline(turns):
            s = int(pieces[0][1])
            lines += [f"[{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}] {name}: " + " ".join(p for p, _, _ in pieces), ""]
        return "\n".join(lines)
    if fmt == "txt-para":
        lines = []
        for name, text in turns:
            para = f"{name}: " + join(text)
            lines += textwrap.wrap(para, 96) + [""]
        return "\n".join(lines)
    raise SystemExit(f"unknown format {fmt}")


def main():
    calls = {}
    for src in sorted((HERE / "src").glob("*.txt")):
        meta, turns = parse(src)
        text = render(meta, turns)
        (CALLS / meta["file"]).write_text(text, encoding="utf-8")
        calls[src.stem] = (meta["file"], text, turns)
    spec = json.loads((HERE / "labels_src.json").read_text(encoding="utf-8"))

    def locate(key, anchor, speaker=None):
        fname, text, turns = calls[key]
        flat = text.replace("\n", " ")
        # JSON escapes: look for the anchor as written in the file
        hits = [m.start() for m in re.finditer(re.escape(anchor), flat)]
        if len(hits) != 1:
            sys.exit(f"{fname}: anchor {anchor!r} found {len(hits)} times")
        line = text.count("\n", 0, hits[0]) + 1
        owners = [n for n, t in turns if anchor in join(t)]
        if len(owners) != 1:
            sys.exit(f"{fname}: anchor {anchor!r} is in {len(owners)} source turns")
        if speaker and owners[0] != speaker:
            sys.exit(f"{fname}: anchor {anchor!r} is said by {owners[0]}, not {speaker}")
        if owners[0] in INTERNAL:
            sys.exit(f"{fname}: anchor {anchor!r} is an internal turn")
        # lines of the whole turn (split cues, sentences, wrapped paragraphs)
        turn_text = [t for n, t in turns if n == owners[0] and (anchor in join(t))][0]
        tl = set()
        for piece in turn_text.split("|"):
            for s in sentences(piece.strip()):
                for probe in (s[:40], s[-30:]):
                    for m in re.finditer(re.escape(json.dumps(probe)[1:-1] if "gong" in fname else probe), flat):
                        tl.add(text.count("\n", 0, m.start()) + 1)
        if fname.endswith(".txt") and tl:  # a wrapped paragraph: every line of it
            rows = text.split("\n")
            start = text.count("\n", 0, hits[0]) + 1
            while start > 1 and rows[start - 2].strip():
                start -= 1
            end = start
            while end < len(rows) and rows[end].strip():
                end += 1
            tl = set(range(start, end + 1))
        return "calls/" + fname, line, owners[0], sorted(tl)

    out_calls, by_obj, labelled = {}, {}, set()
    for key, items in spec["calls"].items():
        for anchor, obj in items:
            path, line, who, tl = locate(key, anchor)
            row = {"snippet": anchor, "objection": obj, "line": line, "speaker": who}
            if len(tl) > 1:
                row["turn_lines"] = tl
            out_calls.setdefault(path, []).append(row)
            m = {"path": path, "line": line}
            if len(tl) > 1:
                m["turn_lines"] = tl
            by_obj.setdefault(obj, []).append(m)
            labelled.add((path, line))
    for path in out_calls:
        out_calls[path].sort(key=lambda r: r["line"])
    negatives = []
    for key, items in spec["negatives"].items():
        for anchor, note in items:
            path, line, who, _ = locate(key, anchor)
            if (path, line) in labelled:
                sys.exit(f"{path}:{line}: negative on a labelled line ({anchor!r})")
            negatives.append({"path": path, "line": line, "rules": ["objection-gap"], "note": f"{who}: {note}"})
    expected = []
    for gap in spec["gaps"]:
        obj = gap["objection"]
        ms = sorted(by_obj[obj], key=lambda m: (m["path"], m["line"]))
        first = next(m for m in ms if m["path"] == "calls/" + calls[gap["central"][0]][0] and m["line"] == locate(*gap["central"])[1])
        row = {"rule": "objection-gap", "objection": obj, "path": first["path"], "line": first["line"], "mentions": ms}
        if not obj.startswith("new:"):
            row["alt_paths"] = [obj + ".md"]
        row["note"] = gap["note"]
        expected.append(row)
    coverage = spec["coverage"]
    for obj in by_obj:
        if obj not in coverage:
            sys.exit(f"no coverage for {obj}")
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": dict(sorted(out_calls.items())), "coverage": coverage},
    }
    (CORPUS / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(v) for v in out_calls.values())
    print(f"{len(calls)} calls, {n} labelled turns, {len(negatives)} negatives, {len(expected)} gaps")
    for obj, ms in sorted(by_obj.items()):
        print(f"  {obj}: {len(ms)} mentions in {len({m['path'] for m in ms})} calls")


if __name__ == "__main__":
    main()
