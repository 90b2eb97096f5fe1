#!/usr/bin/env python3
"""Build labels.json for the mothwick corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the line number is computed from it.
KB and call paths are relative to kb/, draft paths to this folder.
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = ["drafts/blog-audit-season.md", "drafts/email-te-awa-followup.txt", "drafts/landing-routes.md"]


def _file(path):
    full = os.path.join(HERE, path) if path.startswith("drafts/") else os.path.join(HERE, KB, path)
    with open(full, encoding="utf-8") as fh:
        return fh.read()


def line_of(path, anchor):
    text = _file(path)
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def exp(rule, path, anchor, note, related=None, alt=(), turn=(), optional=False, **extra):
    item = {"rule": rule, "path": path, "line": line_of(path, anchor)}
    if related:
        item["related"] = related
    if alt:
        item["alt_lines"] = [line_of(path, a) for a in alt]
    if turn:
        item["turn_lines"] = [line_of(path, a) for a in turn]
    item.update(extra)
    if optional:
        item["optional"] = True
    item["note"] = note
    return item


def neg(path, anchor, note, rules=None):
    item = {"path": path, "line": line_of(path, anchor)}
    if rules:
        item["rules"] = rules
    item["note"] = note
    return item


RT, SC, AP, RP = ("proof-points/route-time.md", "proof-points/station-checks.md",
                  "proof-points/audit-pass-rate.md", "proof-points/report-time.md")
CL, PH, AT, GL = ("proof-points/chemical-log.md", "proof-points/paperwork-hours.md",
                  "proof-points/admin-time.md", "proof-points/go-live.md")
TA, BM, CV, BP = ("case-studies/te-awa.md", "case-studies/blue-mahoe.md",
                  "case-studies/clyde-valley.md", "case-studies/bantay-peste.md")
KAI = "calls/2026-10-06-kaimai-pest.vtt"
LIG = "calls/2026-10-14-liguanea-pest.srt"
NES = "calls/2026-10-22-ness-valley.json"
DAV = "calls/2026-11-03-davao-pest.txt"
FIG = ["metric-conflict", "source-conflict", "unsourced-claim", "unsupported-claim", "rep-misstatement", "retired-claim"]

audit_expected = [
    # metric-conflict, KB vs KB
    exp("metric-conflict", "messaging/route-planning.md", "cuts drive time between jobs by a third", "a third less drive time (~33%); route-travel-reduction is 23% (average)", RT),
    exp("metric-conflict", "messaging/why-mothwick.md", "about 60 bait stations an hour", "about 60 stations an hour; stations-per-hour is 48 (the 30 on paper is right)", SC),
    exp("metric-conflict", "messaging/food-safety-compliance.md", "saves £83,000 a year", "Clyde Valley saves £83,000; clyde-annual-savings is £38,000 (digits transposed)", CV),
    exp("metric-conflict", "answers/price.md", "median of 20 minutes", "report takes a median of 20 minutes; report-prep-minutes is 12 (three hours before is right)", RP),
    exp("metric-conflict", "website/faq.md", "up and running in about two weeks", "about two weeks to go live; go-live-weeks is a median of 3 weeks", GL),
    exp("metric-conflict", "blog/rodent-season.md", "98% of the food", "98% first-time audit pass; audit-first-pass is 96%", AP),
    exp("metric-conflict", "enablement/battlecard-verminpro.md", "₱4.2 million", "Bantay Peste saved ₱4.2 million; bantay-annual-savings is ₱2.4 million", BP),
    exp("metric-conflict", "press/2026-06-series-a.md", "six and a half hours less a week", "six and a half hours (6.5) of admin saved; admin-hours-saved is 5.5 hours (average)", AT),
    exp("metric-conflict", "website/food-sites.md", "Now it is about half a day", "quote: audit prep now about half a day; bantay-audit-prep-hours is 3 hours. Half a working day is ~4 hours and it is a customer's loose quote: arguable", BP, optional=True),
    # source-conflict
    exp("source-conflict", "messaging/elevator-pitch.md", "look after pass their pest audit first time (BRCGS Global", "96% first-time pass is attributed to a BRCGS benchmark; audit-first-pass (96%) comes from the 2025 Mothwick Customer Survey", AP, alt=["Audit Benchmark, 2026)."]),
    exp("source-conflict", "partners/partner-programme.md", "cuts driving between jobs by 23% on average", "23% less driving attributed to an NZ Transport Agency study; route-travel-reduction (23%) comes from the 2026 Mothwick Route Study", RT, alt=["Transport Agency fleet efficiency study, 2026)"]),
    # stale-claim
    exp("stale-claim", CL, "date: 2023-08-15", "only source dated 2023-08-15, older than max_source_age 24m (cut-off 2024-12-01); chemical-log-completeness 99.2% rests on it", alt=["value: 99.2", "99.2 percent of applications"], severity="warning"),
    exp("stale-claim", CV, "reviewed: 2026-01-15", "reviewed 2026-01-15 with review_every 180d (canon.toml): overdue since 2026-07-14; its claim is the £38,000 saving", alt=["value: 38000", "saves £38,000 a year"], severity="warning"),
    exp("stale-claim", "messaging/switch-offer.md", "expires: 2026-10-31", "entry expired 2026-10-31 (severity error); its claim is 25% off the first year", alt=["get 25% off the first year"], severity="error"),
    exp("stale-claim", "blog/rodent-season.md", "around 40% between October", "40% rise in rat call-outs cited from a 2019 survey, older than max_source_age 24m", alt=["According to a 2019 survey"], severity="warning"),
    # unsourced-claim
    exp("unsourced-claim", "messaging/route-planning.md", "cut their fuel spend by 15%", "entry has no sources and no metric registers a fuel saving"),
    exp("unsourced-claim", "answers/offline.md", "lose on average 40 minutes a day", "entry has no sources and no metric registers time lost to re-entry"),
    exp("unsourced-claim", "answers/migration.md", "more than 140 companies", "entry has no sources and no metric registers companies migrated"),
    exp("unsourced-claim", "website/trust.md", "99.95% availability", "trust page has no source and no metric registers availability"),
    exp("unsourced-claim", "partners/partner-programme.md", "cut call-backs by 31", "partner page has no source and no metric registers a call-back reduction", alt=["percent.\n\nTalk to partners"]),
    exp("unsourced-claim", "press/2026-06-series-a.md", "more than 300 pest-control companies", "customer count in a press release, no source and no metric: arguable (a company's own count)", optional=True),
    exp("unsourced-claim", "press/2026-06-series-a.md", "over 1.1 million bait stations", "usage volume in a press release, no source and no metric: arguable", optional=True),
    exp("unsourced-claim", "website/changelog.md", "loads 3x faster", "release-note performance figure with no source: arguable", optional=True),
    exp("unsourced-claim", "blog/rodent-season.md", "almost twice as many", "Mothwick's own observation, no source: arguable", optional=True),
    # retired-claim
    exp("retired-claim", "messaging/why-mothwick.md", "Techs save 9 hours a week on paperwork", "repeats the retired tech-paperwork-hours figure (9 hours)", PH),
    exp("retired-claim", LIG, "save nine hours a week on paperwork", "rep repeats the retired tech-paperwork-hours figure (nine hours)", PH, speaker="Dwayne Whyte"),
    # rep-misstatement
    exp("rep-misstatement", KAI, "about 35 percent", "rep says 35% less driving; route-travel-reduction is 23%", RT, speaker="Tama Rewiti"),
    exp("rep-misstatement", NES, "maybe seventy stations an hour", "rep says seventy stations an hour; stations-per-hour is 48", SC, turn=["maybe seventy stations an hour", "On paper it's about thirty."], speaker="Callum Baird"),
    exp("rep-misstatement", DAV, "four point two million pesos", "rep says Bantay Peste saved 4.2 million pesos; bantay-annual-savings is 2.4 million PHP", BP, speaker="Marisol Dela Cruz"),
    exp("rep-misstatement", NES, "in about ten minutes", "rep says about ten minutes; report-prep-minutes is a median of 12: a loose rounding, arguable", RP, optional=True, speaker="Callum Baird"),
    exp("rep-misstatement", LIG, "save nine hours a week on paperwork", "the retired figure also conflicts with admin-hours-saved 5.5; retired-claim is the finding that matters", AT, optional=True, speaker="Dwayne Whyte"),
    exp("stale-claim", NES, "thirty-eight grand", "rep quotes clyde-annual-savings (right figure) whose entry is overdue for review: arguable for a call", CV, optional=True, speaker="Callum Baird"),
    # unsupported-claim
    exp("unsupported-claim", LIG, "about ten days faster", "no approved entry states how much faster customers get paid", speaker="Dwayne Whyte"),
    exp("unsupported-claim", DAV, "drop by half within two months", "no approved entry states a reduction in pest activity", speaker="Marisol Dela Cruz"),
]

audit_negatives = [
    neg(RT, "Across the 61 companies", "sample size and the matching 23% figure"),
    neg(RT, "months before.", "time spans of the study design"),
    neg(SC, "On a site with 120 stations", "worked example derived from 48 and 30"),
    neg(SC, "14 technicians over 212", "sample size"),
    neg(SC, "a small café with eight stations", "count"),
    neg(AP, "188 pest-control companies", "sample size"),
    neg(RP, "40 reports at nine customers", "sample size"),
    neg(PH, "date: 2024-03-01", "retired entries are not checked for staleness", ["stale-claim"]),
    neg(PH, "We used to say technicians save 9 hours", "a retired entry quoting its own retired figure is fine"),
    neg(AT, "96 technicians at 22 companies", "sample size"),
    neg(TA, "19 technicians covering", "matches te-awa-technicians"),
    neg(TA, "three and four times a day", "the before story, a count"),
    neg(BM, "27 technicians", "count in a company description"),
    neg(BM, "J$6.2 million a year", "matches blue-mahoe-chemical-savings and missed-visits 40%"),
    neg(CV, "34 technicians", "count in a company description"),
    neg(BP, "45 technicians", "count in a company description"),
    neg(BP, "took two full days", "the before side of the before/after pair"),
    neg("messaging/elevator-pitch.md", "five and a half hours", "matches admin-hours-saved 5.5", ["metric-conflict", "unsourced-claim"]),
    neg("messaging/elevator-pitch.md", "Around a quarter less", "around a quarter is a fair rounding of 23%", ["metric-conflict", "unsourced-claim"]),
    neg("messaging/food-safety-compliance.md", "median of 12 minutes instead of", "matches report-prep-minutes 12 (three hours before)"),
    neg("messaging/food-safety-compliance.md", "from two days to", "before/after; 3 hours matches bantay-audit-prep-hours", ["metric-conflict", "unsourced-claim"]),
    neg("messaging/food-safety-compliance.md", "at least once a year", "a standard's norm, not a result"),
    neg("messaging/route-planning.md", "NZ$84,000 a year in fuel", "matches te-awa-annual-savings"),
    neg("messaging/why-mothwick.md", "roughly 30 on a paper", "matches stations-per-hour-paper", ["metric-conflict", "unsourced-claim"]),
    neg("messaging/why-mothwick.md", "Median three weeks", "matches go-live-weeks"),
    neg("answers/price.md", "(Say 6.)", "a hypothetical crew size"),
    neg("answers/price.md", "That's 33 hours", "arithmetic on the prospect's numbers from 5.5"),
    neg("answers/price.md", "NZ$84k a year", "matches te-awa-annual-savings and te-awa-technicians"),
    neg("answers/offline.md", "up to 30 days of job data", "a product spec", ["metric-conflict", "unsourced-claim"]),
    neg("answers/migration.md", "about 45 minutes per crew", "training session length, logistics"),
    neg("answers/migration.md", "fully live in three weeks", "matches go-live-weeks", ["metric-conflict"]),
    neg("website/pricing.md", "| Starter | $39", "price list, the company's own terms", FIG),
    neg("website/pricing.md", "| Food Sites | $95", "price list, the company's own terms", FIG),
    neg("website/pricing.md", "12-month term, with a free 30-day pilot", "contract term and pilot length", FIG),
    neg("website/pricing.md", "two months free", "billing term", FIG),
    neg("website/faq.md", "five and a half hours a week each", "matches admin-hours-saved with its study"),
    neg("website/faq.md", "Boxes of 500", "pack size"),
    neg("press/2026-06-series-a.md", "NZ$14 million Series A", "funding amount, a company fact", ["metric-conflict", "unsourced-claim"]),
    neg("press/2026-06-series-a.md", "tell us 96% of their", "matches audit-first-pass, attributed to customers as the survey is"),
    neg("press/2026-06-series-a.md", "employs 58 people", "headcount and founding year"),
    neg("website/changelog.md", "last 13 months", "product setting"),
    neg("website/changelog.md", "up to 2,000 rows", "product limit"),
    neg("website/changelog.md", "7, 30 or 90 days", "product options"),
    neg("website/changelog.md", "up to 12 MP", "product spec"),
    neg("blog/rodent-season.md", "62% of urban food", "cited from a 2025 report, inside max_source_age", ["stale-claim", "unsourced-claim"]),
    neg("blog/rodent-season.md", "6 to 12 metres", "an auditor's norm, not a result"),
    neg("blog/rodent-season.md", "last 12 months of trend", "time span"),
    neg("website/careers.md", "25 days' annual leave", "employment terms"),
    neg("website/careers.md", "NZ$1,500", "employment terms"),
    neg("website/trust.md", "every 6 hours, kept for 35 days", "backup schedule, a spec"),
    neg("partners/partner-programme.md", "earn 15% of the first year", "commission, a contract term", FIG),
    neg("partners/partner-programme.md", "20% margin", "reseller margin, a contract term", FIG),
    neg("enablement/battlecard-verminpro.md", "48 stations an hour with a barcode", "matches stations-per-hour and stations-per-hour-paper"),
    neg("enablement/battlecard-verminpro.md", "missed 40% fewer", "matches blue-mahoe-missed-visits"),
    neg("enablement/battlecard-verminpro.md", "US$29 per technician plus", "a competitor's price and term, not a Mothwick figure", ["metric-conflict", "retired-claim", "source-conflict"]),
    neg("website/food-sites.md", "<Stat value=\"96%\"", "matches audit-first-pass"),
    neg("website/food-sites.md", "<Stat value=\"12 min\"", "matches report-prep-minutes"),
    neg("website/food-sites.md", "<Stat value=\"48\"", "matches stations-per-hour"),
    neg("website/food-sites.md", "Book a 30-minute demo", "logistics"),
    neg("website/food-sites.md", "read in five minutes", "loose marketing phrase about reading time, not a measured result", ["metric-conflict"]),
    # calls
    neg(KAI, "About 2,400 bait stations", "prospect's own volumes"),
    neg(KAI, "two hundred k's a day", "prospect's own numbers"),
    neg(KAI, "Thirty-five percent, eh", "the prospect echoing the rep; the rep's line is the finding", ["rep-misstatement", "unsupported-claim", "metric-conflict"]),
    neg(KAI, "Median's three weeks", "matches go-live-weeks"),
    neg(KAI, "sixty-nine dollars a tech", "matches the price list; two months free is a billing term"),
    neg(KAI, "next Thursday, say ten", "logistics"),
    neg(LIG, "about half an hour before", "logistics"),
    neg(LIG, "Eight technicians", "prospect's own numbers"),
    neg(LIG, "Nine hours? That would", "the prospect echoing the rep", ["rep-misstatement", "unsupported-claim", "metric-conflict"]),
    neg(LIG, "J$6.2 million a year once", "matches blue-mahoe-chemical-savings"),
    neg(LIG, "on the 21st", "logistics"),
    neg(NES, "about six thousand stations", "prospect's own volumes"),
    neg(NES, "the best part of three hours", "prospect's own experience"),
    neg(NES, "Seventy? Some of our bonds", "the prospect echoing the rep, and their own station count", ["rep-misstatement", "unsupported-claim", "metric-conflict"]),
    neg(NES, "fourteen technicians", "prospect's own numbers"),
    neg(NES, "forty-six pounds a tech", "matches the price list; 30-day pilot is a term"),
    neg(DAV, "twenty two technicians", "prospect's own numbers and audit frequency"),
    neg(DAV, "ninety six percent of the food sites", "matches audit-first-pass"),
    neg(DAV, "about twelve minutes median", "matches report-prep-minutes and report-prep-minutes-before"),
    neg(DAV, "five years of records", "prospect's own history"),
    neg(DAV, "monday at two", "logistics"),
]

BLOG, MAIL, LAND = DRAFTS
check_expected = [
    exp("metric-conflict", BLOG, "under five minutes", "under five minutes; report-prep-minutes is a median of 12 (three hours before is right)", RP),
    exp("stale-claim", BLOG, "99.2% of chemical applications", "only chemical-log-completeness backs 99.2%, and its source is older than max_source_age", CL),
    exp("retired-claim", BLOG, "back 9 hours a week", "retired tech-paperwork-hours figure", PH),
    exp("unsupported-claim", BLOG, "1 in 5 food recalls", "industry statistic with no approved entry behind it"),
    exp("metric-conflict", MAIL, "NZ$48,000 a year", "NZ$48,000; te-awa-annual-savings is NZ$84,000 (19 technicians is right)", TA),
    exp("unsupported-claim", MAIL, "contract book by 18%", "no approved entry states contract-book growth"),
    exp("stale-claim", MAIL, "25% off the first year", "the switch offer expired 2026-10-31", "messaging/switch-offer.md"),
    exp("metric-conflict", MAIL, "about 5 hours a week on admin", "about 5 hours vs admin-hours-saved 5.5: a loose rounding down, arguable", AT, optional=True),
    exp("metric-conflict", LAND, "Drive 30% less between jobs", "30% less driving; route-travel-reduction is 23%", RT),
    exp("source-conflict", LAND, "23% less time driving between jobs", "23% attributed to the NZ Transport Agency; route-travel-reduction comes from the 2026 Mothwick Route Study", RT, alt=["(NZ Transport Agency, 2026)"]),
    exp("metric-conflict", LAND, "60% fewer scheduled visits", "60% fewer missed visits; blue-mahoe-missed-visits is 40%", BM),
    exp("unsupported-claim", LAND, "Rated 4.9 out of 5", "no approved entry backs an app rating"),
]

check_negatives = [
    neg(BLOG, "2022.", "a year in the story"),
    neg(BLOG, "96% of the food sites", "matches audit-first-pass"),
    neg(BLOG, "about 48 stations an hour", "matches stations-per-hour and stations-per-hour-paper"),
    neg(BLOG, "at least once a year", "a standard's norm"),
    neg(BLOG, "30-minute walkthrough", "logistics"),
    neg(MAIL, "2,400 stations", "prospect's own volumes"),
    neg(MAIL, "run 19 technicians", "matches te-awa-technicians"),
    neg(MAIL, "median of three weeks", "matches go-live-weeks"),
    neg(MAIL, "two months free", "billing term"),
    neg(MAIL, "Thursday 10am", "logistics"),
    neg(LAND, "NZ$84,000 a year", "matches te-awa-annual-savings"),
    neg(LAND, "from NZ$69 per technician", "price and contract term"),
    neg(LAND, "free for 30 days", "pilot length"),
]


def check_no_neg_on_labelled(expected, negatives):
    labelled = {(e["path"], e["line"]) for e in expected}
    for e in expected:
        for other in e.get("alt_lines", []) + e.get("turn_lines", []):
            labelled.add((e["path"], other))
    for n in negatives:
        if (n["path"], n["line"]) in labelled:
            sys.exit(f"negative on a labelled line: {n['path']}:{n['line']} ({n['note']})")


check_no_neg_on_labelled(audit_expected, audit_negatives)
check_no_neg_on_labelled(check_expected, check_negatives)

labels = {
    "today": TODAY,
    "kb": KB,
    "drafts": DRAFTS,
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                  "retired-claim", "rep-misstatement", "unsupported-claim"],
        "expected": audit_expected,
        "negatives": audit_negatives,
    },
    "check": {
        "rules": ["metric-conflict", "source-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": check_expected,
        "negatives": check_negatives,
    },
}
with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
    json.dump(labels, fh, indent=2, ensure_ascii=False)
    fh.write("\n")

if __name__ == "__main__":
    from collections import Counter
    for sec in ("audit", "check"):
        c = Counter((e["rule"], bool(e.get("optional"))) for e in labels[sec]["expected"])
        print(sec, {r: (c[(r, False)], c[(r, True)]) for r in labels[sec]["rules"]},
              "negatives", len(labels[sec]["negatives"]))
