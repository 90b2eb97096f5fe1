"""The files reviewers' verdicts live in: YAML in the KB's ``verdicts/`` folder, one row a verdict,
written whole through a temporary file and read strictly.

Shared by the verdicts on objections (``verdicts/objections.yaml``) and on findings
(``verdicts/findings.yaml``): both are read, changed and written back, both are reviewed and
committed like any entry, and neither may lose a reviewer's work to a crash, to two writers at
once, or to a row canon cannot read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def read_rows(path: Path, known: Iterable[str]) -> list[dict[str, Any]]:
    """The rows under ``verdicts:`` of ``path`` (none when the file is missing).

    A file or a row canon cannot read stops the command rather than being skipped: the next
    verdict saved would rewrite the file without it, and a reviewer's work would be lost.
    """
    import yaml

    from knowledge.errors import ConfigError

    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} cannot be read: {exc}", hint="fix its permissions or encoding (UTF-8)") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}", hint="fix or remove the file") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} is not a mapping with a verdicts: list", hint="fix or remove the file")
    rows = data.get("verdicts") or []
    if not isinstance(rows, list):
        raise ConfigError(f"{path}: verdicts is not a list", hint="fix or remove the file")
    fields = set(known)
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ConfigError(f"{path}: verdict {i} is not a mapping of fields", hint="fix or remove that row")
        unknown = sorted(set(map(str, row)) - fields)
        if unknown:
            raise ConfigError(f"{path}: verdict {i} has fields canon does not know: {', '.join(unknown)}",
                              hint=f"the fields are {', '.join(sorted(fields))}; fix the row")
    return rows


def write_rows(path: Path, rows: list[dict[str, Any]], header: str) -> Path:
    """Write the file whole, through a temporary file renamed over it: a crash leaves the old file."""
    import os
    import tempfile

    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({"version": 1, "verdicts": _without_replacement_characters(rows)}, sort_keys=False,
                          allow_unicode=True, width=110)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".yaml.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(f"# {header}\n" + body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _without_replacement_characters(value: Any) -> Any:
    """``value`` with every U+FFFD (a byte some reader could not decode) written as '?': a
    reviewed file is read by people, and the mark says nothing to them. Verdicts match their
    sentences on letters and digits only, so the '?' changes no match."""
    if isinstance(value, str):
        return value.replace("\ufffd", "?")
    if isinstance(value, list):
        return [_without_replacement_characters(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_replacement_characters(v) for k, v in value.items()}
    return value


_threads = threading.Lock()


@contextmanager
def one_writer(path: Path) -> Iterator[None]:
    """Verdicts are read, changed and written back: one writer at a time, across threads (the API
    serves requests on several) and processes (the CLI at the same moment)."""
    import fcntl

    lock_path = path.parent / f".{path.stem}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with _threads, open(lock_path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
