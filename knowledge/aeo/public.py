"""What of the KB may leave it: the publish rule, the internal parts of an entry, personal data.

**Who is published.** ``[aeo] publish`` in ``canon.toml``:

- ``"public"`` (the default): an entry is published only when its ``audience`` lists ``public``.
  A KB is private until someone marks what is for buyers; a new entry stays inside.
- ``"approved"``: every approved entry is published unless its ``audience`` lists ``internal``.
  For KBs that are public as a whole (an open handbook).

Either way only approved, current, consistent entries of a page type are published (see
``export``), and objections never are: their ``examples:`` are prospects' words.

**What of an entry is published.** Its body, except:

- sections whose heading says they are for the company's own people (``INTERNAL_HEADINGS``:
  "Internal", "Coaching", "Talk track", "For reps", "What not to say", "How to use it" ...; add
  your own with ``[aeo] internal_headings = ["..."]``); a section runs to the next heading of the
  same or a higher level;
- lines between ``<!-- canon-internal -->`` and ``<!-- /canon-internal -->`` (an unclosed block
  runs to the end of the entry);
- HTML comments.

**Personal data.** E-mail addresses, the owners named in front matter and the internal speakers of
``[calls]`` are replaced by "(e-mail withheld)" and "(name withheld)" in every exported file; no
owner is named on a page.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.errors import ConfigError
from knowledge.model import Block, Entry
from knowledge.settings import Settings

from ._text import heading_level

PUBLISH_RULES = ("public", "approved")
PUBLIC_AUDIENCE = "public"
INTERNAL_AUDIENCE = "internal"

# Headings of sections written for sellers, not buyers: the words that name such a section in
# sales-enablement writing (who it is for, that it is private, that it tells a seller what to
# say or do). Matching leaves a section out of a page; a false match only publishes less.
INTERNAL_HEADINGS: tuple[str, ...] = (
    r"internal", r"confidential", r"private", r"do not (?:share|publish|forward)",
    r"not for (?:publication|customers|prospects|external use|the public|sharing)",
    r"coaching", r"talk ?tracks?", r"for (?:reps|sellers|sales(?: reps| team)?|the team|internal use|ae?s|sdrs?)",
    r"(?:rep|sales|seller|field) notes", r"battle ?cards?", r"playbook", r"objection handling",
    r"(?:what|how) (?:not )?to say", r"say (?:this|it)", r"do not say", r"don'?t say", r"what not to do",
    r"(?:how|when) to use (?:it|this|these|them)", r"discovery questions",
)
_MARKER_OPEN = re.compile(r"<!--\s*canon-internal\s*-->", re.I)
_MARKER_CLOSE = re.compile(r"<!--\s*/\s*canon-internal\s*-->", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
EMAIL_WITHHELD = "(e-mail withheld)"
NAME_WITHHELD = "(name withheld)"


@dataclass(frozen=True)
class PublishRule:
    """Which entries may be published and what of them is withheld, from ``canon.toml``."""

    mode: str = "public"
    internal_headings: re.Pattern[str] = re.compile("|".join(INTERNAL_HEADINGS), re.I)
    names: tuple[str, ...] = ()  # people to withhold: owners, internal speakers

    @classmethod
    def from_settings(cls, settings: Settings, entries: Iterable[Entry] = ()) -> PublishRule:
        table = settings.extra.get("aeo")
        table = table if isinstance(table, dict) else {}
        mode = table.get("publish", "public")
        if mode not in PUBLISH_RULES:
            raise ConfigError(f"[aeo] publish = {mode!r} is not one of {', '.join(PUBLISH_RULES)}",
                              hint='write publish = "public" (only entries with audience: public) or '
                                   '"approved" (every approved entry not marked audience: internal)')
        extra = table.get("internal_headings", [])
        if not isinstance(extra, list) or not all(isinstance(h, str) for h in extra):
            raise ConfigError("[aeo] internal_headings must be a list of strings",
                              hint='e.g. internal_headings = ["Partner pricing", "Roadmap"]')
        words = [*INTERNAL_HEADINGS, *(re.escape(h.strip()) for h in extra if h.strip())]
        names = {s.strip() for s in settings.calls.internal_speakers if s.strip()}
        for e in entries:
            for owner in (e.owner or "").split(","):
                parts = owner.split()
                # a person's name ("Dana Wu"); a single word is more likely a team ("marketing")
                if 2 <= len(parts) <= 4 and "@" not in owner and all(w[:1].isupper() for w in parts):
                    names.add(" ".join(parts))
        return cls(mode=mode, internal_headings=re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I),
                   names=tuple(sorted(names, key=lambda n: (-len(n), n))))

    def is_public(self, entry: Entry) -> bool:
        """Whether the rule lets ``entry`` out at all (status and findings are decided elsewhere)."""
        audience = {a.strip().casefold() for a in entry.audience}
        if self.mode == "approved":
            return INTERNAL_AUDIENCE not in audience
        return PUBLIC_AUDIENCE in audience

    def withhold(self, text: str) -> str:
        """``text`` with e-mail addresses and the people this rule knows replaced."""
        if "@" in text:
            text = EMAIL.sub(EMAIL_WITHHELD, text)
        if self.names:
            text = _names_pattern(self.names).sub(NAME_WITHHELD, text)
        return text


@lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every name, longest first, whole words only, any case."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)


def public_questions(entry: Entry, by_id: dict[str, Entry], rule: PublishRule) -> list[Entry]:
    """The approved objections ``entry`` answers that ``rule`` lets out, as they may be published:
    only these may give an answer page its question (an internal objection's title is the sellers'
    shorthand for it, not a buyer's question)."""
    found = (by_id.get(o) for o in entry.answers)
    return [public_entry(o, rule) for o in found
            if o is not None and o.type == "objection" and o.approved and rule.is_public(o)]


def internal_lines(entry: Entry, rule: PublishRule) -> set[int]:
    """File lines of ``entry``'s body that are internal: marked blocks and internal sections."""
    lines = entry.body.split("\n")
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        opened = _MARKER_OPEN.search(line) if "canon-internal" in line else None
        closed = _MARKER_CLOSE.search(line) if "canon-internal" in line else None
        if inside or opened or closed:
            out.add(entry.body_line + i)  # markers work on whole lines: the line is withheld
        if opened and not (closed and closed.start() > opened.start()):
            inside = True
        elif closed:
            inside = False
    last = entry.body_line + len(lines) - 1
    headings = [b for b in entry.blocks if b.kind == "heading"]
    for i, h in enumerate(headings):
        if not rule.internal_headings.search(h.text):
            continue
        level = heading_level(entry, h)
        end = next((n.line - 1 for n in headings[i + 1:] if heading_level(entry, n) <= level), last)
        out.update(range(h.line, end + 1))
    return out


def _touches(block: Block, lines: set[int]) -> bool:
    return any(n in lines for n in range(block.line, block.end_line + 1))


def public_entry(entry: Entry, rule: PublishRule) -> Entry:
    """A copy of ``entry`` holding only what may be published: internal lines blanked from the body
    (so that line numbers still hold), blocks and claims on them dropped, comments removed."""
    hidden = internal_lines(entry, rule)
    lines = entry.body.split("\n")
    kept = ["" if entry.body_line + i in hidden else line for i, line in enumerate(lines)]
    body = "\n".join(kept)
    if "<!--" in body:
        body = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), body)
    return dataclasses.replace(
        entry, body=body, blocks=[b for b in entry.blocks if not _touches(b, hidden)],
        claims=[c for c in entry.claims if c.line not in hidden], examples=[], owner=None,
    )


def public_markdown(entry: Entry) -> str:
    """The published body as Markdown: the public entry's body without its H1 title, blank runs
    collapsed."""
    lines = entry.body.split("\n")
    first = next((b for b in entry.blocks), None)
    if first is not None and first.kind == "heading" and heading_level(entry, first) == 1:
        for n in range(first.line, first.end_line + 1):
            i = n - entry.body_line
            if 0 <= i < len(lines):
                lines[i] = ""
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def public_text(entry: Entry) -> str:
    """The published body as plain text, a paragraph per block (headings and code left out)."""
    return "\n\n".join(b.text for b in entry.blocks if b.kind in ("paragraph", "list_item", "blockquote", "table"))
