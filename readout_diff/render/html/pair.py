"""The HTML page of a two-readout report: the readouts side by side, the topic table
as the filter, aligned sentences joined by lines."""

from __future__ import annotations

from readout_diff.model import Report, Side, TaggedReadout, TopicDiff
from readout_diff.render.common import Style, table_sections, verdict
from readout_diff.render.html.page import (
    GUTTER,
    ONE_SIDED,
    SHARED,
    Links,
    Topics,
    column_head,
    document,
    e,
    filter_bar,
    footer,
    header,
    legend,
    links_of,
    mark,
    meta,
    not_discussed,
    sentence_html,
    topic_button,
)


def _is_one_sided(diff: TopicDiff) -> bool:
    return diff.side is not Side.BOTH


class _Page(Topics):
    """The topics of a two-readout report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(
            {d.topic.id: ONE_SIDED if _is_one_sided(d) else SHARED for d in report.topics},
            {
                d.topic.id: not_discussed(
                    d.topic.label,
                    (report.a.readout.name, report.b.readout.name),
                    (d.hits_a, d.hits_b),
                )
                for d in report.topics
            },
        )


def render_pair(report: Report, style: Style) -> str:
    """The report as one self-contained HTML page (byte-identical for identical inputs).

    ``style`` is accepted for the common renderer signature; a page has its own
    colours and reflows to the window, so neither colour nor width applies.
    """
    page = _Page(report)
    a, b = report.a.readout, report.b.readout
    body = [
        *header(
            [a.name, b.name],
            meta((report.a, report.b)),
            verdict(report),
            not (report.only_a or report.only_b),
        ),
        '<div class="layout">',
        *_aside(page),
        *_readouts(page),
        "</div>",
    ]
    page_footer = footer(report.pack, report.alignment.threshold)
    return document(f"readout-diff: {a.name} vs {b.name}", body, page_footer)


def _aside(page: _Page) -> list[str]:
    report = page.report
    name_a, name_b = e(report.a.readout.name), e(report.b.readout.name)
    lines = [
        '<aside aria-label="Topics">',
        *legend(
            [
                ("shared", "carries a topic both readouts mention"),
                ("one-sided", "carries a topic only one readout mentions"),
                ("unmatched", "dashed: no counterpart in the other readout"),
                ("link", "aligned sentences (point at one to see its counterpart)"),
                ("mark", "the words that triggered a topic"),
            ]
        ),
        "<h2>Topics</h2>",
    ]
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in either readout.</p>']
        return [*lines, "</aside>"]
    lines += [
        *filter_bar(),
        '<table class="topics">',
        f'<thead><tr><th scope="col">Topic</th><th scope="col">{name_a}</th>'
        f'<th scope="col">{name_b}</th></tr></thead>',
        "<tbody>",
    ]
    for title, diffs, _ in table_sections(report):
        lines.append(f'<tr class="section"><td colspan="3">{e(title)} ({len(diffs)})</td></tr>')
        for diff in diffs:
            lines.append(
                f'<tr class="{page.kinds[diff.topic.id]}"><td>{topic_button(page, diff.topic)}'
                f"</td>{mark(bool(diff.hits_a))}{mark(bool(diff.hits_b))}</tr>"
            )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _readouts(page: _Page) -> list[str]:
    report = page.report
    links_a, links_b = links_of(report.alignment.groups)
    return [
        '<main class="readouts">',
        *_column(page, report.a, "a", "b", links_a, set(report.alignment.unmatched_a)),
        GUTTER,
        *_column(page, report.b, "b", "a", links_b, set(report.alignment.unmatched_b)),
        "</main>",
    ]


def _column(
    page: _Page,
    tagged: TaggedReadout,
    side: str,
    other: str,
    links: Links,
    unmatched: set[int],
) -> list[str]:
    other_name = (page.report.b if side == "a" else page.report.a).readout.name
    lines = column_head(tagged, side)
    for sentence in tagged.sentences:
        own = links.get(sentence.index, {})
        if own:
            counterpart = ", ".join(f"[{j}] (similarity {own[j]:.2f})" for j in sorted(own))
            hint = f"aligned with {other_name} {counterpart}"
        else:
            hint = f"no counterpart in {other_name}"
        lines.append(
            sentence_html(
                page,
                tagged,
                sentence,
                f"{side}-{sentence.index}",
                [(f"{other}-{j}", own[j]) for j in sorted(own)],
                hint,
                f"no counterpart in {other_name}" if sentence.index in unmatched else None,
            )
        )
    return [*lines, "</section>"]
