"""Claim extraction: every figure stated in prose, with its unit, qualifier, time scope and source.

How it works, in four passes over one string:

1. **A cleaned copy of the same length.** Markdown and transcript markup (front matter, code,
   links' targets, URLs, e-mails, HTML tags, emphasis, list bullets, headings, table pipes,
   speaker labels, time stamps) is overwritten with spaces, or with a break character where it
   ends a sentence (a bullet, a heading, ``<br>``). Because nothing changes length, an offset in
   the copy *is* an offset in the original, so line and column come straight from it; that is
   also why numbers in words are parsed here rather than rewritten with ``text2num.alpha2digit``
   (which changes lengths and would need an offset map back).
2. **Tokens.** Compiled regexes find number tokens: digits (``1,400``, ``3.40``, ``840K``,
   ``3x``), numbers in words (``seventy two``, ``twenty-five hundred``), fractions (``two thirds``,
   ``half``) and idioms (``a couple of``, ``a month and a half``, ``twice as``). Digits that belong
   to a date, a time, a quarter, a version or a phone number are skipped; bare years are kept
   aside as the time scope of nearby figures; a number after a label ("Step 1", "SOC 2") is not
   a figure. Each token then reads its unit from the text that follows (``%``, ``percent``,
   ``weeks``, ``dollars``, ``times faster``, a plural noun, a rate such as ``a month`` or
   ``/day``) and its currency and qualifier from what precedes it.
3. **Pairs.** Adjacent figures become ranges (``25-35%``, ``4 to 6 weeks``, ``between 3 and 6``)
   or before/after changes (``from 14 weeks to 6``, ``2 days, down from 11``), and a bare number
   inherits its partner's unit. A bare number that is neither is dropped: most of them are
   ordinals, labels or identifiers, not stated figures.
4. **Context.** For each figure: the sentence (markup removed), the sentence with this figure
   masked, a qualifier (``about``, ``at least``, ``median`` ...), the nearest year in the same
   clause or sentence, and a source named in the sentence (``(ZoomInfo, 2025)``, ``according to
   a 2019 survey by LeanData``, ``an independent Hackett Group study found``).

Not claims either: meetings being arranged ("thirty minutes next week"), examples under "if",
and "two years ago".

Everything is plain ``re`` with patterns compiled once, written so that ``re`` can skip ahead
(each pattern starts with a character or a class, never with ``\b`` or ``^``); text with no
digit and no number word returns at once. ``bench/bench_claims.py`` measures it.
"""

from __future__ import annotations

import bisect
import calendar
import re
import string
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from knowledge import units
from knowledge.model import Claim, Source, Value
from knowledge.text import lexicon
from knowledge.text.markup import _SPACE_PUNCT, _WS, _clean
from knowledge.text.sentences import sentence_starts

from .numbers import (
    _ALPHA,
    _FIGURE_WORDS,
    _FOLD,
    _FRAC_DEN,
    _NUM_TOKEN,
    _PERIOD_WORDS,
    _RANK,
    _SMALL,
    _WORD_START,
    _WORD_TOKEN,
    _split_words,
    digits_value,
)
from .protect import (
    _MONTH_NUM,
    _PROTECT,
    _PROTECT_LEAD,
    _YEAR,
)
from .sources import (
    _ANALYSTS,
    _DETERMINERS,
    _FOOTNOTE_EVIDENCE,
    _KIND_WORD,
    _ORG_SUFFIX,
    _REPORT_VERB_WORD,
    _SOURCE_DATE,
    _SRC_ACCORDING,
    _SRC_FOUND,
    _SRC_KIND_BY,
    _SRC_LEAD,
    _SRC_ORG_KIND,
    _SRC_ORG_VERB,
    _SRC_PAREN,
    _SRC_RAN,
    _SRC_STUDIED,
    _SRC_TITLE,
    _SRC_VERB_AFTER,
    _TRAILING_DATE,
    MORE_SOURCES,
    SOURCE_LIST_SEP,
    found_by,
    listed_sources,
    names_someone,
    rating_site,
)

# --------------------------------------------------------------------------------------------
# Units, qualifiers and context around a token
# --------------------------------------------------------------------------------------------

_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # one or more blanks, at most one line break
_SP0 = r"[ \t]*(?:\n[ \t]*)?"

_CUR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|NGN|NZD|SGD|HKD|BRL|KRW|ILS|VND|UAH|THB|KES|GHS|MXN"
    r"|SEK|NOK|DKK|PLN|AED|SAR|CNY|RMB|IDR|MYR)[ \t]?"
    r"|(?P<sym>US\$|CA\$|C\$|A\$|AU\$|R\$|\$|€|£|¥|₹|₦|₱|₩|₪|₺|₫|₴|฿|(?<![\w$])R)[ \t]?)$"
)
# the rand ("R 2,4 million", "R350"): a capital R before digits is also a name ("R2", "R 3",
# "Oracle R12"), so it is money only where the amount is written as one (a scale, a separator or
# decimals, thousands spaced apart, or three digits or more)
# (other dollars, "NZ$38", are read as "$38": "$" is any dollar, and the dollars compare as one)
_CUR_CODE = {"US$": "$", "CA$": "C$", "AU$": "A$", "R": "ZAR", "R$": "BRL"}
# codes that are also acronyms ("40 AED units", "14 SAR missions", "12 ILS approaches", "Version PLN
# 2"): never after a number, and before one only where the amount is written as one (a scale, a
# thousands separator or decimals)
_CLASHING_CODES = frozenset({"AED", "SAR", "ILS", "PLN"})
_SCALE_SUFFIX = frozenset({"k", "K", "m", "M", "MM", "mm", "mn", "b", "B", "bn", "BN", "Bn"})
_SPACED_THOUSANDS = re.compile(r"[ \u00a0\u202f]\d{3}(?!\d)")
# Indian English counts in lakhs (100,000) and crores (10 million): "₹3.5 crore", "1.2 lakh deliveries"
# and in the abbreviations of other Europes: "NOK 16,8 mill.", "EUR 2,5 Mio.", "1,2 mln", "3 Mrd."
_SCALE_AFTER = re.compile(
    rf"{_SP}(?P<s>(?i:thousand|million|billion|trillion|lakhs?|crores?))\b|[ \t]?(?P<s2>bn|mn|MM)\b"
    # not after a dot and three digits: who writes "Mio." writes "2.300 Mio." for 2,300 million
    rf"|(?<!\.\d\d\d){_SP}(?P<s3>mill\.|Mio\b\.?|mio\.|mln\b\.?|[Mm]rd\b\.?)"
)
_EURO_SCALE = {"mill": "million", "mio": "million", "mln": "million", "mrd": "billion"}
_SCALE_OF = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "mm": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
             "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_PLUS = re.compile(r"\+(?![\d])")
_AND_HALF = re.compile(rf"{_SP}and{_SP}a{_SP}half\b")
_UNIT = re.compile(
    rf"""
      (?P<pct>[ \t]?%|{_SP0}(?i:per[ \t]?cent|percent)\b|{_SP0}(?i:pct)\b\.?)
    | (?P<pp>{_SP}(?i:percentage{_SP}points?|pp|ppts?)\b)
    | (?P<mult>[ \t]?×|{_SP0}-?[ \t]*(?i:fold)\b|{_SP}(?i:times)\b|[ \t]+[xX]\b(?![ \t]*\d))
    | (?P<curw>{_SP}(?P<cw>(?i:(?:us[ \t]+)?dollars?|bucks|euros?|pounds(?:[ \t]+sterling)?|quid|cents|pence|naira)\b|(?:USD|EUR|GBP|CAD|AUD|CHF|JPY|INR|NGN|NZD|SGD|HKD|BRL|KRW|VND|UAH|THB|KES|GHS|MXN|SEK|NOK|DKK|PLN|CNY|RMB|IDR|MYR)\b))
    | (?P<dur>(?:{_SP}|[ \t]*-[ \t]*)(?P<dq>(?i:business|working|calendar|full|straight|consecutive|solid|whole|man|person)[ \t-]+)?
        (?P<du>(?i:milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|wks?|months?|mos|quarters?|years?|yrs?))\b)
    """,
    re.X,
)
_TIMES_MULT = re.compile(
    rf"{_SP}(?i:(?!per\b|after\b|under\b|other\b|ever\b|over\b)[a-z]+er\b|more\b|less\b|fewer\b|as\b|the\b"
    r"|increase|improvement|growth|roi\b|return|likel|over\b"
    # "6.5 times what they pay", "two and a half times back", "three times their investment"
    r"|back\b|what\b|(?:their|your|its|our|the)[ \t]+(?:money|investment|cost|spend|price|subscription|fee)s?\b)"
)
_COMPARATIVE = re.compile(
    rf"{_SP}(?i:(?!per\b|after\b|under\b|other\b|ever\b|over\b)[a-z]+er|more|less|fewer|increase|decrease"
    r"|reduction|improvement|growth|drop|off|lift|gain|uplift|roi|as[ \t]+(?!well\b)[a-z]+)\b"
)
_NOUN_RUN = re.compile(
    rf"{_SP}([A-Za-z][A-Za-z'’&-]*(?:[ \t]+[A-Za-z][A-Za-z'’&-]*){{0,3}})"
)
# The words that may follow a period adverb in a sentence that goes on ("six hours weekly on
# grading", "$3 million annually across the fleet", "annually because of", a call's "weekly um on
# rental", "weekly automatically"): the function words that end a unit's noun run, a few more
# prepositions and adverbs, any word in -ly, and speech fillers; a lower-case word of any other kind
# makes the adverb an adjective ("its $2 million quarterly target").
_FILLERS = {"um", "uh", "er", "erm", "like", "yeah", "right", "actually", "basically"}
_GOES_ON = {"because", "against", "within", "around", "combined", "overall", "mostly", "worldwide", "including",
            "using", "thanks", "compared"}
