"""Sources named in prose: "(ZoomInfo, 2025)", "according to a 2019 survey by LeanData", "an independent
Hackett Group study found"."""

from __future__ import annotations

import re

from knowledge.text import lexicon

from .protect import _MONTHS

# Sources named in prose
# a name hard-wrapped over two lines of a paragraph ("the 2025 Fenwright Analytics Insurance Fraud\nReview") is
# one name: a line break inside a paragraph is a space (a blank line, a list marker or a table bar is not)
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?=\w))"
# (a name runs to nine words at most: unbounded, a long line of capitalised words is read in quadratic time)
_ORG = rf"(?:[A-Z][\w&.'’-]*|\d{{4}})(?:{_GAP}(?:(?:of|for|&|and|on)[ \t]+)?(?:[A-Z][\w&.'’-]*|\d{{4}})){{0,8}}"
_KIND = (
    r"(?:[Ss]tudy|[Ss]urvey|[Rr]eport|[Rr]esearch|[Aa]nalysis|[Bb]enchmark(?:ing)?|InfoBrief|[Ii]ndex|[Pp]oll"
    r"|[Cc]ensus|[Ww]hite[ \t]?[Pp]aper|[Pp]aper|[Dd]ata|[Ff]indings|[Ee]stimates?|[Rr]eview|[Aa]udit)"
)
_REPORT_VERB = (r"(?:found|finds|shows?|showed|says|said|reports?|reported|estimates?|estimated|reveal(?:s|ed)?|puts?|conclude[sd]?|suggest(?:s|ed)?|predicts?|predicted|forecasts?|forecasted|projected|notes?|noted|surveyed"
                r"|reckon(?:s|ed)?|calculated|calculates)")
