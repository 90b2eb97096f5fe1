"""Build labels.json from anchor strings, so that line numbers follow the text.

Each label names a file and an anchor that occurs exactly once in it; the line of the anchor is
the label's line. Run: python3 build_labels.py (from this folder or anywhere).
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
KB = ROOT / "kb"


def find(path, anchor, base=KB):
    text = (base / path).read_text(encoding="utf-8")
    n = text.count(anchor)
    if n != 1:
        raise SystemExit(f"{path}: anchor {anchor!r} found {n} times")
    return text[: text.index(anchor)].count("\n") + 1


def turn_span(path, line):
    lines = (KB / path).read_text(encoding="utf-8").splitlines()
    i = line - 1
    while '"sentences"' not in lines[i]:
        i -= 1
    j = line - 1
    while lines[j].strip() not in ("]},", "]}"):
        j += 1
    return [i + 2, j]


def exp(rule, path, anchor, note, related=None, alt=(), speaker=None, severity=None,
        optional=False, base=KB):
    e = {"rule": rule, "path": path, "line": find(path, anchor, base)}
    if related:
        e["related"] = related
    if alt:
        e["alt_lines"] = [find(path, a, base) for a in alt]
    if speaker:
        e["speaker"] = speaker
    if severity:
        e["severity"] = severity
    if optional:
        e["optional"] = True
    if path.endswith(".json") and "redgum" in path:
        e["turn_lines"] = turn_span(path, e["line"])
    e["note"] = note
    return e


def neg(path, anchor, note, speaker=None, rules=None, base=KB):
    e = {"path": path, "line": find(path, anchor, base)}
    if speaker:
        e["speaker"] = speaker
    if rules:
        e["rules"] = rules
    if path.endswith(".json") and "redgum" in path:
        e["turn_lines"] = turn_span(path, e["line"])
    e["note"] = note
    return e


PP = "proof-points/"
CS = "case-studies/"
VTT = "calls/2026-09-15-table-mountain-rentals.vtt"
RED = "calls/2026-09-29-redgum-property.json"
BAY = "calls/2026-10-08-bayou-commons.txt"
TAI = "calls/2026-10-21-tai-glas-lettings.json"

audit_expected = [
    # metric-conflict
    exp("metric-conflict", "messaging/elevator-pitch.md", "More than three in four residents",
        "more than three in four (over 75%) rate repairs good or very good; repair-satisfaction is 68%",
        related=PP + "resident-satisfaction.md"),
    exp("metric-conflict", CS + "liberty-row.md", 'description: "How Liberty Row',
        "the headline in description: says make-ready cut from 19 days to 5; liberty-row-turn-days "
        "(and the body) say 6 days", related=CS + "liberty-row.md"),
    exp("metric-conflict", "website/resident-app.md", 'value="81%"',
        "MDX StatCard: 81% of residents use the app in their first month; resident-app-adoption is "
        "72% within 30 days", related="answers/resident-adoption.md"),
    exp("metric-conflict", "website/faq.md", "Most customers are live in four weeks",
        "FAQ says most customers live in four weeks; median-go-live-weeks is 7 weeks",
        related="answers/data-migration.md"),
    exp("metric-conflict", "news/series-b.md", "by an average of 45%",
        "press release says arrears reduced by an average of 45%; arrears-reduction is 38% (average)",
        related=PP + "arrears.md"),
    exp("metric-conflict", "events/arrears-webinar-recap.md", "median void is now seven days",
        "webinar recap says the median void across customers is seven days; void-days is 11",
        related=PP + "void-turnaround.md"),
    # source-conflict
    exp("source-conflict", "answers/pricing.md", "Hearthstead reduce arrears by 38%",
        "38% arrears reduction attributed to an 'independent study by the Property Data Institute'; "
        "arrears-reduction is sourced from the Hearthstead Arrears Study 2026 (also this entry's own "
        "listed source)", related=PP + "arrears.md",
        alt=["Property Data Institute"]),
    # stale-claim
    exp("stale-claim", PP + "epc-matching.md", "date: 2024-03-15",
        "only source dated 2024-03-15, older than max_source_age 24m (cut-off 2024-11-01); epc-auto-match "
        "97% rests on it", alt=["value: 97", "matches 97% of homes"], severity="warning"),
    exp("stale-claim", PP + "admin-time.md", "reviewed: 2025-10-01",
        "reviewed 2025-10-01 with review_every 180d (canon.toml): review overdue since 2026-03-30",
        alt=["value: 14", "14 fewer hours"], severity="warning"),
    exp("stale-claim", "messaging/winter-onboarding-offer.md", "expires: 2026-09-30",
        "entry expired 2026-09-30 (severity error); its claim is the A$4,500 / R52 000 fee waiver",
        alt=["value: 4500", "A$4,500 in Australia"], severity="error"),
    exp("stale-claim", "blog/repairs-and-renewals.md", "41% of those planning to move",
        "survey statistic from the Tenancy Insights Panel's 2021 survey, older than 24m, presented as current",
        alt=["Tenancy Insights Panel's 2021 survey", "Private Renter Survey 2021"]),
    exp("stale-claim", "blog/repairs-and-renewals.md", "costs an operator between four and six weeks",
        "turnover cost attributed to the Residential Cost Review (2022), older than 24m",
        alt=["according to the Residential Cost Review (2022)", "*The Cost of Churn*, 2022"]),
    # unsourced-claim
    exp("unsourced-claim", "messaging/compliance.md", "pass 93% of local-authority",
        "message has no sources and no metric registers an HMO inspection pass rate"),
    exp("unsourced-claim", CS + "cwm-homes.md", "complaints fell by 52%",
        "case study has no sources; no metric registers the damp-and-mould complaint reduction"),
    # retired-claim
    exp("retired-claim", "messaging/value-for-owners.md", "ninety-nine in every hundred rent",
        "repeats the retired on-time-rent-collection claim (99% of rent on or before the due date) in words",
        related=PP + "on-time-collection.md"),
    # rep-misstatement
    exp("rep-misstatement", VTT, "bring voids down to about seven days",
        "says voids come down to about seven days; approved void-days median is 11",
        related=PP + "void-turnaround.md", speaker="Thandi Mokoena"),
    exp("rep-misstatement", RED, "Nine out of ten residents are on it",
        "says nine in ten residents on the app in the first month; resident-app-adoption is 72% within 30 days",
        related="answers/resident-adoption.md", speaker="Jack Doyle"),
    exp("rep-misstatement", BAY, "repairs get closed in under two days",
        "says repairs closed in under two days; repair-resolution-days median is 3.2",
        related=PP + "repair-resolution.md", speaker="Marisol Vega"),
    exp("rep-misstatement", TAI, "about eighty five percent of residents rate",
        "ASR text: about eighty five percent rate repairs good or very good; repair-satisfaction is 68%",
        related=PP + "resident-satisfaction.md", speaker="rhys.evans@hearthstead.example"),
    # unsupported-claim
    exp("unsupported-claim", VTT, "two billion rand of rent",
        "no approved entry states rent volume processed", speaker="Thandi Mokoena"),
    exp("unsupported-claim", RED, "rated 4.8 stars",
        "no approved entry states an app-store rating", speaker="Jack Doyle"),
    # optional
    exp("unsourced-claim", CS + "cwm-homes.md", "median of 2.8",
        "cwm-repair-days is a registered metric but neither it nor the entry has a source; a reviewer "
        "may or may not flag it", optional=True),
    exp("unsourced-claim", "messaging/value-for-owners.md", "260 fewer empty nights",
        "worked example derived from void-days (24 to 11) and stated inputs; tolerated either way",
        optional=True),
    exp("unsourced-claim", "website/resident-app.md", "repair in under a minute",
        "product-usage claim on a marketing page with nothing behind it; vague enough to tolerate",
        optional=True),
    exp("unsourced-claim", "website/status-history.md", "99.97%",
        "uptime on the status page is the company's own measurement; tolerated either way", optional=True),
    exp("unsourced-claim", "website/changelog.md", "under a second",
        "performance note in a changelog; tolerated either way", optional=True),
    exp("unsourced-claim", "partners/integrations.md", "more than 30 accounting",
        "count of integrations, a company fact; tolerated either way", optional=True),
    exp("unsourced-claim", "partners/integrations.md", "4,000 vetted trades",
        "a partner's network size; tolerated either way", optional=True),
    exp("unsourced-claim", "events/arrears-webinar-recap.md", "day 14 to day 2",
        "a customer's own process change reported by the customer; tolerated either way", optional=True),
    exp("unsourced-claim", "website/faq.md", "Within one business day",
        "support response commitment (a service term, not an outcome); tolerated either way", optional=True),
]

audit_negatives = [
    neg(PP + "repair-resolution.md", "is closed 3.2 days after", "the metric's own figures (3.2 and 9.5 days)"),
    neg(PP + "repair-resolution.md", "about a week and a half to just over three days",
        "rounds 9.5 and 3.2 days"),
    neg(PP + "repair-resolution.md", "212 portfolios and about 61,000", "sample size of the benchmark"),
    neg(PP + "repair-resolution.md", "within 24 hours", "tenancy-agreement term for emergencies, not a claim"),
    neg(PP + "arrears.md", "Nearly four in ten rand", "rounds 38%"),
    neg(PP + "arrears.md", "94% of rent is collected", "matches rent-collected-within-7-days"),
    neg(PP + "arrears.md", "three days before the due date", "product step timing"),
    neg(PP + "arrears.md", "Use the 38% with owners", "matches arrears-reduction"),
    neg(PP + "on-time-collection.md", "The claim was that 99%",
        "the retired entry quoting its own retired figure is not a retired-claim"),
    neg(PP + "void-turnaround.md", "is 11 days; the same operators", "matches void-days and void-days-before"),
    neg(PP + "void-turnaround.md", "more than halving", "24 to 11 days is more than halving"),
    neg(PP + "void-turnaround.md", "A two-week notice period", "notice period, a time span"),
    neg(PP + "void-turnaround.md", "three to five weeks", "industry norm prospects report, explicitly not our figure"),
    neg(PP + "resident-satisfaction.md", "68% of residents on", "the metric's own figure"),
    neg(PP + "resident-satisfaction.md", "9,480 responses", "sample size and countries"),
    neg(PP + "gas-safety.md", "99.4% of annual gas", "the metric's own figure"),
    neg(PP + "gas-safety.md", "60 days before expiry, chases", "configuration values (60, 30, 14 days)"),
    neg(PP + "admin-time.md", "between 150 and 400 homes", "study sample description"),
    neg(CS + "karoo-living.md", "3 400 build-to-rent", "customer's portfolio size (space as thousands separator)"),
    neg(CS + "karoo-living.md", "R4,2 million in arrears", "R4,2 million (decimal comma) matches karoo-arrears-recovered"),
    neg(CS + "karoo-living.md", "98,5% occupancy", "loan covenant target, not a claim"),
    neg(CS + "karoo-living.md", "reviewed: 2026-05-20", "entry-level review_every 1y: not overdue"),
    neg(CS + "banksia-residential.md", "1,850 build-to-rent", "customer's portfolio size"),
    neg(CS + "banksia-residential.md", "saves A$310,000", "matches banksia-admin-saving"),
    neg(CS + "banksia-residential.md", "41 per cent in the first year",
        "banksia-arrears-reduction, customer-specific, beside the 38% average; different measures"),
    neg(CS + "banksia-residential.md", "date: 2024-12-10", "source 23 months old, inside max_source_age 24m"),
    neg(CS + "banksia-residential.md", "over a fortnight", "time span of the rollout"),
    neg(CS + "liberty-row.md", "median 19-day make-ready", "matches liberty-row-turn-days-before"),
    neg(CS + "liberty-row.md", "median make-ready is 6 days", "matches liberty-row-turn-days"),
    neg(CS + "liberty-row.md", "$62 in rent", "the customer's own daily rent figure, quoted by the customer"),
    neg(CS + "liberty-row.md", "thirteen days out of every turn", "19 minus 6: consistent"),
    neg(CS + "liberty-row.md", "further 36 months", "contract term"),
    neg(CS + "cwm-homes.md", "2,300 homes", "customer's portfolio size"),
    neg("messaging/elevator-pitch.md", "More than 85,000 homes", "matches homes-managed"),
    neg("messaging/elevator-pitch.md", "just over three days", "rounds repair-resolution-days 3.2"),
    neg("messaging/elevator-pitch.md", "Median voids of 11 days", "matches void-days and void-days-before"),
    neg("messaging/elevator-pitch.md", "swap line 2", "a list reference, not a figure"),
    neg("messaging/winter-onboarding-offer.md", "Portfolios under 100 homes", "eligibility threshold"),
    neg("messaging/value-for-owners.md", "cut arrears by 38%", "matches arrears-reduction"),
    neg("messaging/value-for-owners.md", "The median void falls from 24 days to 11", "matches void-days and void-days-before"),
    neg("messaging/value-for-owners.md", "R4,2 million to an Australian", "matches karoo-arrears-recovered and banksia-admin-saving"),
    neg("messaging/compliance.md", "60 days out and escalates at 7", "configuration values"),
    neg("objections/pricing.md", "R19 a unit", "prospect's own price in an example phrasing"),
    neg("objections/pricing.md", "A$3 a door", "prospect's own price and portfolio in an example phrasing"),
    neg("objections/data-migration.md", "ten years of tenancy", "prospect's situation"),
    neg("objections/data-migration.md", "eight months", "prospect's past experience"),
    neg("objections/resident-adoption.md", "over sixty", "prospect's situation"),
    neg("answers/pricing.md", "saves A$310,000 a year", "matches banksia-admin-saving"),
    neg("answers/pricing.md", "more than 10%", "internal discount rule, not a claim"),
    neg("answers/data-migration.md", "live on Hearthstead 7 weeks", "matches median-go-live-weeks"),
    neg("answers/data-migration.md", "**Weeks 2 to 4: map", "step label"),
    neg("answers/data-migration.md", "twenty homes each", "process description"),
    neg("answers/resident-adoption.md", "72% of residents activate", "matches resident-app-adoption"),
    neg("answers/resident-adoption.md", "ten-minute stand", "a time span"),
    neg("answers/contract-terms.md", "A 90-day exit", "draft entry: not checked; contract terms"),
    neg("answers/contract-terms.md", "12-month first term", "draft entry: contract terms"),
    neg("website/pricing.md", "more than 85,000 homes", "matches homes-managed"),
    neg("website/pricing.md", "| Operator (adds rent", "price table row"),
    neg("website/pricing.md", "8% off", "a price term"),
    neg("website/pricing.md", "A$3,000 and A$7,000", "onboarding price range"),
    neg("website/pricing.md", "30-day sandbox", "trial length"),
    neg("website/resident-app.md", 'value="3.2 days"', "matches repair-resolution-days"),
    neg("website/resident-app.md", 'value="5"', "count of languages, a product spec"),
    neg("website/faq.md", "thirds of residents rate", "about two thirds rounds 68%"),
    neg("website/faq.md", "60 days before expiry by default", "configuration default"),
    neg("news/series-b.md", "announced a US$40 million", "funding amount, a company fact"),
    neg("news/series-b.md", "of just over three days", "rounds repair-resolution-days 3.2"),
    neg("news/series-b.md", "140 people", "headcount, a company fact"),
    neg("news/series-b.md", "Founded in 2019", "founding year"),
    neg("website/careers.md", "27 days' holiday", "employment terms"),
    neg("website/careers.md", "R15 000 / A$1,300", "learning budget"),
    neg("website/careers.md", "26 weeks at full pay", "employment terms"),
    neg("website/careers.md", "30-minute call", "hiring step"),
    neg("website/careers.md", "ten working days", "hiring timeline"),
    neg("website/changelog.md", "10,000 rows", "product limit (up from 2,000)"),
    neg("website/changelog.md", "30/60/90-day", "report buckets"),
    neg("website/changelog.md", "up to 20 photos", "product limit"),
    neg("website/changelog.md", "target of 14 days", "a configurable void target, not a result; not void-days"),
    neg("website/changelog.md", "1, 3 or 5 days", "configuration options"),
    neg("blog/repairs-and-renewals.md", "2.3 times more", "cited 2025 study, within max_source_age"),
    neg("blog/repairs-and-renewals.md", "median repair is closed in 3.2 days", "matches repair-resolution-days and -before"),
    neg("blog/repairs-and-renewals.md", "planned for 2027", "a year, not a claim"),
    neg("blog/repairs-and-renewals.md", "within 48 hours", "example wording for a promise"),
    neg("blog/repairs-and-renewals.md", "*Renewal Drivers Report*, 2025", "footnote of a current source"),
    neg("events/arrears-webinar-recap.md", "312 people", "attendance count"),
    neg("events/arrears-webinar-recap.md", "41 per cent in the first year", "matches banksia-arrears-reduction"),
    neg("events/arrears-webinar-recap.md", "By a fortnight", "a time span in a quote"),
    neg("events/arrears-webinar-recap.md", "arrears fall by about 38%", "matches arrears-reduction"),
    neg("events/arrears-webinar-recap.md", "58% of attendees", "poll of the webinar's own attendees"),
    neg("events/arrears-webinar-recap.md", "19 November, 11:00", "a date and time"),
    neg("website/status-history.md", "for 47 minutes", "incident duration"),
    neg("website/status-history.md", "About 1,900 payment", "incident count"),
    neg("website/status-history.md", "to 25 minutes in South Africa", "incident duration"),
    neg("partners/integrations.md", "15% of first-year", "partner commercial term"),
    neg("partners/integrations.md", "about two weeks to review", "a time span"),
    # calls
    neg(VTT, "1 200 units over six blocks", "prospect's own portfolio", speaker="Pieter van Wyk"),
    neg(VTT, "6% of the rent roll", "prospect's own arrears", speaker="Zanele Khumalo"),
    neg(VTT, "arrears dropping by 38%", "matches arrears-reduction", speaker="Thandi Mokoena"),
    neg(VTT, "recovered R4,2 million", "matches karoo-arrears-recovered", speaker="Thandi Mokoena"),
    neg(VTT, "about three times the size", "comparing portfolio sizes (3 400 vs 1 200)", speaker="Thandi Mokoena"),
    neg(VTT, "turning a unit in about four weeks", "prospect's own void time", speaker="Pieter van Wyk"),
    neg(VTT, "three point two days", "matches repair-resolution-days and -before (9.5)", speaker="Siobhan Pretorius"),
    neg(VTT, "R19 a unit", "prospect's current price", speaker="Zanele Khumalo"),
    neg(VTT, "Operator is R39", "list price", speaker="Thandi Mokoena"),
    neg(RED, "640 apartments", "prospect's own portfolio", speaker="Sophie Kowalski"),
    neg(RED, "about a fortnight", "prospect's own repair times", speaker="Sophie Kowalski"),
    neg(RED, "three hundred and ten thousand", "matches banksia-admin-saving", speaker="Jack Doyle"),
    neg(RED, "one in ten ever logged in", "prospect's past portal", speaker="Liam O'Connor"),
    neg(RED, "Median is seven weeks", "matches median-go-live-weeks", speaker="Jack Doyle"),
    neg(RED, "A$3 a door", "prospect's current price", speaker="Liam O'Connor"),
    neg(RED, "Operator is A$4.20", "list price", speaker="Jack Doyle"),
    neg(BAY, "1,450 units in five", "prospect's own portfolio", speaker="Travis Boudreaux"),
    neg(BAY, "two or three weeks", "prospect's own work-order times", speaker="Keisha Landry"),
    neg(BAY, "from 19 days to 6", "matches liberty-row-turn-days and -before", speaker="Marisol Vega"),
    neg(BAY, "The median is seven weeks", "matches median-go-live-weeks", speaker="Marisol Vega"),
    neg(BAY, "36-month deal", "prospect's contract with another vendor", speaker="Travis Boudreaux"),
    neg(BAY, "$3.10 a unit", "list price", speaker="Marisol Vega"),
    neg(TAI, "four hundred and twenty homes", "prospect's own portfolio", speaker="Gwen Price"),
    neg(TAI, "ninety nine point four percent", "matches gas-safety-on-time in words",
        speaker="rhys.evans@hearthstead.example"),
    neg(TAI, "sixty days out", "configuration values", speaker="rhys.evans@hearthstead.example"),
    neg(TAI, "sixty odd homes", "prospect's own EPC results", speaker="Gwen Price"),
    neg(TAI, "two point eight days", "matches cwm-repair-days", speaker="rhys.evans@hearthstead.example"),
    neg(TAI, "eighty five thousand homes", "matches homes-managed (not the satisfaction figure)",
        speaker="rhys.evans@hearthstead.example"),
]

D = ROOT
B = "drafts/blog-void-season.md"
E = "drafts/email-redgum-followup.md"
L = "drafts/landing-page-compliance.md"

check_expected = [
    exp("metric-conflict", B, "completed in under two days",
        "repairs completed in under two days; repair-resolution-days median is 3.2",
        related=PP + "repair-resolution.md", base=D),
    exp("unsupported-claim", B, "about £1,800",
        "no approved entry states the cost of a void day", base=D),
    exp("stale-claim", B, "matches 97% of homes",
        "epc-auto-match 97% rests only on a source older than max_source_age", related=PP + "epc-matching.md",
        base=D),
    exp("metric-conflict", E, "45 per cent",
        "arrears down 45 per cent on average; arrears-reduction is 38%", related=PP + "arrears.md", base=D),
    exp("stale-claim", E, "around 14 hours a week",
        "admin-hours-saved's entry is overdue for review", related=PP + "admin-time.md", base=D),
    exp("stale-claim", E, "waive the A$4,500 onboarding fee",
        "the onboarding-fee waiver expired 2026-09-30", related="messaging/winter-onboarding-offer.md", base=D),
    exp("metric-conflict", L, '"4 in 5"',
        "front-matter stat: 4 in 5 (80%) rate repairs good or very good; repair-satisfaction is 68%",
        related=PP + "resident-satisfaction.md", alt=['residents rate our repairs service'], base=D),
    exp("retired-claim", L, "99% of rent arrives on time",
        "repeats the retired on-time-rent-collection claim", related=PP + "on-time-collection.md", base=D),
]

check_negatives = [
    neg(B, "median void is 11 days", "matches void-days and void-days-before", base=D),
    neg(B, "median of 9 days", "matches karoo-void-days (customer-specific)", base=D),
    neg(B, "two-week notice period", "a notice period", base=D),
    neg(B, "20-minute walkthrough", "meeting length", base=D),
    neg(E, "your 640 apartments", "prospect's own portfolio", base=D),
    neg(E, "1,850 apartments", "customer's portfolio size", base=D),
    neg(E, "A$310,000 a year", "matches banksia-admin-saving", base=D),
    neg(E, "72% of residents", "matches resident-app-adoption", base=D),
    neg(E, "seven weeks", "matches median-go-live-weeks", base=D),
    neg(E, "A$4.20 a home", "list price", base=D),
    neg(E, "Thursday 15 October", "a meeting time", base=D),
    neg(L, "with 99.4% of gas certificates", "description matches gas-safety-on-time", base=D),
    neg(L, 'value: "99.4%"', "front-matter stat matches gas-safety-on-time", base=D),
    neg(L, 'value: "60 days"', "notice period, a configuration value", base=D),
    neg(L, "60 days before expiry and escalate", "configuration values", base=D),
    neg(L, "median of 2.8 days", "matches cwm-repair-days", base=D),
    neg(L, "twenty of your homes", "demo offer", base=D),
]

labels = {
    "today": "2026-11-01",
    "kb": "kb",
    "drafts": [B, E, L],
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                  "retired-claim", "rep-misstatement", "unsupported-claim"],
        "expected": audit_expected,
        "negatives": audit_negatives,
    },
    "check": {
        "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": check_expected,
        "negatives": check_negatives,
    },
}

# sanity: no negative on an expected line of the same file
for sec in ("audit", "check"):
    taken = {}
    for e in labels[sec]["expected"]:
        for ln in [e["line"], *e.get("alt_lines", [])]:
            taken.setdefault(e["path"], set()).add(ln)
    for n in labels[sec]["negatives"]:
        if n["line"] in taken.get(n["path"], ()):
            raise SystemExit(f"negative on an expected line: {n}")
    seen = set()
    for n in labels[sec]["negatives"]:
        key = (n["path"], n["line"])
        if key in seen:
            raise SystemExit(f"duplicate negative: {n}")
        seen.add(key)

(ROOT / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
if __name__ == "__main__":
    from collections import Counter
    for sec in ("audit", "check"):
        req = Counter(e["rule"] for e in labels[sec]["expected"] if not e.get("optional"))
        opt = Counter(e["rule"] for e in labels[sec]["expected"] if e.get("optional"))
        print(sec, dict(req), "optional", dict(opt), "negatives", len(labels[sec]["negatives"]))
