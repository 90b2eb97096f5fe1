"""Reviewers' cases as a standing test bed: right / wrong per bed against the reviewers' wanted results.

Every folder ``tests/data/review_beds/<bed>/`` holds ``kb/<industry>/`` (entries and canon.toml) and
``cases.jsonl``: one case a row, ``{id, industry, where, path, text, line, rules, wanted, metric,
note}`` (``match`` optional). A case is one draft, call or KB page written by a reviewer of canon;
``wanted`` is the list of the bed's ``rules`` the reviewer wants on ``line`` (``[]``: none of them;
``line`` null: anywhere in the file). The reviewer's wanted column is the label, never canon's output.

A case is right when the bed's rules canon reports there are exactly ``wanted`` (``match: "any"``: any
of the bed's rules when ``wanted`` is not empty, as that reviewer judged "reported") and, where
``metric`` is given, a finding of a wanted rule names that metric.

Usage::

    python bench/review_beds.py                  # right / wrong per bed on this tree
    python bench/review_beds.py --bed rv2 -v     # one bed, every wrong case
    python bench/review_beds.py --against main   # which cases changed against another commit
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The code judged is this checkout's (or, for ``--against``, the tree the parent names in CANON_TREE),
# never whatever checkout an installed ``canon`` points at.
sys.path.insert(0, os.environ.get("CANON_TREE", str(ROOT)))
BEDS = ROOT / "tests" / "data" / "review_beds"
# The fixed evaluation date every case is judged on (the reviewers wrote them on 2026-12-07 and judged
# them as of this date, so that review and source ages do not move with the calendar).
TODAY = date(2026, 11, 1)


@dataclass(frozen=True)
class Case:
    """One reviewer's case: a file, the line judged and the rules wanted there."""

    bed: str
    id: str
    industry: str
    where: str  # draft | call | page
    path: str
    text: str
    line: int | None
    rules: tuple[str, ...]
    wanted: tuple[str, ...]
    metric: str | None
    note: str
    match: str = "exact"

    @property
    def key(self) -> str:
        return f"{self.bed}/{self.id}"


Got = list[tuple[str, str | None]]  # (rule, metric) of each finding of the case's rules on its line


def bed_names(beds: Path = BEDS) -> list[str]:
    """Every bed folder that holds a cases.jsonl, sorted."""
    return sorted(p.parent.name for p in beds.glob("*/cases.jsonl"))


def load_cases(bed: str, beds: Path = BEDS) -> list[Case]:
    """The bed's cases, in file order."""
    rows = (json.loads(line) for line in (beds / bed / "cases.jsonl").read_text().splitlines() if line)
    return [Case(bed=bed, id=r["id"], industry=r["industry"], where=r["where"], path=r["path"],
                 text=r["text"], line=r["line"], rules=tuple(r["rules"]), wanted=tuple(r["wanted"]),
                 metric=r.get("metric"), note=r.get("note", ""), match=r.get("match", "exact"))
            for r in rows]


def kb_folder(case: Case, beds: Path = BEDS) -> Path:
    """The case's KB folder: ``<bed>/kb/<industry>/``."""
    return beds / case.bed / "kb" / case.industry


def _kb_files(folder: Path) -> dict[str, bytes]:
    """The KB's files by path relative to the folder, canon.toml left out (it is the settings)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "canon.toml"}


def is_right(case: Case, got: Got) -> bool:
    """Whether what canon reports on the case's line is what the reviewer wanted."""
    rules = {rule for rule, _ in got}
    if not case.wanted:
        return not rules
    if case.match == "any":
        return bool(rules)
    if rules != set(case.wanted):
        return False
    return case.metric is None or any(r in case.wanted and m == case.metric for r, m in got)


def _on_line(case: Case, findings: Iterable[Any]) -> Got:
    """The findings of the case's rules on its file and line (any line when ``line`` is null)."""
    return sorted({(f.rule, (f.expected or {}).get("metric")) for f in findings
                   if f.path == case.path and f.rule in case.rules
                   and (case.line is None or f.line == case.line)}, key=str)


def _shown(report: Any, settings: Any, cut: float | None) -> Any:
    """The report as a user of the judged code sees it: less the figure findings under the confidence
    cut (``cut``, else canon.toml's, else the shipped default). Code from before the cut existed (an
    older ``--against`` commit) shows every finding, or those at ``cut`` and above when one is given."""
    try:
        from knowledge.audit import as_shown
    except ImportError:
        return report.at_least(cut) if cut else report
    return as_shown(report, settings, cut)


