"""Scoring against a labelled corpus: a folder holding ``labels.json`` (the Northwind format).

The labels give, for ``audit`` and ``check``, the ``expected`` findings and the ``negatives`` (lines
where a finding is a false positive), and for ``objections`` every external turn that raises an
objection (``calls``) and whether each objection is answered (``coverage``). Lines are 1-based.
Where a tool may fairly point elsewhere, an item says so:

- ``turn_lines``: ``[first, last]`` line of the turn (a JSON turn split into one line per sentence);
  any line in that range counts;
- ``alt_lines``: other lines of the same file that count (the ``reviewed:`` line, the stale figure);
- ``alt_paths``: other files that count, at any line (the ``objection`` entry behind a gap);
- ``mentions``: for ``objection-gap``, the mentions of the theme; a gap reported at any of them counts.

``tolerance`` widens every line span by that many lines either side (0: exact, as the labels are).
These helpers only match and count; what a test asserts is up to the test.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class Corpus:
    """A labelled corpus: where it is, what its labels say, and where its KB and drafts lie."""

    root: Path
    labels: dict[str, Any]

    @property
    def name(self) -> str:
        return self.root.name

    @property
    def kb(self) -> Path:
        return self.root / self.labels.get("kb", "kb")

    @property
    def today(self) -> date:
        return date.fromisoformat(self.labels["today"])

    @property
    def drafts(self) -> list[Path]:
        return [self.root / d for d in self.labels.get("drafts", [])]


def load_labels(corpus: str | Path) -> dict[str, Any]:
    """The labels of a corpus folder (or of a ``labels.json`` given directly)."""
    path = Path(corpus)
    if path.is_dir():
        path = path / "labels.json"
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for section in ("audit", "check"):
        _fold_optional(labels.get(section))
    return labels


def _fold_optional(section: dict[str, Any] | None) -> None:
    """Read a section's separate ``optional`` list (some corpora keep their tolerated findings there)
    as ``expected`` items marked ``optional``, the one form the scorer reads."""
    if not section or "optional" not in section:
        return
    section["expected"] = [*section.get("expected", []),
                           *({**e, "optional": True} for e in section.pop("optional"))]


def load_corpus(root: str | Path) -> Corpus:
    root = Path(root)
    return Corpus(root=root, labels=load_labels(root))


def has_labels(root: str | Path) -> bool:
    return (Path(root) / "labels.json").is_file()


# ---------------------------------------------------------------------------------------------
# Precision, recall, F1


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def prf(hits: int, predicted: int, found: int, labelled: int) -> PRF:
    """``hits`` of ``predicted`` items are right; ``found`` of ``labelled`` items were found.

    Nothing predicted is precision 1 (nothing wrong was said); nothing labelled is recall 1.
    """
    precision = hits / predicted if predicted else 1.0
    recall = found / labelled if labelled else 1.0
    return PRF(precision, recall, f1(precision, recall))


# ---------------------------------------------------------------------------------------------
# Lines and spans


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """``obj[key]`` for a mapping, else ``obj.key``: findings may be dicts or ``Finding`` objects."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def span(item: Mapping[str, Any], tolerance: int = 0) -> tuple[int, int]:
    """The lines a labelled item covers: its turn (``turn_lines``) or its line, widened by ``tolerance``."""
    turn = item.get("turn_lines")
    lo, hi = (min(turn), max(turn)) if turn else (item["line"], item["line"])
    return lo - tolerance, hi + tolerance


def accepted_lines(item: Mapping[str, Any], tolerance: int = 0) -> list[tuple[int, int]]:
    """Every line span of the item's own path that counts: its line or turn, and each ``alt_lines``."""
    spans = [span(item, tolerance)]
    spans += [(n - tolerance, n + tolerance) for n in item.get("alt_lines", [])]
    return spans


def _within(line: int | None, spans: Iterable[tuple[int, int]]) -> bool:
    return line is not None and any(lo <= line <= hi for lo, hi in spans)


# ---------------------------------------------------------------------------------------------
# Objection mentions


