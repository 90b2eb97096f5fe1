"""Entries to and from plain JSON, for the catalog and the API.

The catalog stores each parsed entry as JSON so that commands that only read the KB (ask, the
API, the audit) need neither re-parse Markdown nor embed anything.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import Block, Call, Claim, Entry, Finding, Metric, Sentence, Source, Turn


def _val(v: Any) -> Any:
    if isinstance(v, tuple):
        return list(v)
    return v


def _unval(v: Any) -> Any:
    if isinstance(v, list):
        return (float(v[0]), float(v[1]))
    return v


def _d(v: date | None) -> str | None:
    return v.isoformat() if v else None


def _ud(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def source_to_dict(s: Source) -> dict[str, Any]:
    return {"title": s.title, "url": s.url, "date": _d(s.date), "line": s.line, "date_line": s.date_line}


def source_from_dict(d: dict[str, Any]) -> Source:
    return Source(title=d["title"], url=d.get("url"), date=_ud(d.get("date")), line=d.get("line"),
                  date_line=d.get("date_line"))


def claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "text": c.text, "value": _val(c.value), "unit": c.unit, "kind": c.kind,
        "line": c.line, "column": c.column, "end_line": c.end_line, "end_column": c.end_column,
        "sentence": c.sentence, "masked": c.masked, "raw_value": _val(c.raw_value),
        "raw_unit": c.raw_unit, "qualifier": c.qualifier, "year": c.year,
        "source": source_to_dict(c.source) if c.source else None, "role": c.role,
        "extra": {k: getattr(c, k) for k in _CLAIM_FIELDS},
    }


_CLAIM_FIELDS = frozenset(("span", "qualifier_word", "statistic", "per", "every", "pair", "unit_inherited",
                           "as_written", "block", "section", "claimness", "why", "is_claim"))


def claim_from_dict(d: dict[str, Any]) -> Claim:
    return Claim(
        text=d["text"], value=_unval(d["value"]), unit=d["unit"], kind=d["kind"], line=d["line"],
        column=d["column"], end_line=d["end_line"], end_column=d["end_column"],
        sentence=d.get("sentence", ""), masked=d.get("masked", ""), raw_value=_unval(d.get("raw_value")),
        raw_unit=d.get("raw_unit"), qualifier=d.get("qualifier"), year=d.get("year"),
        source=source_from_dict(d["source"]) if d.get("source") else None, role=d.get("role"),
        **{k: v for k, v in (d.get("extra") or {}).items() if k in _CLAIM_FIELDS},
    )


def metric_to_dict(m: Metric) -> dict[str, Any]:
    return m.to_dict()


def metric_from_dict(d: dict[str, Any]) -> Metric:
    return Metric(id=d["id"], name=d.get("name") or d["id"], value=_unval(d["value"]), unit=d["unit"],
                  entry_id=d["entry"], qualifier=d.get("qualifier"), as_of=d.get("as_of"),
                  source=d.get("source"), line=d.get("line"))


def entry_to_dict(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id, "path": e.path, "type": e.type, "title": e.title, "status": e.status,
        "owner": e.owner, "reviewed": _d(e.reviewed), "review_every": e.review_every,
        "expires": _d(e.expires), "sources": [source_to_dict(s) for s in e.sources],
        "metrics": [metric_to_dict(m) for m in e.metrics], "answers": e.answers,
        "supersedes": e.supersedes, "topics": e.topics, "audience": e.audience,
        "examples": e.examples, "ignore": e.ignore, "extra": _jsonable(e.extra), "body": e.body,
        "body_line": e.body_line,
        "blocks": [[b.kind, b.text, b.line, b.end_line, b.section] for b in e.blocks],
        "claims": [claim_to_dict(c) for c in e.claims], "key_lines": e.key_lines,
        "line_ignores": {str(k): sorted(v) for k, v in e.line_ignores.items()},
        "content_hash": e.content_hash,
    }


def entry_from_dict(d: dict[str, Any]) -> Entry:
    return Entry(
        id=d["id"], path=d["path"], type=d["type"], title=d["title"], status=d["status"],
        owner=d.get("owner"), reviewed=_ud(d.get("reviewed")), review_every=d.get("review_every"),
        expires=_ud(d.get("expires")), sources=[source_from_dict(s) for s in d.get("sources", [])],
        metrics=[metric_from_dict(m) for m in d.get("metrics", [])], answers=d.get("answers", []),
        supersedes=d.get("supersedes", []), topics=d.get("topics", []), audience=d.get("audience", []),
        examples=d.get("examples", []), ignore=d.get("ignore", []), extra=d.get("extra", {}),
        body=d.get("body", ""), body_line=d.get("body_line", 1),
        blocks=[Block(kind=b[0], text=b[1], line=b[2], end_line=b[3], section=b[4]) for b in d.get("blocks", [])],
        claims=[claim_from_dict(c) for c in d.get("claims", [])], key_lines=d.get("key_lines", {}),
        line_ignores={int(k): set(v) for k, v in d.get("line_ignores", {}).items()},
        content_hash=d.get("content_hash", ""),
    )


JSONABLE_NODES = 20_000  # values of foreign front matter kept in the catalog; the rest is cut
JSONABLE_DEPTH = 40
CUT = "…"  # stands for what was left out


def _jsonable(v: Any, budget: list[int] | None = None, depth: int = 0, path: frozenset[int] = frozenset()) -> Any:
    """Foreign front matter may hold dates and other YAML types: make them JSON-safe.

    Never expands more than ``JSONABLE_NODES`` values, nests deeper than ``JSONABLE_DEPTH`` or
    follows a value back into itself: YAML aliases share one object, and writing a shared object
    out in full is how a few hundred bytes of front matter become gigabytes. The reader refuses such
    front matter already (``ingest.kb``); this keeps any other caller bounded too.
    """
    if budget is None:
        budget = [JSONABLE_NODES]
    budget[0] -= 1
    if budget[0] < 0 or depth > JSONABLE_DEPTH or id(v) in path:
        return CUT
    if isinstance(v, dict):
        inner = path | {id(v)}
        out: dict[str, Any] = {}
        for k, x in v.items():
            if budget[0] <= 0:
                out[CUT] = CUT
                break
            out[str(k)[:200]] = _jsonable(x, budget, depth + 1, inner)
        return out
    if isinstance(v, (list, tuple)):
        inner = path | {id(v)}
        items: list[Any] = []
        for x in v:
            if budget[0] <= 0:
                items.append(CUT)
                break
            items.append(_jsonable(x, budget, depth + 1, inner))
        return items
    if isinstance(v, date):
        return v.isoformat()
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)[:1000]


def call_to_dict(c: Call) -> dict[str, Any]:
    return {
        "path": c.path, "title": c.title, "roles_known": c.roles_known, "content_hash": c.content_hash,
        "turns": [
            {"speaker": t.speaker, "text": t.text, "line": t.line, "role": t.role, "start": t.start,
             "sentences": [[s.text, s.line, s.column, s.start, [list(x) for x in s.lines]] for s in t.sentences]}
            for t in c.turns
        ],
    }


def call_from_dict(d: dict[str, Any]) -> Call:
    return Call(
        path=d["path"], title=d.get("title", ""), roles_known=d.get("roles_known", False),
        content_hash=d.get("content_hash", ""),
        turns=[
            Turn(speaker=t["speaker"], text=t["text"], line=t["line"], role=t.get("role", "unknown"),
                 start=t.get("start"),
                 sentences=[Sentence(text=s[0], line=s[1], column=s[2], start=s[3],
                                    lines=tuple(tuple(x) for x in s[4]) if len(s) > 4 else ())
                           for s in t.get("sentences", [])])
            for t in d.get("turns", [])
        ],
    )


def finding_from_dict(d: dict[str, Any]) -> Finding:
    return Finding(
        rule=d["rule"], severity=d["severity"], path=d["path"], line=d["line"], message=d["message"],
        column=d.get("column", 1), end_line=d.get("end_line"), end_column=d.get("end_column"),
        claim=d.get("claim"), expected=d.get("expected"), related=d.get("related", []),
        fingerprint=d.get("fingerprint", ""), entry=d.get("entry"), group=d.get("group"),
    )


def finding_to_record(f: Finding) -> dict[str, Any]:
    d = f.to_dict()
    d["entry"] = f.entry
    return d
