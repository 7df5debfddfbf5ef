"""Pairing model: how likely two sentences are to report the same point, learned from keyed calls.

The aligner's similarity adds up its signals with weights set by hand (lexical,
encoder margin, topics). Which of them to trust depends on the rest of the two
readouts: a pair that is the clear best of its row and column is worth more than one
of many alike, English paraphrase leans on the encoder more than a translation does.
A logistic regression over the pair's signals and how each stands in its row and
column learns that from the ``[[align]]`` pairs of the keyed check sets (both keys)
and of the development corpus, each pair seen from both readouts, so that a row gap
and a column gap get one weight and swapping the readouts transposes the pairs. Its
weights are data (``weights/pairing.toml``), written by ``eval/fit_pairing.py`` and
checked when loaded.

The aligner chooses pairs on the mean of the content similarity and the model's
confidence (its log-odds mapped into [0, 1], :func:`confidence`), among pairs the
model gives at least its floor and whose content similarity comes near the threshold;
the similarity it reports, and every judgement made on it, stays the content
similarity, and a pair whose content stays under the threshold is a weak pair: its
sentences still count as said alone. The model
needs the sentence encoder: without it the aligner keeps its hand-set scores.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import numpy as np

FEATURES = (
    "lexical",
    "topic",
    "both_tagged",
    "cosine",
    "margin",
    "cross",
    "cross_lexical",
    "cross_cosine",
    "cross_topic",
    "distance",
    "cosine_row_gap",
    "cosine_col_gap",
    "lexical_row_gap",
    "lexical_col_gap",
    "topic_row_gap",
    "topic_col_gap",
)
"""The model's inputs for a sentence pair, in order. ``*_row_gap``: the pair's score
less the best other score of its row (positive: the best of the row); ``cross``: the
two readouts are in different languages; ``distance``: the gap between the two
sentences' relative places."""

LOGIT_SPAN = 16.0
"""Width of the log-odds range that :func:`confidence` maps into [0, 1] (-8 .. 8)."""


@dataclass(frozen=True)
class PairingModel:
    """A logistic regression over :data:`FEATURES`."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    """The model's share of the bar a pair's blended score must reach, as a probability."""
    floor: float
    """Probability under which the model does not lift a pair whose content similarity
    is under the threshold."""
    blend: float
    """Share of the model's confidence in the score pairs are chosen on (the rest:
    the content similarity)."""
    trained_on: str
    """What the weights were fitted on (for the record)."""

    def pair_probabilities(self, matrices: Iterable[tuple[str, np.ndarray]]) -> np.ndarray:
        """P(same point) of every pair, from :func:`feature_matrices` (one at a time)."""
        weight = dict(zip(FEATURES, self.weights, strict=True))
        logits: np.ndarray | None = None
        for name, matrix in matrices:
            term = weight[name] * matrix
            logits = term if logits is None else logits + term
        assert logits is not None
        probs: np.ndarray = 1.0 / (1.0 + np.exp(-(logits + self.intercept)))
        return probs


class PairingModelError(ValueError):
    """The pairing model's file is malformed."""


def confidence(probabilities: np.ndarray | float) -> np.ndarray:
    """Probabilities as log-odds mapped linearly into [0, 1] (p = 0.5 -> 0.5).

    The assignment adds scores up; on probabilities, one near-certain pair outweighs
    two likely ones, on log-odds each pair counts by its evidence.
    """
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-6, 1 - 1e-6)
    mapped: np.ndarray = np.clip(np.log(p / (1 - p)) / LOGIT_SPAN + 0.5, 0.0, 1.0)
    return mapped


def features(matrices: Iterable[tuple[str, np.ndarray]]) -> np.ndarray:
    """:func:`feature_matrices` stacked into (n, m, len(FEATURES)): what the fit reads."""
    return np.stack([matrix for _, matrix in matrices], axis=-1)


