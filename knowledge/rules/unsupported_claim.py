"""``unsupported-claim``: a draft or a call states a figure that no approved entry backs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.claims.claimness import claim_as_said, load_calls_drafts
from knowledge.claims.terms import computed, own_terms
from knowledge.figures import Resolution, quoted, where
from knowledge.model import Claim, Finding
from knowledge.phrases import COMES_TO, HEDGE, OUR_SIDE, READERS_WORDS, SAID_AGAIN, THAT_IS

from .base import AuditContext, Draft, Rule


class UnsupportedClaim(Rule):
    """A draft, or an internal speaker on a call, states a figure that no approved entry backs.

    Anti-pattern (nothing in the KB states an uptime or a payment volume)::

        We run at 99.95% uptime.
        More than $40 billion in payments processed through the platform.

    Fix: add the figure to an approved entry, with its source (register it as a metric if it will
    be quoted often), or take it out. A figure is backed when an approved entry states the same
    measure with a value that agrees (rounding, ranges and other units allowed). Figures stated
    only in draft or retired entries back nothing.

    Not reported, because they claim no outcome: figures that are no claims (claim-ness: a time span, a
    term, a label ...), arithmetic shown to the reader ("400 × £1.10 = £440 a year"), and money stated
    as the company's own terms ("€24 per vet per month, with a discount above 20 vets"), which the KB's
    price list backs or contradicts where it states one. Nor figures read by their shape and by who says
    what of whom, where no word of change or gain stands in the figure's clause (:func:`no_outcome`): a
    price per thing and period said in words ("four pounds seventy-five per active employee per month"),
    an offer ("20% off until 30 November"), two sizes compared ("about three times the size"), the
    reader's own figures said back in the clause that says so ("You mentioned 40% of your shifts are
    filled by agency staff"), a date in the calendar ("starts in about 10 weeks"), where a level starts
    ("Most carriers start at €1,500"), a count of what someone else has ("across their 16 venues"), an
    amount worked out on the reader's figures ("On your summer numbers that's around £1,330 a month")
    and how an act is done ("Staggering them by 10 minutes each costs nothing").
    """

    id = "unsupported-claim"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.calls:
            return
        for resolutions in ctx.figures.calls().values():
            for r, before in zip(resolutions, [None, *resolutions], strict=False):
                if _unsupported(r) and not _restates(r, before):
                    yield self.finding(
                        message=f"{r.figure.speaker} said {quoted(r.figure)}, and no approved entry states this "
                                "figure: add it to the KB with its source, or stop quoting it",
                        **where(r.figure))

    def check_draft(self, ctx: AuditContext, draft: Draft) -> Iterable[Finding]:
        resolutions = ctx.figures.draft(draft)
        for r, before in zip(resolutions, [None, *resolutions], strict=False):
            if _unsupported(r) and not _restates(r, before):
                yield self.finding(
                    message=f"says {quoted(r.figure)}, and no approved entry states this figure: add it to an "
                            "approved entry with its source, or take it out",
                    **where(r.figure))


def _unsupported(r: Resolution) -> bool:
    # a figure of unknown unit ("480 thousand a year") is too ambiguous to call unsupported; a figure
    # that states no outcome (a time span, a term, a label: see knowledge.claims.claimness) needs no backing
    claim = r.figure.claim
    # arithmetic shown to the reader ("a 1,150 kW peak on a $16.50 rate pays nearly $19,000", "80 × US$42 =
    # US$3,360") is worked out, not claimed
    # a worked example's paragraph ("Consider a carrier with 60 handlers ... A 1% cut is worth £2.5m") is
    # arithmetic on inputs chosen for the reader, its results included (knowledge.figures.reading.worked_example)
    return (r.status == "unbacked" and r.retired is None and r.figure.kind != "number" and not r.figure.worked
            and (claim is None or _said_as_claim(claim) and not computed(claim) and not _own_money(claim)
                 and not _own_term(claim) and no_outcome(claim) is None))


def _said_as_claim(claim: Claim) -> bool:
    """Claim-ness of a call's or a draft's figure: the shipped model's decision, and the calls-and-drafts
    model's where its weights ship (both must call it a claim; its alone when its weights say it replaces
    the shipped model's decision). No calls-and-drafts weights ship (bench/ACCURACY.md, "Unsupported and
    stale claims, tenth round"): the shipped decision alone."""
    model = load_calls_drafts()
    if model is None:
        return claim.is_claim
    if model.meta.get("replaces"):
        return claim_as_said(claim, model)
    return claim.is_claim and claim_as_said(claim, model)


