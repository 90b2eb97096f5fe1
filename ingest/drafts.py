"""Drafts: Markdown or plain text a writer wants checked before publishing (SPEC section 3).

Front matter is skipped (its lines still count), so findings point at the draft's own lines and
columns. Files ending in ``.txt``/``.text`` are plain text; everything else is read as Markdown,
which plain prose survives unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import UsageError
from knowledge.model import Block, Claim, Finding

from ._markdown import decode, line_ignores, parse_markdown, parse_plain_text, split_front_matter

PLAIN_SUFFIXES = (".txt", ".text")


@dataclass
class Draft:
    path: str  # as given on the command line (or by the API caller)
    text: str  # the whole file, newlines normalised
    claims: list[Claim]
    line_ignores: dict[int, set[str]]  # line -> rule ids ("*" = all)
    blocks: list[Block]
    body_line: int = 1  # first line after the front matter
    ignore: list[str] = field(default_factory=list)  # ``canon.ignore`` from the draft's front matter
    findings: list[Finding] = field(default_factory=list)  # text that could not be read cleanly


def _front_matter(front: str) -> dict[str, Any] | None:
    """A leading ``---`` in a draft may be a rule, not front matter: only a YAML mapping counts."""
    import yaml

    try:
        data = yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:
        return None
    if data is None:
        return {}
    return data if isinstance(data, dict) else None


def _ignore(data: dict[str, Any]) -> list[str]:
    raw = data.get("canon.ignore")
    if raw is None and isinstance(data.get("canon"), dict):
        raw = data["canon"].get("ignore")
    if isinstance(raw, str):
        raw = [raw]
    return [str(r).strip() for r in raw if isinstance(r, str) and r.strip()] if isinstance(raw, list) else []


def parse_draft_text(text: str, path: str) -> Draft:
    """A draft from text already in memory (the API, stdin); ``path`` is only shown."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    body, body_line = text, 1
    ignore: list[str] = []
    split = split_front_matter(text)
    data = _front_matter(split.front) if split.front is not None else None
    if data is not None:
        body, body_line = split.body, split.body_line
        ignore = _ignore(data)
    plain = path.lower().endswith(PLAIN_SUFFIXES)
    parsed = parse_plain_text(body, body_line) if plain else parse_markdown(body, body_line)
    ignores = line_ignores(body.split("\n"), body_line) if "canon-ignore" in body else {}
    return Draft(path=path, text=text, claims=parsed.claims, line_ignores=ignores, blocks=parsed.blocks,
                 body_line=body_line, ignore=ignore)


def load_draft(path: Path, display_path: str | None = None) -> Draft:
    """Read a draft file. A file that cannot be read, or is not text, is a usage error (exit 2)."""
    shown = display_path if display_path is not None else str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"draft {shown} does not exist", hint="check the path (relative to the current folder)") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{shown} is a folder, not a draft", hint="pass the Markdown or text files inside it") from exc
    except OSError as exc:
        raise UsageError(f"cannot read draft {shown}: {exc.strerror or exc}", hint="check its permissions") from exc
    decoded = decode(raw)
    if decoded.binary:
        raise UsageError(f"{shown} is a binary file, not a draft", hint="pass Markdown or plain-text files")
    draft = parse_draft_text(decoded.text, shown)
    if decoded.bad_line is not None:
        draft.findings.append(Finding(
            rule="invalid-encoding", severity="warning", path=shown, line=decoded.bad_line,
            column=decoded.bad_column or 1,
            message=f"not valid UTF-8 (byte {decoded.bad_byte}); the bad bytes were read as U+FFFD and the "
                    "rest was checked; save the file as UTF-8",
        ))
    return draft
