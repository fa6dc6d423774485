"""What the commands print: problems one a line, what the edition holds, what a render did, MkDocs' log."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from edition.build.output import Changes
from edition.problems import ProblemError, listed

if TYPE_CHECKING:
    from edition.site.listings import Listing


def report(error: ProblemError) -> None:
    """Print each problem as one ``path:line:col: message`` line on stderr (a limited number a file), then a total."""
    lines, count = listed(error.problems)
    for line in lines:
        print(line, file=sys.stderr)
    files = len({problem.path for problem in error.problems})
    print(f"{count:,} problem{'s'[: count - 1]} in {files} file{'s'[: files - 1]}", file=sys.stderr)


def summary(listings: list[Listing]) -> str:
    """``1 statement(s), 4 paragraphs, 13 sentences``."""
    paragraphs = sum(listed.paragraph_count for listed in listings)
    sentences = sum(listed.sentence_count for listed in listings)
    return f"{len(listings)} statement(s), {paragraphs} paragraphs, {sentences} sentences"


@dataclass(frozen=True)
class Rendered:
    """What a render did."""

    summary: str
    """What the edition holds: ``1 statement(s), 4 paragraphs, 13 sentences``."""
    changes: Changes
    """The files written and removed under ``docs/``."""

    def __str__(self) -> str:
        written, removed = len(self.changes.written), len(self.changes.removed)
        return f"{self.summary}; {written} file(s) written, {removed} removed"


def show_mkdocs_log() -> None:
    """Show MkDocs' progress lines as its own command line does ("INFO    -  Building ...")."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
