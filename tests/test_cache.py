"""The cache folder (:mod:`readout_diff.cache`) and what start-up keeps in it: the pack's
compiled words (:mod:`readout_diff.tagging`) and pymorphy3's Russian lemmas
(:mod:`readout_diff.morphology`). A cached start must give what a fresh one gives, and a
stale, damaged or switched-off cache must only cost time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from readout_diff import cache, morphology, reading, segmenting, tagging
from readout_diff.model import TaggedReadout
from readout_diff.tagging import TopicTagger
from readout_diff.topicpacks import TopicPack, builtin_pack, parse_pack

ROOT = Path(__file__).resolve().parent.parent
KEY = cache.key("test", "1")


@pytest.fixture
def folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder in force for the test."""
    monkeypatch.setenv("READOUT_DIFF_CACHE", str(tmp_path))
    return tmp_path


def is_dict(value: object) -> bool:
    return isinstance(value, dict)


# --- the cache files ------------------------------------------------------------------


def test_cache_reads_back_what_it_wrote(folder: Path) -> None:
    value = {"урегулирование": ("урегулирование",), "talks": ("talk",)}
    assert cache.write("words", KEY, value)
    assert cache.read("words", KEY, is_dict) == value
    assert [p.name for p in folder.iterdir()] == ["words"]  # no temporary file left


def test_cache_file_of_another_key_is_stale(folder: Path) -> None:
    cache.write("words", KEY, {"a": "b"})
    assert cache.read("words", cache.key("test", "2"), is_dict) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit of the payload
        lambda data: b"",
        lambda data: b"\x00" * len(data),
        lambda data: data.replace(b"readout-diff cache", b"something else", 1),
    ],
)
def test_cache_damaged_file_reads_as_absent(folder: Path, damage: object) -> None:
    cache.write("words", KEY, {"a": "b"})
    path = folder / "words"
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.read("words", KEY, is_dict) is None


def test_cache_value_that_fails_validation_reads_as_absent(folder: Path) -> None:
    cache.write("words", KEY, ["not", "a", "dict"])
    assert cache.read("words", KEY, is_dict) is None


def test_cache_off_keeps_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READOUT_DIFF_CACHE", "off")
    assert cache.root() is None
    assert not cache.write("words", KEY, {"a": "b"})
    assert cache.read("words", KEY, is_dict) is None


def test_cache_that_cannot_be_written_is_no_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("READOUT_DIFF_CACHE", str(blocked / "cache"))
    assert not cache.write("words", KEY, {"a": "b"})
    assert cache.read("words", KEY, is_dict) is None


WRITER = """
import sys
from readout_diff import cache
for n in range(60):
    value = {str(i): sys.argv[1] * (n % 7 + 1) for i in range(2000)}
    cache.write("shared", cache.key("test", "1"), value)
"""


def test_cache_writers_racing_on_one_file_leave_a_whole_one(folder: Path) -> None:
    # The workers of a batch write the same files at the same moments.
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, letter], cwd=ROOT) for letter in "abc"
    ]
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    value = cache.read("shared", KEY, is_dict)
    assert value is not None and len(value) == 2000
    assert len(set(value.values())) == 1
    assert [p.name for p in folder.iterdir()] == ["shared"]


# --- the pack's compiled words ----------------------------------------------------------

PACK = """
[negation]
en = ["not discussed"]
ru = ["не обсуждался"]

[[topic]]
id = "ukraine"
label = "Ukraine"
en = ["Ukraine", "settlement in * Donbas", "=Ukrainian crisis"]
ru = ["Украина", "урегулирование на Украине"]
unless.en = ["Ukraine Airlines"]

[[topic]]
id = "arms"
label = "Arms control"
en = ["New START", "strategic stability", "INF"]
ru = ["СНВ", "стратегическая стабильность"]
"""

TEXTS = {
    "en": "Strategic stability and New START were not discussed. The INF Treaty came up.\n"
    "They spoke of the settlement in eastern Donbas and Ukrainian crisis talks.\n",
    "ru": "Стороны обсудили урегулирование на Украине и СНВ.\n"
    "Вопрос стратегической стабильности не обсуждался.\n",
}


def tag_with(tagger: TopicTagger, lang: str) -> TaggedReadout:
    readout = reading.readout_from_text(TEXTS[lang], "a", lang)
    segmented, doc = segmenting.segment(readout, tagger.nlp)
    return tagger.tag(doc, segmented)


