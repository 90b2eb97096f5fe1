"""Drafts: Markdown or plain text a writer wants checked before publishing (SPEC section 3).

Front matter is skipped (its lines still count), so findings point at the draft's own lines and
columns. Files ending in ``.txt``/``.text`` are plain text; everything else is read as Markdown,
which plain prose survives unchanged.

The limits of ``ingest.limits`` hold here too: a draft over ``MAX_ENTRY_BYTES`` cannot be checked
(exit 2, or a 413 from the API); front matter whose aliases would expand too far is read as body;
an over-long line or block, and claims past ``MAX_FIGURES`` numbers, are left out with an
``invalid-draft`` warning that says where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import UsageError
from knowledge.model import Block, Claim, Finding

from ._markdown import (
    NOT_UTF8_READ_AS,
    bound_lines,
    decode,
    figures_message,
    front_matter_claims,
    line_ignores,
    parse_markdown,
    parse_plain_text,
    split_front_matter,
)
from .limits import MAX_ENTRY_BYTES, Refused, read_inside

PLAIN_SUFFIXES = (".txt", ".text")
RULE = "invalid-draft"


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
    from .kb import _load_yaml

    loaded = _load_yaml(front, 2)  # the same bounded loader as KB entries: aliases are counted
    if loaded.error is not None:
        return None
    if loaded.data is None:
        return {}
    return loaded.data if isinstance(loaded.data, dict) else None


def _ignore(data: dict[str, Any]) -> list[str]:
    raw = data.get("canon.ignore")
    if raw is None and isinstance(data.get("canon"), dict):
        raw = data["canon"].get("ignore")
    if isinstance(raw, str):
        raw = [raw]
    return [str(r).strip() for r in raw if isinstance(r, str) and r.strip()] if isinstance(raw, list) else []


class DraftTooLarge(UsageError):
    code = "draft_too_large"
    http_status = 413


def _too_large(shown: str, size: int) -> DraftTooLarge:
    return DraftTooLarge(f"draft {shown} is {size:,} bytes, over canon's limit of {MAX_ENTRY_BYTES:,} for one file",
                         hint="check it in parts: split it into smaller files")


def parse_draft_text(text: str, path: str) -> Draft:
    """A draft from text already in memory (the API, stdin); ``path`` is only shown."""
    size = len(text) if len(text) > MAX_ENTRY_BYTES else len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_ENTRY_BYTES:
        raise _too_large(path, size)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    body, body_line = text, 1
    ignore: list[str] = []
    split = split_front_matter(text)
    data = _front_matter(split.front) if split.front is not None else None
    if data is not None:
        body, body_line = split.body, split.body_line
        ignore = _ignore(data)
    body, too_long = bound_lines(body, body_line)
    findings = [Finding(rule=RULE, severity="warning", path=path, line=line, message=message)
                for line, message in too_long]
    plain = path.lower().endswith(PLAIN_SUFFIXES)
    parsed = parse_plain_text(body, body_line) if plain else parse_markdown(body, body_line)
    if parsed.figures_cut_at is not None:
        findings.append(Finding(rule=RULE, severity="warning", path=path, line=parsed.figures_cut_at,
                                message=figures_message(parsed.figures_cut_at)))
    ignores = line_ignores(body.split("\n"), body_line) if "canon-ignore" in body else {}
    # a draft's title and description are published too (the page's headline, its search snippet)
    claims = front_matter_claims(split.front, split.front_line) + parsed.claims if data is not None else parsed.claims
    return Draft(path=path, text=text, claims=claims, line_ignores=ignores, blocks=parsed.blocks,
                 body_line=body_line, ignore=ignore, findings=findings)


def load_draft(path: Path, display_path: str | None = None) -> Draft:
    """Read a draft file. A file that cannot be read, or is not text, is a usage error (exit 2)."""
    shown = display_path if display_path is not None else str(path)
    if not path.exists():
        raise UsageError(f"draft {shown} does not exist", hint="check the path (relative to the current folder)")
    if path.is_dir():
        raise UsageError(f"{shown} is a folder, not a draft", hint="pass the Markdown or text files inside it")
    try:
        # A draft is named on the command line, so it may live anywhere: only its size and kind
        # are bounded (a FIFO or /dev/zero must not hang or fill memory).
        raw = read_inside(path, path.resolve().parent, limit=MAX_ENTRY_BYTES, what="its folder")
    except Refused as exc:
        if "over canon's limit" in str(exc):
            raise _too_large(shown, path.stat().st_size) from None
        raise UsageError(f"draft {shown} {exc}", hint="pass a Markdown or plain-text file") from None
    decoded = decode(raw)
    if decoded.binary:
        raise UsageError(f"{shown} is a binary file, not a draft", hint="pass Markdown or plain-text files")
    draft = parse_draft_text(decoded.text, shown)
    if decoded.bad_line is not None:
        draft.findings.append(Finding(
            rule="invalid-encoding", severity="warning", path=shown, line=decoded.bad_line,
            column=decoded.bad_column or 1,
            message=f"not valid UTF-8 (byte {decoded.bad_byte}); {NOT_UTF8_READ_AS}; save the file as UTF-8",
        ))
    return draft