@dataclass(frozen=True)
class LabelledMention:
    call: str
    line: int
    lo: int
    hi: int
    objection: str
    speaker: str | None = None
    snippet: str | None = None
    # ``optional``: a report there is tolerated (neither needed for recall nor wrong); ``alt``: other
    # themes that are also a right assignment (``alt_objections``)
    optional: bool = False
    alt: tuple[str, ...] = ()
    # ``alt_lines``: the other cues or blocks of the same turn (a subtitle turn spread over several),
    # where a report counts as well
    also: tuple[int, ...] = ()

    def holds(self, line: int) -> bool:
        """Whether a report at ``line`` falls in this labelled turn."""
        return self.lo <= line <= self.hi or line in self.also

    @property
    def new(self) -> bool:
        """A theme with no ``objection`` entry in the KB (``new:<slug>``)."""
        return self.objection.startswith("new:")


def labelled_mentions(labels: Mapping[str, Any], tolerance: int = 0) -> list[LabelledMention]:
    """Every labelled external turn that raises an objection, in label order."""
    out = []
    for call, items in labels["objections"]["calls"].items():
        for m in items:
            lo, hi = span(m, tolerance)
            also = tuple(n + d for n in m.get("alt_lines", ()) for d in range(-tolerance, tolerance + 1))
            out.append(LabelledMention(call, m["line"], lo, hi, m["objection"],
                                       m.get("speaker"), m.get("snippet"), bool(m.get("optional")),
                                       tuple(m.get("alt_objections", ())), also))
    return out


def find_mention(labelled: Sequence[LabelledMention], call: str, line: int | None) -> LabelledMention | None:
    """The labelled turn of ``call`` that ``line`` falls in (its line, its turn's lines or one of its
    ``alt_lines``), or None (nearest labelled line first)."""
    if line is None:
        return None
    inside = [t for t in labelled if t.call == call and t.holds(line)]
    return min(inside, key=lambda t: min(abs(n - line) for n in (t.line, *t.also)), default=None)


@dataclass(frozen=True)
class MentionMatch:
    """Predicted mentions paired with the labelled turns they fall in (None: outside every one)."""

    pairs: list[tuple[Any, LabelledMention | None]]
    labelled: list[LabelledMention]

    @property
    def hits(self) -> list[tuple[Any, LabelledMention]]:
        return [(p, t) for p, t in self.pairs if t is not None]

    @property
    def required(self) -> list[LabelledMention]:
        return [t for t in self.labelled if not t.optional]

    @property
    def found(self) -> list[LabelledMention]:
        seen = {id(t) for _, t in self.hits}
        return [t for t in self.required if id(t) in seen]

    @property
    def missed(self) -> list[LabelledMention]:
        seen = {id(t) for _, t in self.hits}
        return [t for t in self.required if id(t) not in seen]

    @property
    def stray(self) -> list[Any]:
        return [p for p, t in self.pairs if t is None]

    @property
    def prf(self) -> PRF:
        # a mention in an optional turn is tolerated: it counts neither for nor against precision
        judged = [(p, t) for p, t in self.pairs if t is None or not t.optional]
        right = sum(1 for _, t in judged if t is not None)
        return prf(right, len(judged), len(self.found), len(self.required))


def match_mentions(predicted: Iterable[Any], labelled: Sequence[LabelledMention]) -> MentionMatch:
    """Pair each predicted mention (anything with ``call`` and ``line``) with the labelled turn it lies in.

    Precision counts every predicted mention inside a labelled turn as right (a JSON turn split into
    sentences may give several); recall counts the labelled turns hit at least once.
    """
    pairs = [(p, find_mention(labelled, _get(p, "call"), _get(p, "line"))) for p in predicted]
    return MentionMatch(pairs, list(labelled))


# ---------------------------------------------------------------------------------------------
# Findings (audit and check)


def entry_level(expected: Mapping[str, Any]) -> bool:
    """Whether any line of the labelled path counts: an ``any_line`` label, or the gap of a known
    objection labelled on its entry (SPEC: its ``path`` is the objection entry, with no line named)."""
    if expected.get("any_line"):
        return True
    objection = expected.get("objection")
    return (expected.get("rule") == "objection-gap" and isinstance(objection, str)
            and not objection.startswith("new:") and expected.get("path", "").removesuffix(".md") == objection)


