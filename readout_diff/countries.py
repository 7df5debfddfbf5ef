"""Third countries as topics: a country the call discusses that is not a party to it.

Readouts discuss countries that take no part in the call: "They also agreed to
cooperate closely on issues concerning China and North Korea", "common foreign policy
priorities, among them China, the Middle East, Russia and the Sahel". No topic pack
can list every such country as a topic without tagging the parties themselves in
every sentence ("China and the United States"), so this stage does it per call:

* the parties are the countries whose leaders open each readout
  (:func:`readout_diff.parties.find_parties`), of any readout when there are three
  or more (:func:`call_parties`); every other country of ``packs/countries.toml`` is
  a third country;
* a third country is a subject of a readout where it is named in a list of the
  call's subjects or after "concerning", "including", "among them" and the like
  (:data:`readout_diff.points.AGENDA`), and no pack topic covers the name there
  (North Korea is the Korean Peninsula's);
* any mention of it in another readout counts as presence there, so a country is
  one-sided only when the other side never names it.

The topics are ad-hoc ones (``kind: "adhoc"``, id ``country:<code>``), kept apart
from pack topics like the other names no topic covers.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Any

from readout_diff.model import TaggedReadout, Topic, TopicHit, TopicKind
from readout_diff.parties import Parties, find_parties, reconcile
from readout_diff.points import AGENDA

ID_PREFIX = "country:"
CONTEXT = re.compile(
    r"\b(?:related to|relating to|such as|situation\s+in|касательно|в\s+отношении"
    r"|ситуаци\w+\s+(?:в|вокруг))\b",
    re.IGNORECASE,
)
"""Words after which a country is the subject of a point, besides those of
:data:`~readout_diff.points.AGENDA` ("concerning", "including", "among them")."""
REACH = 12
"""Most words between the cue and the country it introduces."""
_BREAK = re.compile(r"[;:]|\.\s")
_SIDE_OF = re.compile(r"\b(?:between|между)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    """A country of ``packs/countries.toml``: its code, label and names."""

    code: str
    label: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, Any], ...]:
    """The entries of the package's ``packs/countries.toml``, read once."""
    text = resources.files("readout_diff.packs").joinpath("countries.toml").read_text("utf-8")
    return tuple(tomllib.loads(text)["country"])


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The countries of the package's ``packs/countries.toml``."""
    found = []
    for entry in _entries():
        names = [r"(?<![\w-])" + re.escape(n) + r"(?![\w-])" for n in entry.get("en", [])]
        # A Russian noun's stem with any ending, but not the adjective made from it
        # ("Китая", not "Китайская" at the head of a sentence).
        names += [r"(?<![\w-])" + re.escape(stem) + r"(?!\w*ск)\w*" for stem in entry.get("ru", [])]
        found.append(Country(entry["code"], entry["label"], re.compile("|".join(names))))
    return tuple(found)


@lru_cache(maxsize=1)
def country_acronyms() -> frozenset[str]:
    """The countries' names written in capitals ("ROK", "UAE", "КНР"): a country, never a
    named thing of its own (see :mod:`readout_diff.naming`)."""
    return frozenset(
        name
        for entry in _entries()
        for name in (*entry.get("en", []), *entry.get("ru", []))
        if name.isupper() and name.isalpha()
    )


def third_country_topics(
    a: TaggedReadout, b: TaggedReadout
) -> tuple[TaggedReadout, TaggedReadout, dict[str, Topic]]:
    """The readouts with hits of the third countries they discuss, and those topics."""
    (a, b), topics = third_country_topics_all((a, b))
    return a, b, topics


def third_country_topics_all(
    readouts: Sequence[TaggedReadout],
) -> tuple[tuple[TaggedReadout, ...], dict[str, Topic]]:
    """The same for any number of accounts of one call: a country is a topic when one
    readout discusses it, and every readout that names it has its hits."""
    parties = call_parties(readouts)
    extra: list[list[TopicHit]] = [[] for _ in readouts]
    topics: dict[str, Topic] = {}
    for country in countries():
        if country.code in parties:
            continue
        mentions = [_mentions(tagged, country) for tagged in readouts]
        if not any(
            _discussed(tagged, hit)
            for tagged, hits in zip(readouts, mentions, strict=True)
            for hit in hits
        ):
            continue
        topic_id = ID_PREFIX + country.code
        topics[topic_id] = Topic(id=topic_id, label=country.label, kind=TopicKind.ADHOC)
        for side, hits in enumerate(mentions):
            extra[side].extend(replace(h, topic_id=topic_id) for h in hits)
    if not topics:
        return tuple(readouts), {}
    return tuple(t.with_hits(e) for t, e in zip(readouts, extra, strict=True)), topics


def call_parties(readouts: Sequence[TaggedReadout]) -> frozenset[str]:
    """The countries taking part in the call: those whose leaders open any of its readouts.

    Each pair of readouts is read as the two sides' (:func:`~readout_diff.parties.reconcile`);
    a party one readout names is a party for all, so the third account of a three-way call
    (which names its own leader and one other) adds the leader the other two leave out.
    """
    found = [find_parties(tagged.sentences) for tagged in readouts]
    # A readout alone is read as it is; with others, as reconciled with each of them
    # (which may turn a weakly read opening round).
    read: list[Parties] = list(found) if len(found) == 1 else []
    for i, j in combinations(range(len(found)), 2):
        read += reconcile(found[i], found[j])
    return frozenset(code for side in read for code in (side.own, side.other) if code)


def party_names(readouts: Sequence[TaggedReadout]) -> tuple[re.Pattern[str], ...]:
    """The names of the call's countries (:func:`call_parties`), as patterns."""
    parties = call_parties(readouts)
    return tuple(c.pattern for c in countries() if c.code in parties)


def _mentions(tagged: TaggedReadout, country: Country) -> list[TopicHit]:
    """The country's names in a readout's sentences that no topic's hit covers."""
    text = tagged.readout.text
    hits = []
    for sentence in tagged.sentences:
        for match in country.pattern.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            if any(h.start < end and start < h.end for h in tagged.hits):
                continue
            if (
                _SIDE_OF.search(text, max(sentence.start, start - 12), start)
                or text[end : end + 1] == "/"
                or text[start - 1 : start] == "/"
            ):
                # A side of another issue: "the war between Russia and Ukraine",
                # "Ukraine/Russia".
                continue
            hits.append(
                TopicHit(
                    topic_id="", sentence=sentence.index, start=start, end=end, text=match.group(0)
                )
            )
    return hits


def _discussed(tagged: TaggedReadout, hit: TopicHit) -> bool:
    """Whether a country's name is a subject of its sentence: introduced by a cue of
    the agenda within a few words, in the same clause."""
    text = tagged.readout.text
    sentence = tagged.sentences[hit.sentence]
    before = text[sentence.start : hit.start]
    cues = [m for rx in (AGENDA, CONTEXT) for m in rx.finditer(before)]
    if not cues:
        return False
    between = before[max(m.end() for m in cues) :]
    return not _BREAK.search(between) and len(between.split()) <= REACH
