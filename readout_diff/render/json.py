"""The JSON report: the contract for scripts (every field is documented in the README).

A report on three or more readouts (:func:`render_many`) keeps the two-readout
schema (:func:`render_pair`): the same fields, ``status`` taking the values ``all``,
``missing_one`` or ``some``, and ``alignments`` holding every pair.
"""

from __future__ import annotations

import json
from typing import Any

from readout_diff import __version__
from readout_diff.framing import ReadoutFrame
from readout_diff.model import (
    AlignedGroup,
    Alignment,
    MultiReport,
    PackInfo,
    Report,
    Side,
    TaggedReadout,
    TopicDiff,
    TopicHit,
)
from readout_diff.render import columns
from readout_diff.render.common import Style, many_verdict, negated_in, verdict

SCHEMA_VERSION = 6
"""2: actor, act, tone, initiator, duration, topic share and rank (issue 13); 3: issue-level
topics with presence, details and paraphrase evidence, passing mentions apart (issue 10);
4: a shared topic's evidence includes the sentences that answer the other side's point on
it (evidence ``paired``: whole sentences the aligner paired with one on the topic); 5: a
topic's evidence includes, as whole sentences, the sentences whose one issue it is
(evidence ``point``); 6: a report on three or more readouts is judged at issue level a pair
at a time, its topics' ``presence`` may be ``passing``, and its ``details`` list the
sub-issues some readouts raise and others do not (``status`` ``missing_one`` or ``some``,
``present_in``, ``evidence``)."""


def header(pack: PackInfo) -> dict[str, Any]:
    """The fields every JSON report opens with: schema, tool and pack."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "readout-diff", "version": __version__},
        "pack": {
            "name": pack.name,
            "version": pack.version,
            "sources": list(pack.sources),
            "topics": pack.topics,
        },
    }


def to_dict(report: Report) -> dict[str, Any]:
    """A two-readout report as plain JSON-ready data, in a stable key order."""
    names = (report.a.readout.name, report.b.readout.name)
    groups = [{**_group(g), **columns.group_data(report, g)} for g in report.alignment.groups]
    return {
        **header(report.pack),
        "summary": {
            "verdict": verdict(report),
            "differences": bool(report.only_a or report.only_b),
            "shared": len(report.shared),
            "only_a": len(report.only_a),
            "only_b": len(report.only_b),
        },
        **columns.call_data(report),
        "readouts": [
            {
                **_readout(report.a, report.alignment.unmatched_a, _frame(report, 0)),
                **columns.readout_data(report.framing, 0),
            },
            {
                **_readout(report.b, report.alignment.unmatched_b, _frame(report, 1)),
                **columns.readout_data(report.framing, 1),
            },
        ],
        "topics": [{**_topic(t, names), **columns.topic_data(report, t)} for t in report.topics],
        # Issues only mentioned in passing on one side and absent on the other: never
        # one-sided; kept out of "topics" so that no script counts them as such.
        "passing": [_passing(t, names) for t in report.passing],
        "alignment": groups,
        "alignments": [{"a": 0, "b": 1, "groups": groups}],
        "threshold": report.alignment.threshold,
        "similarity": similarity_info(report.alignment),
    }


def _frame(report: Report, side: int) -> ReadoutFrame | None:
    if report.framing is None:
        return None
    return report.framing.a if side == 0 else report.framing.b


def _readout(
    tagged: TaggedReadout, unmatched: tuple[int, ...], frame: ReadoutFrame | None = None
) -> dict[str, Any]:
    readout = tagged.readout
    by_sentence = tagged.topics_by_sentence()
    return {
        "name": readout.name,
        "path": readout.path,
        "language": readout.language,
        "encoding": readout.encoding,
        "format": readout.source_format,
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "topics": sorted(by_sentence[s.index]),
                **columns.sentence_data(frame.sentences[s.index] if frame else None),
            }
            for s in tagged.sentences
        ],
        "unmatched": list(unmatched),
    }


def _topic(diff: TopicDiff, names: tuple[str, str]) -> dict[str, Any]:
    present = [name for name, hits in zip(names, diff.hits, strict=True) if hits]
    return {
        "id": diff.topic.id,
        "label": diff.topic.label,
        "group": diff.topic.group,
        "kind": diff.topic.kind.value,
        "status": diff.side.value,
        "present_in": present,
        "missing_from": [name for name in names if name not in present],
        "negated": diff.negated_only,
        "negated_in": negated_in(names, diff.hits),
        "evidence": [_hit(h, name) for side, name in enumerate(names) for h in diff.evidence(side)],
        "pairs": [_group(g) for g in diff.pairs],
        "presence": {name: p.value for name, p in zip(names, diff.presence, strict=True)},
        "in_other_words": diff.in_other_words,
        "confidence": diff.confidence,
        "details": [
            {
                "id": d.topic.id,
                "label": d.topic.label,
                "status": d.side.value,
                "present_in": [names[0] if d.side is Side.ONLY_A else names[1]],
                "evidence": [
                    _hit(h, names[0] if d.side is Side.ONLY_A else names[1]) for h in d.hits
                ],
            }
            for d in diff.details
        ],
    }


def _passing(diff: TopicDiff, names: tuple[str, str]) -> dict[str, Any]:
    hits, name = (diff.hits_a, names[0]) if diff.hits_a else (diff.hits_b, names[1])
    return {
        "id": diff.topic.id,
        "label": diff.topic.label,
        "kind": diff.topic.kind.value,
        "mentioned_in": name,
        "evidence": [_hit(h, name) for h in hits],
    }


def _hit(hit: TopicHit, name: str) -> dict[str, Any]:
    return {
        "readout": name,
        "sentence": hit.sentence,
        "start": hit.start,
        "end": hit.end,
        "text": hit.text,
        "alias": hit.alias,
        "negated": hit.negated,
        "other_words": hit.other_words,
        "paired": hit.paired,
        "point": hit.point,
    }


def _group(group: AlignedGroup) -> dict[str, Any]:
    out: dict[str, Any] = {"a": list(group.a), "b": list(group.b), "score": round(group.score, 3)}
    if group.evidence is not None:
        ev = group.evidence
        out["evidence"] = {
            "words": list(ev.words),
            "numbers": list(ev.numbers),
            "topics": list(ev.topics),
            "lexical": round(ev.lexical, 3),
            "topic": round(ev.topic, 3),
            "semantic": None if ev.semantic is None else round(ev.semantic, 3),
            "pairing": None if ev.pairing is None else round(ev.pairing, 3),
        }
    return out


def similarity_info(alignment: Alignment) -> dict[str, Any]:
    """Which encoder the similarity used (null: lexical only) and why not, when not."""
    return {"encoder": alignment.encoder, "note": alignment.note}


def render_pair(report: Report, style: Style) -> str:
    """A two-readout report as one JSON document (byte-identical for identical inputs)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


