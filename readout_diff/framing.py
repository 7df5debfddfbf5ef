"""Framing stage: who said what, what kind of statement it is, and how the talks went.

The analyst's columns beside the topics: per sentence the actor (side A's leader or
government, side B's, both, or someone else) and the act (agree, discuss, demand,
warn, concern, welcome, inform, other), as keyed in ``eval/ACTS.md``; per readout
the words it uses for the talks ("businesslike and frank"), whose initiative the
call was and how long it lasted; per topic its share of the readout's words and the
rank of its first mention; per aligned group whether the two accounts disagree on
the act or the actor.

Readouts are formulaic, so rules on the text do it, offline and in both languages:
the reporting verb ("agreed", "raised concerns", "договорились") gives the act, and
the words before it (the subject) give the actor. Whose leader is whose is read
from the readout itself: the title and the first sentences name the own leader
before "with" / "с" and the counterpart after it ("Readout of President Biden's
Call with President Putin", "Телефонный разговор с Президентом США").

The words it reads are data, in :mod:`readout_diff.framing_lexicon`. What is left
here, about 600 lines, is one job: rules applied to a sentence in order (parties,
reporting verbs, subject, main clause), kept together so that they read top to bottom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import TypeVar

from readout_diff.framing_lexicon import (
    BOTH_SIDES,
    CALL_NOUN,
    CALL_SUBJECT,
    CALLED_BY,
    CLAUSE_BREAK,
    COUNTRIES,
    CUES,
    DURATION,
    DURATION_CONTEXT,
    FIRST_PERSON,
    INITIATIVE,
    LATTER,
    LEADERS,
    MODAL,
    NOMINAL_CUES,
    OWN_TITLES,
    PASSIVE_BEFORE,
    RU_PASSIVE,
    SUBORDINATE,
    THIRD_PERSON,
    TONE_NOUN,
    TONE_WORDS,
    WORD,
)
from readout_diff.model import Alignment, Sentence, TaggedReadout, TopicDiff


class Actor(StrEnum):
    """Who a statement is attributed to."""

    A = "a"
    B = "b"
    BOTH = "both"
    OTHER = "other"


class Act(StrEnum):
    """What kind of statement a sentence makes (see ``eval/ACTS.md``)."""

    AGREE = "agree"
    DISCUSS = "discuss"
    DEMAND = "demand"
    WARN = "warn"
    CONCERN = "concern"
    WELCOME = "welcome"
    INFORM = "inform"
    OTHER = "other"


_Label = TypeVar("_Label", Actor, Act)


@dataclass(frozen=True)
class Clause:
    """One reporting verb of a sentence and who it is attributed to."""

    actor: Actor
    act: Act
    cue: str
    """The words that gave the act ("agreed", "raised other matters of concern")."""
    start: int
    """Offset of the cue in the sentence's text."""
    main: bool = True
    """False for a verb in a subordinate clause ("noted that the sides had agreed")."""


@dataclass(frozen=True)
class SentenceFrame:
    """The actor and act of one sentence: its main clause's, then every clause's."""

    sentence: int
    actor: Actor
    act: Act
    clauses: tuple[Clause, ...]
    title: bool = False
    """The readout's title line (framed like the others, but not a point of the call)."""
    words: int = 0
    """Length of the sentence in words."""

    @property
    def acts(self) -> tuple[Act, ...]:
        """The acts of all clauses, main clause first, each once."""
        return _unique([self.act, *(c.act for c in self.clauses)])

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The actors of all clauses, main clause first, each once."""
        return _unique([self.actor, *(c.actor for c in self.clauses)])


@dataclass(frozen=True)
class ReadoutFrame:
    """Per readout: its sentences' frames, the talks' characterisation, the call's facts."""

    side: Actor
    """Which readout this is (``a`` or ``b``)."""
    leader: str
    """The own leader as the readout names them ("Putin"), empty when not found."""
    counterpart: str
    """The other leader as the readout names them, empty when not found."""
    sentences: tuple[SentenceFrame, ...]
    tone: tuple[str, ...]
    """Words the readout uses for the talks, lowercase as in the text ("businesslike")."""
    initiator: Actor | None
    """Whose initiative the call was, as this readout says (None: not said)."""
    duration: str
    """How long the call lasted, as the readout states it ("more than an hour"), or ""."""
    words: int
    """Length of the readout in words, the title left out."""


