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

PP, CS, CU, MSG, ANS, ART = ("proof-points/", "case-studies/", "customers/", "messaging/", "answers/",
                             "articles/")
WATTLE, MERIDIAN = "calls/2026-09-10-wattle-transport.vtt", "calls/2026-09-24-meridian-grocers.json"
SAHYADRI, OUTBACK, PRAIRIE = ("calls/2026-10-06-sahyadri-asr.json", "calls/2026-10-15-outback-asr.srt",
                              "calls/2026-10-22-prairie-foods.txt")
STATE, GLOSS, WAVE = ART + "state-of-last-mile.md", ART + "glossary.md", ART + "corvane-wave.md"
PRESS, NOTES, EVENT = ART + "press/2026-06-02-series-c.md", "release-notes/2026-10.md", "events/roadshow-2026.md"
POS, INDIA, PRICING, FAQ = MSG + "positioning.md", MSG + "india.md", ANS + "pricing.md", ANS + "faq.md"
KESTREL, BLUEGUM, DHRUVA = CU + "kestrel-freight.md", CU + "bluegum-couriers.md", CS + "dhruva-express.md"
BLOG, POSTS, EMAIL, LAND = ("drafts/blog-fuel.md", "drafts/linkedin-posts.md", "drafts/email-india.md",
                            "drafts/landing-page.md")
EVERY = CLAIMS_NOT + ["stale-claim", "source-conflict"]

# (rule, path, anchor, note, extra fields)
AUDIT_EXPECTED = [
    # metric-conflict: KB against KB
    ("metric-conflict", POS, "pays for itself within 90 days", "payback-months is a median of 5 months; 90 days "
     "is 3", {"related": PP + "payback.md"}),
    ("metric-conflict", POS, "cut fuel costs by a quarter", "a quarter is 25%; fuel-cost-reduction is 18% (the "
     "'nearly a fifth' above is right)", {"related": PP + "fuel.md"}),
    ("metric-conflict", INDIA, "saved ₹35 lakh", "₹35 lakh is ₹3.5 million; dhruva-annual-savings is ₹3.5 crore "
     "(₹35 million)", {"related": DHRUVA}),
    ("metric-conflict", PRICING, "in under 3 months", "payback-months is a median of 5 months",
     {"related": PP + "payback.md"}),
    # source-conflict: the norm credited to another study than its metric's
    ("source-conflict", STATE, "industry average of 88%", "on-time-rate-norm 88% comes from the Corvane Last-Mile "
     "Index 2025; the citation on the next line credits the Pallet Institute",
     {"related": PP + "on-time.md", "alt_lines_anchor": ["(Pallet Institute, 2025)"]}),
    # stale-claim: older than max_source_age (24m before 2026-11-01)
    ("stale-claim", PP + "failed-deliveries.md", "date: 2023-02-14", "the only source is dated 2023-02-14; "
     "failed-delivery-reduction rests on it", {"alt_lines_anchor": ["value: 35", "by 35% on average"]}),
    ("stale-claim", STATE, "found that 62%", "'a 2022 survey by the Pallet Institute'", {}),
    ("stale-claim", STATE, "By 2025, 30%", "a 2021 forecast about 2025: both dates have passed",
     {"alt_lines_anchor": ["forecast in 2021"]}),
    # unsourced-claim: approved entries, a figure with no source and no metric
    ("unsourced-claim", INDIA, "4 more drops a day", "a productivity outcome; the message has no sources and no "
     "metric says it", {}),
    ("unsourced-claim", FAQ, "live within 2 weeks", "onboarding time: no source, no metric", {}),
    ("unsourced-claim", FAQ, "40% fewer missed scans", "an outcome with no source; 'drivers report' is no study", {}),
    ("unsourced-claim", PRESS, "one in four parcels", "an industry statistic in a press release: the company is "
     "not its source, and none is named", {}),
    # retired-claim
    ("retired-claim", OUTBACK, "driver turnover drop up to forty", "driver-turnover-reduction (up to 40%) is retired",
     {"related": PP + "driver-turnover.md", "speaker": "Mitch Callaghan"}),
    # rep-misstatement
    ("rep-misstatement", WATTLE, "average 99 per cent on time", "on-time-rate is 96%",
     {"related": PP + "on-time.md", "speaker": "Mitch Callaghan"}),
    ("rep-misstatement", MERIDIAN, "failed first attempts in half", "in half is 50%; failed-delivery-reduction is 35%",
     {"related": PP + "failed-deliveries.md", "speaker": "Jordan Pike"}),
    ("rep-misstatement", SAHYADRI, "twenty five percent for our customers", "fuel-cost-reduction is 18%",
     {"related": PP + "fuel.md", "speaker": "Arjun Mehta"}),
    ("rep-misstatement", OUTBACK, "money back inside three months", "payback-months is a median of 5 months",
     {"related": PP + "payback.md", "speaker": "Mitch Callaghan"}),
    # unsupported-claim (calls)
    ("unsupported-claim", WATTLE, "4.7 out of 5", "no approved entry states a review rating",
     {"speaker": "Mitch Callaghan"}),
    ("unsupported-claim", MERIDIAN, "3 more orders per route", "no approved entry states orders per route",
     {"speaker": "Jordan Pike"}),
    ("unsupported-claim", SAHYADRI, "five hundred fleets in india", "no approved entry counts fleets in India "
     "(fleet-count 2,300 is every country)", {"speaker": "Arjun Mehta"}),
    ("unsupported-claim", OUTBACK, "four hundred fleets", "no approved entry counts fleets in Western Australia",
     {"speaker": "Mitch Callaghan"}),
    ("unsupported-claim", PRAIRIE, "31 percent", "no approved entry states total delivery cost",
     {"speaker": "Priya Raman"}),
    # optional: a reviewer could go either way
    ("unsourced-claim", KESTREL, "cut fuel spend 22%", "a customer story with no sources: the customer's own "
     "result, told by the company", {"optional": True}),
    ("unsourced-claim", KESTREL, "fuel spend per mile was down 22%", "as the title", {"optional": True}),
    ("unsourced-claim", KESTREL, "11 hours a week back", "as the title", {"optional": True}),
    ("unsourced-claim", KESTREL, "<Stat value=\"22%\"", "as the title", {"optional": True}),
    ("unsourced-claim", KESTREL, "<Stat value=\"11 hrs\"", "as the title", {"optional": True}),
    ("unsourced-claim", NOTES, "3x faster", "the company's own measurement of its release", {"optional": True}),
    ("unsourced-claim", EVENT, "under 5 minutes", "a promise for a live demo", {"optional": True}),
    ("stale-claim", INDIA, "about a third", "restates failed-delivery-reduction, whose source is stale",
     {"optional": True}),
    ("source-conflict", WAVE, "cut miles driven by 12%", "Corvane's 12% fewer miles driven and Tern's 12% fewer "
     "empty miles are different measures, but read alike", {"optional": True}),
    ("source-conflict", STATE, "12% fewer", "as above", {"optional": True}),
]

