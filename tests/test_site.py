"""The real site, built by ``build_site.py build`` with MkDocs, read as HTML.

These tests pin what readers and citers get: every anchor of the contract exactly
once, the official words under it byte for byte, a search index whose places are
the paragraphs and sentences, and pages that load nothing from another host.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from edition.statements.fileformat import schema_text
from tests.conftest import ROOT, SOURCES, STATEMENT_ID, copy_project, run_build_site
from tests.html import attribute, definitions, heading_text, one, parse, text
from tests.sources import published

COMMITMENTS_PER_PARAGRAPH = {1: 3, 2: 4, 3: 3, 4: 3}
"""The sentences of each paragraph of the 7 December 2001 statement: 13 in all."""

pytestmark = pytest.mark.build
"""Every test here reads the whole site, built with MkDocs."""


@pytest.fixture(scope="module")
def page(built_site: Path) -> BeautifulSoup:
    """The statement page, ``/statements/<id>/``."""
    return parse(built_site / "statements" / STATEMENT_ID / "index.html")


def contract_anchors() -> list[str]:
    """Every anchor the contract promises for the statement, in reading order."""
    anchors = []
    for paragraph, count in COMMITMENTS_PER_PARAGRAPH.items():
        anchors.append(f"para_{paragraph}")
        anchors += [f"para_{paragraph}__cmt_{m}" for m in range(1, count + 1)]
    return anchors


def test_every_contract_anchor_exists_exactly_once(page: BeautifulSoup) -> None:
    ids = [attribute(element, "id") for element in page.find_all(id=True)]
    statement_ids = [i for i in ids if i.startswith("para_")]
    assert statement_ids == contract_anchors()
    assert len(contract_anchors()) == 4 + 13


def paragraph_text(page: BeautifulSoup, number: int) -> str:
    """The official text under the paragraph anchor ``para_N``."""
    body = one(page, id=f"para_{number}").find_next_sibling("div", class_="stmt-para")
    assert isinstance(body, Tag)
    return text(body, "p", class_="stmt-text")


@pytest.mark.parametrize("number", sorted(COMMITMENTS_PER_PARAGRAPH))
def test_paragraph_text_is_the_official_text(page: BeautifulSoup, number: int) -> None:
    assert paragraph_text(page, number) == published().paragraphs[number]


@pytest.mark.parametrize("number", sorted(COMMITMENTS_PER_PARAGRAPH))
def test_commitments_join_to_the_official_paragraph(page: BeautifulSoup, number: int) -> None:
    texts = [text(page, id=f"para_{number}__cmt_{m}") for m in range(1, COMMITMENTS_PER_PARAGRAPH[number] + 1)]
    assert " ".join(texts) == published().paragraphs[number]
    assert all(text == text.strip() and text.endswith(".") for text in texts)


MENTIONS = {
    "para_1__cmt_2": [("NATO-Russia Founding Act", "https://www.nato.int/cps/en/natohq/official_texts_25468.htm")],
    "para_2__cmt_3": [("Founding Act", "https://www.nato.int/cps/en/natohq/official_texts_25468.htm")],
    "para_3__cmt_3": [
        ("UN Security Council Resolutions 1368", "https://undocs.org/S/RES/1368(2001)"),
        ("1373", "https://undocs.org/S/RES/1373(2001)"),
    ],
}
"""The words that name a referred document, each a link to the document's source."""


def test_commitment_text_holds_no_markup_but_links_to_documents_it_mentions(page: BeautifulSoup) -> None:
    for anchor in contract_anchors():
        if "__cmt_" in anchor:
            element = one(page, id=anchor)
            assert element.name == "span"
            links = [(a.get_text(), attribute(a, "href")) for a in element.find_all("a", class_="stmt-mention")]
            assert links == MENTIONS.get(anchor, []), anchor
            assert len(element.find_all(True)) == len(links), f"{anchor} contains another element"


