"""The figure rules: metric-conflict, source-conflict, stale-claim, unsourced-claim,
unsupported-claim, retired-claim, rep-misstatement.

Data-driven cases live in ``tests/data/rules/<rule-id>/*.yaml`` in the format documented in
``test_structural.py``, whose runner these tests share; figure cases often use its ``calls`` key
(path relative to the KB root -> file text), parsed by the real call readers with the case's
``canon.toml``. Unit tests below build entries,
drafts and calls in memory. All of it runs with the deterministic fake embedder; the thresholds
are the real model's, and ``test_accuracy.py`` measures them with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.drafts import parse_draft_text
from knowledge.audit import audit, check
from knowledge.embedding import FakeEmbedder
from knowledge.figures import FigureIndex
from knowledge.model import KB, Call, Entry, Metric, Sentence, Source, Turn
from knowledge.rules import AuditContext

from .test_structural import case_files, check_case

FIGURE_RULES = ("metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement")


@pytest.mark.parametrize("path", case_files(FIGURE_RULES), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_figure_rule_case(path: Path, tmp_path: Path) -> None:
    check_case(path, tmp_path)


def test_every_figure_rule_has_cases_with_and_without_findings() -> None:
    for rule in FIGURE_RULES:
        cases = [yaml.safe_load(p.read_text()) for p in case_files((rule,))]
        assert any(c.get("findings") for c in cases), rule
        assert any(not c.get("findings") for c in cases), rule


@pytest.mark.model
@pytest.mark.parametrize("path", case_files(FIGURE_RULES), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_figure_cases_with_the_real_model(path: Path, tmp_path: Path) -> None:
    """The thresholds are the real model's: the same cases hold with it."""
    from knowledge.embedding import MiniLMNumpyEmbedder

    check_case(path, tmp_path, MiniLMNumpyEmbedder())


# -- unit tests: entries, drafts and calls built in memory -------------------------------------------


def _entry(path: str, body: str, *, metrics: list[Metric] | None = None, sources: list[Source] | None = None,
           **kw: Any) -> Entry:
    from ingest._markdown import parse_markdown

    parsed = parse_markdown(body, 1)
    eid = path.removesuffix(".md")
    for m in metrics or []:
        m.entry_id = eid
    return Entry(id=eid, path=path, body=body, blocks=parsed.blocks, claims=parsed.claims, metrics=metrics or [],
                 sources=sources or [], title=kw.pop("title", eid), **kw)


def _ctx(entries: list[Entry], calls: list[Call] | None = None, today: date = date(2026, 11, 1)) -> AuditContext:
    from knowledge.settings import Settings

    return AuditContext(settings=Settings(root=Path("/kb")), kb=KB(root=Path("/kb"), entries=entries), today=today,
                        calls=calls or [], vectors=FakeEmbedder().embed)


GO_LIVE = _entry(
    "proof/go-live.md", "# Time to go live\n\nThe median customer goes live in 6 weeks.\n", type="proof_point",
    reviewed=date(2026, 10, 1), sources=[Source(title="2026 Implementation Study", date=date(2026, 5, 20), line=4)],
    metrics=[Metric(id="median-go-live", name="median time to go live", value=6.0, unit="weeks", entry_id="",
                    qualifier="median", source="2026 Implementation Study", line=9)])


def _call(*turns: tuple[str, str, str]) -> Call:
    return Call(path="calls/c.txt", roles_known=True, turns=[
        Turn(speaker=who, text=text, line=i + 1, role=role, sentences=[Sentence(text=text, line=i + 1)])
        for i, (who, role, text) in enumerate(turns)])