def finding_matches(finding: Any, expected: Mapping[str, Any], tolerance: int = 0,
                    mentions: Sequence[LabelledMention] = ()) -> bool:
    """Whether a finding (dict or ``Finding``) is the labelled ``expected`` finding.

    Same rule, and: the same path at an accepted line (any line for an entry-level label, which may
    have no ``line``: :func:`entry_level`); or any line of an ``alt_paths`` file; or, for a
    finding with ``mentions``, any line of one of them (widened to its labelled turn when ``mentions``
    holds the labelled objection turns).
    """
    if _get(finding, "rule") != expected["rule"]:
        return False
    path, line = _get(finding, "path"), _get(finding, "line")
    if path in expected.get("alt_paths", []):
        return True
    if path == expected["path"] and (entry_level(expected)
                                     or _within(line, accepted_lines(expected, tolerance))):
        return True
    for m in expected.get("mentions", []):
        turn = find_mention(mentions, m["path"], m["line"])
        lo, hi = (turn.lo, turn.hi) if turn else (m["line"], m["line"])
        if path == m["path"] and (lo - tolerance <= (line or 0) <= hi + tolerance
                                  or (turn is not None and (line or 0) in turn.also)):
            return True
    return False


def at_negative(finding: Any, negatives: Sequence[Mapping[str, Any]],
                tolerance: int = 0) -> Mapping[str, Any] | None:
    """The labelled negative a finding lands on (same path, its line or turn), or None."""
    path, line = _get(finding, "path"), _get(finding, "line")
    return next((n for n in negatives if n["path"] == path and _within(line, [span(n, tolerance)])), None)


@dataclass(frozen=True)
class FindingMatch:
    findings: list[Any]
    expected: list[Mapping[str, Any]]
    hits: list[Any]                      # findings that are an expected finding
    found: list[Mapping[str, Any]]       # expected findings reported at least once
    false_positives: list[Any]           # findings on a labelled negative line

    @property
    def missed(self) -> list[Mapping[str, Any]]:
        return [e for e in self.expected if not any(e is f for f in self.found)]

    @property
    def unlabelled(self) -> list[Any]:
        """Findings that are neither an expected finding nor on a negative line (neutral)."""
        hit, fp = {id(f) for f in self.hits}, {id(f) for f in self.false_positives}
        return [f for f in self.findings if id(f) not in hit and id(f) not in fp]

    @property
    def prf(self) -> PRF:
        """Precision over the judged findings (hits and false positives); recall over ``expected``."""
        judged = len(self.hits) + len(self.false_positives)
        return prf(len(self.hits), judged, len(self.found), len(self.expected))


def match_findings(findings: Iterable[Any], expected: Sequence[Mapping[str, Any]],
                   negatives: Sequence[Mapping[str, Any]] = (), *, rules: Iterable[str] | None = None,
                   tolerance: int = 0, mentions: Sequence[LabelledMention] = ()) -> FindingMatch:
    """Match findings of ``rules`` (default: every rule in ``expected``) against the labels.

    A finding that matches an expected finding is a hit; one that does not and lands on a negative
    line is a false positive. A rule's findings are only judged where that rule is labelled.
    """
    wanted = set(rules) if rules is not None else {e["rule"] for e in expected}
    mine = [f for f in findings if _get(f, "rule") in wanted]
    exp = [e for e in expected if e["rule"] in wanted]
    hits = [f for f in mine if any(finding_matches(f, e, tolerance, mentions) for e in exp)]
    found = [e for e in exp if any(finding_matches(f, e, tolerance, mentions) for f in mine)]
    hit_ids = {id(f) for f in hits}
    fps = [f for f in mine if id(f) not in hit_ids and at_negative(f, negatives, tolerance) is not None]
    return FindingMatch(mine, exp, hits, found, fps)


# ---------------------------------------------------------------------------------------------
# Objections: the figures the accuracy test reports


