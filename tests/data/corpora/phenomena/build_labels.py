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

PP, CS, MSG, ANS, ART = "proof-points/", "case-studies/", "messaging/", "answers/", "articles/"
HART, ASHBY = "calls/2026-09-08-hartfield-dental.vtt", "calls/2026-09-17-ashby-orthodontics.json"
PEN, LIND, OAK = ("calls/2026-10-02-penrose-dental.txt", "calls/2026-10-09-lindqvist-asr.json",
                  "calls/2026-10-20-oakmere-asr.vtt")
ECON, PLAY, PRESS = ART + "no-show-economics.md", ART + "recall-playbook.md", ART + "press/2026-09-15-1400-practices.md"
BLOG, SOCIAL, EMAIL, LAND = ("drafts/blog-front-desk.md", "drafts/social-posts.md", "drafts/email-ireland.md",
                             "drafts/landing-page.md")
CONFLICTS = ["metric-conflict", "rep-misstatement"]

# (rule, path, anchor, note, extra fields)
AUDIT_EXPECTED = [
    # metric-conflict: KB against KB
    ("metric-conflict", MSG + "positioning.md", "save 12 hours a week on average", "a single customer's 12 hours "
     "(whitlock-hours-saved) stated as the average; front-desk-hours-saved is 9 hours/week",
     {"related": [PP + "front-desk.md", CS + "whitlock-family-dental.md"]}),
    ("metric-conflict", MSG + "recall.md", "from 45% to 78%", "before/after pair: the 45% norm is right, the 72% "
     "recall-booking-rate is given as 78%", {"related": PP + "recall.md"}),
    ("metric-conflict", MSG + "insurance-claims.md", "down from 45 days", "claim-payment-days-before is 30 days "
     "(median); the 14 days said as 'about a fortnight' on the line before is right", {"related": PP + "claims.md"}),
    ("metric-conflict", MSG + "insurance-claims.md", "within 10 days", "cedar-claim-days-after is 12 days",
     {"related": CS + "cedar-smiles.md"}),
    # source-conflict: the same figure credited to another study (footnote, Markdown link, inline citation)
    ("source-conflict", ECON, "38% fewer no-shows.[^3]", "no-show-reduction 38% comes from the Molarline 2026 "
     "Practice Benchmark; the footnote credits Pellham Research's survey", {"related": PP + "no-shows.md",
                                                                           "alt_lines_anchor": ["[^3]: Pellham"]}),
    ("source-conflict", PLAY, "recall report](https", "recall-booking-rate 72% comes from the Molarline benchmark; "
     "the link credits a Kinross Health Economics report", {"related": PP + "recall.md",
                                                            "alt_lines_anchor": ["of patients book within 30 days"]}),
    ("source-conflict", PLAY, "saves front desks 9 hours", "front-desk-hours-saved 9 hours a week comes from the "
     "Molarline benchmark, credited here to Pellham Research, 2025", {"related": PP + "front-desk.md"}),
    # stale-claim: source older than max_source_age (24m before 2026-11-01)
    ("stale-claim", PP + "online-booking.md", "date: 2023-04-18", "only source dated 2023-04-18, older than 24m; "
     "patients-prefer-online 68% rests on it", {"alt_lines_anchor": ["value: 68", "68% of patients"]}),
    ("stale-claim", ECON, "Only 30% of patients", "footnote [^2] cites Kinross Health Economics, 2021",
     {"alt_lines_anchor": ["[^2]: Kinross"]}),
    ("stale-claim", ECON, "forecast in 2022", "a 2022 forecast for 2025: the source is older than 24m and the "
     "forecast date has passed", {}),
    # unsourced-claim: approved entries stating a figure with no source and no metric
    ("unsourced-claim", MSG + "positioning.md", "Four in five UK practices", "industry figure, no source, no metric", {}),
    ("unsourced-claim", ANS + "pricing.md", "within seven weeks", "payback time: no source, no metric", {}),
    ("unsourced-claim", ANS + "migration.md", "99.5% of appointment", "migration success rate: no source, no metric",
     {}),
    ("unsourced-claim", ECON, "keeps 70% of that", "no source in or around the sentence, no metric", {}),
    ("unsourced-claim", PLAY, "fill 3 in 4 cancelled", "the link is the pricing page, not a study",
     {"alt_lines_anchor": ["[see pricing]"]}),
    ("unsourced-claim", PRESS, "One in five NHS", "an industry statistic in a press release: the company is not "
     "its source, and none is named", {}),
    # retired-claim
    ("retired-claim", MSG + "positioning.md", "by up to a quarter", "practice-revenue-uplift (up to 25%) is "
     "retired; 'a quarter' is 25%", {"related": PP + "revenue-uplift.md"}),
    ("retired-claim", PEN, "lift revenue by up to 25 percent", "retired practice-revenue-uplift, said by the rep",
     {"related": PP + "revenue-uplift.md", "speaker": "Rahul Desai"}),
    ("retired-claim", LIND, "twenty five percent more revenue", "retired practice-revenue-uplift in raw call text",
     {"related": PP + "revenue-uplift.md", "speaker": "Tom Whitaker"}),
    # rep-misstatement
    ("rep-misstatement", HART, "cut no-shows in half", "'in half' is 50%; no-show-reduction is 38% (average)",
     {"related": PP + "no-shows.md", "speaker": "Fiona Marsh"}),
    ("rep-misstatement", ASHBY, "Nine in ten patients", "nine in ten is 90%; recall-booking-rate is 72%",
     {"related": PP + "recall.md", "speaker": "Kerry-Ann Brooks"}),
    ("rep-misstatement", PEN, "down from about 60 days", "claim-payment-days-before is 30 days (the 14 days is right)",
     {"related": PP + "claims.md", "speaker": "Rahul Desai"}),
    ("rep-misstatement", LIND, "fifteen hours a week", "front-desk-hours-saved is 9 hours a week",
     {"related": PP + "front-desk.md", "speaker": "Tom Whitaker"}),
    ("rep-misstatement", OAK, "two point four million pounds", "cedar-recovered-revenue is $2.4M (USD), said as pounds",
     {"related": CS + "cedar-smiles.md", "speaker": "Fiona Marsh"}),
    ("rep-misstatement", OAK, "eighty five per cent", "recall-booking-rate is 72%",
     {"related": PP + "recall.md", "speaker": "Fiona Marsh"}),
    # unsupported-claim (calls)
    ("unsupported-claim", HART, "4.8 out of 5", "no approved entry states a review rating",
     {"speaker": "Fiona Marsh"}),
    ("unsupported-claim", ASHBY, "99.98 per cent", "no approved entry states uptime", {"speaker": "Kerry-Ann Brooks"}),
    ("unsupported-claim", LIND, "three hundred practices in ireland", "no approved entry gives a count for Ireland "
     "(practice-count 1,400 is all countries)", {"speaker": "Tom Whitaker"}),
]

