"""The Markdown report is valid CommonMark (with tables): parsed back, it says what we wrote.

Parsed with markdown-it-py (installed with rich) in CommonMark mode plus the table
extension, the dialect GitHub and most newsroom tools read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from readout_diff.model import Report, Side
from readout_diff.render import render, verdict

CompareTexts = Callable[..., Report]
ROOT = Path(__file__).resolve().parents[1]
TRICKY = (
    "Talks on Ukraine | arms *control* and _New START_ were `useful` [see](http://x.y) "
    "<script>alert(1)</script> & 5 > 3 \\ done. "
    "# Not a heading, 1. not a list, > not a quote."
)


def _parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def _text(inline: Token) -> str:
    """The plain text of an inline token, as a reader sees it (a <br> as a line break)."""
    out = []
    for child in inline.children or ():
        if child.type in {"text", "code_inline"}:
            out.append(child.content)
        elif child.type in {"softbreak", "hardbreak"} or child.content == "<br>":
            out.append("\n")
    return "".join(out)


_LABEL = re.compile(r"^\([^()]*: \w+\) ", re.M)


def _unlabelled(text: str) -> str:
    """Text without the "(actor: act) " label the report puts before a sentence."""
    return _LABEL.sub("", text)


def _strong(inline: Token) -> list[str]:
    """The texts set in bold in an inline token."""
    found: list[str] = []
    current: list[str] = []
    depth = 0
    for child in inline.children or ():
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
            found.append("".join(current))
            current = []
        elif depth and child.type == "text":
            current.append(child.content)
    return found


def _tables(tokens: list[Token]) -> list[tuple[list[str], list[list[str]]]]:
    """Each table as (header cells, body rows), in plain text."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    head: list[str] = []
    rows: list[list[str]] = []
    cell_of: list[str] | None = None
    for k, token in enumerate(tokens):
        if token.type == "table_open":
            head, rows = [], []
        elif token.type == "tr_open":
            cell_of = head if not head and not rows and tokens[k - 1].type == "thead_open" else []
            if cell_of is not head:
                rows.append(cell_of)
        elif token.type == "inline" and cell_of is not None:
            cell_of.append(_text(token))
        elif token.type == "tr_close":
            cell_of = None
        elif token.type == "table_close":
            tables.append((head, rows))
    return tables


def _in_blockquote(tokens: list[Token]) -> list[Token]:
    inlines, depth = [], 0
    for token in tokens:
        depth += token.type == "blockquote_open"
        depth -= token.type == "blockquote_close"
        if depth and token.type == "inline":
            inlines.append(token)
    return inlines


def _raw_html(tokens: list[Token]) -> list[str]:
    found = [t.content for t in tokens if t.type == "html_block"]
    for token in tokens:
        found += [c.content for c in token.children or () if c.type == "html_inline"]
    return found


def test_render_markdown_parses_to_the_verdict(samples: Report) -> None:
    tokens = _parse(render(samples, "markdown"))
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert _text(tokens[1]) == "readout-diff: kremlin vs whitehouse"
    paragraph = next(t for t in tokens if t.type == "paragraph_open")
    inline = tokens[tokens.index(paragraph) + 1]
    assert _strong(inline) == [verdict(samples)]


def test_render_markdown_has_one_topic_table_with_the_readouts_as_columns(
    samples: Report,
) -> None:
    tables = _tables(_parse(render(samples, "markdown")))
    topic_tables = [t for t in tables if t[0] and t[0][0] == "Topic"]
    assert len(topic_tables) == 1
    head, rows = topic_tables[0]
    assert head == [
        "Topic",
        "kremlin",
        "whitehouse",
        "kremlin: who, what",
        "whitehouse: who, what",
    ]
    marks = {cells[0]: (cells[1][:1], cells[2][:1]) for cells in rows}
    for diff in samples.topics:
        expected = ("✓" if diff.hits_a else "", "✓" if diff.hits_b else "")
        assert marks[diff.topic.label] == expected
    # Every other table sets the shared topics' framings side by side, readouts as columns.
    others = [t for t in tables if t not in topic_tables]
    assert len(others) == len(samples.shared)
    assert all(
        head == ["kremlin", "whitehouse", "similarity", "the accounts differ on"]
        for head, _ in others
    )
    assert all(len(cells) == 5 for _, rows in topic_tables for cells in rows)
    assert all(len(cells) == 4 for _, rows in others for cells in rows)


