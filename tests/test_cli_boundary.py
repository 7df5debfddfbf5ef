"""The error boundary (:mod:`readout_diff.cli.boundary`): each fault, its status, its line."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import AssertTrouble, Invoke

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KREMLIN, WHITE_HOUSE = SAMPLES / "kremlin.txt", SAMPLES / "whitehouse.txt"


def _raise(exc: BaseException) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise exc

    return fail


def test_boundary_summary_in_a_missing_folder_is_one_line_and_status_2(
    invoke: Invoke, small_args: list[str], tmp_path: Path
) -> None:
    pair = tmp_path / "pairs" / "call"
    pair.mkdir(parents=True)
    (pair / "a.txt").write_text("They discussed New START.\n", encoding="utf-8")
    (pair / "b.txt").write_text("They discussed Ukraine.\n", encoding="utf-8")
    summary = tmp_path / "no" / "such" / "s.csv"
    result = invoke(
        "batch", *small_args, tmp_path / "pairs", "-o", tmp_path / "out", "--summary", summary
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"readout-diff: {summary}: no such directory\n"


def test_boundary_closed_stdout_ends_quietly_with_the_sigpipe_status(
    python: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| true`: nobody reads
    try:
        proc = python("-m", "readout_diff", str(KREMLIN), str(WHITE_HOUSE), stdout=write_end)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (141, "")


def test_boundary_broken_pipe_while_writing_is_no_message(
    invoke: Invoke, small_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout_diff.cli.diff.emit", _raise(BrokenPipeError()))
    result = invoke(*small_args, KREMLIN, WHITE_HOUSE)
    assert (result.exit_code, result.stdout, result.stderr) == (141, "", "")


def test_boundary_ctrl_c_is_status_130_and_one_line(
    invoke: Invoke, small_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout_diff.pipeline.compare", _raise(KeyboardInterrupt()))
    result = invoke(*small_args, KREMLIN, WHITE_HOUSE)
    assert (result.exit_code, result.stdout) == (130, "")
    assert result.stderr == "readout-diff: interrupted\n"


def test_boundary_fail_on_one_side_with_three_readouts_is_an_error(
    invoke: Invoke, assert_trouble: AssertTrouble, small_args: list[str]
) -> None:
    three = SAMPLES / "three"
    files = sorted(three.glob("*.txt"))
    assert len(files) == 3
    result = invoke(*small_args, *files, "--fail-on", "only-b")
    assert assert_trouble(result) == (
        "readout-diff: --fail-on only-b: compares readout A with readout B; "
        "with 3 readouts use any, pack or never"
    )


def test_boundary_unexpected_exception_is_one_line_internal_error(
    invoke: Invoke, assert_trouble: AssertTrouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout_diff.pipeline.compare", _raise(RuntimeError("boom")))
    result = invoke(KREMLIN, WHITE_HOUSE)
    assert assert_trouble(result) == (
        "readout-diff: internal error: RuntimeError: boom (rerun with --debug)"
    )


def test_boundary_debug_lets_the_traceback_through(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout_diff.pipeline.compare", _raise(RuntimeError("boom")))
    result = invoke("--debug", KREMLIN, WHITE_HOUSE)
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["topics", "check", "{tmp}/none.toml"],
            "readout-diff: {tmp}/none.toml: no such topic pack",
        ),
        (
            ["topics", "--topics", "{tmp}/none.toml"],
            "readout-diff: {tmp}/none.toml: no such topic pack",
        ),
        (["batch", "{tmp}/none"], "readout-diff: {tmp}/none: no such folder or CSV file of pairs"),
        (["{tmp}/none.txt", "{tmp}/b.txt"], "readout-diff: {tmp}/none.txt: no such file"),
    ],
)
def test_boundary_library_errors_of_every_command_are_one_line(
    invoke: Invoke, assert_trouble: AssertTrouble, tmp_path: Path, args: list[str], line: str
) -> None:
    result = invoke(*(a.format(tmp=tmp_path) for a in args))
    assert assert_trouble(result) == line.format(tmp=tmp_path)


@pytest.mark.parametrize("command", [["topics", "check", "x.toml"], ["batch", "x"], ["topics"]])
def test_boundary_every_command_takes_debug(
    invoke: Invoke, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout_diff.packcheck.check_pack", _raise(RuntimeError("boom")))
    monkeypatch.setattr("readout_diff.batch.find_jobs", _raise(RuntimeError("boom")))
    monkeypatch.setattr("readout_diff.topicpacks.resolve_pack", _raise(RuntimeError("boom")))
    quiet = invoke(*command)
    assert quiet.stderr == "readout-diff: internal error: RuntimeError: boom (rerun with --debug)\n"
    assert isinstance(invoke(*command, "--debug").exception, RuntimeError)


def test_boundary_names_the_option_a_library_error_points_to(
    invoke: Invoke, assert_trouble: AssertTrouble, tmp_path: Path
) -> None:
    form = tmp_path / "form.txt"
    form.write_text("Share\nPrint\nAdd new comment\nCAPTCHA\n", encoding="utf-8")
    word = tmp_path / "word.txt"
    word.write_bytes("The leaders spoke.".encode("utf-16-le"))
    big = invoke("--max-size", "100", KREMLIN, WHITE_HOUSE)
    assert assert_trouble(big).endswith("over the 100 bytes limit; see --max-size)")
    assert assert_trouble(invoke(form, KREMLIN)) == (
        f"readout-diff: {form}: has nothing but boilerplate lines (--keep-boilerplate keeps them)"
    )
    assert assert_trouble(invoke(word, KREMLIN)).endswith(
        "if it is UTF-16 text without a byte-order mark, try --encoding utf-16-le"
    )