class IndustryRun:
    """One industry's KB of one bed, loaded once, run over that industry's cases."""

    def __init__(self, folder: Path, embed: Callable[..., Any], cut: float | None = None) -> None:
        from knowledge.settings import load_settings

        self.folder = folder
        self.embed = embed
        self.cut = cut
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name) / "kb"
        self.root.mkdir()
        (self.root / "canon.toml").write_bytes((folder / "canon.toml").read_bytes())
        self.settings = load_settings(self.root, environ={})
        self.files = _kb_files(folder)
        self._kb: Any = None

    def close(self) -> None:
        self._tmp.cleanup()

    def _context(self, kb: Any, calls: list[Any]) -> Any:
        from knowledge.rules import AuditContext

        return AuditContext(settings=self.settings, kb=kb, today=TODAY, calls=calls, vectors=self.embed)

    @property
    def kb(self) -> Any:
        """The KB without any case's page (loaded on first use)."""
        if self._kb is None:
            from ingest.kb import load_kb

            self._kb = load_kb(self.settings, files=self.files)
        return self._kb

    def drafts(self, cases: list[Case]) -> dict[str, Got]:
        """Every draft case checked in one run (drafts do not see each other)."""
        from ingest.drafts import parse_draft_text
        from knowledge.audit import check

        rules = sorted({r for c in cases for r in c.rules})
        report = check(self._context(self.kb, []), [parse_draft_text(c.text, c.path) for c in cases], rules)
        report = _shown(report, self.settings, self.cut)
        return {c.key: _on_line(c, report.findings) for c in cases}

    def calls(self, cases: list[Case]) -> dict[str, Got]:
        """Every call case audited in one run (findings on calls are per call)."""
        from ingest.calls import parse_call
        from knowledge.audit import audit

        calls = [parse_call(self.root / c.path, rel=c.path, settings=self.settings.calls, text=c.text)
                 for c in cases]
        rules = sorted({r for c in cases for r in c.rules})
        report = _shown(audit(self._context(self.kb, calls), rules), self.settings, self.cut)
        return {c.key: _on_line(c, report.findings) for c in cases}

    def page(self, case: Case) -> Got:
        """One page case: the KB loaded with that page added (pages back and contradict each other)."""
        from ingest.kb import load_kb
        from knowledge.audit import audit

        kb = load_kb(self.settings, files={**self.files, case.path: case.text.encode()})
        report = _shown(audit(self._context(kb, []), list(case.rules)), self.settings, self.cut)
        return _on_line(case, report.findings)

    def run(self, cases: list[Case]) -> dict[str, Got]:
        """What canon reports on each case's line, by case key."""
        out: dict[str, Got] = {}
        for where, batch in _batches(cases):
            if where == "draft":
                out.update(self.drafts(batch))
            elif where == "call":
                out.update(self.calls(batch))
            else:
                out.update({case.key: self.page(case) for case in batch})
        return out


def _batches(cases: list[Case]) -> list[tuple[str, list[Case]]]:
    """Cases split by where, and so that no two cases of one batch share a path (their findings
    would mix): the n-th case on a path goes to the n-th batch."""
    batches: dict[tuple[str, int], list[Case]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        batches[(case.where, seen[(case.where, case.path)])].append(case)
        seen[(case.where, case.path)] += 1
    return [(where, batch) for (where, _), batch in batches.items()]


class CachedEmbed:
    """The real embedding model, as the reviewers ran it, remembering each text's vector: every page
    case loads its KB again, and the KB's texts are the same each time."""

    def __init__(self, embed: Callable[..., Any] | None = None) -> None:
        if embed is None:
            from knowledge.embedding import MiniLMNumpyEmbedder

            embed = MiniLMNumpyEmbedder().embed
        self._embed = embed
        self._known: dict[str, Any] = {}

    def __call__(self, texts: Sequence[str], **kwargs: Any) -> Any:
        import numpy as np

        new = list(dict.fromkeys(t for t in texts if t not in self._known))
        if new:
            self._known.update(zip(new, self._embed(new, **kwargs), strict=True))
        if not texts:
            return self._embed([], **kwargs)
        return np.stack([self._known[t] for t in texts])


def default_embed() -> Callable[..., Any]:
    """The real embedding model, with a memory of the texts it has embedded."""
    return CachedEmbed()


def by_industry(cases: Iterable[Case]) -> dict[tuple[str, str], list[Case]]:
    """Cases grouped by (bed, industry): one KB load each."""
    groups: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.bed, case.industry)].append(case)
    return groups


def run_cases(cases: list[Case], embed: Callable[..., Any] | None = None, beds: Path = BEDS,
              cut: float | None = None) -> dict[str, Got]:
    """What canon reports on every case's line, by case key (under the confidence cut ``cut``, else
    the one a user of this code gets)."""
    embed = embed or default_embed()
    out: dict[str, Got] = {}
    for group in by_industry(cases).values():
        run = IndustryRun(kb_folder(group[0], beds), embed, cut)
        try:
            out.update(run.run(group))
        finally:
            run.close()
    return out


