"""Reading the KB: every ``*.md`` below the root is an entry (SPEC section 1).

``parse_entry`` turns one file into an ``Entry`` and the ``invalid-entry`` findings about it. A
file is unusable (``None``) only when it cannot be read at all: a binary file, or front matter
that is not YAML. Anything else that breaks the schema is reported at its line and dropped, and
the rest of the entry is kept, so that one bad date does not hide an entry's figures from every
other check.

Every input is bounded (``ingest.limits``): a file over ``MAX_ENTRY_BYTES`` or a link that leaves
the KB is refused and reported; an over-long line or block is left out of claims and search and
reported; front matter whose aliases would expand past ``MAX_YAML_NODES`` values is refused. Within
those limits every step is linear in the size of the file (``bench/bench_parse.py``).

Front matter that is not valid YAML makes the entry an untyped draft: reported, its body still
indexed and searchable, but never canonical (the broken YAML might have said ``retired``).
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from knowledge.dates import real_date
from knowledge.durations import parse_duration
from knowledge.integrity import resolve_duplicates
from knowledge.model import ENTRY_TYPES, KB, STATUSES, Entry, Finding, Metric, Source
from knowledge.settings import Settings

from ._markdown import (
    NOT_UTF8_READ_AS,
    bound_lines,
    decode,
    describe,
    figures_message,
    front_matter_claims,
    line_ignores,
    parse_markdown,
    split_front_matter,
)
from .limits import (
    MAX_ENTRY_BYTES,
    MAX_LINE_CHARS,
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
    REFUSED,
    read_or_refusal,
    refusal,
)

FOLDER_LINK = "is a folder link"

RULE = "invalid-entry"

# Keys canon reads; everything else in front matter is kept in ``Entry.extra``.
LIST_KEYS = ("answers", "supersedes", "topics", "audience", "examples")
KNOWN_KEYS = frozenset({
    "id", "type", "title", "status", "owner", "reviewed", "review_every", "expires", "sources",
    "metrics", "canon.ignore", "canon", *LIST_KEYS,
})


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()


def _is_entry_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(".md")


def _kb_folders(settings: Settings) -> Iterator[tuple[Path, list[str], list[Path]]]:
    """Each folder below the root that entries are read from: (folder, its file names, its folder
    links that lead out of the KB). Hidden folders, the index and the calls folder are skipped;
    folder links are not followed (a link back up the tree would never end)."""
    root = settings.root
    index = settings.index_path.resolve()
    calls = settings.calls_path.resolve()
    base = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        keep: list[str] = []
        leaving: list[Path] = []
        for d in dirnames:
            if d.startswith(".") or (here / d).resolve() in (index, calls):
                continue
            if (here / d).is_symlink():
                target = (here / d).resolve()
                if target != base and base not in target.parents:
                    leaving.append(here / d)
                continue
            keep.append(d)
        dirnames[:] = keep
        yield here, filenames, leaving


def iter_entry_files(settings: Settings) -> list[Path]:
    """Every ``*.md`` below the root, sorted by relative path.

    Hidden files and folders and the index folder are skipped. Folder links are not followed; one
    that leaves the KB is listed so that reading it reports it. File links are listed;
    :func:`read_entry_file` reads one only when its target lies inside the KB.
    """
    root = settings.root
    found: list[tuple[str, Path]] = []
    for here, filenames, leaving in _kb_folders(settings):
        found.extend((_rel(link, root), link) for link in leaving)
        for name in filenames:
            if _is_entry_name(name):
                p = here / name
                if p.is_file() or p.is_symlink():
                    found.append((_rel(p, root), p))
    found.sort(key=lambda rp: rp[0])
    return [p for _, p in found]


# Files canon itself keeps in the KB, never content (the verdict files' paths are those of
# knowledge.finding_verdicts and knowledge.objections.verdicts, which a test holds them to).
OWN_FILES = frozenset({"canon.toml", "verdicts/findings.yaml", "verdicts/objections.yaml"})


def unread_files(settings: Settings) -> dict[str, int]:
    """How many files of each extension (lower case, "" for none) canon reads nothing from: below
    the root every file but an entry (``.md``) and canon's own files, in the calls folder every
    file that is no call format. Hidden files and folders and the index are left out, as the
    readers leave them out. An export from a wiki or a drive holds .docx, .pdf, .html pages that
    would otherwise be skipped without a word."""
    from .calls import CALL_SUFFIXES

    root = settings.root
    names: list[str] = []
    for here, filenames, _ in _kb_folders(settings):
        names.extend(n for n in filenames if not n.startswith(".") and not _is_entry_name(n)
                     and _rel(here / n, root) not in OWN_FILES)
    calls = settings.calls_path
    if calls.is_dir():
        for _, dirs, filenames in os.walk(calls):  # folder links not followed, as by find_call_files
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            names.extend(n for n in filenames if not n.startswith(".") and not n.lower().endswith(CALL_SUFFIXES))
    counts: dict[str, int] = {}
    for name in names:
        ext = Path(name).suffix.lower()
        counts[ext] = counts.get(ext, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def read_entry_file(path: Path, settings: Settings) -> bytes:
    """An entry file's bytes, or a refusal (:data:`ingest.limits.REFUSED`) that ``parse_entry``
    reports: a link out of the KB or into a hidden folder, something that is not a regular file,
    a file over ``MAX_ENTRY_BYTES``."""
    if path.is_dir():
        return REFUSED + (f"{FOLDER_LINK} that leads outside the KB folder; canon does not follow folder links, "
                          "so no entry in it is read: move the entries into the KB, or remove the link").encode()
    return read_or_refusal(path, settings.root, limit=MAX_ENTRY_BYTES, what="the KB folder",
                           exclude=(settings.index_path,))


# --------------------------------------------------------------------------------------------
# YAML with line numbers


def _loader_class() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class EntryLoader(base):  # type: ignore[misc, valid-type]
        """The safe loader, except that a date that does not exist stays a string to report."""

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    EntryLoader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return EntryLoader


_LOADER: type | None = None

_YAML_HINTS = (
    ("mapping values are not allowed", "a value contains ': ', which YAML reads as the start of another key; "
     "put the whole value in quotes"),
    ("found character '\\t'", "YAML does not allow tabs for indentation; indent with spaces"),
    ("found a tab character", "YAML does not allow tabs for indentation; indent with spaces"),
    ("could not find expected ':'", "a line is not 'key: value'; check the indentation or quote the value"),
    ("found undefined alias", "'*' starts an alias in YAML; put the value in quotes"),
    ("found unexpected end of stream", "a quote or bracket is never closed"),
    ("did not find expected ','", "a '[' or '{' is never closed; close it on the same line"),
    ("did not find expected key", "the indentation is inconsistent or a value needs quotes"),
    ("expected <block end>", "the indentation is inconsistent or a value needs quotes"),
    ("found unhashable key", "a key is a list or mapping; quote it"),
    ("while scanning an alias", "'*' starts an alias in YAML; put the value in quotes"),
    ("while scanning an anchor", "'&' starts an anchor in YAML; put the value in quotes"),
)


@dataclass
class _Yaml:
    data: Any = None
    key_lines: dict[str, int] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, first line, again
    error: tuple[int, int, str] | None = None  # line, column, message
    misread: list[tuple[int, int, str]] = field(default_factory=list)  # line, column, warning (see _misread)


def _walk(node: Any, base: int, out: _Yaml, rows: list[str]) -> None:
    """key path -> file line: ``metrics``, ``metrics[0]``, ``metrics[0].value``, ``sources[1].date``;
    and each value YAML read as other than its text (:func:`_misread`, ``rows`` being the lines)."""
    import yaml

    def walk(n: Any, prefix: str, depth: int) -> None:
        if depth > 4:
            return  # deep enough for every key canon reads; aliases cannot make it explode
        if isinstance(n, yaml.MappingNode):
            seen: dict[str, int] = {}
            for k, v in n.value:
                if not isinstance(k, yaml.ScalarNode):
                    continue
                name = f"{prefix}.{k.value}" if prefix else str(k.value)
                line = base + k.start_mark.line
                if name in seen:
                    out.duplicates.append((name, seen[name], line))
                seen[name] = line
                out.key_lines[name] = line
                misread = _misread(name, k, v, rows)
                if misread is not None:
                    out.misread.append((line, misread[0], misread[1]))
                walk(v, name, depth + 1)
        elif isinstance(n, yaml.SequenceNode):
            for idx, item in enumerate(n.value):
                name = f"{prefix}[{idx}]"
                out.key_lines[name] = base + item.start_mark.line
                walk(item, name, depth + 1)

    walk(node, "", 0)


def yaml_size(node: Any) -> tuple[int, int] | None:
    """How many values ``node`` stands for once every alias is expanded, and how deep it nests;
    ``None`` when an alias refers to a value that holds it (it would never end).

    Aliases share one composed node, so the document in memory stays small; it is expanding them
    (the "billion laughs") that explodes. Counting is linear in the composed nodes: each shared
    node is measured once. Nesting deeper than ``MAX_YAML_DEPTH`` stops the count there.
    """
    import yaml

    sizes: dict[int, tuple[int, int]] = {}
    open_: set[int] = set()

    def measure(n: Any, depth: int) -> tuple[int, int] | None:
        key = id(n)
        if key in sizes:
            return sizes[key]
        if key in open_:
            return None
        if depth > MAX_YAML_DEPTH:
            return (1, depth)
        children: list[Any] = []
        if isinstance(n, yaml.MappingNode):
            children = [c for kv in n.value for c in kv]
        elif isinstance(n, yaml.SequenceNode):
            children = list(n.value)
        open_.add(key)
        total, height = 1, 1
        for c in children:
            got = measure(c, depth + 1)
            if got is None:
                return None
            total += got[0]
            height = max(height, got[1] + 1)
            if total > MAX_YAML_NODES:
                break
        open_.discard(key)
        sizes[key] = (total, height)
        return sizes[key]

    return measure(node, 1)


def _yaml_budget(node: Any) -> str | None:
    """Why front matter is refused before its values are built, or ``None``."""
    size = yaml_size(node)
    if size is None:
        return "front matter has an alias that refers to itself; remove the '*' alias or its '&' anchor"
    count, depth = size
    if count > MAX_YAML_NODES:
        return (f"front matter holds more than {MAX_YAML_NODES:,} values once its aliases ('*name') are "
                "expanded; canon does not expand it: write the values out, or remove the aliases")
    if depth > MAX_YAML_DEPTH:
        return f"front matter is nested more than {MAX_YAML_DEPTH} levels deep; flatten it"
    return None


# What PyYAML was reading when it failed (its ``context``), for the constructs whose opening is where
# the fault lies: a bracket or quote never closed, a line that is not ``key: value``. PyYAML notices
# such a fault only on a later line (the next key), so the opening is the line to point at. A block
# mapping's context is where the whole front matter starts, no help, and is not used.
_OPENED = (
    ("flow sequence", "the list opened with '[' on line {line} is never closed; close it with ']' on the same line"),
    ("flow mapping", "the mapping opened with '{{' on line {line} is never closed; close it with '}}' on the same line"),
    ("quoted scalar", "the quote opened on line {line} is never closed; close it on the same line"),
    ("simple key", "line {line} is not 'key: value'; add the ':' or quote the value"),
)


# What a value's first character makes of it in YAML, when the value is left unquoted: the cause
# of the error PyYAML gives on its line, in words ("did not find expected whitespace or line
# break" for ``logo: ![logo](x.png)``).
_FIRST_CHARACTER = {
    "!": "is read as a YAML tag",
    "*": "is read as a YAML alias (a reference to an '&' anchor)",
    "&": "is read as a YAML anchor (a name for the value after it)",
    "@": "is refused by YAML ('@' is reserved)",
    "`": "is refused by YAML ('`' is reserved)",
    "%": "is refused by YAML ('%' starts a directive)",
    "|": "opens a YAML block of text on the lines below",
    ">": "opens a YAML block of text on the lines below",
    "-": "is read as a YAML list item",
    "?": "is read as a YAML complex key",
    '"': "ends where its quote closes, and the text after the quote is left over",
    "'": "ends where its quote closes, and the text after the quote is left over",
    "#": "is read as a YAML comment (a '#' after a space)",
}
_VALUE = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:#]*?:[ \t]+(?P<value>\S)")


def _value_trap(row: str, column: int) -> str | None:
    """The cause of a YAML error at ``column`` (0-based) of ``row``, when the row is ``key: value``
    and the value starts with a character YAML reads as syntax: the hint to give, else None."""
    m = _VALUE.match(row)
    if m is None or column < m.start("value"):
        return None
    first = m.group("value")
    cause = _FIRST_CHARACTER.get(first)
    if cause is None:
        return None
    quotes = "in the other kind of quotes" if first in "\"'" else "in quotes"
    return f"a value starting with {first!r} {cause}: put the whole value {quotes}"


_AFTER_KEY = re.compile(r"^[ \t]*:[ \t]+(?P<value>\S.*?)\s*$")
_MID_COMMENT = re.compile(r"[ \t]#(?=\S)")
_ANCHOR = re.compile(r"&(?P<name>[^\s,\[\]{}]+)[ \t]*")


def _misread(key: str, k: Any, v: Any, rows: list[str]) -> tuple[int, str] | None:
    """(column, warning) when the value of ``key`` (key node ``k``, value node ``v``) parsed without
    an error but not as the text its line shows, because YAML took its first character as syntax:
    ``title: #1 in clinics`` (a comment: the title is empty) and ``title: &Co partners`` (an
    anchor named "Co": the title is "partners"). Else None.

    A ``#`` followed by a space is a comment someone meant (``owner: # to fill in``), and an
    anchor that a ``*`` alias of the front matter refers to is meant too; both are left alone. An
    alias whose anchor is missing or misspelt is a YAML error, reported as one."""
    import yaml

    if not isinstance(v, yaml.ScalarNode) or k.end_mark.line >= len(rows):
        return None
    row = rows[k.end_mark.line]
    m = _AFTER_KEY.match(row[k.end_mark.column:])
    if m is None:
        return None
    written, column = m.group("value"), k.end_mark.column + m.start("value") + 1
    empty = v.value == "" and v.tag == "tag:yaml.org,2002:null"
    if written.startswith("#") and empty and not written[1:2].isspace() and len(written) > 1:
        reading = f"so {key} is empty"
    elif written.startswith("&"):
        anchor = _ANCHOR.match(written)
        if anchor is None or _aliased(anchor.group("name"), rows):
            return None
        reading = f"named {anchor.group('name')!r}, so {key} is " + ("empty" if empty else f"read as {v.value!r}")
    elif (cut := _MID_COMMENT.search(written)) and not v.style and v.value == written[:cut.start()].rstrip():
        # "title: Top #1 tool for clinics": a '#' after a space starts a comment mid-value too; one
        # followed by a space ("tier: gold  # renewed 2024") is a comment someone meant
        leaf = key.rsplit(".", 1)[-1]
        return column + cut.start() + 1, (f"{key}: a ' #' inside a value starts a YAML comment, so {key} is read "
                                          f"as {v.value!r}; put the whole value in quotes: {leaf}: {_quoted(written)}")
    else:
        return None
    leaf = key.rsplit(".", 1)[-1]
    return column, (f"{key}: a value starting with {written[0]!r} {_FIRST_CHARACTER[written[0]]} {reading}; "
                    f"put the whole value in quotes: {leaf}: {_quoted(written)}")


def _aliased(anchor: str, rows: list[str]) -> bool:
    """Whether a ``*anchor`` alias refers to ``anchor`` anywhere in the front matter's ``rows``."""
    alias = re.compile(r"(?:^|[\s\[{,])\*" + re.escape(anchor) + r"(?=$|[\s,\]}])")
    return any(alias.search(row) for row in rows)


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _yaml_error(exc: Any, text: str, first_line: int) -> tuple[int, int, str]:
    """A YAML syntax error as (line, column, message) in the file's lines.

    The finding points at the construct that was left open when PyYAML gives where it opened (its
    ``context_mark``), and names both places when they differ: "did not find expected ',' or ']'"
    is raised on the line after an unclosed ``tags: [positioning``.
    """
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (first_line + mark.line, mark.column + 1) if mark is not None else (first_line, 1)
    problem = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc).strip()
    hint = next((h for key, h in _YAML_HINTS if key in problem), "fix the YAML syntax")
    if mark is not None:
        rows = text.split("\n")
        row = rows[mark.line] if mark.line < len(rows) else ""
        char = row[mark.column] if mark.column < len(row) else ""
        if "cannot start any token" in problem:
            hint = ("YAML does not allow tabs for indentation; indent with spaces" if char == "\t"
                    else f"a value starting with {char!r} must be put in quotes")
        hint = _value_trap(row, mark.column) or hint
    where = f"line {line}, column {column}"
    opened = _opened_at(exc, first_line)
    if opened is not None and opened[:2] != (line, column):
        o_line, o_col, o_hint = opened
        where = f"line {o_line}, column {o_col}; noticed at line {line}, column {column}"
        line, column, hint = o_line, o_col, o_hint
    return line, column, f"front matter is not valid YAML: {problem} ({where}); {hint}"


