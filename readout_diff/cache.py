"""The cache folder: what start-up builds, kept between runs (each file whole or absent).

A comparison's start-up builds the same things every time from the same files: the
sentence encoder's model (:mod:`readout_diff.similarity`), the topic pack's aliases run
through each language's pipeline (:mod:`readout_diff.tagging`) and pymorphy3's
lemmas of the Russian words met (:mod:`readout_diff.segmenting`). They are kept in
one folder, ``$READOUT_DIFF_CACHE``, else ``$XDG_CACHE_HOME/readout-diff``, else
``~/.cache/readout-diff``; ``READOUT_DIFF_CACHE=off`` keeps nothing.

A cache file is a header (a magic line, the key of what it holds, a digest of the
payload) and a ``marshal`` payload of plain values. The key is a digest of everything
the content depends on (versions, source files, inputs), so a change makes the file
stale; a stale, truncated or damaged file reads as absent and is rebuilt. Files are
written to a temporary name and renamed into place, so a reader, or another process
writing the same file (the workers of a batch), never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import pathlib
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import Any

_MAGIC = b"readout-diff cache 1\n"
_DIGEST = 32  # bytes of blake2b


def root() -> pathlib.Path | None:
    """The cache folder, or None when ``READOUT_DIFF_CACHE=off``."""
    configured = os.environ.get("READOUT_DIFF_CACHE")
    if configured == "off":
        return None
    if configured:
        return pathlib.Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return pathlib.Path(base) / "readout-diff"


def key(*parts: str | bytes | Iterable[str]) -> str:
    """A digest of the parts (strings, bytes, or sequences of strings), order included."""
    digest = hashlib.blake2b(digest_size=_DIGEST)
    for part in parts:
        if isinstance(part, str):
            data = part.encode("utf-8")
        elif isinstance(part, bytes):
            data = part
        else:
            data = "\x00".join(part).encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def versions(*packages: str) -> str:
    """The installed versions of ``packages`` and of Python (``marshal``'s format is Python's)."""
    found = [sys.version]
    for package in packages:
        try:
            found.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} missing")
    return ";".join(found)


def read(name: str, expected_key: str, valid: Callable[[Any], bool]) -> Any | None:
    """The value stored under ``name`` for ``expected_key``, or None.

    None when the cache is off, the file is missing, holds another key (stale),
    is damaged, or its value fails ``valid``.
    """
    folder = root()
    if folder is None:
        return None
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 2 * _DIGEST + 1
    if not data.startswith(_MAGIC) or len(data) < head + _DIGEST:
        return None
    stored_key = data[len(_MAGIC) : head - 1].decode("ascii", "replace")
    digest, payload = data[head : head + _DIGEST], data[head + _DIGEST :]
    if (
        stored_key != expected_key
        or hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest
    ):
        return None
    try:
        value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value if valid(value) else None


def write(name: str, stored_key: str, value: Any) -> bool:
    """Store ``value`` (plain values only: str, int, float, tuple, list, dict, set) under
    ``name``, atomically; False when the cache is off or cannot be written."""
    folder = root()
    if folder is None:
        return False
    payload = marshal.dumps(value)
    digest = hashlib.blake2b(payload, digest_size=_DIGEST).digest()
    data = b"".join([_MAGIC, stored_key.encode("ascii"), b"\n", digest, payload])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False  # a read-only or full disk: the cache is only ever a help
    return True
