"""Segmenting stage: a readout's text becomes a spaCy ``Doc`` and a tuple of sentences.

The default pipeline is spaCy's blank pipeline for the readout's language, with
two small rule components of ours around spaCy's ``sentencizer`` and lookup
lemmatizer:

* ``readout_boundaries`` runs first and fixes what a period-based sentencizer gets
  wrong in readouts: a heading or list item without a full stop ends at its line
  break; an initial ("Joseph R. Biden", "Д.Трамп", "No. 5") does not end a
  sentence; an abbreviation that does end one ("... the U.S. The president ...")
  does.
* ``readout_norm`` runs last and stores a lowercase lemma in ``Token.norm_``, the
  attribute the topic matchers work on, so that "Navalny's", "Elections" and
  "урегулировании" match "Navalny", "election" and "урегулирование".

Any installed spaCy pipeline can replace the blank one (:func:`load_pipeline`);
the two components are added to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from readout_diff import cache, morphology
from readout_diff.errors import ModelError
from readout_diff.hygiene import matching_text
from readout_diff.model import Readout, SegmentedReadout, Sentence

# Lowercase words that end with a period but seldom end a sentence when the
# tokenizer splits the period off ("No. 5", "approx. 300", "ст. 5").
_ABBREVIATIONS = frozenset(
    "no nos approx art arts para paras fig figs vol vols cf vs ca sect ch pp op "
    "ст гг г т тт п пп см им ул др рис стр трлн млрд млн тыс руб долл".split()
)
# Capitalised words that start a new sentence after an abbreviation such as "U.S.".
_SENTENCE_OPENERS = frozenset(
    "the he she it they we this that these those there his her their its our "
    "both in on at as after before during however but also".split()
)
# Abbreviations kept whole by the tokenizer that close a list ("и т.д. Далее ...").
_LIST_ENDERS = frozenset(
    {"т.д.", "т.п.", "др.", "пр.", "и т.д.", "и т.п.", "и др.", "и пр.", "etc."}
)
# Words that end a line only when the sentence goes on in the next one.
_CONTINUATIONS = frozenset(
    "and or the a an of to in on for with by from at as that which who "
    "и в на с по о для от к что".split()
)
# Words in nearly every sentence of every readout; they say nothing of its point.
_DOMAIN_STOP_WORDS = frozenset(
    "president leader side call conversation phone telephone also say note "
    "президент сторона разговор телефонный также отметить".split()
)
# Initials glued to the capitalised word after them ("А.Навального", "В.В.Путин").
_GLUED_INITIALS = re.compile(r"^((?:[A-ZА-ЯЁ]\.)+)[A-ZА-ЯЁ][a-zа-яё]")
# Markers that open a list item; they are not part of the sentence's text.
_BULLET = re.compile(r"(?:[-*\u2022\u2013\u2014\u25cf\u25aa]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


@Language.component("readout_boundaries")
def readout_boundaries(doc: Doc) -> Doc:
    """Set sentence starts at line breaks, and around initials, list numbers and abbreviations."""
    # Decisions are collected and written once: spaCy checks the whole document on
    # every `token.is_sent_start = ...`, which made long readouts quadratic.
    starts: dict[int, bool] = {}
    newlines = 0
    for token in doc:
        if token.is_space:
            newlines += token.text.count("\n")
            continue
        if token.i == 0:
            newlines = 0
            continue
        prev = doc[token.i - 1]
        newlines += prev.whitespace_.count("\n")
        if newlines:
            if newlines > 1 or not _continues_line(doc, token):
                starts[token.i] = True
        elif prev.text == "." and token.i >= 2 and _dot_does_not_end(doc, token.i - 2):
            # "2021 г. Стороны ...", "... и др. Далее ...": the abbreviation ends a sentence.
            starts[token.i] = _ends_list_or_date(doc, token.i - 2, token)
        elif prev.lower_ in _LIST_ENDERS and token.text[:1].isupper():
            starts[token.i] = True
        elif prev.lower_ in ("г.", "гг.") and token.text[:1].isupper() and token.i >= 2:
            starts[token.i] = doc[token.i - 2].like_num
        elif (
            len(prev.text) > 2
            and prev.text.endswith(".")
            and prev.text.count(".") >= 2
            and token.text.lower() in _SENTENCE_OPENERS
            and token.text[:1].isupper()
        ):
            # "U.S." is one token, so the sentencizer would never split after it.
            starts[token.i] = True
        newlines = 0
    if starts:
        # spaCy stores 1 (starts), -1 (does not) and 0 (undecided) in unsigned arrays.
        values = doc.to_array([SENT_START]).astype("int64")
        for i, start in starts.items():
            values[i] = 1 if start else -1
        doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]
    return doc


def _last_word(doc: Doc, i: int) -> Token | None:
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _continues_line(doc: Doc, token: Token) -> bool:
    """Whether a single line break before ``token`` is a hard wrap inside a sentence."""
    last = _last_word(doc, token.i - 1)
    if last is None or last.text in {".", "!", "?", ":", ";"} or last.text.endswith("."):
        return False
    return token.text[:1].islower() or last.text == "," or last.lower_ in _CONTINUATIONS


def _ends_list_or_date(doc: Doc, i: int, after: Token) -> bool:
    """Whether an abbreviation that usually runs on ends the sentence before ``after``.

    "2021 г." (a year) and "и др." close a sentence when a capitalised word follows;
    "г. Москва" (a city) and initials never do.
    """
    if not after.text[:1].isupper():
        return False
    word = doc[i].lower_
    if word in ("г", "гг"):
        return i > 0 and doc[i - 1].like_num
    return word in ("др", "пр")


def _dot_does_not_end(doc: Doc, i: int) -> bool:
    """Whether the period after ``doc[i]`` belongs to an initial, abbreviation or list number."""
    return _is_initial_or_abbreviation(doc[i]) or _is_list_number(doc, i)


def _is_list_number(doc: Doc, i: int) -> bool:
    """A number opening a line, as in "1. Trade"."""
    if not (doc[i].like_num and len(doc[i].text) <= 2):
        return False
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < 0 or "\n" in doc[j].whitespace_


def _is_initial_or_abbreviation(token: Token) -> bool:
    if token.whitespace_:
        return False
    text = token.text
    return (len(text) == 1 and text.isalpha() and text.isupper()) or text.lower() in _ABBREVIATIONS


@Language.factory("readout_norm")
def make_readout_norm(nlp: Language, name: str) -> ReadoutNorm:
    return ReadoutNorm(nlp)


class ReadoutNorm:
    """Store a lowercase lemma in ``Token.norm_`` for case-insensitive lemma matching.

    Two gaps of the blank pipelines' lemmatizers are filled here. spaCy's English
    lookup table is case-sensitive ("Elections" stays as it is), so the lowercase
    form is looked up too. spaCy's ``pymorphy3_lookup`` mode leaves a Russian word
    as written when its parses disagree ("выборах": выбор or выборы); here it gets
    pymorphy3's most probable parse instead, the same for every form of the word.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._table: Any = None
        self._first_lemma: Callable[[str], str] | None = None
        self._russian: morphology.RussianMorphology | None = None

    def _setup(self) -> None:
        lemmatizer = (
            self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        )
        lookups = getattr(lemmatizer, "lookups", None)
        if isinstance(lemmatizer, LookupLemmatizer):
            self._table = lemmatizer.table
        elif lookups is not None and lookups.has_table("lemma_lookup"):
            self._table = lookups.get_table("lemma_lookup")
        else:
            self._table = {}
        if self.nlp.lang == "ru":
            morph = getattr(lemmatizer, "_morph", None)
            if morph is None:  # the blank pipeline's lemmatizer, or one without pymorphy3
                self._russian = morphology.russian()
                self._first_lemma = self._russian.first_lemma
            else:  # an installed pipeline's own analyser (pymorphy2 or 3)
                self._first_lemma = functools.cache(
                    lambda word: str(morph.parse(word)[0].normal_form)
                )

    def _norm(self, text: str, lemma: str) -> str:
        lower = text.lower()
        if (
            self._first_lemma is not None
            and lemma.lower() == lower
            and any(c.isalpha() for c in lower)
        ):
            return self._first_lemma(lower)
        if lemma == text and lower != text:
            lemma = self._table.get(lower, lower)
        return lemma.lower()

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self._setup()
        for token in doc:
            text = matching_text(token.text)
            # The lemmatizer saw a curly form ("n’t"): look up the straight one instead.
            lemma = token.lemma_ or text if text == token.text else self._table.get(text, text)
            token.norm_ = self._norm(text, lemma)
        if self._russian is not None:
            self._russian.save(soon=True)
        return doc