def test_a_conflict_finding_says_what_to_write() -> None:
    answer = _entry("answers/impl.md", "# Implementation\n\nThe median customer goes live in 8 weeks.\n",
                    type="answer", sources=[Source(title="x")])
    report = audit(_ctx([GO_LIVE, answer]), ["metric-conflict"])
    [f] = report.findings
    d = f.to_dict()
    assert (d["path"], d["line"], d["column"]) == ("answers/impl.md", 3, 34)
    assert d["claim"] == {"text": "goes live in 8 weeks", "value": 56.0, "unit": "days"}
    assert d["expected"] == {"metric": "median-go-live", "value": 6.0, "unit": "weeks", "entry": "proof/go-live"}
    assert d["related"] == [{"path": "proof/go-live.md", "line": 9, "entry": "proof/go-live"}]
    assert "8 weeks" in d["message"] and "median 6 weeks (median-go-live)" in d["message"]
    assert f.entry == "answers/impl"


def test_the_figure_index_is_built_once_per_run() -> None:
    ctx = _ctx([GO_LIVE])
    assert FigureIndex.of(ctx) is FigureIndex.of(ctx) is ctx.figures
    audit(ctx, list(FIGURE_RULES))
    assert FigureIndex.of(ctx).kb is FigureIndex.of(ctx).kb


def test_an_empty_kb() -> None:
    assert audit(_ctx([]), list(FIGURE_RULES)).findings == []
    draft = parse_draft_text("# Hi\n\nWe have 40 connectors.\n", "d.md")
    assert [f.rule for f in check(_ctx([]), [draft], list(FIGURE_RULES)).findings] == ["unsupported-claim"]


def test_rep_misstatement_and_unsupported_on_a_call() -> None:
    call = _call(("Marco Rossi", "external", "Our last rollout took three weeks."),
                 ("Priya Raman", "internal", "The median customer goes live in about three weeks."),
                 ("Priya Raman", "internal", "We also run at 99.95% uptime."),
                 ("Priya Raman", "internal", "The median customer goes live in six weeks."))
    report = audit(_ctx([GO_LIVE], [call]), ["rep-misstatement", "unsupported-claim", "metric-conflict"])
    got = [(f.rule, f.line) for f in report.findings]
    assert got == [("rep-misstatement", 2), ("unsupported-claim", 3)]
    rep = report.findings[0]
    assert rep.severity == "error" and "Priya Raman" in rep.message and rep.expected == {
        "metric": "median-go-live", "value": 6.0, "unit": "weeks", "entry": "proof/go-live"}


def test_calls_without_known_roles_are_not_checked() -> None:
    call = _call(("A", "unknown", "The median customer goes live in about three weeks."))
    assert audit(_ctx([GO_LIVE], [call]), ["rep-misstatement", "unsupported-claim"]).findings == []


def test_a_draft_quoting_what_only_an_expired_entry_backs_is_an_error() -> None:
    offer = _entry("messaging/offer.md", "# Offer\n\nWe waive the $15,000 implementation fee.\n", type="message",
                   reviewed=date(2026, 7, 1), expires=date(2026, 9, 30), key_lines={"expires": 6},
                   sources=[Source(title="brief", date=date(2026, 6, 24))],
                   metrics=[Metric(id="fee-waiver", name="implementation fee waived", value=15000.0, unit="USD",
                                   entry_id="", line=12)])
    draft = parse_draft_text("# Q4\n\nWe will waive the $15,000 implementation fee.\n", "d.md")
    ctx = _ctx([offer])
    [kb_finding] = audit(ctx, ["stale-claim"]).findings
    assert (kb_finding.line, kb_finding.severity) == (6, "error")
    [f] = check(ctx, [draft], ["stale-claim", "unsupported-claim"]).findings
    assert (f.rule, f.line, f.severity) == ("stale-claim", 3, "error")
    assert f.related == [{"path": "messaging/offer.md", "line": 12, "entry": "messaging/offer"}]


