/*
 * Reading, linking and citing on statement pages.
 *
 * - The statement (by its title), every paragraph and every sentence has one "Cite"
 *   control. It opens a small menu: copy the permanent link, a citation in each style
 *   the page offers (OSCOLA, Chicago, APA: made at build time by a CSL processor, the
 *   reader's today filled in as the accessed date; put on the clipboard as text and as
 *   HTML, which keeps APA's italics in a word processor), the quoted words with their
 *   short reference (a paragraph or sentence), a Markdown link, or report an error.
 *   Feedback is shown in the menu and announced to screen readers.
 * - Copying from the statement's text copies its official words only: never a paragraph
 *   or sentence number, a "Cite" control or a note, however the selection was made; a
 *   triple click selects a paragraph's words, and nothing else.
 * - Hovering or focusing a sentence's note highlights the sentence, and the other
 *   way round.
 * - The paragraph or sentence named by the URL fragment is marked, also after
 *   Material's instant navigation and back/forward; following a link within the
 *   page moves the keyboard focus there, so the next Tab goes on from it.
 * - Short references typed by a reader (#3, #p3, #para3, #3.1, #3-1) are replaced
 *   by the canonical anchor (#para_3, #para_3__cmt_1), without a server; a retired
 *   anchor is replaced by its successor; a reference to nothing says so, and what there is instead.
 * - A printed page says when it was printed, from which edition and address.
 *
 * The statement page itself is complete without this script: anchors, ¶ links,
 * sentence numbers and the official text are plain HTML and CSS.
 */
