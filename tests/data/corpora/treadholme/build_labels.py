#!/usr/bin/env python3
"""Build labels.json for the Treadholme corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; line numbers are computed (1-based).
A negative may not sit on a line that an expected finding (or its alt/turn lines) labels.
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = ["drafts/blog-retread-season.md", "drafts/email-konkan-followup.txt",
          "drafts/landing-casing-warranty.md"]

PP = "proof-points/"
CS = "case-studies/"
VTT = "calls/2026-10-06-calder-freight.vtt"
SRT = "calls/2026-10-14-bedford-basin-reefer.srt"
JSN = "calls/2026-10-22-malabar-roadways.json"
TXT = "calls/2026-11-03-montego-bay-haulage.txt"

# (rule, path, anchor, extra-dict)
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/why-treadholme.md", "Inspections take 3 minutes a",
     dict(related=PP + "inspection-time.md",
          note="says inspections take 3 minutes a vehicle; inspection-time-per-vehicle is a median of 4 minutes")),
    ("metric-conflict", "messaging/elevator-pitch.md", "cuts tyre cost per kilometre by 28%",
     dict(related=PP + "tyre-cost.md",
          note="28% lower tyre cost per km; tyre-cost-per-km-reduction is 18% (average)")),
    ("metric-conflict", "answers/price.md", "pay for itself in under five months",
     dict(related=PP + "tyre-cost.md",
          note="'under five months' payback; payback-months is a median of 7 months")),
    ("metric-conflict", "website/faq.md", "Roughly 78% of casings",
     dict(related=PP + "casing-acceptance.md",
          note="FAQ says roughly 78% of casings accepted; casing-acceptance-rate is 87% (digits transposed)")),
    ("metric-conflict", "messaging/value-prop-fleet-director.md", "saves £221,000 a year",
     dict(related=CS + "aire-valley-haulage.md",
          note="Aire Valley saves £221,000; aire-valley-annual-saving is £212,000 (transposed)")),
    ("metric-conflict", "website/press-release-series-b.md", "call-outs by 45%",
     dict(related=CS + "fundy-bulk.md",
          note="press release says Fundy cut call-outs by 45%; fundy-callout-reduction is 40%")),
    ("metric-conflict", "enablement/battlecard.md", "approved 95% of the time",
     dict(related=PP + "warranty-claims.md",
          note="battlecard says claims approved 95% of the time; warranty-approval-rate is 92%")),
    ("metric-conflict", "messaging/telemetry.md", "median of eleven days earlier",
     dict(related=PP + "pressure-alerts.md",
          note="'a median of eleven days earlier' (in words); pressure-alert-lead-time is a median of 9 days")),
    # source-conflict
    ("source-conflict", "messaging/retread-programme.md", "The proof: 87% of casings",
     dict(related=PP + "casing-acceptance.md", alt=["(Retread Industry Council member"],
          note="87% casing acceptance attributed to a Retread Industry Council survey (2025); casing-acceptance-rate 87% comes from the 2026 Treadholme Fleet Tyre Benchmark")),
    ("source-conflict", "blog/tyre-pressure-and-fuel.md", "call-outs by 31%, according",
     dict(related=PP + "roadside-callouts.md", alt=["survey of its members."],
          note="31% fewer roadside call-outs attributed to the Atlantic Fleet Maintenance Council's 2026 survey; roadside-callout-reduction (31%) comes from the Treadholme benchmark")),
    ("source-conflict", "answers/driver-adoption.md", "A full walkround takes 4",
     dict(related=PP + "inspection-time.md", alt=["minutes in the app (Transport Research Laboratory"],
          note="4-minute walkround attributed to a Transport Research Laboratory field trial; inspection-time-per-vehicle (4 minutes) comes from the Treadholme benchmark; the figure wraps across two lines")),
    # stale-claim
    ("stale-claim", PP + "roadside-callouts.md", "reviewed: 2025-11-03",
     dict(alt=["Fleets on Treadholme have 31% fewer"], severity="warning",
          note="reviewed 2025-11-03 with review_every 180d (canon.toml): overdue since 2026-05-02")),
    ("stale-claim", PP + "pressure-alerts.md", "date: 2023-05-10",
     dict(alt=["a median of 9 days before", "value: 9", "That's nine days to book"], severity="warning",
          note="source dated 2023-05-10 is older than max_source_age 24m (cut-off 2024-12-01)")),
    ("stale-claim", "blog/tyre-pressure-and-fuel.md", "running tyres 20% under target",
     dict(alt=["comes from a 2019 study by the Fleet Tyre Institute"], severity="warning",
          note="article cites a 2019 Fleet Tyre Institute study (end of 2019) for the 3% fuel figure: older than 24 months")),
    ("stale-claim", CS + "blue-mahoe.md", "expires: 2026-09-30",
     dict(alt=["saves J$41 million a year"], severity="error",
          note="case study expired 2026-09-30 (before today 2026-12-01)")),
    ("stale-claim", "messaging/telemetry.md", "reviewed: 2026-03-01",
     dict(alt=["median of eleven days earlier"], severity="warning",
          note="reviewed 2026-03-01 with review_every 180d: overdue since 2026-08-28")),
    ("stale-claim", "enablement/battlecard.md", "about a fifth of their casing records",
     dict(alt=["2022)."], severity="warning",
          note="figure cited to Frost Analytics, 2022 (end of 2022): older than 24 months")),
    # unsourced-claim
    ("unsourced-claim", "messaging/elevator-pitch.md", "more than 1,200 fleets",
     dict(note="customer count with no source and no registered metric")),
    ("unsourced-claim", "website/faq.md", "22% drop in tyre-related downtime",
     dict(note="downtime reduction: no source, no metric registers it")),
    ("unsourced-claim", "website/press-release-series-b.md", "more than 3 million tyre inspections",
     dict(optional=True, note="cumulative usage count in a public press release with no source; counts are usually fine, but this one is a marketing claim")),
    ("unsourced-claim", "website/casing-programme.md", 'value="£1,900"',
     dict(note="MDX <Stat> component: £1,900 saved per recovered casing, no source or metric")),
    ("unsourced-claim", "answers/driver-adoption.md", "97% of drivers complete",
     dict(note="adoption rate with no source and no metric")),
    ("unsourced-claim", "messaging/retread-programme.md", "roughly 70% of the material",
     dict(optional=True, note="material re-use share with no source; hedged ('roughly') and close to an industry norm: arguable")),
    ("unsourced-claim", "messaging/retread-programme.md", "30 to 50 per cent of a new premium",
     dict(optional=True, note="industry norm for retread price vs new; no source, but a norm, not a Treadholme result")),
    ("unsourced-claim", "website/changelog.md", "Sync is now 40% faster",
     dict(optional=True, note="product changelog performance note; arguable whether a changelog needs a source")),
    ("source-conflict", "answers/driver-adoption.md", "against 11 minutes on paper",
     dict(optional=True, related=PP + "inspection-time.md",
          note="the 11-minute paper figure (inspection-time-before, benchmark) sits right after the TRL citation; whether the citation covers it is arguable")),
    # retired-claim
    ("retired-claim", "messaging/value-prop-fleet-director.md", "4.5% fuel saving",
     dict(related=PP + "fuel-saving-2023.md", note="repeats retired fuel-saving-pilot (4.5%)")),
    ("retired-claim", "website/partners.md", "4.5 per cent fuel saving",
     dict(related=PP + "fuel-saving-2023.md", note="partners page repeats the retired 4.5% fuel saving")),
    ("retired-claim", SRT, "about four and a half percent on fuel",
     dict(related=PP + "fuel-saving-2023.md", speaker="Colin MacIsaac",
          note="rep quotes the retired 4.5% fuel saving (in words); he corrects himself two cues later, but it was said. A rep-misstatement on the same line is neither hit nor false positive")),
    ("retired-claim", SRT, "Four and a half percent of our fuel bill",
     dict(optional=True, related=PP + "fuel-saving-2023.md", speaker="Marc LeBlanc",
          note="prospect echoes the rep's retired figure; external speaker")),
    # rep-misstatement
    ("rep-misstatement", VTT, "done in under three minutes a truck",
     dict(related=PP + "inspection-time.md", speaker="Gareth Ackroyd",
          note="rep says under three minutes a truck; inspection-time-per-vehicle is a median of 4 minutes")),
    ("rep-misstatement", SRT, "cut their tire call-outs by half",
     dict(related=CS + "fundy-bulk.md", speaker="Colin MacIsaac",
          note="rep says Fundy halved call-outs; fundy-callout-reduction is 40%")),
    ("rep-misstatement", JSN, "accepts ninety five percent of the casings",
     dict(related=PP + "casing-acceptance.md", speaker="Priya Nair",
          turn=["so because the full history goes with", "Retreaders like it because"],
          note="rep says ninety five percent of casings accepted; casing-acceptance-rate is 87%")),
    ("rep-misstatement", TXT, "pays for itself in about four months",
     dict(related=PP + "tyre-cost.md", speaker="Shanice Brown",
          note="raw ASR, numbers in words: payback about four months; payback-months is a median of 7")),
    ("rep-misstatement", JSN, "about twenty percent lower tyre cost",
     dict(optional=True, related=PP + "tyre-cost.md", speaker="Priya Nair",
          turn=["With 9 crore of spend"],
          note="'about twenty percent' vs 18% average: a rounding some reviewers would let pass")),
    # unsupported-claim in calls
    ("unsupported-claim", JSN, "forty thousand extra kilometres",
     dict(speaker="Arjun Menon", note="no approved entry backs extra km per casing")),
    ("unsupported-claim", TXT, "twenty five percent longer tread life",
     dict(speaker="Shanice Brown", note="no approved entry backs a tread-life increase")),
]

AUDIT_NEG = [
    (PP + "inspection-time.md", "The benchmark covered 212 fleets", None, "sample size and inspection count"),
    (PP + "inspection-time.md", "eleven minutes down to four", None, "before/after restatement of both registered metrics"),
    (PP + "inspection-time.md", "median of 4 minutes per vehicle", None, "the registered metric itself"),
    (PP + "casing-acceptance.md", "pulled at 3 mm", None, "pull-point spec, not a result"),
    (PP + "casing-acceptance.md", "Nearly nine in ten casings", None, "rounds 87% in words"),
    (PP + "tyre-cost.md", "so the first month of", None, "time span"),
    (PP + "inspection-time.md", "fleets took a median of 11 minutes", None, "registered before figure"),
    (PP + "casing-acceptance.md", "On average 87% of casings", None, "the registered metric"),
    (PP + "tyre-cost.md", "on average 18% less on tyres per kilometre", None, "the registered metric"),
    (PP + "tyre-cost.md", "in a median of 7 months", None, "the registered metric"),
    (PP + "warranty-claims.md", "64% for the same fleets", None, "registered before figure"),
    (PP + "fuel-efficiency.md", "keep tyres within 5% of target pressure using", None, "pressure band, a spec"),
    (CS + "konkan-freight.md", "10-wheelers and 14-wheelers", None, "vehicle types"),
    (CS + "aire-valley-haulage.md", "two on drive axles", None, "retread lives, a count"),
    ("blog/tyre-pressure-and-fuel.md", "more than 10% below its target pressure", None, "the 2025 study's finding, continued: sourced and recent"),
    ("careers/index.md", "₹18 to 24 lakh", None, "salary band"),
    ("careers/index.md", "CA$68,000 to CA$80,000", None, "salary band"),
    ("website/pricing.md", "| Yard | £6 |", None, "prices"),
    ("website/pricing.md", "| Fleet + Telemetry | £19 |", None, "prices"),
    ("website/trust.md", "AES-256 at rest", None, "encryption spec"),
    ("website/faq.md", "steer tyres at 3 mm and drives at 4 mm", None, "pull points, a norm"),
    ("website/changelog.md", "15 °C above the axle average", None, "alert threshold spec"),
    (PP + "roadside-callouts.md", "on the 102 at night", None, "a highway number"),
    (PP + "warranty-claims.md", "1,380 claims across 57 fleets", None, "sample size"),
    (PP + "warranty-claims.md", "92% of casing warranty claims filed", ["metric-conflict", "unsourced-claim"], "the registered metric itself, with before figure"),
    (PP + "pressure-alerts.md", "every 5 minutes", None, "sensor spec"),
    (PP + "pressure-alerts.md", "10% below the cold set point", None, "alert threshold spec"),
    (PP + "fuel-efficiency.md", "150,000 km a year", None, "illustrative mileage"),
    (PP + "fuel-efficiency.md", "2.1% less fuel", None, "the registered metric"),
    (PP + "fuel-saving-2023.md", "Don't use the 4.5% figure", ["retired-claim"], "a retired entry quoting its own retired figure is fine"),
    (PP + "fuel-saving-2023.md", "nine tractors over one winter", None, "pilot sample size"),
    (CS + "aire-valley-haulage.md", "with 340", None, "fleet size (registered count)"),
    (CS + "aire-valley-haulage.md", "saves £212,000 a year", None, "matches aire-valley-annual-saving"),
    (CS + "aire-valley-haulage.md", "just over two hundred", None, "rounded restatement of £212,000"),
    (CS + "konkan-freight.md", "1,150 trucks", None, "count"),
    (CS + "konkan-freight.md", "₹2.4 crore", None, "matches konkan-annual-saving (₹24,000,000)"),
    (CS + "konkan-freight.md", "Konkan's 22% is their own number", None, "matches konkan-cpk-reduction; a different measure from the 18% benchmark"),
    (CS + "fundy-bulk.md", "180 tractors and 260 tankers", None, "counts"),
    (CS + "fundy-bulk.md", "saves $385,000 CAD", None, "matches fundy-annual-saving"),
    (CS + "fundy-bulk.md", "two weeks ahead", ["metric-conflict"], "a customer's own words about their shop, not the 9-day median"),
    (CS + "fundy-bulk.md", "higher than the 31% benchmark", ["metric-conflict", "unsourced-claim", "source-conflict"], "names the benchmark average correctly, to contrast Fundy's 40%"),
    (CS + "fundy-bulk.md", "value: 40", ["metric-conflict"], "Fundy's own call-out reduction, a different measure from the 31% benchmark average"),
    (CS + "konkan-freight.md", "value: 22", ["metric-conflict"], "Konkan's own CPK reduction, a different measure from the 18% benchmark average"),
    (CS + "blue-mahoe.md", "95 trucks", None, "count"),
    ("messaging/elevator-pitch.md", "4 minutes a truck", None, "matches inspection-time-per-vehicle"),
    ("messaging/why-treadholme.md", "on average 87% of casings", None, "matches casing-acceptance-rate"),
    ("messaging/why-treadholme.md", "92% of them approved, against 64%", None, "before/after pair, matches both warranty metrics"),
    ("messaging/telemetry.md", "under ten minutes a wheel", None, "fitting time spec"),
    ("messaging/value-prop-fleet-director.md", "18% less on tyres", None, "matches tyre-cost-per-km-reduction"),
    ("messaging/value-prop-fleet-director.md", "median of seven months", None, "matches payback-months in words"),
    ("answers/price.md", "to within 10%", None, "prospect's knowledge of their own spend"),
    ("answers/price.md", "by 18% on average", None, "matches tyre-cost-per-km-reduction"),
    ("answers/price.md", "12 months with 30 days' notice", None, "contract terms"),
    ("answers/price.md", "under 50 vehicles", None, "fleet size threshold"),
    ("answers/driver-adoption.md", "tablet per 20 to 30 trucks", None, "deployment ratio"),
    ("answers/telematics-integration.md", "from 14 telematics platforms", None, "integration count, listed in the same sentence"),
    ("answers/telematics-integration.md", "two to three days", None, "time span"),
    ("website/pricing.md", "| Fleet | £11 |", None, "prices"),
    ("website/pricing.md", "up to 50 vehicles", None, "plan limit"),
    ("website/pricing.md", "£2.50 per wheel per month on a 36-month lease", None, "lease price and term"),
    ("website/pricing.md", "two months free", None, "billing term"),
    ("website/pricing.md", "an 18% lower tyre cost", None, "matches tyre-cost-per-km-reduction"),
    ("website/faq.md", "is 1 mm across", None, "legal minimum, a norm"),
    ("website/faq.md", "5 years or 500,000 km", None, "battery rating spec"),
    ("website/press-release-series-b.md", "announced a $28 million Series B", None, "funding amount in its own press release"),
    ("website/press-release-series-b.md", "from 140 to around 220", None, "headcount plan"),
    ("website/press-release-series-b.md", "in 11 countries", None, "count"),
    ("website/changelog.md", "Claims with 12 photos", None, "product detail"),
    ("website/changelog.md", "Android 10 or later", None, "version requirement"),
    ("blog/tyre-pressure-and-fuel.md", "one in five tires", None, "outside study from 2025: within max_source_age, sourced in prose"),
    ("blog/tyre-pressure-and-fuel.md", "spent 14 years", None, "time span"),
    ("careers/index.md", "we've grown 60%", ["unsourced-claim"], "the company's own headcount growth on a careers page, not a product claim"),
    ("careers/index.md", "25 days' holiday", None, "benefit"),
    ("careers/index.md", "£62,000 to £75,000", None, "salary band"),
    ("website/trust.md", "99.9% monthly uptime", None, "SLA commitment, a contract term"),
    ("website/trust.md", "kept for 7 years", None, "retention period"),
    ("website/trust.md", "kept for 35 days", None, "backup retention"),
    ("website/partners.md", "23 retread plants", None, "partner count"),
    ("enablement/battlecard.md", "3% to 5% above market", ["unsourced-claim"], "competitor pricing observation in an internal battlecard; arguable, not a Treadholme result"),
    ("enablement/battlecard.md", "about US$4 a vehicle", None, "competitor price"),
    ("website/casing-programme.md", 'value="87%"', None, "matches casing-acceptance-rate"),
    ("website/casing-programme.md", 'value="92%"', None, "matches warranty-approval-rate"),
    ("website/casing-programme.md", "4 mm, not 2 mm", None, "pull-point advice"),
    (VTT, "We run 210 units", None, "prospect's own fleet and spend"),
    (VTT, "good quarter of an hour a truck", None, "prospect's own inspection time"),
    (VTT, "Under three minutes on a six-axle?", None, "prospect echoes the rep; external"),
    (VTT, "They've got 340 vehicles", None, "matches Aire Valley fleet size and £212,000 saving (said in words)"),
    (VTT, "eleven pound a vehicle", None, "price; same turn states 18% correctly"),
    (VTT, "contract's twelve months", None, "contract terms"),
    (VTT, "ten trucks at Brighouse for four weeks", None, "trial scope"),
    (SRT, "we run 85 reefers", None, "prospect's fleet and call-outs"),
    (SRT, "every five minutes on the move", None, "sensor spec"),
    (SRT, "two point one percent", None, "matches fuel-saving-measured"),
    (JSN, "we are having 420 trucks", None, "prospect's own fleet"),
    (JSN, "close to 9 crore", None, "prospect's own spend"),
    (JSN, "saving two point four crore", None, "matches konkan metrics (in words)"),
    (JSN, "640 rupees into 420 trucks", None, "prospect restating price and fleet"),
    (JSN, "one tablet for 20 to 30 trucks", None, "deployment ratio, matches answers/driver-adoption"),
    (JSN, "60 truck pilot", None, "pilot scope"),
    (TXT, "about sixty trucks", None, "prospect's fleet, restated by rep"),
    (TXT, "eighteen million dollars", None, "prospect's own spend"),
    (TXT, "ninety two percent of them approved", None, "matches warranty-approval-rate in words"),
    (TXT, "four months alright", None, "prospect echoing the rep; external"),
    (TXT, "twelve month contract", None, "contract terms"),
    (TXT, "four minutes a truck", None, "matches inspection-time-per-vehicle"),
]

CHECK = [
    ("metric-conflict", DRAFTS[0], "from 11 minutes a vehicle to 3",
     dict(related=PP + "inspection-time.md", note="after figure 3 minutes; inspection-time-per-vehicle is 4 (the 11 before figure is right)")),
    ("retired-claim", DRAFTS[0], "see a 4.5% fuel saving",
     dict(related=PP + "fuel-saving-2023.md", note="retired fuel-saving-pilot (4.5%)")),
    ("stale-claim", DRAFTS[0], "31% fewer roadside call-outs",
     dict(related=PP + "roadside-callouts.md", note="only proof-points/roadside-callouts backs it, and its review is overdue")),
    ("unsupported-claim", DRAFTS[0], "£1,150 per tyre position",
     dict(note="no approved entry backs a saving per tyre position")),
    ("metric-conflict", DRAFTS[1], "Rs 4.2 crore",
     dict(related=CS + "konkan-freight.md", note="Rs 4.2 crore; konkan-annual-saving is ₹2.4 crore (₹24,000,000)")),
    ("unsupported-claim", DRAFTS[1], "14% fewer tyre changes",
     dict(note="no approved entry backs fewer tyre changes")),
    ("metric-conflict", DRAFTS[1], "payback in around 10 months",
     dict(related=PP + "tyre-cost.md", note="payback around 10 months; payback-months is a median of 7")),
    ("metric-conflict", DRAFTS[2], "96% of warranty claims approved",
     dict(related=PP + "warranty-claims.md", note="96%; warranty-approval-rate is 92%")),
    ("stale-claim", DRAFTS[2], "Nine days' warning",
     dict(related=PP + "pressure-alerts.md", note="only pressure-alerts backs it and its source (2023-05-10) is older than 24 months")),
    ("unsupported-claim", DRAFTS[2], "£640 per claim",
     dict(note="no approved entry backs recovery per claim")),
    ("stale-claim", DRAFTS[2], "J$41 million",
     dict(related=CS + "blue-mahoe.md", severity="error", note="only the expired Blue Mahoe case study backs it")),
    ("metric-conflict", DRAFTS[2], "Nearly 90% of casings",
     dict(optional=True, related=PP + "casing-acceptance.md", note="'nearly 90%' for 87%: a generous rounding, arguable")),
    ("unsupported-claim", DRAFTS[2], "Half of all tyre failures",
     dict(optional=True, note="industry statistic with no source; a reviewer might want one")),
]

CHECK_NEG = [
    (DRAFTS[0], "at 3 mm, not at the legal minimum", None, "pull-point advice"),
    (DRAFTS[0], "On Treadholme, 87% of casings", None, "matches casing-acceptance-rate"),
    (DRAFTS[0], "plan for two", None, "retread lives, a count"),
    (DRAFTS[0], "went from 64% of casing", None, "before/after pair matching both warranty metrics"),
    (DRAFTS[0], "a survey of 212 fleets", None, "sample size"),
    (DRAFTS[1], "came down by 22%", None, "matches konkan-cpk-reduction"),
    (DRAFTS[1], "With your 380 trucks", None, "prospect's own fleet"),
    (DRAFTS[1], "Rs 640 per vehicle", None, "price"),
    (DRAFTS[1], "4 week pilot on 25 trucks", None, "pilot scope"),
    (DRAFTS[2], "5-year battery", None, "sensor spec and sample size"),
]


def read(path):
    full = os.path.join(HERE, KB, path) if not path.startswith("drafts/") else os.path.join(HERE, path)
    with open(full, encoding="utf-8") as f:
        return f.read()


def line_of(path, anchor):
    text = read(path)
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def build(rows):
    out = []
    for rule, path, anchor, ex in rows:
        e = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        if "related" in ex:
            e["related"] = ex["related"]
        if ex.get("alt"):
            e["alt_lines"] = sorted({line_of(path, a) for a in ex["alt"]} - {e["line"]})
        if ex.get("turn"):
            e["turn_lines"] = sorted({e["line"]} | {line_of(path, a) for a in ex["turn"]})
        for k in ("speaker", "severity"):
            if k in ex:
                e[k] = ex[k]
        if ex.get("optional"):
            e["optional"] = True
        e["note"] = ex["note"]
        out.append(e)
    return out


def negs(rows, expected):
    taken = set()
    for e in expected:
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            taken.add((e["path"], ln))
    out = []
    for path, anchor, rules, note in rows:
        ln = line_of(path, anchor)
        if (path, ln) in taken:
            sys.exit(f"negative {anchor!r} in {path} sits on labelled line {ln}")
        n = {"path": path, "line": ln}
        if rules:
            n["rules"] = rules
        n["note"] = note
        out.append(n)
    return out


def main():
    audit = build(AUDIT)
    check = build(CHECK)
    for d in DRAFTS:
        read(d)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {
            "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                      "retired-claim", "rep-misstatement", "unsupported-claim"],
            "expected": audit,
            "negatives": negs(AUDIT_NEG, audit),
        },
        "check": {
            "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
            "expected": check,
            "negatives": negs(CHECK_NEG, check),
        },
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for sec in ("audit", "check"):
        ex = labels[sec]["expected"]
        req = [e for e in ex if not e.get("optional")]
        print(sec, "expected", len(req), "optional", len(ex) - len(req), "negatives", len(labels[sec]["negatives"]))
        by = {}
        for e in ex:
            k = (e["rule"], "opt" if e.get("optional") else "exp")
            by[k] = by.get(k, 0) + 1
        print("  ", sorted(by.items()))


if __name__ == "__main__":
    main()
