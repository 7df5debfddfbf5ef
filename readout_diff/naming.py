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
from spacy.tokens import Doc, Span, Token

from readout_diff import countries
from readout_diff.model import TaggedReadout, Topic, TopicHit, TopicKind
from readout_diff.topicpacks import TopicPack

INSTITUTION_HEADS = frozenset(
    "treaty agreement agreements accord accords pact convention protocol charter "
    "declaration memorandum communique plan initiative strategy programme program "
    "council organization organisation alliance union bank fund commission court "
    "forum group summit format process mechanism framework partnership corridor "
    "pipeline consortium project conference war "
    # Russian, as lemmas (the Russian pipeline's norm is the pymorphy3 lemma)
    "договор соглашение пакт конвенция протокол хартия декларация меморандум "
    "коммюнике план инициатива стратегия программа совет организация альянс союз "
    "банк фонд комиссия суд форум группа саммит формат процесс механизм "
    "партнёрство партнерство коридор трубопровод консорциум проект конференция".split()
)
# Acronyms that name a country countries.toml does not write in capitals, or say
# nothing of a subject (the capitalised names it has are :func:`countries.country_acronyms`).
PARTY_ACRONYMS = frozenset("US RF USSR FRG II III IV AM PM СССР".split())
CONNECTORS = frozenset(
    {"of", "on", "for", "against", "the", "de", "in", "and", "и", "по", "о", "об", "в", "против"}
)
# A possessive inside a name's tail ("Partnership for Workers' Rights"; the owner before
# a name, "the Kremlin's Security Council", is not part of it).
POSSESSIVES = frozenset({"'", "’", "'s", "’s"})
# Words that join two parts of one name ("Belt and Road", "Security and Co-operation").
AND_WORDS = frozenset({"and", "и"})
# Lowercase words that a name may continue with only after another part of it
# ("Co-operation in Europe"), never straight after its institutional noun
# ("the Council in Brussels" is a place, not part of the name).
LATE_CONNECTORS = frozenset({"in", "в"})
# Words that say only whose or how wide a named meeting or body is ("UN Climate Change
# Conference", "International Energy Forum"): with an institutional noun, they leave
# the name to the pack alias inside it.
SCOPE_WORDS = frozenset(
    "un u.n. united nations international global world annual regional high-level "
    "оон международный глобальный всемирный ежегодный региональный".split()
)
# Number words lead names ("Three Seas Initiative") though spaCy counts them as stop words.
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twenty".split())
# A capitalised word after "and" belongs to the name when it is an abstract noun
# ("... for Security and Co-operation", "Treaty of Friendship and Cooperation").
_ABSTRACT = re.compile(
    r"(tion|ity|ety|rty|ship|ment|ance|ence|ism|ing|ure|ness|age)$", re.IGNORECASE
)
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
# Lowercase words that may go on a Russian name after "о"/"по" ("Договор о
# всеобъемлющем запрещении ядерных испытаний"): nouns and adjectives in an oblique case.
_RU_NAME_WORD = re.compile(r"^[а-яё]+$")
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
    for span in (part for run in _capitalised_runs(doc) for part in _name_parts(run)):
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
        if any(_is_head(t) for t in span if hit.start <= t.idx < hit.end):
            return True  # the alias names the institution itself
        words = [t for t in rest if t.lower_ not in CONNECTORS and t.text != "-"]
        if len(words) <= 1:
            return True  # "New START Treaty": the alias and one institutional noun
        if all(_is_head(t) or t.lower_ in SCOPE_WORDS for t in words):
            return True  # "UN Climate Change Conference": the issue's own meeting
    return False


def _given_acronym(doc: Doc, span: Span) -> str:
    """The acronym written in brackets straight after a name, if any."""
    k = span.end
    if k + 2 < len(doc) + 0 and doc[k].text == "(" and doc[k + 2].text == ")":
        text = doc[k + 1].text
        if _ACRONYM.match(text):
            return text
    return ""


