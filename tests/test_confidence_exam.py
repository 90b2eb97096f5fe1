"""The final exam of the figure-finding confidence (``bench/train_confidence.py --exam``) shows only
aggregates: the corpus it scores may be held out, so no finding's path, line or message, nor anything
canon writes while it runs, may reach the one who runs it; and only ``--exam`` takes a held-out corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import train_confidence as tc
from bench.accuracy import HELD_OUT  # the final exam and the current round's blind sets

SECRET = "secret-folder/pricing-page.md"


def _row(rule: str, label: int, line: int, cues: dict[str, float]) -> dict[str, Any]:
    return {"corpus": "northwind", "kind": "audit", "rule": rule, "path": SECRET, "line": line,
            "label": label, "cues": {f"rule:{rule}": 1.0, **cues}}


def _fake_collect(name: str, work: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A run that talks: it prints a finding's path and message on both streams, as canon's logs might."""
    print(f"{SECRET}:12 unsourced-claim: 40% faster onboarding")
    sys.stderr.write(f"warning: {SECRET}\n")
    os.write(2, f"native {SECRET}\n".encode())
    rows = [_row("unsourced-claim", i % 2, i, {"claimness": 0.1 * i}) for i in range(10)]
    rows += [_row("stale-claim", 1, 100 + i, {"year": 1.0}) for i in range(5)]
    rows.append({**_row("stale-claim", 1, 200, {}), "label": None})  # left out: not scored
    return rows, {"audit": [{"path": SECRET, "message": "40% faster onboarding"}]}


