"""Sales calls: WebVTT, SRT, JSON and plain-text transcripts read into :class:`Call` objects.

Every turn and sentence keeps the line and column of the call file where its text starts, so that
findings and objection mentions point at something a person can open. Markup (voice and styling
tags, ``{vocalsound}``-style annotations, HTML entities, JSON escapes) is cleaned out of the text,
while positions still point at the original characters: the clean text of a turn carries a sparse
map back to the file.

Standard library only, so that commands which never touch a call stay fast to start.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path, PurePath
from typing import Any

from knowledge.errors import CanonError
from knowledge.model import Call, Finding, Sentence, Turn
from knowledge.settings import CallSettings, Settings

from ._markdown import AS_CP1252
from .limits import MAX_CALL_BYTES, MAX_LINE_CHARS, capped, read_or_refusal, refusal

__all__ = [
    "CALL_SUFFIXES",
    "CallParseError",
    "decode_call_bytes",
    "find_call_files",
    "load_calls",
    "parse_call",
    "read_call_file",
    "split_sentences",
]

CALL_SUFFIXES = (".json", ".srt", ".txt", ".vtt")

JSON_SHAPES = (
    '{"parties": [{"speakerId", "name", "affiliation"}], "transcript": [{"speakerId", '
    '"sentences": [{"start", "text"}]}]}; a list of turns or {"turns": [...]}, each '
    '{"speaker", "text", "start"?, "role"?}; {"meeting_transcripts": [{"speaker", "content"}]}'
)


class CallParseError(CanonError):
    """A call file that cannot be read as a transcript; ``line`` and ``column`` say where."""

    code = "invalid_call"
    http_status = 422

    def __init__(self, message: str, *, line: int = 1, column: int = 1, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.line = line
        self.column = column

    @property
    def finding_message(self) -> str:
        """What is wrong and what to do, without the position (a finding carries that itself)."""
        return f"{self.message}; {self.hint}" if self.hint else self.message

    def __str__(self) -> str:
        return f"line {self.line}: {self.finding_message}"


# --------------------------------------------------------------------------------------------
# Reading files


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _binary_error() -> CallParseError:
    return CallParseError(
        "this is a binary file, not a transcript",
        hint="export the call as WebVTT, SRT, JSON or plain text (UTF-8) and move other files out of the calls folder",
    )


def decode_call_bytes(data: bytes) -> str:
    """The text of a call file: a BOM picks the encoding, else UTF-8, with the bytes that are not
    UTF-8 read as Windows-1252 (a superset of Latin-1), as an entry's are.

    Raises :class:`CallParseError` for binary content (NUL or many control bytes), and for a file
    that :func:`read_call_file` refused (with the reason).
    """
    refused = refusal(data)
    if refused is not None:
        raise CallParseError(refused)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:8192]
    if b"\x00" in data or len(_CONTROL.findall(head.decode("latin-1"))) > max(8, len(head) // 100):
        raise _binary_error()
    return data.decode("utf-8", errors=AS_CP1252)


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise _binary_error()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class _Lines:
    """Line starts of a text, to turn offsets into 1-based (line, column)."""

    __slots__ = ("lines", "starts")

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts = list(accumulate((len(line) + 1 for line in self.lines[:-1]), initial=0))

    def at(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1


# --------------------------------------------------------------------------------------------
# Clean text with a map back to the file


class _Source:
    """A piece of the file's text as decoded (a cue line, a JSON string), with where it lies.

    ``dec``/``raw`` are anchors for JSON strings with escapes: decoded offset -> file offset, linear
    between anchors. Without escapes the piece is verbatim from ``base``.
    """

    __slots__ = ("text", "base", "dec", "raw")

    def __init__(self, text: str, base: int, dec: list[int] | None = None, raw: list[int] | None = None) -> None:
        self.text = text
        self.base = base
        self.dec = dec
        self.raw = raw

    def pos(self, k: int) -> int:
        if self.dec is None or self.raw is None:
            return self.base + k
        i = bisect_right(self.dec, k) - 1
        return self.raw[i] + (k - self.dec[i])


_ANNOTATIONS = (
    "laughter|laughs|laughing|inaudible|crosstalk|cross-talk|music|silence|applause|noise|"
    "background noise|pause|unintelligible|indiscernible|overlapping|overlapping speech|coughs?|sighs?"
)
_MARKUP = re.compile(
    # {vocalsound} {disfmarker} {gap}, {\an8} (subtitle overrides), [laughter], (inaudible)
    r"(?P<ann>\s*(?:\{\\[^{}]*\}|\{[^\W\d][\w \-]{0,30}\}|[\[(](?:" + _ANNOTATIONS + r")[\])])\s*)"
    # the space in "project ." (tokenised transcripts)
    r"|(?P<punct>\s+(?=[,.!?;:]+(?:\s|$)))"
    r"|(?P<ws>\s{2,}|[^\S ])"
    r"|(?P<tag></?(?:v|c|i|b|u|ruby|rt|lang|font|span|em|strong|br)(?:[.\s][^<>]*)?/?>"
    r"|<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>)"
    r"|(?P<ent>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});)"
    r"|(?P<zw>[\u200b-\u200f\u2060\ufeff])",
    re.IGNORECASE,
)
_PUNCT = frozenset(",.!?;:")
_SPACED_PUNCT = re.compile(r" [,.!?;:]")


def _plain(text: str) -> bool:
    """True when ``text`` holds nothing ``_MARKUP`` would touch (cheaper than searching for it)."""
    return (text.isprintable()  # no tabs, newlines, odd spaces or zero-width characters
            and "{" not in text and "<" not in text and "&" not in text and "[" not in text
            and "(" not in text and "  " not in text
            and _SPACED_PUNCT.search(text) is None)
_LEADING_PUNCT = re.compile(r"[,;:.\u2026]+(?:\s+|$)")


class _Text:
    """The clean text of one turn, built piece by piece, with a map from its characters to the file."""

    __slots__ = ("parts", "size", "at", "anchors", "space", "last_space", "breaks", "brk", "marks", "mark")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        # anchors: clean offset ``at[i]`` -> (source, offset in source, linear after it?)
        self.at: list[int] = []
        self.anchors: list[tuple[_Source, int, bool]] = []
        self.space = False  # a space is owed before the next text
        self.last_space = True  # nothing yet, or the text ends with a space
        self.breaks: list[int] = []  # forced sentence boundaries
        self.brk = False
        self.marks: list[tuple[int, float]] = []  # clean offset -> start time (s)
        self.mark: float | None = None

    def _emit(self, s: str, src: _Source, off: int, lin: bool = True) -> None:
        if self.last_space:
            n = len(s) - len(s.lstrip())
            if not self.size and (m := _LEADING_PUNCT.match(s, n)):  # ", I get the idea" after a cut
                n = m.end()
            if n == len(s):
                return
            s = s[n:]
            if lin:
                off += n
        elif self.space and not s[0].isspace():
            if not (s[0] in _PUNCT and not s.split(None, 1)[0].strip(",.!?;:")):
                self._anchor(src, off, False)
                self.parts.append(" ")
                self.size += 1
        self.space = False
        if self.brk:
            self.breaks.append(self.size)
            self.brk = False
        if self.mark is not None:
            self.marks.append((self.size, self.mark))
            self.mark = None
        self._anchor(src, off, lin)
        self.parts.append(s)
        self.size += len(s)
        self.last_space = s[-1].isspace()

    def _anchor(self, src: _Source, off: int, lin: bool) -> None:
        self.at.append(self.size)
        self.anchors.append((src, off, lin))

    def feed(self, src: _Source, *, start: float | None = None, new_sentence: bool = False) -> None:
        """Append a piece of the file, cleaning markup out of it."""
        if self.size:
            self.space = True
            if new_sentence:
                self.brk = True
        if start is not None:
            self.mark = start
        text = src.text
        if not text:
            return
        if _plain(text):
            self._emit(text, src, 0)
            return
        pos = 0
        for m in _MARKUP.finditer(text):
            a = m.start()
            if a > pos:
                self._emit(text[pos:a], src, pos)
            pos = m.end()
            kind = m.lastgroup
            if kind in ("ann", "ws"):
                self.space = True
            elif kind == "punct":
                self.space = False
            elif kind == "tag":
                if m.group().lower().startswith("<br"):
                    self.space = True
            elif kind == "ent":
                raw = m.group()
                val = html.unescape(raw)
                if val == raw:
                    self._emit(raw, src, a)
                elif val.isspace():
                    self.space = True
                elif not _MARKUP.fullmatch(val):  # &lrm; and friends are dropped
                    self._emit(val, src, a, lin=False)
        if pos < len(text):
            self._emit(text[pos:], src, pos)

    def text(self) -> str:
        return "".join(self.parts).rstrip()

    def file_pos(self, k: int) -> int:
        i = bisect_right(self.at, k) - 1
        src, off, lin = self.anchors[i]
        return src.pos(off + (k - self.at[i]) if lin else off)

    def time_at(self, k: int) -> float | None:
        if not self.marks:
            return None
        i = bisect_right(self.marks, (k, float("inf"))) - 1
        return self.marks[max(i, 0)][1]


# --------------------------------------------------------------------------------------------
# Sentences

_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
# Words after which a period does not end a sentence even before a capital ("Dr. Chen").
_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof sr jr st mt vs v e.g i.e cf approx dept fig gen gov lt col capt sgt rev hon "
    "messrs mmes ph.d".split()
)


_WORD = re.compile(r"[^\W_]")


def _push(spans: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        spans.append((a, b))


def _is_boundary(text: str, m: re.Match[str], hi: int) -> bool:
    k = m.end()
    while k < hi and text[k].isspace():
        k += 1
    if k >= hi:
        return False
    nxt = text[k]
    punct = m.group().rstrip("\"'\u201d\u2019)]")
    if "?" in punct or "!" in punct:
        return True
    if nxt.islower():
        return False  # "e.g. the", "etc. and", "... and then"
    if punct == ".":
        start = text.rfind(" ", 0, m.start()) + 1
        word = text[start:m.start()].lstrip("(\"'\u201c\u2018[")
        low = word.lower()
        if low in _ABBREVIATIONS or (low == "no" and nxt.isdigit()):
            return False
        if len(word) == 1 and word.isupper():
            return False  # an initial: "J. Smith"
    return True


def split_sentences(text: str, breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; ``breaks`` are boundaries already known.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by a space, except after an
    abbreviation ("e.g.", "Dr."), an initial, or before a lower-case word. "$3.40" and "2.5x" hold
    no space, so they never split.
    """
    n = len(text)
    edges = [0, *sorted(b for b in breaks if 0 < b < n), n] if breaks else [0, n]
    spans: list[tuple[int, int]] = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        start = lo
        for m in _END.finditer(text, lo, hi):
            if _is_boundary(text, m, hi):
                _push(spans, text, start, m.end())
                start = m.end()
        _push(spans, text, start, hi)
    if all(text[a].isalnum() for a, _ in spans):
        return spans
    # A piece with no word in it ("?" after a cut) belongs to the sentence before it.
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if not text[a].isalnum() and _WORD.search(text, a, b) is None:
            if out:
                out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


