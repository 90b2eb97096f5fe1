"""Output a CI log and a script can read: the real command, its output captured (not a terminal).

No wrapping at 80 columns, plain progress lines for a long ingest, clear words on Ctrl-C, SARIF
paths from the repository's root, and the words that say why the index is refreshed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import REPO, write_kb


def canon(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``canon`` command with stdout and stderr captured (so: not a terminal)."""
    base = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    full = {**base, "CANON_EMBEDDER": "fake", "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=cwd, env=full, capture_output=True,
                          stdin=subprocess.DEVNULL,  # as in CI: no terminal anywhere
                          text=True, timeout=300)


LONG_FOLDER = "a-folder-with-a-long-name-so-that-the-error-message-runs-well-past-eighty-columns"


def test_an_error_is_one_line_when_stderr_is_not_a_terminal(tmp_path):
    where = tmp_path / LONG_FOLDER
    where.mkdir()
    r = canon("audit", cwd=where)
    assert r.returncode == 2
    first = r.stderr.splitlines()[0]
    assert first.startswith("canon: error: no canon.toml in ") and first.endswith("and no --kb given"), r.stderr
    assert len(first) > 80


def test_columns_still_sets_the_width(tmp_path):
    where = tmp_path / LONG_FOLDER
    where.mkdir()
    r = canon("audit", cwd=where, env={"COLUMNS": "60"})
    assert r.returncode == 2
    assert max(len(line) for line in r.stderr.splitlines()) <= 60


def test_ingest_summary_and_objection_ids_are_not_cut(example_kb):
    r = canon("ingest", "--kb", str(example_kb))
    assert r.returncode == 0, r.stderr
    summary = r.stdout.splitlines()[1]
    assert "texts embedded" in summary and summary.rstrip().endswith("s"), r.stdout  # "…; 3.37s" on its line

    found = json.loads(canon("objections", "--kb", str(example_kb), "--format", "json").stdout)
    ids = [o["id"] for o in found["objections"]] + [o["answers"][0]["entry"] for o in found["objections"] if o["answers"]]
    assert ids
    table = canon("objections", "--kb", str(example_kb)).stdout
    for i in ids:
        assert i in table, (i, table)


# --- progress lines ---------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _lines(ticks: list[tuple[float, str, int, int]]) -> list[str]:
    from cli.ingest import _ProgressLines

    err = Console(record=True, width=10_000, file=open(os.devnull, "w"))
    clock = Clock()
    with _ProgressLines(err, clock=clock) as progress:
        for at, phase, done, total in ticks:
            clock.now = at
            progress(phase, done, total)
    return err.export_text().splitlines()


def test_a_long_ingest_prints_a_line_each_tenth_at_most_every_10_seconds():
    # 20,305 texts in batches of 1,024, one batch every 5 s: about 100 s of embedding.
    ticks = [(5.0 * (i + 1), "embed", min(1024 * (i + 1), 20_305), 20_305) for i in range(20)]
    lines = _lines(ticks)
    assert lines[0] == "embedding 2,048 of 20,305 texts (10%), 10 s so far"
    assert 5 <= len(lines) <= 10  # a tenth at a time, but never two within 10 s
    assert lines[-1].startswith("embedding 20,305 of 20,305 texts (100%)")


def test_a_slow_phase_still_prints_a_line_a_minute_and_a_quick_one_nothing():
    slow = _lines([(70.0 * (i + 1), "embed", 10 * (i + 1), 2_000) for i in range(3)])
    assert slow == ["embedding 10 of 2,000 texts (0%), 1 min so far", "embedding 20 of 2,000 texts (1%), 2 min so far",
                    "embedding 30 of 2,000 texts (1%), 3 min so far"]
    assert _lines([(0.5, "parse", 1, 2), (1.0, "parse", 2, 2), (3.0, "embed", 40, 40)]) == []


# --- Ctrl-C --------------------------------------------------------------------------------------

ENTRY = """---
type: proof_point
title: {title}
owner: ana@example.com
reviewed: 2026-10-01
---

# {title}

{body}
"""


def _kb(root: Path) -> Path:
    return write_kb(root, {
        f"proof/p{i}.md": ENTRY.format(title=f"Zone {i} picking", body=f"Zone {i} picks {i + 2} weeks early.")
        for i in range(3)}, toml='[kb]\nname = "Test Co"\n')


def _interrupted_ingest(root: Path, at: str) -> subprocess.CompletedProcess[str]:
    return canon("ingest", "--kb", str(root), env={"CANON_TEST_KILL_AT": at, "CANON_TEST_KILL_SIGNAL": "SIGINT"})


