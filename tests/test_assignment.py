"""The assignment stage: exact and blocked optimal pairings of sentences."""

from __future__ import annotations

import numpy as np
import pytest


def _hidden_blocks(sizes: list[int], seed: int) -> np.ndarray:
    """Scores like long readouts': clusters of related sentences, scoring high within
    and next to nothing across, rows and columns shuffled."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = sum(sizes)
    scores = rng.random((n, n)) * 0.05
    start = 0
    for size in sizes:
        scores[start : start + size, start : start + size] = 0.3 + 0.7 * rng.random((size, size))
        start += size
    return scores[rng.permutation(n)][:, rng.permutation(n)]


@pytest.mark.parametrize("seed", range(5))
def test_blocked_assignment_equals_the_exact_one_on_random_matrices(seed: int) -> None:
    import numpy as np

    from readout_diff.assignment import blocked_assignment, hungarian

    rng = np.random.default_rng(seed)
    scores = rng.random((int(rng.integers(20, 60)), int(rng.integers(20, 60))))
    # Random scores link every sentence to every other through their candidates: one
    # block, solved exactly.
    assert blocked_assignment(scores, max_cells=scores.size) == hungarian(scores)


@pytest.mark.parametrize("seed", range(5))
def test_blocked_assignment_solves_hidden_blocks_exactly(seed: int) -> None:
    from readout_diff.assignment import blocked_assignment, hungarian

    scores = _hidden_blocks([12, 8, 20, 6, 15, 9], seed)
    # Blocks must be split for max_cells=400: each cluster is one, and the optimum
    # never crosses clusters, so the result is the exact optimum.
    assert blocked_assignment(scores, max_cells=400) == hungarian(scores)


def test_blocked_assignment_is_a_valid_assignment_when_blocks_stay_too_big() -> None:
    import numpy as np

    from readout_diff.assignment import blocked_assignment, greedy_assignment, hungarian

    scores = np.random.default_rng(7).random((40, 55))
    pairs = blocked_assignment(scores, max_cells=30)  # falls back to smaller blocks, greedy
    assert len(pairs) == 40
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == 40

    def total(found: list[tuple[int, int]]) -> float:
        return float(sum(scores[i, j] for i, j in found))

    assert total(greedy_assignment(scores)) <= total(hungarian(scores))
    assert total(pairs) <= total(hungarian(scores)) + 1e-9
