"""The tagging stage: a topic pack compiled into spaCy matchers, run over a readout.

:class:`TopicTagger` compiles the aliases of a :class:`~readout_diff.topicpacks.TopicPack`
(syntax in :mod:`readout_diff.topicpacks`) for one pipeline: plain aliases go to a
``PhraseMatcher`` on lemmas, one-word acronyms to one on exact forms, aliases with
wildcards, capitals or exact forms to a ``Matcher``. :meth:`TopicTagger.tag` finds
every hit of a parsed readout, drops those inside an ``unless`` phrase, and marks
those in a sentence that says the topic was not discussed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from readout_diff import cache, segmenting
from readout_diff.model import SegmentedReadout, TaggedReadout, TopicHit
from readout_diff.topicpacks import ACRONYM, EXACT, GAP, NAME, TopicPack

KEY_SEP = "\t"
MAX_GAP = 4


@dataclass(frozen=True)
class PatternWords:
    """The tokens of a pack's phrases as the matchers compare them."""

    norms: dict[str, tuple[str, ...]]
    """Each phrase's tokens' ``norm_`` (lowercase lemmas), by phrase."""
    forms: dict[str, tuple[str, ...]]
    """Each acronym's tokens as written, by acronym."""


def _valid_words(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(
            isinstance(table, dict)
            and all(
                isinstance(text, str)
                and isinstance(tokens, tuple)
                and all(isinstance(t, str) for t in tokens)
                for text, tokens in table.items()
            )
            for table in value
        )
    )


VALIDATE = False
"""Whether the token matchers check each pattern against spaCy's schema. The patterns
are built here from a validated pack (:func:`_token_pattern`), and the checks cost a
start-up a few tens of milliseconds, so they run in the tests
(``tests/test_tagging.py``), not on every run."""