def test_an_entrys_own_figure_in_its_prose_rests_on_the_entrys_old_sources() -> None:
    """A draft backed by the prose of an entry (not its metric) is stale when every source the entry
    may rest on is old; a source its metric cites that the entry does not list keeps it current."""
    from knowledge.rules.stale_claim import Staleness

    body = "# Yield\n\nIn a trial on 14 fields, zoned seed rates lifted wheat yield by 4.5% on average.\n"
    trial = Source(title="Zoned seeding trial", date=date(2023, 8, 15), line=8)

    def entry(metric_source: str) -> Entry:
        return _entry("proof/yield.md", body, type="proof_point", reviewed=date(2026, 9, 1), sources=[trial],
                      metrics=[Metric(id="yield-uplift", name="wheat yield gain from zoned seed rates", value=4.5,
                                      unit="percent", entry_id="", source=metric_source, line=12)])

    for metric_source, stale in (("Zoned seeding trial", True), ("Seed Rate Benchmark 2026", False)):
        ctx = _ctx([entry(metric_source)])
        [prose] = [f for f in ctx.figures.kb.canonical.figures if f.claim is not None and f.claim.text.endswith("4.5%")]
        reason = Staleness.of(ctx).figure(prose)
        assert (reason is not None and reason[0] == "stale") is stale, (metric_source, reason)


@pytest.mark.parametrize(("old_title", "sentence", "rests"), [
    ("Acme Leakage Study", "Customers cut leakage by 3 to 5%.", True),
    ("2021 Ticket Deflection Survey", "Ticket deflection rose by 20%.", True),
    # a word any title may hold says nothing of which source a figure rests on
    ("2021 Customer Support Survey", "Support tickets fell 20%.", False),
    ("Annual Customer Benchmark", "Customer renewals rose 20%.", False),
])
def test_a_figure_rests_on_an_old_source_its_sentence_names_by_a_distinctive_word(
        old_title: str, sentence: str, rests: bool) -> None:
    from knowledge.rules.stale_claim import Staleness

    old = Source(title=old_title, date=date(2021, 3, 1), line=8)
    current = Source(title="2026 Helpdesk Benchmark", date=date(2026, 5, 1), line=9)
    entry = _entry("proof/tickets.md", f"# Tickets\n\n{sentence}\n", type="proof_point", reviewed=date(2026, 9, 1),
                   sources=[old, current])
    assert Staleness.of(_ctx([entry])).rests_on(entry, old) is rests


def test_canon_ignore_silences_a_figure_rule() -> None:
    note = _entry("notes.md", "# Notes\n\nIt extracts an invoice in under 9 seconds.\n",
                  ignore=["unsourced-claim"])
    assert audit(_ctx([note]), ["unsourced-claim"]).findings == []
    note.ignore = []
    assert [f.rule for f in audit(_ctx([note]), ["unsourced-claim"]).findings] == ["unsourced-claim"]


def test_fingerprints_survive_an_inserted_paragraph() -> None:
    def run(body: str) -> str:
        answer = _entry("answers/impl.md", body, type="answer", sources=[Source(title="x")])
        [f] = audit(_ctx([GO_LIVE, answer]), ["metric-conflict"]).findings
        return f.fingerprint

    base = "# Implementation\n\nThe median customer goes live in 8 weeks.\n"
    assert run(base) == run(base.replace("\n\n", "\n\nA new paragraph about people.\n\n", 1))


def test_two_past_agendas_of_one_year_in_one_entry_keep_their_own_fingerprints() -> None:
    """Each finding is keyed by its statement, so that removing the first does not hand its
    fingerprint (and any verdict or suppression on it) to the second."""
    first = "Cloud transformation is a key CIO initiative for 2022."
    second = "For hospitals, our priorities for 2022 are bed management and discharge."

    def run(body: str) -> dict[int, str]:
        page = _entry("usecase.md", body, type="answer", sources=[Source(title="x")])
        return {f.line: f.fingerprint for f in audit(_ctx([page]), ["stale-claim"]).findings}

    both = run(f"# Use case\n\n{first}\n\n{second}\n")
    assert sorted(both) == [3, 5] and both[3] != both[5]
    assert run(f"# Use case\n\n{second}\n") == {3: both[5]}


