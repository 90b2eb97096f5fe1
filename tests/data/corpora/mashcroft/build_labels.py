#!/usr/bin/env python3
"""Build labels.json for the mashcroft corpus from anchor strings.

Every label names a file and an anchor: a string that must occur exactly once in that file; the
label's line is the line the anchor is on. KB and call paths are relative to kb/, draft paths to
this folder. Standard library only. Run: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-harvest-season.md",
    "drafts/email-boreal-followup.md",
    "drafts/landing-duty-returns.md",
]

_errors = []


def line_of(path, anchor, draft=False):
    full = os.path.join(HERE, path if draft else os.path.join(KB, path))
    with open(full, encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(anchor)
    if n != 1:
        _errors.append(f"{path}: anchor {anchor!r} occurs {n} times")
        return 0
    return text[: text.index(anchor)].count("\n") + 1


def item(rule, path, anchor, draft=False, related=None, alt=None, turn=None, **extra):
    d = {"rule": rule, "path": path, "line": line_of(path, anchor, draft)}
    if related:
        d["related"] = related
    if alt:
        d["alt_lines"] = [line_of(path, a, draft) for a in alt]
    if turn:
        d["turn_lines"] = [line_of(path, a, draft) for a in turn]
    d.update(extra)
    return d


def opt(d):
    d["optional"] = True
    return d


def neg(path, anchor, note, rules=None, draft=False):
    d = {"path": path, "line": line_of(path, anchor, draft)}
    if rules:
        d["rules"] = rules
    d["note"] = note
    return d


# ----------------------------------------------------------------------------- audit
A = []   # expected
AO = []  # optional
AN = []  # negatives

# metric-conflict (KB vs KB)
A += [
    item("metric-conflict", "messaging/elevator-pitch.md", "Cwrw Dyffryn saves £14,000 a year",
         related="case-studies/cwrw-dyffryn.md",
         note="says Cwrw Dyffryn saves £14,000 a year; dyffryn-annual-saving is £41,000 (digits swapped)"),
    item("metric-conflict", "messaging/value-distillers.md", "return takes about three hours now",
         related="proof-points/duty-returns.md",
         note="duty return takes about three hours; duty-return-prep-time is 90 minutes (median)"),
    item("metric-conflict", "website/faq.md", "dumped batches fall by 45 per cent",
         related="proof-points/dumped-batches.md",
         note="FAQ says dumped batches fall 45 per cent; dumped-batch-reduction is 38 percent (average)"),
    item("metric-conflict", "press/2026-09-series-a.md", "more than 1,500 breweries",
         related="proof-points/customer-count.md",
         note="press release says more than 1,500 customers; customer-count is more than 1,150 (as of 2026-10, after the release)"),
    item("metric-conflict", "answers/migration.md", "live in five weeks",
         related="proof-points/go-live.md",
         note="median customer live in five weeks; median-go-live is 21 days (three weeks)"),
    item("metric-conflict", "website/partners.md", "₹1.8 crore a year",
         related="case-studies/sahyadri-brewing.md",
         note="₹1.8 crore = ₹180 lakh; sahyadri-annual-saving is ₹18 lakh (1,800,000 INR): lakh/crore slip, tenfold"),
    item("metric-conflict", "enablement/battlecard-brewhub.md", "cut distributor order errors by 80%",
         related="proof-points/order-errors.md",
         note="battlecard says order errors cut by 80%; order-error-reduction is 64 percent"),
]
# source-conflict
A += [
    item("source-conflict", "answers/price.md", "dump 38% fewer batches",
         related="proof-points/dumped-batches.md",
         alt=["independent study by the Canadian Craft Brewers Association"],
         note="38% dumped-batch reduction attributed to an independent Canadian Craft Brewers Association study; dumped-batch-reduction is sourced from the Mashcroft Fermentation Data Report 2026 (the entry's own source list names only that report)"),
    item("source-conflict", "press/2026-09-series-a.md", "64% at producers that moved",
         related="proof-points/order-errors.md",
         alt=["According to a survey by the Beverage Distributors Council"],
         note="64% order-error reduction attributed to a Beverage Distributors Council survey; order-error-reduction comes from Mashcroft's Distributor ordering analysis, H1 2026"),
]
# stale-claim
A += [
    item("stale-claim", "proof-points/cask-accuracy.md", "reviewed: 2025-11-20",
         alt=["99.2 per cent of containers", "value: 99.2"], severity="warning",
         note="reviewed 2025-11-20 with review_every 180d (canon.toml): review overdue since 2026-05-19; its figure is cask-count-accuracy 99.2%"),
    item("stale-claim", "proof-points/cellar-paperwork.md", "date: 2024-05-10",
         alt=["save 6 hours a week on cellar paperwork", "value: 6"], severity="warning",
         note="only source dated 2024-05-10, older than max_source_age 24m (cut-off 2024-12-01); metric cellar-paperwork-hours-saved rests on it"),
    item("stale-claim", "messaging/harvest-offer.md", "expires: 2026-10-31",
         alt=["we migrate your first 500 hectolitres", "normally CAD 1,200"], severity="error",
         note="entry expired 2026-10-31 (severity error); its claim is the free 500 hL migration and waived sensor install fee"),
    item("stale-claim", "case-studies/karoo-craft.md", "reviewed: 2026-03-02",
         alt=["review_every: 6m", "R380 000 a year"], severity="warning",
         note="reviewed 2026-03-02 with review_every 6m: overdue since 2026-09-02; its figure is karoo-annual-saving R380 000"),
    item("stale-claim", "blog/angels-share.md", "at up to 4% a year in warm, dry warehouses",
         alt=["(Distilled Spirits Council, 2021)"], severity="warning",
         note="figure cited inline to (Distilled Spirits Council, 2021): year alone means 2021-12-31, older than 24m"),
    item("stale-claim", "blog/angels-share.md", "survey of small distillers found that 41%",
         alt=["A 2023", "[^2]: Craft Distillers' Guild"], severity="warning",
         note="41% figure from 'a 2023 survey' (footnote 2, 2023): older than max_source_age 24m"),
]
AO += [
    item("stale-claim", "blog/angels-share.md", "Nearly a third of them had their losses queried",
         alt=["[^3]: Ibid."],
         note="footnote 3 is 'Ibid.', i.e. the 2023 survey: stale if the tool resolves Ibid; a reviewer could go either way"),
]
# unsourced-claim
A += [
    item("unsourced-claim", "messaging/brew-day.md", "logging a brew day takes half the time",
         note="message has no sources and no metric registers brew-day logging time"),
    item("unsourced-claim", "messaging/distributor-portal.md", "Distributors reorder 23 per cent more often",
         note="no source and no metric registers reorder frequency (the 'close to two thirds' line above is backed by order-error-reduction)"),
    item("unsourced-claim", "answers/migration.md", "Ninety per cent of migrations finish in under four days",
         note="answer has no sources; no metric registers migration duration"),
    item("unsourced-claim", "answers/excise-accuracy.md", "Fewer than 1 in 500 returns",
         note="answer has no sources; no metric registers the amendment rate"),
    item("unsourced-claim", "blog/angels-share.md", "waste 12% less",
         note="article's own performance claim (12% less raw material) has no citation, unlike the footnoted industry figures, and no metric"),
]
AO += [
    item("unsourced-claim", "blog/angels-share.md", "about 2 per cent of its volume a year",
         note="general industry rule of thumb with no citation; a reviewer may treat it as common knowledge"),
    item("unsourced-claim", "website/changelog.md", "returns are built three times faster",
         note="release-note performance claim with no source; changelogs are product facts to some reviewers"),
    item("unsourced-claim", "website/trust.md", "99.95% uptime",
         note="availability figure with no source or metric; could be read as an operational fact"),
    item("unsourced-claim", "website/partners.md", "More than 260 distributors",
         note="distributor count with no source or metric"),
    item("unsourced-claim", "website/partners.md", "orders for 140 retail outlets",
         note="Konkan's outlet count: a customer fact with no source (same line as the ₹1.8 crore conflict)"),
    item("unsourced-claim", "docs/sensor-setup.md", "to within 0.001 SG",
         note="calibration tolerance: a product specification rather than a marketing figure"),
    item("unsourced-claim", "docs/sensor-setup.md", "Battery life is about 18 months",
         note="product specification"),
    item("unsourced-claim", "messaging/brew-day.md", "fermenter sensors every fifteen minutes",
         note="reading interval is a product setting, not a performance claim"),
]
# retired-claim
A += [
    item("retired-claim", "website/pricing.md", "within a month and a half of signing",
         related="proof-points/payback-2024.md",
         note="'earn back the subscription within a month and a half' restates the retired payback-days claim (45 days)"),
    item("retired-claim", "enablement/battlecard-brewhub.md", "Mashcroft pays for itself in 45 days",
         related="proof-points/payback-2024.md",
         note="repeats the retired payback-days figure (45 days)"),
]
AO += [
    item("metric-conflict", "website/pricing.md", "within a month and a half of signing",
         related="proof-points/payback.md",
         note="the retired figure also disagrees with payback-months 3 to 5; retired-claim is the label, metric-conflict tolerated"),
    item("metric-conflict", "enablement/battlecard-brewhub.md", "Mashcroft pays for itself in 45 days",
         related="proof-points/payback.md",
         note="the retired figure also disagrees with payback-months 3 to 5; tolerated"),
]
# calls: rep-misstatement and unsupported-claim
VTT = "calls/2026-10-06-fundy-tide-brewing.vtt"
SRT = "calls/2026-10-14-gower-cider-and-ale.srt"
JSN = "calls/2026-10-21-nilgiri-spirits.json"
TXT = "calls/2026-11-03-stellenbosch-ferment-works.txt"
A += [
    item("rep-misstatement", VTT, "are live in about ten days", related="proof-points/go-live.md",
         speaker="Marc-André Gagnon",
         note="says breweries are live in about ten days; median-go-live is 21 days"),
    item("unsupported-claim", VTT, "grow taproom sales by around fifteen percent",
         speaker="Marc-André Gagnon", note="no approved entry states a taproom sales figure"),
    item("rep-misstatement", SRT, "dumped batches drop by more than half", related="proof-points/dumped-batches.md",
         speaker="Rhys Morgan",
         note="says dumped batches drop by more than half; dumped-batch-reduction is 38 percent"),
    item("rep-misstatement", JSN, "comes out in under half an hour", related="proof-points/duty-returns.md",
         turn=["That is exactly the problem we solve.", "comes out in under half an hour"],
         speaker="Anjali Deshpande",
         note="says the monthly duty register takes under half an hour; duty-return-prep-time is 90 minutes (median)"),
    item("unsupported-claim", JSN, "more than ninety million litres",
         turn=["Completely understood, and you still sign", "more than ninety million litres"],
         speaker="Anjali Deshpande", note="no approved entry states a volume of duty filed"),
    item("rep-misstatement", TXT, "over two thousand breweries and distilleries", related="proof-points/customer-count.md",
         speaker="Thandi Nkosi",
         note="says over two thousand customers (numbers in words, raw ASR); customer-count is more than 1,150"),
    item("unsupported-claim", TXT, "sells out about twenty percent faster",
         speaker="Thandi Nkosi", note="no approved entry states a sell-through figure"),
]
AO += [
    item("stale-claim", SRT, "ninety-nine point two percent", related="proof-points/cask-accuracy.md",
         speaker="Rhys Morgan",
         note="rep quotes cask-count-accuracy correctly, but its entry is overdue for review; the SPEC names staleness for drafts, not calls"),
    item("stale-claim", TXT, "three hundred and eighty thousand rand", related="case-studies/karoo-craft.md",
         speaker="Thandi Nkosi",
         note="rep quotes karoo-annual-saving correctly, but the case study is overdue for review"),
]

# negatives, audit
FIG = ["metric-conflict", "source-conflict", "rep-misstatement", "retired-claim", "unsupported-claim"]
AN += [
    neg("proof-points/duty-returns.md", "duty return took 11 hours", "the registered figure itself (duty-return-prep-time-before)"),
    neg("proof-points/duty-returns.md", "takes a median of 90 minutes", "the registered figure itself (duty-return-prep-time)"),
    neg("proof-points/duty-returns.md", "about an hour and a half", "an hour and a half = 90 minutes"),
    neg("proof-points/duty-returns.md", "Survey base: 212 producers", "sample size of the cited survey, not a claim"),
    neg("proof-points/dumped-batches.md", "dump 38 per cent", "the registered figure itself"),
    neg("proof-points/dumped-batches.md", "across 164 breweries", "sample size"),
    neg("proof-points/dumped-batches.md", "roughly two in every five", "two in five = 40%, rounds 38%"),
    neg("proof-points/dumped-batches.md", "A dumped 20 hL batch", "illustrative batch size, not a claim"),
    neg("proof-points/cask-accuracy.md", "at 31 customer sites", "sample size; the entry's staleness is labelled on reviewed:", rules=["unsourced-claim", "metric-conflict"]),
    neg("proof-points/go-live.md", "21 days after signing, three", "the registered figure; three weeks = 21 days"),
    neg("proof-points/go-live.md", "covered 97", "sample size"),
    neg("proof-points/order-errors.md", "64 per cent fewer", "the registered figure itself"),
    neg("proof-points/order-errors.md", "58 producers and 410", "sample size"),
    neg("proof-points/customer-count.md", "More than 1,150 breweries", "the registered figure itself"),
    neg("proof-points/customer-count.md", "\"over eleven hundred\"", "usage guidance; eleven hundred is below 1,150 but 'over' keeps it true"),
    neg("proof-points/payback.md", "3 to 5 months from go-live", "the registered range itself"),
    neg("proof-points/payback.md", "above 10,000 hL a year", "segment threshold, not a claim"),
    neg("proof-points/payback-2024.md", "itself in 45 days. It assumed", "a retired entry quoting its own retired figure is fine"),
    neg("case-studies/cwrw-dyffryn.md", "18,500 hectolitres", "matches dyffryn-annual-volume"),
    neg("case-studies/cwrw-dyffryn.md", "£41,000 a year", "matches dyffryn-annual-saving"),
    neg("case-studies/cwrw-dyffryn.md", "Twenty-six staff", "customer facts (staff, pub count) in a sourced case study"),
    neg("case-studies/cwrw-dyffryn.md", "since the 2023", "a year naming a reform, not a source or a claim"),
    neg("case-studies/boreal-spirits.md", "3,400 barrels across two rickhouses", "matches boreal-barrels"),
    neg("case-studies/boreal-spirits.md", "3 days with clipboards", "matches boreal-stocktake-time-before (3 days)"),
    neg("case-studies/boreal-spirits.md", "count takes 6 hours", "matches boreal-stocktake-time"),
    neg("case-studies/boreal-spirits.md", "single barrel from 2021", "a date in a quote, not a source"),
    neg("case-studies/sahyadri-brewing.md", "₹18 lakh a year", "matches sahyadri-annual-saving (1,800,000 INR)"),
    neg("case-studies/sahyadri-brewing.md", "everything in forty minutes", "customer quote in a sourced case study"),
    neg("messaging/elevator-pitch.md", "about an hour and a half instead of eleven", "matches duty-return-prep-time and -before"),
    neg("messaging/elevator-pitch.md", "nearly two fifths", "two fifths = 40%, rounds 38%"),
    neg("messaging/elevator-pitch.md", "More than 1,150 producers", "matches customer-count"),
    neg("messaging/elevator-pitch.md", "counts 3,400 barrels in a working day", "matches boreal-barrels; 6 hours fits in a working day"),
    neg("messaging/elevator-pitch.md", "three to five months", "matches payback-months"),
    neg("messaging/value-distillers.md", "three-day stocktake to six hours", "matches boreal-stocktake-time and -before"),
    neg("messaging/brew-day.md", "climbs a ladder at 6 a.m.", "a time of day"),
    neg("messaging/distributor-portal.md", "close to two thirds", "two thirds = 67%, rounds 64% order-error-reduction"),
    neg("objections/price.md", "ten-barrel brewhouse", "prospect phrasing in an objection's examples"),
    neg("objections/migration.md", "six years of brew logs", "prospect phrasing in an objection's examples"),
    neg("answers/price.md", "Our survey median is 11", "matches duty-return-prep-time-before"),
    neg("answers/price.md", "hours before Mashcroft and 90 minutes after", "matches duty-return-prep-time"),
    neg("answers/price.md", "three to five", "matches payback-months", rules=FIG),
    neg("answers/price.md", "CAD 189 a month", "list price, matches pricing page"),
    neg("answers/migration.md", "one hour and saves a week", "length of a meeting"),
    neg("website/pricing.md", "| Brewhouse | CAD 189/month", "price table row"),
    neg("website/pricing.md", "| Cellar | CAD 449/month", "price table row"),
    neg("website/pricing.md", "Fermentation sensors: CAD 240", "hardware price"),
    neg("website/pricing.md", "Up to 10 users on Brewhouse, 30 on Cellar", "plan limits"),
    neg("website/pricing.md", "30-day free trial", "trial terms"),
    neg("website/pricing.md", "+1 902 555 0147", "phone numbers and opening hours"),
    neg("website/faq.md", "About three weeks from signing", "three weeks = median-go-live 21 days"),
    neg("website/faq.md", "about 22", "unit conversion (1 hL = 22 imperial gallons)"),
    neg("website/faq.md", "Up to 10 users on Brewhouse, 30 on Cellar and", "plan limits"),
    neg("website/faq.md", "for 90 days after", "contract term"),
    neg("press/2026-09-series-a.md", "today announced a CAD 14 million Series", "funding amount: company news, not a performance claim"),
    neg("press/2026-09-series-a.md", "# Mashcroft raises CAD 14 million", "headline: funding amount"),
    neg("press/2026-09-series-a.md", "returns in 2027", "a plan, not a claim"),
    neg("press/2026-09-series-a.md", "Founded in 2019, Mashcroft employs 84 people", "founding year and headcount"),
    neg("press/2026-09-series-a.md", "+44 29 2055 0190", "phone number"),
    neg("website/changelog.md", "## 4.12.0", "version number and date"),
    neg("website/changelog.md", "under 4,500 hL of beer a year", "a regulatory threshold, not a claim"),
    neg("website/changelog.md", "at 15% instead of 10%", "a product setting"),
    neg("website/changelog.md", "up to 12 hop additions", "a product limit"),
    neg("website/changelog.md", "60 cases of 24", "an example"),
    neg("website/changelog.md", "up to 200 casks", "a product limit"),
    neg("website/changelog.md", "600 requests a minute", "an API limit"),
    neg("blog/angels-share.md", "10 to 12 per cent a year.[^1]", "footnote 1 cites a 2025 study: within max_source_age, and sourced", rules=["stale-claim", "unsourced-claim"]),
    neg("blog/angels-share.md", "1,000 barrels of 200 litres, 2 per cent a year is 4,000 litres", "worked example, arithmetic", rules=FIG + ["stale-claim"]),
    neg("website/careers.md", "We are 84 people", "headcount"),
    neg("website/careers.md", "About a third of us", "staff background, not a product claim"),
    neg("website/careers.md", "30 days of paid leave", "benefits"),
    neg("website/careers.md", "learning budget of CAD 1,500", "benefits"),
    neg("website/careers.md", "within 10 working days", "hiring process"),
    neg("website/trust.md", "report dated 30 June 2026", "certification date"),
    neg("website/trust.md", "every 4 hours, kept for 35 days", "backup policy"),
    neg("website/trust.md", "at least 6 years", "retention policy"),
    neg("website/trust.md", "(8 years for Indian", "retention policy"),
    neg("website/trust.md", "within 2 working days", "response commitment"),
    neg("website/partners.md", "five or more Mashcroft customers", "partner programme threshold"),
    neg("enablement/battlecard-brewhub.md", "own sensors, CAD 240 each", "list price"),
    neg("enablement/battlecard-brewhub.md", "CAD 189 to 449 a month", "price comparison"),
    neg("enablement/battlecard-brewhub.md", "under 1,000 hL a year", "segment threshold"),
    neg("docs/sensor-setup.md", "firmware 2.4 or later", "version number"),
    neg("docs/sensor-setup.md", "1.5-inch tri-clamp port, at least 30 cm", "installation instructions"),
    neg("docs/sensor-setup.md", "for 5 seconds", "instructions"),
    neg("docs/sensor-setup.md", "within 2 minutes and then every 15 minutes", "product behaviour"),
    neg("docs/sensor-setup.md", "±1.5 °C", "suggested settings"),
    neg("docs/sensor-setup.md", "rated to 60 °C", "product rating"),
    # calls
    neg(VTT, "median was eleven hours before Mashcroft", "rep quotes duty-return-prep-time and -before correctly"),
    neg(VTT, "thirty-eight percent fewer batches", "rep quotes dumped-batch-reduction correctly"),
    neg(VTT, "Most customers earn that back in three to five months", "rep quotes payback-months correctly"),
    neg(VTT, "that's four forty-nine a month Canadian", "list price (Cellar CAD 449; sensors CAD 240)"),
    neg(VTT, "about 3,200 hectolitres", "prospect's own volume"),
    neg(VTT, "Maybe ten, twelve hours", "prospect's own figure"),
    neg(VTT, "Ten days. Okay.", "prospect repeating the rep; the rep's line carries the finding"),
    neg(VTT, "thirty minutes next Tuesday", "logistics"),
    neg(SRT, "forty-one thousand pounds a year", "rep quotes dyffryn-annual-saving correctly"),
    neg(SRT, "about 4,000 hectolitres a year", "prospect's own volume"),
    neg(SRT, "More than half. That would", "prospect repeating the rep"),
    neg(SRT, "about 600 firkins", "prospect's own count"),
    neg(JSN, "about eighteen lakh rupees", "rep quotes sahyadri-annual-saving correctly"),
    neg(JSN, "about 1.2 lakh litres", "prospect's own volume"),
    neg(JSN, "track 3,400 barrels that way", "rep quotes boreal-barrels correctly"),
    neg(JSN, "We have 900 casks", "prospect's own count"),
    neg(TXT, "about sixty four percent fewer orders", "rep quotes order-error-reduction correctly (numbers in words)"),
    neg(TXT, "about an hour and a half instead of a weekend", "rep quotes duty-return-prep-time correctly"),
    neg(TXT, "four thousand nine hundred and fifty rand", "list price and payback-months, both correct"),
    neg(TXT, "sixty four percent that would be nice", "prospect repeating the rep"),
    neg(TXT, "book thirty minutes next week", "logistics"),
]

# ----------------------------------------------------------------------------- check
B = "drafts/blog-harvest-season.md"
E = "drafts/email-boreal-followup.md"
L = "drafts/landing-duty-returns.md"
C = [
    item("metric-conflict", B, "cut dumped batches in half", draft=True, related="proof-points/dumped-batches.md",
         note="cut dumped batches in half; dumped-batch-reduction is 38 percent"),
    item("unsupported-claim", B, "Three quarters of the temperature excursions", draft=True,
         note="no approved entry backs a share of night-time excursions"),
    item("stale-claim", B, "save six hours a week", draft=True, related="proof-points/cellar-paperwork.md",
         note="cellar-paperwork-hours-saved rests only on a 2024 source older than max_source_age"),
    item("unsupported-claim", B, "grew 9 per cent in 2025", draft=True,
         note="industry statistic with no approved entry behind it"),
    item("metric-conflict", E, "from three days with clipboards to about two hours", draft=True,
         related="case-studies/boreal-spirits.md",
         note="Boreal stocktake about two hours; boreal-stocktake-time is 6 hours (three days before is right)"),
    item("stale-claim", E, "99.2% were exactly where", draft=True, related="proof-points/cask-accuracy.md",
         note="cask-count-accuracy's entry is overdue for review"),
    item("retired-claim", E, "pays for itself in 45 days", draft=True, related="proof-points/payback-2024.md",
         note="retired payback-days claim (45 days)"),
    item("metric-conflict", L, "file in 30 minutes", draft=True, related="proof-points/duty-returns.md",
         note="duty return in 30 minutes; duty-return-prep-time is 90 minutes (11 hours before is right)"),
    item("metric-conflict", L, "Trusted by 1,400+", draft=True, related="proof-points/customer-count.md",
         note="1,400+ producers; customer-count is more than 1,150"),
    item("unsupported-claim", L, "cut excise penalties and interest charges by 70%", draft=True,
         note="no approved entry states a penalty reduction (order-error-reduction 64% is a different measure)"),
    item("stale-claim", L, "migrate your first 500 hectolitres", draft=True, related="messaging/harvest-offer.md",
         note="the harvest offer (free 500 hL migration, waived install fee) expired 2026-10-31"),
]
CO = [
    item("metric-conflict", L, "## File your duty return in 30 minutes", draft=True, related="proof-points/duty-returns.md",
         note="the heading repeats the body's 30-minute claim; either or both lines may be reported"),
    item("metric-conflict", E, "pays for itself in 45 days", draft=True, related="proof-points/payback.md",
         note="retired figure also disagrees with payback-months 3 to 5; retired-claim is the label"),
]
CN = [
    neg(B, "three weeks after signing", "matches median-go-live (21 days)", draft=True),
    neg(B, "two or three fermenters", "not a claim", draft=True),
    neg(B, "date: 2026-12-10", "publication date", draft=True),
    neg(E, "track 3,400 barrels in Mashcroft", "matches boreal-barrels", draft=True),
    neg(E, "21 days after signing", "matches median-go-live", draft=True),
    neg(E, "CAD 449 a month per site", "list price", draft=True),
    neg(E, "Tuesday 15 December at 2 p.m.", "logistics", draft=True),
    neg(E, "+1 902 555 0162", "phone number", draft=True),
    neg(L, "median of 11 hours", "matches duty-return-prep-time-before", draft=True),
    neg(L, "Book a 20-minute demo", "logistics and list prices", draft=True),
]

# ----------------------------------------------------------------------------- write
def dedupe(items):
    seen, out = set(), []
    for n in items:
        k = (n["path"], n["line"])
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


AN = dedupe(AN)
CN = dedupe(CN)

if _errors:
    sys.exit("\n".join(_errors))

labels = {
    "today": TODAY,
    "kb": KB,
    "drafts": DRAFTS,
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                  "unsupported-claim", "retired-claim", "rep-misstatement"],
        "expected": A,
        "optional": [opt(x) for x in AO],
        "negatives": AN,
    },
    "check": {
        "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": C,
        "optional": [opt(x) for x in CO],
        "negatives": CN,
    },
}
with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
    json.dump(labels, fh, indent=1, ensure_ascii=False)
    fh.write("\n")
print(f"audit: {len(A)} expected, {len(AO)} optional, {len(AN)} negatives; "
      f"check: {len(C)} expected, {len(CO)} optional, {len(CN)} negatives")