def _tally(cases: list[Case], got: dict[str, Got]) -> dict[str, list[int]]:
    """Per bed: [right, wrong]."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        tally[case.bed][0 if is_right(case, got[case.key]) else 1] += 1
    return tally


KNOWN_WRONG = "known_wrong.json"  # per bed: the cases a commit gets wrong, and what it reports there


def record_wrong(cases: list[Case], got: dict[str, Got], ref: str, beds: Path = BEDS) -> None:
    """Write each bed's ``known_wrong.json``: the cases this tree gets wrong (the tests mark them
    ``xfail(strict=True)`` with what canon reports), so a change that fixes one is seen at once."""
    by_bed: dict[str, dict[str, Any]] = defaultdict(dict)
    for case in cases:
        by_bed[case.bed]  # every bed gets a file, empty when it is all right
        if not is_right(case, got[case.key]):
            by_bed[case.bed][case.id] = [list(g) for g in got[case.key]]
    for bed, wrong in by_bed.items():
        body = {"commit": ref, "wrong": wrong}
        (beds / bed / KNOWN_WRONG).write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n")


def load_known_wrong(bed: str, beds: Path = BEDS) -> dict[str, Got]:
    """What the recorded commit reports on each case it gets wrong (``{}`` when none recorded)."""
    path = beds / bed / KNOWN_WRONG
    if not path.exists():
        return {}
    wrong = json.loads(path.read_text())["wrong"]
    return {cid: [(r, m) for r, m in got] for cid, got in wrong.items()}


def _results_at(ref: str, names: list[str], beds: Path = BEDS, cut: float | None = None) -> dict[str, Got]:
    """Run this runner, on these beds' data, over the code of commit ``ref`` (a detached worktree)."""
    with tempfile.TemporaryDirectory() as tmp:
        tree, out = Path(tmp) / "tree", Path(tmp) / "got.json"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), ref], check=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree), "CANON_TREE": str(tree)}
            cmd = [sys.executable, str(Path(__file__).resolve()), "--json", str(out), "--beds", str(beds.resolve())]
            for name in names:
                cmd += ["--bed", name]
            if cut is not None:
                cmd += ["--min-confidence", str(cut)]
            subprocess.run(cmd, check=True, cwd=tree, env=env)
            return {k: [(r, m) for r, m in v] for k, v in json.loads(out.read_text()).items()}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


def _print_changes(cases: list[Case], now: dict[str, Got], then: dict[str, Got], ref: str) -> None:
    """Cases whose right / wrong changed between ``ref`` and this tree, with counts per bed."""
    moved: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        was, still = is_right(case, then[case.key]), is_right(case, now[case.key])
        if was != still:
            moved[case.bed][0 if still else 1] += 1
    for bed, (better, worse) in sorted(moved.items()):
        print(f"{bed:16s} against {ref}: {better} wrong -> right, {worse} right -> wrong")
    for case in cases:
        was, still = is_right(case, then[case.key]), is_right(case, now[case.key])
        if was != still:
            word = "wrong -> right" if still else "right -> wrong"
            print(f"  {case.key:28s} {word}  wanted={list(case.wanted)}  {ref}={then[case.key]}  now={now[case.key]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bed", action="append", help="only these beds (repeatable)")
    parser.add_argument("--beds", type=Path, default=BEDS, help=argparse.SUPPRESS)
    parser.add_argument("--against", metavar="REF", help="also run commit REF and list changed cases")
    parser.add_argument("--json", type=Path, help="write what canon reports per case here")
    parser.add_argument("--record", metavar="REF", help="write each bed's known_wrong.json, naming REF")
    parser.add_argument("--min-confidence", type=float, metavar="X",
                        help="judge the findings at confidence X and above only, as `canon audit --min-confidence X` "
                        "shows them (both trees with --against); default: the cut a user of the code gets")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong case")
    args = parser.parse_args(argv)
    names = args.bed or bed_names(args.beds)
    cases = [c for name in names for c in load_cases(name, args.beds)]
    got = run_cases(cases, beds=args.beds, cut=args.min_confidence)
    if args.json:
        args.json.write_text(json.dumps(got, indent=0))
        return 0
    if args.record:
        record_wrong(cases, got, args.record, args.beds)
    then = _results_at(args.against, names, args.beds, args.min_confidence) if args.against else None
    tally, before = _tally(cases, got), _tally(cases, then) if then else {}
    for name in names:
        right, wrong = tally[name]
        was = f"   ({args.against}: {before[name][0]} right, {before[name][1]} wrong)" if then else ""
        print(f"{name:16s} {right + wrong:4d} cases  {right:4d} right  {wrong:4d} wrong{was}")
    if then:
        _print_changes(cases, got, then, args.against)
    if args.verbose:
        for case in cases:
            if not is_right(case, got[case.key]):
                print(f"  WRONG {case.key}: wanted={list(case.wanted)} metric={case.metric} got={got[case.key]}"
                      f"  [{case.note}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
