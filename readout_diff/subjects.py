"""Subjects the pack does not know: a one-sided point that no topic covers, named by
the words that carry it.

A sentence that carries no topic, has no counterpart on the other side, is not loosely
similar to any sentence there, and is a point of the call (not its title, not the
description of the talks, not the statement that the call took place) is a one-sided
subject, named by the words after its reporting verb ("informed his counterpart about
the evacuation of Russian citizens" -> "evacuation of Russian citizens").
"""

from __future__ import annotations

import re

from readout_diff.model import Alignment, TaggedReadout, Topic, TopicHit, TopicKind

_CALL_ITSELF = re.compile(
    r"\b(?:tele)?phone (?:call|conversation)|\b(?:spoke|talked)\b(?:\s+[\w.,]+){0,3}\s+with\b"
    r"|\bvideo (?:call|conference|link)\b|\bheld (?:a )?(?:call|talks)\b"
    r"|телефонн\w+ разговор|разговор\w* по телефону|видеоконференц"
    r"|состоял\w* (?:телефонный )?разговор",
    re.IGNORECASE,
)
_TONE = re.compile(
    r"\b(?:frank|candid|businesslike|constructive|substantive|in-depth|cordial|warm|friendly)\b"
    r"|деловой|откровенн|конструктивн|содержательн|дружеск|тёпл|доверительн",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:discussed|raised|informed(?:\s+\w+){0,2}\s+(?:about|of|on)|briefed(?:\s+\w+){0,2}\s+on"
    r"|expressed|conveyed|welcomed|stressed|emphasi[sz]ed|noted|underlined|reaffirmed|reiterated"
    r"|touched\s+(?:(?:only|very|at\s+length|\w+ly)\s+){0,3}(?:up)?on|exchanged\s+views\s+on"
    r"|(?:spoke|talked)\s+(?:(?:only|very|at\s+length|\w+ly)\s+){0,3}about|agreed\s+(?:on|to)"
    r"|called\s+for|urged|thanked\s+\w+\s+for|congratulated\s+\w+\s+on)\s+"
    r"|(?:обсудили|обсужд[её]н\w*|обсуждал\w*|затронул\w*|затронут\w*|рассмотрен\w*"
    r"|(?:шла\s+)?речь\s+(?:шла\s+)?(?:о|об)|проинформировал\w*\s+(?:\w+\s+)?о"
    r"|выразил\w*|подчеркнул\w*|отметил\w*|приветствовал\w*|обменялись\s+мнениями\s+(?:по|о)"
    r"|поблагодарил\w*\s+\w+\s+за|поздравил\w*\s+\w+\s+с|договорились\s+о|призвал\w*\s+к?)\s+",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are|being)\s+$", re.IGNORECASE)
