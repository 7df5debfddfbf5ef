"""Judging stage: which issues each readout discusses, which it only mentions, and which
are truly one-sided.

Tagging finds every word of the pack; a reader asks something else: is this a subject
of the readout, and does the other side really leave it out? Four judgements turn
hits into that answer, each on data the earlier stages made:

* **Issues and their details.** A topic whose pack entry names a ``parent`` is a
  detail of that issue ("arms supplies" under the war in Ukraine). Hits are rolled up
  to their issue; the verdict, the exit status and the report's topics are issues. A
  detail that only one side raises under an issue both discuss is kept as that
  issue's :class:`~readout_diff.model.Detail`, not a one-sided topic.
* **Discussed, not mentioned.** An issue found on a side only through the pack's
  *weak* aliases (a nationality adjective, a leader's name, a region in a list) is a
  passing mention there: it counts as presence against the other side, but never
  makes the issue one-sided by itself; an issue only mentioned in passing, and not
  at all on the other side, is listed apart (:attr:`~readout_diff.model.Report.passing`).
* **Confirm before calling it one-sided.** Before an issue is reported as only in A,
  B is searched for a sentence that makes the same point in other words: one the
  aligner paired with A's evidence, or one the sentence encoder finds as close as a
  paraphrase, that carries no issue of its own. When found, the issue is shared "in
  other words", with that sentence as B's evidence and the encoder's cosine as the
  confidence.
* **Subjects the pack does not know.** A sentence that carries no topic, has no
  counterpart on the other side and is a point of the call (not its title, not the
  description of the talks, not the statement that the call took place) is a
  one-sided subject, named by the words after its reporting verb.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from readout_diff import countries, points, subjects
from readout_diff.model import (
    Alignment,
    Detail,
    Presence,
    Sentence,
    Side,
    TaggedReadout,
    Topic,
    TopicDiff,
    TopicHit,
)
from readout_diff.topicpacks import TopicPack


@dataclass(frozen=True)
class JudgeOptions:
    """Tuning of the judgement."""

    confirm_aligned: float = 0.45
    """Encoder cosine from which a sentence as similar to an issue's evidence as the
    aligner's threshold confirms that the other side makes the same point."""
    confirm_unaligned: float = 0.6
    """Encoder cosine from which any sentence of the other side confirms it."""
    subjects: bool = True
    """Name one-sided points that no pack topic covers (:class:`TopicKind.SUBJECT`)."""
    subject_cosine: float = 0.4
    """A sentence is a one-sided subject only if no sentence of the other readout is
    this close to it (encoder cosine): a loosely similar sentence there is more often
    the same point in other words than a point of its own."""
    details_when_answered: bool = True
    """Roll a one-sided sub-issue up into its issue only when the other readout answers
    its sentence on that issue (else it stays a topic); False: whenever the other
    readout has the issue at all."""
    fold_frames: bool = True
    """A one-sided frame issue (the UN Charter, terrorism: ``frame`` in the pack) raised
    only in sentences on an issue both readouts discuss is that issue's detail."""
    fold_comentions: bool = True
    """A one-sided issue raised only in sentences that carry another one-sided issue of
    the same readout is a detail of that one: one sentence, one point."""


@dataclass(frozen=True)
class Judgement:
    """What the judging stage hands on: the readouts (with subject hits added), the
    issue-level topics and the issues mentioned only in passing."""

    a: TaggedReadout
    b: TaggedReadout
    topics: tuple[TopicDiff, ...]
    passing: tuple[TopicDiff, ...]


def issue_of(topic_id: str, topics: Mapping[str, Topic]) -> str:
    """The issue a topic belongs to: its parent's chain followed to the top."""
    seen = {topic_id}
    current = topic_id
    while True:
        parent = topics[current].parent if current in topics else ""
        if not parent or parent not in topics or parent in seen:
            return current
        seen.add(parent)
        current = parent


