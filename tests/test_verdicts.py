"""The verdict stage: its features, its file, what its two models change, and its fitting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from handmade import fit_on_samples, tagged

from readout_diff import judging, pipeline, reading, similarity, verdicts
from readout_diff.model import (
    AlignedGroup,
    Alignment,
    Presence,
    Side,
    Topic,
    TopicDiff,
    TopicKind,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
needs_encoder = pytest.mark.skipif(
    similarity.load_encoder("use") is None, reason="the encoder package is not installed"
)

A = tagged(
    "a",
    [
        "Putin spoke by telephone with Biden.",
        "The leaders discussed the war in Ukraine.",
        "Putin informed Biden about the evacuation of Russian citizens.",
        "The sides agreed on grain exports.",
    ],
    [("ukraine", 1, "Ukraine"), ("grain", 3, "grain")],
)
B = tagged(
    "b",
    [
        "Biden spoke with Putin today.",
        "They discussed Ukraine.",
        "Biden raised the detention of journalists.",
    ],
    [("ukraine", 1, "Ukraine")],
)
UKRAINE = Topic(id="ukraine", label="Ukraine")
GRAIN = Topic(id="grain", label="Grain")


def judgement() -> judging.Judgement:
    shared = TopicDiff(
        topic=UKRAINE,
        side=Side.BOTH,
        hits_a=tuple(h for h in A.hits if h.topic_id == "ukraine"),
        hits_b=B.hits,
    )
    grain = TopicDiff(
        topic=GRAIN,
        side=Side.ONLY_A,
        hits_a=tuple(h for h in A.hits if h.topic_id == "grain"),
        hits_b=(),
        presence=(Presence.DISCUSSED, Presence.ABSENT),
    )
    return judging.Judgement(a=A, b=B, topics=(shared, grain), passing=())


def alignment(semantic: bool = True) -> Alignment:
    sim = [[0.1 for _ in range(3)] for _ in range(4)]
    sim[1][1] = 0.8
    return Alignment(
        groups=(AlignedGroup(a=(1,), b=(1,), score=0.8),),
        unmatched_a=(0, 2, 3),
        unmatched_b=(0, 2),
        threshold=0.35,
        similarity=tuple(tuple(r) for r in sim),
        semantic=tuple(tuple(r) for r in sim) if semantic else (),
    )


def model(
    point: float, keep: float, sentence: float = 0.0, topic: float = 0.0
) -> verdicts.VerdictModel:
    """A model whose probabilities are its intercepts' (every weight zero)."""
    return verdicts.VerdictModel(
        sentence=verdicts.Logistic((0.0,) * len(verdicts.SENTENCE_FEATURES), sentence),
        topic=verdicts.Logistic((0.0,) * len(verdicts.TOPIC_FEATURES), topic),
        point=point,
        keep=keep,
        trained_on="",
    )


def shipped_text() -> str:
    return (ROOT / "readout_diff" / "weights" / "verdicts.toml").read_text("utf-8")


def test_the_shipped_model_loads_and_says_what_it_was_fitted_on() -> None:
    m = verdicts.load_model()
    assert len(m.sentence.weights) == len(verdicts.SENTENCE_FEATURES)
    assert len(m.topic.weights) == len(verdicts.TOPIC_FEATURES)
    assert "one-sided issues" in m.trained_on
    assert 0 < m.point < 1 and 0 < m.keep < 1


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: t.replace('"cosine_gap", ', ""), r"\[sentence\] is not over the features"),
        (lambda t: t.replace("[topic]", "[topics]"), r"\[topic\] is missing"),
        (lambda t: t.replace("weights = [", "weights = [1.0, ", 1), "one weight per feature"),
        (lambda t: t.replace("intercept = ", 'intercept = "x" #', 1), "must be numbers"),
        (lambda t: t.replace("keep = 0.5", "keep = 2"), "must be probabilities"),
        (lambda t: t + "[[", "not TOML"),
    ],
)
def test_a_malformed_model_file_is_refused_saying_why(
    edit: Callable[[str], str], problem: str
) -> None:
    with pytest.raises(verdicts.VerdictModelError, match=problem):
        verdicts.parse_model(edit(shipped_text()))


def test_sentence_features_weigh_a_sentence_against_the_other_readouts_points() -> None:
    rows = verdicts.sentence_features(A, B, judgement().topics, alignment())
    assert [len(r) for r in rows] == [4, 3]
    col = {name: i for i, name in enumerate(verdicts.SENTENCE_FEATURES)}
    war, grain = rows[0][1], rows[0][3]
    assert war[col["paired"]] == 1.0 and war[col["paired_on_issue"]] == 1.0
    assert war[col["max_score"]] == pytest.approx(0.8)
    assert grain[col["one_sided_issues"]] == 1.0 and grain[col["paired"]] == 0.0
    # The call itself ("spoke by telephone") is no point, on either side.
    assert rows[0][0][col["point"]] == 0.0 and rows[0][2][col["point"]] == 1.0
    assert rows[1][0][col["first"]] == 1.0 and rows[1][2][col["last"]] == 1.0