AUDIT_NEGATIVES = [
    # not claims
    (MSG + "positioning.md", "for over a decade", "a time span", CLAIMS_NOT),
    (MSG + "positioning.md", "## 3 reasons", "a heading", CLAIMS_NOT),
    (MSG + "positioning.md", "More than 1,400", "practice-count", CLAIMS_NOT),
    (MSG + "positioning.md", "38 per cent fewer", "no-show-reduction in 'per cent'", CLAIMS_NOT),
    (MSG + "positioning.md", "almost a third", "late-cancellation-reduction 31%", CLAIMS_NOT),
    (MSG + "positioning.md", "six and a half times", "subscription-return 6.5x in words", CLAIMS_NOT),
    (MSG + "positioning.md", "Recall revenue rises by 12%", "recall-revenue-uplift; not the retired figure",
     CLAIMS_NOT),
    (MSG + "recall.md", "The industry norm is that 45%", "recall-booking-rate-norm (the norm, not the result)",
     CLAIMS_NOT),
    (MSG + "recall.md", "nearly three quarters do", "recall-booking-rate 72% in words", CLAIMS_NOT),
    (MSG + "recall.md", "2,000 patients due", "a calculation input", CLAIMS_NOT),
    (MSG + "recall.md", "books 81% of its recall", "whitlock-recall-rate (one customer, not the average)",
     CLAIMS_NOT),
    (MSG + "insurance-claims.md", "about a fortnight", "claim-payment-days 14 days in words", CLAIMS_NOT),
    (MSG + "insurance-claims.md", "Twenty-four in twenty-five", "first-pass-acceptance 96%", CLAIMS_NOT),
    (MSG + "insurance-claims.md", "$2.4 million", "cedar-recovered-revenue", CLAIMS_NOT),
    (MSG + "insurance-claims.md", "72 hours before", "a product behaviour, not a claim (and not the 72% recall rate)",
     CLAIMS_NOT),
    (ANS + "pricing.md", "6 chairs", "calculation inputs", CLAIMS_NOT),
    (ANS + "pricing.md", "If 11% of", "calculation input (and matches no-show-rate-before)", CLAIMS_NOT),
    (ANS + "pricing.md", "about 21 appointments", "the result of the worked example", CLAIMS_NOT),
    (ANS + "pricing.md", "6.5x what they pay", "subscription-return", CLAIMS_NOT),
    (ANS + "pricing.md", "Do not promise a 25%", "the retired figure named as retired, not claimed",
     ["retired-claim", "unsourced-claim", "metric-conflict"]),
    (ANS + "pricing.md", "30-day pilot", "an offer's term", CLAIMS_NOT),
    (ANS + "pricing.md", "24-month agreement", "a contract term", CLAIMS_NOT),
    (ANS + "migration.md", "Dentrix G7", "product names", CLAIMS_NOT),
    (ANS + "migration.md", "ISO 27001", "a standard's name", CLAIMS_NOT),
    (ANS + "migration.md", "Week 1:", "rollout step", CLAIMS_NOT),
    (ANS + "migration.md", "up to 8 staff", "rollout step", CLAIMS_NOT),
    (ANS + "migration.md", "hundred-step", "figurative", CLAIMS_NOT),
    (PP + "no-shows.md", "measured a 29% reduction", "scoped to the 2023 benchmark: not a conflict with 38%",
     ["metric-conflict"]),
    (PP + "no-shows.md", "212 practices", "sample size", CLAIMS_NOT),
    (PP + "front-desk.md", "a quarter of an hour", "a sourced entry's own figure (15 minutes)",
     ["unsourced-claim", "metric-conflict"]),
    (PP + "recall.md", "27-point gap", "the difference of two registered figures", CLAIMS_NOT),
    (CS + "bramley-dental.md", "for over a decade", "a time span", CLAIMS_NOT),
    (CS + "bramley-dental.md", "30-day pilot", "a pilot's length", CLAIMS_NOT),
    (CS + "bramley-dental.md", "38% average", "no-show-reduction next to the customer's own figures", CLAIMS_NOT),
    (CS + "bramley-dental.md", "forty patients", "a quote about the old routine", CLAIMS_NOT),
    (CS + "cedar-smiles.md", "3 phases over 8 weeks", "rollout steps", CLAIMS_NOT),
    (CS + "cedar-smiles.md", "6 orthodontic offices", "a description of the customer", CLAIMS_NOT),
    (CS + "whitlock-family-dental.md", "5 operatories", "a description of the customer", CLAIMS_NOT),
    # sources in prose
    (ECON, "£120 on average.[^1]", "sourced by footnote 1", ["unsourced-claim", "stale-claim", "source-conflict"]),
    (ECON, "6 hours of chair time", "Pellham's study, carried from the sentence before", CLAIMS_NOT),
    (ECON, "yearly cost at £21,000", "the same study, a sentence later", CLAIMS_NOT),
    (ECON, "interviewed 40 practice", "sample size", CLAIMS_NOT),
    (ECON, "58% of managers", "the survey is named in the paragraph before; 2025 edition", CLAIMS_NOT + ["stale-claim"]),
    (ECON, "| Monday | 14% |", "a table whose caption names its source", CLAIMS_NOT),
    (ECON, "| Friday | 12% |", "a table whose caption names its source", CLAIMS_NOT),
    (ECON, "| Two-way text | 6.8% |", "a table with a source note under it; no-show-rate-after", CLAIMS_NOT),
    (ECON, "| Letter only | 11% |", "a table with a source note under it; no-show-rate-before", CLAIMS_NOT),
    (PLAY, "is 45%", "recall-booking-rate-norm, credited to its own source", CLAIMS_NOT + ["source-conflict",
                                                                                         "stale-claim"]),
    (PLAY, "20% fewer late bookings", "sourced by a link to a case study", CLAIMS_NOT),
    (PLAY, "Day 21:", "a cadence step and a count", CLAIMS_NOT),
    (PRESS, "10 millionth", "the company's own milestone", CLAIMS_NOT),
    (PRESS, "85 people", "the company's own milestone", CLAIMS_NOT),
    (PRESS, "almost 40%", "rounds no-show-reduction 38%", CLAIMS_NOT),
    (PRESS, "founded in 2014", "a founding year", CLAIMS_NOT + ["stale-claim"]),
    # calls: prospects, logistics, correct figures
    (HART, "twenty minutes before", "logistics", CLAIMS_NOT),
    (HART, "around 15%", "the prospect's own situation", CLAIMS_NOT),
    (HART, "two hours a day on the phone", "the prospect's own situation", CLAIMS_NOT),
    (HART, "So with 15% no-shows", "the rep restating the prospect's situation", CLAIMS_NOT),
    (HART, "see 38% fewer no-shows", "no-show-reduction", CLAIMS_NOT),
    (HART, "handles 400 appointments", "a calculation input", CLAIMS_NOT),
    (HART, "nine hours a week on average", "front-desk-hours-saved and inbound-call-reduction", CLAIMS_NOT),
    (HART, "current system for over a decade", "a time span", CLAIMS_NOT),
    (HART, "thirty minutes next Thursday", "logistics", CLAIMS_NOT),
    (ASHBY, "2,500 patients on recall", "the prospect's own situation", CLAIMS_NOT),
    (ASHBY, "24-month contract", "the prospect's contract", CLAIMS_NOT),
    (ASHBY, "from 9% of appointments missed to 4%", "bramley-no-show-before and -after", CLAIMS_NOT),
    (ASHBY, "a hundred and eighty thousand pounds", "bramley-annual-savings £180k in words", CLAIMS_NOT),
    (ASHBY, "fortnight's worth", "logistics", CLAIMS_NOT),
    (ASHBY, "in two weeks", "logistics", CLAIMS_NOT),
    (PEN, "about 200 patients a week", "the prospect's own situation", CLAIMS_NOT),
    (PEN, "paid in about two weeks, median", "claim-payment-days 14 days", CLAIMS_NOT),
    (PEN, "Beth, six weeks", "the prospect's own situation", CLAIMS_NOT),
    (PEN, "two point four million dollars", "cedar-recovered-revenue in words", CLAIMS_NOT),
    (PEN, "six point five x", "subscription-return in words", CLAIMS_NOT),
    (PEN, "30-day pilot proposal", "an offer", CLAIMS_NOT),
    (LIND, "six hundred appointments", "the prospect's own situation", CLAIMS_NOT),
    (LIND, "thirty eight percent fewer", "no-show-reduction in raw call text", CLAIMS_NOT),
    (LIND, "go down by. forty per cent", "inbound-call-reduction, split by the transcriber", CLAIMS_NOT),
    (LIND, "twelve percent on average", "recall-revenue-uplift", CLAIMS_NOT),
    (LIND, "a quarter of an hour on friday", "logistics", CLAIMS_NOT),
    (LIND, "friday at ten", "logistics", CLAIMS_NOT),
    (OAK, "half an hour so fire away", "logistics", CLAIMS_NOT),
    (OAK, "twenty appointments a week", "the prospect's own situation", CLAIMS_NOT),
    (OAK, "one hundred and eighty thousand pounds", "bramley-annual-savings in words", CLAIMS_NOT),
    (OAK, "nine hours a week back", "front-desk-hours-saved", CLAIMS_NOT),
    (OAK, "six point five x", "subscription-return", CLAIMS_NOT),
    (OAK, "half an hour on the fourteenth", "logistics", CLAIMS_NOT),
]

