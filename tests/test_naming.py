"""Ad-hoc topics: named treaties, bodies and acronyms that no pack topic covers."""

from __future__ import annotations

from readout_diff import pipeline, topicpacks, topics
from readout_diff.model import Report, Side, TopicKind
from readout_diff.naming import Name, same_thing
from readout_diff.reading import readout_from_text
from readout_diff.status import pair_status
from readout_diff.topicpacks import TopicPack


def compare(text_a: str, text_b: str, pack: TopicPack, adhoc: bool = True) -> Report:
    return pipeline.compare(
        readout_from_text(text_a, "a"),
        readout_from_text(text_b, "b"),
        pipeline.Options(pack=pack, adhoc=adhoc),
    )


def adhoc(report: Report) -> dict[str, Side]:
    return {t.topic.label: t.side for t in report.topics if t.topic.kind is TopicKind.ADHOC}


def test_naming_reports_a_treaty_only_one_side_names(small_pack: TopicPack) -> None:
    report = compare(
        "The leaders discussed the Caspian Pipeline Consortium and the IAEA.",
        "The leaders discussed the IAEA and climate change.",
        small_pack,
    )
    assert adhoc(report) == {"Caspian Pipeline Consortium": Side.ONLY_A, "IAEA": Side.BOTH}
    topic = next(t for t in report.topics if t.topic.label == "Caspian Pipeline Consortium")
    assert topic.topic.id == "adhoc:caspian-pipeline-consortium"
    (hit,) = topic.hits_a
    assert report.a.readout.text[hit.start : hit.end] == "Caspian Pipeline Consortium"


def test_naming_ignores_people_places_and_the_parties(small_pack: TopicPack) -> None:
    report = compare(
        "President Xi met Secretary Blinken in San Francisco. The PRC and the USA spoke.",
        "The two leaders spoke by phone.",
        small_pack,
    )
    assert adhoc(report) == {}


def test_naming_leaves_names_a_pack_topic_covers_to_the_pack(small_pack: TopicPack) -> None:
    report = compare("They discussed New START.", "They discussed climate change.", small_pack)
    assert adhoc(report) == {}
    assert {t.topic.id for t in report.only_a} == {"arms-control"}


def test_naming_matches_a_shorter_form_of_the_same_name_as_shared(
    small_pack: TopicPack,
) -> None:
    report = compare(
        "They discussed a summit of the Security Council.",
        "They discussed the UN Security Council.",
        small_pack,
    )
    assert adhoc(report) == {"Security Council": Side.BOTH}


def test_naming_counts_a_name_written_in_lowercase_on_the_other_side(
    small_pack: TopicPack,
) -> None:
    report = compare(
        "They discussed the Grain Deal.",
        "They agreed that the grain deal must be preserved.",
        small_pack,
    )
    assert adhoc(report) == {}


def test_naming_matches_an_acronym_with_its_spelled_out_name() -> None:
    spelled = Name(text="Open Skies Treaty", key="open skies treaty", sentence=0, start=0, end=1)
    acronym = Name(text="OST", key="ost", sentence=0, start=0, end=1)
    assert same_thing(spelled, acronym)
    assert not same_thing(acronym, Name(text="OSCE", key="osce", sentence=0, start=0, end=1))


def test_naming_is_off_across_languages_and_when_asked(small_pack: TopicPack) -> None:
    text = "The leaders discussed the Caspian Pipeline Consortium."
    assert adhoc(compare(text, "Лидеры обсудили изменение климата.", small_pack)) == {}
    assert adhoc(compare(text, "They discussed climate change.", small_pack, adhoc=False)) == {}


def test_naming_topics_count_for_the_exit_status(small_pack: TopicPack) -> None:
    report = compare(
        "They discussed climate change and the Astana Format.",
        "They discussed climate change.",
        small_pack,
    )
    assert pair_status(report) == 1
    same = compare("They discussed climate change.", "They discussed climate change.", small_pack)
    assert pair_status(same) == 0