_KIND_WORD = re.compile(
    r"stud|survey|report|research|analys|benchmark|infobrief|index|poll|census|paper|data|finding|estimate|review|audit"
)
_REPORT_VERB_WORD = re.compile(
    r"found|finds|show|says|said|report|estimat|reveal|puts|put |conclude|suggest|predict|forecast|projected|note|surveyed"
    r"|reckon|calculate"
)
# a citation hard-wrapped over two lines of a paragraph ("(Lawrence\nEnergy Institute, 2025)") is one
_SRC_PAREN = re.compile(
    rf"\((?P<who>[A-Z](?:[^()\n,;]|\n(?![ \t]*\n)){{1,60}}?),?(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?P<mon>{_MONTHS})\.?[ \t]+)?(?P<yr>(?:19|20)\d{{2}})\)"
)
# the words that lead to a name may be hard-wrapped too ("according to\nPartsLink Exchange's survey"): _GAP
_SRC_ACCORDING = re.compile(
    rf"\b(?:[Aa]ccording{_GAP}to|[Aa]s{_GAP}per|[Ss]ource:|[Cc]iting){_GAP}(?:(?:an?|the){_GAP})?(?:(?P<yr>(?:19|20)\d{{2}}){_GAP})?"
    rf"(?:[a-z]+{_GAP})?(?:(?P<kind>{_KIND}){_GAP}(?:by|from|of|conducted{_GAP}by|commissioned{_GAP}by){_GAP})?(?P<who>{_ORG})"
)
_SRC_ORG_KIND = re.compile(
    rf"(?P<who>{_ORG})(?:'s|’s)?{_GAP}(?:(?P<yr>(?:19|20)\d{{2}})[ \t]+)?(?P<kind>(?:(?<=\d[ \t])[a-z]+[ \t]+)?{_KIND})\b"
)
_SRC_KIND_BY = re.compile(
    rf"\b(?P<kind>{_KIND}){_GAP}(?:(?:conducted|commissioned|published|released|run){_GAP})?(?:by|from){_GAP}"
    rf"(?P<the>the{_GAP})?(?P<who>{_ORG})"
)
_SRC_ORG_VERB = re.compile(rf"(?P<who>{_ORG})[ \t]+{_REPORT_VERB}\b")
_SRC_LEAD = re.compile(
    r"(?:\b(?:[Ii]n|[Pp]er|[Aa]s[ \t]+per|[Ff]rom|[Bb]ased[ \t]+on|[Bb]y|[Ss]ource:?)[ \t]+(?:(?:the|an?|its|their|[A-Z]\w+'s)[ \t]+)?(?:[a-z]+[ \t]+)?)$"
)
_SRC_VERB_AFTER = re.compile(rf"[ \t]+(?:\w+[ \t]+){{0,2}}{_REPORT_VERB}\b")
_ORG_SUFFIX = re.compile(
    r"\b(?:Group|Research|Institute|Associates|Partners|Consulting|University|Inc|LLC|Ltd|Corp|Corporation"
    r"|Council|Association|Bureau|Foundation|Labs|Analytics|Insights|Intelligence|Advisory|Economics"
    r"|Survey|Poll|Agency|Office|Department|Bank|Forum|Society|Commission)\b"
)
# Research firms that are named without a suffix such as "Group" or "Research"
_ANALYSTS = lexicon("analysts")
_DETERMINERS = re.compile(r"^(?:(?:The|A|An|In|Our|This|That|These|Those|Its|Their|Per|By|From|According|To|As)\b[ \t]*)+")
_SOURCE_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MONTHS})\.?,?[ \t]+(?:of[ \t]+)?)?(?P<yr>(?:19|20)\d{{2}})\b"
)
# A report named as a title at the start of a line, with its year: "2020 Global Developer Report: ..."
_SRC_TITLE = re.compile(
    rf"(?:^|(?<=\n)|(?<=\x00))[ \t\x00]*(?P<who>(?:(?:19|20)\d{{2}}[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){{0,5}})"
    rf"[ \t]+(?P<kind>{_KIND})\b(?:[ \t]+(?:19|20)\d{{2}})?(?=[ \t\x00]*(?::|\n|$|\x00))"
)
# "Hanover interviewed 40 buyers": a study introduced before what it found
# "Pellham Research ran a survey of 300 practices", "Kinross released its 2025 recall report",
# "we commissioned Kinross Health Economics to study recall": a study introduced before what it found
_SRC_RAN = re.compile(
    rf"(?P<who>{_ORG})[ \t]+(?:ran|runs|conducted|conducts|carried[ \t]+out|published|publishes|released|releases"
    rf"|fielded|commissioned)[ \t]+(?:(?:a|an|its|their|the|this|that)[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}?(?P<kind>{_KIND})\b"
    rf"|\b(?:commissioned|asked|hired|engaged)[ \t]+(?P<who2>{_ORG})[ \t]+to[ \t]+(?:study|survey|research|analy[sz]e"
    rf"|measure|interview|poll|review|audit)\b"
)
_SRC_STUDIED = re.compile(
    rf"(?P<who>{_ORG})[ \t]+(?:interview(?:s|ed)|survey(?:s|ed)|poll(?:s|ed)|studied|asked|analy[sz]ed|tracked)\b"
)

# A heading or a lead-in that says what a named study or firm found: "What Brightfold found",
# "Key findings from the Harcourt survey", "Harcourt's findings". A generic subject ("What customers
# found", "What Our Teams Learned") names no source.
_GENERIC_SUBJECT = re.compile(
    r"(?i)^(?:customers?|clients?|users?|teams?|people|partners?|buyers?|members?|companies|businesses|employers"
    r"|leaders?|readers?|students?|patients?|we|us|they|you|everyone|others|ours?|it|this|that)$")
_SRC_FOUND = re.compile(
    rf"\b(?:[Ww]hat|[Hh]ere['’]s[ \t]+what)[ \t]+(?:the[ \t]+)?(?P<who>{_ORG})[ \t]+(?:found|finds|discovered|learned|learnt"
    rf"|measured|reported|concluded|calculated|estimated|modelled|modeled)\b"
    rf"|\b(?:[Kk]ey[ \t]+)?[Ff]indings[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?(?P<who2>{_ORG})"
    rf"|(?P<who3>{_ORG})['’]s[ \t]+(?:key[ \t]+|main[ \t]+)?findings\b")
