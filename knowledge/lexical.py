"""Lexical retrieval: a BM25 full-text index of entries (SQLite FTS5) in the catalog.

Meaning-only search loses exact terms: acronyms ("SOC 2"), product and customer names, a
competitor's name, a certification. The FTS table holds one row per entry (title, and the body
with metric names, figures, examples and topics), so that lexical ranks are ranks of entries,
ready to be fused with the vector ranks. The ingest writes it in the same transaction that swaps
the catalog, so the two never disagree.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Bump when what a row holds changes: the next ingest rebuilds the table from the catalog.
LEXICAL_VERSION = "1"

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(
    path UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

# English function words and question scaffolding ("how long does it take"): they say how a
# question is asked, not what about. Generic (no KB's vocabulary); BM25's IDF would weigh them down anyway, but leaving them
# out keeps "what/how/can" from making every entry a lexical candidate.
STOPWORDS = frozenset("""
a about after again all also am an and any are as at be been before being both but by can could
did do does doing done during each few for from had has have having he her here hers him his how
i if in into is it its itself just let me more most my no nor not of off on once only or other
our ours out over own same say said she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours us get got tell give want need much many
long take takes took
""".split())

_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
# A clitic says how a word is used, not what it is about: "Ticketmaster's" is Ticketmaster, and a
# negated auxiliary ("won't", "isn't", "doesn't") is as much a function word as "not".
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m)$")

# Numbers a writer spells out that a page writes in digits, or the other way round ("a six-hour
# build" and "6 hours"): English number words, nothing of any KB.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({w: str(10 * i) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_NUMBER_DIGITS = {d: w for w, d in _NUMBER_WORDS.items()}


def number_alternative(term: str) -> str | None:
    """A number's other spelling ("six" and "6"), or None."""
    return _NUMBER_WORDS.get(term) or _NUMBER_DIGITS.get(term)


def terms(question: str) -> list[str]:
    """The question's content words, lower-cased, in order, without repeats."""
    out: list[str] = []
    for w in _WORD.findall(question.lower().replace("\u2019", "'")):
        if w.endswith("n't"):
            continue
        w = _CLITIC.sub("", w).replace("'", "")
        if w.endswith("s") and w[:-1] in STOPWORDS:
            continue
        if w in STOPWORDS or w in out:
            continue
        out.append(w)
    return out


