"""canon ingest."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .common import (
    ChromaOption,
    Format,
    FormatOption,
    KBOption,
    console,
    errors,
    load,
    print_json,
    tell_waiting,
)


def ingest(
    kb: KBOption = None,
    force: Annotated[bool, typer.Option("--force", help="Parse and store everything again (cached vectors are still reused).")] = False,
    fmt: FormatOption = Format.text,
    chroma_url: ChromaOption = None,
) -> None:
    """Build or refresh the index of the KB and its calls.

    Only files whose content changed are parsed again, and only texts not embedded before are embedded. Files that cannot be read are reported (with the line and what to fix) and the rest are indexed. With nothing changed, it still checks that the vector store holds exactly what the index lists, and repairs it if not (`canon doctor` checks more).

    One writer at a time: while another ingest (or a refresh by audit, check, objections or the server) writes the index, this one waits for it (up to lock_wait seconds from the index table of canon.toml, default 600). Searches keep answering from the previous index meanwhile.

    Examples:

      canon ingest --kb examples/kb

      canon ingest --format json | jq .problems
    """
    with errors(fmt):
        from ingest.pipeline import ingest as run_ingest

        settings = load(kb, chroma_url)
        if fmt is Format.json:
            report = run_ingest(settings, force=force, on_wait=tell_waiting)
            print_json(report.to_dict())
            return
        out = console()
        with _progress_bar() as progress:
            report = run_ingest(settings, force=force, progress=progress, on_wait=tell_waiting)
        from knowledge.render import render_ingest_text

        out.print(render_ingest_text(report.to_dict()))


class _progress_bar:
    """A rich progress bar per phase, shown only for work that takes a while."""

    LABELS = {"scan": "Reading files", "parse": "Parsing", "embed": "Embedding", "store": "Storing vectors"}

    def __enter__(self) -> _progress_bar:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=console(stderr=True), transient=True)
        self.tasks: dict[str, Any] = {}
        self.bar.start()
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = self.bar.add_task(self.LABELS.get(phase, phase), total=total)
        self.bar.update(self.tasks[phase], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()
