"""The passage that answers: the sentence or table row of an entry that holds what was asked.

A search ranks entries by their best chunk, but a chunk is a whole section; the writer needs the
line holding the figure. Units are the sentences of prose blocks and the rows of tables, each
with its line in the file; the chosen unit is the one that shares most of the question's rare
words, with the approved figure (when the question asks for one) counting most.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .model import Entry, Metric

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[A-Z0-9\"“(*£$€])")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")

# Which stemmer meets a question's words with a passage's: "snowball" (the Porter2 English
# algorithm, as PyStemmer implements it) or "crude" (the suffix stripper used up to the tenth pass).
# The crude one left ordinary inflections apart ("stores" and "store", "vets" and "vet", "runs" and
# "running", "pays" and "pay", "priced" and "price"), so a passage holding the asked word in
# another form counted as not holding it; bench/ACCURACY.md, "Search", tenth pass.
STEMMER = "crude"


@lru_cache(maxsize=1)
def _snowball() -> object:
    import Stemmer  # PyStemmer: a C extension, under a microsecond a word

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A word's stem when reading passages (the FTS index stems with Porter's algorithm on its own
    side): the crude suffix stripper by default ("integrations" meets "integration"; short plurals
    such as "stores" stay apart), the Snowball stemmer behind ``STEMMER = "snowball"`` (measured and
    left off: bench/ACCURACY.md, "Search", pass 10)."""
    w = word.lower()
    if STEMMER == "snowball":
        return str(_snowball().stemWord(w))  # type: ignore[attr-defined]
    return crude_stem(w)


def crude_stem(word: str) -> str:
    """A suffix stripper for long words (the default stemmer)."""
    w = word.lower()
    for suf in _SUFFIXES:
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


@dataclass
class Passage:
    text: str
    line: int
    end_line: int
    section: str
    stems: frozenset[str] = frozenset()
    # The last line the unit's own text reaches (``end_line`` is the end of its block): a figure
    # on any line of a multi-line unit ("**Result:** ... <br>" three lines into a customer story)
    # belongs to it.
    last_line: int = 0


# Units of recently shown entries, by path and content hash: a warm server cuts each entry once.
_units_cache: OrderedDict[tuple[str, str], list[Passage]] = OrderedDict()
_UNITS_CACHED = 4096


def _units(entry: Entry) -> list[Passage]:
    key = (entry.path, entry.content_hash or entry.body)
    units = _units_cache.get(key)
    if units is None:
        units = _cut(entry)
        for u in units:
            u.stems = frozenset(stem(w) for w in _WORD.findall(u.text))
        _units_cache[key] = units
        while len(_units_cache) > _UNITS_CACHED:
            _units_cache.popitem(last=False)
    return units


def _cut(entry: Entry) -> list[Passage]:
    raw = entry.body.splitlines()
    out: list[Passage] = []
    for b in entry.blocks:
        if b.kind in ("heading", "code"):
            continue
        if b.kind == "table":
            for ln in range(b.line, b.end_line + 1):
                i = ln - entry.body_line
                if not 0 <= i < len(raw):
                    continue
                cells = [c.strip() for c in raw[i].strip().strip("|").split("|")]
                if not any(cells) or all(set(c) <= set("-: ") for c in cells):
                    continue
                out.append(Passage(" | ".join(cells), ln, ln, b.section, last_line=ln))
            continue
        block_lines = [" ".join(raw[ln - entry.body_line].split())
                       for ln in range(b.line, b.end_line + 1) if 0 <= ln - entry.body_line < len(raw)]
        pending = ""
        first = len(out)
        for sentence in _SENTENCE_END.split(b.text):
            sentence = f"{pending} {sentence.strip()}".strip()
            # A bold lead-in ("**The timeline.**") is not a sentence of its own: keep it with the next.
            if len(sentence.split()) <= 3:
                pending = sentence
                continue
            pending = ""
            out.append(Passage(sentence, _line_of(sentence, block_lines, b.line), b.end_line, b.section))
        if pending:
            out.append(Passage(pending, _line_of(pending, block_lines, b.line), b.end_line, b.section))
        block = out[first:]
        for u, nxt in zip(block, [*block[1:], None], strict=True):
            u.last_line = b.end_line if nxt is None else max(u.line, nxt.line - 1)
    return out


