"""Parties: whose leader is whose in a readout, and whom a stretch of text names.

Sentences written for the tests, in the register of readouts; no spaCy.
"""

from __future__ import annotations

import pytest
from conftest import sentences_of

from readout_diff import parties

RU_OPENING = (
    "Телефонный разговор с Президентом США Джозефом Байденом",
    "Владимир Путин провёл телефонный разговор с Президентом США Джозефом Байденом.",
)


_sentences = sentences_of


@pytest.mark.parametrize(
    ("opening", "own", "other"),
    [
        (("Readout of President Biden's Call with President Moon Jae-in of Korea",), "us", "kr"),
        (("Телефонный разговор с Премьер-министром Индии Нарендрой Моди",), "", "in"),
    ],
)
def test_parties_own_and_other_from_the_opening(
    opening: tuple[str, ...], own: str, other: str
) -> None:
    found = parties.find_parties(_sentences(opening))
    assert (found.own, found.other) == (own, other)


def test_parties_north_korea_is_not_the_republic_of_korea() -> None:
    assert parties.countries_in("They discussed North Korea and the Korean Peninsula.") == []
    assert [code for _, code in parties.countries_in("The Korean side agreed.")] == ["kr"]


@pytest.mark.parametrize(
    ("texts", "titles"),
    [
        (
            ("Prime Minister Shri Narendra Modi spoke with Vladimir Putin, President of Russia.",),
            (("in", "prime minister"), ("ru", "president")),
        ),
        (
            ("The President of the Republic, Emmanuel Macron, spoke with President Putin.",),
            (("fr", "president"), ("ru", "president")),
        ),
        (("Премьер-министр Индии Нарендра Моди поблагодарил.",), (("in", "prime minister"),)),
        # A name after another title is not this title's holder.
        (("The President told Prime Minister Modi of it.",), (("in", "prime minister"),)),
    ],
)
def test_parties_titles_are_read_from_the_names_they_go_with(
    texts: tuple[str, ...], titles: tuple[tuple[str, str], ...]
) -> None:
    assert parties.find_parties(_sentences(texts)).titles == titles


def test_parties_a_bare_title_is_the_holders_or_else_the_own_leaders() -> None:
    new_delhi = parties.find_parties(
        _sentences(("Prime Minister Modi spoke with President Putin of Russia.",))
    )
    assert new_delhi.side_of_title("president", parties.Actor.B) is parties.Actor.A
    assert new_delhi.side_of_title("prime minister", parties.Actor.B) is parties.Actor.B
    # The Kremlin never titles Putin here: his office is the usual one, a president's.
    moscow = parties.find_parties(
        _sentences(("Vladimir Putin had a conversation with Prime Minister Modi.",))
    )
    assert moscow.side_of_title("prime minister", parties.Actor.A) is parties.Actor.B
    assert moscow.side_of_title("president", parties.Actor.A) is parties.Actor.A
    both = parties.find_parties(_sentences(("President Biden spoke with President Putin.",)))
    assert both.side_of_title("president", parties.Actor.B) is parties.Actor.B


def test_parties_a_readout_that_names_its_leader_second_is_read_from_the_other() -> None:
    # "Biden calls Erdoğan" is Ankara's title: the first leader named is the caller.
    ankara = parties.find_parties(
        _sentences(
            (
                "U.S. President Biden calls President Erdoğan about the summit",
                "U.S. President Joe Biden telephoned President Recep Tayyip Erdoğan today.",
            )
        )
    )
    washington = parties.find_parties(
        _sentences(("Readout of President Biden's Call with President Erdoğan of Türkiye",))
    )
    assert (ankara.own, ankara.sure) == ("us", False)
    a, b = parties.reconcile(ankara, washington)
    assert (a.own, a.other, b.own, b.other) == ("tr", "us", "us", "tr")
    moscow = parties.find_parties(_sentences(RU_OPENING))
    assert parties.reconcile(moscow, washington) == (moscow, washington)  # no clash: kept


def test_parties_a_readout_that_names_no_own_leader_is_the_other_sides() -> None:
    tokyo = parties.find_parties(
        _sentences(("Summit Telephone Talk", "The talk was held with President Joseph Biden."))
    )
    washington = parties.find_parties(
        _sentences(("Readout of President Biden's Call with Prime Minister Kishida of Japan",))
    )
    a, _ = parties.reconcile(tokyo, washington)
    assert (a.own, a.other) == ("jp", "us")


def test_parties_leaders_are_named_as_the_readout_writes_them() -> None:
    paris = parties.find_parties(
        _sentences(("Call between the President of the Republic and President Putin",))
    )
    moscow = parties.find_parties(
        _sentences(
            (
                "Телефонный разговор с Президентом Франции Эммануэлем Макроном",
                "Владимир Путин провёл телефонный разговор с Эммануэлем Макроном.",
            )
        )
    )
    b, _ = parties.reconcile(paris, moscow)
    assert (b.own, b.own_name) == ("fr", "Макроном")  # taken from the other readout
    text = ("The President of the Republic, Emmanuel Macron, spoke with President Putin.",)
    named = parties.named_as_written(b, _sentences(text))
    assert (named.own_name, named.other_name) == ("Macron", "Putin")
