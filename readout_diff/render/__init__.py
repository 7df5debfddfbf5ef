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

from collections.abc import Callable
from typing import Any

from readout_diff.formats import OutputFormat
from readout_diff.model import MultiReport, Report
from readout_diff.render import csv, html, json, markdown, text
from readout_diff.render.common import Style, marked_pieces, table_sections, verdict

Renderer = Callable[[Any, Style], str]

RENDERERS: dict[tuple[OutputFormat, type[Report] | type[MultiReport]], Renderer] = {
    (OutputFormat.TEXT, Report): text.render_pair,
    (OutputFormat.TEXT, MultiReport): text.render_many,
    (OutputFormat.JSON, Report): json.render_pair,
    (OutputFormat.JSON, MultiReport): json.render_many,
    (OutputFormat.MARKDOWN, Report): markdown.render_pair,
    (OutputFormat.MARKDOWN, MultiReport): markdown.render_many,
    (OutputFormat.HTML, Report): html.render_pair,
    (OutputFormat.HTML, MultiReport): html.render_many,
    (OutputFormat.CSV, Report): csv.render_pair,
    (OutputFormat.CSV, MultiReport): csv.render_many,
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
