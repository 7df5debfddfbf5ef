"""The judging stage: issues and details, passing mentions, paraphrases, unknown subjects."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from handmade import tagged

from readout_diff import judging, pipeline, subjects, topicpacks
from readout_diff.model import Presence, Report, Side, Topic, TopicKind

PACK = """
[[topic]]
id = "war"
label = "War in Ukraine"
en = ["conflict in Ukraine", "war in Ukraine", "Ukrainian crisis", "lasting peace"]
weak.en = ["Ukrainian"]
anchored = true

[[topic]]
id = "arms"
label = "Arms supplies"
parent = "war"
en = ["weapons deliveries", "arms supplies"]

[[topic]]
id = "grain"
label = "Grain exports"
en = ["grain exports", "grain"]

[[topic]]
id = "energy"
label = "Energy"
en = ["gas supplies", "energy"]

[[topic]]
id = "relations"
label = "State of relations"
en = ["bilateral relations"]
consolidate = true

[[topic]]
id = "peace"
label = "World peace"
parent = "relations"
en = ["world peace"]

[[topic]]
id = "sanctions"
label = "Sanctions"
en = ["sanctions"]

[[topic]]
id = "summit"
label = "Summit, visits and invitations"
en = ["summit", "leaders' meeting"]

[[topic]]
id = "charter"
label = "The UN Charter and international law"
en = ["UN Charter", "international law"]
frame = true
"""

Compare = Callable[..., Report]


@pytest.fixture(scope="module")
def options() -> pipeline.Options:
    # The judgement's rules alone: the verdict stage's learned second opinion has its
    # own tests (tests/test_verdicts.py).
    return pipeline.Options(
        pack=topicpacks.parse_pack(PACK, "judging.toml"), adhoc=False, verdicts=False
    )


def ids(diffs: tuple[object, ...]) -> list[str]:
    return [d.topic.id for d in diffs]  # type: ignore[attr-defined]


def test_judging_a_sub_issue_under_a_shared_issue_is_a_detail(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The leaders discussed the conflict in Ukraine and weapons deliveries to Kyiv.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    (war,) = report.topics
    assert (war.topic.id, war.side) == ("war", Side.BOTH)
    assert [(d.topic.id, d.side) for d in war.details] == [("arms", Side.ONLY_A)]
    assert not report.only_a


def test_judging_a_sub_issue_raised_in_a_point_of_its_own_stays_a_topic(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    # The other side does not answer that sentence: a subject, as both dev keys have it.
    report = compare_texts(
        "The leaders discussed the conflict in Ukraine. "
        "Putin strongly condemned the weapons deliveries by NATO countries.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    assert ids(report.only_a) == ["arms"]


def test_judging_a_passing_mention_does_not_make_an_issue_one_sided(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The presidents discussed exports of Ukrainian grain.",
        "The leaders talked about grain exports through the Black Sea.",
        options,
    )
    assert ids(report.topics) == ["grain"]
    assert ids(report.passing) == ["war"]
    assert report.passing[0].presence[0] is Presence.PASSING
    assert not report.only_a and not report.only_b


def test_judging_a_passing_mention_counts_as_presence_against_the_other_side(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The presidents discussed exports of Ukrainian grain.",
        "The leaders discussed the war in Ukraine at length. Grain exports were discussed.",
        options,
    )
    war = next(d for d in report.topics if d.topic.id == "war")
    assert war.side is Side.BOTH
    assert war.presence == (Presence.PASSING, Presence.DISCUSSED)


def test_judging_a_paraphrase_on_the_other_side_makes_an_issue_shared(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The presidents discussed gas supplies to Europe this winter. "
        "They agreed to maintain contacts.",
        "The two leaders talked about deliveries of natural gas to European consumers. "
        "They agreed to stay in touch.",
        options,
    )
    energy = next(d for d in report.topics if d.topic.id == "energy")
    assert energy.side is Side.BOTH
    assert energy.in_other_words and energy.confidence is not None
    (hit,) = energy.hits_b
    assert hit.other_words and hit.sentence == 0


def test_judging_without_the_encoder_keeps_a_one_sided_issue_one_sided(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    from dataclasses import replace

    from readout_diff.aligning import AlignOptions

    lexical = replace(options, align=AlignOptions(encoder="none"))
    report = compare_texts(
        "The presidents discussed gas supplies to Europe this winter.",
        "The two leaders talked about deliveries of natural gas to European consumers.",
        lexical,
    )
    assert ids(report.only_a) == ["energy"]


def test_judging_names_a_point_no_topic_covers_by_its_words(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The leaders discussed the war in Ukraine. "
        "Vladimir Putin informed his counterpart about the restoration of a medieval monastery.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    (subject,) = [d for d in report.topics if d.topic.kind is TopicKind.SUBJECT]
    assert subject.side is Side.ONLY_A
    assert subject.topic.label == "restoration of a medieval monastery"


def test_judging_a_word_under_another_one_sided_point_is_its_detail(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The leaders discussed the war in Ukraine. "
        "Xi warned that the sanctions will hurt energy markets.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    assert ids(report.only_a) == ["sanctions"]
    (sanctions,) = report.only_a
    assert [(d.topic.id, d.side) for d in sanctions.details] == [("energy", Side.ONLY_A)]
    assert {h.text for h in sanctions.hits_a} == {"sanctions", "energy"}


def test_judging_keeps_the_items_of_a_list_of_subjects_apart(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The leaders discussed the war in Ukraine. "
        "They also discussed grain exports, energy and sanctions.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    assert ids(report.only_a) == ["grain", "energy", "sanctions"]


def test_judging_keeps_points_of_two_reporting_verbs_apart(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "The leaders discussed the war in Ukraine. "
        "Putin spoke of grain exports, and Erdogan stressed energy.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    assert ids(report.only_a) == ["grain", "energy"]


def test_judging_a_generic_alias_of_an_anchored_issue_needs_its_name_in_the_call(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    korea = "They discussed a lasting peace on the Korean Peninsula and grain exports."
    unnamed = compare_texts(korea, "They discussed grain exports.", options)
    assert ids(unnamed.topics) == ["grain"]
    named = compare_texts(korea, "They discussed the war in Ukraine and grain exports.", options)
    assert {d.topic.id: d.side for d in named.topics} == {"war": Side.BOTH, "grain": Side.BOTH}


def test_judging_a_title_line_names_no_subject(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "Telephone conversation on energy\nThe leaders discussed the war in Ukraine.",
        "The leaders discussed the war in Ukraine.",
        options,
    )
    assert ids(report.topics) == ["war"]
    assert any(h.topic_id == "energy" for h in report.a.hits) is False


@pytest.mark.parametrize(
    "call",
    [
        "Prime Minister Kishida held a summit telephone talk with President Xi.",
        "President Xi held a China-EU leaders' meeting via video link with the EU leaders.",
        "The two leaders held a virtual summit.",
    ],
)
def test_judging_a_meeting_word_the_medium_qualifies_is_the_call_itself(
    compare_texts: Compare, options: pipeline.Options, call: str
) -> None:
    report = compare_texts(
        call + " They discussed grain exports.", "They discussed grain exports.", options
    )
    assert ids(report.topics) == ["grain"]


def test_judging_a_summit_the_leaders_discuss_stays_a_topic(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "They prepared the summit in June. They discussed grain exports.",
        "They discussed grain exports.",
        options,
    )
    assert {d.topic.id: d.side for d in report.topics}["summit"] is Side.ONLY_A


def test_judging_leaves_the_call_itself_and_its_tone_unnamed() -> None:
    assert subjects.subject_phrase("The conversation was frank and businesslike.") is None
    assert subjects.subject_phrase("Putin expressed the hope that ties would grow.") is None
    text = "Erdogan raised the purchase of fighter jets."
    start, end = subjects.subject_phrase(text) or (0, 0)
    assert text[start:end] == "purchase of fighter jets"


def test_judging_issue_of_follows_parents_and_survives_a_cycle() -> None:
    topics = {
        "a": Topic(id="a", label="A", parent="b"),
        "b": Topic(id="b", label="B", parent="a"),
        "c": Topic(id="c", label="C", parent="a"),
        "d": Topic(id="d", label="D", parent="nowhere"),
    }
    assert judging.issue_of("c", topics) in {"a", "b"}
    assert judging.issue_of("d", topics) == "d"


@pytest.mark.parametrize(
    ("greeting", "occasion"),
    [
        ("Vladimir Putin congratulated the leadership and people of India on Diwali.", "Diwali"),
        (
            "Владимир Путин поздравил Премьер-министра с успешным проведением выборов.",
            "успешным проведением выборов",
        ),
        # "on the occasion of" leads to the occasion whole, not "on" to "the occasion"
        (
            "The two leaders exchanged greetings on the occasion of the Feast of Saint Sava.",
            "the Feast of Saint Sava",
        ),
    ],
)
def test_judging_takes_a_greetings_occasion_as_its_evidence(
    compare_texts: Compare, greeting: str, occasion: str
) -> None:
    report = compare_texts(
        greeting + " The leaders discussed the war in Ukraine.",
        "The leaders discussed the war in Ukraine.",
        pipeline.Options(verdicts=False),
    )
    (found,) = [d for d in report.only_a if d.topic.id == "congratulations"]
    assert occasion in [h.text for h in found.hits_a]
    assert len(found.hits_a) >= 2  # the greeting's own word too


def test_judging_a_consolidated_issue_takes_its_facets_answered_or_not(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "They discussed bilateral relations. Putin stressed their role for world peace.",
        "The leaders reviewed bilateral relations.",
        options,
    )
    (relations,) = report.topics
    assert (relations.topic.id, relations.side) == ("relations", Side.BOTH)
    assert [(d.topic.id, d.side) for d in relations.details] == [("peace", Side.ONLY_A)]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Затронута также тема поставок вооружений.", "поставок вооружений"),
        ("Речь шла об эвакуации российских граждан.", "эвакуации российских граждан"),
        ("Обсуждена ситуация вокруг атомной станции.", "атомной станции"),
        ("They discussed investment in agriculture.", "investment in agriculture"),
        ("They discussed Japan's plan to release treated water.", "plan to release treated water"),
        # a name cut short ends before the preposition that leads to what was cut off
        (
            "They discussed further steps towards introducing insurance for civilian vessels.",
            "steps towards introducing insurance",
        ),
        ("They exchanged views on the planned safe zone east of the river.", "planned safe zone"),
        ("Merkel urged him to receive medical treatment.", "receive medical treatment"),
        # adverbs between the verb and its preposition
        ("They touched only very briefly on the inquiry's report.", "inquiry's report"),
        ("The leaders spoke at length about the Arctic Council.", "Arctic Council"),
        # when and where a meeting was held is not its name
        (
            "Лидеры отметили проведённое 12 ноября в Париже очередное заседание Совета.",
            "заседание Совета",
        ),
    ],
)
def test_judging_names_a_subject_after_a_russian_passive_or_речь_шла(
    text: str, subject: str
) -> None:
    start, end = subjects.subject_phrase(text) or (0, 0)
    assert text[start:end] == subject


@pytest.mark.parametrize(
    "text",
    [
        "Затронут и ряд вопросов региональной повестки.",
        "Рассмотрены актуальные вопросы двустороннего взаимодействия.",
        "They discussed bilateral cooperation and regional issues.",
        "Обсуждены другие актуальные вопросы двусторонней и международной повестки.",
        "He reiterated India's consistent position in favour of dialogue and diplomacy.",
        "The Prime Minister expressed India's readiness to work together against poverty.",
        "Стороны выразили обоюдную заинтересованность в дальнейшем развитии партнёрства.",
    ],
)
def test_judging_a_relationship_formula_names_no_subject(text: str) -> None:
    assert subjects.subject_phrase(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "They discussed grain exports, in line with the agreements reached at the summit.",
        "They agreed to expand grain exports despite the sanctions.",
        "Following up on their summit in June, they discussed grain exports.",
        "They condemned grain exports in violation of the sanctions.",
    ],
)
def test_judging_an_issue_named_only_in_a_circumstance_is_a_passing_mention(
    compare_texts: Compare, options: pipeline.Options, text: str
) -> None:
    report = compare_texts(text, "They discussed grain exports.", options)
    assert ids(report.topics) == ["grain"]
    assert [d.topic.id for d in report.passing] in (["summit"], ["sanctions"])


def test_judging_an_issue_of_its_own_after_a_circumstance_stays_a_topic(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "Despite the sanctions, they discussed energy.", "They discussed grain exports.", options
    )
    assert {d.topic.id: d.side for d in report.topics}["energy"] is Side.ONLY_A


@pytest.mark.parametrize(
    ("text", "name", "in_passing"),
    [
        # after its sentence's issue, an illustration of it
        (
            "They discussed arms supplies to Kyiv, including under the Lend-Lease Programme.",
            "Lend-Lease Programme",
            True,
        ),
        # leading its sentence, a subject
        (
            "The Caspian Pipeline Consortium was discussed, along with arms supplies.",
            "Caspian Pipeline Consortium",
            False,
        ),
    ],
)
def test_judging_an_ad_hoc_name_after_its_sentences_issue_is_a_passing_mention(
    compare_texts: Compare, options: pipeline.Options, text: str, name: str, in_passing: bool
) -> None:
    with_names = pipeline.Options(pack=options.pack, adhoc=True)
    report = compare_texts(text, "They discussed the war in Ukraine.", with_names)
    sides = {d.topic.label: d.side for d in report.topics}
    assert (name in [d.topic.label for d in report.passing]) is in_passing
    assert sides.get(name) is (None if in_passing else Side.ONLY_A)


@pytest.mark.parametrize(
    "text",
    [
        "In this context, the leaders discussed coordinating efforts at the United Nations.",
        "Владимир Путин подчеркнул в этой связи недопустимость голословных обвинений.",
    ],
)
def test_judging_a_sentence_that_goes_on_with_its_neighbours_subject_names_none(
    compare_texts: Compare, options: pipeline.Options, text: str
) -> None:
    report = compare_texts(
        f"They discussed grain exports. {text}", "They discussed grain exports.", options
    )
    assert not [d for d in report.topics if d.topic.kind is TopicKind.SUBJECT]


def test_judging_a_point_of_its_own_without_a_link_still_names_a_subject(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "They discussed grain exports."
        " The leaders discussed coordinating efforts at the United Nations.",
        "They discussed grain exports.",
        options,
    )
    assert [d.topic.kind for d in report.topics if d.side is Side.ONLY_A] == [TopicKind.SUBJECT]


def test_judging_a_frame_one_side_puts_on_a_shared_issue_is_its_detail(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    report = compare_texts(
        "He said that any end to the war in Ukraine must respect the UN Charter.",
        "They discussed the war in Ukraine.",
        options,
    )
    assert ids(report.topics) == ["war"]
    (war,) = report.topics
    assert [(d.topic.id, d.side) for d in war.details] == [("charter", Side.ONLY_A)]


@pytest.mark.parametrize(
    "text",
    [
        "They discussed the war in Ukraine. He stressed respect for the UN Charter.",
        "They discussed the war in Ukraine, the UN Charter and grain exports.",
    ],
)
def test_judging_a_frame_in_a_point_of_its_own_stays_a_topic(
    compare_texts: Compare, options: pipeline.Options, text: str
) -> None:
    report = compare_texts(text, "They discussed the war in Ukraine.", options)
    assert {d.topic.id: d.side for d in report.topics}["charter"] is Side.ONLY_A


def test_judging_without_frames_a_frame_on_a_shared_issue_stays_a_topic(
    compare_texts: Compare, options: pipeline.Options
) -> None:
    plain = pipeline.Options(
        pack=options.pack, adhoc=False, judge=judging.JudgeOptions(fold_frames=False)
    )
    report = compare_texts(
        "He said that any end to the war in Ukraine must respect the UN Charter.",
        "They discussed the war in Ukraine.",
        plain,
    )
    assert {d.topic.id: d.side for d in report.topics}["charter"] is Side.ONLY_A


@pytest.mark.parametrize(("content", "issue"), [(0.5, "war"), (0.3, "arms")])
def test_judging_only_a_pair_alike_in_content_answers_a_sub_issue(
    content: float, issue: str
) -> None:
    # The aligner may pair two sentences that stand at the same place in their
    # readouts a little under the threshold (its position prior); such a pair does
    # not show that the other side answers the sub-issue's sentence.
    from readout_diff.model import AlignedGroup, Alignment

    a = tagged(
        "a",
        ["They discussed the war.", "Putin condemned arms supplies."],
        [("war", 0, "war"), ("arms", 1, "arms supplies")],
    )
    b = tagged(
        "b",
        ["A word on the war.", "Both spoke of the war again."],
        [
            ("war", 0, "war"),
            ("war", 1, "war"),
        ],
    )
    topics = {"war": Topic("war", "War"), "arms": Topic("arms", "Arms", parent="war")}
    aligned = Alignment(
        groups=(AlignedGroup(a=(1,), b=(1,), score=content),),
        unmatched_a=(0,),
        unmatched_b=(0,),
        threshold=0.35,
        similarity=((0.1, 0.1), (0.1, content)),
    )
    issues = (judging._sentence_issues(a, topics), judging._sentence_issues(b, topics))
    key = judging._roll_up(a, b, aligned, topics, issues, when_answered=True)
    assert key["arms"] == issue
