"""The HTML report: escaping, determinism, self-containment, then a real headless browser.

The browser tests drive Debian's chromium with Playwright and are skipped, with the
reason, where either is missing (``pip install '.[browser]'``, ``apt-get install
chromium``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from readout_diff import pipeline, reading, topicpacks
from readout_diff.model import MultiReport, Report
from readout_diff.render import Style, render, render_many
from readout_diff.render.html import render_many as html_render_many

CompareTexts = Callable[..., Report]
CompareMany = Callable[..., MultiReport]
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INJECTED = (
    'The presidents discussed Ukraine. <script>window.__pwned = "script"</script> '
    'was said, and <img src=x onerror="window.__pwned = \'img\'"> too & "more".'
)
# Three accounts of one call, written for these tests. With the small pack: arms control
# is in all three, Ukraine is missing from B, climate change from C, Navalny only in B.
THREE = (
    "The presidents discussed the extension of New START.\n"
    "They exchanged views on the situation in Ukraine.\n"
    "They agreed to work together on climate change.\n",
    "The leaders discussed extending New START by five years.\n"
    "President Biden raised the poisoning of Alexei Navalny.\n"
    "They agreed to work together on climate change.\n",
    "The President of the Republic discussed New START with his counterpart.\n"
    "He raised the situation in Ukraine.\n"
    "The weather in Paris was mild.\n",
)
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "col", "base"}
# Invented readouts with what the issue-level judgement finds: under the war in Ukraine,
# arms supplies only in A and a prisoner exchange only in B (details); energy shared in
# other words (B's sentence 1 names no alias); Turkey only in passing in B ("Turkish").
JUDGEMENT = ROOT / "tests" / "fixtures" / "judgement"


@pytest.fixture(scope="module")
def injected(compare_texts: CompareTexts) -> Report:
    return compare_texts(
        INJECTED,
        "The leaders discussed New START and Ukraine.",
        name_a="<b>Kremlin</b>",
        name_b='White "House"',
    )


@pytest.fixture(scope="module")
def three(compare_many: CompareMany) -> MultiReport:
    return compare_many(THREE, ("kremlin", "whitehouse", "elysee"))


@pytest.fixture(scope="module")
def three_injected(compare_many: CompareMany) -> MultiReport:
    return compare_many(
        (INJECTED, *THREE[1:]),
        ("<b>Kremlin</b>", 'White "House"', "Élysée & co"),
    )


@pytest.fixture(scope="module")
def judgement_options() -> pipeline.Options:
    pack = topicpacks.parse_pack((JUDGEMENT / "pack.toml").read_text("utf-8"), "judgement.toml")
    return pipeline.Options(pack=pack, adhoc=False)


@pytest.fixture(scope="module")
def judgement(compare_texts: CompareTexts, judgement_options: pipeline.Options) -> Report:
    return compare_texts(
        (JUDGEMENT / "a.txt").read_text("utf-8"),
        (JUDGEMENT / "b.txt").read_text("utf-8"),
        judgement_options,
    )


class _Page(HTMLParser):
    """Collects what the self-containment and well-formedness tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.urls: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, list[str]] = {"style": [], "script": []}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.urls += [v or "" for k, v in attrs if k in {"src", "href", "action", "srcset"}]
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] in self.blocks:
            self.blocks[self.open[-1]].append(data)
        else:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_render_html_escapes_every_input_text(injected: Report) -> None:
    page = render(injected, "html")
    assert page.count("<script") == 1  # the page's own script, at the end
    assert "<img" not in page and "<b>Kremlin" not in page
    assert "&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;" in page
    assert "&lt;b&gt;Kremlin&lt;/b&gt;" in page
    assert "White &quot;House&quot;" in page
    parsed = _parse(page)
    text = "".join(parsed.text)
    assert '<script>window.__pwned = "script"</script>' in text
    assert "<b>Kremlin</b>" in text


def test_render_html_is_deterministic(compare_texts: CompareTexts, injected: Report) -> None:
    again = compare_texts(
        INJECTED,
        "The leaders discussed New START and Ukraine.",
        name_a="<b>Kremlin</b>",
        name_b='White "House"',
    )
    assert render(injected, "html") == render(again, "html")
    assert render(injected, "html", Style(color=True, width=40)) == render(injected, "html")


def test_render_html_shows_every_topic_of_the_json_report(samples: Report) -> None:
    page = render(samples, "html")
    text = "".join(_parse(page).text)
    topics = json.loads(render(samples, "json"))["topics"]
    assert topics
    for topic in topics:
        assert topic["label"] in text
        assert f'data-topic-id="{topic["id"]}"' in page


