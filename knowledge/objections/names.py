"""Names for mined themes: a short noun phrase that what the theme's calls say shares.

A light chunker, made of closed-class word lists (``data/function_words.txt``) and a few suffix
rules, cuts each mention into runs of open-class words and keeps the runs that can be noun
phrases: one to four words, no function word, verb or filler in them, and a head noun last.
A theme's name is the candidate whose words the most of its calls say, rarest among all mentions
and said in the theme's most central remarks (:func:`best_candidate`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

_DATA = Path(__file__).parent / "data" / "function_words.txt"
_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]", re.IGNORECASE)
NAME_WORDS = 4
# Words that may join two nouns inside a name ("basements and crawlspaces", "transfer of ownership").
JOINERS = frozenset(("and", "of"))
# Endings of adjectives and adverbs: such a word is no head ("expensive", "manual ... properly").
_NOT_A_HEAD = ("ly", "ous", "ful", "able", "ible", "less", "ive", "ish")
# Endings of nouns, which stay nouns after "to" ("access to information").
_NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ship", "ism", "ure", "age", "ery", "ist")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """The sections of ``data/function_words.txt``: class name -> words."""
    classes: dict[str, set[str]] = {}
    current = ""
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            classes.setdefault(current, set())
        elif current:
            classes[current].update(line.lower().split())
    return {k: frozenset(v) for k, v in classes.items()}


@lru_cache(maxsize=1)
def _closed() -> frozenset[str]:
    c = word_classes()
    return frozenset().union(*(c[k] for k in ("determiners", "pronouns", "contractions", "auxiliaries", "modals",
                                              "negations", "prepositions", "conjunctions", "fillers", "adverbs",
                                              "saying", "numbers")))


@lru_cache(maxsize=1)
def _not_a_name() -> frozenset[str]:
    c = word_classes()
    return _closed() | c["light_verbs"] | c["generic"]


@lru_cache(maxsize=1)
def _verb_cues() -> frozenset[str]:
    """Words after which an open-class word is a verb: a subject, a modal, an auxiliary, a negation."""
    c = word_classes()
    # "no" and "none" are determiners too: "no signal" is a noun.
    return c["subject_pronouns"] | c["modals"] | (c["negations"] - {"no", "none"}) | c["auxiliaries"] | c["contractions"]


@lru_cache(maxsize=1)
def _objects() -> frozenset[str]:
    """Words that start a verb's object ("close it", "handing our playbook"), and seldom follow a noun."""
    c = word_classes()
    quantities = {"half", "one", "ones", "same", "whole", "more", "most", "less", "least", "much", "many", "few",
                  "enough", "all", "both"}
    relatives = {"that", "which", "what", "whose", "who", "whom"}
    return frozenset((c["determiners"] | c["pronouns"]) - c["subject_pronouns"] - quantities - relatives
                     | {"it", "you", "them", "us", "me", "him"})


def _acronym(token: str) -> bool:
    """An abbreviation written in capitals ("EU", "SSO", "US", "IT"), which is a noun however short."""
    return 2 <= len(token) <= 5 and token.isupper() and token.isalpha() and (
        token.lower() not in _not_a_name() or token in ("US", "IT"))


def words(text: str) -> list[str]:
    """Lower-case words, abbreviations in capitals kept as written; an open-class word loses a
    possessive or contracted "'s" ("the app's"), and a word said twice in a row is read once
    ("the the", as speech recognition writes a stutter)."""
    closed = _closed()
    out: list[str] = []
    for token in _TOKEN.findall(text.replace("\u2019", "'")):
        w = token if _acronym(token) else token.lower()
        w = w[:-2] if w.endswith("'s") and w not in closed and len(w) > 3 else w
        if not out or out[-1] != w:
            out.append(w)
    return out


