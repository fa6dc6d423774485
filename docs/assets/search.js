/*
 * Search: Pagefind's index (built over the site by edition/build/searchindex.py) in a search box
 * of Material's look, in the header bar.
 *
 * - The box (overrides/partials/site-search.html) stands in the header bar from the
 *   first paint: overrides/main.html writes it there, this script makes it work. "/",
 *   "s" or "f" open it, as in Material, and so does its input taking the focus;
 *   Escape closes it, and so does the focus leaving it (Tab); the down and up arrows
 *   go through the results, Enter in the box follows the first.
 * - Pagefind is loaded from the site itself, before the reader searches: its script,
 *   worker, WebAssembly and list of pages once the page has loaded and the browser
 *   is idle, or as soon as the pointer or a finger comes onto the box or the box takes
 *   the focus (warmUp); then, at each key, the chunks of the index that hold the
 *   words typed so far (Pagefind's preload), so that the search, once the reader
 *   stops typing, waits only for the text of the results it shows. A query downloads
 *   those chunks and texts alone, whatever the size of the corpus. Words in
 *   double quotes are searched as an exact phrase; pages that hold the words as
 *   they were typed come before those that hold them apart.
 * - Each result lands on the sentence (its anchor) or, elsewhere, the heading
 *   that holds most of the words searched for: Pagefind records where every
 *   element with an id stands among the words of a page, and where the words
 *   matched. Where as many words stand in an official sentence as in an editorial
 *   heading or the list of documents referred to, the sentence wins, and the
 *   excerpt is its words. Its link carries the words (?highlight=...), which are
 *   marked on the page it opens (Pagefind's pagefind-highlight.js).
 * - The results shown are ranked by where they land: official sentences first,
 *   then a statement's title, then its editorial parts, then the other pages, and
 *   the pages for developers (Pagefind's metadata "audience") last; in each rank,
 *   in Pagefind's order, in which the official words already weigh most
 *   (overrides/main.html, edition/site/pages.py). The ranking needs every result
 *   shown loaded; the first is shown before, when it is sure to stay first.
 * - A result is left out when a word searched for matched nothing on its page but
 *   words that do not begin like it (termsMatched): Pagefind matches a word it does
 *   not know by the longest word of the index that it begins with ("terorism" by
 *   the "te" of "BibTeX"). When nothing is left, the box says "No sentence
 *   matches" and what to try.
 * - Filters by kind of sentence, topic and year narrow the results (Pagefind's
 *   filters, from the statement pages' notes and header); their values load when
 *   the reader asks for them.
 * - A search has an address: ?q=WORDS (and &kind=, &topic=, &year=) opens the box
 *   with that search on any page; the share button copies it.
 * - The list of results names the query it shows (data-query), since results come
 *   as the reader types.
 */
