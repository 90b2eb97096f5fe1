"""Writes labels.json from the rendered calls (see render.py)."""
import json

COVERAGE = {
    "objections/pricing": True,
    "objections/staff-adoption": True,
    "objections/mis-migration": True,
    "objections/data-protection": True,
    "objections/procurement-route": True,
    "objections/contract-length": False,
    "new:union-workload-agreement": False,
    "new:offline-connectivity": False,
    "new:safeguarding-restricted-contacts": False,
}

THEMES = {
    "new:union-workload-agreement": "a collective or workload agreement with teachers' unions means any new "
        "attendance or data duty must be consulted on or bargained before rollout (not whether teachers "
        "will like or learn the tool: that is objections/staff-adoption)",
    "new:offline-connectivity": "registers must be taken where power or mobile data fails (rural campuses, "
        "bus routes); an online-only tool loses the register",
    "new:safeguarding-restricted-contacts": "parent messages could reach a parent or relative barred from "
        "contact (court orders, looked-after children); safeguarding leads must control and sign off who "
        "receives messages (not where data is hosted or how it is secured: that is "
        "objections/data-protection)",
}

# The mention a reviewer would pick as the centre of each uncovered theme.
CENTRAL = {
    "objections/contract-length": ("calls/2026-08-25-ridgeback-isd.txt", "Our board approves technology contracts"),
    "new:union-workload-agreement": ("calls/2026-09-29-westmarch-unified.json", "Moving to period attendance"),
    "new:offline-connectivity": ("calls/2026-10-20-kisumu-lakeside-academy.json", "If the system only works online"),
    "new:safeguarding-restricted-contacts": ("calls/2026-08-11-fenmoor-learning-trust.srt", "my DSLs will want"),
}

NOTES = {
    "objections/contract-length": "known objection (objections/contract-length.md); its only answer, "
        "answers/contract-length, is status: draft; a tool may report the gap once per theme or once per mention",
    "new:union-workload-agreement": "prospects say a union or workload agreement must be consulted or "
        "bargained before rollout; no objection entry and no approved entry addresses it; close in wording "
        "to objections/staff-adoption (workload, teachers) but a different concern",
    "new:offline-connectivity": "prospects need registers to work without power or mobile data; nothing in "
        "the KB addresses offline use",
    "new:safeguarding-restricted-contacts": "prospects fear messages reaching contacts barred by court "
        "orders or placements and want safeguarding leads to sign off contact rules; the data protection "
        "answer covers hosting and agreements, not who receives messages",
}


def write(calls, negatives, gap_mentions, root):
    expected = []
    for theme, covered in COVERAGE.items():
        if covered:
            continue
        call, start = CENTRAL[theme]
        central = [m for m in calls[call] if m["objection"] == theme and m["snippet"].startswith(start)]
        assert len(central) == 1, theme
        gap = {"rule": "objection-gap", "objection": theme, "path": call, "line": central[0]["line"],
               "mentions": gap_mentions[theme]}
        if theme.startswith("objections/"):
            gap["alt_paths"] = [theme + ".md"]
        gap["note"] = NOTES[theme]
        expected.append(gap)
        assert len({m["path"] for m in gap_mentions[theme]}) >= 2, theme
    labels = {
        "today": "2026-11-01",
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
        "objections": {"calls": calls, "coverage": COVERAGE, "themes": THEMES, "negatives": negatives},
    }
    (root / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
