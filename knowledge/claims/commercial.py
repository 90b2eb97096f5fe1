"""Commercial and service terms: the grammar of what a company sells and how it serves, read from
where the figure stands, not from the words of one trade.

Pricing, partner, careers and status pages state figures no study could back: "Save 10% when you pay
annually", "get 2 months free", "GST of 10% is added to every invoice", "card processing at 1.6% +
20c per transaction", "support 7am to 9pm seven days", "an incident report within 5 business days",
"on-call 1 week in 4", "a 24-hour hospital". Each reading here is a shape of such a term:

- an offer: a buyer's act in return for a value ("Pay annually and save 10%", "save 10% when you
  pay annually", "15% less if paid annually", "sign by 30 September and get the migration free",
  "2 months free");
- a tax rate named at the figure ("GST of 10%", "VAT (15%)", "18% GST");
- a fee formula: a percentage with a fixed amount or per transaction ("1.6% + 20c per transaction");
- the hours of a service ("7am to 9pm", "24/7", "seven days a week");
- a window in business or working days or hours ("within 5 business days");
- a rota ("1 week in 4", "one weekend in three");
- a length that names a kind of thing ("a 24-hour hospital", "a 14-day sandbox");
- how long records are kept ("we delete it within 30 days", "retained for 7 years", "stores up to 72
  hours of readings").

:func:`offer_words` are the words an offer uses that would otherwise read as an outcome ("save",
"a saving of", "free", "compared with monthly billing"): :mod:`.terms` masks them before it looks
for signs of an outcome, so that any other sign still keeps the figure a claim ("Pay annually and
save 10%; customers cut costs by 18%" is still an outcome for the 18%). The other readings apply
only where the sentence shows no sign of an outcome at all.
"""

from __future__ import annotations

import re

from knowledge.model import Claim

_NUMBER_WORD = (r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|fourteen|fifteen|twenty|thirty|forty|sixty|ninety)")
# What a buyer does in return for an offer's value (not "switch" or "upgrade": "save 20% when you
# switch" sells an outcome as often as a price)
_BUYER_ACT = (r"(?:pay(?:ing)?|pre-?pay(?:ing)?|sign(?:ing)?(?:\s+up)?|commit(?:ting)?|book(?:ing)?|order(?:ing)?"
              r"|buy(?:ing)?|purchas(?:e|ing)|subscrib(?:e|ing)|renew(?:ing)?|register(?:ing)?|enrol(?:l)?(?:ing)?"
              r"|refer(?:ring)?)")
# a month's name, in full or short (unsourced-claim reads dates with it too)
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_PAID_BY_PERIOD = (r"(?i:pay(?:ing)?|paid|billed|prepa\w*)\s+"
                   r"(?i:annually|yearly|monthly|quarterly|upfront|up\s+front|in\s+advance)\b")
_OFFER = re.compile(
    # imperative: "Pay annually and save 10%", "Sign for three years and take a further 10% off"
    rf"(?:^|[;:]\s*|\band\s+)(?i:{_BUYER_ACT})\b[^.;!?]{{0,60}}?\band\s+(?i:save|get|take|receive|enjoy)\b"
    # a condition on the buyer: "save 10% when you pay annually", "10% off if you book before May"
    rf"|\b(?i:save|get|take|receive|enjoy|off|discount)\b[^.;!?]{{0,60}}?\b(?i:when|if|once)\s+(?i:you\s+)?(?i:{_BUYER_ACT})\b"
    rf"|\b(?i:by|when|if|once)\s+(?i:you\s+)?(?i:{_BUYER_ACT})\b[^.;!?]{{0,60}}?\b(?i:save|get|take|receive|enjoy)\b"
    # a lower price on a condition of paying: "15% less if paid annually", "cheaper when billed yearly" (paying
    # by a period or in advance: "40% lower when you book through Acme" is an outcome)
    rf"|\b(?i:less|cheaper|lower)\s+(?i:if|when|once)\s+(?i:you\s+)?{_PAID_BY_PERIOD}"
    # a free period: "get 2 months free", "the first 3 months free"
    rf"|\b{_NUMBER_WORD}\s+(?i:months?|weeks?|days?|years?)\s+(?i:free|at\s+no\s+(?:extra\s+)?(?:cost|charge))\b"
    # an offer that ends on a date: "sign by 30 September 2026 and get the migration free",
    # "Early-bird tickets are £180 until 31 December"
    rf"|\b(?i:{_BUYER_ACT}|early[- ]bird|tickets?)\b[^.;!?]{{0,80}}?\b(?i:by|before|until|till|through)\s+"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}\b|the\s+end\s+of\s+{MONTH})")
