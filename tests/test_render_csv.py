"""The CSV report's issue-level columns: presence, details, other words, passing rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from readout_diff import pipeline, topicpacks
from readout_diff.model import Report
from readout_diff.render import render
from readout_diff.render.csv import JUDGEMENT_FIELDS, PAIR_FIELDS

# Invented readouts (shared with the HTML report's tests): under the war in Ukraine, arms
# supplies only in A and a prisoner exchange only in B (details); energy shared in other
# words (B's sentence 1 names no alias); Turkey only in passing in B ("Turkish").
JUDGEMENT = Path(__file__).resolve().parent / "fixtures" / "judgement"
# The columns of the CSV report before the judgement's were added, which a sheet may read
# by position.
FIRST_COLUMNS = (
    "id",
    "label",
    "group",
    "kind",
    "status",
    *(
        f"{side}_{f}"
        for side in "ab"
        for f in ("readout", "share", "rank", "actors", "acts", "sentences", "evidence")
    ),
    "act_differs",
    "actor_differs",
)


@pytest.fixture(scope="module")
def judgement(compare_texts: Callable[..., Report]) -> Report:
    pack = topicpacks.parse_pack((JUDGEMENT / "pack.toml").read_text("utf-8"), "judgement.toml")
    return compare_texts(
        (JUDGEMENT / "a.txt").read_text("utf-8"),
        (JUDGEMENT / "b.txt").read_text("utf-8"),
        pipeline.Options(pack=pack, adhoc=False),
        name_a="kremlin",
        name_b="whitehouse",
    )


def _rows(report: Report) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(render(report, "csv")))}


def test_csv_keeps_the_first_columns_in_place_and_adds_the_judgement_last() -> None:
    assert PAIR_FIELDS[: len(FIRST_COLUMNS)] == FIRST_COLUMNS
    assert PAIR_FIELDS[len(FIRST_COLUMNS) :] == JUDGEMENT_FIELDS


def test_csv_lists_each_sides_details_under_the_shared_issue(judgement: Report) -> None:
    war = _rows(judgement)["war"]
    assert war["status"] == "both"
    assert (war["a_details"], war["b_details"]) == ("Arms supplies [0]", "Prisoner exchanges [0]")
    assert (war["a_presence"], war["b_presence"]) == ("discussed", "discussed")


def test_csv_names_the_side_that_says_an_issue_in_other_words_and_the_confidence(
    judgement: Report,
) -> None:
    energy_diff = next(t for t in judgement.topics if t.topic.id == "energy")
    assert energy_diff.confidence is not None
    rows = _rows(judgement)
    energy = rows["energy"]
    assert energy["in_other_words"] == "whitehouse [1]"
    assert energy["other_words_confidence"] == f"{energy_diff.confidence:.3f}"
    assert (rows["war"]["in_other_words"], rows["war"]["other_words_confidence"]) == ("", "")


def test_csv_puts_a_passing_mention_after_the_topics_never_as_one_sided(
    judgement: Report,
) -> None:
    rows = list(csv.DictReader(io.StringIO(render(judgement, "csv"))))
    assert [(r["id"], r["status"]) for r in rows] == [
        ("war", "both"),
        ("energy", "both"),
        ("grain", "only_b"),
        ("turkey", "passing_b"),
    ]
    turkey = rows[-1]
    assert (turkey["a_readout"], turkey["b_readout"]) == ("kremlin", "whitehouse")
    assert (turkey["a_sentences"], turkey["a_evidence"]) == ("", "")
    assert turkey["b_sentences"] == "2"
    assert turkey["b_evidence"] == "[2] They talked about grain shipments through Turkish ports."
    assert (turkey["a_presence"], turkey["b_presence"]) == ("absent", "passing")
    assert (turkey["b_share"], turkey["b_rank"], turkey["act_differs"]) == ("", "", "")


def test_csv_of_a_report_without_judgement_findings_leaves_those_cells_empty(
    compare_texts: Callable[..., Report],
) -> None:
    report = compare_texts("The leaders discussed Ukraine.", "They discussed Navalny.")
    rows = _rows(report)
    assert set(rows) == {"ukraine", "navalny"}
    for row in rows.values():
        assert [row[f] for f in JUDGEMENT_FIELDS[2:]] == ["", "", "", ""]
    assert (rows["ukraine"]["a_presence"], rows["ukraine"]["b_presence"]) == (
        "discussed",
        "absent",
    )
