"""``unsourced-claim``: an approved entry states a figure with nothing behind it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from types import EllipsisType
from typing import Any

from knowledge import finding_verdicts
from knowledge.claims import needs_source, provenance, roles
from knowledge.claims.commercial import MONTH
from knowledge.claims.quotes import quotation_around
from knowledge.claims.terms import header_term, own_terms, term_on_terms_page
from knowledge.figures import Figure, FigureIndex, quoted, where
from knowledge.figures.decide import Match
from knowledge.model import Block, Claim, Entry, Finding

from .base import AuditContext, Rule

# A link to another page (not an anchor on this one) next to a figure may cite it: "[the 2025
# survey](https://...)", a case study, a blog post or a documentation page. A link to a site's home
# page ("[Acme](https://acme.com/)", "visit our website") names a company, not evidence.
_LINK = re.compile(r"(?:\[(?P<text>[^\[\]\n]*)\])?\((?!#)(?P<target>[^()\s]+)\)|(?P<url>https?://[^\s)\]>]+)")
_HOME_PAGE = re.compile(r"^(?:https?://)?[^/\s]+/?$|^/$")
_SOURCE_WORDS = re.compile(
    r"(?i)\b(?:stud(?:y|ies)|surveys?|reports?|research|benchmark(?:s|ing)?|case[ -]stud|customers?|stor(?:y|ies)|review|"
    r"press|whitepaper|paper|analysis|index|findings|data)\b")
# A source named in prose: "according to a 2025 survey", "a study by the Hanover Institute",
# "(Aberdeen Group, 2010)".
_KIND = r"(?i:stud(?:y|ies)|surveys?|reports?|research|analys[ie]s|benchmark(?:s|ing)?|polls?|census|(?:white )?papers?|index|audits?)"
_NAMED_SOURCE = re.compile(
    r"\b(?i:according to|as per|citing|source:)\s+(?:(?i:an?|the|their|its)\s+)?(?:(?:19|20)\d\d\s+)?"
    rf"(?!(?i:our|my|your)\b)(?:[\w-]+\s+)?(?:{_KIND}\b|[A-Z])"
    rf"|\b{_KIND}\s+(?:(?i:of)\s+[^,.;:()\n]{{1,60}}?\s+)?(?:(?i:conducted|commissioned|published|run)\s+)?"
    rf"(?i:by|from)\s+(?:(?i:the)\s+)?(?!{MONTH}\b)[A-Z]"
    r"|\([A-Z][^()\n]{1,60}?,?\s+(?:19|20)\d\d\)")
# A press release is the company's own statement: it is the source of the milestones it announces.
_RELEASE_VERB = (r"(?:announced|launched|opened|unveiled|introduced|released|named|appointed|completed|closed"
                 r"|raised|signed|acquired|expanded)")
_PRESS_RELEASE = re.compile(
    r"(?i)\b(?:today announced|announced today|for immediate release)\b"
    r"|[/(](?:PRNewswire|Business ?Wire|GLOBE NEWSWIRE)[/)]"
    # a dateline: "**CHRISTCHURCH, New Zealand, 12 May 2026** —", "LONDON, March 3, 2026 --"; not a
    # note's label in capitals ("**UPDATED, 12 May 2026** —", "EDITOR'S NOTE, ...")
    r"|(?m:^[ \t*_]*(?-i:(?!UPDATED?\b|NOTE\b|EDITOR)[A-Z][A-Z .'’-]{2,})(?:,[^\n,]{1,40}){0,3},[ \t]*(?:\d{1,2}[ \t]+[A-Za-z]+|[A-Za-z]+\.?[ \t]+\d{1,2},?)"
    r"[ \t]+(?:19|20)\d\d[ \t*_]*(?:—|–|--|-)[ \t])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(])")
# Who announces: "Acme, the payments company, today announced ..." (the subject before the verb)
# (what else a company does "today" makes a release only where the company is the KB's own: "Bramble
# Vets today opened its third clinic" on a customer story, or "Most teams today completed onboarding",
# is not one)
_ANNOUNCER = re.compile(
    r"(?P<who>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,3})(?:,[^.\n]{0,120},)?[ \t]+"
    rf"(?:today[ \t]+{_RELEASE_VERB}|announced[ \t]+today)")
# The company speaking of itself in its release: its milestones, its team, its customers
# ("us" in lower case only: "the US" is a country, not the company)
_SELF = r"\b(?i:the company|its|our|we)\b|\bus\b"
# A note of its own that says where a page's figures come from ("_Figures from an interview with
# Bluegum's management, February 2026._", "Source: 2026 customer survey", "Based on data from ..."):
# the page's source, as ``sources:`` would be. A note under a table sources that table only.
_PAGE_SOURCE = re.compile(
    r"^[ \t>*_]*(?:(?:all[ \t]+)?(?:the[ \t]+)?(?:figures|numbers|results|data|statistics|metrics)"
    r"(?:[ \t]+(?:on|in)[ \t]+this[ \t]+(?:page|story|article|post))?[ \t]+(?:are[ \t]+|were[ \t]+)?"
    r"(?:from|taken[ \t]+from|based[ \t]+on|come[ \t]+from|provided[ \t]+by|reported[ \t]+by)"
    r"|based[ \t]+on|sources?[ \t]*:|data[ \t]+source[ \t]*:)[ \t]+\S", re.I)
_STATES_A_FIGURE = re.compile(r"[%$€£₹]|\bper ?cent\b", re.I)  # "Based on Gartner data, 60% of ...": a claim
_NAMES_SOMETHING = re.compile(r"\b[A-Z][\w&'’-]+|\b(?:19|20)\d{2}\b|https?://")


def _page_source(entry: Entry) -> bool:
    """Whether the entry carries a source note of its own (a paragraph that is only the note, not the
    note under a table)."""
    prev = None
    for b in entry.blocks:
        if (b.kind == "paragraph" and (prev is None or prev.kind != "table") and len(b.text) <= 300
                and _PAGE_SOURCE.match(b.text) and _NAMES_SOMETHING.search(b.text[8:])
                and not _STATES_A_FIGURE.search(b.text)):
            return True
        prev = b
    return False


# Pages whose figures are not claims that need a source: release notes and changelogs (the company on
# its own product, as a press release on its milestones), glossaries (numbers that define terms) and
# event pages (dates, seats, durations), told by their title or the kind their front matter gives.
# (the title names the page, with at most a few words before the name and a subtitle after a separator;
# a title that tells a story about one does not: "Incident reports: how Bramble cut outages 40%")
_OWN_PAGE_TITLE = re.compile(
    r"(?i)^(?!.*%)(?!(?:how|why|when)\b)(?:[\w&'’.-]+\s+){0,3}?"
    r"(?:release[ -]?notes?|change[ -]?log|what[’']s new|glossary|terminology|incident[ -](?:history|log|reports?)"
    r"|status[ -](?:history|page)|system[ -]status|post-?mortems?)"
    r"(?:\s+(?:in|of|for|from|to)\s+[^|:–—,]*)?(?:$|\s*(?:[|:–—,]|\s-)(?!.*\b(?:how|why)\b).*$)")
# ... and status pages: an incident history is the company's own record of what went wrong and when
_OWN_PAGE_KIND = re.compile(r"(?i)^(?:release[-_ ]?notes?|change[-_ ]?log|glossary|events?|webinars?|status|incidents?)$")
_KIND_KEYS = ("layout", "category", "kind", "template", "collection")


# Pages whose front matter names a kind that states no outcome claims (a careers, partner programme,
# security, legal, SLA or pricing page): as the page-kind model's verdict, this hands every figure to the
# needs-a-source model rather than leaving it out (such pages still state an outcome now and then)
_NO_OUTCOMES_KIND = re.compile(
    r"(?i)^(?:careers?|jobs?|hiring|join[-_ ]us|benefits|partners?(?:[-_ ]program(?:me)?)?|resellers?|affiliates?"
    r"|security|trust|legal|privacy|terms|sla|compliance|policy|policies|pricing|prices|plans)$")


# ... or whose title is the name of such a page ("Pricing", "Plans and pricing | Acme", "Careers")
_NO_OUTCOMES_TITLE = re.compile(
    r"(?i)^\s*(?:pricing|prices|plans(?:\s+(?:and|&)\s+pric(?:ing|es))?|(?:careers?|jobs)(?:\s+(?:at|with)\s+[A-Z][\w&'’-]*)?"
    r"|work\s+(?:at|with)\s+(?:us|[A-Z][\w&'’-]*)|join\s+(?:us|the\s+team)|partner\s+program(?:me)?)"
    # then the end or a separator; a hyphen with no space beside it joins words ("Pricing-led growth")
    r"(?:\s*$|\s*[|:–—].*$|\s+-.*$|-\s.*$)")


# ... of which the pages that state the company's own terms: a careers, jobs, partner, reseller or
# affiliate programme, pricing or plans page, named so by their front-matter kind or title (never the
# page-kind model: its no-claims kinds include docs, support and events, where outcomes are claimed)
_TERMS_KIND = re.compile(
    r"(?i)^(?:careers?|jobs?|hiring|join[-_ ]us|partners?(?:[-_ ]program(?:me)?)?|resellers?|affiliates?"
    r"|pricing|prices|plans)$")


def _named(entry: Entry, kinds: re.Pattern[str]) -> bool:
    """Whether the entry's title names a careers, partner or pricing page, or its front matter a kind in ``kinds``."""
    if _NO_OUTCOMES_TITLE.match(" ".join((entry.title or "").split())):
        return True
    return any(isinstance(v, str) and kinds.match(v.strip()) for v in map(entry.extra.get, _KIND_KEYS))


