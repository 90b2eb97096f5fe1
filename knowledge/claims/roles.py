"""What part a figure plays in its sentence, read from the grammar around it: a value the reader sets,
a term of a contract or a plan, a rule or a limit a list's lead-in names, a named party's own size
or words, a quoted example, the company's own anecdote.

:mod:`.terms` decides for the whole sentence: any sign of an outcome in it keeps every figure a
claim. That is right for "Pay annually and save 10%; fleets cut fuel costs by 18%", but it misses a
figure whose own clause says what it is while the rest of the sentence speaks of something else
("Glenmorven, which employs 730 people at the height of the season, also reports labour cost
savings": the 730 is the customer's size, the savings are its outcome). The readings here look at
who states the figure and of whom, and at the clause or the lead-in the figure stands in:

- a value the reader sets or a default ("You can change the 48-hour cut-off per site, down to 2
  hours", "default swap cut-off: 48 hrs");
- a term of a contract or a plan ("99.9% monthly uptime in the standard contract; 99.95% on the
  Enterprise plan");
- a bound said in words ("Up to six weeks ahead"), as :mod:`.terms` reads "up to 500 stops";
- an offer against paying by another period ("save 15% compared with paying monthly");
- a window the company keeps for a document ("We acknowledge reports within 2 working days": the
  reports are documents, not people reporting a result);
- the items of a list its lead-in calls rules, limits or rates ("The rules engine knows the main
  limits in each country we serve, for example:");
- a named party's size in a relative clause ("Glenmorven, which employs 730 people");
- what a named person or another organisation said ("Deirdre Lynch explained how the group brought
  agency spend down by 42%", "One Singapore insurer said its average handler now carries 180 open
  claims"): the speaker is the source;
- an example quoted after "such as" ('a repair promise, such as "a trade booked within 48 hours"');
- the company's own anecdote ("Our team spent two days on the stand").

Each reading but another party's words, a quoted example and a party's size still asks that the
sentence (or the clause) shows no sign of an outcome (:func:`.terms.states_an_outcome`), so "You can cut onboarding to 2 weeks" and "On the
Enterprise plan customers cut costs by 30%" stay claims. ``unsourced-claim`` leaves such figures out;
no other rule reads these roles.
"""

from __future__ import annotations

import re

from knowledge.model import Claim

from .quotes import quotation_around
from .terms import _SHARE_OF_MONEY, states_an_outcome

_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
                 r"|fifty|sixty|ninety|a\s+hundred|(?:a\s+)?half)")
_SPAN_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"

# the reader chooses the value: "you can change ... down to 2 hours", "can be set per site", "configurable
# from 1 to 30 days"; a change the reader makes to a setting is no outcome of the product
_SETS = re.compile(
    r"(?i)\b(?:you|admins?|administrators?|managers?|owners?|each\s+\w+)\s+(?:can|may|could)\s+(?:also\s+)?"
    r"(?:set(?!\s+up\b)|change|adjust|configure|customi[sz]e|override|shorten|lengthen|extend|raise|lower)\b"
    r"|\bcan\s+be\s+(?:set|changed|adjusted|configured|customi[sz]ed|overridden|shortened|extended)\b"
    # a default value ("by default", "defaults to", "the default swap cut-off"), not a borrower's "default rate"
    r"|\bconfigurable\b|\bby\s+default\b|\bdefault(?:s|ed)?\s+to\b|\bdefault\s+(?!(?:rates?|risks?|probabilit)\b)[a-z]")
# what the reader does to the setting reads as a change; it is masked before the signs of an outcome
_SETTING_VERBS = re.compile(
    r"(?i)\b(?:change|adjust|shorten|lengthen|extend|raise|lower|down\s+to|up\s+to|as\s+(?:low|high|short|long)\s+as)\b")

# a term the figure holds in a contract or on a plan: "in the standard contract", "on the Enterprise plan"
_CONTRACT = re.compile(
    r"(?i)\b(?:in|under|per)\s+(?:the|our|every|each|your|a)\s+(?:[\w-]+\s+){0,2}?(?:contracts?|agreements?|SLAs?|MSA|DPA)\b"
    r"|\bon\s+(?:the\s+)?(?-i:[A-Z][\w+-]*)(?:\s+(?-i:[A-Z][\w+-]*))?\s+(?:plans?|tiers?|editions?)\b"
    r"|\bcontractual(?:ly)?\b")

# a bound in words: "up to six weeks ahead", "a maximum of thirty days"
_BOUND_IN_WORDS = re.compile(
    rf"(?i)\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s+{_NUMBER_WORDS}(?:[\s-]+{_NUMBER_WORDS})?\s+"
    rf"{_SPAN_UNITS}\b(?!\s+(?:faster|sooner|earlier|less|fewer|shorter|quicker))")

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

