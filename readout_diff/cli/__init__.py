"""The command line: a thin click layer over the library.

``readout-diff A B`` (the ``diff`` command, which needs no name) compares readouts;
``readout-diff topics`` lists and checks topic packs; ``readout-diff batch`` runs
over many pairs. One module per command (:mod:`.diff`, :mod:`.batch`,
:mod:`.topics`); :mod:`.options` types the diff command's options by what they
govern; :mod:`.boundary` is the one place where faults become a status and one
line on stderr, for every command; the statuses themselves come from
:mod:`readout_diff.status`. The library never imports this package.
"""

from __future__ import annotations

import gc
import os

import click

from readout_diff import __version__
from readout_diff.cli.base import EPILOG, DefaultGroup
from readout_diff.cli.batch import batch_command
from readout_diff.cli.boundary import ErrorBoundary, Trouble
from readout_diff.cli.diff import diff_command, run
from readout_diff.cli.options import DiffOptions
from readout_diff.cli.topics import topics_group

__all__ = ["DiffOptions", "Trouble", "cli", "main", "run"]


class ReadoutDiffGroup(ErrorBoundary, DefaultGroup):
    """The ``readout-diff`` command: its default command is ``diff``, inside the boundary."""


@click.group(
    cls=ReadoutDiffGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EPILOG,
)
@click.version_option(__version__, "-V", "--version", prog_name="readout-diff")
def cli() -> None:
    """Compare official readouts of one diplomatic call."""


cli.add_command(diff_command)
cli.add_command(batch_command)
cli.add_command(topics_group)


def main() -> None:
    """Entry point of the ``readout-diff`` command."""
    # numpy's BLAS starts a thread per core for the sentence encoder's small products;
    # on a busy machine those threads wait for each other (a 20 ms encoding then takes
    # 150 ms), and a batch already runs a worker per core. The vectors are the same
    # bit for bit. Set before numpy is first imported; a value of the user's stands.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    # Start-up makes millions of objects (spaCy, the pipelines, the pack) that live as
    # long as the process; at the collector's default pace (every 700 allocations) its
    # passes over them cost a tenth of a second. Young objects are collected every
    # 20,000 allocations instead; what is loaded is frozen out of the passes (diff.run).
    gc.set_threshold(20_000, 10, 10)
    cli(prog_name="readout-diff")
