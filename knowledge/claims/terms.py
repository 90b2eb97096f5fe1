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

import functools
import itertools
import re

from knowledge.model import Claim

from . import commercial
from .claimness import _TOKEN
from .claimness import _changes as changes_verb
from .quotes import quotation_around

# A hypothetical: the figures are inputs chosen for the arithmetic, and what follows from them
# ("imagine shipping 3x faster" is not one: it sells an outcome)
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:worked[ -]example|example\s*[:,]\s*(?:take|say|assume|suppose)"
    # "assume 250 developers": a value picked for the arithmetic; "assuming your data is clean, go-live
    # takes 3 weeks" only sets a condition on a claim
    r"|(?:assum(?:e|ing)|suppos(?:e|ing))\s+(?=[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d)"
    r"|hypothetically|let['’]s say|say you (?:have|run))\b"
    # "set an alarm at, say, 90% of last year's peak": a value picked for the reader to try
    r"|,\s*(?:say|for\s+(?:example|instance)|e\.g\.),\s*[~≈]?[$£€]?\d"
    # "(for example 21.4p/kWh day rate and £11.80 per kVA)": values in brackets for the reader to try
    r"|\(\s*(?:say|for\s+(?:example|instance)|e\.g\.)[,:]?\s*[~≈]?[$£€]?\d")
# The size a generic subject is given ("... with £250m of claims", "... of 40 fee earners", "... serving 900 pupils")
SIZE_GIVEN = (r"(?:[\w-]+\s+){1,4}?(?:with|of|that\s+(?:has|runs|pays|handles|spends|employs|serves)|running|paying"
              r"|handling|spending|employing|serving)\s+(?:about\s+|around\s+|roughly\s+)?[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d")
# "consider a regional insurer with £250m of claims", "imagine a clinic with 3 vets": a generic
# subject given a size for the reader to work with ("imagine shipping 3x faster" names no subject);
# the verb opens a clause, as an instruction does ("most clinics take an average of 12 days" reports one).
# Its inputs are the figures of that clause: "Take a clinic of 3 vets on Acme: it cut no-shows by 40%"
# reports an outcome after it
_SIZED_SUBJECT = re.compile(
    r"(?i)(?:^|[,;:]\s*|\b(?:so|now|then|just|first)\s+)(?:consider|imagine|picture|take)\s+(?:a|an|one)\s+"
    r"(?!(?:look|moment|minute|second|break|step)\b)" + SIZE_GIVEN)
# A change of the figure's own, said as done: "that cut no-shows by 40%", "no-shows fell 40%" (a noun,
# "a 2% cut is £1.8m", takes no "by" and no figure after it)
PAST_CHANGE = re.compile(
    r"(?i)\b(?:cut|reduced|dropped|fell|lowered|slashed|shrank|shortened|increased|grew|rose|improved|boosted|raised"
    r"|doubled|tripled|halved|jumped|climbed|lifted|saved|sped|accelerated)\s+(?:(?:[\w-]+\s+){0,4}?by\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?(?=[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d)")
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

# Signs of an outcome or a market statistic anywhere in the sentence
_OUTCOME = re.compile(
    r"(?i)\b(?:more|less|fewer|faster|slower|sooner|later|longer|shorter|higher|lower|better|worse|cheaper"
    r"|instead of|compared (?:to|with)|than|on average|average|median|typical(?:ly)?|per cent of|percent of"
    r"|achiev(?:e|es|ed|ing)|accomplish(?:es|ed|ing)?|reach(?:es|ed)?|hit|saw|sees?|seeing|report(?:s|ed)?|recover(?:s|ed)?"
    r"|gain(?:s|ed)?|w[io]ns?|since|now|extends|extended)\b|%\s+of\b"
    # "adds 12 points", "added £40k a year": an amount added; "the Professional plan adds network
    # analysis" names what a plan includes
    r"|\b(?:adds|added)\s+(?:(?:up\s+to|about|around|roughly|another|an\s+extra|over|nearly|almost|a\s+further)\s+)?"
    # "adds a £40k margin": an article may come before the amount
    r"(?:(?:an?\s+)?[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty"
    r"|half|double)\b)")

# A change named as a noun ("a 30% reduction", "Payback in under 3 months"); "growth" in lower case only:
# "the Growth plan" is a name
_OUTCOME_NOUN = re.compile(
    r"(?i)\b(?:reductions?|increases?|decreases?|improvements?|(?-i:growth)|savings?|uplift|ROI|payback|returns?\s+(?:on|of)\b)\b")
