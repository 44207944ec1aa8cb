// difftool HTML report: filters, folding (unchanged paragraphs, sections only in one version),
// keyboard navigation.
// Progressive enhancement only: without this script every delta and paragraph is visible.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var deltas = Array.prototype.slice.call(document.querySelectorAll("li.delta"));
  var current = -1;

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || document).querySelectorAll(selector));
  }

  function checked(name) {
    var out = {};
    all('#filters input[name="' + name + '"]').forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }

  // Filters: a delta shows when both its severity and its kind are ticked; its marks in the
  // text follow it, and a severity section whose deltas are all hidden is hidden too.
  function applyFilters() {
    var sev = checked("severity"), kind = checked("kind"), shown = 0;
    deltas.forEach(function (li) {
      var visible = sev[li.dataset.severity] !== false && kind[li.dataset.kind] !== false;
      li.hidden = !visible;
      if (visible) { shown += 1; }
      all('.marks a[data-delta="' + li.id + '"]').forEach(function (a) { a.hidden = !visible; });
      all('table.aligned [data-delta="' + li.id + '"]').forEach(function (el) {
        if (el.tagName === "DEL" || el.tagName === "INS") { el.classList.toggle("off", !visible); }
      });
    });
    all("section.severity").forEach(function (sec) {
      sec.hidden = all("li.delta:not([hidden])", sec).length === 0;
    });
    document.getElementById("shown").textContent = shown + " of " + deltas.length + " differences shown";
  }

  function setFold(tbody, folded) {
    tbody.classList.toggle("folded", folded);
    var button = tbody.querySelector(".fold button");
    button.setAttribute("aria-expanded", String(!folded));
    button.textContent = (folded ? "Show " : "Hide ") + button.dataset.label;
  }

  function unfoldAround(element) {
    var tbody = element.closest("tbody.same, tbody.oneside");
    if (tbody && tbody.classList.contains("folded") && element.getClientRects().length === 0) { setFold(tbody, false); }
  }

  function place(li) {
    var link = li.querySelector("a.goto");
    return link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
  }

  function mark(element, cls) {
    all("." + cls).forEach(function (el) { el.classList.remove(cls); });
    if (element) { element.classList.add(cls); }
  }

  // Selecting a delta highlights it in the list, scrolls its place in the text into view and
  // puts its id in the URL fragment, so the address bar always links to what is on screen.
  function select(index) {
    var li = deltas[index];
    if (!li) { return; }
    current = index;
    mark(li, "selected");
    var row = place(li);
    if (row) {
      unfoldAround(row);
      mark(row, "current");
      row.scrollIntoView({ block: "center" });
    }
    if (location.hash !== "#" + li.id) { history.replaceState(null, "", "#" + li.id); }
    var bar = document.getElementById("current");
    bar.hidden = false;
    bar.textContent = "";
    var link = document.createElement("a");
    link.href = "#" + li.id;
    link.textContent = li.id;
    bar.appendChild(link);
    var shown = deltas.filter(function (d) { return !d.hidden; });
    var at = shown.indexOf(li) + 1;
    bar.appendChild(document.createTextNode(
      " (" + (at > 0 ? at + "/" + shown.length : "hidden") + ") " + li.dataset.severity + " · " +
      li.dataset.kind + " · " + li.querySelector(".expl").textContent));
  }

  function step(direction) {
    for (var i = current + direction; i >= 0 && i < deltas.length; i += direction) {
      if (!deltas[i].hidden) { select(i); return; }
    }
  }

  function visibleRows() {
    return all("table.aligned tr.row, table.aligned tr.fn").filter(function (tr) { return tr.offsetParent !== null; });
  }

  // j/k walk the paragraphs from wherever the current mark is, a footnote row included.
  function stepRow(direction) {
    var rows = visibleRows(), at = rows.indexOf(document.querySelector("table.aligned tr.current"));
    var i = at < 0 ? (direction > 0 ? 0 : rows.length - 1) : at + direction;
    while (rows[i] && !rows[i].classList.contains("row")) { i += direction; }
    var next = rows[i];
    if (!next) { return; }
    mark(next, "current");
    next.scrollIntoView({ block: "center" });
  }

  // A link to a delta the filters hide ticks that delta's severity and kind: the link wins.
  function reveal(li) {
    all("#filters input").forEach(function (box) {
      if (box.value === li.dataset[box.name]) { box.checked = true; }
    });
    applyFilters();
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var index = deltas.findIndex(function (li) { return li.id === id; });
    if (index >= 0) {
      if (deltas[index].hidden) { reveal(deltas[index]); }
      select(index);
    } else if (id) {
      var target = document.getElementById(id);
      if (target) { unfoldAround(target); target.scrollIntoView({ block: "center" }); }
    }
  }

  var filters = document.getElementById("filters");
  filters.hidden = false;
  filters.addEventListener("change", applyFilters);
  all("tbody.same, tbody.oneside").forEach(function (tbody) {
    var row = tbody.querySelector("tr.fold");
    row.hidden = false;
    row.querySelector("button").addEventListener("click", function () {
      setFold(tbody, !tbody.classList.contains("folded"));
    });
    setFold(tbody, true);
  });
  all(".keys").forEach(function (el) { el.hidden = false; });
  deltas.forEach(function (li, index) {
    li.addEventListener("click", function (event) {
      if (!event.target.closest("a")) { select(index); }
    });
  });
  all("a.goto, .marks a").forEach(function (a) {
    a.addEventListener("click", function (event) {
      var id = a.dataset.delta || a.closest("li.delta").id;
      event.preventDefault();
      select(deltas.findIndex(function (li) { return li.id === id; }));
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("textarea, select, input:not([type=checkbox])")) { return; }
    var actions = { n: function () { step(1); }, p: function () { step(-1); },
                    j: function () { stepRow(1); }, k: function () { stepRow(-1); } };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });
  window.addEventListener("hashchange", fromHash);
  // The browser scrolls to the fragment's own element (the list entry) once the page has loaded;
  // select again after that, so a link to a delta opens on its place in the text.
  window.addEventListener("load", function () {
    if (location.hash) { requestAnimationFrame(fromHash); }
  });
  applyFilters();
  fromHash();
}());
