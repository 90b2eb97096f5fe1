"""Own terms: whether a figure states the company's own product or terms (a limit, a service
commitment, what a plan includes, a price, a worked example's input) rather than an outcome or a
market statistic.

A reviewer asks for a source behind "customers cut fuel costs by 18%" or "62% of fleets still plan
by hand", not behind "up to 500 stops per route", "our SLA is 99.9%" or "plans start at $29 per
vehicle per month": the company is the authority on its own product and terms, and the place to
check them is the contract or the price list, not a study. ``unsourced-claim`` leaves such figures
out; every other rule still reads them (a draft that misquotes a price or a limit is still held
against the KB).

The decision reads how the sentence is framed, not what it is about: any sign of an outcome (a
change, a comparison, a "before and after", a share of a population, a statistic, a result someone
saw or reached) keeps the figure a claim, whatever else the sentence says; only a sentence with
none of them and a term's framing is the company's own. A hypothetical ("assume 400 drivers",
"worked example: take ...") frames every figure in it, its derived results too.
"""

from __future__ import annotations

import re

from knowledge.model import Claim

from .claimness import _TOKEN
from .claimness import _changes as changes_verb

# A hypothetical: the figures are inputs chosen for the arithmetic, and what follows from them
# ("imagine shipping 3x faster" is not one: it sells an outcome)
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:worked[ -]example|example\s*[:,]\s*(?:take|say|assume|suppose)|assum(?:e|ing)|suppose"
    r"|hypothetically|let['’]s say|say you (?:have|run))\b")

# Signs of an outcome or a market statistic anywhere in the sentence
_OUTCOME = re.compile(
    r"(?i)\b(?:more|less|fewer|faster|slower|sooner|later|longer|shorter|higher|lower|better|worse|cheaper"
    r"|instead of|compared (?:to|with)|than|on average|average|median|typical(?:ly)?|per cent of|percent of"
    r"|achiev(?:e|es|ed|ing)|reach(?:es|ed)?|hit|saw|sees?|seeing|report(?:s|ed)?|recover(?:s|ed)?"
    r"|gain(?:s|ed)?|w[io]ns?|since|now|adds|added|extends|extended)\b|%\s+of\b")

# A change named as a noun ("a 30% reduction", "Payback in under 3 months"); "growth" in lower case only:
# "the Growth plan" is a name
_OUTCOME_NOUN = re.compile(
    r"(?i)\b(?:reductions?|increases?|decreases?|improvements?|(?-i:growth)|savings?|uplift|ROI|payback|returns?)\b")
_NO_MORE = re.compile(r"(?i)\bno (?:more|less|fewer) than\b")

_COMMITMENT = re.compile(
    r"(?i)\b(?:SLAs?|service[ -]level|guarantee[sd]?|commit(?:s|ted|ment)?|service credits?|warrant(?:y|ies|ed))\b")
# what a price is of: a plan, a tier, a licence ("cost" is no sign: "disputes cost UK businesses £11bn")
_PRICE = re.compile(
    r"(?i)\b(?:pric(?:e|es|ed|ing)|plans?|tiers?|licen[cs]es?|subscriptions?|fees?|billed|quoted)\b")
# "up to 10,000 events per second" is how fast the product is, a performance claim that wants a benchmark
_THROUGHPUT = re.compile(r"(?i)\b(?:per|an?|each)\s+(?:second|minute|hour)s?\b|\bin (?:under|less than)\b")
_INCLUDES = re.compile(r"(?i)\b(?:includes?|included|comes? with|bundled)\b")
# "up to 500 stops", "a maximum of 64 sensors": a bound on a count of things, not on a share or a factor
_LIMIT = re.compile(
    r"(?i)\b(?:up to|a maximum of|maximum of|max(?:imum)?|at most|no more than|limit(?:ed)? (?:of|to))\s+"
    r"\d[\d,.]*\s*(?:[kKmM]\b)?\s*(?!%|x\b|per ?cent|times\b)[A-Za-z]")


def _changes(sentence: str) -> bool:
    return changes_verb(_TOKEN.findall(sentence.lower()))


def own_terms(claim: Claim) -> str | None:
    """Why the figure states the company's own product or terms, in words; None when it may be an
    outcome or a market statistic (or when nothing says it is not)."""
    sentence = " ".join((claim.sentence or "").split())
    if not sentence:
        return None
    if _HYPOTHETICAL.search(sentence):
        return "an input of a worked example"
    bare = _NO_MORE.sub(" ", sentence)  # "no more than 20 signers" bounds a limit; it compares nothing
    if (claim.statistic or claim.pair in ("change", "contrast") or _OUTCOME.search(bare)
            or _OUTCOME_NOUN.search(bare) or _changes(bare)):
        return None
    if _COMMITMENT.search(sentence):
        return "a service commitment"
    if claim.kind == "currency" and _PRICE.search(sentence):
        return "a price"
    if _INCLUDES.search(sentence):
        return "what a plan includes"
    if _LIMIT.search(sentence) and not _THROUGHPUT.search(sentence):
        return "a limit of the product"
    return None
