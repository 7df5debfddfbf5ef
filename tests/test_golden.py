"""Golden tests: the report on samples/ in every format, byte for byte.

After an intended change of output, regenerate with ``pytest --update-golden`` and
review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readout_diff.cli import cli

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "samples"
SAMPLES = ("samples/kremlin.txt", "samples/whitehouse.txt")
CASES = {
    "report.txt": ["--format", "text", "--no-color", "--width", "100"],
    "report.md": ["--format", "markdown"],
    "report.json": ["--format", "json"],
    "report.csv": ["--format", "csv"],
}


def run_on_samples(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, [*args, *SAMPLES])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_report_on_samples(
    name: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    code, output = run_on_samples(CASES[name], monkeypatch)
    assert code == 1, "the samples differ in topics, so the exit status is 1"
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        path.write_text(output, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert output == expected, f"{name} changed; rerun with --update-golden if intended"


def test_samples_report_the_topics_the_seed_article_names(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    _, output = run_on_samples(["--format", "json"], monkeypatch)
    report = json.loads(output)
    status = {t["id"]: t["status"] for t in report["topics"]}
    only_kremlin = {"covid-19", "trade", "iran-nuclear", "un-security-council", "congratulations"}
    only_whitehouse = {"navalny", "cyber", "election-interference", "afghanistan"}
    shared = {"new-start", "ukraine", "contacts"}
    assert {t: status.get(t) for t in only_kremlin} == dict.fromkeys(only_kremlin, "only_a")
    assert {t: status.get(t) for t in only_whitehouse} == dict.fromkeys(only_whitehouse, "only_b")
    assert {t: status.get(t) for t in shared} == dict.fromkeys(shared, "both")


def test_json_report_is_byte_identical_across_processes() -> None:
    """Same inputs, same bytes, whatever the interpreter's hash seed (set order)."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "readout_diff", "--format", "json", *SAMPLES],
            cwd=ROOT,
            env=env,
            capture_output=True,
            check=False,
        )
        assert run.returncode == 1, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert b"\x1b" not in outputs[0]


def test_text_report_piped_to_another_program_has_no_escape_codes() -> None:
    """`readout-diff a b | cat`: stdout is a pipe, so plain text, whatever TERM says."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "TERM": "xterm-256color", "FORCE_COLOR": "", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    run = subprocess.run(
        [sys.executable, "-m", "readout_diff", *SAMPLES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert b"\x1b" not in run.stdout
    assert run.stdout.decode("utf-8") == (GOLDEN / "report.txt").read_text(encoding="utf-8")


def one_sided(report: dict, pack_only: bool = False) -> dict[str, set[str]]:  # type: ignore[type-arg]
    return {
        side: {
            t["id"]
            for t in report["topics"]
            if t["status"] == side and (t["kind"] == "pack" or not pack_only)
        }
        for side in ("only_a", "only_b", "both")
    }


def test_russian_kremlin_sample_reports_what_the_english_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    monkeypatch.chdir(ROOT)
    english = CliRunner().invoke(cli, ["--format", "json", *SAMPLES])
    russian = CliRunner().invoke(
        cli, ["--format", "json", "samples/kremlin_ru.txt", "samples/whitehouse.txt"]
    )
    assert english.exit_code == russian.exit_code == 1
    report_ru = json.loads(russian.stdout)
    assert [r["language"] for r in report_ru["readouts"]] == ["ru", "en"]
    # Pack topics: the verdict stage's named points are the English text's own words.
    assert one_sided(report_ru, pack_only=True) == one_sided(
        json.loads(english.stdout), pack_only=True
    )


def test_golden_report_of_the_russian_sample(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.chdir(ROOT)
    args = ["--no-color", "--width", "100", "samples/kremlin_ru.txt", "samples/whitehouse.txt"]
    output = CliRunner().invoke(cli, args).stdout
    path = GOLDEN / "report_ru.txt"
    if request.config.getoption("--update-golden"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 132])
def test_text_report_fits_the_terminal_width(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    from rich.cells import cell_len

    monkeypatch.chdir(ROOT)
    output = CliRunner().invoke(cli, ["--no-color", "--width", str(width), *SAMPLES]).stdout
    widths = [cell_len(line) for line in output.splitlines()]
    assert max(widths) <= width
    assert max(widths) > width - 10, "the report uses the width it is given"
