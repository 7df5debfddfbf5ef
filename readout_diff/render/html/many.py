"""The HTML page of a report on three or more readouts: N columns, the topic matrix
as the filter, every pairwise alignment linked."""

from __future__ import annotations

from dataclasses import replace

from readout_diff.model import MultiReport, TopicHit, TopicPresence, in_text_order
from readout_diff.render.common import (
    Style,
    detail_line,
    many_table_sections,
    many_verdict,
    only_in_passing,
)
from readout_diff.render.html.page import (
    ABSENT,
    DETAIL,
    GUTTER,
    MANY_KIND,
    PASSING,
    PRESENT,
    Topics,
    column_head,
    detail_parents,
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
    """The topics of a report on three or more readouts: its issues, then their
    details; a sub-issue no readout discussing the issue lacks is shown as its issue."""

    def __init__(self, report: MultiReport) -> None:
        self.report = report
        names = [r.readout.name for r in report.readouts]
        kinds = {t.topic.id: MANY_KIND[t.status] for t in report.topics}
        labels = {t.topic.id: not_discussed(t.topic.label, names, t.hits) for t in report.topics}
        issues_details = ((t.topic.id, d.topic) for t in report.topics for d in t.details)
        super().__init__(kinds, labels, detail_parents(kinds, labels, issues_details))
        # Per readout and sentence, its hits under the id the page shows them by: a
        # detail's own, else its issue's (and a sentence that says an issue in other
        # words carries it, though no word of the pack matched).
        self.hits: list[dict[int, tuple[TopicHit, ...]]] = []
        for k in range(len(report.readouts)):
            found: dict[int, list[TopicHit]] = {}
            for topic in report.topics:
                details = {d.topic.id for d in topic.details if d.hits[k]}
                for hit in topic.hits[k]:
                    shown = hit.topic_id if hit.topic_id in details else topic.topic.id
                    found.setdefault(hit.sentence, []).append(replace(hit, topic_id=shown))
            self.hits.append({i: in_text_order(hits) for i, hits in found.items()})


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
                *(
                    [(DETAIL, "dashed: a detail some readouts raise under an issue others discuss")]
                    if any(t.details for t in report.topics)
                    else []
                ),
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
                    f'<td class="mark on {PASSING}" title="mentioned only in passing">{PRESENT}'
                    '<small class="note">in passing</small></td>'
                    if passing
                    else mark(present, f"not mentioned by {name}" if gap else "")
                    for name, present, passing in zip(
                        names, topic.present, only_in_passing(topic), strict=True
                    )
                )
                lines.append(
                    f'<tr class="{page.kinds[topic.topic.id]}">'
                    f"<td>{topic_button(page, topic.topic)}</td>{marks}</tr>"
                )
                lines += [_detail_row(page, names, detail) for detail in topic.details]
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


def _detail_row(page: _ManyPage, names: list[str], detail: TopicPresence) -> str:
    """A row under an issue for one of its details: the readouts that raise it."""
    cells = "".join(
        f'<td class="mark on {DETAIL}" title="{e(f"{name} raises it")}">{PRESENT}</td>'
        if present
        else f'<td class="mark" title="{e(f"not raised by {name}")}">{ABSENT}</td>'
        for name, present in zip(names, detail.present, strict=True)
    )
    note = "detail: " + detail_line(names, detail, "it", ("raises", "raise"))
    return (
        f'<tr class="{DETAIL}"><td>{topic_button(page, detail.topic)}'
        f'<small class="note">{e(note)}</small></td>{cells}</tr>'
    )


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
                    hits=page.hits[k].get(sentence.index, ()),
                )
            )
        lines.append("</section>")
    return [*lines, "</main>"]
