"""What every command shares: the --kb option, settings, error handling, output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

KBOption = Annotated[
    Path | None,
    typer.Option("--kb", help="The KB folder. Default: the nearest folder upwards holding a canon.toml "
                 "(none is an error: pass --kb, or run `canon init`).", show_default=False),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Evaluate dates as of this day (YYYY-MM-DD), for reproducible runs. Default: today.",
                 show_default=False, metavar="YYYY-MM-DD"),
]
ChromaOption = Annotated[
    str | None,
    typer.Option("--chroma-url", help="Use the Chroma server at this URL instead of the embedded store "
                 "(also [index] chroma_url, CANON_INDEX_CHROMA_URL).", show_default=False),
]


class Format(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="text for people, json for scripts (an error "
                                             "too: {\"version\": 1, \"error\": {...}} on stdout).")]


def load(kb: Path | None, chroma_url: str | None = None) -> Any:
    from knowledge.settings import load_settings

    overrides = {"index": {"chroma_url": chroma_url}} if chroma_url else None
    return load_settings(kb, overrides=overrides)


def parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        from knowledge.errors import UsageError

        raise UsageError(f"--today {value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. --today 2026-11-01") from None


# The width of output that goes to a file, a pipe or a CI log rather than a terminal: wide enough
# that no line is ever cut, since nothing there wraps for a reader and a script reads lines whole.
UNWRAPPED_WIDTH = 10_000


def console(stderr: bool = False) -> Any:
    """The console every command prints through. In a terminal, lines wrap at its width; anywhere
    else (a pipe, a file, CI, pre-commit) they are not wrapped at all (Rich would cut them at 80
    columns, splitting messages and ids), unless ``COLUMNS`` sets a width, which always wins."""
    from rich.console import Console

    out = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not out.is_terminal and not os.environ.get("COLUMNS", "").strip().isdigit():
        out.width = UNWRAPPED_WIDTH
    return out


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def error_json(exc: Any) -> dict[str, Any]:
    """A ``CanonError`` as ``--format json`` prints it: the API's error body with the hint apart
    (same ``code``; the API's ``message`` is this ``message`` plus `` (hint)`` when there is one)
    and the version of the JSON output, so that a script reads an error as it reads a result."""
    return {"version": 1, "error": {"code": exc.code, "message": exc.message, "hint": exc.hint}}


def error_sarif(exc: Any) -> dict[str, Any]:
    """A ``CanonError`` as ``--format sarif`` prints it: a SARIF 2.1.0 log whose one run failed
    (``executionSuccessful`` false, the error as a tool notification), so that a code-scanning
    upload reads a failed run rather than an empty file."""
    from knowledge.report import SARIF_SCHEMA, canon_version

    text = f"{exc.message} ({exc.hint})" if exc.hint else exc.message
    notification = {"level": "error", "message": {"text": text}, "descriptor": {"id": exc.code}}
    run = {"tool": {"driver": {"name": "canon", "version": canon_version()}}, "results": [],
           "invocations": [{"executionSuccessful": False, "exitCode": 2,
                            "toolExecutionNotifications": [notification]}]}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@contextmanager
def errors(fmt: str | None = None) -> Iterator[None]:
    """Turn canon's errors into a message on stderr and exit code 2; with ``fmt`` json or sarif
    (the command's --format), the error is also printed on stdout in that format, where a script
    reads the output."""
    from knowledge.errors import CanonError

    try:
        yield
    except CanonError as exc:
        err = console(stderr=True)
        err.print(f"[bold red]canon: error:[/] {exc.message}", markup=True, highlight=False)
        if exc.hint:
            err.print(f"  {exc.hint}", markup=False)
        if fmt == "json":
            print_json(error_json(exc))
        elif fmt == "sarif":
            print_json(error_sarif(exc))
        raise typer.Exit(2) from None


def tell_waiting(holder: Any) -> None:
    """Said once when another process holds the index's write lock and this one waits for it."""
    console(stderr=True).print(f"[yellow]Waiting for {holder.describe()} to finish writing the index…[/]")


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C (SIGINT), as shells report it


def interrupted_words(exc: BaseException) -> str:
    """What is true of the index after Ctrl-C stopped an ingest (see ``IngestInterrupted``)."""
    from ingest.pipeline import IngestInterrupted

    if isinstance(exc, IngestInterrupted) and exc.switched:
        return ("Interrupted: the index was already updated and only the tidying up after it was cut "
                "short; run `canon ingest` to finish.")
    if isinstance(exc, IngestInterrupted) and exc.had_index is False:
        return ("Interrupted: no index was built yet; run `canon ingest` to build it (the texts "
                "embedded so far are kept and not embedded again).")
    return "Interrupted: the previous index is intact; run `canon ingest` to finish."


@contextmanager
def ingest_interrupted() -> Iterator[None]:
    """Around an ingest or refresh: Ctrl-C says on stderr what became of the index and exits 130
    (rather than stopping with no word)."""
    try:
        yield
    except KeyboardInterrupt as exc:
        console(stderr=True).print(interrupted_words(exc), markup=False, highlight=False)
        raise typer.Exit(INTERRUPTED) from None


# What a command says on stderr before it brings the index up to date, by ``why_stale``'s reason.
REFRESH_WORDS = {
    "none": "Building the index (none yet)…",
    "unfinished": "The last ingest did not finish: finishing it…",
    "reader": "canon reads the files differently since the last ingest: updating the index…",
    "layout": "The index is in an older layout: moving it over…",
    "store": "The store changed: the index was built in a Chroma server's collection and this run uses "
             "the embedded store (no [index] chroma_url): building it from the cached vectors…",
    "moved": "The KB moved or was copied: giving it a collection of its own on the Chroma server…",
    "files": "The KB changed since the last ingest: updating the index…",
    "settings": "canon.toml's [calls] changed since the last ingest: reading the calls again…",
}


def ensure_index(settings: Any) -> None:
    """Refresh the index when it is not current, saying why; the model is loaded only when there
    is work."""
    from ingest.pipeline import refresh, why_stale

    reason = why_stale(settings)
    if reason is not None:
        console(stderr=True).print(REFRESH_WORDS[reason], style="dim", markup=False, highlight=False)
        from .ingest import _progress_bar

        with ingest_interrupted(), _progress_bar() as progress:
            refresh(settings, progress=progress, on_wait=tell_waiting)


def pass_down(ctx: typer.Context, fmt: str | None = None) -> None:
    """In a group's callback, when a subcommand runs: keep the options given before the
    subcommand's name (``canon audit --kb kb verdict …``) in ``ctx.obj`` for it, which reads them
    with :func:`from_group`. An option the subcommand does not take is refused (exit 2) rather
    than ignored: ignored, ``--kb`` sent a verdict to the KB of the current folder."""
    get_command = getattr(ctx.command, "get_command", None)
    sub = get_command(ctx, ctx.invoked_subcommand or "") if get_command is not None else None
    takes = {p.name for p in sub.params} if sub is not None else set()
    given: dict[str, Any] = {}
    with errors(fmt):
        for p in ctx.command.params:
            if p.name is None or not _given(ctx, p.name):
                continue
            if p.name not in takes:
                from knowledge.errors import UsageError

                flag = max(p.opts, key=len)
                raise UsageError(f"{flag} is an option of `canon {ctx.info_name}`, not of `canon {ctx.info_name} "
                                 f"{ctx.invoked_subcommand}`", hint=f"leave it out, or see canon {ctx.info_name} "
                                 f"{ctx.invoked_subcommand} --help")
            given[p.name] = ctx.params[p.name]
    ctx.obj = given


def _given(ctx: typer.Context, name: str) -> bool:
    """Whether option ``name`` was given (on the command line or in the environment), not defaulted."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")


def from_group(ctx: typer.Context, name: str) -> Any:
    """The value of the subcommand's option ``name``: its own when given after the subcommand's
    name, else the one given to the group before it (:func:`pass_down`), else its default. The
    same option given both ways with two values is refused, since canon cannot tell which one
    was meant."""
    own = ctx.params.get(name)
    group = ctx.parent.obj if ctx.parent is not None and isinstance(ctx.parent.obj, dict) else {}
    if name not in group:
        return own
    if not _given(ctx, name) or str(own) == str(group[name]):
        return group[name]
    from knowledge.errors import UsageError

    flag = next((max(p.opts, key=len) for p in ctx.command.params if p.name == name), name)
    raise UsageError(f"{flag} is given twice, {group[name]} before `{ctx.info_name}` and {own} after it",
                     hint=f"give {flag} once")


def format_from_group(ctx: typer.Context) -> Format:
    """The subcommand's --format (text or json), taken from the group where it was given there;
    a format of the group's that the subcommand does not print (``canon audit --format sarif
    verdict``) exits 2."""
    value = from_group(ctx, "fmt")
    try:
        return Format(getattr(value, "value", value))
    except ValueError:
        from knowledge.errors import UsageError

        raise UsageError(f"--format {getattr(value, 'value', value)} is not a format of `canon "
                         f"{ctx.parent.info_name if ctx.parent else ''} {ctx.info_name}`",
                         hint="it prints text or json") from None


def recorded(root: Path, result: dict[str, Any]) -> str:
    """Where a verdict was recorded: the file in the KB and its absolute path, and how many it holds."""
    n = int(result["verdicts"])
    where = (Path(root) / result["path"]).resolve()
    return f"Recorded in {result['path']} ({where}); it holds {n} verdict{'s' if n != 1 else ''}."
