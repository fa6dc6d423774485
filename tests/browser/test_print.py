"""A statement printed, as Chromium makes a PDF of it on A4 paper, read back from the PDF's text layer.

What a student who prints the page gets (``@media print`` in ``docs/assets/edition.css``):
the text across the page's width, not a screen's reading measure, so that the four
paragraphs of the first statement take two pages; each paragraph whole on one page
with its notes, when it fits on one; no breadcrumb; sentence numbers that stay apart
from the words in the text layer ("3.1 We condemn", not "3.1We condemn"); and the
provenance: the official text's address, the page's permanent address, the edition's
name and the date printed. The dark scheme prints in the light scheme's colours.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Literal

import pytest

from tests.conftest import STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page

STATEMENT = f"statements/{STATEMENT_ID}/"
SOURCE = "https://www.nato.int/docu/pr/2001/p011207e.htm"
"""The address of the official text, as the printed page gives it."""
PARAGRAPHS = (1, 2, 3, 4)


def printed_pages(page: Page, url: str) -> list[str]:
    """The text layer of each page of the PDF that Chromium prints of ``url`` on A4 paper."""
    from pypdf import PdfReader

    page.goto(url)
    page.locator("button.stmt-cite").first.wait_for()
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [pdf_page.extract_text() for pdf_page in reader.pages]


def squeezed(text: str) -> str:
    """``text`` without any white space: lines broken elsewhere in the PDF still match."""
    return re.sub(r"\s+", "", text)


def pages_holding(pages: list[str], text: str) -> list[int]:
    """The numbers (from 1) of the printed pages on which ``text`` stands whole."""
    return [number for number, words in enumerate(pages, start=1) if squeezed(text) in squeezed(words)]


@pytest.mark.browser
def test_the_four_paragraphs_print_on_two_a4_pages_with_their_provenance(page: Page, site_url: str) -> None:
    """The text, its notes and the documents it refers to take two A4 pages (three before the print rules, for the
    four paragraphs alone); the Provenance and Corrections sections follow on a third."""
    pages = printed_pages(page, site_url + STATEMENT)
    last_words = page.locator(".stmt-cmt").last.inner_text()
    assert pages_holding(pages, last_words) == [2]
    assert pages_holding(pages, "Provenance") == [len(pages)] and len(pages) <= 3
    everything = "\n".join(pages)
    assert pages_holding(pages, SOURCE)[0] == 1  # under the title, and again in the Provenance
    assert pages_holding(pages, "Printed on") == [1]
    assert pages_holding(pages, "from Diplomatic Statements — Reference Edition") == [1]
    assert pages_holding(pages, site_url + STATEMENT) == [1], everything


@pytest.mark.browser
def test_each_paragraph_prints_whole_on_one_page_with_its_notes(page: Page, site_url: str) -> None:
    pages = printed_pages(page, site_url + STATEMENT)
    page.emulate_media(media="print")  # the words as printed: no Cite button
    for number in PARAGRAPHS:
        paragraph = page.locator(f".stmt-para[data-para='{number}']")
        first_sentence = paragraph.locator(".stmt-cmt").first.inner_text()
        last_sentence = paragraph.locator(".stmt-cmt").last.inner_text()
        last_note = paragraph.locator(".stmt-notes li").last.inner_text()
        where = {
            "first sentence": pages_holding(pages, first_sentence),
            "last sentence": pages_holding(pages, last_sentence),
            "last note": pages_holding(pages, last_note),
        }
        assert len(set(map(tuple, where.values()))) == 1 and len(where["first sentence"]) == 1, (number, where)


@pytest.mark.browser
def test_the_breadcrumb_does_not_print(page: Page, site_url: str) -> None:
    pages = printed_pages(page, site_url + STATEMENT)
    assert "›" not in pages[0]
    assert pages[0].lstrip().startswith("NATO-Russia Joint Statement\n")


@pytest.mark.browser
def test_sentence_numbers_stand_apart_from_the_words_in_the_pdf(page: Page, site_url: str) -> None:
    text = "\n".join(printed_pages(page, site_url + STATEMENT))
    assert re.search(r"3\.1\s+We condemn terrorism", text), text
    assert re.search(r"\b1\.\s+1\.1\s+Today we commit", text), "a paragraph's number, then its first sentence's"
    glued = re.findall(r"\b\d\.\d[A-Z][a-z]+", text)
    assert glued == []


@pytest.mark.browser
def test_the_text_takes_the_width_of_the_printed_page(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 680, "height": 960})  # A4 less its margins, in CSS pixels
    page.goto(site_url + STATEMENT)
    page.emulate_media(media="print")
    widths: dict[str, float] = page.evaluate(
        """() => ({
            article: document.querySelector("article").getBoundingClientRect().width,
            text: document.querySelector(".stmt-text").getBoundingClientRect().width,
            window: window.innerWidth,
        })"""
    )
    assert widths["article"] >= 0.95 * widths["window"], widths
    assert widths["text"] >= 0.9 * widths["article"], widths


@pytest.mark.browser
def test_the_dark_scheme_prints_in_the_colours_of_the_light_one(page: Page, site_url: str) -> None:
    colours = """() => [".stmt-title", ".stmt-meta dt", ".stmt-text", ".stmt-notes", ".stmt-printed"].map(
        selector => getComputedStyle(document.querySelector(selector)).color)"""
    printed = {}
    schemes: tuple[tuple[Literal["light", "dark"], str], ...] = (("light", "default"), ("dark", "slate"))
    for scheme, material in schemes:
        page.emulate_media(media="screen", color_scheme=scheme)
        page.goto(site_url + STATEMENT)
        page.evaluate("localStorage.clear()")  # Material keeps the scheme of the last page seen
        page.reload()
        assert page.evaluate("document.body.dataset.mdColorScheme") == material
        page.emulate_media(media="print", color_scheme=scheme)
        printed[scheme] = page.evaluate(colours)
    assert printed["dark"] == printed["light"]
