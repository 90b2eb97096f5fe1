"""Where a page's figures come from, and pages that state none.

Two page-level decisions that ``unsourced-claim`` asks before it asks about one sentence:

- **Source notes.** A short passage that says where the figures of a page, or of the table above it,
  come from ("Figures supplied by the customer's finance team, 2025", "Data from X's claims system",
  "Based on an interview with ...", "Source: ..."). It sources the figures of its scope as a typed
  entry's ``sources:`` would: the table it sits under, else the whole page.
- **Pages that state no outcome claims.** A careers page, a partner programme, a security or trust
  page, legal terms, a changelog, event logistics, documentation: their figures are the company's own
  terms (benefits, tiers, recovery objectives, versions), told from the page's title, address and
  opening.

Both are logistic regressions on a sentence embedding (plus, for notes, a few cues of form: how long
the passage is, whether it states a figure, names something, leads with a label and a colon), trained
by ``bench/train_provenance.py`` on passages written for them in many industries and page styles
(``data/source_notes.jsonl``, ``data/page_kinds.jsonl``; provenance in ``data/README.md``); the
weights ship as ``data/provenance.json``. Neither is trained on any labelled corpus. With no weights
file neither decides anything.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.model import Entry

from .linear import Linear, read_weights

WEIGHTS = Path(__file__).with_name("data") / "provenance.json"
ENV = "CANON_PROVENANCE_WEIGHTS"

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_MARKUP = re.compile(r"^[\s>*_#(\-–—]+|[\s*_)]+$")
_FIGURE = re.compile(r"[%$€£¥₹]|\d+(?:[.,]\d+)?\s*(?:per ?cent|x\b)", re.I)
_NAMES = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w&'’-]+|\b(?:19|20)\d{2}\b")
# A note says where figures come from; one that states a share or an amount is a claim or a price
# itself ("Based on Gartner data, 60% of buyers ...", "Pricing: $45 per user")
_SHARE_OR_MONEY = re.compile(r"[%$€£¥₹]|\bper ?cent\b|\b(?:R|Rs|CA|NZ|S|A|US)\$?\s?\d", re.I)
_LABEL = re.compile(r"^[A-Za-z][\w -]{0,24}:\s")
_WORD = re.compile(r"\w+")
# Embedded with the weights and again at run time: the weights apply only in the space they were trained in
PROBE = "Figures supplied by the customer's finance team, 2025."
# A passage longer than this is prose, not a note
MAX_NOTE_CHARS = 300
# How much of a page's opening the page-kind model reads: none. Its title and address tell the kind;
# an opening (120 or 300 characters) read real customer stories that open on the company's history
# as "about us" pages, and cost a right finding on the case studies
OPENING_CHARS = 0


def clean(text: str) -> str:
    """A passage as a reader sees it: tags and emphasis marks gone, spaces folded."""
    return _MARKUP.sub("", " ".join(_TAG.sub(" ", text).split())).strip()


def note_cues(text: str) -> dict[str, float]:
    """Cues of form for one passage (already cleaned); the same for the written data and for pages."""
    words = len(_WORD.findall(text))
    return {
        "cue:words": min(words, 40) / 40.0,
        "cue:figure": 1.0 if _FIGURE.search(text) else 0.0,
        "cue:names": 1.0 if _NAMES.search(text) else 0.0,
        "cue:label": 1.0 if _LABEL.match(text) else 0.0,
        "cue:sentence": 1.0 if text.rstrip().endswith((".", ".)")) else 0.0,
    }


@dataclass(frozen=True)
class Note:
    text: str  # cleaned
    line: int
    end_line: int
    scope: tuple[int, int] | None  # the lines it sources; None: the whole page


def note_candidates(entry: Entry) -> list[Note]:
    """Passages of ``entry`` short enough to be a note on its figures, each with its scope: the table
    right above it, or the page. A paragraph of its own, or one line of HTML (a converted page joins
    a table and the ``<p>`` under it into one paragraph)."""
    out: list[Note] = []
    lines = entry.body.split("\n")

    def raw(n: int) -> str:
        i = n - entry.body_line
        return lines[i] if 0 <= i < len(lines) else ""

    def html_table_above(n: int) -> tuple[int, int] | None:
        k = n - 1
        while k >= entry.body_line and not raw(k).strip():
            k -= 1
        if not re.search(r"</table>\s*$", raw(k), re.I):
            return None
        j = k
        while j >= entry.body_line and not re.search(r"<table\b", raw(j), re.I):
            j -= 1
        return (max(j, entry.body_line), k)

    prev = None
    for b in entry.blocks:
        if raw(b.line).lstrip().startswith("[^"):
            prev = b
            continue  # footnotes: each sources the figures that mark it, not the page
        html = b.end_line > b.line and any(raw(n).lstrip().startswith("<") for n in range(b.line, b.end_line + 1))
        if b.kind == "paragraph" and len(b.text) <= MAX_NOTE_CHARS and not html:
            text = clean(b.text)
            if len(_WORD.findall(text)) >= 2 and not _SHARE_OR_MONEY.search(text):
                scope = (prev.line, prev.end_line) if prev is not None and prev.kind == "table" else None
                out.append(Note(text, b.line, b.end_line, scope or html_table_above(b.line)))
        elif html:
            for n in range(b.line, b.end_line + 1):
                line = raw(n)
                if not line.lstrip().startswith("<") or "</table>" in line.lower():
                    continue
                text = clean(line)
                if 4 <= len(_WORD.findall(text)) and len(text) <= MAX_NOTE_CHARS and not _SHARE_OR_MONEY.search(
                        text) and not re.search(
                        r"<t[dhr]\b", line, re.I):
                    out.append(Note(text, n, n, html_table_above(n)))
        prev = b
    return out


def page_text(entry: Entry, chars: int = OPENING_CHARS) -> str:
    """What the page-kind model reads: the title, the address the page is published at (its front
    matter's ``permalink``, ``url`` or ``slug``, else its path) and its opening."""
    where = next((v for v in map(entry.extra.get, ("permalink", "url", "slug")) if isinstance(v, str) and v), None)
    path = where or "/" + re.sub(r"\.[A-Za-z]+$", "", entry.path)
    opening = " ".join(clean(b.text) for b in entry.blocks[:6] if b.kind != "table")
    head = f"{clean(entry.title or '')} | {path}"
    return f"{head} | {opening[:chars]}" if chars and opening else head


Model = Linear  # one logistic regression: cue weights, vector weights, bias, and the cut


@dataclass(frozen=True)
class Models:
    note: Model | None
    page: Model | None
    meta: dict[str, object]
    probe: tuple[str, tuple[float, ...]] | None = None  # a text and its vector's head, as trained

    def same_space(self, vectors: Callable[[Sequence[str]], Any]) -> bool:
        """Whether ``vectors`` embeds as the model the weights were trained with did (else the weights
        read noise: a test's fake embedder, another model), told by one probe text."""
        if self.probe is None:
            return True
        text, head = self.probe
        v = [float(x) for x in vectors([text])[0][:len(head)]]
        dot = math.fsum(a * b for a, b in zip(v, head, strict=True))
        norm = math.sqrt(math.fsum(a * a for a in v) * math.fsum(b * b for b in head))
        return norm > 0 and dot / norm > 0.99


def load() -> Models | None:
    """The shipped weights (or those ``CANON_PROVENANCE_WEIGHTS`` names, for held-out runs); None when
    there are none."""
    return _load(os.environ.get(ENV) or str(WEIGHTS))


def _model(d: dict[str, object] | None) -> Model | None:
    return Linear.of(d) if d else None


@lru_cache(maxsize=4)
def _load(name: str) -> Models | None:
    data = read_weights(name)
    if data is None:
        return None
    probe = data.get("probe")
    return Models(note=_model(data.get("note")), page=_model(data.get("page")), meta=dict(data.get("meta", {})),
                  probe=(str(probe["text"]), tuple(float(x) for x in probe["head"])) if probe else None)