def _opened_at(exc: Any, first_line: int) -> tuple[int, int, str] | None:
    """Where the construct the error is about was opened (line, column, hint), for the contexts of
    :data:`_OPENED`; ``None`` for any other."""
    context, mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if not context or mark is None:
        return None
    hint = next((h for key, h in _OPENED if key in str(context)), None)
    line = first_line + mark.line
    return (line, mark.column + 1, hint.format(line=line)) if hint else None


def _load_yaml(text: str, first_line: int) -> _Yaml:
    """Compose once (for line numbers), measure (aliases counted in full), construct from the same
    nodes (for values)."""
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _loader_class()
    out = _Yaml()
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        refused = _yaml_budget(node) if node is not None else None
        if refused is not None:
            out.error = (first_line, 1, refused)
        elif node is not None:
            _walk(node, first_line, out, text.split("\n"))
            out.data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        out.error = _yaml_error(exc, text, first_line)
    except RecursionError:
        out.error = (first_line, 1, "front matter is nested too deeply to read; flatten it")
    except Exception as exc:  # a value the safe constructor rejects: the front matter is unreadable
        out.error = (first_line, 1, f"front matter cannot be read: {exc}; fix the YAML")
    finally:
        loader.dispose()
    return out


# --------------------------------------------------------------------------------------------
# Validation


