"""Reading stage: a readout file on disk becomes a :class:`~readout_diff.model.Readout`.

The text is decoded as UTF-8 (a leading byte-order mark is dropped) with universal
newlines, so ``\\r\\n`` becomes ``\\n``. All character offsets in a report are
offsets into this decoded text.
"""

from __future__ import annotations

import os
from pathlib import Path

from readout_diff.errors import InputError, ReadoutDiffError
from readout_diff.model import Readout

SUPPORTED_LANGUAGES = ("en", "ru")


def read_bytes(source: str, error: type[ReadoutDiffError], kind: str) -> bytes:
    """The bytes of a file, or ``error`` with a one-line reason (``kind`` names the file)."""
    try:
        return Path(source).read_bytes()
    except FileNotFoundError:
        raise error(source, f"no such {kind}") from None
    except IsADirectoryError:
        raise error(source, f"is a directory, not a {kind}") from None
    except PermissionError:
        raise error(source, "permission denied") from None
    except OSError as exc:
        raise error(source, exc.strerror or "cannot be read") from None


def detect_language(text: str) -> str:
    """Guess the language of a readout from its script: "ru" if mostly Cyrillic, else "en"."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic > latin else "en"


def decode(data: bytes, source: str) -> str:
    """Decode a readout's bytes as UTF-8 text, or raise :class:`InputError`."""
    if b"\x00" in data:
        raise InputError(source, "looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "is empty (no text to compare)")
    return text


def read_readout(
    path: str | os.PathLike[str], *, name: str | None = None, language: str | None = None
) -> Readout:
    """Read one readout file; ``language`` None means detect it from the text."""
    source = os.fspath(path)
    file = Path(source)
    text = decode(read_bytes(source, InputError, "file"), source)
    if not any(ch.isalnum() for ch in text):
        raise InputError(source, "has no words to compare")
    lang = language or detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(
            source, f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return Readout(name=name or file.stem, text=text, language=lang, path=source)


def readout_from_text(text: str, name: str, language: str | None = None) -> Readout:
    """Build a readout from text already in memory (for library users and tests)."""
    text = decode(text.encode("utf-8"), name)
    return Readout(name=name, text=text, language=language or detect_language(text))


def distinct_names(a: Readout, b: Readout) -> tuple[Readout, Readout]:
    """Make sure the two readouts have different names, so a report can tell them apart."""
    if a.name != b.name:
        return a, b
    if a.path and b.path and a.path != b.path:
        return _renamed(a, a.path), _renamed(b, b.path)
    return _renamed(a, f"{a.name} (A)"), _renamed(b, f"{b.name} (B)")


def _renamed(readout: Readout, name: str) -> Readout:
    return Readout(name=name, text=readout.text, language=readout.language, path=readout.path)
