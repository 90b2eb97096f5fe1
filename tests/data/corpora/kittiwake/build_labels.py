"""Write labels.json from the labels below. Each label names a file and an anchor string that must
occur on exactly one line of it, so the labels follow the text when a file is edited.

    python3 build_labels.py        # from any folder

The script fails on a missing or repeated anchor, a related file that does not exist, a line labelled
twice, and a negative within two lines of an expected or optional label of one of its rules (on the
label's line, or on one of its ``alt_lines``): such a negative would say two things about one place.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
TODAY = "2026-11-01"

AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
               "retired-claim", "rep-misstatement"]
# A draft is no KB entry: unsourced-claim and rep-misstatement do not apply to it.
CHECK_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsupported-claim", "retired-claim"]
# A figure that is right, or is no claim at all: none of these may fire on it.
CLAIMS_NOT = ["unsourced-claim", "unsupported-claim", "metric-conflict", "rep-misstatement", "retired-claim"]
EVERY = CLAIMS_NOT + ["stale-claim", "source-conflict"]


def but(*rules: str) -> list[str]:
    """EVERY without ``rules``: for a negative that lies next to a label of those rules."""
    return [r for r in EVERY if r not in rules]


PP, CS, ANS, OBJ, MSG = "proof-points/", "case-studies/", "answers/", "objections/", "messaging/"
CYCLE, STP, LEAK, FRAUD = PP + "cycle-time.md", PP + "straight-through.md", PP + "leakage.md", PP + "fraud.md"
HANDLER, CSAT, NPS = PP + "handler-capacity.md", PP + "claimant-satisfaction.md", PP + "claimant-nps.md"
SCALE, PAYBACK, HARBOUR = PP + "scale.md", PP + "payback.md", CS + "harbourline-mutual.md"
PRICING, FAQ, IMPL = ANS + "pricing.md", ANS + "faq.md", ANS + "implementation.md"
CORE, PRICE_OBJ = OBJ + "core-system.md", OBJ + "price.md"
POS, SA, Q1 = MSG + "positioning.md", MSG + "south-africa.md", MSG + "q1-campaign-draft.md"
CORMORANT, LIONSGATE = "customers/cormorant-insurance.md", "customers/lionsgate-assurance.md"
BLOG, PAPER = "blog/true-cost-of-claims-leakage.md", "resources/whitepaper-digital-claims-apac.md"
WEBINAR, COMPARE = "events/webinar-recap-harbourline.md", "compare/kittiwake-vs-legacy-suites.md"
SECURITY, CHANGELOG, CAREERS, PARTNERS = "security.md", "changelog.md", "careers.md", "partners.md"
MAPLE, PROTEA = "calls/2026-09-15-maple-ridge.vtt", "calls/2026-09-29-protea-asr.json"
MERLION, KOWHAI = "calls/2026-10-07-merlion-general.json", "calls/2026-10-14-kowhai-asr.srt"
SHANNON = "calls/2026-10-21-shannon-brokers.txt"
DBLOG, DMAIL = "drafts/blog-straight-through.md", "drafts/email-protea.txt"
DLAND, DPOSTS = "drafts/landing-page-canada.md", "drafts/social-posts.md"
DRAFTS = [DBLOG, DMAIL, DLAND, DPOSTS]

DANA, THANDI, WEILING, AROHA, CIARA = ("Dana Fraser", "Thandi Nkosi", "Tan Wei Ling", "Aroha Ngata",
                                      "Ciara Byrne")
OPT: dict[str, Any] = {"optional": True}

# (rule, path, anchor, note, extra fields); alt_lines_anchor lists anchors of other lines a tool may
# fairly report the same finding at.
AUDIT_EXPECTED: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # metric-conflict: KB against KB
    ("metric-conflict", POS, "closed out in under a week", "motor-cycle-days-after is a median of 9 days: "
     "most claims cannot close in under 7", {"related": CYCLE}),
    ("metric-conflict", PRICING, "pays for itself within a single quarter", "a quarter is 3 months; "
     "payback-months is a median of 7", {"related": PAYBACK}),
    ("metric-conflict", WEBINAR, "from 19 days to 8", "harbourline-cycle-after is 11 days (the 19 is right)",
     {"related": HARBOUR}),
    ("metric-conflict", PAPER, "leakage by a third", "a third is 33%; leakage-reduction is 27%",
     {"related": LEAK}),
    # source-conflict: a registered figure credited to another study than its metric's
    ("source-conflict", BLOG, "cut leakage by 27% in their first year", "leakage-reduction (27%) is "
     "Ardmore Actuarial's; the link credits Pemberton's Claims Pulse",
     {"related": LEAK, "alt_lines_anchor": ["[pulse]: https"]}),
    ("source-conflict", COMPARE, "(Tallis Group, 2026)", "three-year-roi (4.8x) is Halloran Economics'; the "
     "page credits the Tallis Group", {"related": PAYBACK}),
    # stale-claim
    ("stale-claim", FRAUD, "date: 2023-05-18", "the only source of fraud-referral-lift is dated 2023-05-18, "
     "older than max_source_age (24m before 2026-11-01)",
     {"alt_lines_anchor": ["value: 3.2", "3.2 times as many", "title: 3.2x"]}),
    ("stale-claim", IMPL, "reviewed: 2025-10-06", "review every 6m: overdue since 2026-04-06",
     {"alt_lines_anchor": ["value: 12", "going live is 12 weeks"]}),
    ("stale-claim", BLOG, "found that 61% of policyholders", "'a 2022 survey' (end of 2022) is older than "
     "24 months", {}),
    ("stale-claim", PAPER, "by 2025 (Brennick, 2021)", "a 2021 forecast for 2025, presented as current: both "
     "dates have passed", {}),
    # unsourced-claim: an approved entry states a figure with no source and no metric behind it
    ("unsourced-claim", POS, "spend a third of their week re-keying", "an industry statistic; the message "
     "has no sources and no metric says it", {}),
    ("unsourced-claim", SA, "runs claims for 11 short-term insurers", "a local customer count; no source, "
     "no metric (customer-count is every country)", {}),
    ("unsourced-claim", FAQ, "within 10% of the final repair invoice", "an accuracy claim with no source", {}),
    ("unsourced-claim", SECURITY, "stop 98% of account-takeover", "a detection rate with no source", {}),
    ("unsourced-claim", PARTNERS, "double their claims-consulting revenue", "a partner outcome with no source",
     {}),
    ("unsourced-claim", COMPARE, "18–24 months as part of a core replacement", "a figure about competitors' "
     "projects with no source", {}),
    # retired-claim
    ("retired-claim", PROTEA, "nps go up by as much as thirty points", "claimant-nps-lift (up to 30 points) "
     "is retired", {"related": NPS, "speaker": THANDI}),
    ("retired-claim", WEBINAR, "claimant NPS rise by up to 30 points", "claimant-nps-lift is retired",
     {"related": NPS}),
    # rep-misstatement
    ("rep-misstatement", MAPLE, "about 50% more files each", "handler-caseload-increase is 35%",
     {"related": HANDLER, "speaker": DANA}),
    ("rep-misstatement", PROTEA, "come down by about forty percent", "leakage-reduction is 27%",
     {"related": LEAK, "speaker": THANDI}),
    ("rep-misstatement", MERLION, "from 19 days to 6", "harbourline-cycle-after is 11 days",
     {"related": HARBOUR, "speaker": WEILING}),
    ("rep-misstatement", KOWHAI, "about ten hours a week back on admin", "handler-admin-hours-saved is 6 hours",
     {"related": HANDLER, "speaker": AROHA}),
    ("rep-misstatement", SHANNON, "over six times what you spend", "three-year-roi is 4.8x",
     {"related": PAYBACK, "speaker": CIARA}),
    # unsupported-claim: a rep's figure that no approved entry backs
    ("unsupported-claim", MAPLE, "14 Canadian carriers", "no entry counts Canadian carriers won this year",
     {"speaker": DANA}),
    ("unsupported-claim", PROTEA, "paid out in under two hours", "no entry states a glass payment time",
     {"speaker": THANDI}),
    ("unsupported-claim", MERLION, "6 of the 10 largest", "no entry says so", {"speaker": WEILING}),
    ("unsupported-claim", KOWHAI, "eighty percent of them were lodged online", "the Cormorant story does not "
     "say it; no entry does", {"speaker": AROHA}),
    ("unsupported-claim", SHANNON, "answer 90% of claim status queries", "no entry states it",
     {"speaker": CIARA}),
    # optional: a reviewer could decide either way
    ("unsourced-claim", LIONSGATE, "title: How Lionsgate Assurance settles 61%", "a customer story with no "
     "source note: the customer's own result, told by the vendor", OPT),
    ("unsourced-claim", LIONSGATE, "<Stat value=\"61%\"", "as the title", OPT),
    ("unsourced-claim", LIONSGATE, "<Stat value=\"R4,2 million\"", "as the title", OPT),
    ("unsourced-claim", LIONSGATE, "<Stat value=\"3 days\"", "as the title", OPT),
    ("unsourced-claim", LIONSGATE, "61% of glass claims were settled", "as the title (and R4,2 million)", OPT),
    ("unsourced-claim", LIONSGATE, "now takes 3 days instead of 9", "as the title", OPT),
    ("unsourced-claim", CHANGELOG, "about 40 seconds", "the company's measurement of its own release", OPT),
    ("unsourced-claim", CHANGELOG, "misrouted claims by 18%", "'our internal testing' names a test, not a "
     "source a reader can check", OPT),
    ("unsourced-claim", COMPARE, "Every 2–3 years", "competitors' upgrade cadence: common knowledge or a claim",
     OPT),
    ("stale-claim", COMPARE, "12 weeks (median)", "restates median-go-live-weeks, whose entry is overdue for "
     "review", OPT),
    ("stale-claim", FAQ, "Typically 12 weeks", "as above", OPT),
    ("stale-claim", KOWHAI, "median is about twelve weeks", "a rep quoting the overdue entry's figure",
     {"optional": True, "speaker": AROHA}),
]

AUDIT_NEGATIVES: list[tuple[str, str, str, list[str]]] = [
    # proof points, case study: the registered figures and their methods
    (CYCLE, "Across 38 motor books", "sample", EVERY),
    (CYCLE, "closed in 9 days from first notice", "motor-cycle-days-after", EVERY),
    (CYCLE, "a median of 21 days on the systems", "motor-cycle-days-before", EVERY),
    (CYCLE, "12 months to June 2026", "method", EVERY),
    (CYCLE, "fewer than 500 closed claims", "method", EVERY),
    (CYCLE, "claimants are paid in 9 days", "a wording to avoid, quoted", EVERY),
    (CYCLE, "# Motor claims close in a median of 9 days", "the entry's heading: motor-cycle-days-after", EVERY),
    (CYCLE, "**Say it like this:**", "the approved wording", EVERY),
    (STP, "On average, 38% of eligible claims", "stp-rate", EVERY),
    (STP, "12%, according to the Ostrander", "industry-stp-rate with its own source", EVERY),
    (STP, "typically €2,500", "carriers' settings", EVERY),
    (LEAK, "at 11 carriers before", "sample", EVERY),
    (LEAK, "drawing 1,200 files", "method", EVERY),
    (LEAK, "Leakage fell by 27% on average", "leakage-reduction", EVERY),
    (HANDLER, "214 handlers at 9 carriers", "sample and method", EVERY),
    (HANDLER, "35% more open claims at the same", "handler-caseload-increase", EVERY),
    (HANDLER, "about 6 hours a week of admin", "handler-admin-hours-saved", EVERY),
    (CSAT, "18,400 responses", "sample and claimant-csat", EVERY),
    (NPS, "reviewed: 2025-11-20", "a retired entry is not checked for staleness", EVERY),
    (NPS, "date: 2024-03-01", "a retired entry is not checked for staleness", EVERY),
    (NPS, "The lift of up to 30 points", "a retired entry quoting its own figure", EVERY),
    (SCALE, "More than 140 insurers", "customer-count", EVERY),
    (SCALE, "4.6 million claims a year", "claims-per-year", EVERY),
    (SCALE, "Live in 9 countries", "a company fact in a sourced entry", EVERY),
    (PAYBACK, "interviewed 8 customers", "sample", EVERY),
    (PAYBACK, "earned back 4.8 times", "three-year-roi and the composite's size", EVERY),
    (PAYBACK, "7 months.", "payback-months", EVERY),
    (HARBOUR, "since 1908", "the customer's history and size", EVERY),
    (HARBOUR, "spring of 2025", "a date", EVERY),
    (HARBOUR, "fell from 19 days to 11", "harbourline-cycle-before and -after", EVERY),
    (HARBOUR, "came down by €1.9 million", "harbourline-lae-saving", EVERY),
    (HARBOUR, "every claim over €1,000", "the customer's old rule, in a quote", EVERY),
    (HARBOUR, "Phase one, 8 weeks", "a rollout step", EVERY),
    (HARBOUR, "all 60 handlers", "a rollout step", EVERY),
    # answers and objections: prices, terms, settings, worked examples
    (PRICING, "expires: 2026-12-31", "not passed on 2026-11-01", EVERY),
    (PRICING, "| Canada | CA$85 |", "a price", EVERY),
    (PRICING, "| Ireland and the EU | €75 |", "a price", EVERY),
    (PRICING, "| South Africa | R1 250 |", "a price", EVERY),
    (PRICING, "Minimum of 25 seats", "a term", EVERY),
    (PRICING, "onboarding from CA$40,000", "a price", EVERY),
    (PRICING, "get 10% off", "a discount and payment terms", EVERY),
    (PRICING, "at 4.8x (see the payback", "three-year-roi", but("metric-conflict")),
    (PRICING, "60 handlers and 30,000 claims", "calculation inputs", EVERY),
    (PRICING, "CA$61,200 a year", "the worked result and handler-admin-hours-saved", EVERY),
    (PRICING, "roughly 9 full-time roles", "the worked result", EVERY),
    (FAQ, "a dozen other core platforms", "a product fact", EVERY),
    (FAQ, "The default is 7 years", "a retention setting", EVERY),
    (FAQ, "99.95% a month", "a contract commitment", EVERY),
    (FAQ, "Typically 12 weeks", "median-go-live-weeks (its staleness is optional above)", CLAIMS_NOT),
    (FAQ, "Two half-day sessions", "training logistics", EVERY),
    (IMPL, "Weeks 1–3", "a plan", EVERY),
    (IMPL, "Weeks 4–8", "a plan", EVERY),
    (IMPL, "Weeks 9–12", "a plan", EVERY),
    (IMPL, "three or more lines of business", "a condition", EVERY),
    (CORE, "until 2028", "a prospect's phrasing", EVERY),
    (PRICE_OBJ, "R1 250 a seat is steep", "a prospect's phrasing", EVERY),
    # messages
    (POS, "## The 30-second version", "a heading", but("metric-conflict")),
    (POS, "## Three messages", "a heading", EVERY),
    (POS, "median of 9 days on Kittiwake, down from 21", "motor-cycle-days-after and -before", EVERY),
    (POS, "by 27% in their first year (Ardmore", "leakage-reduction with its source", EVERY),
    (POS, "35% more open claims without", "handler-caseload-increase", EVERY),
    (POS, "More than 140 insurers, MGAs and brokers, and 4.6", "customer-count and claims-per-year", EVERY),
    (POS, "91% of claimants satisfied", "claimant-csat", EVERY),
    (POS, "lift of up to 30 points: that proof point is retired", "the retired figure named as retired", EVERY),
    (SA, "about a third more open claims", "handler-caseload-increase, in words and as 35% with its study", EVERY),
    (SA, "average 38% of eligible claims do", "stp-rate", EVERY),
    (SA, "R1 250 per seat per month, billed in rand", "a price", EVERY),
    (SA, "40 handlers × R1 250", "a worked example", EVERY),
    (Q1, "Half your claims", "a draft entry is not canonical", EVERY),
    (Q1, "Settle motor claims in 5 days", "a draft entry is not canonical", EVERY),
    (Q1, "Cut leakage by 40%", "a draft entry is not canonical", EVERY),
    # customer stories
    (CORMORANT, "30% more storm claims, same team", "the title of a story with a source note", EVERY),
    (CORMORANT, "about 85,000 homes", "the customer's size", EVERY),
    (CORMORANT, "38-person claims team", "the customer's size", EVERY),
    (CORMORANT, "eleven weeks' worth of claims", "the customer's situation", EVERY),
    (CORMORANT, "a median of 26 days to settle", "the customer's own figure, sourced by the note", EVERY),
    (CORMORANT, "median of 12 days, down from 26", "the customer's home claims, sourced by the note; not "
     "motor-cycle-days", EVERY),
    (CORMORANT, "30% more claims through the storm peak", "sourced by the note; not handler-caseload-increase",
     EVERY),
    (CORMORANT, "4,300 claims in the first week", "a quote about the customer's situation", EVERY),
    (CORMORANT, "went home at five", "a time of day, in a quote", EVERY),
    (CORMORANT, "12 months to March 2026", "the source note", EVERY),
    (LIONSGATE, "310 000 motor and home policies", "the customer's size", EVERY),
    (LIONSGATE, "a claims team of 55", "the customer's size", EVERY),
    (LIONSGATE, "<Stat value=\"61%\"", "one customer's glass-only rate, not stp-rate", but("unsourced-claim")),
    (LIONSGATE, "61% of glass claims were settled", "as above", but("unsourced-claim")),
    (LIONSGATE, "roughly 40% of Lionsgate's motor claims", "the customer's claim mix", EVERY),
    # articles
    (BLOG, "4–6% of paid claims", "cited by the endnote [^1]", EVERY),
    (BLOG, "€400 million a year", "a worked example", EVERY),
    (BLOG, "€16 million and €24 million", "the worked result", EVERY),
    (BLOG, "| Overpaid repair and rebuild estimates | 38% |", "a table with a Source: line under it", EVERY),
    (BLOG, "| Missed excess and under-insurance | 21% |", "a table with a Source: line under it", EVERY),
    (BLOG, "| Duplicate and inflated invoices | 17% |", "a table with a Source: line under it", EVERY),
    (BLOG, "n = 64 carriers", "the source line and its sample", EVERY),
    (BLOG, "In a 2025 poll of 900", "cited in the sentence; 2025 (end of year) is within 24 months", EVERY),
    (BLOG, "7 in 10 said they sign off", "the poll's finding, cited on the line above", EVERY),
    (BLOG, "sample of 300 closed files", "an offer", EVERY),
    (BLOG, "within 4 weeks", "an offer", EVERY),
    (BLOG, "published April 2026", "the endnote naming a source", but("source-conflict")),
    (PAPER, "Our 24-page whitepaper", "a document's length", EVERY),
    (PAPER, "Among the 6 insurers we studied", "the whitepaper's own finding, on its summary page",
     but("metric-conflict", "stale-claim")),
    (PAPER, "91% of claimants were satisfied", "claimant-csat with its source", but("metric-conflict")),
    (PAPER, "50,000 policies or more", "the audience", EVERY),
    (PAPER, "<td>Singapore</td><td>47%", "a table with a Source: line under it", EVERY),
    (PAPER, "<td>Australia</td><td>39%", "a table with a Source: line under it", EVERY),
    (PAPER, "2.1 million FNOL events", "the source line", EVERY),
    (PAPER, "(PDF, 3.4 MB)", "a file size", EVERY),
    (WEBINAR, "More than 300 people registered", "event attendance", EVERY),
    (WEBINAR, "well past the 45 minutes", "an event's length", EVERY),
    (WEBINAR, "€1.9 million a year saved", "harbourline-lae-saving", but("metric-conflict")),
    (WEBINAR, "under €5,000", "the customer's thresholds", but("metric-conflict")),
    (WEBINAR, "first six weeks were the hardest", "a quote", EVERY),
    (WEBINAR, "58% said waiting", "the live poll is the source", EVERY),
    (WEBINAR, "24% said chasing", "the live poll is the source", EVERY),
    (WEBINAR, "Thursday 19 November, 11:00 GMT", "a date and time", EVERY),
    (WEBINAR, "Watch the recording (45 min)", "a duration", EVERY),
    (COMPARE, "| Median motor claim cycle time | 9 days | 21 days |", "motor-cycle-days-after and -before",
     but("unsourced-claim", "stale-claim")),
    (COMPARE, "| 38% of eligible claims | 12% (industry average) |", "stp-rate and industry-stp-rate",
     but("unsourced-claim", "stale-claim")),
    (COMPARE, "fewer than 5,000", "a condition", EVERY),
    (SECURITY, "1 April 2025 to 31 March 2026", "a report period", EVERY),
    (SECURITY, "ISO/IEC 27001:2022", "a standard", EVERY),
    (SECURITY, "Privacy Act 2020", "a law", EVERY),
    (SECURITY, "in five regions", "a product fact", EVERY),
    (SECURITY, "AES-256", "a specification", EVERY),
    (SECURITY, "Recovery point objective of 15 minutes", "a commitment", EVERY),
    (SECURITY, "99.95% monthly uptime", "a commitment", EVERY),
    (SECURITY, "15-minute response target", "a commitment", but("unsourced-claim")),
    (SECURITY, "twice a year by a CREST", "a practice", EVERY),
    (SECURITY, "US$100 to US$5,000", "rewards", EVERY),
    (SECURITY, "kept for 400 days", "a retention setting", EVERY),
    (SECURITY, "7 years by default.", "a retention setting", EVERY),
    (SECURITY, "Last updated: 14 October 2026", "a date", EVERY),
    (CHANGELOG, "## 2026.10.2 (22 October 2026)", "a version and a date", EVERY),
    (CHANGELOG, "up to 500 open claims", "a product limit", EVERY),
    (CHANGELOG, "supported languages to 8", "a product fact", EVERY),
    (CHANGELOG, "50 MB per file (was 20 MB)", "a product limit", but("unsourced-claim")),
    (CHANGELOG, "more than 99 line items", "a bug's condition and an issue number", EVERY),
    (CHANGELOG, "1,200 requests per minute", "a setting", EVERY),
    (CHANGELOG, "retry up to 5 times", "a setting", EVERY),
    (CHANGELOG, "31 March 2027", "a deprecation date", EVERY),
    (CHANGELOG, "## 2026.10.1 (8 October 2026)", "a version and a date", EVERY),
    (CHANGELOG, "three closed claims they were based on", "a product behaviour", but("unsourced-claim")),
    (CAREERS, "We're 320 people", "headcount and ways of working", EVERY),
    (CAREERS, "25 days' annual leave", "a benefit", EVERY),
    (CAREERS, "CA$1,500 / €1,000", "a benefit", EVERY),
    (CAREERS, "18 weeks' fully paid", "a benefit", EVERY),
    (CAREERS, "after 6 months", "a benefit", EVERY),
    (CAREERS, "92% of Kittiwakers", "cited in the sentence (staff pulse survey, September 2026)", EVERY),
    (CAREERS, "3 days a week in the office", "a job's terms", EVERY),
    (CAREERS, "within 3 hours of Toronto time", "a job's terms", EVERY),
    (CAREERS, "4 steps and usually takes under 3 weeks", "a hiring process", EVERY),
    (PARTNERS, "| Certified | 2 certified consultants", "programme requirements and fees", EVERY),
    (PARTNERS, "| Premier | 5 certified consultants", "programme requirements and fees", EVERY),
    (PARTNERS, "5-day bootcamp", "programme terms", EVERY),
    (PARTNERS, "a partner since 2024", "a date", EVERY),
    (PARTNERS, "450 approved repairers", "a partner's size", EVERY),
    # calls: prospects' own numbers, logistics, prices and figures the KB backs
    (MAPLE, "forty-five minutes", "logistics", EVERY),
    (MAPLE, "hard stop at 2:30", "logistics", EVERY),
    (MAPLE, "48,000 auto claims", "the prospect's own situation", EVERY),
    (MAPLE, "Around 24 days", "the prospect's own situation", EVERY),
    (MAPLE, "median of nine days, down from 21", "motor-cycle-days-after and -before", EVERY),
    (MAPLE, "Nine days. On what kind", "the prospect repeating the rep", EVERY),
    (MAPLE, "about 140 open files each", "the prospect's own situation", EVERY),
    (MAPLE, "What does this cost for 70 seats", "the prospect's own situation", EVERY),
    (MAPLE, "CA$71,400 a year", "a price and its arithmetic", EVERY),
    (MAPLE, "median of seven months, and about 4.8 times", "payback-months and three-year-roi", EVERY),
    (MAPLE, "90-minute demo", "logistics", EVERY),
    (PROTEA, "keep it to half an hour", "logistics", EVERY),
    (PROTEA, "twelve thousand claims a month", "the prospect's own situation", EVERY),
    (PROTEA, "sixty five handlers between durban", "the prospect's own situation", EVERY),
    (PROTEA, "thirty eight percent of eligible claims", "stp-rate in words", EVERY),
    (PROTEA, "four point two million rand", "the Lionsgate story", EVERY),
    (PROTEA, "even a bit off three percent", "the prospect's own situation", EVERY),
    (PROTEA, "nine hundred and seventy five thousand rand", "a price and its arithmetic", EVERY),
    (PROTEA, "eight week pilot", "a term", EVERY),
    (PROTEA, "friday the second", "logistics", EVERY),
    (MERLION, "finish in 40 minutes", "logistics", EVERY),
    (MERLION, "about 90,000 travel and motor claims", "the prospect's own situation", EVERY),
    (MERLION, "around 14 working days", "the prospect's own situation and target", EVERY),
    (MERLION, "median of 9 days", "motor-cycle-days-after", EVERY),
    (MERLION, "99.95% uptime", "a commitment", EVERY),
    (MERLION, "S$110 per seat", "a price", EVERY),
    (MERLION, "median payback of 7 months", "payback-months", EVERY),
    (MERLION, "proposal for 120 seats", "logistics", EVERY),
    (MERLION, "24-page APAC whitepaper", "a document's length", EVERY),
    (KOWHAI, "eleven thousand claims", "the prospect's own situation", EVERY),
    (KOWHAI, "thirty percent more claims through the storm peak", "the Cormorant story", EVERY),
    (KOWHAI, "oh eight hundred number", "a phone number", EVERY),
    (KOWHAI, "median payback of seven months and four point eight", "payback-months and three-year-roi",
     EVERY),
    (KOWHAI, "median is about twelve weeks", "median-go-live-weeks (its staleness is optional above)",
     CLAIMS_NOT + ["source-conflict"]),
    (KOWHAI, "ninety five dollars a seat", "a price and its arithmetic", EVERY),
    (KOWHAI, "next tuesday at ten", "logistics", EVERY),
    (SHANNON, "still got the half hour", "logistics", EVERY),
    (SHANNON, "6,000 home and motor policies", "the prospect's own situation", EVERY),
    (SHANNON, "from 19 days to 11", "harbourline-cycle-before and -after, harbourline-lae-saving", EVERY),
    (SHANNON, "three people on the phones", "the prospect's own situation", but("unsupported-claim")),
    (SHANNON, "nine in ten claimants", "claimant-csat in words", EVERY),
    (SHANNON, "€75 a seat a month", "a price and a term", EVERY),
    (SHANNON, "only 18 in the office", "the prospect's own situation", EVERY),
    (SHANNON, "broker bundle from 10 seats", "a term", EVERY),
]

CHECK_EXPECTED: list[tuple[str, str, str, str, dict[str, Any]]] = [
    ("source-conflict", DBLOG, "Just 12% of claims are settled", "industry-stp-rate (12%) is the Ostrander "
     "survey's; the draft credits Pemberton", {"related": STP}),
    ("metric-conflict", DBLOG, "settle 45% of eligible claims", "stp-rate is 38%", {"related": STP}),
    ("unsupported-claim", DBLOG, "lose 1 in 5 working hours", "no approved entry states it", {}),
    ("metric-conflict", DMAIL, "payback on the subscription in about 4 months", "payback-months is a median "
     "of 7", {"related": PAYBACK}),
    ("stale-claim", DMAIL, "3.2x more suspicious claims", "only fraud-referral-lift backs it, and its source "
     "is from 2023", {"related": FRAUD}),
    ("retired-claim", DMAIL, "claimant NPS up by as much as 30 points", "claimant-nps-lift is retired",
     {"related": NPS}),
    ("metric-conflict", DLAND, "Close auto claims in 5 days", "motor-cycle-days-after is a median of 9 days "
     "('3 weeks' for the 21 before is fine)", {"related": CYCLE}),
    ("unsupported-claim", DLAND, "cut reopened claims by 22%", "no approved entry states reopened claims", {}),
    ("stale-claim", DLAND, "first line of business live is 12 weeks", "only median-go-live-weeks backs it, "
     "and its entry is overdue for review", {"related": IMPL}),
    ("metric-conflict", DPOSTS, "close in a median of 7 days", "motor-cycle-days-after is a median of 9 days",
     {"related": CYCLE}),
    ("retired-claim", DPOSTS, "Claimant NPS ⬆ up to 30 pts", "claimant-nps-lift is retired", {"related": NPS}),
    ("unsupported-claim", DPOSTS, "spend 3 hours a day on email", "no approved entry states it", {}),
]

CHECK_NEGATIVES: list[tuple[str, str, str, list[str]]] = [
    (DBLOG, "matters in 2027", "a year in a title", EVERY),
    (DBLOG, "handlers carry 35% more open claims", "handler-caseload-increase", EVERY),
    (DBLOG, "91% say they're satisfied", "claimant-csat", EVERY),
    (DBLOG, "## 3 things to get right", "a heading", EVERY),
    (DBLOG, "start at €1,500 for contents", "a setting", but("unsupported-claim")),
    (DBLOG, "within 10 minutes of lodgement", "a practice", but("unsupported-claim")),
    (DBLOG, "30-minute straight-through assessment", "an offer", EVERY),
    (DMAIL, "12 000 claims a month and 65 handlers", "the prospect's own situation; stp-rate", EVERY),
    (DMAIL, "it's 61% of glass claims", "the Lionsgate story", EVERY),
    (DMAIL, "found 27% less leakage", "leakage-reduction with its source", EVERY),
    (DMAIL, "8-week pilot on glass only", "an offer", EVERY),
    (DMAIL, "R50 000 for the pilot", "a price", EVERY),
    (DMAIL, "30 minutes next week", "logistics", EVERY),
    (DMAIL, "+27 21 555 0142", "a phone number", EVERY),
    (DLAND, "Trusted by 140+ insurers", "customer-count", EVERY),
    (DLAND, "value: \"38%\"", "stp-rate", EVERY),
    (DLAND, "value: \"27%\"", "leakage-reduction", EVERY),
    (DLAND, "value: \"4.6M\"", "claims-per-year", EVERY),
    (DLAND, "about 6 hours a week of admin", "handler-admin-hours-saved and handler-caseload-increase",
     but("unsupported-claim")),
    (DLAND, "From CA$85 per adjuster seat", "a price and a trial", EVERY),
    (DLAND, "Book a 30-minute demo", "logistics", EVERY),
    (DPOSTS, "# Social posts: week of 9 November 2026", "a heading", EVERY),
    (DPOSTS, "## Post 1 (LinkedIn, Mon 9 Nov", "a label", EVERY),
    (DPOSTS, "## Post 2 (LinkedIn, Wed 11 Nov", "a label", EVERY),
    (DPOSTS, "first six weeks were the hardest", "a quote", EVERY),
    (DPOSTS, "from 19 days to 11", "harbourline-cycle-before and -after", EVERY),
    (DPOSTS, "Claimant NPS ⬆ up to 30 pts", "leakage-reduction and payback-months, on the retired claim's line",
     ["metric-conflict", "stale-claim", "source-conflict"]),
    (DPOSTS, "26 November, 4–6pm", "logistics", but("unsupported-claim")),
]


def _line_of(base: Path, path: str, anchor: str) -> int:
    lines = (base / path).read_text(encoding="utf-8").splitlines()
    hits = [i for i, text in enumerate(lines, 1) if anchor in text]
    if len(hits) != 1:
        raise SystemExit(f"{path}: anchor {anchor!r} is on {len(hits)} lines {hits}, not on exactly one")
    return hits[0]


def _section(base: Path, rules: list[str], expected: list[tuple[str, str, str, str, dict[str, Any]]],
             negatives: list[tuple[str, str, str, list[str]]]) -> dict[str, Any]:
    out_expected: list[dict[str, Any]] = []
    label_lines: dict[tuple[str, str], set[int]] = {}
    for rule, path, anchor, note, extra in expected:
        if rule not in rules:
            raise SystemExit(f"{path}: {rule} is not scored here")
        label: dict[str, Any] = {"rule": rule, "path": path, "line": _line_of(base, path, anchor), "note": note}
        for key, value in extra.items():
            if key == "alt_lines_anchor":
                label["alt_lines"] = [_line_of(base, path, a) for a in value]
            elif key == "related":
                if not (HERE / "kb" / value).is_file():
                    raise SystemExit(f"{path}: related {value} does not exist")
                label["related"] = value
            else:
                label[key] = value
        lines = {label["line"], *label.get("alt_lines", [])}
        label_lines.setdefault((rule, path), set()).update(lines)
        out_expected.append(label)
    seen: set[tuple[str, int, str]] = set()
    for label in out_expected:
        key = (label["path"], label["line"], label["rule"])
        if key in seen:
            raise SystemExit(f"{key}: labelled twice")
        seen.add(key)
    out_negatives: list[dict[str, Any]] = []
    negative_lines: set[tuple[str, int]] = set()
    for path, anchor, note, neg_rules in negatives:
        line = _line_of(base, path, anchor)
        if (path, line) in negative_lines:
            raise SystemExit(f"{path}:{line}: two negatives on one line")
        negative_lines.add((path, line))
        kept = [r for r in neg_rules if r in rules]
        for rule in kept:
            near = [n for n in label_lines.get((rule, path), set()) if abs(n - line) <= 2]
            if near:
                raise SystemExit(f"{path}:{line} ({anchor!r}): a {rule} negative next to its label on {near}")
        out_negatives.append({"path": path, "line": line, "rules": kept, "note": note})
    return {"rules": rules, "expected": out_expected, "negatives": out_negatives}


def main() -> None:
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": _section(KB, AUDIT_RULES, AUDIT_EXPECTED, AUDIT_NEGATIVES),
        "check": _section(HERE, CHECK_RULES, CHECK_EXPECTED, CHECK_NEGATIVES),
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("audit", "check"):
        section = labels[name]
        required = sum(1 for e in section["expected"] if not e.get("optional"))
        print(f"{name}: {required} expected, {len(section['expected']) - required} optional, "
              f"{len(section['negatives'])} negatives", file=sys.stderr)


if __name__ == "__main__":
    main()
