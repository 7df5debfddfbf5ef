"""The command line: a thin click layer over the library.

``readout-diff A B`` (the ``diff`` command, which needs no name) compares readouts;
``readout-diff topics`` lists and checks topic packs; ``readout-diff batch`` runs
over many pairs. Options are parsed into one typed object at the boundary;
everything else happens in the library. Exit status: 0 no topic is one-sided, 1
some are, 2 trouble (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

import click

from readout_diff import __version__
from readout_diff.errors import ReadoutDiffError
from readout_diff.model import DEFAULT_THRESHOLD, ExitStatus

FORMATS = ("text", "json", "markdown", "html")
LANGS = ("auto", "en", "ru")
COLORS = ("auto", "always", "never")
FAIL_ON = ("any", "pack", "only-a", "only-b", "never")


class Trouble(click.ClickException):
    """A one-line error on stderr and exit status 2 (1 means "readouts differ")."""

    exit_code = int(ExitStatus.TROUBLE)

    def show(self, file: Any = None) -> None:
        click.echo(f"readout-diff: {self.format_message()}", err=True)


def _one_line_usage_errors(make_context: Any) -> Any:
    def wrapper(self: click.Command, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return make_context(self, *args, **kwargs)  # type: ignore[no-any-return]
        except click.UsageError as exc:
            raise Trouble(f"{exc.format_message()} (see 'readout-diff --help')") from None

    return wrapper


class OneLineErrors(click.Command):
    """A command whose usage errors, too, are one line on stderr with exit status 2."""

    make_context = _one_line_usage_errors(click.Command.make_context)


class DefaultGroup(click.Group):
    """A group whose default command runs when the first argument names no command.

    ``readout-diff a.txt b.txt`` is ``readout-diff diff a.txt b.txt``; ``--help``
    shows the main job's options first, then the other commands.
    """

    default_command = "diff"
    make_context = _one_line_usage_errors(click.Group.make_context)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and ctx.resilient_parsing:
            # Shell completion of the first word: offer the command names too.
            return super().parse_args(ctx, args)
        if not args or (
            args[0] not in self.commands and args[0] not in ("-h", "--help", "-V", "--version")
        ):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        command = self.commands[self.default_command]
        with click.Context(command, info_name=ctx.info_name, parent=None) as sub:
            command.format_help(sub, formatter)
        others = [(name, cmd) for name, cmd in self.commands.items() if name != "diff"]
        with formatter.section("Other commands"):
            formatter.write_dl(
                [(name, cmd.get_short_help_str(limit=70)) for name, cmd in others]
                + [("", "readout-diff COMMAND --help for each one's options")]
            )


@dataclass(frozen=True)
class CliOptions:
    """The diff command's arguments, checked and typed."""

    files: tuple[str, ...]
    fmt: str
    topics: tuple[str, ...]
    builtin: bool
    models: tuple[str, ...]
    lang_a: str | None
    lang_b: str | None
    name_a: str | None
    name_b: str | None
    threshold: float
    adhoc: bool
    color: bool
    width: int
    explain: bool = False
    quiet: bool = False
    fail_on: str = "any"
    output: str | None = None
    encoding: str | None = None
    input_format: str = "auto"
    keep_boilerplate: bool = False
    max_bytes: int | None = None
    show_input: bool = False

    @classmethod
    def from_raw_args(cls, **raw: Any) -> CliOptions:
        stdout_tty = sys.stdout.isatty()
        color = raw.get("color") or "auto"
        if raw.get("no_color"):
            color = "never"
        if color == "auto":
            forced = bool(os.environ.get("FORCE_COLOR"))
            wanted = (stdout_tty or forced) and "NO_COLOR" not in os.environ
            use_color = wanted and raw["fmt"] == "text" and not raw.get("output")
        else:
            use_color = color == "always" and raw["fmt"] == "text"
        width = raw["width"]
        if width is None:
            width = shutil.get_terminal_size().columns if stdout_tty else 100
        files = tuple(raw["files"]) if "files" in raw else (raw["file_a"], raw["file_b"])
        return cls(
            files=files,
            fmt=raw["fmt"],
            topics=tuple(raw["topics"]),
            builtin=raw["builtin"],
            models=tuple(raw["models"]),
            lang_a=None if raw["lang_a"] == "auto" else raw["lang_a"],
            lang_b=None if raw["lang_b"] == "auto" else raw["lang_b"],
            name_a=raw["name_a"],
            name_b=raw["name_b"],
            threshold=raw["threshold"],
            adhoc=raw["adhoc"],
            color=bool(use_color),
            width=max(40, int(width)),
            explain=bool(raw.get("explain", False)),
            quiet=bool(raw.get("quiet", False)),
            fail_on=raw.get("fail_on", "any"),
            output=raw.get("output"),
            encoding=raw.get("encoding"),
            input_format=raw.get("input_format", "auto"),
            keep_boilerplate=bool(raw.get("keep_boilerplate", False)),
            max_bytes=raw.get("max_size"),
            show_input=bool(raw.get("show_input", False)),
        )


