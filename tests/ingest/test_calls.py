"""Sales-call parsing: every format, real exports, positions back into the file, roles, failures."""

from __future__ import annotations

import json
import random
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path

import pytest

from ingest.calls import (
    CallParseError,
    find_call_files,
    load_calls,
    parse_call,
    split_sentences,
)
from knowledge.model import Call
from knowledge.settings import CallSettings, Settings, load_settings

DATA = Path(__file__).resolve().parents[1] / "data" / "calls"
CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
NORTHWIND = CORPORA / "northwind" / "kb"
AMI = CORPORA / "real" / "ami-meetings"

NORTHWIND_REPS = {"Maya Patel", "Jordan Lee", "Priya Raman", "Sam Okafor", "Luis Ortega", "Hannah Cole",
                  "jordan.lee@northwind.example"}
REPS = CallSettings(internal_speakers=["Maya Patel", "Jordan Lee"], internal_domains=["northwind.example"])
NOBODY = CallSettings()


def parse(name: str, settings: CallSettings = REPS) -> Call:
    return parse_call(DATA / name, rel=f"calls/{name}", settings=settings)


def parse_text(text: str, suffix: str, settings: CallSettings = REPS) -> Call:
    return parse_call(Path(f"call{suffix}"), rel=f"calls/call{suffix}", settings=settings, text=text)


def file_lines(raw: str) -> list[str]:
    raw = raw[1:] if raw.startswith("\ufeff") else raw
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def first_word(text: str) -> str:
    m = re.match(r"[^\s.,!?;:]+", text)
    assert m, text
    return m.group()


def assert_points_at_text(call: Call, raw: str) -> None:
    """Every sentence's (line, column) is where its first word stands in the file."""
    lines = file_lines(raw)
    assert call.turns
    for turn in call.turns:
        assert turn.sentences, turn
        assert turn.line == turn.sentences[0].line
        for s in turn.sentences:
            at = lines[s.line - 1][s.column - 1:]
            if call.path.endswith(".json"):  # inside a JSON string: read the rest of it, escapes decoded
                at = scanstring(at, 0)[0]
            assert at.startswith(first_word(s.text)), (call.path, s, at[:40])


def sentences(call: Call) -> list[str]:
    return [s.text for t in call.turns for s in t.sentences]


# ---------------------------------------------------------------------------------------------
# The labelled corpus and real meeting transcripts

needs_northwind = pytest.mark.skipif(not NORTHWIND.is_dir(), reason="shared northwind corpus not present")
needs_ami = pytest.mark.skipif(not AMI.is_dir(), reason="shared AMI corpus not present")


@needs_northwind
def test_every_northwind_call_parses_with_roles_known() -> None:
    settings = load_settings(NORTHWIND)
    calls, problems = load_calls(settings)
    assert problems == []
    assert len(calls) == len(list((NORTHWIND / "calls").iterdir())) == 16
    assert [c.path for c in calls] == sorted(c.path for c in calls)
    assert {Path(c.path).suffix for c in calls} == {".vtt", ".srt", ".json", ".txt"}
    for call in calls:
        assert call.path.startswith("calls/")
        assert call.roles_known, call.path
        raw = (NORTHWIND / call.path).read_text(encoding="utf-8")
        assert_points_at_text(call, raw)
        for turn in call.turns:
            expected = "internal" if turn.speaker in NORTHWIND_REPS else "external"
            assert turn.role == expected, (call.path, turn.speaker, turn.role)
        assert any(t.role == "internal" for t in call.turns)
        assert any(t.role == "external" for t in call.turns)


@needs_northwind
def test_northwind_details_the_labels_rely_on() -> None:
    calls = {c.path: c for c in load_calls(load_settings(NORTHWIND))[0]}
    coho = calls["calls/2026-08-19-coho-winery.json"]
    assert coho.title == "Coho Winery - discovery and demo scoping"
    assert coho.turns[0].start == pytest.approx(2.817)  # milliseconds in the export
    # a JSON turn split into sentences: each sentence has its own line
    lines = {s.line for t in coho.turns for s in t.sentences}
    assert {80, 82} <= lines
    humongous = calls["calls/2026-09-17-humongous-insurance.json"]
    assert humongous.turns[0].speaker == "jordan.lee@northwind.example"  # kept as given
    assert humongous.turns[0].role == "internal"  # from internal_domains
    lamna = calls["calls/2026-10-07-lamna-healthcare.srt"]
    assert "Tomás Ruiz" in lamna.speakers
    proseware = calls["calls/2026-08-26-proseware.txt"]
    assert proseware.turns[1].start == 5.0