# --- three or more readouts --------------------------------------------------------


def many_to_dict(report: MultiReport) -> dict[str, Any]:
    """A report on three or more readouts as JSON-ready data, in the two-readout schema."""
    names = [r.readout.name for r in report.readouts]
    unaligned = _unaligned(report)
    return {
        **header(report.pack),
        "summary": {
            "verdict": many_verdict(report),
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
                "negated_in": negated_in(names, t.hits),
                "evidence": [_hit(h, names[k]) for k, hits in enumerate(t.hits) for h in hits],
                "pairs": [],
                "presence": {n: p.value for n, p in zip(names, t.judged, strict=True)},
                "in_other_words": t.in_other_words,
                "confidence": None,
                "details": [
                    {
                        "id": d.topic.id,
                        "label": d.topic.label,
                        "status": d.status,
                        "present_in": [n for n, p in zip(names, d.present, strict=True) if p],
                        "evidence": [
                            _hit(h, names[k]) for k, hits in enumerate(d.hits) for h in hits
                        ],
                    }
                    for d in t.details
                ],
            }
            for t in report.topics
        ],
        "passing": [],
        "alignment": [_group(g) for g in report.alignments[0].alignment.groups],
        "alignments": [
            {"a": p.a, "b": p.b, "groups": [_group(g) for g in p.alignment.groups]}
            for p in report.alignments
        ],
        "threshold": report.alignments[0].alignment.threshold,
        "similarity": similarity_info(report.alignments[0].alignment),
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


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as one JSON document."""
    return json.dumps(many_to_dict(report), ensure_ascii=False, indent=2) + "\n"
