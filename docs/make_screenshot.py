"""Regenerate the screenshots in docs/: the HTML reports of the samples, in headless chromium.

    python docs/make_screenshot.py            # every screenshot, and docs/screenshots.json
    python docs/make_screenshot.py --check    # exit 1 if a screenshot is stale (no browser)
    python docs/make_screenshot.py --html DIR # also keep the HTML pages in DIR

Each screenshot is the page ``readout-diff --format html`` writes for its inputs,
listed in :data:`SHOTS` in the order the README's command gives them (a shell glob
such as ``samples/three/*.txt`` sorts them). ``docs/screenshots.json`` records, per
screenshot, the command, its inputs, the verdict and the topics' statuses it showed,
and the PNG's SHA-256: ``tests/test_docs.py`` fails when today's report of those
inputs differs (rerun this script) or when a PNG is not the one recorded.

Needs Playwright (``pip install '.[browser]'``) and Debian's chromium
(``apt-get install chromium``); ``playwright install`` is never needed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "docs" / "screenshots.json"
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


@dataclass(frozen=True)
class Shot:
    """One screenshot: the PNG, the command as the README gives it, its inputs in order."""

    png: str
    command: str
    inputs: tuple[str, ...]
    hover: str
    """The sentence pointed at, to show how aligned sentences light up together."""


SHOTS = (
    Shot(
        png="docs/html-report.png",
        command="readout-diff --format html samples/kremlin.txt samples/whitehouse.txt",
        inputs=("samples/kremlin.txt", "samples/whitehouse.txt"),
        hover="#b-2",
    ),
    Shot(
        png="docs/html-report-three.png",
        command="readout-diff --format html samples/three/*.txt",
        # The glob's order: sorted by file name.
        inputs=tuple(sorted(f"samples/three/{p.name}" for p in (ROOT / "samples/three").glob("*.txt"))),  # noqa: E501
        hover="#r1-1",
    ),
)  # fmt: skip


def report(shot: Shot) -> Any:
    """The report of the shot's inputs, paths as a user in the project folder types them."""
    from readout_diff.pipeline import compare, compare_all
    from readout_diff.reading import read_readout

    readouts = [replace(read_readout(ROOT / path), path=path) for path in shot.inputs]
    return compare(*readouts) if len(readouts) == 2 else compare_all(readouts)


def page(shot: Shot) -> str:
    """The HTML page the screenshot shows."""
    from readout_diff.render import render

    return render(report(shot), "html")


def facts(shot: Shot) -> dict[str, Any]:
    """What a screenshot must show to be current: its inputs, verdict and topic statuses."""
    from readout_diff.render import render

    data = json.loads(render(report(shot), "json"))
    return {
        "command": shot.command,
        "inputs": list(shot.inputs),
        "verdict": data["summary"]["verdict"],
        "topics": {t["id"]: t["status"] for t in data["topics"]},
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stale(manifest: dict[str, Any]) -> list[str]:
    """The screenshots whose recorded facts or PNG differ from today's (empty when current)."""
    out = []
    for shot in SHOTS:
        recorded = manifest.get(shot.png)
        png = ROOT / shot.png
        if (
            recorded is None
            or not png.is_file()
            or recorded.get("sha256") != sha256(png)
            or {k: v for k, v in recorded.items() if k != "sha256"} != facts(shot)
        ):
            out.append(shot.png)
    return out


def screenshot(html_file: Path, png: Path, hover: str = "#b-2") -> None:
    """Open the page in headless chromium, point at an aligned sentence, save a full-page PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            view = browser.new_page(viewport={"width": WIDTH, "height": 900})
            view.goto(html_file.as_uri())
            # A viewport as tall as the page, so the sticky topic panel is not clipped.
            height = view.evaluate("document.documentElement.scrollHeight")
            view.set_viewport_size({"width": WIDTH, "height": int(height)})
            view.hover(hover)
            view.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether any is stale")
    parser.add_argument("--html", type=Path, metavar="DIR", help="also keep the HTML pages here")
    args = parser.parse_args()
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.is_file() else {}
    if args.check:
        old = stale(manifest)
        if old:
            raise SystemExit(f"stale: {', '.join(old)} (python docs/make_screenshot.py)")
        print("screenshots are current")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.html or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for shot in SHOTS:
            html = folder / (Path(shot.png).stem + ".html")
            html.write_text(page(shot), encoding="utf-8")
            screenshot(html.resolve(), ROOT / shot.png, shot.hover)
            manifest[shot.png] = {**facts(shot), "sha256": sha256(ROOT / shot.png)}
            print(f"wrote {shot.png}")
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # this checkout's package, whatever is installed
    main()
