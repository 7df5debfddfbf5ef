"""Verdict stage: a learned second opinion on which points are one-sided.

The judgement (:mod:`readout_diff.judging`) works from the pack: an issue is one-sided
when one readout has its words and the other has none. Two kinds of error survive it,
and both show in how a sentence sits against the other readout, which the rules do
not weigh together:

* **A point of its own under a shared issue, or under none.** "The President raised
  the planned operation in Rafah" carries the Middle East, which both readouts
  discuss; the other readout answers nothing like it. A sentence the *sentence model*
  judges a one-sided point, and that carries no one-sided issue yet, becomes one: a
  :class:`~readout_diff.model.TopicKind.SUBJECT` named by the words after its reporting
  verb (or its opening words), the whole sentence as evidence.
* **A one-sided issue the other readout makes in other words.** The *topic model*
  judges each one-sided issue from where it stands: its first mention, how close its
  sentences come to the other readout's, whether the aligner paired them. An issue it
  gives less than an even chance is shared "in other words", with the other readout's
  closest sentence as evidence and the model's confidence.

Both are logistic regressions over the features below, fitted on both answer keys of
the check sets and the development corpus by ``eval/fit_verdicts.py``; the weights
are data (``weights/verdicts.toml``), validated on load. Without the sentence encoder
the features are not there and the verdicts stay the judgement's.
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from readout_diff import countries, pointnames, subjects
from readout_diff.judging import Judgement, shared_in_other_words
from readout_diff.model import (
    Alignment,
    Presence,
    Side,
    TaggedReadout,
    Topic,
    TopicDiff,
    TopicHit,
    TopicKind,
)
from readout_diff.pairing import is_number

SENTENCE_FEATURES = (
    "point",
    "issues",
    "shared_issues",
    "one_sided_issues",
    "paired",
    "paired_on_issue",
    "max_score",
    "score_gap",
    "max_cosine",
    "cosine_gap",
    "best_shares_issue",
    "best_has_issue",
    "position",
    "first",
    "last",
    "words",
    "cross",
    "length_ratio",
)
"""Of one sentence against the other readout (see :func:`sentence_features`). None says
which side the sentence is on: swapping the readouts swaps the verdicts."""

TOPIC_FEATURES = (
    "max_point",
    "min_point",
    "mean_point",
    "sentences",
    "position",
    "max_cosine_max",
    "max_cosine_min",
    "max_score",
    "min_paired",
    "details",
    "group_in_other",
    "evidence",
    "cross",
    "adhoc",
    "pack",
    "subject",
)
"""Of one one-sided issue (see :func:`topic_features`)."""

_COLUMN = {name: i for i, name in enumerate(SENTENCE_FEATURES)}

LABEL_WORDS = 8
"""Words of a sentence that name its point when no reporting verb introduces it."""

_SAID_THAT = re.compile(
    r"^.{0,120}?\b(?:said|noted|stressed|emphasi[sz]ed|underlined|pointed out|added|stated"
    r"|confirmed|reaffirmed|reiterated|believes?)\s+that\s+"
    r"|^.{0,120}?(?:отметил\w*|подчеркнул\w*|заявил\w*|указал\w*|сказал\w*|констатировал\w*)"
    r",?\s+что\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Logistic:
    """Weights and intercept of one logistic regression over named features."""

    weights: tuple[float, ...]
    intercept: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class VerdictModel:
    """The sentence and topic models and the two bars they are read against."""

    sentence: Logistic
    topic: Logistic
    point: float
    """Probability from which a sentence is a one-sided point of its own."""
    keep: float
    """Probability under which a one-sided issue is shared in other words."""
    trained_on: str


class VerdictModelError(ValueError):
    """The verdict model's file is malformed."""


