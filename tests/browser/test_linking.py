"""Linking and citing, in a real browser: copy controls, arriving by a link, short references.

Every test opens the built site served on 127.0.0.1; the ``page`` fixture fails a
test whose page sends a request to any other host.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

STATEMENT = f"statements/{STATEMENT_ID}/"
"""The statement page, relative to the site's root."""
CITED_AS = "NATO-Russia Joint Statement, Brussels, 7 December 2001"
"""The short reference of the "How to link and cite" page, before its pinpoint."""
CLIPBOARD = ["clipboard-read", "clipboard-write"]
MENU_ITEMS = [
    "Copy link",
    "Copy citation: OSCOLA",
    "Copy citation: Chicago (notes)",
    "Copy citation: APA",
    "Copy quote with citation",
    "Copy Markdown link",
    "Report an error",
]
"""The items of a sentence's Cite menu, in order."""


def statement_url(site_url: str, fragment: str = "") -> str:
    """The statement page's address, with ``#fragment`` if given."""
    return site_url + STATEMENT + (f"#{fragment}" if fragment else "")


def clipboard(page: Page) -> str:
    """What the clipboard holds now."""
    text: str = page.evaluate("navigator.clipboard.readText()")
    return text


def fragment(page: Page) -> str:
    """The fragment of the page's current address."""
    return urlsplit(page.url).fragment


def assert_marked_below_header(page: Page, target: Locator) -> None:
    """``target`` is marked, visible, and not hidden under the sticky header."""
    from playwright.sync_api import expect

    expect(target).to_have_class(
        "stmt-cmt stmt-target" if "__cmt_" in (target.get_attribute("id") or "") else "stmt-para-heading stmt-target"
    )
    expect(target).to_be_in_viewport()
    header_bottom = page.locator("header.md-header").evaluate("header => header.getBoundingClientRect().bottom")
    target_top = target.evaluate("element => element.getBoundingClientRect().top")
    assert target_top >= header_bottom, (
        f"the target starts at {target_top}px, under the header ending at {header_bottom}px"
    )
    outline = target.evaluate("element => getComputedStyle(element).outlineStyle")
    background = target.evaluate("element => getComputedStyle(element).backgroundColor")
    assert outline == "solid"
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def today(order: str) -> str:
    """Today as a style writes it, the accessed date the page fills in."""
    now = datetime.date.today()
    month = now.strftime("%B")
    return f"{month} {now.day}, {now.year}" if order == "mdy" else f"{now.day} {month} {now.year}"


def choose(page: Page, control_name: str, item: str) -> Locator:
    """Opens the Cite menu named ``control_name`` with the keyboard and presses Enter on ``item``; the item."""
    from playwright.sync_api import expect

    closed_notes = page.locator("details.stmt-notes-box:not([open]) > summary")
    while closed_notes.count():
        closed_notes.first.click()  # a sentence's control is with its note, under its paragraph's notes
    control = page.get_by_role("button", name=control_name, exact=True)
    expect(control).to_have_count(1)
    control.focus()
    page.keyboard.press("Enter")
    expect(control).to_have_attribute("aria-expanded", "true")
    menu = page.locator("#stmt-menu")
    expect(menu).to_be_visible()
    expect(menu.locator(".stmt-menu-item").first).to_be_focused()
    items = menu.locator(".stmt-menu-item")
    chosen = items.nth(items.all_inner_texts().index(item))  # by place: its text changes once it has copied
    chosen.focus()
    page.keyboard.press("Enter")
    return chosen