# what an offer says that would read as an outcome elsewhere
_OFFER_WORDS = re.compile(
    rf"(?i)\b(?:(?:less|cheaper|lower)(?=\s+(?:if|when|once)\s+(?:you\s+)?{_PAID_BY_PERIOD})"
    r"|save|saves|saving|savings|free|off|discount(?:ed)?|early[- ]bird"
    r"|compared\s+(?:to|with)\s+(?:the\s+)?(?:monthly|annual|yearly|list|full|standard)\s+(?:billing|price|pricing|plan|rate))\b")

# a tax charged on a price or deducted from a payment at a rate ("TDS at 1%", "withholding tax of 15%")
_TAX = (r"(?:VAT|GST|HST|PST|QST|sales\s+tax|IVA|MwSt|TVA|consumption\s+tax|service\s+tax|TDS|tax\s+deducted\s+at\s+source"
        r"|withholding(?:\s+tax)?|WHT)")
# the law a rate is set under may stand between the tax and its rate: "TDS under section 194C, 1 per cent"
_TAX_BEFORE = re.compile(rf"(?i:{_TAX})\s*(?:(?:under|per)\s+(?:section|s\.|article|rule)\s+[\w()]+\s*,?\s*)?"
                         r"(?:\(\s*|at\s+|of\s+|is\s+|rate\s+(?:of|is)\s+|:\s*)?(?:about\s+)?"
                         # the second of two rates: "TDS at 1% or 2%" ("VAT at 20% and 35% faster close" joins
                         # an outcome to the rate, so "and" is no joiner)
                         r"(?:\d+(?:\.\d+)?\s*(?:%|per\s?cent)\s*(?:or|to|-|–)\s*)?$")
_TAX_AFTER = re.compile(rf"^\s*(?i:{_TAX})\b")

_MONEY = r"(?:[A-Z]{0,3}[$£€¥₹])?\d[\d,]*(?:\.\d+)?\s*(?:c|p|¢|cents?|pence)?"
_FEE = re.compile(
    rf"%\s*(?:\+|plus)\s*{_MONEY}"
    r"|%\s+(?:per|a|each|/)\s*(?:transaction|payment|charge|order|sale|booking|trade|transfer|withdrawal|swipe|tap)\b",
    re.I)

_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)"
_HOURS = re.compile(
    rf"(?i)\b{_CLOCK}\s*(?:to|until|till|-|–|—)\s*{_CLOCK}|\b\d{{1,2}}:\d\d\s*(?:-|–|to)\s*\d{{1,2}}:\d\d\b"
    r"|\b24/7\b|\b(?:seven|7|six|6|five|5)\s+days\s+a\s+week\b|\bopening\s+hours\b|\bMonday\s+to\s+(?:Friday|Saturday)\b")
_BUSINESS_WINDOW = re.compile(r"(?i)^\s*(?:business|working)\s+(?:days?|hours?)\b")
_ROTA = re.compile(
    rf"(?i)^\s*(?:in|out\s+of)\s+{_NUMBER_WORD}\b(?!\s*(?:%|per\s?cent))")
_ROTA_SPAN = re.compile(r"(?i)\b(?:weeks?|weekends?|days?|nights?|shifts?|months?)$")
_COMPOUND = re.compile(
    r"(?i)^(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|seat|user|bed|room"
    r"|person)(?:-long)?$")
_NOUN_AFTER = re.compile(r"^\s+[a-z][\w-]*")
# ... unless what it names is a measure ("a 2-day turnaround", "a 3-second loading time"): a result
_MEASURE_AFTER = re.compile(
    r"(?i)^\s+(?:[\w-]+\s+){0,2}?(?:time|times|rate|speed|latency|turnaround|response|delivery|wait|payback|close"
    r"|cycle|lead|resolution|uptime|average|median|record|return|saving|reduction|improvement)\b")


# how long records are kept, before they are deleted: "we delete it within 30 days", "data retained for
# 7 years after closure", "readings are buffered for up to 72 hours offline", "backups are kept for 35 days": a
# policy or a specification, whatever the trade. Records are named, before the verb or between it and the
# span ("Leads are kept warm for 30 days", "We held churn under 2% for 3 years" keep no records)
_RECORDS = (r"(?:data|records?|logs?|backups?|readings?|payslips?|files?|recordings?|messages?|emails?|documents?"
            r"|copies|snapshots?|transcripts?|footage|archives?|history|details|information|positions)")
_KEEP_VERB = (r"(?:delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|purg(?:e|es|ed|ing)|destroy(?:s|ed)?|anonymi[sz](?:e|es|ed)"
              r"|retain(?:s|ed)?|retention|kept|keeps?|stor(?:e|es|ed)|held|holds?|archiv(?:e|es|ed)|buffer(?:s|ed)?"
              r"|cach(?:e|es|ed)|available\s+for\s+(?:export|download))")
