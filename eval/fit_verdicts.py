"""Fit the verdict stage's two models on keyed calls and write readout_diff/weights/verdicts.toml.

    python eval/fit_verdicts.py [SET ...]

Each SET is a folder of call folders (a.txt, b.txt, gold.toml, maybe gold2.toml).
Without SETs: the development corpus (../shared/corpus/dev, where present) and the
check sets named in TRAINED_ON. Both models see the calls as the pipeline has them
before the verdict stage (``pipeline.judge_pair``).

* The sentence model: a sentence's label is the share of the keys (gold.toml,
  gold2.toml) that put a one-sided topic's key phrase in it.
* The topic model: a one-sided issue's label is the share of the keys whose one-sided
  topics' key phrases its evidence overlaps, as ../shared/eval/score.py counts a hit.
  Its features include the sentence model's probabilities, fitted first.

Both are logistic regressions (standardised, L2 penalty 1.0, Newton's method, as in
fit_pairing.py), written back in the features' own units. The bars (a point from
0.4, an issue kept one-sided from 0.5) were chosen by leaving one check set out of
the fit at a time (eval/README.md, "Verdict models"). A set kept for a first run
(heldout29, heldout30 when the models were fitted) must not be listed here before it.
"""

from __future__ import annotations

import pathlib
import sys
import tomllib

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fit_pairing import fit, model_lines, set_names, training_sets, write_model

from readout_diff import pipeline, reading, verdicts

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRAINED_ON = ["heldout"] + [f"heldout{k}" for k in range(2, 29)]
POINT = 0.4
KEEP = 0.5
OUT = ROOT / "readout_diff" / "weights" / "verdicts.toml"


def one_sided_spans(folder: pathlib.Path, texts: tuple[list[tuple[int, str]], ...]) -> list:
    """Per key, per side, the (start, end) of every one-sided key phrase in a sentence."""
    found = []
    for key in ("gold.toml", "gold2.toml"):
        if not (folder / key).exists():
            continue
        spans: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
        for topic in tomllib.loads((folder / key).read_text("utf-8")).get("topic", []):
            if topic["status"] not in ("only_a", "only_b"):
                continue
            side = "ab".index(topic["status"][-1])
            for phrase in topic.get("ab"[side], []):
                for start, text in texts[side]:
                    pos = text.find(phrase)
                    while pos >= 0:
                        spans[side].append((start + pos, start + pos + len(phrase)))
                        pos = text.find(phrase, pos + 1)
        found.append(spans)
    return found


def calls(sets: list[pathlib.Path]):
    """Per call: the judgement, the alignment, the sentence features and the keys' spans."""
    for root in sets:
        for folder in sorted(root.iterdir()):
            if not (folder / "gold.toml").exists():
                continue
            gold = tomllib.loads((folder / "gold.toml").read_text("utf-8"))
            a = reading.read_readout(str(folder / gold["a"]["file"]))
            b = reading.read_readout(str(folder / gold["b"]["file"]))
            judgement, alignment = pipeline.judge_pair(a, b)
            if not alignment.semantic:
                continue
            features = verdicts.sentence_features(
                judgement.a, judgement.b, judgement.topics, alignment
            )
            texts = tuple(
                [(s.start, s.text) for s in tagged.sentences]
                for tagged in (judgement.a, judgement.b)
            )
            yield judgement, features, one_sided_spans(folder, texts)


def main(argv: list[str]) -> int:
    sets = training_sets(argv, ROOT, TRAINED_ON)
    seen = list(calls(sets))
    xs, ys = [], []
    for judgement, features, keys in seen:
        for side, tagged in enumerate((judgement.a, judgement.b)):
            for sentence, row in zip(tagged.sentences, features[side], strict=True):
                inside = [
                    any(sentence.start <= s < sentence.end for s, _ in spans[side])
                    for spans in keys
                ]
                xs.append(row)
                ys.append(sum(inside) / len(inside))
    sentence_w, sentence_b = fit(np.array(xs), np.array(ys))
    sentence = verdicts.Logistic(tuple(float(w) for w in sentence_w), sentence_b)
    tx, ty = [], []
    for judgement, features, keys in seen:
        points = [[sentence.probability(row) for row in rows] for rows in features]
        for index, side, row in verdicts.one_sided_rows(judgement, features, points):
            diff = judgement.topics[index]
            hits = diff.hits[side]
            tx.append(row)
            hit = [
                any(h.start < e and s < h.end for h in hits for s, e in spans[side])
                for spans in keys
            ]
            ty.append(sum(hit) / len(hit))
    topic_w, topic_b = fit(np.array(tx), np.array(ty))

    def block(name: str, features: tuple[str, ...], w: np.ndarray, b: float) -> list[str]:
        return ["", f"[{name}]", *model_lines(features, w, b)]

    lines = [
        "# The verdict stage's models (readout_diff/verdicts.py), written by eval/fit_verdicts.py.",
        f'trained_on = "{len(seen)} calls, {len(ys)} sentences, '
        f'{len(ty)} one-sided issues: {set_names(sets)}"',
        f"point = {POINT}",
        f"keep = {KEEP}",
        *block("sentence", verdicts.SENTENCE_FEATURES, sentence_w, sentence_b),
        *block("topic", verdicts.TOPIC_FEATURES, topic_w, topic_b),
    ]
    write_model(OUT, lines, verdicts.parse_model)
    print(f"{OUT.relative_to(ROOT)}: {len(seen)} calls, {len(ys)} sentences, {len(ty)} issues")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
