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
from readout_diff.model import Report, Sentence, Side, TaggedReadout, TopicDiff, TopicKind
from readout_diff.render import Style, marked_pieces, table_sections, verdict

PRESENT = "●"
ABSENT = "○"

CSS = """\
:root {
  --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --paper: #ffffff; --page: #f5f6f8;
  --shared: #0f766e; --shared-bg: #e8f5f2; --shared-mark: #a7e4d8;
  --onesided: #b45309; --onesided-bg: #fdf3e3; --onesided-mark: #fcd98a;
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
.swatch.unmatched { background: var(--unmatched-bg); border: 1px dashed var(--unmatched);
  border-left: 4px dashed var(--unmatched); }
.swatch.mark { background: linear-gradient(90deg, var(--onesided-mark) 50%,
  var(--shared-mark) 50%); border: 0; }
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
button:focus-visible, .s:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.note { color: var(--muted); font-style: italic; }
.readouts { display: grid; grid-template-columns: minmax(0, 1fr) 64px minmax(0, 1fr); }
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
.tag.none { border-style: dashed; border-color: var(--unmatched); color: var(--muted);
  cursor: default; }
.tag[aria-pressed="true"] { color: var(--paper); background: var(--shared); }
.tag.one-sided[aria-pressed="true"] { background: var(--onesided); }
mark { color: inherit; background: var(--shared-mark); padding: 0 2px; border-radius: 3px; }
mark.one-sided { background: var(--onesided-mark); }
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
  var links = [];
  all(".col.a .s").forEach(function (s) {
    (s.getAttribute("data-links") || "").split(" ").forEach(function (item) {
      if (!item) { return; }
      var parts = item.split(":");
      links.push({ a: s, b: byId[parts[0]], score: parseFloat(parts[1]), path: null });
    });
  });
  var gutter = document.querySelector(".gutter");
  var svg = gutter ? gutter.querySelector("svg") : null;

  function draw() {
    if (!svg) { return; }
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var box = gutter.getBoundingClientRect();
    var w = box.width;
    links.forEach(function (l) {
      l.path = null;
      if (!l.b || l.a.hidden || l.b.hidden) { return; }
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
      svg.appendChild(p);
      l.path = p;
    });
  }

  function hover(s, on) {
    s.classList.toggle("hot", on);
    links.forEach(function (l) {
      if (l.a !== s && l.b !== s) { return; }
      (l.a === s ? l.b : l.a).classList.toggle("linked", on);
      if (l.path) { l.path.classList.toggle("hot", on); }
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


class _Page:
    """What every part of the page needs to know about the report's topics."""

    def __init__(self, report: Report) -> None:
        self.report = report
        # Short ids keep the attributes small and immune to whatever a topic id contains.
        self.key = {diff.topic.id: f"t{k}" for k, diff in enumerate(report.topics)}
        self.diff = {diff.topic.id: diff for diff in report.topics}

    def label(self, topic_id: str) -> str:
        diff = self.diff[topic_id]
        suffix = " (said not discussed)" if diff.negated_only else ""
        return diff.topic.label + suffix

    def status(self, topic_ids: Iterable[str]) -> str:
        ids = list(topic_ids)
        if any(_is_one_sided(self.diff[t]) for t in ids):
            return "one-sided"
        return "shared" if ids else "plain"


def render(report: Report, style: Style) -> str:
    """The report as one self-contained HTML page (byte-identical for identical inputs).

    ``style`` is accepted for the common renderer signature; a page has its own
    colours and reflows to the window, so neither colour nor width applies.
    """
    page = _Page(report)
    a, b = report.a.readout, report.b.readout
    title = f"readout-diff: {a.name} vs {b.name}"
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
        *_header(report),
        '<div class="layout">',
        *_aside(page),
        *_readouts(page),
        "</div>",
        "<footer>",
        f"readout-diff {_e(__version__)} · topic pack {_e(report.pack.name)} "
        f"{_e(report.pack.version)} ({report.pack.topics} topics) · similarity threshold "
        f"{report.alignment.threshold:.2f}",
        "</footer>",
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report) -> list[str]:
    a, b = report.a, report.b
    same = not (report.only_a or report.only_b)
    meta = " · ".join(
        f"{_e(t.readout.name)}: {_e(t.readout.language)}, {len(t.sentences)} sentences"
        + (f", {_e(t.readout.path)}" if t.readout.path else "")
        for t in (a, b)
    )
    return [
        "<header>",
        '<p class="tool">readout-diff</p>',
        f'<h1>{_e(a.readout.name)} <span class="vs">vs</span> {_e(b.readout.name)}</h1>',
        f'<p class="meta">{meta}</p>',
        f'<div class="verdict{" same" if same else ""}" role="status">',
        f'<strong id="verdict">{_e(verdict(report))}</strong>',
        "</div>",
        "</header>",
    ]


