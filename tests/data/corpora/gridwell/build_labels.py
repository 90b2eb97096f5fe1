"""Build labels.json for the Gridwell corpus.

Every label names an anchor: a string that occurs on exactly one line of its file. The script turns
anchors into 1-based line numbers, so no line is ever counted by hand, and fails when an anchor is
missing or occurs on more than one line. It also fails when a negative lies on the line (or an
alt_line) of an expected label of a rule it names, which would make the labels contradict each
other. Lines are scored exactly (as northwind's are), so a negative may sit next to an expected
label: adjacent sentences often carry a right and a wrong figure.

    python3 build_labels.py          # writes labels.json next to this file
    python3 build_labels.py --check  # only checks that labels.json is up to date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-01"
KB = "kb"
DRAFTS = [
    "drafts/blog-summer-peaks.md",
    "drafts/email-facilities-directors.md",
    "drafts/landing-schools.md",
    "drafts/social-posts.md",
]
RULES = [
    "unsourced-claim",
    "unsupported-claim",
    "metric-conflict",
    "rep-misstatement",
    "retired-claim",
    "stale-claim",
    "source-conflict",
]
ALL = RULES
# A figure that agrees with a registered metric: no conflict, and it is backed.
AGREES = ["metric-conflict", "unsourced-claim", "unsupported-claim", "rep-misstatement", "retired-claim",
          "source-conflict"]

# ---------------------------------------------------------------------------------------------
# audit: the KB and its calls (paths relative to kb/)
# ---------------------------------------------------------------------------------------------

AUDIT_EXPECTED = [
    # metric-conflict: KB against KB
    dict(rule="metric-conflict", path="messaging/value-prop-finance.md", anchor="demand charges by nearly a third",
         related="proof-points/demand-charges.md",
         note="'nearly a third' (about 33%) of demand charges; demand-charge-reduction is 23% (average)"),
    dict(rule="metric-conflict", path="answers/pricing.md", anchor="recover the subscription within seven months",
         related="proof-points/payback.md",
         note="most customers recover the subscription within seven months; median-payback-months is 11"),
    dict(rule="metric-conflict", path="site/partials/stats-band.md", anchor='<span class="stat__num">31%</span>',
         alt_anchors=["average drop in demand charges"], related="proof-points/demand-charges.md",
         note="stats band (HTML fragment) shows a 31% average drop in demand charges; the metric is 23%"),
    dict(rule="metric-conflict", path="messaging/schools.md", anchor="£122,000",
         related="case-studies/marlow-valley-schools.md",
         note="Marlow Valley saved £122,000 a year; marlow-annual-savings is £212,000 (digits transposed)"),
    dict(rule="metric-conflict", path="site/blog/webinar-recap-hospital-energy.md", anchor="pays back in fourteen months",
         alt_anchors=["Asked about payback, our panel said"], related="proof-points/payback.md",
         note="webinar recap: median customer pays back in fourteen months (spelled out); the median is 11 months"),

    # source-conflict
    dict(rule="source-conflict", path="site/press/2026-06-02-series-b.md", anchor="cut energy use by 18% on average",
         alt_anchors=["heating, cooling and refrigeration to cut cost and carbon"], related="proof-points/energy-savings.md",
         note="press release credits the 18% average energy reduction to 'an independent study by Halden & Pike (2026)'; "
              "avg-energy-reduction is sourced to the Gridwell Portfolio Energy Review 2026"),
    dict(rule="source-conflict", path="proof-points/energy-savings.md", anchor="    value: 18", optional=True,
         related="site/press/2026-06-02-series-b.md",
         note="the same conflict reported from the metric's side (the press release is the natural place)"),
    dict(rule="source-conflict", path="site/_posts/2026-09-14-demand-charges-explained.md",
         anchor="waste 30% of the energy they consume (Lawrence",
         related="site/blog/webinar-recap-hospital-energy.md",
         note="'commercial buildings waste 30% of the energy they consume' is credited to the Lawrence Energy "
              "Institute (2025) here and to the Northfield Buildings Report 2025 in the webinar recap"),
    dict(rule="source-conflict", path="site/blog/webinar-recap-hospital-energy.md", anchor="figure everyone quotes: 30%",
         alt_anchors=["according to the Northfield Buildings Report 2025"], optional=True,
         related="site/_posts/2026-09-14-demand-charges-explained.md",
         note="the other side of the Lawrence / Northfield pair; either side counts"),

    # stale-claim
    dict(rule="stale-claim", path="proof-points/comfort-complaints.md", anchor="    date: 2023-06-30",
         alt_anchors=["    value: 40", "log 40% fewer too-hot"], severity="warning",
         note="only source dated 2023-06-30, older than max_source_age 24m before 2026-11-01; "
              "comfort-complaint-reduction 40% rests on it"),
    dict(rule="stale-claim", path="messaging/retail.md", anchor="reviewed: 2025-10-15",
         alt_anchors=["get back 3 hours a week"], severity="warning",
         note="reviewed 2025-10-15 with review_every 180d (canon.toml): review overdue since 2026-04-13"),
    dict(rule="stale-claim", path="answers/metering-survey-offer.md", anchor="expires: 2026-09-30",
         alt_anchors=["£950 per site"], severity="error",
         note="offer expired 2026-09-30 (severity error); its claim is the waived £950 survey fee"),
    dict(rule="stale-claim", path="site/_posts/2026-09-14-demand-charges-explained.md",
         anchor="Benchmarking Council found that 62%", alt_anchors=["a 2019 survey by the Facilities"],
         note="62% of facility managers with no sub-meter visibility, from 'a 2019 survey': source older than 24m"),
    dict(rule="stale-claim", path="site/resources/benchmark-2026.md", anchor="lighting made up 41%",
         alt_anchors=["A 2022 study by the Retail Energy Forum", "[^2]: Retail Energy Forum"],
         note="lighting is 41% of electricity in non-food stores, from 'a 2022 study' (footnote 2022): source older than 24m"),

    # unsourced-claim: approved entries (typed or articles) stating outcome figures with nothing behind them
    dict(rule="unsourced-claim", path="messaging/hospitals.md", anchor="cut chiller energy by 30%",
         note="typed message, no sources, no metric: hospitals cut chiller energy by 30%"),
    dict(rule="unsourced-claim", path="messaging/retail.md", anchor="get back 3 hours a week",
         note="store managers get back 3 hours a week: no source, no metric"),
    dict(rule="unsourced-claim", path="site/content/solutions/cold-storage.md", anchor="cut refrigeration energy by 15%",
         note="website page (article): cold-store operators cut refrigeration energy by 15%, nothing behind it"),
    dict(rule="unsourced-claim", path="site/content/solutions/cold-storage.md", anchor="Installation takes one day per site",
         optional=True, note="installation time is a product statement; a reviewer could ask for a source or not"),
    dict(rule="unsourced-claim", path="site/press/2026-06-02-series-b.md", anchor="a combined 610 GWh",
         note="press release: customers saved a combined 610 GWh, no source or metric"),
    dict(rule="unsourced-claim", path="site/changelog.md", anchor="22% more accurate",
         note="changelog: day-ahead forecasts 22% more accurate, an outcome figure with nothing behind it"),
    dict(rule="unsourced-claim", path="site/partners.md", anchor="grow their services revenue by 35%",
         note="partners grow services revenue by 35% in their first year: no source"),

    # retired-claim in the KB
    dict(rule="retired-claim", path="site/content/_index.md", anchor="up to 35% lower peak load",
         alt_anchors=["Customers have seen"], related="proof-points/peak-load-2023.md",
         note="homepage repeats the retired 'up to 35% lower peak load' (peak-load-reduction)"),

    # calls
    dict(rule="rep-misstatement", path="calls/2026-09-08-brightwater-learning-trust.json",
         anchor="demand charges by about thirty three percent", speaker="Ciarán Doyle",
         related="proof-points/demand-charges.md",
         note="speech-recognition export, figure in words: thirty three percent; demand-charge-reduction is 23%"),
    dict(rule="unsupported-claim", path="calls/2026-09-08-brightwater-learning-trust.json",
         anchor="about twelve percent of meters", speaker="Ciarán Doyle",
         note="twelve percent of meters misreading: no entry backs it"),
    dict(rule="rep-misstatement", path="calls/2026-09-17-halcyon-health.vtt", anchor="median payback is about eight months",
         speaker="Rob Fairweather", related="proof-points/payback.md",
         note="median payback about eight months; median-payback-months is 11"),
    dict(rule="unsupported-claim", path="calls/2026-09-17-halcyon-health.vtt", anchor="80% fewer nuisance alarms",
         speaker="Thabo Nkosi", note="80% fewer nuisance alarms: no entry backs it"),
    dict(rule="retired-claim", path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="up to 35 per cent lower peak load",
         speaker="Mia Kowalczyk", related="proof-points/peak-load-2023.md",
         note="rep quotes the retired 'up to 35%' peak load figure"),
    dict(rule="unsupported-claim", path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="Ninety-seven per cent of our customers",
         speaker="Mia Kowalczyk", note="97% renewal rate: no entry backs it"),
    dict(rule="rep-misstatement", path="calls/2026-10-14-parkside-estates.txt", anchor="about 40% fewer hours",
         speaker="Ananya Iyer", related="proof-points/hvac-runtime.md",
         note="HVAC plant running about 40% fewer hours; hvac-runtime-reduction is 27%"),
    dict(rule="rep-misstatement", path="calls/2026-10-14-parkside-estates.txt", anchor="three hundred thousand pounds a year",
         speaker="Ananya Iyer", related="case-studies/marlow-valley-schools.md",
         note="Marlow Valley saved about three hundred thousand pounds a year; marlow-annual-savings is £212,000"),
    dict(rule="retired-claim", path="calls/2026-10-21-ridgeway-retail.json", anchor="takes up to 35% off your peak load",
         speaker="Thabo Nkosi", related="proof-points/peak-load-2023.md",
         note="rep repeats the retired peak-load figure"),
    dict(rule="unsupported-claim", path="calls/2026-10-21-ridgeway-retail.json", anchor="cut refrigerant top-ups by half",
         speaker="Thabo Nkosi", note="refrigerant top-ups cut by half: no entry backs it"),
]

AUDIT_NEGATIVES = [
    # proof points and the case study restating their own registered figures, and study scope numbers
    dict(path="proof-points/energy-savings.md", anchor="whole-building energy use fell by 18%", rules=AGREES,
         note="the entry's own metric avg-energy-reduction"),
    dict(path="proof-points/energy-savings.md", anchor="1,140 buildings with at least 24 months", rules=ALL,
         note="scope of the study, not a claim"),
    dict(path="proof-points/energy-savings.md", anchor="base 15.5 °C for heating", rules=ALL,
         note="degree-day base temperatures"),
    dict(path="proof-points/energy-savings.md", anchor="by more than 10% were excluded", rules=ALL,
         note="exclusion criterion of the study"),
    dict(path="proof-points/energy-savings.md", anchor='Say "18% on average" or "nearly a fifth"', rules=AGREES,
         note="usage guidance restating the metric in words"),
    dict(path="proof-points/demand-charges.md", anchor="pay 23% less in demand charges", rules=AGREES,
         note="the entry's own metric"),
    dict(path="proof-points/demand-charges.md", anchor="highest 15-minute or 30-minute", rules=ALL,
         note="tariff mechanics: demand intervals"),
    dict(path="proof-points/demand-charges.md", anchor="relaxes set-points by 1–2 °C", rules=ALL,
         note="set-point band"),
    dict(path="proof-points/demand-charges.md", anchor="The analysis covered 212 sites", rules=ALL,
         note="study scope and tariff threshold ($8 per kW)"),
    dict(path="proof-points/payback.md", anchor="installation in 11 months from go-live", rules=AGREES,
         note="the entry's own metric"),
    dict(path="proof-points/hvac-runtime.md", anchor="runs 27% fewer hours on average", rules=AGREES,
         note="the entry's own metric"),
    dict(path="proof-points/hvac-runtime.md", anchor="typically 20–22 °C in", rules=ALL, note="set-points"),
    dict(path="proof-points/carbon-reporting.md", anchor="With Gridwell the median is 2 days", rules=AGREES,
         note="the entry's own metric carbon-report-prep-days"),
    dict(path="proof-points/platform-scale.md", anchor="more than 4,200 buildings are managed", rules=AGREES,
         note="the entry's own metrics (4,200 buildings, 310 organisations)"),
    dict(path="proof-points/platform-scale.md", anchor="Do not round up to 5,000", rules=ALL,
         note="usage guidance naming a figure not to use; not a claim"),
    dict(path="proof-points/peak-load-2023.md", anchor='Do not use "up to 35% lower peak load"', rules=ALL,
         note="a retired entry quoting its own retired figure is fine"),
    dict(path="proof-points/peak-load-2023.md", anchor="    date: 2023-09-01", rules=["stale-claim"],
         note="retired entries are not checked for staleness"),
    dict(path="case-studies/marlow-valley-schools.md", anchor="14 schools (11 primary, 3", rules=ALL,
         note="size of the customer, not a claim"),
    dict(path="case-studies/marlow-valley-schools.md", anchor="62,000 m²", rules=ALL, note="pupils and floor area"),
    dict(path="case-studies/marlow-valley-schools.md", anchor="Gridwell connected 186 meters", rules=ALL,
         note="meter count"),
    dict(path="case-studies/marlow-valley-schools.md", anchor="saves £212,000 a year", rules=AGREES,
         note="the entry's own metric"),
    dict(path="case-studies/marlow-valley-schools.md", anchor="24.6p/kWh", rules=ALL, note="contract unit rates"),
    # messages that agree with the metrics, in other words
    dict(path="messaging/elevator-pitch.md", anchor="use 18% less energy on average", rules=AGREES,
         note="matches avg-energy-reduction"),
    dict(path="messaging/elevator-pitch.md", anchor="demand charges fall by 23% on average", rules=AGREES,
         note="matches demand-charge-reduction"),
    dict(path="messaging/elevator-pitch.md", anchor="More than 4,200 buildings already run on it", rules=AGREES,
         note="matches buildings-managed"),
    dict(path="messaging/elevator-pitch.md", anchor="two-week baseline", rules=ALL, note="process duration"),
    dict(path="messaging/elevator-pitch.md", anchor="spreadsheet work to two days", rules=AGREES,
         note="about three weeks (15 working days) to two days matches carbon-report-prep-days and its before figure"),
    dict(path="messaging/value-prop-finance.md", anchor="drops by 18% on average in year one", rules=AGREES,
         note="matches avg-energy-reduction"),
    dict(path="messaging/value-prop-finance.md", anchor="median customer pays back in 11 months", rules=AGREES,
         note="matches median-payback-months"),
    dict(path="messaging/value-prop-finance.md", anchor="36-month subscription", rules=ALL, note="contract term"),
    dict(path="messaging/hospitals.md", anchor="25 air changes an hour", rules=ALL,
         note="ventilation rate and fridge temperature band"),
    dict(path="messaging/hospitals.md", anchor="at least 7 years", rules=ALL, note="audit-trail retention"),
    dict(path="messaging/retail.md", anchor="1,200 m²", rules=ALL, note="store size"),
    dict(path="messaging/retail.md", anchor="the worst 10% are obvious", rules=ALL, note="a ranking, not a claim"),
    dict(path="messaging/retail.md", anchor="usually 8 am to 10 pm", rules=ALL, note="trading hours"),
    dict(path="answers/pricing.md", anchor="under 2,000 m², 2,000–10,000 m²", rules=ALL, note="pricing bands"),
    dict(path="answers/pricing.md", anchor="21.4p/kWh day rate", rules=ALL, note="example tariff"),
    dict(path="answers/pricing.md", anchor="more than 15% without approval", rules=ALL, note="discount policy"),
    dict(path="answers/integrations.md", anchor="UDP port 47808", rules=ALL, note="protocol port"),
    dict(path="answers/integrations.md", anchor="at or above v3.5", rules=ALL, note="firmware version"),
    dict(path="answers/integrations.md", anchor="for more than 10", rules=ALL, note="fallback timeout"),
    dict(path="answers/integrations.md", anchor="24 V DC", rules=ALL, note="hardware spec and port 443"),
    dict(path="answers/draft-heat-pumps.md", anchor="demand charges fall by 40%", rules=ALL,
         note="draft entry: not canonical, not checked for sourcing or conflicts"),
    dict(path="objections/existing-bms.md", anchor="five years ago", rules=ALL, note="prospect phrasing in examples"),
    # website pages
    dict(path="site/content/_index.md", anchor="every meter in your estate every 15 minutes", rules=ALL,
         note="read interval"),
    dict(path="site/content/_index.md", anchor='number="18%"', rules=AGREES, note="Hugo shortcode, matches the metric"),
    dict(path="site/content/_index.md", anchor='number="4,200+"', rules=AGREES, note="matches buildings-managed"),
    dict(path="site/content/_index.md", anchor='number="11 months"', rules=AGREES, note="matches median-payback-months"),
    dict(path="site/content/_index.md", anchor="held at −25 °C", rules=ALL, note="temperature"),
    dict(path="site/content/_index.md", anchor="£95 per building per month", rules=ALL, note="list price and ISO version"),
    dict(path="site/content/solutions/cold-storage.md", anchor="2.5 GWh a year", rules=ALL,
         note="typical consumption of a frozen store, context"),
    dict(path="site/content/solutions/cold-storage.md", anchor="−18 °C or colder", rules=ALL, note="HACCP bands"),
    dict(path="site/content/solutions/cold-storage.md", anchor="4 pm–7 pm peak", rules=ALL, note="tariff window"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="peak of 1,150 kW", rules=ALL,
         note="worked example: peak and rate"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="costs $16,330", rules=ALL,
         note="worked example: arithmetic"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="often 80% of the highest peak", rules=ALL,
         note="ratchet clause mechanics"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="account for 18% of", rules=ALL,
         note="EIA share of national consumption, cited inline with no year; a different measure from the 18% metric"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="say, 90% of last year", rules=ALL,
         note="advice: alarm threshold"),
    dict(path="site/_posts/2026-09-14-demand-charges-explained.md", anchor="demand charges fall by 23% on", rules=AGREES,
         note="matches demand-charge-reduction"),
    dict(path="site/resources/benchmark-2026.md", anchor="| Office | 215 |", rules=ALL,
         note="table under a Source: line (Gridwell Portfolio Energy Review 2026)"),
    dict(path="site/resources/benchmark-2026.md", anchor="| Cold store | 760 |", rules=ALL, note="sourced table row"),
    dict(path="site/resources/benchmark-2026.md", anchor="Source: Gridwell Portfolio Energy Review 2026 (1,140", rules=ALL,
         note="the table's source line"),
    dict(path="site/resources/benchmark-2026.md", anchor="roughly twice the energy", rules=ALL,
         note="reading of the sourced table (410 vs 215)"),
    dict(path="site/resources/benchmark-2026.md", anchor="6th edition", rules=ALL, note="footnote: standard edition"),
    dict(path="site/partials/stats-band.md", anchor='<span class="stat__num">4,200+</span>', rules=AGREES,
         note="matches buildings-managed"),
    dict(path="site/partials/stats-band.md", anchor='<span class="stat__num">27%</span>', rules=AGREES,
         note="matches hvac-runtime-reduction"),
    dict(path="site/partials/stats-band.md", anchor='<span class="stat__num">2 days</span>', rules=AGREES,
         note="matches carbon-report-prep-days"),
    dict(path="site/pages/pricing.md", anchor="price={95}", rules=ALL, note="MDX component props: list price"),
    dict(path="site/pages/pricing.md", anchor="up to 40 meters per building", rules=ALL, note="plan limit"),
    dict(path="site/pages/pricing.md", anchor="VAT at 20%", rules=ALL, note="contract term and tax rate"),
    dict(path="site/pages/pricing.md", anchor="3 buildings or £6,000", rules=ALL, note="minimum order"),
    dict(path="site/pages/pricing.md", anchor="The median customer pays back in 11 months", rules=AGREES,
         note="matches median-payback-months"),
    dict(path="site/pages/pricing.md", anchor="90-day pilot on up to 5 buildings", rules=ALL, note="pilot terms"),
    dict(path="site/press/2026-06-02-series-b.md", anchor="$48 million Series B", rules=ALL,
         note="funding amount, a company fact"),
    dict(path="site/press/2026-06-02-series-b.md", anchor="cut energy use by 18% on average",
         rules=["metric-conflict", "unsourced-claim", "stale-claim"],
         note="agrees with the metric value and cites a 2026 study: a source-conflict only"),
    dict(path="site/press/2026-06-02-series-b.md", anchor="140 employees", rules=ALL, note="headcount and offices"),
    dict(path="site/press/2026-06-02-series-b.md", anchor="expand the engineering team by 60", rules=ALL,
         note="hiring plan"),
    dict(path="site/press/2026-06-02-series-b.md", anchor="Founded in 2019", rules=ALL, note="founding year"),
    dict(path="site/changelog.md", anchor="5-minute resolution", rules=ALL, note="data resolution"),
    dict(path="site/changelog.md", anchor="100,000 to 500,000 rows", rules=ALL, note="export limit"),
    dict(path="site/changelog.md", anchor="0.177 kgCO2e/kWh", rules=ALL, note="conversion factor"),
    dict(path="site/changelog.md", anchor="600 requests per minute", rules=ALL, note="API rate limit"),
    dict(path="site/changelog.md", anchor="up to 6 time-of-use bands", rules=ALL, note="feature limit"),
    dict(path="site/partners.md", anchor="| Silver | 25+ | 15% | 2 |", rules=ALL, note="partner tier thresholds"),
    dict(path="site/partners.md", anchor="pass mark 80%", rules=ALL, note="exam pass mark"),
    dict(path="site/partners.md", anchor="for 120 days", rules=ALL, note="deal registration period"),
    dict(path="site/partners.md", anchor="grow their services revenue by 35%", rules=["retired-claim", "metric-conflict"],
         note="35% of partner revenue is not the retired 35% peak-load figure"),
    dict(path="site/security.md", anchor="99.9% monthly uptime", rules=ALL,
         note="contractual SLA and recovery objectives, not an outcome claim"),
    dict(path="site/security.md", anchor="within 72 hours", rules=ALL, note="notification deadline"),
    dict(path="site/security.md", anchor="AES-256 at rest", rules=ALL, note="encryption standards"),
    dict(path="site/blog/webinar-recap-hospital-energy.md", anchor="230-odd estates", rules=ALL, note="attendance"),
    dict(path="site/blog/webinar-recap-hospital-energy.md", anchor="(6 sites, 1,900 beds)", rules=ALL,
         note="size of a customer's estate"),
    dict(path="site/blog/webinar-recap-hospital-energy.md", anchor="about 45% of their electricity", rules=ALL,
         note="a named customer describing her own sub-metering"),
    dict(path="site/blog/webinar-recap-hospital-energy.md", anchor="at 14:00 GMT", rules=ALL, note="event time"),
    # calls: prospects' own numbers and correct figures
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="twenty two schools now", rules=ALL,
         note="prospect's own estate"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="three hundred and forty meters", rules=ALL,
         note="prospect's meter count"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="twenty six pence a kilowatt hour", rules=ALL,
         note="prospect's tariff"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="went up by about forty percent", rules=ALL,
         note="prospect's own bill increase"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="about eighteen percent less energy", rules=AGREES,
         note="rep quotes avg-energy-reduction right, in words"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="set to twenty degrees", rules=ALL,
         note="set-point"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="come on at five in the morning", rules=ALL,
         note="prospect's boiler schedule"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="pays back in eleven months", rules=AGREES,
         note="rep quotes median payback and Marlow Valley's £212,000 right, in words"),
    dict(path="calls/2026-09-08-brightwater-learning-trust.json", anchor="thirty minutes next tuesday", rules=ALL,
         note="logistics"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="1.2 million square feet", rules=ALL,
         note="prospect's floor area and peak"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="about $18 a kW", rules=ALL, note="prospect's tariff"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="demand charges come down 23%", rules=AGREES,
         note="rep quotes demand-charge-reduction right"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="HVAC runs 27% fewer hours", rules=AGREES,
         note="matches hvac-runtime-reduction"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="energy projects is three years", rules=ALL,
         note="prospect's investment threshold"),
    dict(path="calls/2026-09-17-halcyon-health.vtt", anchor="two hours on the Tuesday", rules=ALL, note="logistics"),
    dict(path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="48,000 pallet positions", rules=ALL,
         note="prospect's site and compressor load"),
    dict(path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="thirty-one dollars a kVA", rules=ALL,
         note="prospect's network tariff"),
    dict(path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="logs it every five minutes", rules=ALL,
         note="logging interval"),
    dict(path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="More than 4,200 buildings on the platform", rules=AGREES,
         note="matches buildings-managed"),
    dict(path="calls/2026-10-02-kestrel-cold-chain.srt", anchor="A 90-day pilot on one site", rules=ALL,
         note="pilot terms"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="B or better by 2030", rules=ALL,
         note="regulatory target"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="about 84,000 square metres", rules=ALL,
         note="prospect's portfolio"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="about 14 GWh a year", rules=ALL,
         note="prospect's consumption"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="19 degrees at 8 am", rules=ALL, note="prospect's comfort"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="21 degrees or whatever", rules=ALL, note="set-point"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="from a median of 15 working days to 2 days", rules=AGREES,
         note="matches carbon-report-prep-days and its before figure"),
    dict(path="calls/2026-10-14-parkside-estates.txt", anchor="Ninety minutes with your building manager", rules=ALL,
         note="logistics"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="we have 180 stores", rules=ALL,
         note="prospect's estate"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="about 19 pence a kilowatt hour", rules=ALL,
         note="prospect's tariff"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="demand charges drop 23% on average", rules=AGREES,
         note="matches demand-charge-reduction"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="£240,000 on F-gas", rules=ALL,
         note="prospect's own spend"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="310 customer organisations", rules=AGREES,
         note="matches customer-organisations and buildings-managed"),
    dict(path="calls/2026-10-21-ridgeway-retail.json", anchor="45 minutes on Thursday", rules=ALL, note="logistics"),
]

# ---------------------------------------------------------------------------------------------
# check: the drafts (paths relative to this folder)
# ---------------------------------------------------------------------------------------------

CHECK_EXPECTED = [
    dict(rule="metric-conflict", path="drafts/landing-schools.md", anchor="saves £250,000 a year",
         related="case-studies/marlow-valley-schools.md",
         note="front-matter description: Marlow Valley saves £250,000 a year; marlow-annual-savings is £212,000"),
    dict(rule="metric-conflict", path="drafts/blog-summer-peaks.md", anchor="fall by 28% on average",
         related="proof-points/demand-charges.md", note="demand charges fall by 28%; the metric is 23%"),
    dict(rule="metric-conflict", path="drafts/email-facilities-directors.md", anchor="about nine months, meters",
         alt_anchors=["typically pay back the subscription in"], related="proof-points/payback.md",
         note="pay back in about nine months; median-payback-months is 11"),
    dict(rule="metric-conflict", path="drafts/social-posts.md", anchor="HVAC runtime down by a third",
         related="proof-points/hvac-runtime.md", note="a third (about 33%); hvac-runtime-reduction is 27%"),
    dict(rule="metric-conflict", path="drafts/social-posts.md", anchor="1 in 5 kWh saved", optional=True,
         related="proof-points/energy-savings.md",
         note="1 in 5 (20%) against 18% average: within a loose rounding, a reviewer could go either way"),
    dict(rule="unsupported-claim", path="drafts/blog-summer-peaks.md", anchor="9 out of 10",
         note="catch 9 out of 10 simultaneous heating and cooling faults within a day: no entry backs it"),
    dict(rule="unsupported-claim", path="drafts/email-facilities-directors.md", anchor="save 6 hours a week",
         note="6 hours a week saved on meter reading: no entry backs it"),
    dict(rule="unsupported-claim", path="drafts/landing-schools.md", anchor="out-of-hours heating by 60%",
         note="out-of-hours heating cut by 60%: no entry backs it"),
    dict(rule="unsupported-claim", path="drafts/social-posts.md", anchor="85,000 tonnes of CO2e",
         note="85,000 tonnes CO2e avoided: no entry backs it"),
    dict(rule="retired-claim", path="drafts/blog-summer-peaks.md", anchor="up to 35% lower peak load",
         related="proof-points/peak-load-2023.md", note="retired peak-load-reduction figure"),
    dict(rule="retired-claim", path="drafts/social-posts.md", anchor="Shave up to 35% off your peak",
         related="proof-points/peak-load-2023.md", note="retired peak-load-reduction figure, reworded"),
    dict(rule="stale-claim", path="drafts/email-facilities-directors.md", anchor="log 40% fewer too-hot",
         related="proof-points/comfort-complaints.md",
         note="only comfort-complaint-reduction backs it, and its only source (2023-06-30) is older than 24m"),
    dict(rule="unsupported-claim", path="drafts/email-facilities-directors.md", anchor="log 40% fewer too-hot",
         optional=True, note="the backing entry is stale: stale-claim is the label, unsupported is tolerated"),
    dict(rule="stale-claim", path="drafts/landing-schools.md", anchor="log 40% fewer too-hot and too-cold tickets",
         related="proof-points/comfort-complaints.md", note="backed only by the stale comfort-complaint-reduction"),
    dict(rule="unsupported-claim", path="drafts/landing-schools.md", anchor="log 40% fewer too-hot and too-cold tickets",
         optional=True, note="the backing entry is stale: stale-claim is the label, unsupported is tolerated"),
    dict(rule="source-conflict", path="drafts/email-facilities-directors.md", anchor="18% less energy on average",
         alt_anchors=["An independent analysis by Halden & Pike"], related="proof-points/energy-savings.md",
         note="credits the 18% average to Halden & Pike; avg-energy-reduction is sourced to the "
              "Gridwell Portfolio Energy Review 2026"),
]

CHECK_NEGATIVES = [
    dict(path="drafts/blog-summer-peaks.md", anchor="date: 2027-05-04", rules=ALL, note="front-matter date"),
    dict(path="drafts/blog-summer-peaks.md", anchor="$12 to $18 per kW", rules=ALL, note="tariff range"),
    dict(path="drafts/blog-summer-peaks.md", anchor="1,150 kW peak on a $16.50", rules=ALL, note="worked example"),
    dict(path="drafts/blog-summer-peaks.md", anchor="nearly $19,000 a month", rules=ALL, note="worked example result"),
    dict(path="drafts/blog-summer-peaks.md", anchor="by 10 minutes each", rules=ALL, note="advice"),
    dict(path="drafts/blog-summer-peaks.md", anchor="to 21 °C before the peak", rules=ALL, note="set-points"),
    dict(path="drafts/blog-summer-peaks.md", anchor="2 °C pre-chill", rules=ALL, note="pre-chill depth"),
    dict(path="drafts/blog-summer-peaks.md", anchor="base 18.5 °C", rules=ALL, note="degree-day base"),
    dict(path="drafts/blog-summer-peaks.md", anchor="Across more than 4,200 buildings", rules=AGREES,
         note="matches buildings-managed"),
    dict(path="drafts/blog-summer-peaks.md", anchor="18% less energy on average in their first year", rules=AGREES,
         note="matches avg-energy-reduction"),
    dict(path="drafts/blog-summer-peaks.md", anchor="20-minute tariff review", rules=ALL, note="call length"),
    dict(path="drafts/email-facilities-directors.md", anchor="within 9 months of your year end", rules=ALL,
         note="SECR filing deadline, next to a 9-month payback figure"),
    dict(path="drafts/email-facilities-directors.md", anchor="every 30 minutes", rules=ALL, note="read interval"),
    dict(path="drafts/email-facilities-directors.md", anchor="more than 4,000 buildings", rules=AGREES,
         note="more than 4,000 is true of more than 4,200"),
    dict(path="drafts/email-facilities-directors.md", anchor="2-classroom village schools", rules=ALL,
         note="sizes of customers' buildings"),
    dict(path="drafts/email-facilities-directors.md", anchor="ISO 50001:2018", rules=ALL, note="standard version"),
    dict(path="drafts/email-facilities-directors.md", anchor="3 December at 14:00 GMT", rules=ALL, note="event time"),
    dict(path="drafts/email-facilities-directors.md", anchor="send 2026-11-10 07:30 GMT", rules=ALL,
         note="send schedule"),
    dict(path="drafts/email-facilities-directors.md", anchor="+353 1 555 0142", rules=ALL, note="phone number"),
    dict(path="drafts/email-facilities-directors.md", anchor="14 Hatton Row", rules=ALL, note="address"),
    dict(path="drafts/email-facilities-directors.md", anchor="18% less energy on average",
         rules=["metric-conflict", "unsupported-claim", "stale-claim"],
         note="the value agrees with avg-energy-reduction; only the source differs"),
    dict(path="drafts/landing-schools.md", anchor="empty for 13 weeks a year", rules=ALL,
         note="school holidays and hours"),
    dict(path="drafts/landing-schools.md", anchor="Book a 20-minute demo", rules=ALL, note="call length"),
    dict(path="drafts/landing-schools.md", anchor="## Proven in 14 schools", rules=ALL, note="heading with a count"),
    dict(path="drafts/landing-schools.md", anchor="connected 186 meters across 14 schools", rules=ALL,
         note="meter and school counts"),
    dict(path="drafts/landing-schools.md", anchor="now uses 21% less energy", rules=AGREES,
         note="matches marlow-energy-reduction"),
    dict(path="drafts/landing-schools.md", anchor="The median customer pays back in 11 months", rules=AGREES,
         note="matches median-payback-months; also the price (£95) and term"),
    dict(path="drafts/landing-schools.md", anchor="90-day pilot on up to 5 schools", rules=ALL, note="pilot terms"),
    dict(path="drafts/landing-schools.md", anchor="27001:2022", rules=ALL, note="standard version"),
    dict(path="drafts/social-posts.md", anchor="LinkedIn, Mon 9 Nov, 08:00", rules=ALL, note="schedule heading"),
    dict(path="drafts/social-posts.md", anchor="2 days instead of 15", rules=AGREES,
         note="matches carbon-report-prep-days and its before figure"),
    dict(path="drafts/social-posts.md", anchor="2026 conversion factors", rules=ALL, note="year of the factors"),
    dict(path="drafts/social-posts.md", anchor="Thu 3 Dec, 14:00 GMT", rules=ALL, note="event time"),
]


# ---------------------------------------------------------------------------------------------

def line_of(file: Path, anchor: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, text in enumerate(lines) if anchor in text]
    if not hits:
        raise SystemExit(f"anchor not found in {file}: {anchor!r}")
    if len(hits) > 1:
        raise SystemExit(f"anchor on {len(hits)} lines {hits} of {file}: {anchor!r}")
    return hits[0]


def build_section(expected, negatives, base: Path, rules):
    out_expected, out_negatives = [], []
    for label in expected:
        assert label["rule"] in rules, label
        file = base / label["path"]
        row = {"rule": label["rule"], "path": label["path"], "line": line_of(file, label["anchor"])}
        if "related" in label:
            row["related"] = label["related"]
            assert (HERE / KB / label["related"]).is_file(), label["related"]
        if label.get("alt_anchors"):
            row["alt_lines"] = [line_of(file, a) for a in label["alt_anchors"]]
        for key in ("speaker", "severity"):
            if key in label:
                row[key] = label[key]
        if label.get("optional"):
            row["optional"] = True
        row["note"] = label["note"]
        out_expected.append(row)
    for label in negatives:
        file = base / label["path"]
        for r in label["rules"]:
            assert r in rules, label
        row = {"path": label["path"], "line": line_of(file, label["anchor"]), "rules": list(label["rules"]),
               "note": label["note"]}
        out_negatives.append(row)
    # No negative may sit on the line or an alt_line of an expected label of a rule it names.
    clashes = []
    for neg in out_negatives:
        for exp in out_expected:
            if exp["path"] != neg["path"] or exp["rule"] not in neg["rules"]:
                continue
            for line in [exp["line"], *exp.get("alt_lines", [])]:
                if line == neg["line"]:
                    clashes.append(f"negative {neg['path']}:{neg['line']} ({neg['note']}) lies on the line "
                                   f"of expected {exp['rule']} at {exp['path']}:{line}")
    if clashes:
        raise SystemExit("\n".join(clashes))
    seen = set()
    for exp in out_expected:
        key = (exp["rule"], exp["path"], exp["line"])
        if key in seen:
            raise SystemExit(f"duplicate expected label {key}")
        seen.add(key)
    return {"rules": list(rules), "expected": out_expected, "negatives": out_negatives}


def build() -> dict:
    return {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": build_section(AUDIT_EXPECTED, AUDIT_NEGATIVES, HERE / KB, RULES),
        "check": build_section(CHECK_EXPECTED, CHECK_NEGATIVES, HERE, RULES),
    }


def main() -> None:
    labels = build()
    text = json.dumps(labels, indent=2, ensure_ascii=False) + "\n"
    target = HERE / "labels.json"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            raise SystemExit("labels.json is out of date: run build_labels.py")
        print("labels.json is up to date")
        return
    target.write_text(text, encoding="utf-8")
    for name in ("audit", "check"):
        sec = labels[name]
        req = [e for e in sec["expected"] if not e.get("optional")]
        print(f"{name}: {len(req)} expected (+{len(sec['expected']) - len(req)} optional), "
              f"{len(sec['negatives'])} negatives")
        for rule in RULES:
            n = sum(1 for e in req if e["rule"] == rule)
            o = sum(1 for e in sec["expected"] if e["rule"] == rule and e.get("optional"))
            print(f"  {rule:18} {n}" + (f" (+{o} optional)" if o else ""))


if __name__ == "__main__":
    main()