def _terms_page(entry: Entry) -> bool:
    """Whether the entry is a page of the company's own terms by its title or front-matter kind."""
    return _named(entry, _TERMS_KIND)


# ... and of those, the careers and jobs pages, where a range of money someone earns and days at a place are
# a job's terms (on a partner page they are what partners gain or what a rollout takes)
_CAREERS_KIND = re.compile(r"(?i)^(?:careers?|jobs?|hiring|join[-_ ]us)$")
_CAREERS_TITLE = re.compile(
    r"(?i)^\s*(?:(?:careers?|jobs)(?:\s+(?:at|with)\s+[A-Z][\w&'’-]*)?|work\s+(?:at|with)\s+(?:us|[A-Z][\w&'’-]*)"
    r"|join\s+(?:us|the\s+team))(?:\s*$|\s*[|:–—].*$|\s+-.*$|-\s.*$)")


def _careers_page(entry: Entry) -> bool:
    """Whether the entry is a careers or jobs page by its title or front-matter kind."""
    if _CAREERS_TITLE.match(" ".join((entry.title or "").split())):
        return True
    return any(isinstance(v, str) and _CAREERS_KIND.match(v.strip()) for v in map(entry.extra.get, _KIND_KEYS))


def _no_outcomes_kind(entry: Entry) -> bool:
    return _named(entry, _NO_OUTCOMES_KIND)


