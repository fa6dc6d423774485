"""The official texts of ``sources/``, read by the edition's own rule (:func:`edition.statements.official.published`).

The tests compare the built pages and exports with the paragraphs found here, the same ones
``check`` compares every statement file with: one rule, in the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.statements import official
from tests.conftest import SOURCES, STATEMENT_ID


@dataclass(frozen=True)
class PublishedText:
    """What the published page says."""

    title: str
    """The title line."""
    subtitle: str
    """The descriptive block, its lines joined with single spaces."""
    paragraphs: dict[int, str]
    """Each paragraph's text, without its number, by its number."""


def published(statement_id: str = STATEMENT_ID) -> PublishedText:
    """The published text of ``statement_id``, from ``sources/<id>.txt``."""
    path = SOURCES / f"{statement_id}.txt"
    text, problems = official.published(path, path.read_bytes())
    assert text is not None, problems
    header = text.header
    assert header.title is not None and header.subtitle is not None
    return PublishedText(header.title, header.subtitle, {p.number: p.text for p in text.paragraphs})