@dataclass(frozen=True)
class TopicFrame:
    """Per topic and readout: weight, order, and who did what about it."""

    topic_id: str
    share: tuple[float, float]
    """Words of the sentences carrying the topic over the readout's words, A then B."""
    rank: tuple[int | None, int | None]
    """Place of the topic's first mention among each readout's topics (1 = first)."""
    actors: tuple[tuple[Actor, ...], tuple[Actor, ...]]
    acts: tuple[tuple[Act, ...], tuple[Act, ...]]
    """Every clause's act in the sentences carrying the topic, in text order, each once."""


@dataclass(frozen=True)
class GroupFrame:
    """An aligned group's acts and actors on each side, and whether the accounts disagree."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    acts: tuple[tuple[Act, ...], tuple[Act, ...]]
    actors: tuple[tuple[Actor, ...], tuple[Actor, ...]]
    act_differs: bool
    """No act is common to the two sides' sentences ("A: agreed", "B: discussed")."""
    actor_differs: bool
    """No actor is common to the two sides' sentences."""


@dataclass(frozen=True)
class Framing:
    """The analyst's columns for a pair of readouts."""

    a: ReadoutFrame
    b: ReadoutFrame
    topics: tuple[TopicFrame, ...]
    groups: tuple[GroupFrame, ...]

    @property
    def initiator(self) -> Actor | None:
        """Whose initiative the call was, as either readout says."""
        return self.a.initiator or self.b.initiator

    @property
    def duration(self) -> str:
        """The call's length as the first readout that states it says."""
        return self.a.duration or self.b.duration

    def topic(self, topic_id: str) -> TopicFrame | None:
        """The frame of one topic, None if the report does not have it."""
        return self._topics.get(topic_id)

    def group(self, a: tuple[int, ...], b: tuple[int, ...]) -> GroupFrame | None:
        """The frame of the aligned group of sentences ``a`` and ``b``."""
        return self._groups.get((a, b))

    @cached_property
    def _topics(self) -> dict[str, TopicFrame]:
        return {t.topic_id: t for t in self.topics}

    @cached_property
    def _groups(self) -> dict[tuple[tuple[int, ...], tuple[int, ...]], GroupFrame]:
        return {(g.a, g.b): g for g in self.groups}


def _unique(items: Iterable[_Label]) -> tuple[_Label, ...]:
    """The items in their order, each once."""
    return tuple(dict.fromkeys(items))


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _party_pattern(patterns: Iterable[str]) -> re.Pattern[str]:
    # Russian stems take any ending; English names may take a possessive.
    return re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")\w*(?:'s|’s)?")


_LEADER_RE = {code: _party_pattern(names) for code, names in LEADERS.items()}
_COUNTRY_RE = {code: _party_pattern(names) for code, names in COUNTRIES.items()}
_CUE_RE = [
    (Act(act), re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE))
    for act, patterns in CUES.items()
]
_NOMINAL_RE = [
    (Act(act), re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE))
    for act, patterns in NOMINAL_CUES.items()
]


@dataclass(frozen=True)
class Parties:
    """Who is who in one readout: country codes and the leaders' names as written."""

    own: str
    other: str
    own_name: str
    other_name: str


def _leaders_in(text: str) -> list[tuple[int, str, str]]:
    """(offset, country, name as written) of every leader named in a text, in order."""
    found = [
        (m.start(), code, m.group(0)) for code, rx in _LEADER_RE.items() for m in rx.finditer(text)
    ]
    return sorted(found)


def _countries_in(text: str) -> list[tuple[int, str]]:
    found = [(m.start(), code) for code, rx in _COUNTRY_RE.items() for m in rx.finditer(text)]
    return sorted(found)