def stem(word: str) -> str:
    """A word without its plural ending ("owners" -> "owner", "policies" -> "policy")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _past(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def can_head(word: str) -> bool:
    """Whether ``word`` can end a noun phrase: an open-class word that does not look like an
    adjective, an adverb or a past participle."""
    if word.isupper():
        return True
    return (word not in _not_a_name() and len(word) >= 3 and not _past(word)
            and not word.endswith(_NOT_A_HEAD) and not word.startswith("-"))


def _roles(ws: list[str]) -> list[str]:
    """Per word: ``N`` an open-class word that may be in a noun phrase, ``J`` a joiner, ``x`` anything else."""
    closed, generic, cues = _closed(), _not_a_name(), _verb_cues()
    c = word_classes()
    be = c["auxiliaries"] | c["contractions"]
    light = c["light_verbs"]
    objects = _objects()
    # Words that open a clause, whose subject comes next and then its verb.
    opens = frozenset(("where", "when", "whenever", "wherever", "if", "unless", "because", "whether", "once",
                       "while", "whilst", "although", "though"))
    after_the = (c["determiners"] | c["pronouns"] | c["prepositions"]) - c["subject_pronouns"] - {"to"}
    out = []
    for i, w in enumerate(ws):
        prev = ws[i - 1] if i else ""
        if w in JOINERS:
            out.append("J")
        elif w in light and w not in closed and prev in after_the and i + 1 < len(ws) and ws[i + 1] not in generic:
            out.append("N")  # a common verb used as a noun before another: "our works council", "the change process"
        elif w.isupper():
            out.append("N")
        elif w in closed or w in generic or len(w) < 3 or w.endswith("ly"):
            out.append("x")
        elif prev in cues and not (prev in be and not w.endswith("ing")):
            # "we use", "can't require", "will want": a verb. After a form of "be", only an -ing
            # word is ("we're paying"); "it's dead", "they're individuals" are not verbs.
            out.append("x")
        elif prev == "to" and not (stem(w) != w or w.endswith(_NOUN_ENDINGS)):
            out.append("x")  # "to upload", but "to invoices", "to information"
        elif (i >= 3 and out[i - 1] == "N" and ws[i - 2] in after_the and ws[i - 3] in opens
              and (i + 1 == len(ws) or (ws[i + 1] in closed and ws[i + 1] not in be | c["modals"] | c["negations"]))):
            # A clause's verb after its subject, when the subject is one noun: "where the data *sits*",
            # "because our data *lives* in the US" (but "where the supplier portal goes" decides nothing,
            # and a word before "can't" or "will" is the subject's noun: "if a blind patron can't").
            out.append("x")
        elif i + 1 < len(ws) and ws[i + 1] in objects:
            out.append("x")  # "close it out", "handing our playbook": a verb before its object
        elif _past(w) and not (i + 1 < len(ws) and ws[i + 1] not in closed and ws[i + 1] not in generic):
            out.append("x")  # "stored", but "validated environment"
        else:
            out.append("N")
    return out


def chunks(text: str) -> list[tuple[str, ...]]:
    """The maximal runs of words that can be noun phrases in ``text``: open-class words, joined
    by at most one "and"/"of" between two of them, ending at a word that can head a phrase."""
    ws = words(text)
    roles = _roles(ws)
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(ws):
        if roles[i] != "N":
            i += 1
            continue
        j = i
        while j + 1 < len(ws) and (roles[j + 1] == "N" or (roles[j + 1] == "J" and roles[j] == "N"
                                                           and j + 2 < len(ws) and roles[j + 2] == "N")):
            j += 1
        run = ws[i:j + 1]
        while run and not can_head(run[-1]):
            run.pop()
        while run and run[-1] in JOINERS:
            run.pop()
        if run:
            out.append(tuple(run))
        i = j + 1
    return out


def candidates(text: str) -> set[tuple[str, ...]]:
    """Every noun phrase of one to :data:`NAME_WORDS` words inside the chunks of ``text``: a span
    of a chunk that ends at a possible head and neither starts nor ends with a joiner."""
    out: set[tuple[str, ...]] = set()
    for ch in chunks(text):
        for a in range(len(ch)):
            for b in range(a + 1, min(len(ch), a + NAME_WORDS) + 1):
                span = ch[a:b]
                if span[0] in JOINERS or span[-1] in JOINERS or not can_head(span[-1]):
                    continue
                out.add(span)
    return out


def is_noun_phrase(name: str) -> bool:
    """The definition the names are measured by (``bench/theme_names.py``): one to four words,
    none of them a closed-class word (determiner, pronoun, auxiliary, modal, negation, filler,
    adverb, preposition, conjunction, number, verb of saying) or one of the commonest verbs,
    except a preposition, "and" or "or" between two other words ("trust in claims"); the last
    word neither an adjective or adverb by its ending (-ly, -ous, -ful, -able, -ible, -less,
    -ive, -ish) nor a past form (-ed)."""
    ws = [w for w in re.split(r"\s+", name.lower().strip()) if w]
    if not 1 <= len(ws) <= NAME_WORDS or not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in ws):
        return False
    bad = _closed() | word_classes()["light_verbs"]
    inner = ws[1:-1]
    inside = word_classes()["prepositions"] | {"and", "or"}
    if ws[0] in bad or ws[-1] in bad or any(w in bad and w not in inside for w in inner):
        return False
    return not (ws[-1].endswith(_NOT_A_HEAD) or _past(ws[-1]))


@dataclass
class Candidate:
    words: tuple[str, ...]
    calls: int  # the theme's calls that say it (in any of its forms)
    head_calls: int  # the theme's calls that say its last word
    spread: float  # the mean share of the theme's calls saying each of its words
    rarity: float  # how rare its words are among all mentions, 0-1
    closeness: float = 0.0  # of the closest mention saying it to the theme's centre, when known

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Frequencies:
    """In how many of all the mentions each word (stemmed) is said: how rare a candidate's words are."""

    counts: Counter[str]
    n: int

    @classmethod
    def of(cls, documents: Iterable[str]) -> Frequencies:
        counts: Counter[str] = Counter()
        n = 0
        for d in documents:
            counts.update({stem(w) for w in words(d)})
            n += 1
        return cls(counts, max(1, n))

    def rarity(self, s: str) -> float:
        """0 for a word every mention says, 1 for one none says."""
        return math.log((self.n + 1) / (self.counts[s] + 1)) / math.log(self.n + 1)