class _Report:
    """Collects invalid-entry findings, each at the line of the key it is about."""

    def __init__(self, path: str, key_lines: dict[str, int]) -> None:
        self.path = path
        self.key_lines = key_lines
        self.findings: list[Finding] = []
        self.entry_id: str | None = None

    def line(self, key: str) -> int:
        while key:
            if key in self.key_lines:
                return self.key_lines[key]
            cut = max(key.rfind("."), key.rfind("["))
            key = key[:cut] if cut > 0 else ""
        return 1

    def add(self, key: str | int, message: str, column: int = 1, severity: str = "error") -> None:
        line = key if isinstance(key, int) else self.line(key)
        self.findings.append(Finding(rule=RULE, severity=severity, path=self.path, line=line,
                                     column=column, message=message, entry=self.entry_id))


def _closest(value: str, allowed: tuple[str, ...]) -> str:
    near = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    return f" (did you mean {near[0]}?)" if near else ""


def _token(value: Any) -> str:
    """``Proof Point``, ``proof-point`` -> ``proof_point``."""
    return re.sub(r"[\s-]+", "_", str(value).strip().lower())


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _as_date(value: Any, key: str, report: _Report, *, partial: bool = False) -> date | None:
    """A ``YYYY-MM-DD`` date; with ``partial``, ``YYYY`` and ``YYYY-MM`` mean the end of that period."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else None
    if text is not None:
        m = _DATE.match(text)
        if m:
            real = real_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if real is None:
                report.add(key, f"{key}: {text} is not a real date; write a date that exists, as YYYY-MM-DD")
            return real
        p = _PARTIAL.match(text) if partial else None
        if p:
            year, month = int(p.group(1)), int(p.group(2) or 12)
            if 1 <= month <= 12:
                return date(year, month, calendar.monthrange(year, month)[1])
    also = ", YYYY-MM or YYYY" if partial else ""
    example = _date_suggestion(text or "", partial) or "e.g. 2026-06-30"
    report.add(key, f"{key}: {describe(value)} is not a date; write it as YYYY-MM-DD{also}, {example}")
    return None


_MONTHS = {name.lower(): i for i in range(1, 13)
           for name in (calendar.month_name[i], calendar.month_abbr[i])}
_SLASHED = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")


def _date_suggestion(text: str, partial: bool) -> str | None:
    """What to write for a date in another common form: ``June 2026`` -> ``2026-06``; ``01/05/2026``
    -> ``2026-05-01 (or 2026-01-05 if the month comes first)``; ``2025/06/01`` -> ``2025-06-01``.
    ``None`` when the text is no such form; a slashed date whose order is unclear gives both."""
    text = text.strip()
    m = _MONTH_YEAR.match(text)
    if m and m.group(1).lower() in _MONTHS:
        month = f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
        return f"for this one {month}" if partial else f"for this one {month}-DD, with the day"
    m = _SLASHED.match(text)
    if not m:
        return None
    a, b, c = (int(g) for g in m.groups())
    if len(m.group(1)) == 4:
        readings = [(a, b, c)]
    elif len(m.group(3)) == 4:
        readings = [(c, b, a), (c, a, b)]  # day first, then month first
    else:
        return None
    valid = list(dict.fromkeys(f"{y:04d}-{mo:02d}-{d:02d}" for y, mo, d in readings if real_date(y, mo, d) is not None))
    if not valid:
        return None
    return f"for this one {valid[0]}" + (f" (or {valid[1]} if the month comes first)" if len(valid) > 1 else "")


def _as_of(value: Any, key: str, report: _Report) -> str | None:
    """A metric's ``as_of`` as written, when it is a date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
    (the same forms as a source's ``date``). Anything else (``01/05/2026``, ``June 2026``) is
    reported at its line, as a bad ``reviewed:`` is, and dropped: the figure is kept without a date
    rather than carry one that exports would publish as its ``observationDate``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if _as_date(value, key, report, partial=True) is None:
        return None
    return str(value).strip()


def _as_text(value: Any, key: str, report: _Report, what: str) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None:
        if value is not None:
            report.add(key, f"{key}: {describe(value)} is not {what}; put it in quotes")
        return None
    if isinstance(value, int | float | date):
        return str(value)
    report.add(key, f"{key} must be {what}, not a {type(value).__name__}")
    return None


# List keys whose items are names or ids, never holding a comma: one line of text with commas is
# the list written as a sentence, and is split at them (``topics: billing, insurance``). Questions
# (``answers``) and ``examples`` may hold commas, so a line of them stays one item.
COMMA_KEYS = frozenset({"topics", "audience", "supersedes", "canon.ignore"})


def _one_line_warning(report: _Report, key: str, value: str, reading: str, fix: str) -> None:
    """Warn that ``key`` is one line of text where the schema wants a list: how it is read, and the
    fix, in which ``{line}`` is the value as written (spaces collapsed, shortened)."""
    line = " ".join(value.split())
    line = line if len(line) <= 60 else line[:59].rstrip() + "…"
    fix = fix.replace("{line}", line)
    report.add(key, f"{key}: written as one line of text, {reading}; {fix}", severity="warning")


def _as_list(value: Any, key: str, report: _Report) -> list[str]:
    """A list of strings; a single string is taken as a list of one, or, for :data:`COMMA_KEYS`,
    split at its commas with a warning that shows the list form."""
    if value is None:
        return []
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",") if v.strip()] if key in COMMA_KEYS else []
        if len(items) > 1:
            _one_line_warning(report, key, value, f"it is read as {len(items)} items split at its commas",
                              f"write it as a list: {key}: [{', '.join(items)}]")
            return items
        return [value.strip()] if value.strip() else []
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if not isinstance(value, list):
        report.add(key, f"{key} must be a list of strings, e.g. {key}: [first, second]")
        return []
    out: list[str] = []
    for idx, item in enumerate(value):
        if isinstance(item, str):
            if item.strip():
                out.append(item.strip())
        elif isinstance(item, int | float | date) and not isinstance(item, bool):
            out.append(str(item))
        else:
            report.add(f"{key}[{idx}]", f"{key}[{idx}] is a {type(item).__name__}, not a string; "
                       "write each item as plain text")
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        f = float(value)
        return f if math.isfinite(f) else None
    if isinstance(value, str):
        try:
            f = float(value.strip().replace("_", ""))
        except ValueError:
            return None
        return f if math.isfinite(f) else None
    return None


