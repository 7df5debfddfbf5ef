"""Terminal output with rich: colour and emphasis in a terminal, plain text otherwise.

Renders a two-readout report (:func:`render_pair`, with ``--explain``'s section
when asked) and a report on three or more (:func:`render_many`). Without colour
nothing but plain characters is written (no escape codes), and the words that
triggered a topic are marked ``*like this*`` instead of in bold.
"""

from __future__ import annotations

import io
import textwrap

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from readout_diff.model import (
    AlignedGroup,
    MultiReport,
    Report,
    Side,
    TaggedReadout,
    TopicDiff,
    TopicHit,
    TopicKind,
)
from readout_diff.render import columns
from readout_diff.render.common import (
    Style,
    describe_evidence,
    describe_hit,
    detail_line,
    diff_negation_note,
    explanations,
    group_label,
    judgement_notes,
    many_table_sections,
    many_verdict,
    marked_pieces,
    negation_note,
    only_in_passing,
    passing_lines,
    readout_summary,
    similarity_line,
    table_sections,
    verdict,
)

EXCERPT = 60
"""Characters of context kept, at least, around a one-sided topic's triggers."""
LABEL_MIN_WIDTH = 16
"""The topic table's label column never gets narrower: long labels wrap inside it."""
PRESENT = "●"
ABSENT = "·"
PASSING_MARK = "◦"
"""A readout that has a topic only in passing (three or more readouts' matrix)."""


