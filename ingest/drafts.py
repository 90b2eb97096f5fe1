"""Drafts: Markdown or plain text a writer wants checked before publishing (SPEC section 3).

Front matter is skipped (its lines still count), so findings point at the draft's own lines and
columns. Files ending in ``.txt``/``.text`` are plain text; ``.html``/``.htm`` are read as the text a
reader sees (``html_as_text``), findings placed back in the file; everything else is read as
Markdown, which plain prose survives unchanged.

The limits of ``ingest.limits`` hold here too: a draft over ``MAX_ENTRY_BYTES`` cannot be checked
(exit 2, or a 413 from the API); front matter whose aliases would expand too far is read as body;
an over-long line or block, and claims past ``MAX_FIGURES`` numbers, are left out with an
``invalid-draft`` error that says where (an unchecked part fails the run, as a wrong figure would).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from knowledge.errors import UsageError
from knowledge.model import Block, Claim, Finding

from ._markdown import (
    NOT_UTF8_READ_AS,
    bound_lines,
    decode,
    figures_message,
    front_matter_claims,
    line_ignores,
    parse_markdown,
    parse_plain_text,
    split_front_matter,
)
from .limits import MAX_ENTRY_BYTES, Refused, read_inside

PLAIN_SUFFIXES = (".txt", ".text")
RULE = "invalid-draft"
# A part of a draft left out is a part not checked, and an unchecked draft is no pass: an error, so
# that a run fails under the default --fail-on error (a baseline can accept a known one; canon.toml
# can set the rule's severity, [rules] invalid-draft = "warning", as any rule's).
SEVERITY = "error"


@dataclass
class Draft:
    path: str  # as given on the command line (or by the API caller)
    text: str  # the whole file, newlines normalised
    claims: list[Claim]
    line_ignores: dict[int, set[str]]  # line -> rule ids ("*" = all)
    blocks: list[Block]
    body_line: int = 1  # first line after the front matter
    ignore: list[str] = field(default_factory=list)  # ``canon.ignore`` from the draft's front matter
    findings: list[Finding] = field(default_factory=list)  # text that could not be read cleanly
    # an HTML draft: ``text``, ``claims`` and ``blocks`` are those of the text a reader sees
    # (html_as_text), and this gives each of its lines' (line in the file, column shift)
    positions: list[tuple[int, int]] | None = None

    def in_file(self, line: int, column: int = 1) -> tuple[int, int]:
        """Where a line and column of the draft's text lie in its file (the same but in HTML)."""
        if self.positions is None or not 0 < line <= len(self.positions):
            return line, column
        at, shift = self.positions[line - 1]
        return at, column + shift

    def placed(self, findings: Iterable[Finding]) -> list[Finding]:
        """This draft's findings with their lines and columns in its file, as a reader opens it."""
        out = list(findings)
        if self.positions is None:
            return out
        for f in out:
            if f.path != self.path:
                continue
            f.line, f.column = self.in_file(f.line, f.column)
            if f.end_line is not None:
                f.end_line, f.end_column = self.in_file(f.end_line, f.end_column or 1)
        return out

    def file_claims(self) -> list[Claim]:
        """The draft's figures at their places in its file (copies, where it is HTML)."""
        if self.positions is None:
            return self.claims
        out = []
        for c in self.claims:
            line, column = self.in_file(c.line, c.column)
            end_line, end_column = self.in_file(c.end_line, c.end_column)
            out.append(replace(c, line=line, column=column, end_line=end_line, end_column=end_column))
        return out

    def left_out(self, line: int, message: str) -> Finding:
        """An ``invalid-draft`` finding: the part of the draft at ``line`` (of its text) was not
        checked. Its lines are named as the file has them."""
        at, column = self.in_file(line)
        if self.positions is not None:
            message = re.sub(r"\blines? \d+(?:-\d+)?", f"the text at line {at}, column {column},", message, count=1)
        return Finding(rule=RULE, severity=SEVERITY, path=self.path, line=at, column=column, message=message)


def _front_matter(front: str) -> dict[str, Any] | None:
    """A leading ``---`` in a draft may be a rule, not front matter: only a YAML mapping counts."""
    from .kb import _load_yaml

    loaded = _load_yaml(front, 2)  # the same bounded loader as KB entries: aliases are counted
    if loaded.error is not None:
        return None
    if loaded.data is None:
        return {}
    return loaded.data if isinstance(loaded.data, dict) else None


def _ignore(data: dict[str, Any]) -> list[str]:
    raw = data.get("canon.ignore")
    if raw is None and isinstance(data.get("canon"), dict):
        raw = data["canon"].get("ignore")
    if isinstance(raw, str):
        raw = [raw]
    return [str(r).strip() for r in raw if isinstance(r, str) and r.strip()] if isinstance(raw, list) else []


HTML_SUFFIXES = (".html", ".htm")
# What HTML holds that no reader sees (style sheets, scripts, comments), the tags of block elements
# (each ends a paragraph of the page's text) and any other tag.
_HTML_PART = re.compile(
    r"(?P<hidden><(?P<hid>style|script|noscript|template)\b[^>]*>.*?</(?P=hid)\s*>|<!--.*?-->)"
    r"|(?P<block></?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|tfoot|caption|section|"
    r"article|header|footer|main|nav|aside|blockquote|figure|figcaption|pre|html|head|body|title|form|"
    r"fieldset|details|summary)\b[^<>]*>)"
    r"|</?[A-Za-z][^<>]*>", re.I | re.S)


