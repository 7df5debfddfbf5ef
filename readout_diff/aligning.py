"""Aligning stage: which sentence of one readout reports the same point as which of the other.

Every sentence pair gets a similarity in [0, 1] that combines

* a lexical score: a soft Dice overlap of the two sentences' content lemmas, each
  weighted by its rarity across both readouts (IDF), where two lemmas count as the
  same word to the degree rapidfuzz finds them alike ("aggression" ~ "aggressive");
* a topic score: the IDF-weighted overlap of the two sentences' topic sets, which
  carries the alignment when the two governments use different words for one
  thing, and across languages (where lemmas are compared transliterated, so that
  names still match). Topics only raise a pair's score, never lower it: the pack
  often tags one point differently on the two sides, across languages ("the border
  between Belarus and Poland" ~ "на белорусско-польской границе") and within one
  ("keep up dialogue at various levels" ~ "will speak again soon"), most of all on
  calls whose wording the pack has not met.

An optimal one-to-one assignment (the Hungarian method) then pairs sentences, with
a small prior for pairs that stand at the same relative place in their readouts (both
governments tell a call in roughly the order it went: the greeting first, the next
contact last), pairs below the threshold are dropped, a sentence left over may join the group of
its best counterpart when one side split a point in two (1:n), and two sentences
that are each other's best match are always shown together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from readout_diff import pairing, similarity, subjects
from readout_diff.assignment import assignment
from readout_diff.model import (
    DEFAULT_ENCODER,
    DEFAULT_THRESHOLD,
    LEXICAL_THRESHOLD,
    AlignedGroup,
    Alignment,
    PairEvidence,
    TaggedReadout,
)
from readout_diff.overlap import lexical_scores, topic_scores, transliterate


@dataclass(frozen=True)
class AlignOptions:
    """Tuning of the aligner."""

    threshold: float | None = None
    """Pairs scoring below this are not aligned; their sentences count as unmatched.
    None: :data:`DEFAULT_THRESHOLD` with the sentence encoder, :data:`LEXICAL_THRESHOLD`
    without (see :meth:`resolved_threshold`)."""
    encoder: str = DEFAULT_ENCODER
    """The sentence encoder (see :mod:`readout_diff.similarity`); ``none``: lexical only."""
    semantic_weight: float = 0.5
    """Share of the encoder's margin score beside the lexical score, when there is an encoder."""
    topic_weight: float = 0.4
    """Share of the topic score in a pair's similarity when both sentences carry topics."""
    lexical_topic_weight: float = 0.5
    """The topic share without an encoder, when both readouts share a language."""
    cross_lingual_topic_weight: float = 0.9
    """The topic share without an encoder, across languages (little else survives)."""
    fuzzy_cutoff: float = 80.0
    """rapidfuzz ratio from which two different lemmas count as (partly) the same word."""
    join_threshold: float | None = None
    """A leftover sentence joins a group (1:n) only from this score: a split needs a
    little more evidence than a pair. None: the threshold plus 0.05."""
    max_group: int = 2
    """Most sentences one side may put into a group (2 allows 1:2 splits)."""
    position_weight: float = 0.05
    """Prior for pairs at the same relative place in their readouts, used where pairs are
    chosen (the assignment, the threshold, the groups): ``weight * (0.5 - distance)``,
    where distance is the gap between the two sentences' relative positions (0: the
    same place, 1: first against last). With 0.05, a pair at the same place passes from
    0.025 under the threshold and a pair at opposite ends needs 0.025 over it. The
    reported similarity, and every judgement made on it, stays the content's alone."""
    pairing: bool = True
    """Choose pairs with the learned pairing model too (see :mod:`readout_diff.pairing`),
    when there is an encoder; False: on the content similarity alone."""
    pairing_floor: float = 0.05
    """How far under the threshold a pair's content similarity may lie for the pairing
    model to choose it: the model ranks pairs by how they stand among the others, and
    two sentences left over with nothing in common must not pair for that alone."""
    mutual_best: bool = True
    """Also align two sentences that are each other's best match when the assignment
    gave one of them to another sentence (that sentence then sits in two groups)."""

    def resolved_threshold(self, semantic: bool) -> float:
        """The threshold in force: the one given, else the default for the signals used."""
        if self.threshold is not None:
            return self.threshold
        return DEFAULT_THRESHOLD if semantic else LEXICAL_THRESHOLD


