"""The archive overview page: topics x calls, who raised what alone, call after call.

One self-contained page like the pair report: inline style and script (package files,
allowed by hash in the Content-Security-Policy), every name and sentence escaped,
nothing fetched, the same overview giving the same bytes. The grid is plain HTML:
one row per topic, one column per call in date order, a cell's class its status. The
page's script reads the grid back to draw each topic's counts and trend (inline SVG)
and to filter by dyad and year, so the numbers and the cells cannot disagree.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import quote

from readout_diff import __version__
from readout_diff.overview import (
    ABSENT,
    BOTH,
    ONLY_A,
    ONLY_B,
    PASSING_A,
    PASSING_B,
    TOP,
    UNDATED,
    Overview,
)
from readout_diff.render.html.page import Assets
from readout_diff.render.html.page import e as _e

PALETTE = 9
"""Side colours in the style sheet; sides past the eighth share the last (grey) one."""


@lru_cache(maxsize=1)
def overview_assets() -> Assets:
    """The overview's style and script, package files beside the pair page's (read once)."""
    folder = resources.files("readout_diff.render.html")
    return Assets(
        css=folder.joinpath("overview.css").read_text("utf-8"),
        js=folder.joinpath("overview.js").read_text("utf-8"),
    )


def _colour(side: int) -> int:
    return min(side, PALETTE - 1)


def cell_class(status: str, side_a: int, side_b: int) -> str:
    """A grid cell's class: ``a``/``b`` and the alone side's colour, ``pa``/``pb`` and the
    colour of the side that only mentioned it in passing, ``s`` both, ``o`` other."""
    if status == ONLY_A:
        return f"a{_colour(side_a)}"
    if status == ONLY_B:
        return f"b{_colour(side_b)}"
    if status == PASSING_A:
        return f"pa{_colour(side_a)}"
    if status == PASSING_B:
        return f"pb{_colour(side_b)}"
    if status == BOTH:
        return "s"
    return "" if status == ABSENT else "o"


def report_href(links: str, name: str) -> str:
    """Where the grid links a call to: its pair report under ``links``."""
    return links + quote(name, safe="") + ".html"


def render_overview(overview: Overview, *, links: str | None = None) -> str:
    """The overview page; ``links`` is the folder (with a trailing slash) of pair reports."""
    side_index = {s.side: k for k, s in enumerate(overview.sides)}
    dyad_index = {d: str(k) for k, d in enumerate(overview.dyads)}
    calls = overview.calls
    body = [
        *_header(overview, dyad_index),
        "<main>",
        '<section aria-labelledby="grid-title">',
        '<h2 id="grid-title">Topics, call after call</h2>',
        '<p class="note">Each column is a call, in date order; a coloured cell is a topic only '
        "one side raised (in that side's colour), a dark one a topic both raised, a light one "
        "a topic one side only mentioned in passing (neither one-sided nor shared). "
        + ("Click a cell or a date for the pair's report. " if links is not None else "")
        + "The bar counts the calls in which each side raised the topic alone (and both did); "
        "the small columns show, per year, the share of that year's calls in which a side "
        "raised it alone.</p>",
        '<div class="scroll">',
        f'<table class="grid" id="grid" data-years="{_e(" ".join(overview.years))}">',
        "<thead><tr>",
        '<th class="label" scope="col">Topic</th>',
        '<th class="bar" scope="col">Raised alone</th>',
        '<th class="trend" scope="col">By year</th>',
    ]
    for call in calls:
        title = f"{call.name}: A {call.side_a}, B {call.side_b}"
        text = _e(call.date or call.name)
        inner = (
            f'<a href="{_e(report_href(links, call.name))}">{text}</a>'
            if links
            else (f"<span>{text}</span>")
        )
        body.append(
            f'<th class="call" scope="col" title="{_e(title)}" data-n="{_e(call.name)}" '
            f'data-y="{_e(call.year)}" data-d="{dyad_index[call.dyad]}" '
            f'data-a="{side_index[call.side_a]}" data-b="{side_index[call.side_b]}">{inner}</th>'
        )
    body.append("</tr></thead>")
    body.append("<tbody>")
    sides = [(side_index[c.side_a], side_index[c.side_b]) for c in calls]
    for topic in overview.topics:
        cells = "".join(
            f'<td class="{cls}"></td>' if (cls := cell_class(status, a, b)) else "<td></td>"
            for status, (a, b) in zip(topic.statuses, sides, strict=True)
        )
        body.append(
            f'<tr data-topic="{_e(topic.id)}"><th class="label" scope="row" '
            f'title="{_e(topic.label)}">{_e(topic.label)}</th>'
            f'<td class="bar"></td><td class="trend"></td>{cells}</tr>'
        )
    body += ["</tbody>", "</table>", "</div>", "</section>"]
    body += _sides(overview, links)
    body += _failed(overview)
    body.append("</main>")
    footer = (
        f"readout-diff {_e(__version__)} · {len(calls)} calls · "
        f"{len(overview.topics)} topics · {len(overview.sides)} sides"
    )
    return _document("readout-diff overview", body, footer)


def _header(overview: Overview, dyad_index: dict[str, str]) -> list[str]:
    dated = [c.date for c in overview.calls if c.date]
    span = f", {dated[0]} to {dated[-1]}" if dated else ""
    count = len(overview.calls)
    dyad_counts = {d: 0 for d in overview.dyads}
    for call in overview.calls:
        dyad_counts[call.dyad] += 1
    years = [y for y in overview.years]
    parts = [
        "<header>",
        '<p class="tool">readout-diff · archive overview</p>',
        f"<h1>{count} call{'' if count == 1 else 's'}{_e(span)}</h1>",
        f'<p class="meta">{len(overview.dyads)} dyad{"" if len(overview.dyads) == 1 else "s"}, '
        f"{len(overview.topics)} topics"
        + (f", {len(overview.failed)} pairs failed" if overview.failed else "")
        + "</p>",
        '<div class="controls">',
        '<label>Dyad <select id="dyad"><option value="">all dyads</option>',
        *(
            f'<option value="{dyad_index[d]}">{_e(d)} ({n})</option>'
            for d, n in dyad_counts.items()
        ),
        "</select></label>",
        '<label>Year <select id="year"><option value="">all years</option>',
        *(
            f'<option value="{_e(y)}">{_e(y if y != UNDATED else "undated")}</option>'
            for y in years
        ),
        "</select></label>",
        f'<span id="shown" role="status">Showing {count} of {count} calls</span>',
        "</div>",
        '<ul class="legend" id="sides-key">',
        *(
            f'<li><span class="sw k{_colour(k)}"></span><span data-k="{k}">{_e(s.side)}</span></li>'
            for k, s in enumerate(overview.sides)
        ),
        '<li><span class="sw s"></span>both</li>',
        '<li><span class="sw p"></span>in passing (lighter, in the side\'s colour)</li>',
        '<li><span class="sw none"></span>neither</li>',
        "</ul>",
        "</header>",
    ]
    return parts


def _sides(overview: Overview, links: str | None) -> list[str]:
    row_of = {t.id: r for r, t in enumerate(overview.topics)}
    parts = [
        '<section aria-labelledby="sides-title">',
        '<h2 id="sides-title">What each side raises alone</h2>',
        '<p class="note">Per side, the topics it raised when the other side did not, most '
        "often first, with sentences from the latest such calls.</p>",
        '<div class="sides">',
    ]
    for k, side in enumerate(overview.sides):
        parts += [
            f'<section class="side" data-k="{k}">',
            f'<h3><span class="sw k{_colour(k)}"></span>{_e(side.side)}</h3>',
            f'<p class="note calls">{side.calls} call{"" if side.calls == 1 else "s"}</p>',
            f'<p class="note empty"{"" if not side.topics else " hidden"}>'
            "Raised no topic alone.</p>",
            "<ol>",
        ]
        for order, topic in enumerate(side.topics):
            hidden = " hidden" if order >= TOP else ""
            calls = "call" if topic.count == 1 else "calls"
            parts.append(
                f'<li data-r="{row_of[topic.id]}" data-o="{order}"{hidden}>'
                f'<b>{_e(topic.label)}</b> <span class="n">alone in {topic.count} {calls}</span>'
            )
            for number, example in enumerate(topic.examples):
                call = overview.calls[example.call]
                where = _e(call.date or call.name) + (f" · {_e(call.name)}" if call.date else "")
                if links is not None:
                    where = f'<a href="{_e(report_href(links, call.name))}">{where}</a>'
                quote_hidden = " hidden" if number >= 2 else ""
                parts.append(
                    f'<blockquote data-c="{example.call}"{quote_hidden}>{_e(example.sentence)}'
                    f"<cite>{where}</cite></blockquote>"
                )
            parts.append("</li>")
        parts += ["</ol>", "</section>"]
    parts += ["</div>", "</section>"]
    return parts


def _failed(overview: Overview) -> list[str]:
    if not overview.failed:
        return []
    return [
        '<section aria-labelledby="failed-title">',
        '<h2 id="failed-title">Pairs that could not be compared</h2>',
        '<ul class="failed">',
        *(f"<li>{_e(f.name)}: {_e(f.error)}</li>" for f in overview.failed),
        "</ul>",
        "</section>",
    ]


def _document(title: str, body: list[str], footer: str) -> str:
    page = overview_assets()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{page.csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="readout-diff">',
        f"<title>{_e(title)}</title>",
        f"<style>{page.css}</style>",
        "</head>",
        "<body>",
        *body,
        "<footer>",
        footer,
        "</footer>",
        f"<script>{page.js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
