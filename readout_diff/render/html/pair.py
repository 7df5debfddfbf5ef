"""The HTML page of a two-readout report: the readouts side by side, the topic table
as the filter, aligned sentences joined by lines."""

from __future__ import annotations

from dataclasses import replace

from readout_diff.framing import TopicFrame
from readout_diff.model import (
    Detail,
    Presence,
    Report,
    Side,
    TaggedReadout,
    TopicDiff,
    TopicHit,
)
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
    ABSENT,
    DETAIL,
    GUTTER,
    ONE_SIDED,
    OTHER_WORDS,
    PASSING,
    PRESENT,
    SHARED,
    Links,
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

PARAPHRASED = "≈"
"""The topic table's mark of a side that says an issue in other words."""


def _is_one_sided(diff: TopicDiff) -> bool:
    return diff.side is not Side.BOTH


class _Page(Topics):
    """The topics of a two-readout report: its issues, then their details, then the
    issues only mentioned in passing; and each side's hits as the page names them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        names = (report.a.readout.name, report.b.readout.name)
        kinds = {d.topic.id: ONE_SIDED if _is_one_sided(d) else SHARED for d in report.topics}
        labels = {
            d.topic.id: not_discussed(d.topic.label, names, (d.hits_a, d.hits_b))
            for d in report.topics
        }
        details = ((d.topic.id, detail.topic) for d in report.topics for detail in d.details)
        parents = detail_parents(kinds, labels, details)
        for diff in report.passing:
            kinds.setdefault(diff.topic.id, PASSING)
            labels.setdefault(diff.topic.id, diff.topic.label)
        confidence = {
            d.topic.id: d.confidence
            for d in report.topics
            if d.in_other_words and d.confidence is not None
        }
        super().__init__(kinds, labels, parents, confidence)
        self.hits = (_sentence_hits(report, 0), _sentence_hits(report, 1))


def _sentence_hits(report: Report, side: int) -> dict[int, tuple[TopicHit, ...]]:
    """Per sentence of one side, its hits under the id the page shows them by.

    The judgement's topics, not the tagger's: a sub-issue both sides raise is its
    issue's hit, one only this side raises under a shared issue the detail's, a passing
    mention the passing issue's; a sentence that says an issue in other words carries
    it though no word of the pack matched (its hit is in the report, not the readout).
    """
    own = Side.ONLY_A if side == 0 else Side.ONLY_B
    found: dict[int, list[TopicHit]] = {}
    for diff in report.topics:
        details = {d.topic.id for d in diff.details if d.side is own}
        for hit in diff.hits_a if side == 0 else diff.hits_b:
            shown = hit.topic_id if hit.topic_id in details else diff.topic.id
            found.setdefault(hit.sentence, []).append(replace(hit, topic_id=shown))
    for diff in report.passing:
        for hit in diff.hits_a if side == 0 else diff.hits_b:
            found.setdefault(hit.sentence, []).append(replace(hit, topic_id=diff.topic.id))
    return {
        index: tuple(sorted(hits, key=lambda h: (h.start, h.end, h.topic_id)))
        for index, hits in found.items()
    }


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
                *_judgement_key(report),
                ("frame", "who said it, and what kind of statement (agree, warn …)"),
                ("differs", "≠: the two accounts of the point differ on it"),
            ]
        ),
        "<h2>Topics</h2>",
    ]
    if report.topics or report.passing:
        lines += filter_bar()
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in either readout.</p>']
    else:
        lines += [
            '<table class="topics">',
            f'<thead><tr><th scope="col">Topic</th><th scope="col">{name_a}</th>'
            f'<th scope="col">{name_b}</th></tr></thead>',
            "<tbody>",
        ]
        for title, diffs, _ in table_sections(report):
            lines.append(f'<tr class="section"><td colspan="3">{e(title)} ({len(diffs)})</td></tr>')
            for diff in diffs:
                frame = columns.topic_frame(report, diff)
                cells = "".join(_issue_mark(page, diff, frame, k) for k in (0, 1))
                lines.append(
                    f'<tr class="{page.kinds[diff.topic.id]}"><td>{topic_button(page, diff.topic)}'
                    f"</td>{cells}</tr>"
                )
                lines += [_detail_row(page, detail) for detail in diff.details]
        lines += ["</tbody>", "</table>"]
    return [*lines, *_passing(page), "</aside>"]


def _judgement_key(report: Report) -> list[tuple[str, str]]:
    """The key's entries for what the judgement found, when the report has it."""
    items = []
    if any(d.details for d in report.topics):
        items.append((DETAIL, "dashed: a detail only one readout raises under a shared issue"))
    if any(d.in_other_words for d in report.topics):
        said = f"dotted, {PARAPHRASED}: says a shared issue in other words (no topic word)"
        items.append((OTHER_WORDS, said))
    if report.passing:
        items.append((PASSING, "grey, dotted: an issue mentioned only in passing"))
    return items