@needs_ami
@pytest.mark.parametrize("name", ["ES2002a", "ES2002b", "ES2002c", "ES2002d", "TS3005b"])
def test_ami_meetings_parse_with_markup_removed(name: str) -> None:
    path = AMI / f"{name}.json"
    call = parse_call(path, rel=f"ami/{name}.json", settings=NOBODY)
    assert not call.roles_known
    assert {t.role for t in call.turns} == {"unknown"}
    assert set(call.speakers) == {"Project Manager", "Marketing", "Industrial Designer", "User Interface"}
    assert len(call.turns) > 200
    for turn in call.turns:
        assert not re.search(r"\{\w+\}", turn.text), turn.text
        assert "  " not in turn.text and " ." not in turn.text and " ," not in turn.text
    assert_points_at_text(call, path.read_text(encoding="utf-8"))
    # the QMSum annotations before the transcript are not turns
    first = json.loads(path.read_text(encoding="utf-8"))["meeting_transcripts"][0]
    assert call.turns[0].speaker == first["speaker"]


@needs_ami
def test_ami_folder_loads_and_its_licence_txt_is_no_call() -> None:
    settings = Settings(root=AMI, calls=CallSettings(path="."))
    calls, problems = load_calls(settings)
    assert len(calls) == 5
    assert [p.path for p in problems] == ["QMSum-LICENSE.txt"]
    assert problems[0].rule == "invalid-call" and "speaker" in problems[0].message


# ---------------------------------------------------------------------------------------------
# WebVTT


def test_vtt_voice_tags_notes_styles_markup_and_merging() -> None:
    call = parse("teams.vtt")
    assert call.title == "Globex discovery"
    assert [(t.speaker, t.role) for t in call.turns] == [
        ("Maya Patel", "internal"), ("Dana Wu", "external"), ("Maya Patel", "internal"), ("Dana Wu", "external"),
    ]
    maya, dana = call.turns[0], call.turns[1]
    # two cues by the same speaker are one turn; a sentence runs over the cue's two lines
    assert [s.text for s in maya.sentences] == [
        "Hi Dana, thanks for joining.", "We cut processing cost by 62% on average, e.g. for Contoso."]
    assert [(s.line, s.column, s.start) for s in maya.sentences] == [(14, 15, 1.0), (18, 15, 4.5)]
    # "DANA WU" is Dana Wu; the empty cue between does not break the turn; tags and entities go
    assert [s.text for s in dana.sentences] == [
        "Honestly that's more than we set aside & way over budget.",
        "It costs $3.40 per invoice today.", "Dr. Chen agrees."]
    assert [(s.line, s.column) for s in dana.sentences] == [(23, 17), (30, 22), (30, 60)]
    assert dana.sentences[1].start == 13.0
    # two voices in one cue line
    assert call.turns[3].sentences[0].text == "Send it over."
    assert call.turns[3].start == 15.0
    assert "NOTE" not in " ".join(sentences(call)) and "cue" not in " ".join(sentences(call))
    assert_points_at_text(call, (DATA / "teams.vtt").read_text(encoding="utf-8"))


def test_vtt_name_prefix_and_unlabelled_cue_continues_the_speaker() -> None:
    call = parse("zoom.vtt")
    assert [t.speaker for t in call.turns] == ["Jordan Lee", "Nadia Brooks", "Jordan Lee"]
    nadia = call.turns[1]
    assert [s.text for s in nadia.sentences] == ["Yes.", "We run 4 resorts.", "Most of AP sits in Montreal."]
    assert nadia.sentences[2].line == 13 and nadia.sentences[2].start == 5.1
    assert_points_at_text(call, (DATA / "zoom.vtt").read_text(encoding="utf-8"))


def test_vtt_without_speakers_gives_unnamed_turns_with_unknown_role() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n\n00:00:02.000 --> 00:00:03.000\nHi.\n"
    call = parse_text(text, ".vtt")
    assert [(t.speaker, t.role) for t in call.turns] == [("", "unknown"), ("", "unknown")]


def test_vtt_roll_up_captions_are_not_doubled() -> None:
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwe processed about\n\n"
            "00:00:02.000 --> 00:00:03.000\nwe processed about\nfour thousand invoices\n")
    call = parse_text(text, ".vtt")
    assert call.turns[0].text == "we processed about"
    assert call.turns[1].text == "four thousand invoices"
    assert call.turns[1].line == 8


def test_vtt_with_no_cues_is_an_error() -> None:
    with pytest.raises(CallParseError, match="no cue"):
        parse_text("WEBVTT\n\nNOTE nothing here\n", ".vtt")


# ---------------------------------------------------------------------------------------------
# SRT


