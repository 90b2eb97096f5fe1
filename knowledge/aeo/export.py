"""``canon export aeo``: what answer engines read, from the approved, current, consistent KB only.

What is exported (paths inside the output folder)::

    llms.txt                 the llms.txt proposal: H1, blockquote summary, notes, H2 link lists
    llms-full.txt            every page's Markdown in one file
    answers/llms.txt         the same for one section (also proof-points/, case-studies/, ...)
    answers/<slug>.md        a page's Markdown (llms.txt links here)
    answers/<slug>.html      the page for browsers and crawlers, with its JSON-LD embedded
    answers/<slug>.jsonld    the page's JSON-LD on its own
    index.html               every HTML page by section, with its type and when it was last reviewed
    manifest.json            every entry of the KB, included or not, and why not; pages removed since

Private by default (``public.PublishRule``): an entry is published only when the publish rule lets
it out (``[aeo] publish``: by default its ``audience`` must list ``public``; else ``private``), and
then only its public view: internal sections and ``canon-internal`` blocks, comments, the owner and
every e-mail address and known person's name are withheld.

Who else is left out, from the audit's findings about the entry (at warning or above, so that a
rule a KB turns down to ``info`` or ``off`` leaves its entries in): ``stale-claim`` (review overdue
or expired, a stale source) -> ``stale``; ``metric-conflict`` -> ``conflicting``;
``unsourced-claim`` -> ``unsourced``; ``retired-claim`` -> ``retired-claim``; ``invalid-entry`` ->
``invalid``. Drafts (``draft``) and retired entries (``retired``) are not canonical. Objections
(``objection``) are never pages: a public objection's title becomes the question of the answers'
pages; its ``examples:`` (prospects' own words) never leave.

The manifest lists every entry and, for each one left out, the reasons and the rule and line of
each finding behind them (not the messages, which quote the entry: ``canon audit`` shows those).

**Addresses.** A page's address comes from its entry's id (the file's path unless front matter
sets ``id:``), so renaming a file moves its page. ``write_export``'s caller passes the manifest of
the export it replaces: a page exported then whose id is gone is listed under ``removed`` in the
manifest (kept there on later exports, with the page it likely moved to: a new entry with the same
title) and reported as a warning that says how to keep the address (``id:`` in front matter).

The export is a pure function of the KB, ``--today``, ``--base-url`` and the previous manifest:
same inputs, same bytes.
It is written to a temporary folder next to the output and renamed into place, so an interrupted
export never leaves half a site behind.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from knowledge.errors import ConfigError, NotFound, UsageError
from knowledge.model import KB, SEVERITY_RANK, Entry, Finding
from knowledge.settings import Settings

from ._text import answer_first, first_paragraph, own_question, sentences, squash, trim
from .pages import (
    INDEX,
    PAGE_TYPES,
    SECTIONS,
    Page,
    Site,
    dumps,
    index_html,
    page_html,
    page_jsonld,
    page_markdown,
)
from .public import PublishRule, public_entry, public_questions
from .readiness import findings_by_entry

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
GENERATOR = "canon"

# rule id -> the reason an entry it finds is left out
EXCLUDING_RULES: dict[str, str] = {
    "stale-claim": "stale",
    "metric-conflict": "conflicting",
    "unsourced-claim": "unsourced",
    "retired-claim": "retired-claim",
    "invalid-entry": "invalid",
}
EXCLUDE_FROM_SEVERITY = "warning"


@dataclass
class Decision:
    """Whether an entry (or a file that could not be read) is exported, and why not."""

    id: str | None
    path: str
    type: str | None = None
    status: str | None = None
    title: str | None = None
    page: Page | None = None
    reasons: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def included(self) -> bool:
        return self.page is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "path": self.path, "type": self.type, "status": self.status,
                               "title": self.title, "included": self.included, "reasons": self.reasons}
        if self.page is not None:
            out["title"] = self.page.title  # as published: an answer's own question, else its title
            out["page"] = self.page.html_path
            out["markdown"] = self.page.md_path
            out["jsonld"] = self.page.jsonld_path
        else:
            out["title"] = None  # an entry that is not published keeps its words inside
            out["findings"] = [{"rule": f.rule, "severity": f.severity, "line": f.line} for f in self.findings]
        return out


@dataclass
class AeoExport:
    """The files of an export, in memory: relative path -> bytes."""

    site: Site
    today: date
    decisions: list[Decision]
    files: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)  # pages of the previous export whose id is gone

    @property
    def pages(self) -> list[Page]:
        return [d.page for d in self.decisions if d.page is not None]

    def page_file(self, entry_id: str, fmt: str = "markdown") -> bytes:
        """One page's Markdown (``markdown``), JSON-LD (``jsonld``) or HTML (``html``)."""
        suffix = {"markdown": "md", "md": "md", "jsonld": "jsonld", "html": "html"}.get(fmt)
        if suffix is None:
            raise UsageError(f"format={fmt!r} is not one of markdown, jsonld, html")
        for d in self.decisions:
            if d.id != entry_id:
                continue
            if d.page is None:
                raise NotFound(f"entry {entry_id!r} is not exported: {', '.join(d.reasons)}",
                               hint="manifest.json of `canon export aeo` says why, with the findings")
            return self.files[f"{d.page.slug}.{suffix}"]
        raise NotFound(f"no entry with id {entry_id!r}", hint="GET /v1/entries lists the ids")

    def counts(self) -> dict[str, int]:
        return counts(self.decisions)