# "grew up", "growing up": where someone was raised, no change of a figure
_GREW_UP = re.compile(r"(?i)\b(?:grew|grow|grows|grown|growing)\s+up\b")
# "no more than 20 signers", "5 or more clinics": a bound, not a comparison
_NO_MORE = re.compile(
    r"(?i)\bno (?:more|less|fewer) than\b|\bor (?:more|less|fewer|over|above|higher|lower)\b"
    # "3 buildings or £6,000 a year, whichever is higher": which of two terms applies
    r"|\bwhichever is (?:the )?(?:higher|greater|larger|more|lower|less|smaller|sooner|later|earlier|longer|shorter)\b")
# a bound on a commercial term bounds the term; it compares no outcome: "do not discount more than 15%",
# "commission of over 10%", "a deposit of less than 5%"
_TERM_BOUND = re.compile(
    r"(?i)\b((?:discount(?:s|ed|ing)?|commissions?|margins?|rebates?|deposits?|fees?|mark-?ups?)\s+(?:\w+\s+){0,2}?)"
    r"(?:more|less|fewer|higher|lower)\s+than\b")
# "report" after a determiner is a document, not people reporting a result ("62% report ...")
_REPORT_NOUN = re.compile(
    r"(?i)\b(?:an?|the|our|its|their|each|every|this|that)\s+(?P<before>(?:[\w-]+\s+){0,2}?)(?P<report>reports?)\b")
# ... but "report" after a plural is people reporting: "the teams report onboarding in 3 days", "our
# customers report going live" ("status report", "analysis report" end in -us, -is)
_PLURAL = re.compile(r"(?i)\w*[^\W_siu]s")


def _mask_report(m: re.Match[str]) -> str:
    words = m.group("before").split()
    if m.group("report").lower() == "report" and words and _PLURAL.fullmatch(words[-1]):
        return m.group(0)
    return " "


_AUDIT_REPORT = re.compile(
    r"(?i)\b((?:SOC\s?\d|ISAE\s?\d+|SSAE\s?\d+|type\s+I{1,2}|audit|assurance|compliance|attestation"
    r"|pen(?:etration)?[ -]test)\s+)reports?\b")
# a tax a price is quoted with or without: "prices exclude VAT at 20%", "plus GST of 10%", "20% sales tax"
_TAX = re.compile(
    r"(?i)\b(?:VAT|GST|HST|sales\s+tax|IVA|MwSt|tax)\s+(?:at|of|is|rate\s+of)\s+\d|\d[\d.]*\s*%\s+(?:VAT|GST|HST|sales\s+tax)\b"
    r"|\b(?:excl(?:udes?|uding|\.)?|incl(?:udes?|uding|\.)?|plus|\+)\s+(?:\w+\s+)?(?:VAT|GST|HST|sales\s+tax)\b")
# what the company asks of those it certifies, admits or sells to: "pass mark 80%", "a minimum order of 50 units"
_REQUIREMENT = re.compile(
    r"(?i)\b(?:pass(?:ing)?\s+(?:mark|score|grade|threshold)|(?:the\s+)?minimum\s+(?:is|of)\b|minimum\s+(?:score|mark|grade|order|spend|term|commitment"
    r"|deposit|purchase)|you\s+(?:need|must\s+score)|to\s+pass\b)")
