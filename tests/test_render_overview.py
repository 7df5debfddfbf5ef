"""The archive overview page: escaping, self-containment, and its grid against the reports.

The archive is the development corpus (read from ``../shared/corpus/dev``, left out
where it is absent) plus the project's check sets (``eval/heldout`` to ``heldout6``),
batched once per module on one core; the browser tests open the page in Debian's
chromium and are skipped where it or Playwright is missing.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_render_html import (
    CHROMIUM,
    CHROMIUM_ARGS,
    assert_self_contained,
    assert_well_formed,
)

from readout_diff.cli import cli
from readout_diff.overview import (
    ABSENT,
    ONLY_A,
    ONLY_B,
    PASSING_A,
    PASSING_B,
    Call,
    CallTopic,
    build_overview,
)
from readout_diff.render.html.overview import overview_assets, render_overview

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
# Listed, not globbed, like tests/test_dev_corpus.py: a set kept unopened until the end
# of a piece of work must not be run by a test the day it is added.
SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
CHECK_SETS = sorted(p for s in SETS for p in (ROOT / "eval" / s).iterdir() if p.is_dir())
INJECTED = '<script>window.__pwned = "script"</script>'


def _pair_folders() -> list[Path]:
    dev = sorted(p for p in DEV.iterdir() if p.is_dir()) if DEV.is_dir() else []
    return dev + CHECK_SETS


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The archive batched twice: JSON reports, and the overview with its pair reports."""
    root = tmp_path_factory.mktemp("archive")
    pairs = root / "pairs"
    pairs.mkdir()
    for folder in _pair_folders():
        (pairs / folder.name).symlink_to(folder, target_is_directory=True)
    reports, page = root / "reports", root / "site" / "overview.html"
    runner = CliRunner()
    for args in (
        ["-o", str(reports)],
        ["-f", "html", "-o", str(page), "--pair-reports"],
    ):
        result = runner.invoke(cli, ["batch", "-j", "1", *args, str(pairs)])
        assert result.exit_code == 1, result.output  # pairs differ, none failed
    return {"pairs": pairs, "reports": reports, "page": page}


def _reported(reports: Path) -> dict[str, dict[str, str]]:
    """Call -> pack topic id -> status, from each pair's JSON report (its passing mentions
    as ``passing_a`` / ``passing_b``)."""
    found = {}
    for path in sorted(reports.glob("*.json")):
        if path.name.startswith("summary"):
            continue
        report = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = {t["id"]: t["status"] for t in report["topics"] if t["kind"] == "pack"}
        names = [r["name"] for r in report["readouts"]]
        for entry in report["passing"]:
            if entry["kind"] == "pack":
                side = names.index(entry["mentioned_in"])
                found[path.stem][entry["id"]] = (PASSING_A, PASSING_B)[side]
    return found


def _status(cls: str) -> str:
    if cls[:1] == "p":
        return {"pa": PASSING_A, "pb": PASSING_B}[cls[:2]]
    return {"a": ONLY_A, "b": ONLY_B, "s": "both", "o": "other"}.get(cls[:1], ABSENT)


