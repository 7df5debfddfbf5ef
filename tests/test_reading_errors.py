"""Every bad input is one InputError: one line, naming the file and the problem."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path
from typing import Any

import pytest

from readout_diff.errors import InputError, ReadoutDiffError
from readout_diff.reading import (
    DEFAULT_MAX_BYTES,
    check_sources,
    parse_size,
    read_readout,
)

FIXTURES = Path(__file__).parent / "fixtures" / "input"


def problem(path: Path | str, **kwargs: Any) -> str:
    """The one-line message read_readout raises for path (asserting its shape)."""
    with pytest.raises(InputError) as info:
        read_readout(path, **kwargs)
    message = str(info.value)
    source = "stdin" if str(path) == "-" else str(path)
    assert message.startswith(f"{source}: "), message
    assert "\n" not in message
    assert isinstance(info.value, ReadoutDiffError)
    return message.removeprefix(f"{source}: ")


def test_missing_file(tmp_path: Path) -> None:
    assert problem(tmp_path / "missing.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert problem(tmp_path) == "is a directory, not a file"


def test_no_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The leaders spoke.", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:
        # root reads anything: make open() refuse the way it does for everyone else.
        real_open = builtins.open

        def refuse(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refuse)
    assert problem(path) == "permission denied"


@pytest.mark.parametrize(
    "raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe \x00\n\x00"]
)
def test_empty_or_whitespace_only(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(raw)
    assert problem(path) == "is empty (no text to compare)"


def test_image() -> None:
    assert problem(FIXTURES / "pixel.png") == "is an image (PNG), not text"


def test_image_is_refused_even_under_a_named_encoding() -> None:
    assert problem(FIXTURES / "pixel.png", encoding="latin-1") == "is an image (PNG), not text"


def test_pdf_says_pdf_is_not_supported() -> None:
    assert problem(FIXTURES / "readout.pdf") == (
        "is a PDF file; PDF is not supported (save the readout as text or HTML)"
    )


@pytest.mark.parametrize(
    ("magic", "what"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "is an image (JPEG), not text"),
        (b"GIF89a\x01\x00\x01\x00", "is an image (GIF), not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is a ZIP archive or an office document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an office document (.doc, .xls), not text"),
        (b"{\\rtf1\\ansi The leaders spoke.}", "is an RTF document"),
    ],
)
def test_other_binary_formats_are_named(tmp_path: Path, magic: bytes, what: str) -> None:
    path = tmp_path / "readout.txt"
    path.write_bytes(magic + b"\x00" * 32)
    assert problem(path).startswith(what)


def test_binary_blob_with_nul_bytes() -> None:
    assert problem(FIXTURES / "blob.bin") == "looks like a binary file (it contains NUL bytes)"


def test_text_full_of_control_characters_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 9)) * 20 + b"The leaders spoke.")
    assert problem(path) == "looks like a binary file (full of control characters)"


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"The leaders spoke. " * 1000)
    assert problem(path, max_bytes=1000) == (
        "is too large (19,000 bytes, over the 1,000 bytes limit; see max_bytes=...)"
    )
    assert read_readout(path, max_bytes=None).text.startswith("The leaders spoke.")


def test_over_the_default_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: no 10 MB written
    assert problem(path) == "is too large (10 MB, over the 10 MB limit; see max_bytes=...)"


def test_standard_input_over_the_size_limit() -> None:
    stdin = io.BytesIO(b"x" * 2001)
    assert problem("-", stdin=stdin, max_bytes=2000) == (
        "is too large (over the 2,000 bytes limit; see max_bytes=...)"
    )


@pytest.mark.parametrize(
    ("text", "size"),
    [("10MB", 10_000_000), ("500k", 500_000), ("2MiB", 2 * 1024 * 1024), ("1048576", 1048576)],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "ten", "-5MB", "0", "5TB"])
def test_parse_size_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_undecodable_bytes_under_a_named_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"The leaders \x81spoke.")
    assert problem(path, encoding="cp1252") == "not valid cp1252 (byte 0x81 at offset 12)"


def test_no_sentence_at_all(tmp_path: Path) -> None:
    path = tmp_path / "rule.txt"
    path.write_text("* * *\n— … —\n!!!\n", encoding="utf-8")
    assert problem(path) == "has no words to compare (not a letter or digit in it, so no sentence)"


def test_nothing_but_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text("Share\nPrint\nAdd new comment\nCAPTCHA\n", encoding="utf-8")
    assert problem(path) == "has nothing but boilerplate lines (keep_boilerplate=True keeps them)"
    assert read_readout(path, keep_boilerplate=True).text.startswith("Share")


def test_html_page_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><nav><ul><li></li></ul></nav></body></html>", encoding="utf-8")
    assert problem(path) == "has no main text (nothing to extract from the HTML page)"


def test_empty_standard_input() -> None:
    assert problem("-", stdin=io.BytesIO(b"")) == "is empty (no text to compare)"


def test_same_file_twice_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The leaders spoke.", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    expected = f"warning: {path} and {link} are the same file; every topic will be shared"
    assert check_sources(str(path), str(link)) == expected
    assert check_sources(str(path), str(path)) is not None


def test_different_files_and_one_stdin_give_no_warning(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One.", encoding="utf-8")
    b.write_text("One.", encoding="utf-8")
    assert check_sources(str(a), str(b)) is None
    assert check_sources("-", str(b)) is None
    assert check_sources(str(tmp_path / "missing-a"), str(tmp_path / "missing-b")) is None


def test_standard_input_twice_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^-: standard input can be only one of the two"):
        check_sources("-", "-")


def test_utf16_without_byte_order_mark_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_bytes("The leaders spoke.".encode("utf-16-le"))
    assert problem(path) == (
        "looks like a binary file (it contains NUL bytes); if it is UTF-16 text without a "
        "byte-order mark, try encoding='utf-16-le'"
    )
    assert read_readout(path, encoding="utf-16-le").text == "The leaders spoke."