# the lead-in of a list that names its items as rules, limits, rates or settings ("The rules engine knows
# the main limits in each country we serve, for example:"), and says nothing of what was seen
_RULES_LEAD_IN = re.compile(
    r"(?i)\b(?:rules?|limits?|regulations?|requirements?|thresholds?|settings?|defaults?|entitlements?|allowances?"
    r"|statutory|legal\s+minimums?|(?:pay|wage|overtime)\s+rates?)\b")
_RESULTS_LEAD_IN = re.compile(r"(?i)\b(?:results?|outcomes?|saw|see|seen|achieved|impact|found|measured)\b")

# a named party described in a relative clause: "Glenmorven, which employs 730 people at the height of the
# season, ...", "Marlow Valley Trust, which runs 14 schools, ..."
_SIZE_CLAUSE = re.compile(
    r"(?:\b[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*|\b(?i:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+),\s+"
    r"(?P<clause>(?i:which|who|that)\s+(?:now\s+|currently\s+|already\s+)?"
    r"(?i:employs|has|have|runs|run|operates|operate|serves|serve|manages|manage|owns|own|covers|cover|spans|span)"
    r"\s+[^,;:()]{1,80})(?=[,;:)]|$)")

# a count a party holds, right after its possessive: "saved £122,000 a year across its 14 schools", "their 300
# stores" (not "our": the company's own count is its claim to make)
_POSSESSED_COUNT = re.compile(r"(?i)\b(?:its|their|his|her)\s+(?:own\s+)?$")

# quoted wordings listed as examples in brackets: '(\"repairer linked to 4 withdrawn claims\", \"policy
# incepted 9 days before loss\")': labels the product shows, not figures the page states
_QUOTED_LIST = re.compile(r"\(\s*[\"“][^\"”()]{1,120}[\"”](?:\s*,\s*[\"“][^\"”()]{1,120}[\"”])+\s*\)")

# a charge set as a share of a sum ("a one-off onboarding fee, usually between 15 and 25% of the first
# year's subscription"): the share is of money, and the sentence names what is charged
_CHARGE = re.compile(r"(?i)\b(?:fees?|charges?|surcharges?|deposits?|commissions?|prices?|priced|premiums?|levy|levies)\b")

# a verb of saying and who said it: a named person ("Deirdre Lynch explained how ..."), or one party of
# another company ("One Singapore insurer said its average handler ...", "Daniel Goh of Straits Meridian
# General said ...")
_SAYS = (r"(?:said|says|told|tells|explained|explains|described|describes|shared|shares|recalled|recalls|noted|notes"
         r"|reported|reports|mentioned|added|estimated|estimates|admitted|walked\s+(?:us|the\s+room|attendees)\s+through)")
_NAME_WORD = r"(?!(?:The|This|That|These|Those|Our|We|Its|Their|One|Another|Most|Many|Some|All|Every|Each)\b)[A-Z][a-z][\w'’-]*"
_SPEAKER = re.compile(
    rf"(?:^|[.:;!?]\s+|\*\*\s*)(?P<who>{_NAME_WORD}(?:\s+[A-Z][\w'’-]*){{1,2}}(?:\s+(?:of|at|from)\s+[A-Z][\w&'’-]*"
    rf"(?:\s+[A-Z][\w&'’-]*){{0,3}})?|(?:One|Another)\s+(?:[\w-]+\s+){{0,3}}?[a-z][\w-]*)\s*,?\s+{_SAYS}\b"
    r"(?:\s+(?:us|me|the\s+room|attendees|the\s+panel))?\s*(?:,\s*)?(?:that|how|why)?\b")

# an example quoted after "such as", "like", "e.g.": a wording offered to the reader, not a figure stated
_QUOTED_EXAMPLE = re.compile(
    r"(?i)\b(?:such\s+as|like|e\.g\.|for\s+example|for\s+instance)\s*[,:]?\s*[\"“‘][^\"”’]*$")

# the company's own team, in the past, spending a span: "Our team spent two days on the stand"
_ANECDOTE = re.compile(
    r"(?i)\b(?:we|our\s+(?:\w+\s+)?(?:team|staff|people|engineers|founders?|crew|stand\s+team))\s+(?:spent|took|ran"
    r"|travelled|traveled|worked|stayed|waited|sat|drove|flew|walked)\s+(?:(?:about|around|nearly|almost|over|just)\s+)?$")


def _at(claim: Claim, sentence: str) -> tuple[int, int]:
    span = " ".join((claim.span or claim.text or "").split())
    at = sentence.find(span) if span else -1
    return (at, at + len(span)) if at >= 0 else (-1, -1)


