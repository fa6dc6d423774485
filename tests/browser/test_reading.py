"""Reading a statement as readers do, in a real browser: sentence numbers, the keyboard, the
line length, the kinds explained, the downloads, and what the page says of its own trust.

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
    from playwright.sync_api import Browser, Page

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


def open_statement(page: Page, site_url: str, fragment: str = "") -> None:
    """The statement page, once its script has added the controls."""
    page.goto(statement_url(site_url, fragment))
    page.locator("button.stmt-cite").first.wait_for()


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
    used = set(page.locator(".stmt-notes .stmt-kind").all_inner_texts())
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
@pytest.mark.parametrize("width", [390, 320])
def test_on_a_phone_the_controls_show_without_crowding_the_text(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        open_statement(page, site_url)
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
    assert width_used <= width
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
