"""The CSV report: one row per topic, for a spreadsheet (the analyst's side-by-side table).

A two-readout report (:func:`render_pair`) has, per topic, its id, label, group,
kind and status, then for each readout (``a_…``, ``b_…``) its name, share of the
readout's words, rank of first mention, the actors and acts of the sentences that
carry it, their indices and their text (the evidence), whether an aligned pair of
the topic disagrees on the act or the actor, and then what the issue-level judgement
found (:data:`JUDGEMENT_FIELDS`, added after the columns above so that a sheet
reading those by position still reads them): how each readout has the issue
(``discussed``, ``passing`` or ``absent``), the sub-issues only that readout raises
under it (``Arms supplies [0]; Prisoner exchange [2, 3]``), which readout says it in
other words (``whitehouse [1]``) and the encoder's cosine for that sentence. The
issues one readout only mentions in passing and the other not at all follow the
topics, one row each with the status ``passing_a`` or ``passing_b`` (never
``only_a`` / ``only_b``: they are not one-sided) and that readout's evidence.

A report on three or more readouts (:func:`render_many`) has the same leading
columns and, per readout (``r1_…``, ``r2_…``), its name, the sentence indices and
the evidence; then, per readout, how it has the issue (``rK_presence``) and the
details it raises that others discussing the issue do not (``rK_details``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from readout_diff.model import MultiReport, Report, Side, TaggedReadout, TopicDiff, TopicHit
from readout_diff.render import columns
from readout_diff.render.common import Style

SIDE_FIELDS = ("readout", "share", "rank", "actors", "acts", "sentences", "evidence")
JUDGEMENT_FIELDS = (
    "a_presence",
    "b_presence",
    "a_details",
    "b_details",
    "in_other_words",
    "other_words_confidence",
)
"""The issue-level judgement's columns, last in a two-readout CSV report."""
PASSING_STATUS = {Side.ONLY_A: "passing_a", Side.ONLY_B: "passing_b"}
"""The status of an issue only one readout mentions, and only in passing."""
PAIR_FIELDS = (
    "id",
    "label",
    "group",
    "kind",
    "status",
    *(f"a_{f}" for f in SIDE_FIELDS),
    *(f"b_{f}" for f in SIDE_FIELDS),
    "act_differs",
    "actor_differs",
    *JUDGEMENT_FIELDS,
)
"""The columns of a two-readout CSV report, in order."""
JOIN = "; "
"""Between the items of a list in one cell (actors, acts, sentence indices)."""


def _write(header: Sequence[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _evidence(tagged: TaggedReadout, hits: tuple[TopicHit, ...]) -> tuple[str, str]:
    indices = sorted({h.sentence for h in hits})
    return (
        JOIN.join(str(i) for i in indices),
        "\n".join(f"[{i}] {tagged.sentences[i].text}" for i in indices),
    )


def render_pair(report: Report, style: Style) -> str:
    """A two-readout report as CSV: one row per topic in order of first mention, then one
    per issue mentioned only in passing."""
    rows = [_topic_row(report, diff) for diff in report.topics]
    rows += [_passing_row(report, diff) for diff in report.passing]
    return _write(PAIR_FIELDS, rows)


def _topic_row(report: Report, diff: TopicDiff) -> list[str]:
    frame = columns.topic_frame(report, diff)
    row = [diff.topic.id, diff.topic.label, diff.topic.group, diff.topic.kind.value]
    row.append(diff.side.value)
    for side, (tagged, hits) in enumerate(((report.a, diff.hits_a), (report.b, diff.hits_b))):
        sentences, evidence = _evidence(tagged, hits)
        present = frame is not None and bool(hits)
        row += [
            tagged.readout.name,
            f"{frame.share[side]:.3f}" if present and frame else "",
            str(frame.rank[side]) if present and frame and frame.rank[side] else "",
            JOIN.join(columns.actor_name(a, report) for a in frame.actors[side])
            if present and frame
            else "",
            JOIN.join(a.value for a in frame.acts[side]) if present and frame else "",
            sentences,
            evidence,
        ]
    groups = [columns.group_frame(report, g) for g in diff.pairs]
    row.append(_flag(any(g is not None and g.act_differs for g in groups)))
    row.append(_flag(any(g is not None and g.actor_differs for g in groups)))
    return row + _judgement(report, diff)


def _passing_row(report: Report, diff: TopicDiff) -> list[str]:
    """An issue one readout only mentions in passing: its evidence, no share or rank (the
    analyst's columns weigh the report's topics only)."""
    row = [diff.topic.id, diff.topic.label, diff.topic.group, diff.topic.kind.value]
    row.append(PASSING_STATUS[diff.side])
    for tagged, hits in ((report.a, diff.hits_a), (report.b, diff.hits_b)):
        row += [tagged.readout.name, "", "", "", "", *_evidence(tagged, hits)]
    return [*row, "", "", *_judgement(report, diff)]


def _judgement(report: Report, diff: TopicDiff) -> list[str]:
    """The cells of :data:`JUDGEMENT_FIELDS` for one issue."""
    details: tuple[list[str], list[str]] = ([], [])
    for detail in diff.details:
        details[0 if detail.side is Side.ONLY_A else 1].append(
            f"{detail.topic.label} {_numbers(detail.hits)}"
        )
    paraphrased = [
        f"{tagged.readout.name} {_numbers(tuple(h for h in hits if h.other_words))}"
        for tagged, hits in ((report.a, diff.hits_a), (report.b, diff.hits_b))
        if any(h.other_words for h in hits)
    ]
    confidence = diff.confidence if paraphrased else None
    return [
        diff.presence[0].value,
        diff.presence[1].value,
        JOIN.join(details[0]),
        JOIN.join(details[1]),
        JOIN.join(paraphrased),
        f"{confidence:.3f}" if confidence is not None else "",
    ]


def _numbers(hits: tuple[TopicHit, ...]) -> str:
    """ "[0, 2]": the sentences of some hits, as the text report writes them."""
    return "[" + ", ".join(str(i) for i in sorted({h.sentence for h in hits})) + "]"


def _flag(value: bool) -> str:
    return "yes" if value else ""


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as CSV: per topic, each readout's evidence."""
    count = len(report.readouts)
    header = ["id", "label", "group", "kind", "status"]
    for k in range(1, count + 1):
        header += [f"r{k}_readout", f"r{k}_sentences", f"r{k}_evidence"]
    # The issue-level judgement, last (as in a two-readout report): how each readout
    # has the issue, and the details it raises that others discussing it do not.
    for k in range(1, count + 1):
        header += [f"r{k}_presence", f"r{k}_details"]
    rows = []
    for topic in report.topics:
        row = [topic.topic.id, topic.topic.label, topic.topic.group, topic.topic.kind.value]
        row.append(topic.status)
        for tagged, hits in zip(report.readouts, topic.hits, strict=True):
            row += [tagged.readout.name, *_evidence(tagged, hits)]
        for k, presence in enumerate(topic.judged):
            details = [f"{d.topic.label} {_numbers(d.hits[k])}" for d in topic.details if d.hits[k]]
            row += [presence.value, JOIN.join(details)]
        rows.append(row)
    return _write(header, rows)
