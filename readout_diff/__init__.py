"""readout-diff: compare the official readouts of one diplomatic call.

The library API in one call::

    from readout_diff import compare, read_readout

    report = compare(read_readout("kremlin.txt"), read_readout("whitehouse.txt"))
    for topic in report.only_b:
        print(topic.topic.label)

``compare_all([a, b, c])`` compares three or more accounts (a topic matrix).

Stages (one module each): :mod:`~readout_diff.reading`, :mod:`~readout_diff.segmenting`,
:mod:`~readout_diff.topicpacks` (packs) and :mod:`~readout_diff.tagging`,
:mod:`~readout_diff.aligning`, :mod:`~readout_diff.diffing`, and :mod:`readout_diff.render`
for the output formats. :mod:`~readout_diff.status` gives the exit status of a
report; :mod:`readout_diff.cli` is the command line on top, which nothing here imports.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("readout-diff")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "compare", "compare_all", "read_readout", "readout_from_text"]


def __getattr__(name: str) -> object:
    # Importing spaCy takes most of a second; `readout-diff --help` should not pay it.
    if name in ("compare", "compare_all"):
        from readout_diff import pipeline

        return getattr(pipeline, name)
    if name in ("read_readout", "readout_from_text"):
        from readout_diff import reading

        return getattr(reading, name)
    raise AttributeError(f"module 'readout_diff' has no attribute {name!r}")
