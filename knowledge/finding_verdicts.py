"""Reviewers' verdicts on the findings of ``canon audit`` and ``canon check``: a finding right or wrong.

They live in the KB, in ``verdicts/findings.yaml`` (read and written like the verdicts on
objections, :mod:`knowledge.verdict_file`), a file people review like any other under version
control. Each verdict names its finding by fingerprint and keeps what the finding was about (rule,
path, the figure and its sentence), so that it still finds its finding when the fingerprint moves
(a twin figure added above it, the file renamed, the draft checked under another name). They act at
once, and as data:

- a finding marked wrong is left out of later audits and checks (``Report.dismissed`` counts it);
  a verdict applies to its own finding only, and follows it (to one finding, the best match) only
  when its fingerprint is found nowhere: the same sentence said again in other calls is not hidden,
  and a finding with its own verdict keeps it (:func:`match`);
- a wrong ``unsourced-claim`` or ``unsupported-claim`` says its figure states no outcome: a figure
  in the very same sentence (the figure masked) is no claim either, in any file; a finding marked
  right keeps its sentence a claim (:mod:`knowledge.claims.reviewed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import UsageError

if TYPE_CHECKING:
    from .model import Claim, Finding
    from .report import Report
    from .settings import Settings

VERDICTS_FILE = Path("verdicts") / "findings.yaml"
WORDS = ("right", "wrong")
FULL_LENGTH = 32  # characters of a fingerprint
MIN_PREFIX = 8  # a fingerprint may be given by its first characters, as git takes a commit's

Word = Literal["right", "wrong"]


@dataclass
class FindingVerdict:
    fingerprint: str
    verdict: Word
    rule: str
    path: str
    line: int | None = None  # where the finding was when judged (for people; matching ignores it)
    claim: str | None = None  # the figure's words, as the finding's claim.text
    value: float | list[float] | None = None
    unit: str | None = None
    sentence: str | None = None  # the sentence holding the figure: what claim-ness learns from
    message: str | None = None
    why: str | None = None
    by: str | None = None
    on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")}

    @property
    def says_not_a_claim(self) -> bool:
        return self.verdict == "wrong" and self.rule in ("unsourced-claim", "unsupported-claim")


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9%$€£.']+", (text or "").lower()))


def _values(v: Any) -> tuple[float, ...] | None:
    if v is None:
        return None
    items = v if isinstance(v, (list, tuple)) else [v]
    try:
        return tuple(round(float(x), 6) for x in items)
    except (TypeError, ValueError):
        return None


def _message_key(message: str | None) -> str:
    from .report import _NUMBER

    return _NUMBER.sub("#", _norm(message))


def validate(v: FindingVerdict) -> FindingVerdict:
    if v.verdict not in WORDS:
        raise UsageError(f"a verdict on a finding is right or wrong, not {v.verdict!r}",
                         hint="e.g. canon audit verdict 25aade91 wrong --why 'a contract term, not an outcome'")
    if not v.fingerprint or not v.rule or not v.path:
        raise UsageError("a verdict names the finding's fingerprint, rule and path")
    return v


def path_of(root: Path) -> Path:
    return root / VERDICTS_FILE


def load_verdicts(root: Path) -> list[FindingVerdict]:
    """The KB's verdicts on findings (none when the file is missing)."""
    from .errors import ConfigError
    from .verdict_file import read_rows

    p = path_of(root)
    out: list[FindingVerdict] = []
    for i, row in enumerate(read_rows(p, (f.name for f in fields(FindingVerdict))), 1):
        row = dict(row)
        for key in ("line",):
            if row.get(key) is not None:
                row[key] = int(row[key])
        for key in ("on", "fingerprint"):
            if row.get(key) is not None:
                row[key] = str(row[key])
        try:
            out.append(validate(FindingVerdict(**row)))
        except (TypeError, UsageError) as exc:
            raise ConfigError(f"{p}: verdict {i} cannot be read: {exc}",
                              hint="each row needs fingerprint, verdict (right or wrong), rule and path; fix the row") from exc
    return out


def save_verdicts(root: Path, verdicts: list[FindingVerdict]) -> Path:
    from .verdict_file import write_rows

    return write_rows(path_of(root), [v.to_dict() for v in verdicts],
                      "Reviewers' verdicts on findings of `canon audit` and `canon check` "
                      "(see `canon audit verdict --help`).")


# ------------------------------------------------------------------------------------------------
# Which finding a verdict is about


