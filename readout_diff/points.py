"""Which words of a readout make a point of their own: the judgement's filters on hits.

Tagging finds every alias; four rules, each about how readouts are written, keep
only the words that make a point:

* **A title names the event**, not a subject: the hits of a readout's title line
  ("Japan-US Summit Telephone Talk") are not topics.
* **A generic word of a place's issue needs the place.** A topic named by a place or
  a thing (the pack's ``anchored`` topics: Ukraine, Taiwan, NATO) counts its lowercase
  aliases ("ceasefire", "lasting peace") only in a call where one of its proper-name
  aliases occurs in either readout: "lasting peace" on the Korean Peninsula is not
  the war in Ukraine.
* **A greeting is about its occasion**: the words after "congratulated … on" are the
  greeting's evidence too ("on his historic second term", "с месяцем Рамадан").
* **One sentence, one point.** An issue that one readout raises only in sentences
  where it raises another one-sided issue is that issue's detail ("sanctions will
  hit finance, energy and supply chains" is one point, about sanctions), unless the
  two are items of one list of the call's subjects ("discussed A, B and C") or the
  objects of two reporting verbs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from readout_diff.model import TaggedReadout, Topic, TopicHit, TopicKind
from readout_diff.subjects import has_title_line
from readout_diff.topicpacks import TopicPack

_GREETING = re.compile(
    r"(?:congratulat|condolence|sympath|greet|wish|поздрав|соболезн|сочувств|пожела)\w*$",
    re.IGNORECASE,
)
# The addressee may take a few words: "the leadership and people of Saudi Arabia",
# "руководство и народ Индии".
_OCCASION = re.compile(
    r"\s+(?:[\w.'’-]+\s+){0,6}?(?:on the occasion of|in connection with|on|upon|for|over"
    r"|по случаю|в связи с|с|со)\s+",  # the longer lead first: "on the occasion of" is not "on"
    re.IGNORECASE,
)
_OCCASION_END = re.compile(r"[,;:.()]|\s(?:and|as well as|as|which|who|и|а также|как|который)\s")
OCCASION_WORDS = 6
"""Most words of the occasion of a greeting."""


def with_occasions(tagged: TaggedReadout) -> TaggedReadout:
    """``tagged`` with the occasion of each greeting as evidence of the greeting's topic.

    A congratulation or a condolence is about its occasion: "congratulated the Prime
    Minister on his historic second term", "поздравил с месяцем Рамадан", "condolences
    over the earthquake". The words after the greeting's "on" / "с" / "в связи с" are
    what a reader names the point by, so they are its evidence as much as the verb.
    """
    text = tagged.readout.text
    extra: list[TopicHit] = []
    for hit in tagged.hits:
        if not _GREETING.search(hit.text):
            continue
        sentence = tagged.sentences[hit.sentence]
        lead = _OCCASION.match(text, hit.end, sentence.end)
        if lead is None:
            continue
        stop = _OCCASION_END.search(text, lead.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        words = list(re.finditer(r"\S+", text[lead.end() : end]))[:OCCASION_WORDS]
        if not words:
            continue
        end = lead.end() + words[-1].end()
        while end > lead.end() and not text[end - 1].isalnum():
            end -= 1
        if end <= lead.end() or any(h.start < end and lead.end() < h.end for h in tagged.hits):
            continue
        extra.append(
            TopicHit(
                topic_id=hit.topic_id,
                sentence=hit.sentence,
                start=lead.end(),
                end=end,
                text=text[lead.end() : end],
            )
        )
    return tagged.with_hits(extra)


def body_hits(tagged: TaggedReadout) -> TaggedReadout:
    """``tagged`` without the hits in its title line: a title names the event ("Japan-US
    Summit Telephone Talk"), not a subject of the call."""
    if not has_title_line(tagged):
        return tagged
    return replace(tagged, hits=tuple(h for h in tagged.hits if h.sentence != 0))


_CALL_MEDIUM_AFTER = re.compile(
    r"\s*(?:(?:tele)?phone|video|virtual)\b|\s*via (?:video|telephone)\b"
    r"|\s*(?:по телефону|в режиме видео|по видеосвязи|в формате видео)",
    re.IGNORECASE,
)
_CALL_MEDIUM_BEFORE = re.compile(
    r"(?:(?:tele)?phone|video|virtual|телефонн\w*|видео)\s*$", re.IGNORECASE
)


def call_hits(tagged: TaggedReadout) -> TaggedReadout:
    """``tagged`` without the hits that name the call itself: a meeting word the medium
    qualifies ("held a summit telephone talk", "a leaders' meeting via video link", "a
    virtual summit") is this call, not a summit or visit the leaders discussed."""
    text = tagged.readout.text
    kept = tuple(
        h
        for h in tagged.hits
        if not (
            _CALL_MEDIUM_AFTER.match(text, h.end)
            or _CALL_MEDIUM_BEFORE.search(text, max(0, h.start - 20), h.start)
        )
    )
    return tagged if len(kept) == len(tagged.hits) else replace(tagged, hits=kept)


_CIRCUMSTANCE = re.compile(
    r"\b(?:in line with|in accordance with|in keeping with|reached at|agreed at|caused by"
    r"|in the face of|despite|because of|due to|based on|in light of|against the backdrop of"
    r"|following up on|as a follow-up to|building on|in violation of|in breach of|in defiance of"
    r"|in compliance with|consistent with|pursuant to|в нарушение|в обход"
    r"|amid|несмотря на|в связи с|с учётом|в русле|на фоне|в соответствии с|по итогам"
    r"|на основе|вызванн\w*|достигнут\w*)\b[^.;:,]*$",
    re.IGNORECASE,
)
CIRCUMSTANCE_REACH = 70
"""How many characters before a hit a circumstantial lead-in may stand."""


def circumstantial(tagged: TaggedReadout) -> frozenset[tuple[int, int]]:
    """(sentence, start) of the hits named only in a circumstance of a sentence about
    another issue: "countering cybercrime, in line with the agreements reached at the
    summit in Geneva", "cooperation grows despite the sanctions policy". Such a hit is a
    word in passing, as a weak alias is."""
    text = tagged.readout.text
    topics_in: dict[int, set[str]] = {}
    for hit in tagged.hits:
        topics_in.setdefault(hit.sentence, set()).add(hit.topic_id)
    found = set()
    for hit in tagged.hits:
        sentence = tagged.sentences[hit.sentence]
        if len(topics_in[hit.sentence]) < 2:
            continue
        lead = max(sentence.start, hit.start - CIRCUMSTANCE_REACH)
        if _CIRCUMSTANCE.search(text, lead, hit.start):
            found.add((hit.sentence, hit.start))
    return frozenset(found)


def trailing_names(
    tagged: TaggedReadout, topics: Mapping[str, Topic], skip: str = ""
) -> frozenset[tuple[int, int]]:
    """(sentence, start) of the hits of ad-hoc names that come after another topic of
    their sentence, other than as the next item of a list: "a new security package,
    including HIMARS", "the investment agreement, and to that end the conventions of
    the International Labour Organization". A name the pack does not know, said after
    the issue its sentence is about, illustrates that issue; it is a word in passing
    there. "They discussed climate change and the Astana Format" lists two subjects.
    Topics whose id starts with ``skip`` (third countries, which have a rule of their
    own) are left alone."""
    text = tagged.readout.text
    issue_ends: dict[int, list[tuple[int, int]]] = {}
    for hit in tagged.hits:
        topic = topics.get(hit.topic_id)
        if topic is not None and topic.kind is not TopicKind.ADHOC:
            issue_ends.setdefault(hit.sentence, []).append((hit.start, hit.end))
    found = set()
    for hit in tagged.hits:
        topic = topics.get(hit.topic_id)
        if topic is None or topic.kind is not TopicKind.ADHOC:
            continue
        if skip and hit.topic_id.startswith(skip):
            continue
        before = [end for start, end in issue_ends.get(hit.sentence, ()) if start < hit.start]
        if before and not _LIST_GAP.fullmatch(text, min(max(before), hit.start), hit.start):
            found.add((hit.sentence, hit.start))
    return frozenset(found)


_LIST_WORDS = r"and|or|as well as|и|или|а также"
"""The words that join the items of a list."""
_LIST_GAP = re.compile(rf"[\s,;]*(?:(?:{_LIST_WORDS})\s+)?(?:the\s+)?", re.I)
"""What lies between two items of one list: a comma, "and", "as well as"."""


_PLACE_ADJECTIVE = re.compile(r"\w+(?:ск|цк)(?:ий|ая|ое|ие|ой|ого|ому|ом|их|им|ую|ыми?)\b")
"""A Russian adjective made from a place name ("украинский", "иранской"): lowercase in
Russian, but it names the place as "Ukrainian" does."""


def is_anchor(alias: str) -> bool:
    """Whether an alias names its topic by a proper name: a capitalised word, or a
    Russian adjective made from one."""
    return any(ch.isupper() for ch in alias) or bool(_PLACE_ADJECTIVE.search(alias))


def anchored_hits(
    a: TaggedReadout, b: TaggedReadout, pack: TopicPack | None
) -> tuple[TaggedReadout, TaggedReadout]:
    """The readouts without the generic hits of anchored topics that neither readout
    names: "lasting peace" on the Korean Peninsula is not the war in Ukraine.

    A topic is anchored by its own pack setting or its issue's; the anchors of a
    topic are the proper-name aliases (not the weak ones) of any topic under the same
    anchored issue, found in either readout.
    """
    if pack is None:
        return a, b
    specs = {spec.id: spec for spec in pack.topics}

    def root(topic_id: str) -> str:
        seen: set[str] = set()
        current = topic_id
        while current in specs and current not in seen:
            if specs[current].anchored:
                return current
            seen.add(current)
            current = specs[current].parent
        return ""

    home = {topic_id: root(topic_id) for topic_id in specs}
    if not any(home.get(h.topic_id) for h in a.hits + b.hits):
        return a, b
    named = {
        home[h.topic_id]
        for tagged in (a, b)
        for h in tagged.hits
        if h.topic_id in specs
        and is_anchor(h.alias)
        and h.alias not in specs[h.topic_id].weak_for(tagged.readout.language)
    }

    def keep(hit: TopicHit) -> bool:
        anchor = home.get(hit.topic_id, "")
        return not anchor or not hit.alias or is_anchor(hit.alias) or anchor in named

    return (
        replace(a, hits=tuple(h for h in a.hits if keep(h))),
        replace(b, hits=tuple(h for h in b.hits if keep(h))),
    )


SentenceIssues = tuple[list[set[str]], list[set[str]]]
"""For each readout, the issues each of its sentences raises."""


def _issue_index(
    key: Mapping[str, str],
    a: TaggedReadout,
    b: TaggedReadout,
    weak: Mapping[tuple[str, str], frozenset[str]],
) -> tuple[SentenceIssues, SentenceIssues, dict[tuple[int, int, str], list[TopicHit]]]:
    """The issues (reported under ``key``) each sentence of the two readouts raises,
    the same without the hits of weak aliases, and the hits of each (side, sentence,
    issue)."""
    every: SentenceIssues = ([set() for _ in a.sentences], [set() for _ in b.sentences])
    strong: SentenceIssues = ([set() for _ in a.sentences], [set() for _ in b.sentences])
    spans: dict[tuple[int, int, str], list[TopicHit]] = {}
    for side, tagged in enumerate((a, b)):
        lang = tagged.readout.language
        for hit in tagged.hits:
            issue = key[hit.topic_id]
            every[side][hit.sentence].add(issue)
            spans.setdefault((side, hit.sentence, issue), []).append(hit)
            if hit.alias not in weak.get((hit.topic_id, lang), ()):
                strong[side][hit.sentence].add(issue)
    return every, strong, spans


def _raised(index: SentenceIssues) -> tuple[set[str], set[str]]:
    """The issues each readout raises in any of its sentences."""
    return ({t for s in index[0] for t in s}, {t for s in index[1] for t in s})


def fold_comentions(
    key: dict[str, str],
    a: TaggedReadout,
    b: TaggedReadout,
    weak: Mapping[tuple[str, str], frozenset[str]],
) -> dict[str, str]:
    """``key`` with one-sided issues folded into the one-sided point of their sentences.

    A reader counts points, not words: a sentence that congratulates on the Winter
    Olympics makes one point, and "sanctions will hit finance, energy and supply
    chains" makes one point, about sanctions. An issue that one readout raises only in
    sentences where it raises another one-sided issue, one raised in more sentences
    (or in as many, earlier) and not only in passing, is that issue's detail.
    """
    at, strong, spans = _issue_index(key, a, b, weak)
    discussed = {(side, t) for side in (0, 1) for found in strong[side] for t in found}
    first: dict[str, int] = {}
    for side, tagged in enumerate((a, b)):
        for hit in tagged.hits:
            first.setdefault(key[hit.topic_id], side * (len(a.readout.text) + 1) + hit.start)
    present = _raised(at)
    into: dict[str, str] = {}
    for side in (0, 1):
        mine = present[side] - present[1 - side]
        sents = {t: {i for i, found in enumerate(at[side]) if t in found} for t in mine}
        rank = {t: (-len(sents[t]), first[t], t) for t in mine}
        text = (a, b)[side].readout.text
        starts = [sentence.start for sentence in (a, b)[side].sentences]

        for issue in sorted(mine, key=lambda t: rank[t], reverse=True):
            if (side, issue) not in discussed:
                continue  # a passing mention stays one, listed apart
            hosts = set.intersection(
                *(
                    {
                        y
                        for y in at[side][i] & mine
                        if rank[y] < rank[issue]
                        and (side, y) in discussed
                        and not _siblings(
                            spans[(side, i, y)], spans[(side, i, issue)], text, starts[i]
                        )
                    }
                    for i in sents[issue]
                )
            )
            if hosts:
                into[issue] = min(hosts, key=lambda y: rank[y])

    def final(issue: str) -> str:
        while issue in into:
            issue = into[issue]
        return issue

    return {topic_id: final(reported) for topic_id, reported in key.items()}


def fold_frames(
    key: dict[str, str],
    a: TaggedReadout,
    b: TaggedReadout,
    frames: frozenset[str],
    weak: Mapping[tuple[str, str], frozenset[str]],
) -> dict[str, str]:
    """``key`` with one-sided frame issues folded into the shared issue of their sentences.

    A frame (:attr:`readout_diff.topicpacks.TopicSpec.frame`) that one readout raises
    only in sentences on an issue both readouts discuss is how that side frames the
    issue ("a settlement in line with the UN Charter", "the terrorist groups in the
    north of Syria"), one of its details; an item of a list of subjects
    ("discussed Syria, terrorism and trade") stays a point of its own.
    """
    _, at, spans = _issue_index(key, a, b, weak)
    present = _raised(at)
    shared = present[0] & present[1]
    into: dict[str, str] = {}
    for side in (0, 1):
        tagged = (a, b)[side]
        for issue in sorted((present[side] - present[1 - side]) & frames):
            hosts = [
                _frame_host(tagged, at[side][i] & shared, issue, i, spans, side)
                for i, found in enumerate(at[side])
                if issue in found
            ]
            first = hosts[0] if hosts else None
            if first is not None and all(hosts):
                into[issue] = first
    return {topic_id: into.get(reported, reported) for topic_id, reported in key.items()}


def _frame_host(
    tagged: TaggedReadout,
    candidates: set[str],
    frame: str,
    i: int,
    spans: Mapping[tuple[int, int, str], list[TopicHit]],
    side: int,
) -> str | None:
    """The first of sentence ``i``'s shared issues that ``frame`` is not listed beside."""
    here = [
        y
        for y in sorted(candidates)
        if not _siblings(
            spans[(side, i, y)],
            spans[(side, i, frame)],
            tagged.readout.text,
            tagged.sentences[i].start,
        )
    ]
    return min(here, key=lambda y: spans[(side, i, y)][0].start) if here else None


_SEPARATOR = re.compile(rf",|;|\s(?:{_LIST_WORDS})\s")
LIST_GAP = 3
"""Most words between a hit and the separator after it for the hit to end an item of
a list ("the SolarWinds hack, reports of bounties, …")."""


AGENDA = re.compile(
    r"\b(?:discuss\w*|raised|rais\w+\s+\w+\s+(?:concerns?|issues?|matters?)|touched\s+(?:up)?on"
    r"|exchanged\s+views|reviewed|including|notably|among\s+them|concerning|regarding"
    r"|praised|welcomed|condemned|supported|urged|called\s+for|expressed\s+(?:\w+\s+){0,2}(?:for|about|over|with)"
    r"|обсу\w+|затрон\w+|обменял\w*\s+мнениями|в\s+том\s+числе|включая|приветствовал\w*"
    r"|поддержал\w*|осудил\w*|призвал\w*|касающи\w+|относительно)\b",
    re.IGNORECASE,
)
"""A verb or phrase that opens a list of the call's subjects ("discussed A, B and C",
"raised other matters of concern, including A, B and C", "praised A and B")."""


_CLAUSE_VERB = re.compile(
    r"\b(?:stressed|noted|said|agreed|informed|reaffirmed|reiterated|pointed\s+out|thanked"
    r"|congratulated|expressed|assured|underlined|emphasi[sz]ed|confirmed|proposed|invited"
    r"|подчеркнул\w*|отметил\w*|заявил\w*|договорил\w*|проинформировал\w*|поблагодарил\w*"
    r"|поздравил\w*|выразил\w*|подтвердил\w*|предложил\w*|пригласил\w*|указал\w*)\b",
    re.IGNORECASE,
)
"""A reporting verb: between two issues of a sentence, it makes each a point of its
own ("met at the OSCE and urged the CTBT's entry into force")."""


def _siblings(xs: list[TopicHit], ys: list[TopicHit], text: str, start: int) -> bool:
    """Whether two issues of one sentence (from ``start``) are points of their own: items
    of one list of the call's subjects ("discussed A, B and C") or objects of two
    reporting verbs, not one the point and the other a word under it ("sanctions will
    hit finance, energy and supply chains")."""
    for x in xs:
        for y in ys:
            first, second = (x, y) if x.start <= y.start else (y, x)
            if _coordinate(first, second, text) and AGENDA.search(text, start, first.start):
                return True
            if AGENDA.search(text, first.end, second.start) or _CLAUSE_VERB.search(
                text, first.end, second.start
            ):
                return True
    return False


def _coordinate(first: TopicHit, second: TopicHit, text: str) -> bool:
    """Whether two hits of one sentence, in text order, are items of one list: the
    first ends an item (a separator follows it within a few words) before the second
    begins."""
    between = text[first.end : second.start]
    separator = _SEPARATOR.search(between)
    return separator is not None and len(between[: separator.start()].split()) <= LIST_GAP