def align(a: TaggedReadout, b: TaggedReadout, options: AlignOptions | None = None) -> Alignment:
    """Align the sentences of two tagged readouts."""
    opts = options or AlignOptions()
    parts = _signals(a, b, opts)
    scores = parts.combined
    threshold = opts.resolved_threshold(parts.semantic is not None)
    status = similarity.encoder_status(opts.encoder)
    title_a, title_b = subjects.has_title_line(a), subjects.has_title_line(b)
    chosen_on, bar, probability = _choice_scores(parts, a, b, opts, threshold)
    ranked = _titles_apart(_with_position(chosen_on, opts.position_weight), title_a, title_b)
    pairs = [(i, j) for i, j in assignment(ranked) if ranked[i, j] >= bar]
    groups = [
        _with_evidence(_content_score(g, scores), a, b, parts, probability)
        for g in _grow_groups(ranked, pairs, opts, bar)
    ]
    # A title line unpaired is not a point said alone: it names the event. A weak pair
    # (content under the threshold, chosen for its place or by the pairing model) is
    # shown, but its sentences have no counterpart saying the same: they stay unmatched.
    strong = [g for g in groups if g.score >= threshold]
    in_a = {i for g in strong for i in g.a} | ({0} if title_a else set())
    in_b = {j for g in strong for j in g.b} | ({0} if title_b else set())
    return Alignment(
        groups=tuple(groups),
        unmatched_a=tuple(i for i in range(len(a.sentences)) if i not in in_a),
        unmatched_b=tuple(j for j in range(len(b.sentences)) if j not in in_b),
        threshold=threshold,
        similarity=_as_tuples(scores),
        encoder=status.name,
        note=status.note,
        semantic=() if parts.semantic is None else _as_tuples(round4(parts.semantic)),
    )


def _choice_scores(
    parts: _Parts, a: TaggedReadout, b: TaggedReadout, opts: AlignOptions, threshold: float
) -> tuple[np.ndarray, float, np.ndarray | None]:
    """The scores pairs are chosen on, the bar they must reach, and the pairing model's
    probabilities (None when it is not used).

    With the encoder and :attr:`AlignOptions.pairing`: the content similarity blended
    with the pairing model's confidence, against the same blend of the two thresholds
    (pairs whose content lies more than :attr:`AlignOptions.pairing_floor` under the
    threshold are out); else the content similarity against the threshold.
    """
    if not opts.pairing or parts.semantic is None or parts.margin is None:
        return parts.combined, threshold, None
    model = pairing.load_model()
    probability = model.pair_probabilities(_feature_matrices(parts, a, b))
    sure = pairing.confidence(probability)
    share = model.blend
    blended = round4((1 - share) * parts.combined + share * sure)
    # The model may lift a pair the content alone would not pass, when it gives the pair
    # at least its floor and the content comes near the threshold; it never bars a pair
    # the content passes (the assignment may still prefer another).
    near = parts.combined >= threshold - opts.pairing_floor
    allowed = (parts.combined >= threshold) | (near & (probability >= model.floor))
    blended = np.where(allowed, blended, 0.0)
    bar = (1 - share) * threshold + share * float(pairing.confidence(model.threshold))
    return blended, round(bar, 4), probability


def pair_features(
    a: TaggedReadout, b: TaggedReadout, options: AlignOptions | None = None
) -> np.ndarray | None:
    """The pairing model's inputs for every sentence pair (rows: ``a``), or None
    without an encoder: what ``eval/fit_pairing.py`` fits the model on."""
    parts = _signals(a, b, options or AlignOptions())
    if parts.semantic is None or parts.margin is None:
        return None
    return pairing.features(_feature_matrices(parts, a, b))


def _feature_matrices(
    parts: _Parts, a: TaggedReadout, b: TaggedReadout
) -> Iterator[tuple[str, np.ndarray]]:
    assert parts.semantic is not None and parts.margin is not None
    return pairing.feature_matrices(
        parts.lexical,
        parts.topic,
        np.array([bool(t) for t in parts.topics_a], dtype=bool),
        np.array([bool(t) for t in parts.topics_b], dtype=bool),
        parts.semantic,
        parts.margin,
        cross=a.readout.language != b.readout.language,
    )


