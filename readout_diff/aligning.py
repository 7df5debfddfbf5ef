"""Aligning stage: which sentence of one readout reports the same point as which of the other.

Every sentence pair gets a similarity in [0, 1] that combines

* a lexical score: a soft Dice overlap of the two sentences' content lemmas, each
  weighted by its rarity across both readouts (IDF), where two lemmas count as the
  same word to the degree rapidfuzz finds them alike ("aggression" ~ "aggressive");
* a topic score: the IDF-weighted overlap of the two sentences' topic sets, which
  carries the alignment when the two governments use different words for one
  thing, and across languages (where lemmas are compared transliterated, so that
  names still match).

An optimal one-to-one assignment (the Hungarian method) then pairs sentences,
pairs below the threshold are dropped, a sentence left over may join the group of
its best counterpart when one side split a point in two (1:n), and two sentences
that are each other's best match are always shown together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from readout_diff.model import DEFAULT_THRESHOLD, AlignedGroup, Alignment, TaggedReadout


@dataclass(frozen=True)
class AlignOptions:
    """Tuning of the aligner."""

    threshold: float = DEFAULT_THRESHOLD
    """Pairs scoring below this are not aligned; their sentences count as unmatched."""
    topic_weight: float = 0.5
    """Share of the topic score in a pair's similarity when both readouts share a language."""
    cross_lingual_topic_weight: float = 0.9
    """Share of the topic score when the readouts are in different languages."""
    fuzzy_cutoff: float = 80.0
    """rapidfuzz ratio from which two different lemmas count as (partly) the same word."""
    join_threshold: float = 0.3
    """A leftover sentence joins a group (1:n) only from this score: a split needs a
    little more evidence than a pair."""
    max_group: int = 2
    """Most sentences one side may put into a group (2 allows 1:2 splits)."""
    mutual_best: bool = True
    """Also align two sentences that are each other's best match when the assignment
    gave one of them to another sentence (that sentence then sits in two groups)."""


def align(a: TaggedReadout, b: TaggedReadout, options: AlignOptions | None = None) -> Alignment:
    """Align the sentences of two tagged readouts."""
    opts = options or AlignOptions()
    matrix = similarity_matrix(a, b, opts)
    pairs = [(i, j) for i, j in assignment(matrix) if matrix[i][j] >= opts.threshold]
    groups = _grow_groups(matrix, pairs, opts)
    in_a = {i for g in groups for i in g.a}
    in_b = {j for g in groups for j in g.b}
    return Alignment(
        groups=tuple(groups),
        unmatched_a=tuple(i for i in range(len(a.sentences)) if i not in in_a),
        unmatched_b=tuple(j for j in range(len(b.sentences)) if j not in in_b),
        threshold=opts.threshold,
        similarity=tuple(tuple(row) for row in matrix),
    )


