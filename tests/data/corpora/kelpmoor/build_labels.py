"""Build labels.json for the Kelpmoor corpus from anchor strings.

Every label names a file and an anchor: a piece of text that occurs exactly once in that file.
The label's line is the line where the anchor occurs, so edits to the text move the labels with
it. Run with any Python 3: `python build_labels.py` (writes labels.json next to this file).
The script refuses an anchor that is missing or not unique, and a negative that falls on a line
of an expected or optional label.
"""
import json
import pathlib
import sys
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
KB = HERE / "kb"
TODAY = "2026-11-01"


def line_of(relpath, anchor, base):
    text = (base / relpath).read_text(encoding="utf-8")
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {relpath}")
    return text[: text.index(anchor)].count("\n") + 1


def lbl(base, prefix, rule, path, anchor, note, related=None, alt=(), turn=(), **extra):
    d = {}
    if rule:
        d["rule"] = rule
    d["path"] = prefix + path
    d["line"] = line_of(path, anchor, base)
    if related:
        d["related"] = related
    if alt:
        d["alt_lines"] = [line_of(path, a, base) for a in alt]
    if turn:
        d["turn_lines"] = sorted({line_of(path, a, base) for a in turn} | {d["line"]})
    d.update(extra)
    d["note"] = note
    return d


def K(rule, path, anchor, note, **kw):
    return lbl(KB, "", rule, path, anchor, note, **kw)


def D(rule, path, anchor, note, **kw):
    return lbl(HERE, "", rule, path, anchor, note, **kw)


def N(path, anchor, note, **kw):
    return K(None, path, anchor, note, **kw)


def ND(path, anchor, note, **kw):
    return D(None, path, anchor, note, **kw)


ARD = "calls/2026-09-08-ardnish-salmon.vtt"
MEJ = "calls/2026-09-23-mejillones-quellon.json"
NOO = "calls/2026-10-06-nootka-sound.srt"
VES = "calls/2026-10-20-vestfjord-havbruk.txt"

