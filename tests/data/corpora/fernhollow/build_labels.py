"""Build labels.json for the Fernhollow corpus from anchor strings.

Every label names a string that occurs exactly once in its file; this script turns it into a
1-based line number, adds turn_lines for JSON calls, drops negatives that lie within two lines of
a label in the same file (so a line tolerance cannot score one finding twice), and writes
labels.json next to it.

    python3 build_labels.py
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
TODAY = "2026-11-01"
DRAFTS = [
    "drafts/blog-dry-summer.md",
    "drafts/email-skaha-neighbour.md",
    "drafts/landing-consent-reporting.md",
]
AUDIT_RULES = [
    "metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
    "retired-claim", "rep-misstatement", "unsupported-claim",
]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

WATER = "proof-points/water-savings.md"
YIELD = "proof-points/yield.md"
PUMP = "proof-points/pumping-energy.md"
CONSENT = "proof-points/consent-reporting.md"
ONBOARD = "proof-points/onboarding.md"
PAYBACK = "proof-points/payback.md"
FOOT = "proof-points/footprint.md"
FROST = "proof-points/frost-protection.md"
TEAWA = "case-studies/te-awa-orchards.md"
QUILL = "case-studies/vina-los-quillayes.md"
PRAIRIE = "case-studies/prairie-ridge-coop.md"
BLOG = "blog/water-stress-by-the-numbers.md"
VTT = "calls/2026-09-08-heretaunga-fruit.vtt"
GONG = "calls/2026-09-22-fraser-valley-berries.json"
TXT = "calls/2026-10-06-agricola-maipo.txt"
ASR = "calls/2026-10-20-bannockburn-cherries.srt"


def L(rule, path, anchor, note, related=None, alt=(), optional=False, severity=None, speaker=None):
    return dict(rule=rule, path=path, anchor=anchor, note=note, related=related, alt=list(alt),
                optional=optional, severity=severity, speaker=speaker)


def N(path, anchor, note, speaker=None):
    return dict(path=path, anchor=anchor, note=note, speaker=speaker)


AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    L("metric-conflict", "news/2026-05-chile-launch.md", "cut irrigation water by 28% on average",
      "press release quotes 28% average water saving; irrigation-water-savings is 23% (average)", WATER),
    L("metric-conflict", "events/frost-webinar-recap.md", "by 13% over a single season",
      "webinar recap says Te Awa cut water use by 13%; te-awa-water-savings is 31% (digits swapped)", TEAWA),
    L("metric-conflict", "website/pricing.md", "pays for itself in under six months",
      "pricing page says payback under six months; payback-months is 9 to 14", PAYBACK),
    L("metric-conflict", "website/careers.md", "than 3,000 growers",
      "careers page says more than 3,000 growers; grower-count is more than 2,300 (2026-09)", FOOT),
    L("metric-conflict", "answers/implementation.md", "two weeks after the order is signed",
      "answer says median farm live two weeks after order; median-days-to-first-reading is 10 days", ONBOARD),
    L("metric-conflict", "messaging/vineyards-chile.md", "reduced the water applied in 37%",
      "Chile messaging says Los Quillayes cut water by 37%; quillayes-water-savings is 27%", QUILL),
    # the same conflicting figures sit in entries with no sources: unsourced on the line is tolerated
    L("unsourced-claim", "news/2026-05-chile-launch.md", "cut irrigation water by 28% on average",
      "conflicting figure in an unsourced article; reporting it as unsourced too is fair", optional=True),
    L("unsourced-claim", "events/frost-webinar-recap.md", "by 13% over a single season",
      "conflicting figure in an unsourced article", optional=True),
    L("unsourced-claim", "website/pricing.md", "pays for itself in under six months",
      "conflicting figure in an unsourced article", optional=True),
    L("unsourced-claim", "website/careers.md", "than 3,000 growers",
      "conflicting figure in an unsourced article", optional=True),
    L("unsourced-claim", "answers/implementation.md", "two weeks after the order is signed",
      "conflicting figure in an answer with no sources", optional=True),
    L("unsourced-claim", "messaging/vineyards-chile.md", "reduced the water applied in 37%",
      "conflicting figure in a message with no sources", optional=True),
    # source-conflict
    L("source-conflict", BLOG, "Fernhollow growers use 23% less irrigation water",
      "blog credits the 23% water saving to a 2025 Massey University study; irrigation-water-savings "
      "(23%) comes from the Fernhollow 2026 Water Use Review", WATER,
      alt=["2025 Massey University study.[^3]", "[^3]: Massey University"]),
    L("source-conflict", "messaging/water-budgets.md", "8% more marketable fruit on average",
      "message credits the 8% yield uplift to a 2025 Summerland Research Station trial; yield-uplift "
      "comes from the Lincoln Agritech deficit irrigation trial 2025", YIELD,
      alt=["Summerland Research Station trial showed"]),
    # stale-claim
    L("stale-claim", PUMP, "date: 2023-08-21",
      "only source dated 2023-08-21, older than max_source_age 24m; pump-energy-savings 17% rests on it",
      alt=["value: 17\n", "hectare fell 17% on average"], severity="warning"),
    L("stale-claim", PRAIRIE, "date: 2024-03-15",
      "only source dated 2024-03-15, older than max_source_age 24m (cut-off 2024-11-01); both "
      "prairie-ridge report-hour metrics rest on it",
      alt=["value: 6\n", "value: 60\n", "60 staff hours to 6"], severity="warning"),
    L("stale-claim", CONSENT, "reviewed: 2025-11-20",
      "reviewed 2025-11-20 with review_every 180d (canon.toml): review overdue since 2026-05-19",
      alt=["value: 2\n", "value: 19\n", "takes a median of 2 hours"], severity="warning"),
    L("stale-claim", "messaging/spring-offer.md", "expires: 2026-09-30",
      "offer entry expired 2026-09-30 (severity error); its claim is free installation for 20+ probes",
      alt=["placed before 30 September 2026", "NZ$1,100"], severity="error"),
    L("stale-claim", BLOG, "around 70% of the world's freshwater",
      "70% of freshwater withdrawals cited to FAO AQUASTAT 2017 (footnote 1), older than 24m",
      alt=["[^1]: FAO, AQUASTAT"]),
    L("stale-claim", BLOG, "9.7 billion people by 2050",
      "population figure cited to UN projections 2022, older than 24m",
      alt=["population projections, 2022)"]),
    L("stale-claim", BLOG, "found that 41% of",
      "41% of orchardists on a fixed calendar, from a 2019 Horticulture New Zealand survey",
      alt=["orchardists still irrigated on a fixed calendar"]),
    L("stale-claim", "messaging/water-budgets.md", "25% more water than its trees can use",
      "25% over-watering cited to Irrigation New Zealand's 2022 benchmarking, older than 24m, "
      "presented as the current problem", alt=["Irrigation New Zealand's 2022 benchmarking"]),
    L("stale-claim", "messaging/compliance-reporting.md", "Customers prepare it in about 2 hours",
      "repeats consent-report-hours (2 h, 19 h before), whose entry is overdue for review; a reviewer "
      "may or may not carry the staleness over to a message", alt=["instead of 19."], optional=True),
    # unsourced-claim
    L("unsourced-claim", "messaging/elevator-pitch.md", "nitrate leaching below the root zone by 35%",
      "message has no sources and no metric registers a nitrate leaching reduction"),
    L("unsourced-claim", "messaging/vineyards-chile.md", "uniformity of Brix at harvest in 12%",
      "message has no sources and no metric registers a Brix uniformity gain"),
    L("unsourced-claim", "website/home.md", '<Stat value="30%"',
      "home page stat: 30% fewer spray passes, no source and no metric"),
    L("unsourced-claim", "website/faq.md", "5 fewer hours a week",
      "FAQ claims 5 fewer hours a week checking irrigation; no source, no metric"),
    L("unsourced-claim", "changelog.md", "battery life up to 20% longer",
      "release-note performance figure; a reviewer may accept a changelog as its own evidence",
      optional=True),
    L("unsourced-claim", "changelog.md", "3x faster on slow connections",
      "release-note performance figure", optional=True),
    L("unsourced-claim", TEAWA, "over its daily take limit 6 times",
      "customer result not registered as a metric, in a case study that does list a source",
      optional=True),
    L("unsourced-claim", "website/compare.md", "| 4 to 6 weeks |",
      "competitor figure, qualified in the footnote as typical of entry-level loggers", optional=True),
    L("unsourced-claim", BLOG, "roughly half of all consented takes",
      "context statistic with no citation, next to a footnoted one", optional=True),
    # retired-claim
    L("retired-claim", "events/frost-webinar-recap.md", "40%, Liam reminded attendees",
      "repeats the retired frost-loss-reduction claim (40%)", FROST,
      alt=["Our frost alerts cut frost losses by"]),
    L("retired-claim", "website/compare.md", "| Frost loss reduction | up to 40% |",
      "comparison table repeats the retired frost-loss-reduction claim (up to 40%)", FROST),
    # calls
    L("rep-misstatement", VTT, "on average they use about a third less water",
      "rep says growers use about a third less water on average; irrigation-water-savings is 23%",
      WATER, speaker="Aroha Whaanga"),
    L("rep-misstatement", TXT, "the pumping energy goes down around 30%",
      "rep says pumping energy falls around 30%; pump-energy-savings is 17% (average)", PUMP,
      speaker="Ignacio Fuentes"),
    L("rep-misstatement", ASR, "forty one percent",
      "rep says Te Awa cut water use by forty one percent; te-awa-water-savings is 31%", TEAWA,
      speaker="Liam Fraser"),
    L("retired-claim", GONG, "Our frost alerts cut frost losses by about 40 percent",
      "rep repeats the retired frost-loss-reduction claim", FROST, speaker="Marc-André Tremblay"),
    L("rep-misstatement", GONG, "Our frost alerts cut frost losses by about 40 percent",
      "the retired claim may also be reported as a misstatement", FROST, optional=True,
      speaker="Marc-André Tremblay"),
    L("unsupported-claim", GONG, "we guarantee 99.95% uptime on it",
      "uptime SLA is stated only in answers/data-residency, which is status: draft", speaker="Jenna Kowalchuk"),
    L("stale-claim", ASR, "the median is about two hours for the return",
      "matches consent-report-hours, whose entry is overdue for review", CONSENT, optional=True,
      speaker="Liam Fraser"),
]

AUDIT_NEGATIVES = [
    N(WATER, "412 of the 530", "sample size of the review"),
    N(WATER, "Growers applied 23% less irrigation water per", "the metric's own statement"),
    N(WATER, 'roster ("every third', "describes a watering roster, not a claim"),
    N(YIELD, "produced 8% more marketable fruit on average", "the metric's own statement"),
    N(YIELD, "The trial ran on 18 orchards", "trial size"),
    N(PUMP, "60 m bore", "illustration of a bore depth"),
    N(CONSENT, "The study timed 57 returns", "sample size"),
    N(ONBOARD, "The median farm sees live readings in the app 10 days", "the metric's own statement"),
    N(ONBOARD, "**Day 1.**", "rollout step"),
    N(ONBOARD, "usually 1 probe per 3 to 5 hectares", "probe density rule of thumb"),
    N(ONBOARD, "A two-person crew puts in about 20 probes a day", "install rate, a rollout fact"),
    N(PAYBACK, "| Irrigated area | 40 ha |", "calculation input"),
    N(PAYBACK, "| Gateway (one-off) | NZ$1,450 |", "price used as calculation input"),
    N(PAYBACK, "subscription and the hardware in 9 to 14 months", "the metric's own statement"),
    N(FOOT, "More than 2,300 growers in New Zealand, Canada and Chile run", "the metric's own statement"),
    N(FOOT, "co-operative with 64 member farms", "counting rule"),
    N(TEAWA, "14 blocks across 1,140 hectares", "the customer's own situation"),
    N(TEAWA, "Te Awa put 210 probes in", "number of probes installed"),
    N(TEAWA, "Te Awa applied 31% less", "te-awa-water-savings, the metric's own statement"),
    N(FROST, "cut frost losses by up to 40%", "a retired entry quoting its own retired figure"),
    N("messaging/elevator-pitch.md", "six depths every 15 minutes", "product spec"),
    N(QUILL, "320 hectares of Carménère", "the customer's own situation"),
    N(QUILL, "Fernhollow installed 64 probes", "install size and probe depths"),
    N(QUILL, "reduced the water applied in 27%", "quillayes-water-savings, the metric's own statement"),
    N(PRAIRIE, "21,000 acres", "the co-operative's own situation"),
    N("case-studies/skaha-bench-cellars.md", "48 acres of Pinot Noir", "the customer's own situation"),
    N("case-studies/skaha-bench-cellars.md", "used 19% less irrigation water than in 2024", "skaha-water-savings"),
    N("case-studies/skaha-bench-cellars.md", "adding 10 more probes", "plan, count of probes"),
    N("messaging/elevator-pitch.md", "More than 2,300", "matches grower-count"),
    N("messaging/elevator-pitch.md", "on average they apply 23% less irrigation", "matches irrigation-water-savings"),
    N("messaging/water-budgets.md", "A 12 ha apple block losing 5 mm a day", "worked example, calculation input"),
    N("messaging/water-budgets.md", "needs about 600 m³ a day", "worked example, calculation result"),
    N("messaging/compliance-reporting.md", "takes of 5 litres a second or more", "regulatory threshold (a norm), not a result"),
    N("messaging/vineyards-chile.md", "More than 2.300 growers in three countries", "matches grower-count (Chilean thousands separator)"),
    N("messaging/vineyards-chile.md", "The probes measure at 30, 60 and 90 cm", "probe spec"),
    N("messaging/vineyards-chile.md", "is in drought since more than a decade", "time span, context"),
    N("objections/pricing.md", "a hundred hectares", "prospect phrasing in an objection example"),
    N("objections/connectivity.md", "every second day", "prospect phrasing in an objection example"),
    N("answers/connectivity.md", "up to 8 km in open country", "sourced spec (datasheet)"),
    N("answers/connectivity.md", "store up to 30 days of readings", "sourced spec (datasheet)"),
    N("answers/connectivity.md", "the 4G probe skips", "product name / spec"),
    N("answers/pricing.md", "NZ$38 (CA$34, CLP 24.000)", "list prices"),
    N("answers/pricing.md", "with a 12-month minimum term", "contract term and discount"),
    N("answers/pricing.md", "payback at 9 to 14 months", "matches payback-months"),
    N("answers/pricing.md", "(up to 5 probes)", "plan limit"),
    N("answers/implementation.md", "for half a day", "time span of a task"),
    N("answers/data-ownership.md", "available for export for 90 days", "contract terms"),
    N("answers/data-residency.md", "99.95% uptime SLA", "draft entry: not checked for sourcing or conflicts"),
    N("website/pricing.md", "| Probes | up to 5 | 6 to 500 | 500+ |", "plan limits"),
    N("website/pricing.md", "| Price per probe per month (NZD)", "prices"),
    N("website/pricing.md", "**Save 15% when you pay annually.**", "price discount"),
    N("website/pricing.md", "A 30-day money-back guarantee", "commercial term"),
    N("website/home.md", '<Stat value="23%"', "matches irrigation-water-savings"),
    N("website/home.md", "Probes read moisture at 6 depths every 15 minutes", "product spec"),
    N("website/compare.md", "| Depths measured per probe | 6", "product spec"),
    N("website/compare.md", "| Average water saved | 23%", "matches irrigation-water-savings"),
    N("website/compare.md", "| Data retention | 7 years", "product spec"),
    N("website/faq.md", "1 probe per 3 to 5", "rule of thumb for probe count"),
    N("website/faq.md", "free for up to 5 probes", "plan limit"),
    N("website/faq.md", "3-year warranty", "warranty term"),
    N("news/2026-05-chile-launch.md", "more than 2,300 growers in New Zealand and Canada", "matches grower-count"),
    N("news/2026-05-chile-launch.md", "Santiago team of 12", "headcount"),
    N("news/2026-05-chile-launch.md", "has run about 30%", "cited to DGA 2024: within max_source_age (end of 2024 is after the 2024-11-01 cut-off)"),
    N("news/2026-05-chile-launch.md", "Founded in Christchurch in 2014", "company facts"),
    N("news/2026-05-chile-launch.md", "+64 3 555 0142", "phone number"),
    N("status/history.md", "about 140 gateways", "incident facts"),
    N("status/history.md", "Duration: 2 h 45 min", "incident duration"),
    N("status/history.md", "22:00 to 23:30 PDT", "maintenance window"),
    N("status/history.md", "Roughly 1 in 20 logins", "incident facts"),
    N(BLOG, "4% more irrigated land than its 2023 survey", "cited to Statistics Canada 2025: within max_source_age"),
    N(BLOG, "[^2]: Statistics Canada", "footnote of a current source"),
    N("changelog.md", "## 4.12.0 (3 September 2026)", "version heading"),
    N("changelog.md", "Gateways support up to 64 probes each (was 48)", "product spec, before/after of a limit"),
    N("changelog.md", "1 decimal place instead of 2", "bug fix description"),
    N("changelog.md", "New 90 cm probe", "product name"),
    N("website/careers.md", "We're 85 people", "headcount"),
    N("website/careers.md", "20 days of annual leave", "benefits"),
    N("website/careers.md", "NZ$2,000 (or CA$1,800)", "benefits"),
    N("website/careers.md", "26 weeks of parental leave", "benefits"),
    N("website/careers.md", "(0.8 FTE)", "job detail"),
    N("events/frost-webinar-recap.md", "240 growers registered and 165 joined", "attendance counts"),
    N("events/frost-webinar-recap.md", "within 8 km", "spec in a Q&A answer"),
    N("events/frost-webinar-recap.md", "The recording runs 58 minutes", "duration"),
    # calls
    N(VTT, "We've got 260 hectares of apples", "prospect's own situation, external speaker", "Mere Hohaia"),
    N(VTT, "went over three days running", "prospect's own history", "Mere Hohaia"),
    N(VTT, "Monday, Wednesday, Friday, eight hours", "prospect's roster", "Dean Walsh"),
    N(VTT, "A third. That would get us", "prospect repeating the rep's figure, external speaker", "Mere Hohaia"),
    N(VTT, "one gateway covers up to about eight kilometres", "matches the sourced gateway range", "Liam Fraser"),
    N(VTT, "hold up to 30 days of readings", "matches the sourced buffer spec", "Liam Fraser"),
    N(VTT, "The median is ten days from order to readings", "matches median-days-to-first-reading", "Liam Fraser"),
    N(VTT, "cut their water by 31 percent in their second season", "matches te-awa-water-savings", "Aroha Whaanga"),
    N(VTT, "The Grower plan is 38 dollars a probe a month", "prices and probe count", "Aroha Whaanga"),
    N(VTT, "puts payback at 9 to 14 months", "matches payback-months", "Aroha Whaanga"),
    N(VTT, "Could we do Thursday at 2", "scheduling", "Aroha Whaanga"),
    N(GONG, "We've got 140 acres of blueberries", "prospect's own situation", "Harpreet Sandhu"),
    N(GONG, "10% less water per pound by 2028", "the packer's target, external speaker", "Harpreet Sandhu"),
    N(GONG, "moisture at six depths, every 15 minutes", "product spec", "Jenna Kowalchuk"),
    N(GONG, "about 8% more marketable fruit", "matches yield-uplift", "Jenna Kowalchuk"),
    N(GONG, "34 dollars a probe a month", "price and probe count", "Marc-André Tremblay"),
    N(GONG, "between nine and fourteen months", "matches payback-months", "Marc-André Tremblay"),
    N(GONG, "let's book 30 minutes next week", "scheduling", "Marc-André Tremblay"),
    N(TXT, "we have 480 hectares of table grapes", "prospect's own situation", "Rodrigo Pizarro"),
    N(TXT, "almost 140 million pesos", "prospect's own cost", "Valentina Soto"),
    N(TXT, "Viña Los Quillayes reduced the water applied in 27%", "matches quillayes-water-savings", "Catalina Rojas"),
    N(TXT, "so 52, maybe some more", "probe count and probe depths", "Ignacio Fuentes"),
    N(TXT, "install about 20 probes per day", "install rate and rollout time", "Ignacio Fuentes"),
    N(TXT, "We have more than 2,300 growers in three countries", "matches grower-count", "Catalina Rojas"),
    N(TXT, "It is 24.000 pesos per probe per month", "price, discount, probe count", "Catalina Rojas"),
    N(ASR, "about forty hectares of cherries", "prospect's own situation", "Sophie Barrow"),
    N(ASR, "sixty litres a second", "prospect's consent", "Sophie Barrow"),
    N(ASR, "it's twenty three percent less water", "matches irrigation-water-savings", "Aroha Whaanga"),
    N(ASR, "probably three days on that every july", "prospect's own effort", "Sophie Barrow"),
    N(ASR, "readings is ten days", "matches median-days-to-first-reading", "Liam Fraser"),
    N(ASR, "one point five degrees", "alert threshold setting", "Liam Fraser"),
    N(ASR, "twelve to fifteen probes at thirty eight dollars", "price, probe count, contract term", "Aroha Whaanga"),
]

CHECK_EXPECTED = [
    L("unsupported-claim", DRAFTS[0], "received 38% less rainfall",
      "rainfall statistic with no approved entry behind it"),
    L("metric-conflict", DRAFTS[0], "produce 12% more marketable fruit on average",
      "12% more marketable fruit; yield-uplift is 8% (average)", YIELD),
    L("retired-claim", DRAFTS[0], "losses by 40%, so they are worth",
      "repeats the retired frost-loss-reduction claim", FROST, alt=["Our frost alerts cut frost"]),
    L("stale-claim", DRAFTS[1], "pumping electricity drops 17% on average",
      "17% pumping-energy saving is backed only by an entry whose source is older than max_source_age", PUMP),
    L("stale-claim", DRAFTS[1], "about 2 hours instead of 19",
      "consent-report-hours (2 h, from 19) is backed only by an entry overdue for review", CONSENT),
    L("metric-conflict", DRAFTS[1], "payback in about 6 months",
      "payback about 6 months; payback-months is 9 to 14", PAYBACK),
    L("metric-conflict", DRAFTS[2], 'stat: "under 1 hour"',
      "front-matter hero stat: under 1 hour median; consent-report-hours is 2 hours (median)", CONSENT,
      alt=['label: "median time to prepare']),
    L("stale-claim", DRAFTS[2], 'stat: "under 1 hour"',
      "the measure's only entry is overdue for review; tolerated beside the conflict", CONSENT,
      optional=True),
    L("unsupported-claim", DRAFTS[2], 'value: "92%"',
      "front-matter stat: 92% of returns accepted first time, no approved entry",
      alt=['label: "of returns accepted']),
    L("stale-claim", DRAFTS[2], "60 staff hours to 6",
      "Prairie Ridge 60 to 6 hours is backed only by a case study whose source is older than max_source_age",
      PRAIRIE),
]

CHECK_NEGATIVES = [
    N(DRAFTS[0], "date: 2026-11-10", "front-matter date"),
    N(DRAFTS[0], "# Getting through a dry summer: five lessons", "heading count"),
    N(DRAFTS[0], "applied 31% less water", "matches te-awa-water-savings"),
    N(DRAFTS[0], "growers apply 23% less irrigation water", "matches irrigation-water-savings"),
    N(DRAFTS[0], "## 1. Stop watering", "list heading"),
    N(DRAFTS[0], "more than 2,300 growers", "matches grower-count"),
    N(DRAFTS[1], "220 acres across 3 benches", "prospect's own situation"),
    N(DRAFTS[1], "pump bill that went up 18%", "prospect's own situation"),
    N(DRAFTS[1], "A pilot of 8 probes", "pilot scope and length"),
    N(DRAFTS[1], "CA$34 per probe per month", "prices"),
    N(DRAFTS[1], "used 19% less irrigation water", "matches skaha-water-savings"),
    N(DRAFTS[1], "30 minutes next week", "scheduling"),
    N(DRAFTS[1], "250-555-0199", "phone number"),
    N(DRAFTS[2], 'value: "10 days"', "matches median-days-to-first-reading"),
    N(DRAFTS[2], "1. Connect your water meters", "numbered step"),
    N(DRAFTS[2], "from NZ$38 per probe per month", "price"),
]


def line_of(text: str, anchor: str, where: str) -> int:
    n = text.count(anchor)
    if n != 1:
        raise SystemExit(f"{where}: anchor {anchor!r} occurs {n} times")
    return text[: text.index(anchor)].count("\n") + 1


def turn_lines(path: str, line: int) -> list[int] | None:
    if not path.endswith(".json"):
        return None
    lines = (KB / path).read_text(encoding="utf-8").splitlines()
    first = line
    while '"sentences"' not in lines[first - 2]:
        first -= 1
    last = line
    while not lines[last].lstrip().startswith("]}"):
        last += 1
    return [first, last]


def file_of(path: str) -> Path:
    return HERE / path if path.startswith("drafts/") else KB / path


def build(expected, negatives):
    out_e, spots = [], {}
    for e in expected:
        text = file_of(e["path"]).read_text(encoding="utf-8")
        line = line_of(text, e["anchor"], e["path"])
        item = {"rule": e["rule"], "path": e["path"], "line": line}
        if e["related"]:
            item["related"] = e["related"]
        alts = [line_of(text, a, e["path"]) for a in e["alt"]]
        if alts:
            item["alt_lines"] = alts
        tl = turn_lines(e["path"], line) if e["path"].startswith("calls/") else None
        if tl:
            item["turn_lines"] = tl
        if e["severity"]:
            item["severity"] = e["severity"]
        if e["speaker"]:
            item["speaker"] = e["speaker"]
        if e["optional"]:
            item["optional"] = True
        item["note"] = e["note"]
        out_e.append(item)
        spots.setdefault(e["path"], set()).update([line, *alts, *(tl or [])])
    out_n = []
    for n in negatives:
        text = file_of(n["path"]).read_text(encoding="utf-8")
        line = line_of(text, n["anchor"], n["path"])
        near = [s for s in spots.get(n["path"], ()) if abs(s - line) <= 2]
        if near:
            print(f"negative left out, within two lines of a label: {n['path']}:{line} ({n['anchor']!r})")
            continue
        item = {"path": n["path"], "line": line}
        if n["speaker"]:
            item["speaker"] = n["speaker"]
        tl = turn_lines(n["path"], line) if n["path"].startswith("calls/") else None
        if tl:
            item["turn_lines"] = tl
        item["note"] = n["note"]
        out_n.append(item)
    return out_e, out_n


def main() -> None:
    ae, an = build(AUDIT_EXPECTED, AUDIT_NEGATIVES)
    ce, cn = build(CHECK_EXPECTED, CHECK_NEGATIVES)
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": ae, "negatives": an},
        "check": {"rules": CHECK_RULES, "expected": ce, "negatives": cn},
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, exp, neg in (("audit", ae, an), ("check", ce, cn)):
        req = [e for e in exp if not e.get("optional")]
        print(f"{name}: {len(req)} required, {len(exp) - len(req)} optional, {len(neg)} negatives")


if __name__ == "__main__":
    main()
