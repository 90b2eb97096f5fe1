"""What the call corpora's ``build.py`` share: rendering one call, written turn by turn, in each file
format the SPEC accepts (WebVTT with voice tags or ``Name:`` prefixes, SRT, plain text, the
conversation-intelligence JSON export, ``{"turns": ...}``, a JSON list of turns, a meeting export),
and recording the line of every piece of every turn so that labels cannot drift from the files.

A call is a dict with ``name``, ``fmt``, ``turns``, ``note``, ``external`` and ``stamps``; a turn is
``(speaker, text, ...)`` where ``text`` is a string or a list of pieces (sentences of a JSON export,
cues of a subtitle file). Each corpus keeps its own pace of speech, ids and domain in a ``Style``, so
that its files stay byte for byte what they were when its labels were written.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Turn = tuple[Any, ...]
Rendered = tuple[str, list[list[int]]]


@dataclass(frozen=True)
class Style:
    start: float  # seconds before the first piece
    words_per_second: float
    shortest: float  # the shortest piece, in seconds
    pause: float  # between turns, in seconds
    first_speaker_id: int  # of the conversation export
    own_domain: str  # the seller's e-mail domain
    internal: frozenset[str]  # speakers given the internal role in ``{"turns": ...}`` exports
    drop_apostrophes: bool = False  # in e-mail addresses


def pieces(text: Any) -> list[str]:
    return list(text) if isinstance(text, list) else [text]


def _clock(seconds: float, sep: str) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}".replace(".", sep)


def _durations(style: Style, turns: list[Turn]) -> list[list[tuple[float, float]]]:
    """Start and end of each piece, at the style's pace, with a short pause between turns."""
    t = style.start
    out = []
    for turn in turns:
        spans = []
        for piece in pieces(turn[1]):
            d = max(style.shortest, len(piece.split()) / style.words_per_second)
            spans.append((t, t + d))
            t += d
        out.append(spans)
        t += style.pause
    return out


def render_vtt(style: Style, c: dict[str, Any], *, prefix: bool = False) -> Rendered:
    """Voice tags, or ``Name:`` prefixes where ``prefix`` or the call asks for them."""
    lines = ["WEBVTT", ""]
    if c["note"]:
        lines += ["NOTE", *c["note"].split("\n"), ""]
    where: list[list[int]] = []
    for turn, spans in zip(c["turns"], _durations(style, c["turns"]), strict=True):
        at = []
        for piece, (a, b) in zip(pieces(turn[1]), spans, strict=True):
            lines.append(f"{_clock(a, '.')} --> {_clock(b, '.')}")
            lines.append(f"{turn[0]}: {piece}" if prefix or c.get("prefix") else f"<v {turn[0]}>{piece}")
            at.append(len(lines))
            lines.append("")
        where.append(at)
    return "\n".join(lines), where


def render_srt(style: Style, c: dict[str, Any]) -> Rendered:
    lines: list[str] = []
    where: list[list[int]] = []
    n = 0
    for turn, spans in zip(c["turns"], _durations(style, c["turns"]), strict=True):
        at = []
        for piece, (a, b) in zip(pieces(turn[1]), spans, strict=True):
            n += 1
            lines += [str(n), f"{_clock(a, ',')} --> {_clock(b, ',')}", f"{turn[0]}: {piece}"]
            at.append(len(lines))
            lines.append("")
        where.append(at)
    return "\n".join(lines), where


def render_txt(style: Style, c: dict[str, Any]) -> Rendered:
    lines: list[str] = []
    where: list[list[int]] = []
    for turn, spans in zip(c["turns"], _durations(style, c["turns"]), strict=True):
        text = " ".join(pieces(turn[1]))
        stamp = f"[{_clock(spans[0][0], '.')[:8]}] " if c["stamps"] else ""
        lines.append(f"{stamp}{turn[0]}: {text}")
        where.append([len(lines)])
        lines.append("")
    return "\n".join(lines), where


def _email(style: Style, name: str, domain: str) -> str:
    local = name.lower().replace(" ", ".")
    return (local.replace("'", "") if style.drop_apostrophes else local) + "@" + domain


def render_conversation(style: Style, c: dict[str, Any]) -> Rendered:
    names = list(dict.fromkeys(t[0] for t in c["turns"]))
    ids = {n: str(style.first_speaker_id + i) for i, n in enumerate(names)}
    company = c["name"].split("-", 3)[-1].rsplit(".", 1)[0]
    lines = ["{", f'  "callId": "{int(hashlib.sha256(c["name"].encode()).hexdigest(), 16) % 10**16:016d}",',
             f'  "title": "{company.replace("-", " ").title()}",', '  "parties": [']
    for i, n in enumerate(names):
        ext = n in c["external"]
        domain = f"{company.split('-')[0]}.example" if ext else style.own_domain
        comma = "," if i < len(names) - 1 else ""
        lines.append(f'    {{"speakerId": "{ids[n]}", "name": "{n}", "emailAddress": "{_email(style, n, domain)}", '
                     f'"affiliation": "{"external" if ext else "internal"}"}}{comma}')
    lines += ["  ],", '  "transcript": [']
    where: list[list[int]] = []
    for ti, (turn, spans) in enumerate(zip(c["turns"], _durations(style, c["turns"]), strict=True)):
        lines.append(f'    {{"speakerId": "{ids[turn[0]]}", "topic": null, "sentences": [')
        at = []
        ps = pieces(turn[1])
        for k, (piece, (a, b)) in enumerate(zip(ps, spans, strict=True)):
            comma = "," if k < len(ps) - 1 else ""
            lines.append(f'      {{"start": {int(a * 1000)}, "end": {int(b * 1000)}, "text": {json.dumps(piece)}}}{comma}')
            at.append(len(lines))
        lines.append("    ]}" + ("," if ti < len(c["turns"]) - 1 else ""))
        where.append(at)
    lines += ["  ]", "}"]
    return "\n".join(lines), where


