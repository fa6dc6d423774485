"""The site's addresses, in one place (CONTRIBUTING.md, "URLs and anchors").

Every address here is a public promise: once published, it stays. A *path* is
relative to the site's root and a page's path ends in ``/`` (MkDocs makes
``docs/<path>index.md`` into the page at ``<path>``); an *address* is absolute,
the site's URL (``site_url`` in ``mkdocs.yml``, ending in ``/``) followed by a path::

    >>> statement_path("2001-12-07-nato-russia-joint-statement")
    'statements/2001-12-07-nato-russia-joint-statement/'
    >>> statement_url("https://example.org/", "2001-12-07-nato-russia-joint-statement", "para_3__cmt_1")
    'https://example.org/statements/2001-12-07-nato-russia-joint-statement/#para_3__cmt_1'
    >>> file_url("https://example.org/", "2001-12-07-nato-russia-joint-statement", DATA_JSON)
    'https://example.org/statements/2001-12-07-nato-russia-joint-statement/data.json'
    >>> from_statement(TOPICS)
    '../../topics/'

The names of the anchors within a page are the rule of :mod:`edition.anchors`.

Some public strings still say "commitment" where the edition now says "sentence": they
were published before the word changed and stay as they are (:data:`FROZEN`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Final

from edition.anchors import SENTENCE_SEPARATOR

STATEMENTS: Final = "statements/"
"""The list of statements; every statement's page is in this folder."""
SENTENCES: Final = "commitments/"
"""The list of every sentence (its address is older than its title; frozen, see :data:`FROZEN`)."""
SENTENCES_HEADING: Final = "commitments"
"""The anchor of the heading of the list of every sentence (older than its title; frozen)."""
TOPICS: Final = "topics/"
"""The topic vocabulary; every topic's page is in this folder."""
TIMELINE: Final = "timeline/"
"""The sentences with a deadline, by date."""
DATA: Final = "data/"
"""The statements as data: the formats and every statement's downloads."""
FORMAT: Final = "format/"
"""The statement file format, which defines the sentence kinds (``#kinds``) and topics (``#topics``)."""
ABOUT: Final = "about/"
"""How to link and cite, and how to report an error."""

STATEMENTS_INDEX: Final = f"{STATEMENTS}index.json"
"""Every statement as data, with the addresses of its page and files."""
DATA_SCHEMA: Final = f"{DATA}statement-data.schema.json"
"""The JSON Schema of a statement's ``data.json``."""
SCRIPT_RULES: Final = f"{DATA}edition-rules.js"
"""The rules the site's scripts take from the edition's code (:mod:`edition.site.scriptrules`), loaded
before them (``extra_javascript`` in ``mkdocs.yml``)."""
SEARCH_INDEX: Final = "pagefind/"
"""The folder of the site where Pagefind writes the search index and the scripts that read it (the build's search
plugin, ``edition/build/searchindex.py``), and from which the search box loads them (``docs/assets/search.js``)."""
FORMAT_SCHEMA: Final = f"{FORMAT}statement.schema.json"
"""The JSON Schema of the statement files the site is built from."""

PAGE_FILE: Final = "index.md"
"""The Markdown file of a page, in the page's folder under ``docs/``."""
DATA_JSON: Final = "data.json"
"""A statement as JSON, in its page's folder."""
DATA_AKN: Final = "data.akn.xml"
"""A statement as Akoma Ntoso 3.0 XML, in its page's folder."""
CITE_BIB: Final = "cite.bib"
"""A statement as a BibTeX entry, in its page's folder."""
CITE_RIS: Final = "cite.ris"
"""A statement as a RIS record, in its page's folder."""
CITE_JSON: Final = "cite.json"
"""A statement as CSL-JSON, in its page's folder."""


@dataclass(frozen=True)
class Download:
    """A file of a statement that readers download, next to its page."""

    name: str
    """Its name in the statement's folder."""
    label: str
    """What the statement page calls it."""
    format: str
    """What it holds, as the Data page says."""
    media_type: str
    """Its media type, as the statement page's ``<link rel="alternate">`` names it."""


DOWNLOAD_FILES: Final = (
    Download(
        DATA_JSON,
        "Data (JSON)",
        "JSON: metadata, documents referred to, every paragraph and sentence with its exact text, anchor, "
        "address, kind, topics, references and deadline; corrections and retired anchors",
        "application/json",
    ),
    Download(DATA_AKN, "Akoma Ntoso (XML)", "Akoma Ntoso 3.0 XML (OASIS LegalDocML)", "application/akn+xml"),
    Download(
        CITE_BIB,
        "BibTeX",
        "BibTeX: the statement as a reference, for BibTeX, biblatex and Zotero",
        "application/x-bibtex",
    ),
    Download(
        CITE_RIS,
        "RIS",
        "RIS: the statement as a reference, for EndNote, Mendeley and Zotero",
        "application/x-research-info-systems",
    ),
    Download(
        CITE_JSON,
        "CSL-JSON",
        "CSL-JSON: the statement as a reference, for Zotero and citation processors",
        "application/vnd.citationstyles.csl+json",
    ),
)
"""What a reader can download of a statement, in the order the page offers them."""
DOWNLOADS: Final = tuple(download.name for download in DOWNLOAD_FILES)
"""The names of :data:`DOWNLOAD_FILES`, in their order."""
OFFICIAL_TEXT: Final = Download(
    "official.txt",
    "Official text as taken (plain text)",
    "Plain text, UTF-8: the official text as this edition took it from its publisher's page, byte for byte "
    "(`sources/<id>.txt`); only for a statement whose official text the edition keeps",
    "text/plain",
)
"""The official text as taken, next to the page of a statement that has one (not every statement does, so it is
not one of :data:`DOWNLOAD_FILES`)."""
WAYBACK: Final = "https://web.archive.org/web/"
"""The Internet Archive's Wayback Machine: a page as archived is at ``<WAYBACK><YYYYMMDD>/<address>``."""


