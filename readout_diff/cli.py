"""The command line: a thin click layer over :func:`readout_diff.pipeline.compare`.

Options are parsed into one :class:`CliOptions` at the boundary; everything else
happens in the library. Exit status: 0 no topic is one-sided, 1 some are, 2 trouble.
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

FORMATS = ("text", "json", "markdown")
LANGS = ("auto", "en", "ru")


class Trouble(click.ClickException):
    """A one-line error on stderr and exit status 2 (1 means "readouts differ")."""

    exit_code = int(ExitStatus.TROUBLE)

    def show(self, file: Any = None) -> None:
        click.echo(f"readout-diff: {self.format_message()}", err=True)


class OneLineErrors(click.Command):
    """A command whose usage errors, too, are one line on stderr with exit status 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise Trouble(f"{exc.format_message()} (see 'readout-diff --help')") from None


@dataclass(frozen=True)
class CliOptions:
    """The command line's arguments, checked and typed."""

    file_a: str
    file_b: str
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

    @classmethod
    def from_raw_args(cls, **raw: Any) -> CliOptions:
        stdout_tty = sys.stdout.isatty()
        color = raw["color"]
        if color is None:
            color = stdout_tty and raw["fmt"] == "text" and "NO_COLOR" not in os.environ
        width = raw["width"]
        if width is None:
            width = shutil.get_terminal_size().columns if stdout_tty else 100
        return cls(
            file_a=raw["file_a"],
            file_b=raw["file_b"],
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
            color=bool(color),
            width=max(40, int(width)),
        )


def run(opts: CliOptions) -> tuple[str, ExitStatus]:
    """Compare the two files and render the report: (output, exit status)."""
    from readout_diff.aligning import AlignOptions
    from readout_diff.pipeline import Options, compare
    from readout_diff.reading import read_readout
    from readout_diff.render import Style, render
    from readout_diff.topics import resolve_pack

    pack = resolve_pack(opts.topics, builtin=opts.builtin)
    a = read_readout(opts.file_a, name=opts.name_a, language=opts.lang_a)
    b = read_readout(opts.file_b, name=opts.name_b, language=opts.lang_b)
    report = compare(
        a,
        b,
        Options(
            pack=pack,
            models=opts.models,
            align=AlignOptions(threshold=opts.threshold),
            adhoc=opts.adhoc,
        ),
    )
    output = render(report, opts.fmt, Style(color=opts.color, width=opts.width))
    return output, report.exit_status


def list_topics(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """--list-topics: print the topics of the pack(s) in use, then exit."""
    if not value or ctx.resilient_parsing:
        return
    from readout_diff.topics import resolve_pack

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
  readout-diff --format json a.txt b.txt | jq '.topics[] | select(.status != "both")'
  readout-diff --topics my-topics.toml a.txt b.txt

\b
Exit status: 0 no topic is one-sided, 1 at least one is, 2 trouble.
"""


@click.command(
    cls=OneLineErrors,
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.argument("file_a", metavar="READOUT_A")
@click.argument("file_b", metavar="READOUT_B")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format: text for reading (coloured in a terminal), json for scripts, "
    "markdown for reports.",
)
@click.option(
    "-t",
    "--topics",
    "topics",
    multiple=True,
    metavar="PACK.toml",
    is_eager=True,
    help="A topic pack of your own (repeatable): its topics are added to the built-in "
    "pack, an existing id gets the extra aliases.",
)
@click.option(
    "--no-builtin",
    "builtin",
    flag_value=False,
    default=True,
    is_eager=True,
    help="Use only the packs given with --topics, not the built-in one.",
)
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
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Similarity below which a sentence has no counterpart in the other readout.",
)
@click.option(
    "--adhoc/--no-adhoc",
    default=True,
    show_default=True,
    help="Also report named treaties, bodies and acronyms that no pack topic covers, "
    "as ad-hoc topics (same-language readouts only).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off [default: on for a terminal, unless NO_COLOR is set].",
)
@click.option(
    "--width",
    type=click.IntRange(40, 1000),
    default=None,
    help="Line width of text output [default: the terminal's, else 100].",
)
@click.option("--debug", is_flag=True, help="Show a traceback when something goes wrong.")
@click.version_option(__version__, "-V", "--version", prog_name="readout-diff")
@click.pass_context
def cli(ctx: click.Context, /, debug: bool, **raw: Any) -> NoReturn:
    """Compare two official readouts of one diplomatic call.

    Tells which topics one readout mentions and the other does not, how the shared
    topics are framed on each side, and what each side said that the other did not.
    """
    opts = CliOptions.from_raw_args(**raw)
    try:
        output, status = run(opts)
    except ReadoutDiffError as exc:
        raise Trouble(str(exc)) from None
    except Exception as exc:
        if debug:
            raise
        raise Trouble(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)") from None
    click.echo(output, nl=False, color=opts.color)
    ctx.exit(int(status))


def main() -> None:
    """Entry point of the ``readout-diff`` command."""
    cli(prog_name="readout-diff")
