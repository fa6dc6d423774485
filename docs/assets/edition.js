/*
 * Linking and citing on statement pages.
 *
 * - Every paragraph and every commitment gets three buttons: copy its permanent
 *   link, copy a citation, copy a Markdown link. Feedback is shown on the button
 *   and announced to screen readers.
 * - The paragraph or commitment named by the URL fragment is marked, also after
 *   Material's instant navigation and back/forward.
 * - Short references typed by a reader (#3, #p3, #para3, #3.1, #3-1) are replaced
 *   by the canonical anchor (#para_3, #para_3__cmt_1), without a server; a retired
 *   anchor is replaced by its successor.
 * - The header shows the page's permanent address, for readers and for print.
 *
 * The statement page itself is complete without this script: anchors, ¶ links and
 * the official text are plain HTML.
 */
(function () {
  "use strict";

  var PARAGRAPH = /^para_(\d+)$/;
  var COMMITMENT = /^para_(\d+)__cmt_(\d+)$/;
  /* "3", "p3", "para3", "para 3", "§3", "¶3", "3.1", "3-1", "3_1", "3/1", "p3.1", "para_3.1", "3.c1" */
  var SHORT = /^(?:p|para|para_|paragraph|§|¶)?\s*(\d+)(?:\s*[.\-_/:,]\s*(?:cmt_?|c)?\s*(\d+))?$/i;
  var FEEDBACK_MS = 2000;
  var TARGET_CLASS = "stmt-target";

  /** The statement header of the current page, or null on other pages. */
  function statementHeader() {
    return document.querySelector(".stmt-header[data-citation]");
  }

  /** The page's permanent address: this page, without search highlighting or fragment. */
  function pageAddress() {
    return location.origin + location.pathname;
  }

  /** The canonical anchor that a fragment names, or null. */
  function canonicalAnchor(fragment) {
    if (PARAGRAPH.test(fragment) || COMMITMENT.test(fragment)) {
      return fragment;
    }
    var match = SHORT.exec(fragment.trim());
    if (!match) {
      return null;
    }
    var paragraph = "para_" + Number(match[1]);
    return match[2] ? paragraph + "__cmt_" + Number(match[2]) : paragraph;
  }

  /** What a citation says of an anchor: "para. 3" or "para. 3, commitment 1". */
  function pinpoint(anchor) {
    var commitment = COMMITMENT.exec(anchor);
    if (commitment) {
      return "para. " + commitment[1] + ", commitment " + commitment[2];
    }
    return "para. " + PARAGRAPH.exec(anchor)[1];
  }

  /** How a reader names an anchor: "paragraph 3" or "commitment 3.1". */
  function spoken(anchor) {
    var commitment = COMMITMENT.exec(anchor);
    if (commitment) {
      return "commitment " + commitment[1] + "." + commitment[2];
    }
    return "paragraph " + PARAGRAPH.exec(anchor)[1];
  }

  function markdownText(text) {
    return text.replace(/([\\\[\]])/g, "\\$1");
  }

  function markdownUrl(url) {
    return url.replace(/[()\s]/g, function (character) {
      return "%" + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
    });
  }

  /** The three things a reader can copy for an anchor. */
  function copyTexts(header, anchor) {
    var link = pageAddress() + "#" + anchor;
    var label = header.getAttribute("data-citation") + ", " + pinpoint(anchor);
    return {
      link: link,
      citation: label + ", " + link,
      markdown: "[" + markdownText(label) + "](" + markdownUrl(link) + ")"
    };
  }

  var ACTIONS = [
    { kind: "link", text: "Copy link", name: "Copy link to ", done: "Link copied" },
    { kind: "citation", text: "Cite", name: "Copy citation of ", done: "Citation copied" },
    { kind: "markdown", text: "Markdown", name: "Copy Markdown link to ", done: "Markdown link copied" }
  ];

  /** Writes text to the clipboard; falls back to a hidden text area outside secure contexts. */
  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      (copied ? resolve : reject)(new Error("copy refused"));
    });
  }

  function announce(message) {
    var region = document.getElementById("stmt-announcer");
    if (region) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = message; }, 50);
    }
  }

  function copy(button, header) {
    var action = ACTIONS.filter(function (a) { return a.kind === button.dataset.copy; })[0];
    var anchor = button.dataset.anchor;
    var text = copyTexts(header, anchor)[action.kind];
    writeClipboard(text).then(
      function () { feedback(button, action.done, action.done + ": " + spoken(anchor)); },
      function () { feedback(button, "Copy failed", "Copy failed: select and copy the text by hand"); }
    );
  }

  function feedback(button, shown, message) {
    window.clearTimeout(Number(button.dataset.timer || 0));
    button.textContent = shown;
    button.classList.add("stmt-tool--done");
    announce(message);
    button.dataset.timer = String(window.setTimeout(function () {
      button.textContent = button.dataset.text;
      button.classList.remove("stmt-tool--done");
    }, FEEDBACK_MS));
  }

  /** A group of copy buttons for one anchor. */
  function tools(anchor) {
    var group = document.createElement("span");
    group.className = "stmt-tools";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Link and cite " + spoken(anchor));
    ACTIONS.forEach(function (action) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "stmt-tool";
      button.textContent = action.text;
      button.dataset.text = action.text;
      button.dataset.copy = action.kind;
      button.dataset.anchor = anchor;
      button.setAttribute("aria-label", action.name + spoken(anchor));
      group.appendChild(button);
    });
    return group;
  }

  /** Adds the copy buttons, the live region and the permanent address to a statement page. */
  function decorate(header) {
    if (header.dataset.decorated) {
      return;
    }
    header.dataset.decorated = "true";
    document.querySelectorAll(".stmt-notes").forEach(function (notes) {
      var heading = notes.closest(".stmt-para").previousElementSibling;
      var item = document.createElement("li");
      item.className = "stmt-note-para";
      var label = document.createElement("span");
      label.className = "stmt-para-label";
      label.textContent = "Paragraph " + PARAGRAPH.exec(heading.id)[1];
      item.appendChild(label);
      item.appendChild(tools(heading.id));
      notes.insertBefore(item, notes.firstChild);
      notes.querySelectorAll("a.stmt-cmt-link").forEach(function (link) {
        link.parentElement.appendChild(tools(link.hash.slice(1)));
      });
    });
    var region = document.createElement("p");
    region.id = "stmt-announcer";
    region.className = "stmt-visually-hidden";
    region.setAttribute("aria-live", "polite");
    header.appendChild(region);
    var meta = header.querySelector(".stmt-meta");
    var row = document.createElement("div");
    row.className = "stmt-permanent";
    var term = document.createElement("dt");
    term.textContent = "Permanent address";
    var description = document.createElement("dd");
    var address = document.createElement("a");
    address.href = pageAddress();
    address.textContent = pageAddress();
    description.appendChild(address);
    row.appendChild(term);
    row.appendChild(description);
    meta.appendChild(row);
    header.closest("article").addEventListener("click", function (event) {
      var button = event.target.closest("button.stmt-tool");
      if (button) {
        copy(button, header);
      }
    });
  }

  /** Replaces a short reference in the fragment by its canonical anchor; returns the element named. */
  function resolveFragment() {
    var fragment = "";
    try {
      fragment = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return null;
    }
    if (!fragment) {
      return null;
    }
    var element = document.getElementById(fragment);
    var anchor = fragment;
    if (!element) {
      anchor = canonicalAnchor(fragment);
      element = anchor && document.getElementById(anchor);
    }
    if (element && element.classList.contains("stmt-retired")) {
      /* A retired anchor leads to its successor, or to the top of the statement. */
      anchor = element.dataset.successor;
      element = anchor ? document.getElementById(anchor) : statementHeader();
    }
    if (element && anchor !== fragment) {
      history.replaceState(history.state, "", location.pathname + location.search + (anchor ? "#" + anchor : ""));
      element.scrollIntoView();
    }
    return element;
  }

  /** Marks the targeted paragraph or commitment, and nothing else. */
  function markTarget() {
    document.querySelectorAll("." + TARGET_CLASS).forEach(function (element) {
      element.classList.remove(TARGET_CLASS);
    });
    var element = resolveFragment();
    if (!element || !(PARAGRAPH.test(element.id) || COMMITMENT.test(element.id))) {
      return;
    }
    element.classList.add(TARGET_CLASS);
    if (PARAGRAPH.test(element.id)) {
      var body = element.nextElementSibling;
      if (body && body.classList.contains("stmt-para")) {
        body.classList.add(TARGET_CLASS);
      }
    }
  }

  /** Whether no part of ``element`` is on screen. */
  function offScreen(element) {
    var box = element.getBoundingClientRect();
    return box.bottom <= 0 || box.top >= window.innerHeight;
  }

  function onPage() {
    var header = statementHeader();
    if (!header) {
      return;
    }
    decorate(header);
    markTarget();
    /*
     * The address names a paragraph or commitment: make sure it is on screen once
     * Material has restored its scroll position, which it may take from the page
     * left behind when a link is followed within 100 ms of scrolling.
     */
    window.requestAnimationFrame(function () {
      var target = document.querySelector("[id]." + TARGET_CLASS);
      if (target && offScreen(target)) {
        target.scrollIntoView();
      }
    });
  }

  /*
   * Material's search share button copies the address of the query before the
   * last keystroke (it records the link before updating it); copy the current one.
   * Runs in the capture phase, before the copying handler.
   */
  document.addEventListener("click", function (event) {
    var share = event.target instanceof Element && event.target.closest("[data-md-component='search-share']");
    if (share) {
      share.setAttribute("data-clipboard-text", share.href);
    }
  }, true);

  window.addEventListener("hashchange", onPage);
  window.addEventListener("popstate", function () { window.setTimeout(onPage, 0); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    /* Material emits each page it shows, the first one and every instant navigation. */
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