def judge(
    a: TaggedReadout,
    b: TaggedReadout,
    alignment: Alignment,
    topics: Mapping[str, Topic],
    pack: TopicPack | None = None,
    options: JudgeOptions | None = None,
) -> Judgement:
    """Issue-level topics of two readouts, judged as described in the module docstring."""
    opts = options or JudgeOptions()
    by_id = dict(topics)
    a, b = points.anchored_hits(a, b, pack)
    a, b = points.body_hits(a), points.body_hits(b)
    a, b = points.call_hits(a), points.call_hits(b)
    a, b = points.with_occasions(a), points.with_occasions(b)
    if opts.subjects:
        a, b, found = subjects.name_subjects(a, b, alignment, opts.subject_cosine)
        by_id.update(found)
    weak = _weak_aliases(pack)
    issues_a = _sentence_issues(a, by_id)
    issues_b = _sentence_issues(b, by_id)
    # Which sentences make a point of the call (not a title, the call itself, its tone).
    makes_point = (
        [subjects.is_point(s.text, s.index) for s in a.sentences],
        [subjects.is_point(s.text, s.index) for s in b.sentences],
    )
    consolidated, frames = _flagged(pack)
    key = _roll_up(
        a, b, alignment, by_id, (issues_a, issues_b), opts.details_when_answered, consolidated
    )
    if opts.fold_comentions:
        key = points.fold_comentions(key, a, b, weak)
    if opts.fold_frames:
        key = points.fold_frames(key, a, b, frames, weak)
    passing_a = points.circumstantial(a) | points.trailing_names(a, by_id, countries.ID_PREFIX)
    passing_b = points.circumstantial(b) | points.trailing_names(b, by_id, countries.ID_PREFIX)
    first_seen: dict[str, int] = {}
    for offset, tagged in ((0, a), (len(a.readout.text) + 1, b)):
        for hit in tagged.hits:
            first_seen.setdefault(key[hit.topic_id], offset + hit.start)
    diffs: list[TopicDiff] = []
    passing: list[TopicDiff] = []
    for issue in sorted(first_seen, key=lambda t: (first_seen[t], t)):
        hits_a = tuple(h for h in a.hits if key[h.topic_id] == issue)
        hits_b = tuple(h for h in b.hits if key[h.topic_id] == issue)
        presence_a = _presence(hits_a, weak, a.readout.language, passing_a)
        presence_b = _presence(hits_b, weak, b.readout.language, passing_b)
        topic = by_id[issue]
        diff = TopicDiff(
            topic=topic,
            side=Side.BOTH,
            hits_a=hits_a,
            hits_b=hits_b,
            presence=(presence_a, presence_b),
            details=_details(issue, hits_a, hits_b, by_id),
        )
        if hits_a and hits_b:
            diffs.append(diff)
            continue
        here, side = (0, Side.ONLY_A) if hits_a else (1, Side.ONLY_B)
        if diff.presence[here] is Presence.PASSING:
            passing.append(replace(diff, side=side))
            continue
        confirmed = _other_words(
            diff, here, alignment, (issues_a, issues_b), (a, b), makes_point, opts
        )
        diffs.append(confirmed or replace(diff, side=side))
    return Judgement(a=a, b=b, topics=tuple(diffs), passing=tuple(passing))