# a price per unit of what is metered or sold: "£11.80 per kVA", "$14.20 per kW", "0.9p per kWh", "$0.05 per GB"
_UNIT_PRICE = re.compile(
    r"(?i)(?:per|a|/)\s*(?:k[VW]A?h?|MWh|GWh|kVA|therms?|GB|TB|MB|tonnes?|tons?|litres?|liters?|gallons?|miles?|km"
    r"|m[²2]|sq\.?\s*f(?:ee)?t|square\s+(?:foot|feet|metre|meter)|units?|seats?|users?|licen[cs]es?|meters?|sites?"
    r"|buildings?|vehicles?|employees?|devices?|endpoints?|messages?|minutes?\s+of\s+\w+)\b")

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
    r"\s+within\b|\bas\s+(?:the\s+)?[A-Z][\w-]+\s+(?:[A-Z][\w-]+\s+){0,3}(?:requires|demands|sets\s+out|says)\b"
    r"|\b(?:required|mandated|set)\s+by\s+(?:law|the\s+|[A-Z])"
    # the same window said in the passive, of whoever is told: "customers are told of a breach within
    # 72 hours", "you will be notified within 24 hours", "affected users get an e-mail within a day"
    r"|\b(?:are|is|will\s+be|shall\s+be|gets?|get)\s+(?:\w+\s+)?(?:told|notified|informed|alerted|contacted"
    r"|e-?mailed|called|warned|refunded|credited|answered|acknowledged)\b[^.;]{0,80}\bwithin\b"
    r"|\b(?:get|gets|receive|receives|will\s+(?:get|receive))\s+(?:an?\s+|their\s+|a\s+full\s+)?(?:e-?mail|notice"
    r"|notification|alert|message|call|reply|response|answer|refund)\b[^.;]{0,80}\bwithin\b"
    # a cadence the company keeps: "the SOC 2 report is renewed every 12 months", "keys are rotated every
    # 90 days", "penetration tested once a year"
    r"|\b(?:renew(?:s|ed)?|audit(?:s|ed)?|re-?certifi(?:ed|es)|recertif(?:y|ied|ies)|rotat(?:e|es|ed)|pen(?:etration)?[ -]tested"
    r"|tested|reviewed|backed\s+up|re-?assessed)\s+(?:at\s+least\s+)?(?:every|each|once\s+(?:a|an|every|per)|annually"
    r"|quarterly|monthly|yearly)\b")
# What the company pays or offers its partners, referrers and researchers: a revenue share, a
# commission, a referral fee, a bounty's rewards
_COMMERCIAL = re.compile(
    r"(?i)\b(?:revenue[ -]share|rev[ -]share|commissions?|referral\s+(?:fees?|bonus(?:es)?|rewards?)|finder['’]?s\s+fees?"
    r"|rebates?|discounts?|margins?\s+of|bug\s+bount(?:y|ies)|bount(?:y|ies)|mark-?ups?|fees?\s+of"
    r"|margins?|service\s+credits?|(?:for\s+every|per|each)\s+referral|rewards?\s+(?:of|from|up\s+to)|payouts?\s+(?:of|from|up\s+to)"
    r"|earns?\s+(?:(?:up\s+to|an?|extra|one[- ]time)\s+){0,3}\S+\s+(?:of|on|per|for\s+every))\b|%\s+off\b"
    # what is paid for an introduction, said without the word "commission": "20% of the first year's
    # subscription for every customer they introduce, and 10% on renewals"
    r"|\bfor\s+(?:every|each)\s+(?:[\w-]+\s+){0,2}(?:you|they|partners?|members?)\s+(?:introduce|refer|bring|sign|close"
    r"|sell|recommend)\b|%\s+on\s+(?:all\s+|every\s+|each\s+)?renewals?\b")
# "20% of every client subscription": a share of money paid over, not a share of a population
SHARE_OF_MONEY = re.compile(
    r"(?i)%\s+of\s+(?:every|each|any)\b|%\s+of\s+(?:(?:all|the|their|your|its|that|this|first[- ]year)\s+)*"
    r"(?:(?:first\s+)?(?:year|month|quarter|week)['’]s\s+)?(?:\w+\s+)?"
    r"(?:subscriptions?|sales?|revenue|deals?|invoices?|orders?|fees?|contracts?|bookings?|payments?|spend|ARR|MRR"
    r"|licen[cs]es?|renewals?|commissions?|plans?|bills?|premiums?|transactions?|purchases?|salary|salaries|pay)\b")
# A share of a group: "92% of our staff", "a fifth of our apprentices", "half of all bookings": a statistic
# about a population, whatever else the sentence says ("20% of every subscription" shares money instead)
_SHARE_OF_A_GROUP = re.compile(
    r"(?i)(?:%|\bper\s?cent|\b(?:half|third|quarter|fifth|tenth|thirds|quarters|fifths|tenths))\s+of\b")
# A result measured over a past period: "over the last twelve months", "in the past year", "last quarter"
_PAST_PERIOD = re.compile(
    r"(?i)\b(?:over|in|during|across|for)\s+the\s+(?:last|past|previous)\b|\blast\s+(?:year|quarter|month|season|week)\b"
    r"|\bmeasured\b")


