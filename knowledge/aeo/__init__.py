"""Answer-engine optimisation: what answer engines read (the export) and how ready the KB is.

``build_export`` makes the files of ``canon export aeo`` (llms.txt, pages in Markdown, HTML and
JSON-LD, a manifest) and ``write_export`` puts them on disk safely; ``aeo_score`` is the JSON of
``canon aeo score``. The CLI and the API call these and nothing else.
"""

from .export import AeoExport, Decision, build_export, render_export, write_export, written_by_canon
from .readiness import (
    CHECKS,
    SCOPE,
    Readiness,
    aeo_score,
    render_score_text,
    run_readiness,
    score_entry,
    score_kb,
)

__all__ = [
    "CHECKS",
    "SCOPE",
    "AeoExport",
    "Decision",
    "Readiness",
    "aeo_score",
    "build_export",
    "render_export",
    "render_score_text",
    "run_readiness",
    "score_entry",
    "score_kb",
    "write_export",
    "written_by_canon",
]
