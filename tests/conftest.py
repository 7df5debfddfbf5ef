"""Shared fixtures: the blank pipelines (loaded once per session), a small inline pack,
and the command line run in-process (``invoke``) with its one-line-error check."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from spacy.language import Language

from readout_diff import cache, pipeline, reading, segmenting, topicpacks
from readout_diff.cli import cli
from readout_diff.model import MultiReport, Readout, Report, Sentence, TaggedReadout
from readout_diff.topicpacks import TopicPack

# A pack written for the tests, so they do not depend on the built-in pack's contents.
SMALL_PACK = """
[pack]
name = "small"
version = "1"

[negation]
en = ["not discussed", "did not discuss"]
ru = ["не обсуждался", "не обсуждались"]

[[topic]]
id = "arms-control"
label = "Arms control"
group = "Security"
en = ["New START", "strategic stability"]
ru = ["СНВ-3", "стратегическая стабильность"]

[[topic]]
id = "ukraine"
label = "Ukraine"
en = ["Ukraine", "Donbas"]
ru = ["Украина", "урегулирование на Украине"]

[[topic]]
id = "navalny"
label = "Navalny"
en = ["Navalny", "poisoning of <Name>"]
ru = ["Навальный"]

[[topic]]
id = "election-interference"
label = "Election interference"
en = ["interference in * election", "election meddling"]

[[topic]]
id = "climate"
label = "Climate change"
en = ["climate change"]
ru = ["изменение климата"]

[[topic]]
id = "united-states"
label = "United States"
en = ["US"]
"""


def pytest_configure(config: pytest.Config) -> None:
    """Give the session a cache folder of its own (unless ``READOUT_DIFF_CACHE`` is set),
    so that the packs the tests compile never land in the user's cache; the sentence
    encoder already built there is linked in rather than built again."""
    if os.environ.get("READOUT_DIFF_CACHE"):
        return
    user = cache.root()
    folder = Path(tempfile.mkdtemp(prefix="readout-diff-test-cache-"))
    if user is not None and user.is_dir():
        for built in user.glob("use-m3-*"):
            (folder / built.name).symlink_to(built, target_is_directory=True)
    os.environ["READOUT_DIFF_CACHE"] = str(folder)
    # At exit, after the Russian words table is written there (exit handlers run last first).
    atexit.register(shutil.rmtree, folder, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the expected outputs under tests/golden/ instead of comparing with them.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with --update-golden."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def en_nlp() -> Language:
    return segmenting.load_pipeline("en")


@pytest.fixture(scope="session")
def ru_nlp() -> Language:
    return segmenting.load_pipeline("ru")


@pytest.fixture(scope="session")
def small_pack_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small pack as a file, for the command line's --topics."""
    path = tmp_path_factory.mktemp("packs") / "small.toml"
    path.write_text(SMALL_PACK, encoding="utf-8")
    return path


def sentences_of(texts: tuple[str, ...]) -> list[Sentence]:
    """Sentences of the given texts, as if joined by one character each."""
    out, pos = [], 0
    for k, text in enumerate(texts):
        out.append(Sentence(index=k, start=pos, end=pos + len(text), text=text))
        pos += len(text) + 1
    return out


@pytest.fixture(scope="session")
def small_pack() -> TopicPack:
    return topicpacks.parse_pack(SMALL_PACK, "small.toml")


@pytest.fixture(scope="session")
def small_options(small_pack: TopicPack) -> pipeline.Options:
    # The rules alone: the verdict stage's models were fitted on the built-in pack's
    # topics (tests/test_verdicts.py and the golden files on the samples cover them).
    return pipeline.Options(pack=small_pack, verdicts=False)


@pytest.fixture(scope="session")
def make_readout() -> Callable[..., Readout]:
    """Build a readout from text in memory: make_readout("Text.", name="a")."""

    def make(text: str, name: str = "a", language: str | None = None) -> Readout:
        return reading.readout_from_text(text, name, language)

    return make


@pytest.fixture(scope="session")
def tag() -> Callable[..., TaggedReadout]:
    """Segment and tag a text with a pack: tag(text, pack)."""

    def run(text: str, pack: TopicPack, name: str = "a") -> TaggedReadout:
        return pipeline.tag_readout(reading.readout_from_text(text, name), pack)

    return run


