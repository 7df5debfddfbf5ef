"""Jobs in a forked process (:mod:`readout_diff.forking`) and the comparison that uses one:
the result is the same wherever the job ran."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import Python

from readout_diff import forking

needs_fork = pytest.mark.skipif(not forking.can_fork(), reason="no fork here")


@needs_fork
def test_forked_job_gives_its_result_back() -> None:
    parent = os.getpid()
    pending = forking.start(lambda: ("done", os.getpid() != parent, list(range(100_000))))
    assert pending.forked
    assert pending.result() == ("done", True, list(range(100_000)))


@needs_fork
def test_forked_job_that_fails_in_the_child_runs_here() -> None:
    parent = os.getpid()

    def job() -> int:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return 42

    assert forking.start(job).result() == 42


@needs_fork
def test_forked_job_whose_result_does_not_pickle_runs_here() -> None:
    parent = os.getpid()
    assert forking.start(lambda: lambda: os.getpid() == parent).result()()


@needs_fork
def test_forked_child_runs_the_exit_handlers_registered_for_it(tmp_path: Path) -> None:
    mark = tmp_path / "child-exit"
    handlers = forking._AT_EXIT.copy()

    def write_mark() -> None:
        mark.write_text(str(os.getpid()), encoding="utf-8")

    forking._AT_EXIT.append(write_mark)
    try:
        forking.start(lambda: None).result()
    finally:
        forking._AT_EXIT[:] = handlers
    for _ in range(1000):  # the child writes it after handing its result back
        if mark.exists() and mark.read_text(encoding="utf-8"):
            break
        time.sleep(0.01)
    assert mark.read_text(encoding="utf-8") != str(os.getpid())


def test_job_runs_here_where_there_is_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "can_fork", lambda: False)
    pending = forking.start(lambda: os.getpid())
    assert not pending.forked
    assert pending.result() == os.getpid()


COMPARE = """
import sys
from readout_diff import forking, segmenting
from readout_diff.pipeline import compare
from readout_diff.reading import read_readout
from readout_diff.render import render

forking.spare_core = lambda: True  # whatever the machine's load
started = []
real = forking.start
forking.start = lambda job: started.append(1) or real(job)
a, b = read_readout("samples/kremlin_ru.txt"), read_readout("samples/whitehouse.txt")
if sys.argv[1] == "swapped":
    a, b = b, a
report = compare(a, b, fork=sys.argv[2] == "fork")
assert segmenting.has_pipeline("ru") == (sys.argv[2] != "fork"), "built where it should not be"
assert len(started) == (sys.argv[2] == "fork")
sys.stdout.write(render(report, "json"))
"""


@needs_fork
@pytest.mark.parametrize("order", ["ru-en", "swapped"])
def test_compare_with_a_forked_tagger_gives_the_same_report(python: Python, order: str) -> None:
    forked = python("-c", COMPARE, order, "fork")
    assert forked.returncode == 0, forked.stderr
    here = python("-c", COMPARE, order, "here")
    assert here.returncode == 0, here.stderr
    assert forked.stdout == here.stdout
    assert '"language": "ru"' in forked.stdout