def _no_claims_page(entry: Entry) -> bool:
    if _OWN_PAGE_TITLE.match(" ".join((entry.title or "").split())):
        return True
    return any(isinstance(v, str) and _OWN_PAGE_KIND.match(v.strip()) for v in map(entry.extra.get, _KIND_KEYS))


@dataclass(frozen=True)
class _PageProvenance:
    sourced: bool = False  # a note sources every figure of the page
    tables: tuple[tuple[int, int], ...] = ()  # lines of the tables a note under them sources
    no_claims: bool = False  # a page that states no outcome claims (careers, partners, security ...)
    terms: bool = False  # a careers, partner or pricing page by its title or front-matter kind alone
    careers: bool = False  # of those, a careers or jobs page


# A note under a table sources that table alone: even odds are enough there (measured: three rows on
# one development corpus, nothing anywhere else); a note that sources the whole page must clear the model's cut
TABLE_NOTE_CUT = 0.5


def _provenance(ctx: AuditContext, entry: Entry, models: provenance.Models | None) -> _PageProvenance:
    """Where the figures of ``entry`` come from, as the page-level models read it
    (:mod:`knowledge.claims.provenance`); only the kind its front matter names when no weights ship."""
    if models is None:
        return _PageProvenance(no_claims=_no_outcomes_kind(entry), terms=_terms_page(entry), careers=_careers_page(entry))
    notes = provenance.note_candidates(entry) if models.note is not None else []
    texts = [n.text for n in notes] + ([provenance.page_text(entry)] if models.page is not None else [])
    if not texts:
        return _PageProvenance(no_claims=_no_outcomes_kind(entry), terms=_terms_page(entry), careers=_careers_page(entry))
    vectors = ctx.vectors(texts)
    sourced, tables = False, []
    for n, v in zip(notes, vectors, strict=False):
        if models.note is None:
            break
        p = models.note.probability(provenance.note_cues(n.text), v)
        if p >= (TABLE_NOTE_CUT if n.scope is not None else models.note.threshold):
            if n.scope is None:
                sourced = True
            else:
                tables.append(n.scope)
    no_claims = _no_outcomes_kind(entry) or models.page is not None and models.page.says({}, vectors[len(notes)])
    return _PageProvenance(sourced, tuple(tables), no_claims, _terms_page(entry), _careers_page(entry))


# A link that sells rather than cites: to the price list, a demo, a sign-up or contact form
_CALL_TO_ACTION = re.compile(
    r"(?i)\b(?:pricing|prices|plans|(?:book|request|get|schedule|watch)[ -](?:a[ -])?demo|demo|contact(?:[ -]us)?"
    r"|sign[ -]?up|get[ -]started|free[ -]trial|trial|talk[ -]to[ -]sales|buy(?:[ -]now)?|checkout|cart)\b")


def _message(quote: str, same: str | None, why: str) -> str:
    """The finding's message for a figure, ``same`` the metric whose range it matches (if any)."""
    registered = ("and no metric registers the figure" if same is None else
                  f"and the figure matches the range of metric {same}; if it is that measure, name it as {same} does")
    return (f"states {quote} with no source: the entry lists no sources, the sentence names none, "
            f"{registered}; add its source under sources: or register it as a metric{why}")


