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
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from readout_diff.model import SegmentedReadout, TaggedReadout, TopicHit
from readout_diff.topicpacks import ACRONYM, EXACT, GAP, NAME, TopicPack

KEY_SEP = "\t"
MAX_GAP = 4


class TopicTagger:
    """A topic pack compiled into spaCy matchers for one pipeline (one language)."""

    def __init__(self, pack: TopicPack, nlp: Language) -> None:
        self.pack = pack
        self.nlp = nlp
        self.lang = str(nlp.lang)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.unless_phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self.unless_tokens = Matcher(nlp.vocab, validate=True)
        # Every alias goes through the pipeline once, in one batch: compiling the pack
        # is part of every run's start-up.
        plain: list[tuple[PhraseMatcher, str, str]] = []
        patterned: list[tuple[Matcher, str, list[str]]] = []
        for spec in pack.topics:
            for alias in spec.aliases_for(self.lang):
                self._sort(alias, spec.id, self.phrases, self.tokens, plain, patterned)
            for alias in spec.unless_for(self.lang):
                self._sort(
                    alias, spec.id, self.unless_phrases, self.unless_tokens, plain, patterned
                )
        chunks = sorted({c for _, _, words in patterned for c in _literal_chunks(words)})
        norms = {
            text: [t.norm_ for t in doc]
            for text, doc in zip(chunks, self._pattern_docs(chunks), strict=True)
        }
        for token_matcher, key, words in patterned:
            token_matcher.add(key, [_token_pattern(words, norms)])
        texts = [alias for _, _, alias in plain]
        for (phrase_matcher, key, _), doc in zip(plain, self._pattern_docs(texts), strict=True):
            phrase_matcher.add(key, [doc])
        self.negation = PhraseMatcher(nlp.vocab, attr="NORM")
        cues = list(pack.negation_cues(self.lang))
        if cues:
            self.negation.add("NEGATION", self._pattern_docs(cues))

    def _sort(
        self,
        alias: str,
        topic_id: str,
        phrases: PhraseMatcher,
        tokens: Matcher,
        plain: list[tuple[PhraseMatcher, str, str]],
        patterned: list[tuple[Matcher, str, list[str]]],
    ) -> None:
        """File an alias under the matcher that will hold it."""
        # One match key per alias, "topic-id<TAB>alias", so a hit can say what matched.
        key = f"{topic_id}{KEY_SEP}{alias}"
        words = alias.split()
        if len(words) == 1 and ACRONYM.match(alias) and phrases is self.phrases:
            # A one-word acronym is an exact token: far cheaper in a PhraseMatcher.
            self.acronyms.add(key, [self.nlp.make_doc(alias)])
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
            # Several aliases may match one span; keep the first in sorted order.
            spans = found.setdefault(topic_id, {})
            spans[(start, end)] = min(alias, spans.get((start, end), alias))
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


def _token_pattern(words: list[str], norms: dict[str, list[str]]) -> list[dict[str, Any]]:
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
