"""The HTML report: one self-contained page to open in a browser or send to an editor.

The two readouts stand side by side, each sentence coloured by what it carries (a
topic both readouts mention, a topic only one mentions, or nothing the other readout
has a counterpart for), with the words that triggered a topic highlighted. Aligned
sentences are joined by lines and light up together on hover; the topic table
doubles as a filter. Everything is inline (no fetch, works offline), every piece of
input text is escaped, and a Content-Security-Policy allows only this page's own
style and script, by hash, so nothing a readout contains can run.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html import escape

from readout_diff import __version__
from readout_diff.model import (
    AlignedGroup,
    MultiReport,
    PackInfo,
    Report,
    Sentence,
    Side,
    TaggedReadout,
    Topic,
    TopicDiff,
    TopicHit,
    TopicKind,
    TopicPresence,
)
from readout_diff.render import Style, marked_pieces, table_sections, verdict

PRESENT = "●"
ABSENT = "○"

CSS = """\
:root {
  --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --paper: #ffffff; --page: #f5f6f8;
  --shared: #0f766e; --shared-bg: #e8f5f2; --shared-mark: #a7e4d8;
  --onesided: #b45309; --onesided-bg: #fdf3e3; --onesided-mark: #fcd98a;
  --some: #6d28d9; --some-bg: #f3effd; --some-mark: #ddd0fb;
  --unmatched: #8a94a3; --unmatched-bg: #f1f2f5;
  --focus: #2563eb;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body {
  margin: 0; color: var(--ink); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    sans-serif;
}
header { padding: 20px 28px 16px; background: var(--paper); border-bottom: 1px solid var(--line); }
header .tool { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); }
h1 { margin: 2px 0 4px; font-size: 24px; font-weight: 650; }
h1 .vs { color: var(--muted); font-weight: 400; }
.meta { margin: 0; color: var(--muted); font-size: 13px; }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin-top: 14px;
  padding: 10px 14px; border-radius: 8px; border-left: 5px solid var(--onesided);
  background: var(--onesided-bg); }
.verdict.same { border-left-color: var(--shared); background: var(--shared-bg); }
.verdict strong { font-size: 16px; }
.count { padding: 1px 9px; border-radius: 999px; font-size: 13px; background: var(--paper);
  border: 1px solid var(--line); white-space: nowrap; }
.layout { display: grid; grid-template-columns: minmax(300px, 380px) 1fr; gap: 24px;
  padding: 20px 28px 28px; align-items: start; }
