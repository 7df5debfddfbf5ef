"""An archive at a glance: which side raises which topic alone, call after call.

Built from the JSON reports of a batch (``topics[k].status`` of each pair, the
documented contract), not from the comparison's internals, so that it reads
yesterday's reports as well as today's. The result is plain data: calls in date
order, a topics x calls grid of statuses, per-topic counts of who raised a topic
alone (in all and per year), and per side the topics it raised alone most often,
with example sentences. The summary tables and the HTML overview are views of it.

An issue one side only mentions in passing and the other not at all (the report's
``passing`` list) has its own status, ``passing_a`` or ``passing_b`` (the CSV
report's words for it): it is neither raised alone nor shared, so it is counted
apart from ``alone`` and ``both``, never as ``absent``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ONLY_A = "only_a"
ONLY_B = "only_b"
BOTH = "both"
ABSENT = "absent"
PASSING_A = "passing_a"
PASSING_B = "passing_b"
"""An issue only readout A (B) mentions, in passing; as ``render/csv.py`` names its rows."""
UNDATED = "undated"
EXAMPLES = 3
"""Example sentences kept per side and topic (from the latest calls)."""
EXAMPLE_CHARS = 280
TOP = 10
"""Topics listed per side."""


@dataclass(frozen=True)
class CallTopic:
    """One topic of one call: its status in the pair's report and a sentence per side."""

    id: str
    label: str
    status: str
    example_a: str = ""
    example_b: str = ""


@dataclass(frozen=True)
class Call:
    """One compared pair of readouts, with what the overview needs of its report."""

    name: str
    date: str | None
    side_a: str
    side_b: str
    topics: tuple[CallTopic, ...]

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else UNDATED

    @property
    def dyad(self) -> str:
        """The two sides' names, in alphabetical order, so that A and B may swap."""
        return " – ".join(sorted((self.side_a, self.side_b)))

    def status(self, topic_id: str) -> str:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic.status
        return ABSENT

    def alone(self, topic: CallTopic) -> str | None:
        """The side that raised ``topic`` alone in this call, if one did."""
        return self._side(topic.status, ONLY_A, ONLY_B)

    def in_passing(self, topic: CallTopic) -> str | None:
        """The side that only mentioned ``topic`` in passing (the other not at all), if one did."""
        return self._side(topic.status, PASSING_A, PASSING_B)

    def _side(self, status: str, of_a: str, of_b: str) -> str | None:
        return {of_a: self.side_a, of_b: self.side_b}.get(status)


def call_from_report(
    report: Mapping[str, Any],
    name: str,
    *,
    date: str | None = None,
    side_a: str | None = None,
    side_b: str | None = None,
) -> Call:
    """The overview's view of one pair's JSON report (a parsed ``--format json`` document).

    Ad-hoc names are left out: they are named per call and would not line up across an
    archive. The sides default to the readouts' names. The report's ``passing`` issues
    follow its topics, as ``passing_a`` / ``passing_b``.
    """
    readouts = report["readouts"]
    names = [r["name"] for r in readouts]
    a = side_a or names[0]
    b = side_b or names[1]
    if a == b:
        b = f"{b} (B)"
    sentences = [{s["index"]: s["text"] for s in r.get("sentences", ())} for r in readouts]
    topics = []
    for topic in report["topics"]:
        if topic.get("kind", "pack") != "pack":
            continue
        examples = ["", ""]
        for evidence in topic.get("evidence", ()):
            side = _side_index(evidence.get("readout"), names)
            if side is not None and not examples[side]:
                examples[side] = _example(evidence, sentences[side])
        topics.append(
            CallTopic(
                id=topic["id"],
                label=topic["label"],
                status=topic["status"],
                example_a=examples[0],
                example_b=examples[1],
            )
        )
    topics += _passing_topics(report.get("passing", ()), names, sentences)
    return Call(name=name, date=date, side_a=a, side_b=b, topics=tuple(topics))


def _passing_topics(
    passing: Iterable[Mapping[str, Any]],
    names: list[str],
    sentences: list[dict[int, str]],
) -> list[CallTopic]:
    """The report's issues mentioned only in passing, as topics of the call."""
    topics = []
    for entry in passing:
        # Reports before "kind" was written here: pack ids never hold a colon, while
        # ad-hoc names, countries and subjects are prefixed ("adhoc:", "subject:").
        kind = entry.get("kind") or ("pack" if ":" not in entry["id"] else "")
        side = _side_index(entry.get("mentioned_in"), names)
        if kind != "pack" or side is None:  # same names: which side cannot be told
            continue
        first = next(iter(entry.get("evidence", ())), None)
        example = _example(first, sentences[side]) if first is not None else ""
        topics.append(
            CallTopic(
                id=entry["id"],
                label=entry["label"],
                status=(PASSING_A, PASSING_B)[side],
                example_a=example if side == 0 else "",
                example_b=example if side == 1 else "",
            )
        )
    return topics