# --------------------------------------------------------------------------------------------
# Speakers and roles

_INTERNAL_ROLES = frozenset({"internal", "seller", "rep", "sales rep", "salesperson", "sales", "agent",
                             "host", "employee", "account executive", "ae", "sdr", "bdr"})
_EXTERNAL_ROLES = frozenset({"external", "prospect", "customer", "buyer", "client", "guest", "lead"})
_EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _role_of(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    v = " ".join(value.replace("_", " ").replace("-", " ").split()).casefold()
    if v in _INTERNAL_ROLES:
        return "internal"
    if v in _EXTERNAL_ROLES:
        return "external"
    return None


class _Draft:
    __slots__ = ("key", "speaker", "role", "text")

    def __init__(self, key: str, speaker: str, role: str | None) -> None:
        self.key = key
        self.speaker = speaker
        self.role = role
        self.text = _Text()


class _Assembler:
    """Collects the pieces a format parser finds into turns, one speaker at a time."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.names: dict[str, str] = {}  # normalised name -> first spelling
        self.file_roles: dict[str, str] = {}  # normalised name -> role the file gives
        self.aliases: dict[str, set[str]] = {}  # normalised name -> ids, e-mails

    def speaker(self, name: str, *, role: str | None = None, aliases: Iterable[str] = ()) -> str:
        """Register a speaker; returns its key ("" for an unnamed one)."""
        shown = " ".join(name.split())
        key = shown.casefold()
        if key and key not in self.names:
            self.names[key] = shown
        if role is not None and key:
            self.file_roles.setdefault(key, role)
        extra = [a for a in aliases if a]
        if extra:
            self.aliases.setdefault(key, set()).update(extra)
        return key

    def add(self, name: str, src: _Source, *, start: float | None = None, role: str | None = None,
            new_sentence: bool = True, aliases: Iterable[str] = ()) -> None:
        """A piece said by ``name``: joins the current turn when the same named speaker goes on."""
        key = self.speaker(name, role=role, aliases=aliases)
        cur = self.drafts[-1] if self.drafts else None
        if cur is None or not key or cur.key != key or (role and cur.role and role != cur.role):
            cur = _Draft(key, self.names.get(key, ""), role)
            self.drafts.append(cur)
            new_sentence = False
        elif role and not cur.role:
            cur.role = role
        cur.text.feed(src, start=start, new_sentence=new_sentence)

    def extend(self, src: _Source, *, start: float | None = None, new_sentence: bool = False) -> None:
        """A continuation of whatever turn is open (an unnamed one if none is)."""
        if not self.drafts:
            self.drafts.append(_Draft("", "", None))
        self.drafts[-1].text.feed(src, start=start, new_sentence=new_sentence)

    def open(self, name: str, *, start: float | None = None) -> None:
        """A speaker header with its text on the lines that follow."""
        key = self.speaker(name)
        cur = self.drafts[-1] if self.drafts else None
        if cur is None or not key or cur.key != key:
            cur = _Draft(key, self.names.get(key, ""), None)
            self.drafts.append(cur)
        else:
            cur.text.brk = True
        if start is not None:
            cur.text.mark = start

    def paragraph(self) -> None:
        if self.drafts:
            self.drafts[-1].text.brk = True

    def finish(self, settings: CallSettings, lines: _Lines) -> tuple[list[Turn], bool]:
        internal_names = {_norm(s) for s in settings.internal_speakers if s.strip()}
        domains = {d.strip().lstrip("@").casefold() for d in settings.internal_domains if d.strip()}
        configured = bool(internal_names or domains)
        file_says_internal = "internal" in self.file_roles.values() or any(
            d.role == "internal" for d in self.drafts)
        roles_known = configured or bool(self.file_roles) or any(d.role for d in self.drafts)
        default = "external" if (configured or file_says_internal) else "unknown"

        def by_settings(key: str) -> str | None:
            if not configured:
                return None
            if key in internal_names:
                return "internal"
            for ident in (key, *self.aliases.get(key, ())):
                if _norm(ident) in internal_names:
                    return "internal"
                for m in _EMAIL.finditer(ident):
                    dom = m.group(1).casefold()
                    if any(dom == d or dom.endswith("." + d) for d in domains):
                        return "internal"
            return None

        resolved: dict[str, str] = {}
        turns: list[Turn] = []
        for d in self.drafts:
            text = d.text.text()
            if not text:
                continue
            if not d.key:
                role = d.role or "unknown"
            else:
                if d.key not in resolved:
                    resolved[d.key] = self.file_roles.get(d.key) or by_settings(d.key) or default
                role = d.role or resolved[d.key]
            sentences = []
            for a, b in split_sentences(text, d.text.breaks):
                line, col = lines.at(d.text.file_pos(a))
                sentences.append(Sentence(text=text[a:b], line=line, column=col, start=d.text.time_at(a),
                                          lines=_line_changes(d.text, lines, a, b, line)))
            if not sentences:
                continue
            turns.append(Turn(speaker=self.names.get(d.key, d.speaker), text=text, line=sentences[0].line,
                              role=role, start=d.text.time_at(0), sentences=sentences))
        return turns, roles_known


# --------------------------------------------------------------------------------------------
# Time stamps

_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")


def _line_changes(text: _Text, lines: _Lines, a: int, b: int, line: int) -> tuple[tuple[int, int, int], ...]:
    """Where the sentence ``text[a:b]`` goes on on another line of the file: (offset in the sentence,
    line, column), so that a figure in it points at its own cue, not at the cue the sentence began in."""
    out: list[tuple[int, int, int]] = []
    last: tuple[int, int, int] | None = None  # the last jump recorded: columns run on from it
    for k in text.at[bisect_right(text.at, a):bisect_left(text.at, b)]:
        ln, col = lines.at(text.file_pos(k))
        if ln == line and not out:
            continue
        if last is None or (ln, col) != (last[1], last[2] + k - a - last[0]):
            last = (k - a, ln, col)
            out.append(last)
    return tuple(out)


def _clock(value: str) -> float | None:
    """Seconds in "01:02:03.500", "1:02", "00:00:03,5" (or "12.5", written as a string)."""
    m = _CLOCK.match(value)
    if m is None:
        try:
            secs = float(value)
        except ValueError:
            return None
        return secs if math.isfinite(secs) and secs >= 0 else None
    h, mi, s, frac = m.groups()
    secs = int(h or 0) * 3600 + int(mi) * 60 + int(s)
    return secs + (int(frac) / 10 ** len(frac) if frac else 0.0)


# --------------------------------------------------------------------------------------------
# Speaker labels in text ("Maya Patel: ...")

_PARTICLES = frozenset("van von der den de da del della di du la le bin bint al el y ten ter".split())
# Labels that open a line like a speaker name but are not one.
_NOT_NAMES = frozenset({
    "note", "notes", "nb", "n.b", "ps", "p.s", "example", "examples", "e.g", "summary", "agenda",
    "subject", "re", "fwd", "update", "warning", "important", "tip", "source", "sources", "step",
    "action items", "next steps", "todo", "to do", "fyi", "edit", "date", "time", "title", "topic",
    "attendees", "participants", "transcript", "recording", "meeting", "location", "duration",
    "http", "https", "mailto", "ftp", "also", "so", "and", "but", "well", "okay", "ok", "yes", "no",
    "question", "answer", "result", "results", "goal", "goals", "price", "pricing", "cost", "total",
    "option", "options", "reason", "problem", "issue", "because", "plus", "bottom line", "one",
    "two", "three", "first", "second", "third", "finally", "basically", "honestly", "look", "listen",
})
_NAME_TOKEN = re.compile(r"^[\w'\u2019.&-]+$")


@lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    name = name.strip()
    if not name or len(name) > 60:
        return False
    if _EMAIL.fullmatch(name):
        return True
    if name.casefold().rstrip(".") in _NOT_NAMES:
        return False
    tokens = name.split()
    if len(tokens) > 5:
        return False
    if all(t.replace(".", "").isdigit() for t in tokens):
        return False
    for i, tok in enumerate(tokens):
        if not _NAME_TOKEN.match(tok):
            return False
        c = tok[0]
        if not (c.isupper() or c.isdigit() or (i > 0 and tok.casefold() in _PARTICLES)):
            return False
    return True


_TS = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
_NAME = r"(?P<name>[^\s:\[\](){}<>][^:\[\](){}<>]{0,59}?)"
_LEADING_MARKUP = r"(?:\{\\[^{}]*\}|</?[A-Za-z][^<>]*>)*"  # "{\an8}", "<i>" before the name
_PREFIX = re.compile(
    rf"^[ \t]*{_LEADING_MARKUP}[ \t]*(?:>>|[-\u2013\u2014])?[ \t]*{_NAME}[ \t]*(?:[\[(](?P<ts2>{_TS})[\])]|\([^()]{{1,40}}\))?[ \t]*:(?=\s|$)[ \t]*"
)
_TXT_TURN = re.compile(
    rf"^[ \t]*(?:[\[(]?(?P<ts>{_TS})[\])]?[ \t]*(?:[-\u2013\u2014|][ \t]*)?)?{_NAME}[ \t]*"
    rf"(?:[\[(](?P<ts2>{_TS})[\])]|\([^()]{{1,40}}\))?[ \t]*:(?=\s|$)[ \t]*"
)
# "Maya Patel  0:02" on a line of its own, the text below it (Otter and similar exports).
_TXT_HEADER = re.compile(rf"^[ \t]*{_NAME}[ \t]*(?:\((?P<ts>{_TS})\)|\[(?P<ts2>{_TS})\]|[ \t](?P<ts3>{_TS}))[ \t]*$")
# A time stamp opening a line of text: bracketed, or a full h:mm:ss (a bare "10:30" may be prose).
_TS_LINE = re.compile(
    rf"^[ \t]*(?:[\[(](?P<ts>{_TS})[\])]|(?P<ts2>\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d{{1,3}})?)(?=\s|$))"
    rf"[ \t]*(?:[-\u2013\u2014|][ \t]*)?"
)


# A diariser's label with no name behind it: "[SPEAKER_00] text" (WhisperX, pyannote), after an
# optional "[00:01:23]"; its ``ts2`` group never matches, so that it reads like the patterns above.
_DIARISED = re.compile(rf"^[ \t]*(?:\[(?P<ts>{_TS})\][ \t]*)?\[(?P<name>SPEAKER[_ ]?\d{{1,3}})\](?P<ts2>(?!))?[ \t]*:?[ \t]*")


def _prefix(line: str, pattern: re.Pattern[str] = _PREFIX) -> re.Match[str] | None:
    """The speaker label that opens ``line`` ("Name:" as ``pattern`` reads it, or a diariser's
    "[SPEAKER_00]"), or ``None``."""
    m = pattern.match(line)
    if m is not None and _is_name(m.group("name")):
        return m
    return _DIARISED.match(line) if "[SPEAKER" in line[:40] else None


# --------------------------------------------------------------------------------------------
# WebVTT and SRT

_TIMING = re.compile(rf"^\s*(?P<start>{_TS})\s*-->")
_CUE_TIME = re.compile(r"^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d{1,3}))?$")


def _cue_seconds(value: str) -> float | None:
    """A cue time ("01:02:03.500", "02:03,5"): ``None`` unless minutes and seconds are below 60."""
    m = _CUE_TIME.match(value)
    if m is None:
        return None
    h, mi, sec, frac = m.groups()
    if int(mi) >= 60 or int(sec) >= 60:
        return None
    return int(h or 0) * 3600 + int(mi) * 60 + int(sec) + (int(frac) / 10 ** len(frac) if frac else 0.0)


def _timing(line: str, number: int, problems: list[tuple[int, str]]) -> float | None:
    """The start of a cue timing line ("00:01.000 --> 00:04.000 align:start"); a timing that cannot be
    (garbage, minutes or seconds of 60 and more, an end before the start) is reported and the
    cue's text kept without a time."""
    left, _, right = line.partition("-->")
    start_text = left.strip()
    end_text = (right.split() or [""])[0]
    start, end = _cue_seconds(start_text), _cue_seconds(end_text)
    if start is None or end is None:
        bad = start_text if start is None else end_text
        problems.append((number, f"cue timing {' '.join(line.split())[:80]!r} on line {number} is not a valid "
                         f"time ({bad[:40]!r}: write hh:mm:ss.ttt, minutes and seconds below 60); the cue's "
                         "text was read without a time"))
        return None
    if end < start:
        problems.append((number, f"cue timing on line {number} ends ({end_text}) before it starts ({start_text}); "
                         "the cue's text was read without a time; fix the export"))
        return None
    return start
_BLOCK_KEYWORD = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
_CUE_ID = re.compile(r"^\S*\d\S*$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
_LEAD = re.compile(r"^[ \t]*(?:>>|[-\u2013\u2014](?=[ \t]))?[ \t]*")


def _parse_cues(lines: _Lines, asm: _Assembler, vtt: bool, problems: list[tuple[int, str]] | None = None) -> str:
    """WebVTT and SRT: blocks split by blank lines, each an optional id, a timing line and text.

    Lenient the way real exports need: a missing header, cues that lost their blank line or their
    timing, comma or dot before the milliseconds, NOTE/STYLE/REGION blocks (WebVTT).
    """
    L, starts = lines.lines, lines.starts
    n = len(L)
    i = 0
    title = ""
    problems = [] if problems is None else problems
    if L and L[0].lstrip("\ufeff").startswith("WEBVTT"):
        title = L[0].lstrip("\ufeff")[6:].strip(" \t-:")
        i = 1
        while i < n and L[i].strip() and "-->" not in L[i]:  # "Kind: captions", up to a blank line
            i += 1
    speaker = ""  # a cue without a label goes on with the last named speaker
    prev_last: str | None = None
    while i < n:
        if not L[i].strip():
            i += 1
            continue
        j = i
        k = i
        while k < n and L[k].strip():
            k += 1
        i = k
        if vtt and _BLOCK_KEYWORD.match(L[j]):
            continue
        t = next((x for x in range(j, min(j + 3, k)) if "-->" in L[x]), None)
        start: float | None = None
        if t is not None:
            start = _timing(L[t], t + 1, problems)
            body = range(t + 1, k)
        elif k - j > 1 and _CUE_ID.match(L[j].strip()):
            body = range(j + 1, k)
        else:
            body = range(j, k)
        cue_lines: list[int] = []
        for x in body:
            line = L[x]
            timing = _TIMING.match(line) if "-->" in line else None
            if timing is not None:  # a cue that lost its blank line
                speaker, prev_last = _cue(L, starts, cue_lines, start, speaker, prev_last, asm)
                cue_lines = []
                start = _timing(line, x + 1, problems)
                continue
            if line.strip().isdigit() and x + 1 < k and "-->" in L[x + 1]:
                continue
            cue_lines.append(x)
        speaker, prev_last = _cue(L, starts, cue_lines, start, speaker, prev_last, asm)
    return title


def _cue(L: list[str], starts: list[int], cue_lines: list[int], start: float | None, speaker: str,
         prev_last: str | None, asm: _Assembler) -> tuple[str, str | None]:
    """Feed one cue's text lines; returns the speaker who goes on and the cue's last line."""
    if not cue_lines:
        return speaker, prev_last
    if len(cue_lines) > 1 and L[cue_lines[0]] == prev_last:
        cue_lines = cue_lines[1:]  # roll-up captions repeat the previous cue's last line
    for x in cue_lines:
        line, base = L[x], starts[x]
        pieces: list[tuple[str, int, int]] = []  # (speaker, from, to) within the line
        voices = list(_VOICE.finditer(line)) if "<v" in line else []
        if voices:
            if line[: voices[0].start()].strip():
                pieces.append((speaker, 0, voices[0].start()))
            for v_i, v in enumerate(voices):
                speaker = " ".join((v.group("name") or "").split())
                end = voices[v_i + 1].start() if v_i + 1 < len(voices) else len(line)
                if line.endswith("</v>", v.end(), end):  # so that the common cue needs no cleaning
                    end -= 4
                pieces.append((speaker, v.end(), end))
        else:
            m = _prefix(line)
            if m is not None:
                speaker = m.group("name")
                pieces.append((speaker, m.end(), len(line)))
            else:
                lead = _LEAD.match(line)
                pieces.append((speaker, lead.end() if lead else 0, len(line)))
        for who, a, b in pieces:
            asm.add(who, _Source(line[a:b], base + a), start=start, new_sentence=False)
    return speaker, L[cue_lines[-1]]


# --------------------------------------------------------------------------------------------
# Plain text


# Google Meet's transcript opens with a title line ("Summit Charter intro (07/12/2026 at 10:00
# GMT-4) - Transcript"), "Attendees" with the names on the line after it, and "Transcript".
_MEET_TITLE = re.compile(r"^[ \t]*(?P<title>\S.*?)[ \t]+[-\u2013\u2014][ \t]+Transcript[ \t]*$")
_MEET_LABELS = frozenset({"attendees", "transcript"})


def _meet_header(L: list[str]) -> tuple[str, int]:
    """The title of a Google Meet transcript and how many lines its header takes (``("", 0)`` when
    the file does not open like one), so that the title, "Attendees", the names under it and
    "Transcript" are not read as a speakerless turn. Names listed under "Attendees" say nothing of
    who is the seller, so they are left unread."""
    rows = [(x, r.strip()) for x, r in enumerate(L[:40]) if r.strip()]
    if len(rows) < 2 or (m := _MEET_TITLE.match(rows[0][1])) is None or rows[1][1].casefold() not in _MEET_LABELS:
        return "", 0
    end = rows[0][0] + 1
    k = 1
    while k < len(rows) and rows[k][1].casefold() in _MEET_LABELS:
        end = rows[k][0] + 1
        if rows[k][1].casefold() == "attendees" and k + 1 < len(rows) and _prefix(L[rows[k + 1][0]], _TXT_TURN) is None:
            k += 1  # the names
            end = rows[k][0] + 1
        k += 1
    return m.group("title"), end


def _parse_txt(lines: _Lines, asm: _Assembler) -> str:
    """Plain text: "Name: text" per line or paragraph, "[00:01:23] Name: text", or a "Name  0:02"
    header line with the text below; any other line goes on with the turn before it. A Google Meet
    header (:func:`_meet_header`) gives the title and is not read as words of the call."""
    L, starts = lines.lines, lines.starts
    title, skip = _meet_header(L)
    prev_blank = True
    named = False
    for x, line in enumerate(L):
        if x < skip:
            continue
        if not line.strip():
            prev_blank = True
            asm.paragraph()
            continue
        base = starts[x]
        m = _prefix(line, _TXT_TURN)
        if m is not None:
            ts = m.group("ts") or m.group("ts2")
            asm.add(m.group("name"), _Source(line[m.end():], base + m.end()), start=_clock(ts) if ts else None)
            named = True
        elif prev_blank and (h := _TXT_HEADER.match(line)) is not None and _is_name(h.group("name")):
            ts = h.group("ts") or h.group("ts2") or h.group("ts3")
            asm.open(h.group("name"), start=_clock(ts) if ts else None)
            named = True
        else:
            t = _TS_LINE.match(line)
            ts_text = (t.group("ts") or t.group("ts2")) if t else None
            a = t.end() if t else 0
            asm.extend(_Source(line[a:], base + a), start=_clock(ts_text) if ts_text else None)
        prev_blank = False
    if not named:
        raise CallParseError(
            "no line starts with a speaker name",
            hint='write one turn per line or paragraph as "Name: text" (optionally "[00:01:23] Name: text")',
        )
    return title


# --------------------------------------------------------------------------------------------
# JSON, with the position of every string that matters


class _JStr(str):
    pos: int = 0  # offset of the opening quote
    end: int = 0  # offset after the closing quote


class _JDict(dict[str, Any]):
    pos: int = 0


class _JList(list[Any]):
    pos: int = 0


class _BadJSON(Exception):
    pass


_JWS = re.compile(r"[ \t\n\r]*")
_BLANK = frozenset(" \t\n\r")
_SCAN = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # the C scanner: builds plain values for what we do not need

_SPEAKER_KEYS = ("speaker", "speaker_name", "speakerName", "name", "participant", "user")
_TEXT_KEYS = ("text", "content", "utterance", "transcript")
_START_KEYS = ("start", "start_time", "startTime", "begin", "offset", "timestamp", "time")
_MS_KEYS = ("start_ms", "startMs", "start_time_ms", "startTimeMs", "offset_ms")
_ROLE_KEYS = ("role", "affiliation", "speaker_role", "speakerRole", "side")
_ID_KEYS = ("speakerId", "speaker_id", "email", "emailAddress", "speaker_email", "userId", "id")
_TURN_LISTS = ("turns", "utterances", "segments", "transcript", "monologues")
# Keys whose values are read with positions; everything else is skipped at C speed.
_LOCATED_KEYS = frozenset((
    "parties", "transcript", "callTranscripts", "turns", "utterances", "segments", "monologues",
    "meeting_transcripts", "sentences", *_SPEAKER_KEYS, *_TEXT_KEYS,
))


def _ws(s: str, i: int) -> int:
    """Offset of the first non-blank character at or after ``i``."""
    if s[i:i + 1] not in _BLANK:
        return i
    m = _JWS.match(s, i)
    return m.end() if m else i


def _jvalue(s: str, i: int) -> tuple[Any, int]:
    c = s[i:i + 1]
    if c == '"':
        v, end = scanstring(s, i + 1, True)
        js = _JStr(v)
        js.pos, js.end = i, end
        return js, end
    if c == "{":
        obj = _JDict()
        obj.pos = i
        i = _ws(s, i + 1)
        if s[i:i + 1] == "}":
            return obj, i + 1
        while True:
            if s[i:i + 1] != '"':
                raise _BadJSON
            key, i = scanstring(s, i + 1, True)
            i = _ws(s, i)
            if s[i:i + 1] != ":":
                raise _BadJSON
            i = _ws(s, i + 1)
            if key in _LOCATED_KEYS:
                obj[key], i = _jvalue(s, i)
            else:
                try:
                    obj[key], i = _SCAN(s, i)
                except StopIteration:
                    raise _BadJSON from None
            i = _ws(s, i)
            c = s[i:i + 1]
            if c == ",":
                i = _ws(s, i + 1)
            elif c == "}":
                return obj, i + 1
            else:
                raise _BadJSON
    if c == "[":
        arr = _JList()
        arr.pos = i
        i = _ws(s, i + 1)
        if s[i:i + 1] == "]":
            return arr, i + 1
        while True:
            v, i = _jvalue(s, i)
            arr.append(v)
            i = _ws(s, i)
            c = s[i:i + 1]
            if c == ",":
                i = _ws(s, i + 1)
            elif c == "]":
                return arr, i + 1
            else:
                raise _BadJSON
    try:
        return _SCAN(s, i)  # type: ignore[no-any-return]
    except StopIteration:
        raise _BadJSON from None


def _located_json(text: str, lines: _Lines) -> Any:
    try:
        i = _ws(text, 0)
        root, i = _jvalue(text, i)
        if _ws(text, i) != len(text):
            raise _BadJSON
        return root
    except (_BadJSON, ValueError, IndexError, RecursionError) as exc:
        nested = isinstance(exc, RecursionError)
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        body = text.strip()
        if not text[err.pos:].strip():  # the error is the end of the file: point at its last line
            line, column = lines.at(len(text.rstrip()))
            raise CallParseError("the JSON ends early (the export looks truncated)", line=line, column=column,
                                 hint="export the call again") from None
        if body[:1] in "{[" and body[-1:] not in "}]":
            raise CallParseError(f"the JSON ends early (the export looks truncated): {err.msg}",
                                 line=err.lineno, column=err.colno, hint="export the call again") from None
        raise CallParseError(f"not valid JSON: {err.msg}", line=err.lineno, column=err.colno,
                             hint="fix the JSON at that line, or export the call again") from None
    except RecursionError:
        nested = True
    if nested:
        raise CallParseError("the JSON is nested too deeply to be a transcript",
                             hint=f"accepted shapes: {JSON_SHAPES}")
    raise CallParseError("the JSON could not be read", hint="export the call again")


_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")


def _jsource(doc: str, js: _JStr) -> _Source:
    """Where each character of a JSON string value lies in the file, escapes included."""
    start = js.pos + 1
    stop = js.end - 1
    if doc.find("\\", start, stop) < 0:
        return _Source(str(js), start)
    dec = [0]
    raw = [start]
    d = 0
    r = start
    for m in _ESCAPE.finditer(doc, start, stop):
        d += m.start() - r
        dec += [d, d + 1]
        raw += [m.start(), m.end()]
        d += 1
        r = m.end()
    if d + (stop - r) != len(js):  # cannot happen for valid JSON; keep the start exact anyway
        return _Source(str(js), start)
    return _Source(str(js), start, dec, raw)


def _line_of(node: Any, lines: _Lines) -> int:
    return lines.at(getattr(node, "pos", 0))[0]


def _first(d: dict[str, Any], keys: Sequence[str]) -> tuple[str | None, Any]:
    for k in keys:
        if k in d:
            return k, d[k]
    return None, None


def _scale(values: list[float], prefer_ms: bool) -> float:
    """1/1000 when numeric start times are in milliseconds, else 1."""
    if not values or any(v != int(v) for v in values):
        return 1.0
    if prefer_ms:
        return 0.001
    if len(values) == 1:
        return 0.001 if values[0] >= 36000 else 1.0
    gaps = sorted(b - a for a, b in zip(values, values[1:], strict=False) if b > a)
    if not gaps:
        return 0.001 if max(values) >= 36000 else 1.0
    return 0.001 if gaps[len(gaps) // 2] >= 200 else 1.0


def _start_value(d: dict[str, Any]) -> tuple[Any, bool]:
    for k in _MS_KEYS:
        if isinstance(d.get(k), int | float):
            return d[k], True
    _, v = _first(d, _START_KEYS)
    return v, False


def _starts(items: list[dict[str, Any]], prefer_ms: bool) -> list[float | None]:
    raw = [_start_value(d) for d in items]
    raw = [(None, ms) if isinstance(v, bool) or (isinstance(v, float) and not math.isfinite(v)) else (v, ms)
           for v, ms in raw]
    numeric = [float(v) for v, ms in raw if isinstance(v, int | float) and not ms]
    scale = _scale(numeric, prefer_ms)
    out: list[float | None] = []
    for v, ms in raw:
        if v is None:
            out.append(None)
        elif isinstance(v, int | float):
            out.append(round(float(v) * (0.001 if ms else scale), 3))
        elif isinstance(v, str):
            out.append(_clock(v))
        else:
            out.append(None)
    return out


def _text_of(item: dict[str, Any], what: str, lines: _Lines) -> _JStr | None:
    key, val = _first(item, _TEXT_KEYS)
    if key is None:
        raise CallParseError(f"{what} has no \"text\"", line=_line_of(item, lines),
                             hint=f"give every turn its words as \"text\"; accepted shapes: {JSON_SHAPES}")
    if val is None:
        return None
    if isinstance(val, str) and not isinstance(val, _JStr):  # read without positions: point at the turn
        js = _JStr(val)
        js.pos = getattr(item, "pos", 0)
        js.end = js.pos
        return js
    if not isinstance(val, _JStr):
        raise CallParseError(f"{what}: \"{key}\" is a {type(val).__name__}, not a string",
                             line=_line_of(val if hasattr(val, "pos") else item, lines),
                             hint="write the words of each turn as one string")
    return val


def _name_of(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, dict):  # {"speaker": {"name": ..., "email": ...}}
        return _name_of(value.get("name") or value.get("email") or value.get("id"))
    return ""


def _json_turns(doc: str, items: Any, lines: _Lines, asm: _Assembler, label: str) -> None:
    if not isinstance(items, list):
        raise CallParseError(f'"{label}" is not a list of turns', line=_line_of(items, lines),
                             hint=f"accepted shapes: {JSON_SHAPES}")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise CallParseError(f"turn {n} is a {type(item).__name__}, not an object",
                                 line=_line_of(item, lines) if hasattr(item, "pos") else _line_of(items, lines),
                                 hint='write each turn as {"speaker": ..., "text": ...}')
    starts = _starts(items, prefer_ms=False)
    for n, (item, start) in enumerate(zip(items, starts, strict=True), 1):
        js = _text_of(item, f"turn {n}", lines)
        _, who = _first(item, _SPEAKER_KEYS)
        _, role = _first(item, _ROLE_KEYS)
        ids = [_name_of(item.get(k)) for k in _ID_KEYS]
        if js is None:
            asm.speaker(_name_of(who), role=_role_of(role), aliases=ids)
            continue
        asm.add(_name_of(who), _jsource(doc, js), start=start, role=_role_of(role), aliases=ids)


def _json_conversation(doc: str, root: dict[str, Any], transcript: list[Any], lines: _Lines,
                       asm: _Assembler) -> None:
    parties: dict[str, tuple[str, str | None, list[str]]] = {}
    raw_parties = root.get("parties")
    if isinstance(raw_parties, list):
        for p in raw_parties:
            if not isinstance(p, dict):
                continue
            ids = [_name_of(p.get(k)) for k in _ID_KEYS]
            name = _name_of(p.get("name")) or _name_of(p.get("emailAddress")) or _name_of(p.get("email"))
            role = _role_of(p.get("affiliation")) or _role_of(p.get("role"))
            for ident in ids:
                if ident:
                    parties.setdefault(ident, (name or ident, role, ids))
    for n, block in enumerate(transcript, 1):
        if not isinstance(block, dict):
            raise CallParseError(f"transcript item {n} is not an object", line=_line_of(transcript, lines),
                                 hint=f"accepted shapes: {JSON_SHAPES}")
        _, sid_value = _first(block, ("speakerId", "speaker_id", "speaker"))
        sid = _name_of(sid_value)
        name, role, ids = parties.get(sid, (sid, None, [sid]))
        sentences = block.get("sentences")
        if not isinstance(sentences, list):
            raise CallParseError(f'transcript item {n} has no "sentences" list', line=_line_of(block, lines),
                                 hint='give each item {"speakerId", "sentences": [{"start", "text"}]}')
        items = [s for s in sentences if isinstance(s, dict)]
        starts = _starts(items, prefer_ms=True)
        for m, (sent, start) in enumerate(zip(items, starts, strict=True), 1):
            js = _text_of(sent, f"sentence {m} of transcript item {n}", lines)
            if js is not None:
                asm.add(name, _jsource(doc, js), start=start, role=role, aliases=ids)
        if not items:
            asm.speaker(name, role=role, aliases=ids)


def _parse_json(text: str, lines: _Lines, asm: _Assembler) -> str:
    root = _located_json(text, lines)
    title = ""
    if isinstance(root, dict):
        t = root.get("title")
        meeting = root.get("meeting")
        if isinstance(t, str):
            title = t
        elif isinstance(meeting, dict) and isinstance(meeting.get("title"), str):
            title = meeting["title"]
    if isinstance(root, list):
        _json_turns(text, root, lines, asm, "turns")
        return title
    if isinstance(root, dict):
        if "meeting_transcripts" in root:
            _json_turns(text, root["meeting_transcripts"], lines, asm, "meeting_transcripts")
            return title
        transcript = root.get("transcript")
        wrapped = root.get("callTranscripts")
        if isinstance(wrapped, list):
            transcript = [b for c in wrapped if isinstance(c, dict) and isinstance(c.get("transcript"), list)
                          for b in c["transcript"]]
        if isinstance(transcript, list) and (
                "parties" in root or any(isinstance(b, dict) and "sentences" in b for b in transcript)):
            _json_conversation(text, root, transcript, lines, asm)
            return title
        for key in _TURN_LISTS:
            if isinstance(root.get(key), list):
                _json_turns(text, root[key], lines, asm, key)
                return title
    raise CallParseError("valid JSON, but not a call transcript in any accepted shape",
                         line=_line_of(root, lines), hint=f"accepted shapes: {JSON_SHAPES}")


# --------------------------------------------------------------------------------------------
# The public surface


def _format_of(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    head = text.lstrip()[:64]
    if suffix == ".txt" and head.startswith("WEBVTT"):
        return "vtt"
    if suffix in (".vtt", ".srt", ".json", ".txt"):
        return suffix[1:]
    if head.startswith("WEBVTT"):
        return "vtt"
    if head and head[0] in "{[":
        return "json"
    return "srt" if "-->" in text else "txt"


def _bound_lines(text: str, problems: list[tuple[int, str]]) -> str:
    """Blank every line over ``MAX_LINE_CHARS`` (VTT, SRT, plain text), reporting each."""
    if len(text) <= MAX_LINE_CHARS:
        return text
    rows = text.split("\n")
    if max(len(r) for r in rows) <= MAX_LINE_CHARS:
        return text
    for i, row in enumerate(rows):
        if len(row) > MAX_LINE_CHARS:
            problems.append((i + 1, f"line {i + 1} has {len(row):,} characters, over canon's limit of "
                             f"{MAX_LINE_CHARS:,}: it was left out; break it into cues or turns"))
            rows[i] = ""
    return "\n".join(rows)


def parse_call(path: Path, *, rel: str, settings: CallSettings, text: str | None = None,
               problems: list[Finding] | None = None) -> Call:
    """Read one call file (or ``text``, its content) into a :class:`Call`.

    Raises :class:`CallParseError` with the line that is wrong and what to do about it. What is
    wrong in part of a file (a cue timing that cannot be, an over-long line) is left out and
    reported in ``problems`` as ``invalid-call`` warnings; the rest is read.
    """
    if text is None:
        data = read_call_file(path, path.parent)
        digest = hashlib.sha256(data).hexdigest()
        text = decode_call_bytes(data)
    else:
        digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    if len(text) > MAX_CALL_BYTES:
        raise CallParseError(f"the transcript is {len(text):,} characters, over canon's limit of {MAX_CALL_BYTES:,}",
                             hint="split the call into several files")
    text = _normalise(text)
    fmt = _format_of(path, text)
    partial: list[tuple[int, str]] = []
    if fmt != "json":
        text = _bound_lines(text, partial)
    lines = _Lines(text)
    asm = _Assembler()
    if fmt == "json":
        title = _parse_json(text, lines, asm)
    elif fmt == "txt":
        title = _parse_txt(lines, asm)
    else:
        title = _parse_cues(lines, asm, vtt=fmt == "vtt", problems=partial)
    if problems is not None:
        problems.extend(Finding(rule="invalid-call", severity="warning", path=rel, line=line, message=message)
                        for line, message in capped(partial))
    turns, roles_known = asm.finish(settings, lines)
    if not turns:
        what = "no cue holds any text" if fmt in ("vtt", "srt") else "no turn holds any text"
        raise CallParseError(what, hint="check that the export finished and holds the transcript")
    return Call(path=rel, turns=turns, title=title or path.stem, roles_known=roles_known, content_hash=digest)


def read_call_file(path: Path, calls_dir: Path) -> bytes:
    """A call file's bytes, or a refusal that :func:`decode_call_bytes` raises as a
    :class:`CallParseError`: a link out of the calls folder, not a regular file, over
    ``MAX_CALL_BYTES``."""
    return read_or_refusal(path, calls_dir, limit=MAX_CALL_BYTES, what="the calls folder")


def find_call_files(calls_dir: Path) -> list[Path]:
    """Every call file below ``calls_dir`` (.vtt .srt .json .txt), hidden files and folders skipped.
    Folder links are not followed; file links are listed, and read only when they stay inside."""
    found: list[tuple[str, Path]] = []
    root = Path(calls_dir)
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink()]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(CALL_SUFFIXES):
                continue
            p = Path(folder) / name
            found.append((p.relative_to(root).as_posix(), p))
    return [p for _, p in sorted(found)]


def _rel(path: Path, root: Path) -> str:
    try:
        return PurePath(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive
        return path.as_posix()


def load_calls(settings: Settings) -> tuple[list[Call], list[Finding]]:
    """Every call under ``settings.calls_path``; a file that cannot be read becomes an
    ``invalid-call`` finding and never stops the others."""
    calls_dir = settings.calls_path
    if not calls_dir.is_dir():
        return [], []
    calls: list[Call] = []
    problems: list[Finding] = []
    for path in find_call_files(calls_dir):
        rel = _rel(path, settings.root)
        try:
            text = decode_call_bytes(read_call_file(path, calls_dir))
            calls.append(parse_call(path, rel=rel, settings=settings.calls, text=text, problems=problems))
        except CallParseError as exc:
            problems.append(Finding(rule="invalid-call", severity="error", path=rel, line=exc.line,
                                    column=exc.column, message=exc.finding_message))
        except OSError as exc:
            problems.append(Finding(rule="invalid-call", severity="error", path=rel, line=1,
                                    message=f"cannot be read: {exc.strerror or exc}; check the file's permissions"))
        except Exception as exc:  # one odd file must not stop the audit of all the others
            problems.append(Finding(
                rule="invalid-call", severity="error", path=rel, line=1,
                message=f"canon could not read this call ({type(exc).__name__}: {exc}); "
                        "export it again, and report the file to canon's maintainers if it looks fine"))
    return calls, problems