def group_share_or_past_result(claim: Claim) -> bool:
    """Whether the figure's sentence states a share of a group (not of money paid: a commission, a fee) or
    a result measured over a past period: signs of a statistic that :func:`states_an_outcome` does not
    ask for, because :func:`own_terms` reads them beside a term's framing. It reads the whole sentence,
    so it only ever vetoes a term (:func:`term_on_terms_page`), never finds one."""
    sentence = " ".join((claim.sentence or "").split())
    return bool(_SHARE_OF_A_GROUP.search(SHARE_OF_MONEY.sub(" ", sentence)) or _PAST_PERIOD.search(sentence))


# a pay, by the words just before the money: "earn £26,000 to £29,500", "are paid £15.50 to £17 an hour",
# "pays a salary of $48,000 to $55,000", "a day rate of £400 a day"
_PAY_BEFORE = re.compile(
    r"(?i)\b(?P<word>earn(?:s|ing)?|paid|pays?|salary|salaries|wages?|rates?)\s+"
    r"(?:(?:a|an|the|of|from|between|about|around|roughly|up\s+to|starting|salary)\s+)*$")
_PAY_PERIODS = frozenset({"year", "annum", "hour", "day", "week", "month", "shift"})
# days at a place or a pattern of days: "3 days in the office", "2 days a week on site", "4 days on, 4 off"
_WORK_DAYS_AFTER = re.compile(
    r"(?i)^\s*(?:a\s+week\s+|per\s+week\s+)?(?:in\s+(?:the|our)\s+(?:office|studio|workshop|shop|branch)|on[- ]site\b"
    r"|at\s+(?:the|our)\s+(?:office|studio|workshop|shop|branch)|on\s*,|off\b)")


# what follows money earned when it is a result, not a pay: "earn $25,000 to $40,000 a year in referral
# revenue", "earn £3,000 to £5,000 in savings"
_EARNED_RESULT_AFTER = re.compile(
    r"(?i)^[^.;]{0,40}?\b(?:revenue|sales|income|profit|margin|commission|in\s+(?:referral|savings?|new|recurring|extra"
    r"|additional|annual|monthly)|back)\b")
# who works the days at a place, named as staff: "you'll be in the studio 2 days a week", "staff spend 3 days in the office"
_STAFF_SUBJECT = re.compile(
    r"(?i)\b(?:you(?:'ll|’ll)?|staff|employees?|team\s+members?|colleagues?|everyone\s+(?:here|on\s+the\s+team)|our\s+team"
    r"|new\s+(?:hires?|starters?))\b")


def _pay(claim: Claim, sentence: str, start: int, careers: bool) -> bool:
    """A range of money, or money per period after a word of pay other than "earn", said just after earn,
    paid, salary, wage or rate. A range after "earn" is a pay only on a careers or jobs page and when no
    word of a result follows ("Partners earn $25,000 to $40,000 a year in referral revenue" is an outcome,
    and so is "earn $25,000 in monthly recurring revenue")."""
    m = _PAY_BEFORE.search(sentence[:start])
    if claim.kind != "currency" or m is None:
        return False
    if m.group("word").lower().startswith("earn"):
        _, end = commercial.at(claim, sentence)
        return claim.pair == "range" and careers and not _EARNED_RESULT_AFTER.match(sentence[end:])
    return claim.pair == "range" or (claim.per or "").split("/")[0] in _PAY_PERIODS


def term_on_terms_page(claim: Claim, careers: bool = False) -> str | None:
    """What term of the company's own the figure states, read only on a careers, partner or pricing page
    (``careers``: a careers or jobs page) and only from positive evidence in the words around the figure:
    a pay, a price per unit, days of work at a place or in a pattern said of staff or on a careers page.
    (A commission, a benefit, a plan's limit or inclusion, a price per period and a rota are read by
    :func:`own_terms` on every page.) None where the sentence shows an outcome, a share of a group or a
    past result, or where nothing says the figure is a term: such a figure goes to the needs-a-source
    model ("Unsourced claims on a company's own pages, eighteenth round", T18c; T18d, money per period
    after no word of gain read as a price, was withdrawn after the second reading: it hid outcomes such as
    "Our customers avoid $4,500 a month in breach costs")."""
    sentence = " ".join((claim.sentence or "").split())
    start, end = commercial.at(claim, sentence)
    if start < 0 or states_an_outcome(claim, sentence) or group_share_or_past_result(claim):
        return None
    if _pay(claim, sentence, start, careers):
        return "a pay"
    per = (claim.per or "").split("/")[0]
    if claim.kind == "currency" and per and per not in _PAY_PERIODS and not _LOSS.search(sentence):
        return "a price per unit"
    if claim.kind == "duration" and re.search(r"(?i)\bdays?$", sentence[start:end]) \
            and _WORK_DAYS_AFTER.match(sentence[end:]) and (careers or _STAFF_SUBJECT.search(sentence[:start])):
        return "days of work at a place or in a pattern"
    return None


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

