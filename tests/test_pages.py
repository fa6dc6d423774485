"""The generated Markdown, pinned by golden files that were read line by line.

To accept a deliberate change of output, run ``UPDATE_GOLDEN=1 python -m pytest
tests/test_pages.py`` and review the diff of ``tests/golden/`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition import registry
from edition.formatdoc import format_page
from edition.listings import listing, statements_index
from edition.pages import statement_page
from edition.validation import read_statement
from tests.conftest import ROOT, STATEMENT_ID

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """``actual`` equals ``tests/golden/<name>``, or rewrites it under UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def statement():  # type: ignore[no-untyped-def]
    found, problems = read_statement(ROOT / "statements" / f"{STATEMENT_ID}.yaml")
    assert problems == []
    return found


def test_statement_page(statement) -> None:  # type: ignore[no-untyped-def]
    record = registry.with_new_anchors(statement, None)
    assert_golden(f"{STATEMENT_ID}.md", statement_page(statement, record, "https://example.org/edition/"))


def test_statements_index(statement) -> None:  # type: ignore[no-untyped-def]
    assert_golden("statements-index.md", statements_index([listing(statement)]))


def test_format_page() -> None:
    assert_golden("format.md", format_page())
