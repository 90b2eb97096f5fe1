#!/usr/bin/env python3
"""Build labels.json for the Dunmarrow corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; its 1-based line becomes the label's line.
The script refuses a missing or ambiguous anchor and a negative on a labelled line.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-ticketless-car-parks.md",
    "drafts/email-followup-cork-council.txt",
    "drafts/landing-municipal.md",
]
RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
         "retired-claim", "rep-misstatement", "unsupported-claim"]

EXIT = "proof-points/exit-queue.md"
PCN = "proof-points/pcn-appeals.md"
OCC = "proof-points/occupancy-accuracy.md"
REV = "proof-points/revenue-uplift.md"
EV = "proof-points/ev-bay-utilisation.md"
PERMIT = "proof-points/permit-processing.md"
PATROL = "proof-points/patrol-coverage.md"
CORK = "case-studies/cork-harbour.md"
JUNCTION = "case-studies/junction-nairobi.md"
VTT = "calls/2026-10-06-limerick-city.vtt"
SRT = "calls/2026-10-15-mombasa-port.srt"
JSN = "calls/2026-10-22-baton-rouge-parish.json"
TXT = "calls/2026-11-03-hamilton-transit.txt"

# (rule, path, anchor, extra)  extra may hold related, alt (anchors), turn (anchors), severity, note, optional
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/pay-on-exit.md", "cut exit queues by 46%", dict(related=EXIT,
        note="46% vs exit-queue-reduction 64% (digits swapped)")),
    ("metric-conflict", "website/faq.md", "99.5% accurate", dict(related=OCC,
        note="FAQ says sensors 99.5% accurate; sensor-occupancy-accuracy is 98.5%")),
    ("metric-conflict", "enablement/battlecard-parkwise.md", "appeals by 48%", dict(related=PCN,
        note="battlecard says appeals cut by 48%; pcn-appeal-reduction is 38%")),
    ("metric-conflict", "answers/hardware-cost.md", "€130,000", dict(related=CORK,
        note="Cork saving quoted as EUR 130,000; cork-cash-saving is EUR 310,000")),
    ("metric-conflict", "press/2026-09-series-b.md", "revenue uplift of 21%", dict(related=REV,
        note="press release says 21% average uplift; revenue-uplift is 17%")),
    ("metric-conflict", "messaging/ev-charging.md", "as much as 78%", dict(related=EV,
        note="says utilisation up to 78%; ev-bay-utilization is 73% (average); no 78% anywhere")),
    ("metric-conflict", "blog/searching-for-parking.md", "KSh 12.4 million", dict(related=JUNCTION,
        note="blog says KSh 12.4 million; junction-added-revenue is KES 14.2 million (digits swapped)")),
    # source-conflict
    ("source-conflict", "messaging/elevator-pitch.md", "(Deloitte Parking Outlook,", dict(related=REV,
        note="17% revenue uplift attributed to Deloitte Parking Outlook 2026; revenue-uplift is sourced from the 2026 Dunmarrow Operator Benchmark")),
    ("source-conflict", "partners/voltbay.md", "exit queues 64% shorter", dict(related=EXIT,
        note="64% attributed to the International Parking & Mobility Institute; exit-queue-reduction comes from the 2026 Dunmarrow Operator Benchmark")),
    # stale-claim
    ("stale-claim", OCC, "reviewed: 2025-11-10", dict(alt=["value: 98.5", "98.5% of bay readings"],
        severity="warning", note="reviewed 2025-11-10, review_every 180d: overdue since 2026-05-09")),
    ("stale-claim", PERMIT, "date: 2024-03-18", dict(alt=["value: 2\n", "median of 2 days"],
        severity="warning", note="only source dated 2024-03-18, older than max_source_age 24m (cut-off 2024-12-01)")),
    ("stale-claim", "blog/searching-for-parking.md", "17 hours a year", dict(alt=["2019 INRIX study"],
        severity="warning", note="figure cited to a 2019 INRIX study, older than 24m")),
    ("stale-claim", "blog/searching-for-parking.md", "30% of drivers", dict(alt=["A 2023 survey by the British Parking Association"],
        severity="warning", note="figure cited to a 2023 survey (end of 2023), older than 24m")),
    ("stale-claim", "messaging/enforcement.md", "expires: 2026-10-31", dict(alt=["Officers cover 3x more bays"],
        severity="error", note="entry expired 2026-10-31")),
    ("stale-claim", "answers/data-privacy.md", "reviewed: 2025-12-20", dict(any_line=True,
        severity="warning", note="reviewed 2025-12-20, review_every 180d: overdue since 2026-06-18")),
    # unsourced-claim
    ("unsourced-claim", "website/pricing.md", "payback in under 7 months", dict(
        note="payback claim with no source and no metric")),
    ("unsourced-claim", "website/faq.md", "by up to 80%", dict(
        note="cash handling cost cut up to 80%: no source, no metric (Cork's saving is in euro, not percent)")),
    ("unsourced-claim", "careers/field-engineer.md", "grew ARR 140%", dict(
        note="growth figure on careers page with no source")),
    ("unsourced-claim", "messaging/municipal.md", "compliance rates by 30 percent", dict(
        note="compliance uplift with no source and no registered metric")),
    ("unsourced-claim", "website/trust.md", "99.97%", dict(
        note="measured uptime with no source (the 99.9% SLA is a contract term)")),
    ("unsourced-claim", "enablement/battlecard-parkwise.md", "1 in 5 transactions", dict(
        note="competitor failure rate with no source")),
    # retired-claim
    ("retired-claim", "messaging/enforcement.md", "Officers cover 3x more bays", dict(related=PATROL,
        note="repeats retired patrol-coverage-multiplier 3x")),
    ("retired-claim", "partners/voltbay.md", "3 times as many bays per patrol", dict(related=PATROL,
        note="repeats retired patrol-coverage-multiplier 3x")),
    ("retired-claim", JSN, "cover 3x more bays per patrol hour", dict(related=PATROL, speaker="Renée Thibodeaux",
        turn=["Got it, Troy.", "twenty seven percent", "cover 3x more bays per patrol hour"],
        note="rep repeats the retired 3x patrol figure")),
    # rep-misstatement
    ("rep-misstatement", VTT, "about forty percent at peak", dict(related=EXIT, speaker="Aoife Brennan",
        note="rep says queues down about 40%; exit-queue-reduction is 64%")),
    ("rep-misstatement", SRT, "about 83% of charging hours", dict(related=EV, speaker="Kiprono Mutai",
        note="rep says 83%; ev-bay-utilization is 73%")),
    ("rep-misstatement", JSN, "twenty seven percent", dict(related=REV, speaker="Renée Thibodeaux",
        turn=["Got it, Troy.", "twenty seven percent", "cover 3x more bays per patrol hour"],
        note="rep says 27% revenue uplift; revenue-uplift is 17%")),
    ("rep-misstatement", TXT, "fifty eight percent", dict(related=PCN, speaker="Marc-André Gagnon",
        note="rep says appeals drop about 58% (ASR text, numbers in words); pcn-appeal-reduction is 38%")),
    # unsupported-claim in a call
    ("unsupported-claim", SRT, "forty thousand bays live in Kenya", dict(speaker="Kiprono Mutai",
        note="no approved entry backs a Kenyan bay count")),
    # optional
    ("stale-claim", VTT, "ninety-eight and a half percent", dict(optional=True, speaker="Aoife Brennan",
        note="correct figure, but only the review-overdue occupancy entry backs it")),
    ("stale-claim", TXT, "median decision is two days", dict(optional=True, speaker="Marc-André Gagnon",
        note="correct figure, but permit-decision-days rests on a source older than 24m")),
    ("unsourced-claim", "press/2026-09-series-b.md", "more than 310,000 bays", dict(optional=True,
        note="company footprint in a press release: arguable")),
    ("unsourced-claim", "website/faq.md", "one in three sites", dict(optional=True,
        note="soft usage figure in an FAQ")),
    ("unsourced-claim", "messaging/pay-on-exit.md", "from 4 minutes to 90 seconds", dict(optional=True,
        note="90 seconds is cork-exit-seconds; 4 minutes only in Cork's prose, not registered")),
    ("unsourced-claim", "website/changelog.md", "from 60 seconds to 25 seconds", dict(optional=True,
        note="product change in a changelog; arguable")),
    ("unsourced-claim", "partners/voltbay.md", "more than 4,000 public chargers", dict(optional=True,
        note="partner's own footprint")),
    ("unsourced-claim", "enablement/battlecard-parkwise.md", "$0.12 per transaction", dict(optional=True,
        note="competitor list price in an internal battlecard")),
]

AUDIT_NEG = [
    (EXIT, "42 barrier sites", None, "sample size"),
    (EXIT, "busiest 90 minutes", None, "measurement window"),
    (PCN, "28 days in most", None, "statutory norm, not a result"),
    (OCC, "6,400 bay-hours", None, "audit sample size"),
    (OCC, "IP68, run about seven years", None, "sensor specs"),
    (REV, "same twelve months", None, "method, a time span"),
    (EV, "up from 41% before", None, "before/after pair matching both metrics"),
    ("proof-points/enforcement-productivity.md", "11 operators and 380 officers", None, "sample size"),
    ("proof-points/enforcement-productivity.md", "2.2x as many bays", None, "matches patrol-productivity"),
    (PATROL, "reviewed: 2025-04-11", ["stale-claim"], "retired entries are not checked for staleness"),
    (PATROL, "date: 2024-11-20", ["stale-claim"], "retired entries are not checked for staleness"),
    (PATROL, "cover 3x more bays per patrol hour", ["retired-claim"], "a retired entry quoting its own figure is fine"),
    (JUNCTION, "1,150 bays over three levels", None, "count"),
    (JUNCTION, "The rollout took six weeks", None, "time span"),
    (JUNCTION, "Result: KSh 14.2 million", None, "matches its own metrics"),
    (CORK, "about 2,600", None, "count"),
    (CORK, "19 pay stations three times a week", None, "counts"),
    (CORK, "€310,000 a year", None, "matches cork-cash-saving"),
    ("case-studies/halifax-permits.md", "about 11,000 residential", None, "the customer's volume"),
    ("case-studies/halifax-permits.md", "Contract: five years", None, "contract term"),
    ("case-studies/halifax-permits.md", "Go-live took 14 weeks", None, "time span"),
    ("case-studies/lafayette-medical.md", "Two garages, 1,800 spaces", None, "count"),
    ("case-studies/lafayette-medical.md", "citation disputes down 45%", None, "matches its own metrics"),
    ("messaging/pay-on-exit.md", "Almost two-thirds off", None, "rounded restatement of 64%"),
    ("messaging/ev-charging.md", "OCPP 1.6 or 2.0.1", None, "protocol versions"),
    ("messaging/municipal.md", "CA$1.1 million recovered", None, "matches halifax-permit-revenue"),
    ("messaging/elevator-pitch.md", "Dunmarrow in thirty seconds", None, "title"),
    ("answers/hardware-cost.md", "36-month term", None, "contract term"),
    ("answers/hardware-cost.md", "grew revenue 17%", None, "matches revenue-uplift"),
    ("answers/barrier-integration.md", "12 manufacturers", None, "product fact, a count"),
    ("answers/barrier-integration.md", "two cameras per lane", None, "count"),
    ("website/pricing.md", "€290 / month", None, "list price"),
    ("website/pricing.md", "€1,450 / month", None, "list price"),
    ("website/pricing.md", "from €95 per bay", None, "list price"),
    ("website/faq.md", "Twelve months for the Lot plan", None, "contract term"),
    ("website/faq.md", "72 hours of transactions", None, "spec"),
    ("press/2026-09-series-b.md", "a €38 million Series B", None, "the funding event itself"),
    ("press/2026-09-series-b.md", "hire 120 people", None, "a plan, not a result"),
    ("website/changelog.md", "30, 14 and 3 days", None, "product settings"),
    ("website/changelog.md", "500 notices", None, "spec"),
    ("website/changelog.md", "600 requests per minute", None, "rate limit"),
    ("blog/searching-for-parking.md", "cut search time by 43%", ["stale-claim", "unsourced-claim"],
     "cited to a 2025 review, inside 24m"),
    ("careers/field-engineer.md", "CA$72,000 to CA$88,000", None, "salary band"),
    ("careers/field-engineer.md", "Travel about 40%", None, "job detail"),
    ("careers/field-engineer.md", "4 weeks' vacation", None, "benefit"),
    ("website/trust.md", "99.9% uptime SLA", None, "contract commitment, not a result"),
    ("website/trust.md", "deleted after 30 days", None, "retention policy"),
    ("partners/voltbay.md", "firmware 4.2", None, "version"),
    ("website/ev-landing.md", 'value="73%"', None, "matches ev-bay-utilization"),
    ("website/ev-landing.md", 'value="41%"', None, "matches ev-bay-utilization-before"),
    ("website/ev-landing.md", "within 10 minutes", None, "product rule"),
    (VTT, "We've 640 spaces", None, "prospect's own numbers"),
    (VTT, "We drive barriers from 12 manufacturers", None, "correct; also matches Cork EUR 310,000"),
    (VTT, "on the 20th", None, "logistics"),
    (SRT, "about 2,300 truck", None, "prospect's own numbers"),
    (SRT, "KSh 14.2 million a year", None, "matches junction metrics"),
    (SRT, "twenty of them", None, "prospect's plan"),
    (SRT, "Plates are kept 30 days", None, "retention policy, matches the answer"),
    (JSN, "about 4,800 metered", None, "prospect's own numbers"),
    (JSN, "36-month term", None, "contract term"),
    (JSN, "cut citation disputes 45%", None, "matches acadiana metrics"),
    (TXT, "one point one million dollars", None, "matches halifax-permit-revenue"),
    (TXT, "eleven thousand residential", None, "prospect's own numbers"),
    (TXT, "two weeks for us", None, "prospect's own numbers"),
    (TXT, "twenty six zones", None, "prospect's own numbers"),
]

BLOG = DRAFTS[0]
MAIL = DRAFTS[1]
LAND = DRAFTS[2]
CHECK = [
    ("metric-conflict", BLOG, "by 54%", dict(related=EXIT, note="54% vs exit-queue-reduction 64%")),
    ("unsupported-claim", BLOG, "9 minutes faster", dict(note="no approved entry backs search time saved")),
    ("stale-claim", BLOG, "98.5% accurate", dict(related=OCC,
        note="matches sensor-occupancy-accuracy, but only the review-overdue entry backs it")),
    ("retired-claim", BLOG, "cover 3x more bays", dict(related=PATROL, note="retired patrol figure; current is 2.2x")),
    ("stale-claim", BLOG, "median of 2 days", dict(related=PERMIT,
        note="only permit-processing backs it, and its source is older than 24m")),
    ("metric-conflict", MAIL, "€301,000", dict(related=CORK, note="EUR 301,000 vs cork-cash-saving EUR 310,000")),
    ("unsupported-claim", MAIL, "installed in 3 weeks", dict(note="no entry backs a hardware lead time")),
    ("metric-conflict", LAND, "by 25% in year one", dict(related=REV, note="25% vs revenue-uplift 17%")),
    ("unsupported-claim", LAND, "more than 300 operators", dict(note="no entry backs an operator count")),
    ("metric-conflict", LAND, "up to 99% accurate", dict(optional=True, related=OCC,
        note="'up to 99%' rounds 98.5% up and drops the qualifier; the backing entry is also stale")),
    ("stale-claim", LAND, "up to 99% accurate", dict(optional=True, related=OCC, note="see above")),
]
CHECK_NEG = [
    (BLOG, "seconds instead of 4 minutes", None, "before/after pair from the Cork case study"),
    (BLOG, "Appeals fall by 38%", None, "matches pcn-appeal-reduction"),
    (BLOG, "30-minute demo", None, "logistics"),
    (MAIL, "by 17% in", None, "matches revenue-uplift"),
    (MAIL, "from 41% to 73%", None, "before/after pair matching both EV metrics"),
    (MAIL, "420-space site", None, "prospect's site and contract term"),
    (MAIL, "Thanks again for the time on Tuesday", None, "logistics"),
    (LAND, "38% fewer penalty", None, "matches pcn-appeal-reduction; 2.2x matches patrol-productivity"),
    (LAND, "CA$1.1 million", None, "matches halifax-permit-revenue"),
    (LAND, "Contracts run five years", None, "contract term and time span"),
]


def read(path):
    with open(os.path.join(HERE, path), encoding="utf-8") as f:
        return f.read()


def line_of(path, anchor):
    text = read(path)
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def build(items, negs, kb_rel):
    def disk(p):
        return os.path.join(KB, p) if kb_rel and not p.startswith("drafts/") else p

    expected, taken = [], {}
    for rule, path, anchor, extra in items:
        extra = dict(extra)
        d = {"rule": rule, "path": path, "line": line_of(disk(path), anchor)}
        lines = {d["line"]}
        if "related" in extra:
            d["related"] = extra.pop("related")
        if "alt" in extra:
            d["alt_lines"] = [line_of(disk(path), a) for a in extra.pop("alt")]
            lines.update(d["alt_lines"])
        if "turn" in extra:
            d["turn_lines"] = [line_of(disk(path), a) for a in extra.pop("turn")]
            lines.update(d["turn_lines"])
        d.update(extra)
        expected.append(d)
        taken.setdefault(path, set()).update(lines)
    negatives = []
    for path, anchor, rules, note in negs:
        ln = line_of(disk(path), anchor)
        if ln in taken.get(path, set()):
            sys.exit(f"negative {anchor!r} on labelled line {path}:{ln}")
        n = {"path": path, "line": ln, "note": note}
        if rules:
            n["rules"] = rules
        negatives.append(n)
    return expected, negatives


def main():
    a_exp, a_neg = build(AUDIT, AUDIT_NEG, True)
    c_exp, c_neg = build(CHECK, CHECK_NEG, False)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": RULES, "expected": a_exp, "negatives": a_neg},
        "check": {"rules": RULES, "expected": c_exp, "negatives": c_neg},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    for name, exp, neg in (("audit", a_exp, a_neg), ("check", c_exp, c_neg)):
        req = Counter(e["rule"] for e in exp if not e.get("optional"))
        opt = Counter(e["rule"] for e in exp if e.get("optional"))
        print(name, "expected", dict(req), "optional", dict(opt), "negatives", len(neg))


if __name__ == "__main__":
    main()
