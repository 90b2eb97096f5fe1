#!/usr/bin/env python3
"""Build labels.json for the Pebblecroft corpus from anchor strings (stdlib only).

Every label names a file and an anchor: a string that must occur exactly once in that file.
The script turns anchors into 1-based line numbers, and refuses anchors that are missing or
ambiguous, and negatives that sit on a labelled line (expected or optional) for a rule they list.
Paths under drafts/ are relative to this folder; every other path is relative to kb/.

    python3 build_labels.py          # writes labels.json next to this script
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-winter-rota.md",
    "drafts/email-bodmin-vale-followup.txt",
    "drafts/landing-home-care.md",
]
AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

BAD = []


def fpath(path):
    if path.startswith("drafts/"):
        return os.path.join(HERE, path)
    return os.path.join(HERE, KB, path)


def line_of(path, anchor):
    with open(fpath(path), encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(anchor)
    if n != 1:
        BAD.append(f"{path}: anchor {anchor!r} occurs {n} times")
        return 0
    return text[: text.index(anchor)].count("\n") + 1


def E(rule, path, at, note, related=None, alt=None, turn=None, optional=False, **extra):
    return dict(rule=rule, path=path, at=at, note=note, related=related, alt=alt or [],
                turn=turn or [], optional=optional, extra=extra)


def N(path, at, note, rules=None, **extra):
    return dict(path=path, at=at, note=note, rules=rules, extra=extra)


# --------------------------------------------------------------------------- audit
AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    E("metric-conflict", "messaging/why-pebblecroft.md", "Homes cut agency spend by 35%",
      "says homes cut agency spend by 35%; agency-spend-reduction is 31% (average)",
      related="proof-points/agency-spend.md"),
    E("metric-conflict", "messaging/medication-rounds.md", "₹3.8 crore",
      "₹3.8 crore is 38,000,000 INR; sahyadri-annual-saving is ₹38 lakh (3,800,000 INR): lakh/crore slip, ten times too high",
      related="case-studies/sahyadri-senior-living.md"),
    E("metric-conflict", "answers/pricing.md", "28% in year one",
      "Maple Ridge cut agency nursing spend by 28%; mapleridge-agency-reduction is 38%",
      related="case-studies/maple-ridge.md"),
    E("metric-conflict", "website/faq.md", "goes live four weeks after signing",
      "FAQ says the median home goes live in four weeks; median-go-live-weeks is 5 weeks",
      related="answers/implementation.md"),
    E("metric-conflict", "press/2026-10-series-b.md", "saves £221,000 a year",
      "press release says Trelawny saves £221,000 a year; trelawny-agency-saving is £212,000 (digits transposed)",
      related="case-studies/trelawny-care.md"),
    E("metric-conflict", "enablement/battlecard-rotaline.md", "Ours takes 30 minutes off",
      "battlecard says eMAR takes 30 minutes off every round; med-round-time-saved is 22 minutes (average)",
      related="proof-points/med-round-time.md"),
    E("metric-conflict", "website/home.md", 'value="91%"',
      "MDX stat says 91% of open shifts filled without agency; open-shift-fill-rate is 94%",
      related="proof-points/shift-fill.md"),
    # source-conflict
    E("source-conflict", "messaging/home-care-visits.md",
      "According to the Homecare Association's 2026 member survey, 96%",
      "96% of visits on time is attributed to a Homecare Association member survey (and registered again as visit-punctuality-rate with that source); the same figure, visits-on-time 96%, comes from the Pebblecroft Care Workforce Benchmark 2026",
      related="proof-points/visit-punctuality.md",
      alt=["value: 96", "title: Homecare Association member survey 2026",
           "source: Homecare Association member survey 2026"]),
    E("source-conflict", "blog/agency-crisis.md", "agency spend by 31% in the first year, most of it",
      "blog attributes the 31% agency-spend cut to the King's Fund; agency-spend-reduction 31% comes from the Pebblecroft Care Workforce Benchmark 2026",
      related="proof-points/agency-spend.md",
      alt=["The King's Fund found"]),
    # stale-claim
    E("stale-claim", "proof-points/rota-build-time.md", "reviewed: 2026-01-15",
      "reviewed 2026-01-15 with review_every 180d (canon.toml): overdue since 2026-07-14",
      alt=["value: 2\n", "value: 9\n", "average of 9 hours a week"], severity="warning"),
    E("stale-claim", "proof-points/missed-doses.md", "date: 2023-11-30",
      "only source dated 2023-11-30, older than max_source_age 24m (cut-off 2024-12-01); missed-dose-reduction 58% rests on it",
      alt=["value: 58", "Missed or unrecorded doses fell by 58%"], severity="warning"),
    E("stale-claim", "messaging/winter-offer.md", "expires: 2026-10-31",
      "the offer expired 2026-10-31 (severity error); its claim is the free eMAR onboarding worth £3,000 per home",
      alt=["normally worth £3,000 per home"], severity="error"),
    E("stale-claim", "blog/agency-crisis.md", "of 28.3% a year (Skills for Care, 2023)",
      "turnover figure cited to Skills for Care, 2023: a year alone means 2023-12-31, older than 24 months before 2026-12-01",
      severity="warning"),
    E("stale-claim", "enablement/battlecard-rotaline.md", "reviewed: 2025-11-02",
      "article with reviewed 2025-11-02 and the default review_every 180d: overdue since 2026-05-01",
      alt=["Ours takes 30 minutes off"], severity="warning"),
    # unsourced-claim
    E("unsourced-claim", "messaging/why-pebblecroft.md", "digital handovers take 40% less time",
      "entry has no sources and no metric registers handover time"),
    E("unsourced-claim", "answers/staff-adoption.md", "92% of carers accept their first shift",
      "entry has no sources and no metric registers carer app adoption"),
    E("unsourced-claim", "website/pricing.md", "The average home saves £38,000 a year",
      "pricing page states an average saving per home; no source and no metric behind it"),
    E("unsourced-claim", "website/changelog.md", "fills open shifts twice as fast",
      "performance claim (2x faster shift fill) with no source or metric; the 38-minute median is not a speed-up"),
    E("unsourced-claim", "website/trust.md", "available 99.95% of the time",
      "availability figure for the last 12 months with no source and no metric"),
    E("unsourced-claim", "website/home.md", 'value="23%"',
      "MDX stat: 23% lower first-year carer turnover; no source and no metric"),
    # retired-claim
    E("retired-claim", "messaging/elevator-pitch.md", "cut overtime by 45%",
      "repeats the retired overtime-cut-2024 figure (45%); the current overtime-reduction is 27%",
      related="proof-points/overtime-2024.md"),
    E("retired-claim", "website/partners.md", "typically cut overtime by nearly half",
      "'nearly half' restates the retired 45% overtime cut from the 2024 pilot (it's still on old partner slides)",
      related="proof-points/overtime-2024.md"),
    # calls
    E("rep-misstatement", "calls/2026-10-08-bodmin-vale.vtt", "ninety-eight percent of open shifts",
      "rep says 98% of open shifts are filled by own staff; open-shift-fill-rate is 94%",
      related="proof-points/shift-fill.md", speaker="Kerenza Pascoe"),
    E("rep-misstatement", "calls/2026-11-12-lakeshore-ltc.srt", "Most homes are live in three weeks",
      "rep says most homes are live in three weeks; median-go-live-weeks is 5",
      related="answers/implementation.md", speaker="Gabrielle Tremblay"),
    E("unsupported-claim", "calls/2026-11-12-lakeshore-ltc.srt", "over sixty payroll systems",
      "no approved entry states a number of payroll integrations (the partner page lists five)",
      speaker="Gabrielle Tremblay"),
    E("rep-misstatement", "calls/2026-10-21-eko-gardens.json", "they saved eighty-four million naira",
      "rep says Adaeze saved ₦84 million; adaeze-overtime-saving is ₦48 million",
      related="case-studies/adaeze-homes.md", speaker="Chiamaka Eze",
      turn=["Adaeze Care Homes, you may know them", "they saved eighty-four million naira",
            "And they now fill ninety-seven percent"]),
    E("retired-claim", "calls/2026-10-21-eko-gardens.json", "cut overtime by forty-five percent",
      "rep repeats the retired 45% overtime cut (overtime-cut-2024)",
      related="proof-points/overtime-2024.md", speaker="Tunde Bakare"),
    E("rep-misstatement", "calls/2026-11-04-kaveri-care.txt", "agency spend by forty one percent",
      "rep says agency spend comes down 41% on average; agency-spend-reduction is 31%",
      related="proof-points/agency-spend.md", speaker="Arjun Menon"),
    E("unsupported-claim", "calls/2026-11-04-kaveri-care.txt", "seventy percent of our homes stop using agency",
      "no approved entry says what share of homes stop using agency", speaker="Arjun Menon"),
    # optional
    E("unsourced-claim", "press/2026-10-series-b.md", "announced an £18 million Series B",
      "the company's own funding round: arguably not a claim that needs a source", optional=True),
    E("unsourced-claim", "enablement/battlecard-rotaline.md", "They quote around £3 per user per month",
      "a competitor's list price in an internal battlecard; a reviewer might want a source", optional=True),
    E("rep-misstatement", "calls/2026-10-21-eko-gardens.json", "cut overtime by forty-five percent",
      "the retired 45% also differs from overtime-reduction 27%: tolerated as rep-misstatement on the same line",
      related="proof-points/overtime.md", optional=True, speaker="Tunde Bakare"),
    E("metric-conflict", "website/partners.md", "typically cut overtime by nearly half",
      "nearly half also conflicts with overtime-reduction 27%; the retired-claim is the finding",
      related="proof-points/overtime.md", optional=True),
    E("metric-conflict", "messaging/elevator-pitch.md", "cut overtime by 45%",
      "45% also conflicts with overtime-reduction 27%; the retired-claim is the finding",
      related="proof-points/overtime.md", optional=True),
]

NOT_STALE = ["metric-conflict", "source-conflict", "unsourced-claim", "retired-claim",
             "rep-misstatement", "unsupported-claim"]

AUDIT_NEG = [
    N("proof-points/shift-fill.md", "Benchmark, 94% of open", "the metric's own prose"),
    N("proof-points/shift-fill.md", "median shift was picked up 38 minutes", "the metric's own prose (shift-fill-time)"),
    N("proof-points/shift-fill.md", "Methodology: 412 care homes", "sample size, not a claim"),
    N("proof-points/shift-fill.md", "between April 2025 and March 2026", "time span of the study"),
    N("proof-points/shift-fill.md", "more than nine in ten open shifts filled", "rounds 94%"),
    N("proof-points/agency-spend.md", "Benchmark, homes cut their agency staffing spend by 31%", "the metric's own prose"),
    N("proof-points/agency-spend.md", "against the twelve months before go-live", "baseline period, not a claim"),
    N("proof-points/agency-spend.md", "say \"31% on average\" or \"nearly a third\"", "guidance restating 31%"),
    N("proof-points/med-round-time.md", "medication round in our time-and-motion study", "line 2 of the metric prose (22 minutes is on the line above)"),
    N("proof-points/med-round-time.md", "Switching from paper MAR charts to Pebblecroft eMAR saved an average of 22", "the metric's own prose"),
    N("proof-points/med-round-time.md", "close to an hour and a half", "four rounds x 22 minutes, derived and consistent"),
    N("proof-points/med-round-time.md", "The study observed 186 rounds", "sample size"),
    N("proof-points/med-round-time.md", "A round of 28 residents took 71 minutes", "before/after round times of the study, consistent with the 22-minute saving"),
    N("proof-points/visit-punctuality.md", "Benchmark, 96% of visits", "the metric's own prose"),
    N("proof-points/visit-punctuality.md", "The 15-minute window is the commissioning standard", "a definition (norm), not a result"),
    N("proof-points/visit-punctuality.md", "after 10 minutes", "product setting"),
    N("proof-points/rota-build-time.md", "The survey went to managers at 230 homes", "sample size", rules=NOT_STALE),
    N("proof-points/overtime-2024.md", "The 2024 pilot reported that homes cut paid overtime by 45%", "the retired entry stating its own claim is not a retired-claim"),
    N("proof-points/overtime.md", "paid 27% fewer overtime hours", "the metric's own prose"),
    N("proof-points/overtime.md", "Say \"about a quarter less overtime\"", "rounds 27%"),
    N("case-studies/trelawny-care.md", "Trelawny saves £212,000 a year", "the metric's own prose"),
    N("case-studies/trelawny-care.md", "\"over £200k a year\"", "rounded restatement that agrees"),
    N("case-studies/trelawny-care.md", "about 380 beds", "count"),
    N("case-studies/trelawny-care.md", "The saving was worked out with Trelawny's finance team from twelve months", "method, time span"),
    N("case-studies/adaeze-homes.md", "Adaeze saved ₦48 million", "the metric's own prose"),
    N("case-studies/adaeze-homes.md", "with about 210 staff", "count"),
    N("case-studies/adaeze-homes.md", "the ₦48 million is a full-year figure", "restates the metric"),
    N("case-studies/maple-ridge.md", "reviewed: 2025-12-09", "entry-level review_every 1y overrides the 180d default: not overdue until 2026-12-09", rules=["stale-claim"]),
    N("case-studies/maple-ridge.md", "cut agency nursing spend by 38%", "the metric's own prose"),
    N("case-studies/maple-ridge.md", "roughly 740 beds", "count"),
    N("case-studies/sahyadri-senior-living.md", "came down from 95 minutes to", "the case's own before/after metrics"),
    N("case-studies/sahyadri-senior-living.md", "saves ₹38 lakh a year", "the metric's own prose (₹38 lakh = 3,800,000 INR)"),
    N("case-studies/sahyadri-senior-living.md", "present the 35 minutes as a typical saving", "derived difference, explicitly not a typical figure; not a conflict with the 22-minute average"),
    N("case-studies/sahyadri-senior-living.md", "with 260 residents", "count"),
    N("messaging/elevator-pitch.md", "More than 1,100 care homes", "matches care-home-count"),
    N("messaging/elevator-pitch.md", "value: 1100", "the metric itself"),
    N("messaging/why-pebblecroft.md", "94% on average", "matches open-shift-fill-rate"),
    N("messaging/why-pebblecroft.md", "falls by about a quarter", "rounds overtime-reduction 27%"),
    N("messaging/why-pebblecroft.md", "eMAR takes 22 minutes off", "matches med-round-time-saved"),
    N("messaging/why-pebblecroft.md", "most homes are live in about five weeks", "matches median-go-live-weeks"),
    N("messaging/medication-rounds.md", "save 22 minutes on every medication round", "matches med-round-time-saved"),
    N("messaging/medication-rounds.md", "nearly ninety minutes", "four rounds x 22 minutes, derived and consistent"),
    N("messaging/medication-rounds.md", "from 95 minutes to 60", "matches sahyadri-med-round-before and sahyadri-med-round"),
    N("messaging/winter-offer.md", "Until 31 October 2026, homes that sign a 12-month", "contract term and offer date", rules=NOT_STALE),
    N("messaging/winter-offer.md", "homes of 20 beds or more", "eligibility, not a claim"),
    N("answers/pricing.md", "Homes cut agency spend by 31% on average", "matches agency-spend-reduction"),
    N("answers/pricing.md", "£212,000 a year across nine homes", "matches trelawny-agency-saving and trelawny-homes"),
    N("answers/pricing.md", "(27% lower on", "matches overtime-reduction"),
    N("answers/pricing.md", "Minimum term is 12 months", "contract term"),
    N("answers/implementation.md", "The median home is live five weeks after signing", "the metric's own prose"),
    N("answers/implementation.md", "£950 (C$1,600)", "list price of the set-up fee, not a performance claim"),
    N("website/pricing.md", "£4.50 per bed per month", "list price"),
    N("website/pricing.md", "Minimum term 12 months", "contract term"),
    N("website/pricing.md", "set-up fee of £950", "list price; matches answers/implementation"),
    N("website/faq.md", "ninety-four per cent", "matches open-shift-fill-rate"),
    N("website/faq.md", "checks in within 15 minutes of the planned start", "definition of on time, not a result"),
    N("press/2026-10-series-b.md", "more than 1,100 care homes", "matches care-home-count"),
    N("press/2026-10-series-b.md", "over the next 18 months", "plan, time span"),
    N("website/changelog.md", "expire after 30 minutes", "product setting"),
    N("website/changelog.md", "iOS 16 and Android 10", "version numbers"),
    N("website/changelog.md", "from 15 to 120 minutes", "product setting"),
    N("website/changelog.md", "next 2 hours of visits", "product setting"),
    N("website/changelog.md", "24-hour notice", "rule setting"),
    N("blog/agency-crisis.md", "(LaingBuisson, 2025)", "source dated 2025 (end of 2025): inside max_source_age 24m", rules=["stale-claim"]),
    N("blog/agency-crisis.md", "(NMCN, 2024)", "a year alone means 2024-12-31, just inside the 24-month cut-off of 2024-12-01", rules=["stale-claim", "unsourced-claim"]),
    N("blog/agency-crisis.md", "Across Pebblecroft homes, 94%", "matches open-shift-fill-rate"),
    N("blog/agency-crisis.md", "that came to £212,000 a year", "matches trelawny-agency-saving"),
    N("blog/agency-crisis.md", "for six years", "author's biography"),
    N("website/careers.md", "We're 140 people", "headcount, company fact"),
    N("website/careers.md", "28 days' holiday", "benefit"),
    N("website/careers.md", "£1,000 a year", "benefit"),
    N("website/careers.md", "within 10 working days", "hiring process"),
    N("website/trust.md", "Backups run every 15 minutes", "specification"),
    N("website/trust.md", "recovery target is 4 hours", "a target (specification), not a result"),
    N("website/trust.md", "ISO/IEC 27001:2022", "standard name"),
    N("website/trust.md", "NDPA 2023", "name of a law, not a source date", rules=["stale-claim"]),
    N("website/partners.md", "more than 40 partner pharmacies", "count of partners, company fact"),
    N("enablement/battlecard-rotaline.md", "60-bed home with 90 staff", "worked example", rules=NOT_STALE),
    N("website/home.md", 'value="5 weeks"', "matches median-go-live-weeks"),
    N("website/home.md", "more than 1,100 care homes", "matches care-home-count"),
    N("website/home.md", "From nine homes in Cornwall to six residences", "customer sizes, matches trelawny-homes"),
    N("website/home.md", "Book a 30-minute demo", "call to action"),
    # calls
    N("calls/2026-10-08-bodmin-vale.vtt", "Ninety-two beds altogether", "prospect's own numbers", speaker="Jenna Trevail"),
    N("calls/2026-10-08-bodmin-vale.vtt", "about eleven thousand a month", "prospect's own spend", speaker="Jenna Trevail"),
    N("calls/2026-10-08-bodmin-vale.vtt", "forty-eight pound an hour", "prospect's agency rate", speaker="Jenna Trevail"),
    N("calls/2026-10-08-bodmin-vale.vtt", "Ninety-eight? That sounds high", "external speaker repeating the rep's figure", speaker="Pete Rowe"),
    N("calls/2026-10-08-bodmin-vale.vtt", "about thirty-eight minutes", "matches shift-fill-time", speaker="Kerenza Pascoe"),
    N("calls/2026-10-08-bodmin-vale.vtt", "cut agency spend by thirty-one percent", "matches agency-spend-reduction and trelawny-agency-saving", speaker="Kerenza Pascoe"),
    N("calls/2026-10-08-bodmin-vale.vtt", "goes live five weeks after signing", "matches median-go-live-weeks", speaker="Kerenza Pascoe"),
    N("calls/2026-10-08-bodmin-vale.vtt", "send it over by Thursday", "scheduling", speaker="Kerenza Pascoe"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "We're one home, 212 beds", "prospect's own numbers", speaker="Lisa Kowalczyk"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "from about 2009", "prospect's system age", speaker="Raj Sidhu"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "by thirty-eight percent in the first year", "matches mapleridge-agency-reduction and mapleridge-annual-saving", speaker="Gabrielle Tremblay"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "thirty-one percent on average", "matches agency-spend-reduction", speaker="Gabrielle Tremblay"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "twenty-four hours for most", "rule setting", speaker="Gabrielle Tremblay"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "Three weeks. Okay.", "external speaker repeating the rep's figure", speaker="Lisa Kowalczyk"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "twelve-month term", "contract term", speaker="Gabrielle Tremblay"),
    N("calls/2026-11-12-lakeshore-ltc.srt", "based on your 1.4 million", "rep restating the prospect's own spend", speaker="Gabrielle Tremblay"),
    N("calls/2026-10-21-eko-gardens.json", "about nineteen million naira", "prospect's own overtime bill", speaker="Emeka Nwosu"),
    N("calls/2026-10-21-eko-gardens.json", "about a hundred and forty staff", "prospect's own count", speaker="Folake Adeyemi"),
    N("calls/2026-10-21-eko-gardens.json", "And they now fill ninety-seven percent", "matches adaeze-shift-fill", speaker="Chiamaka Eze", rules=["unsupported-claim"]),
    N("calls/2026-10-21-eko-gardens.json", "Eighty-four million is a lot", "external speaker repeating the rep's figure", speaker="Folake Adeyemi"),
    N("calls/2026-10-21-eko-gardens.json", "twenty-seven percent on average", "matches overtime-reduction", speaker="Tunde Bakare"),
    N("calls/2026-10-21-eko-gardens.json", "a hundred and twenty beds", "quote size", speaker="Chiamaka Eze"),
    N("calls/2026-11-04-kaveri-care.txt", "one hundred and eighty residents", "prospect's own numbers", speaker="Sister Mary Thomas"),
    N("calls/2026-11-04-kaveri-care.txt", "save twenty two minutes per round", "matches med-round-time-saved", speaker="Arjun Menon"),
    N("calls/2026-11-04-kaveri-care.txt", "from ninety five minutes to sixty minutes", "matches sahyadri-med-round-before and sahyadri-med-round", speaker="Arjun Menon"),
    N("calls/2026-11-04-kaveri-care.txt", "thirty eight lakh per year", "matches sahyadri-annual-saving", speaker="Arjun Menon"),
    N("calls/2026-11-04-kaveri-care.txt", "around six lakh every month", "prospect's own agency spend", speaker="Dr Sunita Rao"),
    N("calls/2026-11-04-kaveri-care.txt", "forty one percent ok", "external speaker repeating the rep's figure", speaker="Dr Sunita Rao"),
    N("calls/2026-11-04-kaveri-care.txt", "median is five weeks", "matches median-go-live-weeks", speaker="Arjun Menon"),
    N("calls/2026-11-04-kaveri-care.txt", "fifty plus", "prospect's staff ages", speaker="Sister Mary Thomas"),
]

# --------------------------------------------------------------------------- check
CHECK_EXPECTED = [
    E("metric-conflict", "drafts/blog-winter-rota.md", "spend down 40% in the first year",
      "agency spend down 40%; agency-spend-reduction is 31%", related="proof-points/agency-spend.md"),
    E("retired-claim", "drafts/blog-winter-rota.md", "cut overtime by 45 per cent",
      "repeats the retired 45% overtime cut (overtime-cut-2024)", related="proof-points/overtime-2024.md"),
    E("unsupported-claim", "drafts/blog-winter-rota.md", "carers save five hours a week on paperwork",
      "no approved entry backs paperwork time saved by carers"),
    E("stale-claim", "drafts/blog-winter-rota.md", "record 58% fewer missed doses",
      "missed-dose-reduction is backed only by a source older than max_source_age",
      related="proof-points/missed-doses.md"),
    E("stale-claim", "drafts/email-bodmin-vale-followup.txt", "from 9 hours a week to 2",
      "rota-build-time and rota-build-time-before live in an entry overdue for review",
      related="proof-points/rota-build-time.md"),
    E("metric-conflict", "drafts/email-bodmin-vale-followup.txt", "live 3 weeks after signing",
      "median home live in 3 weeks; median-go-live-weeks is 5", related="answers/implementation.md"),
    E("stale-claim", "drafts/email-bodmin-vale-followup.txt", "eMAR onboarding for free (normally £3,000",
      "the winter eMAR onboarding offer expired 2026-10-31", related="messaging/winter-offer.md"),
    E("metric-conflict", "drafts/landing-home-care.md", "99% of visits planned on Pebblecroft",
      "99% of visits on time; visits-on-time is 96%", related="proof-points/visit-punctuality.md"),
    E("metric-conflict", "drafts/landing-home-care.md", "picked up in a median of 15 minutes",
      "open shifts picked up in a median of 15 minutes; shift-fill-time is a 38-minute median (the 15 minutes on the line above is the on-time window)",
      related="proof-points/shift-fill.md"),
    E("unsupported-claim", "drafts/landing-home-care.md", "missed visits by 60%",
      "no approved entry backs a reduction in missed visits"),
    E("unsupported-claim", "drafts/landing-home-care.md", "Updates reach families 10x faster",
      "no approved entry backs family update speed"),
    # optional
    E("unsupported-claim", "drafts/email-bodmin-vale-followup.txt", "around £3,400 a month",
      "31% of the prospect's own £11,000: a derived estimate from an approved figure; tolerated either way",
      optional=True),
    E("metric-conflict", "drafts/blog-winter-rota.md", "cut overtime by 45 per cent",
      "45% also conflicts with overtime-reduction 27%; the retired-claim is the finding",
      related="proof-points/overtime.md", optional=True),
]

CHECK_NEG = [
    N("drafts/blog-winter-rota.md", "Pebblecroft, 94% of open shifts", "matches open-shift-fill-rate"),
    N("drafts/blog-winter-rota.md", "is picked up 38 minutes", "matches shift-fill-time"),
    N("drafts/blog-winter-rota.md", "saves £212,000 a year", "matches trelawny-agency-saving"),
    N("drafts/blog-winter-rota.md", "within 15 minutes of the plan", "definition of on time, not a result"),
    N("drafts/blog-winter-rota.md", "by nearly a third", "rounds agency-spend-reduction 31%"),
    N("drafts/blog-winter-rota.md", "30-minute demo", "call to action"),
    N("drafts/blog-winter-rota.md", "Homes that plan two weeks out", "planning horizon, not a claim"),
    N("drafts/email-bodmin-vale-followup.txt", "three homes, 92 beds", "prospect's own numbers"),
    N("drafts/email-bodmin-vale-followup.txt", "£11,000 a month on agency", "prospect's own spend"),
    N("drafts/email-bodmin-vale-followup.txt", "On average 94% of open shifts", "matches open-shift-fill-rate"),
    N("drafts/email-bodmin-vale-followup.txt", "Homes cut agency spend by 31% on average", "matches agency-spend-reduction"),
    N("drafts/email-bodmin-vale-followup.txt", "12-month minimum term", "contract term"),
    N("drafts/landing-home-care.md", "checks in within 15 minutes of the planned start", "definition of on time"),
    N("drafts/landing-home-care.md", "more than 1,100 care providers", "matches care-home-count"),
    N("drafts/landing-home-care.md", "Book a 30-minute demo", "call to action"),
]


def build_expected(items):
    out = []
    for it in items:
        d = {"rule": it["rule"], "path": it["path"], "line": line_of(it["path"], it["at"])}
        if it["related"]:
            d["related"] = it["related"]
        alts = [line_of(it["path"], a) for a in it["alt"]]
        alts = sorted({a for a in alts if a and a != d["line"]})
        if alts:
            d["alt_lines"] = alts
        if it["turn"]:
            d["turn_lines"] = sorted({line_of(it["path"], a) for a in it["turn"]})
        for k, v in it["extra"].items():
            d[k] = v
        if it["optional"]:
            d["optional"] = True
        d["note"] = it["note"]
        out.append(d)
    return out


def build_neg(items, expected):
    labelled = {}
    for e in expected:
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            labelled.setdefault((e["path"], ln), set()).add(e["rule"])
    out = []
    for it in items:
        ln = line_of(it["path"], it["at"])
        hit = labelled.get((it["path"], ln), set())
        rules = it["rules"]
        clash = hit if rules is None else hit & set(rules)
        if clash:
            BAD.append(f"negative {it['path']}:{ln} ({it['at']!r}) sits on a labelled line for {sorted(clash)}")
        d = {"path": it["path"], "line": ln}
        if rules:
            d["rules"] = rules
        for k, v in it["extra"].items():
            d[k] = v
        d["note"] = it["note"]
        out.append(d)
    return out


def main():
    ae = build_expected(AUDIT_EXPECTED)
    an = build_neg(AUDIT_NEG, ae)
    ce = build_expected(CHECK_EXPECTED)
    cn = build_neg(CHECK_NEG, ce)
    seen = set()
    for n in an + cn:
        k = (n["path"], n["line"])
        if k in seen:
            BAD.append(f"two negatives on {k}")
        seen.add(k)
    if BAD:
        print("\n".join(BAD), file=sys.stderr)
        sys.exit(1)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": ae, "negatives": an},
        "check": {"rules": CHECK_RULES, "expected": ce, "negatives": cn},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    for sec in ("audit", "check"):
        exp = labels[sec]["expected"]
        req = [e for e in exp if not e.get("optional")]
        print(f"{sec}: {len(req)} expected, {len(exp) - len(req)} optional, {len(labels[sec]['negatives'])} negatives")
        by = {}
        for e in exp:
            by.setdefault(e["rule"], [0, 0])[1 if e.get("optional") else 0] += 1
        for r, (a, b) in sorted(by.items()):
            print(f"  {r}: {a} expected, {b} optional")


if __name__ == "__main__":
    main()
