"""Regenerate docs/html-report.png: the HTML report of the two samples, in headless chromium.

    python docs/make_screenshot.py                  # writes docs/html-report.png
    python docs/make_screenshot.py --html out.html  # also keeps the HTML page
    python docs/make_screenshot.py --readouts samples/three/{kremlin,elysee,bundesregierung}.txt

Needs Playwright (``pip install '.[browser]'``) and Debian's chromium
(``apt-get install chromium``); ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from readout_diff.pipeline import compare, compare_all
from readout_diff.reading import read_readout
from readout_diff.render import render, render_many

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTH = 1440
"""Viewport width in CSS pixels; the height grows to the whole page."""


def samples_html() -> str:
    """The HTML report of samples/kremlin.txt against samples/whitehouse.txt."""
    # Paths as a user in the project folder would type them, not this machine's.
    a, b = (
        replace(read_readout(ROOT / path), path=path)
        for path in ("samples/kremlin.txt", "samples/whitehouse.txt")
    )
    report = compare(a, b)
    return render(report, "html")


def many_html(paths: list[Path]) -> str:
    """The HTML report of three or more readouts, each shown by its file name only."""
    report = compare_all([replace(read_readout(p), path=p.name) for p in paths])
    return render_many(report, "html")


def screenshot(html_file: Path, png: Path, hover: str = "#b-2") -> None:
    """Open the page in headless chromium, point at an aligned sentence, save a full-page PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            page.goto(html_file.as_uri())
            # A viewport as tall as the page, so the sticky topic panel is not clipped.
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": WIDTH, "height": int(height)})
            # Pointing at a sentence shows how aligned sentences light up together.
            page.hover(hover)
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="the PNG (default: docs/html-report.png)")
    parser.add_argument("--html", type=Path, help="also write the HTML page here")
    parser.add_argument(
        "--readouts",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="three or more readouts instead of the two samples "
        "(default output docs/html-report-three.png)",
    )
    parser.add_argument(
        "--hover", help="the sentence to point at (default #b-2, or #r1-1 with --readouts)"
    )
    args = parser.parse_args()
    if args.readouts:
        if len(args.readouts) < 3:
            parser.error("--readouts needs three or more files")
        html = many_html(args.readouts)
        out = args.out or ROOT / "docs" / "html-report-three.png"
        hover = args.hover or "#r1-1"
    else:
        html = samples_html()
        out = args.out or ROOT / "docs" / "html-report.png"
        hover = args.hover or "#b-2"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(args.html) if args.html else Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        screenshot(page.resolve(), out, hover)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