def _roll_up(
    a: TaggedReadout,
    b: TaggedReadout,
    alignment: Alignment,
    topics: Mapping[str, Topic],
    issues: tuple[list[set[str]], list[set[str]]],
    when_answered: bool = False,
    consolidated: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Each topic id of the hits -> the id it is reported under.

    A sub-issue goes under its issue when both readouts have it, or when one readout
    raises it in a sentence the aligner paired with a sentence of the other on the
    same issue: there it is that issue's detail. A sub-issue one side raises in a
    point of its own, which the other side does not answer, stays a topic of its
    own: "strategic stability talks" in a sentence of their own are a subject, not a
    detail of New START. Under a ``consolidated`` issue (the state of relations, whose
    sub-issues are facets of one subject) a sub-issue is always the issue's detail when
    the other readout has the issue.
    """
    present = ({h.topic_id for h in a.hits}, {h.topic_id for h in b.hits})
    where: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
    for side, tagged in enumerate((a, b)):
        for hit in tagged.hits:
            where[side].setdefault(hit.topic_id, set()).add(hit.sentence)
    partners: tuple[dict[int, set[int]], dict[int, set[int]]] = ({}, {})
    for i, j in alignment.answering_pairs():
        partners[0].setdefault(i, set()).add(j)
        partners[1].setdefault(j, set()).add(i)
    key: dict[str, str] = {}
    for topic_id in sorted(present[0] | present[1]):
        issue = issue_of(topic_id, topics)
        if issue == topic_id or (topic_id in present[0] and topic_id in present[1]):
            key[topic_id] = issue
            continue
        side = 0 if topic_id in present[0] else 1
        if not when_answered or issue in consolidated:
            # The other readout has the issue at all: the sub-issue is its detail.
            other = present[1 - side]
            key[topic_id] = issue if any(issue_of(t, topics) == issue for t in other) else topic_id
            continue
        answered = any(
            issue in issues[1 - side][j]
            for i in where[side][topic_id]
            for j in partners[side].get(i, ())
        )
        key[topic_id] = issue if answered else topic_id
    return key


@lru_cache(maxsize=8)
def _flagged(pack: TopicPack | None) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of the pack's consolidated issues and of its frame topics."""
    if pack is None:
        return frozenset(), frozenset()
    return (
        frozenset(s.id for s in pack.topics if s.consolidate),
        frozenset(s.id for s in pack.topics if s.frame),
    )


@lru_cache(maxsize=8)
def _weak_aliases(pack: TopicPack | None) -> Mapping[tuple[str, str], frozenset[str]]:
    """(topic id, language) -> the topic's weak aliases (read-only: it is shared)."""
    if pack is None:
        return MappingProxyType({})
    languages = {lang for spec in pack.topics for lang, _ in spec.aliases}
    found = {
        (spec.id, lang): frozenset(spec.weak_for(lang))
        for spec in pack.topics
        for lang in languages
    }
    return MappingProxyType({key: aliases for key, aliases in found.items() if aliases})


def _presence(
    hits: tuple[TopicHit, ...],
    weak: Mapping[tuple[str, str], frozenset[str]],
    lang: str,
    in_passing: frozenset[tuple[int, int]] = frozenset(),
) -> Presence:
    if not hits:
        return Presence.ABSENT
    if all(
        h.alias in weak.get((h.topic_id, lang), ()) or (h.sentence, h.start) in in_passing
        for h in hits
    ):
        return Presence.PASSING
    return Presence.DISCUSSED


def _details(
    issue: str,
    hits_a: tuple[TopicHit, ...],
    hits_b: tuple[TopicHit, ...],
    topics: Mapping[str, Topic],
) -> tuple[Detail, ...]:
    """Sub-issues of a shared issue that only one side raises, in order of mention."""
    in_a = {h.topic_id for h in hits_a}
    in_b = {h.topic_id for h in hits_b}
    details = []
    for hits, theirs, side in (
        (hits_a, in_b, Side.ONLY_A),
        (hits_b, in_a, Side.ONLY_B),
    ):
        seen: list[str] = []
        for hit in hits:
            if hit.topic_id != issue and hit.topic_id not in theirs and hit.topic_id not in seen:
                seen.append(hit.topic_id)
        for topic_id in seen:
            details.append(
                Detail(
                    topic=topics[topic_id],
                    side=side,
                    hits=tuple(h for h in hits if h.topic_id == topic_id),
                )
            )
    return tuple(details)


def _sentence_issues(tagged: TaggedReadout, topics: Mapping[str, Topic]) -> list[set[str]]:
    found: list[set[str]] = [set() for _ in tagged.sentences]
    for hit in tagged.hits:
        found[hit.sentence].add(issue_of(hit.topic_id, topics))
    return found


def _other_words(
    diff: TopicDiff,
    here: int,
    alignment: Alignment,
    issues: tuple[list[set[str]], list[set[str]]],
    readouts: tuple[TaggedReadout, TaggedReadout],
    points: tuple[list[bool], list[bool]],
    opts: JudgeOptions,
) -> TopicDiff | None:
    """``diff`` as a shared issue when the other readout says the same in other words."""
    if not alignment.semantic:
        return None
    there = 1 - here
    hits = diff.hits_a if here == 0 else diff.hits_b
    mine = sorted({h.sentence for h in hits})
    best: tuple[float, int, int] | None = None
    for i in mine:
        for j in range(len(readouts[there].sentences)):
            # A sentence with issues of its own says those, not this one (a pair that
            # shares an issue is explained by it); the other side's title or its
            # mention of the call itself makes no point.
            if issues[there][j] or not points[there][j]:
                continue
            a_b = (i, j) if here == 0 else (j, i)
            cos = alignment.semantic[a_b[0]][a_b[1]]
            # Pairs the aligner would pair (score over its threshold; the assignment's
            # tie-breaks are left out, so that swapping the readouts swaps the verdict).
            close = alignment.score(*a_b) >= alignment.threshold
            floor = opts.confirm_aligned if close else opts.confirm_unaligned
            if cos >= floor and (best is None or cos > best[0]):
                best = (cos, i, j)
    if best is None:
        return None
    cos, _, j = best
    return shared_in_other_words(diff, here, readouts[there].sentences[j], cos)


def shared_in_other_words(
    diff: TopicDiff, here: int, sentence: Sentence, confidence: float
) -> TopicDiff:
    """``diff``, one-sided on readout ``here``, shared: the other readout's ``sentence``
    says it in other words (its whole text the evidence), with ``confidence``."""
    hit = (TopicHit.whole(diff.topic.id, sentence, other_words=True),)
    presence = list(diff.presence)
    presence[1 - here] = Presence.DISCUSSED
    return replace(
        diff,
        side=Side.BOTH,
        hits_a=diff.hits_a if here == 0 else hit,
        hits_b=hit if here == 0 else diff.hits_b,
        presence=(presence[0], presence[1]),
        confidence=round(confidence, 3),
    )
