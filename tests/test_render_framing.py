"""The analyst's columns in every format: JSON fields here, the others as they land."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from readout_diff.model import Report
from readout_diff.render import render

KREMLIN = (
    "Telephone conversation with President Biden\n"
    "Vladimir Putin had a telephone conversation with Joseph Biden. "
    "The sides agreed on a halt to strikes on energy infrastructure in Ukraine. "
    "The conversation was businesslike and frank."
)
WHITE_HOUSE = (
    "Readout of President Biden's Call with President Putin\n"
    "President Biden spoke with President Putin. "
    "The leaders discussed a halt to strikes on energy infrastructure in Ukraine. "
    "President Biden raised Navalny."
)


@pytest.fixture(scope="module")
def report(compare_texts: Callable[..., Report]) -> Report:
    return compare_texts(KREMLIN, WHITE_HOUSE, name_a="kremlin", name_b="whitehouse")


def test_json_carries_actor_act_tone_share_and_rank(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == 6
    assert data["call"] == {"initiator": "", "duration": ""}
    kremlin, whitehouse = data["readouts"]
    assert kremlin["tone"] == ["businesslike", "frank"] and whitehouse["tone"] == []
    assert (kremlin["leader"], kremlin["counterpart"]) == ("Putin", "Biden")
    assert [(s["actor"], s["act"]) for s in whitehouse["sentences"][1:]] == [
        ("b", "discuss"),
        ("both", "discuss"),
        ("b", "discuss"),
    ]
    navalny = next(t for t in data["topics"] if t["id"] == "navalny")
    assert navalny["framing"][1] == {
        "readout": "whitehouse",
        "share": round(4 / 22, 3),
        "rank": 2,
        "actors": ["b"],
        "acts": ["discuss"],
    }
    assert navalny["framing"][0]["rank"] is None
    flagged = [g for g in data["alignment"] if g["act_differs"]]
    assert [(g["acts"], g["actor_differs"]) for g in flagged] == [
        ({"a": ["agree"], "b": ["discuss"]}, False)
    ]


def test_text_shows_who_and_what_within_80_columns(report: Report) -> None:
    from readout_diff.render import Style

    text = render(report, "text", Style(width=80))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "call: kremlin: talks businesslike and frank;" in text
    assert "(whitehouse: discuss) President Biden raised *Navalny*." in text
    assert "by whitehouse: discuss" in text
    assert "≠act" in text and "● 18% #2" in text


def test_csv_reads_back_one_row_per_topic_with_both_sides(report: Report) -> None:
    import csv
    import io

    from readout_diff.render.csv import PAIR_FIELDS

    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert tuple(rows[0]) == PAIR_FIELDS
    assert [r["id"] for r in rows] == [t.topic.id for t in report.topics]
    ukraine = next(r for r in rows if r["id"] == "ukraine")
    assert (ukraine["a_readout"], ukraine["b_readout"]) == ("kremlin", "whitehouse")
    assert (ukraine["a_actors"], ukraine["a_acts"]) == ("both", "agree")
    assert (ukraine["b_actors"], ukraine["b_acts"]) == ("both", "discuss")
    assert ukraine["a_evidence"].startswith("[2] The sides agreed on a halt")
    assert (ukraine["act_differs"], ukraine["actor_differs"]) == ("yes", "")
    navalny = next(r for r in rows if r["id"] == "navalny")
    assert (navalny["status"], navalny["a_share"], navalny["b_rank"]) == ("only_b", "", "2")
    assert navalny["b_actors"] == "whitehouse"


def test_csv_on_the_samples_keeps_multiline_evidence_and_the_done_means(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import csv
    import io
    from pathlib import Path

    from click.testing import CliRunner

    from readout_diff.cli import cli

    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    result = CliRunner().invoke(cli, ["-f", "csv", "samples/kremlin.txt", "samples/whitehouse.txt"])
    assert result.exit_code == 1
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    for topic_id in ("navalny", "cyber", "election-interference", "afghanistan"):
        assert rows[topic_id]["b_actors"] == "whitehouse", topic_id
    assert "agree" in rows["new-start"]["a_acts"].split("; ")
    assert "agree" in rows["new-start"]["b_acts"].split("; ")
    contacts = rows["contacts"]["b_evidence"].split("\n")
    assert [line[:3] for line in contacts] == ["[2]", "[7]"]


def test_csv_for_three_readouts_has_a_column_group_per_readout(
    compare_texts: Callable[..., Report], small_options: object
) -> None:
    import csv
    import io

    from readout_diff import pipeline, reading

    three = pipeline.compare_all(
        [
            reading.readout_from_text(KREMLIN, "kremlin"),
            reading.readout_from_text(WHITE_HOUSE, "whitehouse"),
            reading.readout_from_text("The leaders discussed Ukraine.", "elysee"),
        ],
        small_options,  # type: ignore[arg-type]
    )
    rows = list(csv.DictReader(io.StringIO(render(three, "csv"))))
    ukraine = next(r for r in rows if r["id"] == "ukraine")
    assert (ukraine["status"], ukraine["r3_readout"], ukraine["r3_sentences"]) == (
        "all",
        "elysee",
        "0",
    )


def test_markdown_has_who_what_columns_and_labels(report: Report) -> None:
    md = render(report, "markdown")
    assert "The call: kremlin: talks businesslike and frank;" in md
    assert "| Topic | kremlin | whitehouse | kremlin: who, what | whitehouse: who, what |" in md
    assert "| **Navalny** |  | ✓ 18% #2 |  | whitehouse: discuss |" in md
    assert "*(whitehouse: discuss)* President Biden raised **Navalny**." in md
    assert "| similarity | the accounts differ on |" in md and "| act |" in md
