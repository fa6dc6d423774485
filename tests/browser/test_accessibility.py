"""WCAG 2.2 AA, checked in a real browser: axe-core on every page in both palettes, and the keyboard.

axe-core comes from the ``axe-playwright-python`` package, which ships its
``axe.min.js``; the script is read from the installed package and run in the page,
so nothing is downloaded at test time.

The site follows the reader's ``prefers-color-scheme`` (``mkdocs.yml``): a browser
context with ``color_scheme="light"`` gets Material's ``default`` scheme, one with
``"dark"`` gets ``slate``. Each test checks that the page really is in that scheme.
The contrast fixes live in ``docs/assets/palette.css``.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, cast
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import LOCAL_HOST, foreign_requests
from tests.conftest import STATEMENT_ID, skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Request, WebSocket

Scheme = Literal["light", "dark"]
"""The reader's colour preference, as a browser context states it."""
MATERIAL_SCHEMES: dict[Scheme, str] = {"light": "default", "dark": "slate"}
"""The Material colour scheme each preference must select (``data-md-color-scheme``)."""

STATEMENT_PAGE = f"statements/{STATEMENT_ID}/index.html"
TOPICS = (
    "arms-control",
    "civil-emergencies",
    "confidence-building",
    "consultation",
    "crisis-management",
    "euro-atlantic-security",
    "institutions",
    "military-cooperation",
    "nato-russia-relations",
    "non-proliferation",
    "search-and-rescue",
    "terrorism",
    "theatre-missile-defence",
)
"""Every topic of the vocabulary (``edition/vocabulary.py``) has a page under ``topics/``."""
PAGES = (
    "404.html",
    "about/index.html",
    "commitments/index.html",
    "data/index.html",
    "format/index.html",
    "index.html",
    "performance/index.html",
    "statements/index.html",
    STATEMENT_PAGE,
    "timeline/index.html",
    "topics/index.html",
    *(f"topics/{topic}/index.html" for topic in TOPICS),
)
"""Every HTML page of the built site; ``test_every_built_page_is_checked`` keeps this list complete."""

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
"""The axe-core rules of WCAG 2.0, 2.1 and 2.2, levels A and AA."""
LIGHTHOUSE_RULES = (
    "accesskeys",
    "aria-allowed-role",
    "aria-conditional-attr",
    "aria-deprecated-role",
    "aria-dialog-name",
    "aria-prohibited-attr",
    "aria-text",
    "aria-treeitem-name",
    "empty-heading",
    "heading-order",
    "html-xml-lang-mismatch",
    "identical-links-same-purpose",
    "image-redundant-alt",
    "input-button-name",
    "label-content-name-mismatch",
    "landmark-one-main",
    "link-in-text-block",
    "meta-viewport",
    "select-name",
    "skip-link",
    "tabindex",
    "table-duplicate-name",
    "table-fake-caption",
    "target-size",
    "td-has-header",
)
"""The rules Lighthouse 12.2.3 runs besides those of WCAG 2 A and AA (its ``gatherers/accessibility.js``,
``enabled: true``): best practices such as ``aria-allowed-role``, which its accessibility score counts."""
SEARCH_QUERY = "terrorism"
"""A word found on several pages, so that the search overlay lists results from more than one."""
MARKED_SENTENCE = "para_2__cmt_3"
"""A commitment that wraps over several lines; arriving by its link marks it with a tinted background."""
TIMEOUT_MS = 15_000
"""The search index is built in a web worker; give it time on a slow machine."""
MAX_TABS = 500
"""More presses of Tab than the statement page has stops; reaching it means focus is trapped."""
FOCUS_RING_CONTRAST = 3.0
"""WCAG 1.4.11: a focus indicator contrasts with what is around it by at least 3:1."""
FOCUS_RING_WIDTH_PX = 2.0
"""``palette.css`` draws every focus ring solid and 0.1rem (2px) wide."""
PARAGRAPH_ID = re.compile(r"^para_\d+$")
SENTENCE_ID = re.compile(r"^para_\d+__cmt_\d+$")


class AxeNode(TypedDict):
    """One element that fails an axe-core rule."""

    target: list[Any]
    html: str
    failureSummary: str


class AxeViolation(TypedDict):
    """One axe-core rule that fails, with every element that fails it."""

    id: str
    impact: str | None
    help: str
    helpUrl: str
    nodes: list[AxeNode]


