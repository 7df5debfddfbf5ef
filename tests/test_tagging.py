"""Tagging with spaCy matchers (:mod:`readout_diff.tagging`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readout_diff.model import TaggedReadout
from readout_diff.topicpacks import TopicPack, parse_pack

Tag = Callable[..., TaggedReadout]

TOPIC = '[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = ["Ukraine"]\n'


def hits(tagged: TaggedReadout) -> list[tuple[str, str]]:
    return [(h.topic_id, h.text) for h in tagged.hits]


def test_tagging_capitals_inside_an_alias_match_case_sensitively(
    tag: Tag, small_pack: TopicPack
) -> None:
    assert hits(tag("They spoke of New START.", small_pack)) == [("arms-control", "New START")]
    assert hits(tag("They agreed on a new start for relations.", small_pack)) == []


def test_tagging_exact_form_word_matches_only_that_form(tag: Tag) -> None:
    pack = parse_pack(
        '[[topic]]\nid = "sanctions"\nlabel = "Sanctions"\nen = ["sanctions"]\n'
        'unless.en = ["=sanctioned"]\n',
        "exact.toml",
    )
    assert hits(tag("New Sanctions were threatened.", pack)) == [("sanctions", "Sanctions")]
    assert hits(tag("A list of sanctioned companies grew.", pack)) == []


def test_tagging_unless_phrase_drops_the_hit_inside_it(tag: Tag) -> None:
    pack = parse_pack(
        '[[topic]]\nid = "energy"\nlabel = "Energy"\nen = ["energy"]\n'
        'unless.en = ["positive energy"]\n',
        "unless.toml",
    )
    assert hits(tag("The talks brought positive energy.", pack)) == []
    assert hits(tag("They discussed energy and gas.", pack)) == [("energy", "energy")]


@pytest.mark.parametrize(
    ("text", "topic", "trigger"),
    [
        ("Biden raised Navalny's case.", "navalny", "Navalny"),
        (
            "They discussed the poisoning of Aleksey Navalny.",
            "navalny",
            "poisoning of Aleksey Navalny",
        ),
        (
            "He raised interference in the 2020 U.S. election.",
            "election-interference",
            "interference in the 2020 U.S. election",
        ),
        ("Election meddling was raised.", "election-interference", "Election meddling"),
        ("Elections meddled with were raised.", "election-interference", "Elections meddled"),
        ("The sides discussed New START.", "arms-control", "New START"),
        ("Talks on Strategic Stability resume.", "arms-control", "Strategic Stability"),
        ("Let us talk about the US economy.", "united-states", "US"),
    ],
)
def test_tagging_matches_inflected_and_wildcard_aliases(
    tag: Tag, small_pack: TopicPack, text: str, topic: str, trigger: str
) -> None:
    assert hits(tag(text, small_pack)) == [(topic, trigger)]


def test_tagging_keeps_alias_word_order(tag: Tag, small_pack: TopicPack) -> None:
    # "election meddling" is matched word by word, in this order.
    assert hits(tag("Russia denied meddling in elections.", small_pack)) == []


def test_tagging_acronym_is_case_sensitive(tag: Tag, small_pack: TopicPack) -> None:
    assert hits(tag("Let us talk about it, said Putin.", small_pack)) == []
    assert hits(tag("Tell US and us apart.", small_pack)) == [("united-states", "US")]


def test_tagging_name_wildcard_needs_a_capitalised_name(tag: Tag, small_pack: TopicPack) -> None:
    assert hits(tag("They discussed the poisoning of wells.", small_pack)) == []
    tagged = tag("They condemned the poisoning of Sergei Skripal.", small_pack)
    assert hits(tagged) == [("navalny", "poisoning of Sergei Skripal")]


def test_tagging_matches_russian_inflection(tag: Tag, small_pack: TopicPack) -> None:
    tagged = tag("Путин рассказал об урегулировании на Украине.", small_pack)
    assert hits(tagged) == [("ukraine", "урегулировании на Украине")]
    assert hits(tag("Говорили об Украине и о СНВ-3.", small_pack)) == [
        ("ukraine", "Украине"),
        ("arms-control", "СНВ-3"),
    ]


def test_tagging_keeps_only_the_longest_overlapping_hit(tag: Tag, small_pack: TopicPack) -> None:
    # "урегулирование на Украине" contains the alias "Украина": one hit, not two.
    tagged = tag("Обсудили урегулирование на Украине.", small_pack)
    assert len(tagged.hits) == 1
    assert tagged.hits[0].text == "урегулирование на Украине"


@pytest.mark.parametrize(
    "text",
    [
        "The poisoning of. Navalny was not mentioned there.",
        "They spoke of interference in. The election went well.",
        "They spoke of interference in\n\nthe election.",
    ],
)
def test_tagging_hits_never_straddle_sentences(tag: Tag, small_pack: TopicPack, text: str) -> None:
    tagged = tag(text, small_pack)
    for hit in tagged.hits:
        sentence = tagged.sentences[hit.sentence]
        assert sentence.start <= hit.start < hit.end <= sentence.end
    assert "election-interference" not in tagged.topic_ids()
    assert ("navalny", "poisoning of. Navalny") not in hits(tagged)


def test_tagging_evidence_offsets_point_at_the_matched_text(
    tag: Tag, small_pack: TopicPack
) -> None:
    text = (
        "Readout\n- The leaders discussed New START.\n"
        "They spoke of Ukraine, Donbas and climate change. Navalny's poisoning came up."
    )
    tagged = tag(text, small_pack)
    assert [h.text for h in tagged.hits] == [
        "New START",
        "Ukraine",
        "Donbas",
        "climate change",
        "Navalny",
    ]
    for hit in tagged.hits:
        assert text[hit.start : hit.end] == hit.text
        assert hit.text in tagged.sentences[hit.sentence].text
    assert [h.sentence for h in tagged.hits] == [1, 2, 2, 2, 3]


def test_tagging_negation_cue_marks_hits_negated(tag: Tag, small_pack: TopicPack) -> None:
    tagged = tag(
        "Ukraine was not discussed. Strategic stability was discussed at length.", small_pack
    )
    negated = {h.topic_id: h.negated for h in tagged.hits}
    assert negated == {"ukraine": True, "arms-control": False}


def test_tagging_russian_negation_cue(tag: Tag, small_pack: TopicPack) -> None:
    tagged = tag("Говорили об Украине. Навальный не обсуждался.", small_pack)
    assert {h.topic_id: h.negated for h in tagged.hits} == {"ukraine": False, "navalny": True}


def test_tagging_with_pack_without_aliases_in_a_language(tag: Tag) -> None:
    pack = parse_pack(TOPIC, "en-only.toml")
    assert hits(tag("Обсудили ситуацию на Украине.", pack)) == []
    assert hits(tag("They discussed Ukraine.", pack)) == [("ukraine", "Ukraine")]


def test_tagging_compile_leaves_the_lexical_attributes_of_words(small_pack: TopicPack) -> None:
    # The match keys' lexemes are made bare; no token can be one, and words keep theirs.
    import spacy

    from readout_diff.tagging import TopicTagger

    nlp = spacy.blank("en")
    nlp.add_pipe("readout_norm")
    TopicTagger(small_pack, nlp)
    assert nlp.vocab["Ukraine"].is_alpha and nlp.vocab["Ukraine"].is_title
    assert nlp.vocab["US"].is_upper and nlp.vocab["2020"].like_num
    doc = nlp("ukraine\tUkraine and US\tus")
    assert all("\t" not in t.text or t.is_space for t in doc)
    assert [t.is_alpha for t in doc if not t.is_space] == [True, True, True, True, True]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_tagging_builds_schema_valid_patterns_for_the_builtin_pack(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run skips spaCy's pattern checks (``tagging.VALIDATE``); here they run, and a
    pattern spaCy's schema rejects raises."""
    from readout_diff import segmenting, tagging
    from readout_diff.topicpacks import builtin_pack

    monkeypatch.setattr(tagging, "VALIDATE", True)
    tagger = tagging.TopicTagger(builtin_pack(), segmenting.load_pipeline(lang))
    assert tagger.tokens.validate and len(tagger.tokens) > 0


def test_tagging_names_the_literal_alias_when_a_wildcard_one_matches_the_same_words(
    tag: Tag,
) -> None:
    # "*" matches zero or one word, so both aliases match "maintain contacts"; the hit
    # names the one written out, whichever sorts first.
    pack = parse_pack(
        '[[topic]]\nid = "contacts"\nlabel = "Contacts"\n'
        'en = ["maintain * contact", "maintain contact"]\n',
        "contacts.toml",
    )
    (hit,) = tag("They agreed to maintain contacts.", pack).hits
    assert (hit.text, hit.alias) == ("maintain contacts", "maintain contact")
    (hit,) = tag("They agreed to maintain close contacts.", pack).hits
    assert hit.alias == "maintain * contact"
