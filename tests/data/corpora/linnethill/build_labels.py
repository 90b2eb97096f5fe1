#!/usr/bin/env python3
"""Build labels.json for the Linnethill corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; the script computes 1-based line numbers,
refuses missing or ambiguous anchors, and refuses a negative on a labelled line.
KB and call paths are relative to kb/, draft paths to this folder.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-linen-loss.md",
    "drafts/email-clyde-followup.txt",
    "drafts/landing-page-routes.md",
]
AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

WP = "proof-points/water-per-kilo.md"
EN = "proof-points/energy-per-kilo.md"
LL = "proof-points/linen-loss.md"
LL23 = "proof-points/linen-loss-2023.md"
PC = "proof-points/plant-count.md"
PB = "proof-points/payback.md"
RW = "proof-points/rewash-rate.md"
IMP = "answers/implementation.md"
HV = "case-studies/harbourview.md"
GM = "case-studies/glenmorven.md"
ST = "case-studies/straits.md"

ASH = "calls/2026-10-08-ashgrove-hotels.vtt"
KOP = "calls/2026-10-15-kopje-linen.srt"
CLY = "calls/2026-10-22-clyde-care-laundry.json"
MER = "calls/2026-11-05-merlion-hospitality.txt"

# (rule, path, anchor, extra) ; extra may hold related, alt (anchors), turn (anchors), speaker, severity, note, optional
AUDIT = [
    ("metric-conflict", "messaging/elevator-pitch.md", "R4.2 million", dict(related=HV,
        note="says Harbourview saves R4.2 million a year; harbourview-annual-savings is R2.4 million (digits swapped)")),
    ("metric-conflict", "messaging/sustainability.md", "cut water per kilo by over a third", dict(related=WP,
        note="over a third (>33%) less water per kilo; water-per-kilo-reduction is 31% (average)")),
    ("metric-conflict", "messaging/value-prop-ops.md", "Energy per kilo down by a quarter", dict(related=EN,
        note="a quarter less energy per kilo; energy-per-kilo-reduction is 18% (median)")),
    ("metric-conflict", "website/faq.md", "The median go-live is eight weeks", dict(related=IMP,
        note="FAQ says median go-live eight weeks; median-go-live-weeks is 10")),
    ("metric-conflict", "press/2026-10-series-b.md", "more than 430 laundry plants", dict(related=PC,
        note="press release says more than 430 plants in twelve countries; live-plants is more than 340, live-countries 9")),
    ("metric-conflict", "enablement/battlecard-tidewash.md", "cut linen loss by 48%", dict(related=LL,
        note="internal battlecard says 48%; linen-loss-reduction is 42% (average)")),
    ("metric-conflict", "website/sustainability.md", '<Stat value="35%" label="less water per kilo" />', dict(related=WP,
        note="MDX stat component says 35% less water per kilo; water-per-kilo-reduction is 31%")),
    ("metric-conflict", "answers/pricing.md", "payback in 4 to 6 months", dict(related=PB,
        note="answer says payback in 4 to 6 months; payback-months is 7 to 11")),
    ("source-conflict", "messaging/linen-loss-control.md", "lose 42% fewer pieces a year (Textile", dict(related=LL,
        alt=["Association member survey, 2026).", "title: Textile Services Association member survey 2026"],
        note="the 42% linen-loss figure is attributed to a Textile Services Association survey; linen-loss-reduction comes from the Linnethill Linen Loss Study 2026")),
    ("source-conflict", "website/sustainability.md", "The median plant uses 18% less energy per kilo, as independently verified", dict(related=EN,
        alt=["by the Green Laundry Alliance audit (2025)."],
        note="18% energy per kilo attributed to a Green Laundry Alliance audit; energy-per-kilo-reduction comes from the Linnethill Plant Benchmark 2026")),
    ("stale-claim", RW, "date: 2024-05-20", dict(alt=["value: 2.5", "value: 6", "The median plant's rewash rate falls from 6% to 2.5%"],
        severity="warning", note="only source dated 2024-05-20, older than max_source_age 24m at 2026-12-01; rewash-rate metrics rest on it")),
    ("stale-claim", PB, "reviewed: 2026-02-10", dict(alt=["value: [7, 11]", "within seven to eleven months"],
        severity="warning", note="reviewed 2026-02-10 with review_every 180d: review overdue since 2026-08-09")),
    ("stale-claim", "messaging/route-planning.md", "expires: 2026-10-31", dict(alt=["free route audit worth"],
        severity="error", note="entry expired 2026-10-31; its claim is the free route audit worth GBP 2,500")),
    ("stale-claim", "blog/water-stress-laundries.md", "uses around 15 litres per kilo", dict(alt=["of linen on average, according to a 2019 survey"],
        note="15 litres per kilo cited to a 2019 survey, older than max_source_age 24m")),
    ("stale-claim", "blog/water-stress-laundries.md", "found that one in four plants", dict(alt=["A 2021 study by the Scottish"],
        note="one in four plants cited to a 2021 study, older than max_source_age 24m")),
    ("unsourced-claim", "messaging/value-prop-ops.md", "cut chemical costs by 12%", dict(
        note="message has no sources and no metric registers a chemical-cost reduction")),
    ("unsourced-claim", "website/trust.md", "99.95% uptime", dict(
        note="trust page states an uptime figure; no source, no metric")),
    ("unsourced-claim", "website/changelog.md", "cut detergent use by up to 9%", dict(
        note="changelog states a beta detergent saving; no source, no metric")),
    ("retired-claim", "partners/machine-partners.md", "cut linen loss by up to 60%", dict(related=LL23,
        note="repeats the retired 2023 pilot figure (60%)")),
    ("metric-conflict", "partners/machine-partners.md", "cut linen loss by up to 60%", dict(related=LL, optional=True,
        note="the retired 60% also disagrees with linen-loss-reduction 42%; tolerated")),
    ("rep-misstatement", ASH, "cut their water by forty percent", dict(related=WP, speaker="Aoife Brennan",
        note="rep says water down forty percent; water-per-kilo-reduction is 31%")),
    ("rep-misstatement", ASH, "payback is usually four to six months", dict(related=PB, speaker="Aoife Brennan",
        note="rep says payback four to six months; payback-months is 7 to 11 (the entry is overdue for review, but it is the KB's figure; answers/pricing repeats the wrong 4 to 6)")),
    ("rep-misstatement", KOP, "live in six weeks from signature", dict(related=IMP, speaker="Thabo Nkosi",
        note="rep promises go-live in six weeks; median-go-live-weeks is 10")),
    ("rep-misstatement", CLY, "about a hundred thousand pounds a year", dict(related=GM, speaker="Callum Fraser",
        turn=["That's the exact problem Glenmorven", "They were at seven percent"],
        note="rep says Glenmorven saves about GBP 100,000 a year; glenmorven-annual-savings is GBP 64,000")),
    ("retired-claim", MER, "linen loss go down sixty percent", dict(related=LL23, speaker="Wei Ling Tan",
        note="rep quotes the retired 2023 pilot figure (60%) in a raw speech-recognition export")),
    ("rep-misstatement", MER, "linen loss go down sixty percent", dict(related=LL, speaker="Wei Ling Tan", optional=True,
        note="the same retired figure also contradicts linen-loss-reduction 42%; tolerated")),
    ("unsupported-claim", KOP, "accurate to within two percent on weight", dict(speaker="Thabo Nkosi",
        note="no approved entry states load-cell accuracy")),
    ("unsupported-claim", CLY, "ninety-nine point nine percent of tags", dict(speaker="Callum Fraser",
        note="no approved entry states a dock read rate")),
    ("unsourced-claim", "messaging/elevator-pitch.md", "R4.2 million", dict(optional=True,
        note="the message has no sources; the wrong figure is backed by nothing, but it is a metric-conflict first")),
    ("unsourced-claim", "messaging/value-prop-ops.md", "Energy per kilo down by a quarter", dict(optional=True,
        note="the message has no sources; the wrong figure is a metric-conflict first")),
    ("unsourced-claim", "website/changelog.md", "read up to 400 tags per second", dict(optional=True,
        note="reader throughput spec with no source; a reviewer may or may not want it backed")),
    ("unsourced-claim", "website/trust.md", "up to 72 hours of readings", dict(optional=True,
        note="product spec (meter buffer); arguable")),
    ("unsourced-claim", "answers/rfid.md", "rated for 200 industrial wash cycles, including tunnel pressing", dict(optional=True,
        note="tag rating: the answer's only source is the loss study, which does not cover it; arguable")),
]

AUDIT_NEG = [
    ("messaging/elevator-pitch.md", "use 31% less water per kilo", None, "matches water-per-kilo-reduction 31%"),
    ("messaging/elevator-pitch.md", "lose 42% fewer pieces a year once", None, "matches linen-loss-reduction 42%"),
    ("messaging/sustainability.md", "uses 18% less energy per kilo in its first year", None, "matches energy-per-kilo-reduction 18% (median)"),
    ("messaging/value-prop-ops.md", "saves €186,000 a year", None, "matches liffey-annual-savings"),
    ("messaging/linen-loss-control.md", "three to five pars of linen", None, "industry norm for par levels, not a result claim"),
    ("website/faq.md", "More than 340 plants", None, "matches live-plants (more than 340)"),
    ("website/faq.md", "lose on average 42% fewer pieces", None, "matches linen-loss-reduction"),
    ("website/faq.md", "between six and twelve meters", None, "a count of meters for a typical plant, a spec"),
    ("website/pricing.md", "| Metering | €690 |", None, "list price, the canonical price itself"),
    ("website/pricing.md", "from 38 cents a tag", None, "price of tags"),
    ("website/pricing.md", "Contracts run for twelve", None, "contract term"),
    ("website/pricing.md", "use 31% less water per kilo", None, "matches water-per-kilo-reduction"),
    ("press/2026-10-series-b.md", "an €18 million Series B", None, "funding amount, a company fact"),
    ("press/2026-10-series-b.md", "Founded in 2017", None, "a year"),
    ("website/changelog.md", "more than 40 cages were read", None, "bug condition, not a claim"),
    ("website/changelog.md", "Android 11 and later", None, "version number"),
    ("blog/water-stress-laundries.md", "rose by 9% in 2025", ["stale-claim", "unsourced-claim"], "cited to a 2025 review, inside max_source_age"),
    ("blog/water-stress-laundries.md", "use 31% less water per kilo on average", None, "matches water-per-kilo-reduction"),
    ("blog/water-stress-laundries.md", "Day Zero scare in 2018", None, "a year, not a claim"),
    ("website/careers.md", "from 40 to 95 people", None, "headcount, a company fact"),
    ("website/careers.md", "25 days' leave", None, "benefit, not a claim"),
    ("website/trust.md", "every 15 minutes, kept for 35 days", None, "backup schedule, a spec"),
    ("website/trust.md", "ISO/IEC 27001", None, "a standard's number"),
    ("website/trust.md", "within two working days", None, "response commitment"),
    ("partners/machine-partners.md", "within 48 hours", None, "service commitment"),
    ("partners/machine-partners.md", "from five manufacturers", None, "a count"),
    ("enablement/battlecard-tidewash.md", "around R18,000 a month", None, "competitor's price"),
    ("enablement/battlecard-tidewash.md", "19% fewer kilometres", None, "matches straits-route-km-reduction"),
    ("enablement/battlecard-tidewash.md", "about R90,000 per plant", None, "competitor's installation fee"),
    ("website/sustainability.md", '<Stat value="18%"', None, "matches energy-per-kilo-reduction"),
    ("website/sustainability.md", '<Stat value="340+"', None, "matches live-plants"),
    ("website/sustainability.md", "from 11.2 litres a kilo to 7.4", None, "customer quote matching the Liffey case study"),
    ("case-studies/liffey.md", "went from 11.2 litres of water per kilo to 7.4", None, "before/after pair of the case study"),
    ("case-studies/straits.md", "two of its fourteen lorries", None, "counts"),
    ("case-studies/glenmorven.md", "rewash rate had crept up to 7%", None, "the customer's before figure"),
    ("proof-points/water-per-kilo.md", "covered 118 plants", None, "sample size"),
    ("proof-points/route-distance.md", "compared 2,300 routes", None, "sample size"),
    ("answers/implementation.md", "three to four weeks for", None, "a phase of the plan, not the go-live figure"),
    ("answers/pricing.md", "is twelve months; there is no multi-year", None, "contract term, not a claim"),
    ("answers/rfid.md", "lose 42% fewer pieces a year.", None, "matches linen-loss-reduction"),
    (ASH, "about nine tonnes a day", None, "prospect's own volume"),
    (ASH, "Nine percent, near enough", None, "prospect's own tariff rise"),
    (ASH, "eighteen percent less energy per kilo", None, "rep quotes energy-per-kilo-reduction correctly"),
    (ASH, "six hundred and ninety euro", None, "list price and contract term, both right"),
    (ASH, "eleven point two litres", None, "matches Liffey case study (spoken numbers)"),
    (ASH, "between six and twelve meters", None, "count of meters"),
    (KOP, "R1.1 million in replacement linen", None, "prospect's own spend"),
    (KOP, "they save R2.4 million a year", None, "matches harbourview-annual-savings"),
    (KOP, "maybe eighty thousand pieces", None, "prospect's own stock count"),
    (KOP, "rated for two hundred wash cycles", None, "tag rating as in answers/rfid"),
    (CLY, "sitting around eight percent", None, "prospect's own rewash rate"),
    (CLY, "They were at seven percent, now they're at two", None, "matches the Glenmorven case study"),
    (CLY, "forty-two percent fewer pieces", None, "matches linen-loss-reduction"),
    (CLY, "live ten weeks after signature", None, "matches median-go-live-weeks"),
    (CLY, "that's about five months", None, "prospect's timeline"),
    (CLY, "The contract is twelve months", None, "contract term"),
    (MER, "three hundred and twenty pickups", None, "prospect's own volumes"),
    (MER, "nineteen percent fewer kilometres a week", None, "matches straits-route-km-reduction"),
    (MER, "average is fourteen percent fewer kilometres", None, "matches route-distance-reduction"),
    (MER, "two to three thousand towels", None, "prospect's own loss"),
    (MER, "thirty day pilot", None, "pilot term from the pricing page"),
]

BLOG = "drafts/blog-linen-loss.md"
MAIL = "drafts/email-clyde-followup.txt"
LAND = "drafts/landing-page-routes.md"
CHECK = [
    ("metric-conflict", BLOG, "use on average 38% less water per kilo", dict(related=WP,
        note="38% less water; water-per-kilo-reduction is 31%")),
    ("retired-claim", BLOG, "saw loss fall by 60%", dict(related=LL23, note="repeats the retired 2023 pilot figure")),
    ("metric-conflict", BLOG, "saw loss fall by 60%", dict(related=LL, optional=True, note="retired 60% also disagrees with 42%; tolerated")),
    ("stale-claim", BLOG, "rewash rates fall from 6% to", dict(related=RW, alt=["2.5% once stain codes"],
        note="only proof-points/rewash-rate backs 6% to 2.5%, and its source is older than 24m")),
    ("unsupported-claim", BLOG, "3,000 driver hours", dict(note="no approved entry states driver hours saved")),
    ("metric-conflict", MAIL, "saving £46,000 a year", dict(related=GM, note="GBP 46,000; glenmorven-annual-savings is GBP 64,000")),
    ("unsupported-claim", MAIL, "catch 99.9% of tags", dict(note="no approved entry states a dock read rate")),
    ("stale-claim", MAIL, "within seven to eleven months", dict(related=PB,
        note="payback 7-11 months is backed only by proof-points/payback, whose review is overdue")),
    ("metric-conflict", MAIL, "within seven to eleven months", dict(related="answers/pricing.md", optional=True,
        note="answers/pricing says 4 to 6 months in prose; tolerated")),
    ("metric-conflict", LAND, "cut its weekly kilometres by 29%", dict(related=ST, note="29%; straits-route-km-reduction is 19%")),
    ("metric-conflict", LAND, "Go live in 6 weeks.", dict(related=IMP, note="6 weeks; median-go-live-weeks is 10")),
    ("unsupported-claim", LAND, "40 minutes earlier", dict(note="no approved entry states time saved per route")),
    ("metric-conflict", LAND, "up to 20% fewer kilometres", dict(related=[ "proof-points/route-distance.md", ST], optional=True,
        note="'up to 20%' is above the 14% average but near Straits' 19%; arguable")),
    ("unsupported-claim", LAND, "up to 20% fewer kilometres", dict(optional=True, note="arguable, see above")),
]
CHECK_NEG = [
    (BLOG, "study of 61 linen-hire firms", None, "sample size"),
    (BLOG, "42% fewer pieces a year.", None, "matches linen-loss-reduction"),
    (BLOG, "they now save R2.4", None, "matches harbourview-annual-savings (split over two lines)"),
    (BLOG, "rated for 200 industrial wash cycles", None, "tag rating as in the FAQ and answers/rfid"),
    (BLOG, "More than 340 plants", None, "matches live-plants"),
    (MAIL, "sitting at around 8%", None, "prospect's own rewash rate"),
    (MAIL, "went from 7% to 2%", None, "matches the Glenmorven case study"),
    (MAIL, "live ten weeks after signature", None, "matches median-go-live-weeks"),
    (MAIL, "about five months away", None, "prospect's timeline and contract term"),
    (LAND, "drive 14% fewer kilometres per route", None, "matches route-distance-reduction"),
    (LAND, "saving S$310,000 a year", None, "matches straits-annual-savings"),
    (LAND, "30-day pilot on one depot, from S$1,020", None, "pilot term and list price from the pricing page"),
    (LAND, "More than 300 plants", None, "rounded down from more than 340; agrees"),
]


def file_path(p):
    return os.path.join(HERE, p) if p.startswith("drafts/") else os.path.join(HERE, KB, p)


def line_of(path, anchor):
    text = open(file_path(path), encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def build(items, negs):
    out, labelled = [], set()
    for rule, path, anchor, extra in items:
        e = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        if "related" in extra:
            e["related"] = extra["related"]
        if "alt" in extra:
            e["alt_lines"] = [line_of(path, a) for a in extra["alt"]]
        if "turn" in extra:
            e["turn_lines"] = sorted({line_of(path, a) for a in extra["turn"]} | {e["line"]})
        for k in ("speaker", "severity", "optional", "note"):
            if k in extra:
                e[k] = extra[k]
        out.append(e)
        labelled.add((path, e["line"]))
    neg = []
    for path, anchor, rules, note in negs:
        line = line_of(path, anchor)
        if (path, line) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{line} ({anchor!r})")
        n = {"path": path, "line": line}
        if rules:
            n["rules"] = rules
        n["note"] = note or "contract term, not a claim"
        neg.append(n)
    return out, neg


def main():
    ae, an = build(AUDIT, AUDIT_NEG)
    ce, cn = build(CHECK, CHECK_NEG)
    labels = {
        "today": TODAY, "kb": KB, "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": ae, "negatives": an},
        "check": {"rules": CHECK_RULES, "expected": ce, "negatives": cn},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for s, exp, neg in (("audit", ae, an), ("check", ce, cn)):
        req = [e for e in exp if not e.get("optional")]
        print(s, "expected", len(req), "optional", len(exp) - len(req), "negatives", len(neg))


if __name__ == "__main__":
    main()
