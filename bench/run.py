"""Benchmarks of readout-diff, side by side with the floor every spaCy tool pays.

    python bench/run.py            # the full run (about two minutes on two cores)
    python bench/run.py --quick    # fewer repetitions, a smaller batch
    python bench/run.py --encoder-only  # start-up, typical pairs, encoder rows only

Measures, each in fresh processes where start-up matters:

* the floor: ``python -c "import spacy; spacy.blank('en')"``;
* ``readout-diff samples/kremlin.txt samples/whitehouse.txt --format json``, cold,
  and its ratio to the floor (runs of the two are interleaved, so that a busy
  machine slows both alike);
* ``readout-diff --version`` and ``--help``, and whether they import spaCy;
* a large pair (two synthetic readouts of 2,000 sentences: sentences of the samples
  and of the development corpus in ``../shared/corpus/dev``, with words dropped,
  swapped and clauses recombined): whole command, peak memory, time per stage;
* a batch of 500 pairs (real readouts with sentences dropped and shuffled) through
  :func:`readout_diff.batch.compare_many`, pairs per second on one and on all cores;
* each stage's share of the typical pair, cold (first run in a process) and warm.

Prints a Markdown table (paste it into bench/README.md). Times are wall-clock
medians on this machine: for spotting regressions, never asserted in tests. The
checkout's package is compiled to bytecode first, as an installed copy is
(``--from-source`` leaves it without); the library-level children run with one BLAS
thread, as the command line does.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This checkout's package, not whichever one is installed (an editable install of
# another checkout would otherwise be what is measured).
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "samples"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
FLOOR = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
# The check sets already scored; later ones (heldout7 on) stay unopened until their
# first run, so the benchmark must not read them either.
OPENED_CHECK_SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
TYPICAL = [str(SAMPLES / "kremlin.txt"), str(SAMPLES / "whitehouse.txt"), "--format", "json"]
TYPICAL_RU = [str(SAMPLES / "kremlin_ru.txt"), str(SAMPLES / "whitehouse.txt"), "--format", "json"]

# Targets of issue 6 (the ratio: issue 9, with the sentence encoder, English-English
# and Russian-English alike).
RATIO_TARGET = 1.5
START_TARGET = 0.15
LARGE_TARGET = 2.0
LARGE_MEMORY_TARGET = 500.0
BATCH_TARGET = 40.0


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    name: str
    result: str
    target: str = ""
    met: bool | None = None


def compile_checkout() -> None:
    """Compile the checkout's package to bytecode, as ``pip install`` does for an installed
    copy (and as spaCy, the floor, is): where ``PYTHONDONTWRITEBYTECODE`` is set, every
    run would otherwise compile readout-diff's modules from source, 50-90 ms."""
    import compileall

    compileall.compile_dir(ROOT / "readout_diff", quiet=1)


def cli_command() -> list[str]:
    """``python -m readout_diff``, run from the checkout (see :func:`wall`), so that it is
    this checkout's code that is timed even when another one is installed."""
    return [sys.executable, "-m", "readout_diff"]