def sentence_features(
    a: TaggedReadout, b: TaggedReadout, topics: Sequence[TopicDiff], alignment: Alignment
) -> tuple[list[list[float]], list[list[float]]]:
    """Per readout, per sentence, the values of :data:`SENTENCE_FEATURES`.

    Issues are the judged topics' own hits (not their answers). A sentence is paired
    when the aligner put it with one of the other readout's over its threshold. Scores
    and cosines are against the other readout's points (:func:`subjects.is_point`);
    the best sentence there is the point with the highest content score.
    """
    readouts = (a, b)
    sizes = (len(a.sentences), len(b.sentences))
    issues: tuple[list[set[str]], list[set[str]]] = (
        [set() for _ in range(sizes[0])],
        [set() for _ in range(sizes[1])],
    )
    one_sided: tuple[list[set[str]], list[set[str]]] = (
        [set() for _ in range(sizes[0])],
        [set() for _ in range(sizes[1])],
    )
    for diff in topics:
        for side, hits in enumerate(diff.hits):
            for hit in hits:
                issues[side][hit.sentence].add(diff.topic.id)
                if diff.side is not Side.BOTH:
                    one_sided[side][hit.sentence].add(diff.topic.id)
    partners: tuple[list[set[int]], list[set[int]]] = (
        [set() for _ in range(sizes[0])],
        [set() for _ in range(sizes[1])],
    )
    for i, j in alignment.answering_pairs():
        partners[0][i].add(j)
        partners[1][j].add(i)
    cross = float(a.readout.language != b.readout.language)
    # Only the other readout's points count as its counterparts: a sentence is close to
    # the other side's title or its "spoke by telephone" for the names they share.
    is_point = tuple([subjects.is_point(s.text, s.index) for s in t.sentences] for t in readouts)
    points = tuple([k for k, point in enumerate(flags) if point] for flags in is_point)
    out: tuple[list[list[float]], list[list[float]]] = ([], [])
    for side in (0, 1):
        other = 1 - side
        for k, sentence in enumerate(readouts[side].sentences):
            pairs = [(k, j) if side == 0 else (j, k) for j in points[other]]
            scores = [alignment.score(i, j) for i, j in pairs] or [0.0]
            cosines = [alignment.semantic[i][j] for i, j in pairs] or [0.0]
            ranked, close = sorted(scores, reverse=True), sorted(cosines, reverse=True)
            best = (
                points[other][max(range(len(scores)), key=lambda j: scores[j])]
                if points[other]
                else None
            )
            best_issues = issues[other][best] if best is not None else set()
            mine = issues[side][k]
            values = {
                "point": float(is_point[side][k]),
                "issues": float(len(mine)),
                "shared_issues": float(len(mine - one_sided[side][k])),
                "one_sided_issues": float(len(one_sided[side][k])),
                "paired": float(bool(partners[side][k])),
                "paired_on_issue": float(any(mine & issues[other][j] for j in partners[side][k])),
                "max_score": ranked[0],
                "score_gap": ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0),
                "max_cosine": close[0],
                "cosine_gap": close[0] - (close[1] if len(close) > 1 else 0.0),
                "best_shares_issue": float(bool(mine & best_issues)),
                "best_has_issue": float(bool(best_issues)),
                "position": k / max(1, sizes[side] - 1),
                "first": float(k == 0),
                "last": float(k == sizes[side] - 1),
                "words": len(sentence.text.split()) / 30,
                "cross": cross,
                "length_ratio": sizes[side] / max(1, sizes[other]),
            }
            out[side].append([values[name] for name in SENTENCE_FEATURES])
    return out


def topic_features(
    diff: TopicDiff,
    side: int,
    sentences: Sequence[Sequence[float]],
    points: Sequence[float],
    size: int,
    other_groups: set[str],
) -> list[float]:
    """The values of :data:`TOPIC_FEATURES` for a one-sided issue on ``side``.

    ``sentences`` and ``points`` are that readout's sentence features and sentence-model
    probabilities; ``size`` its number of sentences; ``other_groups`` the groups of the
    topics the other readout has.
    """
    hits = diff.hits[side]
    where = sorted({h.sentence for h in hits})
    probs = [points[k] for k in where]

    def values(name: str) -> list[float]:
        return [sentences[k][_COLUMN[name]] for k in where]

    kind = diff.topic.kind
    return [
        max(probs),
        min(probs),
        sum(probs) / len(probs),
        float(len(where)),
        where[0] / max(1, size - 1),
        max(values("max_cosine")),
        min(values("max_cosine")),
        max(values("max_score")),
        min(values("paired")),
        float(len(diff.details)),
        float((diff.topic.group or "") in other_groups),
        float(len(hits)),
        sentences[where[0]][_COLUMN["cross"]],
        float(kind is TopicKind.ADHOC),
        float(kind is TopicKind.PACK),
        float(kind is TopicKind.SUBJECT),
    ]