class AxeResults(TypedDict):
    """What ``axe.run`` resolves to (only the parts read here)."""

    testEngine: dict[str, str]
    violations: list[AxeViolation]
    passes: list[dict[str, Any]]
    inapplicable: list[dict[str, Any]]
    incomplete: list[dict[str, Any]]


@cache
def axe_source() -> str:
    """The axe-core script shipped inside the ``axe-playwright-python`` package."""
    try:
        script = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js")
        return script.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        skip_or_fail(f"axe-core is not installed ({error}): pip install -e '.[test]'", "accessibility tests")


def run_axe(page: Page) -> AxeResults:
    """Runs axe-core's WCAG 2.2 A and AA rules, and every rule Lighthouse runs, on the whole page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    # Every rule tagged with a WCAG 2.x A or AA criterion, the experimental ones included
    # (label-content-name-mismatch, 2.5.3, is one): running by tag would leave those out.
    wcag: list[str] = page.evaluate("tags => axe.getRules(tags).map(rule => rule.ruleId)", list(WCAG_TAGS))
    rules = sorted({*wcag, *LIGHTHOUSE_RULES})
    options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    results = cast(AxeResults, page.evaluate("options => axe.run(document, options)", options))
    ran = {rule["id"] for rule in (*results["violations"], *results["passes"], *results["incomplete"])}
    ran |= {rule["id"] for rule in results["inapplicable"]}
    missing = {"color-contrast", "label-content-name-mismatch", *LIGHTHOUSE_RULES} - ran
    assert not missing, f"axe-core did not run {sorted(missing)}; rules run: {sorted(ran)}"
    return results


def describe_violations(violations: list[AxeViolation]) -> str:
    """The violations as a reader wants them: rule, impact, help, then each failing element and why."""
    lines: list[str] = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' >> '.join(str(selector) for selector in node['target'])}")
            html = " ".join(node.get("html", "").split())
            lines.append(f"      {html[:200]}{'…' if len(html) > 200 else ''}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"      {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


def assert_no_violations(page: Page, what: str) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on ``page``, nor any of the other rules Lighthouse runs."""
    results = run_axe(page)
    violations = results["violations"]
    count = sum(len(violation["nodes"]) for violation in violations)
    assert not violations, (
        f"axe-core {results['testEngine'].get('version', '?')} found {len(violations)} rule(s) failing "
        f"on {count} element(s) of {what}:\n{describe_violations(violations)}"
    )


def page_url(site_url: str, path: str) -> str:
    """The address a reader uses for the built file ``path``: folders, not ``index.html``."""
    return urljoin(site_url, path.removesuffix("index.html"))


def assert_scheme(page: Page, scheme: Scheme) -> None:
    """The page shows Material's colour scheme for ``scheme``."""
    shown = page.evaluate('document.body.getAttribute("data-md-color-scheme")')
    assert shown == MATERIAL_SCHEMES[scheme], (
        f"with prefers-color-scheme: {scheme}, the page is in scheme {shown!r}, not {MATERIAL_SCHEMES[scheme]!r}"
    )


def open_recorded(browser: Browser, scheme: Scheme, urls: list[str]) -> tuple[BrowserContext, Page]:
    """A page in a new browser context whose reader prefers ``scheme``; every request it makes goes to ``urls``.

    The recording of the ``page`` fixture of ``conftest.py``, with a colour scheme.
    """

    def record_request(request: Request) -> None:
        urls.append(request.url)

    def record_websocket(websocket: WebSocket) -> None:
        urls.append(websocket.url)

    context = browser.new_context(color_scheme=scheme)
    context.on("request", record_request)
    new_page = context.new_page()
    new_page.on("websocket", record_websocket)
    return context, new_page


def assert_only_local(urls: list[str]) -> None:
    """The requests in ``urls`` all went to 127.0.0.1, and there were some."""
    assert urls, "the page made no request at all: the recording of requests is broken"
    foreign = foreign_requests(urls)
    assert not foreign, f"requests to a host other than {LOCAL_HOST}:\n" + "\n".join(foreign)


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[Scheme], Page]]:
    """Opens pages, each in a fresh context, whose reader prefers a colour scheme.

    Afterwards, no request may have gone to another host.
    """
    urls: list[str] = []
    contexts: list[BrowserContext] = []

    def open_in(scheme: Scheme) -> Page:
        context, new_page = open_recorded(browser, scheme, urls)
        contexts.append(context)
        return new_page

    try:
        yield open_in
    finally:
        for context in contexts:
            context.close()
    assert_only_local(urls)


