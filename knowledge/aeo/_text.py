"""How an entry opens: its first paragraph, cut into sentences, and whether it answers first.

Answer engines quote the first sentence or two of a page. An entry "answers first" when its
opening paragraph (the first block after the H1 title, before any H2) states a figure, or is a
short declarative sentence; a page that opens with a heading, a list or a question makes the
engine dig for the answer, and it will often quote someone else instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.model import Block, Entry

SHORT_SENTENCE_WORDS = 25  # a declarative opening up to this long answers without a figure
TWO_SENTENCE_WORDS = 50  # the answer-first text keeps a second sentence while under this

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "e.g.", "i.e.", "vs.", "etc.", "approx.", "incl.", "no.", "nos.", "mr.", "mrs.", "ms.", "dr.",
    "prof.", "inc.", "ltd.", "co.", "corp.", "st.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
    "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "fig.", "cf.", "u.s.", "u.k.",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")
_NEXT = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9$€£¥₹]")
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """One line, single spaces."""
    return _WS.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences: at ``.``, ``!`` or ``?`` followed by a capital or a figure,
    except after an abbreviation or an initial ("J. Smith")."""
    text = squash(text)
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if end < len(text) and not _NEXT.match(text, end):
            continue
        last_word = text[start:end].rsplit(" ", 1)[-1].lower().rstrip("\"'”’)]")
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", last_word):
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def words(text: str) -> int:
    return len(text.split())


def heading_level(entry: Entry, block: Block) -> int:
    """1 for ``# Title`` (or a ``===`` underline), 2 for ``##`` and so on, from the source line."""
    lines = entry.body.split("\n")
    i = block.line - entry.body_line
    if 0 <= i < len(lines):
        m = re.match(r"\s{0,3}(#{1,6})(?:\s|$)", lines[i])
        if m:
            return len(m.group(1))
        if i + 1 < len(lines) and re.match(r"\s{0,3}=+\s*$", lines[i + 1]):
            return 1
    return 2


@dataclass
class Opening:
    """The block an entry opens with, and what is wrong with it as an answer (``None``: nothing)."""

    block: Block | None
    problem: str | None

    @property
    def answers_first(self) -> bool:
        return self.problem is None


def opening(entry: Entry) -> Opening:
    """The first block after the H1 title, judged as an answer."""
    for b in entry.blocks:
        if b.kind == "heading":
            if heading_level(entry, b) == 1:
                continue
            return Opening(None, f"opens with the heading {squash(b.text)!r}, not an answer")
        if b.kind != "paragraph":
            kind = {"list_item": "a list", "table": "a table", "code": "code",
                    "blockquote": "a quotation"}.get(b.kind, b.kind)
            return Opening(b, f"opens with {kind}, not a sentence that answers")
        first = (sentences(b.text) or [""])[0]
        if first.endswith("?"):
            return Opening(b, "opens with a question, not its answer")
        has_figure = any(b.line <= c.line <= b.end_line for c in entry.claims)
        if has_figure:
            return Opening(b, None)
        n = words(first)
        if n <= SHORT_SENTENCE_WORDS:
            return Opening(b, None)
        return Opening(b, f"the opening sentence runs {n} words and states no figure")
    return Opening(None, "has no opening paragraph")


def first_paragraph(entry: Entry) -> Block | None:
    """The opening paragraph, else the first paragraph anywhere in the entry."""
    found = opening(entry).block
    if found is not None and found.kind == "paragraph":
        return found
    return next((b for b in entry.blocks if b.kind == "paragraph"), None)


def trim(text: str) -> str:
    """The first sentence, and the second too while both stay short."""
    parts = sentences(text)
    if not parts:
        return ""
    if len(parts) > 1 and words(parts[0]) + words(parts[1]) <= TWO_SENTENCE_WORDS:
        return f"{parts[0]} {parts[1]}"
    return parts[0]


QUESTION_KEY = "question"  # front matter: the buyer's question an answer page asks


def own_question(entry: Entry) -> str | None:
    """The answer's own ``question:`` in front matter (one line), else ``None``."""
    value = entry.extra.get(QUESTION_KEY)
    return squash(value) if isinstance(value, str) and value.strip() else None


def answer_first(entry: Entry) -> str:
    """What an answer engine should quote: the opening paragraph's first one or two sentences."""
    block = first_paragraph(entry)
    if block is None:
        return squash(entry.title or entry.id)
    return trim(block.text)
