"""What every renderer shares: the style, the verdicts, the topic table's sections,
sentences cut into marked pieces, and the facts behind ``--explain``.

Nothing here knows a format; each format module turns these into its own markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from readout_diff.model import (
    AlignedGroup,
    Alignment,
    MultiReport,
    Presence,
    Report,
    Sentence,
    Side,
    TaggedReadout,
    Topic,
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
    """One line: how many topics are shared, how many only in each readout.

    The counts are those of the topic table's sections: pack topics first, then, apart,
    the names no pack topic covers (ad-hoc names) and the points no pack topic covers
    (subjects named by their words), as the table lists them.
    """
    a, b = report.a.readout.name, report.b.readout.name
    head = "same topics" if not (report.only_a or report.only_b) else "topics differ"
    line = f"{head}: " + _sides(_of_kind(report, TopicKind.PACK), a, b, "topic", always=True)
    for kind, noun in ((TopicKind.ADHOC, "name"), (TopicKind.SUBJECT, "point")):
        if diffs := _of_kind(report, kind):
            what = count(len(diffs), noun) + " no topic covers"
            line += f"; {what}: " + _sides(diffs, a, b, noun, always=False)
    return line


def _of_kind(report: Report, kind: TopicKind) -> list[TopicDiff]:
    return [t for t in report.topics if t.topic.kind is kind]


def _sides(diffs: list[TopicDiff], a: str, b: str, noun: str, *, always: bool) -> str:
    shared = sum(t.side is Side.BOTH for t in diffs)
    only_a = sum(t.side is Side.ONLY_A for t in diffs)
    only_b = sum(t.side is Side.ONLY_B for t in diffs)
    parts = [
        (shared, f"{count(shared, noun) if always else shared} in both"),
        (only_a, f"{only_a} only in {a}"),
        (only_b, f"{only_b} only in {b}"),
    ]
    return ", ".join(text for n, text in parts if always or n)


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


def count(n: int, noun: str) -> str:
    """``1 sentence``, ``2 sentences``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def readout_summary(tagged: TaggedReadout) -> str:
    """A readout in a report's header: ``kremlin (en, 10 sentences)``."""
    sentences = count(len(tagged.sentences), "sentence")
    return f"{tagged.readout.name} ({tagged.readout.language}, {sentences})"


def negated_in(names: Sequence[str], hits: Sequence[tuple[TopicHit, ...]]) -> list[str]:
    """The readouts (by name) whose every mention of a topic says it was *not* discussed."""
    return [
        name
        for name, found in zip(names, hits, strict=True)
        if found and all(h.negated for h in found)
    ]


def negation_note(names: Sequence[str], hits: Sequence[tuple[TopicHit, ...]]) -> str:
    """What a topic's label gets when a readout names it only as not discussed: nothing,
    `` (said not discussed)`` when every readout that names it does so, or
    `` (said not discussed by kremlin)`` when the others really mention it."""
    negated = negated_in(names, hits)
    if not negated:
        return ""
    if len(negated) == sum(1 for found in hits if found):
        return " (said not discussed)"
    return f" (said not discussed by {', '.join(negated)})"


