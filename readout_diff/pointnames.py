"""Names of one-sided points: the short phrase a sentence's point is about.

The verdict stage (:mod:`readout_diff.verdicts`) finds points of a readout that no
pack topic covers and the other readout does not make; each becomes a one-sided
subject that needs a name. When a reporting verb introduces the point, the name is
what follows it (:func:`readout_diff.subjects.subject_phrase`). Otherwise a reader
needs the words that carry the point, not the sentence's opening words ("During the
call, both sides reaffirmed their shared …"), so the name is the first noun phrase of
the sentence that says what the point is about (:func:`point_phrase`):

* not who speaks: the sentence's own subject before its verb ("China will keep …",
  "The national security advisers are working …", taken only when nothing else
  names the point), a title or a side and the name after it ("President Erdoğan",
  "the two leaders", "российская сторона"), a person's name ("Xi Jinping",
  "Р.Т.Эрдоган"), a country of the call alone;
* not an attitude ("shared determination", "serious concerns", "надежда"), nor the
  call itself ("during the call"): what they lead to is the point ("the need for
  open supply chains" -> "open supply chains");
* not the relationship's formulas alone ("bilateral cooperation"), nor a word as
  vague as "countries".

A noun phrase is a run of nouns and adjectives, through a preposition ("of", "for",
"in", "on", "with", "against", "between", "to"; in Russian "в", "на", "по", "с", "для",
"о" …) when a noun follows, ending on a noun, at most
:data:`~readout_diff.subjects.SUBJECT_WORDS` words; "between" one party "and" the
other is left out ("normalisation of relations between Russia and …" ->
"normalisation of relations"). Parts of speech come from the lemma lists of WordNet
that spacy-lookups-data ships (English: a word is a verb when all its readings are
verbs, after an auxiliary or a pronoun, or inflected after a name: "Türkiye valued")
and from pymorphy3 (Russian, remembered by :mod:`readout_diff.morphology`). A
sentence with no such phrase keeps its opening words.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP
from spacy.lang.ru.stop_words import STOP_WORDS as _RU_STOP_WORDS

from readout_diff import morphology, subjects

_WORD = re.compile(r"[^\W_]+(?:[-'’.]+[^\W_]+)*(?:['’]s\b)?")
_POSSESSIVE = re.compile(r"['’]s$")

_EN_JOINS = frozenset({"of", "for", "in", "on", "with", "against", "between", "to"})
_EN_ARTICLES = frozenset({"the", "a", "an"})
_EN_AUXILIARIES = frozenset(
    "will would shall should must can could may might to not is are was were be been has "
    "have had do does did".split()
)
"""After one of these (adverbs between), a word that can be a verb is one."""
_EN_PRONOUNS = frozenset("he she they we it i who which".split())
_EN_REPORTED = frozenset("said says told tells added".split())
"""Verbs that a lexicon also reads as adjectives ("the said treaty"), never so here."""
_RU_JOINS = frozenset("в во на по с со для о об между против".split())
_RU_STOP = frozenset({*_RU_STOP_WORDS, "друг", "друга", "целом", "целях"})

_ACTORS = frozenset(
    "leader side president prime minister chancellor head counterpart party government "
    "delegation emir king premier secretary mr ms mrs mister chairman "
    "лидер сторона президент премьер министр канцлер глава собеседник руководство "
    "руководитель делегация".split()
)
"""Who speaks: a phrase that starts with one of these names a person or a side."""
_ATTITUDES = frozenset(
    "determination commitment hope readiness willingness desire intention appreciation "
    "gratitude thanks concern confidence importance need position view stance satisfaction "
    "disappointment frustration regret resolve wish aspiration expectation belief conviction "
    "opinion assessment value interest attention utmost "
    "надежда готовность уверенность заинтересованность необходимость важность значимость "
    "признательность благодарность озабоченность обеспокоенность позиция намерение "
    "стремление настрой решимость удовлетворение мнение оценка интерес внимание "
    "впечатление нежелание".split()
)
"""An attitude towards a point, not the point ("their shared determination")."""
_META = frozenset(
    "call conversation phone telephone videoconference discussion course context "
    "разговор беседа звонок видеоконференция ход обмен контекст".split()
)
"""The call itself, or how it went, not a point of it."""
_HOLLOW = frozenset(
    "time order today tomorrow yesterday week year month day forward january february march april "
    "may june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday время сегодня".split()
)
"""Words a point's name neither starts nor ends on ("this year's SCO summit")."""
_VAGUE = frozenset(
    "country nation side part way stage level mainstream kind opportunity страна".split()
)
"""Words that name no point alone ("countries")."""
_LEADS = frozenset("contribution вклад".split())
"""Words that lead to the point ("every contribution to the resolution of the war")."""
_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.)+[A-ZА-ЯЁ]")


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    lemma: str
    """Lower case, without a possessive (English) or pymorphy3's normal form (Russian)."""
    kind: str
    """``np`` (may be in a noun phrase), ``join``, ``article`` or ``break``."""
    noun: bool
    """Whether a noun phrase may end on it."""
    verb: bool
    """Whether it reads as a verb (the end of a sentence's own subject)."""
    adjective: bool = False
    """Whether it can describe (no name is one such word alone)."""
    known: bool = False
    """Whether the lexicon knows it (a person's name mostly is not)."""


