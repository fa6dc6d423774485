/*
 * Filtering the list of sentences by kind and topic, on a static site.
 *
 * The list is complete without this script. With it, the form above the table
 * shows; the choice is kept in the address (?kind=condemn&topic=terrorism), so a
 * filtered view can be shared, and the number of sentences shown is announced.
 * The menus offer only kinds and topics that some sentence has (the page is made
 * so); a kind and a topic that no sentence has together empty the list: the
 * announcement then says so, the empty table is hidden, and "Show all sentences"
 * clears the choice.
 */
(function () {
  "use strict";

  var FILTERS = ["kind", "topic"];

  function chosen(select) {
    return select.options[select.selectedIndex].textContent;
  }

  function apply(form, table) {
    var kind = form.elements.kind.value;
    var topic = form.elements.topic.value;
    var rows = table.querySelectorAll("tbody tr");
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!kind || row.dataset.kind === kind) &&
        (!topic || row.dataset.topics.split(" ").indexOf(topic) >= 0);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    var count = form.querySelector(".stmt-filter-count");
    if (shown) {
      count.textContent = shown + " of " + rows.length + " sentences";
    } else {
      var wanted = [];
      if (kind) {
        wanted.push("the kind \u201c" + chosen(form.elements.kind) + "\u201d");
      }
      if (topic) {
        wanted.push("the topic \u201c" + chosen(form.elements.topic) + "\u201d");
      }
      count.textContent = "No sentence matches " + wanted.join(" and ") + ".";
    }
    count.classList.toggle("stmt-filter-count--empty", !shown);
    table.hidden = !shown;
    form.querySelector(".stmt-filter-clear").hidden = !(kind || topic);
    var url = new URL(location.href);
    FILTERS.forEach(function (name) {
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
    var table = document.querySelector("table.stmt-sentences");
    if (!form || !table || form.dataset.ready) {
      return;
    }
    form.dataset.ready = "true";
    var query = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var wanted = query.get(name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });
    form.addEventListener("change", function () { apply(form, table); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".stmt-filter-clear").addEventListener("click", function () {
      FILTERS.forEach(function (name) { form.elements[name].value = ""; });
      apply(form, table);
      form.elements.kind.focus();
    });
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
