"""Aligning: sentence similarity, the optimal assignment and 1:n groups."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff.aligning import (
    AlignOptions,
    align,
    assignment,
    similarity_matrix,
)
from readout_diff.model import TaggedReadout
from readout_diff.overlap import lexical_matrix, topic_matrix
from readout_diff.topicpacks import TopicPack

Tag = Callable[..., TaggedReadout]


def brute_force_best(matrix: list[list[float]]) -> float:
    rows, cols = len(matrix), len(matrix[0])
    if rows <= cols:
        return max(
            sum(matrix[i][j] for i, j in enumerate(perm))
            for perm in itertools.permutations(range(cols), rows)
        )
    return max(
        sum(matrix[i][j] for j, i in enumerate(perm))
        for perm in itertools.permutations(range(rows), cols)
    )


matrices = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 3)),
                min_size=cols,
                max_size=cols,
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(matrices)
def test_assignment_equals_brute_force_optimum(matrix: list[list[float]]) -> None:
    pairs = assignment(matrix)
    rows, cols = len(matrix), len(matrix[0])
    assert len(pairs) == min(rows, cols)
    assert len({i for i, _ in pairs}) == len(pairs)
    assert len({j for _, j in pairs}) == len(pairs)
    assert all(0 <= i < rows and 0 <= j < cols for i, j in pairs)
    total = sum(matrix[i][j] for i, j in pairs)
    assert total == pytest.approx(brute_force_best(matrix), abs=1e-9)


def test_assignment_prefers_total_over_greedy_choice() -> None:
    # Greedy takes (0, 0) = 0.9 and is left with 0.1; the optimum is 0.8 + 0.8.
    assert assignment([[0.9, 0.8], [0.8, 0.1]]) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("matrix", [[], [[]], [[], []]])
def test_assignment_of_empty_matrix_is_empty(matrix: list[list[float]]) -> None:
    assert assignment(matrix) == []


def test_assignment_of_rectangular_matrices() -> None:
    assert assignment([[0.1, 0.9, 0.2]]) == [(0, 1)]
    assert assignment([[0.1], [0.9], [0.2]]) == [(1, 0)]
    assert assignment([[0.0, 0.5, 0.9], [0.9, 0.8, 0.0]]) == [(0, 2), (1, 0)]


def test_lexical_matrix_scores_identical_sentences_one() -> None:
    docs = [("extend", "treaty", "year"), ("situation", "ukraine")]
    matrix = lexical_matrix(docs, docs)
    assert matrix[0][0] == pytest.approx(1.0)
    assert matrix[1][1] == pytest.approx(1.0)
    assert matrix[0][1] == pytest.approx(0.0)
    assert matrix[0][1] == pytest.approx(matrix[1][0])


def test_lexical_matrix_is_symmetric_when_sides_are_swapped() -> None:
    a = [("extend", "treaty"), ("aggression", "border"), ()]
    b = [("treaty", "extension"), ("aggressive", "border", "troop")]
    forward = lexical_matrix(a, b)
    backward = lexical_matrix(b, a)
    for i, j in itertools.product(range(len(a)), range(len(b))):
        assert forward[i][j] == pytest.approx(backward[j][i])
        assert 0.0 <= forward[i][j] <= 1.0
    # Alike words count partly: "aggression" ~ "aggressive".
    assert 0.0 < forward[1][1] < 1.0
    assert forward[2] == [0.0, 0.0]


def test_topic_matrix_scores_shared_topics() -> None:
    a = [frozenset({"ukraine"}), frozenset(), frozenset({"ukraine", "arms"})]
    b = [frozenset({"ukraine"}), frozenset({"climate"})]
    matrix = topic_matrix(a, b)
    assert matrix[0] == [1.0, 0.0]
    assert matrix[1] == [0.0, 0.0]
    # The smaller set is covered (overlap coefficient 1), but the extra topic lowers
    # the cosine, and the rarer "arms" (once) weighs more than "ukraine" (thrice).
    assert 0.5 < matrix[2][0] < 0.8


def test_aligning_shows_mutual_best_pairs_the_assignment_split() -> None:
    from readout_diff.aligning import AlignOptions, _mutual_best_pairs
    from readout_diff.model import AlignedGroup

    matrix = [[0.9, 0.8], [0.85, 0.1]]
    # The optimum pairs (0,1) and (1,0), total 1.65 > 0.9 + 0.1, yet 0 and 0 are each
    # other's best match: that pair is shown too.
    assert assignment(matrix) == [(0, 1), (1, 0)]
    groups = [AlignedGroup(a=(0,), b=(1,), score=0.8), AlignedGroup(a=(1,), b=(0,), score=0.85)]
    assert _mutual_best_pairs(matrix, groups, 0.25) == [AlignedGroup(a=(0,), b=(0,), score=0.9)]
    assert AlignOptions().mutual_best


A_TEXT = (
    "The leaders discussed the extension of New START. "
    "They exchanged views on the situation in Ukraine. "
    "Both sides agreed to work together on climate change."
)
B_TEXT = (
    "Both sides agreed to cooperate on climate change. "
    "The presidents talked about the situation in Ukraine. "
    "The leaders discussed extending New START."
)


def test_aligning_pairs_reordered_sentences(tag: Tag, small_pack: TopicPack) -> None:
    alignment = align(tag(A_TEXT, small_pack), tag(B_TEXT, small_pack, "b"))
    assert [(g.a, g.b) for g in alignment.groups] == [((0,), (2,)), ((1,), (1,)), ((2,), (0,))]
    assert alignment.unmatched_a == ()
    assert alignment.unmatched_b == ()


def test_aligning_pairs_reordered_sentences_without_topics(tag: Tag) -> None:
    from readout_diff.topicpacks import parse_pack

    empty = parse_pack('[[topic]]\nid = "none"\nlabel = "None"\nen = ["zzqx"]\n', "none.toml")
    a = "Grain exports through the Black Sea were discussed. The ministers will meet in Geneva."
    b = "Foreign ministers are to meet in Geneva soon. They also spoke of Black Sea grain exports."
    alignment = align(tag(a, empty), tag(b, empty, "b"))
    assert [(g.a, g.b) for g in alignment.groups] == [((0,), (1,)), ((1,), (0,))]


def test_aligning_groups_a_sentence_split_in_two(tag: Tag, small_pack: TopicPack) -> None:
    a = (
        "The leaders discussed New START and agreed to hold talks on strategic stability soon. "
        "Moscow weather was unusually warm for January."
    )
    b = (
        "The leaders discussed New START. They agreed to hold talks on strategic stability soon. "
        "The cats of the embassy are purring loudly tonight."
    )
    alignment = align(tag(a, small_pack), tag(b, small_pack, "b"))
    assert [(g.a, g.b) for g in alignment.groups] == [((0,), (0, 1))]
    assert alignment.unmatched_a == (1,)
    assert alignment.unmatched_b == (2,)


def test_aligning_scores_are_within_zero_and_one(tag: Tag, small_pack: TopicPack) -> None:
    tagged_a, tagged_b = tag(A_TEXT, small_pack), tag(B_TEXT + " Ukraine! Ukraine?", small_pack)
    matrix = similarity_matrix(tagged_a, tagged_b)
    assert len(matrix) == len(tagged_a.sentences)
    assert all(len(row) == len(tagged_b.sentences) for row in matrix)
    assert all(0.0 <= value <= 1.0 for row in matrix for value in row)
    alignment = align(tagged_a, tagged_b)
    for group in alignment.groups:
        assert 0.0 <= group.score <= 1.0
        assert group.score == max(alignment.score(i, j) for i in group.a for j in group.b)


def test_aligning_leaves_pairs_below_threshold_unmatched(tag: Tag, small_pack: TopicPack) -> None:
    a = tag("Grain exports were discussed at length.", small_pack)
    b = tag("The cats are purring loudly tonight.", small_pack, "b")
    alignment = align(a, b)
    assert alignment.groups == ()
    assert alignment.unmatched_a == (0,)
    assert alignment.unmatched_b == (0,)


def test_aligning_threshold_decides_what_is_unmatched(tag: Tag, small_pack: TopicPack) -> None:
    a, b = tag(A_TEXT, small_pack), tag(B_TEXT, small_pack, "b")
    loose = align(a, b, AlignOptions(threshold=0.0))
    strict = align(a, b, AlignOptions(threshold=1.0))
    assert len(loose.groups) == 3
    assert strict.groups == ()
    assert strict.unmatched_a == (0, 1, 2)
    assert strict.threshold == 1.0


def test_aligning_identical_readouts_scores_one(tag: Tag, small_pack: TopicPack) -> None:
    tagged = tag(A_TEXT, small_pack)
    alignment = align(tagged, tagged)
    assert [(g.a, g.b, g.score) for g in alignment.groups] == [
        ((0,), (0,), 1.0),
        ((1,), (1,), 1.0),
        ((2,), (2,), 1.0),
    ]


def test_aligning_across_languages_uses_shared_topics(tag: Tag, small_pack: TopicPack) -> None:
    en = tag("The presidents discussed Ukraine. They also spoke about New START.", small_pack)
    ru = tag("Обсуждался договор СНВ-3. Затронута ситуация на Украине.", small_pack, "ru")
    alignment = align(en, ru)
    assert [(g.a, g.b) for g in alignment.groups] == [((0,), (1,)), ((1,), (0,))]


def test_aligning_different_topics_do_not_lower_a_pair(tag: Tag, small_pack: TopicPack) -> None:
    # "Donbas" tags Ukraine in English; the Russian tags New START: one point, two tags.
    en = tag("Vladimir Putin and Joe Biden discussed Donbas.", small_pack)
    ru = tag("Владимир Путин и Джо Байден обсудили СНВ-3.", small_pack, "ru")
    assert en.sentence_topics(0) != ru.sentence_topics(0) != frozenset()
    lexical_only = AlignOptions(encoder="none")
    ((score,),) = similarity_matrix(en, ru, lexical_only)
    no_topics = TopicPack(name="none", version="1", description="", sources=(), topics=())
    ((plain,),) = similarity_matrix(tag(en.readout.text, no_topics), ru, lexical_only)
    assert score == pytest.approx(plain) and score > 0.1
    # Within one language too: the pack often tags one point differently on two sides.
    other = tag("Vladimir Putin and Joe Biden discussed New START.", small_pack, "b")
    ((same_language,),) = similarity_matrix(en, other, lexical_only)
    ((same_plain,),) = similarity_matrix(tag(en.readout.text, no_topics), other, lexical_only)
    assert same_language == pytest.approx(same_plain) and same_plain > 0.1
    # A shared topic still raises a pair.
    treaty = tag("The sides talked about New START.", small_pack)
    ((shared,),) = similarity_matrix(treaty, other, lexical_only)
    ((shared_plain,),) = similarity_matrix(tag(treaty.readout.text, no_topics), other, lexical_only)
    assert shared > shared_plain


def test_aligning_readout_without_sentences(tag: Tag, small_pack: TopicPack) -> None:
    empty = tag("***\n---", small_pack)
    assert empty.sentences == ()
    alignment = align(empty, tag(A_TEXT, small_pack, "b"))
    assert alignment.groups == ()
    assert alignment.unmatched_b == (0, 1, 2)


def test_aligning_leftover_joins_a_group_only_above_the_join_threshold() -> None:
    from readout_diff.aligning import AlignOptions, _grow_groups

    matrix = [[0.9], [0.28]]
    opts = AlignOptions(threshold=0.25, join_threshold=0.3, mutual_best=False)
    (group,) = _grow_groups(matrix, [(0, 0)], opts)
    assert (group.a, group.b) == ((0,), (0,))
    looser = AlignOptions(threshold=0.25, join_threshold=0.25, mutual_best=False)
    (group,) = _grow_groups(matrix, [(0, 0)], looser)
    assert (group.a, group.b) == ((0, 1), (0,))


# --- large inputs -------------------------------------------------------------------


def test_round4_rounds_like_python_round_bit_for_bit() -> None:
    import numpy as np

    from readout_diff.aligning import round4

    rng = np.random.default_rng(4)
    halves = (np.arange(10_000) + 0.5) / 10_000  # the hardest cases: next to a half
    values = np.concatenate(
        [rng.random(20_000), halves, np.nextafter(halves, 0), np.nextafter(halves, 1), [0, 1]]
    )
    assert round4(values).tolist() == [round(float(x), 4) for x in values]


from test_assignment import _hidden_blocks  # noqa: E402  (one copy, with the assignment tests)


def test_assignment_of_two_thousand_sentences_stays_within_bounds() -> None:
    from readout_diff.aligning import AlignOptions, _as_tuples, _grow_groups
    from readout_diff.assignment import LARGE_CELLS

    sizes = [5 + (k * 7) % 30 for k in range(200)]
    scores = _hidden_blocks(sizes, 2000)
    assert scores.size > LARGE_CELLS  # the large-input path
    pairs = assignment(scores)
    assert len(pairs) == scores.shape[0] == len({j for _, j in pairs})
    # Each pair lies within a cluster (the optimum), so scores at least 0.3.
    assert min(scores[i, j] for i, j in pairs) >= 0.3
    groups = _grow_groups(scores, pairs, AlignOptions())
    assert len(groups) >= len(pairs)
    rows = _as_tuples(np.round(scores, 4))
    assert len(rows) == scores.shape[0] and rows[0][0] == round(float(scores[0, 0]), 4)


def test_sparse_product_equals_the_dense_one() -> None:
    import numpy as np

    from readout_diff.overlap import _sparse_product

    rng = np.random.default_rng(3)
    weights = rng.random((50, 300)) * (rng.random((50, 300)) < 0.05)
    best = rng.random((40, 300))
    assert np.allclose(_sparse_product(weights, best), weights @ best.T)


def test_large_and_small_paths_score_alike(tag: Tag, small_pack: TopicPack) -> None:
    import numpy as np

    from readout_diff import overlap

    a = [s.lemmas for s in tag(A_TEXT * 3, small_pack).sentences]
    b = [s.lemmas for s in tag(B_TEXT * 3, small_pack, "b").sentences]
    dense = overlap.lexical_scores(a, b)
    old, overlap.LARGE_CELLS = overlap.LARGE_CELLS, 0  # the name the lexical scorer reads
    try:
        sparse = overlap.lexical_scores(a, b)
    finally:
        overlap.LARGE_CELLS = old
    assert np.allclose(dense, sparse)


def test_position_prior_favours_pairs_at_the_same_place() -> None:
    from readout_diff.aligning import _with_position

    flat = np.full((3, 3), 0.5)
    ranked = _with_position(flat, 0.05)
    # The same place gains half the weight, first against last loses a third of it.
    assert ranked[0, 0] == ranked[1, 1] == ranked[2, 2] == pytest.approx(0.5 + 0.05 / 2, abs=1e-4)
    assert ranked[0, 2] == pytest.approx(0.5 + 0.05 * (0.5 - 2 / 3), abs=1e-4)
    assert ranked[0, 0] > ranked[0, 1] > ranked[0, 2]
    assert _with_position(flat, 0.0) is flat


def test_position_prior_settles_a_tie_and_the_score_stays_the_content(
    tag: Tag, small_pack: TopicPack
) -> None:
    # B repeats A's closing sentence at its start and at its end: the same words,
    # so the content scores tie; the readouts' order makes the end the counterpart.
    a = tag(
        "The leaders discussed the extension of New START. "
        "They reviewed the situation in Ukraine in detail. "
        "They agreed to remain in close contact.",
        small_pack,
    )
    b = tag(
        "They agreed to remain in close contact. "
        "The presidents talked about the New START extension. "
        "Ukraine's situation was reviewed in detail. "
        "They agreed to remain in close contact.",
        small_pack,
        "b",
    )
    pairs_only = AlignOptions(encoder="none", mutual_best=False, max_group=1)
    plain = align(a, b, replace(pairs_only, position_weight=0.0))
    prior = align(a, b, pairs_only)
    assert plain.score(2, 0) == plain.score(2, 3)
    (closing,) = [g for g in prior.groups if g.a == (2,)]
    assert closing.b == (3,)
    assert closing.score == prior.score(2, 3)  # content only: the prior is not reported
    assert prior.similarity == plain.similarity


def test_a_title_line_pairs_only_with_the_other_title(tag: Tag, small_pack: TopicPack) -> None:
    # The title names the event, as the other side's opening sentence does; paired
    # with that sentence it would take it from this side's own opening sentence.
    a = tag(
        "President Xi Speaks with Prime Minister Starmer on the Phone\n"
        "On the afternoon of August 23, President Xi had a phone conversation with "
        "Prime Minister Starmer.\n"
        "The two leaders discussed climate change.",
        small_pack,
    )
    b = tag(
        "The Prime Minister spoke with President Xi this morning.\n"
        "They agreed to work together on climate change.",
        small_pack,
        "b",
    )
    aligned = align(a, b)
    assert all(0 not in g.a for g in aligned.groups)
    assert any(g.a == (1,) and g.b == (0,) for g in aligned.groups)
    assert 0 not in aligned.unmatched_a  # an unpaired title is no point said alone
    titled_b = tag("PM call with President Xi\n" + b.readout.text, small_pack, "b")
    both = align(a, titled_b)
    assert all((0 in g.a) == (0 in g.b) for g in both.groups)
