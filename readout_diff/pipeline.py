"""The whole comparison, stage after stage: ``compare(a, b, options) -> Report``."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from readout_diff import (
    aligning,
    countries,
    diffing,
    framing,
    judging,
    naming,
    segmenting,
    topics,
    verdicts,
)
from readout_diff.aligning import AlignOptions
from readout_diff.model import (
    Alignment,
    MultiReport,
    PackInfo,
    PairAlignment,
    Presence,
    Readout,
    Report,
    TaggedReadout,
    Topic,
    TopicHit,
    TopicKind,
    TopicPresence,
    in_text_order,
)
from readout_diff.reading import distinct_names, distinct_names_all
from readout_diff.topics import TopicPack


@dataclass(frozen=True)
class Options:
    """Everything that changes how two readouts are compared."""

    pack: TopicPack | None = None
    """Topic pack to tag with; None means the built-in pack."""
    models: tuple[str, ...] = ()
    """Installed spaCy pipelines to use instead of the blank ones, at most one per language."""
    align: AlignOptions = field(default_factory=AlignOptions)
    judge: judging.JudgeOptions = field(default_factory=judging.JudgeOptions)
    """Tuning of the issue-level judgement (see :mod:`readout_diff.judging`)."""
    adhoc: bool = True
    """Also report named things no pack topic covers (see :mod:`readout_diff.naming`)."""
    verdicts: bool = True
    """Apply the learned second opinion on one-sided points (:mod:`readout_diff.verdicts`)."""


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
    return _compare(a, b, options or Options(), {})


def _compare(
    a: Readout, b: Readout, opts: Options, known: dict[Readout, tuple[TaggedReadout, Doc]]
) -> Report:
    pack = opts.pack or topics.builtin_pack()
    judgement, alignment = _judge_pair(a, b, opts, known)
    if opts.verdicts:
        judgement = verdicts.review(judgement, alignment)
    topic_diffs, passing = diffing.assemble(judgement, alignment)
    tagged_a, tagged_b = judgement.a, judgement.b
    return Report(
        a=tagged_a,
        b=tagged_b,
        topics=topic_diffs,
        alignment=alignment,
        pack=_pack_info(pack),
        framing=framing.frame(tagged_a, tagged_b, alignment, topic_diffs),
        passing=passing,
    )


def judge_pair(
    a: Readout, b: Readout, options: Options | None = None
) -> tuple[judging.Judgement, Alignment]:
    """The two readouts tagged, aligned and judged, as :func:`compare` has them before
    the verdict stage (what ``eval/fit_verdicts.py`` fits the verdict models on)."""
    return _judge_pair(a, b, options or Options(), {})


def _judge_pair(
    a: Readout, b: Readout, opts: Options, known: dict[Readout, tuple[TaggedReadout, Doc]]
) -> tuple[judging.Judgement, Alignment]:
    pack = opts.pack or topics.builtin_pack()
    tagged_a, tagged_b, by_id = _tagged_pair(a, b, pack, opts, known)
    alignment = aligning.align(tagged_a, tagged_b, opts.align)
    return judging.judge(tagged_a, tagged_b, alignment, by_id, pack, opts.judge), alignment


def tag_pair(
    a: Readout, b: Readout, options: Options | None = None
) -> tuple[TaggedReadout, TaggedReadout]:
    """The two readouts segmented and tagged as :func:`compare` has them when it aligns:
    pack topics, named things no topic covers, third countries."""
    opts = options or Options()
    tagged_a, tagged_b, _ = _tagged_pair(a, b, opts.pack or topics.builtin_pack(), opts, {})
    return tagged_a, tagged_b


def _tagged_pair(
    a: Readout,
    b: Readout,
    pack: TopicPack,
    opts: Options,
    known: dict[Readout, tuple[TaggedReadout, Doc]],
) -> tuple[TaggedReadout, TaggedReadout, dict[str, Topic]]:
    """The pair tagged; ``known`` holds readouts tagged already (a readout of three or
    more is in several pairs) and learns the ones tagged here."""
    a, b = distinct_names(a, b)
    for readout in (a, b):
        if readout not in known:
            known[readout] = _tag(readout, pack, opts.models)
    (tagged_a, doc_a), (tagged_b, doc_b) = known[a], known[b]
    by_id = {spec.id: spec.topic() for spec in pack.topics}
    if opts.adhoc and a.language == b.language:
        tagged_a, tagged_b, adhoc = naming.adhoc_topics(
            doc_a, tagged_a, doc_b, tagged_b, naming.pack_acronyms(pack, a.language)
        )
        by_id.update(adhoc)
    if opts.adhoc:
        tagged_a, tagged_b, third = countries.third_country_topics(tagged_a, tagged_b)
        by_id.update(third)
    return tagged_a, tagged_b, by_id


def _pack_info(pack: TopicPack) -> PackInfo:
    return PackInfo(
        name=pack.name, version=pack.version, sources=pack.sources, topics=len(pack.topics)
    )


def compare_all(readouts: list[Readout], options: Options | None = None) -> MultiReport:
    """Compare three or more accounts of one call: a topic matrix and pairwise alignments.

    The matrix is judged as two accounts are (:func:`compare`), one pair at a time, so
    that three accounts get the verdicts two of them would: issue-level topics, with
    the sub-issues some of the accounts that discuss an issue raise and others do not
    as its details; passing mentions that count as presence but never make a topic
    missing by themselves; an issue one account makes in other words. An account has
    a pack topic when some pair it is in finds it there, by its words or in other
    words. Named things and the one-sided points no topic covers are matched between
    two texts at a time and are left out here; third countries are not (unless
    ``options.adhoc`` is off): a country any account discusses is a topic, and a party
    of the call in one account is one in all
    (:func:`readout_diff.countries.third_country_topics_all`).
    """
    opts = options or Options()
    pack = opts.pack or topics.builtin_pack()
    named = distinct_names_all(readouts)
    known = {r: _tag(r, pack, opts.models) for r in named}  # each readout tagged once
    tagged = [known[r][0] for r in named]
    specs = {spec.id: spec.topic() for spec in pack.topics}
    by_id: dict[str, Topic] = {}
    found: dict[str, list[list[TopicHit]]] = {}
    how: dict[str, list[Presence]] = {}
    rank = {Presence.ABSENT: 0, Presence.PASSING: 1, Presence.DISCUSSED: 2}

    def add(topic: Topic, k: int, hits: tuple[TopicHit, ...], presence: Presence) -> None:
        by_id.setdefault(topic.id, topic)
        found.setdefault(topic.id, [[] for _ in tagged])[k].extend(hits)
        seen = how.setdefault(topic.id, [Presence.ABSENT for _ in tagged])
        seen[k] = max(seen[k], presence if hits else Presence.ABSENT, key=rank.__getitem__)

    alignments = []
    for i in range(len(tagged)):
        for j in range(i + 1, len(tagged)):
            report = _compare(named[i], named[j], opts, known)
            alignments.append(PairAlignment(a=i, b=j, alignment=report.alignment))
            for diff in report.topics:
                if diff.topic.kind is not TopicKind.PACK:
                    continue
                for side, k in enumerate((i, j)):
                    evidence = (*diff.hits[side], *diff.answers[side])
                    add(diff.topic, k, evidence, diff.presence[side])
    if opts.adhoc:
        with_countries, third = countries.third_country_topics_all(tagged)
        tagged = list(with_countries)
        for k, readout in enumerate(tagged):
            for hit in readout.hits:
                if hit.topic_id in third:
                    add(third[hit.topic_id], k, (hit,), Presence.DISCUSSED)
    presence = [
        TopicPresence(
            topic=by_id[topic_id],
            hits=tuple(in_text_order(hits) for hits in per_readout),
            presence=tuple(how[topic_id]),
            details=_details(topic_id, per_readout, specs),
        )
        for topic_id, per_readout in found.items()
    ]
    first = {p.topic.id: min((k, h[0].start) for k, h in enumerate(p.hits) if h) for p in presence}
    presence.sort(key=lambda p: (first[p.topic.id], p.topic.id))
    return MultiReport(
        readouts=tuple(tagged),
        topics=tuple(presence),
        alignments=tuple(alignments),
        pack=_pack_info(pack),
    )


def _details(
    issue: str, per_readout: list[list[TopicHit]], specs: dict[str, Topic]
) -> tuple[TopicPresence, ...]:
    """The issue's sub-issues that some of the readouts discussing it have and others
    do not, in order of first mention."""
    discussing = [k for k, hits in enumerate(per_readout) if hits]
    subs = dict.fromkeys(
        h.topic_id
        for hits in per_readout
        for h in sorted(hits, key=lambda x: x.start)
        if h.topic_id != issue and h.topic_id in specs
    )
    details = []
    for sub in subs:
        hits = tuple(in_text_order(h for h in hits if h.topic_id == sub) for hits in per_readout)
        if len(discussing) > 1 and not all(hits[k] for k in discussing):
            details.append(TopicPresence(topic=specs[sub], hits=hits))
    return tuple(details)
