"""Typed data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing downstream sees a
spaCy ``Doc`` or a dict. Character offsets are code-point offsets into
``Readout.text``, the text exactly as it was read (see :mod:`readout_diff.reading`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readout_diff.framing import Framing

DEFAULT_THRESHOLD = 0.35
"""Similarity below which two sentences are not aligned (with the sentence encoder)."""
DEFAULT_ENCODER = "use"
"""The sentence encoder used unless ``--encoder`` says otherwise (:mod:`.similarity`)."""
ENCODERS = ("use", "none")
"""Encoder names the command line accepts: ``none`` is lexical only."""
LEXICAL_THRESHOLD = 0.25
"""The same, when the similarity is lexical only: its scores run lower."""


@dataclass(frozen=True)
class Readout:
    """One government's account of the call, as read from a file."""

    name: str
    text: str
    language: str
    path: str | None = None
    encoding: str | None = None
    """The encoding the file was read in (a Python codec name), None for text in memory."""
    source_format: str = "text"
    """What the text was extracted from: ``text``, ``html`` or ``markdown``."""
    dropped: tuple[str, ...] = field(default=(), repr=False, compare=False)
    """Boilerplate lines left out of ``text`` (comment forms, share buttons, bylines …)."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a readout, with offsets into the readout's text."""

    index: int
    start: int
    end: int
    text: str
    lemmas: tuple[str, ...] = field(default=(), repr=False, compare=False)
    """Lowercase lemmas of the sentence's content words (no stop words, no punctuation)."""


@dataclass(frozen=True)
class SegmentedReadout:
    """A readout split into sentences."""

    readout: Readout
    sentences: tuple[Sentence, ...]


class TopicKind(StrEnum):
    """Where a topic comes from: a topic pack, or named things found in the text."""

    PACK = "pack"
    ADHOC = "adhoc"
    SUBJECT = "subject"
    """A point one side makes that no pack topic covers, named by its words."""


@dataclass(frozen=True)
class Topic:
    """An issue-level subject of diplomacy, such as "New START" or "Ukraine"."""

    id: str
    label: str
    group: str = ""
    kind: TopicKind = TopicKind.PACK
    parent: str = ""
    """The id of the issue this topic is a detail of; "" for an issue."""


@dataclass(frozen=True)
class TopicHit:
    """Evidence that a sentence carries a topic: the span of text that triggered it."""

    topic_id: str
    sentence: int
    start: int
    end: int
    text: str
    negated: bool = False
    alias: str = ""
    """The pack alias that matched (empty for ad-hoc names)."""
    other_words: bool = False
    """True for a sentence that makes a one-sided issue's point in other words (see
    :mod:`readout_diff.judging`): no alias matched; the whole sentence is the evidence."""
    paired: bool = False
    """True for a sentence of a shared issue's answers (:attr:`TopicDiff.answers`): no
    alias matched; the aligner paired it with a sentence on the issue; the whole
    sentence is the evidence."""
    point: bool = False
    """True for a sentence whose one issue this is (:attr:`TopicDiff.points`): the whole
    sentence is the issue's point there, beside the words that matched in it."""

    @classmethod
    def whole(
        cls,
        topic_id: str,
        sentence: Sentence,
        *,
        other_words: bool = False,
        paired: bool = False,
        point: bool = False,
    ) -> TopicHit:
        """A hit whose evidence is a whole sentence (a paraphrase, an answer, a point)."""
        return cls(
            topic_id=topic_id,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            other_words=other_words,
            paired=paired,
            point=point,
        )


def in_text_order(hits: Iterable[TopicHit]) -> tuple[TopicHit, ...]:
    """The hits in text order (start, end, topic), each given twice kept once."""
    return tuple(sorted(dict.fromkeys(hits), key=lambda h: (h.start, h.end, h.topic_id)))


@dataclass(frozen=True)
class TaggedReadout:
    """A segmented readout with the topic hits found in it, in text order."""

    segmented: SegmentedReadout
    hits: tuple[TopicHit, ...]

    @property
    def readout(self) -> Readout:
        return self.segmented.readout

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.segmented.sentences

    def with_hits(self, extra: Iterable[TopicHit]) -> TaggedReadout:
        """This readout with more hits, all kept in text order (a hit given twice once)."""
        added = tuple(extra)
        if not added:
            return self
        return TaggedReadout(segmented=self.segmented, hits=in_text_order((*self.hits, *added)))

    def topic_ids(self) -> frozenset[str]:
        """Topics this readout mentions at least once."""
        return frozenset(hit.topic_id for hit in self.hits)

    def sentence_topics(self, index: int) -> frozenset[str]:
        """Topics carried by one sentence."""
        return frozenset(hit.topic_id for hit in self.hits if hit.sentence == index)

    def topics_by_sentence(self) -> tuple[frozenset[str], ...]:
        """The topics of every sentence, in one pass over the hits."""
        found: list[set[str]] = [set() for _ in self.sentences]
        for hit in self.hits:
            found[hit.sentence].add(hit.topic_id)
        return tuple(frozenset(topics) for topics in found)


