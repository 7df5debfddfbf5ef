"""Rendering: one contract for every format, then what each format promises."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest
from rich.console import Console

from readout_diff.formats import OutputFormat
from readout_diff.model import MultiReport, Report
from readout_diff.render import RENDERERS, Style, marked_pieces, render, render_many
from readout_diff.render.json import to_dict
from readout_diff.render.text import write_report

CompareTexts = Callable[..., Report]

TEXT_A = (
    "Readout of the call\n"
    "The presidents discussed New START and strategic stability. "
    "They exchanged views on Ukraine. Climate change was not discussed."
)
TEXT_B = (
    "President Biden spoke with President Putin.\n"
    "The leaders discussed extending New START. "
    "Biden raised the poisoning of Alexei Navalny and the situation in Ukraine."
)


@pytest.fixture(scope="module")
def report(compare_texts: CompareTexts) -> Report:
    return compare_texts(TEXT_A, TEXT_B, name_a="Kremlin", name_b="White House")


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_render_contract_every_format(report: Report, fmt: str) -> None:
    assert {d.side.value for d in report.topics} == {"both", "only_a", "only_b"}
    output = render(report, fmt, Style(color=False, width=100))
    for diff in report.topics:
        assert diff.topic.label in output
    assert "Kremlin" in output and "White House" in output
    assert output.endswith("\n")
    assert not output.endswith("\n\n")
    assert render(report, fmt, Style(color=False, width=100)) == output


def test_render_formats_are_all_registered() -> None:
    assert set(OutputFormat) == {"text", "json", "markdown", "html", "csv"}
    assert set(RENDERERS) == {(f, kind) for f in OutputFormat for kind in (Report, MultiReport)}


@pytest.fixture(scope="module")
def three(compare_many: Callable[..., MultiReport]) -> MultiReport:
    texts = (TEXT_A, TEXT_B, "The leaders discussed New START.")
    return compare_many(texts, ("Kremlin", "White House", "Elysee"))


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_render_contract_every_format_for_three_readouts(three: MultiReport, fmt: str) -> None:
    output = render(three, fmt, Style(color=False, width=100))
    for topic in three.topics:
        assert topic.topic.label in output
    assert all(name in output for name in ("Kremlin", "White House", "Elysee"))
    assert output.endswith("\n")
    assert render_many(three, fmt) == render(three, fmt)


def test_render_unknown_format_is_a_value_error_naming_no_flag(report: Report) -> None:
    with pytest.raises(ValueError) as info:
        render(report, "xml")
    assert "--" not in str(info.value)


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_render_explain_applies_to_text_and_markdown_only(report: Report, fmt: str) -> None:
    assert render(report, fmt, Style(explain=True)) == render(report, fmt)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_render_explain_adds_a_section(report: Report, fmt: str) -> None:
    plain, explained = render(report, fmt), render(report, fmt, Style(explain=True))
    assert explained.startswith(plain + "\n")
    assert "Why each topic was found" in explained[len(plain) :]


def test_render_text_without_colour_has_no_escape_codes(report: Report) -> None:
    output = render(report, "text", Style(color=False))
    assert "\x1b" not in output
    assert "*poisoning of Alexei Navalny*" in output  # triggers are marked in plain text
    assert all(line == line.rstrip() for line in output.splitlines())


def test_render_text_with_colour_has_escape_codes(report: Report) -> None:
    assert "\x1b[" in render(report, "text", Style(color=True))


def test_render_text_respects_width(report: Report) -> None:
    output = render(report, "text", Style(color=False, width=60))
    assert max(len(line) for line in output.splitlines()) <= 60


def test_render_text_to_an_injected_console(report: Report) -> None:
    out = io.StringIO()
    write_report(Console(file=out, width=100, color_system=None), report, color=False)
    assert "Only in White House" in out.getvalue()
    assert "Only in Kremlin" in out.getvalue()


def test_render_text_marks_negated_topics(report: Report) -> None:
    assert "not discussed" in render(report, "text")


def test_render_json_has_the_fields_the_scorer_reads(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert [r["name"] for r in data["readouts"]] == ["Kremlin", "White House"]
    texts = (report.a.readout.text, report.b.readout.text)
    for readout, text in zip(data["readouts"], texts, strict=True):
        assert readout["sentences"]
        for sentence in readout["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    by_name = dict(zip(("Kremlin", "White House"), texts, strict=True))
    assert {t["id"] for t in data["topics"]} == {d.topic.id for d in report.topics}
    for topic in data["topics"]:
        assert topic["label"]
        assert set(topic["present_in"]) <= {"Kremlin", "White House"}
        assert topic["present_in"]
        assert {e["readout"] for e in topic["evidence"]} == set(topic["present_in"])
        for evidence in topic["evidence"]:
            assert (
                by_name[evidence["readout"]][evidence["start"] : evidence["end"]]
                == (evidence["text"])
            )
        # A sentence that answers the other side's point is a shared topic's evidence,
        # as a whole sentence, and never a one-sided topic's.
        for evidence in (e for e in topic["evidence"] if e["paired"]):
            assert topic["status"] == "both"
            readout = data["readouts"][0 if evidence["readout"] == "Kremlin" else 1]
            sentence = readout["sentences"][evidence["sentence"]]
            assert (evidence["start"], evidence["end"]) == (sentence["start"], sentence["end"])
        # A sentence whose one issue this is gives it its whole text, beside the
        # words that matched there; no other topic of the report is in that sentence.
        for evidence in (e for e in topic["evidence"] if e["point"]):
            readout = data["readouts"][0 if evidence["readout"] == "Kremlin" else 1]
            sentence = readout["sentences"][evidence["sentence"]]
            assert (evidence["start"], evidence["end"]) == (sentence["start"], sentence["end"])
            assert any(
                e["sentence"] == evidence["sentence"] and e["readout"] == evidence["readout"]
                for e in topic["evidence"]
                if not e["point"]
            )
            others = {
                t["id"]
                for t in data["topics"]
                for e in t["evidence"]
                if (e["readout"], e["sentence"]) == (evidence["readout"], evidence["sentence"])
            }
            assert others == {topic["id"]}
    assert any(e["point"] for t in data["topics"] for e in t["evidence"])
    sizes = [len(r["sentences"]) for r in data["readouts"]]
    assert data["alignment"]
    for group in data["alignment"]:
        assert all(0 <= i < sizes[0] for i in group["a"])
        assert all(0 <= j < sizes[1] for j in group["b"])


def test_render_json_statuses_match_the_report(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert {t["id"]: t["status"] for t in data["topics"]} == {
        d.topic.id: d.side.value for d in report.topics
    }
    assert data["summary"]["differences"] is True
    navalny = next(t for t in data["topics"] if t["id"] == "navalny")
    assert navalny["present_in"] == ["White House"]
    climate = next(t for t in data["topics"] if t["id"] == "climate")
    assert climate["negated"] is True


def test_render_json_keeps_non_ascii_readable(compare_texts: CompareTexts) -> None:
    report = compare_texts("Обсуждали Украину.", "They discussed Ukraine.")
    output = render(report, "json")
    assert "Украину" in output
    assert to_dict(report)["readouts"][0]["language"] == "ru"


def test_render_markdown_escapes_pipes_in_sentences(compare_texts: CompareTexts) -> None:
    report = compare_texts(
        "Talks on Ukraine | arms control were useful.",
        "Ukraine was discussed | at length.",
    )
    output = render(report, "markdown")
    assert "**Ukraine** \\| arms control" in output
    assert "discussed \\| at length" in output
    for line in output.splitlines():
        if line.startswith("| ") and "Ukraine" in line:
            # Unescaped pipes are only the table's own cell separators (four cells, and
            # five in the topic table: topic, two marks, two who-what columns).
            cells = line.replace("\\|", "").split("|")
            assert len(cells) in (6, 7), line


def test_render_markdown_bolds_triggers(report: Report) -> None:
    output = render(report, "markdown")
    assert "**poisoning of Alexei Navalny**" in output
    assert output.startswith("# readout-diff: Kremlin vs White House\n")


def test_marked_pieces_cut_a_sentence_at_its_triggers(report: Report) -> None:
    sentence = report.b.sentences[2]
    hits = tuple(h for h in report.b.hits if h.sentence == 2)
    pieces = marked_pieces(sentence, hits)
    assert "".join(p for p, _ in pieces) == sentence.text
    assert {p for p, trigger in pieces if trigger} == {h.text for h in hits}
