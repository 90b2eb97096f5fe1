"""The domain: entries, metrics, sources, claims, findings.

Plain dataclasses, so that every layer (ingest, rules, renderers, API) can share them without
importing anything heavy. Dates are ``datetime.date``; figures are floats, or ``(low, high)`` for
ranges.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

EntryType = Literal["message", "proof_point", "case_study", "objection", "answer", "article"]
ENTRY_TYPES: tuple[str, ...] = ("message", "proof_point", "case_study", "objection", "answer", "article")
Status = Literal["approved", "draft", "retired"]
STATUSES: tuple[str, ...] = ("approved", "draft", "retired")
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

Value = float | tuple[float, float]


@dataclass
class Source:
    """Evidence for an entry's claims, from front matter (``sources:``) or named in prose."""

    title: str
    url: str | None = None
    date: date | None = None
    line: int | None = None  # line of the item in the file (its ``date:`` line when there is one)
    date_line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "date": self.date.isoformat() if self.date else None}


@dataclass
class Metric:
    """A canonical figure registered in an entry's front matter."""

    id: str
    name: str
    value: Value
    unit: str
    entry_id: str
    qualifier: str | None = None
    as_of: str | None = None
    source: str | None = None
    line: int | None = None  # the ``value:`` line

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "value": list(self.value) if isinstance(self.value, tuple) else self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "as_of": self.as_of,
            "source": self.source,
            "entry": self.entry_id,
            "line": self.line,
        }


@dataclass
class Claim:
    """A figure stated in prose, with the words around it.

    ``value`` is in the canonical unit of ``kind`` (durations in days, currency in its own unit,
    percent as 0-100, multipliers as the factor); ``raw_value``/``raw_unit`` are as written.
    """

    text: str  # the span that states the figure, e.g. "go live in 4 weeks"
    value: Value
    unit: str  # normalised unit: "percent", "days", "USD", "x", or a noun such as "customers"
    kind: str  # "percent" | "duration" | "currency" | "multiplier" | "count" | "number"
    line: int  # 1-based, in the file
    column: int  # 1-based
    end_line: int
    end_column: int
    sentence: str = ""  # the sentence holding the figure
    masked: str = ""  # the sentence with the figure replaced by a placeholder, for embedding
    raw_value: Value | None = None
    raw_unit: str | None = None
    qualifier: str | None = None  # "about", "up to", "at least", "median", "average", ...
    year: int | None = None  # time scope: "in 2023 it was 24%"
    source: Source | None = None  # a source named next to the figure
    role: str | None = None  # "before" | "after" | None: "from 14 weeks to 6" gives one of each
    span: str = ""  # the figure as written: "$1.2M", "six weeks"
    qualifier_word: str | None = None  # the qualifier as written: "nearly", "+", "or more"
    statistic: str | None = None  # "median" | "average" | "typical", from the words around it
    per: str | None = None  # the period or noun of a rate: "year" in "$480K a year", "invoice"
    every: str | None = None  # a rate over several periods: "2 weeks" in "once every 2 weeks"
    pair: str | None = None  # "range" | "change" | "contrast" | "fraction"
    unit_inherited: bool = False  # the unit is its partner's: the "6" in "from 14 weeks to 6"
    as_written: str | None = None  # a figure said as an idiom or a fraction: "a couple", "a third"
    block: str | None = None  # the Markdown block it stands in: "paragraph", "table", "heading" ...
    section: str | None = None  # the heading of its section
    claimness: float | None = None  # how likely it states an outcome, not a term, a span or a label
    why: str = ""  # what decided claimness, in words
    is_claim: bool = True  # claimness reaches the classifier's threshold: it states an outcome

    @property
    def extra(self) -> dict[str, Any]:
        """The optional fields that are set, as one dict: for readers written before they were
        typed (read-only: set the fields themselves)."""
        out: dict[str, Any] = {}
        for key in _CLAIM_EXTRA:
            value = getattr(self, key)
            if value not in (None, "", False):
                out[key] = value
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": list(self.value) if isinstance(self.value, tuple) else self.value,
            "unit": self.unit,
        }


_CLAIM_EXTRA = ("span", "qualifier_word", "statistic", "per", "every", "pair", "unit_inherited", "as_written",
                "block", "section", "claimness", "why", "is_claim")


@dataclass
class Block:
    """A block of an entry's body as markdown-it-py sees it."""

    kind: str  # "heading" | "paragraph" | "list_item" | "table" | "code" | "blockquote"
    text: str
    line: int  # first line in the file, 1-based
    end_line: int
    section: str = ""  # the nearest heading above


@dataclass
class Entry:
    id: str
    path: str  # relative to the KB root, POSIX separators
    type: str = "article"
    title: str = ""
    status: str = "approved"
    owner: str | None = None
    reviewed: date | None = None
    review_every: str | None = None  # as written; None means the KB default
    expires: date | None = None
    sources: list[Source] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    supersedes: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)  # ``canon.ignore``
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter keys canon does not know
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    blocks: list[Block] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> line
    line_ignores: dict[int, set[str]] = field(default_factory=dict)  # line -> rule ids ("*" = all)
    content_hash: str = ""

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    def line_of(self, key: str, default: int = 1) -> int:
        return self.key_lines.get(key, default)