def _example(evidence: Mapping[str, Any], sentences: dict[int, str]) -> str:
    """The sentence an evidence entry points at, shortened for the grid."""
    index = evidence.get("sentence")
    text = sentences.get(index) if isinstance(index, int) else None
    return _shorten(text if text is not None else str(evidence.get("text", "")))


def _side_index(readout: object, names: list[str]) -> int | None:
    if names[0] == names[1]:  # same names: evidence cannot tell them apart
        return None
    return names.index(readout) if readout in names else None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EXAMPLE_CHARS:
        return text
    return text[: EXAMPLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class TopicSummary:
    """One row of the grid: a topic, who raised it alone how often, in all and per year."""

    id: str
    label: str
    statuses: tuple[str, ...]
    """The topic's status in each call, in the overview's call order."""
    alone: tuple[tuple[str, int], ...]
    """Per side (in the overview's side order): the calls in which it raised the topic alone."""
    both: int
    by_year: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    """Per year: per side, the calls in which it raised the topic alone."""
    passing: tuple[tuple[str, int], ...] = ()
    """Per side: the calls in which it only mentioned the topic in passing (the other not
    at all); in neither ``alone`` nor ``both``."""

    @property
    def mentioned(self) -> int:
        """The calls whose report has the topic among its topics (passing mentions apart)."""
        return sum(s not in (ABSENT, PASSING_A, PASSING_B) for s in self.statuses)


@dataclass(frozen=True)
class Example:
    """A sentence a side said about a topic the other side left out."""

    call: int
    """Index of the call in the overview's call order."""
    sentence: str


@dataclass(frozen=True)
class SideTopic:
    """A topic a side raised alone, how often, with example sentences (latest first)."""

    id: str
    label: str
    count: int
    examples: tuple[Example, ...]


@dataclass(frozen=True)
class SideSummary:
    """One side: in how many calls it took part, the topics it raised alone (most often first)."""

    side: str
    calls: int
    topics: tuple[SideTopic, ...]


@dataclass(frozen=True)
class Failure:
    """A pair that could not be compared."""

    name: str
    error: str


@dataclass(frozen=True)
class Overview:
    """The aggregates of an archive of calls."""

    calls: tuple[Call, ...]
    topics: tuple[TopicSummary, ...]
    sides: tuple[SideSummary, ...]
    years: tuple[str, ...]
    dyads: tuple[str, ...]
    failed: tuple[Failure, ...] = ()

    def grid(self) -> dict[tuple[str, str], str]:
        """(call name, topic id) -> status, for every cell of the grid (``absent`` included)."""
        return {
            (call.name, topic.id): status
            for topic in self.topics
            for call, status in zip(self.calls, topic.statuses, strict=True)
        }


def _call_key(call: Call) -> tuple[bool, str, str]:
    return (call.date is None, call.date or "", call.name)


def build_overview(calls: Iterable[Call], failed: Iterable[Failure] = ()) -> Overview:
    """Aggregate calls: date order (undated last), topics by how often they were one-sided."""
    ordered = tuple(sorted(calls, key=_call_key))
    side_calls = Counter(side for call in ordered for side in (call.side_a, call.side_b))
    sides = sorted(side_calls, key=lambda s: (-side_calls[s], s))
    years = tuple(sorted({c.year for c in ordered}, key=lambda y: (y == UNDATED, y)))
    labels: dict[str, str] = {}
    for call in ordered:
        for topic in call.topics:
            labels.setdefault(topic.id, topic.label)

    rows = []
    for topic_id, label in labels.items():
        statuses = tuple(call.status(topic_id) for call in ordered)
        alone: Counter[str] = Counter()
        passing: Counter[str] = Counter()
        per_year: dict[str, Counter[str]] = {year: Counter() for year in years}
        for call in ordered:
            for topic in call.topics:
                if topic.id == topic_id:
                    side = call.alone(topic)
                    if side is not None:
                        alone[side] += 1
                        per_year[call.year][side] += 1
                    mentioner = call.in_passing(topic)
                    if mentioner is not None:
                        passing[mentioner] += 1
        rows.append(
            TopicSummary(
                id=topic_id,
                label=label,
                statuses=statuses,
                alone=tuple((s, alone[s]) for s in sides if alone[s]),
                both=sum(s == BOTH for s in statuses),
                by_year=tuple(
                    (year, tuple((s, per_year[year][s]) for s in sides if per_year[year][s]))
                    for year in years
                ),
                passing=tuple((s, passing[s]) for s in sides if passing[s]),
            )
        )
    rows.sort(key=lambda t: (-sum(n for _, n in t.alone), -t.mentioned, t.label, t.id))
    return Overview(
        calls=ordered,
        topics=tuple(rows),
        sides=tuple(_side_summary(side, side_calls[side], ordered, labels) for side in sides),
        years=years,
        dyads=tuple(sorted({c.dyad for c in ordered})),
        failed=tuple(failed),
    )


def _side_summary(
    side: str, calls: int, ordered: tuple[Call, ...], labels: dict[str, str]
) -> SideSummary:
    counts: Counter[str] = Counter()
    examples: dict[str, list[Example]] = {}
    for index in range(len(ordered) - 1, -1, -1):  # latest first, for the examples
        call = ordered[index]
        for topic in call.topics:
            if call.alone(topic) != side:
                continue
            counts[topic.id] += 1
            sentence = topic.example_a if topic.status == ONLY_A else topic.example_b
            kept = examples.setdefault(topic.id, [])
            if sentence and len(kept) < EXAMPLES:
                kept.append(Example(call=index, sentence=sentence))
    order = sorted(counts, key=lambda t: (-counts[t], labels[t], t))
    return SideSummary(
        side=side,
        calls=calls,
        topics=tuple(
            SideTopic(id=t, label=labels[t], count=counts[t], examples=tuple(examples[t]))
            for t in order
        ),
    )


# --- summary outputs -----------------------------------------------------------------

LONG_FIELDS = ("call", "date", "topic", "status", "label", "dyad", "side_a", "side_b", "year")


def long_rows(overview: Overview) -> list[dict[str, str]]:
    """One row per call and topic of the grid (``absent`` included), calls in date order."""
    return [
        {
            "call": call.name,
            "date": call.date or "",
            "topic": topic.id,
            "status": status,
            "label": topic.label,
            "dyad": call.dyad,
            "side_a": call.side_a,
            "side_b": call.side_b,
            "year": call.year,
        }
        for index, call in enumerate(overview.calls)
        for topic in overview.topics
        for status in (topic.statuses[index],)
    ]


def long_table(overview: Overview, *, jsonl: bool = False) -> str:
    """The long-form table (call, date, topic, status, …): CSV, or JSON Lines."""
    rows = long_rows(overview)
    if jsonl:
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=LONG_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def summary_document(overview: Overview) -> dict[str, Any]:
    """The JSON summary: calls, the grid with per-topic counts, per-side top topics."""
    from readout_diff import __version__

    calls = overview.calls
    return {
        "schema_version": 1,
        "tool": {"name": "readout-diff", "version": __version__},
        "calls": [
            {
                "name": c.name,
                "date": c.date,
                "year": c.year,
                "dyad": c.dyad,
                "side_a": c.side_a,
                "side_b": c.side_b,
            }
            for c in calls
        ],
        "failed": [{"name": f.name, "error": f.error} for f in overview.failed],
        "years": list(overview.years),
        "dyads": list(overview.dyads),
        "topics": [
            {
                "id": t.id,
                "label": t.label,
                "mentioned": t.mentioned,
                "both": t.both,
                "alone": dict(t.alone),
                "by_year": {year: dict(counts) for year, counts in t.by_year},
                "statuses": list(t.statuses),
                "passing": dict(t.passing),
            }
            for t in overview.topics
        ],
        "sides": [
            {
                "side": s.side,
                "calls": s.calls,
                "alone": [
                    {
                        "topic": t.id,
                        "label": t.label,
                        "count": t.count,
                        "examples": [
                            {
                                "call": calls[e.call].name,
                                "date": calls[e.call].date,
                                "text": e.sentence,
                            }
                            for e in t.examples
                        ],
                    }
                    for t in s.topics
                ],
            }
            for s in overview.sides
        ],
    }


def summary_json(overview: Overview) -> str:
    """The JSON summary as text (stable key order, so the same inputs give the same bytes)."""
    return json.dumps(summary_document(overview), ensure_ascii=False, indent=2) + "\n"
