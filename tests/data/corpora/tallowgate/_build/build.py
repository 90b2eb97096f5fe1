#!/usr/bin/env python3
"""Build labels.json for the tallowgate corpus from anchor strings.

Every label names a file and an anchor: a string that must occur exactly once in that file.
The label's line is the line the anchor is on. Standard library only.
Run from anywhere: python3 tests/data/corpora/tallowgate/_build/build.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)           # the corpus folder
KB = os.path.join(ROOT, "kb")

TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-contamination-season.md",
    "drafts/email-followup-bayou.txt",
    "drafts/landing-route-optimisation.md",
]
FIGURE_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                "unsupported-claim", "retired-claim", "rep-misstatement"]

VTT = "calls/2026-09-16-mallee-bins.vtt"
JSN = "calls/2026-10-07-kilimani-haulage.json"
SRT = "calls/2026-10-21-liffey-commercial.srt"
TXT = "calls/2026-11-12-bayou-disposal.txt"

# ---------------------------------------------------------------- audit (paths relative to kb/)
# (rule, path, anchor, extras)  extras: related, alt (list of anchors), turn (list of anchors),
# severity, speaker, note
AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/positioning.md", "Routes around 30 per cent shorter",
     dict(related="proof-points/route-distance.md",
          note="positioning says routes around 30 per cent shorter; route-distance-reduction is 18% (average)")),
    ("metric-conflict", "website/faq.md", "to within ±5 per cent",
     dict(related="proof-points/lift-weight-accuracy.md",
          note="FAQ says weighing within ±5 per cent; lift-weight-accuracy is within 2%")),
    ("metric-conflict", "answers/migration.md", "Median go-live is fourteen weeks",
     dict(related="proof-points/go-live.md",
          note="answer says median go-live fourteen weeks; median-go-live-weeks is 10")),
    ("metric-conflict", "enablement/battlecard-binwise.md", "collections by 65% with it",
     dict(related="case-studies/rift-valley-recyclers.md",
          note="battlecard says Rift Valley cut missed collections by 65%; rvr-missed-collections-reduction is 55%")),
    ("metric-conflict", "website/press-release-series-b.md", "US$130,000",
     dict(related="case-studies/keystone-hauling.md",
          note="press release quotes Keystone recovering US$130,000 a year; keystone-revenue-recovered is about US$310,000 (digits swapped)")),
    ("metric-conflict", "website/home.md", '<Stat value="<1 hr"',
     dict(related="proof-points/levy-reporting.md",
          note="MDX home page: levy return in under an hour; levy-report-hours is 4 hours (median)")),
    # source-conflict
    ("source-conflict", "messaging/contamination.md", "contamination rates fell by 31% (median)",
     dict(related="proof-points/contamination.md",
          alt=["National Kerbside and Commercial Recycling Audit 2025. Shannonside",
               "- title: National Kerbside and Commercial Recycling Audit 2025"],
          note="the 31% median contamination fall is attributed to the National Kerbside and Commercial Recycling Audit 2025; contamination-reduction comes from the Tallowgate Contamination Pilot Review 2025")),
    ("source-conflict", "blog/weighing-the-bin.md", "Fleets using dynamic routing drove 18% fewer kilometres",
     dict(related="proof-points/route-distance.md",
          alt=["Institute of Ireland, 2025).[^3]", "[^3]: Transport Research Institute"],
          note="blog attributes the 18% distance reduction to the Transport Research Institute of Ireland (2025); route-distance-reduction 18% is sourced from the Tallowgate Fleet Benchmark 2026")),
    # stale-claim
    ("stale-claim", "proof-points/rfid-read-rate.md", "reviewed: 2026-05-14",
     dict(alt=["value: 99.4", "On average 99.4% of lifts"], severity="warning",
          note="reviewed 2026-05-14, review_every 120d (canon.toml): overdue since 2026-09-11")),
    ("stale-claim", "messaging/rfid-launch-offer.md", "expires: 2026-10-31",
     dict(alt=["reviewed: 2026-07-01", "up to 5,000 RFID bin tags"], severity="error",
          note="offer entry expired 2026-10-31 (error); its review (2026-07-01, 120d) is also overdue")),
    ("stale-claim", "proof-points/lift-weight-accuracy.md", "date: 2024-03-11",
     dict(alt=["value: 2", "within 2% of the weight"], severity="warning",
          note="only source dated 2024-03-11, older than max_source_age 24m (2024-12-01); lift-weight-accuracy rests on it")),
    ("stale-claim", "blog/weighing-the-bin.md", "US$60 a tonne",
     dict(alt=["Materials Recovery Council.[^1]", "[^1]: Northern Materials Recovery Council",
               "Contamination costs materials recovery facilities an average of"], severity="warning",
          note="article figure cites a 2022 survey (end of 2022), older than 24m")),
    ("stale-claim", "case-studies/keystone-hauling.md", "reviewed: 2026-04-02",
     dict(alt=["review_every: 6m", "value: 310000", "about $310,000 of"], severity="warning",
          note="reviewed 2026-04-02 with review_every 6m: overdue since 2026-10-02")),
    # unsourced-claim: typed approved entries with no sources and no metric for the figure
    ("unsourced-claim", "messaging/value-owner-operator.md", "drivers finish 40 minutes earlier",
     dict(note="message has no sources; no metric registers time saved per driver shift")),
    ("unsourced-claim", "answers/driver-adoption.md", "9 in 10 drivers",
     dict(note="answer has no sources; no metric registers driver app adoption")),
    ("unsourced-claim", "answers/hardware-cost.md", "in under seven months",
     dict(note="answer has no sources; no metric registers hardware payback")),
    ("unsourced-claim", "messaging/levy-reporting.md", "drop by two thirds",
     dict(note="message has no sources; no metric registers fewer regulator audit queries")),
    ("unsourced-claim", "messaging/positioning.md", "11% more lifts per truck per shift",
     dict(note="positioning has no sources; no metric registers lifts per truck per shift")),
    # retired-claim
    ("retired-claim", "enablement/battlecard-binwise.md", "Fuel spend drops 22%",
     dict(related="proof-points/fuel-savings-2024.md",
          note="repeats retired fuel-saving-2024 (22%); current fuel-cost-reduction is 12%")),
    ("retired-claim", "messaging/value-owner-operator.md", "pays for itself in ninety days",
     dict(related="proof-points/fuel-savings-2024.md",
          note="repeats retired payback-days-2024 (within 90 days)")),
    # rep-misstatement
    ("rep-misstatement", VTT, "routes come out about a third shorter",
     dict(related="proof-points/route-distance.md", speaker="Jess Tran",
          note="says routes about a third shorter; route-distance-reduction is 18% (average)")),
    ("rep-misstatement", JSN, "cut missed pickups by about three quarters",
     dict(related="case-studies/rift-valley-recyclers.md", speaker="Otieno Mwangi",
          note="says Rift Valley cut missed pickups by about three quarters; rvr-missed-collections-reduction is 55%")),
    ("rep-misstatement", SRT, "accurate to within half a per cent",
     dict(related="proof-points/lift-weight-accuracy.md", speaker="Ciara Donnelly",
          note="says within half a per cent; lift-weight-accuracy is within 2%")),
    ("rep-misstatement", TXT, "up and running about five weeks",
     dict(related="proof-points/go-live.md", speaker="Marcus Webb",
          note="raw ASR text: says about five weeks from signing is the median; median-go-live-weeks is 10")),
    # unsupported-claim in calls
    ("unsupported-claim", VTT, "four point eight stars",
     dict(speaker="Jess Tran", note="no entry states an app-store rating")),
    ("unsupported-claim", JSN, "retention is ninety-eight per cent",
     dict(speaker="Otieno Mwangi", note="no entry states customer retention")),
    ("unsupported-claim", SRT, "over forty million lifts a month",
     dict(speaker="Ciara Donnelly", note="no entry states platform lift volume")),
    ("unsupported-claim", TXT, "under two minutes",
     dict(speaker="Marcus Webb", note="no entry states a support answer time")),
]

AUDIT_OPTIONAL = [
    ("unsourced-claim", "messaging/rfid-launch-offer.md", "US$17,500",
     "offer terms in an unsourced message; the entry is already expired (stale-claim)"),
    ("unsourced-claim", "messaging/value-owner-operator.md", "pays for itself in ninety days",
     "the retired payback figure; the line is a retired-claim, an unsourced finding too is tolerated"),
    ("unsourced-claim", "answers/hardware-cost.md", "Most fleets start with a third of the trucks",
     "rule-of-thumb share of fleet, unsourced but hardly a performance claim"),
    ("unsourced-claim", "answers/hardware-cost.md", "takes one night and a rear-lift two",
     "fitting time per truck: a service fact with no source; a reviewer could go either way"),
    ("unsourced-claim", "blog/weighing-the-bin.md", "well over A$100 a tonne",
     "public levy rates stated without a citation in an article"),
    ("stale-claim", VTT, "within two per cent of a weighbridge",
     "the rep's figure is right, but only the stale lift-weight-accuracy entry backs it"),
    ("stale-claim", "website/faq.md", "to within ±5 per cent",
     "the FAQ figure is a metric-conflict; the entry it conflicts with is itself stale"),
]

AUDIT_NEGATIVES = [
    # pricing page: prices with their terms, limits
    ("website/pricing.md", "| A$189 | A$329 |", None, "plan prices"),
    ("website/pricing.md", "| KES 16,500 | KES 28,900 |", None, "plan prices in KES"),
    ("website/pricing.md", "| up to 15 | up to 150 | 150+ |", None, "plan limits"),
    ("website/pricing.md", "2 months free", None, "billing terms"),
    ("website/pricing.md", "10% of the first year's", None, "onboarding fee terms"),
    ("website/pricing.md", "from A$6,900", None, "hardware list prices"),
    ("website/pricing.md", "US$1.10 per tag", None, "tag price"),
    # FAQ
    ("website/faq.md", "More than 340 collectors in 11 countries", None, "customer count, same as the press release"),
    ("website/faq.md", "Level 9, 300 Ann Street", None, "address"),
    ("website/faq.md", "Every six months, and after", None, "calibration interval, same as the proof point"),
    ("website/faq.md", "134.2 kHz", None, "technical specification"),
    ("website/faq.md", "up to 72 hours", None, "product limit"),
    ("website/faq.md", "1300 825 569", None, "phone numbers"),
    # press release
    ("website/press-release-series-b.md", "US$38 million Series B round", None, "funding amount"),
    ("website/press-release-series-b.md", "about 9,200 trucks", None, "company fact"),
    ("website/press-release-series-b.md", "from 60 to 185 staff", None, "staff counts"),
    ("website/press-release-series-b.md", "+61 7 3555 0192", None, "phone number"),
    ("website/press-release-series-b.md", "Founded in Brisbane in 2019", None, "founding year"),
    # changelog
    ("website/changelog.md", "up to 25 ad-hoc jobs", None, "product limit"),
    ("website/changelog.md", "within 90 seconds", None, "bug description, not a claim; not the retired 90 days"),
    ("website/changelog.md", "from 350 to 500 stops", None, "product limit"),
    ("website/changelog.md", "31 March 2027", None, "deprecation date"),
    ("website/changelog.md", "## 4.12.0 (2026-11-18)", None, "version and date"),
    # blog
    ("blog/weighing-the-bin.md", "one in eight commercial", None, "cited to footnote 2, a 2026 Tallowgate analysis"),
    ("blog/weighing-the-bin.md", "2024 study, 68% of", ["stale-claim"],
     "source year 2024 means 2024-12-31, within 24 months of 2026-12-01"),
    ("blog/weighing-the-bin.md", "date: 2026-08-11", None, "publication date"),
    # careers
    ("website/careers.md", "We're 185 people", None, "staff count"),
    ("website/careers.md", "20 days' annual leave", None, "benefit"),
    ("website/careers.md", "20 weeks at full pay", None, "benefit"),
    ("website/careers.md", "A$165,000-A$190,000", None, "salary band"),
    ("website/careers.md", "within 10 working days", None, "hiring process"),
    # trust
    ("website/trust.md", "ISO/IEC 27001:2022, certified since 2023", None, "standard number and year"),
    ("website/trust.md", "backups are kept for 35 days", None, "retention policy"),
    ("website/trust.md", "within 2 business days", None, "disclosure policy; not the weighing 2%"),
    ("website/trust.md", "kept for 24 months", None, "retention policy"),
    # partners
    ("website/partners.md", "3-day course", None, "programme terms"),
    ("website/partners.md", "15% off hardware list prices", None, "partner discount"),
    # battlecard
    ("enablement/battlecard-binwise.md", "US$95-US$140", None, "competitor pricing"),
    ("enablement/battlecard-binwise.md", "About 90 staff", None, "competitor size"),
    # home (MDX)
    ("website/home.md", '<Stat value="18%"', None, "matches route-distance-reduction"),
    ("website/home.md", "about A$640,000 in diesel", None, "matches kookaburra-fuel-savings"),
    ("website/home.md", "30-minute demo", None, "call to action"),
    # typed entries: own figures and look-alikes
    ("proof-points/route-distance.md", "were on average 18% shorter", None, "the metric's own figure"),
    ("proof-points/route-distance.md", "Across the 212 fleets", None, "sample size of a sourced entry"),
    ("proof-points/fuel-savings.md", "12% less on diesel per route", None, "the metric's own figure"),
    ("proof-points/fuel-savings.md", "eleven early customers", ["retired-claim"], "describes the retired study without repeating its figure"),
    ("proof-points/fuel-savings-2024.md", "cut fuel spend per route by 22%", None, "a retired entry quoting its own retired figure"),
    ("proof-points/fuel-savings-2024.md", "reviewed: 2025-02-03", ["stale-claim"], "retired entries are not checked for staleness"),
    ("proof-points/lift-weight-accuracy.md", "3,600 lifts", ["unsourced-claim", "metric-conflict"], "trial size, sourced"),
    ("proof-points/contamination.md", "14 haulers", None, "pilot size, sourced"),
    ("proof-points/go-live.md", "six or seven weeks", ["metric-conflict"], "a different measure: fleets with readers already fitted"),
    ("proof-points/levy-reporting.md", "median of four hours", None, "the metric's own figure"),
    ("case-studies/kookaburra-waste.md", "Kilometres driven fell by 23%", ["metric-conflict"], "one customer's figure (kookaburra-km-reduction), not the 18% average"),
    ("case-studies/kookaburra-waste.md", "6,500 trade customers", None, "company fact in a sourced case study"),
    ("case-studies/rift-valley-recyclers.md", "fleet of 21 trucks", None, "company fact"),
    ("case-studies/shannonside-environmental.md", "€165 a tonne", None, "gate fee, sourced case study"),
    ("case-studies/shannonside-environmental.md", "contaminated lifts were down 38%", ["metric-conflict"], "one customer's figure, not the 31% median"),
    ("case-studies/keystone-hauling.md", "27 front-load", None, "fleet size"),
    ("messaging/value-owner-operator.md", "about 12% less on diesel", None, "matches fuel-cost-reduction"),
    ("messaging/levy-reporting.md", "about four hours instead", None, "matches levy-report-hours and levy-report-before-days"),
    ("messaging/positioning.md", "roughly 10 to 300 trucks", None, "target market, not a claim"),
    ("answers/hardware-cost.md", "over 36 months", None, "lease term"),
    ("answers/hardware-cost.md", "tagging 40,000 bins", None, "example volume"),
    ("objections/driver-pushback.md", "for fifteen years", None, "a prospect phrasing in an objection entry"),
    # calls: prospects' figures, logistics, right figures quoted by reps
    (VTT, "Nineteen trucks, mostly front-lift", None, "the rep restating the prospect's fleet"),
    (VTT, "eleven hundred lifts a day", None, "external speaker's own volume"),
    (VTT, "twelve per cent less on diesel", None, "matches fuel-cost-reduction"),
    (VTT, "six hundred and forty grand", None, "matches kookaburra-fuel-savings"),
    (VTT, "six thousand nine hundred a truck", None, "matches the pricing page"),
    (VTT, "book forty-five minutes next week", None, "logistics"),
    (JSN, "fourteen trucks and about two thousand three hundred clients", None, "external speaker's volumes"),
    (JSN, "more than fourteen million shillings of it", None, "matches rvr-billing-recovered"),
    (JSN, "up to seventy-two hours", None, "matches the FAQ"),
    (JSN, "KES 28,900 per truck per month", None, "matches the pricing page"),
    (JSN, "four hundred thousand shillings a month", None, "external speaker's arithmetic"),
    (SRT, "a median of thirty-one per cent", None, "matches contamination-reduction and shannonside-contamination-reduction"),
    (SRT, "a hundred and sixty euro a tonne", None, "external speaker"),
    (SRT, "Median go-live is ten weeks", None, "matches median-go-live-weeks"),
    (SRT, "calibrate every six months", None, "matches the proof point"),
    (SRT, "We've 22 trucks and two depots", None, "external speaker"),
    (TXT, "three hundred ten thousand dollars a year", None, "matches keystone-revenue-recovered (raw ASR, numbers in words)"),
    (TXT, "forty six hundred dollars a truck", None, "matches the pricing page"),
    (TXT, "twenty seven so a little smaller", None, "matches the Keystone fleet size"),
    (TXT, "over nine thousand trucks", ["unsupported-claim"], "backed by the press release (about 9,200 trucks), an approved article"),
    (TXT, "forty one trucks out of baton rouge", None, "the rep restating the prospect's fleet"),
    (TXT, "lorraine's got about thirty minutes", None, "logistics"),
    ("messaging/positioning.md", "plan at 4 am", None, "time of day"),
    ("messaging/value-owner-operator.md", "sent back out at 5 pm", None, "time of day"),
    ("answers/driver-adoption.md", "two loudest drivers", None, "advice, not a claim"),
    ("objections/hardware-cost.md", "Tagging forty thousand bins", None, "a prospect phrasing in an objection entry"),
    ("website/faq.md", "between 6 and 400 trucks", None, "customer fleet sizes, a company fact"),
    ("website/home.md", '<Stat value="340+"', None, "customer count, same as the FAQ and press release"),
    (VTT, "That'd be a truck and a half for us", None, "external speaker echoing the rep"),
    (SRT, "six loads of dry mixed recycling", None, "the rep restating the prospect's rejected loads"),
    (TXT, "pay for six months of software", None, "external speaker"),
]

# ---------------------------------------------------------------- check (paths relative to corpus)
BLOG = "drafts/blog-contamination-season.md"
MAIL = "drafts/email-followup-bayou.txt"
LAND = "drafts/landing-route-optimisation.md"
CHECK_EXPECTED = [
    ("metric-conflict", BLOG, "cut contamination in half",
     dict(related="proof-points/contamination.md",
          note="in half (50%); contamination-reduction is 31% (median)")),
    ("retired-claim", BLOG, "fuel bills down 22 per cent",
     dict(related="proof-points/fuel-savings-2024.md", note="22 per cent fuel saving is retired; current figure 12%")),
    ("unsupported-claim", BLOG, "1.4 million tonnes",
     dict(note="national contamination tonnage, no source and no entry backs it")),
    ("stale-claim", BLOG, "99.4% of lifts are matched",
     dict(related="proof-points/rfid-read-rate.md",
          note="only rfid-read-rate backs 99.4%, and its review is overdue")),
    ("metric-conflict", MAIL, "about eight weeks from signature",
     dict(related="proof-points/go-live.md", note="eight weeks; median-go-live-weeks is 10")),
    ("stale-claim", MAIL, "within 2% of a certified",
     dict(related="proof-points/lift-weight-accuracy.md",
          note="only lift-weight-accuracy backs within 2%, and its source is older than 24 months")),
    ("unsupported-claim", MAIL, "under 2 minutes",
     dict(note="no entry states a support answer time")),
    ("metric-conflict", LAND, "**27% fewer kilometres**",
     dict(related="proof-points/route-distance.md", note="27%; route-distance-reduction is 18% (average)")),
    ("retired-claim", LAND, "Pays for itself in 90 days",
     dict(related="proof-points/fuel-savings-2024.md", note="retired payback-days-2024")),
    ("metric-conflict", LAND, "A$460,000 in diesel",
     dict(related="case-studies/kookaburra-waste.md", note="A$460,000; kookaburra-fuel-savings is about A$640,000 (the 23% on the same line is right)")),
]
CHECK_OPTIONAL = [
    ("unsupported-claim", LAND, "Drivers home 40 minutes earlier",
     "backed only by an approved message that is itself unsourced"),
    ("unsupported-claim", MAIL, "US$120,888", "the prospect's own price, worked out from list price"),
]
CHECK_NEGATIVES = [
    (BLOG, "down 38 per cent on contaminated lifts", None, "matches shannonside-contamination-reduction"),
    (BLOG, "gate fee of €165 a tonne", None, "matches the Shannonside case study"),
    (BLOG, "publish: 2026-12-10", None, "front-matter date"),
    (BLOG, "three notices in a quarter", None, "advice, not a claim"),
    (BLOG, "before the 19th", None, "date"),
    (MAIL, "Subject: Bayou Disposal - pricing for 46 trucks", None, "prospect's fleet size"),
    (MAIL, "US$219 per truck per month", None, "matches the pricing page"),
    (MAIL, "US$4,600 per truck", None, "matches the pricing page"),
    (MAIL, "(27 trucks, central Pennsylvania)", None, "matches the Keystone case study"),
    (MAIL, "about $310K a year", None, "matches keystone-revenue-recovered (rounded)"),
    (MAIL, "Tuesday the 24th", None, "logistics"),
    (MAIL, "+1 720 555 0163", None, "phone number"),
    (LAND, "**12% less spent on diesel**", None, "matches fuel-cost-reduction"),
    (LAND, "Median go-live is 10 weeks", None, "matches median-go-live-weeks"),
    (LAND, "from A$189 per truck per month", None, "matches the pricing page"),
    (LAND, "A$329 per truck per month", None, "matches the pricing page"),
    (LAND, "crossing the Logan Motorway four times a day", None, "customer quote from the case study"),
    (BLOG, "Here are five things that work.", None, "list count"),
    (MAIL, "Hardware for the 15 front-load trucks", None, "the prospect's fleet"),
    (MAIL, "36-month lease", None, "lease term, as on the pricing page"),
    (LAND, "4 am.", None, "time of day"),
    (LAND, "two weeks of GPS data", None, "offer terms"),
    (LAND, "Stop running 2019's run sheets in 2026", None, "years, not claims"),
]


def locate(base, path, anchor):
    full = os.path.join(base, path)
    with open(full, encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    if "\n" in anchor:
        sys.exit(f"anchor {anchor!r} spans lines")
    return text[: text.index(anchor)].count("\n") + 1


def expected(base, items):
    out = []
    for rule, path, anchor, ex in items:
        lab = {"rule": rule, "path": path, "line": locate(base, path, anchor)}
        if "related" in ex:
            lab["related"] = ex["related"]
            if not os.path.exists(os.path.join(KB, ex["related"])):
                sys.exit(f"related {ex['related']} missing")
        if "alt" in ex:
            lab["alt_lines"] = sorted({locate(base, path, a) for a in ex["alt"]} - {lab["line"]})
        if "turn" in ex:
            lab["turn_lines"] = sorted({locate(base, path, a) for a in ex["turn"]} | {lab["line"]})
        for k in ("speaker", "severity"):
            if k in ex:
                lab[k] = ex[k]
        lab["note"] = ex["note"]
        out.append(lab)
    return out


def optional(base, items):
    return [{"rule": r, "path": p, "line": locate(base, p, a), "optional": True, "note": n}
            for r, p, a, n in items]


def negatives(base, items):
    out = []
    for path, anchor, rules, note in items:
        lab = {"path": path, "line": locate(base, path, anchor)}
        if rules:
            lab["rules"] = rules
        lab["note"] = note
        out.append(lab)
    return out


def main():
    audit_exp = expected(KB, AUDIT_EXPECTED)
    check_exp = expected(ROOT, CHECK_EXPECTED)
    hit = {(e["path"], e["line"]) for e in audit_exp + check_exp}
    audit_neg = negatives(KB, AUDIT_NEGATIVES)
    check_neg = negatives(ROOT, CHECK_NEGATIVES)
    for e in audit_exp + check_exp:
        for ln in e.get("alt_lines", []) + e.get("turn_lines", []):
            hit.add((e["path"], ln))
    soft = {(o["path"], o["line"]) for o in optional(KB, AUDIT_OPTIONAL) + optional(ROOT, CHECK_OPTIONAL)}
    for n in audit_neg + check_neg:
        if (n["path"], n["line"]) in hit | soft and "rules" not in n:
            sys.exit(f"negative on a labelled line: {n}")
    for d in DRAFTS:
        assert os.path.exists(os.path.join(ROOT, d)), d
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": {"rules": FIGURE_RULES, "expected": audit_exp,
                  "optional": optional(KB, AUDIT_OPTIONAL), "negatives": audit_neg},
        "check": {"rules": [r for r in FIGURE_RULES if r != "rep-misstatement"],
                  "expected": check_exp, "optional": optional(ROOT, CHECK_OPTIONAL),
                  "negatives": check_neg},
    }
    with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    from collections import Counter
    for sec in ("audit", "check"):
        c = Counter(e["rule"] for e in labels[sec]["expected"])
        print(sec, dict(c), "optional", len(labels[sec]["optional"]), "negatives", len(labels[sec]["negatives"]))


if __name__ == "__main__":
    main()
