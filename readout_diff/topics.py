"""The old home of topic packs and tagging, kept so ``readout_diff.topics`` still imports.

Packs (schema, validation, merging, loading) live in :mod:`readout_diff.topicpacks`;
compiling a pack into spaCy matchers and tagging a readout in
:mod:`readout_diff.tagging`. New code imports from those.
"""

from __future__ import annotations

from readout_diff.tagging import KEY_SEP, MAX_GAP, TopicTagger, tagger_for
from readout_diff.topicpacks import (
    ACRONYM,
    EXACT,
    GAP,
    LANGUAGES,
    NAME,
    TopicPack,
    TopicSpec,
    builtin_pack,
    load_pack,
    merge_packs,
    parse_pack,
    resolve_pack,
)

__all__ = [
    "ACRONYM",
    "EXACT",
    "GAP",
    "KEY_SEP",
    "LANGUAGES",
    "MAX_GAP",
    "NAME",
    "TopicPack",
    "TopicSpec",
    "TopicTagger",
    "builtin_pack",
    "load_pack",
    "merge_packs",
    "parse_pack",
    "resolve_pack",
    "tagger_for",
]