def run(opts: CliOptions) -> tuple[str, ExitStatus]:
    """Compare the files and render the report: (output, exit status)."""
    from readout_diff.aligning import AlignOptions
    from readout_diff.diffing import exit_status
    from readout_diff.pipeline import Options, compare, compare_all
    from readout_diff.render import Style, explain, render, render_many
    from readout_diff.topicpacks import resolve_pack

    if len(opts.files) < 2:
        raise Trouble("missing argument READOUT_B: give at least two readouts to compare")
    pack = resolve_pack(opts.topics, builtin=opts.builtin)
    readouts = read_all(opts)
    if opts.show_input:
        from readout_diff.reading import show_input

        return "".join(show_input(r) for r in readouts), ExitStatus.SAME
    options = Options(
        pack=pack,
        models=opts.models,
        align=AlignOptions(threshold=opts.threshold),
        adhoc=opts.adhoc,
    )
    style = Style(color=opts.color, width=opts.width)
    if len(readouts) > 2:
        multi = compare_all(readouts, options)
        output = render_many(multi, opts.fmt, style)
        status = (
            ExitStatus.DIFFERENT
            if multi.differences and opts.fail_on != "never"
            else (ExitStatus.SAME)
        )
        return output, status
    report = compare(readouts[0], readouts[1], options)
    output = render(report, opts.fmt, style)
    if opts.explain and opts.fmt in ("text", "markdown"):
        output += "\n" + explain(report, markdown=opts.fmt == "markdown")
    return output, exit_status(report, opts.fail_on)


def read_all(opts: CliOptions) -> list[Any]:
    """Read every readout the command line names; warn when a file is given twice."""
    from readout_diff.reading import DEFAULT_MAX_BYTES, check_sources, read_readout

    files = list(opts.files)
    for i, first in enumerate(files):
        for second in files[i + 1 :]:
            warning = check_sources(first, second)
            if warning:
                click.echo(f"readout-diff: {warning}", err=True)
    names = [opts.name_a, opts.name_b] + [None] * (len(files) - 2)
    langs = [opts.lang_a, opts.lang_b] + [None] * (len(files) - 2)
    return [
        read_readout(
            path,
            name=name,
            language=lang,
            encoding=opts.encoding,
            input_format=opts.input_format,
            keep_boilerplate=opts.keep_boilerplate,
            max_bytes=DEFAULT_MAX_BYTES if opts.max_bytes is None else opts.max_bytes,
        )
        for path, name, lang in zip(files, names, langs, strict=True)
    ]


