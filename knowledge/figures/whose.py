"""Whose figure a rep's count or amount is, when a second person stands in its clause: a small
logistic model over general-English cues.

Main reads every count or amount a rep says with "you"/"your" in its clause as the listener's own
figure and drops it, so a rep's wrong promise ("with Tickwell your bench would turn round forty clocks
a week") is never compared with its registered metric. Seven hand-written readings each mended about
as many reviewed cases as the next review found broken; this model weighs the same kinds of cue
(where the second person stands against the figure, modals and their negation, our side named, past
time and past tense, price, cost and loss words, the second person as the payer of a cost, our side as the subject of a verb that takes a
clause, reporting verbs, questions and hypotheticals, a name
after with/on that is not ours) from the reviewers' labelled cases (``bench/train_whose.py``).

The weights and their provenance are in ``whose.json`` beside this file (the fourth fit's: no fit has
yet met its rule and its review, bench/ACCURACY.md, so ``MODE`` is ``"main"``); without it, or while
``MODE`` is ``"main"``, main's reading holds (every such figure is the listener's). ``MODE`` is also
how the trainer reads every such figure as ours (``"open"``) to label what each would draw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.claims.linear import Linear, load_linear, read_weights

WEIGHTS = Path(__file__).with_name("whose.json")
# "main": main's reading (the listener's); "model": the fitted model decides; "open": every such figure
# is read as ours (the trainer's labelling run only)
MODE = "main"
# what the trainer's labelling run saw: (sentence, line, cues) of every gated figure
SEEN: list[tuple[str, int, dict[str, float]]] = []

_YOU = r"(?:you|your|you're|you’re|yours|you've|you’ve|you'd|you’d|you'll|you’ll)"
_WE = re.compile(r"\b(?:we|we're|we’re|we've|we’ve|we'll|we’ll|we'd|we’d|our|ours|us)\b", re.I)
_MODALS = {"would": r"would|['’]d", "will": r"will|['’]ll", "could": r"could", "can": r"can",
           "should": r"should", "might": r"might|may"}
_NEGATED = re.compile(r"\b(?:won['’]t|wouldn['’]t|couldn['’]t|can['’]t|cannot|shouldn['’]t|not|never)\b", re.I)
_PAST_TIME = re.compile(
    r"\b(?:last|ago|before|previously|used to|back in|back then|since|earlier|in (?:19|20)\d\d|(?:19|20)\d\d"
    r"|yesterday|formerly|until|till)\b", re.I)
_NOW_TIME = re.compile(r"\b(?:now|currently|at the moment|at the minute|right now|today|these days|at present)\b",
                       re.I)
_FUTURE_TIME = re.compile(r"\b(?:by|within|in (?:a|the) (?:first|next)|next|soon|once|after switching)\b", re.I)
# past forms of common irregular verbs, from general knowledge of English
_IRREGULAR_PAST = frozenset((
    "was were had did made took got went came ran sold bought paid spent sent lost saw said told thought knew "
    "built brought caught fought found gave grew held kept left led lent meant met put read rode rang rose "
    "set shot shut sang sat slept spoke stood stole struck swam swept taught tore threw understood woke wore "
    "won wrote done gone taken given seen known grown shown sewn sown thrown drawn driven written ridden "
    "risen spoken stolen broken chosen frozen woken worn torn begun run sung swum drunk shrunk stuck hung "
    "fed bled bred fled sped dealt felt dug cut hit hurt let quit shed split spread burst cast cost fit"
).split())
_PAST_PERFECT = re.compile(r"\b(?:had|['’]d)\s+(?:already\s+|just\s+|only\s+|been\s+)?([a-z]+)", re.I)
_PRICE = re.compile(r"\b(?:pay|paying|paid|price|priced|pricing|cost|costs|costing|charge|charges|charged|fee|fees"
                    r"|plan|subscription|licen[cs]e|invoice[ds]?|bill|quote[ds]?|per seat|per user)\b", re.I)
# the second person as the object or the payer of a cost or payment verb: the figure is the listener's cost
_YOU_PAY = re.compile(
    r"\b(?:costs?|costing|charges?|charging|charged|bills?|billing|billed)\s+you\b|\b(?:sets?|setting)\s+you\s+back\b"
    r"|\b(?:you|you['’](?:re|ve|d|ll))\s+(?:(?:are|were|be|been|currently|already|still|now|probably|usually"
    r"|typically|then)\s+){0,2}(?:pay|pays|paying|paid|spend|spending|spent)\b", re.I)
# our side as the subject of a reporting or cognition verb that takes a clause ("we worked out that",
# "we reckon", "we found"): the figure belongs to the clause after the verb, not to our side
_REPORT_VERB = (r"(?:worked\s+out|work\s+out|worked\s+it\s+out|figured(?:\s+out)?|figure(?:\s+out)?"
                r"|calculated?|calculate|reckon(?:ed)?|found|find|think|thought|estimated?|saw|see|noticed?"
                r"|believe[ds]?|guess(?:ed)?|knew|know)")
_WE_SUBJECT = r"(?:we|we['’](?:ve|d))"
_BETWEEN_VERB = r"(?:\s+(?:have|had|all|just|actually|also|already|quickly|roughly|basically|then))*"


@lru_cache(maxsize=64)
def _reckon_pattern(ours: re.Pattern[str] | None) -> re.Pattern[str]:
    """Our side (we, or the KB's own names) as the subject of a verb that takes a clause."""
    subject = _WE_SUBJECT + (f"|(?:{ours.pattern})" if ours is not None else "")
    return re.compile(rf"\b(?:{subject}){_BETWEEN_VERB}\s+{_REPORT_VERB}\b(?:\s+that\b)?", re.I)


def _after_reckon(text: str, ours: re.Pattern[str] | None) -> tuple[str, bool]:
    """``text`` from after the last our-side reporting verb ahead of ``[NUM]`` (and whether one stood
    there): words of ours before it do not name the figure."""
    at = text.find("[NUM]")
    hits = [m for m in _reckon_pattern(ours).finditer(text) if at < 0 or m.end() <= at]
    return (text[hits[-1].end():], True) if hits else (text, False)


_SAVE = re.compile(r"\b(?:save|saves|saving|savings|cut|cuts|reduce|reduces|off|less|fewer|more|extra|up)\b", re.I)
_LOSS = re.compile(r"\b(?:lose|losing|lost|loss|losses|waste|wasting|wasted|leak\w*|throwing away|burn\w*)\b", re.I)
_REPORTING = re.compile(r"\b(?:told|tell|tells|said|say|says|claimed|claims|promised|promises|reckon|reckons"
                        r"|reckoned|quoted|mentioned|quote|pitched|advertised|according to)\b", re.I)
_QUESTION_OPENER = re.compile(r"^\W*(?:(?:so|and|but|ok(?:ay)?|right|now)\W+)?(?:do|does|did|are|is|was|were"
                              r"|would|could|can|have|has|how|what|which|when|roughly how)\b", re.I)
_TAG_QUESTION = re.compile(r"\b(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t|didn['’]t|don['’]t|won['’]t|wouldn['’]t"
                           r"|haven['’]t|hasn['’]t|right|yeah)\s*(?:it|they|you|he|she|we|there)?\s*\W*$", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:if|say|suppose|supposing|assuming|imagine|let['’]s say|hypothetically)\b", re.I)
_RECAP = re.compile(r"^\W*(?:so|right|okay|ok|yeah|and)\b|\byou (?:said|mentioned|told)\b", re.I)
_NAME_AFTER_WITH = re.compile(r"\b(?:with|on|using|via|from|through)\s+([A-Z][\w'’-]+)")
_GROUP = re.compile(r"\b(?:most|other|others|typical|average|customers?|clients?|shops?|firms?|companies|businesses)"
                    r"\b", re.I)
_WORD = re.compile(r"[A-Za-z'’]+")


def our_names(names: Iterable[str]) -> re.Pattern[str] | None:
    """The names our side goes by (the KB's own name and product names), matched in any case."""
    kept = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, kept)) + r")\b", re.I) if kept else None