(function () {
  "use strict";

  /*
   * The edition's rules, from its code (data/edition-rules.js, made by edition/site/scriptrules.py):
   * - the anchors of paragraphs and sentences: a sentence's number is 1, 2, ..., or one given to a
   *   sentence inserted after publication: 1A, A1;
   * - what a reader may type for a paragraph or sentence, the anchors themselves included: "3", "p3",
   *   "para 3", "§3", "3.1", "3-1", "3/c1", "3.a1" (edition/anchors.py, short_reference). It reads numbers
   *   that no anchor has too ("3.0", "0", "03"), so that a reference to nothing can say what there is instead;
   * - the stand-ins a citation holds (the accessed date; a part's pinpoint and anchor), and what goes in their place.
   */
  var RULES = window.EDITION_RULES;
  var ANCHORS = RULES.anchors;
  var PARAGRAPH = new RegExp(ANCHORS.paragraph);
  var SENTENCE = new RegExp(ANCHORS.sentence);
  var SHORT = new RegExp(ANCHORS.shortReference);
  var LEADING_ZEROS = new RegExp(ANCHORS.leadingZeros);
  var DATES = RULES.citations;
  /*
   * ASCII punctuation that a Markdown renderer (CommonMark, GFM, or a common extension) may read as
   * markup in a link's text: each is written with a backslash, which CommonMark renders as the
   * character itself. Left as they are, because no renderer reads them inside a link's text (a list
   * or a heading starts a line, and the text follows "[") and citations are full of them: , . - : ; / ? % ' "
   */
  var MARKDOWN_MARKUP = /[!#$&()*+<=>@[\\\]^_`{|}~]/g;
  /* What a Markdown link's address may not hold as it is: it would end the address or start a title. */
  var MARKDOWN_URL_UNSAFE = /[\x00-\x20\x7f()<>\\]/g;
  var FEEDBACK_MS = 2000;
  var TARGET_CLASS = "stmt-target";
  var PAIRED_CLASS = "stmt-paired";

  /** The statement header of the current page, or null on other pages. */
  function statementHeader() {
    return document.querySelector(".stmt-header[data-citation]");
  }

  /** The page's permanent address, as the page gives it (or this page, without query or fragment). */
  function pageAddress() {
    var address = document.querySelector(".stmt-header a.stmt-address");
    return address ? address.href : location.origin + location.pathname;
  }

  /** The anchor of paragraph ``paragraph``, or of its sentence ``sentence`` when one is given. */
  function anchorOf(paragraph, sentence) {
    return ANCHORS.paragraphPrefix + paragraph + (sentence ? ANCHORS.sentenceSeparator + sentence : "");
  }

  /**
   * The paragraph and sentence that a fragment refers to, as anchors write their numbers
   * ({paragraph: "3", sentence: "1A"}, sentence "" for a paragraph), whether or not the page
   * has them; null when the fragment is no reference to a paragraph or sentence.
   */
  function reference(fragment) {
    var match = SHORT.exec(fragment);
    if (!match) {
      return null;
    }
    return { paragraph: withoutLeadingZeros(match[1]), sentence: match[2] ? sentenceNumber(match[2]) : "" };
  }

  /** The anchor that a fragment refers to (which the page may not have), or null. */
  function canonicalAnchor(fragment) {
    var referred = reference(fragment);
    return referred && anchorOf(referred.paragraph, referred.sentence);
  }

  /** Digits without the zeros before them, kept as written however many: "03" is "3", "00" is "0". */
  function withoutLeadingZeros(written) {
    return written.replace(LEADING_ZEROS, "");
  }

  /** A sentence number as anchors write it: "01a" is "1A", "a1" is "A1". */
  function sentenceNumber(written) {
    return withoutLeadingZeros(written).toUpperCase();
  }

  /**
   * The pinpoint of an anchor in a citation (edition/site/citations.py, pinpoint): "3" or "3, sentence 1";
   * "" for the statement ("" anchor).
   */
  function citedPinpoint(anchor) {
    var sentence = SENTENCE.exec(anchor);
    var paragraph = PARAGRAPH.exec(anchor);
    return sentence ? DATES.sentencePinpoint.replace("{paragraph}", sentence[1]).replace("{sentence}", sentence[2]) :
      paragraph ? paragraph[1] : "";
  }

  /** The pinpoint of an anchor in the short reference: "para. 3" or "para. 3, sentence 1"; "" for the statement. */
  function pinpoint(anchor) {
    var part = citedPinpoint(anchor);
    return part && DATES.shortPinpoint.replace("{pinpoint}", part);
  }

  /** The short reference of ``anchor``: the statement's title, place and date, then the pinpoint if any. */
  function shortReference(header, anchor) {
    var part = pinpoint(anchor);
    return header.getAttribute("data-citation") + (part ? ", " + part : "");
  }

  /** How a reader names an anchor: "paragraph 3", "sentence 3.1", or "this statement". */
  function spoken(anchor) {
    var sentence = SENTENCE.exec(anchor);
    var paragraph = PARAGRAPH.exec(anchor);
    return sentence ? "sentence " + sentence[1] + ANCHORS.numberSeparator + sentence[2] :
      paragraph ? "paragraph " + paragraph[1] : "this statement";
  }

  /** The official words of a paragraph's or sentence's anchor, as the page shows them; "" for another anchor. */
  function wordsOf(anchor) {
    var paragraph = PARAGRAPH.exec(anchor);
    var element = paragraph ? document.querySelector(".stmt-para[data-para='" + paragraph[1] + "'] .stmt-text") :
      SENTENCE.test(anchor) && document.getElementById(anchor);
    return element ? element.textContent : "";
  }

  /** ``text`` as the text of a Markdown link, which a CommonMark renderer shows as written, never as markup. */
  function markdownText(text) {
    return text.replace(MARKDOWN_MARKUP, "\\$&");
  }

  /** ``url`` as the address of a Markdown link: what would end it or start a title is percent-encoded. */
  function markdownUrl(url) {
    return url.replace(MARKDOWN_URL_UNSAFE, function (character) {
      return "%" + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
    });
  }

  /** Today's date as a date order writes it: "2 December 2026" or "December 2, 2026". */
  function today(order) {
    var now = new Date();
    var parts = { day: now.getDate(), month: DATES.months[now.getMonth()], year: now.getFullYear() };
    return DATES.dateForms[order].replace(/\{(day|month|year)\}/g, function (field, name) {
      return String(parts[name]);
    });
  }

  /**
   * The citations made at build time (edition/site/citations.py, citation_data), as text and as HTML: the
   * statement's, and a part's, holding stand-ins for a paragraph's or sentence's pinpoint and anchor; or none.
   */
  function citationData() {
    var none = { styles: [] };
    var holder = document.getElementById("stmt-citations");
    if (!holder) {
      return none;
    }
    try {
      return JSON.parse(holder.getAttribute("data-citations"));
    } catch (error) {
      return none;
    }
  }

  /**
   * The citation of ``anchor`` ("" for the statement) in ``style`` and ``form`` ("text" or "html"), the
   * reader's today as its accessed date; "" when the page has none. A part's citation gets the anchor's
   * pinpoint and the anchor itself in place of their stand-ins (neither holds a character HTML escapes).
   */
  function citationOf(data, anchor, style, form) {
    var cited = ((anchor ? data.part : data.statement) || {})[form] || {};
    var text = cited[style.id] || "";
    if (anchor) {
      text = text.split(DATES.pinpoint).join(citedPinpoint(anchor)).split(DATES.anchor).join(anchor);
    }
    return text.split(DATES.accessed).join(today(style.date));
  }

  /** What the menu of ``anchor`` ("" for the statement) offers: [{label, done, text, html}] to copy, in order. */
  function copyChoices(header, anchor) {
    var link = pageAddress() + (anchor ? "#" + anchor : "");
    var short = shortReference(header, anchor);
    var data = citationData();
    var choices = [{ label: "Copy link", done: "Link copied", text: link }];
    data.styles.forEach(function (style) {
      var text = citationOf(data, anchor, style, "text");
      if (text) {
        choices.push({
          label: "Copy citation: " + style.label,
          done: style.label + " citation copied",
          text: text,
          html: citationOf(data, anchor, style, "html")
        });
      }
    });
    if (choices.length === 1) {
      choices.push({ label: "Copy citation", done: "Citation copied", text: short + ", " + link });
    }
    var words = wordsOf(anchor);
    if (words) {
      /* The words, then the citation, as Bible sites copy a verse. */
      choices.push({
        label: "Copy quote with citation",
        done: "Quote with citation copied",
        text: "“" + words + "”\n" + short + ", " + link
      });
    }
    choices.push({
      label: "Copy Markdown link",
      done: "Markdown link copied",
      text: "[" + markdownText(short) + "](" + markdownUrl(link) + ")"
    });
    return choices;
  }

  /** Where to report an error in ``anchor``: a prefilled report when the site names a tracker. */
  function reportAddress(anchor) {
    var tracker = document.querySelector('meta[name="stmt-report-url"]');
    var link = pageAddress() + (anchor ? "#" + anchor : "");
    if (!tracker || !tracker.content) {
      var about = document.querySelector(".stmt-header a.stmt-report");
      return about ? about.href : link;
    }
    var title = "Error in " + document.title.split(" - ")[0] + (anchor ? ", " + pinpoint(anchor) : "");
    var body = "Page: " + link + "\n\nWhat is wrong, and what the official text says:\n";
    return tracker.content + "?title=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(body);
  }

  /**
   * Writes ``text`` to the clipboard, and ``html`` beside it when given (a word processor pastes the
   * HTML, a plain text field the text); falls back to a hidden text area outside secure contexts.
   */
  function writeClipboard(text, html) {
    if (html && navigator.clipboard && navigator.clipboard.write && window.ClipboardItem && window.isSecureContext) {
      return navigator.clipboard.write([new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      })]);
    }
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

  /* --- The menu: one panel, opened under the control that asks for it ------------------------ */

  var menu = null;

  function closeMenu(returnFocus) {
    if (!menu || menu.hidden) {
      return;
    }
    var control = document.querySelector("button.stmt-cite[aria-expanded='true']");
    menu.hidden = true;
    if (control) {
      control.setAttribute("aria-expanded", "false");
      if (returnFocus) {
        control.focus();
      }
    }
  }

  function menuItem(choice, anchor) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "stmt-menu-item";
    button.textContent = choice.label;
    button.addEventListener("click", function () {
      writeClipboard(choice.text, choice.html).then(
        function () { feedback(button, "Copied", choice.done + ": " + spoken(anchor)); },
        function () { feedback(button, "Copy failed", "Copy failed: select and copy the text by hand"); }
      );
    });
    return button;
  }

  function feedback(button, shown, message) {
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    window.clearTimeout(Number(button.dataset.timer || 0));
    button.textContent = shown + " ✓";
    button.classList.add("stmt-menu-item--done");
    announce(message);
    button.dataset.timer = String(window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("stmt-menu-item--done");
    }, FEEDBACK_MS));
  }

  function openMenu(control, header) {
    closeMenu(false);
    var anchor = control.dataset.anchor;
    if (!menu) {
      menu = document.createElement("div");
      menu.id = "stmt-menu";
      menu.className = "stmt-menu";
      menu.setAttribute("role", "group");
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.preventDefault();
          closeMenu(true);
        }
      });
      menu.addEventListener("focusout", function (event) {
        if (!event.relatedTarget || (!menu.contains(event.relatedTarget) &&
            !event.relatedTarget.matches("button.stmt-cite[aria-expanded='true']"))) {
          closeMenu(false);
        }
      });
    }
    menu.textContent = "";
    menu.setAttribute("aria-label", "Link and cite " + spoken(anchor));
    copyChoices(header, anchor).forEach(function (choice) {
      menu.appendChild(menuItem(choice, anchor));
    });
    var report = document.createElement("a");
    report.className = "stmt-menu-item";
    report.href = reportAddress(anchor);
    report.textContent = "Report an error";
    menu.appendChild(report);
    control.after(menu);
    menu.hidden = false;
    placeMenu(control);
    control.setAttribute("aria-expanded", "true");
    menu.querySelector(".stmt-menu-item").focus({ preventScroll: true });
  }

  /* --- Where the menu opens: inside the window, never over the paragraph's number -------------- */

  var MENU_GAP_PX = 4;
  var WINDOW_MARGIN_PX = 8;

  /** The bottom of Material's sticky header: what stands above it is hidden. */
  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /**
   * Places the open menu by ``control``: over the text column, not the numbers' column (so
   * that it never covers a paragraph's number), below the control or, where the window has no
   * room below, above it; within the window's width, and within its height where it fits.
   */
  function placeMenu(control) {
    menu.style.left = "0px";
    menu.style.top = "0px";
    var origin = menu.getBoundingClientRect(); /* its containing block, in the window's coordinates */
    var box = control.getBoundingClientRect();
    var paragraph = control.closest(".stmt-para");  /* none for "Cite this statement" */
    var text = (paragraph ? paragraph.querySelector(".stmt-text") : control).getBoundingClientRect();
    var width = menu.offsetWidth;
    var height = menu.offsetHeight;
    var right = document.documentElement.clientWidth - WINDOW_MARGIN_PX;
    var left = Math.max(text.left, Math.min(box.left, right - width));
    left = Math.max(WINDOW_MARGIN_PX, Math.min(left, right - width));
    var top = box.bottom + MENU_GAP_PX;
    var roomAbove = box.top - MENU_GAP_PX - headerBottom();
    if (top + height > window.innerHeight - WINDOW_MARGIN_PX && roomAbove >= height) {
      top = box.top - MENU_GAP_PX - height;
    }
    menu.style.left = Math.round(left - origin.left) + "px";
    menu.style.top = Math.round(top - origin.top) + "px";
    var below = menu.getBoundingClientRect().bottom - (window.innerHeight - WINDOW_MARGIN_PX);
    if (below > 0) {
      window.scrollBy(0, below); /* no room above either: the page scrolls the menu into the window */
    }
  }

  /** Makes ``button`` the control that opens the Cite menu of ``anchor`` (of the statement: ""). */
  function makeCiteControl(button, anchor) {
    button.dataset.anchor = anchor;
    button.setAttribute("aria-label", "Cite " + spoken(anchor));
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "stmt-menu");
    return button;
  }

  /** The one control of a paragraph or sentence. */
  function citeControl(anchor) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "stmt-cite";
    button.textContent = "Cite";
    return makeCiteControl(button, anchor);
  }

  /* --- Decorating the page --------------------------------------------------------------------- */

  function pairWith(element) {
    if (element.matches("li[data-sentence]")) {
      return document.getElementById(element.dataset.sentence);
    }
    return document.querySelector("li[data-sentence='" + element.id + "']");
  }

  function pairing(on) {
    return function (event) {
      var element = event.target instanceof Element && event.target.closest("li[data-sentence], .stmt-cmt[id]");
      var pair = element && pairWith(element);
      if (pair) {
        element.classList.toggle(PAIRED_CLASS, on);
        pair.classList.toggle(PAIRED_CLASS, on);
      }
    };
  }

  function printedLine(header) {
    var line = document.createElement("p");
    line.className = "stmt-printed";
    var site = document.querySelector('meta[property="og:site_name"]');
    function fill() {
      line.textContent = "Printed on " + today(DATES.editionOrder) + " from " + (site ? site.content : location.host) +
        ", " + pageAddress();
    }
    fill();
    window.addEventListener("beforeprint", fill);
    header.appendChild(line);
  }

  /**
   * Makes "Cite this statement" work; adds the Cite controls of the paragraphs and sentences, the live region,
   * the pairing of notes and sentences, and the print line.
   */
  function decorate(header) {
    if (header.dataset.decorated) {
      return;
    }
    header.dataset.decorated = "true";
    /* "Cite this statement" stands in the page from its first paint (edition/site/pages.py): made to work here. */
    var whole = header.querySelector(".stmt-lead button.stmt-cite-statement");
    if (whole) {
      makeCiteControl(whole, "").hidden = false;
    }
    document.querySelectorAll(".stmt-para").forEach(function (body) {
      var number = body.querySelector(".stmt-num");
      number.after(citeControl(anchorOf(body.dataset.para)));
      body.querySelectorAll(".stmt-notes li[data-sentence]").forEach(function (note) {
        note.appendChild(citeControl(note.dataset.sentence));
      });
    });
    var region = document.createElement("p");
    region.id = "stmt-announcer";
    region.className = "stmt-visually-hidden";
    region.setAttribute("aria-live", "polite");
    header.appendChild(region);
    printedLine(header);
    var report = header.querySelector("a.stmt-report");
    if (report) {
      report.href = reportAddress("");
    }
    var article = header.closest("article");
    article.addEventListener("click", function (event) {
      var control = event.target.closest("button.stmt-cite");
      if (control) {
        if (control.getAttribute("aria-expanded") === "true") {
          closeMenu(true);
        } else {
          openMenu(control, header);
        }
      }
    });
    article.addEventListener("mouseover", pairing(true));
    article.addEventListener("mouseout", pairing(false));
    article.addEventListener("focusin", pairing(true));
    article.addEventListener("focusout", pairing(false));
  }

  /* --- Copying the official words ---------------------------------------------------------------- */

  /**
   * The official words within ``range``: the part of each paragraph's text (.stmt-text) that it
   * covers, paragraphs separated by a blank line; null when it covers none. Sentence numbers are
   * drawn by CSS, so they are no text of the page; numbers, controls, headings and notes stand
   * outside the paragraphs' text.
   */
  function officialWords(range) {
    var parts = Array.prototype.filter.call(document.querySelectorAll(".stmt-text"), function (text) {
      return range.intersectsNode(text);
    }).map(function (text) {
      var part = document.createRange();
      part.selectNodeContents(text);
      if (part.compareBoundaryPoints(Range.START_TO_START, range) < 0) {
        part.setStart(range.startContainer, range.startOffset);
      }
      if (part.compareBoundaryPoints(Range.END_TO_END, range) > 0) {
        part.setEnd(range.endContainer, range.endOffset);
      }
      return part.toString();
    }).filter(function (words) {
      return words !== "";
    });
    return parts.length ? parts.join("\n\n") : null;
  }

  /* A copy that reaches into the statement's text copies its words only. */
  document.addEventListener("copy", function (event) {
    var selection = window.getSelection();
    if (!statementHeader() || !selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData) {
      return;
    }
    var words = officialWords(selection.getRangeAt(0));
    if (words !== null) {
      event.clipboardData.setData("text/plain", words);
      event.preventDefault();
    }
  });

  /* A triple click in a paragraph selects its words, from the first to the last, and nothing else. */
  document.addEventListener("click", function (event) {
    var text = event.detail === 3 && event.target instanceof Element && event.target.closest(".stmt-text");
    if (text) {
      var range = document.createRange();
      range.selectNodeContents(text);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });

  window.addEventListener("resize", function () {
    var control = document.querySelector("button.stmt-cite[aria-expanded='true']");
    if (menu && !menu.hidden && control) {
      placeMenu(control);
    }
  });

  document.addEventListener("click", function (event) {
    if (menu && !menu.hidden && event.target instanceof Element &&
        !event.target.closest("#stmt-menu, button.stmt-cite")) {
      closeMenu(false);
    }
  });

  /* --- Arriving by a link ---------------------------------------------------------------------- */

  /** The numbers of the statement's paragraphs, in order, as their anchors write them. */
  function paragraphNumbers() {
    return Array.prototype.map.call(document.querySelectorAll(".stmt-para"), function (body) {
      return body.dataset.para;
    });
  }

  /** The numbers of paragraph ``paragraph``'s sentences, in order, as their anchors write them. */
  function sentenceNumbers(paragraph) {
    return Array.prototype.map.call(document.querySelectorAll("li[data-sentence]"), function (note) {
      return SENTENCE.exec(note.dataset.sentence);
    }).filter(function (sentence) {
      return sentence && sentence[1] === paragraph;
    }).map(function (sentence) {
      return sentence[2];
    });
  }

  /** "first to last" of ``numbers``, each written after ``prefix``: "1 to 4", "3.A1 to 3.3". */
  function span(prefix, numbers) {
    return prefix + numbers[0] + " to " + prefix + numbers[numbers.length - 1];
  }

  /** What the notice says for a fragment that names nothing on the page: what is missing, and what there is. */
  function missingText(fragment) {
    var referred = reference(fragment);
    var paragraphs = paragraphNumbers();
    if (!referred) {
      return "Nothing on this page is called “#" + fragment + "”: the link may be mistyped. This statement's " +
        "paragraphs are " + span("", paragraphs) + ".";
    }
    if (referred.sentence && paragraphs.indexOf(referred.paragraph) >= 0) {
      return "Paragraph " + referred.paragraph + " has no sentence " + referred.sentence + ": its sentences are " +
        span(referred.paragraph + ANCHORS.numberSeparator, sentenceNumbers(referred.paragraph)) + ".";
    }
    return "This statement has no paragraph " + referred.paragraph + ": its paragraphs are " +
      span("", paragraphs) + ".";
  }

  /** Says that the fragment names nothing on the page, and what there is instead; "" takes the notice away. */
  function sayMissing(fragment) {
    var notice = document.getElementById("stmt-missing");
    if (!fragment) {
      if (notice) {
        notice.remove();
      }
      return;
    }
    if (!notice) {
      notice = document.createElement("p");
      notice.id = "stmt-missing";
      notice.className = "stmt-missing";
      notice.setAttribute("role", "alert");
      document.getElementById("title").after(notice);
    }
    notice.textContent = missingText(fragment);
  }

  /** The address's fragment, percent-decoded; as it is written when it is no valid percent-encoding. */
  function addressFragment() {
    var written = location.hash.slice(1);
    try {
      return decodeURIComponent(written);
    } catch (error) {
      return written;
    }
  }

  /** Replaces a short reference in the fragment by its canonical anchor; returns the element named. */
  function resolveFragment() {
    var fragment = addressFragment();
    if (!fragment) {
      sayMissing("");
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
      element = anchor ? document.getElementById(anchor) : document.getElementById("title");
    }
    sayMissing(element ? "" : fragment);
    if (element && anchor !== fragment) {
      history.replaceState(history.state, "", location.pathname + location.search + (anchor ? "#" + anchor : ""));
      element.scrollIntoView();
    }
    return element;
  }

  /** Marks the targeted paragraph or sentence, and nothing else; returns the element named. */
  function markTarget() {
    document.querySelectorAll("." + TARGET_CLASS).forEach(function (element) {
      element.classList.remove(TARGET_CLASS);
    });
    var element = resolveFragment();
    if (!element || !(PARAGRAPH.test(element.id) || SENTENCE.test(element.id))) {
      return element;
    }
    element.classList.add(TARGET_CLASS);
    if (PARAGRAPH.test(element.id)) {
      var body = element.nextElementSibling;
      if (body && body.classList.contains("stmt-para")) {
        body.classList.add(TARGET_CLASS);
      }
    }
    return element;
  }

  /** Whether no part of ``element`` is on screen. */
  function offScreen(element) {
    var box = element.getBoundingClientRect();
    return box.bottom <= 0 || box.top >= window.innerHeight;
  }

  /** Moves the keyboard's focus to ``element`` without scrolling, so that Tab goes on from there. */
  function focusOn(element) {
    if (!element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus({ preventScroll: true });
  }

  /*
   * When a reader follows a link within the page (the table of contents, "Skip to
   * content", a ¶), Material's instant navigation replaces the page's content, and the
   * focus with it: the next Tab went back to the top. The link's target takes the
   * focus instead, once the content is in place, so that Tab goes on from there.
   */
  var FOCUS_WITHIN_MS = 5000;
  var followedAt = 0;

  function focusFollowedTarget(element) {
    if (element && Date.now() - followedAt < FOCUS_WITHIN_MS) {
      focusOn(element);
    }
  }

  function onPage() {
    var header = statementHeader();
    if (!header) {
      return;
    }
    decorate(header);
    focusFollowedTarget(markTarget());
    followedAt = 0;
    /*
     * The address names a paragraph or sentence: make sure it is on screen once
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

  /* A link followed within the page (the table of contents, "Skip to content", a ¶): focus follows. */
  function onHashChange() {
    if (!statementHeader()) {
      return;
    }
    closeMenu(false);
    focusFollowedTarget(markTarget());
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

  /* Material follows links within the page itself (instant navigation), without a hashchange. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href*='#']");
    if (link && link.pathname === location.pathname && link.origin === location.origin) {
      followedAt = Date.now();
      window.setTimeout(onHashChange, 0);
    }
  }, true);
  window.addEventListener("hashchange", onHashChange);
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