def _line_of(sentence: str, block_lines: list[str], first: int) -> int:
    words = _WORD.findall(sentence)[:3]
    for i, line in enumerate(block_lines):
        found = _WORD.findall(line)
        for j in range(len(found)):
            if found[j:j + len(words)] == words:
                return first + i
    return first


def _figure_forms(m: Metric) -> list[str]:
    """How a metric's value may be written in prose: "62", "3.40", "1,400", "480K"."""
    values = m.value if isinstance(m.value, list) else [m.value]
    forms: list[str] = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float):
            continue
        f = float(v)
        if f.is_integer():
            forms += [str(int(f)), f"{int(f):,}"]
            if f >= 1000 and f % 1000 == 0:
                forms.append(f"{int(f) // 1000}K")
            if f >= 1_000_000:
                forms.append(f"{f / 1_000_000:g}")
        else:
            forms += [f"{f:g}", f"{f:.2f}"]
    return forms


def _has_figure(text: str, forms: list[str]) -> bool:
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d,]|\.\d)", text) for f in forms)


# What kind of figure a question asks for, from its wording (generic English question forms).
_ASKS = (
    (re.compile(r"\bhow (long|soon|quickly|fast)\b|\bhow many (days|weeks|months|hours|minutes|years)\b|"
                r"\b(time|payback)\b", re.I), "duration"),
    (re.compile(r"\b(share|percent|percentage|proportion|rate|roi)\b|%", re.I), "percent"),
    (re.compile(r"\b(cost|price|priced|save|saving|savings|revenue|spend|pay|paid|\$|£|€)", re.I), "currency"),
    (re.compile(r"\bhow many\b", re.I), "count"),
    (re.compile(r"\b(faster|times|multiple)\b", re.I), "multiplier"),
)


def asked_kinds(question: str) -> set[str]:
    return {kind for pattern, kind in _ASKS if pattern.search(question)}


def best_passage(entry: Entry, idf: Mapping[str, float], metric: Metric | None = None,
                 near: tuple[int, int] | None = None, figures: bool = False,
                 kinds: set[str] | None = None) -> Passage | None:
    """The unit of ``entry`` that best answers: most of the question's IDF mass (``idf`` maps
    question terms to weights), the figure of ``metric`` when given, any figure at all when
    ``figures`` (the question asks for one), a little for lying inside ``near`` (the lines of the
    chunk that matched by meaning). ``kinds``: the kinds of figure the question asks for
    ("duration" for "how long"), whose claims count more than other figures."""
    units = _units(entry)
    if not units:
        return None
    from .lexical import alternatives

    wanted = [({stem(t), *(stem(a) for a in alternatives(t))}, w) for t, w in idf.items()]
    total = sum(w for _, w in wanted) or 1.0
    forms = _figure_forms(metric) if metric is not None else []
    claim_lines = {c.line for c in entry.claims} if figures else set()
    kind_lines = {c.line for c in entry.claims if c.kind in kinds} if figures and kinds else set()
    best: tuple[float, int, Passage] | None = None
    for i, u in enumerate(units):
        score = sum(w for f, w in wanted if f & u.stems) / total
        if forms and _has_figure(u.text, forms):
            score += 1.0
        lines = range(u.line, max(u.line, u.last_line) + 1)
        if kind_lines and any(ln in kind_lines for ln in lines):
            score += 1.0
        elif claim_lines and any(ln in claim_lines for ln in lines):
            score += 0.5
        if near and near[0] <= u.line <= near[1]:
            score += 0.1
        if best is None or score > best[0] + 1e-9:
            best = (score, i, u)
    return best[2] if best else None
