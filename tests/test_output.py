"""The output file: written whole through a rename, or not at all; never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readout_diff.errors import OutputError, ReadoutDiffError
from readout_diff.output import write_atomically


def test_writes_a_new_file_with_the_usual_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    write_atomically(path, "{}\n")
    assert path.read_text(encoding="utf-8") == "{}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_replaces_an_existing_file_keeping_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomically(path, "new — с кириллицей\n")
    assert path.read_text(encoding="utf-8") == "new — с кириллицей\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.txt"
    path.write_text("old", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as info:
        write_atomically(path, "new")
    assert str(info.value) == f"{path}: No space left on device"
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    readout = tmp_path / "kremlin.txt"
    readout.write_text("The leaders spoke.", encoding="utf-8")
    with pytest.raises(OutputError, match="is one of the input readouts"):
        write_atomically(readout, "report", inputs=["-", readout])
    assert readout.read_text(encoding="utf-8") == "The leaders spoke."


@pytest.mark.parametrize(
    ("where", "problem"),
    [("missing-folder/report.json", "no such directory"), (".", "is a directory")],
)
def test_unwritable_targets_are_one_line_errors(tmp_path: Path, where: str, problem: str) -> None:
    target = tmp_path / where
    with pytest.raises(OutputError) as info:
        write_atomically(target, "x")
    assert str(info.value) == f"{target}: {problem}"
    # The CLI catches the library's base class; an OSError handler never swallows it.
    assert isinstance(info.value, ReadoutDiffError)
    assert not isinstance(info.value, OSError)
    assert info.value.problem == problem
