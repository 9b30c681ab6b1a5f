// patuh: search that works offline (issue 15). The index is a set of scripts beside the
// pages (cari/index.js lists the shards, newest first; each shard calls patuhCari(...)),
// loaded with <script src> only when someone searches, so it works from file:// with no
// server. The manifest and the newest shard load when the box gets the focus; shards load
// one after another, newest first; results show as they arrive and
// stop at LIMIT, with a button for more. Everything is written with textContent: the
// index's text (masked as on the pages) is never read as HTML.
(function () {
  "use strict";
  var form = document.getElementById("cari");
  if (!form) { return; }
  var LIMIT = 50;
  var KEEP = 8;
  var kept = [];
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("cari-q");
  var status = document.getElementById("cari-status");
  var list = document.getElementById("cari-hasil");
  var more = document.getElementById("cari-lagi");
  var manifest = null;
  var shards = {};
  var waiting = {};
  var search = null;
  var timer = null;

  function words(key, n) {
    return (form.getAttribute("data-" + key) || "").replace("{n}", String(n));
  }

  // Lower case, without accents: "Jalan Rusak" and "jalan rusák" find the same items.
  function fold(text) {
    text = String(text).toLowerCase();
    return text.normalize ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : text;
  }

  // Every shard and the manifest call this when their script has run.
  window.patuhCari = function (data) {
    var file;
    if (data.shards) {
      manifest = data;
      file = form.getAttribute("data-index");
    } else {
      file = data.f;
      var entries = data.i;
      for (var k = 0; k < entries.length; k++) {
        var e = entries[k];
        // What a query is matched against: ticket, account, department, text, anchor.
        e.push(fold(e[0] + " " + e[1] + " " + data.d[e[3]] + " " + e[5] + " " + e[7]));
      }
      shards[file] = data;
      // At most KEEP shards stay in memory (a search through a large site reads them
      // all); a dropped one is loaded again when needed.
      kept.push(file);
      if (kept.length > KEEP) { delete shards[kept.shift()]; }
    }
    var done = waiting[file] || [];
    delete waiting[file];
    for (var j = 0; j < done.length; j++) { done[j](true); }
  };

  // Loads a script of the index once; calls back with whether it loaded.
  function load(file, callback) {
    if (file === form.getAttribute("data-index") ? manifest : shards[file]) {
      callback(true);
      return;
    }
    if (waiting[file]) { waiting[file].push(callback); return; }
    waiting[file] = [callback];
    var script = document.createElement("script");
    script.src = root + file;
    script.onload = function () { script.parentNode.removeChild(script); };
    script.onerror = function () {
      script.parentNode.removeChild(script);
      var done = waiting[file] || [];
      delete waiting[file];
      for (var j = 0; j < done.length; j++) { done[j](false); }
    };
    document.head.appendChild(script);
  }

  function show(data, e) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + data.h[e[6]] + "#" + e[7];
    a.textContent = e[0];
    var head = document.createElement("span");
    head.className = "cari-head";
    head.appendChild(a);
    head.appendChild(document.createTextNode(" · " + e[2] + " · " + data.d[e[3]]));
    li.appendChild(head);
    var st = document.createElement("span");
    st.className = "cari-st";
    st.textContent = data.s[e[4]] + (e[1] ? " · " + e[1] : "");
    li.appendChild(st);
    if (e[5]) {
      var text = document.createElement("span");
      text.className = "cari-text";
      text.textContent = e[5];
      li.appendChild(text);
    }
    list.appendChild(li);
  }

  // Goes on with the current search: scans the loaded shard from where it stopped, loads
  // the next one when it is done, until `limit` results are shown or no shard is left.
  function step(s) {
    if (s !== search) { return; }
    var files = s.files;
    while (s.shard < files.length && s.found < s.limit) {
      var data = shards[files[s.shard].f];
      if (!data) {
        status.textContent = words("searching", s.found);
        load(files[s.shard].f, function (ok) {
          if (!ok) { status.textContent = words("failed", 0); search = null; return; }
          step(s);
        });
        return;
      }
      var entries = data.i;
      while (s.entry < entries.length && s.found < s.limit) {
        var e = entries[s.entry++];
        var hay = e[8];
        var hit = true;
        for (var t = 0; t < s.terms.length; t++) {
          if (hay.indexOf(s.terms[t]) < 0) { hit = false; break; }
        }
        if (hit) { show(data, e); s.found++; }
      }
      if (s.entry >= entries.length) { s.shard++; s.entry = 0; }
    }
    var left = s.shard < files.length;
    more.hidden = !left;
    status.textContent = s.found === 0 && !left ? words("none", 0)
      : words(left ? "found-more" : "found", s.found);
  }

  function start() {
    var query = fold(input.value).trim();
    list.textContent = "";
    more.hidden = true;
    search = null;
    if (query.replace(/[^0-9a-z]/g, "").length < 2) {
      status.textContent = query ? words("short", 0) : "";
      return;
    }
    var s = { terms: query.split(/\s+/), shard: 0, entry: 0, found: 0, limit: LIMIT };
    search = s;
    status.textContent = words("searching", 0);
    load(form.getAttribute("data-index"), function (ok) {
      if (!ok) { status.textContent = words("failed", 0); return; }
      s.files = order(s.terms);
      step(s);
    });
  }

  // The shards to search, newest first; for a query of one word, first those whose
  // range of tickets holds it (an old ticket is found without loading every newer shard).
  function order(terms) {
    var all = manifest.shards;
    if (terms.length !== 1) { return all; }
    var term = terms[0];
    var first = [];
    var rest = [];
    for (var k = 0; k < all.length; k++) {
      var range = all[k].t;
      (range && range[0] <= term && term <= range[1] ? first : rest).push(all[k]);
    }
    return first.concat(rest);
  }

  // Loads the manifest and the newest shard when someone is about to search.
  function warmUp() {
    load(form.getAttribute("data-index"), function (ok) {
      if (ok && manifest.shards.length) { load(manifest.shards[0].f, function () {}); }
    });
  }

  form.hidden = false;
  input.addEventListener("focus", warmUp);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    start();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(start, 300);
  });
  more.addEventListener("click", function () {
    if (!search) { return; }
    search.limit += LIMIT;
    step(search);
  });
})();