def assert_self_contained(page: str) -> None:
    """No request leaves the page, and its Content-Security-Policy pins its own blocks."""
    parsed = _parse(page)
    assert not [u for u in parsed.urls if re.match(r"\s*(https?:)?//", u, re.I)]
    assert not [t for t, _ in parsed.tags if t in {"link", "img", "iframe", "object", "embed"}]
    assert all("src" not in attrs for tag, attrs in parsed.tags if tag == "script")
    css = "".join(parsed.blocks["style"])
    assert "url(" not in css and "@import" not in css
    assert not re.search(r"\bfetch\(|XMLHttpRequest|import\(", "".join(parsed.blocks["script"]))
    policy = next(
        attrs["content"] or ""
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy
    for kind in ("style", "script"):
        (source,) = parsed.blocks[kind]
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in policy


def assert_well_formed(page: str) -> None:
    """Every tag closed, no parse error, ids unique."""
    parsed = _parse(page)
    assert parsed.errors == []
    assert parsed.open == []
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids))


def test_render_html_is_self_contained(samples: Report) -> None:
    assert_self_contained(render(samples, "html"))


def test_render_html_is_well_formed(samples: Report, injected: Report) -> None:
    for report in (samples, injected):
        assert_well_formed(render(report, "html"))


def test_render_html_topic_table_has_the_readouts_as_columns(samples: Report) -> None:
    page = render(samples, "html")
    head = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert head is not None
    assert re.findall(r"<th[^>]*>(.*?)</th>", head.group(1)) == ["Topic", "kremlin", "whitehouse"]
    rows = re.findall(r'<button type="button" class="topic ', page)
    # A row per issue and one under it per detail.
    assert len(rows) == len(samples.topics) + sum(len(d.details) for d in samples.topics)


def test_render_html_colours_sentences_by_status(injected: Report) -> None:
    page = render(injected, "html")
    found = re.findall(r'<div class="(s [^"]*)" id="([ab]-\d+)"', page)
    by_id = {sid: cls.split() for cls, sid in found}
    # "Ukraine" is in both readouts, "New START" only in B.
    assert "shared" in by_id["a-0"]
    assert "one-sided" in by_id["b-0"]
    assert all("unmatched" in by_id[f"a-{i}"] for i in injected.alignment.unmatched_a)
    assert '<mark class="shared"' in page and '<mark class="one-sided"' in page


def test_render_html_links_every_aligned_pair(samples: Report) -> None:
    page = render(samples, "html")
    links = dict(
        re.findall(r'id="(a-\d+)" tabindex="0" data-topics="[^"]*" data-links="([^"]*)"', page)
    )
    assert samples.alignment.groups
    for group in samples.alignment.groups:
        for i in group.a:
            for j in group.b:
                assert f"b-{j}:" in links[f"a-{i}"]


# --- what the issue-level judgement adds -----------------------------------------------


def _row(page: str, topic_id: str) -> str:
    """The topic table row of a topic, by its id."""
    found = re.search(
        rf'<tr class="[^"]*"><td><button[^>]*data-topic-id="{topic_id}".*?</tr>', page
    )
    assert found is not None, topic_id
    return found.group(0)


def _key(page: str, topic_id: str) -> str:
    found = re.search(rf'data-topic="(t\d+)" data-topic-id="{topic_id}"', page)
    assert found is not None, topic_id
    return found.group(1)


def _sentence(page: str, sid: str) -> str:
    found = re.search(rf'<div class="s [^"]*" id="{sid}".*?</div>', page, re.S)
    assert found is not None, sid
    return found.group(0)


def test_render_html_judgement_fixture_has_what_it_is_meant_to(judgement: Report) -> None:
    war, energy, grain = judgement.topics
    assert [(d.topic.id, d.side.value) for d in war.details] == [
        ("arms", "only_a"),
        ("prisoners", "only_b"),
    ]
    assert energy.in_other_words and energy.confidence is not None
    assert [h.sentence for h in energy.hits_b if h.other_words] == [1]
    assert grain.side.value == "only_b"
    assert [d.topic.id for d in judgement.passing] == ["turkey"]