class UnsourcedClaim(Rule):
    """An approved entry states a figure with no source and no registered metric behind it.

    Anti-pattern (a message with no ``sources:``, and no metric anywhere registers the figure)::

        It extracts a full multi-page invoice in under 9 seconds.

    Fix: add the evidence under ``sources:`` (title, url, date), or name it next to the figure
    ("(Capture benchmark, 2026)", "according to a 2025 survey by ...", in its sentence or the one
    before, or a link to the study or customer story in the same paragraph),
    or register the figure as a metric in the entry that owns it. A press release ("... today
    announced ...") is the source of the milestones it announces. A figure that agrees with,
    contradicts or repeats a registered metric has one behind it (the contradiction is a
    ``metric-conflict``). A rating's site ("rated 4.6 out of 5 on Glassdoor") and a heading that says
    what a named firm found ("What Brightfold found") are sources. The company's own product and terms
    (a limit, a service commitment or a window it holds itself to, what a plan includes, a price, a
    commercial term for partners, a staff benefit, its own team's make-up, a worked example) need no
    outside source: the contract, the price list or the company itself is it, and a phrase quoted as
    one not to say is not stated (:mod:`knowledge.claims.terms`); so are an offer, a tax rate, a fee
    formula, the hours of a service, a window in business days and a rota
    (:mod:`knowledge.claims.commercial`). A quotation credited to a named person of another company
    ("<Quote author=... role="Practice manager, Corrib Vets">", "> ... — Name, Role, Company") and a
    named body's dated finding ("X reckoned in 2017 that ...") name their source. Where claim-ness is
    unsure, a figure that reads as the company's own statement (a setting, a rule, a target:
    :mod:`knowledge.claims.needs_source`) is not reported either. On a page whose title or front-matter
    kind names a careers, jobs, partner, reseller or affiliate programme, or pricing page, a figure the
    words around it show to be a pay (a range after "earn" only on a careers or jobs page and with no word
    of a result after it: partners' "$25,000 to $40,000 a year in referral revenue" stays reported), a
    price per unit (not money per period: T18d, withdrawn), or days of work at a place said of staff or
    on a careers or jobs page (:func:`knowledge.claims.terms.term_on_terms_page`) is the company's own
    statement too. Draft and retired entries are not checked.
    """

    id = "unsourced-claim"
    default_severity = "warning"

    def check_kb(self, ctx: AuditContext) -> Iterable[Finding]:
        found = [(f, no_claims_page) for f, skip, no_claims_page in self.candidates(ctx) if skip is None]
        flagged = [f for f, _ in found]
        on_no_claims_page = {id(f) for f, page in found if page}
        # Where claim-ness is unsure, the needs-a-source model has a say (see bench/ACCURACY.md, "Figure rules:
        # needs an outside source"), and on a page that states no outcome claims it has a say on every
        # figure; with no weights every claim left here needs a source
        model = needs_source.load() if flagged else None
        unsure = [f for f in flagged if model is not None and f.claim is not None
                  and (model.decides(f.claim) or id(f) in on_no_claims_page)]
        vectors = dict(zip(map(id, unsure), ctx.vectors([needs_source.text_of(f.claim) for f in unsure
                                                         if f.claim is not None]), strict=True)) if unsure else {}
        index = FigureIndex.of(ctx).kb
        metrics = [g for g in index.canonical.figures[:index.metrics] if g.metric is not None]
        for f in flagged:
            why = ""
            if model is not None and f.claim is not None and id(f) in vectors:
                p, why = needs_source.score(f.claim, vectors[id(f)], model)
                if p < model.threshold:
                    continue  # a setting, a rule, a target ...: the company's own statement
                why = f" ({why})"
            yield self.finding(message=_message(quoted(f), _same_value(f, metrics), why), **where(f))

    def candidates(self, ctx: AuditContext) -> Iterator[tuple[Figure, str | None, bool]]:
        """Every figure of an approved entry with no source and no metric behind it, why it is not
        reported (None when it is): "not a claim" or "own terms", and whether its page states no
        outcome claims (careers, partners, security ...). The figures a source, a metric, a press
        release or a page's kind accounts for are not candidates at all."""
        kb = FigureIndex.of(ctx).kb
        releases: dict[str, re.Pattern[str] | None] = {}
        studies: dict[str, bool] = {}
        noted: dict[str, bool] = {}
        pages: dict[str, _PageProvenance] = {}
        models: provenance.Models | None | EllipsisType = ...
        dismissed = [v for v in finding_verdicts.load_verdicts(ctx.settings.root)
                     if v.verdict == "wrong" and v.rule == "metric-conflict"] if kb.claim_conflicts else []
        for f, r in kb.resolutions.items():
            entry = f.entry
            if entry is None or entry.sources or f.source is not None or f.kind == "number":
                continue
            if entry.expires is not None and entry.expires < ctx.today:
                # an expired entry's figures are stale-claim's to report (it names them): nobody may make
                # them any more, as a retired entry's, so a source would not help
                continue
            if entry.id not in noted:
                noted[entry.id] = _page_source(entry) or _no_claims_page(entry)
            if noted[entry.id]:
                continue
            if entry.id not in pages:
                if models is ...:
                    # the page-level models (once per run), where the embedder is the one they were trained with
                    found = provenance.load()
                    models = found if found is not None and found.same_space(ctx.vectors) else None
                pages[entry.id] = _provenance(ctx, entry, models)
            page = pages[entry.id]
            if page.sourced or any(a <= f.line <= b for a, b in page.tables):
                continue  # a note on the page says where its figures (or this table's) come from
            if entry.id not in releases:
                releases[entry.id] = _announcer(entry.body[:3000], ctx.settings.kb.name)
            own = releases[entry.id]
            if own is not None and f.claim is not None and _about_itself(own, f.claim):
                continue  # the company's own announcement: it is the source of its milestones
            if r.backed_by_metric or _against_a_current_metric(r.conflict, ctx.today) or f in kb.retired_repeats:
                continue
            if f.role == "before" and _after_is_registered(f, kb.resolutions):
                continue  # "down from 21": the before of a change whose after a metric registers
            if _against_a_current_metric(kb.claim_conflicts.get(f), ctx.today) and not _conflict_dismissed(f, dismissed):
                # a metric-conflict reports the figure against a registered metric that is in force: one
                # cause per figure. A conflict with another unregistered statement, or with an expired
                # entry, may match two measures by mistake, and the figure still needs its source.
                # Where a reviewer marked that conflict wrong (two measures), the figure is judged here
                continue
            if _cites_a_link(f) or _names_a_source(f, ctx.settings.kb.name) or _cites_a_finding(f, ctx.settings.kb.name):
                continue
            if entry.id not in studies:
                studies[entry.id] = _study_in_title(entry.title or "", ctx.settings.kb.name)
            if studies[entry.id] and f.claim is not None and not _SPEAKS_AS_ITSELF.search(
                    " ".join(f.claim.sentence.split())) and not _names_the_company(f.claim, ctx.settings.kb.name):
                continue  # a page that summarises a named study: its figures are the study's
            if _spoken_by_a_customer(f, ctx.settings.kb.name) or _quoted_speaker(f, ctx.settings.kb.name):
                continue  # a list a named customer presented, a quotation credited to one: the speaker is its source
            # on a careers, partner, security ... page the needs-a-source model decides each figure
            # (leaving them all out lost a right finding, an FAQ's accuracy claim)
            if f.claim is not None and not f.claim.is_claim:
                yield f, "not a claim", page.no_claims  # a time span, a term, a label ...: `python -m knowledge.claims FILE` says why
            elif page.terms and f.claim is not None and term_on_terms_page(f.claim, page.careers) is not None:
                # a pay, a price per unit, staff's office days on a careers, partner or pricing page (named so
                # by its title or front-matter kind): the company's own term, read from positive evidence
                # (bench/ACCURACY.md, "Unsourced claims on a company's own pages, eighteenth round", T18c)
                yield f, "own terms", page.no_claims
            elif f.claim is not None and (own_terms(f.claim) is not None or _column_term(f) is not None or f.worked):
                yield f, "own terms", page.no_claims  # a limit, a commitment, a plan, a price: the contract or price list
            elif f.claim is not None and roles.needs_no_source(f.claim, ctx.settings.kb.name) is not None:
                yield f, "its role", page.no_claims  # an offer, a quoted example, a third party's size ...
            else:
                yield f, None, page.no_claims