audit_expected = [
    # metric-conflict
    K("metric-conflict", "messaging/elevator-pitch.md", "nine times in ten",
      "'agree with trained counters nine times in ten' (90%); lice-count-accuracy is 96%",
      related="proof-points/lice-counting"),
    K("metric-conflict", "messaging/value-finance.md", "NOK 16,8 mill.",
      "Hardanger Laks saving NOK 16,8 mill. (decimal comma, digits swapped); hardanger-annual-saving is NOK 18 600 000",
      related="case-studies/hardanger-laks"),
    K("metric-conflict", "website/pricing.md", "Minimum term 24 months",
      "pricing page says a 24-month minimum term; minimum-term-months is 36",
      related="answers/pricing"),
    K("metric-conflict", "website/biomass-eye.md", 'value="1.5%"',
      "MDX Stat component: 1.5% average biomass error; biomass-estimate-error is 2.5%",
      related="proof-points/biomass-accuracy"),
    K("metric-conflict", "website/press-release-chile.md", "lifts meat yield by 15 per cent",
      "front-matter headline: Chilean mussel grower (Mitílidos del Sur) lifts meat yield 15%; mitilidos-meat-yield-gain is 11%",
      related="case-studies/mitilidos-del-sur"),
    K("metric-conflict", "website/partners.md", "eleven feed-system",
      "'eleven feed-system integrations' in words; feed-system-integrations is 9",
      related="answers/implementation"),
    K("metric-conflict", "enablement/battlecard.md", "over an hour's warning",
      "'over an hour's warning' (other unit); low-oxygen-warning-minutes is 35 minutes (median). The backing entry is overdue for review but still approved",
      related="proof-points/oxygen-alerts"),
    # source-conflict
    K("source-conflict", "messaging/welfare-first.md", "lose 12 per cent fewer fish",
      "12% lower mortality attributed to the Norwegian Veterinary Institute's Fish Health Report 2025; mortality-reduction (12%) comes from the 2026 Kelpmoor Fish Welfare Benchmark",
      related="proof-points/mortality-2026",
      alt=("according to the Norwegian Veterinary Institute's", 'title: "Norwegian Veterinary Institute')),
    K("source-conflict", "website/faq.md", "Independent trials by Nofima (2026)",
      "2.5% biomass error attributed to 'independent trials by Nofima (2026)'; biomass-estimate-error is sourced from Kelpmoor's own harvest reconciliation",
      related="proof-points/biomass-accuracy"),
    # stale-claim
    K("stale-claim", "proof-points/oxygen-alerts.md", "reviewed: 2025-09-18",
      "reviewed 2025-09-18 with review_every 6m (canon.toml): review overdue since 2026-03-18",
      alt=("value: 35", "the median warning was 35 minutes"), severity="warning"),
    K("stale-claim", "proof-points/harvest-timing.md", "date: 2023-09-30",
      "only source dated 2023-09-30, older than max_source_age 24m (cut-off 2024-11-01); harvest-price-uplift 4% rests on it",
      alt=("value: 4", "4 per cent more per kilo"), severity="warning"),
    K("stale-claim", "messaging/summer-offer.md", "expires: 2026-08-31",
      "offer expired 2026-08-31 (severity error); its claim is the NOK 95 000 / £7,000 / CA$12,500 installation-fee waiver",
      alt=("value: 95000", "installation fee of NOK 95 000", "(£7,000 in the UK"), severity="error"),
    K("stale-claim", "website/blog-lice-pressure.md", "NOK 5 billion a year (Veterinærinstituttet, 2022)",
      "figure cited to a 2022 source in prose (end of 2022 is older than 24m)",
      alt=("[^1]: Veterinærinstituttet",), severity="warning"),
    K("stale-claim", "website/webinar-recap.md", "found that 40 per cent of lumpfish",
      "figure cited to 'a 2020 SINTEF Ocean study' (older than 24m); the year sits on the line before",
      alt=("A 2020 SINTEF Ocean study",), severity="warning"),
    # unsourced-claim
    K("unsourced-claim", "answers/connectivity.md", "buffers up to 72 hours",
      "approved answer with no sources; no metric registers the offline buffer"),
    K("unsourced-claim", "website/changelog.md", "reduces estimate error by 40 per cent",
      "performance claim for the v3 model with no source and no metric"),
    K("unsourced-claim", "website/trust.md", "hold their calibration for 12 months",
      "sensor calibration life stated with no source and no metric"),
    K("unsourced-claim", "enablement/battlecard.md", "miss about one louse in five",
      "claim about competitors' cameras (one in five = 20%) with no source"),
    K("unsourced-claim", "website/faq.md", "within eight months",
      "payback claim with no source and no metric"),
    # retired-claim
    K("retired-claim", "messaging/value-finance.md", "cut mortality by almost a third",
      "'almost a third' repeats the retired 31% mortality-reduction-2023 (pilot sites)",
      related="proof-points/mortality-2023"),
    K("retired-claim", "enablement/battlecard.md", "thirty-one per cent fewer dead fish",
      "repeats the retired 31% pilot mortality figure, in words",
      related="proof-points/mortality-2023"),
    # rep-misstatement
    K("rep-misstatement", ARD, "a pen takes about two minutes",
      "says a LiceLens pen review takes about two minutes; lice-count-minutes-per-pen is about 4",
      related="proof-points/lice-counting", speaker="Callum Fraser"),
    K("rep-misstatement", MEJ, "The minimum term is twelve months",
      "says the minimum term is twelve months; minimum-term-months is 36",
      related="answers/pricing", speaker="Valentina Riquelme",
      turn=("So you are not locked in for long.",)),
    K("rep-misstatement", NOO, "feed waste goes down by like thirty percent",
      "spoken 'thirty percent' less feed waste; feed-waste-reduction is 18% (average)",
      related="proof-points/feed-efficiency", speaker="Marc-André Tremblay"),
    K("rep-misstatement", VES, "mortality is down about 19 per cent",
      "gives Loch Carran's 19% as the average across customer sites; mortality-reduction (benchmark average) is 12%",
      related="proof-points/mortality-2026", speaker="Ingrid Solberg"),
    # unsupported-claim (calls)
    K("unsupported-claim", ARD, "rated for waves up to eight metres",
      "no approved entry states a wave rating for the cameras", speaker="Solveig Haugen"),
    K("unsupported-claim", NOO, "harvest weights go up about eight percent",
      "no approved entry backs an increase in harvest weight", speaker="Marc-André Tremblay"),
]

