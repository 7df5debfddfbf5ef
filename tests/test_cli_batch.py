"""``readout-diff batch`` (:mod:`readout_diff.cli.batch`)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import CLI_KREMLIN, CLI_WHITE_HOUSE, Invoke


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
    assert sorted(p.name for p in out.iterdir()) == [
        "differ.json",
        "same.json",
        "summary-topics.csv",
        "summary.csv",
        "summary.json",
    ]
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


def _statuses(report_file: Path) -> dict[str, str]:
    """Pack topic id -> status in one pair's JSON report."""
    report = json.loads(report_file.read_text(encoding="utf-8"))
    return {t["id"]: t["status"] for t in report["topics"] if t["kind"] == "pack"}


def test_cli_batch_long_form_summary_reads_with_csv_and_pivots_to_the_reports(
    invoke: Invoke, small_args: list[str], pair_folders: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    invoke("batch", *small_args, "-j", "1", "-o", out, pair_folders)
    with (out / "summary-topics.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:4] == ["call", "date", "topic", "status"]
    grid: dict[str, dict[str, str]] = {}
    for row in rows:
        grid.setdefault(row["call"], {})[row["topic"]] = row["status"]
    assert sorted(grid) == ["differ", "same"]  # the broken pair has no report
    for call, statuses in grid.items():
        shown = {t: s for t, s in statuses.items() if s != "absent"}
        assert shown == _statuses(out / f"{call}.json")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["failed"][0]["name"] == "broken"
    assert [c["name"] for c in summary["calls"]] == ["differ", "same"]  # undated: by name


def test_cli_batch_takes_dates_and_sides_from_csv_columns(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    listing = tmp_path / "pairs.csv"
    k, w = files["kremlin"].name, files["whitehouse"].name
    listing.write_text(
        "a,b,name,date,side_a,side_b\n"
        f"{k},{w},later,2021-06-16,Kremlin,White House\n"
        f"{w},{k},earlier,2021-01-26,White House,Kremlin\n",
        encoding="utf-8",
    )
    summary = tmp_path / "s.json"
    out = tmp_path / "reports"
    result = invoke("batch", *small_args, "-j", "1", "-o", out, "--summary", summary, listing)
    assert result.exit_code == 1
    doc = json.loads(summary.read_text(encoding="utf-8"))
    assert [(c["name"], c["date"], c["side_a"]) for c in doc["calls"]] == [
        ("earlier", "2021-01-26", "White House"),
        ("later", "2021-06-16", "Kremlin"),
    ]
    assert doc["dyads"] == ["Kremlin – White House"]
    navalny = next(t for t in doc["topics"] if t["id"] == "navalny")
    assert navalny["alone"] == {"White House": 2}
    assert navalny["statuses"] == ["only_a", "only_b"]
    assert not (tmp_path / "s.csv").exists()  # a .json summary is that alone


def test_cli_batch_rejects_an_unknown_csv_column(invoke: Invoke, tmp_path: Path) -> None:
    listing = tmp_path / "pairs.csv"
    listing.write_text("a,b,when\nx.txt,y.txt,2021\n", encoding="utf-8")
    result = invoke("batch", listing)
    assert result.exit_code == 2
    assert "unknown column 'when'" in result.stderr


def test_cli_batch_dates_a_pair_folder_by_its_call_toml_name_or_text(
    invoke: Invoke, small_args: list[str], tmp_path: Path
) -> None:
    root = tmp_path / "pairs"
    for name, extra in (
        ("toml", ""),
        ("2022-02-12-named", ""),
        ("texted", "Moscow, 30 December 2021.\n"),
    ):
        (root / name).mkdir(parents=True)
        (root / name / "a.txt").write_text(extra + CLI_KREMLIN, encoding="utf-8")
        (root / name / "b.txt").write_text(CLI_WHITE_HOUSE, encoding="utf-8")
    (root / "toml" / "call.toml").write_text(
        'date = "2021-01-26"\n[a]\nside = "Kremlin"\n[b]\nside = "White House"\n',
        encoding="utf-8",
    )
    summary = tmp_path / "s.json"
    invoke("batch", *small_args, "-j", "1", "-o", tmp_path / "out", "--summary", summary, root)
    calls = json.loads(summary.read_text(encoding="utf-8"))["calls"]
    assert [(c["name"], c["date"], c["side_a"], c["side_b"]) for c in calls] == [
        ("toml", "2021-01-26", "Kremlin", "White House"),
        ("texted", "2021-12-30", "a", "b"),
        ("2022-02-12-named", "2022-02-12", "a", "b"),
    ]


def test_cli_batch_refuses_a_summary_that_is_a_pair_report(
    invoke: Invoke, small_args: list[str], files: dict[str, Path], tmp_path: Path
) -> None:
    listing = tmp_path / "pairs.csv"
    listing.write_text(
        f"a,b,name\n{files['kremlin'].name},{files['whitehouse'].name},summary\n",
        encoding="utf-8",
    )
    result = invoke("batch", *small_args, "-j", "1", "-o", tmp_path / "out", listing)
    assert result.exit_code == 2
    assert "would overwrite the report of pair 'summary'" in result.stderr
    assert not (tmp_path / "out" / "summary.json").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_batch_html_writes_the_overview_and_the_pair_reports_it_links(
    invoke: Invoke, small_args: list[str], pair_folders: Path, tmp_path: Path, jobs: str
) -> None:
    page = tmp_path / "site" / "overview.html"
    page.parent.mkdir()
    args = ("batch", *small_args, "-j", jobs, "-f", "html", "-o", page)
    result = invoke(*args, "--pair-reports", pair_folders)
    assert result.exit_code == 2  # the broken pair
    assert f"overview in {page}" in result.stderr
    reports = page.parent / "overview-reports"
    assert sorted(p.name for p in page.parent.iterdir()) == ["overview-reports", "overview.html"]
    assert sorted(p.name for p in reports.iterdir()) == ["differ.html", "same.html"]
    html = page.read_text(encoding="utf-8")
    assert 'href="overview-reports/differ.html"' in html
    assert "broken" in html  # listed as failed
    invoke(*args, "--pair-reports", pair_folders)
    assert page.read_text(encoding="utf-8") == html  # byte-identical
    invoke(*args, pair_folders)
    plain = page.read_text(encoding="utf-8")
    assert "overview-reports/" not in plain
    page.unlink()  # a folder given as -o gets FOLDER/overview.html
    invoke("batch", *small_args, "-j", jobs, "-f", "html", "-o", page.parent, pair_folders)
    assert page.read_text(encoding="utf-8") == plain


def test_cli_batch_without_pairs_is_trouble(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("batch", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("readout-diff: ")
