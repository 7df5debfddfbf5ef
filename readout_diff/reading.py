"""Reading stage: a readout file (or standard input) becomes a :class:`~readout_diff.model.Readout`.

What happens to the bytes, in order:

1. read (:func:`readout_diff.files.read_bytes`), refusing a directory, an unreadable
   file and a file over the size limit;
2. refused if binary (an image, a PDF, an archive, an office document);
3. decoded: a byte-order mark (UTF-8, UTF-16, UTF-32) wins, then a web page's declared
   charset, then strict UTF-8, then charset-normalizer among the encodings Russian and
   English readouts come in (Windows-1251, KOI8-R, Windows-1252, Latin-1); an explicit
   ``encoding`` replaces all of this and is strict;
4. HTML and Markdown become plain text (:mod:`readout_diff.extracting`);
5. cleaned (:func:`readout_diff.hygiene.clean_text`) and stripped of boilerplate lines.

The result is ``Readout.text``; every character offset in a report points into it.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from readout_diff.errors import SETTING, InputError, Setting
from readout_diff.extracting import drop_boilerplate, html_to_text, looks_like_html
from readout_diff.extracting import markdown_to_text as _markdown_to_text
from readout_diff.files import SIZE_LIMIT, read_bytes, too_large
from readout_diff.formats import InputFormat
from readout_diff.hygiene import clean_text, control_ratio
from readout_diff.model import Readout

SUPPORTED_LANGUAGES = ("en", "ru")
DEFAULT_MAX_BYTES = 10_000_000
"""Largest input read by default (10 MB); readouts are a few kilobytes."""
STDIN = "-"
"""The source name that means standard input."""

# Encodings tried when a file is not UTF-8, in the order charset-normalizer breaks
# ties. Keeping the list to what Russian and English readouts come in is what makes
# detection reliable on short texts (an open search picks Mac-Cyrillic or Shift-JIS).
DETECTED_ENCODINGS = ("cp1251", "koi8_r", "cp1252", "latin_1")
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of the files people mistake for text, with what to call them.
_MAGIC = (
    (b"%PDF-", "is a PDF file; PDF is not supported (save the readout as text or HTML)"),
    (b"\x89PNG\r\n\x1a\n", "is an image (PNG), not text"),
    (b"\xff\xd8\xff", "is an image (JPEG), not text"),
    (b"GIF87a", "is an image (GIF), not text"),
    (b"GIF89a", "is an image (GIF), not text"),
    (b"BM", None),  # checked below: "BM" also starts ordinary words
    (b"II*\x00", "is an image (TIFF), not text"),
    (b"MM\x00*", "is an image (TIFF), not text"),
    (b"PK\x03\x04", "is a ZIP archive or an office document (.docx, .odt), not text"),
    (b"\xd0\xcf\x11\xe0", "is an office document (.doc, .xls), not text"),
    (b"{\\rtf", "is an RTF document, not plain text (save it as text)"),
    (b"\x1f\x8b", "is a gzip archive, not text"),
    (b"\x7fELF", "is a program, not text"),
)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def parse_size(text: str) -> int:
    """A size such as ``10MB``, ``500k``, ``2MiB`` or ``1048576`` in bytes (ValueError if bad)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(i?)b?\s*", text, re.IGNORECASE)
    if match is None:
        raise ValueError(f"{text!r} is not a size (examples: 10MB, 500k, 1048576)")
    number, unit, binary = match.groups()
    base = 1024 if binary else 1000
    size = int(float(number) * base ** "_kmg".index(unit.lower() or "_"))
    if size <= 0:
        raise ValueError(f"{text!r}: the size limit must be positive")
    return size


def detect_language(text: str) -> str:
    """Guess the language of a readout from its script: "ru" if mostly Cyrillic, else "en"."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic > latin else "en"


def check_binary(data: bytes, source: str) -> None:
    """Raise :class:`InputError` if the bytes are an image, a PDF or another binary file."""
    for magic, problem in _MAGIC:
        if data.startswith(magic):
            if problem is None:
                if len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data):
                    raise InputError(source, "is an image (BMP), not text")
                continue
            raise InputError(source, problem)
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise InputError(source, "is an image (WebP), not text")


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode a readout's bytes (detecting the encoding unless given), or raise InputError."""
    return decode_with_encoding(data, source, encoding)[0]


