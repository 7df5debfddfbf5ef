"""Segmenting: sentences with exact offsets, readout-aware boundaries, content lemmas."""

from __future__ import annotations

import pytest
from spacy.language import Language

from readout_diff import segmenting
from readout_diff.model import Sentence
from readout_diff.reading import readout_from_text


def sentences(text: str, nlp: Language) -> tuple[Sentence, ...]:
    readout = readout_from_text(text, "x")
    segmented, _doc = segmenting.segment(readout, nlp)
    for sentence in segmented.sentences:
        assert readout.text[sentence.start : sentence.end] == sentence.text
    return segmented.sentences


def texts(text: str, nlp: Language) -> list[str]:
    return [s.text for s in sentences(text, nlp)]


def test_segmenting_keeps_exact_character_offsets(en_nlp: Language) -> None:
    text = "  Readout of the call\n\nThe leaders spoke.  They agreed.\n- To meet again\n"
    found = sentences(text, en_nlp)
    assert [s.text for s in found] == [
        "Readout of the call",
        "The leaders spoke.",
        "They agreed.",
        "To meet again",
    ]
    assert [s.index for s in found] == [0, 1, 2, 3]
    assert found[1].start == text.index("The leaders")
    assert found[3].end == text.index("again") + len("again")


@pytest.mark.parametrize(
    "text",
    [
        "Officials from the U.S. and Russia met in Geneva.",
        "Mr. Putin thanked Mr. Biden for the call.",
        "The call took place on Jan. 26 at the initiative of Washington.",
        "Joseph R. Biden, Jr. spoke with President Vladimir Putin of Russia.",
        "Resolution No. 5 was adopted by both delegations.",
        "Mr. and Mrs. Smith attended the dinner.",
    ],
)
def test_segmenting_abbreviations_and_initials_do_not_split(en_nlp: Language, text: str) -> None:
    assert texts(text, en_nlp) == [text]


def test_segmenting_splits_after_abbreviation_that_ends_a_sentence(en_nlp: Language) -> None:
    assert texts("Talks were held in the U.S. The president thanked his host.", en_nlp) == [
        "Talks were held in the U.S.",
        "The president thanked his host.",
    ]


def test_segmenting_keeps_us_president_in_one_sentence(en_nlp: Language) -> None:
    assert texts("The U.S. President agreed to meet. The talks ended.", en_nlp) == [
        "The U.S. President agreed to meet.",
        "The talks ended.",
    ]


@pytest.mark.parametrize("quote", ['"no."', '"No."', "\u201cno.\u201d"])
def test_segmenting_splits_after_a_closing_quote(en_nlp: Language, quote: str) -> None:
    assert texts(f"He said {quote} Then he left the room.", en_nlp) == [
        f"He said {quote}",
        "Then he left the room.",
    ]


def test_segmenting_heading_without_full_stop_ends_at_line_break(en_nlp: Language) -> None:
    text = "Readout of the President's Call with President Putin\nThe leaders spoke today."
    assert texts(text, en_nlp) == [
        "Readout of the President's Call with President Putin",
        "The leaders spoke today.",
    ]


@pytest.mark.parametrize("marker", ["-", "*", "\u2022", "1)", "(a)"])
def test_segmenting_list_items_become_sentences_without_marker(
    en_nlp: Language, marker: str
) -> None:
    text = f"The leaders discussed:\n{marker} arms control\n{marker} climate change"
    assert texts(text, en_nlp) == ["The leaders discussed:", "arms control", "climate change"]


def test_segmenting_numbered_list_items_drop_their_number(en_nlp: Language) -> None:
    text = "Agenda\n1. Trade talks\n2. Cyber security"
    assert texts(text, en_nlp) == ["Agenda", "Trade talks", "Cyber security"]


def test_segmenting_hard_wrapped_sentence_stays_whole(en_nlp: Language) -> None:
    text = "The leaders discussed the situation\nin Ukraine and arms control."
    assert texts(text, en_nlp) == [
        "The leaders discussed the situation\nin Ukraine and arms control."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The leaders of the United States and\nRussia spoke about arms control.",
        "The leaders discussed the situation,\nUkraine and arms control.",
    ],
)
def test_segmenting_hard_wrap_after_a_joining_word_stays_whole(en_nlp: Language, text: str) -> None:
    assert texts(text, en_nlp) == [text]


