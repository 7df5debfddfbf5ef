"""Reports on three or more accounts of one call: a topic matrix and pairwise alignments.

The JSON keeps the two-readout schema (the same fields, ``status`` taking the
values ``all``, ``missing_one`` or ``some``); text and Markdown show the matrix,
the topics missing from exactly one account with what the others said, and how
much of each pair of readouts lines up.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rich import box
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from readout_diff.errors import ReadoutDiffError
from readout_diff.model import MultiReport, TaggedReadout, TopicHit
from readout_diff.render import Style
from readout_diff.render.text import make_console


def verdict(report: MultiReport) -> str:
    """One line: topics in every account, missing from exactly one, in some only."""
    counts = {"all": 0, "missing_one": 0, "some": 0}
    for topic in report.topics:
        counts[topic.status] += 1
    head = "topics differ" if report.differences else "same topics"
    return (
        f"{head}: {counts['all']} in all {len(report.readouts)} accounts, "
        f"{counts['missing_one']} missing from exactly one, {counts['some']} in some only"
    )


def _names(report: MultiReport) -> list[str]:
    return [r.readout.name for r in report.readouts]


def to_dict(report: MultiReport) -> dict[str, Any]:
    """The report as JSON-ready data, in the schema of the two-readout report."""
    from readout_diff.render.json import _group, _hit, _readout, header

    names = _names(report)
    unaligned = _unaligned(report)
    return {
        **header(report.pack),
        "summary": {
            "verdict": verdict(report),
            "differences": report.differences,
            "shared": sum(t.status == "all" for t in report.topics),
            "missing_one": sum(t.status == "missing_one" for t in report.topics),
            "some": sum(t.status == "some" for t in report.topics),
        },
        "readouts": [
            _readout(tagged, tuple(unaligned[k])) for k, tagged in enumerate(report.readouts)
        ],
        "topics": [
            {
                "id": t.topic.id,
                "label": t.topic.label,
                "group": t.topic.group,
                "kind": t.topic.kind.value,
                "status": t.status,
                "present_in": [n for n, p in zip(names, t.present, strict=True) if p],
                "missing_from": [names[k] for k in t.missing],
                "negated": all(h.negated for hits in t.hits for h in hits),
                "evidence": [_hit(h, names[k]) for k, hits in enumerate(t.hits) for h in hits],
                "pairs": [],
            }
            for t in report.topics
        ],
        "alignment": [_group(g) for g in report.alignments[0].alignment.groups],
        "alignments": [
            {"a": p.a, "b": p.b, "groups": [_group(g) for g in p.alignment.groups]}
            for p in report.alignments
        ],
        "threshold": report.alignments[0].alignment.threshold,
    }


def _unaligned(report: MultiReport) -> list[list[int]]:
    """Per readout, the sentences aligned with no sentence of any other readout."""
    aligned: list[set[int]] = [set() for _ in report.readouts]
    for pair in report.alignments:
        for group in pair.alignment.groups:
            aligned[pair.a].update(group.a)
            aligned[pair.b].update(group.b)
    return [
        [s.index for s in tagged.sentences if s.index not in aligned[k]]
        for k, tagged in enumerate(report.readouts)
    ]


def _first_sentence(tagged: TaggedReadout, hits: tuple[TopicHit, ...]) -> str:
    sentence = tagged.sentences[hits[0].sentence]
    text = " ".join(sentence.text.split())
    return f"[{sentence.index}] " + (text if len(text) <= 160 else text[:157] + "…")


def render_text(report: MultiReport, style: Style) -> str:
    """The report for a terminal or a pager."""
    out = io.StringIO()
    console = make_console(out, style)
    names = _names(report)
    console.print(
        Text.assemble(
            ("readout-diff ", "bold"),
            " · ".join(
                f"{r.readout.name} ({r.readout.language}, {len(r.sentences)} sentences)"
                for r in report.readouts
            ),
        )
    )
    console.print(Text(verdict(report), style="bold"))
    console.print()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Topic", overflow="fold")
    for name in names:
        table.add_column(name, justify="center")
    order = {"missing_one": 0, "some": 1, "all": 2}
    for topic in sorted(report.topics, key=lambda t: order[t.status]):
        table.add_row(
            topic.topic.label,
            *("●" if p else "·" for p in topic.present),
            style="bold yellow" if topic.missing else None,
        )
    console.print(table)
    missing_one = [t for t in report.topics if t.status == "missing_one"]
    if missing_one:
        console.print()
        console.print(Text("Missing from exactly one account", style="bold underline"))
        for topic in missing_one:
            console.print(f"  {topic.topic.label}: not in {names[topic.missing[0]]}")
            for k, hits in enumerate(topic.hits):
                if hits:
                    line = Text(f"{names[k]} {_first_sentence(report.readouts[k], hits)}")
                    console.print(Padding(line, (0, 0, 0, 4)))
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
    console.print(pairs)
    text = out.getvalue()
    return text if style.color else "\n".join(line.rstrip() for line in text.split("\n"))


def render_markdown(report: MultiReport, style: Style) -> str:
    """The report as a Markdown document."""
    from readout_diff.render.markdown import _escape

    names = [_escape(n) for n in _names(report)]
    lines = [
        f"# readout-diff: {', '.join(names)}",
        "",
        f"**{_escape(verdict(report))}**",
        "",
        "## Topics",
        "",
        "| Topic | " + " | ".join(names) + " |",
        "|---|" + ":-:|" * len(names),
    ]
    order = {"missing_one": 0, "some": 1, "all": 2}
    for topic in sorted(report.topics, key=lambda t: order[t.status]):
        label = _escape(topic.topic.label)
        if topic.missing:
            label = f"**{label}**"
        lines.append(f"| {label} | " + " | ".join("✓" if p else "" for p in topic.present) + " |")
    lines.append("")
    missing_one = [t for t in report.topics if t.status == "missing_one"]
    if missing_one:
        lines += ["## Missing from exactly one account", ""]
        for topic in missing_one:
            lines += [f"### {_escape(topic.topic.label)}: not in {names[topic.missing[0]]}", ""]
            for k, hits in enumerate(topic.hits):
                if hits:
                    quoted = _escape(_first_sentence(report.readouts[k], hits))
                    lines.append(f"- {names[k]}: {quoted}")
            lines.append("")
    lines += ["## Pairwise alignment", "", "| readouts | aligned groups | unmatched |"]
    lines.append("|---|--:|--:|")
    for pair in report.alignments:
        a, b = pair.alignment.unmatched_a, pair.alignment.unmatched_b
        lines.append(
            f"| {names[pair.a]} ~ {names[pair.b]} | {len(pair.alignment.groups)} | "
            f"{len(a)} + {len(b)} |"
        )
    return "\n".join(lines) + "\n"


def render_many(report: MultiReport, fmt: str, style: Style) -> str:
    """Render a report on three or more readouts as text, json, markdown or html."""
    if fmt == "json":
        return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(report, style)
    if fmt == "text":
        return render_text(report, style)
    if fmt == "html":
        from readout_diff.render.html import render_many as render_html

        return render_html(report, style)
    raise ReadoutDiffError(f"--format {fmt}", "is not a format; use text, json, markdown or html")