# British and American spellings of one word ("colouring" and "coloring", "organisations" and
# "organizations", "licence" and "license", "modelling" and "modeling"): a writer asks in their own
# spelling, the page is written in the other. Regular English suffix rules, nothing of any KB; a
# form that no entry uses matches nothing, so a rule that overreaches ("vendor" -> "vendour") only
# costs one look-up.
_SPELLINGS = [(re.compile(a), b) for a, b in (
    (r"^(\w{3,})our(s|ed|ing|ite|ites|able|ful)?$", r"\1or\2"),
    (r"^(\w{2,}[lvbmdin])or(s|ed|ing|ite|ites|able|ful)?$", r"\1our\2"),
    (r"^(\w{3,})is(e|ed|es|er|ers|ing|ation|ations)$", r"\1iz\2"),
    (r"^(\w{3,})iz(e|ed|es|er|ers|ing|ation|ations)$", r"\1is\2"),
    (r"^(\w{3,})ys(e|ed|es|ing)$", r"\1yz\2"),
    (r"^(\w{3,})yz(e|ed|es|ing)$", r"\1ys\2"),
    (r"^(\w{3,})tre(s)?$", r"\1ter\2"),
    (r"^(\w{3,})ence(s)?$", r"\1ense\2"),
    (r"^(\w{3,})ense(s)?$", r"\1ence\2"),
    (r"^(\w{2,}[aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),
    (r"^(\w{2,}[aeiou])l(ed|ing|er|ers)$", r"\1ll\2"),
)]


@lru_cache(maxsize=65536)
def spelling_alternative(term: str) -> str | None:
    """The word in the other of British and American spelling, or None."""
    if not term.isalpha():
        return None
    for pattern, repl in _SPELLINGS:
        if pattern.match(term):
            return pattern.sub(repl, term)
    return None


def alternatives(term: str) -> list[str]:
    """Other forms of a term that mean the same: a number's other spelling, a word's other
    national spelling."""
    return [a for a in (number_alternative(term), spelling_alternative(term)) if a]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _match(term: str) -> str:
    """The term, or for a long word also its leading letters: the Porter stemmer leaves
    "accurate" and "accuracy" (or "integrate" and "integration") apart, and a writer's word for a
    thing is often another form of the KB's. A number also matches its other spelling."""
    other = number_alternative(term)
    if other:
        return f"{_quote(term)} OR {_quote(other)}"
    spelled = spelling_alternative(term)
    also = f" OR {_quote(spelled)}" if spelled else ""
    if len(term) >= 7 and term.isalpha():
        return f"{_quote(term)} OR {_quote(term[:-2])}*{also}"
    return _quote(term) + also


# Whether the names of an entry's registered metrics count as its title in BM25 (weighted as a
# title, and read by the title coverage): measured in the tenth pass, off (bench/ACCURACY.md). It
# changes what a row holds, so it is part of the table's version (``lexical_version``).
METRIC_NAMES_AS_TITLE = False


def lexical_version() -> str:
    """The version of what a row holds, switches included: ingest rebuilds the table when it changes."""
    return LEXICAL_VERSION + ("+metric-titles" if METRIC_NAMES_AS_TITLE else "")


def entry_row(rec: dict[str, Any]) -> tuple[str, str, str]:
    """(path, title, body) of an entry record as the catalog stores it."""
    parts: list[str] = [rec.get("body") or ""]
    title = str(rec.get("title") or rec.get("id") or "")
    for m in rec.get("metrics") or []:
        parts.append(f"{m.get('name', '')} {m.get('value', '')} {m.get('unit', '')}")
        if METRIC_NAMES_AS_TITLE:
            title += f"\n{m.get('name', '')}"
    parts.extend(str(x) for x in rec.get("examples") or [])
    parts.extend(str(x) for x in rec.get("topics") or [])
    return rec["path"], title, "\n".join(parts)


def refresh(db: sqlite3.Connection, paths: Iterable[str], records: Iterable[dict[str, Any]]) -> None:
    """Replace the rows of ``paths`` with those of ``records`` (inside the caller's transaction)."""
    db.executemany("DELETE FROM entries_fts WHERE path=?", [(p,) for p in paths])
    db.executemany("INSERT INTO entries_fts (path, title, body) VALUES (?, ?, ?)",
                   [entry_row(r) for r in records])


def rebuild(db: sqlite3.Connection) -> None:
    """Fill the table afresh from every entry record (inside the caller's transaction)."""
    import json

    db.execute("DELETE FROM entries_fts")
    rows = db.execute("SELECT data FROM records WHERE kind='entry'").fetchall()
    db.executemany("INSERT INTO entries_fts (path, title, body) VALUES (?, ?, ?)",
                   [entry_row(json.loads(r[0])) for r in rows])


@dataclass
class LexicalHits:
    """What the lexical side knows about a question: entries by BM25, and which entries hold which
    term, weighted by how rare the term is in the KB (IDF). Entries are FTS rows (``rowids`` maps
    an entry's path to its row)."""

    ranked: list[tuple[str, float]] = field(default_factory=list)  # (path, bm25), best first
    idf: dict[str, float] = field(default_factory=dict)
    holders: dict[str, set[int]] = field(default_factory=dict)  # term -> rows holding it
    title_holders: dict[str, set[int]] = field(default_factory=dict)
    phrases: list[set[int]] = field(default_factory=list)  # per pair of neighbouring words: rows with it
    rowids: dict[str, int] = field(default_factory=dict)
    # term -> the KB's other ways of writing it, each a sequence of words (the two halves of a
    # compound, an abbreviation's long form, the joined form of a hyphenated pair)
    forms: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def _row(self, path: str) -> int:
        return self.rowids.get(path, -1)

    def phrase_share(self, path: str) -> float:
        """Share of the question's neighbouring word pairs ("SOC 2", "bank details") that the
        entry holds close together: evidence that it speaks of the same thing, not just the words."""
        if not self.phrases:
            return 0.0
        row = self._row(path)
        return sum(1 for p in self.phrases if row in p) / len(self.phrases)

    def coverage(self, path: str) -> float:
        """Share of the question's IDF mass found in the entry: 1.0 when it holds every term. A
        term the KB never uses counts fully against every entry, which is what tells a question
        about something the KB does not cover ("HIPAA", "uptime")."""
        total = self._mass()
        if not total:
            return 0.0
        row = self._row(path)
        return sum(w for t, w in self.idf.items() if row in self.holders.get(t, ())) / total

    def title_coverage(self, path: str) -> float:
        total = self._mass()
        if not total:
            return 0.0
        row = self._row(path)
        return sum(w for t, w in self.idf.items() if row in self.title_holders.get(t, ())) / total

    def _mass(self) -> float:
        return sum(self.idf.values())


# Per catalog and index generation: each entry's row in the FTS table (reading a column of every
# row costs milliseconds on a 2,000-entry KB).
_tables: dict[tuple[str, str], dict[str, int]] = {}


def _rowids(db: sqlite3.Connection, key: tuple[str, str]) -> dict[str, int]:
    got = _tables.get(key) if key != ("", "") else None
    if got is None:
        got = {p: r for r, p in db.execute("SELECT rowid, path FROM entries_fts").fetchall()}
        if key != ("", ""):
            for k in [k for k in _tables if k[0] == key[0]]:
                del _tables[k]
            _tables[key] = got
    return got


# Per catalog and index generation: the rows each FTS expression matches. The words writers ask
# with repeat, and the common ones cost most to look up (a doclist of half the KB), so a warm
# server looks each up once per index generation.
_matches: dict[tuple[str, str], dict[str, set[int]]] = {}
_MATCHES_KEPT = 20_000


def _rows(db: sqlite3.Connection, match: str, key: tuple[str, str] = ("", "")) -> set[int]:
    cache = _matches.get(key) if key != ("", "") else None
    if cache is not None and match in cache:
        return cache[match]
    rows = {r[0] for r in db.execute("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", (match,))}
    if key != ("", ""):
        if cache is None or len(cache) > _MATCHES_KEPT:
            for k in [k for k in _matches if k[0] == key[0]]:
                del _matches[k]
            cache = _matches[key] = {}
        cache[match] = rows
    return rows


# Words the KB writes another way. Each rule only reads the KB's own text (no synonym list), and,
# except an abbreviation's defined long form and a joined pair, only for a question word the KB does
# not use, so that a word the pages share is never diluted.
KB_FORMS = True
# Each rule by itself, measured held out (bench/ACCURACY.md, ninth pass). Joining a pair puts "check out"'s
# answer first on proscenia and moves nothing else. Splitting a compound finds the right words
# ("stockouts": the five entries on out-of-stocks) and reading an abbreviation's long form finds
# "straight-through processing" for "STP", but neither moves a question up on the eleven sets,
# the split moves one down, and with the ranker and floor refitted each costs answers on sets it
# was not written for: both were off, kept for the measurements and for KBs that want them.
# Measured again on the twenty-nine development sets (pass 16), the model as shipped and held out:
# the long form puts two more answers first, on sets written after pass 9 and never read for it
# ("FHI": "Fish Health Inspectorate", "MPI": "multi-point inspections"), and cost none there; that
# reading (a long form from any recurring run of words with the abbreviation's initials) was switched
# on, then taken out after review: a customer's name made an unanswerable question look answered ("CRM"
# as "Cedar Ridge Mechanical"). ``ABBREVIATIONS`` is on since pass 16 for the long form the KB defines
# ("Days sales outstanding (DSO)") only, and only for an abbreviation some entry holds.
# The split moves none of its four questions (two of them unanswerable ones it makes look covered,
# "payday" as "pay day") and stays off.
COMPOUND_SPLITS = False
ABBREVIATIONS = True
JOINED_PAIRS = True
# BM25's weight of a title match against a body match (bench/ACCURACY.md, tenth pass: 1.5 and 5 no
# better held out).
TITLE_WEIGHT = 3.0
_ABBREVIATION = re.compile(r"^([A-Z]{3,5})s?$")
_RAW = re.compile(r"[^\W_]+", re.UNICODE)
# Enough entries to see whether a phrase recurs, few enough to read on a cold start.
_PHRASE_ROWS = 200


def _compound_forms(db: sqlite3.Connection, term: str, key: tuple[str, str]) -> list[tuple[str, ...]]:
    """A compound the KB writes as two words: "stockouts" as "stock-outs", "stock outs" or "out of
    stock", "pentested" as "pen-tested". Every split into two parts of three letters or more whose
    parts the KB holds within two words of each other, in either order."""
    if len(term) < 6 or not term.isalpha():
        return []
    out: list[tuple[str, ...]] = []
    for i in range(3, len(term) - 2):
        a, b = term[:i], term[i:]
        if _rows(db, f"NEAR({_quote(a)} {_quote(b)}, 2)", key):
            out.append((a, b))
    return out


_phrases: dict[tuple[tuple[str, str], str], tuple[str, ...] | None] = {}


def _defined_phrase(db: sqlite3.Connection, abbr: str, letters: str) -> tuple[str, ...] | None:
    """The long form the KB gives an abbreviation where it defines it: "Days sales outstanding
    (DSO)" or "DSO (days sales outstanding)", the long form's initials spelling the abbreviation
    (function words inside it may be skipped: "first notice of loss (FNOL)")."""
    try:
        rows = db.execute("SELECT title, body FROM entries_fts WHERE entries_fts MATCH ? LIMIT ?",
                          (_quote(letters), _PHRASE_ROWS)).fetchall()
    except sqlite3.OperationalError:
        return None
    before = re.compile(r"((?:[^\W_]+[\s-]+){1,8})\(" + re.escape(abbr) + r"s?\)")
    after = re.compile(re.escape(abbr) + r"s?\s+\(((?:[^\W_]+[\s-]*){1,8})\)")
    for title, body in rows:
        text = f"{title}\n{body}"
        for m in [*before.finditer(text), *after.finditer(text)]:
            toks = _RAW.findall(m.group(1).lower())
            for start in range(len(toks)):
                run = toks[start:] if m.re is before else toks[:len(toks) - start]
                content = [t for t in run if t not in STOPWORDS]
                if run and run[0] not in STOPWORDS and letters in ("".join(t[0] for t in content),
                                                                   "".join(t[0] for t in run)):
                    return tuple(run)
    return None


def _defined(db: sqlite3.Connection, abbr: str, key: tuple[str, str]) -> tuple[str, ...] | None:
    ck = (key, "=" + abbr)
    if ck in _phrases and key != ("", ""):
        return _phrases[ck]
    got = _defined_phrase(db, abbr.upper(), abbr)
    if key != ("", ""):
        if len(_phrases) > 4096:
            _phrases.clear()
        _phrases[ck] = got
    return got


# A hyphenated pair whose first part is one letter ("e-mail", "e-billing", "x-ray"): its joined form
# is what most pages write ("email"), and the pair is too short for the length rule below.
_LETTER_HYPHEN = re.compile(r"(?<![^\W_])([a-z])-([a-z]{3,})\b")
HYPHENATED_LETTERS = True


def _joined_pairs(question: str) -> list[tuple[str, str]]:
    """Neighbouring words of the question ("pen-tested", "check out") as pairs, for their joined
    form."""
    low = question.lower().replace("\u2019", "'")
    toks = [_CLITIC.sub("", t) for t in _WORD.findall(low)]
    pairs = [(a, b) for a, b in zip(toks, toks[1:], strict=False)
             if a.isalpha() and b.isalpha() and len(a) > 1 and len(b) > 1]
    if HYPHENATED_LETTERS:
        pairs += [(m.group(1), m.group(2)) for m in _LETTER_HYPHEN.finditer(low)]
    return pairs


# A place named by its adjective: "an Irish clinic", "a Kiwi insurer", "Canadian payroll providers",
# where the pages write "Ireland", "New Zealand", "Canada" (and the other way round). English's own
# demonyms (knowledge/text/lexicon/demonyms.yaml), nothing of any KB; a place no entry names matches
# nothing. bench/ACCURACY.md, "Search", pass 14.
DEMONYMS = True
# Also for a word the KB already uses ("Irish" where some pages say "Irish" and others "Ireland"):
# measured held out, it cost more than it gave (bench/ACCURACY.md, "Search", pass 14). Off: like the
# other rules above, a form joins a question word only where no entry holds the word itself.
PLACES_WHERE_HELD = False


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str]]:
    """Adjective -> the places it names (each a sequence of words), with each one-word place ->
    its adjectives; and the adjectives that also name a language."""
    from .text import lexicon

    out: dict[str, list[tuple[str, ...]]] = {}
    for line in sorted(lexicon("demonyms")):
        adj, _, places = line.partition("=")
        for place in places.split("|"):
            words = tuple(place.split())
            out.setdefault(adj, []).append(words)
            if len(words) == 1 and words[0] != adj:
                out.setdefault(words[0], []).append((adj,))
    return {k: tuple(v) for k, v in out.items()}, lexicon("languages")


