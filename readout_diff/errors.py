"""Exceptions of the library: each is reported by the CLI as one line, exit status 2.

None is an ``OSError``: a caller that catches ``OSError`` for its own reasons never
swallows one of these by accident. A message that points to a setting (the size
limit, the encoding) names it as the library's parameter (``max_bytes=...``); the
command line names its own option instead (:meth:`ReadoutDiffError.describe`), so
the library never speaks of a flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SETTING = "{setting}"
"""Where a problem's text names its :class:`Setting`."""


@dataclass(frozen=True)
class Setting:
    """A parameter of the library that an error message points to, with a value to try."""

    name: str
    value: str | bool | None = None

    def as_argument(self) -> str:
        """How the library names it: ``encoding='utf-16-le'``, ``max_bytes=...``."""
        return f"{self.name}={'...' if self.value is None else repr(self.value)}"

    def as_option(self, option: str) -> str:
        """How a command line names it, given its option: ``--encoding utf-16-le``."""
        if self.value is None or isinstance(self.value, bool):
            return option
        return f"{option} {self.value}"


class ReadoutDiffError(Exception):
    """Base class of every error the library reports to the user."""

    def __init__(self, source: str, problem: str, *, setting: Setting | None = None) -> None:
        self.source = source
        self.setting = setting
        self.template = problem
        """``problem`` with :data:`SETTING` where the setting is named."""
        self.problem = self._fill(setting.as_argument() if setting else "")
        super().__init__(f"{source}: {self.problem}")

    def describe(self, options: Mapping[str, str]) -> str:
        """The one-line message with the setting named by its option in ``options``."""
        if self.setting is None or self.setting.name not in options:
            return str(self)
        return f"{self.source}: {self._fill(self.setting.as_option(options[self.setting.name]))}"

    def _fill(self, name: str) -> str:
        return self.template.replace(SETTING, name) if self.setting else self.template

    def __reduce__(self) -> tuple[object, ...]:
        # Worker processes send errors back pickled; Exception's default would call
        # __init__ with the whole message alone.
        return (_rebuild, (type(self), self.source, self.template, self.setting))


def _rebuild(
    cls: type[ReadoutDiffError], source: str, template: str, setting: Setting | None
) -> ReadoutDiffError:
    return cls(source, template, setting=setting)


class InputError(ReadoutDiffError):
    """A readout file could not be read as text."""


class PackError(ReadoutDiffError):
    """A topic pack is missing, malformed or inconsistent."""


class ModelError(ReadoutDiffError):
    """A spaCy pipeline asked for by name or path could not be loaded or used."""


class OutputError(ReadoutDiffError):
    """A report could not be written to its output file."""