def _more_work(root: Path) -> None:
    for i in range(5):
        (root / f"more/m{i}.md").parent.mkdir(exist_ok=True)
        (root / f"more/m{i}.md").write_text(ENTRY.format(title=f"Dock {i}", body=f"Dock {i} loads {i + 1}x faster."))


def _generation(root: Path) -> str:
    with sqlite3.connect(root / ".canon" / "catalog.sqlite") as db:
        return str(db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])


def test_ctrl_c_before_the_switch_says_the_previous_index_is_intact(tmp_path):
    root = _kb(tmp_path / "kb")
    assert canon("ingest", "--kb", str(root)).returncode == 0
    before = _generation(root)
    _more_work(root)
    r = _interrupted_ingest(root, "embed")
    assert r.returncode == 130
    assert "Interrupted: the previous index is intact; run `canon ingest` to finish." in r.stderr
    assert _generation(root) == before  # true: the catalog did not switch
    done = canon("ingest", "--kb", str(root), "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["texts_reused"] > 0


def test_ctrl_c_after_the_switch_says_the_index_was_updated(tmp_path):
    root = _kb(tmp_path / "kb")
    assert canon("ingest", "--kb", str(root)).returncode == 0
    before = _generation(root)
    _more_work(root)
    r = _interrupted_ingest(root, "switched")
    assert r.returncode == 130
    assert "Interrupted: the index was already updated" in r.stderr and "run `canon ingest` to finish" in r.stderr
    assert _generation(root) != before
    assert "The last ingest did not finish" in canon("audit", "--kb", str(root)).stderr


def test_ctrl_c_during_the_first_ingest_says_no_index_was_built_yet(tmp_path):
    root = _kb(tmp_path / "kb")
    r = _interrupted_ingest(root, "embed")
    assert r.returncode == 130
    assert "Interrupted: no index was built yet; run `canon ingest` to build it" in r.stderr
    # json on stdout stays empty: a script sees the exit code, a person the words on stderr
    assert r.stdout == ""


# --- why the index is refreshed ------------------------------------------------------------------

def test_the_first_build_says_building_not_changed(tmp_path):
    root = _kb(tmp_path / "kb")
    r = canon("audit", "--kb", str(root))
    assert "Building the index (none yet)" in r.stderr and "changed since" not in r.stderr
    root2 = root / "p0.md"
    assert not root2.exists()
    (root / "proof/p0.md").write_text(ENTRY.format(title="Zone 0 picking", body="Zone 0 picks 9 weeks early."))
    assert "The KB changed since the last ingest" in canon("audit", "--kb", str(root)).stderr


def test_an_index_built_on_a_server_then_used_embedded_says_the_store_changed(tmp_path):
    root = _kb(tmp_path / "kb")
    assert canon("ingest", "--kb", str(root)).returncode == 0
    with sqlite3.connect(root / ".canon" / "catalog.sqlite") as db:  # as a Chroma server's index reads
        db.execute("DELETE FROM meta WHERE key='store_gen'")
    r = canon("audit", "--kb", str(root))
    assert "The store changed:" in r.stderr and "changed since the last ingest" not in r.stderr, r.stderr


# --- SARIF paths ---------------------------------------------------------------------------------

def test_sarif_uris_start_at_the_git_top_level_from_any_folder(tmp_path):
    repo = tmp_path / "repo"
    root = _kb(repo / "kb")
    (root / "proof/p1.md").write_text(ENTRY.format(title="Zone 1 picking", body="Zone 1 picks 4 weeks early.")
                                      .replace("owner: ana@example.com\n", "status: approved\n"))
    (repo / "drafts").mkdir()
    (repo / "drafts/post.md").write_text("# Post\n\nZone 1 picks 7 weeks early.\n")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)

    def uris(cwd: Path, *args: str) -> tuple[set[str], str]:
        r = canon(*args, "--format", "sarif", cwd=cwd)
        run = json.loads(r.stdout)["runs"][0]
        found = {loc["physicalLocation"]["artifactLocation"]["uri"] for res in run["results"]
                 for loc in res["locations"]}
        return found, run["originalUriBaseIds"]["%SRCROOT%"]["uri"]

    from_kb, base_kb = uris(root, "audit")
    from_top, base_top = uris(repo, "audit", "--kb", "kb")
    assert from_kb == from_top and from_kb and all(u.startswith("kb/") for u in from_kb), from_kb
    assert base_kb == base_top == repo.resolve().as_uri() + "/"

    drafts_from_kb, _ = uris(root, "check", "../drafts/post.md")
    assert "drafts/post.md" in drafts_from_kb, drafts_from_kb


