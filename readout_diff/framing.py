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
the words before it (the subject) give the actor. Who is who, and whom the words
before a verb name, is :mod:`readout_diff.parties`' job.

Per clause, in order: the reporting verbs (the longest cue at each place); for each,
whether it is a verb of the sentence at all (not an infinitive, "will meet to discuss",
nor a noun after a preposition, "During the exchange of views", nor inside a lead-in
phrase, "Pointing out that ..., President Erdoğan noted"); its subject (the words back to
the last clause break, a passive with no agent being both sides'); the first main clause
gives the sentence's actor and act ("key the first clause"), "said" passing on what it
reports when that is a demand or an invitation. A sentence with no reporting verb goes on
with the words of the last speaker, if a verb of saying made one, else it is about the
side it opens with.

The words it reads are data, in :mod:`readout_diff.framing_lexicon`. What is left
here, about 700 lines, is one job: rules applied to a sentence in order (reporting
verbs, subject, main clause, the speaker going on), then the readout's and the call's
facts built on them, kept together so that they read top to bottom.
"""

from __future__ import annotations

import bisect
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
    CALLER,
    CLAUSE_BREAK,
    CUES,
    DEMAND_CONTENT,
    DURATION,
    DURATION_CONTEXT,
    INITIATIVE,
    LATTER,
    MODAL,
    NOMINAL_CUES,
    PASSIVE_BEFORE,
    RU_PASSIVE,
    SPEECH,
    SUBORDINATE,
    TONE_NOUN,
    TONE_WORDS,
    WORD,
)
from readout_diff.model import Alignment, Sentence, TaggedReadout, TopicDiff
from readout_diff.parties import Actor as Actor  # the labels are framing's: Actor and Act
from readout_diff.parties import (
    Parties,
    find_parties,
    leaders_in,
    named_as_written,
    names_someone,
    opening_party,
    reconcile,
    subject_actor,
)


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
class Speaker:
    """Whose words a sentence with no reporting verb goes on with."""

    actor: Actor
    reported: bool = True
    """Set by a verb of saying ("President Xi said"); False when only read from the subject
    of such a sentence ("China is sincere"), which the next sentence's own subject overrides."""


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


_CUE_RE = [
    (Act(act), re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE))
    for act, patterns in CUES.items()
]
_NOMINAL_RE = [
    (Act(act), re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE))
    for act, patterns in NOMINAL_CUES.items()
]


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
    speaking: Speaker | None = None,
) -> SentenceFrame:
    """The actor and act of one sentence.

    ``previous`` is the last side named as a speaker (whom "he" means); ``speaking`` the
    side whose reported words a sentence with no reporting verb goes on with.
    """
    text = sentence.text
    lang_ru = bool(re.search(r"[а-яё]", text, re.IGNORECASE))
    cues = _cues(text)
    lead = _lead_in_end(text, cues)
    clauses: list[Clause] = []
    embedded_before = False
    last_end = 0
    # The first subordinating word after the lead-in: a verb after it is not the main one.
    subordinate = SUBORDINATE.search(text, lead)
    for start, end, act in cues:
        before = text[:start]
        tail = before[-_TAIL:]  # what the patterns anchored at a verb look at, kept short
        breaks = [
            m.end()
            for m in CLAUSE_BREAK.finditer(text, max(0, last_end - _TAIL), start)
            if m.end() > last_end
        ]
        if lead > last_end and start >= lead:
            breaks.append(lead)  # "Pointing out that ..., President Erdoğan noted"
        cue = text[start:end]
        # Not a verb of the sentence: an infinitive ("will meet to discuss") or a noun after
        # a preposition ("During the exchange of views", "В ходе обмена мнениями"), nor one
        # in a lead-in phrase before the subject ("Discussing X, the Prime Minister said").
        embedded = bool(
            _INFINITIVE.search(tail) or (_PREPOSITION.search(tail) and _NOUN_CUE.match(cue))
        )
        main = not embedded and start >= lead
        main = main and not (subordinate and subordinate.end() <= start)
        if clauses and not breaks and not embedded_before:
            # "invited X to visit Moscow and expressed readiness": the same subject.
            main = main and clauses[-1].main
            clauses.append(replace(clauses[-1], act=act, cue=cue, start=start, main=main))
            last_end = end
            continue
        embedded_before = embedded
        window = text[max([last_end, *breaks]) : start]
        if act is Act.INFORM and re.match(r"(?:in|according|по)\b", text[start:end], re.I):
            window = text[start:end]  # "In his view", "По его словам": the speaker is inside
        if _is_passive(tail, cue, lang_ru) and not leaders_in(window):
            # "relations were also discussed", "обсуждались": no agent, both sides; "was
            # welcomed by both societies": the agent named after "by".
            agent = re.match(r"\s+by\s+([^,;.]+)", text[end:]) if not lang_ru else None
            actor: Actor | None = Actor.BOTH
            if agent:
                actor = subject_actor(agent.group(1), parties, own_side, None) or Actor.OTHER
        elif lang_ru and _RU_HELD.search(window + cue):
            actor = Actor.BOTH  # "Состоялся телефонный разговор В.Путина с ...": the two's call
        else:
            actor = subject_actor(window, parties, own_side, previous)
        if actor is None:
            actor = _no_subject(text, start, end, before, lang_ru, clauses, parties, own_side)
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
    actor, act = _main(text, clauses, parties, own_side, previous, speaking)
    all_clauses = tuple(sorted([*clauses, *nominal], key=lambda c: c.start))
    return SentenceFrame(
        sentence=sentence.index,
        actor=actor,
        act=act,
        clauses=all_clauses,
        title=title,
        words=len(WORD.findall(text)),
    )


