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

An optimal one-to-one assignment (the Hungarian method) then pairs sentences,
pairs below the threshold are dropped, a sentence left over may join the group of
its best counterpart when one side split a point in two (1:n), and two sentences
that are each other's best match are always shown together.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from readout_diff import similarity
from readout_diff.assignment import LARGE_CELLS, assignment
from readout_diff.model import (
    DEFAULT_ENCODER,
    DEFAULT_THRESHOLD,
    LEXICAL_THRESHOLD,
    AlignedGroup,
    Alignment,
    PairEvidence,
    TaggedReadout,
)


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
    pairs = [(i, j) for i, j in assignment(scores) if scores[i, j] >= threshold]
    groups = [_with_evidence(g, a, b, parts) for g in _grow_groups(scores, pairs, opts, threshold)]
    in_a = {i for g in groups for i in g.a}
    in_b = {j for g in groups for j in g.b}
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
    lexical = _lexical_scores(words_a, words_b, opts.fuzzy_cutoff)
    topics_a = _topics_by_sentence(a)
    topics_b = _topics_by_sentence(b)
    topic = _topic_scores(topics_a, topics_b)
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
        words_a=words_a,
        words_b=words_b,
        topics_a=topics_a,
        topics_b=topics_b,
    )


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _with_evidence(
    group: AlignedGroup, a: TaggedReadout, b: TaggedReadout, parts: _Parts
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


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
        strict=True,
    )
)


def transliterate(word: str) -> str:
    """A lowercase Cyrillic word in Latin letters, so that names can match across languages."""
    return "".join(_CYRILLIC.get(ch, ch) for ch in word).replace("-", "")


