"""Ad-hoc topics: named things no topic pack foresaw (a new treaty, an organisation).

Readouts name instruments and bodies that no pack lists ("the Caspian Pipeline
Consortium", "the CSTO"). This stage finds such names in each readout, drops the
ones a pack topic already covers, matches the rest across the two readouts by
fuzzy similarity, and turns each into an ad-hoc topic, kept apart from pack topics
in the report (``kind: "adhoc"``).

Only two shapes count as a name here, because people and places add more noise
than signal (officials, cities where a meeting took place): a run of capitalised
words ending in an institutional noun ("... Treaty", "... Council", "... Initiative"),
and an acronym of two to six capitals that is not one of the parties' own names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from readout_diff.model import TaggedReadout, Topic, TopicHit, TopicKind

INSTITUTION_HEADS = frozenset(
    "treaty agreement agreements accord accords pact convention protocol charter "
    "declaration memorandum communique plan initiative strategy programme program "
    "council organization organisation alliance union bank fund commission court "
    "forum group summit format process mechanism framework partnership corridor "
    "pipeline consortium project conference war".split()
)
# Acronyms that name the parties themselves or say nothing of a subject.
PARTY_ACRONYMS = frozenset("US USA PRC RF USSR FRG II III IV AM PM США РФ КНР ФРГ СССР".split())
CONNECTORS = frozenset({"of", "on", "for", "the", "de", "и", "по", "о"})
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
ID_PREFIX = "adhoc:"


@dataclass(frozen=True)
class Name:
    """A named thing found in a readout."""

    text: str
    key: str
    sentence: int
    start: int
    end: int


def find_names(doc: Doc, tagged: TaggedReadout) -> list[Name]:
    """Names in a readout that no pack topic already covers."""
    covered = [(h.start, h.end) for h in tagged.hits]
    starts = [s.start for s in tagged.sentences]
    names = []
    for run in _capitalised_runs(doc):
        span = _name_part(run)
        if span is None:
            continue
        if any(span.start_char < end and start < span.end_char for start, end in covered):
            continue
        index = bisect_right(starts, span.start_char) - 1
        names.append(
            Name(
                text=span.text,
                key=_key(span.text),
                sentence=index,
                start=span.start_char,
                end=span.end_char,
            )
        )
    return names


def _capitalised_runs(doc: Doc) -> Iterable[Span]:
    run: list[int] = []
    for token in doc:
        capital = token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)
        joins = bool(run) and token.lower_ in CONNECTORS and not token.is_sent_start
        if (capital and not (run and token.is_sent_start)) or joins:
            run.append(token.i)
        else:
            yield from _trim(doc, run)
            run = [token.i] if capital else []
    yield from _trim(doc, run)


def _trim(doc: Doc, run: list[int]) -> Iterable[Span]:
    while run and (doc[run[-1]].lower_ in CONNECTORS):
        run.pop()
    while run and (doc[run[0]].lower_ in CONNECTORS or doc[run[0]].is_stop):
        run.pop(0)
    if run:
        yield doc[run[0] : run[-1] + 1]


def _is_head(token: Token) -> bool:
    return token.norm_ in INSTITUTION_HEADS or token.lower_ in INSTITUTION_HEADS


def _name_part(run: Span) -> Span | None:
    """The part of a capitalised run that names an institution or instrument, if any.

    An acronym stands alone. Otherwise the run must hold an institutional noun; it
    is cut to start at the connector-separated segment that holds the first such
    noun ("Leyen of the European Commission" -> "European Commission") and to end
    at the last such noun, keeping what a connector adds to it ("Plan of Action"),
    so that a person's name before or after it ("... Commission Ursula") is left out.
    """
    if len(run) == 1:
        text = run.text
        return run if _ACRONYM.match(text) and text not in PARTY_ACRONYMS else None
    heads = [k for k, token in enumerate(run) if _is_head(token)]
    if not heads:
        return None
    start = heads[0]
    while start > 0 and run[start - 1].lower_ not in CONNECTORS:
        start -= 1
    end = heads[-1] + 1
    if end < len(run) and run[end].lower_ in CONNECTORS:
        while end < len(run) and run[end].lower_ in CONNECTORS:  # "of the"
            end += 1
        while end < len(run) and run[end].lower_ not in CONNECTORS:
            end += 1
    part = run[start:end]
    while len(part) and (part[0].lower_ in CONNECTORS or part[0].is_stop):
        part = part[1:]
    while len(part) and part[-1].lower_ in CONNECTORS:
        part = part[:-1]
    return part if len(part) >= 2 else None


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def same_thing(x: Name, y: Name) -> bool:
    """Whether two names (one from each readout) name the same thing."""
    if x.key == y.key:
        return True
    if _ACRONYM.match(x.text) or _ACRONYM.match(y.text):
        return x.text == y.text or _initials(x.text) == y.text or _initials(y.text) == x.text
    return fuzz.token_set_ratio(x.key, y.key) >= 85


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def adhoc_topics(
    doc_a: Doc, a: TaggedReadout, doc_b: Doc, b: TaggedReadout
) -> tuple[TaggedReadout, TaggedReadout, dict[str, Topic]]:
    """Both readouts with ad-hoc topic hits added, and the ad-hoc topics by id."""
    names_a, names_b = find_names(doc_a, a), find_names(doc_b, b)
    text_a, text_b = _key(a.readout.text), _key(b.readout.text)
    topics: dict[str, Topic] = {}
    hits_a: list[TopicHit] = []
    hits_b: list[TopicHit] = []
    clusters: list[tuple[Name, list[Name], list[Name]]] = []
    for name in names_a:
        cluster = next((c for c in clusters if same_thing(c[0], name)), None)
        if cluster is None:
            clusters.append((name, [name], []))
        else:
            cluster[1].append(name)
    for name in names_b:
        cluster = next((c for c in clusters if same_thing(c[0], name)), None)
        if cluster is None:
            clusters.append((name, [], [name]))
        else:
            cluster[2].append(name)
    for first, in_a, in_b in clusters:
        # A name written out on one side may stand in plain words on the other
        # ("the UN Security Council" / "the Security Council"): count it as shared.
        if (in_a and not in_b and first.key in text_b) or (
            in_b and not in_a and first.key in text_a
        ):
            continue
        topic_id = ID_PREFIX + first.key.replace(" ", "-")
        topics[topic_id] = Topic(
            id=topic_id, label=first.text, group="Named only here", kind=TopicKind.ADHOC
        )
        hits_a += [_hit(topic_id, n) for n in in_a]
        hits_b += [_hit(topic_id, n) for n in in_b]
    return _with_hits(a, hits_a), _with_hits(b, hits_b), topics


def _hit(topic_id: str, name: Name) -> TopicHit:
    return TopicHit(
        topic_id=topic_id, sentence=name.sentence, start=name.start, end=name.end, text=name.text
    )


def _with_hits(tagged: TaggedReadout, extra: list[TopicHit]) -> TaggedReadout:
    if not extra:
        return tagged
    hits = sorted((*tagged.hits, *extra), key=lambda h: (h.start, h.end, h.topic_id))
    return TaggedReadout(segmented=tagged.segmented, hits=tuple(hits))
