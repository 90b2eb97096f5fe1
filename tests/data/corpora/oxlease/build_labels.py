#!/usr/bin/env python3
"""Build labels.json for the Oxlease corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its file; line numbers are computed (1-based).
A negative may not sit on a line that an expected finding (or optional one) labels.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = "kb"
TODAY = "2026-12-01"
DRAFTS = [
    "drafts/blog-giving-tuesday.md",
    "drafts/email-gift-aid-nurture.txt",
    "drafts/landing-page-campaigns.md",
]

AUDIT_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
               "retired-claim", "rep-misstatement", "unsupported-claim"]
CHECK_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsupported-claim",
               "retired-claim"]

MC, SC, ST, US, RT, RM, UP = ("metric-conflict", "source-conflict", "stale-claim",
                              "unsourced-claim", "retired-claim", "rep-misstatement",
                              "unsupported-claim")
FIG = [MC, SC, ST, US, RT, RM, UP]

# (rule, path, anchor, extra) ; extra keys: related, alt (anchors), turn (anchors), note,
# severity, speaker, optional
AUDIT = [
    # metric-conflict, KB vs KB
    (MC, "messaging/elevator-pitch.md", "twenty five per cent more Gift Aid",
     dict(related="proof-points/gift-aid.md", note="says twenty five per cent more Gift Aid (in words); gift-aid-uplift is 18% (average)")),
    (MC, "messaging/retention.md", "first-year retention reaches 48%",
     dict(related="proof-points/donor-retention.md", note="says first-year retention 48%; first-year-retention is 41% (median). The benchmark named next to it is the right source, so this is a conflict, not a source-conflict")),
    (MC, "messaging/gift-aid.md", "Claims take under 10 minutes",
     dict(related="proof-points/gift-aid.md", note="under 10 minutes per claim; gift-aid-claim-minutes is a median of 20")),
    (MC, "messaging/regular-giving.md", "cut failed regular-giving payments by 43%",
     dict(related="proof-points/failed-payments.md", note="43% fewer failed payments; failed-payment-reduction is 34% (digits swapped)")),
    (MC, "answers/pricing.md", "saved 2,100 staff hours",
     dict(related="case-studies/outback-flying-vets.md", note="2,100 hours; ofv-admin-hours-saved is 1,200 hours a year")),
    (MC, "website/faq.md", "Typically four weeks from signing",
     dict(related="proof-points/go-live.md", note="FAQ (article) says typically four weeks to go live; median-go-live is 5 weeks")),
    (MC, "press/2026-10-regular-giving-launch.md", "monthly recurring revenue 37%",
     dict(related="case-studies/lone-star-food-bank.md", note="press release says Lone Star grew recurring revenue 37%; lsfb-recurring-growth is 27%")),
    (MC, "enablement/battlecard-raisers-edge.md", "reclaimed £122,000 in Gift Aid",
     dict(related="case-studies/highland-hospice.md", note="battlecard says £122,000; highland-gift-aid-reclaimed is £212,000 (digits transposed)")),
    (MC, "website/regular-giving.md", '<Stat value="2.8x"',
     dict(related="proof-points/campaign-pages.md", note="MDX component: 2.8x more donations from campaign pages; campaign-conversion-lift is 2.3x")),
    # source-conflict
    (SC, "answers/migration.md", "according to Gartner's 2026 market",
     dict(related="proof-points/go-live.md", alt=["Then: charities go live on Oxlease in a median of 5 weeks"],
          note="median-go-live 5 weeks is attributed to Gartner's market guide; the metric's source is the Oxlease onboarding study 2026")),
    (SC, "blog/why-donors-dont-come-back.md", "2.3 times better than their old donate page",
     dict(related="proof-points/campaign-pages.md", alt=["Fundraising. And their first-year retention"],
          note="campaign-conversion-lift 2.3x attributed to 'a study by the Institute of Fundraising'; the metric comes from the 2026 Oxlease Giving Benchmark")),
    (SC, "partners/partners.md", "Charities reclaim 18% more Gift Aid in their first year (Chartered",
     dict(related="proof-points/gift-aid.md", alt=["2026)."],
          note="gift-aid-uplift 18% attributed to the Chartered Institute of Fundraising; it comes from the Oxlease Gift Aid claims review 2026")),
    # stale-claim
    (ST, "proof-points/tax-receipts.md", "    date: 2023-06-30",
     dict(alt=["    value: 2", "Donors get their tax receipt a median of 2 minutes"], severity="warning",
          note="only source dated 2023-06-30, older than max_source_age 24m (cut-off 2024-12-01); receipt-turnaround-minutes rests on it")),
    (ST, "proof-points/volunteer-hours.md", "reviewed: 2025-03-10",
     dict(alt=["    value: 60", "Volunteer coordinators spend 60% less time"], severity="warning",
          note="reviewed 2025-03-10, review_every 180d (canon.toml): overdue since 2025-09-06. Its source (2025-02-01) is still inside 24m")),
    (ST, "messaging/volunteer-offer.md", "expires: 2026-10-31",
     dict(alt=["first 12 months, then 50% off list for the second year."], severity="error",
          note="entry expired 2026-10-31; its offer (free 12 months, then 50% off) may not be made")),
    (ST, "case-studies/accra-youth-trust.md", "reviewed: 2026-04-02",
     dict(alt=["review_every: 6m", "    value: 140", "    value: 2600000", "Online donations grew 140% in the first year"], severity="warning",
          note="entry's own review_every 6m overrides canon.toml's 180d: reviewed 2026-04-02, overdue since 2026-10-02")),
    (ST, "blog/why-donors-dont-come-back.md", "A 2019 survey by the Charities Aid Foundation found that 61%",
     dict(note="article cites a 2019 survey (end of 2019) for 61%, older than max_source_age 24m")),
    (ST, "blog/why-donors-dont-come-back.md", "44% of Australians who stopped giving",
     dict(alt=["Closer to home for me, the Giving Australia 2016"],
          note="Giving Australia 2016 report (the year is on the line above the figure): older than 24m")),
    # unsourced-claim
    (US, "messaging/gift-aid.md", "Charities leave £560 million of Gift Aid unclaimed",
     dict(note="sector statistic with no source in the entry and no metric registering it")),
    (US, "messaging/regular-giving.md", "upgrade their monthly gift at twice the rate",
     dict(note="'twice the rate' upgrade claim: entry has no sources and no metric backs it")),
    (US, "answers/pricing.md", "recoup the subscription within 7 months on average",
     dict(note="payback of 7 months on average: no source, no registered metric")),
    (US, "website/faq.md", "raise 31% more online in their first year",
     dict(note="FAQ (article, approved by default) claims 31% more raised online; no source, no metric")),
    # retired-claim
    (RT, "partners/partners.md", "Donors give 3.2x more over their lifetime",
     dict(related="proof-points/lifetime-value.md", note="repeats retired donor-ltv-multiple (3.2x)")),
    (RT, "enablement/battlecard-raisers-edge.md", "Donors give 3.2 times more over their lifetime",
     dict(related="proof-points/lifetime-value.md", note="internal battlecard repeats the retired 3.2x lifetime-value figure")),
    (RT, "calls/2026-10-14-kumasi-education-fund.srt", "donors give 3.2 times more over their lifetime",
     dict(related="proof-points/lifetime-value.md", speaker="Kwame Asante", note="rep quotes the retired 3.2x lifetime figure")),
    # rep-misstatement
    (RM, "calls/2026-10-06-glenmorrach-trust.vtt", "reclaim 28 per cent more Gift Aid",
     dict(related="proof-points/gift-aid.md", speaker="Morag Lindsay", note="28 per cent more Gift Aid; gift-aid-uplift is 18%")),
    (RM, "calls/2026-10-14-kumasi-education-fund.srt", "saved about two thousand hours a year",
     dict(related="case-studies/outback-flying-vets.md", speaker="Kwame Asante", note="about two thousand hours; ofv-admin-hours-saved is 1,200")),
    (RM, "calls/2026-10-22-riverina-wildlife-rescue.json", "are live in about three weeks",
     dict(related="proof-points/go-live.md", speaker="Bronwyn Hale",
          turn=["Totally fair, Pete.", "and we run the old and new side by side"],
          note="about three weeks to go live; median-go-live is 5 weeks")),
    (RM, "calls/2026-11-03-hill-country-meals.txt", "recurring revenue like forty seven percent",
     dict(related="case-studies/lone-star-food-bank.md", speaker="Travis Whitaker",
          note="raw ASR, numbers in words: forty seven percent; lsfb-recurring-growth is 27%")),
    # unsupported-claim in calls
    (UP, "calls/2026-10-06-glenmorrach-trust.vtt", "donors open 70% of our thank-you",
     dict(speaker="Morag Lindsay", note="no approved entry backs a thank-you e-mail open rate")),
    (UP, "calls/2026-10-22-riverina-wildlife-rescue.json", "cut donor phone queries in July by half",
     dict(speaker="Bronwyn Hale", note="no approved entry backs halving EOFY donor queries")),
    # optional (arguable)
    (US, "website/trust.md", "99.95% uptime over the last 12 months",
     dict(optional=True, note="uptime on a trust page with no source: a measured figure, but trust pages state these as commitments")),
    (US, "press/2026-10-regular-giving-launch.md", "used by more than 1,600 charities",
     dict(optional=True, note="customer count in a press release boilerplate: a count, arguably a claim")),
    (US, "press/2026-10-regular-giving-launch.md", "processed £410 million in donations",
     dict(optional=True, note="volume processed, no source: arguable for a press boilerplate")),
    (US, "enablement/battlecard-raisers-edge.md", "RE renewals often go up 8 to 10% a year",
     dict(optional=True, note="hearsay about a competitor, flagged as such in the text")),
    (US, "answers/migration.md", "resolves 92% of migration tickets",
     dict(optional=True, note="the entry has a source (Gartner), but it does not back this figure; no metric either")),
    (US, "messaging/elevator-pitch.md", "Most charities lose more than half their new donors",
     dict(optional=True, note="sector generalisation with no source; a tool may or may not read 'more than half' as a figure")),
]

NEG_AUDIT = [
    ("messaging/elevator-pitch.md", "of them, up from 23% before they switched", None, "matches first-year-retention 41% and its before value 23%"),
    ("messaging/retention.md", "roughly two in five first-time donors", None, "two in five is 40%: a rounded restatement of 41%; one in four restates 23%"),
    ("messaging/retention.md", "first-time donor retention at about 19%", [MC, RT], "sector norm from the Fundraising Effectiveness Project, not our result"),
    ("messaging/retention.md", "Don't mix the two up: 19% is the sector", [MC, RT], "restates the sector norm and the approved 41%"),
    ("messaging/gift-aid.md", "- Charities reclaim 18% more Gift Aid", None, "matches gift-aid-uplift"),
    ("messaging/gift-aid.md", "- Highland Hospice Trust reclaimed £212,000", None, "matches highland-gift-aid-reclaimed"),
    ("messaging/gift-aid.md", "HMRC lets a charity claim back up to four years", None, "a rule of HMRC, a time span"),
    ("messaging/regular-giving.md", "roughly a third of the payments", None, "a third restates the 34% reduction; the 43% on the line above is the error"),
    ("messaging/regular-giving.md", "Mobile Money mandates renew every 12 months", None, "product term"),
    ("messaging/volunteer-offer.md", "Lone Star Community Food Bank logged 48,000", [MC, US, RT], "matches lsfb-volunteer-hours"),
    ("proof-points/gift-aid.md", "HMRC pays 25p for every £1 donated", None, "the law, not a result"),
    ("proof-points/gift-aid.md", "The review looked at 96 UK charities", None, "sample size"),
    ("proof-points/donor-retention.md", "The benchmark covers 318 charities", None, "sample size"),
    ("proof-points/donor-retention.md", 'the "second gift" prompt at day 45', None, "a product setting"),
    ("proof-points/failed-payments.md", "than three times in 14 days", None, "retry policy, a spec"),
    ("proof-points/campaign-pages.md", "Measured on 1,140 campaigns", None, "sample size"),
    ("proof-points/go-live.md", "more than 250,000 donor records", None, "a threshold, not a result"),
    ("proof-points/lifetime-value.md", "give 3.2x more over their lifetime than donors", None, "a retired entry quoting its own retired figure is fine"),
    ("case-studies/highland-hospice.md", "**Problem:** 9,400 regular givers", None, "matches highland-regular-donors"),
    ("case-studies/highland-hospice.md", "seven weeks over the summer of 2025", None, "one customer's go-live, explained as longer than the median; not a conflicting statement of the median"),
    ("case-studies/outback-flying-vets.md", "It has 11 staff, two aircraft and about 300 volunteers", None, "counts describing the customer"),
    ("case-studies/outback-flying-vets.md", "AUD 3.4 million last financial year", [MC, SC, RT], "the customer's income, context; sourced entry"),
    ("case-studies/outback-flying-vets.md", '"Twelve hundred hours is most of a person,"', None, "restates ofv-admin-hours-saved in words"),
    ("case-studies/lone-star-food-bank.md", "Twelve months on, monthly recurring revenue is up 27%", None, "matches lsfb-recurring-growth"),
    ("case-studies/lone-star-food-bank.md", "sorting 9 million pounds of food", None, "pounds of food (weight), not GBP; customer context in a sourced entry"),
    ("case-studies/lone-star-food-bank.md", "1 in 6 volunteers also gives", [MC, US, RT], "customer finding in a sourced case study"),
    ("answers/pricing.md", "reclaims 18% more Gift Aid in its first year", None, "matches gift-aid-uplift"),
    ("answers/pricing.md", "Starter is free for charities with income under £100,000", None, "eligibility thresholds, not claims"),
    ("answers/pricing.md", "Never discount more than 15%", None, "internal discount policy"),
    ("answers/migration.md", "side by side for 30 days", None, "process term"),
    ("answers/migration.md", "(up to 2 million rows per file)", None, "product spec"),
    ("answers/data-protection.md", "AES-256", None, "encryption spec"),
    ("answers/data-protection.md", "penetration test every 12 months", None, "a schedule"),
    ("answers/data-protection.md", "72 hours.", None, "access policy"),
    ("website/pricing.md", "| Growth | up to 25,000 donor records", None, "prices and plan limits"),
    ("website/pricing.md", "Pay annually and get two months free", None, "pricing term"),
    ("website/pricing.md", "Every paid plan comes with 5 staff seats", None, "plan spec and price"),
    ("website/pricing.md", "Contracts are 12 months, with 30 days' notice", None, "contract terms"),
    ("website/faq.md", "The 30-day trial has every feature", None, "trial length"),
    ("website/faq.md", "for six years after the last gift", None, "HMRC record-keeping rule"),
    ("press/2026-10-regular-giving-launch.md", "failed payments by 34%", None, "matches failed-payment-reduction"),
    ("press/2026-10-regular-giving-launch.md", "Oxlease has 86 staff in four offices", None, "company fact, a count"),
    ("website/changelog.md", "CSV import now takes up to 2 million rows", None, "product spec, before/after of a limit"),
    ("website/changelog.md", "smart retries (up to 3 tries in 14 days)", None, "product spec"),
    ("website/changelog.md", "refreshes every 5 seconds instead of every 30", None, "product spec"),
    ("blog/why-donors-dont-come-back.md", "nonprofits at 19.4%", None, "outside study from 2025, inside max_source_age; a sector norm, not our metric"),
    ("blog/why-donors-dont-come-back.md", "four out of five new donors never give again", None, "restates 19.4% retained"),
    ("blog/why-donors-dont-come-back.md", "Almanac 2024 found that 38%", [ST], "a year alone means 2024-12-31, which is inside 24 months of 2026-12-01"),
    ("blog/why-donors-dont-come-back.md", "Fundraising. And their first-year retention rises from 23% to 41%.", [MC, RT], "before/after pair matching first-year-retention"),
    ("blog/why-donors-dont-come-back.md", "within 48 hours, by name", None, "advice, a time span"),
    ("careers/careers.md", "We're 86 people in Edinburgh", None, "headcount"),
    ("careers/careers.md", "- 30 days' holiday plus public holidays", None, "benefit"),
    ("careers/careers.md", "A 6% pension", None, "benefit"),
    ("careers/careers.md", "earns £68,000 to", None, "salary band"),
    ("careers/careers.md", "within 10 working days", None, "hiring promise"),
    ("website/trust.md", "Backups every hour, kept for 35 days", None, "operational spec"),
    ("website/trust.md", "ISO 27001 since 2022, renewed in 2025", None, "standard number and dates"),
    ("partners/partners.md", "earn 20% of a charity's first-year subscription", None, "partner commission term"),
    ("partners/partners.md", "get a 25% margin on Scale", None, "partner margin term"),
    ("enablement/battlecard-raisers-edge.md", "| Go-live |", None, "competitor's quoted timeline next to our median 5 weeks (matches median-go-live)"),
    ("enablement/battlecard-raisers-edge.md", "recurring revenue up 27% in twelve months", None, "matches lsfb-recurring-growth"),
    ("enablement/battlecard-raisers-edge.md", "charities under 50 staff", None, "a segment definition"),
    ("website/regular-giving.md", '<Stat value="34%"', None, "matches failed-payment-reduction"),
    ("website/regular-giving.md", '<Stat value="41%"', None, "matches first-year-retention"),
    ("website/regular-giving.md", "our monthly revenue is up 27%", None, "customer quote matching lsfb-recurring-growth"),
    ("website/regular-giving.md", "Book a 20-minute demo", None, "meeting length"),
    # calls
    ("calls/2026-10-06-glenmorrach-trust.vtt", "We've about 3,000 donors and we claim maybe £40,000", None, "prospect's own numbers"),
    ("calls/2026-10-06-glenmorrach-trust.vtt", "a claim takes a median of twenty minutes", None, "matches gift-aid-claim-minutes"),
    ("calls/2026-10-06-glenmorrach-trust.vtt", "another eleven thousand for us", None, "prospect's arithmetic on the rep's figure"),
    ("calls/2026-10-06-glenmorrach-trust.vtt", "We've a budget of maybe £2,000", None, "prospect's budget"),
    ("calls/2026-10-06-glenmorrach-trust.vtt", "Growth would be £149 a month", None, "list price"),
    ("calls/2026-10-14-kumasi-education-fund.srt", "We've got about 1,200 donors on a spreadsheet", None, "prospect's own count; same number as ofv-admin-hours-saved, different measure"),
    ("calls/2026-10-14-kumasi-education-fund.srt", "mandates renew every 12 months", None, "product term"),
    ("calls/2026-10-14-kumasi-education-fund.srt", "go live in about five weeks", None, "matches median-go-live"),
    ("calls/2026-10-14-kumasi-education-fund.srt", "Five weeks is fine", None, "prospect repeating"),
    ("calls/2026-10-22-riverina-wildlife-rescue.json", "we raised about $850,000 last year", None, "prospect's own numbers"),
    ("calls/2026-10-22-riverina-wildlife-rescue.json", "300-odd volunteer carers", None, "prospect's count"),
    ("calls/2026-10-22-riverina-wildlife-rescue.json", "convert at 2.3 times the old page", None, "matches campaign-conversion-lift; eleven hundred campaigns is the sample"),
    ("calls/2026-10-22-riverina-wildlife-rescue.json", "Growth is AUD 279 a month", None, "list price"),
    ("calls/2026-10-22-riverina-wildlife-rescue.json", "keep the demo to about twenty minutes", None, "logistics"),
    ("calls/2026-11-03-hill-country-meals.txt", "about six hundred monthly donors", None, "prospect's own numbers"),
    ("calls/2026-11-03-hill-country-meals.txt", "failed payments go down thirty four percent", None, "matches failed-payment-reduction (in words)"),
    ("calls/2026-11-03-hill-country-meals.txt", "twenty three percent to forty one percent", None, "matches first-year-retention before/after"),
    ("calls/2026-11-03-hill-country-meals.txt", "takes me like six hours", None, "prospect's own time"),
    ("calls/2026-11-03-hill-country-meals.txt", "forty eight thousand volunteer hours", None, "matches lsfb-volunteer-hours"),
    ("calls/2026-11-03-hill-country-meals.txt", "fifteen hundred dollars a month", None, "prospect's budget"),
]

B, E, L = DRAFTS
CHECK = [
    (MC, B, "keep 51% of their first-time donors",
     dict(related="proof-points/donor-retention.md", note="51%; first-year-retention is 41%")),
    (ST, B, "a median of 2 minutes after the gift clears",
     dict(related="proof-points/tax-receipts.md", note="only the tax-receipts entry backs this, and its source is older than 24 months")),
    (RT, B, "donors give 3.2x more over their lifetime",
     dict(related="proof-points/lifetime-value.md", note="retired lifetime-value figure")),
    (UP, B, "raised 60% more on Giving Tuesday 2025",
     dict(note="no approved entry backs a Giving Tuesday growth figure")),
    (MC, E, "claim takes five minutes",
     dict(related="proof-points/gift-aid.md", note="five minutes; gift-aid-claim-minutes is a median of 20")),
    (UP, E, "misses £9,000 of Gift Aid a year",
     dict(note="no entry backs an average missed Gift Aid amount")),
    (MC, E, "reclaimed £2.1 million in its first full year",
     dict(related="case-studies/highland-hospice.md", note="£2.1 million; highland-gift-aid-reclaimed is £212,000 (a slipped decimal)")),
    (ST, E, "spend 60% less time on volunteer hours",
     dict(related="proof-points/volunteer-hours.md", note="volunteer-admin-reduction's entry is overdue for review (reviewed 2025-03-10)")),
    (MC, L, "bring in 3x more donations",
     dict(related="proof-points/campaign-pages.md", note="3x; campaign-conversion-lift is 2.3x")),
    (ST, L, "grew online donations 140% in the first year after launch",
     dict(related="case-studies/accra-youth-trust.md", note="only the Accra case study backs 140%, and it is overdue (review_every 6m)")),
    (UP, L, "raise an average of AUD 18,500 each",
     dict(note="no approved entry backs an average raised per campaign")),
    (ST, L, "free for your first 12 months",
     dict(related="messaging/volunteer-offer.md", note="the launch offer expired 2026-10-31")),
    # optional
    (MC, B, "Half your new donors coming back",
     dict(optional=True, note="'half' restates the draft's own 51%, which conflicts with 41%; a second finding here is arguable")),
    (UP, E, "pays out within about four weeks of a claim",
     dict(optional=True, note="HMRC's payment time is an outside fact, not ours; arguable whether it needs backing")),
]

NEG_CHECK = [
    (B, "Giving Tuesday fell on December 1 this year", None, "a date"),
    (B, "only 19.4% of first-time donors give again", None, "outside study (2025) and a sector norm"),
    (B, "up from 23% before they switched", None, "matches first-year-retention-before; the 51% on the line above is the error"),
    (B, "cut failed payments by 34%", None, "matches failed-payment-reduction"),
    (B, "Campaign pages convert at 2.3x your old donate page", None, "matches campaign-conversion-lift"),
    (B, "grew its monthly recurring revenue 27% in a year", None, "matches lsfb-recurring-growth"),
    (B, "Book a 20-minute demo before December 31", None, "logistics and a date"),
    (E, "HMRC adds 25p to every £1", None, "the law"),
    (E, "reclaim 18% more Gift", None, "matches gift-aid-uplift"),
    (E, "up to four years on your first claim", None, "HMRC rule"),
    (E, "Start a 30-day trial", None, "trial length"),
    (L, "Loads in under a second", None, "spec stated in the campaign-pages entry"),
    (L, "refresh every 5 seconds", None, "product spec"),
    (L, "saved 1,200 staff hours a year", None, "matches ofv-admin-hours-saved"),
    (L, "logged 48,000 volunteer hours", None, "matches lsfb-volunteer-hours"),
    (L, "go live in a median of 5 weeks", None, "matches median-go-live"),
]


def read(path):
    full = os.path.join(HERE, KB, path) if not path.startswith("drafts/") else os.path.join(HERE, path)
    with open(full, encoding="utf-8") as f:
        return f.read().split("\n")


def line_of(path, anchor):
    lines = read(path)
    hits = [i + 1 for i, ln in enumerate(lines) if anchor in ln]
    text = "\n".join(lines)
    if text.count(anchor) != 1 or len(hits) != 1:
        sys.exit(f"anchor {anchor!r} occurs {text.count(anchor)} times in {path}")
    return hits[0]


def build(items, negs):
    expected, labelled = [], set()
    for rule, path, anchor, extra in items:
        e = {"rule": rule, "path": path, "line": line_of(path, anchor)}
        if "related" in extra:
            e["related"] = extra["related"]
        if "alt" in extra:
            e["alt_lines"] = [line_of(path, a) for a in extra["alt"]]
        if "turn" in extra:
            e["turn_lines"] = sorted([line_of(path, a) for a in extra["turn"]] + [e["line"]])
        for k in ("speaker", "severity"):
            if k in extra:
                e[k] = extra[k]
        if extra.get("optional"):
            e["optional"] = True
        e["note"] = extra["note"]
        expected.append(e)
        labelled.add((path, e["line"]))
    negatives = []
    for path, anchor, rules, note in negs:
        ln = line_of(path, anchor)
        if (path, ln) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{ln} ({anchor!r})")
        n = {"path": path, "line": ln}
        if rules:
            n["rules"] = rules
        n["note"] = note
        negatives.append(n)
    return expected, negatives


def main():
    a_exp, a_neg = build(AUDIT, NEG_AUDIT)
    c_exp, c_neg = build(CHECK, NEG_CHECK)
    labels = {
        "today": TODAY,
        "kb": KB,
        "drafts": DRAFTS,
        "audit": {"rules": AUDIT_RULES, "expected": a_exp, "negatives": a_neg},
        "check": {"rules": CHECK_RULES, "expected": c_exp, "negatives": c_neg},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    for name, exp, neg in (("audit", a_exp, a_neg), ("check", c_exp, c_neg)):
        counts = {}
        for e in exp:
            k = counts.setdefault(e["rule"], [0, 0])
            k[1 if e.get("optional") else 0] += 1
        print(name, {r: f"{v[0]}+{v[1]}opt" for r, v in counts.items()},
              "expected", sum(1 for e in exp if not e.get("optional")),
              "optional", sum(1 for e in exp if e.get("optional")), "negatives", len(neg))


if __name__ == "__main__":
    main()