_AFTER_ADVERB = "(?:" + "|".join(re.escape(w) for w in sorted({*lexicon("stop_words"), *_FILLERS, *_GOES_ON},
                                                              key=len, reverse=True)) + ")"
_RATE = re.compile(
    rf"(?:[ \t]*/[ \t]*|{_SP}(?:per|a|an|each|every){_SP})"
    r"(?:(?P<rn>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)[ \t]+)?"
    r"(?P<rp>(?i:seconds?|secs?|minutes?|mins?|hours?|hrs?|hr|days?|weeks?|wks?|wk|months?|mos?|quarters?|years?|yrs?|yr|annum))\b"
    # ``ra``: a period said as an adverb, in lower case, after spaces on the figure's line ("$3 million
    # annually", "**$5 million** annually", "six hours weekly"); not on the next line or after a
    # capital ("$3 million\nAnnually, it installs ..."), not in the next cell of a table row (a
    # table's bars are read as tabs: "| $2 million | monthly |"), and not as an adjective before a
    # noun ("its $2 million quarterly target", "$12 million quarterly revenue")
    rf"| +(?P<ra>hourly|daily|weekly|monthly|quarterly|annually|yearly)\b(?! +(?!{_AFTER_ADVERB}\b|[a-z]+ly\b)[a-z])"
)
_PRICE_PER = re.compile(rf"{_SP}(?:a|an|each){_SP}(?P<pn>[a-z][a-z-]*)\b(?![ \t]+(?:of|to|for)\b)")
_PER_NOUN = re.compile(rf"(?:[ \t]*/[ \t]*|{_SP}per{_SP})(?P<pn>[A-Za-z][A-Za-z-]*)\b")
_QUAL_AFTER = re.compile(
    rf"{_SP0}\(?(?P<q>(?i:or[ \t]+more|or[ \t]+higher|or[ \t]+greater|or[ \t]+longer|and[ \t]+up|or[ \t]+less|or[ \t]+fewer|or[ \t]+lower|or[ \t]+shorter|at[ \t]+most|at[ \t]+least|plus)\b)\)?"
)
_QUALS = (
    r"about|approximately|approx\.?|around|roughly|nearly|almost|circa|ca\.|some|close[ \t]+to|an?[ \t]+estimated|estimated|"
    r"up[ \t]+to|as[ \t]+(?:much|many|high|long|little|few)[ \t]+as|"
    r"less[ \t]+than|fewer[ \t]+than|under|below|at[ \t]+most|no[ \t]+more[ \t]+than|not[ \t]+more[ \t]+than|a[ \t]+little[ \t]+under|just[ \t]+under|within|"
    r"at[ \t]+least|atleast|more[ \t]+than|over|above|in[ \t]+excess[ \t]+of|upwards[ \t]+of|north[ \t]+of|greater[ \t]+than|well[ \t]+over|well[ \t]+above|a[ \t]+little[ \t]+over|just[ \t]+over|better[ \t]+than|exceeding|"
    r"median(?:[ \t]+of)?|average(?:[ \t]+of)?|mean[ \t]+of|typically"
)
_QUAL_BEFORE = re.compile(
    rf"(?i)(?<![\w])(?P<q>{_QUALS}|~|≈|±|\+/-|≤|≥|<|>)[ \t\n]*(?:an?[ \t\n]+)?$"
)
# A verb of movement before "up to": "went up to 19%" says where a figure got to
_RISE_TO = re.compile(r"(?i)\b(?:go(?:es|ing)?|gone|went|ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?"
                      r"|shoot(?:s|ing)?|shot|grow(?:s|n|ing)?|grew|creep(?:s|ing)?|crept|edg(?:e|es|ed|ing))[ \t\n]+$")
_QUAL_MAP = {
    "about": "about", "approximately": "about", "approx": "about", "approx.": "about",
    "around": "about", "roughly": "about", "nearly": "about", "almost": "about", "circa": "about",
    "ca.": "about", "some": "about", "close to": "about", "an estimated": "about",
    "a estimated": "about", "estimated": "about", "~": "about", "≈": "about", "±": "about",
    "+/-": "about", "up to": "up to", "less than": "at most", "fewer than": "at most",
    "under": "at most", "below": "at most", "at most": "at most", "no more than": "at most",
    "not more than": "at most", "a little under": "at most", "just under": "at most",
    "within": "at most", "≤": "at most", "<": "at most", "at least": "at least",
    "atleast": "at least", "more than": "at least", "over": "at least", "above": "at least",
    "in excess of": "at least", "upwards of": "at least", "north of": "at least",
    "greater than": "at least", "well over": "at least", "well above": "at least",
    "a little over": "at least", "just over": "at least", "better than": "at least",
    "exceeding": "at least", "≥": "at least", ">": "at least", "+": "at least",
    "or more": "at least", "or higher": "at least", "or greater": "at least",
    "or longer": "at least", "and up": "at least", "plus": "at least", "or less": "at most",
    "or fewer": "at most", "or lower": "at most", "or shorter": "at most", "median": "median",
    "median of": "median", "average": "average", "average of": "average", "mean of": "average",
    "typically": "typical",
}
# searched in " " + text.lower(), so a match starts at the offset of its word in the text
_STAT = re.compile(r"[^a-z0-9](median|on[ \t\n]+average|averages?|averaged|typical|typically)\b")
_STAT_MAP = {"median": "median", "typical": "typical", "typically": "typical"}
_FROM_BEFORE = re.compile(
    rf"(?i)\bfrom{_SP}(?:(?:{_QUALS}){_SP})?(?:an?{_SP})?$"
)
_BETWEEN_BEFORE = re.compile(rf"(?i)\bbetween{_SP}(?:(?:{_QUALS}){_SP})?$")
_RANGE_VERB_BEFORE = re.compile(r"(?i)\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere|spans?|spanning)\s*$")
_CHANGE_VERB = re.compile(
    r"(?i)\b(?:cut|cuts|cutting|reduc\w*|decreas\w*|drop\w*|fell|falls?|falling|shr[aiu]nk\w*|lower(?:s|ed|ing)"
    r"|slash\w*|shorten\w*|increas\w*|grew|grow\w*|rose|rises?|rising|improv\w*|boost\w*|rais\w*"
    r"|doubl\w*|tripl\w*|halv\w*|went|goes|moved|jump\w*|climb\w*|sped|speed(?:s|ed)?\s+up|accelerat\w*"
    r"|expand\w*|brought|bring\w*|took|takes|down)\b"
)
_TIGHT = re.compile(rf"^{_SP0}(?:[-–—]|{_SP}?(?:to|through|thru){_SP})\s*$|^{_SP}(?P<or>or){_SP}$")
_AND_MID = re.compile(rf"^{_SP}and{_SP}$")
_FRACTION_MID = re.compile(rf"^{_SP}(?:in|out{_SP}of){_SP}$")
_CONTRAST_MID = re.compile(
    rf"(?i)^{_SP0},?{_SP0}(?:not|rather{_SP}than|instead{_SP}of|vs\.?|versus|compared{_SP}(?:to|with)|against){_SP}(?:(?:{_QUALS}){_SP})?(?:an?{_SP})?$"
)
_FROM_MID = re.compile(
    rf"(?i)(?:^{_SP0},?{_SP0}|\b(?:up|down|rising|falling|dropping|climbing|increasing|decreasing|improving|improved|reduced|cut|lower|higher|faster|slower|less|more){_SP})from{_SP}(?:(?:{_QUALS}){_SP})?(?:an?{_SP})?$"
)
_UP_DOWN_FROM = re.compile(rf"(?i)\b(?:up|down){_SP}from\b")
_TO_MID = re.compile(rf"(?i)\bto{_SP}(?:(?:{_QUALS}){_SP})?(?:(?:an?|just|only){_SP})?$")
_NEWLINE = re.compile("\n")
_AGO = re.compile(rf"{_SP}ago\b")
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:if|suppose|supposing|imagine|assuming|hypothetically|let's[ \t]+say|say[ \t]+you)\b"
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_TWICE_AFTER = re.compile(rf"{_SP}(?i:as|the|that|what|their|its|our|your|his|her|more|faster|over)\b")
_NEGATION_BEFORE = re.compile(r"(?i)\b(?:not|never|don't|doesn't|didn't|won't|can't|no)[ \t]+(?:\w+[ \t]+)?$")
# a bound before "a week", "a single quarter": only then is one period a figure ("done within a week")
_BOUND_BEFORE = re.compile(r"(?i)\b(?:within|under|inside|(?:less|fewer)[ \t]+than|in[ \t]+(?:just|only))[ \t]+$")
_BOUNDED_PERIOD = re.compile(r"(?i)\b(?:within|under|inside|than|just|only)[ \t]+a(?:[ \t]+single)?[ \t]+"
                             r"(?:day|week|month|quarter|year)\b")