def make_console(out: io.StringIO, style: Style) -> Console:
    """A rich console writing into ``out``: colours only when ``style`` asks for them."""
    return Console(
        file=out,
        width=style.width,
        color_system="standard" if style.color else None,
        force_terminal=style.color,
        no_color=not style.color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def render_pair(report: Report, style: Style) -> str:
    """A two-readout report as text for a terminal or a pager."""
    out = io.StringIO()
    write_report(make_console(out, style), report, style.color)
    text = _finish(out.getvalue(), style)
    if not style.explain:
        return text
    return text + "\n" + explain(report) + "\n" + explain_pairs(report, style.width)


def explain_pairs(report: Report, width: int = 100) -> str:
    """The ``--explain`` section on the alignment: per aligned group, its score and evidence."""
    lines = ["Why sentences were paired", ""]
    if not report.alignment.groups:
        lines.append("  (no sentences were paired)")
    for group in report.alignment.groups:
        lines += textwrap.wrap(
            f"{group_label(group)}: {describe_evidence(group)}",
            width=width,
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        )
    return "\n".join(lines) + "\n"


def _finish(text: str, style: Style) -> str:
    if style.color:
        return text
    # rich pads table cells to the full width; trailing blanks only get in the way of diff.
    return "\n".join(line.rstrip() for line in text.split("\n"))


def explain(report: Report | MultiReport) -> str:
    """The ``--explain`` section: per readout and topic, which alias matched which words."""
    lines = ["Why each topic was found", ""]
    for name, topics in explanations(report):
        lines.append(name)
        for topic, hits in topics:
            lines.append(f"  {topic.label} ({topic.id})")
            lines += [f"    {describe_hit(h)}" for h in hits]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def header(parts: list[str], joiner: str, width: int) -> Text:
    """``readout-diff a (…) vs b (…)``, broken only between readouts when it is too wide."""
    lines = ["readout-diff " + parts[0]]
    for part in parts[1:]:
        if len(lines[-1]) + len(joiner) + len(part) <= width:
            lines[-1] += joiner + part
        else:
            lines[-1] += joiner.rstrip()
            lines.append("  " + part)
    text = Text("\n".join(lines))
    text.stylize("bold", 0, len("readout-diff"))
    return text


def write_report(console: Console, report: Report, color: bool) -> None:
    """Print the whole report on a rich console (tests inject their own console)."""
    a, b = report.a, report.b
    name_a, name_b = a.readout.name, b.readout.name
    console.print(header([readout_summary(a), readout_summary(b)], " vs ", console.width))
    console.print(Text(verdict(report), style="bold"))
    call = columns.call_line(report)
    if call:
        console.print(Text(f"call: {call}", style="dim" if color else ""))
    note = similarity_line(report.alignment)
    if note:
        console.print(Text(note, style="dim" if color else ""))
    if not report.topics:
        console.print("\nNo topic of the pack was found in either readout.")
    else:
        console.print()
        console.print(_topic_table(report))
    for side, tagged, topics in (
        (name_a, a, report.only_a),
        (name_b, b, report.only_b),
    ):
        if topics:
            console.print()
            console.print(Text(f"Only in {side}", style="bold underline"))
            for diff in topics:
                hits = diff.hits_a or diff.hits_b
                # Padded, not prefixed: a label longer than the line wraps under itself.
                console.print(Padding(_topic_heading(diff, color, indent=""), (0, 0, 0, 2)))
                side_index = 0 if diff.hits_a else 1
                summary = columns.side_summary(
                    report, columns.topic_frame(report, diff), side_index
                )
                if summary:
                    console.print(Padding(Text(f"by {summary}", style="italic"), (0, 0, 0, 4)))
                for fact in judgement_notes(report, diff):
                    console.print(Padding(Text(fact, style="italic"), (0, 0, 0, 4)))
                for index in sorted({h.sentence for h in hits}):
                    line = _sentence(
                        tagged, index, diff, color, fit=console.width - 4, report=report
                    )
                    console.print(Padding(line, (0, 0, 0, 4)))
    if report.shared:
        console.print()
        console.print(Text("Shared topics, side by side", style="bold underline"))
        # The column names once, then each topic's heading across the whole width (a
        # long label does not wrap in half of it) over its own table of the same columns.
        console.print(Padding(_shared_table(report, None, color), (0, 0, 0, 2)))
        for number, diff in enumerate(report.shared):
            if number:
                console.print()
            note = diff_negation_note(report, diff)
            console.print(Padding(_topic_heading(diff, color, indent="", note=note), (0, 0, 0, 2)))
            for fact in judgement_notes(report, diff):
                console.print(Padding(Text(fact, style="italic"), (0, 0, 0, 4)))
            console.print(Padding(_shared_table(report, diff, color), (0, 0, 0, 2)))
    if report.passing:
        console.print()
        console.print(Text("Mentioned in passing (not one-sided)", style="bold underline"))
        for mention in passing_lines(report):
            console.print(Padding(Text(mention), (0, 0, 0, 2)))
    for side, tagged, unmatched in (
        (name_a, a, report.alignment.unmatched_a),
        (name_b, b, report.alignment.unmatched_b),
    ):
        if unmatched:
            console.print()
            console.print(
                Text(
                    f"Said only by {side} (no counterpart in the other readout)",
                    style="bold underline",
                )
            )
            for index in unmatched:
                line = _sentence(tagged, index, None, color, report=report)
                console.print(Padding(line, (0, 0, 0, 2)))


def _topic_table(report: Report) -> Table:
    """Every topic with a mark per readout, one-sided topics first, grouped by side.

    Labels wrap inside their column, indented under their section, so the marks stay
    in their columns at any width.
    """
    name_a, name_b = report.a.readout.name, report.b.readout.name
    table = _matrix([name_a, name_b])
    sections = table_sections(report)
    for number, (title, diffs, _) in enumerate(sections):
        table.add_row(Text(f"{title} ({len(diffs)})", style="italic"), "", "")
        for k, diff in enumerate(diffs):
            label = diff.topic.label + diff_negation_note(report, diff)
            frame = columns.topic_frame(report, diff)
            table.add_row(
                Padding(Text(label), (0, 0, 0, 2)),
                _mark(diff.hits_a, columns.weight(frame, 0)),
                _mark(diff.hits_b, columns.weight(frame, 1)),
                style="bold yellow" if diff.side is not Side.BOTH else None,
                end_section=k == len(diffs) - 1 and number < len(sections) - 1,
            )
    return table


def _mark(hits: tuple[object, ...], weight: str) -> str:
    """ "● 13% #4": present, with its share of the readout and the rank of its first mention."""
    return f"{PRESENT} {weight}" if hits and weight else PRESENT if hits else ABSENT


def _matrix(names: list[str]) -> Table:
    """A topic table: labels, then one column of marks per readout."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Topic", overflow="fold", min_width=LABEL_MIN_WIDTH)
    for name in names:
        # Left-justified: the marks of a column start in one place whatever their length.
        table.add_column(name, justify="left", no_wrap=True)
    return table


def _topic_heading(diff: TopicDiff, color: bool, indent: str = "  ", note: str = "") -> Text:
    text = Text(indent)
    text.append(diff.topic.label, style="bold cyan" if color else "")
    if diff.topic.kind is TopicKind.ADHOC:
        text.append("  (a name no topic covers)", style="italic")
    if diff.negated_only:
        text.append("  (mentioned as not discussed)", style="italic")
    elif note:
        text.append(" " + note, style="italic")
    return text


def _sentence(
    tagged: TaggedReadout,
    index: int,
    diff: TopicDiff | None,
    color: bool,
    fit: int | None = None,
    report: Report | None = None,
) -> Text:
    """A sentence with its number and the topic's triggers emphasised.

    With ``fit`` (the width the line has), a sentence too long for one line is cut
    around the triggers, so that a sentence listing five issues is not printed five
    times whole; the wider the terminal, the more of it is kept.
    """
    sentence = tagged.sentences[index]
    hits = tuple(h for h in tagged.hits if h.sentence == index)
    if diff is not None:
        # The issue's hits, its details' (sub-issues rolled up into it) included.
        own = set(diff.hits_a + diff.hits_b)
        hits = tuple(h for h in hits if h in own)
    pieces = marked_pieces(sentence, hits)
    number = f"[{index}] "
    label = ""
    if report is not None:
        label = columns.sentence_label(report, 0 if tagged is report.a else 1, index)
    prefix = f"({label}) " if label else ""
    room = len(number) + len(prefix)
    if fit is not None and diff is not None and room + len(sentence.text) > fit:
        triggers = sum(len(piece) for piece, trigger in pieces if trigger)
        pieces = _excerpt(pieces, max(EXCERPT, (fit - room - triggers) // 2))
    text = Text(number, style="dim")
    if prefix:
        text.append(prefix, style="italic")
    for piece, trigger in pieces:
        if trigger and diff is not None:
            text.append(piece if color else f"*{piece}*", style="bold yellow")
        else:
            text.append(piece)
    return text


def _excerpt(pieces: list[tuple[str, bool]], context: int) -> list[tuple[str, bool]]:
    """Keep about ``context`` characters of plain text on either side of the triggers."""
    triggers = [k for k, (_, trigger) in enumerate(pieces) if trigger]
    if not triggers:
        return pieces
    first, last = triggers[0], triggers[-1]
    out = list(pieces)
    if first > 0:
        before = out[first - 1][0]
        if len(before) > context:
            cut = before[-context:]
            cut = cut[cut.find(" ") + 1 :] if " " in cut else cut
            out[first - 1] = ("…" + cut, False)
    if last < len(out) - 1:
        after = out[last + 1][0]
        if len(after) > context:
            cut = after[:context]
            cut = cut[: cut.rfind(" ")] if " " in cut else cut
            out[last + 1] = (cut + "…", False)
    return out


def _shared_table(report: Report, diff: TopicDiff | None, color: bool) -> Table:
    """A shared topic's aligned sentences side by side, or (no ``diff``) only the column
    names; every such table has the same columns, so they line up one under the other."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
        show_header=diff is None,
    )
    table.add_column(report.a.readout.name, ratio=1, overflow="fold")
    table.add_column(report.b.readout.name, ratio=1, overflow="fold")
    table.add_column("sim", justify="right", width=4)
    if diff is None:
        return table
    frame = columns.topic_frame(report, diff)
    if frame is not None:
        table.add_row(
            *(Text(f"by {columns.side_summary(report, frame, k)}", style="italic") for k in (0, 1)),
            "",
        )
    for group in diff.pairs:
        table.add_row(
            _cell(report, report.a, group.a, diff, color),
            _cell(report, report.b, group.b, diff, color),
            _score(report, group),
        )
    return table