def _with_position(scores: np.ndarray, weight: float) -> np.ndarray:
    """``scores`` with the position prior of :attr:`AlignOptions.position_weight`."""
    rows, cols = scores.shape
    if not weight or not rows or not cols:
        return scores
    place_a = (np.arange(rows) + 0.5) / rows
    place_b = (np.arange(cols) + 0.5) / cols
    distance = np.abs(place_a[:, None] - place_b[None, :])
    return round4(np.clip(scores + weight * (0.5 - distance), 0.0, 1.0))


def _titles_apart(ranked: np.ndarray, title_a: bool, title_b: bool) -> np.ndarray:
    """``ranked`` where a title line may pair only with the other readout's title.

    A title names the event ("Xi Jinping Speaks with British Prime Minister Keir
    Starmer on the Phone"), not a point, so it is no counterpart of the sentence that
    reports the call; paired with it, it takes that sentence from its counterpart.
    """
    if not (title_a or title_b) or not ranked.size:
        return ranked
    out = ranked.copy()
    if title_a:
        out[0, :] = 0.0
    if title_b:
        out[:, 0] = 0.0
    if title_a and title_b:
        out[0, 0] = ranked[0, 0]
    return out


def _content_score(group: AlignedGroup, scores: np.ndarray) -> AlignedGroup:
    """``group`` scored by the content similarity of its best pair (without the prior)."""
    return replace(group, score=float(scores[np.ix_(group.a, group.b)].max()))


def similarity_matrix(
    a: TaggedReadout, b: TaggedReadout, options: AlignOptions | None = None
) -> list[list[float]]:
    """Similarity in [0, 1] of every sentence of ``a`` with every sentence of ``b``."""
    scores: list[list[float]] = _similarity_scores(a, b, options or AlignOptions()).tolist()
    return scores


@dataclass(frozen=True)
class _Parts:
    """The signals behind a similarity matrix, kept to explain the pairs they made."""

    combined: np.ndarray
    lexical: np.ndarray
    topic: np.ndarray
    semantic: np.ndarray | None
    margin: np.ndarray | None
    words_a: list[tuple[str, ...]]
    words_b: list[tuple[str, ...]]
    topics_a: list[frozenset[str]]
    topics_b: list[frozenset[str]]


def _similarity_scores(a: TaggedReadout, b: TaggedReadout, opts: AlignOptions) -> np.ndarray:
    """:func:`similarity_matrix` as an array (rows: sentences of ``a``)."""
    return _signals(a, b, opts).combined


def comparable_words(tagged: TaggedReadout, other_language: str) -> list[tuple[str, ...]]:
    """Each sentence's content lemmas in the form compared with a readout in ``other_language``.

    Within one language, the lemmas as they are. Across languages, each lemma becomes
    its glossary concept ("урегулирование" -> ``settlement``), and what the glossary
    does not know is transliterated, since names survive translation ("Путин" ~ "Putin").
    """
    lang = tagged.readout.language
    docs = [s.lemmas for s in tagged.sentences]
    if lang == other_language:
        return [tuple(doc) for doc in docs]
    return [tuple(transliterate(t) for t in similarity.concepts(doc, lang)) for doc in docs]


