"""Assignment stage of the aligner: which sentence pairs maximise the total similarity.

The exact optimum by the Hungarian method for readouts of ordinary length, and,
above :data:`LARGE_CELLS` sentence pairs, the optimum within blocks of sentences
linked by their best candidates (:func:`blocked_assignment`), since the exact method
takes O(n^2 m) time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def assignment(matrix: Sequence[Sequence[float]] | np.ndarray) -> list[tuple[int, int]]:
    """Row/column pairs that maximise the total score, each row and column used once.

    Rows or columns past the smaller dimension stay unassigned. Up to
    :data:`LARGE_CELLS` scores this is the exact optimum (:func:`hungarian`); above,
    the optimum within each group of sentences linked by their best candidates
    (:func:`blocked_assignment`), since the exact method takes O(n^2 m) time.
    """
    scores = np.asarray(matrix, dtype=np.float64)
    if scores.ndim != 2 or not scores.size:
        return []
    if scores.size > LARGE_CELLS:
        return blocked_assignment(scores)
    return hungarian(scores)


LARGE_CELLS = 250_000
"""Above this many sentence pairs (500 x 500) the aligner takes its large-input paths."""
CANDIDATES = 5
"""A sentence's candidates in :func:`blocked_assignment`: its most similar sentences."""


def blocked_assignment(
    scores: np.ndarray, candidates: int = CANDIDATES, max_cells: int = LARGE_CELLS
) -> list[tuple[int, int]]:
    """An assignment solved exactly per block of sentences linked by their candidates.

    Each sentence is linked to its ``candidates`` most similar sentences on the
    other side; the connected components of these links are solved one by one with
    :func:`hungarian` on all their scores. A block still over ``max_cells`` scores
    is split again with fewer candidates, down to one, then assigned greedily. When
    the links connect everything (random scores do), the block is the whole matrix
    and the result is the exact optimum; on readouts, blocks are a few dozen
    sentences and a pair outside them would score too little to be shown anyway.
    """
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2 or not scores.size:
        return []
    free_rows = np.arange(scores.shape[0])
    free_cols = np.arange(scores.shape[1])
    pairs: list[tuple[int, int]] = []
    while free_rows.size and free_cols.size:
        # A block with more rows than columns leaves rows over; they pair up with the
        # columns other blocks left over, so that min(n, m) pairs come out as before.
        found = _solve_block(scores, free_rows, free_cols, candidates, max_cells)
        pairs += found
        free_rows = np.setdiff1d(free_rows, [i for i, _ in found])
        free_cols = np.setdiff1d(free_cols, [j for _, j in found])
    return sorted(pairs)


def _solve_block(
    scores: np.ndarray, rows: np.ndarray, cols: np.ndarray, candidates: int, max_cells: int
) -> list[tuple[int, int]]:
    block = scores[np.ix_(rows, cols)]
    if block.size <= max_cells:
        return [(int(rows[i]), int(cols[j])) for i, j in hungarian(block)]
    if candidates < 1:
        return [(int(rows[i]), int(cols[j])) for i, j in greedy_assignment(block)]
    pairs: list[tuple[int, int]] = []
    parts = _components(block, candidates)
    fewer = candidates - 1 if len(parts) == 1 else candidates
    for part_rows, part_cols in parts:
        if len(parts) == 1 or len(part_rows) * len(part_cols) > max_cells:
            pairs += _solve_block(scores, rows[part_rows], cols[part_cols], fewer, max_cells)
        else:
            sub = block[np.ix_(part_rows, part_cols)]
            pairs += [(int(rows[part_rows[i]]), int(cols[part_cols[j]])) for i, j in hungarian(sub)]
    return pairs


def _components(block: np.ndarray, candidates: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Connected components (rows, columns) of the links of each row and column to its
    ``candidates`` best counterparts."""
    n, m = block.shape
    k_row, k_col = min(candidates, m), min(candidates, n)
    best_cols = np.argpartition(-block, k_row - 1, axis=1)[:, :k_row]
    best_rows = np.argpartition(-block, k_col - 1, axis=0)[:k_col, :]
    parent = list(range(n + m))  # union-find: rows are 0..n-1, columns n..n+m-1

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = [(i, n + j) for i, js in enumerate(best_cols.tolist()) for j in js]
    links += [(i, n + j) for j, is_ in enumerate(best_rows.T.tolist()) for i in is_]
    for x, y in links:
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[rx] = ry
    members: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(n + m):
        side = members.setdefault(root(x), ([], []))
        if x < n:
            side[0].append(x)
        else:
            side[1].append(x - n)
    return [(np.array(r), np.array(c)) for r, c in members.values()]


def greedy_assignment(scores: np.ndarray) -> list[tuple[int, int]]:
    """Pairs taken best score first, each row and column once (ties: lowest indices)."""
    n, m = scores.shape
    order = np.argsort(-scores, axis=None, kind="stable")
    free_rows, free_cols = np.ones(n, dtype=bool), np.ones(m, dtype=bool)
    pairs = []
    for cell in order.tolist():
        i, j = divmod(cell, m)
        if free_rows[i] and free_cols[j]:
            free_rows[i] = free_cols[j] = False
            pairs.append((i, j))
            if len(pairs) == min(n, m):
                break
    return sorted(pairs)


def hungarian(matrix: Sequence[Sequence[float]] | np.ndarray) -> list[tuple[int, int]]:
    """The exact optimal assignment: the Hungarian method with potentials (O(n^2 m),
    the inner loop in numpy)."""
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
