"""Reading figures off claims, metrics, entries and calls: values, roles, customers, contexts, words."""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from knowledge import units
from knowledge.claims.sources import rating_site
from knowledge.claims.terms import PAST_CHANGE, SIZE_GIVEN, computed
from knowledge.figures import whose
from knowledge.model import Block, Call, Claim, Entry, Metric, Sentence, Source, Turn, Value
from knowledge.phrases import DAYS_PER, OUR_SIDE, READERS_WORDS

from .figure import Figure, _decimals, _half_unit, _value_range, claim_attr, share_grain

if TYPE_CHECKING:
    import numpy as np

# ------------------------------------------------------------------------------------------------
# Reading figures


_QUALIFIERS = {
    "about": "about", "approximately": "about", "approx": "about", "around": "about", "roughly": "about",
    "nearly": "nearly", "almost": "nearly", "circa": "about", "some": "about", "estimated": "about",
    "up to": "at most", "at most": "at most", "under": "at most", "less than": "at most", "below": "at most",
    "no more than": "at most", "fewer than": "at most", "within": "at most",
    "at least": "at least", "more than": "at least", "over": "at least", "above": "at least",
    "greater than": "at least", "in excess of": "at least", "upwards of": "at least", "+": "at least",
    "or more": "at least", "plus": "at least",
}
_STATISTICS = {"median": "median", "average": "average", "mean": "average", "typical": "typical",
               "typically": "typical", "on average": "average"}
STAT_CODE = {None: 0, "median": 1, "average": 2, "typical": 3}

# Words that make a figure a best case rather than a typical one.
_BEST = re.compile(
    r"\b(?:fastest|quickest|best|record|highest|lowest|biggest|largest|shortest|top[- ]performing"
    r"|as (?:little|few|fast|quickly|much|many|high|low) as)\b", re.I)
# Words that make a figure the state before a change, when no "from X to Y" says so.
_BEFORE = re.compile(
    r"(?<![Tt]han )\b(?:(?i:used to|previously|prior to|baseline)|[Bb]efore (?:[A-Z][\w-]*|(?i:moving|switching"
    r"|automating|adopting|using|they|we|the (?:switch|move|rollout))))\b|\b[Bb]efore$")
_BEFORE_METRIC = re.compile(r"\b(?:before|baseline|previously|prior|legacy|pre-\w+|old)\b", re.I)
_PERIOD_WORDS = {
    "annual": "year", "annually": "year", "yearly": "year", "a year": "year", "per year": "year",
    "each year": "year", "every year": "year", "per annum": "year", "monthly": "month", "a month": "month",
    "per month": "month", "each month": "month", "every month": "month", "weekly": "week", "a week": "week",
    "per week": "week", "each week": "week", "daily": "day", "a day": "day", "per day": "day", "each day": "day",
    "hourly": "hour", "an hour": "hour", "per hour": "hour",
}
_PERIOD_IN_NAME = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PERIOD_WORDS), key=len, reverse=True)) + r")\b",
                             re.I)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re|yours|you've|you’ve)\b", re.I)
_PRONOUN_SHARE = re.compile(r"\[NUM\]\s+of\s+(?:them|those|these|us|you)\b", re.I)

# ------------------------------------------------------------------------------------------------
# Context: entities, roles, cases, periods


@dataclass
class Entities:
    """The customers a KB tells stories about: titles of ``case_study`` entries, and the names of
    customer-story links (``[Goldman Sachs](/customers/goldman-sachs/)``) in approved entries."""

    names: dict[str, str] = field(default_factory=dict)  # surface form -> canonical name
    pattern: re.Pattern[str] | None = None
    folded: re.Pattern[str] | None = None  # the same names in any case, for lower-cased text
    _by_fold: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[Entry], exclude: Iterable[str] = ()) -> Entities:
        entries = list(entries)
        excluded = {x.casefold() for x in exclude if x}
        # a name that also occurs in lower case ("Remote", "Cloud") is a word, not a name
        lower = {w for e in entries for w in _LOWER_WORD.findall(_LINK_TARGET.sub(" ", e.body))}
        names: dict[str, str] = {}
        cased_only: set[str] = set()  # read only where the text has capitals to tell a name

        def add(name: str) -> None:
            name = re.sub(r"\s+", " ", name).strip(" .:,;*_")
            if not _NAME.fullmatch(name) or name.casefold() in excluded:
                return
            if " " not in name and name.lower() in lower:
                return
            names.setdefault(name, name)
            words = name.split(" ")
            first = words[0]
            if first != name and len(first) >= 4 and first.casefold() not in excluded and first.lower() not in lower:
                names.setdefault(first, name)
            # a customer is called by the start of its name ("Te Awa" of "Te Awa Orchards", "Prairie
            # Ridge" of "Prairie Ridge Irrigation Co-operative"): two words or more of it, but not an
            # article and what follows ("The New" of "The New Forest Dairy"), nor words the KB writes
            # in lower case
            if first in ("The", "A", "An"):
                return
            for k in range(2, len(words)):
                short = " ".join(words[:k])
                if not words[k - 1][:1].isupper() or short.casefold() in excluded:
                    continue
                common = [w.lower() in lower for w in words[:k]]
                if all(common):
                    continue
                names.setdefault(short, name)
                if common.count(False) < 2:
                    # "new york" in text without capitals is the city as often as "New York Life"
                    cased_only.add(short)

        for e in entries:
            if e.type == "case_study" and e.title:
                # the name before what the title adds: a headline ("Harbourline Mutual: home claims
                # from 19 days to 11") or a place ("Te Awa Orchards, Hawke's Bay")
                add(re.split(r"[:|(–—,]", e.title)[0])
            elif e.status == "approved" and (subject := _story_subject(e)):
                add(subject)
            if e.status != "approved" or "](" not in e.body:
                continue
            for m in _CUSTOMER_LINK.finditer(e.body):
                add(m.group(1))
        out = cls(names=names)
        if names:
            alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            out.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
            folded = [n for n in names if n not in cased_only or names.get(n) == n]
            out.folded = re.compile(
                r"(?<![\w-])(?:{})(?![\w-])".format("|".join(sorted(map(re.escape, folded), key=len, reverse=True))),
                re.I)
            out._by_fold = {k.casefold(): names[k] for k in folded}
        return out

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        folded = self.folded is not None and _lower_cased(text)
        pattern = self.folded if folded and self.folded else self.pattern
        return pattern.finditer(text) if pattern is not None else iter(())

    def named(self, text: str) -> list[str]:
        """The customers named in ``text``, in order, by their canonical names."""
        return [self.names.get(m.group(0)) or self._by_fold[m.group(0).casefold()] for m in self._matches(text)]

    def last_end(self, text: str) -> int | None:
        """Where the last customer named in ``text`` ends; None when it names none."""
        ends = [m.end() for m in self._matches(text)]
        return ends[-1] if ends else None

    def nearest(self, text: str, at: int | None = None) -> str | None:
        """The customer named in ``text`` nearest to offset ``at`` (the first one without it)."""
        if self.pattern is None or not text:
            return None
        # a speech-recognition transcript is all lower case: "a group like bramley saved ..."
        folded = self.folded is not None and _lower_cased(text)
        best: tuple[int, str] | None = None
        for m in (self.folded if folded and self.folded else self.pattern).finditer(text):
            dist = 0 if at is None else min(abs(m.start() - at), abs(m.end() - at))
            name = self.names.get(m.group(0)) or self._by_fold[m.group(0).casefold()]
            if best is None or dist < best[0]:
                best = (dist, name)
            if at is None:
                break
        return best[1] if best else None


# A page that a site publishes as a customer story without canon's ``type: case_study``: its own
# front matter says so (``layout: customer-story``, ``category: case-study``), or its folder does.
_STORY_MARK = re.compile(r"customer|case[-_ ]?stud|success[-_ ]?stor|testimonial", re.I)
_STORY_DIR = re.compile(r"(?:^|/)(?:customers?|case[-_]?studies|customer[-_]stories|success[-_]stories|stories)/[^/]+$",
                        re.I)
