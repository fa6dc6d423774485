/*
 * Filtering the commitments list by kind and topic, on a static site.
 *
 * The list is complete without this script. With it, the form above the table
 * shows; the choice is kept in the address (?kind=condemn&topic=terrorism), so a
 * filtered view can be shared, and the number of commitments shown is announced.
 */
(function () {
  "use strict";

  function apply(form, table) {
    var kind = form.elements.kind.value;
    var topic = form.elements.topic.value;
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var visible = (!kind || row.dataset.kind === kind) &&
        (!topic || row.dataset.topics.split(" ").indexOf(topic) >= 0);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    form.querySelector(".stmt-filter-count").textContent =
      shown + " of " + table.querySelectorAll("tbody tr").length + " commitments";
    var url = new URL(location.href);
    ["kind", "topic"].forEach(function (name) {
      if (form.elements[name].value) {
        url.searchParams.set(name, form.elements[name].value);
      } else {
        url.searchParams.delete(name);
      }
    });
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  function setUp() {
    var form = document.querySelector("form.stmt-filter");
    var table = document.querySelector("table.stmt-commitments");
    if (!form || !table || form.dataset.ready) {
      return;
    }
    form.dataset.ready = "true";
    var query = new URLSearchParams(location.search);
    ["kind", "topic"].forEach(function (name) {
      var select = form.elements[name];
      var wanted = query.get(name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });
    form.addEventListener("change", function () { apply(form, table); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(form, table);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
