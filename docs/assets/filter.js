/*
 * Filtering the list of sentences by kind and topic, on a static site.
 *
 * The list is complete without this script: one table per statement, under its
 * heading. With it, the form above the tables shows; the choice is kept in the
 * address (?kind=condemn&topic=terrorism), so a filtered view can be shared, and the
 * number of sentences shown is announced. A statement none of whose sentences is
 * shown is hidden with its heading, and so is a column that no sentence shown fills.
 * The menus offer only kinds and topics that some sentence has (the page is made
 * so); a kind and a topic that no sentence has together empty the list: the
 * announcement then says so, and "Show all sentences" clears the choice.
 */
(function () {
  "use strict";

  var FILTERS = ["kind", "topic"];

  function chosen(select) {
    return select.options[select.selectedIndex].textContent;
  }

  function matches(row, kind, topic) {
    return (!kind || row.dataset.kind === kind) &&
      (!topic || row.dataset.topics.split(" ").indexOf(topic) >= 0);
  }

  /* Hide each column but the sentence's whose cells are empty in every row shown. */
  function fitColumns(table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var shown = rows.filter(function (row) { return !row.hidden; });
    var heads = table.tHead.rows[0].cells;
    for (var column = 1; column < heads.length; column += 1) {
      var empty = shown.every(function (row) { return !row.cells[column].textContent.trim(); });
      heads[column].hidden = empty;
      rows.forEach(function (row) { row.cells[column].hidden = empty; });
    }
  }

  function apply(form, groups) {
    var kind = form.elements.kind.value;
    var topic = form.elements.topic.value;
    var shown = 0;
    var total = 0;
    groups.forEach(function (group) {
      var table = group.querySelector("table.stmt-sentences");
      var shownHere = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var visible = matches(row, kind, topic);
        row.hidden = !visible;
        shownHere += visible ? 1 : 0;
        total += 1;
      });
      group.hidden = !shownHere;
      fitColumns(table);
      shown += shownHere;
    });
    var count = form.querySelector(".stmt-filter-count");
    if (shown) {
      count.textContent = shown + " of " + total + " sentences";
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
    var groups = Array.prototype.slice.call(document.querySelectorAll(".stmt-sentence-group"));
    if (!form || !groups.length || form.dataset.ready) {
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
    form.addEventListener("change", function () { apply(form, groups); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".stmt-filter-clear").addEventListener("click", function () {
      FILTERS.forEach(function (name) { form.elements[name].value = ""; });
      apply(form, groups);
      form.elements.kind.focus();
    });
    form.hidden = false;
    apply(form, groups);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