audit_optional = [
    K("unsourced-claim", "website/pricing.md", "| Full suite | 1 450 | 105 | 185 |",
      "price table row: NOK 1 450 matches price-per-pen-month; the £ and CA$ prices are the company's own list prices, registered nowhere"),
    K("unsourced-claim", "website/pricing.md", "| Kelpmoor Feed | 520 |",
      "module list prices; a price list page may count as its own source"),
    K("unsourced-claim", "website/pricing.md", "| LiceLens | 610 |",
      "module list prices; a price list page may count as its own source"),
    K("unsourced-claim", "website/pricing.md", "| Oxy | 240 |",
      "module list prices; a price list page may count as its own source"),
    K("unsourced-claim", "website/pricing.md", "CLP 38.000 per line per month",
      "Chilean per-longline price (decimal point as thousands separator); not registered"),
    K("unsourced-claim", "website/faq.md", "down to 15 metres",
      "hardware specification, unsourced; a reviewer may treat specs as outside the rule"),
    K("unsourced-claim", "website/press-release-chile.md", "The office starts with 18 staff.",
      "company fact in a press release, unsourced"),
    K("unsourced-claim", "website/careers.md", "We are 140 people",
      "headcount and 'about a third of us' former farm staff: company facts on a careers page"),
    K("unsourced-claim", "website/careers.md", "25 days' holiday",
      "employment benefit, not a product claim"),
    K("unsourced-claim", "website/webinar-recap.md", "Around 260 people joined",
      "event attendance, unsourced"),
    K("unsourced-claim", "website/webinar-recap.md", "400 times since",
      "recording views, unsourced"),
    K("unsourced-claim", "website/trust.md", "99.95 %",
      "availability figure on a trust page that points to a live status page"),
    K("unsourced-claim", "website/trust.md", "every 6 hours, kept for 35 days",
      "backup policy (a setting, but stated as a figure)"),
    K("unsupported-claim", MEJ, "CLP 38.000 per line per month for Harvest Planner",
      "rep quotes the pricing page's per-longline price; only an article (no registered metric) states it",
      speaker="Valentina Riquelme"),
]

