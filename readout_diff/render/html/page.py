"""What both HTML pages share: the document with its policy, style and script, the
header, the key, the topic buttons, and one sentence with its marks and links.

The style and script are package files (``style.css``, ``script.js``) read once;
the Content-Security-Policy allows exactly them, by their SHA-256, computed from
the files when the first page is built, so editing a file cannot break the page.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources

from readout_diff import __version__
from readout_diff.model import (
    AlignedGroup,
    PackInfo,
    Sentence,
    TaggedReadout,
    Topic,
    TopicHit,
    TopicKind,
)
from readout_diff.render.common import count, marked_pieces, negation_note

PRESENT = "●"
ABSENT = "○"


@dataclass(frozen=True)
class Assets:
    """The page's style and script, and the policy that allows exactly them."""

    css: str
    js: str

    @property
    def csp(self) -> str:
        return (
            f"default-src 'none'; style-src {_hash(self.css)}; script-src {_hash(self.js)}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'"
        )


@lru_cache(maxsize=1)
def assets() -> Assets:
    """The style and script shipped with the package (read once per process)."""
    folder = resources.files("readout_diff.render.html")
    return Assets(
        css=folder.joinpath("style.css").read_text("utf-8"),
        js=folder.joinpath("script.js").read_text("utf-8"),
    )


def _hash(source: str) -> str:
    """A CSP source expression allowing exactly this inline style or script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def e(text: str) -> str:
    """Text escaped for HTML, quotes too."""
    return escape(text, quote=True)


# How a topic's status shows: a CSS class for sentences, marks, tags and table rows.
# Missing from exactly one of three or more accounts is the analogue of one-sided.
SHARED, ONE_SIDED, SOME = "shared", "one-sided", "some"
_PRIORITY = (ONE_SIDED, SOME, SHARED)
MANY_KIND = {"all": SHARED, "missing_one": ONE_SIDED, "some": SOME}
# What the issue-level judgement adds (two readouts): a sub-issue one side raises under
# a shared issue, and an issue one side only mentions in passing. Neither colours a
# sentence (the issue does, or nothing); each has marks, tags and rows of its own.
DETAIL, PASSING = "detail", "passing"
OTHER_WORDS = "other-words"
"""The class of a sentence, mark and tag that make an issue's point in other words."""


class Topics:
    """What every part of a page needs to know about the report's topics.

    ``kinds`` maps each topic id, in report order, to its CSS class; ``labels`` to
    how the page names it; ``parents`` a detail to its issue, so that a sentence
    carrying the detail carries the issue too; ``confidence`` an issue shared in other
    words to the encoder's cosine of the sentence that says it.
    """

    def __init__(
        self,
        kinds: dict[str, str],
        labels: dict[str, str],
        parents: dict[str, str] | None = None,
        confidence: dict[str, float] | None = None,
    ) -> None:
        self.kinds = kinds
        self.labels = labels
        self.parents = parents or {}
        self.confidence = confidence or {}
        # Short ids keep the attributes small and immune to whatever a topic id contains.
        self.key = {topic_id: f"t{k}" for k, topic_id in enumerate(kinds)}

    def label(self, topic_id: str) -> str:
        return self.labels[topic_id]

    def describe(self, topic_id: str) -> str:
        """The label with what the judgement says of it, for a title: "Arms supplies (a
        detail of War in Ukraine)", "Turkey (mentioned only in passing)"."""
        kind = self.kinds[topic_id]
        if kind == DETAIL:
            return f"{self.label(topic_id)} (a detail of {self.label(self.parents[topic_id])})"
        if kind == PASSING:
            return f"{self.label(topic_id)} (mentioned only in passing)"
        return self.label(topic_id)

    def status(self, topic_ids: Iterable[str]) -> str:
        """The class of something carrying these topics: the most telling status wins."""
        kinds = {self.kinds[t] for t in topic_ids}
        return next((kind for kind in _PRIORITY if kind in kinds), "plain")

    def mark_kind(self, topic_ids: Iterable[str]) -> str:
        """The class of a mark: its issue's status, else detail, else passing."""
        ids = list(topic_ids)
        kind = self.status(ids)
        if kind != "plain":
            return kind
        kinds = {self.kinds[t] for t in ids}
        return next((k for k in (DETAIL, PASSING) if k in kinds), kind)

    def in_order(self, hits: Iterable[TopicHit]) -> list[str]:
        """The hits' topics in report order, so that output does not depend on set order."""
        found = {h.topic_id for h in hits}
        return [t for t in self.kinds if t in found]

    def with_parents(self, topic_ids: Iterable[str]) -> list[str]:
        """The topics and the issues of those that are details, in report order."""
        found = set(topic_ids)
        found |= {self.parents[t] for t in found if t in self.parents}
        return [t for t in self.kinds if t in found]

    def keys(self, topic_ids: Iterable[str]) -> str:
        """The ``data-topics`` value of something carrying these topics."""
        return " ".join(self.key[t] for t in topic_ids)


