"""Who is who in a readout: its own leader and the counterpart, and whom a stretch of text names.

Readouts name their sides in a handful of ways: a leader's surname ("Putin", "Д.Трамп"),
a country, its adjective or its capital ("the Russian side", "Washington"), a title
("the Prime Minister", "Глава государства"), the two together ("the leaders", "Стороны")
or a pronoun. Whose leader is whose is read from the readout itself: the title and first
sentences name the own leader before "with" / "с" and the counterpart after it
("Readout of President Biden's Call with President Putin", "Телефонный разговор с
Президентом США"); a title the text does not give a leader is that of the office the
country's leader usually holds (``OFFICES``); two readouts of one call are the two sides'
(:func:`reconcile`). The framing stage (:mod:`readout_diff.framing`) asks this module
who the subject of a reporting verb is; the words are data, in
:mod:`readout_diff.framing_lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from readout_diff.framing_lexicon import (
    BOTH_SIDES,
    COUNTRIES,
    FIRST_PERSON,
    LATTER,
    LEADERS,
    OFFICES,
    OWN_ONLY_TITLES,
    OWN_TITLES,
    THIRD_PERSON,
    TITLE,
    TITLE_KEYS,
)
from readout_diff.model import Sentence


class Actor(StrEnum):
    """Who a statement is attributed to."""

    A = "a"
    B = "b"
    BOTH = "both"
    OTHER = "other"


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _party_pattern(patterns: Iterable[str]) -> re.Pattern[str]:
    # Russian stems take any ending; English names may take a possessive.
    return re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")\w*(?:'s|’s)?")


_LEADER_RE = {code: _party_pattern(names) for code, names in LEADERS.items()}
_COUNTRY_RE = {code: _party_pattern(names) for code, names in COUNTRIES.items()}


@dataclass(frozen=True)
class Parties:
    """Who is who in one readout: country codes and the leaders' names as written."""

    own: str
    other: str
    own_name: str
    other_name: str
    titles: tuple[tuple[str, str], ...] = ()
    """(country, office) for each title the readout gives a leader ("in", "prime minister")."""
    sure: bool = True
    """Whether the own leader was read from a "with" / "с" (not from "Biden calls Erdoğan")."""

    def offices(self, code: str) -> frozenset[str]:
        """The titles of a country's leader: as the readout gives them, else the usual one."""
        seen = frozenset(office for c, office in self.titles if c == code)
        return seen or frozenset({OFFICES[code]} if code in OFFICES else ())

    def side_of_title(self, office: str, own_side: Actor) -> Actor:
        """Whose leader a bare title means: the other's when only the other holds it."""
        opposite = Actor.B if own_side is Actor.A else Actor.A
        if office in OWN_ONLY_TITLES or not (self.own and self.other):
            return own_side
        own, other = self.offices(self.own), self.offices(self.other)
        return opposite if office in other and office not in own else own_side


def leaders_in(text: str) -> list[tuple[int, str, str]]:
    """(offset, country, name as written) of every leader named in a text, in order."""
    found = [
        (m.start(), code, m.group(0)) for code, rx in _LEADER_RE.items() for m in rx.finditer(text)
    ]
    return sorted(found)


def countries_in(text: str) -> list[tuple[int, str]]:
    found = [(m.start(), code) for code, rx in _COUNTRY_RE.items() for m in rx.finditer(text)]
    return sorted(found)


def find_parties(sentences: Sequence[Sentence]) -> Parties:
    """Whose readout this is: the leader named before "with" / "с" in the opening lines."""
    own = other = own_name = other_name = ""
    sure = False
    for sentence in sentences[:3]:
        text = sentence.text
        split = re.search(r"\b(?:with|с|со)\b", text)
        for pos, code, name in leaders_in(text):
            before = split is None or pos < split.start()
            if before and not own and code != other:
                own, own_name = code, name
                sure = split is not None
            elif not before and not other and code != own:
                other, other_name = code, name
        if not other and split is not None:
            # "Telephone conversation with the President of the United States of America"
            after = [code for pos, code in countries_in(text) if pos > split.start()]
            if after and after[0] != own:
                other = after[0]
        if own and other:
            break
    if not own and other:
        # A first-person statement ("President Putin of Russia and I just had a call").
        for sentence in sentences[:3]:
            for _, code, name in leaders_in(sentence.text):
                if code != other:
                    own, own_name = code, name
                    break
            if own:
                break
    return Parties(own, other, own_name, other_name, _titles(sentences), sure or not own)


