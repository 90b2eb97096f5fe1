"""What the routes answer with a 200 (or 201), as the OpenAPI document publishes it.

These models describe the JSON the core already returns: the routes hand it over as it is (the
same JSON as the CLI's ``--format json``, SPEC sections 5 to 7), so the models are documentation,
never a filter. A key that is only sometimes there is optional here and left out of ``required``;
objects whose keys vary by rule (a finding's ``claim``, ``expected``, ``related``) say the keys
SPEC names and allow others. ``tests/api/test_response_schemas.py`` validates each route's real
answer against its published schema with every other object closed, so that a key added to an
answer and not here fails a test.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

# A figure: one number, or a range as [low, high].
Figure = float | list[float]
Status = Literal["approved", "draft", "retired"]


class _Open(BaseModel):
    """An object whose keys depend on what it describes: the keys below, and possibly others."""

    model_config = ConfigDict(extra="allow")


def ok(model: type[BaseModel], description: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry of a route's success answer (``response_model=None`` on the route, so
    that the answer is sent as the core built it)."""
    return {status: {"model": model, "description": description}}


# -- shared pieces ----------------------------------------------------------------------------------


class Review(BaseModel):
    state: Literal["current", "overdue", "expired", "unreviewed"]
    reviewed: str | None = Field(description="YYYY-MM-DD of the last review.")
    due: str | None = Field(description="YYYY-MM-DD when the next review is due.")
    expires: str | None = Field(description="YYYY-MM-DD after which the entry is stale.")


class Source(BaseModel):
    title: str
    url: str | None
    date: str | None = Field(description="YYYY-MM-DD (a source dated by year or month gets its end).")


class Metric(BaseModel):
    """A registered figure as an entry's front matter gives it."""

    id: str
    name: str
    value: Figure
    unit: str
    qualifier: str | None
    as_of: str | None
    source: str | None
    line: int | None = Field(description="The metric's value: line in the entry's file.")


# -- search -----------------------------------------------------------------------------------------


class Snippet(BaseModel):
    text: str
    line: int
    end_line: int
    section: str


class ResultWarning(BaseModel):
    rule: str
    line: int
    message: str


class AskedFigure(BaseModel):
    """The registered figure that answers a question asking for one."""

    metric: str
    value: Figure
    unit: str
    qualifier: str | None
    text: str = Field(description="The figure in words, e.g. '6 weeks'.")


class SearchResult(BaseModel):
    entry: str
    title: str
    type: str
    status: Status
    canonical: bool = Field(description="true for an approved entry: only those back a figure.")
    score: float
    path: str
    line: int
    snippet: Snippet
    metrics: list[Metric]
    sources: list[Source]
    owner: str | None
    review: Review
    warnings: list[ResultWarning]
    figure: AskedFigure | SkipJsonSchema[None] = Field(None, description="When the question asks for a figure.")


class Demoted(BaseModel):
    """The best-scored entry, when it is not approved and not among the results."""

    entry: str
    title: str
    status: Status
    score: float
    path: str


class SearchResponse(BaseModel):
    """The same JSON as `canon ask --format json`, plus ``index_current`` and ``hint`` when the index
    no longer matches the KB's files."""

    version: int
    query: str
    answered: bool = Field(description="false when no entry answers (results is then empty; see closest).")
    best_score: float
    confidence: float
    floor: float
    results: list[SearchResult]
    demoted: Demoted | SkipJsonSchema[None] = None
    message: str | SkipJsonSchema[None] = Field(None, description="When not answered: why, in words.")
    reason: Literal["floor", "price"] | SkipJsonSchema[None] = Field(
        None, description="When not answered: nothing close enough (floor), or no price stated (price).")
    closest: list[SearchResult] | SkipJsonSchema[None] = Field(
        None, description="When not answered: the nearest entries, for a portal to offer as related.")
    index_current: Literal[False] | SkipJsonSchema[None] = Field(
        None, description="Present (false) only when the KB's files changed since the index was built.")
    hint: str | SkipJsonSchema[None] = Field(None, description="With index_current: what changed, what to run.")


# -- findings (SPEC section 5) ---------------------------------------------------------------------


class FindingClaim(_Open):
    text: str | SkipJsonSchema[None] = None
    value: Figure | SkipJsonSchema[None] = None
    unit: str | SkipJsonSchema[None] = None


class FindingExpected(_Open):
    metric: str | SkipJsonSchema[None] = None
    value: Figure | SkipJsonSchema[None] = None
    unit: str | SkipJsonSchema[None] = None
    entry: str | SkipJsonSchema[None] = None


