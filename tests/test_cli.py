"""The command line: exit statuses, one-line errors, options (click's CliRunner)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from readout_diff import __version__
from readout_diff.cli import cli
from readout_diff.topicpacks import builtin_pack

KREMLIN = (
    "Vladimir Putin had a telephone conversation with Joseph Biden.\n"
    "The presidents discussed the extension of New START.\n"
    "They exchanged views on the situation in Ukraine.\n"
)
WHITE_HOUSE = (
    "President Biden spoke with President Putin of Russia.\n"
    "The leaders discussed extending New START.\n"
    "President Biden raised the poisoning of Alexei Navalny.\n"
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="readout-diff")


@pytest.fixture
def files(tmp_path: Path, small_pack_file: Path) -> dict[str, Path]:
    paths = {
        "kremlin": tmp_path / "kremlin.txt",
        "whitehouse": tmp_path / "whitehouse.txt",
        "pack": small_pack_file,
    }
    paths["kremlin"].write_text(KREMLIN, encoding="utf-8")
    paths["whitehouse"].write_text(WHITE_HOUSE, encoding="utf-8")
    return paths


def small(files: dict[str, Path]) -> list[str | Path]:
    return ["--no-builtin", "--topics", files["pack"]]


def assert_trouble(result: Result, *names: str) -> str:
    """Exit status 2, nothing on stdout, one line on stderr naming what went wrong."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("readout-diff: ")
    for name in names:
        assert name in lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def test_cli_exits_0_when_topic_sets_are_identical(files: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "kremlin-copy.txt"
    copy.write_text(files["kremlin"].read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(*small(files), files["kremlin"], copy)
    assert result.exit_code == 0, result.output
    assert "same topics" in result.stdout
    assert result.stderr == ""


def test_cli_exits_0_for_a_readout_against_itself_with_builtin_pack(
    files: dict[str, Path],
) -> None:
    assert invoke(files["whitehouse"], files["whitehouse"]).exit_code == 0


def test_cli_exits_1_when_topics_differ(files: dict[str, Path]) -> None:
    result = invoke(*small(files), files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1, result.output
    assert "topics differ" in result.stdout
    assert "Only in whitehouse" in result.stdout
    assert "Only in kremlin" in result.stdout
    assert result.stderr == ""


def test_cli_missing_file_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    line = assert_trouble(invoke(files["kremlin"], missing), str(missing))
    assert "no such file" in line


def test_cli_undecodable_under_explicit_encoding_exits_2(
    files: dict[str, Path], tmp_path: Path
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 diplomacy was discussed.".encode("latin-1"))
    line = assert_trouble(invoke("--encoding", "utf-8", latin1, files["whitehouse"]), str(latin1))
    assert "UTF-8" in line
    # Without --encoding the Latin-1 file is detected and read.
    assert invoke(latin1, files["whitehouse"]).exit_code in (0, 1)


def test_cli_empty_file_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert_trouble(invoke(files["kremlin"], empty), str(empty))


def test_cli_readout_without_words_is_not_an_internal_error(
    files: dict[str, Path], tmp_path: Path
) -> None:
    rule = tmp_path / "rule.txt"
    rule.write_text("***\n---\n", encoding="utf-8")
    result = invoke(rule, files["whitehouse"])
    line = assert_trouble(result, str(rule))
    assert "no words" in line


def test_cli_malformed_pack_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[topic]]\nid = "x"\nlabel = "X"\nen = "not a list"\n', encoding="utf-8")
    line = assert_trouble(invoke("--topics", bad, files["kremlin"], files["whitehouse"]), str(bad))
    assert "must be a list" in line


def test_cli_missing_pack_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    assert_trouble(invoke("--topics", missing, files["kremlin"], files["whitehouse"]), str(missing))


def test_cli_bad_format_exits_2(files: dict[str, Path]) -> None:
    line = assert_trouble(invoke("--format", "xml", files["kremlin"], files["whitehouse"]), "xml")
    assert "--format" in line


def test_cli_missing_argument_exits_2(files: dict[str, Path]) -> None:
    assert_trouble(invoke(files["kremlin"]), "READOUT_B")


def test_cli_format_json_parses(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "--format", "json", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [r["name"] for r in data["readouts"]] == ["kremlin", "whitehouse"]
    statuses = {t["id"]: t["status"] for t in data["topics"]}
    assert statuses == {
        "arms-control": "both",
        "ukraine": "only_a",
        "navalny": "only_b",
    }


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_cli_every_format_writes_a_report(files: dict[str, Path], fmt: str) -> None:
    result = invoke(*small(files), "-f", fmt, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1
    assert "Navalny" in result.stdout
    assert "\x1b" not in result.stdout  # not a terminal: no colour


def test_cli_color_always_forces_colour_and_never_removes_it(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "--color", "always", files["kremlin"], files["whitehouse"])
    assert "\x1b[" in result.stdout
    result = invoke(*small(files), "--color", "never", files["kremlin"], files["whitehouse"])
    assert "\x1b[" not in result.stdout


def test_cli_force_color_environment_colours_a_pipe(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = invoke(*small(files), files["kremlin"], files["whitehouse"])
    assert "\x1b[" in result.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke(*small(files), files["kremlin"], files["whitehouse"])
    assert "\x1b[" not in result.stdout


def test_cli_topics_adds_a_topic(files: dict[str, Path], tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[topic]]\nid = "zz-phone"\nlabel = "Telephone diplomacy"\nen = ["telephone"]\n',
        encoding="utf-8",
    )
    result = invoke("--topics", extra, "-f", "json", files["kremlin"], files["whitehouse"])
    topics = {t["id"]: t for t in json.loads(result.stdout)["topics"]}
    assert topics["zz-phone"]["label"] == "Telephone diplomacy"
    assert topics["zz-phone"]["present_in"] == ["kremlin"]
    # The built-in pack is still in use: it knows Navalny.
    evidence = [e["text"] for t in topics.values() for e in t["evidence"]]
    assert any("Navalny" in text for text in evidence)


def test_cli_no_builtin_uses_only_given_topics(files: dict[str, Path], tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[topic]]\nid = "zz-phone"\nlabel = "Telephone"\nen = ["telephone"]\n', encoding="utf-8"
    )
    result = invoke(
        "--no-builtin", "--topics", extra, "-f", "json", files["kremlin"], files["whitehouse"]
    )
    assert [t["id"] for t in json.loads(result.stdout)["topics"]] == ["zz-phone"]
    assert result.exit_code == 1


def test_cli_no_builtin_without_topics_exits_2(files: dict[str, Path]) -> None:
    assert_trouble(invoke("--no-builtin", files["kremlin"], files["whitehouse"]), "--topics")


def test_cli_list_topics(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "--list-topics")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        "arms-control",
        "ukraine",
        "navalny",
        "election-interference",
        "climate",
        "united-states",
    ]
    assert lines[0].split("\t")[1] == "Arms control"


def test_cli_list_topics_of_builtin_pack() -> None:
    result = invoke("--list-topics")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[0] for row in rows] == [spec.id for spec in builtin_pack().topics]
    assert all(len(row) == 3 for row in rows)


def test_cli_list_topics_with_malformed_pack_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[topic]", encoding="utf-8")
    assert_trouble(invoke("--topics", bad, "--list-topics"), str(bad))


def test_cli_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"readout-diff, version {__version__}"


def test_cli_help_shows_an_example() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "readout-diff kremlin.txt whitehouse.txt" in result.stdout
    assert "--format" in result.stdout
    assert "Exit status" in result.stdout


def test_cli_names_readouts(files: dict[str, Path]) -> None:
    result = invoke(
        *small(files),
        "-f",
        "json",
        "--name-a",
        "Kremlin",
        "--name-b",
        "White House",
        files["kremlin"],
        files["whitehouse"],
    )
    data = json.loads(result.stdout)
    assert [r["name"] for r in data["readouts"]] == ["Kremlin", "White House"]
    navalny = next(t for t in data["topics"] if t["id"] == "navalny")
    assert navalny["present_in"] == ["White House"]


def test_cli_same_file_names_are_told_apart(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "-f", "json", files["kremlin"], files["kremlin"])
    names = [r["name"] for r in json.loads(result.stdout)["readouts"]]
    assert names[0] != names[1]


def test_cli_threshold_one_leaves_every_sentence_unmatched(files: dict[str, Path]) -> None:
    result = invoke(
        *small(files), "-f", "json", "--threshold", "1", files["kremlin"], files["whitehouse"]
    )
    data = json.loads(result.stdout)
    assert data["alignment"] == []
    assert data["readouts"][0]["unmatched"] == [0, 1, 2]


def test_cli_model_uses_a_spacy_pipeline_from_disk(files: dict[str, Path], tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    model = tmp_path / "model"
    nlp.to_disk(model)
    result = invoke(
        *small(files), "--model", model, "-f", "json", files["kremlin"], files["whitehouse"]
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert len(data["readouts"][0]["sentences"]) == 3
    assert {t["id"] for t in data["topics"]} >= {"arms-control", "ukraine"}


def test_cli_bad_model_path_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    model = tmp_path / "no-such-model"
    assert_trouble(invoke("--model", model, files["kremlin"], files["whitehouse"]), str(model))


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_cli_import_does_not_import_spacy() -> None:
    proc = _run_python("import sys, readout_diff.cli; print('spacy' in sys.modules)")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_cli_help_and_version_do_not_import_spacy(flag: str) -> None:
    code = (
        "import sys\n"
        "from readout_diff.cli import cli\n"
        f"try:\n    cli([{flag!r}], prog_name='readout-diff')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print('spacy' in sys.modules, code, file=sys.stderr)\n"
    )
    proc = _run_python(code)
    assert proc.stderr.strip().splitlines()[-1] == "False 0"


def test_cli_options_follow_the_terminal_when_stdout_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import shutil
    import sys

    from readout_diff.cli.options import RenderOptions

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda: os.terminal_size((132, 40)))
    monkeypatch.delenv("NO_COLOR", raising=False)
    raw = {
        "fmt": "text",
        "color": "auto",
        "no_color": False,
        "width": None,
        "output": None,
        "explain": False,
    }
    opts = RenderOptions.from_raw_args(raw)
    assert (opts.color, opts.width) == (True, 132)
    monkeypatch.setenv("NO_COLOR", "1")
    assert RenderOptions.from_raw_args(raw).color is False
    assert RenderOptions.from_raw_args({**raw, "fmt": "json"}).color is False
