"""The terminal report at every width: the tables stay tables, the width is used."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import Result

from readout_diff import pipeline, reading
from readout_diff.model import Report, Side, Topic, TopicDiff, TopicHit, TopicKind
from readout_diff.render import Style, render
from readout_diff.render.common import describe_hit, table_sections, verdict

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [str(ROOT / "samples" / "kremlin.txt"), str(ROOT / "samples" / "whitehouse.txt")]
THREE = ROOT / "samples" / "three"
Invoke = Callable[..., Result]
CompareTexts = Callable[..., Report]


def samples_report(invoke: Invoke, width: int, *args: str) -> list[str]:
    result = invoke(*SAMPLES, "--width", str(width), *args)
    assert result.exit_code == 1, result.output
    return result.stdout.splitlines()


def topic_table(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith("Topic"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Only in "))
    return lines[start:end]


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_topic_table_stays_a_table_at_every_width(invoke: Invoke, width: int) -> None:
    lines = samples_report(invoke, width)
    table = topic_table(lines)
    columns = None
    for line in table[2:]:
        assert len(line) <= width
        if not line.strip():
            continue
        if "●" in line or "·" in line:
            marks = [k for k, ch in enumerate(line) if ch in "●·"]
            columns = columns or marks
            assert marks == columns, line
        else:
            # A section title, or the rest of a long label wrapped under its start.
            heading = r"(only in|in both|names no topic covers|points no topic covers) ?.*\(\d+\)$"
            assert re.match(heading, line) or line.startswith("  "), line


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_shared_topic_headings_do_not_wrap(invoke: Invoke, width: int) -> None:
    lines = samples_report(invoke, width)
    shared = lines[lines.index("Shared topics, side by side") :]
    for label in ("New START / strategic offensive arms", "War in Ukraine and its settlement"):
        assert f"  {label}" in shared


def test_wide_terminal_shows_whole_sentences_that_fit(invoke: Invoke) -> None:
    lines = samples_report(invoke, 200)
    whole = (
        "Other bilateral issues were also touched upon, including possible joint efforts "
        "to fight the *coronavirus pandemic* and the development of trade and economic ties."
    )
    # After the number, the analyst's "(actor: act)" label (issue 13), then the sentence.
    assert any(line.startswith("    [6] (") and line.endswith(whole) for line in lines)
    narrow = samples_report(invoke, 100)
    assert any(
        line.startswith("    [6] (") and "…upon, including possible joint" in line
        for line in narrow
    )


def test_long_header_breaks_between_readouts_not_inside_one(invoke: Invoke) -> None:
    result = invoke(*sorted(map(str, THREE.glob("*.txt"))), "--width", "100")
    head = result.stdout.splitlines()[:2]
    assert head == [
        "readout-diff bundesregierung (en, 6 sentences) · elysee (en, 6 sentences) ·",
        "  kremlin (en, 7 sentences)",
    ]


def test_verdict_counts_what_the_table_lists(invoke: Invoke) -> None:
    result = invoke(str(THREE / "kremlin.txt"), str(THREE / "elysee.txt"), "--width", "100")
    lines = result.stdout.splitlines()
    head = result.stdout.split("\n\n")[0].splitlines()[1:]
    verdict = head[: next((k for k, line in enumerate(head) if line.startswith("call:")), None)]
    assert " ".join(verdict) == (
        "topics differ: 3 topics in both, 1 only in kremlin, 0 only in elysee; "
        "1 name no topic covers: 1 only in elysee"
    )
    # The Zaporizhzhia plant is a detail of the war both discuss, and the sanctions a
    # detail of the energy markets' problems they cause: one sentence, one point.
    assert "only in kremlin (1)" in lines
    assert "names no topic covers (1)" in lines


def test_one_sentence_and_one_pair_are_singular(
    invoke: Invoke, tmp_path: Path, small_args: list[str]
) -> None:
    (tmp_path / "a.txt").write_text("The leaders discussed New START.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Navalny was raised.\n", encoding="utf-8")
    result = invoke(*small_args, tmp_path / "a.txt", tmp_path / "b.txt")
    assert result.stdout.startswith("readout-diff a (en, 1 sentence) vs b (en, 1 sentence)\n")
    html = invoke(*small_args, "-f", "html", tmp_path / "a.txt", tmp_path / "b.txt").stdout
    assert "1 sentences" not in html and "1 sentence<" in html
    pair = tmp_path / "pairs" / "one"
    pair.mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (pair / name).write_text((tmp_path / name).read_text(encoding="utf-8"), encoding="utf-8")
    batch = invoke("batch", *small_args, "-j", "1", "-o", tmp_path / "out", tmp_path / "pairs")
    assert batch.stderr.startswith("1 pair: 1 differ, 0 same, 0 failed;")


NEGATED_A = "The presidents discussed New START. Navalny was not discussed."
REAL_B = "The leaders discussed New START. Biden raised the poisoning of Alexei Navalny."


@pytest.fixture(scope="module")
def half_negated(compare_texts: CompareTexts) -> Report:
    return compare_texts(NEGATED_A, REAL_B, name_a="Kremlin", name_b="White House")


def test_not_discussed_on_one_side_is_flagged_in_text(half_negated: Report) -> None:
    lines = render(half_negated, "text", Style(width=100)).splitlines()
    table_row = next(line for line in lines if line.startswith("  Navalny (said not"))
    assert table_row.startswith("  Navalny (said not discussed by Kremlin)   ")
    assert "  Navalny  (said not discussed by Kremlin)" in lines


def test_not_discussed_on_one_side_is_flagged_in_markdown_html_and_json(
    half_negated: Report,
) -> None:
    assert "| Navalny (said not discussed by Kremlin) |" in render(half_negated, "markdown")
    assert "### Navalny (said not discussed by Kremlin)" in render(half_negated, "markdown")
    assert "Navalny (said not discussed by Kremlin)" in render(half_negated, "html")
    topics = {t["id"]: t for t in json.loads(render(half_negated, "json"))["topics"]}
    assert topics["navalny"]["negated_in"] == ["Kremlin"]
    assert topics["navalny"]["negated"] is False
    assert topics["arms-control"]["negated_in"] == []


def three_report(invoke: Invoke, *args: str) -> str:
    result = invoke(*sorted(map(str, THREE.glob("*.txt"))), "--width", "100", *args)
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_explain_works_with_three_readouts(invoke: Invoke, fmt: str) -> None:
    out = three_report(invoke, "-f", fmt, "--explain")
    assert "Why each topic was found" in out
    assert '"exchange of prisoners" matched "exchange of prisoners" in sentence 4' in out
    assert "Why each topic was found" not in three_report(invoke, "-f", fmt)


def test_topics_in_some_accounts_only_get_their_evidence_in_text(invoke: Invoke) -> None:
    lines = three_report(invoke).splitlines()
    some = lines[lines.index("In some accounts only") :]
    assert some[1] == "  Prisoners and detained citizens: not in elysee, kremlin"
    assert some[2].startswith("    bundesregierung [4] The Chancellor raised")
    assert "*exchange of" in some[2]


def test_topics_in_some_accounts_only_get_their_evidence_in_markdown(invoke: Invoke) -> None:
    out = three_report(invoke, "-f", "markdown")
    assert "## In some accounts only\n\n### Prisoners and detained citizens: not in elysee, " in out
    assert (
        "- bundesregierung: \\[4\\] The Chancellor raised the humanitarian situation and the "
        "**exchange of prisoners**." in out
    )


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_three_readout_matrix_has_group_headings(invoke: Invoke, fmt: str) -> None:
    out = three_report(invoke, "-f", fmt)
    headings = [
        "missing from one account (1)",
        "in some accounts only (2)",
        "in all 3 accounts (2)",
    ]
    positions = [out.index(h) for h in headings]
    assert positions == sorted(positions)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_no_line_of_a_section_wraps_back_to_column_0(invoke: Invoke, width: int) -> None:
    def check(lines: list[str]) -> None:
        for previous, line in itertools.pairwise(lines):
            # Only a section's own heading (column 0) may go on in column 0.
            indented = line.startswith("  ") or not previous.startswith(" ")
            assert not line or line[0].isupper() or indented, line

    lines = samples_report(invoke, width)
    check(lines[next(i for i, line in enumerate(lines) if line.startswith("Only in ")) :])
    three = three_report(invoke, "--width", str(width)).splitlines()
    check(
        three[three.index("Missing from exactly one account") : three.index("Pairwise alignment")]
    )


def test_explain_says_why_a_whole_sentence_is_evidence() -> None:
    alias = TopicHit("ukraine", 2, 10, 17, "Ukraine", alias="Ukraine")
    paired = TopicHit("ukraine", 3, 0, 22, "The front line came up.", paired=True)
    other = TopicHit("ukraine", 4, 0, 9, "The war.", other_words=True)
    assert describe_hit(alias) == '"Ukraine" matched "Ukraine" in sentence 2'
    assert describe_hit(paired) == (
        "sentence 3 answers the other readout's point on it (paired with it)"
    )
    assert describe_hit(other) == "sentence 4 says it in other words"


def test_names_and_points_no_topic_covers_are_counted_and_listed_apart() -> None:
    samples = Path(__file__).resolve().parent.parent / "samples"
    report = pipeline.compare(
        reading.read_readout(str(samples / "kremlin.txt")),
        reading.read_readout(str(samples / "whitehouse.txt")),
    )
    point = next(t for t in report.topics if t.topic.kind is TopicKind.SUBJECT)
    name = TopicDiff(
        topic=Topic(id="adhoc:astana-format", label="Astana Format", kind=TopicKind.ADHOC),
        side=Side.ONLY_B,
        hits_a=(),
        hits_b=point.hits_a,
    )
    both = replace(report, topics=(*report.topics, name))
    assert verdict(both).endswith(
        "; 1 name no topic covers: 1 only in whitehouse; 1 point no topic covers: 1 only in kremlin"
    )
    titles = [title for title, _, _ in table_sections(both)]
    assert titles[-2:] == ["names no topic covers", "points no topic covers"]
    assert [d.topic.id for d in table_sections(both)[-1][1]] == [point.topic.id]