def test_header_shows_the_statement_metadata(page: BeautifulSoup) -> None:
    header = one(page, "section", class_="stmt-header")
    source = published()
    assert heading_text(one(page, "h1", id="title")) == source.title
    assert text(page, class_="stmt-subtitle") == source.subtitle
    meta = definitions(one(header, "dl", class_="stmt-lead")) | definitions(one(header, "dl", class_="stmt-meta"))
    # The statement's Cite control ends the line of the official text, hidden until the page's script makes it work.
    cite = one(meta["Official text"], "button", class_="stmt-cite-statement")
    assert (cite.get_text(), cite.has_attr("hidden")) == ("Cite this statement", True)
    cite.extract()
    assert {term: dd.get_text() for term, dd in meta.items()} == {
        "Document": "NATO Press Statement",
        "Date": "7 December 2001",
        "Place": "Brussels",
        "Issued by": "NATO-Russia Permanent Joint Council, at the level of Foreign Ministers",
        "Official text": "NATO (page updated 7 December 2001)",
        "Words": "checked against the official text on 27 November 2026",
        "Permanent address": f"http://127.0.0.1:8000/statements/{STATEMENT_ID}/",
        "Download": "Data (JSON) · Akoma Ntoso (XML) · BibTeX · RIS · CSL-JSON",
    }
    downloads = ["data.json", "data.akn.xml", "cite.bib", "cite.ris", "cite.json"]
    assert [attribute(a, "href") for a in meta["Download"].find_all("a")] == downloads
    assert attribute(one(meta["Date"], "time"), "datetime") == "2001-12-07"
    assert attribute(one(meta["Official text"], "a"), "href") == "https://www.nato.int/docu/pr/2001/p011207e.htm"
    assert text(page, "title") == (
        "NATO-Russia Joint Statement, 7 December 2001 - Diplomatic Statements — Reference Edition"
    )
    skip = one(page, "a", class_="md-skip")
    assert attribute(skip, "href") == "#title", "Skip to content leads to the title, not to paragraph 1"


def test_each_paragraph_has_a_visible_permalink(page: BeautifulSoup) -> None:
    for number in COMMITMENTS_PER_PARAGRAPH:
        link = one(one(page, id=f"para_{number}"), "a", class_="headerlink")
        assert (attribute(link, "href"), link.get_text()) == (f"#para_{number}", "¶")


def test_each_commitment_has_an_editorial_note_with_kind_and_topics(page: BeautifulSoup) -> None:
    notes: dict[str, Tag] = {}
    for link in page.find_all("a", class_="stmt-cmt-link"):
        note = link.find_parent("li")
        assert isinstance(note, Tag)
        notes[attribute(link, "href")] = note
    assert list(notes) == [f"#{a}" for a in contract_anchors() if "__cmt_" in a]
    note_3_3 = notes["#para_3__cmt_3"]
    assert note_3_3.get_text() == (
        "3.3 · support · Terrorism · refers to UN Security Council Resolution 1368, UN Security Council Resolution 1373"
    )
    assert [attribute(a, "href") for a in note_3_3.find_all("a")][1:] == [
        "../../topics/terrorism/",
        "#documents",
        "#documents",
    ]
    deadline = one(notes["#para_2__cmt_4"], class_="stmt-deadline")
    assert deadline.get_text() == (
        "deadline May 2002: the meeting of the Permanent Joint Council at the level of Foreign Ministers in "
        "Reykjavik; followed by 14 May 2002, 28 May 2002"
    )
    assert [attribute(a, "href") for a in deadline.find_all("a")] == [
        "https://www.nato.int/docu/pr/2002/p020514e.htm",
        "https://www.nato.int/cps/en/natohq/official_texts_19572.htm",
    ]


