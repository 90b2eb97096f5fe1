#!/usr/bin/env python3
"""Build labels.json for the Lutecombe corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the script turns it into a 1-based line number.
It refuses missing or ambiguous anchors and a negative on a line that carries an expected or
optional finding of the same rule.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-exam-season-without-tears.md",
    "drafts/email-spring-term-offer.txt",
    "drafts/landing-teachers.md",
]
FIGURE_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"]


def fpath(path, draft):
    return os.path.join(HERE, path) if draft else os.path.join(HERE, KB, path)


def line_of(path, anchor, draft=False):
    with open(fpath(path, draft), encoding="utf-8") as f:
        text = f.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


# (rule, path, anchor, extra) ; extra may hold related, alt (anchors), turn (anchors), optional, note...
AUDIT = [
    # metric-conflict: KB vs KB
    ("metric-conflict", "messaging/elevator-pitch.md", "six hours a week of admin",
     {"related": "proof-points/admin-time.md", "note": "six hours a week; admin-hours-saved is 4.5 hours (average)"}),
    ("metric-conflict", "messaging/parents-invoicing.md", "97 per cent of invoices",
     {"related": "proof-points/on-time-payment.md", "note": "97 per cent paid on time; on-time-payment-rate is 93%"}),
    ("metric-conflict", "messaging/teacher-time.md", "£24,000",
     {"related": "case-studies/harbourview.md", "note": "Harbourview saves £24,000 a year; harbourview-annual-savings is GBP 18,400"}),
    ("metric-conflict", "messaging/exam-season.md", "under half an hour",
     {"related": "proof-points/exam-entry-time.md", "optional": True,
      "note": "under half an hour vs exam-entry-minutes 40 (median); both sides are stale/expired, so a tool may skip the comparison"}),
    ("metric-conflict", "enablement/battlecard-opus-desk.md", "cuts pay errors by 85%",
     {"related": "proof-points/payroll-errors.md", "note": "85% fewer pay errors; payroll-error-reduction is 81%"}),
    ("metric-conflict", "website/parents-portal.md", 'value="2.5x"',
     {"related": "proof-points/practice-streaks.md", "note": "MDX Stat 2.5x more practice logged; practice-log-uplift is 2.3x"}),
    ("metric-conflict", "answers/pricing.md", "J$3 million",
     {"related": "case-studies/kingston-academy.md", "note": "Kingston recovered J$3 million; kingston-fees-recovered is JMD 2,100,000"}),
    # source-conflict
    ("source-conflict", "messaging/payroll.md", "Pay errors fall by 81%",
     {"related": "proof-points/payroll-errors.md",
      "note": "81% attributed to the Tauranga Strings case interview; the metric's source is the Lutecombe payroll audit 2026"}),
    ("source-conflict", "website/blog-why-practice-logs-work.md", "Schools see 38 per cent",
     {"related": "proof-points/lesson-no-shows.md", "alt": ["according to a 2026 study by the Music Teachers"],
      "note": "38% fewer missed lessons credited to a Music Teachers' Guild study; no-show-reduction comes from Lutecombe reminder data, 2026"}),
    # stale-claim
    ("stale-claim", "proof-points/exam-entry-time.md", "reviewed: 2025-11-02",
     {"alt": ["value: 40", "ready in 40 minutes"], "severity": "warning",
      "note": "reviewed 2025-11-02, review_every 180d: overdue since 2026-05-01"}),
    ("stale-claim", "proof-points/practice-streaks.md", "date: 2023-08-01",
     {"alt": ["value: 2.3", "2.3x as many"], "severity": "warning",
      "note": "only source dated 2023-08-01, older than max_source_age 24m (cut-off 2024-12-01)"}),
    ("stale-claim", "messaging/exam-season.md", "expires: 2026-10-31",
     {"alt": ["under half an hour", "free until 31 December"], "severity": "error",
      "note": "campaign message expired 2026-10-31"}),
    ("stale-claim", "website/blog-why-practice-logs-work.md", "around 10,000 hours",
     {"alt": ["Tesch-Römer (1993)"], "severity": "warning",
      "note": "article figure cited to a 1993 study, older than max_source_age 24m"}),
    ("stale-claim", "case-studies/kingston-academy.md", "reviewed: 2026-03-15",
     {"alt": ["value: 2100000", "J$2.1 million"], "severity": "warning",
      "note": "reviewed 2026-03-15, review_every 180d: overdue since 2026-09-11"}),
    # unsourced-claim
    ("unsourced-claim", "messaging/elevator-pitch.md", "17 percent",
     {"note": "enrolment growth 17 percent: no source, no metric"}),
    ("unsourced-claim", "website/changelog.md", "3x faster",
     {"note": "calendar sync 3x faster: performance claim with no source or metric"}),
    ("unsourced-claim", "enablement/battlecard-opus-desk.md", "7 out of 10",
     {"note": "win rate 7 out of 10 against Opus Desk: no source, no metric"}),
    ("unsourced-claim", "answers/migration.md", "95 percent of schools",
     {"note": "95 percent of schools live within a fortnight: no source, no metric"}),
    ("unsourced-claim", "website/trust.md", "99.9% uptime",
     {"optional": True, "note": "uptime figure with no source; some reviewers treat it as an SLA statement"}),
    ("unsourced-claim", "website/press-release-2026.md", "more than 1,200",
     {"optional": True, "note": "customer count in a press release, no source; a count, arguable"}),
    ("unsourced-claim", "website/partners.md", "Over 40 teacher associations",
     {"optional": True, "note": "count of recommending associations, no source"}),
    # retired-claim
    ("retired-claim", "website/faq.md", "paid in six days",
     {"related": "proof-points/collection-days.md", "note": "six days to get paid is the retired days-to-paid-2024 figure (now 9, median)"}),
    ("metric-conflict", "website/faq.md", "paid in six days",
     {"related": "proof-points/collection-days-2026.md", "optional": True, "note": "same line also disagrees with days-to-paid 9"}),
    ("retired-claim", "messaging/parents-invoicing.md", "19 days for their money to 6",
     {"related": "proof-points/collection-days.md", "note": "19 days to 6 is the retired 2024 snapshot"}),
    ("retired-claim", "calls/2026-10-14-mandeville-music-studio.srt", "get paid in six",
     {"related": "proof-points/collection-days.md", "turn": ["Devon Campbell: Right, and that", "days from when the invoice goes out"],
      "speaker": "Devon Campbell", "note": "rep quotes the retired six days"}),
    ("rep-misstatement", "calls/2026-10-14-mandeville-music-studio.srt", "get paid in six",
     {"related": "proof-points/collection-days-2026.md", "turn": ["Devon Campbell: Right, and that", "days from when the invoice goes out"],
      "optional": True, "speaker": "Devon Campbell", "note": "also conflicts with days-to-paid 9"}),
    # rep-misstatement
    ("rep-misstatement", "calls/2026-10-06-ballymena-music-centre.vtt", "about six hours a week once",
     {"related": "proof-points/admin-time.md", "turn": ["<v Aoife McCann>That's very typical"],
      "speaker": "Aoife McCann", "note": "six hours a week; admin-hours-saved is 4.5"}),
    ("rep-misstatement", "calls/2026-10-21-christchurch-guitar-school.json", "about ninety percent",
     {"related": "proof-points/payroll-errors.md", "turn": ["Tauranga Strings were in the same boat"],
      "speaker": "Hemi Parata", "note": "ninety percent fewer pay mistakes; payroll-error-reduction is 81%"}),
    ("rep-misstatement", "calls/2026-11-03-pasadena-conservatory.txt", "by like fifty percent",
     {"related": "proof-points/lesson-no-shows.md", "speaker": "Kayla Brooks",
      "note": "fifty percent fewer no-shows; no-show-reduction is 38%"}),
    # unsupported-claim in calls
    ("unsupported-claim", "calls/2026-10-21-christchurch-guitar-school.json", "4.8 star",
     {"turn": ["We do the import for you"], "speaker": "Hemi Parata", "note": "app store rating: no approved entry backs it"}),
    ("unsupported-claim", "calls/2026-11-03-pasadena-conservatory.txt", "twenty grand a month",
     {"speaker": "Kayla Brooks", "note": "twenty grand a month in late fees: nothing backs it"}),
]

AUDIT_NEG = [
    ("proof-points/admin-time.md", "2,300 teachers", None, "survey sample size"),
    ("proof-points/admin-time.md", "four and a half hours a week", None, "restates the metric"),
    ("proof-points/on-time-payment.md", "1,140 schools", None, "count of schools in the data"),
    ("proof-points/on-time-payment.md", "against 71%", None, "before figure, registered as on-time-payment-rate-before"),
    ("proof-points/lesson-no-shows.md", "24 hours and 2 hours", None, "reminder timing, a product spec"),
    ("proof-points/practice-streaks.md", "10 weeks with 14 schools", None, "pilot length and size"),
    ("proof-points/payroll-errors.md", "81% fewer pay errors", ["metric-conflict", "unsourced-claim", "source-conflict"], "the metric itself"),
    ("proof-points/collection-days.md", "19 days to 6 days", None, "a retired entry quoting its own retired figure"),
    ("proof-points/collection-days-2026.md", "paid 9 days after", None, "the current metric"),
    ("case-studies/harbourview.md", "420 pupils across 22 teachers", None, "customer's size"),
    ("case-studies/harbourview.md", "went live in six weeks", ["unsourced-claim", "metric-conflict"], "time span in a sourced case study"),
    ("case-studies/harbourview.md", "£18,400 a year", None, "the metric, in the customer's words"),
    ("case-studies/kingston-academy.md", "950 students", None, "customer's size"),
    ("case-studies/tauranga-strings.md", "31 contract tutors", None, "customer's size"),
    ("case-studies/tauranga-strings.md", "around 700 students", None, "customer's size"),
    ("case-studies/tauranga-strings.md", "Now it takes three hours", None, "the metric (3 hours)"),
    ("case-studies/sonoma-valley-piano.md", "140 violins", None, "fleet size"),
    ("case-studies/sonoma-valley-piano.md", "about $27,000", None, "registered sonoma-instruments-recovered"),
    ("messaging/elevator-pitch.md", "93% of parent invoices", None, "matches on-time-payment-rate"),
    ("messaging/elevator-pitch.md", "fewer than 10 students", None, "a qualifying threshold, not a claim"),
    ("messaging/teacher-time.md", "four and a half hours a week on average", None, "matches admin-hours-saved"),
    ("messaging/payroll.md", "two days to three hours", None, "Tauranga before/after, matches tauranga-payroll-hours"),
    ("messaging/exam-season.md", "free until 31 December", ["metric-conflict", "unsourced-claim", "unsupported-claim"], "an offer deadline (stale-claim alt line only)"),
    ("answers/pricing.md", "up to 30 students", None, "plan limit"),
    ("answers/pricing.md", "two months free", None, "commercial term"),
    ("answers/migration.md", "up to 4 weeks", None, "commitment / time span"),
    ("answers/migration.md", "up to 5,000 students per file", None, "product spec"),
    ("answers/parent-adoption.md", "38% fewer missed lessons", None, "matches no-show-reduction"),
    ("website/pricing.md", "NZ$39 per teacher", None, "price"),
    ("website/pricing.md", "14-day free trial", None, "trial term"),
    ("website/pricing.md", "we keep your data for 90 days", None, "retention term"),
    ("website/pricing.md", "average of 4.5 hours a week", None, "matches admin-hours-saved"),
    ("website/faq.md", "Up to 60 weekly students", None, "product spec"),
    ("website/faq.md", "grades 1 to 8", None, "exam grades"),
    ("website/press-release-2026.md", "today announced a NZ$14 million", None, "funding amount, a fact about the company"),
    ("website/press-release-2026.md", "93% of parent invoices paid on time", None, "matches on-time-payment-rate"),
    ("website/press-release-2026.md", "teachers get back four and a half hours", None, "matches admin-hours-saved"),
    ("website/press-release-2026.md", "a team of 20 new engineers", None, "hiring plan"),
    ("website/changelog.md", "expire after 90 days", None, "product default"),
    ("website/changelog.md", "5,000 rows per file", None, "product spec"),
    ("website/changelog.md", "24 to an A4 sheet", None, "label spec"),
    ("website/blog-why-practice-logs-work.md", "61 percent of teachers", ["stale-claim", "unsourced-claim"], "cited to a 2025 survey: fresh and sourced"),
    ("website/blog-why-practice-logs-work.md", "five-minute session", None, "advice, not a claim"),
    ("website/careers.md", "a team of 48", None, "headcount"),
    ("website/careers.md", "25 days of annual leave", None, "benefit"),
    ("website/careers.md", "NZ$140,000 to NZ$165,000", None, "salary range"),
    ("website/trust.md", "AES-256", None, "spec"),
    ("website/trust.md", "kept for 35 days", None, "backup retention"),
    ("website/partners.md", "earn 20 percent", None, "referral commission, a contract term"),
    ("website/parents-portal.md", 'value="93%"', None, "matches on-time-payment-rate"),
    ("website/parents-portal.md", 'value="38%"', None, "matches no-show-reduction"),
    ("website/parents-portal.md", "up to 7 days ahead", None, "booking window"),
    ("enablement/battlecard-opus-desk.md", "more than 4 students per teacher", None, "a threshold in sales advice"),
    ("enablement/battlecard-opus-desk.md", "US$6 per student", None, "competitor's list price, not a Lutecombe claim"),
    ("enablement/battlecard-opus-desk.md", "3,000 schools", None, "competitor's own claim, reported as theirs"),
    ("calls/2026-10-06-ballymena-music-centre.vtt", "34 teachers and about 600 pupils", None, "prospect's own numbers"),
    ("calls/2026-10-06-ballymena-music-centre.vtt", "two days a week on admin", None, "prospect's own numbers"),
    ("calls/2026-10-06-ballymena-music-centre.vtt", "93 percent of invoices", None, "rep quotes on-time-payment-rate correctly"),
    ("calls/2026-10-06-ballymena-music-centre.vtt", "eighteen thousand four hundred", None, "rep quotes harbourview-annual-savings correctly, in words"),
    ("calls/2026-10-06-ballymena-music-centre.vtt", "It's fourteen days", None, "trial length and meeting logistics"),
    ("calls/2026-10-14-mandeville-music-studio.srt", "maybe 20 percent of fees", None, "prospect's own loss estimate"),
    ("calls/2026-10-14-mandeville-music-studio.srt", "about 120 students", None, "prospect's size"),
    ("calls/2026-10-14-mandeville-music-studio.srt", "J$3,800 per teacher", None, "list price"),
    ("calls/2026-10-14-mandeville-music-studio.srt", "two point one million", None, "rep quotes J$2.1 million correctly"),
    ("calls/2026-10-21-christchurch-guitar-school.json", "18 tutors", None, "prospect's own numbers"),
    ("calls/2026-10-21-christchurch-guitar-school.json", "two days to about three hours", ["metric-conflict", "unsupported-claim", "stale-claim", "retired-claim"], "matches tauranga-payroll-hours"),
    ("calls/2026-10-21-christchurch-guitar-school.json", "up to four weeks", ["metric-conflict", "rep-misstatement", "stale-claim", "retired-claim"], "parallel-run term"),
    ("calls/2026-11-03-pasadena-conservatory.txt", "eleven hundred students", None, "prospect's size"),
    ("calls/2026-11-03-pasadena-conservatory.txt", "four and a half hours a week", None, "rep quotes admin-hours-saved correctly"),
    ("calls/2026-11-03-pasadena-conservatory.txt", "a hundred lessons a month", None, "prospect's own numbers"),
    ("calls/2026-11-03-pasadena-conservatory.txt", "sixty four percent", None, "rep quotes sonoma figures correctly ($27,000 too)"),
    ("calls/2026-11-03-pasadena-conservatory.txt", "it's fourteen days", None, "trial length"),
]

CHECK = [
    ("stale-claim", "drafts/blog-exam-season-without-tears.md", "ready in 40 minutes",
     {"related": "proof-points/exam-entry-time.md", "note": "only exam-entry-minutes backs it, and that entry is overdue for review"}),
    ("stale-claim", "drafts/blog-exam-season-without-tears.md", "2.3x as many",
     {"related": "proof-points/practice-streaks.md", "note": "only practice-log-uplift backs it; its source is from 2023"}),
    ("metric-conflict", "drafts/blog-exam-season-without-tears.md", "J$2.5 million",
     {"related": "case-studies/kingston-academy.md", "note": "J$2.5 million; kingston-fees-recovered is J$2.1 million"}),
    ("stale-claim", "drafts/blog-exam-season-without-tears.md", "J$2.5 million",
     {"related": "case-studies/kingston-academy.md", "optional": True, "note": "the Kingston entry is overdue for review"}),
    ("retired-claim", "drafts/email-spring-term-offer.txt", "within six days",
     {"related": "proof-points/collection-days.md", "note": "six days is the retired 2024 figure"}),
    ("metric-conflict", "drafts/email-spring-term-offer.txt", "within six days",
     {"related": "proof-points/collection-days-2026.md", "optional": True, "note": "also disagrees with days-to-paid 9 (next line)"}),
    ("metric-conflict", "drafts/email-spring-term-offer.txt", "down 40%",
     {"related": "proof-points/lesson-no-shows.md", "optional": True, "note": "40% vs 38%: a rounding some reviewers would let through"}),
    ("unsupported-claim", "drafts/email-spring-term-offer.txt", "over 300 recitals",
     {"note": "no approved entry backs recitals booked"}),
    ("metric-conflict", "drafts/landing-teachers.md", "Teachers save 6 hours",
     {"related": "proof-points/admin-time.md", "note": "6 hours a week; admin-hours-saved is 4.5"}),
    ("metric-conflict", "drafts/landing-teachers.md", "## Six hours a week, back",
     {"related": "proof-points/admin-time.md", "optional": True, "note": "the same claim in the heading"}),
    ("metric-conflict", "drafts/landing-teachers.md", "97% of invoices",
     {"related": "proof-points/on-time-payment.md", "note": "97% vs on-time-payment-rate 93%"}),
    ("unsupported-claim", "drafts/landing-teachers.md", "by 70% in its first year",
     {"note": "a general 70% loan-loss figure; only Sonoma's own 64% exists"}),
    ("metric-conflict", "drafts/landing-teachers.md", "by 70% in its first year",
     {"related": "case-studies/sonoma-valley-piano.md", "optional": True, "note": "a tool may compare it to Sonoma's 64%"}),
    ("unsupported-claim", "drafts/landing-teachers.md", "more than 1,200 schools",
     {"optional": True, "note": "only the unsourced press release states it"}),
]

CHECK_NEG = [
    ("drafts/blog-exam-season-without-tears.md", "Grade 5", None, "exam grade"),
    ("drafts/blog-exam-season-without-tears.md", "candidate forty-two", None, "narrative count"),
    ("drafts/blog-exam-season-without-tears.md", "up to Grade 8", None, "grades offered"),
    ("drafts/blog-exam-season-without-tears.md", "average of 4.5 hours a week", None, "matches admin-hours-saved"),
    ("drafts/email-spring-term-offer.txt", "is 9 days", None, "matches days-to-paid"),
    ("drafts/email-spring-term-offer.txt", "take 20% off", None, "offer"),
    ("drafts/email-spring-term-offer.txt", "14-day trial", None, "trial term"),
    ("drafts/email-spring-term-offer.txt", "and 20% off your first year)", None, "offer in the subject line"),
    ("drafts/landing-teachers.md", "Pay errors drop 81%", None, "matches payroll-error-reduction"),
    ("drafts/landing-teachers.md", "64 percent", None, "matches sonoma-loan-loss-reduction"),
    ("drafts/landing-teachers.md", "$15 a month", None, "price"),
]


def expand(entries, draft):
    out = []
    for rule, path, anchor, extra in entries:
        d = {"rule": rule, "path": path, "line": line_of(path, anchor, draft)}
        rel = extra.get("related")
        if rel:
            d["related"] = rel
        if extra.get("alt"):
            d["alt_lines"] = sorted({line_of(path, a, draft) for a in extra["alt"]} - {d["line"]})
        if extra.get("turn"):
            d["turn_lines"] = sorted({line_of(path, a, draft) for a in extra["turn"]} | {d["line"]})
        for k in ("speaker", "severity"):
            if k in extra:
                d[k] = extra[k]
        if extra.get("optional"):
            d["optional"] = True
        d["note"] = extra["note"]
        out.append(d)
    return out


def negs(entries, draft, expected):
    taken = {}
    for e in expected:
        for ln in [e["line"]] + e.get("turn_lines", []):
            taken.setdefault((e["path"], ln), set()).add(e["rule"])
    out = []
    for path, anchor, rules, note in entries:
        ln = line_of(path, anchor, draft)
        clash = taken.get((path, ln), set())
        if clash and (rules is None or clash & set(rules)):
            sys.exit(f"negative on labelled line {path}:{ln} ({anchor!r}) clashes with {clash}")
        d = {"path": path, "line": ln}
        if rules:
            d["rules"] = rules
        d["note"] = note
        out.append(d)
    return out


def main():
    audit = expand(AUDIT, False)
    check = expand(CHECK, True)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": FIGURE_RULES, "expected": audit, "negatives": negs(AUDIT_NEG, False, audit)},
        "check": {"rules": CHECK_RULES, "expected": check, "negatives": negs(CHECK_NEG, True, check)},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for sec in ("audit", "check"):
        counts = {}
        for e in labels[sec]["expected"]:
            c = counts.setdefault(e["rule"], [0, 0])
            c[1 if e.get("optional") else 0] += 1
        print(sec, {r: tuple(v) for r, v in sorted(counts.items())}, "negatives", len(labels[sec]["negatives"]))


if __name__ == "__main__":
    main()
