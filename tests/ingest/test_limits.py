"""Hostile input: every input bounded in time and memory, files outside the KB never read, and
partial damage reported while the rest is read.

The bounded-resource tests run each input in a child process under an address-space cap
(``RLIMIT_AS``) and a timeout: before the limits, the 395-byte alias bomb grew past 6 GB and a
wall of numbers ran for minutes. A child that exceeds either fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.calls import load_calls, parse_call
from ingest.drafts import DraftTooLarge, load_draft, parse_draft_text
from ingest.kb import iter_entry_files, load_kb
from ingest.limits import MAX_ENTRY_BYTES, MAX_FINDINGS_PER_FILE, MAX_LINE_CHARS
from knowledge.model import Finding
from knowledge.serialize import _jsonable
from knowledge.settings import CallSettings, load_settings
from tests.conftest import REPO, write_kb
from tests.ingest import hostile_inputs

MEMORY_CAP = 1536 * 1024 * 1024  # address space of the child: the interpreter, numpy and the parse
TIMEOUT = 120  # seconds; generous for a shared CI machine, far below "never ends"


def _bounded(kind: str, name: str) -> dict[str, object]:
    code = (
        "import resource, runpy, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))\n"
        f"sys.argv = ['hostile', {kind!r}, {name!r}]\n"
        "runpy.run_module('tests.ingest.hostile_inputs', run_name='__main__')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("name, status, words", [
    ("alias-bomb", "draft", "more than 10,000 values"),
    ("self-alias", "draft", "refers to itself"),
    ("deep-yaml", "draft", "nested more than 32 levels"),
    ("wide-yaml", "draft", "more than 10,000 values"),
    ("number-wall", "approved", "claims from line"),
    ("long-line", "approved", "over canon's limit of 20,000"),
    ("huge-paragraph", "approved", "over canon's limit of 100,000"),
    ("over-size", None, "over canon's limit of 4.0 MB"),
])
def test_each_hostile_entry_is_bounded_and_reported(name: str, status: str | None, words: str) -> None:
    got = _bounded("entry", name)
    assert got["status"] == status
    findings = got["findings"]
    assert isinstance(findings, list) and findings
    assert all(f[0] == "invalid-entry" for f in findings)
    assert any(words in f[3] for f in findings), findings
    # What the index stores stays proportional to the input (the bomb stored 6 GB before).
    assert isinstance(got["stored_bytes"], int) and got["stored_bytes"] <= 3 * int(str(got["input_bytes"])) + 4096


@pytest.mark.parametrize("name", ["vtt-wall", "json-one-string"])
def test_each_hostile_call_is_bounded(name: str) -> None:
    got = _bounded("call", name)
    assert got["turns"] == 1, got
    if name == "vtt-wall":  # half the cues have impossible times: reported, capped, the rest read
        assert got["findings"] == MAX_FINDINGS_PER_FILE + 1
        assert "not a valid time" in str(got["first_finding"])


def test_serialising_never_expands_shared_values() -> None:
    bomb: object = ["lol"] * 9
    for _ in range(9):
        bomb = [bomb] * 9
    out = json.dumps(_jsonable({"x": bomb}))
    assert len(out) < 1_000_000
    loop: list[object] = [1]
    loop.append(loop)
    assert _jsonable(loop) == [1, "…"]


# --------------------------------------------------------------------------------------------
# Files stay inside


def _symlink(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symlinks here")


def test_a_link_out_of_the_kb_is_reported_and_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    kb = write_kb(tmp_path / "kb", {"articles/ok.md": "# OK\n\nFine.\n", "articles/shared.md": "# Shared\n\nIn.\n"})
    _symlink(kb / "articles" / "passwd.md", outside)
    _symlink(kb / "articles" / "zero.md", Path("/dev/zero"))
    _symlink(kb / "articles" / "dangling.md", tmp_path / "nothing-here")
    _symlink(kb / "answers" / "alias.md", kb / "articles" / "shared.md")  # stays inside: read
    (kb / ".git").mkdir()
    (kb / ".git" / "config.md").write_text("token = s3cret\n")
    _symlink(kb / "articles" / "git.md", kb / ".git" / "config.md")  # inside, but a hidden folder
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.md").write_text("# Elsewhere\n")
    _symlink(kb / "linked-folder", tmp_path / "elsewhere")

    loaded = load_kb(load_settings(kb))
    assert sorted(e.id for e in loaded.entries) == ["answers/alias", "articles/ok", "articles/shared"]
    problems = {f.path: f for f in loaded.problems}
    assert set(problems) == {"articles/passwd.md", "articles/zero.md", "articles/dangling.md", "articles/git.md",
                             "linked-folder"}
    assert all(f.rule == "invalid-entry" for f in problems.values())
    assert [p for p, f in problems.items() if f.severity == "warning"] == ["linked-folder"]  # nothing read
    assert "outside the KB folder" in problems["articles/passwd.md"].message
    assert "folder link that leads outside the KB folder" in problems["linked-folder"].message
    assert "hidden folder" in problems["articles/git.md"].message
    text = json.dumps([f.to_dict() for f in loaded.problems])
    assert "root:x" not in text and "s3cret" not in text and str(outside) not in text


def test_a_link_out_of_the_calls_folder_is_an_invalid_call(tmp_path: Path) -> None:
    kb = write_kb(tmp_path / "kb", {"calls/ok.txt": "Dana Wu: It costs too much.\n"})
    (tmp_path / "other.txt").write_text("Eve: secret plans\n")
    _symlink(kb / "calls" / "leak.txt", tmp_path / "other.txt")
    calls, problems = load_calls(load_settings(kb))
    assert [c.path for c in calls] == ["calls/ok.txt"]
    assert [(p.rule, p.path) for p in problems] == [("invalid-call", "calls/leak.txt")]
    assert "outside the calls folder" in problems[0].message


def test_the_index_never_holds_a_linked_file(tmp_path: Path, fake_embedder: object) -> None:
    from ingest.pipeline import ingest
    from knowledge.indexed import load_indexed_kb

    (tmp_path / "secret.txt").write_text("root:x:0:0 the password is hunter2\n")
    kb = write_kb(tmp_path / "kb", {"ok.md": "# OK\n\nFine.\n"})
    _symlink(kb / "passwd.md", tmp_path / "secret.txt")
    settings = load_settings(kb)
    report = ingest(settings, embedder=fake_embedder)
    assert [(p.rule, p.path) for p in report.problems] == [("invalid-entry", "passwd.md")]
    assert [e.id for e in load_indexed_kb(settings).entries] == ["ok"]
    catalog = b"".join(p.read_bytes() for p in (kb / ".canon").rglob("*") if p.is_file())
    assert b"hunter2" not in catalog

    # Nor is it served, or exported, even to a KB that publishes everything.
    from datetime import date

    from fastapi.testclient import TestClient

    from api.app import create_app
    from knowledge.aeo import build_export

    client = TestClient(create_app(settings))
    assert client.get("/v1/entries/passwd").status_code == 404
    assert "hunter2" not in client.get("/v1/entries").text
    settings.extra["aeo"] = {"publish": "approved"}
    export = build_export(settings, today=date(2026, 11, 1), embedder=fake_embedder)
    assert not any(b"hunter2" in data for data in export.files.values())
    manifest = json.loads(export.files["manifest.json"])
    assert {"id": None, "path": "passwd.md", "reasons": ["invalid"]}.items() <= next(
        e for e in manifest["entries"] if e["path"] == "passwd.md").items()


def test_iter_entry_files_lists_links_so_that_they_are_reported(tmp_path: Path) -> None:
    kb = write_kb(tmp_path / "kb", {"a.md": "# a\n"})
    _symlink(kb / "b.md", tmp_path / "nowhere.md")
    assert [p.name for p in iter_entry_files(load_settings(kb))] == ["a.md", "b.md"]


def test_a_calls_folder_linked_from_elsewhere_is_read_and_not_reported(tmp_path: Path) -> None:
    shared = write_kb(tmp_path / "shared-calls", {"c.txt": "Dana Wu: It costs too much.\n"})
    kb = write_kb(tmp_path / "kb", {"a.md": "# a\n\nText.\n"})
    _symlink(kb / "calls", shared)
    settings = load_settings(kb)
    assert load_kb(settings).problems == []
    calls, problems = load_calls(settings)
    assert [c.path for c in calls] == ["calls/c.txt"] and problems == []


# --------------------------------------------------------------------------------------------
# Limits within a file


def test_an_over_long_line_is_left_out_and_the_rest_read(tmp_path: Path) -> None:
    body = "# T\n\nIt saves 3 hours.\n\n" + "![x](data:image/png;base64," + "A" * (MAX_LINE_CHARS + 10) + ")\n\nAnd 5 days.\n"
    kb = write_kb(tmp_path, {"e.md": body})
    loaded = load_kb(load_settings(kb))
    [entry] = loaded.entries
    assert [c.line for c in entry.claims] == [3, 7]
    [problem] = loaded.problems
    assert (problem.line, problem.severity) == (5, "warning") and "left out" in problem.message


def test_many_over_long_lines_give_a_capped_number_of_findings(tmp_path: Path) -> None:
    body = "# T\n\n" + ("x" * (MAX_LINE_CHARS + 1) + "\n\n") * 30
    loaded = load_kb(load_settings(write_kb(tmp_path, {"e.md": body})))
    assert len(loaded.problems) == MAX_FINDINGS_PER_FILE + 1
    assert "20 more problems" in loaded.problems[-1].message


def test_drafts_have_the_same_limits(tmp_path: Path) -> None:
    with pytest.raises(DraftTooLarge, match="over canon's limit"):
        parse_draft_text("x" * (MAX_ENTRY_BYTES + 1), "big.md")
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (MAX_ENTRY_BYTES + 1))
    with pytest.raises(DraftTooLarge):
        load_draft(big)
    draft = parse_draft_text("It saves 3 hours.\n\n" + "9 " * 6000 + "\n", "d.md")
    assert [f.rule for f in draft.findings] == ["invalid-draft"]
    bomb = hostile_inputs.alias_bomb().decode()
    draft = parse_draft_text(bomb, "bomb.md")  # the bomb is not front matter to a draft: read as text
    assert draft.text == bomb


def test_a_fifo_named_as_a_draft_does_not_hang(tmp_path: Path) -> None:
    from knowledge.errors import UsageError

    fifo = tmp_path / "pipe.md"
    try:
        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs here")
    with pytest.raises(UsageError, match="not a regular file"):
        load_draft(fifo)


# --------------------------------------------------------------------------------------------
# WebVTT times


VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Dana Wu>It costs too much for us.

00:00:05.000 --> 00:00:03.000
<v Dana Wu>We paid 40% less last year.

00:75:00.000 --> 00:76:00.000
<v Jordan Lee>Our customers save 9 hours a week.

banana --> 00:00:09.000
<v Dana Wu>Send me the deck.

00:00:10.000 --> 00:00:12.000
<v Jordan Lee>Will do.
"""


