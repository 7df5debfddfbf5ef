"""Topic packs: the TOML schema, validation on load, and merging packs.

A topic pack is a TOML file (see ``readout_diff/packs/builtin.toml`` and the
README) listing topics, each with the aliases every government uses for it, per
language. Packs are validated into :class:`TopicPack` on load; compiling them into
spaCy matchers is :mod:`readout_diff.tagging`'s job, and nothing here imports spaCy.

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
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from readout_diff import cache
from readout_diff.errors import PackError
from readout_diff.files import read_bytes
from readout_diff.model import Topic

LANGUAGES = ("en", "ru")
GAP = "*"
NAME = "<Name>"
EXACT = "="
ACRONYM = re.compile(r"^(?=.*[A-ZА-ЯЁ])[A-ZА-ЯЁ0-9]{2,}$")
"""A word of an alias that matches case-sensitively (two or more capitals or digits)."""
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_PACK_KEYS = {"name", "version", "description", "disable"}
_TOPIC_KEYS = {
    "id",
    "label",
    "group",
    "unless",
    "weak",
    "parent",
    "anchored",
    "consolidate",
    "frame",
    *LANGUAGES,
}
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
    weak: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Aliases per language (also listed as aliases) that name the topic only in passing
    ("Ukrainian" in a grain sentence, a leader's name): alone they never make the topic
    a subject of the readout (see :mod:`readout_diff.judging`)."""
    parent: str = ""
    """The issue this topic is a detail of ("arms supplies" under "war in Ukraine"), or ""
    for an issue of its own; verdicts and exit statuses are taken at issue level."""
    anchored: bool = False
    """A topic named by a place or a thing (Ukraine, Taiwan, NATO): its lowercase
    aliases ("ceasefire", "lasting peace", "eastward expansion") describe it only in a
    call where one of its capitalised aliases (its anchors) occurs in either readout;
    elsewhere they are ordinary words. Sub-issues take their issue's setting, and
    any alias of the issue's family anchors it (see :mod:`readout_diff.judging`)."""
    consolidate: bool = False
    """An issue whose sub-issues are facets of one subject (the state of relations:
    world peace, national interests, managing differences): a sub-issue one side
    raises is always its detail when the other side has the issue, answered or not."""
    frame: bool = False
    """A topic that is as often the frame of another issue as a subject of its own (the
    UN Charter and international law, terrorism, alliance commitments, interference
    in internal affairs, human rights, domestic politics): raised by one side only, and
    only in sentences on an issue both sides discuss, it is that issue's detail ("the
    settlement must respect the UN Charter", "terrorist groups in northern Syria")."""

    def aliases_for(self, lang: str) -> tuple[str, ...]:
        """The aliases of this topic in one language."""
        return dict(self.aliases).get(lang, ())

    def place_adjectives(self, lang: str) -> tuple[str, ...]:
        """For a place's issue (``anchored``) in Russian, the adjectives of its one-word
        names that its aliases do not list ("Идлиб" -> "идлибский"): the Kremlin names a
        place by its adjective as often as by its name ("в Идлибской зоне деэскалации").
        They count as passing mentions (see :meth:`weak_for`)."""
        if lang != "ru" or not self.anchored:
            return ()
        return _place_adjectives(self.aliases_for(lang))

    def unless_for(self, lang: str) -> tuple[str, ...]:
        """The exclusion phrases of this topic in one language."""
        return dict(self.unless).get(lang, ())

    def weak_for(self, lang: str) -> tuple[str, ...]:
        """The aliases of this topic that, in one language, mention it only in passing
        (with the derived :meth:`place_adjectives`)."""
        return dict(self.weak).get(lang, ()) + self.place_adjectives(lang)

    def topic(self) -> Topic:
        return Topic(id=self.id, label=self.label, group=self.group, parent=self.parent)


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
    # Parsing and validating the TOML is ~10 ms of every start; the validated pack is
    # kept in the cache folder, keyed by the file and by this module's rules.
    key = cache.key("built-in pack", text, Path(__file__).read_bytes())
    stored = cache.read(_BUILTIN_CACHE, key, lambda value: isinstance(value, tuple))
    if stored is not None:
        try:
            return _pack_from_tuple(stored)
        except (TypeError, ValueError):
            pass  # not a pack after all: parse the file
    pack = parse_pack(text, "builtin")
    cache.write(_BUILTIN_CACHE, key, astuple(pack))
    return pack


