"""AEO: the files of `canon export aeo`, served as exported, and the readiness score."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from api import jobs
from api.deps import analyse, get_settings, get_today
from api.responses import ScoreResponse, ok
from api.schemas import errors
from knowledge.settings import Settings

router = APIRouter(tags=["aeo"])

BaseUrl = Annotated[str | SkipJsonSchema[None], Query(
    description="Where the export is published, e.g. https://www.example.com/ai/; links and JSON-LD ids become "
                "absolute (as `--base-url`). Default: relative.",
    # An http(s) URL with a host and neither query nor fragment, as the core wants (the host in
    # plain ASCII, without brackets: what urlsplit reads without complaint).
    json_schema_extra={"pattern": r'^$|^[hH][tT][tT][pP][sS]?://[!-"$-.0->@-Z\\^-~]+(/[^?#]*)?$'})]
MEDIA = {"markdown": "text/markdown; charset=utf-8", "jsonld": "application/ld+json",
         "html": "text/html; charset=utf-8", "txt": "text/plain; charset=utf-8", "json": "application/json"}


async def _file(request: Request, settings: Settings, today: date, base_url: str | None, path: str,
                media: str) -> Response:
    content = await analyse(request, jobs.aeo_file, settings=settings, today=today, base_url=base_url, path=path)
    return Response(content=content, media_type=MEDIA[media])


@router.get("/aeo/llms.txt", response_class=Response, summary="llms.txt: the same bytes as `canon export aeo` writes",
            responses={200: {"content": {"text/plain": {}}}})
async def get_llms_txt(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                       today: Annotated[date, Depends(get_today)], base_url: BaseUrl = None) -> Response:
    return await _file(request, settings, today, base_url, "llms.txt", "txt")


@router.get("/aeo/llms-full.txt", response_class=Response, summary="llms-full.txt: every exported page in one file",
            responses={200: {"content": {"text/plain": {}}}})
async def get_llms_full_txt(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                            today: Annotated[date, Depends(get_today)], base_url: BaseUrl = None) -> Response:
    return await _file(request, settings, today, base_url, "llms-full.txt", "txt")


@router.get("/aeo/manifest", summary="manifest.json of the export: every entry, included or not, and why not")
async def get_manifest(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                       today: Annotated[date, Depends(get_today)], base_url: BaseUrl = None) -> Response:
    return await _file(request, settings, today, base_url, "manifest.json", "json")


@router.get("/aeo/pages/{entry_id:path}", response_class=Response,
            summary="One exported page: Markdown, or its JSON-LD (format=jsonld), or its HTML (format=html)",
            responses={200: {"content": {"text/markdown": {}, "application/ld+json": {}, "text/html": {}}},
                       **errors(404)})
async def get_page(request: Request, entry_id: str, settings: Annotated[Settings, Depends(get_settings)],
                   today: Annotated[date, Depends(get_today)],
                   fmt: Annotated[Literal["markdown", "jsonld", "html"], Query(alias="format")] = "markdown",
                   base_url: BaseUrl = None) -> Response:
    content = await analyse(request, jobs.aeo_page, settings=settings, today=today, base_url=base_url,
                            entry_id=entry_id, fmt=fmt)
    return Response(content=content, media_type=MEDIA[fmt])


@router.get("/aeo/score", summary="AEO readiness of each entry and of the KB (same JSON as "
                                  "`canon aeo score --format json`)",
            response_model=None, responses=ok(ScoreResponse, "The readiness of the KB and of each entry."))
async def get_score(request: Request, settings: Annotated[Settings, Depends(get_settings)],
                    today: Annotated[date, Depends(get_today)],
                    limit: Annotated[Annotated[int, Field(ge=1)] | SkipJsonSchema[None], Query(description="Only the N entries with the most to gain.")]
                    = None) -> dict[str, Any]:
    result: dict[str, Any] = await analyse(request, jobs.score, settings=settings, today=today, limit=limit)
    return result
