"""Text is text: whatever characters a statement holds, the built page shows them as written.

A statement full of HTML, Markdown and Markdown-extension syntax goes through
``build_site.py build`` (render and a real MkDocs build); the built HTML must show
each value exactly, and no element may have been made from it.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.statements.characters import yaml_quoted
from tests.conftest import run_build_site
from tests.html import attribute, definitions, heading_text, one
from tests.html import text as text_of

NASTY = [
    "<b>bold</b> & <script>alert(1)</script> <!-- comment --> </div></p> ]]>",
    "*emphasis* _under_ **strong** `code` [link](https://example.org) ![image](x.png) <https://example.org>",
    "{: #injected .class } ==mark== ++ctrl+alt++ :smile: $x^2$ $$y$$ [^1] ~~strike~~ ^^ins^^ | a | b |",
    "&amp; &lt;tag&gt; &#60; &copy; \\*escaped\\* -- --- ... \"double\" 'single' <<guillemets>>",
    "# not a heading",
    "1. not a list item",
    "> not a quote",
    "Ünïcödé — “curly” ‘quotes’ … non\u00a0breaking, zero\u200bwidth, right\u200fleft, emoji 🕊",
    '--8<-- "snippet.md" {++added++} {--removed--} !!! note "admonition"',
    '```python fenced``` ~~~ tilde ~~~ <div markdown="1">*md in html*</div>',
]
"""Values that must come out exactly as they go in."""

TITLE = "Title <b>&</b> *star* [x](y) &amp;"
HEADING = "Heading <i>x</i> *y* {#injected-heading} ¶ &amp;"


def nasty_statement() -> str:
    """A valid statement whose every free-text value is hostile."""
    commitments = "\n".join(
        f"      - text: {yaml_quoted(text)}\n        kind: commit\n        topics: [terrorism]" for text in NASTY
    )
    return f"""\
title: {yaml_quoted(TITLE)}
subtitle: {yaml_quoted(NASTY[0])}
document_type: {yaml_quoted(NASTY[1])}
date: 2001-12-07
place: {yaml_quoted(NASTY[2])}
issuer:
  body: {yaml_quoted(NASTY[3])}
source:
  url: https://example.org/?a=1&b=<2>
  publisher: {yaml_quoted(NASTY[7])}
paragraphs:
  - number: 1
    heading: {yaml_quoted(HEADING)}
    commitments:
{commitments}
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    """The built page of the hostile statement."""
    from tests.conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("nasty") / "project")
    for old in (root / "statements").glob("*.yaml"):
        old.unlink()
    shutil.rmtree(root / "statements" / "anchors")  # the real statement is withdrawn here
    (root / "statements" / "2001-12-07-nasty.yaml").write_text(nasty_statement(), encoding="utf-8")
    for hand_page in ("index.md", "about.md"):  # they link to the real statement, absent here
        (root / "docs" / hand_page).write_text("# Placeholder\n", encoding="utf-8")
    result = run_build_site(root, "build")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "statements" / "2001-12-07-nasty" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.mark.build
def test_every_commitment_shows_its_text_exactly(page: BeautifulSoup) -> None:
    for number, text in enumerate(NASTY, start=1):
        element = one(page, id=f"para_1__cmt_{number}")
        assert element.get_text() == text
        assert element.find(True) is None, f"an element was made from {text!r}"


@pytest.mark.build
def test_metadata_shows_its_text_exactly(page: BeautifulSoup) -> None:
    header = one(page, "section", class_="stmt-header")
    assert heading_text(one(page, "h1", id="title")) == TITLE
    assert text_of(page, class_="stmt-subtitle") == NASTY[0]
    meta = definitions(header)
    assert meta["Document"].get_text() == NASTY[1]
    assert meta["Place"].get_text() == NASTY[2]
    assert meta["Issued by"].get_text() == NASTY[3]
    assert text_of(meta["Official text"], "a") == NASTY[7]
    assert attribute(one(meta["Official text"], "a"), "href") == "https://example.org/?a=1&b=<2>"
    provenance = definitions(one(page, "section", class_="stmt-provenance"))
    assert provenance["Official page"].get_text().startswith(f"https://example.org/?a=1&b=<2>, published by {NASTY[7]}")
    assert (
        attribute(one(provenance["Archived page"], "a"), "href")
        == "https://web.archive.org/web/*/https://example.org/?a=1&b=<2>"
    )


@pytest.mark.build
def test_citation_tags_show_their_text_exactly(page: BeautifulSoup) -> None:
    tags = {str(tag["name"]): str(tag["content"]) for tag in page.find_all("meta") if tag.get("name")}
    assert (tags["citation_title"], tags["citation_author"]) == (TITLE, NASTY[3])


@pytest.mark.build
def test_editorial_heading_shows_its_text_exactly(page: BeautifulSoup) -> None:
    editorial = one(one(page, id="para_1"), class_="stmt-editorial")
    assert editorial.get_text() == HEADING
    assert editorial.find(True) is None
    tocs = page.select(".md-nav--secondary")
    assert len(tocs) == 2  # on the right, and in the drawer of a phone (overrides/main.html)
    for toc in tocs:
        assert [link.get_text(strip=True) for link in toc.select("a.md-nav__link")] == [
            f"Paragraph 1 · {HEADING}",
            "Provenance",
            "Corrections",
        ]


