"""Own terms: whether a figure states the company's own product or terms (a limit, a service
commitment, what a plan includes, a price, a worked example's input, a commercial term offered to
partners, a benefit given to staff, the make-up of its own team) rather than an outcome or a market
statistic; or whether the text only mentions a figure as a phrase not to use.

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
# A worked result: a generic subject given its size, then what the arithmetic comes to ("For a
# carrier paying out €400 million a year, that's €16 million", "For a clinic with 3 vets, that
# comes to ..."). A named customer ("For Lionsgate, ...") is a result, not arithmetic.
_WORKED_RESULT = re.compile(
    r"(?i)^(?:so,?\s+)?for\s+(?:a|an|one|any)\s+(?:[^,.;:]|(?<=\d)[,.](?=\d)){2,80}?\d(?:[^,.;:]|(?<=\d)[,.](?=\d)){0,60},\s*"
    r"(?:that['’]s|that\s+is|this\s+is|it['’]s|that\s+(?:comes|adds|works)\s+(?:to|out)|you['’]d|you\s+would"
    r"|the\s+(?:gap|difference|cost|saving|total|bill)\s+(?:is|comes\s+to|would\s+be))\b")
# A figure the text tells writers not to use ('Do not say "onboard up to 70% faster"'): mentioned,
# not stated. Only a figure inside the quotation marks is mentioned.
_DO_NOT_SAY = re.compile(
    r"(?i)\b(?:do\s+not|don['’]t|never|avoid|stop|no\s+longer)\s+(?:say(?:ing)?|us(?:e|ing)|claim(?:ing)?"
    r"|writ(?:e|ing)|quot(?:e|ing)|promis(?:e|ing)|stat(?:e|ing))\b")
_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,200})[\"“”]")

# Signs of an outcome or a market statistic anywhere in the sentence
_OUTCOME = re.compile(
    r"(?i)\b(?:more|less|fewer|faster|slower|sooner|later|longer|shorter|higher|lower|better|worse|cheaper"
    r"|instead of|compared (?:to|with)|than|on average|average|median|typical(?:ly)?|per cent of|percent of"
    r"|achiev(?:e|es|ed|ing)|reach(?:es|ed)?|hit|saw|sees?|seeing|report(?:s|ed)?|recover(?:s|ed)?"
    r"|gain(?:s|ed)?|w[io]ns?|since|now|adds|added|extends|extended)\b|%\s+of\b")

# A change named as a noun ("a 30% reduction", "Payback in under 3 months"); "growth" in lower case only:
# "the Growth plan" is a name
_OUTCOME_NOUN = re.compile(
    r"(?i)\b(?:reductions?|increases?|decreases?|improvements?|(?-i:growth)|savings?|uplift|ROI|payback|returns?\s+(?:on|of)\b)\b")
_NO_MORE = re.compile(r"(?i)\bno (?:more|less|fewer) than\b")

_COMMITMENT = re.compile(
    r"(?i)\b(?:SLAs?|service[ -]level|guarantee[sd]?|commit(?:s|ted|ment)?|service credits?|warrant(?:y|ies|ed))\b"
    # a window the company holds itself to, often one a law sets: "we notify affected customers within
    # 72 hours", "refunds are issued within 14 days", "as GDPR requires"
    r"|\b(?:we|we['’]ll|we\s+will|you['’]ll\s+hear)\s+(?:\w+\s+){0,2}?(?:notify|inform|tell|alert|respond|reply"
    r"|acknowledge|refund|credit|replace|repair|contact|call)\b[^.;]{0,80}\bwithin\b"
    r"|\b(?:notif(?:y|ies|ied)|acknowledg(?:e|es|ed)|respond(?:s|ed)?|repl(?:y|ies)|patch(?:es|ed)?|restor(?:e|es|ed)"
    r"|refund(?:s|ed)?)\b[^.;]{0,80}\bwithin\b"
    r"|\b(?:notification|(?:first\s+)?response|acknowledg(?:e)?ment|resolution|refund|replacement)\s+(?:time\s+)?within\b"
    r"|\b(?:refunds?|credits?|replacements?|notifications?|notices?)\s+(?:are|is)\s+(?:issued|sent|given|made|paid)"
    r"\s+within\b|\bas\s+(?:the\s+)?[A-Z][\w-]+\s+(?:requires|demands)\b|\b(?:required|mandated)\s+by\s+(?:law|the\s+)")
# What the company pays or offers its partners, referrers and researchers: a revenue share, a
# commission, a referral fee, a bounty's rewards
_COMMERCIAL = re.compile(
    r"(?i)\b(?:revenue[ -]share|rev[ -]share|commissions?|referral\s+(?:fees?|bonus(?:es)?|rewards?)|finder['’]?s\s+fees?"
    r"|rebates?|discounts?|margins?\s+of|bug\s+bount(?:y|ies)|bount(?:y|ies)"
    r"|margins?|(?:for\s+every|per|each)\s+referral|rewards?\s+(?:of|from|up\s+to)|payouts?\s+(?:of|from|up\s+to)"
    r"|earns?\s+(?:(?:up\s+to|an?|extra|one[- ]time)\s+){0,3}\S+\s+(?:of|on|per|for\s+every))\b|%\s+off\b")
# "20% of every client subscription": a share of money paid over, not a share of a population
_SHARE_OF_MONEY = re.compile(
    r"(?i)%\s+of\s+(?:every|each|any)\b|%\s+of\s+(?:(?:all|the|their|your|its|first[- ]year)\s+)*(?:\w+\s+)?"
    r"(?:subscriptions?|sales?|revenue|deals?|invoices?|orders?|fees?|contracts?|bookings?|payments?|spend|ARR|MRR"
    r"|licen[cs]es?|renewals?|commissions?|plans?|bills?|premiums?|transactions?|purchases?|salary|salaries|pay)\b")
# A job's working hours: "remote within 3 hours of Toronto time", "overlap 4 hours with UTC"
_TIME_ZONE = re.compile(
    r"(?i)\b(?:within|overlap(?:ping)?|±|\+/-)\s+\S+\s+hours?\s+(?:of|with)\s+(?:[A-Z][\w-]*\s+)*(?:time|time\s*zone"
    r"|(?-i:UTC|GMT|CET|[A-Z]{2,4}T))\b")
# What the company gives its own staff
_BENEFIT = re.compile(
    r"(?i)\b(?:pensions?|401\s?\(?k\)?|retirement\s+(?:plan|match|contributions?)|annual\s+leave|paid\s+leave|parental\s+leave"
    r"|(?:days?|weeks?)['’]?\s+(?:of\s+)?(?:paid\s+)?(?:holiday|vacation|PTO|time\s+off)"
    r"|maternity|paternity|sabbaticals?|(?:learning|training|education|wellness|home[- ]office|equipment)\s+(?:budget|stipend|allowance)"
    r"|stipends?|allowances?|share\s+options|stock\s+options|equity\s+for|days\s+off"
    r"|(?:health|dental|vision|medical|life)\s+(?:insurance|cover(?:age)?|premiums?|plans?)|premiums?\s+(?:are\s+)?covered"
    r"|(?:we|employer)\s+match(?:es)?|matched\s+(?:up\s+to|at))\b")
# The company's own team: "a third of us work remote", "40% of our engineers are women"
_OWN_TEAM = re.compile(
    r"(?i)\bof\s+us\b|\bof\s+our\s+(?:\w+\s+)?(?:team|staff|people|employees|engineers|workforce|colleagues|hires|managers"
    r"|leadership|board)\b")
_SHARE_OF_US = re.compile(r"(?i)%\s+of\s+(?:us|our)\b")
# What people think is a survey's finding, not a make-up: "92% of our people would recommend us"
_OPINION = re.compile(
    r"(?i)\b(?:say|says|said|agree[sd]?|recommend\w*|rate[sd]?|rating|feel|felt|believe[sd]?|satisfied|happy|proud"
    r"|engaged|trust|prefer(?:s|red)?|would)\b")
# A share of those just counted, as a subject's make-up: "85 people, about half of them part-time"
_SHARE_OF_THEM = re.compile(
    r"(?i)\b(?:half|a\s+third|a\s+quarter|two[ -]thirds|three[ -]quarters|most|many|some|\d+(?:\.\d+)?\s*%)\s+of\s+them\b")

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


def _mentioned_not_used(claim: Claim, sentence: str) -> bool:
    """Whether the figure stands inside a quotation the sentence tells writers not to use."""
    if not _DO_NOT_SAY.search(sentence):
        return False
    span = " ".join((claim.span or claim.text or "").split())
    return bool(span) and any(span in m.group(1) for m in _QUOTED.finditer(sentence))


def own_terms(claim: Claim) -> str | None:
    """Why the figure states the company's own product or terms, in words; None when it may be an
    outcome or a market statistic (or when nothing says it is not)."""
    sentence = " ".join((claim.sentence or "").split())
    if not sentence:
        return None
    if _mentioned_not_used(claim, sentence):
        return "a phrase quoted as one not to use"
    if _HYPOTHETICAL.search(sentence):
        return "an input of a worked example"
    if _WORKED_RESULT.search(sentence):
        return "a worked example's arithmetic"
    bare = _NO_MORE.sub(" ", sentence)  # "no more than 20 signers" bounds a limit; it compares nothing
    commercial = _COMMERCIAL.search(bare)
    if commercial or _BENEFIT.search(bare):
        bare = _SHARE_OF_MONEY.sub(" ", bare)  # "20% of every client subscription" shares money, not a population
    if _OWN_TEAM.search(bare):
        bare = _SHARE_OF_US.sub(" ", bare)  # "40% of our site managers": the company's own people
    # "rewards from US$100 to US$5,000": a commercial term's from-to is a range, not a change
    pair_changes = claim.pair == "contrast" or claim.pair == "change" and not commercial
    if (claim.statistic or pair_changes or _OUTCOME.search(bare)
            or _OUTCOME_NOUN.search(bare) or _changes(bare)):
        return None
    if _TIME_ZONE.search(sentence):
        return "a working-hours requirement"
    if _COMMITMENT.search(sentence):
        return "a service commitment"
    if commercial:
        return "a commercial term"
    if _BENEFIT.search(sentence):
        return "a benefit the company gives its staff"
    if (_OWN_TEAM.search(sentence) or _SHARE_OF_THEM.search(sentence)) and not _OPINION.search(sentence):
        return "the make-up of the company or of those just counted"
    if claim.kind == "currency" and _PRICE.search(sentence):
        return "a price"
    if _INCLUDES.search(sentence):
        return "what a plan includes"
    if _LIMIT.search(sentence) and not _THROUGHPUT.search(sentence):
        return "a limit of the product"
    return None
