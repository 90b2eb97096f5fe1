"""Build labels.json for the Axlewood corpus from anchor strings.

Every label names a file and an anchor: a string that occurs exactly once in that file. The anchor's
line becomes the label's line, so labels follow the text when it is edited. The script refuses
an anchor that is missing or ambiguous, and a negative on a line that carries an expected or
optional label (its line, alt_lines or turn_lines), or, outside calls, within two lines of an
expected label of a rule the negative names.

    python build_labels.py        # run from anywhere; writes labels.json beside this file
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
TODAY = "2026-11-01"

AUDIT_RULES = [
    "metric-conflict",
    "source-conflict",
    "stale-claim",
    "unsourced-claim",
    "retired-claim",
    "rep-misstatement",
    "unsupported-claim",
]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]
FIGURE_RULES = AUDIT_RULES

DRAFTS = [
    "drafts/blog-video-inspections.md",
    "drafts/email-zuma-followup.txt",
    "drafts/landing-schedule.md",
]


def _file(path: str) -> Path:
    return HERE / path if path.startswith("drafts/") else KB / path


def line_of(path: str, anchor: str) -> int:
    lines = _file(path).read_text(encoding="utf-8").splitlines()
    hits = [i for i, text in enumerate(lines, 1) if anchor in text]
    total = _file(path).read_text(encoding="utf-8").count(anchor)
    if total != 1 or len(hits) != 1:
        sys.exit(f"anchor {anchor!r} occurs {total} times in {path}; it must occur exactly once")
    return hits[0]


def turn_lines(path: str, line: int) -> list[int]:
    """Lines of every sentence in the JSON turn holding `line` (conversation-intelligence shape)."""
    lines = _file(path).read_text(encoding="utf-8").splitlines()
    start = line
    while '"speakerId"' not in lines[start - 1] or '"sentences"' not in lines[start - 1]:
        start -= 1
    end = line
    while lines[end - 1].strip() not in ("]},", "]}"):
        end += 1
    return [n for n in range(start + 1, end) if '"text"' in lines[n - 1]]


# (rule, path, anchor, extra) ; extra may hold related, alt (anchors), note, severity, speaker,
# optional, turn (True: add turn_lines for a JSON call)
AUDIT_EXPECTED = [
    # metric-conflict: the same measure stated with another value
    ("metric-conflict", "messaging/service-manager-value.md", "sign off on 43 per cent more",
     dict(related="proof-points/video-inspections.md",
          note="message says customers approve 43 per cent more recommended work with video; video-approval-uplift is 34% (digits swapped, spelt 'per cent')")),
    ("metric-conflict", "website/faq.md", "live in seven weeks",
     dict(related="proof-points/go-live.md",
          note="FAQ says the median rooftop is live in seven weeks (in words); median-go-live is 5 weeks")),
    ("metric-conflict", "press/2026-03-series-b.md", "more than 3,200 dealership",
     dict(related="messaging/elevator-pitch.md",
          note="press release front-matter summary says more than 3,200 service departments; dealer-count is more than 2,300 (as of 2026-09, later than the release)")),
    ("metric-conflict", "events/webinar-recap-2026-10.md", "climbed to 48 per cent",
     dict(related="case-studies/brennan-motor-group.md",
          note="recap says Brennan's approval rate climbed to 48 per cent ('nearly half'); brennan-video-approval-rate is 38%")),
    ("metric-conflict", "answers/technician-adoption.md", "go from 6.1 to 7.9 a day",
     dict(related="proof-points/technician-efficiency.md",
          note="answer says flagged hours go from 6.1 to 7.9 a day; flagged-hours-per-day is 7.4 (the 6.1 before figure is right)")),
    ("metric-conflict", "messaging/elevator-pitch.md", "one appointment in seven to one in ten",
     dict(related="proof-points/no-shows.md",
          note="no-shows 'from one in seven to one in ten' (fractions): one in seven matches no-show-rate-before 14%, one in ten (10%) conflicts with no-show-rate 6%")),
    ("metric-conflict", "website/inspect.md", "Clips up to 90 seconds",
     dict(related="website/changelog.md", optional=True,
          note="product page still says clips up to 90 seconds; the v4.18 changelog raised the limit to 120. A setting between two articles, no registered metric: a reviewer could take it either way")),
    # source-conflict
    ("source-conflict", "messaging/dealer-principal.md", "lift approved work by 34%",
     dict(related="proof-points/video-inspections.md",
          alt=["title: Fenwick Institute for Fixed Operations", "An independent study by the Fenwick"],
          note="the 34% approved-work uplift (video-approval-uplift) is attributed to a Fenwick Institute study; the registered source is the 2026 Axlewood Service Lane Benchmark")),
    ("source-conflict", "website/partners.md", "fill 91% of parts requests first time",
     dict(related="proof-points/parts-fill-rate.md",
          alt=["PartsLink Exchange's 2026 Dealer Parts Survey"],
          note="the 91% first-time fill rate (parts-fill-rate) is credited to PartsLink Exchange's survey; the registered source is Axlewood Parts usage data, Q2 2026")),
    # stale-claim
    ("stale-claim", "proof-points/warranty-claims.md", "date: 2023-10-02",
     dict(alt=["value: 58", "see 58% fewer claims"], severity="warning",
          note="only source dated 2023-10-02, older than max_source_age 24m; warranty-rejection-reduction 58% rests on it")),
    ("stale-claim", "proof-points/customer-retention.md", "reviewed: 2025-12-01",
     dict(alt=["value: 61", "On average, 61% of customers"], severity="warning",
          note="reviewed 2025-12-01 with review_every 180d (canon.toml): review overdue since 2026-05-30 (its source, 2025-11-20, is recent enough)")),
    ("stale-claim", "messaging/fall-offer.md", "expires: 2026-09-30",
     dict(alt=["value: 3000", "get a US$3,000 credit per rooftop"], severity="error",
          note="offer expired 2026-09-30 (severity error); its claim is the US$3,000 hardware credit and three free months")),
    ("stale-claim", "blog/service-lane-statistics.md", "62% of owners stop servicing",
     dict(alt=["[^1]: Pemberton"], severity="warning",
          note="statistic cited by footnote to a 2021 tracker, older than 24m, presented as current")),
    ("stale-claim", "blog/service-lane-statistics.md", "Only 18% of lapsed customers",
     dict(alt=["[^3]: Pemberton"], severity="warning",
          note="statistic cited by footnote to a 2023 survey (end of 2023 is before 2024-11-01)")),
    ("stale-claim", "blog/service-lane-statistics.md", "Technicians spend 1.4 hours",
     dict(alt=["a 2022 study by the Ashby Centre"], severity="warning",
          note="figure from 'a 2022 study by the Ashby Centre', named in the sentence, older than 24m")),
    ("stale-claim", "events/webinar-recap-2026-10.md", "3.2 times as likely",
     dict(alt=["a 2023 study by Kessel &"], severity="warning",
          note="3.2 times figure from 'a 2023 study by Kessel & Ward' (previous line), older than 24m")),
    ("stale-claim", "messaging/fall-offer.md", "In Ireland the credit is",
     dict(optional=True, severity="error",
          note="regional amounts of the expired offer; a tool may report the expiry once per entry or at each figure")),
    # unsourced-claim
    ("unsourced-claim", "website/trust.md", "99.95% uptime",
     dict(note="uptime figure with no source and no registered metric (the status page is named only for live status)")),
    ("unsourced-claim", "website/partners.md", "22% faster than before",
     dict(note="outcome figure for Reynolds customers with nothing behind it")),
    ("unsourced-claim", "website/inspect.md", 'value="81%"',
     dict(alt=['label="of inspection videos are watched'], note="StatCard prop with no footnote, unlike its two neighbours; no entry registers a video-watch rate")),
    ("unsourced-claim", "answers/technician-adoption.md", "nine in ten are filming",
     dict(alt=["first video within two days"],
          note="adoption figures (nine in ten filming by week three; first video within two days) in an answer with no sources and no metric")),
    ("unsourced-claim", "website/faq.md", "within 60 days of going live",
     dict(note="payback claim with no source and no registered metric")),
    ("unsourced-claim", "website/pricing.md", "| Essentials (Schedule only) |",
     dict(optional=True, note="the company's own list price; only the Core price is registered")),
    ("unsourced-claim", "website/pricing.md", "| Complete (Core plus Parts and Warranty) |",
     dict(optional=True, note="the company's own list price; only the Core price is registered")),
    ("unsourced-claim", "website/pricing.md", "onboarding fee of US$2,500",
     dict(optional=True, note="the company's own fee")),
    ("unsourced-claim", "press/2026-03-series-b.md", 'title: "Axlewood raises US$48 million',
     dict(optional=True, note="funding amount; the press release is itself the source")),
    ("unsourced-claim", "press/2026-03-series-b.md", "# Axlewood raises US$48 million",
     dict(optional=True, note="funding amount; the press release is itself the source")),
    ("unsourced-claim", "press/2026-03-series-b.md", "today announced a US$48 million",
     dict(optional=True, note="funding amount; the press release is itself the source")),
    ("unsourced-claim", "press/2026-03-series-b.md", "total funding to US$71 million",
     dict(optional=True, note="funding amount; the press release is itself the source")),
    ("unsourced-claim", "website/careers.md", "About 260 people",
     dict(optional=True, note="headcount, a company fact")),
    ("unsourced-claim", "website/careers.md", "eNPS of 58",
     dict(optional=True, note="employee survey results, not a product claim")),
    ("unsourced-claim", "website/changelog.md", "about 40% faster on mobile",
     dict(optional=True, note="release-note performance figure")),
    ("unsourced-claim", "website/changelog.md", "rules now cover 14 brands",
     dict(optional=True, note="product coverage count")),
    ("unsourced-claim", "website/changelog.md", "under a second on 3G",
     dict(optional=True, note="release-note performance figure")),
    ("unsourced-claim", "website/partners.md", "around 40 technology partners",
     dict(optional=True, note="company fact, vague quantity")),
    ("unsourced-claim", "case-studies/eko-prime-motors.md", "Comebacks also fell by roughly a third",
     dict(optional=True, note="customer outcome not registered as a metric; the entry's interview source may cover it")),
    ("unsourced-claim", "case-studies/carver-ridge.md", "Roughly 11% of claims",
     dict(optional=True, note="customer before-figure not registered; the entry's sources may cover it (not a conflict with the 58% average: another measure)")),
    ("unsourced-claim", "case-studies/carver-ridge.md", "cut rejections to about 2%",
     dict(optional=True, note="customer after-figure not registered; same line states the registered $212,000")),
    ("unsourced-claim", "case-studies/brennan-motor-group.md", "about 70 repair orders a day",
     dict(optional=True, note="the customer's own volume, context rather than a result")),
    # retired-claim
    ("retired-claim", "messaging/dealer-principal.md", "add $87 to every",
     dict(related="proof-points/ro-value-2023.md",
          note="repeats the retired ro-uplift-2023 figure ($87); the current ro-uplift is US$52")),
    ("retired-claim", "events/webinar-recap-2026-10.md", "eighty-seven dollars",
     dict(related="proof-points/ro-value-2023.md",
          note="repeats the retired ro-uplift-2023 figure in words ('eighty-seven dollars')")),
    # calls
    ("rep-misstatement", "calls/2026-09-15-redbank-chevrolet.vtt", "about fifty percent more approved work",
     dict(related="proof-points/video-inspections.md", speaker="Dana Kowalczyk",
          note="says about fifty percent more approved work with video; video-approval-uplift is 34%")),
    ("rep-misstatement", "calls/2026-09-28-corrib-motors.srt", "Median go-live is about three weeks",
     dict(related="proof-points/go-live.md", speaker="Ciarán Doyle",
          note="says median go-live about three weeks; median-go-live is 5 weeks")),
    ("rep-misstatement", "calls/2026-10-06-zuma-autos.json", "to about seventy, with the same bays",
     dict(related="case-studies/eko-prime-motors.md", speaker="Tobi Adeyemi", turn=True,
          note="says Eko Prime went from thirty-eight to about seventy cars a day; ekoprime-daily-ros is 55 (the 38 before is right)")),
    ("rep-misstatement", "calls/2026-10-20-waikato-motor-group.json", "no shows drop to about two percent",
     dict(related="proof-points/no-shows.md", speaker="Aroha Ngata",
          note="speech-recognition export, numbers in words: says no-shows drop to about two percent; no-show-rate is 6% (average)")),
    ("unsupported-claim", "calls/2026-09-15-redbank-chevrolet.vtt", "ninety-eight percent renewal rate",
     dict(speaker="Dana Kowalczyk", note="no approved entry states a renewal rate")),
    ("unsupported-claim", "calls/2026-10-20-waikato-motor-group.json", "four million video inspections a year",
     dict(speaker="Aroha Ngata", note="no approved entry states an annual inspection volume")),
]

MC = ["metric-conflict"]
ALLN = FIGURE_RULES
AUDIT_NEGATIVES = [
    ("proof-points/video-inspections.md", "they now say yes to about four", MC, "three to four is a third more, matches video-approval-uplift 34%"),
    ("proof-points/video-inspections.md", "1.9 million repair orders", ALLN, "sample size of the benchmark"),
    ("proof-points/video-inspections.md", "A 40-second clip", ALLN, "illustration, not a claim"),
    ("proof-points/technician-efficiency.md", "11,800 technicians", ALLN, "sample size"),
    ("proof-points/technician-efficiency.md", "On an eight-hour shift", ALLN, "shift length, context"),
    ("proof-points/no-shows.md", "one empty bay in seventeen", ALLN, "one in seventeen and one in seven restate 6% and 14%"),
    ("proof-points/no-shows.md", "24 hours and 2 hours", ALLN, "reminder settings"),
    ("proof-points/parts-fill-rate.md", "Nine requests in ten", ALLN, "restates parts-fill-rate 91%"),
    ("proof-points/parts-fill-rate.md", "next 30 days", ALLN, "forecast window, a setting"),
    ("proof-points/go-live.md", "usually follow in two or three weeks", ALLN, "later stores in a group, not the median go-live"),
    ("proof-points/go-live.md", "- **Week 5.**", ALLN, "step of the five-week plan, matches median-go-live"),
    ("case-studies/carver-ridge.md", "31 service", ALLN, "the customer's own size"),
    ("objections/technician-adoption.md", "for thirty years", ALLN, "an objection example in a prospect's words"),
    ("messaging/elevator-pitch.md", "(thirty seconds)", ALLN, "length of the pitch"),
    ("proof-points/ro-value-2023.md", "rose by $87", ALLN, "a retired entry quoting its own retired figure is fine"),
    ("proof-points/ro-value.md", "average of US$52", ALLN, "registers ro-uplift"),
    ("case-studies/brennan-motor-group.md", "38% of recommended work", ALLN, "matches brennan-video-approval-rate and -before"),
    ("case-studies/brennan-motor-group.md", "€410,000 of customer-pay", ALLN, "matches brennan-annual-uplift"),
    ("case-studies/tasman-auto.md", "about one booking in twenty-five", ALLN, "Tasman's 4% (one in twenty-five) is customer-specific, beside the 6% average"),
    ("case-studies/tasman-auto.md", "17% of Tasman's", ALLN, "matches tasman-no-show-rate-before; not the 14% average"),
    ("case-studies/tasman-auto.md", "40 kilometres or more", ALLN, "customers' driving distance, context"),
    ("case-studies/eko-prime-motors.md", "55 repair orders a day", ALLN, "matches ekoprime-daily-ros and -before"),
    ("case-studies/eko-prime-motors.md", "has 22 bays", ALLN, "the customer's own workshop size"),
    ("answers/price.md", "US$1,150 per rooftop", ALLN, "registers core-plan-price"),
    ("answers/price.md", "average of US$52 more", ALLN, "matches ro-uplift"),
    ("answers/price.md", "25 customer-pay ROs a day", ALLN, "calculation input"),
    ("answers/price.md", "added €410,000", ALLN, "matches brennan-annual-uplift"),
    ("answers/data-security.md", "99.99% availability", ALLN, "draft entry: not canonical, not checked for sourcing or conflicts"),
    ("answers/data-security.md", "kept for 24 months", ALLN, "draft entry; retention policy"),
    ("messaging/elevator-pitch.md", "more than 2,300 dealerships", ALLN, "states dealer-count"),
    ("messaging/service-manager-value.md", "flagging 7.4 hours a day", ALLN, "matches flagged-hours-per-day"),
    ("messaging/service-manager-value.md", "sit closer to six", ALLN, "rounds flagged-hours-per-day-before 6.1"),
    ("messaging/service-manager-value.md", "around 6%", ALLN, "matches no-show-rate"),
    ("press/2026-03-series-b.md", "about a third more of the work", ALLN, "a third rounds video-approval-uplift 34%"),
    ("press/2026-03-series-b.md", "Founded in 2019", ALLN, "founding year"),
    ("press/2026-03-series-b.md", "weakest for twenty years", ALLN, "investor's opinion, no figure claim"),
    ("website/pricing.md", "| Core (Schedule, Inspect, Dispatch) |", ALLN, "US$1,150 matches core-plan-price; €, NZ$ and ₦ are regional list prices, not conversions"),
    ("website/pricing.md", "at 10% more than the annual price", ALLN, "contract terms"),
    ("website/pricing.md", "run for 12 months", ALLN, "contract terms"),
    ("website/pricing.md", "7am to 7pm", ALLN, "support hours"),
    ("website/inspect.md", 'value="34%"', ALLN, "matches video-approval-uplift, with its registered source as footnote"),
    ("website/inspect.md", 'value="US$52"', ALLN, "matches ro-uplift"),
    ("website/inspect.md", "from 21 to 38 per cent", ALLN, "matches Brennan's registered before and after"),
    ("website/inspect.md", "stay live for 30 days", ALLN, "setting"),
    ("website/faq.md", "30,000 miles a year", ALLN, "illustrative mileages"),
    ("website/careers.md", "25 days of annual leave", ALLN, "benefit policy"),
    ("website/careers.md", "US$1,500 (or local", ALLN, "benefit policy"),
    ("website/careers.md", "20 weeks at full pay", ALLN, "benefit policy"),
    ("website/careers.md", "hiring for 14 roles", ALLN, "job count"),
    ("website/changelog.md", "up to 120 seconds", ALLN, "setting"),
    ("website/changelog.md", "270 days (was 365)", ALLN, "setting"),
    ("website/changelog.md", "600 requests per minute", ALLN, "API limit"),
    ("website/trust.md", "within 72 hours", ALLN, "policy"),
    ("website/trust.md", "kept for 24 months", ALLN, "retention policy"),
    ("website/trust.md", "TLS 1.2", ALLN, "version number"),
    ("blog/service-lane-statistics.md", "Seven in ten service customers", ALLN, "footnote [^2] is a 2025 report: cited and recent"),
    ("blog/service-lane-statistics.md", "has 2.3 open technician", ["stale-claim", "unsourced-claim"], "2.3 open positions, cited 2024: the end of 2024 is inside 24m of 2026-11-01"),
    ("blog/service-lane-statistics.md", "falls by 17 points", ["stale-claim", "unsourced-claim"], "cited Motorwise Insights 2024, inside 24m"),
    ("blog/service-lane-statistics.md", "lose 2 to 3% of warranty", ALLN, "cited Halden & Co. 2026; an industry loss rate, not the 58% reduction"),
    ("blog/service-lane-statistics.md", "make up 11% of the average", ALLN, "cited 2025; not Carver Ridge's 11% rejection rate"),
    ("blog/service-lane-statistics.md", "earn about half of a typical", ALLN, "cited 2025"),
    ("blog/service-lane-statistics.md", "2.4 times as likely", ALLN, "cited 2025"),
    ("blog/service-lane-statistics.md", "go up by 34%", ALLN, "matches video-approval-uplift, credited to its registered source"),
    ("blog/service-lane-statistics.md", "# 11 service lane statistics", ALLN, "heading count"),
    ("events/webinar-recap-2026-10.md", "from 38 to 55 repair orders", ALLN, "matches ekoprime-daily-ros and -before"),
    ("events/webinar-recap-2026-10.md", "a 40-minute drive", ALLN, "context"),
    ("events/webinar-recap-2026-10.md", "30 to 45 seconds", ALLN, "advice, not a claim"),
    ("events/webinar-recap-2026-10.md", "9 December at 11am", ALLN, "logistics"),
    # calls
    ("calls/2026-09-15-redbank-chevrolet.vtt", "about a hundred and twenty ROs a day", ALLN, "prospect's own volumes (Luis Garza, external)"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "So a hundred and twenty ROs", ALLN, "rep restating the prospect's volume (Dana Kowalczyk)"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "maybe one in five of what", ALLN, "prospect's own approval rate"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "Fifty percent. That'd be huge", ALLN, "external speaker echoing the rep"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "six point one to seven point four", ALLN, "Marcus Bell: matches flagged-hours-per-day and -before"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "six and a half hours a day", ALLN, "prospect's own figure"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "eleven fifty a rooftop", ALLN, "Dana Kowalczyk: matches core-plan-price US$1,150"),
    ("calls/2026-09-15-redbank-chevrolet.vtt", "thirty minutes next Tuesday", ALLN, "logistics"),
    ("calls/2026-09-28-corrib-motors.srt", "twenty-one per cent to thirty-eight per cent", ALLN, "Ciarán Doyle: matches Brennan's registered before and after"),
    ("calls/2026-09-28-corrib-motors.srt", "four hundred and ten thousand euro", ALLN, "Ciarán Doyle: matches brennan-annual-uplift"),
    ("calls/2026-09-28-corrib-motors.srt", "about nine per cent of people", ALLN, "prospect's own no-show rate"),
    ("calls/2026-09-28-corrib-motors.srt", "the day before and two hours before", ALLN, "reminder settings"),
    ("calls/2026-09-28-corrib-motors.srt", "Three weeks. That's quicker", ALLN, "external speaker echoing the rep"),
    ("calls/2026-09-28-corrib-motors.srt", "one thousand and sixty euro", ALLN, "Irish list price on the pricing page; not a conversion of US$1,150"),
    ("calls/2026-09-28-corrib-motors.srt", "twenty-five thousand a year", ALLN, "prospect's own arithmetic"),
    ("calls/2026-09-28-corrib-motors.srt", "forty-five minutes on Thursday week", ALLN, "logistics"),
    ("calls/2026-10-06-zuma-autos.json", "We have sixteen bays", ALLN, "prospect's own numbers"),
    ("calls/2026-10-06-zuma-autos.json", "\"Seventy?\"", ALLN, "external speaker echoing the rep"),
    ("calls/2026-10-06-zuma-autos.json", "sometimes two hours", ALLN, "prospect's own figure"),
    ("calls/2026-10-06-zuma-autos.json", "about ninety-one percent of requests", ALLN, "Marcus Bell: matches parts-fill-rate 91%"),
    ("calls/2026-10-06-zuma-autos.json", "Ninety-one percent, that would", ALLN, "external speaker echoing"),
    ("calls/2026-10-06-zuma-autos.json", "four hundred and fifty thousand naira", ALLN, "Nigerian list price on the pricing page"),
    ("calls/2026-10-06-zuma-autos.json", "the thirty cars a day", ALLN, "rep restating the prospect's volume"),
    ("calls/2026-10-06-zuma-autos.json", "one hour next Wednesday", ALLN, "logistics"),
    ("calls/2026-10-20-waikato-motor-group.json", "two hundred and forty services a week", ALLN, "prospect's own volumes and 12% no-show rate"),
    ("calls/2026-10-20-waikato-motor-group.json", "two percent far out", ALLN, "external speaker echoing the rep"),
    ("calls/2026-10-20-waikato-motor-group.json", "seventeen percent and they're down to four", ALLN, "Aroha Ngata: matches Tasman's registered customer figures"),
    ("calls/2026-10-20-waikato-motor-group.json", "nineteen fifty a rooftop", ALLN, "NZ list price on the pricing page; 'just under six thousand' is its arithmetic for three sites"),
    ("calls/2026-10-20-waikato-motor-group.json", "like thirty minutes is that okay", ALLN, "logistics"),
    ("calls/2026-10-20-waikato-motor-group.json", "thirty minutes next thursday", ALLN, "logistics"),
]

CHECK_EXPECTED = [
    ("retired-claim", "drafts/blog-video-inspections.md", "add US$87",
     dict(related="proof-points/ro-value-2023.md", note="repeats the retired ro-uplift-2023 figure; ro-uplift is US$52")),
    ("unsupported-claim", "drafts/blog-video-inspections.md", "1.2 million inspection videos",
     dict(note="no approved entry states a monthly video volume")),
    ("metric-conflict", "drafts/blog-video-inspections.md", "lift approved work by 40 per cent",
     dict(related="proof-points/video-inspections.md", note="40 per cent; video-approval-uplift is 34% (the same post says 'about a third' earlier)")),
    ("stale-claim", "drafts/email-zuma-followup.txt", "see 58% fewer claims",
     dict(related="proof-points/warranty-claims.md", note="only backed by warranty-rejection-reduction, whose source (2023-10-02) is older than 24m")),
    ("metric-conflict", "drafts/email-zuma-followup.txt", "live in three weeks",
     dict(related="proof-points/go-live.md", note="three weeks to go live; median-go-live is 5 weeks")),
    ("stale-claim", "drafts/email-zuma-followup.txt", "add a ₦4,500,000",
     dict(related="messaging/fall-offer.md", note="the hardware-credit offer expired 2026-09-30")),
    ("metric-conflict", "drafts/landing-schedule.md", 'value: "9%"',
     dict(related="proof-points/no-shows.md", alt=['label: "average no-show rate with Axlewood reminders"'],
          note="front-matter stat: 9% average no-show rate; no-show-rate is 6%")),
    ("metric-conflict", "drafts/landing-schedule.md", "US$990 per rooftop",
     dict(related="answers/price.md", note="front matter: Core plan US$990; core-plan-price is US$1,150")),
    ("unsupported-claim", "drafts/landing-schedule.md", "18% more service bays",
     dict(note="no approved entry states a bay-fill figure")),
    ("stale-claim", "drafts/landing-schedule.md", "61% of your service customers",
     dict(related="proof-points/customer-retention.md", note="only backed by customer-retention-12m, whose entry is overdue for review")),
]

CHECK_NEGATIVES = [
    ("drafts/blog-video-inspections.md", "down to 3 mm", ALLN, "measurement in a story"),
    ("drafts/blog-video-inspections.md", "about a third more of the", ALLN, "a third rounds video-approval-uplift 34%"),
    ("drafts/blog-video-inspections.md", "from 21% to 38%", ALLN, "matches Brennan's registered figures"),
    ("drafts/blog-video-inspections.md", "€410,000 in extra", ALLN, "matches brennan-annual-uplift"),
    ("drafts/blog-video-inspections.md", "about five weeks", ALLN, "matches median-go-live"),
    ("drafts/email-zuma-followup.txt", "16 bays, about 30 cars", ALLN, "the prospect's own numbers"),
    ("drafts/email-zuma-followup.txt", "from 38 to 55 repair orders", ALLN, "matches ekoprime-daily-ros and -before"),
    ("drafts/email-zuma-followup.txt", "fill 91% of parts", ALLN, "matches parts-fill-rate"),
    ("drafts/email-zuma-followup.txt", "₦1,450,000 per rooftop", ALLN, "Nigerian list price on the pricing page"),
    ("drafts/email-zuma-followup.txt", "next Wednesday at 11am", ALLN, "logistics"),
    ("drafts/landing-schedule.md", 'value: "7.4 hrs"', ALLN, "matches flagged-hours-per-day"),
    ("drafts/landing-schedule.md", "in under a minute", ALLN, "product description and illustration (2 a.m.), no measured claim"),
    ("drafts/landing-schedule.md", "24 hours before and again 2 hours", ALLN, "reminder settings"),
    ("drafts/landing-schedule.md", "one no-show in seven to about one in seventeen", ALLN, "restates no-show-rate-before 14% and no-show-rate 6%"),
    ("drafts/landing-schedule.md", "from 17% no-shows to 4%", ALLN, "Tasman's registered customer figures"),
]


def speaker_at(path: str, line: int) -> str | None:
    """Who speaks on a call line, for the label's `speaker` field."""
    import re

    lines = _file(path).read_text(encoding="utf-8").splitlines()
    text = lines[line - 1]
    if path.endswith(".vtt"):
        m = re.search(r"<v ([^>]+)>", text)
        return m.group(1) if m else None
    if path.endswith(".srt"):
        return text.split(":", 1)[0]
    m = re.search(r'"speaker": "([^"]+)"', text)
    if m:
        return m.group(1)
    doc = json.loads(_file(path).read_text(encoding="utf-8"))
    names = {p["speakerId"]: p["name"] for p in doc.get("parties", [])}
    n = line
    while '"speakerId"' not in lines[n - 1] or '"sentences"' not in lines[n - 1]:
        n -= 1
    sid = re.search(r'"speakerId": "([^"]+)"', lines[n - 1]).group(1)
    return names.get(sid)


