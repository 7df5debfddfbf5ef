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
    """The judged issues with, for each shared one, the sentences that answer it and the
    sentence groups that frame it; and the issues mentioned only in passing."""
    readouts = (judgement.a, judgement.b)
    topics = []
    for diff in judgement.topics:
        if diff.side is Side.BOTH:
            found = answers(diff, readouts, alignment)
            pairs = shared_pairs(diff.hits_a + found[0], diff.hits_b + found[1], alignment)
            diff = replace(diff, pairs=pairs, answers=found)
        topics.append(diff)
    return with_points(tuple(topics), readouts), judgement.passing


def with_points(
    topics: tuple[TopicDiff, ...], readouts: tuple[TaggedReadout, TaggedReadout]
) -> tuple[TopicDiff, ...]:
    """The issues, each with the sentences whose one issue it is as whole-sentence
    evidence (:attr:`TopicDiff.points`).

    A readout makes one point per sentence as a rule; a sentence that carries one
    issue of the report (its words, its answers; not a passing mention) makes it on
    that issue in all its words. "The sides discussed the demand that humanitarian aid
    be allowed into the Gaza Strip" is the Middle East's point as a whole, not only the
    words "Gaza Strip", and a reader looking for the humanitarian aid finds it there.
    A sentence with two issues or more keeps only the words that matched for each.
    """
    issues: tuple[dict[int, set[str]], dict[int, set[str]]] = ({}, {})
    for diff in topics:
        for k in (0, 1):
            for hit in diff.hits[k] + diff.answers[k]:
                issues[k].setdefault(hit.sentence, set()).add(diff.topic.id)
    out = []
    for diff in topics:
        found: list[tuple[TopicHit, ...]] = []
        for k, tagged in enumerate(readouts):
            hits = diff.hits[k]
            whole = {h.sentence for h in hits + diff.answers[k] if _is_whole(h, tagged)}
            sole = sorted(
                {h.sentence for h in hits}
                - whole
                - {i for i, ids in issues[k].items() if ids != {diff.topic.id}}
            )
            found.append(
                tuple(TopicHit.whole(diff.topic.id, tagged.sentences[i], point=True) for i in sole)
            )
        out.append(replace(diff, points=(found[0], found[1])) if any(found) else diff)
    return tuple(out)


def _is_whole(hit: TopicHit, tagged: TaggedReadout) -> bool:
    sentence = tagged.sentences[hit.sentence]
    return hit.start <= sentence.start and hit.end >= sentence.end


def answers(
    diff: TopicDiff,
    readouts: tuple[TaggedReadout, TaggedReadout],
    alignment: Alignment,
) -> tuple[tuple[TopicHit, ...], tuple[TopicHit, ...]]:
    """Per readout, the sentences that answer the other readout's point on a shared issue.

    A sentence without the issue's words that the aligner paired (on content, over its
    threshold) with a sentence carrying the issue on the other side reports the same
    point: "the situation on the front line" beside "the war in Ukraine". It is the
    issue's evidence there, as a whole sentence; the verdict does not change. (A pair
    that another shared issue explains counts too: leaving those out halved the gain in
    shared-topic recall on the check sets.)
    """
    carrying = ({h.sentence for h in diff.hits_a}, {h.sentence for h in diff.hits_b})
    found: tuple[set[int], set[int]] = (set(), set())
    for i, j in alignment.answering_pairs():
        if i in carrying[0] and j not in carrying[1]:
            found[1].add(j)
        if j in carrying[1] and i not in carrying[0]:
            found[0].add(i)
    a, b = (
        tuple(
            TopicHit.whole(diff.topic.id, tagged.sentences[i], paired=True) for i in sorted(indices)
        )
        for tagged, indices in zip(readouts, found, strict=True)
    )
    return a, b


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