def _blank(text: str) -> str:
    """``text`` with every character but a line break turned into a space: positions hold."""
    return re.sub(r"[^\n]", " ", text)


def html_as_text(html: str) -> tuple[str, list[tuple[int, int]]]:
    """An HTML page as the text a reader sees, and where each of its lines lies in the file.

    Style sheets, scripts, comments and tags are left out; each block element's text is a
    paragraph of its own (a blank line between), its words where the page has them, so that a
    minified page (one line of tens of thousands of characters, mostly a style sheet) is read as
    its paragraphs, each measured against the line limit on its own. The second value gives, for
    each line of the text, (its line in the file, what to add to a column to get the file's).
    """
    starts = [0, *(m.end() for m in re.finditer("\n", html))]
    segments: list[tuple[int, str]] = []  # (offset in the file, the text with what is left out blanked)
    here, pos, parts = 0, 0, []
    for m in _HTML_PART.finditer(html):
        parts.append(html[pos:m.start()])
        if m.group("block"):
            segments.append((here, "".join(parts)))
            here, parts = m.end(), []
        else:
            parts.append(_blank(m.group()))
        pos = m.end()
    segments.append((here, "".join([*parts, html[pos:]])))
    lines: list[str] = []
    where: list[tuple[int, int]] = []
    for offset, text in segments:
        for piece in text.split("\n"):
            kept = piece.lstrip()
            if kept.strip():
                at = offset + len(piece) - len(kept)
                line = bisect_right(starts, at)
                lines.append(kept.rstrip())
                where.append((line, at - starts[line - 1]))
            elif lines and lines[-1]:
                lines.append("")
                where.append((bisect_right(starts, offset), 0))
            offset += len(piece) + 1
        if lines and lines[-1]:
            lines.append("")  # a block element's end ends its paragraph
            where.append((bisect_right(starts, offset), 0))
    return "\n".join(lines), where


class DraftTooLarge(UsageError):
    code = "draft_too_large"
    http_status = 413


def _too_large(shown: str, size: int) -> DraftTooLarge:
    return DraftTooLarge(f"draft {shown} is {size:,} bytes, over canon's limit of {MAX_ENTRY_BYTES:,} for one file",
                         hint="check it in parts: split it into smaller files")


def parse_draft_text(text: str, path: str) -> Draft:
    """A draft from text already in memory (the API, stdin); ``path`` is only shown."""
    size = len(text) if len(text) > MAX_ENTRY_BYTES else len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_ENTRY_BYTES:
        raise _too_large(path, size)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    body, body_line = text, 1
    ignore: list[str] = []
    split = split_front_matter(text)
    data = _front_matter(split.front) if split.front is not None else None
    if data is not None:
        body, body_line = split.body, split.body_line
        ignore = _ignore(data)
    ignores = line_ignores(body.split("\n"), body_line) if "canon-ignore" in body else {}
    where: list[tuple[int, int]] | None = None
    if path.lower().endswith(HTML_SUFFIXES):  # read as the text a reader sees, then measured
        body, where = html_as_text(body)
    body, too_long = bound_lines(body, body_line)
    draft = Draft(path=path, text=text if where is None else body, claims=[], line_ignores=ignores, blocks=[],
                  body_line=body_line, ignore=ignore, positions=where)
    draft.findings = [draft.left_out(line, message) for line, message in too_long]
    plain = where is not None or path.lower().endswith(PLAIN_SUFFIXES)
    parsed = parse_plain_text(body, body_line) if plain else parse_markdown(body, body_line)
    if parsed.figures_cut_at is not None:
        draft.findings.append(draft.left_out(parsed.figures_cut_at, figures_message(parsed.figures_cut_at)))
    # a draft's title and description are published too (the page's headline, its search snippet)
    draft.claims = front_matter_claims(split.front, split.front_line) + parsed.claims if data is not None else parsed.claims
    draft.blocks = parsed.blocks
    return draft


def load_draft(path: Path, display_path: str | None = None) -> Draft:
    """Read a draft file. A file that cannot be read, or is not text, is a usage error (exit 2)."""
    shown = display_path if display_path is not None else str(path)
    if not path.exists():
        raise UsageError(f"draft {shown} does not exist", hint="check the path (relative to the current folder)")
    if path.is_dir():
        raise UsageError(f"{shown} is a folder, not a draft", hint="pass the Markdown or text files inside it")
    try:
        # A draft is named on the command line, so it may live anywhere: only its size and kind
        # are bounded (a FIFO or /dev/zero must not hang or fill memory).
        raw = read_inside(path, path.resolve().parent, limit=MAX_ENTRY_BYTES, what="its folder")
    except Refused as exc:
        if "over canon's limit" in str(exc):
            raise _too_large(shown, path.stat().st_size) from None
        raise UsageError(f"draft {shown} {exc}", hint="pass a Markdown or plain-text file") from None
    decoded = decode(raw)
    if decoded.binary:
        raise UsageError(f"{shown} is a binary file, not a draft", hint="pass Markdown or plain-text files")
    draft = parse_draft_text(decoded.text, shown)
    if decoded.bad_line is not None:
        draft.findings.append(Finding(
            rule="invalid-encoding", severity="warning", path=shown, line=decoded.bad_line,
            column=decoded.bad_column or 1,
            message=f"not valid UTF-8 (byte {decoded.bad_byte}); {NOT_UTF8_READ_AS}; save the file as UTF-8",
        ))
    return draft
