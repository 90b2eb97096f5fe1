"""Reports of ``canon audit`` and ``canon check``: fingerprints, suppression, baselines, renderers.

One ``Report`` feeds every output: ``to_dict()`` is the JSON of SPEC section 5 (the CLI's
``--format json`` and the API return it unchanged), and the text, line, SARIF and GitHub renderers
read the same findings.

Fingerprints identify a finding across runs. They hash the rule, the file, what is wrong (the
claim and the figure expected, or a key the rule chose, or the message with its numbers taken out)
and the finding's rank among findings with the same key in that file. Line numbers are left out, so
that inserting a paragraph above a finding keeps its fingerprint; changing the wrong figure, or
fixing it, does not.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .errors import UsageError
from .model import SEVERITY_RANK, Claim, Entry, Finding

if TYPE_CHECKING:
    from .finding_verdicts import FindingVerdict
    from .rules.base import Rule

FORMATS = ("text", "json", "line", "sarif", "github")
FAIL_ON = ("error", "warning", "info", "never")
BASELINE_VERSION = 1
FINGERPRINT_VERSION = "canon/v1"

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


# ------------------------------------------------------------------------------------------------
# The report


@dataclass
class Report:
    findings: list[Finding]
    files: int
    baselined: int = 0  # findings left out because a baseline lists them
    suppressed: int = 0  # findings left out by canon.ignore or an ignore comment
    dismissed: int = 0  # findings left out because a reviewer marked them wrong (verdicts/findings.yaml)
    below_confidence: int = 0  # figure findings left out because their confidence is under --min-confidence
    min_confidence: float = 0.0  # the confidence cut applied (Report.at_least); 0: none
    min_confidence_from: str = "--min-confidence"  # where the cut came from, as the text names it
    draft_paths: frozenset[str] = field(default_factory=frozenset)  # paths as given, not KB-relative
    aeo: dict[str, Any] | None = None  # AEO readiness of the KB, {"score", "entries"}: full audits only
    roles_unknown: list[str] | None = None  # calls whose speakers' roles are unknown: audits only
    # fingerprint -> the figure a finding is about, where the run read one: for reviewers' verdicts
    claims: dict[str, Claim] = field(default_factory=dict, repr=False)
    # every fingerprint the run found, before suppression and verdicts: a verdict or baseline entry
    # whose fingerprint is here never follows its finding elsewhere (finding_verdicts.match)
    seen: frozenset[str] = field(default_factory=frozenset, repr=False)

    def counts(self) -> dict[str, int]:
        out = {"errors": 0, "warnings": 0, "infos": 0}
        for f in self.findings:
            out[f"{f.severity}s"] = out.get(f"{f.severity}s", 0) + 1
        return out

    def summary(self) -> dict[str, Any]:
        # every finding reviewers' verdicts hid (findings marked wrong, and objection gaps whose
        # mentions were marked wrong): "not shown" in the text
        out: dict[str, Any] = {**self.counts(), "files": self.files, "hidden_by_verdicts": self.dismissed}
        if self.min_confidence > 0:  # a cut applied: the figure findings it left out, and the cut
            out["below_confidence"] = self.below_confidence
            out["min_confidence"] = self.min_confidence
        if self.aeo is not None:
            out["aeo"] = self.aeo
        return out

    def to_dict(self) -> dict[str, Any]:
        out = {"version": 1, "findings": [f.to_dict() for f in self.findings], "summary": self.summary()}
        if self.roles_unknown is not None:  # as canon objections gives it: reps' figures there went unchecked
            out["roles_unknown"] = self.roles_unknown
        return out

    def fails(self, fail_on: str = "error") -> bool:
        """True when a finding is at or above ``fail_on`` (``never`` never fails)."""
        if fail_on not in FAIL_ON:
            raise UsageError(f"--fail-on {fail_on!r} is not one of {', '.join(FAIL_ON)}")
        if fail_on == "never":
            return False
        floor = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in self.findings)

    def exit_code(self, fail_on: str = "error") -> int:
        return 1 if self.fails(fail_on) else 0

    def without(self, known: Iterable[str | FindingVerdict]) -> Report:
        """This report less the findings a baseline lists (fingerprints, or its entries from
        :func:`read_baseline_entries`): an entry whose fingerprint the run no longer has (the call
        renamed) takes the one finding it best matches, as a reviewer's verdict does
        (:func:`knowledge.finding_verdicts.match`)."""
        from .finding_verdicts import FindingVerdict, match

        entries = [k if isinstance(k, FindingVerdict) else FindingVerdict(fingerprint=k, verdict="wrong", rule="", path="")
                   for k in known]
        taken = match(entries, self.findings, self.claims, self.seen)
        kept = [f for i, f in enumerate(self.findings) if i not in taken]
        return replace(self, findings=kept, baselined=self.baselined + len(self.findings) - len(kept))

    def at_least(self, floor: float) -> Report:
        """This report less the figure findings whose confidence is under ``floor`` (``--min-confidence``;
        0 leaves out nothing). A finding with no confidence (not a figure rule's) is always kept."""
        if floor <= 0:
            return self
        kept = [f for f in self.findings if f.confidence is None or f.confidence >= floor]
        return replace(self, findings=kept, below_confidence=self.below_confidence + len(self.findings) - len(kept),
                       min_confidence=max(self.min_confidence, floor))


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule, f.message))