def test_render_markdown_quotes_the_evidence_of_one_sided_topics(samples: Report) -> None:
    tokens = _parse(render(samples, "markdown"))
    quoted = _in_blockquote(tokens)
    bold = [text for inline in quoted for text in _strong(inline)]
    one_sided = [d for d in samples.topics if d.side is not Side.BOTH]
    assert one_sided
    for diff in one_sided:
        for hit in diff.hits_a + diff.hits_b:
            assert any(hit.text in text for text in bold), hit
    whole = {_unlabelled(_text(inline)) for inline in quoted}
    for diff in one_sided:
        tagged = samples.a if diff.hits_a else samples.b
        for hit in diff.hits_a or diff.hits_b:
            assert tagged.sentences[hit.sentence].text in whole


def test_render_markdown_has_no_stray_escapes_or_raw_html(samples: Report) -> None:
    tokens = _parse(render(samples, "markdown"))
    assert set(_raw_html(tokens)) <= {"<br>"}
    for token in tokens:
        if token.type == "inline":
            assert "\\" not in _text(token), token.content
    # Every sentence the report quotes reads back exactly: evidence, framings, unmatched.
    texts = "\n".join(_unlabelled(_text(t)) for t in tokens if t.type == "inline")
    shown_a = set(samples.alignment.unmatched_a)
    shown_b = set(samples.alignment.unmatched_b)
    for diff in samples.topics:
        if diff.side is not Side.BOTH:
            shown_a |= {h.sentence for h in diff.hits_a}
            shown_b |= {h.sentence for h in diff.hits_b}
        for group in diff.pairs:
            shown_a |= set(group.a)
            shown_b |= set(group.b)
    for tagged, shown in ((samples.a, shown_a), (samples.b, shown_b)):
        assert shown
        for index in shown:
            assert tagged.sentences[index].text in texts


def test_render_markdown_reads_back_markdown_and_html_in_readouts_as_text(
    compare_texts: CompareTexts,
) -> None:
    report = compare_texts(TRICKY, "The leaders discussed Ukraine and New START.")
    tokens = _parse(render(report, "markdown"))
    assert _raw_html(tokens) == []
    assert not [t for t in tokens if t.type in {"code_block", "fence"}]
    texts = [_unlabelled(_text(t)) for t in tokens if t.type == "inline"]
    for sentence in report.a.sentences:
        assert re.sub(r"\s+", " ", sentence.text) in texts or any(
            sentence.text in text for text in texts
        ), sentence.text
    links = [c for t in tokens for c in t.children or () if c.type == "link_open"]
    assert links == []


def test_render_markdown_br_splits_a_cell_of_two_sentences(compare_texts: CompareTexts) -> None:
    report = compare_texts(
        "The leaders discussed extending New START and the war in Ukraine at length.",
        "The leaders discussed extending New START. "
        "The leaders discussed the war in Ukraine at length.",
    )
    assert any(len(group.b) == 2 for group in report.alignment.groups)
    tokens = _parse(render(report, "markdown"))
    assert set(_raw_html(tokens)) == {"<br>"}
    cells = [row[1] for head, rows in _tables(tokens) if "similarity" in head for row in rows]
    assert cells
    for cell in cells:
        assert _unlabelled(cell).split("\n") == [s.text for s in report.b.sentences]


def test_render_markdown_reads_back_entities_and_line_start_markers(
    compare_texts: CompareTexts,
) -> None:
    report = compare_texts(
        "Readout of the call\n"
        "The sides agreed &amp; signed &copy; papers on Navalny.\n"
        "# A hash first, then Navalny.\n"
        "+ A plus first, then Navalny.\n",
        "The leaders discussed Ukraine.",
    )
    tokens = _parse(render(report, "markdown"))
    headings = [_text(tokens[k + 1]) for k, t in enumerate(tokens) if t.type == "heading_open"]
    assert not [h for h in headings if "first, then" in h]
    assert [t.level for t in tokens if t.type == "bullet_list_open"] == [0] * len(
        [t for t in tokens if t.type == "bullet_list_open"]
    )
    texts = [_unlabelled(_text(t)) for t in tokens if t.type == "inline"]
    for sentence in report.a.sentences[1:]:
        assert sentence.text in texts, sentence.text