def test_srt_index_lines_commas_markup_missing_blank_and_missing_times() -> None:
    call = parse("captions.srt")
    assert [(t.speaker, t.role) for t in call.turns] == [
        ("Jordan Lee", "internal"), ("Derek Shaw", "external"), ("Jordan Lee", "internal")]
    assert sentences(call) == [
        "Morning, everyone.", "We need data kept in Canada.", "And SOC 2 reports.",
        "Sure, we can share the SOC 2 report today."]
    assert [s.start for t in call.turns for s in t.sentences] == [1.0, 3.6, 3.6, 9.0]
    derek = call.turns[1]
    assert [(s.line, s.column) for s in derek.sentences] == [(6, 19), (9, 13)]
    assert_points_at_text(call, (DATA / "captions.srt").read_text(encoding="utf-8"))


def test_srt_overlapping_cues_keep_file_order() -> None:
    text = ("1\n00:00:05,000 --> 00:00:09,000\nAna Ruiz: First.\n\n"
            "2\n00:00:04,000 --> 00:00:06,000\nBo Li: Second.\n")
    call = parse_text(text, ".srt", NOBODY)
    assert [t.speaker for t in call.turns] == ["Ana Ruiz", "Bo Li"]
    assert [t.start for t in call.turns] == [5.0, 4.0]


# ---------------------------------------------------------------------------------------------
# JSON


def test_json_conversation_shape_with_escapes_ms_and_affiliations() -> None:
    call = parse("gong.json", NOBODY)
    assert call.title == "Globex - pricing"
    assert call.roles_known
    assert [(t.speaker, t.role) for t in call.turns] == [
        ("Priya Raman", "internal"), ("Elise Tan", "external"), ("ops@globex.example", "external")]
    priya = call.turns[0]
    assert [s.text for s in priya.sentences] == [
        "Hi Elise, thanks for hopping on.", 'We\u2019ve seen a "4x" speed-up.', "Caf\u00e9 chains too."]
    assert [s.start for s in priya.sentences] == [2.817, 6.692, 6.692]
    raw = (DATA / "gong.json").read_text(encoding="utf-8")
    lines = file_lines(raw)
    # the column of a sentence inside a string with escapes points at the raw characters
    s3 = priya.sentences[2]
    assert lines[s3.line - 1][s3.column - 1:].startswith("Caf\\u00e9 chains")
    assert call.turns[1].sentences[0].text == "That's more than we set aside for this."
    assert_points_at_text(call, raw)


def test_json_conversation_internal_domain_matches_party_email() -> None:
    text = json.dumps({
        "parties": [{"speakerId": "1", "name": "Priya", "emailAddress": "priya@eu.northwind.example"},
                    {"speakerId": "2", "name": "Elise"}],
        "transcript": [{"speakerId": "1", "sentences": [{"start": 0, "text": "Hi."}]},
                       {"speakerId": "2", "sentences": [{"start": 900, "text": "Hello."}]}],
    }, indent=1)
    call = parse_text(text, ".json", CallSettings(internal_domains=["@northwind.example"]))
    assert [(t.speaker, t.role) for t in call.turns] == [("Priya", "internal"), ("Elise", "external")]
    assert call.turns[1].start == 0.9


def test_json_turns_with_roles_clock_times_and_empty_text() -> None:
    call = parse("turns.json", NOBODY)
    assert call.title == "Fourth Coffee - follow-up"
    assert call.roles_known
    assert [(t.speaker, t.role, t.start) for t in call.turns] == [
        ("Priya Raman", "internal", 3.5), ("Owen Price", "external", 11.0), ("Priya Raman", "internal", 20.0)]
    owen = call.turns[1]
    assert [(s.text, s.line, s.start) for s in owen.sentences] == [
        ("It's always a busy week.", 5, 11.0), ("Let's make it count.", 6, 13.0)]
    assert_points_at_text(call, (DATA / "turns.json").read_text(encoding="utf-8"))


def test_json_list_of_turns_in_milliseconds_or_seconds() -> None:
    ms = [{"speaker": "A B", "text": "One.", "start": 1000}, {"speaker": "C D", "text": "Two.", "start": 4500},
          {"speaker": "A B", "text": "Three.", "start": 9000}]
    call = parse_text(json.dumps(ms), ".json", NOBODY)
    assert [t.start for t in call.turns] == [1.0, 4.5, 9.0]
    secs = [{"speaker": "A B", "text": "One.", "start": 1}, {"speaker": "C D", "text": "Two.", "start": 4},
            {"speaker": "A B", "text": "Three.", "start": 9.5}]
    call = parse_text(json.dumps(secs), ".json", NOBODY)
    assert [t.start for t in call.turns] == [1.0, 4.0, 9.5]
    assert not call.roles_known and call.turns[0].role == "unknown"
    # everything on one line: columns tell the sentences apart
    line = json.dumps(secs)
    assert [s.column for t in call.turns for s in t.sentences] == [
        line.index("One.") + 1, line.index("Two.") + 1, line.index("Three.") + 1]