class _Grid(HTMLParser):
    """The overview's grid as the page gives it: call names, and per topic each cell's class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.calls: list[str] = []
        self.rows: dict[str, list[str]] = {}
        self._row: list[str] | None = None
        self._first = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "th" and "data-n" in found:
            self.calls.append(found["data-n"] or "")
        elif tag == "tr" and "data-topic" in found:
            self._row = self.rows.setdefault(found["data-topic"] or "", [])
            self._first = 2  # the bar and the trend come before the calls
        elif tag == "td" and self._row is not None:
            if self._first:
                self._first -= 1
            else:
                self._row.append(found.get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None


def _grid(page: str) -> dict[str, dict[str, str]]:
    parser = _Grid()
    parser.feed(page)
    return {
        call: {topic: _status(cells[i]) for topic, cells in parser.rows.items()}
        for i, call in enumerate(parser.calls)
    }


def _assert_same_grid(grid: dict[str, dict[str, str]], reported: dict[str, dict[str, str]]) -> None:
    assert sorted(grid) == sorted(reported)
    topics = {t for statuses in reported.values() for t in statuses}
    for call, statuses in grid.items():
        assert set(statuses) == topics, call  # a row per topic any report has
        shown = {t: s for t, s in statuses.items() if s != ABSENT}
        assert shown == reported[call], call


def test_overview_grid_matches_the_json_reports_cell_for_cell(archive: dict[str, Path]) -> None:
    page = archive["page"].read_text(encoding="utf-8")
    reported = _reported(archive["reports"])
    assert len(reported) == len(_pair_folders())
    _assert_same_grid(_grid(page), reported)


def test_overview_includes_the_development_corpus(archive: dict[str, Path]) -> None:
    if not DEV.is_dir():
        pytest.skip(f"no development corpus at {DEV}")
    grid = _grid(archive["page"].read_text(encoding="utf-8"))
    assert "2021-01-26-biden-putin-call" in grid
    assert grid["2021-01-26-biden-putin-call"]["navalny"] == ONLY_B


def test_overview_orders_calls_by_date_and_links_their_reports(archive: dict[str, Path]) -> None:
    page = archive["page"].read_text(encoding="utf-8")
    calls = list(_grid(page))
    assert calls == sorted(calls)  # every folder name starts with its date
    for call in calls:
        assert f'href="overview-reports/{call}.html"' in page
        assert (archive["page"].parent / "overview-reports" / f"{call}.html").is_file()


def test_overview_is_self_contained_and_well_formed(archive: dict[str, Path]) -> None:
    page = archive["page"].read_text(encoding="utf-8")
    assert_self_contained(page)
    assert_well_formed(page)


def _injected_overview() -> str:
    def call(name: str, date: str, a: str, b: str) -> Call:
        topic = CallTopic("navalny", f"Navalny {INJECTED}", ONLY_B, "", f"He said {INJECTED}.")
        return Call(name=name, date=date, side_a=a, side_b=b, topics=(topic,))

    return render_overview(
        build_overview(
            [
                call(f"call {INJECTED}", "2021-01-26", "<b>Kremlin</b>", 'White "House"'),
                call("second & last", "2022-01-26", "<b>Kremlin</b>", 'White "House"'),
            ]
        ),
        links="reports/",
    )


def test_overview_escapes_every_name_and_sentence() -> None:
    page = _injected_overview()
    assert page.count("<script") == 1  # the page's own script, at the end
    assert "<b>Kremlin" not in page
    assert "&lt;b&gt;Kremlin&lt;/b&gt;" in page and "White &quot;House&quot;" in page
    assert "He said &lt;script&gt;window.__pwned" in page
    assert 'href="reports/call%20%3Cscript%3E' in page  # a name is quoted in a link
    assert "second &amp; last" in page
    assert_well_formed(page)
    assert_self_contained(page)


def test_overview_of_no_calls_is_a_page_still() -> None:
    page = render_overview(build_overview([]))
    assert "0 calls" in page
    assert_well_formed(page)
    assert_self_contained(page)


def test_overview_is_deterministic() -> None:
    assert _injected_overview() == _injected_overview()


def _passing_overview() -> str:
    def call(name: str, date: str, status: str) -> Call:
        topics = (CallTopic("geneva", "Geneva", status), CallTopic("arms", "Arms", ONLY_A))
        return Call(name=name, date=date, side_a="Kremlin", side_b="White House", topics=topics)

    return render_overview(
        build_overview([call("one", "2021-01-26", PASSING_A), call("two", "2022-01-26", PASSING_B)])
    )


def test_overview_shows_a_passing_mention_lighter_with_a_legend_entry() -> None:
    page = _passing_overview()
    parser = _Grid()
    parser.feed(page)
    # Kremlin is side 0 (colour 0), the White House side 1: each cell in its side's colour.
    assert parser.rows["geneva"] == ["pa0", "pb1"]
    assert _grid(page)["two"] == {"geneva": PASSING_B, "arms": ONLY_A}
    assert '<li><span class="sw p"></span>in passing' in page
    css = overview_assets().css
    assert ".pa0, .pb0 { background: color-mix(in srgb, var(--k0) 30%" in css
    assert ".sw.p {" in css
    assert_well_formed(page)
    assert_self_contained(page)


# --- a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Any:
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
    """The overview loaded in a fresh page, with console errors and requests recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1440, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def evaluate(self, script: str) -> Any:
        return self.page.evaluate(script)


@pytest.fixture
def opened(browser: Any, archive: dict[str, Path]) -> Any:
    opened = _Opened(browser, archive["page"])
    yield opened
    opened.page.close()