def _title_key(title: str) -> str:
    for key, rx in TITLE_KEYS:
        if rx.search(title):
            return key
    return ""


def _titles(sentences: Sequence[Sentence]) -> tuple[tuple[str, str], ...]:
    """(country, office) of each title the readout gives a leader: "Prime Minister Shri
    Narendra Modi", "Vladimir Putin, President of the Russian Federation", "The President of
    the Republic, Emmanuel Macron", "Премьер-министром Республики Индии Нарендрой Моди"."""
    seen: set[tuple[str, str]] = set()
    for sentence in sentences:
        text = sentence.text
        leaders = leaders_in(text)
        for t in TITLE.finditer(text):
            for pos, code, name in leaders:
                between = text[t.end() : pos] if pos >= t.end() else None
                apposed = text[pos + len(name) : t.start()] if pos < t.start() else None
                if (
                    between is not None
                    and _TITLE_NAME.fullmatch(between)
                    and not TITLE.search(between)
                ) or (apposed is not None and re.fullmatch(r",\s*(?:the\s+)?", apposed)):
                    seen.add((code, _title_key(t.group(0))))
                    break
    return tuple(sorted(seen))


# Between a title and the name it goes with: "Prime Minister Shri Narendra Modi", "President
# of the Republic, Emmanuel Macron", "Премьер-министром Республики Индии Нарендрой Моди".
_TITLE_NAME = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+,)?(?:\s+[\w.'’-]+){0,5}?\s+|\s*"
)


def reconcile(a: Parties, b: Parties) -> tuple[Parties, Parties]:
    """Two readouts of one call are the two sides': where one read its own leader only from
    the word order of a title ("Biden calls Erdoğan", the Turkish account), take the other's
    parties the other way round."""
    if a.own and a.own == b.own and a.sure != b.sure:
        if a.sure:
            return a, _swapped(b, a)
        return _swapped(a, b), b
    # A readout that names only one leader, or none, is the other side's account.
    if not a.own and b.own and b.other and a.other in ("", b.own):
        a = replace(a, own=b.other, other=b.own, other_name=a.other_name or b.own_name)
    if not b.own and a.own and a.other and b.other in ("", a.own):
        b = replace(b, own=a.other, other=a.own, other_name=b.other_name or a.own_name)
    if a.own and b.own and not a.other and b.other == a.own:
        a = replace(a, other=b.own, other_name=a.other_name or b.own_name)
    if a.own and b.own and not b.other and a.other == b.own:
        b = replace(b, other=a.own, other_name=b.other_name or a.own_name)
    return a, b


def named_as_written(found: Parties, sentences: Sequence[Sentence]) -> Parties:
    """``found`` with each leader's name as this readout writes it, where it does (after
    :func:`reconcile`, a name may have come from the other readout, in its language)."""
    names: dict[str, str] = {}
    for sentence in sentences:
        for _, code, name in leaders_in(sentence.text):
            names.setdefault(code, name)
    return replace(
        found,
        own_name=names.get(found.own, found.own_name),
        other_name=names.get(found.other, found.other_name),
    )


def _swapped(weak: Parties, sure: Parties) -> Parties:
    """``weak`` with the sides of ``sure`` taken the other way round."""
    names = {weak.own: weak.own_name, weak.other: weak.other_name}
    return replace(
        weak,
        own=sure.other,
        other=sure.own,
        own_name=names.get(sure.other, "") or sure.other_name,
        other_name=names.get(sure.own, "") or sure.own_name,
        sure=True,
    )


def _side_of(code: str, parties: Parties, own_side: Actor) -> Actor | None:
    opposite = Actor.B if own_side is Actor.A else Actor.A
    if code and code == parties.own:
        return own_side
    if code and code == parties.other:
        return opposite
    return None


def subject_actor(
    window: str,
    parties: Parties,
    own_side: Actor,
    previous: Actor | None,
    *,
    titles: bool = True,
) -> Actor | None:
    """The actor named in the words before a reporting verb, or None if none is.

    ``titles``: whether a bare title counts ("The Prime Minister said"); not in the head of
    a sentence with no reporting verb, where it is as often the object ("... with the President").
    """
    opposite = Actor.B if own_side is Actor.A else Actor.A
    if BOTH_SIDES.search(window):
        return Actor.BOTH
    mentions: list[tuple[int, Actor | None]] = []
    for pos, code, _ in leaders_in(window):
        mentions.append((pos, _side_of(code, parties, own_side) or Actor.OTHER))
    leader_spans = {pos for pos, _, _ in leaders_in(window)}
    for pos, code in countries_in(window):
        if pos not in leader_spans:
            mentions.append((pos, _side_of(code, parties, own_side) or Actor.OTHER))
    for m in FIRST_PERSON.finditer(window):
        mentions.append((m.start(), own_side))
    for m in LATTER.finditer(window):
        mentions.append((m.start(), opposite))
    for pos, office in _bare_titles(window) if titles else ():
        mentions.append((pos, parties.side_of_title(office, own_side)))
    sides = {actor for _, actor in mentions}
    if Actor.A in sides and Actor.B in sides and re.search(r"\b(?:and|и)\b", window):
        return Actor.BOTH
    if mentions:
        # The mention nearest the verb, unless a side's own is there: "Ukraine's
        # sovereignty" is a topic, "President Biden" the speaker.
        named = [(pos, a) for pos, a in mentions if a in (Actor.A, Actor.B)]
        return max(named or mentions, key=lambda m: m[0])[1]
    if THIRD_PERSON.search(window):
        return previous if previous in (Actor.A, Actor.B) else own_side
    if OWN_TITLES.search(window):
        return own_side  # "Президент" in a case the title patterns leave out
    return None


def _bare_titles(text: str) -> list[tuple[int, str]]:
    """(offset, office) of each title standing alone for a leader ("the Prime Minister said"):
    not one that a name or a country goes with ("President Putin", "US President",
    "the President of Turkey", "Президент Турции"), which speak for themselves."""
    found: list[tuple[int, str]] = []
    for t in TITLE.finditer(text):
        after = text[t.end() : t.end() + 60]
        before = text[max(0, t.start() - 30) : t.start()]
        named = any(_NAME_GAP.fullmatch(after[:pos]) for pos, _, _ in leaders_in(after))
        country_after = any(_OF_COUNTRY.fullmatch(after[:pos]) for pos, _ in countries_in(after))
        country_before = any(
            _COUNTRY_GAP.fullmatch(before[pos:]) for pos, _ in countries_in(before)
        )
        if not (named or country_after or country_before):
            found.append((t.start(), _title_key(t.group(0))))
    return found


# What may stand between a title and the name or country it goes with.
_NAME_GAP = re.compile(r"(?:\s+(?:[A-ZА-ЯЁ][\w.'’-]*|bin|ibn|al|von|der|de)){0,4}\s+|\s*")
_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?!and\b)[\w'’]+\s+){0,3}|\s+(?:(?!и\b)[а-яёА-ЯЁ-]+\s+)?"
)
_COUNTRY_GAP = re.compile(r"[\w.'’-]+\s+(?:[\w'’-]+\s+)?")