def span(masked: str) -> str:
    """The spoken span holding the figure: the sentence cut only at semicolons and dashes (a
    transcript's commas fall anywhere)."""
    i = max(0, masked.find("[NUM]"))
    start = max(masked.rfind(c, 0, i) for c in ";—–")
    ends = [j for j in (masked.find(c, i) for c in ";—–") if j >= 0]
    return masked[start + 1: min(ends) if ends else len(masked)]


def _ours(text: str, ours: re.Pattern[str] | None) -> bool:
    """Whether ``text`` names our side: we/our/us or one of the KB's own names (``ours``)."""
    return bool(_WE.search(text) or (ours is not None and ours.search(text)))


def _past_tense(text: str) -> bool:
    """Whether ``text`` holds a verb in the past: a past perfect, an irregular past or a word in -ed
    after a subject pronoun."""
    if any(m.group(1).lower() in _IRREGULAR_PAST or m.group(1).lower().endswith(("ed", "en"))
           for m in _PAST_PERFECT.finditer(text)):
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    return any(w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4) for w in words)


def _modal_cues(between: str, prefix: str) -> dict[str, float]:
    """Which modal stands between the second person and the figure, and whether it is negated."""
    out: dict[str, float] = {}
    for name, pattern in _MODALS.items():
        if re.search(rf"(?:\b(?:{pattern})\b|(?<=\w)(?:{pattern})\b)", between, re.I):
            out[f"{prefix}modal_{name}"] = 1.0
    if _NEGATED.search(between):
        out[f"{prefix}negated"] = 1.0
    return out