def point_phrase(
    text: str, language: str, parties: Sequence[re.Pattern[str]] = ()
) -> tuple[int, int] | None:
    """The span of the phrase that names ``text``'s point (module docstring), or None
    when the sentence has none. ``parties``: the names of the call's countries, which
    name no point alone (they are who speaks)."""
    words = list(_words(text, language))
    phrases = [_pair_cut(words, lo, hi) for lo, hi in _phrases(text, words)]
    if not phrases:
        return None
    own_subject: tuple[int, int] | None = None
    lo, hi = phrases[0]
    if not any(w.verb for w in words[:lo]) and hi < len(words) and words[hi].verb:
        # The sentence's own subject, before its verb: who speaks, or (last) the point.
        own_subject = phrases.pop(0)
    for lo, hi in phrases:
        if lo > 0 and _bare(words[lo - 1]) in _ACTORS:  # a title's name: "Mr. Biden"
            while lo < hi and (words[lo].text[0].isupper() or words[lo].kind != "np"):
                lo += 1
        span = _named(words[lo:hi], parties)
        if span is not None:
            return span
    if own_subject is not None:
        return _named(words[own_subject[0] : own_subject[1]], parties)
    return None


def _named(run: list[_Word], parties: Sequence[re.Pattern[str]]) -> tuple[int, int] | None:
    # What an attitude or the call leads to is the point ("the need for open supply
    # chains", "настрой на укрепление союзничества"), and so is what a predicate leads
    # to ("sincere in developing relations").
    leads = [k for k, w in enumerate(run) if _bare(w) in _LEADING]
    if leads and leads[-1] < len(run) - 1:
        run = run[leads[-1] + 1 :]
    k = 0
    while k < len(run) and run[k].adjective and not run[k].noun:
        k += 1
    if 0 < k < len(run) and run[k].kind == "join":
        run = run[k:]
    if run and _bare(run[0]) in _ACTORS:
        # A title and the name after it are who speaks; what follows them may be the
        # point ("President Putin for the release of …").
        k = 0
        while k < len(run) and (
            _bare(run[k]) in _ACTORS
            or run[k].text[0].isupper()
            or (k + 1 < len(run) and run[k].kind != "np" and run[k + 1].text[0].isupper())
        ):
            k += 1
        run = run[k:]
    while run and (run[0].kind in {"article", "join"} or _bare(run[0]) in _HOLLOW):
        run = run[1:]
    if not run:
        return None
    run = run[: subjects.SUBJECT_WORDS]
    while run and not (run[-1].noun and run[-1].kind == "np" and _bare(run[-1]) not in _HOLLOW):
        run = run[:-1]
    # A complement after a plural is not part of the name ("cargo flights open").
    if len(run) > 2 and run[-1].adjective and run[-2].lemma.endswith("s") and run[-2].noun:
        run = run[:-1]
    if not run:
        return None
    if _bare(run[-1]) in _NOT_LAST:
        return None
    if all(subjects.GENERIC.match(w.text) for w in run):
        return None
    if len(run) == 1:
        word = run[0]
        name = _POSSESSIVE.sub("", word.text)
        if (
            len(word.text) < 4
            or word.adjective
            or word.verb
            or _bare(word) in _VAGUE
            or _INITIALS.match(word.text)
            or any(p.fullmatch(name) for p in parties)
        ):
            return None
    if _is_person(run):
        return None
    return run[0].start, run[-1].end


