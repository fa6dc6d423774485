"""Where each character of a text value stands in its statement file, for problems that point at one.

YAML joins the lines of a wrapped value with spaces, reads escapes in double quotes
(``\\u00E9``) and doubled quotes in single ones (``''``), and drops each line's
indentation: the tenth character of a value is not always ten columns from its start.
:class:`Written` keeps what the file holds of a value, and :meth:`Written.place` follows
YAML's rules over it to find the line and column of one of the value's characters.

It follows them far enough for the texts of a statement file: plain, quoted and block
values, wrapped or not. Whatever it cannot follow (a block value with more indented
lines, an unknown escape) it finds by rereading the value and comparing; when the
reading differs from YAML's, a place is the value's start, never a wrong column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_BLANKS: Final = " \t"
_ESCAPE_LENGTHS: Final = {"x": 2, "u": 4, "U": 8}
"""The escapes of a double-quoted value that are followed by hexadecimal digits, and how many."""
_ESCAPES: Final = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
"""The one-character escapes of a double-quoted value, and what each stands for."""

Place = tuple[int, int]
"""A line and a column, both counted from 1."""


@dataclass(frozen=True)
class Written:
    """A text value as its file writes it."""

    line: int
    """The line where the value starts (its first character, quote or block indicator), from 1."""
    column: int
    """The column where it starts, from 1."""
    style: str | None
    """YAML's style of it: ``None`` (plain), ``'``, ``"``, ``|`` or ``>``."""
    raw: str | None
    """The file's characters from its start to its end; ``None`` when they are the value itself, on one line."""

    def place(self, value: str, index: int) -> Place:
        """The line and column of character ``index`` of ``value``, the value written here.

        ``index`` may be ``len(value)``: the place just after the last character.
        """
        if self.raw is None:
            return self.line, self.column + index
        places = _places(self.raw, self.style, value)
        if places is None or not 0 <= index <= len(value):
            return self.line, self.column
        row, column = places[index]
        return self.line + row, (self.column + column if row == 0 else column + 1)


def written(line: int, column: int, style: str | None, raw: str, value: str) -> Written:
    """How the value ``value`` is written: from ``line`` and ``column`` (from 1), in ``style``, as ``raw``."""
    return Written(line, column, style, None if raw == value else raw)


_Char = tuple[str, int, int]
"""A character of the value as read, with its row (from the value's first line, 0) and column (from 0)."""


def _places(raw: str, style: str | None, value: str) -> list[tuple[int, int]] | None:
    """The row and column of each character of ``value`` in ``raw``, then of the place after it; ``None``
    when reading ``raw`` does not give ``value``."""
    lines = _LINE_BREAK.split(raw)
    read = _block(lines, folded=style == ">") if style in ("|", ">") else _flow(lines, style)
    if read is None or "".join(character for character, _, _ in read) != value:
        return None
    places = [(row, column) for _, row, column in read]
    end = places[-1] if places else (0, 0)
    return [*places, (end[0], end[1] + 1)]


def _flow(lines: list[str], style: str | None) -> list[_Char] | None:
    """A plain or quoted value: its lines folded, their blanks dropped, escapes read."""
    quoted = style in ("'", '"')
    segments = []
    for row, line in enumerate(lines):
        start = 1 if quoted and row == 0 else 0
        stop = len(line) - 1 if quoted and row == len(lines) - 1 else len(line)
        segments.append((row, start, line[start:stop]))
    read: list[_Char] = []
    empty = 0
    joined = True  # the first line, or one after an escaped line break, follows without a space
    for index, (row, start, segment) in enumerate(segments):
        first, last = index == 0, index == len(segments) - 1
        stripped = segment if first else segment.lstrip(_BLANKS)
        start += len(segment) - len(stripped)
        continued = style == '"' and not last and _escapes_line_break(stripped)
        if continued:
            stripped = stripped[:-1]
        elif not last:
            stripped = stripped.rstrip(_BLANKS)
        if not stripped and not first and not last:
            empty += 1
            continue
        if not joined:
            end_row, end_column = (read[-1][1], read[-1][2] + 1) if read else (row, start)
            read += [("\n", end_row + n + 1, 0) for n in range(empty)] if empty else [(" ", end_row, end_column)]
        characters = _quoted(stripped, style, row, start)
        if characters is None:
            return None
        read += characters
        empty, joined = 0, continued
    return read


def _escapes_line_break(segment: str) -> bool:
    """Whether a double-quoted line ends in a backslash that escapes the line break (an odd number of them)."""
    backslashes = len(segment) - len(segment.rstrip("\\"))
    return backslashes % 2 == 1


def _quoted(segment: str, style: str | None, row: int, start: int) -> list[_Char] | None:
    """The characters of one line of a value, with its escapes (``"``) or doubled quotes (``'``) read."""
    read: list[_Char] = []
    index = 0
    while index < len(segment):
        character, column = segment[index], start + index
        if style == "'" and segment.startswith("''", index):
            read.append(("'", row, column))
            index += 2
        elif style == '"' and character == "\\":
            escape = _escape(segment, index)
            if escape is None:
                return None
            meaning, length = escape
            read.append((meaning, row, column))
            index += length
        else:
            read.append((character, row, column))
            index += 1
    return read


def _escape(segment: str, index: int) -> tuple[str, int] | None:
    """What the escape at ``index`` stands for, and how many characters it takes."""
    code = segment[index + 1 : index + 2]
    if code in _ESCAPES:
        return _ESCAPES[code], 2
    digits = _ESCAPE_LENGTHS.get(code)
    hexadecimal = segment[index + 2 : index + 2 + digits] if digits else ""
    if digits is None or len(hexadecimal) != digits or not all(c in "0123456789abcdefABCDEF" for c in hexadecimal):
        return None
    number = int(hexadecimal, 16)
    return (chr(number), 2 + digits) if number < 0x110000 else None


def _block(lines: list[str], *, folded: bool) -> list[_Char] | None:
    """A literal or folded block value of evenly indented lines: each line's text, joined as YAML joins them."""
    content = lines[1:]
    while content and not content[-1].strip(_BLANKS):
        content.pop()  # the line breaks at the end, which chomping keeps or drops
    filled = [line for line in content if line.strip(_BLANKS)]
    if not filled:
        return []
    indent = min(len(line) - len(line.lstrip(" ")) for line in filled)
    read: list[_Char] = []
    empty = 0
    for row, line in enumerate(content, start=1):
        if not line.strip(_BLANKS):
            empty += 1
            continue
        if len(line) - len(line.lstrip(" ")) != indent:
            return None  # more indented lines keep their breaks in a folded value: not followed here
        if read:
            read += _joint(read[-1], empty, folded=folded)
        read += [(character, row, indent + offset) for offset, character in enumerate(line[indent:])]
        empty = 0
    return read


def _joint(last: _Char, empty: int, *, folded: bool) -> list[_Char]:
    """What joins two lines of a block value, ``empty`` lines apart: a space (folded, no empty line) or line
    breaks, placed at the end of the first line and on the empty ones."""
    _, row, column = last
    if folded and not empty:
        return [(" ", row, column + 1)]
    breaks = empty if folded else empty + 1
    return [("\n", row, column + 1), *(("\n", row + n, 0) for n in range(1, breaks))]
