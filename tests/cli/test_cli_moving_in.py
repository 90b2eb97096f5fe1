"""Moving an existing content set into canon: the real command, its output captured.

canon.toml settings that shape what ingest stores take effect at the next ingest, files canon does
not read are named, and a long embedding reports its progress a tenth at a time."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from tests.cli.test_cli_output import canon
from tests.conftest import write_kb

TOML = """[kb]
name = "Sonaro"

[calls]
path = "calls"
{speakers}
"""
CALL = """[00:00:10] Dana Ortiz: Thanks for joining, I'm with Sonaro.
[00:00:20] Bob Klein: Honestly, we're a two-audiologist practice and this is a lot of money.
"""
ENTRY = "---\ntype: article\ntitle: Scheduling\n---\n\nBook a hearing test online.\n"


def _call(kb: Path) -> dict[str, Any]:
    """The one call as the index stores it."""
    db = sqlite3.connect(kb / ".canon" / "catalog.sqlite")
    try:
        (raw,) = db.execute("SELECT data FROM records WHERE kind='call'").fetchone()
    finally:
        db.close()
    return dict(json.loads(raw))


def _roles(kb: Path) -> dict[str, str]:
    return {t["speaker"]: t["role"] for t in _call(kb)["turns"]}


def _set_speakers(kb: Path, line: str) -> None:
    (kb / "canon.toml").write_text(TOML.format(speakers=line))


def test_a_changed_internal_speakers_rereads_the_calls_and_is_stale_until_then(tmp_path):
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY, "calls/acme.txt": CALL},
                  toml=TOML.format(speakers=""))
    assert canon("ingest", "--kb", str(kb)).returncode == 0
    assert not _call(kb)["roles_known"]

    _set_speakers(kb, 'internal_speakers = ["Dana Ortiz"]')
    check = canon("doctor", "--check", "--kb", str(kb), "--format", "json")
    assert check.returncode == 1
    found = json.loads(check.stdout)
    assert not found["up_to_date"]
    assert [p["code"] for p in found["problems"]] == ["settings-changed"], found
    r = canon("ingest", "--kb", str(kb))
    assert r.returncode == 0, r.stderr
    assert "canon.toml's [calls] changed: re-reading 1 call" in r.stdout, r.stdout
    assert "1 changed" in r.stdout and "1 unchanged" in r.stdout, r.stdout
    assert _call(kb)["roles_known"]
    assert _roles(kb)["Dana Ortiz"] == "internal" and _roles(kb)["Bob Klein"] != "internal"
    assert canon("doctor", "--check", "--kb", str(kb)).returncode == 0
    again = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    assert again["reread"] == {} and again["changed"] == []

    _set_speakers(kb, '# internal_speakers = ["Dana Ortiz"]')  # commented out again: the old roles go
    back = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    assert back["reread"] == {"calls": 1} and back["changed"] == ["calls/acme.txt"]
    assert not _call(kb)["roles_known"]


def test_a_changed_setting_with_no_calls_rereads_nothing(tmp_path):
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY}, toml=TOML.format(speakers=""))
    assert canon("ingest", "--kb", str(kb)).returncode == 0
    _set_speakers(kb, 'internal_domains = ["sonaro.example"]')
    assert canon("doctor", "--check", "--kb", str(kb)).returncode == 0
    r = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    assert r["reread"] == {} and r["changed"] == [] and r["unchanged"] == 1


class _SlowEmbedder:
    """The fake embedder, each step of which takes 11 s on a fake clock: longer than the quiet
    time between two progress lines."""

    def __init__(self, inner: Any, clock: list[float]) -> None:
        self.inner, self.clock = inner, clock
        self.name, self.dim = inner.name, inner.dim

    def embed(self, texts: list[str]) -> Any:
        self.clock[0] += 11.0
        return self.inner.embed(texts)


def test_an_embedding_smaller_than_one_step_still_reports_each_tenth(tmp_path, fake_embedder):
    from rich.console import Console

    from cli.ingest import _ProgressLines
    from ingest.pipeline import EMBED_BATCH, ingest
    from knowledge.settings import load_settings

    kb = write_kb(tmp_path / "kb", {f"page-{i}.md": ENTRY.replace("Scheduling", f"Page {i}") for i in range(40)},
                  toml=TOML.format(speakers=""))
    clock = [0.0]
    err = Console(record=True, width=10_000, file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the test
    with _ProgressLines(err, clock=lambda: clock[0]) as progress:
        report = ingest(load_settings(kb), embedder=_SlowEmbedder(fake_embedder, clock), progress=progress)
    assert report.texts_embedded < EMBED_BATCH  # one step would have held them all
    lines = [line for line in err.export_text().splitlines() if line.startswith("embedding")]
    percents = [int(line.split("(")[1].split("%")[0]) for line in lines]
    assert [p // 10 for p in percents] == list(range(1, 11)), lines  # a line a tenth, the last at 100%


LATIN1 = ("---\ntype: case_study\ntitle: Clínica Auditiva São Paulo\nstatus: approved\nowner: ops@sonaro.example\n"
          "reviewed: 2026-10-01\n---\n\nA clínica reduziu as faltas em 38% e economizou 22 minutos por adaptação. "
          "Preço: 120 reais por mês.\n").encode("latin-1")


def test_a_latin_1_file_reads_right_and_its_verdict_file_holds_no_replacement_character(tmp_path):
    kb = write_kb(tmp_path / "kb", {"Clinica.md": LATIN1}, toml=TOML.format(speakers=""))
    audit = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--format", "json").stdout)
    findings = audit["findings"]
    encoding = [f for f in findings if "not valid UTF-8" in f["message"]]
    assert encoding and "Windows-1252 (Latin-1)" in encoding[0]["message"]
    claim = next(f for f in findings if f.get("claim") and "38" in f["claim"]["text"])
    r = canon("audit", "verdict", claim["fingerprint"], "wrong", "--why", "not an outcome", "--kb", str(kb))
    assert r.returncode == 0, r.stderr
    written = (kb / "verdicts" / "findings.yaml").read_text(encoding="utf-8")
    assert "\ufffd" not in written and "A clínica reduziu as faltas em 38%" in written, written
    found = json.loads(canon("ask", "Clínica Auditiva", "--kb", str(kb), "--format", "json").stdout)
    assert "\ufffd" not in json.dumps(found, ensure_ascii=False) and "Clínica Auditiva São Paulo" in json.dumps(
        found, ensure_ascii=False)


def test_a_verdict_file_writes_a_replacement_character_as_a_question_mark(tmp_path):
    from knowledge.verdict_file import write_rows

    path = write_rows(tmp_path / "findings.yaml", [{"sentence": "Pre\ufffdo: 120", "tags": ["S\ufffdo"]}], "header")
    assert path.read_text(encoding="utf-8").count("?") == 2 and "\ufffd" not in path.read_text(encoding="utf-8")


EXPORT = {  # a wiki export as it lands in the KB folder: pages, and what the pages were made from
    "Wiki/Scheduling.md": ENTRY, "Wiki/Pricing sheet 2026.docx": b"PK\x03\x04", "Wiki/Battlecard.pdf": b"%PDF-1.4",
    "Wiki/Scheduling.html": "<html></html>", "Wiki/notes.txt": "to do", "Wiki/images/logo.png": b"\x89PNG",
    "Wiki/.DS_Store": b"\x00", "calls/acme.txt": CALL, "calls/recording.docx": b"PK\x03\x04",
}
NOT_READ = {".docx": 2, ".html": 1, ".pdf": 1, ".png": 1, ".txt": 1}


def test_init_and_ingest_name_the_files_canon_does_not_read(tmp_path):
    kb = write_kb(tmp_path / "kb", EXPORT)
    init = canon("init", str(kb))
    assert init.returncode == 0, init.stderr
    line = ("not read: 2 .docx, 1 .html, 1 .pdf, 1 .png, 1 .txt: canon reads entries as .md (and calls, in the "
            "calls folder, as .vtt, .srt, .json or .txt)")
    assert line in init.stdout, init.stdout
    text = canon("ingest", "--kb", str(kb))
    assert line in text.stdout, text.stdout  # canon.toml and the call .txt are not listed
    report = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    assert report["not_read"] == NOT_READ and report["calls"] == 1 and report["files"] == 1
    (kb / "verdicts").mkdir()
    (kb / "verdicts" / "findings.yaml").write_text("version: 1\nverdicts: []\n")
    assert json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)["not_read"] == NOT_READ


def test_a_kb_of_markdown_only_says_nothing_of_unread_files(tmp_path):
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY, "calls/acme.txt": CALL})
    assert "not read" not in canon("init", str(kb)).stdout
    assert json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)["not_read"] == {}


def test_the_verdict_files_canon_keeps_are_the_ones_the_walk_leaves_out():
    from ingest.kb import OWN_FILES
    from knowledge.finding_verdicts import VERDICTS_FILE as FINDINGS
    from knowledge.objections.verdicts import VERDICTS_FILE as OBJECTIONS

    assert {FINDINGS.as_posix(), OBJECTIONS.as_posix()} <= OWN_FILES


def test_objections_bring_the_calls_up_to_date_with_a_changed_internal_speakers_and_say_why(tmp_path):
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY, "calls/acme.txt": CALL}, toml=TOML.format(speakers=""))
    assert canon("ingest", "--kb", str(kb)).returncode == 0
    before = json.loads(canon("objections", "--kb", str(kb), "--format", "json").stdout)
    assert before["roles_unknown"] == ["calls/acme.txt"]
    _set_speakers(kb, 'internal_domains = ["sonaro.example"]\ninternal_speakers = ["Dana Ortiz"]')
    r = canon("objections", "--kb", str(kb), "--format", "json")
    assert "canon.toml's [calls] changed since the last ingest: reading the calls again" in r.stderr, r.stderr
    assert json.loads(r.stdout)["roles_unknown"] == []


def test_audit_warns_at_a_title_yaml_read_as_a_comment_or_an_anchor_and_names_the_fix(tmp_path):
    page = "---\ntype: article\ntitle: {title}\n---\n\nBody text.\n"
    kb = write_kb(tmp_path / "kb", {
        "clinics.md": page.format(title="#1 in clinics"),  # hearing care
        "partners.md": page.format(title="&Co partners"),  # a tax adviser
        "lanes.md": page.format(title="*Featured* lanes"),  # a freight broker: an alias YAML refuses
        "ranked.md": page.format(title='"#1 in clinics"'),
        "credits.md": page.format(title="R&D credits"),
    })
    r = canon("audit", "--kb", str(kb), "--format", "json")
    found = {f["path"]: f for f in json.loads(r.stdout)["findings"] if f["rule"] == "invalid-entry"}
    assert sorted(found) == ["clinics.md", "lanes.md", "partners.md"], found
    clinics, partners, lanes = found["clinics.md"], found["partners.md"], found["lanes.md"]
    assert (clinics["severity"], clinics["line"], clinics["column"]) == ("warning", 3, 8)
    assert "'#' is read as a YAML comment" in clinics["message"] and "so title is empty" in clinics["message"]
    assert 'put the whole value in quotes: title: "#1 in clinics"' in clinics["message"]
    assert partners["severity"] == "warning" and "so title is read as 'partners'" in partners["message"]
    assert lanes["severity"] == "error" and "'*' is read as a YAML alias" in lanes["message"]


DIALLER = """1
00:00:01,000 --> 00:00:03,000
Caller: Hi, this is Priya from Sonaro, do you have a minute?

