"""The diff command's options (:mod:`readout_diff.cli.options`): output, input, N readouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Invoke

from readout_diff.render import json as json_report


def test_cli_quiet_prints_nothing_and_keeps_the_status(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "--quiet", files["kremlin"], files["whitehouse"])
    assert (result.exit_code, result.stdout) == (1, "")


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("any", 1), ("pack", 1), ("only-a", 1), ("only-b", 1), ("never", 0)],
)
def test_cli_fail_on_chooses_what_makes_status_one(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], fail_on: str, status: int
) -> None:
    result = invoke(*small_args, "--fail-on", fail_on, "-q", files["kremlin"], files["whitehouse"])
    assert result.exit_code == status


def test_cli_fail_on_one_side_ignores_the_other(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    only_b = tmp_path / "only_b.txt"
    only_b.write_text(
        files["kremlin"].read_text(encoding="utf-8") + "Biden raised Navalny.\n", encoding="utf-8"
    )
    # Everything kremlin says is in only_b; only_b adds Navalny.
    args = [*small_args, "-q", files["kremlin"], only_b]
    assert invoke(*args[:-2], "--fail-on", "only-a", *args[-2:]).exit_code == 0
    assert invoke(*args[:-2], "--fail-on", "only-b", *args[-2:]).exit_code == 1


def test_cli_output_writes_the_report_to_a_file(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    result = invoke(*small_args, "-f", "json", "-o", target, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        json.loads(target.read_text(encoding="utf-8"))["schema_version"]
        == json_report.SCHEMA_VERSION
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_cli_output_into_a_missing_folder_is_trouble(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "report.md"
    result = invoke(*small_args, "-o", target, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert result.stderr == f"readout-diff: {target}: no such directory\n"


def test_cli_explain_names_the_alias_and_the_words(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "--explain", files["kremlin"], files["whitehouse"])
    assert "Why each topic was found" in result.stdout
    assert '"poisoning of <Name>" matched "poisoning of Alexei Navalny" in sentence 1' in (
        result.stdout
    )


def test_cli_json_evidence_names_the_alias(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "-f", "json", files["kremlin"], files["whitehouse"])
    evidence = [e for t in json.loads(result.stdout)["topics"] for e in t["evidence"]]
    assert {e["alias"] for e in evidence} >= {"New START", "climate change"}


def test_cli_three_readouts_give_a_topic_matrix(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, files["kremlin"], files["whitehouse"], files["elysee"])
    assert result.exit_code == 1
    assert "kremlin" in result.stdout and "elysee" in result.stdout
    assert "Missing from exactly one account" in result.stdout
    assert "Ukraine: not in whitehouse" in result.stdout
    assert "Pairwise alignment" in result.stdout


def test_cli_three_readouts_keep_the_json_schema(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    pair = json.loads(
        invoke(*small_args, "-f", "json", files["kremlin"], files["whitehouse"]).stdout
    )
    many = json.loads(
        invoke(
            *small_args, "-f", "json", files["kremlin"], files["whitehouse"], files["elysee"]
        ).stdout
    )
    # The analyst's columns (issue 13) are for two readouts only.
    assert set(pair) - set(many) == {"call"} and set(many) <= set(pair)
    assert set(pair["topics"][0]) - set(many["topics"][0]) == {"framing"}
    assert [r["name"] for r in many["readouts"]] == ["kremlin", "whitehouse", "elysee"]
    assert [(p["a"], p["b"]) for p in many["alignments"]] == [(0, 1), (0, 2), (1, 2)]
    ukraine = next(t for t in many["topics"] if t["id"] == "ukraine")
    assert (ukraine["status"], ukraine["missing_from"]) == ("missing_one", ["whitehouse"])


def test_cli_three_readouts_as_markdown(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(
        *small_args, "-f", "markdown", files["kremlin"], files["whitehouse"], files["elysee"]
    )
    assert "| Topic | kremlin | whitehouse | elysee |" in result.stdout


def test_cli_three_readouts_as_html_is_one_page(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(
        *small_args, "-f", "html", files["kremlin"], files["whitehouse"], files["elysee"]
    )
    assert result.exit_code == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for k, name in enumerate(("kremlin", "whitehouse", "elysee")):
        assert f'<section class="col r{k}" aria-label="{name}">' in page
    assert result.stderr == ""


def test_cli_reads_a_readout_from_standard_input(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(
        *small_args,
        "-f",
        "json",
        "-",
        files["whitehouse"],
        input=files["kremlin"].read_text(encoding="utf-8"),
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["readouts"][0]["name"] == "stdin"


def test_cli_same_file_twice_warns_and_goes_on(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, files["kremlin"], files["kremlin"])
    assert result.exit_code == 0
    assert "are the same file" in result.stderr


def test_cli_show_input_prints_the_text_as_segmented(
    invoke: Invoke, files: dict[str, Path]
) -> None:
    result = invoke("--show-input", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 0
    assert result.stdout.startswith("=== kremlin (")
    assert files["kremlin"].read_text(encoding="utf-8").splitlines()[0] in result.stdout


def test_cli_show_input_numbers_the_sentences_as_the_report_does(
    invoke: Invoke, files: dict[str, Path]
) -> None:
    shown = invoke("--show-input", files["kremlin"], files["whitehouse"]).stdout
    report = json.loads(invoke("-f", "json", files["kremlin"], files["whitehouse"]).stdout)
    for readout in report["readouts"]:
        header = next(
            line for line in shown.splitlines() if line.startswith(f"=== {readout['name']} (")
        )
        assert header.endswith(f", {len(readout['sentences'])} sentences) ===")
        for sentence in readout["sentences"]:
            line = f"[{sentence['index']}] {' '.join(sentence['text'].split())}"
            assert line in shown.splitlines()


def test_cli_max_size_refuses_a_larger_file(invoke: Invoke, files: dict[str, Path]) -> None:
    result = invoke("--max-size", "10", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert "too large" in result.stderr
    bad = invoke("--max-size", "lots", files["kremlin"], files["whitehouse"])
    assert bad.exit_code == 2
    assert "is not a size" in bad.stderr


def test_cli_output_never_overwrites_an_input(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    before = files["kremlin"].read_text(encoding="utf-8")
    result = invoke(*small_args, "-o", files["kremlin"], files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr
    assert files["kremlin"].read_text(encoding="utf-8") == before


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


def test_cli_says_it_reads_standard_input_when_it_is_a_terminal(
    invoke: Invoke,
    small_args: list[str],
    files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readout_diff.cli import diff

    text = files["kremlin"].read_text(encoding="utf-8")
    piped = invoke(*small_args, "-", files["whitehouse"], input=text)
    assert "standard input" not in piped.stderr
    monkeypatch.setattr(diff, "stdin_is_terminal", lambda: True)
    typed = invoke(*small_args, "-", files["whitehouse"], input=text)
    assert typed.stderr == (
        "readout-diff: reading a readout from standard input (paste it, then Ctrl-D)\n"
    )
    assert typed.stdout == piped.stdout


def test_cli_unknown_encoding_blames_the_option_not_a_file(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke(*small_args, "--encoding", "bogus", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "readout-diff: Invalid value for '--encoding': unknown encoding 'bogus'"
    )
    assert str(files["kremlin"]) not in result.stderr
