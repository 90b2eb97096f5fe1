"""Build labels.json for the Furrowline corpus.

Run from this folder: python build_labels.py
Every label names its line by an anchor string that must occur on exactly one line of its file,
so no line number is counted by hand.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIGURE_RULES = ["unsourced-claim", "unsupported-claim", "metric-conflict", "rep-misstatement",
                "retired-claim", "stale-claim", "source-conflict"]
DRAFTS = ["drafts/blog-spring-planning.md", "drafts/email-contractor-offer.md", "drafts/landing-co-ops.md"]


def line_of(file_path, anchor):
    with open(os.path.join(HERE, file_path), encoding="utf-8") as f:
        hits = [i for i, line in enumerate(f, 1) if anchor in line]
    if len(hits) != 1:
        sys.exit(f"anchor {anchor!r} found on {len(hits)} lines of {file_path}")
    return hits[0]


def disk(section, path):
    return f"kb/{path}" if section == "audit" else path


def exp(section, rule, path, anchor, note, related=None, alt=(), optional=False):
    item = {"rule": rule, "path": path, "line": line_of(disk(section, path), anchor)}
    if related:
        item["related"] = related
    if alt:
        item["alt_lines"] = [line_of(disk(section, path), a) for a in alt]
    if optional:
        item["optional"] = True
    item["note"] = note
    return item


def neg(section, path, anchor, note, rules=None):
    return {"path": path, "line": line_of(disk(section, path), anchor),
            "rules": rules or FIGURE_RULES, "note": note}


A = "audit"
audit_expected = [
    # metric-conflict: KB vs KB
    exp(A, "metric-conflict", "messaging/why-furrowline.md", "cut fertiliser spend by around a fifth",
        "'around a fifth' (~20%) vs vra-fertiliser-saving 14% average", "proof-points/fertiliser-savings.md"),
    exp(A, "metric-conflict", "messaging/contractors.md", "save seven hours a week",
        "spoken 'seven hours a week' vs compliance-admin-hours-saved median 6 hours/week", "proof-points/office-time.md"),
    exp(A, "metric-conflict", "website/_index.md", "Trusted on 1.2 million hectares",
        "homepage says 1.2 million hectares; hectares-managed is more than 1.4 million (old figure left on the site)",
        "proof-points/hectares-managed.md"),
    exp(A, "metric-conflict", "enablement/battlecard.md", "| Fewer breakdown hours | 31% |",
        "battlecard table says 31% fewer breakdown hours; breakdown-hours-reduction is 27%", "proof-points/breakdowns.md"),
    # source-conflict
    exp(A, "source-conflict", "blog/2026-04-nitrogen-and-margins.md", "according to a 2024 AHDB",
        "14% nitrogen saving credited to a 2024 AHDB study; vra-fertiliser-saving 14% comes from the Furrowline Arable Benchmark 2026",
        "proof-points/fertiliser-savings.md"),
    # stale-claim
    exp(A, "stale-claim", "proof-points/yield-uplift.md", "date: 2023-08-15",
        "only source dated 2023-08-15, older than 24 months before 2026-11-01",
        alt=["value: 4.5", "lifted winter wheat yield by 4.5%"]),
    exp(A, "stale-claim", "blog/2026-04-nitrogen-and-margins.md", "A 2019 survey by the Irish Farmers Journal",
        "62% of tillage farmers on paper, cited to a 2019 survey: older than 24 months"),
    # unsourced-claim
    exp(A, "unsourced-claim", "messaging/contractors.md", "invoice 40% more hectares",
        "outcome claim (40% more hectares invoiced) with no source and no metric"),
    exp(A, "unsourced-claim", "messaging/co-operatives.md", "cut audit preparation time by 70%",
        "70% less audit preparation time: no source, no metric"),
    exp(A, "unsourced-claim", "website/_index.md", "harvest 9% more grain per hectare",
        "9% more grain per hectare: no source, no metric (the only yield metric is 4.5%, a different measure)"),
    exp(A, "source-conflict", "press/2026-09-series-b.md", "a 2026 study by Lincoln University",
        "27% fewer breakdown hours credited to a Lincoln University study; breakdown-hours-reduction 27% comes from the Contractor Fleet Study 2026",
        "proof-points/breakdowns.md"),
    exp(A, "unsourced-claim", "press/2026-09-series-b.md", "see a return inside six months",
        "payback inside six months quoted by the CEO: no source, no metric"),
    exp(A, "unsourced-claim", "press/2026-09-series-b.md", "9,800 farms and 640 contractors",
        "customer counts with no source or metric; a reviewer may treat company facts in a press release as not needing one",
        optional=True),
    exp(A, "unsourced-claim", "case-studies/ballyhale-agri.md", "nearly €200,000 of work",
        "unbilled work figure in a customer quote; the entry has a source, so a reviewer may accept it as sourced",
        optional=True),
    # retired-claim
    exp(A, "retired-claim", "enablement/webinar-recap-spray-windows.md", "up to a third of their overlap",
        "'up to a third' rewords the retired legacy-overlap-reduction (up to 33%)", "proof-points/overlap-legacy.md"),
    exp(A, "retired-claim", "calls/2026-09-29-dakota-ag.txt", "by up to a third on the odd shaped fields",
        "rep repeats the retired up to 33% overlap claim as 'up to a third'", "proof-points/overlap-legacy.md"),
    # rep-misstatement
    exp(A, "rep-misstatement", "calls/2026-09-15-glenmore-farms.vtt", "burning 18% less per hectare",
        "rep says 18% less diesel per hectare; fuel-per-hectare-reduction is 11%", "proof-points/fuel-per-hectare.md"),
    exp(A, "rep-misstatement", "calls/2026-10-20-riverina-grain.srt", "nineteen days to five days",
        "rep says Ballyhale invoices in five days; ballyhale-invoice-days is 3", "case-studies/ballyhale-agri.md"),
    # unsupported-claim in calls
    exp(A, "unsupported-claim", "calls/2026-09-29-dakota-ag.txt", "first ninety days",
        "payback in ninety days: no approved entry backs it"),
    exp(A, "unsupported-claim", "calls/2026-10-06-canterbury-contracting.json", "pays for itself in under eight months",
        "payback under eight months: no approved entry backs it"),
    exp(A, "unsupported-claim", "calls/2026-10-20-riverina-grain.srt", "we keep 98% of our customers",
        "98% retention: no approved entry backs it"),
    exp(A, "stale-claim", "calls/2026-10-20-riverina-grain.srt", "four and a half percent",
        "rep quotes 4.5% yield uplift, backed only by the stale yield-uplift entry (and that trial was on wheat, not canola)",
        "proof-points/yield-uplift.md", optional=True),
]

audit_negatives = [
    neg(A, "proof-points/fertiliser-savings.md", "applied 14% less nitrogen per hectare on average",
        "the registered figure itself, sourced"),
    neg(A, "proof-points/fertiliser-savings.md", "median was 410 ha", "benchmark farm sizes, not a claim"),
    neg(A, "proof-points/fertiliser-savings.md", "about one seventh less nitrogen", "one seventh is about 14%: a matching rewording"),
    neg(A, "proof-points/fuel-per-hectare.md", "Typical cultivation draws 12 to 18 L/ha",
        "fuel rates and worked arithmetic, not claims"),
    neg(A, "proof-points/fuel-per-hectare.md", "logs fuel rate every 10 seconds", "logging interval, a spec"),
    neg(A, "proof-points/office-time.md", "The study timed 88 farm offices", "study design"),
    neg(A, "proof-points/overlap-legacy.md", "the \"up to 33% less", "a retired entry quoting its own retired figure is fine"),
    neg(A, "proof-points/breakdowns.md", "Alerts fire at 50 engine hours", "alert threshold, a spec"),
    neg(A, "proof-points/hectares-managed.md", "about 3.5 million acres", "unit conversion of the registered 1.4 million hectares"),
    neg(A, "case-studies/ballyhale-agri.md", "Ballyhale runs 11 tractors", "fleet size, not a claim"),
    neg(A, "case-studies/ballyhale-agri.md", "invoices go out within 3 days", "matches ballyhale-invoice-days"),
    neg(A, "case-studies/ballyhale-agri.md", "cut its diesel bill by €18,400", "matches ballyhale-fuel-saving"),
    neg(A, "messaging/why-furrowline.md", "save 11% of the fuel burned per hectare", "matches fuel-per-hectare-reduction"),
    neg(A, "messaging/why-furrowline.md", "about six hours a week", "matches compliance-admin-hours-saved (6)"),
    neg(A, "messaging/why-furrowline.md", "More than 1.4 million hectares", "matches hectares-managed"),
    neg(A, "messaging/why-furrowline.md", "extra seats are £9 a month", "price and seat count"),
    neg(A, "messaging/why-furrowline.md", "works 8am to 6pm", "support hours"),
    neg(A, "messaging/contractors.md", "roughly a quarter fewer hours lost", "a quarter rounds the 27% breakdown-hours-reduction"),
    neg(A, "messaging/contractors.md", "went from 19 days to 3 days", "matches ballyhale-invoice-days and -before"),
    neg(A, "messaging/contractors.md", "£22 a month, or £220 a year", "price"),
    neg(A, "messaging/co-operatives.md", "applies 14% less nitrogen", "matches vra-fertiliser-saving"),
    neg(A, "messaging/co-operatives.md", "A 120-member co-op", "price per member"),
    neg(A, "messaging/co-operatives.md", "Group licences start at 25 member farms", "licence minimum"),
    neg(A, "messaging/carbon-draft.md", "fall by 18%", "draft entry: not canonical, not checked for sourcing"),
    neg(A, "answers/pricing.md", "£1.10/ha a year in the UK", "prices"),
    neg(A, "answers/pricing.md", "600 × £1.10 = £660", "worked price example"),
    neg(A, "answers/pricing.md", "11% less fuel per hectare", "matches fuel-per-hectare-reduction"),
    neg(A, "answers/data-ownership.md", "for 7 years after it closes", "retention period"),
    neg(A, "answers/data-ownership.md", "kept for 24 months", "retention period (24 months is not a source age)"),
    neg(A, "answers/data-ownership.md", "within 48 hours of a request", "service commitment"),
    neg(A, "answers/data-ownership.md", "(2019 edition)", "a dated standard, not a dated statistic"),
    neg(A, "answers/connectivity.md", "stores up to 72 hours of records offline", "product spec"),
    neg(A, "answers/connectivity.md", "2.5 cm pass-to-pass accuracy", "GPS accuracy spec"),
    neg(A, "objections/too-expensive.md", "farms under 400 ha", "segment description"),
    neg(A, "website/_index.md", "farms apply 14% less on average", "matches vra-fertiliser-saving"),
    neg(A, "website/_index.md", "Start a 30-day trial", "trial length"),
    neg(A, "website/pricing.md", "| Farm | £1.10/ha/yr", "price table"),
    neg(A, "website/pricing.md", "Prices exclude VAT (20% in the UK", "tax rates"),
    neg(A, "website/pricing.md", "Pay annually and save 10%", "discounts"),
    neg(A, "website/pricing.md", "1,250 × €1.25 = €1,562.50", "worked example"),
    neg(A, "website/pricing.md", "get 50% off for 12 months", "discount"),
    neg(A, "website/partners.mdx.md", "| Silver | £25,000 to £100,000 | 15%", "commission tier"),
    neg(A, "website/partners.mdx.md", "| Gold | over £100,000 | 20%", "commission tier"),
    neg(A, "website/partners.mdx.md", "sell hardware at a 12% margin", "dealer margin"),
    neg(A, "website/partners.mdx.md", "paid quarterly, 45 days after", "payment terms"),
    neg(A, "website/trust.md", "within 72 hours of confirming", "breach-notification window"),
    neg(A, "website/trust.md", "built for 99.9% monthly uptime", "availability target and service credits (contract terms)"),
    neg(A, "website/trust.md", "Backups run every 4 hours", "backup interval and retention"),
    neg(A, "website/trust.md", "ISO/IEC 27001:2022", "a standard and its year"),
    neg(A, "blog/2026-04-nitrogen-and-margins.md", "often £180 to £260 a hectare", "input costs, not a claim"),
    neg(A, "blog/2026-04-nitrogen-and-margins.md", "(Furrowline, 2026) puts the average at 14%",
        "credited to the right source, matches vra-fertiliser-saving", ["source-conflict", "metric-conflict", "unsourced-claim", "stale-claim"]),
    neg(A, "blog/2026-04-nitrogen-and-margins.md", "A typical plan for 220 kg N/ha", "application rates"),
    neg(A, "blog/2026-04-nitrogen-and-margins.md", "190 kg N/ha on the better-mapped", "worked example rate"),
    neg(A, "blog/2026-04-nitrogen-and-margins.md", "[^2]: Irish Farmers Journal reader survey", "the footnote itself; the finding belongs on the claim line",
        ["unsourced-claim", "metric-conflict", "source-conflict"]),
    neg(A, "press/2026-09-series-b.md", "more than 1.4 million hectares", "matches hectares-managed"),
    neg(A, "press/2026-09-series-b.md", "burn 11% less diesel per hectare", "matches fuel-per-hectare-reduction"),
    neg(A, "press/2026-09-series-b.md", "engineering team to 120 people", "headcount plan"),
    neg(A, "website/changelog.md", "cut from 15 minutes to 5 minutes", "product change, not an outcome claim"),
    neg(A, "website/changelog.md", "up to 48 sections", "spec"),
    neg(A, "website/changelog.md", "file size down about 40%", "file size of an export, a release note"),
    neg(A, "website/careers.md", "£38,000 to £44,000", "salary band"),
    neg(A, "website/careers.md", "26 weeks at full pay", "leave policy"),
    neg(A, "website/careers.md", "We are 74 people", "headcount"),
    neg(A, "enablement/battlecard.md", "| Less nitrogen with variable-rate | 14%", "matches, and the table's Source line names the right report"),
    neg(A, "enablement/battlecard.md", "| Less diesel per hectare | 11%", "matches fuel-per-hectare-reduction"),
    neg(A, "enablement/battlecard.md", "| Office time saved | 6 hrs/week", "matches compliance-admin-hours-saved"),
    neg(A, "enablement/battlecard.md", "Farms under 200 ha", "routing rule"),
    neg(A, "enablement/webinar-recap-spray-windows.md", "312 people registered", "attendance"),
    neg(A, "enablement/webinar-recap-spray-windows.md", "pre-em within 48 hours", "spray timing advice"),
    neg(A, "enablement/webinar-recap-spray-windows.md", "£45/ha for the", "grant payment rate and deadline"),
    neg(A, "enablement/webinar-recap-spray-windows.md", "average 14% less nitrogen", "matches vra-fertiliser-saving",
        ["metric-conflict", "unsourced-claim", "retired-claim", "source-conflict"]),
    # calls
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "We've 1,100 hectares", "prospect's own hectares"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "use 14% less on average", "rep quotes vra-fertiliser-saving correctly"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "€140,000 on fertiliser", "prospect's own spend"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "holds 72 hours of records offline", "spec, matches answers/connectivity"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "maybe 10 hours a week", "prospect's own hours"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "median of six hours a week", "rep quotes compliance-admin-hours-saved correctly"),
    neg(A, "calls/2026-09-15-glenmore-farms.vtt", "45-minute demo", "logistics"),
    neg(A, "calls/2026-09-29-dakota-ag.txt", "about six thousand acres", "prospect's own acres"),
    neg(A, "calls/2026-09-29-dakota-ag.txt", "about fourteen percent less", "rep quotes vra-fertiliser-saving correctly, in words"),
    neg(A, "calls/2026-09-29-dakota-ag.txt", "one eighty pounds of n", "prospect's own rate"),
    neg(A, "calls/2026-09-29-dakota-ag.txt", "fifty five cents an acre", "price and discount"),
    neg(A, "calls/2026-09-29-dakota-ag.txt", "eleven percent less diesel", "rep quotes fuel-per-hectare-reduction correctly"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "lost about 300 hours to breakdowns", "prospect's own hours"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "lose 27% fewer hours", "rep quotes breakdown-hours-reduction correctly"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "50 engine hours before", "spec"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "went from 19 days to 3 days", "matches the Ballyhale case study"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "NZ$38 a machine a month", "price"),
    neg(A, "calls/2026-10-06-canterbury-contracting.json", "around six hours a week", "matches compliance-admin-hours-saved"),
    neg(A, "calls/2026-10-20-riverina-grain.srt", "We're 4,800 hectares", "prospect's own hectares"),
    neg(A, "calls/2026-10-20-riverina-grain.srt", "2.1 tonnes a hectare", "prospect's own yield"),
    neg(A, "calls/2026-10-20-riverina-grain.srt", "nitrogen by about 14%", "matches vra-fertiliser-saving"),
]

C = "check"
B, E, L = DRAFTS
check_expected = [
    exp(C, "metric-conflict", B, "cut fuel per hectare by 15%",
        "15% vs fuel-per-hectare-reduction 11%", "proof-points/fuel-per-hectare.md"),
    exp(C, "retired-claim", B, "up to 33% less overlap", "repeats the retired legacy-overlap-reduction",
        "proof-points/overlap-legacy.md"),
    exp(C, "unsupported-claim", B, "22% more margin per hectare", "no approved entry backs 22% more margin"),
    exp(C, "stale-claim", B, "lift winter wheat yields by 4.5%", "backed only by the stale yield-uplift entry (2023 source)",
        "proof-points/yield-uplift.md"),
    exp(C, "metric-conflict", E, "saves 8 hours a week", "8 hours a week vs compliance-admin-hours-saved median 6",
        "proof-points/office-time.md"),
    exp(C, "unsupported-claim", E, "invoicing runs 3x faster", "3x faster invoicing: no approved entry (Ballyhale's 19 to 3 days is one customer, about 6x)"),
    exp(C, "metric-conflict", L, "already runs on 1.2 million hectares", "1.2 million vs hectares-managed more than 1.4 million",
        "proof-points/hectares-managed.md"),
    exp(C, "unsupported-claim", L, "save 50 hours per audit", "50 hours per audit: no approved entry backs it (the 70% in messaging is itself unsourced)"),
    exp(C, "source-conflict", L, "falls by 11% (Teagasc, 2025)",
        "11% fuel saving credited to Teagasc 2025; fuel-per-hectare-reduction 11% comes from the Furrowline Fleet Telemetry Report 2026",
        "proof-points/fuel-per-hectare.md"),
    exp(C, "unsupported-claim", L, "95% of members adopt", "95% adoption: no approved entry backs it"),
]

check_negatives = [
    neg(C, B, "starts in about 10 weeks", "timing"),
    neg(C, B, "applied 14% less", "matches vra-fertiliser-saving"),
    neg(C, B, "applying 200 kg N/ha", "worked example"),
    neg(C, B, "14% of that is £10,640", "worked example arithmetic using the right figure"),
    neg(C, B, "3 to 5 dry days", "spray window and wind limit"),
    neg(C, B, "first 60 days are free", "offer terms"),
    neg(C, B, "February 2027", "date"),
    neg(C, E, "Subject: Your yard", "discount and deadline"),
    neg(C, E, "lose 27% fewer hours", "matches breakdown-hours-reduction"),
    neg(C, E, "within 3 days of finishing a job", "matches ballyhale-invoice-days and -before"),
    neg(C, E, "For a 12-machine fleet", "price"),
    neg(C, E, "£3,168 a year", "worked price example"),
    neg(C, E, "01522 555 0142", "phone number and opening hours"),
    neg(C, L, "description:", "14% in the description matches vra-fertiliser-saving (the 50 hours on the same line is labelled)",
        ["metric-conflict", "stale-claim", "retired-claim", "source-conflict"]),
    neg(C, L, "average of 14% less nitrogen", "matches vra-fertiliser-saving"),
    neg(C, L, "start at 25 member farms", "licence minimum"),
    neg(C, L, "200 × €38 = €7,600", "worked price example"),
    neg(C, L, "can leave on 30 days", "notice period"),
    neg(C, L, "9am to 5pm GMT", "support hours"),
]

labels = {
    "today": "2026-11-01",
    "kb": "kb",
    "drafts": DRAFTS,
    "audit": {"rules": FIGURE_RULES, "expected": audit_expected, "negatives": audit_negatives},
    "check": {"rules": FIGURE_RULES, "expected": check_expected, "negatives": check_negatives},
}

with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
    json.dump(labels, f, indent=2, ensure_ascii=False)
    f.write("\n")

for s in ("audit", "check"):
    print(s, len(labels[s]["expected"]), "expected,", len(labels[s]["negatives"]), "negatives")
