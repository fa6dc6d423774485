/*
 * Tables wider than the screen scroll sideways inside their own box (Material
 * wraps each Markdown table in .md-typeset__scrollwrap), never the page. A box
 * that scrolls must be reachable by the keyboard, to scroll it with the arrow
 * keys (WCAG 2.1.1; axe-core's rule scrollable-region-focusable): while its table
 * is wider than it, the box is focusable and named after the heading above it.
 * Tables that fit are left as they are, out of the order of Tab.
 */
(function () {
  "use strict";

  function heading(box) {
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        var copy = node.cloneNode(true);
        copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
        return copy.textContent.trim();
      }
    }
    return document.title;
  }

  function mark() {
    document.querySelectorAll(".md-typeset .md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table: " + heading(box) + " (scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  var pending = false;
  window.addEventListener("resize", function () {
    if (!pending) {
      pending = true;
      requestAnimationFrame(function () { pending = false; mark(); });
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
