"""Overlap scores of sentence pairs: the lexical and the topic signal of the aligner.

* the lexical score, a soft Dice overlap of two sentences' content lemmas, each
  weighted by its BM25 rarity across both readouts, where two lemmas count as the
  same word to the degree rapidfuzz finds them alike ("aggression" ~ "aggressive");
  across languages the aligner hands in glossary concepts and transliterated names
  (:func:`transliterate`);
* the topic score, the IDF-weighted overlap of two sentences' topic sets.

Split from :mod:`readout_diff.aligning`, which combines these with the encoder's
margin score and pairs the sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from readout_diff.assignment import LARGE_CELLS

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
        strict=True,
    )
)


def transliterate(word: str) -> str:
    """A lowercase Cyrillic word in Latin letters, so that names can match across languages."""
    return "".join(_CYRILLIC.get(ch, ch) for ch in word).replace("-", "")


def _idf(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    """Inverse document frequency, smoothed so that no term weighs zero."""
    df = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    return {term: math.log(1 + n / count) for term, count in df.items()}


def _informative_idf(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    """BM25's inverse document frequency (in Lucene's form, never negative).

    A word found in most sentences (the leaders' names, "United States") says
    little about which sentences report the same point, so it weighs next to
    nothing, far less than under the smoothed IDF used for topics.
    """
    df = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    return {term: math.log(1 + (n - c + 0.5) / (c + 0.5)) for term, c in df.items()}


def lexical_matrix(
    a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], fuzzy_cutoff: float = 80.0
) -> list[list[float]]:
    """Soft, IDF-weighted Dice overlap of the content lemmas of every sentence pair.

    See :func:`lexical_scores`.
    """
    scores: list[list[float]] = lexical_scores(a, b, fuzzy_cutoff).tolist()
    return scores


def lexical_scores(
    a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], fuzzy_cutoff: float = 80.0
) -> np.ndarray:
    """Soft, IDF-weighted Dice overlap of the content lemmas of every sentence pair.

    For a pair (A, B), each lemma of A counts with its weight times its best likeness
    to a lemma of B, and the other way round; the sum is divided by the weight of all
    lemmas of both. Likeness is 1 for the same lemma and rapidfuzz's ratio (from
    ``fuzzy_cutoff`` up) for different lemmas of more than three letters.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)))
    idf = _informative_idf([*a, *b])
    vocab_a = sorted({t for doc in a for t in doc})
    vocab_b = sorted({t for doc in b for t in doc})
    if not vocab_a or not vocab_b:
        return np.zeros((len(a), len(b)))
    col_a = {t: k for k, t in enumerate(vocab_a)}
    col_b = {t: k for k, t in enumerate(vocab_b)}
    alike = process.cdist(
        vocab_a, vocab_b, scorer=fuzz.ratio, score_cutoff=fuzzy_cutoff, dtype=np.float64
    )
    alike /= 100.0
    short_a = np.array([len(t) <= 3 for t in vocab_a])
    short_b = np.array([len(t) <= 3 for t in vocab_b])
    alike[short_a[:, None] | short_b[None, :]] = 0.0
    for term in col_a.keys() & col_b.keys():
        alike[col_a[term], col_b[term]] = 1.0

    weights_a, best_b = _weights_and_best(a, col_a, idf, alike)
    alike = np.ascontiguousarray(alike.T)  # rows gathered fast; the original is freed
    weights_b, best_a = _weights_and_best(b, col_b, idf, alike)
    del alike
    if len(a) * len(b) <= LARGE_CELLS:
        covered = weights_a @ best_a.T + best_b @ weights_b.T
    else:
        # A sentence has a dozen lemmas out of thousands: multiply only those.
        covered = _sparse_product(weights_a, best_a) + _sparse_product(weights_b, best_b).T
    total = weights_a.sum(axis=1)[:, None] + weights_b.sum(axis=1)[None, :]
    scores = np.divide(covered, total, out=np.zeros_like(covered), where=total > 0)
    clipped: np.ndarray = np.clip(scores, 0.0, 1.0)
    return clipped


def _sparse_product(weights: np.ndarray, best: np.ndarray) -> np.ndarray:
    """``weights @ best.T`` for a ``weights`` with few non-zero entries per row."""
    columns = np.ascontiguousarray(best.T)
    out = np.empty((weights.shape[0], best.shape[0]))
    for i, row in enumerate(weights):
        (cols,) = np.nonzero(row)
        out[i] = row[cols] @ columns[cols]
    return out


def _weights_and_best(
    docs: Sequence[Sequence[str]],
    column: dict[str, int],
    idf: dict[str, float],
    alike: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For each sentence: the IDF weight of each of its lemmas (a row over this side's
    vocabulary), and how alike each lemma of the other side is to its best match in the
    sentence (a row over the other side's vocabulary); ``alike`` is this side x other.
    """
    vocab = sorted(column, key=column.__getitem__)
    weights = np.zeros((len(docs), alike.shape[0]))
    best = np.zeros((len(docs), alike.shape[1]))
    for i, doc in enumerate(docs):
        cols = sorted({column[t] for t in doc})
        if cols:
            weights[i, cols] = [idf[vocab[c]] for c in cols]
            best[i] = alike[cols, :].max(axis=0)
    return weights, best


def topic_matrix(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> list[list[float]]:
    """Similarity of the topic sets of every sentence pair, in [0, 1]; see :func:`topic_scores`."""
    scores: list[list[float]] = topic_scores(a, b).tolist()
    return scores


def topic_scores(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> np.ndarray:
    """Similarity of the topic sets of every sentence pair, in [0, 1].

    The mean of two weighted measures: the overlap coefficient, which is 1 when the
    smaller set is covered (a sentence on Ukraine against a sentence listing four
    issues, Ukraine among them), and the cosine, which tells apart the candidates
    that the overlap coefficient scores alike. Each topic is weighted by its rarity
    across both readouts (IDF), so a topic that runs through a whole readout counts
    less than a specific one; 0 when either sentence has no topic.
    """
    idf = _idf([sorted(t) for t in (*a, *b)])
    topics = sorted(idf)
    if not topics or not a or not b:
        return np.zeros((len(a), len(b)))
    col = {t: k for k, t in enumerate(topics)}
    weight = np.array([idf[t] for t in topics])
    has_a = np.zeros((len(a), len(topics)))
    has_b = np.zeros((len(b), len(topics)))
    for i, ts in enumerate(a):
        has_a[i, [col[t] for t in ts]] = 1.0
    for j, ts in enumerate(b):
        has_b[j, [col[t] for t in ts]] = 1.0
    shared = (has_a * weight**2) @ has_b.T
    norms = np.sqrt((has_a @ weight**2)[:, None] * (has_b @ weight**2)[None, :])
    cosine = np.divide(shared, norms, out=np.zeros_like(shared), where=norms > 0)
    covered = (has_a * weight) @ has_b.T
    smaller = np.minimum((has_a @ weight)[:, None], (has_b @ weight)[None, :])
    overlap = np.divide(covered, smaller, out=np.zeros_like(covered), where=smaller > 0)
    mean: np.ndarray = (overlap + cosine) / 2
    return mean
