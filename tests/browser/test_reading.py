"""Reading a statement as readers do, in a real browser: the official words first, sentence numbers,
the keyboard, the line length, the notes and the kinds explained, "About this text", the Cite
control and where its menu opens, the downloads, and what the page says of its own trust.

Every test opens the built site served on 127.0.0.1; the ``page`` fixture fails a test
whose page sends a request to any other host.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import REPORT_URL
from tests.browser.test_linking import statement_url
from tests.sources import published

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

MAX_TABS_TO_PARAGRAPH_3 = 20
"""The issue's bound: a keyboard user reaches paragraph 3's text in at most 20 presses of Tab."""

LINE_LENGTH = """() => {
    // The characters of each line box of the official text, as laid out: a line ends where the
    // next character's box starts lower down.
    const paragraphs = [];
    for (const paragraph of document.querySelectorAll(".stmt-text")) {
        const lines = [];
        paragraphs.push(lines);
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        let top = null, count = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let index = 0; index < node.length; index++) {
                const range = document.createRange();
                range.setStart(node, index);
                range.setEnd(node, index + 1);
                const box = range.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) continue;
                if (top !== null && box.top > top + box.height / 2) {
                    lines.push(count);
                    count = 0;
                }
                top = box.top;
                count += 1;
            }
        }
        lines.push(count);
    }
    return paragraphs;
}"""
"""The number of characters on each line of each paragraph of the official text."""


SCREENS = {"desktop": (1280, 800), "phone": (390, 844), "small phone": (320, 640)}
"""The screens the lead is measured on: a desktop window, a common phone, the narrowest phone still sold."""

FIRST_WORD_TOP = """() => {
    // Where the first official word starts, in the page, as drawn.
    const words = document.querySelector(".stmt-text .stmt-cmt").firstChild;
    const range = document.createRange();
    range.setStart(words, 0);
    range.setEnd(words, 1);
    return range.getBoundingClientRect().top + window.scrollY;
}"""
"""The top of the first official word on the page, in CSS pixels from the top of the page."""


def open_statement(page: Page, site_url: str, fragment: str = "") -> None:
    """The statement page, once its script has added the controls."""
    page.goto(statement_url(site_url, fragment))
    page.locator("button.stmt-cite").first.wait_for()


def open_on(browser: Browser, site_url: str, screen: str) -> tuple[BrowserContext, Page]:
    """The statement page on one of ``SCREENS`` (a phone with touch, as phones are), and its browser context."""
    width, height = SCREENS[screen]
    phone = width < 1000
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    open_statement(page, site_url)
    return context, page


def open_notes(page: Page, paragraph: int) -> None:
    """Opens the notes on the sentences of ``paragraph``, as a reader does: a tap on their summary."""
    page.locator(f".stmt-para[data-para='{paragraph}'] details.stmt-notes-box > summary").click()


@pytest.mark.browser
def test_sentence_numbers_show_where_each_sentence_begins_and_are_not_copied(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url)
    numbers = page.locator(".stmt-text .stmt-sn")
    shown = numbers.evaluate_all("marks => marks.map(mark => getComputedStyle(mark, '::before').content)")
    assert shown == [f'"{n}.{m}"' for n, count in ((1, 3), (2, 4), (3, 3), (4, 3)) for m in range(1, count + 1)]
    for index in range(numbers.count()):  # each number stands right before its sentence
        assert numbers.nth(index).evaluate("mark => mark.nextElementSibling.classList.contains('stmt-cmt')")
    expect(numbers.first).to_be_visible()
    assert numbers.first.get_attribute("aria-hidden") == "true"  # not read as words of the text
    # Selecting the whole paragraph and copying it gives the official words, and no number.
    selected = page.evaluate(
        """() => {
            const selection = window.getSelection();
            selection.selectAllChildren(document.querySelector(".stmt-para[data-para='3'] .stmt-text"));
            return selection.toString();
        }"""
    )
    assert selected == published().paragraphs[3]


@pytest.mark.browser
def test_a_note_and_its_sentence_highlight_each_other(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url)
    open_notes(page, 3)
    note = page.locator("li[data-sentence='para_3__cmt_2']")
    sentence = page.locator("#para_3__cmt_2")
    note.hover()
    expect(sentence).to_have_class(re.compile(r"\bstmt-paired\b"))
    highlight = sentence.evaluate("element => getComputedStyle(element).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent")
    page.mouse.move(0, 0)
    expect(sentence).not_to_have_class(re.compile(r"\bstmt-paired\b"))
    sentence.hover()
    expect(note).to_have_class(re.compile(r"\bstmt-paired\b"))
    page.mouse.move(0, 0)
    note.locator("a.stmt-cmt-link").focus()  # the keyboard too
    expect(sentence).to_have_class(re.compile(r"\bstmt-paired\b"))


@pytest.mark.browser
def test_the_keyboard_reaches_paragraph_3_within_20_tabs_through_the_contents(page: Page, site_url: str) -> None:
    """From the top, Tab to "Paragraph 3" in the table of contents, Enter, Tab: paragraph 3's first stop.

    Before, the 51 copy buttons made it 75 presses; and after Enter on a table-of-contents
    entry, the next Tab went back to the top of the page.
    """
    from playwright.sync_api import expect

    open_statement(page, site_url)
    presses = 0
    while presses < MAX_TABS_TO_PARAGRAPH_3:
        page.keyboard.press("Tab")
        presses += 1
        if page.evaluate("document.activeElement.textContent.trim()").startswith("Paragraph 3"):
            break
    focused_href = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused_href is not None and focused_href.endswith("#para_3"), f"{presses} Tabs never reached the contents"
    page.evaluate("window.__before = document.querySelector('article')")
    page.keyboard.press("Enter")
    page.wait_for_url(statement_url(site_url, "para_3"))
    # Material's instant navigation puts new content in place, which took the focus away: wait
    # for the new content, and the focus on its paragraph 3.
    page.wait_for_function(
        "document.querySelector('article') !== window.__before && document.activeElement.id === 'para_3'"
    )
    expect(page.locator("#para_3")).to_be_focused()
    page.keyboard.press("Tab")
    presses += 1
    where = page.evaluate(
        "(() => { const a = document.activeElement; const p = a.closest('[id^=para_3], .stmt-para');"
        " return [a.className, a.textContent.trim(), p ? (p.id || p.dataset.para) : null]; })()"
    )
    assert where[2] in ("para_3", "3"), f"after Enter on the contents, Tab went to {where}, not into paragraph 3"
    assert presses <= MAX_TABS_TO_PARAGRAPH_3, f"{presses} presses of Tab"
    page.keyboard.press("Tab")  # the paragraph's Cite control, then its text
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Cite paragraph 3"


@pytest.mark.browser
def test_skip_to_content_leads_to_the_title_and_marks_nothing(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    page.evaluate("window.__before = document.querySelector('article')")
    page.keyboard.press("Enter")
    page.wait_for_url(statement_url(site_url, "title"))
    page.wait_for_function(  # as after the contents: once instant navigation has put new content in place
        "document.querySelector('article') !== window.__before && document.activeElement.id === 'title'"
    )
    assert page.locator(".stmt-target").count() == 0
    expect(page.locator("h1#title")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null"), "Tab left the content"


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390, 320])
def test_official_text_lines_hold_at_most_80_characters(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        open_statement(page, site_url)
        paragraphs: list[list[int]] = page.evaluate(LINE_LENGTH)
    finally:
        context.close()
    lines = [count for paragraph in paragraphs for count in paragraph]
    full_lines = [count for paragraph in paragraphs for count in paragraph[:-1]]  # a last line may be short
    assert len(lines) > len(paragraphs), "the text was not measured"
    assert max(lines) <= 80, f"lines of {max(lines)} characters at {width} px: {paragraphs}"
    if width >= 1280:
        assert min(full_lines) >= 60, f"lines of {min(full_lines)} characters at {width} px: {paragraphs}"


@pytest.mark.browser
def test_the_kinds_are_explained_where_they_are_used(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url)
    explained = page.locator("details.stmt-kinds")
    summary = explained.locator("summary")
    expect(summary).to_have_text("What the kinds of sentence mean")
    expect(explained.locator("dl")).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")  # opens on the keyboard, as on a tap
    expect(explained.locator("dl")).to_be_visible()
    kinds = explained.locator("dt").all_inner_texts()
    used = set(page.locator(".stmt-notes .stmt-kind").all_text_contents())
    assert set(kinds) == used
    expect(explained.locator("dd").first).not_to_be_empty()


@pytest.mark.browser
def test_downloads_are_under_one_heading_with_plain_names(page: Page, site_url: str) -> None:
    open_statement(page, site_url)
    row = page.locator(".stmt-meta .stmt-downloads")
    assert row.locator("dt").text_content() == "Download:"  # the colon for readers of the text alone
    links = row.locator("a")
    assert links.all_inner_texts() == ["Data (JSON)", "Akoma Ntoso (XML)", "BibTeX", "RIS", "CSL-JSON"]
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    files = ["data.json", "data.akn.xml", "cite.bib", "cite.ris", "cite.json"]
    assert hrefs == [statement_url(site_url) + name for name in files]
    for href in hrefs:
        assert page.request.get(href).ok


@pytest.mark.browser
def test_the_page_says_when_its_words_were_checked_its_licence_and_how_to_report(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url)
    expect(page.locator(".stmt-checked")).to_have_text("Words:checked against the official text on 27 November 2026")
    licence = page.get_by_role("link", name="CC BY 4.0")
    assert licence.get_attribute("href") == "https://creativecommons.org/licenses/by/4.0/"
    report = page.get_by_role("link", name="Report it")
    parts = urlsplit(report.get_attribute("href") or "")
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REPORT_URL
    query = parse_qs(parts.query)
    assert query["title"] == ["Error in NATO-Russia Joint Statement, 7 December 2001"]
    assert query["body"][0].startswith(f"Page: {statement_url(site_url)}\n")
    open_notes(page, 2)
    page.get_by_role("button", name="Cite sentence 2.4").click()
    in_menu = page.locator("#stmt-menu").get_by_role("link", name="Report an error")
    query = parse_qs(urlsplit(in_menu.get_attribute("href") or "").query)
    assert query["title"] == ["Error in NATO-Russia Joint Statement, 7 December 2001, para. 2, sentence 4"]
    assert query["body"][0].startswith(f"Page: {statement_url(site_url, 'para_2__cmt_4')}\n")


@pytest.mark.browser
def test_the_page_speaks_of_sentences_and_keeps_sentence_for_the_kinds(page: Page, site_url: str) -> None:
    open_statement(page, site_url)
    labels = page.locator("article [aria-label], article .stmt-cmt-link").evaluate_all(
        "elements => elements.map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''))"
    )
    assert labels and not [label for label in labels if "ommitment" in label]
    note = page.locator(".stmt-header .stmt-editorial-note").inner_text()
    assert "the kind of each sentence" in note and "commitment" not in note


@pytest.mark.browser
def test_following_a_link_to_paragraph_3_highlights_it_in_the_contents(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_statement(page, site_url, "3")
    page.wait_for_url(statement_url(site_url, "para_3"))
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    expect(active).to_have_count(1)
    expect(active).to_contain_text("Paragraph 3")


@pytest.mark.browser
@pytest.mark.parametrize("screen", ["phone", "small phone"])
def test_on_a_phone_the_controls_show_without_crowding_the_text(browser: Browser, site_url: str, screen: str) -> None:
    """Every Cite control, the notes opened, is a target of 24 px at least that lies over no official word."""
    context, page = open_on(browser, site_url, screen)
    try:
        for paragraph in (1, 2, 3, 4):
            open_notes(page, paragraph)
        boxes = page.evaluate(
            """() => Array.from(document.querySelectorAll(".stmt-para"), body => ({
                text: body.querySelector(".stmt-text").getBoundingClientRect().toJSON(),
                controls: Array.from(body.querySelectorAll("button.stmt-cite"), button => ({
                    box: button.getBoundingClientRect().toJSON(),
                    opacity: getComputedStyle(button).opacity,
                })),
            }))"""
        )
        width_used = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert width_used <= SCREENS[screen][0]
    assert sum(len(body["controls"]) for body in boxes) == 17
    for body in boxes:
        text = body["text"]
        for control in body["controls"]:
            box = control["box"]
            assert control["opacity"] == "1", "on a touch screen the controls are always shown"
            assert box["height"] >= 24 and box["width"] >= 24, f"a target smaller than 24 px: {box}"
            overlaps = (
                box["left"] < text["right"]
                and box["right"] > text["left"]
                and box["top"] < text["bottom"]
                and box["bottom"] > text["top"]
            )
            assert not overlaps, f"a control {box} lies over the text {text}"


@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_official_words_begin_on_the_first_screen(browser: Browser, site_url: str, screen: str) -> None:
    """The title, one line of date, place and issuer, the source; then the text.

    Before, the first official word stood 751 px down a 1280 × 800 window, 1,128 px down a
    390 × 844 phone and 1,414 px down a 320 × 640 one, below the whole of the edition's apparatus.
    On a desktop it now starts in the top half of the window; on a phone, on the first screen.
    """
    context, page = open_on(browser, site_url, screen)
    try:
        top: float = page.evaluate(FIRST_WORD_TOP)
        facts = page.locator(".stmt-lead .stmt-fact dd").evaluate_all(
            "facts => facts.map(fact => [fact.textContent, Math.round(fact.getBoundingClientRect().top)])"
        )
    finally:
        context.close()
    width, height = SCREENS[screen]
    bound = height / 2 if screen == "desktop" else height - 40  # a line of text fully on the screen
    assert top < bound, f"the first official word starts {top:.0f} px down a {width} × {height} screen"
    assert [fact for fact, _ in facts] == [
        "7 December 2001",
        "Brussels",
        "NATO-Russia Permanent Joint Council, at the level of Foreign Ministers",
    ]
    if screen == "desktop":
        assert len({line for _, line in facts}) == 1, f"date, place and issuer on one line: {facts}"


@pytest.mark.browser
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_title_leads_and_the_subtitle_follows_it(browser: Browser, site_url: str, screen: str) -> None:
    """The title in the text's own colour and bold; the descriptive line below it neither larger nor darker.

    Before, the title was 32 px light grey (Material's h1) and the descriptive line 21 px in the
    text's full colour: the line read as the heading.
    """
    context, page = open_on(browser, site_url, screen)
    try:
        styles = page.evaluate(
            """() => [document.querySelector("h1#title"), document.querySelector(".stmt-subtitle"),
                      document.querySelector(".stmt-text")].map(element => {
                const style = getComputedStyle(element);
                return {size: parseFloat(style.fontSize), weight: Number(style.fontWeight), color: style.color};
            })"""
        )
    finally:
        context.close()
    title, subtitle, text = styles
    assert title["color"] == text["color"], "the title is in the colour of the text, not a light grey"
    assert title["weight"] >= 600
    assert title["size"] > subtitle["size"] and title["weight"] > subtitle["weight"]
    assert subtitle["color"] != text["color"], "the descriptive line is quieter than the title"


ABOUT_ROWS = ["Document", "Words", "Permanent address", "Download"]
"""What "About this text" holds first: the rows of the metadata that do not lead the page."""


@pytest.mark.browser
def test_about_this_text_stands_beside_the_text_on_a_wide_screen(browser: Browser, site_url: str) -> None:
    """Open, in the margin at the right of the text from its first paragraph, with no control to open it."""
    from playwright.sync_api import expect

    context, page = open_on(browser, site_url, "desktop")
    try:
        about = page.locator("details.stmt-about")
        expect(about.locator("> summary")).to_be_hidden()
        expect(about.locator(".stmt-permanent a.stmt-address")).to_be_visible()
        expect(about.get_by_role("link", name="Report it")).to_be_visible()
        assert [term.removesuffix(":") for term in about.locator(".stmt-meta dt").all_text_contents()] == ABOUT_ROWS
        assert page.get_by_role("group", name="About this text").count() == 1  # named, though its summary is hidden
        panel = about.bounding_box()
        text = page.locator(".stmt-para[data-para='1'] .stmt-text").bounding_box()
        assert panel is not None and text is not None
        assert panel["x"] >= text["x"] + text["width"], f"the panel {panel} is not at the right of the text {text}"
        assert panel["y"] < text["y"] + text["height"], "the panel stands beside the first paragraph, not below it"
        assert panel["x"] + panel["width"] <= page.locator("article").bounding_box()["x"] + 938  # type: ignore[index]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", ["phone", "small phone"])
def test_about_this_text_is_one_disclosure_on_a_phone(browser: Browser, site_url: str, screen: str) -> None:
    """Closed between the source and the text; a tap, or Enter, opens it on everything else."""
    from playwright.sync_api import expect

    context, page = open_on(browser, site_url, screen)
    try:
        about = page.locator("details.stmt-about")
        summary = about.locator("> summary")
        expect(summary).to_have_text("About this text")
        expect(summary).to_be_in_viewport()
        expect(about.locator(".stmt-permanent")).to_be_hidden()
        expect(about.locator(".stmt-downloads")).to_be_hidden()
        expect(page.locator(".stmt-lead .stmt-official a.stmt-source")).to_be_visible()  # the source leads
        summary.focus()
        page.keyboard.press("Enter")
        expect(about.locator(".stmt-permanent a.stmt-address")).to_be_visible()
        expect(about.locator(".stmt-downloads")).to_be_visible()
        expect(about.locator("details.stmt-kinds > summary")).to_be_visible()
        assert [term.removesuffix(":") for term in about.locator(".stmt-meta dt").all_text_contents()] == ABOUT_ROWS
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_notes_wait_one_tap_away_and_keep_all_they_give(browser: Browser, site_url: str, screen: str) -> None:
    """Under each paragraph one quiet line names its notes; open, they give every sentence's kind,
    topics, documents, deadline and Cite control, to the keyboard and to screen readers too."""
    from playwright.sync_api import expect

    context, page = open_on(browser, site_url, screen)
    try:
        box = page.locator(".stmt-para[data-para='3'] details.stmt-notes-box")
        summary = box.locator("summary")
        expect(summary).to_have_text("Notes on sentences 3.1–3.3")
        expect(box.locator("li").first).to_be_hidden()
        text = page.locator(".stmt-para[data-para='3'] .stmt-text").bounding_box()
        line = summary.bounding_box()
        assert text is not None and line is not None
        assert line["height"] <= 30, "the closed notes take one line"
        assert 0 <= line["y"] - (text["y"] + text["height"]) <= 30, "the line follows the paragraph's text"
        summary.focus()
        page.keyboard.press("Enter")
        notes = box.locator("ul.stmt-notes li")
        expect(notes).to_have_count(3)
        expect(notes.nth(2)).to_contain_text("3.3 · support · Terrorism · refers to UN Security Council Resolution")
        expect(notes.nth(0).get_by_role("link", name="Terrorism")).to_be_visible()
        expect(page.get_by_role("button", name="Cite sentence 3.1", exact=True)).to_be_visible()
        page.keyboard.press("Tab")
        expect(notes.nth(0).locator("a.stmt-cmt-link")).to_be_focused()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_cite_control_is_shown_and_quiet(browser: Browser, site_url: str, screen: str) -> None:
    """Each paragraph's Cite shows, without hovering, as a muted word: no box, no link colour.

    Before, a desktop showed no Cite at all until the pointer was over the paragraph
    (opacity 0), and a phone 17 outlined buttons with 12 px labels, one on every note's line.
    """
    context, page = open_on(browser, site_url, screen)
    try:
        page.mouse.move(1, 1)  # the pointer over no paragraph
        controls = page.locator("button.stmt-cite")
        shown = controls.evaluate_all(
            """buttons => buttons.filter(button => button.checkVisibility({opacityProperty: true})).map(button => {
                const style = getComputedStyle(button);
                return {name: button.getAttribute("aria-label"), size: parseFloat(style.fontSize),
                        border: style.borderTopStyle, color: style.color};
            })"""
        )
        text_colour = page.locator(".stmt-text").first.evaluate("element => getComputedStyle(element).color")
        link_colour = page.locator("a.stmt-source").evaluate("element => getComputedStyle(element).color")
    finally:
        context.close()
    assert [control["name"] for control in shown] == [
        "Cite this statement",
        *(f"Cite paragraph {n}" for n in (1, 2, 3, 4)),
    ]
    for control in shown:
        assert control["border"] == "none", "a word, not an outlined button"
        assert control["size"] >= 13
        assert control["color"] not in (text_colour, link_colour), "muted: neither the text's colour nor a link's"


MENU_PLACE = """anchor => {
    const menu = document.getElementById("stmt-menu").getBoundingClientRect();
    const paragraph = document.getElementById(anchor).closest(".stmt-para") ||
        document.getElementById(anchor).nextElementSibling;
    const number = paragraph.querySelector(".stmt-num").getBoundingClientRect();
    const header = document.querySelector(".md-header").getBoundingClientRect();
    return {menu: menu.toJSON(), number: number.toJSON(), headerBottom: header.bottom,
            width: document.documentElement.clientWidth, height: window.innerHeight,
            scrollWidth: document.documentElement.scrollWidth};
}"""
"""Where the open menu stands, with the number of its paragraph, the header's bottom and the window."""


@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(
    ("control", "anchor"), [("Cite paragraph 2", "para_2"), ("Cite sentence 3.3", "para_3__cmt_3")]
)
def test_the_cite_menu_opens_inside_the_window_and_leaves_the_number_uncovered(
    browser: Browser, site_url: str, screen: str, control: str, anchor: str
) -> None:
    """A Cite control near the bottom of the window opens its menu above it, all of it on screen.

    Before, a paragraph's menu opened over its number, at the top left of the paragraph, and
    a menu near the bottom of the window opened below it, out of sight.
    """
    from playwright.sync_api import expect

    context, page = open_on(browser, site_url, screen)
    try:
        if "sentence" in control:
            open_notes(page, 3)
        button = page.get_by_role("button", name=control, exact=True)
        button.evaluate("button => window.scrollBy(0, button.getBoundingClientRect().bottom - innerHeight + 16)")
        button.click()
        expect(page.locator("#stmt-menu .stmt-menu-item").first).to_be_focused()
        place = page.evaluate(MENU_PLACE, anchor)
    finally:
        context.close()
    menu, number = place["menu"], place["number"]
    assert menu["left"] >= 0 and menu["right"] <= place["width"], f"the menu {menu} is wider than the window"
    assert menu["top"] >= place["headerBottom"] and menu["bottom"] <= place["height"], f"the menu {menu} is off screen"
    assert place["scrollWidth"] <= place["width"], "the open menu makes the page scroll sideways"
    covers = (
        menu["left"] < number["right"]
        and menu["right"] > number["left"]
        and menu["top"] < number["bottom"]
        and menu["bottom"] > number["top"]
    )
    assert not covers, f"the menu {menu} covers the paragraph's number {number}"
