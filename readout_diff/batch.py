"""Comparing many pairs of readouts, on several cores: ``compare_many(pairs) -> reports``.

Each worker process loads the spaCy pipelines and compiles the topic pack once,
then compares pair after pair; a pair of real readouts takes a few milliseconds
once that is done, so an archive of thousands of calls is bound by the number of
cores. Reports come back in the order of the pairs.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator

from readout_diff.model import Readout, Report
from readout_diff.pipeline import Options, compare

Pair = tuple[Readout, Readout]

_worker_options: Options | None = None


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def compare_many(
    pairs: Iterable[Pair],
    options: Options | None = None,
    *,
    workers: int | None = None,
    chunksize: int = 8,
) -> Iterator[Report]:
    """Compare each pair of readouts, yielding the reports in the order of the pairs.

    ``workers`` processes share the work (default: one per core); with one worker
    everything runs in this process. An error in one pair (a
    :class:`~readout_diff.errors.ReadoutDiffError`) stops the batch and is raised here.
    """
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, got {count}")
    if count == 1:
        for a, b in pairs:
            yield compare(a, b, options)
        return
    with multiprocessing.Pool(count, initializer=_start_worker, initargs=(options,)) as pool:
        yield from pool.imap(_compare_pair, pairs, chunksize=chunksize)


def _start_worker(options: Options | None) -> None:
    global _worker_options
    _worker_options = options


def _compare_pair(pair: Pair) -> Report:
    return compare(pair[0], pair[1], _worker_options)
