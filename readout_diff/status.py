"""Exit statuses, and the one table that picks a status for every command.

Like httpie's ``status.py``: :class:`ExitStatus` names the statuses, and the
functions below compute them from what a command produced (a report and the
``fail_on`` policy, a batch's results, a pack check's warnings). The command line
only passes them on; nothing else decides a status.

=========================  ====================================================
status                     when
=========================  ====================================================
0 ``SAME``                 no topic counts as one-sided under the policy; a
                           batch where every pair is the same; a clean pack
1 ``DIFFERENT``            some topic does; a batch where a pair differs; a
                           pack check with warnings
2 ``TROUBLE``              bad input, bad options, an internal error; a batch
                           where a pair failed
130 ``INTERRUPTED``        Ctrl-C (128 + SIGINT, as a shell reports it)
141 ``PIPE_CLOSED``        standard output closed early (128 + SIGPIPE)
=========================  ====================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

from readout_diff.model import MultiReport, Report, Side, TopicKind

if TYPE_CHECKING:
    from readout_diff.batch import JobResult


class ExitStatus(IntEnum):
    """Exit statuses of the command line, like diff(1)."""

    SAME = 0
    DIFFERENT = 1
    TROUBLE = 2
    INTERRUPTED = 130
    PIPE_CLOSED = 141


class FailOn(StrEnum):
    """What makes the exit status 1 (``--fail-on``)."""

    ANY = "any"
    """Any one-sided topic (with three or more readouts: missing from any account)."""
    PACK = "pack"
    """A one-sided pack topic; ad-hoc names and points no topic covers do not count."""
    ONLY_A = "only-a"
    """A topic only in readout A (two readouts only)."""
    ONLY_B = "only-b"
    """A topic only in readout B (two readouts only)."""
    NEVER = "never"
    """Nothing: the status is 0 whatever the report says."""


_PAIR_SIDES = {
    FailOn.ANY: (Side.ONLY_A, Side.ONLY_B),
    FailOn.PACK: (Side.ONLY_A, Side.ONLY_B),
    FailOn.ONLY_A: (Side.ONLY_A,),
    FailOn.ONLY_B: (Side.ONLY_B,),
    FailOn.NEVER: (),
}
_TWO_ONLY = (FailOn.ONLY_A, FailOn.ONLY_B)


def fail_on_problem(fail_on: FailOn, readouts: int) -> str | None:
    """Why ``fail_on`` cannot judge a comparison of that many readouts, or None if it can."""
    if readouts > 2 and fail_on in _TWO_ONLY:
        return f"compares readout A with readout B; with {readouts} readouts use any, pack or never"
    return None


def pair_status(report: Report, fail_on: FailOn = FailOn.ANY) -> ExitStatus:
    """The status of a two-readout report under a ``fail_on`` policy."""
    sides = _PAIR_SIDES[FailOn(fail_on)]
    for diff in report.topics:
        if diff.side in sides and (fail_on != FailOn.PACK or diff.topic.kind is TopicKind.PACK):
            return ExitStatus.DIFFERENT
    return ExitStatus.SAME


def many_status(report: MultiReport, fail_on: FailOn = FailOn.ANY) -> ExitStatus:
    """The status of a report on three or more readouts (ValueError for only-a/only-b)."""
    problem = fail_on_problem(FailOn(fail_on), len(report.readouts))
    if problem is not None:
        raise ValueError(f"{fail_on}: {problem}")
    if fail_on == FailOn.NEVER:
        return ExitStatus.SAME
    for topic in report.topics:
        if topic.missing and (fail_on != FailOn.PACK or topic.topic.kind is TopicKind.PACK):
            return ExitStatus.DIFFERENT
    return ExitStatus.SAME


def report_status(report: Report | MultiReport, fail_on: FailOn = FailOn.ANY) -> ExitStatus:
    """The status of either kind of report."""
    if isinstance(report, MultiReport):
        return many_status(report, fail_on)
    return pair_status(report, fail_on)


def batch_status(results: Iterable[JobResult]) -> ExitStatus:
    """2 if any pair failed, else 1 if any pair has a one-sided topic, else 0."""
    status = ExitStatus.SAME
    for result in results:
        if not result.ok:
            return ExitStatus.TROUBLE
        if result.only_a or result.only_b:
            status = ExitStatus.DIFFERENT
    return status


def check_status(problems: Sequence[object]) -> ExitStatus:
    """The status of ``topics check``: 1 when it warns about anything, else 0."""
    return ExitStatus.DIFFERENT if problems else ExitStatus.SAME
