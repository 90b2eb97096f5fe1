"""``unsupported-claim``: a draft or a call states a figure that no approved entry backs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.claims.terms import computed, own_terms
from knowledge.figures import Resolution, quoted, where
from knowledge.model import Claim, Finding

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

    Not reported, because they claim no outcome: figures that are no claims (claim-ness: a time span,
    a term, a label ...), arithmetic shown to the reader ("400 × £1.10 = £440 a year"), and money
    stated as the company's own terms ("€24 per vet per month, with a discount above 20 vets"), which
    the KB's price list backs or contradicts where it states one.
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
            and (claim is None or claim.is_claim and not computed(claim) and not _own_money(claim)
                 and not _own_term(claim)))


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


# "That's nearly two in five of the empty slots", "We reckon that's 3 hours too many": the figure just
# stated, said again in other words
_RESTATED = re.compile(r"(?i)\b(?:that['’]s|that\s+is|this\s+is|which\s+is|i\.e\.,?)\s+(?:(?:nearly|almost|about|around"
                       r"|roughly|some|close\s+to|just\s+(?:over|under))\s+)?$")


def _restates(r: Resolution, before: Resolution | None) -> bool:
    """Whether the figure says the one just before it again, in other words and within 10%: its
    sentence introduces it with "that's" (``_RESTATED``), and that figure stands on the same line or
    the two before. The first statement is the claim: it is backed or reported; saying it again adds
    no claim of its own ("Clinics see 38% fewer missed appointments. That's nearly two in five ...")."""
    claim, prior = r.figure.claim, before.figure.claim if before is not None else None
    if claim is None or prior is None or claim.kind != prior.kind or claim.unit != prior.unit:
        return False
    if not 0 <= claim.line - prior.line <= 2 or not claim.span or claim.span not in claim.sentence:
        return False
    if not _RESTATED.search(claim.sentence[:claim.sentence.index(claim.span)]):
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
