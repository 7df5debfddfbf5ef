"""Whatever the input, reading and comparing end in a report or one InputError, in bounded time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_diff import pipeline
from readout_diff.errors import InputError
from readout_diff.extracting import drop_boilerplate, html_to_text, markdown_to_text
from readout_diff.hygiene import clean_text, matching_text
from readout_diff.model import Readout, Report
from readout_diff.reading import read_readout, readout_from_bytes, readout_from_text
from readout_diff.render import render
from readout_diff.topicpacks import TopicPack

FIXTURES = Path(__file__).parent / "fixtures" / "input"
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Every code point but surrogates, controls included.
anything = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
WORDS = ["Ukraine", "New", "START", "Navalny", "trade", "Украина", "СНВ", "Share", "CAPTCHA"]
no_punctuation = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
mixed_scripts = st.text(
    st.sampled_from("aZé Жж ΩΣ 中文 עב ع ह 🙂\u0301\u00a0\u2011—«»“”\n."), min_size=1, max_size=120
)


def check_report(report: Report) -> None:
    """Offsets point at the text shown, and every renderer produces encodable output."""
    for tagged in (report.a, report.b):
        text = tagged.readout.text
        for sentence in tagged.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        for hit in tagged.hits:
            assert text[hit.start : hit.end] == hit.text
    for fmt in ("json", "text", "markdown"):
        render(report, fmt).encode("utf-8")


def compare_or_refuse(a: Readout | Path, b: Readout, pack: TopicPack) -> None:
    """Compare, or check the refusal is one line (the CLI's exit status 2)."""
    try:
        readout = a if isinstance(a, Readout) else read_readout(a)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    check_report(pipeline.compare(readout, b, pipeline.Options(pack=pack)))


@pytest.fixture(scope="module")
def other() -> Readout:
    return readout_from_text("The leaders discussed New START and Ukraine.", "other")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_one_line(data: bytes) -> None:
    try:
        readout = readout_from_bytes(data, "input")
    except InputError as exc:
        assert str(exc).startswith("input: ")
        assert "\n" not in str(exc)
        return
    assert unicodedata.is_normalized("NFC", readout.text)
    assert "\u00a0" not in readout.text
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in readout.text)


@SETTINGS
@given(text=anything)
def test_clean_text_is_stable_and_matching_text_keeps_length(text: str) -> None:
    clean = clean_text(text)
    assert clean_text(clean) == clean
    assert len(matching_text(clean)) == len(clean)
    kept = drop_boilerplate(clean)
    assert len(kept.text) <= len(clean)


@SETTINGS
@given(text=st.one_of(anything, no_punctuation, mixed_scripts))
def test_any_text_compares_without_crashing(
    text: str, other: Readout, small_pack: TopicPack
) -> None:
    try:
        readout = readout_from_text(text, "input")
    except InputError:
        return
    compare_or_refuse(readout, other, small_pack)


@settings(max_examples=30, deadline=None)
@given(text=st.one_of(anything, mixed_scripts))
def test_any_text_survives_html_and_markdown_extraction(text: str) -> None:
    for markup in (text, f"<html><body><p>{text}</p></body></html>"):
        result = html_to_text(markup)
        assert result is None or isinstance(result, str)
    assert isinstance(markdown_to_text(text), str)


EXTREMES = {
    "one 100,000-character sentence": ("Ukraine and trade " * 6000)[:100_000],
    "no punctuation at all": " ".join(["the leaders discussed Ukraine and New START"] * 300),
    "thousands of one-word lines": "\n".join(["Ukraine", "Trade", "Navalny", "Summit"] * 1000),
    "mixed scripts": "Путин Biden 中文 Ωμέγα עברית العربية हिन्दी 🙂 " * 200,
    "a few control characters": "The\x01 leaders discussed New START and Ukraine.\x07\n" * 100,
    "mostly control characters": "The\x01 leaders\x02 spoke\x1b[0m.\x07\n" * 100,
    "one word": "Ukraine",
    "only digits": "2021 2022 2023",
}


@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_files_finish_in_bounded_time(
    name: str, tmp_path: Path, other: Readout, small_pack: TopicPack
) -> None:
    path = tmp_path / "extreme.txt"
    path.write_text(EXTREMES[name], encoding="utf-8")
    started = time.monotonic()
    compare_or_refuse(path, other, small_pack)
    assert time.monotonic() - started < 20


def test_reading_is_deterministic() -> None:
    for path in sorted(FIXTURES.glob("*.*")):
        if path.suffix in (".txt", ".html", ".md"):
            assert read_readout(path) == read_readout(path)


DETERMINISM_SCRIPT = """
import sys
from readout_diff import pipeline
from readout_diff.reading import read_readout
from readout_diff.render import render
a = read_readout(sys.argv[1])
b = read_readout(sys.argv[2])
sys.stdout.write(render(pipeline.compare(a, b), "json"))
"""


def test_json_report_is_byte_identical_whatever_the_hash_seed() -> None:
    args = [str(FIXTURES / "page_en.html"), str(FIXTURES / "scraped.txt")]
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", DETERMINISM_SCRIPT, *args],
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    report = json.loads(outputs.pop())
    assert [r["format"] for r in report["readouts"]] == ["html", "text"]
