"""``readout-diff batch`` (:mod:`readout_diff.cli.batch`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Invoke


@pytest.fixture
def pair_folders(tmp_path: Path, files: dict[str, Path]) -> Path:
    kremlin = files["kremlin"].read_text(encoding="utf-8")
    whitehouse = files["whitehouse"].read_text(encoding="utf-8")
    root = tmp_path / "pairs"
    for name, a, b in (
        ("same", kremlin, kremlin),
        ("differ", kremlin, whitehouse),
    ):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(a, encoding="utf-8")
        (folder / "b.txt").write_text(b, encoding="utf-8")
    broken = root / "broken"
    broken.mkdir()
    (broken / "a.txt").write_text(kremlin, encoding="utf-8")
    (broken / "b.txt").write_bytes(b"\x00\x01binary")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_batch_writes_reports_and_a_summary_and_goes_past_a_bad_pair(
    invoke: Invoke,
    small_args: list[str],
    pair_folders: Path,
    files: dict[str, Path],
    tmp_path: Path,
    jobs: str,
) -> None:
    out = tmp_path / "out"
    result = invoke("batch", *small_args, "-j", jobs, "-o", out, pair_folders)
    assert result.exit_code == 2  # one pair failed
    assert sorted(p.name for p in out.iterdir()) == ["differ.json", "same.json", "summary.csv"]
    summary = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert summary[0] == "pair,status,only_a,only_b,shared,error"
    assert summary[1].startswith("broken,failed,,,0,")
    assert summary[2] == "differ,differ,ukraine,navalny,2,"
    assert summary[3] == "same,same,,,3,"
    assert "readout-diff: broken: " in result.stderr and "binary" in result.stderr
    assert json.loads((out / "differ.json").read_text(encoding="utf-8"))["summary"]["only_a"] == 1


def test_cli_batch_reads_a_csv_and_writes_json_lines(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    listing = tmp_path / "pairs.csv"
    listing.write_text(
        f"a,b,name\n{files['kremlin'].name},{files['whitehouse'].name},call-1\n",
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    summary = tmp_path / "summary.jsonl"
    result = invoke("batch", *small_args, "-j", "1", "-o", out, "--summary", summary, listing)
    assert result.exit_code == 1
    row = json.loads(summary.read_text(encoding="utf-8"))
    assert (row["pair"], row["status"], row["only_b"]) == ("call-1", "differ", ["navalny"])
    assert row["only_a"] == ["ukraine"]
    assert (out / "call-1.json").is_file()


def test_cli_batch_without_pairs_is_trouble(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("batch", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("readout-diff: ")
