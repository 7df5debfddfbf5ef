"""The screenshots in docs/ show what the tool gives today (docs/make_screenshot.py)."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_readme import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shots() -> Any:
    return load_script("make_screenshot")


@pytest.fixture(scope="module")
def manifest(shots: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(shots.MANIFEST.read_text(encoding="utf-8"))
    return data


def test_every_screenshot_is_recorded(shots: Any, manifest: dict[str, Any]) -> None:
    assert sorted(manifest) == sorted(shot.png for shot in shots.SHOTS)


@pytest.mark.parametrize("png", ["docs/html-report.png", "docs/html-report-three.png"])
def test_screenshot_shows_todays_report_of_its_inputs(
    shots: Any, manifest: dict[str, Any], png: str
) -> None:
    shot = next(s for s in shots.SHOTS if s.png == png)
    recorded = {k: v for k, v in manifest[png].items() if k != "sha256"}
    assert recorded == shots.facts(shot), (
        f"{png} shows another result than the tool gives: run python docs/make_screenshot.py"
    )
    assert manifest[png]["sha256"] == shots.sha256(ROOT / png), (
        f"{png} is not the screenshot docs/screenshots.json records"
    )


def test_three_readout_screenshot_has_the_globs_order(shots: Any) -> None:
    shot = next(s for s in shots.SHOTS if s.png == "docs/html-report-three.png")
    glob = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples" / "three").glob("*.txt"))
    assert list(shot.inputs) == glob
    assert shot.command.endswith("samples/three/*.txt")


def test_readme_gives_each_screenshot_with_its_command(shots: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for shot in shots.SHOTS:
        assert f"]({shot.png})" in readme
        assert f"`{shot.command}`" in readme


# --- in a real browser ----------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(shots: Any) -> Iterator[None]:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(shots.CHROMIUM).exists():
        pytest.skip(f"no chromium at {shots.CHROMIUM} (apt-get install chromium)")
    yield


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


@pytest.mark.parametrize("png", ["docs/html-report.png", "docs/html-report-three.png"])
def test_screenshot_script_makes_the_recorded_picture(
    shots: Any, manifest: dict[str, Any], chromium: None, tmp_path: Path, png: str
) -> None:
    # The script's own steps, into a temporary folder: the page it opens carries the
    # recorded verdict, and the picture has the size of the one in docs/.
    shot = next(s for s in shots.SHOTS if s.png == png)
    page = tmp_path / "page.html"
    page.write_text(shots.page(shot), encoding="utf-8")
    assert f'<strong id="verdict">{manifest[png]["verdict"]}</strong>' in page.read_text()
    made = tmp_path / "shot.png"
    shots.screenshot(page, made, shot.hover)
    assert png_size(made) == png_size(ROOT / png)
    assert png_size(made)[0] == shots.WIDTH