def find_parties(sentences: Sequence[Sentence]) -> Parties:
    """Whose readout this is: the leader named before "with" / "с" in the opening lines."""
    own = other = own_name = other_name = ""
    for sentence in sentences[:3]:
        text = sentence.text
        split = re.search(r"\b(?:with|с|со)\b", text)
        for pos, code, name in _leaders_in(text):
            before = split is None or pos < split.start()
            if before and not own and code != other:
                own, own_name = code, name
            elif not before and not other and code != own:
                other, other_name = code, name
        if not other and split is not None:
            # "Telephone conversation with the President of the United States of America"
            after = [code for pos, code in _countries_in(text) if pos > split.start()]
            if after and after[0] != own:
                other = after[0]
        if own and other:
            break
    if not own and other:
        # A first-person statement ("President Putin of Russia and I just had a call").
        for sentence in sentences[:3]:
            for _, code, name in _leaders_in(sentence.text):
                if code != other:
                    own, own_name = code, name
                    break
            if own:
                break
    return Parties(own, other, own_name, other_name)


def _side_of(code: str, parties: Parties, own_side: Actor) -> Actor | None:
    opposite = Actor.B if own_side is Actor.A else Actor.A
    if code and code == parties.own:
        return own_side
    if code and code == parties.other:
        return opposite
    return None


def _subject_actor(
    window: str, parties: Parties, own_side: Actor, previous: Actor | None
) -> Actor | None:
    """The actor named in the words before a reporting verb, or None if none is."""
    opposite = Actor.B if own_side is Actor.A else Actor.A
    if BOTH_SIDES.search(window):
        return Actor.BOTH
    mentions: list[tuple[int, Actor | None]] = []
    for pos, code, _ in _leaders_in(window):
        mentions.append((pos, _side_of(code, parties, own_side) or Actor.OTHER))
    leader_spans = {pos for pos, _, _ in _leaders_in(window)}
    for pos, code in _countries_in(window):
        if pos not in leader_spans:
            mentions.append((pos, _side_of(code, parties, own_side) or Actor.OTHER))
    for m in FIRST_PERSON.finditer(window):
        mentions.append((m.start(), own_side))
    for m in LATTER.finditer(window):
        mentions.append((m.start(), opposite))
    sides = {actor for _, actor in mentions}
    if Actor.A in sides and Actor.B in sides and re.search(r"\b(?:and|и)\b", window):
        return Actor.BOTH
    if mentions:
        # The mention nearest the verb, unless a side's own is there: "Ukraine's
        # sovereignty" is a topic, "President Biden" the speaker.
        named = [(pos, a) for pos, a in mentions if a in (Actor.A, Actor.B)]
        return max(named or mentions, key=lambda m: m[0])[1]
    if THIRD_PERSON.search(window):
        return previous if previous in (Actor.A, Actor.B) else own_side
    if OWN_TITLES.search(window):
        return own_side
    return None


def _cues(text: str) -> list[tuple[int, int, Act]]:
    """Every reporting verb in a text: (start, end, act), one per start, longest first."""
    found: dict[int, tuple[int, Act]] = {}
    for act, rx in _CUE_RE:
        for m in rx.finditer(text):
            best = found.get(m.start())
            if best is None or m.end() > best[0]:
                found[m.start()] = (m.end(), act)
    spans = sorted((start, end, act) for start, (end, act) in found.items())
    kept: list[tuple[int, int, Act]] = []
    for start, end, act in spans:
        if kept and start < kept[-1][1]:
            continue  # inside a longer cue ("expressed satisfaction" holds no "satisfaction")
        kept.append((start, end, act))
    return kept


def act_of(cue: str) -> Act | None:
    """The act a reporting verb stands for."""
    for act, rx in _CUE_RE:
        if rx.fullmatch(cue):
            return act
    return None


def _is_passive(before: str, cue: str, lang_ru: bool) -> bool:
    if lang_ru:
        return bool(RU_PASSIVE.match(cue))
    return bool(PASSIVE_BEFORE.search(before))


