#!/usr/bin/env python3
"""Build labels.json for the Thornwick corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; the line of the anchor's first character is the
label's line. The script refuses missing or ambiguous anchors and negatives on labelled lines.
Run from this folder: python3 build_labels.py
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-vintage-2026.md",
    "drafts/email-followup-y-garth.txt",
    "drafts/landing-page-bottling.md",
]

def real_path(path):
    return os.path.join(HERE, path) if path.startswith("drafts/") else os.path.join(HERE, KB, path)

_cache = {}
def line_of(path, anchor):
    if path not in _cache:
        with open(real_path(path), encoding="utf-8") as f:
            _cache[path] = f.read()
    text = _cache[path]
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1

# (rule, path, anchor, extra)  extra keys: related, related_anchor, alt (list of anchors),
# turn (list of anchors), speaker, severity, note, optional
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/harvest-planning.md", "within 4% of the weighed crush",
     dict(related="proof-points/yield-forecast.md", note="says forecasts land within 4% of the weighed crush; yield-forecast-error is 6% (median)")),
    ("metric-conflict", "messaging/cellar-operations.md", "within 2% of the crush",
     dict(related="case-studies/koonunga-ridge.md", note="says Koonunga forecast to within 2%; koonunga-forecast-error is 3%")),
    ("metric-conflict", "messaging/value-prop-owner.md", "CLP 84 million",
     dict(related="case-studies/los-aromos.md", note="says Los Aromos saves CLP 84 million a year; los-aromos-annual-savings is CLP 48,000,000 (digits swapped)")),
    ("metric-conflict", "answers/migration.md", "live seven weeks after kickoff",
     dict(related="proof-points/go-live.md", note="answer says median go-live seven weeks; median-go-live-weeks is 5")),
    ("metric-conflict", "website/faq.md", "runs drops from 70 minutes to 35",
     dict(related="proof-points/bottling-changeover.md", note="FAQ says changeover falls to 35 minutes; bottling-changeover-minutes is 42 (35 is Cwm Tawel's own result; 70 before is right)")),
    ("metric-conflict", "blog/forecasting-by-eye.md", "pick decision in under 24 hours",
     dict(related="proof-points/pick-decision.md", note="blog says pick decision in under 24 hours; pick-decision-hours is 36 (median)")),
    ("metric-conflict", "press/2026-09-harvest-hub-launch.md", "more than 900 wineries",
     dict(related="messaging/elevator-pitch.md", note="press release says more than 900 wineries; customer-count is more than 640 (Oct 2026)")),
    ("metric-conflict", "enablement/battlecard-vinesight.md", "goes up by a quarter",
     dict(related="proof-points/tank-utilisation.md", note="battlecard says tank utilisation up by a quarter; tank-utilisation-gain is 18%")),
    # source-conflict
    ("source-conflict", "messaging/why-thornwick.md", "    value: 6",
     dict(related="proof-points/yield-forecast.md",
          alt=["  - title: AWRI Vineyard Forecasting Review 2026", "    source: AWRI Vineyard Forecasting Review 2026", "within six per cent of the weighed crush"],
          note="forecast-accuracy 6% (median forecast gap) is attributed to an AWRI review; the same figure, yield-forecast-error, comes from the Thornwick Vintage Benchmark 2026")),
    ("source-conflict", "press/2026-09-harvest-hub-launch.md", "falls from 70 minutes to 42",
     dict(related="proof-points/bottling-changeover.md", alt=["Institute."],
          note="changeover 70 to 42 minutes attributed to an 'independent study by the Ontario Wine Research Institute'; bottling-changeover-minutes comes from the Thornwick Vintage Benchmark 2026")),
    # stale-claim
    ("stale-claim", "proof-points/tank-utilisation.md", "reviewed: 2026-03-10",
     dict(alt=["18% more of their tank capacity", "    value: 18"], severity="warning",
          note="reviewed 2026-03-10 with review_every 180d (canon.toml): review overdue since 2026-09-06")),
    ("stale-claim", "proof-points/barrel-labour.md", "    date: 2023-07-14",
     dict(alt=["    value: 30", "30% fewer hours"], severity="warning",
          note="only source dated 2023-07-14, older than max_source_age 24m (cut-off 2024-12-01); barrel-topping-labour-reduction 30% rests on it")),
    ("stale-claim", "case-studies/cwm-tawel.md", "expires: 2026-10-31",
     dict(alt=["from 80 minutes to 35", "£18,500 a year"], severity="error",
          note="case study expired 2026-10-31 (naming consent); severity error")),
    ("stale-claim", "blog/forecasting-by-eye.md", "were off by 20 to 30 per cent",
     dict(alt=["A 2021 study from UC Davis"], severity="warning",
          note="article figure cites a 2021 UC Davis study (end of 2021), older than max_source_age 24m")),
    # unsourced-claim
    ("unsourced-claim", "website/pricing.md", "save 11 hours a week",
     dict(note="pricing page (no sources) claims 11 hours a week saved; no metric registers it")),
    ("unsourced-claim", "website/trust.md", "measured uptime was 99.97%",
     dict(note="measured uptime figure with no source and no metric (the 99.9% SLA on the line above is a contract term)")),
    ("unsourced-claim", "website/partners.md", "cut double entry by 70%",
     dict(note="integration benefit figure with no source and no metric")),
    ("unsourced-claim", "website/harvest-hub.md", '<Stat value="20%"',
     dict(note="MDX stat component: 20% less time walking blocks, no source and no metric")),
    ("unsourced-claim", "objections/no-signal.md", "A third of our customers' blocks",
     dict(note="objection entry has no sources; no metric registers the share of blocks without signal")),
    ("unsourced-claim", "press/2026-09-harvest-hub-launch.md", "revenue has grown 40% year on year",
     dict(note="revenue growth figure in the press release with no source and no metric")),
    # retired-claim
    ("retired-claim", "messaging/value-prop-owner.md", "12% more tonnes per hectare",
     dict(related="proof-points/yield-uplift-2023.md", note="repeats the retired yield-uplift-per-hectare claim (12%)")),
    ("retired-claim", "enablement/battlecard-vinesight.md", "12 per cent more tonnes per hectare",
     dict(related="proof-points/yield-uplift-2023.md", note="internal battlecard repeats the retired 12% yield uplift")),
    ("retired-claim", "calls/2026-10-15-okanagan-bench.srt", "twelve percent more tonnes per hectare",
     dict(related="proof-points/yield-uplift-2023.md", speaker="Marc-André Leblanc", note="rep repeats the retired 12% yield uplift on a call")),
    # rep-misstatement
    ("rep-misstatement", "calls/2026-10-06-red-gum-flat.vtt", "our median go-live is about three weeks",
     dict(related="proof-points/go-live.md", speaker="Bronwyn Tait", note="says median go-live about three weeks; median-go-live-weeks is 5 (3 weeks is Bench & Bluff's best case)")),
    ("rep-misstatement", "calls/2026-10-22-vina-quebrada-honda.json", "the changeover goes down to thirty minutes",
     dict(related="proof-points/bottling-changeover.md", speaker="Camila Fuentes",
          turn=["Okay, this is very common.", "With Thornwick the run sheet", "the changeover goes down to thirty minutes", "So from ninety to thirty for you"],
          note="says customers' changeover goes down to thirty minutes; bottling-changeover-minutes is 42 (median)")),
    ("rep-misstatement", "calls/2026-11-03-gwinllan-y-garth.txt", "within about four per cent",
     dict(related="proof-points/yield-forecast.md", speaker="Rhys Morgan", note="raw ASR text: forecasts within about four per cent; yield-forecast-error is 6% (median)")),
    # unsupported-claim (calls)
    ("unsupported-claim", "calls/2026-10-06-red-gum-flat.vtt", "support picks up within fifteen minutes",
     dict(speaker="Bronwyn Tait", note="no approved entry states a support response time")),
    ("unsupported-claim", "calls/2026-10-15-okanagan-bench.srt", "150 wineries in BC alone",
     dict(speaker="Marc-André Leblanc", note="no approved entry gives a count of customers in British Columbia")),
    ("unsupported-claim", "calls/2026-11-03-gwinllan-y-garth.txt", "cut dry goods waste by about a quarter",
     dict(speaker="Rhys Morgan", note="no approved entry states a dry-goods waste reduction")),
    # optional
    ("unsourced-claim", "website/changelog.md", "up to 3x faster",
     dict(optional=True, note="changelog performance note; arguable whether a release note is a marketing claim")),
    ("unsourced-claim", "website/careers.md", "94% of our people",
     dict(optional=True, note="employee-survey figure on the careers page, no source; arguable")),
    ("unsourced-claim", "enablement/battlecard-vinesight.md", "about USD 4 per acre",
     dict(optional=True, note="competitor's price in an internal battlecard, no source; arguable")),
    ("retired-claim", "proof-points/payback.md", "old 12% claim could not be defended",
     dict(optional=True, related="proof-points/yield-uplift-2023.md", note="the superseding entry mentions the retired figure only to say it is withdrawn")),
    ("rep-misstatement", "calls/2026-11-03-gwinllan-y-garth.txt", "tank turns go up by about a fifth",
     dict(optional=True, related="proof-points/tank-utilisation.md", speaker="Rhys Morgan", note="'about a fifth' for the 18% tank-utilisation gain; rounding is loose and 'tank turns' is not quite utilisation")),
]

AUDIT_NEG = [
    ("proof-points/yield-forecast.md", "212 wineries and just over 4,100 blocks", None, "sample size of the benchmark"),
    ("proof-points/yield-forecast.md", "within 5%\": that is", ["metric-conflict"], "guidance not to round down to 5%; not a claim"),
    ("proof-points/yield-forecast.md", "off by a fifth", None, "hypothetical, not a claim"),
    ("proof-points/pick-decision.md", "That is a day and a half", None, "a day and a half = 36 hours, most of a working week ~ 5 days"),
    ("proof-points/pick-decision.md", "sample every 3 to 4 days", None, "viticulture norm, explicitly not ours"),
    ("proof-points/tank-utilisation.md", "A 50,000-litre tank", ["metric-conflict", "unsourced-claim"], "tank size and an illustration"),
    ("proof-points/barrel-labour.md", "about 3,000 barrels", ["metric-conflict", "unsourced-claim"], "study sample size, not Los Aromos's 3,200 barrels"),
    ("proof-points/bottling-changeover.md", "close to two hours of extra bottling time", None, "arithmetic from 28 minutes saved x four runs a day"),
    ("proof-points/go-live.md", "at least a month before the first pick", None, "planning rule, not a result"),
    ("proof-points/yield-uplift-2023.md", "harvested 12% more tonnes per", None, "the retired entry quoting its own retired claim"),
    ("case-studies/los-aromos.md", "180 hectares", None, "customer's own size"),
    ("case-studies/los-aromos.md", "around US$52,000", ["metric-conflict", "source-conflict"], "currency conversion of the CLP 48 million"),
    ("case-studies/los-aromos.md", "more than\n1,000 barrels", None, "targeting rule, a count"),
    ("case-studies/koonunga-ridge.md", "about 1,450 tonnes", None, "customer's own volume"),
    ("case-studies/koonunga-ridge.md", "median is within 6%", None, "matches yield-forecast-error; contrasts with Koonunga's own 3%"),
    ("case-studies/bench-and-bluff.md", "reviewed: 2026-03-30", ["stale-claim"], "entry-level review_every 1y overrides the 180d default: not overdue"),
    ("case-studies/bench-and-bluff.md", "−8 °C", None, "VQA icewine rule, a norm"),
    ("case-studies/bench-and-bluff.md", "went live in 3 weeks, our fastest", ["metric-conflict"], "bench-bluff-go-live's own figure, not the 5-week median"),
    ("case-studies/bench-and-bluff.md", "Quote the 5-week median", None, "matches median-go-live-weeks"),
    ("messaging/elevator-pitch.md", "More than 640 wineries", None, "matches customer-count"),
    ("messaging/elevator-pitch.md", "day and a half instead of most of a week", None, "matches pick-decision-hours and pick-decision-before-days"),
    ("messaging/harvest-planning.md", "confirmed pick date in 36 hours", None, "matches pick-decision-hours"),
    ("messaging/harvest-planning.md", "we crush 2,000 tonnes", None, "example of a prospect's own numbers"),
    ("messaging/cellar-operations.md", "18% more of their tank capacity", ["metric-conflict", "unsupported-claim"], "matches tank-utilisation-gain"),
    ("messaging/cellar-operations.md", "from 70 minutes to 42", None, "matches bottling-changeover"),
    ("messaging/cellar-operations.md", "tracks 3,200 barrels", None, "matches los-aromos-barrels"),
    ("messaging/cellar-operations.md", "12 to 24 months in barrel", None, "winemaking norm, explicitly not ours"),
    ("messaging/value-prop-owner.md", "7 to\n  10 months", None, "matches payback-months"),
    ("messaging/value-prop-owner.md", "AUD 210,000 in one vintage", None, "matches koonunga-annual-savings"),
    ("answers/small-wineries.md", "starts at £95 a month", None, "list price, not a performance claim"),
    ("answers/small-wineries.md", "drops from 70 minutes to 42", None, "matches bottling-changeover"),
    ("answers/small-wineries.md", "payback is 7 to 10 months", None, "matches payback-months"),
    ("answers/small-wineries.md", "30 days' notice", None, "contract term"),
    ("answers/offline.md", "up to 30 days of sampling", None, "product spec, sourced to the technical notes"),
    ("answers/offline.md", "2,000 records sync in under a minute", ["unsourced-claim"], "spec from the technical notes (the entry has a source)"),
    ("answers/migration.md", "up to ten years", None, "product spec"),
    ("answers/migration.md", "went live in 3 weeks", None, "Bench & Bluff's own figure (bench-bluff-go-live)"),
    ("website/pricing.md", "£95 / AU$179 / CA$159 a month", None, "list prices"),
    ("website/pricing.md", "From AU$649 a month", None, "list price"),
    ("website/pricing.md", "30 days on the Vineyard plan", None, "trial length"),
    ("website/pricing.md", "two months free", None, "billing term"),
    ("website/faq.md", "More than 640 wineries", None, "matches customer-count"),
    ("website/faq.md", "about five weeks", None, "matches median-go-live-weeks"),
    ("press/2026-09-harvest-hub-launch.md", "Founded in 2014", None, "a date"),
    ("website/changelog.md", "up to 500 tanks per site", None, "product limit"),
    ("website/changelog.md", "up to 12 wines", None, "product limit"),
    ("website/changelog.md", "about 400 KB", None, "technical spec"),
    ("blog/forecasting-by-eye.md", "62% of Australian growers", ["stale-claim", "unsourced-claim"], "cites Wine Intelligence 2025, inside max_source_age"),
    ("blog/forecasting-by-eye.md", "eleven vintages", None, "author bio"),
    ("website/careers.md", "We're 85 people", None, "headcount"),
    ("website/careers.md", "About a third of us have worked a vintage", None, "a fact about the team, not a product claim"),
    ("website/careers.md", "Two paid vintage weeks", None, "employee benefit"),
    ("website/trust.md", "certified since March 2025", None, "a standard's number and a date"),
    ("website/pricing.md", "more than 500 hectares", None, "plan threshold"),
    ("objections/too-small.md", "subscription for seven hectares", None, "a prospect's phrasing in examples"),
    ("objections/spreadsheet-migration.md", "fifteen years of block history", None, "a prospect's phrasing in examples"),
    ("calls/2026-10-06-red-gum-flat.vtt", "it was 2,100 last year", None, "prospect's own volume"),
    ("calls/2026-10-06-red-gum-flat.vtt", "within three with a pencil", None, "prospect's joke about Koonunga's 3%"),
    ("website/careers.md", "12-month fixed term", None, "contract term"),
    ("website/trust.md", "99.9% monthly uptime", None, "contractual SLA, not a measured result"),
    ("website/trust.md", "every 24 hours, kept for 35 days", None, "backup policy"),
    ("website/partners.md", "more than 30 partners", None, "a count of partners"),
    ("website/harvest-hub.md", '<Stat value="36 hours"', None, "matches pick-decision-hours"),
    ("website/harvest-hub.md", '<Stat value="640+"', None, "matches customer-count"),
    ("calls/2026-10-06-red-gum-flat.vtt", "We crush about 2,400 tonnes", None, "prospect's own volume"),
    ("calls/2026-10-06-red-gum-flat.vtt", "out by thirty per cent", None, "prospect's own forecast error"),
    ("calls/2026-10-06-red-gum-flat.vtt", "within about six per cent", None, "matches yield-forecast-error"),
    ("calls/2026-10-06-red-gum-flat.vtt", "went live in three weeks flat", None, "Bench & Bluff's own figure"),
    ("calls/2026-10-06-red-gum-flat.vtt", "we'd want a twelve-month term", None, "contract term"),
    ("calls/2026-10-06-red-gum-flat.vtt", "Twelve months is fine", None, "contract term"),
    ("calls/2026-10-06-red-gum-flat.vtt", "book thirty minutes next Tuesday", None, "logistics"),
    ("calls/2026-10-15-okanagan-bench.srt", "Minus eight for at least a few hours", None, "icewine norm"),
    ("calls/2026-10-15-okanagan-bench.srt", "We've got 32 tanks and about 900 barrels", None, "prospect's own counts"),
    ("calls/2026-10-15-okanagan-bench.srt", "about eighteen percent more", ["metric-conflict", "rep-misstatement", "unsupported-claim"], "matches tank-utilisation-gain (whose entry is overdue for review; staleness of a call figure is not labelled)"),
    ("calls/2026-10-15-okanagan-bench.srt", "Eighteen percent would basically be three more tanks", None, "prospect restating the figure for their own cellar"),
    ("calls/2026-10-15-okanagan-bench.srt", "We're 22 hectares", None, "prospect's own size"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "around 600,000 bottles", None, "prospect's own volume"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "sometimes one hour and a half", None, "prospect's own changeover time"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "48 millones de pesos", None, "matches los-aromos-annual-savings"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "between seven and ten months", None, "matches payback-months"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "they have 3,200 barrels", None, "matches los-aromos-barrels"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "Around 1,100 barrels", None, "prospect's own count"),
    ("calls/2026-10-22-vina-quebrada-honda.json", "the median is five weeks", None, "matches median-go-live-weeks"),
    ("calls/2026-11-03-gwinllan-y-garth.txt", "about eleven tonnes off the four hectares", None, "prospect's own crop"),
    ("calls/2026-11-03-gwinllan-y-garth.txt", "forty two minutes between runs down from seventy", None, "matches bottling-changeover (numbers in words)"),
    ("calls/2026-11-03-gwinllan-y-garth.txt", "payback is usually seven to ten months", None, "matches payback-months and the list price"),
    ("calls/2026-11-03-gwinllan-y-garth.txt", "six tanks and about forty barrels", None, "prospect's own counts"),
]

CHECK = [
    ("metric-conflict", "drafts/blog-vintage-2026.md", "within 5% of the weighed crush",
     dict(related="proof-points/yield-forecast.md", note="within 5%; yield-forecast-error is 6% (median)")),
    ("unsupported-claim", "drafts/blog-vintage-2026.md", "Nine out of ten Barossa wineries",
     dict(note="industry statistic that no approved entry backs")),
    ("stale-claim", "drafts/blog-vintage-2026.md", "checking time by 30%",
     dict(related="proof-points/barrel-labour.md", note="30% barrel-labour reduction rests on a 2023 source older than max_source_age")),
    ("retired-claim", "drafts/blog-vintage-2026.md", "our growers see 12% more",
     dict(related="proof-points/yield-uplift-2023.md", note="retired 12% yield uplift")),
    ("metric-conflict", "drafts/email-followup-y-garth.txt", "within four per cent",
     dict(related="proof-points/yield-forecast.md", note="within four per cent; yield-forecast-error is 6%")),
    ("unsupported-claim", "drafts/email-followup-y-garth.txt", "dry-goods waste by about a quarter",
     dict(note="no approved entry states a dry-goods waste reduction")),
    ("stale-claim", "drafts/email-followup-y-garth.txt", "saves £18,500 a year",
     dict(related="case-studies/cwm-tawel.md", note="only the expired Cwm Tawel case study backs the £18,500")),
    ("metric-conflict", "drafts/landing-page-bottling.md", "from 70 minutes to 30",
     dict(related="proof-points/bottling-changeover.md", note="changeover to 30 minutes; bottling-changeover-minutes is 42")),
    ("unsupported-claim", "drafts/landing-page-bottling.md", "15% in their first year",
     dict(note="no approved entry states a bottling-line waste reduction")),
    ("stale-claim", "drafts/landing-page-bottling.md", "Wineries use 18% more",
     dict(related="proof-points/tank-utilisation.md", note="only tank-utilisation backs the 18%, and its review is overdue")),
    ("metric-conflict", "drafts/email-followup-y-garth.txt", "take nearly half",
     dict(optional=True, related="proof-points/bottling-changeover.md", note="'nearly half the time' for 70 to 42 minutes (a 40% cut): loose rounding, arguable")),
    ("source-conflict", "drafts/landing-page-bottling.md", "Forecasts land within 6%",
     dict(optional=True, related=["proof-points/yield-forecast.md", "messaging/why-thornwick.md"], note="6% attributed to AWRI; messaging/why-thornwick registers it under AWRI, proof-points/yield-forecast under the Thornwick benchmark")),
]

CHECK_NEG = [
    ("drafts/blog-vintage-2026.md", "This year more than 640 wineries", None, "matches customer-count"),
    ("drafts/blog-vintage-2026.md", "landing within 3% and saving AUD 210,000", None, "matches koonunga-forecast-error and koonunga-annual-savings"),
    ("drafts/blog-vintage-2026.md", "median of 36 hours", None, "matches pick-decision-hours"),
    ("drafts/blog-vintage-2026.md", "13.5% alcohol and 15%", None, "illustration of ripeness, not a claim"),
    ("drafts/blog-vintage-2026.md", "with 3,200 barrels", None, "matches los-aromos-barrels"),
    ("drafts/email-followup-y-garth.txt", "eleven tonnes off four hectares", None, "prospect's own crop"),
    ("drafts/email-followup-y-garth.txt", "£95 a month for up to 10 hectares", None, "list price"),
    ("drafts/email-followup-y-garth.txt", "payback in 7 to 10 months", None, "30 days' notice is a contract term; 7 to 10 months matches payback-months"),
    ("drafts/email-followup-y-garth.txt", "Shall we book thirty", None, "logistics"),
    ("drafts/landing-page-bottling.md", "up to 12 wines", None, "product limit"),
    ("drafts/landing-page-bottling.md", "about CAD 95,000 a year", None, "matches bench-bluff-labour-savings"),
    ("drafts/landing-page-bottling.md", "tracks 3,200 barrels", None, "matches los-aromos-barrels"),
]

def build(items, negs):
    expected, negatives, labelled = [], [], set()
    for rule, path, anchor, extra in items:
        e = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        if "related" in extra:
            e["related"] = extra["related"]
        if extra.get("alt"):
            e["alt_lines"] = sorted(line_of(path, a) for a in extra["alt"])
        if extra.get("turn"):
            e["turn_lines"] = sorted(line_of(path, a) for a in extra["turn"])
        for k in ("speaker", "severity"):
            if k in extra:
                e[k] = extra[k]
        if extra.get("optional"):
            e["optional"] = True
        e["note"] = extra["note"]
        expected.append(e)
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            labelled.add((path, ln))
    for path, anchor, rules, note in negs:
        ln = line_of(path, anchor)
        if (path, ln) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{ln} ({anchor!r})")
        n = {"path": path, "line": ln}
        if rules:
            n["rules"] = rules
        n["note"] = note
        negatives.append(n)
    return expected, negatives

a_exp, a_neg = build(AUDIT, AUDIT_NEG)
c_exp, c_neg = build(CHECK, CHECK_NEG)
RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "retired-claim",
         "rep-misstatement", "unsupported-claim"]
labels = {
    "kb": KB,
    "today": TODAY,
    "drafts": DRAFTS,
    "audit": {"rules": RULES, "expected": a_exp, "negatives": a_neg},
    "check": {"rules": ["metric-conflict", "source-conflict", "stale-claim", "retired-claim", "unsupported-claim"],
              "expected": c_exp, "negatives": c_neg},
}
with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
    json.dump(labels, f, indent=2, ensure_ascii=False)
    f.write("\n")

for name, exp, neg in (("audit", a_exp, a_neg), ("check", c_exp, c_neg)):
    req = Counter(e["rule"] for e in exp if not e.get("optional"))
    opt = Counter(e["rule"] for e in exp if e.get("optional"))
    print(name, "expected", sum(req.values()), dict(req), "optional", sum(opt.values()), dict(opt), "negatives", len(neg))
