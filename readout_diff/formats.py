"""The formats readout-diff reads and writes, as enums (cheap to import: the CLI's choices)."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """What a report is rendered as (``--format``)."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    CSV = "csv"


class InputFormat(StrEnum):
    """What a readout file is (``--input-format``); ``auto`` goes by the name, then the content."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"
