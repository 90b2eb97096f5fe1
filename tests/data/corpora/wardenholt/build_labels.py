#!/usr/bin/env python3
"""Build labels.json for the wardenholt corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; the line of that occurrence (1-based) is the
label's line. A negative may not sit on a line that an expected finding of the same section uses
(its line, alt_lines or turn_lines). Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-paper-to-proof.md",
    "drafts/email-lakehead-referral.txt",
    "drafts/landing-lone-worker-au.md",
]

PP = "proof-points/"
CS = "case-studies/"

# (rule, path, anchor, extra)  extra may hold related, alt (list of anchors), turn (list of anchors),
# severity, speaker, optional, note
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/elevator-pitch.md", "missed checkpoints by 77%",
     dict(related=PP + "checkpoint-compliance.md", note="pitch says 77% fewer missed checkpoints; missed-checkpoint-reduction is 71% (average)")),
    ("metric-conflict", "messaging/payroll-accuracy.md", "£168,000 a year",
     dict(related=CS + "cadwallader.md", note="says Cadwallader saves £168,000 a year; cadwallader-annual-savings is £186,000 (digits transposed)")),
    ("metric-conflict", "answers/guard-adoption.md", "median of 6 minutes",
     dict(related=PP + "incident-reporting.md", note="answer says incident reports take a median of 6 minutes; incident-report-minutes is 9 (the 38 before is right)")),
    ("metric-conflict", "website/faq.md", "live tours in three weeks",
     dict(related=PP + "go-live.md", note="FAQ says most customers are live in three weeks; median-go-live is 5 weeks")),
    ("metric-conflict", "press/2026-09-series-b.md", "88 per cent",
     dict(related=CS + "ironbark.md", note="press release quotes Ironbark at 88 per cent fewer missed checkpoints; ironbark-missed-checkpoint-reduction is 82%")),
    ("metric-conflict", "enablement/battlecard-sentinelcore.md", "median of 2 minutes",
     dict(related=PP + "lone-worker-response.md", note="battlecard says alarms answered in a median of 2 minutes; lone-worker-response-minutes is 4")),
    ("metric-conflict", "messaging/client-portal.md", "complaints by 54%",
     dict(related=CS + "lakehead.md", note="says Lakehead cut complaints by 54%; lakehead-complaint-reduction is 45% (transposed)")),
    ("metric-conflict", "website/partners.md", "more than AU$400k",
     dict(related=CS + "ironbark.md", note="partner page says Ironbark saved more than AU$400k; ironbark-annual-savings is A$310,000")),
    # source-conflict
    ("source-conflict", "messaging/why-wardenholt.md", "record 71% fewer missed",
     dict(related=PP + "checkpoint-compliance.md", alt=["according to the Guarding Operations Benchmark 2026", "title: Guarding Operations Benchmark 2026"],
          note="71% fewer missed checkpoints attributed to the Guarding Operations Benchmark 2026; missed-checkpoint-reduction comes from the 2026 Patrol Compliance Study")),
    ("source-conflict", "answers/pricing.md", "comes down by 60 per cent",
     dict(related=PP + "payroll-admin.md", alt=["back offices. For a 300-guard", "title: Tallis & Oake"],
          note="60% payroll-admin reduction attributed to the Tallis & Oake review; payroll-admin-reduction comes from Wardenholt's own Payroll Time Audit 2024")),
    # stale-claim
    ("stale-claim", PP + "payroll-admin.md", "date: 2024-06-30",
     dict(alt=["value: 60", "Payroll teams spend 60% fewer hours"], severity="warning",
          note="only source dated 2024-06-30, older than max_source_age 24m (cut-off 2024-12-01); payroll-admin-reduction 60% rests on it")),
    ("stale-claim", PP + "overtime.md", "reviewed: 2025-04-10",
     dict(alt=["value: 23", "unplanned overtime by 23%"], severity="warning",
          note="reviewed 2025-04-10 with review_every 180d: overdue since 2025-10-07")),
    ("stale-claim", CS + "oduya.md", "reviewed: 2025-02-03",
     dict(alt=["value: 64", "fallen by 64%"], severity="warning",
          note="reviewed 2025-02-03 with review_every 180d: overdue since 2025-08-02; its figure is the 64% dispute reduction")),
    ("stale-claim", "messaging/lone-worker.md", "expires: 2026-10-31",
     dict(alt=["first 500 checkpoints"], severity="error",
          note="entry expired 2026-10-31 (severity error); its claim is free NFC tags for the first 500 checkpoints")),
    ("stale-claim", "blog/lone-working-statistics.md", "38% of",
     dict(severity="warning",
          note="article figure cited to a 2021 survey (end of 2021), older than 24m")),
    ("stale-claim", "answers/pricing.md", "date: 2024-06-30",
     dict(alt=["comes down by 60 per cent"], severity="warning",
          note="the answer lists Payroll Time Audit 2024 (2024-06-30) as a source, older than 24m; the 60 per cent rests on it")),
    # unsourced-claim
    ("unsourced-claim", "messaging/elevator-pitch.md", "spend 40% less time",
     dict(note="message has no sources and no metric registers time spent on paperwork")),
    ("unsourced-claim", "messaging/client-portal.md", "log in 3 times a week",
     dict(note="message has no sources and no metric registers client portal logins")),
    ("unsourced-claim", "answers/no-signal.md", "99.7% of offline scans",
     dict(note="answer has no sources and no metric registers offline scan delivery")),
    # retired-claim
    ("retired-claim", "enablement/battlecard-sentinelcore.md", "We fill 98% of open shifts",
     dict(related=PP + "shift-fill-2024.md", note="repeats the retired shift-fill-rate-2024 (98%); the approved figure is 87%")),
    ("retired-claim", "website/partners.md", "98 percent of open",
     dict(related=PP + "shift-fill-2024.md", note="repeats the retired pilot figure (98% of open shifts within two hours)")),
    ("retired-claim", "calls/2026-11-19-coastline-patrol.txt", "ninety eight percent of open shifts",
     dict(related=PP + "shift-fill-2024.md", speaker="Tash Kerrigan", note="rep quotes the retired 98% shift-fill figure, in words")),
    # rep-misstatement
    ("rep-misstatement", "calls/2026-10-06-brynmawr-guarding.vtt", "drop about 90 percent",
     dict(related=PP + "checkpoint-compliance.md", speaker="Rhys Prothero", note="says missed checkpoints drop about 90%; approved missed-checkpoint-reduction is 71%")),
    ("rep-misstatement", "calls/2026-10-14-harbourline-security.srt", "go live in two weeks",
     dict(related=PP + "go-live.md", speaker="Dylan Beaulieu", note="says typical go-live is two weeks; median-go-live is 5 weeks")),
    ("rep-misstatement", "calls/2026-11-03-eko-shield.json", "over three hundred thousand pounds",
     dict(related=CS + "cadwallader.md", speaker="Ifeoma Adeyemi", note="says Cadwallader saved over £300,000 a year; cadwallader-annual-savings is £186,000")),
    ("rep-misstatement", "calls/2026-11-19-coastline-patrol.txt", "median response is about two minutes",
     dict(related=PP + "lone-worker-response.md", speaker="Tash Kerrigan", note="says median response about two minutes; lone-worker-response-minutes is 4 (raw ASR, numbers in words)")),
    # unsupported-claim (calls)
    ("unsupported-claim", "calls/2026-10-06-brynmawr-guarding.vtt", "4.8 out of 5",
     dict(speaker="Rhys Prothero", note="no approved entry states an app-store rating")),
    ("unsupported-claim", "calls/2026-10-14-harbourline-security.srt", "knocked 15% off",
     dict(speaker="Dylan Beaulieu", note="no approved entry backs an insurance-premium reduction")),
    ("unsupported-claim", "calls/2026-11-03-eko-shield.json", "more than 1,200 sites in Lagos",
     dict(speaker="Ifeoma Adeyemi", note="no approved entry states a site count in Lagos")),
    # optional
    ("stale-claim", "blog/lone-working-statistics.md", "A 2019 study from the University",
     dict(optional=True, alt=["timed check-ins every 30 minutes"], note="2019 study cited, but the figure next to it is a check-in interval (30 minutes), not a result")),
    ("metric-conflict", "enablement/battlecard-sentinelcore.md", "We fill 98% of open shifts",
     dict(optional=True, related=PP + "shift-fill.md", note="the retired 98% also disagrees with shift-fill-rate 87%; tolerated next to the retired-claim")),
    ("metric-conflict", "website/partners.md", "98 percent of open",
     dict(optional=True, related=PP + "shift-fill.md", note="the retired 98% also disagrees with shift-fill-rate 87%; tolerated next to the retired-claim")),
    ("rep-misstatement", "calls/2026-11-19-coastline-patrol.txt", "ninety eight percent of open shifts",
     dict(optional=True, related=PP + "shift-fill.md", speaker="Tash Kerrigan", note="the retired figure also conflicts with shift-fill-rate 87%; tolerated next to the retired-claim")),
    ("unsourced-claim", "press/2026-09-series-b.md", "more than 600",
     dict(optional=True, note="customer count in a press release with no sources; arguable as a claim")),
    ("unsourced-claim", "website/changelog.md", "about 40% faster",
     dict(optional=True, note="engineering note in a changelog; a figure with no source, but a release note")),
    ("stale-claim", "answers/pricing.md", "falls 23% on average",
     dict(optional=True, related=PP + "overtime.md", note="backed only by unplanned-overtime-reduction, whose entry is overdue for review")),
    ("unsourced-claim", "enablement/battlecard-sentinelcore.md", "about CA$25 per device",
     dict(optional=True, note="competitor price in an internal battlecard; no source")),
    ("unsourced-claim", "website/trust.md", "99.9% monthly uptime",
     dict(optional=True, note="an uptime target rather than a result; arguable")),
    ("unsourced-claim", CS + "oduya.md", "from 71 days to 46 days",
     dict(optional=True, note="DSO before/after with no metric behind it, in a case study that does list a source")),
]

AUDIT_NEG = [
    (PP + "checkpoint-compliance.md", "58 companies", None, "sample size"),
    (PP + "checkpoint-compliance.md", "15-minute window", None, "configuration, not a result"),
    (PP + "checkpoint-compliance.md", "two minutes before", None, "product behaviour"),
    (PP + "incident-reporting.md", "1,140 reports", None, "sample size"),
    (PP + "incident-reporting.md", "down from 38 minutes", None, "matches incident-report-minutes-before"),
    (PP + "lone-worker-response.md", "31,600 alarms", None, "sample size"),
    (PP + "lone-worker-response.md", "usually 30 or 60 minutes", None, "customer setting"),
    (PP + "go-live.md", "about 40 NFC checkpoints a day", None, "work rate, not a claim about customers"),
    (PP + "go-live.md", "600-guard operator", None, "count"),
    (PP + "shift-fill.md", "212,000 posted shifts", None, "sample size"),
    (PP + "shift-fill-2024.md", "98% of open shifts were filled", ["retired-claim"], "a retired entry quoting its own figure"),
    (CS + "cadwallader.md", "412 licensed officers", None, "count"),
    (CS + "cadwallader.md", "roughly two thirds overtime", None, "split of the registered saving"),
    (CS + "cadwallader.md", "went live in six weeks", ["metric-conflict"], "this customer's go-live, not the median"),
    (CS + "oduya.md", "about 2,300 guards", None, "count"),
    (CS + "oduya.md", "₦20 million", None, "the customer's own past exposure"),
    (CS + "ironbark.md", "71% average", ["metric-conflict"], "restates missed-checkpoint-reduction correctly as a comparison"),
    (CS + "ironbark.md", "roughly 180 km", None, "distance, spec"),
    (CS + "lakehead.md", "4-minute median across", ["metric-conflict"], "restates lone-worker-response-minutes correctly"),
    (CS + "lakehead.md", "CA$2.1 million", None, "contract value"),
    (CS + "lakehead.md", "-30 °C", None, "temperature"),
    ("messaging/why-wardenholt.md", "median of 9 minutes instead", None, "matches incident-report-minutes and -before"),
    ("messaging/why-wardenholt.md", "median of 4 minutes", None, "matches lone-worker-response-minutes"),
    ("messaging/lone-worker.md", "median of 4 minutes", ["metric-conflict", "source-conflict", "unsourced-claim"], "matches lone-worker-response-minutes (the entry itself has expired: its stale-claim points at expires:)"),
    ("answers/pricing.md", "60 days' notice", None, "contract terms"),
    ("answers/guard-adoption.md", "Android 9", None, "spec"),
    ("answers/guard-adoption.md", "20-minute toolbox talk", None, "training length"),
    ("answers/no-signal.md", "usually 60 minutes", None, "configuration"),
    ("website/pricing.md", "£6 / A$11", None, "price list"),
    ("website/pricing.md", "₦4,500", None, "price list"),
    ("website/pricing.md", "£2.40 each", None, "price and tag spec"),
    ("website/faq.md", "From £6 per active guard", None, "price"),
    ("press/2026-09-series-b.md", "announced an £18 million", None, "funding amount"),
    ("press/2026-09-series-b.md", "employs 140 people", None, "headcount"),
    ("website/changelog.md", "up to 12 photos", None, "product limit"),
    ("blog/lone-working-statistics.md", "one in six lone guards", ["stale-claim"], "cited to Guardline Research, 2026: within max_source_age"),
    ("blog/lone-working-statistics.md", "median of 4 minutes across", None, "matches lone-worker-response-minutes"),
    ("blog/lone-working-statistics.md", "uses 20 minutes", None, "customer setting"),
    ("website/careers.md", "28 days' holiday", None, "benefit"),
    ("website/careers.md", "£1,000 a year", None, "benefit"),
    ("website/trust.md", "kept for 35 days", None, "backup retention spec"),
    ("website/trust.md", "13 months", None, "retention setting"),
    ("enablement/battlecard-sentinelcore.md", "six taps", None, "product comparison count"),
    ("enablement/battlecard-sentinelcore.md", "15 years of references", None, "time span"),
    ("enablement/battlecard-sentinelcore.md", "Ours is 5 weeks median", None, "matches median-go-live"),
    ("website/lone-worker.md", 'value="4 min"', None, "matches lone-worker-response-minutes (MDX component)"),
    ("website/lone-worker.md", "answers in three minutes", None, "customer quote matching lakehead-response-minutes"),
    ("website/lone-worker.md", 'value="3 min"', None, "matches lakehead-response-minutes"),
    ("website/lone-worker.md", "every 15 to 120 minutes", None, "configuration range"),
    ("calls/2026-10-06-brynmawr-guarding.vtt", "230 officers", None, "prospect's own numbers"),
    ("calls/2026-10-06-brynmawr-guarding.vtt", "Ninety? That sounds high", None, "prospect echoing the rep"),
    ("calls/2026-10-06-brynmawr-guarding.vtt", "about nine minutes in the app", None, "matches incident-report-minutes and -before"),
    ("calls/2026-10-06-brynmawr-guarding.vtt", "nine pounds per active guard", None, "list price"),
    ("calls/2026-10-06-brynmawr-guarding.vtt", "twelve-month contracts with most clients", None, "prospect's contract terms"),
    ("calls/2026-10-14-harbourline-security.srt", "410 guards and 38 patrol cars", None, "prospect's own numbers"),
    ("calls/2026-10-14-harbourline-security.srt", "median alarm response is three minutes", None, "matches lakehead-response-minutes"),
    ("calls/2026-10-14-harbourline-security.srt", "three-year deal", None, "contract term"),
    ("calls/2026-11-03-eko-shield.json", "about 1,800 guards", None, "prospect's own numbers"),
    ("calls/2026-11-03-eko-shield.json", "fifteen million naira", None, "prospect's own losses"),
    ("calls/2026-11-03-eko-shield.json", "four thousand five hundred naira", None, "list price, in words"),
    ("calls/2026-11-19-coastline-patrol.txt", "a hundred and twenty guards", None, "prospect's own numbers"),
    ("calls/2026-11-19-coastline-patrol.txt", "two minutes thats better", None, "prospect echoing the rep"),
    ("calls/2026-11-19-coastline-patrol.txt", "eighty two percent", None, "matches ironbark-missed-checkpoint-reduction, in words"),
    ("calls/2026-11-19-coastline-patrol.txt", "sixteen dollars a guard", None, "list price (A$16)"),
]

B = "drafts/blog-paper-to-proof.md"
E = "drafts/email-lakehead-referral.txt"
L = "drafts/landing-lone-worker-au.md"
CHECK = [
    ("metric-conflict", B, "median of 7 minutes",
     dict(related=PP + "incident-reporting.md", note="7 minutes per report; incident-report-minutes is 9 (median)")),
    ("retired-claim", B, "98% of the time",
     dict(related=PP + "shift-fill-2024.md", note="98% of open shifts filled within two hours is retired; the current figure is 87%")),
    ("metric-conflict", B, "98% of the time",
     dict(optional=True, related=PP + "shift-fill.md", note="the retired 98% also disagrees with shift-fill-rate 87%; tolerated next to the retired-claim")),
    ("stale-claim", B, "60% less time",
     dict(related=PP + "payroll-admin.md", note="only payroll-admin-reduction backs it, and its source is older than max_source_age")),
    ("unsupported-claim", B, "churn by 30%",
     dict(note="no approved entry backs a client churn reduction")),
    ("metric-conflict", E, "two minutes, and client",
     dict(related=CS + "lakehead.md", note="says Lakehead's median is two minutes; lakehead-response-minutes is 3")),
    ("stale-claim", E, "Unplanned overtime drops 23%",
     dict(related=PP + "overtime.md", note="unplanned-overtime-reduction's entry is overdue for review")),
    ("unsupported-claim", E, "payback in under four months",
     dict(note="no approved entry backs a payback period")),
    ("unsupported-claim", L, "Trusted by 40,000 guards",
     dict(note="no approved entry states a guard count")),
    ("metric-conflict", L, "Live in 3 weeks",
     dict(related=PP + "go-live.md", note="3 weeks to go live; median-go-live is 5 weeks")),
    ("metric-conflict", L, "saved A$350,000",
     dict(related=CS + "ironbark.md", note="Ironbark saved A$350,000; ironbark-annual-savings is A$310,000 (82% on the same line is right)")),
    ("stale-claim", L, "first 500 checkpoints",
     dict(related="messaging/lone-worker.md", severity="error", note="the free-tags offer expired 2026-10-31")),
    ("unsupported-claim", E, "CA$15 per active guard",
     dict(optional=True, note="list price: only the pricing article (no sources) states it; arguable (the 36-month term on the same line is a contract term)")),
]

CHECK_NEG = [
    (B, "fall by 71% on average", None, "matches missed-checkpoint-reduction"),
    (B, "between 8 and 20 checkpoints", None, "typical site spec"),
    (B, "against 38 minutes on paper", None, "matches incident-report-minutes-before"),
    (B, "first twelve months", None, "time span"),
    (B, "30-minute demo", None, "logistics"),
    (E, "for an hour", None, "prospect's story"),
    (E, "87% of open shifts", None, "matches shift-fill-rate"),
    (E, "410 guards and 38 cars", None, "prospect's own numbers"),
    (L, "**4 minutes** median", None, "matches lone-worker-response-minutes"),
    (L, "runs 360 guards", None, "count from the case study"),
    (L, "from 15 to 120 minutes", None, "configuration range"),
    (L, "From A$16 per active guard", None, "list price"),
]


def locate(path, anchor):
    full = os.path.join(HERE, path if path.startswith("drafts/") else os.path.join(KB, path))
    with open(full, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    hits = [i + 1 for i, ln in enumerate(lines) if anchor in ln]
    count = sum(ln.count(anchor) for ln in lines)
    if count != 1:
        sys.exit(f"anchor {anchor!r} occurs {count} times in {path}")
    return hits[0]


def build(items, negs):
    expected, used = [], {}
    for rule, path, anchor, extra in items:
        rec = {"rule": rule, "path": path, "line": locate(path, anchor)}
        lines = {rec["line"]}
        if "related" in extra:
            rec["related"] = extra["related"]
        if "alt" in extra:
            rec["alt_lines"] = [locate(path, a) for a in extra["alt"]]
            lines.update(rec["alt_lines"])
        if "turn" in extra:
            rec["turn_lines"] = [locate(path, a) for a in extra["turn"]]
            lines.update(rec["turn_lines"])
        for k in ("speaker", "severity", "optional", "note"):
            if k in extra:
                rec[k] = extra[k]
        expected.append(rec)
        used.setdefault(path, set()).update(lines)
    negatives = []
    for path, anchor, rules, note in negs:
        line = locate(path, anchor)
        if line in used.get(path, set()):
            sys.exit(f"negative {anchor!r} in {path} sits on labelled line {line}")
        rec = {"path": path, "line": line}
        if rules:
            rec["rules"] = rules
        rec["note"] = note
        negatives.append(rec)
    return expected, negatives


def main():
    a_exp, a_neg = build(AUDIT, AUDIT_NEG)
    c_exp, c_neg = build(CHECK, CHECK_NEG)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {
            "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                      "retired-claim", "rep-misstatement", "unsupported-claim"],
            "expected": a_exp,
            "negatives": a_neg,
        },
        "check": {
            "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
            "expected": c_exp,
            "negatives": c_neg,
        },
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    from collections import Counter
    for sec, exp, neg in (("audit", a_exp, a_neg), ("check", c_exp, c_neg)):
        req = Counter(e["rule"] for e in exp if not e.get("optional"))
        opt = Counter(e["rule"] for e in exp if e.get("optional"))
        print(sec, "expected", sum(req.values()), dict(req), "optional", sum(opt.values()), dict(opt), "negatives", len(neg))


if __name__ == "__main__":
    main()
