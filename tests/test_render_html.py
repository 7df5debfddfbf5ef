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

from readout_diff import pipeline, reading
from readout_diff.model import Report
from readout_diff.render import Style, render

CompareTexts = Callable[..., Report]
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
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "col", "base"}


@pytest.fixture(scope="module")
def samples() -> Report:
    return pipeline.compare(
        reading.read_readout(ROOT / "samples" / "kremlin.txt"),
        reading.read_readout(ROOT / "samples" / "whitehouse.txt"),
    )


@pytest.fixture(scope="module")
def injected(compare_texts: CompareTexts) -> Report:
    return compare_texts(
        INJECTED,
        "The leaders discussed New START and Ukraine.",
        name_a="<b>Kremlin</b>",
        name_b='White "House"',
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


def test_render_html_is_self_contained(samples: Report) -> None:
    page = render(samples, "html")
    parsed = _parse(page)
    assert not [u for u in parsed.urls if re.match(r"\s*(https?:)?//", u, re.I)]
    assert not [t for t, _ in parsed.tags if t in {"link", "img", "iframe", "object", "embed"}]
    assert all("src" not in attrs for tag, attrs in parsed.tags if tag == "script")
    css = "".join(parsed.blocks["style"])
    assert "url(" not in css and "@import" not in css
    assert not re.search(r"\bfetch\(|XMLHttpRequest|import\(", "".join(parsed.blocks["script"]))


def test_render_html_policy_allows_only_its_own_style_and_script(samples: Report) -> None:
    parsed = _parse(render(samples, "html"))
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


def test_render_html_is_well_formed(samples: Report, injected: Report) -> None:
    for report in (samples, injected):
        parsed = _parse(render(report, "html"))
        assert parsed.errors == []
        assert parsed.open == []
        ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
        assert len(ids) == len(set(ids))


def test_render_html_topic_table_has_the_readouts_as_columns(samples: Report) -> None:
    page = render(samples, "html")
    head = re.search(r"<thead>(.*?)</thead>", page, re.S)
    assert head is not None
    assert re.findall(r"<th[^>]*>(.*?)</th>", head.group(1)) == ["Topic", "kremlin", "whitehouse"]
    rows = re.findall(r'<button type="button" class="topic ', page)
    assert len(rows) == len(samples.topics)


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

    def __init__(self, browser: Any, report: Report, path: Path) -> None:
        path.write_text(render(report, "html"), encoding="utf-8")
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
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
    return _Opened(browser, samples, tmp_path_factory.mktemp("html") / "report.html")


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


def test_browser_renders_an_injected_script_as_text(
    browser: Any, injected: Report, tmp_path: Path
) -> None:
    opened = _Opened(browser, injected, tmp_path / "injected.html")
    try:
        assert opened.page.evaluate("window.__pwned") is None
        text = opened.page.inner_text("body")
        assert '<script>window.__pwned = "script"</script>' in text
        assert "<b>Kremlin</b>" in text
        assert opened.errors == []
        assert opened.requests == [opened.url]
    finally:
        opened.page.close()


def test_browser_takes_a_screenshot(opened: _Opened, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    opened.page.screenshot(path=str(png), full_page=True)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000