def test_json_odd_start_values_are_no_time() -> None:
    text = ('[{"speaker": "A B", "text": "Hi.", "start": NaN}, {"speaker": "C D", "text": "Yo.", "start": true},'
            ' {"speaker": "A B", "text": "Ok.", "start": "12.5"}]')
    assert [t.start for t in parse_text(text, ".json", NOBODY).turns] == [None, None, 12.5]


def test_json_wrapped_transcripts_and_utterances() -> None:
    gong = {"callTranscripts": [{"callId": "1", "transcript": [
        {"speakerId": "9", "sentences": [{"start": 1500, "text": "Hello from the API."}]}]}]}
    call = parse_text(json.dumps(gong), ".json", NOBODY)
    assert (call.turns[0].speaker, call.turns[0].start) == ("9", 1.5)
    utterances = {"utterances": [{"speaker": "A", "start": 250, "text": "One."},
                                 {"speaker": "B", "start": 5200, "text": "Two."}]}
    call = parse_text(json.dumps(utterances), ".json", NOBODY)
    assert [(t.speaker, t.start) for t in call.turns] == [("A", 0.25), ("B", 5.2)]


def test_json_meeting_transcripts_clean_markup_and_skip_annotations() -> None:
    call = parse("meeting.json", NOBODY)
    assert not call.roles_known
    assert [t.speaker for t in call.turns] == ["Project Manager", "Marketing", "Industrial Designer"]
    assert sentences(call) == ["Okay.", "Um so we have twenty five minutes right.", "Okay.",
                               "Fifty percent of users lose their remote."]
    # "Okay ." also appears in the annotations above; the turn points at the transcript
    assert call.turns[1].line == 6
    assert_points_at_text(call, (DATA / "meeting.json").read_text(encoding="utf-8"))


def test_json_that_holds_no_transcript_names_the_accepted_shapes() -> None:
    with pytest.raises(CallParseError) as err:
        parse_text('{\n  "calls": [1, 2]\n}\n', ".json")
    assert "accepted shapes" in str(err.value) and "meeting_transcripts" in str(err.value)
    assert err.value.line == 1


def test_truncated_json_reports_the_line() -> None:
    text = (DATA / "turns.json").read_text(encoding="utf-8")[:300]
    with pytest.raises(CallParseError) as err:
        parse_text(text, ".json")
    assert "truncated" in err.value.message
    assert err.value.line == len(file_lines(text))


def test_call_parse_error_is_a_canon_error_with_a_stable_code() -> None:
    from knowledge.errors import CanonError

    with pytest.raises(CanonError) as err:
        parse_text("[]", ".json")
    assert err.value.code == "invalid_call" and "no turn" in str(err.value)


def test_invalid_json_reports_line_and_column() -> None:
    with pytest.raises(CallParseError) as err:
        parse_text('[\n  {"speaker": "A", "text": "Hi."}\n  {"speaker": "B", "text": "Yo."}\n]', ".json")
    assert err.value.line == 3 and err.value.column == 3
    assert str(err.value).startswith("line 3: not valid JSON")


def test_json_turn_that_is_not_an_object_points_at_it() -> None:
    with pytest.raises(CallParseError) as err:
        parse_text('{"turns": [\n {"speaker": "A", "text": "Hi."},\n "oops"\n]}', ".json")
    assert err.value.line == 3 and "turn 2" in err.value.message


def test_json_turn_without_text_points_at_it() -> None:
    with pytest.raises(CallParseError) as err:
        parse_text('{"turns": [\n {"speaker": "A", "text": "Hi."},\n {"speaker": "B", "words": []}\n]}', ".json")
    assert err.value.line == 3 and '"text"' in err.value.message


# ---------------------------------------------------------------------------------------------
# Plain text


def test_txt_time_stamps_continuation_lines_and_paragraphs() -> None:
    call = parse("plain.txt")
    assert [(t.speaker, t.role, t.start) for t in call.turns] == [
        ("Maya Patel", "internal", 2.0), ("Tom Fischer", "external", 5.0),
        ("Maya Patel", "internal", 63.0), ("Tom Fischer", "external", None)]
    tom = call.turns[1]
    # a continuation line belongs to the turn; "Note:" is no speaker
    assert [(s.text, s.line) for s in tom.sentences] == [
        ("Good.", 2), ("Our volume is about 1,200 invoices a month, i.e. roughly 40 a day.", 2),
        ("Note: that excludes travel.", 4)]
    assert_points_at_text(call, (DATA / "plain.txt").read_text(encoding="utf-8"))


