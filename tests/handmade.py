"""Hand-made stage inputs for unit tests: readouts tagged without the pipeline."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from pytest import MonkeyPatch

from readout_diff.model import Readout, SegmentedReadout, Sentence, TaggedReadout, TopicHit


def tagged(name: str, sentences: list[str], hits: list[tuple[str, int, str]]) -> TaggedReadout:
    """A hand-made tagged readout: sentences joined by spaces, hits as (topic, sentence, word)."""
    text = " ".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    segmented = SegmentedReadout(
        readout=Readout(name=name, text=text, language="en"),
        sentences=tuple(
            Sentence(index=i, start=start, end=start + len(s), text=s)
            for i, (s, start) in enumerate(zip(sentences, starts, strict=True))
        ),
    )
    topic_hits = []
    for topic_id, index, word in hits:
        start = starts[index] + sentences[index].index(word)
        topic_hits.append(TopicHit(topic_id, index, start, start + len(word), word))
    topic_hits.sort(key=lambda h: h.start)
    return TaggedReadout(segmented=segmented, hits=tuple(topic_hits))


ROOT = Path(__file__).resolve().parent.parent


def load_eval_script(name: str) -> ModuleType:
    """One of the fit scripts in eval/, imported as a module (eval/ on the path, for
    the imports between them)."""
    if str(ROOT / "eval") not in sys.path:
        sys.path.insert(0, str(ROOT / "eval"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def samples_call(root: Path, gold: str) -> Path:
    """A check set of one call under ``root``: the samples as a.txt and b.txt and ``gold``
    as its gold.toml. Returns the set's folder."""
    call = root / "set" / "2021-01-26-samples-call"
    call.mkdir(parents=True)
    for name, sample in (("a.txt", "kremlin.txt"), ("b.txt", "whitehouse.txt")):
        (call / name).write_text((ROOT / "samples" / sample).read_text("utf-8"), "utf-8")
    (call / "gold.toml").write_text(gold, "utf-8")
    return call.parent


def fit_on_samples(script_name: str, root: Path, monkeypatch: MonkeyPatch, gold: str) -> str:
    """Run the fit script ``eval/<script_name>.py`` on :func:`samples_call`'s one call,
    writing its model file under ``root`` instead of the package; the file's text."""
    script = load_eval_script(script_name)
    folder = samples_call(root, gold)
    out = root / "model.toml"
    monkeypatch.setattr(script, "OUT", out)
    monkeypatch.setattr(script, "ROOT", root)
    assert script.main([str(folder)]) == 0
    return out.read_text("utf-8")
