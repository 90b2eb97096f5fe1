"""Reviewers' verdicts on ``canon objections``: a mention right or wrong, a mention's objection,
a theme renamed or merged into another.

They live in the KB, in ``verdicts/objections.yaml``, a file people review like any other under
version control. Each verdict names its mention by call and line, with a key made of the call and
the mention's words, so that it still finds its mention when the call file shifts by a few lines
or is ingested again. They act at once, and as data:

- a mention marked wrong is dropped; a turn marked right is a mention even where detection missed
  it, starting at the sentences the reviewer's words cover;
- the trained detector is adapted to the sentences of the verdicts that correct its own decision
  (a turn it missed marked right as an objection, a turn it found marked wrong as not, whatever
  echoes, follow-ups and the blend then added), so that sentences like them follow
  (:func:`.review.recalibrate`);
- a mention's objection is fixed by an assignment verdict; where that corrects canon, its words
  join that objection's phrasings (so that mentions like it follow), and a theme a reviewer
  names becomes a seed like a known objection;
- a rename gives a theme its label; a merge moves one theme's mentions into another objection.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

VERDICTS_FILE = Path("verdicts") / "objections.yaml"
KINDS = ("mention", "assignment", "rename", "merge")
LINE_SLACK = 3  # a verdict still finds its mention this many lines away, when the words match

Kind = Literal["mention", "assignment", "rename", "merge"]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def mention_key(call: str, text: str) -> str:
    """A mention's stable key: its call and its words, not its line."""
    return hashlib.sha1(f"{call}\n{_norm(text)}".encode()).hexdigest()[:12]


@dataclass
class Verdict:
    kind: Kind
    verdict: Literal["right", "wrong"] = "right"
    call: str | None = None
    line: int | None = None
    text: str | None = None
    key: str | None = None
    objection: str | None = None  # assignment: an objection id, or a theme's label
    theme: str | None = None  # rename / merge: the theme (its id)
    label: str | None = None  # rename: the new label
    into: str | None = None  # merge: the objection or theme that takes the theme's mentions
    mentions: list[str] = field(default_factory=list)  # rename / merge: keys of the theme's mentions
    by: str | None = None
    on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")}

    def refers_to(self, call: str, line: int, text: str, lines: tuple[int, int] | None = None) -> bool:
        """Whether this mention or assignment verdict is about the mention at ``call``:``line``."""
        if self.call != call:
            return False
        lo, hi = lines or (line, line)
        if self.line is not None and lo <= self.line <= hi:
            return True
        if self.key and self.key == mention_key(call, text):
            return True
        near = self.line is None or lo - LINE_SLACK <= self.line <= hi + LINE_SLACK
        return near and bool(self.text) and _norm(self.text or "") in _norm(text)


def validate(v: Verdict) -> Verdict:
    from knowledge.errors import UsageError

    if v.kind not in KINDS:
        raise UsageError(f"a verdict is one of {', '.join(KINDS)}, not {v.kind!r}")
    if v.verdict not in ("right", "wrong"):
        raise UsageError(f"a verdict is right or wrong, not {v.verdict!r}")
    if v.kind in ("mention", "assignment") and (not v.call or (v.line is None and not v.text)):
        raise UsageError(f"a {v.kind} verdict names a call and a line (or the mention's text)")
    if v.kind == "assignment" and not v.objection:
        raise UsageError("an assignment verdict names the objection (an id, or a theme's label)")
    if v.kind == "rename" and not (v.theme and v.label):
        raise UsageError("a rename names the theme and its new label")
    if v.kind == "merge" and not (v.theme and v.into):
        raise UsageError("a merge names the theme and the objection or theme it goes into")
    return v


def path_of(root: Path) -> Path:
    return root / VERDICTS_FILE


def load_verdicts(root: Path) -> list[Verdict]:
    """The KB's verdicts (none when the file is missing)."""
    from knowledge.verdict_file import read_rows

    out: list[Verdict] = []
    for row in read_rows(path_of(root), Verdict.__dataclass_fields__):
        fields = dict(row)
        if "line" in fields and fields["line"] is not None:
            fields["line"] = int(fields["line"])
        if "on" in fields and fields["on"] is not None:
            fields["on"] = str(fields["on"])
        out.append(validate(Verdict(**fields)))
    return out


def save_verdicts(root: Path, verdicts: list[Verdict]) -> Path:
    """Write the file whole, through a temporary file renamed over it: a crash leaves the old file."""
    from knowledge.verdict_file import write_rows

    return write_rows(path_of(root), [v.to_dict() for v in verdicts],
                      "Reviewers' verdicts on `canon objections` (see `canon objections verdict --help`).")


def add_verdict(root: Path, verdict: Verdict, today: date | None = None) -> dict[str, Any]:
    """Validate ``verdict``, give it its key, replace any earlier verdict on the same thing and save."""
    validate(verdict)
    if verdict.kind in ("mention", "assignment") and verdict.call and verdict.text and not verdict.key:
        verdict.key = mention_key(verdict.call, verdict.text)
    if today is not None and not verdict.on:
        verdict.on = today.isoformat()
    from knowledge.verdict_file import one_writer

    with one_writer(path_of(root)):
        return _add(root, verdict)


def _add(root: Path, verdict: Verdict) -> dict[str, Any]:
    existing = load_verdicts(root)

    def same(a: Verdict) -> bool:
        if a.kind != verdict.kind:
            return False
        if a.kind in ("mention", "assignment"):
            return a.call == verdict.call and a.line == verdict.line and a.text == verdict.text
        return a.theme == verdict.theme

    kept = [a for a in existing if not same(a)]
    kept.append(verdict)
    save_verdicts(root, kept)
    return {"verdict": verdict.to_dict(), "verdicts": len(kept), "path": VERDICTS_FILE.as_posix()}
