"""What every renderer shares: the style, the verdicts, the topic table's sections,
sentences cut into marked pieces, and the facts behind ``--explain``.

Nothing here knows a format; each format module turns these into its own markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from readout_diff.model import (
    MultiReport,
    Report,
    Sentence,
    Side,
    TaggedReadout,
    TopicDiff,
    TopicHit,
    TopicKind,
    TopicPresence,
)


@dataclass(frozen=True)
class Style:
    """How the output will be shown."""

    color: bool = False
    """Use terminal colours and emphasis (only for a terminal)."""
    width: int = 100
    """Line width for formats that wrap."""
    explain: bool = False
    """Add which alias matched which words (text and Markdown, two readouts)."""


def verdict(report: Report) -> str:
    """One line: how many topics are shared, how many only in each readout."""
    a, b = report.a.readout.name, report.b.readout.name
    shared, only_a, only_b = len(report.shared), len(report.only_a), len(report.only_b)
    head = "same topics" if not (only_a or only_b) else "topics differ"
    return f"{head}: {_count(shared, 'topic')} in both, {only_a} only in {a}, {only_b} only in {b}"


def many_verdict(report: MultiReport) -> str:
    """One line: topics in every account, missing from exactly one, in some only."""
    counts = {"all": 0, "missing_one": 0, "some": 0}
    for topic in report.topics:
        counts[topic.status] += 1
    head = "topics differ" if report.differences else "same topics"
    return (
        f"{head}: {counts['all']} in all {len(report.readouts)} accounts, "
        f"{counts['missing_one']} missing from exactly one, {counts['some']} in some only"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def marked_pieces(sentence: Sentence, hits: tuple[TopicHit, ...]) -> list[tuple[str, bool]]:
    """A sentence cut into (text, is_trigger) pieces, the triggers being the hits' spans."""
    spans = sorted((h.start - sentence.start, h.end - sentence.start) for h in hits)
    merged: list[list[int]] = []
    for start, end in spans:
        # Triggers only blanks apart ("coronavirus pandemic") read as one phrase.
        if merged and (start <= merged[-1][1] or not sentence.text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            pieces.append((sentence.text[pos:start], False))
        pieces.append((sentence.text[start:end], True))
        pos = end
    if pos < len(sentence.text):
        pieces.append((sentence.text[pos:], False))
    return pieces


def first_sentence(tagged: TaggedReadout, hits: tuple[TopicHit, ...]) -> str:
    """The first sentence carrying the hits, numbered, on one line, cut at 160 characters."""
    sentence = tagged.sentences[hits[0].sentence]
    text = " ".join(sentence.text.split())
    return f"[{sentence.index}] " + (text if len(text) <= 160 else text[:157] + "…")


def table_sections(report: Report) -> list[tuple[str, tuple[TopicDiff, ...], bool]]:
    """The topic table's sections: (title, topics, one-sided?), empty ones left out.

    Pack topics come first, one-sided before shared; ad-hoc names (things no pack
    topic covers) are kept apart at the end.
    """
    a, b = report.a.readout.name, report.b.readout.name
    pack = [t for t in report.topics if t.topic.kind is TopicKind.PACK]
    adhoc = tuple(t for t in report.topics if t.topic.kind is TopicKind.ADHOC)
    order = {Side.ONLY_A: 0, Side.ONLY_B: 1, Side.BOTH: 2}
    sections = [
        (f"only in {a}", tuple(t for t in pack if t.side is Side.ONLY_A), True),
        (f"only in {b}", tuple(t for t in pack if t.side is Side.ONLY_B), True),
        ("in both", tuple(t for t in pack if t.side is Side.BOTH), False),
        (
            "names no topic covers",
            tuple(sorted(adhoc, key=lambda t: order[t.side])),
            any(t.side is not Side.BOTH for t in adhoc),
        ),
    ]
    return [(title, diffs, one_sided) for title, diffs, one_sided in sections if diffs]


def many_table_rows(report: MultiReport) -> list[TopicPresence]:
    """The topic matrix's rows: missing from one account, then in some, then in all."""
    order = {"missing_one": 0, "some": 1, "all": 2}
    return sorted(report.topics, key=lambda t: order[t.status])


def many_table_sections(report: MultiReport) -> list[tuple[str, list[TopicPresence]]]:
    """The topic matrix's sections, titled, empty ones left out."""
    titles = {
        "missing_one": "missing from one account",
        "some": "in some accounts only",
        "all": f"in all {len(report.readouts)} accounts",
    }
    sections = [(title, [t for t in report.topics if t.status == s]) for s, title in titles.items()]
    return [(title, topics) for title, topics in sections if topics]


def explanations(report: Report) -> list[tuple[str, list[tuple[TopicDiff, tuple[TopicHit, ...]]]]]:
    """Per readout (by name), each topic it mentions with the hits that found it."""
    found = []
    for tagged, side in ((report.a, Side.ONLY_A), (report.b, Side.ONLY_B)):
        topics = []
        for diff in report.topics:
            hits = diff.hits_a if side is Side.ONLY_A else diff.hits_b
            if hits:
                topics.append((diff, hits))
        found.append((tagged.readout.name, topics))
    return found


def describe_hit(hit: TopicHit) -> str:
    """How ``--explain`` tells one hit: which alias matched which words where."""
    alias = hit.alias or "(a name no topic covers)"
    return f'"{alias}" matched "{hit.text}" in sentence {hit.sentence}'