def _signals(a: TaggedReadout, b: TaggedReadout, opts: AlignOptions) -> _Parts:
    lang_a, lang_b = a.readout.language, b.readout.language
    words_a, words_b = comparable_words(a, lang_b), comparable_words(b, lang_a)
    lexical = lexical_scores(words_a, words_b, opts.fuzzy_cutoff)
    topics_a = _topics_by_sentence(a)
    topics_b = _topics_by_sentence(b)
    topic = topic_scores(topics_a, topics_b)
    encoder = similarity.load_encoder(opts.encoder)
    texts_a, texts_b = [s.text for s in a.sentences], [s.text for s in b.sentences]
    if lang_a == lang_b == "en":
        texts_a = [similarity.reported_content(t) for t in texts_a]
        texts_b = [similarity.reported_content(t) for t in texts_b]
    semantic = similarity.semantic_matrix(texts_a, texts_b, encoder)
    if semantic is not None:
        margin = semantic[1]
        plain = (1 - opts.semantic_weight) * lexical + opts.semantic_weight * margin
        weight = opts.topic_weight
    else:
        plain = lexical
        weight = opts.lexical_topic_weight if lang_a == lang_b else opts.cross_lingual_topic_weight
    tagged_a = np.array([bool(t) for t in topics_a], dtype=bool)
    tagged_b = np.array([bool(t) for t in topics_b], dtype=bool)
    both = tagged_a[:, None] & tagged_b[None, :]
    mixed = weight * topic + (1 - weight) * plain
    mixed = np.maximum(mixed, plain)
    scores = np.where(both, mixed, plain)
    return _Parts(
        combined=round4(np.clip(scores, 0.0, 1.0)),
        lexical=lexical,
        topic=topic,
        semantic=None if semantic is None else semantic[0],
        margin=None if semantic is None else semantic[1],
        words_a=words_a,
        words_b=words_b,
        topics_a=topics_a,
        topics_b=topics_b,
    )


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _with_evidence(
    group: AlignedGroup,
    a: TaggedReadout,
    b: TaggedReadout,
    parts: _Parts,
    probability: np.ndarray | None = None,
) -> AlignedGroup:
    """The group with what carried it: shared words, numbers and topics, and each signal."""
    words_b = {w for j in group.b for w in parts.words_b[j]}
    shared: list[str] = []
    for i in group.a:
        for original, compared in zip(a.sentences[i].lemmas, parts.words_a[i], strict=True):
            if compared in words_b and original not in shared and not original.isdigit():
                shared.append(original)
    numbers_a = {n for i in group.a for n in _NUMBER.findall(a.sentences[i].text)}
    numbers_b = {n for j in group.b for n in _NUMBER.findall(b.sentences[j].text)}
    topics = set().union(*(parts.topics_a[i] for i in group.a)) & set().union(
        *(parts.topics_b[j] for j in group.b)
    )
    cells = [(i, j) for i in group.a for j in group.b]
    semantic = (
        None
        if parts.semantic is None
        else round(max(float(parts.semantic[i, j]) for i, j in cells), 4)
    )
    evidence = PairEvidence(
        words=tuple(shared),
        numbers=tuple(sorted(numbers_a & numbers_b, key=lambda n: (len(n), n))),
        topics=tuple(sorted(topics)),
        lexical=round(max(float(parts.lexical[i, j]) for i, j in cells), 4),
        topic=round(max(float(parts.topic[i, j]) for i, j in cells), 4),
        semantic=semantic,
        pairing=None
        if probability is None
        else round(max(float(probability[i, j]) for i, j in cells), 4),
    )
    return AlignedGroup(a=group.a, b=group.b, score=group.score, evidence=evidence)


def _topics_by_sentence(tagged: TaggedReadout) -> list[frozenset[str]]:
    """``tagged.sentence_topics(i)`` of every sentence, in one pass over the hits."""
    found: dict[int, set[str]] = {}
    for hit in tagged.hits:
        found.setdefault(hit.sentence, set()).add(hit.topic_id)
    return [frozenset(found.get(s.index, ())) for s in tagged.sentences]


def round4(values: np.ndarray) -> np.ndarray:
    """``round(x, 4)`` of every element, bit for bit, without a Python call per element.

    ``rint(x * 10**4) / 10**4`` is the double nearest to the rounded decimal, as
    Python's ``round`` returns, except where ``x * 10**4`` lies so close to a half
    that the product's own rounding may tip it; those few are rounded by Python.
    """
    scaled = np.asarray(values, dtype=np.float64) * 10_000.0
    out = np.rint(scaled) / 10_000.0
    near_half = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    if near_half.any():
        out[near_half] = [round(float(x), 4) for x in np.asarray(values)[near_half]]
    return out


_FOUR_DECIMALS = tuple(k / 10_000 for k in range(10_001))


