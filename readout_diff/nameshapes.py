"""Where a name starts and ends: the shapes the ad-hoc naming stage reads as names.

:mod:`readout_diff.naming` takes named things that no pack foresaw from a readout;
this module holds the token-level rules it reads them with. A name is a run of
capitalised words, joined through "and", "of", "for", tight hyphens and, in Russian,
the lowercase words after "о"/"по" (:func:`capitalised_runs`), and within such a run
the part that ends in an institutional noun (:func:`name_parts`); a person's name or
a title after that noun is not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from readout_diff import countries

# Acronyms that name a country countries.toml does not write in capitals, or say
# nothing of a subject (the capitalised names it has are :func:`countries.country_acronyms`).
PARTY_ACRONYMS = frozenset("US RF USSR FRG II III IV AM PM СССР".split())
ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")


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


# Number words lead names ("Three Seas Initiative") though spaCy counts them as stop words.
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twenty".split())


# A capitalised word after "and" belongs to the name when it is an abstract noun
# ("... for Security and Co-operation", "Treaty of Friendship and Cooperation").
_ABSTRACT = re.compile(
    r"(tion|ity|ety|rty|ship|ment|ance|ence|ism|ing|ure|ness|age)$", re.IGNORECASE
)


# Lowercase words that may go on a Russian name after "о"/"по" ("Договор о
# всеобъемлющем запрещении ядерных испытаний"): nouns and adjectives in an oblique case.
_RU_NAME_WORD = re.compile(r"^[а-яё]+$")


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


def capitalised_runs(doc: Doc) -> Iterable[Span]:
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
        or bool(ACRONYM.match(nxt.text) or ACRONYM.match(doc[run[-1]].text))  # "ОДКБ и ..."
    )


def _russian_tail(token: Token, run: list[int]) -> bool:
    """A lowercase word going on a Russian name after "о"/"по" (and after "и" in it)."""
    if not _RU_NAME_WORD.match(token.text) or token.lower_ in CONNECTORS:
        return False
    doc = token.doc
    words = [doc[k] for k in run]
    if not any(w.lower_ in {"о", "об", "по"} for w in words):
        return False
    if not any(is_head(w) for w in words):
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


def is_head(token: Token) -> bool:
    return (
        token.norm_ in INSTITUTION_HEADS
        or token.lower_ in INSTITUTION_HEADS
        or token.lemma_.lower() in INSTITUTION_HEADS
    )


def name_parts(run: Span) -> Iterable[Span]:
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
        return run if ACRONYM.match(text) and not is_country(text) else None
    heads = [k for k, token in enumerate(run) if is_head(token) and _is_capital(token)]
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
        and not is_head(token)
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


def is_country(acronym: str) -> bool:
    """An acronym that names a country (a party, or a third country, which
    :mod:`readout_diff.countries` reports): not a named thing of its own."""
    return acronym in PARTY_ACRONYMS or acronym in countries.country_acronyms()