class TopicTagger:
    """A topic pack compiled into spaCy matchers for one pipeline (one language)."""

    def __init__(self, pack: TopicPack, nlp: Language) -> None:
        self.pack = pack
        self.nlp = nlp
        self.lang = str(nlp.lang)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab, validate=VALIDATE)
        self.unless_phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.unless_tokens = Matcher(nlp.vocab, validate=VALIDATE)
        plain: list[tuple[PhraseMatcher, str, str]] = []
        patterned: list[tuple[Matcher, str, list[str]]] = []
        acronyms: list[tuple[str, str]] = []
        for spec in pack.topics:
            for alias in spec.aliases_for(self.lang) + spec.place_adjectives(self.lang):
                self._sort(alias, spec.id, self.phrases, self.tokens, plain, patterned, acronyms)
            for alias in spec.unless_for(self.lang):
                self._sort(
                    alias,
                    spec.id,
                    self.unless_phrases,
                    self.unless_tokens,
                    plain,
                    patterned,
                    acronyms,
                )
        chunks = [c for _, _, words in patterned for c in _literal_chunks(words)]
        cues = list(pack.negation_cues(self.lang))
        words = self._words(
            sorted({*chunks, *(alias for _, _, alias in plain), *cues}),
            sorted({alias for _, alias in acronyms}),
        )
        for token_matcher, key, alias_words in patterned:
            token_matcher.add(key, [_token_pattern(alias_words, words.norms)])
        with _bare_key_lexemes(nlp.vocab):
            for phrase_matcher, key, alias in plain:
                phrase_matcher.add(key, [self._hashes(words.norms[alias])])
            for key, alias in acronyms:
                self.acronyms.add(key, [self._hashes(words.forms[alias])])
        self.negation = PhraseMatcher(nlp.vocab, attr="NORM")
        if cues:
            self.negation.add("NEGATION", [self._hashes(words.norms[cue]) for cue in cues])

    def _hashes(self, strings: tuple[str, ...]) -> Any:
        """A phrase pattern as the matcher keeps it: the hashes of its tokens' attribute
        (what ``PhraseMatcher.add`` takes from a pattern ``Doc``; it takes the hashes
        themselves too, though spaCy's type stubs name only ``Doc``)."""
        return [self.nlp.vocab.strings.add(string) for string in strings]

    def _words(self, texts: list[str], acronyms: list[str]) -> PatternWords:
        """The norms of the texts' tokens and the forms of the acronyms', from the cache
        folder when it has them for this pack and pipeline (see :mod:`readout_diff.cache`).

        Running ~2,400 aliases through the pipeline (and, in Russian, pymorphy3) is most
        of a cold start; the result depends only on the texts and the pipeline.
        """
        pipeline_key = segmenting.blank_key(self.nlp)
        if pipeline_key is None:
            return self._run_words(texts, acronyms)
        name = f"pack-{self.lang}-{cache.key(*self.pack.sources)[:16]}"
        key = cache.key("pack words", pipeline_key, Path(__file__).read_bytes(), texts, acronyms)
        stored = cache.read(name, key, _valid_words)
        if stored is not None:
            return PatternWords(norms=stored[0], forms=stored[1])
        words = self._run_words(texts, acronyms)
        cache.write(name, key, (words.norms, words.forms))
        return words

    def _run_words(self, texts: list[str], acronyms: list[str]) -> PatternWords:
        """Every text goes through the pipeline once, in one batch."""
        norms = {
            text: tuple(token.norm_ for token in doc)
            for text, doc in zip(texts, self._pattern_docs(texts), strict=True)
        }
        forms = {alias: tuple(t.text for t in self.nlp.make_doc(alias)) for alias in acronyms}
        return PatternWords(norms=norms, forms=forms)

    def _sort(
        self,
        alias: str,
        topic_id: str,
        phrases: PhraseMatcher,
        tokens: Matcher,
        plain: list[tuple[PhraseMatcher, str, str]],
        patterned: list[tuple[Matcher, str, list[str]]],
        acronyms: list[tuple[str, str]],
    ) -> None:
        """File an alias under the matcher that will hold it."""
        # One match key per alias, "topic-id<TAB>alias", so a hit can say what matched.
        key = f"{topic_id}{KEY_SEP}{alias}"
        words = alias.split()
        if len(words) == 1 and ACRONYM.match(alias) and phrases is self.phrases:
            # A one-word acronym is an exact token: far cheaper in a PhraseMatcher.
            acronyms.append((key, alias))
        elif any(w in (GAP, NAME) or ACRONYM.match(w) or _is_exact(w) for w in words):
            patterned.append((tokens, key, words))
        else:
            plain.append((phrases, key, alias))

    def _pattern_docs(self, texts: list[str]) -> list[Doc]:
        """Aliases run through the pipeline for their lemmas, without sentence splitting."""
        skip = [
            p
            for p in ("readout_boundaries", "sentencizer", "parser", "senter")
            if p in self.nlp.pipe_names
        ]
        with self.nlp.select_pipes(disable=skip):
            return list(self.nlp.pipe(texts))

    def tag(self, doc: Doc, segmented: SegmentedReadout) -> TaggedReadout:
        """Find every topic hit in a parsed readout."""
        found: dict[str, dict[tuple[int, int], str]] = {}
        excluded: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in _run(self.unless_phrases, self.unless_tokens, doc):
            topic_id = doc.vocab.strings[match_id].split(KEY_SEP, 1)[0]
            excluded.setdefault(topic_id, []).append((start, end))
        matches = _run(self.phrases, self.tokens, doc)
        if len(self.acronyms):
            matches += self.acronyms(doc)
        for match_id, start, end in matches:
            if any(token.is_sent_start for token in doc[start + 1 : end]):
                continue  # a hit never straddles two sentences
            topic_id, alias = doc.vocab.strings[match_id].split(KEY_SEP, 1)
            if any(s <= start and end <= e for s, e in excluded.get(topic_id, ())):
                continue
            if alias.endswith(NAME) and end < len(doc) and doc[end].text in _COMPOUND_JOINS:
                continue  # "released Indo-Pacific strategy": a modifier, not a name
            # Several aliases may match one span; keep the most literal one (no
            # wildcard), then the first in sorted order.
            spans = found.setdefault(topic_id, {})
            spans[(start, end)] = min(alias, spans.get((start, end), alias), key=_literal_first)
        starts = [s.start for s in segmented.sentences]
        negated = self._negated_sentences(doc, starts)
        hits = []
        for topic_id, spans in found.items():
            for start, end in _maximal(list(spans)):
                span = doc[start:end]
                index = bisect_right(starts, span.start_char) - 1
                if index < 0 or span.start_char >= segmented.sentences[index].end:
                    continue  # inside a list marker or whitespace trimmed off a sentence
                hits.append(
                    TopicHit(
                        topic_id=topic_id,
                        sentence=index,
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                        negated=index in negated,
                        alias=spans[(start, end)],
                    )
                )
        hits.sort(key=lambda h: (h.start, h.end, h.topic_id))
        return TaggedReadout(segmented=segmented, hits=tuple(hits))

    def _negated_sentences(self, doc: Doc, starts: list[int]) -> set[int]:
        return {bisect_right(starts, doc[start].idx) - 1 for _, start, _ in self.negation(doc)}


