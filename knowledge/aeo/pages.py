"""One exported page per entry: Markdown for answer engines, JSON-LD for crawlers, HTML for both.

A page is made from the entry's public view (``public.public_entry``: internal sections, marked
blocks, comments and the owner withheld). The Markdown gives the question (for an answer whose
objection is itself public), then the entry's published body, which opens with the answer, then
the key figures with their units, qualifiers and dates, then the sources with their dates, then
when the entry was last reviewed. No owner is named. An answer with its own ``question:`` in front
matter asks that (its title and its ``Question``); else the public objection it answers; else its
title.

HTML pages carry ``lang`` (``[aeo] language`` in canon.toml, else ``en``) and link to ``index.html``
(every page, its type and when it was last reviewed) and to ``llms.txt``.

JSON-LD uses schema.org: a ``QAPage`` whose ``mainEntity`` is the ``Question`` (the public objection
the answer answers, else the page's title) with its ``acceptedAnswer`` (the whole published answer)
for answers, an ``Article`` for everything else; both
carry ``citation`` (a ``CreativeWork`` per source), ``dateModified`` (the review date), the company
as ``author`` and ``publisher``, and each metric as an ``Observation`` (``value`` or
``minValue``/``maxValue``, ``unitText``, ``unitCode`` where UN/CEFACT has one, ``observationDate``
from ``as_of``) under ``about``.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from knowledge.dates import iso_date
from knowledge.model import Entry, Metric, Source
from knowledge.units import DURATION, PERCENT, describe, kind_of

from .public import public_markdown, public_text

SCHEMA_CONTEXT = "https://schema.org"

# (folder, llms.txt section) per entry type that becomes a page.
PAGE_TYPES: dict[str, tuple[str, str]] = {
    "answer": ("answers", "Answers"),
    "proof_point": ("proof-points", "Proof points"),
    "case_study": ("case-studies", "Case studies"),
    "message": ("messages", "Optional"),
    "article": ("articles", "Optional"),
}
SECTIONS: tuple[str, ...] = ("Answers", "Proof points", "Case studies", "Optional")
GENRE = {"proof_point": "proof point", "case_study": "case study", "message": "message", "article": "article"}

# Qualifiers that read before the figure ("more than 1,400 customers"); others follow it.
_PREFIX_QUALIFIERS = {
    "up to", "at least", "about", "around", "approximately", "roughly", "nearly", "almost", "over",
    "under", "more than", "less than", "fewer than", "from", "as much as", "as many as", "as little as",
}
# UN/CEFACT common codes, the values schema.org's unitCode expects.
_UNIT_CODES = {1 / 86400: "SEC", 1 / 1440: "MIN", 1 / 24: "HUR", 1.0: "DAY", 7.0: "WEE", 30.44: "MON",
               365.25: "ANN"}


@dataclass
class Page:
    """An entry as it is exported."""

    entry: Entry  # its public view: what may be published, and nothing else
    slug: str  # "answers/pricing": the page is slug + ".html", its Markdown slug + ".md"
    section: str
    answer: str  # the answer-first text
    questions: list[Entry] = field(default_factory=list)  # for answers: the public objections they answer
    asked: str | None = None  # for answers: their own ``question:``, which is then the page's title

    @property
    def html_path(self) -> str:
        return f"{self.slug}.html"

    @property
    def md_path(self) -> str:
        return f"{self.slug}.md"

    @property
    def jsonld_path(self) -> str:
        return f"{self.slug}.jsonld"

    @property
    def title(self) -> str:
        return self.asked or self.entry.title or self.entry.id

    @property
    def question(self) -> str:
        """What an answer page asks: its own ``question:``, else the public objection it answers,
        else its title."""
        if self.asked:
            return self.asked
        if self.questions:
            return self.questions[0].title or self.questions[0].id
        return self.title


@dataclass
class Site:
    """What every page shares: the company and where the export will be published."""

    name: str
    base_url: str = ""  # "" for links relative to each file; else ends with "/"
    language: str = "en"  # the pages' ``lang``: ``[aeo] language`` in canon.toml

    def link(self, target: str, *, start: str) -> str:
        """The URL of ``target`` (a path in the export) as written in the file ``start``."""
        if self.base_url:
            return self.base_url + target
        return posixpath.relpath(target, posixpath.dirname(start) or ".")

    def organization(self) -> dict[str, Any]:
        org: dict[str, Any] = {"@type": "Organization", "name": self.name}
        if self.base_url:
            org["@id"] = f"{self.base_url}#organization"
            org["url"] = self.base_url
        return org


# ------------------------------------------------------------------------------------------------
# Markdown


_MD_SPECIAL = re.compile(r"([\\`*\[\]<>])")
_MD_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s)")


def md(text: str) -> str:
    """Plain text made safe for Markdown: nothing in it becomes a link, emphasis or HTML."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LINE_START.sub(r"\\\1", text)


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


