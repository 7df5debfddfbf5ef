"""Benchmarks of readout-diff: start-up, one comparison, and scaling with readout length.

    python bench/run.py            # prints a Markdown table (paste it into bench/README.md)
    python bench/run.py --quick    # fewer repetitions

Times are wall-clock medians on this machine; they are for spotting regressions
between commits, not promises. Tests never assert timings.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_cli(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "readout_diff", *args],
        check=False,
        capture_output=True,
        cwd=ROOT,
    )


def synthetic(text: str, sentences: int, seed: int) -> str:
    """A long readout made of the sample's sentences, shuffled and numbered."""
    import random

    base = [line for line in text.splitlines()[1:] if line.strip()]
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        line = rng.choice(base)
        out.append(f"{line.rstrip('.')} (point {i}).")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7

    from readout_diff.pipeline import compare
    from readout_diff.reading import read_readout, readout_from_text
    from readout_diff.render import render

    rows: list[tuple[str, float]] = []
    rows.append(("`readout-diff --version` (process start)", median_seconds(
        lambda: run_cli("--version"), repeat)))
    rows.append(("`readout-diff samples/…` (whole command, cold)", median_seconds(
        lambda: run_cli(str(SAMPLES / "kremlin.txt"), str(SAMPLES / "whitehouse.txt")), repeat)))

    a = read_readout(SAMPLES / "kremlin.txt")
    b = read_readout(SAMPLES / "whitehouse.txt")
    compare(a, b)  # build and cache the pipelines and the compiled pack
    rows.append(("`compare()` on the samples (warm, in-process)", median_seconds(
        lambda: compare(a, b), repeat * 3)))
    report = compare(a, b)
    for fmt in ("text", "json", "markdown"):
        rows.append((f"render {fmt}", median_seconds(lambda f=fmt: render(report, f), repeat * 3)))
    for n in (50, 200, 1000):
        big_a = readout_from_text(synthetic(a.text, n, 1), "a")
        big_b = readout_from_text(synthetic(b.text, n, 2), "b")
        rows.append((f"`compare()` on two {n}-sentence readouts (warm)", median_seconds(
            lambda x=big_a, y=big_b: compare(x, y), max(1, repeat // 2))))

    print("| benchmark | median |")
    print("|---|--:|")
    for name, seconds in rows:
        shown = f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
        print(f"| {name} | {shown} |")


if __name__ == "__main__":
    main()