def _against_a_current_metric(m: Match | None, today: date) -> bool:
    """Whether a conflict's other side is a registered metric of an approved entry that has not expired."""
    if m is None or m.target.origin != "metric" or m.target.entry is None:
        return False
    entry = m.target.entry
    return entry.status == "approved" and (entry.expires is None or entry.expires >= today)


def _lead_in(f: Figure, kinds: tuple[str, ...]) -> Block | None:
    """For a figure in a block of one of ``kinds`` (a list item, a quote), the block that leads into the run
    of such blocks: the nearest one before it of another kind; None where there is none, or the figure
    stands in a block of another kind."""
    entry = f.entry
    if entry is None:
        return None
    blocks = entry.blocks
    for i, b in enumerate(blocks):
        if b.line <= f.line <= b.end_line:
            if b.kind not in kinds:
                return None
            j = i - 1
            while j >= 0 and blocks[j].kind == b.kind:
                j -= 1
            return blocks[j] if j >= 0 else None
    return None


def _conflict_dismissed(f: Figure, wrong: list[finding_verdicts.FindingVerdict]) -> bool:
    """Whether a reviewer marked the ``metric-conflict`` finding on ``f`` wrong (matched as the verdicts
    match findings: the same figure in the same file, or in the same sentence)."""
    if not wrong:
        return False
    conflict = Finding(rule="metric-conflict", severity="error", message="", **where(f))
    sentence = f.claim.sentence if f.claim is not None else None
    return any(finding_verdicts.refers_to(v, conflict, sentence) for v in wrong)


def _same_value(f: Figure, metrics: list[Figure]) -> str | None:
    """The id of a registered metric with the very same range as ``f`` (kind, unit and both ends), which the
    figure matching did not take for its measure: "puts payback at 9 to 14 months" beside a metric of 9 to
    14 months named for what it counts. A single value is left out: one number equal by chance is common."""
    if not isinstance(f.value, tuple):
        return None
    for g in metrics:
        if g.kind == f.kind and g.unit == f.unit and g.value == f.value and g.metric is not None:
            return g.metric.id
    return None


# A page whose title names the study it summarises ("Summary: the Brightfold economic impact study",
# "The 2026 Harcourt Payroll Report: key findings"): a kind of study and a name of its own in the title
_STUDY_KIND = re.compile(
    r"(?i)\b(?:(?<!case )(?<!case-)stud(?:y|ies)|surveys?|reports?|research|analysis|benchmarks?|polls?|census"
    r"|white ?papers?|index)\b")  # a case study is a customer story, not a study
_TITLE_LABEL = re.compile(r"^[\w -]{1,24}:\s*")
_TITLE_NAME = re.compile(r"(?<![\w'’])[A-Z][\w&'’-]*[a-z][\w&'’-]*")
_TITLE_WORDS = re.compile(
    r"(?i)^(?:the|a|an|our|summary|key|findings?|results?|highlights?|executive|state|annual|global|economic|impact"
    r"|total|new|full)$|^" + MONTH + "$")
# The company speaking of itself: its own claims on such a page are still its own ("us" in lower
# case only: "the US" is a country)
_SPEAKS_AS_ITSELF = re.compile(r"\b(?i:we|our)\b|\bus\b")