def counts(decisions: list[Decision]) -> dict[str, int]:
    """How many entries, how many exported, and how many left out for each reason."""
    out = {"entries": len(decisions), "included": sum(1 for d in decisions if d.included)}
    for d in decisions:
        for r in d.reasons:
            out[r] = out.get(r, 0) + 1
    return out


# ------------------------------------------------------------------------------------------------
# Deciding


def _at_least(f: Finding, severity: str) -> bool:
    return SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK[severity]


def exclusion(entry: Entry, found: Iterable[Finding], rule: PublishRule | None = None
              ) -> tuple[list[str], list[Finding]]:
    """Why ``entry`` is left out of the export (no reasons: it is exported), and the findings why."""
    rule = rule or PublishRule()
    reasons: list[str] = []
    if entry.status != "approved":
        reasons.append(entry.status)
    if entry.type == "objection":
        reasons.append("objection")
    elif entry.type not in PAGE_TYPES:
        reasons.append("type")
    if entry.type != "objection" and not rule.is_public(entry):
        reasons.append("private")
    causes = sorted((f for f in found if f.rule in EXCLUDING_RULES and _at_least(f, EXCLUDE_FROM_SEVERITY)),
                    key=lambda f: (f.line, f.column, f.rule, f.message))
    for f in causes:
        if EXCLUDING_RULES[f.rule] not in reasons:
            reasons.append(EXCLUDING_RULES[f.rule])
    return reasons, causes


_SLUG = re.compile(r"[^a-z0-9._-]+")


