"""Exceptions of the library: each is reported by the CLI as one line, exit status 2.

None is an ``OSError``: a caller that catches ``OSError`` for its own reasons never
swallows one of these by accident.
"""

from __future__ import annotations


class ReadoutDiffError(Exception):
    """Base class of every error the library reports to the user."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class InputError(ReadoutDiffError):
    """A readout file could not be read as text."""


class PackError(ReadoutDiffError):
    """A topic pack is missing, malformed or inconsistent."""


class ModelError(ReadoutDiffError):
    """A spaCy pipeline asked for by name or path could not be loaded or used."""


class OutputError(ReadoutDiffError):
    """A report could not be written to its output file."""
