"""The one error boundary of every command, like httpie's ``core.main``.

Commands raise what they like; :class:`ErrorBoundary` (the top-level group)
turns it into a status and at most one line on stderr:

* a library error (:class:`~readout_diff.errors.ReadoutDiffError`) or a usage
  error: ``readout-diff: FILE: problem``, status 2;
* any other exception: ``readout-diff: internal error: ... (rerun with --debug)``,
  status 2; with ``--debug`` the traceback instead;
* Ctrl-C: ``readout-diff: interrupted``, status 130;
* standard output closed early (``readout-diff a b | head``): nothing, status 141,
  as ``diff`` and ``grep`` end when killed by SIGPIPE.

Statuses come from :mod:`readout_diff.status`; commands return them through
``ctx.exit`` or ``SystemExit``, which pass the boundary untouched.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from readout_diff.errors import ReadoutDiffError
from readout_diff.status import ExitStatus

OPTIONS = {
    "max_bytes": "--max-size",
    "encoding": "--encoding",
    "keep_boilerplate": "--keep-boilerplate",
}
"""The option that sets each library parameter an error may point to."""

DEBUG = "readout_diff.debug"
"""Key in ``ctx.meta`` (shared by every context of a run) set by ``--debug``."""


class Trouble(click.ClickException):
    """A one-line error on stderr and exit status 2 (1 means "readouts differ")."""

    exit_code = int(ExitStatus.TROUBLE)

    def show(self, file: Any = None) -> None:
        click.echo(f"readout-diff: {self.format_message()}", err=True)


class Interrupted(Trouble):
    """Ctrl-C: one line, status 130."""

    exit_code = int(ExitStatus.INTERRUPTED)

    def __init__(self) -> None:
        super().__init__("interrupted")


def one_line_usage_errors(make_context: Callable[..., click.Context]) -> Any:
    """Wrap ``make_context`` so a usage error is one line on stderr with status 2."""

    def wrapper(self: click.Command, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return make_context(self, *args, **kwargs)
        except click.UsageError as exc:
            raise Trouble(
                f"{exc.format_message()} (see '{help_command(exc.ctx)} --help')"
            ) from None

    return wrapper


def help_command(ctx: click.Context | None) -> str:
    """The command whose ``--help`` explains a usage error: ``readout-diff topics check``.

    The main job is ``readout-diff`` itself, though click names it ``readout-diff diff``.
    """
    if ctx is None:
        return "readout-diff"
    path = ctx.command_path
    parent = ctx.parent
    default = getattr(parent.command, "default_command", None) if parent else None
    if parent is not None and parent.parent is None and ctx.info_name == default:
        return parent.command_path
    return path


def debug_option(func: Any) -> Any:
    """``--debug``: let an unexpected exception through with its traceback."""

    def remember(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        ctx.meta[DEBUG] = ctx.meta.get(DEBUG, False) or value

    return click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        callback=remember,
        help="Show a traceback when something goes wrong.",
    )(func)


class ErrorBoundary(click.Group):
    """A group that runs its commands inside the boundary described above."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, click.ClickException):
            raise
        except ReadoutDiffError as exc:
            raise Trouble(exc.describe(OPTIONS)) from None
        except KeyboardInterrupt:
            raise Interrupted() from None
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(int(ExitStatus.PIPE_CLOSED)) from None
        except Exception as exc:
            if ctx.meta.get(DEBUG):
                raise
            raise Trouble(
                f"internal error: {type(exc).__name__}: {exc} (rerun with --debug)"
            ) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit does not complain again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
