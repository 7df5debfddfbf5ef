"""pymorphy3's lemmas of Russian words, remembered between runs.

Loading pymorphy3's dictionaries costs about a tenth of a second and each new word's
parse a tenth of a millisecond, on every run, for the same words: the topic pack's
aliases and the vocabulary of readouts, which repeats from call to call. So the
answers are kept in the cache folder (:mod:`readout_diff.cache`, file ``ru-words``)
and pymorphy3 is loaded only when a word turns up that the table does not know.

Three answers are kept per word, the two the Russian pipeline asks for
(:mod:`readout_diff.segmenting`) and the one the naming of points asks for
(:mod:`readout_diff.pointnames`):

* :meth:`RussianMorphology.lookup_lemma`: spaCy's ``pymorphy3_lookup`` lemma, the
  normal form all of pymorphy3's parses agree on, else the word as written;
* :meth:`RussianMorphology.first_lemma`: the normal form of pymorphy3's most
  probable parse;
* :meth:`RussianMorphology.part_of_speech`: that parse's part of speech.

Both are pure functions of the word and of pymorphy3's version and dictionaries,
which key the file. A process learns words as it goes and writes the table when it
has learnt some (:meth:`RussianMorphology.save`, at most every few seconds during a
batch, and once at exit); the words another process wrote meanwhile are merged in.
"""

from __future__ import annotations

import atexit
import itertools
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from readout_diff import cache

_FILE = "ru-words"
MAX_WORDS = 100_000
"""The most words a table keeps (beyond them, words are looked up but not kept)."""
SAVE_EVERY = 5.0
"""Seconds between two writes of the table by one process (a batch learns all along)."""


def _table_key() -> str:
    source = Path(__file__).read_bytes()  # a change of the rules below makes the file stale
    return cache.key(_FILE, cache.versions("pymorphy3", "pymorphy3-dicts-ru"), source)


def _valid(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and all(
            isinstance(table, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())
            for table in value
        )
    )


class RussianMorphology:
    """pymorphy3's answers for Russian words, from the cache where it knows them."""

    def __init__(self) -> None:
        self._analyzer: Any = None
        self._key: str | None = None
        self._lookup: dict[str, str] = {}
        self._first: dict[str, str] = {}
        self._pos: dict[str, str] = {}
        self._loaded = False
        self._learnt = 0
        self._saved_at: float | None = None

    def _load(self) -> None:
        self._loaded = True
        self._key = _table_key()
        stored = cache.read(_FILE, self._key, _valid)
        if stored is not None:
            self._lookup, self._first, self._pos = stored

    def _morph(self) -> Any:
        if self._analyzer is None:
            import pymorphy3

            self._analyzer = pymorphy3.MorphAnalyzer()
        return self._analyzer

    def lookup_lemma(self, text: str) -> str:
        """spaCy's ``pymorphy3_lookup`` lemma of ``text``: the one normal form of all its
        parses, else ``text`` itself."""
        if not self._loaded:
            self._load()
        lemma = self._lookup.get(text)
        if lemma is None:
            forms = {parse.normal_form for parse in self._morph().parse(text)}
            lemma = str(next(iter(forms))) if len(forms) == 1 else text
            self._learn(self._lookup, text, lemma)
        return lemma

    def first_lemma(self, word: str) -> str:
        """The normal form of pymorphy3's most probable parse of ``word``."""
        if not self._loaded:
            self._load()
        lemma = self._first.get(word)
        if lemma is None:
            lemma = str(self.best_parse(word).normal_form)
            self._learn(self._first, word, lemma)
        return lemma

    def part_of_speech(self, word: str) -> str:
        """pymorphy3's part of speech of ``word``'s most probable parse ("NOUN", "ADJF",
        "VERB", "PREP" …; "" for a word it does not tag, such as a number)."""
        if not self._loaded:
            self._load()
        pos = self._pos.get(word)
        if pos is None:
            pos = str(self.best_parse(word).tag.POS or "")
            self._learn(self._pos, word, pos)
        return pos

    def best_parse(self, word: str) -> Any:
        """pymorphy3's most probable parse of ``word`` (loads pymorphy3; not cached)."""
        return self._morph().parse(word)[0]

    def _learn(self, table: dict[str, str], word: str, lemma: str) -> None:
        table[word] = lemma
        if len(table) <= MAX_WORDS:
            self._learnt += 1

    def _tables(self) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
        return self._lookup, self._first, self._pos

    def save(self, *, soon: bool = False) -> None:
        """Write the table if words were learnt since it was read or written.

        With ``soon`` (a pipeline component's call after each text), only if the last
        write is :data:`SAVE_EVERY` seconds old.
        """
        if not self._learnt or self._key is None:
            return
        now = time.monotonic()
        if soon and self._saved_at is not None and now - self._saved_at < SAVE_EVERY:
            return
        stored = cache.read(_FILE, self._key, _valid)
        if stored is not None:  # what another process learnt meanwhile is kept too
            for mine, theirs in zip(self._tables(), stored, strict=True):
                for word in itertools.islice(theirs.keys() - mine.keys(), MAX_WORDS - len(mine)):
                    mine[word] = theirs[word]
        tables = tuple(dict(itertools.islice(t.items(), MAX_WORDS)) for t in self._tables())
        cache.write(_FILE, self._key, tables)
        self._learnt, self._saved_at = 0, now


@lru_cache(maxsize=1)
def russian() -> RussianMorphology:
    """The process's one :class:`RussianMorphology` (what it learnt is written at exit)."""
    morphology = RussianMorphology()
    atexit.register(morphology.save)
    return morphology