def _size(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    from readout_diff.reading import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 500k or 10MB") from None


def emit(output: str, opts: CliOptions) -> None:
    """Write the report: to --output atomically, to stdout, or nowhere with --quiet."""
    if opts.output:
        from readout_diff.output import write_atomically

        try:
            write_atomically(opts.output, output, inputs=opts.files)
        except ReadoutDiffError:
            raise
        except OSError as exc:
            raise Trouble(f"{opts.output}: cannot write ({exc.strerror or exc})") from None
    elif not opts.quiet:
        click.echo(output, nl=False, color=opts.color)


def list_topics(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--list-topics: print the topics of the pack(s) in use, then exit."""
    if not value or ctx.resilient_parsing:
        return
    from readout_diff.topicpacks import resolve_pack

    try:
        pack = resolve_pack(ctx.params.get("topics", ()), builtin=ctx.params.get("builtin", True))
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    for spec in pack.topics:
        en, ru = spec.aliases_for("en"), spec.aliases_for("ru")
        click.echo(f"{spec.id}\t{spec.label}\t{len(en)} en, {len(ru)} ru aliases")
    ctx.exit(0)


EPILOG = """\b
Examples:
  readout-diff kremlin.txt whitehouse.txt
  readout-diff --format markdown kremlin.txt whitehouse.txt > report.md
  readout-diff --format html -o report.html kremlin.txt whitehouse.txt
  readout-diff --format json a.txt b.txt | jq '.topics[] | select(.status != "both")'
  readout-diff --topics my-topics.toml a.txt b.txt
  readout-diff kremlin.txt elysee.txt bundesregierung.txt   # three accounts

\b
Exit status: 0 no topic is one-sided, 1 at least one is (see --fail-on), 2 trouble.
"""


@click.group(
    cls=DefaultGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EPILOG,
)
@click.version_option(__version__, "-V", "--version", prog_name="readout-diff")
def cli() -> None:
    """Compare official readouts of one diplomatic call."""


def _comparison_options(func: Any) -> Any:
    """--threshold and --adhoc, the options that change a comparison (diff and batch)."""
    func = click.option(
        "--adhoc/--no-adhoc",
        default=True,
        show_default=True,
        help="Also report named treaties, bodies and acronyms that no pack topic covers, "
        "as ad-hoc topics (same-language pairs only).",
    )(func)
    return click.option(
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        default=DEFAULT_THRESHOLD,
        show_default=True,
        help="Similarity below which a sentence has no counterpart in the other readout.",
    )(func)


def _pack_options(func: Any) -> Any:
    func = click.option(
        "--no-builtin",
        "builtin",
        flag_value=False,
        default=True,
        is_eager=True,
        help="Use only the packs given with --topics, not the built-in one.",
    )(func)
    return click.option(
        "-t",
        "--topics",
        "topics",
        multiple=True,
        metavar="PACK.toml",
        is_eager=True,
        help="A topic pack of your own (repeatable): its topics are added to the built-in "
        "pack, an existing id gets the extra aliases.",
    )(func)


@cli.command(
    "diff",
    cls=OneLineErrors,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.argument("files", nargs=-1, required=True, metavar="READOUT_A READOUT_B [READOUT...]")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format: text for reading (coloured in a terminal), json for scripts, "
    "markdown for notes, html for a page with the readouts side by side.",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--encoding",
    metavar="ENC",
    help="Encoding of the input files (e.g. cp1251, koi8-r, latin-1, utf-16) [default: detected].",
)
@click.option(
    "--input-format",
    type=click.Choice(("auto", "text", "html", "markdown")),
    default="auto",
    show_default=True,
    help="What the inputs are [auto: by file name; HTML is also recognised by content].",
)
@click.option(
    "--keep-boilerplate",
    is_flag=True,
    help="Keep comment forms, CAPTCHA prompts, Share/Print rows, bylines and date stamps.",
)
@click.option(
    "--max-size",
    metavar="SIZE",
    callback=_size,
    help="Largest input file read (e.g. 500k, 10MB, 2MiB) [default: 10MB].",
)
@click.option(
    "--show-input",
    is_flag=True,
    help="Print the text of each readout exactly as it is segmented, with the lines "
    "dropped, and exit.",
)
@_pack_options
@click.option(
    "--list-topics",
    is_flag=True,
    expose_value=False,
    callback=list_topics,
    help="List the topics of the pack(s) in use and exit.",
)
@click.option(
    "--model",
    "models",
    multiple=True,
    metavar="NAME",
    help="An installed spaCy pipeline (name or path) to use for readouts in its "
    "language instead of the blank pipeline (repeatable, one per language).",
)
@click.option(
    "--lang-a",
    type=click.Choice(LANGS),
    default="auto",
    show_default=True,
    help="Language of READOUT_A.",
)
@click.option(
    "--lang-b",
    type=click.Choice(LANGS),
    default="auto",
    show_default=True,
    help="Language of READOUT_B.",
)
@click.option(
    "--name-a",
    metavar="NAME",
    help="Name of READOUT_A in the report [default: its file name without extension].",
)
@click.option("--name-b", metavar="NAME", help="Name of READOUT_B in the report.")
@_comparison_options
@click.option(
    "--explain",
    is_flag=True,
    help="Add, for each topic of each readout, which alias matched which words.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="any",
    show_default=True,
    help="What makes the exit status 1: any one-sided topic, one-sided pack topics only "
    "(not ad-hoc names), a topic only in A, only in B, or never.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
@click.option(
    "--color",
    type=click.Choice(COLORS),
    default="auto",
    show_default=True,
    help="Colour in text output: auto uses it on a terminal unless NO_COLOR is set "
    "(FORCE_COLOR forces it).",
)
@click.option("--no-color", is_flag=True, hidden=True, help="Same as --color never.")
@click.option(
    "--width",
    type=click.IntRange(40, 1000),
    default=None,
    help="Line width of text output [default: the terminal's, else 100].",
)
@click.option("--debug", is_flag=True, help="Show a traceback when something goes wrong.")
@click.pass_context
def diff_command(ctx: click.Context, /, debug: bool, **raw: Any) -> NoReturn:
    """Compare two (or more) official readouts of one diplomatic call.

    Tells which topics one readout mentions and the other does not, how the shared
    topics are framed on each side, and what each side said that the other did not.
    """
    opts = CliOptions.from_raw_args(**raw)
    try:
        output, status = run(opts)
        emit(output, opts)
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    except Trouble:
        raise
    except Exception as exc:
        if debug:
            raise
        raise Trouble(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)") from None
    ctx.exit(int(status))


@cli.command("batch", cls=OneLineErrors)
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
@_pack_options
@_comparison_options
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

    from readout_diff.aligning import AlignOptions
    from readout_diff.batch import find_jobs, run_jobs, summary_table
    from readout_diff.output import write_atomically
    from readout_diff.pipeline import Options
    from readout_diff.topicpacks import resolve_pack

    try:
        job_list = find_jobs(pairs)
        options = Options(
            pack=resolve_pack(topics, builtin=builtin),
            align=AlignOptions(threshold=threshold),
            adhoc=adhoc,
        )
        folder = Path(output_dir)
        folder.mkdir(parents=True, exist_ok=True)
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    except OSError as exc:
        raise Trouble(f"{output_dir}: cannot create ({exc.strerror or exc})") from None
    results = []
    with _progress(len(job_list)) as advance:
        for result in run_jobs(job_list, options, workers=jobs):
            if result.report_json is not None:
                write_atomically(folder / f"{result.name}.json", result.report_json)
            results.append(result)
            advance()
    summary_path = Path(summary) if summary else folder / "summary.csv"
    jsonl = summary_path.suffix.lower() == ".jsonl"
    write_atomically(summary_path, summary_table(results, jsonl=jsonl))
    failed = [r for r in results if not r.ok]
    for result in failed:
        click.echo(f"readout-diff: {result.name}: {result.error}", err=True)
    differ = sum(bool(r.only_a or r.only_b) for r in results)
    click.echo(
        f"{len(results)} pairs: {differ} differ, {len(results) - differ - len(failed)} same, "
        f"{len(failed)} failed; reports in {folder}, summary in {summary_path}",
        err=True,
    )
    status = ExitStatus.TROUBLE if failed else ExitStatus.DIFFERENT if differ else ExitStatus.SAME
    raise SystemExit(int(status))


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


class TopicsGroup(DefaultGroup):
    """``readout-diff topics`` lists; ``readout-diff topics check PACK`` checks."""

    default_command = "list"


@cli.group("topics", cls=TopicsGroup)
def topics_group() -> None:
    """List the topics of the packs in use, or check a pack of your own."""


@topics_group.command("list", cls=OneLineErrors)
@_pack_options
@click.option("--lang", type=click.Choice(("en", "ru")), help="Show aliases in this language only.")
def topics_list(topics: tuple[str, ...], builtin: bool, lang: str | None) -> None:
    """List every topic with its aliases (built-in pack plus --topics packs)."""
    from readout_diff.topicpacks import resolve_pack

    try:
        pack = resolve_pack(topics, builtin=builtin)
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    lines = [f"# {pack.name} ({', '.join(pack.sources)}): {len(pack.topics)} topics"]
    for spec in pack.topics:
        lines.append(f"{spec.id}: {spec.label}" + (f"  [{spec.group}]" if spec.group else ""))
        for language in (lang,) if lang else ("en", "ru"):
            aliases = spec.aliases_for(language)
            if aliases:
                lines.append(f"  {language}: " + "; ".join(aliases))
    click.echo("\n".join(lines))


@topics_group.command("check", cls=OneLineErrors)
@click.argument("pack_file", metavar="PACK.toml")
@click.option(
    "--with-builtin",
    is_flag=True,
    help="Also report aliases that collide with the built-in pack's topics.",
)
def topics_check(pack_file: str, with_builtin: bool) -> NoReturn:
    """Check a topic pack: exit 0 if clean, 1 with warnings, 2 if it is invalid."""
    from readout_diff.packcheck import check_pack

    try:
        problems = check_pack(pack_file, with_builtin=with_builtin)
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    for problem in problems:
        click.echo(str(problem))
    if not problems:
        click.echo(f"{pack_file}: ok")
    raise SystemExit(int(ExitStatus.DIFFERENT if problems else ExitStatus.SAME))


def main() -> None:
    """Entry point of the ``readout-diff`` command."""
    cli(prog_name="readout-diff")