def render_turns(style: Style, c: dict[str, Any], *, wrapped: bool, key: str = "turns") -> Rendered:
    lines = ["{", f'  "{key}": ['] if wrapped else ["["]
    where: list[list[int]] = []
    for ti, (turn, spans) in enumerate(zip(c["turns"], _durations(style, c["turns"]), strict=True)):
        text = " ".join(pieces(turn[1]))
        comma = "," if ti < len(c["turns"]) - 1 else ""
        if key == "meeting_transcripts":
            lines.append(f'    {{"speaker": "{turn[0]}", "content": {json.dumps(text)}}}{comma}')
        else:
            role = "internal" if turn[0] in style.internal else "external"
            lines.append(f'  {{"speaker": "{turn[0]}", "role": "{role}", "start": {spans[0][0]:.1f}, '
                         f'"text": {json.dumps(text)}}}{comma}')
        where.append([len(lines)])
    lines += ["  ]", "}"] if wrapped else ["]"]
    return "\n".join(lines), where


def renderers(style: Style) -> dict[str, Callable[[dict[str, Any]], Rendered]]:
    """Each call format by the name a corpus's call list gives it."""
    return {
        "vtt": lambda c: render_vtt(style, c),
        "vtt_prefix": lambda c: render_vtt(style, c, prefix=True),
        "srt": lambda c: render_srt(style, c),
        "txt": lambda c: render_txt(style, c),
        "conversation": lambda c: render_conversation(style, c),
        "turns": lambda c: render_turns(style, c, wrapped=True),
        "list": lambda c: render_turns(style, c, wrapped=False),
        "meeting": lambda c: render_turns(style, c, wrapped=True, key="meeting_transcripts"),
    }


def write_calls(call_list: list[dict[str, Any]], render: dict[str, Callable[[dict[str, Any]], Rendered]],
                calls_dir: Path, *, internal: frozenset[str] = frozenset()) -> dict[str, list[dict[str, Any]]]:
    """Write every call into ``calls_dir`` (emptied first); the labelled turns of each, by call path.
    A labelled turn is ``(speaker, text, objection, snippet)``; its line is that of the piece holding
    the snippet. A label on a speaker in ``internal`` is a mistake of the corpus and raises."""
    calls_dir.mkdir(parents=True, exist_ok=True)
    for old in calls_dir.iterdir():
        old.unlink()
    labelled: dict[str, list[dict[str, Any]]] = {}
    for c in call_list:
        text, where = render[c["fmt"]](c)
        (calls_dir / c["name"]).write_text(text + "\n", encoding="utf-8")
        items = []
        for turn, at in zip(c["turns"], where, strict=True):
            if len(turn) < 4:
                continue
            speaker, body, objection, snippet = turn
            if speaker in internal:
                raise ValueError(f"{c['name']}: label on an internal speaker's turn: {snippet!r}")
            parts = pieces(body)
            k = next(i for i, p in enumerate(parts) if snippet in p)
            item: dict[str, Any] = {"snippet": snippet, "objection": objection, "line": at[k], "speaker": speaker}
            if len(at) > 1:
                item["turn_lines"] = [at[0], at[-1]]
            items.append(item)
        labelled[f"calls/{c['name']}"] = items
    return labelled


def check_parsed(calls: dict[str, list[dict[str, Any]]], calls_dir: Path, kb: Path) -> list[str]:
    """Every label on an external turn of the call as canon's own parser reads it, holding its words."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from ingest.calls import parse_call
    from knowledge.settings import load_settings

    settings = load_settings(kb, environ={})
    problems = []
    for path, items in calls.items():
        parsed = parse_call(calls_dir / path.removeprefix("calls/"), rel=path, settings=settings.calls)
        for m in items:
            lo, hi = m.get("turn_lines", [m["line"], m["line"]])
            turn = next((t for t in parsed.turns
                         if any(lo <= s.line <= hi for s in t.sentences) or lo <= t.line <= hi), None)
            if turn is None or turn.role == "internal" or m["snippet"] not in turn.text:
                problems.append(f"{path}:{m['line']} {m['snippet']!r}: {turn}")
    return problems
