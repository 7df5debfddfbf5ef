"""Diffing stage: which topics each readout has, and how the shared ones line up."""

from __future__ import annotations

from collections.abc import Mapping

from readout_diff.model import (
    AlignedGroup,
    Alignment,
    Side,
    TaggedReadout,
    Topic,
    TopicDiff,
    TopicHit,
)


def diff_topics(
    a: TaggedReadout, b: TaggedReadout, alignment: Alignment, topics: Mapping[str, Topic]
) -> tuple[TopicDiff, ...]:
    """One :class:`TopicDiff` per topic found in either readout, in order of first mention.

    ``topics`` maps every topic id that a hit may carry to its :class:`Topic`.
    """
    first_seen: dict[str, int] = {}
    for offset, tagged in ((0, a), (len(a.readout.text) + 1, b)):
        for hit in tagged.hits:
            first_seen.setdefault(hit.topic_id, offset + hit.start)
    diffs = []
    for topic_id in sorted(first_seen, key=lambda t: (first_seen[t], t)):
        hits_a = tuple(h for h in a.hits if h.topic_id == topic_id)
        hits_b = tuple(h for h in b.hits if h.topic_id == topic_id)
        if hits_a and hits_b:
            side = Side.BOTH
            pairs = shared_pairs(hits_a, hits_b, alignment)
        else:
            side = Side.ONLY_A if hits_a else Side.ONLY_B
            pairs = ()
        diffs.append(
            TopicDiff(topic=topics[topic_id], side=side, hits_a=hits_a, hits_b=hits_b, pairs=pairs)
        )
    return tuple(diffs)


def shared_pairs(
    hits_a: tuple[TopicHit, ...], hits_b: tuple[TopicHit, ...], alignment: Alignment
) -> tuple[AlignedGroup, ...]:
    """The sentence groups that show how both readouts frame one shared topic.

    The aligned groups that carry the topic on both sides; when the alignment put
    none together, the most similar pair of sentences carrying it.
    """
    in_a = {h.sentence for h in hits_a}
    in_b = {h.sentence for h in hits_b}
    groups = tuple(g for g in alignment.groups if in_a.intersection(g.a) and in_b.intersection(g.b))
    if groups:
        return groups
    i, j = max(
        ((i, j) for i in sorted(in_a) for j in sorted(in_b)),
        key=lambda p: (alignment.score(*p), -p[0], -p[1]),
    )
    return (AlignedGroup(a=(i,), b=(j,), score=alignment.score(i, j)),)
