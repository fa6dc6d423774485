"""The sentences list filters by kind and topic in the browser, and the address keeps the choice."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize


def visible_sentences(page: Page) -> list[str]:
    """The anchors of the rows shown."""
    links: list[str] = page.locator("table.stmt-sentences tbody tr:not([hidden]) td:first-child a").evaluate_all(
        "links => links.map(link => link.hash.slice(1))"
    )
    return links


@pytest.mark.browser
def test_filtering_by_kind_and_topic_narrows_the_list_and_keeps_the_choice(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "commitments/")
    count = page.locator(".stmt-filter-count")
    expect(count).to_have_text("13 of 13 sentences")
    page.get_by_label("Kind").select_option("condemn")
    expect(count).to_have_text("1 of 13 sentences")
    assert visible_sentences(page) == ["para_3__cmt_1"]
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["condemn"]}

    page.get_by_label("Kind").select_option("")
    page.get_by_label("Topic").select_option("terrorism")
    expect(count).to_have_text("5 of 13 sentences")
    assert visible_sentences(page) == [
        "para_3__cmt_1",
        "para_3__cmt_2",
        "para_3__cmt_3",
        "para_4__cmt_1",
        "para_4__cmt_3",
    ]


@pytest.mark.browser
def test_a_shared_filtered_address_shows_the_same_list(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "commitments/?kind=observe&topic=terrorism")
    expect(page.locator(".stmt-filter-count")).to_have_text("1 of 13 sentences")
    assert visible_sentences(page) == ["para_4__cmt_1"]
    expect(page.get_by_label("Kind")).to_have_value("observe")
    expect(page.get_by_label("Topic")).to_have_value("terrorism")


@pytest.mark.browser
def test_an_empty_result_says_so_and_clears_the_filter(page: Page, site_url: str) -> None:
    """No row has both "condemn" and "Institutions and mechanisms": the page says so, aloud, with the way back."""
    from playwright.sync_api import expect

    page.goto(site_url + "commitments/?kind=condemn&topic=institutions")
    assert visible_sentences(page) == []
    status = page.locator("[aria-live]").filter(has_text="No sentence")
    expect(status).to_be_visible()
    expect(status).to_have_text("No sentence matches the kind “condemn” and the topic “Institutions and mechanisms”.")
    expect(page.locator("table.stmt-sentences")).to_be_hidden()

    page.get_by_role("button", name="Show all sentences").click()
    expect(page.locator(".stmt-filter-count")).to_have_text("13 of 13 sentences")
    assert len(visible_sentences(page)) == 13
    assert urlsplit(page.url).query == ""
    expect(page.get_by_label("Kind")).to_have_value("")
    expect(page.get_by_label("Kind")).to_be_focused()
    expect(page.get_by_role("button", name="Show all sentences")).to_be_hidden()


@pytest.mark.browser
def test_the_menus_offer_only_kinds_and_topics_that_have_sentences(page: Page, site_url: str) -> None:
    page.goto(site_url + "commitments/")
    rows = page.locator("table.stmt-sentences tbody tr")
    kinds = set(rows.evaluate_all("rows => rows.map(row => row.dataset.kind)"))
    topics = {t for ts in rows.evaluate_all("rows => rows.map(row => row.dataset.topics)") for t in ts.split()}
    offered_kinds = page.locator("select[name=kind] option").evaluate_all("options => options.map(o => o.value)")
    offered_topics = page.locator("select[name=topic] option").evaluate_all("options => options.map(o => o.value)")
    assert offered_kinds[0] == offered_topics[0] == ""  # "all kinds", "all topics"
    assert set(offered_kinds[1:]) == kinds
    assert set(offered_topics[1:]) == topics
    assert len(offered_kinds[1:]) == len(kinds) and len(offered_topics[1:]) == len(topics)
    # Every kind and topic offered narrows the list to at least one sentence.
    for name, values in (("Kind", offered_kinds[1:]), ("Topic", offered_topics[1:])):
        for value in values:
            page.get_by_label(name).select_option(value)
            assert visible_sentences(page), f"{name} {value!r} is offered but leaves no sentence"
        page.get_by_label(name).select_option("")


def column_headings(page: Page) -> list[str]:
    """The column headings shown in the first table of sentences."""
    headings: list[str] = page.locator("table.stmt-sentences").first.locator("th:visible").all_inner_texts()
    return headings


@pytest.mark.browser
def test_a_filter_hides_the_columns_and_statements_it_leaves_empty(page: Page, site_url: str) -> None:
    """Only 2.4 has a deadline: the Deadline column shows while it is listed, and goes when it is not."""
    from playwright.sync_api import expect

    page.goto(site_url + "commitments/")
    group = page.locator("section.stmt-sentence-group")
    assert column_headings(page) == ["Sentence", "Kind", "Topics", "Deadline"]
    page.get_by_label("Kind").select_option("condemn")
    expect(page.locator(".stmt-filter-count")).to_have_text("1 of 13 sentences")
    assert column_headings(page) == ["Sentence", "Kind", "Topics"]
    assert page.locator("tbody tr:not([hidden]) td:visible").count() == 3
    page.get_by_label("Kind").select_option("intend")
    assert column_headings(page) == ["Sentence", "Kind", "Topics", "Deadline"]
    page.get_by_label("Topic").select_option("terrorism")
    expect(group).to_be_hidden()
    expect(group.get_by_role("heading")).to_be_hidden()


WIDE: ViewportSize = {"width": 1280, "height": 800}
"""A laptop's screen."""
PHONE: ViewportSize = {"width": 390, "height": 844}
"""A phone's screen."""


