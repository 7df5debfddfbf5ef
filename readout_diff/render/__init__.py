"""Rendering stage: a report becomes text, Markdown, HTML, JSON or CSV.

One module per format (:mod:`.text`, :mod:`.markdown`, :mod:`.json`, :mod:`.html`,
:mod:`.csv`),
each rendering both a two-readout :class:`~readout_diff.model.Report`
(``render_pair``) and a :class:`~readout_diff.model.MultiReport` on three or more
(``render_many``); what they share (the style, the verdicts, the table's sections,
marked sentences) is in :mod:`.common`, and the analyst's columns (actor, act,
tone, share, rank) in :mod:`.columns`. :data:`RENDERERS` is the one dispatch
table, keyed by format and kind of report. A renderer returns the whole output as
a string, so nothing is written half-way when something fails.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from readout_diff.formats import OutputFormat
from readout_diff.model import MultiReport, Report
from readout_diff.render.common import Style, marked_pieces, table_sections, verdict

Renderer = Callable[[Any, Style], str]


def _renderer(module: str, function: str) -> Renderer:
    """``render.<module>.<function>``, imported when first called: a run renders one
    format, and the others' modules are a tenth of the package's import time."""

    def render_lazily(report: Any, style: Style) -> str:
        found: Renderer = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        return found(report, style)

    render_lazily.__qualname__ = render_lazily.__name__ = f"{module}.{function}"
    return render_lazily


RENDERERS: dict[tuple[OutputFormat, type[Report] | type[MultiReport]], Renderer] = {
    (fmt, kind): _renderer(fmt.value, "render_pair" if kind is Report else "render_many")
    for fmt in OutputFormat
    for kind in (Report, MultiReport)
}


def render(
    report: Report | MultiReport,
    fmt: OutputFormat | str = OutputFormat.TEXT,
    style: Style | None = None,
) -> str:
    """Render a report (of two readouts or more) in a format (ValueError for an unknown one)."""
    return RENDERERS[OutputFormat(fmt), type(report)](report, style or Style())


def render_many(
    report: MultiReport, fmt: OutputFormat | str = OutputFormat.TEXT, style: Style | None = None
) -> str:
    """Render a report on three or more readouts (the same as :func:`render`)."""
    return render(report, fmt, style)


__all__ = [
    "RENDERERS",
    "OutputFormat",
    "Renderer",
    "Style",
    "marked_pieces",
    "render",
    "render_many",
    "table_sections",
    "verdict",
]