@Language.factory("readout_lookup_lemmatizer")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    return LookupLemmatizer(str(nlp.lang))


class LookupLemmatizer:
    """spaCy's lookup lemmatizer (``mode="lookup"``) with its table in a plain dict.

    Same lemmas as spaCy's component: ``token.text`` looked up in spacy-lookups-data's
    ``lemma_lookup`` table, case-sensitively, for tokens without a lemma yet. spaCy's
    component copies the table into a hashed ``Table`` with a Bloom filter when the
    pipeline is initialised (0.1 s for English, the largest part of building the
    pipeline); reading it into a dict takes a quarter of that, once per process.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    @property
    def table(self) -> dict[str, str]:
        """The lookup table, read on first use."""
        return lemma_lookup_table(self.lang)

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            if token.lemma == 0:
                token.lemma_ = table.get(token.text, token.text)
        return doc


@Language.factory("readout_ru_lemmatizer")
def make_russian_lemmatizer(nlp: Language, name: str) -> RussianLemmatizer:
    return RussianLemmatizer()


class RussianLemmatizer:
    """spaCy's Russian lemmatizer (``mode="pymorphy3_lookup"``), from remembered answers.

    Same lemmas as spaCy's component: the normal form all of pymorphy3's parses of
    ``token.text`` agree on, else the text, for tokens without a lemma yet. spaCy's
    component loads pymorphy3 when the pipeline is built; this one asks
    :mod:`readout_diff.morphology`, which loads it only for a word it has not seen.
    """

    def __call__(self, doc: Doc) -> Doc:
        lemma = morphology.russian().lookup_lemma
        for token in doc:
            if token.lemma == 0:
                token.lemma_ = lemma(token.text)
        return doc


@lru_cache(maxsize=4)
def lemma_lookup_table(lang: str) -> dict[str, str]:
    """spacy-lookups-data's ``lemma_lookup`` table for a language ({} if it has none)."""
    import gzip
    import json
    from importlib import resources

    # spacy-lookups-data ships its tables gzipped; spaCy reads either form, so do we.
    data = resources.files("spacy_lookups_data").joinpath("data")
    gzipped = data.joinpath(f"{lang}_lemma_lookup.json.gz")
    plain = data.joinpath(f"{lang}_lemma_lookup.json")
    if gzipped.is_file():
        table: dict[str, str] = json.loads(gzip.decompress(gzipped.read_bytes()))
    elif plain.is_file():
        table = json.loads(plain.read_bytes())
    else:
        table = {}
    return table


