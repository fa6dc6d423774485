"""Copying from a statement page, in a real browser: the official words and nothing else.

A triple click selects a paragraph's official words; a selection that reaches into the
text, however it was made, copies only the words (never "3.", "Cite", a heading or a note);
the Cite menu copies the quoted words with their citation, and its citations as text and
as HTML; the statement is cited whole by its title; the page names its other forms.
"""

from __future__ import annotations

import json
import urllib.request
from typing import TYPE_CHECKING

import pytest

from edition import urls
from edition.site import citations
from edition.statements.model import Statement
from tests.browser.test_linking import CLIPBOARD, choose, clipboard, statement_url, today
from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SELECTED = "() => window.getSelection().toString()"


def chosen_and_copied(page: Page, control_name: str, item: str) -> str:
    """What the clipboard holds once ``item`` of the Cite menu ``control_name`` has copied; the menu is closed."""
    from playwright.sync_api import expect

    expect(choose(page, control_name, item)).to_contain_text("Copied")
    page.keyboard.press("Escape")
    return clipboard(page)


def copied_selection(page: Page) -> str:
    """What the clipboard holds once the reader presses Ctrl+C on the current selection."""
    page.keyboard.press("Control+c")
    return clipboard(page)


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_triple_click_selects_the_paragraph_s_official_words(
    page: Page, site_url: str, statement: Statement, number: int
) -> None:
    """Before, the sentence numbers (user-select: none) cut the selection to one sentence: 211 to 305 of 734."""
    page.goto(statement_url(site_url))
    paragraph = statement.paragraphs[number - 1]
    second = page.locator(f"#{paragraph.sentences[1].anchor}")
    second.scroll_into_view_if_needed()
    first_line = second.evaluate(
        "span => { const box = span.getClientRects()[0]; return [box.left, box.top, box.height]; }"
    )
    page.mouse.click(first_line[0] + 10, first_line[1] + first_line[2] / 2, click_count=3)
    assert page.evaluate(SELECTED) == paragraph.text


def test_a_drag_from_the_margin_copies_the_words_only(page: Page, site_url: str, statement: Statement) -> None:
    """A drag from left of the paragraph number to the end of its notes: no "3.", no "Cite", no note is copied."""
    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.goto(statement_url(site_url))
    body = page.locator(".stmt-para[data-para='3']")
    body.hover()  # shows the paragraph's Cite control, which the drag passes over
    number = page.locator(".stmt-para[data-para='3'] .stmt-num").bounding_box()
    notes = page.locator(".stmt-para[data-para='3'] .stmt-notes").bounding_box()
    assert number is not None and notes is not None
    page.mouse.move(number["x"] - 8, number["y"] + 2)
    page.mouse.down()
    page.mouse.move(notes["x"] + notes["width"] - 2, notes["y"] + notes["height"] - 2, steps=8)
    page.mouse.up()
    selected = page.evaluate(SELECTED)
    assert "3." in selected and "Cite" in selected, "the drag selects the number and the control"
    assert copied_selection(page) == statement.paragraphs[2].text


def test_a_selection_across_paragraphs_copies_their_words_a_blank_line_apart(
    page: Page, site_url: str, statement: Statement
) -> None:
    """From the middle of paragraph 2 to the middle of paragraph 3: the heading, number and notes are left out."""
    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url))
    page.evaluate(
        """() => {
            const start = document.getElementById("para_2__cmt_4").firstChild;
            const end = document.getElementById("para_3__cmt_1").firstChild;
            const range = document.createRange();
            range.setStart(start, 4);
            range.setEnd(end, 10);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
        }"""
    )
    last_of_2, first_of_3 = statement.paragraphs[1].sentences[3].text, statement.paragraphs[2].sentences[0].text
    assert copied_selection(page) == f"{last_of_2[4:]}\n\n{first_of_3[:10]}"


def test_a_selection_outside_the_text_is_copied_as_the_browser_copies_it(page: Page, site_url: str) -> None:
    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url))
    page.locator(".stmt-meta").first.click(click_count=3)
    assert copied_selection(page) == page.evaluate(SELECTED)


@pytest.mark.parametrize(
    ("control_name", "words_of", "pinpoint", "anchor"),
    [
        ("Cite sentence 3.1", "sentence", "para. 3, sentence 1", "para_3__cmt_1"),
        ("Cite paragraph 3", "paragraph", "para. 3", "para_3"),
    ],
)
def test_the_cite_menu_copies_the_quote_with_its_citation(
    page: Page, site_url: str, statement: Statement, control_name: str, words_of: str, pinpoint: str, anchor: str
) -> None:
    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url))
    words = statement.paragraphs[2].sentences[0].text if words_of == "sentence" else statement.paragraphs[2].text
    assert chosen_and_copied(page, control_name, "Copy quote with citation") == (
        f"“{words}”\nNATO-Russia Joint Statement, Brussels, 7 December 2001, {pinpoint}, "
        f"{statement_url(site_url, anchor)}"
    )