# A rating with the site that gives it: "rated 4.6 out of 5 on Glassdoor", "4.8 stars on G2", "4.7/5
# from 1,200 reviews on Capterra": the site is the rating's source (and what the rating is scoped to)
RATING = re.compile(
    r"\d(?:[.,]\d{1,2})?[ \t]*(?:/[ \t]*(?:5|10)\b|out[ \t]+of[ \t]+(?:5|five|10|ten)\b|stars?\b)"
    r"(?:[ \t]+[\w,()-]+){0,4}?[ \t]+(?:on|in|at|from)[ \t]+(?:the[ \t]+)?"
    r"(?P<who>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,2})")
# a date where a rating's site would be ("rated 9 out of 10 in June"): when, not where
_MONTH_WORD = re.compile(rf"(?:{_MONTHS}|Q[1-4]|H[12]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")


def rating_site(text: str, at: int, start: int = 0, end: int | None = None) -> tuple[str, int] | None:
    """The site that gives the rating a figure at ``at`` is part of ("rated 4.6 out of 5 on
    Glassdoor": "Glassdoor"), with where its name starts in ``text``; None when the figure is no
    rating, or the words after it name a date or nothing. Only ``text[start:end]`` is read."""
    for m in RATING.finditer(text, start, len(text) if end is None else end):
        if m.start() > at:
            break
        if at < m.start("who"):
            who = _DETERMINERS.sub("", m.group("who")).strip(" .,'’")
            if who and not _MONTH_WORD.match(who) and who.lower() not in _NOT_A_NAME:
                return who, m.start("who")
            return None  # matches do not overlap: no later one holds the figure
    return None


# A source is named by a name. A word capitalised only because it opens a heading or a sentence
# names nobody: a function or question word ("What", "How"), an adverb ("## Frequently asked" is
# no firm that asked, "Typically surveyed ..."): the stem of an adverb is five letters or more, so
# that names such as Kelly or Daly stay names.
_NOT_A_NAME = lexicon("stop_words")
_ADVERB = re.compile(r"[A-Za-z]{5,}ly")


def names_someone(who: str) -> bool:
    """Whether ``who``, read where a source's name goes, names someone (not only function words,
    question words and adverbs)."""
    words = who.split()
    return bool(words) and not all(w.lower() in _NOT_A_NAME or _ADVERB.fullmatch(w) for w in words)


# A note that names several sources, one after another ("Source: Annual Customer Benchmark 2026;
# Support Desk Report 2026; Onboarding Time Study 2026."): the rest of the list after the first
# name, to the end of its line. The figures it sources come from one of them, which the note does
# not say; the list is kept whole, its names joined by SOURCE_LIST_SEP.
MORE_SOURCES = re.compile(r"(?:[ \t]*;[ \t]*(?:and[ \t]+)?[A-Z][^;\n]{2,100}?)+(?=[ \t]*[.;]?[ \t]*(?:\n|$))")
SOURCE_LIST_SEP = "; "


def listed_sources(title: str) -> list[str]:
    """The names a source title lists: one, or several for a note that names several sources."""
    names = [" ".join(t.split()).strip(" .") for t in title.split(";")]
    names = [re.sub(r"^and\s+", "", n) for n in names if n]
    return names or [title]


def found_by(m: re.Match[str]) -> str | None:
    """Who a match of ``_SRC_FOUND`` names, unless it is a generic subject."""
    who = m.group("who") or m.group("who2") or m.group("who3") or ""
    who = _DETERMINERS.sub("", who).strip()
    if not who or all(_GENERIC_SUBJECT.match(w) for w in who.split()):
        return None
    return who


# Footnotes: "... costs £120 on average.[^1]" with "[^1]: Association of ..., The Cost of ..., 2025."
FOOTNOTE_MARK = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
FOOTNOTE_DEF = re.compile(r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<text>\S[^\n]*)$", re.M)
_FOOTNOTE_EVIDENCE = re.compile(r"(?:19|20)\d{2}\b|https?://|\b[A-Z][\w&'’-]+[ \t]+[A-Z]")
_TRAILING_DATE = re.compile(rf"[,.;: \t]*(?:(?:{_MONTHS})\.?[ \t]+)?(?:19|20)\d{{2}}[.) \t]*$")