def _own_money(claim: Claim) -> bool:
    """A sum of money stated as the company's own terms: a price quoted ("$110 per seat per month",
    "NZ$38 a machine a month plus GST"), a worked example's money ("at £0.95 per kg", "that is £3,168
    a year"). The KB's price list backs or contradicts it where it states it (``metric-conflict``);
    one it does not state is no unbacked outcome. A share or a count in the same framing ("knock about
    2% off your premiums") is not money and is still judged: terms and outcomes share their words there."""
    return claim.kind == "currency" and own_terms(claim) is not None


# The readings of a term by its shape (knowledge.claims.commercial), not by its words: a tax rate, a fee
# formula, the hours of a service, a window in business days, a rota, a length that names a kind of
# thing ("a 48-hour cut-off", "a 14-day sandbox"), how long data is kept. Each states the company's own
# terms whatever its unit; the readings by words (an offer, a commercial term, a limit) are left to
# judgement, as "knock about 2% off your premiums" shows an outcome in a term's words.
_SHAPED_TERMS = frozenset({"a tax rate", "a fee formula", "the hours of a service", "a window in business days",
                           "a rota", "a length that names a kind of thing", "how long data is kept"})


def _own_term(claim: Claim) -> bool:
    """A term of the company's read by its shape (``_SHAPED_TERMS``), in any unit: no outcome wants backing."""
    return own_terms(claim) in _SHAPED_TERMS




def _restates(r: Resolution, before: Resolution | None) -> bool:
    """Whether the figure says the one just before it again, in other words and within 10%: its
    sentence introduces it with "that's" (``SAID_AGAIN``), and that figure stands on the same line or
    the two before. The first statement is the claim: it is backed or reported; saying it again adds
    no claim of its own ("Clinics see 38% fewer missed appointments. That's nearly two in five ...")."""
    claim, prior = r.figure.claim, before.figure.claim if before is not None else None
    if claim is None or prior is None or claim.kind != prior.kind or claim.unit != prior.unit:
        return False
    if not 0 <= claim.line - prior.line <= 2 or not claim.span or claim.span not in claim.sentence:
        return False
    if not SAID_AGAIN.search(claim.sentence[:claim.sentence.index(claim.span)]):
        return False
    a, b = claim.value, prior.value
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or a <= 0 or b <= 0:
        return False
    # two plain numbers of one unit with different values ("dropped 35%. That's 38% fewer errors") are
    # two claims: a restatement is written another way ("38%", then "nearly two in five")
    if a != b and _DIGIT.search(claim.span) and _DIGIT.search(prior.span or ""):
        return False
    return abs(a - b) <= 0.1 * max(a, b)


_DIGIT = re.compile(r"\d")


# ------------------------------------------------------------------------------------------------
# Figures that claim no outcome, read by the shape of what is said and of whom, not by the words of
# one industry: a price per thing and period, an offer, two sizes compared, the reader's own words
# said back, a date in the calendar. Each reading names a role. The same shapes state outcomes in any
# industry ("Revenue increases by $500 per site per month", "Payback starts in 3 months", "Deals
# close 2x larger"), so every reading gives way to a word of change, gain or loss in the figure's
# clause (``_CHANGED``), and those said of someone else give way to the company's side.