_STOP_LEAD = re.compile(
    r"(?:the|a|an|his|her|their|its|also|further|in|on|of|about|issues?\s+of|matters?\s+of"
    r"|prospects?\s+(?:of|for)|вопрос\w*|тем[аыу]|ход|ситуаци[яюи]\s+(?:с|вокруг|в)"
    r"|актуальные|также|ряд|и|о|об|по|mutual|обоюдн\w+|взаимн\w+|(?:him|her|them)\s+to"
    # when and where a meeting was held, before the meeting itself ("проведённое 12 ноября
    # в Париже очередное заседание ...")
    r"|(?:проведённ|проведенн|состоявш|прошедш)\w*|очередн\w*|\d{1,2}\s+(?:января|февраля"
    r"|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|в\s+[А-ЯЁ]\w+)\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"[A-Z][\w.-]*(?:'s|’s)\s+"
    r"(?:(?:consistent|principled|firm|unwavering|steadfast|full|strong|continued)\s+)?"
)
"""A side's possessive before what it holds ("India's consistent position in favour of
..."): the point is what follows, which is often an attitude (:data:`_NO_SUBJECT`)."""
_NO_SUBJECT = re.compile(
    r"(?:that|whether|how|his|her|their|its|our|hope|view|confidence|readiness|willingness"
    r"|position|stance"
    r"|importance|need|during|ходе|в\s+ходе|что|как|готовност\w*|важност\w*|признательност\w*"
    r"|надежд\w*|уверенност\w*|заинтересованност\w*|необходимост\w*|на\s+уровне)\b",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(
    r"[,;:.()]|\s(?:and|as well as|with|which|that|who|и|а также|что|который)\s"
)
GENERIC = re.compile(
    r"(?:bilateral|regional|international|global|agenda|cooperation|relations|ties|issues?"
    r"|matters|further|development|partnership|interaction|mutual\w*|двусторонн|региональн"
    r"|международн|повестк|взаимодейств|сотрудничеств|отношени|связ|вопрос|дальнейш|развити"
    r"|партн[её]рств|взаимовыгодн|обоюдн|актуальн|текущ|ключев|друг|ины|некотор|current|topical"
    r"|key|other|several|various)\w*$|(?:и|в|ряд|of|and|the|in|a)$",
    re.IGNORECASE,
)
"""The relationship's formulas ("bilateral cooperation", "вопросы региональной повестки"):
a name made of these words alone names no point."""
_CONTINUES = re.compile(
    r"\b(?:in\s+(?:this|that)\s+(?:context|regard|connection|respect)|to\s+(?:this|that)\s+end"
    r"|in\s+this\s+light|in\s+that\s+spirit)\b"
    r"|в\s+(?:этой|данной|той)\s+связи|в\s+(?:этом|данном)\s+контексте|в\s+связи\s+с\s+этим"
    r"|с\s+этой\s+целью|в\s+этом\s+ключе",
    re.IGNORECASE,
)
"""A sentence that goes on with its neighbour's subject ("In this context, ...",
"... в этой связи"): its point belongs to that subject, it is not one of its own."""
SUBJECT_WORDS = 6
"""Most words of a subject's name."""
_DANGLING = re.compile(
    r"(?:of|for|from|to|on|in|at|by|with|east|west|north|south|the|a|an|and|or|its|their"
    r"|\d+|в|во|на|с|со|от|до|для|по|о|об|к|и|или|а)$",
    re.IGNORECASE,
)
"""A word a name cannot end on: it leads to what was cut off ("safe zone east of")."""


def name_subjects(
    a: TaggedReadout, b: TaggedReadout, alignment: Alignment, most_cosine: float = 1.0
) -> tuple[TaggedReadout, TaggedReadout, dict[str, Topic]]:
    found: dict[str, Topic] = {}
    out = []
    sem = alignment.semantic
    for side, (tagged, unmatched) in enumerate(
        ((a, alignment.unmatched_a), (b, alignment.unmatched_b))
    ):
        tagged_ids = {h.sentence for h in tagged.hits}
        extra: list[TopicHit] = []
        for index in unmatched:
            sentence = tagged.sentences[index]
            if index in tagged_ids or not is_point(sentence.text, index):
                continue
            if _CONTINUES.search(sentence.text):
                continue
            if sem:
                closest = max((row[index] for row in sem) if side else sem[index], default=0.0)
                if closest >= most_cosine:
                    continue
            named = subject_phrase(sentence.text)
            if named is None:
                continue
            start, end = named
            label = sentence.text[start:end]
            topic_id = "subject:" + slug(label)
            if topic_id in found:
                continue
            found[topic_id] = Topic(id=topic_id, label=label, kind=TopicKind.SUBJECT)
            extra.append(
                TopicHit(
                    topic_id=topic_id,
                    sentence=index,
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=label,
                )
            )
        out.append(tagged.with_hits(extra))
    return out[0], out[1], found


def is_title(text: str, index: int) -> bool:
    """The readout's title line: its first line, without a sentence's final stop."""
    return index == 0 and not text.rstrip().endswith((".", "!", "?"))


def has_title_line(tagged: TaggedReadout) -> bool:
    """Whether the readout opens with a title line: its first sentence is a line of its
    own without a sentence's final stop ("Japan-US Summit Telephone Talk")."""
    if not tagged.sentences:
        return False
    first = tagged.sentences[0]
    rest = tagged.readout.text[first.end :]
    whole_line = not tagged.readout.text[: first.start].strip() and (
        not rest.strip() or rest.lstrip(" \t").startswith(("\n", "\r"))
    )
    return whole_line and is_title(first.text, 0)


def is_point(text: str, index: int) -> bool:
    """A point of the call: not the title, the call's own mention, or its tone."""
    if is_title(text, index):
        return False
    return not (_CALL_ITSELF.search(text) or _TONE.search(text))


def subject_phrase(text: str) -> tuple[int, int] | None:
    """The span of the words a sentence's point is about: after its reporting verb,
    without leading articles and prepositions, up to the end of the phrase."""
    verb = _REPORTING.search(text)
    if verb is None or _PASSIVE.search(text, 0, verb.start()):
        return None
    start = verb.end()
    if _NO_SUBJECT.match(text, start):
        return None
    while (
        lead := _STOP_LEAD.match(text, start) or _POSSESSIVE.match(text, start)
    ) is not None and lead.end() > start:
        start = lead.end()
    end_match = _PHRASE_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    words = list(re.finditer(r"\S+", text[start:end]))
    # A clause ("that Russia condemns …"), an attitude ("the hope", "his view",
    # "готовность к …") or a time ("during the videoconference") names no subject.
    if len(words) < 2 or _NO_SUBJECT.match(text, start):
        return None
    if len(words) > SUBJECT_WORDS:
        # Cut short: end before the last preposition, not inside what it leads to
        # ("steps towards introducing insurance for civilian vessels" -> "steps
        # towards introducing insurance").
        words = words[:SUBJECT_WORDS]
        joints = [k for k in range(2, len(words)) if _DANGLING.match(words[k].group())]
        if joints:
            words = words[: joints[-1]]
    while len(words) > 1 and _DANGLING.match(words[-1].group()):
        words = words[:-1]
    # "bilateral cooperation", "вопросы региональной повестки": the relationship's
    # formulas, not a point of their own.
    if len(words) < 2 or all(GENERIC.match(w.group()) for w in words):
        return None
    end = start + words[-1].end()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None


def slug(label: str) -> str:
    """A subject's id from its label: its words, lower case, joined by hyphens."""
    words = re.findall(r"\w+", label.lower())
    return "-".join(words)[:60] or "subject"
