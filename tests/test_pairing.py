"""The pairing model: its features, its file, how the aligner uses it, and its fitting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from handmade import fit_on_samples, load_eval_script

from readout_diff import pairing, pipeline, reading, similarity
from readout_diff.aligning import AlignOptions
from readout_diff.model import Alignment, Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
needs_encoder = pytest.mark.skipif(
    similarity.load_encoder("use") is None, reason="the encoder package is not installed"
)


def shipped_text() -> str:
    return (ROOT / "readout_diff" / "weights" / "pairing.toml").read_text("utf-8")


def test_gaps_measure_a_score_against_the_best_other_of_its_row_and_column() -> None:
    scores = np.array([[0.9, 0.2, 0.5], [0.4, 0.4, 0.1]])
    rows, cols = pairing.gaps(scores)
    np.testing.assert_allclose(rows, [[0.4, -0.7, -0.4], [0.0, 0.0, -0.3]])
    np.testing.assert_allclose(cols, [[0.5, -0.2, 0.4], [-0.5, 0.2, -0.4]])


def test_a_row_of_one_pair_has_no_gap() -> None:
    rows, cols = pairing.gaps(np.array([[0.7], [0.2]]))
    assert rows.tolist() == [[0.0], [0.0]]
    np.testing.assert_allclose(cols, [[0.5], [-0.5]])


def test_features_stack_one_value_per_feature_for_every_pair() -> None:
    lexical = np.array([[0.5, 0.0], [0.1, 0.3], [0.0, 0.2]])
    stack = pairing.features(
        pairing.feature_matrices(
            lexical,
            topic=np.ones((3, 2)),
            tagged_a=np.array([True, False, True]),
            tagged_b=np.array([True, True]),
            cosine=np.full((3, 2), 0.4),
            margin=np.full((3, 2), 0.3),
            cross=True,
        )
    )
    assert stack.shape == (3, 2, len(pairing.FEATURES))
    named = dict(zip(pairing.FEATURES, np.moveaxis(stack, -1, 0), strict=True))
    assert named["topic"][1].tolist() == [0.0, 0.0], "an untagged sentence has no topic overlap"
    assert named["cross_lexical"].tolist() == lexical.tolist()
    assert named["distance"].tolist() == [[0.0, 1.0], [0.5, 0.5], [1.0, 0.0]]


def test_confidence_maps_log_odds_into_the_unit_interval() -> None:
    values = pairing.confidence(np.array([1e-9, 0.5, 1 - 1e-9]))
    assert values.tolist() == pytest.approx([0.0, 0.5, 1.0], abs=0.15)
    assert pairing.confidence(0.9) > pairing.confidence(0.6) > pairing.confidence(0.5)


def test_the_shipped_model_loads_and_says_what_it_was_fitted_on() -> None:
    model = pairing.load_model()
    assert len(model.weights) == len(pairing.FEATURES)
    assert "keyed sentence pairs" in model.trained_on
    assert 0 < model.threshold < model.floor < 1


def gap_weights(model: pairing.PairingModel) -> list[tuple[float, float]]:
    """(row gap's weight, column gap's weight) of each signal."""
    weight = dict(zip(pairing.FEATURES, model.weights, strict=True))
    return [
        (weight[name], weight[name.removesuffix("_row_gap") + "_col_gap"])
        for name in pairing.FEATURES
        if name.endswith("_row_gap")
    ]


def test_the_shipped_model_weighs_a_row_gap_as_its_column_gap() -> None:
    # Which readout is A must not matter: swapping the inputs swaps the pairs.
    pairs = gap_weights(pairing.load_model())
    assert len(pairs) == 3
    assert all(row == column for row, column in pairs)


@needs_encoder
def test_swapping_the_readouts_transposes_the_pairs() -> None:
    a = reading.read_readout(str(SAMPLES / "kremlin_ru.txt"))
    b = reading.read_readout(str(SAMPLES / "whitehouse.txt"))
    forward = pipeline.compare(a, b).alignment
    backward = pipeline.compare(b, a).alignment

    def pairs(alignment: Alignment, swap: bool) -> list[tuple[object, ...]]:
        return sorted(
            ((g.b, g.a) if swap else (g.a, g.b)) + (g.evidence and g.evidence.pairing,)
            for g in alignment.groups
        )

    assert pairs(forward, False) == pairs(backward, True)
    assert any(g.evidence and g.evidence.pairing for g in forward.groups)
    assert (forward.unmatched_a, forward.unmatched_b) == (
        backward.unmatched_b,
        backward.unmatched_a,
    )


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: t.replace('"margin", ', ""), "not the features"),
        (lambda t: t.replace("weights = [", "weights = [1.0, "), "one weight per feature"),
        (lambda t: t.replace("blend = 0.5", 'blend = "half"'), "must be numbers"),
        (lambda t: t.replace("floor = 0.05", "floor = 1.5"), r"floor and blend in \[0, 1\]"),
        (lambda t: t + "[[", "not TOML"),
    ],
)
def test_a_malformed_model_file_is_refused_saying_why(
    edit: Callable[[str], str], problem: str
) -> None:
    with pytest.raises(pairing.PairingModelError, match=problem):
        pairing.parse_model(edit(shipped_text()))


def sample_report(options: pipeline.Options | None = None) -> Report:
    a = reading.read_readout(str(SAMPLES / "kremlin.txt"))
    b = reading.read_readout(str(SAMPLES / "whitehouse.txt"))
    return pipeline.compare(a, b, options)


@needs_encoder
def test_each_pair_carries_the_models_probability() -> None:
    report = sample_report()
    probabilities = [g.evidence.pairing for g in report.alignment.groups if g.evidence]
    assert probabilities and all(p is not None and 0 <= p <= 1 for p in probabilities)
    contacts = next(g for g in report.alignment.groups if g.a == (9,))
    assert contacts.evidence is not None and contacts.evidence.pairing is not None
    assert contacts.evidence.pairing > 0.5, "'maintain contacts' ~ 'maintain communication'"


def test_without_the_model_or_the_encoder_no_probability_is_given() -> None:
    for align in (AlignOptions(pairing=False), AlignOptions(encoder="none")):
        report = sample_report(pipeline.Options(align=align))
        assert all(g.evidence and g.evidence.pairing is None for g in report.alignment.groups)


@needs_encoder
def test_a_weak_pair_is_shown_but_its_sentences_still_count_as_said_alone() -> None:
    alignment = sample_report().alignment
    weak = [g for g in alignment.groups if g.score < alignment.threshold and g.a != (0,)]
    assert weak, "the samples have a pair chosen under the content threshold"
    for group in weak:
        assert set(group.a) <= set(alignment.unmatched_a)
        assert set(group.b) <= set(alignment.unmatched_b)
    strong = [g for g in alignment.groups if g.score >= alignment.threshold]
    for group in strong:
        assert not set(group.a) & set(alignment.unmatched_a)


@needs_encoder
def test_the_model_pairs_the_strategic_stability_talks_with_new_start() -> None:
    # The White House tells the arms-control point in two sentences (extension, then
    # strategic stability talks), the Kremlin in one; the content score alone left
    # the second one said alone.
    with_model = sample_report().alignment
    without = sample_report(pipeline.Options(align=AlignOptions(pairing=False))).alignment
    assert any(g.a == (4,) and g.b == (2, 3) for g in with_model.groups)
    assert 3 in without.unmatched_b and 3 not in with_model.unmatched_b


def test_the_fit_recovers_a_clear_signal() -> None:
    fit = load_eval_script("fit_pairing").fit
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] > 0).astype(float)
    weights, intercept = fit(x, y)
    assert weights[0] > 3 * abs(weights[1])
    assert abs(intercept) < 1


@needs_encoder
def test_the_fit_script_writes_a_model_the_package_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = fit_on_samples(
        "fit_pairing",
        tmp_path,
        monkeypatch,
        '[a]\nfile = "a.txt"\n[b]\nfile = "b.txt"\n'
        '[[align]]\na = "agreed to maintain contacts"\nb = "maintain transparent"\n'
        '[[align]]\na = "exchanged diplomatic notes"\nb = "extend New START"\n',
    )
    model = pairing.parse_model(text)
    assert "1 calls, 2 keyed sentence pairs" in model.trained_on
    assert all(row == column for row, column in gap_weights(model))


def test_summing_the_features_one_by_one_gives_the_stacks_probabilities() -> None:
    rng = np.random.default_rng(1)
    signals = (
        rng.random((4, 5)),
        rng.random((4, 5)),
        np.array([True, False, True, True]),
        np.array([True, True, False, True, True]),
        rng.random((4, 5)),
        rng.random((4, 5)),
        False,
    )
    model = pairing.load_model()
    stack = pairing.features(pairing.feature_matrices(*signals))
    stacked = 1.0 / (1.0 + np.exp(-(stack @ np.asarray(model.weights) + model.intercept)))
    summed = model.pair_probabilities(pairing.feature_matrices(*signals))
    np.testing.assert_allclose(summed, stacked, rtol=1e-12)