def test_exam_prints_aggregates_only(monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    monkeypatch.setattr(tc, "collect", _fake_collect)
    training = [{**r, "corpus": "kittiwake", "path": "x.md"} for r in _fake_collect("kittiwake", tmp_path)[0]]
    capfd.readouterr()
    tc.exam(["northwind"], tmp_path, training)
    out, err = capfd.readouterr()
    assert SECRET not in out + err and "onboarding" not in out + err
    assert "| northwind | 15 | 10 |" in out  # the 15 scored findings once per line, 10 right
    assert "| predicted | findings | mean predicted | observed |" in out
    assert "not an exam of them: northwind" in out  # the shipped weights were fitted with it


def test_exam_with_simulated_verdicts_prints_aggregates_only(monkeypatch: pytest.MonkeyPatch,
                                                             capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(tc, "collect", _fake_collect)
    training = [{**r, "corpus": "kittiwake", "path": "x.md"} for r in _fake_collect("kittiwake", tmp_path)[0]]
    capfd.readouterr()
    tc.exam(["northwind"], tmp_path, training, share=0.2, seeds=3)
    out, err = capfd.readouterr()
    assert SECRET not in out + err and "onboarding" not in out + err
    assert "Verdicts on 20% of each corpus's figure findings, seeds 1-3" in out
    assert "| northwind | 15 | 3 |" in out  # a fifth of the 15 judged, the rest scored
    assert "| **pooled** | 15 |" in out


def test_exam_failure_withholds_the_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def fail(name: str, work: Path) -> Any:
        raise ValueError(f"cannot parse {SECRET}")

    monkeypatch.setattr(tc, "collect", fail)
    with pytest.raises(SystemExit) as exc:
        tc.exam_rows("northwind", tmp_path)
    assert SECRET not in str(exc.value) and "ValueError" in str(exc.value)


@pytest.mark.parametrize("argv", [["--corpus", "larkspur"], ["--collect", "--corpus", HELD_OUT[-1]],
                                  ["--exam", "northwind", "--collect"], ["--exam", "no-such-corpus"]])
def test_held_out_only_under_exam(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["train_confidence.py", *argv])
    monkeypatch.setattr(tc, "collect", lambda *a: pytest.fail("ran canon"))
    with pytest.raises(SystemExit) as exc:
        tc.main()
    assert exc.value.code == 2


@pytest.mark.parametrize("argv", [["--fresh", "oxlease", "--fresh", HELD_OUT[-1]], ["--fresh", "larkspur", "--fresh", "oxlease"],
                                  ["--fresh", "northwind", "--fresh", "oxlease"], ["--fresh", "oxlease"]])
def test_fresh_refuses_a_held_out_or_tuned_on_corpus(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """``--fresh`` takes only development corpora with rows that the shipped weights were not fitted on,
    at least two; a held-out one is refused before anything is read or written."""
    monkeypatch.setattr(sys, "argv", ["train_confidence.py", *argv])
    monkeypatch.setattr(tc, "run_fresh", lambda *a: pytest.fail("fitted"))
    with pytest.raises(SystemExit) as exc:
        tc.main()
    assert exc.value.code == 2


def test_exam_prints_brier_with_and_without_the_calibration(monkeypatch: pytest.MonkeyPatch,
                                                            capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setattr(tc, "collect", _fake_collect)
    monkeypatch.setattr(tc.confidence, "load_fresh", lambda path="": (0.8, -1.0))
    training = [{**r, "corpus": "kittiwake", "path": "x.md"} for r in _fake_collect("kittiwake", tmp_path)[0]]
    capfd.readouterr()
    tc.exam(["northwind"], tmp_path, training)
    out, err = capfd.readouterr()
    assert SECRET not in out + err and "onboarding" not in out + err
    assert "| corpus | findings | right | a | b | Brier without | Brier with |" in out
    assert "| northwind | 15 | 10 | 0.80 | -1.00 |" in out and "| **pooled** | 15 | 10 |" in out
    assert "| predicted (without) | findings | mean without | observed | predicted (with) |" in out


def _odds(n: int, shift: float, seed: int) -> tuple[Any, Any]:
    """Synthetic (log-odds, labels): labels drawn from sigmoid(z + shift), so a map with b near
    ``shift`` fits them."""
    import numpy as np

    rng = np.random.default_rng(seed)
    z = rng.normal(1.5, 1.5, n)
    return z, (rng.random(n) < 1 / (1 + np.exp(-(z + shift)))).astype(float)


def test_replaced_map_never_scores_a_map_on_what_it_saw() -> None:
    """For a corpus the shipped map was fitted on, the comparison is that map fitted again without it."""
    odds = {"a1": _odds(80, -1.0, 1), "a2": _odds(80, -1.0, 2), "c3": _odds(80, -1.0, 3)}
    old = {"a": 0.5, "b": 0.25, "fitted_on": ["a1", "a2"]}
    assert tc.replaced_map(old, "c3", odds) == (0.5, 0.25)
    assert tc.replaced_map(old, "a1", odds) == tc.fit_fresh(odds, ["a2"])
    with pytest.raises(SystemExit):
        tc.replaced_map({"a": 1.0, "b": 0.0, "fitted_on": ["a1"]}, "a1", odds)


def test_judge_refit_needs_three_quarters_and_pooled(capsys: pytest.CaptureFixture[str]) -> None:
    """A refit on four corpora that share one shift beats a far-off shipped map; it does not beat a
    shipped map already at that shift on three of four, so it is refused (the verdict is printed)."""
    odds = {f"c{i}": _odds(120, -1.5, i) for i in range(4)}
    assert tc.judge_refit(odds, {"a": 1.0, "b": 2.0, "fitted_on": ["other"]})
    assert "Brier lower on 4 of 4 (needs 3); pooled lower: True" in capsys.readouterr().out
    exact = tc.fit_fresh(odds, list(odds))
    assert not tc.judge_refit(odds, {"a": exact[0], "b": exact[1], "fitted_on": ["other"]})


def test_exam_prints_the_replaced_map(monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    """Where the shipped map replaced one, the exam prints the Brier with both, aggregates only."""
    monkeypatch.setattr(tc, "collect", _fake_collect)
    monkeypatch.setattr(tc.confidence, "load_fresh", lambda path="": (0.8, -1.0))
    monkeypatch.setattr(tc, "replaced_of", lambda shipped: (0.9, -1.1))
    training = [{**r, "corpus": "kittiwake", "path": "x.md"} for r in _fake_collect("kittiwake", tmp_path)[0]]
    capfd.readouterr()
    tc.exam(["northwind"], tmp_path, training)
    out, err = capfd.readouterr()
    assert SECRET not in out + err and "onboarding" not in out + err
    assert "| northwind | 15 | 10 | 0.90 | -1.10 |" in out and "| predicted (before) |" in out