def place_forms(question: str, words: Sequence[str]) -> dict[str, list[tuple[str, ...]]]:
    """Per question word that names a place by its adjective, or a place with an adjective, the
    other form(s): "irish" -> ("ireland",), "kiwi" -> ("new", "zealand"), "canada" -> ("canadian",).
    An adjective that is also a language counts only before a content word ("a German sponsor";
    not "in German or Swahili", "in Spanish for US clinics"), and a word counts only where the
    question writes it with a capital, as places and their adjectives are written: "polish the
    floors", "turkey dinners", "fine china", "kiwi fruit" name no place."""
    table, languages = _places()
    wanted = {w for w in words if w in table}
    if not wanted:
        return {}
    text = question.replace("\u2019", "'")
    low = text.lower()
    out: dict[str, list[tuple[str, ...]]] = {}
    for m in _WORD.finditer(low):
        w = _CLITIC.sub("", m.group(0)).replace("'", "")
        if w not in wanted or w in out or not text[m.start()].isupper():
            continue
        if w in languages:
            nxt = re.match(r"[ \t]+([^\W_]+)", low[m.end():])
            if nxt is None or nxt.group(1) in STOPWORDS:
                continue
        out[w] = list(table[w])
    return out


# A code written joined that the pages write apart: "SOC2" for "SOC 2", "HL7" where the page says
# "HL 7", "ISO27001" for "ISO/IEC 27001". Letters then digits (or digits then letters), split where
# they meet; the parts must stand in order, next to each other or with one word of letters only
# between ("iso iec 27001"), and the form is that phrase, matched as a phrase by the index and by
# the floor's coverage. The two parts anywhere near each other made unanswerable questions look
# answered ("SOC2" by "SOC 1 Type 2", "Windows11" by "Windows 10, macOS 11"; bench/ACCURACY.md,
# "Search", pass 16, after review).
CODE_SPLITS = True
_CODE = re.compile(r"^(?:([a-z]{2,})(\d+)|(\d+)([a-z]{2,}))$")


