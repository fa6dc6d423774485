"""Finding one's way, in a real browser: the main tabs, where a statement page sits, the drawer on a phone.

The main tabs are for readers; the pages for developers (the statement file format,
the performance figures) sit in a section of their own, at the same addresses. A
statement page is not in the navigation (it stays the same size however many
statements there are), yet it shows where the reader is: the "Statements" tab is
highlighted and a breadcrumb leads back to the list. On a phone the tabs are
hidden; the drawer lists the statement's paragraphs.

Below 1220 px the navigation is a drawer (``docs/assets/drawer.js``): closed, it takes
no focus, so that Tab never lands where no one can see it (WCAG 2.4.7, 2.4.11, which
axe-core does not check); its button is reached by Tab, and opened by the keyboard it
gives the focus to its links.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page, ViewportSize

STATEMENT = f"statements/{STATEMENT_ID}/"
TITLE = "NATO-Russia Joint Statement, 7 December 2001"
"""The statement page's title, as the breadcrumb names it."""
READERS_TABS = ["Home", "Statements", "Sentences", "Topics", "Timeline", "Data", "How to link and cite"]
"""The main tabs, in order, before the developers' section."""
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
TABLET: ViewportSize = {"width": 1024, "height": 768}
"""Below 1220 px, where Material's navigation is a drawer."""
DRAWER_BUTTON = "label.md-header__button[for=__drawer] > button"
"""The drawer's button, inside Material's label (``docs/assets/drawer.js``)."""

FOCUSED = """() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) {
        return null;
    }
    // A palette toggle is a radio button of no size; its label beside it is what shows the focus.
    const shown = focused.matches("input.md-option") ? focused.nextElementSibling : focused;
    const box = shown.getBoundingClientRect();
    const drawerOpen = document.getElementById("__drawer").checked;
    const address = focused.getAttribute("href") || focused.getAttribute("for") || "";
    return {
        name: `${focused.tagName} ${address} ${focused.textContent.trim().slice(0, 40)}`,
        inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < window.innerWidth && box.top < window.innerHeight,
        inClosedDrawer: !drawerOpen && focused.closest(".md-sidebar--primary") !== null,
        inDrawer: focused.closest(".md-sidebar--primary") !== null,
        isCite: focused.matches("button.stmt-cite"),
        isDrawerButton: focused.matches("label.md-header__button[for=__drawer] > button"),
    };
}"""
"""Where the keyboard focus is, and whether a reader can see it there: in the window, not in a closed drawer."""


def focused(page: Page) -> dict[str, str | bool] | None:
    """The element that has the keyboard focus (see ``FOCUSED``), or ``None``."""
    found: dict[str, str | bool] | None = page.evaluate(FOCUSED)
    return found


def tabs(page: Page) -> list[str]:
    """The text of each main tab."""
    texts: list[str] = page.locator(".md-tabs__link").evaluate_all("links => links.map(l => l.textContent.trim())")
    return texts