audit_negatives = [
    N("messaging/elevator-pitch.md", "around 6 per cent", "matches fcr-improvement 6%"),
    N("messaging/elevator-pitch.md", "more than 640 sites in six countries", "matches site-count and country-count"),
    N("messaging/elevator-pitch.md", "**Thirty seconds.**", "label for a pitch length, not a claim"),
    N("messaging/value-finance.md", "uneaten feed down 18 per cent", "matches feed-waste-reduction 18%"),
    N("proof-points/feed-efficiency.md", "18 per cent on average and improved eFCR by 6 per cent", "the entry's own metrics"),
    N("proof-points/lice-counting.md", "counters 96 per cent", "the entry's own metric"),
    N("proof-points/lice-counting.md", "(41 pens, about 12,300 fish", "sample size of a sourced study"),
    N("proof-points/lice-counting.md", "takes about 4 minutes to review", "the entry's own before/after metrics"),
    N("proof-points/lice-counting.md", "and sedate twenty fish", "'twenty fish' is the manual sample size, not a claim"),
    N("proof-points/oxygen-alerts.md", "probes at 5, 10 and", "probe depths, not a claim"),
    N("proof-points/mortality-2023.md", "reported 31 per cent lower mortality", "a retired entry quoting its own retired figure (four pilot sites)"),
    N("proof-points/mortality-2026.md", "compared 58 sea sites", "sample size of a sourced benchmark"),
    N("proof-points/mortality-2026.md", "Average mortality fell by 12 per cent.", "the entry's own metric"),
    N("proof-points/biomass-accuracy.md", "reviewed: 2026-05-03", "review due 2026-11-03 (6m), two days after --today: not overdue"),
    N("proof-points/biomass-accuracy.md", "weights for 212 harvest batches", "sample size of a sourced study"),
    N("proof-points/biomass-accuracy.md", "was 2.5 per cent of pen biomass", "the entry's own metric"),
    N("proof-points/biomass-accuracy.md", "one metre deeper", "installation advice"),
    N("proof-points/installed-base.md", "More than 640 farming sites in 6 countries", "the entry's own metrics"),
    N("proof-points/installed-base.md", "about one in ten", "share stated in a sourced entry"),
    N("proof-points/time-to-live.md", "its first feeding day on Kelpmoor in 11 days", "the entry's own metric"),
    N("case-studies/hardanger-laks.md", "14 sites in Hardangerfjorden", "customer fact in a sourced case study"),
    N("case-studies/hardanger-laks.md", "around 160 people", "customer fact in a sourced case study"),
    N("case-studies/hardanger-laks.md", "9 mechanical delousing treatments", "the entry's own metric (before)"),
    N("case-studies/hardanger-laks.md", "they needed 4 treatments", "the entry's own metric (after)"),
    N("case-studies/hardanger-laks.md", "NOK 18,6 million a year", "decimal comma: matches hardanger-annual-saving NOK 18 600 000"),
    N("case-studies/hardanger-laks.md", "a count of", "'twenty fish' inside a customer quote"),
    N("case-studies/loch-carran.md", "runs six marine sites", "customer fact"),
    N("case-studies/loch-carran.md", "spending about 7 hours", "the entry's own metric (before)"),
    N("case-studies/loch-carran.md", "down to 1.5 hours a site", "the entry's own metric"),
    N("case-studies/loch-carran.md", "19 per cent lower than in the previous one", "customer-specific 19%, next to the 12% average elsewhere: different measures"),
    N("case-studies/mitilidos-del-sur.md", "fourteen months)", "the old rule of thumb, not a claim"),
    N("case-studies/mitilidos-del-sur.md", "rose by 11 per cent", "the entry's own metrics (yield and CLP 420 million)"),
    N("case-studies/quatsino.md", "reviewed: 2026-04-15", "entry sets review_every 12m: due 2027-04-15, not overdue"),
    N("case-studies/quatsino.md", "at three sites", "customer fact"),
    N("case-studies/quatsino.md", "eFCR improved by 9 per cent", "customer-specific 9%, not the 6% average"),
    N("case-studies/quatsino.md", "roughly CA$1.3 million a year", "matches quatsino-feed-saving"),
    N("answers/pricing.md", "NOK 1 450 per pen", "matches price-per-pen-month (space as thousands separator)"),
    N("answers/pricing.md", "within 5 working days", "service policy in a sourced entry"),
    N("answers/pricing.md", "minimum of 36 months", "matches minimum-term-months; 90 days' notice is a sourced contract term"),
    N("answers/pricing.md", "two people, one boat", "discovery advice, not a claim"),
    N("answers/implementation.md", "certified connectors for 9", "the entry's own metric"),
    N("answers/implementation.md", "usually in one day per site", "sourced process description"),
    N("answers/implementation.md", "for a week.", "sourced process description"),
    N("answers/implementation.md", "feeding through Kelpmoor 11 days", "matches site-go-live-days 11"),
    N("answers/camera-welfare.md", "98 per cent as often", "status: draft: not checked for sourcing or conflicts"),
    N("answers/camera-welfare.md", "counts matched the manual ones 99 per cent", "status: draft: 99% would conflict with 96%, but drafts are not canonical and not checked"),
    N("answers/camera-welfare.md", "TODO: check the 99", "note inside a draft entry"),
    N("objections/connectivity.md", "for three days at a time", "a prospect's phrasing in examples, not a claim of ours"),
    N("objections/price.md", "forty pens", "a prospect's phrasing in examples"),
    N("website/pricing.md", "nav_order: 4", "site navigation key"),
    N("website/biomass-eye.md", 'value="212"', "matches the 212 batches of the sourced reconciliation"),
    N("website/biomass-eye.md", 'value="6"', "matches country-count 6"),
    N("website/biomass-eye.md", "4-5 kg class", "weight classes, not a claim"),
    N("website/faq.md", "around four minutes with LiceLens", "matches lice-count-minutes-per-pen (4) and the 45-minute baseline (three quarters of an hour)"),
    N("website/press-release-chile.md", "more than 640 farming sites in six countries", "matches site-count and country-count"),
    N("website/press-release-chile.md", "CLP 420 million more a year", "matches mitilidos-annual-saving"),
    N("website/press-release-chile.md", "founded in Bergen in 2017", "founding year"),
    N("website/press-release-chile.md", "14 October 2026.**", "dateline"),
    N("website/careers.md", "five in the morning", "time of day"),
    N("website/careers.md", "first three months", "onboarding policy, not a figure claim"),
    N("website/careers.md", "two days a week", "office policy"),
    N("website/changelog.md", "about 4 minutes per pen", "matches lice-count-minutes-per-pen"),
    N("website/changelog.md", "from 5 mg/L to 6 mg/L", "a default setting changed, not a claim"),
    N("website/changelog.md", "retry 3 times", "a setting"),
    N("website/changelog.md", "up to 2 seconds a day", "description of a fixed bug"),
    N("website/blog-lice-pressure.md", "14 per cent higher", "cited to a 2025 study: within max_source_age"),
    N("website/blog-lice-pressure.md", "at least once at 38 per cent", "'survey data from 2024': a year alone means 2024-12-31, within 24m of 2026-11-01"),
    N("website/blog-lice-pressure.md", "about 4 minutes a pen", "matches lice-count-minutes-per-pen"),
    N("website/webinar-recap.md", "cut mortality by 19 per cent", "matches loch-carran-mortality-reduction"),
    N("website/webinar-recap.md", "all our sites is 12 per cent", "matches mortality-reduction 12%"),
    N("website/trust.md", "certified since March 2024", "certification date"),
    N("website/trust.md", "one service visit a year", "follows from the calibration claim on the line before (labelled there)"),
    # calls
    N(ARD, "We've 22 pens across three sites", "prospect's own volumes", speaker="Alasdair MacLeod"),
    N(ARD, "More than an hour some weeks", "prospect's own timing", speaker="Kirsty Munro"),
    N(ARD, "So call it 22 pens", "rep restating the prospect's own figures", speaker="Callum Fraser"),
    N(ARD, "96 per cent of the time", "matches lice-count-accuracy 96%", speaker="Solveig Haugen"),
    N(ARD, "Ninety-six against which", "prospect echoing the figure", speaker="Kirsty Munro"),
    N(ARD, "on nine sites in Norway and Scotland", "sample of the sourced validation", speaker="Solveig Haugen"),
    N(ARD, "on about seven hours a week each", "matches loch-carran-reporting-hours-before (7) and loch-carran-reporting-hours (1.5, 'an hour and a half')", speaker="Callum Fraser"),
    N(ARD, "feeding through Kelpmoor eleven days", "matches site-go-live-days 11", speaker="Solveig Haugen"),
    N(ARD, "thirty minutes next Tuesday", "scheduling", speaker="Callum Fraser"),
    N(MEJ, "We have 310 longlines now", "prospect's own volumes", speaker="Rodrigo Cárcamo"),
    N(MEJ, "more or less at fifteen months", "prospect's own practice", speaker="Rodrigo Cárcamo"),
    N(MEJ, "ready at thirteen months", "prospect's own practice", speaker="Daniela Vera"),
    N(MEJ, "went up eleven per cent", "matches mitilidos-meat-yield-gain 11%", speaker="Valentina Riquelme",
      turn=("That is exactly the situation Mitílidos del Sur had.",)),
    N(MEJ, "about 420 million pesos a year", "matches mitilidos-annual-saving (CLP 420 million)", speaker="Valentina Riquelme",
      turn=("For you we would calculate it with your plant prices.",)),
    N(MEJ, "Every two weeks is enough.", "sampling routine, not a claim", speaker="Solveig Haugen"),
    N(MEJ, "around twelve million pesos a month", "prospect's own arithmetic", speaker="Rodrigo Cárcamo"),
    N(MEJ, "Twelve months is acceptable.", "prospect echoing the rep (the rep's line is the finding)", speaker="Rodrigo Cárcamo"),
    N(NOO, "sixty percent of our cost", "prospect's own figures (forty two hundred tonnes)", speaker="Dave Hutchinson"),
    N(NOO, "right so forty two hundred tonnes", "rep restating the prospect's volume", speaker="Marc-André Tremblay"),
    N(NOO, "thirty percent of waste or of feed", "prospect asking about the rep's figure", speaker="Priya Gill"),
    N(NOO, "efcr is about six percent better", "matches fcr-improvement 6% and quatsino-fcr-improvement 9%", speaker="Marc-André Tremblay"),
    N(NOO, "one point three million canadian", "matches quatsino-feed-saving CA$1.3 million", speaker="Marc-André Tremblay"),
    N(NOO, "eight percent heavier fish", "prospect echoing the rep", speaker="Priya Gill"),
    N(NOO, "we connect to nine feed barge systems", "matches feed-system-integrations 9", speaker="Marc-André Tremblay"),
    N(NOO, "forty five minutes with your ops team", "scheduling", speaker="Marc-André Tremblay"),
    N(VES, "We run 48 pens on four sites", "prospect's own figures (and 17 per cent losses)", speaker="Torbjørn Lie"),
    N(VES, "seven treatments on the worst site", "prospect's own figure", speaker="Hege Strand"),
    N(VES, "So 48 pens and around 17 per cent", "rep restating the prospect's figures", speaker="Ingrid Solberg"),
    N(VES, "from nine treatments a generation to four", "matches hardanger-treatments and NOK 18,6 millioner = hardanger-annual-saving", speaker="Ingrid Solberg"),
    N(VES, "Fourteen sites, so yes", "customer fact from the sourced case study", speaker="Ingrid Solberg"),
    N(VES, "Nineteen. On average.", "prospect echoing the rep", speaker="Hege Strand"),
    N(VES, "2,5 prosent off", "decimal comma: matches biomass-estimate-error 2.5% (and the 212-batch sample)", speaker="Ingrid Solberg"),
    N(VES, "off by eight, ten per cent", "prospect's own error", speaker="Torbjørn Lie"),
    N(VES, "I saw NOK 1 450 per pen", "prospect quoting the price", speaker="Torbjørn Lie"),
    N(VES, "That is the full suite per pen per month", "confirms price-per-pen-month", speaker="Ingrid Solberg"),
    N(VES, "twelfth of November", "scheduling", speaker="Torbjørn Lie"),
]