# ------------------------------------------------------------------------------------------------
# Fingerprints


_NUMBER = re.compile(r"(?<![\w/.-])\d[\d,.:-]*(?![\w/-])")


def normalise_path(path: str) -> str:
    p = posixpath.normpath(path.replace("\\", "/"))
    return p.removeprefix("./")


def _normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def identity_key(finding: Finding) -> str:
    """What a finding is about, without where in the file it sits.

    A key the rule put in ``fingerprint`` wins. Else the claim (text, value, unit) and the figure
    expected; else the message with line numbers, dates and counts taken out, so that a message
    that says "12 days overdue" keeps its identity from one day to the next.
    """
    if finding.fingerprint:
        return finding.fingerprint
    parts: dict[str, Any] = {}
    if finding.claim:
        parts["claim"] = {k: finding.claim.get(k) for k in ("text", "value", "unit")}
        if isinstance(parts["claim"]["text"], str):
            parts["claim"]["text"] = _normalise_text(parts["claim"]["text"])
    if finding.expected:
        parts["expected"] = {k: v for k, v in finding.expected.items() if k not in ("line", "column", "path")}
    if not parts:
        parts["message"] = _NUMBER.sub("#", _normalise_text(finding.message))
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)


def assign_fingerprints(findings: Sequence[Finding]) -> None:
    """Replace every finding's ``fingerprint`` (an identity key, or empty) with its stable id.

    Findings with the same rule, file and key are told apart by their rank in the file, counted
    in order of position: stable as long as they keep their order.
    """
    seen: dict[tuple[str, str, str], int] = {}
    for f in sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule)):
        key = (f.rule, normalise_path(f.path), identity_key(f))
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        raw = "\x00".join((FINGERPRINT_VERSION, *key, str(rank)))
        f.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


# ------------------------------------------------------------------------------------------------
# Suppression