_COPULA_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|'s|’s)[ \t]+$")
_FREQUENCY_AFTER = re.compile(rf"{_SP}(?:a|an|per|every|each)\b")
_RANK_BEFORE = re.compile(r"(?i)\b(?:ranked|rated|named|voted|is|was|the|as)[ \t]+$")
_RANK_AFTER = re.compile(r"[ \t]+(?:in|for|on|among|at|by)\b")
_FRACTION_NOT_BEFORE = re.compile(
    r"(?i)\b(first|second|last|back|front|other|latter|former|top|bottom|in|by|and|the|this|that)[ \t]+$"
)
_FRACTION_NOT_AFTER = re.compile(
    r"(?i)[ \t]+(?:part(?:y|ies)|day|hour|time|way|life|hearted|the[ \t]+(?:time|battle|story|fun|problem))\b"
)
# When something recurs, not how long a result takes: "48 hours before every appointment",
# "two days after each visit"
_SCHEDULE_AFTER = re.compile(r"[ \t]+(?i:before|after|ahead[ \t]+of|prior[ \t]+to)[ \t]+(?i:each|every)\b")
_FRACTION_OF_PERIOD = re.compile(r"[ \t]+of[ \t]+an?[ \t]+(?P<u>(?i:hour|day|week|month|year))\b")
_FRACTION_OF = re.compile(
    r"(?i)[ \t]+of[ \t]+(?!it\b|that\b|this\b|what\b|which\b|the[ \t]+(?:year|month|week|day|time)\b)"
)
_FRACTION_COMPARED = re.compile(
    r"(?i)[ \t]+(?:less|more|fewer|lower|higher|cheaper|faster|smaller|larger|the|our|their|all|its)\b"
)
_NOUN_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_TO_WORD = re.compile(r"(?i)\b(?:to|through|thru)\b")
_CAPITAL = re.compile(r"[A-Z]")
_TEXT_CUT = re.compile(r"[,;:|\x00()][^,;:|\x00()]*$")
_HAS_DIGIT = re.compile(r"\d")
_COMPOUND = re.compile(r"-[^\W\d]")  # "900-bed", "2-classroom"
_CLAUSE = re.compile(r"[;|]|\s[—–]\s")
# Words that set one figure against another: a source named after the second is not the first's
_CONTRAST = re.compile(r"\b(?:against|compared(?:[ \t]+(?:with|to))?|versus|vs\b|while|whereas|but|than|unlike"
                       r"|ahead[ \t]+of|behind)\b", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\x00]*\n")
# How far back a source named before a figure is looked for, in characters of its paragraph.
_CARRY_BACK = 800
# Longer than this, a "sentence" is a paragraph without stops: figures read a window of it instead.
_MAX_SENTENCE = 1200

_PREV_WORD = re.compile(r"([A-Za-z][\w&'’.-]*)[ \t]+$")
_WORDS_BEFORE = re.compile(r"(?<![\w$€£%'’.,+-])(?:[\w$€£%'’.,+-]+[ \t\n]+){1,3}$")
_READING_TIME = re.compile(rf"{_SP}(?i:read|video|watch|listen)\b")
_SCHEDULING = re.compile(
    r"(?i)\b(?:next[ \t]+(?:week|month|monday|tuesday|wednesday|thursday|friday)|tomorrow|this[ \t]+(?:week|afternoon|morning)"
    r"|later[ \t]+today|monday|tuesday|wednesday|thursday|friday|calendar|invite|slot|meeting|call|chat|demo|walk[ \t]+(?:\w+[ \t]+)?through"
    r"|catch[ \t]+up|sync|with[ \t]+you|grab|book|schedule)\b"
)

# Words after which a number is a label, not a figure ("Step 1", "line four", "SOC 2").
_LABELS = lexicon("labels")
_STOP = lexicon("stop_words")
_NOT_PLURAL = lexicon("not_plural")
_YEAR_PREPS = frozenset("in by since until till during before after circa early late mid fy".split())
_NOT_LABEL = frozenset("only nearly almost just over some another roughly approximately".split())
_YEARISH = lexicon("yearish")

@dataclass
class _Fig:
    start: int  # span start in the text (a currency sign included)
    num_end: int  # end of the number (with its scale and "+")
    end: int  # end of the span (with unit words and rate)
    num: Value  # the number as read, scale applied
    kind: str  # a units kind, or "none" for a bare number
    unit: str = ""  # unit as written: "%", "weeks", "$", a noun ...
    scale: float = 1.0
    scale_txt: str = ""
    qual: str | None = None
    qual_word: str | None = None
    per: str | None = None
    role: str | None = None
    weak: bool = False  # only a figure when paired with another
    pair: str | None = None  # "range" | "change" | "contrast" | "fraction"
    text_end: int = 0
    explicit: bool = True  # the unit is the figure's own, not inherited
    partner: _Fig | None = None
    verb_change: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------


