"""``readout-diff A B [C...]``: the main job (the ``diff`` command, which needs no name)."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from readout_diff import __version__
from readout_diff.cli.base import EPILOG, OneLineErrors, comparison_options, pack_options
from readout_diff.cli.boundary import Trouble, debug_option
from readout_diff.cli.options import DiffOptions, InputOptions, OutputOptions, resolve_packs
from readout_diff.formats import InputFormat, OutputFormat
from readout_diff.status import ExitStatus, FailOn, fail_on_problem, report_status

if TYPE_CHECKING:
    from readout_diff.model import Readout

LANGS = ("auto", "en", "ru")
COLORS = ("auto", "always", "never")


def run(opts: DiffOptions) -> tuple[str, ExitStatus]:
    """Compare the files and render the report: (output, exit status)."""
    from readout_diff.pipeline import compare, compare_all
    from readout_diff.render import render

    gc.freeze()  # the modules just loaded live as long as the process: no need to walk them

    files = opts.input.files
    if len(files) < 2:
        raise Trouble("missing argument READOUT_B: give at least two readouts to compare")
    fail_on = opts.output.fail_on
    problem = fail_on_problem(fail_on, len(files))
    if problem is not None:
        raise Trouble(f"--fail-on {fail_on}: {problem}")
    options = opts.comparison.pipeline_options()
    readouts = read_all(opts.input)
    if opts.input.show_input:
        from readout_diff.reading import show_input

        shown = (show_input(r, sentences(r, options.models)) for r in readouts)
        return "".join(shown), ExitStatus.SAME
    report = (
        compare_all(readouts, options)
        if len(readouts) > 2
        else compare(readouts[0], readouts[1], options)
    )
    output = render(report, opts.rendering.fmt, opts.rendering.style())
    return output, report_status(report, fail_on)


def sentences(readout: Readout, models: tuple[str, ...]) -> list[str]:
    """The texts of a readout's sentences, segmented by the pipeline a comparison uses."""
    from readout_diff import segmenting

    model = next((m for m in models if segmenting.model_language(m) == readout.language), None)
    segmented, _ = segmenting.segment(readout, segmenting.load_pipeline(readout.language, model))
    return [s.text for s in segmented.sentences]


def _encoding(value: str | None) -> str | None:
    """Refuse an unknown ``--encoding`` as the option's fault, before any file is read."""
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(
                f"unknown encoding {value!r} (examples: utf-8, cp1251, koi8-r, latin-1, utf-16)"
            ) from None
    return value


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal, where reading it would wait for typing."""
    # sys.stdin, not click.get_text_stream (deprecated in click 8.2): CliRunner swaps it.
    stream = sys.stdin
    return bool(getattr(stream, "isatty", lambda: False)())


def read_all(opts: InputOptions) -> list[Readout]:
    """Read every readout the command line names; warn when a file is given twice."""
    from readout_diff.reading import STDIN, check_sources, read_readout

    files = list(opts.files)
    if STDIN in files and stdin_is_terminal():
        # Otherwise `readout-diff - b.txt` typed at a prompt seems to hang.
        click.echo(
            "readout-diff: reading a readout from standard input (paste it, then Ctrl-D)",
            err=True,
        )
    for i, first in enumerate(files):
        for second in files[i + 1 :]:
            warning = check_sources(first, second)
            if warning:
                click.echo(f"readout-diff: {warning}", err=True)
    names = [*opts.names] + [None] * (len(files) - 2)
    langs = [*opts.languages] + [None] * (len(files) - 2)
    return [
        read_readout(
            path,
            name=name,
            language=lang,
            encoding=opts.encoding,
            input_format=opts.input_format,
            keep_boilerplate=opts.keep_boilerplate,
            max_bytes=opts.max_bytes,
        )
        for path, name, lang in zip(files, names, langs, strict=True)
    ]


def emit(output: str, opts: OutputOptions, *, files: tuple[str, ...], color: bool) -> None:
    """Write the report: to --output atomically, to stdout, or nowhere with --quiet."""
    if opts.path:
        from readout_diff.output import write_atomically

        write_atomically(opts.path, output, inputs=files)
    elif not opts.quiet:
        click.echo(output, nl=False, color=color)


def _size(_ctx: click.Context, _param: click.Parameter, value: str) -> int:
    from readout_diff.reading import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 500k or 10MB") from None


def list_topics(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--list-topics: print the topics of the pack(s) in use, then exit."""
    if not value or ctx.resilient_parsing:
        return
    pack = resolve_packs(ctx.params.get("topics", ()), builtin=ctx.params.get("builtin", True))
    for spec in pack.topics:
        en, ru = spec.aliases_for("en"), spec.aliases_for("ru")
        click.echo(f"{spec.id}\t{spec.label}\t{len(en)} en, {len(ru)} ru aliases")
    ctx.exit(0)


@click.command(
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
    type=click.Choice([f.value for f in OutputFormat]),
    default=OutputFormat.TEXT.value,
    show_default=True,
    help="Output format: text for reading (coloured in a terminal), json for scripts, "
    "markdown for notes, html for a page with the readouts side by side, csv for a "
    "spreadsheet (one row per topic: both sides' evidence, share, rank, actors and acts).",
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
    callback=lambda _ctx, _param, value: _encoding(value),
    help="Encoding of the input files (e.g. cp1251, koi8-r, latin-1, utf-16) [default: detected].",
)
@click.option(
    "--input-format",
    type=click.Choice([f.value for f in InputFormat]),
    default=InputFormat.AUTO.value,
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
    default="10MB",
    callback=_size,
    help="Largest input file read (e.g. 500k, 10MB, 2MiB) [default: 10MB].",
)
@click.option(
    "--show-input",
    is_flag=True,
    help="Print each readout's sentences, numbered as the report numbers them, then the "
    "lines dropped as boilerplate, and exit.",
)
@pack_options
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
@comparison_options
@click.option(
    "--explain",
    is_flag=True,
    help="Add, for each topic of each readout, which alias matched which words.",
)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default=FailOn.ANY.value,
    show_default=True,
    help="What makes the exit status 1: any one-sided topic, one-sided pack topics only "
    "(not ad-hoc names or points no topic covers), a topic only in A, only in B "
    "(two readouts), or never.",
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
@debug_option
# Also here, not only on the group, so that the main --help (this command's) lists it.
@click.version_option(__version__, "-V", "--version", prog_name="readout-diff")
@click.pass_context
def diff_command(ctx: click.Context, /, **raw: Any) -> NoReturn:
    """Compare two (or more) official readouts of one diplomatic call.

    Tells which topics one readout mentions and the other does not, how the shared
    topics are framed on each side, and what each side said that the other did not.
    """
    opts = DiffOptions.from_raw_args(raw)
    output, status = run(opts)
    emit(output, opts.output, files=opts.input.files, color=opts.rendering.color)
    ctx.exit(int(status))
