"""What a figure's sentence asserts: a result of using the product, a market statistic, a price, a
policy, a fact about the company, an anecdote, an incident, a specification, how a trade works ...

The needs-a-source model (:mod:`.needs_source`) asks whether a reviewer would want an outside source
behind a figure. That depends less on the words of one company's pages than on the kind of statement
the sentence makes: "Clinics on X cut no-shows by 19%" (a result) and "Around 1 in 4 pet owners miss a
booster" (a statistic) need one; "The plan is €42 per vet per month" (a price), "we delete it within 30
days" (a policy), "We are 140 people" (the company), "Our team spent three weeks ..." (an anecdote),
"about 60 clinics could not send texts" (an incident) and "Main contractors juggle 12 to 15
subcontractors" (how a trade works) are the company's own word or plain context.

A multinomial logistic regression on the embedding of the figure's masked sentence (the vector the
audit already computes for :mod:`.needs_source`), trained by ``bench/train_needs_source.py`` on the
written sentences of ``data/needs_source*.jsonl`` and ``data/assertions.jsonl``, each labelled with the
kind of statement it makes (provenance in ``data/README.md``); the weights ship as
``data/assertion.json``. It never sees a corpus: its probabilities are features of the needs-a-source
model, which is trained on the corpora, and they name the kind in words when a finding explains itself.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .linear import read_weights

WEIGHTS = Path(__file__).with_name("data") / "assertion.json"
ENV = "CANON_ASSERTION_WEIGHTS"

# The kinds of statement, coarse enough that every page of a company has them, and what each written
# sentence's ``class`` counts as
KINDS: dict[str, str] = {
    "outcome": "a result of using the product",
    "statistic": "a market statistic",
    "price": "a price or a commercial term",
    "policy": "a policy, a limit or a setting",
    "company": "a fact about the company",
    "customer": "a customer's or prospect's own size",
    "anecdote": "an anecdote",
    "incident": "an incident",
    "spec": "a specification",
    "practice": "how a trade works",
    "guidance": "advice, a step or a label",
}
CLASS_KIND: dict[str, str] = {
    "outcome": "outcome", "market statistic": "statistic",
    "price": "price", "commercial term": "price", "offer": "price", "plan": "price", "salary": "price",
    "benefit": "price",
    "policy": "policy", "commitment": "policy", "limit": "policy", "requirement": "policy",
    "working hours": "policy", "threshold": "policy", "setting": "policy", "target": "policy",
    "company fact": "company", "own team": "company", "milestone": "company", "customer count": "company",
    "customer size": "customer", "customer profile": "customer", "prospect situation": "customer",
    "selection": "customer",
    "anecdote": "anecdote", "incident": "incident", "spec": "spec", "practice": "practice",
    "instruction": "guidance", "guidance": "guidance", "process": "guidance", "logistics": "guidance",
    "definition": "guidance", "label": "guidance", "banned phrase": "guidance", "worked result": "guidance",
}


def describe(kind: str) -> str:
    return KINDS.get(kind, kind)


@dataclass(frozen=True)
class Model:
    kinds: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # one row a kind, over the embedding
    bias: tuple[float, ...]

    def probabilities(self, vector: Sequence[float]) -> dict[str, float]:
        """The probability of each kind of statement for a sentence embedded as ``vector``."""
        logits = [b + math.fsum(w * float(x) for w, x in zip(row, vector, strict=False))
                  for row, b in zip(self.weights, self.bias, strict=True)]
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        total = math.fsum(exp)
        return {k: e / total for k, e in zip(self.kinds, exp, strict=True)}


def load() -> Model | None:
    """The shipped weights (or those ``CANON_ASSERTION_WEIGHTS`` names); None when there are none."""
    return _load(os.environ.get(ENV) or str(WEIGHTS))


@lru_cache(maxsize=4)
def _load(name: str) -> Model | None:
    data = read_weights(name)
    if data is None:
        return None
    return of(data)


def of(data: dict[str, object]) -> Model:
    kinds = tuple(str(k) for k in data["kinds"])  # type: ignore[attr-defined]
    weights = tuple(tuple(float(v) for v in row) for row in data["weights"])  # type: ignore[attr-defined]
    bias = tuple(float(v) for v in data["bias"])  # type: ignore[attr-defined]
    return Model(kinds, weights, bias)


def features(vector: Sequence[float] | None, model: Model | None = None) -> dict[str, float]:
    """The kinds' probabilities as named cues of the needs-a-source model (``assert:price`` ...); none
    without a vector or weights."""
    model = model if model is not None else load()
    if vector is None or model is None:
        return {}
    return {f"assert:{k}": p for k, p in model.probabilities(vector).items()}
