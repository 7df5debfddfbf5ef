"""Topic packs (loading, validation, merging) and tagging with spaCy matchers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from readout_diff.errors import PackError
from readout_diff.model import TaggedReadout
from readout_diff.topics import (
    TopicPack,
    builtin_pack,
    load_pack,
    merge_packs,
    parse_pack,
    resolve_pack,
)

Tag = Callable[..., TaggedReadout]

TOPIC = '[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = ["Ukraine"]\n'


def hits(tagged: TaggedReadout) -> list[tuple[str, str]]:
    return [(h.topic_id, h.text) for h in tagged.hits]


# --- loading and validating ---------------------------------------------------------


def test_parse_pack_reads_topics_and_header() -> None:
    pack = parse_pack('[pack]\nname = "mine"\nversion = "2"\n' + TOPIC, "mine.toml")
    assert (pack.name, pack.version, pack.sources) == ("mine", "2", ("mine.toml",))
    spec = pack.get("ukraine")
    assert spec.label == "Ukraine"
    assert spec.aliases_for("en") == ("Ukraine",)
    assert spec.aliases_for("ru") == ()


def test_parse_pack_names_pack_after_its_file_by_default() -> None:
    assert parse_pack(TOPIC, "packs/extra.toml").name == "extra"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[topic]\nid = ", "invalid TOML"),
        ('colour = "blue"\n' + TOPIC, "unknown key 'colour'"),
        ('[pack]\nauthor = "me"\n' + TOPIC, "unknown key 'author'"),
        (TOPIC + 'ja = ["ウクライナ"]\n', "unknown key 'ja'"),
        ('[[topic]]\nlabel = "Ukraine"\nen = ["Ukraine"]\n', "'id' must be a lowercase slug"),
        ('[[topic]]\nid = "ukraine"\nen = ["Ukraine"]\n', "missing 'label'"),
        ('[[topic]]\nid = "ukraine"\nlabel = " "\nen = ["Ukraine"]\n', "'label' must be"),
        ('[[topic]]\nid = "Ukraine War"\nlabel = "U"\nen = ["Ukraine"]\n', "lowercase slug"),
        ('[[topic]]\nid = 7\nlabel = "U"\nen = ["Ukraine"]\n', "lowercase slug"),
        (TOPIC + TOPIC, "'ukraine' is defined twice"),
        ('[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = "Ukraine"\n', "must be a list"),
        ('[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = [1]\n', "must be a list"),
        ('[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = ["* <Name>"]\n', "only wildcards"),
        ('[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = ["war *"]\n', "start or end"),
        ('[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\n', "no aliases"),
        ('[pack]\nname = "empty"\n', "defines no [[topic]]"),
        ("", "defines no [[topic]]"),
        ('topic = "x"\n', "[[topic]] tables"),
        ('pack = "x"\n' + TOPIC, "[pack] must be a table"),
        ('negation = ["no"]\n' + TOPIC, "[negation] must be a table"),
    ],
)
def test_parse_pack_rejects_malformed_pack(text: str, problem: str) -> None:
    with pytest.raises(PackError) as info:
        parse_pack(text, "bad.toml")
    message = str(info.value)
    assert message.startswith("bad.toml: "), message
    assert problem in message
    assert "\n" not in message


def test_load_pack_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(TOPIC, encoding="utf-8")
    pack = load_pack(path)
    assert pack.sources == (str(path),)
    assert [spec.id for spec in pack.topics] == ["ukraine"]


def test_load_pack_missing_file_raises_pack_error(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    with pytest.raises(PackError, match=r"^.*missing\.toml: no such topic pack$"):
        load_pack(path)


def test_load_pack_invalid_utf8_raises_pack_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('label = "Caf\u00e9"'.encode("latin-1"))
    with pytest.raises(PackError, match="not valid UTF-8"):
        load_pack(path)


def test_builtin_pack_loads_with_stable_topics() -> None:
    # The pack's contents change often; only its most stable facts are checked here.
    pack = builtin_pack()
    assert pack.topics
    en_aliases = {alias for spec in pack.topics for alias in spec.aliases_for("en")}
    assert {"New START", "Ukraine", "Navalny"} <= en_aliases
    assert len({spec.id for spec in pack.topics}) == len(pack.topics)


def base_pack() -> TopicPack:
    return parse_pack(
        '[pack]\nname = "base"\n'
        '[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\ngroup = "Conflicts"\nen = ["Ukraine"]\n'
        '[[topic]]\nid = "climate"\nlabel = "Climate"\nen = ["climate change"]\n',
        "base.toml",
    )


def test_merge_packs_adds_a_new_topic() -> None:
    extra = parse_pack('[[topic]]\nid = "arctic"\nlabel = "Arctic"\nen = ["Arctic"]\n', "x.toml")
    merged = merge_packs(base_pack(), extra)
    assert [spec.id for spec in merged.topics] == ["ukraine", "climate", "arctic"]
    assert merged.sources == ("base.toml", "x.toml")


def test_merge_packs_same_id_extends_aliases_and_relabels() -> None:
    extra = parse_pack(
        '[[topic]]\nid = "ukraine"\nlabel = "War in Ukraine"\nen = ["Donbas", "Ukraine"]\n'
        'ru = ["Украина"]\n',
        "x.toml",
    )
    merged = merge_packs(base_pack(), extra)
    spec = merged.get("ukraine")
    assert spec.aliases_for("en") == ("Ukraine", "Donbas")
    assert spec.aliases_for("ru") == ("Украина",)
    assert spec.label == "War in Ukraine"
    assert spec.group == "Conflicts"
    assert len(merged.topics) == 2


def test_merge_packs_disable_drops_a_topic() -> None:
    extra = parse_pack('[pack]\ndisable = ["climate"]\n', "x.toml")
    merged = merge_packs(base_pack(), extra)
    assert [spec.id for spec in merged.topics] == ["ukraine"]


def test_merge_packs_disabling_an_unknown_id_raises_pack_error() -> None:
    extra = parse_pack('[pack]\ndisable = ["mars"]\n', "x.toml")
    with pytest.raises(PackError, match=r"^x\.toml: .*'mars'"):
        merge_packs(base_pack(), extra)


def test_resolve_pack_without_builtin_uses_only_given_packs(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(TOPIC, encoding="utf-8")
    pack = resolve_pack([path], builtin=False)
    assert [spec.id for spec in pack.topics] == ["ukraine"]


def test_resolve_pack_extends_builtin(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[topic]]\nid = "zz-test-topic"\nlabel = "Test"\nen = ["qwxz"]\n', "utf-8")
    pack = resolve_pack([path])
    ids = [spec.id for spec in pack.topics]
    assert ids == [spec.id for spec in builtin_pack().topics] + ["zz-test-topic"]


def test_resolve_pack_without_builtin_and_without_packs_raises_pack_error() -> None:
    with pytest.raises(PackError, match="no topic pack"):
        resolve_pack([], builtin=False)


def test_resolve_pack_disable_in_first_pack_without_builtin_raises(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[pack]\ndisable = ["ukraine"]\n' + TOPIC, encoding="utf-8")
    with pytest.raises(PackError, match="disable"):
        resolve_pack([path], builtin=False)


# --- tagging --------------------------------------------------------------------------


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