def _is_capital(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _hyphen_joins(token: Token) -> bool:
    """A hyphen written tight between two words ("Nuclear-Test-Ban", "Co-operation")."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and doc[token.i - 1].is_alpha
        and doc[token.i + 1].is_alpha
    )


def _capitalised_runs(doc: Doc) -> Iterable[Span]:
    run: list[int] = []
    for token in doc:
        capital = _is_capital(token)
        inside = bool(run) and not token.is_sent_start
        hyphen = inside and (_hyphen_joins(token) or (run and _hyphen_joins(doc[run[-1]])))
        joins = inside and (
            token.lower_ in CONNECTORS
            or (
                token.text in POSSESSIVES
                and _capital_next(token)
                and any(doc[k].lower_ in CONNECTORS for k in run)
            )
        )
        if _splits(token, run):
            yield from _trim(doc, run)
            run = []
            continue
        starts = capital and not (run and token.is_sent_start)
        if starts or joins or hyphen or (run and _russian_tail(token, run)):
            run.append(token.i)
        else:
            yield from _trim(doc, run)
            run = [token.i] if capital else []
    yield from _trim(doc, run)


def _capital_next(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and _is_capital(doc[token.i + 1])


def _splits(token: Token, run: list[int]) -> bool:
    """Whether "and" here joins two names rather than two parts of one ("X and the Y")."""
    if not run or token.lower_ not in AND_WORDS:
        return False
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        nxt is None
        or nxt.lower_ in CONNECTORS
        or doc[run[-1]].lower_ in CONNECTORS
        or bool(_ACRONYM.match(nxt.text) or _ACRONYM.match(doc[run[-1]].text))  # "ОДКБ и ..."
    )


def _russian_tail(token: Token, run: list[int]) -> bool:
    """A lowercase word going on a Russian name after "о"/"по" (and after "и" in it)."""
    if not _RU_NAME_WORD.match(token.text) or token.lower_ in CONNECTORS:
        return False
    doc = token.doc
    words = [doc[k] for k in run]
    if not any(w.lower_ in {"о", "об", "по"} for w in words):
        return False
    if not any(_is_head(w) for w in words):
        return False
    tail = 0
    for w in reversed(words):
        if w.lower_ in {"о", "об", "по"}:
            break
        tail += 1
    if tail >= 5:
        return False
    morph = token.morph
    case = morph.get("Case", [])
    if case and case[0] in {"Nom"}:
        return False
    pos = token.pos_
    return pos in {"", "NOUN", "ADJ", "X"} and not token.is_stop


def _trim(doc: Doc, run: list[int]) -> Iterable[Span]:
    while run and (doc[run[-1]].lower_ in CONNECTORS or doc[run[-1]].text == "-"):
        run.pop()
    while run and (
        doc[run[0]].lower_ in CONNECTORS
        or (doc[run[0]].is_stop and doc[run[0]].lower_ not in NUMBER_WORDS)
    ):
        run.pop(0)
    if run:
        yield doc[run[0] : run[-1] + 1]


def _is_head(token: Token) -> bool:
    return (
        token.norm_ in INSTITUTION_HEADS
        or token.lower_ in INSTITUTION_HEADS
        or token.lemma_.lower() in INSTITUTION_HEADS
    )


def _name_parts(run: Span) -> Iterable[Span]:
    """Every name in a capitalised run, in order: after one name, the rest of the run
    may hold another ("... European Council Charles Michel and President of the
    European Commission")."""
    while len(run):
        part = _name_part(run)
        if part is None:
            return
        yield part
        run = run.doc[part.end : run.end]


def _name_part(run: Span) -> Span | None:
    """The part of a capitalised run that names an institution or instrument, if any.

    An acronym stands alone. Otherwise the run must hold an institutional noun. The
    name starts at the connector-separated segment that holds the first such noun
    ("Leyen of the European Commission" -> "European Commission"), reaching back over
    "and" to a single word ("Belt and Road Initiative"). It ends at the last such
    noun, keeping what connectors add to it ("Plan of Action", "Organization for
    Security and Co-operation in Europe"), so that a person's name before or after it
    ("... Commission Ursula") is left out. A person's name or a title straight after
    an institutional noun ends the name there, even when another institution follows
    ("European Council Charles Michel and President of the European Commission" ->
    "European Council").
    """
    if len(run) == 1:
        text = run.text
        return run if _ACRONYM.match(text) and not _is_country(text) else None
    heads = [k for k, token in enumerate(run) if _is_head(token) and _is_capital(token)]
    if not heads:
        return None
    start = heads[0]
    while start > 0 and run[start - 1].lower_ not in CONNECTORS:
        start -= 1
    if (
        start == heads[0] - 1
        and start >= 2
        and run[start - 1].lower_ in AND_WORDS
        and (start == 2 or run[start - 3].lower_ in CONNECTORS)
        and run[start - 2].lower_ not in CONNECTORS
    ):
        start -= 2  # "Belt and Road Initiative", "Peace and Security Council"
    last = heads[0]
    for head in heads[1:]:
        if _ends_name(run, last):
            break
        last = head
    end = _extend(run, last + 1)
    part = run[start:end]
    while len(part) and (
        part[0].lower_ in CONNECTORS
        or (part[0].is_stop and part[0].lower_ not in NUMBER_WORDS and _is_capital(part[0]))
    ):
        part = part[1:]
    while len(part) and (part[-1].lower_ in CONNECTORS or part[-1].text == "-"):
        part = part[:-1]
    return part if len(part) >= 2 else None


def _ends_name(run: Span, head: int) -> bool:
    """Whether a name ends at this institutional noun, whatever noun comes later in the
    run: when a capitalised word that is neither a connector nor another institutional
    noun follows it straight away, that word starts a person's name or a title
    ("European Council Charles Michel and President of the European Commission",
    "European Council President ..."); the next institution is another name."""
    k = head + 1
    if k >= len(run) or run[0].lang_ == "ru":
        return False  # Russian names go on in capitals in the genitive ("Совет Безопасности ...")
    token = run[k]
    return (
        _is_capital(token)
        and token.lower_ not in CONNECTORS
        and token.text != "-"
        and not _is_head(token)
    )


def _extend(run: Span, end: int) -> int:
    """Where a name ends that has its last institutional noun just before ``end``."""
    after_head = True
    while end < len(run) and run[end].lower_ in CONNECTORS:
        k = end
        first = run[k].lower_
        if first in AND_WORDS and not _abstract_follows(run, k + 1):
            break
        if first in LATE_CONNECTORS and after_head:
            break
        while k < len(run) and run[k].lower_ in CONNECTORS:  # "of the"
            k += 1
        if k == len(run):
            break
        while k < len(run) and run[k].lower_ not in CONNECTORS:
            k += 1
        end = k
        after_head = False
    return end


def _abstract_follows(run: Span, k: int) -> bool:
    """Whether the words after an "and" are an abstract noun ("and Co-operation")."""
    words = []
    while k < len(run) and run[k].lower_ not in CONNECTORS:
        words.append(run[k].text)
        k += 1
    if not words:
        return False
    if run[0].lang_ == "ru":  # Russian names go on in lowercase: "... и сотрудничеству"
        return words[0][:1].islower()
    return bool(_ABSTRACT.search(words[-1]))


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def same_thing(x: Name, y: Name) -> bool:
    """Whether two names (from one readout or the two) name the same thing."""
    if x.key == y.key:
        return True
    x_short, y_short = bool(_ACRONYM.match(x.text)), bool(_ACRONYM.match(y.text))
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
    if _ACRONYM.match(text):
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
                if not _ACRONYM.match(m.text) and acronym_of(acronym, m.text)
            ),
            None,
        )
        if pack_id is not None:
            hits_a += [_hit(pack_id, n) for n in in_a]
            hits_b += [_hit(pack_id, n) for n in in_b]
            continue
        spelled = [m for m in members if not _ACRONYM.match(m.text)]
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
            if _ACRONYM.match(alias) and not _is_country(alias):
                found.setdefault(alias, spec.id)
    return found


def _is_country(acronym: str) -> bool:
    """An acronym that names a country (a party, or a third country, which
    :mod:`readout_diff.countries` reports): not a named thing of its own."""
    return acronym in PARTY_ACRONYMS or acronym in countries.country_acronyms()


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