@pytest.mark.browser
@pytest.mark.parametrize(("path", "share"), [("commitments/", 0.7), ("topics/terrorism/", 0.9)])
def test_on_a_wide_screen_the_sentences_take_the_width_under_one_heading_per_statement(
    page: Page, site_url: str, path: str, share: float
) -> None:
    """The table once took 688 px of 1280 on the Sentences page (54%), 938 px on a topic's page (73%)."""
    page.set_viewport_size(WIDE)
    page.goto(site_url + path)
    heading = page.locator("section.stmt-sentence-group h2")
    assert heading.all_inner_texts() == ["NATO-Russia Joint Statement, Brussels, 7 December 2001"]
    assert heading.get_by_role("link").evaluate("link => link.href") == f"{site_url}statements/{STATEMENT_ID}/"
    table = page.locator("table.stmt-sentences").bounding_box()
    assert table is not None
    assert table["width"] >= share * WIDE["width"], f"the table is {table['width']} px wide"
    words = page.locator("table.stmt-sentences tbody td:first-child").first.bounding_box()
    assert words is not None and words["width"] >= table["width"] / 2, "the words take at least half the table"
    text = page.locator("article").inner_text()
    assert text.count("NATO-Russia Joint Statement") == 1


@pytest.mark.browser
def test_on_a_phone_each_sentence_is_a_block_with_only_the_columns_it_fills(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + "commitments/")
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    rows = page.locator("table.stmt-sentences tbody tr")
    shown = """cells => cells.filter(cell => getComputedStyle(cell).display !== "none").map(cell => [
        getComputedStyle(cell, "::before").content, cell.innerText, Math.round(cell.getBoundingClientRect().width)])"""
    width = PHONE["width"] - 32  # Material's margins
    assert rows.nth(0).locator("td").evaluate_all(shown) == [
        [
            "none",
            "para. 1, sentence 1: Today we commit ourselves to forge a new relationship between NATO Allies and "
            "Russia, enhancing our ability to work together in areas of common interest and to stand up to new "
            "threats and risks to our security.",
            width,
        ],
        ['"Kind: "', "commit", width],
        ['"Topics: "', "NATO-Russia relations", width],
    ]
    cells = rows.nth(6).locator("td").evaluate_all(shown)
    assert [label for label, *_ in cells] == [
        "none",
        '"Kind: "',
        '"Topics: "',
        '"Deadline: "',
    ]
    # The label names the column once: "Deadline: May 2002: the meeting ...", not "Deadline: deadline May 2002".
    assert cells[3][1].startswith("May 2002: the meeting of the Permanent Joint Council")
