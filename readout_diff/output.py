"""Writing a report to a file: all or nothing, and never over an input (or :class:`OutputError`)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from readout_diff.errors import OutputError


def write_atomically(
    path: str | os.PathLike[str], text: str, *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename; never over ``inputs``.

    A reader of ``path`` sees the old file or the whole new one, never a part: an
    interrupted run leaves the old file as it was.
    """
    target = Path(path)
    name = os.fspath(path)
    for source in inputs:
        if os.fspath(source) != "-" and _same_file(target, Path(source)):
            raise OutputError(name, "is one of the input readouts; refusing to overwrite it")
    if target.is_dir():
        raise OutputError(name, "is a directory")
    folder = target.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise OutputError(name, "no such directory") from None
    except PermissionError:
        raise OutputError(name, "permission denied") from None
    except OSError as exc:
        raise OutputError(name, exc.strerror or "cannot be written") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes the file private (0600); a report gets the mode a new file would.
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise OutputError(name, exc.strerror or "cannot be written") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
