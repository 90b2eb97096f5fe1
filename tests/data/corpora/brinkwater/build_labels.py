#!/usr/bin/env python3
"""Build labels.json for the Brinkwater corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the script turns it into a 1-based line number,
refuses anchors that are missing or ambiguous, and refuses a negative on a labelled line.
Audit paths are relative to kb/, check paths to this folder.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-fine-free-reminders.md",
    "drafts/email-followup-aire.txt",
    "drafts/landing-kiosks.md",
]

PP = "proof-points/"
CS = "case-studies/"
MSG = "messaging/"
CALLS = "calls/"
HUTT = CALLS + "2026-10-06-hutt-river.vtt"
AIRE = CALLS + "2026-10-14-aire-university.srt"
SAHY = CALLS + "2026-10-21-sahyadri-college.json"
STJ = CALLS + "2026-11-03-st-james-parish.txt"


def line_of(section, path, anchor):
    full = os.path.join(HERE, KB, path) if section == "audit" else os.path.join(HERE, path)
    with open(full, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    hits = [i + 1 for i, line in enumerate(lines) if anchor in line]
    text = "\n".join(lines)
    if text.count(anchor) == 0:
        sys.exit(f"missing anchor in {path}: {anchor!r}")
    if text.count(anchor) > 1 or len(hits) != 1:
        sys.exit(f"ambiguous anchor in {path}: {anchor!r} ({text.count(anchor)} times)")
    return hits[0]


def build(section, expected, negatives):
    out_e, out_n, taken = [], [], {}
    for e in expected:
        e = dict(e)
        e["line"] = line_of(section, e["path"], e.pop("at"))
        for key, target in (("alt_at", "alt_lines"), ("turn_at", "turn_lines")):
            if key in e:
                e[target] = [line_of(section, e["path"], a) for a in e.pop(key)]
        if "related_at" in e:
            rp, ra = e.pop("related_at")
            e["related_line"] = line_of(section, rp, ra)
        taken.setdefault(e["path"], set()).add(e["line"])
        ordered = {k: e[k] for k in ("rule", "path", "line") if k in e}
        ordered.update({k: v for k, v in e.items() if k not in ordered})
        out_e.append(ordered)
    for n in negatives:
        n = dict(n)
        line = line_of(section, n["path"], n.pop("at"))
        if line in taken.get(n["path"], set()):
            sys.exit(f"negative on a labelled line: {n['path']}:{line}")
        item = {"path": n["path"], "line": line}
        if "rules" in n:
            item["rules"] = n["rules"]
        item["note"] = n["note"]
        out_n.append(item)
    return out_e, out_n


AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    {"rule": "metric-conflict", "path": MSG + "self-service.md", "at": "checks out in about 25 seconds",
     "related": PP + "kiosk-checkout.md", "note": "about 25 seconds at the kiosk; kiosk-checkout-seconds is 40 seconds (median)"},
    {"rule": "metric-conflict", "path": MSG + "holds.md", "at": "drops from nine days to three",
     "related": PP + "holds-fulfilment.md", "note": "nine days to three: the before figure (9) is right, holds-fulfilment-days is 4"},
    {"rule": "metric-conflict", "path": MSG + "ebooks.md", "at": "value: 32",
     "related": PP + "ebook-licensing.md", "alt_at": ["licensing spend by 32% on average"],
     "note": "registers ebook-spend-reduction 32% for the same measure as ebook-licence-savings 23% (digits swapped); the prose repeats 32%"},
    {"rule": "metric-conflict", "path": MSG + "why-brinkwater.md", "at": "£26,000",
     "related": CS + "calder-valley.md", "note": "Calder Valley saves £26,000; calder-annual-savings is £62,000 (digits transposed)"},
    {"rule": "metric-conflict", "path": "answers/price.md", "at": "licensing spend by a third in year one",
     "related": PP + "ebook-licensing.md", "note": "a third (about 33%) vs ebook-licence-savings 23% average"},
    {"rule": "metric-conflict", "path": "website/pricing.md", "at": "Implementation typically takes 6 weeks",
     "related": PP + "migration-time.md", "note": "pricing page says implementation typically takes 6 weeks; migration-weeks is 10 weeks (median)"},
    {"rule": "metric-conflict", "path": "website/press-release-calder.md", "at": "more than 80% of loans",
     "related": [PP + "self-service-share.md", MSG + "elevator-pitch.md"],
     "note": "press release: more than 80% of loans self-service across customers; self-service-share is 74% (average)"},
    {"rule": "metric-conflict", "path": "enablement/battlecard.md", "at": "86% of overdue items",
     "related": PP + "overdue-recovery.md", "note": "battlecard says 86% of overdues back within a month; overdue-recovery-rate is 68% (digits swapped)"},
    # source-conflict
    {"rule": "source-conflict", "path": MSG + "elevator-pitch.md", "at": "value: 74",
     "related": PP + "self-service-share.md",
     "alt_at": ["source: Libraries Aotearoa self-service survey 2026", "title: Libraries Aotearoa self-service survey 2026", "74% of loans go through them"],
     "note": "self-service-loans 74% is attributed to a Libraries Aotearoa survey; the same figure (self-service-share) comes from Brinkwater kiosk telemetry"},
    {"rule": "source-conflict", "path": "answers/migration.md", "at": "library goes live on Brinkwater in 10 weeks from contract",
     "related": PP + "migration-time.md", "alt_at": ["An independent review by Sector Insight Partners"],
     "note": "median 10 weeks attributed to an independent review by Sector Insight Partners; migration-weeks comes from Brinkwater implementation records (the entry's own source list says so too)"},
    # stale-claim
    {"rule": "stale-claim", "path": PP + "desk-hours.md", "at": "date: 2024-05-10",
     "alt_at": ["value: 11", "average of 11 hours"], "severity": "warning",
     "note": "only source dated 2024-05-10, older than max_source_age 24m before 2026-12-01; desk-hours-saved rests on it"},
    {"rule": "stale-claim", "path": CS + "deccan.md", "at": "reviewed: 2025-03-14",
     "alt_at": ["₹38 lakh", "value: 3800000"], "severity": "warning",
     "note": "reviewed 2025-03-14, review_every 180d from canon.toml: overdue since 2025-09-10"},
    {"rule": "stale-claim", "path": MSG + "winter-offer.md", "at": "expires: 2026-09-30",
     "alt_at": ["NZ$4,500 per kiosk"], "severity": "error",
     "note": "offer entry expired 2026-09-30 (error); its claim is the NZ$4,500 installation waiver"},
    {"rule": "stale-claim", "path": "blog/fine-free-libraries.md", "at": "41% of lapsed",
     "alt_at": ["members said fear of fines"],
     "note": "figure cites a 2021 survey (end of 2021), older than max_source_age 24m"},
    # unsourced-claim
    {"rule": "unsourced-claim", "path": MSG + "self-service.md", "at": "two extra hours a week on average",
     "note": "entry has no sources and no metric registers extra opening hours"},
    {"rule": "unsourced-claim", "path": MSG + "why-brinkwater.md", "at": "cuts the renewal queue in half",
     "note": "entry has no sources and no metric registers the renewal-queue reduction"},
    {"rule": "unsourced-claim", "path": "answers/privacy.md", "at": "blocks 99.7% of automated scraping",
     "note": "entry has no sources and no metric registers scraping blocked"},
    # retired-claim
    {"rule": "retired-claim", "path": "website/faq.md", "at": "recover three times more of them",
     "related": PP + "fines-recovery.md", "note": "repeats the retired fines-recovery-multiple (3x more fines)"},
    {"rule": "retired-claim", "path": "enablement/battlecard.md", "at": "three times more fines than LibraNet",
     "related": PP + "fines-recovery.md", "note": "battlecard repeats the retired 3x fines claim"},
    {"rule": "retired-claim", "path": STJ, "at": "recover three times more fines",
     "related": PP + "fines-recovery.md", "speaker": "Marcia Campbell",
     "note": "rep repeats the retired 3x fines claim (raw speech-recognition text, number in words)"},
    {"rule": "rep-misstatement", "path": STJ, "at": "recover three times more fines", "optional": True,
     "related": PP + "fines-recovery.md", "speaker": "Marcia Campbell",
     "note": "same line as the retired claim; reporting it as a rep-misstatement is tolerated"},
    # rep-misstatement
    {"rule": "rep-misstatement", "path": HUTT, "at": "under twenty seconds, card to receipt",
     "related": PP + "kiosk-checkout.md", "speaker": "Aroha Ngata",
     "note": "says most patrons are through in under twenty seconds; kiosk-checkout-seconds is 40 (median)"},
    {"rule": "rep-misstatement", "path": AIRE, "at": "goes live in about six weeks",
     "related": PP + "migration-time.md", "speaker": "Dave Hinchliffe",
     "note": "says typical go-live about six weeks; migration-weeks is 10 weeks (median)"},
    {"rule": "rep-misstatement", "path": SAHY, "at": "about thirty-five percent in the very first year",
     "turn_at": ["e-book spend comes down by", "about thirty-five percent in the very first year"],
     "related": PP + "ebook-licensing.md", "speaker": "Vikram Iyer",
     "note": "says e-book spend comes down about thirty-five percent (sentence split across two JSON sentences); ebook-licence-savings is 23%"},
    # unsupported-claim
    {"rule": "unsupported-claim", "path": AIRE, "at": "99.98 per cent",
     "speaker": "Dave Hinchliffe", "note": "no approved entry states measured uptime (the trust page states the 99.9% contractual commitment, which is on the same line and fine)"},
    {"rule": "unsupported-claim", "path": STJ, "at": "cut their lost books by half",
     "speaker": "Marcia Campbell", "note": "no approved entry states a reduction in lost items"},
    # optional
    {"rule": "unsourced-claim", "path": "website/changelog.md", "at": "now 15% faster", "optional": True,
     "note": "changelog performance claim with no source; arguable for release notes"},
    {"rule": "unsourced-claim", "path": "website/partners.md", "at": "fix 90% of kiosk faults", "optional": True,
     "note": "partner page figure with no source; arguable"},
    {"rule": "unsourced-claim", "path": "website/faq.md", "at": "over 9 million loans a year", "optional": True,
     "note": "capacity claim on an article with no source; arguable"},
    {"rule": "unsourced-claim", "path": MSG + "elevator-pitch.md", "at": "180 library systems in nine countries", "optional": True,
     "note": "customer count not registered and not covered by the entry's source; arguable"},
    {"rule": "stale-claim", "path": "website/self-service.md", "at": "11 hours of desk time", "optional": True,
     "related": PP + "desk-hours.md", "note": "repeats desk-hours-saved, which rests on a stale source"},
    {"rule": "unsourced-claim", "path": "enablement/battlecard.md", "at": "10 to 20 percent dearer", "optional": True,
     "note": "competitor pricing comparison with no source; internal page, arguable"},
]

def neg(path, at, note, rules=None):
    d = {"path": path, "at": at, "note": note}
    if rules:
        d["rules"] = rules
    return d

AUDIT_NEGATIVES = [
    neg(PP + "kiosk-checkout.md", "212 kiosks in 61 library systems", "sample size and period"),
    neg(PP + "kiosk-checkout.md", "up to 10 items in one go", "product spec"),
    neg(PP + "kiosk-checkout.md", "about forty seconds", "restates kiosk-checkout-seconds in words"),
    neg(PP + "kiosk-checkout.md", "in a median of 40 seconds", "the metric's own prose"),
    neg(PP + "overdue-recovery.md", "68% of overdue items come back within 30 days", "the metric's own prose"),
    neg(PP + "overdue-recovery.md", "38 library systems", "sample size"),
    neg(PP + "overdue-recovery.md", "410,000 overdue items", "sample size"),
    neg(PP + "overdue-recovery.md", "roughly half of their", "before figure, described as such"),
    neg(PP + "fines-recovery.md", "recovering 3x more overdue fines", "a retired entry quoting its own retired figure is fine"),
    neg(PP + "fines-recovery.md", "two branches for five months", "pilot size and duration"),
    neg(PP + "holds-fulfilment.md", "ready for pickup 4 days after it", "the metric's own prose"),
    neg(PP + "holds-fulfilment.md", "took a median of 9 days", "the before metric"),
    neg(PP + "ebook-licensing.md", "(26 checkouts, 24 months", "publisher licence terms"),
    neg(PP + "ebook-licensing.md", "about 15 to 30 percent", "spread around the 23% average, labelled as a spread", ["metric-conflict"]),
    neg(PP + "ebook-licensing.md", "by an average of 23% in their first year", "the metric's own prose"),
    neg(PP + "desk-hours.md", "two weeks before go-live", "method: time spans"),
    neg(PP + "migration-time.md", "budget for 16 to 20 weeks", "consortium guidance, a different measure from the median", ["metric-conflict"]),
    neg(PP + "migration-time.md", "in 10 weeks. That", "the metric's own prose"),
    neg(PP + "self-service-share.md", "an average of 74% of physical loans", "the metric's own prose"),
    neg(PP + "self-service-share.md", "six months after install", "time span"),
    neg(CS + "kowhai.md", "14 branches and two mobile libraries", "customer description"),
    neg(CS + "kowhai.md", "Kōwhai saved NZ$186,000", "the case study's own metric"),
    neg(CS + "kowhai.md", "twenty checkouts left", "customer quote about licence terms"),
    neg(CS + "deccan.md", "with 11,000", "customer description", ["metric-conflict", "unsourced-claim"]),
    neg(CS + "blue-mountain.md", "nine branches and a bookmobile", "customer description"),
    neg(CS + "blue-mountain.md", "worth J$4.2 million", "the case study's own metric"),
    neg(CS + "calder-valley.md", "with 12 branches", "customer description"),
    neg(CS + "calder-valley.md", "saves £62,000 a year", "the case study's own metric"),
    neg(MSG + "self-service.md", "up to 10 items", "product spec"),
    neg(MSG + "self-service.md", "21.5-inch touchscreen", "product spec"),
    neg(MSG + "self-service.md", "for four weeks", "suggested trial length"),
    neg(MSG + "holds.md", "they have 7 days to collect it", "library policy default"),
    neg(MSG + "holds.md", "forty kilometres away", "illustration"),
    neg(MSG + "ebooks.md", "26 checkouts or 24 months", "licence terms"),
    neg(MSG + "ebooks.md", "ten copies of a bestseller", "illustration"),
    neg(MSG + "elevator-pitch.md", "a median of 4 days, down from 9", "matches holds-fulfilment-days and the before figure"),
    neg(MSG + "elevator-pitch.md", "About two thirds of overdue items", "two thirds rounds 68%"),
    neg(MSG + "why-brinkwater.md", "Under a minute from tapping", "agrees with 40 seconds median (and the proof point allows it)"),
    neg(MSG + "why-brinkwater.md", "live in ten weeks", "matches migration-weeks"),
    neg(MSG + "winter-offer.md", "for up to 6 kiosks", "offer terms", ["metric-conflict", "unsourced-claim"]),
    neg("answers/migration.md", "the first fortnight", "time span"),
    neg("answers/migration.md", "for up to 48 hours", "product behaviour, offline window"),
    neg("answers/privacy.md", "anonymised 14 days after the item comes back", "retention policy"),
    neg("answers/privacy.md", "AES-256 at rest", "spec"),
    neg("website/pricing.md", "NZ$6,900 per branch per year", "list price"),
    neg("website/pricing.md", "NZ$5,400 per branch per year", "list price"),
    neg("website/pricing.md", "from NZ$11,200 per kiosk", "list price"),
    neg("website/pricing.md", "Contracts run for three years", "contract term"),
    neg("website/faq.md", "consortium of 86 branches", "customer description"),
    neg("website/faq.md", "The median checkout is 40 seconds", "matches kiosk-checkout-seconds"),
    neg("website/press-release-calder.md", "all 12 of its branches", "count"),
    neg("website/press-release-calder.md", "installed 19 kiosks", "count"),
    neg("website/press-release-calder.md", "Calder Valley saves £62,000", "matches calder-annual-savings"),
    neg("website/press-release-calder.md", "first time since 2015", "a year, quoted"),
    neg("website/changelog.md", "(default 25)", "configuration default"),
    neg("website/changelog.md", "60 days out instead of 30", "product setting, before/after"),
    neg("website/changelog.md", "600 requests per minute", "API limit"),
    neg("blog/fine-free-libraries.md", "27% in the year after", "cited outside study, 2025: inside max_source_age", ["stale-claim", "unsourced-claim", "unsupported-claim"]),
    neg("blog/fine-free-libraries.md", "about 68% of overdue items", "matches overdue-recovery-rate"),
    neg("blog/fine-free-libraries.md", "watched 40-odd services", "count"),
    neg("blog/fine-free-libraries.md", "day 3, day 10, day 21", "reminder schedule"),
    neg("website/careers.md", "We're 140 people", "headcount"),
    neg("website/careers.md", "25 days of annual leave", "benefit"),
    neg("website/careers.md", "NZ$1,200", "benefit"),
    neg("website/trust.md", "99.9% monthly uptime", "contractual commitment, not a result"),
    neg("website/trust.md", "twice a year", "testing frequency"),
    neg("website/trust.md", "kept for 35 days", "retention setting"),
    neg("website/partners.md", "three major lending platforms", "count"),
    neg("website/partners.md", "every 15 minutes", "sync interval"),
    neg("enablement/battlecard.md", "two-minute kiosk transaction", "competitor's own figure", ["metric-conflict", "rep-misstatement"]),
    neg("enablement/battlecard.md", "about 40 seconds median", "matches kiosk-checkout-seconds"),
    neg("enablement/battlecard.md", "more than 15% discount", "discount policy"),
    neg("website/self-service.md", 'value="74%"', "matches self-service-share"),
    neg("website/self-service.md", 'value="40 sec"', "matches kiosk-checkout-seconds"),
    neg("website/self-service.md", "21.5-inch screen", "spec"),
    # calls
    neg(HUTT, "six hundred thousand loans", "prospect's own volume"),
    neg(HUTT, "over two minutes last week", "prospect timing their old kiosks"),
    neg(HUTT, "Under twenty? Even with", "prospect repeating the rep's figure; the finding is on the rep's line"),
    neg(HUTT, "about three quarters of loans", "rounds self-service-share 74%"),
    neg(HUTT, "median hold is ready in four days", "matches holds-fulfilment-days and the before figure (nine)"),
    neg(HUTT, "thirty-minute session", "logistics"),
    neg(AIRE, "about 24,000 students", "prospect's own numbers"),
    neg(AIRE, "three outages last year", "prospect's own experience"),
    neg(AIRE, "thirty-five days", "backup retention, matches the trust page"),
    neg(AIRE, "three thousand short loans", "prospect's own volume"),
    neg(SAHY, "around 6,500 students", "prospect's own numbers"),
    neg(SAHY, "ten, twelve percent", "prospect's own budget growth"),
    neg(SAHY, "Thirty-five percent of 22 lakh", "prospect repeating the rep's figure"),
    neg(SAHY, "median hold is ready in four days on Brinkwater", "matches holds-fulfilment-days"),
    neg(SAHY, "90,000 records", "prospect's own numbers"),
    neg(SAHY, "Median time to go live is ten weeks", "matches migration-weeks"),
    neg(STJ, "maybe two thousand items", "prospect's own numbers"),
    neg(STJ, "four point two million dollars jamaican", "matches blue-mountain-recovered (J$4.2M)"),
    neg(STJ, "about sixty eight percent of overdue items", "matches overdue-recovery-rate"),
    neg(STJ, "sixty eight percent hmm", "prospect repeating the figure"),
]

BLOG = "drafts/blog-fine-free-reminders.md"
EMAIL = "drafts/email-followup-aire.txt"
LAND = "drafts/landing-kiosks.md"

CHECK_EXPECTED = [
    {"rule": "retired-claim", "path": BLOG, "at": "libraries recovered three times more",
     "related": PP + "fines-recovery.md", "note": "3x more fines is the retired fines-recovery-multiple"},
    {"rule": "metric-conflict", "path": BLOG, "at": "in three days at the median",
     "related": PP + "holds-fulfilment.md", "note": "holds ready in three days (median); holds-fulfilment-days is 4"},
    {"rule": "unsupported-claim", "path": BLOG, "at": "renew 40% more items",
     "note": "no approved entry states an online renewal increase"},
    {"rule": "metric-conflict", "path": EMAIL, "at": "go live in six weeks",
     "related": PP + "migration-time.md", "note": "six weeks from signing; migration-weeks is 10 weeks (median)"},
    {"rule": "stale-claim", "path": EMAIL, "at": "₹3.8 million",
     "related": CS + "deccan.md", "note": "₹3.8 million = ₹38 lakh, deccan-annual-savings; only the Deccan case study backs it and its review is overdue"},
    {"rule": "metric-conflict", "path": EMAIL, "at": "kiosks handle 47% of loans",
     "related": PP + "self-service-share.md", "note": "47% of loans self-service; self-service-share is 74% (digits swapped)"},
    {"rule": "metric-conflict", "path": LAND, "at": "Checkout in under 30 seconds",
     "related": PP + "kiosk-checkout.md", "note": "under 30 seconds; kiosk-checkout-seconds is 40 (median)"},
    {"rule": "stale-claim", "path": LAND, "at": "11 hours of desk time",
     "related": PP + "desk-hours.md", "note": "only desk-hours-saved backs 11 hours a week, and its source is older than 24m"},
    {"rule": "unsupported-claim", "path": LAND, "at": "4.8 out of 5",
     "note": "no approved entry states a patron satisfaction score"},
    {"rule": "unsupported-claim", "path": LAND, "at": "NZ$310 a month over 36 months", "optional": True,
     "note": "lease price is on the pricing page (an article); a tool may or may not count that as backing"},
]

CHECK_NEGATIVES = [
    neg(BLOG, "Nearly seven in ten overdue items", "rounds overdue-recovery-rate 68%"),
    neg(BLOG, "on day 3, day 10 and day 21", "reminder schedule"),
    neg(BLOG, "J$4.2 million", "matches blue-mountain-recovered"),
    neg(EMAIL, "Calder Valley Libraries save £62,000", "matches calder-annual-savings"),
    neg(EMAIL, "three years with a 90-day notice period", "contract term"),
    neg(EMAIL, "your four sites", "prospect's own count"),
    neg(EMAIL, "12 January at 10:00", "logistics"),
    neg(LAND, "74% of loans go through the kiosks", "matches self-service-share"),
    neg(LAND, "21.5-inch screen", "spec"),
    neg(LAND, "NZ$186,000", "matches kowhai-ebook-savings"),
]


def main():
    a_e, a_n = build("audit", AUDIT_EXPECTED, AUDIT_NEGATIVES)
    c_e, c_n = build("check", CHECK_EXPECTED, CHECK_NEGATIVES)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": a_e, "negatives": a_n},
        "check": {"rules": CHECK_RULES, "expected": c_e, "negatives": c_n},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    for s, e, n in (("audit", a_e, a_n), ("check", c_e, c_n)):
        req = [x for x in e if not x.get("optional")]
        opt = [x for x in e if x.get("optional")]
        by = {}
        for x in req:
            by[x["rule"]] = by.get(x["rule"], 0) + 1
        print(s, "expected", len(req), "optional", len(opt), "negatives", len(n), by)


if __name__ == "__main__":
    main()