View = Literal["light", "dark", "phone"]
"""How a page is checked: at a desktop's width in either scheme, or as Lighthouse sees it (a phone, light)."""
VIEW_SCHEMES: dict[View, Scheme] = {"light": "light", "dark": "dark", "phone": "light"}
PHONE_VIEWPORT = {"width": 412, "height": 823}
"""Lighthouse's mobile screen: below 76.25em Material's navigation is a drawer, opened by the header's button."""


@pytest.fixture(scope="module")
def axe_pages(browser: Browser) -> Iterator[dict[View, tuple[Page, list[str]]]]:
    """One page per view, with axe-core loaded into every document, and the requests it records.

    The checks of every page share them: a browser context per page costs more than
    checking it on a loaded machine.
    """
    script = axe_source()
    contexts: list[BrowserContext] = []
    pages: dict[View, tuple[Page, list[str]]] = {}
    try:
        for view, scheme in VIEW_SCHEMES.items():
            urls: list[str] = []
            context, new_page = open_recorded(browser, scheme, urls)
            contexts.append(context)
            context.add_init_script(script)
            if view == "phone":
                new_page.set_viewport_size({"width": PHONE_VIEWPORT["width"], "height": PHONE_VIEWPORT["height"]})
            pages[view] = (new_page, urls)
        yield pages
    finally:
        for context in contexts:
            context.close()


@pytest.mark.build
def test_every_built_page_is_checked(built_site: Path) -> None:
    """``PAGES`` lists every HTML page of the built site, so a new page cannot escape axe-core."""
    built = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    assert built == sorted(PAGES), (
        "the built site's pages differ from PAGES in tests/browser/test_accessibility.py: "
        f"add {sorted(set(built) - set(PAGES))}, remove {sorted(set(PAGES) - set(built))}"
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "view"),
    [pytest.param(path, view, id=f"{path}-{view}") for path in PAGES for view in VIEW_SCHEMES],
)
def test_page_meets_wcag_2_2_aa(
    axe_pages: dict[View, tuple[Page, list[str]]], site_url: str, path: str, view: View
) -> None:
    page, urls = axe_pages[view]
    urls.clear()
    url = page_url(site_url, path)
    page.goto(url, wait_until="load")
    scheme = VIEW_SCHEMES[view]
    assert_scheme(page, scheme)
    assert_no_violations(page, f"{url} in the {scheme} palette" + (" on a phone" if view == "phone" else ""))
    assert_only_local(urls)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marked_sentence_meets_wcag_2_2_aa(open_page: Callable[[Scheme], Page], site_url: str, scheme: Scheme) -> None:
    """Arriving by a commitment's link tints it: the notes and links around it keep their contrast."""
    page = open_page(scheme)
    url = page_url(site_url, STATEMENT_PAGE) + f"#{MARKED_SENTENCE}"
    page.goto(url, wait_until="load")
    assert_scheme(page, scheme)
    assert page.evaluate("document.querySelector(':target')?.id") == MARKED_SENTENCE
    assert_no_violations(page, f"{url} in the {scheme} palette")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_meet_wcag_2_2_aa(open_page: Callable[[Scheme], Page], site_url: str, scheme: Scheme) -> None:
    from playwright.sync_api import expect

    page = open_page(scheme)
    page.goto(site_url, wait_until="load")
    assert_scheme(page, scheme)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(SEARCH_QUERY)  # Material searches on keyup, as a reader types
    expect(search).to_have_value(SEARCH_QUERY)
    expect(page.locator("li.md-search-result__item").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ pages? match(es)?"))
    assert page.locator("input[data-md-toggle='search']").is_checked(), "the search overlay is not open"
    assert_no_violations(page, f"the search results for {SEARCH_QUERY!r} on {site_url} in the {scheme} palette")


# --- The keyboard -------------------------------------------------------------------------------

FOCUS_STATE = """async () => {
    // Read the focus as the reader sees it a moment later: after the next frames, with the
    // transitions that focusing started (Material fades the search overlay, for one) at their end.
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const animation of document.getAnimations()) {
        try {
            animation.finish();
        } catch (endless) {
            // An animation that repeats forever has no end to skip to.
        }
    }
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) {
        return null;
    }
    // The palette toggle is a pair of radio buttons hidden from view: the one visible label shows the focus.
    const shown = active.matches("input.md-option")
        ? active.parentElement.querySelector(":scope > label:not([hidden])") || active
        : active;
    const style = getComputedStyle(shown);
    const width = parseFloat(style.outlineWidth) || 0;
    const offset = parseFloat(style.outlineOffset) || 0;
    // What lies under the ring: the middle of its left side, inside the window.
    const box = shown.getBoundingClientRect();
    const x = Math.min(Math.max(box.left - offset - width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
    const backdrop = document.elementsFromPoint(x, y)
        .filter(element => element === shown || !shown.contains(element))
        .map(element => getComputedStyle(element).backgroundColor);
    // Not hidden: at the middle of one of its boxes (a link may wrap over lines), the element is on top.
    const onTop = Array.from(shown.getClientRects()).some(rect => {
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return hit !== null && shown.contains(hit);
    });
    const anchor = active.closest("[id]");
    return {
        tag: active.tagName.toLowerCase(),
        classes: Array.from(active.classList).filter(name => name !== "focus-visible"),
        href: active.getAttribute("href"),
        text: (active.textContent || active.getAttribute("aria-label") || "").trim().slice(0, 40),
        anchor: anchor ? anchor.id : null,
        focusVisible: active.matches(":focus-visible"),
        shownBy: shown === active ? "itself" : "its label",
        outlineStyle: style.outlineStyle,
        outlineWidth: width,
        outlineColor: style.outlineColor,
        backdrop: backdrop,
        onTop: onTop,
    };
}"""
"""The focused element and how its focus shows, or ``null`` when nothing in the page has focus."""

RGBA = tuple[float, float, float, float]
COLOUR = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)")