BLOG = "drafts/blog-lice-season.md"
MAIL = "drafts/email-ardnish-followup.txt"
LAND = "drafts/landing-feed.md"

check_expected = [
    D("unsupported-claim", BLOG, "NOK 6,2 billion a year",
      "industry cost of lice with no source and no approved entry (the KB blog's NOK 5 billion is a different, stale figure)"),
    D("metric-conflict", BLOG, "in under three minutes",
      "under three minutes a pen; lice-count-minutes-per-pen is about 4",
      related="proof-points/lice-counting"),
    D("retired-claim", BLOG, "up to 31% lower mortality",
      "repeats the retired mortality-reduction-2023 figure (31%)",
      related="proof-points/mortality-2023"),
    D("metric-conflict", MAIL, "from seven hours to under an hour",
      "Loch Carran 'under an hour' a site; loch-carran-reporting-hours is 1.5 hours/week (the 7-hour baseline is right)",
      related="case-studies/loch-carran"),
    D("stale-claim", MAIL, "about 35 minutes' warning",
      "only proof-points/oxygen-alerts backs the 35 minutes, and its review is overdue",
      related="proof-points/oxygen-alerts"),
    D("stale-claim", MAIL, "still waive the £7,000",
      "the installation-fee waiver (messaging/summer-offer) expired 2026-08-31",
      related="messaging/summer-offer"),
    D("metric-conflict", LAND, 'headline: "Cut feed waste by a quarter"',
      "front-matter headline: a quarter (25%); feed-waste-reduction is 18%",
      related="proof-points/feed-efficiency"),
    D("unsupported-claim", LAND, 'value: "3 of 5"',
      "'3 of 5' of Norway's largest salmon farmers: no approved entry backs it",
      alt=("of Norway's largest salmon farmers",)),
    D("stale-claim", LAND, "earn 4 % more per kilo",
      "harvest-price-uplift 4% rests on a source older than max_source_age",
      related="proof-points/harvest-timing"),
]

