"""The commitments list filters by kind and topic in the browser, and the address keeps the choice."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page


def visible_commitments(page: Page) -> list[str]:
    """The anchors of the rows shown."""
    links: list[str] = page.locator("table.stmt-commitments tbody tr:not([hidden]) td:first-child a").evaluate_all(
        "links => links.map(link => link.hash.slice(1))"
    )
    return links


@pytest.mark.browser
def test_filtering_by_kind_and_topic_narrows_the_list_and_keeps_the_choice(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "commitments/")
    count = page.locator(".stmt-filter-count")
    expect(count).to_have_text("13 of 13 commitments")
    page.get_by_label("Kind").select_option("condemn")
    expect(count).to_have_text("1 of 13 commitments")
    assert visible_commitments(page) == ["para_3__cmt_1"]
    assert parse_qs(urlsplit(page.url).query) == {"kind": ["condemn"]}

    page.get_by_label("Kind").select_option("")
    page.get_by_label("Topic").select_option("terrorism")
    expect(count).to_have_text("5 of 13 commitments")
    assert visible_commitments(page) == [
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
    expect(page.locator(".stmt-filter-count")).to_have_text("1 of 13 commitments")
    assert visible_commitments(page) == ["para_4__cmt_1"]
    expect(page.get_by_label("Kind")).to_have_value("observe")
    expect(page.get_by_label("Topic")).to_have_value("terrorism")
