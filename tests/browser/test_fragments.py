"""Odd fragments and copied Markdown links on the statement page, in a real browser (``docs/assets/edition.js``).

Every fragment a reader may type ends in the anchor it refers to, or in a notice that
says what is missing and what the statement has instead, and never in a script error.
A copied Markdown link shows the title as written in every CommonMark renderer, never
as markup.
"""

from __future__ import annotations

import itertools
import re
import urllib.parse
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from edition import anchors
from tests.browser.conftest import built_and_served
from tests.browser.test_linking import CLIPBOARD, MENU_ITEMS, choose, clipboard, statement_url
from tests.conftest import copy_project
from tests.test_anchors import rewrite

if TYPE_CHECKING:
    from playwright.sync_api import Page

SENTENCES = {"1": ("1", "3"), "2": ("1", "4"), "3": ("1", "3"), "4": ("1", "3")}
"""The statement's paragraphs, each with its first and last sentence."""
PARAGRAPHS_ARE = "its paragraphs are 1 to 4."
"""What the notice says the statement has, after a reference to a paragraph it has not."""

MISTYPED = "the link may be mistyped. This statement's paragraphs are 1 to 4."
"""What the notice says after a fragment that is no reference to a paragraph or sentence."""

PARTS = ("", "0", "00", "3", "03", "99999999999999999999999", "a", "A1", "%E0%A4%A", "..", " ")
"""Pieces of odd fragments: zeros, leading zeros, a number past every integer, letters, bad percent-encoding."""
PREFIXES = ("", "para_")
SEPARATORS = (".", "__cmt_")
OTHER_FRAGMENTS = (
    *("para_", "para_3__cmt_", "para_3__cmt_0", "p03", "§0", "¶00.1", "para 3.0", "3 . 0"),
    *("3-0", "3/00", "3.c0", "3_01a", "3.1.1", "-1", "+3", "1e3", "0x3", "Infinity", "NaN"),
    *("٣", "३.१", "é", "\u202e3.1", "3.1\u00a0", "%", "%25", "#", "3'", '3"', "3<b>"),
    *("__proto__", "constructor", "title"),
)
"""Other digits, other separators, numbers as JavaScript reads them, Unicode, HTML, and an element's id."""
ODD_FRAGMENTS = sorted(
    {"".join(parts) for parts in itertools.product(PREFIXES, PARTS, SEPARATORS, PARTS)}.union(OTHER_FRAGMENTS)
)
"""Fragments typed by hand that name nothing, or something only with the numbers read as anchors write them."""

ARRIVE = """async fragments => {
    const errors = [];
    window.addEventListener("error", event => errors.push(String(event.message)));
    const shown = [];
    for (const fragment of fragments) {
        history.replaceState(null, "", location.pathname + location.search);  // so that the next hash is a change
        shown.push(await new Promise(resolve => {
            window.addEventListener("hashchange", () => {  // after the page's own listener, added first
                const notice = document.getElementById("stmt-missing");
                resolve({
                    typed: fragment,
                    hash: location.hash,
                    notice: notice && notice.textContent,
                    visible: Boolean(notice && notice.getClientRects().length),
                    named: Boolean(document.getElementById(location.hash.slice(1))),
                    targets: Array.from(document.querySelectorAll("[id].stmt-target"), element => element.id),
                    errors: errors.splice(0),
                });
            }, { once: true });
            location.hash = "#" + fragment;  // the first "#" is taken off
        }));
    }
    return shown;
}"""
"""Follows a link to each ``#fragment`` in turn within the statement page; what the page showed then, and the
errors it threw."""


def read_by_the_code(typed: str) -> tuple[str, str] | None:
    """What the code's grammar reads in ``typed`` as the page gets it: percent-decoded, as typed when that fails."""
    try:
        decoded = urllib.parse.unquote(typed, errors="strict")
    except UnicodeDecodeError:
        decoded = typed
    return anchors.short_reference(decoded)


def anchor_of(read: tuple[str, str]) -> str:
    """The anchor of the paragraph, or sentence, that a short reference read by the code names."""
    paragraph, sentence = read
    return anchors.sentence(int(paragraph), sentence) if sentence else anchors.paragraph(int(paragraph))


def said_first(read: tuple[str, str] | None) -> str:
    """How the notice begins after a fragment that the code reads as ``read`` and that names nothing on the page."""
    if read is None:
        return "Nothing on this page is called"
    paragraph, sentence = read
    if sentence and paragraph in SENTENCES:
        return f"Paragraph {paragraph} has no sentence {sentence}: "
    return f"This statement has no paragraph {paragraph}: "


def assert_says_what_exists(notice: str, typed: str) -> None:
    """``notice`` says that ``typed`` names nothing, in one of its three forms, and what the statement has."""
    if sentence := re.fullmatch(r"Paragraph (\d) has no sentence (\w+): its sentences are (\S+) to (\S+)\.", notice):
        paragraph, missing, first, last = sentence.groups()
        assert (first, last) == tuple(f"{paragraph}.{number}" for number in SENTENCES[paragraph])
        assert not re.fullmatch(rf"[1-{SENTENCES[paragraph][1]}]", missing), f"{typed!r}: sentence {missing} exists"
    elif paragraph_missing := re.fullmatch(r"This statement has no paragraph (\d+): (.*)", notice):
        assert paragraph_missing[1] not in SENTENCES, f"{typed!r}: paragraph {paragraph_missing[1]} exists"
        assert paragraph_missing[2] == PARAGRAPHS_ARE
    else:
        assert re.fullmatch("Nothing on this page is called “#.+”: " + re.escape(MISTYPED), notice, flags=re.DOTALL), (
            f"{typed!r}: {notice!r}"
        )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("03", "para_3"), ("para_03", "para_3"), ("03.01", "para_3__cmt_1"), ("para_04__cmt_003", "para_4__cmt_3")],
)
def test_leading_zeros_lead_to_the_anchor(
    page: Page, page_errors: list[str], site_url: str, typed: str, canonical: str
) -> None:
    from playwright.sync_api import expect

    page.goto(statement_url(site_url, typed))
    page.wait_for_url(statement_url(site_url, canonical))
    expect(page.locator(f"#{canonical}")).to_contain_class("stmt-target")
    expect(page.locator("#stmt-missing")).to_have_count(0)


