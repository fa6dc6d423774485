"""The real project built with Zensical, the successor of MkDocs that reads the same ``mkdocs.yml``.

The contract's anchors and words must survive a change of engine: every paragraph
and commitment anchor exactly once on the statement page, and each commitment's
text equal to the statement file's. Without the ``zensical`` package these tests
skip with the reason; under CI (``CI=true``) that is a failure instead, as for the
browser tests (CONTRIBUTING.md, "Set-up and the two commands").
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.statements.model import Statement
from tests.conftest import STATEMENT_ID, copy_project, run_build_site, skip_or_fail
from tests.html import attribute, parse, text
from tests.test_site import contract_anchors

BUILD_TIMEOUT = 300
"""Seconds a Zensical build may take before the test fails (it takes about one here)."""

pytestmark = pytest.mark.build
"""Every test here reads the whole site, built with Zensical."""


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, rendered, then built by ``zensical build --strict``; its ``site/``."""
    if importlib.util.find_spec("zensical") is None:
        skip_or_fail("the zensical package is not installed: pip install -e '.[test]'", "Zensical build")
    root = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    rendered = run_build_site(root, "render")
    assert rendered.returncode == 0, rendered.stderr
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", "mkdocs.yml"]
    try:
        built = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"zensical build took more than {BUILD_TIMEOUT} s", pytrace=False)
    assert built.returncode == 0, built.stdout + built.stderr
    return root / "site"


@pytest.fixture(scope="module")
def page(zensical_site: Path) -> BeautifulSoup:
    """The statement page as Zensical built it, ``/statements/<id>/``."""
    return parse(zensical_site / "statements" / STATEMENT_ID / "index.html")


def test_every_contract_anchor_exists_exactly_once(page: BeautifulSoup) -> None:
    ids = [attribute(element, "id") for element in page.find_all(id=True)]
    assert [i for i in ids if i.startswith("para_")] == contract_anchors()


def test_sentence_texts_are_the_statement_texts(page: BeautifulSoup, statement: Statement) -> None:
    expected = {sentence.anchor: sentence.text for sentence in statement.sentences}
    assert list(expected) == [anchor for anchor in contract_anchors() if "__cmt_" in anchor]
    assert {anchor: text(page, id=anchor) for anchor in expected} == expected
