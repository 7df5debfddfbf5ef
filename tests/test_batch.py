"""Batches: many pairs compared in order, in this process or in worker processes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readout_diff import pipeline
from readout_diff.batch import compare_many, default_workers
from readout_diff.model import Readout

PAIRS = [
    ("The leaders discussed New START.", "The presidents talked about Ukraine and New START."),
    ("Navalny was not discussed.", "The poisoning of Alexei Navalny was raised."),
    ("They spoke about climate change.", "Climate change and Donbas were on the agenda."),
]


@pytest.fixture
def pairs(make_readout: Callable[..., Readout]) -> list[tuple[Readout, Readout]]:
    return [(make_readout(a, f"a{i}"), make_readout(b, f"b{i}")) for i, (a, b) in enumerate(PAIRS)]


def test_batch_gives_the_reports_of_compare_in_order(
    pairs: list[tuple[Readout, Readout]], small_options: pipeline.Options
) -> None:
    expected = [pipeline.compare(a, b, small_options) for a, b in pairs]
    assert list(compare_many(pairs, small_options, workers=1)) == expected


def test_batch_on_two_workers_gives_the_same_reports(
    pairs: list[tuple[Readout, Readout]], small_options: pipeline.Options
) -> None:
    expected = [pipeline.compare(a, b, small_options) for a, b in pairs]
    assert list(compare_many(pairs * 2, small_options, workers=2, chunksize=1)) == expected * 2


def test_batch_of_no_pairs_is_empty(small_options: pipeline.Options) -> None:
    assert list(compare_many([], small_options, workers=2)) == []


def test_batch_needs_a_worker(pairs: list[tuple[Readout, Readout]]) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(compare_many(pairs, workers=0))


def test_batch_uses_every_core_by_default() -> None:
    assert default_workers() >= 1