def test_render_html_lists_each_detail_under_its_issue_with_the_side_that_raises_it(
    judgement: Report,
) -> None:
    page = render(judgement, "html")
    body = re.search(r'<table class="topics">.*?</table>', page, re.S)
    assert body is not None
    rows = re.findall(r'<tr class="([^"]*)"><td><button[^>]*data-topic-id="([^"]+)"', body.group(0))
    assert rows == [
        ("one-sided", "grain"),
        ("shared", "war"),
        ("detail", "arms"),
        ("detail", "prisoners"),
        ("shared", "energy"),
    ]
    for topic_id, raised, evidence in (("arms", 0, "a-0"), ("prisoners", 1, "b-0")):
        row = _row(page, topic_id)
        cells = re.findall(r'<td class="(mark[^"]*)"', row)
        assert cells[raised] == "mark on detail" and cells[1 - raised] == "mark"
        assert f'href="#{evidence}"' in row
        name = "ab"[raised]
        assert f"detail: only {name} raises it" in row


def test_render_html_marks_a_detail_with_its_own_style_and_its_issue(judgement: Report) -> None:
    page = render(judgement, "html")
    war, arms = _key(page, "war"), _key(page, "arms")
    sentence = _sentence(page, "a-0")
    assert 'class="s shared"' in sentence  # the issue colours the sentence
    assert (
        f'<mark class="detail" data-topics="{war} {arms}" '
        'title="Arms supplies (a detail of War in Ukraine)">weapons deliveries</mark>'
    ) in sentence
    assert f'class="tag detail" data-topic="{arms}"' in sentence
    assert "Arms supplies (detail)</button>" in sentence
    assert f'data-topics="{war} {arms}"' in sentence


def test_render_html_marks_an_issue_shared_in_other_words_with_its_confidence(
    judgement: Report,
) -> None:
    page = render(judgement, "html")
    energy = next(d for d in judgement.topics if d.topic.id == "energy")
    assert energy.confidence is not None
    confidence = f"confidence {energy.confidence:.2f}"
    cells = re.findall(r'<td class="(mark[^"]*)"[^>]*>(.*?)</td>', _row(page, "energy"))
    assert [c for c, _ in cells] == ["mark on", "mark on other-words"]
    assert cells[1][1].startswith("≈")
    assert f"in other words, {confidence}" in cells[1][1]
    assert 'href="#b-1"' in cells[1][1]
    # The sentence carries the issue, so the filter keeps it, and says so in words.
    key = _key(page, "energy")
    sentence = _sentence(page, "b-1")
    assert re.search(rf'class="s shared other-words" id="b-1" [^>]*data-topics="{key}"', sentence)
    assert f'<mark class="shared other-words" data-topics="{key}"' in sentence
    assert f"Energy (in other words, {confidence})</button>" in sentence


def test_render_html_has_a_section_of_issues_mentioned_in_passing(judgement: Report) -> None:
    page = render(judgement, "html")
    topics = re.search(r'<table class="topics">.*?</table>', page, re.S)
    assert topics is not None and "turkey" not in topics.group(0)  # never one-sided
    section = re.search(r'<h2[^>]*id="passing">Mentioned in passing</h2>(.*?)</table>', page, re.S)
    assert section is not None
    (row,) = re.findall(r'<tr class="passing">.*?</tr>', section.group(1))
    assert 'data-topic-id="turkey"' in row
    cells = re.findall(r'<td class="(mark[^"]*)"', row)
    assert cells == ["mark", "mark on passing"]
    assert "“Turkish”" in row and 'href="#b-2"' in row
    key = _key(page, "turkey")
    sentence = _sentence(page, "b-2")
    assert f'<mark class="passing" data-topics="{key}"' in sentence
    assert "Turkey (in passing)</button>" in sentence
    assert 'class="s one-sided unmatched"' in sentence  # grain colours it, not Turkey


def test_render_html_links_every_evidence_sentence_of_the_json_judgement(
    judgement: Report,
) -> None:
    page = render(judgement, "html")
    text = "".join(_parse(page).text)
    data = json.loads(render(judgement, "json"))
    names = [r["name"] for r in data["readouts"]]
    links = set(re.findall(r'<a class="ev" href="#([ab]-\d+)"', page))
    expected: set[str] = set()
    for topic in data["topics"]:
        for detail in topic["details"]:
            assert detail["label"] in text
            expected |= {
                f"{'ab'[names.index(h['readout'])]}-{h['sentence']}" for h in detail["evidence"]
            }
        if topic["in_other_words"]:
            expected |= {
                f"{'ab'[names.index(h['readout'])]}-{h['sentence']}"
                for h in topic["evidence"]
                if h["other_words"]
            }
    for passing in data["passing"]:
        assert passing["label"] in text
        expected |= {
            f"{'ab'[names.index(h['readout'])]}-{h['sentence']}" for h in passing["evidence"]
        }
    assert expected and links == expected
    ids = {attrs.get("id") for _, attrs in _parse(page).tags}
    assert links <= ids


