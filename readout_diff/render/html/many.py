"""The HTML page of a report on three or more readouts: N columns, the topic matrix
as the filter, every pairwise alignment linked."""

from __future__ import annotations

from readout_diff.model import MultiReport
from readout_diff.render.common import Style, many_table_sections, many_verdict
from readout_diff.render.html.page import (
    GUTTER,
    MANY_KIND,
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


class _ManyPage(Topics):
    """The topics of a report on three or more readouts."""

    def __init__(self, report: MultiReport) -> None:
        self.report = report
        super().__init__(
            {t.topic.id: MANY_KIND[t.status] for t in report.topics},
            {
                t.topic.id: not_discussed(
                    t.topic.label, [r.readout.name for r in report.readouts], t.hits
                )
                for t in report.topics
            },
        )


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as one self-contained HTML page.

    The same page as for two readouts, with the readouts as N columns (scrolling
    sideways when they do not fit), the topic matrix as the filter, and every pairwise
    alignment linked: pointing at a sentence lights up its counterparts in every other
    column. Byte-identical for identical inputs; ``style`` does not apply.
    """
    page = _ManyPage(report)
    names = [r.readout.name for r in report.readouts]
    body = [
        *header(names, meta(report.readouts), many_verdict(report), not report.differences),
        '<div class="layout">',
        *_many_aside(page),
        *_many_readouts(page),
        "</div>",
    ]
    threshold = report.alignments[0].alignment.threshold if report.alignments else None
    return document("readout-diff: " + " vs ".join(names), body, footer(report.pack, threshold))


def _many_aside(page: _ManyPage) -> list[str]:
    report = page.report
    names = [r.readout.name for r in report.readouts]
    lines = [
        '<aside aria-label="Topics">',
        *legend(
            [
                ("shared", "carries a topic every readout mentions"),
                ("one-sided", "carries a topic missing from exactly one readout"),
                ("some", "carries a topic only some readouts mention"),
                ("unmatched", "dashed: no counterpart in any other readout"),
                ("link", "aligned sentences (point at one to light up its counterparts)"),
                ("mark three", "the words that triggered a topic"),
            ]
        ),
        "<h2>Topics</h2>",
    ]
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in any readout.</p>']
    else:
        head = "".join(f'<th scope="col">{e(n)}</th>' for n in names)
        lines += [
            *filter_bar(),
            '<table class="topics many">',
            f'<thead><tr><th scope="col">Topic</th>{head}</tr></thead>',
            "<tbody>",
        ]
        for title, topics in many_table_sections(report):
            lines.append(
                f'<tr class="section"><td colspan="{len(names) + 1}">{e(title)} '
                f"({len(topics)})</td></tr>"
            )
            for topic in topics:
                gap = topic.status == "missing_one"
                marks = "".join(
                    mark(present, f"not mentioned by {name}" if gap else "")
                    for name, present in zip(names, topic.present, strict=True)
                )
                lines.append(
                    f'<tr class="{page.kinds[topic.topic.id]}">'
                    f"<td>{topic_button(page, topic.topic)}</td>{marks}</tr>"
                )
        lines += ["</tbody>", "</table>"]
    lines += [
        '<h2 class="gap-above">Pairwise alignment</h2>',
        '<table class="pairs">',
        '<thead><tr><th scope="col">readouts</th><th scope="col">aligned</th>'
        '<th scope="col">unmatched</th></tr></thead>',
        "<tbody>",
    ]
    for pair in report.alignments:
        alignment = pair.alignment
        lines.append(
            f"<tr><td>{e(names[pair.a])} ~ {e(names[pair.b])}</td>"
            f"<td>{len(alignment.groups)}</td>"
            f"<td>{len(alignment.unmatched_a)} + {len(alignment.unmatched_b)}</td></tr>"
        )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _many_readouts(page: _ManyPage) -> list[str]:
    report = page.report
    names = [r.readout.name for r in report.readouts]
    # links[k][i]: (readout, sentence) -> score for sentence i of readout k.
    links: list[dict[int, dict[tuple[int, int], float]]] = [{} for _ in report.readouts]
    for pair in report.alignments:
        links_a, links_b = links_of(pair.alignment.groups)
        for i, to_b in links_a.items():
            links[pair.a].setdefault(i, {}).update({(pair.b, j): s for j, s in to_b.items()})
        for j, to_a in links_b.items():
            links[pair.b].setdefault(j, {}).update({(pair.a, i): s for i, s in to_a.items()})
    lines = ['<main class="readouts many">']
    for k, tagged in enumerate(report.readouts):
        if k:
            lines.append(GUTTER)
        lines += column_head(tagged, f"r{k}")
        for sentence in tagged.sentences:
            scores = links[k].get(sentence.index, {})
            targets = sorted(scores)
            if targets:
                hint = "aligned with " + ", ".join(
                    f"{names[m]} [{j}] (similarity {scores[m, j]:.2f})" for m, j in targets
                )
            else:
                hint = "no counterpart in any other readout"
            lines.append(
                sentence_html(
                    page,
                    tagged,
                    sentence,
                    f"r{k}-{sentence.index}",
                    [(f"r{m}-{j}", scores[m, j]) for m, j in targets],
                    hint,
                    None if targets else "no counterpart in the other readouts",
                )
            )
        lines.append("</section>")
    return [*lines, "</main>"]