AUDIT_NEGATIVES = [
    # messaging
    (POS, "10 to 5,000 vehicles", "the product's range", EVERY),
    (POS, "since 2016", "a time span", EVERY),
    (POS, "## 4 things", "a heading", EVERY),
    (POS, "nearly a fifth less", "fuel-cost-reduction 18% in words", CLAIMS_NOT),
    (POS, "Ninety-six per cent", "on-time-rate", CLAIMS_NOT),
    (POS, "20 minutes instead of three hours", "dispatch-minutes-after and -before", CLAIMS_NOT),
    (POS, "more than 2,300 fleets", "fleet-count", CLAIMS_NOT),
    (POS, "up to 40 percent; it is retired", "the retired figure named as retired", EVERY),
    (INDIA, "from 28 to 32 drops", "the same unsourced outcome as the line before (one finding)",
     ["metric-conflict", "rep-misstatement", "retired-claim"]),
    (INDIA, "take 500 riders", "calculation inputs", EVERY),
    (INDIA, "2,000 more drops", "the worked result", EVERY),
    (INDIA, "billed quarterly", "a term", EVERY),
    (DHRUVA, "1.2 lakh", "the customer's size", EVERY),
    (DHRUVA, "from 9% of deliveries to 4%", "dhruva-failed-before and -after", CLAIMS_NOT),
    (DHRUVA, "saved ₹3.5 crore", "dhruva-annual-savings", CLAIMS_NOT),
    (DHRUVA, "2 hubs a week", "a rollout step", EVERY),
    (DHRUVA, "By week 7", "a rollout step", EVERY),
    (PRICING, "$39 per vehicle", "prices", EVERY),
    (PRICING, "minimum of 10 vehicles", "a term and a trial", EVERY),
    (PRICING, "12 or 36 months", "contract terms", EVERY),
    (PRICING, "take 15% off", "a discount", EVERY),
    (PRICING, "Net 45", "payment terms", EVERY),
    (PRICING, "assume 80 vans", "calculation inputs", EVERY),
    (PRICING, "120 miles a day", "calculation inputs", EVERY),
    (PRICING, "190 gallons", "the worked result", EVERY),
    (PRICING, "return at 4.2x", "subscription-return, with a link to the study", CLAIMS_NOT),
    (FAQ, "Up to 500 stops", "a product limit", EVERY),
    (FAQ, "99.9% monthly uptime", "a contract commitment", EVERY),
    (FAQ, "kept for 7 years", "a retention period", EVERY),
    (FAQ, "20% battery reserve", "a setting", EVERY),
    (PP + "fuel.md", "412 fleets", "sample size", EVERY),
    (PP + "dispatch.md", "58 fleets over 5 working days", "sample and method", EVERY),
    (PP + "payback.md", "150 vehicles", "the model's input", EVERY),
    (PP + "payback.md", "interviews with 9 customers", "sample size", EVERY),
    (PP + "on-time.md", "improves on-time delivery by 8%", "a wording to avoid, quoted", EVERY),
    (PP + "driver-turnover.md", "from 3 pilot fleets", "the retired entry on itself", EVERY),
    (MSG + "peak-season-draft.md", "fuel 30% over peak", "a draft entry is not canonical", EVERY),
    # customer stories
    (KESTREL, "240-truck regional", "the customer's size (description)", EVERY),
    (KESTREL, "since 1987", "a time span", EVERY),
    (KESTREL, "With 240 trucks", "the customer's size", EVERY),
    (KESTREL, "4 planners", "the customer's situation", EVERY),
    (KESTREL, "maybe 3 routes an afternoon", "a quote about the new routine", EVERY),
    (KESTREL, "over 6 weeks", "a rollout", EVERY),
    (BLUEGUM, "65 vans", "the customer's size", EVERY),
    (BLUEGUM, "inside 3 hours", "the customer's promise", EVERY),
    (BLUEGUM, "kept 98% of its same-day", "sourced by the interview note under the story; one customer, "
     "not on-time-rate", CLAIMS_NOT),
    (BLUEGUM, "30% more jobs per van", "sourced by the interview note", CLAIMS_NOT),
    (BLUEGUM, "# Bluegum Couriers keeps 98%", "the heading of a sourced story", CLAIMS_NOT),
    (BLUEGUM, "four people on the phones", "a quote about the old routine", EVERY),
    # articles
    (STATE, "accounts for 41%", "cited in the sentence (Corvane, 2025)", EVERY),
    (STATE, "make up 58%", "cited by a reference-style link to the Corvane index", EVERY),
    (STATE, "after two late deliveries", "part of the survey question", CLAIMS_NOT),
    (STATE, "| Diesel van | 2.90 |", "a table with a Source: line under it", EVERY),
    (STATE, "| Cargo bike | 1.60 |", "a table with a Source: line under it", EVERY),
    (STATE, "fleet of 50 vans", "calculation inputs", EVERY),
    (STATE, "$3,300 a day", "the worked result", EVERY),
    (STATE, "make 96% of deliveries", "on-time-rate", CLAIMS_NOT),
    (GLOSS, "33,000 lb", "a definition", EVERY),
    (GLOSS, "at most 11 hours", "a regulation", EVERY),
    (GLOSS, "14-hour window", "a regulation", EVERY),
    (GLOSS, "25 drops an hour", "a definition", EVERY),
    (GLOSS, "a rate of 90%", "a definition", EVERY),
    (GLOSS, "due 30 or 45 days", "a definition", EVERY),
    (GLOSS, "48 by 40 inches", "a size", EVERY),
    (GLOSS, "2 hours wide", "a definition", EVERY),
    (GLOSS, "a lakh is 100,000", "a definition", EVERY),
    (WAVE, "14 route optimization", "counts of a report's scope", EVERY),
    (WAVE, "3 Leaders", "a count", EVERY),
    (WAVE, "surveyed 310 fleet", "sample size", EVERY),
    (WAVE, "Two in three operators", "the report's finding, under its section title", CLAIMS_NOT),
    (WAVE, "until December 31, 2026", "an offer's end", EVERY),
    (PRESS, "$48 million Series C led", "the company's own milestone", EVERY),
    (PRESS, "up from 1,100", "the company's own milestone", CLAIMS_NOT),
    (PRESS, "grew 140%", "the company's own milestone", CLAIMS_NOT),
    (PRESS, "over the next 18 months", "a plan", EVERY),
    (PRESS, "founded in 2016", "a founding year", EVERY),
    (NOTES, "up to 500 stops per route (was 250)", "a product limit", EVERY),
    (NOTES, "Android 12 or later", "version numbers", EVERY),
    (NOTES, "600 requests per minute", "a setting", EVERY),
    (NOTES, "expire 24 hours", "a setting", EVERY),
    (NOTES, "more than 99 stops", "a bug's condition and an issue number", EVERY),
    (EVENT, "in 3 cities", "logistics", EVERY),
    (EVENT, "90-minute workshop", "logistics", EVERY),
    (EVENT, "Brisbane: 25 November", "a date", EVERY),
    (EVENT, "limited to 40 per city", "logistics; the 98% is the customer story's, sourced there", EVERY),
    # calls: prospects, logistics, terms, right figures
    (WATTLE, "about forty minutes", "logistics", EVERY),
    (WATTLE, "85 vans out of Dandenong", "the prospect's own situation", EVERY),
    (WATTLE, "on 85 vans at sixty grand", "the rep restating the prospect's situation", EVERY),
    (WATTLE, "18 per cent on average", "fuel-cost-reduction", CLAIMS_NOT),
    (WATTLE, "maybe 85 per cent", "the prospect's own situation", EVERY),
    (WATTLE, "14-day trial", "a term", EVERY),
    (WATTLE, "from 91 to 98 per cent", "the Bluegum story", CLAIMS_NOT),
    (WATTLE, "in a fortnight", "logistics", EVERY),
    (MERIDIAN, "from 6 stores in Phoenix", "the prospect's own situation", EVERY),
    (MERIDIAN, "spends three hours every morning", "the prospect's own situation", EVERY),
    (MERIDIAN, "So you said three hours", "the rep restating the prospect's situation", EVERY),
    (MERIDIAN, "median at three hours before", "dispatch-minutes-before and -after", CLAIMS_NOT),
    (MERIDIAN, "maybe 7% of orders", "the prospect's own situation", EVERY),
    (MERIDIAN, "36-month term", "a term and a discount", EVERY),
    (MERIDIAN, "about four times the subscription", "subscription-return 4.2x and payback-months 5", CLAIMS_NOT),
    (MERIDIAN, "book 45 minutes", "logistics", EVERY),
    (SAHYADRI, "one point two lakh", "the prospect's own situation", EVERY),
    (SAHYADRI, "three point five crore rupees in the first year", "dhruva-annual-savings in words", CLAIMS_NOT),
    (SAHYADRI, "three point five crore on what", "the prospect's question", EVERY),
    (SAHYADRI, "twenty seven percent", "idle-time-reduction", CLAIMS_NOT),
    (SAHYADRI, "eleven twelve percent", "the prospect's own situation", EVERY),
    (SAHYADRI, "nine percent and now", "dhruva-failed-before and -after", CLAIMS_NOT),
    (SAHYADRI, "revert in one week", "logistics", EVERY),
    (OUTBACK, "a hundred and twenty trucks", "the prospect's own situation", EVERY),
    (OUTBACK, "ninety six per cent", "on-time-rate", CLAIMS_NOT),
    (OUTBACK, "half of them every year", "the prospect's own situation", EVERY),
    (OUTBACK, "twenty four seven", "the prospect's own situation", EVERY),
    (OUTBACK, "ninety nine point nine", "the SLA, stated in the FAQ", CLAIMS_NOT),
    (OUTBACK, "in three weeks", "logistics", EVERY),
    (PRAIRIE, "thirty minutes", "logistics", EVERY),
    (PRAIRIE, "45 refrigerated trucks", "the prospect's own situation", EVERY),
    (PRAIRIE, "by 22 percent within six months", "the Kestrel story", CLAIMS_NOT),
    (PRAIRIE, "about a fifth less", "fuel-cost-reduction and dispatch-minutes-after in words", CLAIMS_NOT),
    (PRAIRIE, "four hours some days", "the prospect's own situation", EVERY),
    (PRAIRIE, "With four hours a day", "the rep working from the prospect's figure", EVERY),
    (PRAIRIE, "60-day pilot", "a term and a rollout", EVERY),
]

