"""Does the seller's reply tell a rightly absorbed objection from a new concern filed under a known one?

For every mention that ``canon objections`` puts under a known objection entry, the seller's reply
(the turns after it, up to the prospect's next turn) is compared with what the KB says in answer to
each entry: the entry's own passages and those of the approved entries naming it in ``answers:``.
Mentions labelled with that entry are the positives, mentions labelled ``new:`` (a concern no
entry holds, filed under one) the negatives; the script prints the AUC of each signal per corpus.

    python bench/objection_replies.py --corpus northwind --corpus examples --corpus quayside

Real model. Prints figures; asserts nothing. Not for the final exam.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.accuracy import CORPORA, indexed  # noqa: E402
from knowledge.model import Call, Entry, Turn  # noqa: E402
from knowledge.objections.phrasings import entry_texts  # noqa: E402
from knowledge.objections.prefilter import MAX_WORDS, clean, eligible  # noqa: E402
from tests.scoring import find_mention, labelled_mentions  # noqa: E402

if TYPE_CHECKING:
    from knowledge.store import Chunk


# A seller who has no answer to hand: generic B2B wordings, none taken from a scored call.
DEFERRALS = (
    "I don't have an answer for that right now, let me check and get back to you.",
    "Let me take that back to the team and follow up by email.",
    "That's a good question, I'll need to find out and come back to you.",
    "I'll have our specialist reach out to you about that.",
    "I'm not sure, I'd have to ask our product people.",
    "Let me note that down and send you something after the call.",
)


def reply_turns(call: Call, turn: int) -> list[Turn]:
    """The seller's reply to the prospect's turn ``turn``: the turns after it up to the next
    prospect turn (when the call does not say who is who, up to the same speaker's next turn)."""
    asker = call.turns[turn]
    out: list[Turn] = []
    for t in call.turns[turn + 1:]:
        if t.speaker == asker.speaker or (call.roles_known and eligible(call, t)):
            break
        out.append(t)
    return out


def reply_text(call: Call, turn: int, turns: int | None = None) -> str:
    """The reply (its first ``turns`` turns) cleaned and cut to the context length; "" when
    nobody replies."""
    words: list[str] = []
    for t in reply_turns(call, turn)[:turns]:
        words.extend(clean(t.text).split())
        if len(words) >= MAX_WORDS:
            break
    return " ".join(words[:MAX_WORDS])


def reply_sentences(call: Call, turn: int) -> list[str]:
    """The reply's sentences, cleaned, the empty ones left out."""
    out: list[str] = []
    for t in reply_turns(call, turn):
        for s in t.sentences or []:
            text = " ".join(clean(s.text).split()[:MAX_WORDS])
            if text:
                out.append(text)
    return out


def answer_texts(objection_entries: Sequence[Entry], entries: Sequence[Entry],
                 chunks: dict[str, list[Chunk]] | None, own_sections: bool = True) -> list[list[str]]:
    """For each objection entry, the passages that answer it in the KB: its own sections (how to
    respond to it; left out when not ``own_sections``) and the passages of the approved entries
    naming it in ``answers:``."""
    out: list[list[str]] = []
    for e in objection_entries:
        own = entry_texts(e, chunks.get(e.path, []) if chunks is not None else None)
        texts = list(own.get("section", [])) if own_sections else []
        for a in entries:
            if a.approved and a.type != "objection" and e.id in a.answers:
                theirs = entry_texts(a, chunks.get(a.path, []) if chunks is not None else None)
                texts.extend(theirs.get("title", []) + theirs.get("section", []))
        out.append(texts)
    return out


def auc(pos: list[float], neg: list[float]) -> float | None:
    """Probability that a positive scores above a negative (ties count half)."""
    if not pos or not neg:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def rows_for(name: str, work: Path) -> list[dict[str, Any]]:
    import numpy as np

    from knowledge.indexed import Vectors, load_indexed_calls, load_indexed_kb
    from knowledge.objections import analyze
    from knowledge.objections.detect import _prototype_vectors
    from knowledge.store import open_catalog

    ix = indexed(name, work)
    corpus, settings = ix.corpus, ix.settings
    catalog = open_catalog(settings)
    try:
        kbase = load_indexed_kb(settings, catalog)
        calls, _ = load_indexed_calls(settings, catalog)
        vecs = Vectors(settings, None, catalog)
        chunks = [c for c in catalog.chunks() if c.kind in ("example", "title", "section")]
        result = analyze(calls, kbase.entries, vecs, chunks=chunks, prototypes=_prototype_vectors(vecs))
        by_path: dict[str, list[Any]] = {}
        for c in catalog.chunks():
            by_path.setdefault(c.path, []).append(c)
        entries = [e for e in kbase.entries if e.type == "objection" and e.status != "retired"]
        answers = answer_texts(entries, kbase.entries, by_path)
        # The KB's answer to each entry, and its phrasings of the objection, as vectors.
        A = [vecs(t) if t else np.zeros((0, vecs.dim), np.float32) for t in answers]
        L = [vecs(t) if t else np.zeros((0, vecs.dim), np.float32)
             for t in answer_texts(entries, kbase.entries, by_path, own_sections=False)]
        P = []
        for e in entries:
            own = entry_texts(e, by_path.get(e.path, []))
            P.append(vecs(own.get("example", []) + own.get("title", [])))
        calls_by = {c.path: c for c in calls}
        labelled = labelled_mentions(corpus.labels)
        index = {e.id: j for j, e in enumerate(entries)}
        rows: list[dict[str, Any]] = []
        D = vecs(list(DEFERRALS))
        for o in result.objections:
            if not o.known or o.id not in index:
                continue
            j = index[o.id]
            for m in o.mentions:
                t = find_mention(labelled, m.call, m.line)
                if t is None:
                    continue
                kind = "right" if t.objection == o.id else "new" if t.new else "other"
                call = calls_by[m.call]
                reply = reply_text(call, m.turn)
                # Variants measured beside the whole reply: its first turn alone, and its
                # sentences one by one (an opening "Understood." dilutes the turn's vector).
                first = reply_text(call, m.turn, turns=1)
                sents = reply_sentences(call, m.turn)
                row: dict[str, Any] = {"call": m.call, "line": m.line, "kind": kind, "entry": o.id,
                                       "reply": reply, "match": m.match}
                if reply:
                    rv = vecs([reply])[0]
                    s_ans = np.asarray([float((a @ rv).max()) if len(a) else -1.0 for a in A])
                    s_phr = np.asarray([float((p @ rv).max()) if len(p) else -1.0 for p in P])
                    both = np.maximum(s_ans, s_phr)
                    others = np.delete(s_ans, j)
                    fv = vecs([first])[0]
                    f_ans = np.asarray([float((a @ fv).max()) if len(a) else -1.0 for a in A])
                    SV = vecs(sents) if sents else rv[None, :]
                    x_ans = np.asarray([float((a @ SV.T).max()) if len(a) else -1.0 for a in A])
                    row.update(
                        first=float(f_ans[j]), first_top=bool(int(f_ans.argmax()) == j),
                        sent=float(x_ans[j]), sent_top=bool(int(x_ans.argmax()) == j),
                        sent_margin=float(x_ans[j] - np.delete(x_ans, j).max()) if len(x_ans) > 1 else 0.0,
                        ans=float(s_ans[j]), phr=float(s_phr[j]), both=float(both[j]),
                        ans_margin=float(s_ans[j] - (others.max() if len(others) else -1.0)),
                        ans_any=float(s_ans.max()),
                        linked=float((L[j] @ rv).max()) if len(L[j]) else -1.0,
                        linked_top=bool(len(L[j]) and int(np.asarray(
                            [float((x @ rv).max()) if len(x) else -1.0 for x in L]).argmax()) == j),
                        # Deferring supports a new concern, so it counts against absorption.
                        defer=-float((D @ SV.T).max()),
                        ans_top=bool(int(s_ans.argmax()) == j), both_top=bool(int(both.argmax()) == j),
                        ans_rank=int((s_ans > s_ans[j]).sum()),
                    )
                rows.append(row)
        return rows
    finally:
        catalog.close()


def leave_one_out(dump: dict[str, list[dict[str, Any]]]) -> None:
    """A rule fitted on all corpora but one, scored on that one: a mention leaves its entry (to
    stay new) when ``match + w * signal`` is under ``t``; (w, t) maximise, on the corpora fitted
    on, the new-concern mentions taken out minus the rightly placed ones taken out."""
    ws = (0.0, 0.5, 1.0, 2.0)
    ts = tuple(x / 100 for x in range(20, 80, 2))

    def effect(rows: list[dict[str, Any]], key: str, w: float, t: float) -> tuple[int, int]:
        out = [r for r in rows if "ans" in r and r["match"] + w * float(r[key]) < t]
        return sum(r["kind"] == "right" for r in out), sum(r["kind"] == "new" for r in out)

    print("\nleave one corpus out (w, t fitted on the others; right out / new out on the one left):")
    for key in ("ans", "ans_margin", "sent_margin", "first"):
        for test in dump:
            fit = [c for c in dump if c != test]

            def gain(wt: tuple[float, float], corpora: list[str] = fit, key: str = key) -> tuple[int, float]:
                right_out, new_out = (sum(x) for x in zip(*(effect(dump[c], key, *wt) for c in corpora), strict=True))
                return new_out - right_out, -wt[1]

            w, t = max(((w, t) for w in ws for t in ts), key=gain)
            right_out, new_out = effect(dump[test], key, w, t)
            best_alone = max(gain((w2, t2), [test])[0] for w2 in ws for t2 in ts)
            print(f"  {key:<11} left out {test:<10} w {w} t {t:.2f}: fitted net {gain((w, t))[0]:+d}; "
                  f"left out: {right_out} right out, {new_out} new out (best in-sample net {best_alone:+d})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", choices=sorted(c for c in CORPORA if c != "larkspur"))
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--show", action="store_true", help="a line per absorbed mention")
    ap.add_argument("--json", type=Path, help="write every absorbed mention's figures here")
    args = ap.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / "canon-accuracy" / hashlib.sha1(str(REPO).encode()).hexdigest()[:8]
    dump: dict[str, Any] = {}
    for name in args.corpus or ["northwind", "examples", "quayside"]:
        rows = rows_for(name, work)
        dump[name] = rows
        right = [r for r in rows if r["kind"] == "right"]
        new = [r for r in rows if r["kind"] == "new"]
        wrong = [r for r in rows if r["kind"] != "right"]
        print(f"\n[{name}] absorbed mentions: {len(right)} right, {len(new)} new concern, "
              f"{sum(r['kind'] == 'other' for r in rows)} under another known entry; "
              f"without a reply: {sum(not r['reply'] for r in right)} right, {sum(not r['reply'] for r in new)} new")
        for key in ("match", "ans", "phr", "both", "ans_margin", "ans_top", "both_top", "first", "first_top",
                    "sent", "sent_top", "sent_margin", "ans_any", "defer", "linked", "linked_top"):
            pos = [float(r[key]) for r in right if key in r]
            neg = [float(r[key]) for r in new if key in r]
            a = auc(pos, neg)
            b = auc(pos, [float(r[key]) for r in wrong if key in r])
            med = (f"median right {sorted(pos)[len(pos) // 2]:.3f}, new {sorted(neg)[len(neg) // 2]:.3f}"
                   if pos and neg else "")
            print(f"  {key:<11} AUC right/new {'n/a' if a is None else f'{a:.3f}'}  "
                  f"right/any wrong {'n/a' if b is None else f'{b:.3f}'}  {med}")
        if args.show:
            for r in rows:
                print(f"    {r['kind']:<5} {r['entry']:<32} {r['call']}:{r['line']} match {r['match']:.2f} "
                      f"ans {r.get('ans', float('nan')):.2f} top {r.get('ans_top')} rank {r.get('ans_rank')}  "
                      f"{r['reply'][:70]}")
    if len(dump) > 2:
        leave_one_out(dump)
    if args.json:
        import json

        args.json.write_text(json.dumps(dump, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
