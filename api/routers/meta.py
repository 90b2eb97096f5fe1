from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from api.deps import get_settings
from knowledge.browse import health
from knowledge.settings import Settings

router = APIRouter(tags=["meta"])


@router.get("/health", summary="Is the API up, and what KB does it serve")
def get_health(settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return health(settings)