def one_sided_rows(
    judgement: Judgement,
    features: tuple[list[list[float]], list[list[float]]],
    points: Sequence[Sequence[float]],
) -> Iterator[tuple[int, int, list[float]]]:
    """(index in ``judgement.topics``, side, :data:`TOPIC_FEATURES` values) of every
    one-sided issue: what the topic model judges, in :func:`review` and in its fit."""
    groups: tuple[set[str], set[str]] = (set(), set())
    for diff in judgement.topics:
        for side, hits in enumerate(diff.hits):
            if hits:
                groups[side].add(diff.topic.group or "")
    sizes = (len(judgement.a.sentences), len(judgement.b.sentences))
    for index, diff in enumerate(judgement.topics):
        if diff.side is Side.BOTH:
            continue
        side = 0 if diff.side is Side.ONLY_A else 1
        row = topic_features(
            diff, side, features[side], points[side], sizes[side], groups[1 - side]
        )
        yield index, side, row


def review(
    judgement: Judgement, alignment: Alignment, model: VerdictModel | None = None
) -> Judgement:
    """The judgement with the verdict models' second opinion applied (module docstring):
    the readouts with the new points' hits, some one-sided issues now shared, new
    one-sided points after the issues. Unchanged without the sentence encoder."""
    a, b, topics = judgement.a, judgement.b, judgement.topics
    if not alignment.semantic or not a.sentences or not b.sentences:
        return judgement
    m = model or load_model()
    readouts = (a, b)
    features = sentence_features(a, b, topics, alignment)
    points = tuple([m.sentence.probability(f) for f in rows] for rows in features)
    # The sentences that could say an issue in other words: points with no issue of
    # their own (as in the judgement's own confirmation).
    free = tuple(
        {k for k, row in enumerate(rows) if row[_COLUMN["point"]] and not row[_COLUMN["issues"]]}
        for rows in features
    )
    reviewed = list(topics)
    one_sided: tuple[set[int], set[int]] = (set(), set())
    for index, side, row in one_sided_rows(judgement, features, points):
        diff = topics[index]
        p = m.topic.probability(row)
        shared = (
            _shared_in_other_words(diff, side, readouts, alignment, 1.0 - p, free[1 - side])
            if p < m.keep
            else None
        )
        if shared is not None:
            reviewed[index] = shared
        else:
            one_sided[side].update(h.sentence for h in diff.hits[side])
    found: tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]] = ({}, {})
    parties = functools.cache(lambda: countries.party_names(readouts))  # only to name one
    for side, tagged in enumerate(readouts):
        for k, sentence in enumerate(tagged.sentences):
            if points[side][k] < m.point or k in one_sided[side]:
                continue
            if not features[side][k][_COLUMN["point"]]:
                continue
            label = _label(sentence.text, tagged.readout.language, parties())
            found[side].setdefault("subject:" + subjects.slug(label), (k, label))
    # A name the judgement has, or both readouts' points share, is no one-sided point.
    taken = {diff.topic.id for diff in topics} | (found[0].keys() & found[1].keys())
    new_hits: tuple[list[TopicHit], list[TopicHit]] = ([], [])
    for side, tagged in enumerate(readouts):
        for topic_id, (k, label) in found[side].items():
            if topic_id in taken:
                continue
            topic = Topic(id=topic_id, label=label, kind=TopicKind.SUBJECT)
            hit = TopicHit.whole(topic_id, tagged.sentences[k])
            new_hits[side].append(hit)
            reviewed.append(
                TopicDiff(
                    topic=topic,
                    side=Side.ONLY_A if side == 0 else Side.ONLY_B,
                    hits_a=(hit,) if side == 0 else (),
                    hits_b=(hit,) if side == 1 else (),
                    presence=(
                        (Presence.DISCUSSED, Presence.ABSENT)
                        if side == 0
                        else (Presence.ABSENT, Presence.DISCUSSED)
                    ),
                    confidence=round(points[side][k], 3),
                )
            )
    return replace(
        judgement,
        a=a.with_hits(new_hits[0]),
        b=b.with_hits(new_hits[1]),
        topics=tuple(reviewed),
    )