def score_objections(result: Mapping[str, Any], gaps: Sequence[Any], labels: Mapping[str, Any],
                     tolerance: int = 0) -> dict[str, float | int | None]:
    """Score the JSON of ``canon objections`` and the audit's ``objection-gap`` findings.

    - mention precision, recall, F1: predicted mentions against labelled turns (:func:`match_mentions`);
    - matching accuracy: of the hits, the share put under the labelled objection (for a ``new:``
      label, under a mined theme rather than a known objection);
    - theme purity: of the mentions in mined themes, the share whose theme's majority label is theirs
      (a mention outside every labelled turn counts against it); None when no theme was mined;
    - coverage accuracy: for each labelled objection, whether ``covered`` is right (for a ``new:``
      label, the theme holding most of its mentions);
    - gap precision and recall: ``objection-gap`` findings against the audit's expected ones.
    """
    labelled = labelled_mentions(labels, tolerance)
    objections = list(result["objections"])
    predicted = [(o, m) for o in objections for m in o["mentions"]]
    match = match_mentions((m for _, m in predicted), labelled)
    owner = {id(m): o for o, m in predicted}
    hits = [(owner[id(m)], t) for m, t in match.hits]
    right = [o["id"] == t.objection or o["id"] in t.alt or (t.new and not o["known"]) for o, t in hits]

    pure = total = 0
    for o in objections:
        if o["known"]:
            continue
        own = [(find_mention(labelled, m["call"], m["line"]) or _NONE).objection for m in o["mentions"]]
        if own:
            total += len(own)
            # a theme's label is the commonest labelled objection among its mentions; a mention outside
            # every labelled turn is never pure, so a theme made only of those scores 0, not 1
            labelled_own = Counter(x for x in own if x != _NONE.objection)
            pure += labelled_own.most_common(1)[0][1] if labelled_own else 0

    coverage = labels["objections"]["coverage"]
    correct = 0
    for label, want in coverage.items():
        if label.startswith("new:"):
            holders = Counter(o["id"] for o, m in predicted
                              if (find_mention(labelled, m["call"], m["line"]) or _NONE).objection == label)
            top = holders.most_common(1)[0][0] if holders else None
            obj = next((o for o in objections if o["id"] == top), None)
            got = None if obj is None or obj["known"] else obj["covered"]
        else:
            obj = next((o for o in objections if o["id"] == label), None)
            got = None if obj is None else obj["covered"]
        correct += got is want

    expected_gaps = [f for f in labels["audit"]["expected"] if f["rule"] == "objection-gap"]
    gap = match_findings(gaps, expected_gaps, rules=["objection-gap"], tolerance=tolerance, mentions=labelled)
    mentions = match.prf
    return {
        "mention precision": mentions.precision,
        "mention recall": mentions.recall,
        "mention F1": mentions.f1,
        "matching accuracy": sum(right) / max(1, len(right)),
        "theme purity": pure / total if total else None,
        "coverage accuracy": correct / max(1, len(coverage)),
        # every objection-gap finding is judged here: one that matches no expected gap is wrong
        "gap precision": len(gap.hits) / max(1, len(gap.findings)),
        "gap recall": len(gap.found) / max(1, len(gap.expected)),
        "mentions predicted": len(predicted),
        "turns labelled": len(match.required),
        "themes": sum(1 for o in objections if not o["known"]),
    }


_NONE = LabelledMention(call="", line=0, lo=0, hi=0, objection="none")


def format_table(title: str, figures: Mapping[str, float | int | None], floors: Mapping[str, float]) -> str:
    """The figures as a small table, with the floor of each measure that has one (None: ``n/a``)."""
    lines = [title, f"{'measure':<22} {'value':>7} {'floor':>7}"]
    for name, value in figures.items():
        floor = floors.get(name)
        if value is None:
            shown = f"{'n/a':>7}"
        else:
            shown = f"{value:7.3f}" if isinstance(value, float) else f"{value:7d}"
        lines.append(f"{name:<22} {shown} {'' if floor is None else f'{floor:7.2f}'}".rstrip())
    return "\n".join(lines)


def below_floors(figures: Mapping[str, float | int | None],
                 floors: Mapping[str, float]) -> dict[str, float | None]:
    """The measures under their floor; a measure with a floor that could not be measured (None)
    counts as under it."""
    return {k: None if v is None else round(float(v), 3) for k, v in figures.items()
            if k in floors and (v is None or v < floors[k])}


# ---------------------------------------------------------------------------------------------
# Rules: every audit/check finding judged against the labels (the corpora's full label schema)


def _related_paths(expected: Mapping[str, Any]) -> list[str]:
    rel = expected.get("related")
    if rel is None:
        return []
    return [rel] if isinstance(rel, str) else list(rel)