def build_expected(items):
    out = []
    for rule, path, anchor, extra in items:
        line = line_of(path, anchor)
        label = {"rule": rule, "path": path, "line": line}
        if "related" in extra:
            label["related"] = extra["related"]
        if "alt" in extra:
            label["alt_lines"] = [line_of(path, a) for a in extra["alt"]]
        if extra.get("turn"):
            label["turn_lines"] = turn_lines(path, line)
        for key in ("severity", "speaker"):
            if key in extra:
                label[key] = extra[key]
        if path.startswith("calls/") and speaker_at(path, line) != extra.get("speaker"):
            sys.exit(f"{path}:{line}: speaker {speaker_at(path, line)!r} is not {extra.get('speaker')!r}")
        if extra.get("optional"):
            label["optional"] = True
        label["note"] = extra["note"]
        out.append(label)
    return out


def build_negatives(items, expected):
    out = []
    for path, anchor, rules, note in items:
        line = line_of(path, anchor)
        for label in expected:
            if label["path"] != path:
                continue
            lines = {label["line"], *label.get("alt_lines", []), *label.get("turn_lines", [])}
            if line in lines:
                sys.exit(f"negative {path}:{line} ({anchor!r}) lies on a labelled line ({label['rule']})")
            # In calls every turn is its own line and speaker, so only the same line is refused there.
            near = 0 if path.startswith("calls/") else 2
            if not label.get("optional") and label["rule"] in rules and abs(line - label["line"]) <= near:
                sys.exit(f"negative {path}:{line} ({anchor!r}) within two lines of expected {label['rule']} at {label['line']}")
        neg = {"path": path, "line": line, "rules": list(rules), "note": note}
        if path.startswith("calls/"):
            neg["speaker"] = speaker_at(path, line)
        if path.endswith(".json") and "zuma" in path:
            neg["turn_lines"] = turn_lines(path, line)
        out.append(neg)
    return out


def main() -> None:
    audit_expected = build_expected(AUDIT_EXPECTED)
    check_expected = build_expected(CHECK_EXPECTED)
    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": DRAFTS,
        "audit": {
            "rules": AUDIT_RULES,
            "expected": audit_expected,
            "negatives": build_negatives(AUDIT_NEGATIVES, audit_expected),
        },
        "check": {
            "rules": CHECK_RULES,
            "expected": check_expected,
            "negatives": build_negatives(CHECK_NEGATIVES, check_expected),
        },
    }
    for d in DRAFTS:
        assert (HERE / d).is_file(), d
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for section in ("audit", "check"):
        counts: dict[str, list[int]] = {}
        for label in labels[section]["expected"]:
            c = counts.setdefault(label["rule"], [0, 0])
            c[1 if label.get("optional") else 0] += 1
        print(section, {r: f"{c[0]} required, {c[1]} optional" for r, c in counts.items()},
              "negatives:", len(labels[section]["negatives"]))


if __name__ == "__main__":
    main()
