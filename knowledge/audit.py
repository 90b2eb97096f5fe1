"""The audit of the KB and the check of drafts: run the rules, then make their findings a report.

``audit``/``check`` work on an ``AuditContext`` in memory (what the tests use);
``run_audit``/``run_check`` build that context from the index first (what the CLI and the API use).
After the rules have run, the same steps apply to every finding, whatever its rule: severities
configured in ``canon.toml``, sorting, fingerprints, then suppression by ``canon.ignore`` and
ignore comments, then reviewers' verdicts (``verdicts/findings.yaml``, :mod:`.finding_verdicts`:
findings marked wrong are left out, and what the verdicts say about claim-ness applies to the run's
figures before the rules read them). Baselines are applied by the caller (``Report.without``), since
the CLI and the API take them from different places.

Severities and rules can be set per KB in ``canon.toml``::

    [rules]
    missing-owner = "off"        # do not run it
    duplicate-entry = "error"    # report it as an error
    invalid-draft = "warning"    # the input-problem rules too (invalid-entry, invalid-call)
    min_confidence = 0.5         # leave out figure findings whose confidence is under 0.5

``min_confidence`` (0 to 1) is the cut the CLI and the API apply when a run names none
(:func:`min_confidence`); without it, :data:`knowledge.rules.confidence.DEFAULT_MIN_CONFIDENCE`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from . import finding_verdicts
from .errors import ConfigError, UsageError
from .finding_verdicts import FindingVerdict
from .model import SEVERITY_RANK, Claim, Finding, roles_unknown
from .report import Ignores, Report, assign_fingerprints, sort_findings
from .rules import ALL_RULES, AuditContext, Draft, Rule, confidence, rules_by_id
from .settings import Settings

__all__ = ["Report", "audit", "check", "as_shown", "configured_rules", "min_confidence", "run_audit", "run_check", "select_rules"]

RULE_SETTINGS = ("error", "warning", "info", "off")
MIN_CONFIDENCE_KEY = "min_confidence"  # the one key of [rules] that is not a rule id
CALL_FIGURE_RULES = {"unsupported-claim", "rep-misstatement", "retired-claim", "stale-claim"}


def configured_rules(settings: Settings) -> dict[str, str]:
    """The ``[rules]`` table of canon.toml: rule id -> error | warning | info | off."""
    table = settings.extra.get("rules", {})
    if not isinstance(table, dict):
        raise ConfigError("canon.toml: [rules] must be a table of rule ids", hint='e.g. [rules] missing-owner = "off"')
    known = rules_by_id()
    out: dict[str, str] = {}
    for rule_id, value in table.items():
        if rule_id == MIN_CONFIDENCE_KEY:
            continue
        if rule_id not in known:
            raise ConfigError(f"canon.toml: [rules] names {rule_id!r}, which is not a rule",
                              hint=f"the rules are: {', '.join(sorted(known))}")
        if not isinstance(value, str) or value.lower() not in RULE_SETTINGS:
            raise ConfigError(f"canon.toml: [rules] {rule_id} = {value!r}",
                              hint=f'set it to one of {", ".join(RULE_SETTINGS)}, e.g. {rule_id} = "warning"')
        out[rule_id] = value.lower()
    return out


def confidence_cut(settings: Settings, given: float | None = None) -> tuple[float, str]:
    """The confidence cut of a run and where it comes from, in the words the text output names it
    with: ``given`` (``--min-confidence``, the API's ``min_confidence``) if any, else
    ``[rules] min_confidence`` of canon.toml, else the shipped default
    (:data:`~knowledge.rules.confidence.DEFAULT_MIN_CONFIDENCE`). canon.toml is read once."""
    if given is not None:
        return given, "--min-confidence"
    table = settings.extra.get("rules", {})
    value = table.get(MIN_CONFIDENCE_KEY) if isinstance(table, dict) else None
    if value is None:
        return confidence.DEFAULT_MIN_CONFIDENCE, "the default"
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"canon.toml: [rules] {MIN_CONFIDENCE_KEY} = {value!r}",
                          hint=f"set it to a number from 0 to 1, e.g. {MIN_CONFIDENCE_KEY} = 0.0 (nothing left out)")
    return float(value), f"canon.toml [rules] {MIN_CONFIDENCE_KEY}"


def min_confidence(settings: Settings, given: float | None = None) -> float:
    """The confidence cut of a run (:func:`confidence_cut`, without where it comes from)."""
    return confidence_cut(settings, given)[0]


def as_shown(report: Report, settings: Settings, given: float | None = None) -> Report:
    """``report`` as a user sees it: less the figure findings under the run's confidence cut
    (:func:`confidence_cut`), which it records with where it came from (for the text's last line).
    The CLI, the API and the accuracy benches all show reports through it."""
    cut, source = confidence_cut(settings, given)
    shown = report.at_least(cut)
    if shown is report:
        return report
    return replace(shown, min_confidence_from=source)


def select_rules(wanted: Sequence[str | Rule] | None = None, settings: Settings | None = None) -> list[Rule]:
    """The rules to run: ``wanted`` (ids or rules) or all of them, less those set ``off``.

    A rule asked for by id runs even when canon.toml turns it off: the command line wins.
    """
    known = rules_by_id()
    off = {k for k, v in configured_rules(settings).items() if v == "off"} if settings else set()
    if not wanted:
        return [r for r in ALL_RULES if r.id not in off]
    out: list[Rule] = []
    for w in wanted:
        if isinstance(w, Rule):
            out.append(w)
            continue
        if w not in known:
            raise UsageError(f"there is no rule {w!r}", hint=f"the rules are: {', '.join(sorted(known))}")
        out.append(known[w])
    return list({r.id: r for r in out}.values())


def _passed_through(problems: Iterable[Finding], selected: Sequence[Rule], *, explicit: bool) -> list[Finding]:
    """Findings the parsers made (an unreadable encoding, say) under their own rule ids: kept
    unless rules were picked by id and theirs is not among them, or theirs is turned off."""
    chosen = {r.id for r in selected}
    known = rules_by_id()
    return [p for p in problems if p.rule in chosen or (not explicit and p.rule not in known)]


def _finish(findings: Iterable[Finding], ctx: AuditContext, *, files: int, drafts: Sequence[Draft] = (),
            severities: dict[str, str] | None = None, verdicts: Sequence[FindingVerdict] = (),
            ran: Sequence[Rule] = ()) -> Report:
    unique: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        override = (severities or {}).get(f.rule)
        if override and override != "off":
            f.severity = override
        elif f.severity not in SEVERITY_RANK:
            f.severity = "warning"
        unique.setdefault((f.rule, f.path, f.line, f.column, f.message), f)
    ordered = sort_findings(unique.values())
    # Fingerprints before suppression, so that hiding one finding never renumbers its twins.
    assign_fingerprints(ordered)
    kept, suppressed = Ignores.collect(ctx.kb.entries, drafts).apply(ordered)
    report = Report(findings=kept, files=files, suppressed=suppressed,
                    draft_paths=frozenset(d.path for d in drafts), claims=_claims_of(kept, ctx, drafts),
                    seen=frozenset(f.fingerprint for f in ordered))
    report = finding_verdicts.dismiss(report, list(verdicts), silenced=_silenced(verdicts, ctx, drafts, ran))
    confidence.annotate(report.findings, report.claims, ctx.entries_by_path, drafts=[d.path for d in drafts],
                        calls=[c.path for c in ctx.calls])
    return report


def _silenced(verdicts: Sequence[FindingVerdict], ctx: AuditContext, drafts: Sequence[Draft],
              ran: Sequence[Rule]) -> set[str]:
    """The fingerprints of the wrong unsourced-claim and unsupported-claim verdicts of rules that
    ran whose figure this run still read in the same file: where their finding is gone, claim-ness
    learned from them took it away, and the report counts it as hidden by verdicts."""
    wanted = [v for v in verdicts if v.says_not_a_claim and v.claim and v.rule in {r.id for r in ran}]
    if not wanted:
        return set()
    live = finding_verdicts.live_claims(_claim_lists(ctx, drafts))
    return {v.fingerprint for v in wanted if finding_verdicts.live_claim(v, live) is not None}


def _in_file(draft: Draft, findings: Iterable[Finding]) -> list[Finding]:
    """A rule's findings on ``draft`` at their places in its file: the rules read an HTML draft as
    its text (``ingest.drafts.Draft.placed``); any other draft's lines are its file's."""
    placed = getattr(draft, "placed", None)
    return placed(findings) if placed is not None else list(findings)


def _claim_lists(ctx: AuditContext, drafts: Sequence[Draft]) -> list[tuple[str, list[Claim]]]:
    """(path, figures) of every file this run read figures from: entries, drafts, and the calls
    where the figure rules have read them."""
    out: list[tuple[str, list[Claim]]] = [(e.path, e.claims) for e in ctx.kb.entries]
    out += [(d.path, d.file_claims() if hasattr(d, "file_claims") else d.claims) for d in drafts]
    figures = vars(ctx).get("figures")  # built only if a figure rule ran
    calls = figures.calls_if_read() if figures is not None else None
    for path, resolutions in (calls or {}).items():
        out.append((path, [r.figure.claim for r in resolutions if r.figure.claim is not None]))
    return out


def _claims_of(findings: Sequence[Finding], ctx: AuditContext, drafts: Sequence[Draft]) -> dict[str, Claim]:
    """fingerprint -> the figure each finding is about (where it points at one)."""
    from .report import normalise_path

    wanted: dict[tuple[str, int, int], list[str]] = {}
    for f in findings:
        if f.claim is not None:
            wanted.setdefault((normalise_path(f.path), f.line, f.column), []).append(f.fingerprint)
    out: dict[str, Claim] = {}
    if not wanted:
        return out
    for path, claims in _claim_lists(ctx, drafts):
        p = normalise_path(path)
        for c in claims:
            for fp in wanted.get((p, c.line, c.column), ()):
                out.setdefault(fp, c)
    return out


def _reviewed(ctx: AuditContext, drafts: Sequence[Draft], selected: Sequence[Rule], *,
              use: bool) -> list[FindingVerdict]:
    """The KB's verdicts on findings, with what they teach claim-ness applied to this run's
    figures: the KB's entries and the drafts now, the calls' figures as the figure index reads them."""
    if not use:
        return []
    from .claims import reviewed

    verdicts = finding_verdicts.load_verdicts(ctx.settings.root)
    if not verdicts:
        return verdicts
    live = finding_verdicts.live_claims(_claim_lists(ctx, drafts))
    fix = reviewed.learn(finding_verdicts.examples(verdicts, live))
    if fix is None:
        return verdicts
    fix.apply(c for e in ctx.kb.entries for c in e.claims)
    fix.apply(c for d in drafts for c in d.claims)
    if ctx.calls and not drafts and {r.id for r in selected} & CALL_FIGURE_RULES:
        fix.apply(r.figure.claim for rs in ctx.figures.calls().values() for r in rs if r.figure.claim is not None)
    return verdicts


def audit(ctx: AuditContext, rules: Sequence[str | Rule] | None = None, *, verdicts: bool = True) -> Report:
    """Run every rule's KB check on ``ctx`` and report. With ``verdicts`` (the default) reviewers'
    verdicts on findings (:mod:`.finding_verdicts`) apply: to claim-ness, and to the report."""
    selected = select_rules(rules, ctx.settings)
    reviewed = _reviewed(ctx, (), selected, use=verdicts)
    findings: list[Finding] = []
    for rule in selected:
        findings.extend(rule.check_kb(ctx))
    handled = {"invalid-entry", "invalid-call"}  # passed on by their rules
    others = [p for p in (*ctx.kb.problems, *ctx.call_problems) if p.rule not in handled]
    findings.extend(_passed_through(others, selected, explicit=bool(rules)))
    files = {e.path for e in ctx.kb.entries} | {c.path for c in ctx.calls}
    files |= {p.path for p in (*ctx.kb.problems, *ctx.call_problems)}
    return _finish(findings, ctx, files=len(files), severities=configured_rules(ctx.settings), verdicts=reviewed,
                   ran=selected)


def check(ctx: AuditContext, drafts: Sequence[Draft], rules: Sequence[str | Rule] | None = None, *,
          verdicts: bool = True) -> Report:
    """Run every rule's draft check on each draft and report. Paths stay as the drafts give them."""
    selected = select_rules(rules, ctx.settings)
    reviewed = _reviewed(ctx, drafts, selected, use=verdicts)
    findings: list[Finding] = []
    for draft in drafts:
        for rule in selected:  # rules read an HTML draft's text; findings point into its file
            findings.extend(_in_file(draft, rule.check_draft(ctx, draft)))
        findings.extend(_passed_through(getattr(draft, "findings", None) or [], selected, explicit=bool(rules)))
    return _finish(findings, ctx, files=len({d.path for d in drafts}), drafts=drafts,
                   severities=configured_rules(ctx.settings), verdicts=reviewed, ran=selected)


def _indexed_context(settings: Settings, catalog: Any, today: date, embedder: Any, *,
                     with_calls: bool, progress: Any = None) -> AuditContext:
    from .indexed import Vectors, load_indexed_calls, load_indexed_kb

    with catalog.snapshot():  # entries, calls and chunks of one generation, whatever an ingest commits
        kb = load_indexed_kb(settings, catalog)
        calls, call_problems = load_indexed_calls(settings, catalog) if with_calls else ([], [])
        chunks = catalog.chunks()
    return AuditContext(settings=settings, kb=kb, today=today, calls=calls, call_problems=call_problems,
                        vectors=Vectors(settings, embedder, catalog, progress), chunks=chunks)


def run_audit(settings: Settings, *, today: date, embedder: Any = None,
              rules: Sequence[str | Rule] | None = None, verdicts: bool = True) -> Report:
    """Audit the KB and its calls as the index holds them (bring the index up to date first)."""
    from .store import open_catalog

    catalog = open_catalog(settings)
    try:
        ctx = _indexed_context(settings, catalog, today, embedder, with_calls=True)
        report = audit(ctx, rules, verdicts=verdicts)
    finally:
        catalog.close()
    report.roles_unknown = roles_unknown(ctx.calls)
    if not rules:  # readiness weighs every rule's findings: a partial audit would overrate it
        from .aeo.readiness import score_kb

        report.aeo = score_kb(ctx.kb, report.findings, settings, today).summary()
    return report


def run_check(settings: Settings, drafts: Sequence[Draft], *, today: date, embedder: Any = None,
              rules: Sequence[str | Rule] | None = None, progress: Any = None, verdicts: bool = True) -> Report:
    """Check drafts against the KB as the index holds it. ``progress(phase, done, total)`` hears
    of long work (embedding a long draft's figures), as ``ingest`` reports it."""
    from .store import open_catalog

    catalog = open_catalog(settings)
    try:
        ctx = _indexed_context(settings, catalog, today, embedder, with_calls=False, progress=progress)
        return check(ctx, drafts, rules, verdicts=verdicts)
    finally:
        catalog.close()
