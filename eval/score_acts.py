#!/usr/bin/env python3
"""Score readout-diff's actor and act labels against ``acts.toml`` answer keys.

    python eval/score_acts.py SET_DIR [--key acts.toml] [-v]

SET_DIR holds one folder per call with the two readouts (``a.*``, ``b.*``) and the
key(s) described in ``eval/ACTS.md``. Every ``[[point]]`` of a key names a sentence
by a piece of its text; the point is scored against the tool's sentence that
contains that piece (the sentence holding its first character, should the tool cut
the text elsewhere). A piece the readout does not contain counts as wrong on both.

Printed: actor and act accuracy over the keyed points, tone (precision, recall and
F1 over each readout's tone words, and the share of readouts whose words match
exactly), initiator and duration accuracy over the calls. Every key found is
scored when ``--key`` is not given (``acts.toml``, then ``acts2.toml``), with the
agreement of the two annotators where a call has both.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readout_diff import compare, read_readout  # noqa: E402
from readout_diff.hygiene import clean_text, matching_text  # noqa: E402
from readout_diff.model import Report  # noqa: E402

KEYS = ("acts.toml", "acts2.toml")


@dataclass
class Tally:
    points: int = 0
    actor_ok: int = 0
    act_ok: int = 0
    missing: int = 0
    tone_tp: int = 0
    tone_fp: int = 0
    tone_fn: int = 0
    tone_exact: int = 0
    readouts: int = 0
    calls: int = 0
    initiator_ok: int = 0
    duration_ok: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def summary(self) -> str:
        p = self.tone_tp / (self.tone_tp + self.tone_fp) if self.tone_tp + self.tone_fp else 1.0
        r = self.tone_tp / (self.tone_tp + self.tone_fn) if self.tone_tp + self.tone_fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"actor={_ratio(self.actor_ok, self.points)} act={_ratio(self.act_ok, self.points)} "
            f"(points={self.points}, not found={self.missing}) "
            f"tone_f1={f1:.3f} (P={p:.3f} R={r:.3f}) "
            f"tone_exact={_ratio(self.tone_exact, self.readouts)} "
            f"initiator={_ratio(self.initiator_ok, self.calls)} "
            f"duration={_ratio(self.duration_ok, self.calls)} calls={self.calls}"
        )


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "n/a"


def _readout_file(folder: Path, side: str) -> Path:
    found = sorted(p for p in folder.glob(f"{side}.*") if p.suffix not in (".toml", ".md"))
    if not found:
        raise SystemExit(f"{folder}: no {side}.* readout")
    return found[0]


def tool_labels(report: Report, side: str, piece: str) -> tuple[str, str] | None:
    """The tool's (actor, act) for the sentence of readout ``side`` containing ``piece``."""
    tagged = report.a if side == "a" else report.b
    assert report.framing is not None
    frame = report.framing.a if side == "a" else report.framing.b
    offset = find_piece(tagged.readout.text, piece)
    if offset < 0:
        return None
    for sentence, sentence_frame in zip(tagged.sentences, frame.sentences, strict=True):
        if sentence.start <= offset < sentence.end:
            return sentence_frame.actor.value, sentence_frame.act.value
    return None


def find_piece(text: str, piece: str) -> int:
    """Where a key's piece of text is in the text read (cleaned like it), or -1."""
    for found in (text.find(piece), text.find(clean_text(piece))):
        if found >= 0:
            return found
    return matching_text(text).find(matching_text(clean_text(piece)))


def _same_duration(key: str, found: str) -> bool:
    key, found = key.strip().lower(), found.strip().lower()
    if not key or not found:
        return key == found
    return key in found or found in key