CHECK_EXPECTED = [
    ("metric-conflict", BLOG, "cut fuel costs by 30%", "fuel-cost-reduction is 18%", {"related": PP + "fuel.md"}),
    ("retired-claim", BLOG, "up to 40% lower driver turnover", "driver-turnover-reduction is retired",
     {"related": PP + "driver-turnover.md"}),
    ("unsupported-claim", BLOG, "2 in 5 delivery drivers", "no approved entry states driver attrition", {}),
    ("metric-conflict", POSTS, "Haulwise: 98%", "on-time-rate is 96%", {"related": PP + "on-time.md"}),
    ("stale-claim", POSTS, "35% fewer failed", "only failed-deliveries (source 2023) backs it",
     {"related": PP + "failed-deliveries.md"}),
    ("metric-conflict", EMAIL, "saved ₹35 lakh on fuel", "₹35 lakh is ₹3.5 million; dhruva-annual-savings is "
     "₹3.5 crore", {"related": DHRUVA}),
    ("unsupported-claim", EMAIL, "22% faster", "no approved entry states hub turnaround", {}),
    ("metric-conflict", LAND, "return of 6x", "subscription-return is 4.2x", {"related": PP + "payback.md"}),
    ("retired-claim", LAND, "up to two fifths", "two fifths is 40%: driver-turnover-reduction is retired",
     {"related": PP + "driver-turnover.md"}),
    ("metric-conflict", EMAIL, "Subject: How Dhruva", "the same wrong figure in the subject line",
     {"related": DHRUVA, "optional": True}),
]
CHECK_NEGATIVES = [
    (BLOG, "# 5 ways route planning", "a heading", EVERY),
    (BLOG, "second-biggest line", "a rank", EVERY),
    (BLOG, "## 1. Fewer", "a heading", EVERY),
    (BLOG, "spend 18% less on fuel", "fuel-cost-reduction", CLAIMS_NOT),
    (BLOG, "idle 27% less", "idle-time-reduction", CLAIMS_NOT),
    (BLOG, "first 3 routes", "an offer", EVERY),
    (POSTS, "Industry average: 88%", "on-time-rate-norm", CLAIMS_NOT),
    (POSTS, "20 minutes, not 3 hours", "dispatch-minutes-after and -before", CLAIMS_NOT),
    (POSTS, "visits 3 cities", "logistics", EVERY),
    (POSTS, "Post 1 (Monday)", "a label", EVERY),
    (EMAIL, "from 9% to 4%", "dhruva-failed-before and -after", CLAIMS_NOT),
    (EMAIL, "comes down 18% and idle time 27%", "fuel-cost-reduction and idle-time-reduction", CLAIMS_NOT),
    (EMAIL, "your 700 riders", "the prospect's own situation", EVERY),
    (EMAIL, "60-day pilot at 2 hubs", "an offer", EVERY),
    (LAND, "description: Plan routes in 20 minutes", "dispatch figures and fleet-count", CLAIMS_NOT),
    (LAND, "96% on-time delivery", "on-time-rate in a component prop", CLAIMS_NOT),
    (LAND, "## 3 reasons", "a heading", EVERY),
    (LAND, "median of 5 months", "payback-months", CLAIMS_NOT),
    (LAND, "27% less idling", "idle-time-reduction", CLAIMS_NOT),
    (LAND, "$39 per vehicle", "the price", EVERY),
]


def main() -> None:
    write_labels(HERE, today="2026-11-01", drafts=[BLOG, POSTS, EMAIL, LAND],
                 audit_expected=AUDIT_EXPECTED, audit_negatives=AUDIT_NEGATIVES,
                 check_expected=CHECK_EXPECTED, check_negatives=CHECK_NEGATIVES)


if __name__ == "__main__":
    main()