@pytest.mark.browser
@pytest.mark.parametrize(
    ("control_name", "item", "expected"),
    [
        ("Cite sentence 3.1", "Copy link", "{url}#para_3__cmt_1"),
        (
            "Cite sentence 3.1",
            "Copy citation: OSCOLA",
            "NATO-Russia Permanent Joint Council, ‘NATO-Russia Joint Statement’ (NATO Press Statement, NATO 7 December "
            "2001) para 3, sentence 1 <{url}#para_3__cmt_1> accessed {dmy}.",
        ),
        (
            "Cite sentence 3.1",
            "Copy citation: Chicago (notes)",
            "NATO-Russia Permanent Joint Council, “NATO-Russia Joint Statement,” NATO Press Statement, NATO, "
            "December 7, 2001, para. 3, sentence 1, Diplomatic Statements — Reference Edition, accessed {mdy}, "
            "{url}#para_3__cmt_1.",
        ),
        (
            "Cite sentence 3.1",
            "Copy citation: APA",
            "NATO-Russia Permanent Joint Council. (2001, December 7). NATO-Russia Joint Statement [NATO Press "
            "Statement]. NATO. Diplomatic Statements — Reference Edition. {url}#para_3__cmt_1\n"
            "(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)",
        ),
        ("Cite sentence 3.1", "Copy Markdown link", "[" + CITED_AS + ", para. 3, sentence 1]({url}#para_3__cmt_1)"),
        ("Cite paragraph 2", "Copy link", "{url}#para_2"),
        (
            "Cite paragraph 2",
            "Copy citation: OSCOLA",
            "NATO-Russia Permanent Joint Council, ‘NATO-Russia Joint Statement’ (NATO Press Statement, NATO 7 December "
            "2001) para 2 <{url}#para_2> accessed {dmy}.",
        ),
        ("Cite paragraph 2", "Copy Markdown link", "[" + CITED_AS + ", para. 2]({url}#para_2)"),
    ],
)
def test_the_cite_menu_copies_the_link_citations_and_markdown(
    page: Page, site_url: str, control_name: str, item: str, expected: str
) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url) + "?highlight=terrorism")  # the copied address drops search highlighting
    chosen = choose(page, control_name, item)
    expect(chosen).to_contain_text("Copied")
    assert clipboard(page) == expected.format(url=statement_url(site_url), dmy=today("dmy"), mdy=today("mdy"))
    expect(page.locator("#stmt-announcer")).to_contain_text(control_name.removeprefix("Cite "))
    expect(chosen).to_have_text(item, timeout=5000)
    page.keyboard.press("Escape")
    expect(page.locator("#stmt-menu")).to_be_hidden()
    expect(page.get_by_role("button", name=control_name, exact=True)).to_be_focused()