def parse_colour(text: str) -> RGBA:
    """A computed CSS colour, ``rgb(r, g, b)`` or ``rgba(r, g, b, a)``, as red, green, blue (0-255) and alpha."""
    match = COLOUR.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a computed rgb() colour: {text!r}")
    red, green, blue, alpha, percent = match.groups()
    opacity = 1.0 if alpha is None else float(alpha) / (100 if percent else 1)
    return float(red), float(green), float(blue), opacity


def composite(layers: list[str]) -> RGBA:
    """The colour seen through background ``layers``, topmost first, down to the first opaque one (white below)."""
    seen: RGBA = (255.0, 255.0, 255.0, 1.0)
    stack: list[RGBA] = []
    for layer in layers:
        colour = parse_colour(layer)
        stack.append(colour)
        if colour[3] >= 1:
            break
    for red, green, blue, alpha in reversed(stack):
        seen = (
            red * alpha + seen[0] * (1 - alpha),
            green * alpha + seen[1] * (1 - alpha),
            blue * alpha + seen[2] * (1 - alpha),
            1.0,
        )
    return seen


def hex_colour(colour: RGBA) -> str:
    """An opaque colour as CSS writes it, ``#rrggbb``."""
    return "#" + "".join(f"{round(channel):02x}" for channel in colour[:3])


