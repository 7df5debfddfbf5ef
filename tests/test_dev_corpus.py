"""Every pair of the dev corpus goes through the whole pipeline and renders a valid report.

Scores against the answer keys are checked elsewhere; this only guards against crashes
and broken offsets on real-sized readouts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout_diff import pipeline
from readout_diff.reading import read_readout
from readout_diff.render import FORMATS, render

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus" / "dev"


def pairs() -> list[tuple[Path, Path]]:
    if not CORPUS.is_dir():
        return []
    found = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        b = folder / "b.txt"
        for a in sorted(folder.glob("a*.txt")):
            if b.is_file():
                found.append((a, b))
    return found


PAIRS = pairs()


@pytest.mark.parametrize(
    ("path_a", "path_b"),
    PAIRS or [(None, None)],
    ids=[f"{a.parent.name}/{a.name}" for a, _ in PAIRS] or ["no-dev-corpus"],
)
def test_dev_corpus_pair_renders_a_valid_report(path_a: Path | None, path_b: Path | None) -> None:
    if path_a is None or path_b is None:
        pytest.skip(f"no dev corpus at {CORPUS}")
    report = pipeline.compare(read_readout(path_a, name="a"), read_readout(path_b, name="b"))
    data = json.loads(render(report, "json"))
    texts = (path_a.read_text(encoding="utf-8"), path_b.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["readouts"]] == ["a", "b"]
    for readout, text in zip(data["readouts"], texts, strict=True):
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
        assert readout["sentences"]
        for sentence in readout["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    by_name = dict(zip(("a", "b"), (report.a.readout.text, report.b.readout.text), strict=True))
    for topic in data["topics"]:
        for evidence in topic["evidence"]:
            span = by_name[evidence["readout"]][evidence["start"] : evidence["end"]]
            assert span == evidence["text"]
    for fmt in FORMATS:
        assert render(report, fmt).endswith("\n")