2
00:00:03,500 --> 00:00:06,000
Customer: Honestly, we're a two-audiologist practice and this is a lot of money.
"""


def test_a_call_where_no_speaker_is_yours_is_named_with_its_speakers_and_the_setting_to_fix_it(tmp_path):
    """internal_speakers set for the other calls matches no one in a dialler's export: the call is
    listed under roles_unknown by ingest, objections and audit, with its speakers and their roles."""
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY, "calls/acme.txt": CALL, "calls/dialler.srt": DIALLER},
                  toml=TOML.format(speakers='internal_speakers = ["Dana Ortiz"]'))
    report = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    assert report["speakers"] == {"calls/acme.txt": {"Dana Ortiz": "internal", "Bob Klein": "external"},
                                  "calls/dialler.srt": {"Caller": "external", "Customer": "external"}}
    assert report["roles_unknown"] == ["calls/dialler.srt"]  # a list of paths, as objections and audit give it
    text = canon("ingest", "--kb", str(kb), "--force").stdout
    assert ('calls/dialler.srt: no speaker is known to be yours (Caller, Customer): every one was read as a '
            'prospect and no rep\'s figure in it checked; add "Caller" (or whichever of them is your rep) to '
            "[calls] internal_speakers in canon.toml") in " ".join(text.split()), text
    objections = json.loads(canon("objections", "--kb", str(kb), "--format", "json").stdout)
    assert objections["roles_unknown"] == ["calls/dialler.srt"]
    audit = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--format", "json").stdout)
    assert audit["roles_unknown"] == ["calls/dialler.srt"]
    _set_speakers(kb, 'internal_speakers = ["Dana Ortiz", "Caller"]')
    assert json.loads(canon("objections", "--kb", str(kb), "--format", "json").stdout)["roles_unknown"] == []


def test_ingest_text_names_six_calls_with_no_seller_known_then_how_many_more(tmp_path):
    """A KB without [calls] settings: every call's roles are unknown, and the text stays short."""
    files = {"Scheduling.md": ENTRY} | {f"calls/call{i}.txt": CALL.replace("two", f"{i + 2}") for i in range(8)}
    kb = write_kb(tmp_path / "kb", files, toml=TOML.format(speakers=""))
    text = " ".join(canon("ingest", "--kb", str(kb)).stdout.split())
    assert text.count("every one was read as a prospect") == 6, text
    assert "and 2 more calls in which no speaker is known to be yours" in text, text
    report = json.loads(canon("ingest", "--kb", str(kb), "--force", "--format", "json").stdout)
    assert report["roles_unknown"] == sorted(f"calls/call{i}.txt" for i in range(8))