# A change, a gain or a loss, or what one is measured in, in the figure's clause: the figure is what
# changed, or what was gained
_CHANGED = re.compile(
    r"(?i)\b(?:sav(?:e|es|ed|ing|ings)|cut(?:s|ting)?|reduc(?:e|es|ed|ing|tions?)|lower(?:s|ed|ing)?"
    r"|recover(?:s|ed|ing|y)?|los(?:e|es|t|ing|s|ses)|spen(?:d|ds|t|ding)|wast(?:e|es|ed|ing)|worth|back"
    r"|earn(?:s|ed|t|ing|ings)?|gain(?:s|ed|ing)?|avoid(?:s|ed|ing)?|increas(?:e|es|ed|ing)|improv(?:e|es|ed|ing|ements?)"
    r"|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|extra|more|additional|less|fewer|cheaper|higher"
    r"|bigger|larger|instead|down|up|grew|grow(?:s|n|ing|th)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)"
    r"|halv(?:e|es|ed|ing)|drops?|dropped|fell|falls?|rose|rises?|shrank|become|becomes|became"
    r"|knock(?:s|ed)?|shav(?:e|es|ed)|revenue|margins?|profits?|payback|pays?\s+back|returns?|ROI)\b")
# "take about 3% off their premiums": taken off, not "claims take 19 days"
_TAKEN_OFF = re.compile(r"(?i)\b(?:take|takes|taken|taking|took)\b.*\[NUM\]\s*off\b")
# Where a clause ends: punctuation, a dash, or a coordinate clause ("... for contents claims and
# raise it after 3 months")
_CLAUSE_END = re.compile(r"[,;:()—–.!?]|\s-\s|\s(?:and|but|or|so)\s", re.I)
_CLAUSE_START = re.compile(r"[,;:()—–]|\s-\s")
_PERIOD = r"(?:day|week|fortnight|month|quarter|year|annum|yr|mo)"
# "€8 per active employee per month", "four pounds seventy-five per site per month": an amount,
# perhaps said with its smaller unit, charged per thing per period
_PER_THING_PER_PERIOD = re.compile(
    rf"(?i)^(?:[^\s,;]+\s+){{0,3}}?[^\s,;]*?\s*(?:per|/)\s*(?:[a-z-]+\s+){{0,2}}[a-z]{{3,}}\s*(?:per|a|an|/)\s*{_PERIOD}\b")
# "20% off until 30 November", "15% off for the first year", "10% off": a discount offered
_OFF_OFFERED = re.compile(
    r"(?i)^\s*off\b\s*(?:$|[-–—,;.!)]|(?:until|till|through|before|by|when|if|for\s+(?:the|your)\s+first"
    r"|for\s+(?:new|early|annual)|with\s+(?:code|the\s+code))\b)")
# "about three times the size", "twice as big as ours": the sizes of two things compared, not a size
# reached ("Deals close 2x larger", "Pipelines become 3x bigger")
_SIZE = re.compile(r"(?i)^\s*(?:the\s+size\b(?:\s+of\b|\s*(?:[.,;!?]|$))|as\s+(?:big|large|small)\s+as\b)")
# "starts in about 10 weeks", "kicks off in a fortnight": a date in the calendar, counted from today
_STARTS_IN = re.compile(rf"(?i)\b(?:starts?|starting|begins?|beginning|opens?|kicks?\s+off|(?:is|are)\s+due)\s+in\s+"
                        rf"(?:{HEDGE}\s+|another\s+)?$")
# "Most carriers start at €1,500 for contents claims", "plans start from $49": where a level begins
_STARTS_AT = re.compile(r"(?i)\b(?:starts?|starting|begins?|beginning)\s+(?:at|from)\s+$")
# "across their 16 venues", "its 2,600 units": a count of what someone else has, right after its owner
_THEIR_OWN = re.compile(r"(?i)\b(?:their|its)\s+(?:own\s+|entire\s+|whole\s+)?$")
# "On your summer numbers that's around £1,330 a month": an amount worked out on the reader's figures
_WORKED_OUT = re.compile(rf"(?i)\b(?:{THAT_IS}|i\.e\.,?|it['’]s|{COMES_TO})\s+"
                         rf"(?:{HEDGE}\s+)?(?:[A-Z]{{1,3}}\s*)?$")