_STORY_KEYS = ("layout", "category", "categories", "template", "kind", "collection", "tags")
_LEADING_NAME = re.compile(r"(?:(?:How|Why|When)\s+)?((?:[A-Z][\w&'.-]*)(?:\s+[A-Z][\w&'.-]*){0,3})")


def _story_subject(e: Entry) -> str | None:
    """The customer a customer-story page is about: a ``customer``/``company`` key of its front
    matter, else the capitalised words its title opens with ("How Kestrel Freight cut ...")."""
    for key in ("customer", "company", "client"):
        v = e.extra.get(key)
        if isinstance(v, str) and v.strip():
            return v
    marks = " ".join(str(e.extra.get(k, "")) for k in _STORY_KEYS)
    if not (_STORY_MARK.search(marks) or _STORY_DIR.search(e.path)) or not e.title:
        return None
    m = _LEADING_NAME.match(e.title.strip())
    if m:
        return m.group(1)
    return _name_of_slug(e.title.strip(), e.body)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _name_of_slug(title: str, body: str) -> str | None:
    """A page whose title is its file name ("kettle-lane-brewing": front matter canon could not read)
    names its customer in the body as the slug spells it ("Kettle Lane Brewing employs 85 people")."""
    if not _SLUG.fullmatch(title):
        return None
    words = title.split("-")
    for n in range(len(words), 1, -1):
        found = re.search(r"\b" + r"[\s-]+".join(map(re.escape, words[:n])) + r"\b", body, re.I)
        if found and found.group(0)[:1].isupper():
            return " ".join(found.group(0).split())
    return None


def _about_a_customer(e: Entry) -> bool:
    """Whether an entry tells one customer's story: a ``case_study``, or a page a site publishes as a
    customer story (its front matter or its folder says so): the figures it states without naming
    anyone are that customer's ("Home claims now settle in a median of 12 days, down from 26")."""
    return e.type == "case_study" or (e.type == "article" and _story_subject(e) is not None)


def _lower_cased(text: str) -> bool:
    """Whether text is written without capitals (raw speech-recognition output), past its first
    letter, the pronoun "I" and the figure placeholder."""
    rest = _FIRST_LETTER.sub("", _PRONOUN_I.sub("", text.replace("[NUM]", "")), count=1)
    return not any(ch.isupper() for ch in rest)


_FIRST_LETTER = re.compile(r"^[^A-Za-z]*[A-Za-z]")
_PRONOUN_I = re.compile(r"\bI\b")

# "Goldman Sachs", "Cook County Assessor's Office", "NVIDIA": capitalised words, "of"/"&"/"and" between
_NAME = re.compile(r"[A-Z][\w'’.&-]*(?: (?:of|and|&|[A-Z0-9][\w'’.&-]*)){0,4}")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)|<[^<>\n]*>|https?://\S+")
_CUSTOMER_LINK = re.compile(r"\[([^\[\]\n]{2,60})\]\((?:[^()\s]*?/)?(?:customers?|case[-_]stud(?:y|ies))/[^()\s]*\)", re.I)


@functools.lru_cache(maxsize=1 << 16)
def _clause(masked: str) -> str:
    """The clause holding ``[NUM]``: the sentence cut at commas, semicolons and dashes."""
    i = masked.find("[NUM]")
    if i < 0:
        return masked
    start = max(masked.rfind(c, 0, i) for c in ",;:—–(")
    if start >= 0 and masked[start] == ":" and not masked[start + 1:i].strip():
        # "Industry average: [NUM]": the label before the colon is what the figure is
        start = max(masked.rfind(c, 0, start) for c in ",;:—–(")
    ends = [j for j in (masked.find(c, i) for c in ",;—–)") if j >= 0]
    clause = masked[start + 1: min(ends) if ends else len(masked)]
    return _spoken_clause(clause)


# Raw speech recognition writes a whole turn as one sentence with no punctuation ("we run payroll for
# over [NUM] employers and we pay more than one point five million employees every month"): there
# the clause holding a figure ends at the conjunctions that join the speaker's clauses
SPOKEN_RUN = 25  # words without a stop or a comma: no written sentence runs this long unpunctuated
_SPOKEN_JOIN = re.compile(r"\b(?:and|so|but|because|cause|then|while|whereas|plus)\b", re.I)


def _spoken_clause(clause: str, least: int = 0) -> str:
    """The clause of an unpunctuated run holding ``[NUM]``, joined with the clauses after it (then
    before it) until it has ``least`` content words."""
    words = clause.split()
    if len(words) < SPOKEN_RUN or re.search(r"[.,;:!?()]", clause.replace("[NUM]", "")):
        return clause
    i = clause.find("[NUM]")
    if i < 0:
        return clause
    starts = [0] + [m.end() for m in _SPOKEN_JOIN.finditer(clause, 0, i)]
    ends = [m.start() for m in _SPOKEN_JOIN.finditer(clause, i + 5)] + [len(clause)]
    a, b = len(starts) - 1, 0
    while True:
        out = clause[starts[a]:ends[b]].strip()
        if len(content_terms(out)) >= least or (a == 0 and b == len(ends) - 1):
            return out
        if b < len(ends) - 1:
            b += 1
        else:
            a -= 1


def _metric_bound_and_stat(qualifier: str | None) -> tuple[str | None, str | None]:
    if not qualifier:
        return None, None
    q = re.sub(r"\s+", " ", qualifier.strip().lower())
    if q in _STATISTICS:
        return None, _STATISTICS[q]
    return _QUALIFIERS.get(q), None


# A period word after an article or a possessive names a thing that recurs, not the rate of the
# metric: "time to prepare an annual water-take return", "Marlowe Finch's monthly billing run"
# (against "annual savings", "hours saved each week", "daily time a dispatcher spends")
_THING_OF_A_PERIOD = re.compile(r"\b(?:an?|the|its|their|our|your|\w+['’]s?)\s+$", re.I)


def _period(unit: str, name: str = "") -> str | None:
    """The period of a rate: "invoices/month" -> "month"; a name saying "annual" -> "year"."""
    u = unit.strip().lower()
    for sep in ("/", " per ", " a ", " each "):
        if sep in u:
            p = units.period(u.rsplit(sep, 1)[1])
            if p:
                return p
    # the time a recurring thing takes ("days to complete Marlowe Finch's monthly billing run"); an
    # amount or a count of it is still the rate ("Contoso's annual savings in payables processing")
    duration = units.kind_of(u) == "duration"
    for m in _PERIOD_IN_NAME.finditer(name):
        if duration and _THING_OF_A_PERIOD.search(name, 0, m.start()):
            continue
        return _PERIOD_WORDS[m.group(1).lower()]
    return None


def _count_noun(unit: str) -> str:
    return unit.split("/", 1)[0].strip()


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().strip("'’")
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


@functools.lru_cache(maxsize=1 << 17)
def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text))


def _mentions(text: str, noun: str) -> bool:
    """Whether ``text`` speaks of ``noun`` (its last word, in any number)."""
    if not noun:
        return True
    return _stem(noun.split(" ")[-1]) in _stems(text)


def _canonical(value: Value, kind: str, per: str | None) -> Value:
    """A rate's value per day, so that "1 build every two weeks" meets "2 builds/day"."""
    if per is None or per not in DAYS_PER or kind not in ("count", "currency", "duration", "number"):
        return value
    factor = 1.0 / DAYS_PER[per]
    if isinstance(value, tuple):
        return (value[0] * factor, value[1] * factor)
    return value * factor



# ------------------------------------------------------------------------------------------------
# Building figures


SHORT_CONTEXT = 4  # fewer content words than this, and the sentence before is read too