check_optional = [
    D("unsupported-claim", BLOG, "for the 48 hours after a",
      "husbandry advice with a time span; a reviewer may or may not treat it as a claim"),
]

check_negatives = [
    ND(BLOG, "the best part of 45 minutes a pen", "matches lice-count-minutes-per-pen-before 45 ('twenty fish' is the manual sample)"),
    ND(BLOG, "96% of", "matches lice-count-accuracy 96%"),
    ND(BLOG, "from nine treatments a generation to four", "matches hardanger-treatments-before/after"),
    ND(BLOG, "more than 640 sites is 12 per cent", "matches site-count and mortality-reduction"),
    ND(BLOG, "Five habits stood out", "structure of the post"),
    ND(MAIL, "agreed with trained manual counters 96 per cent", "matches lice-count-accuracy"),
    ND(MAIL, "mortality was 19% lower", "matches loch-carran-mortality-reduction (customer-specific)"),
    ND(MAIL, "live eleven days after", "matches site-go-live-days 11"),
    ND(MAIL, "14:00 on Thursday 12 November", "scheduling"),
    ND(LAND, 'value: "6 %"', "matches fcr-improvement 6%"),
    ND(LAND, 'value: "CA$1.3M"', "matches quatsino-feed-saving"),
    ND(LAND, "connects to 9 feed barge", "matches feed-system-integrations 9"),
]


