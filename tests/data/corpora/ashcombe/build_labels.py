#!/usr/bin/env python3
"""Build labels.json for the ashcombe corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; the script turns it into a 1-based line
number. It refuses missing or ambiguous anchors and a negative on a labelled line.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-first-time-fix.md",
    "drafts/email-winter-followup.txt",
    "drafts/landing-page-service-contracts.md",
]
ERRORS = []


def _file(path):
    return os.path.join(HERE, path) if path.startswith("drafts/") else os.path.join(HERE, KB, path)


def line(path, anchor):
    with open(_file(path), encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(anchor)
    if n != 1:
        ERRORS.append(f"{path}: anchor {anchor!r} occurs {n} times")
        return 0
    return text[: text.index(anchor)].count("\n") + 1


def E(rule, path, anchor, note, related=None, alt=(), turn=(), optional=False, severity=None,
      speaker=None):
    d = {"rule": rule, "path": path, "line": line(path, anchor)}
    if related:
        d["related"] = related
    if alt:
        d["alt_lines"] = [line(path, a) for a in alt]
    if turn:
        d["turn_lines"] = [line(path, a) for a in turn]
    if speaker:
        d["speaker"] = speaker
    if severity:
        d["severity"] = severity
    if optional:
        d["optional"] = True
    d["note"] = note
    return d


def N(path, anchor, note, rules=None):
    d = {"path": path, "line": line(path, anchor)}
    if rules:
        d["rules"] = rules
    d["note"] = note
    return d


FTF = "proof-points/first-time-fix.md"
RET = "proof-points/ftf-uplift-2023.md"
VTT = "calls/2026-11-03-oconnell-heating.vtt"
SRT = "calls/2026-11-10-kinross-building-services.srt"
JSN = "calls/2026-11-17-pwani-aircon.json"
ASR = "calls/2026-11-24-red-stick-comfort.txt"
BLOG = "blog/hidden-cost-of-return-visits.md"

AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    E("metric-conflict", "messaging/why-ashcombe.md", "average a 91% first-time",
      "says contractors average a 91% first-time fix rate; first-time-fix-rate is 88% (average)",
      related=FTF),
    E("metric-conflict", "answers/price.md", "€130,000",
      "McGarrigle savings given as €130,000 a year; mcgarrigle-annual-savings is €310,000 (digits swapped)",
      related="case-studies/mcgarrigle.md"),
    E("metric-conflict", "website/faq.md", "median of 8 weeks",
      "FAQ (article) says median go-live 8 weeks; median-go-live-weeks is 5",
      related="proof-points/go-live.md"),
    E("metric-conflict", "enablement/battlecard-fieldline.md", "drive time by a third",
      "internal battlecard says route-aware scheduling cuts drive time by a third; drive-time-reduction is 23%",
      related="proof-points/drive-time.md"),
    E("metric-conflict", "press/2026-09-series-b.md", "£241,000",
      "press release says Glenbervie took £241,000 out of van stock; glenbervie-van-stock-saving is £142,000",
      related="case-studies/glenbervie.md"),
    E("metric-conflict", "messaging/van-stock.md", "25%, and they stop",
      "message says van stock value down 25%; van-stock-reduction is 18% (average)",
      related="proof-points/van-stock.md"),
    E("metric-conflict", "website/homepage.md", '<Stat value="1.8"',
      "MDX homepage stat: 1.8 extra jobs per technician per day; extra-jobs-per-day is 1.4",
      related="proof-points/jobs-per-day.md"),
    # source-conflict
    E("source-conflict", BLOG, "contractors average an 88%",
      "blog attributes the 88% first-time fix rate to the Aberdeen Group's 2026 report; first-time-fix-rate comes from the 2026 Ashcombe Field Service Benchmark",
      related=FTF, alt=["according to the Aberdeen Group's 2026"]),
    E("source-conflict", "answers/technician-adoption.md", "keep 92% of their maintenance",
      "92% contract retention attributed to Gartner; contract-renewal-rate (92%) comes from Ashcombe's own renewal study",
      related="proof-points/contract-renewals.md"),
    # stale-claim
    E("stale-claim", "proof-points/van-stock.md", "reviewed: 2026-03-09",
      "reviewed 2026-03-09, review_every 180d (canon.toml): overdue since 2026-09-05",
      alt=["carry 18% less stock", "value: 18"], severity="warning"),
    E("stale-claim", "proof-points/contract-renewals.md", "date: 2024-05-31",
      "only source dated 2024-05-31, older than max_source_age 24m (cut-off 2024-12-01); contract-renewal-rate 92% rests on it",
      alt=["value: 92", "renew 92% of them"], severity="warning"),
    E("stale-claim", BLOG, "25% of field service",
      "article cites a 2019 Service Council survey for the figure: older than 24m", severity="warning"),
    E("stale-claim", BLOG, "74% back in 2021",
      "article cites the Aberdeen Group in 2021 (end of 2021): older than 24m", severity="warning"),
    E("stale-claim", "messaging/winter-readiness-offer.md", "expires: 2026-10-31",
      "offer expired 2026-10-31 (severity error); its claim is the free van-stock set-up worth £2,500 / €2,900",
      alt=["£2,500"], severity="error"),
    # unsourced-claim
    E("unsourced-claim", "messaging/service-contracts.md", "2.5x",
      "message has no sources and no metric registers lifetime spend of contract customers"),
    E("unsourced-claim", "answers/accounts-integration.md", "under 90 seconds",
      "answer has no sources and no metric registers sync time"),
    # retired-claim
    E("retired-claim", "messaging/elevator-pitch.md", "report 34% more first-time fixes",
      "elevator pitch repeats the retired ftf-uplift-2023 (34%)", related=RET),
    E("retired-claim", "website/partners.md", "34% more first-time fixes",
      "partner page (article) repeats the retired 34% first-time fix uplift, reframed for warranty call-outs",
      related=RET),
    E("retired-claim", ASR, "thirty four percent more first time fixes",
      "rep repeats the retired 34% uplift in a raw ASR export (numbers in words)", related=RET,
      speaker="Remy Thibodeaux"),
    # rep-misstatement
    E("rep-misstatement", VTT, "ninety-five per cent first-time fix",
      "rep says 95% first-time fix; first-time-fix-rate is 88% (average)", related=FTF,
      speaker="Siobhan Kavanagh"),
    E("rep-misstatement", SRT, "Median's about three weeks",
      "rep says median go-live about three weeks; median-go-live-weeks is 5",
      related="proof-points/go-live.md", speaker="Ewan Munro"),
    E("rep-misstatement", JSN, "KES 2.4 million",
      "rep says Tana cut overtime by KES 2.4 million; tana-overtime-saving is KES 4.2 million",
      related="case-studies/tana-cooling.md", speaker="Wanjiru Kamau",
      turn=["Tana Cooling in Nairobi had exactly", "went from 3.1 to 4.6", "KES 2.4 million"]),
    E("rep-misstatement", ASR, "about forty percent",
      "rep says drive time down about forty percent; drive-time-reduction is 23%",
      related="proof-points/drive-time.md", speaker="Remy Thibodeaux"),
    # unsupported-claim in calls
    E("unsupported-claim", SRT, "fuel bill by twelve percent",
      "rep claims a 12% fuel saving; no approved entry registers fuel spend", speaker="Ewan Munro"),
    E("unsupported-claim", JSN, "pay 30% faster",
      "rep claims payment links make customers pay 30% faster; nothing in the KB backs it",
      speaker="Wanjiru Kamau", turn=["M-Pesa payment links help", "pay 30% faster"]),
    # optional
    E("unsourced-claim", "website/trust.md", "99.95% uptime",
      "trust page uptime figure has no source; arguably a published status figure, not a marketing claim",
      optional=True),
    E("unsourced-claim", "website/changelog.md", "3x faster",
      "changelog speed-up with no source; release notes measure their own build", optional=True),
    E("unsourced-claim", "website/changelog.md", "40% faster",
      "changelog speed-up with no source", optional=True),
    E("unsourced-claim", "press/2026-09-series-b.md", "1,900 contractors",
      "customer counts in a press release, no source; a count, but a marketing one", optional=True),
    E("unsourced-claim", "website/homepage.md", "more than 1,900 contractors",
      "customer count on the homepage, no source", optional=True),
    E("unsourced-claim", "answers/accounts-integration.md", "usually under an hour",
      "set-up duration with no source; a process description as much as a claim", optional=True),
    E("stale-claim", ASR, "ninety two percent",
      "rep quotes the 92% renewal rate, which only the stale contract-renewals entry backs (correct value, stale source)",
      related="proof-points/contract-renewals.md", optional=True, speaker="Remy Thibodeaux"),
]

AUDIT_NEGATIVES = [
    N(FTF, "Across the 214 contractors", "sample size, and 88% matches the metric"),
    N(FTF, "nearly nine in ten", "rounds 88%"),
    N(FTF, "within 30 days", "definition window, not a claim"),
    N("proof-points/drive-time.md", "two and a half hours", "worked example of the 23% figure"),
    N("proof-points/drive-time.md", "1,870 vans over twelve weeks", "sample size and study window"),
    N("proof-points/van-stock.md", "640 vans at 37 customers", "sample size (stale finding points at reviewed:)"),
    N("proof-points/jobs-per-day.md", "seven more jobs per technician", "1.4 x 5 days, derived restatement"),
    N("proof-points/contract-renewals.md", "at 90, 60 and 30 days", "reminder schedule, not a result"),
    N("proof-points/go-live.md", "often live in three", "smaller contractors' case, not the median"),
    N("proof-points/time-to-invoice.md", "down from 9 days", "matches time-to-invoice and its before value"),
    N("case-studies/mcgarrigle.md", "Eighteen months on", "before/after pair 68% -> 90% is McGarrigle's own metric, not the benchmark average"),
    N("case-studies/mcgarrigle.md", "a quarter of her engineers' week", "customer's own before estimate"),
    N("case-studies/mcgarrigle.md", "six weeks", "one customer's go-live, not the median"),
    N("case-studies/mcgarrigle.md", "46 engineers", "headcount"),
    N("case-studies/glenbervie.md", "£600,000", "stock counted before, not the saving"),
    N("case-studies/glenbervie.md", "They run 31 vans", "count"),
    N("case-studies/glenbervie.md", "two days a month", "time spent on audits, no metric"),
    N("case-studies/tana-cooling.md", "up from 3.1", "Tana's own jobs per day (4.6), not the 1.4 uplift"),
    N("case-studies/tana-cooling.md", "12-month term", "contract term"),
    N("case-studies/tana-cooling.md", "58 technicians", "headcount"),
    N("case-studies/bayou-air.md", "95 degrees", "weather"),
    N("case-studies/bayou-air.md", "$189 a year before", "price of an agreement"),
    N("case-studies/bayou-air.md", "3,400 active agreements", "matches bayou metrics"),
    N("messaging/elevator-pitch.md", "23% less per job", "matches drive-time-reduction"),
    N("messaging/elevator-pitch.md", "Thirty seconds version", "length of the pitch"),
    N("messaging/elevator-pitch.md", "of 2 hours, not 9 days", "matches time-to-invoice and time-to-invoice-before"),
    N("messaging/elevator-pitch.md", "the right technician, so 88%", "matches first-time-fix-rate"),
    N("messaging/why-ashcombe.md", "Nearly nine in ten", "rounds 88%"),
    N("messaging/why-ashcombe.md", "median of two hours", "matches time-to-invoice"),
    N("messaging/why-ashcombe.md", "We are 140 people", "headcount"),
    N("messaging/van-stock.md", "£142K", "rounded restatement of glenbervie-van-stock-saving"),
    N("messaging/service-contracts.md", "$1.1 million", "matches bayou-contract-revenue"),
    N("messaging/service-contracts.md", "at 90, 60 and 30 days", "reminder schedule"),
    N("answers/price.md", "a 25% return-visit rate", "hypothetical prospect, not a claim"),
    N("answers/price.md", "1.4 more jobs a day", "matches extra-jobs-per-day"),
    N("answers/price.md", "up to 10 technicians", "plan limit"),
    N("answers/technician-adoption.md", "Three taps", "UI description"),
    N("answers/technician-adoption.md", "two-week trial", "trial length"),
    N("website/pricing.md", "£39 / €45 / $49", "prices"),
    N("website/pricing.md", "14-day free trial", "trial length"),
    N("website/pricing.md", "KES 4,500", "price"),
    N("website/pricing.md", "10 GB", "spec"),
    N("website/faq.md", "in a fortnight", "smaller outfits, not the median"),
    N("website/faq.md", "up to 72 hours", "product spec"),
    N("website/faq.md", "40,000 assets", "count"),
    N("website/faq.md", "every 12 months from 5 tonnes", "regulation, not a claim"),
    N("press/2026-09-series-b.md", "$38 million Series B", "funding amount"),
    N("press/2026-09-series-b.md", "first-time fix rate of 88%", "matches first-time-fix-rate"),
    N("press/2026-09-series-b.md", "employs 140 people", "headcount"),
    N("website/changelog.md", "31 March 2027", "date"),
    N(BLOG, "45 minutes", "reader's own arithmetic"),
    N(BLOG, "€65 an hour", "reader's own arithmetic"),
    N(BLOG, "forty miles", "scene-setting distance"),
    N("website/careers.md", "about a third of us", "share of staff from the trade; not drive time"),
    N("website/careers.md", "25 days' annual leave", "benefit"),
    N("website/careers.md", "6% of salary", "benefit"),
    N("website/careers.md", "OTE $140,000", "pay"),
    N("website/trust.md", "twice a year", "test frequency"),
    N("website/trust.md", "kept for 35 days", "retention spec"),
    N("website/trust.md", "within 2 working days", "response commitment"),
    N("website/partners.md", "20% referral commission", "commercial term"),
    N("enablement/battlecard-fieldline.md", "about £35", "competitor's price"),
    N("enablement/battlecard-fieldline.md", "£8 a user", "competitor's add-on price"),
    N("enablement/battlecard-fieldline.md", "30-day contract", "contract term"),
    N("enablement/battlecard-fieldline.md", "ours is 88% on average", "matches first-time-fix-rate"),
    N("website/homepage.md", '<Stat value="88%"', "matches first-time-fix-rate"),
    N("website/homepage.md", '<Stat value="2 hrs"', "matches time-to-invoice"),
    # calls
    N(VTT, "Is it still the thirty engineers", "prospect's headcount"),
    N(VTT, "Thirty-two now", "prospect's headcount"),
    N(VTT, "maybe 70%", "prospect's own first-time fix rate"),
    N(VTT, "twenty-three per cent less", "rep quotes drive-time-reduction correctly"),
    N(VTT, "fifty-nine quid", "price"),
    N(VTT, "three hundred and ten thousand euro", "rep quotes mcgarrigle-annual-savings correctly"),
    N(VTT, "Tuesday at ten", "logistics"),
    N(SRT, "sixty engineers", "prospect's own volumes"),
    N(SRT, "about forty vans", "prospect's own volumes"),
    N(SRT, "best part of a year", "prospect's past experience"),
    N(SRT, "hundred and forty-odd thousand", "rounded restatement of £142,000"),
    N(SRT, "eleven grand", "prospect's own fuel spend"),
    N(JSN, "We have 22 technicians", "prospect's own volumes"),
    N(JSN, "Sometimes 60 days", "prospect's payment terms"),
    N(JSN, "a median of two hours", "matches time-to-invoice"),
    N(JSN, "with me 25 years", "prospect's staff tenure"),
    N(JSN, "two-week trial", "trial length"),
    N(ASR, "nineteen trucks", "prospect's own volumes"),
    N(ASR, "one point one million", "rep quotes bayou-contract-revenue correctly"),
    N(ASR, "seventy five a tech", "prospect repeats the price"),
]

CHECK_EXPECTED = [
    E("metric-conflict", "drafts/blog-first-time-fix.md", "close 93% of breakdown",
      "93% first-time fix; first-time-fix-rate is 88% (average)", related=FTF),
    E("retired-claim", "drafts/blog-first-time-fix.md", "saw 34% more first-time fixes",
      "repeats the retired 2023 pilot uplift", related=RET),
    E("stale-claim", "drafts/blog-first-time-fix.md", "by 18%",
      "18% van stock reduction is backed only by proof-points/van-stock, overdue for review",
      related="proof-points/van-stock.md"),
    E("unsupported-claim", "drafts/blog-first-time-fix.md", "fell by 15%",
      "no approved entry backs a fuel-spend reduction"),
    E("metric-conflict", "drafts/email-winter-followup.txt", "go live in three weeks",
      "says contractors of 24 engineers go live in three weeks; median-go-live-weeks is 5 (three is for under 15 technicians)",
      related="proof-points/go-live.md"),
    E("stale-claim", "drafts/email-winter-followup.txt", "EUR 2,900",
      "repeats the winter readiness offer, expired 2026-10-31",
      related="messaging/winter-readiness-offer.md", alt=["set up van stock for free"]),
    E("stale-claim", "drafts/email-winter-followup.txt", "renew 92%",
      "92% renewal rate rests on a source older than max_source_age",
      related="proof-points/contract-renewals.md"),
    E("metric-conflict", "drafts/email-winter-followup.txt", "KES 2.4 million",
      "Tana overtime saving KES 2.4 million; tana-overtime-saving is KES 4.2 million",
      related="case-studies/tana-cooling.md"),
    E("metric-conflict", "drafts/landing-page-service-contracts.md", "**2 more jobs a day**",
      "2 more jobs a day per technician; extra-jobs-per-day is 1.4",
      related="proof-points/jobs-per-day.md"),
    E("unsupported-claim", "drafts/landing-page-service-contracts.md", "6 hours of paperwork",
      "no approved entry backs hours of paperwork saved"),
    E("retired-claim", "drafts/landing-page-service-contracts.md", "report 34% more first-time fixes",
      "repeats the retired 34% uplift", related=RET),
]

CHECK_NEGATIVES = [
    N("drafts/blog-first-time-fix.md", "asked 214 heating", "sample size"),
    N("drafts/blog-first-time-fix.md", "managed 71%", "matches first-time-fix-rate-before"),
    N("drafts/blog-first-time-fix.md", "nearly nine in ten", "rounds 88% (the draft's own 93% is the error)"),
    N("drafts/blog-first-time-fix.md", "for a 30-technician contractor", "hypothetical reader"),
    N("drafts/blog-first-time-fix.md", "almost a quarter off drive time", "rounds drive-time-reduction 23%"),
    N("drafts/blog-first-time-fix.md", "completed 1.4 more jobs", "matches extra-jobs-per-day"),
    N("drafts/blog-first-time-fix.md", "seven more jobs per technician", "derived from 1.4 x 5, as in the proof point"),
    N("drafts/blog-first-time-fix.md", "30-minute benchmark call", "meeting length"),
    N("drafts/email-winter-followup.txt", "your 24 engineers", "prospect's headcount"),
    N("drafts/email-winter-followup.txt", "about 1,100 customers", "prospect's own volumes"),
    N("drafts/email-winter-followup.txt", "at 90, 60 and 30", "reminder schedule"),
    N("drafts/email-winter-followup.txt", "€310,000 a year", "matches mcgarrigle-annual-savings"),
    N("drafts/email-winter-followup.txt", "€69 per technician", "price and contract term"),
    N("drafts/landing-page-service-contracts.md", "at 90, 60 and 30 days", "reminder schedule"),
    N("drafts/landing-page-service-contracts.md", "**$1.1M**", "matches bayou-contract-revenue"),
    N("drafts/landing-page-service-contracts.md", "**3,400**", "matches bayou-contract-count"),
    N("drafts/landing-page-service-contracts.md", "from $49", "price"),
    N("drafts/landing-page-service-contracts.md", "14-day free trial", "trial length"),
]


def labelled(exp):
    out = set()
    for e in exp:
        for ln in [e["line"], *e.get("alt_lines", []), *e.get("turn_lines", [])]:
            out.add((e["path"], ln))
    return out


for exp, neg in ((AUDIT_EXPECTED, AUDIT_NEGATIVES), (CHECK_EXPECTED, CHECK_NEGATIVES)):
    lab = labelled(exp)
    for n in neg:
        if (n["path"], n["line"]) in lab:
            ERRORS.append(f"negative on a labelled line: {n['path']}:{n['line']} ({n['note']})")

if ERRORS:
    sys.exit("\n".join(ERRORS))

labels = {
    "today": TODAY,
    "kb": KB,
    "drafts": DRAFTS,
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                  "retired-claim", "rep-misstatement", "unsupported-claim"],
        "expected": AUDIT_EXPECTED,
        "negatives": AUDIT_NEGATIVES,
    },
    "check": {
        "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": CHECK_EXPECTED,
        "negatives": CHECK_NEGATIVES,
    },
}
with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
    json.dump(labels, fh, indent=2, ensure_ascii=False)
    fh.write("\n")

for sec in ("audit", "check"):
    exp = labels[sec]["expected"]
    counts = {}
    for e in exp:
        k = counts.setdefault(e["rule"], [0, 0])
        k[1 if e.get("optional") else 0] += 1
    print(sec, {r: f"{a}/{b}" for r, (a, b) in counts.items()},
          "expected", sum(1 for e in exp if not e.get("optional")),
          "optional", sum(1 for e in exp if e.get("optional")),
          "negatives", len(labels[sec]["negatives"]))