def frame_sentence(
    sentence: Sentence,
    parties: Parties,
    own_side: Actor,
    previous: Actor | None = None,
    *,
    title: bool = False,
) -> SentenceFrame:
    """The actor and act of one sentence (``previous``: the last speaker, for "he")."""
    text = sentence.text
    lang_ru = bool(re.search(r"[а-яё]", text, re.IGNORECASE))
    cues = _cues(text)
    clauses: list[Clause] = []
    last_end = 0
    for start, end, act in cues:
        before = text[:start]
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(before) if m.end() > last_end]
        cue = text[start:end]
        if clauses and not breaks:
            # "invited X to visit Moscow and expressed readiness": the same subject.
            clauses.append(replace(clauses[-1], act=act, cue=cue, start=start))
            last_end = end
            continue
        window = text[breaks[-1] if breaks else last_end : start]
        if act is Act.INFORM and re.match(r"(?:in|according|по)\b", text[start:end], re.I):
            window = text[start:end]  # "In his view", "По его словам": the speaker is inside
        if _is_passive(before, cue, lang_ru) and not _leaders_in(window):
            actor: Actor | None = Actor.BOTH  # "relations were also discussed", "обсуждались"
        else:
            actor = _subject_actor(window, parties, own_side, previous)
        if actor is None:
            actor = _no_subject(text, start, end, before, lang_ru, clauses, parties, own_side)
        main = not SUBORDINATE.search(before)
        clauses.append(Clause(actor=actor, act=act, cue=cue, start=start, main=main))
        last_end = end
    nominal = [
        Clause(
            actor=clauses[-1].actor if clauses else Actor.BOTH,
            act=act,
            cue=m.group(0),
            start=m.start(),
            main=False,
        )
        for act, rx in _NOMINAL_RE
        for m in rx.finditer(text)
    ]
    actor, act = _main(text, clauses, parties, own_side, previous)
    all_clauses = tuple(sorted([*clauses, *nominal], key=lambda c: c.start))
    return SentenceFrame(
        sentence=sentence.index,
        actor=actor,
        act=act,
        clauses=all_clauses,
        title=title,
        words=len(WORD.findall(text)),
    )


def _no_subject(
    text: str,
    start: int,
    end: int,
    before: str,
    lang_ru: bool,
    clauses: list[Clause],
    parties: Parties,
    own_side: Actor,
) -> Actor:
    """The actor of a verb with no subject before it."""
    cue = text[start:end]
    if clauses and not CALL_NOUN.search(before[clauses[-1].start :]):
        return clauses[-1].actor  # "discussed X, and agreed to Y": the same subject
    if lang_ru:
        # Russian puts the subject after the verb ("Состоялся разговор Владимира Путина с").
        after = re.split(r"\b(?:с|со)\b|,", text[end:], maxsplit=1)[0]
        found = _subject_actor(after, parties, own_side, None)
        return found or Actor.BOTH
    if CALL_NOUN.search(before):
        return Actor.OTHER  # "The conversation lasted an hour"
    if act_of(cue) in (Act.DISCUSS, Act.AGREE):
        return Actor.BOTH  # "The international matters touched upon included ..."
    return own_side if not before.strip(" ,") else Actor.OTHER  # "Thank you for ..."


def _main(
    text: str,
    clauses: list[Clause],
    parties: Parties,
    own_side: Actor,
    previous: Actor | None,
) -> tuple[Actor, Act]:
    """The main clause's actor and act; a sentence with no reporting verb continues a speaker."""
    call_fact = bool(INITIATIVE.search(text) or _duration_in(text))
    if CALL_SUBJECT.match(text) and (call_fact or not clauses):
        return Actor.OTHER, Act.OTHER  # "The call took place at the initiative of ..."
    mains = [c for c in clauses if c.main]
    if mains:
        first = mains[0]
        if first.act is Act.DISCUSS and call_fact and first.cue.lower().startswith("состоял"):
            return Actor.OTHER, Act.OTHER  # "Разговор состоялся по инициативе ..."
        return first.actor, first.act
    head = re.split(
        r"\b(?:will|would|is|are|was|were|has|have|had|should|must|can|remains?)\b", text
    )[0]
    head = " ".join(head.split()[:12])
    named = _subject_actor(head, parties, own_side, previous)
    if named in (Actor.A, Actor.B) and previous not in (Actor.A, Actor.B):
        return named, Act.INFORM
    if previous in (Actor.A, Actor.B):
        # Reported speech goes on ("The history of the Taiwan question is crystal clear").
        return previous, Act.DEMAND if MODAL.search(text) else Act.INFORM
    if named is not None:
        return named, Act.DEMAND if MODAL.search(text) else Act.OTHER
    return Actor.OTHER, Act.OTHER