@pytest.mark.browser
def test_every_paragraph_and_sentence_has_one_cite_control(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(statement_url(site_url))
    for summary in page.locator("details.stmt-notes-box > summary").all():
        summary.click()  # the sentences' controls are with their notes
    controls = page.locator("button.stmt-cite")
    names = controls.evaluate_all("buttons => buttons.map(b => b.getAttribute('aria-label'))")
    anchors = ["paragraph 1", *[f"sentence 1.{m}" for m in (1, 2, 3)], "paragraph 2",
               *[f"sentence 2.{m}" for m in (1, 2, 3, 4)], "paragraph 3", *[f"sentence 3.{m}" for m in (1, 2, 3)],
               "paragraph 4", *[f"sentence 4.{m}" for m in (1, 2, 3)]]  # fmt: skip
    assert names == ["Cite this statement", *(f"Cite {anchor}" for anchor in anchors)]
    # the visible label begins the accessible name (WCAG 2.5.3)
    assert controls.all_inner_texts() == ["Cite this statement", *(["Cite"] * len(anchors))]
    assert page.locator("article button").count() == 1 + len(anchors), "one control per paragraph and sentence"
    controls.nth(6).click()
    items = page.locator("#stmt-menu .stmt-menu-item")
    expect(items).to_have_text(MENU_ITEMS)
    page.mouse.click(5, 300)  # a click elsewhere closes the menu
    expect(page.locator("#stmt-menu")).to_be_hidden()
    expect(controls.nth(6)).to_have_attribute("aria-expanded", "false")


@pytest.mark.browser
def test_copy_works_after_instant_navigation(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="NATO-Russia Joint Statement, Brussels, 7 December 2001").click()
    page.wait_for_url(statement_url(site_url))
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew, not by instant navigation"
    expect(choose(page, "Cite sentence 4.3", "Copy link")).to_contain_text("Copied")
    assert clipboard(page) == f"{statement_url(site_url)}#para_4__cmt_3"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("anchor", ["para_3", "para_4__cmt_3"])
def test_arriving_by_a_link_scrolls_the_target_below_the_header_and_marks_it(
    page: Page, site_url: str, scheme: str, anchor: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(statement_url(site_url, anchor))
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
    assert_marked_below_header(page, page.locator(f"#{anchor}"))
    assert page.locator(".stmt-target").count() == (2 if "__cmt_" not in anchor else 1)


@pytest.mark.browser
def test_marking_follows_in_site_navigation_and_back_and_forward(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "about/")
    page.evaluate("window.__sameDocument = true")
    # Clicked at once, while Material still records the scroll position of the page
    # being left: the target must be on screen all the same.
    page.locator("a[href$='#para_3__cmt_1']").first.click()
    page.wait_for_url(statement_url(site_url, "para_3__cmt_1"))
    assert page.evaluate("window.__sameDocument") is True, "the page was loaded anew, not by instant navigation"
    assert_marked_below_header(page, page.locator("#para_3__cmt_1"))

    page.locator("#para_2 a.headerlink").click()
    expect(page.locator("#para_2")).to_have_class("stmt-para-heading stmt-target")
    expect(page.locator("#para_3__cmt_1")).to_have_class("stmt-cmt")

    page.go_back()
    expect(page.locator("#para_3__cmt_1")).to_have_class("stmt-cmt stmt-target")
    expect(page.locator("#para_2")).to_have_class("stmt-para-heading")
    page.go_back()
    page.wait_for_url(site_url + "about/")
    page.go_forward()
    page.wait_for_url(statement_url(site_url, "para_3__cmt_1"))
    assert_marked_below_header(page, page.locator("#para_3__cmt_1"))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("3", "para_3"),
        ("p3", "para_3"),
        ("para3", "para_3"),
        ("3.1", "para_3__cmt_1"),
        ("3-1", "para_3__cmt_1"),
        ("p2.4", "para_2__cmt_4"),
        ("%C2%A74", "para_4"),
    ],
)
def test_short_references_lead_to_the_canonical_anchor(page: Page, site_url: str, typed: str, canonical: str) -> None:
    page.goto(statement_url(site_url, typed))
    page.wait_for_url(statement_url(site_url, canonical))
    assert_marked_below_header(page, page.locator(f"#{canonical}"))


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("9", "This statement has no paragraph 9: its paragraphs are 1 to 4."),
        ("para_9", "This statement has no paragraph 9: its paragraphs are 1 to 4."),
        ("3.9", "Paragraph 3 has no sentence 9: its sentences are 3.1 to 3.3."),
        ("para_2__cmt_7", "Paragraph 2 has no sentence 7: its sentences are 2.1 to 2.4."),
        (
            "nonsense",
            "Nothing on this page is called “#nonsense”: the link may be mistyped. "
            "This statement's paragraphs are 1 to 4.",
        ),
        ("3.0", "Paragraph 3 has no sentence 0: its sentences are 3.1 to 3.3."),
        ("0.0", "This statement has no paragraph 0: its paragraphs are 1 to 4."),
        ("9.1", "This statement has no paragraph 9: its paragraphs are 1 to 4."),
        ("3.00a", "Paragraph 3 has no sentence 0A: its sentences are 3.1 to 3.3."),
        ("para_3__cmt_0", "Paragraph 3 has no sentence 0: its sentences are 3.1 to 3.3."),
        ("9" * 24, f"This statement has no paragraph {'9' * 24}: its paragraphs are 1 to 4."),
        ("3." + "9" * 23, f"Paragraph 3 has no sentence {'9' * 23}: its sentences are 3.1 to 3.3."),
        (
            "%E0%A4%A",
            "Nothing on this page is called “#%E0%A4%A”: the link may be mistyped. "
            "This statement's paragraphs are 1 to 4.",
        ),
        (
            "para_",
            "Nothing on this page is called “#para_”: the link may be mistyped. "
            "This statement's paragraphs are 1 to 4.",
        ),
    ],
)
def test_a_link_to_nothing_says_so_and_leaves_the_address_alone(
    page: Page, page_errors: list[str], site_url: str, typed: str, said: str
) -> None:
    from playwright.sync_api import expect

    page.goto(statement_url(site_url, typed))
    notice = page.get_by_role("alert")
    expect(notice).to_have_text(said)
    expect(notice).to_be_in_viewport()
    assert fragment(page) == typed
    assert page.locator(".stmt-target").count() == 0
    page.goto(statement_url(site_url, "3"))  # a link that leads somewhere takes the notice away
    expect(page.locator("#stmt-missing")).to_have_count(0)