# what a price is of: a plan, a tier, a licence ("cost" is no sign: "disputes cost UK businesses £11bn"); a
# one-off price, beside its amount or a price's noun ("a one-off £500", "$99 one-time", "a one-time setup fee",
# not "a one-off outage cost £40m", "a one-time cost of $40,000")
_PRICE = re.compile(
    r"(?i)\b(?:pric(?:e|es|ed|ing)|plans?|tiers?|licen[cs]es?|subscriptions?|fees?|billed|quoted|tickets?|admission"
    r"|early[- ]bird)\b"
    r"|(?i:\bone[- ](?:off|time)\s+(?=(?:[A-Z]{0,3}[$£€¥₹]|\d|(?:[\w-]+\s+)?(?:fees?|charges?|payments?|prices?)\b))"
    r"|(?<=\d\s)one[- ](?:off|time)\b)")
# what a market loses or spends per thing ("practices lose $2,000 a month per dentist") is a statistic, and
# so is what a customer wins back ("worth $3,000 per store per month", "$3,000 ... back in your pocket")
_LOSS = re.compile(r"(?i)\b(?:los(?:e|es|t|ing)|wast(?:e|es|ed|ing)|spen(?:d|ds|t|ding)|burn(?:s|ed|ing)?|leak(?:s|ed|ing)?"
                   r"|miss(?:es|ed|ing)?|owe[sd]?|worth|back|recoup(?:s|ed|ing)?|gain(?:s|ed|ing)?|earn(?:s|ed|ing|t)?)\b")
# an amount charged per thing per period, in either order, right after the amount: "£450 a month per office",
# "NZ$38.50 per probe per month", "$12/seat/month" (not "$40,000 of freight per day per site"); a result
# says what changed ("saves £450 a month per office" is read before)
_RATE_PER_THING = re.compile(
    r"(?i)^(?:[^\s.;]|(?<=\d)\.(?=\d))+(?:\s+(?:thousand|million|billion|k|m|bn))?\s*"
    r"(?:(?:per|a|an|/)\s*(?:day|week|month|quarter|year|annum|yr|mo)\s*(?:per|/)\s*[a-z]{3,}"
    r"|(?:per|/)\s*[a-z]{3,}\s*(?:per|a|an|/)\s*(?:day|week|month|quarter|year|annum|yr|mo))\b")
# "up to 10,000 events per second" is how fast the product is, a performance claim that wants a benchmark
_THROUGHPUT = re.compile(r"(?i)\b(?:per|an?|each)\s+(?:second|minute|hour)s?\b|\bin (?:under|less than)\b")
_INCLUDES = re.compile(r"(?i)\b(?:includes?|included|comes? with|bundled)\b")
# "up to 500 stops", "a maximum of 64 sensors": a bound on a count of things, not on a share or a factor
_LIMIT = re.compile(
    r"(?i)\b(?:up to|a maximum of|maximum of|max(?:imum)?|at most|no more than|limit(?:ed)? (?:of|to))\s+"
    r"\d[\d,.]*\s*(?:[kKmM]\b)?\s*(?!%|x\b|per ?cent|times\b)[A-Za-z]")


def _after(claim: Claim, sentence: str) -> int:
    """Where the text after the figure starts in the sentence (its end when the figure is not found)."""
    span = " ".join((claim.span or "").split())
    at = sentence.find(span) if span else -1
    if at < 0:
        return len(sentence)
    end = at + len(span)
    while end < len(sentence) and sentence[end] == " ":
        end += 1
    return end