def _metric_value(value: Any, key: str, report: _Report) -> float | tuple[float, float] | None:
    if isinstance(value, list):
        if len(value) == 2:
            low, high = _number(value[0]), _number(value[1])
            if low is not None and high is not None:
                if low > high:
                    report.add(key, f"{key}: range {describe(value)} has its low end above its high end; "
                               f"write [{value[1]}, {value[0]}]")
                    return None
                return (low, high)
        report.add(key, f"{key}: {describe(value)} is not a range; write a range as [low, high] with two numbers")
        return None
    number = _number(value)
    if number is not None:
        return number
    hint = "write a number, or [low, high] for a range"
    if isinstance(value, str):
        m = re.match(r"^\s*([-+]?\d[\d,.]*)\s*(%|percent|x|[a-zA-Z$€£].*)\s*$", value)
        if m:
            unit = {"%": "percent"}.get(m.group(2), m.group(2))
            hint = f"write value: {m.group(1).replace(',', '')} and unit: {unit}"
        elif re.match(r"^\s*\d[\d.]*\s*[-–]\s*\d[\d.]*\s*$", value):
            ends = re.split(r"\s*[-–]\s*", value.strip())
            hint = f"write a range as [{ends[0]}, {ends[1]}]"
    report.add(key, f"{key}: {describe(value)} is not a number; {hint}")
    return None