def _idf(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    """Inverse document frequency, smoothed so that no term weighs zero."""
    df = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    return {term: math.log(1 + n / count) for term, count in df.items()}


def _informative_idf(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    """BM25's inverse document frequency (in Lucene's form, never negative).

    A word found in most sentences (the leaders' names, "United States") says
    little about which sentences report the same point, so it weighs next to
    nothing, far less than under the smoothed IDF used for topics.
    """
    df = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    return {term: math.log(1 + (n - c + 0.5) / (c + 0.5)) for term, c in df.items()}


def lexical_matrix(
    a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], fuzzy_cutoff: float = 80.0
) -> list[list[float]]:
    """Soft, IDF-weighted Dice overlap of the content lemmas of every sentence pair.

    See :func:`_lexical_scores`.
    """
    scores: list[list[float]] = _lexical_scores(a, b, fuzzy_cutoff).tolist()
    return scores


def _lexical_scores(
    a: Sequence[Sequence[str]], b: Sequence[Sequence[str]], fuzzy_cutoff: float = 80.0
) -> np.ndarray:
    """Soft, IDF-weighted Dice overlap of the content lemmas of every sentence pair.

    For a pair (A, B), each lemma of A counts with its weight times its best likeness
    to a lemma of B, and the other way round; the sum is divided by the weight of all
    lemmas of both. Likeness is 1 for the same lemma and rapidfuzz's ratio (from
    ``fuzzy_cutoff`` up) for different lemmas of more than three letters.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)))
    idf = _informative_idf([*a, *b])
    vocab_a = sorted({t for doc in a for t in doc})
    vocab_b = sorted({t for doc in b for t in doc})
    if not vocab_a or not vocab_b:
        return np.zeros((len(a), len(b)))
    col_a = {t: k for k, t in enumerate(vocab_a)}
    col_b = {t: k for k, t in enumerate(vocab_b)}
    alike = process.cdist(
        vocab_a, vocab_b, scorer=fuzz.ratio, score_cutoff=fuzzy_cutoff, dtype=np.float64
    )
    alike /= 100.0
    short_a = np.array([len(t) <= 3 for t in vocab_a])
    short_b = np.array([len(t) <= 3 for t in vocab_b])
    alike[short_a[:, None] | short_b[None, :]] = 0.0
    for term in col_a.keys() & col_b.keys():
        alike[col_a[term], col_b[term]] = 1.0

    weights_a, best_b = _weights_and_best(a, col_a, idf, alike)
    alike = np.ascontiguousarray(alike.T)  # rows gathered fast; the original is freed
    weights_b, best_a = _weights_and_best(b, col_b, idf, alike)
    del alike
    if len(a) * len(b) <= LARGE_CELLS:
        covered = weights_a @ best_a.T + best_b @ weights_b.T
    else:
        # A sentence has a dozen lemmas out of thousands: multiply only those.
        covered = _sparse_product(weights_a, best_a) + _sparse_product(weights_b, best_b).T
    total = weights_a.sum(axis=1)[:, None] + weights_b.sum(axis=1)[None, :]
    scores = np.divide(covered, total, out=np.zeros_like(covered), where=total > 0)
    clipped: np.ndarray = np.clip(scores, 0.0, 1.0)
    return clipped


def _sparse_product(weights: np.ndarray, best: np.ndarray) -> np.ndarray:
    """``weights @ best.T`` for a ``weights`` with few non-zero entries per row."""
    columns = np.ascontiguousarray(best.T)
    out = np.empty((weights.shape[0], best.shape[0]))
    for i, row in enumerate(weights):
        (cols,) = np.nonzero(row)
        out[i] = row[cols] @ columns[cols]
    return out


def _weights_and_best(
    docs: Sequence[Sequence[str]],
    column: dict[str, int],
    idf: dict[str, float],
    alike: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """For each sentence: the IDF weight of each of its lemmas (a row over this side's
    vocabulary), and how alike each lemma of the other side is to its best match in the
    sentence (a row over the other side's vocabulary); ``alike`` is this side x other.
    """
    vocab = sorted(column, key=column.__getitem__)
    weights = np.zeros((len(docs), alike.shape[0]))
    best = np.zeros((len(docs), alike.shape[1]))
    for i, doc in enumerate(docs):
        cols = sorted({column[t] for t in doc})
        if cols:
            weights[i, cols] = [idf[vocab[c]] for c in cols]
            best[i] = alike[cols, :].max(axis=0)
    return weights, best


def topic_matrix(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> list[list[float]]:
    """Similarity of the topic sets of every sentence pair, in [0, 1]; see :func:`_topic_scores`."""
    scores: list[list[float]] = _topic_scores(a, b).tolist()
    return scores


def _topic_scores(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> np.ndarray:
    """Similarity of the topic sets of every sentence pair, in [0, 1].

    The mean of two weighted measures: the overlap coefficient, which is 1 when the
    smaller set is covered (a sentence on Ukraine against a sentence listing four
    issues, Ukraine among them), and the cosine, which tells apart the candidates
    that the overlap coefficient scores alike. Each topic is weighted by its rarity
    across both readouts (IDF), so a topic that runs through a whole readout counts
    less than a specific one; 0 when either sentence has no topic.
    """
    idf = _idf([sorted(t) for t in (*a, *b)])
    topics = sorted(idf)
    if not topics or not a or not b:
        return np.zeros((len(a), len(b)))
    col = {t: k for k, t in enumerate(topics)}
    weight = np.array([idf[t] for t in topics])
    has_a = np.zeros((len(a), len(topics)))
    has_b = np.zeros((len(b), len(topics)))
    for i, ts in enumerate(a):
        has_a[i, [col[t] for t in ts]] = 1.0
    for j, ts in enumerate(b):
        has_b[j, [col[t] for t in ts]] = 1.0
    shared = (has_a * weight**2) @ has_b.T
    norms = np.sqrt((has_a @ weight**2)[:, None] * (has_b @ weight**2)[None, :])
    cosine = np.divide(shared, norms, out=np.zeros_like(shared), where=norms > 0)
    covered = (has_a * weight) @ has_b.T
    smaller = np.minimum((has_a @ weight)[:, None], (has_b @ weight)[None, :])
    overlap = np.divide(covered, smaller, out=np.zeros_like(covered), where=smaller > 0)
    mean: np.ndarray = (overlap + cosine) / 2
    return mean


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
