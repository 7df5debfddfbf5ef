"""Third countries as topics (:mod:`readout_diff.countries`)."""

from __future__ import annotations

from readout_diff import countries, pipeline, reading
from readout_diff.model import Report, Side, TopicKind

OPENING_A = "Prime Minister Kishida held a telephone talk with President Biden. "
OPENING_B = "President Biden spoke with Prime Minister Kishida of Japan. "


def compare(text_a: str, text_b: str) -> Report:
    return pipeline.compare(
        reading.readout_from_text(OPENING_A + text_a, "tokyo"),
        reading.readout_from_text(OPENING_B + text_b, "washington"),
    )


def third(report: Report) -> dict[str, Side]:
    return {
        d.topic.label: d.side for d in report.topics if d.topic.id.startswith(countries.ID_PREFIX)
    }


def test_a_third_country_the_call_discusses_is_a_topic() -> None:
    report = compare(
        "They agreed to cooperate closely on issues concerning China.",
        "The leaders discussed climate change.",
    )
    assert third(report) == {"China": Side.ONLY_A}
    (china,) = [d for d in report.topics if d.topic.label == "China"]
    assert china.topic.kind is TopicKind.ADHOC
    assert [h.text for h in china.hits_a] == ["China"]


def test_a_mention_on_the_other_side_makes_it_shared() -> None:
    report = compare(
        "They agreed to cooperate closely on issues concerning China.",
        "The President noted that China's conduct worried him.",
    )
    assert third(report) == {"China": Side.BOTH}


def test_the_parties_and_a_country_named_in_passing_are_not_topics() -> None:
    report = compare(
        "The two leaders agreed that Japan and the United States will work together.",
        "He looked forward to welcoming the Prime Minister, who studied in China, soon.",
    )
    assert third(report) == {}


def test_items_of_a_list_of_priorities_are_topics_of_their_own() -> None:
    report = compare(
        "They discussed climate change.",
        "They agreed to work together on priorities, among them China, Russia and the Sahel.",
    )
    assert third(report) == {"China": Side.ONLY_B, "Russia": Side.ONLY_B}


def test_a_side_of_a_named_conflict_is_not_a_third_country() -> None:
    report = compare(
        "They discussed the war between Russia and Ukraine.",
        "They discussed many topics including Ukraine/Russia and trade.",
    )
    assert third(report) == {}


def test_russian_nouns_count_and_adjectives_do_not() -> None:
    found = {c.code: c for c in countries.countries()}
    assert found["cn"].pattern.search("по вопросам, касающимся Китая")
    assert not found["cn"].pattern.search("Китайская сторона заявила")


def test_countries_file_names_every_country_once() -> None:
    codes = [c.code for c in countries.countries()]
    assert len(codes) == len(set(codes))
    assert all(c.label and c.pattern.pattern for c in countries.countries())
