"""The shape of canon's small claim models (:mod:`.needs_source`, :mod:`.provenance`): a logistic
regression over named cues and a sentence's embedding, with its cut, read from a JSON file."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def read_weights(name: str) -> dict[str, Any] | None:
    """A model's JSON file, or None where it is missing or unreadable (the model is then off)."""
    try:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_linear(name: str) -> Linear | None:
    """The model a trainer wrote to ``name``, or None where the file is missing, unreadable or holds no
    fitted weights (the model is then off)."""
    data = read_weights(name)
    return Linear.of(data) if data and "bias" in data else None


def sigmoid(z: float) -> float:
    """The logistic function, without overflow at either end."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Linear:
    cue_weights: dict[str, float]
    vector_weights: tuple[float, ...]
    bias: float
    threshold: float

    @classmethod
    def of(cls, d: Mapping[str, Any]) -> Linear:
        """From the JSON the trainers write: ``cues``, ``vector``, ``bias``, ``threshold``."""
        return cls(cue_weights={str(k): float(v) for k, v in dict(d.get("cues", {})).items()},
                   vector_weights=tuple(float(v) for v in d.get("vector", [])), bias=float(d["bias"]),
                   threshold=float(d["threshold"]))

    def contributions(self, cues: Mapping[str, float], vector: Sequence[float] | None) -> dict[str, float]:
        """What each cue, and the embedding as a whole, adds to the logit."""
        out = {k: self.cue_weights.get(k, 0.0) * v for k, v in cues.items()}
        if vector is not None and self.vector_weights:
            out["embedding"] = math.fsum(w * float(x) for w, x in zip(self.vector_weights, vector, strict=False))
        return out

    def probability(self, cues: Mapping[str, float], vector: Sequence[float] | None) -> float:
        return sigmoid(self.bias + math.fsum(self.contributions(cues, vector).values()))

    def says(self, cues: Mapping[str, float], vector: Sequence[float] | None) -> bool:
        return self.probability(cues, vector) >= self.threshold
