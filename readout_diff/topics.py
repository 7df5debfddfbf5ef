"""Topic packs and the tagging stage.

A topic pack is a TOML file (see ``readout_diff/packs/builtin.toml`` and the
README) listing topics, each with the aliases every government uses for it, per
language. Packs are validated into :class:`TopicPack` on load and compiled into
spaCy matchers by :class:`TopicTagger`.

Alias syntax, matched token by token on lowercase lemmas (``Token.norm_``):

* ``"election meddling"``: the words in this order, any inflection
  ("elections meddled" matches);
* ``"interference in * election"``: ``*`` stands for up to four words;
* ``"release of <Name>"``: ``<Name>`` stands for one to three capitalised words;
* ``"AI"``, ``"New START"``: a word in capitals (an acronym) matches
  case-sensitively, so "US" never matches "us" nor "New START" "a new start";
* ``"=sanctioned"``: a word after ``=`` matches only in this form (any case), not
  in the other forms of its lemma.

A topic may also list ``unless`` phrases per language: a hit that lies inside one
of them is dropped ("energy" unless "positive energy").
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from readout_diff.errors import PackError
from readout_diff.model import SegmentedReadout, TaggedReadout, Topic, TopicHit
from readout_diff.reading import read_bytes

LANGUAGES = ("en", "ru")
GAP = "*"
NAME = "<Name>"
EXACT = "="
KEY_SEP = "\t"
MAX_GAP = 4
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_ACRONYM = re.compile(r"^(?=.*[A-ZА-ЯЁ])[A-ZА-ЯЁ0-9]{2,}$")
_PACK_KEYS = {"name", "version", "description", "disable"}
_TOPIC_KEYS = {"id", "label", "group", "unless", *LANGUAGES}
_TOP_KEYS = {"pack", "topic", "negation"}


@dataclass(frozen=True)
class TopicSpec:
    """A topic of a pack: its id, label, group and aliases per language."""

    id: str
    label: str
    group: str
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    unless: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Phrases per language inside which an alias does not count."""

    def aliases_for(self, lang: str) -> tuple[str, ...]:
        """The aliases of this topic in one language."""
        return dict(self.aliases).get(lang, ())

    def unless_for(self, lang: str) -> tuple[str, ...]:
        """The exclusion phrases of this topic in one language."""
        return dict(self.unless).get(lang, ())

    def topic(self) -> Topic:
        return Topic(id=self.id, label=self.label, group=self.group)


@dataclass(frozen=True)
class TopicPack:
    """A validated topic pack, possibly merged from several files."""

    name: str
    version: str
    description: str
    sources: tuple[str, ...]
    topics: tuple[TopicSpec, ...]
    negation: tuple[tuple[str, tuple[str, ...]], ...] = ()
    disabled: tuple[str, ...] = ()
    """Ids of topics of the packs this one extends that it switches off."""

    def negation_cues(self, lang: str) -> tuple[str, ...]:
        """Phrases that mark a sentence as saying a topic was *not* discussed."""
        return dict(self.negation).get(lang, ())

    def get(self, topic_id: str) -> TopicSpec:
        for spec in self.topics:
            if spec.id == topic_id:
                return spec
        raise KeyError(topic_id)


# --- loading and validating -------------------------------------------------------


def builtin_pack() -> TopicPack:
    """The topic pack shipped with readout-diff."""
    return _builtin_pack()


@lru_cache(maxsize=1)
def _builtin_pack() -> TopicPack:
    text = resources.files("readout_diff.packs").joinpath("builtin.toml").read_text("utf-8")
    return parse_pack(text, "builtin")


def load_pack(path: str | Path) -> TopicPack:
    """Read and validate a topic pack file, or raise :class:`PackError`."""
    source = str(path)
    data = read_bytes(source, PackError, "topic pack")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackError(source, "topic pack is not valid UTF-8") from None
    return parse_pack(text, source)