def names_someone(text: str) -> bool:
    """Whether a stretch of text names a speaker: a leader, a side, a title or a pronoun."""
    return bool(
        leaders_in(text)
        or countries_in(text)
        or BOTH_SIDES.search(text)
        or TITLE.search(text)
        or THIRD_PERSON.search(text)
        or FIRST_PERSON.search(text)
    )


def opening_party(text: str) -> str:
    """The party a sentence opens with as its subject ("United States Armed Forces", "The two
    sides", "Ukrainian and American"), "" if it opens otherwise or with a possessive
    ("China's development ...")."""
    spans = [(pos, pos + len(name)) for pos, _, name in leaders_in(text)]
    spans += [(m.start(), m.end()) for rx in _COUNTRY_RE.values() for m in rx.finditer(text)]
    spans += [(m.start(), m.end()) for m in BOTH_SIDES.finditer(text)]
    if not spans:
        return ""
    start, end = min(spans)
    if len(text[:start].split()) > 1 or re.match(r"[\w.-]+(?:'s|’s)", text[start:]):
        return ""
    # The rest of the name: "United States Armed Forces", "Ukrainian and American".
    rest = re.match(r"(?:\s+(?:[A-ZА-ЯЁ][\w.'’-]*|and|of|the|и))*", text[end:])
    return text[: end + (rest.end() if rest else 0)]