CHECK_EXPECTED = [
    ("metric-conflict", BLOG, "£1.2m a year", "bramley-annual-savings is £180k a year",
     {"related": CS + "bramley-dental.md"}),
    ("metric-conflict", SOCIAL, "back 7x", "subscription-return is 6.5x", {"related": PP + "return.md"}),
    ("metric-conflict", SOCIAL, "Nine in ten patients", "nine in ten is 90%; recall-booking-rate is 72%",
     {"related": PP + "recall.md"}),
    ("metric-conflict", EMAIL, "it was 15", "whitlock-hours-saved is 12 hours a week (the 9-hour average beside it "
     "is right)", {"related": CS + "whitlock-family-dental.md"}),
    ("metric-conflict", EMAIL, "€2.4m", "cedar-recovered-revenue is $2.4M: the currency was changed",
     {"related": CS + "cedar-smiles.md"}),
    ("metric-conflict", LAND, "missed to 3%", "bramley-no-show-after is 4%", {"related": CS + "bramley-dental.md"}),
    ("unsupported-claim", BLOG, "£35,000", "no approved entry backs an industry loss figure", {}),
    ("unsupported-claim", EMAIL, "€28,000", "no approved entry backs it", {}),
    ("unsupported-claim", LAND, "90 seconds", "no approved entry backs a reply time", {}),
    ("retired-claim", BLOG, "by up to a quarter", "retired practice-revenue-uplift",
     {"related": PP + "revenue-uplift.md"}),
    ("retired-claim", SOCIAL, "Up to 25% more revenue", "retired practice-revenue-uplift",
     {"related": PP + "revenue-uplift.md"}),
    ("stale-claim", BLOG, "68% of patients", "only online-booking (source 2023) backs it",
     {"related": PP + "online-booking.md"}),
    ("stale-claim", LAND, "Two thirds of patients", "rounds 68%; only online-booking (source 2023) backs it",
     {"related": PP + "online-booking.md"}),
]
CHECK_NEGATIVES = [
    (BLOG, "quarter of an hour by the time", "stated in the approved front-desk entry; a duration", CLAIMS_NOT),
    (BLOG, "## 5 ways", "a heading", CLAIMS_NOT),
    (BLOG, "40 per cent fewer calls", "inbound-call-reduction", CLAIMS_NOT),
    (BLOG, "almost a third", "late-cancellation-reduction 31%", CLAIMS_NOT),
    (BLOG, "well over a third", "no-show-reduction 38%", CLAIMS_NOT),
    (BLOG, "14 practices in Yorkshire", "a description of the customer", CLAIMS_NOT),
    (BLOG, "measured a 29% drop", "scoped to the 2023 benchmark, as the approved entry says", CLAIMS_NOT),
    (SOCIAL, "38% fewer no-shows. 9 hours", "no-show-reduction and front-desk-hours-saved", CLAIMS_NOT),
    (SOCIAL, "in a fortnight, not a month", "claim-payment-days and -before in words", CLAIMS_NOT),
    (SOCIAL, "1,400+", "practice-count", CLAIMS_NOT),
    (SOCIAL, "3 tips", "a count and a video length", CLAIMS_NOT),
    (EMAIL, "6.5 times", "subscription-return", CLAIMS_NOT),
    (EMAIL, "books 81% of recall", "whitlock-recall-rate and recall-booking-rate-norm", CLAIMS_NOT),
    (EMAIL, "30-day pilot", "an offer and a contract term", CLAIMS_NOT),
    (EMAIL, "in 2027", "a year in a subject line", CLAIMS_NOT),
    (LAND, "# 3 steps", "a heading", CLAIMS_NOT),
    (LAND, "1,400+", "practice-count", CLAIMS_NOT),
    (LAND, "48 hours before", "a product behaviour", CLAIMS_NOT),
    (LAND, "went from 11% to 6.8%", "no-show-rate-before and -after; n=212 is the sample", CLAIMS_NOT),
    (LAND, "## Step 2", "a heading", CLAIMS_NOT),
    (LAND, "rises by 12%", "recall-revenue-uplift", CLAIMS_NOT),
    (LAND, "4 reports", "a count of things on the page", CLAIMS_NOT),
]


def main() -> None:
    write_labels(HERE, today="2026-11-01", drafts=[BLOG, SOCIAL, EMAIL, LAND],
                 audit_expected=AUDIT_EXPECTED, audit_negatives=AUDIT_NEGATIVES,
                 check_expected=CHECK_EXPECTED, check_negatives=CHECK_NEGATIVES)


if __name__ == "__main__":
    main()