(function () {
  "use strict";

  var QUERY = "q";
  var HIGHLIGHT = "highlight";
  var FILTERS = [
    { name: "kind", label: "Kind", any: "Any kind" },
    { name: "topic", label: "Topic", any: "Any topic" },
    { name: "year", label: "Year", any: "Any year" }
  ];
  var SHOWN = 10;
  /* How the results shown are ranked, by where each lands (see rankOf). */
  var RANK = { sentence: 0, title: 1, editorial: 2, page: 3, developers: 4 };
  /* Pagefind's metadata "audience" of the pages for developers (overrides/main.html). */
  var FOR_DEVELOPERS = "developers";
  /* The anchor of a statement's title (edition/site/pages.py, TITLE_ANCHOR). */
  var TITLE = "title";
  /*
   * A word of the page is taken for a word searched for when it begins with it, or when
   * they begin alike over this share of the word searched for (Pagefind finds words by
   * their stem: "cooperative" finds "cooperation"), and at least MIN_SHARED letters.
   */
  var SHARED_SHARE = 0.4;
  var MIN_SHARED = 3;
  var EXCERPT_WORDS = 24;
  var DEBOUNCE_MS = 120;
  /* The anchors of paragraphs and sentences, from the edition's code (data/edition-rules.js). */
  var SENTENCE = new RegExp(window.EDITION_RULES.anchors.sentence);
  var PARAGRAPH = new RegExp(window.EDITION_RULES.anchors.paragraph);
  var NUMBER_SEPARATOR = window.EDITION_RULES.anchors.numberSeparator;  /* "3.1" (edition/anchors.py, citation) */
  var OPENING_KEYS = ["/", "s", "f"];
  /* Marked on the page a result opens: whole words ("at" not in "NATO"), before any of these. */
  var WORD_LIMITERS = [",", ".", ";", ":", "!", "?", "(", ")", "\"", "'", "’", "“", "”", "/", "-"];

  /* How long the browser may stay busy after the page's load before search is loaded all the same. */
  var IDLE_TIMEOUT_MS = 3000;

  var engine = null;
  var warm = null;
  var filtersShown = null;
  var latest = 0;
  var timer = null;

  /**
   * The site's root (a URL ending in "/"), from Material's configuration of the page first loaded:
   * its "base" is relative to that page, which instant navigation then leaves.
   */
  var ROOT = (function () {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  }());

  /** A file of Pagefind's folder under the site's root (edition/urls.py, SEARCH_INDEX). */
  function pagefindFile(name) {
    return new URL(window.EDITION_RULES.addresses.searchIndex + name, ROOT).href;
  }

  /** Pagefind's API, loaded once from the site itself, with result addresses under the site's root. */
  function pagefind() {
    if (engine === null) {
      engine = import(pagefindFile("pagefind.js")).then(function (api) {
        return api.options({ baseUrl: ROOT.pathname }).then(function () {
          return api;
        });
      });
    }
    return engine;
  }

  function parts() {
    var box = document.querySelector(".stmt-search");
    if (box === null) {
      return null;
    }
    return {
      toggle: document.getElementById("__search"),
      box: box,
      input: box.querySelector(".md-search__input"),
      form: box.querySelector(".md-search__form"),
      share: box.querySelector(".stmt-search-share"),
      filters: box.querySelector(".stmt-search-filters"),
      meta: box.querySelector(".md-search-result__meta"),
      list: box.querySelector(".md-search-result__list")
    };
  }

  function isOpen(search) {
    return search.toggle.checked;
  }

  function open(search) {
    search.toggle.checked = true;
    search.input.focus();
    warmUp();
  }

  /**
   * Pagefind ready to search: its script, worker, WebAssembly and list of pages loaded, once (the index's
   * chunks and the results' texts load with each search). A failure is tried again at the next call.
   */
  function warmUp() {
    if (warm === null) {
      fetchAlongside();
      warm = pagefind().then(function (api) {
        return api.init().then(function () {
          return api;
        });
      });
      warm.catch(function () {
        engine = null;
        warm = null;
      });
    }
    return warm;
  }

  /**
   * Fetch, alongside Pagefind's script, the files it would load only after it: its worker, and the WebAssembly
   * that the worker loads for the page's language (Pagefind's name for it: wasm.LANGUAGE.pagefind). The worker
   * and Pagefind then find them in the browser's cache: three waves of requests become one.
   */
  function fetchAlongside() {
    var language = (document.documentElement.lang || "unknown").toLowerCase().split("-")[0];
    ["pagefind-worker.js", "wasm." + language + ".pagefind"].forEach(function (name) {
      window.fetch(pagefindFile(name)).catch(function () {});
    });
  }

  /** Load Pagefind (warmUp) once the page has loaded and the browser is idle, or has waited IDLE_TIMEOUT_MS. */
  function warmUpWhenIdle() {
    function idle() {
      if (typeof window.requestIdleCallback === "function") {
        window.requestIdleCallback(warmUp, { timeout: IDLE_TIMEOUT_MS });
      } else {
        window.setTimeout(warmUp, 0);
      }
    }
    if (document.readyState === "complete") {
      idle();
    } else {
      window.addEventListener("load", idle, { once: true });
    }
  }

  /** Load the chunks of the index that hold the words typed so far (Pagefind's preload), before the search runs. */
  function preload(search) {
    var words = search.input.value.replace(/"/g, " ").trim();
    if (words) {
      warmUp().then(function (api) {
        return api.preload(words);
      });
    }
  }

  function close(search) {
    search.toggle.checked = false;
    search.input.blur();
  }

  function typingIn(element) {
    return element instanceof HTMLElement &&
      (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (character) {
      return "&#" + character.charCodeAt(0) + ";";
    });
  }

  /** The parts of a word as search sees them: lower case, split at anything but letters and digits. */
  function wordParts(word) {
    return word.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /** How many letters two words begin with alike. */
  function sharedStart(a, b) {
    var length = 0;
    while (length < a.length && length < b.length && a[length] === b[length]) {
      length += 1;
    }
    return length;
  }

  /** Whether ``form`` (a word of the page, or a part of it) is taken for ``term``, a word searched for. */
  function sameWord(form, term) {
    var needed = Math.min(term.length, Math.max(MIN_SHARED, Math.ceil(term.length * SHARED_SHARE)));
    return form.indexOf(term) === 0 || sharedStart(form, term) >= needed;
  }

  /**
   * The words of a query a word of the text matches: each part of the word and the parts
   * run together ("Euro-Atlantic" is "euro", "atlantic" and "euroatlantic"). None: Pagefind
   * matched the word for a word searched for that it does not hold.
   */
  function termsMatched(word, terms) {
    var parts = wordParts(word);
    var forms = parts.length > 1 ? parts.concat([parts.join("")]) : parts;
    return terms.filter(function (term) {
      return forms.some(function (form) {
        return sameWord(form, term);
      });
    });
  }

  /** The words of a query, without quotes, for highlighting. */
  function queryWords(query) {
    return query.replace(/"/g, " ").split(/\s+/).filter(Boolean);
  }

  /** The anchors of a result's page in the order of its words: headings with an id, and sentences. */
  function anchorsOf(data) {
    return data.anchors.filter(function (anchor) {
      return anchor.id && (/^h[1-6]$/i.test(anchor.element) || SENTENCE.test(anchor.id));
    }).sort(function (a, b) {
      return a.location - b.location;
    });
  }

  /** Where an anchor stands on a statement page (one with sentences): its sentences, its title, or the rest. */
  function placeRank(anchor) {
    if (anchor !== null && SENTENCE.test(anchor.id)) {
      return RANK.sentence;
    }
    return anchor !== null && anchor.id === TITLE ? RANK.title : RANK.editorial;
  }

  /**
   * The matched words grouped by the anchor they stand under: for each, its different words
   * (count), its rank (placeRank), its longest run of consecutive matched words (longest,
   * starting at "at"), Pagefind's score and the locations of the words. Matches that are none
   * of the words searched for (termsMatched) are left out; terms holds those that are matched.
   */
  function matchesByAnchor(data, words, terms) {
    var anchors = anchorsOf(data);
    var groups = [];
    var byKey = {};
    var found = {};
    data.weighted_locations.slice().sort(function (a, b) {
      return a.location - b.location;
    }).filter(function (match) {
      return termsMatched(words[match.location] || "", terms).length > 0;
    }).forEach(function (match) {
      var owner = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= match.location; i += 1) {
        owner = anchors[i];
      }
      var key = owner ? owner.id : "";
      var group = byKey[key];
      if (!group) {
        group = {
          anchor: owner, terms: {}, count: 0, rank: placeRank(owner),
          run: 1, longest: 1, at: match.location, score: 0, locations: []
        };
        byKey[key] = group;
        groups.push(group);
      } else if (group.locations[group.locations.length - 1] === match.location - 1) {
        group.run += 1;
        if (group.run > group.longest) {
          group.longest = group.run;
          group.at = match.location - group.run + 1;
        }
      } else {
        group.run = 1;
      }
      termsMatched(words[match.location] || "", terms).forEach(function (term) {
        found[term] = true;
        if (!group.terms[term]) {
          group.terms[term] = true;
          group.count += 1;
        }
      });
      group.score += match.balanced_score;
      group.locations.push(match.location);
    });
    return { groups: groups, anchors: anchors, terms: Object.keys(found) };
  }

  /**
   * Which group is better: more different words, then an official sentence before the title and
   * the title before the editorial parts, then a longer phrase, then Pagefind's score.
   */
  function better(a, b) {
    if (a.count !== b.count) {
      return a.count > b.count;
    }
    if (a.rank !== b.rank) {
      return a.rank < b.rank;
    }
    if (a.longest !== b.longest) {
      return a.longest > b.longest;
    }
    return a.score > b.score;
  }

  /** Whether a page is a statement's: it has sentences. */
  function isStatement(anchors) {
    return anchors.some(function (anchor) {
      return SENTENCE.test(anchor.id);
    });
  }

  /** How a result ranks (RANK) by where it lands: on a statement page, by the place; else, by the page. */
  function rankOf(data, anchors, best) {
    if (isStatement(anchors)) {
      return best ? best.rank : RANK.editorial;
    }
    return (data.meta || {}).audience === FOR_DEVELOPERS ? RANK.developers : RANK.page;
  }

  /**
   * Where a result lands, what the place is called, an excerpt of the words there (HTML), how it
   * ranks (rank), and whether it holds every word searched for (genuine: see termsMatched).
   */
  function landing(data, query) {
    var words = data.content.split(/[\r\n\s]+/g);
    var terms = wordParts(queryWords(query).join(" "));
    var found = matchesByAnchor(data, words, terms);
    var best = null;
    found.groups.forEach(function (group) {
      if (best === null || better(group, best)) {
        best = group;
      }
    });
    var anchor = best ? best.anchor : null;
    var start = anchor ? anchor.location : 0;
    var next = found.anchors.filter(function (other) {
      return other.location > start;
    })[0];
    var end = next ? next.location : words.length;
    var first = best ? best.at : start;
    var from = Math.max(start, Math.min(first - Math.floor(EXCERPT_WORDS / 3), end - EXCERPT_WORDS));
    var to = Math.min(end, from + EXCERPT_WORDS);
    var marked = {};
    (best ? best.locations : []).forEach(function (location) {
      marked[location] = true;
    });
    var excerpt = [];
    for (var i = from; i < to; i += 1) {
      var word = escapeHtml(words[i]);
      excerpt.push(marked[i] ? "<mark>" + word + "</mark>" : word);
    }
    var address = new URL(data.url, window.location.href);
    queryWords(query).forEach(function (word) {
      address.searchParams.append(HIGHLIGHT, word);
    });
    address.hash = anchor ? anchor.id : "";
    return {
      url: address.pathname + address.search + address.hash,
      place: placeName(anchor),
      excerpt: (from > start ? "… " : "") + excerpt.join(" ") + (to < end ? " …" : ""),
      rank: rankOf(data, found.anchors, best),
      genuine: found.terms.length === terms.filter(function (term, at) {
        return terms.indexOf(term) === at;
      }).length
    };
  }

  function placeName(anchor) {
    if (anchor === null) {
      return "";
    }
    var sentence = SENTENCE.exec(anchor.id);
    if (sentence) {
      return "Paragraph " + sentence[1] + ", sentence " + sentence[1] + NUMBER_SEPARATOR + sentence[2];
    }
    if (PARAGRAPH.test(anchor.id) || anchor.id === "title") {
      return anchor.id === "title" ? "" : "Paragraph " + PARAGRAPH.exec(anchor.id)[1];
    }
    return (anchor.text || "").replace(/\s*¶\s*$/, "");
  }

  /**
   * Pagefind's search for ``query``: how many pages it found (count), and the first SHOWN of
   * them, each a promise of its data (its part of the index, Pagefind's "fragment", loaded in
   * parallel with the others) and its landing place; or null, for a search overtaken by another.
   *
   * Pages come in Pagefind's order for the words (without quotes), except that the pages
   * holding the words as typed, one after the other, come first. Words in double quotes
   * must stand so: then only the pages that hold them so are found.
   */
  function pagefindSearch(query, filters) {
    var options = { filters: filters || {} };
    var words = query.replace(/"/g, " ").trim().replace(/\s+/g, " ");
    var quoted = query.indexOf('"') >= 0;
    var phrase = quoted ? query.trim() : '"' + words + '"';
    return pagefind().then(function (api) {
      return Promise.all([api.search(words, options), /\s/.test(words) || quoted ? api.search(phrase, options) : null]);
    }).then(function (found) {
      var ranked = found[0];
      var exact = found[1];
      if (ranked === null) {
        return null;
      }
      var holds = {};
      (exact ? exact.results : []).forEach(function (result) {
        holds[result.id] = true;
      });
      var first = ranked.results.filter(function (result) {
        return holds[result.id];
      });
      var rest = quoted ? [] : ranked.results.filter(function (result) {
        return !holds[result.id];
      });
      var ordered = first.concat(rest);
      return {
        count: ordered.length,
        loading: ordered.slice(0, SHOWN).map(function (result, at) {
          return result.data().then(function (data) {
            return { data: data, at: at, place: landing(data, query) };
          });
        })
      };
    });
  }

  /**
   * The results of a Pagefind search (pagefindSearch) once all are loaded: those that hold every
   * word searched for, ranked by where they land (RANK), in Pagefind's order in each rank; and
   * how many pages match (Pagefind's count, less the results left out).
   */
  function settled(found) {
    return Promise.all(found.loading).then(function (loaded) {
      var kept = loaded.filter(function (result) {
        return result.place.genuine;
      }).sort(function (a, b) {
        return a.place.rank - b.place.rank || a.at - b.at;
      });
      return { count: found.count - (loaded.length - kept.length), results: kept };
    });
  }

  /**
   * The first result before the others have loaded, when it is sure to stay first: Pagefind's
   * first, landing on an official sentence and holding every word searched for; else null.
   */
  function sureFirst(found) {
    if (!found.loading.length) {
      return Promise.resolve(null);
    }
    return found.loading[0].then(function (result) {
      return result.place.genuine && result.place.rank === RANK.sentence ? result : null;
    });
  }

  /**
   * Search: how many pages match, and the data of the first SHOWN of them in the order shown,
   * each a promise, once all have loaded (see pagefindSearch and settled).
   */
  function find(query, filters) {
    return pagefindSearch(query, filters).then(function (found) {
      return found === null ? null : settled(found);
    }).then(function (done) {
      return done === null ? null : {
        count: done.count,
        pages: done.results.map(function (result) {
          return Promise.resolve(result.data);
        })
      };
    });
  }

  /** The filters and their values with their counts (loads Pagefind's filter chunks). */
  function filterValues() {
    return pagefind().then(function (api) {
      return api.filters();
    });
  }

  /** A result's title: the page's, and a statement's date (Pagefind's metadata "date"). */
  function titleOf(data) {
    var meta = data.meta || {};
    return (meta.title || data.url) + (meta.date ? ", " + meta.date : "");
  }

  function resultItem(data, place) {
    var title = titleOf(data);
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    item.innerHTML =
      '<a class="md-search-result__link" href="' + escapeHtml(place.url) + '">' +
      '<article class="md-search-result__article md-typeset">' +
      "<h1>" + escapeHtml(title) + "</h1>" +
      (place.place ? '<p class="stmt-search-place">' + escapeHtml(place.place) + "</p>" : "") +
      "<p>" + place.excerpt + "</p>" +
      "</article></a>";
    return item;
  }

  function chosenFilters(search) {
    var chosen = {};
    search.filters.querySelectorAll("select").forEach(function (select) {
      if (select.value) {
        chosen[select.name] = select.value;
      }
    });
    return chosen;
  }

  /** The address of this search: the current page with ?q= and the filters chosen. */
  function shareableAddress(search) {
    var address = new URL(window.location.href);
    address.hash = "";
    [QUERY].concat(FILTERS.map(function (filter) {
      return filter.name;
    })).forEach(function (name) {
      address.searchParams.delete(name);
    });
    address.searchParams.delete(HIGHLIGHT);
    address.searchParams.set(QUERY, search.input.value);
    var chosen = chosenFilters(search);
    Object.keys(chosen).forEach(function (name) {
      address.searchParams.set(name, chosen[name]);
    });
    return address.href;
  }

  function counted(count) {
    return count === 1 ? "1 page matches" : count + " pages match";
  }

  /** What to try when nothing matches ``query`` with the ``chosen`` filters: a sentence. */
  function whatToTry(query, chosen) {
    var tips = [];
    if (queryWords(query).length > 1) {
      tips.push("fewer words");
    }
    if (query.indexOf('"') >= 0) {
      tips.push("the words without quotes");
    }
    tips.push("another spelling", "the first letters of a word");
    if (Object.keys(chosen).length) {
      tips.push("fewer filters");
    }
    var last = tips.pop();
    return "Try " + tips.join(", ") + " or " + last + ".";
  }

  /** The line above the results: how many pages match, or that no sentence does and what to try. */
  function showCount(search, count, query) {
    if (count > 0) {
      search.meta.textContent = counted(count);
      return;
    }
    var none = document.createElement("span");
    none.className = "stmt-search-none";
    none.textContent = "No sentence matches";
    var help = document.createElement("span");
    help.className = "stmt-search-help";
    help.textContent = whatToTry(query, chosenFilters(search));
    search.meta.replaceChildren(none, " ", help);
  }

  /**
   * Search for what the box holds, with the filters chosen, and show the results: the first as
   * soon as it is sure to stay first (sureFirst), the others once all have loaded.
   */
  function run(search) {
    var query = search.input.value.trim();
    var ticket = (latest += 1);
    search.share.href = shareableAddress(search);
    if (!query) {
      search.list.replaceChildren();
      search.list.removeAttribute("data-query");
      search.meta.textContent = "Type to start searching";
      return Promise.resolve();
    }
    var shown = 0;
    function begin(count) {
      search.list.replaceChildren();
      search.list.setAttribute("data-query", query);
      showCount(search, count, query);
    }
    function show(result) {
      search.list.appendChild(resultItem(result.data, result.place));
      shown += 1;
    }
    return pagefindSearch(query, chosenFilters(search)).then(function (found) {
      if (ticket !== latest || found === null) {
        return null;
      }
      var first = sureFirst(found).then(function (result) {
        if (result !== null && ticket === latest) {
          begin(found.count);
          show(result);
        }
      });
      return Promise.all([settled(found), first]).then(function (done) {
        if (ticket !== latest) {
          return;
        }
        if (shown === 0) {
          begin(done[0].count);
        } else {
          showCount(search, done[0].count, query);
        }
        done[0].results.slice(shown).forEach(show);
      });
    });
  }

  function later(search) {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(search);
    }, DEBOUNCE_MS);
  }

  /**
   * The filters' menus, made once from Pagefind's filter values (with their counts), in place of
   * the button that asks for them: the values of every filter are loaded at once, and at 10,000
   * statements they weigh more than a query, so they load only when asked for.
   */
  function showFilters(search, chosen) {
    if (filtersShown === null) {
      filtersShown = filterValues().then(function (values) {
        var asked = search.filters.contains(document.activeElement);
        search.filters.replaceChildren();
        FILTERS.forEach(function (filter) {
          var options = Object.keys(values[filter.name] || {}).sort();
          if (filter.name === "year") {
            options.reverse();
          }
          if (!options.length) {
            return;
          }
          var select = document.createElement("select");
          select.name = filter.name;
          select.setAttribute("aria-label", filter.label);
          select.add(new Option(filter.any, ""));
          options.forEach(function (value) {
            select.add(new Option(value + " (" + values[filter.name][value] + ")", value));
          });
          select.addEventListener("change", function () {
            run(search);
          });
          search.filters.appendChild(select);
        });
        var first = search.filters.querySelector("select");
        if (first && asked) {
          first.focus();
        }
      });
    }
    return filtersShown.then(function () {
      Object.keys(chosen || {}).forEach(function (name) {
        var select = search.filters.querySelector('select[name="' + name + '"]');
        if (select) {
          select.value = chosen[name];
        }
      });
    });
  }

  /** A search named by the page's address (?q=...): opened, with its filters, and run. */
  function fromAddress(search) {
    var params = new URLSearchParams(window.location.search);
    var query = params.get(QUERY);
    if (!query) {
      return;
    }
    var chosen = {};
    FILTERS.forEach(function (filter) {
      if (params.get(filter.name)) {
        chosen[filter.name] = params.get(filter.name);
      }
    });
    search.input.value = query;
    open(search);
    (Object.keys(chosen).length ? showFilters(search, chosen) : Promise.resolve()).then(function () {
      run(search);
    });
  }

  function results(search) {
    return Array.prototype.slice.call(search.list.querySelectorAll("a.md-search-result__link"));
  }

  function onKey(search, event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (!isOpen(search)) {
      if (OPENING_KEYS.indexOf(event.key) >= 0 && !typingIn(event.target)) {
        event.preventDefault();
        open(search);
      }
      return;
    }
    var links = results(search);
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close(search);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links.length) {
        return;
      }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = at + step;
      if (next < 0) {
        search.input.focus();
      } else {
        links[Math.min(next, links.length - 1)].focus();
      }
    } else if (event.key === "Enter" && event.target === search.input && links.length) {
      event.preventDefault();
      links[0].click();
    }
  }

  /** Mark the words of ?highlight=... on the page, each time Material shows one. */
  function highlight() {
    if (!new URLSearchParams(window.location.search).has(HIGHLIGHT)) {
      return;
    }
    import(pagefindFile("pagefind-highlight.js")).then(function () {
      var Highlight = window.PagefindHighlight;
      return new Highlight({
        highlightParam: HIGHLIGHT,
        addStyles: false,
        markOptions: {
          className: "stmt-search-highlight",
          exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *"],
          accuracy: { value: "exactly", limiters: WORD_LIMITERS }
        }
      });
    });
  }

  function setUp() {
    var search = parts();
    if (search === null) {
      return;
    }
    search.input.addEventListener("input", function () {
      preload(search);
      later(search);
    });
    ["pointerover", "touchstart", "focusin"].forEach(function (intent) {
      [search.box, document.querySelector(".stmt-search-button")].forEach(function (target) {
        if (target !== null) {
          target.addEventListener(intent, warmUp, { passive: true });
        }
      });
    });
    search.input.addEventListener("focus", function () {
      if (!isOpen(search)) {
        open(search);
      }
    });
    search.box.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (isOpen(search) && next instanceof Node && !search.box.contains(next)) {
        search.toggle.checked = false;  // the keyboard left the box (Tab): the page is not covered
      }
    });
    search.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    search.form.addEventListener("reset", function () {
      window.setTimeout(function () {
        run(search);
        search.input.focus();
      });
    });
    search.toggle.addEventListener("change", function () {
      if (isOpen(search)) {
        search.input.focus();
        warmUp();
      }
    });
    search.filters.querySelector("button").addEventListener("click", function () {
      showFilters(search);
    });
    search.share.addEventListener("click", function (event) {
      event.preventDefault();
      search.share.href = shareableAddress(search);
      if (navigator.clipboard) {
        navigator.clipboard.writeText(search.share.href);
      }
    });
    search.list.addEventListener("click", function (event) {
      if (event.target instanceof Element && event.target.closest("a")) {
        close(search);
      }
    });
    document.addEventListener("keydown", function (event) {
      onKey(search, event);
    });
    fromAddress(search);
    warmUpWhenIdle();
  }

  /* What the benchmark and the tests call: the box's own search, filters and landing place. */
  window.editionSearch = { find: find, filters: filterValues, landing: landing };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(highlight);
  } else {
    document.addEventListener("DOMContentLoaded", highlight);
  }
}());
