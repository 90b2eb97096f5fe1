"""Whether the first entry holds what a question asks for, read from words (bench/ACCURACY.md,
"Search", passes 21 and 22).

A question is often on an entry's topic without the entry answering it: "Does the resident app work
offline?" meets the page on the resident app, which never says "offline"; "what's the sla response
time for support in jamaica" meets the page of response times, which names no country. What tells
the two apart is a word of the question that the KB holds somewhere and the first entry does not:

- ``top_lacks_held``: the share of the question's IDF mass that some passage of the KB holds and the
  first entry does not. A speaker's own word no passage holds ("pricey", "chilly") does not count:
  it says nothing about whether the KB answers. ``top_keeps_held`` is one minus it.
- ``top_lacks_named``: 1 when a word of the question is one the KB writes as a name (``kb_names``),
  some passage holds it and the first entry does not; ``top_keeps_named`` is one minus it. The KB's
  writing, not the question's, says what is a name, so a question in lower case is read as one
  written with capitals.
- ``top_keeps_both``: the product of the two keeps. The floor reads it as a gate on pass 20's two
  marks (``asks_reply``, ``top_registers_kind``): a request for a reply or a registered figure of the
  kind asked counts as far as the first entry keeps the KB's words and names.

Words are matched as the floor's passage coverage matches them (``knowledge.search._chunk_coverage``:
a word, its stem, its other spellings, or a long word's leading letters). What the KB holds (every
word, stem and name of its passages) is read once per generation of the index: ``canon ingest``
stores it in the catalog (``store_kb_words``), so a search reads only the first entry's own passages.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

_TOKEN = re.compile(r"[^\W_]+")
# A sentence's, a heading's or a list item's first word: its capital says nothing.
_AFTER_BREAK = re.compile(r"(?:^|[.!?:;|#*\n\"“(\[-]\s*)$")
META_KEY = "kb_words"


@dataclass(frozen=True)
class Words:
    """The words of some text: their stems, and the stems and words as written, sorted (for the
    leading-letters look-up)."""

    stems: frozenset[str]
    ordered: tuple[str, ...]


def words_of(text: str) -> Words:
    """The stems and sorted words of ``text`` (lower-cased)."""
    from .passage import stem

    words = set(_TOKEN.findall(text.lower()))
    stems = frozenset(stem(w) for w in words)
    # The prefix look-up ("accuracy" meeting "accurate") reads the words as written too: a stemmer
    # cuts some words shorter than the prefix a long question word leaves.
    return Words(stems, tuple(sorted(stems | words)))


def union(parts: list[Words]) -> Words:
    """The words of several texts together (what one of them holds, the union holds)."""
    stems = frozenset().union(*(p.stems for p in parts)) if parts else frozenset()
    return Words(stems, tuple(sorted(set().union(*(p.ordered for p in parts))))) if parts else Words(stems, ())


def term_forms(term: str) -> tuple[frozenset[str], str]:
    """How a question word is met: its stem and its other spellings' stems, and for a long word its
    leading letters (as the lexical side matches)."""
    from .lexical import alternatives
    from .passage import stem

    forms = frozenset({stem(term), *(stem(a) for a in alternatives(term))})
    return forms, term[:-2] if len(term) >= 7 and term.isalpha() else ""


def holds(forms: frozenset[str], prefix: str, words: Words) -> bool:
    """Whether ``words`` hold a word in one of ``forms``, or one starting with ``prefix``."""
    if forms & words.stems:
        return True
    if not prefix:
        return False
    i = bisect_left(words.ordered, prefix)
    return i < len(words.ordered) and words.ordered[i].startswith(prefix)


def kb_names(texts: list[str]) -> frozenset[str]:
    """The words (lower case) the KB writes as names: capitalised where no sentence starts in most of
    their occurrences, or written with a capital inside or a digit among letters ("eCRF", "ISO27001")."""
    capital: dict[str, int] = {}
    seen: dict[str, int] = {}
    for text in texts:
        for m in _TOKEN.finditer(text):
            w, low = m.group(0), m.group(0).lower()
            if any(c.isupper() for c in w[1:]) or (any(c.isdigit() for c in w) and any(c.isalpha() for c in w)):
                capital[low] = capital.get(low, 0) + 10**6
            if _AFTER_BREAK.search(text[max(m.start() - 3, 0):m.start()]):
                continue
            seen[low] = seen.get(low, 0) + 1
            capital[low] = capital.get(low, 0) + w[0].isupper()
    return frozenset(w for w, n in capital.items() if n * 2 > seen.get(w, 0) and not w.isdigit())


@dataclass(frozen=True)
class KbWords:
    """What the KB holds: every word of its passages, and the words it writes as names."""

    words: Words
    names: frozenset[str]

    def to_json(self, generation: str) -> str:
        return json.dumps({"generation": generation, "stems": sorted(self.words.stems),
                           "ordered": list(self.words.ordered), "names": sorted(self.names)})

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> KbWords:
        return cls(Words(frozenset(d["stems"]), tuple(d["ordered"])), frozenset(d["names"]))


def _passages(catalog: Any) -> list[str]:
    """Every passage of the index, one per file (its chunks joined in order)."""
    by_path: dict[str, list[str]] = {}
    for path, text in catalog.db.execute("SELECT path, text FROM chunks ORDER BY path, line"):
        by_path.setdefault(path, []).append(text)
    return ["\n".join(ts) for ts in by_path.values()]


def read_kb_words(catalog: Any) -> KbWords:
    """What the KB holds, read from every passage of the index (a scan: ``canon ingest`` does it)."""
    texts = _passages(catalog)
    return KbWords(words_of("\n".join(texts)), kb_names(texts))


def store_kb_words(catalog: Any) -> None:
    """Keep what the KB holds in the catalog for this generation of the index, unless it is there."""
    generation = catalog.get_meta("generation") or ""
    raw = catalog.get_meta(META_KEY)
    if raw and json.loads(raw).get("generation") == generation:
        return
    catalog.set_meta(META_KEY, read_kb_words(catalog).to_json(generation))


_kb_cache: dict[tuple[str, str], KbWords] = {}


def kb_words(catalog: Any) -> KbWords:
    """What the KB holds, for this generation of the index: as ``canon ingest`` stored it, or, for an
    index from before it did, read once per process."""
    generation = catalog.get_meta("generation") or ""
    key = (str(catalog.path), generation)
    got = _kb_cache.get(key)
    if got is None:
        raw = catalog.get_meta(META_KEY)
        d = json.loads(raw) if raw else {}
        got = KbWords.from_json(d) if d.get("generation") == generation else read_kb_words(catalog)
        if len(_kb_cache) > 16:
            _kb_cache.clear()
        _kb_cache[key] = got
    return got


def lacks_held(idf: dict[str, float], top: Words | None, kb: Words) -> float:
    """``top_lacks_held`` (see the module docstring); 0 without a first entry."""
    total = sum(idf.values())
    if not total or top is None:
        return 0.0
    lacked = 0.0
    for t, w in idf.items():
        forms, prefix = term_forms(t)
        if not holds(forms, prefix, top) and holds(forms, prefix, kb):
            lacked += w
    return lacked / total


def lacks_named(idf: dict[str, float], top: Words | None, kb: KbWords) -> float:
    """``top_lacks_named`` (see the module docstring); 0 without a first entry."""
    if top is None:
        return 0.0
    for t in idf:
        if t in kb.names:
            forms, prefix = term_forms(t)
            if not holds(forms, prefix, top) and holds(forms, prefix, kb.words):
                return 1.0
    return 0.0


_chunk_words: dict[str, Words] = {}
_CHUNK_WORDS_KEPT = 50_000


def chunk_words(chunk_id: str, text: str) -> Words:
    """``words_of`` one chunk, kept per chunk id (a chunk's id changes with its text)."""
    got = _chunk_words.get(chunk_id)
    if got is None:
        if len(_chunk_words) > _CHUNK_WORDS_KEPT:
            _chunk_words.clear()
        got = _chunk_words[chunk_id] = words_of(text)
    return got


@dataclass
class Asked:
    """A question's words against the KB's (the same for every candidate of a question): what an
    entry keeps of them, read from that entry's passages in the index."""

    idf: dict[str, float]
    kb: KbWords
    catalog: Any
    _kept: dict[str, dict[str, float]] = field(default_factory=dict)

    def entry_words(self, path: str) -> Words:
        """Every word of the entry's passages (its chunks, of every kind)."""
        rows = self.catalog.db.execute("SELECT id, text FROM chunks WHERE path=?", (path,)).fetchall()
        return union([chunk_words(i, t) for i, t in rows])

    def readings(self, path: str | None) -> dict[str, float]:
        """``top_keeps_held``, ``top_keeps_named`` and ``top_keeps_both`` with ``path`` first."""
        key = path or ""
        got = self._kept.get(key)
        if got is None:
            top = self.entry_words(path) if path else None
            held = 1.0 - lacks_held(self.idf, top, self.kb.words)
            named = 1.0 - lacks_named(self.idf, top, self.kb)
            got = self._kept[key] = {"top_keeps_held": held, "top_keeps_named": named, "top_keeps_both": held * named}
        return got