def _claim_context(c: Claim, row: str | None = None, previous: str = "") -> str:
    """What is embedded for a claim: its masked sentence, or for a table cell the masked row,
    or for a very long sentence a window of words around the figure; a sentence that says little
    on its own ("On average, [NUM].", "It's a big part of how we save [NUM].") gets the sentence
    before it."""
    if row is not None:
        return row
    masked = _with_denominator(c, c.masked or c.sentence or c.text)
    words = masked.split()
    spoken = _spoken_clause(masked, SHORT_CONTEXT) if "[NUM]" in masked else masked
    if spoken != masked:
        masked = spoken  # a clause of an unpunctuated transcript: the words that say what it measures
    elif len(words) > 60 and "[NUM]" in words:
        i = words.index("[NUM]")
        masked = " ".join(words[max(0, i - 25): i + 26])
    if previous and len(content_terms(masked)) < SHORT_CONTEXT:
        masked = f"{_tail(previous)} {masked}"
    return masked




def without_source(f: Figure) -> str:
    """A figure's context less the words of the source it is credited to in prose: who found a
    figure is not what it measures ("Independent analysis by Forrand Group found a [NUM] ROI" is
    read for its words as "Independent ... found a [NUM] ROI"), so the lexical half of its score
    compares measures, not reporters."""
    title = f.source.title if f.origin == "claim" and f.source is not None else ""
    words = {w for w in _TOKEN.findall(title.lower()) if len(w) > 1}
    if not words:
        return f.context
    return re.sub(r"[A-Za-z][A-Za-z'’-]*", lambda m: " " if _POSSESSIVE.sub("", m.group(0).lower()) in words
                  else m.group(0), f.context)


def _with_denominator(c: Claim, masked: str) -> str:
    """The masked sentence with what an amount is per put back ("[NUM] per employee per month"):
    the figure's span took those words with it, and they say what the amount is the price or the
    cost of (a period alone is compared as a rate, not read)."""
    per = str(claim_attr(c, "per") or "")
    if c.kind != "currency" or not per or "[NUM]" not in masked:
        return masked
    parts = [p.strip() for p in per.split("/") if p.strip()]
    if not parts or all(p in DAYS_PER for p in parts):
        return masked
    return masked.replace("[NUM]", "[NUM] " + " ".join(f"per {p}" for p in parts), 1)


PRECEDING_WORDS = 30  # how much of what comes before a short sentence is read with it


@functools.lru_cache(maxsize=256)
def _squashed(text: str) -> str:
    return " ".join(text.split())


def _preceding(surrounding: str, sentence: str) -> str:
    """What ``surrounding`` (a paragraph) says before ``sentence``, if ``sentence`` is found in it."""
    if not surrounding or not sentence:
        return ""
    head = " ".join(sentence.split()[:6])
    text = _squashed(surrounding)  # one paragraph holds many claims: squash it once
    i = text.find(head)
    return text[:i].strip() if i > 0 else ""


def _tail(text: str, words: int = PRECEDING_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[-words:])


_MARKUP = re.compile(r"\[([^\[\]]*)\]\([^()]*\)|<[^<>]+>|[|*_`#>]")


def _row_context(c: Claim, line_text: str) -> str | None:
    """A table cell's claim in its row: "Payback on the first-year subscription under [NUM]"."""
    if claim_attr(c, "block") != "table" or c.end_line not in (None, c.line):
        return None
    start, end = c.column - 1, (c.end_column or c.column) - 1
    if not (0 <= start < end <= len(line_text)):
        return None
    row = line_text[:start] + " [NUM] " + line_text[end:]
    row = _MARKUP.sub(lambda m: f" {m.group(1) or ''} ", row)
    row = re.sub(r"\s+", " ", row).strip()
    return row if "[NUM]" in row else None


@functools.lru_cache(maxsize=1)
def _share_words() -> tuple[frozenset[str], frozenset[str]]:
    from knowledge.text import lexicon

    return lexicon("share_change"), lexicon("share_level")


_SHARE_WORD = re.compile(r"[a-z]+")
_FRACTION_OF_MANY = re.compile(r"\b(?:in|out of)\b", re.I)


def share_sense(c: Claim, masked: str) -> str | None:
    """Whether a share states a change ("82% fewer errors", "errors fall by 82%") or the level of a
    population ("one in five runs has an error", "20% of runs", "the on-time rate"): "change",
    "level" or None when its words say neither. The two ends of a change ("from 45% to 78%") are
    levels. Never the same measure, whatever else their sentences share."""
    change, level = _share_words()
    span = str(claim_attr(c, "as_written") or "")
    if c.pair == "change" or c.role in ("before", "after") or (span and _FRACTION_OF_MANY.search(span)):
        return "level"  # "one in five runs", "nine out of ten teams": a part of a population
    clause = _clause(masked).lower()
    at = clause.find("[num]")
    if at < 0:
        return None
    head = clause[:at].rstrip()
    bound = str(claim_attr(c, "qualifier_word") or "").lower()
    if bound and head.endswith(bound):  # "saves growers up to [num]": the words before the bound
        head = head[:-len(bound)]
    before = _SHARE_WORD.findall(head)[-3:]
    after = _SHARE_WORD.findall(clause[at + 5:])[:2]
    # "up to", "more than", "down to": a bound, not a change
    cues = [w for k, w in enumerate(before) if not (k + 1 < len(before) and before[k + 1] in ("to", "than"))]
    if any(w in change for w in cues + after[:1]) and not (after[:2] and after[0] in change and after[1:2] == ["than"]
                                                          and not cues):
        return "change"
    if after[:1] == ["of"] or any(w in level for w in _SHARE_WORD.findall(clause)):
        return "level"
    return None


@functools.lru_cache(maxsize=1)
def _place_names() -> str:
    from knowledge.text import lexicon

    return "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in lexicon("places")), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = _place_names()
    scoped = re.compile(rf"\b(?:in|across|throughout)\s+(?:the\s+)?({names})\b", re.I)
    listed = re.compile(rf"\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?(?:{names})\b", re.I)
    return scoped, listed


def place_of(text: str) -> str | None:
    """The country or region a count is scoped to ("more than [NUM] fleets in india", "[NUM]
    insurers in South Africa"), lower-cased; None for every country, and for a list of places ("in
    the UK, Ireland and the US": where the company is, not one market)."""
    scoped, listed = _place_patterns()
    m = scoped.search(text)
    if m is None or listed.match(text, m.end()):
        return None
    return " ".join(m.group(1).lower().split()).removeprefix("the ")


_RATING = re.compile(r"\b(?:rate[ds]?|rating|ratings|reviews?|reviewers?|stars?|scored?)\b", re.I)


def rated_on(c: Claim, masked: str) -> str | None:
    """The site a rating is given on ("rated [NUM] on Capterra": "capterra"), lower-cased; None for
    any other share. The site is read as the claim's source is (:func:`rating_site`), so that a
    rating is scoped to the site it is sourced to; a share is a rating only where its sentence
    speaks of one ("rated", "reviews", "stars")."""
    if not _RATING.search(masked):
        return None
    sentence, span = c.sentence or "", " ".join((c.span or "").split())
    at = sentence.find(span) if span else -1
    site = rating_site(sentence, at) if at >= 0 else None
    return site[0].lower() if site else None


# A name that opens with what is added ("additional subrogation recovered within 90 days",
# "extra revenue per site") names a gain, as "25% more in subrogation" says it; inside a name
# ("share of claims needing additional review") the word qualifies a population
_MORE_OF = re.compile(r"\s*(?:the\s+|an?\s+)?(?:additional|extra|incremental)\b", re.I)


# what a sentence opens with to set whose cases it speaks of ("At Harbourline Mutual, ...", "For Te
# Awa, ...")
_STATISTIC_WORD = re.compile(r"\b(?:on average|average|median|mean)\b", re.I)
_FRAME = re.compile(r"\s*(?:at|for|in|inside|within)\s+([^,;:]{2,60}),", re.I)


def metric_share_sense(name: str) -> str | None:
    """:func:`share_sense` of a metric, read off its name ("reduction in payroll errors", "share of
    payroll runs with at least one error")."""
    change, level = _share_words()
    words = _SHARE_WORD.findall(name.lower())
    if any(w in change for w in words) or _MORE_OF.match(name):
        return "change"
    if any(w in level for w in words) or "of" in words:
        return "level"
    return None