def _study_in_title(title: str, kb_name: str) -> bool:
    """Whether the title names a study and who made it (a name beside the kind, not the KB's own)."""
    title = " ".join(title.split())
    if not _STUDY_KIND.search(title):
        return False
    body = _TITLE_LABEL.sub("", title)
    own = kb_name.strip().lower()
    names = [w for w in _TITLE_NAME.findall(body)
             if not _TITLE_WORDS.match(w) and not _STUDY_KIND.fullmatch(w) and (not own or w.lower() != own)]
    return bool(names)


def _names_the_company(claim: Claim, kb_name: str) -> bool:
    return bool(kb_name.strip()) and kb_name.strip().lower() in (claim.sentence or "").lower()


def _after_is_registered(f: Figure, resolutions: dict[Figure, Any]) -> bool:
    """Whether the change ``f`` is the "before" of has its "after" (on the same line, of the same kind)
    backed by a registered metric: the study behind the metric measured the change, its starting
    point included."""
    return any(g is not f and g.role == "after" and g.path == f.path and g.line == f.line and g.kind == f.kind
               and r.backed_by_metric for g, r in resolutions.items())


def _announcer(body: str, kb_name: str) -> re.Pattern[str] | None:
    """For a press release, what a sentence about the company itself names: the company (the KB's
    name, the release's announcer) or the company speaking of itself. None for any other text.
    An industry statistic in a release ("one in five appointments is missed") names neither: the
    company is not its source."""
    names = {n for n in (kb_name.strip(),) if n}
    if _PRESS_RELEASE.search(body):
        m = _ANNOUNCER.search(body)
    else:  # "<the KB's company> today opened ...", with no other mark of a release
        own = re.compile(rf"\b{re.escape(kb_name.strip())}\b", re.I) if names else None
        m = next((a for a in _ANNOUNCER.finditer(body) if own and own.search(a.group("who"))), None)
        if m is None:
            return None
    if m:
        names.add(m.group("who").strip())
    if not names:
        return re.compile(_SELF)
    words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?i:{words})\b|{_SELF}")


def _about_itself(own: re.Pattern[str], claim: Claim) -> bool:
    """Whether the sentence of a release's figure names the company: a figure inside a quotation is
    judged by the quoted words alone, not by who is credited with saying them (a chief executive
    quoting an industry statistic does not make the company its source: '"Small employers lose £1.3
    billion a year," said Tom Aldridge, Acme's CEO')."""
    sentence = " ".join((claim.sentence or "").split())
    return bool(own.search(quotation_around(claim.span or claim.text or "", sentence) or sentence))


# a table header that sets what was seen against something: before and after, a change, then and now
_COMPARED = re.compile(
    r"(?i)\b(?:before|after|baseline|previously|then|now|change|delta|difference|improvement|result|results"
    r"|saving|savings|impact|without)\b")


def _column_term(f: Figure) -> str | None:
    """Why a figure in a table states the company's own terms, from its column's header ("Referral
    margin", "Commission"): a table says in its header what every cell below it is."""
    entry, claim = f.entry, f.claim
    if entry is None or claim is None or "|" not in entry.body:
        return None
    lines = entry.body.split("\n")
    for b in entry.blocks:
        if b.kind != "table" or not b.line < f.line <= b.end_line:
            continue
        header, row = (lines[i - entry.body_line] if 0 <= i - entry.body_line < len(lines) else ""
                       for i in (b.line, f.line))
        column = row[:max(0, claim.column - 1)].lstrip().lstrip("|").count("|")
        cells = header.strip().strip("|").split("|")
        why = header_term(cells[column]) if column < len(cells) else None
        # a row names what its cells are as a column does ("| Price | free | from £39 per user |"), unless
        # the columns compare what was seen ("| | Before | After |": "| Cost per claim | £41 | £29 |" is a result)
        first = row.strip().strip("|").split("|")[0]
        if why or column == 0 or any(_COMPARED.search(c) for c in cells[1:]):
            return why
        return header_term(first)
    return None


def _cites_a_link(f: Figure) -> bool:
    """Whether the paragraph (or table row) holding the figure links to another page; for a list
    item or a quote, also the paragraph that leads into it ("As per the [2021 survey](...):")."""
    entry = f.entry
    if entry is None or "](" not in entry.body and "://" not in entry.body:
        return False
    lines = entry.body.split("\n")

    def links(first: int, last: int) -> bool:
        text = "\n".join(lines[max(0, first - entry.body_line): max(0, last - entry.body_line + 1)])
        return any(_cites(m) for m in _LINK.finditer(text))

    if f.claim is not None and f.claim.extra.get("block") == "table":
        return links(f.line, f.line)
    block = next((b for b in entry.blocks if b.line <= f.line <= b.end_line), None)
    if block is None:
        return links(f.line, f.line)
    if links(block.line, block.end_line):
        return True
    lead = _lead_in(f, ("list_item", "blockquote"))
    return lead is not None and lead.kind != "heading" and links(lead.line, lead.end_line)