# The units ``knowledge.units`` reads, for a metric whose unit is missing or not text. Free text is
# not an error there: any unit it does not know is a count of that noun, and "per"/"a"/"/" makes
# it a rate, so the message says so rather than asking for a unit from a closed list.
UNITS_HELP = (
    "write unit: percent (or %), x (a multiplier), a currency code such as USD, EUR or GBP, a duration "
    "(minutes, hours, days, weeks, months, years) or number (a plain number); any other text is read as a "
    "count of that noun, so a count is e.g. value: 120 and unit: customers, and unit: slots per hour is "
    "read as the rate slots/hour (a count of slots per hour)"
)


def _metrics(value: Any, entry_id: str, report: _Report) -> list[Metric]:
    if value is None:
        return []
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list):
        report.add("metrics", "metrics must be a list of figures, each with id, value and unit")
        return []
    out: list[Metric] = []
    seen: dict[str, int] = {}
    for idx, item in enumerate(items):
        at = f"metrics[{idx}]" if isinstance(value, list) else "metrics"
        if not isinstance(item, dict):
            report.add(at, f"{at} is a {type(item).__name__}; write each metric as a mapping with id, value and unit")
            continue
        missing = [k for k in ("id", "value", "unit") if item.get(k) in (None, "")]
        if missing:
            units = f"; {UNITS_HELP}" if "unit" in missing else ""
            report.add(at, f"{at} has no {' or '.join(missing)}; every metric needs id, value and unit "
                       f"(it is left out until fixed){units}")
            continue
        mid = _as_text(item["id"], f"{at}.id", report, "a metric id")
        unit = item["unit"]
        if not isinstance(unit, str) or not unit.strip():
            report.add(f"{at}.unit", f"{at}.unit: {describe(unit)} is not a unit; {UNITS_HELP}")
            continue
        figure = _metric_value(item["value"], f"{at}.value", report)
        if mid is None or figure is None:
            continue
        if mid in seen:
            report.add(f"{at}.id", f"metric id {mid!r} is already used on line {seen[mid]}; metric ids must be "
                       "unique in the KB")
            continue
        seen[mid] = report.line(f"{at}.id")
        name = _as_text(item.get("name"), f"{at}.name", report, "text") or mid.replace("-", " ").replace("_", " ")
        out.append(Metric(
            id=mid, name=name, value=figure, unit=unit.strip(), entry_id=entry_id,
            qualifier=_as_text(item.get("qualifier"), f"{at}.qualifier", report, "text"),
            as_of=_as_of(item.get("as_of"), f"{at}.as_of", report),
            source=_as_text(item.get("source"), f"{at}.source", report, "the title of a source"),
            line=report.line(f"{at}.value"),
        ))
    return out


