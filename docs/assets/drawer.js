/*
 * The navigation drawer of a tablet or a phone, for the keyboard.
 *
 * Below 76.25em (1220 px), Material's navigation (.md-sidebar--primary) is a drawer
 * that slides in when its checkbox #__drawer is checked; closed, it stands out of
 * sight, to the left of the screen, yet its links would still take the focus: Tab
 * would walk through a dozen links no one can see (WCAG 2.4.7, 2.4.11). So:
 *
 * - a closed drawer is inert: it takes no focus and is read by no screen reader;
 *   this follows the checkbox, however it changes (the header's button, the
 *   overlay, Material closing it when the page changes), and the width;
 * - in the open drawer, Material shows one panel at a time (a section opened slides
 *   over the list it belongs to): what the panel on show covers, and the sections
 *   not opened, are inert too; the back arrow of the panel's title is a button, and
 *   opening or leaving a section by the keyboard moves the focus along;
 * - the header's drawer control, a <label> that Material leaves out of the order of
 *   Tab, gets a real <button> inside it, over the whole of it: reached by Tab, named,
 *   with its state (aria-expanded); Enter or Space opens the drawer and puts the
 *   focus on its first control. ARIA in HTML allows no role on a <label>, so the
 *   labels stay labels and Material's checkbox stays the state: each button clicks it;
 * - Escape in the open drawer closes it and gives the focus back to the button; the
 *   focus leaving the drawer (Tab past its last link) closes it too: the page behind
 *   the drawer's overlay is never focused unseen.
 *
 * On a wide screen the navigation is a sidebar, never inert. Without this script the
 * drawer works as Material made it.
 */
