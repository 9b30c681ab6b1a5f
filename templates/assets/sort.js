// patuh: optional sorting of tables marked "sortable". The tables work without it.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    // A figure with its count ("88,5% 12 dari 14") sorts by the number patuh gives it.
    var given = parseFloat(cell.getAttribute("data-sort"));
    if (!isNaN(given)) { return given; }
    var text = cell.textContent.trim();
    // Numbers as patuh writes them: 1.204 / 1,204, 85,7 % / 85.7%.
    var n = text.replace(/[%\s]/g, "").replace(/\u2212/g, "-");
    if (/^-?[\d.,]+$/.test(n)) {
      var lang = document.documentElement.lang;
      n = lang === "id" ? n.replace(/\./g, "").replace(",", ".") : n.replace(/,/g, "");
      var value = parseFloat(n);
      if (!isNaN(value)) { return value; }
    }
    return text.toLowerCase();
  }
  function sortBy(table, index, button) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = button.getAttribute("data-dir") !== "asc";
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === y) { return 0; }
      if (typeof x !== typeof y) { return typeof x === "number" ? -1 : 1; }
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
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
