#!/usr/bin/env python3
"""Build labels.json for the quarrywell corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the script turns anchors into 1-based line
numbers, refuses anchors that are missing or ambiguous, and refuses a negative placed on a line
that carries an expected or optional finding in the same file.
Run from this folder: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-nrw-playbook.md",
    "drafts/email-cedar-fork-reference.txt",
    "drafts/landing-smart-metering.md",
]
AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

_cache = {}


def line_of(path, anchor, kb_relative):
    full = os.path.join(HERE, KB, path) if kb_relative else os.path.join(HERE, path)
    if full not in _cache:
        with open(full, encoding="utf-8") as f:
            _cache[full] = f.read()
    text = _cache[full]
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def E(rule, path, anchor, note, related=None, alt=(), turn=(), optional=False,
      speaker=None, severity=None):
    return dict(rule=rule, path=path, anchor=anchor, note=note, related=related, alt=list(alt),
                turn=list(turn), optional=optional, speaker=speaker, severity=severity)


def N(path, anchor, note, rules=None, speaker=None):
    return dict(path=path, anchor=anchor, note=note, rules=rules, speaker=speaker)


PP = "proof-points/"
VTT = "calls/2026-09-15-harlow-county.vtt"
SRT = "calls/2026-10-06-jurong-meridian.srt"
JSN = "calls/2026-10-20-cwm-ogwr.json"
ASR = "calls/2026-11-03-mangaung-north.txt"

AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    E("metric-conflict", "messaging/elevator-pitch.md", "cut non-revenue water by 32%",
      "elevator pitch says 32% less NRW; nrw-reduction is 23% (digits transposed)",
      related=PP + "nrw-reduction.md"),
    E("metric-conflict", "website/faq.md", "within 5 days of it starting",
      "FAQ says a typical leak is located within 5 days; leak-find-days is a 3-day median",
      related=PP + "leak-detection-time.md"),
    E("metric-conflict", "news/2026-10-press-release-cedar-fork.md", "$460,000",
      "press release says Cedar Fork saved $460,000; cedar-fork-annual-savings is $640,000 (digits swapped)",
      related="case-studies/cedar-fork.md"),
    E("metric-conflict", "website/home.md", 'value="99.5%"',
      "MDX stat says 99.5% of reads validated; meter-read-rate is 99.2%",
      related=PP + "meter-read-rate.md"),
    E("metric-conflict", "answers/capex-budget.md", "R15.8 million",
      "answer says Kestrel Bay recovered R15.8 million a year; kestrel-bay-annual-savings is R18.5 million (digits swapped)",
      related="case-studies/kestrel-bay.md"),
    E("metric-conflict", "messaging/regulatory-returns.md", "by 70%",
      "message says staff hours on the return fall by 70%; returns-effort-reduction is 60%",
      related=PP + "regulatory-returns.md"),
    E("metric-conflict", "enablement/battlecard-aquaseer.md", "99.9% of its meters",
      "battlecard says Tanjong Serai reads 99.9% of meters; tanjong-serai-read-rate is 99.6%",
      related="case-studies/tanjong-serai.md"),
    # source-conflict
    E("source-conflict", "messaging/nrw-story.md", "Quarrywell cut non-revenue water by 23% on average.",
      "the 23% NRW reduction is attributed to a Global Water Intelligence survey; nrw-reduction (23%) comes from the 2026 Quarrywell Utility Outcomes Study",
      related=PP + "nrw-reduction.md",
      alt=["independent Global Water Intelligence survey found", "title: Global Water Intelligence utility survey 2026"]),
    E("source-conflict", "enablement/battlecard-aquaseer.md", "cut total leakage by 17% in two years",
      "Gwendraeth's 17% is attributed to a Water UK league table; gwendraeth-leakage-reduction is sourced from Dŵr Gwendraeth's annual performance report",
      related="case-studies/gwendraeth.md"),
    # stale-claim
    E("stale-claim", PP + "pressure-bursts.md", "date: 2023-06-15",
      "only source dated 2023-06-15, older than max_source_age 24m before 2026-12-01; burst-reduction 31% rests on it",
      alt=["value: 31", "bursts fall by 31% on average"], severity="warning"),
    E("stale-claim", PP + "deployment-time.md", "reviewed: 2026-03-10",
      "reviewed 2026-03-10 with review_every 180d (canon.toml): review overdue since 2026-09-06",
      alt=["value: 14", "is live on the utility's own data 14 weeks after signature"], severity="warning"),
    E("stale-claim", "messaging/pressure-offer.md", "expires: 2026-10-31",
      "offer expired 2026-10-31 (severity error); its claim is the US$25,000 assessment at no charge",
      alt=["normally a US$25,000 engagement"], severity="error"),
    E("stale-claim", "blog/what-lost-water-costs.md", "126 billion cubic metres",
      "figure cited to a 2020 World Bank estimate, older than max_source_age",
      alt=["according to a 2020 World Bank estimate"], severity="warning"),
    E("stale-claim", "blog/what-lost-water-costs.md", "lose 47% of their water",
      "figure cited to the 2023 No Drop report (a year alone means end of 2023), older than 24 months before 2026-12-01",
      alt=["Department of Water and Sanitation's 2023 No Drop report"], severity="warning"),
    # unsourced-claim
    E("unsourced-claim", "messaging/smart-metering.md", "bill 12% more",
      "entry has no sources and no metric registers a billed-revenue uplift"),
    E("unsourced-claim", "answers/false-alarms.md", "Fewer than one alert in twenty",
      "entry has no sources and no metric registers a dry-hole or false-alarm rate"),
    E("unsourced-claim", "enablement/battlecard-aquaseer.md", "three times longer than we do",
      "competitive speed claim with no source and no metric behind it"),
    E("unsourced-claim", "news/2026-10-press-release-cedar-fork.md", "38,000 km of mains",
      "press release states mains length monitored; nothing registers it (a count, arguably)", optional=True),
    E("unsourced-claim", "answers/scada-integration.md", "about 2 days of the utility",
      "effort estimate with no source; arguably guidance rather than a claim", optional=True),
    E("unsourced-claim", "website/changelog.md", "cuts false alarms by 35%",
      "release note states an improvement with no source; changelogs are arguably their own evidence", optional=True),
    E("unsourced-claim", "enablement/battlecard-aquaseer.md", "about $40,000 for 100 loggers",
      "a competitor's price with no source; internal intelligence", optional=True),
    # retired-claim
    E("retired-claim", "partners/partner-programme.md", "cut their real losses by 40%",
      "repeats the retired real-loss-guarantee (40% within twelve months)",
      related=PP + "real-loss-guarantee.md"),
    E("retired-claim", "website/faq.md", "cut real losses by 40% within a year",
      "names the retired guarantee only to say it is withdrawn; public page, arguable", optional=True,
      related=PP + "real-loss-guarantee.md"),
    E("retired-claim", SRT, "at least a 40 percent reduction in real losses",
      "rep offers the retired real-loss guarantee", related=PP + "real-loss-guarantee.md",
      speaker="Wei Ling Tan"),
    # rep-misstatement
    E("rep-misstatement", VTT, "non-revenue water by about a third",
      "says NRW falls by about a third; nrw-reduction is 23% on average",
      related=PP + "nrw-reduction.md", speaker="Dana Kowalski"),
    E("rep-misstatement", SRT, "located in under a day",
      "says the median leak is located in under a day; leak-find-days is 3 days (median)",
      related=PP + "leak-detection-time.md", speaker="Wei Ling Tan"),
    E("rep-misstatement", JSN, "down twenty-seven percent",
      "says Gwendraeth cut leakage 27%; gwendraeth-leakage-reduction is 17%",
      related="case-studies/gwendraeth.md", speaker="Rhys Pritchard",
      turn=["\"She has.\"", "So in their first two years on Quarrywell", "That's about 4.2 megalitres a day"]),
    E("rep-misstatement", ASR, "twenty eight million rand",
      "says Kestrel Bay saves about R28 million a year; kestrel-bay-annual-savings is R18.5 million",
      related="case-studies/kestrel-bay.md", speaker="Thandi Mokoena"),
    # unsupported-claim (calls)
    E("unsupported-claim", VTT, "four hundred emergency callouts",
      "no approved entry states avoided emergency callouts", speaker="Marcus Reyes"),
    E("unsupported-claim", VTT, "ten years on a battery",
      "logger battery life; a hardware spec that the FAQ gives as the manufacturer's 5 years; arguable",
      optional=True, speaker="Marcus Reyes"),
    E("unsupported-claim", SRT, "detect 95 percent of leaks",
      "no approved entry states a detection rate", speaker="Wei Ling Tan"),
    E("unsupported-claim", JSN, "fewer than five percent of the jobs",
      "answers/false-alarms states it (one in twenty) but that entry has no source or metric; arguable",
      optional=True, speaker="Sipho Ndlovu", turn=["That's the thing we hear most."]),
    E("unsupported-claim", ASR, "payback in under eighteen months",
      "no approved entry states a payback period", speaker="Thandi Mokoena"),
]

AUDIT_NEGATIVES = [
    N(PP + "nrw-reduction.md", "nearly a quarter less water lost", "rounds the 23% nrw-reduction"),
    N(PP + "nrw-reduction.md", "What is behind the number: 61 utilities", "sample size and data window"),
    N(PP + "nrw-reduction.md", '"40% fewer real losses in 12 months"',
      "the superseding entry names the retired guarantee in order to retire it"),
    N(PP + "nrw-reduction.md", "started with NRW at 34%", "matches nrw-share-before"),
    N(PP + "real-loss-guarantee.md", "we guaranteed a 40% reduction",
      "the retired entry stating its own retired claim is not a retired-claim"),
    N(PP + "leak-detection-time.md", "fell from nineteen days to three",
      "matches leak-find-days-before and leak-find-days in words"),
    N(PP + "leak-detection-time.md", "3 days after it starts", "matches leak-find-days and its baseline"),
    N(PP + "meter-read-rate.md", "case study (99.6%)", "customer-specific tanjong-serai-read-rate beside the average"),
    N(PP + "meter-read-rate.md", "98% of reads within 24 hours", "an industry contract norm, not a Quarrywell result"),
    N(PP + "regulatory-returns.md", "(M36)", "a manual number, not a figure"),
    N(PP + "customer-base.md", "municipalities of 20,000 people", "size of a customer, not a claim"),
    N("case-studies/kestrel-bay.md", "R18 million, split",
      "just over R18 million rounds kestrel-bay-annual-savings R18.5 million"),
    N("case-studies/kestrel-bay.md", "serving around 210,000", "customer's population, not a claim"),
    N("case-studies/kestrel-bay.md", "The work started with 38 district metered areas", "count of DMAs and a time span"),
    N("case-studies/kestrel-bay.md", "40% asbestos-cement", "network composition, not the retired 40% guarantee"),
    N("case-studies/kestrel-bay.md", "lost close to half", "the customer's starting position"),
    N("case-studies/tanjong-serai.md", "reviewed: 2026-01-12",
      "entry-level review_every 1y overrides the 180d default: not overdue until 2027-01-12"),
    N("case-studies/tanjong-serai.md", "replaced 2,900 meters over 14 months", "project size and time span"),
    N("case-studies/tanjong-serai.md", "supplying potable", "site size and tenant count"),
    N("case-studies/tanjong-serai.md", "estimates for a third", "the customer's starting position"),
    N("case-studies/gwendraeth.md", "took a team of four about nine weeks", "before value of gwendraeth-returns-weeks"),
    N("case-studies/gwendraeth.md", "about 180,000 properties", "customer size"),
    N("case-studies/cedar-fork.md", "about two-thirds of a million dollars",
      "the board's rounding of the $640,000 saving"),
    N("case-studies/cedar-fork.md", "by about 15 psi", "an operating setting, not a result"),
    N("case-studies/cedar-fork.md", "averaged 212 breaks a year", "the customer's before figure"),
    N("case-studies/cedar-fork.md", "1,150 miles of main", "customer size"),
    N("messaging/elevator-pitch.md", "leak is found in 3 days instead of 19", "matches leak-find-days and its baseline"),
    N("messaging/elevator-pitch.md", "More than 140 utilities trust us", "matches utilities-served and connections-monitored"),
    N("messaging/nrw-story.md", "often a third", "a general statement about NRW composition, not a Quarrywell result"),
    N("messaging/nrw-story.md", "losing 34% of its input volume", "matches nrw-share-before, an illustration"),
    N("messaging/smart-metering.md", "99.2% of scheduled reads", "matches meter-read-rate"),
    N("messaging/smart-metering.md", "for ten years", "a time span"),
    N("messaging/regulatory-returns.md", "nine weeks of work became three", "matches gwendraeth-returns-weeks and its before value"),
    N("messaging/pressure-offer.md", "up to five zones", "scope of the offer, a count"),
    N("answers/capex-budget.md", "two or three financial years", "a phasing time span"),
    N("answers/false-alarms.md", "90-day pilot", "a pilot term"),
    N("website/pricing.md", "US$1.10 per connection", "list price"),
    N("website/pricing.md", "US$2.40 per connection", "list price"),
    N("website/pricing.md", "US$3.20 per connection", "list price"),
    N("website/pricing.md", "Minimum contract: 10,000 connections", "a contract term"),
    N("website/pricing.md", "three or five years", "contract terms"),
    N("website/faq.md", "23% on average over two years.", "matches nrw-reduction"),
    N("website/faq.md", "rated for 5 years", "manufacturer's battery rating, a spec"),
    N("website/faq.md", "0.3 litres per second", "a detection threshold, a spec"),
    N("news/2026-10-press-release-cedar-fork.md", "saw 27% fewer main breaks", "matches cedar-fork-main-breaks"),
    N("news/2026-10-press-release-cedar-fork.md", "Cedar Fork serves 94,000 accounts", "customer size; more than 140 matches utilities-served"),
    N("news/2026-10-press-release-cedar-fork.md", "Founded in Cardiff in 2017", "a founding year"),
    N("website/changelog.md", "up to 48 steps per day", "a product limit, a spec"),
    N("website/changelog.md", "600 requests per minute", "an API limit, a spec"),
    N("website/changelog.md", "older than 72 hours", "a product setting"),
    N("blog/what-lost-water-costs.md", "(Ofwat, 2025)", "source dated end of 2025, inside max_source_age"),
    N("blog/what-lost-water-costs.md", "R12 per", "a worked example's assumption"),
    N("blog/what-lost-water-costs.md", "R43 million", "a worked example (10 Ml/d at R12/kl), not a claim"),
    N("blog/what-lost-water-costs.md", "Our own customers reduced non-revenue water by 23%", "matches nrw-reduction"),
    N("company/careers.md", "about 180 people", "headcount"),
    N("company/careers.md", "28 days of annual leave", "an employment term"),
    N("website/trust.md", "99.9% monthly uptime", "a contractual SLA, not a result"),
    N("website/trust.md", "every 6 months", "a testing interval"),
    N("website/trust.md", "within 24 hours", "a notification commitment"),
    N("partners/partner-programme.md", "10% margin", "a partner term"),
    N("partners/partner-programme.md", "15% margin", "a partner term"),
    N("enablement/battlecard-aquaseer.md", "6 to 8 weeks of work", "an effort estimate for a specific integration"),
    N("website/home.md", 'value="23%"', "matches nrw-reduction"),
    N("website/home.md", 'value="3 days"', "matches leak-find-days"),
    N("website/home.md", 'value="140+"', "matches utilities-served"),
    N("website/home.md", "limit={12}", "a component prop"),
    # calls
    N(VTT, "non-revenue water at about 28 percent", "prospect's own figure", speaker="Beth Sorensen"),
    N(VTT, "sixty-some main breaks", "prospect's own figure", speaker="Carl Whitt"),
    N(VTT, "located in three days on our platform", "matches leak-find-days and its baseline", speaker="Marcus Reyes"),
    N(VTT, "27 percent fewer main breaks", "matches cedar-fork-main-breaks", speaker="Marcus Reyes"),
    N(VTT, "We'd take forty", "prospect's remark", speaker="Carl Whitt"),
    N(VTT, "three dollars twenty a connection", "list price and contract terms", speaker="Dana Kowalski"),
    N(VTT, "about forty-eight thousand connections", "prospect's own volume and arithmetic", speaker="Beth Sorensen"),
    N(VTT, "thirty minutes next Thursday", "scheduling", speaker="Dana Kowalski"),
    N(SRT, "About 12,000 meters", "prospect's own figures", speaker="Priya Nair"),
    N(SRT, "99.6 percent of daily reads", "matches tanjong-serai-read-rate and tanjong-serai-savings", speaker="Wei Ling Tan"),
    N(SRT, "the average is 99.2 percent", "matches meter-read-rate; 98 percent is the industry norm", speaker="Wei Ling Tan"),
    N(SRT, "Forty percent. Can you", "prospect repeating the rep", speaker="Kenneth Goh"),
    N(SRT, "review in two weeks", "scheduling", speaker="Kenneth Goh"),
    N(JSN, "about 38.5 megalitres a day", "prospect's own leakage", speaker="Carys Morgan"),
    N(JSN, "AMP8 runs 2025 to 2030", "a regulatory period", speaker="Owain Jenkins"),
    N(JSN, "from nine weeks of work to three", "matches gwendraeth-returns-weeks", speaker="Rhys Pritchard"),
    N(JSN, "came down 60 percent on average", "matches returns-effort-reduction", speaker="Rhys Pritchard"),
    N(JSN, "something like one in three", "prospect's own experience", speaker="Owain Jenkins"),
    N(JSN, "We'd suggest 90 days", "a pilot term", speaker="Rhys Pritchard"),
    N(ASR, "about forty one percent", "prospect's own figure", speaker="Lerato Khumalo"),
    N(ASR, "thirty eight district metered areas", "matches the Kestrel Bay case study (38 DMAs, kestrel-bay-leaks-found 1,240)", speaker="Thandi Mokoena"),
    N(ASR, "twenty three percent on average", "matches nrw-reduction", speaker="Thandi Mokoena"),
    N(ASR, "about ninety nine percent of reads", "rounds meter-read-rate 99.2%", speaker="Thandi Mokoena"),
    N(ASR, "twenty eight million that is", "prospect repeating the rep", speaker="Johan van Wyk"),
    N(ASR, "phase the meters over two or three years", "phasing time span", speaker="Thandi Mokoena"),
    N(ASR, "meet again in two weeks", "scheduling", speaker="Thandi Mokoena"),
]

BLOG = "drafts/blog-nrw-playbook.md"
MAIL = "drafts/email-cedar-fork-reference.txt"
LAND = "drafts/landing-smart-metering.md"
CHECK_EXPECTED = [
    E("metric-conflict", BLOG, "by 30% on average", "30% NRW reduction; nrw-reduction is 23%",
      related=PP + "nrw-reduction.md"),
    E("stale-claim", BLOG, "31% fewer bursts", "burst-reduction 31% rests on a source older than max_source_age",
      related=PP + "pressure-bursts.md"),
    E("retired-claim", BLOG, "cut real losses by 40% within twelve months", "the retired real-loss guarantee",
      related=PP + "real-loss-guarantee.md"),
    E("unsupported-claim", BLOG, "1.2 billion litres", "no approved entry states total water saved"),
    E("metric-conflict", MAIL, "cut main breaks by 37%", "37% fewer main breaks; cedar-fork-main-breaks is 27%",
      related="case-studies/cedar-fork.md"),
    E("stale-claim", MAIL, "14 weeks after signature", "median-go-live-weeks rests on an entry overdue for review (reviewed 2026-03-10, 180d)",
      related=PP + "deployment-time.md"),
    E("unsupported-claim", MAIL, "truck rolls by 20%", "no approved entry states a truck-roll reduction"),
    E("metric-conflict", MAIL, "roughly a quarter", "roughly a quarter (25%) against 23%: a loose rounding, arguable",
      related=PP + "nrw-reduction.md", optional=True),
    E("metric-conflict", LAND, "99.8% of scheduled daily reads", "99.8% read rate; meter-read-rate is 99.2%",
      related=PP + "meter-read-rate.md"),
    E("unsupported-claim", LAND, "45% fewer billing complaints", "no approved entry states a complaint reduction"),
    E("metric-conflict", LAND, "S$2.4 million", "S$2.4 million; tanjong-serai-savings is S$2.1 million",
      related="case-studies/tanjong-serai.md"),
]
CHECK_NEGATIVES = [
    N(BLOG, "After working with more than 140 utilities", "matches utilities-served"),
    N(BLOG, "34% non-revenue water", "matches nrw-share-before"),
    N(BLOG, "Kestrel Bay began with 38 DMAs", "38 DMAs and 1,240 leaks match the Kestrel Bay case study"),
    N(BLOG, "days, from nineteen.", "matches leak-find-days-before and leak-find-days"),
    N(BLOG, "main breaks by 27% in a year", "matches cedar-fork-main-breaks"),
    N(BLOG, "three weeks instead of nine", "matches gwendraeth-returns-weeks and its before value"),
    N(BLOG, "45-minute", "a meeting length"),
    N(MAIL, "about $640K a year", "matches cedar-fork-annual-savings"),
    N(MAIL, "For your 48,000 connections", "prospect's own volume and the list price"),
    N(LAND, "98% of reads within 24 hours", "an industry norm, not a Quarrywell result"),
    N(LAND, "replaced 2,900 meters over 14 months", "project size and time span"),
    N(LAND, "99.6% of daily reads.", "matches tanjong-serai-read-rate"),
    N(LAND, "More than 140 utilities and about 6.5 million", "matches utilities-served and connections-monitored"),
]


def build(expected, negatives, kb_relative_fn):
    out_e, out_n, taken = [], [], {}
    for e in expected:
        kbrel = kb_relative_fn(e["path"])
        line = line_of(e["path"], e["anchor"], kbrel)
        d = {"rule": e["rule"], "path": e["path"], "line": line}
        if e["related"]:
            d["related"] = e["related"]
        if e["alt"]:
            d["alt_lines"] = [line_of(e["path"], a, kbrel) for a in e["alt"]]
        if e["turn"]:
            d["turn_lines"] = sorted({line} | {line_of(e["path"], a, kbrel) for a in e["turn"]})
        if e["speaker"]:
            d["speaker"] = e["speaker"]
        if e["severity"]:
            d["severity"] = e["severity"]
        if e["optional"]:
            d["optional"] = True
        d["note"] = e["note"]
        out_e.append(d)
        taken.setdefault(e["path"], set()).add(line)
    for n in negatives:
        kbrel = kb_relative_fn(n["path"])
        line = line_of(n["path"], n["anchor"], kbrel)
        if line in taken.get(n["path"], set()):
            sys.exit(f"negative {n['anchor']!r} sits on labelled line {n['path']}:{line}")
        d = {"path": n["path"], "line": line}
        if n["rules"]:
            d["rules"] = n["rules"]
        if n["speaker"]:
            d["speaker"] = n["speaker"]
        d["note"] = n["note"]
        out_n.append(d)
    seen = set()
    for d in out_n:
        k = (d["path"], d["line"])
        if k in seen:
            sys.exit(f"two negatives on {k}")
        seen.add(k)
    return out_e, out_n


def main():
    ae, an = build(AUDIT_EXPECTED, AUDIT_NEGATIVES, lambda p: True)
    ce, cn = build(CHECK_EXPECTED, CHECK_NEGATIVES, lambda p: False)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": ae, "negatives": an},
        "check": {"rules": CHECK_RULES, "expected": ce, "negatives": cn},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    for sec, exp, neg in (("audit", ae, an), ("check", ce, cn)):
        req = Counter(d["rule"] for d in exp if not d.get("optional"))
        opt = Counter(d["rule"] for d in exp if d.get("optional"))
        print(sec, "expected", sum(req.values()), dict(req), "optional", sum(opt.values()), dict(opt),
              "negatives", len(neg))


if __name__ == "__main__":
    main()