GRID_JS = """() => {
  const calls = [...document.querySelectorAll('#grid thead th.call')];
  const out = {};
  calls.forEach((th, i) => {
    if (th.hidden) return;
    const row = {};
    document.querySelectorAll('#grid tbody tr').forEach(tr => {
      row[tr.dataset.topic] = tr.hidden ? '' : tr.cells[i + 3].className;
    });
    out[th.dataset.n] = row;
  });
  return out;
}"""


def test_browser_opens_the_overview_without_errors_or_fetches(
    opened: Any, archive: dict[str, Path]
) -> None:
    assert opened.errors == []
    assert opened.requests == [archive["page"].as_uri()]
    rows = opened.evaluate("document.querySelectorAll('#grid tbody tr').length")
    assert opened.evaluate("document.querySelectorAll('#grid td.bar svg').length") == rows
    assert opened.evaluate("document.querySelectorAll('#grid td.trend svg rect').length") > rows
    count = len(_pair_folders())
    assert opened.page.inner_text("#shown") == f"Showing {count} of {count} calls"


def test_browser_grid_matches_the_json_reports_cell_for_cell(
    opened: Any, archive: dict[str, Path]
) -> None:
    shown = opened.evaluate(GRID_JS)
    grid = {call: {t: _status(c) for t, c in row.items()} for call, row in shown.items()}
    _assert_same_grid(grid, _reported(archive["reports"]))


def test_browser_filters_by_dyad_and_year(opened: Any) -> None:
    summary = opened.evaluate(
        "[...document.querySelectorAll('#dyad option')].map(o => [o.value, o.textContent])"
    )
    value, label = max(summary[1:], key=lambda o: int(o[1].rsplit("(", 1)[1].rstrip(")")))
    opened.page.select_option("#dyad", value)
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    visible = opened.evaluate(
        "[...document.querySelectorAll('#grid th.call')].filter(t => !t.hidden).length"
    )
    assert visible == count
    sides = opened.evaluate(
        "[...document.querySelectorAll('section.side')].filter(s => !s.hidden)"
        ".map(s => s.querySelector('h3').textContent)"
    )
    assert " – ".join(sorted(sides)) == label.rsplit(" (", 1)[0]
    year = opened.evaluate("document.querySelector('#year option:nth-child(2)').value")
    opened.page.select_option("#year", year)
    years = opened.evaluate(
        "[...document.querySelectorAll('#grid th.call')].filter(t => !t.hidden)"
        ".map(t => t.dataset.y)"
    )
    assert set(years) <= {year}
    assert opened.errors == []


def test_browser_cell_click_opens_the_pair_report(opened: Any) -> None:
    one_sided = "#grid tbody tr:first-child td[class^='{}']:not(.bar)"
    cell = opened.page.locator(f"{one_sided.format('a')}, {one_sided.format('b')}").first
    cell.click()
    opened.page.wait_for_load_state("load")
    url = opened.page.url
    assert "/overview-reports/" in url and url.endswith(".html")
    assert opened.errors == []


def test_browser_counts_a_passing_mention_neither_alone_nor_both(
    browser: Any, tmp_path: Path
) -> None:
    path = tmp_path / "overview.html"
    path.write_text(_passing_overview(), encoding="utf-8")
    opened = _Opened(browser, path)
    try:
        assert opened.errors == []
        row = "#grid tbody tr[data-topic='geneva']"
        assert opened.page.is_visible(row)
        label = opened.evaluate(f'document.querySelector("{row} td.bar svg").ariaLabel')
        assert label == "in passing in 2 (of 2 calls)"
        assert opened.evaluate(f'document.querySelectorAll("{row} td.bar rect").length') == 0
        light = opened.evaluate(
            f'getComputedStyle(document.querySelector("{row} td.pa0")).backgroundColor'
        )
        alone = opened.evaluate(
            "getComputedStyle(document.querySelector(\"tr[data-topic='arms'] td.a0\"))"
            ".backgroundColor"
        )
        assert light != alone
        opened.page.hover(f"{row} td.pb1")
        title = opened.evaluate(f'document.querySelector("{row} td.pb1").title')
        assert title == "Geneva · two: only in passing in White House"
    finally:
        opened.page.close()


def test_overview_assets_ship_as_package_data() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["readout_diff"]
    for asset in ("overview.css", "overview.js"):
        path = ROOT / "readout_diff" / "render" / "html" / asset
        assert path.is_file()
        assert any(path.relative_to(ROOT / "readout_diff").match(p) for p in patterns), asset