class _Extractor:
    def __init__(self, text: str, first_line: int, first_column: int) -> None:
        self.text = text
        self.clean = _clean(text, whole_file=first_line == 1 and first_column == 1)
        self.first_line = first_line
        self.first_column = first_column
        self.protected: list[tuple[int, int]] = []
        self.years: list[tuple[int, int]] = []  # (offset, year)
        self._line_starts: list[int] | None = None
        self._bounds: list[int] | None = None
        self._sources: dict[int, list[tuple[int, Source]]] = {}
        self._stats: list[tuple[int, str]] | None = None
        self._sentence_text: dict[int, str] = {}
        self._low: str | None = None
        self._year_pos: list[int] | None = None
        self._clauses: tuple[list[int], list[int]] | None = None
        self._carried: dict[int, Source | None] = {}
        self._all_sources: tuple[list[int], list[Source]] | None = None
        self._kept: list[_Fig] = []  # the figures kept as claims, in order (set by claims())
        self.lead_source: Source | None = None  # named in the text read before this one

    def lower(self) -> str:
        """" " + the cleaned text with ASCII letters in lower case: offsets shift by exactly one
        (``str.lower`` may lengthen some characters, ``translate`` never does)."""
        if self._low is None:
            self._low = " " + self.clean.translate(_ASCII_LOWER)
        return self._low

    # ---- positions ---------------------------------------------------------------------
    def pos(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        li = bisect.bisect_right(self._line_starts, offset) - 1
        col = offset - self._line_starts[li] + 1
        if li == 0:
            col += self.first_column - 1
        return self.first_line + li, col

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        if self._bounds is None:
            self._bounds = sentence_starts(self.clean)
        i = bisect.bisect_right(self._bounds, offset) - 1
        i = max(0, min(i, len(self._bounds) - 2))
        s, e = self._bounds[i], self._bounds[i + 1]
        if e - s > _MAX_SENTENCE:
            return self._window(offset, s, e)
        return s, e

    def _window(self, offset: int, s: int, e: int) -> tuple[int, int]:
        """The part of an over-long "sentence" (a paragraph with no stops, a pasted log) that is
        read as the figure's sentence: its line when that is short enough, else a stretch of words
        around it. Every look-up is bounded, so extraction stays linear in the text."""
        clean = self.clean
        half = _MAX_SENTENCE // 2
        ls = clean.rfind("\n", max(s, offset - half), offset) + 1 or s
        le = clean.find("\n", offset, min(e, offset + half))
        if ls > s and le >= 0:
            return ls, le
        a = ls if ls > s else max(s, offset - half)
        b = le if le >= 0 else min(e, offset + half)
        if a > s and a < offset:
            sp = clean.find(" ", a, offset)
            a = sp + 1 if sp >= 0 else a
        if b < e:
            sp = clean.rfind(" ", offset, b)
            b = sp if sp > offset else b
        return a, b

    def _starts_sentence(self, pos: int) -> bool:
        """Whether the word at ``pos`` opens a sentence, a clause after a colon, or a cell."""
        before = self.clean[max(0, pos - 40):pos].rstrip(" \t\n")
        return not before or before[-1] in ".!?:;|\x00\"'“‘(-–—"

    def clause_bounds(self, offset: int, s: int, e: int) -> tuple[int, int]:
        """The clause of ``offset`` inside the sentence ``s``..``e``: two bisections into the
        clause marks of the whole text, found once."""
        if self._clauses is None:
            marks = [m.span() for m in _CLAUSE.finditer(self.clean)]
            self._clauses = ([a for a, _ in marks], [b for _, b in marks])
        starts, ends = self._clauses
        cs, ce = s, e
        i = bisect.bisect_right(ends, offset) - 1  # the last mark ending at or before offset
        if i >= 0 and ends[i] > s:
            cs = ends[i]
        j = bisect.bisect_left(starts, offset)  # the first mark starting at or after offset
        if j < len(starts) and starts[j] < e:
            ce = starts[j]
        return cs, ce

    # ---- pass 1 + 2: tokens --------------------------------------------------------------
    def _protected(self, s: int, e: int) -> bool:
        """Whether the digits at ``s`` belong to a date, a time, a phone or a version number.

        Every such pattern holds a digit, so it is only looked for around digits: at them, or,
        when what precedes could lead one in ("September 30, ", "Q3 ", "(", "+1 "), around them."""
        for ps, pe in self.protected[-2:]:
            if ps <= s < pe:
                return True
        clean = self.clean
        m: re.Match[str] | None = _PROTECT.match(clean, s)
        if m is None:
            lead = _PROTECT_LEAD.search(clean, max(0, s - 14), s)
            if lead is None:
                return False
            for m2 in _PROTECT.finditer(clean, max(0, lead.start() - 14), min(len(clean), e + 16)):
                if m2.start() <= s < m2.end():
                    m = m2
                    break
            if m is None:
                return False
        self.protected.append((m.start(), m.end()))
        if m.lastgroup == "date":
            for y in _YEAR.finditer(m.group(0)):
                self.years.append((m.start() + y.start(), int(y.group(0))))
        return True

    def scan(self) -> list[_Fig]:
        clean = self.clean
        tokens: list[re.Match[str]] = list(_NUM_TOKEN.finditer(clean))
        if "#" in clean:
            tokens.extend(_RANK.finditer(clean))
        word_end = 0
        for wm in _WORD_START.finditer(self.lower()):
            ws = wm.start()
            if ws >= word_end:
                tm = _WORD_TOKEN.match(clean, ws)
                if tm:
                    tokens.append(tm)
                    word_end = tm.end()
        tokens.sort(key=lambda m: m.start())
        figs: list[_Fig] = []
        consumed = 0
        for m in tokens:
            s = m.start()
            if s < consumed:
                continue
            kind = {"suf": "num", "rank_n": "rank"}.get(m.lastgroup or "", m.lastgroup)
            if kind in ("num", "rank") and self._protected(s, m.end()):
                continue
            made: list[_Fig] = []
            if kind == "num":
                f = self._digits(m)
                if f:
                    made.append(f)
            elif kind == "words":
                made.extend(self._words(m))
            elif kind is not None:
                f = self._idiom(m, kind)
                if f:
                    made.append(f)
            for f in made:
                figs.append(f)
                consumed = max(consumed, f.end)
        return figs

    def _digits(self, m: re.Match[str]) -> _Fig | None:
        clean = self.clean
        raw = m.group("num")
        s = m.start("num")
        try:
            num = digits_value(raw)
        except ValueError:
            return None
        suf = m.group("suf")
        cur = _CUR_BEFORE.search(clean, max(0, s - 5), s)
        if cur and cur.group("sym") == "R" and not (
            "," in raw or "." in raw or sum(c.isdigit() for c in raw) >= 3 or suf in _SCALE_SUFFIX
            or _SCALE_AFTER.match(clean, m.end()) or _SPACED_THOUSANDS.match(clean, m.end())
        ):
            return None  # a name ("R2", "Oracle R12")
        if cur and cur.group("code") in _CLASHING_CODES and not (
            "," in raw or "." in raw or suf in _SCALE_SUFFIX or _SCALE_AFTER.match(clean, m.end())
        ):
            cur = None  # "Version PLN 2"
        if cur and _SPACED_THOUSANDS.match(clean, m.end()):
            return None  # "R50 000", "€1 250": thousands spaced apart are not read (never as R50)
        start = cur.start() if cur else s
        f = _Fig(start=start, num_end=m.end(), end=m.end(), num=num, kind="none")
        if cur:
            f.kind = "currency"
            code = cur.group("code")
            f.unit = code if code else _CUR_CODE.get(cur.group("sym"), cur.group("sym"))
        if suf:
            if suf in ("k", "K"):
                f.scale, f.scale_txt = 1e3, "K"
            elif suf in ("M", "MM", "mn", "bn", "BN", "Bn") or (cur and suf in ("m", "mm", "b", "B")):
                f.scale = 1e9 if suf.lower().startswith("b") else 1e6
                f.scale_txt = "B" if f.scale == 1e9 else "M"
            elif suf in ("x", "X"):
                f.kind, f.unit = "multiplier", "x"
            elif suf.lower() in ("ms", "h", "hr", "hrs", "min", "mins", "wk", "wks", "mo", "mos", "yr", "yrs", "sec", "secs"):
                f.kind, f.unit = "duration", suf.lower()
            elif suf == "pp":
                f.kind, f.unit = "count", "percentage points"
            else:  # ordinals (1st), decades (1990s), ids (3D, 5G), units we do not know
                return None
        else:
            sm = _SCALE_AFTER.match(clean, f.num_end)
            if sm:
                word = _scale_word(sm)
                f.scale = _SCALE_OF[word]
                f.scale_txt = word if len(word) > 2 else ("B" if f.scale == 1e9 else "M")
                f.num_end = f.end = sm.end()
        f.num = num * f.scale
        # a bare year: keep it as the time scope of nearby figures
        if (
            f.kind == "none" and f.scale == 1.0 and not cur and "," not in raw and "." not in raw
            and len(raw) == 4 and 1800 <= num <= 2100
        ):
            unit_m = _UNIT.match(clean, f.end)
            plural_noun = None
            if not unit_m:
                nr = _NOUN_RUN.match(clean, f.end)
                if nr:
                    first = nr.group(1).split()[0]
                    if first.islower() and first.endswith("s") and first not in _YEARISH:
                        plural_noun = first
            prev = _PREV_WORD.search(clean, max(0, s - 20), s)
            prev_w = prev.group(1).lower() if prev else ""
            if not unit_m and (plural_noun is None or prev_w in _YEAR_PREPS):
                self.years.append((s, int(num)))
                return None
        self._read_after(f)
        if f.kind in ("none", "count") and not cur:
            prev = _PREV_WORD.search(clean, max(0, start - 30), start)
            if prev and _is_label(prev.group(1), bare=False):
                return None
            if prev and f.kind == "count" and prev.group(1)[0].isupper() and not self._starts_sentence(prev.start()):
                if _is_label(prev.group(1), bare=True):
                    return None  # "Fortune 500 companies": a name
            if prev and f.kind == "none" and prev.group(1)[0].isupper() and _is_label(prev.group(1), bare=True):
                f.weak = True  # "Save 30-60 mins": only the low end of a range
            if f.kind == "count" and num != int(num) and f.scale == 1.0:
                if f.unit not in ("rating", "ratings", "stars", "star", "score", "points"):
                    return None
        return f

    def _words(self, m: re.Match[str]) -> list[_Fig]:
        out: list[_Fig] = []
        for s, e, value, ambiguous in _split_words(m.group("words"), m.start("words")):
            if ambiguous:
                continue
            cur = _CUR_BEFORE.search(self.clean, max(0, s - 5), s)
            f = _Fig(start=cur.start() if cur else s, num_end=e, end=e, num=value, kind="none")
            if cur:
                f.kind = "currency"
                f.unit = cur.group("code") or _CUR_CODE.get(cur.group("sym"), cur.group("sym"))
            sm = _SCALE_AFTER.match(self.clean, e)
            if sm and value < 1000:  # "two point four million": the scale follows the spoken decimals
                word = _scale_word(sm)
                f.scale = _SCALE_OF[word]
                f.scale_txt = word if len(word) > 2 else ("B" if f.scale == 1e9 else "M")
                f.num = value * f.scale
                f.num_end = f.end = sm.end()
            self._read_after(f)
            if f.kind in ("none", "count"):
                prev = _PREV_WORD.search(self.clean, max(0, f.start - 30), f.start)
                if prev and prev.group(1).lower() in _LABELS:
                    continue
                if f.kind == "count" and (value < 10 and f.qual is None or value == 1):
                    f.weak = True
                if f.kind == "none" and value == 1 and self.clean[s:e].lower() in ("one", "a"):
                    f.weak = True
            out.append(f)
        return out

    def _idiom(self, m: re.Match[str], kind: str) -> _Fig | None:
        clean = self.clean
        s, e = m.start(), m.end()
        if kind == "anh":
            f = _Fig(start=s, num_end=e, end=e, num=1.5, kind="duration", unit=m.group("anh_u").lower() + "s")
            self._qualify(f)
            self._rate(f)
            return f
        if kind == "halfa":
            u = m.group("halfa_u").lower()
            if u in _PERIOD_WORDS.split("|"):
                f = _Fig(start=s, num_end=e, end=e, num=0.5, kind="duration", unit=u + "s")
                self._qualify(f)
                self._rate(f)
                return f
            scale = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}[u]
            f = _Fig(start=s, num_end=e, end=e, num=0.5 * scale, kind="none")
            if u in ("million", "billion"):
                f.scale, f.scale_txt = scale, u
            self._read_after(f)
            if f.kind in ("none", "count") and 0.5 * scale < 10:
                f.weak = True
            return f
        if kind == "halfpct":
            return self._half_a_percent(s, e)
        if kind == "couple":
            f = _Fig(start=s, num_end=e, end=e, num=2.0, kind="none")
            self._read_after(f)
            if f.kind != "duration":
                f.weak = True
            f.extra["as_written"] = "a couple"
            return f
        if kind == "fortnight":
            f = _Fig(start=s, num_end=e, end=e, num=1.0, kind="duration", unit="fortnight")
            f.extra["as_written"] = m.group(0)
            self._qualify(f)
            self._rate(f)
            return f
        if kind == "aperiod":  # "in under a week", "within a single quarter": one period, as a bound
            if not _BOUND_BEFORE.search(clean, max(0, s - 24), s):
                return None  # "3 hours a week", "a year ago", "a month-long pilot": a rate, a date, a name
            unit = (m.group("aperiod_u") or m.group("aperiod_s")).lower()  # "a quarter" alone is a fraction
            f = _Fig(start=s, num_end=e, end=e, num=1.0, kind="duration", unit=unit)
            f.extra["as_written"] = m.group(0)
            self._qualify(f)
            return f
        if kind == "few":  # "within a few days": vague, read as two to four, and said to be approximate
            f = _Fig(start=s, num_end=e, end=e, num=(2.0, 4.0), kind="duration", unit=m.group("few_u").lower())
            f.extra["as_written"] = m.group(0)
            f.pair = "range"
            self._qualify(f)
            return f
        if kind == "dozen":
            f = _Fig(start=s, num_end=e, end=e, num=12.0, kind="none")
            self._read_after(f)
            return f
        if kind == "twice":
            w = m.group(0).lower()
            value = {"tw": 2.0, "do": 2.0, "tr": 3.0, "qu": 4.0}[w[:2]]
            before = _QUAL_BEFORE.search(clean, max(0, s - 30), s)
            approx = bool(before and _QUAL_MAP.get(before.group("q").lower()) == "about")
            if _NEGATION_BEFORE.search(clean, max(0, s - 16), s):
                return None  # "we don't triple the team"
            if w == "twice":
                ok = bool(_TWICE_AFTER.match(clean, e)) or approx
            elif w.endswith("d"):  # "deploys doubled"
                ok = True
            else:  # "double the", but only as a comparison: "is double", "roughly double"
                ok = approx or bool(
                    _COPULA_BEFORE.search(clean, max(0, s - 12), s) and _TWICE_AFTER.match(clean, e)
                )
            if not ok:
                return None
            if w == "twice" and _FREQUENCY_AFTER.match(clean, e):
                return None  # "twice a day": a frequency
            f = _Fig(start=s, num_end=e, end=e, num=value, kind="multiplier", unit="x")
            f.extra["as_written"] = m.group(0)
            self._qualify(f)
            return f
        if kind == "fold":
            value = float(_FOLD[m.group(0).lower()[:-4]])
            f = _Fig(start=s, num_end=e, end=e, num=value, kind="multiplier", unit="fold")
            self._qualify(f)
            return f
        if kind == "frac":
            return self._fraction(m)
        if kind == "rank":
            prev = _RANK_BEFORE.search(clean, max(0, s - 12), s)
            nxt = _RANK_AFTER.match(clean, e)
            if not (prev or nxt):
                return None
            f = _Fig(start=s, num_end=e, end=e, num=float(m.group("rank_n")), kind="count", unit="rank")
            return f
        return None

    def _half_a_percent(self, s: int, e: int) -> _Fig:
        """Read "half a per cent", "half of one percent" (0.5%) or "half a percentage point" with the
        unit that follows, as after any number, so "half" is not taken for the fraction (50%) it
        means elsewhere ("cut waste by half"). Said in calls as often as in writing ("accurate to
        within half a per cent", "under half of a percent of our alerts")."""
        f = _Fig(start=s, num_end=e, end=e, num=0.5, kind="none")
        f.extra["as_written"] = self.clean[s:e]
        self._qualify(f)
        self._read_after(f)
        return f

    def _fraction(self, m: re.Match[str]) -> _Fig | None:
        clean = self.clean
        s, e = m.start(), m.end()
        fn = (m.group("fn") or "").lower()
        fd = m.group("fd").lower()
        den_key = fd.rstrip("s") if fd != "halves" else "halve"
        den = _FRAC_DEN.get(den_key)
        if den is None:
            return None
        numer = {"": 1, "a": 1, "an": 1, "one": 1}.get(fn, _SMALL.get(fn, 0))
        if not numer:
            return None
        plural = fd.endswith("s")
        if plural and numer == 1:
            return None
        if not fn and fd != "half":
            return None
        after = clean[e:e + 24]
        before_m = _QUAL_BEFORE.search(clean, max(0, s - 30), s)
        prev = _FRACTION_NOT_BEFORE.search(clean, max(0, s - 10), s)
        changed = False
        if prev:
            if prev.group(1).lower() not in ("in", "by"):
                return None
            # "cut in half" changes by a share; "fell 40% in a quarter" names a period: only a half is
            # an idiom after "in"
            if prev.group(1).lower() == "in" and fd not in ("half", "halves") and not _FRACTION_OF.match(clean[e:e + 24]):
                return None
            # "cut costs by a third", "halved ... in half": a change by that share, else nothing
            sb, _ = self.sentence_bounds(s)
            changed = bool(_CHANGE_VERB.search(clean, max(sb, s - 60), s))
            if not changed:
                return None
        period = _FRACTION_OF_PERIOD.match(clean, e)
        if period and not changed:  # "a quarter of an hour": 15 minutes, not 25%
            end = period.end()
            f = _Fig(start=s, num_end=end, end=end, num=numer / den, kind="duration",
                     unit=period.group("u").lower() + "s")
            f.extra["as_written"] = clean[s:end]
            self._qualify(f)
            self._rate(f)
            return f
        if after.startswith("-") or _FRACTION_NOT_AFTER.match(after):
            return None
        ok = changed or bool(
            before_m and _QUAL_MAP.get(before_m.group("q").lower()) in ("about", "at least", "at most", "up to")
        )
        if not ok:
            ok = bool(_FRACTION_OF.match(after) or _FRACTION_COMPARED.match(after))
        if not ok:
            return None
        f = _Fig(start=s, num_end=e, end=e, num=numer / den, kind="percent", unit="fraction")
        f.extra["as_written"] = m.group(0)
        self._qualify(f)
        return f

    # ---- what follows a number -------------------------------------------------------------
    def _read_after(self, f: _Fig) -> None:
        clean = self.clean
        pos = f.end
        if f.kind == "none" or f.kind == "currency":
            ah = _AND_HALF.match(clean, pos)
            if ah and isinstance(f.num, float) and f.num == int(f.num):
                f.num += 0.5 * f.scale
                pos = f.num_end = f.end = ah.end()
                sm = _SCALE_AFTER.match(clean, pos) if f.scale == 1.0 else None
                if sm:  # "three and a half thousand pounds": the scale comes after the half
                    word = _scale_word(sm)
                    f.scale = _SCALE_OF[word]
                    f.scale_txt = word if len(word) > 2 else ("B" if f.scale == 1e9 else "M")
                    f.num *= f.scale
                    pos = f.num_end = f.end = sm.end()
        pm = _PLUS.match(clean, pos)
        if pm:
            f.qual, f.qual_word = "at least", "+"
            pos = f.num_end = f.end = pm.end()
        if f.kind == "none":
            um = _UNIT.match(clean, pos)
            if um:
                g = um.lastgroup
                if g == "pct":
                    f.kind, f.unit = "percent", "%" if "%" in um.group(0) else "percent"
                    f.end = um.end()
                elif g == "pp":
                    f.kind, f.unit = "count", "percentage points"
                    f.end = um.end()
                elif g == "mult":
                    txt = um.group(0).strip().lower()
                    if txt == "times":
                        if _TIMES_MULT.match(clean, um.end()):
                            f.kind, f.unit, f.end = "multiplier", "times", um.end()
                        else:
                            f.kind, f.unit, f.end = "count", "times", um.end()
                            self._rate(f)
                    elif txt == "x":  # "six point five x", "a seven x payback"
                        f.kind, f.unit, f.end = "multiplier", "x", um.end()
                    else:
                        f.kind, f.unit, f.end = "multiplier", "×" if "×" in txt else "fold", um.end()
                elif g == "curw":
                    f.kind, f.unit, f.end = "currency", um.group("cw").lower(), um.end()
                elif g == "dur":
                    du = um.group("du").lower()
                    dq = (um.group("dq") or "").strip(" \t-").lower()
                    if dq in ("business", "working", "calendar"):
                        du = f"{dq} {du}"
                    f.kind, f.unit, f.end = "duration", du, um.end()
            else:
                self._noun(f, pos)
        elif f.kind == "currency":
            um = _UNIT.match(clean, pos)
            if um and um.lastgroup == "curw":  # "$5 USD"
                f.end = um.end()
        if f.kind in ("currency", "duration", "count"):
            self._rate(f)
        self._qualify(f)

    def _noun(self, f: _Fig, pos: int) -> None:
        clean = self.clean
        nr = _NOUN_RUN.match(clean, pos)
        if not nr:
            rm = _RATE.match(clean, pos)  # "1000+/day"
            if rm:
                f.kind, f.unit = "count", ""
            return
        run: list[tuple[str, int, bool]] = []
        for wm in _NOUN_WORD.finditer(nr.group(1)):
            w = wm.group(0)
            lw = w.lower()
            if lw in _STOP or lw.endswith(("'s", "’s")):
                break
            run.append((lw, nr.start(1) + wm.end(), w == lw))
        if not run:
            if _RATE.match(clean, pos):  # "a thousand per day"
                f.kind, f.unit = "count", ""
            return
        head: tuple[str, int] | None = None
        for lw, end, lower in run:
            if not lower and lw.upper() in _CLASHING_CODES:
                continue  # "12 ILS approaches": an acronym, not a plural nor a currency
            if len(lw) > 2 and lw.endswith("s") and not lw.endswith("ss") and lw not in _NOT_PLURAL and not lw.endswith("ous"):
                head = (lw, end)
                break
            if lower and lw in units._MASS and lw not in ("time", "work"):
                head = (lw, end)
                break
        if head is None and f.num == 1:
            for lw, end, _ in reversed(run):  # the head of a compound is its last noun
                if not lw.endswith(("ly", "ed", "est", "ing")):
                    head = (lw, end)
                    break
        if head is None:
            adverb = _RATE.match(clean, pos)
            if adverb and adverb.group("ra"):
                f.kind, f.unit = "count", ""  # "2.5 million annually": a rate of no stated unit, as "a year" is
            return
        kind = units.kind_of(head[0])
        f.kind = kind if kind in ("duration", "currency", "percent") else "count"
        f.unit, f.end = head[0], head[1]

    def _rate(self, f: _Fig) -> None:
        clean = self.clean
        pers: list[str] = []
        pos = f.end
        for _ in range(2):
            rm = _RATE.match(clean, pos)
            if rm and rm.group("ra"):
                if any(units.period(p) for p in pers):
                    break  # "12 hours a week weekly": one period is the rate's
                pers.append(units.ADVERB_PERIODS[rm.group("ra")])
                pos = f.end = rm.end()
                continue
            if rm:
                per = units.period(rm.group("rp")) or rm.group("rp").lower()
                rn = rm.group("rn")
                if rn:
                    n = float(rn) if rn.isdigit() else float(_SMALL.get(rn.lower(), 1))
                    if n and isinstance(f.num, float):
                        f.num = f.num / n
                        f.extra["every"] = f"{rn} {rm.group('rp')}"
                pers.append(per)
                pos = f.end = rm.end()
                continue
            pm = _PER_NOUN.match(clean, pos)
            if pm is None and f.kind == "currency":
                pm = _PRICE_PER.match(clean, pos)  # "$3.40 an invoice"
            if pm and f.kind in ("currency", "count", "duration") and pm.group("pn").lower() not in _STOP:
                pers.append(pm.group("pn").lower())
                pos = f.end = pm.end()
                continue
            break
        if pers:
            f.per = "/".join(pers)

    def _qualify(self, f: _Fig) -> None:
        clean = self.clean
        qm = _QUAL_AFTER.match(clean, f.end)
        if qm and f.qual is None:
            word = _WS.sub(" ", qm.group("q").lower())
            f.qual, f.qual_word = _QUAL_MAP.get(word), word
            f.text_end = qm.end()
        bm = _QUAL_BEFORE.search(clean, max(0, f.start - 40), f.start)
        if bm:
            word = _WS.sub(" ", bm.group("q").lower())
            q = _QUAL_MAP.get(word) or _QUAL_MAP.get(word.rstrip("."))
            if q in ("median", "average", "typical"):
                f.extra["statistic"] = q
            # "bookings go up to 85%" states the level reached, not a ceiling: no qualifier then
            elif q and f.qual is None and not (
                    q == "up to" and _RISE_TO.search(clean, max(0, bm.start() - 20), bm.start())):
                f.qual, f.qual_word = q, word

    # ---- pass 3: pairs -----------------------------------------------------------------
    def pair(self, figs: list[_Fig]) -> list[_Fig]:
        clean = self.clean
        # ranges and "one in five" first, so that a range can then be one side of a change
        out: list[_Fig] = []
        for f in figs:
            if out:
                a = out[-1]
                merged = self._range(a, f)
                if merged is not None:
                    out[-1] = merged
                    continue
            out.append(f)
        for a, b in zip(out, out[1:], strict=False):
            if b.start - a.end > 160 or a.pair == "change" and a.role == "after":
                continue
            if self._modifier(a) or self._modifier(b):
                continue  # "from 2-classroom schools to 900-bed hospitals": sizes of other things, no side of a change
            s, e = self.sentence_bounds(a.start)
            if b.start >= e:
                continue
            mid = clean[a.end:b.start]
            if _CLAUSE.search(mid) or _HAS_DIGIT.search(mid):
                continue
            if not _compatible(a, b):
                continue
            if _CONTRAST_MID.match(mid):
                _inherit(b, a)
                _inherit(a, b)
                a.pair = b.pair = a.pair or "contrast"
                a.partner, b.partner = b, a
            elif _FROM_MID.search(mid):
                if len(mid) > 120:
                    continue
                a.role, b.role = "after", "before"
                _inherit(b, a)
                _inherit(a, b)
                a.pair = b.pair = "change"
                a.partner, b.partner = b, a
                cs = self.clause_bounds(a.start, s, e)[0]
                a.verb_change = b.verb_change = bool(
                    _UP_DOWN_FROM.search(mid) or _CHANGE_VERB.search(clean, cs, b.start)
                )
            elif _TO_MID.search(mid) and len(mid) <= 80:
                cs = self.clause_bounds(a.start, s, e)[0]
                from_before = _FROM_BEFORE.search(clean, max(cs, a.start - 30), a.start)
                if from_before and _RANGE_VERB_BEFORE.search(clean, max(0, from_before.start() - 25), from_before.start()):
                    continue
                verb = bool(_CHANGE_VERB.search(clean, cs, a.start) or _CHANGE_VERB.search(mid))
                if not (from_before or verb):
                    continue
                a.role, b.role = "before", "after"
                _inherit(b, a)
                _inherit(a, b)
                a.pair = b.pair = "change"
                a.partner, b.partner = b, a
                a.verb_change = b.verb_change = verb
        return out

    def _modifier(self, f: _Fig) -> bool:
        """A bare number written as the head of a hyphenated compound ("a 900-bed hospital"): it sizes its
        own noun, and takes no partner's unit."""
        return f.kind == "none" and _COMPOUND.match(self.clean, f.end) is not None

    def _range(self, a: _Fig, b: _Fig) -> _Fig | None:
        clean = self.clean
        mid = clean[a.end:b.start]
        if len(mid) > 40 or a.pair or b.pair:
            return None
        if _FRACTION_MID.match(mid):
            if a.kind == "none" and b.kind in ("none", "count") and isinstance(a.num, float) and isinstance(b.num, float) and 1 <= a.num < b.num <= 1000:
                f = _Fig(start=a.start, num_end=b.num_end, end=b.num_end, num=a.num / b.num, kind="percent", unit="fraction")
                f.qual, f.qual_word, f.extra = a.qual, a.qual_word, dict(a.extra)
                f.pair = "fraction"
                f.extra["as_written"] = clean[a.start:b.num_end]
                return f
            return None
        tight = _TIGHT.match(mid)
        between = False
        if not tight:
            if _AND_MID.match(mid) and _BETWEEN_BEFORE.search(clean, max(0, a.start - 30), a.start):
                between = True
            else:
                return None
        if not isinstance(a.num, float) or not isinstance(b.num, float):
            return None
        if tight and tight.group("or") and a.kind != "none":
            return None
        is_to = bool(tight and _TO_WORD.search(mid))
        if is_to:
            from_before = _FROM_BEFORE.search(clean, max(0, a.start - 30), a.start)
            if from_before and not _RANGE_VERB_BEFORE.search(clean, max(0, from_before.start() - 25), from_before.start()):
                return None  # "from 14 weeks to 6": a change, paired later
            if a.kind != "none" and b.kind != "none":
                if b.num < a.num:
                    return None
                s, e = self.sentence_bounds(a.start)
                cs = self.clause_bounds(a.start, s, e)[0]
                if _CHANGE_VERB.search(clean, cs, a.start):
                    return None  # "improved 2 builds/day to 1000+/day": a change
        if not _compatible(a, b):
            return None
        if a.kind == "currency" and b.kind == "currency" and a.unit != b.unit:
            return None
        if b.kind == "none" and a.kind != "none" and not (is_to or between):
            return None  # "25%-30": not a range we trust
        lo, hi = replace(a), replace(b)  # inheriting must not touch a and b if this fails
        if lo.kind == "none" and hi.kind != "none":
            _inherit(lo, hi, scale=True)
        elif hi.kind == "none" and lo.kind != "none":
            _inherit(hi, lo)
        av, bv = float(lo.num), float(hi.num)  # type: ignore[arg-type]
        if bv <= av:
            return None
        f = _Fig(start=a.start, num_end=b.num_end, end=b.end, num=(av, bv), kind=hi.kind, unit=hi.unit)
        f.scale, f.scale_txt = (hi.scale, hi.scale_txt) if lo.scale == hi.scale else (1.0, "")
        f.per = hi.per or lo.per
        f.qual, f.qual_word = lo.qual or hi.qual, lo.qual_word or hi.qual_word
        f.extra = {**lo.extra, **hi.extra}
        f.text_end = hi.text_end
        f.pair = "range"
        f.weak = lo.weak and hi.weak
        f.explicit = lo.explicit or hi.explicit
        return f

    # ---- pass 4: claims ----------------------------------------------------------------
    def claims(self, figs: list[_Fig]) -> list[Claim]:
        kept: list[_Fig] = []
        for f in figs:
            if f.kind == "none":
                if not (f.pair == "change" and f.verb_change and f.partner is not None and f.partner.kind == "none"):
                    continue
            if f.weak and not f.pair:
                continue
            if f.kind == "duration" and _AGO.match(self.clean, f.end):
                continue  # "two years ago": when, not how long
            if self._hypothetical(f):
                continue
            kept.append(f)
        self._kept = kept
        # "median", "on average": the nearest such word before a figure and after the one
        # before it, or just after the figure; a change shares it ("2 days, down from 11")
        prev_end = 0
        for f in kept:
            s, e = self.sentence_bounds(f.start)
            cs, ce = self.clause_bounds(f.start, s, e)
            if "statistic" not in f.extra:
                stat = self._statistic(f, max(cs, prev_end), ce)
                if stat:
                    f.extra["statistic"] = stat
            prev_end = f.end
        for f in kept:
            p = f.partner
            if p is not None and "statistic" in p.extra and "statistic" not in f.extra:
                f.extra["statistic"] = p.extra["statistic"]
        out: list[Claim] = []
        for f in kept:
            claim = self._claim(f)
            if claim is not None:
                out.append(claim)
        return out

    def _claim(self, f: _Fig) -> Claim | None:
        clean = self.clean
        s, e = self.sentence_bounds(f.start)
        raw_value, raw_unit = self._raw(f)
        try:
            value, unit, kind = units.normalize(raw_value, raw_unit)
        except (KeyError, ValueError, ZeroDivisionError):
            return None
        if f.kind == "none":
            kind, unit = "number", ""
        if kind == "duration" and (self._logistics(f, value, s, e) or _SCHEDULE_AFTER.match(clean, f.end)):
            return None
        cs, ce = self.clause_bounds(f.start, s, e)
        qualifier, qual_word = f.qual, f.qual_word
        statistic = f.extra.get("statistic")
        if qualifier is None and statistic:
            qualifier, qual_word = statistic, statistic
        line, col = self.pos(f.start)
        end_line, end_col = self.pos(f.end)
        sentence = self._sentence_text.get(s)
        if sentence is None:
            sentence = self._sentence_text[s] = _prose(clean[s:e])
        mask_end = f.num_end if kind == "count" else f.end
        masked = _prose(clean[s:f.start] + " [NUM] " + clean[mask_end:e])
        as_written = f.extra.get("as_written")
        every = f.extra.get("every")
        return Claim(
            text=self._text(f, s),
            value=value,
            unit=unit,
            kind=kind,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            sentence=sentence,
            masked=masked,
            raw_value=raw_value,
            raw_unit=raw_unit,
            qualifier=qualifier,
            year=self._year(f, s, e, cs, ce),
            source=self._source(f, s, e),
            role=f.role,
            span=self.text[f.start:f.end],
            qualifier_word=qual_word or None,
            statistic=statistic,
            per=f.per if f.per and kind != "count" else None,
            every=every,
            pair=f.pair,
            unit_inherited=not f.explicit,
            as_written=as_written,
        )

    def _raw(self, f: _Fig) -> tuple[Value, str]:
        num = f.num
        if f.kind == "currency":
            if f.scale > 1 and f.scale_txt:
                raw: Value = (
                    (num[0] / f.scale, num[1] / f.scale) if isinstance(num, tuple) else num / f.scale
                )
                sym = f.unit
                if not sym.isalpha():  # a sign: "$M", "€ million"
                    sep = " " if len(f.scale_txt) > 1 else ""
                    return _round(raw), f"{sym}{sep}{f.scale_txt}"
                return _round(raw), f"{f.scale_txt} {sym}"  # "million dollars", "M USD"
            return _round(num), f.unit
        if f.kind == "count":
            unit = f.unit
            if f.per:
                unit = f"{unit}/{f.per}"
            return _round(num), unit
        if f.kind == "none":
            return _round(num), ""
        return _round(num), f.unit

    def _text(self, f: _Fig, s: int) -> str:
        clean = self.clean
        start = f.start
        end = max(f.end, f.text_end)
        p = f.partner
        if f.pair in ("change", "contrast") and p is not None and max(f.end, p.end) - min(f.start, p.start) <= 50:
            start = min(start, p.start)
            end = max(end, p.end, p.text_end)
        if f.kind in ("percent", "multiplier") or (f.pair == "change" and f.partner is not None and f.partner.kind in ("percent", "multiplier")):
            cm = _COMPARATIVE.match(clean, end)
            if cm:
                end = cm.end()
        wb = _WORDS_BEFORE.search(clean, max(s, start - 40), start)
        if wb:
            cut = _TEXT_CUT.search(clean, wb.start(), start)
            start = cut.start() + 1 if cut else wb.start()
        return _prose(clean[start:end])

    def _statistic(self, f: _Fig, cs: int, ce: int) -> str | None:
        if self._stats is None:
            self._stats = [(m.start(), m.group(1)) for m in _STAT.finditer(self.lower())]
        if not self._stats:
            return None
        starts = [p for p, _ in self._stats]
        i = bisect.bisect_left(starts, f.start) - 1
        if i >= 0 and starts[i] >= cs:  # the nearest before the figure, in its clause
            word = self._stats[i][1]
        else:
            stop = min(ce, f.end + 50)
            nxt = _CLAUSE.search(self.clean, f.end, stop)
            if nxt:
                stop = nxt.start()
            comma = self.clean.find(",", f.end, stop)
            if comma >= 0:
                stop = comma
            j = bisect.bisect_left(starts, max(f.end, f.text_end))
            if j >= len(starts) or starts[j] >= stop:
                return None
            word = self._stats[j][1]
        return _STAT_MAP.get(_WS.sub(" ", word), "average")

    def _year(self, f: _Fig, s: int, e: int, cs: int, ce: int) -> int | None:
        if not self.years:
            return None
        if self._year_pos is None:
            self.years.sort()
            self._year_pos = [p for p, _ in self.years]
        lo = bisect.bisect_left(self._year_pos, s)
        hi = bisect.bisect_left(self._year_pos, e, lo)
        best: tuple[int, int, int] | None = None
        for pos, year in self.years[lo:hi]:
            if f.start <= pos < f.end:
                continue
            same = 0 if cs <= pos < ce else 1
            dist = f.start - pos if pos < f.start else pos - f.end
            key = (same, dist, year)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def _hypothetical(self, f: _Fig) -> bool:
        """"If the price on line four is two cents higher": an example, not a claim."""
        s, _ = self.sentence_bounds(f.start)
        lo = max(s, f.start - 80)
        comma = max(self.clean.rfind(",", lo, f.start), self.clean.rfind(";", lo, f.start))
        return bool(_HYPOTHETICAL.search(self.clean, comma + 1 if comma >= 0 else lo, f.start))

    def _logistics(self, f: _Fig, days: Value, s: int, e: int) -> bool:
        """"Thirty minutes next week": a meeting being arranged, not a claim."""
        d = days[1] if isinstance(days, tuple) else days
        if d > 3 / 24 or f.pair == "change":
            return False
        if _READING_TIME.match(self.clean, f.end):
            return True  # "(2 min read)"
        return bool(_SCHEDULING.search(self.clean, s, e))

    def _source(self, f: _Fig, s: int, e: int) -> Source | None:
        rating = self._rating_site(f, s, e)
        if rating is not None:
            return rating
        if s not in self._sources:
            self._sources[s] = self._find_sources(s, e)
        found = [(pos, src) for pos, src in self._sources[s] if not self._cites_another(f, pos)]
        if not found:
            return self._carried_source(f.start)
        return min(found, key=lambda ps: abs(ps[0] - f.start))[1]

    def _rating_site(self, f: _Fig, s: int, e: int) -> Source | None:
        """The site a rating is given on ("rated 4.6 out of 5 on Glassdoor"): the source of that
        rating alone, not of the other figures of its sentence."""
        site = rating_site(self.clean, f.start, max(s, f.start - 40), e)
        return Source(title=site[0], date=None, line=self.pos(site[1])[0]) if site else None

    def _cites_another(self, f: _Fig, pos: int) -> bool:
        """Whether a source named after ``f`` (at ``pos``) cites a figure set against it instead:
        "72% book on Molarline, against an industry norm of 45% (Pellham, 2025)" cites the norm,
        not the 72%; "62% and 45% (Hackett, 2025)" cites both."""
        if pos < f.end:
            return False
        for g in self._kept:
            if g.start >= pos:
                break
            if g.start >= f.end and g is not f.partner and _CONTRAST.search(self.clean, f.end, g.start):
                return True
        return False

    def _carried_source(self, s: int) -> Source | None:  # s: where the figure starts
        """A source named earlier in the same paragraph or list: a title line ("2020 Global Developer
        Report: DevSecOps"), a lead-in ("As per the GitLab DevSecOps survey 2021 -"), or a study
        introduced before its findings ("Hanover interviewed 40 buyers. The study found ...")."""
        if s in self._carried:
            return self._carried[s]
        clean = self.clean
        lo = max(0, s - _CARRY_BACK)
        para = lo
        for m in _BLANK_LINE.finditer(clean, lo, s):
            para = m.end()
        if self._all_sources is None:  # every source in the text, found once: look-ups stay linear
            found_all = sorted(((ss, src) for ss, _, src in self._sources_in(0, len(clean))), key=lambda x: x[0])
            self._all_sources = ([ss for ss, _ in found_all], [src for _, src in found_all])
        starts, sources = self._all_sources
        i = bisect.bisect_left(starts, s) - 1
        self._carried[s] = sources[i] if i >= 0 and starts[i] >= para else self.lead_source
        return self._carried[s]

    def _sources_in(self, a: int, b: int) -> list[tuple[int, int, Source]]:
        clean = self.clean
        out: list[tuple[int, int, Source]] = []

        def source(m: re.Match[str], who: str, kind: str | None) -> None:
            who = _DETERMINERS.sub("", " ".join(who.split())).strip(" .,'’:-")
            if not who or who.isdigit() or not names_someone(who):
                return
            title = who if not kind or who.endswith(kind) else f"{who} {kind}"
            line_end = clean.find("\n", m.end(), min(len(clean), m.end() + 200))
            yr = _YEAR.search(clean, max(a, m.start() - 40), line_end if line_end >= 0 else m.end() + 40)
            when = _end_of(yr.group(0), None) if yr else None
            out.append((m.start(), m.end(), Source(title=title, date=when, line=self.pos(m.start())[0])))

        for m in _SRC_ACCORDING.finditer(clean, a, b):
            source(m, m.group("who"), m.group("kind"))
        for m in _SRC_PAREN.finditer(clean, a, b):
            # a citation after a figure in its sentence is that figure's: it does not carry on
            if not _HAS_DIGIT.search(clean, self.sentence_bounds(m.start())[0], m.start()):
                source(m, m.group("who"), None)
        for m in _SRC_KIND_BY.finditer(clean, a, b):
            if not m.group("the"):  # "a survey by the X" is read in its own sentence and the next only
                source(m, m.group("who"), m.group("kind"))
        for m in _SRC_TITLE.finditer(clean, a, b):
            source(m, m.group("who"), m.group("kind"))
        # "What the Corvane report found", "The Pallet Institute survey shows": a study named with what
        # it found, as a heading or a lead-in, is the source of the findings that follow
        if _KIND_WORD.search(self.lower()[a + 1:b + 1]):
            for m in _SRC_ORG_KIND.finditer(clean, a, b):
                if _SRC_VERB_AFTER.match(clean, m.end()) and _CAPITAL.search(_DETERMINERS.sub("", m.group("who"))):
                    source(m, m.group("who"), m.group("kind"))
        for m in _SRC_FOUND.finditer(clean, a, b):
            who = found_by(m)
            if who:
                source(m, who, None)
        for m in [*_SRC_STUDIED.finditer(clean, a, b), *_SRC_RAN.finditer(clean, a, b)]:
            who = _DETERMINERS.sub("", m.group("who") or m.group("who2") or "")
            if _ORG_SUFFIX.search(who) or who.split(" ")[0] in _ANALYSTS or len(who.split()) <= 3:
                source(m, who, None)
        return out

    def _find_sources(self, s: int, e: int) -> list[tuple[int, Source]]:
        clean = self.clean
        out: list[tuple[int, Source]] = []

        def add(pos: int, who: str, kind: str | None, yr: str | None, mon: str | None) -> None:
            who = _DETERMINERS.sub("", " ".join(who.split())).strip(" .,'’")
            if not who or who.isdigit() or not names_someone(who):
                return
            title = f"{who} {kind.lower() if kind and kind.islower() else kind}" if kind else who
            if kind and who.endswith(kind):
                title = who
            when = yr
            month = mon
            if not when:
                best: tuple[int, str, str | None] | None = None
                for dm in _SOURCE_DATE.finditer(clean, s, e):
                    dist = abs(dm.start() - pos)
                    if best is None or dist < best[0]:
                        best = (dist, dm.group("yr"), dm.group("mon"))
                if best:
                    when, month = best[1], best[2]
                if when is None:
                    ym = _YEAR.search(who)
                    when = ym.group(0) if ym else None
            line, _ = self.pos(pos)
            out.append((pos, Source(title=title, date=_end_of(when, month), line=line)))

        low = self.lower()[s + 1:e + 1]
        if "(" in low:
            for m in _SRC_PAREN.finditer(clean, s, e):
                add(m.start(), m.group("who"), None, m.group("yr"), m.group("mon"))
        if "ccording" in low or "per " in low or "source:" in low or "citing" in low:
            for m in _SRC_ACCORDING.finditer(clean, s, e):
                add(m.start("who"), m.group("who"), m.group("kind"), m.group("yr"), None)
        has_kind = bool(_KIND_WORD.search(low))
        has_verb = has_kind or bool(_REPORT_VERB_WORD.search(low))
        for m in _SRC_KIND_BY.finditer(clean, s, e) if has_kind else ():
            add(m.start("who"), m.group("who"), m.group("kind"), None, None)
        for m in _SRC_ORG_KIND.finditer(clean, s, e) if has_kind else ():
            who = m.group("who")
            lead = _SRC_LEAD.search(clean, max(s, m.start() - 30), m.start())
            verb = _SRC_VERB_AFTER.match(clean, m.end())
            if not (lead or verb):
                continue
            if not _CAPITAL.search(_DETERMINERS.sub("", who)):
                continue
            full = who + (" " + m.group("yr") if m.group("yr") else "")
            add(m.start("who"), full, m.group("kind"), m.group("yr"), None)
        for m in _SRC_ORG_VERB.finditer(clean, s, e) if has_verb else ():
            who = _DETERMINERS.sub("", m.group("who"))
            if _ORG_SUFFIX.search(who) or who.split(" ")[0] in _ANALYSTS:
                add(m.start("who"), who, None, None, None)
        # one mention found by two patterns: keep the first (the more specific)
        seen: list[tuple[int, Source]] = []
        for pos, src in out:
            if any(abs(pos - p) < 40 and (src.title in o.title or o.title in src.title) for p, o in seen):
                continue
            seen.append((pos, src))
        return seen