@pytest.fixture(scope="session")
def compare_texts(small_options: pipeline.Options) -> Callable[..., Report]:
    """Compare two texts with the small pack: compare_texts(text_a, text_b)."""

    def run(
        text_a: str, text_b: str, options: pipeline.Options | None = None, **names: str
    ) -> Report:
        a = reading.readout_from_text(text_a, names.get("name_a", "a"))
        b = reading.readout_from_text(text_b, names.get("name_b", "b"))
        return pipeline.compare(a, b, options or small_options)

    return run


Invoke = Callable[..., Result]
AssertTrouble = Callable[..., str]


@pytest.fixture(scope="session")
def invoke() -> Invoke:
    """Run ``readout-diff`` in-process: invoke("a.txt", "b.txt", "-f", "json", input=...)."""

    def run(*args: str | Path, **kwargs: object) -> Result:
        return CliRunner().invoke(
            cli,
            [str(a) for a in args],
            prog_name="readout-diff",
            **kwargs,  # type: ignore[arg-type]
        )

    return run


@pytest.fixture(scope="session")
def small_args(small_pack_file: Path) -> list[str]:
    """Command-line options that use only the small pack."""
    return ["--no-builtin", "--topics", str(small_pack_file)]


@pytest.fixture(scope="session")
def assert_trouble() -> AssertTrouble:
    """Check a run for status 2, nothing on stdout and one line on stderr; return the line."""

    def check(result: Result, *names: str) -> str:
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("readout-diff: ")
        for name in names:
            assert name in lines[0]
        assert "Traceback" not in result.output
        return lines[0]

    return check


def run_python(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run this Python with ``args`` (from the repository, so this tree is imported)."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, *args],
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
        **streams,
    )


Python = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def python() -> Python:
    """Run a fresh Python process: python("-c", code) or python("-m", "readout_diff", ...)."""
    return run_python


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def samples() -> Report:
    """The two sample readouts (samples/) compared with the built-in pack."""
    return pipeline.compare(
        reading.read_readout(ROOT / "samples" / "kremlin.txt"),
        reading.read_readout(ROOT / "samples" / "whitehouse.txt"),
    )


@pytest.fixture(scope="session")
def compare_many(small_options: pipeline.Options) -> Callable[..., MultiReport]:
    """Compare three or more texts with the small pack: compare_many(texts, names)."""

    def run(
        texts: tuple[str, ...], names: tuple[str, ...], options: pipeline.Options | None = None
    ) -> MultiReport:
        readouts = [reading.readout_from_text(t, n) for t, n in zip(texts, names, strict=True)]
        return pipeline.compare_all(readouts, options or small_options)

    return run


# Three short accounts of one call for the command-line tests, with the small pack.
CLI_KREMLIN = (
    "The presidents discussed the extension of New START.\n"
    "They exchanged views on the situation in Ukraine.\n"
    "They agreed to work on climate change.\n"
)
CLI_WHITE_HOUSE = (
    "The leaders discussed extending New START.\n"
    "President Biden raised the poisoning of Alexei Navalny.\n"
    "They agreed to work on climate change.\n"
)
CLI_ELYSEE = (
    "The President of the Republic discussed New START with his counterpart.\n"
    "He raised the situation in Ukraine and climate change.\n"
)


@pytest.fixture
def files(tmp_path: Path, small_pack_file: Path) -> dict[str, Path]:
    """Three readout files (kremlin, whitehouse, elysee) and the small pack ("pack")."""
    paths = {
        "kremlin": tmp_path / "kremlin.txt",
        "whitehouse": tmp_path / "whitehouse.txt",
        "elysee": tmp_path / "elysee.txt",
        "pack": small_pack_file,
    }
    paths["kremlin"].write_text(CLI_KREMLIN, encoding="utf-8")
    paths["whitehouse"].write_text(CLI_WHITE_HOUSE, encoding="utf-8")
    paths["elysee"].write_text(CLI_ELYSEE, encoding="utf-8")
    return paths
