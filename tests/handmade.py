"""Hand-made stage inputs for unit tests: readouts tagged without the pipeline."""

from __future__ import annotations

from readout_diff.model import Readout, SegmentedReadout, Sentence, TaggedReadout, TopicHit


def tagged(name: str, sentences: list[str], hits: list[tuple[str, int, str]]) -> TaggedReadout:
    """A hand-made tagged readout: sentences joined by spaces, hits as (topic, sentence, word)."""
    text = " ".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    segmented = SegmentedReadout(
        readout=Readout(name=name, text=text, language="en"),
        sentences=tuple(
            Sentence(index=i, start=start, end=start + len(s), text=s)
            for i, (s, start) in enumerate(zip(sentences, starts, strict=True))
        ),
    )
    topic_hits = []
    for topic_id, index, word in hits:
        start = starts[index] + sentences[index].index(word)
        topic_hits.append(TopicHit(topic_id, index, start, start + len(word), word))
    topic_hits.sort(key=lambda h: h.start)
    return TaggedReadout(segmented=segmented, hits=tuple(topic_hits))