def feature_matrices(
    lexical: np.ndarray,
    topic: np.ndarray,
    tagged_a: np.ndarray,
    tagged_b: np.ndarray,
    cosine: np.ndarray,
    margin: np.ndarray,
    cross: bool,
) -> Iterator[tuple[str, np.ndarray]]:
    """Each feature's (n, m) matrix in the order of :data:`FEATURES`, one at a time
    (two 2,000-sentence readouts would need half a gigabyte for all of them at once).

    ``tagged_a``/``tagged_b``: whether each sentence carries a topic; the other
    arrays are (n, m) score matrices of the aligner's signals.
    """
    lexical = np.asarray(lexical, dtype=np.float64)
    rows, cols = lexical.shape
    in_a, in_b = np.asarray(tagged_a, dtype=bool), np.asarray(tagged_b, dtype=bool)
    both = (in_a[:, None] & in_b[None, :]).astype(np.float64)
    topic = np.asarray(topic, dtype=np.float64) * both
    cosine = np.asarray(cosine, dtype=np.float64)
    flag = 1.0 if cross else 0.0
    place_a = np.arange(rows)[:, None] / max(rows - 1, 1)
    place_b = np.arange(cols)[None, :] / max(cols - 1, 1)
    made: dict[str, Callable[[], np.ndarray]] = {
        "lexical": lambda: lexical,
        "topic": lambda: topic,
        "both_tagged": lambda: both,
        "cosine": lambda: cosine,
        "margin": lambda: np.asarray(margin, dtype=np.float64),
        "cross": lambda: np.full(lexical.shape, flag),
        "cross_lexical": lambda: lexical * flag,
        "cross_cosine": lambda: cosine * flag,
        "cross_topic": lambda: topic * flag,
        "distance": lambda: np.abs(place_a - place_b),
        "cosine_row_gap": lambda: _row_gaps(cosine),
        "cosine_col_gap": lambda: _row_gaps(cosine.T).T,
        "lexical_row_gap": lambda: _row_gaps(lexical),
        "lexical_col_gap": lambda: _row_gaps(lexical.T).T,
        "topic_row_gap": lambda: _row_gaps(topic),
        "topic_col_gap": lambda: _row_gaps(topic.T).T,
    }
    for name in FEATURES:
        yield name, made[name]()


def gaps(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each score less the best *other* score of its row, and of its column.

    Positive where the pair is the strict best of its row (column), zero at a tie,
    negative below the best; zero where the row (column) has no other pair.
    """
    scores = np.asarray(scores, dtype=np.float64)
    return _row_gaps(scores), _row_gaps(scores.T).T


def _row_gaps(scores: np.ndarray) -> np.ndarray:
    rows, cols = scores.shape
    if cols < 2 or rows == 0:
        return np.zeros(scores.shape)
    ordered = -np.sort(-scores, axis=1)
    best, second = ordered[:, :1], ordered[:, 1:2]
    other = np.where(scores >= best, second, best)
    gap: np.ndarray = scores - other
    return gap


def is_number(value: object) -> bool:
    """A finite int or float (not a bool): what a model file's numbers must be."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@functools.cache
def load_model() -> PairingModel:
    """The pairing model shipped in the package (validated)."""
    text = resources.files("readout_diff").joinpath("weights/pairing.toml").read_text("utf-8")
    return parse_model(text)


def parse_model(text: str) -> PairingModel:
    """A :class:`PairingModel` from its TOML, or :class:`PairingModelError` saying what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PairingModelError(f"pairing model: not TOML ({exc})") from None
    names = data.get("features")
    if names != list(FEATURES):
        raise PairingModelError("pairing model: not the features this version computes")
    weights = data.get("weights")
    if not isinstance(weights, list) or len(weights) != len(FEATURES):
        raise PairingModelError("pairing model: one weight per feature is needed")
    numbers = [*weights, *(data.get(k) for k in ("intercept", "threshold", "floor", "blend"))]
    if not all(is_number(x) for x in numbers):
        raise PairingModelError("pairing model: weights and parameters must be numbers")
    threshold, floor, blend = (float(data[k]) for k in ("threshold", "floor", "blend"))
    if not (0.0 < threshold < 1.0 and 0.0 <= floor < 1.0 and 0.0 <= blend <= 1.0):
        raise PairingModelError("pairing model: threshold in (0, 1), floor and blend in [0, 1]")
    return PairingModel(
        weights=tuple(float(w) for w in weights),
        intercept=float(data["intercept"]),
        threshold=threshold,
        floor=floor,
        blend=blend,
        trained_on=str(data.get("trained_on", "")),
    )
