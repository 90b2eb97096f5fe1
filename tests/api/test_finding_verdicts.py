"""Reviewers' verdicts on findings over HTTP, served by a real uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from knowledge.finding_verdicts import load_verdicts


def test_a_verdict_posted_to_uvicorn_acts_on_the_next_audit(serve_kb: Any, small_kb: Path) -> None:
    server = serve_kb(small_kb)
    today = {"today": "2026-11-01"}
    with httpx.Client(base_url=server.url, timeout=60) as client:
        before = client.get("/v1/audit", params=today).json()["findings"]
        target = next(f for f in before if f["rule"] in ("rep-misstatement", "unsupported-claim", "metric-conflict"))
        posted = client.post("/v1/audit/verdicts", params=today,
                             json={"fingerprint": target["fingerprint"], "verdict": "wrong", "why": "a test"})
        assert posted.status_code == 201, posted.text
        assert posted.json()["path"] == "verdicts/findings.yaml"
        after = client.get("/v1/audit", params=today).json()["findings"]
        assert target["fingerprint"] not in {f["fingerprint"] for f in after}
        assert len(after) == len(before) - 1
        listed = client.get("/v1/audit/verdicts").json()["verdicts"]
        assert [v["fingerprint"] for v in listed] == [target["fingerprint"]]
        unknown = client.post("/v1/audit/verdicts", params=today, json={"fingerprint": "0" * 32, "verdict": "wrong"})
        assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert [v.why for v in load_verdicts(small_kb)] == ["a test"]