def figure_of_claim(c: Claim, *, where: str, path: str, entry: Entry | None = None,
                    entities: Entities | None = None, context: str | None = None,
                    preceding: str = "", speaker: str | None = None) -> Figure:
    """A claim as a figure. ``preceding`` is what comes before its sentence (in the paragraph,
    the call), read for the customer when the sentence names none."""
    per = claim_attr(c, "per") if c.kind in ("duration", "currency") else None
    if c.kind == "duration" and per is None and c.masked and (m := _EVERY_PERIOD.search(c.masked)):
        per = m.group(1).lower()  # "9 hrs back every week": time won back, as a rate
    unit = c.unit
    if c.kind == "count" and "/" in unit:
        unit, _, per = unit.partition("/")
        per = units.period(per) or per
        if not unit:  # "four hundred and eighty thousand a year": a rate of what, we don't know
            unit = ""
    if per is not None and per not in DAYS_PER:
        per = None  # "$3.40 per invoice": not a period
    if c.kind == "count" and per is None and unit:
        per = counted_per(c.masked or "")  # "[NUM] employees paid every month"
    kind = c.kind if (c.kind != "count" or unit) else "number"
    qualifier = c.qualifier
    statistic = claim_attr(c, "statistic") or (qualifier if qualifier in ("median", "average", "typical") else None)
    bound: str | None = None
    if qualifier == "about":
        word = str(claim_attr(c, "qualifier_word", "")).lower()
        bound = "nearly" if word in ("nearly", "almost", "just under", "a little under") else "about"
    elif qualifier in ("at least", "at most"):
        bound = qualifier
    elif qualifier == "up to":
        bound = "at most"
    masked = c.masked or ""
    if context is not None and claim_attr(c, "block") == "table":
        masked = context  # the row, not the whole table
        statistic = row_statistic(statistic, masked)
    clause = _clause(masked)
    # a figure about a population ("on average", "most teams", "across our customers") is about no
    # one customer, even in a paragraph or a case study that names one
    population = bool(statistic) or bool(_POPULATION.search(clause))
    sentence_scope = clause if population else masked
    # "Whitlock books 81% ..., against an industry norm of 45%": the norm's clause names no
    # customer, so the customer named elsewhere in the sentence is not its scope
    norm = bool(_NORM.search(clause)) and (entities is None or entities.nearest(clause) is None)
    entity = entities.nearest(sentence_scope, sentence_scope.find("[NUM]")) if entities and not norm else None
    if (entity is None and entities is not None and not norm and population
            and not _POPULATION.search(_STATISTIC_WORD.sub(" ", masked))):
        # a statistic over one customer's own cases, the customer set before it: "At Harbourline
        # Mutual, a median motor claim took 19 days"
        frame = _FRAME.match(masked)
        entity = entities.nearest(frame.group(1)) if frame else None
    if entity is None and entities is not None and not norm and population and _THEIR.search(clause):
        # "Liberty Row in Austin had the same problem; their median make-ready went from 19 days to
        # 6": the median is the customer's own, named before the clause that says "their"
        entity = _owner_before(entities, masked[:masked.find(clause)]) if clause in masked else None
    if entity is None and entities is not None and not norm:
        if not population:
            entity = entities.nearest(preceding, len(preceding)) if preceding else None
        # on a page about one customer, a median or an average is over that customer's own cases
        # ("a home claim took a median of 26 days"); only words about many customers take it off
        if entity is None and entry is not None and _about_a_customer(entry) and not _CUSTOMERS.search(masked):
            entity = entities.nearest(_story_subject(entry) or entry.title)
    if entity is None and _NORM.search(clause):
        entity = NORM_SCOPE
    role = c.role if c.role in ("before", "after") else None
    if role is None and _CHANGED_FROM.search(masked[:max(0, masked.find("[NUM]"))]):
        role = "before"  # "Nearly 60% deploy daily. That's up from 45% last year."
    if role is None and c.kind in ("duration", "currency", "count", "number"):
        role = _inferred_role(c, masked)
    span = str(claim_attr(c, "span") or c.text)
    approximate = bool(claim_attr(c, "as_written")) or ("half" in span.lower() and _decimals(span) is None)
    value = _canonical(c.value, kind, per)
    precision = 0.0 if claim_attr(c, "as_written") else _half_unit(c.raw_value, c.value, span)
    if per is not None and per in DAYS_PER:
        precision /= DAYS_PER[per]
    unit_of_kind = unit
    if kind == "percent" and _calendar_quarter(c, masked):
        # "pays for itself within a quarter": three months, not 25%
        kind, unit_of_kind, value, precision, approximate = "duration", "days", DAYS_PER["quarter"], 0.0, True
    grain = share_grain(value, bool(claim_attr(c, "as_written")) or _decimals(span) is None) \
        if kind == "percent" else 0.0
    return Figure(
        origin="claim", where=where, value=value, kind=kind, unit=unit_of_kind, path=path, line=c.line,
        column=c.column, end_line=c.end_line, end_column=c.end_column, text=c.text,
        display=_display(c), context=context if context is not None else _claim_context(c),
        per=per, bound=bound, statistic=statistic, best=bool(_BEST.search(masked)), role=role,
        year=None if c.year and (_YEARS_WINDOW.search(c.sentence or "") or _year_of_a_later_clause(c)) else c.year,
        entity=entity, source=c.source,
        approximate=approximate, precision=precision,
        grain=grain, sense=share_sense(c, masked) if kind == "percent" else None,
        scope=place_of(masked) if kind == "count" else rated_on(c, masked) if kind == "percent" else None,
        entry=entry, claim=c, speaker=speaker, terms=c.sentence or masked, worked=computed(c),
    )


# "their median", "its average": a statistic over the cases of one named before
_THEIR = re.compile(r"\b(?:their|its)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:median|average|mean)\b", re.I)
# Words of a group or a count between a customer and "their": the group is whose median it is
# ("Unlike Kestrel Freight, most fleets run older trucks; their median ...")
_GROUP_BETWEEN = re.compile(r"\b(?:most|many|other|others|all|both|several|some|few|every|each|dozens|hundreds"
                            r"|thousands|like|unlike)\b|\d", re.I)


def _owner_before(entities: Entities, before: str) -> str | None:
    """The customer a "their median" clause speaks of: the one named last before it, where it is the
    only customer named there and no group or count stands between it and the clause."""
    if entities.pattern is None or not before:
        return None
    named = entities.named(before)
    if len(set(named)) != 1:
        return None
    last = entities.last_end(before)
    return named[0] if last is not None and not _GROUP_BETWEEN.search(before[last:]) else None
# A comment added after the figure: a relative clause set off by a comma ("..., which should put
# Liam's mind at rest"). A clause that says where the figure comes from ("according to a 2019
# survey") or when ("since 2015") is its scope and is not one.
_LATER_CLAUSE = re.compile(r"[,;—–]\s*(?:which|who|whose)\b", re.I)
# A clause that says the figure was found, measured or published: its year is the figure's ("..., which
# is what the 2019 DORA survey found", "..., which is what we measured in 2024")
_MEASURED = re.compile(
    r"\b(?:survey(?:s|ed)?|stud(?:y|ies|ied)|report(?:s|ed)?|found|finds|find|measur(?:e|es|ed|ing)"
    r"|estimat(?:e|es|ed|ing)|according|publish(?:es|ed)?|census|research|poll(?:s|ed)?|analys(?:is|ed)"
    r"|record(?:s|ed)?|count(?:s|ed)|track(?:s|ed)|benchmark(?:s|ed)?|audit(?:s|ed)?|data|statistics)\b", re.I)


def _year_of_a_later_clause(c: Claim) -> bool:
    """Whether the year the claim is scoped to stands only after it, in a comment on it (a relative
    clause set off by a comma): "72% of residents activate the app within 30 days, which should put
    Liam's mind at rest after the 2022 portal" is not a 2022 figure. A year before the figure ("In
    2023, 48% of teams ..."), in its own clause ("48% in 2023"), in a clause naming its source ("...,
    according to a 2019 survey") or in a comment that says it was found or measured then ("..., which
    is what we measured in 2024") still scopes it."""
    sentence, span = c.sentence or "", str(claim_attr(c, "span") or "")
    at = sentence.find(span) if span else -1
    if at < 0 or not c.year:
        return False
    end = at + len(span)
    places = [m.start() for m in re.finditer(rf"(?<!\d){c.year}(?!\d)", sentence)]
    return bool(places) and all(_in_a_comment(sentence, end, p) for p in places)


