"""Text files as canon reads them: decoding, front matter, Markdown blocks, claims, suppressions.

Shared by KB entries (``ingest.kb``) and drafts (``ingest.drafts``) so that a figure is found at
the same line and column whichever way a file comes in.

Claims are extracted from the *source* lines of each block, not from rendered text, so that their
line and column point into the file. Markdown syntax that is not prose (list markers, ``>``,
table pipes, link targets, code spans, HTML tags and comments) is blanked out with spaces first:
the text keeps its length, and ``1.`` in front of a list item or ``2019/11`` inside a URL is never
taken for a figure.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from knowledge.model import Block, Claim, Source
from knowledge.text.markup import blank_site_markup, mask_block, plain_text

from .limits import MAX_BLOCK_CHARS, MAX_FIGURES, MAX_LINE_CHARS, capped

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# --------------------------------------------------------------------------------------------
# Decoding


@dataclass
class Decoded:
    """A file's bytes as text, newlines normalised to ``\\n`` (as markdown-it does)."""

    text: str
    binary: bool = False
    bad_line: int | None = None  # where the first byte that is not UTF-8 sits
    bad_column: int | None = None
    bad_byte: int | None = None  # its offset in the file


_NEWLINES = re.compile(r"\r\n?")


def _normalise(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes that are not UTF-8 read as Windows-1252, a superset of
    Latin-1 (its five unassigned bytes as Latin-1), so that a file saved by an older editor reads
    right ("Café", "Preço") rather than as U+FFFD, and UTF-8 around them stays UTF-8."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(_CP1252[b] for b in bad), exc.end


_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
AS_CP1252 = "canon-cp1252"  # the error handler's name, for ``bytes.decode(..., errors=AS_CP1252)``
codecs.register_error(AS_CP1252, _as_cp1252)
# How a finding says what became of those bytes.
NOT_UTF8_READ_AS = ("the bytes that are not UTF-8 were read as Windows-1252 (Latin-1), the usual encoding of older "
                    "files, so the text reads right")


def decode(raw: bytes) -> Decoded:
    """UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted too).

    NUL bytes mean a binary file. Bytes that are not UTF-8 are read as Windows-1252 (see
    :func:`_as_cp1252`) and the position of the first one is kept, so the caller can say where it
    is and still read the rest, its text right.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_normalise(raw.decode("utf-16")))
        except UnicodeDecodeError:
            return Decoded("", binary=True)
    skip = 3 if raw.startswith(codecs.BOM_UTF8) else 0
    if b"\x00" in raw:
        return Decoded("", binary=True)
    try:
        return Decoded(_normalise(raw[skip:].decode("utf-8")))
    except UnicodeDecodeError as exc:
        bad = exc.start + skip
        before = _normalise(raw[skip:bad].decode("utf-8"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        text = _normalise(raw[skip:].decode("utf-8", errors=AS_CP1252))
        return Decoded(text, bad_line=line, bad_column=column, bad_byte=bad)


# --------------------------------------------------------------------------------------------
# Front matter


@dataclass
class Split:
    """A text cut into its front matter and its body, with file line numbers kept."""

    front: str | None  # the YAML between the fences; None when there is no front matter
    front_line: int  # file line of the first YAML line
    body: str
    body_line: int  # file line where the body starts
    unclosed: bool = False  # opened with ``---`` on line 1 and never closed


_OPEN = re.compile(r"---[ \t]*(?:\n|$)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str) -> Split:
    """Front matter is a ``---`` first line, YAML, and a closing ``---`` or ``...`` line."""
    opener = _OPEN.match(text)
    if not opener:
        return Split(None, 1, text, 1)
    start = opener.end()
    close = _CLOSE.search(text, start) if start < len(text) or text.endswith("\n") else None
    if close is None:
        return Split(None, 1, text, 1, unclosed=True)
    front = text[start:close.start()]
    body_start = close.end() + 1 if close.end() < len(text) else close.end()
    body_line = text.count("\n", 0, body_start) + 1
    return Split(front, 2, text[body_start:], body_line)


# --------------------------------------------------------------------------------------------
# Suppression comments


_IGNORE_HTML = re.compile(r"<!--\s*canon-ignore\b:?(?P<rules>.*?)-->")
_IGNORE_YAML = re.compile(r"#\s*canon-ignore\b:?(?P<rules>[^#\n]*)$")
_RULE_SPLIT = re.compile(r"[\s,]+")


def _rules(text: str) -> set[str]:
    rules = {r for r in _RULE_SPLIT.split(text.strip()) if r}
    return rules or {"*"}


def line_ignores(lines: Iterable[str], first_line: int, *, yaml: bool = False,
                 into: dict[int, set[str]] | None = None) -> dict[int, set[str]]:
    """``<!-- canon-ignore rule-a rule-b -->`` (``# canon-ignore ...`` in front matter).

    On a line of its own the comment applies to the next non-blank line; at the end of a line it
    applies to that line. No rule named means every rule (``"*"``).
    """
    out: dict[int, set[str]] = {} if into is None else into
    pattern = _IGNORE_YAML if yaml else _IGNORE_HTML
    pending: set[str] = set()
    for n, line in enumerate(lines, first_line):
        if "canon-ignore" in line:
            found: set[str] = set()
            for m in pattern.finditer(line):
                found |= _rules(m.group("rules"))
            rest = pattern.sub("", line).strip()
            if found and not rest:
                pending |= found
                continue
            if found:
                out.setdefault(n, set()).update(found)
        if pending and line.strip():
            out.setdefault(n, set()).update(pending)
            pending = set()
    return out


# --------------------------------------------------------------------------------------------
# Masking Markdown syntax so that only prose is left, at the same columns: block markers here (the
# parse tree knows them), inline markup by the shared masker (``knowledge.text.markup``)


_QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+")
_ITEM_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+")
_ATX_OPEN = re.compile(r"^[ \t]*#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^[ \t]*#+[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")


def _blank_prefix(line: str, pattern: re.Pattern[str]) -> str:
    m = pattern.match(line)
    return " " * m.end() + line[m.end():] if m and m.end() else line


@dataclass
class _Segment:
    """Source lines of one leaf block, for claim extraction."""

    start: int  # 0-based index into the body lines
    end: int  # exclusive
    kind: str  # "paragraph" | "heading" | "table" | "text"
    block: Block
    quoted: bool = False  # inside a blockquote: strip ``>`` on every line
    item_start: bool = False  # first line also carries list markers
    setext: bool = False


def _segment_text(seg: _Segment, lines: list[str]) -> str:
    out = lines[seg.start:seg.end]
    if not out:
        return ""
    if seg.quoted:
        out = [_blank_prefix(ln, _QUOTE_PREFIX) for ln in out]
    if seg.item_start:
        out[0] = _blank_prefix(out[0], _ITEM_PREFIX)
    if seg.kind == "heading":
        if seg.setext and len(out) > 1:
            out[-1] = " " * len(out[-1])
        else:
            first = _blank_prefix(out[0], _ATX_OPEN)
            out[0] = _ATX_CLOSE.sub(lambda m: " " * len(m.group()), first)
    elif seg.kind == "table":
        if len(out) > 1:
            out[1] = " " * len(out[1])  # the |---|---| delimiter row
        # a cell bar is read as a tab: a blank, as before, but not a space, so that a figure and a
        # word of the next cell ("| $2 million | monthly |") do not read as one phrase
        out = [_PIPE.sub("\t", ln) for ln in out]
    if seg.kind == "text":
        return "\n".join(out)
    return mask_block("\n".join(out))


# --------------------------------------------------------------------------------------------
# Markdown blocks


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Block structure only: inline parsing (emphasis, links) is left out.

    Claims and texts come from the source with markup blanked (``mask_block``, ``plain_text``), so markdown-it's
    inline pass would be work thrown away; it is also where pathological input costs most (a
    base64 image of a few MB in a link target takes markdown-it many seconds to normalise).
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    md.core.ruler.disable(["inline", "text_join"])
    return md


@dataclass
class Body:
    blocks: list[Block] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    title: str | None = None  # the first H1
    figures_cut_at: int | None = None  # file line from which claims were not read (MAX_FIGURES)


# --------------------------------------------------------------------------------------------
# Limits


def bound_lines(text: str, first_line: int) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with every line over ``MAX_LINE_CHARS`` and every block (a run of non-blank lines)
    over ``MAX_BLOCK_CHARS`` blanked, and ``(file line, message)`` for each: the rest of the file
    is read as usual, and no single line or block decides how long a parse takes."""
    if len(text) <= min(MAX_LINE_CHARS, MAX_BLOCK_CHARS):
        return text, []
    lines = text.split("\n")
    problems: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS:
            problems.append((first_line + i, f"line {first_line + i} has {len(line):,} characters, over canon's "
                             f"limit of {MAX_LINE_CHARS:,}: it is left out of claims and search; break it up "
                             "(an embedded data: image belongs in a file of its own)"))
            lines[i] = ""
    start = None
    size = 0
    for i, line in enumerate([*lines, ""]):
        if line.strip():
            if start is None:
                start, size = i, 0
            size += len(line) + 1
            continue
        if start is not None and size > MAX_BLOCK_CHARS:
            problems.append((first_line + start, f"the block of lines {first_line + start}-{first_line + i - 1} "
                             f"holds {size:,} characters, over canon's limit of {MAX_BLOCK_CHARS:,} for one "
                             "paragraph, list or table: it is left out of claims and search; split it with "
                             "blank lines"))
            for j in range(start, i):
                lines[j] = ""
        start = None
    if not problems:
        return text, []
    return "\n".join(lines), capped(problems)


@dataclass
class _Container:
    kind: str  # "list_item" | "blockquote"
    block: Block
    start: int  # 0-based body line of its first line
    parts: list[str] = field(default_factory=list)


def parse_markdown(body: str, body_line: int) -> Body:
    """Blocks (with file lines and their section) and the claims stated in them."""
    out = Body()
    # Kramdown/Liquid/Hugo markup goes before parsing (the shared masker's patterns), so that
    # neither blocks, passages nor claims see it; lengths are kept, so lines and columns hold.
    body = blank_site_markup(body)
    if not body.strip():
        return out
    tokens = _parser().parse(body)
    lines = body.split("\n")
    shift = body_line  # token.map is 0-based within the body
    segments: list[_Segment] = []
    stack: list[_Container] = []
    section = ""
    i = 0
    n = len(tokens)

    def leaf_context(start: int) -> tuple[bool, bool]:
        quoted = any(c.kind == "blockquote" for c in stack)
        item_start = any(c.kind == "list_item" and c.start == start for c in stack)
        return quoted, item_start

    def add_leaf(kind: str, text: str, start: int, end: int) -> None:
        """A paragraph or table: part of the container it sits in, else a block of its own."""
        if stack:
            stack[-1].parts.append(text)
            block = stack[-1].block
        else:
            block = Block(kind=kind, text=text, line=start + shift, end_line=end - 1 + shift, section=section)
            out.blocks.append(block)
        quoted, item_start = leaf_context(start)
        segments.append(_Segment(start, end, kind, block, quoted, item_start))

    while i < n:
        tok = tokens[i]
        typ = tok.type
        if typ in ("list_item_open", "blockquote_open") and tok.map:
            kind = "list_item" if typ == "list_item_open" else "blockquote"
            start, end = tok.map
            while end - 1 > start and not lines[end - 1].strip():
                end -= 1  # a container's map runs over the blank lines after it
            block = Block(kind=kind, text="", line=start + shift, end_line=end - 1 + shift, section=section)
            out.blocks.append(block)
            stack.append(_Container(kind, block, tok.map[0]))
        elif typ in ("list_item_close", "blockquote_close") and stack:
            c = stack.pop()
            c.block.text = " ".join(p for p in c.parts if p)
        elif typ == "heading_open" and tok.map:
            inline = tokens[i + 1]
            text = plain_text(inline.content)
            start, end = tok.map
            block = Block(kind="heading", text=text, line=start + shift, end_line=end - 1 + shift,
                          section=text)
            out.blocks.append(block)
            section = text
            if tok.tag == "h1" and out.title is None and text:
                out.title = text
            quoted, item_start = leaf_context(start)
            segments.append(_Segment(start, end, "heading", block, quoted, item_start,
                                     setext=tok.markup in ("=", "-")))
            i += 3
            continue
        elif typ == "paragraph_open" and tok.map:
            content = tokens[i + 1].content
            text = plain_text(content)
            start, end = tok.map
            add_leaf("paragraph", text, start, end)
            if "\n" in content and _COMPONENT.fullmatch(content.strip()):
                # an MDX component written over several lines ("<Hero\n  title=...\n/>") is a block
                # of its own, as on one line, though CommonMark reads it as a paragraph
                segments[-1].kind = "text"
            i += 3
            continue
        elif typ == "table_open" and tok.map:
            start, end = tok.map
            rows: list[str] = []
            cells: list[str] = []
            j = i + 1
            while j < n and tokens[j].type != "table_close":
                t = tokens[j]
                if t.type == "inline":
                    cells.append(plain_text(t.content))
                elif t.type == "tr_close":
                    rows.append(" | ".join(cells))
                    cells = []
                j += 1
            text = "\n".join(rows)
            add_leaf("table", text, start, end)
            i = j + 1
            continue
        elif typ == "html_block" and tok.map:
            # HTML and MDX/JSX blocks ("<Testimonial quote=... />", "<div>...</div>") hold prose too:
            # the masker keeps their text and their prose attributes
            start, end = tok.map
            add_leaf("paragraph", plain_text(tok.content), start, end)
            segments[-1].kind = "text"  # raw: the claims masker reads tags itself
        elif typ in ("fence", "code_block") and tok.map:
            start, end = tok.map
            out.blocks.append(Block(kind="code", text=tok.content.rstrip("\n"), line=start + shift,
                                    end_line=end - 1 + shift, section=section))
        i += 1

    out.blocks = [b for b in out.blocks if b.kind == "code" or b.text]
    out.claims, out.figures_cut_at = claims_of(segments, lines, shift)
    if "[^" in body:
        cite_footnotes(out.claims, lines, shift)
    return out


def parse_plain_text(body: str, body_line: int) -> Body:
    """Plain text: paragraphs are runs of non-blank lines; nothing is markup."""
    out = Body()
    lines = body.split("\n")
    segments: list[_Segment] = []
    start: int | None = None
    for idx, line in enumerate([*lines, ""]):
        if line.strip():
            if start is None:
                start = idx
            continue
        if start is not None:
            text = " ".join(ln.strip() for ln in lines[start:idx])
            block = Block(kind="paragraph", text=text, line=start + body_line, end_line=idx - 1 + body_line)
            out.blocks.append(block)
            segments.append(_Segment(start, idx, "text", block))
            start = None
    out.claims, out.figures_cut_at = claims_of(segments, lines, body_line)
    return out


# --------------------------------------------------------------------------------------------
# Claims


@lru_cache(maxsize=1)
def _extractor() -> Callable[..., list[Claim]]:
    from knowledge.claims import extract_claims

    return extract_claims


_DIGITS = re.compile(r"\d+")
# one MDX/JSX component, self-closing or with its closing tag: a capitalised name, as MDX has it
_COMPONENT = re.compile(r"<(?P<name>[A-Z][\w.]*)\b[^<>]*(?:/>|>[^<>]*</(?P=name)\s*>)", re.S)
_SOURCE_NOTE = re.compile(r"[ \t>*_]*(?:Sources?|Data(?:[ \t]+source)?)[ \t]*:", re.I)
_FRONT_PROSE = re.compile(r"(?P<key>title|description|summary|excerpt|subtitle|headline|subheadline|tagline|strapline|standfirst)[ \t]*:[ \t]*(?P<q>[\"']?)(?P<v>.*?)(?P=q)[ \t]*$")


# A figure a page template shows, kept in front matter as a value and what it counts, in one
# mapping ("hero:\n  stat: under 1 hour\n  label: median time to ...", "stats:\n  - value: 92%\n
# label: of returns accepted first time"): read as one sentence, value first.
_FRONT_FIGURE = re.compile(r"(?P<ind>[ \t]*(?:-[ \t]+)?)(?P<key>value|stat|number|figure|amount)[ \t]*:[ \t]*"
                           r"(?P<q>[\"']?)(?P<v>[^\"'\n#]*\d[^\"'\n#]*?)(?P=q)[ \t]*$")
_FRONT_LABEL = re.compile(r"(?P<ind>[ \t]*(?:-[ \t]+)?)(?P<key>label|caption|description|text|title)[ \t]*:[ \t]*"
                          r"(?P<q>[\"']?)(?P<v>[^\n]*?)(?P=q)[ \t]*$")
_TOP_KEY = re.compile(r"(?P<key>[\w.-]+)[ \t]*:")
_NOT_SHOWN = frozenset({"metrics", "sources", "canon", "canon.ignore"})  # canon's own fields, not page copy


def front_matter_claims(front: str | None, front_line: int) -> list[Claim]:
    """Figures in the front matter's prose: a title or a description states claims as the body does
    ("title: Acme cut close time by 60%"), and so does a stat a template shows (``_FRONT_FIGURE``
    with its label). Only one-line values are read."""
    if not front or not any(ch.isdigit() for ch in front) and "percent" not in front:
        return []
    extract = _extractor()
    found: list[Claim] = []
    lines = front.split("\n")
    top = ""
    for idx, line in enumerate(lines):
        if line[:1] not in (" ", "\t", "-", "") and (k := _TOP_KEY.match(line)):
            top = k.group("key")
        m = _FRONT_PROSE.match(line)
        if m and m.group("v").strip() and not m.group("v").startswith((">", "|")):
            for claim in extract(m.group("v"), first_line=front_line + idx, first_column=m.start("v") + 1):
                claim.block, claim.section = "front_matter", m.group("key")
                found.append(claim)
            continue
        f = _FRONT_FIGURE.match(line)
        if f is None or not f.group("ind") or top in _NOT_SHOWN:
            continue
        at = _front_label(lines, idx, len(f.group("ind")))
        if at is None:
            continue
        value, (label_line, label) = f.group("v").strip(), at
        start = f.start("v") + 1
        for claim in extract(f"{value} {label.group('v').strip()}", first_line=front_line + idx, first_column=start):
            claim.block, claim.section = "front_matter", top or f.group("key")
            # what falls in the label is where the label is written, on its own line
            label_column = label.start("v") + len(label.group("v")) - len(label.group("v").lstrip()) + 1
            shift = label_column - (start + len(value) + 1)
            if claim.column >= start + len(value) + 1:
                claim.line, claim.column = front_line + label_line, claim.column + shift
            if claim.end_column is not None and claim.end_column > start + len(value) + 1:
                claim.end_line, claim.end_column = front_line + label_line, claim.end_column + shift
            found.append(claim)
    return found


def _front_label(lines: list[str], at: int, column: int) -> tuple[int, re.Match[str]] | None:
    """The label beside the figure on line ``at``: the key of the same mapping (its keys start at
    ``column``) next to it, above or below, and its line."""
    for way in (range(at + 1, len(lines)), range(at - 1, -1, -1)):
        for k in way:
            indent = len(lines[k]) - len(lines[k].lstrip(" \t-"))
            if indent > column:
                continue  # inside the value of a key between them
            m = _FRONT_LABEL.match(lines[k])
            if m is None or indent < column:
                break  # another key of the mapping, or the mapping ended
            ind = m.group("ind")
            # a list item is one mapping: a label that opens the next item, or one above an item the
            # figure opens, is another stat's
            other_item = "-" in ind if k > at else "-" in lines[at][:column]
            if len(ind) == column and not other_item and m.group("v").strip():
                return k, m
            break
    return None


def claims_of(segments: list[_Segment], lines: list[str], shift: int) -> tuple[list[Claim], int | None]:
    """The claims of every segment, and the file line where reading stopped once the file's
    numbers passed ``MAX_FIGURES`` (``None``: all read). Each number costs the extractor far more
    than prose does, so a file of nothing but numbers is what this bounds."""
    extract = _extractor()
    found: list[Claim] = []
    numbers = 0
    before = ""
    list_lead, in_list = "", False  # the text before a list leads into each of its items
    for k, seg in enumerate(segments):
        text = _segment_text(seg, lines)
        if not text.strip():
            continue
        numbers += len(_DIGITS.findall(text))
        if numbers > MAX_FIGURES:
            return found, seg.start + shift
        # what leads into this block (its section's title, the block before): a study named there
        # is the source of the figures that follow it; for an item of a list, the text before
        # the list too ("As per the 2021 survey:" over four findings), unless an item names another
        item = seg.block.kind == "list_item" and seg.kind != "heading"
        if item and not in_list:
            list_lead = before
        lead = seg.block.section + "\n" + (list_lead + "\n" if item and in_list else "") \
            + (before if seg.kind != "heading" else "")
        in_list = item
        if seg.kind == "table" and k + 1 < len(segments):
            # a note under a table ("Source: 2026 benchmark.") names the source of its rows
            note = _segment_text(segments[k + 1], lines)
            m = _SOURCE_NOTE.match(note)
            if m:  # the extractor blanks a "Source:" label; the words after it name the source
                lead += "\nAccording to " + note[m.end():].strip()
        before = text if seg.kind != "heading" else ""
        for claim in extract(text, first_line=seg.start + shift, first_column=1, lead=lead):
            claim.block = claim.block or seg.block.kind
            claim.section = claim.section or seg.block.section
            found.append(claim)
    return found, None


# A sentence ends between a figure and a footnote mark: "... 30%. Most practices ...[^2]"
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=\S)")


def cite_footnotes(claims: list[Claim], lines: list[str], shift: int) -> None:
    """A footnote mark in a figure's sentence, after it ("£120 on average.[^1]"), cites the source
    its footnote names ("[^1]: Association of ..., 2025."): that is the figure's source, with the
    footnote's year as its date. Footnotes that name no source ("[^2]: Rounded.") change nothing."""
    from knowledge.claims import FOOTNOTE_DEF, FOOTNOTE_MARK, footnote_source

    sources: dict[str, Source] = {}
    for i, line in enumerate(lines):
        m = FOOTNOTE_DEF.match(line)
        if m:
            src = footnote_source(m.group("text"), line=i + shift)
            if src is not None:
                sources.setdefault(m.group("label"), src)
    if not sources:
        return
    for claim in claims:
        first = claim.end_line - shift
        tail: list[str] = []
        for i in range(first, min(len(lines), first + 3)):
            text = lines[i][claim.end_column - 1:] if i == first else lines[i]
            if not text.strip():
                break
            tail.append(text)
            m = FOOTNOTE_MARK.search("\n".join(tail))
            if m:
                if not _SENTENCE_BREAK.search("\n".join(tail)[:m.start()]) and m.group("label") in sources:
                    claim.source = sources[m.group("label")]
                break


def figures_message(line: int) -> str:
    return (f"more than {MAX_FIGURES:,} numbers in one file: claims from line {line} on are not read or "
            "checked; split the file")


def describe(value: Any, limit: int = 60) -> str:
    """A short printable form of a YAML value for messages (never the whole of a huge value)."""
    import reprlib

    r = reprlib.Repr()
    r.maxstring = limit
    r.maxother = limit
    r.maxlist = 4
    r.maxdict = 4
    r.maxlevel = 2
    return r.repr(value)
