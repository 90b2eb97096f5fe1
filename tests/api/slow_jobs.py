"""Stand-ins for the analyses of api.jobs that take as long as a test needs, without using CPU.

They run in the API's worker processes, which import this module by name: keep it importable."""

from __future__ import annotations

import time
from typing import Any


def slow_check(**_: Any) -> dict[str, Any]:
    time.sleep(120)
    return {"version": 1, "findings": []}


def quick_check(**_: Any) -> dict[str, Any]:
    return {"version": 1, "findings": [], "summary": {"files": 1}}