# the header of a table column that holds terms: "Referral margin", "Commission", "Discount", "Fee"
_HEADER_TERM = re.compile(
    r"(?i)\b(?:commissions?|margins?|revenue[ -]share|rev[ -]share|referral\s+(?:fees?|bonus(?:es)?|rewards?)|rebates?"
    r"|discounts?|fees?|payouts?|rewards?|bount(?:y|ies)|prices?|pricing|costs?\s+per|list\s+price|rates?\s+card"
    r"|tariffs?|deposits?|credits?|allowances?|stipends?|limits?|quotas?|SLA|uptime\s+commitment"
    # what a job pays
    r"|salar(?:y|ies)|pay\s+(?:range|band|scale)|compensation|wages?|OTE|base\s+(?:pay|salary)|(?:day|hourly)\s+rate)\b")
# ... unless the header reports what was seen: "Average discount won", "Savings", "Uplift"
_HEADER_OUTCOME = re.compile(r"(?i)\b(?:saving|savings|uplift|reduction|increase|growth|improvement|change|result"
                             r"|achieved|average|median|typical|ROI|return)\b")


def header_term(header: str) -> str | None:
    """Why a table column whose header is ``header`` holds the company's own terms ("a commercial
    term" for "Referral margin"), or None: a table states what its header says each cell is."""
    header = " ".join(header.split())
    if not header or _HEADER_OUTCOME.search(header) or not _HEADER_TERM.search(header):
        return None
    return "a term named by its table's header"


# words joined by hyphens are one word: "drag-and-drop" names a feature, no drop
_COMPOUND_WORD = re.compile(r"\w+(?:-\w+)+")


def _changes(sentence: str) -> bool:
    return changes_verb(_TOKEN.findall(_COMPOUND_WORD.sub(" ", sentence).lower()))


def _mentioned_not_used(claim: Claim, sentence: str) -> bool:
    """Whether the figure stands inside a quotation the sentence tells writers not to use."""
    return bool(_DO_NOT_SAY.search(sentence)) and quotation_around(claim.span or claim.text or "", sentence) is not None


# A label of what follows it, in brackets before a colon: "The short version (30 seconds): ...",
# "Single sentence (~25 words):", "In brief (2 minutes):": the length of the text, not a claim
_LABEL_BEFORE = re.compile(r"^[^():.!?]{1,60}\(\s*(?:~|about\s+|around\s+|approx\.?\s+|under\s+)?$", re.I)
_LABEL_AFTER = re.compile(r"^\s*\)\s*:")


_TEXT_UNITS = re.compile(r"(?i)\b(?:words?|sentences?|lines?|slides?|steps?|points?|paragraphs?|pages?|bullets?)\b")


def _label(claim: Claim, sentence: str) -> bool:
    span = " ".join((claim.span or "").split())
    if claim.kind != "duration" and not _TEXT_UNITS.search(span):
        return False  # "Retention (94%): ..." states a figure
    at = sentence.find(span) if span else -1
    return at > 0 and bool(_LABEL_BEFORE.match(sentence[:at])) and bool(_LABEL_AFTER.match(sentence[at + len(span):]))


def _bare(sentence: str, offered: bool) -> tuple[str, bool]:
    """The sentence with the words that read as an outcome only by chance masked (an offer's "save", a
    bound's "more than", a report the company holds ...)."""
    bare = commercial.offer_words(sentence) if offered else sentence  # "save 10%" in an offer sells a price
    bare = _NO_MORE.sub(" ", bare)  # "no more than 20 signers" bounds a limit; it compares nothing
    bare = _GREW_UP.sub(" ", bare)  # "a third of us grew up on farms": raised, not a change
    bare = _TERM_BOUND.sub(r"\1", bare)
    bare = _AUDIT_REPORT.sub(r"\1", bare)  # "the SOC 2 report is renewed every year": a report the company holds
    bare = _REPORT_NOUN.sub(_mask_report, bare)  # "we publish an incident report within 5 business days": a document
    paid_term = bool(_COMMERCIAL.search(bare))
    if paid_term or _BENEFIT.search(bare):
        bare = SHARE_OF_MONEY.sub(" ", bare)  # "20% of every client subscription" shares money, not a population
    if _OWN_TEAM.search(bare):
        bare = _SHARE_OF_US.sub(" ", bare)  # "40% of our site managers": the company's own people
    return bare, paid_term


