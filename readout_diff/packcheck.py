"""``readout-diff topics check``: lint a topic pack before using it.

Validation (:func:`readout_diff.topicpacks.load_pack`) refuses a pack that cannot be
used at all; this module finds what makes a usable pack wrong: duplicate ids (all
of them, with their lines), aliases that two topics share (a hit would count for
both), and aliases that do not even match their own words (a typo in the syntax,
a lemma that the lemmatizer turns into something else).
"""

from __future__ import annotations

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
)

_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Problem:
    """A warning about one topic or alias, with the line where it stands."""

    source: str
    line: int
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: topic {self.topic!r}: {self.message}"


def _id_lines(text: str) -> list[tuple[str, int]]:
    return [
        (match.group(1), number)
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := _ID_LINE.match(line))
    ]


def _alias_line(text: str, alias: str, after: int) -> int:
    lines = text.splitlines()
    quoted = (f'"{alias}"', f"'{alias}'")
    for number in range(after, len(lines) + 1):
        if any(q in lines[number - 1] for q in quoted):
            return number
    return after


def check_pack(path: str | Path, *, with_builtin: bool = False) -> list[Problem]:
    """The problems of a pack file; raises :class:`PackError` when it is not a valid pack."""
    source = str(path)
    pack = _load_reporting_every_duplicate(source)
    text = Path(source).read_text(encoding="utf-8")
    lines = dict(_id_lines(text))
    problems = []
    problems += _collisions(pack, text, lines, builtin_pack() if with_builtin else None)
    problems += _self_matches(pack, text, lines)
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
    match = re.match(r"topic '([^']+)'", exc.problem)
    try:
        lines = dict(_id_lines(Path(source).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return exc
    if match and match.group(1) in lines:
        return PackError(source, f"line {lines[match.group(1)]}: {exc.problem}")
    return exc


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
        for spec in [*others, *pack.topics]:
            for alias in spec.aliases_for(lang):
                key = tuple(t.norm_ for t in nlp(alias))
                owner = owners.get(key)
                if owner and owner[0] != spec.id:
                    where = "this pack" if owner[0] in own else "the built-in pack"
                    problems.append(
                        Problem(
                            pack.sources[0],
                            _alias_line(text, alias, lines.get(spec.id, 1)),
                            spec.id,
                            f"{lang} alias {alias!r} is also an alias of topic {owner[0]!r} "
                            f"({where}): a match would count for both",
                        )
                    )
                owners.setdefault(key, (spec.id, alias))
    return [p for p in problems if p.topic in {t.id for t in pack.topics}]


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
                            _alias_line(text, alias, lines.get(spec.id, 1)),
                            spec.id,
                            f"{lang} alias {alias!r} does not match its own words "
                            f"(in {sample!r}); check its spelling, capitals and wildcards",
                        )
                    )
    return problems


def _solo_pack(spec: TopicSpec) -> TopicPack:
    # The topic alone, without its 'unless' phrases, which would hide the alias itself.
    bare = TopicSpec(id=spec.id, label=spec.label, group=spec.group, aliases=spec.aliases)
    return TopicPack(name="check", version="", description="", sources=("check",), topics=(bare,))
