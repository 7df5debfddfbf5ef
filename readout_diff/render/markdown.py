"""The Markdown report, for pasting into a newsroom note or a pull request.

Renders a two-readout report (:func:`render_pair`, with ``--explain``'s section
when asked) and a report on three or more (:func:`render_many`).
"""

from __future__ import annotations

import re

from readout_diff.model import (
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
    similarity_line,
    table_sections,
    verdict,
)

_LINE_START = re.compile(r"^([#+=-])|^(\d+)([.)])")


def escape(text: str) -> str:
    """Text that Markdown shows as it is: markup characters escaped, blanks folded."""
    for char in ("\\", "*", "_", "`", "|", "[", "]", "<", ">", "&", "~"):
        text = text.replace(char, "\\" + char)
    return re.sub(r"\s+", " ", text)


def _sentence(tagged: TaggedReadout, index: int, diff: TopicDiff | None) -> str:
    sentence = tagged.sentences[index]
    # The issue's hits, its details' (sub-issues rolled up into it) included.
    own = set(diff.hits_a + diff.hits_b) if diff is not None else set()
    hits = tuple(h for h in tagged.hits if h.sentence == index and (diff is None or h in own))
    pieces = marked_pieces(sentence, hits if diff is not None else ())
    out = "".join(f"**{escape(p)}**" if trigger else escape(p) for p, trigger in pieces)
    # A sentence opening with "#", "+", "-", "=" or "1." would become a heading or a list.
    return _LINE_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], out)


def _labelled(report: Report, tagged: TaggedReadout, index: int, diff: TopicDiff | None) -> str:
    """A sentence after its "(actor: act)" label, when the report has one."""
    label = columns.sentence_label(report, 0 if tagged is report.a else 1, index)
    sentence = _sentence(tagged, index, diff)
    return f"*({escape(label)})* {sentence}" if label else sentence


def render_pair(report: Report, style: Style) -> str:
    """A two-readout report as a Markdown document."""
    a, b = report.a, report.b
    name_a, name_b = escape(a.readout.name), escape(b.readout.name)
    lines = [f"# readout-diff: {name_a} vs {name_b}", "", f"**{escape(verdict(report))}**", ""]
    call = columns.call_line(report)
    if call:
        lines += [f"The call: {escape(call)}.", ""]
    note = similarity_line(report.alignment)
    if note:
        lines += [f"*{escape(note[0].upper() + note[1:])}.*", ""]
    if report.topics:
        lines += [
            "## Topics",
            "",
            "Share of each readout's words and rank of first mention; who raised it, and how.",
            "",
            f"| Topic | {name_a} | {name_b} | {name_a}: who, what | {name_b}: who, what |",
            "|---|:-:|:-:|---|---|",
        ]
        for title, diffs, _ in table_sections(report):
            lines.append(f"| *{escape(title)} ({len(diffs)})* | | | | |")
            for diff in diffs:
                label = escape(diff.topic.label)
                if diff.side is not Side.BOTH:
                    label = f"**{label}**"
                label += escape(diff_negation_note(report, diff))
                frame = columns.topic_frame(report, diff)
                marks = [
                    f"✓ {columns.weight(frame, k)}".rstrip() if hits else ""
                    for k, hits in enumerate((diff.hits_a, diff.hits_b))
                ]
                who = [escape(columns.side_summary(report, frame, k)) for k in (0, 1)]
                lines.append(f"| {label} | {marks[0]} | {marks[1]} | {who[0]} | {who[1]} |")
        lines.append("")
    for name, tagged, topics in ((name_a, a, report.only_a), (name_b, b, report.only_b)):
        if not topics:
            continue
        lines += [f"## Only in {name}", ""]
        for diff in topics:
            kind = " (a name no topic covers)" if diff.topic.kind is TopicKind.ADHOC else ""
            lines += [f"### {escape(diff.topic.label)}{kind}", ""]
            notes = judgement_notes(report, diff)
            lines += [f"- {escape(note)}" for note in notes] + ([""] if notes else [])
            hits = diff.hits_a or diff.hits_b
            for index in sorted({h.sentence for h in hits}):
                lines.append(f"> {_labelled(report, tagged, index, diff)}")
                lines.append(">")
            lines[-1] = ""
    if report.shared:
        lines += ["## Shared topics, side by side", ""]
        for diff in report.shared:
            lines += [
                f"### {escape(diff.topic.label + diff_negation_note(report, diff))}",
                "",
            ]
            notes = judgement_notes(report, diff)
            lines += [f"- {escape(note)}" for note in notes] + ([""] if notes else [])
            lines += [
                f"| {name_a} | {name_b} | similarity | the accounts differ on |",
                "|---|---|--:|---|",
            ]
            for group in diff.pairs:
                cell_a = "<br>".join(_labelled(report, a, i, diff) for i in group.a)
                cell_b = "<br>".join(_labelled(report, b, j, diff) for j in group.b)
                pair = columns.group_frame(report, group)
                differs = ", ".join(
                    word
                    for word, flag in (
                        ("act", pair is not None and pair.act_differs),
                        ("actor", pair is not None and pair.actor_differs),
                    )
                    if flag
                )
                lines.append(f"| {cell_a} | {cell_b} | {group.score:.2f} | {differs} |")
            lines.append("")
    if report.passing:
        lines += ["## Mentioned in passing (not one-sided)", ""]
        lines += [f"- {escape(line)}" for line in passing_lines(report)] + [""]
    for name, tagged, unmatched in (
        (name_a, a, report.alignment.unmatched_a),
        (name_b, b, report.alignment.unmatched_b),
    ):
        if unmatched:
            lines += [f"## Said only by {name}", ""]
            lines += [f"- {_labelled(report, tagged, i, None)}" for i in unmatched]
            lines.append("")
    document = "\n".join(lines).rstrip("\n") + "\n"
    if not style.explain:
        return document
    return document + "\n" + explain(report) + "\n" + explain_pairs(report)


