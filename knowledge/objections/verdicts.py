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
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from knowledge.model import Call
    from knowledge.settings import Settings

VERDICTS_FILE = Path("verdicts") / "objections.yaml"
KINDS = ("mention", "assignment", "rename", "merge")

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
        return self.rank(call, line, text, lines) is not None

    def rank(self, call: str, line: int, text: str, lines: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """How surely this mention or assignment verdict is about the mention at ``call``:``line``
        with the words ``text`` (lower is surer; None: it is not). Words come first: the same
        words, then words that hold the mention's or that it holds, the nearer the verdict's line
        the better; the line alone only for a verdict whose words are nowhere in ``text``. A call
        edited above the mention moves its line, not its words."""
        if self.call != call:
            return None
        lo, hi = lines or (line, line)
        away = 0 if self.line is None else max(lo - self.line, self.line - hi, 0)
        said = _norm(self.text or "")
        if said or self.key:
            words = words_match(said, _norm(text)) if said else 0
            if (self.key and self.key == mention_key(call, text)) or words == 2:
                return (0, away)
            if words == 1:
                return (1, away)
        if self.line is not None and lo <= self.line <= hi:
            return (2, 0)
        return None


def words_match(said: str, own: str) -> int:
    """2 when two normalised texts are the same words, 1 when one holds the other (at word
    boundaries: "no" is not in "know"), else 0."""
    if not said or not own:
        return 0
    if said == own:
        return 2
    return int(f" {said} " in f" {own} " or f" {own} " in f" {said} ")


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
            # the same mention: the same words at the same line (or where one of the two has no line:
            # Verdict.rank sends it to the nearest occurrence), or the same line where one has no words
            if a.key and verdict.key:
                same_place = a.key == verdict.key and (not a.line or not verdict.line or a.line == verdict.line)
            else:
                same_place = a.line == verdict.line
            return a.call == verdict.call and same_place
        return a.theme == verdict.theme

    kept = [a for a in existing if not same(a)]
    kept.append(verdict)
    save_verdicts(root, kept)
    return {"verdict": verdict.to_dict(), "verdicts": len(kept), "path": VERDICTS_FILE.as_posix()}


def follow_calls(verdicts: Sequence[Verdict], calls: Sequence[Call]) -> tuple[list[Verdict], list[Verdict]]:
    """(the verdicts as they apply to ``calls``, the mention and assignment verdicts that match no
    call). A verdict whose call is gone (the file renamed, or deleted and ingested again under
    another name) follows its words, as a finding's verdict follows a renamed file: to the call
    whose prospect says those very words (the first such call by path). Only the same words: a
    call whose prospect says more around them ("too expensive" in "it is too expensive for a
    two-chair practice") is another mention, which the verdict never judged. One whose words no
    call says matches nothing: it is reported (``canon objections``, ``canon doctor``), never
    silently dropped from the file."""
    from dataclasses import replace

    paths = {c.path for c in calls}
    out: list[Verdict] = []
    lost: list[Verdict] = []
    for v in verdicts:
        if v.kind not in ("mention", "assignment") or v.call in paths:
            out.append(v)
            continue
        found = _call_saying(v.text or "", calls)
        if found is None:
            lost.append(v)
        else:
            out.append(replace(v, call=found, key=mention_key(found, v.text or "")))
    return out, lost


def _call_saying(text: str, calls: Sequence[Call]) -> str | None:
    """The path of the first call (by path) one of whose prospect's pieces is exactly ``text``
    (:func:`words_match` 2; see :func:`follow_calls`), or None."""
    said = _norm(text)
    if not said:
        return None
    for call in sorted(calls, key=lambda c: c.path):
        if any(words_match(said, _norm(piece_words(call, ti, p))) == 2 for ti, p in _prospect_pieces(call)):
            return call.path
    return None


def unmatched_verdicts(settings: Settings) -> list[Verdict]:
    """The KB's mention and assignment verdicts that match no call of its index
    (:func:`follow_calls`), for ``canon doctor``; none when the index holds no calls yet."""
    from knowledge.indexed import load_indexed_calls
    from knowledge.store import open_catalog

    verdicts = load_verdicts(settings.root)
    if not any(v.kind in ("mention", "assignment") for v in verdicts):
        return []
    catalog = open_catalog(settings)
    try:
        calls, _ = load_indexed_calls(settings, catalog)
    finally:
        catalog.close()
    return follow_calls(verdicts, calls)[1]


def unmatched_note(lost: Sequence[Verdict]) -> str:
    """``2 verdicts match no call: calls/a.vtt:12 "…", …`` (for people), or "" when none."""
    if not lost:
        return ""
    shown = ", ".join(f"{v.call}{f':{v.line}' if v.line else ''} \"{_short(v.text or '')}\"" for v in lost[:5])
    more = f", and {len(lost) - 5} more" if len(lost) > 5 else ""
    n = len(lost)
    return (f"{n} verdict{'s' if n != 1 else ''} match{'es' if n == 1 else ''} no call: {shown}{more} "
            f"(its call was renamed or deleted and no call says its words: fix or remove {'it' if n == 1 else 'them'} "
            f"in {VERDICTS_FILE.as_posix()})")


def _short(text: str, width: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= width else words[: width - 1] + "…"


# ------------------------------------------------------------------------------------------------
# Recording a verdict on the KB as it is: its calls and its objection entries


def piece_words(call: Call, turn: int, piece: int) -> str:
    """The words of one piece of a turn (a cue of a subtitle file, an entry of a JSON export: see
    :func:`.prefilter._pieces`), the text a verdict recorded at a line is keyed to."""
    from .prefilter import _pieces, _sentences

    sentences = _sentences(call.turns[turn])
    return " ".join(raw.strip() for (raw, _, _), p in zip(sentences, _pieces(sentences), strict=True) if p == piece)


def piece_at(call: Call, line: int) -> tuple[int, int] | None:
    """(turn, piece) of the turn holding ``line`` of the call file (the piece whose sentences
    start at or above it), or None where no turn does (a header, a time code between turns)."""
    from .prefilter import _pieces, _sentences

    for ti, turn in enumerate(call.turns):
        last = max([turn.line, *(s.line for s in turn.sentences), *(ln for s in turn.sentences for _, ln, _ in s.lines)])
        if not turn.line <= line <= last:
            continue
        sentences = _sentences(turn)
        pieces = [p for (_, ln, _), p in zip(sentences, _pieces(sentences), strict=True) if ln <= line]
        return ti, (pieces[-1] if pieces else 0)
    return None


def _prospect_pieces(call: Call) -> list[tuple[int, int]]:
    """(turn, piece) of every piece of the prospects' turns of a call."""
    from .prefilter import _pieces, _sentences, eligible

    return [(ti, p) for ti, turn in enumerate(call.turns) if eligible(call, turn)
            for p in sorted(set(_pieces(_sentences(turn))))]


def _kb_call(settings: Settings, path: str) -> tuple[Call, int]:
    """The KB's call at ``path`` (as canon objections shows it) and its number of lines."""
    from ingest.calls import _rel, decode_call_bytes, find_call_files, parse_call, read_call_file
    from knowledge.errors import NotFound

    files = {_rel(p, settings.root): p for p in find_call_files(settings.calls_path)}
    if path not in files:
        folder = _rel(settings.calls_path, settings.root)
        raise NotFound(f"the KB has no call {path!r} in its calls folder ({folder})",
                       hint="name the call as canon objections shows it, e.g. calls/2026-09-02-acme.vtt:57")
    text = decode_call_bytes(read_call_file(files[path], settings.calls_path))
    call = parse_call(files[path], rel=path, settings=settings.calls, text=text)
    return call, len(text.splitlines())


def check_mention(settings: Settings, v: Verdict) -> None:
    """Check that a mention or assignment verdict names a prospect's turn of one of the KB's
    calls, and key a verdict given at a line to the words there (:func:`piece_words`)."""
    from knowledge.errors import UsageError

    from .prefilter import eligible

    call, n_lines = _kb_call(settings, v.call or "")
    if v.line is None:
        said = _norm(v.text or "")
        if not any(words_match(said, _norm(piece_words(call, ti, p))) for ti, p in _prospect_pieces(call)):
            raise UsageError(f"no prospect's turn of {v.call} says {v.text!r}",
                             hint="copy the mention's words from canon objections, or give its line")
        return
    if v.line > n_lines:
        raise UsageError(f"line {v.line} is past the end of {v.call}, which has {n_lines} "
                         f"line{'s' if n_lines != 1 else ''}", hint="give the line canon objections shows")
    at = piece_at(call, v.line)
    if at is None:
        raise UsageError(f"line {v.line} of {v.call} is in no turn",
                         hint="give the line where the prospect's words start, as canon objections shows it")
    turn = call.turns[at[0]]
    if not eligible(call, turn):
        raise UsageError(f"line {v.line} of {v.call} is what {turn.speaker} says, on the seller's side",
                         hint="a verdict is on what a prospect says: give a line of the prospect's turn")
    if not v.text:
        v.text = piece_words(call, *at)


NEW = "new:"  # an assignment or merge naming a theme that does not exist yet says so: new:LABEL


@dataclass
class Names:
    """What a verdict may name: the KB's entries (id -> type) and the themes as canon mines them
    now, with the renamed labels (theme id, or the id it had before -> label)."""

    entries: dict[str, str]
    themes: dict[str, str]

    def objection_ids(self) -> list[str]:
        return [eid for eid, kind in self.entries.items() if kind == "objection"]

    def close(self, name: str, choices: list[str]) -> str | None:
        """The choice ``name`` most likely meant (a typo, or an entry's id with its folder left off)."""
        from difflib import get_close_matches

        tails = {c.rsplit("/", 1)[-1]: c for c in choices}
        hit = get_close_matches(name, choices, n=1, cutoff=0.75) or get_close_matches(
            name.rsplit("/", 1)[-1], list(tails), n=1, cutoff=0.75)
        return (hit[0] if hit[0] in choices else tails[hit[0]]) if hit else None


def kb_entries(settings: Settings) -> dict[str, str]:
    """The KB's entries at ``settings``, id -> type: cheap next to mining its themes."""
    from ingest.kb import load_kb

    return {e.id: e.type for e in load_kb(settings).entries}


def kb_names(settings: Settings, entries: dict[str, str] | None = None) -> Names:
    """The entries (``entries`` where already loaded) and themes of the KB at ``settings`` (themes
    mined with its verdicts applied: the whole objection analysis, seconds on a large KB)."""
    from . import analyze_settings

    entries = kb_entries(settings) if entries is None else entries
    themes: dict[str, str] = {}
    for o in analyze_settings(settings).objections:
        if not o.known:
            themes[o.id] = o.label
            if o.former_id:
                themes.setdefault(o.former_id, o.label)
    for v in load_verdicts(settings.root):  # a renamed theme is still known by the id it was renamed from
        if v.kind == "rename" and v.theme and v.label in themes.values():
            themes.setdefault(v.theme, v.label or "")
    return Names(entries, themes)


def _unknown(what: str, name: str, meant: str | None, fallback: str, *, message: str | None = None) -> Exception:
    """A name no verdict can take, with the closest one it may have meant."""
    from knowledge.errors import NotFound

    hint = f"did you mean {meant}? " if meant else ""
    return NotFound(message or f"no {what} is named {name!r}", hint=hint + fallback)


def check_objection(settings: Settings, name: str, names: Names | None = None) -> None:
    """Check that what an assignment (or a merge) names is an objection: an objection entry's id,
    a theme's id (``theme/...``) or a theme's label as ``canon objections`` shows them, or a new
    theme said plainly (``new:LABEL``). An entry's exact id is accepted first, without mining the
    themes (an entry whose id has no folder included). Anything else is refused with the closest
    name: a typo, or an id with its folder left off, would otherwise quietly become a theme of its own."""
    from knowledge.errors import UsageError

    if name.startswith(NEW):
        if not name.removeprefix(NEW).strip():
            raise UsageError("new: takes the new theme's label, e.g. new:driver adoption")
        return
    entries = names.entries if names is not None else kb_entries(settings)
    if name in entries:  # an entry's exact id first (one with no folder too): no theme need be mined
        if entries[name] != "objection":
            raise UsageError(f"{name} is an entry of type {entries[name]}, not an objection",
                             hint="name an objection entry's id, a theme's id (theme/...) or a theme's label")
        return
    names = names or kb_names(settings, entries)
    entry = next((e for e in names.objection_ids() if "/" not in name and e.rsplit("/", 1)[-1] == name), None)
    if entry is not None:  # an entry's id with its folder left off, even where a theme bears that label
        also = f" (a theme labelled {name!r} exists too: name it by its id, theme/...)" if name in names.themes.values() else ""
        raise _unknown("objection entry", name, entry, f"objection entries are named with their folder{also}",
                       message=f"no objection entry has the id {name!r}")
    if name in names.themes or name in names.themes.values():
        return
    meant = names.close(name, [*names.objection_ids(), *names.themes, *names.themes.values()])
    fallback = f"`canon objections` lists them; to start a new theme, say so: {NEW}{name.rsplit('/', 1)[-1]}"
    folder = "/" in name and not name.startswith("theme/")
    raise _unknown("objection or theme", name, meant, fallback,
                   message=f"no objection entry has the id {name!r}" if folder else None)


def check_theme(settings: Settings, theme: str, names: Names) -> None:
    """Check that a rename or merge names a theme canon mines now (its id, or the id it had)."""
    if theme not in names.themes:
        raise _unknown("theme", theme, names.close(theme, list(names.themes)),
                       "name a theme's id (theme/...) as `canon objections` shows it")


def record_verdict(settings: Settings, verdict: Verdict, today: date | None = None) -> dict[str, Any]:
    """Check ``verdict`` against the KB (its call, line and objection: :func:`check_mention`,
    :func:`check_objection`) and record it (:func:`add_verdict`)."""
    validate(verdict)
    if verdict.kind in ("mention", "assignment"):
        check_mention(settings, verdict)
    if verdict.kind == "assignment" and verdict.objection:
        check_objection(settings, verdict.objection)
    if verdict.kind in ("rename", "merge") and verdict.theme:
        names = kb_names(settings)
        check_theme(settings, verdict.theme, names)
        if verdict.kind == "merge" and verdict.into:
            check_objection(settings, verdict.into, names)
    return add_verdict(settings.root, verdict, today=today)
