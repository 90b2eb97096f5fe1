"""The markup masker: a copy of a Markdown or transcript text of the same length, with markup
(front matter, code, link targets, URLs, e-mails, HTML tags, emphasis, list bullets, headings, table pipes,
speaker labels, time stamps) overwritten with spaces, or with a break character (``BRK``) where it ends a
sentence. Because nothing changes length, an offset in the copy is an offset in the original."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_BRK = "\x00"  # a sentence break in the cleaned copy; not whitespace to ``re``
_NONNL = re.compile(r"[^\n]")
_WS = re.compile(r"[\s\x00]+")
_SPACE_PUNCT = re.compile(r" ([.,;:!?)\]’”])(?=\s|$)")

# --------------------------------------------------------------------------------------------
# 1. The cleaned copy
# --------------------------------------------------------------------------------------------


def _blank(s: str) -> str:
    return _NONNL.sub(" ", s)


def _brk(s: str) -> str:
    return _NONNL.sub(_BRK, s)


def _blank_m(m: re.Match[str]) -> str:
    return _blank(m.group(0))


def _brk_m(m: re.Match[str]) -> str:
    return _brk(m.group(0))


_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[^\n]*$|\Z)", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


class _LineRegex:
    """A pattern that must start a line. ``re`` cannot skip ahead to ``^``, but it can to a
    newline, so the first line is matched on its own and the others after a literal newline.
    Replacements keep newlines, so a callback sees the same text either way."""

    def __init__(self, body: str) -> None:
        self.first = re.compile(f"(?:{body})", re.M)
        self.rest = re.compile(f"\n(?:{body})", re.M)

    def sub(self, repl: Callable[[re.Match[str]], str], t: str) -> str:
        m = self.first.match(t)
        if m:
            t = repl(m) + t[m.end():]
        return self.rest.sub(repl, t)


_CUE = _LineRegex(  # WebVTT and SRT: header, cue numbers and identifiers, timings
    r"[ \t]*(?:WEBVTT[^\n]*|NOTE\b[^\n]*|\d+[ \t]*|"
    r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->[^\n]*)$"
    r"|[^\n]+(?=\n[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->)"
)
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_CODE = re.compile(r"`[^`\n]+`")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REF_DEF = _LineRegex(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$")
_TIMESTAMP = re.compile(r"\d(?<![\d:.]\d)\d?:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\)?\]?(?=[ \t]*[A-Z\[<])")
_CITE = re.compile(r"\[\^[^\]\n]*\]|\[\d{1,3}\]")
_URL = re.compile(r"(?:https?://|ftp://|www\.|mailto:)[^\s<>()\[\]\"'`]*[^\s<>()\[\]\"'`.,;:!?]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PATH = re.compile(r"/(?<![\w.]/)(?:[\w.~%+-]+/)+[\w.~%+#=?&-]*")
_TAG_BREAK = re.compile(
    r"</?(?:br|p|div|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|hr|blockquote|section)\b[^<>]*>"
    r"|<v(?:[ \t.][^<>]*)?>|</v>|<c(?:\.[^<>]*)?>|</c>",
    re.I,
)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
# MDX/JSX and HTML attributes that hold prose: their values are read, the rest of a tag is not
_PROSE_ATTR = re.compile(
    r"""\b(?:quote|title|description|text|caption|summary|content|body|heading|subtitle|subheading|stat|result|alt)"""
    r"""\s*=\s*\{?\s*(?P<q>["'`])(?P<v>[^"'`<>]*)(?P=q)""", re.I)
# A figure as a stat component shows it: its value in one attribute, what it counts in another
# (``<Stat value="23%" label="less irrigation water, on average" />``). Read together, value first
# whichever attribute comes first, they are one sentence ("23% less irrigation water, on average");
# a value alone is no claim. A ``label`` is the label where a ``title`` is also given.
_FIGURE_ATTR = re.compile(
    r"""\b(?:value|number|figure|amount|metric)\s*=\s*\{?\s*(?P<q>["'`])(?P<v>[^"'`<>]*\d[^"'`<>]*)(?P=q)""", re.I)
_LABEL_ATTR = re.compile(
    r"""\b(?:label|caption|description|text|title|subtitle)\s*=\s*\{?\s*(?P<q>["'`])(?P<v>[^"'`<>]*)(?P=q)""", re.I)
_LABEL_KEY = re.compile(r"""\blabel\s*=\s*\{?\s*(?P<q>["'`])(?P<v>[^"'`<>]*)(?P=q)""", re.I)
_BRACES = re.compile(r"\{\{[^{}\n]*\}\}|\{[a-z_:%#.][^{}\n]{0,80}\}")
# Static-site generator markup (Kramdown/Jekyll, Liquid, Hugo) that real handbook pages carry:
# attribute lists ("{:toc .hidden-md}", "{: .alert}"), Liquid tags and output ("{% include x %}",
# "{{ page.title }}"), Hugo shortcodes ("{{< figure >}}", "{{% note %}}"), and Kramdown's table of
# contents placeholder, a one-item list "- TOC" (or "* Table of contents") followed by "{:toc}".
# None of it is prose: left in, "TOC" and "hidden-md" became words of the page's first passage.
SITE_MARKUP = re.compile(
    r"^[ \t]*[-*+][ \t]+(?:TOC|Table of [Cc]ontents)[ \t]*\n[ \t]*\{:[ \t]*toc\b[^}\n]*\}"
    r"|\{\{[<%][^\n]{0,500}?[>%]\}\}"
    r"|\{%[^\n]{0,500}?%\}"
    r"|(?<!\$)\{\{[^{}\n]*\}\}"
    r"|\{:[^}\n]*\}",
    re.M,
)


def blank_site_markup(text: str) -> str:
    """``text`` with static-site markup (``SITE_MARKUP``) blanked: same length, newlines kept."""
    if "{" not in text:
        return text
    return SITE_MARKUP.sub(_blank_m, text)


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5});")
_RULE = _LineRegex(r"[ \t]*(?:[-*_=][ \t]*){3,}$")
_TABLE_SEP = _LineRegex(r"[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*(?::?-{2,}:?)?[ \t]*$")
_MARK = r"#{1,6}(?=[ \t]|$)|[-*+•](?=[ \t])|\d{1,3}[.)](?=[ \t])|\|"
_LINE_START = _LineRegex(rf"([ \t]*)((?:>[ \t]?)+[ \t]*(?:{_MARK})?|{_MARK})")
_EMPH = re.compile(r"[*_]+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|$])")
_SPEAKER = _LineRegex(
    r"([ \t\x00]*)((?:[A-Z][\w.'’-]*)(?:[ \t]+[A-Z][\w.'’-]*){0,3}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+):(?=[ \t])"
)


def _tag_m(m: re.Match[str]) -> str:
    """A tag is blanked, all but the values of its prose attributes (``quote="Deploys 3x faster"``),
    each closed as a sentence of its own."""
    tag = m.group(0)
    if "=" not in tag:
        return _blank(tag)
    out = list(_blank(tag))
    stat = _FIGURE_ATTR.search(tag)
    label = (_LABEL_KEY.search(tag) or _LABEL_ATTR.search(tag, stat.end()) or _LABEL_ATTR.search(tag)) if stat else None
    span = (0, 0)
    if stat is not None and label is not None:
        span = (min(stat.start("v"), label.start("v")), max(stat.end("v"), label.end("v")))
        if "\n" in tag[span[0]:span[1]]:
            span = (0, 0)  # a line break may not move: each is left where it is
    inside: list[str] = []
    for a in _PROSE_ATTR.finditer(tag):
        if label is not None and a.start("v") == label.start("v"):
            continue  # closed with its figure below
        if span[0] <= a.start("v") < span[1]:
            inside.append(a.group("v"))  # between the value and its label: said after them
            continue
        out[a.start("v"):a.end("v")] = a.group("v")
        if a.end("v") < len(out) and out[a.end("v")] != "\n":
            out[a.end("v")] = _BRK
    if stat is not None and label is not None:
        if span == (0, 0):
            out[stat.start("v"):stat.end("v")] = stat.group("v")
            out[label.start("v"):label.end("v")] = label.group("v")
        else:
            # value first, whichever is written first (the figure's offset is then where the
            # first of them is), and any prose attribute between them after them
            said = _BRK.join([f"{stat.group('v')} {label.group('v')}", *inside])
            out[span[0]:span[0] + len(said)] = said
        end = max(stat.end("v"), label.end("v"))
        if end < len(out) and out[end] != "\n":
            out[end] = _BRK
    return "".join(out)


def _link_m(m: re.Match[str]) -> str:
    text = m.group(1)
    return " " + text + " " * (len(m.group(0)) - 1 - len(text))


def _ref_link_m(m: re.Match[str]) -> str:
    text = m.group(1)
    return " " + text + " " * (len(m.group(0)) - 1 - len(text))


def _line_start_m(m: re.Match[str]) -> str:
    return m.group(0)[: m.start(2) - m.start()] + _brk(m.group(2))


def _emph_m(m: re.Match[str]) -> str:
    """Emphasis marks go; ``snake_case`` and ``L_C_D`` stay."""
    run = m.group(0)
    t, i, j = m.string, m.start(), m.end()
    inside = i > 0 and j < len(t) and (t[i - 1].isalnum() or t[i - 1] == "\\") and t[j].isalnum()
    return run if inside and len(run) <= 2 else " " * len(run)


def _blank_emails(t: str) -> str:
    """Blank e-mail addresses, looking only around each "@" (a pattern that starts with a
    character class would be tried at every word)."""
    spans: list[tuple[int, int]] = []
    i = t.find("@")
    while i >= 0:
        m = _EMAIL.search(t, max(0, i - 64), i + 256)
        if m and m.start() <= i < m.end():
            spans.append(m.span())
            i = t.find("@", m.end())
        else:
            i = t.find("@", i + 1)
    if not spans:
        return t
    parts: list[str] = []
    prev = 0
    for a, b in spans:
        parts.append(t[prev:a])
        parts.append(" " * (b - a))
        prev = b
    parts.append(t[prev:])
    return "".join(parts)


def _speaker_m(m: re.Match[str]) -> str:
    return m.group(0)[: m.start(2) - m.start()] + _brk(m.group(2)) + _BRK


def _clean(text: str, *, whole_file: bool = True, transcript: bool = True) -> str:
    """A copy of ``text`` of the same length with markup blanked out (see the module docstring).

    Front matter is only looked for when ``text`` is a whole file: a body may open with a rule.
    ``transcript=False`` leaves cues, time stamps and speaker labels alone, for text known to be a
    page's prose: there "Source: 2026 benchmark." is a label the reader sees, not a speaker."""
    t = text
    if whole_file and t.startswith("---"):
        fm = _FRONT_MATTER.match(t)
        if fm:
            t = _blank(fm.group(0)) + t[fm.end():]
    if "```" in t or "~~~" in t:
        t = _FENCE.sub(_brk_m, t)
    if "<!--" in t:
        t = _COMMENT.sub(_blank_m, t)
    if transcript and ("-->" in t or "WEBVTT" in t or "\n\n" in t):
        t = _CUE.sub(_brk_m, t)
    if "`" in t:
        t = _CODE.sub(_blank_m, t)
    if "-" in t:
        t = _UUID.sub(_blank_m, t)
    if "://" in t or "www." in t or "mailto:" in t:
        t = _URL.sub(_blank_m, t)
    if "[" in t:
        if "![" in t:
            t = _IMAGE.sub(_blank_m, t)
        t = _LINK.sub(_link_m, t)
        t = _REF_LINK.sub(_ref_link_m, t)
        t = _REF_DEF.sub(_blank_m, t)
        t = _CITE.sub(_blank_m, t)
    if transcript and ":" in t:
        t = _TIMESTAMP.sub(_brk_m, t)
    if "[" in t or "]" in t:
        t = t.replace("[", " ").replace("]", " ")
    if "/" in t:
        t = _PATH.sub(_blank_m, t)
    if "<" in t:
        t = _TAG_BREAK.sub(_brk_m, t)
        t = _TAG.sub(_tag_m, t)
    if "{" in t:
        t = blank_site_markup(t)
        t = _BRACES.sub(_blank_m, t)
    if "&" in t:
        t = _ENTITY.sub(_blank_m, t)
    if "---" in t or "***" in t or "___" in t or "===" in t:
        t = _RULE.sub(_brk_m, t)
    if "|" in t:
        t = _TABLE_SEP.sub(_brk_m, t)
    if "\n" in t or t[:1] in "#->|*+•0123456789 \t":
        t = _LINE_START.sub(_line_start_m, t)
    if transcript and ":" in t:
        t = _SPEAKER.sub(_speaker_m, t)
    if "@" in t:
        t = _blank_emails(t)
    if "*" in t or "_" in t:
        t = _EMPH.sub(_emph_m, t)
    if "\\" in t:
        t = _ESCAPE.sub(lambda m: " " + m.group(1), t)
    return t



BRK = _BRK
mask = _clean


_SUP = re.compile(r"<sup\b[^>]*>.*?</sup>", re.S)


def mask_block(text: str) -> str:
    """``mask`` for a block of a Markdown page (``whole_file=False``), with every tag blanked whole
    first: footnote marks written as ``<sup>1</sup>`` and the attributes of inline components
    (``<Quote quote="..."/>`` inside a paragraph). A page's raw HTML blocks go to ``mask`` itself,
    which reads prose attributes; what an inline tag holds has never counted as the page's claims.

    A page is not a transcript: a line's "Source:" label stays (the note under a table is found by
    it), and so do clock times; the claim extractor's own pass still reads the text as before."""
    if "<" in text:
        text = _TAG.sub(_blank_m, _SUP.sub(_blank_m, text))
    return _clean(text, whole_file=False, transcript=False)


# --------------------------------------------------------------------------------------------
# 2. Inline Markdown as a reader sees it (block texts for search and titles; lengths not kept)
# --------------------------------------------------------------------------------------------

_SPANS = re.compile(
    r"<!--.*?-->"  # comments (suppressions included)
    r"|" + _SUP.pattern +  # footnote marks as superscripts
    r"|\[\^[^\]\n]*\]"  # footnote references [^1]
    r"|(?P<tick>`+).+?(?P=tick)"  # code spans
    r"|<(?:https?|ftp|mailto):[^>\s]*>|<[^>\s@]+@[^>\s]+>"  # autolinks
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"  # ](target)
    r"|\]\[[^\]\n]*\]"  # ][reference]
    r"|\b(?:https?://|www\.)[^\s<>\[\]()]*[^\s<>\[\]().,;:!?'\"]"  # bare URLs
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # HTML tags
    r"|&nbsp;",
    re.S,
)
_MARKS = re.compile(r"!?\[|\]|\*+|~~|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|\\(?=[!-/:-@\[-`{-~])")
_MARK_CHARS = re.compile(r"[\[\]*~_\\]")


def _drop(match: re.Match[str]) -> str:
    s = match.group()
    tick = match.group("tick") if "tick" in match.re.groupindex else None
    if tick:
        return s[len(tick):len(s) - len(tick)]  # a code span keeps its words
    # tags, comments and URLs stand between words; link syntax and emphasis marks do not
    return " " if s[0] in "<&" or s.startswith(("http", "www.")) else ""


def plain_text(markdown: str) -> str:
    """Inline Markdown as a reader sees it: the words of links and code kept, the rest dropped."""
    text = markdown
    if "<" in text or "`" in text or "[" in text or "://" in text \
            or "www." in text or "&nbsp;" in text:
        text = _SPANS.sub(_drop, text)
    if _MARK_CHARS.search(text):
        text = _MARKS.sub(_drop, text)
    text = " ".join(text.split())
    return html.unescape(text) if "&" in text else text