@pytest.mark.build
def test_page_title_and_description_show_the_text(page: BeautifulSoup) -> None:
    assert text_of(page, "title").startswith(f"{TITLE}, 7 December 2001 - ")
    topics = [topic.get_text(strip=True) for topic in page.select(".md-header__topic")]
    assert f"{TITLE}, 7 December 2001" in topics
    assert attribute(one(page, "meta", attrs={"name": "description"}), "content") == NASTY[0]
    assert one(page, "head").find("b") is None
    structured = json.loads(text_of(page, "script", type="application/ld+json"))
    assert (structured["name"], structured["alternativeHeadline"]) == (TITLE, NASTY[0])
    assert [c["text"] for c in structured["hasPart"][0]["hasPart"]] == NASTY
    assert attribute(one(page, "meta", property="og:title"), "content") == f"{TITLE}, 7 December 2001"
    code = [script for script in page.find_all("script") if script.get("type") != "application/ld+json"]
    assert [script for script in code if "alert(1)" in script.get_text()] == []
    assert "<" not in text_of(page, "script", type="application/ld+json")  # data that cannot close its element


@pytest.mark.build
def test_no_element_was_made_from_the_text(page: BeautifulSoup) -> None:
    article = one(page, "article")
    citations = one(article, "div", id="stmt-citations")  # the generator's, not the text's: JSON in an attribute
    assert citations.get_text() == ""
    assert re.fullmatch(r"[^<>&]*", attribute(citations, "data-citations"))
    assert json.loads(attribute(citations, "data-citations"))["part"]["text"]["apa"].startswith(f"{NASTY[3]}. (2001")
    citations.decompose()
    made = [
        element.name
        for element in article.find_all(
            [
                "b",
                "i",
                "em",
                "strong",
                "code",
                "img",
                "mark",
                "kbd",
                "del",
                "ins",
                "table",
                "script",
                "blockquote",
                "ol",
                "sup",
                "pre",
            ]
        )
    ]
    assert made == []
    assert page.find(id="injected") is None
    assert page.find(id="injected-heading") is None
    assert "<!-- comment -->" not in str(article)


SYNTAX = [
    "<b>",
    "</p>",
    "<!--",
    "-->",
    "&amp;",
    "&#60;",
    "&",
    "*",
    "**",
    "_",
    "`",
    "[x](y)",
    "![i](j)",
    "<https://x.org>",
    "{: #id }",
    "{#id .c}",
    "++ctrl++",
    "==mark==",
    ":smile:",
    "[^1]",
    "$x$",
    "$$",
    "| a | b |",
    "---",
    "# ",
    "1. ",
    "> ",
    "\\",
    "~~~",
    "```",
    "--8<--",
    "{++a++}",
    '<div markdown="1">',
    "]]>",
    "<script>",
    "\u00a0",
    "\u200b",
]
"""HTML, Markdown and Markdown-extension syntax, mixed into the generated text."""

statement_text = (
    st.lists(
        st.one_of(
            st.text(st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=12), st.sampled_from(SYNTAX)
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(lambda text: bool(text) and text == text.strip())
)
"""Any text a statement file may hold: arbitrary Unicode with markup syntax mixed in."""


@pytest.mark.build
@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(statement_text, min_size=3, max_size=8))
def test_any_text_is_shown_exactly_and_makes_no_element(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    from tests.conftest import copy_project

    heading, title, *sentences = texts
    root = copy_project(tmp_path_factory.mktemp("property") / "project")
    for old in (root / "statements").glob("*.yaml"):
        old.unlink()
    shutil.rmtree(root / "statements" / "anchors")
    for hand_page in ("index.md", "about.md"):
        (root / "docs" / hand_page).write_text("# Placeholder\n", encoding="utf-8")
    commitments = "".join(
        f"      - text: {yaml_quoted(text)}\n        kind: commit\n        topics: [terrorism]\n" for text in sentences
    )
    (root / "statements" / "2001-12-07-any.yaml").write_text(
        f"title: {yaml_quoted(title)}\ndocument_type: Statement\ndate: 2001-12-07\nplace: Brussels\n"
        "issuer:\n  body: Council\nsource:\n  url: https://example.org/\n  publisher: Example\n"
        f"paragraphs:\n  - number: 1\n    heading: {yaml_quoted(heading)}\n    commitments:\n{commitments}",
        encoding="utf-8",
    )
    result = run_build_site(root, "build")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(
        (root / "site/statements/2001-12-07-any/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    for number, sentence in enumerate(sentences, start=1):
        element = one(page, id=f"para_1__cmt_{number}")
        assert element.get_text() == sentence
        assert element.find(True) is None
    assert heading_text(one(page, "h1", id="title")) == title
    editorial = one(one(page, id="para_1"), class_="stmt-editorial")
    assert (editorial.get_text(), editorial.find(True)) == (heading, None)
    assert text_of(page, "title").startswith(f"{title}, 7 December 2001 - ")