def tone_words(text: str) -> tuple[str, ...]:
    """Words a sentence uses to characterise the talks, lowercase as written.

    A tone word counts just before a word for the talks ("a candid and constructive
    discussion", "деловой и откровенный характер") or after one in the same clause
    ("The conversation ... was businesslike and frank", "regarded the call as candid").
    """
    nouns = [(m.start(), m.end()) for m in TONE_NOUN.finditer(text)]
    words: list[str] = []
    for m in TONE_WORDS.finditer(text):
        before = any(
            n_start >= m.end() and len(WORD.findall(text[m.end() : n_start])) <= 4
            for n_start, _ in nouns
        )
        after = any(
            n_end <= m.start() and _describes(text[n_end : m.start()]) for _, n_end in nouns
        )
        if (before or after) and m.group(0).lower() not in words:
            words.append(m.group(0).lower())
    return tuple(words)


def _describes(between: str) -> bool:
    """Whether the words between a noun for the talks and an adjective make it predicative."""
    if len(WORD.findall(between)) > 12 or re.search(r"[;:]|\bthat\b|, что", between):
        return False
    return not between.strip() or bool(
        re.search(r"\b(?:was|were|is|as|been|proved|remained|носил\w*|прош[её]л\w*)\b", between)
    )


def _tone_sentence(text: str) -> bool:
    """A sentence that describes the talks ("was frank", "had a candid exchange")."""
    return bool(
        re.search(
            r"\b(?:was|were|as|had|held|носил\w*|прош[её]л\w*|состоял\w*|в\s+\w+\s+ключе"
            r"|regarded|considered|described|called|characteri[sz]ed|характер\w*|обмен\w*)\b",
            text,
            re.IGNORECASE,
        )
    )


def initiator(text: str, parties: Parties, own_side: Actor) -> Actor | None:
    """Whose initiative the call was, when the sentence says so."""
    opposite = Actor.B if own_side is Actor.A else Actor.A
    m = INITIATIVE.search(text)
    if m and (CALL_NOUN.search(text) or re.search(r"\bspo?ke\b", text)):
        if m.group("en_my"):
            return own_side
        who = m.group("en_of") or m.group("en_poss") or m.group("ru") or ""
        if LATTER.search(who):
            return opposite
        if re.search(r"\b(?:former|первого)\b", who, re.IGNORECASE):
            return own_side
        return _subject_actor(who, parties, own_side, None)
    called = CALLED_BY.search(text)
    if called:
        return _subject_actor(called.group("other"), parties, own_side, None)
    return None


_DURATION_WORD = re.compile(r"hour|minute|час|минут", re.IGNORECASE)


def _duration_in(text: str) -> str:
    # The cheap test first: most sentences name no length at all.
    if not _DURATION_WORD.search(text) or not DURATION_CONTEXT.search(text):
        return ""
    m = DURATION.search(text)
    if not m:
        return ""
    stated = re.search(r"длил|продолжал|продолжительност", text, re.IGNORECASE)
    hedged = re.search(r"(?:около|почти|более|свыше|примерно|порядка)\s+\S*час", m.group(0))
    if m.group("ru") and not stated and not hedged:
        return ""  # "час" alone is too common a word to be a length
    return m.group(0).strip()


def frame_readout(tagged: TaggedReadout, side: Actor) -> ReadoutFrame:
    """Every sentence's actor and act, and the readout's tone, initiator and duration."""
    sentences = tagged.sentences
    parties = find_parties(sentences)
    frames: list[SentenceFrame] = []
    previous: Actor | None = None
    tone: list[str] = []
    found_initiator: Actor | None = None
    duration = ""
    for sentence in sentences:
        title = is_title(sentence, tagged.readout.text)
        frame = frame_sentence(sentence, parties, side, previous, title=title)
        frames.append(frame)
        if title:
            continue
        previous = frame.actor if frame.actor in (Actor.A, Actor.B) else previous
        if frame.actor is Actor.BOTH:
            previous = None
        tone.extend(w for w in tone_words(sentence.text) if w not in tone)
        found_initiator = found_initiator or initiator(sentence.text, parties, side)
        duration = duration or _duration_in(sentence.text)
    words = sum(f.words for f in frames if not f.title)
    return ReadoutFrame(
        side=side,
        leader=parties.own_name,
        counterpart=parties.other_name,
        sentences=tuple(frames),
        tone=tuple(tone),
        initiator=found_initiator,
        duration=duration,
        words=words,
    )