def score_call(folder: Path, key: dict, report: Report, tally: Tally, verbose: bool) -> None:
    assert report.framing is not None
    for point in key.get("point", []):
        tally.points += 1
        got = tool_labels(report, point["side"], point["text"])
        if got is None:
            tally.missing += 1
            if verbose:
                print(f"  {folder.name} {point['side']}: not found: {point['text']!r}")
            continue
        actor, act = got
        tally.actor_ok += actor == point["actor"]
        tally.act_ok += act == point["act"]
        pair = (point["act"], act)
        tally.confusion[pair] = tally.confusion.get(pair, 0) + 1
        if verbose and (actor, act) != (point["actor"], point["act"]):
            print(
                f"  {folder.name} {point['side']}: key {point['actor']}/{point['act']}, "
                f"tool {actor}/{act}: {point['text']!r}"
            )
    for side, frame in (("a", report.framing.a), ("b", report.framing.b)):
        want = {w.lower() for w in key.get(side, {}).get("tone", [])}
        got_tone = set(frame.tone)
        tally.readouts += 1
        tally.tone_tp += len(want & got_tone)
        tally.tone_fp += len(got_tone - want)
        tally.tone_fn += len(want - got_tone)
        tally.tone_exact += want == got_tone
        if verbose and want != got_tone:
            print(f"  {folder.name} {side}: tone key {sorted(want)}, tool {sorted(got_tone)}")
    call = key.get("call", {})
    tally.calls += 1
    initiator = report.framing.initiator.value if report.framing.initiator else ""
    tally.initiator_ok += initiator == call.get("initiator", "")
    tally.duration_ok += _same_duration(call.get("duration", ""), report.framing.duration)
    if verbose and initiator != call.get("initiator", ""):
        print(f"  {folder.name}: initiator key {call.get('initiator')!r}, tool {initiator!r}")
    duration = report.framing.duration
    if verbose and not _same_duration(call.get("duration", ""), duration):
        print(f"  {folder.name}: duration key {call.get('duration')!r}, tool {duration!r}")


def agreement(folder: Path, keys: dict[str, dict], report: Report) -> tuple[int, int, int]:
    """(points both annotators keyed, same actor, same act), sentence by sentence."""
    labels: list[dict[tuple[str, int], tuple[str, str]]] = []
    for name in KEYS:
        by_sentence: dict[tuple[str, int], tuple[str, str]] = {}
        for point in keys[name].get("point", []):
            tagged = report.a if point["side"] == "a" else report.b
            offset = find_piece(tagged.readout.text, point["text"])
            for sentence in tagged.sentences:
                if sentence.start <= offset < sentence.end:
                    by_sentence[(point["side"], sentence.index)] = (point["actor"], point["act"])
        labels.append(by_sentence)
    common = labels[0].keys() & labels[1].keys()
    same_actor = sum(labels[0][k][0] == labels[1][k][0] for k in common)
    same_act = sum(labels[0][k][1] == labels[1][k][1] for k in common)
    return len(common), same_actor, same_act


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("--key", help="score only this key file name (default: every one found)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    names = (args.key,) if args.key else KEYS
    tallies = {name: Tally() for name in names}
    agree = [0, 0, 0]
    for folder in sorted(p for p in args.set_dir.iterdir() if p.is_dir()):
        keys = {
            n: tomllib.loads((folder / n).read_text("utf-8"))
            for n in names
            if (folder / n).is_file()
        }
        if not keys:
            continue
        report = compare(
            read_readout(str(_readout_file(folder, "a"))),
            read_readout(str(_readout_file(folder, "b"))),
        )
        for name, key in keys.items():
            if args.verbose:
                print(f"{name}:")
            score_call(folder, key, report, tallies[name], args.verbose)
        if all(n in keys for n in KEYS):
            for k, v in enumerate(agreement(folder, keys, report)):
                agree[k] += v
    for name, tally in tallies.items():
        if tally.calls:
            if args.verbose:
                wrong = sorted(
                    ((k, v) for k, v in tally.confusion.items() if k[0] != k[1]),
                    key=lambda kv: -kv[1],
                )
                print(f"{name}: act confusions (key, tool): {wrong}")
            print(f"{args.set_dir.name} {name}: {tally.summary()}")
    if agree[0]:
        print(
            f"{args.set_dir.name} annotators: actor agreement={agree[1] / agree[0]:.3f} "
            f"act agreement={agree[2] / agree[0]:.3f} over {agree[0]} sentences keyed by both"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