def _in_a_comment(sentence: str, end: int, place: int) -> bool:
    """Whether the year at ``place`` stands in a comment clause after the figure (ending at ``end``),
    one that does not say where the figure was found or measured."""
    if place < end:
        return False
    clauses = list(_LATER_CLAUSE.finditer(sentence, end, place))
    if not clauses:
        return False
    comment = re.split(r"[,;—–.!?]", sentence[clauses[-1].end():])[0]
    return not _MEASURED.search(comment)


# A period a count's verb runs over, a few words after the count: "[NUM] employees paid every month",
# "[NUM] claims handled each day"
_COUNTED_PER = re.compile(r"^\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:every|each|per|a)\s+(day|week|month|quarter|year)\b",
                          re.I)


def counted_per(masked: str) -> str | None:
    """The period a count is a rate over when its verb comes between them ("[NUM] employees paid
    every month": employees a month); None when no period follows within three words."""
    at = masked.find("[NUM]")
    m = _COUNTED_PER.match(masked[at + 5:]) if at >= 0 else None
    return m.group(1).lower() if m else None


def row_statistic(statistic: str | None, row: str) -> str | None:
    """A table cell's statistic, as its own row says it: another row's "(median)" says nothing of
    this one ("Payroll errors | 82% fewer" under "Time to run payroll | 25 minutes (median)")."""
    if statistic and statistic not in row.lower() and not (statistic == "average" and "mean" in row.lower()):
        return None
    return statistic


# "a quarter" after a word that takes a stretch of time ("within a quarter", "every quarter", "in a
# single quarter") is three months; elsewhere ("a quarter of customers") it is 25%
_QUARTER_SPAN = re.compile(r"^(?:a|one|the|a single|one single)\s+quarter$", re.I)
_TIME_BEFORE = re.compile(r"\b(?:within|in|inside|under|over|after|before|per|each|every|last|next|this|first"
                          r"|during|for)\s*(?:just\s+|only\s+)?$", re.I)


def _calendar_quarter(c: Claim, masked: str) -> bool:
    span = " ".join(str(claim_attr(c, "span") or "").split())
    if not _QUARTER_SPAN.match(span):
        return False
    at = masked.find("[NUM]")
    after = masked[at + 5:] if at >= 0 else ""
    if re.match(r"\s*of\b", after, re.I):
        return False  # "a quarter of an hour" is read by extraction; "a quarter of customers" is a share
    if at >= 0 and (m := _BOUND_OVER.search(masked[:at])) and not _TIME_BEFORE.search(masked[:m.start()]):
        return False  # "come down by a bit over a quarter": a bound on a share, not a stretch of time
    return at >= 0 and bool(_TIME_BEFORE.search(masked[:at]))


# "over"/"under" as the bound of a share ("by a bit over", "just under"), unless a word of time
# comes before it ("in just over a quarter")
_BOUND_OVER = re.compile(r"\b(?:a\s+(?:bit|little|touch)|just|slightly|well|by)\s+(?:over|under)\s*$", re.I)


# Words about many customers, not the one a customer story is about.
_CUSTOMERS = re.compile(r"\b(?:most|across|all of our|our customers|customers (?:see|get|save)|other customers"
                        r"|on average across)\b", re.I)
_POPULATION = re.compile(r"\b(?:most|typical(?:ly)?|usually|generally|on average|average|median|across|all of our"
                         r"|our customers|customers (?:see|get|save))\b", re.I)
# Where a change started, for any kind of figure: "up from 45%", "down from $12".
_CHANGED_FROM = re.compile(r"\b(?:up|down|rising|falling|rose|fell|grew|dropped|climbed|increased|decreased|declined"
                           r"|jumped|improved)\s+from\s+(?:about\s+|just\s+|only\s+)?$", re.I)
# A norm rather than a result: what an industry, a market or other companies see ("the industry
# average is 3%; ours was 11%"). Norms are a scope of their own, like a customer: they only meet
# norms.
_NORM = re.compile(r"\b(?:industry|sector|market|national|nationwide)[- ](?:average|benchmark|norm|median|standard"
                   r"|rate|wide)\b|\b(?:most|other|many) (?:companies|organi[sz]ations|firms|businesses|vendors)\b"
                   r"|\b(?:peers|competitors|rivals)\b", re.I)
NORM_SCOPE = "(industry norm)"
_CONTRAST_BEFORE = re.compile(r"(?:\binstead of|\bnot|\brather than|\bvs\.?|\bversus|\bcompared (?:to|with))\s*(?:about\s+)?$",
                              re.I)
_NOW_BEFORE_NUM = re.compile(r"\b(?:now|today|currently|these days)\b", re.I)
_NOW = re.compile(r"\b(?:now|today|after|since|with)\b|[;:]", re.I)
# a relative clause, also one without "that" ("get back [NUM] they used to spend chasing timesheets")
_RELATIVE_AFTER = re.compile(r"(?<=\[NUM\])\s+(?:(?:that|which|who)\b|(?:they|we|you|he|she|it|i|people|teams?|staff)"
                             r"\s+(?:used to|previously|once|would)\b).*$", re.I | re.S)


def _inferred_role(c: Claim, masked: str) -> str | None:
    """"before" for a level stated as the old one: "used to need [NUM]", "Before Northwind, teams
    took [NUM]", "$3.40 an invoice instead of [NUM]". Not for shares and factors, which are changes
    already ("two thirds less than before")."""
    i = masked.find("[NUM]")
    if i < 0:
        return None
    ahead = masked[:i]
    if _CONTRAST_BEFORE.search(ahead):
        return "before"
    # a relative clause after the figure says what the quantity is or was spent on ("saves [NUM]
    # that used to go on calls"), not when the figure held
    clause = _RELATIVE_AFTER.sub("", _clause(masked))
    if _BEFORE.search(clause):
        return "before"
    if _NOW_BEFORE_NUM.search(clause[:clause.find("[NUM]")] if "[NUM]" in clause else ""):
        return "after"
    cue = None
    for m in _BEFORE.finditer(ahead):
        cue = m
    if cue is not None and not _NOW.search(ahead, cue.end()):
        return "before"
    return None


def _display(c: Claim) -> str:
    """The figure as a person would repeat it: "over 85%", "about 3 weeks", "$480K"; a figure
    written in words as written ("a third", "a month and a half", "three out of four"), not as
    the number it stands for ("33.33%")."""
    span = " ".join(str(claim_attr(c, "span") or "").split())
    if claim_attr(c, "as_written") and span and not any(ch.isdigit() for ch in span):
        return span
    raw = c.raw_value if c.raw_value is not None else c.value
    try:
        shown = units.describe(raw, c.raw_unit or c.unit)
    except (KeyError, ValueError, ZeroDivisionError):
        return span or c.text
    if c.kind == "duration" and not isinstance(raw, tuple) and raw != 1 and re.search(r"\d (?:second|minute|hour|day|week|month|quarter|year)$", shown):
        shown += "s"  # "8-minute builds": 8 minutes
    word = str(claim_attr(c, "qualifier_word") or "")
    if c.qualifier in ("about", "at least", "at most", "up to") and word and word not in ("+", "plus"):
        return f"{word} {shown}"
    return shown