def test_txt_speaker_headers_with_text_below() -> None:
    call = parse("otter.txt")
    assert [(t.speaker, t.start, t.line) for t in call.turns] == [
        ("Maya Patel", 2.0, 2), ("Tom Fischer", 5.0, 5), ("Maya Patel", 14.0, 9)]
    assert [s.text for s in call.turns[1].sentences] == ["Good, good.", "Busy week.", "Thanks for the demo recording."]
    assert_points_at_text(call, (DATA / "otter.txt").read_text(encoding="utf-8"))


def test_txt_without_any_speaker_is_an_error() -> None:
    with pytest.raises(CallParseError, match="speaker name"):
        parse_text("Permission is hereby granted, free of charge.\nTo any person.\n", ".txt")


def test_txt_holding_webvtt_is_read_as_webvtt() -> None:
    call = parse_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana Ruiz>Hi.\n", ".txt", NOBODY)
    assert call.turns[0].speaker == "Ana Ruiz" and call.turns[0].start == 1.0


# ---------------------------------------------------------------------------------------------
# Encodings and bytes


def test_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "call.srt"
    p.write_bytes("\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nJordan Lee: Hi Tomás.\r\n\r\n"
                  "2\r\n00:00:02,000 --> 00:00:03,000\r\nAna Ruiz: Hola.\r\n".encode())
    call = parse_call(p, rel="call.srt", settings=REPS)
    assert [(s.text, s.line, s.column) for t in call.turns for s in t.sentences] == [
        ("Hi Tomás.", 3, 13), ("Hola.", 7, 11)]
    assert call.content_hash and len(call.content_hash) == 64


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "call.txt"
    p.write_bytes("Jordan Lee: Ça va?\nAna Ruiz: Oui.\n".encode("utf-16"))
    call = parse_call(p, rel="call.txt", settings=REPS)
    assert sentences(call) == ["Ça va?", "Oui."]


def test_invalid_utf8_is_read_as_windows_1252_not_refused(tmp_path: Path) -> None:
    p = tmp_path / "call.txt"
    p.write_bytes(b"Jordan Lee: caf\xe9 au lait, \x93tr\xe8s bien\x94.\nAna Ruiz: Merci \xe2\x80\x94 oui.\n")
    call = parse_call(p, rel="call.txt", settings=REPS)
    assert call.turns[0].text == "caf\u00e9 au lait, \u201ctr\u00e8s bien\u201d."
    assert call.turns[1].text == "Merci \u2014 oui."  # the UTF-8 beside them is still UTF-8


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "call.json"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(CallParseError, match="binary"):
        parse_call(p, rel="call.json", settings=REPS)


def test_text_argument_gives_the_same_call_as_the_file() -> None:
    path = DATA / "teams.vtt"
    from_file = parse_call(path, rel="x", settings=REPS)
    from_text = parse_call(path, rel="x", settings=REPS, text=path.read_text(encoding="utf-8"))
    assert from_file.turns == from_text.turns


# ---------------------------------------------------------------------------------------------
# Roles


def test_roles_unknown_when_nothing_says_who_is_who() -> None:
    call = parse("zoom.vtt", NOBODY)
    assert not call.roles_known
    assert {t.role for t in call.turns} == {"unknown"}


def test_internal_speakers_match_case_and_whitespace_insensitively() -> None:
    call = parse("zoom.vtt", CallSettings(internal_speakers=["  jordan   LEE "]))
    assert call.roles_known
    assert [(t.speaker, t.role) for t in call.turns] == [
        ("Jordan Lee", "internal"), ("Nadia Brooks", "external"), ("Jordan Lee", "internal")]


def test_file_roles_win_over_settings_and_an_internal_mark_makes_the_rest_external() -> None:
    turns = [{"speaker": "Maya Patel", "role": "customer", "text": "Hi."},
             {"speaker": "Sam Lee", "role": "rep", "text": "Hello."},
             {"speaker": "Kim Ito", "text": "Hey."}]
    call = parse_text(json.dumps(turns), ".json", NOBODY)
    assert [t.role for t in call.turns] == ["external", "internal", "external"]
    call = parse_text(json.dumps(turns), ".json", REPS)
    assert call.turns[0].role == "external"  # the file says so


