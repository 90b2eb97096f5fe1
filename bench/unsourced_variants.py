"""``unsourced-claim`` under several settings at once: each corpus ingested once, the rule run alone
for each variant (environment variables read at run time), scored against the corpus's labels; the
real case studies scored as ``bench/case_studies.py`` scores them (findings on labelled claims and on
non-claims).

    python bench/unsourced_variants.py --variant shipped= \
        --variant no-page-models=CANON_PROVENANCE_WEIGHTS:/nonexistent   # the learned page models off

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import case_studies as cs  # noqa: E402
from bench.accuracy import indexed  # noqa: E402
from tests.scoring import score_rules  # noqa: E402

DEV = ("kittiwake", "real-labelled", "northwind", "examples", "phenomena", "haulwise")  # never larkspur


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variant", action="append", default=[], help="NAME=VAR:VALUE,VAR:VALUE")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "canon-unsourced-variants")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from ingest.pipeline import ingest
    from knowledge.audit import run_audit
    from knowledge.settings import load_settings

    variants = []
    for v in args.variant or ["base="]:
        name, _, spec = v.partition("=")
        variants.append((name, dict(p.split(":", 1) for p in spec.split(",") if p)))

    def run(settings, today, env):  # type: ignore[no-untyped-def]
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return run_audit(settings, today=today, rules=["unsourced-claim"]).to_dict()["findings"]
        finally:
            for k, val in old.items():
                if val is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = val

    for name in DEV:
        ix = indexed(name, args.work)
        corpus, settings, today = ix.corpus, ix.settings, ix.today
        base = None
        for vname, env in variants:
            found = run(settings, today, env)
            c = score_rules(corpus.labels["audit"], found).counts["unsourced-claim"]
            keys = {(f["path"], f["line"]) for f in found}
            extra = "" if base is None else f"  gone {sorted(base - keys)} new {sorted(keys - base)}"
            base = keys if base is None else base
            print(f"{name:<14} {vname:<14} TP {c.tp:>2} FP {c.fp:>2} FN {c.fn:>2}{extra if args.show else ''}")
    labels = cs.load_labels()
    root = cs.copy_kb(args.work / "case-studies" / "kb")
    settings = load_settings(root, environ={})
    ingest(settings)
    base = None
    for vname, env in variants:
        found = run(settings, cs.TODAY, env)
        s = cs.score(cs.figure_findings(found), labels)
        keys = {(f["path"], f["line"]) for f in found}
        extra = "" if base is None else f"  gone {sorted(base - keys)} new {sorted(keys - base)}"
        base = keys if base is None else base
        print(f"{'case studies':<14} {vname:<14} findings {len(found)}: claims found {s.claims_found}/{s.claims_total}, "
              f"on claims {s.on_claims}, on non-claims {sum(s.on_non_claims.values())}, unlabelled {s.unlabelled}{extra if args.show else ''}")


if __name__ == "__main__":
    main()