(function () {
  "use strict";

  /* Where Material's navigation is a drawer: below its breakpoint of 76.25em. */
  var DRAWER_WIDTHS = window.matchMedia("(max-width: 76.234375em)");
  var TOGGLE_ID = "__drawer";
  var LABEL = ".md-header label.md-header__button[for='" + TOGGLE_ID + "']";
  var BUTTON = LABEL + " > button.stmt-drawer-button";
  var BACK = "stmt-nav-back";
  var PANEL = "nav.md-nav[data-md-level]";
  var FOCUSABLE = "a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])";

  function toggle() {
    return document.getElementById(TOGGLE_ID);
  }

  function drawer() {
    return document.querySelector(".md-sidebar--primary");
  }

  function button() {
    return document.querySelector(BUTTON);
  }

  /**
   * The header's drawer control as a button: a <button> inside Material's label, holding its
   * icon, that clicks the checkbox (a click on a button inside a label does not reach the label).
   */
  function makeButton() {
    var label = document.querySelector(LABEL);
    if (!label || button()) {
      return;
    }
    var control = document.createElement("button");
    control.type = "button";
    control.className = "stmt-drawer-button";
    control.setAttribute("aria-label", "Navigation");
    while (label.firstChild) {
      control.appendChild(label.firstChild);
    }
    label.appendChild(control);
  }

  /**
   * The back arrow of a panel's title (Material's <span class="md-nav__icon">, in a <label> that
   * closes the section) as a button named after where it goes back to, the list the section is in.
   */
  function backButton(title) {
    var existing = title.querySelector(":scope > button." + BACK);
    if (existing) {
      return existing;
    }
    var icon = title.querySelector(":scope > .md-nav__icon");
    var back = document.createElement("button");
    back.type = "button";
    back.className = (icon ? icon.className + " " : "") + BACK;
    back.setAttribute("aria-label", "Back: " + title.textContent.trim());
    back.setAttribute("data-for", title.getAttribute("for") || "");
    if (icon) {
      icon.replaceWith(back);
    } else {
      title.prepend(back);
    }
    return back;
  }

  function isOpen() {
    var box = toggle();
    return Boolean(box && box.checked);
  }

  /** The section of a panel: the checkbox that opens it. */
  function panelToggle(panel) {
    return panel.parentElement.querySelector(":scope > input.md-nav__toggle");
  }

  /** The panels of sections directly under ``panel`` (not those inside them). */
  function childPanels(panel) {
    return Array.prototype.filter.call(panel.querySelectorAll(PANEL), function (child) {
      return child.parentElement.closest(PANEL + ", .md-nav--primary") === panel;
    });
  }

  /** The panel on show in the open drawer: the deepest section opened, or the whole navigation. */
  function shownPanel(root) {
    var panel = root;
    for (;;) {
      var open = childPanels(panel).filter(function (child) {
        var box = panelToggle(child);
        return box && box.checked;
      });
      if (open.length === 0) {
        return panel;
      }
      panel = open[0];
    }
  }

  /**
   * In the open drawer, Material shows one panel at a time: the section opened slides over
   * the list it belongs to, and the sections not opened wait beside the drawer. All but the
   * panel on show is inert; its title, which goes back to the list, is a button.
   */
  function markPanels(nav) {
    nav.querySelectorAll("[inert]").forEach(function (element) {
      element.inert = false;
    });
    var root = nav.querySelector(".md-nav--primary");
    if (!root || !DRAWER_WIDTHS.matches) {
      return;
    }
    var shown = shownPanel(root);
    for (var node = shown; node !== root; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node) {
          sibling.inert = true;
        }
      });
    }
    childPanels(shown).forEach(function (child) {
      child.inert = true;
    });
    var title = shown === root ? null : shown.querySelector(":scope > label.md-nav__title");
    if (title) {
      backButton(title);
    }
    /* The open section's own entry, which Material leaves out of the order of Tab, is where
       the focus goes back to. */
    root.querySelectorAll("label.md-nav__link[for][tabindex='']").forEach(function (label) {
      label.setAttribute("tabindex", "0");
    });
  }

  /** Make the drawer inert while it is a closed drawer, and the button say whether it is open. */
  function update() {
    var nav = drawer();
    if (nav) {
      markPanels(nav);
      nav.inert = DRAWER_WIDTHS.matches && !isOpen();
    }
    makeButton();
    var control = button();
    if (control) {
      control.setAttribute("aria-expanded", String(isOpen()));
    }
  }

  /** Open or close the drawer as Material does: by its checkbox, whose change Material follows. */
  function setOpen(open) {
    var box = toggle();
    if (box && box.checked !== open) {
      box.click();
    }
  }

  /** The first control in ``container`` that the keyboard can reach, or null. */
  function firstFocusable(container) {
    var found = Array.prototype.find.call(container.querySelectorAll(FOCUSABLE), function (element) {
      return !element.closest("[inert]") && element.getClientRects().length > 0;
    });
    return found || null;
  }

  function closeAndReturn() {
    setOpen(false);
    var control = button();
    if (control) {
      control.focus();
    }
  }

  /* Opened by the keyboard: the focus then goes into the drawer. */
  var openedByKey = false;

  document.addEventListener("change", function (event) {
    var target = event.target;
    var nav = drawer();
    if (target && target.id === TOGGLE_ID) {
      update();
      var first = openedByKey && isOpen() && nav ? firstFocusable(nav) : null;
      openedByKey = false;
      if (first) {
        first.focus({ preventScroll: true });
      }
    } else if (target && nav && nav.contains(target) && target.matches("input.md-nav__toggle")) {
      var hadFocus = nav.contains(document.activeElement);
      update();
      if (hadFocus && DRAWER_WIDTHS.matches) {
        /* Opened: the focus goes to the new panel's first control; closed: back to its section. */
        var panel = target.parentElement.querySelector(":scope > " + PANEL);
        var next = target.checked && panel ? firstFocusable(panel)
          : nav.querySelector("label.md-nav__link[for='" + target.id + "']");
        if (next) {
          next.focus({ preventScroll: true });
        }
      }
    }
  });

  /* The buttons click the checkboxes their labels are for: the header's opens or closes the drawer,
     a panel title's back arrow closes its section. */
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var control = button();
    var back = target && target.closest("button." + BACK);
    if (control && target && control.contains(target)) {
      event.preventDefault();
      setOpen(!isOpen());
    } else if (back) {
      event.preventDefault();
      var box = document.getElementById(back.getAttribute("data-for") || "");
      if (box) {
        box.click();
      }
    }
  });

  /*
   * Material clicks the focused <label> on Enter (its keyboard handler, on the window, after
   * this one); Space, which a button answers too, is done here for the section's own entry.
   * Escape in the open drawer closes it.
   */
  document.addEventListener("keydown", function (event) {
    var control = button();
    var nav = drawer();
    var target = event.target;
    var onButton = control && target === control;
    var onLabel = nav && nav.contains(target) && target.matches("label[tabindex]");
    if (onButton && (event.key === "Enter" || event.key === " ")) {
      openedByKey = !isOpen();
    }
    if (onLabel && event.key === " ") {
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && DRAWER_WIDTHS.matches && isOpen() && nav && nav.contains(target)) {
      event.preventDefault();
      closeAndReturn();
    }
  });

  document.addEventListener("pointerdown", function () {
    openedByKey = false;
  });

  /* The focus leaving the open drawer (Tab past its last link) closes it, so that where the focus
     goes is not under the drawer's overlay; the drawer's own button keeps it open. */
  document.addEventListener("focusin", function (event) {
    var nav = drawer();
    if (!DRAWER_WIDTHS.matches || !isOpen() || !nav || nav.contains(event.target) || event.target === button()) {
      return;
    }
    if (nav.contains(event.relatedTarget)) {
      setOpen(false);
    }
  });

  DRAWER_WIDTHS.addEventListener("change", update);

  /* Material's instant navigation replaces the drawer with the new page's: mark each one. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
