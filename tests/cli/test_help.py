"""Every command's --help: it runs, each option says what it does in two lines or less, and
``canon objections --help`` says where calls are read from and which setting decides who the rep is.

Two lines: an option's help is what it does, its default and where the long story is (a README
section), which fits in two lines of an 80-column terminal (160 characters). Measured on the help
string, not on a rendering, so that the limit does not hang on the terminal's width or on how wide
the option names of one command happen to be."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cli.main import app

OPTION_HELP_CHARS = 2 * 80


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(the words after ``canon``, the click command) for canon and every command under it."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_every_command_is_listed() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    for expected in ("", "init", "ingest", "ask", "check", "audit", "audit verdict", "objections",
                     "objections verdict", "serve", "doctor", "export aeo", "aeo score"):
        assert expected in names, sorted(names)


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=lambda p: " ".join(p) or "canon")
def test_help_runs(path: tuple[str, ...]) -> None:
    r = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.output


@pytest.mark.parametrize("path,command", COMMANDS, ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_no_option_help_runs_past_two_lines(path: tuple[str, ...], command: Any) -> None:
    long = {p.name: len(p.help) for p in command.params
            if len(" ".join((getattr(p, "help", None) or "").split())) > OPTION_HELP_CHARS}
    assert not long, f"canon {' '.join(path)}: option help over {OPTION_HELP_CHARS} characters: {long}"


def test_objections_help_says_where_calls_come_from_and_who_the_rep_is() -> None:
    r = CliRunner().invoke(app, ["objections", "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.replace("│", " ").split())
    assert "[calls] table of canon.toml" in out, out
    assert ".vtt, .srt, .json or .txt" in out, out
    assert "internal_speakers or internal_domains" in out and "who the rep is" in out, out