def _sources(value: Any, report: _Report) -> list[Source]:
    """``sources`` as SPEC reads it: a list of ``{title, url, date}`` or of plain titles.

    A plain title is a source with no date and no URL, so ``max_source_age`` never applies to it;
    that reading is kept, silently in a list (KBs name internal data that way: "Lumen billing
    records, October 2026"). ``sources:`` written as one line of text is no list at all, the
    schema misread: it is read as one title too, and reported as a warning that shows the form
    with a date.
    """
    if value is None:
        return []
    if isinstance(value, str) and value.strip():
        _one_line_warning(report, "sources", value, "it is read as a source with no date or URL, so max_source_age "
                          "can never find it old", "write sources as a list, each with its date: 'sources:', then "
                          "'  - title: {line}' and '    date: YYYY-MM-DD' (url: optional)")
    items = [value] if isinstance(value, str | dict) else value
    if not isinstance(items, list):
        report.add("sources", "sources must be a list of titles or of {title, url, date}")
        return []
    out: list[Source] = []
    for idx, item in enumerate(items):
        at = f"sources[{idx}]" if isinstance(value, list) else "sources"
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            name = str(item).strip()
            if name:
                out.append(Source(title=name, line=report.line(at)))
            continue
        if not isinstance(item, dict):
            report.add(at, f"{at} is a {type(item).__name__}; write a source as a title or as {{title, url, date}}")
            continue
        title = _as_text(item.get("title"), f"{at}.title", report, "a title")
        url = _as_text(item.get("url"), f"{at}.url", report, "a URL")
        if title is None:
            report.add(at, f"{at} has no title; add title: (the name of the study, page or report)")
            if url is None:
                continue
            title = url
        when = None
        date_line = None
        if item.get("date") is not None:
            when = _as_date(item["date"], f"{at}.date", report, partial=True)
            date_line = report.line(f"{at}.date") if when is not None else None
        out.append(Source(title=title, url=url, date=when, line=date_line or report.line(at), date_line=date_line))
    return out


