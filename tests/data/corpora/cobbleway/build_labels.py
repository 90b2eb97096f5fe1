"""Build labels.json for the Cobbleway corpus from anchor strings.

Each label names a file and a string that occurs on exactly one line of it; this script turns the
anchors into line numbers and writes labels.json. Run it from any folder:

    python build_labels.py

A negative that lies within two lines of an expected finding of the same rule (its line or one of
its alt_lines) loses that rule, so that a finding reported a line or two off is never scored as a
false positive; the script prints each rule it drops.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from anchored_labels import CHECK_RULES, CLAIMS_NOT, FIGURE_RULES, expected, line_of  # noqa: E402

TODAY = "2026-11-01"
DRAFTS = ["drafts/blog-rfi-bottleneck.md", "drafts/email-sahyadri-followup.md", "drafts/landing-payments.md"]

# a registered figure restated correctly in an approved, fresh entry: nothing may fire
FINE = FIGURE_RULES
# a figure that is no claim of the company's (price, term, spec, date, the prospect's own number ...)
NOT_CLAIM = CLAIMS_NOT
CHECK_FINE = CHECK_RULES
CHECK_NOT_CLAIM = ["metric-conflict", "unsupported-claim", "retired-claim"]

RFI = "proof-points/rfi-turnaround.md"
PAY = "proof-points/payment-cycle.md"
COST = "proof-points/cost-variance.md"
DIARY = "proof-points/diary-completion.md"
GOLIVE = "proof-points/go-live.md"
DISPUTES = "proof-points/variation-disputes.md"
RETENTION = "proof-points/retention-release.md"
RETIRED = "proof-points/contract-value-saving.md"
MERU = "case-studies/meru-infra.md"
KWEZI = "case-studies/kwezi-build.md"
WHY = "messaging/why-cobbleway.md"

BRIXTON = "calls/2026-08-18-brixton-fitout.vtt"
SAHYADRI = "calls/2026-09-09-sahyadri-constructions.json"
UMHLANGA = "calls/2026-09-24-umhlanga-developments.json"
NORTHRIDGE = "calls/2026-10-14-northridge-builders.srt"

AUDIT_EXPECTED = [
    # metric-conflict: the KB disagrees with itself
    ("metric-conflict", WHY, "RFIs come back from the design team in 3 days",
     "message says RFIs come back in 3 days; rfi-turnaround-days is a 4-day median", {"related": RFI}),
    ("metric-conflict", "answers/implementation.md", "has its first project live 8 weeks",
     "answer says median go-live 8 weeks; median-go-live is 5 weeks", {"related": GOLIVE}),
    ("metric-conflict", "messaging/india-pitch.md", "Meru saves ₹8.1 crore a year",
     "pitch says Meru saves ₹8.1 crore a year; meru-annual-savings is ₹1.8 crore (digits swapped)",
     {"related": MERU}),
    ("metric-conflict", "website/event-buildtech-durban-2026.md", "saves R24 million a year",
     "event recap says Kwezi saves R24 million a year; kwezi-rework-savings is R 2,4 million "
     "(decimal comma read as a thousands separator)", {"related": KWEZI}),
    ("metric-conflict", "website/compare-spreadsheets.md", "| over 97% |",
     "comparison table says over 97% of diaries filed on the day; same-day-diaries is 94%", {"related": DIARY}),
    ("metric-conflict", "website/platform.md", '<Stat value="12 days"',
     "MDX stat says a 12-day average payment cycle; subcontractor-payment-days is 18 days (average)",
     {"related": PAY}),
    # source-conflict: the right figure, the wrong source
    ("source-conflict", "messaging/subcontractor-payments.md", "(CIDB Construction Monitor,",
     "18 days (subcontractor-payment-days) attributed to the CIDB Construction Monitor 2026; the metric "
     "comes from the 2026 Subcontractor Payment Study", {"related": PAY, "alt_lines_anchor": ["2026), against 47 days"]}),
    ("source-conflict", "blog/rework-is-a-data-problem.md", "cut unbudgeted cost variance by 31 per cent",
     "31% (cost-variance-reduction) attributed to the RICS 2026 Construction Technology Survey; the metric "
     "comes from the 2026 Cobbleway Site Operations Benchmark",
     {"related": COST, "alt_lines_anchor": ["According to the RICS 2026 Construction Technology Survey"]}),
    # stale-claim
    ("stale-claim", RETENTION, "reviewed: 2026-02-10",
     "reviewed 2026-02-10 with review_every 180d (canon.toml): review overdue since 2026-08-09; "
     "its claim is retention released 21 days sooner",
     {"severity": "warning", "alt_lines_anchor": ["value: 21", "21 days sooner on average"]}),
    ("stale-claim", DISPUTES, "date: 2023-09-30",
     "only source dated 2023-09-30, older than max_source_age 24m; disputed-variations-reduction 40% rests on it",
     {"severity": "warning", "alt_lines_anchor": ["value: 40", "see 40% fewer variations"]}),
    ("stale-claim", "messaging/migration-offer.md", "expires: 2026-09-30",
     "offer expired 2026-09-30 (severity error); its claims are the free migration of 20 projects worth £4,000",
     {"severity": "error", "alt_lines_anchor": ["we migrate up to 20 live projects", "service worth £4,000"]}),
    ("stale-claim", "blog/rework-is-a-data-problem.md", "rework eats 12 per cent",
     "figure cited to a 2021 study, older than max_source_age 24m, presented as current",
     {"alt_lines_anchor": ["A 2021 study by the Construction Industry Institute"]}),
    ("stale-claim", "blog/rework-is-a-data-problem.md", "80 per cent over budget",
     "figure cited to a 2017 McKinsey Global Institute report, older than max_source_age 24m",
     {"alt_lines_anchor": ["McKinsey Global Institute reckoned in 2017"]}),
    # unsourced-claim
    ("unsourced-claim", "messaging/india-pitch.md", "reportable site incidents by 22 per cent",
     "safety outcome with no source in the entry and no registered metric anywhere", {}),
    ("unsourced-claim", "press/2026-09-kwezi-expansion.md", "of 6 per cent of contract value",
     "customers recover 6% of contract value in missed variations: no source, no metric", {}),
    ("unsourced-claim", "website/release-notes-2026-10.md", "with 98.5% accuracy",
     "docket-reading accuracy with no source and no metric", {}),
    ("unsourced-claim", "messaging/india-pitch.md", "add 2 to 3 per",
     "market statement (subcontractors add 2-3% for late payment) with nothing behind it; a reviewer may "
     "read it as colour rather than a claim", {"optional": True}),
    # retired-claim
    ("retired-claim", "website/partners.md", "save 3% of contract value",
     "repeats contract-value-saving (3% of contract value), retired in May 2026", {"related": RETIRED}),
    ("retired-claim", BRIXTON, "save around three per cent of contract value",
     "rep repeats the retired 3% of contract value", {"related": RETIRED, "speaker": "Fiona Mercer"}),
    ("rep-misstatement", BRIXTON, "save around three per cent of contract value",
     "the same retired figure; a tool may report it as a misstatement too",
     {"related": RETIRED, "speaker": "Fiona Mercer", "optional": True}),
    # rep-misstatement
    ("rep-misstatement", BRIXTON, "live in three weeks",
     "rep says customers go live in three weeks; median-go-live is 5 weeks", {"related": GOLIVE, "speaker": "Fiona Mercer"}),
    ("rep-misstatement", SAHYADRI, "paid in 10 days on average",
     "rep says subcontractors are paid in 10 days on average; subcontractor-payment-days is 18",
     {"related": PAY, "speaker": "Aditi Kulkarni"}),
    ("rep-misstatement", UMHLANGA, "ninety nine percent of diaries",
     "rep says ninety-nine percent of diaries are done the same day; same-day-diaries is 94%",
     {"related": DIARY, "speaker": "Thabo Nkosi"}),
    ("rep-misstatement", NORTHRIDGE, "down by about 45% on average",
     "rep says unbudgeted cost variance falls about 45% on average; cost-variance-reduction is 31%",
     {"related": COST, "speaker": "Marc-André Tremblay"}),
    # unsupported-claim in calls
    ("unsupported-claim", SAHYADRI, "We have 60-plus integrations",
     "no approved entry states a number of integrations", {"speaker": "Ravi Shenoy"}),
    ("unsupported-claim", UMHLANGA, "support line answers in under two minutes",
     "no approved entry states a support answer time", {"speaker": "Thabo Nkosi"}),
    ("unsupported-claim", NORTHRIDGE, "over $2 billion in subcontractor payments",
     "no approved entry states payment volume through the platform", {"speaker": "Marc-André Tremblay"}),
]

AUDIT_NEGATIVES = [
    # proof points and case studies restating their own figures
    (RFI, "gets a response from the design team in 4 days", "states rfi-turnaround-days", FINE),
    (RFI, "their median was 11 days", "states rfi-turnaround-before-days", FINE),
    (RFI, "the 4 days is a median across the benchmark", "restates rfi-turnaround-days", FINE),
    (PAY, "an average of 18 days after", "states subcontractor-payment-days", FINE),
    (PAY, "averaged 47 days", "states subcontractor-payment-days-before", FINE),
    (PAY, "followed 212 contractors for twelve months", "the study's sample and window, not an outcome", NOT_CLAIM),
    (COST, "finish with 31% less unbudgeted cost variance", "states cost-variance-reduction", FINE),
    (DIARY, "94% of site diaries in Cobbleway", "states same-day-diaries", FINE),
    (GOLIVE, "running in Cobbleway 5 weeks after signing", "states median-go-live", FINE),
    (RETENTION, "Typical retention is 5 per cent", "contract term, not a claim", NOT_CLAIM),
    (RETIRED, "saves\n3% of contract value".split("\n")[1], "a retired entry quoting its own retired figure",
     ["retired-claim", "unsourced-claim", "metric-conflict", "stale-claim"]),
    (RETIRED, "on a ₹400 crore metro package", "illustration, not a claim", NOT_CLAIM),
    (MERU, "Meru now certifies RA bills in 12 days and saves ₹1.8 crore a year", "states meru-ra-bill-days and meru-annual-savings", FINE),
    (MERU, "certification took 38 days", "states meru-ra-bill-days-before", FINE),
    (MERU, "At ₹180 lakh a year", "₹180 lakh is ₹1.8 crore: meru-annual-savings in other words", FINE),
    (MERU, "about 1,900 staff and 11 live sites", "describes the customer, not an outcome", NOT_CLAIM),
    (MERU, "the first ten days of every month", "customer's quote about the old process", NOT_CLAIM),
    (KWEZI, "saves R 2,4 million a year on rework", "states kwezi-rework-savings and kwezi-sites", FINE),
    (KWEZI, "That conversation used to cost us a week", "customer's quote", NOT_CLAIM),
    (KWEZI, "compared the 2025 financial year", "method of the review", NOT_CLAIM),
    # messages
    (WHY, "More than 1,100 contractors", "states customer-count", FINE),
    (WHY, "certified and paid in 18 days on", "matches subcontractor-payment-days", FINE),
    (WHY, "average, against 47 before", "matches subcontractor-payment-days-before", FINE),
    (WHY, "31% less unbudgeted cost", "matches cost-variance-reduction", FINE),
    (WHY, "3 to 50 live sites", "target-customer definition, not a claim", NOT_CLAIM),
    (WHY, "between £20 million", "target-customer turnover band", NOT_CLAIM),
    (WHY, "₹150 crore to ₹5,000 crore", "target-customer turnover band in crore", NOT_CLAIM),
    ("messaging/india-pitch.md", "in 12 days now, not 38", "matches meru-ra-bill-days and its baseline", FINE),
    ("messaging/india-pitch.md", "five weeks after the order is placed", "matches median-go-live", FINE),
    ("messaging/india-pitch.md", "₹2,499 per user per month plus GST", "price", NOT_CLAIM),
    ("messaging/india-pitch.md", "section 194C", "tax provision", NOT_CLAIM),
    ("messaging/india-pitch.md", "add 2 to 3 per", "a mark-up range subcontractors add, not the retired 3% of contract value",
     ["retired-claim", "metric-conflict"]),
    ("messaging/auto-takeoff.md", "70 per cent faster", "draft entry: not canonical, not checked for sourcing or conflicts",
     ["unsourced-claim", "metric-conflict", "stale-claim", "retired-claim", "source-conflict"]),
    ("messaging/auto-takeoff.md", "within 2% of the final", "draft entry: not canonical",
     ["unsourced-claim", "metric-conflict", "stale-claim", "retired-claim", "source-conflict"]),
    # answers and objections
    ("answers/implementation.md", "A 90-minute kickoff", "meeting length", NOT_CLAIM),
    ("answers/implementation.md", "Two half-days", "what the customer gives, not a claim", NOT_CLAIM),
    ("answers/implementation.md", "read-only for 12 months", "term", NOT_CLAIM),
    ("answers/pricing.md", "costs £975 a month", "worked arithmetic: 25 users x £39", NOT_CLAIM),
    ("answers/pricing.md", "saves ₹1.8 crore a year in billing effort", "matches meru-annual-savings", FINE),
    ("objections/pricing.md", "4 per cent margins", "prospect's phrasing", NOT_CLAIM),
    ("objections/pricing.md", "2 lakh a month", "prospect's phrasing", NOT_CLAIM),
    ("objections/implementation-time.md", "three projects going to site", "prospect's phrasing", NOT_CLAIM),
    # foreign pages
    ("website/pricing.md", "£39 per user per month", "price and VAT rate", NOT_CLAIM),
    ("website/pricing.md", "plus 18% GST", "price and GST rate", NOT_CLAIM),
    ("website/pricing.md", "R 690 per user per month", "price and VAT rate", NOT_CLAIM),
    ("website/pricing.md", "CA$62 per user per month", "price", NOT_CLAIM),
    ("website/pricing.md", "99.9% monthly uptime commitment", "contractual commitment with service credits, not a performance claim", NOT_CLAIM),
    ("website/pricing.md", "get 2 months free", "discount", NOT_CLAIM),
    ("website/pricing.md", "further 10% off", "discount", NOT_CLAIM),
    ("website/pricing.md", "25% off Professional", "discount and CIDB grades", NOT_CLAIM),
    ("website/pricing.md", "200 site users are free", "plan limit and prices", NOT_CLAIM),
    ("website/pricing.md", "30 days' notice", "term", NOT_CLAIM),
    ("website/pricing.md", "From 100 office users", "plan threshold", NOT_CLAIM),
    ("website/platform.md", '<Stat value="4 days"', "matches rfi-turnaround-days", FINE),
    ("website/platform.md", '<Stat value="1,100+"', "matches customer-count", FINE),
    ("website/platform.md", "We save R2.4m a year on rework", "matches kwezi-rework-savings", FINE),
    ("website/trust.md", "ISO/IEC 27001:2022", "standard name", NOT_CLAIM),
    ("website/trust.md", "TLS 1.2 or higher", "specification", NOT_CLAIM),
    ("website/trust.md", "backed up every 6 hours", "specification", NOT_CLAIM),
    ("website/trust.md", "within 1 hour, 24/7", "response window", NOT_CLAIM),
    ("website/trust.md", "within 4 business hours", "response window", NOT_CLAIM),
    ("website/trust.md", "within 72 hours", "legal notification window", NOT_CLAIM),
    ("blog/rework-is-a-data-problem.md", "rose 7.3 per cent", "cited to Statistics South Africa's 2025 figures: in date, sourced",
     ["stale-claim", "unsourced-claim", "metric-conflict", "retired-claim"]),
    ("blog/rework-is-a-data-problem.md", "answered in 4 days, against 11 before", "matches rfi-turnaround-days and its baseline", FINE),
    ("blog/rework-is-a-data-problem.md", "R 2,4 million a year less rework across 14", "matches kwezi-rework-savings and kwezi-sites", FINE),
    ("blog/rework-is-a-data-problem.md", "in 10 minutes, standing up", "advice, not a claim", NOT_CLAIM),
    ("press/2026-09-kwezi-expansion.md", "8 September 2026", "dateline", NOT_CLAIM),
    ("press/2026-09-kwezi-expansion.md", "all 14 of its active sites", "matches kwezi-sites", FINE),
    ("press/2026-09-kwezi-expansion.md", "Kwezi reports saving R 2,4 million", "matches kwezi-rework-savings", FINE),
    ("press/2026-09-kwezi-expansion.md", "used by more than 1,100 contractors", "matches customer-count", FINE),
    ("press/2026-09-kwezi-expansion.md", "of 6 per cent of contract value",
     "variations recovered, a different measure from the retired saving of 3% of contract value",
     ["retired-claim", "metric-conflict"]),
    ("press/2026-09-kwezi-expansion.md", "Founded in Pune in 2017", "company history", NOT_CLAIM),
    ("press/2026-09-kwezi-expansion.md", "+27 21 555 0142", "phone number", NOT_CLAIM),
    ("press/2026-09-kwezi-expansion.md", "sceptical for about a week", "customer's quote", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "(version 5.14)", "version number in a heading", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "up to 500 photos", "product limit", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "CIS300", "form name", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "standard cost codes in the NRM 2 template", "count of cost codes and a standard's name", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "up to 10,000 rows (was 2,000)", "product limit", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "Retention above 10% was rounded", "bug description", NOT_CLAIM),
    ("website/release-notes-2026-10.md", "Android 10 or later", "system requirements", NOT_CLAIM),
    ("website/careers.md", "about 140 people", "headcount on a careers page", NOT_CLAIM),
    ("website/careers.md", "spends 2 days on a customer's site", "onboarding practice", NOT_CLAIM),
    ("website/careers.md", "26 weeks of fully paid parental leave", "benefit", NOT_CLAIM),
    ("website/careers.md", "₹60,000 / R 15,000", "benefit amounts", NOT_CLAIM),
    ("website/careers.md", "3 days a week in the office", "working pattern", NOT_CLAIM),
    ("website/careers.md", "₹28–40 LPA", "salary band", NOT_CLAIM),
    ("website/careers.md", "R 620 000 – R 780 000", "salary band", NOT_CLAIM),
    ("website/careers.md", "£55,000 base", "salary", NOT_CLAIM),
    ("website/careers.md", "within 10 working days", "reply window", NOT_CLAIM),
    ("website/partners.md", "20% of the first year's subscription", "partner commission", NOT_CLAIM),
    ("website/partners.md", "5 demo projects", "what partners get", NOT_CLAIM),
    ("website/partners.md", "first 30 days", "programme term", NOT_CLAIM),
    ("website/partners.md", "at least 5 live customers", "tier threshold", NOT_CLAIM),
    ("website/compare-spreadsheets.md", "| Median RFI response | 11 days | 4 days |", "matches rfi-turnaround-days and its baseline", FINE),
    ("website/compare-spreadsheets.md", "| 47 days on average | 18 days on average |", "matches subcontractor-payment-days and its baseline", FINE),
    ("website/compare-spreadsheets.md", "| baseline | 31% lower on average |", "matches cost-variance-reduction", FINE),
    ("website/compare-spreadsheets.md", "| 5 weeks (median) |", "matches median-go-live", FINE),
    ("website/compare-spreadsheets.md", "| from £39 per office user per month |", "price", NOT_CLAIM),
    ("website/compare-spreadsheets.md", "The 60% for spreadsheets", "the baseline explained in the page; no metric to conflict with",
     ["metric-conflict", "retired-claim"]),
    ("website/event-buildtech-durban-2026.md", "420 delegates", "event logistics", NOT_CLAIM),
    ("website/event-buildtech-durban-2026.md", "from 16 to 18 June", "event dates", NOT_CLAIM),
    ("website/event-buildtech-durban-2026.md", "14 live demos", "event activity count", NOT_CLAIM),
    ("website/event-buildtech-durban-2026.md", "drew 180 people", "attendance", NOT_CLAIM),
    ("website/event-buildtech-durban-2026.md", "9 to 11 March 2027", "next event's dates", NOT_CLAIM),
    ("help/raising-an-rfi.md", "1. Open the project", "step number", NOT_CLAIM),
    ("help/raising-an-rfi.md", "The default is 5 working days", "product setting", NOT_CLAIM),
    ("help/raising-an-rfi.md", "up to 20 attachments, each up to 25 MB", "product limits", NOT_CLAIM),
    ("help/raising-an-rfi.md", "reminder 2 working days before", "product behaviour", NOT_CLAIM),
    ("help/raising-an-rfi.md", "RFI-001, RFI-002", "numbering example", NOT_CLAIM),
    # calls
    (BRIXTON, "about forty minutes before Chloe", "prospect, logistics", NOT_CLAIM),
    (BRIXTON, "sixty RFIs a month", "prospect's own volumes", NOT_CLAIM),
    (BRIXTON, "comes back in four days, against eleven before", "matches rfi-turnaround-days and its baseline", FINE),
    (BRIXTON, "about ninety subcontractors", "prospect's own figures", NOT_CLAIM),
    (BRIXTON, "fifty's not unusual", "rep echoes the prospect's fifty days, then states subcontractor-payment-days 18 and baseline 47", FINE),
    (BRIXTON, "forty-two million last year", "prospect's turnover", NOT_CLAIM),
    (BRIXTON, "Thirty-nine pounds per office user", "price and seat estimate", NOT_CLAIM),
    (BRIXTON, "next Thursday at ten", "scheduling", NOT_CLAIM),
    (SAHYADRI, "we are doing nine sites", "prospect's own figures", NOT_CLAIM),
    (SAHYADRI, "Around 240 subcontractors", "prospect's own figures", NOT_CLAIM),
    (SAHYADRI, "takes 45 days to certify, sometimes 60", "prospect's own figures", NOT_CLAIM),
    (SAHYADRI, "They were at 38 days, and now they certify RA bills in 12 days.", "matches meru-ra-bill-days and its baseline", FINE),
    (SAHYADRI, "save about 1.8 crore a year", "matches meru-annual-savings", FINE),
    (SAHYADRI, "they have 11 live sites", "customer description from the case study", NOT_CLAIM),
    (SAHYADRI, "1 per cent or 2 per cent", "TDS rates", NOT_CLAIM),
    (SAHYADRI, "GST at 18 per cent", "GST rate", NOT_CLAIM),
    (SAHYADRI, "2,499 rupees per office user", "price", NOT_CLAIM),
    (SAHYADRI, "it is about 75,000 a month", "prospect's arithmetic", NOT_CLAIM),
    (SAHYADRI, "Yes, 74,970 a month", "worked arithmetic: 30 x ₹2,499", NOT_CLAIM),
    (SAHYADRI, "usually live in about five weeks", "matches median-go-live", FINE),
    (SAHYADRI, "Thursday, 11 am", "scheduling", NOT_CLAIM),
    (UMHLANGA, "maybe half an hour", "prospect, logistics", NOT_CLAIM),
    (UMHLANGA, "running about twelve sites", "rep restating the prospect's own number", NOT_CLAIM),
    (UMHLANGA, "we pay our subbies at about sixty days", "prospect's own figure", NOT_CLAIM),
    (UMHLANGA, "eighteen days from forty seven days", "matches subcontractor-payment-days and its baseline", FINE),
    (UMHLANGA, "thirty one percent less unbudgeted", "matches cost-variance-reduction and kwezi-rework-savings (two comma four million rand)", FINE),
    (UMHLANGA, "the median is about five weeks", "matches median-go-live", FINE),
    (UMHLANGA, "six hundred and ninety rand", "price", NOT_CLAIM),
    (UMHLANGA, "eight office users", "prospect's arithmetic", NOT_CLAIM),
    (UMHLANGA, "five thousand five hundred and twenty plus vat", "worked arithmetic (8 x R690) and customer-count", FINE),
    (UMHLANGA, "lekker um next tuesday at two", "scheduling", NOT_CLAIM),
    (NORTHRIDGE, "about 25 active projects", "prospect's own figures", NOT_CLAIM),
    (NORTHRIDGE, "took eight months", "prospect's own history", NOT_CLAIM),
    (NORTHRIDGE, "35 subs on the Laval job", "prospect's own figures", NOT_CLAIM),
    (NORTHRIDGE, "turnaround is 4 days, down from 11", "matches rfi-turnaround-days and its baseline", FINE),
    (NORTHRIDGE, "It's 10% under the Construction Act", "prospect, statutory holdback", NOT_CLAIM),
    (NORTHRIDGE, "28 days from a proper invoice", "statutory prompt-payment period", NOT_CLAIM),
    (NORTHRIDGE, "About 94% of diaries", "matches same-day-diaries", FINE),
    (NORTHRIDGE, "CA$62 per office user", "price and plan threshold", NOT_CLAIM),
    (NORTHRIDGE, "five weeks from signing", "matches median-go-live", FINE),
    (NORTHRIDGE, "October 21 at 1 works", "scheduling", NOT_CLAIM),
]

BLOG = "drafts/blog-rfi-bottleneck.md"
EMAIL = "drafts/email-sahyadri-followup.md"
LANDING = "drafts/landing-payments.md"

CHECK_EXPECTED = [
    ("metric-conflict", BLOG, "RFIs are answered in 2 days",
     "says RFIs answered in 2 days; rfi-turnaround-days is a 4-day median", {"related": RFI}),
    ("stale-claim", BLOG, "see 40% fewer of them",
     "40% fewer disputed variations: only proof-points/variation-disputes backs it, and its source is older than 24 months",
     {"related": DISPUTES}),
    ("unsupported-claim", BLOG, "2.3 million site photos",
     "no approved entry states a photo volume", {}),
    ("metric-conflict", EMAIL, "from 38 days to 15 days",
     "says Meru certifies RA bills in 15 days; meru-ra-bill-days is 12", {"related": MERU}),
    ("retired-claim", EMAIL, "save about 3% of contract value",
     "repeats the retired contract-value-saving (3%)", {"related": RETIRED}),
    ("unsupported-claim", EMAIL, "more than 300 Indian contractors",
     "no approved entry states how many Indian contractors were onboarded in 2026", {}),
    ("metric-conflict", LANDING, "in 14 days on average, not 47",
     "front matter description says 14 days on average; subcontractor-payment-days is 18 (the H1 says 18)",
     {"related": PAY}),
    ("stale-claim", LANDING, "released 21 days sooner",
     "only proof-points/retention-release backs 21 days, and its review is overdue", {"related": RETENTION}),
    ("unsupported-claim", LANDING, "R 1,2 billion",
     "no approved entry states payment-claim volume", {}),
    ("metric-conflict", LANDING, "goes live in 6 weeks (median)",
     "says median go-live 6 weeks; median-go-live is 5 weeks", {"related": GOLIVE}),
]

CHECK_NEGATIVES = [
    (BLOG, "## 3 reasons RFIs stall", "heading with a count", CHECK_NOT_CLAIM),
    (BLOG, "1. Nobody owns them.", "list number", CHECK_NOT_CLAIM),
    (BLOG, "waited a median of 11 days", "matches rfi-turnaround-before-days", CHECK_FINE),
    (BLOG, "due date is 5 working days", "product setting", CHECK_NOT_CLAIM),
    (BLOG, "finish with 31 per cent less", "matches cost-variance-reduction", CHECK_FINE),
    (BLOG, "certifies its RA bills in 12 days now", "matches meru-ra-bill-days", CHECK_FINE),
    (BLOG, "₹180 lakh a year", "₹180 lakh is meru-annual-savings (₹1.8 crore)", CHECK_FINE),
    (BLOG, "R 2,4 million a year on rework across its 14 sites", "matches kwezi-rework-savings and kwezi-sites", CHECK_FINE),
    (EMAIL, "running 9 sites with around 240 subcontractors", "prospect's own figures", CHECK_NOT_CLAIM),
    (EMAIL, "takes 45 to 60 days today", "prospect's own figures", CHECK_NOT_CLAIM),
    (EMAIL, "TDS at 1% or 2%", "tax rates", CHECK_NOT_CLAIM),
    (EMAIL, "first project live in about 5 weeks", "matches median-go-live", CHECK_FINE),
    (EMAIL, "₹1.8 crore per annum", "matches meru-annual-savings", CHECK_FINE),
    (EMAIL, "30 office users x ₹2,499 = ₹74,970", "price and worked arithmetic", CHECK_NOT_CLAIM),
    (EMAIL, "Thursday at 11 am", "scheduling", CHECK_NOT_CLAIM),
    (EMAIL, "+91 20 5555 0187", "phone number", CHECK_NOT_CLAIM),
    (LANDING, "# Pay your subbies in 18 days, not 47", "matches subcontractor-payment-days and its baseline", CHECK_FINE),
    (LANDING, "in 12 days, down from 38", "matches meru-ra-bill-days and its baseline", CHECK_FINE),
    (LANDING, "Kwezi Build saves R 2,4 million", "matches kwezi-rework-savings", CHECK_FINE),
    (LANDING, "From £39 per office user", "price", CHECK_NOT_CLAIM),
]


def near(line: int, item: dict) -> bool:
    return any(abs(line - x) <= 2 for x in (item["line"], *item.get("alt_lines", [])))


def negatives(items, base: Path, found):
    out = []
    for rel, anchor, note, rules in items:
        line = line_of(base / rel, anchor, HERE)
        exact = [e for e in found if e["path"] == rel and e["rule"] in rules and not e.get("optional")
                 and line in (e["line"], *e.get("alt_lines", []))]
        if exact:
            raise SystemExit(f"{rel}:{line} is both a negative and an expected {exact[0]['rule']}")
        close = {e["rule"] for e in found if e["path"] == rel and e["rule"] in rules and near(line, e)}
        if close:
            print(f"  {rel}:{line}: near an expected {', '.join(sorted(close))}; rule dropped from the negative")
        kept = [r for r in rules if r not in close]
        if kept:
            out.append({"path": rel, "line": line, "rules": kept, "note": note})
    return out


def main() -> None:
    kb = HERE / "kb"
    audit = expected(AUDIT_EXPECTED, kb, HERE)
    check = expected(CHECK_EXPECTED, HERE, HERE)
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": {"rules": FIGURE_RULES, "expected": audit, "negatives": negatives(AUDIT_NEGATIVES, kb, audit)},
        "check": {"rules": CHECK_RULES, "expected": check, "negatives": negatives(CHECK_NEGATIVES, HERE, check)},
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    req = [e for e in audit if not e.get("optional")]
    print(f"audit: {len(req)} expected (+{len(audit) - len(req)} optional), {len(labels['audit']['negatives'])} negatives; "
          f"check: {len(check)} expected, {len(labels['check']['negatives'])} negatives")


if __name__ == "__main__":
    main()