@dataclass(frozen=True)
class PairEvidence:
    """What carried an alignment: the words, numbers and topics the two sides share,
    and the score of each signal (the best over the group's sentence pairs)."""

    words: tuple[str, ...] = ()
    """Content lemmas of side A that side B has too (across languages: through the
    glossary or a transliterated name)."""
    numbers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    lexical: float = 0.0
    topic: float = 0.0
    semantic: float | None = None
    """The sentence encoder's cosine; None when the similarity is lexical only."""
    pairing: float | None = None
    """The pairing model's probability that the two report the same point (see
    :mod:`readout_diff.pairing`); None when the model was not used."""


@dataclass(frozen=True)
class AlignedGroup:
    """Sentences of readout A and readout B that report the same point.

    Usually one sentence on each side; one side may hold two sentences when the
    other readout splits a point in two (1:n). A sentence may sit in two groups
    when it is the mutual best match of a sentence the assignment paired elsewhere.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    evidence: PairEvidence | None = field(default=None, compare=False)
    """Why the two sides were paired; None for groups made outside the aligner."""


@dataclass(frozen=True)
class Alignment:
    """The sentence alignment of two readouts, with every pair's similarity."""

    groups: tuple[AlignedGroup, ...]
    unmatched_a: tuple[int, ...]
    """Sentences of readout A in no group that passes the threshold on content: points
    it makes alone (a weak pair's sentences among them; a title line, which names the
    event and pairs only with the other title, is never one)."""
    unmatched_b: tuple[int, ...]
    threshold: float
    similarity: tuple[tuple[float, ...], ...] = field(repr=False, default=())
    encoder: str | None = None
    """The sentence encoder behind the similarity; None when it is lexical only."""
    semantic: tuple[tuple[float, ...], ...] = field(repr=False, default=())
    """The encoder's cosine of every sentence pair; empty when lexical only."""
    note: str = ""
    """Why the similarity is lexical only, when it is."""

    def score(self, a: int, b: int) -> float:
        """Similarity of sentence ``a`` of readout A and sentence ``b`` of readout B."""
        return self.similarity[a][b]

    def answering_pairs(self) -> Iterator[tuple[int, int]]:
        """(sentence of A, sentence of B) of every pair a group holds whose content
        similarity reaches the threshold: the pairs that show one answers the other. (A
        pair the position prior or the pairing model alone lifted places the two
        sentences together; it does not show that.) A pair may come twice."""
        for group in self.groups:
            for i in group.a:
                for j in group.b:
                    if self.score(i, j) >= self.threshold:
                        yield i, j


class Presence(StrEnum):
    """How a readout has an issue: as a subject, in passing, or not at all."""

    DISCUSSED = "discussed"
    PASSING = "passing"
    ABSENT = "absent"


class Side(StrEnum):
    """Which readouts mention a topic."""

    BOTH = "both"
    ONLY_A = "only_a"
    ONLY_B = "only_b"


@dataclass(frozen=True)
class Detail:
    """A sub-issue that only one side raises under an issue both discuss."""

    topic: Topic
    side: Side
    hits: tuple[TopicHit, ...]