def refers_to(v: FindingVerdict, f: Finding, sentence: str | None = None) -> bool:
    """Whether verdict ``v`` is about finding ``f`` (whose figure stands in ``sentence``).

    By fingerprint; else, for the same rule, by what the finding is about: the same figure in the
    same file (its fingerprint moved because a twin was added above it), or the same figure in the
    same sentence anywhere (the file renamed, the draft checked under another name, the sentence
    repeated elsewhere). A finding about no figure is matched by its message, numbers aside.
    """
    from .report import normalise_path

    if v.rule != f.rule:
        return False
    if v.fingerprint == f.fingerprint:
        return True
    if f.claim is not None and v.claim is not None:
        same = (_values(f.claim.get("value")) == _values(v.value) and f.claim.get("unit") == v.unit)
        if not same:
            return False
        if normalise_path(f.path) == normalise_path(v.path) and _norm(f.claim.get("text")) == _norm(v.claim):
            return True
        return bool(sentence and v.sentence and _norm(sentence) == _norm(v.sentence))
    if f.claim is None and v.claim is None:
        return normalise_path(f.path) == normalise_path(v.path) and _message_key(f.message) == _message_key(v.message)
    return False


def lost_rank(v: FindingVerdict, f: Finding, sentence: str | None = None) -> tuple[int, int, float] | None:
    """How surely ``v``, whose own finding's fingerprint is gone, is about finding ``f`` (lower is
    surer; None: it is not): the same figure in the same file (a twin added above it moved its
    fingerprint), then the same figure in the same sentence in another file (the file renamed, the
    draft checked under another name), the nearer its line and the more alike the paths the surer."""
    from difflib import SequenceMatcher

    from .report import normalise_path

    if not refers_to(v, f, sentence) or v.fingerprint == f.fingerprint:
        return None
    same_file = normalise_path(f.path) == normalise_path(v.path)
    away = abs((f.line or 0) - (v.line or 0)) if v.line is not None else 0
    alike = SequenceMatcher(None, normalise_path(f.path), normalise_path(v.path)).ratio()
    return (0 if same_file else 1, away, -alike)


def match(verdicts: Sequence[FindingVerdict], findings: Sequence[Finding], claims: dict[str, Claim],
          present: Iterable[str] = ()) -> dict[int, FindingVerdict]:
    """Which verdict applies to which finding (by the finding's index). A verdict applies to the
    finding with its fingerprint. Only where that fingerprint is found nowhere in the run
    (``findings``, and ``present``: fingerprints the run had before suppression) does it follow its
    finding elsewhere, to ONE finding, the best match (:func:`lost_rank`), and never to a finding
    that has its own verdict or that another verdict took first. Baselines are matched the same way."""
    index = {f.fingerprint: i for i, f in enumerate(findings)}
    known = set(present) | {f.fingerprint for f in findings}
    out: dict[int, FindingVerdict] = {}
    lost: list[FindingVerdict] = []
    for v in verdicts:
        i = index.get(v.fingerprint)
        if i is not None and v.rule in ("", findings[i].rule):
            out[i] = v
        elif v.fingerprint not in known:
            lost.append(v)
    pairs = []
    for n, v in enumerate(lost):
        for i, f in enumerate(findings):
            claim = claims.get(f.fingerprint)
            rank = None if i in out else lost_rank(v, f, claim.sentence if claim is not None else None)
            if rank is not None:
                pairs.append((rank, n, i))
    used: set[int] = set()
    for _, n, i in sorted(pairs):
        if n not in used and i not in out:
            out[i] = lost[n]
            used.add(n)
    return out


def dismiss(report: Report, verdicts: list[FindingVerdict], silenced: Iterable[str] = ()) -> Report:
    """``report`` less the findings reviewers marked wrong (:func:`match`: each verdict hides its own
    finding, or the one finding it follows; a finding marked right stays). ``Report.dismissed``
    counts them, and also each wrong verdict in ``silenced`` (its figure still read, its rule run)
    whose finding is gone and that took no other: claim-ness learned from it hid that finding
    before the report was made."""
    if not any(v.verdict == "wrong" for v in verdicts):
        return report
    applied = match(verdicts, report.findings, report.claims, report.seen)
    kept = [f for i, f in enumerate(report.findings) if i not in applied or applied[i].verdict != "wrong"]
    taken = {id(v) for v in applied.values()}
    quiet = set(silenced)
    gone = sum(1 for v in verdicts if v.verdict == "wrong" and v.fingerprint in quiet
               and v.fingerprint not in report.seen and id(v) not in taken)
    report.dismissed += len(report.findings) - len(kept) + gone
    report.findings = kept
    return report


# ------------------------------------------------------------------------------------------------
# Recording a verdict


