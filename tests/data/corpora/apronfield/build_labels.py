#!/usr/bin/env python3
"""Build labels.json for the apronfield corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the line is computed here (1-based).
Audit paths are relative to kb/, check paths to this folder. A negative may not sit on a line
that carries an expected or optional label of the same section.
Run: python3 build_labels.py   (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-winter-readiness.md",
    "drafts/email-followup-umhlanga.txt",
    "drafts/landing-page-turnaround.md",
]

AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsupported-claim",
               "retired-claim"]

VTT = "calls/2026-10-06-granite-city-handling.vtt"
SRT = "calls/2026-10-14-umhlanga-aviation.srt"
JSN = "calls/2026-10-21-kallang-airside.json"
TXT = "calls/2026-11-03-panhandle-air.txt"

# (rule, path, anchor, extra)
AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/turnaround.md", "turnaround delays cut by 32 percent",
     {"related": "proof-points/turnaround-delay.md",
      "note": "message says delays cut by 32 percent; turnaround-delay-reduction is 23% (digits swapped)"}),
    ("metric-conflict", "messaging/baggage.md", "down by 45%",
     {"related": "proof-points/mishandled-bags.md",
      "note": "says mishandled bags down 45%; mishandled-bag-reduction is 38% (45% is close to Highveld's 44% transfer misconnects, a different measure)"}),
    ("metric-conflict", "answers/pricing.md", "live in 14 weeks",
     {"related": "proof-points/go-live.md",
      "note": "answer says median first station live in 14 weeks; median-go-live-weeks is 10"}),
    ("metric-conflict", "website/faq.md", "Under three minutes",
     {"related": "proof-points/deicing-records.md",
      "note": "FAQ says a de-icing record takes under three minutes; deicing-record-minutes is a 4-minute median"}),
    ("metric-conflict", "messaging/value-prop-ops-director.md", "saved £130,000 a year",
     {"related": "case-studies/kestrel-aviation.md",
      "note": "Kestrel saved £130,000; kestrel-annual-gse-savings is £310,000 (digits transposed)"}),
    ("metric-conflict", "enablement/battlecard-rampsys.md", "Merlion shaved 9 minutes",
     {"related": "case-studies/merlion-ramp.md",
      "note": "battlecard says Merlion shaved 9 minutes; merlion-turnaround-minutes-saved is 7"}),
    ("metric-conflict", "press/2026-09-series-b.md", "saved R2.4 million",
     {"related": "case-studies/highveld-ground.md",
      "note": "press release says Highveld saved R2.4 million; highveld-claims-savings is R4.2 million"}),
    ("metric-conflict", "answers/rostering-compliance.md", "about 20 hours a week",
     {"related": "proof-points/roster-hours.md",
      "note": "says about 20 hours a week back from rostering admin; roster-admin-hours-saved is 12"}),
    # source-conflict
    ("source-conflict", "messaging/elevator-pitch.md", "by 23% (IATA Ground Operations Survey 2026)",
     {"related": "proof-points/turnaround-delay.md",
      "note": "the 23% delay-minute reduction is attributed to an IATA survey; turnaround-delay-reduction comes from the 2026 Apronfield Turnaround Benchmark"}),
    ("source-conflict", "blog/cost-of-delay.md", "puts them 38% lower",
     {"related": "proof-points/mishandled-bags.md", "alt": ["SITA's Baggage IT Insights"],
      "note": "the 38% mishandled-bag reduction is attributed to SITA's Baggage IT Insights; mishandled-bag-reduction comes from the Apronfield Baggage Outcomes Review 2026"}),
    ("source-conflict", "website/partners.md", "rise by 17%",
     {"related": "proof-points/gse-utilisation.md", "alt": ["Per TrakGSE's own fleet"],
      "note": "the 17% GSE utilisation gain is credited to TrakGSE's fleet report; gse-utilisation-gain comes from the Apronfield GSE Fleet Study"}),
    # stale-claim
    ("stale-claim", "proof-points/gse-utilisation.md", "reviewed: 2025-03-10",
     {"alt": ["ran 17% more hours"], "severity": "warning",
      "note": "reviewed 2025-03-10 with review_every 180d: review overdue since 2025-09-06"}),
    ("stale-claim", "case-studies/merlion-ramp.md", "date: 2024-03-20",
     {"alt": ["turnaround is 7 minutes", "saves S$1.1 million"], "severity": "warning",
      "note": "the Merlion study (2024-03-20) is older than max_source_age 24m at 2026-12-01; both metrics rest on it"}),
    ("stale-claim", "blog/cost-of-delay.md", "about 100 euros a minute",
     {"alt": ["in 2019: the average cost"], "severity": "warning",
      "note": "figure cited from a 2019 Eurocontrol study, older than max_source_age"}),
    ("stale-claim", "blog/cost-of-delay.md", "found that 36% of",
     {"alt": ["(IATA, 2022)"], "severity": "warning",
      "note": "figure cited as (IATA, 2022): the source is older than 24 months"}),
    ("stale-claim", "answers/rostering-compliance.md", "expires: 2026-10-31",
     {"alt": ["reviewed: 2026-05-04"], "severity": "error",
      "note": "entry expired on 2026-10-31 (review also overdue since 2026-10-31)"}),
    # unsourced-claim
    ("unsourced-claim", "messaging/winter-ops.md", "clear 30 percent more aircraft per hour",
     {"note": "no source and no registered metric for de-icing pad throughput"}),
    ("unsourced-claim", "answers/integration.md", "live in five working days",
     {"note": "AODB connector time has no source and no metric"}),
    ("unsourced-claim", "messaging/baggage.md", "in under 90 seconds",
     {"note": "reconciliation time for an A380 load has no source and no metric"}),
    ("unsourced-claim", "website/changelog.md", "4x faster",
     {"note": "roster engine speed-up is a performance claim with no source or metric"}),
    ("unsourced-claim", "press/2026-09-series-b.md", "more than 1.9 million flights",
     {"note": "flights turned on the platform: no source, no metric"}),
    # retired-claim
    ("retired-claim", "messaging/value-prop-ops-director.md", "lift on-time departures by 12%",
     {"related": "proof-points/on-time-departure-2024.md",
      "note": "repeats the retired otp-uplift-2024 figure (12%); the current otp-improvement is 6%"}),
    ("retired-claim", "press/2026-09-series-b.md", "12 percent better on-time performance",
     {"related": "proof-points/on-time-departure-2024.md",
      "note": "press release repeats the retired 12% on-time figure"}),
    ("retired-claim", SRT, "twelve percent better on-time departures",
     {"related": "proof-points/on-time-departure-2024.md", "speaker": "Thabo Nkosi",
      "note": "rep quotes the retired 12% on-time figure in words"}),
    # rep-misstatement
    ("rep-misstatement", VTT, "Median go-live is about six weeks",
     {"related": "proof-points/go-live.md", "speaker": "Fiona MacLeod",
      "note": "rep says median go-live about six weeks; median-go-live-weeks is 10"}),
    ("rep-misstatement", JSN, "drop by more than half",
     {"related": "proof-points/mishandled-bags.md", "speaker": "Wei Ling Tan",
      "turn": ["Bags is where Reconcile shines."],
      "note": "rep says mishandled bags drop by more than half; mishandled-bag-reduction is 38%"}),
    ("rep-misstatement", TXT, "about two minutes per aircraft",
     {"related": "proof-points/deicing-records.md", "speaker": "Cody Hargrove",
      "note": "rep says about two minutes per de-icing record; deicing-record-minutes is 4 (spoken, no punctuation)"}),
    # unsupported-claim in calls
    ("unsupported-claim", SRT, "over 25,000 GSE units",
     {"speaker": "Thabo Nkosi", "note": "no approved entry states how many GSE units are tracked"}),
    ("unsupported-claim", TXT, "tug fuel burn down eighteen percent",
     {"speaker": "Cody Hargrove", "note": "no approved entry backs a tug fuel-burn reduction"}),
    # optional
    ("unsourced-claim", "press/2026-09-series-b.md", "23 countries, today announced a $38 million",
     {"optional": True, "note": "funding amount and country count are company facts in a press release; arguable"}),
    ("unsourced-claim", "website/careers.md", "from 120 to 210 people",
     {"optional": True, "note": "headcount growth on a careers page; arguable"}),
    ("unsourced-claim", "website/trust.md", "99.95% monthly uptime",
     {"optional": True, "note": "contractual SLA commitment rather than a result; arguable"}),
    ("unsourced-claim", "answers/pricing.md", "£2,400 per station per month",
     {"optional": True, "note": "list price, also on the pricing page; arguable"}),
    ("unsourced-claim", "enablement/battlecard-rampsys.md", "about a third of the big hub",
     {"optional": True, "note": "competitor market share estimate with no source; internal battlecard"}),
    ("stale-claim", JSN, "they took seven minutes off",
     {"optional": True, "speaker": "Wei Ling Tan",
      "note": "matches merlion-turnaround-minutes-saved, whose source is stale; not a misstatement"}),
]

AUDIT_NEGATIVES = [
    ("proof-points/turnaround-delay.md", "measured across 41 stations", None, "sample size"),
    ("proof-points/turnaround-delay.md", "(codes 31 to 39 mostly)", None, "IATA delay code range"),
    ("proof-points/mishandled-bags.md", "handling 6 turns a day", None, "range of station sizes in the sample"),
    ("proof-points/deicing-records.md", "median of 4 minutes, down from 11", None, "the registered before/after pair"),
    ("proof-points/roster-hours.md", "63 responses from 29 stations", None, "sample size"),
    ("proof-points/go-live.md", "include a two-week parallel run", None, "part of the process, not a result"),
    ("proof-points/on-time-departure.md", "a station at 80% D15 moves to about 85%", None, "worked example consistent with 6% relative"),
    ("proof-points/on-time-departure-2024.md", "Do not quote the 12% figure", None, "retired entry quoting its own figure"),
    ("case-studies/kestrel-aviation.md", "about 190", None, "customer's own volume"),
    ("case-studies/kestrel-aviation.md", "three-year lease", None, "contract term"),
    ("case-studies/highveld-ground.md", "from 9 people a shift to 7", None, "before/after staffing in a case study; descriptive"),
    ("case-studies/highveld-ground.md", "cache 8 hours of scans", None, "product spec"),
    ("case-studies/merlion-ramp.md", "minimum ground time for an A320 is 35 minutes", ["metric-conflict", "unsourced-claim"], "industry norm, not a result"),
    ("case-studies/lone-star-ground.md", "3,100 aircraft last winter", ["unsourced-claim", "metric-conflict"], "customer's own volume"),
    ("case-studies/lone-star-ground.md", "1,800 gallons", None, "equipment spec"),
    ("messaging/elevator-pitch.md", "Mishandled bags fall by 38%", None, "matches mishandled-bag-reduction"),
    ("messaging/elevator-pitch.md", "four minutes instead of eleven", None, "matches deicing-record-minutes and its before figure, in words"),
    ("messaging/turnaround.md", "a 35-minute A320 turn", None, "a turn length, not a result"),
    ("messaging/baggage.md", "R4.2 million a year less", None, "matches highveld-claims-savings"),
    ("messaging/winter-ops.md", "in 4 minutes, not 11", None, "matches deicing-record-minutes before/after"),
    ("messaging/winter-ops.md", "worth $640K in one", None, "matches lonestar-fluid-savings (rounded to K)"),
    ("messaging/winter-ops.md", "20 to 60 aircraft", None, "operational range, not a claim of results"),
    ("messaging/value-prop-ops-director.md", "fell by R4.2m", None, "matches highveld-claims-savings"),
    ("messaging/value-prop-ops-director.md", "get back 12 hours a week", None, "matches roster-admin-hours-saved"),
    ("answers/integration.md", "14 DCS platforms", ["metric-conflict", "source-conflict", "stale-claim"], "product coverage count"),
    ("answers/pricing.md", "12-month term with a break clause at month six", None, "contract terms"),
    ("answers/rostering-compliance.md", "minimum rest of 11 hours", ["metric-conflict", "unsourced-claim"], "collective-agreement rule, not a claim"),
    ("website/pricing.md", "£1,100 per station per month", None, "price list"),
    ("website/pricing.md", "save 10%", None, "billing term"),
    ("website/pricing.md", "30 days of onboarding", None, "what the plan includes"),
    ("website/faq.md", "hold up to 8 hours", None, "product spec"),
    ("website/faq.md", "templates\nfor 46", None, "product spec"),
    ("website/faq.md", "in 9 languages", None, "product spec"),
    ("press/2026-09-series-b.md", "Founded in Edinburgh in 2019", ["metric-conflict", "source-conflict", "stale-claim", "retired-claim"], "founding year; the headcount beside it is the same arguable company fact as on the careers page"),
    ("press/2026-09-series-b.md", "first quarter of 2027", None, "a date"),
    ("website/changelog.md", "alerts below 20%", None, "alert threshold"),
    ("website/changelog.md", "from 4 to 8 hours", None, "spec change"),
    ("website/changelog.md", "up to 2 seconds per hour", None, "bug description"),
    ("website/changelog.md", "600 requests per minute", None, "rate limit spec"),
    ("blog/cost-of-delay.md", "it is seven years old", None, "a time span"),
    ("blog/cost-of-delay.md", "found that 58%", ["stale-claim"], "2025 ACI survey is within max_source_age"),
    ("blog/cost-of-delay.md", "minutes coded to them by 23%", None, "matches turnaround-delay-reduction, attributed to the benchmark"),
    ("website/careers.md", "28 days' annual leave", None, "employment term"),
    ("website/trust.md", "kept for 7 years", None, "retention period"),
    ("website/trust.md", "every 12 months", None, "testing cadence"),
    ("website/trust.md", "within 2 working days", None, "response commitment"),
    ("website/de-icing-module.md", "value=\"4 min\"", None, "matches deicing-record-minutes (component prop)"),
    ("website/de-icing-module.md", "value=\"21%\"", None, "matches lonestar-glycol-reduction"),
    ("website/de-icing-module.md", "value=\"$640K\"", None, "matches lonestar-fluid-savings"),
    ("website/de-icing-module.md", "We de-iced 400 aircraft", None, "customer quote; matches the case study's 400 in a day"),
    ("enablement/battlecard-rampsys.md", "six to nine months", None, "competitor's implementation time; ours (median ten weeks) matches median-go-live-weeks"),
    ("enablement/battlecard-rampsys.md", "about 30 turns a day", None, "pricing crossover, a volume"),
    (VTT, "from 70 turns a day to 85", None, "prospect's own volumes"),
    (VTT, "Six departures inside forty minutes", None, "prospect's own schedule"),
    (VTT, "by twenty-three percent", None, "rep quotes turnaround-delay-reduction correctly, in words"),
    (VTT, "Six weeks would be before Christmas", None, "prospect repeating the rep's figure; the rep's line is labelled"),
    (VTT, "about three hundred thousand pounds", None, "about £300K rounds kestrel-annual-gse-savings (£310,000)"),
    (VTT, "about £180,000 a year", None, "prospect's own spend"),
    (VTT, "thirty minutes with Ruaridh", None, "logistics"),
    (SRT, "close to R1.5 million", None, "prospect's own claims bill"),
    (SRT, "four point two million rand", None, "matches highveld-claims-savings, spoken"),
    (SRT, "cache eight hours of scans", None, "product spec, backed by the case study and FAQ"),
    (SRT, "about sixty powered units", None, "prospect's own fleet"),
    (SRT, "up in 2028", None, "prospect's contract date"),
    (JSN, "about 140 flights a day", None, "prospect's own volume"),
    (JSN, "one turn in five", None, "prospect's own performance"),
    (JSN, "live ten weeks after signature", None, "matches median-go-live-weeks"),
    (JSN, "about S$300,000", None, "prospect's budget"),
    (TXT, "about nine hundred aircraft", None, "prospect's own volume"),
    (TXT, "more like fifteen", None, "prospect's own process time"),
    (TXT, "by twenty one percent", None, "matches lonestar-glycol-reduction and lonestar-fluid-savings, spoken"),
    (TXT, "a hundred and twenty thousand", None, "prospect's own spend"),
    (TXT, "set up thirty minutes", None, "logistics"),
]

CHECK_EXPECTED = [
    ("metric-conflict", "drafts/blog-winter-readiness.md", "takes 3 minutes",
     {"related": "proof-points/deicing-records.md",
      "note": "3 minutes per de-icing record; deicing-record-minutes is 4"}),
    ("unsupported-claim", "drafts/blog-winter-readiness.md", "push 40 aircraft an hour",
     {"note": "no approved entry backs pad throughput of 40 aircraft an hour (winter-ops' 30 percent is itself unsourced)"}),
    ("retired-claim", "drafts/blog-winter-readiness.md", "12% better on-time departures",
     {"related": "proof-points/on-time-departure-2024.md", "note": "retired 12% OTP figure"}),
    ("stale-claim", "drafts/blog-winter-readiness.md", "cut 7 minutes from the average turn",
     {"related": "case-studies/merlion-ramp.md",
      "note": "only the Merlion case study backs 7 minutes, and its source is older than 24 months"}),
    ("metric-conflict", "drafts/email-followup-umhlanga.txt", "are down 45%",
     {"related": "proof-points/mishandled-bags.md", "note": "45%; mishandled-bag-reduction is 38%"}),
    ("stale-claim", "drafts/email-followup-umhlanga.txt", "go up by 17%",
     {"related": "proof-points/gse-utilisation.md",
      "note": "17% is backed by gse-utilisation, whose review is overdue"}),
    ("metric-conflict", "drafts/email-followup-umhlanga.txt", "live in about 6 weeks",
     {"related": "proof-points/go-live.md", "note": "about 6 weeks; median-go-live-weeks is 10"}),
    ("metric-conflict", "drafts/landing-page-turnaround.md", "fall by 32%",
     {"related": "proof-points/turnaround-delay.md", "note": "32%; turnaround-delay-reduction is 23%"}),
    ("unsupported-claim", "drafts/landing-page-turnaround.md", "more than 60 ground handlers across 19 countries",
     {"note": "no approved entry states customer or country counts (the press release says 23 countries)"}),
    ("unsupported-claim", "drafts/email-followup-umhlanga.txt", "even a third of that would cover",
     {"optional": True, "note": "ROI reasoning on the prospect's own figure; arguable"}),
]

CHECK_NEGATIVES = [
    ("drafts/blog-winter-readiness.md", "about 11 minutes per aircraft", None, "matches deicing-record-minutes-before"),
    ("drafts/blog-winter-readiness.md", "Type I use per event by 21%", None, "matches lonestar-glycol-reduction"),
    ("drafts/blog-winter-readiness.md", "that was $640,000", None, "matches lonestar-fluid-savings"),
    ("drafts/blog-winter-readiness.md", "for 2026-27 came out", None, "a season"),
    ("drafts/blog-winter-readiness.md", "handles 20 aircraft", None, "operational range, not a result"),
    ("drafts/blog-winter-readiness.md", "a 30-minute winter", None, "logistics"),
    ("drafts/email-followup-umhlanga.txt", "pays R4.2 million a year less", None, "matches highveld-claims-savings"),
    ("drafts/email-followup-umhlanga.txt", "cache 8 hours of scans", None, "product spec backed by the KB"),
    ("drafts/email-followup-umhlanga.txt", "You mentioned R1.5 million", None, "prospect's own figure"),
    ("drafts/email-followup-umhlanga.txt", "Tuesday the 20th", None, "a date"),
    ("drafts/email-followup-umhlanga.txt", "+27 11 555 0142", None, "phone number"),
    ("drafts/landing-page-turnaround.md", "6% more often", None, "matches otp-improvement"),
    ("drafts/landing-page-turnaround.md", "38% fewer, with Reconcile", None, "matches mishandled-bag-reduction"),
    ("drafts/landing-page-turnaround.md", "get back 12 hours a week", None, "matches roster-admin-hours-saved"),
    ("drafts/landing-page-turnaround.md", "saved £310,000 a year", None, "matches kestrel-annual-gse-savings"),
    ("drafts/landing-page-turnaround.md", "Built for a 35-minute turn", None, "a turn length"),
    ("drafts/landing-page-turnaround.md", "Templates for 46 aircraft types", None, "product spec, stated in the FAQ"),
    ("drafts/landing-page-turnaround.md", "99.95% uptime", ["metric-conflict", "unsupported-claim"], "SLA stated on the trust page"),
]


def line_of(rel, anchor):
    path = os.path.join(HERE, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {rel}")
    # the line of the anchor's last line when it spans lines is the figure's line for "\n" anchors
    idx = text.index(anchor)
    if "\n" in anchor:
        idx = idx + anchor.rindex("\n") + 1
    return text.count("\n", 0, idx) + 1


def build(expected, negatives, base):
    out, labelled = [], set()
    for rule, path, anchor, extra in expected:
        item = {"rule": rule, "path": path, "line": line_of(os.path.join(base, path), anchor)}
        if "related" in extra:
            item["related"] = extra["related"]
            if not os.path.exists(os.path.join(HERE, KB, extra["related"])):
                sys.exit(f"related {extra['related']} missing")
        if "alt" in extra:
            item["alt_lines"] = [line_of(os.path.join(base, path), a) for a in extra["alt"]]
        if "turn" in extra:
            tl = [line_of(os.path.join(base, path), a) for a in extra["turn"]] + [item["line"]]
            item["turn_lines"] = sorted(set(tl))
        for k in ("speaker", "severity"):
            if k in extra:
                item[k] = extra[k]
        if extra.get("optional"):
            item["optional"] = True
        item["note"] = extra["note"]
        labelled.add((path, item["line"]))
        out.append(item)
    negs = []
    for path, anchor, rules, note in negatives:
        line = line_of(os.path.join(base, path), anchor)
        if (path, line) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{line} ({anchor!r})")
        n = {"path": path, "line": line}
        if rules:
            n["rules"] = rules
        n["note"] = note
        negs.append(n)
    return out, negs


def main():
    ae, an = build(AUDIT_EXPECTED, AUDIT_NEGATIVES, KB)
    ce, cn = build(CHECK_EXPECTED, CHECK_NEGATIVES, "")
    for d in DRAFTS:
        if not os.path.exists(os.path.join(HERE, d)):
            sys.exit(f"draft {d} missing")
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": ae, "negatives": an},
        "check": {"rules": CHECK_RULES, "expected": ce, "negatives": cn},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    for sec, exp, neg in (("audit", ae, an), ("check", ce, cn)):
        c = Counter((e["rule"], bool(e.get("optional"))) for e in exp)
        print(sec, dict(c), "negatives", len(neg))


if __name__ == "__main__":
    main()