def _blank_pipeline(lang: str) -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("readout_boundaries")
    nlp.add_pipe("sentencizer")
    if lang == "ru":
        nlp.add_pipe("readout_ru_lemmatizer", name="lemmatizer")
    else:
        nlp.add_pipe("readout_lookup_lemmatizer", name="lemmatizer")
    nlp.add_pipe("readout_norm")
    nlp.initialize()
    _BLANK[id(nlp)] = lang
    return nlp


_BLANK: dict[int, str] = {}
"""The blank pipelines built in this process (they live as long as it), by ``id``."""


def blank_key(nlp: Language) -> str | None:
    """What a blank pipeline's tokens and norms depend on, as a cache key; None for an
    installed pipeline (its files are not ours to fingerprint).

    The versions of spaCy (tokenizer rules), spacy-lookups-data (English lemmas),
    pymorphy3 and its dictionaries (Russian lemmas), and the source of the modules
    that build the pipeline's components.
    """
    lang = _BLANK.get(id(nlp))
    if lang is None:
        return None
    here = Path(__file__).parent
    sources = [(here / name).read_bytes() for name in ("segmenting.py", "hygiene.py")]
    packages = ["spacy", "spacy-lookups-data"]
    if lang == "ru":
        packages += ["pymorphy3", "pymorphy3-dicts-ru"]
        sources.append((here / "morphology.py").read_bytes())
    return cache.key("blank pipeline", lang, cache.versions(*packages), *sources)


