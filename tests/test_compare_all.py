"""Three or more accounts judged as two are (:func:`readout_diff.pipeline.compare_all`):
issue-level topics a pair at a time, sub-issues as their issue's details."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import pipeline, reading
from readout_diff.model import MultiReport
from readout_diff.render import html
from readout_diff.render import json as json_report
from readout_diff.render import text as render_text
from readout_diff.render.common import Style

ROOT = Path(__file__).resolve().parent.parent


def many(*paths: str) -> MultiReport:
    return pipeline.compare_all([reading.read_readout(str(ROOT / p)) for p in paths])


@pytest.fixture(scope="module")
def samples_three_way() -> MultiReport:
    return many("samples/kremlin.txt", "samples/kremlin_ru.txt", "samples/whitehouse.txt")


def test_three_accounts_get_the_verdicts_two_of_them_get(samples_three_way: MultiReport) -> None:
    pair = pipeline.compare(
        reading.read_readout(str(ROOT / "samples/kremlin.txt")),
        reading.read_readout(str(ROOT / "samples/whitehouse.txt")),
    )
    matrix = {t.topic.id: t.present for t in samples_three_way.topics}
    for diff in pair.topics:
        if diff.topic.kind.value == "pack":
            kremlin, _, whitehouse = matrix[diff.topic.id]
            assert (kremlin, whitehouse) == tuple(bool(h) for h in diff.hits), diff.topic.id
    # The seed's verdict, at issue level, with the Russian text beside the English one.
    assert {t.topic.id for t in samples_three_way.topics if t.missing == (2,)} == {
        "congratulations",
        "covid-19",
        "trade",
        "iran-nuclear",
        "un-security-council",
    }
    assert {"navalny", "cyber", "election-interference", "afghanistan"} <= {
        t.topic.id for t in samples_three_way.topics if t.missing == (0, 1)
    }
    shared = {t.topic.id for t in samples_three_way.topics if t.status == "all"}
    assert {"new-start", "ukraine", "contacts"} <= shared


@pytest.fixture(scope="module")
def three() -> MultiReport:
    return many(
        "samples/three/bundesregierung.txt", "samples/three/elysee.txt", "samples/three/kremlin.txt"
    )


def test_a_sub_issue_some_accounts_raise_is_a_detail_of_its_issue(three: MultiReport) -> None:
    report = three
    ids = {t.topic.id for t in report.topics}
    assert "nuclear-plant" not in ids and "ukraine" in ids
    ukraine = next(t for t in report.topics if t.topic.id == "ukraine")
    plant = next(d for d in ukraine.details if d.topic.id == "nuclear-plant")
    assert plant.present == (True, True, False) and plant.status == "missing_one"
    assert all(h.topic_id == "nuclear-plant" for hits in plant.hits for h in hits)
    data = json_report.many_to_dict(report)
    (topic,) = [t for t in data["topics"] if t["id"] == "ukraine"]
    (detail,) = [d for d in topic["details"] if d["id"] == "nuclear-plant"]
    assert detail["present_in"] == ["bundesregierung", "elysee"]
    assert detail["status"] == "missing_one"
    assert {e["readout"] for e in detail["evidence"]} == {"bundesregierung", "elysee"}
    assert set(topic["presence"].values()) == {"discussed"}


def test_the_pages_of_three_accounts_show_a_detail_under_its_issue(three: MultiReport) -> None:
    report = three
    page = html.render_many(report, Style())
    row = page.index('<tr class="detail">')
    assert page.index('data-topic-id="ukraine"') < row
    assert "detail: only bundesregierung and elysee raise it" in page
    text = render_text.render_many(report, Style(color=False))
    assert (
        "War in Ukraine and its settlement: only kremlin mentions Military aid and support for "
        "Ukraine" in " ".join(text.split())
    )


def test_an_account_with_a_topic_only_in_passing_is_marked_so_and_counts_as_present() -> None:
    texts = {
        "kremlin": "Vladimir Putin and Joe Biden spoke by telephone.\n"
        "The presidents discussed bilateral relations and the situation in Ukraine.\n",
        "whitehouse": "President Biden spoke with President Putin.\n"
        "The leaders reviewed the state of bilateral relations and the war in Ukraine.\n",
        "kanzler": "Chancellor Scholz spoke with President Putin.\n"
        "They discussed the war in Ukraine and agreed to work together.\n",
    }
    report = pipeline.compare_all([reading.readout_from_text(t, n) for n, t in texts.items()])
    relations = next(t for t in report.topics if t.topic.id == "bilateral-relations")
    # "work together" is a weak alias: a passing mention, present, never a gap.
    assert relations.status == "all"
    assert [p.value for p in relations.presence] == ["discussed", "discussed", "passing"]
    data = json_report.many_to_dict(report)
    (topic,) = [t for t in data["topics"] if t["id"] == "bilateral-relations"]
    assert topic["presence"]["kanzler"] == "passing"
    row = next(
        line
        for line in render_text.render_many(report, Style()).splitlines()
        if line.strip().startswith("State of relations")
    )
    assert row.split()[-3:] == ["●", "●", "◦"]
    assert "in passing</small>" in html.render_many(report, Style())