def slugify(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-.") or "entry"


def _slug(entry: Entry, taken: set[str]) -> str:
    folder = PAGE_TYPES[entry.type][0]
    for candidate in (slugify(entry.id.rsplit("/", 1)[-1]), slugify(entry.id.replace("/", "-"))):
        slug = f"{folder}/{candidate}"
        if slug not in taken and candidate != "llms":
            return slug
    n = 2
    while f"{folder}/{slugify(entry.id)}-{n}" in taken:
        n += 1
    return f"{folder}/{slugify(entry.id)}-{n}"


def decide(kb: KB, findings: Iterable[Finding], rule: PublishRule | None = None) -> list[Decision]:
    """Every entry of the KB (and every file that could not be read), included or left out."""
    rule = rule or PublishRule()
    findings = list(findings)
    entries = sorted(kb.entries, key=lambda e: (e.id, e.path))
    found = findings_by_entry(entries, findings)
    by_id = {e.id: e for e in entries}
    taken: set[str] = set()
    out: list[Decision] = []
    for e in entries:
        reasons, causes = exclusion(e, found.get(e.id, []), rule)
        d = Decision(id=e.id, path=e.path, type=e.type, status=e.status, title=e.title,
                     reasons=reasons, findings=causes)
        if not reasons:
            slug = _slug(e, taken)
            taken.add(slug)
            shown = public_entry(e, rule)
            d.page = Page(entry=shown, slug=slug, section=PAGE_TYPES[e.type][1], answer=answer_first(shown),
                          questions=public_questions(e, by_id, rule),
                          asked=own_question(e) if e.type == "answer" else None)
        out.append(d)
    readable = {e.path for e in kb.entries}
    unreadable: dict[str, list[Finding]] = {}
    for f in [*kb.problems, *findings]:
        if f.rule == "invalid-entry" and f.path not in readable:
            unreadable.setdefault(f.path, [])
            if f not in unreadable[f.path]:
                unreadable[f.path].append(f)
    for path, problems in unreadable.items():
        out.append(Decision(id=None, path=path, reasons=["invalid"],
                            findings=sorted(problems, key=lambda f: (f.line, f.message))))
    out.sort(key=lambda d: (d.path, d.id or ""))
    return out


# ------------------------------------------------------------------------------------------------
# llms.txt


def _configured(settings: Settings, key: str) -> str | None:
    table = settings.extra.get("aeo")
    value = table.get(key) if isinstance(table, dict) else None
    return squash(value) if isinstance(value, str) and value.strip() else None


def kb_summary(settings: Settings, pages: list[Page]) -> str:
    """The llms.txt blockquote: ``[aeo] summary`` in canon.toml, else the KB's own positioning.

    That is taken from the first exported message (those tagged ``positioning`` first) with a
    paragraph that names the company: that paragraph cut to one or two sentences when it opens the
    message; else, since pitches often state the problem before the company ("AP is still manual.
    Northwind replaces that with one flow"), the opening sentence and then the first sentence that
    names the company. Without one, the opening of the first message.
    """
    configured = _configured(settings, "summary")
    if configured:
        return configured
    messages = sorted((p for p in pages if p.entry.type == "message"),
                      key=lambda p: ("positioning" not in {t.lower() for t in p.entry.topics}, p.entry.id))
    name = settings.name.casefold()
    for p in messages:
        first = first_paragraph(p.entry)
        for b in p.entry.blocks:
            if b.kind != "paragraph" or name not in b.text.casefold():
                continue
            if first is None or b is first:
                return trim(b.text)
            naming = next((s for s in sentences(b.text) if name in s.casefold()), None)
            if naming is None:  # the name runs across a sentence break: keep the paragraph as it is
                return trim(b.text)
            return f"{sentences(first.text)[0]} {naming}"
    if messages:
        return messages[0].answer
    return f"{settings.name}: approved answers, proof points and case studies, with their figures and sources."


def _link_title(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", squash(text))


def _link_list(pages: list[Page], site: Site, at: str) -> list[str]:
    """One item per page: its Markdown, its answer-first note, then its HTML page."""
    return [f"- [{_link_title(p.title)}]({site.link(p.md_path, start=at)}): {p.answer} "
            f"([HTML]({site.link(p.html_path, start=at)}))" for p in pages]


def llms_txt(title: str, summary: str, notes: list[str], sections: dict[str, list[Page]], site: Site,
             at: str) -> str:
    out = [f"# {title}", "", f"> {summary}", ""]
    for note in notes:
        out += [note, ""]
    for name in SECTIONS:
        if sections.get(name):
            out += [f"## {name}", "", *_link_list(sections[name], site, at), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _sections(pages: list[Page]) -> dict[str, list[Page]]:
    out: dict[str, list[Page]] = {s: [] for s in SECTIONS}
    order = {t: i for i, t in enumerate(PAGE_TYPES)}
    for p in sorted(pages, key=lambda p: (order[p.entry.type], p.entry.id)):
        out[p.section].append(p)
    return out


# ------------------------------------------------------------------------------------------------
# Pages removed since the previous export


def _same_title(a: str | None, b: str | None) -> bool:
    return bool(a and b) and squash(a or "").casefold() == squash(b or "").casefold()


def _moved_to(gone: dict[str, Any], decisions: list[Decision], known: set[str]) -> Decision | None:
    """The page ``gone`` likely moved to: a page new since then (its id was not in the previous
    manifest) with the same title."""
    return next((d for d in decisions if d.page is not None and d.id not in known
                 and (_same_title(d.page.title, gone.get("title")) or _same_title(d.title, gone.get("title")))),
                None)


def _removal_warning(record: dict[str, Any], restored: set[str]) -> str:
    """What to tell the person who exports: the page is gone, where it likely went, how to keep it
    (``restored``: ids an earlier export removed, now back)."""
    gone, moved = record["id"], record["moved_to"]
    said = f"{gone} was published last time at {record['page']} and is no longer in the KB"
    if moved is not None and moved["id"] in restored:
        return (f"{said}: its entry is back at its earlier address {moved['page']} ({moved['path']} sets "
                f"`id: {moved['id']}`), so links to {record['page']} will break.")
    if moved is None:
        return (f"{said}: its page is gone and links to it will break (manifest.json lists it under removed). "
                f"If its file was renamed, add `id: {gone}` to the front matter of the new file to keep "
                "the address.")
    return (f"{said}: it looks renamed to {moved['path']} (same title), now published at {moved['page']}, "
            f"so links to {record['page']} will break. To keep the address, add `id: {gone}` to the front "
            f"matter of {moved['path']} and export again.")


def removed_pages(previous: dict[str, Any] | None, decisions: list[Decision], kb_name: str,
                  today: date) -> tuple[list[dict[str, Any]], list[str]]:
    """The manifest's ``removed`` list and a warning for each page removed by this export.

    A page is removed when its id was exported by the ``previous`` export (of the same KB) and is
    no longer an entry of the KB; the pages removed by earlier exports stay listed until their id
    comes back, so that exporting twice gives the same manifest."""
    if not previous or previous.get("kb") != kb_name:
        return [], []
    ids = {d.id for d in decisions if d.id is not None}
    before = [e for e in previous.get("entries") or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]
    known = {e["id"] for e in before}
    kept = [r for r in previous.get("removed") or [] if isinstance(r, dict) and r.get("id") not in ids]
    listed = {r.get("id") for r in kept}
    new: list[dict[str, Any]] = []
    for e in before:
        if not e.get("included") or e["id"] in ids or e["id"] in listed:
            continue
        moved = _moved_to(e, decisions, known)
        new.append({"id": e["id"], "title": e.get("title"), "page": e.get("page"), "markdown": e.get("markdown"),
                    "removed": today.isoformat(),
                    "moved_to": None if moved is None or moved.page is None else
                    {"id": moved.id, "path": moved.path, "page": moved.page.html_path}})
    removed = sorted([*kept, *new], key=lambda r: str(r.get("id")))
    restored = {str(r.get("id")) for r in previous.get("removed") or [] if isinstance(r, dict)} & ids
    return removed, [_removal_warning(r, restored) for r in new]


# ------------------------------------------------------------------------------------------------
# The export in memory


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def site_language(settings: Settings) -> str:
    """The pages' ``lang``: ``[aeo] language`` (a BCP 47 tag such as ``de`` or ``en-GB``), else ``en``."""
    value = _configured(settings, "language")
    if value is None:
        return "en"
    if not _LANGUAGE.fullmatch(value):
        raise ConfigError(f"[aeo] language = {value!r} is not a language tag",
                          hint='write a BCP 47 tag, e.g. language = "en", "de" or "pt-BR"')
    return value


def normalize_base_url(base_url: str | None) -> str:
    """"" (relative links) or an absolute http(s) URL ending in ``/``."""
    if not base_url:
        return ""
    try:
        parts = urlsplit(base_url)
    except ValueError:  # e.g. "http://[oops": not a URL at all
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise UsageError(f"--base-url {base_url!r} is not an http(s) URL of a folder",
                         hint="e.g. --base-url https://www.example.com/ai/ (or leave it out for relative links)")
    return base_url if base_url.endswith("/") else base_url + "/"


def render_export(kb: KB, findings: Iterable[Finding], settings: Settings, *, today: date,
                  base_url: str | None = None, previous: dict[str, Any] | None = None) -> AeoExport:
    """The export of ``kb`` given the audit's ``findings``: every file, as bytes. ``previous`` is the
    manifest of the export this one replaces (``read_manifest``), for the pages removed since."""
    site = Site(name=settings.name, base_url=normalize_base_url(base_url), language=site_language(settings))
    rule = PublishRule.from_settings(settings, kb.entries)
    decisions = decide(kb, findings, rule)
    pages = [d.page for d in decisions if d.page is not None]
    sections = _sections(pages)
    summary = kb_summary(settings, pages)
    files: dict[str, str] = {}
    for p in pages:
        markdown = page_markdown(p)
        jsonld = page_jsonld(p, site)
        files[p.md_path] = markdown
        files[p.jsonld_path] = dumps(jsonld)
        files[p.html_path] = page_html(p, site, markdown, jsonld)
    full = site.link("llms-full.txt", start="llms.txt")
    notes = [
        f"Approved answers, proof points and case studies from the {site.name} knowledge base, checked by "
        f"canon on {today.isoformat()}: only entries that are current, sourced and free of conflicting "
        "figures are listed. Each page gives the answer first, then its figures with units and dates, "
        "its sources and the date it was last reviewed.",
        f"All pages in one file: [llms-full.txt]({full}). The same pages for browsers, with their "
        f"schema.org JSON-LD: [{INDEX}]({site.link(INDEX, start='llms.txt')}).",
    ]
    files[INDEX] = index_html(site, summary, sections)
    files["llms.txt"] = llms_txt(site.name, summary, notes, sections, site, "llms.txt")
    for name, listed in sections.items():
        if listed and name != "Optional":  # one folder per section, except Optional's two
            at = f"{PAGE_TYPES[listed[0].entry.type][0]}/llms.txt"
            files[at] = llms_txt(f"{site.name}: {name}", summary, [], {name: listed}, site, at)
    ordered = [p for s in SECTIONS for p in sections[s]]
    head = f"# {site.name}\n\n> {summary}\n"
    files["llms-full.txt"] = "\n---\n\n".join([head, *(files[p.md_path] for p in ordered)])
    # The last safeguard: whatever a body, a title or a source says, no e-mail address and no person
    # canon knows by name leaves in any file.
    data = {path: rule.withhold(text).encode("utf-8") for path, text in files.items()}
    removed, warnings = removed_pages(previous, decisions, site.name, today)
    manifest = {
        "generator": GENERATOR,
        "version": MANIFEST_VERSION,
        "kb": site.name,
        "today": today.isoformat(),
        "base_url": site.base_url or None,
        "counts": counts(decisions),
        "entries": [d.to_dict() for d in decisions],
        "removed": removed,
        "files": {path: hashlib.sha256(b).hexdigest() for path, b in sorted(data.items())},
    }
    data[MANIFEST] = rule.withhold(dumps(manifest)).encode("utf-8")
    return AeoExport(site=site, today=today, decisions=decisions, files=dict(sorted(data.items())),
                     warnings=[rule.withhold(w) for w in warnings])


def build_export(settings: Settings, *, today: date, base_url: str | None = None,
                 embedder: Any = None, previous: dict[str, Any] | None = None) -> AeoExport:
    """Audit the indexed KB and export it (what ``canon export aeo`` and ``/v1/aeo/*`` serve);
    ``previous`` is the manifest of the export it will replace, if any."""
    from knowledge.audit import run_audit
    from knowledge.indexed import load_indexed_kb

    site_url = normalize_base_url(base_url)  # a bad URL fails before the audit runs
    report = run_audit(settings, today=today, embedder=embedder)
    return render_export(load_indexed_kb(settings), report.findings, settings, today=today, base_url=site_url,
                         previous=previous)


# ------------------------------------------------------------------------------------------------
# Writing


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest canon wrote in ``folder``, else ``None`` (none, unreadable, or not canon's)."""
    import json

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("generator") == GENERATOR else None


def written_by_canon(folder: Path) -> bool:
    """True when ``folder`` holds a manifest that canon wrote."""
    return read_manifest(folder) is not None


def protected_folders(settings: Settings) -> list[tuple[str, Path]]:
    """The folders an export must never replace or be written into: the KB, its calls, its index."""
    out = [("the KB", settings.root), ("the calls folder", settings.calls_path)]
    if not settings.index.chroma_url:
        out.append(("the index", settings.index_path))
    return out


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_out_dir(out_dir: Path, *, force: bool = False, kb_root: Path | None = None,
                  protect: Iterable[tuple[str, Path]] = ()) -> None:
    """Refuse a file; a folder that is, holds or lies inside the KB, its calls, its index or the
    current folder (writing the export replaces the output folder as a whole, so an output that
    holds the KB would delete it; ``--force`` does not change that); and a folder holding files
    canon did not write, unless ``force``."""
    target = out_dir.expanduser().resolve()
    guarded = [*protect, *([("the KB", kb_root)] if kb_root is not None else [])]
    for what, folder in guarded:
        real = folder.expanduser().resolve()
        if target == real:
            raise UsageError(f"{out_dir} is {what}: writing the export replaces {out_dir} as a whole and would "
                             "delete it (--force does not change this)",
                             hint="write the export to a new folder of its own, outside the KB")
        if _within(target, real):
            raise UsageError(f"{out_dir} is inside {what} ({folder}): the export would be read back as part of it, "
                             "or replace it", hint="write the export to a folder outside the KB, e.g. ../aeo-site")
        if _within(real, target):
            raise UsageError(f"{out_dir} holds {what} ({folder}): writing the export replaces {out_dir} as a whole "
                             "and would delete it (--force does not change this)",
                             hint="write the export to a new folder of its own, outside the KB")
    if _within(Path.cwd().resolve(), target):
        raise UsageError(f"{out_dir} holds the current folder: writing the export replaces {out_dir} as a whole",
                         hint="write the export to a new folder of its own")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} is a file, not a folder", hint="pass the folder to write the export into")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not written_by_canon(out_dir) and not force:
        raise UsageError(f"{out_dir} is not empty and holds no canon export ({MANIFEST} is missing)",
                         hint="choose an empty or new folder, or pass --force to replace everything in it")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_export(export: AeoExport, out_dir: Path, *, force: bool = False, kb_root: Path | None = None,
                 protect: Iterable[tuple[str, Path]] = ()) -> Path:
    """Write the export to ``out_dir``, replacing a previous export there as a whole.

    A folder that is not empty and holds no canon manifest is refused unless ``force``: it is not
    ours to delete. A folder that holds or lies inside ``kb_root`` or a ``protect`` folder is
    refused, ``force`` or not.
    """
    out_dir = Path(out_dir).expanduser()
    protect = list(protect)
    check_out_dir(out_dir, force=force, kb_root=kb_root, protect=protect)
    parent = out_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise UsageError(f"cannot write next to {out_dir}: {exc.strerror or exc}",
                         hint="pick an output folder in a place you can write to") from exc
    old: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        for rel, data in export.files.items():
            target = tmp / Path(*posixpath.normpath(rel).split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=parent))
            os.rmdir(old)
            os.rename(out_dir, old)
        try:
            os.rename(tmp, out_dir)
        except OSError:
            if old is not None:  # put the previous export back
                os.rename(old, out_dir)
                old = None
            raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UsageError(f"cannot write the export to {out_dir}: {exc.strerror or exc}",
                         hint="check the folder's permissions and free space") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out_dir