aside { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto;
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 14px; }
h2 { margin: 0 0 8px; font-size: 15px; font-weight: 650; }
.legend { list-style: none; margin: 0 0 14px; padding: 0; font-size: 13px; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.swatch { flex: none; width: 22px; height: 14px; border-radius: 3px; border-left: 4px solid; }
.swatch.shared { background: var(--shared-bg); border-color: var(--shared); }
.swatch.one-sided { background: var(--onesided-bg); border-color: var(--onesided); }
.swatch.some { background: var(--some-bg); border-color: var(--some); }
.swatch.unmatched { background: var(--unmatched-bg); border: 1px dashed var(--unmatched);
  border-left: 4px dashed var(--unmatched); }
.swatch.mark { background: linear-gradient(90deg, var(--onesided-mark) 50%,
  var(--shared-mark) 50%); border: 0; }
.swatch.mark.three { background: linear-gradient(90deg, var(--onesided-mark) 34%,
  var(--some-mark) 34% 67%, var(--shared-mark) 67%); }
.swatch.link { height: 0; border: 0; border-top: 3px solid var(--shared); border-radius: 2px; }
.filter-bar { display: flex; align-items: center; justify-content: space-between; gap: 8px;
  margin: 0 0 6px; font-size: 13px; color: var(--muted); }
.filter-bar button { flex: none; font: inherit; font-size: 12px; padding: 2px 10px;
  border-radius: 6px;
  border: 1px solid var(--line); background: var(--paper); color: var(--ink); cursor: pointer; }
.filter-bar button:disabled { opacity: .45; cursor: default; }
table.topics { width: 100%; border-collapse: collapse; font-size: 13px; }
.topics th { text-align: center; font-weight: 600; padding: 4px 4px 6px; color: var(--muted);
  border-bottom: 1px solid var(--line); white-space: nowrap; }
.topics th:first-child { text-align: left; }
.topics td { padding: 1px 4px; vertical-align: top; }
.topics td.mark { text-align: center; font-size: 13px; color: #b7bec8; }
.topics td.mark.on { color: var(--shared); }
.topics tr.one-sided td.mark.on { color: var(--onesided); }
.topics tr.some td.mark.on { color: var(--some); }
.topics td.mark.gap { color: var(--onesided); background: var(--onesided-bg); font-weight: 700;
  border-radius: 4px; }
.topics.many th + th { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
  vertical-align: bottom; max-height: 150px; overflow: hidden; text-overflow: ellipsis;
  padding: 4px 3px; }
.topics.many th:first-child { vertical-align: bottom; }
table.pairs { width: 100%; border-collapse: collapse; font-size: 12.5px; margin-top: 4px; }
.pairs th, .pairs td { padding: 2px 4px; text-align: right; font-variant-numeric: tabular-nums; }
.pairs th { font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); }
.pairs th:first-child, .pairs td:first-child { text-align: left; }
aside h2.gap-above { margin-top: 16px; }
.topics tr.section td { padding: 10px 4px 3px; font-size: 12px; font-style: italic;
  color: var(--muted); }
button.topic { display: block; width: 100%; text-align: left; font: inherit; color: inherit;
  padding: 2px 6px 2px 8px; border: 1px solid transparent; border-left: 3px solid var(--shared);
  border-radius: 4px; background: none; cursor: pointer; }
.one-sided > button.topic, button.topic.one-sided { border-left-color: var(--onesided); }
button.topic:hover { background: var(--page); }
button.topic[aria-pressed="true"] { background: var(--shared-bg); border-color: var(--shared); }
button.topic.one-sided[aria-pressed="true"] { background: var(--onesided-bg);
  border-color: var(--onesided); }
.some > button.topic, button.topic.some { border-left-color: var(--some); }
button.topic.some[aria-pressed="true"] { background: var(--some-bg); border-color: var(--some); }
button:focus-visible, .s:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.note { color: var(--muted); font-style: italic; }
.readouts { display: grid; grid-template-columns: minmax(0, 1fr) 64px minmax(0, 1fr); }
.readouts.many { display: flex; overflow-x: auto; padding-bottom: 6px; }
.readouts.many .col { flex: 1 0 250px; }
.readouts.many .gutter { flex: 0 0 40px; }
.readouts.many .col h2 { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.layout > main { min-width: 0; }
.col { min-width: 0; }
.col h2 { font-size: 17px; padding: 0 0 8px; margin: 0 0 10px;
  border-bottom: 2px solid var(--ink); }
.col h2 small { font-weight: 400; font-size: 13px; color: var(--muted); }
.gutter { position: relative; }
.gutter svg { position: absolute; inset: 0; overflow: visible; }
path.link { fill: none; stroke: var(--unmatched); stroke-opacity: .55; }
path.link.shared { stroke: var(--shared); }
path.link.hot { stroke: var(--focus); stroke-opacity: 1; }
.s { position: relative; margin: 0 0 10px; padding: 8px 12px 8px 38px; background: var(--paper);
  border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px;
  transition: box-shadow .12s, background .12s; }
.s.shared { background: var(--shared-bg); border-left-color: var(--shared); }
.s.one-sided { background: var(--onesided-bg); border-left-color: var(--onesided); }
.s.some { background: var(--some-bg); border-left-color: var(--some); }
.s.unmatched { border-style: dashed; border-left-style: solid; }
.s.unmatched.plain { background: var(--unmatched-bg); border-left: 4px dashed var(--unmatched);
  color: #3e4c59; }
.s .n { position: absolute; left: 10px; top: 9px; font-size: 12px; color: var(--muted);
  font-variant-numeric: tabular-nums; }
.s .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 5px; }
.tag { font: inherit; font-size: 11.5px; line-height: 1.5; padding: 0 7px; border-radius: 9px;
  border: 1px solid var(--shared); color: var(--shared); background: var(--paper);
  cursor: pointer; }
.tag.one-sided { border-color: var(--onesided); color: var(--onesided); }
.tag.some { border-color: var(--some); color: var(--some); }
.tag.none { border-style: dashed; border-color: var(--unmatched); color: var(--muted);
  cursor: default; }
.tag[aria-pressed="true"] { color: var(--paper); background: var(--shared); }
.tag.one-sided[aria-pressed="true"] { background: var(--onesided); }
.tag.some[aria-pressed="true"] { background: var(--some); }
mark { color: inherit; background: var(--shared-mark); padding: 0 2px; border-radius: 3px; }
mark.one-sided { background: var(--onesided-mark); }
mark.some { background: var(--some-mark); }
mark.negated { text-decoration: line-through; }
.filtering mark.off { background: none; padding: 0; }
.s.hot { box-shadow: 0 0 0 2px var(--focus); }
.s.linked { box-shadow: 0 0 0 2px var(--focus), 0 4px 14px rgba(37, 99, 235, .25); }
footer { padding: 0 28px 24px; font-size: 12px; color: var(--muted); }
@media (max-width: 1000px) {
  .layout { grid-template-columns: 1fr; }
  aside { position: static; max-height: none; }
}
@media (max-width: 700px) {
  .readouts { grid-template-columns: 1fr; }
  .gutter { display: none; }
}
@media print {
  aside { position: static; max-height: none; }
  .tag { border-color: var(--line); }
}
"""

JS = """\
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
  var sentences = all(".s");
  var byId = {};
  sentences.forEach(function (s) { byId[s.id] = s; });
  // data-links: "id:score" of every aligned sentence in any other column.
  var counterparts = {};
  sentences.forEach(function (s) {
    counterparts[s.id] = (s.getAttribute("data-links") || "").split(" ")
      .filter(Boolean)
      .map(function (item) {
        var parts = item.split(":");
        return { s: byId[parts[0]], score: parseFloat(parts[1]) };
      })
      .filter(function (c) { return c.s; });
  });
  // Each gutter joins the column before it to the column after it.
  var links = [];
  var gutters = all(".gutter").map(function (g) {
    var left = g.previousElementSibling;
    var right = g.nextElementSibling;
    var own = [];
    if (left && right) {
      Array.prototype.slice.call(left.querySelectorAll(".s")).forEach(function (s) {
        counterparts[s.id].forEach(function (c) {
          if (right.contains(c.s)) { own.push({ a: s, b: c.s, score: c.score, path: null }); }
        });
      });
    }
    links = links.concat(own);
    return { el: g, svg: g.querySelector("svg"), links: own };
  });

  function drawGutter(g) {
    if (!g.svg) { return; }
    while (g.svg.firstChild) { g.svg.removeChild(g.svg.firstChild); }
    var box = g.el.getBoundingClientRect();
    var w = box.width;
    g.links.forEach(function (l) {
      l.path = null;
      if (l.a.hidden || l.b.hidden) { return; }
      var ra = l.a.getBoundingClientRect();
      var rb = l.b.getBoundingClientRect();
      var ya = ra.top + Math.min(ra.height / 2, 22) - box.top;
      var yb = rb.top + Math.min(rb.height / 2, 22) - box.top;
      var p = document.createElementNS(SVG, "path");
      p.setAttribute("d", "M0 " + ya + " C" + w / 2 + " " + ya + " " + w / 2 + " " + yb +
        " " + w + " " + yb);
      var shared = l.a.classList.contains("shared") || l.b.classList.contains("shared");
      p.setAttribute("class", "link" + (shared ? " shared" : ""));
      p.setAttribute("stroke-width", (1 + 4 * l.score).toFixed(2));
      var title = document.createElementNS(SVG, "title");
      title.textContent = "similarity " + l.score.toFixed(2);
      p.appendChild(title);
      g.svg.appendChild(p);
      l.path = p;
    });
  }
  function draw() { gutters.forEach(drawGutter); }

  function hover(s, on) {
    s.classList.toggle("hot", on);
    counterparts[s.id].forEach(function (c) { c.s.classList.toggle("linked", on); });
    links.forEach(function (l) {
      if ((l.a === s || l.b === s) && l.path) { l.path.classList.toggle("hot", on); }
    });
  }
  sentences.forEach(function (s) {
    s.addEventListener("mouseenter", function () { hover(s, true); });
    s.addEventListener("mouseleave", function () { hover(s, false); });
    s.addEventListener("focus", function () { hover(s, true); });
    s.addEventListener("blur", function () { hover(s, false); });
  });

  var selected = {};
  var toggles = all("[data-topic]");
  var reset = document.getElementById("show-all");
  var state = document.getElementById("filter-state");
  function apply() {
    var chosen = Object.keys(selected).filter(function (t) { return selected[t]; });
    var any = chosen.length > 0;
    document.body.classList.toggle("filtering", any);
    sentences.forEach(function (s) {
      var topics = (s.getAttribute("data-topics") || "").split(" ");
      s.hidden = any && !chosen.some(function (t) { return topics.indexOf(t) >= 0; });
    });
    all("mark").forEach(function (m) {
      var topics = (m.getAttribute("data-topics") || "").split(" ");
      m.classList.toggle("off", any && !chosen.some(function (t) {
        return topics.indexOf(t) >= 0;
      }));
    });
    toggles.forEach(function (b) {
      b.setAttribute("aria-pressed", selected[b.getAttribute("data-topic")] ? "true" : "false");
    });
    if (reset) { reset.disabled = !any; }
    if (state) {
      var shown = sentences.filter(function (s) { return !s.hidden; }).length;
      state.textContent = any
        ? shown + " of " + sentences.length + " sentences shown"
        : "Click topics to filter the sentences";
    }
    draw();
  }
  toggles.forEach(function (b) {
    b.addEventListener("click", function () {
      var t = b.getAttribute("data-topic");
      selected[t] = !selected[t];
      apply();
    });
  });
  if (reset) { reset.addEventListener("click", function () { selected = {}; apply(); }); }

  if (window.ResizeObserver) {
    new ResizeObserver(draw).observe(document.querySelector(".readouts"));
  }
  window.addEventListener("resize", draw);
  window.addEventListener("load", draw);
  apply();
})();
"""


def _hash(source: str) -> str:
    """A CSP source expression allowing exactly this inline style or script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


