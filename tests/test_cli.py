"""The ``readout-diff`` group (:mod:`readout_diff.cli`): help, version, completion, start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Invoke, Python

from readout_diff import __version__


def test_cli_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"readout-diff, version {__version__}"


def test_cli_help_shows_an_example(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "readout-diff kremlin.txt whitehouse.txt" in result.stdout
    assert "--format" in result.stdout
    assert "Exit status" in result.stdout


def test_cli_import_does_not_import_spacy(python: Python) -> None:
    proc = python("-c", "import sys, readout_diff.cli; print('spacy' in sys.modules)")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_cli_help_and_version_do_not_import_spacy(python: Python, flag: str) -> None:
    code = (
        "import sys\n"
        "from readout_diff.cli import cli\n"
        f"try:\n    cli([{flag!r}], prog_name='readout-diff')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print('spacy' in sys.modules, code, file=sys.stderr)\n"
    )
    proc = python("-c", code)
    assert proc.stderr.strip().splitlines()[-1] == "False 0"


def test_cli_help_lists_the_other_commands(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "READOUT_A READOUT_B" in result.stdout
    assert "Other commands" in result.stdout and "topics" in result.stdout


def test_cli_diff_command_can_be_named(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    named = invoke("diff", *small_args, files["kremlin"], files["whitehouse"])
    plain = invoke(*small_args, files["kremlin"], files["whitehouse"])
    assert (named.exit_code, named.stdout) == (plain.exit_code, plain.stdout)


def test_cli_shell_completion_offers_commands_and_options(invoke: Invoke) -> None:
    def complete(words: str, cword: int) -> str:
        env = {
            "_READOUT_DIFF_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
        }
        return invoke(env=env).stdout

    assert "topics" in complete("readout-diff top", 1)
    assert "--format" in complete("readout-diff a.txt --for", 2)
    assert "check" in complete("readout-diff topics ch", 2)


def test_cli_help_lists_version_and_short_help(invoke: Invoke) -> None:
    out = invoke("--help").stdout
    assert "  -V, --version " in out
    assert "  -h, --help " in out
    assert invoke("-h").stdout == out


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["topics", "-h"], "Usage: readout-diff topics [OPTIONS]"),
        (["topics", "--help"], "Usage: readout-diff topics [OPTIONS]"),
        (["topics", "list", "-h"], "Usage: readout-diff topics list [OPTIONS]"),
        (["topics", "check", "-h"], "Usage: readout-diff topics check [OPTIONS] PACK.toml"),
        (["batch", "-h"], "Usage: readout-diff batch [OPTIONS] PAIRS"),
    ],
)
def test_cli_subcommand_help_names_the_program(invoke: Invoke, args: list[str], usage: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith(usage + "\n")


def test_cli_topics_help_lists_its_other_command(invoke: Invoke) -> None:
    out = invoke("topics", "-h").stdout
    assert "  check  Check a topic pack" in out
    assert "readout-diff topics COMMAND --help" in out


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["--bogus", "a", "b"], "readout-diff --help"),
        (["topics", "list", "--bogus"], "readout-diff topics list --help"),
        (["topics", "check"], "readout-diff topics check --help"),
        (["batch", "--bogus", "x"], "readout-diff batch --help"),
    ],
)
def test_cli_usage_error_points_to_the_help_of_its_command(
    invoke: Invoke, args: list[str], where: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith(f"(see '{where}')")


def test_readme_documents_every_command() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Usage") :]
    usage = usage[: usage.index("| option |")]
    for command in (
        "readout-diff [OPTIONS]",
        "readout-diff topics list",
        "readout-diff topics check",
        "readout-diff batch",
    ):
        assert command in usage, command
