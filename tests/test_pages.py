"""The generated Markdown, pinned by golden files that were read line by line.

To accept a deliberate change of output, run ``UPDATE_GOLDEN=1 python -m pytest
tests/test_pages.py`` and review the diff of ``tests/golden/`` before committing.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from edition.records import registry
from edition.records.recordfile import Erratum, Retirement
from edition.site.formatdoc import format_page
from edition.site.listings import listing, sentences_page, statements_index, topic_pages
from edition.site.pages import statement_page
from edition.statements.model import Statement
from tests.conftest import SOURCES, STATEMENT_ID

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """``actual`` equals ``tests/golden/<name>``, or rewrites it under UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_statement_page(statement: Statement) -> None:
    record = registry.with_new_anchors(statement, None)
    official = (SOURCES / f"{STATEMENT_ID}.txt").read_bytes()
    assert_golden(f"{STATEMENT_ID}.md", statement_page(statement, record, "https://example.org/edition/", official))


def test_statements_index(statement: Statement) -> None:
    assert_golden("statements-index.md", statements_index([listing(statement)]))


def test_sentences_page(statement: Statement) -> None:
    assert_golden("sentences.md", sentences_page([listing(statement)]))


def test_topic_page(statement: Statement) -> None:
    assert_golden("topic-terrorism.md", topic_pages([listing(statement)])["terrorism"])


def test_format_page() -> None:
    assert_golden("format.md", format_page())


def test_corrections_list_each_erratum_and_retired_anchor_oldest_first(statement: Statement) -> None:
    published = registry.with_new_anchors(statement, None)
    erratum = Erratum("para_3__cmt_1", "2026-12-03", "We condemn terorism.", "We condemn terrorism.", "A typo.")
    retired = (
        Retirement("para_4__cmt_4", "para_4__cmt_3", "2026-12-01", "Joined to the sentence before."),
        Retirement("para_5", None, "2026-12-05", "The paragraph was not in the official text."),
    )
    record = replace(published, errata=(erratum,), retired=retired)
    page = statement_page(statement, record, "https://example.org/edition/")
    section = page[page.index("## Corrections { #corrections ") :]
    items = [line for line in section.splitlines() if line.startswith("<li>")]
    assert items == [
        '<li><a href="#para_4__cmt_4">#para_4__cmt_4</a> (4.4), retired on <time datetime="2026-12-01">1 December '
        '2026</time>: Joined to the sentence before. Now it leads to <a href="#para_4__cmt_3">4.3</a>.</li>',
        '<li><a href="#para_3__cmt_1">3.1</a>, corrected on <time datetime="2026-12-03">3 December 2026</time>: '
        'A typo. Published as: <q class="stmt-old-text">We condemn terorism.</q> '
        'Now: <q class="stmt-new-text">We condemn terrorism.</q></li>',
        '<li><a href="#para_5">#para_5</a> (5), retired on <time datetime="2026-12-05">5 December 2026</time>: '
        'The paragraph was not in the official text. Now it leads to <a href="#title">the top of the statement</a>.'
        "</li>",
    ]
    assert "No corrections" not in page


def test_a_statement_without_an_official_text_or_dates_says_what_it_lacks(statement: Statement) -> None:
    bare = replace(statement, source=replace(statement.source, taken=None), first_published=None)
    page = statement_page(bare, registry.with_new_anchors(bare, None), "https://example.org/edition/")
    assert "<dd>no copy of the official text is kept with this edition</dd>" in page
    assert "SHA-256" not in page and "official.txt" not in page
    assert (
        '<a class="stmt-archived" href="https://web.archive.org/web/*/https://www.nato.int/docu/pr/2001/p011207e.htm">'
        "The official page in the Internet Archive's Wayback Machine</a>, every copy it holds"
    ) in page
    assert '<p class="stmt-no-corrections">No corrections since first publication.</p>' in page
