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
    assert data["schema_version"] == 2
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
