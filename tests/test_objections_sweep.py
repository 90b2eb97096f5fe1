"""The measure ``bench/objection_sweep.py`` adds to the objection scores: how many new themes are
found as their own theme."""

from __future__ import annotations

from typing import Any

import pytest

from bench.objection_sweep import new_themes_found

LABELS: dict[str, Any] = {"objections": {"calls": {
    "a.vtt": [{"line": 10, "objection": "new:offline"}, {"line": 20, "objection": "objections/pricing"}],
    "b.vtt": [{"line": 10, "objection": "new:offline"}, {"line": 30, "objection": "new:support-hours"}],
    "c.vtt": [{"line": 40, "objection": "new:support-hours"}],
}}}


def _objection(oid: str, known: bool, *mentions: tuple[str, int]) -> dict[str, Any]:
    return {"id": oid, "known": known, "mentions": [{"call": c, "line": ln} for c, ln in mentions]}


@pytest.mark.parametrize(("case", "objections", "want"), [
    # Each new concern has a theme of its own.
    ("test_pass_both_kept_apart", [_objection("theme/offline", False, ("a.vtt", 10), ("b.vtt", 10)),
                                   _objection("theme/support", False, ("b.vtt", 30), ("c.vtt", 40))], (2, 2)),
    # Absorbed into a known objection: the gap is hidden, so it is not found.
    ("test_fail_absorbed", [_objection("objections/pricing", True, ("a.vtt", 10), ("b.vtt", 10), ("a.vtt", 20)),
                            _objection("theme/support", False, ("b.vtt", 30), ("c.vtt", 40))], (1, 2)),
    # One mention in a theme is not a theme of its own, wherever the other went.
    ("test_fail_one_mention", [_objection("theme/offline", False, ("a.vtt", 10)),
                               _objection("objections/pricing", True, ("b.vtt", 10))], (0, 2)),
    # A theme mixing two new concerns counts for its majority only; strays count against it.
    ("test_fail_mixed_theme", [_objection("theme/mixed", False, ("a.vtt", 10), ("b.vtt", 10), ("b.vtt", 30),
                                          ("c.vtt", 40), ("c.vtt", 99))], (0, 2)),
])
def test_new_themes_found_as_their_own(case, objections, want):
    assert new_themes_found({"objections": objections}, LABELS) == want, case


def _pieces(y, shipped, optional=None, new=None, where=None):
    import numpy as np

    n = len(y)
    return {"y": np.asarray(y), "shipped": np.asarray(shipped), "optional": np.asarray(optional or [0] * n),
            "new": np.asarray(new or [0] * n), "where": np.asarray(where or [f"c:{i}" for i in range(n)]),
            "required": np.asarray(sum(1 for v, o in zip(y, optional or [0] * n, strict=True) if v and not o))}


def test_blend_figures_count_what_the_blend_adds_to_the_shipped_mentions():
    """``bench/objection_blend.py`` scores the pieces it adds on top of the shipped mentions: a hit
    raises recall, a stray lowers precision, an optional turn counts neither way."""
    import numpy as np

    from bench.objection_blend import figures

    d = _pieces(y=[1, 1, 0, 0, 1], shipped=[1, 0, 1, 0, 0], optional=[0, 0, 0, 0, 1], new=[0, 1, 0, 0, 0])
    p, r, f, gained_new, strays = figures(d, np.zeros(5, dtype=bool))
    assert (p, r, gained_new, strays) == (0.5, 0.5, 0, 0)
    p, r, f, gained_new, strays = figures(d, np.asarray([False, True, False, True, True]))
    assert (round(p, 3), r, gained_new, strays) == (0.5, 1.0, 1, 1)
    assert f == 2 * p * r / (p + r)


def test_absorb_loco_refuses_a_corpus_without_its_own_model(tmp_path):
    """Without the model fitted without a corpus, the shipped one (fitted on it) would score it."""
    import json

    from bench.objection_sweep import loco_model
    from knowledge.objections.absorb import FEATURES

    (tmp_path / "ravelin.json").write_text(json.dumps({"features": list(FEATURES), "weights": [0.0] * len(FEATURES),
                                                        "bias": -1.0}), encoding="utf-8")
    assert loco_model(tmp_path, "ravelin").bias == -1.0
    with pytest.raises(SystemExit, match="wickerby"):
        loco_model(tmp_path, "wickerby")


def test_train_absorb_skips_a_fold_whose_training_mentions_are_of_one_kind(tmp_path, monkeypatch, capsys):
    """Left out, the only corpus with a new concern leaves the others one class: no model for it."""
    import json
    import sys

    pytest.importorskip("sklearn")
    from bench import train_absorb
    from knowledge.objections.absorb import FEATURES

    def row(corpus: str, label: str | None, x: float) -> dict[str, Any]:
        return {"corpus": corpus, "label": label, "optional": False, **{f: x for f in FEATURES}}

    rows = [row("alpha", "new:offline", 0.9), row("alpha", "objections/pricing", 0.1),
            row("beta", None, 0.2), row("beta", "objections/pricing", 0.3)]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["train_absorb.py", "--rows", str(path), "--loco-dir", str(tmp_path / "m")])
    train_absorb.main()
    out = capsys.readouterr().out
    assert "alpha" in out and "no model" in out.split("\n")[0]
    assert (tmp_path / "m" / "beta.json").is_file() and not (tmp_path / "m" / "alpha.json").exists()