def relative_luminance(colour: RGBA) -> float:
    """WCAG 2.2's relative luminance of an opaque sRGB colour."""

    def linear(channel: float) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue, _ = colour
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first: RGBA, second: RGBA) -> float:
    """WCAG 2.2's contrast ratio of two opaque colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Focus:
    """One stop of the Tab key: the focused element and how its focus shows."""

    tag: str
    classes: tuple[str, ...]
    href: str | None
    text: str
    anchor: str | None
    focus_visible: bool
    shown_by: str
    outline_style: str
    outline_width: float
    outline_color: str
    backdrop: tuple[str, ...]
    on_top: bool

    @classmethod
    def read(cls, page: Page) -> Focus | None:
        """The focus of ``page`` now, or ``None`` when it has left the page (to the browser's own controls)."""
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            return None
        return cls(
            tag=state["tag"],
            classes=tuple(state["classes"]),
            href=state["href"],
            text=state["text"],
            anchor=state["anchor"],
            focus_visible=state["focusVisible"],
            shown_by=state["shownBy"],
            outline_style=state["outlineStyle"],
            outline_width=state["outlineWidth"],
            outline_color=state["outlineColor"],
            backdrop=tuple(state["backdrop"]),
            on_top=state["onTop"],
        )

    def __str__(self) -> str:
        classes = "".join(f".{name}" for name in self.classes)
        href = f'[href="{self.href}"]' if self.href is not None else ""
        return f"{self.tag}{classes}{href} {self.text!r}"

    @property
    def key(self) -> tuple[str, tuple[str, ...], str | None, str]:
        """What tells this element from the others on the page."""
        return self.tag, self.classes, self.href, self.text

    def ring_contrast(self) -> float:
        """The contrast of the focus ring, over what lies under it, with what lies under it."""
        return contrast_ratio(composite([self.outline_color, *self.backdrop]), composite(list(self.backdrop)))

    def indicator_problems(self) -> list[str]:
        """Why this focus is not visible enough; empty when it is."""
        problems = []
        if not self.focus_visible:
            problems.append("it does not match :focus-visible")
        if self.outline_style != "solid":
            problems.append(f"its outline is {self.outline_style!r}, not a solid ring")
        if self.outline_width < FOCUS_RING_WIDTH_PX:
            problems.append(f"its outline is {self.outline_width}px wide, under {FOCUS_RING_WIDTH_PX}px")
        contrast = self.ring_contrast()
        if contrast < FOCUS_RING_CONTRAST:
            problems.append(
                f"its ring {self.outline_color} contrasts {contrast:.2f}:1 with "
                f"{hex_colour(composite(list(self.backdrop)))} under it, under {FOCUS_RING_CONTRAST}:1"
            )
        if not self.on_top:
            problems.append("it is not on top at its middle: it has no box, or another element covers it")
        return problems


def tab_through(page: Page) -> list[Focus]:
    """Presses Tab from the top of ``page`` until the focus comes back to its first stop; every stop, in order."""
    stops: list[Focus] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = Focus.read(page)
        if focus is None:
            continue  # the browser's own controls, between the end of the page and its start
        if stops and focus.key == stops[0].key:
            return stops
        stops.append(focus)
    pytest.fail(f"after {MAX_TABS} presses of Tab the focus never came back to the start: a keyboard trap?")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_reaches_every_permalink_with_a_visible_focus(
    open_page: Callable[[Scheme], Page], site_url: str, scheme: Scheme
) -> None:
    """Tab goes first to "Skip to content", then through every ¶ and commitment link, always with a visible ring.

    A ring is visible when it is solid, at least 2px wide and contrasts 3:1 with what lies
    under it (composited from the backgrounds at that point), and the focused element is on
    top at its middle (not under the sticky header). Material's own rings are Chromium's thin
    ``auto`` ones; ``palette.css`` replaces them.
    """
    page = open_page(scheme)
    page.goto(page_url(site_url, STATEMENT_PAGE), wait_until="load")
    assert_scheme(page, scheme)
    paragraphs: list[str] = page.evaluate(
        "Array.from(document.querySelectorAll('[id^=\"para_\"]'), element => element.id)"
    )
    paragraph_ids = [anchor for anchor in paragraphs if PARAGRAPH_ID.match(anchor)]
    sentence_ids = [anchor for anchor in paragraphs if SENTENCE_ID.match(anchor)]
    assert paragraph_ids, "the statement page has no paragraph anchors"
    assert sentence_ids, "the statement page has no commitment anchors"
    # The notes on the sentences, which hold their links, opened (the focus stays at the top of the page).
    page.locator("details.stmt-notes-box").evaluate_all("boxes => boxes.forEach(box => { box.open = true; })")

    stops = tab_through(page)

    first = stops[0]
    assert "md-skip" in first.classes, f"the first stop of Tab is {first}, not the skip link"
    assert first.text == "Skip to content"

    permalinks = {stop.anchor for stop in stops if "headerlink" in stop.classes}
    missing_permalinks = [anchor for anchor in paragraph_ids if anchor not in permalinks]
    assert not missing_permalinks, f"Tab never reaches the ¶ permalink of {missing_permalinks}"
    sentence_links = {urlsplit(stop.href or "").fragment for stop in stops if "stmt-cmt-link" in stop.classes}
    missing_sentences = [anchor for anchor in sentence_ids if anchor not in sentence_links]
    assert not missing_sentences, f"Tab never reaches the commitment link of {missing_sentences}"

    invisible = [
        f"stop {number} {stop} (shown by {stop.shown_by}): " + "; ".join(problems)
        for number, stop in enumerate(stops, start=1)
        if (problems := stop.indicator_problems())
    ]
    assert not invisible, (
        f"{len(invisible)} of {len(stops)} focus stops have no clearly visible focus in the {scheme} palette:\n"
        + "\n".join(invisible)
    )
