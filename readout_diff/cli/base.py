"""What the commands share: the default-command group, one-line usage errors, options."""

from __future__ import annotations

from typing import Any

import click

from readout_diff.cli.boundary import one_line_usage_errors
from readout_diff.model import (
    DEFAULT_ENCODER,
    DEFAULT_THRESHOLD,
    ENCODERS,
    LEXICAL_THRESHOLD,
)

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


class OneLineErrors(click.Command):
    """A command whose usage errors, too, are one line on stderr with exit status 2."""

    make_context = one_line_usage_errors(click.Command.make_context)


class DefaultGroup(click.Group):
    """A group whose default command runs when the first argument names no command.

    ``readout-diff a.txt b.txt`` is ``readout-diff diff a.txt b.txt``; ``--help``
    shows the main job's options first, then the other commands.
    """

    default_command = "diff"
    make_context = one_line_usage_errors(click.Group.make_context)

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
        # The default command's help under the group's full name ("readout-diff topics"),
        # with its own settings (-h as well as --help).
        settings = {"help_option_names": ctx.help_option_names, **command.context_settings}
        with click.Context(command, info_name=ctx.command_path, parent=None, **settings) as sub:
            command.format_help(sub, formatter)
        others = [(n, cmd) for n, cmd in self.commands.items() if n != self.default_command]
        with formatter.section("Other commands"):
            formatter.write_dl(
                [(name, cmd.get_short_help_str(limit=70)) for name, cmd in others]
                + [("", f"{ctx.command_path} COMMAND --help for each one's options")]
            )


def comparison_options(func: Any) -> Any:
    """--threshold, --encoder and --adhoc, the options that change a comparison (diff, batch)."""
    func = click.option(
        "--encoder",
        type=click.Choice(ENCODERS),
        default=DEFAULT_ENCODER,
        show_default=True,
        help="Sentence encoder for the similarity: 'use' (multilingual Universal Sentence "
        "Encoder, shipped as a package) or 'none' (lexical only).",
    )(func)
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
        default=None,
        help="Similarity below which a sentence has no counterpart in the other readout "
        f"[default: {DEFAULT_THRESHOLD} with the encoder, {LEXICAL_THRESHOLD} lexical only].",
    )(func)


def pack_options(func: Any) -> Any:
    """--topics and --no-builtin: which topic packs are in use."""
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