def test_impossible_cue_times_are_reported_and_good_cues_still_parse(tmp_path: Path) -> None:
    path = tmp_path / "call.vtt"
    path.write_text(VTT)
    problems: list[Finding] = []
    call = parse_call(path, rel="calls/call.vtt", settings=CallSettings(), problems=problems)
    assert [(p.rule, p.severity, p.line) for p in problems] == [
        ("invalid-call", "warning", 6), ("invalid-call", "warning", 9), ("invalid-call", "warning", 12)]
    assert "ends (00:00:03.000) before it starts" in problems[0].message
    assert "below 60" in problems[1].message and "'banana'" in problems[2].message
    text = " ".join(t.text for t in call.turns)
    for words in ("costs too much", "40% less", "9 hours", "the deck", "Will do"):
        assert words in text  # every cue's text is read
    starts = [t.start for t in call.turns]
    assert starts[0] == 1.0 and 10.0 in starts


def test_load_calls_reports_partial_problems_next_to_the_call(tmp_path: Path) -> None:
    kb = write_kb(tmp_path, {"calls/call.vtt": VTT})
    calls, problems = load_calls(load_settings(kb))
    assert len(calls) == 1 and [p.line for p in problems] == [6, 9, 12]
    assert all(p.path == "calls/call.vtt" for p in problems)


