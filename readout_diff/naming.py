"""Ad-hoc topics: named things no topic pack foresaw (a new treaty, an organisation).

Readouts name instruments and bodies that no pack lists ("the Caspian Pipeline
Consortium", "the CSTO"). This stage finds such names in each readout, drops the
ones a pack topic already covers, matches the rest across the two readouts by
fuzzy similarity, and turns each into an ad-hoc topic, kept apart from pack topics
in the report (``kind: "adhoc"``).

Only two shapes count as a name here, because people and places add more noise
than signal (officials, cities where a meeting took place): a run of capitalised
words ending in an institutional noun ("... Treaty", "... Council", "... Initiative"),
and an acronym of two to six capitals that is not one of the parties' own names.
A name is taken whole, through "and", "of", "for", tight hyphens and, in Russian,
the lowercase words after "о"/"по". An acronym and its spelled-out name (the one in
brackets after it, or the initials of its significant words) are one topic, in one
readout or across the two; a name spelled out for a pack's acronym alias ("North
Atlantic Treaty Organisation" for NATO) is a hit of that pack topic instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from readout_diff.model import TaggedReadout, Topic, TopicHit, TopicKind
from readout_diff.nameshapes import (
    ACRONYM,
    CONNECTORS,
    capitalised_runs,
    is_country,
    is_head,
    name_parts,
)
from readout_diff.topicpacks import TopicPack

# Words that say only whose or how wide a named meeting or body is ("UN Climate Change
# Conference", "International Energy Forum"): with an institutional noun, they leave
# the name to the pack alias inside it.
SCOPE_WORDS = frozenset(
    "un u.n. united nations international global world annual regional high-level "
    "оон международный глобальный всемирный ежегодный региональный".split()
)


ID_PREFIX = "adhoc:"


@dataclass(frozen=True)
class Name:
    """A named thing found in a readout."""

    text: str
    key: str
    sentence: int
    start: int
    end: int
    acronym: str = ""
    """The acronym the readout gives for it ("... Treaty (CTBT)"), or that of its initials."""


def find_names(doc: Doc, tagged: TaggedReadout) -> list[Name]:
    """Names in a readout that no pack topic already covers.

    A pack hit that covers a name's institutional noun, or all of the name but one
    such noun ("New START Treaty"), leaves the name to the pack. A pack hit inside a
    longer name (a region's name inside an organisation's) does not: the name is kept,
    and :func:`adhoc_topics` takes the pack hit off it.
    """
    starts = [s.start for s in tagged.sentences]
    names = []
    for span in (part for run in capitalised_runs(doc) for part in name_parts(run)):
        if _left_to_pack(span, tagged.hits):
            continue
        index = bisect_right(starts, span.start_char) - 1
        names.append(
            Name(
                text=span.text,
                key=_key(span.text),
                sentence=index,
                start=span.start_char,
                end=span.end_char,
                acronym=_given_acronym(doc, span) or _initials(span.text),
            )
        )
    return names


def _left_to_pack(span: Span, hits: Iterable[TopicHit]) -> bool:
    inside = [h for h in hits if span.start_char < h.end and h.start < span.end_char]
    if not inside:
        return False
    if len(span) == 1:
        return True
    for hit in inside:
        rest = [t for t in span if not (hit.start <= t.idx < hit.end)]
        if hit.start < span.start_char or hit.end > span.end_char:
            return True  # the pack's alias is longer than the name
        if any(is_head(t) for t in span if hit.start <= t.idx < hit.end):
            return True  # the alias names the institution itself
        words = [t for t in rest if t.lower_ not in CONNECTORS and t.text != "-"]
        if len(words) <= 1:
            return True  # "New START Treaty": the alias and one institutional noun
        if all(is_head(t) or t.lower_ in SCOPE_WORDS for t in words):
            return True  # "UN Climate Change Conference": the issue's own meeting
    return False


def _given_acronym(doc: Doc, span: Span) -> str:
    """The acronym written in brackets straight after a name, if any."""
    k = span.end
    if k + 2 < len(doc) + 0 and doc[k].text == "(" and doc[k + 2].text == ")":
        text = doc[k + 1].text
        if ACRONYM.match(text):
            return text
    return ""


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def same_thing(x: Name, y: Name) -> bool:
    """Whether two names (from one readout or the two) name the same thing."""
    if x.key == y.key:
        return True
    x_short, y_short = bool(ACRONYM.match(x.text)), bool(ACRONYM.match(y.text))
    if x_short and y_short:
        return x.text == y.text
    if x_short or y_short:
        short, full = (x, y) if x_short else (y, x)
        return short.text == full.acronym or acronym_of(short.text, full.text)
    return fuzz.token_set_ratio(x.key, y.key) >= 85


def _initials(text: str) -> str:
    """The initials of a name's significant words, with each capitalised part after a
    hyphen ("Comprehensive Nuclear-Test-Ban Treaty" -> "CNTBT"; "Организация Договора
    о коллективной безопасности" -> "ОДКБ")."""
    if ACRONYM.match(text):
        return ""
    letters = []
    for word in re.split(r"\s+", text):
        if word.lower() in CONNECTORS:
            continue
        parts = [p for p in word.split("-") if p]
        if not parts:
            continue
        letters.append(parts[0][0].upper())
        letters += [p[0] for p in parts[1:] if p[:1].isupper()]
    return "".join(letters)


def acronym_of(acronym: str, name: str) -> bool:
    """Whether an acronym stands for a name: its initials, or all but one of them in
    order with the first and the last ("CTBT" for "Comprehensive Nuclear-Test-Ban
    Treaty")."""
    initials = _initials(name)
    if len(acronym) < 2 or not initials:
        return False
    if acronym == initials:
        return True
    if len(acronym) < 3 or len(initials) - len(acronym) != 1:
        return False
    if acronym[0] != initials[0] or acronym[-1] != initials[-1]:
        return False
    letters = iter(initials)
    return all(ch in letters for ch in acronym)


def adhoc_topics(
    doc_a: Doc,
    a: TaggedReadout,
    doc_b: Doc,
    b: TaggedReadout,
    pack_acronyms: Mapping[str, str] | None = None,
) -> tuple[TaggedReadout, TaggedReadout, dict[str, Topic]]:
    """Both readouts with ad-hoc topic hits added, and the ad-hoc topics by id.

    ``pack_acronyms`` maps acronyms that are pack aliases ("NATO") to their topics'
    ids: a name spelled out for one of them ("North Atlantic Treaty Organisation") is
    a hit of that pack topic, not an ad-hoc topic beside it. An acronym and its
    spelled-out form, in one readout or across the two, are one ad-hoc topic.
    """
    acronyms = dict(pack_acronyms or {})
    names_a, names_b = find_names(doc_a, a), find_names(doc_b, b)
    text_a, text_b = _key(a.readout.text), _key(b.readout.text)
    topics: dict[str, Topic] = {}
    hits_a: list[TopicHit] = []
    hits_b: list[TopicHit] = []
    clusters: list[tuple[list[Name], list[Name]]] = []
    for side, names in ((0, names_a), (1, names_b)):
        for name in names:
            found = [c for c in clusters if any(same_thing(m, name) for m in (*c[0], *c[1]))]
            if not found:
                cluster: tuple[list[Name], list[Name]] = ([], [])
                clusters.append(cluster)
            else:
                cluster = found[0]
                for other in found[1:]:  # the name links two clusters: one thing
                    cluster[0].extend(other[0])
                    cluster[1].extend(other[1])
                    clusters.remove(other)
            cluster[side].append(name)
    for in_a, in_b in clusters:
        members = [*in_a, *in_b]
        pack_id = next(
            (acronyms[m.acronym or m.text] for m in members if (m.acronym or m.text) in acronyms),
            None,
        ) or next(
            (
                topic_id
                for acronym, topic_id in acronyms.items()
                for m in members
                if not ACRONYM.match(m.text) and acronym_of(acronym, m.text)
            ),
            None,
        )
        if pack_id is not None:
            hits_a += [_hit(pack_id, n) for n in in_a]
            hits_b += [_hit(pack_id, n) for n in in_b]
            continue
        spelled = [m for m in members if not ACRONYM.match(m.text)]
        first = spelled[0] if spelled else members[0]
        # A name written out on one side may stand in plain words on the other
        # ("the UN Security Council" / "the Security Council"): count it as shared.
        if (in_a and not in_b and first.key in text_b) or (
            in_b and not in_a and first.key in text_a
        ):
            continue
        topic_id = ID_PREFIX + first.key.replace(" ", "-")
        topics[topic_id] = Topic(
            id=topic_id, label=first.text, group="Named only here", kind=TopicKind.ADHOC
        )
        hits_a += [_hit(topic_id, n) for n in in_a]
        hits_b += [_hit(topic_id, n) for n in in_b]
    return _with_hits(a, hits_a, names_a), _with_hits(b, hits_b, names_b), topics


def pack_acronyms(pack: TopicPack, lang: str) -> dict[str, str]:
    """The pack's aliases in one language that are acronyms, with their topics' ids."""
    found: dict[str, str] = {}
    for spec in pack.topics:
        for alias in spec.aliases_for(lang):
            if ACRONYM.match(alias) and not is_country(alias):
                found.setdefault(alias, spec.id)
    return found


def _hit(topic_id: str, name: Name) -> TopicHit:
    return TopicHit(
        topic_id=topic_id, sentence=name.sentence, start=name.start, end=name.end, text=name.text
    )


def _with_hits(tagged: TaggedReadout, extra: list[TopicHit], names: list[Name]) -> TaggedReadout:
    """The readout with the names' hits added and the pack hits inside them taken off."""
    kept = [
        h
        for h in tagged.hits
        if not any(
            n.start <= h.start and h.end <= n.end and (h.start, h.end) != (n.start, n.end)
            for n in names
        )
    ]
    if not extra and len(kept) == len(tagged.hits):
        return tagged
    return TaggedReadout(segmented=tagged.segmented, hits=tuple(kept)).with_hits(extra)
