"""canon serve."""

from __future__ import annotations

import contextlib
import os
from typing import Annotated

import typer

from .common import ChromaOption, KBOption, console, ensure_index, errors, load


def serve(
    kb: KBOption = None,
    host: Annotated[str, typer.Option(help="Address to bind. Use 0.0.0.0 only behind a proxy you trust.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    chroma_url: ChromaOption = None,
    max_body: Annotated[str | None, typer.Option(
        help="Largest request body, e.g. 1MiB or 500KB; larger ones get 413. \\[serve] max_body; default 1MiB.")] = None,
    timeout: Annotated[str | None, typer.Option(
        help="Seconds an analysing request (audit, check, objections, aeo) may take, waiting included; then "
             "504 and its analysis is stopped. \\[serve] timeout; default 60.")] = None,
    workers: Annotated[int | None, typer.Option(
        help="Analyses that run at once, each in a process of its own. \\[serve] workers; default 2.")] = None,
    queue: Annotated[int | None, typer.Option(
        help="Analysing requests that may wait for a worker; beyond that 503 with Retry-After. "
             "\\[serve] queue; default 8.")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(metavar="URL",
        help="Let web pages of this origin (e.g. https://portal.example.com) call the API from a browser; repeat "
             "for several, * for any. Default: none. \\[serve] cors_origins.")] = None,
) -> None:
    """Run the HTTP API (JSON under /v1, OpenAPI at /openapi.json, docs at /docs).

    Each limit also comes from the \\[serve] table of canon.toml or CANON_SERVE_<KEY>. An analysis
    is stopped when its client disconnects; SIGTERM or Ctrl-C stops the server within seconds,
    analyses in flight included. A port another server holds (or an address not this machine's)
    stops it before it starts, with exit code 2. The API has no login of its own, so browsers on other
    origins may call it only from the origins --cors-origin names.

    Example:

      canon serve --kb examples/kb --port 8080 &
      curl 'http://127.0.0.1:8080/v1/search?q=time+to+go+live'
    """
    # Each request embeds one query: BLAS threads only add contention to that (see cli/ask.py).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with errors():
        settings = load(kb, chroma_url)
        from api.limits import ServeLimits

        limits = ServeLimits.load(settings, {"max_body": max_body, "timeout": timeout, "workers": workers,
                                             "queue": queue, "cors_origins": cors_origin or None})
        check_port(host, port)  # before the index and the banner: a busy port is said first, and plainly
        ensure_index(settings)
        from api.app import create_app
        from api.server import serve as run

        console(stderr=True).print(
            f"canon API for {settings.root} on http://{host}:{port}/v1 (docs at /docs); limits: bodies up to "
            f"{limits.max_body} bytes, {limits.timeout:g} s per analysis, {limits.workers} at once, "
            f"{limits.queue} waiting" + (f"; browsers may call it from {', '.join(limits.cors_origins)}"
                                         if limits.cors_origins else ""))
        run(create_app(settings, limits), host, port)


def check_port(host: str, port: int) -> None:
    """Raise a UsageError when ``host``:``port`` cannot be bound (another server holds it, or the
    address is not this machine's), so that canon says so in its own words and exits 2 rather
    than printing its banner and then the server's traceback. Every address the host resolves to
    is bound, as the server binds them (``localhost``: ::1 and 127.0.0.1; SO_REUSEADDR, so that a
    port left in TIME_WAIT counts as free; IPv6 sockets IPv6-only), then closed; an address family
    this machine lacks is skipped, as the server skips it."""
    import errno
    import socket

    from knowledge.errors import UsageError

    try:
        infos = dict.fromkeys(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE))
        with contextlib.ExitStack() as held:  # held together, as the server holds them
            for family, kind, proto, _, address in infos:
                try:
                    sock = held.enter_context(socket.socket(family, kind, proto))
                except OSError:
                    continue  # a family this machine lacks (IPv6 turned off)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use", hint="pass --port N (another port), or stop "
                             "the server that holds it") from None
        raise UsageError(f"cannot listen on {host} port {port}: {exc.strerror or exc}",
                         hint="pass --host with an address of this machine (127.0.0.1, 0.0.0.0) and --port N "
                         "above 1023") from None
