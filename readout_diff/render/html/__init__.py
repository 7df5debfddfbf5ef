"""The HTML report: one self-contained page to open in a browser or send to an editor.

The readouts stand side by side, each sentence coloured by what it carries (a topic
every readout mentions, a topic one or some do not, or nothing another readout has
a counterpart for), with the words that triggered a topic highlighted. Aligned
sentences are joined by lines and light up together on hover; the topic table
doubles as a filter. Everything is inline (no fetch, works offline), every piece of
input text is escaped, and a Content-Security-Policy allows only this page's own
style and script, by hash, so nothing a readout contains can run.

:mod:`.pair` builds the page of two readouts, :mod:`.many` that of three or more,
both from the pieces in :mod:`.page`; ``style.css`` and ``script.js`` are the
page's style and script, shipped as package files. :mod:`.overview` builds the page
of a whole archive (``readout-diff batch --format html``) with its own
``overview.css`` and ``overview.js``.
"""

from __future__ import annotations

from readout_diff.render.html.many import render_many
from readout_diff.render.html.page import assets
from readout_diff.render.html.pair import render_pair

__all__ = ["assets", "render_many", "render_pair"]