def role(claim: Claim, lead_in: str | None = None, kb_name: str = "") -> str | None:
    """What part the figure plays that needs no outside source, in words; None for a figure that may
    be an outcome or a statistic of the company's. ``lead_in``: the text that leads into the list the
    figure stands in, if any; ``kb_name``: the company's own name (its people are not another party)."""
    sentence = " ".join((claim.sentence or "").split())
    if not sentence:
        return None
    start, end = _at(claim, sentence)
    if start < 0:
        return None
    before = sentence[:start]
    if _QUOTED_EXAMPLE.search(before) and quotation_around(claim.span or claim.text or "", sentence) is not None:
        return "an example quoted for the reader"
    if any(m.start() < start and end <= m.end() for m in _QUOTED_LIST.finditer(sentence)):
        return "an example quoted for the reader"
    if claim.kind == "count" and claim.pair is None and _POSSESSED_COUNT.search(before) and not (
            re.search(r"(?i)\b(?:we|our|us)\b", before) or kb_name.strip() and kb_name.strip().lower() in before.lower()):
        return "a named party's own size"
    if claim.kind == "duration" and _ANECDOTE.search(before) and not states_an_outcome(claim, sentence):
        return "the company's own anecdote"
    said = _said_by_another(sentence, start, kb_name)
    if said:
        return said
    for m in _SIZE_CLAUSE.finditer(sentence):
        a, b = m.span("clause")
        if a <= start < b and not states_an_outcome(claim, m.group("clause")):
            return "a named party's own size"
    if _SETS.search(sentence) and not states_an_outcome(claim, _SETTING_VERBS.sub(" ", sentence), pair=False):
        return "a value the reader sets"
    if claim.kind == "percent" and _CHARGE.search(sentence) and any(
            m.start() <= end and start < m.end() + 1 for m in _SHARE_OF_MONEY.finditer(sentence)) and not (
            states_an_outcome(claim, _SHARE_OF_MONEY.sub(" ", sentence), pair=False)):
        return "a charge set as a share of a sum"
    # the lead-in says what every item of its list is, whatever words an item uses ("an average of 48
    # hours a week over the reference period" is a statutory limit under "the main limits ...:")
    if lead_in and _RULES_LEAD_IN.search(lead_in) and not _RESULTS_LEAD_IN.search(lead_in) and not (
            states_an_outcome(claim, lead_in, pair=False)):
        return "a rule or a limit its list's lead-in names"
    if states_an_outcome(claim, sentence):
        return None
    # the contract or the plan holds the figure: it is named after it, in its clause ("99.95% on the
    # Enterprise plan"), not before it as whose result it is ("Teams on the Pro plan close in 3 days")
    clause = re.split(r"[;.!?]|,\s", sentence[end:], maxsplit=1)[0]
    if _CONTRACT.search(clause):
        return "a term of a contract or a plan"
    if claim.kind == "duration" and any(m.start() <= start < m.end() or start <= m.start() < end
                                        for m in _BOUND_IN_WORDS.finditer(sentence)):
        return "a limit of the product"
    return None


def offer_against_paying(claim: Claim) -> bool:
    """Whether the figure is an offer's saving against paying by another period ("save 15% compared with
    paying monthly"); the offer's own words are all the sentence says of an outcome."""
    sentence = " ".join((claim.sentence or "").split())
    m = _AGAINST_PAYING.search(sentence)
    if m is None:
        return False
    start, _ = _at(claim, sentence)
    return m.start() <= start < m.end() and not states_an_outcome(claim, sentence[:m.start()] + sentence[m.end():])


def window_for_a_document(claim: Claim) -> bool:
    """Whether the figure is a window in business days for a document the company acts on ("We
    acknowledge reports within 2 working days")."""
    sentence = " ".join((claim.sentence or "").split())
    if claim.kind != "duration" or not _BUSINESS_WINDOW.search(sentence) or not _REPORTS_AS_OBJECT.search(sentence):
        return False
    return not states_an_outcome(claim, _REPORTS_AS_OBJECT.sub(" ", sentence))


# the company's customers or users speaking ("One customer said ...", "Retail Customers report ..."): what the
# company says of its own base, not a third party's own words
_OUR_BASE = re.compile(r"(?i)\b(?:customers?|clients?|users?|members?|subscribers?|teams?|partners?)\b")


def _said_by_another(sentence: str, start: int, kb_name: str) -> str | None:
    """Whether the figure at ``start`` stands after a verb of saying whose speaker is a named person or
    one party of another company, not the company itself (nor "customers" at large, whose outcomes the
    company reports)."""
    own = kb_name.strip().lower()
    for m in _SPEAKER.finditer(sentence):
        if m.end() > start:
            break
        who = m.group("who")
        if own and own in who.lower() or _OUR_BASE.search(who):
            continue  # the company itself, or its customers at large: the company's claim to source
        if re.search(r"(?i)\b(?:we|our|us)\b", sentence[max(0, m.start() - 40):m.start("who")]):
            continue  # "Our CEO, Eoin Gallagher, said": the company speaking
        return "what another party said"
    return None
