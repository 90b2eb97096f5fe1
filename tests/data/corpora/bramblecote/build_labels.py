"""Build labels.json from anchor strings, so that line numbers follow the text.

Run from anywhere: python3 build_labels.py. Every anchor must occur exactly once in its file.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")


def line_of(path, anchor, base=KB):
    text = open(os.path.join(base, path), encoding="utf-8").read()
    n = text.count(anchor)
    assert n == 1, f"{path}: anchor {anchor!r} found {n} times"
    return text[: text.index(anchor)].count("\n") + 1


def dline(path, anchor):
    return line_of(path, anchor, base=HERE)


def E(rule, path, anchor, note, alt=(), draft=False, **extra):
    f = dline if draft else line_of
    item = {"rule": rule, "path": path, "line": f(path, anchor)}
    for k in ("related", "severity", "speaker"):
        if k in extra:
            item[k] = extra.pop(k)
    if "related" in item and not item["related"].endswith(".md"):
        item["related"] += ".md"
    if alt:
        alts = sorted({f(path, a) for a in alt} - {item["line"]})
        if alts:
            item["alt_lines"] = alts
    if "turn" in extra:
        item["turn_lines"] = [f(path, a) for a in extra.pop("turn")]
    item.update(extra)
    item["note"] = note
    return item


def N(path, anchor, note, draft=False):
    f = dline if draft else line_of
    return {"path": path, "line": f(path, anchor), "note": note}


AP = "proof-points/admin-time"
CK = "calls/2026-09-17-copper-kettle.json"
LI = "calls/2026-09-03-lochside-inns.vtt"
SR = "calls/2026-10-06-spice-route.txt"
NS = "calls/2026-10-21-northshore-catering.srt"
BLOG = "website/blog/2026-09-the-staff-shortage-isnt-over.md"
RECAP = "website/events/2026-10-rota-summit-recap.md"

audit_expected = [
    # metric-conflict: KB vs KB
    E("metric-conflict", "website/faq.md", "two and a half hours less",
      "FAQ says rota building takes 2.5 hours less a week; rota-hours-saved is 3.5 hours", related=AP),
    E("metric-conflict", "messaging/payroll-value.md", "nearly half within their first year",
      "'cut no-shows by nearly half' vs no-show-reduction 38% (the same file's 'close to four in ten' is right)",
      alt=["Bramblecote cut no-shows by"], related="proof-points/no-shows"),
    E("metric-conflict", "case-studies/harbour-group.md", "cut agency spend by a third",
      "headline in description: says agency spend cut by a third; harbour-agency-spend-reduction is 42% (the body agrees with 42%)",
      related="case-studies/harbour-group.md"),
    E("metric-conflict", "answers/payroll-migration.md", "fortnight, and payroll keeps",
      "live on rotas in a fortnight (14 days); go-live-days is a median of 21 days",
      alt=["live on rotas and time-and-attendance in a"], related="proof-points/go-live"),
    E("metric-conflict", "messaging/india-launch.md", "₹18 lakh",
      "₹18 lakh a year is a tenth of saffron-annual-saving (₹1.8 crore = ₹180 lakh)",
      alt=["a year on overtime and payroll errors."], related="case-studies/saffron-table"),
    E("metric-conflict", "messaging/why-bramblecote.md", "about an hour per pay run",
      "payroll prep 'about an hour' per pay run; payroll-prep-minutes is 40 minutes (hours vs minutes)",
      related=AP),
    E("metric-conflict", "website/shift-swaps.md", "More than 95% of swaps",
      "more than 95% of swaps without a manager; swap-self-service is 88%",
      related="proof-points/shift-swaps"),
    # source-conflict
    E("source-conflict", "messaging/elevator-pitch.md", "overtime by 31% in their first year",
      "overtime-reduction 31% attributed to 'an independent study by the Hospitality Workforce Institute'; the metric's source is the 2026 Bramblecote Customer Outcomes Report",
      alt=["Hospitality Workforce Institute"], related="proof-points/overtime"),
    # stale-claim
    E("stale-claim", "proof-points/payroll-corrections.md", "date: 2024-03-11",
      "only source dated 2024-03-11, older than max_source_age 24m (cut-off 2024-11-01); payroll-correction-reduction 74% rests on it",
      alt=["value: 74", "74% fewer off-cycle"], severity="warning"),
    E("stale-claim", "proof-points/turnover.md", "reviewed: 2025-11-20",
      "reviewed 2025-11-20 with review_every 180d: review overdue since 2026-05-19",
      alt=["value: 23", "falls by 23% on average"], severity="warning"),
    E("stale-claim", "messaging/spring-offer.md", "expires: 2026-06-30",
      "offer expired 2026-06-30 (severity error); its claim is the €2,500 onboarding fee waiver (its review, due 2026-08-29, is also overdue)",
      alt=["value: 2500", "(normally €2,500", "reviewed: 2026-03-02"], severity="error"),
    E("stale-claim", BLOG, "61% of operators",
      "figure from the 2023 Hospitality Ireland Workforce Survey (year in text and footnote 1), older than 24m, presented as evidence",
      alt=["[^1]: Hospitality Ireland"]),
    E("stale-claim", BLOG, "at £4,800 once recruitment",
      "replacement-cost estimate cited to a 2019 study (footnote 3 only), older than 24m",
      alt=["[^3]: Oxford Economics"]),
    E("stale-claim", BLOG, "45 per cent of",
      "figure from a 2022 NRAI study (year in text and footnote 4), older than 24m",
      alt=["[^4]: NRAI"]),
    # unsourced-claim
    E("unsourced-claim", "messaging/manager-time.md", "30% less time on admin",
      "entry has no sources and no metric registers share of admin time (the 3.5 hours on the previous line is backed by rota-hours-saved)"),
    E("unsourced-claim", "answers/staff-adoption.md", "94% of staff clock in",
      "entry has no sources and no metric registers app adoption in the first week"),
    E("unsourced-claim", "website/shift-swaps.md", 'value="2.5x"',
      "MDX stat block: open shifts filled 2.5x faster; no source, no metric"),
    E("unsourced-claim", "website/careers.md", "one in five pub shifts",
      "market-share claim on the careers page with nothing behind it"),
    E("unsourced-claim", "website/integrations.md", "reconcile tips three times faster",
      "integration outcome (3x faster tip reconciliation) with no source and no metric"),
    # retired-claim
    E("retired-claim", "answers/pricing.md", "inside six weeks of",
      "repeats the retired payback-weeks claim (6 weeks) in an approved answer; the current figure is payback-months 4",
      related="proof-points/payback-2023"),
    E("retired-claim", RECAP, "pays for itself in a month and a",
      "keynote quote: 'pays for itself in a month and a half' = the retired 6-week payback",
      alt=['half. Everything after'], related="proof-points/payback-2023"),
    E("retired-claim", CK, "pays for itself in six weeks",
      "rep quotes the retired six-week payback (a tool may call this rep-misstatement; see README)",
      related="proof-points/payback-2023", speaker="Ciarán Doyle"),
    # rep-misstatement
    E("rep-misstatement", LI, "drop by about sixty per cent",
      "rep says no-shows drop by about 60%; no-show-reduction is 38% (Glenmorven's 52% is the best case)",
      related="proof-points/no-shows", speaker="Fiona MacLeod"),
    E("rep-misstatement", CK, "within ten days of signing",
      "rep says live on rotas within ten days; go-live-days median is 21",
      related="proof-points/go-live", speaker="Ciarán Doyle", turn=["And scheduling goes first.", "within ten days of signing"]),
    E("rep-misstatement", SR, "around fifteen minutes",
      "rep says pay-run prep falls to about 15 minutes; payroll-prep-minutes is 40 (the six hours before is right)",
      related=AP, speaker="Ananya Iyer"),
    E("rep-misstatement", NS, "cut overtime by like forty percent",
      "rep says Maple & Rye cut overtime by 40%; maple-overtime-reduction is 27%",
      related="case-studies/maple-and-rye", speaker="Marc Tremblay"),
    E("rep-misstatement", NS, "save like eight hours a week",
      "rep says managers save eight hours a week on scheduling; rota-hours-saved is 3.5",
      related=AP, speaker="Marc Tremblay"),
    # unsupported-claim in calls
    E("unsupported-claim", CK, "one in four hotels in Ireland",
      "rep claims a quarter of Irish hotels; no approved entry states hotel market share", speaker="Ciarán Doyle"),
    E("unsupported-claim", SR, "ninety-nine percent of buddy punching",
      "rep claims geofencing stops 99% of buddy punching; nothing in the KB states it", speaker="Ananya Iyer"),
]

audit_negatives = [
    # proof points and case studies
    N("proof-points/overtime.md", "for 212 customer groups", "sample size"),
    N("proof-points/overtime.md", "30-minute break", "break length, not a claim"),
    N("proof-points/admin-time.md", "shadowed 46 managers", "study sample size and duration"),
    N("proof-points/admin-time.md", "average of 6 hours", "payroll-prep-before-hours 6, registered"),
    N("proof-points/admin-time.md", "now takes about 40 minutes", "payroll-prep-minutes 40, registered"),
    N("proof-points/admin-time.md", "three and a half hours less each week", "rota-hours-saved 3.5 in words"),
    N("proof-points/no-shows.md", "reviewed: 2026-05-10", "review due 2026-11-06 (180d): not yet overdue on 2026-11-01"),
    N("proof-points/no-shows.md", "6 to 8 per", "industry norm, sourced (Hospitality Labour Pulse, 2025, within 24m), not our result"),
    N("proof-points/no-shows.md", "reminder two hours before", "product behaviour, time span"),
    N("proof-points/shift-swaps.md", "1.3 million swaps", "sample size"),
    N("proof-points/payroll-corrections.md", "18 pilot customers", "sample size"),
    N("proof-points/go-live.md", "date: 2025-02-10", "source within 24m of 2026-11-01 (cut-off 2024-11-01)"),
    N("proof-points/go-live.md", "two 45-minute sessions", "training plan, step labels"),
    N("proof-points/go-live.md", "usually a fortnight later", "payroll after parallel run; not the go-live-days measure"),
    N("proof-points/turnover.md", "baseline was 74% annual turnover", "study baseline (sourced); not payroll-correction-reduction 74%"),
    N("proof-points/payback.md", "For a group with 10 sites", "worked example, contract term"),
    N("proof-points/payback-2023.md", "pays for itself in 6 weeks", "a retired entry quoting its own retired figure"),
    N("case-studies/harbour-group.md", "about 610 people", "customer headcount"),
    N("case-studies/harbour-group.md", "Agency spend down 42%", "matches harbour-agency-spend-reduction and its before/after pair"),
    N("case-studies/harbour-group.md", "€31,000 a month in 2025", "customer's own before figure"),
    N("case-studies/glenmorven-hotels.md", "2,140", "customer's own count of missed shifts"),
    N("case-studies/glenmorven-hotels.md", "No-shows down 52%", "glenmorven-no-show-reduction, a different measure from the 38% average"),
    N("case-studies/glenmorven-hotels.md", "Glenmorven's 52% is well above", "explicitly contrasted with the average"),
    N("case-studies/saffron-table.md", "twice the ordinary rate", "statutory overtime rate"),
    N("case-studies/saffron-table.md", "crore and eighty lakh", "₹1.8 crore in words (crore + 80 lakh)"),
    N("case-studies/saffron-table.md", "3rd of every month", "payroll dates"),
    N("case-studies/maple-and-rye.md", "44 hours a week", "Ontario overtime threshold (law)"),
    N("case-studies/maple-and-rye.md", "72 hours before", "scheduling lead time"),
    N("messaging/why-bramblecote.md", "More than 4,800 venues", "venue-count and customer-groups, registered in this entry"),
    N("messaging/why-bramblecote.md", "Overtime down 31%", "matches overtime-reduction"),
    N("case-studies/harbour-group.md", "€186,000 a year saved", "matches harbour-annual-saving"),
    N("case-studies/saffron-table.md", "saves ₹1.8 crore a year", "matches saffron-annual-saving"),
    N("case-studies/maple-and-rye.md", "Overtime hours down 27%", "matches maple-overtime-reduction"),
    N("case-studies/maple-and-rye.md", "CA$96,000 a year saved", "matches maple-buddy-punching-saving"),
    N("proof-points/go-live.md", "21 days after signing", "matches go-live-days"),
    # messages and answers
    N("messaging/why-bramblecote.md", "Almost nine in ten", "rounds swap-self-service 88%"),
    N("messaging/why-bramblecote.md", "Median go-live in three weeks", "go-live-days 21 in words"),
    N("messaging/why-bramblecote.md", "Canadian 44-hour", "legal threshold"),
    N("messaging/elevator-pitch.md", "title: Elevator pitch (30 seconds)", "length of the pitch"),
    N("messaging/payroll-value.md", "close to four in ten", "rounds no-show-reduction 38%"),
    N("messaging/payroll-value.md", "(11 consecutive hours", "legal rest period"),
    N("messaging/manager-time.md", "three and a half hours less a week", "rota-hours-saved (registered); the entry's lack of sources does not make it unsourced"),
    N("messaging/manager-time.md", "up to 10 venues", "audience definition"),
    N("messaging/india-launch.md", "from ₹149 per active", "price"),
    N("answers/pricing.md", "900 people on the books", "worked example"),
    N("answers/pricing.md", "31% fewer overtime hours", "matches overtime-reduction; the entry has sources"),
    N("answers/pricing.md", "15 per cent off", "annual-billing discount, a price term"),
    N("answers/staff-adoption.md", "11 languages", "product specification (the changelog agrees)"),
    N("answers/payroll-migration.md", "6 April in the UK", "tax-year dates"),
    N("answers/data-residency.md", "reached 99% in the first week", "draft entry: not checked for sourcing or conflicts"),
    # foreign pages
    N("website/pricing.md", "| Rota + Clock | 5.50", "price table"),
    N("website/pricing.md", "save 15% compared", "billing discount"),
    N("website/pricing.md", "€2,500 one-off", "current onboarding price, not the expired waiver"),
    N("website/pricing.md", "30 days on one site", "trial length"),
    N("website/pricing.md", "cut overtime by 31% on average", "matches overtime-reduction, with a footnoted source"),
    N("website/shift-swaps.md", 'value="48 hrs"', "default setting"),
    N("website/shift-swaps.md", 'value="4"', "count of rules on the page"),
    N("website/shift-swaps.md", "less than 11 hours between", "legal rest rule"),
    N("website/faq.md", "Up to six weeks ahead", "scheduling horizon, not the retired six-week payback"),
    N("website/faq.md", "average of 48 hours", "Working Time Directive limit"),
    N("website/faq.md", "overtime after 44 hours", "Ontario rule"),
    N("website/faq.md", "€14.15 an hour", "minimum wage rate"),
    N("website/faq.md", "60 days' notice", "contract term"),
    N("website/press/2026-06-glenmorven.md", "cut no-shows by 52%", "matches glenmorven-no-show-reduction"),
    N("website/press/2026-06-glenmorven.md", "of £240,000 a year", "matches glenmorven-annual-saving"),
    N("website/press/2026-06-glenmorven.md", "more than 4,800 venues", "matches venue-count"),
    N("website/press/2026-06-glenmorven.md", "title: \"Glenmorven Hotels halves", "'halves' rounds 52%"),
    N("website/careers.md", "We're 140 people", "headcount of the company"),
    N("website/careers.md", "25 days' annual leave", "benefit"),
    N("website/changelog.md", "kept for 90 days instead of 30", "retention setting"),
    N("website/changelog.md", "up to 500 sites (was 250)", "product limit"),
    N("website/trust.md", "99.9% monthly uptime", "contract SLA"),
    N("website/trust.md", "Backups every 4 hours", "specification"),
    N("website/integrations.md", "the 14 systems below", "count of items listed on the page"),
    N("website/integrations.md", "600 requests per minute", "API rate limit"),
    N(BLOG, "one in three hospitality vacancies", "outside figure cited to a 2025 study: within 24m"),
    N(BLOG, "no-shows fell by 38%", "matches no-show-reduction"),
    N(RECAP, "More than 300 operators from 120", "event attendance"),
    N(RECAP, "four-day, 40-hour week", "working pattern"),
    N(RECAP, "down by 42% by letting", "matches harbour-agency-spend-reduction"),
    N(RECAP, "£95 until 30 June", "ticket price"),
    # calls: correct rep figures and prospects' own figures
    N(LI, "about two hundred and eighty staff", "prospect's own situation"),
    N(LI, "twenty-two thousand pounds a month", "prospect's own agency spend"),
    N(LI, "thirty-one per cent on average", "matches overtime-reduction"),
    N(LI, "Sixty? That would", "prospect echoing the rep; not a claim"),
    N(LI, "they've halved their no-shows", "Glenmorven 52%, rounded"),
    N(LI, "three and a half hours less a week", "matches rota-hours-saved"),
    N(LI, "four pounds seventy-five", "price"),
    N(CK, "eighty-eight per cent of swaps", "matches swap-self-service"),
    N(CK, "a hundred and seventy staff", "prospect's own situation"),
    N(CK, "a hundred and eighty-six thousand euro", "matches harbour-annual-saving"),
    N(CK, "eight euro per active employee", "price"),
    N(SR, "around 2,400 staff", "prospect's own situation"),
    N(SR, "nine crore rupees", "prospect's own payroll"),
    N(SR, "save one point eight crore a year", "matches saffron-annual-saving"),
    N(SR, "Median go-live is twenty-one days", "matches go-live-days"),
    N(SR, "more than eight lakh a month", "prospect's arithmetic on price"),
    N(NS, "four hundred and fifty casual staff", "prospect's own situation"),
    N(NS, "time and a half after forty hours", "BC overtime rule stated by the prospect"),
    N(NS, "thirty one percent on average", "matches overtime-reduction"),
    N(NS, "ninety six thousand dollars a year", "matches maple-buddy-punching-saving"),
    N(NS, "eleven fifty per active employee", "price"),
]

B = "drafts/blog-christmas-rota.md"
EM = "drafts/email-scottish-hotels.md"
LD = "drafts/landing-india.md"
check_expected = [
    E("unsupported-claim", B, "runs 40% more shifts", "no approved entry backs December shift volume", draft=True),
    E("stale-claim", B, "corrections drop by 74%", "74% rests only on proof-points/payroll-corrections, whose source is older than max_source_age",
      draft=True, related="proof-points/payroll-corrections"),
    E("metric-conflict", B, "five hours a week", "rota-hours-saved is 3.5 hours a week", draft=True, related=AP),
    E("retired-claim", B, "pays for itself in a month and a half", "the retired six-week payback in other words",
      draft=True, related="proof-points/payback-2023"),
    E("metric-conflict", B, "more than 6,000 venues", "venue-count is more than 4,800", draft=True,
      related="messaging/why-bramblecote"),
    E("unsupported-claim", B, "4 percentage points", "no approved entry backs a labour-cost-to-sales figure", draft=True),
    E("metric-conflict", EM, "cut agency spend by 24%", "harbour-agency-spend-reduction is 42% (digits swapped)",
      draft=True, related="case-studies/harbour-group"),
    E("stale-claim", EM, "waive the €2,500 onboarding fee", "the onboarding-fee waiver expired 2026-06-30",
      draft=True, related="messaging/spring-offer", alt=["(£2,200 for UK"]),
    E("metric-conflict", LD, 'value: "10 days"', "go-live-days median is 21 days", draft=True,
      related="proof-points/go-live", alt=['label: "median time to your first live roster"']),
    E("metric-conflict", LD, 'value: "97%"', "swap-self-service is 88%", draft=True,
      related="proof-points/shift-swaps", alt=['label: "of shift swaps settled without a manager"']),
    E("unsupported-claim", LD, "one in three of India's top 50", "no approved entry backs market share in India", draft=True),
]

check_negatives = [
    N(B, "a full six weeks before Christmas Eve", "time span, not the retired payback", draft=True),
    N(B, "Almost nine in ten swaps", "rounds swap-self-service 88%", draft=True),
    N(B, "Customers see 38% fewer no-shows", "matches no-show-reduction", draft=True),
    N(B, "even better and halved theirs", "Glenmorven's 52%, rounded", draft=True),
    N(B, "Overtime falls by 31%", "matches overtime-reduction", draft=True),
    N(B, "Book 20 minutes", "logistics", draft=True),
    N(EM, "11 inns, the 280 staff", "prospect's own situation", draft=True),
    N(EM, "cut no-shows by 52%", "matches glenmorven-no-show-reduction", draft=True),
    N(EM, "save £240,000 a year", "matches glenmorven-annual-saving", draft=True),
    N(EM, "overtime comes down by 31%", "matches overtime-reduction", draft=True),
    N(EM, "half hours a week on the rota", "rota-hours-saved 3.5 in words", draft=True),
    N(EM, "£4.75 per active employee", "price", draft=True),
    N(EM, "around £1,330 a month", "price arithmetic on the prospect's numbers", draft=True),
    N(EM, "Could we take 30 minutes", "logistics", draft=True),
    N(LD, "Cut overtime by 31%", "headline matches overtime-reduction", draft=True),
    N(LD, 'value: "₹1.8 crore"', "matches saffron-annual-saving", draft=True),
    N(LD, "saved ₹180 lakh", "₹180 lakh = ₹1.8 crore", draft=True),
    N(LD, "moved 38 outlets", "matches saffron-outlets", draft=True),
    N(LD, "six hours to forty minutes", "matches payroll-prep-before-hours and payroll-prep-minutes", draft=True),
    N(LD, "No-shows fall by 38%", "matches no-show-reduction", draft=True),
    N(LD, "From ₹149 per active", "price", draft=True),
]

objections = {
    "calls": {
        LI: [{"snippet": "Half our kitchen porters are on pay-as-you-go phones with no data",
              "objection": "objections/staff-adoption", "line": line_of(LI, "Half our kitchen porters"),
              "speaker": "Kirsty Beaton"}],
        CK: [{"snippet": "What I'm worried about is switching payroll",
              "objection": "objections/payroll-switch", "line": line_of(CK, "What I'm worried about"),
              "speaker": "Declan Moran",
              "turn_lines": [line_of(CK, "What I'm worried about"), line_of(CK, "angry people")]}],
        SR: [{"snippet": "For 2,400 people that is more than eight lakh a month. I will have to take it to the board.",
              "objection": "objections/pricing", "line": line_of(SR, "more than eight lakh a month"),
              "speaker": "Vikram Rao"},
             {"snippet": "What about staff without smartphones? Our kitchen helpers mostly share phones.",
              "objection": "objections/staff-adoption", "line": line_of(SR, "staff without smartphones"),
              "speaker": "Lakshmi Nair"}],
        NS: [],
    },
    "coverage": {
        "objections/pricing": True,
        "objections/staff-adoption": True,
        "objections/payroll-switch": True,
    },
}

labels = {
    "today": "2026-11-01",
    "kb": "kb",
    "drafts": [B, EM, LD],
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "retired-claim",
                  "rep-misstatement", "unsupported-claim"],
        "expected": audit_expected,
        "negatives": audit_negatives,
    },
    "check": {
        "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": check_expected,
        "negatives": check_negatives,
    },
    "objections": objections,
}

# sanity: no negative on the line (or alt line) of an expected label in the same file
for sec in ("audit", "check"):
    hot = {}
    for e in labels[sec]["expected"]:
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            hot.setdefault(e["path"], set()).add(ln)
    for n in labels[sec]["negatives"]:
        assert n["line"] not in hot.get(n["path"], set()), (sec, n)

with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
    json.dump(labels, fh, indent=2, ensure_ascii=False)
    fh.write("\n")

if __name__ == "__main__":
    from collections import Counter
    for sec in ("audit", "check"):
        c = Counter(e["rule"] for e in labels[sec]["expected"])
        print(sec, dict(c), "negatives", len(labels[sec]["negatives"]))