def figure_of_metric(m: Metric, entry: Entry, entities: Entities | None = None) -> Figure | None:
    try:
        value, unit, kind = units.normalize(m.value, m.unit)
    except (KeyError, ValueError, ZeroDivisionError):
        return None
    per = _period(m.unit, m.name) if kind in ("duration", "currency", "count") else None
    if kind == "count":
        unit = _count_noun(unit)
    bound, statistic = _metric_bound_and_stat(m.qualifier)
    name = m.name or m.id
    entity = entities.nearest(name) if entities else None
    if entity is None and entities is not None and _about_a_customer(entry):
        entity = entities.nearest(_story_subject(entry) or entry.title)
    if entity is None and _NORM.search(name):
        entity = NORM_SCOPE
    year = None
    if m.as_of:
        ym = re.match(r"(\d{4})", str(m.as_of))
        year = int(ym.group(1)) if ym else None
    source = next((s for s in entry.sources if _same_title(s.title, m.source or "")), None) if m.source else None
    if source is None and m.source:
        source = Source(title=m.source)
    lo, _ = _value_range(value)
    precision = 0.0
    if isinstance(m.value, float | int):
        text = repr(float(m.value))
        decimals = len(text.split(".")[1].rstrip("0")) if "." in text else 0
        rlo = float(m.value)
        scale = lo / rlo if rlo else 1.0
        precision = 0.5 * 10.0 ** -decimals * abs(scale)
    value = _canonical(value, kind, per)
    if per in DAYS_PER:
        precision /= DAYS_PER[per]  # type: ignore[index]
    title = entry.title or entry.id
    return Figure(
        origin="metric", where="kb", value=value, kind=kind, unit=unit, path=entry.path,
        line=m.line or entry.line_of("metrics"), text=name, display=units.describe(m.value, m.unit),
        context=f"{title}: {name}", per=per, bound=bound, statistic=statistic,
        best=bool(_BEST.search(name)) or bool(m.qualifier and _BEST.search(m.qualifier)),
        role="before" if _BEFORE_METRIC.search(name) else None, year=year, entity=entity, source=source,
        precision=precision, sense=metric_share_sense(name) if kind == "percent" else None,
        scope=place_of(name) if kind == "count" else None,
        entry=entry, metric=m, terms=f"{title} {name} {m.unit}",
    )


_GENERIC_SOURCE_WORDS = frozenset(
    "the a an of and for in on to by from study studies report reports survey surveys analysis data research "
    "brief findings paper whitepaper review edition annual quarterly commissioned independent".split())


_POSSESSIVE = re.compile(r"['’]s?$")


@functools.lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    # "Brightfold's commissioned study" names the "Brightfold Economic Impact of Quillpay 2026"
    words = {_POSSESSIVE.sub("", w.lower()) for w in re.findall(r"[A-Za-z][A-Za-z0-9&'’-]*", title)}
    return frozenset(w for w in words if w not in _GENERIC_SOURCE_WORDS)


