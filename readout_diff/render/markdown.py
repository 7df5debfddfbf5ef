"""The Markdown report, for pasting into a newsroom note or a pull request."""

from __future__ import annotations

import re

from readout_diff.model import Report, Side, TaggedReadout, TopicDiff, TopicKind
from readout_diff.render import Style, marked_pieces, table_sections, verdict

_LINE_START = re.compile(r"^([#+=-])|^(\d+)([.)])")


def _escape(text: str) -> str:
    for char in ("\\", "*", "_", "`", "|", "[", "]", "<", ">", "&", "~"):
        text = text.replace(char, "\\" + char)
    return re.sub(r"\s+", " ", text)


def _sentence(tagged: TaggedReadout, index: int, diff: TopicDiff | None) -> str:
    sentence = tagged.sentences[index]
    hits = tuple(
        h
        for h in tagged.hits
        if h.sentence == index and (diff is None or h.topic_id == diff.topic.id)
    )
    pieces = marked_pieces(sentence, hits if diff is not None else ())
    out = "".join(f"**{_escape(p)}**" if trigger else _escape(p) for p, trigger in pieces)
    # A sentence opening with "#", "+", "-", "=" or "1." would become a heading or a list.
    return _LINE_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], out)


def render(report: Report, style: Style) -> str:
    """The report as a Markdown document."""
    a, b = report.a, report.b
    name_a, name_b = _escape(a.readout.name), _escape(b.readout.name)
    lines = [f"# readout-diff: {name_a} vs {name_b}", "", f"**{_escape(verdict(report))}**", ""]
    if report.topics:
        lines += ["## Topics", "", f"| Topic | {name_a} | {name_b} |", "|---|:-:|:-:|"]
        for title, diffs, _ in table_sections(report):
            lines.append(f"| *{_escape(title)} ({len(diffs)})* | | |")
            for diff in diffs:
                label = _escape(diff.topic.label)
                if diff.side is not Side.BOTH:
                    label = f"**{label}**"
                if diff.negated_only:
                    label += " (said not discussed)"
                mark_a = "✓" if diff.hits_a else ""
                mark_b = "✓" if diff.hits_b else ""
                lines.append(f"| {label} | {mark_a} | {mark_b} |")
        lines.append("")
    for name, tagged, topics in ((name_a, a, report.only_a), (name_b, b, report.only_b)):
        if not topics:
            continue
        lines += [f"## Only in {name}", ""]
        for diff in topics:
            kind = " (a name no topic covers)" if diff.topic.kind is TopicKind.ADHOC else ""
            lines += [f"### {_escape(diff.topic.label)}{kind}", ""]
            hits = diff.hits_a or diff.hits_b
            for index in sorted({h.sentence for h in hits}):
                lines.append(f"> {_sentence(tagged, index, diff)}")
                lines.append(">")
            lines[-1] = ""
    if report.shared:
        lines += ["## Shared topics, side by side", ""]
        for diff in report.shared:
            lines += [
                f"### {_escape(diff.topic.label)}",
                "",
                f"| {name_a} | {name_b} | similarity |",
                "|---|---|--:|",
            ]
            for group in diff.pairs:
                cell_a = "<br>".join(_sentence(a, i, diff) for i in group.a)
                cell_b = "<br>".join(_sentence(b, j, diff) for j in group.b)
                lines.append(f"| {cell_a} | {cell_b} | {group.score:.2f} |")
            lines.append("")
    for name, tagged, unmatched in (
        (name_a, a, report.alignment.unmatched_a),
        (name_b, b, report.alignment.unmatched_b),
    ):
        if unmatched:
            lines += [f"## Said only by {name}", ""]
            lines += [f"- {_sentence(tagged, i, None)}" for i in unmatched]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
