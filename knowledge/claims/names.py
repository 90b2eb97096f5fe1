"""The KB's own names: the company, its products, customers and people, as the KB itself writes them.

Claim-ness reads the words around a figure. Trained on a few companies' texts, it would learn that
"Northwind" or "GitLab" near a figure means a claim, which says nothing about the next company's KB.
So the words that are the KB's own names can be read as one placeholder (``NAME``), for the model
to learn "a company name" there, or left out; the weights say which they were trained for
(``meta.names``, see :mod:`.claimness`). Both were measured and neither did better on text the model
was not trained on, so the shipped weights read names as words (``data/README.md``).

A word is one of the KB's names when it is written capitalised and never in lower case anywhere in
the KB outside URLs and code (so no English word that merely opens a sentence or a title), it is no
word of general English (the bundled embedding model's vocabulary), no research firm, month or
weekday (a named analyst says a figure is a sourced statistic: that cue stays), and
either the KB declares it (``[kb] name``, the internal speakers and domains of ``canon.toml``, an
entry's owner, a ``company``/``customer``/``product`` ... key of its front matter, its id) or it
recurs: capitalised inside a sentence in at least two entries.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge.embedding import MODEL_PACKAGE
from knowledge.text import lexicon

PLACEHOLDER = "NAME"

# front-matter keys whose values name a company, a product, a customer or a person
NAME_KEYS = ("company", "customer", "customers", "client", "clients", "brand", "product", "products", "vendor",
             "partner", "partners", "author", "authors", "publisher", "organization", "organisation")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday".split())
# a word after one of these (or at the start of a line) opens a sentence, a heading or a list item
_OPENERS = frozenset(".!?:;\n\"“‘'([#*>-|")
MIN_ENTRIES = 2
# a word in lower case; not one in a URL, a path or code ("gitlab.com", "@posthog/js", "supabase-js"),
# where a name is written in lower case and says nothing about English
_LOWER = re.compile(r"(?<![./@_:#'’-])\b[a-z][A-Za-z'’]*(?![A-Za-z'’]|[./@_:-]\w)")
_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’]*")


def _key(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w.rstrip("'")


def _capitalised(word: str) -> bool:
    """"Northwind", "GitLab", "PostHog"; not "ARR", "NPS" or "APIs" (acronyms are as often terms as
    names)."""
    stem = word[:-1] if word.endswith("s") else word
    return word[0].isupper() and any(ch.islower() for ch in stem[1:])


def _excluded(key: str) -> bool:
    return len(key) < 3 or key in _CALENDAR or key in _common() or key in _english()


@cache
def _common() -> frozenset[str]:
    """Research firms (a named analyst says a figure is a sourced statistic: that cue stays) and
    function words."""
    return frozenset(w.lower() for w in lexicon("analysts") | lexicon("stop_words"))


@cache
def _english() -> frozenset[str]:
    """Words of general English, and names famous enough to be words ("Microsoft", "Slack"): the
    whole words of the bundled embedding model's uncased vocabulary (BERT's word pieces), read from
    the installed model package. A word in it is no name of the KB's own: a small KB may never
    write "director" or "provider" in lower case. Without the package, the list is empty."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        vocab = Path(location) / "model" / "vocab.txt"
        if vocab.is_file():
            return frozenset(w for w in vocab.read_text(encoding="utf-8").split("\n") if w.isalpha() and w.islower())
    return frozenset()


@dataclass
class _Seen:
    lower: set[str]
    inside: dict[str, set[int]]  # capitalised inside a sentence -> the documents it is in
    capital: set[str]


def _read(texts: Iterable[str]) -> _Seen:
    seen = _Seen(lower=set(), inside=defaultdict(set), capital=set())
    for doc, text in enumerate(texts):
        seen.lower |= {_key(w) for w in set(_LOWER.findall(text))}
        for m in _CAPITAL.finditer(text):
            word = m.group()
            if not _capitalised(word):
                continue
            key = _key(word)
            seen.capital.add(key)
            before = text[max(0, m.start() - 4):m.start()].rstrip(" \t")
            if before and before[-1] not in _OPENERS:
                seen.inside[key].add(doc)
    return seen


def _declared_words(values: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for value in values:
        local, at, _ = value.partition("@")
        if at:  # "jordan.lee@northwind.example": the person
            out |= {_key(w) for w in re.split(r"[._+-]", local) if w}
            continue
        out |= {_key(w) for w in _WORD.findall(value)}
    return out


def find_names(texts: Sequence[str], declared: Iterable[str] = (), *, company: Iterable[str] = ()) -> frozenset[str]:
    """The names (lower case) among ``texts`` (one per document: an entry's title and body).

    ``declared`` are values that name things (owners, customer keys, ids, speakers): their words
    count when the KB writes them capitalised and never in lower case. ``company`` (``[kb] name``,
    internal domains) is the KB's own name: its words count whenever the KB never writes them in
    lower case, even when they never appear."""
    seen = _read(texts)
    found = {k for k, docs in seen.inside.items() if len(docs) >= MIN_ENTRIES}
    found |= _declared_words(declared) & seen.capital
    found |= _declared_words(company)
    return frozenset(k for k in found if not _excluded(k) and k not in seen.lower)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str)]
    return []


def kb_names(entries: Sequence[object], *, company: str | None = None, speakers: Iterable[str] = (),
             domains: Iterable[str] = ()) -> frozenset[str]:
    """The KB's own names, from its entries (:class:`knowledge.model.Entry`) and ``canon.toml``."""
    texts: list[str] = []
    declared: list[str] = list(speakers)
    own = [company] if company else []
    own += [d.split(".")[0] for d in domains]
    for e in entries:
        texts.append(f"{getattr(e, 'title', '')}\n{getattr(e, 'body', '')}")
        owner = getattr(e, "owner", None)
        if owner:
            declared.append(owner)
            if "@" in owner:  # "jordan.lee@northwind.example": the company is in the domain
                own.append(owner.partition("@")[2].split(".")[0])
        declared.extend(re.split(r"[/_-]+", getattr(e, "id", "")))
        extra = getattr(e, "extra", {}) or {}
        for key in NAME_KEYS:
            declared.extend(_strings(extra.get(key)))
    return find_names(texts, declared, company=own)