CSP = (
    f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(JS)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _is_one_sided(diff: TopicDiff) -> bool:
    return diff.side is not Side.BOTH


# How a topic's status shows: a CSS class for sentences, marks, tags and table rows.
# Missing from exactly one of three or more accounts is the analogue of one-sided.
SHARED, ONE_SIDED, SOME = "shared", "one-sided", "some"
_PRIORITY = (ONE_SIDED, SOME, SHARED)
_MANY_KIND = {"all": SHARED, "missing_one": ONE_SIDED, "some": SOME}


class _Topics:
    """What every part of a page needs to know about the report's topics.

    ``kinds`` maps each topic id, in report order, to its CSS class; ``labels`` to
    how the page names it.
    """

    def __init__(self, kinds: dict[str, str], labels: dict[str, str]) -> None:
        self.kinds = kinds
        self.labels = labels
        # Short ids keep the attributes small and immune to whatever a topic id contains.
        self.key = {topic_id: f"t{k}" for k, topic_id in enumerate(kinds)}

    def label(self, topic_id: str) -> str:
        return self.labels[topic_id]

    def status(self, topic_ids: Iterable[str]) -> str:
        """The class of something carrying these topics: the most telling status wins."""
        kinds = {self.kinds[t] for t in topic_ids}
        return next((kind for kind in _PRIORITY if kind in kinds), "plain")

    def in_order(self, hits: Iterable[TopicHit]) -> list[str]:
        """The hits' topics in report order, so that output does not depend on set order."""
        found = {h.topic_id for h in hits}
        return [t for t in self.kinds if t in found]


def _not_discussed(label: str, hits: Iterable[TopicHit]) -> str:
    found = list(hits)
    return label + (" (said not discussed)" if found and all(h.negated for h in found) else "")


class _Page(_Topics):
    """The topics of a two-readout report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(
            {d.topic.id: ONE_SIDED if _is_one_sided(d) else SHARED for d in report.topics},
            {d.topic.id: _not_discussed(d.topic.label, d.hits_a + d.hits_b) for d in report.topics},
        )


class _ManyPage(_Topics):
    """The topics of a report on three or more readouts."""

    def __init__(self, report: MultiReport) -> None:
        self.report = report
        super().__init__(
            {t.topic.id: _MANY_KIND[t.status] for t in report.topics},
            {
                t.topic.id: _not_discussed(t.topic.label, (h for hits in t.hits for h in hits))
                for t in report.topics
            },
        )


def _document(title: str, body: list[str], footer: str) -> str:
    """A whole page around ``body``: the policy, the shared style and script, the footer."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="readout-diff">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "<footer>",
        footer,
        "</footer>",
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _footer(pack: PackInfo, threshold: float | None) -> str:
    text = (
        f"readout-diff {_e(__version__)} · topic pack {_e(pack.name)} "
        f"{_e(pack.version)} ({pack.topics} topics)"
    )
    return text + (f" · similarity threshold {threshold:.2f}" if threshold is not None else "")


def _header(names: list[str], meta: str, verdict_line: str, same: bool) -> list[str]:
    vs = ' <span class="vs">vs</span> '
    return [
        "<header>",
        '<p class="tool">readout-diff</p>',
        f"<h1>{vs.join(_e(n) for n in names)}</h1>",
        f'<p class="meta">{meta}</p>',
        f'<div class="verdict{" same" if same else ""}" role="status">',
        f'<strong id="verdict">{_e(verdict_line)}</strong>',
        "</div>",
        "</header>",
    ]


def _meta(readouts: Iterable[TaggedReadout]) -> str:
    return " · ".join(
        f"{_e(t.readout.name)}: {_e(t.readout.language)}, {len(t.sentences)} sentences"
        + (f", {_e(t.readout.path)}" if t.readout.path else "")
        for t in readouts
    )


def _legend(items: list[tuple[str, str]]) -> list[str]:
    return [
        "<h2>Key</h2>",
        '<ul class="legend">',
        *(f'<li><span class="swatch {swatch}"></span>{text}</li>' for swatch, text in items),
        "</ul>",
    ]


def _filter_bar() -> list[str]:
    return [
        '<div class="filter-bar">',
        '<span id="filter-state">Click topics to filter the sentences</span>',
        '<button type="button" id="show-all" disabled>Show all</button>',
        "</div>",
    ]


def _topic_button(page: _Topics, topic: Topic) -> str:
    kind = page.kinds[topic.id]
    hint = " (a name no topic covers)" if topic.kind is TopicKind.ADHOC else ""
    return (
        f'<button type="button" class="topic {kind}" '
        f'data-topic="{page.key[topic.id]}" data-topic-id="{_e(topic.id)}" '
        f'aria-pressed="false" title="{_e(topic.group or topic.label)}{hint}">'
        f"{_e(page.label(topic.id))}</button>"
    )


def render(report: Report, style: Style) -> str:
    """The report as one self-contained HTML page (byte-identical for identical inputs).

    ``style`` is accepted for the common renderer signature; a page has its own
    colours and reflows to the window, so neither colour nor width applies.
    """
    page = _Page(report)
    a, b = report.a.readout, report.b.readout
    body = [
        *_header(
            [a.name, b.name],
            _meta((report.a, report.b)),
            verdict(report),
            not (report.only_a or report.only_b),
        ),
        '<div class="layout">',
        *_aside(page),
        *_readouts(page),
        "</div>",
    ]
    footer = _footer(report.pack, report.alignment.threshold)
    return _document(f"readout-diff: {a.name} vs {b.name}", body, footer)


def _aside(page: _Page) -> list[str]:
    report = page.report
    name_a, name_b = _e(report.a.readout.name), _e(report.b.readout.name)
    lines = [
        '<aside aria-label="Topics">',
        *_legend(
            [
                ("shared", "carries a topic both readouts mention"),
                ("one-sided", "carries a topic only one readout mentions"),
                ("unmatched", "dashed: no counterpart in the other readout"),
                ("link", "aligned sentences (point at one to see its counterpart)"),
                ("mark", "the words that triggered a topic"),
            ]
        ),
        "<h2>Topics</h2>",
    ]
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in either readout.</p>']
        return [*lines, "</aside>"]
    lines += [
        *_filter_bar(),
        '<table class="topics">',
        f'<thead><tr><th scope="col">Topic</th><th scope="col">{name_a}</th>'
        f'<th scope="col">{name_b}</th></tr></thead>',
        "<tbody>",
    ]
    for title, diffs, _ in table_sections(report):
        lines.append(f'<tr class="section"><td colspan="3">{_e(title)} ({len(diffs)})</td></tr>')
        for diff in diffs:
            lines.append(
                f'<tr class="{page.kinds[diff.topic.id]}"><td>{_topic_button(page, diff.topic)}'
                f"</td>{_mark(bool(diff.hits_a))}{_mark(bool(diff.hits_b))}</tr>"
            )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _mark(present: bool, gap: str = "") -> str:
    if present:
        return f'<td class="mark on" title="mentioned">{PRESENT}</td>'
    if gap:
        return f'<td class="mark gap" title="{_e(gap)}">{ABSENT}</td>'
    return f'<td class="mark" title="not mentioned">{ABSENT}</td>'


Links = dict[int, dict[int, float]]


def _links(groups: Iterable[AlignedGroup]) -> tuple[Links, Links]:
    """Per sentence of each side, its counterparts on the other side with the best score."""
    links_a: Links = {}
    links_b: Links = {}
    for group in groups:
        for i in group.a:
            for j in group.b:
                score = max(group.score, links_a.get(i, {}).get(j, 0.0))
                links_a.setdefault(i, {})[j] = score
                links_b.setdefault(j, {})[i] = score
    return links_a, links_b


GUTTER = (
    '<div class="gutter" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg"></svg></div>'
)


def _readouts(page: _Page) -> list[str]:
    report = page.report
    links_a, links_b = _links(report.alignment.groups)
    return [
        '<main class="readouts">',
        *_column(page, report.a, "a", "b", links_a, set(report.alignment.unmatched_a)),
        GUTTER,
        *_column(page, report.b, "b", "a", links_b, set(report.alignment.unmatched_b)),
        "</main>",
    ]


def _column_head(tagged: TaggedReadout, side: str) -> list[str]:
    readout = tagged.readout
    return [
        f'<section class="col {side}" aria-label="{_e(readout.name)}">',
        f"<h2>{_e(readout.name)} <small>{_e(readout.language)}, "
        f"{len(tagged.sentences)} sentences</small></h2>",
    ]


def _column(
    page: _Page,
    tagged: TaggedReadout,
    side: str,
    other: str,
    links: Links,
    unmatched: set[int],
) -> list[str]:
    other_name = (page.report.b if side == "a" else page.report.a).readout.name
    lines = _column_head(tagged, side)
    for sentence in tagged.sentences:
        own = links.get(sentence.index, {})
        if own:
            counterpart = ", ".join(f"[{j}] (similarity {own[j]:.2f})" for j in sorted(own))
            hint = f"aligned with {other_name} {counterpart}"
        else:
            hint = f"no counterpart in {other_name}"
        lines.append(
            _sentence(
                page,
                tagged,
                sentence,
                f"{side}-{sentence.index}",
                [(f"{other}-{j}", own[j]) for j in sorted(own)],
                hint,
                f"no counterpart in {other_name}" if sentence.index in unmatched else None,
            )
        )
    return [*lines, "</section>"]


def _sentence(
    page: _Topics,
    tagged: TaggedReadout,
    sentence: Sentence,
    sid: str,
    links: list[tuple[str, float]],
    hint: str,
    unmatched: str | None,
) -> str:
    """One sentence: coloured by its topics, triggers marked, topic tags, links for hover.

    ``links`` are the ids of the aligned sentences in other columns with their scores;
    ``unmatched`` is the note shown when the sentence has no counterpart at all.
    """
    hits = tuple(h for h in tagged.hits if h.sentence == sentence.index)
    topic_ids = page.in_order(hits)
    classes = ["s", page.status(topic_ids)] + (["unmatched"] if unmatched else [])
    attrs = (
        f'class="{" ".join(classes)}" id="{sid}" tabindex="0" '
        f'data-topics="{" ".join(page.key[t] for t in topic_ids)}" '
        f'data-links="{" ".join(f"{target}:{score:.3f}" for target, score in links)}" '
        f'title="{_e(hint)}"'
    )
    body = []
    pos = 0
    for text, trigger in marked_pieces(sentence, hits):
        start, end = pos, pos + len(text)
        pos = end
        if not trigger:
            body.append(_e(text))
            continue
        inside = [
            h for h in hits if h.start - sentence.start < end and h.end - sentence.start > start
        ]
        ids = [t for t in topic_ids if any(h.topic_id == t for h in inside)]
        kind = page.status(ids)
        if inside and all(h.negated for h in inside):
            kind += " negated"
        body.append(
            f'<mark class="{kind}" data-topics="{" ".join(page.key[t] for t in ids)}" '
            f'title="{_e(", ".join(page.label(t) for t in ids))}">{_e(text)}</mark>'
        )
    tags = [
        f'<button type="button" class="tag {page.status([t])}" data-topic="{page.key[t]}" '
        f'aria-pressed="false">{_e(page.label(t))}</button>'
        for t in topic_ids
    ]
    if unmatched:
        tags.append(f'<span class="tag none">{_e(unmatched)}</span>')
    tag_html = f'<span class="tags">{"".join(tags)}</span>' if tags else ""
    return f'<div {attrs}><span class="n">{sentence.index}</span>{"".join(body)}{tag_html}</div>'


# --- three or more readouts --------------------------------------------------------


def render_many(report: MultiReport, style: Style) -> str:
    """A report on three or more readouts as one self-contained HTML page.

    The same page as for two readouts, with the readouts as N columns (scrolling
    sideways when they do not fit), the topic matrix as the filter, and every pairwise
    alignment linked: pointing at a sentence lights up its counterparts in every other
    column. Byte-identical for identical inputs; ``style`` does not apply.
    """
    from readout_diff.render.many import verdict as many_verdict

    page = _ManyPage(report)
    names = [r.readout.name for r in report.readouts]
    body = [
        *_header(names, _meta(report.readouts), many_verdict(report), not report.differences),
        '<div class="layout">',
        *_many_aside(page),
        *_many_readouts(page),
        "</div>",
    ]
    threshold = report.alignments[0].alignment.threshold if report.alignments else None
    return _document("readout-diff: " + " vs ".join(names), body, _footer(report.pack, threshold))


def _many_sections(report: MultiReport) -> list[tuple[str, list[TopicPresence]]]:
    n = len(report.readouts)
    titles = {
        "missing_one": "missing from one account",
        "some": "in some accounts only",
        "all": f"in all {n} accounts",
    }
    sections = [(title, [t for t in report.topics if t.status == s]) for s, title in titles.items()]
    return [(title, topics) for title, topics in sections if topics]


def _many_aside(page: _ManyPage) -> list[str]:
    report = page.report
    names = [r.readout.name for r in report.readouts]
    lines = [
        '<aside aria-label="Topics">',
        *_legend(
            [
                ("shared", "carries a topic every readout mentions"),
                ("one-sided", "carries a topic missing from exactly one readout"),
                ("some", "carries a topic only some readouts mention"),
                ("unmatched", "dashed: no counterpart in any other readout"),
                ("link", "aligned sentences (point at one to light up its counterparts)"),
                ("mark three", "the words that triggered a topic"),
            ]
        ),
        "<h2>Topics</h2>",
    ]
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in any readout.</p>']
    else:
        head = "".join(f'<th scope="col">{_e(n)}</th>' for n in names)
        lines += [
            *_filter_bar(),
            '<table class="topics many">',
            f'<thead><tr><th scope="col">Topic</th>{head}</tr></thead>',
            "<tbody>",
        ]
        for title, topics in _many_sections(report):
            lines.append(
                f'<tr class="section"><td colspan="{len(names) + 1}">{_e(title)} '
                f"({len(topics)})</td></tr>"
            )
            for topic in topics:
                gap = topic.status == "missing_one"
                marks = "".join(
                    _mark(present, f"not mentioned by {name}" if gap else "")
                    for name, present in zip(names, topic.present, strict=True)
                )
                lines.append(
                    f'<tr class="{page.kinds[topic.topic.id]}">'
                    f"<td>{_topic_button(page, topic.topic)}</td>{marks}</tr>"
                )
        lines += ["</tbody>", "</table>"]
    lines += [
        '<h2 class="gap-above">Pairwise alignment</h2>',
        '<table class="pairs">',
        '<thead><tr><th scope="col">readouts</th><th scope="col">aligned</th>'
        '<th scope="col">unmatched</th></tr></thead>',
        "<tbody>",
    ]
    for pair in report.alignments:
        alignment = pair.alignment
        lines.append(
            f"<tr><td>{_e(names[pair.a])} ~ {_e(names[pair.b])}</td>"
            f"<td>{len(alignment.groups)}</td>"
            f"<td>{len(alignment.unmatched_a)} + {len(alignment.unmatched_b)}</td></tr>"
        )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _many_readouts(page: _ManyPage) -> list[str]:
    report = page.report
    names = [r.readout.name for r in report.readouts]
    # links[k][i]: (readout, sentence) -> score for sentence i of readout k.
    links: list[dict[int, dict[tuple[int, int], float]]] = [{} for _ in report.readouts]
    for pair in report.alignments:
        links_a, links_b = _links(pair.alignment.groups)
        for i, to_b in links_a.items():
            links[pair.a].setdefault(i, {}).update({(pair.b, j): s for j, s in to_b.items()})
        for j, to_a in links_b.items():
            links[pair.b].setdefault(j, {}).update({(pair.a, i): s for i, s in to_a.items()})
    lines = ['<main class="readouts many">']
    for k, tagged in enumerate(report.readouts):
        if k:
            lines.append(GUTTER)
        lines += _column_head(tagged, f"r{k}")
        for sentence in tagged.sentences:
            scores = links[k].get(sentence.index, {})
            targets = sorted(scores)
            if targets:
                hint = "aligned with " + ", ".join(
                    f"{names[m]} [{j}] (similarity {scores[m, j]:.2f})" for m, j in targets
                )
            else:
                hint = "no counterpart in any other readout"
            lines.append(
                _sentence(
                    page,
                    tagged,
                    sentence,
                    f"r{k}-{sentence.index}",
                    [(f"r{m}-{j}", scores[m, j]) for m, j in targets],
                    hint,
                    None if targets else "no counterpart in the other readouts",
                )
            )
        lines.append("</section>")
    return [*lines, "</main>"]


__all__ = ["CSP", "render", "render_many"]
