"""README.md tells the truth: its examples are the tool's real output (docs/make_readme.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_readme() -> ModuleType:
    return load_script("make_readme")


@pytest.fixture(scope="module")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_has_every_generated_block(make_readme: ModuleType, readme: str) -> None:
    assert sorted(make_readme.current(readme)) == sorted(make_readme.BLOCKS)


@pytest.mark.parametrize("name", ["report-samples", "report-three", "similarity-samples"])
def test_readme_example_is_the_real_output(make_readme: ModuleType, readme: str, name: str) -> None:
    expected = make_readme.BLOCKS[name]()
    assert make_readme.current(readme)[name] == expected, (
        f"README.md's {name!r} is not what the tool prints: run python docs/make_readme.py"
    )


def test_readme_report_excerpt_lines_are_lines_of_the_report(make_readme: ModuleType) -> None:
    # An excerpt only leaves lines out (marked "..."): it never rewrites one.
    report = iter(make_readme.run("samples/kremlin.txt", "samples/whitehouse.txt").splitlines())
    block = make_readme.report_samples().splitlines()[1:-1]
    assert all(line in report for line in block if line.strip() != "...")


def test_excerpt_marks_each_run_of_items_left_out(make_readme: ModuleType) -> None:
    text = "Head\n\nOnly in a\n  one\n    [1] x\n  two\n    [2] y\n  three\n    [3] z\n"
    rule = make_readme.Items(make_readme.topic_label, ("three",))
    assert make_readme.excerpt(text, {"Only in a": rule}) == (
        "Head\n\nOnly in a\n  ...\n  three\n    [3] z\n"
    )