def _cites(m: re.Match[str]) -> bool:
    """Whether one link can be evidence: its text names a source, or it points deeper than a home page."""
    target = m.group("target") or m.group("url") or ""
    if m.group("target") is not None and m.group("text") is None and not m.string[max(0, m.start() - 1):m.start()] == "]":
        return False  # a parenthesis, not a link
    if _SOURCE_WORDS.search(m.group("text") or ""):
        return True
    path = target.split("#")[0].split("?")[0]
    if _CALL_TO_ACTION.search(m.group("text") or "") or _CALL_TO_ACTION.search(path.rsplit("/", 2)[-1] or path):
        return False
    return not _HOME_PAGE.match(path)


_SPEAKER = re.compile(
    r"\b[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+)+,[ \t]+[^,:\n]{2,60}?[ \t]+(?:at|of|from)[ \t]+(?!our\b)"
    r"(?P<org>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*)*)")
_OWN_STUDY = re.compile(
    r"(?i)\b(?:in|from|per)[ \t]+our[ \t]+(?:(?:19|20)\d\d[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:stud(?:y|ies)|surveys?|polls?|research|analysis|benchmark|census|audit)\b")
_LOWER_PAREN = re.compile(
    r"\((?=[^()\n]{0,60}\b(?:stud(?:y|ies)|surveys?|polls?|research|analysis|benchmark|census|audit|report)\b)"
    r"[^()\n]{2,60},[ \t]+(?:[A-Z][a-z]+\.?[ \t]+|Q[1-4][ \t]+|H[12][ \t]+)?(?:19|20)\d\d\)")


def _spoken_by_a_customer(f: Figure, kb_name: str) -> bool:
    """Whether the list the figure is in is led in by a named person of another company ("Siobhán
    Keane, Head of Claims at Harbourline Mutual, walked us through ..."): the speaker is the source."""
    lead = _lead_in(f, ("list_item",))
    if lead is None or lead.kind == "heading":
        return False
    m = _SPEAKER.search(" ".join(lead.text.split()))
    return m is not None and (not kb_name or kb_name.lower() not in m.group("org").lower())


def _names_a_source(f: Figure, kb_name: str = "") -> bool:
    """Whether the sentence holding the figure, or the sentence before it in its paragraph, names
    a source in prose (a sentence may run over several lines: "According to a 2025 survey by
    the ... Council, technicians spend ..."). A source named the sentence before does not reach a
    figure said of the product or of the company by name ("(Gartner, 2024). Teams using it close deals
    in 5 days instead of 20."): that figure is the company's own claim, set beside the source's."""
    read = _sentence_and_before(f)
    if read is None:
        return False
    sentence, before = read

    def names(text: str) -> bool:
        return bool(_NAMED_SOURCE.search(text)) or any(rx.search(text) for rx in (_OWN_STUDY, _LOWER_PAREN))

    if names(sentence):
        return True
    own = kb_name.strip().lower()
    return bool(before) and names(f"{before} {sentence}") and not (
        _OF_THE_PRODUCT.search(sentence) or own and own in sentence.lower())


# a figure said of the product itself: "teams using it", "with it", "on the platform"
_OF_THE_PRODUCT = re.compile(
    r"(?i)\b(?:using|with|on|adopting|after\s+adopting|since\s+adopting)\s+(?:it|the\s+(?:platform|product|software"
    r"|app|tool|system|service))\b")


def _sentence_and_before(f: Figure) -> tuple[str, str | None] | None:
    """The figure's sentence and the sentence before it in its paragraph ("" where it opens the
    paragraph, None where the sentence is not found in it), white space folded; None for a figure
    with no sentence."""
    entry, claim = f.entry, f.claim
    if entry is None or claim is None or not claim.sentence:
        return None
    sentence = " ".join(claim.sentence.split())
    block = next((b for b in entry.blocks if b.line <= f.line <= b.end_line), None)
    text = " ".join(block.text.split()) if block is not None else sentence
    i = text.find(sentence)
    return sentence, None if i < 0 else _SENTENCE_END.split(text[:i].strip())[-1]


# A quotation credited to a named person (an MDX component with an ``author`` or ``name``: "<Quote
# author="Siobhán Kelly" role="Practice manager, Corrib Vets">", or a blockquote that ends "— Mere
# Tuhiwai, Claims Manager, Cormorant Insurance"): the speaker is the source of what they say
_QUOTE_TAG = re.compile(r"<(?P<tag>[A-Z]\w*(?:Quote|Testimonial)\w*|Quote|Testimonial|Blockquote)\b")
_SPEAKER_PROP = re.compile(r"\b(?:author|name|speaker|cite|by)\s*=\s*[\"'{]\s*[A-Z]")
_ATTRIBUTION = re.compile(r"(?m)^[ \t>]*(?:—|–|--|―)\s*(?P<who>[A-Z][^\n]{2,120})$")


