"""Benchmark of the figure rules: audit time and peak memory by KB size, and ``canon check`` on a
3,000-line draft, cold from the command line and warm through the API.

    python bench/bench_audit.py                        # 1,000 / 10,000 / 100,000 claims, then the check
    python bench/bench_audit.py --sizes 1000 10000     # some sizes only
    python bench/bench_audit.py --no-check             # the audit only

**Audit.** For each size, a subprocess writes a synthetic KB (entries of five figures each, in
varied wording, about 140 measures (twenty subjects, seven aspects) of forty customers; a proof
point in ten registers a metric; one figure in five contradicts the registered value) and indexes it the way ``canon ingest`` does, with the fake embedder
so that the vectors of every chunk and every claim's masked sentence are in the catalog (the
Chroma upsert, which the audit never reads, is skipped). Then it times loading the KB from the
catalog and running the seven figure rules (``metric-conflict``, ``source-conflict``,
``stale-claim``, ``unsourced-claim``, ``unsupported-claim``, ``retired-claim``,
``rep-misstatement``): that is the matching, not the embedding. Peak memory is the process's
maximum resident set size after the audit, less what it was before loading the KB.

**Check.** The Northwind corpus is copied and ingested with the real model, and a 3,000-line
draft is built from its six drafts (paragraphs repeated with other figures). ``canon check`` runs
once as a new process (start-up, model load, parsing, embedding the draft's figure contexts,
matching) and the same draft is posted to ``POST /v1/check`` twice in one process (the first call
loads the model).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NORTHWIND = REPO.parent / "shared" / "corpora" / "northwind"
sys.path.insert(0, str(REPO))

FIGURE_RULES = ["metric-conflict", "source-conflict", "stale-claim", "unsourced-claim", "unsupported-claim",
                "retired-claim", "rep-misstatement"]
TODAY = date(2026, 11, 1)

CUSTOMERS = ["Acme Freight", "Globex Retail", "Initech Health", "Umbrella Foods", "Hooli Media", "Vandelay Imports",
             "Stark Metals", "Wayne Logistics", "Tyrell Labs", "Soylent Farms", "Contoso Pharma", "Fabrikam Steel",
             "Litware Clinics", "Tailspin Toys", "Wingtip Travel", "Proseware Books", "Lucerne Press",
             "Adatum Energy", "Woodgrove Credit", "Alpine Resorts", "Coho Vineyards", "Fourth Roasters",
             "Relecloud Hosting", "Lamna Care", "Margie Tours", "Trey Analytics", "Northwest Mining",
             "Blue Yonder Air", "Humongous Cover", "Consolidated Parcels", "Wide World Trade", "Datum Systems",
             "Bellows College", "Munson Pickles", "Graphic Design Institute", "School of Fine Art", "Southridge Video",
             "Tasmanian Traders", "VanArsdel Furniture", "City Power"]
SUBJECTS = ["invoice", "approval", "supplier onboarding", "payment run", "month-end close", "customer onboarding",
            "support ticket", "build", "deployment", "code review", "security review", "expense report", "shipment",
            "purchase order", "insurance claim", "new hire", "contract renewal", "data import", "audit request",
            "refund"]
# (aspect, unit as a metric registers it, how a sentence says the value, typical value range)
ASPECTS = [
    ("median time to complete a {s}", "days", "{v} days", (1, 30)),
    ("reduction in the cost of each {s}", "percent", "{v}%", (20, 80)),
    ("share of {s}s handled with no human touch", "percent", "{v}%", (40, 95)),
    ("how much faster each {s} moves", "x", "{v}x", (2, 9)),
    ("annual savings on {s}s", "USD", "${v}K", (50, 900)),
    ("reduction in {s} errors", "percent", "{v}%", (15, 70)),
    ("{s}s processed each month", "{s}s/month", "{v} {s}s a month", (500, 90000)),
]
MEASURES = [(a.format(s=subj), unit.format(s=subj.split()[-1]), say.format(v="{v}", s=subj.split()[-1]), rng)
            for subj in SUBJECTS for a, unit, say, rng in ASPECTS]
SENTENCES = {
    "days": ["The {m} is {s} on the platform.", "{c} now needs {s} for the {m}.",
             "Across our customers the {m} came down to {s}.", "Teams report the {m} at about {s}."],
    "percent": ["Customers see {s} on the {m}.", "{c} reports {s} for the {m} after one year.",
                "On average the {m} reaches {s} across our customers.", "The {m} is {s} for a typical team."],
    "x": ["Our customers say that each {m}: {s} faster than before.", "At {c}, the {m} is {s} faster."],
    "USD": ["{c} reports {m} of {s} a year.", "A mid-size team sees {m} of about {s} a year."],
    "count": ["{c} handles {s} with the platform.", "Our largest customers handle {s} each."],
}
FILLER = ["Ask about the rollout plan before promising dates.", "Reports are available out of the box.",
          "Security reviews usually start with the questionnaire.", "Approvers work from Slack, Teams or email.",
          "The numbers come from the customer's own systems.", "Mention the pilot only if they ask for one.",
          "Keep the discovery questions short.", "Most of this is configured by our team, not theirs."]


def _value(lo: int, hi: int, rng: random.Random) -> int:
    return rng.randint(lo, hi)


def write_kb(root: Path, claims: int, seed: int = 11) -> int:
    """A KB of about ``claims`` figures; returns the number of entries."""
    rng = random.Random(seed)
    truth = {m[0]: _value(*m[3], rng) for m in MEASURES}
    root.mkdir(parents=True, exist_ok=True)
    (root / "canon.toml").write_text('[kb]\nname = "Bench Co"\nreview_every = "180d"\nmax_source_age = "24m"\n')
    entries = max(1, claims // 5)
    for i in range(entries):
        kind = "proof_point" if i % 10 == 0 else rng.choice(["message", "answer", "case_study", "article"])
        customer = rng.choice(CUSTOMERS)
        title = f"{customer} story {i}" if kind == "case_study" else f"Note {i} on {rng.choice(MEASURES)[0]}"
        metrics = ""
        body: list[str] = []
        for k in range(5):
            name, unit, say, (lo, hi) = rng.choice(MEASURES)
            value = truth[name] if rng.random() < 0.8 else _value(lo, hi, rng)  # some disagree
            if kind == "proof_point" and k == 0:
                metrics = (f"metrics:\n  - id: m-{i}\n    name: {name}\n    value: {truth[name]}\n    unit: {unit}\n"
                           f"    source: Study {i}\n")
            template = rng.choice(SENTENCES[unit if unit in SENTENCES else "count"])
            body.append(template.format(s=say.format(v=value), c=customer, m=name) + " " + rng.choice(FILLER))
        front = (f"---\ntype: {kind}\ntitle: {title}\nowner: owner{i % 17}@example.com\n"
                 f"reviewed: 2026-0{1 + i % 9}-15\n")
        if i % 3:
            front += f"sources:\n  - title: Study {i}\n    date: 202{4 + i % 3}-03-01\n"
        front += metrics + "---\n\n"
        path = root / kind / f"entry-{i:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + f"# {title}\n\n" + "\n\n".join(body) + "\n")
    return entries


def index_without_chroma(settings: object) -> None:
    """``canon ingest`` with the fake embedder, leaving out the Chroma upsert the audit never reads."""
    import ingest.pipeline as pipeline
    from knowledge.embedding import FakeEmbedder

    class NoStore:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def upsert(self, *args: object, **kwargs: object) -> None:
            pass

        def ids(self) -> set[str]:
            return set()

        def delete(self, *args: object, **kwargs: object) -> None:
            pass

        def written(self) -> None:
            pass

    for name in ("open_store", "VectorStore"):  # whichever way the pipeline opens its store
        if hasattr(pipeline, name):
            setattr(pipeline, name, NoStore)
    pipeline.ingest(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def audit_once(claims: int) -> dict[str, object]:
    """Run in a fresh process: build, index, then time the audit."""
    from knowledge.audit import _indexed_context, audit
    from knowledge.embedding import FakeEmbedder
    from knowledge.settings import load_settings
    from knowledge.store import open_catalog

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        entries = write_kb(root, claims)
        settings = load_settings(root, environ={})
        t0 = time.perf_counter()
        index_without_chroma(settings)
        t_index = time.perf_counter() - t0
        import gc

        gc.collect()
        before = peak_rss_mb()
        catalog = open_catalog(settings)
        t0 = time.perf_counter()
        ctx = _indexed_context(settings, catalog, TODAY, FakeEmbedder(), with_calls=True)
        t_load = time.perf_counter() - t0
        n_claims = sum(len(e.claims) for e in ctx.kb.entries)
        n_metrics = sum(len(e.metrics) for e in ctx.kb.entries)
        t0 = time.perf_counter()
        report = audit(ctx, FIGURE_RULES)
        t_audit = time.perf_counter() - t0
        after = peak_rss_mb()
        catalog.close()
        by_rule: dict[str, int] = {}
        for f in report.findings:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        return {"target": claims, "entries": entries, "claims": n_claims, "metrics": n_metrics,
                "index_s": t_index, "load_s": t_load, "audit_s": t_audit, "peak_mb": after - before,
                "findings": by_rule}


def bench_audit(sizes: list[int]) -> None:
    print("Audit with the figure rules (vectors from the index; fake embedder; matching only)")
    print(f"  {'claims':>8} {'entries':>8} {'metrics':>8} {'load KB':>9} {'audit':>9} {'per 1k claims':>14}"
          f" {'peak MB':>9}  findings")
    rows = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True,
                             cwd=REPO, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        per = row["audit_s"] / max(1, row["claims"]) * 1000
        print(f"  {row['claims']:>8,} {row['entries']:>8,} {row['metrics']:>8,} {row['load_s']:>8.2f}s"
              f" {row['audit_s']:>8.2f}s {per:>13.3f}s {row['peak_mb']:>9.0f}  "
              + ", ".join(f"{k} {v}" for k, v in sorted(row["findings"].items())))
    for a, b in zip(rows, rows[1:], strict=False):
        growth = (b["audit_s"] / a["audit_s"]) / (b["claims"] / a["claims"])
        print(f"  {a['claims']:,} -> {b['claims']:,} claims: time x{b['audit_s'] / a['audit_s']:.1f} for "
              f"x{b['claims'] / a['claims']:.0f} claims (x{growth:.2f} per claim; 1.0 is linear)")


# -- canon check on a long draft ---------------------------------------------------------------------


def long_draft(lines: int, corpus: Path, seed: int = 5) -> str:
    """Paragraphs of the Northwind drafts, repeated with some figures changed, to ``lines`` lines."""
    rng = random.Random(seed)
    labels = json.loads((corpus / "labels.json").read_text())
    paragraphs: list[str] = []
    for rel in labels["drafts"]:
        text = (corpus / rel).read_text()
        paragraphs += [p for p in text.split("\n\n") if p.strip() and not p.startswith("---")]
    out: list[str] = ["# Everything we say about payables", ""]
    import re

    while len(out) < lines:
        p = rng.choice(paragraphs)
        if rng.random() < 0.3:
            p = re.sub(r"\b(\d+)(?=%| days| weeks|x)", lambda m: str(int(m.group(1)) + rng.choice((0, 1, 2))), p)
        out += p.split("\n") + [""]
    return "\n".join(out[:lines]) + "\n"


def bench_check(draft_lines: int) -> None:
    from ingest.pipeline import ingest
    from knowledge.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        shutil.copytree(NORTHWIND / "kb", root, ignore=shutil.ignore_patterns(".canon"))
        settings = load_settings(root, environ={})
        t0 = time.perf_counter()
        ingest(settings)
        t_ingest = time.perf_counter() - t0
        draft = Path(tmp) / "long-draft.md"
        text = long_draft(draft_lines, NORTHWIND)
        draft.write_text(text)
        from knowledge.claims import extract_claims

        n_figures = len(extract_claims(text))
        print(f"\ncanon check on a {draft_lines:,}-line draft ({n_figures:,} figures) against the Northwind KB "
              f"(ingested with the real model in {t_ingest:.1f}s)")
        canon = Path(sys.executable).parent / "canon"
        cmd = [str(canon), "check", str(draft), "--kb", str(root), "--today", TODAY.isoformat(), "--format", "json",
               "--fail-on", "never"]
        env = {k: v for k, v in os.environ.items() if k != "CANON_EMBEDDER"}
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        t_cli = time.perf_counter() - t0
        findings = len(json.loads(done.stdout)["findings"]) if done.returncode == 0 else -1
        print(f"  CLI, cold (new process, model load included)   {t_cli:>7.2f} s   {findings} findings"
              + ("" if done.returncode == 0 else f"   (exit {done.returncode}: {done.stderr.strip()[:200]})"))

        from fastapi.testclient import TestClient

        from api.app import create_app

        client = TestClient(create_app(settings))
        body = {"path": "long-draft.md", "text": text}
        for label in ("API, first request (loads the model)", "API, next request"):
            t0 = time.perf_counter()
            resp = client.post("/v1/check", json=body, params={"today": TODAY.isoformat()})
            dt = time.perf_counter() - t0
            print(f"  {label:<46} {dt:>7.2f} s   {len(resp.json().get('findings', []))} findings (HTTP "
                  f"{resp.status_code})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    ap.add_argument("--draft-lines", type=int, default=3000)
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--no-audit", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(audit_once(args.one)))
        return
    if not args.no_audit:
        bench_audit(args.sizes)
    if not args.no_check:
        bench_check(args.draft_lines)


if __name__ == "__main__":
    main()
