"""Build labels.json for the Saltmarsh corpus from anchor strings.

Every label names a piece of text that occurs on exactly one line of its file; this script turns
it into a 1-based line number, so that editing a page never leaves a label pointing at the wrong
line. Run from anywhere: python build_labels.py
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
TODAY = "2026-11-01"

AUDIT_RULES = [
    "metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
    "retired-claim", "rep-misstatement", "unsupported-claim",
]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]
NOT_STALE = [r for r in AUDIT_RULES if r != "stale-claim"]

DRAFTS = [
    "drafts/whitepaper-claims-triage.md",
    "drafts/linkedin-harbourline.md",
    "drafts/landing-fraud-triage.md",
]

# ---------------------------------------------------------------- audit: expected findings
# (rule, path, anchor, extra) ; extra may hold related, alt (anchors), optional, severity,
# speaker, note, turn (True: JSON turn lines are added as turn_lines)
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/loss-adjusters.md", "cuts claim cycle time by 45%",
     dict(related="proof-points/cycle-time",
          note="says cycle time falls by 45%; claim-cycle-reduction is 38% (average)")),
    ("metric-conflict", "answers/integration.md", "about 14 weeks",
     dict(related="proof-points/go-live",
          note="typical carrier live in about 14 weeks; median-go-live-weeks is 10 weeks")),
    ("metric-conflict", "messaging/why-saltmarsh.md", "₦1.8 billion",
     dict(related="case-studies/ekocrest",
          note="EkoCrest avoids NGN 1.8bn a year; ekocrest-fraud-savings is NGN 1.4bn")),
    ("metric-conflict", "website/press-lagos-office.md", "more than 200 insurers",
     dict(related="messaging/why-saltmarsh",
          note="press release says more than 200 customers; customer-count is more than 140 (as of 2026-06)")),
    ("metric-conflict", "blog/insurtech-asia-2026-recap.md", "60% of its travel claims",
     dict(related="case-studies/straits-meridian",
          note="event recap quotes Straits Meridian at 60% straight through; straits-travel-stp is 55%")),
    ("metric-conflict", "website/compare.md", "| 48% |",
     dict(related="proof-points/straight-through",
          note="comparison table gives 48% of low-value claims straight through; straight-through-rate is 42%")),
    ("metric-conflict", "website/motor-claims.md", 'value="52%"',
     dict(related="proof-points/straight-through",
          note="MDX stat component: 52% of low-value claims with no handler touch; straight-through-rate is 42%")),
    # source-conflict
    ("source-conflict", "messaging/fraud-triage.md", "Fraud Review, 61% of Saltmarsh referrals",
     dict(related="proof-points/siu-referrals", alt=["In the 2025 Fenwright Analytics Insurance"],
          note="61% referral precision credited to a 2025 Fenwright Analytics review; "
               "siu-referral-precision comes from the 2026 Saltmarsh Claims Benchmark")),
    ("source-conflict", "blog/true-cost-of-claims-fraud.md", "Saltmarsh customers settled 42% of",
     dict(related="proof-points/straight-through",
          note="42% straight-through credited to a study by Ardmore Research; straight-through-rate "
               "comes from Saltmarsh platform telemetry, H1 2026")),
    # stale-claim
    ("stale-claim", "proof-points/leakage.md", "    date: 2023-09-30",
     dict(alt=["    value: [3, 5]", "by 3 to 5% of incurred claims cost"], severity="warning",
          note="only source dated 2023-09-30, older than max_source_age 24m; leakage-reduction 3-5% rests on it")),
    ("stale-claim", "answers/pricing.md", "    date: 2023-09-30",
     dict(alt=["cut leakage by 3 to 5% of incurred claims"], severity="warning",
          note="the pricing answer's leakage argument cites the 2023 Saltmarsh Leakage Study, older than 24m")),
    ("stale-claim", "proof-points/fnol-handling.md", "reviewed: 2025-11-20",
     dict(alt=["takes 6 minutes on average"], severity="warning",
          note="reviewed 2025-11-20 with review_every 180d (canon.toml): review overdue since 2026-05-19")),
    ("stale-claim", "case-studies/bluegill.md", "expires: 2026-08-31",
     dict(alt=["in 4 days on average"], severity="error",
          note="case study expired 2026-08-31 (naming permission ended); its claim is the 4-day cycle time")),
    ("stale-claim", "blog/true-cost-of-claims-fraud.md", "£1.1 billion",
     dict(alt=["Mutual and Composite Insurers, 2023)"],
          note="UK detected fraud figure cited to a 2023 report, older than 24m before 2026-11-01")),
    ("stale-claim", "blog/true-cost-of-claims-fraud.md", "According to a 2019 survey by the Halvorsen",
     dict(note="10% of P&C losses from a 2019 survey, presented as current")),
    ("stale-claim", "blog/true-cost-of-claims-fraud.md", "one claim in five",
     dict(alt=["[^1]: West African Insurance Analytics"],
          note="Nigerian fraud share cited by footnote to a 2022 survey; the date is in the footnote only")),
    ("stale-claim", "blog/true-cost-of-claims-fraud.md", "only 12% of insurers",
     dict(optional=True, alt=["[^1]: West African Insurance Analytics"],
          note="second figure from the same 2022 footnoted survey, on the line after the first; optional "
               "because a tool may report the paragraph once")),
    ("stale-claim", "website/ifrs17-and-claims.md", "found that 1 in 5 insurers",
     dict(alt=["A 2021 thematic review by the Claims Conduct Forum"],
          note="1 in 5 insurers from a 2021 thematic review, older than 24m")),
    # unsourced-claim
    ("unsourced-claim", "answers/explainability.md", "70% fewer declinature disputes",
     dict(note="answer has no sources and no metric registers declinature disputes")),
    ("unsourced-claim", "messaging/brokers.md", "three times faster",
     dict(note="message has no sources and no metric registers broker query speed")),
    ("unsourced-claim", "messaging/brokers.md", "40% more claims per claims executive",
     dict(note="message has no sources and no metric registers broker claims capacity")),
    ("unsourced-claim", "website/pricing.md", "within 5 months",
     dict(note="payback claim on the pricing page with no source and no registered payback metric")),
    ("unsourced-claim", "website/trust.md", "Measured availability of 99.98%",
     dict(optional=True, note="an operational measurement, not a customer outcome; a reviewer could want a source")),
    ("unsourced-claim", "website/careers.md", "more than 2 million claims",
     dict(optional=True, note="volume claim on the careers page with nothing behind it; low stakes, either way")),
    ("unsourced-claim", "website/changelog.md", "800 ms to 120 ms",
     dict(optional=True, note="engineering change in a changelog; a reviewer could ask for the measurement")),
    ("unsourced-claim", "messaging/fraud-triage.md", "one in ten general insurance claims",
     dict(optional=True, note="industry estimate that the entry itself says to attribute or leave out; "
                              "the entry's only source does not back it")),
    # retired-claim
    ("retired-claim", "messaging/loss-adjusters.md", "at least 25% more in subrogation",
     dict(related="proof-points/recovery-guarantee",
          note="repeats the retired subrogation-uplift guarantee (25% within 90 days)")),
    ("retired-claim", "calls/2026-09-17-oduduwa-general.json",
     "at least twenty-five percent more in subrogation",
     dict(related="proof-points/recovery-guarantee", speaker="Tunde Bakare", turn=True,
          note="rep repeats the retired subrogation-uplift guarantee")),
    ("rep-misstatement", "calls/2026-09-17-oduduwa-general.json",
     "at least twenty-five percent more in subrogation",
     dict(related="proof-points/recovery-guarantee", speaker="Tunde Bakare", turn=True, optional=True,
          note="the same retired figure read as a rep misstatement; tolerated, retired-claim is the label")),
    # rep-misstatement
    ("rep-misstatement", "calls/2026-09-03-thamesbridge-underwriting.vtt", "median go-live is about six weeks",
     dict(related="proof-points/go-live", speaker="Imogen Fairweather",
          note="says median go-live about six weeks; median-go-live-weeks is 10 weeks")),
    ("rep-misstatement", "calls/2026-09-17-oduduwa-general.json", "in about five days",
     dict(related="case-studies/harbourline", speaker="Tunde Bakare", turn=True,
          note="says Harbourline settles in about five days; harbourline-settlement-days is 7 (19 before is right)")),
    ("rep-misstatement", "calls/2026-10-06-copperline-casualty.srt", "about 70% of the claims we refer",
     dict(related="proof-points/siu-referrals", speaker="Cole Harrigan",
          note="says about 70% of referrals confirmed; siu-referral-precision is 61%")),
    ("rep-misstatement", "calls/2026-10-21-lionstone-asr.txt", "like fifty two percent",
     dict(related="proof-points/straight-through", speaker="Chloe Lim",
          note="ASR text: straight-through rate fifty two percent; straight-through-rate is 42%")),
    # unsupported-claim (calls)
    ("unsupported-claim", "calls/2026-09-17-oduduwa-general.json", "nine out of ten fraudulent claims",
     dict(speaker="Tunde Bakare", turn=True,
          note="no approved entry backs a fraud detection rate; the KB measures referral precision only")),
    # stale figures quoted on calls (optional)
    ("stale-claim", "calls/2026-10-06-copperline-casualty.srt", "in four days on average",
     dict(optional=True, speaker="Cole Harrigan", related="case-studies/bluegill",
          note="rep quotes the Bluegill figure after the case study expired (2026-08-31)")),
    ("stale-claim", "calls/2026-10-21-lionstone-asr.txt", "about six minutes on average",
     dict(optional=True, speaker="Chloe Lim", related="proof-points/fnol-handling",
          note="rep quotes fnol-call-minutes, whose entry is overdue for review")),
]

# ---------------------------------------------------------------- audit: negatives
# (path, anchor, note, extra)
AUDIT_NEG = [
    ("proof-points/cycle-time.md", "by 38% on average. The median", "the registered figure itself"),
    ("proof-points/cycle-time.md", "31 insurers and syndicates in four", "sample size of the benchmark"),
    ("proof-points/cycle-time.md", "410,000 motor", "sample size and measurement window"),
    ("proof-points/siu-referrals.md", "between 15% and 25% precision", "market norm, stated as not a Saltmarsh result"),
    ("proof-points/siu-referrals.md", "measured over the 12 months to March 2026", "measurement window"),
    ("proof-points/straight-through.md", "£2,500 ceiling", "customer configuration values (thresholds)"),
    ("proof-points/straight-through.md", "S$1,500", "customer configuration value"),
    ("proof-points/leakage.md", "£400m of incurred claims", "worked example",
     dict(rules=NOT_STALE)),
    ("proof-points/leakage.md", "sampling 200 claims", "sample size", dict(rules=NOT_STALE)),
    ("proof-points/fnol-handling.md", "1,600 calls", "sample size", dict(rules=NOT_STALE)),
    ("proof-points/go-live.md", "two weeks of policy and claims data mapping", "plan phases, time spans"),
    ("proof-points/go-live.md", "configuration and fraud-rule migration, three weeks", "plan phases, time spans"),
    ("proof-points/recovery-guarantee.md", "at least 25% more in subrogation", "a retired entry quoting its own retired figure"),
    ("case-studies/harbourline.md", "600,000 policies", "the customer's own size"),
    ("case-studies/harbourline.md", "median of 19 days", "matches harbourline-settlement-days-before"),
    ("case-studies/harbourline.md", "median of 7 days, and each handler closes 30%", "matches the registered figures"),
    ("case-studies/ekocrest.md", "through 23 branches", "customer's own size"),
    ("case-studies/ekocrest.md", "investigation team of six", "customer's own team size"),
    ("case-studies/ekocrest.md", "₦1.4 billion a year", "the registered figure"),
    ("case-studies/straits-meridian.md", "settles 55% of its travel claims", "the registered figure"),
    ("case-studies/straits-meridian.md", "Claims over S$1,500", "configuration threshold"),
    ("messaging/elevator-pitch.md", "2019. Saltmarsh takes", "a year, not a claim"),
    ("messaging/elevator-pitch.md", "38% on average, and 61% of the claims", "matches claim-cycle-reduction and siu-referral-precision"),
    ("messaging/elevator-pitch.md", "median of 10 weeks", "matches median-go-live-weeks"),
    ("messaging/why-saltmarsh.md", "More than 140 insurers", "the registered figure"),
    ("messaging/why-saltmarsh.md", "median of 9 days instead of 21", "matches motor-settlement-days and -before"),
    ("messaging/why-saltmarsh.md", "61% of referrals are confirmed", "matches siu-referral-precision"),
    ("messaging/why-saltmarsh.md", "median of 7 days, down from 19", "matches harbourline figures"),
    ("messaging/why-saltmarsh.md", "55% of travel claims", "matches straits-travel-stp"),
    ("messaging/why-saltmarsh.md", "founded in 2017", "company history, years"),
    ("messaging/loss-adjusters.md", "$95 per adjuster per month", "price and minimum seats"),
    ("messaging/fraud-triage.md", "since 2018", "a year"),
    ("messaging/fraud-triage.md", "fall by 47% on average", "matches false-referral-reduction"),
    ("messaging/brokers.md", "£450 a month", "price"),
    ("messaging/brokers.md", "20 or 30 insurer panels", "describes brokers' panels, not a claim"),
    ("objections/integration.md", "core system from 2009", "prospect phrasing in an objection entry"),
    ("objections/integration.md", "eighteen months to integrate", "prospect phrasing in an objection entry"),
    ("objections/integration.md", "twelve different spreadsheets", "prospect phrasing in an objection entry"),
    ("answers/integration.md", "has 18 prebuilt connectors", "the registered figure"),
    ("answers/integration.md", "Lloyd's v5.2 standard", "a standard's version number"),
    ("answers/explainability.md", "linked to 4 previously", "example reason code"),
    ("answers/explainability.md", "9 days before loss", "example reason code"),
    ("answers/explainability.md", "every 6 months", "validation interval, a policy"),
    ("answers/explainability.md", "(PS22/9)", "regulation reference"),
    ("answers/pricing.md", "£80m incurred and a 3%", "worked example (calculation input)", dict(rules=NOT_STALE)),
    ("answers/pricing.md", "£2.4m a year", "worked example (result of the calculation)", dict(rules=NOT_STALE)),
    ("answers/pricing.md", "38% faster on average", "restates claim-cycle-reduction", dict(rules=NOT_STALE)),
    ("answers/pricing.md", "more than 15% off list", "commercial policy", dict(rules=NOT_STALE)),
    ("answers/pricing.md", "than 36 months", "contract term", dict(rules=NOT_STALE)),
    ("answers/data-residency.md", "99.95%", "draft entry: not canonical, not checked"),
    ("answers/data-residency.md", "around 40% of Nigerian customers", "draft entry: not canonical, not checked"),
    ("website/pricing.md", "12-month subscription", "contract term"),
    ("website/pricing.md", "| £1,850 / month |", "prices"),
    ("website/pricing.md", "| up to 5,000 |", "plan allowances"),
    ("website/pricing.md", "between 15 and 25%", "fee as a share of subscription, a price term"),
    ("website/pricing.md", "60 days' notice", "contract term"),
    ("website/press-lagos-office.md", "team to 34 people", "headcount of an office"),
    ("website/press-lagos-office.md", "avoid ₦1.4 billion a year", "matches ekocrest-fraud-savings"),
    ("website/press-lagos-office.md", "on 21 October 2026", "a date"),
    ("website/press-lagos-office.md", "Reform Act 2025", "a law's name"),
    ("website/trust.md", "ISO/IEC 27001:2022", "standard name"),
    ("website/trust.md", "99.9% uptime SLA", "contract term (SLA), not an outcome"),
    ("website/trust.md", "recovery time objective of 4 hours", "RPO/RTO commitments"),
    ("website/trust.md", "retained for 7 years", "retention policy"),
    ("website/trust.md", "within 24 hours of confirmation", "notification policy"),
    ("website/trust.md", "72-hour deadline", "regulation"),
    ("blog/true-cost-of-claims-fraud.md", "Verity Re found that 14%", "cited to a 2024 source, within 24m (end of 2024)"),
    ("blog/true-cost-of-claims-fraud.md", "(Verity Re, 2024)", "the citation itself"),
    ("blog/true-cost-of-claims-fraud.md", "2,400 flagged motor claims", "cited to a 2025 source"),
    ("blog/true-cost-of-claims-fraud.md", "investigations team of six", "illustration, a count"),
    ("website/ifrs17-and-claims.md", "1 January 2023", "effective date of a standard"),
    ("website/ifrs17-and-claims.md", "2009/138/EC", "directive number"),
    ("website/ifrs17-and-claims.md", "by around 65%", "a regulator's reform of life business, attributed in the sentence"),
    ("website/ifrs17-and-claims.md", "Under Article 77", "article number"),
    ("website/ifrs17-and-claims.md", "within 90 days of receipt", "regulatory deadline"),
    ("website/ifrs17-and-claims.md", "Since 31 July 2023", "regulatory date"),
    ("website/changelog.md", "3 new fields", "a count in a changelog"),
    ("website/changelog.md", "65,535 rows", "bug description"),
    ("website/changelog.md", "up to 50 insurers", "product limit"),
    ("website/changelog.md", "S$5,000 daily limit", "configuration default"),
    ("website/changelog.md", "31 March 2027", "a date"),
    ("website/careers.md", "team of 160", "company headcount"),
    ("website/careers.md", "27 days' annual leave", "employment benefit"),
    ("website/careers.md", "£1,000 learning budget", "employment benefit"),
    ("website/careers.md", "first 90 days", "a time span"),
    ("blog/insurtech-asia-2026-recap.md", "1,200 attendees", "event facts"),
    ("blog/insurtech-asia-2026-recap.md", "Of the 14 insurers", "counts of conversations at the stand"),
    ("blog/insurtech-asia-2026-recap.md", "180 open claims", "another insurer's own figures"),
    ("website/compare.md", "| 10 weeks (median) |", "matches median-go-live-weeks; 6-9 and 12-18 months are competitor ranges reported by prospects, labelled as such"),
    ("website/compare.md", "| 61% |", "matches siu-referral-precision; 15-25% is a market norm"),
    ("website/compare.md", "fewer than 2,000 claims", "a threshold, not a claim"),
    ("website/motor-claims.md", 'value="38%"', "matches claim-cycle-reduction"),
    ("website/motor-claims.md", 'value="9 days"', "matches motor-settlement-days"),
    ("website/motor-claims.md", "nineteen days now take seven", "matches harbourline figures"),
    ("website/motor-claims.md", "first 24 hours", "a time span"),
    ("website/motor-claims.md", "30-minute demo", "a meeting length"),
    # calls
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "Roughly thirty thousand claims", "prospect's own volume", dict(speaker="Marcus Hale")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "sixty-eight percent last year", "prospect's own loss ratio", dict(speaker="Marcus Hale")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "So thirty thousand claims", "rep restating the prospect's volume", dict(speaker="Imogen Fairweather")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "by thirty-eight percent on average", "matches claim-cycle-reduction", dict(speaker="Imogen Fairweather")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "twenty-one days to nine", "matches motor-settlement-days and -before", dict(speaker="Imogen Fairweather")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "Sixty-one percent of the claims", "matches siu-referral-precision; next sentence is a market norm", dict(speaker="Imogen Fairweather")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "six thousand four hundred pounds", "price and contract term", dict(speaker="Imogen Fairweather")),
    ("calls/2026-09-03-thamesbridge-underwriting.vtt", "Six weeks would be remarkable", "prospect echoing the rep", dict(speaker="Marcus Hale")),
    ("calls/2026-09-17-oduduwa-general.json", "one point four billion naira", "matches ekocrest-fraud-savings", dict(speaker="Tunde Bakare", turn=True)),
    ("calls/2026-09-17-oduduwa-general.json", "through nineteen branches", "prospect's own size", dict(speaker="Emeka Nwosu")),
    ("calls/2026-09-17-oduduwa-general.json", "around fifty-five percent", "prospect's own claims ratio", dict(speaker="Emeka Nwosu")),
    ("calls/2026-09-17-oduduwa-general.json", "sixty-one percent of what we refer", "matches siu-referral-precision", dict(speaker="Priya Venkatesan")),
    ("calls/2026-10-06-copperline-casualty.srt", "forty-eight thousand claims", "prospect's own volume", dict(speaker="Dwayne Whitaker")),
    ("calls/2026-10-06-copperline-casualty.srt", "47% fewer false referrals", "matches false-referral-reduction", dict(speaker="Cole Harrigan")),
    ("calls/2026-10-06-copperline-casualty.srt", "nine days, down from twenty-one", "matches motor-settlement-days and -before", dict(speaker="Cole Harrigan")),
    ("calls/2026-10-06-copperline-casualty.srt", "three thousand dollars", "prospect's own threshold", dict(speaker="Rosalind Marsh")),
    ("calls/2026-10-21-lionstone-asr.txt", "fifty five percent of travel claims", "matches straits-travel-stp (ASR text)", dict(speaker="Chloe Lim")),
    ("calls/2026-10-21-lionstone-asr.txt", "eighteen thousand and fifteen hundred", "rep restating the prospect's volume and threshold", dict(speaker="Chloe Lim")),
    ("calls/2026-10-21-lionstone-asr.txt", "median go live is ten weeks", "matches median-go-live-weeks", dict(speaker="Chloe Lim")),
    ("calls/2026-10-21-lionstone-asr.txt", "about eighteen thousand travel claims", "prospect's own volume", dict(speaker="Tan Wei Ming")),
    ("calls/2026-10-21-lionstone-asr.txt", "eye frs seventeen project", "misheard 'IFRS 17', a standard's name, said by the prospect", dict(speaker="Tan Wei Ming")),
]

# ---------------------------------------------------------------- check: drafts
CHECK = [
    ("stale-claim", "drafts/whitepaper-claims-triage.md", "a 2019 survey by",
     dict(note="10% of P&C losses from a 2019 survey, older than max_source_age")),
    ("unsupported-claim", "drafts/whitepaper-claims-triage.md", "a 2019 survey by",
     dict(optional=True, note="the same industry figure, which no approved entry backs; stale-claim is the label")),
    ("stale-claim", "drafts/whitepaper-claims-triage.md", "reduce leakage by 3 to 5%",
     dict(related="proof-points/leakage", note="only the leakage proof point backs 3-5%, and its source is stale")),
    ("metric-conflict", "drafts/whitepaper-claims-triage.md", "see 55% fewer false referrals",
     dict(related="proof-points/siu-referrals", note="55% fewer false referrals; false-referral-reduction is 47%")),
    ("unsupported-claim", "drafts/whitepaper-claims-triage.md", "reserve volatility by 18%",
     dict(note="no approved entry backs a reserve-volatility figure")),
    ("metric-conflict", "drafts/linkedin-harbourline.md", "median of 5 days",
     dict(related="case-studies/harbourline", note="Harbourline settles in 5 days; harbourline-settlement-days is 7")),
    ("retired-claim", "drafts/linkedin-harbourline.md", "at least 25% more in subrogation",
     dict(related="proof-points/recovery-guarantee", note="repeats the retired subrogation guarantee")),
    ("metric-conflict", "drafts/linkedin-harbourline.md", "200+ insurers",
     dict(related="messaging/why-saltmarsh", note="200+ customers; customer-count is more than 140 "
          "(the press release's 200 is itself a conflict, not a backing)")),
    ("metric-conflict", "drafts/landing-fraud-triage.md", 'value: "64%"',
     dict(related="proof-points/siu-referrals", alt=['label: "of SIU referrals confirmed'],
          note="front-matter stat 64%; siu-referral-precision is 61%")),
    ("unsupported-claim", "drafts/landing-fraud-triage.md", "handling cost by 27%",
     dict(note="no approved entry backs a handling-cost reduction")),
    ("stale-claim", "drafts/landing-fraud-triage.md", "in 6 minutes",
     dict(related="proof-points/fnol-handling", note="only fnol-handling backs 6 minutes, and it is overdue for review")),
]
CHECK_NEG = [
    ("drafts/whitepaper-claims-triage.md", "since 2022", "a year"),
    ("drafts/whitepaper-claims-triage.md", "£250m of incurred claims", "worked example input"),
    ("drafts/whitepaper-claims-triage.md", "worth £2.5m", "worked example result"),
    ("drafts/whitepaper-claims-triage.md", "by 38% on average, from a median of 21 days", "matches claim-cycle-reduction and motor-settlement-days-before"),
    ("drafts/whitepaper-claims-triage.md", "to 9 days.", "matches motor-settlement-days"),
    ("drafts/whitepaper-claims-triage.md", "42% of low-value claims", "matches straight-through-rate"),
    ("drafts/whitepaper-claims-triage.md", "study of 31 insurers", "sample size"),
    ("drafts/whitepaper-claims-triage.md", "12 months to March 2026", "measurement window"),
    ("drafts/linkedin-harbourline.md", "took 19 days", "matches harbourline-settlement-days-before"),
    ("drafts/linkedin-harbourline.md", "closes 30% more claims", "matches harbourline-handler-capacity"),
    ("drafts/linkedin-harbourline.md", "on day 3", "a time span"),
    ("drafts/linkedin-harbourline.md", "#2026", "a hashtag"),
    ("drafts/landing-fraud-triage.md", 'value: "47%"', "matches false-referral-reduction"),
    ("drafts/landing-fraud-triage.md", 'value: "10 weeks"', "matches median-go-live-weeks"),
    ("drafts/landing-fraud-triage.md", "30-minute demo", "meeting length"),
    ("drafts/landing-fraud-triage.md", "avoids ₦1.4 billion", "matches ekocrest-fraud-savings"),
    ("drafts/landing-fraud-triage.md", "Over 140", "matches customer-count"),
    ("drafts/landing-fraud-triage.md", "from £1,850 a month", "price"),
    ("drafts/landing-fraud-triage.md", "from £6,400 a month", "price and contract term"),
]


def _file(path: str) -> Path:
    return HERE / path if path.startswith("drafts/") else KB / path


def line_of(path: str, anchor: str) -> int:
    lines = _file(path).read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, text in enumerate(lines) if anchor in text]
    if len(hits) != 1:
        raise SystemExit(f"anchor {anchor!r} occurs on {len(hits)} lines of {path}")
    return hits[0]


def turn_lines(path: str, line: int) -> list[int]:
    """Lines of every sentence in the JSON turn that holds `line`."""
    lines = _file(path).read_text(encoding="utf-8").splitlines()
    start = line
    while '"speakerId"' not in lines[start - 1]:
        start -= 1
    out, i = [], start + 1
    while i <= len(lines) and not lines[i - 1].strip().startswith("]}"):
        if '"text"' in lines[i - 1]:
            out.append(i)
        i += 1
    return out


def expected(items) -> list[dict]:
    out = []
    for rule, path, anchor, extra in items:
        label = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        if "related" in extra:
            label["related"] = extra["related"]
        if extra.get("alt"):
            label["alt_lines"] = [line_of(path, a) for a in extra["alt"]]
        if extra.get("turn"):
            tl = turn_lines(path, label["line"])
            if len(tl) > 1:
                label["turn_lines"] = tl
        for key in ("severity", "speaker"):
            if key in extra:
                label[key] = extra[key]
        if extra.get("optional"):
            label["optional"] = True
        label["note"] = extra["note"]
        out.append(label)
    return out


def negatives(items) -> list[dict]:
    out = []
    for item in items:
        path, anchor, note = item[:3]
        extra = item[3] if len(item) > 3 else {}
        neg = {"path": path, "line": line_of(path, anchor)}
        if "rules" in extra:
            neg["rules"] = extra["rules"]
        if "speaker" in extra:
            neg["speaker"] = extra["speaker"]
        if extra.get("turn"):
            tl = turn_lines(path, neg["line"])
            if len(tl) > 1:
                neg["turn_lines"] = tl
        neg["note"] = note
        out.append(neg)
    return out


def clash(exp: list[dict], neg: list[dict], rules: list[str]) -> None:
    """A negative may not sit on a line that an expected label of the same rule claims."""
    for n in neg:
        nrules = set(n.get("rules", rules))
        for e in exp:
            if e["path"] != n["path"] or e["rule"] not in nrules:
                continue
            claimed = {e["line"], *e.get("alt_lines", []), *e.get("turn_lines", [])}
            if n["line"] in claimed:
                raise SystemExit(f"negative {n} clashes with {e}")
            if abs(n["line"] - e["line"]) <= 2:
                print(f"note: negative {n['path']}:{n['line']} within 2 lines of {e['rule']} at {e['line']}")


def main() -> None:
    audit_exp, audit_neg = expected(AUDIT), negatives(AUDIT_NEG)
    check_exp, check_neg = expected(CHECK), negatives(CHECK_NEG)
    clash(audit_exp, audit_neg, AUDIT_RULES)
    clash(check_exp, check_neg, CHECK_RULES)
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": audit_exp, "negatives": audit_neg},
        "check": {"rules": CHECK_RULES, "expected": check_exp, "negatives": check_neg},
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, exp, neg in (("audit", audit_exp, audit_neg), ("check", check_exp, check_neg)):
        counts: dict[str, list[int]] = {}
        for e in exp:
            counts.setdefault(e["rule"], [0, 0])[1 if e.get("optional") else 0] += 1
        print(name, {r: f"{c[0]} required, {c[1]} optional" for r, c in counts.items()},
              f"negatives={len(neg)}")


if __name__ == "__main__":
    main()
