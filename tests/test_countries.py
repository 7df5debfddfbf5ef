"""Third countries as topics (:mod:`readout_diff.countries`)."""

from __future__ import annotations

from readout_diff import countries, pipeline, reading, topics
from readout_diff.model import Readout, Report, Side, TopicKind

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


# Three accounts of one (invented) trilateral call: Seoul's opening alone names South
# Korea's leader, Washington's discusses South Korea and China, Tokyo's China.
TRILATERAL = (
    (
        "Prime Minister Kishida held a telephone talk with President Biden. "
        "They agreed to cooperate closely on issues concerning China.",
        "tokyo",
    ),
    (
        "President Biden spoke with Prime Minister Kishida of Japan. "
        "The leaders discussed security in the region, including South Korea and China.",
        "washington",
    ),
    (
        "President Yoon Suk Yeol held a call with President Biden. They discussed the economy.",
        "seoul",
    ),
)


def _trilateral() -> list[Readout]:
    return [reading.readout_from_text(text, name) for text, name in TRILATERAL]


def test_three_accounts_get_the_third_countries_with_presence_in_each() -> None:
    report = pipeline.compare_all(_trilateral())
    found = {t.topic.id: t for t in report.topics if t.topic.id.startswith(countries.ID_PREFIX)}
    assert list(found) == ["country:cn"]
    china = found["country:cn"]
    assert china.topic.kind is TopicKind.ADHOC and china.topic.label == "China"
    assert china.present == (True, True, False) and china.status == "missing_one"
    assert [h.text for h in china.hits[1]] == ["China"]


def test_a_party_one_account_names_is_a_party_for_all() -> None:
    tokyo, washington, seoul = _trilateral()
    # Two of the accounts alone would make South Korea a third country ...
    pair = pipeline.compare(tokyo, washington, pipeline.Options(verdicts=False))
    assert third(pair) == {"China": Side.BOTH, "South Korea": Side.ONLY_B}
    # ... but Seoul's account names its leader as a party of the call.
    tagged = [pipeline.tag_readout(r, topics.builtin_pack()) for r in (tokyo, washington, seoul)]
    assert countries.call_parties(tagged) == {"jp", "us", "kr"}
    assert countries.call_parties(tagged[:2]) == {"jp", "us"}
    assert countries.call_parties(tagged[2:]) == {"kr", "us"}


def test_three_accounts_without_adhoc_have_no_country_topics() -> None:
    report = pipeline.compare_all(_trilateral(), pipeline.Options(adhoc=False))
    assert not any(t.topic.id.startswith(countries.ID_PREFIX) for t in report.topics)


def test_the_situation_in_a_country_makes_it_a_subject() -> None:
    report = compare(
        "The two leaders shared their concern over the situation in Bangladesh.",
        "The leaders discussed climate change.",
    )
    assert third(report) == {"Bangladesh": Side.ONLY_A}


def test_a_country_written_in_capitals_is_no_named_thing_of_its_own() -> None:
    report = compare(
        "They discussed climate change.",
        "The leaders affirmed the strength of the U.S.-ROK alliance and discussed climate change.",
    )
    assert not any(d.topic.label == "ROK" for d in report.topics)
    assert "ROK" in countries.country_acronyms() and "UAE" in countries.country_acronyms()
