"""The command line beyond one pair: options for scripts, N readouts, the topics commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from readout_diff.cli import cli

KREMLIN = (
    "The presidents discussed the extension of New START.\n"
    "They exchanged views on the situation in Ukraine.\n"
    "They agreed to work on climate change.\n"
)
WHITE_HOUSE = (
    "The leaders discussed extending New START.\n"
    "President Biden raised the poisoning of Alexei Navalny.\n"
    "They agreed to work on climate change.\n"
)
ELYSEE = (
    "The President of the Republic discussed New START with his counterpart.\n"
    "He raised the situation in Ukraine and climate change.\n"
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], prog_name="readout-diff")


@pytest.fixture
def files(tmp_path: Path, small_pack_file: Path) -> dict[str, Path]:
    paths = {
        "kremlin": tmp_path / "kremlin.txt",
        "whitehouse": tmp_path / "whitehouse.txt",
        "elysee": tmp_path / "elysee.txt",
        "pack": small_pack_file,
    }
    paths["kremlin"].write_text(KREMLIN, encoding="utf-8")
    paths["whitehouse"].write_text(WHITE_HOUSE, encoding="utf-8")
    paths["elysee"].write_text(ELYSEE, encoding="utf-8")
    return paths


def small(files: dict[str, Path]) -> list[str | Path]:
    return ["--no-builtin", "--topics", files["pack"]]


def test_cli_quiet_prints_nothing_and_keeps_the_status(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "--quiet", files["kremlin"], files["whitehouse"])
    assert (result.exit_code, result.stdout) == (1, "")


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("any", 1), ("pack", 1), ("only-a", 1), ("only-b", 1), ("never", 0)],
)
def test_cli_fail_on_chooses_what_makes_status_one(
    files: dict[str, Path], fail_on: str, status: int
) -> None:
    result = invoke(
        *small(files), "--fail-on", fail_on, "-q", files["kremlin"], files["whitehouse"]
    )
    assert result.exit_code == status


def test_cli_fail_on_one_side_ignores_the_other(files: dict[str, Path], tmp_path: Path) -> None:
    only_b = tmp_path / "only_b.txt"
    only_b.write_text(KREMLIN + "Biden raised Navalny.\n", encoding="utf-8")
    # Everything kremlin says is in only_b; only_b adds Navalny.
    args = [*small(files), "-q", files["kremlin"], only_b]
    assert invoke(*args[:-2], "--fail-on", "only-a", *args[-2:]).exit_code == 0
    assert invoke(*args[:-2], "--fail-on", "only-b", *args[-2:]).exit_code == 1


def test_cli_output_writes_the_report_to_a_file(files: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = invoke(
        *small(files), "-f", "json", "-o", target, files["kremlin"], files["whitehouse"]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_cli_output_into_a_missing_folder_is_trouble(
    files: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "report.md"
    result = invoke(*small(files), "-o", target, files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert result.stderr == f"readout-diff: {target}: no such directory\n"


def test_cli_explain_names_the_alias_and_the_words(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "--explain", files["kremlin"], files["whitehouse"])
    assert "Why each topic was found" in result.stdout
    assert '"poisoning of <Name>" matched "poisoning of Alexei Navalny" in sentence 1' in (
        result.stdout
    )


def test_cli_json_evidence_names_the_alias(files: dict[str, Path]) -> None:
    result = invoke(*small(files), "-f", "json", files["kremlin"], files["whitehouse"])
    evidence = [e for t in json.loads(result.stdout)["topics"] for e in t["evidence"]]
    assert {e["alias"] for e in evidence} >= {"New START", "climate change"}


def test_cli_three_readouts_give_a_topic_matrix(files: dict[str, Path]) -> None:
    result = invoke(*small(files), files["kremlin"], files["whitehouse"], files["elysee"])
    assert result.exit_code == 1
    assert "kremlin" in result.stdout and "elysee" in result.stdout
    assert "Missing from exactly one account" in result.stdout
    assert "Ukraine: not in whitehouse" in result.stdout
    assert "Pairwise alignment" in result.stdout


def test_cli_three_readouts_keep_the_json_schema(files: dict[str, Path]) -> None:
    pair = json.loads(
        invoke(*small(files), "-f", "json", files["kremlin"], files["whitehouse"]).stdout
    )
    many = json.loads(
        invoke(
            *small(files), "-f", "json", files["kremlin"], files["whitehouse"], files["elysee"]
        ).stdout
    )
    assert set(many) == set(pair)
    assert set(many["topics"][0]) == set(pair["topics"][0])
    assert [r["name"] for r in many["readouts"]] == ["kremlin", "whitehouse", "elysee"]
    assert [(p["a"], p["b"]) for p in many["alignments"]] == [(0, 1), (0, 2), (1, 2)]
    ukraine = next(t for t in many["topics"] if t["id"] == "ukraine")
    assert (ukraine["status"], ukraine["missing_from"]) == ("missing_one", ["whitehouse"])


def test_cli_three_readouts_as_markdown(files: dict[str, Path]) -> None:
    result = invoke(
        *small(files), "-f", "markdown", files["kremlin"], files["whitehouse"], files["elysee"]
    )
    assert "| Topic | kremlin | whitehouse | elysee |" in result.stdout


def test_cli_three_readouts_as_html_is_one_page(files: dict[str, Path]) -> None:
    result = invoke(
        *small(files), "-f", "html", files["kremlin"], files["whitehouse"], files["elysee"]
    )
    assert result.exit_code == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for k, name in enumerate(("kremlin", "whitehouse", "elysee")):
        assert f'<section class="col r{k}" aria-label="{name}">' in page
    assert result.stderr == ""


def test_cli_help_lists_the_other_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "READOUT_A READOUT_B" in result.stdout
    assert "Other commands" in result.stdout and "topics" in result.stdout


def test_cli_diff_command_can_be_named(files: dict[str, Path]) -> None:
    named = invoke("diff", *small(files), files["kremlin"], files["whitehouse"])
    plain = invoke(*small(files), files["kremlin"], files["whitehouse"])
    assert (named.exit_code, named.stdout) == (plain.exit_code, plain.stdout)


def test_cli_topics_lists_aliases(files: dict[str, Path]) -> None:
    result = invoke("topics", *small(files))
    assert result.exit_code == 0
    assert "navalny: Navalny" in result.stdout
    assert "  en: Navalny; poisoning of <Name>" in result.stdout


def test_cli_topics_check_passes_a_clean_pack(files: dict[str, Path]) -> None:
    result = invoke("topics", "check", files["pack"])
    assert (result.exit_code, result.stdout.strip()) == (0, f"{files['pack']}: ok")


def test_cli_topics_check_warns_with_line_numbers(tmp_path: Path) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[[topic]]\nid = "grain"\nlabel = "Grain"\nen = ["grain deal"]\n\n'
        '[[topic]]\nid = "food"\nlabel = "Food"\nen = ["Grain deals", "=grainy deal"]\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith(f"{pack}:9: topic 'food': en alias 'Grain deals' is also an alias")
        for line in lines
    )
    assert len(lines) == 1


def test_cli_topics_check_reports_every_duplicate_id(tmp_path: Path) -> None:
    pack = tmp_path / "dupes.toml"
    pack.write_text(
        '[[topic]]\nid = "a"\nlabel = "A"\nen = ["x"]\n'
        '[[topic]]\nid = "a"\nlabel = "A"\nen = ["y"]\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"readout-diff: {pack}: duplicate topic ids: line 6: id 'a' already used on line 2"
    )


def test_cli_topics_check_finds_an_alias_that_cannot_match_itself(tmp_path: Path) -> None:
    pack = tmp_path / "typo.toml"
    # A full stop inside an alias splits it into two sentences: it can never match.
    pack.write_text(
        '[[topic]]\nid = "grain"\nlabel = "Grain"\nen = ["grain deal", "grain. Deal"]\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{pack}:4: topic 'grain': en alias 'grain. Deal' does not match its own words"
    )


def test_cli_reads_a_readout_from_standard_input(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(
        cli,
        [*map(str, small(files)), "-f", "json", "-", str(files["whitehouse"])],
        input=KREMLIN,
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["readouts"][0]["name"] == "stdin"


def test_cli_same_file_twice_warns_and_goes_on(files: dict[str, Path]) -> None:
    result = invoke(*small(files), files["kremlin"], files["kremlin"])
    assert result.exit_code == 0
    assert "are the same file" in result.stderr


def test_cli_show_input_prints_the_text_as_segmented(files: dict[str, Path]) -> None:
    result = invoke("--show-input", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 0
    assert result.stdout.startswith("=== kremlin (")
    assert KREMLIN.splitlines()[0] in result.stdout


def test_cli_max_size_refuses_a_larger_file(files: dict[str, Path]) -> None:
    result = invoke("--max-size", "10", files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert "too large" in result.stderr
    bad = invoke("--max-size", "lots", files["kremlin"], files["whitehouse"])
    assert bad.exit_code == 2
    assert "is not a size" in bad.stderr


def test_cli_output_never_overwrites_an_input(files: dict[str, Path]) -> None:
    before = files["kremlin"].read_text(encoding="utf-8")
    result = invoke(*small(files), "-o", files["kremlin"], files["kremlin"], files["whitehouse"])
    assert result.exit_code == 2
    assert "refusing to overwrite" in result.stderr
    assert files["kremlin"].read_text(encoding="utf-8") == before


@pytest.fixture
def pair_folders(tmp_path: Path) -> Path:
    root = tmp_path / "pairs"
    for name, a, b in (
        ("same", KREMLIN, KREMLIN),
        ("differ", KREMLIN, WHITE_HOUSE),
    ):
        folder = root / name
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(a, encoding="utf-8")
        (folder / "b.txt").write_text(b, encoding="utf-8")
    broken = root / "broken"
    broken.mkdir()
    (broken / "a.txt").write_text(KREMLIN, encoding="utf-8")
    (broken / "b.txt").write_bytes(b"\x00\x01binary")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_batch_writes_reports_and_a_summary_and_goes_past_a_bad_pair(
    pair_folders: Path, files: dict[str, Path], tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out"
    result = invoke("batch", *small(files), "-j", jobs, "-o", out, pair_folders)
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
    files: dict[str, Path], tmp_path: Path
) -> None:
    listing = tmp_path / "pairs.csv"
    listing.write_text(
        f"a,b,name\n{files['kremlin'].name},{files['whitehouse'].name},call-1\n",
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    summary = tmp_path / "summary.jsonl"
    result = invoke("batch", *small(files), "-j", "1", "-o", out, "--summary", summary, listing)
    assert result.exit_code == 1
    row = json.loads(summary.read_text(encoding="utf-8"))
    assert (row["pair"], row["status"], row["only_b"]) == ("call-1", "differ", "navalny")
    assert (out / "call-1.json").is_file()


def test_cli_batch_without_pairs_is_trouble(tmp_path: Path) -> None:
    result = invoke("batch", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("readout-diff: ")


def test_cli_topics_check_gives_the_line_of_an_invalid_topic(tmp_path: Path) -> None:
    pack = tmp_path / "empty.toml"
    pack.write_text(
        '[[topic]]\nid = "fine"\nlabel = "Fine"\nen = ["fine"]\n\n'
        '[[topic]]\nid = "empty"\nlabel = "Empty"\nen = []\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"readout-diff: {pack}: line 7: topic 'empty': no aliases")


def test_cli_shell_completion_offers_commands_and_options() -> None:
    def complete(words: str, cword: int) -> str:
        env = {
            "_READOUT_DIFF_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
        }
        return CliRunner().invoke(cli, [], prog_name="readout-diff", env=env).stdout

    assert "topics" in complete("readout-diff top", 1)
    assert "--format" in complete("readout-diff a.txt --for", 2)
    assert "check" in complete("readout-diff topics ch", 2)


def test_the_builtin_pack_passes_its_own_check() -> None:
    from readout_diff.packcheck import check_pack

    path = Path(__file__).resolve().parents[1] / "readout_diff" / "packs" / "builtin.toml"
    assert [str(p) for p in check_pack(path)] == []