def states_an_outcome(claim: Claim, text: str | None = None, *, pair: bool = True) -> bool:
    """Whether ``text`` (default: the claim's sentence) shows a sign of an outcome or a market statistic
    for the figure: a change, a comparison, a "before and after", a share of a population, a result
    someone saw or reached (what :func:`own_terms` asks of a sentence before it reads a term). ``pair``:
    whether the figure's being one end of a change or a contrast in its sentence counts (not where the
    change is one the reader makes to a setting)."""
    sentence = " ".join((claim.sentence if text is None else text).split()) if (claim.sentence or text) else ""
    offered = commercial.offer(sentence)
    bare, paid_term = _bare(sentence, offered)
    # "rewards from US$100 to US$5,000": a commercial term's from-to is a range, not a change
    pair_changes = pair and (claim.pair == "contrast" or claim.pair == "change" and not paid_term and not offered)
    return bool(claim.statistic or pair_changes or _OUTCOME.search(bare) or _OUTCOME_NOUN.search(bare)
                or _changes(bare))


def own_terms(claim: Claim) -> str | None:
    """Why the figure states the company's own product or terms, in words; None when it may be an
    outcome or a market statistic (or when nothing says it is not)."""
    sentence = " ".join((claim.sentence or "").split())
    if not sentence:
        return None
    if _mentioned_not_used(claim, sentence):
        return "a phrase quoted as one not to use"
    if _label(claim, sentence):
        return "a label of what follows (its length)"
    why = arithmetic(claim)
    if why is not None:
        return why
    if commercial.tax_rate(claim, sentence):
        return "a tax rate"  # "GST of 10% is added to every invoice": the rate, whatever the sentence says of it
    offered = commercial.offer(sentence)
    if states_an_outcome(claim, sentence):
        return None
    paid_term = _bare(sentence, offered)[1]
    if _TIME_ZONE.search(sentence):
        return "a working-hours requirement"
    if _COMMITMENT.search(sentence):
        return "a service commitment"
    if paid_term:
        return "a commercial term"
    if offered and claim.kind in ("percent", "currency", "duration"):
        return "an offer"
    if _TAX.search(sentence):
        return "a tax a price is quoted with"
    if _REQUIREMENT.search(sentence):
        return "a requirement the company sets"
    if _BENEFIT.search(sentence):
        return "a benefit the company gives its staff"
    if (_OWN_TEAM.search(sentence) or _SHARE_OF_THEM.search(sentence)) and not _OPINION.search(sentence):
        return "the make-up of the company or of those just counted"
    if claim.kind == "currency" and _PRICE.search(sentence):
        return "a price"
    if claim.kind == "currency" and not _LOSS.search(sentence) and _RATE_PER_THING.match(
            " ".join((claim.span or "").split()) + " " + sentence[_after(claim, sentence):]):
        return "a price per unit and period"
    if claim.kind == "currency" and (claim.per and _UNIT_PRICE.fullmatch(f"per {claim.per.split('/')[0]}")
                                     or _UNIT_PRICE.match(sentence, _after(claim, sentence))):
        return "a price per unit"
    if _INCLUDES.search(sentence):
        return "what a plan includes"
    if _LIMIT.search(sentence) and not _THROUGHPUT.search(sentence):
        return "a limit of the product"
    return commercial.service_term(claim, sentence)


# A number as written, with what scales it: "1,150", "$16.50", "€400 million", "4%", "2.5k"
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(%|per\s?cent|percent)|\s*(k|K|m|M|bn|million|billion|thousand)\b)?")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