@dataclass
class Finding:
    rule: str
    severity: str
    path: str
    line: int
    message: str
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    claim: dict[str, Any] | None = None
    expected: dict[str, Any] | None = None
    related: list[dict[str, Any]] = field(default_factory=list)
    fingerprint: str = ""
    entry: str | None = None  # the entry the finding is about, for ``canon.ignore``
    confidence: float | None = None  # P(right) of a figure finding (knowledge.rules.confidence)
    group: str | None = None  # findings of one cluster share it (duplicate-entry: near-identical pages)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.end_line is not None else self.line,
            "end_column": self.end_column if self.end_column is not None else self.column,
            "message": self.message,
        }
        if self.claim is not None:
            out["claim"] = self.claim
        if self.expected is not None:
            out["expected"] = self.expected
        if self.related:
            out["related"] = self.related
        out["fingerprint"] = self.fingerprint
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.group is not None:
            out["group"] = self.group
        return out


@dataclass
class KB:
    """A parsed knowledge base: its good entries and the files that could not be read."""

    root: Path
    entries: list[Entry]
    problems: list[Finding] = field(default_factory=list)  # invalid-entry findings

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def metrics(self) -> list[Metric]:
        return [m for e in self.entries for m in e.metrics]


@dataclass
class Sentence:
    text: str
    line: int  # line of the call file where the text starts
    column: int = 1
    start: float | None = None  # seconds from the start of the call
    # where the text goes on on a later line of the file: (offset in ``text``, line, column); a
    # sentence of a transcript runs over several cues when the transcriber put no stop between them
    lines: tuple[tuple[int, int, int], ...] = ()

    def place(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the call file where ``text[offset]`` lies."""
        line, column, base = self.line, self.column, 0
        for off, ln, col in self.lines:
            if off > offset:
                break
            line, column, base = ln, col, off
        return line, column + offset - base


@dataclass
class Turn:
    speaker: str
    text: str
    line: int
    role: str = "unknown"  # "internal" | "external" | "unknown"
    start: float | None = None
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Call:
    path: str  # relative to the KB root (with ".." when the calls folder lies outside it)
    turns: list[Turn]
    title: str = ""
    roles_known: bool = False
    content_hash: str = ""

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for t in self.turns:
            seen.setdefault(t.speaker, None)
        return list(seen)


def no_seller(call: Call) -> bool:
    """True when no speaker of ``call`` is known to be yours: nothing says who is who, or
    internal_speakers / internal_domains are set but match none of its speakers (a dialler's
    "Caller", a diariser's "SPEAKER_00") and the file names no seller. Every speaker of such a call
    reads as a prospect, and no rep's figure in it is checked."""
    return not call.roles_known or not any(t.role == "internal" for t in call.turns)


def roles_unknown(calls: Iterable[Call]) -> list[str]:
    """The paths of the calls in which no speaker is known to be yours (:func:`no_seller`), sorted:
    there every speaker reads as a prospect, so ``canon objections`` and ``canon audit`` say so
    rather than stay silent."""
    return sorted(c.path for c in calls if no_seller(c))


def turns_digest(turns: Iterable[tuple[str, str]]) -> str:
    """A hash of a call's (speaker, text) turns, case and spacing folded: two exports of one call
    (``x.vtt`` and ``x (1).vtt``, or the same words re-saved) share it whatever their bytes."""
    h = hashlib.sha256()
    for speaker, text in turns:
        h.update(" ".join(speaker.split()).casefold().encode("utf-8", "surrogatepass") + b"\x1f")
        h.update(" ".join(text.split()).casefold().encode("utf-8", "surrogatepass") + b"\x1e")
    return h.hexdigest()


COPY_SUFFIX = re.compile(r" \(\d+\)(?=\.[^./]*$|$)")  # "x (1).vtt": how an export or a download names a second copy
MIN_COPY_TURNS = 4  # fewer turns, or one speaker, may be the same words said twice (a scripted voicemail)


def _copy_key(call: Call) -> str | None:
    """The digest by which ``call`` is a copy of another, or None where the same words need not be
    the same call: one speaker (a rep's scripted voicemail left for two prospects) or under
    MIN_COPY_TURNS turns."""
    if len(call.speakers) < 2 or len(call.turns) < MIN_COPY_TURNS:
        return None
    return turns_digest((t.speaker, t.text) for t in call.turns)


def _original_first(path: str) -> tuple[bool, str]:
    """Sorts a path without a " (N)" suffix before its extension ahead of one with it, then by path:
    of ``x.vtt`` and ``x (1).vtt`` the first is the original (a space sorts before a dot)."""
    return bool(COPY_SUFFIX.search(path.rsplit("/", 1)[-1])), path


def distinct_calls(calls: Iterable[Call]) -> tuple[list[Call], list[Finding]]:
    """The calls with each transcript once (the original kept: a path without a " (N)" suffix,
    else the first by path), and an ``invalid-call`` warning for each copy left out: counted twice,
    one call would raise every objection in it twice and double its reps' misstatements. A call
    with one speaker or few turns is never a copy (see :func:`_copy_key`)."""
    calls = list(calls)
    keys = [_copy_key(c) for c in calls]
    first: dict[str, str] = {}
    for key, call in sorted(zip(keys, calls, strict=True), key=lambda kc: _original_first(kc[1].path)):
        if key is not None:
            first.setdefault(key, call.path)
    kept = [c for key, c in zip(keys, calls, strict=True) if key is None or first[key] == c.path]  # in the order given
    copies = [Finding(rule="invalid-call", severity="warning", path=c.path, line=1,
                      message=f"the same transcript as {first[key]} (same speakers, same words): counted once, "
                              f"as {first[key]}; remove one of the two files")
              for key, c in sorted(zip(keys, calls, strict=True), key=lambda kc: kc[1].path)
              if key is not None and first[key] != c.path]
    return kept, copies
