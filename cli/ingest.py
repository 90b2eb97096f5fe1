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
    ingest_interrupted,
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

    Only files whose content changed are parsed again (and the calls, when canon.toml's [calls] internal_speakers or internal_domains changed: they decide who is the seller), and only texts not embedded before are embedded. Files that cannot be read are reported (with the line and what to fix) and the rest are indexed. Files canon reads nothing from (an export's .docx, .pdf, .html, images) are counted by extension in one line (`not_read` in JSON). A call in which no speaker is known to be yours gets a line naming its speakers and the [calls] setting to add, for six calls at most then "and N more" (JSON: `roles_unknown`, the paths of all of them, and each call's speakers and roles under `speakers`); a second copy of a call (same speakers, same words, two speakers or more and four turns or more; of x.txt and "x (1).txt" the second) is counted once and reported as an invalid-call warning. With nothing changed, it still checks that the vector store holds exactly what the index lists, and repairs it if not (`canon doctor` checks more).

    One writer at a time: while another ingest (or a refresh by audit, check, objections or the server) writes the index, this one waits for it (up to lock_wait seconds from the index table of canon.toml, default 600). Searches keep answering from the previous index meanwhile.

    Examples:

      canon ingest --kb examples/kb

      canon ingest --format json | jq .problems

    Ctrl-C stops it with exit code 130 and says what became of the index: until the new index is complete, searches use the previous one, and the next ingest reuses every text already embedded.
    """
    with errors(fmt):
        from ingest.pipeline import ingest as run_ingest

        settings = load(kb, chroma_url)
        if fmt is Format.json:
            with ingest_interrupted():
                report = run_ingest(settings, force=force, on_wait=tell_waiting)
            print_json(report.to_dict())
            return
        out = console()
        with ingest_interrupted(), _progress_bar() as progress:
            report = run_ingest(settings, force=force, progress=progress, on_wait=tell_waiting)
        from knowledge.render import render_ingest_text

        out.print(render_ingest_text(report.to_dict()))


def _progress_bar() -> Any:
    """How an ingest shows its progress: a Rich bar per phase in a terminal; elsewhere (CI,
    pre-commit, a log file) plain lines on stderr, since a bar only draws in a terminal and a long
    first ingest would otherwise print nothing for minutes."""
    err = console(stderr=True)
    return _ProgressBar(err) if err.is_terminal else _ProgressLines(err)


class _ProgressBar:
    """A rich progress bar per phase, cleared when the ingest ends."""

    def __init__(self, err: Any) -> None:
        self.err = err

    def __enter__(self) -> _ProgressBar:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=self.err, transient=True)
        self.tasks: dict[str, Any] = {}
        self.bar.start()
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase not in self.tasks:
            self.tasks[phase] = self.bar.add_task(LABELS.get(phase, phase), total=total)
        self.bar.update(self.tasks[phase], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


LABELS = {"scan": "Reading files", "parse": "Parsing", "embed": "Embedding", "store": "Storing vectors"}
# A plain progress line says "<verb> <done> of <total> <things>": per phase, the verb and the things.
LINE_WORDS = {"scan": ("reading", "files"), "parse": ("parsing", "files"), "embed": ("embedding", "texts"),
              "store": ("storing", "vectors")}


class _ProgressLines:
    """Progress as plain lines on stderr, for output that is not a terminal: a line each time
    another tenth of a phase is done, but not within ``QUIET`` seconds of the last line (nor of
    the start, so that a quick refresh in pre-commit prints nothing), and one at least every
    ``STEADY`` seconds while a phase moves on slowly.
    "embedding 4,000 of 20,305 texts (20%), 2 min so far"."""

    QUIET = 10.0
    STEADY = 60.0

    def __init__(self, err: Any, clock: Any = None) -> None:
        import time

        self.err = err
        self.clock = clock or time.monotonic
        self.start = self.last = self.clock()
        self.tenths: dict[str, int] = {}

    def __enter__(self) -> _ProgressLines:
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total <= 0:
            return
        now = self.clock()
        tenth = done * 10 // total
        new_tenth = tenth > self.tenths.get(phase, 0)
        if now - self.last < self.QUIET or not (new_tenth or now - self.last >= self.STEADY):
            return
        self.tenths[phase] = tenth
        self.last = now
        verb, things = LINE_WORDS.get(phase, (phase, "items"))
        self.err.print(f"{verb} {done:,} of {total:,} {things} ({done * 100 // total}%), "
                       f"{_elapsed(now - self.start)} so far", markup=False, highlight=False)

    def __exit__(self, *exc: object) -> None:
        return None


def _elapsed(seconds: float) -> str:
    """A duration as a progress line gives it: "45 s", "2 min", "1 h 05 min"."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = int(seconds // 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"
