"""Diffing: which topics are shared or one-sided, and which sentences show the shared ones."""

from __future__ import annotations

from collections.abc import Callable

from handmade import tagged

from readout_diff.diffing import diff_topics, shared_pairs
from readout_diff.model import (
    AlignedGroup,
    Alignment,
    Report,
    Side,
    TaggedReadout,
    Topic,
    TopicHit,
)
from readout_diff.status import ExitStatus, pair_status

CompareTexts = Callable[..., Report]


TOPICS = {t: Topic(id=t, label=t.title()) for t in ("arms", "ukraine", "climate", "trade")}


def alignment(groups: list[AlignedGroup], rows: int, cols: int) -> Alignment:
    sim = [[0.1 * ((i + j) % 3) for j in range(cols)] for i in range(rows)]
    for g in groups:
        for i in g.a:
            for j in g.b:
                sim[i][j] = g.score
    return Alignment(
        groups=tuple(groups),
        unmatched_a=(),
        unmatched_b=(),
        threshold=0.3,
        similarity=tuple(tuple(r) for r in sim),
    )


A = tagged(
    "a",
    ["We talked arms.", "We talked ukraine.", "We talked trade."],
    [("arms", 0, "arms"), ("ukraine", 1, "ukraine"), ("trade", 2, "trade")],
)
B = tagged(
    "b",
    ["Climate first.", "Then ukraine.", "Then arms."],
    [("climate", 0, "Climate"), ("ukraine", 1, "ukraine"), ("arms", 2, "arms")],
)


def test_diffing_statuses_from_hand_made_readouts() -> None:
    groups = [AlignedGroup(a=(0,), b=(2,), score=0.8), AlignedGroup(a=(1,), b=(1,), score=0.7)]
    diffs = diff_topics(A, B, alignment(groups, 3, 3), TOPICS)
    sides = {d.topic.id: d.side for d in diffs}
    assert sides == {
        "arms": Side.BOTH,
        "ukraine": Side.BOTH,
        "trade": Side.ONLY_A,
        "climate": Side.ONLY_B,
    }
    by_id = {d.topic.id: d for d in diffs}
    assert by_id["trade"].hits_b == ()
    assert [h.text for h in by_id["trade"].hits_a] == ["trade"]
    assert by_id["climate"].hits_a == ()
    assert by_id["trade"].pairs == by_id["climate"].pairs == ()


def test_diffing_orders_topics_by_first_mention_a_then_b() -> None:
    diffs = diff_topics(A, B, alignment([], 3, 3), TOPICS)
    assert [d.topic.id for d in diffs] == ["arms", "ukraine", "trade", "climate"]


def test_diffing_shared_topic_pairs_come_from_alignment() -> None:
    groups = [
        AlignedGroup(a=(0,), b=(2,), score=0.8),
        AlignedGroup(a=(1,), b=(1,), score=0.7),
        AlignedGroup(a=(2,), b=(0,), score=0.4),
    ]
    by_id = {d.topic.id: d for d in diff_topics(A, B, alignment(groups, 3, 3), TOPICS)}
    assert by_id["arms"].pairs == (groups[0],)
    assert by_id["ukraine"].pairs == (groups[1],)


def test_shared_pairs_falls_back_to_most_similar_pair_when_not_aligned() -> None:
    hits_a = tuple(h for h in A.hits if h.topic_id == "arms")
    hits_b = tuple(h for h in B.hits if h.topic_id == "arms")
    aligned = alignment([AlignedGroup(a=(1,), b=(1,), score=0.7)], 3, 3)
    (pair,) = shared_pairs(hits_a, hits_b, aligned)
    assert (pair.a, pair.b) == ((0,), (2,))
    assert pair.score == aligned.score(0, 2)


def test_diffing_negated_only_when_every_mention_is_negated() -> None:
    a = tagged("a", ["Ukraine not discussed."], [("ukraine", 0, "Ukraine")])
    negated_a = TaggedReadout(
        segmented=a.segmented,
        hits=tuple(
            TopicHit(h.topic_id, h.sentence, h.start, h.end, h.text, negated=True) for h in a.hits
        ),
    )
    b = tagged("b", ["Ukraine came up."], [("ukraine", 0, "Ukraine")])
    (alone,) = diff_topics(
        negated_a, TaggedReadout(segmented=b.segmented, hits=()), alignment([], 1, 1), TOPICS
    )
    assert alone.side is Side.ONLY_A
    assert alone.negated_only
    (both,) = diff_topics(negated_a, b, alignment([], 1, 1), TOPICS)
    assert not both.negated_only


def test_compare_reports_shared_and_one_sided_topics(compare_texts: CompareTexts) -> None:
    report = compare_texts(
        "The presidents discussed New START. They spoke of Ukraine.",
        "The leaders discussed New START. Biden raised the case of Alexei Navalny.",
    )
    assert [(d.topic.id, d.side) for d in report.topics] == [
        ("arms-control", Side.BOTH),
        ("ukraine", Side.ONLY_A),
        ("navalny", Side.ONLY_B),
    ]
    assert [d.topic.id for d in report.shared] == ["arms-control"]
    assert [d.topic.id for d in report.only_a] == ["ukraine"]
    assert [d.topic.id for d in report.only_b] == ["navalny"]
    (shared,) = report.shared
    assert [(g.a, g.b) for g in shared.pairs] == [((0,), (0,))]
    assert pair_status(report) is ExitStatus.DIFFERENT


