"""The ``canon`` command. Each subcommand lives in its own module and imports heavy libraries
only when it runs, so that ``canon --help`` stays instant."""

from __future__ import annotations

import typer

from . import aeo, ask, audit, check, doctor, export, ingest, init, objections, serve

app = typer.Typer(
    name="canon",
    help="Keep one curated knowledge base of messaging, proof points and case-study metrics, "
    "and keep everything else consistent with it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command()(init.init)
app.command()(ingest.ingest)
app.command()(ask.ask)
app.command()(check.check)
app.add_typer(audit.app, name="audit")
app.add_typer(objections.app, name="objections")
app.command()(serve.serve)
app.command()(doctor.doctor)
app.add_typer(export.app, name="export")
app.add_typer(aeo.app, name="aeo")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
