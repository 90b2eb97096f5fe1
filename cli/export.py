"""canon export: artefacts built from the approved KB for other systems to read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import (
    ChromaOption,
    KBOption,
    TodayOption,
    console,
    ensure_index,
    errors,
    load,
    parse_today,
)

app = typer.Typer(
    name="export",
    help="Write artefacts built from the approved KB for other systems to read.",
    no_args_is_help=True,
)


@app.command("aeo")
def aeo(
    out_dir: Annotated[Path, typer.Argument(help="The folder to write (created if missing; a previous export "
                                            "there is replaced as a whole).", metavar="OUT_DIR")],
    kb: KBOption = None,
    today: TodayOption = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Where OUT_DIR will be published, e.g. https://www.example.com/ai/: links and JSON-LD "
        "ids become absolute. Default: links relative to each file.", show_default=False, metavar="URL")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT_DIR even when it is not empty and holds no "
                                        "canon export (its contents are deleted); never a folder in or holding "
                                        "the KB, its calls or its index.")] = False,
    chroma_url: ChromaOption = None,
) -> None:
    """Write what answer engines read: llms.txt, llms-full.txt, one page per answer, proof point and case study (Markdown, and HTML with schema.org JSON-LD), and manifest.json.

    Private by default: only entries whose audience lists public, and only those the audit finds
    current, sourced and free of conflicting or retired figures (publish = "approved" in the aeo
    table of canon.toml exports every approved entry not marked internal). Internal sections,
    canon-internal blocks, comments, owners, e-mail addresses and objection examples never leave;
    manifest.json gives the reasons for each entry left out. A page's address is its entry's id: a renamed file is warned
    about, and id: in its front matter keeps the old address. Output is byte-identical for the
    same inputs and written in one rename. README: Publishing for answer engines.

    Exit codes: 0 written, 2 canon could not run (OUT_DIR holds files canon did not write, OUT_DIR holds or lies inside the KB, its calls or its index, bad URL, no index).

    Examples:

      canon export aeo site/ai --base-url https://www.example.com/ai/

      canon export aeo build/aeo --kb examples/kb --today 2026-11-23
    """
    with errors():
        from knowledge.aeo import build_export, write_export
        from knowledge.aeo.export import (
            check_out_dir,
            normalize_base_url,
            protected_folders,
            read_manifest,
        )

        settings = load(kb, chroma_url)
        day = parse_today(today)
        normalize_base_url(base_url)
        protect = protected_folders(settings)
        check_out_dir(out_dir.expanduser(), force=force, protect=protect)  # before the audit, not after
        ensure_index(settings)
        previous = read_manifest(out_dir.expanduser()) if out_dir.expanduser().is_dir() else None
        export = build_export(settings, today=day, base_url=base_url, previous=previous)
        write_export(export, out_dir, force=force, protect=protect)
        for warning in export.warnings:
            console(stderr=True).print(f"Warning: {warning}", markup=False, highlight=False, soft_wrap=True,
                                       style="yellow")
        n = export.counts()
        left_out = ", ".join(f"{n[k]} {k}" for k in sorted(n) if k not in ("entries", "included"))
        console().print(f"Wrote {len(export.files)} files for {n['included']} of {n['entries']} entries to {out_dir}"
                        + (f" (left out: {left_out}; see manifest.json)" if left_out else ""),
                        markup=False, highlight=False, soft_wrap=True)
