"""A job run in a forked process while this one goes on: the second core at start-up.

A one-off comparison of a Russian and an English readout builds two spaCy pipelines
and tags a readout with each, one after the other, on one core: the Russian
pipeline's tokenizer alone is a tenth of a second. :func:`start` runs such a job in
a child made by ``os.fork`` (which shares everything this process has loaded, copy
on write) and :meth:`Pending.result` takes its result back through a pipe, pickled.

The result is the same wherever the job ran: where there is no fork (not Linux),
or the child fails, is killed or takes longer than :data:`TIMEOUT`, the job runs in
this process instead. The child never returns into the caller's code, never runs
this process's exit handlers (they may remove files this process still needs), and
ends with ``os._exit``; what it must write at exit is registered with
:func:`at_exit`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import select
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

TIMEOUT = 120.0
"""Seconds a child may take before its job is run here after all."""

_AT_EXIT: list[Callable[[], None]] = []


def at_exit(handler: Callable[[], None]) -> None:
    """Run ``handler`` when this process exits, and when a child of :func:`start` does."""
    _AT_EXIT.append(handler)
    atexit.register(handler)


def can_fork() -> bool:
    """Whether :func:`start` runs jobs in a child (Linux: fork is safe after numpy)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def spare_core() -> bool:
    """Whether a child would likely get a core of its own: two or more cores, and the
    last minute's load average below their number less one and a half.

    On a machine whose cores are all busy, the two processes only take turns, and
    the child's start and its copies of shared pages make the whole slower.
    """
    try:
        cores = len(os.sched_getaffinity(0))
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return cores >= 2 and load < cores - 0.5


class Pending(Generic[T]):
    """A job started by :func:`start`; :meth:`result` waits for it."""

    def __init__(self, job: Callable[[], T], pid: int | None, pipe: int | None) -> None:
        self._job = job
        self._pid = pid
        self._pipe = pipe
        self.forked = pid is not None
        """Whether a child ran the job (else it runs in :meth:`result`)."""

    def result(self) -> T:
        """The job's result, from the child or, failing that, from running it here."""
        data = self._collect()
        if data:
            try:
                value: T = pickle.loads(data)
                return value
            except Exception:  # a result that does not unpickle: run the job here
                pass
        return self._job()

    def _collect(self) -> bytes:
        if self._pid is None or self._pipe is None:
            return b""
        chunks: list[bytes] = []
        try:
            while True:
                ready, _, _ = select.select([self._pipe], [], [], TIMEOUT)
                if not ready:  # hung: give up on the child
                    os.kill(self._pid, signal.SIGKILL)
                    chunks = []
                    break
                chunk = os.read(self._pipe, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self._pipe)
            self._pipe = None
            _reap_at_exit(self._pid)
        data = b"".join(chunks)
        size = int.from_bytes(data[:8], "little")
        return data[8:] if len(data) == size + 8 else b""


def _reap_at_exit(pid: int) -> None:
    """Collect the child's exit status now if it is done, else when this process exits
    (the child may still be writing its caches: nothing waits for that)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return
    if not done:
        atexit.register(_reap, pid)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def start(job: Callable[[], T]) -> Pending[T]:
    """Start ``job`` in a forked child where :func:`can_fork`, else leave it for later."""
    if not can_fork():
        return Pending(job, None, None)
    read_end, write_end = os.pipe()
    # Objects made so far are left out of the collector's passes, for good (in the
    # child, a pass would touch, and so copy, every page of them).
    gc.freeze()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Pending(job, None, None)
    if pid == 0:
        _run_child(job, read_end, write_end)  # never returns
    os.close(write_end)
    return Pending(job, pid, read_end)


def _run_child(job: Callable[[], object], read_end: int, write_end: int) -> None:
    status = 1
    try:
        os.close(read_end)
        # The output streams stay the parent's alone (a reader waits for them to close).
        devnull = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(devnull, stream)
        data = pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(8, "little") + data)
        while view:
            view = view[os.write(write_end, view) :]
        os.close(write_end)  # the parent goes on now
        for handler in _AT_EXIT:
            handler()
        status = 0
    finally:
        os._exit(status)