def detail_parents(
    kinds: dict[str, str], labels: dict[str, str], details: Iterable[tuple[str, Topic]]
) -> dict[str, str]:
    """Give each detail (its issue's id, its topic) the page's detail kind and its label,
    unless the page has it as an issue already; the details' issues by id."""
    parents: dict[str, str] = {}
    for issue, topic in details:
        kinds.setdefault(topic.id, DETAIL)
        labels.setdefault(topic.id, topic.label)
        parents.setdefault(topic.id, issue)
    return parents


def not_discussed(label: str, names: Sequence[str], hits: Sequence[tuple[TopicHit, ...]]) -> str:
    """The label with a note when a readout names the topic only as not discussed."""
    return label + negation_note(names, hits)


def document(title: str, body: list[str], footer: str) -> str:
    """A whole page around ``body``: the policy, the shared style and script, the footer."""
    files = assets()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{files.csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="readout-diff">',
        f"<title>{e(title)}</title>",
        f"<style>{files.css}</style>",
        "</head>",
        "<body>",
        *body,
        "<footer>",
        footer,
        "</footer>",
        f"<script>{files.js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def footer(pack: PackInfo, threshold: float | None) -> str:
    text = (
        f"readout-diff {e(__version__)} · topic pack {e(pack.name)} "
        f"{e(pack.version)} ({pack.topics} topics)"
    )
    return text + (f" · similarity threshold {threshold:.2f}" if threshold is not None else "")


def header(
    names: list[str],
    meta: str,
    verdict_line: str,
    same: bool,
    call: str = "",
    similarity: str = "",
) -> list[str]:
    """The page's head; ``call`` is a line on the call itself (initiator, length, tone),
    ``similarity`` one on the similarity when it is lexical only."""
    vs = ' <span class="vs">vs</span> '
    return [
        "<header>",
        '<p class="tool">readout-diff</p>',
        f"<h1>{vs.join(e(n) for n in names)}</h1>",
        f'<p class="meta">{meta}</p>',
        *([f'<p class="call" id="call">{e(call)}</p>'] if call else []),
        *([f'<p class="similarity" id="similarity">{e(similarity)}</p>'] if similarity else []),
        f'<div class="verdict{" same" if same else ""}" role="status">',
        f'<strong id="verdict">{e(verdict_line)}</strong>',
        "</div>",
        "</header>",
    ]


def meta(readouts: Iterable[TaggedReadout]) -> str:
    return " · ".join(
        f"{e(t.readout.name)}: {e(t.readout.language)}, {count(len(t.sentences), 'sentence')}"
        + (f", {e(t.readout.path)}" if t.readout.path else "")
        for t in readouts
    )


def legend(items: list[tuple[str, str]]) -> list[str]:
    return [
        "<h2>Key</h2>",
        '<ul class="legend">',
        *(f'<li><span class="swatch {swatch}"></span>{text}</li>' for swatch, text in items),
        "</ul>",
    ]


def filter_bar() -> list[str]:
    return [
        '<div class="filter-bar">',
        '<span id="filter-state">Click topics to filter the sentences</span>',
        '<button type="button" id="show-all" disabled>Show all</button>',
        "</div>",
    ]


def topic_button(page: Topics, topic: Topic) -> str:
    kind = page.kinds[topic.id]
    hint = " (a name no topic covers)" if topic.kind is TopicKind.ADHOC else ""
    title = page.describe(topic.id) if kind in (DETAIL, PASSING) else topic.group or topic.label
    return (
        f'<button type="button" class="topic {kind}" '
        f'data-topic="{page.key[topic.id]}" data-topic-id="{e(topic.id)}" '
        f'aria-pressed="false" title="{e(title)}{hint}">'
        f"{e(page.label(topic.id))}</button>"
    )


def mark(present: bool, gap: str = "") -> str:
    if present:
        return f'<td class="mark on" title="mentioned">{PRESENT}</td>'
    if gap:
        return f'<td class="mark gap" title="{e(gap)}">{ABSENT}</td>'
    return f'<td class="mark" title="not mentioned">{ABSENT}</td>'


Links = dict[int, dict[int, float]]


def links_of(groups: Iterable[AlignedGroup]) -> tuple[Links, Links]:
    """Per sentence of each side, its counterparts on the other side with the best score."""
    links_a: Links = {}
    links_b: Links = {}
    for group in groups:
        for i in group.a:
            for j in group.b:
                score = max(group.score, links_a.get(i, {}).get(j, 0.0))
                links_a.setdefault(i, {})[j] = score
                links_b.setdefault(j, {})[i] = score
    return links_a, links_b


GUTTER = (
    '<div class="gutter" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg"></svg></div>'
)


def column_head(tagged: TaggedReadout, side: str) -> list[str]:
    readout = tagged.readout
    return [
        f'<section class="col {side}" aria-label="{e(readout.name)}">',
        f"<h2>{e(readout.name)} <small>{e(readout.language)}, "
        f"{count(len(tagged.sentences), 'sentence')}</small></h2>",
    ]


def sentence_html(
    page: Topics,
    tagged: TaggedReadout,
    sentence: Sentence,
    sid: str,
    links: list[tuple[str, float]],
    hint: str,
    unmatched: str | None,
    badges: Sequence[str] = (),
    hits: Sequence[TopicHit] | None = None,
) -> str:
    """One sentence: coloured by its topics, triggers marked, topic tags, links for hover.

    ``links`` are the ids of the aligned sentences in other columns with their scores;
    ``unmatched`` is the note shown when the sentence has no counterpart at all;
    ``badges`` are HTML pieces put before the topic tags (who said it, and how);
    ``hits`` the sentence's hits as the page names them (default: the readout's own).
    A hit ``other_words`` (the whole sentence makes an issue's point without its words)
    marks the whole sentence, around the marks of its triggers.
    """
    if hits is None:
        hits = tuple(h for h in tagged.hits if h.sentence == sentence.index)
    triggers = tuple(h for h in hits if not h.other_words)
    paraphrased = page.in_order(h for h in hits if h.other_words)
    topic_ids = page.with_parents(page.in_order(hits))
    classes = ["s", page.status(topic_ids)]
    classes += [OTHER_WORDS] if paraphrased else []
    classes += ["unmatched"] if unmatched else []
    attrs = (
        f'class="{" ".join(classes)}" id="{sid}" tabindex="0" '
        f'data-topics="{page.keys(topic_ids)}" '
        f'data-links="{" ".join(f"{target}:{score:.3f}" for target, score in links)}" '
        f'title="{e(hint)}"'
    )
    body = []
    pos = 0
    for text, trigger in marked_pieces(sentence, triggers):
        start, end = pos, pos + len(text)
        pos = end
        if not trigger:
            body.append(e(text))
            continue
        inside = [
            h for h in triggers if h.start - sentence.start < end and h.end - sentence.start > start
        ]
        ids = page.in_order(inside)
        kind = page.mark_kind(ids)
        if inside and all(h.negated for h in inside):
            kind += " negated"
        body.append(
            f'<mark class="{kind}" data-topics="{page.keys(page.with_parents(ids))}" '
            f'title="{e(", ".join(page.describe(t) for t in ids))}">{e(text)}</mark>'
        )
    text_html = "".join(body)
    if paraphrased:
        said = "; ".join(f"{page.label(t)}{_confidence(page, t)}" for t in paraphrased)
        text_html = (
            f'<mark class="{page.status(paraphrased)} {OTHER_WORDS}" '
            f'data-topics="{page.keys(paraphrased)}" '
            f'title="{e(f"says it in other words: {said}")}">{text_html}</mark>'
        )
    tags = [*badges] + [_tag(page, t, t in paraphrased) for t in topic_ids]
    if unmatched:
        tags.append(f'<span class="tag none">{e(unmatched)}</span>')
    tag_html = f'<span class="tags">{"".join(tags)}</span>' if tags else ""
    return f'<div {attrs}><span class="n">{sentence.index}</span>{text_html}{tag_html}</div>'


def _confidence(page: Topics, topic_id: str) -> str:
    found = page.confidence.get(topic_id)
    return f", confidence {found:.2f}" if found is not None else ""


def _tag(page: Topics, topic_id: str, other_words: bool) -> str:
    """A sentence's topic tag (a filter toggle), saying in words what its style shows."""
    kind = page.kinds[topic_id]
    note = ""
    if kind == DETAIL:
        note = " (detail)"
    elif kind == PASSING:
        note = " (in passing)"
    elif other_words:
        note = f" (in other words{_confidence(page, topic_id)})"
        kind += " " + OTHER_WORDS
    described = page.describe(topic_id)
    title = f' title="{e(described)}"' if described != page.label(topic_id) else ""
    return (
        f'<button type="button" class="tag {kind}" data-topic="{page.key[topic_id]}" '
        f'aria-pressed="false"{title}>{e(page.label(topic_id))}{e(note)}</button>'
    )