def test_checking_a_draft_again_embeds_only_what_changed(tmp_path: Path, fake_embedder: object) -> None:
    from ingest.pipeline import ingest
    from knowledge.audit import run_check
    from knowledge.settings import load_settings

    root = tmp_path / "kb"
    (root / "proof").mkdir(parents=True)
    (root / "proof" / "go-live.md").write_text("# Time to go live\n\nThe median customer goes live in 6 weeks.\n")
    settings = load_settings(root, environ={})
    ingest(settings)

    class Counting(FakeEmbedder):
        texts = 0

        def embed(self, texts: Any, **kw: Any) -> Any:
            Counting.texts += len(texts)
            return super().embed(texts, **kw)

    seen: list[tuple[str, int, int]] = []
    draft = "# Q4\n\n" + "\n\n".join(f"Customers in region {i} go live in {i + 3} weeks." for i in range(5)) + "\n"
    first = run_check(settings, [parse_draft_text(draft, "d.md")], today=date(2026, 11, 1), embedder=Counting(),
                      progress=lambda *a: seen.append(a))
    assert Counting.texts >= 5 and seen[-1] == ("embed", Counting.texts, Counting.texts)
    before = Counting.texts
    edited = draft.replace("region 4", "region four")
    again = run_check(settings, [parse_draft_text(edited, "d.md")], today=date(2026, 11, 1), embedder=Counting())
    assert Counting.texts - before == 1  # only the edited sentence
    assert len(again.findings) == len(first.findings)


def test_a_retired_figure_said_in_other_words_is_retired_not_a_metric_the_model_reads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A rep saying a retired figure's very value in other words repeats the retired claim, even where
    the "same measure?" model would read it as the current metric misstated: the value said again is
    stronger evidence than the words."""
    import numpy as np

    from knowledge.figures import identity

    coef = np.zeros(len(identity.FEATURES))
    coef[identity.FEATURES.index("measure_words")] = 12.0
    monkeypatch.setattr(identity, "_weights", lambda: (coef, -3.0, {"said": 0.5}))
    # the wording alone, not a backing score, ties the figure to the retired one, and only the
    # model, not the similarity thresholds, reads a conflict
    monkeypatch.setattr("knowledge.figures.index.retired_repeat", lambda current, retired: None)
    monkeypatch.setattr("knowledge.figures.decide.CONFLICT", 1.5)
    monkeypatch.setattr("knowledge.figures.decide.CONFLICT_AWAY", 1.5)
    payback = _entry("proof/payback.md", "# Payback\n\nThe subscription pays for itself in 4 months.\n",
                     type="proof_point", reviewed=date(2026, 10, 1), supersedes=["proof/payback-2023"],
                     sources=[Source(title="2026 Value Study", date=date(2026, 5, 20), line=4)],
                     metrics=[Metric(id="payback-months", name="months until the subscription pays for itself",
                                     value=4.0, unit="months", entry_id="", qualifier="median", line=9)])
    old = _entry("proof/payback-2023.md", "# Payback: retired\n\nThe subscription pays for itself in 6 weeks.\n",
                 type="proof_point", status="retired", reviewed=date(2024, 1, 10),
                 sources=[Source(title="2023 Value Study", date=date(2023, 5, 20), line=4)],
                 metrics=[Metric(id="payback-weeks", name="weeks until the subscription pays for itself",
                                 value=6.0, unit="weeks", entry_id="", line=9)])
    call = _call(("Marco Rossi", "external", "How fast does it pay back?"),
                 ("Priya Raman", "internal", "The subscription pays for itself in six weeks for most groups."),
                 ("Priya Raman", "internal", "The subscription pays for itself in nine months for most groups."))
    report = audit(_ctx([payback, old], [call]), ["rep-misstatement", "retired-claim"])
    assert [(f.rule, f.line) for f in report.findings] == [("retired-claim", 2), ("rep-misstatement", 3)]