@dataclass
class Ignores:
    """What entries and drafts ask to leave out: ``canon.ignore`` and per-line ignore comments."""

    by_entry: dict[str, set[str]] = field(default_factory=dict)  # entry id -> rule ids
    by_path: dict[str, set[str]] = field(default_factory=dict)  # entry path -> rule ids
    lines: dict[str, dict[int, set[str]]] = field(default_factory=dict)  # path -> line -> rule ids

    @classmethod
    def collect(cls, entries: Iterable[Entry] = (), drafts: Iterable[Any] = ()) -> Ignores:
        out = cls()
        for e in entries:
            if e.ignore:
                out.by_entry.setdefault(e.id, set()).update(e.ignore)
                out.by_path.setdefault(normalise_path(e.path), set()).update(e.ignore)
            if e.line_ignores:
                out.lines[normalise_path(e.path)] = e.line_ignores
        for d in drafts:
            path = normalise_path(d.path)
            if getattr(d, "line_ignores", None):
                out.lines[path] = d.line_ignores
            if getattr(d, "ignore", None):
                out.by_path.setdefault(path, set()).update(d.ignore)
        return out

    def suppresses(self, f: Finding) -> bool:
        def hit(rules: set[str] | None) -> bool:
            return rules is not None and (f.rule in rules or "*" in rules)

        path = normalise_path(f.path)
        if (f.entry is not None and hit(self.by_entry.get(f.entry))) or hit(self.by_path.get(path)):
            return True
        lines = self.lines.get(path)
        if lines:
            last = f.end_line if f.end_line and f.end_line >= f.line else f.line
            return any(hit(lines.get(n)) for n in range(f.line, last + 1))
        return False

    def apply(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        kept: list[Finding] = []
        dropped = 0
        for f in findings:
            if self.suppresses(f):
                dropped += 1
            else:
                kept.append(f)
        return kept, dropped


# ------------------------------------------------------------------------------------------------
# Baselines


def baseline_dict(report: Report) -> dict[str, Any]:
    """A baseline: the fingerprints of every finding of ``report``, and for people, what they were."""
    return {
        "version": BASELINE_VERSION,
        "tool": "canon",
        "fingerprints": sorted({f.fingerprint for f in report.findings}),
        "findings": [_baseline_row(f, report) for f in report.findings],
    }


def _baseline_row(f: Finding, report: Report) -> dict[str, Any]:
    """What a baseline keeps of a finding: its fingerprint, and what it was about (rule, path, line,
    figure and sentence), so that it still finds its finding when the fingerprint moves."""
    from .finding_verdicts import verdict_for

    row = verdict_for(f, "wrong", report.claims.get(f.fingerprint)).to_dict()
    row.pop("verdict", None)
    return row


def write_baseline(report: Report, path: Path) -> int:
    data = baseline_dict(report)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {path}: {exc.strerror or exc}",
                         hint="pass --write-baseline a path in a folder you can write to") from exc
    return len(data["fingerprints"])


def read_baseline(path: Path) -> set[str]:
    """The fingerprints of a baseline file, or of a saved ``--format json`` report."""
    return {e.fingerprint for e in read_baseline_entries(path)}


def read_baseline_entries(path: Path) -> list[FindingVerdict]:
    """The entries of a baseline file, or of a saved ``--format json`` report, as verdicts that
    hide their findings (:meth:`Report.without`); a bare fingerprint matches by itself only."""
    hint = f"write one with `canon audit --write-baseline {path}`, or leave out --baseline"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"the baseline {path} does not exist", hint=hint) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"the baseline {path} cannot be read: {exc}", hint=hint) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"the baseline {path} is not JSON: {exc}", hint=hint) from None
    if isinstance(data, dict) and isinstance(data.get("fingerprints"), list):
        prints = data["fingerprints"]
    elif isinstance(data, dict) and isinstance(data.get("findings"), list):
        prints = [f.get("fingerprint") for f in data["findings"] if isinstance(f, dict)]
    else:
        raise UsageError(f"the baseline {path} holds no fingerprints list", hint=hint)
    if data.get("version", BASELINE_VERSION) != BASELINE_VERSION:
        raise UsageError(f"the baseline {path} has version {data.get('version')!r}; this canon reads version "
                         f"{BASELINE_VERSION}", hint=hint)
    if not all(isinstance(p, str) for p in prints):
        raise UsageError(f"the baseline {path}: every fingerprint must be a string", hint=hint)
    rows = {r["fingerprint"]: r for r in data.get("findings") or [] if isinstance(r, dict) and r.get("fingerprint")}
    return [_baseline_entry(p, rows.get(p, {})) for p in dict.fromkeys(prints)]


def _baseline_entry(fingerprint: str, row: dict[str, Any]) -> FindingVerdict:
    """One baseline entry (a row of its ``findings``, or of a saved JSON report, whose ``claim`` is
    an object) as a verdict: unreadable details are dropped, never fatal."""
    from .finding_verdicts import FindingVerdict

    claim = row.get("claim")
    if isinstance(claim, dict):
        row = {**row, "claim": claim.get("text"), "value": claim.get("value"), "unit": claim.get("unit")}
    line = row.get("line")
    return FindingVerdict(fingerprint=fingerprint, verdict="wrong", rule=str(row.get("rule") or ""),
                          path=str(row.get("path") or ""), line=line if isinstance(line, int) else None,
                          claim=row.get("claim") if isinstance(row.get("claim"), str) else None,
                          value=row.get("value"), unit=row.get("unit") if isinstance(row.get("unit"), str) else None,
                          sentence=row.get("sentence") if isinstance(row.get("sentence"), str) else None,
                          message=row.get("message") if isinstance(row.get("message"), str) else None)