def code_forms(db: sqlite3.Connection, parts: tuple[str, str], key: tuple[str, str] = ("", "")) -> list[tuple[str, ...]]:
    """The phrases of the KB that write a joined code's two parts in order: next to each other
    ("soc 2"), or with one word of letters only between ("iso iec 27001"); each as one string, so
    that it is matched as a phrase (``_form_match``)."""
    a, b = parts
    out: list[tuple[str, ...]] = []
    if _rows(db, _quote(f"{a} {b}"), key):
        out.append((f"{a} {b}",))
    rows = sorted(_rows(db, f"NEAR({_quote(a)} {_quote(b)}, 1)", key))[:_PHRASE_ROWS]
    if not rows:
        return out
    between = re.compile(r"(?<![^\W_])" + re.escape(a) + r"[\W_]+([a-z]+)[\W_]+" + re.escape(b) + r"(?![^\W_])")
    mids: set[str] = set()
    for title, body in db.execute(f"SELECT title, body FROM entries_fts WHERE rowid IN ({','.join('?' * len(rows))})",
                                  rows):
        mids.update(between.findall(f"{title}\n{body}".lower()))
    out += [(f"{a} {m} {b}",) for m in sorted(mids)[:3]]
    return out


def code_parts(word: str) -> tuple[str, str] | None:
    """A word of letters then digits, or digits then letters, as its two parts."""
    m = _CODE.match(word)
    if not m:
        return None
    return (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))


