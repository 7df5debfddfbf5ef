"""eval/score_acts.py: a key on the samples is scored point by point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