# ------------------------------------------------------------------------------------------------
# Renderers


def render(report: Report, fmt: str, *, rules: Sequence[Rule] = (), kb_prefix: str = "",
           root_uri: str | None = None, draft_prefix: str = "") -> str:
    """``report`` as ``fmt``. ``kb_prefix`` is prepended to KB-relative paths (not to drafts) in the
    formats tools open files from (text, line, sarif, github), so that they resolve from the
    current folder; JSON keeps the paths of SPEC section 5. SARIF's paths resolve from ``root_uri``
    instead, where ``draft_prefix`` leads from it to the folder the drafts' paths start from."""
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    if fmt == "text":
        return render_text(report, kb_prefix=kb_prefix)
    if fmt == "line":
        return render_line(report, kb_prefix=kb_prefix)
    if fmt == "sarif":
        return json.dumps(render_sarif(report, rules, kb_prefix=kb_prefix, root_uri=root_uri,
                                       draft_prefix=draft_prefix), indent=2, ensure_ascii=False)
    if fmt == "github":
        return render_github(report, kb_prefix=kb_prefix)
    raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")


def _shown(path: str, report: Report, kb_prefix: str) -> str:
    if not kb_prefix or path in report.draft_paths:
        return path
    return normalise_path(posixpath.join(kb_prefix, path))


def _related_text(r: Mapping[str, Any], report: Report, kb_prefix: str) -> str:
    where = _shown(str(r.get("path", "")), report, kb_prefix)
    if r.get("line"):
        where += f":{r['line']}"
    entry = r.get("entry")
    return f"{where} ({entry})" if entry else where


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


TEXT_STYLE = {"error": "bold red", "warning": "yellow", "info": "blue"}


def split_message(f: Finding) -> tuple[str, str] | None:
    """(the figure as the message quotes it, the cause) for a finding about a figure: 'states 62%
    ("cut costs by 62%")' and 'with no source: ...'. None when the message does not quote its claim."""
    if not f.claim or not isinstance(f.claim.get("text"), str):
        return None
    text = " ".join(str(f.claim["text"]).split())
    if not text:
        return None
    message = f.message
    quote = f'("{text}")'
    i = message.find(quote)
    end = i + len(quote) if i >= 0 else -1
    if end < 0:
        i = message.find(text)
        end = i + len(text) if i >= 0 else -1
    if end < 0:
        return None
    head, tail = message[:end].strip(), message[end:].lstrip(" ,;:").strip()
    tail = re.sub(r"^and\s+", "", tail)
    return (head, tail) if head and tail else None


def _groups(findings: Sequence[Finding]) -> list[list[list[Finding]]]:
    """The findings of one file as groups of one cause (same rule, severity and cause), each a list
    of figures, each figure a list of its statements (the same figure repeated in the file)."""
    groups: dict[Any, dict[str, list[Finding]]] = {}
    for f in findings:
        split = split_message(f)
        # a message that quotes no figure groups only with the very same message (one date, say)
        key: Any = (f.rule, f.severity, split[1]) if split else (f.rule, f.severity, f.message)
        figure = split[0] if split else ""
        groups.setdefault(key, {}).setdefault(figure, []).append(f)
    return [list(g.values()) for g in groups.values()]


# How many places a text line lists before "and N more": a figure a rep repeats 55 times in a
# 90-minute call stays one readable line; JSON and the other formats keep every place.
PLACES_SHOWN = 6


def _places(fs: Sequence[Finding]) -> str:
    """'137:58, 161:58' for the places of ``fs``, the first PLACES_SHOWN of them then 'and N more'."""
    shown = ", ".join(f"{f.line}:{f.column}" for f in fs[:PLACES_SHOWN])
    rest = len(fs) - PLACES_SHOWN
    return f"{shown} and {rest} more" if rest > 0 else shown