_KEEPS_DATA = re.compile(
    rf"(?i)(?:\b{_RECORDS}\b[^.;:!?]{{0,40}}?\b{_KEEP_VERB}\b[^.;:!?]{{0,50}}?"
    rf"|\b{_KEEP_VERB}\b[^.;:!?]{{0,50}}?\b(?:{_RECORDS}|it|them)\b[^.;:!?]{{0,30}}?)"
    r"\b(?:for|within|after|up\s+to|at\s+least)\s+(?:(?:a|an|the|about|around|another|up\s+to)\s+)?$")
# ... and no comparison after the span: "kept for 90 days, longer than most", "double the industry norm"
_COMPARED_AFTER = re.compile(
    r"(?i)^(?![\s,]*or\s+(?:more|longer)\b)[\s,]*(?:[\w-]+\s+){0,3}?(?:longer|more|double|twice|than)\b")


def at(claim: Claim, sentence: str) -> tuple[int, int]:
    """Where the figure as written stands in the sentence: (start, end); (-1, -1) when not found."""
    span = " ".join((claim.span or "").split())
    at = sentence.find(span) if span else -1
    return (at, at + len(span)) if at >= 0 else (-1, -1)


# what may stand between an hours phrase and the figure that goes on to say it ("8am to 6pm CET six
# days", "24/7, 365 days a year"): a time zone or a comma, no other figure or word
_HOURS_GAP = re.compile(r"^\s*(?:[A-Z]{2,5}\s*)?[,;]?\s*(?:and\s+|or\s+)?$")


# a span of minutes or hours, the time a service takes to answer in the hours it keeps ("answers within
# 2 business hours ..., 8am to 8pm", "within 1 hour, 24/7", "a 24/7 centre works to a 15-minute target")
_RESPONSE_SPAN = re.compile(r"(?i)(?:\b|-)(?:minutes?|mins?|hours?|hrs?)$")


def _in_hours(start: int, end: int, hours: re.Match[str], sentence: str) -> bool:
    """Whether the figure at ``start:end`` is part of the hours phrase or goes on to say it; any other
    figure only shares the sentence with it ("We protect 3,000 sites 24/7", "live in 14 days, 24/7")
    unless it is the time the service takes (:data:`_RESPONSE_SPAN`)."""
    return hours.start() <= start < hours.end() or start <= hours.start() < end or (
        start >= hours.end() and bool(_HOURS_GAP.match(sentence[hours.end():start]))) or bool(
        _RESPONSE_SPAN.search(sentence[start:end]))


def offer(sentence: str) -> bool:
    """Whether the sentence makes an offer: a value given in return for a buyer's act."""
    return bool(_OFFER.search(sentence))


def offer_words(sentence: str) -> str:
    """The sentence with an offer's own words masked (see the module's docstring)."""
    return _OFFER_WORDS.sub(" ", sentence)


def tax_rate(claim: Claim, sentence: str) -> bool:
    """Whether the figure is a tax rate named beside it ("GST of 10% is added to every invoice")."""
    start, end = at(claim, sentence)
    if start < 0 or claim.kind != "percent":
        return False
    return bool(_TAX_BEFORE.search(sentence[max(0, start - 60):start]) or _TAX_AFTER.match(sentence[end:]))


def service_term(claim: Claim, sentence: str) -> str | None:
    """Why a figure in a sentence with no sign of an outcome states a commercial or service term, in
    words; None when it does not."""
    start, end = at(claim, sentence)
    if claim.kind == "percent" and _FEE.search(sentence):
        return "a fee formula"
    if start < 0:
        return None
    if claim.kind in ("duration", "count") and any(_in_hours(start, end, m, sentence) for m in _HOURS.finditer(sentence)):
        return "the hours of a service"
    span = sentence[start:end]
    if claim.kind == "duration" and (_BUSINESS_WINDOW.match(sentence[end:]) or re.search(
            r"(?i)\b(?:business|working)\s+(?:days?|hours?)$", span)):
        return "a window in business days"
    if _ROTA_SPAN.search(span) and _ROTA.match(sentence[end:]):
        return "a rota"
    if _COMPOUND.match(span) and _NOUN_AFTER.match(sentence[end:]) and not _MEASURE_AFTER.match(sentence[end:]):
        return "a length that names a kind of thing"
    if (claim.kind == "duration" and _KEEPS_DATA.search(sentence[max(0, start - 80):start])
            and not _COMPARED_AFTER.match(sentence[end:])):
        return "how long data is kept"
    return None
