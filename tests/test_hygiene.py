"""Text hygiene: invisible differences cleaned when read, visible ones only for matching."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from readout_diff import segmenting
from readout_diff.hygiene import clean_text, matching_text
from readout_diff.model import Readout, TaggedReadout
from readout_diff.reading import read_readout, readout_from_text
from readout_diff.topicpacks import TopicPack


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # Decomposed "й" and "é" (NFD) become one code point each (NFC).
        ("Баи\u0306ден", "Байден"),
        ("Bai\u0306den", "Baĭden"),
        ("Caf\u0065\u0301", "Café"),
        ("New\u00a0START", "New START"),
        ("New\u202fSTART\u2009treaty", "New START treaty"),
        ("nego\u00adtiations", "negotiations"),
        ("Navalny\u200b", "Navalny"),
        ("\ufeffThe leaders\ufeff spoke.", "The leaders spoke."),
        ("\u200eТрамп\u200f", "Трамп"),
        ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
        ("One.\u2028Two.\u2029Three.\x0cFour.", "One.\nTwo.\n\nThree.\nFour."),
        ("The\x07 leaders\x1b spoke.\x7f", "The leaders spoke."),
        ("nego-\ntiations", "negotiations"),
        ("nego- \n  tiations", "negotiations"),
        ("перего-\nворы", "переговоры"),
        ("Russian-\nAmerican", "Russian-American"),
        ("COVID-\n19", "COVID-\n19"),
        ("the talks -\nthen", "the talks -\nthen"),
        ("- first point\n- second point", "- first point\n- second point"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_text_is_idempotent() -> None:
    raw = "Caf\u0065\u0301\u00a0nego-\ntiations\u2028“quoted” — done\x07"
    assert clean_text(clean_text(raw)) == clean_text(raw)


def test_curly_quotes_and_dashes_stay_in_the_text_read() -> None:
    text = "It said Biden had reaffirmed the US’ “firm support” – and «поддержку» — too."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Navalny’s release", "Navalny's release"),
        ("“firm support”", '"firm support"'),
        ("«Северный поток — 2»", '"Северный поток - 2"'),
        ("U.S.–Russia talks", "U.S.-Russia talks"),
        ("non‑proliferation", "non-proliferation"),
        ("−5 degrees", "-5 degrees"),
    ],
)
def test_matching_text_is_ascii_quotes_and_dashes(text: str, matched: str) -> None:
    assert matching_text(text) == matched
    assert len(matching_text(text)) == len(text)


def test_matching_text_keeps_length_for_every_character() -> None:
    every = "".join(chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000)
    assert len(matching_text(every)) == len(every)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed Navalny’s poisoning and New\u00a0START.",
        "The U.S.–Russia talks on New START — and on Ukraine — went on.",
        "They spoke of “interference in the 2020 election”.",
    ],
)
def test_segmenting_keeps_the_original_text_and_offsets(en_nlp: Language, text: str) -> None:
    readout = readout_from_text(text, "a")
    segmented, doc = segmenting.segment(readout, en_nlp)
    assert doc.text == readout.text
    for sentence in segmented.sentences:
        assert readout.text[sentence.start : sentence.end] == sentence.text


def test_curly_forms_get_the_norms_of_straight_ones(en_nlp: Language) -> None:
    curly = segmenting.parse(readout_from_text("Navalny’s non‑proliferation don’t", "a"), en_nlp)
    straight = segmenting.parse(readout_from_text("Navalny's non-proliferation don't", "a"), en_nlp)
    assert [t.norm_ for t in curly] == [t.norm_ for t in straight]
    # The non-breaking hyphen (U+2011) splits the word as a hyphen does.
    assert [t.text for t in curly] == ["Navalny", "’s", "non", "‑", "proliferation", "do", "n’t"]


@pytest.mark.parametrize(
    ("text", "topic", "evidence"),
    [
        ("The leaders discussed New\u00a0START.", "arms-control", "New START"),
        ("They talked about Navalny’s case.", "navalny", "Navalny"),
        ("They discussed the Ukraine–Russia settlement.", "ukraine", "Ukraine"),
        ("It cited “interference in the 2020 election”.", "election-interference", None),
    ],
)
def test_topics_match_through_typography(
    tag: Callable[..., TaggedReadout],
    small_pack: TopicPack,
    text: str,
    topic: str,
    evidence: str | None,
) -> None:
    tagged = tag(text, small_pack)
    hits = [h for h in tagged.hits if h.topic_id == topic]
    assert hits, [h.topic_id for h in tagged.hits]
    for hit in hits:
        assert tagged.readout.text[hit.start : hit.end] == hit.text
    if evidence is not None:
        assert hits[0].text == evidence


def test_russian_decomposed_letters_match_after_reading(
    tmp_path: Path, ru_nlp: Language, small_pack: TopicPack
) -> None:
    from readout_diff import pipeline

    text = "Обсуждалась ситуация на Украине и стратегическая стабильность."
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    readout = read_readout(path)
    assert readout.text == text
    tagged = pipeline.tag_readout(readout, small_pack)
    assert {"ukraine", "arms-control"} <= tagged.topic_ids()


def test_readout_keeps_given_fields_when_renamed() -> None:
    from readout_diff.reading import distinct_names

    a = Readout("x", "One.", "en", path="a/x.txt", encoding="cp1251", source_format="html")
    b = Readout("x", "Two.", "en", path="b/x.txt")
    renamed, _ = distinct_names(a, b)
    assert (renamed.name, renamed.encoding, renamed.source_format) == ("a/x.txt", "cp1251", "html")
