"""The diff command (:mod:`readout_diff.cli.diff`): statuses, one-line errors, formats, packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AssertTrouble, Invoke

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


def test_cli_exits_0_when_topic_sets_are_identical(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    copy = tmp_path / "kremlin-copy.txt"
    copy.write_text(files["kremlin"].read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(*small_args, files["kremlin"], copy)
    assert result.exit_code == 0, result.output
    assert "same topics" in result.stdout
    assert result.stderr == ""


def test_cli_exits_0_for_a_readout_against_itself_with_builtin_pack(
    invoke: Invoke, files: dict[str, Path]
) -> None:
    assert invoke(files["whitehouse"], files["whitehouse"]).exit_code == 0


def test_cli_exits_1_when_topics_differ(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1, result.output
    assert "topics differ" in result.stdout
    assert "Only in whitehouse" in result.stdout
    assert "Only in kremlin" in result.stdout
    assert result.stderr == ""


def test_cli_missing_file_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    line = assert_trouble(invoke(files["kremlin"], missing), str(missing))
    assert "no such file" in line


def test_cli_undecodable_under_explicit_encoding_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\u00e9 diplomacy was discussed.".encode("latin-1"))
    line = assert_trouble(invoke("--encoding", "utf-8", latin1, files["whitehouse"]), str(latin1))
    assert "UTF-8" in line
    # Without --encoding the Latin-1 file is detected and read.
    assert invoke(latin1, files["whitehouse"]).exit_code in (0, 1)


def test_cli_empty_file_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert_trouble(invoke(files["kremlin"], empty), str(empty))


def test_cli_readout_without_words_is_not_an_internal_error(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    rule = tmp_path / "rule.txt"
    rule.write_text("***\n---\n", encoding="utf-8")
    result = invoke(rule, files["whitehouse"])
    line = assert_trouble(result, str(rule))
    assert "no words" in line


def test_cli_malformed_pack_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[topic]]\nid = "x"\nlabel = "X"\nen = "not a list"\n', encoding="utf-8")
    line = assert_trouble(invoke("--topics", bad, files["kremlin"], files["whitehouse"]), str(bad))
    assert "must be a list" in line


def test_cli_missing_pack_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.toml"
    assert_trouble(invoke("--topics", missing, files["kremlin"], files["whitehouse"]), str(missing))


def test_cli_bad_format_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path]
) -> None:
    line = assert_trouble(invoke("--format", "xml", files["kremlin"], files["whitehouse"]), "xml")
    assert "--format" in line


def test_cli_missing_argument_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path]
) -> None:
    assert_trouble(invoke(files["kremlin"]), "READOUT_B")


def test_cli_format_json_parses(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "--format", "json", files["kremlin"], files["whitehouse"])
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
def test_cli_every_format_writes_a_report(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], fmt: str
) -> None:
    result = invoke(*small_args, "-f", fmt, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1
    assert "Navalny" in result.stdout
    assert "\x1b" not in result.stdout  # not a terminal: no colour


def test_cli_color_always_forces_colour_and_never_removes_it(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "--color", "always", files["kremlin"], files["whitehouse"])
    assert "\x1b[" in result.stdout
    result = invoke(*small_args, "--color", "never", files["kremlin"], files["whitehouse"])
    assert "\x1b[" not in result.stdout


def test_cli_force_color_environment_colours_a_pipe(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = invoke(*small_args, files["kremlin"], files["whitehouse"])
    assert "\x1b[" in result.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke(*small_args, files["kremlin"], files["whitehouse"])
    assert "\x1b[" not in result.stdout


def test_cli_topics_adds_a_topic(invoke: Invoke, files: dict[str, Path], tmp_path: Path) -> None:
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


def test_cli_no_builtin_uses_only_given_topics(
    invoke: Invoke, files: dict[str, Path], tmp_path: Path
) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[topic]]\nid = "zz-phone"\nlabel = "Telephone"\nen = ["telephone"]\n', encoding="utf-8"
    )
    result = invoke(
        "--no-builtin", "--topics", extra, "-f", "json", files["kremlin"], files["whitehouse"]
    )
    topics = json.loads(result.stdout)["topics"]
    # Points no topic covers are named as subjects (issue 10); the pack is only the given one.
    assert [t["id"] for t in topics if t["kind"] == "pack"] == ["zz-phone"]
    assert result.exit_code == 1


def test_cli_no_builtin_without_topics_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path]
) -> None:
    assert_trouble(invoke("--no-builtin", files["kremlin"], files["whitehouse"]), "--topics")


def test_cli_list_topics(invoke: Invoke, small_args: list[str], files: dict[str, Path]) -> None:
    result = invoke(*small_args, "--list-topics")
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


def test_cli_list_topics_of_builtin_pack(invoke: Invoke) -> None:
    result = invoke("--list-topics")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[0] for row in rows] == [spec.id for spec in builtin_pack().topics]
    assert all(len(row) == 3 for row in rows)


def test_cli_list_topics_with_malformed_pack_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[topic]", encoding="utf-8")
    assert_trouble(invoke("--topics", bad, "--list-topics"), str(bad))


def test_cli_names_readouts(invoke: Invoke, small_args: list[str], files: dict[str, Path]) -> None:
    result = invoke(
        *small_args,
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


def test_cli_same_file_names_are_told_apart(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "-f", "json", files["kremlin"], files["kremlin"])
    names = [r["name"] for r in json.loads(result.stdout)["readouts"]]
    assert names[0] != names[1]


def test_cli_threshold_one_leaves_every_sentence_unmatched(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(
        *small_args, "-f", "json", "--threshold", "1", files["kremlin"], files["whitehouse"]
    )
    data = json.loads(result.stdout)
    assert data["alignment"] == []
    assert data["readouts"][0]["unmatched"] == [0, 1, 2]


def test_cli_model_uses_a_spacy_pipeline_from_disk(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    model = tmp_path / "model"
    nlp.to_disk(model)
    result = invoke(
        *small_args, "--model", model, "-f", "json", files["kremlin"], files["whitehouse"]
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert len(data["readouts"][0]["sentences"]) == 3
    assert {t["id"] for t in data["topics"]} >= {"arms-control", "ukraine"}


def test_cli_bad_model_path_exits_2(
    invoke: Invoke, assert_trouble: AssertTrouble, files: dict[str, Path], tmp_path: Path
) -> None:
    model = tmp_path / "no-such-model"
    assert_trouble(invoke("--model", model, files["kremlin"], files["whitehouse"]), str(model))