def find_finding(report: Report, fingerprint: str) -> Finding:
    """The finding of ``report`` with this fingerprint (or the one it starts with)."""
    wanted = fingerprint.strip().lower()
    exact = [f for f in report.findings if f.fingerprint == wanted]
    if exact:
        return exact[0]
    hits = [f for f in report.findings if len(wanted) >= MIN_PREFIX and f.fingerprint.startswith(wanted)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise UsageError(f"{len(hits)} findings have fingerprints starting {wanted!r}",
                         hint="give more of the fingerprint (`--format json` prints each finding's)")
    raise _not_found(wanted)


def _not_found(wanted: str) -> Exception:
    """The error for a fingerprint no finding has, saying what is true of it: too short to be
    looked up by its start, or a start (or a whole fingerprint) that no finding has."""
    from .errors import NotFound

    copy = "copy it from `canon audit --format json`"
    if len(wanted) < MIN_PREFIX:
        return NotFound(f"no finding has the fingerprint {wanted!r}",
                        hint=f"give the whole fingerprint or its first {MIN_PREFIX} characters or more: {copy}")
    what = "the fingerprint" if len(wanted) >= FULL_LENGTH else "a fingerprint starting"
    return NotFound(f"no finding has {what} {wanted!r}",
                    hint=f"{copy}; for a finding of canon check, pass its drafts with --draft, "
                         "or `drafts` in the API request")


def verdict_for(f: Finding, word: str, claim: Claim | None, *, why: str | None = None,
                by: str | None = None, on: date | None = None) -> FindingVerdict:
    c = f.claim or {}
    return validate(FindingVerdict(
        fingerprint=f.fingerprint, verdict=word, rule=f.rule, path=f.path, line=f.line,  # type: ignore[arg-type]
        claim=c.get("text"), value=c.get("value"), unit=c.get("unit"),
        sentence=" ".join(claim.sentence.split()) if claim is not None and claim.sentence else None,
        message=f.message, why=why or None, by=by or None, on=on.isoformat() if on else None))


def add_verdict(root: Path, verdict: FindingVerdict) -> dict[str, Any]:
    """Save ``verdict``, replacing any earlier verdict on the same finding."""
    from .verdict_file import one_writer

    validate(verdict)
    with one_writer(path_of(root)):
        kept = [v for v in load_verdicts(root) if not (v.fingerprint == verdict.fingerprint and v.rule == verdict.rule)]
        kept.append(verdict)
        save_verdicts(root, kept)
    return {"verdict": verdict.to_dict(), "verdicts": len(kept), "path": VERDICTS_FILE.as_posix()}


def record_verdict(settings: Settings, fingerprint: str, word: str, *, today: date,
                   drafts: list[Any] | None = None, why: str | None = None, by: str | None = None,
                   embedder: Any = None) -> dict[str, Any]:
    """Find the finding ``fingerprint`` names (in the audit, or in the check of ``drafts``) as canon
    reports it before any verdict, and record ``word`` (right or wrong) on it."""
    from .audit import run_audit, run_check

    if word not in WORDS:
        raise UsageError(f"a verdict on a finding is right or wrong, not {word!r}",
                         hint="e.g. canon audit verdict 25aade91 wrong --why 'a contract term, not an outcome'")
    load_verdicts(settings.root)  # an unreadable file stops here, before the audit runs and long before a write
    if drafts:
        report = run_check(settings, drafts, today=today, embedder=embedder, verdicts=False)
    else:
        report = run_audit(settings, today=today, embedder=embedder, verdicts=False)
    f = find_finding(report, fingerprint)
    v = verdict_for(f, word, report.claims.get(f.fingerprint), why=why, by=by, on=today)
    return add_verdict(settings.root, v)


# ------------------------------------------------------------------------------------------------
# Verdicts as data for claim-ness

# rules whose finding is about a figure stated as a claim: one marked right says the figure is one
CLAIM_RULES = ("unsourced-claim", "unsupported-claim", "metric-conflict", "rep-misstatement", "retired-claim",
               "stale-claim", "source-conflict")


def examples(verdicts: list[FindingVerdict], live: dict[tuple[str, str], Claim]) -> list[tuple[Claim, bool]]:
    """(figure, whether reviewers say it states an outcome) for each verdict that says so: the
    figure as this run read it where it is still there, else read again from the verdict's sentence."""
    from .claims.extract import read_figures

    out: list[tuple[Claim, bool]] = []
    for v in verdicts:
        if not (v.says_not_a_claim or (v.verdict == "right" and v.rule in CLAIM_RULES)) or not v.claim:
            continue
        claim = live_claim(v, live)
        if claim is None and v.sentence:
            read = read_figures(v.sentence)
            claim = next((c for c in read if _norm(c.text) == _norm(v.claim)), None) or next(
                (c for c in read if _values(c.value) == _values(v.value) and c.unit == v.unit), None)
        if claim is not None and claim.masked:
            out.append((claim, not v.says_not_a_claim))
    return out


def live_claim(v: FindingVerdict, live: dict[tuple[str, str], Claim]) -> Claim | None:
    """The figure verdict ``v`` is about as this run read it in the same file, if it still is there."""
    from .report import normalise_path

    return live.get((normalise_path(v.path), _norm(v.claim)))


def live_claims(claim_lists: Iterable[tuple[str, Iterable[Claim]]]) -> dict[tuple[str, str], Claim]:
    from .report import normalise_path

    out: dict[tuple[str, str], Claim] = {}
    for path, claims in claim_lists:
        for c in claims:
            out.setdefault((normalise_path(path), _norm(c.text)), c)
    return out
