"""Rendering stage: a :class:`~readout_diff.model.Report` becomes text, Markdown, HTML or JSON.

Each format is one module with one function ``render(report, style) -> str``; the
CLI picks one from :data:`RENDERERS`. A renderer returns the whole output as a
string, so nothing is written half-way when something fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from readout_diff.model import (
    MultiReport,
    Report,
    Sentence,
    Side,
    TopicDiff,
    TopicHit,
    TopicKind,
)


@dataclass(frozen=True)
class Style:
    """How the output will be shown."""

    color: bool = False
    """Use terminal colours and emphasis (only for a terminal)."""
    width: int = 100
    """Line width for formats that wrap."""


Renderer = Callable[[Report, Style], str]


def verdict(report: Report) -> str:
    """One line: how many topics are shared, how many only in each readout."""
    a, b = report.a.readout.name, report.b.readout.name
    shared, only_a, only_b = len(report.shared), len(report.only_a), len(report.only_b)
    head = "same topics" if not (only_a or only_b) else "topics differ"
    return f"{head}: {_count(shared, 'topic')} in both, {only_a} only in {a}, {only_b} only in {b}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def marked_pieces(sentence: Sentence, hits: tuple[TopicHit, ...]) -> list[tuple[str, bool]]:
    """A sentence cut into (text, is_trigger) pieces, the triggers being the hits' spans."""
    spans = sorted((h.start - sentence.start, h.end - sentence.start) for h in hits)
    merged: list[list[int]] = []
    for start, end in spans:
        # Triggers only blanks apart ("coronavirus pandemic") read as one phrase.
        if merged and (start <= merged[-1][1] or not sentence.text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            pieces.append((sentence.text[pos:start], False))
        pieces.append((sentence.text[start:end], True))
        pos = end
    if pos < len(sentence.text):
        pieces.append((sentence.text[pos:], False))
    return pieces


def table_sections(report: Report) -> list[tuple[str, tuple[TopicDiff, ...], bool]]:
    """The topic table's sections: (title, topics, one-sided?), empty ones left out.

    Pack topics come first, one-sided before shared; ad-hoc names (things no pack
    topic covers) are kept apart at the end.
    """
    a, b = report.a.readout.name, report.b.readout.name
    pack = [t for t in report.topics if t.topic.kind is TopicKind.PACK]
    adhoc = tuple(t for t in report.topics if t.topic.kind is TopicKind.ADHOC)
    order = {Side.ONLY_A: 0, Side.ONLY_B: 1, Side.BOTH: 2}
    sections = [
        (f"only in {a}", tuple(t for t in pack if t.side is Side.ONLY_A), True),
        (f"only in {b}", tuple(t for t in pack if t.side is Side.ONLY_B), True),
        ("in both", tuple(t for t in pack if t.side is Side.BOTH), False),
        (
            "names no topic covers",
            tuple(sorted(adhoc, key=lambda t: order[t.side])),
            any(t.side is not Side.BOTH for t in adhoc),
        ),
    ]
    return [(title, diffs, one_sided) for title, diffs, one_sided in sections if diffs]


def _renderers() -> dict[str, Renderer]:
    from readout_diff.render import html, json, markdown, text

    return {
        "text": text.render,
        "json": json.render,
        "markdown": markdown.render,
        "html": html.render,
    }


FORMATS = ("text", "json", "markdown", "html")


def render(report: Report, fmt: str = "text", style: Style | None = None) -> str:
    """Render a report in one of :data:`FORMATS`."""
    return _renderers()[fmt](report, style or Style())


def render_many(report: MultiReport, fmt: str = "text", style: Style | None = None) -> str:
    """Render a report on three or more readouts (text, json, markdown or html)."""
    from readout_diff.render import many

    return many.render_many(report, fmt, style or Style())


def explain(report: Report, *, markdown: bool = False) -> str:
    """The ``--explain`` section: which alias matched which words, per readout and topic."""
    from readout_diff.render.explaining import explain as explain_report

    return explain_report(report, markdown=markdown)