@pytest.mark.browser
def test_developer_pages_leave_the_main_tabs_for_a_section_of_their_own(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(DESKTOP)
    page.goto(site_url)
    assert tabs(page) == [*READERS_TABS, "For developers"]
    page.locator(".md-tabs__link", has_text="For developers").click()
    page.wait_for_url(site_url + "format/")
    section = page.locator(".md-sidebar--primary").get_by_role("navigation", name="For developers")
    expect(section.get_by_role("link", name="Statement file format")).to_be_visible()
    section.get_by_role("link", name="Performance").click()
    page.wait_for_url(site_url + "performance/")
    expect(page.locator(".md-tabs__item--active")).to_have_text("For developers")


@pytest.mark.browser
def test_a_statement_page_highlights_the_statements_tab(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(DESKTOP)
    page.goto(site_url + STATEMENT)
    active = page.locator(".md-tabs__item--active")
    expect(active).to_have_count(1)
    expect(active).to_have_text("Statements")
    assert active.locator("a").evaluate("link => link.href") == site_url + "statements/"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_statement_page_has_a_breadcrumb_back_to_the_statements(
    page: Page, site_url: str, viewport: ViewportSize
) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(viewport)
    page.goto(site_url + STATEMENT)
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb).to_be_visible()
    expect(breadcrumb).to_have_text(f"Statements › {TITLE}")
    link = breadcrumb.get_by_role("link")
    expect(link).to_have_count(1)
    assert link.evaluate("link => link.href") == site_url + "statements/"
    expect(breadcrumb.locator("[aria-current=page]")).to_have_text(TITLE)


@pytest.mark.browser
def test_on_a_phone_the_drawer_lists_the_statements_paragraphs(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(PHONE)
    page.goto(site_url + STATEMENT)
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).not_to_be_in_viewport()
    page.locator(DRAWER_BUTTON).click()
    expect(drawer).to_be_in_viewport()
    for number in range(1, 5):
        link = drawer.locator(f"a[href$='#para_{number}']")
        expect(link).to_be_visible()
        expect(link).to_be_in_viewport()
    page.keyboard.press("Escape")
    drawer.locator("a[href$='#para_3']").click()
    expect(page).to_have_url(site_url + STATEMENT + "#para_3")


@pytest.mark.browser
def test_a_statement_page_keeps_its_table_of_contents_on_the_right_on_a_desktop(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(DESKTOP)
    page.goto(site_url + STATEMENT)
    toc = page.locator(".md-sidebar--secondary")
    expect(toc.locator("a[href$='#para_1']")).to_be_visible()
    content = page.locator(".md-content").bounding_box()
    box = toc.bounding_box()
    assert content is not None and box is not None
    assert box["x"] >= content["x"] + content["width"] - 1, "the table of contents is not to the right of the text"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["1024", "390"])
def test_tab_never_lands_out_of_sight_in_the_closed_drawer(page: Page, site_url: str, viewport: ViewportSize) -> None:
    page.set_viewport_size(viewport)
    page.goto(site_url + STATEMENT)
    unseen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        where = focused(page)
        assert where is not None, "the focus left the page"
        if where["inClosedDrawer"] or not where["inViewport"]:
            unseen.append(where["name"])
        if where["isCite"]:
            break
    else:
        pytest.fail("60 presses of Tab did not reach the first Cite button")
    assert unseen == [], "Tab landed where no one can see it:\n" + "\n".join(map(str, unseen))


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [TABLET, PHONE], ids=["1024", "390"])
def test_the_drawer_opened_by_the_keyboard_gives_its_links_the_focus(
    page: Page, site_url: str, viewport: ViewportSize
) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(viewport)
    page.goto(site_url + STATEMENT)
    drawer = page.locator(".md-sidebar--primary")
    control = page.locator(DRAWER_BUTTON)
    for _ in range(3):
        page.keyboard.press("Tab")
        if (where := focused(page)) is not None and where["isDrawerButton"]:
            break
    else:
        pytest.fail("the drawer's button is not among the first three stops of Tab")
    expect(control).to_have_role("button")
    expect(control).to_have_accessible_name("Navigation")
    expect(control).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    expect(control).to_have_attribute("aria-expanded", "true")
    expect(drawer).to_be_in_viewport(ratio=1)  # slid in whole: the back arrow at its left edge too
    for _ in range(12):
        where = focused(page)
        assert where is not None and where["inDrawer"] and where["inViewport"], where
        if str(where["name"]).endswith("All statements"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab through the open drawer did not reach its link to all statements")

    page.keyboard.press("Escape")
    expect(control).to_be_focused()
    expect(control).to_have_attribute("aria-expanded", "false")
    expect(drawer).to_have_js_property("inert", True)


@pytest.mark.browser
def test_the_drawer_of_the_next_page_is_closed_and_takes_no_focus(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size(PHONE)
    page.goto(site_url + STATEMENT)
    page.locator(DRAWER_BUTTON).click()
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).to_have_js_property("inert", False)
    drawer.get_by_role("link", name="All statements").click()  # Material's instant navigation: a new drawer
    page.wait_for_url(site_url + "statements/")
    expect(drawer).not_to_be_in_viewport()
    expect(drawer).to_have_js_property("inert", True)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    where = focused(page)
    assert where is not None and not where["inDrawer"], where


@pytest.mark.browser
def test_a_section_of_the_drawer_goes_back_by_a_button(page: Page, site_url: str) -> None:
    """The back arrow of an opened section's title is a button (no role on Material's label), named, and goes back."""
    from playwright.sync_api import expect

    page.set_viewport_size(PHONE)
    page.goto(site_url)
    page.locator(DRAWER_BUTTON).click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.locator("label.md-nav__link", has_text="For developers").click()
    back = drawer.get_by_role("button", name="Back: For developers")
    expect(back).to_be_visible()
    assert drawer.locator("label[role]").count() == 0, "a <label> in the drawer has a role"
    back.focus()
    page.keyboard.press("Enter")
    section = drawer.locator("label.md-nav__link", has_text="For developers")
    expect(page.locator(f"#{section.get_attribute('for')}")).not_to_be_checked()
    expect(section).to_be_focused()