def _as_tuples(scores: np.ndarray) -> tuple[tuple[float, ...], ...]:
    """Rows of scores in [0, 1] with four decimals as tuples, each value one shared float.

    A 2,000 x 2,000 matrix holds four million scores; as separate float objects
    they would take 100 MB, as references to the 10,001 possible values 32 MB.
    """
    if not scores.size:
        return tuple(() for _ in range(scores.shape[0]))
    steps = np.rint(scores * 10_000.0).astype(np.int64)
    value = _FOUR_DECIMALS.__getitem__
    return tuple(tuple(map(value, row)) for row in steps.tolist())


def _grow_groups(
    matrix: Sequence[Sequence[float]] | np.ndarray,
    pairs: list[tuple[int, int]],
    opts: AlignOptions,
    threshold: float | None = None,
) -> list[AlignedGroup]:
    """Turn 1:1 pairs into groups, letting leftover sentences join their best counterpart."""
    if threshold is None:
        threshold = opts.resolved_threshold(semantic=True)
    join = opts.join_threshold if opts.join_threshold is not None else threshold + 0.05
    scores = _as_array(matrix)
    rows, cols = scores.shape
    members: list[tuple[list[int], list[int]]] = [([i], [j]) for i, j in pairs]
    group_of_a = {i: k for k, (i, _) in enumerate(pairs)}
    group_of_b = {j: k for k, (_, j) in enumerate(pairs)}
    paired_a = np.zeros(rows, dtype=bool)
    paired_a[list(group_of_a)] = True
    paired_b = np.zeros(cols, dtype=bool)
    paired_b[list(group_of_b)] = True
    strong = scores >= join
    candidates: list[tuple[float, str, int, int]] = []
    for i, j in zip(*np.nonzero(strong & ~paired_a[:, None] & paired_b[None, :]), strict=True):
        candidates.append((float(scores[i, j]), "a", int(i), int(j)))
    for i, j in zip(*np.nonzero(strong & paired_a[:, None] & ~paired_b[None, :]), strict=True):
        candidates.append((float(scores[i, j]), "b", int(j), int(i)))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    joined_a: set[int] = set()
    joined_b: set[int] = set()
    for _score, side, mine, theirs in candidates:
        if side == "a":
            if mine in joined_a:
                continue
            group = members[group_of_b[theirs]]
            if len(group[1]) == 1 and len(group[0]) < opts.max_group:
                group[0].append(mine)
                joined_a.add(mine)
        else:
            if mine in joined_b:
                continue
            group = members[group_of_a[theirs]]
            if len(group[0]) == 1 and len(group[1]) < opts.max_group:
                group[1].append(mine)
                joined_b.add(mine)
    groups = []
    for ids_a, ids_b in members:
        score = float(scores[np.ix_(ids_a, ids_b)].max())
        groups.append(AlignedGroup(a=tuple(sorted(ids_a)), b=tuple(sorted(ids_b)), score=score))
    if opts.mutual_best:
        groups += _mutual_best_pairs(scores, groups, threshold)
    groups.sort(key=lambda g: (g.a[0], g.b[0]))
    return groups


def _mutual_best_pairs(
    matrix: Sequence[Sequence[float]] | np.ndarray, groups: list[AlignedGroup], threshold: float
) -> list[AlignedGroup]:
    """Pairs of sentences that are each other's best match but were assigned elsewhere.

    The assignment maximises the total score, so it may give a sentence to its
    second-best counterpart to make room elsewhere; a mutual best match is too
    strong a signal to hide, so it is shown as a group of its own. Ties go to the
    lowest index, on both sides.
    """
    scores = _as_array(matrix)
    rows, cols = scores.shape
    if not rows or not cols:
        return []
    together = {(i, j) for g in groups for i in g.a for j in g.b}
    best_col = np.argmax(scores, axis=1)  # argmax keeps the first of equal maxima
    best_row = np.argmax(scores, axis=0)
    extra = []
    for i in range(rows):
        j = int(best_col[i])
        score = float(scores[i, j])
        if score < threshold or (i, j) in together:
            continue
        if best_row[j] == i:
            extra.append(AlignedGroup(a=(i,), b=(j,), score=score))
    return extra


def _as_array(matrix: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    """A score matrix as a 2-D float array (an empty one has shape (0, 0))."""
    scores = np.asarray(matrix, dtype=np.float64)
    return scores if scores.ndim == 2 else scores.reshape(len(scores), 0)