def _owner(value: Any, report: _Report) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return _as_text(value, "owner", report, "a name or e-mail address")


def _entry_from(data: dict[Any, Any], entry: Entry, report: _Report) -> None:
    """Fill ``entry`` from front matter, reporting and dropping what breaks the schema."""
    get = data.get
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if str(key) not in KNOWN_KEYS:
            extra[str(key)] = value

    if get("id") is not None:
        ident = _as_text(get("id"), "id", report, "an id")
        if ident:
            entry.id = ident.strip("/")
        else:
            report.add("id", f"id is empty; remove it to use the default ({entry.id}) or write one")
    report.entry_id = entry.id
    for f in report.findings:
        f.entry = entry.id

    if get("type") is not None:
        t = _token(get("type"))
        if t in ENTRY_TYPES:
            entry.type = t
        else:
            report.add("type", f"type {describe(get('type'))} is not one of {', '.join(ENTRY_TYPES)}"
                       f"{_closest(t, ENTRY_TYPES)}; the entry is read as an article until this is fixed")
    if get("status") is not None:
        s = _token(get("status"))
        if s in STATUSES:
            entry.status = s
        else:
            # An unreadable status must not make an entry canonical: it might have meant "retired".
            entry.status = "draft"
            report.add("status", f"status {describe(get('status'))} is not one of {', '.join(STATUSES)}"
                       f"{_closest(s, STATUSES)}; the entry is treated as a draft (not canonical) until "
                       "this is fixed")
    if get("title") is not None:
        entry.title = _as_text(get("title"), "title", report, "text") or ""
    if get("owner") is not None:
        entry.owner = _owner(get("owner"), report)
    for key in ("reviewed", "expires"):
        if get(key) is not None:
            setattr(entry, key, _as_date(get(key), key, report))
    if get("review_every") is not None:
        raw = get("review_every")
        try:
            if isinstance(raw, bool) or not isinstance(raw, str | int):
                raise ValueError
            parse_duration(raw)
            entry.review_every = str(raw).strip()
        except ValueError:
            report.add("review_every", f"review_every: {describe(raw)} is not a duration; use a number and d, w, "
                       "m or y, e.g. 90d, 12w, 6m, 1y")
    entry.sources = _sources(get("sources"), report)
    entry.metrics = _metrics(get("metrics"), entry.id, report)
    for key in LIST_KEYS:
        setattr(entry, key, _as_list(get(key), key, report))

    ignore: list[str] = []
    if "canon.ignore" in data:
        ignore += _as_list(data["canon.ignore"], "canon.ignore", report)
    canon = get("canon")
    if isinstance(canon, dict):
        ignore += _as_list(canon.get("ignore"), "canon.ignore", report)
        rest = {str(k): v for k, v in canon.items() if k != "ignore"}
        if rest:
            extra["canon"] = rest
    elif canon is not None:
        extra["canon"] = canon
    entry.ignore = list(dict.fromkeys(ignore))
    entry.extra = extra


# --------------------------------------------------------------------------------------------
# Entries


def _default_id(rel: str) -> str:
    return rel[:-3] if rel.lower().endswith(".md") else rel


