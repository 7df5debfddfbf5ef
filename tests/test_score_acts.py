"""eval/score_acts.py: keys scored point by point; the tuned check sets keep their level."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from readout_diff import compare, read_readout
from readout_diff.aligning import AlignOptions
from readout_diff.pipeline import Options

ROOT = Path(__file__).resolve().parents[1]

KEY = """
[[point]]
side = "a"
text = "Vladimir Putin congratulated Joseph Biden"
actor = "a"
act = "welcome"

[[point]]
side = "b"
text = "He also raised other matters of concern"
actor = "b"
act = "concern"

[[point]]
side = "b"
text = "made clear that the United States"
actor = "b"
act = "inform"

[[point]]
side = "b"
text = "a sentence the readout does not have"
actor = "b"
act = "inform"

[call]
initiator = ""
duration = ""

[a]
tone = ["frank", "businesslike"]

[b]
tone = []
"""


def test_score_acts_counts_points_tone_and_call(tmp_path: Path) -> None:
    call = tmp_path / "set" / "2021-01-26-biden-putin-call"
    call.mkdir(parents=True)
    shutil.copy(ROOT / "samples" / "kremlin.txt", call / "a.txt")
    shutil.copy(ROOT / "samples" / "whitehouse.txt", call / "b.txt")
    (call / "acts.toml").write_text(KEY, encoding="utf-8")
    (call / "acts2.toml").write_text(KEY.replace('act = "inform"', 'act = "warn"', 1), "utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "score_acts.py"), str(tmp_path / "set")],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("set acts.toml: actor=0.750 act=0.500 (points=4, not found=1)")
    assert "tone_f1=1.000" in lines[0] and "initiator=1.000" in lines[0]
    assert lines[1].startswith("set acts2.toml: actor=0.750 act=0.750")
    assert lines[2] == (
        "set annotators: actor agreement=1.000 act agreement=0.667 over 3 sentences keyed by both"
    )


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_acts", ROOT / "eval" / "score_acts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# The check sets the rules of issue 13 were tuned on after their first run (see
# eval/README.md): guards against regressions at the level reached, not unseen figures.
@pytest.mark.parametrize(
    ("set_name", "key", "actor", "act"),
    [
        ("heldout7", "acts.toml", 0.95, 0.93),
        ("heldout7", "acts2.toml", 0.95, 0.93),
        ("heldout8", "acts.toml", 0.95, 0.95),
    ],
)
def test_score_acts_tuned_check_sets_keep_their_level(
    set_name: str, key: str, actor: float, act: float
) -> None:
    score = _load_scorer()
    tally = score.Tally()
    # Actor and act do not depend on the sentence encoder: lexical alignment is enough.
    options = Options(align=AlignOptions(encoder="none"))
    for folder in sorted(p for p in (ROOT / "eval" / set_name).iterdir() if (p / key).is_file()):
        report = compare(
            read_readout(str(score._readout_file(folder, "a"))),
            read_readout(str(score._readout_file(folder, "b"))),
            options,
        )
        keyed = tomllib.loads((folder / key).read_text(encoding="utf-8"))
        score.score_call(folder, keyed, report, tally, False)
    assert tally.actor_ok / tally.points >= actor, tally.summary()
    assert tally.act_ok / tally.points >= act, tally.summary()
    assert tally.initiator_ok == tally.calls and tally.duration_ok == tally.calls, tally.summary()
