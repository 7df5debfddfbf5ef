"""The whole comparison, stage after stage: ``compare(a, b, options) -> Report``."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from readout_diff import aligning, diffing, naming, segmenting, topics
from readout_diff.aligning import AlignOptions
from readout_diff.model import PackInfo, Readout, Report, TaggedReadout
from readout_diff.reading import distinct_names
from readout_diff.topics import TopicPack


@dataclass(frozen=True)
class Options:
    """Everything that changes how two readouts are compared."""

    pack: TopicPack | None = None
    """Topic pack to tag with; None means the built-in pack."""
    models: tuple[str, ...] = ()
    """Installed spaCy pipelines to use instead of the blank ones, at most one per language."""
    align: AlignOptions = field(default_factory=AlignOptions)
    adhoc: bool = True
    """Also report named things no pack topic covers (see :mod:`readout_diff.naming`)."""


def tag_readout(readout: Readout, pack: TopicPack, models: tuple[str, ...] = ()) -> TaggedReadout:
    """Segment a readout and tag its sentences with the pack's topics."""
    return _tag(readout, pack, models)[0]


def _tag(readout: Readout, pack: TopicPack, models: tuple[str, ...]) -> tuple[TaggedReadout, Doc]:
    nlp = segmenting.load_pipeline(readout.language, _model_for(readout.language, models))
    segmented, doc = segmenting.segment(readout, nlp)
    return topics.tagger_for(pack, nlp).tag(doc, segmented), doc


def _model_for(lang: str, models: tuple[str, ...]) -> str | None:
    for name in models:
        if segmenting.model_language(name) == lang:
            return name
    return None


def compare(a: Readout, b: Readout, options: Options | None = None) -> Report:
    """Compare two readouts of one call."""
    opts = options or Options()
    pack = opts.pack or topics.builtin_pack()
    a, b = distinct_names(a, b)
    tagged_a, doc_a = _tag(a, pack, opts.models)
    tagged_b, doc_b = _tag(b, pack, opts.models)
    by_id = {spec.id: spec.topic() for spec in pack.topics}
    if opts.adhoc and a.language == b.language:
        tagged_a, tagged_b, adhoc = naming.adhoc_topics(doc_a, tagged_a, doc_b, tagged_b)
        by_id.update(adhoc)
    alignment = aligning.align(tagged_a, tagged_b, opts.align)
    return Report(
        a=tagged_a,
        b=tagged_b,
        topics=diffing.diff_topics(tagged_a, tagged_b, alignment, by_id),
        alignment=alignment,
        pack=PackInfo(
            name=pack.name, version=pack.version, sources=pack.sources, topics=len(pack.topics)
        ),
    )