def _same_title(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", a).strip().casefold() == re.sub(r"\s+", " ", b).strip().casefold()


@functools.lru_cache(maxsize=16384)
def matching_source(a: str, b: str) -> bool:
    """Whether two source titles name one source: equal, or one's distinctive words contained in
    the other's, or most of them shared ("Hackett Group study" ~ "Hackett Group AP Benchmark 2025")."""
    if _same_title(a, b):
        return True
    wa, wb = _title_words(a), _title_words(b)
    if not wa or not wb:
        return False
    if wa <= wb or wb <= wa:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.5


# ------------------------------------------------------------------------------------------------
# Words: the lexical half of the score
#
# The embedding of a masked sentence knows what the sentence is about but not always what is
# measured: "[NUM] field-level capture accuracy, so your clerks check flagged fields" scores only
# 0.47 against "Capture accuracy: field-level accuracy of Northwind Capture", and two templates
# that differ in the one word that matters ("invoices are processed [NUM] faster" / "approvals
# happen [NUM] faster") score 0.8. The words themselves settle both: content words, lightly
# stemmed, weighted by how rare they are among the KB's figure contexts (IDF), and hashed into a
# fixed number of signed buckets so that the lexical cosine is a dot product like the semantic
# one. The two are concatenated (each scaled by the square root of its weight), so one matrix
# product gives the weighted mean of both, and the neighbour search needs nothing else.

LEXICAL_WEIGHT = 0.5
LEXICAL_DIM = 256

_STOP = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
even every few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself
him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's like lot lots many
me more most much must my myself no nor not now of off on once one only or other ought our ours ourselves out
over own per pretty quite rather really same says she should shouldn't so some such than that that's the their
theirs them themselves then there there's these they they'd they'll they're they've this those through thus to
too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when where
which while who whom why will with within without won't would wouldn't yeah yes yet you you'd you'll you're
you've your yours yourself yourselves okay ok well still already around almost nearly roughly approximately
average averages averaged median mean typical typically across most overall generally usually
""".split())
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed", "als", "al", "ies", "es", "s", "ly")
_TOKEN = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1 << 16)
def _lex_stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@functools.lru_cache(maxsize=1)
def _expansions() -> dict[str, tuple[str, ...]]:
    from knowledge.text import lexicon

    pairs = (entry.split("=", 1) for entry in lexicon("measure_abbreviations") if "=" in entry)
    return {a.strip(): tuple(_TOKEN.findall(b.lower())) for a, b in pairs}


@functools.lru_cache(maxsize=1 << 16)
def content_terms(text: str, exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The stemmed content words of a context (no stop words, no [NUM], nothing in ``exclude``); an
    abbreviated measure counts as the words it stands for ("ROI": return, investment)."""
    out: list[str] = []
    expand = _expansions()
    for w in _TOKEN.findall(text.replace("[NUM]", " ").lower()):
        for part in expand.get(w, (w,)):
            if len(part) < 2 or part in _STOP or part in exclude:
                continue
            out.append(_lex_stem(part))
    return tuple(out)


class Lexicon:
    """IDF weights over a set of figure contexts, and hashed lexical vectors."""

    def __init__(self, texts: Iterable[str], exclude: Iterable[str] = ()) -> None:
        self.exclude = frozenset(w.lower() for x in exclude for w in _TOKEN.findall(x.lower()))
        self._terms: dict[str, frozenset[str]] = {}
        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for t in self.terms(text):
                df[t] = df.get(t, 0) + 1
        self.n = n
        self.idf = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
        self.unseen = math.log(n + 1) + 1.0
        self._buckets: dict[str, tuple[int, float]] = {}

    def _bucket(self, term: str) -> tuple[int, float]:
        b = self._buckets.get(term)
        if b is None:
            import zlib

            h = zlib.crc32(term.encode("utf-8"))
            b = self._buckets[term] = (h % LEXICAL_DIM, 1.0 if (h >> 31) & 1 else -1.0)
        return b

    def terms(self, text: str) -> frozenset[str]:
        """The words of the clause holding the figure, or of the whole context when the clause has
        fewer than two: the words next to a number say what it measures."""
        found = self._terms.get(text)
        if found is None:
            clause = frozenset(content_terms(_clause(text), self.exclude)) if "[NUM]" in text else frozenset()
            found = clause if len(clause) >= 2 else frozenset(content_terms(text, self.exclude))
            self._terms[text] = found
        return found

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            for t in self.terms(text):
                col, sign = self._bucket(t)
                out[i, col] += sign * self.idf.get(t, self.unseen)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
        return out


def combine(semantic: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    """[sqrt(1-w) * semantic, sqrt(w) * lexical]: dot products are the weighted mean of both."""
    import numpy as np

    w = LEXICAL_WEIGHT
    return np.hstack([semantic * math.sqrt(1 - w), lexical * math.sqrt(w)]).astype(np.float32)


def _rep_claims(call: Call) -> Iterator[tuple[Turn, Claim, str, str]]:
    """(turn, claim, what the speaker said before it, the text its measure is judged by) for every
    figure an internal speaker states."""

    before = ""  # the previous turn: often the question a figure answers
    for t in call.turns:
        sentences = [s.text for s in t.sentences] or [t.text]
        if t.role == "internal":
            said: list[str] = []
            for s in t.sentences:
                preceding = " ".join(said)
                for c in sentence_claims(s):
                    if c.masked:
                        yield t, c, preceding, _claim_context(c, previous=preceding or before)
                said.append(s.text)
        before = " ".join(sentences)


def sentence_claims(s: Sentence) -> list[Claim]:
    """The figures of one sentence of a call, each pointing at the line of the file it stands on."""
    from knowledge.claims import extract_claims

    claims = extract_claims(s.text, first_line=s.line, first_column=s.column)
    if s.lines:
        for c in claims:
            if c.line == s.line and c.end_line == s.line:  # one line of text: columns are offsets
                start, end = c.column - s.column, c.end_column - s.column
                c.line, c.column = s.place(start)
                c.end_line, c.end_column = s.place(max(start, end - 1))
                c.end_column += 1
    return claims


def call_claim_contexts(call: Call) -> list[str]:
    """The texts the audit embeds for what reps say in a call: what indexing can embed ahead of
    time so that an audit of an up-to-date index embeds nothing."""
    return [context for _, _, _, context in _rep_claims(call)]




def _about_the_listener(c: Claim, external_first_names: set[str], ours: re.Pattern[str] | None = None) -> bool:
    """A rep restating the prospect's own situation ("you're at about 1,200 invoices a month",
    "Kara's team processes 3,000 invoices a month", "an invoice costs you a little over $9"), or
    a share of a pronoun ("half of them are faster"): not a claim about the product."""
    masked = c.masked
    if _PRONOUN_SHARE.search(masked) and claim_attr(c, "as_written"):
        return True
    clause = _clause(masked)
    # "you mentioned about 30% of invoices are exceptions": any kind of figure, in the part of the
    # sentence that says whose words they are, before anything of the company's side ("You told us
    # churn was 9%; churn drops to 3% with Tillpoint" claims the 3%). Spoken clauses are cut only at
    # a semicolon or a dash: a transcript's commas fall anywhere
    ahead = masked[:max(0, masked.find("[NUM]"))]
    said = [m.end() for m in READERS_WORDS.finditer(ahead)]
    if said and not re.search(r"[;—–]|\s-\s", ahead[said[-1]:]) and not OUR_SIDE.search(ahead[said[-1]:]):
        return True
    if c.kind not in ("count", "currency"):
        return False
    if _SECOND_PERSON.search(clause):
        # whose it is, by the learned reading (:mod:`knowledge.figures.whose`; off: the listener's)
        if whose.MODE == "main":
            return True
        return not whose.read_as_ours(clause, whose.span(masked), c.sentence or masked, c.line, ours)
    return any(re.search(rf"\b{re.escape(n)}(?:'s|’s)\b", clause) for n in external_first_names if n)


# What a rep says that is not the product's outcome: a question, a hypothetical, the call's own
# logistics, the terms of a deal.
_HYPOTHETICAL = re.compile(r"\b(?:if|say|suppose|supposing|assuming|imagine|for example|for instance)\b", re.I)
_LOGISTICS = re.compile(
    r"\b(?:next|this|following|coming) (?:week|month|quarter|monday|tuesday|wednesday|thursday|friday)\b"
    r"|\b(?:meetings?|demos?|workshops?|calendar|invites?|follow[- ]ups?|check[- ]ins?|agenda|time slots?)\b"
    r"|\b(?:trials?|pilots?|discounts?|proposals?|payment terms|contract (?:terms|length))\b"
    r"|(?:\b(?:year|month)s?|\[NUM\])[- ](?:long )?(?:contracts?|terms?|commitments?|agreements?)\b", re.I)


def not_an_outcome(c: Claim) -> bool:
    """Whether a figure a rep says is something other than what the product achieves: a question
    ("how many invoices a month?"), a hypothetical ("if you process 5,000 invoices"), the call's
    logistics ("thirty minutes next week") or a deal's terms ("a 30-day pilot", "a 10% discount").
    Such figures are neither supported nor misstated."""
    sentence = (c.sentence or c.masked).strip()
    if sentence.endswith("?"):
        return True
    clause = _clause(c.masked)
    ahead = clause[:max(0, clause.find("[NUM]"))]
    if c.kind == "duration" and _CALL_TIME.search(clause):
        return True  # "we've blocked an hour, but I think we can finish in 40 minutes": this call's own time
    return bool(_HYPOTHETICAL.search(ahead) or _LOGISTICS.search(clause))


# The time of the call itself, said by the people on it
_CALL_TIME = re.compile(
    r"\bwe(?:'ve|’ve| have)?\s+(?:got|blocked|booked|scheduled|reserved)\s+(?:about\s+|only\s+|roughly\s+|just\s+)?\[NUM\]"
    r"|\bwe\s+(?:can|could|should|'ll|’ll|will)\s+(?:finish|wrap(?:\s+things)?\s+up|be\s+done)\s+(?:in|within)\s+"
    r"(?:about\s+)?\[NUM\]", re.I)


@functools.lru_cache(maxsize=1)
def _timed_item_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from knowledge.text import lexicon

    items = "|".join(sorted(map(re.escape, lexicon("timed_items")), key=len, reverse=True))
    # "Watch the [NUM] recap", "a [NUM] intro call": the duration qualifies the item, up to two
    # words before its noun
    qualifies = re.compile(rf"\[NUM\](?:[- ]long)?\s+(?:(?!(?:{_LINKS})\b)[\w'’-]+\s+){{0,2}}?(?:{items})s?\b", re.I)
    # "the recording ([NUM])"
    labels = re.compile(rf"\b(?:{items})s?\s*[(\[]\s*\[NUM\]\s*[)\]]", re.I)
    return qualifies, labels


# A duration written as a modifier ("45-minute", "two-hour", "90 min"): a number and a singular unit
_MODIFIER = re.compile(r"[\w.,]+[- ]?(?:second|sec|minute|min|hour|hr|day|week)(?:[- ]long)?", re.I)
# Words that a modifier and its noun never have between them ("saves [NUM] on confirmation calls")
_LINKS = "on|in|of|for|per|a|an|the|to|with|at|by|from|and|or|than|as|each|every"



def length_of_item(c: Claim) -> bool:
    """Whether a duration gives the length of a media item, an event or a meeting ("Watch the
    45-minute recap", "a 5-minute read", "the recording (45 min)"): logistics, which no measure of
    the product is compared with (the nouns: ``knowledge/text/lexicon/timed_items.yaml``)."""
    if c.kind != "duration" or not c.masked:
        return False
    qualifies, labels = _timed_item_patterns()
    if labels.search(c.masked):
        return True
    span = " ".join(str(claim_attr(c, "span") or c.text).split())
    return bool(_MODIFIER.fullmatch(span) and qualifies.search(c.masked))


_WINDOW = re.compile(r"\b(?:over|across|during|throughout)\s+(?:the\s+(?:first|past|last|next)\s+)?\[NUM\]", re.I)
_APART = re.compile(r"\[NUM\]\s+apart\b", re.I)


def spacing(c: Claim) -> bool:
    """Whether a duration is the spacing between two events ("two waves, a fortnight apart",
    "sessions three weeks apart"): the gap between steps, not how long anything takes, so no
    measure of a duration is compared with it."""
    return c.kind == "duration" and bool(c.masked) and bool(_APART.search(c.masked))


def window_of_another(c: Claim, sentence: Sequence[Claim]) -> bool:
    """Whether a duration is the window another figure of its sentence holds over ("4.8 times
    return over three years", "saved $2M across the first two years"), not a measure of its own:
    it comes after that figure, "over"/"across"/"during" introduces it, and claim extraction reads
    it as stating no outcome. Held against a time metric, it would read as "more than three years"."""
    if c.kind != "duration" or c.is_claim or not c.masked:
        return False
    m = _WINDOW.search(c.masked)
    if m is None:
        return False
    ahead = c.masked[:m.start()]
    for o in sentence:
        if o is c or not o.is_claim or o.sentence != c.sentence:
            continue
        span = str(claim_attr(o, "span") or "").strip()
        if span and span in ahead:
            return True
    return False


# A paragraph that sets up a worked example: "Take a 120-person company running payroll twice a
# month.", "Consider a carrier with 60 handlers ...", "Worked example: ...". Its figures are the
# inputs of the arithmetic and what follows from them
_WORKED_EXAMPLE = re.compile(
    # a short lead-in may come first: "To put that in context, consider a regional insurer with ..."
    r"^\W*(?:[^\W\d][^,.;:!?\d]{0,40},\s*)?(?:(?:take|consider|imagine|picture|suppose|say)\s+(?:a|an|one)\s(?!\s*(?:look|moment|minute|second|break|step)\b)"
    r"|(?:a\s+)?worked\s+example\b"
    r"|for\s+example\s*[:,]\s*(?:take|say|assume|suppose)\b|assume\s)", re.I)


# A draft's worked example must give its subject a size at the opening ("consider a clinic with 3
# vets", "take a 120-person company"): "consider a typical clinic: no-shows fell 40%" or "take a real
# one: Harbourview cut no-shows by 40%" opens like one and reports an outcome
_SIZED_WORKED_EXAMPLE = re.compile(
    r"^\W*(?:[^\W\d][^,.;:!?\d]{0,40},\s*)?(?:(?:take|consider|imagine|picture|suppose|say)\s+(?:a|an|one)\s"
    r"(?!\s*(?:look|moment|minute|second|break|step)\b)(?:[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d|" + SIZE_GIVEN + ")"
    r"|(?:a\s+)?worked\s+example\b"
    r"|for\s+example\s*[:,]\s*(?:take|say|assume|suppose)\b|assume\s)", re.I)


def draft_worked_example(block: Block | None, sentence: str) -> bool:
    """Whether a draft's figure in ``sentence`` is worked arithmetic: its paragraph opens a worked
    example with a sized subject (``_SIZED_WORKED_EXAMPLE``) and the sentence reports no change done
    of its own ("Clinics on Acme cut no-shows by 40% last year", after the set-up, is an outcome)."""
    return (block is not None and block.kind == "paragraph" and bool(_SIZED_WORKED_EXAMPLE.match(block.text))
            and not PAST_CHANGE.search(sentence or ""))


def worked_example(block: Block | None) -> bool:
    """Whether a paragraph is a worked example (see ``_WORKED_EXAMPLE``). Its figures may back what
    states the same value (an input is still the price: "At CA$85 a seat ..."), but they neither
    contradict anything nor are contradicted: "at 25 minutes it is 10 hours" is arithmetic, not a
    statement of the 6 hours payroll took before."""
    return block is not None and block.kind == "paragraph" and bool(_WORKED_EXAMPLE.match(block.text))


def measures_nothing(claims: Sequence[Claim]) -> set[int]:
    """Positions in ``claims`` (the figures of a text, in order) of those that state no measure to
    compare: the length of a webinar or a meeting (:func:`length_of_item`), the spacing of two events
    (:func:`spacing`), the window of another figure (:func:`window_of_another`)."""
    by_sentence: dict[str, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    return {i for i, c in enumerate(claims)
            if length_of_item(c) or spacing(c) or window_of_another(c, by_sentence.get(c.sentence, []))}


def _entry_contexts(entry: Entry) -> list[tuple[Claim, str, str, int]]:
    """For each claim of an entry: the claim, the text embedded for it, what precedes its sentence
    in its paragraph, and the line where its passage starts (its paragraph, its whole list; in a
    table, its row)."""
    lines = entry.body.split("\n") if any(claim_attr(c, "block") == "table" for c in entry.claims) else []
    blocks = Blocks(entry.blocks)
    out: list[tuple[Claim, str, str, int]] = []
    for c in entry.claims:
        if not c.masked:
            continue
        table = claim_attr(c, "block") == "table"
        row = None
        if lines and table and 0 <= c.line - entry.body_line < len(lines):
            row = _row_context(c, lines[c.line - entry.body_line])
        block = blocks.at(c.line)
        preceding = _preceding(block.text if block else "", c.sentence)
        passage = blocks.passage_at(c.line) if block is not None and not table else None
        context = _claim_context(c, row, preceding)
        lead = blocks.lead_in(c.line) if block is not None and not table else ""
        preceding = preceding or blocks.referred(c.line, c.sentence)
        out.append((c, context, f"{lead} {preceding}".strip(), passage if passage is not None else c.line))
    return out


def claim_contexts(entry: Entry) -> list[str]:
    """The texts the audit embeds for an entry's claims, beyond ``Claim.masked``: what indexing
    can embed ahead of time so that an audit of an up-to-date index embeds nothing."""
    return [context for c, context, _, _ in _entry_contexts(entry) if context != c.masked]


# time won back, a period a few words on ("[NUM] back every week", "[NUM] of admin back each month",
# "[NUM] back for the front desk every week"): a rate, as "[NUM] a week" is; not time spent
# getting back to someone or going back and forth
_EVERY_PERIOD = re.compile(r"\[NUM\]\s+(?:[\w’'-]+\s+){0,2}?(?:back(?!\s+(?:to|and|from)\b)|saved|freed(?:\s+up)?)\s+(?:[\w’'-]+\s+){0,4}?"
                           r"(?:every|each|per)\s+(day|week|month|year)\b(?!['’])", re.I)
# a window across years ("claims closed between April 2025 and March 2026"): what a sentence measures
# over it belongs to no one year of it
_YEARS_WINDOW = re.compile(r"\b(?:between|from)\s+(?:[A-Za-z]+\s+)?(?:19|20)\d\d\s+(?:and|to|until|through)\s+"
                           r"(?:[A-Za-z]+\s+)?(?:19|20)\d\d\b")
# "It" as a pronoun, not a dummy subject ("It is common for firms to save ...")
_OPENS_WITH_PRONOUN = re.compile(r"\s*(?:They|Their|Them|It(?!\s+(?:is|was|takes|took)\b)|Its|She|Her|He|His)\b")


class Blocks:
    """The block holding a line, by binary search over blocks in file order: a claim's paragraph
    is found in log time, so a file of a million lines costs what its claims do, not their
    product with its blocks."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.line)
        self.starts = [b.line for b in self.blocks]
        # the items of one list, one after the other, are one passage: its first item's line
        self.passage: list[int] = []
        for i, b in enumerate(self.blocks):
            follows = i > 0 and b.kind == "list_item" and self.blocks[i - 1].kind == "list_item"
            self.passage.append(self.passage[-1] if follows else b.line)

    def passage_at(self, line: int) -> int | None:
        """The line where the passage (a paragraph, or a whole list) holding ``line`` starts."""
        i = bisect.bisect_right(self.starts, line) - 1
        if i >= 0 and line <= self.blocks[i].end_line:
            return self.passage[i]
        return None

    def lead_in(self, line: int) -> str:
        """For an item of a list, the paragraph that introduces the list with a colon ("Siobhán Keane
        of Harbourline Mutual walked us through what changed:"): the items continue its sentence."""
        i = bisect.bisect_right(self.starts, line) - 1
        if i < 0 or line > self.blocks[i].end_line or self.blocks[i].kind != "list_item":
            return ""
        first = bisect.bisect_left(self.starts, self.passage[i])
        if first < 1:
            return ""
        lead = self.blocks[first - 1]
        return lead.text if lead.kind == "paragraph" and lead.text.rstrip().endswith(":") else ""

    def referred(self, line: int, sentence: str) -> str:
        """For a sentence that opens a paragraph with a pronoun ("They also told us the change saves
        them ₹1.8 crore"), the paragraph before it, which names whom the pronoun means."""
        i = bisect.bisect_right(self.starts, line) - 1
        if i < 1 or line > self.blocks[i].end_line or not _OPENS_WITH_PRONOUN.match(sentence):
            return ""
        if not self.blocks[i].text.lstrip().startswith(sentence.strip()[:20]):
            return ""  # not the paragraph's first sentence: its own paragraph names them, if anything
        before = self.blocks[i - 1]
        if self.blocks[i].line - before.end_line > 2:
            return ""  # something between them (a thematic break, a comment) ends the subject
        return before.text if before.kind in ("paragraph", "list_item") else ""

    def at(self, line: int) -> Block | None:
        i = bisect.bisect_right(self.starts, line) - 1
        if i >= 0 and line <= self.blocks[i].end_line:
            return self.blocks[i]
        return None

