"""canon serve."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .common import ChromaOption, KBOption, console, ensure_index, errors, load


def serve(
    kb: KBOption = None,
    host: Annotated[str, typer.Option(help="Address to bind. Use 0.0.0.0 only behind a proxy you trust.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    chroma_url: ChromaOption = None,
) -> None:
    """Run the HTTP API (JSON under /v1, OpenAPI at /openapi.json, docs at /docs).

    Example:

      canon serve --kb examples/kb --port 8080 &
      curl 'http://127.0.0.1:8080/v1/search?q=time+to+go+live'
    """
    # Each request embeds one query: BLAS threads only add contention to that (see cli/ask.py).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with errors():
        settings = load(kb, chroma_url)
        ensure_index(settings)
        import uvicorn

        from api.app import create_app

        console(stderr=True).print(f"canon API for {settings.root} on http://{host}:{port}/v1 (docs at /docs)")
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
