"""The archive overview: calls in date order, the grid, counts per side and year, tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readout_diff import pipeline, topicpacks
from readout_diff.model import Report, Side
from readout_diff.overview import (
    ABSENT,
    ONLY_B,
    PASSING_A,
    PASSING_B,
    Call,
    CallTopic,
    Failure,
    build_overview,
    call_from_report,
    long_table,
    summary_json,
)
from readout_diff.render import render
from readout_diff.render.csv import PASSING_STATUS

KR, WH = "Kremlin", "White House"


def _call(name: str, date: str | None, statuses: dict[str, str], a: str = KR, b: str = WH) -> Call:
    topics = tuple(
        CallTopic(
            id=t,
            label=t.title(),
            status=s,
            example_a=f"{name} A on {t}.",
            example_b=f"{name} B on {t}.",
        )
        for t, s in statuses.items()
    )
    return Call(name=name, date=date, side_a=a, side_b=b, topics=topics)


@pytest.fixture
def calls() -> list[Call]:
    return [
        _call("late", "2025-02-12", {"ukraine": "both", "navalny": "only_b"}),
        _call("undated", None, {"climate": "only_a"}),
        _call("early", "2021-01-26", {"arms": "only_a", "navalny": "only_b", "ukraine": "both"}),
        # The same dyad with the sides the other way round.
        _call("swapped", "2021-06-16", {"arms": "only_b", "navalny": "only_a"}, a=WH, b=KR),
    ]


def test_overview_orders_calls_by_date_with_the_undated_last(calls: list[Call]) -> None:
    overview = build_overview(calls)
    assert [c.name for c in overview.calls] == ["early", "swapped", "late", "undated"]
    assert overview.years == ("2021", "2025", "undated")
    assert overview.dyads == ("Kremlin – White House",)


def test_overview_grid_has_every_topic_of_every_call(calls: list[Call]) -> None:
    overview = build_overview(calls)
    grid = overview.grid()
    assert len(grid) == 4 * 4
    for call in calls:
        for topic in overview.topics:
            assert grid[call.name, topic.id] == call.status(topic.id)
    assert grid["undated", "navalny"] == ABSENT


def test_overview_counts_who_raised_a_topic_alone_by_name_not_by_position(
    calls: list[Call],
) -> None:
    topics = {t.id: t for t in build_overview(calls).topics}
    assert dict(topics["navalny"].alone) == {WH: 3}
    assert dict(topics["arms"].alone) == {KR: 2}
    assert topics["ukraine"].alone == () and topics["ukraine"].both == 2
    assert dict(topics["navalny"].by_year) == {
        "2021": ((WH, 2),),
        "2025": ((WH, 1),),
        "undated": (),
    }
    # Rows: most often one-sided first.
    assert build_overview(calls).topics[0].id == "navalny"


def test_overview_lists_per_side_the_topics_it_raised_alone_with_examples(
    calls: list[Call],
) -> None:
    overview = build_overview(calls)
    sides = {s.side: s for s in overview.sides}
    assert sides[WH].calls == 4
    top = sides[WH].topics[0]
    assert (top.id, top.count) == ("navalny", 3)
    # Latest call first; the sentence is the one from the side that raised it.
    assert [overview.calls[e.call].name for e in top.examples] == ["late", "swapped", "early"]
    assert [e.sentence for e in top.examples] == [
        "late B on navalny.",
        "swapped A on navalny.",
        "early B on navalny.",
    ]
    assert [t.id for t in sides[KR].topics] == ["arms", "climate"]


def test_long_table_reads_with_csv_and_pivots_to_the_grid(calls: list[Call]) -> None:
    overview = build_overview(calls)
    rows = list(csv.DictReader(io.StringIO(long_table(overview))))
    assert list(rows[0])[:4] == ["call", "date", "topic", "status"]
    pivot: dict[tuple[str, str], str] = {}
    for row in rows:
        assert (row["call"], row["topic"]) not in pivot
        pivot[row["call"], row["topic"]] = row["status"]
    assert pivot == overview.grid()
    assert [r["call"] for r in rows[:: len(overview.topics)]] == [c.name for c in overview.calls]
    lines = long_table(overview, jsonl=True).splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_summary_json_carries_the_grid_and_is_stable(calls: list[Call]) -> None:
    overview = build_overview(calls, [Failure("bad", "bad/a.txt: no such file")])
    text = summary_json(overview)
    assert text == summary_json(build_overview(reversed(calls), overview.failed))
    doc = json.loads(text)
    names = [c["name"] for c in doc["calls"]]
    for topic in doc["topics"]:
        for name, status in zip(names, topic["statuses"], strict=True):
            assert overview.grid()[name, topic["id"]] == status
    assert doc["failed"] == [{"name": "bad", "error": "bad/a.txt: no such file"}]
    white_house = next(s for s in doc["sides"] if s["side"] == WH)
    assert white_house["alone"][0]["examples"][0] == {
        "call": "late",
        "date": "2025-02-12",
        "text": "late B on navalny.",
    }


def test_call_from_report_reads_the_json_report(compare_texts: Callable[..., Report]) -> None:
    report = compare_texts(
        "The leaders discussed New START. They touched on Ukraine.",
        "Ukraine was discussed. The poisoning of Alexei Navalny was raised. The NATO Council met.",
    )
    doc: dict[str, Any] = json.loads(render(report, "json"))
    call = call_from_report(doc, "c", date="2021-01-26", side_a=KR, side_b=WH)
    assert {t.id: t.status for t in call.topics} == {
        "arms-control": "only_a",
        "ukraine": "both",
        "navalny": "only_b",
    }  # the ad-hoc "NATO Council" is left out
    navalny = next(t for t in call.topics if t.id == "navalny")
    assert navalny.example_b == "The poisoning of Alexei Navalny was raised."
    assert navalny.example_a == ""
    assert (call.side_a, call.side_b, call.year) == (KR, WH, "2021")
    plain = call_from_report(doc, "c")
    assert (plain.side_a, plain.side_b, plain.date) == ("a", "b", None)


def _passing_report(passing: list[dict[str, Any]], names: tuple[str, str] = ("a", "b")) -> dict:
    """A JSON report (only what the overview reads) with one shared topic and ``passing``."""
    return {
        "readouts": [
            {"name": names[0], "sentences": [{"index": 0, "text": "Trade was discussed."}]},
            {
                "name": names[1],
                "sentences": [
                    {"index": 0, "text": "Trade was discussed."},
                    {"index": 1, "text": "On trade, in line with the Geneva accords."},
                ],
            },
        ],
        "topics": [{"id": "trade", "label": "Trade", "kind": "pack", "status": "both"}],
        "passing": passing,
    }


def test_call_from_report_gives_a_passing_mention_its_own_status() -> None:
    entry = {
        "id": "geneva",
        "label": "Geneva",
        "kind": "pack",
        "mentioned_in": "b",
        "evidence": [{"readout": "b", "sentence": 1, "text": "Geneva"}],
    }
    call = call_from_report(_passing_report([entry]), "c", side_a=KR, side_b=WH)
    assert {t.id: t.status for t in call.topics} == {"trade": "both", "geneva": PASSING_B}
    geneva = call.topics[-1]
    assert geneva.example_a == ""
    assert geneva.example_b == "On trade, in line with the Geneva accords."
    assert call.status("geneva") == PASSING_B != ABSENT
    assert call.alone(geneva) is None and call.in_passing(geneva) == WH
    swapped = call_from_report(_passing_report([{**entry, "mentioned_in": "a"}]), "c")
    assert swapped.status("geneva") == PASSING_A


def test_call_from_report_leaves_out_passing_names_it_cannot_place() -> None:
    adhoc = {"id": "adhoc:izmail", "label": "Izmail", "kind": "adhoc", "mentioned_in": "a"}
    # A report written before passing entries had a kind: told apart by the id.
    old_pack = {"id": "geneva", "label": "Geneva", "mentioned_in": "a"}
    old_adhoc = {"id": "country:ua", "label": "Ukraine", "mentioned_in": "a"}
    call = call_from_report(_passing_report([adhoc, old_pack, old_adhoc]), "c")
    assert {t.id: t.status for t in call.topics} == {"trade": "both", "geneva": PASSING_A}
    # Two readouts of the same name: which one mentioned it cannot be told.
    same = call_from_report(_passing_report([old_pack], names=("x", "x")), "c")
    assert same.status("geneva") == ABSENT
    # A report with no passing list at all (schema 2) still reads.
    doc = _passing_report([])
    del doc["passing"]
    assert [t.id for t in call_from_report(doc, "c").topics] == ["trade"]


def test_call_from_report_reads_a_real_reports_passing_mention(
    compare_texts: Callable[..., Report],
) -> None:
    folder = Path(__file__).resolve().parent / "fixtures" / "judgement"
    pack = topicpacks.parse_pack((folder / "pack.toml").read_text("utf-8"), "judgement.toml")
    report = compare_texts(
        (folder / "a.txt").read_text("utf-8"),
        (folder / "b.txt").read_text("utf-8"),
        pipeline.Options(pack=pack, adhoc=False),
    )
    doc: dict[str, Any] = json.loads(render(report, "json"))
    assert [(p["id"], p["kind"], p["mentioned_in"]) for p in doc["passing"]] == [
        ("turkey", "pack", "b")
    ]
    call = call_from_report(doc, "c", side_a=KR, side_b=WH)
    assert call.status("turkey") == PASSING_B
    turkey = next(t for t in call.topics if t.id == "turkey")
    assert turkey.example_b and not turkey.example_a
    rows = {t.id: t for t in build_overview([call]).topics}
    assert dict(rows["turkey"].passing) == {WH: 1} and rows["turkey"].alone == ()


@pytest.fixture
def passing_calls() -> list[Call]:
    return [
        _call("one", "2021-01-26", {"arms": "only_a", "geneva": PASSING_B}),
        _call("two", "2022-01-26", {"arms": "both", "geneva": PASSING_A}),
        _call("three", "2023-01-26", {"geneva": PASSING_B}, a=WH, b=KR),  # sides swapped
        _call("four", "2024-01-26", {"geneva": "only_b"}),
    ]


def test_overview_counts_passing_mentions_apart_from_alone_and_both(
    passing_calls: list[Call],
) -> None:
    overview = build_overview(passing_calls)
    topics = {t.id: t for t in overview.topics}
    geneva = topics["geneva"]
    assert geneva.statuses == (PASSING_B, PASSING_A, PASSING_B, ONLY_B)
    assert dict(geneva.alone) == {WH: 1}  # "four" only: passing is not one-sided
    assert geneva.both == 0  # nor shared
    assert dict(geneva.passing) == {WH: 1, KR: 2}  # by name: "three" has KR as B
    assert geneva.mentioned == 1
    assert dict(geneva.by_year) == {
        "2021": (),
        "2022": (),
        "2023": (),
        "2024": ((WH, 1),),
    }
    assert topics["arms"].passing == ()
    sides = {s.side: s for s in overview.sides}
    assert [(t.id, t.count) for t in sides[WH].topics] == [("geneva", 1)]
    assert [(t.id, t.count) for t in sides[KR].topics] == [("arms", 1)]
    assert overview.grid()["three", "geneva"] == PASSING_B


def test_summaries_carry_passing_mentions_and_keep_their_keys(passing_calls: list[Call]) -> None:
    overview = build_overview(passing_calls)
    doc = json.loads(summary_json(overview))
    geneva = next(t for t in doc["topics"] if t["id"] == "geneva")
    assert list(geneva) == [
        "id",
        "label",
        "mentioned",
        "both",
        "alone",
        "by_year",
        "statuses",
        "passing",
    ]
    assert geneva["statuses"] == ["passing_b", "passing_a", "passing_b", "only_b"]
    assert (geneva["alone"], geneva["both"], geneva["mentioned"]) == ({WH: 1}, 0, 1)
    assert geneva["passing"] == {WH: 1, KR: 2}
    rows = list(csv.DictReader(io.StringIO(long_table(overview))))
    assert [r["status"] for r in rows if r["topic"] == "geneva"] == geneva["statuses"]


def test_overview_passing_statuses_are_the_csv_reports() -> None:
    assert (PASSING_STATUS[Side.ONLY_A], PASSING_STATUS[Side.ONLY_B]) == (PASSING_A, PASSING_B)
