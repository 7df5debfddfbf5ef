"""Aligning stage: which sentence of one readout reports the same point as which of the other.

Every sentence pair gets a similarity in [0, 1] that combines

* a lexical score: a soft Dice overlap of the two sentences' content lemmas, each
  weighted by its rarity across both readouts (IDF), where two lemmas count as the
  same word to the degree rapidfuzz finds them alike ("aggression" ~ "aggressive");
* a topic score: the weighted overlap of the two sentences' topics, which carries
  the alignment when the two governments use different words for one thing, and
  across languages.

An optimal one-to-one assignment (the Hungarian method) then pairs sentences,
pairs below the threshold are dropped, and a sentence left over may join the group
of its best counterpart when one side split a point in two (1:n).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from readout_diff.model import AlignedGroup, Alignment, TaggedReadout

DEFAULT_THRESHOLD = 0.3


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
    max_group: int = 2
    """Most sentences one side may put into a group (2 allows 1:2 splits)."""


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
    lex = lexical_matrix(
        [s.lemmas for s in a.sentences], [s.lemmas for s in b.sentences], opts.fuzzy_cutoff
    )
    topics_a = [a.sentence_topics(s.index) for s in a.sentences]
    topics_b = [b.sentence_topics(s.index) for s in b.sentences]
    topic = topic_matrix(topics_a, topics_b)
    same_language = a.readout.language == b.readout.language
    weight = opts.topic_weight if same_language else opts.cross_lingual_topic_weight
    matrix = []
    for i, row in enumerate(lex):
        out = []
        for j, lexical in enumerate(row):
            if topics_a[i] and topics_b[j]:
                score = weight * topic[i][j] + (1 - weight) * lexical
            else:
                score = lexical
            out.append(round(min(1.0, max(0.0, score)), 4))
        matrix.append(out)
    return matrix


def _idf(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    df = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    return {term: math.log(1 + n / count) for term, count in df.items()}


def lexical_matrix(
    a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], fuzzy_cutoff: float = 80.0
) -> list[list[float]]:
    """Soft, IDF-weighted Dice overlap of the content lemmas of every sentence pair."""
    idf = _idf([*a, *b])
    vocab_a = sorted({t for doc in a for t in doc})
    vocab_b = sorted({t for doc in b for t in doc})
    alike: dict[str, dict[str, float]] = {t: {} for t in vocab_a}
    if vocab_a and vocab_b:
        ratios = process.cdist(
            vocab_a, vocab_b, scorer=fuzz.ratio, score_cutoff=fuzzy_cutoff, workers=1
        )
        for x, row in zip(vocab_a, ratios, strict=True):
            for y, ratio in zip(vocab_b, row, strict=True):
                if x == y:
                    alike[x][y] = 1.0
                elif ratio and min(len(x), len(y)) > 3:
                    alike[x][y] = float(ratio) / 100.0
    alike_b: dict[str, dict[str, float]] = {t: {} for t in vocab_b}
    for x, row in alike.items():
        for y, value in row.items():
            alike_b[y][x] = value

    matrix = []
    for doc_a in a:
        set_a = set(doc_a)
        weight_a = sum(idf[t] for t in set_a)
        row = []
        for doc_b in b:
            set_b = set(doc_b)
            total = weight_a + sum(idf[t] for t in set_b)
            if not total:
                row.append(0.0)
                continue
            covered_a = sum(
                idf[x] * max((v for y, v in alike[x].items() if y in set_b), default=0.0)
                for x in set_a
            )
            covered_b = sum(
                idf[y] * max((v for x, v in alike_b[y].items() if x in set_a), default=0.0)
                for y in set_b
            )
            row.append((covered_a + covered_b) / total)
        matrix.append(row)
    return matrix


def topic_matrix(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> list[list[float]]:
    """Weighted overlap coefficient of the topics of every sentence pair."""
    idf = _idf([sorted(t) for t in (*a, *b)])
    matrix = []
    for ta in a:
        row = []
        for tb in b:
            if not ta or not tb:
                row.append(0.0)
                continue
            shared = sum(idf[t] for t in ta & tb)
            smaller = min(sum(idf[t] for t in ta), sum(idf[t] for t in tb))
            row.append(shared / smaller if smaller else 0.0)
        matrix.append(row)
    return matrix


def assignment(matrix: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs that maximise the total score, each row and column used once.

    The Hungarian method with potentials, O(n^2 m); rows and columns past the
    smaller dimension stay unassigned.
    """
    rows = len(matrix)
    cols = len(matrix[0]) if rows else 0
    if not rows or not cols:
        return []
    transpose = rows > cols
    cost = (
        [[-matrix[i][j] for i in range(rows)] for j in range(cols)]
        if transpose
        else [[-value for value in row] for row in matrix]
    )
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            i0 = owner[col0]
            delta = inf
            col1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if current < minv[j]:
                    minv[j] = current
                    way[j] = col0
                if minv[j] < delta:
                    delta = minv[j]
                    col1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
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
                if matrix[i][j] >= opts.threshold and j in group_of_b:
                    candidates.append((matrix[i][j], "a", i, j))
    for j in range(cols):
        if j not in group_of_b:
            for i in range(rows):
                if matrix[i][j] >= opts.threshold and i in group_of_a:
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
    groups.sort(key=lambda g: (g.a[0], g.b[0]))
    return groups
