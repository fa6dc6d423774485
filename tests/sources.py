"""The official texts of ``sources/``, read the way the tests need them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.conftest import SOURCES, STATEMENT_ID


@dataclass(frozen=True)
class PublishedText:
    """What the published page says, line by line as captured."""

    updated_line: str
    """The first line: "Updated: 07-Dec-2001 NATO Press Statement"."""
    date_line: str
    """The date as printed: "7 Dec. 2001"."""
    title: str
    """The title line."""
    subtitle: str
    """The descriptive block, its lines joined with single spaces."""
    paragraphs: dict[int, str]
    """Each numbered paragraph's text, without its number."""


def published(statement_id: str = STATEMENT_ID) -> PublishedText:
    """The published text of ``statement_id``, from ``sources/<id>.txt``."""
    raw = (SOURCES / f"{statement_id}.txt").read_bytes().decode("utf-8")
    lines = raw.split("\n")
    blocks = [block.split("\n") for block in raw.split("\n\n")]
    paragraphs = {int(match[1]): match[2] for line in lines if (match := re.fullmatch(r"\s+([0-9]+)\. (.+)", line))}
    return PublishedText(
        updated_line=lines[0],
        date_line=blocks[1][0],
        title=blocks[2][0],
        subtitle=" ".join(blocks[3]),
        paragraphs=paragraphs,
    )