def guard(expected, optional, negatives):
    taken = {}
    for e in expected + optional:
        for ln in [e["line"]] + e.get("alt_lines", []) + e.get("turn_lines", []):
            taken.setdefault(e["path"], set()).add(ln)
    for n in negatives:
        if n["line"] in taken.get(n["path"], set()):
            sys.exit(f"negative on a labelled line: {n['path']}:{n['line']} ({n['note']})")
    # two anchors on one line make one negative, with both notes
    merged = {}
    for n in negatives:
        key = (n["path"], n["line"])
        if key in merged:
            merged[key]["note"] += "; " + n["note"]
        else:
            merged[key] = n
    negatives[:] = list(merged.values())


guard(audit_expected, audit_optional, audit_negatives)
guard(check_expected, check_optional, check_negatives)

labels = {
    "today": TODAY,
    "kb": "kb",
    "drafts": [BLOG, MAIL, LAND],
    "audit": {
        "rules": ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim",
                  "retired-claim", "rep-misstatement", "unsupported-claim"],
        "expected": audit_expected,
        "optional": audit_optional,
        "negatives": audit_negatives,
    },
    "check": {
        "rules": ["metric-conflict", "unsupported-claim", "retired-claim", "stale-claim"],
        "expected": check_expected,
        "optional": check_optional,
        "negatives": check_negatives,
    },
}

(HERE / "labels.json").write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
for sec in ("audit", "check"):
    c = Counter(e["rule"] for e in labels[sec]["expected"])
    o = Counter(e["rule"] for e in labels[sec]["optional"])
    print(sec, dict(c), "optional", dict(o), "negatives", len(labels[sec]["negatives"]))
