"""Property tests for the parsers: whatever the bytes, reading them never crashes, and every problem
comes back as a finding (or, for a call file that cannot be read at all, as ``CallParseError``,
which ``load_calls`` turns into one) that points at a line of the file."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.calls import CallParseError, parse_call
from ingest.drafts import parse_draft_text
from ingest.kb import parse_entry
from knowledge.model import Finding
from knowledge.serialize import call_to_dict, entry_to_dict
from knowledge.settings import CallSettings, Settings

ROOT = Path("/kb")
SETTINGS = Settings(root=ROOT)
FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters that mean something to YAML, Markdown and transcripts, and some that break decoders.
SYNTAX = st.sampled_from(list("-:&*[]{}!|>#'\"\t\n ,.%$0123456789<>`\\@") + ["---\n", "\n\n", "-->", "\r\n",
                                                                             "WEBVTT\n", "\ufeff", "\x00", "é"])
WORDS = st.sampled_from(["type", "title", "status", "metrics", "value", "unit", "sources", "date", "id",
                         "answers", "examples", "approved", "draft", "2026-13-45", "6", "weeks", "Dana Wu",
                         "<v Dana>", "00:00:01.000", "99:99:99.999", "canon-ignore", "<!-- canon-internal -->"])
TEXT = st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=8)), max_size=60).map("".join)


def _front_matter(body: str) -> st.SearchStrategy[str]:
    return TEXT.map(lambda front: f"---\n{front}\n---\n{body}")


def _check_findings(findings: list[Finding], rules: set[str]) -> None:
    for f in findings:
        assert f.rule in rules, f
        assert f.severity in ("error", "warning")
        assert f.line >= 1 and f.column >= 1 and f.message


@FAST
@given(st.one_of(st.binary(max_size=400), TEXT.map(str.encode), _front_matter("# T\n\nIt saves 3 hours.\n")
                 .map(lambda t: t.encode("utf-8", errors="surrogatepass"))))
def test_reading_an_entry_never_crashes_and_reports_what_it_drops(raw: bytes) -> None:
    entry, findings = parse_entry(ROOT, ROOT / "e.md", raw, SETTINGS)
    _check_findings(findings, {"invalid-entry"})
    if entry is None:
        assert findings, "an entry that is dropped is always reported"
    else:
        json.dumps(entry_to_dict(entry))  # what the index stores is always JSON
        assert all(c.line >= entry.body_line for c in entry.claims)


@FAST
@given(TEXT, st.sampled_from(["call.vtt", "call.srt", "call.txt", "call.json"]))
def test_reading_a_call_never_crashes(text: str, name: str) -> None:
    problems: list[Finding] = []
    try:
        call = parse_call(Path(name), rel=f"calls/{name}", settings=CallSettings(), text=text, problems=problems)
    except CallParseError as exc:
        assert exc.line >= 1 and exc.column >= 1 and exc.finding_message
        return
    _check_findings(problems, {"invalid-call"})
    assert call.turns
    json.dumps(call_to_dict(call))


@FAST
@given(st.lists(st.tuples(st.sampled_from(["00:00:01.000", "00:61:00.000", "1:2", "x", "00:00:05,5", ""]),
                          st.sampled_from(["00:00:02.000", "00:00:00.000", "??", "01:00:00.000"]),
                          st.sampled_from(["<v Dana Wu>It costs 40% more.", "Jordan Lee: We save 9 hours.",
                                           "plain words"])), min_size=1, max_size=8))
def test_every_cue_is_read_whatever_its_timing(cues: list[tuple[str, str, str]]) -> None:
    text = "WEBVTT\n\n" + "\n\n".join(f"{a} --> {b}\n{words}" for a, b, words in cues) + "\n"
    problems: list[Finding] = []
    call = parse_call(Path("c.vtt"), rel="calls/c.vtt", settings=CallSettings(), text=text, problems=problems)
    said = " ".join(t.text for t in call.turns)
    for _, _, words in cues:
        assert words.split(":")[-1].split(">")[-1].strip().split()[0] in said
    _check_findings(problems, {"invalid-call"})


@FAST
@given(st.one_of(TEXT, _front_matter("Approvals take 3 days.\n")), st.sampled_from(["d.md", "d.txt"]))
def test_reading_a_draft_never_crashes(text: str, name: str) -> None:
    draft = parse_draft_text(text, name)
    _check_findings(draft.findings, {"invalid-draft"})
    for c in draft.claims:
        assert 1 <= c.line <= text.count("\n") + 1 + text.count("\r")
