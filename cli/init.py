"""canon init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .common import console, errors

TEMPLATE = '''# canon settings for this knowledge base: every *.md file below this folder is an entry.
# Each key can also come from the environment as CANON_<SECTION>_<KEY> (e.g. CANON_KB_NAME),
# and the command line wins over both.

[kb]
name = "{name}"              # the company, used in exports
review_every = "90d"        # how often an entry's owner re-verifies it, unless it sets review_every
max_source_age = "24m"      # a source older than this makes the claims it backs stale

[calls]
path = "calls"              # sales-call transcripts, relative to this folder or absolute
# internal_speakers = ["Jordan Lee"]          # who speaks for your company in calls
# internal_domains = ["example.com"]          # or: e-mail domains of your company's speakers

[index]
path = ".canon"             # where canon keeps its index, relative to this folder
# chroma_url = "http://127.0.0.1:8000"       # a Chroma server instead of the embedded store
# lock_wait = 600                             # seconds a writer waits for another writer of the index
'''


def init(
    path: Annotated[Path, typer.Argument(help="The KB folder (created if missing). Default: the current folder.",
                                         show_default=False)] = Path("."),
    name: Annotated[str | None, typer.Option("--name", help="The company's name. Default: the folder's name.",
                                             show_default=False)] = None,
) -> None:
    """Make a folder a KB: write a commented canon.toml there.

    A .gitignore that leaves out the index (.canon/) is written beside it, unless one exists. Nothing is overwritten: where a canon.toml exists, it is left as it is. Commands run anywhere below the folder then find the KB by themselves. Files already there that canon will not read (.docx, .pdf, .html, images) are counted by extension in one line.

    Examples:

      canon init

      canon init handbook --name "Northwind"
    """
    with errors():
        from knowledge.errors import UsageError
        from knowledge.settings import CONFIG_NAME

        root = path.expanduser()
        if root.exists() and not root.is_dir():
            raise UsageError(f"{root} is not a folder", hint="give the folder that holds (or will hold) the entries")
        cfg = root / CONFIG_NAME
        out = console()
        if cfg.exists():
            out.print(f"{cfg} exists already; left as it is.")
            return
        root.mkdir(parents=True, exist_ok=True)
        title = (name or root.resolve().name or "My company").replace("\\", "\\\\").replace('"', '\\"')
        with open(cfg, "x", encoding="utf-8") as f:  # "x": never replace a file written meanwhile
            f.write(TEMPLATE.format(name=title))
        ignore = _write_gitignore(root)
        md = sum(1 for _ in root.rglob("*.md"))
        out.print(f"Wrote {cfg}{ignore}. Next: add entries as Markdown files ({md} found now), then `canon ingest`.")
        _say_unread(root, out)


def _say_unread(root: Path, out: Any) -> None:
    """Name the files already in the folder that canon will not read (an export's .docx, .pdf,
    .html pages), one line for all of them, so that none is skipped without a word."""
    from ingest.kb import unread_files
    from knowledge.render import unread_line
    from knowledge.settings import load_settings

    line = unread_line(unread_files(load_settings(root)))
    if line:
        out.print(line, markup=False, highlight=False)


GITIGNORE = "# canon's index, rebuilt by `canon ingest`: not for version control\n.canon/\n"


def _write_gitignore(root: Path) -> str:
    """Write a .gitignore that leaves out the index, where the folder has none, and say what was
    done (an existing one is never changed: a note says when it does not leave out .canon, or when
    it is no file that canon could read)."""
    path = root / ".gitignore"
    try:
        with open(path, "x", encoding="utf-8") as f:
            f.write(GITIGNORE)
    except FileExistsError:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:  # a folder, or unreadable
            return f" ({path} is not a file canon can read: make sure git leaves out .canon/)"
        if any(ignores_index(line) for line in text.splitlines()):
            return ""
        return f" ({path} exists and does not list .canon/: add it, to keep the index out of git)"
    return f" and {path}"


def ignores_index(line: str) -> bool:
    """Whether one .gitignore line leaves out the index folder at the KB's root: ``.canon``,
    ``/.canon/``, ``.canon/*``, ``**/.canon/``, ``.canon/**`` and the like."""
    pattern = line.strip()
    while pattern.startswith("**/"):
        pattern = pattern[3:]
    for tail in ("/**", "/*"):
        pattern = pattern.removesuffix(tail)
    return pattern.strip("/") == ".canon"
