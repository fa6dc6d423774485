"""The site's URL scheme (CONTRIBUTING.md, "URLs and anchors"), pinned string for string: every address is a promise."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from edition import urls

SITE = "https://example.org/edition/"
ID = "2001-12-07-nato-russia-joint-statement"


def test_a_statement_page_and_its_anchors() -> None:
    assert urls.statement_path(ID) == f"statements/{ID}/"
    assert urls.statement_url(SITE, ID) == f"https://example.org/edition/statements/{ID}/"
    assert urls.statement_url(SITE, ID, "para_3") == f"https://example.org/edition/statements/{ID}/#para_3"
    assert urls.statement_url(SITE, ID, "para_3__cmt_1") == f"{SITE}statements/{ID}/#para_3__cmt_1"


def test_a_statement_files_are_next_to_its_page() -> None:
    assert urls.DOWNLOADS == ("data.json", "data.akn.xml", "cite.bib", "cite.ris", "cite.json")
    assert [urls.file_url(SITE, ID, name) for name in urls.DOWNLOADS] == [
        f"https://example.org/edition/statements/{ID}/data.json",
        f"https://example.org/edition/statements/{ID}/data.akn.xml",
        f"https://example.org/edition/statements/{ID}/cite.bib",
        f"https://example.org/edition/statements/{ID}/cite.ris",
        f"https://example.org/edition/statements/{ID}/cite.json",
    ]
    assert (urls.DATA_JSON, urls.DATA_AKN) == ("data.json", "data.akn.xml")
    assert (urls.CITE_BIB, urls.CITE_RIS, urls.CITE_JSON) == ("cite.bib", "cite.ris", "cite.json")


def test_the_listing_pages_and_site_wide_files() -> None:
    pages = (urls.STATEMENTS, urls.SENTENCES, urls.TOPICS, urls.TIMELINE, urls.DATA, urls.FORMAT, urls.ABOUT)
    assert pages == ("statements/", "commitments/", "topics/", "timeline/", "data/", "format/", "about/")
    assert urls.topic_path("arms-control") == "topics/arms-control/"
    assert urls.STATEMENTS_INDEX == "statements/index.json"
    assert urls.DATA_SCHEMA == "data/statement-data.schema.json"
    assert urls.FORMAT_SCHEMA == "format/statement.schema.json"
    assert urls.absolute(SITE, urls.FORMAT, "kinds") == "https://example.org/edition/format/#kinds"
    assert urls.absolute(SITE, urls.STATEMENTS_INDEX) == "https://example.org/edition/statements/index.json"


def test_a_page_is_the_index_md_of_its_folder() -> None:
    assert urls.page_file(urls.statement_path(ID)) == f"statements/{ID}/index.md"
    assert urls.page_file(urls.topic_path("terrorism")) == "topics/terrorism/index.md"
    assert urls.page_file(urls.SENTENCES) == "commitments/index.md"


def test_relative_links() -> None:
    assert urls.from_statement(urls.TOPICS) == "../../topics/"
    assert urls.from_statement(urls.ABOUT) == "../../about/"
    assert urls.from_statement(urls.topic_path("terrorism")) == "../../topics/terrorism/"
    assert urls.to_root(urls.SENTENCES) == "../"
    assert urls.to_root(urls.topic_path("terrorism")) == "../../"
    assert urls.to_root("") == ""
    assert urls.relative(urls.TIMELINE, urls.statement_path(ID)) == f"../statements/{ID}/"
    assert urls.relative(urls.STATEMENTS, urls.page_file(urls.statement_path(ID))) == f"{ID}/index.md"


def test_the_examples_in_the_docstring() -> None:
    assert doctest.testmod(urls, raise_on_error=True).attempted > 0


def test_templates_and_scripts_spell_no_address_of_the_site() -> None:
    """The theme's templates and the site's scripts take the site's addresses from the pages (a statement page's
    front matter names the list it belongs to) and from Material's configuration, never from a copy of their own."""
    from tests.conftest import ROOT

    paths = [urls.STATEMENTS, urls.SENTENCES, urls.TOPICS, urls.TIMELINE, urls.DATA, urls.FORMAT, urls.ABOUT]
    spelled = re.compile("|".join(f"[\"']{re.escape(path)}" for path in paths))
    files = sorted([*(ROOT / "overrides").rglob("*.html"), *(ROOT / "docs" / "assets").glob("*.js")])
    found = [
        f"{path.relative_to(ROOT)}: {match[0]}"
        for path in files
        for match in spelled.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_data_page_lists_every_download_of_a_statement() -> None:
    """One list of downloads makes the statement page's links and the Data page's table (the table once
    lacked the citation files)."""
    from edition.site.formatdoc import data_page

    page = data_page([])
    assert [name for name in urls.DOWNLOADS if f"`/statements/<id>/{name}`" in page] == list(urls.DOWNLOADS)


FROZEN = {
    "commitments/": "the address of the list of every sentence",
    "commitments": "the heading's anchor on that page, a paragraph's sentences in statement files and data.json",
    "__cmt_": "the middle of a sentence's anchor",
    "commitment_count": "a statement's number of sentences in statements/index.json",
    "commitment": "a sentence's <inline> in data.akn.xml",
}
"""The public strings published before the edition called any sentence a sentence, which stay as they are."""


def test_the_frozen_strings_are_listed_once() -> None:
    assert sorted({frozen.text for frozen in urls.FROZEN}) == sorted(FROZEN)


def test_the_site_publishes_each_frozen_string(rendered: Path) -> None:
    """Each string of ``urls.FROZEN`` is what the rendered site holds where it is published: a constant renamed by
    mistake fails here, before any link or program that reads the site breaks."""
    import json

    import yaml

    from tests.conftest import STATEMENT_ID

    project = rendered
    docs = project / "docs"
    folder = docs / "statements" / STATEMENT_ID
    assert (docs / "commitments" / "index.md").is_file()
    assert "\n# Sentences { #commitments }\n" in (docs / "commitments" / "index.md").read_text(encoding="utf-8")
    page = (folder / "index.md").read_text(encoding="utf-8")
    assert 'id="para_3__cmt_1"' in page
    data = json.loads((folder / "data.json").read_text(encoding="utf-8"))
    assert data["paragraphs"][2]["commitments"][0]["anchor"] == "para_3__cmt_1"
    source = yaml.safe_load((project / "statements" / f"{STATEMENT_ID}.yaml").read_text(encoding="utf-8"))
    assert len(source["paragraphs"][2]["commitments"]) == len(data["paragraphs"][2]["commitments"])
    index = json.loads((docs / "statements" / "index.json").read_text(encoding="utf-8"))
    assert [statement["commitment_count"] for statement in index["statements"]][:1] == [13]
    akn = (folder / "data.akn.xml").read_text(encoding="utf-8")
    assert '<inline name="commitment" eId="para_3__cmt_1">' in akn
    assert "\n## Sentence { #commitment }\n" in (docs / "format" / "index.md").read_text(encoding="utf-8")
    schema = json.loads((docs / "data" / "statement-data.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["commitment"]["properties"]["anchor"]["pattern"].startswith("^para_")
