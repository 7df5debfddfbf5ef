"""``readout-diff batch PAIRS``: every pair of an archive, one JSON report each."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from readout_diff.cli.base import OneLineErrors, comparison_options, pack_options
from readout_diff.cli.boundary import debug_option
from readout_diff.cli.options import ComparisonOptions


@click.command("batch", cls=OneLineErrors)
@click.argument("pairs", metavar="PAIRS")
@click.option(
    "-o",
    "--output-dir",
    default="readout-diff-batch",
    show_default=True,
    metavar="DIR",
    help="Folder for one JSON report per pair (created if missing).",
)
@click.option(
    "--summary",
    metavar="FILE",
    help="Summary of one-sided topics per pair: .csv or .jsonl [default: DIR/summary.csv].",
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
    output_dir: str,
    summary: str | None,
    jobs: int | None,
    topics: tuple[str, ...],
    builtin: bool,
    threshold: float,
    adhoc: bool,
) -> NoReturn:
    """Compare every pair in PAIRS: a folder of pair folders, or a CSV of a,b[,name] rows.

    Writes one JSON report per pair and a summary table, goes on past a bad pair
    (listed at the end), and exits 2 if any pair failed, else 1 if any pair differs.
    """
    from pathlib import Path

    from readout_diff.batch import find_jobs, run_jobs, summary_table
    from readout_diff.errors import OutputError
    from readout_diff.output import write_atomically
    from readout_diff.render.common import count
    from readout_diff.status import batch_status

    job_list = find_jobs(pairs)
    options = ComparisonOptions(
        topics=topics, builtin=builtin, threshold=threshold, adhoc=adhoc
    ).pipeline_options()
    folder = Path(output_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(output_dir, f"cannot create ({exc.strerror or exc})") from None
    summary_path = Path(summary) if summary else folder / "summary.csv"
    if not summary_path.parent.is_dir():
        # Found out before the work rather than after it.
        raise OutputError(str(summary_path), "no such directory")
    results = []
    with _progress(len(job_list)) as advance:
        for result in run_jobs(job_list, options, workers=jobs):
            if result.report_json is not None:
                write_atomically(folder / f"{result.name}.json", result.report_json)
            results.append(result)
            advance()
    jsonl = summary_path.suffix.lower() == ".jsonl"
    write_atomically(summary_path, summary_table(results, jsonl=jsonl))
    failed = [r for r in results if not r.ok]
    for result in failed:
        click.echo(f"readout-diff: {result.name}: {result.error}", err=True)
    differ = sum(bool(r.only_a or r.only_b) for r in results)
    same = len(results) - differ - len(failed)
    click.echo(
        f"{count(len(results), 'pair')}: {differ} differ, {same} same, "
        f"{len(failed)} failed; reports in {folder}, summary in {summary_path}",
        err=True,
    )
    raise SystemExit(int(batch_status(results)))


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
