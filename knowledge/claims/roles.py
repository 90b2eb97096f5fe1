"""What part a figure plays in its sentence, read from the grammar around it, where that part needs no
outside source: an offer against paying by another period, a window the company keeps for a document,
an example quoted for the reader, a named third party's own size, a charge set as a share of a sum.

:mod:`.terms` decides for the whole sentence: any sign of an outcome in it keeps every figure a
claim. That misses a figure whose own clause says what it is while the rest of the sentence speaks of
something else (a customer's head count in a relative clause beside the savings it reports). The
readings here look at the clause the figure stands in:

- an offer against paying by another period ("save 15% compared with paying monthly");
- a window the company keeps for a document ("We acknowledge reports within 2 working days": the
  reports are documents, not people reporting a result);
- an example quoted after "such as" ('a repair promise, such as "a call back within 24 hours"'), or a
  list of quoted wordings in brackets;
- a named third party's size in a relative clause or after its possessive ("Northgate Haulage, which
  employs 1,200 drivers, ..."), never the company's own ("Acme, which serves 10,000 customers", "the
  platform and its 12,000 customers": the company's size is its claim to make);
- a charge set as a share of a sum ("a fee of 15 to 25% of the first year's subscription").

Each reading still asks that the words it reads show no sign of an outcome
(:func:`.terms.states_an_outcome`). A reading that lets the rest of a sentence (who speaks, a setting, a
plan, a list's lead-in, a bound in words) stand for the figure's own part hides ordinary outcome claims
("Administrators can lower ticket volume by 40%", "One retailer told us it cut returns by 25%") and has
no place here. ``unsourced-claim`` leaves such figures out; no other rule reads these roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.model import Claim

from .quotes import quotation_around
from .terms import SHARE_OF_MONEY, states_an_outcome

# an offer against paying by another period: "save 15% compared with paying monthly"
_AGAINST_PAYING = re.compile(
    r"(?i)\b(?:save|saves|saving|off|discount)\b[^.;!?]{0,60}?\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+"
    r"(?:paying|billing|billed|paid)\s+(?:monthly|annually|yearly|quarterly|by\s+the\s+month|month\s+to\s+month)\b")

# "reports" as a document the company acts on: after a verb that takes it as its object ("acknowledge
# reports within 2 working days", "triage reports"), or before a preposition; people who "report" a result
# put a clause or a figure after the verb ("62% report fewer errors")
_REPORTS_AS_OBJECT = re.compile(
    r"(?i)\b(?:acknowledge[sd]?|triage[sd]?|answer(?:s|ed)?|review(?:s|ed)?|handle[sd]?|investigate[sd]?|receive[sd]?"
    r"|log(?:s|ged)?|process(?:es|ed)?|submit(?:s|ted)?|file[sd]?)\s+(?:all\s+|every\s+|new\s+|security\s+)?reports?\b"
    r"|\breports?\s+(?=within\b|of\s+(?:a|an|the)\b)")
_BUSINESS_WINDOW = re.compile(r"(?i)\bwithin\s+\S+\s+(?:business|working)\s+(?:days?|hours?)\b")

# a party described in a relative clause by its name: "Northgate Haulage, which employs 1,200 drivers, ...",
# "The Riverside Trust, which runs 23 schools, ..." (whose name it is, :func:`_names_a_third_party` reads)
_SIZE_CLAUSE = re.compile(
    r"(?P<who>(?:\b(?i:the)\s+)?\b[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*),\s+"
    r"(?P<clause>(?i:which|who|that)\s+(?:now\s+|currently\s+|already\s+)?"
    r"(?i:employs|has|have|runs|run|operates|operate|serves|serve|manages|manage|owns|own|covers|cover|spans|span)"
    r"\s+[^,;:()]{1,80})(?=[,;:)]|$)")

# a count a party holds, right after its possessive: "saved £122,000 a year across its 14 schools", "their 300
# stores" (not "our": the company's own count is its claim to make)
_POSSESSED_COUNT = re.compile(r"(?i)\b(?:its|their|his|her)\s+(?:own\s+)?$")

# the company speaking of itself, or named as a thing ("the platform and its 12,000 customers"); "us" in
# lower case only ("the US" is a country)
_ITSELF = re.compile(
    r"\b(?i:we|our|the\s+(?:company|platform|product|business|firm|service|software|app|tool|system|vendor))\b|\bus\b")
# a capitalised word that only opens a sentence or points back, not a name
_NOT_A_NAME = re.compile(
    r"(?:The|This|That|These|Those|Our|We|Its|Their|It|They|He|She|I|One|Another|Most|Many|Some|All|Every|Each"
    r"|Across|In|On|At|By|For|From|With|After|Before|Since|When|While|If|As|And|But|So|Today|Now|Then)")
# parties at large, which open a sentence in capitals as a name does ("Customers, who run 300 stores, ...")
_PARTIES = re.compile(
    r"(?i)(?:customers|clients|users|members|teams|partners|companies|businesses|firms|organi[sz]ations|agencies"
    r"|brands|retailers|stores|schools|hospitals|banks|practices|clinics|groups|people|others)")
_CAPITALISED = re.compile(r"\b[A-Z][\w&'’.-]*")


# quoted wordings listed as examples in brackets ('alerts such as ("order 3 days late", "stock below 10
# units")'): labels the product shows, not figures the page states
_QUOTED_LIST = re.compile(r"\(\s*[\"“][^\"”()]{1,120}[\"”](?:\s*,\s*[\"“][^\"”()]{1,120}[\"”])+\s*\)")

# a charge set as a share of a sum ("a one-off onboarding fee, usually between 15 and 25% of the first
# year's subscription"): the share is of money, and the sentence names what is charged
_CHARGE = re.compile(r"(?i)\b(?:fees?|charges?|surcharges?|deposits?|commissions?|prices?|priced|premiums?|levy|levies)\b")

# an example quoted after "such as", "like", "e.g.": a wording offered to the reader, not a figure stated
# (the figure stands after the opening quote, before the quotation closes)
_EXAMPLE_QUOTE = re.compile(r"(?i)\b(?:such\s+as|like|e\.g\.|for\s+example|for\s+instance)\s*[,:]?\s*[\"“‘]")
_CLOSING_QUOTE = re.compile(r"[\"”’]")


@dataclass(frozen=True)
class _Sentence:
    """What the readings need of one sentence, read once for all its figures (a sentence may hold
    thousands of figures: each figure then costs only the look-ups at its own place)."""

    text: str  # white space folded
    examples: tuple[tuple[int, int], ...]  # an example's opening quote and where the quotation closes
    quoted_lists: tuple[tuple[int, int], ...]
    size_clauses: tuple[re.Match[str], ...]
    shares: tuple[tuple[int, int], ...]  # shares of money, where the sentence names a charge
    against_paying: tuple[int, int] | None


@lru_cache(maxsize=16)
def _read(raw: str) -> _Sentence:
    text = " ".join(raw.split())
    examples = []
    for m in _EXAMPLE_QUOTE.finditer(text):
        close = _CLOSING_QUOTE.search(text, m.end())
        examples.append((m.end() - 1, close.start() if close else len(text)))
    paying = _AGAINST_PAYING.search(text)
    return _Sentence(
        text, tuple(examples), tuple(m.span() for m in _QUOTED_LIST.finditer(text)), tuple(_SIZE_CLAUSE.finditer(text)),
        tuple(m.span() for m in SHARE_OF_MONEY.finditer(text)) if _CHARGE.search(text) else (),
        paying.span() if paying else None)


def _at(claim: Claim, sentence: str) -> tuple[int, int]:
    span = " ".join((claim.span or claim.text or "").split())
    at = sentence.find(span) if span else -1
    return (at, at + len(span)) if at >= 0 else (-1, -1)


def role(claim: Claim, kb_name: str = "") -> str | None:
    """What part the figure plays that needs no outside source, in words; None for a figure that may
    be an outcome or a statistic of the company's. ``kb_name``: the company's own name (a party that is
    the company itself states its own claims)."""
    read = _read(claim.sentence or "")
    sentence = read.text
    if not sentence:
        return None
    start, end = _at(claim, sentence)
    if start < 0:
        return None
    if any(q < start <= c for q, c in read.examples) and quotation_around(
            claim.span or claim.text or "", sentence) is not None:
        return "an example quoted for the reader"
    if any(a < start and end <= b for a, b in read.quoted_lists):
        return "an example quoted for the reader"
    if claim.kind == "count" and claim.pair is None and _POSSESSED_COUNT.search(sentence, max(0, start - 40), start) and (
            _names_a_third_party(sentence[:start], kb_name)):
        return "a named party's own size"
    for m in read.size_clauses:
        a, b = m.span("clause")
        if a <= start < b and _names_a_third_party(m.group("who"), kb_name, named=True) and not (
                states_an_outcome(claim, m.group("clause"))):
            return "a named party's own size"
    if claim.kind == "percent" and any(a <= end and start < b + 1 for a, b in read.shares) and not (
            states_an_outcome(claim, SHARE_OF_MONEY.sub(" ", sentence), pair=False)):
        return "a charge set as a share of a sum"
    return None


def _names_a_third_party(text: str, kb_name: str, *, named: bool = False) -> bool:
    """Whether ``text`` names a party that is not the company itself: a capitalised word inside the text,
    or two that open it ("Northgate Haulage"; one word that opens a sentence may be any word, unless
    ``named``: the text is the party's name, as before a relative clause), neither the KB's own name nor
    the company speaking of or naming itself ("we", "our", "the platform")."""
    own = kb_name.strip().lower()
    if _ITSELF.search(text) or own and own in text.lower():
        return False
    words = [m for m in _CAPITALISED.finditer(text) if not _NOT_A_NAME.fullmatch(m.group())]
    if named:
        return any(not _PARTIES.fullmatch(m.group()) for m in words)
    return any(m.start() > 0 or len(words) > 1 and words[1].start() <= m.end() + 1 for m in words)


def needs_no_source(claim: Claim, kb_name: str = "") -> str | None:
    """Why a figure that reads as a claim needs no outside source for the part it plays, in words (an
    offer against paying by another period, a window for a document, a quoted example, a named party's
    own size, a charge set as a share of a sum); None where it may be an outcome."""
    if offer_against_paying(claim):
        return "an offer"
    if window_for_a_document(claim):
        return "a window in business days"
    return role(claim, kb_name)


def offer_against_paying(claim: Claim) -> bool:
    """Whether the figure is an offer's saving against paying by another period ("save 15% compared with
    paying monthly"); the offer's own words are all the sentence says of an outcome."""
    read = _read(claim.sentence or "")
    if read.against_paying is None:
        return False
    sentence, (a, b) = read.text, read.against_paying
    start, _ = _at(claim, sentence)
    return a <= start < b and not states_an_outcome(claim, sentence[:a] + sentence[b:])


def window_for_a_document(claim: Claim) -> bool:
    """Whether the figure is a window in business days for a document the company acts on ("We
    acknowledge reports within 2 working days")."""
    if claim.kind != "duration":
        return False
    sentence = _read(claim.sentence or "").text
    if not _BUSINESS_WINDOW.search(sentence) or not _REPORTS_AS_OBJECT.search(sentence):
        return False
    return not states_an_outcome(claim, _REPORTS_AS_OBJECT.sub(" ", sentence))