def test_a_call_where_settings_match_no_speaker_is_listed_as_roles_unknown() -> None:
    """internal_speakers set for other calls makes every speaker of this one external, with no
    seller: it is listed, as a call where nothing says who is who is."""
    from knowledge.model import roles_unknown

    dialler = "1\n00:00:01,000 --> 00:00:03,000\nCaller: Is now a good time?\n\n" \
              "2\n00:00:03,500 --> 00:00:05,000\nCustomer: We signed with someone else.\n"
    none_ours = parse_text(dialler, ".srt", REPS)
    assert none_ours.roles_known and {t.role for t in none_ours.turns} == {"external"}
    nothing_said = parse("zoom.vtt", NOBODY)
    ours = parse("zoom.vtt", REPS)
    nothing_said.path, none_ours.path, ours.path = "b.vtt", "a.srt", "c.vtt"
    assert roles_unknown([nothing_said, none_ours, ours]) == ["a.srt", "b.vtt"]


def test_copies_of_a_transcript_are_counted_once_whatever_their_bytes() -> None:
    """Re-saved with other spacing or line endings, a call is the same call; other words are not.
    The original is kept: the path without a " (N)" suffix, though "x (1).txt" sorts first."""
    from knowledge.model import distinct_calls

    text = ("Dana Ortiz: Thanks for joining.\nBob Klein: The price is too high for a clinic our size.\n"
            "Dana Ortiz: What do you pay today?\nBob Klein: About two hundred a month.\n")
    a = parse_text(text, ".txt", REPS)
    b = parse_text(text.replace("\n", "\r\n").replace("Thanks ", "Thanks  "), ".txt", REPS)
    c = parse_text(text.replace("too high", "fine"), ".txt", REPS)
    a.path, b.path, c.path = "y (1).txt", "y.txt", "x.txt"
    kept, copies = distinct_calls([a, b, c])
    assert [k.path for k in kept] == ["y.txt", "x.txt"]  # in the order given
    assert [(f.path, f.severity) for f in copies] == [("y (1).txt", "warning")]
    assert "the same transcript as y.txt" in copies[0].message and "remove one" in copies[0].message
    a.path, b.path = "z.txt", "w.txt"  # neither named as a copy: the first by path is kept
    assert [f.path for f in distinct_calls([a, b, c])[1]] == ["z.txt"]


def test_the_same_short_or_one_speaker_words_in_two_calls_are_two_calls() -> None:
    """A rep's scripted voicemail left for two prospects, or a two-line greeting, is said twice:
    only a call with more than one speaker and at least four turns can be a copy of another."""
    from knowledge.model import distinct_calls

    voicemail = ("Dana Ortiz: Hi, this is Dana from Sonaro.\nDana Ortiz: I'm calling about your scheduling.\n"
                 "Dana Ortiz: Our plans start at ninety dollars a month.\nDana Ortiz: Call me back any time.\n")
    short = "Dana Ortiz: Thanks for joining.\nBob Klein: The price is too high.\n"
    calls = [parse_text(t, ".txt", REPS) for t in (voicemail, voicemail, short, short)]
    for call, path in zip(calls, ("vm-acme.txt", "vm-bolt.txt", "a.txt", "b.txt"), strict=True):
        call.path = path
    kept, copies = distinct_calls(calls)
    assert [k.path for k in kept] == ["vm-acme.txt", "vm-bolt.txt", "a.txt", "b.txt"] and copies == []


@pytest.mark.parametrize(("text", "suffix"), [
    ("1\n00:00:01,000 --> 00:00:03,000\n[SPEAKER_00] Hello there.\n\n"
     "2\n00:00:03,500 --> 00:00:05,000\n[SPEAKER_01] The price is too high for us.\n", ".srt"),
    ("[00:00:01] [SPEAKER_00] Hello there.\n[SPEAKER_01]: The price is too high for us.\n", ".txt"),
])
def test_a_diarisers_speaker_labels_are_speakers(text: str, suffix: str) -> None:
    call = parse_text(text, suffix, REPS)
    assert [(t.speaker, t.text) for t in call.turns] == [
        ("SPEAKER_00", "Hello there."), ("SPEAKER_01", "The price is too high for us.")]
    assert call.turns[0].start == 1.0


def test_a_bracketed_word_that_is_no_diarisers_label_stays_in_the_text() -> None:
    call = parse_text("Ann Wu: [SPEAKERS] were off, sorry.\nBo Li: [SPEAKER_2 ok\n", ".txt", REPS)
    assert [(t.speaker, t.text) for t in call.turns] == [
        ("Ann Wu", "[SPEAKERS] were off, sorry."), ("Bo Li", "[SPEAKER_2 ok")]


MEET = """Summit Charter intro (07/12/2026 at 10:00 GMT-4) - Transcript

Attendees

Jordan Lee, Omar Haddad

Transcript

00:00:00

Jordan Lee: Hi Omar, thanks for the time today.

Omar Haddad: We run about 40 buses.
"""


def test_a_google_meet_header_gives_the_title_and_no_turn() -> None:
    call = parse_text(MEET, ".txt", REPS)
    assert call.title == "Summit Charter intro (07/12/2026 at 10:00 GMT-4)"
    assert [(t.speaker, t.role, t.line) for t in call.turns] == [
        ("Jordan Lee", "internal", 11), ("Omar Haddad", "external", 13)]