def most_confident_first(findings: Sequence[Finding]) -> list[Finding]:
    """A file's findings, the most confident figure findings first (a stable sort, so findings of
    equal confidence keep their order); a finding with no confidence (not a figure rule's) counts as
    certain."""
    return sorted(findings, key=lambda f: -(1.0 if f.confidence is None else f.confidence))


# How a group's header joins its count to the cause, by the cause's first word: "4 figures with no
# source: ...", "2 figures, which only case-studies/x.md backs, and ..."; else "3 figures: ...".
_JOINS = {"with": " ", "which": ", "}


def _confidence_note(fs: Iterable[Finding]) -> str:
    """' [dim](confidence 0.83)[/]' for a figure finding (the highest of its statements), else ''."""
    values = [f.confidence for f in fs if f.confidence is not None]
    return f" [dim](confidence {max(values):.2f})[/]" if values else ""


def duplicate_clusters(findings: Sequence[Finding]) -> tuple[list[list[Finding]], list[Finding]]:
    """(the duplicate-entry findings of each cluster of three pages or more, the other findings).
    A cluster is the findings that share a ``group`` (pages joined by near-duplicate pairs): 18
    pages from one template give 153 pairwise findings, which text shows as one block."""
    by_group: dict[str, list[Finding]] = {}
    for f in findings:
        if f.rule == "duplicate-entry" and f.group:
            by_group.setdefault(f.group, []).append(f)
    clusters = [fs for fs in by_group.values() if len(_cluster_pages(fs)) > 2]
    taken = {id(f) for fs in clusters for f in fs}
    return clusters, [f for f in findings if id(f) not in taken]


def _cluster_pages(fs: Iterable[Finding]) -> dict[str, int]:
    """Path -> title line of every page a cluster's findings name (each finding's own and its
    related one), sorted by path."""
    pages: dict[str, int] = {}
    for f in fs:
        pages.setdefault(f.path, f.line)
        for r in f.related:
            pages.setdefault(str(r.get("path", "")), int(r.get("line") or 1))
    return dict(sorted(pages.items()))


def _cluster_lines(cluster: Sequence[Finding], report: Report, kb_prefix: str) -> list[str]:
    """One block for a cluster of near-identical pages: a header with the count and the fix,
    then each page's path on a line of its own."""
    from rich.markup import escape

    first = cluster[0]
    pages = _cluster_pages(cluster)
    style = TEXT_STYLE.get(first.severity, "white")
    lines = [f"[{style}]{first.severity}[/]  [magenta]{first.rule}[/]  {len(pages)} pages nearly identical "
             f"[dim]({_plural(len(cluster), 'finding')}, one per pair)[/]: merge them into one, or retire all "
             "but one and list the others under its supersedes:"]
    lines.extend(f"  [cyan]{escape(_shown(path, report, kb_prefix))}:{line}[/]" for path, line in pages.items())
    return lines


