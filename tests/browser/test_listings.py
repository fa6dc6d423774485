"""The sentences list filters by kind and topic in the browser, and the address keeps the choice."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page


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