def clipboard_html(page: Page) -> str:
    """The HTML the clipboard holds now."""
    html: str = page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read();
            return await (await item.getType("text/html")).text();
        }"""
    )
    return html


def test_a_citation_is_copied_as_html_too_keeping_apa_s_italics(page: Page, site_url: str) -> None:
    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url))
    assert chosen_and_copied(page, "Cite sentence 3.1", "Copy citation: APA") == (
        "NATO-Russia Permanent Joint Council. (2001, December 7). NATO-Russia Joint Statement [NATO Press "
        f"Statement]. NATO. Diplomatic Statements — Reference Edition. {statement_url(site_url, 'para_3__cmt_1')}\n"
        "(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)"
    )
    html = clipboard_html(page)
    assert "<i>NATO-Russia Joint Statement</i> [NATO Press Statement]." in html
    assert "<br>(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)" in html


def cite_controls(statement: Statement) -> list[tuple[str, str | None, str]]:
    """The statement and each of its paragraphs and sentences: anchor, pinpoint, and the name of its Cite control."""
    paragraphs = [
        (p.anchor, citations.pinpoint(p.number, None), f"Cite paragraph {p.number}") for p in statement.paragraphs
    ]
    sentences = [
        (s.anchor, citations.pinpoint(s.paragraph, s.number), f"Cite sentence {s.citation_number}")
        for s in statement.sentences
    ]
    return [("", None, "Cite this statement"), *paragraphs, *sentences]


def test_every_citation_copied_is_the_one_citeproc_py_makes(page: Page, site_url: str, statement: Statement) -> None:
    """The page holds a part's citation once per style, with stand-ins its script completes: for every part and
    style, what a reader copies, as text and as HTML, is character for character what the edition's code makes of
    that part alone (the page held each one, 17 parts by 3 styles by 2 forms, before)."""
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.goto(statement_url(site_url))
    controls = cite_controls(statement)
    assert len(controls) == 1 + 4 + 13  # the statement, its paragraphs and its sentences
    copied, made = {}, {}
    for anchor, pinpoint, control in controls:
        for chosen in citations.STYLES:
            expect(choose(page, control, f"Copy citation: {chosen.label}")).to_contain_text("Copied")
            copied[anchor, chosen.id] = (clipboard(page), clipboard_html(page))
            page.keyboard.press("Escape")
            made[anchor, chosen.id] = tuple(
                citations.citation(statement, site_url, chosen, anchor, pinpoint, form).replace(
                    citations.ACCESSED, today(chosen.date)
                )
                for form in citations.FORMS
            )
    assert copied == made


def test_the_statement_is_cited_whole_from_the_lead_under_its_title(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=site_url.rstrip("/"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(statement_url(site_url))
    control = page.get_by_role("button", name="Cite this statement", exact=True)
    expect(control).to_be_visible()
    expect(control).to_have_text("Cite this statement")
    assert control.evaluate("button => button.closest('.stmt-lead .stmt-official') !== null"), (
        "the control ends the lead's line of the official text, under the title"
    )
    box, first_words = control.bounding_box(), page.locator(".stmt-cmt").first.bounding_box()
    assert box is not None and first_words is not None
    assert box["y"] + box["height"] <= first_words["y"], "the control stands above the official words"
    control.click()
    expect(page.locator("#stmt-menu .stmt-menu-item")).to_have_text(
        ["Copy link", "Copy citation: OSCOLA", "Copy citation: Chicago (notes)", "Copy citation: APA",
         "Copy Markdown link", "Report an error"]
    )  # fmt: skip
    page.keyboard.press("Escape")
    assert chosen_and_copied(page, "Cite this statement", "Copy citation: OSCOLA") == (
        "NATO-Russia Permanent Joint Council, ‘NATO-Russia Joint Statement’ (NATO Press Statement, NATO 7 December "
        f"2001) <{statement_url(site_url)}> accessed {today('dmy')}."
    )
    assert (
        chosen_and_copied(page, "Cite this statement", "Copy Markdown link")
        == f"[NATO-Russia Joint Statement, Brussels, 7 December 2001]({statement_url(site_url)})"
    )


def test_the_page_names_its_other_forms_for_machines(page: Page, page_errors: list[str], site_url: str) -> None:
    """Each download is a link of relation "alternate", which Material does not take for a language (no 404)."""
    page.goto(statement_url(site_url))
    page.wait_for_load_state("networkidle")
    links = page.locator("head link[rel~='alternate']").evaluate_all(
        "links => links.map(link => [link.type, link.href, link.title])"
    )
    assert links == [
        [file.media_type, urls.file_url(site_url, STATEMENT_ID, file.name), file.label] for file in urls.DOWNLOAD_FILES
    ]
    for _, href, _ in links:
        with urllib.request.urlopen(href) as response:
            assert response.status == 200
    with urllib.request.urlopen(urls.file_url(site_url, STATEMENT_ID, urls.CITE_JSON)) as response:
        (item,) = json.loads(response.read())
    assert item["publisher"] == "NATO"
    assert item["accessed"] == {"date-parts": [[2026, 11, 27]]}
