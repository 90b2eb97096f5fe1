"""A strict parser of llms.txt files, written from the proposal (https://llmstxt.org/), for tests.

The proposal fixes the order of the parts:

1. an H1 with the name of the project or site: the only required part, and the first line;
2. optionally, a blockquote with a short summary;
3. zero or more Markdown blocks of any kind except headings (paragraphs, lists ...);
4. zero or more sections, each under an H2, holding a "file list": a Markdown list whose items are
   a required link ``[name](url)``, optionally followed by ``:`` and notes about the file.

A section named ``Optional`` lists what may be skipped when a shorter context is needed.
Anything else (a second H1, an H3, prose inside a file list, a list item without a link) is an
error here: a file canon writes should pass the strictest reading of the proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class LlmsTxtError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass
class Link:
    title: str
    url: str
    notes: str | None
    line: int


@dataclass
class Section:
    name: str
    links: list[Link] = field(default_factory=list)

    @property
    def optional(self) -> bool:
        return self.name == "Optional"


@dataclass
class LlmsTxt:
    title: str
    summary: str | None = None
    details: list[str] = field(default_factory=list)  # the free blocks between summary and sections
    sections: list[Section] = field(default_factory=list)

    def links(self) -> list[Link]:
        return [link for s in self.sections for link in s.links]

    def section(self, name: str) -> Section:
        return next(s for s in self.sections if s.name == name)


_H1 = re.compile(r"^# (?P<text>\S.*?)\s*$")
_H2 = re.compile(r"^## (?P<text>\S.*?)\s*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_QUOTE = re.compile(r"^ {0,3}>\s?(?P<text>.*)$")
_ITEM = re.compile(r"^[-*+] (?P<rest>.*)$")
_LINK_ITEM = re.compile(
    r"^\[(?P<title>(?:\\.|[^\\\]])+)\]"  # [name], brackets inside escaped
    r"\((?P<url>[^\s()]+)\)"  # (url)
    r"(?::[ \t]*(?P<notes>\S.*))?$"  # optional ": notes"
)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


def _unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def parse(text: str) -> LlmsTxt:
    """Parse ``text``; raise :class:`LlmsTxtError` where it departs from the proposal."""
    lines = text.split("\n")
    n = len(lines)
    i = 0
    while i < n and not lines[i].strip():
        i += 1
    if i == n:
        raise LlmsTxtError(1, "empty file: an H1 with the site's name is required")
    m = _H1.match(lines[i])
    if not m:
        raise LlmsTxtError(i + 1, f"the file must open with an H1 ('# Name'), not {lines[i]!r}")
    doc = LlmsTxt(title=m.group("text"))
    i += 1
    while i < n and not lines[i].strip():
        i += 1
    # The summary: one blockquote.
    quoted: list[str] = []
    while i < n and _QUOTE.match(lines[i]):
        quoted.append(_QUOTE.match(lines[i]).group("text").strip())  # type: ignore[union-attr]
        i += 1
    if quoted:
        doc.summary = " ".join(q for q in quoted if q)
    # Free blocks, no headings, up to the first H2.
    block: list[str] = []
    while i < n and not _H2.match(lines[i]):
        line = lines[i]
        if _HEADING.match(line) or (block and _SETEXT.match(line)):
            raise LlmsTxtError(i + 1, f"only H2 sections may follow the summary, not {line!r}")
        if line.strip():
            block.append(line.strip())
        elif block:
            doc.details.append(" ".join(block))
            block = []
        i += 1
    if block:
        doc.details.append(" ".join(block))
    # Sections of file lists.
    while i < n:
        m = _H2.match(lines[i])
        if not m:  # pragma: no cover - the loops above stop only at an H2 or the end
            raise LlmsTxtError(i + 1, f"expected an H2, got {lines[i]!r}")
        section = Section(name=m.group("text"))
        if any(s.name == section.name for s in doc.sections):
            raise LlmsTxtError(i + 1, f"section {section.name!r} appears twice")
        doc.sections.append(section)
        i += 1
        while i < n and not _H2.match(lines[i]):
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            if _HEADING.match(line):
                raise LlmsTxtError(i + 1, f"only H2 headings delimit sections, not {line!r}")
            item = _ITEM.match(line)
            if not item:
                raise LlmsTxtError(i + 1, f"a section holds a file list, and {line!r} is not a list item")
            link = _LINK_ITEM.match(item.group("rest"))
            if not link:
                raise LlmsTxtError(i + 1, f"a list item must be '[name](url)' with optional ': notes', not {line!r}")
            notes = link.group("notes")
            section.links.append(Link(title=_unescape(link.group("title")), url=link.group("url"),
                                      notes=notes.strip() if notes else None, line=i + 1))
            i += 1
    return doc