def _is_label(word: str, *, bare: bool) -> bool:
    """Whether a number after ``word`` names something rather than counts it: "Step 1", "SOC 2",
    "GitLab 10.6". A capitalised ordinary word ("Improved 2 builds/day") only disqualifies a
    bare number."""
    lw = word.lower().rstrip(".")
    if lw in _LABELS:
        return True
    if lw in _STOP or lw in _QUAL_MAP or lw in _NOT_LABEL:
        return False
    if len(word) >= 2 and (word.isupper() or any(c.isupper() for c in word[1:])):
        return True  # an acronym or a product name
    return bare and word[0].isupper()


def _scale_word(sm: re.Match[str]) -> str:
    """The scale word matched by ``_SCALE_AFTER``, lower case, with "mill."/"Mio."/"Mrd." spelled out."""
    s3 = sm.group("s3")
    if s3:
        return _EURO_SCALE[s3.lower().rstrip(".")]
    return (sm.group("s") or sm.group("s2")).lower()


def _compatible(a: _Fig, b: _Fig) -> bool:
    if a.kind == "none" or b.kind == "none":
        # a bare number beside "one in ten" is no share: "from 7 to one in ten" would read 7 as 700%
        return "fraction" not in (a.unit, b.unit)
    if a.kind != b.kind:
        return False
    if a.kind == "count":
        return a.unit == b.unit or not a.unit or not b.unit or units.plural(a.unit) == units.plural(b.unit)
    if a.kind == "currency":
        return units.normalize(1.0, a.unit)[1] == units.normalize(1.0, b.unit)[1]
    return True


