"""Regenerate docs/overview.png: the archive overview of the dev corpus and the check sets.

    python docs/make_overview_screenshot.py                   # writes docs/overview.png
    python docs/make_overview_screenshot.py --html out.html   # also keeps the page

The archive is the development corpus (``../shared/corpus/dev``, left out where it is
absent) and the project's check sets ``eval/heldout`` to ``eval/heldout6``, as
``readout-diff batch PAIRS --format html --pair-reports`` would show it. Needs
Playwright (``pip install '.[browser]'``) and Debian's chromium
(``apt-get install chromium``); ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from readout_diff.batch import find_jobs, run_jobs
from readout_diff.overview import Failure, build_overview
from readout_diff.render.html.overview import render_overview

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
# The browser as every screenshot of docs/ drives it (this folder is on sys.path).
from make_screenshot import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WIDTH, HEIGHT = 1440, 1000


def overview_html() -> str:
    """The overview page of the dev corpus (when present) and every check set."""
    # The check sets the tests use, listed: a set kept unopened is not to be shown.
    sets = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
    folders = sorted(p for s in sets for p in (ROOT / "eval" / s).iterdir() if p.is_dir())
    if DEV.is_dir():
        folders += sorted(p for p in DEV.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            (Path(tmp) / folder.name).symlink_to(folder, target_is_directory=True)
        results = list(run_jobs(find_jobs(tmp)))
    overview = build_overview(
        [r.call for r in results if r.call is not None],
        [Failure(r.name, r.error or "") for r in results if not r.ok],
    )
    return render_overview(overview, links="overview-reports/")


def screenshot(html_file: Path, png: Path) -> None:
    """Open the page in headless chromium and save the first screenful as a PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.goto(html_file.as_uri(), wait_until="load")
            page.screenshot(path=str(png))
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "overview.png")
    parser.add_argument("--html", type=Path, help="also keep the HTML page here")
    args = parser.parse_args()
    html = overview_html()
    with tempfile.TemporaryDirectory() as tmp:
        page = args.html or Path(tmp) / "overview.html"
        page.write_text(html, encoding="utf-8")
        screenshot(page, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
