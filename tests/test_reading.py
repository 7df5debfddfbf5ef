"""Reading: bytes on disk become a Readout, or one clear InputError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout_diff.errors import InputError, ReadoutDiffError
from readout_diff.reading import (
    detect_language,
    distinct_names,
    distinct_names_all,
    read_readout,
    readout_from_text,
)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_reading_decodes_utf8_and_names_readout_after_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kremlin.txt", "Vladimir Putin spoke with Olaf Scholz — twice.".encode()
    )
    readout = read_readout(path)
    assert readout.text == "Vladimir Putin spoke with Olaf Scholz — twice."
    assert readout.name == "kremlin"
    assert readout.path == str(path)
    assert readout.language == "en"


def test_reading_drops_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfThe leaders spoke.")
    assert read_readout(path).text == "The leaders spoke."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"One.\r\nTwo.\r\n", "One.\nTwo.\n"),
        (b"One.\rTwo.", "One.\nTwo."),
        (b"One.\nTwo.", "One.\nTwo."),
    ],
)
def test_reading_normalises_newlines(tmp_path: Path, raw: bytes, expected: str) -> None:
    assert read_readout(write(tmp_path / "a.txt", raw)).text == expected


def test_readout_from_text_normalises_like_a_file() -> None:
    readout = readout_from_text("\ufeffOne.\r\nTwo.", "a")
    assert readout.text == "One.\nTwo."
    assert readout.path is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The leaders discussed strategic stability.", "en"),
        ("Владимир Путин провёл телефонный разговор с Джозефом Байденом.", "ru"),
        # Mostly Cyrillic with a Latin name in it is still Russian.
        ("Состоялся разговор с президентом США Joe Biden по проблематике СНВ.", "ru"),
        ("Putin (Путин) spoke with Biden about arms control and Ukraine.", "en"),
    ],
)
def test_reading_detects_language(text: str, language: str) -> None:
    assert detect_language(text) == language
    assert readout_from_text(text, "x").language == language


def test_reading_detects_language_of_a_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Президенты обсудили ситуацию на Украине.".encode())
    assert read_readout(path).language == "ru"


def test_reading_keeps_a_given_language_over_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"The leaders spoke.")
    assert read_readout(path, language="ru").language == "ru"


def test_reading_rejects_an_unsupported_language(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Les dirigeants ont parle.")
    with pytest.raises(InputError, match=r"unsupported language 'fr'") as info:
        read_readout(path, language="fr")
    assert str(info.value).startswith(f"{path}: ")


def test_reading_uses_a_given_name(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"The leaders spoke.")
    assert read_readout(path, name="Kremlin").name == "Kremlin"


def assert_one_line(exc: ReadoutDiffError, source: str, problem: str) -> None:
    message = str(exc)
    assert message.startswith(f"{source}: "), message
    assert problem in message
    assert "\n" not in message
    assert exc.source == source


def test_reading_missing_file_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as info:
        read_readout(path)
    assert_one_line(info.value, str(path), "no such file")


def test_reading_directory_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_readout(tmp_path)
    assert_one_line(info.value, str(tmp_path), "directory")


def test_reading_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "Caf\u00e9 talks.".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_readout(path, encoding="utf-8")
    assert_one_line(info.value, str(path), "not valid UTF-8")
    assert "0xe9" in str(info.value)
    assert "offset 3" in str(info.value)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_reading_empty_or_blank_file_raises_input_error(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path / "empty.txt", raw)
    with pytest.raises(InputError) as info:
        read_readout(path)
    assert_one_line(info.value, str(path), "empty")


def test_reading_binary_file_with_nul_bytes_raises_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as info:
        read_readout(path)
    assert_one_line(info.value, str(path), "binary")


def test_readout_from_text_rejects_blank_text() -> None:
    with pytest.raises(InputError, match=r"^pasted: .*empty"):
        readout_from_text(" \n ", "pasted")


def test_distinct_names_uses_paths_when_files_share_a_stem(tmp_path: Path) -> None:
    (tmp_path / "kremlin").mkdir()
    (tmp_path / "whitehouse").mkdir()
    a = read_readout(write(tmp_path / "kremlin" / "readout.txt", b"One."))
    b = read_readout(write(tmp_path / "whitehouse" / "readout.txt", b"Two."))
    assert a.name == b.name == "readout"
    renamed_a, renamed_b = distinct_names(a, b)
    assert renamed_a.name != renamed_b.name
    assert "kremlin" in renamed_a.name
    assert "whitehouse" in renamed_b.name
    assert (renamed_a.text, renamed_b.text) == ("One.", "Two.")


def test_distinct_names_suffixes_same_names_without_paths() -> None:
    a, b = distinct_names(readout_from_text("One.", "call"), readout_from_text("Two.", "call"))
    assert (a.name, b.name) == ("call (A)", "call (B)")


def test_distinct_names_keeps_different_names() -> None:
    a = readout_from_text("One.", "Kremlin")
    b = readout_from_text("Two.", "White House")
    assert distinct_names(a, b) == (a, b)


def test_distinct_names_all_numbers_only_the_readouts_that_share_a_name() -> None:
    readouts = [
        readout_from_text(t, n) for t, n in (("A.", "kremlin"), ("B.", "kremlin"), ("C.", "elysee"))
    ]
    names = [r.name for r in distinct_names_all(readouts)]
    assert names == ["kremlin (1)", "kremlin (2)", "elysee"]


def test_same_file_given_twice_among_three_is_numbered_and_the_other_keeps_its_name() -> None:
    from click.testing import CliRunner

    from readout_diff.cli import cli

    kremlin, elysee = "samples/three/kremlin.txt", "samples/three/elysee.txt"
    result = CliRunner().invoke(cli, ["-f", "json", kremlin, kremlin, elysee])
    names = [r["name"] for r in json.loads(result.stdout)["readouts"]]
    assert names == ["kremlin (1)", "kremlin (2)", "elysee"]