def statement_path(statement_id: str) -> str:
    """The path of a statement's page, ``statements/<id>/``; its files are in the same folder."""
    return f"{STATEMENTS}{statement_id}/"


def topic_path(topic: str) -> str:
    """The path of a topic's page, ``topics/<topic>/``."""
    return f"{TOPICS}{topic}/"


def page_file(path: str) -> str:
    """The Markdown file under ``docs/`` that MkDocs makes into the page at ``path``."""
    return f"{path}{PAGE_FILE}"


def at(page: str, anchor: str) -> str:
    """The address (or path) of ``anchor`` on the page at ``page``; of the page itself when ``anchor`` is empty."""
    return f"{page}#{anchor}" if anchor else page


def absolute(site_url: str, path: str, anchor: str = "") -> str:
    """The address of ``path`` on the site at ``site_url``, or of ``anchor`` on that page."""
    return at(f"{site_url}{path}", anchor)


def statement_url(site_url: str, statement_id: str, anchor: str = "") -> str:
    """The permanent address of a statement's page, or of one of its anchors."""
    return absolute(site_url, statement_path(statement_id), anchor)


def file_url(site_url: str, statement_id: str, name: str) -> str:
    """The address of a statement's file ``name`` (one of :data:`DOWNLOADS`), next to its page."""
    return absolute(site_url, statement_path(statement_id) + name)


def archived(address: str, day: datetime.date | None) -> str:
    """The Wayback Machine's copy of ``address`` nearest to ``day``, or its list of every copy without a day.

    An address outside the site, which pages link to and never load::

        >>> archived("https://www.nato.int/docu/pr/2001/p011207e.htm", datetime.date(2026, 11, 27))
        'https://web.archive.org/web/20261127/https://www.nato.int/docu/pr/2001/p011207e.htm'
    """
    return f"{WAYBACK}{day.strftime('%Y%m%d') if day else '*'}/{address}"


def to_root(path: str) -> str:
    """The relative link from the page at ``path`` to the site's root: ``../`` for each of its folders."""
    return "../" * path.count("/")


def relative(page: str, path: str) -> str:
    """The relative link from the page at ``page`` to ``path``."""
    return path.removeprefix(page) if path.startswith(page) else to_root(page) + path


def from_statement(path: str) -> str:
    """The relative link from any statement page to ``path`` (every statement page is as deep as another)."""
    return relative(statement_path("<id>"), path)


DATA_SENTENCES: Final = "commitments"
"""The key of a paragraph's sentences in statement files, in ``data.json`` and in its JSON Schema (frozen)."""
DATA_SENTENCE_COUNT: Final = "commitment_count"
"""The key of a statement's number of sentences in :data:`STATEMENTS_INDEX` (frozen)."""
AKN_SENTENCE: Final = "commitment"
"""The ``name`` of the ``<inline>`` that holds a sentence in :data:`DATA_AKN` (frozen)."""
FORMAT_SENTENCE: Final = "commitment"
"""The anchor of the section of the format page that describes a sentence (frozen)."""
DATA_SENTENCE_DEFINITION: Final = "commitment"
"""The name of a sentence's definition in :data:`DATA_SCHEMA`, ``#/$defs/commitment`` (frozen)."""


@dataclass(frozen=True)
class Frozen:
    """A public string kept as first published, though the edition's word for what it names has changed."""

    text: str
    """The string, as readers, links and programs meet it."""
    where: str
    """Where it is published, and what it names."""


FROZEN: Final = (
    Frozen(SENTENCES, "the address of the list of every sentence, /commitments/"),
    Frozen(SENTENCES_HEADING, "the anchor of that list's heading, /commitments/#commitments"),
    Frozen(SENTENCE_SEPARATOR, "the middle of every sentence's anchor, #para_3__cmt_1, on its page and in the data"),
    Frozen(DATA_SENTENCES, "the key of a paragraph's sentences in statement files and data.json"),
    Frozen(DATA_SENTENCE_COUNT, "the key of a statement's number of sentences in statements/index.json"),
    Frozen(AKN_SENTENCE, 'the name of a sentence in data.akn.xml, <inline name="commitment">'),
    Frozen(FORMAT_SENTENCE, "the anchor of the Sentence section of the format page, /format/#commitment"),
    Frozen(DATA_SENTENCE_DEFINITION, "the name of a sentence's definition in the data's schema, #/$defs/commitment"),
)
"""The public strings that stay frozen for compatibility: each still says "commitment" for any sentence
(CONTRIBUTING.md, "Words"); a test checks that each is what the site publishes."""