def explain_pairs(report: Report) -> str:
    """The ``--explain`` section on the alignment: per aligned group, its score and evidence."""
    lines = ["## Why sentences were paired", ""]
    if not report.alignment.groups:
        lines.append("No sentences were paired.")
    for group in report.alignment.groups:
        lines.append(f"- {escape(group_label(group))}: {escape(describe_evidence(group))}")
    return "\n".join(lines) + "\n"


def explain(report: Report | MultiReport) -> str:
    """The ``--explain`` section: per readout and topic, which alias matched which words."""
    lines = ["## Why each topic was found", ""]
    for name, topics in explanations(report):
        lines += [f"### {escape(name)}", ""]
        for topic, hits in topics:
            lines.append(
                f"- **{escape(topic.label)}** ({topic.id}): "
                + "; ".join(describe_hit(h) for h in hits)
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as a Markdown document."""
    plain = [r.readout.name for r in report.readouts]
    names = [escape(name) for name in plain]
    lines = [
        f"# readout-diff: {', '.join(names)}",
        "",
        f"**{escape(many_verdict(report))}**",
        "",
        "## Topics",
        "",
        "| Topic | " + " | ".join(names) + " |",
        "|---|" + ":-:|" * len(names),
    ]
    for title, topics in many_table_sections(report):
        lines.append(f"| *{escape(title)} ({len(topics)})* |" + " |" * len(names))
        for topic in topics:
            label = escape(topic.topic.label)
            if topic.missing:
                label = f"**{label}**"
            label += escape(negation_note(plain, topic.hits))
            marks = " | ".join(
                "(in passing)" if passing else "✓" if p else ""
                for p, passing in zip(topic.present, only_in_passing(topic), strict=True)
            )
            lines.append(f"| {label} | {marks} |")
    lines.append("")
    for status, title in (
        ("missing_one", "Missing from exactly one account"),
        ("some", "In some accounts only"),
    ):
        topics = [t for t in report.topics if t.status == status]
        if not topics:
            continue
        lines += [f"## {title}", ""]
        for topic in topics:
            absent = ", ".join(names[k] for k in topic.missing)
            lines += [f"### {escape(topic.topic.label)}: not in {absent}", ""]
            lines += [*_evidence_items(report, names, topic.hits), ""]
    detailed = [t for t in report.topics if t.details]
    if detailed:
        lines += ["## Details of issues several accounts discuss", ""]
        for topic in detailed:
            for detail in topic.details:
                lines += [
                    f"### {escape(topic.topic.label)}: {escape(detail_line(plain, detail))}",
                    "",
                ]
                lines += [*_evidence_items(report, names, detail.hits), ""]
    lines += ["## Pairwise alignment", "", "| readouts | aligned groups | unmatched |"]
    lines.append("|---|--:|--:|")
    for pair in report.alignments:
        a, b = pair.alignment.unmatched_a, pair.alignment.unmatched_b
        lines.append(
            f"| {names[pair.a]} ~ {names[pair.b]} | {len(pair.alignment.groups)} | "
            f"{len(a)} + {len(b)} |"
        )
    document = "\n".join(lines) + "\n"
    return document + "\n" + explain(report) if style.explain else document


def _evidence_items(
    report: MultiReport, names: list[str], per_readout: tuple[tuple[TopicHit, ...], ...]
) -> list[str]:
    """A list item per readout that has hits: its first sentence carrying them."""
    return [
        f"- {names[k]}: \\[{hits[0].sentence}\\] "
        + _sentence_with(report.readouts[k], hits[0].sentence, hits)
        for k, hits in enumerate(per_readout)
        if hits
    ]


def _sentence_with(tagged: TaggedReadout, index: int, hits: tuple[TopicHit, ...]) -> str:
    """A sentence with the given hits' words in bold."""
    here = tuple(h for h in hits if h.sentence == index)
    pieces = marked_pieces(tagged.sentences[index], here)
    return "".join(f"**{escape(p)}**" if trigger else escape(p) for p, trigger in pieces)