def test_without_the_encoder_the_verdicts_stay_the_judgements() -> None:
    before = judgement()
    assert verdicts.review(before, alignment(semantic=False), model(0.0, 1.0)) is before


def test_a_sentence_judged_a_point_of_its_own_becomes_a_one_sided_subject() -> None:
    after = verdicts.review(judgement(), alignment(), model(point=0.4, keep=0.0))
    new = [d for d in after.topics if d.topic.kind is TopicKind.SUBJECT]
    labels = {(d.side, d.topic.label) for d in new}
    # Named by the words after the reporting verb; the call itself, and the grain
    # sentence (it has its one-sided issue already), make none.
    assert (Side.ONLY_A, "evacuation of Russian citizens") in labels
    assert (Side.ONLY_B, "detention of journalists") in labels
    assert all(d.topic.label != "Putin spoke by telephone with Biden" for d in new)
    (evacuation,) = [d for d in new if d.side is Side.ONLY_A and "evacuation" in d.topic.label]
    (hit,) = evacuation.hits_a
    assert (hit.start, hit.end) == (A.sentences[2].start, A.sentences[2].end)
    assert any(h.topic_id == evacuation.topic.id for h in after.a.hits)
    # A sentence under the bar stays as it was.
    assert verdicts.review(judgement(), alignment(), model(0.6, 0.0)).topics == judgement().topics


def test_a_one_sided_issue_the_model_doubts_is_shared_in_other_words() -> None:
    after = verdicts.review(judgement(), alignment(), model(point=1.0, keep=0.5, topic=-3.0))
    grain = next(d for d in after.topics if d.topic.id == "grain")
    assert grain.side is Side.BOTH and grain.in_other_words
    (there,) = grain.hits_b
    # B's only sentence that is a point and carries no issue of its own.
    assert there.sentence == 2 and there.other_words
    assert grain.confidence == pytest.approx(1 - 1 / (1 + 2.718281828**3), abs=1e-3)
    # Not when every sentence of B says something else or makes no point.
    press = tagged("b", [s.text for s in B.sentences], [("press", 2, "journalists")]).hits
    freedom = TopicDiff(
        topic=Topic(id="press", label="Press freedom"), side=Side.ONLY_B, hits_a=(), hits_b=press
    )
    busy = replace(judgement(), topics=(*judgement().topics, freedom))
    kept = verdicts.review(busy, alignment(), model(point=1.0, keep=0.5, topic=-3.0))
    assert next(d for d in kept.topics if d.topic.id == "grain").side is Side.ONLY_A


def test_a_point_reported_as_a_clause_is_named_by_what_it_reports() -> None:
    label = verdicts._label(
        "The Russian President said that normalisation of relations would serve both peoples.",
        "en",
    )
    assert label == "normalisation of relations"
    label = verdicts._label("Президент отметил, что нормализация отношений важна.", "ru")
    assert label == "нормализация отношений"


def test_a_point_without_a_reporting_verb_is_named_by_its_noun_phrase() -> None:
    # Not the sentence's opening words ("During the call, both sides reaffirmed their …").
    text = (
        "During the call, both sides reaffirmed their shared resolve to carry the strategic "
        "partnership forward."
    )
    assert verdicts._label(text, "en") == "strategic partnership"
    # A sentence with no noun phrase keeps its opening words.
    assert verdicts._label("They are null and void and change nothing at all.", "en") == (
        "They are null and void and change nothing …"
    )


def sample_pair(options: pipeline.Options | None = None) -> dict[str, Side]:
    a = reading.read_readout(str(SAMPLES / "kremlin.txt"))
    b = reading.read_readout(str(SAMPLES / "whitehouse.txt"))
    return {d.topic.id: d.side for d in pipeline.compare(a, b, options).topics}


@needs_encoder
def test_the_stage_can_be_turned_off_and_keeps_the_samples_pack_verdicts() -> None:
    on, off = sample_pair(), sample_pair(pipeline.Options(verdicts=False))
    assert {t: s for t, s in on.items() if not t.startswith("subject:")} == off
    assert any(t.startswith("subject:normalisation") for t in on)


@needs_encoder
def test_the_fit_script_writes_a_model_the_package_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = fit_on_samples(
        "fit_verdicts",
        tmp_path,
        monkeypatch,
        '[a]\nfile = "a.txt"\n[b]\nfile = "b.txt"\n'
        '[[topic]]\nname = "Iran"\nstatus = "only_a"\na = ["Iranian nuclear deal"]\n'
        '[[topic]]\nname = "Navalny"\nstatus = "only_b"\nb = ["Navalny"]\n'
        '[[topic]]\nname = "Covid"\nstatus = "only_a"\na = ["coronavirus pandemic"]\n'
        '[[topic]]\nname = "Ukraine"\nstatus = "both"\na = ["Ukraine"]\nb = ["Ukraine"]\n',
    )
    fitted = verdicts.parse_model(text)
    assert fitted.trained_on.startswith("1 calls, 18 sentences")