def _cell(
    report: Report, tagged: TaggedReadout, indices: tuple[int, ...], diff: TopicDiff, color: bool
) -> Group:
    return Group(*(_sentence(tagged, i, diff, color, report=report) for i in indices))


def _score(report: Report, group: AlignedGroup) -> Text:
    """The similarity, and "≠act" / "≠who" where the two accounts of the point differ."""
    text = Text(f"{group.score:.2f}")
    frame = columns.group_frame(report, group)
    if frame is not None and frame.act_differs:
        text.append("\n≠act", style="bold magenta")
    if frame is not None and frame.actor_differs:
        text.append("\n≠who", style="bold magenta")
    return text


# --- three or more readouts --------------------------------------------------------


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts: the topic matrix, the gaps, the pairs."""
    out = io.StringIO()
    console = make_console(out, style)
    names = [r.readout.name for r in report.readouts]
    parts = [readout_summary(r) for r in report.readouts]
    console.print(header(parts, " · ", console.width))
    console.print(Text(many_verdict(report), style="bold"))
    console.print()
    table = _matrix(names)
    sections = many_table_sections(report)
    for number, (title, topics) in enumerate(sections):
        table.add_row(Text(f"{title} ({len(topics)})", style="italic"), *[""] * len(names))
        for k, topic in enumerate(topics):
            table.add_row(
                Padding(Text(topic.topic.label + negation_note(names, topic.hits)), (0, 0, 0, 2)),
                *(
                    PASSING_MARK if passing else PRESENT if p else ABSENT
                    for p, passing in zip(topic.present, only_in_passing(topic), strict=True)
                ),
                style="bold yellow" if topic.missing else None,
                end_section=k == len(topics) - 1 and number < len(sections) - 1,
            )
    console.print(table)
    for status, title in (
        ("missing_one", "Missing from exactly one account"),
        ("some", "In some accounts only"),
    ):
        topics = [t for t in report.topics if t.status == status]
        if not topics:
            continue
        console.print()
        console.print(Text(title, style="bold underline"))
        for topic in topics:
            absent = ", ".join(names[k] for k in topic.missing)
            heading = Text.assemble(
                (topic.topic.label, "bold cyan" if style.color else ""), f": not in {absent}"
            )
            console.print(Padding(heading, (0, 0, 0, 2)))
            _print_evidence(console, report, topic.hits, style.color)
    detailed = [t for t in report.topics if t.details]
    if detailed:
        console.print()
        console.print(Text("Details of issues several accounts discuss", style="bold underline"))
        for topic in detailed:
            for detail in topic.details:
                heading = Text.assemble(
                    (topic.topic.label, "bold cyan" if style.color else ""),
                    f": {detail_line(names, detail)}",
                )
                console.print(Padding(heading, (0, 0, 0, 2)))
                _print_evidence(console, report, detail.hits, style.color)
    console.print()
    console.print(Text("Pairwise alignment", style="bold underline"))
    pairs = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("readouts", "aligned groups", "unmatched"):
        pairs.add_column(column)
    for pair in report.alignments:
        alignment = pair.alignment
        pairs.add_row(
            f"{names[pair.a]} ~ {names[pair.b]}",
            str(len(alignment.groups)),
            f"{len(alignment.unmatched_a)} + {len(alignment.unmatched_b)}",
        )
    console.print(Padding(pairs, (0, 0, 0, 2)))
    text = _finish(out.getvalue(), style)
    return text + "\n" + explain(report) if style.explain else text


def _print_evidence(
    console: Console,
    report: MultiReport,
    per_readout: tuple[tuple[TopicHit, ...], ...],
    color: bool,
) -> None:
    """Under a heading, each readout's first sentence carrying the hits it has."""
    for k, hits in enumerate(per_readout):
        if hits:
            line = _evidence(report.readouts[k], hits, color, console.width - 4)
            console.print(Padding(line, (0, 0, 0, 4)))


def _evidence(tagged: TaggedReadout, hits: tuple[TopicHit, ...], color: bool, fit: int) -> Text:
    """The readout's name and its first sentence carrying the hits, triggers marked."""
    index = hits[0].sentence
    sentence = tagged.sentences[index]
    here = tuple(h for h in hits if h.sentence == index)
    number = f"{tagged.readout.name} [{index}] "
    pieces = marked_pieces(sentence, here)
    if len(number) + len(sentence.text) > fit:
        triggers = sum(len(piece) for piece, trigger in pieces if trigger)
        pieces = _excerpt(pieces, max(EXCERPT, (fit - len(number) - triggers) // 2))
    text = Text(number, style="dim")
    for piece, trigger in pieces:
        text.append(
            piece if color or not trigger else f"*{piece}*", "bold yellow" if trigger else ""
        )
    return text
