"""How much canon reads of one input, and which files it reads at all.

Every input is bounded so that one file cannot take the machine: its size, its longest line, its
largest block, the figures read from it and, in front matter, the YAML nodes once aliases are
counted. Real text sits far below each limit (the largest page of the corpora canon is tested on
is 0.13 MB, its longest line 882 characters, its largest paragraph 3,600 characters, its most
figures 284). What goes over a limit is reported as a finding (``invalid-entry``, ``invalid-call``,
``invalid-draft``) that says where and what to do; the rest of the file is still read where that is
safe.

Files stay inside: a file is read only when its real location (links followed) lies inside the
folder being read (the KB, or the calls folder), outside hidden folders and the index. A link that
leaves it is reported and never read, so ``kb/x.md -> /etc/passwd`` is neither indexed, served
nor exported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a KB entry or a draft
MAX_CALL_BYTES = 8 * 1024 * 1024  # a call transcript (JSON exports carry metadata around the words)
MAX_LINE_CHARS = 20_000  # one line of an entry, a draft, or a VTT/SRT/plain-text call
MAX_BLOCK_CHARS = 100_000  # one paragraph, list, table or code block; one turn of a call
MAX_FIGURES = 5_000  # numbers read for claims in one file; the rest of the file is not checked
MAX_YAML_NODES = 10_000  # front matter values, counting each use of an alias in full
MAX_YAML_DEPTH = 32  # front matter nesting

MAX_FINDINGS_PER_FILE = 10  # partial problems reported one by one; the rest are counted in one more

# A refused file travels through the index as these bytes and its reason, so that the finding is
# kept with the file like any other parse result (its hash changes when the reason does).
REFUSED = b"\x00canon-refused\x00"


class Refused(Exception):
    """A file canon will not read; the message says why and what to do."""


def refusal(raw: bytes) -> str | None:
    """The reason a file was refused, when ``raw`` is a refusal rather than the file's bytes."""
    if raw.startswith(REFUSED):
        # A file may start with these bytes itself: it is binary then, and says so, briefly.
        reason = " ".join(raw[len(REFUSED):len(REFUSED) + 400].decode("utf-8", errors="replace").split())
        return reason if reason.isprintable() and reason else "is a binary file; canon reads text files only"
    return None


def capped(problems: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """At most ``MAX_FINDINGS_PER_FILE`` problems of one file, then one that counts the rest: a file
    with a problem on every line must not flood the report."""
    problems = sorted(problems)
    if len(problems) <= MAX_FINDINGS_PER_FILE:
        return problems
    rest = problems[MAX_FINDINGS_PER_FILE:]
    return [*problems[:MAX_FINDINGS_PER_FILE],
            (rest[0][0], f"{len(rest):,} more problems like those above from line {rest[0][0]} on (the first "
                         f"{MAX_FINDINGS_PER_FILE} are reported one by one); each was left out")]


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def read_inside(path: Path, folder: Path, *, limit: int, what: str = "the KB",
                exclude: Iterable[Path] = ()) -> bytes:
    """The bytes of ``path``, which must really lie inside ``folder``, be a regular file and hold at
    most ``limit`` bytes; else :class:`Refused`. Links are resolved first, so a link that stays
    inside is read like the file it points at."""
    real = path.resolve()
    base = folder.resolve()
    try:
        rel = real.relative_to(base)
    except ValueError:
        raise Refused(f"is a link that leads outside {what}; canon reads only files inside {what}: copy the "
                      "file in, or remove the link") from None
    if path.is_symlink() or real != path.absolute():
        hidden = any(part.startswith(".") for part in rel.parts)
        if hidden or any(real == e or e in real.parents for e in (x.resolve() for x in exclude)):
            raise Refused(f"is a link into a hidden folder or the index of {what}, which canon does not read; "
                          "remove the link")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}; check that it exists and its permissions") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("is not a regular file (a device, pipe or socket); remove it from " + what)
        if info.st_size > limit:
            raise Refused(f"is {_mib(info.st_size)}, over canon's limit of {_mib(limit)} for one file; split it "
                          "into smaller files")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}; check its permissions") from None
    finally:
        os.close(fd)
    if size > limit:  # grew while it was read
        raise Refused(f"is over canon's limit of {_mib(limit)} for one file; split it into smaller files")
    return b"".join(chunks)


def read_or_refusal(path: Path, folder: Path, *, limit: int, what: str = "the KB",
                    exclude: Iterable[Path] = ()) -> bytes:
    """:func:`read_inside`, with a refusal returned as :data:`REFUSED` bytes instead of raised."""
    try:
        return read_inside(path, folder, limit=limit, what=what, exclude=exclude)
    except Refused as exc:
        return REFUSED + str(exc).encode("utf-8")