_YOURS = re.compile(r"(?i)\b(?:you|your|yours)\b")
# "Staggering them by 10 minutes each costs nothing": the figure sets how an act is done, the act (a
# gerund opening the sentence, with a pronoun or a determined noun for its object) being what the
# sentence speaks of. A gerund followed by a verb ("Invoicing now runs at 99.5%", "Billing is accurate
# to 99.9%") is a subject whose level is claimed, and a gerund that moves a level ("Improving
# resolution by 30%", "Getting clinics to 95%") names an outcome.
_ACT_BY = re.compile(r"^(?P<act>[A-Z][a-z]+ing)\s+(?:them|it|these|those|each|everything|all"
                     r"|(?:the|your|each|every|all)\s+[a-z-]+)\s+(?:by|to)\s+$")
_MOVES_A_LEVEL = re.compile(r"(?i)^(?:during|getting|bringing|taking|pushing|driving|keeping|holding|moving|putting"
                            r"|lifting|dropping|making)$")


def _clause_before(text: str) -> str:
    return _CLAUSE_START.split(text)[-1]


def _clause_after(text: str) -> str:
    return _CLAUSE_END.split(text, maxsplit=1)[0]


def no_outcome(claim: Claim) -> str | None:
    """Why a figure claims no outcome a reader could hold the company to, in words; None when it
    may. See the readings above; each is tested with an outcome in the same words."""
    sentence = " ".join((claim.sentence or "").split())
    masked = " ".join((claim.masked or "").split())
    at = masked.find("[NUM]")
    if at < 0:
        return None
    ahead, after = masked[:at], masked[at + len("[NUM]"):]
    clause_ahead, clause_after = _clause_before(ahead), _clause_after(after)
    if _CHANGED.search(clause_after) or _TAKEN_OFF.search(f"{clause_ahead}[NUM]{after}"):
        return None
    if claim.kind == "count" and _THEIR_OWN.search(ahead) and not OUR_SIDE.search(clause_ahead):
        # the owner word right before the count is what the count is of, whatever the clause did
        # before it ("cut agency spend by 24% by letting staff pick up shifts across their 16
        # venues"); "Our customers and their 2 million employees" is the company's reach
        return "a count of what someone else has"
    if _CHANGED.search(clause_ahead):
        return None
    if claim.kind == "currency":
        span = " ".join((claim.span or "").split())
        start = sentence.find(span) if span else -1
        if start >= 0 and _PER_THING_PER_PERIOD.match(sentence[start:]):
            return "a price per thing and period"
    if claim.kind == "percent" and _OFF_OFFERED.match(after):
        return "an offer"
    if claim.kind == "multiplier" and _SIZE.match(after):
        return "two sizes compared"
    said = [m.end() for m in READERS_WORDS.finditer(clause_ahead)]
    if said and not OUR_SIDE.search(clause_ahead[said[-1]:]):
        # in the clause that says whose words they are, with nothing of the company's in it: "You told
        # us churn was 9%; churn drops to 3% with Tillpoint" says back the 9% and claims the 3%
        return "the reader's own words said back"
    if claim.kind == "duration" and _STARTS_IN.search(ahead):
        return "a date in the calendar"
    if claim.kind == "currency" and _STARTS_AT.search(clause_ahead):
        return "where a level starts"
    if claim.kind == "currency" and _WORKED_OUT.search(clause_ahead) and _YOURS.search(clause_ahead):
        return "an amount worked out on the reader's figures"
    if (m := _ACT_BY.match(ahead)) and not _MOVES_A_LEVEL.match(m.group("act")):
        return "how an act is done"
    return None