def test_segmenting_blank_line_always_ends_a_sentence(en_nlp: Language) -> None:
    text = "The leaders discussed the situation\n\nin Ukraine and arms control."
    assert texts(text, en_nlp) == [
        "The leaders discussed the situation",
        "in Ukraine and arms control.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Состоялся телефонный разговор Д.Трамп и В.Путин обсудили ситуацию.",
        "В.В.Путин поздравил Д.Трампа с победой на выборах.",
        "В. Путин провёл переговоры с Д. Трампом.",
        "Об этом говорится в ст. 5 договора.",
    ],
)
def test_segmenting_russian_initials_do_not_split(ru_nlp: Language, text: str) -> None:
    assert texts(text, ru_nlp) == [text]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Обсуждено «дело А.Навального».", "Навального"),
        ("В.В.Путин поздравил коллегу.", "Путин"),
        ("He met J.Biden today.", "Biden"),
    ],
)
def test_initials_glued_to_a_surname_leave_the_surname_a_word(
    ru_nlp: Language, en_nlp: Language, text: str, word: str
) -> None:
    nlp = en_nlp if text.startswith("He") else ru_nlp
    doc = segmenting.parse(readout_from_text(text, "a"), nlp)
    assert word in [t.text for t in doc]
    assert doc.text == text


def test_initials_split_leaves_abbreviations_whole(en_nlp: Language) -> None:
    doc = segmenting.parse(readout_from_text("The U.S.-Japan alliance.", "a"), en_nlp)
    assert "U.S.-Japan" in [t.text for t in doc]


def test_segmenting_splits_russian_sentences(ru_nlp: Language) -> None:
    text = "Д.Трамп и В.Путин обсудили ситуацию. Стороны договорились продолжить контакты."
    assert texts(text, ru_nlp) == [
        "Д.Трамп и В.Путин обсудили ситуацию.",
        "Стороны договорились продолжить контакты.",
    ]


def test_segmenting_drops_sentences_without_words(en_nlp: Language) -> None:
    assert texts("***\nThe leaders spoke.\n---\n...", en_nlp) == ["The leaders spoke."]


def test_content_lemmas_are_lowercase_lemmas_without_stop_words(en_nlp: Language) -> None:
    (sentence,) = sentences("The Presidents discussed elections and Navalny's poisoning.", en_nlp)
    assert "discuss" in sentence.lemmas
    assert "election" in sentence.lemmas
    assert "navalny" in sentence.lemmas
    assert "poison" in sentence.lemmas
    for stop in ("the", "and", "'s", "."):
        assert stop not in sentence.lemmas
    # Words every readout uses ("president", "call") say nothing of a sentence's point.
    assert "president" not in sentence.lemmas
    assert all(lemma == lemma.lower() for lemma in sentence.lemmas)


def test_content_lemmas_of_russian_are_lemmatised(ru_nlp: Language) -> None:
    (sentence,) = sentences("Стороны обсудили урегулирование на Украине.", ru_nlp)
    assert "украина" in sentence.lemmas
    assert "урегулирование" in sentence.lemmas
    assert "на" not in sentence.lemmas


def test_readout_norm_lowercases_and_lemmatises_capitalised_words(en_nlp: Language) -> None:
    doc = en_nlp("Elections were held. Presidents spoke.")
    norms = {token.text: token.norm_ for token in doc}
    assert norms["Elections"] == "election"
    assert norms["Presidents"] == "president"
    assert norms["held"] == "hold"


def test_readout_norm_works_without_a_lemmatizer() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("readout_norm")
    assert [t.norm_ for t in nlp("Talks ENDED")] == ["talks", "ended"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Встреча состоялась 16 июня 2021 г. Стороны обсудили СНВ.",
            ["Встреча состоялась 16 июня 2021 г.", "Стороны обсудили СНВ."],
        ),
        ("Переговоры прошли в 2021 г. в Женеве.", ["Переговоры прошли в 2021 г. в Женеве."]),
        ("Визит в г. Москва состоялся.", ["Визит в г. Москва состоялся."]),
        (
            "Обсудили торговлю, энергетику и т.д. Затем перешли к Украине.",
            ["Обсудили торговлю, энергетику и т.д.", "Затем перешли к Украине."],
        ),
        (
            "Упомянули Сирию, Ливию и др. Далее речь шла о СНВ.",
            ["Упомянули Сирию, Ливию и др.", "Далее речь шла о СНВ."],
        ),
        ("С.В. Лавров и Э. Блинкен встретились.", ["С.В. Лавров и Э. Блинкен встретились."]),
    ],
)
def test_segmenting_russian_abbreviations_end_a_sentence_only_before_a_new_one(
    ru_nlp: Language, text: str, expected: list[str]
) -> None:
    assert texts(text, ru_nlp) == expected
