"""``readout-diff batch PAIRS``: every pair of an archive, one JSON report each, or an overview."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from readout_diff.cli.base import OneLineErrors, comparison_options, pack_options
from readout_diff.cli.boundary import debug_option
from readout_diff.cli.options import ComparisonOptions

if TYPE_CHECKING:
    from pathlib import Path

    from readout_diff.batch import JobResult
    from readout_diff.overview import Overview


@click.command("batch", cls=OneLineErrors)
@click.argument("pairs", metavar="PAIRS")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(("json", "html")),
    default="json",
    show_default=True,
    help="json: one JSON report per pair and the summaries; html: one overview page.",
)
@click.option(
    "-o",
    "--output",
    "--output-dir",
    "output",
    default=None,
    metavar="PATH",
    help="json: folder for the reports [default: readout-diff-batch]; "
    "html: the overview page (in a folder: FOLDER/overview.html) [default: overview.html].",
)
@click.option(
    "--summary",
    metavar="FILE",
    help="Summaries: FILE.csv or FILE.jsonl per pair, FILE-topics.* long form (call, date, "
    "topic, status), FILE.json for scripts; a .json FILE is that alone "
    "[default with json: DIR/summary.csv].",
)
@click.option(
    "--pair-reports",
    is_flag=True,
    help="Also write each pair's HTML report: beside the overview in PAGE-reports/ "
    "(the grid links to them), or into the reports folder.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes to use [default: one per core].",
)
@pack_options
@comparison_options
@debug_option
def batch_command(
    pairs: str,
    output_format: str,
    output: str | None,
    summary: str | None,
    pair_reports: bool,
    jobs: int | None,
    topics: tuple[str, ...],
    builtin: bool,
    threshold: float | None,
    encoder: str,
    adhoc: bool,
) -> NoReturn:
    """Compare every pair in PAIRS: a folder of pair folders, or a CSV of a,b[,name] rows.

    Writes one JSON report per pair and summary tables, or with --format html one
    overview page of the archive (topics x calls, in date order); goes on past a bad
    pair (listed at the end), and exits 2 if any pair failed, else 1 if any pair differs.

    \b
    Example:
      readout-diff batch ../corpus -o reports
      readout-diff batch ../corpus --format html -o overview.html --pair-reports
    """
    from dataclasses import replace
    from pathlib import Path

    from readout_diff.batch import find_jobs, run_jobs
    from readout_diff.errors import OutputError
    from readout_diff.output import write_atomically
    from readout_diff.overview import Failure, build_overview
    from readout_diff.render.common import count
    from readout_diff.status import batch_status

    html = output_format == "html"
    target = Path(output or ("overview.html" if html else "readout-diff-batch"))
    if html and target.is_dir():
        target = target / "overview.html"
    folder = target.with_name(f"{target.stem}-reports") if html else target
    job_list = find_jobs(pairs)
    options = ComparisonOptions(
        topics=topics, builtin=builtin, threshold=threshold, adhoc=adhoc, encoder=encoder
    ).pipeline_options()
    if not html or pair_reports:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(str(folder), f"cannot create ({exc.strerror or exc})") from None
    summary_path = Path(summary) if summary else None if html else folder / "summary.csv"
    for path in (summary_path, target if html else None):
        if path is not None and not path.parent.is_dir():
            # Found out before the work rather than after it.
            raise OutputError(str(path), "no such directory")
    if summary_path is not None and not html:
        _check_summary_is_no_report(summary_path, folder, [job.name for job in job_list])
    results = []
    with _progress(len(job_list)) as advance:
        for result in run_jobs(job_list, options, workers=jobs, html=pair_reports):
            if result.report_json is not None and not html:
                write_atomically(folder / f"{result.name}.json", result.report_json)
            if result.report_html is not None:
                write_atomically(folder / f"{result.name}.html", result.report_html)
            # Written: a thousand pairs' reports need not stay in memory till the end.
            results.append(replace(result, report_json=None, report_html=None))
            advance()
    failed = [r for r in results if not r.ok]
    overview = build_overview(
        [r.call for r in results if r.call is not None],
        [Failure(r.name, r.error or "") for r in failed],
    )
    written = []
    if html:
        from readout_diff.render.html.overview import render_overview

        links = f"{folder.name}/" if pair_reports else None
        write_atomically(target, render_overview(overview, links=links))
        written.append(f"overview in {target}")
    else:
        written.append(f"reports in {folder}")
    if summary_path is not None:
        _write_summaries(summary_path, results, overview)
        written.append(f"summary in {summary_path}")
    for result in failed:
        click.echo(f"readout-diff: {result.name}: {result.error}", err=True)
    differ = sum(bool(r.only_a or r.only_b) for r in results)
    same = len(results) - differ - len(failed)
    click.echo(
        f"{count(len(results), 'pair')}: {differ} differ, {same} same, "
        f"{len(failed)} failed; " + ", ".join(written),
        err=True,
    )
    raise SystemExit(int(batch_status(results)))


def _check_summary_is_no_report(path: Path, folder: Path, names: list[str]) -> None:
    """A pair named like the JSON summary ("summary") would lose its report to it."""
    import os

    from readout_diff.errors import OutputError

    summary = os.path.abspath(path.with_suffix(".json"))
    for name in names:
        if os.path.abspath(folder / f"{name}.json") == summary:
            raise OutputError(
                str(path.with_suffix(".json")),
                f"would overwrite the report of pair {name!r}; choose another --summary",
            )


def _write_summaries(path: Path, results: list[JobResult], overview: Overview) -> None:
    """FILE.csv|.jsonl per pair, FILE-topics.* long form and FILE.json; a .json FILE alone."""
    from readout_diff.batch import summary_table
    from readout_diff.output import write_atomically
    from readout_diff.overview import long_table, summary_json

    suffix = path.suffix.lower()
    if suffix == ".json":
        write_atomically(path, summary_json(overview))
        return
    jsonl = suffix == ".jsonl"
    stem = path.with_suffix("")
    write_atomically(path, summary_table(results, jsonl=jsonl))
    write_atomically(
        stem.with_name(f"{stem.name}-topics{path.suffix}"), long_table(overview, jsonl=jsonl)
    )
    write_atomically(stem.with_suffix(".json"), summary_json(overview))


def _progress(total: int) -> Any:
    """A rich progress bar on a terminal's stderr; nothing when stderr is not a terminal."""
    import contextlib

    if not sys.stderr.isatty():
        return contextlib.nullcontext(lambda: None)

    @contextlib.contextmanager
    def bar() -> Any:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("comparing pairs", total=total)
            yield lambda: progress.advance(task)

    return bar()