def _inherit(dst: _Fig, src: _Fig, *, scale: bool = False) -> None:
    """A bare number takes its partner's unit: the "6" in "from 14 weeks to 6"."""
    if dst.kind == "none" and src.kind != "none":
        dst.kind, dst.unit, dst.explicit = src.kind, src.unit, False
        if dst.per is None:
            dst.per = src.per
        if scale and src.scale != 1.0 and dst.scale == 1.0 and isinstance(dst.num, float):
            dst.num *= src.scale
            dst.scale, dst.scale_txt = src.scale, src.scale_txt
        elif dst.kind == "currency":
            dst.scale, dst.scale_txt = 1.0, ""
    elif dst.kind == "count" and not dst.unit and src.kind == "count" and src.unit:
        dst.unit, dst.explicit = src.unit, False


def _round(v: Value) -> Value:
    if isinstance(v, tuple):
        return (round(v[0], 9), round(v[1], 9))
    return round(v, 9)


def _prose(s: str) -> str:
    s = _WS.sub(" ", s.replace("|", ";"))
    if " " in s:
        s = _SPACE_PUNCT.sub(r"\1", s).replace("( ", "(")
    return s.strip(" ;")


def _end_of(year: str | None, month: str | None) -> date | None:
    if not year:
        return None
    y = int(year)
    if month:
        mo = _MONTH_NUM.get(month.lower()[:3])
        if mo:
            return date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, 12, 31)