def test_an_entry_with_broken_yaml_is_reported_and_still_found(tmp_path: Path, fake_embedder: object) -> None:
    from ingest.pipeline import ingest
    from knowledge.search import search

    kb = write_kb(tmp_path, {
        "answers/broken.md": "---\ntype: answer\ntitle: Woodgrove: the bank\nstatus: retired\n---\n\n"
                             "# Woodgrove\n\nWoodgrove reconciles ledgers with quasar widgets overnight.\n",
        "other.md": "# Other\n\nSomething else entirely about pricing.\n",
    })
    settings = load_settings(kb)
    report = ingest(settings, embedder=fake_embedder)
    assert [(p.rule, p.path, p.line) for p in report.problems] == [("invalid-entry", "answers/broken.md", 3)]
    results = search(settings, "quasar widgets reconcile ledgers", embedder=fake_embedder)["results"]
    # found, as a draft: search ranks drafts below approved entries, so it need not come first
    [hit] = [r for r in results if r["entry"] == "answers/broken"]
    assert hit["status"] == "draft" and hit["type"] == "article"
    assert hit["canonical"] is False


def test_the_api_refuses_a_draft_over_the_limit_with_413(example_kb: Path, fake_embedder: object) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.limits import ServeLimits

    # the server's body limit (1 MiB by default) would refuse this body first: raise it past the draft's
    limits = ServeLimits(max_body=4 * MAX_ENTRY_BYTES)
    client = TestClient(create_app(load_settings(example_kb), limits))
    r = client.post("/v1/check", json={"text": "x" * (MAX_ENTRY_BYTES + 1), "path": "big.md"},
                    params={"today": "2026-11-23"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "draft_too_large"
    assert "split it" in r.json()["error"]["message"]


def test_an_over_long_front_matter_line_makes_the_entry_a_draft(tmp_path: Path) -> None:
    raw = "---\ntype: message\ndescription: " + "x" * (MAX_LINE_CHARS + 1) + "\n---\n\n# Kept\n\nBody.\n"
    loaded = load_kb(load_settings(write_kb(tmp_path, {"e.md": raw})))
    [entry] = loaded.entries
    assert (entry.status, entry.type, entry.title) == ("draft", "article", "Kept")
    [problem] = loaded.problems
    assert problem.line == 3 and "front matter line 3 is over canon's limit" in problem.message
