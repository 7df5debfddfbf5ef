"""``readout-diff topics check``: lint a topic pack before using it.

Validation (:func:`readout_diff.topicpacks.load_pack`) refuses a pack that cannot be
used at all; this module finds what makes a usable pack wrong: duplicate ids (all
of them, with their lines), ``disable`` ids the built-in pack does not have,
aliases that two topics share (a hit would count for both), an alias given twice in
one topic, English words in a ``ru`` list (or Russian in ``en``), and aliases that
do not even match their own words (a typo in the syntax, a lemma that the
lemmatizer turns into something else), a ``parent`` that names no topic of the pack
as it is used (merged with the built-in pack) or that is itself a detail of another
issue (the hierarchy is one level deep), a weak alias that another topic has as a
plain alias (the passing mention of one would be a subject of the other), and a
one-word Russian alias that is a participle: its lemma is its verb's, so that
"заключённые" (prisoners) would match "заключили соглашение" (concluded an agreement);
its forms are written with ``=`` instead.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from readout_diff.errors import PackError
from readout_diff.topicpacks import (
    EXACT,
    GAP,
    LANGUAGES,
    NAME,
    TopicPack,
    TopicSpec,
    builtin_pack,
    load_pack,
    merge_packs,
)

_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"']+)["']""")
_TOPIC_HEADER = re.compile(r"^\s*\[\[\s*topic\s*\]\]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A lowercase Latin word: English words, unlike the acronyms and brand names ("G20",
# "COVID-19", "TikTok") that Russian readouts do write in Latin letters.
_LOWER_LATIN_WORD = re.compile(r"(?<![\w-])[a-z]{2,}(?![\w-])")


@dataclass(frozen=True)
class Problem:
    """A warning about one topic or alias, with the line where it stands."""

    source: str
    line: int
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: topic {self.topic!r}: {self.message}"


def _nth_line(text: str, pattern: re.Pattern[str], number: int) -> int | None:
    """The line of the ``number``-th line matching ``pattern`` (1-based), if there is one."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]
    return found[number - 1] if 0 < number <= len(found) else None


def _id_lines(text: str) -> list[tuple[str, int]]:
    return [
        (match.group(1), number)
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := _ID_LINE.match(line))
    ]


def _alias_line(
    text: str, alias: str, after: int, *, lang: str | None = None, occurrence: int = 1
) -> int:
    lines = text.splitlines()
    quoted = (f'"{alias}"', f"'{alias}'")
    if lang is not None:
        # Start at the topic's list for this language: the same words may be in another.
        key = re.compile(rf"^\s*{lang}\s*=")
        after = next((n for n in range(after, len(lines) + 1) if key.match(lines[n - 1])), after)
    seen = 0
    for number in range(after, len(lines) + 1):
        seen += sum(lines[number - 1].count(q) for q in quoted)
        if seen >= occurrence:
            return number
    return after


def check_pack(path: str | Path, *, with_builtin: bool = False) -> list[Problem]:
    """The problems of a pack file; raises :class:`PackError` when it is not a valid pack."""
    source = str(path)
    pack = _load_reporting_every_duplicate(source)
    text = Path(source).read_text(encoding="utf-8")
    lines = dict(_id_lines(text))
    _check_disabled(pack, text)
    problems = []
    problems += _collisions(pack, text, lines, builtin_pack() if with_builtin else None)
    problems += _repeated_aliases(pack, text, lines)
    problems += _wrong_script(pack, text, lines)
    problems += _self_matches(pack, text, lines)
    problems += _participles(pack, text, lines)
    problems += _parents(pack, text, lines)
    return sorted(problems, key=lambda p: (p.line, p.topic, p.message))


def _load_reporting_every_duplicate(source: str) -> TopicPack:
    try:
        return load_pack(source)
    except PackError as exc:
        if "defined twice" not in exc.problem:
            raise _with_line(exc, source) from None
    text = Path(source).read_text(encoding="utf-8")
    seen: dict[str, int] = {}
    duplicates = []
    for topic_id, line in _id_lines(text):
        if topic_id in seen:
            duplicates.append(f"line {line}: id {topic_id!r} already used on line {seen[topic_id]}")
        seen.setdefault(topic_id, line)
    raise PackError(source, "duplicate topic ids: " + "; ".join(duplicates))


def _with_line(exc: PackError, source: str) -> PackError:
    """The error with the line of the topic it names, when it names one."""
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return exc
    match = re.match(r"topic '([^']+)'", exc.problem)
    lines = dict(_id_lines(text))
    if match and match.group(1) in lines:
        return PackError(source, f"line {lines[match.group(1)]}: {exc.problem}")
    # A topic without a valid id is named by its place ("topic #2"): say its line instead.
    match = re.match(r"topic #(\d+): ", exc.problem)
    if match:
        header = _nth_line(text, _TOPIC_HEADER, int(match.group(1)))
        if header is not None:
            where = _id_line_after(text, header)
            return PackError(source, f"line {where}: {exc.problem[match.end() :]}")
    return exc


def _id_line_after(text: str, header: int) -> int:
    """The line of the ``id`` key of the topic whose ``[[topic]]`` header is on ``header``."""
    for number, line in enumerate(text.splitlines()[header:], start=header + 1):
        if _TOPIC_HEADER.match(line):
            break
        if re.match(r"^\s*id\s*=", line):
            return number
    return header


def _check_disabled(pack: TopicPack, text: str) -> None:
    """Refuse ``disable`` ids the built-in pack does not have, as a comparison would."""
    known = {spec.id for spec in builtin_pack().topics}
    for topic_id in pack.disabled:
        if topic_id in known:
            continue
        close = difflib.get_close_matches(topic_id, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        line = _alias_line(text, topic_id, 1)
        raise PackError(
            pack.sources[0],
            f"line {line}: [pack] disable: the built-in pack has no topic {topic_id!r}{hint}",
        )


def _repeated_aliases(pack: TopicPack, text: str, lines: dict[str, int]) -> list[Problem]:
    problems = []
    for spec in pack.topics:
        for lang in LANGUAGES:
            seen: set[str] = set()
            for alias in spec.aliases_for(lang):
                if alias in seen:
                    line = _alias_line(text, alias, lines.get(spec.id, 1), lang=lang, occurrence=2)
                    problems.append(
                        Problem(
                            pack.sources[0],
                            line,
                            spec.id,
                            f"{lang} alias {alias!r} is given twice in this topic",
                        )
                    )
                seen.add(alias)
    return problems


def _wrong_script(pack: TopicPack, text: str, lines: dict[str, int]) -> list[Problem]:
    problems = []
    for spec in pack.topics:
        for lang in LANGUAGES:
            for alias in spec.aliases_for(lang):
                if lang == "ru" and not _CYRILLIC.search(alias):
                    wrong = bool(_LOWER_LATIN_WORD.search(alias))
                    where = "in Latin script: put English aliases in 'en'"
                else:
                    wrong = lang == "en" and bool(_CYRILLIC.search(alias))
                    where = "in Cyrillic script: put Russian aliases in 'ru'"
                if wrong:
                    problems.append(
                        Problem(
                            pack.sources[0],
                            _alias_line(text, alias, lines.get(spec.id, 1), lang=lang),
                            spec.id,
                            f"{lang} alias {alias!r} is {where} (it would never match "
                            "a readout in its language)",
                        )
                    )
    return problems


def _collisions(
    pack: TopicPack, text: str, lines: dict[str, int], builtin: TopicPack | None
) -> list[Problem]:
    from readout_diff import segmenting

    problems = []
    for lang in LANGUAGES:
        nlp = segmenting.load_pipeline(lang)
        owners: dict[tuple[str, ...], tuple[str, str]] = {}
        own = {t.id for t in pack.topics}
        others = [s for s in builtin.topics if s.id not in own] if builtin else []
        specs = {s.id: s for s in [*others, *pack.topics]}
        for spec in [*others, *pack.topics]:
            for alias in spec.aliases_for(lang):
                key = tuple(t.norm_ for t in nlp(alias))
                owner = owners.get(key)
                if owner and owner[0] != spec.id:
                    problems.append(
                        Problem(
                            pack.sources[0],
                            _alias_line(text, alias, lines.get(spec.id, 1), lang=lang),
                            spec.id,
                            _collision_message(lang, alias, spec, owner, own, specs),
                        )
                    )
                owners.setdefault(key, (spec.id, alias))
    return [p for p in problems if p.topic in {t.id for t in pack.topics}]


def _collision_message(
    lang: str,
    alias: str,
    spec: TopicSpec,
    owner: tuple[str, str],
    own: set[str],
    specs: dict[str, TopicSpec],
) -> str:
    owner_id, owner_alias = owner
    where = "this pack" if owner_id in own else "the built-in pack"
    weak_here = alias in spec.weak_for(lang)
    weak_there = owner_alias in specs[owner_id].weak_for(lang)
    if weak_here != weak_there:
        weak_topic, plain_topic = (spec.id, owner_id) if weak_here else (owner_id, spec.id)
        weak_alias = alias if weak_here else owner_alias
        return (
            f"{lang} weak alias {weak_alias!r} of topic {weak_topic!r} is a plain alias of topic "
            f"{plain_topic!r} ({where if weak_here else 'this pack'}): a passing mention of "
            "one would be a subject of the other"
        )
    return (
        f"{lang} alias {alias!r} is also an alias of topic {owner_id!r} "
        f"({where}): a match would count for both"
    )


def _parents(pack: TopicPack, text: str, lines: dict[str, int]) -> list[Problem]:
    """Parents that name no topic, or a topic that is itself a detail of another issue.

    A pack extends the built-in pack when it is used, so a parent is looked up in the
    two merged (without the topics the pack disables).
    """
    try:
        merged = merge_packs(builtin_pack(), pack)
    except PackError:
        merged = pack
    by_id = {spec.id: spec for spec in merged.topics}
    problems = []
    for spec in pack.topics:
        parent = by_id.get(spec.id, spec).parent
        if not parent:
            continue
        line = _parent_line(text, lines.get(spec.id, 1))
        if parent in pack.disabled:
            message = f"parent {parent!r} is a topic this pack disables"
        elif parent not in by_id:
            close = difflib.get_close_matches(parent, sorted(by_id), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"parent {parent!r} is not a topic of the pack{hint}"
        elif by_id[parent].parent:
            message = (
                f"parent {parent!r} is itself a detail of {by_id[parent].parent!r}: "
                "a parent must be an issue of its own (the hierarchy is one level deep)"
            )
        else:
            continue
        problems.append(Problem(pack.sources[0], line, spec.id, message))
    return problems


def _parent_line(text: str, after: int) -> int:
    """The line of the ``parent`` key of the topic whose ``id`` is on ``after``."""
    lines = text.splitlines()
    for number in range(after, len(lines) + 1):
        if number > after and _TOPIC_HEADER.match(lines[number - 1]):
            break
        if re.match(r"^\s*parent\s*=", lines[number - 1]):
            return number
    return after


def _sample_text(alias: str) -> str:
    words = []
    for word in alias.split():
        if word == GAP:
            continue
        if word == NAME:
            words.append("Geneva")
        elif word.startswith(EXACT) and len(word) > 1:
            words.append(word[1:])
        else:
            words.append(word)
    return "They discussed " + " ".join(words) + " today."


def _self_matches(pack: TopicPack, text: str, lines: dict[str, int]) -> list[Problem]:
    from readout_diff.pipeline import tag_readout
    from readout_diff.reading import readout_from_text

    problems = []
    for spec in pack.topics:
        solo = _solo_pack(spec)
        for lang in LANGUAGES:
            for alias in spec.aliases_for(lang):
                sample = _sample_text(alias)
                tagged = tag_readout(readout_from_text(sample, "check", lang), solo)
                if not any(hit.topic_id == spec.id for hit in tagged.hits):
                    problems.append(
                        Problem(
                            pack.sources[0],
                            _alias_line(text, alias, lines.get(spec.id, 1), lang=lang),
                            spec.id,
                            f"{lang} alias {alias!r} does not match its own words "
                            f"(in {sample!r}); check its spelling, capitals and wildcards",
                        )
                    )
    return problems


def _participles(pack: TopicPack, text: str, lines: dict[str, int]) -> list[Problem]:
    """One-word Russian aliases that pymorphy3 reads as a full participle."""
    from readout_diff import morphology

    analyser = morphology.russian()
    problems = []
    for spec in pack.topics:
        for alias in (*spec.aliases_for("ru"), *spec.weak_for("ru")):
            if " " in alias or alias.startswith(EXACT) or not alias.isalpha():
                continue
            parse = analyser.best_parse(alias.lower())
            if parse.tag.POS == "PRTF":
                problems.append(
                    Problem(
                        pack.sources[0],
                        _alias_line(text, alias, lines.get(spec.id, 1), lang="ru"),
                        spec.id,
                        f"ru alias {alias!r} is a participle: its lemma is the verb "
                        f"{parse.normal_form!r}, so it matches every form of that verb; "
                        f"write the participle's forms with '=' ('={alias}')",
                    )
                )
    return problems


def _solo_pack(spec: TopicSpec) -> TopicPack:
    # The topic alone, without its 'unless' phrases, which would hide the alias itself.
    bare = TopicSpec(id=spec.id, label=spec.label, group=spec.group, aliases=spec.aliases)
    return TopicPack(name="check", version="", description="", sources=("check",), topics=(bare,))