def _label(text: str, language: str, parties: Sequence[re.Pattern[str]] = ()) -> str:
    """A point's name: the words after its reporting verb, else the noun phrase that
    says what it reports (:func:`readout_diff.pointnames.point_phrase`), else its
    opening words ("The President said that normalisation …" -> "normalisation …")."""
    span = subjects.subject_phrase(text)
    if span is not None:
        return text[span[0] : span[1]]
    said = _SAID_THAT.match(text)
    reported = said.end() if said else 0
    span = pointnames.point_phrase(text[reported:], language, parties)
    if span is not None:
        return text[reported + span[0] : reported + span[1]]
    words = text[reported:].rstrip(" .;:").split()
    return " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")


def _shared_in_other_words(
    diff: TopicDiff,
    here: int,
    readouts: tuple[TaggedReadout, TaggedReadout],
    alignment: Alignment,
    confidence: float,
    candidates: set[int],
) -> TopicDiff | None:
    """``diff`` shared, with the closest of the other readout's ``candidates`` (content
    score) to its own sentences as that readout's evidence; None without candidates."""
    there = 1 - here
    mine = sorted({h.sentence for h in diff.hits[here]})
    others = sorted(candidates)
    if not others:
        return None

    def score(j: int) -> float:
        return max(alignment.score(i, j) if here == 0 else alignment.score(j, i) for i in mine)

    best = max(others, key=lambda j: (score(j), -j))
    return shared_in_other_words(diff, here, readouts[there].sentences[best], confidence)


@functools.cache
def load_model() -> VerdictModel:
    """The verdict model shipped in the package (validated)."""
    text = resources.files("readout_diff").joinpath("weights/verdicts.toml").read_text("utf-8")
    return parse_model(text)


def _logistic(data: object, names: tuple[str, ...], which: str) -> Logistic:
    if not isinstance(data, dict):
        raise VerdictModelError(f"verdict model: [{which}] is missing")
    if data.get("features") != list(names):
        raise VerdictModelError(
            f"verdict model: [{which}] is not over the features this version computes"
        )
    weights = data.get("weights")
    if not isinstance(weights, list) or len(weights) != len(names):
        raise VerdictModelError(f"verdict model: [{which}] needs one weight per feature")
    if not all(is_number(x) for x in [*weights, data.get("intercept")]):
        raise VerdictModelError(f"verdict model: [{which}] weights must be numbers")
    return Logistic(weights=tuple(float(w) for w in weights), intercept=float(data["intercept"]))


def parse_model(text: str) -> VerdictModel:
    """A :class:`VerdictModel` from its TOML, or :class:`VerdictModelError` saying why not."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VerdictModelError(f"verdict model: not TOML ({exc})") from None
    sentence = _logistic(data.get("sentence"), SENTENCE_FEATURES, "sentence")
    topic = _logistic(data.get("topic"), TOPIC_FEATURES, "topic")
    bars = [data.get("point"), data.get("keep")]
    if not all(is_number(x) and 0.0 <= float(x) <= 1.0 for x in bars):  # type: ignore[arg-type]
        raise VerdictModelError("verdict model: point and keep must be probabilities")
    return VerdictModel(
        sentence=sentence,
        topic=topic,
        point=float(data["point"]),
        keep=float(data["keep"]),
        trained_on=str(data.get("trained_on", "")),
    )