def wall(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds a command takes as a whole process (output discarded)."""
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False, env=env)
    return time.perf_counter() - start


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns."""
    for cmd in commands.values():
        wall(cmd)  # warm the file cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(wall(cmd))
    return {name: statistics.median(values) for name, values in times.items()}


def imports_spacy(args: Sequence[str]) -> bool:
    """Whether ``python -m readout_diff ARGS`` imports spaCy."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "readout_diff", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return any(line.rstrip().endswith("| spacy") for line in proc.stderr.splitlines())


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


# --- synthetic readouts -----------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentence_pool() -> list[str]:
    """English sentences of the samples and, when present, of the development corpus."""
    files = [SAMPLES / "kremlin.txt", SAMPLES / "whitehouse.txt"]
    if DEV_CORPUS.is_dir():
        files += sorted(DEV_CORPUS.glob("*/[ab].txt"))
    pool = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines()[1:]:  # no title
            for sentence in _SENTENCE_END.split(line.strip()):
                if len(sentence.split()) >= 5 and sentence[-1] in ".!?":
                    pool.append(sentence)
    return pool


def perturbed(sentence: str, other: str, rng: random.Random) -> str:
    """A variant of a sentence: a word dropped, two swapped, or a clause of another."""
    words = sentence[:-1].split()
    roll = rng.random()
    if roll < 0.3 and len(words) > 6:
        del words[rng.randrange(1, len(words))]
    elif roll < 0.55:
        k = rng.randrange(1, len(words))
        words[k - 1], words[k] = words[k], words[k - 1]
    elif roll < 0.75 and "," in sentence and "," in other:
        words = (sentence.split(",")[0] + "," + other.split(",", 1)[1][:-1]).split()
    return " ".join(words) + sentence[-1]


def synthetic(pool: Sequence[str], sentences: int, seed: int) -> str:
    """A long readout: a title, then paragraphs of one to four perturbed sentences."""
    rng = random.Random(seed)
    paragraphs, current = [], []
    for _ in range(sentences):
        current.append(perturbed(rng.choice(pool), rng.choice(pool), rng))
        if len(current) >= rng.randint(1, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "Synthetic readout\n" + "\n".join(paragraphs) + "\n"


def real_readouts() -> list[Path]:
    """Files of real readouts: samples, the check sets, the development corpus."""
    files = sorted(SAMPLES.glob("*.txt"))
    for name in OPENED_CHECK_SETS:
        files += sorted((ROOT / "eval" / name).glob("*/*.txt"))
    if DEV_CORPUS.is_dir():
        files += sorted(DEV_CORPUS.glob("*/*.txt"))
    return files


def batch_pairs(count: int, seed: int = 6) -> list[tuple[str, str]]:
    """Texts of ``count`` pairs of real readouts, each with a sentence or two dropped
    and its paragraphs shuffled, so that no two pairs are the same."""
    texts = [f.read_text(encoding="utf-8") for f in real_readouts()]
    rng = random.Random(seed)

    def variant(text: str) -> str:
        title, *body = [line for line in text.splitlines() if line.strip()]
        rng.shuffle(body)
        if len(body) > 3:
            del body[rng.randrange(len(body))]
        return "\n".join([title, *body]) + "\n"

    return [(variant(rng.choice(texts)), variant(rng.choice(texts))) for _ in range(count)]


# --- measurements in child processes ----------------------------------------------


def child(mode: str, args: list[str]) -> None:
    """Entry point of the child processes (``run.py --child MODE ...``)."""
    if mode == "cli":
        # The whole command in this process, then its peak memory on stderr.
        from readout_diff.cli import main

        sys.argv = ["readout-diff", *args]
        with contextlib.suppress(SystemExit):  # its exit status says "differences"
            main()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"peak_mb": peak}), file=sys.stderr)
    elif mode == "stages":
        print(json.dumps(stage_times(args[0], args[1], cold=args[2] == "cold")))
    elif mode == "batch":
        print(json.dumps(batch_rate(int(args[0]), int(args[1]))))
    elif mode == "encoder":
        print(json.dumps(encoder_times()))


def child_env() -> dict[str, str]:
    """The environment of the library-level children: one BLAS thread, as the command line
    sets it (readout_diff.cli.main), or the encoder's threads wait on each other."""
    return {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", **os.environ}


def run_child(mode: str, *args: str) -> tuple[dict[str, float], float]:
    """Run a child measurement: (its JSON answer, its wall time)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env=child_env(),
    )
    elapsed = time.perf_counter() - start
    stream = proc.stderr if mode == "cli" else proc.stdout
    lines = [line for line in stream.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"benchmark child {mode} failed:\n{proc.stderr}")
    answer: dict[str, float] = json.loads(lines[-1])
    return answer, elapsed


def stage_times(path_a: str, path_b: str, cold: bool) -> dict[str, float]:
    """Seconds per stage of one comparison; ``cold`` counts imports and set-up too."""
    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = times.get(name, 0.0) + now - clock
        clock = now

    import spacy  # noqa: F401  (the floor's import, counted apart)

    lap("import spaCy")
    from readout_diff import aligning, diffing, naming, segmenting, tagging, topicpacks
    from readout_diff.pipeline import compare
    from readout_diff.reading import read_readout
    from readout_diff.render import render

    lap("import readout-diff")
    if not cold:
        compare(read_readout(path_a), read_readout(path_b))
        times.clear()
        clock = time.perf_counter()
    # The stages of pipeline.compare, one by one (keep in step with it).
    a, b = read_readout(path_a), read_readout(path_b)
    lap("read")
    pack = topicpacks.builtin_pack()
    tagged, docs = [], []
    for readout in (a, b):
        nlp = segmenting.load_pipeline(readout.language, None)
        lap("set-up: spaCy pipeline")
        tagger = tagging.tagger_for(pack, nlp)
        lap("set-up: compile topic pack")
        segmented, doc = segmenting.segment(readout, nlp)
        docs.append(doc)
        lap("segment")
        tagged.append(tagger.tag(doc, segmented))
        lap("tag")
    tagged_a, tagged_b = tagged
    by_id = {spec.id: spec.topic() for spec in pack.topics}
    if a.language == b.language:
        tagged_a, tagged_b, adhoc = naming.adhoc_topics(docs[0], tagged_a, docs[1], tagged_b)
        by_id.update(adhoc)
    lap("ad-hoc names")
    alignment = aligning.align(tagged_a, tagged_b)
    lap("align")
    diffing.diff_topics(tagged_a, tagged_b, alignment, by_id)
    lap("diff")
    report = compare(a, b)
    clock = time.perf_counter()
    render(report, "json")
    lap("render (json)")
    times["#a"], times["#b"] = len(report.a.sentences), len(report.b.sentences)
    return times


def encoder_times() -> dict[str, float]:
    """Seconds to load the sentence encoder (from ``$READOUT_DIFF_CACHE``, whatever it
    holds) and to encode the typical pair's sentences, per sentence (median of five)."""
    start = time.perf_counter()
    from readout_diff import similarity

    encoder = similarity.load_encoder("use")
    loaded = time.perf_counter() - start
    if encoder is None:
        return {"load": loaded, "per_sentence": -1.0, "sentences": 0}
    from readout_diff import pipeline
    from readout_diff.reading import read_readout

    report = pipeline.compare(
        read_readout(SAMPLES / "kremlin.txt"), read_readout(SAMPLES / "whitehouse.txt")
    )
    texts = [s.text for t in (report.a, report.b) for s in t.sentences]
    runs = []
    for _ in range(5):
        clock = time.perf_counter()
        encoder.encode(texts)
        runs.append(time.perf_counter() - clock)
    per_sentence = statistics.median(runs) / len(texts)
    return {"load": loaded, "per_sentence": per_sentence, "sentences": len(texts)}


def batch_rate(count: int, workers: int) -> dict[str, float]:
    """Pairs per second of a batch, counting worker start-up and pipeline loading, and how
    many times the sentence encoder was loaded, in how many processes."""
    from readout_diff import similarity
    from readout_diff.batch import compare_many
    from readout_diff.reading import readout_from_text

    log = Path(tempfile.mkdtemp()) / "loads"
    log.touch()
    build = similarity._UseEncoder.__init__

    def counted(self: object) -> None:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        build(self)  # type: ignore[arg-type]

    similarity._UseEncoder.__init__ = counted  # type: ignore[method-assign]  # workers fork

    pairs = [
        (readout_from_text(a, f"a{i}"), readout_from_text(b, f"b{i}"))
        for i, (a, b) in enumerate(batch_pairs(count))
    ]
    start = time.perf_counter()
    done = sum(1 for _ in compare_many(pairs, workers=workers))
    elapsed = time.perf_counter() - start
    pids = log.read_text(encoding="utf-8").split()
    return {
        "pairs": done,
        "seconds": elapsed,
        "rate": done / elapsed,
        "loads": len(pids),
        "processes": len(set(pids)),
    }


def batch_command_rate(count: int) -> dict[str, float]:
    """Pairs per second of ``readout-diff batch`` as a user runs it: the whole process,
    reading the files and writing a JSON report per pair and the summary."""
    with tempfile.TemporaryDirectory() as tmp:
        pairs = Path(tmp) / "pairs"
        for i, (a, b) in enumerate(batch_pairs(count)):
            folder = pairs / f"pair-{i:04d}"
            folder.mkdir(parents=True)
            (folder / "a.txt").write_text(a, encoding="utf-8")
            (folder / "b.txt").write_text(b, encoding="utf-8")
        elapsed = wall([*cli_command(), "batch", str(pairs), "-o", str(Path(tmp) / "out")])
        done = len(list((Path(tmp) / "out").glob("*.json")))
    return {"pairs": done, "seconds": elapsed, "rate": done / elapsed}


# --- the run ----------------------------------------------------------------------


def measure(quick: bool, progress: Callable[[str], None], encoder_only: bool = False) -> list[Row]:
    runs = 5 if quick else 11
    cli = cli_command()
    rows: list[Row] = []

    progress("start-up")
    medians = interleaved(
        {
            "floor": FLOOR,
            "typical": [*cli, *TYPICAL],
            "typical_ru": [*cli, *TYPICAL_RU],
            "version": [*cli, "--version"],
            "help": [*cli, "--help"],
        },
        runs,
    )
    floor, typical = medians["floor"], medians["typical"]
    ratio = typical / floor
    rows.append(Row("floor: `python -c \"import spacy; spacy.blank('en')\"`", seconds(floor)))
    rows.append(
        Row(
            f"typical pair English-English: `readout-diff samples/kremlin.txt "
            f"samples/whitehouse.txt --format json` (cold, median of {runs})",
            f"{seconds(typical)} = {ratio:.2f}x the floor",
            f"≤ {RATIO_TARGET}x",
            ratio <= RATIO_TARGET,
        )
    )
    ratio_ru = medians["typical_ru"] / floor
    rows.append(
        Row(
            f"typical pair Russian-English: `readout-diff samples/kremlin_ru.txt "
            f"samples/whitehouse.txt --format json` (cold, median of {runs})",
            f"{seconds(medians['typical_ru'])} = {ratio_ru:.2f}x the floor",
            f"≤ {RATIO_TARGET}x",
            ratio_ru <= RATIO_TARGET,
        )
    )

    progress("encoder")
    rows += encoder_rows(3 if quick else 5)
    if encoder_only:
        progress("batch")
        answer, _ = run_child("batch", "20", "2")
        rows.append(_loads_row(20, 2, answer))
        return rows
    for flag in ("version", "help"):
        spacy = imports_spacy([f"--{flag}"])
        rows.append(
            Row(
                f"`readout-diff --{flag}`",
                f"{seconds(medians[flag])}, {'imports' if spacy else 'no'} spaCy",
                f"< {seconds(START_TARGET)}, no spaCy",
                medians[flag] < START_TARGET and not spacy,
            )
        )

    progress("large pair")
    pool = sentence_pool()
    with tempfile.TemporaryDirectory() as tmp:
        big_a, big_b = Path(tmp, "big_a.txt"), Path(tmp, "big_b.txt")
        big_a.write_text(synthetic(pool, 2000, 1), encoding="utf-8")
        big_b.write_text(synthetic(pool, 2000, 2), encoding="utf-8")
        answer, large = run_child("cli", str(big_a), str(big_b), "--format", "json")
        large_stages, _ = run_child("stages", str(big_a), str(big_b), "warm")
        sizes = f"{large_stages.pop('#a'):.0f}+{large_stages.pop('#b'):.0f}"
        beyond = large - floor
        rows.append(
            Row(
                f"large pair ({sizes} sentences), whole command",
                f"{seconds(large)} = floor + {seconds(beyond)}",
                f"floor + < {seconds(LARGE_TARGET)}",
                beyond < LARGE_TARGET,
            )
        )
        rows.append(
            Row(
                "large pair, peak memory (max RSS)",
                f"{answer['peak_mb']:.0f} MB",
                f"< {LARGE_MEMORY_TARGET:.0f} MB",
                answer["peak_mb"] < LARGE_MEMORY_TARGET,
            )
        )
        rows.append(Row("large pair, warm, by stage", _shares(large_stages)))

    progress("batch")
    count = 100 if quick else 500
    from readout_diff.batch import default_workers

    cores = default_workers()
    for workers in sorted({1, cores}):
        answer, _ = run_child("batch", str(count), str(workers))
        target = workers >= 2
        rows.append(
            Row(
                f"batch of {count} pairs, {workers} core{'s' if workers > 1 else ''}",
                f"{answer['rate']:.0f} pairs/s ({seconds(answer['seconds'])})",
                f"≥ {BATCH_TARGET:.0f} pairs/s on 2 cores" if target else "",
                answer["rate"] >= BATCH_TARGET if target else None,
            )
        )
        rows.append(_loads_row(count, workers, answer))

    progress("batch command")
    answer = batch_command_rate(count)
    rows.append(
        Row(
            f"`readout-diff batch` of {count} pair folders, whole command, {cores} "
            f"core{'s' if cores > 1 else ''}",
            f"{answer['rate']:.0f} pairs/s ({seconds(answer['seconds'])})",
        )
    )

    progress("stages")
    paths = [str(SAMPLES / "kremlin.txt"), str(SAMPLES / "whitehouse.txt")]
    cold, _ = run_child("stages", *paths, "cold")
    del cold["#a"], cold["#b"]
    rows.append(Row("typical pair, cold, by stage", _shares(cold)))
    warm = [run_child("stages", *paths, "warm")[0] for _ in range(3 if quick else 5)]
    median_warm = {k: statistics.median(w[k] for w in warm) for k in warm[0] if k[0] != "#"}
    rows.append(Row("typical pair, warm, by stage", _shares(median_warm)))
    return rows


def _loads_row(count: int, workers: int, answer: dict[str, float]) -> Row:
    return Row(
        f"batch of {count} pairs, {workers} core{'s' if workers > 1 else ''}: "
        "sentence encoder loads",
        f"{answer['loads']:.0f} load{'s' if answer['loads'] != 1 else ''} in "
        f"{answer['processes']:.0f} worker process{'es' if answer['processes'] != 1 else ''}",
        "one per worker",
        answer["loads"] == answer["processes"] <= workers,
    )


def encoder_rows(runs: int) -> list[Row]:
    """The sentence encoder's load, cold (building its cache) and warm (from it), and its
    inference per sentence, each in fresh processes (medians of ``runs``)."""
    cold, warm, per_sentence = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = {**child_env(), "READOUT_DIFF_CACHE": cache}
            cold.append(run_child_env(env, "encoder")["load"])
            answer = run_child_env(env, "encoder")
            warm.append(answer["load"])
            per_sentence.append(answer["per_sentence"])
    if min(per_sentence) < 0:
        return [Row("sentence encoder", "not installed: lexical only")]
    sentences = int(answer["sentences"])
    return [
        Row("sentence encoder load, cold (building the cache)", seconds(statistics.median(cold))),
        Row("sentence encoder load, warm (from the cache)", seconds(statistics.median(warm))),
        Row(
            f"sentence encoder inference, per sentence (the typical pair's {sentences})",
            f"{statistics.median(per_sentence) * 1000:.1f} ms",
        ),
    ]


def run_child_env(env: dict[str, str], mode: str, *args: str) -> dict[str, float]:
    """:func:`run_child` with its own environment."""
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env=env,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"benchmark child {mode} failed:\n{proc.stderr}")
    answer: dict[str, float] = json.loads(lines[-1])
    return answer


def _shares(times: dict[str, float]) -> str:
    total = sum(times.values())
    parts = ", ".join(
        f"{name} {seconds(value)} ({value / total:.0%})" for name, value in times.items()
    )
    return f"{seconds(total)}: {parts}"


def machine() -> str:
    from readout_diff import __version__

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from spacy import about

    return (
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores ({cpu}), "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"spaCy {about.__version__}, readout-diff {__version__}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--child"]:  # a measurement in a fresh process, started below
        child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--encoder-only",
        action="store_true",
        help="only the floor, the typical pairs, the sentence encoder and a small batch's "
        "encoder loads",
    )
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="leave the checkout without bytecode (as PYTHONDONTWRITEBYTECODE=1 leaves it)",
    )
    args = parser.parse_args()
    if not args.from_source:
        compile_checkout()
    start = time.perf_counter()
    rows = measure(args.quick, lambda step: print(f"… {step}", file=sys.stderr), args.encoder_only)
    print(machine())
    print()
    print("| benchmark | result | target | met |")
    print("|---|---|---|---|")
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        print(f"| {row.name} | {row.result} | {row.target} | {met} |")
    print(f"\n(benchmark took {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
