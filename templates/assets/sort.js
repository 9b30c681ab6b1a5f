// patuh: optional sorting of tables marked "sortable". The tables work without it: their
// rows come in a meaningful order from the server (late items most late first, registers
// by posting time).
(function () {
  "use strict";
  // A cell's value: its data-sort attribute when it has one (seconds, a moment, a count:
  // durations such as "2 mnt" and "10 mnt" sort by value), else its text read as a number
  // as patuh writes them (1.204 / 1,204, 85,7% / 85.7%), else the text. null when empty
  // ("–"): empty cells go last whichever way the column is sorted.
  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return null; }
    var sort = cell.getAttribute("data-sort");
    if (sort !== null && sort !== "") {
      var v = parseFloat(sort);
      if (!isNaN(v)) { return v; }
    }
    var text = cell.textContent.trim();
    if (text === "" || text === "\u2013") { return null; }
    var n = text.replace(/[%\s]/g, "").replace(/\u2212/g, "-");
    if (/^-?[\d.,]+$/.test(n)) {
      var lang = document.documentElement.lang;
      n = lang === "id" ? n.replace(/\./g, "").replace(",", ".") : n.replace(/,/g, "");
      var value = parseFloat(n);
      if (!isNaN(value)) { return value; }
    }
    return text.toLowerCase();
  }
  function compare(x, y, direction) {
    if (x === y) { return 0; }
    if (x === null) { return 1; }
    if (y === null) { return -1; }
    if (typeof x !== typeof y) { return typeof x === "number" ? -1 : 1; }
    return (x < y ? -1 : 1) * direction;
  }
  function sortBy(table, index, button) {
    var body = table.tBodies[0];
    var ascending = button.getAttribute("data-dir") !== "asc";
    var direction = ascending ? 1 : -1;
    // Rows with their place, so that equal values keep the server's order.
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return { row: row, value: cellValue(row, index), place: i };
    });
    rows.sort(function (a, b) {
      return compare(a.value, b.value, direction) || a.place - b.place;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (th) { th.removeAttribute("aria-sort"); });
    button.setAttribute("data-dir", ascending ? "asc" : "desc");
    button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies[0]) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, button); });
    });
  });
})();
