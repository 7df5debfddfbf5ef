"""Topic packs: loading, validation and merging (:mod:`readout_diff.topicpacks`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import topicpacks
from readout_diff.errors import PackError
from readout_diff.topicpacks import (
    TopicPack,
    builtin_pack,
    load_pack,
    merge_packs,
    parse_pack,
    resolve_pack,
)

TOPIC = '[[topic]]\nid = "ukraine"\nlabel = "Ukraine"\nen = ["Ukraine"]\n'


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
        (TOPIC + 'anchored = "yes"\n', "'anchored' must be true or false"),
        (TOPIC + "consolidate = 1\n", "'consolidate' must be true or false"),
        (TOPIC + 'frame = "yes"\n', "'frame' must be true or false"),
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


def test_parse_pack_reads_anchored_and_consolidate_and_merging_keeps_them() -> None:
    pack = parse_pack(TOPIC + "anchored = true\nconsolidate = true\nframe = true\n", "a.toml")
    spec = pack.get("ukraine")
    assert spec.anchored and spec.consolidate and spec.frame
    extra = parse_pack(TOPIC, "b.toml")
    merged = merge_packs(pack, extra).get("ukraine")
    assert merged.anchored and merged.consolidate and merged.frame
    plain = parse_pack(TOPIC, "c.toml").get("ukraine")
    assert not plain.anchored and not plain.frame


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


@pytest.mark.parametrize(
    ("name", "adjective"),
    [
        ("идлиб", "идлибский"),
        ("сирия", "сирийский"),
        ("украина", "украинский"),
        ("корея", "корейский"),
        ("тайвань", "тайваньский"),
        ("донбасс", "донбасский"),
    ],
)
def test_place_adjectives_follow_the_regular_patterns(name: str, adjective: str) -> None:
    assert topicpacks._russian_adjectives(name) == (adjective,)


def test_place_adjectives_only_for_places_and_as_passing_mentions() -> None:
    pack = topicpacks.parse_pack(
        """
[[topic]]
id = "syria"
label = "Syria"
anchored = true
ru = ["Идлиб", "сирийский", "Зеленский", "Дамаск"]

[[topic]]
id = "trade"
label = "Trade"
ru = ["Торговля"]
""",
        "places.toml",
    )
    syria, trade = pack.topics
    assert syria.place_adjectives("ru") == ("идлибский",)
    assert "идлибский" in syria.weak_for("ru")
    assert trade.place_adjectives("ru") == () and syria.place_adjectives("en") == ()
