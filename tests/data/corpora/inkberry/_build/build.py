"""Render the Inkberry calls from _build/calls*.py and write labels.json.

Each call is a list of turns; a labelled turn carries (objection, anchor) pairs. The anchor is a
verbatim piece of what the external speaker says; the label's line is the line of the rendered
call file where the anchor starts. Run from anywhere:  python _build/build.py
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

from calls_a import CALLS as CALLS_A  # noqa: E402
from calls_b import CALLS as CALLS_B  # noqa: E402

CALLS = CALLS_A + CALLS_B
INTERNAL = {"Freya Lindqvist", "Tomasz Wójcik", "Amara Obi", "Rohan Kapoor", "Bronwyn Tait",
            "Pieter van Rensburg"}
INTERNAL_DOMAIN = "inkberry.example"
SEP = " | "

COVERAGE = {
    "objections/pricing": True,
    "objections/mt-quality": True,
    "objections/data-security": True,
    "objections/integration-effort": True,
    "objections/tm-migration": False,
    "objections/translator-adoption": False,
    "new:locale-variants": False,
    "new:vendor-viability": False,
    "new:release-gating": False,
}
NOTES = {
    "objections/tm-migration": "known objection (objections/tm-migration.md); its only answer, answers/tm-migration, is status: draft",
    "objections/translator-adoption": "known objection (objections/translator-adoption.md); no entry answers it",
    "new:locale-variants": "prospects need regional variants (pt-BR, fr-CA, en-GB, zh-Hans for Singapore) kept apart without paying twice; no KB entry addresses locale variants",
    "new:vendor-viability": "prospects fear Inkberry is too small or young and that their assets are stranded if it fails or is acquired; no KB entry addresses company stability or exit",
    "new:release-gating": "prospects fear translation will hold up or block continuous software releases (or ship half-translated builds); no KB entry addresses release flow",
}


def chunks(text: str) -> list[str]:
    return [c.strip() for c in text.split(SEP)] if SEP in text else [text]


def sentences(text: str) -> list[str]:
    if SEP in text:
        return chunks(text)
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z\"'])", text)
    return [p for p in parts if p]


def ts_vtt(sec: float) -> str:
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def ts_srt(sec: float) -> str:
    return ts_vtt(sec).replace(".", ",")


def ts_txt(sec: float) -> str:
    h, rem = divmod(int(sec), 3600)
    m, s = divmod(rem, 60)
    return f"[{h:02d}:{m:02d}:{s:02d}]"


def duration(text: str) -> float:
    return max(1.2, len(text.split()) * 0.38)


def render(call: dict) -> tuple[str, list[tuple[int, int]]]:
    """Return the file text and, per turn, its (start, end) character offsets in that text."""
    fmt = call["format"]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0.0 + call.get("offset", 2.3)

    def emit(s: str) -> None:
        out.append(s)

    def here() -> int:
        return sum(len(x) for x in out)

    turns = call["turns"]
    if fmt in ("vtt-voice", "vtt-prefix"):
        emit("WEBVTT\n")
        if call.get("note"):
            emit(f"\nNOTE {call['note']}\n")
        cue = 1
        for sp, text, _ in turns:
            start = here()
            for c in chunks(text):
                d = duration(c)
                body = f"<v {sp}>{c}</v>" if fmt == "vtt-voice" else f"{sp}: {c}"
                ident = f"{call['uid']}/{cue * 7 + 4}-0" if fmt == "vtt-voice" else str(cue)
                emit(f"\n{ident}\n{ts_vtt(pos)} --> {ts_vtt(pos + d)}\n{body}\n")
                pos += d + 0.4
                cue += 1
            spans.append((start, here()))
    elif fmt == "srt":
        n = 1
        for sp, text, _ in turns:
            start = here()
            for c in chunks(text):
                d = duration(c)
                emit(f"{n}\n{ts_srt(pos)} --> {ts_srt(pos + d)}\n{sp}: {c}\n\n")
                pos += d + 0.5
                n += 1
            spans.append((start, here()))
    elif fmt == "ci-json":
        ids = call["ids"]
        head = {"callId": call["uid"], "title": call["title"], "started": call["started"]}
        emit("{\n")
        for k, v in head.items():
            emit(f'  "{k}": {json.dumps(v, ensure_ascii=False)},\n')
        emit('  "parties": [\n')
        plist = [f'    {{"speakerId": "{ids[n]}", "name": {json.dumps(n, ensure_ascii=False)}, "affiliation": "{aff}"}}'
                 for n, aff in call["parties"]]
        emit(",\n".join(plist) + "\n  ],\n")
        emit('  "transcript": [\n')
        for i, (sp, text, _) in enumerate(turns):
            start = here()
            emit(f'    {{"speakerId": "{ids[sp]}", "topic": null, "sentences": [\n')
            sents = sentences(text)
            rows = []
            for s in sents:
                d = duration(s)
                a, b = int(pos * 1000), int((pos + d) * 1000)
                rows.append(f'      {{"start": {a}, "end": {b}, "text": {json.dumps(s, ensure_ascii=False)}}}')
                pos += d
            emit(",\n".join(rows) + "\n")
            emit("    ]}" + ("," if i < len(turns) - 1 else "") + "\n")
            spans.append((start, here()))
            pos += 0.6
        emit("  ]\n}\n")
    elif fmt in ("json-list", "json-turns"):
        role_of = dict(call.get("roles", {}))
        if fmt == "json-list":
            emit("[\n")
            ind = "  "
        else:
            emit("{\n")
            emit(f'  "meeting": {json.dumps(call["meeting"], ensure_ascii=False)},\n')
            emit('  "turns": [\n')
            ind = "    "
        for i, (sp, text, _) in enumerate(turns):
            start = here()
            t = " ".join(chunks(text))
            obj = {"speaker": sp}
            if fmt == "json-list":
                obj["role"] = role_of[sp]
            obj["start"] = round(pos, 2)
            obj["text"] = t
            emit(ind + json.dumps(obj, ensure_ascii=False) + ("," if i < len(turns) - 1 else "") + "\n")
            spans.append((start, here()))
            pos += duration(t) + 0.7
        emit("]\n" if fmt == "json-list" else "  ]\n}\n")
    elif fmt == "meeting":
        emit('{\n  "meeting_transcripts": [\n')
        for i, (sp, text, _) in enumerate(turns):
            start = here()
            t = " ".join(chunks(text))
            obj = {"speaker": sp, "content": t}
            emit("    " + json.dumps(obj, ensure_ascii=False) + ("," if i < len(turns) - 1 else "") + "\n")
            spans.append((start, here()))
        emit("  ]\n}\n")
    elif fmt == "txt-stamped":
        for sp, text, _ in turns:
            start = here()
            t = " ".join(chunks(text))
            emit(f"{ts_txt(pos)} {sp}: {t}\n\n")
            spans.append((start, here()))
            pos += duration(t) + 0.8
    elif fmt == "txt-lines":
        for sp, text, _ in turns:
            start = here()
            emit(f"{sp}: {' '.join(chunks(text))}\n")
            spans.append((start, here()))
    elif fmt == "txt-wrapped":
        if call.get("header"):
            emit(call["header"] + "\n\n")
        for sp, text, _ in turns:
            start = here()
            t = " ".join(chunks(text))
            emit(textwrap.fill(f"{sp}: {t}", width=92, break_long_words=False, break_on_hyphens=False) + "\n\n")
            spans.append((start, here()))
    else:
        raise ValueError(fmt)
    return "".join(out), spans


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def is_external(call: dict, speaker: str) -> bool:
    if call["format"] in ("ci-json",):
        return dict(call["parties"])[speaker] == "external"
    if call["format"] == "json-list":
        return call["roles"][speaker] == "external"
    if "@" in speaker:
        return not speaker.endswith("@" + INTERNAL_DOMAIN)
    return speaker not in INTERNAL


def find_anchor(text: str, anchor: str, lo: int, hi: int) -> int:
    pat = r"\s+".join(re.escape(w) for w in anchor.split())
    hits = [m.start() for m in re.finditer(pat, text[lo:hi])]
    assert len(hits) == 1, f"anchor {anchor!r} found {len(hits)} times in its turn"
    return lo + hits[0]


def main() -> None:
    CALLS_DIR.mkdir(parents=True, exist_ok=True)
    labels_calls: dict[str, list[dict]] = {}
    mentions: dict[str, list[dict]] = {k: [] for k in COVERAGE}
    central: dict[str, dict] = {}
    files = sorted(c["file"] for c in CALLS)
    assert len(set(files)) == len(files)
    for call in CALLS:
        text, spans = render(call)
        if call["format"] in ("ci-json", "json-list", "json-turns", "meeting"):
            json.loads(text)
        (CALLS_DIR / call["file"]).write_text(text, encoding="utf-8")
        rel = f"calls/{call['file']}"
        rows = []
        for (sp, _t, labels), (lo, hi) in zip(call["turns"], spans):
            if not labels:
                continue
            assert is_external(call, sp), f"{rel}: labelled turn by internal speaker {sp}"
            cs = chunks(_t)
            first = line_of(text, find_anchor(text, " ".join(cs[0].split()[:6]), lo, hi))
            last_words = " ".join(cs[-1].split()[-6:])
            last = line_of(text, find_anchor(text, last_words, lo, hi) + len(last_words) - 1)
            for lab in labels:
                obj, anchor = lab[0], lab[1]
                opts = lab[2] if len(lab) > 2 else {}
                assert obj in COVERAGE, obj
                at = find_anchor(text, anchor, lo, hi)
                row = {"snippet": anchor, "objection": obj, "line": line_of(text, at), "speaker": sp}
                if last > first:
                    row["turn_lines"] = [first, last]
                if opts.get("alt"):
                    alts = []
                    for alt in opts["alt"]:
                        # an alternative anchor may sit in an earlier turn of the same speaker
                        a = find_anchor(text, alt, 0, hi)
                        alts.append(line_of(text, a))
                    row["alt_lines"] = alts
                rows.append(row)
                mentions[obj].append({"path": rel, "line": row["line"]})
                if opts.get("central"):
                    central[obj] = {"path": rel, "line": row["line"]}
        labels_calls[rel] = rows
    expected = []
    for obj, covered in COVERAGE.items():
        assert mentions[obj], f"{obj} never raised"
        if covered:
            continue
        c = central.get(obj) or mentions[obj][0]
        row = {"rule": "objection-gap", "objection": obj, "path": c["path"], "line": c["line"],
               "mentions": mentions[obj]}
        if obj.startswith("objections/"):
            row["alt_paths"] = [obj + ".md"]
        row["note"] = NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(row)
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "objections": {"calls": dict(sorted(labels_calls.items())), "coverage": COVERAGE},
        "audit": {"rules": ["objection-gap"], "expected": expected},
    }
    (ROOT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for obj in COVERAGE:
        calls = sorted({m["path"] for m in mentions[obj]})
        print(f"{obj:34} turns={len(mentions[obj]):2} calls={len(calls)} covered={COVERAGE[obj]}")
    print("calls with no objection:", [k for k, v in labels_calls.items() if not v])


if __name__ == "__main__":
    main()
