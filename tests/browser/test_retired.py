"""A retired anchor keeps resolving: a link to it lands on its successor, marked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import built_and_served
from tests.conftest import STATEMENT_ID, copy_project, run_build_site
from tests.test_anchors import commitments, rewrite

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site after 4.3 was joined to 4.2 and retired, leading to 4.2; its base URL."""
    root = copy_project(tmp_path_factory.mktemp("retired") / "project")

    def join_4_2_and_4_3(data: dict[str, Any]) -> None:
        last = commitments(data, 4).pop()
        commitments(data, 4)[-1]["text"] += " " + last["text"]

    rewrite(root, join_4_2_and_4_3)
    for command in (
        ["retire", STATEMENT_ID, "para_4__cmt_3", "--successor", "para_4__cmt_2", "--reason", "Joined."],
        ["erratum", STATEMENT_ID, "para_4__cmt_2", "--reason", "Joined."],
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
    page.wait_for_url(f"{statement}#para_4__cmt_2")
    successor = page.locator("#para_4__cmt_2")
    expect(successor).to_have_class("stmt-cmt stmt-target")
    expect(successor).to_be_in_viewport()
    expect(page.locator(".stmt-target")).to_have_count(1)
