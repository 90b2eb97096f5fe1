#!/usr/bin/env python3
"""Build labels.json for the Kilnmere corpus from anchor strings (stdlib only).

Each label names a file and an anchor: a string that must occur exactly once in that file.
The line of the anchor (1-based) is the label's line. The script refuses anchors that are
missing or ambiguous, and refuses a negative on a line that carries an expected finding.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-remake-season.md",
    "drafts/email-ikeja-followup.txt",
    "drafts/landing-page-milling.md",
]
RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
         "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]

_cache = {}


def line_of(base, path, anchor):
    full = os.path.join(HERE, base, path)
    if full not in _cache:
        with open(full, encoding="utf-8") as fh:
            _cache[full] = fh.read()
    text = _cache[full]
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {base}/{path}")
    return text[: text.index(anchor)].count("\n") + 1


PP = "proof-points/"
CS = "case-studies/"
VTT = "calls/2026-10-06-cardiff-smile-studio.vtt"
SRT = "calls/2026-10-14-maple-ridge-dental-lab.srt"
JSN = "calls/2026-10-22-ikeja-dental-ceramics.json"
TXT = "calls/2026-11-03-klang-valley-dental.txt"

# (rule, path, anchor, extra) ; extra may hold related, alt (anchors), turn (anchors), optional, note ...
AUDIT = [
    ("metric-conflict", "messaging/remakes.md", "cut their remakes by 45%",
     dict(related=PP + "remake-rate.md", note="says remakes fall 45%; remake-rate-reduction is 38% (average)")),
    ("metric-conflict", "website/faq.md", "median of three working days",
     dict(related=PP + "turnaround.md", note="FAQ says median three working days; case-turnaround-days is 4")),
    ("metric-conflict", "website/press-release-lekki.md", "from 52% to 88%",
     dict(related=CS + "lekki-prosthetics.md", note="88% mill use; lekki-mill-utilisation is 81% (52% before is right)")),
    ("metric-conflict", "enablement/battlecard-dentaflow.md", "98% of our labs' cases",
     dict(related=PP + "on-time-delivery.md", note="internal battlecard says 98% on time; on-time-delivery-rate is 96%")),
    ("metric-conflict", "messaging/elevator-pitch.md", "£48,000",
     dict(related=CS + "pen-y-bryn-dental.md", note="Pen-y-Bryn saved £48,000; penybryn-annual-savings is £84,000 (digits swapped)")),
    ("metric-conflict", "website/why-kilnmere.md", '<Stat value="31%"',
     dict(related=PP + "mill-utilisation.md", note="MDX stat component says 31% more milling hours; mill-utilisation-gain is 27%")),
    ("metric-conflict", "website/partners.md", "over RM 500,000",
     dict(related=CS + "tanjung-dental-lab.md", note="partner page says Tanjung saved over RM 500,000; tanjung-annual-savings is RM 310,000")),
    ("source-conflict", "messaging/milling.md", "27% more productive spindle hours from the same machines",
     dict(related=PP + "mill-utilisation.md",
          alt=["Frost & Lindqvist Dental Technology Report (2026)", "title: Frost & Lindqvist"],
          note="27% spindle-hour gain attributed to an outside analyst report; mill-utilisation-gain comes from Kilnmere's own telemetry review")),
    ("source-conflict", "answers/price.md", "see 38% fewer remakes, per an independent",
     dict(related=PP + "remake-rate.md", alt=["University of Cardiff study"],
          note="38% attributed to an 'independent University of Cardiff study'; remake-rate-reduction is from the 2026 Kilnmere Lab Outcomes Study")),
    ("stale-claim", "proof-points/courier-routes.md", "date: 2024-03-10",
     dict(alt=["value: 22", "drive 22% fewer kilometres"], severity="warning",
          note="only source dated 2024-03-10, older than max_source_age 24m at 2026-12-01")),
    ("stale-claim", "proof-points/go-live.md", "reviewed: 2026-01-20",
     dict(alt=["value: 5", "5 weeks after signing"], severity="warning",
          note="reviewed 2026-01-20 with review_every 180d (canon.toml): overdue since 2026-07-19")),
    ("stale-claim", "messaging/turnaround-promise.md", "expires: 2026-10-31",
     dict(alt=["first three months at 50%"], severity="error",
          note="switch offer expired 2026-10-31 (severity error)")),
    ("stale-claim", "blog/remakes-cost-the-industry.md", "8.4% of fixed restorations",
     dict(alt=["According to a 2021 survey"], severity="warning",
          note="article figure cited to a 2021 survey (end of 2021), older than max_source_age 24m")),
    ("stale-claim", "case-studies/northshore-dental-arts.md", "reviewed: 2025-11-02",
     dict(alt=["review_every: 1y", "value: 1900", "value: 126000", "1,900 fewer km a month"], severity="warning",
          note="entry's own review_every 1y: reviewed 2025-11-02, overdue since 2026-11-02")),
    ("unsourced-claim", "messaging/courier.md", "30% fewer failed pickups",
     dict(note="message has no sources and no metric registers failed pickups")),
    ("unsourced-claim", "answers/switching.md", "99.7%",
     dict(note="answer has no sources and no metric registers migration accuracy")),
    ("unsourced-claim", "website/faq.md", "12% more units per technician",
     dict(note="FAQ productivity figure with no source and no registered metric")),
    ("retired-claim", "website/press-release-lekki.md", "Our customers halve their remakes",
     dict(related=PP + "remake-savings-2024.md", note="repeats the retired 2024 'remakes cut in half' claim (remake-reduction-2024, 50%)")),
    ("retired-claim", "enablement/battlecard-dentaflow.md", "We cut remakes 50%",
     dict(related=PP + "remake-savings-2024.md", note="battlecard repeats the retired 50% remake claim")),
    ("retired-claim", VTT, "cut remakes in half",
     dict(related=PP + "remake-savings-2024.md", speaker="Rhodri Evans",
          note="rep repeats the retired 'half the remakes' claim (as an anecdote about early labs)")),
    ("rep-misstatement", VTT, "median of three working days",
     dict(related=PP + "turnaround.md", speaker="Rhodri Evans", note="rep says median three working days; case-turnaround-days is 4")),
    ("rep-misstatement", SRT, "live in two to three weeks",
     dict(related=PP + "go-live.md", speaker="Chantal Nguyen", note="rep says two to three weeks to go live; median-go-live-weeks is 5")),
    ("rep-misstatement", JSN, "eighty million naira",
     dict(related=CS + "lekki-prosthetics.md", speaker="Tunde Adeyemi",
          turn=["Of productive hours. Lekki Prosthetics"],
          note="rep says Lekki saves about eighty million naira; lekki-annual-savings is ₦48 million")),
    ("rep-misstatement", TXT, "forty five percent fewer remakes",
     dict(related=PP + "remake-rate.md", speaker="Nurul Aisyah",
          note="rep says forty five percent fewer remakes (ASR, numbers in words); remake-rate-reduction is 38%")),
    ("unsupported-claim", SRT, "recover the licence cost in about four months",
     dict(speaker="Chantal Nguyen", note="no approved entry states a payback period")),
    ("unsupported-claim", TXT, "twelve thousand ringgit a year on zirconia discs",
     dict(speaker="Nurul Aisyah", note="no approved entry states disc savings")),
    ("unsupported-claim", JSN, "more than fifty labs in Nigeria",
     dict(speaker="Tunde Adeyemi", note="no approved entry states a Nigerian customer count (the press release has 400 labs in 11 countries)")),
    # optional
    ("unsourced-claim", "website/changelog.md", "15% more units per zirconia disc",
     dict(optional=True, note="release-note performance figure with no source; arguable for a changelog")),
    ("unsourced-claim", "website/press-release-lekki.md", "more than 400 dental laboratories",
     dict(optional=True, note="company customer count in a press release, no source; boilerplate")),
    ("unsourced-claim", "enablement/battlecard-dentaflow.md", "about 18% in June 2026",
     dict(optional=True, note="competitor price rise, no source; about a competitor, not a Kilnmere claim")),
    ("stale-claim", "website/faq.md", "about five weeks",
     dict(optional=True, related=PP + "go-live.md", note="restates median-go-live-weeks, whose entry is overdue for review")),
    ("stale-claim", "messaging/courier.md", "1,900 fewer km a month",
     dict(optional=True, related=CS + "northshore-dental-arts.md", note="matches northshore-courier-km, whose entry is overdue")),
    ("stale-claim", SRT, "twenty-two percent fewer kilometres",
     dict(optional=True, related=PP + "courier-routes.md", speaker="Chantal Nguyen",
          note="rep quotes courier-distance-reduction, backed only by a stale source")),
    ("unsourced-claim", "answers/price.md", "about 34 units a month",
     dict(optional=True, note="worked example derived from 38% and the prospect's own numbers")),
]

AUDIT_NEG = [
    (PP + "remake-rate.md", "Outcomes Study the remake rate went from 6.1%", None, "registered remake-rate-before/after"),
    (PP + "remake-rate.md", "Across the 71 labs", None, "sample size"),
    (PP + "remake-rate.md", "it is a 38% *reduction", None, "restates the registered 38%"),
    (PP + "remake-rate.md", '2024 "half as many remakes" line', ["retired-claim"], "tells readers not to use the retired claim; does not make it"),
    (PP + "remake-savings-2024.md", "cut their remakes by 50%", None, "retired entry quoting its own retired figure"),
    (PP + "turnaround.md", "ships a case 4 working days", None, "registered case-turnaround-days"),
    (PP + "turnaround.md", "A week down to four days", None, "7 days = a week; before/after pair of registered figures"),
    (PP + "mill-utilisation.md", "212 mills", None, "sample size and study length"),
    (PP + "mill-utilisation.md", "at 90% already", None, "hypothetical prospect utilisation, and restates 27%"),
    (PP + "courier-routes.md", "six labs in the Greater Toronto", ["metric-conflict", "unsourced-claim"], "pilot size"),
    (PP + "intake-time.md", "1,840 cases", None, "sample size"),
    (PP + "intake-time.md", "median of 11 minutes", None, "registered intake-minutes-before"),
    (PP + "on-time-delivery.md", "most aim for 95%", None, "a target labs set, not a result"),
    (CS + "tanjung-dental-lab.md", "38 technicians", None, "counts describing the lab"),
    (CS + "tanjung-dental-lab.md", "remaking about 7% of crowns", None, "Tanjung's before figure"),
    (CS + "tanjung-dental-lab.md", "RM 310,000 a year", None, "registered tanjung-annual-savings"),
    (CS + "pen-y-bryn-dental.md", "22-person", None, "count"),
    (CS + "pen-y-bryn-dental.md", "median turnaround was eight", None, "before figure"),
    (CS + "pen-y-bryn-dental.md", "£84,000 a year better off", None, "registered penybryn-annual-savings"),
    (CS + "northshore-dental-arts.md", "about 180 clinics", None, "count"),
    (CS + "lekki-prosthetics.md", "reviewed: 2026-02-10", ["stale-claim"], "review_every 1y: due 2027-02-10, not overdue"),
    (CS + "lekki-prosthetics.md", "productive for 52% of the hours", None, "before figure"),
    (CS + "lekki-prosthetics.md", "saves about ₦48 million", None, "registered lekki-annual-savings"),
    ("messaging/elevator-pitch.md", "remake 38% fewer cases", None, "registered remake-rate-reduction (and 4 days on the next line)"),
    ("messaging/elevator-pitch.md", "crown and bridge in a median of 4 working days", None, "registered case-turnaround-days"),
    ("messaging/remakes.md", "around 6% that is one crown", None, "rounds remake-rate-before 6.1%; one in seventeen is arithmetic"),
    ("messaging/remakes.md", "average over 71 labs", None, "sample size"),
    ("messaging/milling.md", "went from 52% to 81%", None, "matches lekki-mill-utilisation"),
    ("answers/price.md", "Never discount more than 15%", None, "deal-desk rule, not a claim"),
    ("answers/price.md", "a week down to four working days is what", None, "restates case-turnaround-days and before"),
    ("answers/switching.md", "side by side for two weeks", None, "time span"),
    ("answers/switching.md", "first 90 days", None, "contract/service term"),
    ("answers/cad-integration.md", "14 mill", None, "integration count, sourced to the catalogue"),
    ("website/pricing.md", "| Essentials | £49", None, "list price"),
    ("website/pricing.md", "Save 15% with annual billing", None, "pricing term"),
    ("website/pricing.md", "labs up to 10 technicians", None, "plan limit"),
    ("website/pricing.md", "14-day free trial", None, "trial term"),
    ("website/faq.md", "30 days' notice", None, "contract terms"),
    ("website/press-release-lekki.md", "founded in Cardiff in 2019", None, "founding year"),
    ("website/changelog.md", "up to 5,000 rows", None, "product limit"),
    ("website/changelog.md", "more than 40 stops", None, "bug description"),
    ("website/changelog.md", "up to 12 photos", None, "product limit"),
    ("website/changelog.md", "every 30 seconds", None, "refresh interval"),
    ("blog/remakes-cost-the-industry.md", "41% of remakes", None, "outside figure with a 2025 source named in prose: neither stale nor unsourced"),
    ("blog/remakes-cost-the-industry.md", "falls from 6.1% to 3.8% on average", None, "matches remake-rate-before/after"),
    ("blog/remakes-cost-the-industry.md", "costs two minutes", None, "illustration"),
    ("website/careers.md", "team of 64 people", None, "headcount"),
    ("website/careers.md", "30 days' holiday", None, "benefit"),
    ("website/careers.md", "£1,000 a year", None, "benefit"),
    ("website/careers.md", "within 10 working days", None, "service promise to applicants"),
    ("website/trust.md", "99.9% monthly uptime", None, "contractual SLA, not a result"),
    ("website/trust.md", "Every 15 minutes, kept for 35 days", None, "backup policy"),
    ("website/trust.md", "AES-256", None, "spec"),
    ("website/trust.md", "after 30 minutes of inactivity", None, "spec"),
    ("website/partners.md", "20% margin in year one", None, "reseller terms"),
    ("website/partners.md", "connectors for 14 mill", None, "count"),
    ("enablement/battlecard-dentaflow.md", "27% more spindle", None, "matches mill-utilisation-gain"),
    ("enablement/battlecard-dentaflow.md", "auto-renew for 36 months", None, "competitor contract terms"),
    ("enablement/battlecard-dentaflow.md", "takes three months", None, "what a competitor says, rebutted"),
    ("website/why-kilnmere.md", '<Stat value="38%"', None, "matches remake-rate-reduction"),
    ("website/why-kilnmere.md", '<Stat value="4 days"', None, "matches case-turnaround-days"),
    ("website/why-kilnmere.md", '<Stat value="96%"', None, "matches on-time-delivery-rate"),
    ("website/why-kilnmere.md", "30-minute demo", None, "meeting length"),
    (VTT, "about nine hundred units a month", None, "prospect's own volumes"),
    (VTT, "we tell the practices seven working days", None, "prospect's own turnaround"),
    (VTT, "We're at about five percent", None, "prospect's own remake rate"),
    (VTT, "comes down by thirty-eight percent on average", None, "rep quotes remake-rate-reduction correctly"),
    (VTT, "eighty-nine pounds a technician", None, "list price on the pricing page"),
    (VTT, "they went from eight working days to five", None, "matches penybryn-turnaround"),
    (VTT, "We've got twelve technicians", None, "prospect's count"),
    (SRT, "about a hundred and twenty clinics", None, "prospect's own numbers"),
    (SRT, "waits twenty minutes", None, "prospect's own numbers"),
    (SRT, "nineteen hundred fewer kilometres", ["rep-misstatement", "metric-conflict", "unsupported-claim"], "matches northshore-courier-km"),
    (SRT, "up to ten years of records", None, "migration scope, matches answers/switching"),
    (SRT, "Twenty-one hundred last month", None, "prospect's own volume"),
    (JSN, "twenty-seven percent more productive spindle", None, "matches mill-utilisation-gain"),
    (JSN, "maybe forty percent use now", None, "prospect's own figure"),
    (JSN, "about ten hours a day", None, "prospect's own figure"),
    (JSN, "Eighty million. That is serious", ["rep-misstatement", "metric-conflict", "unsupported-claim"], "external speaker echoing the rep"),
    (JSN, "fourteen mill manufacturers", None, "count, matches the integrations answer"),
    (JSN, "eighty-two thousand naira per technician", None, "list price and annual-billing term"),
    (TXT, "one thousand two hundred cases a month", None, "prospect's own volume"),
    (TXT, "about ten to fifteen minutes", None, "prospect's own estimate"),
    (TXT, "eleven minutes median", None, "matches intake-minutes-before and intake-minutes"),
    (TXT, "our remake now is around six percent", None, "prospect's own remake rate"),
    (TXT, "three hundred ten thousand ringgit", None, "matches tanjung-annual-savings and tanjung-remake-rate"),
    (TXT, "three hundred fifty nine ringgit", None, "list price"),
]

CHECK = [
    ("unsupported-claim", "drafts/blog-remake-season.md", "loses 11% of its revenue",
     dict(note="industry statistic with no source and no approved entry behind it")),
    ("metric-conflict", "drafts/blog-remake-season.md", "cut remakes by 42%",
     dict(related=PP + "remake-rate.md", note="42%; remake-rate-reduction is 38%")),
    ("stale-claim", "drafts/blog-remake-season.md", "mileage by 22%",
     dict(related=PP + "courier-routes.md", alt=["route planning cuts courier"], note="22% courier reduction rests only on a source older than 24m")),
    ("metric-conflict", "drafts/email-ikeja-followup.txt", "₦84 million",
     dict(related=CS + "lekki-prosthetics.md", note="₦84 million; lekki-annual-savings is ₦48 million")),
    ("retired-claim", "drafts/email-ikeja-followup.txt", "cut their remakes in half",
     dict(related=PP + "remake-savings-2024.md", note="retired 50% remake claim")),
    ("unsupported-claim", "drafts/email-ikeja-followup.txt", "pay for itself in under five months",
     dict(note="no approved entry states a payback period")),
    ("metric-conflict", "drafts/landing-page-milling.md", "35% more mill hours",
     dict(related=PP + "mill-utilisation.md", note="35%; mill-utilisation-gain is 27%")),
    ("metric-conflict", "drafts/landing-page-milling.md", "99% of cases",
     dict(related=PP + "on-time-delivery.md", note="99% on time; on-time-delivery-rate is 96%")),
    ("stale-claim", "drafts/landing-page-milling.md", "five weeks after signing",
     dict(related=PP + "go-live.md", alt=["Up and running in five weeks"],
          note="only proof-points/go-live backs five weeks, and it is overdue for review")),
    ("unsupported-claim", "drafts/landing-page-milling.md", "CA$2,400 a month",
     dict(note="no approved entry states disc savings")),
]

CHECK_NEG = [
    ("drafts/blog-remake-season.md", "6.1% to 3.8%", None, "matches remake-rate-before/after"),
    ("drafts/blog-remake-season.md", "crown and bridge in 4 working days", None, "matches case-turnaround-days"),
    ("drafts/blog-remake-season.md", "on the 15th", None, "a date"),
    ("drafts/blog-remake-season.md", "30-minute demo before 19 December", None, "meeting length and deadline"),
    ("drafts/email-ikeja-followup.txt", "₦82,000 per technician", None, "list price and annual-billing term"),
    ("drafts/email-ikeja-followup.txt", "a 14-day trial", None, "contract terms"),
    ("drafts/email-ikeja-followup.txt", "about 40% of the time", None, "prospect's own figure (and 27% matches)"),
    ("drafts/email-ikeja-followup.txt", "proposal for nine technicians", None, "count"),
    ("drafts/email-ikeja-followup.txt", "demo on 5 November", None, "date"),
    ("drafts/landing-page-milling.md", "81% of its available mill hours", None, "matches lekki-mill-utilisation"),
    ("drafts/landing-page-milling.md", "from 14 manufacturers", None, "spec/count"),
    ("drafts/landing-page-milling.md", "at 4pm", None, "time of day"),
    ("drafts/landing-page-milling.md", "running side by side for the last two", None, "time span"),
]


def build(items, negs, base):
    expected, taken = [], set()
    for rule, path, anchor, extra in items:
        e = {"rule": rule, "path": path, "line": line_of(base, path, anchor)}
        extra = dict(extra)
        if "related" in extra:
            e["related"] = extra.pop("related")
        alts = extra.pop("alt", [])
        if alts:
            e["alt_lines"] = sorted({line_of(base, path, a) for a in alts} - {e["line"]})
        turn = extra.pop("turn", [])
        if turn:
            e["turn_lines"] = sorted({e["line"]} | {line_of(base, path, a) for a in turn})
        e.update(extra)
        expected.append(e)
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            taken.add((path, ln))
    negatives = []
    for path, anchor, rules, note in negs:
        ln = line_of(base, path, anchor)
        if (path, ln) in taken:
            sys.exit(f"negative {anchor!r} sits on a labelled line {path}:{ln}")
        n = {"path": path, "line": ln}
        if rules:
            n["rules"] = rules
        n["note"] = note
        negatives.append(n)
    return expected, negatives


def main():
    aexp, aneg = build(AUDIT, AUDIT_NEG, KB)
    cexp, cneg = build(CHECK, CHECK_NEG, ".")
    for d in DRAFTS:
        if not os.path.exists(os.path.join(HERE, d)):
            sys.exit(f"missing draft {d}")
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": RULES, "expected": aexp, "negatives": aneg},
        "check": {"rules": CHECK_RULES, "expected": cexp, "negatives": cneg},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    for name, exp, neg in (("audit", aexp, aneg), ("check", cexp, cneg)):
        req = [e for e in exp if not e.get("optional")]
        print(f"{name}: {len(req)} expected, {len(exp) - len(req)} optional, {len(neg)} negatives")
        counts = {}
        for e in exp:
            k = (e["rule"], bool(e.get("optional")))
            counts[k] = counts.get(k, 0) + 1
        for (r, o), c in sorted(counts.items()):
            print(f"  {r}{' (optional)' if o else ''}: {c}")


if __name__ == "__main__":
    main()