def _is_person(run: list[_Word]) -> bool:
    """Whether the words are a person's name: two or more capitalised words, at most
    one of them a word of the lexicon ("Xi Jinping", "Carlos Alberto França")."""
    if len(run) < 2 or not all(w.text[0].isupper() for w in run):
        return False
    return sum(bool(w.known) for w in run) <= 1


def _bare(word: _Word) -> str:
    """A word's lemma without an English plural's ending."""
    lemma = word.lemma
    for plural, singular in (("ies", "y"), ("s", "")):
        if lemma.endswith(plural) and (base := lemma[: -len(plural)] + singular) in _PLURALS:
            return base
    return lemma


def _phrases(text: str, words: list[_Word]) -> Iterator[tuple[int, int]]:
    """(first, last + 1) word indices of each noun phrase, in text order."""
    lo: int | None = None
    for k, word in enumerate(words):
        joined = k > 0 and not text[words[k - 1].end : word.start].strip()
        if lo is not None and not joined:
            yield lo, k
            lo = None
        if word.kind == "np":
            if lo is None:
                lo = k
            if _POSSESSIVE.search(word.text) and not _next_is_np(words, k):
                yield lo, k + 1
                lo = None
        elif (
            lo is not None
            and _next_is_np(words, k)
            and (word.kind == "join" or (word.kind == "article" and words[k - 1].kind == "join"))
        ):
            continue
        elif lo is not None:
            yield lo, k
            lo = None
    if lo is not None:
        yield lo, len(words)


def _pair_cut(words: list[_Word], lo: int, hi: int) -> tuple[int, int]:
    """A phrase without the first of a pair it names ("normalisation of relations
    between Russia | and the United States" -> "normalisation of relations")."""
    if hi < len(words) and words[hi].lemma in {"and", "и"}:
        for k in range(lo + 1, hi):
            if words[k].lemma in {"between", "между"} and not all(
                subjects.GENERIC.match(w.text) for w in words[lo:k]
            ):
                return lo, k
    return lo, hi


def _next_is_np(words: list[_Word], k: int) -> bool:
    for word in words[k + 1 :]:
        if word.kind == "np":
            return True
        if word.kind != "article":
            return False
    return False


def _words(text: str, language: str) -> Iterator[_Word]:
    english = language != "ru"
    previous = ""
    capital_before = False
    for n, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        if english:
            word_ = _english_word(match, word, previous, capital_before, first=n == 0)
        else:
            word_ = _russian_word(match, word)
        yield word_
        if not (english and word_.lemma.endswith("ly") and word_.kind == "break"):
            previous = word_.lemma  # an adverb between keeps the word before it
        # A name before a word that can be a verb ("Türkiye valued", "China hopes"):
        # a proper noun, not an adjective of nationality ("Russian forces").
        capital_before = (
            english
            and word[0].isupper()
            and word_.kind == "np"
            and not _POSSESSIVE.search(word)
            and "adj" not in _english_tags(word_.lemma)
        )