def test_documents_referred_to_are_listed_with_their_sources(page: BeautifulSoup) -> None:
    heading = one(page, id="documents")
    assert heading.get_text() == "Documents referred to¶"
    items = one(page, "ul", class_="stmt-documents").find_all("li")
    assert [item.get_text() for item in items] == [
        "Founding Act on Mutual Relations, Cooperation and Security between NATO and the Russian Federation "
        "(NATO-Russia Founding Act), 27 May 1997. Referred to in 1.2, 2.3.",
        "United Nations Security Council Resolution 1368 (2001) (UN Security Council Resolution 1368), "
        "12 September 2001. Referred to in 3.3.",
        "United Nations Security Council Resolution 1373 (2001) (UN Security Council Resolution 1373), "
        "28 September 2001. Referred to in 3.3.",
    ]
    assert [attribute(one(item, "a"), "href") for item in items] == [
        "https://www.nato.int/cps/en/natohq/official_texts_25468.htm",
        "https://undocs.org/S/RES/1368(2001)",
        "https://undocs.org/S/RES/1373(2001)",
    ]


def search_entries(built_site: Path) -> dict[str, dict[str, Any]]:
    """What Pagefind indexed of each page, by address: its words, anchors, filters and title.

    Pagefind stores each page's entry (its "fragment") gzipped, as JSON after a short
    signature.
    """
    entries = {}
    for path in (built_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        entry = json.loads(raw[raw.index(b"{") :])
        entries[entry["url"]] = entry
    return entries


OFFICIAL_SHA256 = "e85c53af95c9a635a48a02397ba1712b764d107abc3a37023db5b13b1cbef8ec"
"""``sha256sum sources/2001-12-07-nato-russia-joint-statement.txt``."""


def test_the_official_text_as_taken_is_published_next_to_the_page_with_its_digest(
    built_site: Path, page: BeautifulSoup
) -> None:
    copy = built_site / "statements" / STATEMENT_ID / "official.txt"
    assert copy.read_bytes() == (SOURCES / f"{STATEMENT_ID}.txt").read_bytes()
    assert heading_text(one(page, "h2", id="provenance")) == "Provenance"
    rows = definitions(one(page, "section", class_="stmt-provenance"))
    assert {term: dd.get_text() for term, dd in rows.items()} == {
        "Official page": "https://www.nato.int/docu/pr/2001/p011207e.htm, published by NATO "
        "(page updated 7 December 2001)",
        "Text as taken": "official.txt, taken on 27 November 2026: the page's text as this edition copied it, "
        "byte for byte (plain text, UTF-8, 2,610 bytes)",
        "SHA-256": OFFICIAL_SHA256,
        "Archived page": "The official page in the Internet Archive's Wayback Machine, the copy nearest "
        "27 November 2026",
    }
    assert attribute(one(rows["Official page"], "a"), "href") == "https://www.nato.int/docu/pr/2001/p011207e.htm"
    assert attribute(one(rows["Text as taken"], "a"), "href") == "official.txt"
    assert attribute(one(rows["Text as taken"], "time"), "datetime") == "2026-11-27"
    assert attribute(one(rows["Archived page"], "a"), "href") == (
        "https://web.archive.org/web/20261127/https://www.nato.int/docu/pr/2001/p011207e.htm"
    )


def test_every_statement_page_says_it_has_no_corrections_since_first_publication(page: BeautifulSoup) -> None:
    assert heading_text(one(page, "h2", id="corrections")) == "Corrections"
    section = one(page, "section", class_="stmt-corrections")
    assert text(section, "p") == "No corrections since first publication on 27 November 2026."
    assert attribute(one(section, "time"), "datetime") == "2026-11-27"
    assert section.find("ol") is None


def test_search_indexes_the_official_words_under_their_anchors(built_site: Path) -> None:
    """Every sentence is a place a search can land on, with the official words as its text."""
    entry = search_entries(built_site)[f"/statements/{STATEMENT_ID}/"]
    words = entry["content"].split()
    anchors = {anchor["id"]: anchor for anchor in entry["anchors"]}
    assert [anchor for anchor in anchors if anchor.startswith("para_")] == contract_anchors()
    for number, official in published().paragraphs.items():
        sentences = [anchors[anchor] for anchor in contract_anchors() if anchor.startswith(f"para_{number}__")]
        assert " ".join(sentence["text"] for sentence in sentences) == official
        first = sentences[0]
        assert words[first["location"] : first["location"] + 3] == official.split()[:3]
        assert anchors[f"para_{number}"]["element"] == "h2"
    assert entry["meta"]["title"] == published().title
    assert entry["meta"]["date"] == "7 December 2001"


def test_search_leaves_out_the_metadata_numbers_notes_and_permalinks(built_site: Path) -> None:
    """The statement's indexed words are its title, descriptive line, headings, official text and documents.

    Not the metadata (its labels ran into their values in snippets: "Date7 December 2001"),
    the paragraph numbers, the notes under each paragraph, the breadcrumb or the ``¶``
    permalinks.
    """
    entry = search_entries(built_site)[f"/statements/{STATEMENT_ID}/"]
    content = entry["content"]
    assert content.startswith(f"{published().title}. {published().subtitle}. Paragraph 1 · ")
    for left_out in ("Issued by", "Permanent address", "Official text", "Statements ›", "¶", "3. We condemn"):
        assert left_out not in content, f"{left_out!r} is in the search index"
    for note in ("1.1", "Dialogue and consultation"):  # a sentence's number, a topic of paragraph 2's notes
        assert note not in content, f"the note {note!r} is in the search index"


def test_search_filters_statements_by_kind_topic_and_year(built_site: Path) -> None:
    entry = search_entries(built_site)[f"/statements/{STATEMENT_ID}/"]
    assert entry["filters"]["year"] == ["2001"]
    assert {"commit", "condemn", "task"} <= set(entry["filters"]["kind"])
    assert {"Terrorism", "Dialogue and consultation"} <= set(entry["filters"]["topic"])


def test_search_indexes_no_list_that_repeats_the_statements(built_site: Path) -> None:
    pages = set(search_entries(built_site))
    assert f"/statements/{STATEMENT_ID}/" in pages
    assert "/about/" in pages
    for listing in ("/commitments/", "/timeline/", "/topics/terrorism/"):
        assert listing not in pages, f"{listing} is in the search index"


def test_navigation_stays_small(page: BeautifulSoup) -> None:
    """The main tabs are for readers; the developers' pages are one section, the last tab."""
    tabs = [link.get_text(strip=True) for link in page.select(".md-tabs__link")]
    assert tabs == [
        "Home",
        "Statements",
        "Sentences",
        "Topics",
        "Timeline",
        "Data",
        "How to link and cite",
        "For developers",
    ]


def test_statements_page_lists_the_statement(built_site: Path) -> None:
    link = one(parse(built_site / "statements" / "index.html"), "a", href=f"{STATEMENT_ID}/")
    assert link.get_text() == "NATO-Russia Joint Statement"
    item = link.find_parent("li")
    assert isinstance(item, Tag)
    assert item.get_text() == ("7 December 2001: NATO-Russia Joint Statement, Brussels (NATO Press Statement)")


def test_format_page_and_schema_are_published(built_site: Path) -> None:
    assert (built_site / "format" / "statement.schema.json").read_text(encoding="utf-8") == schema_text()
    format_page = parse(built_site / "format" / "index.html")
    ids = {attribute(element, "id") for element in format_page.find_all(id=True)}
    assert {"statement", "paragraph", "commitment", "kinds", "topics"} <= ids


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        html = parse(path)
        for element in html.find_all(["script", "link", "img", "iframe", "source", "video", "audio", "embed"]):
            if element.name == "link" and {"alternate", "canonical"} & set(element.get("rel") or []):
                continue  # metadata naming the published address, not something the page loads
            for name in ("src", "href", "srcset"):
                value = element.get(name)
                if value:
                    assert not urlsplit(str(value)).netloc, f"{path}: <{element.name} {name}={value!r}>"
        for style in html.find_all("style"):
            assert "http" not in style.get_text(), f"{path}: a <style> refers to another host"


def test_every_internal_link_and_fragment_resolves(built_site: Path) -> None:
    pages = {path: parse(path) for path in sorted(built_site.rglob("*.html"))}
    ids = {path: {attribute(e, "id") for e in page.find_all(id=True)} for path, page in pages.items()}
    checked = 0
    for path, page in pages.items():
        for element in page.find_all(["a", "link", "script", "img"]):
            reference = element.get("href") or element.get("src")
            if not isinstance(reference, str) or reference.startswith(("javascript:", "mailto:", "data:")):
                continue
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc:
                continue  # links out to authoritative sources are plain links, not checked offline
            if parts.path.startswith("/"):  # 404.html links from the site's root, wherever it is shown
                target = built_site / parts.path.lstrip("/")
            else:
                target = (path.parent / parts.path).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(built_site)}: {reference!r} leads nowhere"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids[target], f"{path.relative_to(built_site)}: {reference!r}: no such anchor"
            checked += 1
    assert checked > 100