def _aside(page: _Page) -> list[str]:
    report = page.report
    name_a, name_b = _e(report.a.readout.name), _e(report.b.readout.name)
    lines = [
        '<aside aria-label="Topics">',
        "<h2>Key</h2>",
        '<ul class="legend">',
        '<li><span class="swatch shared"></span>carries a topic both readouts mention</li>',
        '<li><span class="swatch one-sided"></span>carries a topic only one readout mentions</li>',
        '<li><span class="swatch unmatched"></span>dashed: no counterpart in the other readout'
        "</li>",
        '<li><span class="swatch link"></span>aligned sentences (point at one to see its'
        " counterpart)</li>",
        '<li><span class="swatch mark"></span>the words that triggered a topic</li>',
        "</ul>",
        "<h2>Topics</h2>",
    ]
    if not report.topics:
        lines += ['<p class="note">No topic of the pack was found in either readout.</p>']
        return [*lines, "</aside>"]
    lines += [
        '<div class="filter-bar">',
        '<span id="filter-state">Click topics to filter the sentences</span>',
        '<button type="button" id="show-all" disabled>Show all</button>',
        "</div>",
        '<table class="topics">',
        f'<thead><tr><th scope="col">Topic</th><th scope="col">{name_a}</th>'
        f'<th scope="col">{name_b}</th></tr></thead>',
        "<tbody>",
    ]
    for title, diffs, _ in table_sections(report):
        lines.append(f'<tr class="section"><td colspan="3">{_e(title)} ({len(diffs)})</td></tr>')
        for diff in diffs:
            kind = "one-sided" if _is_one_sided(diff) else "shared"
            hint = " (a name no topic covers)" if diff.topic.kind is TopicKind.ADHOC else ""
            lines.append(
                f'<tr class="{kind}"><td><button type="button" class="topic {kind}" '
                f'data-topic="{page.key[diff.topic.id]}" data-topic-id="{_e(diff.topic.id)}" '
                f'aria-pressed="false" title="{_e(diff.topic.group or diff.topic.label)}{hint}">'
                f"{_e(page.label(diff.topic.id))}</button></td>"
                f"{_mark(bool(diff.hits_a))}{_mark(bool(diff.hits_b))}</tr>"
            )
    return [*lines, "</tbody>", "</table>", "</aside>"]


def _mark(present: bool) -> str:
    if present:
        return f'<td class="mark on" title="mentioned">{PRESENT}</td>'
    return f'<td class="mark" title="not mentioned">{ABSENT}</td>'


def _readouts(page: _Page) -> list[str]:
    report = page.report
    links_a: dict[int, dict[int, float]] = {}
    links_b: dict[int, dict[int, float]] = {}
    for group in report.alignment.groups:
        for i in group.a:
            for j in group.b:
                score = max(group.score, links_a.get(i, {}).get(j, 0.0))
                links_a.setdefault(i, {})[j] = score
                links_b.setdefault(j, {})[i] = score
    return [
        '<main class="readouts">',
        *_column(page, report.a, "a", "b", links_a, set(report.alignment.unmatched_a)),
        '<div class="gutter" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg"></svg>'
        "</div>",
        *_column(page, report.b, "b", "a", links_b, set(report.alignment.unmatched_b)),
        "</main>",
    ]


def _column(
    page: _Page,
    tagged: TaggedReadout,
    side: str,
    other: str,
    links: dict[int, dict[int, float]],
    unmatched: set[int],
) -> list[str]:
    readout = tagged.readout
    other_name = (page.report.b if side == "a" else page.report.a).readout.name
    lines = [
        f'<section class="col {side}" aria-label="{_e(readout.name)}">',
        f"<h2>{_e(readout.name)} <small>{_e(readout.language)}, "
        f"{len(tagged.sentences)} sentences</small></h2>",
    ]
    for sentence in tagged.sentences:
        lines.append(
            _sentence(
                page,
                tagged,
                sentence,
                side,
                other,
                other_name,
                links.get(sentence.index, {}),
                sentence.index in unmatched,
            )
        )
    return [*lines, "</section>"]


def _sentence(
    page: _Page,
    tagged: TaggedReadout,
    sentence: Sentence,
    side: str,
    other: str,
    other_name: str,
    links: dict[int, float],
    unmatched: bool,
) -> str:
    hits = tuple(h for h in tagged.hits if h.sentence == sentence.index)
    # Topics in report order, so that attributes and tags do not depend on set order.
    topic_ids = [
        d.topic.id for d in page.report.topics if any(h.topic_id == d.topic.id for h in hits)
    ]
    classes = ["s", page.status(topic_ids)] + (["unmatched"] if unmatched else [])
    if links:
        counterpart = ", ".join(f"[{j}] (similarity {links[j]:.2f})" for j in sorted(links))
        hint = f"aligned with {other_name} {counterpart}"
    else:
        hint = f"no counterpart in {other_name}"
    attrs = (
        f'class="{" ".join(classes)}" id="{side}-{sentence.index}" tabindex="0" '
        f'data-topics="{" ".join(page.key[t] for t in topic_ids)}" '
        f'data-links="{" ".join(f"{other}-{j}:{links[j]:.3f}" for j in sorted(links))}" '
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
        tags.append(f'<span class="tag none">no counterpart in {_e(other_name)}</span>')
    tag_html = f'<span class="tags">{"".join(tags)}</span>' if tags else ""
    return f'<div {attrs}><span class="n">{sentence.index}</span>{"".join(body)}{tag_html}</div>'


__all__ = ["CSP", "render"]