def similarity_matrix(
    a: TaggedReadout, b: TaggedReadout, options: AlignOptions | None = None
) -> list[list[float]]:
    """Similarity in [0, 1] of every sentence of ``a`` with every sentence of ``b``."""
    opts = options or AlignOptions()
    lemmas_a = [s.lemmas for s in a.sentences]
    lemmas_b = [s.lemmas for s in b.sentences]
    if a.readout.language != b.readout.language:
        # Names survive translation: "Путин" ~ "Putin", "Украина" ~ "Ukraine", "Иран" = "Iran".
        lemmas_a = [tuple(transliterate(t) for t in doc) for doc in lemmas_a]
        lemmas_b = [tuple(transliterate(t) for t in doc) for doc in lemmas_b]
    lex = lexical_matrix(lemmas_a, lemmas_b, opts.fuzzy_cutoff)
    topics_a = [a.sentence_topics(s.index) for s in a.sentences]
    topics_b = [b.sentence_topics(s.index) for s in b.sentences]
    topic = np.array(topic_matrix(topics_a, topics_b)).reshape(len(topics_a), len(topics_b))
    lexical = np.array(lex).reshape(len(topics_a), len(topics_b))
    same_language = a.readout.language == b.readout.language
    weight = opts.topic_weight if same_language else opts.cross_lingual_topic_weight
    tagged_a = np.array([bool(t) for t in topics_a], dtype=bool)
    tagged_b = np.array([bool(t) for t in topics_b], dtype=bool)
    both = tagged_a[:, None] & tagged_b[None, :]
    scores = np.where(both, weight * topic + (1 - weight) * lexical, lexical)
    return [[round(float(x), 4) for x in row] for row in np.clip(scores, 0.0, 1.0)]


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

    For a pair (A, B), each lemma of A counts with its weight times its best likeness
    to a lemma of B, and the other way round; the sum is divided by the weight of all
    lemmas of both. Likeness is 1 for the same lemma and rapidfuzz's ratio (from
    ``fuzzy_cutoff`` up) for different lemmas of more than three letters.
    """
    if not a or not b:
        return [[0.0] * len(b) for _ in a]
    idf = _informative_idf([*a, *b])
    vocab_a = sorted({t for doc in a for t in doc})
    vocab_b = sorted({t for doc in b for t in doc})
    if not vocab_a or not vocab_b:
        return [[0.0] * len(b) for _ in a]
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
    weights_b, best_a = _weights_and_best(b, col_b, idf, alike.T)
    covered = weights_a @ best_a.T + best_b @ weights_b.T
    total = weights_a.sum(axis=1)[:, None] + weights_b.sum(axis=1)[None, :]
    scores = np.divide(covered, total, out=np.zeros_like(covered), where=total > 0)
    return [[float(x) for x in row] for row in np.clip(scores, 0.0, 1.0)]


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
        return [[0.0] * len(b) for _ in a]
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
    return [[float(x) for x in row] for row in (overlap + cosine) / 2]


def assignment(matrix: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs that maximise the total score, each row and column used once.

    The Hungarian method with potentials (O(n^2 m), the inner loop in numpy); rows or
    columns past the smaller dimension stay unassigned.
    """
    scores = np.asarray(matrix, dtype=np.float64)
    if scores.ndim != 2 or not scores.size:
        return []
    transpose = scores.shape[0] > scores.shape[1]
    cost = -(scores.T if transpose else scores)
    n, m = cost.shape
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    owner = np.zeros(m + 1, dtype=np.int64)  # owner[j]: the row (1-based) holding column j
    way = np.zeros(m + 1, dtype=np.int64)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[col0] = True
            i0 = owner[col0]
            free = ~used
            free[0] = False
            current = np.full(m + 1, np.inf)
            current[1:] = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (current < minv)
            minv[better] = current[better]
            way[better] = col0
            masked = np.where(free, minv, np.inf)
            col1 = int(np.argmin(masked))
            delta = masked[col1]
            held = np.nonzero(used)[0]
            u[owner[held]] += delta
            v[held] -= delta
            minv[free] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = int(way[col0])
            owner[col0] = owner[col1]
            col0 = col1
    pairs = [(int(owner[j]) - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transpose:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)


def _grow_groups(
    matrix: Sequence[Sequence[float]], pairs: list[tuple[int, int]], opts: AlignOptions
) -> list[AlignedGroup]:
    """Turn 1:1 pairs into groups, letting leftover sentences join their best counterpart."""
    members: list[tuple[list[int], list[int]]] = [([i], [j]) for i, j in pairs]
    group_of_a = {i: k for k, (i, _) in enumerate(pairs)}
    group_of_b = {j: k for k, (_, j) in enumerate(pairs)}
    rows = len(matrix)
    cols = len(matrix[0]) if rows else 0
    candidates = []
    for i in range(rows):
        if i not in group_of_a:
            for j in range(cols):
                if matrix[i][j] >= opts.join_threshold and j in group_of_b:
                    candidates.append((matrix[i][j], "a", i, j))
    for j in range(cols):
        if j not in group_of_b:
            for i in range(rows):
                if matrix[i][j] >= opts.join_threshold and i in group_of_a:
                    candidates.append((matrix[i][j], "b", j, i))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    joined_a: set[int] = set()
    joined_b: set[int] = set()
    for _score, side, mine, theirs in candidates:
        if side == "a":
            if mine in joined_a:
                continue
            group = members[group_of_b[theirs]]
            if len(group[1]) == 1 and len(group[0]) < opts.max_group:
                group[0].append(mine)
                joined_a.add(mine)
        else:
            if mine in joined_b:
                continue
            group = members[group_of_a[theirs]]
            if len(group[0]) == 1 and len(group[1]) < opts.max_group:
                group[1].append(mine)
                joined_b.add(mine)
    groups = []
    for ids_a, ids_b in members:
        score = max(matrix[i][j] for i in ids_a for j in ids_b)
        groups.append(AlignedGroup(a=tuple(sorted(ids_a)), b=tuple(sorted(ids_b)), score=score))
    if opts.mutual_best:
        groups += _mutual_best_pairs(matrix, groups, opts.threshold)
    groups.sort(key=lambda g: (g.a[0], g.b[0]))
    return groups


def _mutual_best_pairs(
    matrix: Sequence[Sequence[float]], groups: list[AlignedGroup], threshold: float
) -> list[AlignedGroup]:
    """Pairs of sentences that are each other's best match but were assigned elsewhere.

    The assignment maximises the total score, so it may give a sentence to its
    second-best counterpart to make room elsewhere; a mutual best match is too
    strong a signal to hide, so it is shown as a group of its own.
    """
    together = {(i, j) for g in groups for i in g.a for j in g.b}
    rows, cols = len(matrix), len(matrix[0]) if matrix else 0
    extra = []
    for i in range(rows):
        if not cols:
            break
        j = max(range(cols), key=lambda c: (matrix[i][c], -c))
        if matrix[i][j] < threshold or (i, j) in together:
            continue
        if max(range(rows), key=lambda r: (matrix[r][j], -r)) == i:
            extra.append(AlignedGroup(a=(i,), b=(j,), score=matrix[i][j]))
    return extra
