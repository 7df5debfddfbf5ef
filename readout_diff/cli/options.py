"""The diff command's options, typed at the boundary and split by what they govern.

Like httpie's ``ProcessingOptions.from_raw_args``: click parses and applies the
defaults (declared once, on the options); :meth:`DiffOptions.from_raw_args` only
types and resolves what depends on the terminal (colour, width). Each group goes
to one stage: :class:`InputOptions` to reading, :class:`ComparisonOptions` to the
pipeline, :class:`RenderOptions` to the renderer, :class:`OutputOptions` to where
the report goes and what the exit status says.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from readout_diff.formats import InputFormat, OutputFormat
from readout_diff.model import DEFAULT_ENCODER
from readout_diff.status import FailOn

if TYPE_CHECKING:
    from readout_diff.pipeline import Options
    from readout_diff.render import Style
    from readout_diff.topicpacks import TopicPack


@dataclass(frozen=True)
class InputOptions:
    """Which readouts to read, and how."""

    files: tuple[str, ...]
    names: tuple[str | None, str | None]
    """``--name-a``, ``--name-b``: names of the first two readouts (None: the file's)."""
    languages: tuple[str | None, str | None]
    """``--lang-a``, ``--lang-b``: languages of the first two readouts (None: detected)."""
    encoding: str | None
    input_format: InputFormat
    keep_boilerplate: bool
    max_bytes: int
    show_input: bool

    @classmethod
    def from_raw_args(cls, raw: Mapping[str, Any]) -> InputOptions:
        return cls(
            files=tuple(raw["files"]),
            names=(raw["name_a"], raw["name_b"]),
            languages=(_language(raw["lang_a"]), _language(raw["lang_b"])),
            encoding=raw["encoding"],
            input_format=InputFormat(raw["input_format"]),
            keep_boilerplate=raw["keep_boilerplate"],
            max_bytes=raw["max_size"],
            show_input=raw["show_input"],
        )


@dataclass(frozen=True)
class ComparisonOptions:
    """What the readouts are compared with: packs, pipelines, threshold, ad-hoc names."""

    topics: tuple[str, ...]
    builtin: bool
    threshold: float | None
    adhoc: bool
    models: tuple[str, ...] = ()
    encoder: str = DEFAULT_ENCODER

    @classmethod
    def from_raw_args(cls, raw: Mapping[str, Any]) -> ComparisonOptions:
        return cls(
            topics=tuple(raw["topics"]),
            builtin=raw["builtin"],
            threshold=raw["threshold"],
            adhoc=raw["adhoc"],
            models=tuple(raw["models"]),
            encoder=raw["encoder"],
        )

    def pipeline_options(self) -> Options:
        """The library's options, with the topic packs read and merged."""
        from readout_diff.aligning import AlignOptions
        from readout_diff.pipeline import Options

        return Options(
            pack=resolve_packs(self.topics, builtin=self.builtin),
            models=self.models,
            align=AlignOptions(threshold=self.threshold, encoder=self.encoder),
            adhoc=self.adhoc,
        )


@dataclass(frozen=True)
class RenderOptions:
    """How the report is rendered."""

    fmt: OutputFormat
    color: bool
    width: int
    explain: bool

    @classmethod
    def from_raw_args(cls, raw: Mapping[str, Any]) -> RenderOptions:
        fmt = OutputFormat(raw["fmt"])
        stdout_tty = sys.stdout.isatty()
        color = "never" if raw["no_color"] else raw["color"]
        if color == "auto":
            forced = bool(os.environ.get("FORCE_COLOR"))
            wanted = (stdout_tty or forced) and "NO_COLOR" not in os.environ
            use_color = wanted and fmt is OutputFormat.TEXT and not raw["output"]
        else:
            use_color = color == "always" and fmt is OutputFormat.TEXT
        width = raw["width"]
        if width is None:
            width = shutil.get_terminal_size().columns if stdout_tty else 100
        return cls(fmt=fmt, color=use_color, width=max(40, int(width)), explain=raw["explain"])

    def style(self) -> Style:
        from readout_diff.render import Style

        # --explain adds a section to text and Markdown only, as it always has.
        explain = self.explain and self.fmt in (OutputFormat.TEXT, OutputFormat.MARKDOWN)
        return Style(color=self.color, width=self.width, explain=explain)


@dataclass(frozen=True)
class OutputOptions:
    """Where the report goes, and what makes the exit status 1."""

    path: str | None
    quiet: bool
    fail_on: FailOn

    @classmethod
    def from_raw_args(cls, raw: Mapping[str, Any]) -> OutputOptions:
        return cls(path=raw["output"], quiet=raw["quiet"], fail_on=FailOn(raw["fail_on"]))


@dataclass(frozen=True)
class DiffOptions:
    """Every option of the diff command, by what it governs."""

    input: InputOptions
    comparison: ComparisonOptions
    rendering: RenderOptions
    output: OutputOptions

    @classmethod
    def from_raw_args(cls, raw: Mapping[str, Any]) -> DiffOptions:
        """Type click's parsed values (every key is there: click fills in the defaults)."""
        return cls(
            input=InputOptions.from_raw_args(raw),
            comparison=ComparisonOptions.from_raw_args(raw),
            rendering=RenderOptions.from_raw_args(raw),
            output=OutputOptions.from_raw_args(raw),
        )


def resolve_packs(topics: tuple[str, ...], *, builtin: bool) -> TopicPack:
    """The packs of ``--topics`` and ``--no-builtin``, read and merged."""
    from readout_diff.cli.boundary import Trouble
    from readout_diff.topicpacks import resolve_pack

    if not builtin and not topics:
        raise Trouble("--no-builtin: no topic pack left: give one with --topics FILE")
    return resolve_pack(topics, builtin=builtin)


def _language(value: str) -> str | None:
    return None if value == "auto" else value
