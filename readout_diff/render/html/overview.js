(function () {
  "use strict";
  // Everything is read from the page itself: the grid's cells are the data. A cell's class
  // is its status ("a" or "b" plus the colour of the side that raised the topic alone,
  // "pa" or "pb" plus the colour of the side that only mentioned it in passing, "s" in
  // both, "o" another status) and no class means neither readout has the topic.
  var FIRST = 3; // label, bar and trend cells come before the calls
  var TOP = 10;
  var EXAMPLES = 2;
  var BAR = 138;
  var grid = document.getElementById("grid");
  var heads = Array.prototype.slice.call(grid.tHead.rows[0].cells, FIRST);
  var cols = heads.map(function (th) {
    return {
      th: th,
      year: th.getAttribute("data-y"),
      dyad: th.getAttribute("data-d"),
      a: +th.getAttribute("data-a"),
      b: +th.getAttribute("data-b"),
      name: th.getAttribute("data-n"),
      link: th.querySelector("a")
    };
  });
  var rows = Array.prototype.slice.call(grid.tBodies[0].rows);
  var sideNames = Array.prototype.map.call(
    document.querySelectorAll("#sides-key [data-k]"), function (li) { return li.textContent; });
  var years = grid.getAttribute("data-years").split(" ");
  var dyadSelect = document.getElementById("dyad");
  var yearSelect = document.getElementById("year");
  var shown = document.getElementById("shown");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.side"));

  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function colour(k) { return "k" + Math.min(k, 8); }
  function zeros(n) { var out = []; for (var i = 0; i < n; i++) { out.push(0); } return out; }

  function count(visible) {
    // Per row: calls alone per side, in both, mentioned at all; per row and year per side.
    var perYear = {};
    years.forEach(function (y) { perYear[y] = 0; });
    cols.forEach(function (c, i) { if (visible[i]) { perYear[c.year] += 1; } });
    var stats = rows.map(function (row) {
      var s = { alone: zeros(sideNames.length), both: 0, passing: 0, any: 0, years: {} };
      years.forEach(function (y) { s.years[y] = zeros(sideNames.length); });
      var cells = row.cells;
      for (var i = 0; i < cols.length; i++) {
        var cell = cells[i + FIRST];
        cell.hidden = !visible[i];
        var cls = visible[i] ? cell.className : "";
        if (!cls) { continue; }
        s.any += 1;
        var kind = cls.charAt(0);
        if (kind === "a" || kind === "b") {
          var side = kind === "a" ? cols[i].a : cols[i].b;
          s.alone[side] += 1;
          s.years[cols[i].year][side] += 1;
        } else if (kind === "s") {
          s.both += 1;
        } else if (kind === "p") {
          s.passing += 1; // neither alone nor both: named in the bar's label only
        }
      }
      return s;
    });
    return { stats: stats, perYear: perYear };
  }

  function drawBar(cell, s, scale, calls) {
    var x = 0, parts = [], words = [];
    s.alone.forEach(function (n, k) {
      if (!n) { return; }
      parts.push('<rect class="' + colour(k) + '" x="' + x.toFixed(1) + '" y="2" width="' +
        (n * scale).toFixed(1) + '" height="12"></rect>');
      x += n * scale;
      words.push(sideNames[k] + " alone in " + n);
    });
    if (s.both) {
      parts.push('<rect class="s" x="' + x.toFixed(1) + '" y="2" width="' +
        (s.both * scale).toFixed(1) + '" height="12"></rect>');
      words.push("both in " + s.both);
    }
    if (s.passing) { words.push("in passing in " + s.passing); }
    var label = (words.join(", ") || "not mentioned") + " (of " + calls + " calls)";
    cell.innerHTML = '<svg width="' + BAR + '" height="16" role="img" aria-label="' +
      esc(label) + '"><title>' + esc(label) + "</title>" + parts.join("") + "</svg>";
  }

  function drawTrend(cell, s, perYear, shownYears) {
    // About 120 pixels in all, whatever the number of years.
    var w = Math.max(2, Math.min(16, Math.floor(120 / Math.max(shownYears.length, 1)) - 1));
    var h = 16, parts = [], words = [];
    shownYears.forEach(function (y, j) {
      var calls = perYear[y], top = h, said = [];
      s.years[y].forEach(function (n, k) {
        if (!n) { return; }
        var height = h * n / calls;
        top -= height;
        parts.push('<rect class="' + colour(k) + '" x="' + (j * (w + 1)) + '" y="' +
          top.toFixed(1) + '" width="' + w + '" height="' + height.toFixed(1) + '"></rect>');
        said.push(sideNames[k] + " " + n);
      });
      words.push(y + ": " + (said.join(", ") || "none") + " of " + calls);
    });
    var width = Math.max(shownYears.length * (w + 1), 1);
    parts.push('<rect class="axis" x="0" y="' + h + '" width="' + width + '" height="1"></rect>');
    var label = "Raised alone, share of the year's calls. " + words.join("; ");
    cell.innerHTML = '<svg width="' + width + '" height="' + (h + 1) + '" role="img" ' +
      'aria-label="' + esc(label) + '"><title>' + esc(label) + "</title>" + parts.join("") +
      "</svg>";
  }

  function drawSides(stats, visible) {
    sections.forEach(function (section) {
      var k = +section.getAttribute("data-k");
      var calls = 0;
      cols.forEach(function (c, i) { if (visible[i] && (c.a === k || c.b === k)) { calls += 1; } });
      section.hidden = !calls;
      section.querySelector(".calls").textContent = calls + (calls === 1 ? " call" : " calls");
      var list = section.querySelector("ol");
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (p, q) {
        var np = stats[+p.getAttribute("data-r")].alone[k];
        var nq = stats[+q.getAttribute("data-r")].alone[k];
        return nq - np || (+p.getAttribute("data-o")) - (+q.getAttribute("data-o"));
      });
      var listed = 0;
      items.forEach(function (li) {
        var n = stats[+li.getAttribute("data-r")].alone[k];
        li.hidden = !n || listed >= TOP;
        if (!li.hidden) { listed += 1; }
        li.querySelector(".n").textContent = "alone in " + n + (n === 1 ? " call" : " calls");
        var quoted = 0;
        Array.prototype.forEach.call(li.querySelectorAll("blockquote"), function (q) {
          q.hidden = !visible[+q.getAttribute("data-c")] || quoted >= EXAMPLES;
          if (!q.hidden) { quoted += 1; }
        });
        list.appendChild(li);
      });
      section.querySelector(".empty").hidden = listed > 0;
    });
  }

  function update() {
    var dyad = dyadSelect.value, year = yearSelect.value;
    var visible = cols.map(function (c) {
      return (!dyad || c.dyad === dyad) && (!year || c.year === year);
    });
    cols.forEach(function (c, i) { c.th.hidden = !visible[i]; });
    var counted = count(visible);
    var calls = visible.filter(Boolean).length;
    var shownYears = years.filter(function (y) { return counted.perYear[y] > 0; });
    var most = 1;
    counted.stats.forEach(function (s) {
      var total = s.both;
      s.alone.forEach(function (n) { total += n; });
      most = Math.max(most, total);
    });
    rows.forEach(function (row, r) {
      var s = counted.stats[r];
      row.hidden = !s.any;
      if (row.hidden) { return; }
      drawBar(row.cells[1], s, BAR / most, calls);
      drawTrend(row.cells[2], s, counted.perYear, shownYears);
    });
    drawSides(counted.stats, visible);
    shown.textContent = "Showing " + calls + " of " + cols.length + " calls";
  }

  function status(cell, col) {
    var kind = cell.className.charAt(0);
    if (kind === "a") { return "only in " + sideNames[col.a]; }
    if (kind === "b") { return "only in " + sideNames[col.b]; }
    if (kind === "s") { return "in both"; }
    if (kind === "p") {
      return "only in passing in " + sideNames[cell.className.charAt(1) === "a" ? col.a : col.b];
    }
    if (kind === "o") { return "another status"; }
    return "in neither";
  }

  function cellOf(event) {
    var cell = event.target.closest("td");
    if (!cell || cell.cellIndex < FIRST || !grid.tBodies[0].contains(cell)) { return null; }
    return cell;
  }

  grid.addEventListener("mouseover", function (event) {
    var cell = cellOf(event);
    if (!cell || cell.title) { return; }
    var col = cols[cell.cellIndex - FIRST];
    var label = cell.parentNode.cells[0].textContent;
    cell.title = label + " · " + col.name + ": " + status(cell, col) +
      (col.link && cell.className ? " (click for the report)" : "");
  });
  grid.addEventListener("click", function (event) {
    var cell = cellOf(event);
    if (!cell || !cell.className) { return; }
    var col = cols[cell.cellIndex - FIRST];
    if (col.link) { window.location.href = col.link.href; }
  });
  dyadSelect.addEventListener("change", update);
  yearSelect.addEventListener("change", update);
  update();
})();