@pytest.mark.browser
def test_every_odd_fragment_leads_to_an_anchor_or_says_what_exists(
    page: Page, page_errors: list[str], site_url: str
) -> None:
    page.goto(statement_url(site_url))
    page.locator("button.stmt-cite").first.wait_for()  # the page's script has run
    for shown in page.evaluate(ARRIVE, ODD_FRAGMENTS):
        typed = shown["typed"]
        read = read_by_the_code(typed)  # the page reads each fragment as the code's grammar does
        assert shown["errors"] == [], f"#{typed}: {shown['errors']}"
        if shown["notice"] is None:  # it named an element, or its numbers, as anchors write them, name one
            anchor = shown["hash"].removeprefix("#")
            assert shown["named"], f"#{typed} led to {shown['hash']!r}, which names nothing, without a notice"
            assert shown["targets"] == ([anchor] if re.fullmatch(r"para_\d+(__cmt_\w+)?", anchor) else [])
            assert anchor == (typed if read is None else anchor_of(read)), f"#{typed}: the code reads {read}"
        else:
            assert shown["visible"], f"#{typed}: the notice is hidden"
            assert shown["targets"] == [], f"#{typed}: {shown['targets']} marked as well as a notice"
            assert_says_what_exists(shown["notice"], typed)
            assert shown["notice"].startswith(said_first(read)), f"#{typed}: the code reads {read}"
    assert page_errors == []


@pytest.mark.browser
def test_a_fragment_typed_on_the_open_page_keeps_the_cite_menu_whole(
    page: Page, page_errors: list[str], site_url: str
) -> None:
    """The first fragment typed makes Material show the page again (instant navigation), with its scripts."""
    from playwright.sync_api import expect

    page.goto(statement_url(site_url))
    page.locator("button.stmt-cite").first.wait_for()
    with page.expect_request(statement_url(site_url)):  # Material fetches the page to show it again
        page.evaluate("location.hash = '#3.9'")
    expect(page.get_by_role("alert")).to_have_text("Paragraph 3 has no sentence 9: its sentences are 3.1 to 3.3.")
    page.locator(".stmt-para[data-para='3'] details.stmt-notes-box > summary").click()  # the sentences' notes
    page.get_by_role("button", name="Cite sentence 3.1", exact=True).click()
    expect(page.locator("#stmt-menu .stmt-menu-item")).to_have_text(MENU_ITEMS)


TITLE = (
    "NATO-Russia <script>alert(1)</script> <img src=x onerror=alert(1)> *emphasis* [brackets] _under_ `code` "
    "~~struck~~ a | b &amp; back\\slash {.attr} $x$ <https://example.org> ![image](x.png)"
)
"""A title that holds every kind of Markdown and HTML markup."""
TITLE_IN_MARKDOWN = (
    r"NATO-Russia \<script\>alert\(1\)\</script\> \<img src\=x onerror\=alert\(1\)\> \*emphasis\* \[brackets\] "
    r"\_under\_ \`code\` \~\~struck\~\~ a \| b \&amp; back\\slash \{.attr\} \$x\$ \<https://example.org\> "
    r"\!\[image\]\(x.png\)"
)
"""The same title as the text of a Markdown link: each character of markup escaped with a backslash."""


@pytest.fixture(scope="module")
def markup_title_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, with a statement whose title holds markup (:data:`TITLE`); its base URL."""
    root = copy_project(tmp_path_factory.mktemp("markup-title") / "project")

    def set_title(data: dict[str, Any]) -> None:
        data["title"] = TITLE

    rewrite(root, set_title)
    with built_and_served(root) as url:
        yield url


@pytest.mark.browser
def test_the_markdown_link_shows_a_title_with_markup_as_written(
    page: Page, page_errors: list[str], markup_title_site: str
) -> None:
    """Rendered by markdown-it, a CommonMark renderer, with GFM's tables and strikethrough.

    (Python-Markdown is no CommonMark renderer: it keeps the backslash before ``<``,
    and reads ``<script\\>`` as HTML.)
    """
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt
    from playwright.sync_api import expect

    page.context.grant_permissions(CLIPBOARD, origin=markup_title_site.rstrip("/"))
    page.goto(statement_url(markup_title_site))
    expect(choose(page, "Cite sentence 3.1", "Copy Markdown link")).to_contain_text("Copied")
    link = statement_url(markup_title_site, "para_3__cmt_1")
    copied = clipboard(page)
    assert copied == f"[{TITLE_IN_MARKDOWN}, Brussels, 7 December 2001, para. 3, sentence 1]({link})"

    rendered = BeautifulSoup(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(copied), "html.parser")
    assert [element.name for element in rendered.find_all(True)] == ["p", "a"]
    anchor = rendered.find("a")
    assert anchor is not None
    assert anchor.get("href") == link
    assert anchor.get_text() == f"{TITLE}, Brussels, 7 December 2001, para. 3, sentence 1"
