"""Text hygiene: what every readout's text goes through, and the form it is matched in.

Two levels, so that a report can always show the text as it was written:

* :func:`clean_text` runs once, when a readout is read, and changes only what a
  reader cannot see or what breaks words apart: Unicode NFC, odd newlines, fixed-width
  and non-breaking spaces (made plain spaces), soft hyphens, zero-width and
  direction marks, control characters, and words hyphenated across a line break. The
  result *is* ``Readout.text``; every offset in a report points into it.
* :func:`matching_text` is a copy of that text of the **same length**, with curly
  quotes, guillemets and dashes made ASCII. The segmenting stage tokenises this copy
  and computes ``Token.norm_`` from it, so "Navalny’s", "U.S.–Russia" and "«СНВ»"
  match like their straight forms, while sentences and evidence keep the original
  characters.
"""

from __future__ import annotations

import re
import unicodedata

# Visible characters that have a plain ASCII twin for matching: one character each,
# so offsets into the matching copy are offsets into the original.
_MATCHING = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
# Spaces that look like a space but are not " ": word boundaries for spaCy only if plain.
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Invisible characters that split a word for the tokenizer without showing anything.
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_CLEAN = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys(_INVISIBLE, None),
        # Line and page breaks of other systems (and PDF-to-text page breaks).
        "\u2028": "\n",
        "\u2029": "\n\n",
        "\u0085": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)
# Control characters other than tab and newline carry nothing a reader sees.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
# A word broken across a line with a hyphen: "nego-\ntiations", "Russian-\nAmerican".
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")


def clean_text(text: str) -> str:
    """The text a readout is read as: NFC, plain spaces and newlines, no invisible marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text.translate(_CLEAN))
    return _BROKEN_WORD.sub(_join_broken_word, text)


def _join_broken_word(match: re.Match[str]) -> str:
    # A lowercase continuation is one word split by the typesetter ("nego-tiations");
    # a capital one is a real compound ("Russian-American"), so the hyphen stays.
    nxt = match.string[match.end()]
    return "" if nxt.islower() else "-"


def matching_text(text: str) -> str:
    """The same-length copy of a text that is tokenised and matched: ASCII quotes and dashes."""
    return text.translate(_MATCHING)


def control_ratio(text: str) -> float:
    """Share of control characters (other than whitespace) in a decoded text: binary junk."""
    if not text:
        return 0.0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and not ch.isspace())
    return controls / len(text)
