"""The CSV report: one row per topic, for a spreadsheet (the analyst's side-by-side table).

A two-readout report (:func:`render_pair`) has, per topic, its id, label, group,
kind and status, then for each readout (``a_…``, ``b_…``) its name, share of the
readout's words, rank of first mention, the actors and acts of the sentences that
carry it, their indices and their text (the evidence), and last whether an aligned
pair of the topic disagrees on the act or the actor. A report on three or more
readouts (:func:`render_many`) has the same leading columns and, per readout
(``r1_…``, ``r2_…``), its name, the sentence indices and the evidence.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from readout_diff.model import MultiReport, Report, TaggedReadout, TopicHit
from readout_diff.render import columns
from readout_diff.render.common import Style

SIDE_FIELDS = ("readout", "share", "rank", "actors", "acts", "sentences", "evidence")
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
    """A two-readout report as CSV, one row per topic in order of first mention."""
    rows = []
    for diff in report.topics:
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
        rows.append(row)
    return _write(PAIR_FIELDS, rows)


def _flag(value: bool) -> str:
    return "yes" if value else ""


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as CSV: per topic, each readout's evidence."""
    count = len(report.readouts)
    header = ["id", "label", "group", "kind", "status"]
    for k in range(1, count + 1):
        header += [f"r{k}_readout", f"r{k}_sentences", f"r{k}_evidence"]
    rows = []
    for topic in report.topics:
        row = [topic.topic.id, topic.topic.label, topic.topic.group, topic.topic.kind.value]
        row.append(topic.status)
        for tagged, hits in zip(report.readouts, topic.hits, strict=True):
            row += [tagged.readout.name, *_evidence(tagged, hits)]
        rows.append(row)
    return _write(header, rows)
