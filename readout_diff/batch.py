"""Comparing many pairs of readouts, on several cores: ``compare_many(pairs) -> reports``.

Each worker process loads the spaCy pipelines and compiles the topic pack once,
then compares pair after pair; a pair of real readouts takes a few milliseconds
once that is done, so an archive of thousands of calls is bound by the number of
cores. Reports come back in the order of the pairs.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from readout_diff.dating import date_in_name, date_in_text
from readout_diff.errors import InputError, ReadoutDiffError
from readout_diff.model import Readout, Report
from readout_diff.overview import Call
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


# --- batches of files (the ``readout-diff batch`` command) ---------------------------

READOUT_SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown")


CALL_FILES = ("call.toml", "gold.toml")
"""Files in a pair folder that may name the call's date and sides (the first found wins)."""


@dataclass(frozen=True)
class Job:
    """One pair of readout files to compare, with the name its outputs get."""

    name: str
    a: str
    b: str
    date: str | None = None
    """The call's date (ISO); None: from the name, else from the readouts' text."""
    side_a: str | None = None
    """Who published readout A ("Kremlin"); None: the readout's name."""
    side_b: str | None = None


@dataclass(frozen=True)
class JobResult:
    """What became of one job: its JSON report and one-sided topics, or an error."""

    name: str
    report_json: str | None
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()
    shared: int = 0
    error: str | None = None
    call: Call | None = None
    """The pair as the archive overview sees it."""
    report_html: str | None = None
    """The pair's HTML report, when asked for."""

    @property
    def ok(self) -> bool:
        return self.error is None


def find_jobs(source: str | os.PathLike[str]) -> list[Job]:
    """The pairs to compare: a folder of pair folders, or a CSV of ``a,b[,name]`` rows."""
    path = Path(source)
    if path.is_dir():
        return _jobs_from_folder(path)
    if path.is_file():
        return _jobs_from_csv(path)
    raise InputError(str(source), "no such folder or CSV file of pairs")


def _jobs_from_folder(path: Path) -> list[Job]:
    jobs = []
    for folder in sorted(p for p in path.iterdir() if p.is_dir()):
        files = sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in READOUT_SUFFIXES
        )
        named = {p.stem: p for p in files}
        if "a" in named and "b" in named:
            files = [named["a"], named["b"]]
        if len(files) != 2:
            # Reported as a failed pair, so one odd folder does not stop the batch.
            jobs.append(Job(name=folder.name, a=str(folder), b=""))
            continue
        date, side_a, side_b = _call_file(folder)
        jobs.append(
            Job(
                name=folder.name,
                a=str(files[0]),
                b=str(files[1]),
                date=date,
                side_a=side_a,
                side_b=side_b,
            )
        )
    if not jobs:
        raise InputError(str(path), "holds no pair folders (each with two readout files)")
    return jobs


def _call_file(folder: Path) -> tuple[str | None, str | None, str | None]:
    """Date and sides from a pair folder's call.toml (or the corpus' gold.toml), if any.

    Only ``date`` and ``[a].side`` / ``[b].side`` are read; an unreadable file is ignored,
    since the folder name and the texts may still date the call.
    """
    import tomllib

    for name in CALL_FILES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        date = data.get("date")
        date = date_in_name(str(date)) if date is not None else None
        sides = [
            str(part.get("side")).strip() or None
            if isinstance(part, dict) and part.get("side")
            else None
            for part in (data.get("a"), data.get("b"))
        ]
        return date, sides[0], sides[1]
    return None, None, None


CSV_COLUMNS = ("a", "b", "name", "date", "side_a", "side_b")


