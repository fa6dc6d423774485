"""The official texts, ``sources/<id>.txt``, and whether a statement's paragraphs are their words.

Each statement's text as its issuing body published it is kept byte for byte as
``sources/<id>.txt`` (``sources/README.md``). When a statement has one, ``check`` (and
so ``render`` and ``build``) compares it with the statement, paragraph by paragraph, by
the rule the tests hold the built pages and exports to as well:

* the official text's paragraphs are the ones the importer finds in it
  (:func:`edition.importer.layout.parse`, whatever its layout: numbered, bulleted,
  hard-wrapped, ...), each with its number (unnumbered ones counted 1, 2, ...);
* a statement's paragraph is the official paragraph of its number: its commitments,
  joined with single spaces, give that paragraph character for character;
* the statement has every paragraph of the official text, and no other.

A paragraph that is not its official words is one problem, at the first character that
differs, saying how it differs; a difference that does not show (another Unicode
normalization, a letter that looks like the official one) is named
(:func:`edition.statements.characters.unseen_difference`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from edition import folders
from edition.problems import Problem, ProblemError, display_path
from edition.statements.characters import first_difference, unseen_difference

if TYPE_CHECKING:
    from edition.importer.layout import PublishedParagraph, PublishedText
    from edition.statements.model import Paragraph, Sentence, Statement


def path_of(statement_path: Path) -> Path:
    """Where the official text of the statement file ``statement_path`` is: ``sources/<id>.txt``."""
    return statement_path.parent.parent / folders.SOURCES / f"{statement_path.stem}.txt"


def published(path: Path, data: bytes) -> tuple[PublishedText | None, list[Problem]]:
    """The official text ``data``, read from ``path``: its header and paragraphs, or the problems that keep
    them from being read."""
    from edition.importer import layout  # only statements with an official text need it
    from edition.statements.loading import decode

    text, problems = decode(path, data)
    if text is None:
        return None, problems
    try:
        return layout.parse(path, layout.lines_of(text)), []
    except ProblemError as error:
        return None, error.problems


def compare(statement: Statement, data: bytes) -> list[Problem]:
    """The problems of ``statement`` whose paragraphs are not the words of its official text, ``data``."""
    path = path_of(statement.path)
    text, problems = published(path, data)
    if text is None:
        return problems
    official = {paragraph.number: paragraph for paragraph in text.paragraphs}
    for paragraph in statement.paragraphs:
        found = official.get(paragraph.number)
        if found is None:
            message = (
                f"paragraph {paragraph.number}: the official text ({display_path(path)}) has no paragraph "
                f"{paragraph.number}, only {len(official)}; delete it, or join it to the paragraph it belongs to"
            )
            problems.append(Problem(statement.path, paragraph.line, 1, message))
            continue
        problem = _difference(statement, paragraph, found, _source(path, found))
        if problem is not None:
            problems.append(problem)
    if statement.paragraphs:
        last = statement.paragraphs[-1]
        problems += [
            Problem(
                statement.path,
                last.line,
                1,
                f"paragraph {last.number}: {_source(path, missing)} goes on with paragraph {missing.number}, "
                "which the statement lacks; add it",
            )
            for missing in text.paragraphs
            if missing.number > last.number
        ]
    return problems


def _source(path: Path, paragraph: PublishedParagraph) -> str:
    """``the official text (sources/<id>.txt:16)``: where an official paragraph starts."""
    return f"the official text ({display_path(path)}:{paragraph.line})"


def _difference(
    statement: Statement, paragraph: Paragraph, official: PublishedParagraph, source: str
) -> Problem | None:
    """The problem of ``paragraph`` when it is not the ``official`` one, at the first character that differs."""
    written, expected = paragraph.text, official.text
    index = first_difference(written, expected)
    if index is None:
        return None
    sentence, offset = _character(paragraph, index)
    message = unseen_difference(written, expected, index, source) or _visible(written, expected, index, source)
    return Problem(statement.path, *sentence.place(offset), f"paragraph {paragraph.number}: {message}")


def _character(paragraph: Paragraph, index: int) -> tuple[Sentence, int]:
    """The commitment that holds character ``index`` of the paragraph's text, and the character's index in it.

    The space that joins two commitments is the place after the first one's last character.
    """
    start = 0
    for sentence in paragraph.sentences:
        end = start + len(sentence.text)
        if index <= end:
            return sentence, index - start
        start = end + 1
    last = paragraph.sentences[-1]
    return last, len(last.text)


def _visible(written: str, expected: str, index: int, source: str) -> str:
    """How ``written`` differs from ``expected`` from ``index`` on, in words, and what to do."""
    from edition.values import shown_value

    if index == len(written):
        return f"the words stop here, but {source} goes on with {shown_value(expected[index:])}; add them"
    if index == len(expected):
        return (
            f"{source} ends the paragraph here, but the words go on with {shown_value(written[index:])}; "
            "delete them, or move them to the paragraph they belong to"
        )
    return (
        f"the words differ from {source} here: {shown_value(_word(written, index))} where it has "
        f"{shown_value(_word(expected, index))}; copy them from it"
    )


def _word(text: str, index: int) -> str:
    """The word of ``text`` that holds character ``index``, with the next word when that character is a space."""
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index + 1)
    return text[start : len(text) if end < 0 else end]