def test_naming_topics_are_kept_apart_from_pack_topics_in_every_report(
    small_pack: TopicPack,
) -> None:
    import json

    from readout_diff.render import render

    report = compare(
        "They discussed climate change and the Astana Format.",
        "They discussed climate change.",
        small_pack,
    )
    text = render(report, "text")
    assert text.index("in both (1)") < text.index("names no topic covers (1)")
    assert "Astana Format  (a name no topic covers)" in text
    markdown = render(report, "markdown")
    assert "| *names no topic covers (1)* | | |" in markdown
    kinds = {t["label"]: t["kind"] for t in json.loads(render(report, "json"))["topics"]}
    assert kinds == {"Climate change": "pack", "Astana Format": "adhoc"}


def test_naming_cuts_a_persons_name_off_the_institution(small_pack: TopicPack) -> None:
    report = compare(
        "He spoke with President of the European Commission Ursula von der Leyen.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {"European Commission": Side.ONLY_A}


def test_naming_finds_an_institutional_noun_inside_a_name(small_pack: TopicPack) -> None:
    report = compare(
        "They discussed the Joint Comprehensive Plan of Action and the Council of Europe.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {
        "Joint Comprehensive Plan of Action": Side.ONLY_A,
        "Council of Europe": Side.ONLY_A,
    }


def test_naming_keeps_what_follows_of_the(small_pack: TopicPack) -> None:
    report = compare(
        "They met under the Presidency of the Council of the EU.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {"Council of the EU": Side.ONLY_A}


def test_naming_takes_names_with_and_of_hyphens_and_lowercase_joins_whole(
    small_pack: TopicPack,
) -> None:
    report = compare(
        "The ministers praised the Belt and Road Initiative and the Three Seas Initiative. "
        "They met at the Organization for Security and Co-operation in Europe and urged "
        "entry into force of the Comprehensive Nuclear-Test-Ban Treaty. They discussed "
        "the Collective Security Treaty Organization.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {
        "Belt and Road Initiative": Side.ONLY_A,
        "Three Seas Initiative": Side.ONLY_A,
        "Organization for Security and Co-operation in Europe": Side.ONLY_A,
        "Comprehensive Nuclear-Test-Ban Treaty": Side.ONLY_A,
        # two institutional nouns next to each other are one name
        "Collective Security Treaty Organization": Side.ONLY_A,
    }


def test_naming_takes_russian_names_whole(small_pack: TopicPack) -> None:
    report = compare(
        "Стороны обсудили Договор о всеобъемлющем запрещении ядерных испытаний и изменение "
        "климата.",
        "Стороны обсудили изменение климата.",
        small_pack,
    )
    assert adhoc(report) == {"Договор о всеобъемлющем запрещении ядерных испытаний": Side.ONLY_A}


def test_naming_a_spelled_out_name_and_its_acronym_are_one_adhoc_topic(
    small_pack: TopicPack,
) -> None:
    # across the two readouts, the acronym derived from the name's initials
    report = compare(
        "They called for the entry into force of the Comprehensive Nuclear-Test-Ban Treaty.",
        "They discussed the CTBT and climate change.",
        small_pack,
    )
    assert adhoc(report) == {"Comprehensive Nuclear-Test-Ban Treaty": Side.BOTH}
    # in one readout, with the acronym in brackets or without it
    report = compare(
        "They discussed the Collective Security Treaty Organization (CSTO). The CSTO will "
        "meet soon. They praised the Wider Grain Council; the WGC met twice.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {
        "Collective Security Treaty Organization": Side.ONLY_A,
        "Wider Grain Council": Side.ONLY_A,
    }
    # the acronym written first, the name on the other side: the name is the label
    report = compare(
        "Лидеры обсудили ОДКБ.",
        "Лидеры обсудили работу Организации Договора о коллективной безопасности.",
        small_pack,
    )
    assert adhoc(report) == {"Организации Договора о коллективной безопасности": Side.BOTH}


def test_naming_matches_acronyms_that_skip_one_initial() -> None:
    spelled = Name(
        text="Comprehensive Nuclear-Test-Ban Treaty",
        key="comprehensive nuclear-test-ban treaty",
        sentence=0,
        start=0,
        end=1,
    )
    assert same_thing(spelled, Name(text="CTBT", key="ctbt", sentence=0, start=0, end=1))
    assert not same_thing(spelled, Name(text="CBT", key="cbt", sentence=0, start=0, end=1))


def test_naming_leaves_a_spelled_out_pack_acronym_to_the_pack() -> None:
    report = compare(
        "They discussed the North Atlantic Treaty Organisation.",
        "They discussed NATO.",
        topics.builtin_pack(),
    )
    assert adhoc(report) == {}
    nato = next(t for t in report.topics if t.topic.id == "nato")
    assert nato.side is Side.BOTH
    assert [h.text for h in nato.hits_a] == ["North Atlantic Treaty Organisation"]


def test_naming_does_not_label_an_organisation_as_a_region_inside_its_name() -> None:
    pack = topicpacks.parse_pack(
        '[pack]\nname = "t"\nversion = "1"\n\n[[topic]]\nid = "region"\n'
        'label = "Central Asia"\nen = ["Central Asia"]\n',
        "t.toml",
    )
    report = compare(
        "They discussed the Central Asia Regional Economic Cooperation Programme.",
        "They discussed trade.",
        pack,
    )
    assert adhoc(report) == {"Central Asia Regional Economic Cooperation Programme": Side.ONLY_A}
    assert "region" not in {t.topic.id for t in report.topics}


def test_naming_takes_names_with_against_and_a_possessive_whole(small_pack: TopicPack) -> None:
    report = compare(
        "They discussed the Global Alliance against Hunger and Poverty and the Partnership"
        " for Workers' Rights. He praised the Kremlin's Security Council.",
        "They discussed climate change.",
        small_pack,
    )
    assert set(adhoc(report)) == {
        "Global Alliance against Hunger and Poverty",
        "Partnership for Workers' Rights",
        "Security Council",
    }


def test_naming_leaves_the_issues_own_named_meeting_to_the_pack(small_pack: TopicPack) -> None:
    """A conference on climate change is the climate topic, not a name beside it."""
    report = compare(
        "China supports Brazil in hosting the UN Climate Change Conference.",
        "The leaders discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {}
    assert [(t.topic.id, t.side) for t in report.topics] == [("climate", Side.BOTH)]


def test_naming_leaves_the_csto_out_of_the_builtin_central_asia_topic() -> None:
    report = compare(
        "They discussed the Collective Security Treaty Organization.",
        "They discussed the CSTO.",
        topics.builtin_pack(),
    )
    # The pack now names the CSTO among multilateral bodies: one shared topic, not Central Asia.
    assert [t.side for t in report.topics] == [Side.BOTH]
    assert "kazakhstan-central-asia" not in {t.topic.id for t in report.topics}


def test_naming_leaves_people_out_in_english_and_russian(small_pack: TopicPack) -> None:
    report = compare(
        "Foreign Minister Sergey Lavrov and President Recep Tayyip Erdogan spoke. "
        "Secretary of State Antony Blinken joined.",
        "С.Лавров и Р.Т.Ердоган обсудили изменение климата. Президент Ердоган поблагодарил "
        "В.В.Путина.",
        small_pack,
    )
    assert adhoc(report) == {}
    report = compare(
        "С.Лавров и Р.Т.Ердоган обсудили изменение климата.",
        "Президент Ердоган и Министр иностранных дел С.Лавров обсудили изменение климата.",
        small_pack,
    )
    assert adhoc(report) == {}


def test_naming_ends_a_name_where_a_person_or_title_follows_its_institution(
    small_pack: TopicPack,
) -> None:
    # One capitalised run holds two offices and two people: each institution is its own
    # name, and neither swallows the person between them.
    report = compare(
        "Xi Jinping met via video link with President of the European Council Charles "
        "Michel and President of the European Commission Ursula von der Leyen.",
        "They discussed climate change.",
        small_pack,
    )
    assert adhoc(report) == {"European Council": Side.ONLY_A}
    # The second office is a name of its own: in the same point, a detail of the first.
    (council,) = [t for t in report.topics if t.topic.label == "European Council"]
    assert [d.topic.label for d in council.details] == ["European Commission"]
