"""``readout-diff topics`` and ``topics check`` (:mod:`readout_diff.cli.topics`)."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke


def test_cli_topics_lists_aliases(
    invoke: Invoke, small_args: list[str], files: dict[str, Path]
) -> None:
    result = invoke("topics", *small_args)
    assert result.exit_code == 0
    assert "navalny: Navalny" in result.stdout
    assert "  en: Navalny; poisoning of <Name>" in result.stdout


def test_cli_topics_check_passes_a_clean_pack(invoke: Invoke, files: dict[str, Path]) -> None:
    result = invoke("topics", "check", files["pack"])
    assert (result.exit_code, result.stdout.strip()) == (0, f"{files['pack']}: ok")


def test_cli_topics_check_warns_with_line_numbers(invoke: Invoke, tmp_path: Path) -> None:
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


def test_cli_topics_check_reports_every_duplicate_id(invoke: Invoke, tmp_path: Path) -> None:
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


def test_cli_topics_check_finds_an_alias_that_cannot_match_itself(
    invoke: Invoke, tmp_path: Path
) -> None:
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


def test_cli_topics_check_gives_the_line_of_an_invalid_topic(
    invoke: Invoke, tmp_path: Path
) -> None:
    pack = tmp_path / "empty.toml"
    pack.write_text(
        '[[topic]]\nid = "fine"\nlabel = "Fine"\nen = ["fine"]\n\n'
        '[[topic]]\nid = "empty"\nlabel = "Empty"\nen = []\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"readout-diff: {pack}: line 7: topic 'empty': no aliases")


def test_the_builtin_pack_passes_its_own_check() -> None:
    from readout_diff.packcheck import check_pack

    path = Path(__file__).resolve().parents[1] / "readout_diff" / "packs" / "builtin.toml"
    assert [str(p) for p in check_pack(path)] == []


def test_cli_topics_check_gives_the_line_of_a_bad_id(invoke: Invoke, tmp_path: Path) -> None:
    pack = tmp_path / "bad.toml"
    pack.write_text('[[topic]]\nlabel = "Grain"\nid = "Grain Deal"\nen = ["grain"]\n')
    result = invoke("topics", "check", pack)
    assert result.exit_code == 2
    assert result.stderr == (
        f"readout-diff: {pack}: line 3: 'id' must be a lowercase slug such as 'new-start', "
        "got 'Grain Deal'\n"
    )


def test_cli_topics_check_refuses_disabling_a_topic_the_builtin_pack_lacks(
    invoke: Invoke, tmp_path: Path
) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nname = "mine"\ndisable = ["sports", "sportz"]\n\n'
        '[[topic]]\nid = "grain"\nlabel = "Grain"\nen = ["grain deal"]\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 2
    assert result.stderr == (
        f"readout-diff: {pack}: line 3: [pack] disable: the built-in pack has no topic "
        "'sportz' (did you mean 'sports'?)\n"
    )


def test_cli_topics_check_warns_about_an_alias_given_twice_and_the_wrong_script(
    invoke: Invoke, tmp_path: Path
) -> None:
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[[topic]]\nid = "grain"\nlabel = "Grain"\n'
        'en = ["grain deal", "export of grain",\n      "grain deal"]\n'
        'ru = ["зерновая сделка", "grain deal", "G20"]\n',
        encoding="utf-8",
    )
    result = invoke("topics", "check", pack)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{pack}:5: topic 'grain': en alias 'grain deal' is given twice in this topic",
        f"{pack}:6: topic 'grain': ru alias 'grain deal' is in Latin script: put English "
        "aliases in 'en' (it would never match a readout in its language)",
    ]


def test_cli_topics_list_says_1_topic(invoke: Invoke, tmp_path: Path) -> None:
    pack = tmp_path / "one.toml"
    pack.write_text('[[topic]]\nid = "grain"\nlabel = "Grain"\nen = ["grain deal"]\n')
    result = invoke("topics", "list", "--no-builtin", "--topics", pack)
    assert result.stdout.splitlines()[0].endswith(": 1 topic")
