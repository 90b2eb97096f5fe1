"""Claim-ness: whether a figure states an outcome a reader could hold the company to, or is a number
of another sort (a time span or window, a contract term, meeting logistics, the prospect's own
situation, a heading or a list label, a count of things in the text, a rollout step, a calculation
input, a name or a spec, a figure of speech, a sample size).

A logistic regression over lexical features of the figure and its sentence (the words just before
and after it, the words of the sentence, its unit and kind, its qualifier and pairing, whether the
sentence ends like prose). It is trained by ``bench/train_claimness.py`` on the labelled figure
mentions in ``data/`` (their provenance is in ``data/README.md``); its weights ship as
``data/claimness.json``, read with the standard library only, so that extraction needs no scikit-learn
and stays fast.

Every decision explains itself: :func:`score` returns the probability and the features that
weighed most, in words, and ``python -m knowledge.claims FILE`` prints them for every figure.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.model import Claim
from knowledge.phrases import COMES_TO, THAT_IS

from .linear import sigmoid

WEIGHTS = Path(__file__).with_name("data") / "claimness.json"
# a model refitted with the figures said in calls and written in drafts of every development corpus
# (``bench/train_claimness.py --calls-drafts --out`` this path): when the file is there,
# ``unsupported-claim`` asks it of a call's or a draft's figure as well. None ships: measured in the
# tenth round and not kept (bench/ACCURACY.md, "Unsupported and stale claims, tenth round")
CALLS_DRAFTS_WEIGHTS = Path(__file__).with_name("data") / "claimness_calls_drafts.json"
PLACEHOLDER = "[NUM]"

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[%$€£?:()]")
_MAGNITUDES = ((1, "1"), (10, "2-10"), (100, "11-100"), (1000, "101-1000"), (1e6, "1k-1m"))


_CHANGE = frozenset(
    "cut cuts reduced reduce reduces dropped drop drops fell fall falls lowered lower slashed shrank shortened"
    " increased increase increases grew grow grows rose rise rises improved improve improves boosted boost"
    " raised doubled tripled halved jumped climbed lifted saved save saves sped accelerated went".split())
_YOU = frozenset("you your you're yours you've you'd".split())
_WE = frozenset("we our us we're we've ours".split())
_COMPARE = frozenset("more less fewer faster slower cheaper higher lower better".split())


# Before a word of the change family, what makes it a noun: "25 drops an hour", "per drop", "the
# rise of", "pickup-to-drop"
_NOUN_BEFORE = frozenset("a an the per each every to of its their our your this that".split())


# The mood and the framing of the sentence, as families (one word of each is rare in any training set):
# advice ("you should", "aim to"), a habit of the world or of a trade ("usually", "tend to"), a date in
# the calendar ("starts in about 10 weeks")
_ADVICE = frozenset("should must need needs recommend recommended try aim consider ought".split())
_HABIT = frozenset("usually normally generally often tend tends routinely".split())
_SCHEDULE = re.compile(r"\b(?:starts?|begins?|opens?|closes?|ends?|due|kicks?\s+off|arrives?|returns?)\s+"
                       r"(?:in|on|from|around|by)\s+(?:about\s+|around\s+|roughly\s+|another\s+)?$")
# arithmetic shown beside the figure: "200 × €38 = €7,600", "that is £3,168 a year"
_ARITH_SIGN = re.compile(r"[×÷=*]|\s[x+]\s")
_WORKED_OUT = re.compile(rf"(?:\b{THAT_IS}|\b{COMES_TO}|\badds\s+up\s+to|\bequals|\bin\s+total|=)"
                         r"\s*(?:about|roughly|around|nearly|almost|some)?\s*$", re.I)
# what a rate is per, when it is no period of time: a price ("£0.95 per kg", "$110 per seat per month")
_PERIODS = frozenset("year years month months week weeks day days hour hours minute minutes quarter annum".split())
# a sentence opened by a gerund is an activity, most often advice ("Staggering them by 10 minutes ...")
_NOT_GERUND = frozenset("during morning evening spring nothing something everything anything thing king ring"
                        " string building bring sing".split())


def _changes(tokens: list[str]) -> bool:
    """Whether a word of the change family is used as a verb (or a participle) among ``tokens``."""
    for k, w in enumerate(tokens):
        if w in _CHANGE:
            prev = tokens[k - 1] if k else ""
            if not (prev in _NOUN_BEFORE or prev.isdigit()):
                return True
    return False


def _tokens(s: str) -> list[str]:
    """Lower-case words, numbers and signs."""
    return _TOKEN.findall(s.lower())


def features(claim: Claim, *, framing: bool = False) -> dict[str, float]:
    """The features of one figure, from its masked sentence (the figure replaced by ``[NUM]``; a
    count keeps its noun) and its typed fields. ``framing`` adds the sentence's framing (arithmetic
    beside the figure, a price per unit, an offer, advice, a habit, a date in the calendar, an activity
    opening the sentence, a hyphenated modifier): measured in December 2026 and not in the shipped
    weights, whose ``meta`` says which set they were trained with (``knowledge/claims/data/README.md``)."""
    masked = claim.masked or PLACEHOLDER
    i = masked.find(PLACEHOLDER)
    before, after = (masked[:i], masked[i + len(PLACEHOLDER):]) if i >= 0 else (masked, "")
    left, right = _tokens(before), _tokens(after)
    out: dict[str, float] = {"bias": 1.0, f"kind={claim.kind}": 1.0}
    if claim.kind in ("duration", "currency", "percent", "multiplier"):
        out[f"unit={claim.unit}"] = 1.0
    for k, w in enumerate(reversed(left[-3:]), 1):
        out[f"l{k}={w}"] = 1.0
    for w in left[-8:]:
        out[f"lb={w}"] = 1.0
    for k, w in enumerate(right[:3], 1):
        out[f"r{k}={w}"] = 1.0
    for w in right[:6]:
        out[f"rb={w}"] = 1.0
    for w in set(left + right):
        out[f"s={w}"] = out.get(f"s={w}", 0.0) + 1.0 / math.sqrt(1 + len(left) + len(right))
    if not left:
        out["first"] = 1.0
    words = len(left) + len(right)
    out["short"] = 1.0 if words <= 5 else 0.0
    out["prose_end"] = 1.0 if claim.sentence.rstrip().endswith((".", "!", "?", '."', ".”")) else 0.0
    # word families: single verbs and pronouns are sparse in any training set, their families are not
    vocab = set(left) | set(right)
    if _changes(left) or _changes(right):
        out["change_verb"] = 1.0
    if vocab & _YOU:
        out["second_person"] = 1.0
    if vocab & _WE:
        out["first_person"] = 1.0
    if right and (right[0] in _COMPARE or right[0].endswith("er") and len(right[0]) > 4):
        out["comparative_after"] = 1.0
    if after.startswith("-"):
        out["hyphenated"] = 1.0  # never true: the mask leaves a space before the hyphen (see _framing)
    if claim.qualifier:
        out[f"qual={claim.qualifier}"] = 1.0
    if claim.statistic:
        out["statistic"] = 1.0
    if claim.pair:
        out[f"pair={claim.pair}"] = 1.0
    if claim.source is not None:
        out["source"] = 1.0
    if claim.as_written:
        out["idiom"] = 1.0
    if claim.span and not any(ch.isdigit() for ch in claim.span):
        out["in_words"] = 1.0
    v = claim.value[1] if isinstance(claim.value, tuple) else claim.value
    mag = next((name for bound, name in _MAGNITUDES if abs(v) <= bound), "big")
    out[f"mag={claim.kind}:{mag}"] = 1.0
    if framing:
        out.update(_framing(claim, before, after, left, right))
    return out


def _framing(claim: Claim, before: str, after: str, left: list[str], right: list[str]) -> dict[str, float]:
    """How the sentence frames the figure, as families of cues (one word of each is rare in any
    training set): what drafts and calls state that is no outcome (an offer, a price, advice, arithmetic,
    a calendar date, a customer's size in a range) wears these more than the words do."""
    out: dict[str, float] = {}
    vocab = set(left) | set(right)
    # "a 24-month agreement", "a 900-bed hospital": the figure modifies a noun
    if re.match(r"\s?-[^\W\d]", after):
        out["hyphenated"] = 1.0
    if _ARITH_SIGN.search(before[-6:] + (claim.span or "") + after[:6]):
        out["arithmetic"] = 1.0
    elif _WORKED_OUT.search(before) and any(ch.isdigit() for ch in before):
        out["arithmetic"] = 1.0  # what inputs stated before come to
    if claim.kind == "currency" and claim.per and any(p not in _PERIODS for p in claim.per.split("/")):
        out["price_per_unit"] = 1.0
    if right[:1] == ["off"]:
        out["off_after"] = 1.0  # "20% off": an offer
    if vocab & _ADVICE:
        out["advice"] = 1.0
    if vocab & _HABIT:
        out["habit"] = 1.0
    if _SCHEDULE.search(before.lower()):
        out["schedule"] = 1.0
    first_word = (left or [""])[0]
    if first_word.endswith("ing") and len(first_word) > 4 and first_word not in _NOT_GERUND:
        out["gerund_opens"] = 1.0
    return out


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float
    meta: dict[str, object]

    def logit(self, feats: dict[str, float]) -> float:
        w = self.weights
        # fsum is exact, so the logit does not depend on the order the features were found in (a
        # set's order, which changes with the process's hash seed): the same figure gets the same
        # verdict on every run, also at the threshold.
        return math.fsum(w.get(k, 0.0) * v for k, v in feats.items())

    @property
    def framing(self) -> bool:
        """Whether the weights were trained with the framing features (see :func:`features`)."""
        return bool(self.meta.get("framing"))


def load() -> Model | None:
    """The shipped model (or the one ``CANON_CLAIMNESS_WEIGHTS`` names, for leave-one-corpus-out
    runs), or None when no weights are there: every figure is then a claim."""
    return _load(os.environ.get("CANON_CLAIMNESS_WEIGHTS") or str(WEIGHTS))


def load_calls_drafts() -> Model | None:
    """The calls-and-drafts model (or the one ``CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS`` names, for
    leave-one-corpus-out runs), or None when no weights are there."""
    return _load(os.environ.get("CANON_CLAIMNESS_CALLS_DRAFTS_WEIGHTS") or str(CALLS_DRAFTS_WEIGHTS))


def claim_as_said(claim: Claim, model: Model | None = None) -> bool:
    """Whether a figure said in a call or written in a draft is a claim a reader wants backed, by the
    calls-and-drafts model (True when there is none)."""
    model = model or load_calls_drafts()
    if model is None:
        return True
    return sigmoid(model.logit(features(claim, framing=model.framing))) >= model.threshold


@lru_cache(maxsize=4)
def _load(name: str) -> Model | None:
    path = Path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(weights={str(k): float(v) for k, v in data["weights"].items()},
                 threshold=float(data["threshold"]), meta=dict(data.get("meta", {})))


def _describe(name: str) -> str:
    key, _, val = name.partition("=")
    return {
        "l1": f'"{val}" just before it', "l2": f'"{val}" two words before it', "l3": f'"{val}" before it',
        "lb": f'"{val}" before it', "r1": f'"{val}" just after it', "r2": f'"{val}" after it',
        "r3": f'"{val}" after it', "rb": f'"{val}" after it', "s": f'"{val}" in its sentence',
        "kind": f"a {val} figure", "unit": f"in {val}", "qual": f'qualified "{val}"', "pair": f"one side of a {val}",
        "mag": f"its size ({val})",
    }.get(key, {
        "first": "it opens the sentence", "short": "a short line (a heading or a label)",
        "prose_end": "a sentence that ends like prose", "hyphenated": "it modifies a noun (\"a 30-day ...\")",
        "statistic": "a median or an average", "source": "a source is named", "idiom": "an idiom or a fraction",
        "in_words": "said in words", "bias": "most figures are claims",
        "change_verb": "a change is stated (cut, grew, saved ...)", "second_person": "said of the listener (you, your)",
        "first_person": "said of the speaker's side (we, our)", "comparative_after": "a comparison follows (faster, less ...)",
        "arithmetic": "arithmetic beside it (×, =, that is ...)", "price_per_unit": "a price per unit",
        "off_after": "an offer (\"... off\")", "advice": "advice (should, try ...)", "habit": "a habit (usually ...)",
        "schedule": "a date in the calendar (starts in ...)", "gerund_opens": "an activity opens the sentence",
    }.get(name, name))


def score(claim: Claim, model: Model | None = None) -> tuple[float, str]:
    """(probability that the figure is a claim, the three features that weighed most, in words)."""
    model = model or load()
    if model is None:
        return 1.0, ""
    feats = features(claim, framing=model.framing)
    z = model.logit(feats)
    p = sigmoid(z)
    sign = 1.0 if p >= model.threshold else -1.0
    pushes = sorted(((model.weights.get(k, 0.0) * v * sign, k) for k, v in feats.items() if k != "bias"),
                    reverse=True)
    reasons = [_describe(k) for c, k in pushes[:3] if c > 0.05]
    verdict = "a claim" if sign > 0 else "not a claim"
    return p, f"{verdict} ({p:.2f}): " + ("; ".join(reasons) if reasons else "no strong cue")


def judge(claims: list[Claim], model: Model | None = None) -> list[Claim]:
    """Set ``claimness``, ``why`` and ``is_claim`` on each claim; return them all."""
    model = model or load()
    cut = model.threshold if model is not None else 0.0
    for c in claims:
        c.claimness, c.why = score(c, model)
        c.is_claim = c.claimness >= cut
    return claims


def threshold(model: Model | None = None) -> float:
    model = model or load()
    return model.threshold if model is not None else 0.0