def test_sarif_outside_git_stays_relative_to_the_current_folder(tmp_path):
    root = _kb(tmp_path / "kb")
    r = canon("audit", "--format", "sarif", cwd=root)
    run = json.loads(r.stdout)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"


@pytest.mark.parametrize(("value", "name", "shown"), [
    ("3.5 days", "days from return to refund", "from return to refund"),
    ("1 day", "days to first invoice", "to first invoice"),
    ("6 weeks", "median time to go live", "median time to go live"),
    ("78%", "percent of tickets closed", "percent of tickets closed"),
    ("12 hours", "hours", "hours"),
])
def test_a_metric_name_that_starts_with_its_unit_does_not_repeat_it(value, name, shown):
    from knowledge.render import name_after_value

    assert name_after_value(value, name) == shown


def test_the_chroma_hint_names_the_configured_port(tmp_path):
    from tests.conftest import free_port

    port = free_port()
    r = canon("ingest", "--kb", str(_kb(tmp_path / "kb")), "--chroma-url", f"http://127.0.0.1:{port}")
    assert r.returncode == 2
    assert f"--port {port}`" in r.stderr and "--port 8000" not in r.stderr, r.stderr


def test_the_hint_port_of_other_urls():
    from knowledge.store import _hint_port, server_address

    assert _hint_port("http://127.0.0.1:18790") == "18790"
    assert _hint_port("localhost:9001") == "9001"
    assert _hint_port("http://chroma.internal") == "8000"
    assert server_address("https://chroma.example.com") == ("chroma.example.com", 443, True)


def test_a_long_best_answer_id_stays_on_one_line_in_the_objections_table():
    from knowledge.render import render_objections_text

    entry = "answers/deposits-and-refunds-when-weather-cancels-an-event"
    row = {"id": "objections/weather", "label": "Refunds when weather cancels", "known": True, "calls": 1,
           "covered": True, "mentions": [], "answers": [{"entry": entry, "score": 0.5, "explicit": True}]}
    out = Console(width=10_000, record=True, file=open(os.devnull, "w"))
    out.print(render_objections_text({"calls": 1, "objections": [row], "roles_unknown": []}))
    assert entry in out.export_text()


PAGE = """---
type: article
title: Hearing Health Month
owner: dana@sonaro.example
---

Sonaro books, reminds and follows up every patient from one calendar, so that the front desk, the
audiologists and the patient always see the same appointment and the same price.
"""
OTHER = """---
type: answer
title: Pricing for small practices
owner: dana@sonaro.example
---

A practice with two rooms pays a flat monthly fee; the fee covers payroll exports, insurance claims
and the warranty tracker, and there is no charge per hearing aid fitted.
"""


def test_a_cluster_of_near_identical_pages_is_one_block_in_text_and_one_group_in_json(tmp_path):
    pages = {f"blog/post-{n}.md": PAGE for n in range(1, 5)}
    kb = write_kb(tmp_path / "kb", {**pages, "faq/a.md": OTHER, "faq/b.md": OTHER}, toml="[kb]\nname = 'Sonaro'\n")
    r = canon("audit", "--kb", str(kb), "--rule", "duplicate-entry", "--today", "2026-12-01", cwd=kb)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    head = [n for n, line in enumerate(lines) if "4 pages nearly identical" in line]
    assert len(head) == 1, r.stdout
    assert "(6 findings, one per pair)" in lines[head[0]]
    assert lines[head[0] + 1:head[0] + 5] == [f"  blog/post-{n}.md:3" for n in range(1, 5)], r.stdout
    assert r.stdout.count("says nearly the same as") == 1, r.stdout  # a lone pair reads as before
    assert "7 findings (7 warnings)" in r.stdout  # the count is still one finding per pair

    found = json.loads(canon("audit", "--kb", str(kb), "--rule", "duplicate-entry", "--today", "2026-12-01",
                             "--format", "json", cwd=kb).stdout)["findings"]
    assert len(found) == 7 and all(len(f["related"]) == 1 for f in found)  # SPEC: one finding per pair
    groups = {f["group"] for f in found if f["path"].startswith("blog/")}
    assert groups == {"blog/post-1"}
    assert {f["group"] for f in found if f["path"].startswith("faq/")} == {"faq/a"}


CALL = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Dana Ortiz>Clinics on Sonaro cut no-shows by 60% in the first quarter.

