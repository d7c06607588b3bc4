// Search for HealthGuide sites: loads the prebuilt index once, matches word prefixes,
// ranks title hits first, shows the section and topic of each result. Plain JavaScript, no network beyond this site.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) return;
  // Each language's index (search-index.json, search-index.es.json) sits at the site's root.
  var root = input.getAttribute("data-index").replace(/search-index(\.[A-Za-z0-9-]+)?\.json$/, "");
  // The page's language gives the messages, with {query}, {count} and {limit} filled in.
  function message(name, values) {
    return (input.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }
  var entries = null;
  var LIMIT = 50;

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9\u00c0-\u024f'-]+/).filter(function (w) { return w.length > 0; });
  }

  function hasPrefix(haystack, prefix) {
    for (var i = 0; i < haystack.length; i++) {
      if (haystack[i].indexOf(prefix) === 0) return true;
    }
    return false;
  }

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var points = 0;
      if (hasPrefix(entry.title, term)) points = 100;
      else if (hasPrefix(entry.headings, term)) points = 20;
      else if (hasPrefix(entry.summary, term)) points = 10;
      else if (hasPrefix(entry.body, term)) points = 1;
      if (points === 0) return 0;
      total += points;
    }
    return total;
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (terms.length === 0) { status.textContent = ""; return; }
    var hits = [];
    entries.forEach(function (entry) {
      var points = score(entry, terms);
      if (points > 0) hits.push({ entry: entry, points: points });
    });
    hits.sort(function (a, b) { return b.points - a.points || a.entry.t.localeCompare(b.entry.t); });
    var values = { query: query, count: hits.length, limit: LIMIT };
    status.textContent = hits.length === 0
      ? message("none", values)
      : message(hits.length === 1 ? "one" : "many", values) + (hits.length > LIMIT ? " " + message("first", values) : "");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.entry.u;
      link.textContent = hit.entry.t;
      var summary = document.createElement("p");
      summary.textContent = hit.entry.s;
      item.appendChild(link);
      if (hit.entry.trail) {
        var trail = document.createElement("p");
        trail.className = "search-results__trail";
        trail.textContent = hit.entry.trail;
        item.appendChild(trail);
      }
      item.appendChild(summary);
      list.appendChild(item);
    });
  }

  // The folder of a page's URL: "treatments/medicines/levodopa/" -> "treatments/medicines/".
  function folderOf(url) {
    return url.replace(/[^\/]+\/$/, "");
  }

  function prepare(index) {
    return index.p.map(function (entry) {
      return { t: entry.t, u: entry.u, s: entry.s, trail: index.f[folderOf(entry.u)] || "",
               title: words(entry.t), headings: words(entry.h), summary: words(entry.s), body: entry.w.split(" ") };
    });
  }

  var request = new XMLHttpRequest();
  request.open("GET", input.getAttribute("data-index"));
  request.onload = function () {
    if (request.status !== 200 && request.status !== 0) { status.textContent = message("unavailable", {}); return; }
    entries = prepare(JSON.parse(request.responseText));
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; show(query); }
  };
  request.onerror = function () { status.textContent = message("unavailable", {}); };
  request.send();

  input.addEventListener("input", function () { if (entries) show(input.value); });
  input.form.addEventListener("submit", function (event) {
    if (entries) { event.preventDefault(); show(input.value); }
  });
})();