def parse_entry(root: Path, path: Path, raw: bytes, settings: Settings | None = None
                ) -> tuple[Entry | None, list[Finding]]:
    """One file -> its entry (``None`` when it cannot be read) and the invalid-entry findings.

    ``raw`` may be a refusal from :func:`read_entry_file` (a link out of the KB, a file over the
    size limit): reported, no entry. ``settings`` is accepted for callers that have it; KB-wide
    defaults such as ``review_every`` are left as ``None`` on the entry and applied by the rules.
    """
    rel = _rel(path, root)
    entry = Entry(id=_default_id(rel), path=rel, content_hash=content_hash(raw))
    report = _Report(rel, {})
    report.entry_id = entry.id

    refused = refusal(raw)
    if refused is not None:
        if refused.startswith(FOLDER_LINK):  # nothing was read from it: worth knowing, not an error
            report.findings.append(Finding(rule=RULE, severity="warning", path=rel, line=1, message=refused,
                                           entry=entry.id))
        else:
            report.add(1, refused)
        return None, report.findings
    if len(raw) > MAX_ENTRY_BYTES:  # bytes handed over directly (load_kb(files=...), the API)
        report.add(1, f"is {len(raw):,} bytes, over canon's limit of {MAX_ENTRY_BYTES:,} for one file; split it "
                   "into smaller files")
        return None, report.findings
    decoded = decode(raw)
    if decoded.binary:
        report.add(1, "binary file named .md: an entry must be UTF-8 text; rename or remove the file")
        return None, report.findings
    if not decoded.text.strip():
        report.findings.append(Finding(rule=RULE, severity="warning", path=rel, line=1, entry=entry.id,
                                       message="the file is empty: write the entry, or remove the file"))
        return None, report.findings
    if decoded.bad_line is not None:
        report.add(decoded.bad_line, f"not valid UTF-8 (byte {decoded.bad_byte}, line {decoded.bad_line}); "
                   f"{NOT_UTF8_READ_AS}; save the file as UTF-8",
                   column=decoded.bad_column or 1)

    split = split_front_matter(decoded.text)
    if split.unclosed:
        report.add(1, "front matter opened with '---' on line 1 is never closed; add a '---' line after "
                   "the last key (or remove the first line if it is not front matter); until then the file "
                   "is read as an untyped draft")
        entry.status = "draft"
        split.body, split.body_line = decoded.text, 1

    ignores: dict[int, set[str]] = {}
    if split.front is not None:
        long_line = next((i for i, row in enumerate(split.front.split("\n")) if len(row) > MAX_LINE_CHARS), None) \
            if len(split.front) > MAX_LINE_CHARS else None
        loaded = _load_yaml(split.front, split.front_line) if long_line is None else _Yaml(error=(
            split.front_line + long_line, 1, f"front matter line {split.front_line + long_line} is over canon's "
            f"limit of {MAX_LINE_CHARS:,} characters; shorten the value or move it into the body"))
        if loaded.error is not None:
            line, column, message = loaded.error
            report.add(line, f"{message}; until then the entry is read as an untyped draft: searchable, "
                       "never canonical", column=column)
            # The body is still worth finding; the front matter might have said "retired", so the
            # entry must not back any figure until it can be read.
            entry.status = "draft"
        else:
            report.key_lines = entry.key_lines = loaded.key_lines
            data = loaded.data
            if data is not None and not isinstance(data, dict):
                report.add(split.front_line, f"front matter is a {type(data).__name__}, not a mapping; write it "
                           "as 'key: value' lines (type, title, owner ...)")
            elif data:
                _entry_from(data, entry, report)
                for key, first, again in loaded.duplicates:
                    report.add(again, f"key {key!r} is given twice (lines {first} and {again}); the second one "
                               "is used; remove one of them")
            for line, column, message in loaded.misread:
                report.add(line, message, column=column, severity="warning")
            if "canon-ignore" in split.front:
                line_ignores(split.front.split("\n"), split.front_line, yaml=True, into=ignores)

    body_text, too_long = bound_lines(split.body, split.body_line)
    for line, message in too_long:
        report.findings.append(Finding(rule=RULE, severity="warning", path=rel, line=line, message=message,
                                       entry=entry.id))
    entry.body = body_text
    entry.body_line = split.body_line
    body = parse_markdown(body_text, split.body_line)
    entry.blocks = body.blocks
    entry.claims = front_matter_claims(split.front, split.front_line) + body.claims
    if body.figures_cut_at is not None:
        report.findings.append(Finding(rule=RULE, severity="warning", path=rel, line=body.figures_cut_at,
                                       message=figures_message(body.figures_cut_at), entry=entry.id))
    if not entry.title:
        entry.title = body.title or Path(rel).stem
    if "canon-ignore" in body_text:
        line_ignores(body_text.split("\n"), split.body_line, into=ignores)
    entry.line_ignores = ignores
    report.findings.sort(key=lambda f: (f.line, f.column))
    return entry, report.findings


def load_kb(settings: Settings, *, files: dict[str, bytes] | None = None) -> KB:
    """Parse every entry of the KB, then check what spans entries (ids, metric ids).

    ``files`` (path relative to the root -> bytes) replaces reading the disk: exactly those files
    are parsed.
    """
    root = settings.root
    if files is None:
        raws: dict[str, bytes | OSError] = {}
        for p in iter_entry_files(settings):
            raws[_rel(p, root)] = read_entry_file(p, settings)
    else:
        raws = dict(files)
    entries: list[Entry] = []
    problems: list[Finding] = []
    for rel in sorted(raws):
        raw = raws[rel]
        if isinstance(raw, OSError):
            problems.append(Finding(rule=RULE, severity="error", path=rel, line=1,
                                    message=f"cannot be read: {raw.strerror or raw}; check its permissions",
                                    entry=_default_id(rel)))
            continue
        entry, findings = parse_entry(root, root / rel, raw, settings)
        problems.extend(findings)
        if entry is not None:
            entries.append(entry)
    entries, more = resolve_duplicates(entries)
    problems.extend(more)
    return KB(root=root, entries=entries, problems=problems)