def figure_text(m: Metric) -> tuple[str, list[str]]:
    """``("more than 1,400 customers", ["as of 2026-10", ...])``: the figure and its details."""
    value = describe(m.value, m.unit)
    details: list[str] = []
    q = (m.qualifier or "").strip()
    if q and q.lower() in _PREFIX_QUALIFIERS:
        value = f"{q} {value}"
    elif q:
        details.append(q)
    when = observation_date(m)
    if when:
        details.append(f"as of {when}")
    return value, details


def observation_date(m: Metric) -> str | None:
    """The metric's ``as_of`` when it is an ISO 8601 date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)
    that exists, else ``None``: what a page and its ``observationDate`` may publish. Ingest reports
    any other ``as_of`` and drops it; this keeps an index written before that check from exporting
    ``01/05/2026`` as a date crawlers read."""
    return iso_date(str(m.as_of or ""))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def figure_line(m: Metric) -> str:
    value, details = figure_text(m)
    if m.source:
        details.append(f"source: {m.source}")
    tail = f" ({md('; '.join(details))})" if details else ""
    return f"{md(_capital(m.name or m.id))}: **{md(value)}**{tail}"


def page_sources(entry: Entry) -> list[tuple[Source, bool]]:
    """Front-matter sources, then sources named next to figures in prose (``True``), one per title."""
    seen: set[str] = set()
    out: list[tuple[Source, bool]] = []
    for s, prose in [*((s, False) for s in entry.sources),
                     *((c.source, True) for c in entry.claims if c.source is not None)]:
        key = " ".join(s.title.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append((s, prose))
    return out


def source_date(s: Source, prose: bool) -> str | None:
    """A prose source is dated by its year alone ("(ZoomInfo, 2025)"): say no more than that."""
    if s.date is None:
        return None
    return str(s.date.year) if prose else s.date.isoformat()


def source_line(s: Source, prose: bool) -> str:
    target = s.url if s.url and not re.search(r"[\s()<>]", s.url) else f"<{s.url}>"
    name = f"[{md(s.title)}]({target})" if s.url else md(s.title)
    when = source_date(s, prose)
    return f"{name} ({when})" if when else f"{name} (undated)"


def page_markdown(page: Page) -> str:
    e = page.entry
    out = [f"# {md(page.title)}", ""]
    for q in [] if page.asked else page.questions:  # an own question is the title already
        out += [f"**Question:** {md(q.title or q.id)}", ""]
    body = public_markdown(e)
    out += [body or md(page.answer), ""]
    if e.metrics:
        out += ["## Key figures", "", *(f"- {figure_line(m)}" for m in e.metrics), ""]
    sources = page_sources(e)
    if sources:
        out += ["## Sources", "", *(f"- {source_line(s, prose)}" for s, prose in sources), ""]
    if e.reviewed:
        out += [f"Last reviewed: {e.reviewed.isoformat()}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# ------------------------------------------------------------------------------------------------
# JSON-LD


def _unit_code(unit: str) -> str | None:
    from knowledge.units import normalize

    kind = kind_of(unit)
    if kind == PERCENT:
        return "P1"
    if kind == DURATION:
        days = normalize(1.0, unit)[0]
        if isinstance(days, float):
            return next((code for d, code in _UNIT_CODES.items() if abs(d - days) < 1e-9), None)
    return None


def observation(m: Metric, page_url: str) -> dict[str, Any]:
    value, details = figure_text(m)
    obs: dict[str, Any] = {
        "@type": "Observation",
        "@id": f"{page_url}#metric-{m.id}",
        "identifier": m.id,
        "name": m.name or m.id,
        "variableMeasured": m.name or m.id,
        "description": f"{value} ({'; '.join(details)})" if details else value,
        "unitText": m.unit,
    }
    if isinstance(m.value, tuple):
        obs["minValue"], obs["maxValue"] = _number(m.value[0]), _number(m.value[1])
    else:
        obs["value"] = _number(m.value)
    code = _unit_code(m.unit)
    if code:
        obs["unitCode"] = code
    when = observation_date(m)
    if when:
        obs["observationDate"] = when
    if m.qualifier:
        obs["measurementMethod"] = m.qualifier
    return obs


def citation(s: Source, prose: bool) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": s.title}
    if s.url:
        work["url"] = s.url
    when = source_date(s, prose)
    if when:
        work["datePublished"] = when
    return work


def page_jsonld(page: Page, site: Site) -> dict[str, Any]:
    e = page.entry
    url = site.link(page.html_path, start=page.jsonld_path)
    org = site.organization()
    doc: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@id": url, "url": url, "name": page.title,
                           "description": page.answer, "author": org, "publisher": org}
    if e.reviewed:
        doc["dateModified"] = e.reviewed.isoformat()
    if e.topics:
        doc["keywords"] = list(e.topics)
    if e.type == "answer":
        doc["@type"] = "QAPage"
        answer = public_text(e) or page.answer
        q: dict[str, Any] = {"@type": "Question", "name": page.question, "answerCount": 1,
                             "acceptedAnswer": {"@type": "Answer", "text": answer, "url": url, "author": org}}
        doc["mainEntity"] = q
    else:
        doc["@type"] = "Article"
        doc["headline"] = page.title
        doc["genre"] = GENRE.get(e.type, e.type)
    sources = page_sources(e)
    if sources:
        doc["citation"] = [citation(s, prose) for s, prose in sources]
    if e.metrics:
        doc["about"] = [observation(m, url) for m in e.metrics]
    return doc


def dumps(data: Any) -> str:
    """JSON as every export file writes it: sorted keys, two-space indent, one trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------------------------------
# HTML


def _script_json(data: dict[str, Any]) -> str:
    """JSON inside <script>: ``</`` and ``<!--`` must not end or confuse the element."""
    return dumps(data).replace("</", "<\\/").replace("<!--", "<\\!--").rstrip("\n")


# A few lines of CSS so that a page reads well in a browser; nothing is loaded from elsewhere.
_STYLE = ("body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:2rem auto;"
          "padding:0 1rem;color:#1a1a1a}nav{font-size:.9rem;margin-bottom:1.5rem}nav a{margin-right:1rem}"
          "table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;padding:.3rem .6rem;"
          "border-bottom:1px solid #ddd}th:nth-child(2){width:7rem}th:nth-child(3){width:8.5rem}")
INDEX = "index.html"
LLMS_TXT = "llms.txt"
TYPE_LABEL = {"answer": "answer", **GENRE}


def _head(title: str, description: str, site: Site, at: str) -> list[str]:
    """``<!DOCTYPE>`` to the description meta of the page at ``at``, with its language."""
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(site.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f'<meta name="description" content="{html.escape(description)}">',
    ]
    if site.base_url:
        head.append(f'<link rel="canonical" href="{html.escape(site.base_url + at)}">')
    return head


def _nav(site: Site, at: str) -> str:
    """Links from a page to the index of pages and to llms.txt."""
    links = [(INDEX, "All pages"), (LLMS_TXT, "llms.txt")]
    return "<nav>" + "".join(f'<a href="{html.escape(site.link(target, start=at))}">{text}</a>'
                             for target, text in links if target != at) + "</nav>"


def page_html(page: Page, site: Site, markdown: str, jsonld: dict[str, Any]) -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown).rstrip("\n")
    head = _head(f"{page.title} | {site.name}", page.answer, site, page.html_path)
    head += [
        f'<link rel="alternate" type="text/markdown" href="{html.escape(site.link(page.md_path, start=page.html_path))}">',
        f"<style>{_STYLE}</style>",
        '<script type="application/ld+json">',
        _script_json(jsonld),
        "</script>",
        "</head>",
        "<body>",
        _nav(site, page.html_path),
        "<main>",
        "<article>",
        body,
        "</article>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(head) + "\n"


def index_html(site: Site, summary: str, sections: dict[str, list[Page]]) -> str:
    """``index.html``: every HTML page by section, with its type and when it was last reviewed."""
    out = _head(f"{site.name}: answers, proof points and case studies", summary, site, INDEX)
    out += [f"<style>{_STYLE}</style>", "</head>", "<body>", _nav(site, INDEX), "<main>",
            f"<h1>{html.escape(site.name)}</h1>", f"<p>{html.escape(summary)}</p>"]
    for name, listed in sections.items():
        if not listed:
            continue
        out += [f"<h2>{html.escape(name)}</h2>", "<table>",
                "<thead><tr><th>Page</th><th>Type</th><th>Last reviewed</th></tr></thead>", "<tbody>"]
        for p in listed:
            href = html.escape(site.link(p.html_path, start=INDEX))
            reviewed = p.entry.reviewed.isoformat() if p.entry.reviewed else "not recorded"
            out.append(f'<tr><td><a href="{href}">{html.escape(p.title)}</a></td>'
                       f"<td>{TYPE_LABEL.get(p.entry.type, p.entry.type)}</td><td>{reviewed}</td></tr>")
        out += ["</tbody>", "</table>"]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