def decode_with_encoding(
    data: bytes, source: str, encoding: str | None = None, *, html: bool = False
) -> tuple[str, str]:
    """Decoded text and the encoding used: given, from a BOM, declared in HTML, or detected."""
    check_binary(data, source)
    if encoding is not None:
        name = _codec_name(encoding, source)
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        return _strict(data, name, source), name
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, source), name
    if b"\x00" in data:
        hint, setting = _utf16_hint(data)
        raise InputError(
            source, "looks like a binary file (it contains NUL bytes)" + hint, setting=setting
        )
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is None:
        raise InputError(
            source,
            "is not text in a known encoding (UTF-8, UTF-16, Windows-1251, KOI8-R, Latin-1); "
            f"if it is text, name its encoding with {SETTING}",
            setting=Setting("encoding"),
        )
    name = codecs.lookup(best.encoding).name
    text = data.decode(name)
    if name in ("cp1251", "koi8-r") and not _CYRILLIC.search(text):
        # Only quotes and dashes above ASCII, which Windows-1251 shares with Windows-1252:
        # a Western file, so name it as one.
        with contextlib.suppress(UnicodeDecodeError):
            text, name = data.decode("cp1252"), "cp1252"
    if name == "cp1252" and not any(0x80 <= byte <= 0x9F for byte in data):
        # Identical bytes in both; Latin-1 is the name people know such files by.
        name = "iso8859-1"
    return text, name


def _utf16_hint(data: bytes) -> tuple[str, Setting | None]:
    """A hint when NUL bytes sit at every other position, as in UTF-16 without its BOM."""
    for parity, name in ((1, "utf-16-le"), (0, "utf-16-be")):
        if data[parity::2].count(0) >= 0.9 * len(data[parity::2]) and data[1 - parity :: 2]:
            hint = f"; if it is UTF-16 text without a byte-order mark, try {SETTING}"
            return hint, Setting("encoding", name)
    return "", None