def read_figures(text: str, *, first_line: int = 1, first_column: int = 1, lead: str = "") -> list[Claim]:
    """All figures in ``text`` (raw Markdown or transcript text), in order of position, claims or
    not (see :mod:`knowledge.claims.claimness`).

    ``line``/``column`` are 1-based in the file that ``text`` comes from: ``text`` starts at
    (``first_line``, ``first_column``), and columns on later lines start at 1. ``end_column`` is
    the column just after the figure (exclusive), as in SARIF.
    """
    if not text:
        return []
    if not _HAS_DIGIT.search(text) and not (_FIGURE_WORDS & set(_ALPHA.findall(text.lower()))) \
            and not _BOUNDED_PERIOD.search(text):
        return []
    ex = _Extractor(text, first_line, first_column)
    figs = ex.scan()
    if not figs:
        return []
    if lead.strip():
        ex.lead_source = _lead_source(lead)
    return ex.claims(ex.pair(figs))


def _lead_source(lead: str) -> Source | None:
    """The last source named in ``lead`` (no line: it belongs to another block)."""
    ex = _Extractor(lead, 1, 1)
    found = ex._sources_in(0, len(ex.clean))
    if not found:
        return None
    _, end, src = max(found, key=lambda x: x[0])
    more = MORE_SOURCES.match(ex.clean, end)
    if more:  # a note that lists several sources: its figures come from one of them
        src = replace(src, title=SOURCE_LIST_SEP.join([src.title, *listed_sources(more.group(0))]))
    return replace(src, line=None)


def footnote_source(text: str, line: int | None = None) -> Source | None:
    """The source a footnote names, or None when it names none ("[^2]: Rounded to the nearest
    percent."): a footnote counts as a source when it dates itself, links somewhere, or names
    an organisation or a work (two capitalised words in a row, or a study, survey, report ...)."""
    text = " ".join(text.split()).strip()
    if not text or not (_FOOTNOTE_EVIDENCE.search(text) or _KIND_WORD.search(text.lower())):
        return None
    dates = list(_SOURCE_DATE.finditer(text))
    when = _end_of(dates[-1].group("yr"), dates[-1].group("mon")) if dates else None
    title = _TRAILING_DATE.sub("", text).strip(" .,;:") or text
    return Source(title=title[:120], date=when, line=line)