def rule_label_hit(finding: Mapping[str, Any], expected: Mapping[str, Any]) -> bool:
    """Whether ``finding`` is the labelled ``expected`` finding, under every label field the corpora use.

    Same rule, and one of: for ``duplicate-entry`` either entry of the pair, any line; for
    ``objection-gap`` the objection entry (``alt_paths``) or any of the theme's ``mentions``; an
    ``any_line`` label, any line of its file; its own path at ``line``, an ``alt_lines`` line or within
    ``turn_lines``; an ``alt_paths`` file; or the other side (a ``related`` path) at ``related_line``.
    """
    if finding["rule"] != expected["rule"]:
        return False
    path, line = finding["path"], finding.get("line")
    related = _related_paths(expected)
    if expected["rule"] == "duplicate-entry":
        return path == expected["path"] or path in related
    if path in expected.get("alt_paths", []):
        return True
    if expected["rule"] == "objection-gap":
        mentions = {(m["path"], m["line"]) for m in expected.get("mentions", [])}
        if (path, line) in mentions:
            return True
    if path == expected["path"]:
        if entry_level(expected) or _within(line, accepted_lines(expected)):
            return True
    if "related_line" in expected and path in related and line == expected["related_line"]:
        return True
    return False


@dataclass
class RuleCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    negatives: int = 0   # false positives on a labelled negative line
    tolerated: int = 0   # findings on an ``optional`` label: neither right nor wrong

    @property
    def prf(self) -> PRF:
        return prf(self.tp, self.tp + self.fp, self.tp, self.tp + self.fn)


@dataclass
class RuleScore:
    """Per-rule counts, and the findings and labels behind them (for a development report)."""

    counts: dict[str, RuleCounts]
    false_positives: list[Mapping[str, Any]]
    missed: list[Mapping[str, Any]]

    def total(self, rules: Iterable[str] | None = None) -> RuleCounts:
        wanted = set(self.counts) if rules is None else set(rules)
        out = RuleCounts()
        for rule, c in self.counts.items():
            if rule in wanted:
                out.tp += c.tp
                out.fp += c.fp
                out.fn += c.fn
                out.negatives += c.negatives
                out.tolerated += c.tolerated
        return out


def score_rules(section: Mapping[str, Any], findings: Iterable[Mapping[str, Any]]) -> RuleScore:
    """Score findings (JSON dicts) against one labels section (``audit`` or ``check``).

    Findings are first deduplicated by (rule, path, line). Only the section's ``rules`` are judged.
    A finding that hits a required label is a true positive (several hitting one label count once);
    one that hits only ``optional`` labels is tolerated; a ``metric-conflict`` on the line of an
    expected ``rep-misstatement`` is neither (the corpora's READMEs say so); any other finding is a
    false positive, counted under ``negatives`` too when it lands on a labelled negative line (for
    its rule, or for any rule when the negative names none). A required label no finding hits is a
    false negative.
    """
    rules = set(section["rules"])
    expected = [e for e in section["expected"] if e["rule"] in rules]
    required = [e for e in expected if not e.get("optional")]
    negatives = section.get("negatives", [])
    rep_spans = [(e["path"], accepted_lines(e)) for e in required if e["rule"] == "rep-misstatement"]
    counts: dict[str, RuleCounts] = {r: RuleCounts() for r in sorted(rules)}
    hit: set[int] = set()
    seen: set[tuple[str, str, int | None]] = set()
    fps: list[Mapping[str, Any]] = []
    for f in findings:
        key = (f["rule"], f["path"], f.get("line"))
        if f["rule"] not in rules or key in seen:
            continue
        seen.add(key)
        matched = [i for i, e in enumerate(required) if rule_label_hit(f, e)]
        if matched:
            hit.update(matched)
            continue
        if any(rule_label_hit(f, e) for e in expected if e.get("optional")):
            counts[f["rule"]].tolerated += 1
            continue
        if f["rule"] == "metric-conflict" and any(f["path"] == p and _within(f.get("line"), s)
                                                  for p, s in rep_spans):
            continue
        counts[f["rule"]].fp += 1
        fps.append(f)
        if any(n["path"] == f["path"] and _within(f.get("line"), [span(n)])
               and (not n.get("rules") or f["rule"] in n["rules"]) for n in negatives):
            counts[f["rule"]].negatives += 1
    missed = []
    for i, e in enumerate(required):
        if i in hit:
            counts[e["rule"]].tp += 1
        else:
            counts[e["rule"]].fn += 1
            missed.append(e)
    return RuleScore(counts, fps, missed)