class FindingRelated(_Open):
    path: str | SkipJsonSchema[None] = None
    line: int | SkipJsonSchema[None] = None
    entry: str | SkipJsonSchema[None] = None


class Finding(BaseModel):
    rule: str
    severity: Literal["error", "warning", "info"]
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    claim: FindingClaim | SkipJsonSchema[None] = None
    expected: FindingExpected | SkipJsonSchema[None] = None
    related: list[FindingRelated] | SkipJsonSchema[None] = None
    fingerprint: str
    confidence: float | SkipJsonSchema[None] = Field(None, description="P(right) of a figure finding.")
    group: str | SkipJsonSchema[None] = Field(
        None, description="duplicate-entry: one entry id of the cluster of near-duplicate pages, the same on every "
                          "finding of the cluster.")


class AeoSummary(BaseModel):
    score: float
    entries: int


class Summary(BaseModel):
    errors: int
    warnings: int
    infos: int
    files: int
    hidden_by_verdicts: int = Field(0, description="Findings reviewers' verdicts hid: findings marked wrong "
                                    "(verdicts/findings.yaml) and objection gaps left with no mention by "
                                    "verdicts/objections.yaml.")
    below_confidence: int | SkipJsonSchema[None] = Field(
        None, description="When a confidence cut applies: the figure findings it left out.")
    min_confidence: float | SkipJsonSchema[None] = Field(None, description="When a confidence cut applies: the cut.")
    aeo: AeoSummary | SkipJsonSchema[None] = Field(None, description="A full audit's AEO readiness.")


class FindingsResponse(BaseModel):
    """The same JSON as `canon audit --format json` / `canon check --format json` (SPEC section 5)."""

    version: int
    findings: list[Finding]
    summary: Summary
    roles_unknown: list[str] | SkipJsonSchema[None] = Field(
        None, description="A full audit: the calls in which no speaker is known to be the company's (their "
                          "reps' figures go unchecked).")


# -- objections (SPEC section 6) -------------------------------------------------------------------


class Mention(BaseModel):
    call: str
    line: int
    column: int
    speaker: str
    text: str
    score: float
    match: float
    why: str | SkipJsonSchema[None] = None


class Answer(_Open):
    entry: str
    score: float
    explicit: bool


class Objection(BaseModel):
    id: str
    label: str
    known: bool
    calls: int
    mentions: list[Mention]
    answers: list[Answer]
    covered: bool
    path: str | SkipJsonSchema[None] = Field(None, description="The objection entry, for a known objection.")
    pending: list[Answer] | SkipJsonSchema[None] = Field(None, description="Answers that are not approved.")
    gap_marked_wrong: bool | SkipJsonSchema[None] = Field(
        None, description="A gap whose objection-gap finding a reviewer marked wrong: canon audit leaves it out.")


class Prefilter(BaseModel):
    turns: int
    skipped: int
    sentences: int


class Unplaced(BaseModel):
    mentions: int
    calls: int


class ObjectionsResponse(BaseModel):
    """The same JSON as `canon objections --format json` (SPEC section 6)."""

    version: int
    calls: int
    objections: list[Objection]
    roles_unknown: list[str]
    prefilter: Prefilter
    unplaced: Unplaced
    verdicts: VerdictsApplied


class VerdictsApplied(BaseModel):
    applied: int = Field(description="Reviewers' verdicts in effect (verdicts/objections.yaml).")
    match_no_call: list[ObjectionVerdict] = Field(description="Mention and assignment verdicts whose call is gone "
                                                  "(renamed or deleted) and whose words no call says.")


# -- entries and metrics ----------------------------------------------------------------------------


class Page(BaseModel):
    total: int = Field(description="How many match the filters, before offset and limit.")
    offset: int
    limit: int | None = Field(description="As asked; null: no limit.")


class EntrySummary(BaseModel):
    id: str
    title: str
    type: str
    status: Status
    path: str
    owner: str | None
    topics: list[str]
    review: Review
    metrics: list[str] = Field(description="The ids of the metrics it registers.")


class EntriesResponse(Page):
    version: int
    entries: list[EntrySummary]


class EntryClaim(BaseModel):
    text: str
    value: Figure
    unit: str
    line: int
    column: int
    kind: str
    qualifier: str | None


class EntryDetail(BaseModel):
    id: str
    title: str
    type: str
    status: Status
    path: str
    owner: str | None
    review: Review
    review_every: str
    sources: list[Source]
    metrics: list[Metric]
    answers: list[str]
    supersedes: list[str]
    topics: list[str]
    audience: list[str]
    examples: list[str]
    claims: list[EntryClaim]
    body: str


class EntryResponse(BaseModel):
    version: int
    entry: EntryDetail