def test_render_html_shows_a_sub_issue_both_sides_raise_as_its_issue(
    compare_texts: CompareTexts, judgement_options: pipeline.Options
) -> None:
    report = compare_texts(
        "The presidents discussed the conflict in Ukraine and weapons deliveries to Kyiv.",
        "The leaders discussed the war in Ukraine and arms supplies.",
        judgement_options,
    )
    (war,) = report.topics
    assert war.topic.id == "war" and not war.details
    page = render(report, "html")
    key = _key(page, "war")
    assert 'class="plain"' not in page  # every trigger is some topic's
    assert f'<mark class="shared" data-topics="{key}" title="War in Ukraine">arms supplies' in page
    assert 'data-topic-id="arms"' not in page


def test_render_html_keys_the_judgement_only_when_the_report_has_it(
    compare_texts: Callable[..., Report], judgement: Report
) -> None:
    swatches = ("swatch detail", "swatch other-words", "swatch passing")
    page = render(judgement, "html")
    assert all(s in page for s in swatches)
    report = compare_texts("They discussed New START and Ukraine.", "New START came up.")
    assert not report.passing and not any(d.details for d in report.topics)
    plain = render(report, "html")
    assert not any(s in plain for s in swatches)
    assert 'id="passing"' not in plain and 'class="ev"' not in plain


def test_render_html_of_the_judgement_is_well_formed_self_contained_and_deterministic(
    compare_texts: CompareTexts, judgement_options: pipeline.Options, judgement: Report
) -> None:
    page = render(judgement, "html")
    assert_well_formed(page)
    assert_self_contained(page)
    again = compare_texts(
        (JUDGEMENT / "a.txt").read_text("utf-8"),
        (JUDGEMENT / "b.txt").read_text("utf-8"),
        judgement_options,
    )
    assert render(again, "html") == page


def test_render_html_shows_passing_mentions_when_no_topic_is_found(
    compare_texts: CompareTexts, judgement_options: pipeline.Options
) -> None:
    report = compare_texts(
        "The presidents talked about shipments through Turkish ports.",
        "The leaders talked about the weather.",
        judgement_options,
    )
    assert not report.topics and [d.topic.id for d in report.passing] == ["turkey"]
    page = render(report, "html")
    assert "No topic of the pack was found in either readout." in page
    assert 'id="passing"' in page and 'id="show-all"' in page
    assert_well_formed(page)


# --- three or more readouts ----------------------------------------------------------


def _many_sentences(page: str) -> dict[str, tuple[list[str], str]]:
    """Sentence id -> (classes, data-links) on an N-readout page."""
    found = re.findall(
        r'<div class="(s [^"]*)" id="(r\d+-\d+)" tabindex="0" data-topics="[^"]*" '
        r'data-links="([^"]*)"',
        page,
    )
    return {sid: (cls.split(), links) for cls, sid, links in found}


def test_render_many_html_is_what_the_html_format_gives(three: MultiReport) -> None:
    page = render_many(three, "html")
    assert page == html_render_many(three, Style())
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")


def test_render_many_html_escapes_every_input_text(three_injected: MultiReport) -> None:
    page = render_many(three_injected, "html")
    assert page.count("<script") == 1  # the page's own script, at the end
    assert "<img" not in page and "<b>Kremlin" not in page
    assert "&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;" in page
    assert "&lt;b&gt;Kremlin&lt;/b&gt;" in page
    assert "White &quot;House&quot;" in page and "Élysée &amp; co" in page
    parsed = _parse(page)
    text = "".join(parsed.text)
    assert '<script>window.__pwned = "script"</script>' in text
    assert "<b>Kremlin</b>" in text and "Élysée & co" in text
    assert '<b>Kremlin</b> vs White "House" vs Élysée & co' in text  # the title


def test_render_many_html_is_deterministic(
    compare_many: CompareMany, three_injected: MultiReport
) -> None:
    again = compare_many((INJECTED, *THREE[1:]), ("<b>Kremlin</b>", 'White "House"', "Élysée & co"))
    page = render_many(three_injected, "html")
    assert render_many(again, "html") == page
    assert render_many(three_injected, "html", Style(color=True, width=40)) == page