def _jobs_from_csv(path: Path) -> list[Job]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read as a UTF-8 CSV file ({exc})") from None
    rows = [row for row in csv.reader(text.splitlines()) if row and any(c.strip() for c in row)]
    columns = list(CSV_COLUMNS)
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["a", "b"]:
        # A header row may name the columns in any order after a,b.
        columns = [c.strip().lower() for c in rows[0]]
        unknown = sorted(set(columns) - set(CSV_COLUMNS))
        if unknown:
            raise InputError(
                str(path),
                f"unknown column {unknown[0]!r} (columns: {', '.join(CSV_COLUMNS)})",
            )
        rows = rows[1:]
    jobs = []
    base = path.parent
    for number, row in enumerate(rows, start=1):
        if len(row) < 2:
            raise InputError(str(path), f"row {number} needs two paths (a,b[,name])")
        cell = {k: v.strip() for k, v in zip(columns, row, strict=False)}
        a, b = (str(base / cell["a"]), str(base / cell["b"]))
        date = None
        if cell.get("date"):
            date = date_in_name(cell["date"])
            if date is None:
                raise InputError(
                    str(path), f"row {number}: date {cell['date']!r} is not YYYY-MM-DD"
                )
        jobs.append(
            Job(
                name=cell.get("name") or f"pair-{number:04d}",
                a=a,
                b=b,
                date=date,
                side_a=cell.get("side_a") or None,
                side_b=cell.get("side_b") or None,
            )
        )
    if not jobs:
        raise InputError(str(path), "lists no pairs")
    return jobs


_worker_html = False


def run_jobs(
    jobs: Iterable[Job],
    options: Options | None = None,
    *,
    workers: int | None = None,
    html: bool = False,
) -> Iterator[JobResult]:
    """Read and compare every job, in order; a bad pair gives an error result, not a stop.

    ``html`` adds each pair's HTML report to its result.
    """
    count = default_workers() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, got {count}")
    if count == 1:
        _start_job_worker(options, html)
        for job in jobs:
            yield _run_job(job)
        return
    with multiprocessing.Pool(
        count, initializer=_start_job_worker, initargs=(options, html)
    ) as pool:
        yield from pool.imap(_run_job, jobs, chunksize=4)


def _start_job_worker(options: Options | None, html: bool) -> None:
    global _worker_html
    _start_worker(options)
    _worker_html = html


def _run_job(job: Job) -> JobResult:
    from readout_diff.formats import OutputFormat
    from readout_diff.overview import call_from_report
    from readout_diff.reading import read_readout
    from readout_diff.render import render

    if not job.b:
        return JobResult(job.name, None, error=f"{job.a}: needs exactly two readout files")
    try:
        a, b = read_readout(job.a), read_readout(job.b)
        report = compare(a, b, _worker_options)
    except ReadoutDiffError as exc:
        return JobResult(job.name, None, error=str(exc))
    report_json = render(report, OutputFormat.JSON)
    date = job.date or date_in_name(job.name) or date_in_text(a.text) or date_in_text(b.text)
    call = call_from_report(
        json.loads(report_json), job.name, date=date, side_a=job.side_a, side_b=job.side_b
    )
    return JobResult(
        name=job.name,
        report_json=report_json,
        only_a=tuple(d.topic.id for d in report.only_a),
        only_b=tuple(d.topic.id for d in report.only_b),
        shared=len(report.shared),
        call=call,
        report_html=render(report, OutputFormat.HTML) if _worker_html else None,
    )


def summary_table(results: list[JobResult], *, jsonl: bool = False) -> str:
    """The per-pair summary: CSV (topic ids joined by ";"), or JSON Lines (lists of ids)."""
    if jsonl:
        return "".join(
            json.dumps(_summary_row(r, r.only_a, r.only_b), ensure_ascii=False) + "\n"
            for r in results
        )
    # A CSV cell holds one string: the ids joined, as spreadsheets expect.
    rows = [_summary_row(r, ";".join(r.only_a), ";".join(r.only_b)) for r in results]
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]) if rows else ["pair"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _summary_row(
    result: JobResult, only_a: str | tuple[str, ...], only_b: str | tuple[str, ...]
) -> dict[str, object]:
    differ = result.only_a or result.only_b
    return {
        "pair": result.name,
        "status": "failed" if not result.ok else "differ" if differ else "same",
        "only_a": list(only_a) if isinstance(only_a, tuple) else only_a,
        "only_b": list(only_b) if isinstance(only_b, tuple) else only_b,
        "shared": result.shared,
        "error": result.error or "",
    }
