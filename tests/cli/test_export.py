"""`canon export aeo`, `canon aeo score` and `/v1/aeo/*` on the example KB: what is written, that
it is written safely and the same way every time, that the API serves the same bytes, and that a
real browser sees the JSON-LD and the figures."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import CORPORA, EXAMPLES
from tests.llmstxt import LlmsTxtError
from tests.llmstxt import parse as parse_llms_txt

TODAY = "2026-11-23"
runner = CliRunner()


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The example KB, indexed once with the fake embedder, shared by the tests of this module."""
    from knowledge import embedding

    root = tmp_path_factory.mktemp("aeo") / "kb"
    shutil.copytree(EXAMPLES / "kb", root, ignore=shutil.ignore_patterns(".canon"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_EMBEDDER", "fake")
        embedding._cached_embedder.cache_clear()
        r = runner.invoke(app, ["ingest", "--kb", str(root)])
        assert r.exit_code == 0, r.output
        yield root
    embedding._cached_embedder.cache_clear()


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANON_EMBEDDER", "fake")


def export(kb: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["export", "aeo", str(out), "--kb", str(kb), "--today", TODAY, *extra])


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def audit_json(kb: Path) -> dict[str, Any]:
    r = runner.invoke(app, ["audit", "--kb", str(kb), "--today", TODAY, "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    data: dict[str, Any] = json.loads(r.stdout)
    return data


@pytest.fixture(scope="module")
def exported(kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "aeo"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CANON_EMBEDDER", "fake")
        r = export(kb, out)
    assert r.exit_code == 0, r.output
    assert "Wrote" in r.output and "left out" in r.output
    return out


# ------------------------------------------------------------------------------------------------
# The llms.txt parser itself


def test_the_parser_reads_the_proposals_example_and_rejects_what_departs_from_it():
    doc = parse_llms_txt("# FastHTML\n\n> FastHTML is a python library.\n\nImportant notes:\n\n- Not React.\n\n"
                         "## Docs\n\n- [Quick start](https://x/quickstart.html.md): A brief overview\n"
                         "- [Ref](https://x/ref.md)\n\n## Optional\n\n- [Starlette](https://x/s.md)\n")
    assert doc.title == "FastHTML" and doc.summary == "FastHTML is a python library."
    assert doc.details == ["Important notes:", "- Not React."]
    assert [(s.name, s.optional, len(s.links)) for s in doc.sections] == [("Docs", False, 2), ("Optional", True, 1)]
    assert doc.links()[0].notes == "A brief overview" and doc.links()[1].notes is None
    for bad in ("> summary first\n# Title\n", "## Only a section\n", "# T\n\n### H3\n",
                "# T\n\n## S\n\nprose in a file list\n", "# T\n\n## S\n\n- no link here\n",
                "# T\n\n## S\n\n- [a](b)\n\n## S\n\n- [c](d)\n"):
        with pytest.raises(LlmsTxtError):
            parse_llms_txt(bad)


# ------------------------------------------------------------------------------------------------
# What is written


def test_llms_txt_follows_the_proposal_and_every_link_resolves(exported: Path):
    doc = parse_llms_txt((exported / "llms.txt").read_text())
    assert doc.title == "Lumen Field Service"
    assert doc.summary and doc.summary.startswith("Lumen Field Service runs a contractor's day")
    names = [s.name for s in doc.sections]
    # The example marks its case studies, proof points and positioning public; its answers are
    # playbooks for reps and stay inside.
    assert names == ["Proof points", "Case studies", "Optional"]
    assert set(names) <= {"Answers", "Proof points", "Case studies", "Optional"}
    checked = 0
    for listing in exported.rglob("llms.txt"):
        sub = parse_llms_txt(listing.read_text())
        folder = listing.parent.relative_to(exported).as_posix()
        for link in sub.links():
            target = posixpath.normpath(posixpath.join(folder, link.url))
            assert (exported / target).is_file(), f"{listing}: {link.url} does not resolve"
            assert link.notes, f"{link.url} has no answer-first note"
            checked += 1
    assert checked > len(doc.links())  # the per-section files were checked too
    full = (exported / "llms-full.txt").read_text()
    for link in doc.links():
        assert (exported / link.url).read_text() in full


def test_manifest_lists_every_entry_and_why_one_is_left_out(kb: Path, exported: Path):
    from knowledge.indexed import load_indexed_kb
    from knowledge.settings import load_settings

    manifest = json.loads((exported / "manifest.json").read_text())
    assert manifest["generator"] == "canon" and manifest["today"] == TODAY and manifest["kb"] == "Lumen Field Service"
    entries = {e["id"]: e for e in manifest["entries"]}
    assert set(entries) == {e.id for e in load_indexed_kb(load_settings(kb)).entries}
    assert entries["messaging/mobile-app"]["reasons"][0] == "draft"
    assert entries["proof-points/drive-time-2024"]["reasons"][0] == "retired"
    assert all(entries[i]["reasons"] == ["objection"] for i in entries if i.startswith("objections/"))
    # Whatever the rules find today, an entry they find stale, conflicting, unsourced or retired is not
    # exported, and the manifest gives the rule and the line.
    excluding = {"stale-claim", "metric-conflict", "unsourced-claim", "retired-claim"}
    flagged = {(f["path"], f["rule"], f["line"]) for f in audit_json(kb)["findings"]
               if f["rule"] in excluding and f["severity"] in ("warning", "error")}
    for e in entries.values():
        hits = {(rule, line) for path, rule, line in flagged if path == e["path"]}
        if e["included"]:
            assert not hits, e
            for key in ("page", "markdown", "jsonld"):
                assert (exported / e[key]).is_file()
        else:
            assert e["reasons"]
            assert hits <= {(f["rule"], f["line"]) for f in e["findings"]}
    assert manifest["counts"]["included"] == sum(e["included"] for e in entries.values()) > 0


def test_pages_state_the_answer_first_then_figures_and_sources(exported: Path):
    manifest = json.loads((exported / "manifest.json").read_text())
    pages = [e for e in manifest["entries"] if e["included"] and e["type"] in ("proof_point", "case_study")]
    assert pages
    for e in pages:
        text = (exported / e["markdown"]).read_text()
        lines = text.split("\n")
        assert lines[0].startswith("# ") and lines[1] == "" and lines[2] and not lines[2].startswith("#")
        if "## Key figures" in text and "## Sources" in text:
            assert text.index("## Key figures") < text.index("## Sources")
        assert "Last reviewed: " in lines[-2]
        ld = json.loads((exported / e["jsonld"]).read_text())
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "Article"


def test_the_same_kb_and_day_give_the_same_bytes(kb: Path, exported: Path, tmp_path: Path):
    again = tmp_path / "again"
    assert export(kb, again).exit_code == 0
    assert files_of(again) == files_of(exported)
    # Over a previous export: replaced as a whole, with nothing of the old one left over.
    (again / "case-studies" / "stray.md").write_text("left from an older export")
    assert export(kb, again).exit_code == 0
    assert files_of(again) == files_of(exported)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "again"]
    assert leftovers == []


def test_base_url_makes_links_absolute(kb: Path, tmp_path: Path):
    out = tmp_path / "abs"
    assert export(kb, out, "--base-url", "https://lumen.example/ai").exit_code == 0
    doc = parse_llms_txt((out / "llms.txt").read_text())
    assert doc.links() and all(link.url.startswith("https://lumen.example/ai/") for link in doc.links())
    for link in doc.links():
        assert (out / link.url.removeprefix("https://lumen.example/ai/")).is_file()
    r = export(kb, tmp_path / "bad", "--base-url", "lumen.example")
    assert r.exit_code == 2 and "base-url" in r.output


def test_refuses_a_folder_canon_did_not_write_unless_forced(kb: Path, tmp_path: Path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.html").write_text("mine")
    r = export(kb, out)
    said = " ".join(r.output.split())  # the message wraps at the terminal's width, where the path ends
    assert r.exit_code == 2 and "not empty" in said and "--force" in said
    assert files_of(out) == {"index.html": b"mine"}
    assert export(kb, out, "--force").exit_code == 0
    assert files_of(out)["index.html"] != b"mine" and (out / "manifest.json").is_file()  # canon's own index now
    file_target = tmp_path / "a-file"
    file_target.write_text("x")
    assert export(kb, file_target).exit_code == 2
    # Inside the KB, the pages would come back as entries on the next ingest; a hidden folder there
    # may be the KB's git repository, which --force would replace.
    for inside in (kb / "site", kb / ".aeo", kb / ".canon", kb / "calls" / "out"):
        for extra in ((), ("--force",)):
            r = export(kb, inside, *extra)
            assert r.exit_code == 2 and "inside the KB" in " ".join(r.output.split()), (inside, r.output)
    assert not (kb / "site").exists() and not (kb / ".aeo").exists()


def test_an_export_never_replaces_the_kb_its_calls_or_its_index(tmp_path: Path):
    """The drill: ``canon export aeo victim --kb victim/kb --force`` deleted the KB."""
    victim = tmp_path / "victim"
    root = victim / "kb"
    shutil.copytree(EXAMPLES / "kb", root, ignore=shutil.ignore_patterns(".canon"))
    before = files_of(root)
    for out in (victim, root, tmp_path):
        r = export(root, out, "--force")
        said = " ".join(r.output.split())
        assert r.exit_code == 2 and "would delete it" in said and "--force does not change this" in said, said
    assert files_of(root) == before
    # A calls folder and an index outside the KB are protected the same way.
    calls, index = tmp_path / "shared-calls", tmp_path / "shared-index"
    shutil.move(str(root / "calls"), calls)
    index.mkdir()
    env = {"CANON_CALLS_PATH": str(calls), "CANON_INDEX_PATH": str(index)}
    for out, what in ((calls, "the calls folder"), (calls / "site", "the calls folder"), (index / "x", "the index")):
        r = runner.invoke(app, ["export", "aeo", str(out), "--kb", str(root), "--today", TODAY, "--force"], env=env)
        assert r.exit_code == 2 and what in " ".join(r.output.split()), r.output
    assert any(calls.iterdir())


def test_an_export_never_replaces_the_current_folder(kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    work = tmp_path / "project"
    (work / "src").mkdir(parents=True)
    (work / "src" / "main.py").write_text("print('mine')\n")
    monkeypatch.chdir(work / "src")
    r = export(kb, work, "--force")
    assert r.exit_code == 2 and "current folder" in " ".join(r.output.split())
    assert (work / "src" / "main.py").read_text() == "print('mine')\n"


def test_an_interrupted_write_keeps_the_previous_export(kb: Path, exported: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    from knowledge.aeo import build_export, write_export
    from knowledge.errors import UsageError
    from knowledge.settings import load_settings

    out = tmp_path / "site"
    shutil.copytree(exported, out)
    before = files_of(out)
    result = build_export(load_settings(kb), today=__import__("datetime").date(2026, 11, 24))
    written: list[Path] = []
    real = Path.write_bytes

    def fail_after_three(self: Path, data: bytes) -> int:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(self)
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fail_after_three)
    with pytest.raises(UsageError, match="No space left"):
        write_export(result, out)
    monkeypatch.undo()
    assert files_of(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left behind


def test_every_link_of_every_html_page_and_llms_txt_resolves(exported: Path):
    """The HTML a browser opens: the index lists every page, each page links back to the index and
    to llms.txt, and every relative link of every HTML file and llms.txt lands on a file."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.lang: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "html":
                self.lang = found.get("lang")
            if tag in ("a", "link") and found.get("href"):
                self.hrefs.append(found["href"] or "")

    pages = sorted(p for p in exported.rglob("*.html"))
    assert exported / "index.html" in pages and len(pages) > 2
    listed: set[str] = set()
    for page in pages:
        parser = Links()
        parser.feed(page.read_text())
        assert parser.lang == "en", page
        folder = page.parent.relative_to(exported).as_posix()
        targets = {posixpath.normpath(posixpath.join(folder, href)) for href in parser.hrefs
                   if not href.startswith(("http://", "https://"))}
        for target in targets:
            assert (exported / target).is_file(), f"{page}: {target} does not resolve"
        if page.name == "index.html":
            listed = targets
        else:
            assert {"index.html", "llms.txt"} <= targets, page
    assert {p.relative_to(exported).as_posix() for p in pages} - {"index.html"} <= listed
    for listing in exported.rglob("llms.txt"):
        folder = listing.parent.relative_to(exported).as_posix()
        for url in re.findall(r"\]\(([^)\s]+)\)", listing.read_text()):
            assert (exported / posixpath.normpath(posixpath.join(folder, url))).is_file(), (listing, url)
        assert listing.name == "llms.txt" and ".html)" in listing.read_text()


def test_a_renamed_public_entry_is_reported_and_listed_as_removed(tmp_path: Path):
    """Day two: a file renamed moves its page; the export says so, names the new file and how to keep
    the address, and the manifest lists the old page."""
    root = tmp_path / "kb"
    shutil.copytree(EXAMPLES / "kb", root, ignore=shutil.ignore_patterns(".canon"))
    out = tmp_path / "site"
    assert export(root, out).exit_code == 0
    assert (out / "proof-points/no-shows.html").is_file()
    (root / "proof-points/no-shows.md").rename(root / "proof-points/fewer-no-shows.md")
    r = export(root, out)
    assert r.exit_code == 0, r.output
    said = " ".join(r.stderr.split())
    assert "Warning: proof-points/no-shows was published last time at proof-points/no-shows.html" in said
    assert "renamed to proof-points/fewer-no-shows.md" in said and "`id: proof-points/no-shows`" in said
    manifest = json.loads((out / "manifest.json").read_text())
    [removed] = manifest["removed"]
    assert removed["id"] == "proof-points/no-shows" and removed["moved_to"]["page"] == "proof-points/fewer-no-shows.html"
    assert not (out / "proof-points/no-shows.html").exists()
    # Pinned as the warning says: the page is back at its address.
    text = (root / "proof-points/fewer-no-shows.md").read_text()
    (root / "proof-points/fewer-no-shows.md").write_text(text.replace("---\n", "---\nid: proof-points/no-shows\n", 1))
    r = export(root, out)
    assert r.exit_code == 0 and (out / "proof-points/no-shows.html").is_file()
    # Only the address it had for one export is listed now, as gone back to the old one.
    [removed] = json.loads((out / "manifest.json").read_text())["removed"]
    assert removed["id"] == "proof-points/fewer-no-shows" and removed["moved_to"]["id"] == "proof-points/no-shows"
    assert "back at its earlier address proof-points/no-shows.html" in " ".join(r.stderr.split())


# ------------------------------------------------------------------------------------------------
# Readiness


def test_aeo_score_lists_the_entries_with_most_to_gain_first(kb: Path):
    r = runner.invoke(app, ["aeo", "score", "--kb", str(kb), "--today", TODAY, "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert 0 <= data["score"] <= 100 and data["entries_scored"] == len(data["entries"]) > 5
    lost = [e["lost"] for e in data["entries"]]
    assert lost == sorted(lost, reverse=True)
    assert all(e["score"] + e["lost"] == 100 for e in data["entries"])
    assert {e["type"] for e in data["entries"]} <= {"message", "proof_point", "case_study", "answer"}
    assert data["top_reasons"] and all(t["entries"] > 0 for t in data["top_reasons"])
    overdue = next(e for e in data["entries"] if e["entry"] == "proof-points/get-paid-faster")
    assert any("review overdue" in reason for reason in overdue["reasons"])

    short = runner.invoke(app, ["aeo", "score", "--kb", str(kb), "--today", TODAY, "--format", "json", "--limit", "2"])
    assert json.loads(short.stdout)["entries"] == data["entries"][:2]
    text = runner.invoke(app, ["aeo", "score", "--kb", str(kb), "--today", TODAY, "--limit", "3"])
    assert text.exit_code == 0
    said = " ".join(text.output.split())
    assert f"AEO readiness: {data['score']:g}/100" in said and "Where entries lose points" in said
    assert "more (raise --limit)" in said
    # Each piece of advice names the file and line and says what to do.
    full = " ".join(runner.invoke(app, ["aeo", "score", "--kb", str(kb), "--today", TODAY]).output.split())
    assert re.search(r"proof-points/get-paid-faster\.md:\d+: review overdue since \d{4}-\d\d-\d\d: "
                     r"update `reviewed:` after reviewing the entry \(-15\)", full), full

    # canon audit carries the same score in its summary, and says it in one line.
    summary = audit_json(kb)["summary"]
    assert summary["aeo"] == {"score": data["score"], "entries": data["entries_scored"]}
    audit_text = runner.invoke(app, ["audit", "--kb", str(kb), "--today", TODAY])
    assert f"AEO readiness {data['score']:g}/100" in " ".join(audit_text.output.split())


# ------------------------------------------------------------------------------------------------
# The API serves the same bytes


@pytest.fixture
def client(kb: Path) -> Any:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from knowledge.settings import load_settings

    return TestClient(create_app(load_settings(kb)))


def test_api_serves_the_exported_files(client: Any, exported: Path, kb: Path, tmp_path: Path):
    r = client.get("/v1/aeo/llms.txt", params={"today": TODAY})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    assert r.content == (exported / "llms.txt").read_bytes()
    absolute = tmp_path / "abs"
    assert export(kb, absolute, "--base-url", "https://lumen.example/ai/").exit_code == 0
    r = client.get("/v1/aeo/llms.txt", params={"today": TODAY, "base_url": "https://lumen.example/ai/"})
    assert r.content == (absolute / "llms.txt").read_bytes()
    assert client.get("/v1/aeo/llms-full.txt", params={"today": TODAY}).content == (
        exported / "llms-full.txt").read_bytes()
    assert client.get("/v1/aeo/manifest", params={"today": TODAY}).content == (exported / "manifest.json").read_bytes()

    manifest = json.loads((exported / "manifest.json").read_text())
    page = next(e for e in manifest["entries"] if e["included"])
    r = client.get(f"/v1/aeo/pages/{page['id']}", params={"today": TODAY})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert r.content == (exported / page["markdown"]).read_bytes()
    r = client.get(f"/v1/aeo/pages/{page['id']}", params={"today": TODAY, "format": "jsonld"})
    assert r.headers["content-type"].startswith("application/ld+json")
    assert r.content == (exported / page["jsonld"]).read_bytes()

    left_out = next(e for e in manifest["entries"] if not e["included"])
    r = client.get(f"/v1/aeo/pages/{left_out['id']}", params={"today": TODAY})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert left_out["reasons"][0] in r.json()["error"]["message"]
    assert client.get("/v1/aeo/pages/answers/pricing", params={"format": "pdf"}).status_code == 400
    r = client.get("/v1/aeo/llms.txt", params={"base_url": "not a url"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"


def test_api_score_is_the_clis_json(client: Any, kb: Path):
    api = client.get("/v1/aeo/score", params={"today": TODAY, "limit": 4}).json()
    cli = runner.invoke(app, ["aeo", "score", "--kb", str(kb), "--today", TODAY, "--format", "json", "--limit", "4"])
    assert json.loads(cli.stdout) == api


# ------------------------------------------------------------------------------------------------
# A real browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_a_headless_browser_sees_the_jsonld_and_the_figures(exported: Path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (apt-get install -y chromium) to render the exported HTML")
    manifest = json.loads((exported / "manifest.json").read_text())
    page = next(e for e in manifest["entries"] if e["included"] and e["type"] == "proof_point")
    html_file = exported / page["page"]
    env = {**os.environ, "HOME": str(exported.parent)}  # Chromium writes its profile under HOME
    try:
        done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                               html_file.as_uri()], capture_output=True, text=True, timeout=120, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"Chromium could not be run here: {exc}")
    if done.returncode != 0 or "<html" not in done.stdout:
        pytest.skip(f"Chromium could not render a page here (exit {done.returncode}): {done.stderr[-300:]}")
    dom = done.stdout
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', dom, re.S)
    assert len(scripts) == 1
    ld = json.loads(scripts[0])
    assert ld == json.loads((exported / page["jsonld"]).read_text())
    for observation in ld["about"]:
        figure = observation["description"].split(" (")[0]
        assert figure in dom  # every key figure is on the rendered page
    assert "<h2>Key figures</h2>" in dom and "<h2>Sources</h2>" in dom


# ------------------------------------------------------------------------------------------------
# Nothing internal leaves, on every corpus


CORPUS_KBS = {
    "examples": EXAMPLES / "kb",
    "northwind": CORPORA / "northwind" / "kb",
    "larkspur": CORPORA / "larkspur" / "kb",
    "real-labelled": CORPORA / "real-labelled",
}
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# An entry planted in every corpus: public, with one of each kind of internal content, so that the
# check below has something to catch wherever the corpus itself marks nothing.
PLANTED = """---
type: proof_point
title: Planted public page
owner: planted.owner@corpus.example
reviewed: {today}
audience: [public]
sources:
  - title: Planted study
    date: {today}
---

# Planted public page

Customers save 12 hours a week on average (Planted study, 2026).

## Talk track for reps

PLANTED-TALK-TRACK say it like this.

<!-- canon-internal -->
PLANTED-INTERNAL-BLOCK the floor price.
<!-- /canon-internal -->

## Results

Ask planted.rep@corpus.example for the deck.
"""
HEADING_MARKERS = re.compile(r"^#+ .*\b(internal|coaching|talk ?tracks?|for reps)\b", re.I | re.M)


def _corpus_copy(name: str, tmp_path: Path, publish: str) -> Path:
    source = CORPUS_KBS[name]
    if not source.is_dir():
        pytest.skip(f"the {name} corpus is not here ({source})")
    root = tmp_path / name
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".canon", "_build"))
    with (root / "canon.toml").open("a", encoding="utf-8") as toml:
        toml.write(f'\n[aeo]\npublish = "{publish}"\n')
    (root / "planted.md").write_text(PLANTED.format(today="2026-10-01"))
    return root


@pytest.mark.parametrize("publish", ["public", "approved"])
@pytest.mark.parametrize("name", sorted(CORPUS_KBS))
def test_no_corpus_leaks_internal_content_examples_or_e_mail(name: str, publish: str, tmp_path: Path):
    from ingest.kb import load_kb
    from knowledge.settings import load_settings

    root = _corpus_copy(name, tmp_path, publish)
    out = tmp_path / "out"
    r = export(root, out, "--today", "2026-11-01")
    assert r.exit_code == 0, r.output
    files = {path: data.decode("utf-8") for path, data in files_of(out).items()}
    manifest = json.loads(files["manifest.json"])
    entries = {e["id"]: e for e in manifest["entries"]}
    assert entries["planted"]["included"] is True  # the check below is live on every corpus
    if publish == "approved" and name != "examples":
        assert manifest["counts"]["included"] > 1  # and so it is on the corpus's own pages
    kb = load_kb(load_settings(root))
    examples = [x for e in kb.entries for x in e.examples if len(x) >= 12]
    assert examples or name == "real-labelled"
    for path, text in files.items():
        assert "canon-internal" not in text and "PLANTED-" not in text, path
        assert not EMAIL.search(text), (path, EMAIL.search(text))
        if path.endswith((".md", ".txt")):
            assert not HEADING_MARKERS.search(text), (path, HEADING_MARKERS.search(text))
        for example in examples:
            assert example not in text, (path, example)
