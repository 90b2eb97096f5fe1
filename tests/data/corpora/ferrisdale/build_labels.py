#!/usr/bin/env python3
"""Build labels.json for the ferrisdale corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; the line number is computed from it.
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = ["drafts/blog-time-to-fill.md", "drafts/email-merlion-followup.txt", "drafts/landing-payroll.md"]

TTF = "proof-points/time-to-fill.md"
FILL = "proof-points/fill-rate.md"
TSA = "proof-points/timesheet-approval.md"
PAY = "proof-points/payroll-errors.md"
CMP = "proof-points/compliance-checks.md"
HRS = "proof-points/recruiter-hours.md"
RET = "proof-points/placements-2024.md"
TRE = "case-studies/tregarth-staffing.md"
LIO = "case-studies/lionport-talent.md"
KAR = "case-studies/karoo-workforce.md"
PRA = "case-studies/prairie-temps.md"
VTT = "calls/2026-10-06-bryn-recruitment.vtt"
SRT = "calls/2026-10-14-cornbelt-staffing.srt"
JSN = "calls/2026-10-21-merlion-staffing.json"
TXT = "calls/2026-11-03-ubuntu-staffing.txt"
BC = "enablement/battlecard-stafflogic.md"

# (rule, path, anchor, extra fields)
AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    ("metric-conflict", BC, "cut it by 45%", {"related": TTF, "note": "battlecard says agencies cut time to fill by 45% on average; time-to-fill-reduction is 38% (average)"}),
    ("metric-conflict", "website/timesheets.md", '<Stat value="47%"', {"related": PAY, "note": "MDX stat component says 47% fewer payroll corrections; payroll-error-reduction is 74% (digits swapped)"}),
    ("metric-conflict", "messaging/elevator-pitch.md", "median of 4 hours", {"related": TSA, "note": "pitch says clients approve timesheets in a median of 4 hours; timesheet-approval-hours is 6 hours (median)"}),
    ("metric-conflict", "messaging/agency-owners.md", "£120,000", {"related": TRE, "note": "says Tregarth saves £120,000 a year; tregarth-annual-savings is £210,000"}),
    ("metric-conflict", "website/faq.md", "above 95%", {"related": FILL, "note": "FAQ says agencies typically fill above 95% of shifts; fill-rate is 89% (average)"}),
    ("metric-conflict", "answers/payroll-risk.md", "$460K", {"related": PRA, "note": "says Prairie Temps saves $460K a year; prairie-annual-savings is $640K"}),
    ("metric-conflict", "news/press-release-series-b.md", "to 82% on Ferrisdale", {"related": KAR, "alt_anchors": ["lifted its fill rate"], "note": "press release says Karoo lifted its fill rate to 82%; karoo-fill-rate is 92%"}),
    # source-conflict
    ("source-conflict", "answers/pricing.md", "fill orders 38% faster", {"related": TTF, "alt_anchors": ["An independent study by Staffing Industry Analysts", "title: Staffing Industry Analysts, Staffing Technology Survey 2026"], "note": "38% faster fills attributed to an 'independent study by Staffing Industry Analysts'; time-to-fill-reduction comes from the 2026 Ferrisdale Staffing Benchmark"}),
    ("source-conflict", "messaging/why-ferrisdale.md", "Forrester found that recruiters", {"related": HRS, "note": "9 hours a week attributed to Forrester; recruiter-hours-saved is sourced from the 2026 Ferrisdale Staffing Benchmark"}),
    # stale-claim
    ("stale-claim", CMP, "reviewed: 2025-04-10", {"severity": "warning", "alt_anchors": ["94% of candidate compliance checks", "value: 94"], "note": "reviewed 2025-04-10 with review_every 180d (canon.toml): review overdue since 2025-10-07"}),
    ("stale-claim", PAY, "date: 2024-03-01", {"severity": "warning", "alt_anchors": ["value: 74", "make 74% fewer payroll corrections"], "note": "only source dated 2024-03-01, older than max_source_age 24m (cut-off 2024-12-01); payroll-error-reduction rests on it"}),
    ("stale-claim", "messaging/payroll-for-temps.md", "expires: 2026-10-31", {"severity": "error", "alt_anchors": ["a job we normally charge $12,000 for"], "note": "entry expired 2026-10-31 (error); its claim is the free migration worth $12,000"}),
    ("stale-claim", KAR, "date: 2024-06-18", {"severity": "warning", "alt_anchors": ["value: 4200000", "value: 92", "R4,2 million"], "note": "only source dated 2024-06-18, older than max_source_age 24m; karoo-annual-savings and karoo-fill-rate rest on it"}),
    ("stale-claim", "blog/temp-workforce-trends.md", "around 16 million temporary", {"alt_anchors": ["(American Staffing Association, 2022)"], "note": "article figure cites American Staffing Association, 2022 (end of 2022), older than 24m"}),
    ("stale-claim", "blog/temp-workforce-trends.md", "a 2019 survey by the CIPD", {"note": "article figure (31% paid late or incorrectly) cites a 2019 CIPD survey, older than 24m"}),
    # unsourced-claim
    ("unsourced-claim", "messaging/compliance.md", "99.2% of expiring", {"alt_anchors": ["It flags"], "note": "message has no sources and no metric registers the share of expiring certifications flagged"}),
    ("unsourced-claim", "answers/migration.md", "median of 5 weeks", {"note": "answer has no sources and no metric registers go-live time"}),
    ("unsourced-claim", BC, "30% more candidate calls", {"note": "battlecard (article) claims 30% more candidate calls per day; no source, no metric"}),
    # retired-claim
    ("retired-claim", "messaging/why-ferrisdale.md", "3.1x more placements", {"related": RET, "note": "repeats the retired placements-per-recruiter-2024 figure (3.1x)"}),
    ("retired-claim", BC, "more than three times as many placements", {"related": RET, "note": "repeats the retired 3.1x placements figure in words"}),
    ("retired-claim", "partners/payroll-partners.md", "3.1 times the placements", {"related": RET, "note": "partner page repeats the retired 3.1x placements figure"}),
    # calls
    ("rep-misstatement", VTT, "drops by about sixty percent", {"related": TTF, "speaker": "Rhian Pritchard", "note": "says time to fill drops about sixty percent; time-to-fill-reduction is 38%"}),
    ("retired-claim", VTT, "three x the placements", {"related": RET, "speaker": "Rhian Pritchard", "note": "rep repeats the retired 3.1x placements figure ('three x')"}),
    ("rep-misstatement", SRT, "nine hundred grand", {"related": PRA, "speaker": "Kyle Brandt", "note": "says Prairie Temps saves about nine hundred grand a year; prairie-annual-savings is $640K"}),
    ("unsupported-claim", SRT, "2 million timesheets a month", {"speaker": "Kyle Brandt", "note": "no approved entry states monthly timesheet volume on the platform (telemetry entry counts 1.9 million over six months)"}),
    ("rep-misstatement", JSN, "fill rate goes up to ninety-five percent", {"related": FILL, "speaker": "Wei Ling Tan", "note": "says customers' fill rate goes up to ninety-five percent; fill-rate is 89% (average)"}),
    ("unsupported-claim", JSN, "Our NPS is 72", {"speaker": "Owain Lloyd", "note": "no approved entry states an NPS"}),
    ("rep-misstatement", TXT, "approved in about two hours", {"related": TSA, "speaker": "Thabo Nkosi", "note": "says timesheets approved in about two hours; timesheet-approval-hours is 6 hours (median)"}),
    ("unsupported-claim", TXT, "premiums come down about fifteen percent", {"speaker": "Thabo Nkosi", "note": "no approved entry states an insurance-premium reduction"}),
]

AUDIT_OPTIONAL = [
    ("metric-conflict", "website/pricing.md", "by up to 50%", {"related": TTF, "note": "'up to 50%' against an average of 38%: a ceiling, not the same measure; arguable"}),
    ("unsourced-claim", "changelog.md", "now 3x faster", {"note": "performance claim in a changelog with no source; a reviewer might let release notes pass"}),
    ("unsourced-claim", "website/trust.md", "99.95% monthly uptime", {"note": "an SLA commitment, not a result; arguable"}),
    ("unsourced-claim", "news/press-release-series-b.md", "a $42 million Series B", {"note": "company fact in a press release; no source"}),
    ("unsourced-claim", "news/press-release-series-b.md", "More than 600 agencies", {"note": "customer count with no source"}),
    ("unsourced-claim", "website/faq.md", "live in 4 to 8 weeks", {"note": "go-live range with no source or metric; answers/migration's 5-week median sits inside it"}),
    ("stale-claim", "blog/temp-workforce-trends.md", "up to £60,000 per worker in February 2024", {"note": "a legal penalty with its effective date, not a cited study; arguable"}),
    ("stale-claim", TXT, "four point two million rand", {"speaker": "Thabo Nkosi", "note": "matches karoo-annual-savings, but only the stale Karoo case study backs it"}),
]

def N(path, anchor, note, rules=None):
    return (path, anchor, note, rules)

AUDIT_NEGATIVES = [
    N(TTF, "212 agencies across", "sample size of the benchmark"),
    N(TTF, "measured every permanent", "time span of the study"),
    N(FILL, "three shifts in", "words restating 71% and 89% (about three in ten lost, about one)"),
    N(TSA, "1.9 million timesheets", "sample size"),
    N(TSA, "two or three days", "the prospects' norm, not a Ferrisdale claim"),
    N(HRS, "1,140", "sample size"),
    N(HRS, "Nine hours is more than", "restates recruiter-hours-saved"),
    N(RET, "Do not say 3.1x", "a retired entry quoting its own retired figure is fine"),
    N("proof-points/placements-per-recruiter.md", "1.6x as many placements a month as", "matches placements-per-recruiter"),
    N(TRE, "Founded in 1994", "company facts"),
    N(TRE, "about 1,800 temps every week", "matches tregarth-weekly-temps (count)"),
    N(TRE, "saves £210,000 a year on payroll", "matches tregarth-annual-savings"),
    N(LIO, "14,000 timesheets a week", "matches lionport-weekly-timesheets"),
    N(LIO, "11pm and end", "shift times"),
    N(LIO, "S$380,000 a year on overtime", "matches lionport-annual-savings"),
    N(LIO, "ops team is eight people", "customer's own headcount"),
    N(KAR, "close to 5 000 temporary", "customer's own volume", ["metric-conflict", "unsourced-claim"]),
    N(KAR, "30 days before anything", "product behaviour (warning period)", ["metric-conflict", "unsourced-claim"]),
    N(PRA, "14 branches", "customer facts"),
    N(PRA, "300 associates some weeks", "customer's own volume"),
    N(PRA, "save $640K a year", "matches prairie-annual-savings"),
    N("messaging/elevator-pitch.md", "38% faster on average", "matches time-to-fill-reduction"),
    N("messaging/elevator-pitch.md", "89% of shifts, up from 71%", "matches fill-rate and fill-rate-before"),
    N("messaging/elevator-pitch.md", "nine hours of admin", "matches recruiter-hours-saved"),
    N("messaging/elevator-pitch.md", "under 60 seconds", "guidance on pitch length"),
    N("messaging/why-ferrisdale.md", "at 4pm is on the payroll run at 5pm", "illustration, times of day"),
    N("messaging/why-ferrisdale.md", "all 50", "coverage (count of states)"),
    N("messaging/payroll-for-temps.md", "24-month agreement", "contract term", ["metric-conflict", "unsourced-claim", "retired-claim"]),
    N("messaging/payroll-for-temps.md", "in three weeks, running in parallel", "service commitment for a payroll migration; not the go-live measure", ["metric-conflict", "unsourced-claim"]),
    N("messaging/agency-owners.md", "Going from a 71% fill rate to", "matches fill-rate-before"),
    N("messaging/agency-owners.md", "90 more shifts billed", "arithmetic on the prospect's 500 shifts: 18 points of 500 is 90"),
    N("messaging/agency-owners.md", "Prairie Temps in Iowa saves $640K", "matches prairie-annual-savings"),
    N("messaging/agency-owners.md", "1.6x as many placements a month", "matches placements-per-recruiter"),
    N("answers/pricing.md", "15% cheaper than monthly", "price term"),
    N("answers/pricing.md", "£210,000 a year overall", "matches tregarth-annual-savings"),
    N("answers/payroll-risk.md", "first two pay cycles", "process description"),
    N("objections/pricing.md", "a thousand out", "prospect phrasing in an objection example"),
    N("objections/switching-ats.md", "fifteen years of candidates", "prospect phrasing in an objection example"),
    N("website/pricing.md", "$399 per month", "price"),
    N("website/pricing.md", "$6 per active temp per week", "price"),
    N("website/pricing.md", "save 15%", "price term"),
    N("website/pricing.md", "cancelled with", "contract term (30 days' notice)"),
    N("website/pricing.md", "R95 per active temp", "price"),
    N("website/faq.md", "In a median of 6 hours", "matches timesheet-approval-hours"),
    N("news/press-release-series-b.md", "nearly 40 percent faster", "rounded restatement of 38% that agrees"),
    N("news/press-release-series-b.md", "saves £210,000 a year on payroll admin", "matches tregarth-annual-savings"),
    N("news/press-release-series-b.md", "Founded in 2019", "company facts (year, headcount)", ["metric-conflict", "stale-claim"]),
    N("changelog.md", "up to 500 timesheets in one go", "product limit (spec)"),
    N("changelog.md", "12.07%", "statutory holiday-pay accrual rate"),
    N("changelog.md", "up to 200 temps", "product limit (spec)"),
    N("blog/temp-workforce-trends.md", "In the Bullhorn GRID Industry Trends Report, 2025, 41%", "cited source is from 2025, within 24m", ["stale-claim"]),
    N("blog/temp-workforce-trends.md", "fill 89% of their shifts, against 71%", "matches fill-rate and fill-rate-before"),
    N("blog/temp-workforce-trends.md", "eighteen-point gap", "difference of two registered figures (89 - 71)"),
    N("careers.md", "28 days' holiday", "benefits"),
    N("careers.md", "£75,000 to £90,000", "salary band"),
    N("careers.md", "within 10 working days", "hiring process commitment"),
    N("website/trust.md", "AES-256", "spec"),
    N("website/trust.md", "6 years after", "retention rule"),
    N("website/trust.md", "every 90 days", "access review interval"),
    N("website/trust.md", "within 2 business days", "disclosure commitment"),
    N("partners/payroll-partners.md", "earn 10% of its first-year", "commission term"),
    N("partners/payroll-partners.md", "more than 30 other payroll", "count of integrations"),
    N("partners/payroll-partners.md", "89% of their shifts. Your clients", "matches fill-rate"),
    N(BC, '"50% faster time to fill"', "the competitor's own claim, quoted as theirs", ["metric-conflict"]),
    N(BC, "about 900 customers", "competitor fact"),
    N(BC, "12 VMS integrations to our 4", "integration counts"),
    N("website/timesheets.md", '<Stat value="6 hrs"', "matches timesheet-approval-hours"),
    N("website/timesheets.md", '<Stat value="9 hrs"', "matches recruiter-hours-saved"),
    N("website/timesheets.md", "12-hour night shift", "shift length in an example"),
    N("website/timesheets.md", "up to 500 timesheets at once", "product limit"),
    N("website/timesheets.md", "Now we save S$380,000 a year.", "matches lionport-annual-savings"),
    # calls
    N(VTT, "about 400 temps out in a normal week", "prospect's own volume"),
    N(VTT, "three quarters of what the clients ask for", "prospect's own fill rate"),
    N(VTT, "seventy-one percent fill rate", "matches fill-rate-before and fill-rate (71 and 89)"),
    N(VTT, "nine hours a week we usually see", "matches recruiter-hours-saved"),
    N(VTT, "twenty-odd thousand people", "prospect's database size"),
    N(VTT, "Median is five weeks", "backed by answers/migration (5 weeks median)", ["rep-misstatement", "unsupported-claim"]),
    N(VTT, "six dollars, sorry", "price"),
    N(SRT, "Six branches, 22 recruiters", "prospect's own numbers"),
    N(SRT, "four percent of gross payroll", "prospect's current cost"),
    N(SRT, "99.95 percent uptime commitment", "backed by the trust page; a commitment, not a result", ["rep-misstatement", "unsupported-claim"]),
    N(SRT, "Median approval is six hours", "matches timesheet-approval-hours"),
    N(SRT, "Typical is around five weeks", "backed by answers/migration", ["rep-misstatement", "unsupported-claim"]),
    N(SRT, "from 900 to 1,400 associates", "prospect's own seasonal volume"),
    N(JSN, "We run about 6,000 timesheets a week", "prospect's own volume"),
    N(JSN, "They save S$380,000 a year now", "matches lionport-annual-savings"),
    N(JSN, "we are maybe eighty", "prospect's own fill rate"),
    N(JSN, "S$7.50 per active temp per week.", "price"),
    N(JSN, "fifteen percent cheaper", "price term"),
    N(TXT, "three thousand five hundred temps", "prospect's own volume"),
    N(TXT, "get back about nine hours a week", "matches recruiter-hours-saved"),
    N(TXT, "ninety five rand per active temp", "price"),
    N(TXT, "more than three hundred thousand rand a week", "prospect's own arithmetic"),
]

CHECK_EXPECTED = [
    ("metric-conflict", DRAFTS[0], "by 58%", {"related": TTF, "note": "says agencies cut time to fill by 58%; time-to-fill-reduction is 38%"}),
    ("retired-claim", DRAFTS[0], "3.1x more placements", {"related": RET, "note": "repeats the retired 3.1x placements figure"}),
    ("unsupported-claim", DRAFTS[0], "12 hours on payroll prep", {"note": "no approved entry states payroll-prep hours saved (recruiter-hours-saved is 9 hours of admin, a different measure)"}),
    ("stale-claim", DRAFTS[0], "94% of compliance checks", {"related": CMP, "note": "only backed by proof-points/compliance-checks, whose review is overdue"}),
    ("metric-conflict", DRAFTS[1], "S$830,000", {"related": LIO, "note": "says Lionport saves S$830,000; lionport-annual-savings is S$380,000"}),
    ("source-conflict", DRAFTS[1], "according to Staffing Industry Analysts", {"related": FILL, "note": "89% fill rate attributed to Staffing Industry Analysts; fill-rate comes from the 2026 Ferrisdale Staffing Benchmark"}),
    ("unsupported-claim", DRAFTS[1], "7 minutes from the app", {"note": "no approved entry states onboarding time"}),
    ("metric-conflict", DRAFTS[2], "comes in 3 hours", {"related": TSA, "note": "says median approval 3 hours; timesheet-approval-hours is 6 hours"}),
    ("stale-claim", DRAFTS[2], "make 74% fewer payroll corrections", {"related": PAY, "note": "only backed by proof-points/payroll-errors, whose source is older than 24m"}),
    ("unsupported-claim", DRAFTS[2], "99.9% payroll accuracy", {"note": "no approved entry states payroll accuracy"}),
]
CHECK_OPTIONAL = [
    ("unsupported-claim", DRAFTS[0], "about £1,800 in gross billings", {"note": "illustrative arithmetic (£45 an hour for a 40-hour week); arguable"}),
]
CHECK_NEGATIVES = [
    N(DRAFTS[0], "212 agencies in four countries", "sample size"),
    N(DRAFTS[0], "11 days from job order to placement, down from 18", "matches time-to-fill-median and -before"),
    N(DRAFTS[0], "first three days of every order", "a time span in prose"),
    N(DRAFTS[0], "fill 89% of requested shifts, up from 71%", "matches fill-rate and fill-rate-before"),
    N(DRAFTS[0], "Nearly nine in ten", "rounded restatement that agrees"),
    N(DRAFTS[0], "30-minute benchmark session", "meeting length"),
    N(DRAFTS[0], "start at $399 a month", "price"),
    N(DRAFTS[1], "around 14,000 timesheets a week", "matches lionport-weekly-timesheets"),
    N(DRAFTS[1], "about 80% today", "the prospect's own fill rate"),
    N(DRAFTS[1], "6,000 timesheets a week", "the prospect's own volume"),
    N(DRAFTS[1], "median of 6 hours", "matches timesheet-approval-hours"),
    N(DRAFTS[1], "S$7.50 per active temp", "price"),
    N(DRAFTS[1], "valid for 30 days", "proposal validity"),
    N(DRAFTS[2], "pays 1,800 temps a week", "matches tregarth-weekly-temps"),
    N(DRAFTS[2], "saves £210,000 a year", "matches tregarth-annual-savings"),
    N(DRAFTS[2], "all 50 US states", "coverage"),
    N(DRAFTS[2], "as little as 5 weeks", "backed by answers/migration", ["metric-conflict", "unsupported-claim"]),
    N(DRAFTS[2], "two parallel pay runs", "process"),
]


def full(path):
    return os.path.join(HERE, path if path.startswith("drafts/") else os.path.join(KB, path))


_cache = {}


def line_of(path, anchor):
    if path not in _cache:
        with open(full(path), encoding="utf-8") as f:
            _cache[path] = f.read()
    text = _cache[path]
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def expected(items, optional=False):
    out = []
    for rule, path, anchor, extra in items:
        e = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        extra = dict(extra)
        alts = extra.pop("alt_anchors", None)
        if "related" in extra:
            e["related"] = extra.pop("related")
        if alts:
            e["alt_lines"] = [line_of(path, a) for a in alts]
        e.update(extra)
        if optional:
            e["optional"] = True
        out.append(e)
    return out


def negatives(items, labelled):
    out = []
    for path, anchor, note, rules in items:
        ln = line_of(path, anchor)
        if (path, ln) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{ln} ({anchor!r})")
        n = {"path": path, "line": ln}
        if rules:
            n["rules"] = rules
        n["note"] = note
        out.append(n)
    return out


def labelled_lines(exp):
    s = set()
    for e in exp:
        s.add((e["path"], e["line"]))
        for a in e.get("alt_lines", []):
            s.add((e["path"], a))
    return s


def main():
    a_exp = expected(AUDIT_EXPECTED) + expected(AUDIT_OPTIONAL, optional=True)
    c_exp = expected(CHECK_EXPECTED) + expected(CHECK_OPTIONAL, optional=True)
    rules = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
             "retired-claim", "rep-misstatement", "unsupported-claim"]
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": rules, "expected": a_exp,
                  "negatives": negatives(AUDIT_NEGATIVES, labelled_lines(a_exp))},
        "check": {"rules": rules, "expected": c_exp,
                  "negatives": negatives(CHECK_NEGATIVES, labelled_lines(c_exp))},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    for sec in ("audit", "check"):
        exp = labels[sec]["expected"]
        req = [e for e in exp if not e.get("optional")]
        print(sec, "expected", len(req), "optional", len(exp) - len(req),
              "negatives", len(labels[sec]["negatives"]))
        counts = {}
        for e in exp:
            k = (e["rule"], bool(e.get("optional")))
            counts[k] = counts.get(k, 0) + 1
        for k in sorted(counts):
            print("   ", k[0], "optional" if k[1] else "expected", counts[k])


if __name__ == "__main__":
    main()