def test_render_many_html_shows_every_topic_in_the_matrix(three: MultiReport) -> None:
    page = render_many(three, "html")
    text = "".join(_parse(page).text)
    topics = json.loads(render_many(three, "json"))["topics"]
    assert {t["status"] for t in topics} == {"all", "missing_one", "some"}
    for topic in topics:
        assert topic["label"] in text
        assert f'data-topic-id="{topic["id"]}"' in page
    head = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert head is not None
    assert re.findall(r"<th[^>]*>(.*?)</th>", head.group(1)) == [
        "Topic",
        "kremlin",
        "whitehouse",
        "elysee",
    ]
    assert len(re.findall(r'<button type="button" class="topic ', page)) == len(three.topics)


def test_render_many_html_highlights_the_account_a_topic_is_missing_from(
    three: MultiReport,
) -> None:
    page = render_many(three, "html")
    rows = dict(re.findall(r'data-topic-id="([^"]+)".*?</td>(.*?)</tr>', page))
    for topic in three.topics:
        cells = re.findall(r'<td class="([^"]*)"', rows[topic.topic.id])
        assert len(cells) == len(three.readouts)
        expected = [
            "mark on" if present else "mark gap" if topic.status == "missing_one" else "mark"
            for present in topic.present
        ]
        assert cells == expected, topic.topic.id
    assert "not mentioned by whitehouse" in page  # Ukraine's gap


def test_render_many_html_is_self_contained(three: MultiReport) -> None:
    assert_self_contained(render_many(three, "html"))


def test_render_many_html_is_well_formed(three: MultiReport, three_injected: MultiReport) -> None:
    for report in (three, three_injected):
        assert_well_formed(render_many(report, "html"))


def test_render_many_html_shows_the_readouts_as_columns(three: MultiReport) -> None:
    page = render_many(three, "html")
    assert re.findall(r'<section class="col (r\d+)" aria-label="([^"]*)"', page) == [
        ("r0", "kremlin"),
        ("r1", "whitehouse"),
        ("r2", "elysee"),
    ]
    assert page.count('<div class="gutter"') == 2
    sentences = _many_sentences(page)
    assert len(sentences) == sum(len(r.sentences) for r in three.readouts)


def test_render_many_html_colours_sentences_by_status(three: MultiReport) -> None:
    page = render_many(three, "html")
    classes = {sid: cls for sid, (cls, _) in _many_sentences(page).items()}
    assert "shared" in classes["r2-0"]  # New START: in all three
    assert "one-sided" in classes["r0-1"]  # Ukraine: missing from whitehouse
    assert "one-sided" in classes["r0-2"]  # climate change: missing from elysee
    assert "some" in classes["r1-1"]  # Navalny: only in whitehouse
    assert "plain" in classes["r2-2"]  # the weather: no topic
    for kind in ("shared", "one-sided", "some"):
        assert f'<mark class="{kind}"' in page
        assert f'class="tag {kind}"' in page


def test_render_many_html_links_every_aligned_pair_both_ways(three: MultiReport) -> None:
    links = {sid: found for sid, (_, found) in _many_sentences(render_many(three, "html")).items()}
    assert all(pair.alignment.groups for pair in three.alignments)
    for pair in three.alignments:
        for group in pair.alignment.groups:
            for i in group.a:
                for j in group.b:
                    assert f"r{pair.b}-{j}:" in links[f"r{pair.a}-{i}"]
                    assert f"r{pair.a}-{i}:" in links[f"r{pair.b}-{j}"]


def test_render_many_html_marks_sentences_with_no_counterpart_anywhere(
    three: MultiReport,
) -> None:
    sentences = _many_sentences(render_many(three, "html"))
    unmatched = {sid for sid, (cls, _) in sentences.items() if "unmatched" in cls}
    assert unmatched == {sid for sid, (_, links) in sentences.items() if not links}


def test_render_many_html_without_topics_still_renders(compare_many: CompareMany) -> None:
    report = compare_many(("Tea.\n", "Coffee.\n", "Water.\n"), ("x", "y", "z"))
    page = render_many(report, "html")
    assert "No topic of the pack was found in any readout." in page
    assert _parse(page).errors == []