def cues(clause: str, span: str, sentence: str, ours: re.Pattern[str] | None) -> dict[str, float]:
    """The named cues of one figure: ``clause`` and ``span`` are the masked clause and spoken span
    holding ``[NUM]``, ``sentence`` the sentence as said."""
    at = max(0, clause.find("[NUM]"))
    ahead, after = clause[:at], clause[at + 5:]
    own_clause, reckon_clause = _after_reckon(clause, ours)
    own_span, reckon_span = _after_reckon(span, ours)
    own_ahead = own_clause[:max(0, own_clause.find("[NUM]"))]
    s_at = max(0, span.find("[NUM]"))
    s_ahead = span[:s_at]
    out: dict[str, float] = {}
    you = list(re.finditer(rf"\b{_YOU}\b", ahead, re.I))
    if you:
        out["you_before"] = 1.0
        last = you[-1]
        out.update(_modal_cues(ahead[last.end():], "after_you_"))
        out.update(_modal_cues(last.group(0)[-3:], "after_you_"))  # "you'd", "you'll"
        if re.match(r"your\b", last.group(0), re.I):
            out["your_before"] = 1.0
    elif re.search(rf"\b{_YOU}\b", after, re.I):
        out["you_after_only"] = 1.0
    out.update(_modal_cues(s_ahead, "span_"))
    flags = {
        # one cue for our side named anywhere in the clause or span (the fourth fit; in the third,
        # four such cues summed past the bias, so the name decided alone)
        "ours": _ours(own_clause, ours) or _ours(own_span, ours),
        "we_subject": bool(re.search(r"\bwe\b", own_ahead, re.I)),
        "we_reckon": reckon_clause or reckon_span,
        "past_time": bool(_PAST_TIME.search(span)), "past_tense": _past_tense(s_ahead),
        "now_time": bool(_NOW_TIME.search(span)), "future_time": bool(_FUTURE_TIME.search(span)),
        "price": bool(_PRICE.search(span)), "you_pay": bool(_YOU_PAY.search(span)),
        "save": bool(_SAVE.search(clause)), "loss": bool(_LOSS.search(span)),
        "reporting": bool(_REPORTING.search(s_ahead)),
        "question": bool(_QUESTION_OPENER.search(sentence) or sentence.rstrip().endswith("?")),
        "tag_question": bool(_TAG_QUESTION.search(sentence.rstrip(" .!"))),
        "hypothetical": bool(_HYPOTHETICAL.search(s_ahead)), "recap": bool(_RECAP.search(span)),
        "group": bool(_GROUP.search(s_ahead)),
        "other_name": any(ours is None or not ours.fullmatch(m.group(1))
                          for m in _NAME_AFTER_WITH.finditer(span)),
    }
    out.update({k: 1.0 for k, v in flags.items() if v})
    return out


@lru_cache(maxsize=4)
def load_model(path: str = str(WEIGHTS)) -> Linear | None:
    """The fitted model, or None where its JSON is missing (main's reading then holds)."""
    return load_linear(path)


def read_as_ours(clause: str, span: str, sentence: str, line: int, ours: re.Pattern[str] | None) -> bool:
    """Whether a count or an amount with a second person in its clause is the rep's claim of what
    our product does (kept, and compared with its registered metric) rather than the listener's."""
    if MODE == "main":
        return False
    named = cues(clause, span, sentence, ours)
    if MODE == "open":
        SEEN.append((sentence, line, named))
        return True
    model = load_model() if MODE == "model" else None
    return model is not None and model.says(named, None)


def model_info() -> dict[str, Any]:
    """The JSON's provenance, for reports."""
    data = read_weights(str(WEIGHTS)) or {}
    return {k: v for k, v in data.items() if k not in ("cues", "vector")}
