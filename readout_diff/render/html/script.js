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
  // A link to evidence sentences (details, other words, passing mentions) jumps to the
  // sentence: a filter that hides it is cleared first, and the sentence takes the focus,
  // so that it and its counterparts light up as when pointed at.
  all("a.ev").forEach(function (a) {
    a.addEventListener("click", function () {
      var target = byId[(a.getAttribute("href") || "").slice(1)];
      if (!target) { return; }
      if (target.hidden) { selected = {}; apply(); }
      target.focus({ preventScroll: true });
    });
  });

  if (window.ResizeObserver) {
    new ResizeObserver(draw).observe(document.querySelector(".readouts"));
  }
  window.addEventListener("resize", draw);
  window.addEventListener("load", draw);
  apply();
})();