def _codec_name(encoding: str, source: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None


def _strict(data: bytes, name: str, source: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if name in ("utf-8", "utf-8-sig") else name
        raise InputError(
            source, f"not valid {label} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def source_format(
    source: str, data: bytes | str, input_format: InputFormat | str = InputFormat.AUTO
) -> InputFormat:
    """``text``, ``html`` or ``markdown``: as given, else by the file name, else sniffed."""
    given = _input_format(input_format, source)
    if given is not InputFormat.AUTO:
        return given
    suffix = Path(source).suffix.lower() if source != STDIN else ""
    head = data[:4096]
    sample = head if isinstance(head, str) else head.decode("latin-1")
    if suffix in _HTML_SUFFIXES:
        # A page saved "as text" with an .html name has no tag left to parse.
        return InputFormat.HTML if "<" in sample else InputFormat.TEXT
    if suffix in _MARKDOWN_SUFFIXES:
        return InputFormat.MARKDOWN
    return InputFormat.HTML if looks_like_html(sample) else InputFormat.TEXT


def read_readout(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
    input_format: InputFormat | str = InputFormat.AUTO,
    keep_boilerplate: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Readout:
    """Read one readout from a file, or from standard input when ``path`` is ``-``."""
    source = os.fspath(path)
    if source == STDIN:
        display = "stdin"
        data = _read_stream(stdin or sys.stdin.buffer, display, max_bytes)
        default_name = "stdin"
    else:
        display = source
        data = read_bytes(source, InputError, "file", limit=max_bytes)
        default_name = Path(source).stem
    fmt = source_format(source, data, input_format)
    readout = readout_from_bytes(
        data,
        display,
        encoding=encoding,
        input_format=fmt,
        keep_boilerplate=keep_boilerplate,
        language=language,
    )
    return replace(readout, name=name or default_name, path=source)


def _read_stream(stream: BinaryIO, source: str, limit: int | None) -> bytes:
    try:
        data = stream.read() if limit is None else stream.read(limit + 1)
    except OSError as exc:
        raise InputError(source, exc.strerror or "cannot be read") from None
    if limit is not None and len(data) > limit:
        raise InputError(source, too_large(None, limit), setting=SIZE_LIMIT)
    return data


def _input_format(value: InputFormat | str, source: str) -> InputFormat:
    try:
        return InputFormat(value)
    except ValueError:
        raise InputError(source, f"unknown input format {value!r}") from None


def readout_from_bytes(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    input_format: InputFormat | str = InputFormat.TEXT,
    keep_boilerplate: bool = False,
    language: str | None = None,
) -> Readout:
    """Decode, extract and clean a readout's bytes (``source`` names it in errors)."""
    input_format = _input_format(input_format, source)
    if not data.strip():
        raise InputError(source, "is empty (no text to compare)")
    raw, used = decode_with_encoding(data, source, encoding, html=input_format is InputFormat.HTML)
    if not raw.strip(" \t\r\n\ufeff\x00"):
        raise InputError(source, "is empty (no text to compare)")
    if control_ratio(raw) > 0.05:
        raise InputError(source, "looks like a binary file (full of control characters)")
    if input_format is InputFormat.HTML:
        extracted = html_to_text(raw)
        if extracted is None:
            raise InputError(source, "has no main text (nothing to extract from the HTML page)")
        raw = extracted
    elif input_format is InputFormat.MARKDOWN:
        raw = _markdown_to_text(raw.replace("\r\n", "\n").replace("\r", "\n"))
    return _finish(
        raw,
        source,
        name=source,
        language=language,
        keep_boilerplate=keep_boilerplate,
        encoding=used,
        input_format=input_format,
    )


def _finish(
    raw: str,
    source: str,
    *,
    name: str,
    language: str | None,
    keep_boilerplate: bool,
    encoding: str | None,
    input_format: InputFormat,
    require_words: bool = True,
) -> Readout:
    text = clean_text(raw)
    dropped: tuple[str, ...] = ()
    if not keep_boilerplate:
        kept = drop_boilerplate(text)
        if text.strip() and not kept.text.strip():
            raise InputError(
                source,
                f"has nothing but boilerplate lines ({SETTING} keeps them)",
                setting=Setting("keep_boilerplate", True),
            )
        text, dropped = kept.text, kept.dropped
    if require_words and not text.strip():
        raise InputError(source, "is empty (no text to compare)")
    if require_words and not any(ch.isalnum() for ch in text):
        raise InputError(
            source, "has no words to compare (not a letter or digit in it, so no sentence)"
        )
    lang = language or detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(
            source, f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return Readout(
        name=name,
        text=text,
        language=lang,
        encoding=encoding,
        source_format=input_format,
        dropped=dropped,
    )


def readout_from_text(
    text: str,
    name: str,
    language: str | None = None,
    *,
    input_format: InputFormat | str = InputFormat.TEXT,
    keep_boilerplate: bool = True,
) -> Readout:
    """Build a readout from text already in memory (for library users and tests).

    Boilerplate is kept by default: text handed over in code is taken as meant.
    """
    input_format = _input_format(input_format, name)
    if input_format is InputFormat.HTML:
        return readout_from_bytes(
            text.encode("utf-8"),
            name,
            encoding="utf-8",
            input_format=InputFormat.HTML,
            keep_boilerplate=keep_boilerplate,
            language=language,
        )
    if not text.strip():
        raise InputError(name, "is empty (no text to compare)")
    if input_format is InputFormat.MARKDOWN:
        text = _markdown_to_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _finish(
        text,
        name,
        name=name,
        language=language,
        keep_boilerplate=keep_boilerplate,
        encoding=None,
        input_format=input_format,
        # Code may compare a text without sentences (say, only control characters, which
        # cleaning removes); only a file without any is a mistake.
        require_words=False,
    )


def check_sources(source_a: str, source_b: str) -> str | None:
    """Before reading: a warning if both name the same file; InputError if both are ``-``."""
    if source_a == STDIN and source_b == STDIN:
        raise InputError(STDIN, "standard input can be only one of the two readouts")
    if STDIN in (source_a, source_b):
        return None
    try:
        same = os.path.samefile(source_a, source_b)
    except OSError:
        same = os.path.abspath(source_a) == os.path.abspath(source_b)
    if same:
        return f"warning: {source_a} and {source_b} are the same file; every topic will be shared"
    return None


def show_input(readout: Readout, sentences: Sequence[str] | None = None) -> str:
    """A readout as the comparison sees it, between a header and a list of dropped lines.

    With ``sentences`` (the texts of its sentences, in order) they are listed numbered as
    a report numbers them, one to a line; without, the text read is shown whole.
    """
    details = ", ".join(
        part
        for part in (readout.source_format, readout.encoding, readout.language)
        if part is not None
    )
    source = readout.path or "text"
    size = _count(len(readout.text), "character")
    if sentences is not None:
        size += ", " + _count(len(sentences), "sentence")
    lines = [f"=== {readout.name} ({source}: {details}, {size}) ==="]
    if sentences is None:
        lines.append(readout.text)
    else:
        # A sentence that runs over a line break is still one sentence: one line here.
        lines += [f"[{i}] {' '.join(text.split())}" for i, text in enumerate(sentences)]
    if readout.dropped:
        lines.append(f"=== {_count(len(readout.dropped), 'boilerplate line')} dropped ===")
        lines.extend(f"- {line}" for line in readout.dropped)
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def distinct_names(a: Readout, b: Readout) -> tuple[Readout, Readout]:
    """Make sure the two readouts have different names, so a report can tell them apart."""
    if a.name != b.name:
        return a, b
    if a.path and b.path and a.path != b.path:
        return replace(a, name=a.path), replace(b, name=b.path)
    return replace(a, name=f"{a.name} (A)"), replace(b, name=f"{b.name} (B)")


def distinct_names_all(readouts: Sequence[Readout]) -> list[Readout]:
    """Give each of any number of readouts its own name, as :func:`distinct_names` does for two.

    Only readouts that share a name are renamed: by their paths when those differ, else
    numbered in their group ("kremlin (1)", "kremlin (2)"), so that "elysee" stays "elysee".
    """
    counts = Counter(r.name for r in readouts)
    seen: Counter[str] = Counter()
    out = []
    for readout in readouts:
        if counts[readout.name] == 1:
            out.append(readout)
            continue
        seen[readout.name] += 1
        group = [r for r in readouts if r.name == readout.name]
        paths = [r.path for r in group]
        if all(paths) and len(set(paths)) == len(paths):
            out.append(replace(readout, name=str(readout.path)))
        else:
            out.append(replace(readout, name=f"{readout.name} ({seen[readout.name]})"))
    return out