00:00:05.000 --> 00:00:08.000
<v Sam Lee>That sounds high, our no-show rate is about 12%.
"""


def test_the_audit_says_when_speakers_roles_are_unknown(tmp_path):
    kb = write_kb(tmp_path / "kb", {"articles/a.md": OTHER, "calls/demo.vtt": CALL},
                  toml="[kb]\nname = 'Sonaro'\n[calls]\npath = 'calls'\n")
    r = canon("audit", "--kb", str(kb), "--today", "2026-12-01", cwd=kb)
    assert r.returncode in (0, 1), r.stderr
    note = [line for line in r.stdout.splitlines() if "Roles unknown" in line]
    assert note == ["  Roles unknown in 1 call(s): every speaker was read as a prospect, so no rep's figure in them "
                    "was checked. Set [calls] internal_speakers or internal_domains in canon.toml (`canon ingest` names "
                    "each call's speakers)."], r.stdout
    out = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--format", "json", cwd=kb).stdout)
    assert out["roles_unknown"] == ["calls/demo.vtt"]

    kb = write_kb(tmp_path / "known", {"articles/a.md": OTHER, "calls/demo.vtt": CALL},
                  toml="[kb]\nname = 'Sonaro'\n[calls]\npath = 'calls'\ninternal_speakers = ['Dana Ortiz']\n")
    r = canon("audit", "--kb", str(kb), "--today", "2026-12-01", cwd=kb)
    assert "Roles unknown" not in r.stdout, r.stdout
    out = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--format", "json", cwd=kb).stdout)
    assert out["roles_unknown"] == []


STYLE = "<style>" + ".a{color:red}" * 3000 + "</style>"  # a minified page: 39,000 characters of style sheet
CONFLICT = "Brightwater Plumbing &amp; Heating raised its first-time fix rate from 74% to 92% with Lumen."


def test_a_minified_html_draft_is_read_as_its_text_and_its_conflict_fails_the_run(example_kb, tmp_path):
    page = f"<html><head>{STYLE}</head><body><h1>Spring</h1><p>{CONFLICT}</p></body></html>\n"
    draft = tmp_path / "minified.html"
    draft.write_text(page)
    r = canon("check", "--kb", str(example_kb), "--format", "json", str(draft))
    assert r.returncode == 1, r.stdout + r.stderr
    [found] = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "metric-conflict"]
    assert (found["line"], found["column"]) == (1, page.index("92%") + 1)  # where the file has it
    assert not [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "invalid-draft"]


def test_a_part_of_a_draft_left_unchecked_is_an_error_that_fails_the_run(example_kb, tmp_path):
    draft = tmp_path / "long.html"
    draft.write_text(f"<html><body>\n<p>{'words and more words ' * 1200}</p>\n<p>We answer in 2 hours.</p>\n"
                     "</body></html>\n")
    r = canon("check", "--kb", str(example_kb), str(draft))
    assert r.returncode == 1, r.stdout + r.stderr
    left = [line.split() for line in r.stdout.splitlines() if "invalid-draft" in line]
    assert [words[:3] for words in left] == [["2:4", "error", "invalid-draft"]], r.stdout
    assert "the text at line 2, column 4, has 25,199 characters, over canon's limit of 20,000" in r.stdout
    assert "3:17" in r.stdout  # the rest of the page is checked
    r = canon("check", "--kb", str(example_kb), "--fail-on", "never", str(draft))
    assert r.returncode == 0, r.stdout + r.stderr


def test_canon_toml_sets_the_severity_of_the_input_problems_as_of_any_rule(tmp_path):
    """A team may let unchecked parts of drafts, or entries that break the schema, pass: [rules]
    sets invalid-draft and invalid-entry as it sets any rule (SPEC's defaults are errors)."""
    kb = write_kb(tmp_path / "kb", {"a.md": "---\ntype: article\ntitle: Scheduling\nstatus: aproved\n---\n\n"
                                    "Book a hearing test online.\n"},
                  toml='[rules]\ninvalid-draft = "warning"\ninvalid-entry = "warning"\n')
    draft = tmp_path / "long.md"
    draft.write_text(f"{'words and more words ' * 1200}\n\nWe answer in 2 hours.\n")
    r = canon("check", "--kb", str(kb), "--format", "json", str(draft))
    assert r.returncode == 0, r.stdout + r.stderr
    assert [f["severity"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "invalid-draft"] == ["warning"]
    r = canon("audit", "--kb", str(kb), "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert {f["severity"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "invalid-entry"} == {"warning"}
    (kb / "canon.toml").write_text('[rules]\ninvalid-draft = "off"\n')
    r = canon("check", "--kb", str(kb), "--format", "json", str(draft))
    assert r.returncode == 0 and not [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "invalid-draft"]
    listed = canon("audit", "--list-rules").stdout
    assert "invalid-draft" in listed and "invalid-call" in listed
