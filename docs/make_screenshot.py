"""Regenerate docs/html-report.png: the HTML report of the two samples, in headless chromium.

    python docs/make_screenshot.py                  # writes docs/html-report.png
    python docs/make_screenshot.py --html out.html  # also keeps the HTML page

Needs Playwright (``pip install '.[browser]'``) and Debian's chromium
(``apt-get install chromium``); ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from readout_diff.pipeline import compare
from readout_diff.reading import read_readout
from readout_diff.render import render

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


def screenshot(html_file: Path, png: Path) -> None:
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
            page.hover("#b-2")
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "html-report.png")
    parser.add_argument("--html", type=Path, help="also write the HTML page here")
    args = parser.parse_args()
    html = samples_html()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(args.html) if args.html else Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        screenshot(page.resolve(), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
