"""Reading a file's bytes, with one-line errors: shared by readouts and topic packs."""

from __future__ import annotations

import os
import stat

from readout_diff.errors import SETTING, ReadoutDiffError, Setting

SIZE_LIMIT = Setting("max_bytes")
"""What a too-large error points to (pass it as ``setting=``)."""


def read_bytes(
    source: str, error: type[ReadoutDiffError], kind: str, *, limit: int | None = None
) -> bytes:
    """The bytes of a file, or ``error`` with a one-line reason (``kind`` names the file)."""
    try:
        with open(source, "rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise error(source, f"is a directory, not a {kind}")
            if limit is not None and stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise error(source, too_large(info.st_size, limit), setting=SIZE_LIMIT)
            # Pipes and devices have no size: read one byte past the limit to notice.
            data = file.read() if limit is None else file.read(limit + 1)
    except FileNotFoundError:
        raise error(source, f"no such {kind}") from None
    except IsADirectoryError:
        raise error(source, f"is a directory, not a {kind}") from None
    except PermissionError:
        raise error(source, "permission denied") from None
    except OSError as exc:
        raise error(source, exc.strerror or "cannot be read") from None
    if limit is not None and len(data) > limit:
        raise error(source, too_large(None, limit), setting=SIZE_LIMIT)
    return data


def too_large(size: int | None, limit: int) -> str:
    """The problem of a file over the size limit (``size`` when known)."""
    actual = f"{_megabytes(size)}, " if size is not None else ""
    return f"is too large ({actual}over the {_megabytes(limit)} limit; see {SETTING})"


def _megabytes(size: int) -> str:
    if size < 1_000_000:
        return f"{size:,} bytes"
    return f"{size / 1_000_000:.3g} MB"