_BUILTIN_CACHE = "pack-builtin"


def _pack_from_tuple(value: tuple[Any, ...]) -> TopicPack:
    """A pack from ``dataclasses.astuple`` of one (its fields in their order)."""
    name, version, description, sources, topics, negation, disabled = value
    specs = tuple(TopicSpec(*topic) for topic in topics)
    return TopicPack(name, version, description, sources, specs, negation, disabled)


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
    raw_unless = raw.get("unless", {})
    if not isinstance(raw_unless, dict):
        raise PackError(source, f"{where}: 'unless' must be a table of phrase lists per language")
    _check_keys(raw_unless, set(LANGUAGES), source, f"{where} unless")
    unless = tuple(
        (lang, _aliases(raw_unless, lang, source, f"{where} unless")) for lang in LANGUAGES
    )
    raw_weak = raw.get("weak", {})
    if not isinstance(raw_weak, dict):
        raise PackError(source, f"{where}: 'weak' must be a table of alias lists per language")
    _check_keys(raw_weak, set(LANGUAGES), source, f"{where} weak")
    weak = tuple((lang, _aliases(raw_weak, lang, source, f"{where} weak")) for lang in LANGUAGES)
    # A weak alias is an alias too: listing it under 'weak' alone is enough.
    if any(values for _, values in weak):
        aliases = _merge_lists(aliases, weak)
    if not any(values for _, values in aliases):
        raise PackError(source, f"{where}: no aliases (give 'en' and/or 'ru' lists)")
    parent = _string(raw, "parent", source, where, default="")
    if parent and not _ID.match(parent):
        raise PackError(source, f"{where}: 'parent' must be a topic id, got {parent!r}")
    if parent == topic_id:
        raise PackError(source, f"{where}: a topic cannot be its own parent")
    return TopicSpec(
        id=topic_id,
        label=label,
        group=group,
        aliases=aliases,
        unless=unless,
        weak=weak,
        parent=parent,
        anchored=_flag(raw, "anchored", source, where),
        consolidate=_flag(raw, "consolidate", source, where),
        frame=_flag(raw, "frame", source, where),
    )


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


def _flag(table: Mapping[str, Any], key: str, source: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise PackError(source, f"{where}: {key!r} must be true or false, got {value!r}")
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
            weak=_merge_lists(old.weak, spec.weak),
            parent=spec.parent or old.parent,
            anchored=spec.anchored or old.anchored,
            consolidate=spec.consolidate or old.consolidate,
            frame=spec.frame or old.frame,
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
        raise PackError("topic packs", "no topic pack left: the built-in one is left out")
    pack = packs[0]
    if pack.disabled and not builtin:
        raise PackError(pack.sources[0], "[pack] disable: there is no pack before this one")
    for extra in packs[1:]:
        pack = merge_packs(pack, extra)
    return pack


@lru_cache(maxsize=512)
def _place_adjectives(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The derived adjectives of a place issue's one-word Russian names that its aliases
    do not list (asked for per hit, so computed once per topic)."""
    listed = {alias.lower() for alias in aliases}
    found: list[str] = []
    for alias in aliases:
        if " " in alias or not alias[:1].isupper() or ACRONYM.match(alias):
            continue
        for adjective in _russian_adjectives(alias.lower()):
            if adjective not in listed and adjective not in found:
                found.append(adjective)
    return tuple(found)


def _russian_adjectives(name: str) -> tuple[str, ...]:
    """The relational adjective of a Russian place name, as the regular patterns make it
    ("идлиб" -> "идлибский", "сирия" -> "сирийский", "украина" -> "украинский",
    "тайвань" -> "тайваньский", "донбасс" -> "донбасский"). Names in "-ск" are left out
    (cutting them makes real words of other meanings), and so are those in "-й", which
    are adjectives or surnames already."""
    if not name.isalpha() or len(name) < 4 or name.endswith(("ск", "й")):
        return ()
    if name.endswith("ия"):
        return (name[:-2] + "ийский",)
    if name.endswith("ея"):
        return (name[:-1] + "йский",)
    if name.endswith(("а", "я")):
        return (name[:-1] + "ский",)
    if name.endswith("сс"):
        return (name[:-1] + "ский",)
    if name.endswith("с"):
        return (name + "кий",)
    if name[-1] in "аеёиоуыэюя":
        return ()
    return (name + "ский",)