def theme_candidates(mentions: Sequence[tuple[str, str]], documents: Frequencies | Sequence[str],
                     closeness: Sequence[float] | None = None) -> list[Candidate]:
    """The noun phrases a theme's mentions (``(call, text)``) say, each with how many of its
    calls say it and how rare its words are among ``documents`` (all mentions, or their
    :class:`Frequencies`). With ``closeness`` (each mention's similarity to the theme's centre,
    from vectors the index holds already), a candidate is as close to the theme as the closest
    mention that says it: a phrase of the theme's most central remarks names it best."""
    freq = documents if isinstance(documents, Frequencies) else Frequencies.of(documents)
    n_calls = len({c for c, _ in mentions})
    # Which calls say each word and each run of words (stemmed), so that a candidate said in any
    # of its forms counts in every call that says it.
    calls_of: dict[tuple[str, ...], set[str]] = {}
    forms: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    close: dict[tuple[str, ...], float] = {}
    for x, (call, text) in enumerate(mentions):
        stems = [stem(w) for w in words(text)]
        for k in range(1, NAME_WORDS + 1):
            for i in range(len(stems) - k + 1):
                calls_of.setdefault(tuple(stems[i:i + k]), set()).add(call)
        for cand in candidates(text):
            key = tuple(stem(w) for w in cand)
            forms.setdefault(key, Counter())[cand] += 1
            if closeness is not None:
                close[key] = max(close.get(key, -1.0), float(closeness[x]))
    out = []
    for key, seen in forms.items():
        form = max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]
        content = [s for s in key if s not in JOINERS]
        spread = sum(len(calls_of.get((s,), ())) for s in content) / (len(content) * n_calls)
        rarity = sum(freq.rarity(s) for s in content) / len(content)
        out.append(Candidate(form, len(calls_of.get(key, ())), len(calls_of.get((key[-1],), ())), spread, rarity,
                             close.get(key, 0.0)))
    return out


def score(c: Candidate, n_calls: int) -> float:
    """Its words said across the theme's calls first, the phrase itself said in them next; then
    rare words, how central the remarks saying it are, and a second word over none (a bare noun
    names less)."""
    size = len([w for w in c.words if w not in JOINERS])
    return (c.spread + 0.3 * c.calls / max(1, n_calls) + 0.4 * c.rarity + c.closeness
            + (0.2 if size >= 2 else 0.0) - (0.05 * (size - 2) if size > 2 else 0.0))


def best_candidate(mentions: Sequence[tuple[str, str]], documents: Frequencies | Sequence[str],
                   closeness: Sequence[float] | None = None, least_calls: int = 2,
                   taken: Collection[str] = ()) -> Candidate | None:
    """The best noun phrase for a theme said in at least ``least_calls`` of its calls (its head
    word, or the whole phrase), other than the names in ``taken``; None when there is none.
    ``closeness`` is each mention's similarity to the theme's centre (see :func:`theme_candidates`)."""
    n_calls = len({c for c, _ in mentions})
    cands = [c for c in theme_candidates(mentions, documents, closeness)
             if max(c.calls, c.head_calls) >= least_calls and c.text not in taken]
    return max(cands, key=lambda c: (round(score(c, n_calls), 9), c.text)) if cands else None


def name_theme(mentions: Sequence[tuple[str, str]], documents: Frequencies | Sequence[str],
               closeness: Sequence[float] | None = None, least_calls: int = 2) -> str | None:
    """The text of :func:`best_candidate`."""
    best = best_candidate(mentions, documents, closeness, least_calls)
    return best.text if best else None


def content_words(text: str) -> set[str]:
    """The stems of the words of ``text`` that could name something (no function or generic word)."""
    return {stem(w) for w in words(text) if w.lower() not in _not_a_name()}