@contextmanager
def _bare_key_lexemes(vocab: Vocab) -> Iterator[None]:
    """Let ``PhraseMatcher.add`` make its match keys' lexemes without lexical attributes.

    ``PhraseMatcher.add`` makes a lexeme of each key ("topic-id<TAB>alias"), computing
    its twenty lexical attributes (shape, like_num ...): a third of a compile from the
    cache. A key is never a token (spaCy's tokenizer never keeps a tab inside one), so
    those attributes are never read. Only keys may be added inside the block, and
    nothing else may use the vocabulary meanwhile (the compile runs alone).
    """
    getters = vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in spaCy's stubs
    vocab.lex_attr_getters = {}  # type: ignore[attr-defined]
    try:
        yield
    finally:
        vocab.lex_attr_getters = getters  # type: ignore[attr-defined]


def _is_literal(word: str) -> bool:
    """A word matched on its lemma (not a wildcard, an acronym or an exact form)."""
    return not (word in (GAP, NAME) or ACRONYM.match(word) or _is_exact(word))


def _literal_chunks(words: list[str]) -> list[str]:
    """The runs of plain words between the special words of an alias."""
    chunks, chunk = [], []
    for word in words:
        if _is_literal(word):
            chunk.append(word)
        elif chunk:
            chunks.append(" ".join(chunk))
            chunk = []
    if chunk:
        chunks.append(" ".join(chunk))
    return chunks


def _token_pattern(words: list[str], norms: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """A Matcher pattern for an alias with wildcards, capitals or exact forms."""
    pattern: list[dict[str, Any]] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            pattern.extend({"NORM": norm} for norm in norms[" ".join(chunk)])
            chunk.clear()

    for word in words:
        if _is_literal(word):
            chunk.append(word)
            continue
        flush()
        if word == GAP:
            pattern.append({"IS_SENT_START": False, "OP": f"{{0,{MAX_GAP}}}"})
        elif word == NAME:
            # "visit the United States": a name may come with its article.
            pattern.append({"LOWER": "the", "IS_SENT_START": False, "OP": "?"})
            pattern.append({"IS_TITLE": True, "IS_SENT_START": False, "OP": "{1,3}"})
        elif ACRONYM.match(word):
            pattern.append({"ORTH": word})
        else:
            pattern.append({"LOWER": word[1:].lower()})
    flush()
    return pattern


def _is_exact(word: str) -> bool:
    return len(word) > 1 and word.startswith(EXACT)


_COMPOUND_JOINS = frozenset({"-", "–"})
"""What joins a capitalised word to the next one of a compound modifier ("Indo-Pacific")."""


def _run(phrases: PhraseMatcher, tokens: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    matches = list(phrases(doc)) if len(phrases) else []
    if len(tokens):
        matches += tokens(doc)
    return matches


def _maximal(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) token spans not contained in another span of the list."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if kept and end <= kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


@lru_cache(maxsize=16)
def tagger_for(pack: TopicPack, nlp: Language) -> TopicTagger:
    """A compiled tagger, cached: compiling a pack takes longer than tagging a readout."""
    return TopicTagger(pack, nlp)


def _literal_first(alias: str) -> tuple[bool, str]:
    """Order of the aliases matching one span: those without a wildcard first."""
    return (GAP in alias.split(), alias)