def kb_forms(db: sqlite3.Connection, words: Sequence[str], question: str, holders: dict[str, set[int]],
             key: tuple[str, str] = ("", "")) -> dict[str, list[tuple[str, ...]]]:
    """Per question word, the KB's other ways of writing it. For a word no entry holds: a
    compound's two words (off), a joined code written apart ("SOC2": "SOC 2"), a place for its
    adjective ("Kiwi": "New Zealand"). For an abbreviation some entry holds,
    the long form the KB defines for it ("days sales outstanding (DSO)"). For a word of a hyphenated
    or split pair, the pair joined where the KB writes it as one word."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    abbrs = ({m.group(1).lower() for t in _RAW.findall(question) if (m := _ABBREVIATION.match(t))}
             if ABBREVIATIONS else set())
    for w in words:
        if holders.get(w):
            if ABBREVIATIONS and w in abbrs:
                phrase = _defined(db, w, key)
                if phrase:
                    forms[w] = [phrase]
            continue
        got = _compound_forms(db, w, key) if COMPOUND_SPLITS else []
        parts = code_parts(w) if CODE_SPLITS else None
        if parts:
            got += code_forms(db, parts, key)
        if got:
            forms[w] = got
    if DEMONYMS:
        for w, places in place_forms(question, words).items():
            if holders.get(w) and not PLACES_WHERE_HELD:
                continue
            for f in places:
                if _rows(db, _form_match(f), key):
                    forms.setdefault(w, []).append(f)
    wanted = set(words)
    for a, b in _joined_pairs(question) if JOINED_PAIRS else []:
        if (len(a) + len(b) < 6 and len(a) > 1) or not (a in wanted or b in wanted):
            continue
        if _rows(db, _quote(a + b), key):
            for w in (a, b):
                if w in wanted:
                    forms.setdefault(w, []).append((a + b,))
    return forms


def _form_match(form: tuple[str, ...]) -> str:
    if len(form) == 1:
        return _quote(form[0])
    if len(form) == 2:
        return f"NEAR({_quote(form[0])} {_quote(form[1])}, 2)"
    return _quote(" ".join(form))


def _term_match(w: str, forms: dict[str, list[tuple[str, ...]]]) -> str:
    return " OR ".join([_match(w), *(_form_match(f) for f in forms.get(w, ()))])


def search(db: sqlite3.Connection, words: Sequence[str], n: int = 30,
           key: tuple[str, str] = ("", ""), question: str = "") -> LexicalHits:
    """Entries by BM25 for the question's words; each word's IDF and the entries holding it, in the
    body or the title; and the entries holding each pair of neighbouring words close together.
    ``key`` names the catalog and the generation of its index, for caching."""
    hits = LexicalHits()
    if not words:
        return hits
    try:
        rowids = _rowids(db, key)
    except sqlite3.OperationalError:  # an index written before the table existed
        return hits
    total = len(rowids)
    if not total:
        return hits
    hits.rowids = rowids
    for w in words:
        hits.holders[w] = _rows(db, _match(w), key)
    if KB_FORMS and question:
        hits.forms = kb_forms(db, words, question, hits.holders, key)
    for w in words:
        rows = hits.holders[w]
        if w in hits.forms:
            rows = hits.holders[w] = rows | set().union(*(_rows(db, _form_match(f), key) for f in hits.forms[w]))
        # BM25's IDF, floored at a small positive weight so that a very common term still counts.
        hits.idf[w] = max(math.log((total - len(rows) + 0.5) / (len(rows) + 0.5) + 1.0), 0.05)
        if rows:
            hits.title_holders[w] = _rows(db, f"title : ({_term_match(w, hits.forms)})", key)
    for a, b in zip(words, words[1:], strict=False):
        if hits.holders.get(a) and hits.holders.get(b):
            hits.phrases.append(_rows(db, f"NEAR({_quote(a)} {_quote(b)}, 2)", key))
        else:
            hits.phrases.append(set())
    present = [w for w in words if hits.holders.get(w)]
    if not present:
        return hits
    # BM25 gives a term found in half the entries or more no weight (FTS5 floors its IDF at 1e-6);
    # when the rarer terms alone match enough entries, the common ones only add work.
    rare = [w for w in present if len(_rows(db, _quote(w), key)) * 2 < total]
    query_terms = present
    if rare and len(rare) < len(present) and len(set().union(*(_rows(db, _quote(w), key) for w in rare))) >= n:
        query_terms = rare
    query = " OR ".join(_match(w) if w in _NUMBER_WORDS or w in _NUMBER_DIGITS
                        else " OR ".join([*(_quote(x) for x in [w, *alternatives(w)]),
                                          *(_form_match(f) for f in hits.forms.get(w, ()))])
                        for w in query_terms)
    # Title matches weigh more than body matches: a title says what the entry is about.
    rows_ = db.execute(
        f"SELECT f.path, t.s FROM (SELECT rowid AS r, bm25(entries_fts, 0.0, {float(TITLE_WEIGHT)}, 1.0) AS s "
        "FROM entries_fts WHERE entries_fts MATCH ? ORDER BY s LIMIT ?) AS t JOIN entries_fts AS f ON f.rowid = t.r "
        "ORDER BY t.s", (query, n)).fetchall()
    hits.ranked = [(p, -float(s)) for p, s in rows_]
    return hits