def is_title(sentence: Sentence, text: str) -> bool:
    """The first sentence is a title when it has no full stop and ends its line."""
    if sentence.index != 0:
        return False
    rest = text[sentence.end : sentence.end + 2]
    return not sentence.text.rstrip().endswith((".", "!", "?", ":")) and (
        rest.startswith(("\n", "\r")) or not rest
    )


def _topic_frame(
    diff: TopicDiff, frames: tuple[ReadoutFrame, ReadoutFrame], ranks: tuple[dict[str, int], ...]
) -> TopicFrame:
    shares: list[float] = []
    actors: list[tuple[Actor, ...]] = []
    acts: list[tuple[Act, ...]] = []
    for frame, hits in zip(frames, (diff.hits_a, diff.hits_b), strict=True):
        indices = sorted({h.sentence for h in hits if not frame.sentences[h.sentence].title})
        words = sum(frame.sentences[i].words for i in indices)
        shares.append(round(words / frame.words, 3) if frame.words else 0.0)
        actors.append(_unique(a for i in indices for a in frame.sentences[i].actors))
        acts.append(_unique(a for i in indices for a in frame.sentences[i].acts))
    return TopicFrame(
        topic_id=diff.topic.id,
        share=(shares[0], shares[1]),
        rank=(ranks[0].get(diff.topic.id), ranks[1].get(diff.topic.id)),
        actors=(actors[0], actors[1]),
        acts=(acts[0], acts[1]),
    )


def _ranks(topics: Sequence[TopicDiff], frame: ReadoutFrame, side: int) -> dict[str, int]:
    """Each topic's rank of first mention in one readout, its details' hits included
    (a sub-issue rolled up into its issue is a mention of the issue)."""
    first: dict[str, int] = {}
    for diff in topics:
        hits = (diff.hits_a, diff.hits_b)[side]
        starts = [h.start for h in hits if not frame.sentences[h.sentence].title]
        if starts:
            first[diff.topic.id] = min(starts)
    order = sorted(first, key=lambda t: (first[t], t))
    return {topic_id: k + 1 for k, topic_id in enumerate(order)}


def frame(
    a: TaggedReadout, b: TaggedReadout, alignment: Alignment, topics: Sequence[TopicDiff]
) -> Framing:
    """The analyst's columns for two readouts, their alignment and their topics."""
    frame_a, frame_b = frame_readout(a, Actor.A), frame_readout(b, Actor.B)
    ranks = (_ranks(topics, frame_a, 0), _ranks(topics, frame_b, 1))
    topic_frames = tuple(_topic_frame(d, (frame_a, frame_b), ranks) for d in topics)
    groups = tuple(_group_frame(g.a, g.b, frame_a, frame_b) for g in alignment.groups)
    return Framing(a=frame_a, b=frame_b, topics=topic_frames, groups=groups)


def _group_frame(
    a: tuple[int, ...], b: tuple[int, ...], frame_a: ReadoutFrame, frame_b: ReadoutFrame
) -> GroupFrame:
    # A title aligned with a sentence is no point of the call: it cannot disagree.
    points_a = [i for i in a if not frame_a.sentences[i].title]
    points_b = [i for i in b if not frame_b.sentences[i].title]
    acts_a = _unique(x for i in points_a for x in frame_a.sentences[i].acts)
    acts_b = _unique(x for i in points_b for x in frame_b.sentences[i].acts)
    actors_a = _unique(x for i in points_a for x in frame_a.sentences[i].actors)
    actors_b = _unique(x for i in points_b for x in frame_b.sentences[i].actors)
    both = bool(points_a and points_b)
    return GroupFrame(
        a=a,
        b=b,
        acts=(acts_a, acts_b),
        actors=(actors_a, actors_b),
        act_differs=both and not set(acts_a) & set(acts_b),
        actor_differs=both and not set(actors_a) & set(actors_b),
    )
