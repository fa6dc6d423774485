"""The layout of a published statement: page furniture, header and paragraphs.

A statement copied from its page comes in many layouts. The body's paragraphs are
numbered ``1.``, ``1)`` or ``(1)``; bulleted with ``•``, ``-`` or ``*``; or unmarked,
separated by blank lines, by indented first lines, or one per line. Any of them may
be hard-wrapped over several lines, indented or not: the lines are joined with
single spaces, and no character of the words changes. What comes before the first
paragraph is the header (title, descriptive line, date); page furniture ("Updated:
...", "Go to Homepage Go to Index") is dropped, keeping the dates it carries.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from edition.importer import dates
from edition.importer.sentences import ends_like_a_sentence
from edition.limits import MAX_DIGITS
from edition.problems import Problem, ProblemError


@dataclass(frozen=True)
class Line:
    """A line of the published text."""

    number: int
    """Its line number in the file, from 1."""
    indent: int
    """How many columns of spaces come before its first word (tabs count as 8)."""
    text: str
    """Its words, without surrounding spaces; runs of spaces and tabs are one space."""


@dataclass(frozen=True)
class Header:
    """What the lines before the paragraphs say about the statement."""

    title: str | None
    """The first line of the header that is not a date: the official title."""
    subtitle: str | None
    """The descriptive lines under the title, joined with single spaces."""
    date: datetime.date | None
    """The date it was issued: from a line that is only a date, else from the descriptive line."""
    updated: datetime.date | None
    """The date of the page's "Updated:" line."""
    document_type: str | None
    """What follows the date on the "Updated:" line, e.g. "NATO Press Statement"."""
    notes: tuple[str, ...]
    """What the dates disagree on, for the reviewer."""


@dataclass(frozen=True)
class PublishedParagraph:
    """A paragraph of the body, its lines joined."""

    number: int
    """Its official number; unnumbered and bulleted paragraphs are counted 1, 2, ..."""
    text: str
    """Its words as published, hard-wrapped lines joined with single spaces."""
    line: int
    """The line of the file where it starts."""
    notes: tuple[str, ...]
    """What the reviewer should check about it, e.g. a line that ended with a hyphen."""


@dataclass(frozen=True)
class PublishedText:
    """A statement's text as published: its header and its paragraphs."""

    header: Header
    """The metadata found before the paragraphs."""
    paragraphs: tuple[PublishedParagraph, ...]
    """The body, in order."""
    layout: str
    """How the paragraphs were recognised, e.g. 'numbered "1."' or 'separated by blank lines'."""


NUMBERED: Final = {
    "1.": re.compile(r"(?P<number>[0-9]+)\.\s+(?P<text>\S.*)"),
    "1)": re.compile(r"(?P<number>[0-9]+)\)\s+(?P<text>\S.*)"),
    "(1)": re.compile(r"\((?P<number>[0-9]+)\)\s+(?P<text>\S.*)"),
}
"""Paragraph numbers as pages write them; the first paragraph must be number 1.

A number of more than :data:`~edition.limits.MAX_DIGITS` digits matches too, so that it
is refused where it would start a paragraph, never taken for words of the one above."""
BULLETS: Final = {
    "•": re.compile(r"[•◦▪·]\s+(?P<text>\S.*)"),
    "-": re.compile(r"[-–]\s+(?P<text>\S.*)"),
    "*": re.compile(r"\*\s+(?P<text>\S.*)"),
}
"""Bullets as pages write them."""
_UPDATED = re.compile(r"(?:Last )?[Uu]pdated:\s*(?P<rest>.*)")
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}\b\s*")
_NAVIGATION = re.compile(r"(?:(?:Go|Back) to (?:Homepage|Index|[Tt]op)\s*)+|Top of page|Print(?: this page)?|Header")
"""Navigation lines of a page, which are no part of the statement."""
NO_PARAGRAPHS: Final = (
    'no paragraphs found: expected paragraphs numbered "1.", "1)" or "(1)", bulleted with "•", "-" or "*", '
    "or separated by blank lines, each ending like a sentence"
)