# --- a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _Opened:
    """A page loaded from a file, with every console error and outside request recorded."""

    def __init__(self, browser: Any, html: str, path: Path, width: int = 1280) -> None:
        path.write_text(html, encoding="utf-8")
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        self.url = path.as_uri()

    def sentences(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.page.evaluate(
            """[...document.querySelectorAll('.s')].map(s => ({
                id: s.id, topics: s.dataset.topics.split(' ').filter(Boolean),
                visible: s.offsetParent !== null}))"""
        )
        return found


@pytest.fixture(scope="module")
def opened(browser: Any, samples: Report, tmp_path_factory: pytest.TempPathFactory) -> _Opened:
    return _Opened(
        browser, render(samples, "html"), tmp_path_factory.mktemp("html") / "report.html"
    )


def test_browser_loads_the_report_without_errors_or_fetches(opened: _Opened) -> None:
    assert opened.errors == []
    assert opened.requests == [opened.url]
    assert opened.page.evaluate("document.querySelectorAll('.gutter path').length") > 0


def test_browser_shows_every_topic_of_the_json_report(opened: _Opened, samples: Report) -> None:
    text = opened.page.inner_text("body")
    for topic in json.loads(render(samples, "json"))["topics"]:
        assert topic["label"] in text


def test_browser_topic_filter_hides_sentences_without_the_topic(opened: _Opened) -> None:
    page = opened.page
    button = page.locator('button.topic[data-topic-id="navalny"]')
    key = button.get_attribute("data-topic")
    button.click()
    shown = opened.sentences()
    assert any(s["visible"] for s in shown) and not all(s["visible"] for s in shown)
    for sentence in shown:
        assert sentence["visible"] == (key in sentence["topics"]), sentence
    assert button.get_attribute("aria-pressed") == "true"
    page.click("#show-all")
    assert all(s["visible"] for s in opened.sentences())
    assert opened.errors == []


def test_browser_hover_lights_up_the_aligned_counterpart(opened: _Opened, samples: Report) -> None:
    group = samples.alignment.groups[0]
    opened.page.hover(f"#a-{group.a[0]}")
    for j in group.b:
        assert "linked" in (opened.page.get_attribute(f"#b-{j}", "class") or "")
    opened.page.mouse.move(0, 0)


def test_browser_shows_who_said_what_and_the_topic_weights(opened: _Opened) -> None:
    page = opened.page
    assert "talks frank and businesslike" in page.inner_text("#call")
    navalny_sentence = page.locator(".col.b .s", has_text="Navalny")
    badge = navalny_sentence.locator(".frame").first
    assert badge.is_visible() and badge.inner_text() == "whitehouse · concern"
    new_start = page.locator("table.topics tr", has=page.locator('[data-topic-id="new-start"]'))
    cells = new_start.locator("td.mark")
    assert [cells.nth(k).locator("small.w").inner_text() for k in (0, 1)] == ["13% #4", "20% #1"]
    assert "agree" in cells.nth(0).locator("small.who").inner_text()
    assert "agree" in cells.nth(1).locator("small.who").inner_text()
    differs = page.locator(".frame.differs")
    assert differs.count() > 0 and differs.first.is_visible()
    assert opened.errors == []


def assert_injected_script_is_text(browser: Any, page: str, path: Path) -> None:
    """The injected <script> and <img onerror> show as text and never run."""
    opened = _Opened(browser, page, path)
    try:
        assert opened.page.evaluate("window.__pwned") is None
        text = opened.page.inner_text("body")
        assert '<script>window.__pwned = "script"</script>' in text
        assert "<b>Kremlin</b>" in text
        assert opened.errors == []
        assert opened.requests == [opened.url]
    finally:
        opened.page.close()


def test_browser_renders_an_injected_script_as_text(
    browser: Any, injected: Report, tmp_path: Path
) -> None:
    assert_injected_script_is_text(browser, render(injected, "html"), tmp_path / "injected.html")


def test_browser_takes_a_screenshot(opened: _Opened, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    opened.page.screenshot(path=str(png), full_page=True)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


# --- a real browser, three readouts ---------------------------------------------------


@pytest.fixture(scope="module")
def opened_three(
    browser: Any, three: MultiReport, tmp_path_factory: pytest.TempPathFactory
) -> _Opened:
    return _Opened(
        browser, render_many(three, "html"), tmp_path_factory.mktemp("html") / "three.html"
    )


def test_browser_three_loads_without_errors_or_fetches(opened_three: _Opened) -> None:
    page = opened_three.page
    assert opened_three.errors == []
    assert opened_three.requests == [opened_three.url]
    assert page.evaluate("document.querySelectorAll('.col').length") == 3
    assert page.evaluate("document.querySelectorAll('.gutter path').length") > 0


def test_browser_three_shows_every_topic_label(opened_three: _Opened, three: MultiReport) -> None:
    page = opened_three.page
    for topic in three.topics:
        assert page.locator(f'button.topic[data-topic-id="{topic.topic.id}"]').is_visible()
        assert topic.topic.label in page.inner_text("aside")


def test_browser_three_topic_filter_hides_sentences_without_the_topic(
    opened_three: _Opened,
) -> None:
    page = opened_three.page
    button = page.locator('button.topic[data-topic-id="ukraine"]')
    key = button.get_attribute("data-topic")
    button.click()
    shown = opened_three.sentences()
    assert any(s["visible"] for s in shown) and not all(s["visible"] for s in shown)
    for sentence in shown:
        assert sentence["visible"] == (key in sentence["topics"]), sentence
    # Both accounts that mention Ukraine keep a sentence; whitehouse keeps none.
    assert {s["id"].split("-")[0] for s in shown if s["visible"]} == {"r0", "r2"}
    page.click("#show-all")
    assert all(s["visible"] for s in opened_three.sentences())
    assert opened_three.errors == []


def test_browser_three_hover_lights_counterparts_in_every_other_column(
    opened_three: _Opened, three: MultiReport
) -> None:
    counterparts: dict[str, set[str]] = {}
    for pair in three.alignments:
        for group in pair.alignment.groups:
            for i in group.a:
                for j in group.b:
                    counterparts.setdefault(f"r{pair.a}-{i}", set()).add(f"r{pair.b}-{j}")
                    counterparts.setdefault(f"r{pair.b}-{j}", set()).add(f"r{pair.a}-{i}")
    # A sentence of the middle column aligned in both other columns.
    sid, expected = next(
        (s, found)
        for s, found in sorted(counterparts.items())
        if s.startswith("r1-") and {f.split("-")[0] for f in found} == {"r0", "r2"}
    )
    page = opened_three.page
    page.hover(f"#{sid}")
    linked = set(page.evaluate("[...document.querySelectorAll('.s.linked')].map(s => s.id)"))
    assert linked == expected
    assert "hot" in (page.get_attribute(f"#{sid}", "class") or "")
    assert page.evaluate("document.querySelectorAll('.gutter path.hot').length") >= 2
    page.mouse.move(0, 0)
    assert page.evaluate("document.querySelectorAll('.s.linked').length") == 0


def test_browser_three_scrolls_sideways_when_columns_do_not_fit(
    browser: Any, three: MultiReport, tmp_path: Path
) -> None:
    opened = _Opened(browser, render_many(three, "html"), tmp_path / "narrow.html", width=900)
    try:
        sizes = opened.page.evaluate(
            """(() => { const m = document.querySelector('.readouts');
                return [m.scrollWidth, m.clientWidth,
                        document.documentElement.scrollWidth, window.innerWidth]; })()"""
        )
        scroll_width, client_width, page_width, window_width = sizes
        assert scroll_width > client_width  # the columns scroll inside their box
        assert page_width <= window_width  # the page itself does not
        assert opened.errors == []
    finally:
        opened.page.close()


def test_browser_three_renders_an_injected_script_as_text(
    browser: Any, three_injected: MultiReport, tmp_path: Path
) -> None:
    page = render_many(three_injected, "html")
    assert_injected_script_is_text(browser, page, tmp_path / "injected.html")


@pytest.fixture(scope="module")
def opened_three_details(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> _Opened:
    readouts = [
        reading.read_readout(str(ROOT / "samples" / "three" / f"{name}.txt"))
        for name in ("bundesregierung", "elysee", "kremlin")
    ]
    page = render_many(pipeline.compare_all(readouts), "html")
    return _Opened(browser, page, tmp_path_factory.mktemp("html") / "three-details.html")


def test_browser_three_filter_on_a_detail_keeps_the_accounts_that_raise_it(
    opened_three_details: _Opened,
) -> None:
    # The Zaporizhzhia plant: bundesregierung [3] and elysee [1] raise it under the war,
    # the kremlin does not; filtering on the war keeps every account's sentences on it.
    assert _filter_on(opened_three_details, "nuclear-plant") == {"r0-3", "r1-1"}
    war = _filter_on(opened_three_details, "ukraine")
    assert {"r0-3", "r1-1"} <= war and {s.split("-")[0] for s in war} == {"r0", "r1", "r2"}
    opened_three_details.page.click("#show-all")
    assert opened_three_details.errors == []


# --- a real browser, what the judgement adds ---------------------------------------------


@pytest.fixture(scope="module")
def opened_judgement(
    browser: Any, judgement: Report, tmp_path_factory: pytest.TempPathFactory
) -> _Opened:
    return _Opened(
        browser, render(judgement, "html"), tmp_path_factory.mktemp("html") / "judgement.html"
    )


def _shown(opened: _Opened) -> set[str]:
    return {s["id"] for s in opened.sentences() if s["visible"]}


def _filter_on(opened: _Opened, topic_id: str) -> set[str]:
    """The sentences left when only this topic's button is pressed."""
    if opened.page.is_enabled("#show-all"):
        opened.page.click("#show-all")
    opened.page.click(f'button.topic[data-topic-id="{topic_id}"]')
    return _shown(opened)


def test_browser_judgement_loads_without_errors_or_fetches(opened_judgement: _Opened) -> None:
    assert opened_judgement.errors == []
    assert opened_judgement.requests == [opened_judgement.url]
    assert opened_judgement.page.evaluate("document.querySelectorAll('.gutter path').length") > 0


def test_browser_filter_on_an_issue_shared_in_other_words_keeps_the_paraphrase(
    opened_judgement: _Opened,
) -> None:
    # B's sentence 1 names no alias of Energy: it is the issue's evidence all the same.
    assert _filter_on(opened_judgement, "energy") == {"a-1", "b-1"}
    opened_judgement.page.click("#show-all")
    assert opened_judgement.errors == []


def test_browser_filter_on_a_detail_an_issue_and_a_passing_mention(
    opened_judgement: _Opened,
) -> None:
    page = opened_judgement.page
    assert _filter_on(opened_judgement, "arms") == {"a-0"}
    assert _filter_on(opened_judgement, "prisoners") == {"b-0"}
    assert _filter_on(opened_judgement, "war") == {"a-0", "b-0"}
    # Filtering on the issue keeps its details' words highlighted, not dimmed.
    assert (
        page.evaluate("document.querySelector('#a-0 mark.detail').classList.contains('off')")
        is False
    )
    assert _filter_on(opened_judgement, "turkey") == {"b-2"}
    page.click("#show-all")
    assert len(_shown(opened_judgement)) == len(opened_judgement.sentences())
    assert opened_judgement.errors == []


def test_browser_evidence_link_shows_and_lights_up_its_sentence(
    opened_judgement: _Opened,
) -> None:
    page = opened_judgement.page
    assert _filter_on(opened_judgement, "grain") == {"b-2"}  # hides a-0
    page.click('tr.detail:has([data-topic-id="arms"]) a.ev[href="#a-0"]')
    assert len(_shown(opened_judgement)) == len(opened_judgement.sentences())
    assert page.evaluate("location.hash") == "#a-0"
    assert page.evaluate("document.activeElement.id") == "a-0"
    assert "linked" in (page.get_attribute("#b-0", "class") or "")  # its counterpart
    page.evaluate("document.activeElement.blur()")
    assert opened_judgement.requests == [opened_judgement.url]
    assert opened_judgement.errors == []


def test_browser_judgement_is_told_in_words_and_line_styles_not_colour_alone(
    opened_judgement: _Opened, judgement: Report
) -> None:
    page = opened_judgement.page
    aside = page.inner_text("aside")
    energy = next(d for d in judgement.topics if d.topic.id == "energy")
    assert f"in other words, confidence {energy.confidence:.2f}" in aside
    assert "detail: only a raises it" in aside and "detail: only b raises it" in aside
    assert page.locator("#passing").is_visible()
    assert page.locator("#passing").inner_text() == "Mentioned in passing"
    tags = page.inner_text(".readouts")
    assert "Arms supplies (detail)" in tags and "Turkey (in passing)" in tags
    assert "Energy (in other words" in tags
    style = """sel => { const s = getComputedStyle(document.querySelector(sel));
        return [s.textDecorationLine, s.textDecorationStyle, s.backgroundColor]; }"""
    shared = page.evaluate(style, "#a-0 mark.shared")
    detail = page.evaluate(style, "#a-0 mark.detail")
    other_words = page.evaluate(style, "#b-1 mark.other-words")
    passing = page.evaluate(style, "#b-2 mark.passing")
    assert shared[0] == "none"
    assert detail[:2] == ["underline", "dashed"] and detail[2] != shared[2]
    assert other_words[:2] == ["underline", "dotted"]
    assert passing[:2] == ["underline", "dotted"] and passing[2] != shared[2]
    assert opened_judgement.errors == []