class MetricRow(Metric):
    entry: str
    entry_status: Status
    path: str


class MetricsResponse(Page):
    version: int
    metrics: list[MetricRow]


# -- health -----------------------------------------------------------------------------------------


class Problem(BaseModel):
    code: str
    message: str
    count: int
    fix: str


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded"]
    kb: str
    indexed: bool
    up_to_date: bool
    store: Literal["embedded", "server"]
    entries: int
    calls: int
    model: str | None
    chunks: int = Field(description="The same as searchable_chunks, under its first name (kept for the clients "
                                     "that read it; not the `chunks` of `canon ingest --format json`).")
    searchable_chunks: int = Field(description="The chunks searches can find, each with a vector in the store "
                                               "(as `canon doctor` counts them).")
    catalog_chunks: int = Field(description="Every chunk the index lists: the searchable ones, and the claim and "
                                            "context chunks the checks read (their vectors are cached, not "
                                            "searched). The `chunks` of `canon ingest --format json`.")
    vectors: int | None = Field(description="Vectors in the store (null when the diagnosis did not count them).")
    writing: dict[str, Any] | None = Field(description="The ingest writing the index now, if any.")
    problems: list[Problem]
    checked_at: str
    age_s: float


# -- reviewers' verdicts ----------------------------------------------------------------------------


class FindingVerdict(BaseModel):
    """One line of verdicts/findings.yaml; keys with no value are left out."""

    fingerprint: str
    verdict: Literal["right", "wrong"]
    rule: str
    path: str
    line: int | SkipJsonSchema[None] = None
    claim: str | SkipJsonSchema[None] = None
    value: Figure | SkipJsonSchema[None] = None
    unit: str | SkipJsonSchema[None] = None
    sentence: str | SkipJsonSchema[None] = None
    message: str | SkipJsonSchema[None] = None
    why: str | SkipJsonSchema[None] = None
    by: str | SkipJsonSchema[None] = None
    on: str | SkipJsonSchema[None] = Field(None, description="YYYY-MM-DD the verdict was given.")


class ObjectionVerdict(BaseModel):
    """One line of verdicts/objections.yaml; keys with no value are left out."""

    kind: Literal["mention", "assignment", "rename", "merge"]
    verdict: Literal["right", "wrong"]
    call: str | SkipJsonSchema[None] = None
    line: int | SkipJsonSchema[None] = None
    text: str | SkipJsonSchema[None] = None
    key: str | SkipJsonSchema[None] = None
    objection: str | SkipJsonSchema[None] = None
    theme: str | SkipJsonSchema[None] = None
    label: str | SkipJsonSchema[None] = None
    into: str | SkipJsonSchema[None] = None
    mentions: list[str] | SkipJsonSchema[None] = None
    by: str | SkipJsonSchema[None] = None
    on: str | SkipJsonSchema[None] = None


class FindingVerdicts(BaseModel):
    path: str = Field(description="The verdicts file, relative to the KB root.")
    verdicts: list[FindingVerdict]


class ObjectionVerdicts(BaseModel):
    path: str = Field(description="The verdicts file, relative to the KB root.")
    verdicts: list[ObjectionVerdict]


class FindingVerdictRecorded(BaseModel):
    verdict: FindingVerdict
    verdicts: int = Field(description="How many verdicts the file holds now.")
    path: str


class ObjectionVerdictRecorded(BaseModel):
    verdict: ObjectionVerdict
    verdicts: int = Field(description="How many verdicts the file holds now.")
    path: str


# -- AEO readiness ----------------------------------------------------------------------------------


class ScoreCheck(BaseModel):
    check: str
    points: int
    passes: str = Field(description="What an entry does to pass it.")


class TopReason(BaseModel):
    check: str
    reason: str
    entries: int
    points: int


class EntryCheck(BaseModel):
    check: str
    points: int
    max: int
    reason: str | None
    label: str | None
    fix: str | None
    line: int | None
    where: str


class Advice(BaseModel):
    where: str
    text: str


class EntryScore(BaseModel):
    entry: str
    title: str
    type: str
    path: str
    score: int
    lost: int
    reasons: list[str]
    checks: list[EntryCheck]
    advice: list[Advice]
    exported: bool | SkipJsonSchema[None] = None
    left_out: list[str] | SkipJsonSchema[None] = Field(None, description="Why the export leaves it out, if it does.")


class ScoreResponse(BaseModel):
    """The same JSON as `canon aeo score --format json`."""

    version: int
    today: str
    score: float
    entries_scored: int
    scope: str
    checks: list[ScoreCheck]
    top_reasons: list[TopReason]
    entries: list[EntryScore]
