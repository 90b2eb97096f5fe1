#!/usr/bin/env python3
"""Build labels.json for the lidwell corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; line numbers are computed (1-based).
Refuses missing or ambiguous anchors, and refuses a negative on a labelled line.
Run: python3 build_labels.py   (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-winter-bookings.md",
    "drafts/email-council-followup.txt",
    "drafts/landing-rostering.md",
]


def fpath(path):
    # KB-relative for entries and calls, corpus-relative for drafts
    if path.startswith("drafts/"):
        return os.path.join(HERE, path)
    return os.path.join(HERE, KB, path)


def line_of(path, anchor):
    with open(fpath(path), encoding="utf-8") as f:
        text = f.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path} (must be exactly once)")
    return text[: text.index(anchor)].count("\n") + 1


def related_path(p):
    return p if p.endswith((".md", ".vtt", ".srt", ".json", ".txt")) else p + ".md"


def build_expected(items):
    out = []
    for it in items:
        e = {"rule": it["rule"], "path": it["path"], "line": line_of(it["path"], it["anchor"])}
        if "related" in it:
            e["related"] = related_path(it["related"])
        if "alt" in it:
            e["alt_lines"] = [line_of(it["path"], a) for a in it["alt"]]
        if "turn" in it:
            e["turn_lines"] = [line_of(it["path"], a) for a in it["turn"]]
        for k in ("speaker", "severity"):
            if k in it:
                e[k] = it[k]
        if it.get("optional"):
            e["optional"] = True
        e["note"] = it["note"]
        out.append(e)
    return out


def build_negatives(items, expected):
    labelled = set()
    for e in expected:
        labelled.add((e["path"], e["line"]))
        for ln in e.get("alt_lines", []) + e.get("turn_lines", []):
            labelled.add((e["path"], ln))
    out = []
    seen = set()
    for it in items:
        line = line_of(it["path"], it["anchor"])
        if (it["path"], line) in labelled:
            sys.exit(f"negative {it['anchor']!r} in {it['path']} is on a labelled line {line}")
        if (it["path"], line) in seen:
            sys.exit(f"two negatives on {it['path']}:{line}")
        seen.add((it["path"], line))
        n = {"path": it["path"], "line": line}
        if "rules" in it:
            n["rules"] = it["rules"]
        n["note"] = it["note"]
        out.append(n)
    return out


MC, SC, ST, UN, RE, RM, US = ("metric-conflict", "source-conflict", "stale-claim",
                              "unsourced-claim", "retired-claim", "rep-misstatement",
                              "unsupported-claim")

VTT = "calls/2026-10-03-ngong-road-aquatic.vtt"
SRT = "calls/2026-10-21-tauranga-community-pools.srt"
JSN = "calls/2026-11-18-bloomington-parks.json"
ASR = "calls/2026-11-25-galway-leisure-asr.txt"

AUDIT_EXPECTED = [
    # metric-conflict: KB vs KB
    dict(rule=MC, path="messaging/elevator-pitch.md", anchor="cut class no-shows by 48%",
         related="proof-points/class-no-shows",
         note="pitch says 48% fewer no-shows; class-no-show-reduction is 38% (average)"),
    dict(rule=MC, path="messaging/rostering.md", anchor="NZ$180,000",
         related="case-studies/kowhai-pools",
         note="says Kōwhai saves NZ$180,000 a year; kowhai-overtime-savings is NZ$118,000"),
    dict(rule=MC, path="answers/price.md", anchor="KES 1.2 million",
         related="case-studies/lakeview-kisumu",
         note="says Lakeview cut chemical spend by KES 1.2 million; lakeview-chemical-savings is KES 1,800,000"),
    dict(rule=MC, path="answers/staff-adoption.md", anchor="about 4 hours a week",
         related="proof-points/rostering-time",
         note="duty managers get back about 4 hours a week; roster-hours-saved is 6.5 hours/week"),
    dict(rule=MC, path="website/pricing.md", anchor="by 27%",
         related="proof-points/lane-utilisation",
         note="pricing page says lane hours up 27%; lane-utilisation-increase is 17% (median)"),
    dict(rule=MC, path="website/faq.md", anchor="cuts rostering admin by 80%",
         related="proof-points/rostering-time",
         note="FAQ says rostering admin cut by 80%; roster-admin-reduction is 72% (average)"),
    dict(rule=MC, path="website/press-carrowmore.md", anchor="€46,000",
         related="case-studies/carrowmore",
         note="press release says €46,000 a year; carrowmore-admin-savings is €64,000 (digits swapped); the 44% no-show figure on the same line is right"),
    dict(rule=MC, path="enablement/battlecard-aquaflow.md", anchor="thirds fewer unplanned closures",
         alt=["PlantRoom customers see two"], related="proof-points/plant-downtime",
         note="'two thirds fewer' unplanned closures (wrapped over two lines); plant-downtime-reduction is 46%"),
    dict(rule=MC, path="website/swim-school.md", anchor="$69,500",
         related="case-studies/north-shore-rec",
         note="MDX page says North Shore recovered $69,500; northshore-recovered-revenue is $96,500"),
    # source-conflict
    dict(rule=SC, path="messaging/why-lidwell.md", anchor="Centres see 38% fewer class no-shows",
         alt=["2025 facilities survey"], related="proof-points/class-no-shows",
         note="38% no-show reduction attributed to 'Swim Ireland's 2025 facilities survey'; class-no-show-reduction comes from the 2026 Lidwell Bookings Benchmark"),
    dict(rule=SC, path="website/blog-lifeguard-shortage.md", anchor="duty managers cut roster time by 72%",
         alt=["2026), and most of what they got back"], related="proof-points/rostering-time",
         note="72% roster-time cut attributed to the Leisure Workforce Institute (2026); roster-admin-reduction is sourced from Lidwell's own rostering time study"),
    # stale-claim
    dict(rule=ST, path="proof-points/go-live.md", anchor="reviewed: 2026-03-02",
         alt=["value: 8", "takes bookings on Lidwell 8 weeks after signing"], severity="warning",
         note="reviewed 2026-03-02 with review_every 180d (canon.toml): review overdue since 2026-08-29"),
    dict(rule=ST, path="proof-points/failed-payments.md", anchor="date: 2024-03-11",
         alt=["value: 41", "failed membership payments fell 41% on average"], severity="warning",
         note="only source dated 2024-03-11, older than max_source_age 24m at 2026-12-01; failed-payment-reduction 41% rests on it"),
    dict(rule=ST, path="messaging/billing.md", anchor="date: 2024-03-11",
         alt=["41% on average."], severity="warning",
         note="message cites the 2024-03-11 retry analysis (older than 24m) for its 41% failed-payment figure"),
    dict(rule=ST, path="messaging/summer-migration-offer.md", anchor="expires: 2026-10-31",
         alt=["normally €4,500"], severity="error",
         note="entry expired 2026-10-31 (severity error); its claim is the €4,500-per-site free migration"),
    dict(rule=ST, path="website/blog-lifeguard-shortage.md", anchor="14% of adults swim regularly",
         note="article figure cited to the Irish Sports Monitor, 2021: older than max_source_age"),
    dict(rule=ST, path="enablement/battlecard-aquaflow.md", anchor="40% of centres had a lifeguard",
         alt=["According"],
         note="battlecard figure cited to 'a 2019 survey by Leisure Tech Review': older than max_source_age"),
    # unsourced-claim
    dict(rule=UN, path="messaging/rostering.md", anchor="cut lifeguard overtime by 31%",
         note="message has no sources and no metric registers a general overtime reduction"),
    dict(rule=UN, path="answers/data-migration.md", anchor="Migrations finish in 10 working days on average",
         note="answer has no sources and no metric registers migration duration"),
    dict(rule=UN, path="answers/data-migration.md", anchor="moved 1.9 million member",
         note="answer has no sources and no metric registers member records migrated"),
    # retired-claim
    dict(rule=RE, path="answers/price.md", anchor="30% fewer cancellations",
         related="proof-points/member-churn-2023",
         note="repeats the retired member-churn-reduction figure (30%)"),
    dict(rule=RE, path="enablement/battlecard-aquaflow.md", anchor="cut member churn by 30%",
         related="proof-points/member-churn-2023",
         note="battlecard repeats the retired member-churn-reduction figure (30%)"),
    dict(rule=RE, path=JSN, anchor="our customers cut member churn by 30 percent",
         related="proof-points/member-churn-2023", speaker="Kyle Lindqvist",
         note="rep repeats the retired 30% churn figure (a rep-misstatement here is tolerated, see the optional label)"),
    # rep-misstatement
    dict(rule=RM, path=VTT, anchor="live in about six weeks from signing",
         related="proof-points/go-live", speaker="Wanjiru Mwangi",
         note="says single sites go live in about six weeks; median-go-live-weeks is 8"),
    dict(rule=RM, path=SRT, anchor="by about 30 percent in the first six months",
         related="proof-points/lane-utilisation", speaker="Aroha Tane",
         note="says online lane booking lifts lane hours about 30%; lane-utilisation-increase is 17% (median)"),
    dict(rule=RM, path=JSN, anchor="They recovered about $150,000",
         related="case-studies/north-shore-rec", speaker="Kyle Lindqvist",
         note="says North Shore recovered about $150,000; northshore-recovered-revenue is $96,500"),
    dict(rule=RM, path=ASR, anchor="unplanned closures drop by sixty percent",
         related="proof-points/plant-downtime", speaker="Declan Furlong",
         note="raw ASR: 'sixty percent' fewer unplanned closures; plant-downtime-reduction is 46%"),
    # unsupported-claim (calls)
    dict(rule=US, path=SRT, anchor="drops by about 20 hours a term", speaker="Aroha Tane",
         note="no approved entry states swim-school admin time saved"),
    dict(rule=US, path=JSN, anchor="book three times as often", speaker="Kyle Lindqvist",
         note="no approved entry states booking frequency via the app"),
    dict(rule=US, path=ASR, anchor="fifteen thousand euro a year on chemicals", speaker="Declan Furlong",
         note="no approved entry backs a general chemical saving in euro (only Lakeview's KES figure)"),
    # optional
    dict(rule=ST, path="website/faq.md", anchor="8 weeks after signing", optional=True,
         note="matches median-go-live-weeks, whose entry is overdue for review; arguable for an article"),
    dict(rule=ST, path="answers/data-migration.md", anchor="live 8 weeks after signing", optional=True,
         note="matches median-go-live-weeks, whose entry is overdue for review"),
    dict(rule=MC, path="website/changelog.md", anchor="99.8% of tests", optional=True,
         related="proof-points/water-testing",
         note="beta-site figure (99.8%) next to water-test-on-time-rate 99.2%: a different population, arguable"),
    dict(rule=UN, path="website/trust.md", anchor="99.9% per month", optional=True,
         note="contractual uptime commitment in an unsourced article: a term more than a claim"),
    dict(rule=UN, path="website/trust.md", anchor="we delivered 99.97%", optional=True,
         note="delivered uptime, no source; articles carry no sources by nature"),
    dict(rule=RM, path=JSN, anchor="our customers cut member churn by 30 percent", optional=True,
         related="proof-points/member-churn-2023", speaker="Kyle Lindqvist",
         note="same line as the retired-claim; a rep-misstatement here is tolerated"),
]

AUDIT_NEGATIVES = [
    dict(path="proof-points/class-no-shows.md", anchor="The benchmark covered 212 centres", note="sample size"),
    dict(path="proof-points/class-no-shows.md", anchor="(24 hours, then 2 hours", note="reminder timings are product settings"),
    dict(path="proof-points/class-no-shows.md", anchor="twelve weeks of booking data", note="data request, not a claim"),
    dict(path="proof-points/lane-utilisation.md", anchor="588 lane-hours", note="capacity arithmetic, said so"),
    dict(path="proof-points/rostering-time.md", anchor="went from an average of 9 hours a week", note="matches roster-hours-before"),
    dict(path="proof-points/rostering-time.md", anchor="2.5 hours: a 72% cut", note="matches roster-admin-reduction (9 to 2.5 hours)"),
    dict(path="proof-points/water-testing.md", anchor="1.0 to 3.0 mg/L", note="water-quality norm, not a result"),
    dict(path="proof-points/water-testing.md", anchor="every two to", note="test interval"),
    dict(path="proof-points/member-churn-2023.md", anchor="\"30% less churn\"", note="retired entry quoting its own retired figure"),
    dict(path="proof-points/member-retention.md", anchor="(from 54% to 63% across 48 sites)", note="before/after pair behind retention-uplift-points (9 points)"),
    dict(path="proof-points/member-retention.md", anchor="Say \"nine points\"", note="restates the metric"),
    dict(path="proof-points/plant-downtime.md", anchor="every five to eight years", note="maintenance interval"),
    dict(path="case-studies/carrowmore.md", anchor="About 3,100 members", note="customer's own counts"),
    dict(path="case-studies/lakeview-kisumu.md", anchor="against 11 the year before", note="before figure for lakeview-closure-days (3)"),
    dict(path="case-studies/lakeview-kisumu.md", anchor="50 m competition pool", note="pool spec"),
    dict(path="case-studies/kowhai-pools.md", anchor="with 140", note="staff count"),
    dict(path="case-studies/north-shore-rec.md", anchor="5,800 member households", note="customer size"),
    dict(path="messaging/elevator-pitch.md", anchor="sell 17% more lane hours", note="matches lane-utilisation-increase"),
    dict(path="messaging/elevator-pitch.md", anchor="nine points better twelve-month", note="matches retention-uplift-points"),
    dict(path="messaging/why-lidwell.md", anchor="roughly a quarter of the time", note="72% cut leaves 28%: a rounded restatement that agrees"),
    dict(path="messaging/why-lidwell.md", anchor="more than 200 centres", rules=[MC, SC, RE], note="customer count, same as the press release"),
    dict(path="messaging/rostering.md", anchor="spend 72% less time on rosters", note="matches roster-admin-reduction"),
    dict(path="messaging/water-quality.md", anchor="log 99.2% of scheduled water tests", note="matches water-test-on-time-rate"),
    dict(path="messaging/water-quality.md", anchor="saved KES 1.8 million", note="matches lakeview-chemical-savings"),
    dict(path="messaging/water-quality.md", anchor="by nearly half", note="rounds plant-downtime-reduction 46%"),
    dict(path="messaging/billing.md", anchor="recovered $96,500", note="matches northshore-recovered-revenue"),
    dict(path="messaging/billing.md", anchor="of up to 6 people", note="product limit"),
    dict(path="answers/price.md", anchor="saves €64,000 a year", note="matches carrowmore-admin-savings"),
    dict(path="answers/price.md", anchor="36-month term", note="contract term"),
    dict(path="answers/price.md", anchor="more than 15%", note="internal discount policy"),
    dict(path="answers/staff-adoption.md", anchor="48 hours' notice", note="a centre's own rule"),
    dict(path="website/pricing.md", anchor="| Centre (bookings, rostering, PoolLog) |", note="list prices"),
    dict(path="website/pricing.md", anchor="20% more per month", note="pricing term"),
    dict(path="website/faq.md", anchor="log 99.2% of their scheduled tests", note="matches water-test-on-time-rate"),
    dict(path="website/press-carrowmore.md", anchor="about 3,100 members", note="customer's counts"),
    dict(path="website/press-carrowmore.md", anchor="founded in Dublin in 2014", note="company fact"),
    dict(path="website/changelog.md", anchor="20 bathers", note="default ratio setting"),
    dict(path="website/changelog.md", anchor="(0.15 mg/L rather than 0.2)", note="display precision"),
    dict(path="website/changelog.md", anchor="longer than 250 people", note="bug fix detail"),
    dict(path="website/blog-lifeguard-shortage.md", anchor="62% of pool operators", note="cited to a 2025 survey: within max_source_age, outside figure"),
    dict(path="website/blog-lifeguard-shortage.md", anchor="A 40-hour pool week", note="illustration"),
    dict(path="website/careers.md", anchor="team of 64", note="headcount"),
    dict(path="website/careers.md", anchor="(€75,000 to €92,000)", note="salary band"),
    dict(path="website/careers.md", anchor="25 days' annual leave", note="benefit"),
    dict(path="website/trust.md", anchor="every 5 minutes, kept for 35 days", note="backup spec"),
    dict(path="website/partners.md", anchor="Resellers earn 20%", note="partner term"),
    dict(path="website/partners.md", anchor="every 15 minutes", note="integration spec"),
    dict(path="enablement/battlecard-aquaflow.md", anchor="about €520 per site", note="competitor's list price"),
    dict(path="enablement/battlecard-aquaflow.md", anchor="(4.6 vs our 4.4)", note="app store ratings, not a result"),
    dict(path="enablement/battlecard-aquaflow.md", anchor="half hours a week back", note="six and a half hours matches roster-hours-saved"),
    dict(path="website/swim-school.md", anchor="<StatCard value=\"38%\"", note="matches class-no-show-reduction (component prop)"),
    dict(path="website/swim-school.md", anchor="<StatCard value=\"9 pts\"", note="matches retention-uplift-points"),
    dict(path="website/swim-school.md", anchor="(for example 1:4", note="teaching ratios"),
    # calls
    dict(path=VTT, anchor="about 1,200 members now", note="prospect's own numbers"),
    dict(path=VTT, anchor="log 99.2 percent of their tests", note="rep matches water-test-on-time-rate"),
    dict(path=VTT, anchor="about 1.8 million shillings", note="rep matches lakeview-chemical-savings"),
    dict(path=VTT, anchor="maybe 300,000 a month", note="prospect's own spend"),
    dict(path=VTT, anchor="We test every two hours", note="prospect's routine"),
    dict(path=SRT, anchor="Nine, ten hours a week", note="prospect's own time"),
    dict(path=SRT, anchor="spent 72 percent less time", note="rep matches roster-admin-reduction"),
    dict(path=SRT, anchor="saving NZ$118,000 a year", note="rep matches kowhai-overtime-savings"),
    dict(path=SRT, anchor="Seventy-two. I'd take half", note="prospect repeating the figure"),
    dict(path=SRT, anchor="it's 33 metres", note="pool spec"),
    dict(path=JSN, anchor="about 4,300 member households", note="prospect's counts"),
    dict(path=JSN, anchor="something like 600 new ones", note="prospect's counts"),
    dict(path=JSN, anchor="keep nine points more", note="rep matches retention-uplift-points"),
    dict(path=JSN, anchor="Median is 17 percent more booked lane hours", note="rep matches lane-utilisation-increase"),
    dict(path=ASR, anchor="eleven times last year", note="prospect's own closures"),
    dict(path=ASR, anchor="four hundred swims a day", note="prospect's numbers"),
    dict(path=ASR, anchor="ninety nine point two percent", note="rep matches water-test-on-time-rate (spoken)"),
    dict(path=ASR, anchor="thirty eight percent on average", note="rep matches class-no-show-reduction and carrowmore-no-show-reduction (44)"),
    dict(path=ASR, anchor="sixty percent would be something", note="prospect echoing the rep"),
    dict(path=ASR, anchor="two thousand eight hundred on direct debit", note="prospect's counts"),
]

CHECK_EXPECTED = [
    dict(rule=MC, path="drafts/blog-winter-bookings.md", anchor="class no-shows by 45%",
         related="proof-points/class-no-shows", note="45% fewer no-shows; class-no-show-reduction is 38%"),
    dict(rule=RE, path="drafts/blog-winter-bookings.md", anchor="members churn 30% less",
         related="proof-points/member-churn-2023", note="repeats the retired 30% churn figure"),
    dict(rule=ST, path="drafts/blog-winter-bookings.md", anchor="failed direct debits fall by 41%",
         related="proof-points/failed-payments", note="41% rests only on failed-payments, whose source is older than 24m"),
    dict(rule=US, path="drafts/blog-winter-bookings.md", anchor="chlorine use by 25%",
         note="no approved entry backs a chlorine-use reduction"),
    dict(rule=MC, path="drafts/email-council-followup.txt", anchor="live in 4 weeks from signing",
         related="proof-points/go-live", note="live in 4 weeks; median-go-live-weeks is 8"),
    dict(rule=MC, path="drafts/email-council-followup.txt", anchor="recovered $120,000",
         related="case-studies/north-shore-rec", note="North Shore $120,000; northshore-recovered-revenue is $96,500"),
    dict(rule=US, path="drafts/email-council-followup.txt", anchor="front-desk phone calls by 60%",
         note="no approved entry backs a phone-call reduction"),
    dict(rule=MC, path="drafts/landing-rostering.md", anchor="spend 85% less time on rostering",
         related="proof-points/rostering-time", note="85% less rostering time; roster-admin-reduction is 72%"),
    dict(rule=US, path="drafts/landing-rostering.md", anchor="save 12 hours a week on water logs",
         note="no approved entry backs time saved on water logs"),
    dict(rule=ST, path="drafts/landing-rostering.md", anchor="go live in 8 weeks",
         related="proof-points/go-live", note="8 weeks matches median-go-live-weeks, but only the overdue go-live entry backs it"),
    dict(rule=ST, path="drafts/email-council-followup.txt", anchor="live in 4 weeks from signing", optional=True,
         related="proof-points/go-live", note="the only entry on go-live time is overdue; a stale-claim beside the conflict is tolerated"),
]

CHECK_NEGATIVES = [
    dict(path="drafts/blog-winter-bookings.md", anchor="The first fortnight of January", note="time span"),
    dict(path="drafts/blog-winter-bookings.md", anchor="half the new faces are gone", note="loose anecdote, not a figure anyone would check"),
    dict(path="drafts/blog-winter-bookings.md", anchor="588 lane-hours", note="capacity arithmetic"),
    dict(path="drafts/blog-winter-bookings.md", anchor="median 17% more", note="matches lane-utilisation-increase"),
    dict(path="drafts/blog-winter-bookings.md", anchor="from 54% to 63%", note="before/after pair behind retention-uplift-points"),
    dict(path="drafts/blog-winter-bookings.md", anchor="saves €64,000 a year", note="matches carrowmore-admin-savings"),
    dict(path="drafts/blog-winter-bookings.md", anchor="12 weeks of booking data", note="data request"),
    dict(path="drafts/email-council-followup.txt", anchor="You have 2,400 members", note="prospect's own numbers"),
    dict(path="drafts/email-council-followup.txt", anchor="roughly 350 children", note="prospect's own numbers"),
    dict(path="drafts/email-council-followup.txt", anchor="ends on 31 March", note="contract date"),
    dict(path="drafts/email-council-followup.txt", anchor="saves €64,000 a year", note="matches carrowmore-admin-savings"),
    dict(path="drafts/email-council-followup.txt", anchor="€740 per site per month", note="list price (pricing page)"),
    dict(path="drafts/email-council-followup.txt", anchor="valid for 30 days", note="quote validity"),
    dict(path="drafts/email-council-followup.txt", anchor="45 minutes", note="logistics"),
    dict(path="drafts/landing-rostering.md", anchor="From 9 hours a week to 2.5", note="matches roster-hours-before, the 72% cut and roster-hours-saved (six and a half hours)"),
    dict(path="drafts/landing-rostering.md", anchor="nearly three quarters", note="rounds 72%"),
    dict(path="drafts/landing-rostering.md", anchor="per 20 bathers", note="ratio setting"),
    dict(path="drafts/landing-rostering.md", anchor="runs three pools and 140 lifeguards", note="customer counts; NZ$118,000 on the same line matches kowhai-overtime-savings"),
    dict(path="drafts/landing-rostering.md", anchor="30-minute demo", note="logistics"),
]


def main():
    ae = build_expected(AUDIT_EXPECTED)
    ce = build_expected(CHECK_EXPECTED)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {
            "rules": [MC, SC, ST, UN, RE, RM, US],
            "expected": ae,
            "negatives": build_negatives(AUDIT_NEGATIVES, ae),
        },
        "check": {
            "rules": [MC, US, RE, ST],
            "expected": ce,
            "negatives": build_negatives(CHECK_NEGATIVES, ce),
        },
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    from collections import Counter
    for sec in ("audit", "check"):
        c = Counter((e["rule"], bool(e.get("optional"))) for e in labels[sec]["expected"])
        print(sec, dict(c), "negatives", len(labels[sec]["negatives"]))


if __name__ == "__main__":
    main()
