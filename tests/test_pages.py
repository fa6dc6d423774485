"""The generated Markdown, pinned by golden files that were read line by line.

To accept a deliberate change of output, run ``UPDATE_GOLDEN=1 python -m pytest
tests/test_pages.py`` and review the diff of ``tests/golden/`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

from edition.records import registry
from edition.site.formatdoc import format_page
from edition.site.listings import listing, statements_index
from edition.site.pages import statement_page
from edition.statements.model import Statement
from tests.conftest import STATEMENT_ID

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """``actual`` equals ``tests/golden/<name>``, or rewrites it under UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_statement_page(statement: Statement) -> None:
    record = registry.with_new_anchors(statement, None)
    assert_golden(f"{STATEMENT_ID}.md", statement_page(statement, record, "https://example.org/edition/"))


def test_statements_index(statement: Statement) -> None:
    assert_golden("statements-index.md", statements_index([listing(statement)]))


def test_format_page() -> None:
    assert_golden("format.md", format_page())
