"""The analyst's columns (actor, act, tone, initiator, length, share, rank) for every format.

Plain data and short phrases built once from a report's :class:`~readout_diff.framing.Framing`,
so that text, Markdown, HTML, JSON and CSV say the same thing in the same words.
"""

from __future__ import annotations

from typing import Any

from readout_diff.framing import Act, Actor, Framing, GroupFrame, SentenceFrame, TopicFrame
from readout_diff.model import AlignedGroup, Report, TopicDiff

ACT_WORDS = {
    Act.AGREE: "agreed",
    Act.DISCUSS: "discussed",
    Act.DEMAND: "demanded",
    Act.WARN: "warned",
    Act.CONCERN: "concern",
    Act.WELCOME: "welcomed",
    Act.INFORM: "stated",
    Act.OTHER: "other",
}
"""How an act reads in a sentence of the report ("A: agreed", "B: discussed")."""


def actor_name(actor: Actor, report: Report) -> str:
    """An actor as the report names it: a readout's name, "both" or "other"."""
    if actor is Actor.A:
        return report.a.readout.name
    if actor is Actor.B:
        return report.b.readout.name
    return actor.value


def frame_of(report: Report, side: int, index: int) -> SentenceFrame | None:
    """The frame of sentence ``index`` of readout ``side`` (0 or 1), if the report has one."""
    if report.framing is None:
        return None
    frame = report.framing.a if side == 0 else report.framing.b
    return frame.sentences[index] if index < len(frame.sentences) else None


def sentence_label(report: Report, side: int, index: int) -> str:
    """ "by whitehouse: concern" for a sentence; "" when the report has no framing."""
    frame = frame_of(report, side, index)
    if frame is None or frame.title:
        return ""
    return f"{actor_name(frame.actor, report)}: {frame.act.value}"


def topic_frame(report: Report, diff: TopicDiff) -> TopicFrame | None:
    return report.framing.topic(diff.topic.id) if report.framing else None


def side_summary(report: Report, frame: TopicFrame | None, side: int) -> str:
    """ "whitehouse: concern" for one readout's sentences on a topic ("" when absent)."""
    if frame is None or not frame.acts[side]:
        return ""
    actors = ", ".join(actor_name(a, report) for a in frame.actors[side])
    return f"{actors}: {', '.join(a.value for a in frame.acts[side])}"


def weight(frame: TopicFrame | None, side: int) -> str:
    """ "12% #4": a topic's share of one readout's words and the rank of its first mention."""
    if frame is None or frame.rank[side] is None:
        return ""
    return f"{frame.share[side]:.0%} #{frame.rank[side]}"


def group_frame(report: Report, group: AlignedGroup) -> GroupFrame | None:
    """The framing of an aligned group (matched by its sentences)."""
    return report.framing.group(group.a, group.b) if report.framing else None


def disagreement(report: Report, group: AlignedGroup) -> str:
    """ "A: agreed; B: discussed" where the two accounts of a point differ, else ""."""
    frame = group_frame(report, group)
    if frame is None or not (frame.act_differs or frame.actor_differs):
        return ""
    parts = []
    for side, name in ((0, report.a.readout.name), (1, report.b.readout.name)):
        actors = "/".join(actor_name(a, report) for a in frame.actors[side])
        acts = "/".join(ACT_WORDS[a] for a in frame.acts[side])
        parts.append(f"{name}: {actors} {acts}")
    return "; ".join(parts)


def call_line(report: Report) -> str:
    """One line on the call: its initiator, length, the tone words and the readouts' lengths."""
    framing = report.framing
    if framing is None:
        return ""
    parts = []
    if framing.initiator is not None:
        parts.append(f"initiated by {actor_name(framing.initiator, report)}")
    if framing.duration:
        parts.append(f"lasted {framing.duration}")
    for frame, tagged in ((framing.a, report.a), (framing.b, report.b)):
        if frame.tone:
            parts.append(f"{tagged.readout.name}: talks {' and '.join(frame.tone)}")
    parts.append(length_phrase(report))
    return "; ".join(parts)


def length_phrase(report: Report) -> str:
    """ "kremlin 198 words, whitehouse 145 (kremlin 1.4x as long)"."""
    assert report.framing is not None
    wa, wb = report.framing.a.words, report.framing.b.words
    name_a, name_b = report.a.readout.name, report.b.readout.name
    phrase = f"{name_a} {wa} words, {name_b} {wb}"
    if wa and wb and max(wa, wb) >= 1.2 * min(wa, wb):
        longer = name_a if wa > wb else name_b
        phrase += f" ({longer} {max(wa, wb) / min(wa, wb):.1f}x as long)"
    return phrase


# --- JSON-ready data ----------------------------------------------------------------


def sentence_data(frame: SentenceFrame | None) -> dict[str, Any]:
    if frame is None:
        return {}
    return {
        "title": frame.title,
        "actor": frame.actor.value,
        "act": frame.act.value,
        "clauses": [
            {"actor": c.actor.value, "act": c.act.value, "cue": c.cue, "main": c.main}
            for c in frame.clauses
        ],
    }


def readout_data(framing: Framing | None, side: int) -> dict[str, Any]:
    if framing is None:
        return {}
    frame = framing.a if side == 0 else framing.b
    return {
        "words": frame.words,
        "leader": frame.leader,
        "counterpart": frame.counterpart,
        "tone": list(frame.tone),
        "initiator": frame.initiator.value if frame.initiator else "",
        "duration": frame.duration,
    }


def topic_data(report: Report, diff: TopicDiff) -> dict[str, Any]:
    frame = topic_frame(report, diff)
    if frame is None:
        return {}
    names = (report.a.readout.name, report.b.readout.name)
    return {
        "framing": [
            {
                "readout": names[side],
                "share": frame.share[side],
                "rank": frame.rank[side],
                "actors": [a.value for a in frame.actors[side]],
                "acts": [a.value for a in frame.acts[side]],
            }
            for side in (0, 1)
        ]
    }


def group_data(report: Report, group: AlignedGroup) -> dict[str, Any]:
    frame = group_frame(report, group)
    if frame is None:
        return {}
    return {
        "acts": {"a": [a.value for a in frame.acts[0]], "b": [a.value for a in frame.acts[1]]},
        "actors": {
            "a": [a.value for a in frame.actors[0]],
            "b": [a.value for a in frame.actors[1]],
        },
        "act_differs": frame.act_differs,
        "actor_differs": frame.actor_differs,
    }


def call_data(report: Report) -> dict[str, Any]:
    framing = report.framing
    if framing is None:
        return {}
    return {
        "call": {
            "initiator": framing.initiator.value if framing.initiator else "",
            "duration": framing.duration,
        }
    }