def render_text(report: Report, *, kb_prefix: str = "") -> str:
    """For people: findings by file, then a summary line. Rich markup.

    Findings of one cause in one file are one group: a header with the cause ("4 figures with no
    source: ...", "2 figures, which only case-studies/x.md backs, and ...", else "3 figures: ...";
    see _JOINS) and the figures beneath it, one line each; a figure stated several times in the
    file is one line that lists where. JSON and the other formats keep one finding per figure.
    A file's findings come most confident first, and a figure finding shows its confidence.
    A cluster of three near-identical pages or more comes first as one block (duplicate_clusters).
    """
    from rich.markup import escape

    lines: list[str] = []
    clusters, listed = duplicate_clusters(report.findings)
    for cluster in clusters:
        lines.extend([*_cluster_lines(cluster, report, kb_prefix), ""])
    width = max((len(f"{f.line}:{f.column}") for f in listed), default=0)
    rule_width = max((len(f.rule) for f in listed), default=0)
    pad = " " * (2 + width + 2 + 7 + 2 + rule_width + 2)
    by_path: dict[str, list[Finding]] = {}
    for f in listed:
        by_path.setdefault(f.path, []).append(f)
    by_path = {path: most_confident_first(fs) for path, fs in by_path.items()}

    def related(fs: Iterable[Finding]) -> None:
        seen: list[str] = []
        for f in fs:
            for r in f.related:
                text = _related_text(r, report, kb_prefix)
                if text not in seen:
                    seen.append(text)
                    lines.append(f"{pad}[dim]↳ {escape(text)}[/]")

    blocks = len(clusters)
    for n, (path, findings) in enumerate(by_path.items()):
        if n:
            lines.append("")
        lines.append(f"[bold underline]{escape(_shown(path, report, kb_prefix))}[/]")
        groups = _groups(findings)
        blocks += len(groups)
        for group in groups:
            first = group[0][0]
            where = f"{first.line}:{first.column}".ljust(width)
            style = TEXT_STYLE.get(first.severity, "white")
            lead = f"  [cyan]{where}[/]  [{style}]{first.severity:<7}[/]  [magenta]{first.rule:<{rule_width}}[/]  "
            if len(group) == 1:
                repeats = group[0][1:]
                also = f" [dim](also at {_places(repeats)})[/]" if repeats else ""
                lines.append(f"{lead}{escape(first.message)}{also}{_confidence_note(group[0])}")
                related(group[0])
                continue
            split = split_message(first)
            cause = split[1] if split else first.message
            joined = _JOINS.get(cause.split(" ", 1)[0], ": ")
            lines.append(f"{lead}{len(group)} figures{joined}{escape(cause)}")
            for figure in group:
                head = split_message(figure[0])
                lines.append(f"{pad}[cyan]{_places(figure)}[/]  {escape(head[0] if head else figure[0].message)}"
                             f"{_confidence_note(figure)}")
            related(f for figure in group for f in figure)
    if lines and lines[-1]:
        lines.append("")
    c = report.counts()
    files = _plural(report.files, "file")
    if report.findings:
        parts = [_plural(n, word) for n, word in ((c["errors"], "error"), (c["warnings"], "warning"),
                                                  (c["infos"], "info")) if n]
        mark = "[bold red]✖[/]" if c["errors"] else "[yellow]⚠[/]" if c["warnings"] else "[blue]ℹ[/]"
        lines.append(f"{mark} {_plural(len(report.findings), 'finding')} ({', '.join(parts)}) in {files} checked"
                     + _blocks_note(blocks, len(report.findings)))
    else:
        lines.append(f"[green]✔[/] No findings in {files} checked")
    extra = []
    if report.baselined:
        extra.append(f"{report.baselined} known from the baseline")
    if report.suppressed:
        extra.append(f"{report.suppressed} suppressed by canon.ignore or ignore comments")
    if report.dismissed:
        extra.append(f"{report.dismissed} marked wrong by reviewers (verdicts/findings.yaml)")
    if extra:
        lines.append(f"  [dim]not shown: {'; '.join(extra)}[/]")
    if report.aeo is not None and report.aeo.get("score") is not None:
        lines.append(f"  AEO readiness {report.aeo['score']:g}/100 over {report.aeo['entries']} approved entries "
                     "[dim](`canon aeo score` shows what to fix)[/]")
    if report.roles_unknown:
        from .render import roles_unknown_note

        lines.append("  " + roles_unknown_note(report.roles_unknown, ", so no rep's figure in them was checked"))
    if report.below_confidence:  # last, so that a reader sees what the cut hid and how to see it
        lines.append(f"  [dim]left out: {report.below_confidence} below the confidence cut {report.min_confidence:g} "
                     f"({escape(report.min_confidence_from)}; figure findings less likely right); "
                     "`--min-confidence 0` shows them[/]")
    return "\n".join(lines)


def _blocks_note(blocks: int, findings: int) -> str:
    """', shown as 20 blocks above (...)' when text folds findings into fewer blocks than there are
    findings (a figure repeated in a file, one cause in a file, a cluster of near-identical pages),
    so that the count in the summary matches what a reader can see; '' when each finding is a block."""
    if blocks >= findings:
        return ""
    return (f", shown as {_plural(blocks, 'block')} above [dim](repeats of a figure and findings of one cause "
            "in a file share a block; --format json lists each)[/]")


