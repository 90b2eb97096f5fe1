#!/usr/bin/env python3
"""Build labels.json for the corriebank corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; line numbers are computed here, 1-based.
A negative on a labelled line (expected or optional) is refused.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")


def _file(path):
    # KB-relative paths for entries and calls, corpus-relative for drafts
    return os.path.join(HERE, path) if path.startswith("drafts/") else os.path.join(KB, path)


def line_of(path, anchor):
    text = open(_file(path), encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def exp(rule, path, anchor, note, related=None, alt=None, turn=None, **extra):
    d = {"rule": rule, "path": path, "line": line_of(path, anchor)}
    if related:
        d["related"] = related
    if alt:
        d["alt_lines"] = [line_of(path, a) for a in alt]
    if turn:
        d["turn_lines"] = [line_of(path, a) for a in turn]
    d.update(extra)
    d["note"] = note
    return d


def neg(path, anchor, note, rules=None):
    d = {"path": path, "line": line_of(path, anchor)}
    if rules:
        d["rules"] = rules
    d["note"] = note
    return d


UT = "proof-points/utilisation.md"
OH = "proof-points/off-hire-time.md"
DR = "proof-points/damage-recovery.md"
GL = "proof-points/go-live.md"
BD = "proof-points/billing-disputes.md"
RL = "proof-points/revenue-leakage-2024.md"
AV = "case-studies/aire-valley-tool-hire.md"
RV = "case-studies/rift-valley-plant.md"
KW = "case-studies/kaiwhenua-hire.md"
VTT = "calls/2026-10-06-taranaki-hire.vtt"
JS = "calls/2026-10-14-kisumu-plant.json"
SRT = "calls/2026-10-21-montego-tool-rental.srt"
TXT = "calls/2026-11-03-wakefield-access.txt"

audit_expected = [
    # metric-conflict: KB vs KB
    exp("metric-conflict", "messaging/elevator-pitch.md", "utilisation to 76%", "pitch says utilisation reaches 76%; utilisation-after is 71% (average)", UT),
    exp("metric-conflict", "messaging/damage-claims.md", "recover 88% of the damage", "says 88% of damage charges recovered; damage-recovery-rate is 84%", DR),
    exp("metric-conflict", "answers/rollout.md", "in seven weeks from signature", "answer says median go-live seven weeks; median-go-live-weeks is 5", GL),
    exp("metric-conflict", "website/faq.md", "median of 9 minutes", "FAQ says median off-hire check-in 9 minutes; off-hire-minutes is 6", OH),
    exp("metric-conflict", "messaging/why-corriebank.md", "£68,000 a year", "says Aire Valley saves £68,000 a year; aire-valley-annual-savings is £86,000 (digits swapped)", AV),
    exp("metric-conflict", "press/2026-09-series-a.md", "NZ$410,000", "press release says Kaiwhenua added NZ$410,000; kaiwhenua-extra-revenue is NZ$310,000", KW),
    exp("metric-conflict", "website/product-tour.md", 'value="45%"', "MDX Stat component says 45% fewer disputed invoices; dispute-reduction is 52%", BD),
    exp("metric-conflict", "enablement/battlecard-hirehub.md", "KSh 41 million", "battlecard says Rift Valley recovered KSh 41 million; rift-valley-damage-recovered is KSh 14 million", RV),
    # source-conflict
    exp("source-conflict", "messaging/value-prop-depot-manager.md", "recover 84% of damage charges", "84% damage recovery attributed to a Hire Industry Council report; damage-recovery-rate comes from the 2026 Corriebank Depot Benchmark", DR, alt=["Industry Council's 2026"]),
    exp("source-conflict", "blog/idle-kit.md", "reached 71% after a year", "blog attributes the 58%->71% utilisation result to a Plantwise Analytics 2026 study; utilisation-after is sourced from the 2026 Corriebank Depot Benchmark", UT),
    exp("source-conflict", "answers/price.md", "52%, per Deloitte", "52% fewer disputed invoices attributed to a Deloitte review; dispute-reduction comes from the 2026 Corriebank Depot Benchmark", BD),
    # stale-claim
    exp("stale-claim", "proof-points/missed-deliveries.md", "reviewed: 2025-10-01", "reviewed 2025-10-01 with review_every 180d: overdue since 2026-03-30", alt=["value: 40", "by 40% over twelve weeks"], severity="warning"),
    exp("stale-claim", "proof-points/lost-equipment.md", "date: 2023-06-15", "source dated 2023-06-15 is older than max_source_age 24m (cut-off 2024-12-01)", alt=["value: 30", "30%, according"], severity="warning"),
    exp("stale-claim", "blog/idle-kit.md", "about 14% of fleet value", "figure cites a 2021 survey (end of 2021), older than 24 months; article has no reviewed date", alt=["according to a 2021 survey"], severity="warning"),
    exp("stale-claim", "case-studies/blue-mahoe-equipment.md", "expires: 2026-10-31", "entry expired 2026-10-31 (permission to use the story ran out)", alt=["went up to 96%"], severity="error"),
    # unsourced-claim
    exp("unsourced-claim", "messaging/deliveries.md", "50 minutes a day", "no sources on the entry and no metric registers driver time saved"),
    exp("unsourced-claim", "answers/telematics.md", "by 12%", "answer has no sources and no metric registers a fuel saving"),
    exp("unsourced-claim", "website/pricing.md", "payback within 5 months", "payback claim on the pricing page; no source, no registered payback metric"),
    exp("unsourced-claim", "messaging/why-corriebank.md", "20% more repeat hires", "no source and no metric for repeat hires"),
    # retired-claim
    exp("retired-claim", "messaging/value-prop-depot-manager.md", "recovers 9% of hire revenue", "repeats the retired revenue-leakage-recovered figure (9%)", RL),
    exp("retired-claim", "enablement/battlecard-hirehub.md", "We recover 9% of hire revenue", "internal battlecard repeats the retired 9% leakage figure", RL),
    exp("retired-claim", SRT, "we recover nine percent of hire revenue", "rep repeats the retired 9% leakage figure (in words)", RL, speaker="Devon Clarke"),
    # rep-misstatement
    exp("rep-misstatement", VTT, "goes up to about 80%", "rep says utilisation goes up to about 80%; utilisation-after is 71%", UT, speaker="Aroha Ngata"),
    exp("rep-misstatement", JS, "about three weeks from signing", "rep says most customers live in about three weeks; median-go-live-weeks is 5", GL, turn=["It is quick.", "about three weeks from signing"], speaker="Wanjiru Kamau"),
    exp("rep-misstatement", TXT, "ninety four percent", "rep says ninety four percent of damage charges recovered (numbers in words, no punctuation); damage-recovery-rate is 84%", DR, speaker="Gemma Haigh"),
    # unsupported-claim in calls
    exp("unsupported-claim", JS, "around 15 percent at renewal", "no approved entry backs an insurance premium reduction", speaker="Wanjiru Kamau"),
    exp("unsupported-claim", SRT, "over 400 depots", "no approved entry backs 400 depots (the press release says more than 180)", speaker="Devon Clarke"),
]

audit_optional = [
    exp("stale-claim", "messaging/deliveries.md", "fall by 40%", "40% is backed only by the stale missed-deliveries entry; the staleness rule is written for drafts, so either way is fair", "proof-points/missed-deliveries.md"),
    exp("unsourced-claim", "press/2026-09-series-a.md", "more than 180 depots", "customer count in a press release: arguably a company fact, arguably a claim needing a source"),
    exp("unsourced-claim", "changelog.md", "40% faster on older Android", "performance claim in a changelog, no source; a reviewer could go either way"),
    exp("unsourced-claim", "blog/idle-kit.md", "margins of 10 to 15 percent", "industry margin range stated as background, no source"),
    exp("unsourced-claim", "website/trust.md", "99.95%", "uptime figure points to the status page rather than a listed source"),
    exp("unsourced-claim", "website/product-tour.md", "under a minute", "product speed claim on the tour page, no source"),
    exp("metric-conflict", SRT, "over 400 depots", "a tool may read 400 depots as conflicting with the press release's 180; the rep-side rule is unsupported-claim", "press/2026-09-series-a.md", speaker="Devon Clarke"),
]
for o in audit_optional:
    o["optional"] = True

audit_negatives = [
    neg(UT, "covered 61 depots", "sample size of the benchmark"),
    neg("messaging/elevator-pitch.md", "six minutes instead of", "matches off-hire-minutes 6 and off-hire-minutes-before 25 (in words)"),
    neg("messaging/elevator-pitch.md", "in about five weeks", "matches median-go-live-weeks 5"),
    neg("messaging/value-prop-depot-manager.md", "median of 6 minutes", "matches off-hire-minutes"),
    neg("messaging/value-prop-depot-manager.md", "roughly halve", "rounded restatement of dispute-reduction 52%"),
    neg("messaging/value-prop-depot-manager.md", "300 to 3,000 assets", "fleet sizes of the target market: counts, not a claim"),
    neg("messaging/value-prop-depot-manager.md", "Below about 150", "a threshold for qualification, not a result"),
    neg("messaging/damage-claims.md", "KSh 14 million recovered", "matches rift-valley-damage-recovered"),
    neg("messaging/damage-claims.md", "four photos at dispatch", "product behaviour, a count"),
    neg("messaging/damage-claims.md", "kept for seven years", "retention period"),
    neg("messaging/deliveries.md", "30 minutes out", "notification setting, not a result"),
    neg("messaging/why-corriebank.md", "from 58% to 71%", "matches utilisation-before and utilisation-after"),
    neg("messaging/why-corriebank.md", "NZ$4 million of fleet", "illustrative fleet size"),
    neg("messaging/why-corriebank.md", "five weeks from signature", "matches median-go-live-weeks"),
    neg(KW, "from 54% to 69%", "Kaiwhenua's own before/after, in a sourced case study; not the fleet-wide 58/71 metric", ["metric-conflict", "unsourced-claim"]),
    neg(KW, "13-tonne", "machine spec"),
    neg(AV, "about 2,400 items", "fleet count"),
    neg("case-studies/blue-mahoe-equipment.md", "J$4.5 million", "figure in a case study with a listed source", ["unsourced-claim", "metric-conflict"]),
    neg("case-studies/blue-mahoe-equipment.md", "twenty-minute drive", "traffic description"),
    neg("answers/price.md", "from 58% to 71% utilisation", "matches utilisation metrics"),
    neg("answers/price.md", "12-month minimum term", "contract term"),
    neg("answers/price.md", "under 500", "plan threshold"),
    neg("answers/telematics.md", "every 15 minutes", "integration spec"),
    neg("answers/rollout.md", "two-hour session", "training length"),
    neg("answers/rollout.md", "offline for up to 72 hours", "product spec"),
    neg("website/pricing.md", "NZ$3.40 / asset", "list price"),
    neg("website/pricing.md", "60 days' notice", "contract term"),
    neg("website/pricing.md", "NZ$4,500", "onboarding fee"),
    neg("website/faq.md", "about five weeks", "matches median-go-live-weeks"),
    neg("website/faq.md", "2,000 assets", "import size example"),
    neg("website/faq.md", "up to 72 hours", "product spec"),
    neg("press/2026-09-series-a.md", "announced an NZ$18", "funding amount, company fact"),
    neg("press/2026-09-series-a.md", "next 18", "time span"),
    neg("press/2026-09-series-a.md", "64 staff", "headcount"),
    neg("changelog.md", "GCT at 15%", "tax rate"),
    neg("changelog.md", "from 8 to 16", "product limit"),
    neg("changelog.md", "from 24 to 72 hours", "product spec change"),
    neg("blog/idle-kit.md", "around 60%", "industry norm, not a Corriebank result"),
    neg("blog/idle-kit.md", "NZ$40,000", "worked example arithmetic"),
    neg("careers.md", "We're 64 people", "headcount"),
    neg("careers.md", "25 days' annual leave", "employment term"),
    neg("website/trust.md", "Every 4 hours", "backup schedule"),
    neg("website/trust.md", "TLS 1.3", "version number"),
    neg("website/partners.md", "within 5 minutes", "integration spec"),
    neg("website/partners.md", "10% of the first year's", "referral commission term"),
    neg("enablement/battlecard-hirehub.md", "£1.50 per asset", "competitor's price"),
    neg("enablement/battlecard-hirehub.md", "offline for 72 hours", "product spec"),
    neg("enablement/battlecard-hirehub.md", "for 15 years", "time span"),
    neg("website/product-tour.md", 'value="71%"', "matches utilisation-after"),
    neg("website/product-tour.md", 'value="6 min"', "matches off-hire-minutes"),
    neg(VTT, "about 1,100 items", "prospect's own fleet size"),
    neg(VTT, "around fifty percent", "prospect's own utilisation"),
    neg(VTT, "Eighty? From fifty?", "prospect repeating the rep's figure"),
    neg(VTT, "went from 54 to 69 percent", "matches the Kaiwhenua case study"),
    neg(VTT, "six minutes instead of twenty-five", "matches off-hire metrics"),
    neg(VTT, "every fifteen minutes", "integration spec"),
    neg(TXT, "three hundred and fifty access platforms", "prospect's fleet size"),
    neg(TXT, "forty thousand pound", "prospect's own write-off"),
    neg(TXT, "eighty six thousand pound", "matches aire-valley-annual-savings in words"),
    neg(TXT, "about six minutes per item", "matches off-hire-minutes"),
    neg(TXT, "three pound forty", "list price"),
    neg(TXT, "drop by about half", "rounded dispute-reduction 52%"),
    neg(TXT, "for two hours", "training length"),
    neg(JS, "around 600 machines", "prospect's fleet size"),
    neg(JS, "recover 84 percent", "matches damage-recovery-rate"),
    neg(JS, "fourteen million shillings", "matches rift-valley-damage-recovered in words"),
    neg(JS, "lost maybe three million", "prospect's own figure"),
    neg(JS, "above 2 million", "prospect's approval threshold"),
    neg(SRT, "up to 96 percent", "matches blue-mahoe-on-time (the case study's expiry is an entry finding, not the rep's)", ["rep-misstatement", "metric-conflict", "unsupported-claim"]),
    neg(SRT, "near J$12 million", "prospect's arithmetic on its own revenue"),
    neg(SRT, "offline for three days", "72 hours restated in days"),
]

check_expected = [
    exp("metric-conflict", "drafts/blog-off-hire-season.md", "just 4 minutes", "median off-hire 4 minutes; off-hire-minutes is 6", OH),
    exp("stale-claim", "drafts/blog-off-hire-season.md", "fall by 40%", "40% fewer missed slots is backed only by the overdue missed-deliveries entry", "proof-points/missed-deliveries.md"),
    exp("retired-claim", "drafts/blog-off-hire-season.md", "9% of hire revenue", "repeats the retired revenue-leakage figure", RL),
    exp("unsupported-claim", "drafts/blog-off-hire-season.md", "20% longer", "no approved entry backs tyre life"),
    exp("metric-conflict", "drafts/email-aire-valley-followup.txt", "£96,000 a year", "Aire Valley saves £96,000; aire-valley-annual-savings is £86,000", AV),
    exp("stale-claim", "drafts/email-aire-valley-followup.txt", "by about 30%", "lost-equipment-reduction rests on a 2023 source older than max_source_age", "proof-points/lost-equipment.md"),
    exp("unsupported-claim", "drafts/email-aire-valley-followup.txt", "11 hours a week", "no approved entry backs office hours saved"),
    exp("metric-conflict", "drafts/landing-damage-claims.md", "recover 90% of the damage", "90% recovered; damage-recovery-rate is 84%", DR),
    exp("unsupported-claim", "drafts/landing-damage-claims.md", "3x faster", "no approved entry backs claim settlement speed"),
    exp("metric-conflict", "drafts/landing-damage-claims.md", "KSh 12 million", "Rift Valley KSh 12 million; rift-valley-damage-recovered is KSh 14 million", RV),
]
check_optional = [
    exp("unsupported-claim", "drafts/email-aire-valley-followup.txt", "£2.60 per asset", "a GBP price the KB does not list (pricing page is in NZD); a price, not a result"),
]
for o in check_optional:
    o["optional"] = True

B, E, L = "drafts/blog-off-hire-season.md", "drafts/email-aire-valley-followup.txt", "drafts/landing-damage-claims.md"
check_negatives = [
    neg(B, "within a fortnight", "time span"),
    neg(B, "closer to twenty-five", "matches off-hire-minutes-before"),
    neg(B, "from 58% to 71%", "matches utilisation metrics"),
    neg(B, "within five weeks", "matches median-go-live-weeks"),
    neg(E, "900-odd items", "prospect's own fleet"),
    neg(E, "by 52%", "matches dispute-reduction"),
    neg(E, "£25,000 a year", "prospect's own figure"),
    neg(E, "12-month term", "contract term"),
    neg(E, "week of the 14th", "logistics"),
    neg(L, "Four photos at dispatch", "product behaviour"),
    neg(L, "kept for seven years", "retention period"),
    neg(L, "£86,000 a year", "matches aire-valley-annual-savings"),
    neg(L, "Live in about five weeks", "matches median-go-live-weeks"),
]


def check_negs(expected, negatives):
    taken = {(e["path"], e["line"]) for e in expected}
    for n in negatives:
        if (n["path"], n["line"]) in taken:
            sys.exit(f"negative on a labelled line: {n}")


check_negs(audit_expected + audit_optional, audit_negatives)
check_negs(check_expected + check_optional, check_negatives)

RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
         "retired-claim", "rep-misstatement", "unsupported-claim"]
labels = {
    "today": "2026-12-01",
    "kb": "kb",
    "drafts": [B, E, L],
    "audit": {"rules": RULES, "expected": audit_expected + audit_optional, "negatives": audit_negatives},
    "check": {"rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
              "expected": check_expected + check_optional, "negatives": check_negatives},
}
with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
    json.dump(labels, f, indent=2, ensure_ascii=False)
    f.write("\n")


def counts(sec):
    out = {}
    for e in sec["expected"]:
        k = out.setdefault(e["rule"], [0, 0])
        k[1 if e.get("optional") else 0] += 1
    return out


print("audit", counts(labels["audit"]), "negatives", len(audit_negatives))
print("check", counts(labels["check"]), "negatives", len(check_negatives))
