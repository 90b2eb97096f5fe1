"""What of an entry gets embedded: its title and opening, its sections, its metrics, its examples,
and the masked sentence around each claim (used by the audit to tell measures apart).

Sections are cut at about ``MAX_WORDS`` words so that no chunk runs past the model's 256-token
window, where it would be silently truncated.
"""

from __future__ import annotations

import hashlib
import os
import re

from knowledge.model import Block, Call, Entry
from knowledge.store import Chunk, text_key
from knowledge.units import describe

MAX_WORDS = 150



def _claims_version() -> str:
    """Claims are read when a file is parsed: a change to the extractor, its word lists, its
    weights, the Markdown reader or the front matter reader parses every file again, as a new
    chunker does."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "knowledge"
    h = hashlib.sha1()
    override = os.environ.get("CANON_CLAIMNESS_WEIGHTS")  # other weights (leave-one-corpus-out runs)
    # the readers that cut files into the text claims are read from: Markdown (which also attaches
    # footnotes and table notes) and calls (turns and sentences); and the front matter reader, whose
    # invalid-entry findings are kept in the index with the file (a new check must reach old indexes)
    attach = [Path(__file__).resolve().parent / name for name in ("_markdown.py", "calls.py", "kb.py")]
    for p in sorted([*(root / "claims").rglob("*"), *(root / "text").rglob("*")]) + attach + ([Path(override)] if override else []):
        if p.is_file() and p.suffix in (".py", ".yaml", ".json", ".npz"):
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


# Bump when what a file is parsed or cut into changes: the next ingest then re-parses every file
# (vectors already cached are reused, so only new texts are embedded).
CHUNKER_VERSION = "9." + _claims_version()


def _chunk_id(path: str, kind: str, line: int, text: str) -> str:
    return hashlib.sha1(f"{path}\x00{kind}\x00{line}\x00{text}".encode()).hexdigest()


def _make(entry: Entry, kind: str, line: int, end_line: int, section: str, text: str, model: str) -> Chunk:
    return Chunk(id=_chunk_id(entry.path, kind, line, text), record_id=entry.id, path=entry.path, kind=kind,
                 line=line, end_line=end_line, section=section, text=text, vector_key=text_key(model, text))


# A question that opens a block: "Q: ...", "Question: ...", or a first sentence ending in "?"
# within its first words ("**How is it billed?** Per seat ..." or a list item "Is there a size
# limit? No, ...").
_QA_MARK = re.compile(r"(?:Q|Question|FAQ)\s*[:.)-]\s", re.I)
_FIRST_SENTENCE = re.compile(r"[^.!?]{3,300}\?(?=\s|$)")
_QUESTION_WORDS = 40


def opens_with_question(text: str) -> bool:
    """Whether a block starts with a question: in an FAQ each question and its answer is one
    passage, so that the nearest passage to a question is its answer, not five answers at once."""
    t = text.lstrip()
    if _QA_MARK.match(t):
        return True
    m = _FIRST_SENTENCE.match(t)
    return m is not None and len(m.group(0).split()) <= _QUESTION_WORDS


_QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")


def _answers_itself(text: str) -> bool:
    """Whether a block holds an answer besides its questions ("Q: ...? A: No, ...")."""
    rest = _QUESTION_SENTENCE.sub(" ", _QA_MARK.sub(" ", text))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) >= 3


def _next_question(current: list[Block], b: Block) -> bool:
    """Whether ``b`` opens the next question of an FAQ. Not under a heading that is itself the
    question (a question in its answer is rhetorical: "Well, how often do you search?"), not in a
    quoted block, and not before the current passage has any answer text."""
    if b.kind not in ("paragraph", "list_item") or not opens_with_question(b.text):
        return False
    if b.kind == "list_item" and not _answers_itself(b.text):
        return False  # a list of open questions ("Needs answer") answers none of them: kept together
    if current[0].kind == "heading" and current[0].text.rstrip().endswith("?"):
        return False
    return any(x.kind != "heading" for x in current)


# A paragraph that is nothing but bold text ("**I don't want to retrain**") is a heading in all but
# markup: handbooks set objections, FAQ questions and customer names that way. It starts a passage
# as a heading does, so that its answer is not glued to the end of the previous one.
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*:?\s*$")
_BOLD_WORDS = 25


def _raw_line(entry: Entry | None, b: Block) -> str:
    if entry is None or not entry.body:
        return ""
    lines = entry.body.split("\n")
    i = b.line - entry.body_line
    return lines[i] if 0 <= i < len(lines) else ""


def is_bold_heading(entry: Entry | None, b: Block) -> bool:
    """Whether a one-line paragraph is set in bold alone (a heading in all but markup)."""
    if b.kind != "paragraph" or b.line != b.end_line or len(b.text.split()) > _BOLD_WORDS:
        return False
    return _BOLD_LINE.match(_raw_line(entry, b)) is not None


def _table_windows(b: Block) -> list[Block]:
    """A table longer than ``MAX_WORDS`` as windows of whole rows, each led by the header row:
    cut by words, a row (one customer, one objection and its answer) was split across two
    passages, and every window after the first lost the column names that say what a cell is."""
    rows = b.text.split("\n")
    if len(b.text.split()) <= MAX_WORDS or len(rows) < 3:
        return [b]
    header, body = rows[0], rows[1:]
    out: list[Block] = []
    cur: list[str] = []
    first = 0
    budget = MAX_WORDS - len(header.split())
    for k, row in enumerate(body):
        n = len(row.split())
        if cur and sum(len(r.split()) for r in cur) + n > budget:
            out.append(_window(b, header, cur, first))
            cur, first = [], k
        cur.append(row)
    if cur:
        out.append(_window(b, header, cur, first))
    return out


def _window(b: Block, header: str, rows: list[str], first: int) -> Block:
    # A pipe table's row k (after the header and the delimiter row) is on line b.line + k + 2.
    line = min(b.line + first + 2, b.end_line)
    end = min(b.line + first + len(rows) + 1, b.end_line)
    return Block(kind="table", text="\n".join([header, *rows]), line=line, end_line=end, section=b.section)


def _sections(blocks: list[Block], entry: Entry | None = None) -> list[list[Block]]:
    """Blocks grouped into passages: a heading starts one, as does a paragraph set in bold alone
    or a block opening with a question (an FAQ's question and answer), and none runs past
    ``MAX_WORDS`` (a long table is cut between rows)."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    words = 0
    for whole in blocks:
        if whole.kind == "code":
            continue
        for b in _table_windows(whole) if whole.kind == "table" else [whole]:
            n = len(b.text.split())
            starts = b.kind == "heading" or (is_bold_heading(entry, b) and any(x.kind != "heading" for x in current))
            if current and (starts or words + n > MAX_WORDS or _next_question(current, b)):
                groups.append(current)
                current, words = [], 0
            current.append(b)
            words += n
    if current:
        groups.append(current)
    return groups


def entry_chunks(entry: Entry, model: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    title = entry.title or entry.id
    first_para = next((b for b in entry.blocks if b.kind in ("paragraph", "list_item")), None)
    opening = f"{title}. {first_para.text}" if first_para else title
    opening = " ".join(opening.split()[:MAX_WORDS])
    first_line = first_para.line if first_para else entry.body_line
    chunks.append(_make(entry, "title", first_line, first_para.end_line if first_para else first_line, "", opening, model))
    for group in _sections(entry.blocks, entry):
        body = [b for b in group if b.kind != "heading"]
        if not body:
            continue
        section = group[0].section or (group[0].text if group[0].kind == "heading" else "")
        head = f"{title}: "
        text = " ".join(b.text for b in group)
        words = text.split()
        if len(words) > MAX_WORDS:  # one huge block: cut it into windows
            for i in range(0, len(words), MAX_WORDS):
                part = " ".join(words[i:i + MAX_WORDS])
                chunks.append(_make(entry, "section", group[0].line, group[-1].end_line, section, head + part, model))
        else:
            chunks.append(_make(entry, "section", group[0].line, group[-1].end_line, section, head + text, model))
    for m in entry.metrics:
        line = m.line or entry.line_of("metrics")
        # The figure itself, in words, belongs in the text: "how much time ..." should meet
        # "9 hours", not only the metric's name.
        figure = describe(m.value, m.unit) + (f" ({m.qualifier})" if m.qualifier else "")
        text = f"{title}: {m.name}: {figure}"
        chunks.append(_make(entry, "metric", line, line, m.id, text, model))
    for i, example in enumerate(entry.examples):
        line = entry.key_lines.get(f"examples[{i}]", entry.line_of("examples"))
        chunks.append(_make(entry, "example", line, line, "", example, model))
    for c in entry.claims:
        if c.masked:
            chunks.append(_make(entry, "claim", c.line, c.end_line, f"{c.line}:{c.column}", c.masked, model))
    # The other texts the audit compares figures by (a metric's name in its entry, a claim's table
    # row or lead-in sentence): embedded now, so that an audit of an up-to-date index embeds nothing.
    from knowledge.figures import claim_contexts

    for m in entry.metrics:
        line = m.line or entry.line_of("metrics")
        chunks.append(_make(entry, "context", line, line, m.id, f"{title}: {m.name}", model))
    for text in claim_contexts(entry):
        chunks.append(_make(entry, "context", entry.body_line, entry.body_line, "", text, model))
    # What unsourced-claim asks of a page with no sources: its candidate source notes and its head
    # (knowledge.claims.provenance), embedded now for the same reason.
    if not entry.sources and entry.claims:
        from knowledge.claims import provenance

        for text in [n.text for n in provenance.note_candidates(entry)] + [provenance.page_text(entry)]:
            chunks.append(_make(entry, "context", entry.body_line, entry.body_line, "", text, model))
    return _dedupe(chunks)


def _dedupe(chunks: list[Chunk]) -> list[Chunk]:
    seen: set[str] = set()
    out = []
    for c in chunks:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out


# Chunks of these kinds go to Chroma for search; "claim" chunks only need a cached vector.
SEARCHABLE = frozenset({"title", "section", "metric", "example", "turn"})


def call_chunks(call: Call, model: str) -> list[Chunk]:
    """What objection finding reads of a call, and the figures reps quote.

    Prospects' sentences that pass the objection prefilter get an "utterance" chunk (vector only),
    each turn holding one a searchable "turn" chunk (its context), and a short turn that may
    follow an objection up an "utterance" chunk of its own; nothing else a prospect says is
    embedded, so small talk and logistics cost no model time. Figures quoted by everyone but
    prospects get a claim chunk like an entry's.
    """
    from knowledge.claims import extract_claims
    from knowledge.objections import call_texts

    chunks: list[Chunk] = []
    turn_speaker = {t.line: t.speaker for t in call.turns}
    for kind, line, text in call_texts(call):
        chunks.append(Chunk(id=_chunk_id(call.path, kind, line, text), record_id=call.path, path=call.path,
                            kind=kind, line=line, end_line=line, section=turn_speaker.get(line, ""), text=text,
                            vector_key=text_key(model, text)))
    for t in call.turns:
        if t.role != "external":
            for s in t.sentences:
                for c in extract_claims(s.text, first_line=s.line, first_column=s.column):
                    if c.masked:
                        chunks.append(Chunk(id=_chunk_id(call.path, "claim", c.line, c.masked), record_id=call.path,
                                            path=call.path, kind="claim", line=c.line, end_line=c.end_line,
                                            section=f"{c.line}:{c.column}", text=c.masked,
                                            vector_key=text_key(model, c.masked)))
    from knowledge.figures import call_claim_contexts

    for text in call_claim_contexts(call):
        chunks.append(Chunk(id=_chunk_id(call.path, "context", 0, text), record_id=call.path, path=call.path,
                            kind="context", line=1, end_line=1, section="", text=text,
                            vector_key=text_key(model, text)))
    return _dedupe(chunks)