def render_line(report: Report, *, kb_prefix: str = "") -> str:
    """One finding per line, ``path:line:column: severity rule message``: for editors and grep."""
    return "\n".join(
        f"{_shown(f.path, report, kb_prefix)}:{f.line}:{f.column}: {f.severity} {f.rule} "
        f"{' '.join(f.message.split())}"
        for f in report.findings
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, kb_prefix: str = "") -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    out = []
    for f in report.findings:
        props = [("file", _shown(f.path, report, kb_prefix)), ("line", str(f.line)), ("col", str(f.column))]
        if f.end_line is not None:
            props.append(("endLine", str(f.end_line)))
        if f.end_column is not None:
            props.append(("endColumn", str(f.end_column)))
        props.append(("title", f.rule))
        message = f.message
        if f.related:
            message += "\nSee also: " + "; ".join(_related_text(r, report, kb_prefix) for r in f.related)
        command = GITHUB_COMMAND.get(f.severity, "warning")
        out.append(f"::{command} " + ",".join(f"{k}={_escape_property(v)}" for k, v in props)
                   + f"::{_escape_data(message)}")
    return "\n".join(out)


def canon_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("canon")
    except PackageNotFoundError:
        return "0.0.0"


def _artifact(path: str, report: Report, kb_prefix: str, draft_prefix: str = "") -> dict[str, Any]:
    """Where a SARIF location's file is: relative to ``%SRCROOT%`` when it lies under it, else an
    absolute file URI. A draft's path, relative to the current folder, is led there by
    ``draft_prefix`` (the current folder relative to ``%SRCROOT%``)."""
    shown = _shown(path, report, kb_prefix)
    if draft_prefix and path in report.draft_paths and not posixpath.isabs(shown):
        shown = normalise_path(posixpath.join(draft_prefix, shown))
    if shown == ".." or shown.startswith("../"):
        return {"uri": Path(os.path.abspath(path)).as_uri()}  # a draft outside %SRCROOT%
    if shown.startswith("/"):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown.replace("\\", "/"), safe="/-._~"), "uriBaseId": "%SRCROOT%"}


def _region(f: Finding) -> dict[str, int]:
    region = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
    end_line = f.end_line if f.end_line is not None else f.line
    if end_line > f.line:
        region["endLine"] = end_line
    # Without endColumn a region runs to the end of its last line: right for findings about a line.
    if f.end_column is not None and (end_line > f.line or f.end_column > f.column):
        region["endColumn"] = f.end_column
    return region


def _markdown(docstring: str) -> str:
    """Rule docstrings are reStructuredText-ish: ``text::`` before an indented block is Markdown's
    ``text:`` before an indented code block."""
    return re.sub(r"::\n", ":\n", docstring)


def sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description, "markdown": _markdown(rule.description)},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.default_severity, "warning")},
    }


def render_sarif(report: Report, rules: Sequence[Rule] = (), *, kb_prefix: str = "",
                 root_uri: str | None = None, draft_prefix: str = "") -> dict[str, Any]:
    """SARIF 2.1.0, one run, with every rule in the tool driver (as GitHub code scanning wants)."""
    descriptors = [sarif_rule(r) for r in rules]
    index = {r.id: i for i, r in enumerate(rules)}
    for f in report.findings:  # a finding of a rule not registered still gets a descriptor
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule, "shortDescription": {"text": f.rule},
                                "defaultConfiguration": {"level": SARIF_LEVEL.get(f.severity, "warning")}})
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(f.path, report, kb_prefix, draft_prefix),
                                                "region": _region(f)}}],
            "partialFingerprints": {FINGERPRINT_VERSION: f.fingerprint},
        }
        related = []
        for i, r in enumerate(f.related, 1):
            loc: dict[str, Any] = {"id": i, "physicalLocation": {
                "artifactLocation": _artifact(str(r.get("path", "")), report, kb_prefix, draft_prefix)}}
            if r.get("line"):
                loc["physicalLocation"]["region"] = {"startLine": int(r["line"])}
            if r.get("entry"):
                loc["message"] = {"text": str(r["entry"])}
            related.append(loc)
        if related:
            result["relatedLocations"] = related
        props = {k: v for k, v in (("claim", f.claim), ("expected", f.expected)) if v is not None}
        if props:
            result["properties"] = props
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "canon", "version": canon_version(), "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if root_uri:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
