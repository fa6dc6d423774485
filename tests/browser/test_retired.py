"""Anchors that moved: a retired anchor lands on its successor, an inserted sentence has its own number."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from edition import anchors
from tests.browser.conftest import built_and_served
from tests.conftest import STATEMENT_ID, copy_project, run_build_site
from tests.test_anchors import rewrite, sentences

if TYPE_CHECKING:
    from playwright.sync_api import Page


INSERTED = "A sentence missing from the first transcription."


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site after 4.2 and 4.3 were joined into 4.4, both retired leading to it, and a sentence was
    inserted before 3.1 as 3.A1; its base URL."""
    root = copy_project(tmp_path_factory.mktemp("retired") / "project")

    def join_4_2_and_4_3_and_insert_3_a1(data: dict[str, Any]) -> None:
        last = sentences(data, 4).pop()
        sentences(data, 4)[-1]["text"] += " " + last["text"]
        sentences(data, 4)[-1]["number"] = 4
        sentences(data, 3).insert(0, {"text": INSERTED, "kind": "observe", "topics": ["terrorism"], "number": "A1"})

    rewrite(root, join_4_2_and_4_3_and_insert_3_a1)
    for command in (
        ["retire", STATEMENT_ID, "para_4__cmt_2", "--successor", "para_4__cmt_4", "--reason", "Joined."],
        ["retire", STATEMENT_ID, "para_4__cmt_3", "--successor", "para_4__cmt_4", "--reason", "Joined."],
    ):
        result = run_build_site(root, *command)
        assert result.returncode == 0, result.stderr
    with built_and_served(root) as url:
        yield url


@pytest.mark.browser
def test_a_link_to_a_retired_anchor_lands_on_its_successor(page: Page, retired_site: str) -> None:
    from playwright.sync_api import expect

    statement = f"{retired_site}statements/{STATEMENT_ID}/"
    page.goto(f"{statement}#para_4__cmt_3")
    page.wait_for_url(f"{statement}#para_4__cmt_4")
    successor = page.locator("#para_4__cmt_4")
    expect(successor).to_have_class("stmt-cmt stmt-target")
    expect(successor).to_be_in_viewport()
    expect(page.locator(".stmt-target")).to_have_count(1)


@pytest.mark.browser
@pytest.mark.parametrize(
    "typed", ["3.a1", "3.A1", "para_3__cmt_A1", "p3-a1", "%C2%B63/ca1", "%C2%A7%203%20:%20cmt_A1", "03%20.%20a1"]
)
def test_an_inserted_sentence_has_its_own_number_and_the_others_keep_theirs(
    page: Page, retired_site: str, typed: str
) -> None:
    """Every short reference that the code's grammar reads as 3.A1 (:func:`edition.anchors.short_reference`) lands
    on the inserted sentence."""
    from playwright.sync_api import expect

    read = anchors.short_reference(urllib.parse.unquote(typed))
    assert read == ("3", "A1")
    statement = f"{retired_site}statements/{STATEMENT_ID}/"
    page.goto(f"{statement}#{typed}")
    page.wait_for_url(f"{statement}#{anchors.sentence(3, read[1])}")
    inserted = page.locator("#para_3__cmt_A1")
    expect(inserted).to_have_text(INSERTED)
    expect(inserted).to_be_in_viewport()
    expect(page.locator(".stmt-sn:has(+ #para_3__cmt_A1)")).to_have_attribute("data-sn", "3.A1")
    expect(page.locator("#para_3__cmt_1")).to_have_text("We condemn terrorism in all its manifestations.")
    page.goto(f"{statement}#3.9")
    expect(page.get_by_role("alert")).to_have_text("Paragraph 3 has no sentence 9: its sentences are 3.A1 to 3.3.")


@pytest.mark.browser
@pytest.mark.parametrize(("typed", "read"), [("3.1a", ("3", "1A")), ("3.b1", ("3", "B1"))])
def test_a_number_no_sentence_has_is_read_as_the_code_reads_it(
    page: Page, retired_site: str, typed: str, read: tuple[str, str]
) -> None:
    from playwright.sync_api import expect

    assert anchors.short_reference(typed) == read
    page.goto(f"{retired_site}statements/{STATEMENT_ID}/#{typed}")
    expect(page.get_by_role("alert")).to_have_text(
        f"Paragraph 3 has no sentence {read[1]}: its sentences are 3.A1 to 3.3."
    )


LANDING = """async query => {
    const search = window.editionSearch;
    const found = await search.find(query, {});
    const landing = search.landing(await found.pages[0], query);
    return [new URL(landing.url, location.href).hash, landing.place];
}"""
"""Where search leads the first result for a query, by its fragment, and how the result names the place."""


@pytest.mark.browser
def test_search_lands_on_an_inserted_sentence_with_its_own_number(page: Page, retired_site: str) -> None:
    page.goto(f"{retired_site}statements/{STATEMENT_ID}/")
    assert page.evaluate(LANDING, "missing from the first transcription") == [
        "#para_3__cmt_A1",
        "Paragraph 3, sentence 3.A1",
    ]