def raw_lines(text: str) -> list[str]:
    """The lines of ``text`` as they are, whatever its line endings (``\\r\\n``, ``\\n`` or ``\\r``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def lines_of(text: str) -> list[Line]:
    """The lines of ``text``, each with its number, indentation and words."""
    return [_line(number, line) for number, line in enumerate(raw_lines(text), start=1)]


def parse(path: Path, lines: Sequence[Line]) -> PublishedText:
    """The header and paragraphs of ``lines``; raises :class:`ProblemError` when they cannot be told apart."""
    updated, document_type = _updated(lines)
    kept = [line if line.text and not _is_furniture(line.text) else None for line in lines]
    problems: list[Problem] = []
    style = _marker_style(kept)
    if style is not None:
        head, paragraphs, layout = _marked(path, kept, style, problems)
    else:
        head, paragraphs, layout = _unmarked(kept)
    if not paragraphs:
        problems.append(Problem(path, 1, 1, NO_PARAGRAPHS))
    header = _header(head, updated, document_type)
    if header.date is None:
        problems.append(
            Problem(path, 1, 1, "no date found before the paragraphs: expected a line such as '7 Dec. 2001'")
        )
    if problems:
        raise ProblemError(problems)
    return PublishedText(header, tuple(paragraphs), layout)


def _line(number: int, raw: str) -> Line:
    expanded = raw.expandtabs(8)
    words = re.sub(r"[ \t]+", " ", raw.strip())
    return Line(number, len(expanded) - len(expanded.lstrip(" ")), words)


def _updated(lines: Sequence[Line]) -> tuple[datetime.date | None, str | None]:
    """The date and document type of the page's "Updated: 07-Dec-2001 NATO Press Statement" line."""
    for line in lines:
        match = _UPDATED.fullmatch(line.text)
        start = dates.starting_day(match["rest"]) if match else None
        if start is not None:
            day, rest = start
            rest = _TIME.sub("", rest, count=1) if _TIME.match(rest) else rest
            return day, rest or None
    return None, None


def _is_furniture(text: str) -> bool:
    return bool(_UPDATED.fullmatch(text) or _NAVIGATION.fullmatch(text))


def _marker_style(lines: Sequence[Line | None]) -> str | None:
    """The numbering of the first line numbered 1, else the bullet of the first bulleted line."""
    for line in lines:
        for style, pattern in NUMBERED.items():
            match = pattern.fullmatch(line.text) if line else None
            if match and _number(match) == 1:
                return style
    for line in lines:
        for style, pattern in BULLETS.items():
            if line and pattern.fullmatch(line.text):
                return style
    return None


def _marked(
    path: Path, lines: list[Line | None], style: str, problems: list[Problem]
) -> tuple[list[Line | None], list[PublishedParagraph], str]:
    """Numbered or bulleted paragraphs: a marker starts one, the lines under it continue it."""
    pattern = NUMBERED.get(style) or BULLETS[style]
    first = next(index for index, line in enumerate(lines) if line and pattern.fullmatch(line.text))
    items: list[list[Line]] = []
    open_item = False
    for index in range(first, len(lines)):
        line = lines[index]
        if line is None:
            open_item = False
            continue
        match = pattern.fullmatch(line.text)
        number = _number(match) if match and style in NUMBERED else len(items) + 1
        if match and number == len(items) + 1:
            items.append([Line(line.number, line.indent, match["text"])])
            open_item = True
        elif open_item and not (match and _ends_previous(lines, index)):
            items[-1].append(line)
        else:
            problems.append(_stray(path, line, style, match is not None, len(items) + 1, number is None))
            open_item = False
    layout = f'numbered "{style}"' if style in NUMBERED else f'bulleted "{style}"'
    return lines[:first], [_paragraph(number, item) for number, item in enumerate(items, start=1)], layout


def _ends_previous(lines: list[Line | None], index: int) -> bool:
    """Whether the line before ``index`` ends a sentence, so that a number at ``index`` starts a paragraph."""
    previous = lines[index - 1] if index else None
    return previous is None or ends_like_a_sentence(previous.text)


def _number(match: re.Match[str]) -> int | None:
    """The paragraph number of a numbered line, or ``None`` when it has more digits than a number may have."""
    digits = match["number"]
    return None if len(digits) > MAX_DIGITS else int(digits)


