"""Diffing stage: the judged issues, with the sentence pairs that frame the shared ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from readout_diff import judging
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
    """One :class:`TopicDiff` per issue found in either readout, in order of first mention.

    ``topics`` maps every topic id that a hit may carry to its :class:`Topic`. The
    judgement (issues, passing mentions, paraphrases) is :func:`judging.judge`'s; see
    :func:`assemble` for a whole judgement with the shared issues' sentence pairs.
    """
    return assemble(judging.judge(a, b, alignment, topics), alignment)[0]


def assemble(
    judgement: judging.Judgement, alignment: Alignment
) -> tuple[tuple[TopicDiff, ...], tuple[TopicDiff, ...]]:
    """The judged issues with, for each shared one, the sentence groups that frame it;
    and the issues mentioned only in passing."""
    topics = tuple(
        replace(diff, pairs=shared_pairs(diff.hits_a, diff.hits_b, alignment))
        if diff.side is Side.BOTH
        else diff
        for diff in judgement.topics
    )
    return topics, judgement.passing


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
