"""AEO: the files of `canon export aeo`, served as exported, and the readiness score."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.deps import get_current_settings, get_today
from knowledge.aeo import aeo_score, build_export
from knowledge.settings import Settings

router = APIRouter(tags=["aeo"])

BaseUrl = Annotated[str | None, Query(description="Where the export is published, e.g. https://www.example.com/ai/; "
                                      "links and JSON-LD ids become absolute (as `--base-url`). Default: relative.")]
MEDIA = {"markdown": "text/markdown; charset=utf-8", "jsonld": "application/ld+json",
         "html": "text/html; charset=utf-8", "txt": "text/plain; charset=utf-8", "json": "application/json"}


def _file(settings: Settings, today: date, base_url: str | None, path: str, media: str) -> Response:
    export = build_export(settings, today=today, base_url=base_url)
    return Response(content=export.files[path], media_type=MEDIA[media])


@router.get("/aeo/llms.txt", response_class=Response, summary="llms.txt: the same bytes as `canon export aeo` writes",
            responses={200: {"content": {"text/plain": {}}}})
def get_llms_txt(settings: Annotated[Settings, Depends(get_current_settings)], today: Annotated[date, Depends(get_today)],
                 base_url: BaseUrl = None) -> Response:
    return _file(settings, today, base_url, "llms.txt", "txt")


@router.get("/aeo/llms-full.txt", response_class=Response, summary="llms-full.txt: every exported page in one file",
            responses={200: {"content": {"text/plain": {}}}})
def get_llms_full_txt(settings: Annotated[Settings, Depends(get_current_settings)],
                      today: Annotated[date, Depends(get_today)], base_url: BaseUrl = None) -> Response:
    return _file(settings, today, base_url, "llms-full.txt", "txt")


@router.get("/aeo/manifest", summary="manifest.json of the export: every entry, included or not, and why not")
def get_manifest(settings: Annotated[Settings, Depends(get_current_settings)], today: Annotated[date, Depends(get_today)],
                 base_url: BaseUrl = None) -> Response:
    return _file(settings, today, base_url, "manifest.json", "json")


@router.get("/aeo/pages/{entry_id:path}", response_class=Response,
            summary="One exported page: Markdown, or its JSON-LD (format=jsonld), or its HTML (format=html)",
            responses={200: {"content": {"text/markdown": {}, "application/ld+json": {}, "text/html": {}}},
                       404: {"description": "No such entry, or the entry is not exported (the message says why)"}})
def get_page(entry_id: str, settings: Annotated[Settings, Depends(get_current_settings)],
             today: Annotated[date, Depends(get_today)],
             fmt: Annotated[Literal["markdown", "jsonld", "html"], Query(alias="format")] = "markdown",
             base_url: BaseUrl = None) -> Response:
    export = build_export(settings, today=today, base_url=base_url)
    return Response(content=export.page_file(entry_id, fmt), media_type=MEDIA[fmt])


@router.get("/aeo/score", summary="AEO readiness of each entry and of the KB (same JSON as "
                                  "`canon aeo score --format json`)")
def get_score(settings: Annotated[Settings, Depends(get_current_settings)], today: Annotated[date, Depends(get_today)],
              limit: Annotated[int | None, Query(ge=1, description="Only the N entries with the most to gain.")]
              = None) -> dict[str, Any]:
    return aeo_score(settings, today=today, limit=limit)
