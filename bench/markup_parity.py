"""Dump what ingest reads from Markdown pages (title, blocks, claims and the rest of each entry) as
JSON, so that a change to the masker can be shown to leave it alone: run it before and after the
change with the same ``PYTHONHASHSEED`` and compare the two files.

    PYTHONHASHSEED=0 python -m bench.markup_parity /tmp/before.json
    ... change ...
    PYTHONHASHSEED=0 python -m bench.markup_parity /tmp/after.json
    python -m bench.markup_parity --compare /tmp/before.json /tmp/after.json

Pages read: every ``*.md`` under ``examples/`` and ``tests/data``, the ``files:`` of every YAML
case under ``tests/data`` (rule cases among them), and the labelled corpora in
``../shared/corpora``, but for the final exam and the round's held-out sets
(``bench.accuracy.HELD_OUT``), which are kept unread for the final scoring.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from bench.accuracy import HELD_OUT
from ingest.kb import parse_entry

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("CANON_CORPORA", REPO.parent / "shared" / "corpora"))


def _held_out(path: Path) -> bool:
    """Whether ``path`` lies in one of the corpora kept unread (``tests/data/corpora/<name>``)."""
    return any(part in HELD_OUT for part in path.relative_to(REPO).parts[:4]) if path.is_relative_to(REPO) else False


def _pages() -> dict[str, bytes]:
    pages: dict[str, bytes] = {}
    roots = [REPO / "examples", REPO / "tests" / "data"]
    if CORPORA.is_dir():
        roots += [p for p in sorted(CORPORA.iterdir()) if p.is_dir() and p.name not in HELD_OUT]
    for root in roots:
        for path in sorted(root.rglob("*.md")):
            if _held_out(path):
                continue
            pages[f"{root.name}/{path.relative_to(root)}"] = path.read_bytes()
    for path in sorted(p for ext in ("*.yaml", "*.yml") for p in (REPO / "tests" / "data").rglob(ext)):
        if _held_out(path):
            continue
        try:
            docs = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        except yaml.YAMLError:
            continue
        for n, doc in enumerate(docs):
            files = doc.get("files") if isinstance(doc, dict) else None
            if not isinstance(files, dict):
                continue
            for name, text in files.items():
                if isinstance(name, str) and name.endswith(".md") and isinstance(text, str):
                    pages[f"{path.relative_to(REPO)}#{n}:{name}"] = text.encode("utf-8")
    return pages


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return repr(value)


def dump(out: Path) -> None:
    result: dict[str, Any] = {}
    pages = _pages()
    for key, raw in pages.items():
        name = key.split(":", 1)[1] if "#" in key else Path(key).name
        entry, findings = parse_entry(Path("/kb"), Path("/kb") / name, raw)
        result[key] = {"entry": _plain(entry), "findings": _plain(findings)}
    out.write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    claims = sum(len(v["entry"]["claims"]) for v in result.values() if v["entry"])
    print(f"{len(result)} pages, {claims} claims -> {out}")


def compare(a: Path, b: Path) -> int:
    before, after = json.loads(a.read_text()), json.loads(b.read_text())
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for key in differ[:20]:
        print("differs:", key)
    print(f"{len(before)} pages before, {len(after)} after, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    dump(Path(sys.argv[1]))