def _quoted_speaker(f: Figure, kb_name: str) -> bool:
    """Whether the figure stands in a quotation credited to a named person who does not speak for the
    company itself (the KB's name is not in the credit)."""
    entry = f.entry
    if entry is None:
        return False
    own = kb_name.strip().lower()
    lines = entry.body.split("\n")
    at = f.line - entry.body_line
    if not 0 <= at < len(lines):
        return False
    for i in range(at, max(-1, at - 15), -1):
        m = _QUOTE_TAG.search(lines[i])
        if m is None:
            if i < at and re.search(r"</\w+>|/>", lines[i]):
                break  # a component closed above the figure: it is not inside one
            continue
        rest = "\n".join(lines[i:])
        close = re.search(rf"</{m.group('tag')}\s*>|/>", rest[m.end():])
        if close is None:
            return False
        inside_to = i + rest[:m.end() + close.end()].count("\n")
        tag_end = rest.find(">", m.end())
        props = rest[m.end():tag_end if tag_end >= 0 else len(rest)]
        return at <= inside_to and bool(_SPEAKER_PROP.search(props)) and not _own_credit(props, own)
    block = next((b for b in entry.blocks if b.line <= f.line <= b.end_line), None)
    if block is None or block.kind != "blockquote":
        return False
    credit = _ATTRIBUTION.search("\n".join(lines[block.line - entry.body_line:block.end_line - entry.body_line + 1]))
    return credit is not None and "," in credit.group("who") and not _own_credit(credit.group("who"), own)


def _own_credit(credit: str, own: str) -> bool:
    """Whether a quotation's credit names the company itself ("Chief Executive, Acme", "our CTO")."""
    return bool(own and own in credit.lower() or re.search(r"\b(?i:our|we)\b", credit))


# A finding credited to a named body, with its year ("The McKinsey Global Institute reckoned in 2017
# that ...", "Statistics South Africa's 2025 building statistics show ..."), or a figure said to come
# from a study ("The 60% comes from the sites in the benchmark that ..."): the source named in prose
# A word of a name: capitalised, and not a word that only starts a sentence or speaks as the company
# ("In March we reported in 2023", "Our Data Team found in 2024")
_NOT_A_NAME = (r"(?!(?:In|On|At|By|For|From|To|Of|With|After|Before|Since|During|Then|When|While|If|As|And|But|So"
               r"|Our|We|Us|My|I|You|Your|They|Their|It|Its|This|That|These|Those|Here|There|Last|Next)\b)")
_WORD = rf"{_NOT_A_NAME}[A-Z][\w&.'’-]*"
_WHO = rf"(?P<who>{_WORD}(?:\s+(?:of\s+|for\s+|and\s+)?{_WORD}){{0,5}})"
_CITED_FINDING = re.compile(
    rf"\b{_WHO}\s+(?:reckoned|estimated|found|reported|calculated|concluded|showed|projected)\s+in\s+(?:19|20)\d\d\b"
    rf"|\b{_WHO.replace('who', 'owner')}['’]s?\s+(?:19|20)\d\d\s+(?:[\w-]+\s+){{0,3}}?(?:{_KIND}|statistics|figures|data|census)"
    r"\s+(?:show|shows|showed|found|finds|suggests?|put|puts|estimates?)\b")
# the company's own team named before the words the name was read from ("Our Data Team found in 2024")
_OURS_BEFORE = re.compile(r"\b(?i:our)\s+(?:[A-Z][\w&.'’-]*\s+)*$")
_COMES_FROM = re.compile(
    rf"(?i:\b(?:comes?|came|is\s+taken|was\s+taken|is\s+drawn|derives?)\s+from\b)[^.;]{{0,60}}?\b{_KIND}\b")


# a team or a function of a company ("Customer Success found in 2024", "Product Marketing reported in
# 2025") is the company speaking, not a named body: the whole name is team words, so that a body whose
# name merely ends in one ("UK Finance", "Macmillan Cancer Support", "Skills for Care") still names one
_A_TEAM = re.compile(
    r"(?:(?:Customer|Client|Product|Sales|Support|Marketing|Data|Success|Ops|Operations|Growth|Engineering|Finance"
    r"|Leadership|Care|Onboarding|Implementation|Enablement|Partnerships|Revenue|Account|Insights?|Analytics"
    r"|Research|Service|Services|Experience|Squad|Desk)\s*)+(?:Teams?)?|Teams?")


def _cites_a_finding(f: Figure, kb_name: str) -> bool:
    """Whether the figure's sentence (or the one before it in its paragraph) credits a named body's
    dated finding, or says the figure comes from a study."""
    read, entry = _sentence_and_before(f), f.entry
    if read is None or entry is None:
        return False
    sentence, before = read
    around = f"{before or ''} {sentence}"
    if _COMES_FROM.search(sentence):
        return True
    return _credits_a_named_body(around, entry.body, kb_name)


def _credits_a_named_body(text: str, body: str, kb_name: str) -> bool:
    """Whether ``text`` credits a finding to a named body other than the company (``kb_name``), on a
    page whose body is ``body``."""
    own = kb_name.strip().lower()
    for m in _CITED_FINDING.finditer(text):
        who = re.sub(r"^(?:The|A|An)\s+", "", (m.group("who") or m.group("owner") or "").strip())
        if not who or own and own in who.lower() or _OURS_BEFORE.search(text, 0, m.start()) or _A_TEAM.fullmatch(who):
            continue
        # a one-word name is a name only where the page never writes it in lower case ("Gartner", not
        # "Customers found in 2024 that ...")
        if " " in who or not re.search(rf"\b{re.escape(who.lower())}\b", body):
            return True
    return False