def _english_word(
    match: re.Match[str], word: str, previous: str, capital_before: bool, *, first: bool
) -> _Word:
    lower = word.lower()
    bare = _POSSESSIVE.sub("", lower)

    tags = _english_tags(bare)

    def make(kind: str, noun: bool = False, verb: bool = False, adjective: bool = False) -> _Word:
        known = bool(tags)
        return _Word(match.start(), match.end(), word, bare, kind, noun, verb, adjective, known)

    if lower in _EN_JOINS:
        return make("join")
    if lower in _EN_ARTICLES:
        return make("article")
    capital = word[0].isupper() and not first
    inflected = lower.endswith(("s", "ed")) or lower in _english_lexicon()[2]
    verb = lower in _EN_REPORTED or (
        "verb" in tags
        and (
            not tags & {"noun", "adj"}
            or previous in _EN_AUXILIARIES
            or ((capital_before or previous in _EN_PRONOUNS) and inflected)
        )
    )
    if bare in _EN_STOP or bare.isdigit():
        return make("break", verb=lower in _EN_AUXILIARIES)
    if verb and not capital:
        return make("break", verb=True)
    if (tags and tags <= {"adv"}) or (lower.endswith("ly") and "noun" not in tags and not capital):
        return make("break")
    noun = capital or not tags or "noun" in tags
    return make(
        "np",
        noun=noun,
        verb=not capital and "verb" in tags,
        adjective=not capital and "adj" in tags,
    )


def _russian_word(match: re.Match[str], word: str) -> _Word:
    lower = word.lower()

    def make(kind: str, lemma: str = lower, noun: bool = False, verb: bool = False) -> _Word:
        return _Word(match.start(), match.end(), word, lemma, kind, noun, verb)

    if lower in _RU_JOINS:
        return make("join")
    if lower in _RU_STOP:
        return make("break")
    if not re.search(r"[а-яё]", lower):  # a Latin name, an acronym in Latin letters
        return make("np", noun=True)
    russian = morphology.russian()
    pos = russian.part_of_speech(lower)
    if pos in {"NOUN", "ADJF", "PRTF"}:
        return make("np", lemma=russian.first_lemma(lower), noun=pos == "NOUN")
    return make("break", verb=pos in {"VERB", "INFN", "PRTS", "ADJS"})


_PLURALS = _ACTORS | _ATTITUDES | _META | _HOLLOW | _VAGUE | _LEADS
_LEADING = _ATTITUDES | _META | _LEADS
"""Words after which the point begins."""
_NOT_LAST = _ATTITUDES | _META | _ACTORS
"""Words a point's name never ends on."""


@functools.cache
def _english_lexicon() -> tuple[
    dict[str, frozenset[str]], dict[str, list[list[str]]], frozenset[str]
]:
    """The words of each part of speech (base forms and irregular forms), the suffix
    rules of inflection, and the irregular forms of verbs ("sent", "held"). One set per
    part of speech: about 25 ms to build, where a table word by word takes 150."""
    data = resources.files("spacy_lookups_data").joinpath("data")

    def table(name: str) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(
            gzip.decompress(data.joinpath(f"en_{name}.json.gz").read_bytes())
        )
        return loaded

    index, exceptions, rules = table("lemma_index"), table("lemma_exc"), table("lemma_rules")
    words = {
        pos: frozenset(index.get(pos, ())) | frozenset(exceptions.get(pos, {}))
        for pos in ("noun", "verb", "adj", "adv")
    }
    suffixes: dict[str, list[list[str]]] = {p: rules.get(p, []) for p in ("noun", "verb", "adj")}
    return words, suffixes, frozenset(exceptions.get("verb", {}))


@functools.lru_cache(maxsize=8192)
def _english_tags(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can be, as a base form or an inflected one."""
    words, suffixes, _ = _english_lexicon()
    tags = {pos for pos, known in words.items() if word in known}
    for pos, rules in suffixes.items():
        for old, new in rules:
            base = word[: len(word) - len(old)] + new
            if word.endswith(old) and len(word) > len(old) and base in words[pos]:
                tags.add(pos)
    return frozenset(tags)