def diff_negation_note(report: Report, diff: TopicDiff) -> str:
    """:func:`negation_note` for a topic of a two-readout report."""
    names = (report.a.readout.name, report.b.readout.name)
    return negation_note(names, (diff.hits_a, diff.hits_b))


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
    topic covers), then points no pack topic covers (subjects named by their words),
    are kept apart at the end.
    """
    a, b = report.a.readout.name, report.b.readout.name
    pack = _of_kind(report, TopicKind.PACK)
    order = {Side.ONLY_A: 0, Side.ONLY_B: 1, Side.BOTH: 2}
    sections = [
        (f"only in {a}", tuple(t for t in pack if t.side is Side.ONLY_A), True),
        (f"only in {b}", tuple(t for t in pack if t.side is Side.ONLY_B), True),
        ("in both", tuple(t for t in pack if t.side is Side.BOTH), False),
    ]
    for kind, title in ((TopicKind.ADHOC, "names"), (TopicKind.SUBJECT, "points")):
        diffs = tuple(sorted(_of_kind(report, kind), key=lambda t: order[t.side]))
        sections.append(
            (f"{title} no topic covers", diffs, any(t.side is not Side.BOTH for t in diffs))
        )
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


Explanations = list[tuple[str, list[tuple[Topic, tuple[TopicHit, ...]]]]]
"""Per readout (by name), each topic it mentions with the hits that found it."""


def explanations(report: Report | MultiReport) -> Explanations:
    """Per readout (by name), each topic it mentions with the hits that found it."""
    if isinstance(report, MultiReport):
        return [
            (tagged.readout.name, [(t.topic, t.hits[k]) for t in report.topics if t.hits[k]])
            for k, tagged in enumerate(report.readouts)
        ]
    found = []
    for tagged, side in ((report.a, Side.ONLY_A), (report.b, Side.ONLY_B)):
        topics = []
        for diff in report.topics:
            k = 0 if side is Side.ONLY_A else 1
            hits = diff.hits[k] + diff.answers[k]
            if hits:
                topics.append((diff.topic, hits))
        found.append((tagged.readout.name, topics))
    return found


def describe_hit(hit: TopicHit) -> str:
    """How ``--explain`` tells one hit: which alias matched which words where (or, for a
    whole sentence, why it is evidence)."""
    if hit.other_words:
        return f"sentence {hit.sentence} says it in other words"
    if hit.paired:
        return f"sentence {hit.sentence} answers the other readout's point on it (paired with it)"
    alias = hit.alias or "(a name no topic covers)"
    return f'"{alias}" matched "{hit.text}" in sentence {hit.sentence}'


def judgement_notes(report: Report, diff: TopicDiff) -> list[str]:
    """What the issue-level judgement says of an issue, one line per fact: a side that
    says it in other words, a side that only mentions it, the details one side adds (of a
    one-sided issue: the topics its sentences touch on under it)."""
    names = (report.a.readout.name, report.b.readout.name)
    notes = []
    for k, hits in enumerate((diff.hits_a, diff.hits_b)):
        if any(h.other_words for h in hits):
            sentence = next(h.sentence for h in hits if h.other_words)
            confidence = (
                f", confidence {diff.confidence:.2f}" if diff.confidence is not None else ""
            )
            notes.append(f"{names[k]} says it in other words: sentence [{sentence}]{confidence}")
    for k, presence in enumerate(diff.presence):
        if presence is Presence.PASSING:
            notes.append(f"{names[k]} mentions it only in passing")
    for detail in diff.details:
        name = names[0] if detail.side is Side.ONLY_A else names[1]
        sentences = ", ".join(f"[{i}]" for i in sorted({h.sentence for h in detail.hits}))
        if diff.side is Side.BOTH:
            notes.append(f"only {name} mentions {detail.topic.label} {sentences}")
        else:
            # A word under this point in the same sentence, not a point of its own.
            notes.append(f"with {detail.topic.label} {sentences}")
    return notes


def passing_lines(report: Report) -> list[str]:
    """The issues only mentioned in passing (never one-sided), one line each."""
    names = (report.a.readout.name, report.b.readout.name)
    lines = []
    for diff in report.passing:
        k = 0 if diff.hits_a else 1
        hits = diff.hits_a or diff.hits_b
        words = ", ".join(dict.fromkeys(h.text for h in hits))
        sentences = ", ".join(f"[{i}]" for i in sorted({h.sentence for h in hits}))
        lines.append(f'{diff.topic.label}: {names[k]} {sentences} ("{words}")')
    return lines


def similarity_line(alignment: Alignment) -> str:
    """``similarity: lexical only (…)`` when the sentence encoder was not used, else ``""``."""
    return f"similarity: {alignment.note}" if alignment.note else ""


def describe_evidence(group: AlignedGroup) -> str:
    """How ``--explain`` tells why a group was paired: what the sides share, each signal."""
    ev = group.evidence
    if ev is None:
        return f"score {group.score:.2f}"
    parts = []
    for label, values in (("words", ev.words), ("numbers", ev.numbers), ("topics", ev.topics)):
        if values:
            parts.append(f"shared {label}: {', '.join(values)}")
    scores = f"lexical {ev.lexical:.2f}, topic {ev.topic:.2f}"
    if ev.semantic is not None:
        scores += f", encoder {ev.semantic:.2f}"
    if ev.pairing is not None:
        scores += f", pairing model {ev.pairing:.2f}"
    parts.append(scores)
    return f"score {group.score:.2f}; " + "; ".join(parts)


def group_label(group: AlignedGroup) -> str:
    """``[2] ~ [3]``, ``[4, 5] ~ [6]``: the sentences of a group on each side."""
    return f"[{', '.join(map(str, group.a))}] ~ [{', '.join(map(str, group.b))}]"


def listed(names: Sequence[str]) -> str:
    """Names as a reader lists them: "a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def detail_line(
    names: Sequence[str],
    detail: TopicPresence,
    what: str | None = None,
    verbs: tuple[str, str] = ("mentions", "mention"),
) -> str:
    """What a detail of an issue says across readouts: "only a and b mention <detail>"
    (``what`` in place of the detail's label, ``verbs`` for one readout and for more)."""
    having = [n for n, p in zip(names, detail.present, strict=True) if p]
    verb = verbs[0] if len(having) == 1 else verbs[1]
    return f"only {listed(having)} {verb} {detail.topic.label if what is None else what}"


def only_in_passing(topic: TopicPresence) -> tuple[bool, ...]:
    """Per readout, whether it has the topic only in passing (as the pairs judged it)."""
    return tuple(p is Presence.PASSING for p in topic.judged)