@functools.lru_cache(maxsize=4096)
def _arithmetic_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the numbers of a product worked out in the sentence stand: two numbers and the one
    they multiply to ("a 1,150 kW peak on a $16.50 rate pays nearly $19,000 a month", "€400 million
    a year at 4% is €16 million"). The result is at least 100 and within 3% of the product, so that
    chance is unlikely to make one."""
    found: list[tuple[float, int, int]] = []
    for m in _NUMBER.finditer(sentence):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if m.group(3):
            value /= 100.0
        elif m.group(4):
            value *= _SCALE[m.group(4).lower()]
        found.append((value, m.start(), m.end()))
        if len(found) > 8:
            return ()  # a list of many figures: too many products to take any as meant
    for (a, *pa), (b, *pb) in itertools.combinations(found, 2):
        if a == 1.0 or b == 1.0 or a <= 0 or b <= 0:
            continue
        for c, *pc in found:
            if (c, *pc) in ((a, *pa), (b, *pb)) or c < 100 or c in (a, b):
                continue
            if abs(a * b - c) <= 0.03 * c:
                return tuple(sorted({tuple(pa), tuple(pb), tuple(pc)}))  # type: ignore[arg-type]
    return ()


def arithmetic(claim: Claim) -> str | None:
    """Why the figure is arithmetic shown to the reader, in words; None when it is not. An input or
    the result of arithmetic written out states no outcome: a hypothetical's figures ("assume 250
    developers"), a worked result ("for a clinic with 3 vets, that comes to ..."), a product worked
    out by its values ("at 12% of 2,000 that is 240"), or one written with its signs ("4 × A$289",
    "52 weeks × 9 hours", "250 developers × $40 = $10,000"). Every figure rule reads it the same
    way: such a figure needs no source or backing and contradicts nothing."""
    sentence = " ".join((claim.sentence or "").split())
    if not sentence:
        return None
    if _HYPOTHETICAL.search(sentence):
        return "an input of a worked example"
    figure = " ".join((claim.span or "").split())
    at = sentence.find(figure) if figure else -1
    if at >= 0 and _sized_input(sentence, at):
        return "an input of a worked example"
    if (_WORKED_RESULT.search(sentence) or at >= 0 and _in_product(at, figure, sentence)
            or _in_equation(claim, at, sentence)):
        return "a worked example's arithmetic"
    return None


def _sized_input(sentence: str, at: int) -> bool:
    """Whether the figure at ``at`` stands in the clause that sets up a sized generic subject
    (``_SIZED_SUBJECT``, up to the next ":" or ";"), with no change of its own (``PAST_CHANGE``)."""
    for m in _SIZED_SUBJECT.finditer(sentence):
        stop = re.compile(r"[:;]").search(sentence, m.end())
        if m.start() <= at < (stop.start() if stop else len(sentence)):
            return not any(c.end() == at for c in PAST_CHANGE.finditer(sentence, m.start(), at + 1))
    return False


def computed(claim: Claim) -> bool:
    """Whether the figure is arithmetic shown to the reader (:func:`arithmetic`)."""
    return arithmetic(claim) is not None


def _in_product(at: int, figure: str, sentence: str) -> bool:
    # the first product found by its values (:func:`_arithmetic_spans`)
    return any(at <= s < at + len(figure) or s <= at < e for s, e in _arithmetic_spans(sentence))


# arithmetic written with its signs: "200 × €38 = €7,600 a year", "80 x US$42 = US$3,360", "12 * 3 = 36";
# a product needs no result ("4 × A$289", "52 weeks × 9 hours"), and its factors may name their units.
# A letter x is a sign only between spaces ("3x faster" is an outcome)
_OPERAND = r"[~≈]?(?:[A-Z]{0,3}[$£€¥₹])?\d[\d,]*(?:\.\d+)?\s*(?:%|[kKmM]\b|bn\b)?"
_FACTOR = rf"{_OPERAND}(?:\s*[a-z]+\b){{0,2}}"
_TIMES = r"(?:\s*×\s*|\s[x*]\s)"
_EQUATION = re.compile(
    rf"{_OPERAND}\s*[×x*÷/+−-]\s*{_OPERAND}(?:\s*[×x*÷/+−-]\s*{_OPERAND})*\s*=\s*{_OPERAND}"
    rf"|{_FACTOR}{_TIMES}{_FACTOR}(?:{_TIMES}{_FACTOR})*(?:\s*=\s*{_OPERAND})?")
_EQUATION_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _in_equation(claim: Claim, at: int, sentence: str) -> bool:
    """Whether the figure is a term or the result of arithmetic written with its signs, or the count
    an operand restates ("with 80 members pays 80 × US$42"). The signs say it of every product in
    the sentence ("a 200-member co-op pays 200 × €38 = €7,600; one with 80 members pays 80 × US$42 =
    US$3,360"), where :func:`_arithmetic_spans` finds the first only."""
    if "=" not in sentence and "×" not in sentence and " x " not in sentence and " * " not in sentence:
        return False
    equations = list(_EQUATION.finditer(sentence))
    if at >= 0 and any(m.start() <= at < m.end() for m in equations):
        return True
    operands = {float(n.replace(",", "")) for m in equations for n in _EQUATION_NUMBER.findall(m.group(0))}
    return claim.kind == "count" and isinstance(claim.value, (int, float)) and float(claim.value) in operands