def _figures(found: int, matching: float = 0.7, coverage: float = 0.8) -> dict[str, Any]:
    return {"new themes found": (found, 3), "mention F1": 0.8, "matching accuracy": matching,
            "theme purity": 0.9, "coverage accuracy": coverage}


def test_loco_choice_takes_the_value_that_keeps_most_themes_apart_within_the_rule():
    from bench.objection_sweep import loco_choice

    table = {
        "as given": {"a": _figures(1), "b": _figures(1), "c": _figures(0)},
        # a theme more on a, but b's matching falls by more than 0.03
        "bold": {"a": _figures(2), "b": _figures(2, matching=0.66), "c": _figures(1)},
        # a theme more on a, nothing falls
        "mild": {"a": _figures(2), "b": _figures(1, matching=0.68), "c": _figures(0)},
        # as many more, but the worst coverage falls
        "thin": {"a": _figures(2), "b": _figures(1, coverage=0.7), "c": _figures(0)},
    }
    titles = ["as given", "bold", "mild", "thin"]
    assert loco_choice(table, ["a", "b"], titles) == "mild"
    # chosen without a, nothing gains: the settings as given
    assert loco_choice(table, ["b", "c"], titles) == "as given"
    # without b, bold and mild gain on a and c; bold gains more
    assert loco_choice(table, ["a", "c"], titles) == "bold"


def _counted(matching: float, purity: float | None = 1.0, coverage: float = 1.0, gap_p: float = 1.0,
             gap_r: float = 1.0, theme_mentions: int = 10) -> dict[str, Any]:
    return {"matching accuracy": matching, "theme purity": purity, "theme mentions": theme_mentions,
            "coverage accuracy": coverage, "coverage points": 10, "gap precision": gap_p, "gap findings": 4,
            "gap recall": gap_r, "gaps expected": 4}


def test_absorb_loco_allows_one_more_wrong_item_and_no_second():
    """``bench/absorb_loco.py``: a threshold may cost a training corpus one impure theme mention,
    one coverage point or one gap, never two of one kind."""
    from bench.absorb_loco import admissible, wrong_items

    before = _counted(0.7, purity=0.9, coverage=0.8, gap_p=0.75, gap_r=0.75)
    assert wrong_items(before) == {"impure": 1, "coverage": 2, "false gaps": 1, "missed gaps": 1}
    assert admissible(before, _counted(0.7, purity=0.8, coverage=0.7, gap_p=0.5, gap_r=0.5))
    assert not admissible(before, _counted(0.9, purity=0.7))
    assert not admissible(before, _counted(0.9, purity=0.9, coverage=0.6))
    # no theme before or after: nothing impure either way
    assert admissible(_counted(0.5, purity=None, theme_mentions=0), _counted(0.5, purity=None, theme_mentions=0))


def test_absorb_loco_chooses_the_best_mean_matching_among_admissible_thresholds():
    """The left-out corpus never votes; an inadmissible threshold is passed over however much it
    raises matching; a tie keeps absorb off."""
    from bench.absorb_loco import OFF, choose

    table = {
        OFF: {"a": _counted(0.6), "b": _counted(0.6), "held": _counted(0.5)},
        "0.8": {"a": _counted(0.6), "b": _counted(0.6), "held": _counted(0.9)},
        "0.6": {"a": _counted(0.7), "b": _counted(0.65), "held": _counted(0.1)},
        "0.5": {"a": _counted(0.9), "b": _counted(0.9, coverage=0.8), "held": _counted(0.9)},
    }
    titles = [OFF, "0.8", "0.6", "0.5"]
    assert choose(table, ["a", "b"], titles) == "0.6"
    assert choose(table, ["a"], [OFF, "0.8"]) == OFF


class _Fixed:
    """A stand-in for a fitted model: the probabilities it gives, whatever the features."""

    def __init__(self, p: list[float]) -> None:
        self.p = p

    def predict_proba(self, X: Any) -> Any:
        import numpy as np

        return np.stack([1 - np.asarray(self.p), np.asarray(self.p)], axis=1)


def test_the_context_bar_sets_aside_strays_only_where_two_of_them_outweigh_a_right_mention():
    """``bench/objection_context.py``: the bar that gains most, strays set aside less two for each
    labelled piece set aside; 0 (nothing set aside) when nothing gains."""
    import numpy as np

    from bench.objection_context import choose_bar

    d = {"X": np.zeros((5, 1)), "y": np.asarray([0, 0, 1, 0, 1]), "optional": np.zeros(5, dtype=int)}
    # two strays under 0.2, then a right mention and a stray under 0.4: the bar stops at the first pair
    assert choose_bar([d], _Fixed([0.1, 0.15, 0.3, 0.35, 0.9])) == 0.16
    # a right mention as unsure as each stray: setting any aside gains nothing
    assert choose_bar([d], _Fixed([0.1, 0.2, 0.1, 0.3, 0.1])) == 0.0
