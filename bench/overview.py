"""Benchmark of the archive overview: a synthetic archive of 1,000 Kremlin-White House calls.

    python bench/overview.py                 # 1,000 pairs (about two minutes on two cores)
    python bench/overview.py --pairs 200     # a smaller archive
    python bench/overview.py --keep DIR      # keep the archive and the outputs in DIR

The archive is generated, never committed: the Kremlin-White House pairs of the
check sets (``eval/heldout`` to ``eval/heldout6``) and of the development corpus
(``../shared/corpus/dev``, when present), each copy with its paragraphs shuffled and
one dropped, dated every nine or ten days from 2000-01-01 on and named by
``call.toml`` (date, sides). Measures, in fresh processes:

* ``readout-diff batch ARCHIVE --format html -o overview.html``: wall time and peak
  memory (``/usr/bin/time -v`` where it exists), with and without ``--pair-reports``,
  and the default JSON batch;
* the overview's size;
* opening it in headless chromium (Playwright): from asking for the page to its load
  event (the page's script, which draws the charts, runs before it), measured from
  Python, and from navigation start to the first frame after the load (the page's
  own clock), median of five fresh pages; and one change of the year filter.

Prints a Markdown table for bench/README.md; never asserted in tests.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
sys.path.insert(0, str(ROOT / "docs"))
# The browser as the screenshots of docs/ drive it.
from make_screenshot import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LOAD_TARGET = 2.0


def _sides(folder: Path) -> tuple[str, str] | None:
    import tomllib

    gold = folder / "gold.toml"
    if not gold.is_file():
        return None
    data = tomllib.loads(gold.read_text(encoding="utf-8"))
    return data.get("a", {}).get("side", ""), data.get("b", {}).get("side", "")


def sources() -> list[tuple[str, str]]:
    """(Kremlin text, White House text) of every real Kremlin-White House pair we have."""
    # Listed: a check set kept unopened until the end of a piece of work is not used.
    sets = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
    folders = sorted(p for s in sets for p in (ROOT / "eval" / s).iterdir() if p.is_dir())
    if DEV_CORPUS.is_dir():
        folders += sorted(p for p in DEV_CORPUS.iterdir() if p.is_dir())
    found = []
    for folder in folders:
        sides = _sides(folder)
        if sides is None or set(sides) != {"Kremlin", "White House"}:
            continue
        a, b = (folder / "a.txt").read_text("utf-8"), (folder / "b.txt").read_text("utf-8")
        found.append((a, b) if sides[0] == "Kremlin" else (b, a))
    return found


def _vary(text: str, rng: random.Random) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    head, body = lines[:1], lines[1:]
    rng.shuffle(body)
    if len(body) > 2:
        body.pop(rng.randrange(len(body)))
    return "\n".join(head + body) + "\n"


def make_archive(folder: Path, pairs: int, seed: int = 14) -> None:
    """``pairs`` pair folders of varied real readouts, dated from 2000-01-01 on."""
    rng = random.Random(seed)
    pool = sources()
    if not pool:
        raise SystemExit("no Kremlin-White House pairs found in eval/ or ../shared/corpus/dev")
    start = datetime.date(2000, 1, 1)
    step = (datetime.date(2025, 12, 31) - start).days / pairs
    for number in range(pairs):
        date = start + datetime.timedelta(days=int(number * step))
        kremlin, white_house = pool[rng.randrange(len(pool))]
        pair = folder / f"{date.isoformat()}-call-{number:04d}"
        pair.mkdir(parents=True)
        (pair / "a.txt").write_text(_vary(kremlin, rng), encoding="utf-8")
        (pair / "b.txt").write_text(_vary(white_house, rng), encoding="utf-8")
        (pair / "call.toml").write_text(
            f'date = "{date.isoformat()}"\n[a]\nside = "Kremlin"\n[b]\nside = "White House"\n',
            encoding="utf-8",
        )


def timed(command: list[str]) -> tuple[float, float | None, float | None]:
    """Wall seconds, peak memory (MB) and CPU seconds (from /usr/bin/time -v where it exists).

    The CPU time counts the worker processes too: on a machine shared with other jobs
    it tells the work apart from the waiting.
    """
    wrapper = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    began = time.perf_counter()
    done = subprocess.run(wrapper + command, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - began
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    cpu = [float(t) for t in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", done.stderr)]
    return wall, int(peak.group(1)) / 1024 if peak else None, sum(cpu) if cpu else None


def browser_times(page_file: Path, runs: int = 5) -> tuple[float, float, float]:
    """Median ms to the load event and to the first frame after it; one year-filter change."""
    from playwright.sync_api import sync_playwright

    loads, frames, filters = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                began = time.perf_counter()
                page.goto(page_file.as_uri(), wait_until="load")
                nav = (time.perf_counter() - began) * 1000
                frame = page.evaluate(
                    "new Promise(r => requestAnimationFrame(() => "
                    "requestAnimationFrame(() => r(performance.now()))))"
                )
                took = page.evaluate(
                    """() => new Promise(r => {
                      const select = document.getElementById('year');
                      const t0 = performance.now();
                      select.value = select.options[select.options.length - 1].value;
                      select.dispatchEvent(new Event('change'));
                      requestAnimationFrame(() => requestAnimationFrame(
                        () => r(performance.now() - t0)));
                    })"""
                )
                if errors:
                    raise SystemExit(f"errors in the page: {errors}")
                loads.append(nav)
                frames.append(frame)
                filters.append(took)
                page.close()
        finally:
            browser.close()
    return statistics.median(loads), statistics.median(frames), statistics.median(filters)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the archive and outputs here, and keep")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="readout-diff-overview-"))
    try:
        archive = work / "archive"
        if archive.exists():
            shutil.rmtree(archive)
        make_archive(archive, args.pairs)
        cli = [sys.executable, "-m", "readout_diff", "batch", str(archive)]
        page = work / "site" / "overview.html"
        (work / "site").mkdir(exist_ok=True)
        rows = []
        rows.append(
            ("batch --format html (overview only)", *timed([*cli, "-f", "html", "-o", str(page)]))
        )
        size = page.stat().st_size
        rows.append(
            (
                "batch --format html --pair-reports",
                *timed([*cli, "-f", "html", "-o", str(page), "--pair-reports"]),
            )
        )
        linked = page.stat().st_size  # the page timed in the browser: its cells link
        rows.append(
            ("batch (JSON reports and summaries)", *timed([*cli, "-o", str(work / "reports")]))
        )
        load, frame, filtered = browser_times(page)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    from readout_diff.batch import default_workers

    busy = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{args.pairs} pairs, {default_workers()} cores, load average {busy:.1f} at the end, "
        f"Python {sys.version.split()[0]}"
    )
    print()
    print("| benchmark | result | target | met |")
    print("|---|---|---|---|")
    for name, wall, peak, cpu in rows:
        memory = f", peak {peak:.0f} MB" if peak else ""
        work_done = f", CPU {cpu:.1f} s" if cpu else ""
        print(
            f"| {name} | {wall:.1f} s = {args.pairs / wall:.0f} pairs/s{work_done}{memory} |  |  |"
        )
    print(f"| overview size | {size / 1e6:.2f} MB ({size:,} bytes) |  |  |")
    print(
        f"| overview size, linking the pair reports | {linked / 1e6:.2f} MB "
        f"({linked:,} bytes) |  |  |"
    )
    met = "yes" if max(load, frame) / 1000 < LOAD_TARGET else "**no**"
    print(
        f"| overview in chromium, page.goto to the load event (median of 5) | {load:.0f} ms |"
        f" < {LOAD_TARGET:.0f} s | {met} |"
    )
    print(
        f"| overview in chromium, navigation start to the first frame after the load | "
        f"{frame:.0f} ms | < {LOAD_TARGET:.0f} s | {met} |"
    )
    print(f"| change of the year filter, to the next frame | {filtered:.0f} ms |  |  |")


if __name__ == "__main__":
    main()