SHUFFLED = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")
"""Pagefind's files that change from one run to the next over the same pages: its filters list their values in
an arbitrary order (its issue 638), and the meta and entry files name the filters' files by their hashes."""


def test_two_builds_of_the_same_input_are_byte_identical(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Byte for byte, but for the order of the values in Pagefind's filters (:data:`SHUFFLED`)."""
    root = copy_project(tmp_path_factory.mktemp("again") / "project", official_texts=True)
    result = run_build_site(root, "build")
    assert result.returncode == 0, result.stderr

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    first, second = files(built_site), files(root / "site")
    assert sorted(name for name in first if not SHUFFLED.match(name)) == sorted(
        name for name in second if not SHUFFLED.match(name)
    )
    assert [name for name in first if not SHUFFLED.match(name) and first[name] != second[name]] == []
    for kind in ("filter/", "pagefind-entry", ".pf_meta"):
        assert len([n for n in first if kind in n]) == len([n for n in second if kind in n]) > 0, kind

    def filter_bytes(site: dict[str, bytes]) -> list[list[int]]:
        return sorted(sorted(gzip.decompress(site[name])) for name in site if name.startswith("pagefind/filter/"))

    assert filter_bytes(first) == filter_bytes(second), "the filters' values differ, not only their order"


def commitment_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """(anchor URL, text, kind, topics) of each row of the tables of sentences of a page."""
    rows = []
    for table in parse(path).find_all("table", class_="stmt-sentences"):
        for row in table.find_all("tr")[1:]:
            cells = row.find_all("td")
            link = one(cells[0], "a")
            words = cells[0].get_text().removeprefix(link.get_text() + ": ")
            rows.append((attribute(link, "href"), words, cells[1].get_text(), cells[2].get_text()))
    return rows


def sentence_groups(path: Path) -> list[tuple[str, str, list[str]]]:
    """(heading, its link, the column headings of its table) of each statement's group of sentences on a page."""
    groups = []
    for group in parse(path).find_all("section", class_="stmt-sentence-group"):
        heading = one(group, "h2")
        assert attribute(group, "aria-labelledby") == attribute(heading, "id")
        columns = [th.get_text() for th in one(group, "table", class_="stmt-sentences").find_all("th")]
        groups.append((heading.get_text(), attribute(one(heading, "a"), "href"), columns))
    return groups


def test_listing_pages_name_each_statement_once_above_its_sentences(built_site: Path) -> None:
    heading = "NATO-Russia Joint Statement, Brussels, 7 December 2001"
    everything = built_site / "commitments" / "index.html"
    assert sentence_groups(everything) == [
        (heading, f"../statements/{STATEMENT_ID}/", ["Sentence", "Kind", "Topics", "Deadline"])
    ]
    assert one(parse(everything), "article").get_text().count("NATO-Russia Joint Statement") == 1
    terrorism = built_site / "topics" / "terrorism" / "index.html"
    assert sentence_groups(terrorism) == [
        (heading, f"../../statements/{STATEMENT_ID}/", ["Sentence", "Kind", "Topics"])
    ]
    institutions = built_site / "topics" / "institutions" / "index.html"
    assert sentence_groups(institutions)[0][2] == ["Sentence", "Kind", "Topics", "Deadline"]  # 2.4 has one


def test_commitments_page_lists_every_commitment_with_its_anchor_and_words(built_site: Path) -> None:
    rows = commitment_rows(built_site / "commitments" / "index.html")
    assert [url for url, *_ in rows] == [f"../statements/{STATEMENT_ID}/#{a}" for a in contract_anchors() if "__" in a]
    texts = {n: " ".join(words for url, words, *_ in rows if f"#para_{n}__" in url) for n in range(1, 5)}
    assert texts == published().paragraphs
    assert rows[7][2:] == ("condemn", "Terrorism")
    form = one(parse(built_site / "commitments" / "index.html"), "form", class_="stmt-filter")
    kinds = [attribute(option, "value") for option in one(form, "select", attrs={"name": "kind"}).find_all("option")]
    assert kinds[:4] == ["", "commit", "reaffirm", "decide"]


@pytest.mark.parametrize(
    ("topic", "anchors"),
    [
        ("terrorism", ["para_3__cmt_1", "para_3__cmt_2", "para_3__cmt_3", "para_4__cmt_1", "para_4__cmt_3"]),
        ("institutions", ["para_1__cmt_3", "para_2__cmt_3", "para_2__cmt_4"]),
        ("theatre-missile-defence", ["para_4__cmt_3"]),
    ],
)
def test_a_topic_page_lists_the_commitments_tagged_with_it(built_site: Path, topic: str, anchors: list[str]) -> None:
    rows = commitment_rows(built_site / "topics" / topic / "index.html")
    assert [url for url, *_ in rows] == [f"../../statements/{STATEMENT_ID}/#{a}" for a in anchors]


def test_topics_page_documents_the_vocabulary(built_site: Path) -> None:
    table = one(parse(built_site / "topics" / "index.html"), "table")
    rows = [[cell.get_text() for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]
    assert rows[4] == ["Terrorism", "terrorism", "Terrorist acts and the struggle against terrorism.", "5"]
    assert len(rows) == 13


def test_timeline_shows_the_deadline_and_what_followed(built_site: Path) -> None:
    item = one(parse(built_site / "timeline" / "index.html"), "section", class_="stmt-timeline-item")
    assert text(item, "h2") == (
        "May 2002: the meeting of the Permanent Joint Council at the level of Foreign Ministers in Reykjavik"
    )
    assert attribute(one(one(item, "p"), "a"), "href") == f"../statements/{STATEMENT_ID}/#para_2__cmt_4"
    assert text(item, "blockquote") == (
        "We intend that such cooperative mechanisms beyond the current format will be in place for, or prior to, "
        "our meeting in Reykjavik in May 2002."
    )
    follow_ups = one(item, "ol", class_="stmt-followups").find_all("li")
    assert [(text(li, "time"), attribute(one(li, "a"), "href")) for li in follow_ups] == [
        ("14 May 2002", "https://www.nato.int/docu/pr/2002/p020514e.htm"),
        ("28 May 2002", "https://www.nato.int/cps/en/natohq/official_texts_19572.htm"),
    ]


def test_statement_page_carries_the_citation_tags_zotero_reads(page: BeautifulSoup) -> None:
    tags = [(str(tag["name"]), str(tag["content"])) for tag in page.find_all("meta") if
            str(tag.get("name", "")).startswith("citation_")]  # fmt: skip
    url = f"http://127.0.0.1:8000/statements/{STATEMENT_ID}/"
    assert tags == [
        ("citation_title", "NATO-Russia Joint Statement"),
        ("citation_author", "NATO-Russia Permanent Joint Council"),
        ("citation_publication_date", "2001/12/07"),
        ("citation_date", "2001/12/07"),
        ("citation_publisher", "NATO"),
        ("citation_public_url", url),
        ("citation_abstract_html_url", url),
        ("citation_language", "en"),
    ]


def test_statement_page_describes_itself_to_machines(page: BeautifulSoup) -> None:
    data = json.loads(text(page, "script", type="application/ld+json"))
    url = f"http://127.0.0.1:8000/statements/{STATEMENT_ID}/"
    assert {key: data[key] for key in ("@type", "url", "name", "dateCreated", "isBasedOn", "inLanguage")} == {
        "@type": "CreativeWork",
        "url": url,
        "name": "NATO-Russia Joint Statement",
        "dateCreated": "2001-12-07",
        "isBasedOn": "https://www.nato.int/docu/pr/2001/p011207e.htm",
        "inLanguage": "en",
    }
    assert data["locationCreated"] == {"@type": "Place", "name": "Brussels"}
    assert data["author"] == {"@type": "Organization", "name": "NATO-Russia Permanent Joint Council"}
    assert data["publisher"] == {"@type": "Organization", "name": "NATO"}
    parts = [(p["url"], p["text"]) for p in data["hasPart"]]
    assert parts == [(f"{url}#para_{n}", published().paragraphs[n]) for n in range(1, 5)]
    commitments = [c["url"] for p in data["hasPart"] for c in p["hasPart"]]
    assert commitments == [f"{url}#{a}" for a in contract_anchors() if "__cmt_" in a]


def test_statement_page_has_link_preview_meta(page: BeautifulSoup) -> None:
    def meta(**attrs: str) -> str:
        return attribute(one(page, "meta", attrs=attrs), "content")

    assert meta(property="og:type") == "article"
    assert meta(property="og:title") == "NATO-Russia Joint Statement, 7 December 2001"
    assert meta(property="og:url") == f"http://127.0.0.1:8000/statements/{STATEMENT_ID}/"
    assert meta(property="og:description").startswith("issued on the Occasion of the Meeting")
    assert meta(name="twitter:card") == "summary"
    assert meta(name="twitter:title") == "NATO-Russia Joint Statement, 7 December 2001"


def test_no_script_stands_before_the_first_paint(built_site: Path) -> None:
    """Every script a page loads (Material's bundle, then the edition's) runs once the page is parsed, in order."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        scripts = [element for element in parse(path).find_all("script") if element.get("src")]
        if scripts:
            sources = [str(element.get("src")) for element in scripts]
            assert "/bundle." in sources[0], f"{path}: Material's bundle first: {sources}"
            blocking = [str(element.get("src")) for element in scripts if not element.has_attr("defer")]
            assert blocking == [], f"{path}: scripts that block the first paint: {blocking}"


EDITION_STYLESHEETS = ("assets/edition.css", "assets/listings.css", "assets/palette.css", "assets/search.css")
"""The edition's stylesheets in ``docs/assets``, in the order of ``extra_css`` in ``mkdocs.yml``."""


def test_every_page_links_one_stylesheet_of_the_edition_made_of_its_sources(built_site: Path) -> None:
    """One request for the edition's rules before the first paint, not four: ``assets/site.css``, the sources joined."""
    for html in (built_site / "index.html", built_site / "statements" / STATEMENT_ID / "index.html"):
        links = [attribute(link, "href") for link in parse(html).select("link[rel=stylesheet]")]
        edition = [link for link in links if "/stylesheets/" not in link and not link.startswith("assets/stylesheets/")]
        assert [link.rsplit("/", 1)[-1] for link in edition] == ["site.css"], f"{html} links {links}"
    joined = (built_site / "assets" / "site.css").read_text(encoding="utf-8")
    where = {
        source: joined.find((ROOT / "docs" / source).read_text(encoding="utf-8").strip())
        for source in EDITION_STYLESHEETS
    }
    assert -1 not in where.values(), f"assets/site.css lacks {[source for source, at in where.items() if at < 0]}"
    assert list(where.values()) == sorted(where.values()), "assets/site.css does not keep the order of extra_css"