@pytest.mark.parametrize("text", [
    # a first line that ends in "- Transcript" is prose unless Meet's labels follow it
    "Quarterly review - Transcript\nJordan Lee: Hi.\nOmar Haddad: Hello.\n",
    # a speaker named on the line after "Attendees" opens the turns: it is not the list of names
    "Intake call - Transcript\n\nAttendees\nJordan Lee: Who is here today?\nOmar Haddad: Just me.\n",
])
def test_text_that_only_looks_like_a_meet_header_keeps_its_turns(text: str) -> None:
    call = parse_text(text, ".txt", REPS)
    assert "Jordan Lee" in call.speakers and "Omar Haddad" in call.speakers
    assert any("Hi." in t.text or "Who is here today?" in t.text for t in call.turns)


def test_only_external_marks_leave_the_rest_unknown() -> None:
    turns = [{"speaker": "Ana Ruiz", "role": "buyer", "text": "Hi."}, {"speaker": "Bo Li", "text": "Hello."}]
    call = parse_text(json.dumps(turns), ".json", NOBODY)
    assert [t.role for t in call.turns] == ["external", "unknown"]
    assert call.roles_known


# ---------------------------------------------------------------------------------------------
# Sentences


@pytest.mark.parametrize("text, expected", [
    ("It costs $3.40 per invoice. That is low.", ["It costs $3.40 per invoice.", "That is low."]),
    ("We saw a 2.5x gain, e.g. at Contoso. Next.", ["We saw a 2.5x gain, e.g. at Contoso.", "Next."]),
    ("Ask Dr. Chen. She knows.", ["Ask Dr. Chen.", "She knows."]),
    ("Formats, i.e. PDF and XML. Done!", ["Formats, i.e. PDF and XML.", "Done!"]),
    ("Really? Yes! OK.", ["Really?", "Yes!", "OK."]),
    ("He said \"no.\" Then left.", ["He said \"no.\"", "Then left."]),
    ("J. Smith runs AP. Fine.", ["J. Smith runs AP.", "Fine."]),
    ("Well... maybe not.", ["Well... maybe not."]),
    ("Version 2.0 is out", ["Version 2.0 is out"]),
    ("See No. 5 here. Ok.", ["See No. 5 here.", "Ok."]),
    ("", []),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_split_sentences_honours_known_boundaries() -> None:
    text = "It's about to be Harvest starts soon"
    assert [text[a:b] for a, b in split_sentences(text, [17])] == ["It's about to be", "Harvest starts soon"]


# ---------------------------------------------------------------------------------------------
# Folders


def _write_calls(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "b-good.vtt").write_text((DATA / "zoom.vtt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a-broken.json").write_text('{"turns": [\n  {"speaker": "A", "text": "Hi"\n', encoding="utf-8")
    (folder / "c-wrong-shape.json").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "d-binary.srt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "e-good.txt").write_text("Jordan Lee: Hi.\nAna Ruiz: Hello.\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Jordan Lee: secret.\n", encoding="utf-8")
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".git" / "x.txt").write_text("Jordan Lee: secret.\n", encoding="utf-8")
    (folder / "notes.md").write_text("# not a call\n", encoding="utf-8")


def test_find_call_files_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    _write_calls(tmp_path / "calls")
    names = [p.relative_to(tmp_path / "calls").as_posix() for p in find_call_files(tmp_path / "calls")]
    assert names == ["a-broken.json", "b-good.vtt", "c-wrong-shape.json", "d-binary.srt", "sub/e-good.txt"]


def test_broken_files_become_findings_and_never_stop_the_others(tmp_path: Path) -> None:
    _write_calls(tmp_path / "calls")
    calls, problems = load_calls(Settings(root=tmp_path, calls=CallSettings(internal_speakers=["Jordan Lee"])))
    assert [c.path for c in calls] == ["calls/b-good.vtt", "calls/sub/e-good.txt"]
    assert all(c.roles_known for c in calls)
    assert [(p.path, p.rule, p.severity) for p in problems] == [
        ("calls/a-broken.json", "invalid-call", "error"),
        ("calls/c-wrong-shape.json", "invalid-call", "error"),
        ("calls/d-binary.srt", "invalid-call", "error"),
    ]
    broken, shape, binary = problems
    assert broken.line == 2 and "truncated" in broken.message and "export" in broken.message
    assert "accepted shapes" in shape.message
    assert "binary" in binary.message
    assert all("\n" not in p.message for p in problems)


def test_missing_calls_folder_is_no_problem(tmp_path: Path) -> None:
    assert load_calls(Settings(root=tmp_path)) == ([], [])


def test_calls_outside_the_kb_get_dotdot_paths(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (tmp_path / "recordings").mkdir()
    (tmp_path / "recordings" / "x.txt").write_text("Jordan Lee: Hi.\n", encoding="utf-8")
    calls, problems = load_calls(Settings(root=kb, calls=CallSettings(path=str(tmp_path / "recordings"))))
    assert problems == []
    assert [c.path for c in calls] == ["../recordings/x.txt"]


# ---------------------------------------------------------------------------------------------
# Any input: a Call or a CallParseError, never a crash; positions always land on the text

_PIECES = [
    "Maya Patel: ", "DANA WU: ", "[00:01:23] Ana Ruiz: ", "<v Bo Li>", "</v>", "<i>", "</i>", "<c.red>",
    "{vocalsound}", "{\\an8}", "&amp;", "&nbsp;", "&bogus;", "[laughter]", " . ", " , ", "  ", "\t",
    "\n", "\n\n", "\r\n", "1\n", "00:00:01.000 --> 00:00:02.000\n", "00:00:03,500 --> 00:00:04,000\n",
    "NOTE x\n", "WEBVTT\n", "-->", "e.g. ", "Dr. ", "$3.40 ", "Hello. ", "World? ", "café ", "Tomás ",
    "\u200b", "\ufeff", "\ufffd", ":", "- ", ">> ", "Note: ", "...", "Zed", "ok", "42", "\u2014",
]


@pytest.mark.parametrize("suffix", [".vtt", ".srt", ".txt"])
def test_any_text_parses_or_says_why(suffix: str) -> None:
    rng = random.Random(f"calls{suffix}")
    for _ in range(400):
        raw = "".join(rng.choices(_PIECES, k=rng.randint(0, 40)))
        try:
            call = parse_text(raw, suffix, NOBODY)
        except CallParseError as exc:
            assert exc.line >= 1 and exc.message
            continue
        lines = file_lines(raw)
        for turn in call.turns:
            assert turn.text.strip() == turn.text and "  " not in turn.text
            for s in turn.sentences:
                assert s.text and s.text in turn.text
                at = lines[s.line - 1][s.column - 1:]
                if s.text[0].isalnum():
                    assert at.startswith(s.text[0]), (raw, s)


_JSON_CHARS = [*"ab .?!\"\\\n\u00e9\u2019{}<>&;", "&amp;", "{gap}", "\U0001F600"]


def test_json_string_positions_survive_escapes() -> None:
    rng = random.Random("json")
    for _ in range(300):
        texts = ["".join(rng.choices(_JSON_CHARS, k=rng.randint(0, 30))) for _ in range(rng.randint(1, 6))]
        raw = json.dumps({"turns": [{"speaker": f"S{i % 2}", "text": t} for i, t in enumerate(texts)]},
                         ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1]))
        try:
            call = parse_text(raw, ".json", NOBODY)
        except CallParseError as exc:
            assert "no turn" in exc.message
            continue
        lines = file_lines(raw)
        for turn in call.turns:
            for s in turn.sentences:
                at = scanstring(lines[s.line - 1][s.column - 1:], 0)[0]
                if s.text[0].isalnum():
                    assert at.startswith(s.text[0]), (raw, s)


def test_vtt_raw_speech_recognition_keeps_a_sentence_split_over_cues_together() -> None:
    """Speech recognition cuts cues by time, not by sentence: a figure in the second cue keeps the
    words of the first, which say what it measures."""
    raw = ("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nDana Cole: and on average teams cut their triage time by\n\n"
           "2\n00:00:04.000 --> 00:00:07.000\nDana Cole: about forty percent in the first quarter\n")
    call = parse_text(raw, ".vtt")
    figure = [s for s in call.turns[0].sentences if "forty percent" in s.text]
    assert figure and "triage time" in figure[0].text


def test_a_sentence_over_several_cues_places_each_figure_on_its_own_cue() -> None:
    """Raw speech recognition puts no stop between cues: one sentence runs over several, and a figure
    points at the cue it was said in, not at the cue the sentence began in."""
    from knowledge.figures.reading import sentence_claims

    text = ("1\n00:00:01,000 --> 00:00:04,000\nMitch: so on time delivery sits at ninety six per cent\n\n"
            "2\n00:00:04,500 --> 00:00:08,000\nMitch: and most of them make the money back inside five months\n")
    call = parse_text(text, ".srt")
    [turn] = call.turns
    placed = [(c.span, c.line, c.column) for s in turn.sentences for c in sentence_claims(s)]
    assert placed == [("ninety six per cent", 3, 36), ("five months", 7, 52)]
