"""The HTML page of a two-readout report: the readouts side by side, the topic table
as the filter, aligned sentences joined by lines."""

from __future__ import annotations

from readout_diff.framing import TopicFrame
from readout_diff.model import Report, Side, TaggedReadout, TopicDiff
from readout_diff.render import columns
from readout_diff.render.common import (
    Style,
    describe_evidence,
    group_label,
    similarity_line,
    table_sections,
    verdict,
)
from readout_diff.render.html.page import (
    GUTTER,
    ONE_SIDED,
    PRESENT,
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
            columns.call_line(report),
            similarity_line(report.alignment),
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
                ("frame", "who said it, and what kind of statement (agree, warn …)"),
                ("differs", "≠: the two accounts of the point differ on it"),
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
            frame = columns.topic_frame(report, diff)
            cells = "".join(
                _weighted_mark(report, frame, k, bool(hits))
                for k, hits in enumerate((diff.hits_a, diff.hits_b))
            )
            lines.append(
                f'<tr class="{page.kinds[diff.topic.id]}"><td>{topic_button(page, diff.topic)}'
                f"</td>{cells}</tr>"
            )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _weighted_mark(report: Report, frame: TopicFrame | None, side: int, present: bool) -> str:
    """A topic table cell: present or not, its share and rank, who raised it and how."""
    weight = columns.weight(frame, side)
    if not present or not weight:
        return mark(present)
    who = columns.side_summary(report, frame, side)
    return (
        f'<td class="mark on" title="mentioned: {e(weight)} (share of the words, rank of '
        f'first mention); {e(who)}">{PRESENT}<small class="w">{e(weight)}</small>'
        f'<small class="who">{e(who)}</small></td>'
    )


def _badges(report: Report, side: int, index: int, disagreements: dict[int, str]) -> list[str]:
    """Who said the sentence and how, and a ≠ where the other account of it differs."""
    frame = columns.frame_of(report, side, index)
    if frame is None or frame.title:
        return []
    actor = columns.actor_name(frame.actor, report)
    cues = "; ".join(f"{c.cue} ({c.act.value})" for c in frame.clauses)
    badges = [
        f'<span class="frame act-{frame.act.value}" data-actor="{frame.actor.value}" '
        f'data-act="{frame.act.value}" title="{e(cues or "no reporting verb")}">'
        f"{e(actor)} · {e(frame.act.value)}</span>"
    ]
    differs = disagreements.get(index)
    if differs:
        badges.append(f'<span class="frame differs" title="{e(differs)}">≠</span>')
    return badges


def _disagreements(report: Report, side: int) -> dict[int, str]:
    """Per sentence of one side, how the other account of its point differs (first group)."""
    found: dict[int, str] = {}
    for group in report.alignment.groups:
        differs = columns.disagreement(report, group)
        if differs:
            for index in group.a if side == 0 else group.b:
                found.setdefault(index, differs)
    return found


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
    disagreements = _disagreements(page.report, 0 if side == "a" else 1)
    lines = column_head(tagged, side)
    evidence = _evidence_lines(page.report, side)
    for sentence in tagged.sentences:
        own = links.get(sentence.index, {})
        if own:
            counterpart = ", ".join(f"[{j}] (similarity {own[j]:.2f})" for j in sorted(own))
            hint = f"aligned with {other_name} {counterpart}"
            why = evidence.get(sentence.index)
            if why:
                hint += "\n" + "\n".join(why)
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
                _badges(page.report, 0 if side == "a" else 1, sentence.index, disagreements),
            )
        )
    return [*lines, "</section>"]


def _evidence_lines(report: Report, side: str) -> dict[int, list[str]]:
    """Per sentence of one side, why each of its groups was paired (for the tooltip)."""
    found: dict[int, list[str]] = {}
    for group in report.alignment.groups:
        line = f"{group_label(group)}: {describe_evidence(group)}"
        for index in group.a if side == "a" else group.b:
            found.setdefault(index, []).append(line)
    return found