def test_the_same_call_exported_twice_is_counted_once_and_the_copy_reported(tmp_path):
    """The copy is "acme (1).txt", as its name says, though it sorts ahead of "acme.txt"."""
    long_call = CALL + "[00:00:30] Dana Ortiz: What do you use today?\n[00:00:40] Bob Klein: Paper and a phone.\n"
    kb = write_kb(tmp_path / "kb", {"Scheduling.md": ENTRY, "calls/acme.txt": long_call,
                                    "calls/acme (1).txt": long_call,
                                    "calls/other.txt": long_call.replace("two-audiologist", "three-audiologist")},
                  toml=TOML.format(speakers='internal_speakers = ["Dana Ortiz"]'))
    report = json.loads(canon("ingest", "--kb", str(kb), "--format", "json").stdout)
    copies = [p for p in report["problems"] if p["path"] == "calls/acme (1).txt"]
    assert [(p["rule"], p["severity"], p["message"]) for p in copies] == [
        ("invalid-call", "warning", "the same transcript as calls/acme.txt (same speakers, same words): counted "
                                    "once, as calls/acme.txt; remove one of the two files")]
    assert set(report["speakers"]) == {"calls/acme.txt", "calls/other.txt"}
    assert json.loads(canon("objections", "--kb", str(kb), "--format", "json").stdout)["calls"] == 2
    audit = json.loads(canon("audit", "--kb", str(kb), "--today", "2026-12-01", "--format", "json").stdout)
    assert [f["path"] for f in audit["findings"] if f["rule"] == "invalid-call"] == ["calls/acme (1).txt"]
