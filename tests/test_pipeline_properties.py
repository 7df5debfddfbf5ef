"""Properties of the whole comparison, checked on generated readouts (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_diff import pipeline
from readout_diff.errors import InputError
from readout_diff.model import Report, Side
from readout_diff.reading import readout_from_text
from readout_diff.render import render
from readout_diff.status import ExitStatus, pair_status
from readout_diff.topicpacks import TopicPack

# Modest example counts keep the whole suite fast; the fixtures used are session-scoped.
SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Words that exercise the tricky parts: aliases, abbreviations, initials, list markers.
WORDS = [
    "Ukraine", "New", "START", "strategic", "stability", "Navalny's", "poisoning", "of",
    "Alexei", "Navalny", "interference", "in", "the", "2020", "U.S.", "election", "US", "us",
    "climate", "change", "not", "discussed", "Mr.", "No.", "5", "Jan.", "R.", "Biden", "Jr.",
    "-", "1.", "*", "|", ".", ",", '"', "\n", "\n\n", "\r\n", "\t", "Украина", "СНВ-3",
    "Д.Трамп", "урегулировании", "на", "Украине", "не", "обсуждался", "é", "\u00a0", "\u2028",
]  # fmt: skip
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
readout_texts = st.one_of(
    sentences,
    st.lists(sentences, min_size=1, max_size=5).map(". ".join),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=60),
)


def compare_texts(text_a: str, text_b: str, pack: TopicPack) -> Report | None:
    try:
        a = readout_from_text(text_a, "a")
        b = readout_from_text(text_b, "b")
    except InputError:
        return None  # blank text: rejected with a message, never compared
    # The whole pipeline, verdict stage included, on the small pack. (It once ran
    # without the stage: the pairing model weighed a row gap unlike a column gap, so
    # swapping two readouts could swap a pair just over the bar, and the points with it.)
    return pipeline.compare(a, b, pipeline.Options(pack=pack))


def check_offsets(report: Report) -> None:
    for tagged in (report.a, report.b):
        text = tagged.readout.text
        previous_end = 0
        for index, sentence in enumerate(tagged.sentences):
            assert sentence.index == index
            assert previous_end <= sentence.start < sentence.end <= len(text)
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
            previous_end = sentence.end
        for hit in tagged.hits:
            assert text[hit.start : hit.end] == hit.text
            sentence = tagged.sentences[hit.sentence]
            assert sentence.start <= hit.start < hit.end <= sentence.end


@SETTINGS
@given(readout_texts, readout_texts)
def test_compare_never_crashes_and_offsets_are_valid(
    small_pack: TopicPack, text_a: str, text_b: str
) -> None:
    report = compare_texts(text_a, text_b, small_pack)
    if report is None:
        assert not text_a.strip() or not text_b.strip()
        return
    check_offsets(report)
    for group in report.alignment.groups:
        assert 0.0 <= group.score <= 1.0
    data = json.loads(render(report, "json"))
    assert len(data["readouts"]) == 2


@SETTINGS
@given(readout_texts)
def test_diffing_a_readout_with_itself_finds_no_one_sided_topic(
    small_pack: TopicPack, text: str
) -> None:
    report = compare_texts(text, text, small_pack)
    if report is None:
        return
    assert all(diff.side is Side.BOTH for diff in report.topics)
    assert pair_status(report) is ExitStatus.SAME
    assert report.only_a == report.only_b == ()


@SETTINGS
@given(readout_texts, readout_texts)
def test_swapping_the_inputs_swaps_only_a_and_only_b(
    small_pack: TopicPack, text_a: str, text_b: str
) -> None:
    forward = compare_texts(text_a, text_b, small_pack)
    if forward is None:
        return
    backward = compare_texts(text_b, text_a, small_pack)
    assert backward is not None
    assert {d.topic.id for d in forward.only_a} == {d.topic.id for d in backward.only_b}
    assert {d.topic.id for d in forward.only_b} == {d.topic.id for d in backward.only_a}
    assert {d.topic.id for d in forward.shared} == {d.topic.id for d in backward.shared}
    assert pair_status(forward) == pair_status(backward)