def _sentence_links(side: int, indices: list[int] | set[int], name: str) -> str:
    """Links to sentences of one side, ``[2][5]``, each named in full for a screen reader."""
    prefix = "ab"[side]
    return "".join(
        f'<a class="ev" href="#{prefix}-{i}" aria-label="{e(name)}, sentence {i}">[{i}]</a>'
        for i in sorted(indices)
    )


def _issue_mark(page: _Page, diff: TopicDiff, frame: TopicFrame | None, side: int) -> str:
    """A topic table cell: present or not, its share and rank, who raised it and how, and
    what the judgement says of this side (in other words, in passing), with links."""
    report = page.report
    hits = diff.hits_a if side == 0 else diff.hits_b
    paraphrases = sorted({h.sentence for h in hits if h.other_words})
    passing = bool(hits) and diff.presence[side] is Presence.PASSING
    if not (paraphrases or passing):
        return _weighted_mark(report, frame, side, bool(hits))
    name = _name(report, side)
    weight = columns.weight(frame, side)
    who = columns.side_summary(report, frame, side)
    parts = []
    if weight:
        parts.append(f'<small class="w">{e(weight)}</small>')
    if who:
        parts.append(f'<small class="who">{e(who)}</small>')
    if paraphrases:
        confidence = f", confidence {diff.confidence:.2f}" if diff.confidence is not None else ""
        said = f"in other words{confidence}"
        title = f"says it in other words (no topic word): sentence {paraphrases[0]}{confidence}"
        parts.append(f'<small class="note">{e(said)}</small>')
        parts.append(f'<small class="ev">{_sentence_links(side, paraphrases, name)}</small>')
        return (
            f'<td class="mark on {OTHER_WORDS}" title="{e(title)}">{PARAPHRASED}'
            f"{''.join(parts)}</td>"
        )
    sentences = {h.sentence for h in hits}
    parts.append('<small class="note">in passing</small>')
    parts.append(f'<small class="ev">{_sentence_links(side, sentences, name)}</small>')
    title = f"mentioned only in passing ({', '.join(dict.fromkeys(h.text for h in hits))})"
    return f'<td class="mark on {PASSING}" title="{e(title)}">{PRESENT}{"".join(parts)}</td>'


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


def _name(report: Report, side: int) -> str:
    return (report.a if side == 0 else report.b).readout.name


def _detail_row(page: _Page, detail: Detail) -> str:
    """A row under a shared issue for one detail: the side that raises it, with links."""
    side = 0 if detail.side is Side.ONLY_A else 1
    name, other = _name(page.report, side), _name(page.report, 1 - side)
    sentences = {h.sentence for h in detail.hits}
    raised = (
        f'<td class="mark on {DETAIL}" title="{e(f"only {name} raises it")}">{PRESENT}'
        f'<small class="ev">{_sentence_links(side, sentences, name)}</small></td>'
    )
    absent = f'<td class="mark" title="{e(f"not raised by {other}")}">{ABSENT}</td>'
    cells = raised + absent if side == 0 else absent + raised
    return (
        f'<tr class="{DETAIL}"><td>{topic_button(page, detail.topic)}'
        f'<small class="note">detail: only {e(name)} raises it</small></td>{cells}</tr>'
    )


def _passing(page: _Page) -> list[str]:
    """The section of issues only mentioned in passing: never one-sided, shown apart."""
    report = page.report
    if not report.passing:
        return []
    name_a, name_b = e(_name(report, 0)), e(_name(report, 1))
    lines = [
        '<h2 class="gap-above" id="passing">Mentioned in passing</h2>',
        '<p class="note aside-note">Not one-sided: one readout names these issues only in passing '
        "(a nationality, a name in a list), the other not at all.</p>",
        '<table class="topics passing" aria-labelledby="passing">',
        f'<thead><tr><th scope="col">Topic</th><th scope="col">{name_a}</th>'
        f'<th scope="col">{name_b}</th></tr></thead>',
        "<tbody>",
    ]
    for diff in report.passing:
        cells = []
        for side, hits in enumerate((diff.hits_a, diff.hits_b)):
            name = _name(report, side)
            if not hits:
                absent = e(f"not mentioned by {name}")
                cells.append(f'<td class="mark" title="{absent}">{ABSENT}</td>')
                continue
            words = ", ".join(f"“{w}”" for w in dict.fromkeys(h.text for h in hits))
            links = _sentence_links(side, {h.sentence for h in hits}, name)
            cells.append(
                f'<td class="mark on {PASSING}" title="{e(f"mentioned in passing: {words}")}">'
                f'{PRESENT}<small class="words">{e(words)}</small>'
                f'<small class="ev">{links}</small></td>'
            )
        lines.append(
            f'<tr class="{PASSING}"><td>{topic_button(page, diff.topic)}</td>{"".join(cells)}</tr>'
        )
    return [*lines, "</tbody>", "</table>"]


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
                page.hits[0 if side == "a" else 1].get(sentence.index, ()),
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