@lru_cache(maxsize=4)
def _installed_pipeline(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(name, f"cannot load spaCy pipeline ({str(exc).splitlines()[0]})") from None
    nlp.add_pipe("readout_boundaries", first=True)
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", after="readout_boundaries")
    nlp.add_pipe("readout_norm", last=True)
    return nlp


@lru_cache(maxsize=8)
def load_pipeline(lang: str, model: str | None = None) -> Language:
    """The spaCy pipeline for a language: blank + rules, or an installed ``model``."""
    if model is None:
        return _blank_pipeline(lang)
    nlp = _installed_pipeline(model)
    if nlp.lang != lang:
        raise ModelError(model, f"is a {nlp.lang!r} pipeline, not {lang!r}")
    return nlp


def model_language(name: str) -> str:
    """The language of an installed spaCy pipeline (loading it once)."""
    return str(_installed_pipeline(name).lang)


def parse(readout: Readout, nlp: Language) -> Doc:
    """Run the pipeline over a readout's text, tokenised in its matching form."""
    return nlp(_matching_doc(readout.text, nlp))


def _matching_doc(text: str, nlp: Language) -> Doc:
    """A Doc of the original text cut where its matching form is cut (see :mod:`hygiene`).

    Curly quotes and dashes split words differently from straight ones ("U.S.–Russia"
    stays one token); tokenising the same-length ASCII copy and keeping the original
    characters in each token gives straight-form tokens with the text as written.
    """
    norm = matching_text(text)
    tokens = nlp.make_doc(norm)
    glued = any(_GLUED_INITIALS.match(t.text) for t in tokens)
    if norm == text and not glued:
        return tokens
    words: list[str] = []
    spaces: list[bool] = []
    for t in tokens:
        original = text[t.idx : t.idx + len(t.text)]
        parts = _split_initials(original) if glued else [original]
        words += parts
        spaces += [False] * (len(parts) - 1) + [bool(t.whitespace_)]
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _split_initials(word: str) -> list[str]:
    """ "В.В.Путин" -> ["В.", "В.", "Путин"]: initials written against the surname (the
    Kremlin's house style) come off, so that the name is a word of its own."""
    match = _GLUED_INITIALS.match(word)
    if match is None:
        return [word]
    initials = match.group(1)
    return [initials[i : i + 2] for i in range(0, len(initials), 2)] + [word[match.end(1) :]]


def sentences_of(doc: Doc) -> tuple[Sentence, ...]:
    """The sentences of a parsed text, trimmed of whitespace and list markers."""
    text = doc.text
    spans = _trimmed_spans(text, ((s.start_char, s.end_char) for s in doc.sents))
    return tuple(
        Sentence(
            index=i,
            start=start,
            end=end,
            text=text[start:end],
            lemmas=content_lemmas(doc.char_span(start, end, alignment_mode="expand") or ()),
        )
        for i, (start, end) in enumerate(spans)
    )


def content_lemmas(tokens: Iterable[Token]) -> tuple[str, ...]:
    """The normalised lemmas of content words: no stop words, punctuation or spaces."""
    return tuple(
        token.norm_
        for token in tokens
        if not (token.is_stop or token.is_punct or token.is_space)
        and any(ch.isalnum() for ch in token.text)
        and token.norm_ not in _DOMAIN_STOP_WORDS
    )


def _trimmed_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        bullet = _BULLET.match(text, start, end)
        if bullet and bullet.end() < end:
            start = bullet.end()
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return out


def segment(readout: Readout, nlp: Language) -> tuple[SegmentedReadout, Doc]:
    """Split a readout into sentences; the Doc is kept for the tagging stage."""
    doc = parse(readout, nlp)
    return SegmentedReadout(readout=readout, sentences=sentences_of(doc)), doc