def count_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Spy on the pipeline runs behind a compile: one entry (the language) per run."""
    runs: list[str] = []
    real = TopicTagger._run_words

    def spy(self: TopicTagger, texts: list[str], acronyms: list[str]) -> tagging.PatternWords:
        runs.append(self.lang)
        return real(self, texts, acronyms)

    monkeypatch.setattr(TopicTagger, "_run_words", spy)
    return runs


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pack_words_from_the_cache_tag_as_a_fresh_compile_does(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    en_nlp: Language,
    ru_nlp: Language,
    lang: str,
) -> None:
    nlp = {"en": en_nlp, "ru": ru_nlp}[lang]
    pack = parse_pack(PACK, "cache-test.toml")
    runs = count_runs(monkeypatch)
    fresh = TopicTagger(pack, nlp)
    assert runs == [lang]
    assert [p.name for p in folder.glob(f"pack-{lang}-*")]
    cached = TopicTagger(pack, nlp)
    assert runs == [lang]  # the second compile ran nothing through the pipeline
    assert tag_with(cached, lang) == tag_with(fresh, lang)
    assert tag_with(fresh, lang).hits  # the texts do hit the pack


def test_pack_words_of_the_builtin_pack_tag_the_samples_alike(
    folder: Path, monkeypatch: pytest.MonkeyPatch, en_nlp: Language, ru_nlp: Language
) -> None:
    runs = count_runs(monkeypatch)
    for name, nlp in (("kremlin.txt", en_nlp), ("kremlin_ru.txt", ru_nlp)):
        readout = reading.read_readout(ROOT / "samples" / name)
        segmented, doc = segmenting.segment(readout, nlp)
        fresh, cached = TopicTagger(builtin_pack(), nlp), TopicTagger(builtin_pack(), nlp)
        assert cached.tag(doc, segmented) == fresh.tag(doc, segmented)
    assert runs == ["en", "ru"]


def test_pack_words_are_compiled_again_when_the_pack_changes(
    folder: Path, monkeypatch: pytest.MonkeyPatch, en_nlp: Language
) -> None:
    runs = count_runs(monkeypatch)
    TopicTagger(parse_pack(PACK, "cache-test.toml"), en_nlp)
    changed = parse_pack(PACK.replace('"INF"', '"INF", "missile defence"'), "cache-test.toml")
    tagger = TopicTagger(changed, en_nlp)
    assert runs == ["en", "en"]
    readout = reading.readout_from_text("They spoke of missile defences.", "a", "en")
    segmented, doc = segmenting.segment(readout, en_nlp)
    assert [h.topic_id for h in tagger.tag(doc, segmented).hits] == ["arms"]
    TopicTagger(changed, en_nlp)
    assert runs == ["en", "en"]  # the file now holds the changed pack


def test_pack_words_are_compiled_again_when_the_pipeline_changes(
    folder: Path, monkeypatch: pytest.MonkeyPatch, en_nlp: Language
) -> None:
    pack = parse_pack(PACK, "cache-test.toml")
    runs = count_runs(monkeypatch)
    TopicTagger(pack, en_nlp)
    real = segmenting.blank_key
    # A new spaCy, spacy-lookups-data, pymorphy3 or segmenting.py changes this key.
    monkeypatch.setattr(segmenting, "blank_key", lambda nlp: "other" + str(real(nlp)))
    TopicTagger(pack, en_nlp)
    assert runs == ["en", "en"]


def test_pack_words_in_a_damaged_file_are_compiled_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch, en_nlp: Language
) -> None:
    pack = parse_pack(PACK, "cache-test.toml")
    runs = count_runs(monkeypatch)
    fresh = TopicTagger(pack, en_nlp)
    (path,) = folder.glob("pack-en-*")
    path.write_bytes(path.read_bytes()[:-10])
    rebuilt = TopicTagger(pack, en_nlp)
    assert runs == ["en", "en"]
    assert tag_with(rebuilt, "en") == tag_with(fresh, "en")
    TopicTagger(pack, en_nlp)  # the damaged file was replaced by a good one
    assert runs == ["en", "en"]


def test_pack_words_with_the_cache_off_are_compiled_each_time(
    monkeypatch: pytest.MonkeyPatch, en_nlp: Language
) -> None:
    monkeypatch.setenv("READOUT_DIFF_CACHE", "off")
    pack = parse_pack(PACK, "cache-test.toml")
    runs = count_runs(monkeypatch)
    first, second = TopicTagger(pack, en_nlp), TopicTagger(pack, en_nlp)
    assert runs == ["en", "en"]
    assert tag_with(first, "en") == tag_with(second, "en")


def test_pack_words_of_an_installed_pipeline_are_never_cached(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    nlp = spacy.blank("en")  # stands for an installed pipeline: not one of ours
    nlp.add_pipe("readout_norm")
    runs = count_runs(monkeypatch)
    TopicTagger(parse_pack(PACK, "cache-test.toml"), nlp)
    TopicTagger(parse_pack(PACK, "cache-test.toml"), nlp)
    assert runs == ["en", "en"]
    assert not list(folder.glob("pack-*"))


# --- pymorphy3's Russian lemmas -------------------------------------------------------


def sample_words() -> list[str]:
    readout = reading.read_readout(ROOT / "samples" / "kremlin_ru.txt")
    return [t.text for t in segmenting.load_pipeline("ru").make_doc(readout.text)]


def test_russian_lemmas_are_those_of_spacys_pymorphy3_lookup_lemmatizer() -> None:
    import spacy

    reference = spacy.blank("ru")
    reference.add_pipe("lemmatizer", config={"mode": "pymorphy3_lookup"})
    reference.initialize()
    words = [*sample_words(), "Выборах", "выборах", "США", "«", "2021", "Д.Трамп"]
    doc = reference(spacy.tokens.Doc(reference.vocab, words=words))
    ours = morphology.RussianMorphology()
    assert [ours.lookup_lemma(t.text) for t in doc] == [t.lemma_ for t in doc]
    analyser = reference.get_pipe("lemmatizer")._morph  # type: ignore[attr-defined]
    lowered = [w.lower() for w in words]
    assert [ours.first_lemma(w) for w in lowered] == [
        analyser.parse(w)[0].normal_form for w in lowered
    ]
    assert [ours.part_of_speech(w) for w in lowered] == [
        str(analyser.parse(w)[0].tag.POS or "") for w in lowered
    ]


def test_russian_words_learnt_once_need_no_pymorphy3_later(folder: Path) -> None:
    words = sample_words()
    first = morphology.RussianMorphology()

    def answers(m: morphology.RussianMorphology) -> list[tuple[str, str, str]]:
        return [
            (m.lookup_lemma(w), m.first_lemma(w.lower()), m.part_of_speech(w.lower()))
            for w in words
        ]

    learnt = answers(first)
    first.save()
    assert (folder / "ru-words").is_file()
    later = morphology.RussianMorphology()
    assert answers(later) == learnt
    assert later._analyzer is None  # pymorphy3 was never loaded
    later.lookup_lemma("неведомыйсловоформ")
    assert later._analyzer is not None


def test_russian_words_table_keeps_what_another_process_learnt(folder: Path) -> None:
    one, other = morphology.RussianMorphology(), morphology.RussianMorphology()
    one.lookup_lemma("переговоры")
    other.lookup_lemma("урегулирования")
    one.save()
    other.save()
    known = morphology.RussianMorphology()
    known.lookup_lemma("переговоры")
    known.lookup_lemma("урегулирования")
    assert known._analyzer is None


def test_russian_words_table_that_is_damaged_or_off_is_only_slower(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = morphology.RussianMorphology()
    lemma = first.lookup_lemma("переговорах")
    first.save()
    path = folder / "ru-words"
    path.write_bytes(path.read_bytes()[:20])
    damaged = morphology.RussianMorphology()
    assert damaged.lookup_lemma("переговорах") == lemma
    assert damaged._analyzer is not None
    damaged.save()
    assert morphology.RussianMorphology().lookup_lemma("переговорах") == lemma
    written = path.read_bytes()
    monkeypatch.setenv("READOUT_DIFF_CACHE", "off")
    off = morphology.RussianMorphology()
    assert off.lookup_lemma("переговорах") == lemma
    off.lookup_lemma("урегулирования")
    off.save()
    assert path.read_bytes() == written  # nothing written with the cache off


def test_russian_pipeline_gives_the_same_lemmas_from_a_warm_table(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = reading.read_readout(ROOT / "samples" / "kremlin_ru.txt").text
    nlp = segmenting.load_pipeline("ru")
    norm = nlp.get_pipe("readout_norm")

    def lemmas_with(known: morphology.RussianMorphology) -> list[tuple[str, str]]:
        monkeypatch.setattr(morphology, "russian", lambda: known)
        for attribute in ("_table", "_first_lemma", "_russian"):  # set up again, then restored
            monkeypatch.setattr(norm, attribute, None)
        return [(t.lemma_, t.norm_) for t in nlp(text)]

    cold = morphology.RussianMorphology()
    before = lemmas_with(cold)
    assert cold._analyzer is not None
    cold.save()
    warm = morphology.RussianMorphology()
    assert lemmas_with(warm) == before
    assert warm._analyzer is None


# --- the built-in pack ----------------------------------------------------------------


def test_builtin_pack_from_the_cache_is_the_parsed_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readout_diff import topicpacks

    parses: list[str] = []
    real = topicpacks.parse_pack

    def spy(text: str, source: str) -> TopicPack:
        parses.append(source)
        return real(text, source)

    monkeypatch.setattr(topicpacks, "parse_pack", spy)

    def fresh() -> TopicPack:
        topicpacks._builtin_pack.cache_clear()
        return topicpacks.builtin_pack()

    try:
        parsed = fresh()
        cached = fresh()
        assert parses == ["builtin"]  # the second came from the cache
        assert cached == parsed and hash(cached) == hash(parsed)
        path = folder / "pack-builtin"
        data = path.read_bytes()
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
        assert fresh() == parsed
        assert parses == ["builtin", "builtin"]
        monkeypatch.setenv("READOUT_DIFF_CACHE", "off")
        assert fresh() == parsed
        assert parses == ["builtin"] * 3
    finally:
        topicpacks._builtin_pack.cache_clear()
