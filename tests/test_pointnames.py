"""Names of one-sided points (:mod:`readout_diff.pointnames`): the noun phrase a
sentence's point is about, not who speaks, an attitude, the call, or a party."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff import countries, pointnames, subjects


def name(text: str, language: str = "en", parties: tuple[str, ...] = ()) -> str | None:
    patterns = [c.pattern for c in countries.countries() if c.code in parties]
    span = pointnames.point_phrase(text, language, patterns)
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The sentence's own subject before its verb is who speaks.
        ("China will keep the green lane for cargo flights open.", "green lane for cargo flights"),
        # An attitude leads to the point.
        (
            "The Prime Minister stressed the need for resilient supply chains.",
            "resilient supply chains",
        ),
        ("Both leaders voiced their concern over the spread of piracy.", "spread of piracy"),
        # A title and the name after it are not the point; what follows them is.
        (
            "Prime Minister Ito thanked President Okafor for the return of the sailors.",
            "return of the sailors",
        ),
        # "Between" one party "and" the other is left out.
        (
            "normalisation of relations between Russia and the United States is overdue.",
            "normalisation of relations",
        ),
        # A word that can be a verb is one after a name ("Türkiye valued") or a pronoun.
        ("He valued staying in regular touch with his counterpart.", "regular touch"),
        # The call itself names no point.
        ("During the call, the sides reviewed the grain corridor.", "grain corridor"),
    ],
)
def test_english_points_are_named_by_the_noun_phrase_they_are_about(
    text: str, expected: str
) -> None:
    assert name(text) == expected


def test_the_sentences_own_subject_names_it_only_when_nothing_else_does() -> None:
    assert name("Deliberate sabotage of undersea cables is unacceptable.") == (
        "Deliberate sabotage of undersea cables"
    )


def test_a_country_of_the_call_names_no_point_alone_but_a_third_country_does() -> None:
    text = "Japan will double its support for Moldova."
    assert name(text, parties=("jp",)) == "support for Moldova"
    assert name("On Libya, the two agreed to speak again.", parties=("fr", "ru")) == "Libya"


def test_a_persons_name_is_not_a_point() -> None:
    assert name("Joining the call alongside the President was Marta Ilves Korhonen.") is None
    assert name("В ходе беседы Р.Т.Эрдоган обратил особое внимание на развитие туризма.", "ru") == (
        "развитие туризма"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Выражена надежда, что обстановка в регионе скоро нормализуется.", "обстановка в регионе"),
        ("Подтверждён обоюдный настрой на укрепление союзничества.", "укрепление союзничества"),
        ("Собеседники обменялись мнениями о поставках удобрений.", "поставках удобрений"),
    ],
)
def test_russian_points_are_named_by_their_noun_phrase(text: str, expected: str) -> None:
    assert name(text, "ru") == expected


def test_a_sentence_without_a_noun_phrase_has_no_name() -> None:
    assert name("They are null and void and change nothing.") is None
    assert name("Bilateral cooperation was discussed.") is None  # the relationship's formula


WORDS = st.sampled_from(
    "the of for and talks grain corridor President Biden will keep said that was between "
    "Russia United States need attention strategic partnership, . в и на поставки удобрений "
    "сторона надежда обстановка".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=25), st.sampled_from(["en", "ru"]))
def test_a_name_is_a_few_whole_words_of_the_sentence(words: list[str], language: str) -> None:
    text = " ".join(words)
    span = pointnames.point_phrase(text, language)
    if span is None:
        return
    start, end = span
    assert 0 <= start < end <= len(text)
    named = text[start:end]
    assert named == named.strip() and not re.match(r"\W", named[-1])
    assert (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )
    assert 1 <= len(named.split()) <= subjects.SUBJECT_WORDS