def test_compare_same_topics_exits_zero(compare_texts: CompareTexts) -> None:
    report = compare_texts(
        "The presidents discussed New START and Ukraine.",
        "Ukraine came up. So did strategic stability.",
    )
    assert {d.side for d in report.topics} == {Side.BOTH}
    assert pair_status(report) is ExitStatus.SAME


def test_compare_without_topics_exits_zero(compare_texts: CompareTexts) -> None:
    report = compare_texts("The leaders spoke.", "The leaders talked.")
    assert report.topics == ()
    assert pair_status(report) is ExitStatus.SAME


def test_a_sentence_paired_with_a_shared_issue_is_that_issue_evidence_there() -> None:
    # "The front line came up." carries no alias of the war, but the aligner paired it
    # with A's sentence on it: B answers A's point there, in words of its own.
    b = tagged(
        "b",
        ["Climate first.", "Then ukraine.", "The front line came up.", "Nothing else."],
        [("climate", 0, "Climate"), ("ukraine", 1, "ukraine")],
    )
    groups = [
        AlignedGroup(a=(1,), b=(1, 2), score=0.7),
        # Under the threshold: placed together, not the same point.
        AlignedGroup(a=(1,), b=(3,), score=0.2),
        AlignedGroup(a=(2,), b=(0,), score=0.6),
    ]
    by_id = {d.topic.id: d for d in diff_topics(A, b, alignment(groups, 3, 4), TOPICS)}
    ukraine = by_id["ukraine"]
    assert ukraine.side is Side.BOTH
    assert ukraine.answers[0] == ()
    (answer,) = ukraine.answers[1]
    assert (answer.sentence, answer.paired, answer.text) == (2, True, "The front line came up.")
    assert (answer.start, answer.end) == (b.sentences[2].start, b.sentences[2].end)
    assert [h.sentence for h in ukraine.hits_b] == [1]  # presence stays with the alias
    assert ukraine.pairs == (groups[0],)
    # One-sided issues get no answers: a paired sentence there is for the judgement
    # (confirmation in other words), not evidence.
    assert by_id["trade"].side is Side.ONLY_A
    assert by_id["trade"].answers == ((), ())
    assert by_id["climate"].answers == ((), ())


def test_a_sentence_with_one_issue_is_that_issue_point_in_all_its_words() -> None:
    # "humanitarian aid into Gaza": the sentence carries one issue, so all its words are
    # that issue's point there; a sentence with two issues keeps only its matched words.
    a = tagged(
        "a",
        ["We talked arms and trade.", "We talked ukraine and the aid it needs."],
        [("arms", 0, "arms"), ("trade", 0, "trade"), ("ukraine", 1, "ukraine")],
    )
    groups = [AlignedGroup(a=(1,), b=(1,), score=0.7), AlignedGroup(a=(0,), b=(2,), score=0.6)]
    by_id = {d.topic.id: d for d in diff_topics(a, B, alignment(groups, 2, 3), TOPICS)}
    ukraine, arms, trade = by_id["ukraine"], by_id["arms"], by_id["trade"]
    (point,) = ukraine.points[0]
    assert (point.sentence, point.point, point.alias) == (1, True, "")
    assert (point.start, point.end, point.text) == (
        a.sentences[1].start,
        a.sentences[1].end,
        "We talked ukraine and the aid it needs.",
    )
    assert [h.sentence for h in ukraine.points[1]] == [1]
    assert arms.points[0] == () and trade.points == ((), ())  # two issues in sentence 0
    assert [h.sentence for h in arms.points[1]] == [2]
    # Evidence, never presence: the sides and the matched hits stay as they were.
    assert (ukraine.side, arms.side, trade.side) == (Side.BOTH, Side.BOTH, Side.ONLY_A)
    assert [(h.text, h.point) for h in ukraine.hits_a] == [("ukraine", False)]


def test_a_whole_sentence_answer_is_not_given_again_as_a_point() -> None:
    b = tagged(
        "b",
        ["Climate first.", "Then ukraine.", "The front line came up."],
        [("climate", 0, "Climate"), ("ukraine", 1, "ukraine")],
    )
    groups = [AlignedGroup(a=(1,), b=(1, 2), score=0.7)]
    by_id = {d.topic.id: d for d in diff_topics(A, b, alignment(groups, 3, 3), TOPICS)}
    ukraine = by_id["ukraine"]
    assert [h.sentence for h in ukraine.answers[1]] == [2]
    assert [h.sentence for h in ukraine.points[1]] == [1]  # the answer is not a point too
    # A sentence that answers one issue and carries another has two issues: no point.
    b2 = tagged(
        "b",
        ["Climate first.", "Then ukraine.", "The front line and trade came up."],
        [("climate", 0, "Climate"), ("ukraine", 1, "ukraine"), ("trade", 2, "trade")],
    )
    by_id = {d.topic.id: d for d in diff_topics(A, b2, alignment(groups, 3, 3), TOPICS)}
    assert [h.sentence for h in by_id["ukraine"].answers[1]] == [2]
    assert by_id["trade"].points[1] == ()