@dataclass(frozen=True)
class TopicDiff:
    """One topic and where it appears."""

    topic: Topic
    side: Side
    hits_a: tuple[TopicHit, ...]
    hits_b: tuple[TopicHit, ...]
    pairs: tuple[AlignedGroup, ...] = ()
    """For a shared topic: aligned sentence groups that carry it on both sides."""
    presence: tuple[Presence, Presence] = (Presence.DISCUSSED, Presence.DISCUSSED)
    """How each readout has the issue (absent where it has no hit)."""
    details: tuple[Detail, ...] = ()
    """Sub-issues of a shared issue that only one side raises."""
    confidence: float | None = None
    """For an issue shared "in other words": the encoder's cosine of the sentence that
    says it on the side with no alias (its hit has ``other_words``)."""
    answers: tuple[tuple[TopicHit, ...], tuple[TopicHit, ...]] = ((), ())
    """For a shared issue, per readout: the sentences with none of its words that the
    aligner paired with a sentence on it in the other readout (hits ``paired``, whole
    sentences): where that readout answers the other's point in words of its own.
    Evidence of the issue; never presence, which stays with ``hits_a``/``hits_b``."""
    points: tuple[tuple[TopicHit, ...], tuple[TopicHit, ...]] = ((), ())
    """Per readout, the sentences whose one issue this is, each as a whole sentence (hits
    ``point``): a sentence that carries no other issue of the report makes its point on
    this one, in all its words ("the American demand that humanitarian aid be allowed to
    enter the Gaza Strip" is the Middle East's, not only "Gaza Strip"). Evidence of the
    issue; never presence."""

    @property
    def hits(self) -> tuple[tuple[TopicHit, ...], tuple[TopicHit, ...]]:
        """``(hits_a, hits_b)``: the hits that found the topic, per readout (by side)."""
        return self.hits_a, self.hits_b

    def evidence(self, side: int) -> tuple[TopicHit, ...]:
        """All of one readout's evidence of the topic (0: A, 1: B): its hits, then the
        sentences that answer the other's point on it, then its points."""
        return self.hits[side] + self.answers[side] + self.points[side]

    @property
    def in_other_words(self) -> bool:
        """True when one side's evidence is a paraphrase, not a pack alias."""
        return any(h.other_words for h in self.hits_a + self.hits_b)

    @property
    def negated_only(self) -> bool:
        """True when every mention says the topic was *not* discussed."""
        hits = self.hits_a + self.hits_b
        return bool(hits) and all(hit.negated for hit in hits)


@dataclass(frozen=True)
class PackInfo:
    """Which topic pack(s) a report used."""

    name: str
    version: str
    sources: tuple[str, ...]
    topics: int


@dataclass(frozen=True)
class Report:
    """Everything readout-diff found when comparing two readouts."""

    a: TaggedReadout
    b: TaggedReadout
    topics: tuple[TopicDiff, ...]
    alignment: Alignment
    pack: PackInfo
    framing: Framing | None = None
    """Actor and act per sentence, tone, initiator, duration, topic weight (see framing.py)."""
    passing: tuple[TopicDiff, ...] = ()
    """Issues one readout only mentions in passing and the other not at all: shown, never
    one-sided (see :mod:`readout_diff.judging`)."""

    @property
    def shared(self) -> tuple[TopicDiff, ...]:
        return tuple(t for t in self.topics if t.side is Side.BOTH)

    @property
    def only_a(self) -> tuple[TopicDiff, ...]:
        return tuple(t for t in self.topics if t.side is Side.ONLY_A)

    @property
    def only_b(self) -> tuple[TopicDiff, ...]:
        return tuple(t for t in self.topics if t.side is Side.ONLY_B)


@dataclass(frozen=True)
class TopicPresence:
    """One topic across three or more readouts: its hits in each."""

    topic: Topic
    hits: tuple[tuple[TopicHit, ...], ...]
    presence: tuple[Presence, ...] = ()
    """How each readout has the issue (discussed, in passing, absent); () when only
    its hits are known."""
    details: tuple[TopicPresence, ...] = ()
    """Sub-issues of this issue that some of the readouts discussing it raise and others
    do not ("only bundesregierung and elysee mention the Zaporizhzhia plant")."""

    @property
    def in_other_words(self) -> bool:
        """Whether some readout has the issue only through another readout's words in
        other words (a paraphrase, :attr:`TopicHit.other_words`)."""
        return any(hits and all(h.other_words for h in hits) for hits in self.hits)

    @property
    def present(self) -> tuple[bool, ...]:
        return tuple(bool(h) for h in self.hits)

    @property
    def judged(self) -> tuple[Presence, ...]:
        """How each readout has the topic: :attr:`presence` as the pairs judged it, else
        discussed where it has hits and absent where it has none."""
        if self.presence:
            return self.presence
        return tuple(Presence.DISCUSSED if h else Presence.ABSENT for h in self.hits)

    @property
    def missing(self) -> tuple[int, ...]:
        """Indices of the readouts that do not mention the topic."""
        return tuple(i for i, h in enumerate(self.hits) if not h)

    @property
    def status(self) -> str:
        """ "all", "missing_one" (absent from exactly one account) or "some"."""
        missing = len(self.missing)
        return "all" if not missing else "missing_one" if missing == 1 else "some"


@dataclass(frozen=True)
class PairAlignment:
    """The sentence alignment of readouts ``a`` and ``b`` (indices into the report)."""

    a: int
    b: int
    alignment: Alignment


@dataclass(frozen=True)
class MultiReport:
    """What readout-diff found when comparing three or more accounts of one call."""

    readouts: tuple[TaggedReadout, ...]
    topics: tuple[TopicPresence, ...]
    alignments: tuple[PairAlignment, ...]
    pack: PackInfo

    @property
    def differences(self) -> bool:
        """True when some topic is missing from at least one account."""
        return any(t.missing for t in self.topics)