# How far back from a verb the patterns anchored at it look (a long sentence stays linear).
_TAIL = 80
# A verb form after "to" or a modal is what someone is to do, not what they did ("will
# meet to discuss", "the U.S. should also have dialogue with Russia").
_INFINITIVE = re.compile(
    r"\b(?:to|should|must|will|would|shall|can|could|may|might|cannot)\s+"
    r"(?:(?:also|not|further|jointly|continue to|\w+ly)\s+)*$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"(?:\b(?:during|in the course of|following|after|ahead of|at the end of|when|while|in)\s+"
    r"(?:the\s+|an?\s+|their\s+|this\s+)?(?:\w+\s+)?"
    r"|(?:в ходе|во время|в рамках|по итогам|в процессе|после|по завершении|при)\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
_NOUN_CUE = re.compile(
    r"exchange|discussion|discussing|conversation|talks|обмен|обсуждени|бесед|разговор", re.I
)
# "Состоялся (также) (телефонный) разговор / обмен мнениями": the call of the two.
_RU_HELD = re.compile(r"(?:^|\s)[Сс]остоял\w*\s")
# A phrase that opens a sentence before its subject: a participle ("Pointing out that",
# "Congratulating", "Отметив"), a preposition ("On the eve of ...", "During the call").
_LEAD_IN = re.compile(
    r"\W*(?:(?!Beijing\b|King\b)(?-i:[A-Z])[a-z]+ing\b|Having\b|Also\b"
    r"|(?:During|In|On|At|After|Following|Amid|As|While|When|Given|Before|Despite|Upon|With)\b"
    r"|[А-ЯЁ][а-яё]{3,}(?:ив|ав|ев|ув|ыв|вшись)\b|(?:В|Во|По|При|На|После|Касаясь|Говоря)\s)"
)


def _lead_in_end(text: str, cues: list[tuple[int, int, Act]]) -> int:
    """Where the main clause starts after a lead-in phrase, 0 if the sentence has none.

    The lead-in ends at the first comma after which a subject comes before the next
    reporting verb: "Noting that relations matter, the two leaders agreed to ...".
    """
    if not _LEAD_IN.match(text):
        return 0
    starts = [start for start, _, _ in cues]
    for comma in re.finditer(r",\s*", text):
        k = bisect.bisect_left(starts, comma.end())
        if k == len(starts):
            return 0
        between = text[comma.end() : starts[k]]
        if not re.search(r"[,;:]", between) and names_someone(between):
            return comma.end()
    return 0


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
        # Russian may put the subject after the verb ("Поблагодарил за помощь Н.Моди"); a
        # country there is a topic ("обмен мнениями по ситуации вокруг Украины").
        after = re.split(r"\b(?:с|со)\b|,", text[end:], maxsplit=1)[0]
        if leaders_in(after) or BOTH_SIDES.search(after) or re.search(r"\bсторон", after):
            return subject_actor(after, parties, own_side, None) or Actor.BOTH
        return Actor.BOTH
    if CALL_NOUN.search(before):
        # "The call focused on Ukraine" is what the two discussed; "The conversation lasted
        # an hour" a fact of the call.
        return Actor.BOTH if act_of(cue) is Act.DISCUSS else Actor.OTHER
    if act_of(cue) in (Act.DISCUSS, Act.AGREE):
        return Actor.BOTH  # "The international matters touched upon included ..."
    return own_side if not before.strip(" ,") else Actor.OTHER  # "Thank you for ..."


def _main(
    text: str,
    clauses: list[Clause],
    parties: Parties,
    own_side: Actor,
    previous: Actor | None,
    speaking: Speaker | None,
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
        if SPEECH.fullmatch(first.cue):
            # "said" reports without characterising: what it reports may ("said he looked
            # forward to the visit", "said that concrete steps must be taken").
            reported = [c for c in clauses if c.start > first.start]
            if reported and reported[0].act is Act.OTHER:
                return first.actor, Act.OTHER
            if DEMAND_CONTENT.search(text[first.start + len(first.cue) :]):
                return first.actor, Act.DEMAND
        return first.actor, first.act
    head = re.split(
        r"\b(?:will|would|is|are|was|were|has|have|had|should|must|can|remains?)\b", text
    )[0]
    head = " ".join(head.split()[:12])
    opening = opening_party(text)
    opens = bool(opening)
    if opening:
        # The words it opens with are its subject ("President Biden expressed his unwavering
        # commitment to the defense of Japan": Biden, not Japan).
        head = opening
    named = subject_actor(head, parties, own_side, previous, titles=False)
    demand = bool(MODAL.search(text))
    if speaking is not None and (speaking.reported or demand or not opens):
        # Reported speech goes on ("The history of the Taiwan question is crystal clear").
        return speaking.actor, Act.DEMAND if demand else Act.INFORM
    if named in (Actor.A, Actor.B, Actor.BOTH):
        # A statement about a side with no speaker to go on ("Turkey will shortly be going
        # ahead with the operation", "Ukrainian and American teams are ready to meet").
        return named, Act.DEMAND if demand else Act.INFORM
    if named is not None:
        return named, Act.DEMAND if demand else Act.OTHER
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
        return subject_actor(who, parties, own_side, None)
    called = CALLED_BY.search(text)
    if called:
        return subject_actor(called.group("other"), parties, own_side, None)
    caller = CALLER.search(text)
    if caller:
        # "Russian President Vladimir Putin called President Erdoğan": the subject placed it.
        return subject_actor(text[: caller.start()], parties, own_side, None, titles=True)
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


# Acts that report what someone said: a sentence with no reporting verb after one of
# these goes on with the same speaker's words.
SPEECH_ACTS = frozenset({Act.INFORM, Act.DEMAND, Act.WARN, Act.CONCERN})


def speaker_after(
    frame: SentenceFrame, speaking: Speaker | None, author: Actor | None = None
) -> Speaker | None:
    """Whose words a sentence with no reporting verb after ``frame`` goes on with.

    ``speaking`` is the speaker before ``frame``; ``author`` the readout's own side when it
    is a statement in the first person, whose words every such sentence is.
    """
    if author is not None:
        return Speaker(author)
    sides = (Actor.A, Actor.B)
    mains = [c for c in frame.clauses if c.main]
    if not mains:
        # No reporting verb: the same speaker, or the side it named ("China is sincere").
        if speaking is not None and (speaking.reported or frame.actor is speaking.actor):
            return speaking
        return Speaker(frame.actor, reported=False) if frame.actor in sides else speaking
    if speaking is not None and _PRESENT.search(mains[0].cue.split()[0]):
        # The narrative is in the past tense; "China commends the mediation efforts" is
        # still the speaker's words.
        return replace(speaking, actor=frame.actor) if frame.actor in sides else speaking
    if frame.actor is Actor.OTHER and speaking is not None:
        return speaking  # a third party's doing, told in the speaker's words
    if frame.actor is not Actor.OTHER and any(c.act in SPEECH_ACTS for c in mains):
        return Speaker(frame.actor)
    return None


# A reporting verb in the present tense ("welcomes", "supports", "приветствует").
_PRESENT = re.compile(r"(?<!ha)(?<!i)(?:[^s]s|es)$|(?:ет|ит|ют|ят)$", re.IGNORECASE)


def _first_person(sentences: Sequence[Sentence], text: str) -> bool:
    """Whether the readout is the leader's own statement ("President Xi and I just had")."""
    opening = [s for s in sentences[:3] if not is_title(s, text)]
    return any(re.search(r"\b(?:I|I'm|I’m|I've|I have)\b", s.text) for s in opening[:2])


def frame_readout(
    tagged: TaggedReadout, side: Actor, parties: Parties | None = None
) -> ReadoutFrame:
    """Every sentence's actor and act, and the readout's tone, initiator and duration."""
    sentences = tagged.sentences
    parties = parties or find_parties(sentences)
    frames: list[SentenceFrame] = []
    previous: Actor | None = None
    # In a statement in the first person ("President Putin and I just had a call") the
    # author speaks throughout; elsewhere a speaker goes on only after a speech act.
    author = side if _first_person(sentences, tagged.readout.text) else None
    speaking = Speaker(author) if author else None
    tone: list[str] = []
    found_initiator: Actor | None = None
    duration = ""
    for sentence in sentences:
        title = is_title(sentence, tagged.readout.text)
        frame = frame_sentence(sentence, parties, side, previous, title=title, speaking=speaking)
        frames.append(frame)
        if title:
            continue
        previous = frame.actor if frame.actor in (Actor.A, Actor.B) else previous
        if frame.actor is Actor.BOTH:
            previous = None
        speaking = speaker_after(frame, speaking, author)
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
    parties_a, parties_b = reconcile(find_parties(a.sentences), find_parties(b.sentences))
    parties_a = named_as_written(parties_a, a.sentences)
    parties_b = named_as_written(parties_b, b.sentences)
    frame_a, frame_b = frame_readout(a, Actor.A, parties_a), frame_readout(b, Actor.B, parties_b)
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