def parse_pack(text: str, source: str) -> TopicPack:
    """Validate the text of a topic pack; ``source`` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(source, f"invalid TOML: {exc}") from None
    _check_keys(data, _TOP_KEYS, source, "the pack")
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(source, "[pack] must be a table")
    _check_keys(header, _PACK_KEYS, source, "[pack]")
    raw_topics = data.get("topic", [])
    if not isinstance(raw_topics, list) or not all(isinstance(t, dict) for t in raw_topics):
        raise PackError(source, "topics must be given as [[topic]] tables")
    if not raw_topics and not header.get("disable"):
        raise PackError(source, "the pack defines no [[topic]]")
    topics: list[TopicSpec] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_topics, start=1):
        spec = _parse_topic(raw, source, number)
        if spec.id in seen:
            raise PackError(source, f"topic {spec.id!r} is defined twice")
        seen.add(spec.id)
        topics.append(spec)
    negation = data.get("negation", {})
    if not isinstance(negation, dict):
        raise PackError(source, "[negation] must be a table of phrase lists per language")
    _check_keys(negation, set(LANGUAGES), source, "[negation]")
    return TopicPack(
        name=_string(header, "name", source, "[pack]", default=Path(source).stem),
        version=_string(header, "version", source, "[pack]", default=""),
        description=_string(header, "description", source, "[pack]", default=""),
        sources=(source,),
        topics=tuple(topics),
        negation=tuple(
            (lang, _aliases(negation, lang, source, "[negation]")) for lang in LANGUAGES
        ),
        disabled=_string_list(header, "disable", source, "[pack]"),
    )


def _parse_topic(raw: dict[str, Any], source: str, number: int) -> TopicSpec:
    where = f"topic #{number}"
    topic_id = raw.get("id")
    if not isinstance(topic_id, str) or not _ID.match(topic_id):
        raise PackError(
            source, f"{where}: 'id' must be a lowercase slug such as 'new-start', got {topic_id!r}"
        )
    where = f"topic {topic_id!r}"
    _check_keys(raw, _TOPIC_KEYS, source, where)
    label = _string(raw, "label", source, where)
    group = _string(raw, "group", source, where, default="")
    aliases = tuple((lang, _aliases(raw, lang, source, where)) for lang in LANGUAGES)
    if not any(values for _, values in aliases):
        raise PackError(source, f"{where}: no aliases (give 'en' and/or 'ru' lists)")
    raw_unless = raw.get("unless", {})
    if not isinstance(raw_unless, dict):
        raise PackError(source, f"{where}: 'unless' must be a table of phrase lists per language")
    _check_keys(raw_unless, set(LANGUAGES), source, f"{where} unless")
    unless = tuple(
        (lang, _aliases(raw_unless, lang, source, f"{where} unless")) for lang in LANGUAGES
    )
    return TopicSpec(id=topic_id, label=label, group=group, aliases=aliases, unless=unless)


def _check_keys(table: Mapping[str, Any], allowed: set[str], source: str, where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(
            source, f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )


def _string(
    table: Mapping[str, Any], key: str, source: str, where: str, default: str | None = None
) -> str:
    value = table.get(key, default)
    if value is None:
        raise PackError(source, f"{where}: missing {key!r}")
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise PackError(source, f"{where}: {key!r} must be a non-empty string")
    return value


def _string_list(table: Mapping[str, Any], key: str, source: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(source, f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _aliases(table: Mapping[str, Any], lang: str, source: str, where: str) -> tuple[str, ...]:
    aliases = _string_list(table, lang, source, where)
    for alias in aliases:
        words = alias.split()
        if all(w in (GAP, NAME, EXACT) for w in words):
            raise PackError(source, f"{where}: alias {alias!r} has no words, only wildcards")
        if words[0] == GAP or words[-1] == GAP:
            raise PackError(source, f"{where}: alias {alias!r} cannot start or end with '*'")
    return aliases


def merge_packs(base: TopicPack, extra: TopicPack) -> TopicPack:
    """``base`` extended by ``extra``.

    A topic of ``extra`` with a new id is added; one with an id ``base`` already has
    adds its aliases to that topic and may relabel it; ids listed in ``extra``'s
    ``disable`` are dropped.
    """
    by_id = {spec.id: spec for spec in base.topics}
    order = [spec.id for spec in base.topics]
    for spec in extra.topics:
        old = by_id.get(spec.id)
        if old is None:
            order.append(spec.id)
            by_id[spec.id] = spec
            continue
        by_id[spec.id] = TopicSpec(
            id=spec.id,
            label=spec.label,
            group=spec.group or old.group,
            aliases=_merge_lists(old.aliases, spec.aliases),
            unless=_merge_lists(old.unless, spec.unless),
        )
    unknown = [topic_id for topic_id in extra.disabled if topic_id not in by_id]
    if unknown:
        raise PackError(extra.sources[0], f"[pack] disable: no topic {unknown[0]!r} to disable")
    kept = [by_id[topic_id] for topic_id in order if topic_id not in extra.disabled]
    return TopicPack(
        name=f"{base.name}+{extra.name}",
        version=base.version,
        description=base.description,
        sources=base.sources + extra.sources,
        topics=tuple(kept),
        negation=_merge_lists(base.negation, extra.negation),
    )


def _merge_lists(
    old: tuple[tuple[str, tuple[str, ...]], ...], new: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    merged = dict(old)
    for lang, values in new:
        merged[lang] = tuple(dict.fromkeys(merged.get(lang, ()) + values))
    return tuple((lang, merged.get(lang, ())) for lang in LANGUAGES)


def resolve_pack(paths: Sequence[str | Path] = (), *, builtin: bool = True) -> TopicPack:
    """The built-in pack (unless ``builtin`` is false) extended by the packs at ``paths``."""
    packs = [load_pack(path) for path in paths]
    if builtin:
        packs.insert(0, builtin_pack())
    if not packs:
        raise PackError("--no-builtin", "no topic pack left: give one with --topics FILE")
    pack = packs[0]
    if pack.disabled and not builtin:
        raise PackError(pack.sources[0], "[pack] disable: there is no pack before this one")
    for extra in packs[1:]:
        pack = merge_packs(pack, extra)
    return pack


# --- tagging ----------------------------------------------------------------------


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
        if len(words) == 1 and _ACRONYM.match(alias) and phrases is self.phrases:
            # A one-word acronym is an exact token: far cheaper in a PhraseMatcher.
            self.acronyms.add(key, [self.nlp.make_doc(alias)])
        elif any(w in (GAP, NAME) or _ACRONYM.match(w) or _is_exact(w) for w in words):
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
    return not (word in (GAP, NAME) or _ACRONYM.match(word) or _is_exact(word))


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
            pattern.append({"IS_TITLE": True, "IS_SENT_START": False, "OP": "{1,3}"})
        elif _ACRONYM.match(word):
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