def _stray(path: Path, line: Line, style: str, numbered: bool, expected: int, too_long: bool) -> Problem:
    """The problem of a line that neither starts the next paragraph nor continues one."""
    marker = line.text.split()[0]
    if too_long:
        message = (
            f"a paragraph number has at most {MAX_DIGITS} digits, got {_shown(marker)}; correct the number, "
            "or join the line to the paragraph above if the number is part of its words"
        )
    elif numbered:
        message = f"paragraph numbers must go 1, 2, ... in order: expected {expected}, got {marker!r}"
    else:
        kind = "numbered" if style in NUMBERED else "bulleted"
        message = (
            f"text outside the {kind} paragraphs: {_shown(line.text)}; "
            "mark it as a paragraph, join it to the one above, or delete it if it is no part of the statement"
        )
    return Problem(path, line.number, line.indent + 1, message)


def _unmarked(lines: list[Line | None]) -> tuple[list[Line | None], list[PublishedParagraph], str]:
    """Paragraphs without markers: the body starts at the first block of lines that ends like a sentence."""
    blocks = _blocks(lines)
    body = next(
        (index for index, block in enumerate(blocks) if ends_like_a_sentence(" ".join(line.text for line in block))),
        len(blocks),
    )
    head: list[Line | None] = [line for block in blocks[:body] for line in [*block, None]]
    pieces = [piece for block in blocks[body:] for piece in _split_block(block)]
    layouts = {layout for layout, _ in pieces}
    paragraphs = [_paragraph(number, piece) for number, (_, piece) in enumerate(pieces, start=1)]
    return head, paragraphs, " and ".join(sorted(layouts)) or "none"


def _blocks(lines: list[Line | None]) -> list[list[Line]]:
    """The groups of lines between blank lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line is None:
            blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _split_block(block: list[Line]) -> list[tuple[str, list[Line]]]:
    """A block's paragraphs: one per line, one per indented first line, or the whole block."""
    if len(block) > 1 and all(ends_like_a_sentence(line.text) for line in block):
        return [("one per line", [line]) for line in block]
    margin = min(line.indent for line in block)
    if len(block) > 1 and block[0].indent > margin:
        starts = [index for index, line in enumerate(block) if line.indent > margin] + [len(block)]
        return [("with indented first lines", block[a:b]) for a, b in itertools.pairwise(starts)]
    return [("separated by blank lines", block)]


def _paragraph(number: int, lines: list[Line]) -> PublishedParagraph:
    notes = tuple(
        f"line {line.number} ends with a hyphen and was joined to the next with a space ({_joint(line, after)}): "
        "check the published page"
        for line, after in itertools.pairwise(lines)
        if re.search(r"\w-$", line.text)
    )
    return PublishedParagraph(number, " ".join(line.text for line in lines), lines[0].number, notes)


def _joint(line: Line, after: Line) -> str:
    return repr(f"{line.text.rsplit(' ', 1)[-1]} {after.text.split(' ', 1)[0]}")


def _header(lines: Sequence[Line | None], updated: datetime.date | None, document_type: str | None) -> Header:
    """Title, descriptive line and date from the lines before the paragraphs."""
    date_lines: list[datetime.date] = []
    texts: list[str] = []
    for block in _blocks(list(lines)):
        day = dates.day(block[0].text) if len(block) == 1 else None
        if day is not None:
            date_lines.append(day)
        else:
            texts.extend(line.text for line in block)
    title = texts[0] if texts else None
    subtitle = " ".join(texts[1:]) or None
    described = [datetime.date.fromisoformat(found.value) for found in dates.days(subtitle or "")]
    date = (date_lines + described)[0] if date_lines + described else None
    notes = []
    if date_lines and described and described[0] != date_lines[0]:
        notes.append(f"the date line says {date_lines[0]} but the descriptive line says {described[0]}")
    if date is not None and updated is not None and updated < date:
        notes.append(f"the page says it was updated on {updated.isoformat()}, before the statement's date")
    return Header(title, subtitle, date, updated, document_type, tuple(notes))


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
