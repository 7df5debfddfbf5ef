"""Reading text in the encodings readouts come in: detected, or named, and reported."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from readout_diff import pipeline
from readout_diff.errors import InputError
from readout_diff.reading import decode_with_encoding, read_readout
from readout_diff.render import render
from readout_diff.topicpacks import TopicPack

FIXTURES = Path(__file__).parent / "fixtures" / "input"
RU = (FIXTURES / "ru.txt").read_text(encoding="utf-8")
RU_PLAIN = (FIXTURES / "ru_plain.txt").read_text(encoding="utf-8")
EN_LATIN1 = (FIXTURES / "en_latin1.expected.txt").read_text(encoding="utf-8")
EN_CP1252 = (FIXTURES / "en_cp1252.expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fixture", "expected", "encoding", "language"),
    [
        ("ru.txt", RU, "utf-8", "ru"),
        ("ru_utf8_bom.txt", RU, "utf-8-sig", "ru"),
        ("ru_utf16le.txt", RU, "utf-16", "ru"),
        ("ru_utf16be.txt", RU, "utf-16", "ru"),
        ("ru_cp1251.txt", RU, "cp1251", "ru"),
        ("ru_koi8r.txt", RU_PLAIN, "koi8-r", "ru"),
        ("en_latin1.txt", EN_LATIN1, "iso8859-1", "en"),
        ("en_cp1252.txt", EN_CP1252, "cp1252", "en"),
        ("en_utf16.txt", EN_CP1252, "utf-16", "en"),
    ],
)
def test_reading_detects_each_encoding(
    fixture: str, expected: str, encoding: str, language: str
) -> None:
    readout = read_readout(FIXTURES / fixture)
    assert readout.text == expected
    assert readout.encoding == encoding
    assert readout.language == language
    assert readout.source_format == "text"


@pytest.mark.parametrize(
    ("fixture", "encoding", "expected"),
    [
        ("ru_cp1251.txt", "windows-1251", RU),
        ("ru_koi8r.txt", "KOI8-R", RU_PLAIN),
        ("en_latin1.txt", "latin-1", EN_LATIN1),
        ("ru_utf16le.txt", "utf-16", RU),
        ("ru_utf8_bom.txt", "utf-8", RU),
    ],
)
def test_reading_uses_a_named_encoding(fixture: str, encoding: str, expected: str) -> None:
    assert read_readout(FIXTURES / fixture, encoding=encoding).text == expected


def test_reading_trusts_a_named_encoding_over_detection() -> None:
    # KOI8-R bytes read as Windows-1251 decode (every byte is defined) to the wrong text:
    # a named encoding is taken at its word, as iconv would.
    readout = read_readout(FIXTURES / "ru_koi8r.txt", encoding="cp1251")
    assert readout.encoding == "cp1251"
    assert readout.text != RU_PLAIN


def test_reading_rejects_undecodable_bytes_under_a_named_encoding() -> None:
    path = FIXTURES / "ru_cp1251.txt"
    with pytest.raises(InputError) as info:
        read_readout(path, encoding="utf-8")
    message = str(info.value)
    assert message.startswith(f"{path}: not valid UTF-8 (byte 0x")
    assert "at offset " in message
    assert "\n" not in message


def test_reading_rejects_an_unknown_encoding_name() -> None:
    with pytest.raises(InputError, match=r"unknown encoding 'klingon-8'$"):
        read_readout(FIXTURES / "ru.txt", encoding="klingon-8")


def test_reading_ascii_is_reported_as_utf8() -> None:
    text, encoding = decode_with_encoding(b"The leaders spoke.", "a.txt")
    assert (text, encoding) == ("The leaders spoke.", "utf-8")


def test_reading_html_uses_the_declared_charset() -> None:
    readout = read_readout(FIXTURES / "page_ru_cp1251.html")
    assert readout.encoding == "cp1251"
    assert "Состоялся телефонный разговор Владимира Путина" in readout.text


def test_reading_html_with_a_false_charset_is_detected_instead() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Президенты обсудили СНВ-3.</p>'
    text, encoding = decode_with_encoding(page.encode("cp1251"), "a.html", html=True)
    assert encoding == "cp1251"
    assert "Президенты обсудили" in text


def test_reading_standard_input_detects_its_encoding() -> None:
    stdin = io.BytesIO((FIXTURES / "ru_cp1251.txt").read_bytes())
    readout = read_readout("-", stdin=stdin)
    assert (readout.name, readout.path, readout.encoding) == ("stdin", "-", "cp1251")
    assert readout.text == RU


def test_json_report_names_encoding_and_format_of_each_readout(small_pack: TopicPack) -> None:
    a = read_readout(FIXTURES / "ru_koi8r.txt")
    b = read_readout(FIXTURES / "page_en.html")
    report = pipeline.compare(a, b, pipeline.Options(pack=small_pack))
    readouts = json.loads(render(report, "json"))["readouts"]
    assert [(r["encoding"], r["format"]) for r in readouts] == [
        ("koi8-r", "text"),
        ("utf-8", "html"),
    ]
