"""Fit the aligner's pairing model on keyed calls and write readout_diff/weights/pairing.toml.

    python eval/fit_pairing.py [SET ...]

Each SET is a folder of call folders (a.txt, b.txt, gold.toml, maybe gold2.toml).
Without SETs: the development corpus (../shared/corpus/dev, where present) and the
check sets named in TRAINED_ON. A pair of sentences is a positive example when
either key's ``[[align]]`` pairs them, every other pair of the call a negative one.
The model is a logistic regression over readout_diff.pairing.FEATURES (standardised,
L2 penalty 1.0, Newton's method), written back in the features' own units. Every
pair is fitted twice, once as seen from each readout (its row and column gaps
exchanged), so that a row gap and a column gap get one weight: the model does not
care which readout is A.

The blend (0.5), the probability threshold (0.02) and floor (0.05) were chosen by leaving one set
out at a time on the sets below (see eval/README.md, "Pairing model"). A set kept
for a first run (heldout25, heldout26 when the model was fitted) must not be listed
here before that run.
"""

from __future__ import annotations

import pathlib
import sys
import tomllib
from collections.abc import Callable

import numpy as np

from readout_diff import aligning, pairing, pipeline, reading

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRAINED_ON = ["heldout"] + [f"heldout{k}" for k in range(2, 25)]
BLEND = 0.5
THRESHOLD = 0.02
FLOOR = 0.05
PENALTY = 1.0
OUT = ROOT / "readout_diff" / "weights" / "pairing.toml"


def examples(folder: pathlib.Path) -> tuple[np.ndarray, np.ndarray] | None:
    """(features, labels) of every sentence pair of one call, or None without encoder."""
    gold = tomllib.loads((folder / "gold.toml").read_text("utf-8"))
    a = reading.read_readout(str(folder / gold["a"]["file"]))
    b = reading.read_readout(str(folder / gold["b"]["file"]))
    tagged_a, tagged_b = pipeline.tag_pair(a, b)
    stack = aligning.pair_features(tagged_a, tagged_b)
    if stack is None:
        return None
    labels = np.zeros(stack.shape[:2])
    texts_a = [s.text for s in tagged_a.sentences]
    texts_b = [s.text for s in tagged_b.sentences]
    for key in ("gold.toml", "gold2.toml"):
        if not (folder / key).exists():
            continue
        for pair in tomllib.loads((folder / key).read_text("utf-8")).get("align", []):
            for i, text_a in enumerate(texts_a):
                for j, text_b in enumerate(texts_b):
                    if pair["a"] in text_a and pair["b"] in text_b:
                        labels[i, j] = 1.0
    return stack.reshape(-1, stack.shape[-1]), labels.ravel()


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-penalised logistic regression, in x's units."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = PENALTY * np.diag(np.r_[np.ones(x.shape[1]), 0.0])
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hessian, gradient)
    weights = w[:-1] / scale
    return weights, float(w[-1] - (w[:-1] * mean / scale).sum())


def model_lines(features: tuple[str, ...], weights: np.ndarray, intercept: float) -> list[str]:
    """A fitted model's lines in its TOML file: its features, weights and intercept."""
    return [
        "features = [" + ", ".join(f'"{f}"' for f in features) + "]",
        "weights = [" + ", ".join(f"{w:.6f}" for w in weights) + "]",
        f"intercept = {intercept:.6f}",
    ]


def swapped(x: np.ndarray) -> np.ndarray:
    """The same pairs' features seen from the other readout: each ``*_row_gap`` column
    exchanged with its ``*_col_gap``."""
    order = list(range(len(pairing.FEATURES)))
    for k, name in enumerate(pairing.FEATURES):
        if name.endswith("_row_gap"):
            j = pairing.FEATURES.index(name.removesuffix("_row_gap") + "_col_gap")
            order[k], order[j] = j, k
    return x[:, order]


def training_sets(argv: list[str], root: pathlib.Path, trained_on: list[str]) -> list[pathlib.Path]:
    """The sets named on the command line, else the development corpus (where present)
    and the check sets in ``trained_on``, under the checkout ``root``."""
    if argv:
        return [pathlib.Path(s) for s in argv]
    dev = root.parent / "shared" / "corpus" / "dev"
    return ([dev] if dev.is_dir() else []) + [root / "eval" / s for s in trained_on]


def set_names(sets: list[pathlib.Path]) -> str:
    """The sets as a model file's ``trained_on`` names them."""
    return ", ".join(s.name if s.name != "dev" else "dev corpus" for s in sets)


def write_model(out: pathlib.Path, lines: list[str], parse: Callable[[str], object]) -> None:
    """Write a model file and read it back with the package's own ``parse``, which
    refuses a file the package would refuse."""
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", "utf-8")
    parse(out.read_text("utf-8"))


def main(argv: list[str]) -> int:
    sets = training_sets(argv, ROOT, TRAINED_ON)
    xs, ys, calls = [], [], 0
    for root in sets:
        for folder in sorted(root.iterdir()):
            if (folder / "gold.toml").exists() and (found := examples(folder)) is not None:
                xs.append(found[0])
                ys.append(found[1])
                calls += 1
    x, y = np.concatenate(xs), np.concatenate(ys)
    # Every pair seen from both readouts, so that the model weighs a row gap as it
    # weighs a column gap: swapping the readouts must not change which pairs it likes.
    weights, intercept = fit(np.concatenate([x, swapped(x)]), np.concatenate([y, y]))
    lines = [
        "# The aligner's pairing model (readout_diff/pairing.py), written by eval/fit_pairing.py.",
        f'trained_on = "{calls} calls, {int(y.sum())} keyed sentence pairs: {set_names(sets)}"',
        *model_lines(pairing.FEATURES, weights, intercept),
        f"threshold = {THRESHOLD}",
        f"floor = {FLOOR}",
        f"blend = {BLEND}",
    ]
    write_model(OUT, lines, pairing.parse_model)
    print(f"{OUT.relative_to(ROOT)}: {calls} calls, {len(y)} pairs, {int(y.sum())} positive")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
