"""The exit-status table (:mod:`readout_diff.status`): every status, every policy."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readout_diff.batch import JobResult
from readout_diff.model import MultiReport, Report
from readout_diff.status import (
    ExitStatus,
    FailOn,
    batch_status,
    check_status,
    fail_on_problem,
    many_status,
    pair_status,
    report_status,
)

CompareTexts = Callable[..., Report]
CompareMany = Callable[..., MultiReport]
ONE_SIDED = ("They discussed New START and Ukraine.", "They discussed New START and Navalny.")
ONLY_B = ("They discussed New START.", "They discussed New START and Navalny.")
SAME = ("They discussed New START.", "New START came up.")


def test_status_values_are_those_of_diff_and_the_shell() -> None:
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 130, 141]


@pytest.mark.parametrize(
    ("texts", "fail_on", "status"),
    [
        (ONE_SIDED, FailOn.ANY, ExitStatus.DIFFERENT),
        (ONE_SIDED, FailOn.PACK, ExitStatus.DIFFERENT),
        (ONE_SIDED, FailOn.ONLY_A, ExitStatus.DIFFERENT),
        (ONE_SIDED, FailOn.ONLY_B, ExitStatus.DIFFERENT),
        (ONE_SIDED, FailOn.NEVER, ExitStatus.SAME),
        (ONLY_B, FailOn.ONLY_A, ExitStatus.SAME),
        (ONLY_B, FailOn.ONLY_B, ExitStatus.DIFFERENT),
        (SAME, FailOn.ANY, ExitStatus.SAME),
    ],
)
def test_pair_status_follows_the_policy(
    compare_texts: CompareTexts, texts: tuple[str, str], fail_on: FailOn, status: ExitStatus
) -> None:
    report = compare_texts(*texts)
    assert pair_status(report, fail_on) is status
    assert report_status(report, fail_on) is status


def test_pair_status_pack_policy_ignores_adhoc_names(compare_texts: CompareTexts) -> None:
    report = compare_texts(
        "They discussed climate change and the Astana Format.", "They discussed climate change."
    )
    assert pair_status(report, FailOn.ANY) is ExitStatus.DIFFERENT
    assert pair_status(report, FailOn.PACK) is ExitStatus.SAME


def _many(compare_many: CompareMany, *texts: str) -> MultiReport:
    return compare_many(texts, tuple(f"r{k}" for k in range(len(texts))))


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [
        (FailOn.ANY, ExitStatus.DIFFERENT),
        (FailOn.PACK, ExitStatus.DIFFERENT),
        (FailOn.NEVER, ExitStatus.SAME),
    ],
)
def test_many_status_follows_the_policy(
    compare_many: CompareMany, fail_on: FailOn, status: ExitStatus
) -> None:
    report = _many(compare_many, *ONE_SIDED, "New START.")
    assert many_status(report, fail_on) is status
    assert report_status(report, fail_on) is status


def test_many_status_is_same_when_every_account_has_every_topic(
    compare_many: CompareMany,
) -> None:
    report = _many(compare_many, *SAME, "They spoke of New START.")
    assert many_status(report) is ExitStatus.SAME


@pytest.mark.parametrize("fail_on", [FailOn.ONLY_A, FailOn.ONLY_B])
def test_many_status_refuses_a_one_side_policy(compare_many: CompareMany, fail_on: FailOn) -> None:
    report = _many(compare_many, *ONE_SIDED, "New START.")
    with pytest.raises(ValueError, match="with 3 readouts use any, pack or never"):
        many_status(report, fail_on)


def test_fail_on_problem_names_only_one_side_policies_with_many_readouts() -> None:
    assert [fail_on_problem(f, 2) for f in FailOn] == [None] * 5
    assert [f for f in FailOn if fail_on_problem(f, 3)] == [FailOn.ONLY_A, FailOn.ONLY_B]


@pytest.mark.parametrize(
    ("results", "status"),
    [
        ([], ExitStatus.SAME),
        ([JobResult("p", "{}", shared=2)], ExitStatus.SAME),
        ([JobResult("p", "{}"), JobResult("q", "{}", only_b=("x",))], ExitStatus.DIFFERENT),
        (
            [JobResult("p", "{}", only_a=("x",)), JobResult("q", None, error="bad")],
            ExitStatus.TROUBLE,
        ),
    ],
)
def test_batch_status_trouble_beats_differences(
    results: list[JobResult], status: ExitStatus
) -> None:
    assert batch_status(results) is status


def test_check_status_is_one_with_warnings() -> None:
    assert check_status([]) is ExitStatus.SAME
    assert check_status(["a warning"]) is ExitStatus.DIFFERENT