@pytest.mark.browser
def test_search_results_highlight_the_words_and_can_be_shared(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("condemn terrorism")
    expect(page.locator("ol.md-search-result__list")).to_have_attribute("data-query", "condemn terrorism")
    share = page.locator("a.stmt-search-share")
    expect(share).to_have_attribute("href", re.compile(r"\?q=condemn\+terrorism$"))
    share.click()
    shared = clipboard(page)
    assert urlsplit(shared).query == "q=condemn+terrorism"

    page.goto(shared)  # the shared link opens the search with its words and results
    expect(search).to_have_value("condemn terrorism")
    expect(page.locator("ol.md-search-result__list")).to_have_attribute("data-query", "condemn terrorism")
    top_hit = page.locator("li.md-search-result__item a.md-search-result__link").first
    expected = STATEMENT + "?highlight=condemn&highlight=terrorism#para_3__cmt_1"
    expect(top_hit).to_have_attribute("href", "/" + expected)
    top_hit.click()
    page.wait_for_url(lambda url: urlsplit(url).fragment == "para_3__cmt_1")
    marks = page.locator(".stmt-para[data-para='3'] mark")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} >= {"condemn", "terrorism"}
    assert_marked_below_header(page, page.locator("#para_3__cmt_1"))


@pytest.mark.browser
def test_print_shows_the_text_its_numbers_source_edition_and_date_and_no_controls(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(statement_url(site_url, "para_3__cmt_1"))
    page.locator("button.stmt-cite").first.wait_for()
    page.emulate_media(media="print")
    for hidden in (
        "header.md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        "footer.md-footer",
        "button.stmt-cite >> nth=0",
        "a.headerlink >> nth=0",
        ".stmt-downloads",
        ".stmt-kinds",
        "h2.stmt-para-heading >> nth=0",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    printed = page.locator("article").inner_text()
    assert "Paragraph 1" not in printed, "a paragraph's number prints once, before its text"
    assert "JSON" not in printed and "BibTeX" not in printed and "Cite" not in printed
    numbers = page.locator(".stmt-num")
    assert numbers.all_inner_texts() == ["1.", "2.", "3.", "4."]
    expect(numbers.first).to_be_visible()
    sentence_number = page.locator(".stmt-sn").first
    expect(sentence_number).to_be_visible()
    assert sentence_number.evaluate("element => getComputedStyle(element, '::before').content") == '"1.1"'
    source = page.locator("a.stmt-source")
    assert source.evaluate("element => getComputedStyle(element, '::after').content") == (
        '", https://www.nato.int/docu/pr/2001/p011207e.htm"'
    )
    address = page.locator(".stmt-permanent dd")
    expect(address).to_be_visible()
    expect(address).to_have_text(statement_url(site_url))
    today = datetime.date.today()
    expect(page.locator(".stmt-printed")).to_have_text(
        f"Printed on {today.day} {today.strftime('%B')} {today.year} from Diplomatic Statements — Reference Edition, "
        + statement_url(site_url)
    )
    expect(page.locator(".stmt-printed")).to_be_visible()
    topic = page.locator(".stmt-notes a[href*='/topics/']").first
    assert topic.evaluate("element => getComputedStyle(element).textDecorationLine") == "none"
    assert page.locator("#para_3__cmt_1").evaluate("element => getComputedStyle(element).outlineStyle") == "none"
