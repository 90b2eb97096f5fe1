"""Write labels.json from the labels below, each a file and an anchor string on one line of it
(``../anchored_labels.py`` turns them into line numbers, so the labels follow the text).

    python3 build_labels.py        # from this folder
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from anchored_labels import CLAIMS_NOT, write_labels  # noqa: E402

PP = "proof-points/"
TIME, ERRORS, PENALTIES, ONBOARD = PP + "payroll-time.md", PP + "errors.md", PP + "penalties.md", PP + "onboarding.md"
CUSTOMERS, ROI, HR, FILING = PP + "customers.md", PP + "roi.md", PP + "hr-time.md", PP + "filing.md"
HARROW = "case-studies/harrow-care.md"
POS, UK, YEAREND = "messaging/positioning.md", "messaging/uk-ireland.md", "messaging/year-end-draft.md"
PRICING, FAQ = "answers/pricing.md", "answers/faq.md"
OBJ_PRICE, OBJ_SWITCH = "objections/price.md", "objections/mid-year-switch.md"
KETTLE, MERIDALE = "customers/kettle-lane-brewing.md", "customers/meridale-academy-trust.md"
BLOG, REPORT, EVENT = "blog/payroll-errors-2026.md", "reports/brightfold-study-summary.md", "events/payroll-summit-2026.md"
COMPARE, TRUST, CHANGES = "compare/quillpay-vs-spreadsheets.md", "trust/security.md", "changelog/2026-10.md"
CAREERS, PARTNERS, PRESS = "careers/index.md", "partners/accountants.md", "press/2026-05-12-series-b.md"
BRACK, COPPER = "calls/2026-09-08-brackenfield.vtt", "calls/2026-09-17-copperline.json"
KAROO, TASMAN, HOLLIS = ("calls/2026-10-02-karoo-asr.json", "calls/2026-10-14-tasman-asr.srt",
                         "calls/2026-10-21-hollis.txt")
D_BLOG, D_POSTS, D_EMAIL, D_LAND = ("drafts/blog-year-end-checklist.md", "drafts/linkedin-posts.md",
                                    "drafts/email-uk-care.md", "drafts/landing-page.md")
EVERY = CLAIMS_NOT + ["stale-claim", "source-conflict"]
# for figures whose unsourced-claim label is optional: every other rule stays a false positive
NOT_UNSOURCED = [r for r in EVERY if r != "unsourced-claim"]

# (rule, path, anchor, note, extra fields)
AUDIT_EXPECTED = [
    # metric-conflict: KB against KB
    ("metric-conflict", POS, "get back 12 hours a week", "hr-admin-hours-saved is 9 hours a week", {"related": HR}),
    ("metric-conflict", UK, "down by nine-tenths", "nine-tenths is 90%; payroll-error-reduction is 82%",
     {"related": ERRORS}),
    ("metric-conflict", UK, "under a quarter of an hour", "under 15 minutes; payroll-run-minutes is a median of 25",
     {"related": TIME}),
    ("metric-conflict", PRICING, "pays for itself within a quarter", "a quarter is 3 months; payback-months is a "
     "median of 7", {"related": ROI}),
    ("metric-conflict", COMPARE, "| Payback ", "4 months in a comparison table; payback-months is a median of 7",
     {"related": ROI}),
    # source-conflict: a registered figure credited to someone else
    ("source-conflict", BLOG, "with an error at 20%", "industry-error-rate (20%) comes from the Payroll "
     "Professionals Forum 2025 survey; here Harcourt Research is credited",
     {"related": ERRORS, "alt_lines_anchor": ["Harcourt Research puts the share"]}),
    ("source-conflict", COMPARE, "Forrand Group found a 5.3x ROI", "roi-multiple 5.3x comes from the Brightfold "
     "study, not Forrand Group", {"related": ROI}),
    # stale-claim (24m before 2026-11-01 is 2024-11-01)
    ("stale-claim", PENALTIES, "date: 2023-09-30", "penalty-reduction rests on its only source, dated 2023-09-30",
     {"alt_lines_anchor": ["value: 64", "received 64% fewer", "# 64% fewer late-filing"]}),
    ("stale-claim", BLOG, "found that 49%", "'A 2021 study by the Institute of Payroll Administrators'",
     {"alt_lines_anchor": ["of employees would start looking"]}),
    ("stale-claim", BLOG, "£1,140 per error", "its footnote cites a study of March 2022",
     {"alt_lines_anchor": ["penalties are added up.[^1]", "[^1]: Chartered Payroll Council"]}),
    # unsourced-claim: approved entries, outcome figures with no source and no metric
    ("unsourced-claim", POS, "fill open roles 11 days faster", "a hiring outcome: the message has no sources and "
     "no metric says it", {}),
    ("unsourced-claim", UK, "30% more clients per payroll officer", "a bureau productivity outcome with nothing "
     "behind it", {}),
    ("unsourced-claim", FAQ, "live in 10 days", "time to go live: no source, no metric", {}),
    ("unsourced-claim", PARTNERS, "clients 3x faster", "an onboarding outcome for partners with nothing behind it",
     {}),
    ("unsourced-claim", PRESS, "estimated £1.3 billion", "an industry statistic in a press release: the company "
     "is not its source and none is named", {}),
    # retired-claim (calls)
    ("retired-claim", COPPER, "up to 70% faster", "onboarding-time-reduction (up to 70%) is retired",
     {"related": ONBOARD, "speaker": "Marcus Bell"}),
    ("retired-claim", TASMAN, "seventy percent faster", "onboarding-time-reduction is retired; raw ASR text",
     {"related": ONBOARD, "speaker": "Liam Ward"}),
    # rep-misstatement
    ("rep-misstatement", BRACK, "around ninety per cent", "payroll-error-reduction is 82%",
     {"related": ERRORS, "speaker": "Fiona Doyle"}),
    ("rep-misstatement", COPPER, "payback in about three months", "payback-months is a median of 7",
     {"related": ROI, "speaker": "Marcus Bell"}),
    ("rep-misstatement", KAROO, "one point five million employees", "employees-paid is about 1.1 million",
     {"related": CUSTOMERS, "speaker": "Thandiwe Nkosi"}),
    ("rep-misstatement", TASMAN, "drop by half with us", "by half is 50%; payroll-error-reduction is 82%",
     {"related": ERRORS, "speaker": "Liam Ward"}),
    # unsupported-claim (calls)
    ("unsupported-claim", BRACK, "4.8 out of 5", "no approved entry states a review rating",
     {"speaker": "Fiona Doyle"}),
    ("unsupported-claim", COPPER, "about 2% off", "no approved entry states a workers' comp saving",
     {"speaker": "Marcus Bell"}),
    ("unsupported-claim", KAROO, "about forty percent for the hr team", "no approved entry states admin time in "
     "percent (hr-admin-hours-saved is 9 hours a week)", {"speaker": "Thandiwe Nkosi"}),
    ("unsupported-claim", HOLLIS, "about 15% in the first year", "no approved entry states staff turnover",
     {"speaker": "Dana Kowalski"}),
    # optional: a reviewer could go either way
    ("unsourced-claim", POS, "get back 12 hours a week", "the conflicting figure may also be read as unbacked",
     {"optional": True}),
    ("unsourced-claim", UK, "down by nine-tenths", "as above", {"optional": True}),
    ("unsourced-claim", UK, "under a quarter of an hour", "as above", {"optional": True}),
    ("unsourced-claim", KETTLE, "two days to three hours", "a customer story with no sources and no note",
     {"optional": True}),
    ("unsourced-claim", KETTLE, "dropped 40%", "as above", {"optional": True}),
    ("unsourced-claim", KETTLE, "went live in 12 days", "as above", {"optional": True}),
    ("unsourced-claim", CHANGES, "3x faster", "the company's own measurement of its release", {"optional": True}),
    ("unsourced-claim", EVENT, "suggested about 70%", "a show of hands in the room: its own, weak, source",
     {"optional": True}),
    ("unsourced-claim", PARTNERS, "600+ accounting practices", "the company's own partner count, no metric",
     {"optional": True}),
    ("stale-claim", HOLLIS, "by 64% for customers", "a rep quoting the figure only the stale entry backs",
     {"optional": True, "speaker": "Dana Kowalski", "related": PENALTIES}),
]

AUDIT_NEGATIVES = [
    # proof points on their own metrics
    (TIME, "We timed 214 payroll runs", "sample and method", EVERY),
    (TIME, "took 25 minutes", "payroll-run-minutes", CLAIMS_NOT),
    (TIME, "6 hours per run", "payroll-run-hours-before", CLAIMS_NOT),
    (TIME, "more than 1,000 employees were excluded", "method", EVERY),
    (ERRORS, "fell by 82% on average", "payroll-error-reduction", CLAIMS_NOT),
    (ERRORS, "one in five payroll runs in the wider market", "industry-error-rate with its own source", EVERY),
    (ERRORS, "survey of 1,150 payroll managers", "sample size", EVERY),
    (ONBOARD, "from a pilot with 4 customers", "the retired entry on itself", EVERY),
    (ONBOARD, "# Onboard new hires up to 70% faster", "a retired entry quoting its own figure", EVERY),
    (CUSTOMERS, "More than 14,000 employers in the UK", "employer-count", CLAIMS_NOT),
    (CUSTOMERS, "about 1.1 million employees", "employees-paid", CLAIMS_NOT),
    (ROI, "composite organisation of 450", "the model's input", EVERY),
    (ROI, "5.3x return over three years, with a median payback", "roi-multiple and payback-months", CLAIMS_NOT),
    (HR, "We surveyed 640 HR administrators", "sample size", EVERY),
    (HR, "saved 9 hours a week", "hr-admin-hours-saved", CLAIMS_NOT),
    (FILING, "99.7% of the 2.4 million", "on-time-filing-rate; the filing count is scope", CLAIMS_NOT),
    # case study
    (HARROW, "31 care homes", "the customer's size", EVERY),
    (HARROW, "team of 6 four working days", "harrow-payroll-days-before", CLAIMS_NOT),
    (HARROW, "September 2025 it takes one", "harrow-payroll-days-after", CLAIMS_NOT),
    (HARROW, "saves £180,000 a", "harrow-overpayment-savings", CLAIMS_NOT),
    (HARROW, "4 homes in the first month", "a rollout", EVERY),
    # messages
    (POS, "2 to 5,000 people", "the product's range", EVERY),
    (POS, "## 3 things", "a heading", EVERY),
    (POS, "median of 25 minutes, down from 6 hours", "payroll-run-minutes and -hours-before", CLAIMS_NOT),
    (POS, "fall by 82% on average", "payroll-error-reduction", CLAIMS_NOT),
    (POS, "Trusted by more than 14,000 employers", "employer-count", CLAIMS_NOT),
    (POS, "99.7% of statutory filings", "on-time-filing-rate", CLAIMS_NOT),
    (POS, "onboard up to 70% faster", "the retired figure named as retired", EVERY),
    (UK, "in a day instead of four", "harrow-payroll-days and harrow-overpayment-savings (£180k)", CLAIMS_NOT),
    (UK, "99.7 per cent", "on-time-filing-rate", CLAIMS_NOT),
    (UK, "minimum contributions are 8%", "a regulation", EVERY),
    (UK, "at least 3% comes from the employer", "a regulation", EVERY),
    (YEAREND, "cut year-end prep by 75%", "a draft entry is not canonical", EVERY),
    # answers and objections
    (PRICING, "£6 in the UK", "prices", EVERY),
    (PRICING, "monthly minimum of £49", "a minimum and a discount", EVERY),
    (PRICING, "30-day free trial", "a trial and a setup threshold", EVERY),
    (PRICING, "At 6 hours a run", "calculation inputs", EVERY),
    (PRICING, "at 25 minutes it is 10 hours", "calculation inputs and the worked result", EVERY),
    (PRICING, "Brightfold found a 5.3x return", "roi-multiple, with the study named", CLAIMS_NOT),
    (FAQ, "Up to 40 pay schedules", "a product limit", EVERY),
    (FAQ, "99.95% a month", "a contract commitment", EVERY),
    (FAQ, "Six years by default", "a retention period and regulations", EVERY),
    (FAQ, "answers within 2", "a support commitment", EVERY),
    (FAQ, "8am to 8pm", "support hours", EVERY),
    (OBJ_PRICE, "£3 a head", "a prospect's phrasing", EVERY),
    (OBJ_PRICE, "flat 200 a month", "a prospect's phrasing", EVERY),
    (OBJ_PRICE, "median payback of 7 months", "payback-months", CLAIMS_NOT),
    (OBJ_SWITCH, "up to 5 years of history", "a product limit", EVERY),
    # customer stories
    (KETTLE, "85 people across 3 taprooms", "the customer's size", EVERY),
    (KETTLE, "every second Thursday", "a quote about the old routine", EVERY),
    (KETTLE, "two days to three hours", "one customer's figure, not the median run time", NOT_UNSOURCED),
    (KETTLE, "dropped 40%", "one customer's figure", NOT_UNSOURCED),
    (KETTLE, "went live in 12 days", "one customer's go-live", NOT_UNSOURCED),
    (MERIDALE, "14 schools and 1,900 staff", "the customer's size", EVERY),
    (MERIDALE, "summer term of 2025", "a date", EVERY),
    (MERIDALE, "# One payroll for 14 schools", "a heading", EVERY),
    (MERIDALE, "value=\"£240k\"", "sourced by the note under the story", CLAIMS_NOT),
    (MERIDALE, "value=\"2 days\"", "sourced by the note under the story", CLAIMS_NOT),
    (MERIDALE, "fell by 71%", "sourced by the note under the story", CLAIMS_NOT),
    (MERIDALE, "closes on the 20th", "dates of the month", EVERY),
    (MERIDALE, "closed payroll two days sooner", "front-matter description of the sourced story", CLAIMS_NOT),
    # articles and pages
    (BLOG, "One in five payroll runs contains", "industry-error-rate, cited (Payroll Professionals Forum, 2025)",
     EVERY),
    (BLOG, "reading_time: 7", "front matter", EVERY),
    (BLOG, "| Missed or wrong overtime | 31% |", "a table with a Source: line under it", EVERY),
    (BLOG, "| Leavers paid after", "a table with a Source: line under it", EVERY),
    (BLOG, "| Wrong tax code", "a table with a Source: line under it", EVERY),
    (BLOG, "| Manual keying", "a table with a Source: line under it", EVERY),
    (BLOG, "see 82% fewer errors", "payroll-error-reduction", CLAIMS_NOT),
    (BLOG, "26 fortnightly payrolls", "calculation inputs", EVERY),
    (BLOG, "5 correction runs", "the worked result", EVERY),
    (REPORT, "A 5.3x return on investment", "roi-multiple under a section titled by its source", EVERY),
    (REPORT, "A median payback of 7 months", "payback-months", EVERY),
    (REPORT, "74% less time on corrections", "under the section 'What Brightfold found'", EVERY),
    (REPORT, "interviewed 11 customers", "sample size and range", EVERY),
    (REPORT, "organisation of 450", "the model's input", EVERY),
    (REPORT, "38 pages", "a document length", EVERY),
    (EVENT, "300 payroll and HR leaders", "attendance and logistics", EVERY),
    (EVENT, "Keynote (9:30)", "a time and a threshold", EVERY),
    (EVENT, "suggested about 70%", "a poll, not the retired onboarding figure", NOT_UNSOURCED),
    (EVENT, "from 40 to 4,000 employees", "panellists' sizes", EVERY),
    (EVENT, "available for 90 days", "logistics and a date", EVERY),
    (COMPARE, "| Time to run payroll", "payroll-run-minutes and -hours-before", CLAIMS_NOT),
    (COMPARE, "| Payroll errors", "payroll-error-reduction and industry-error-rate", CLAIMS_NOT),
    (COMPARE, "| Pay schedules", "a product limit", EVERY),
    (COMPARE, "30-day trial", "a trial", EVERY),
    (TRUST, "renewed every 12 months", "a certification cycle", EVERY),
    (TRUST, "27001:2022", "a standard's name", EVERY),
    (TRUST, "AES-256", "encryption settings", EVERY),
    (TRUST, "Backups every 15 minutes", "a setting and a retention period", EVERY),
    (TRUST, "twice a year", "a schedule", EVERY),
    (TRUST, "99.95% per calendar month", "an uptime target", EVERY),
    (TRUST, "last 90 days", "a window", EVERY),
    (TRUST, "within 72 hours", "a regulation", EVERY),
    (TRUST, "within 24 hours", "a commitment", EVERY),
    (CHANGES, "up to 40 per company (was 20)", "a product limit", EVERY),
    (CHANGES, "300 requests per minute", "a setting", EVERY),
    (CHANGES, "13 months", "a setting", EVERY),
    (CHANGES, "above £100,000", "a bug's condition and an issue number", EVERY),
    (CHANGES, "0.6 FTE", "a bug's condition", EVERY),
    (CHANGES, "version: \"4.12\"", "a version", EVERY),
    (CAREERS, "240 people across 4 offices", "the company's size", EVERY),
    (CAREERS, "28 days' holiday", "a benefit", EVERY),
    (CAREERS, "£1,000 a year", "a benefit", EVERY),
    (CAREERS, "16 weeks'", "a benefit", EVERY),
    (CAREERS, "up to 6%", "a benefit", EVERY),
    (CAREERS, "4.6 out of 5 on Glassdoor", "a rating with its source named", EVERY),
    (CAREERS, "18 across engineering", "a count of open roles", EVERY),
    (PARTNERS, "earn 20% of every client", "a commercial term", EVERY),
    (PARTNERS, "first 10 clients get 3 months", "an offer", EVERY),
    (PARTNERS, "up to 500 client companies", "a product limit", EVERY),
    (PARTNERS, "Silver (5+ clients)", "tier thresholds", EVERY),
    (PRESS, "raises $62 million", "the company's own milestone", EVERY),
    (PRESS, "a $62 million Series B led", "the company's own milestone", EVERY),
    (PRESS, "14,000 employers, up from 6,500", "the company's own milestone; employer-count", CLAIMS_NOT),
    (PRESS, "grew 150%", "the company's own milestone", CLAIMS_NOT),
    (PRESS, "team to 480 over the next 18 months", "a plan", EVERY),
    (PRESS, "Founded in 2015", "a founding year; employees-paid", EVERY),
    (PRESS, "12 May 2026", "a dateline", EVERY),
    # calls: prospects, logistics, terms, right figures
    (BRACK, "half eleven", "logistics", EVERY),
    (BRACK, "about 380 on the books", "the prospect's own situation", EVERY),
    (BRACK, "So 380 monthly", "the rep restating the prospect's situation", EVERY),
    (BRACK, "£4.50 a head", "the prospect's own situation", EVERY),
    (BRACK, "about twenty-five minutes", "payroll-run-minutes and -hours-before", CLAIMS_NOT),
    (BRACK, "from four days to close payroll", "the Harrow case study", CLAIMS_NOT),
    (BRACK, "thirty minutes, maybe next Tuesday", "logistics", EVERY),
    (BRACK, "Tuesday the 15th", "logistics", EVERY),
    (COPPER, "forty-five minutes", "logistics", EVERY),
    (COPPER, "1,200 employees across nine states", "the prospect's own situation", EVERY),
    (COPPER, "Nine states is exactly", "the rep restating the prospect's situation", EVERY),
    (COPPER, "99.7% of filings go out", "on-time-filing-rate", CLAIMS_NOT),
    (COPPER, "5.3x return over three years", "roi-multiple", CLAIMS_NOT),
    (COPPER, "like 45% a year", "the prospect's own situation", EVERY),
    (COPPER, "with 45% turnover", "the rep restating the prospect's situation", EVERY),
    (COPPER, "$8 per employee per month", "a price and the worked result", EVERY),
    (KAROO, "six hundred seasonal workers", "the prospect's own situation", EVERY),
    (KAROO, "okay so six hundred", "the rep restating the prospect's situation", EVERY),
    (KAROO, "eighty two percent on average", "payroll-error-reduction in words", CLAIMS_NOT),
    (KAROO, "by the seventh of each month", "a form name and a filing deadline", EVERY),
    (KAROO, "thursday the ninth", "logistics", EVERY),
    (TASMAN, "about ninety staff", "the prospect's own situation", EVERY),
    (TASMAN, "two days a fortnight on timesheets", "the prospect's own situation", EVERY),
    (TASMAN, "yeah two days a fortnight", "the rep restating the prospect's situation", EVERY),
    (TASMAN, "three four six eight or ten percent", "contribution rates (a regulation)", EVERY),
    (TASMAN, "five point three times", "roi-multiple in words", CLAIMS_NOT),
    (TASMAN, "couple of weeks", "logistics", EVERY),
    (TASMAN, "twenty eighth", "logistics", EVERY),
    (HOLLIS, "We've got thirty minutes", "logistics", EVERY),
    (HOLLIS, "450 people across 22 stores", "the prospect's own situation", EVERY),
    (HOLLIS, "nine hours a week back", "hr-admin-hours-saved", CLAIMS_NOT),
    (HOLLIS, "median of twenty-five minutes", "payroll-run-minutes", CLAIMS_NOT),
    (HOLLIS, "all 450 of your people", "the rep restating the prospect's situation", EVERY),
    (HOLLIS, "by 64% for customers", "penalty-reduction, which an approved entry states", CLAIMS_NOT),
    (HOLLIS, "C$10 per employee", "a price and a trial", EVERY),
    (HOLLIS, "second call in two weeks", "logistics", EVERY),
]

CHECK_EXPECTED = [
    ("metric-conflict", D_BLOG, "runs in 15 minutes flat", "payroll-run-minutes is a median of 25",
     {"related": TIME}),
    ("stale-claim", D_BLOG, "see 64% fewer late-filing penalties", "only the penalties proof point (source "
     "2023-09-30) backs it", {"related": PENALTIES}),
    ("unsupported-claim", D_BLOG, "42% of small businesses", "no approved entry states W-2 error rates", {}),
    ("metric-conflict", D_POSTS, "1.5 million employees", "employees-paid is about 1.1 million",
     {"related": CUSTOMERS}),
    ("retired-claim", D_POSTS, "up to 70% faster", "onboarding-time-reduction is retired", {"related": ONBOARD}),
    ("metric-conflict", D_EMAIL, "saved £18k a year", "harrow-overpayment-savings is £180,000", {"related": HARROW}),
    ("unsupported-claim", D_EMAIL, "cut absence admin by half", "no approved entry states absence admin", {}),
    ("metric-conflict", D_LAND, "payback in 5 months", "payback-months is a median of 7", {"related": ROI}),
]
CHECK_NEGATIVES = [
    (D_BLOG, "title: \"7 payroll tasks", "a title", EVERY),
    (D_BLOG, "# 7 payroll tasks", "a heading", EVERY),
    (D_BLOG, "## 1. Reconcile", "a heading", EVERY),
    (D_BLOG, "all 4 quarterly 941", "a count and a form number", EVERY),
    (D_BLOG, "cut payroll errors by 82%", "payroll-error-reduction", CLAIMS_NOT),
    (D_BLOG, "## 6. Check your 2027", "a heading and a year", EVERY),
    (D_BLOG, "20-minute call", "an offer", EVERY),
    (D_POSTS, "Post 1 (Tuesday", "a label", EVERY),
    (D_POSTS, "One in five payroll runs has an error", "industry-error-rate, cited", EVERY),
    (D_POSTS, "82% fewer. #payroll", "payroll-error-reduction", CLAIMS_NOT),
    (D_EMAIL, "team of 4", "the prospect's own situation", EVERY),
    (D_EMAIL, "1,100 staff", "the prospect's own situation", EVERY),
    (D_EMAIL, "from four days to", "harrow-payroll-days-before and -after", CLAIMS_NOT),
    (D_EMAIL, "30-minute call", "logistics", EVERY),
    (D_EMAIL, "0113 496 0000", "a phone number", EVERY),
    (D_LAND, "description: \"Run payroll in 25 minutes", "payroll-run-minutes, payroll-error-reduction, "
     "employer-count", CLAIMS_NOT),
    (D_LAND, "value=\"5.3x\"", "roi-multiple with its source", EVERY),
    (D_LAND, "value=\"9 hrs\"", "hr-admin-hours-saved", CLAIMS_NOT),
    (D_LAND, "price=\"£6\"", "a price, minimum and trial", EVERY),
    (D_LAND, "## 3 reasons", "a heading", EVERY),
    (D_LAND, "1. Errors down 82%", "payroll-error-reduction", CLAIMS_NOT),
    (D_LAND, "99.7% of filings on time", "on-time-filing-rate", CLAIMS_NOT),
    (D_LAND, "Up to 40 pay schedules", "a product limit", EVERY),
]


def main() -> None:
    write_labels(HERE, today="2026-11-01", drafts=[D_BLOG, D_POSTS, D_EMAIL, D_LAND],
                 audit_expected=AUDIT_EXPECTED, audit_negatives=AUDIT_NEGATIVES,
                 check_expected=CHECK_EXPECTED, check_negatives=CHECK_NEGATIVES)


if __name__ == "__main__":
    main()
