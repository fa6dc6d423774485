"""Characters a statement file may not hold as they are, found in its raw text at their line and column.

A statement file is read by people in an editor before YAML reads it, so what the
file holds must be what they see. Three kinds of character are refused wherever
they stand, comments included:

* control characters (Unicode category Cc) other than tab, line feed and carriage
  return, which YAML refuses too, and the noncharacters (U+FDD0-U+FDEF, and the
  last two code points of every plane), which no text holds;
* the line breaks that YAML sees and most editors do not: U+0085 NEXT LINE,
  U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR;
* invisible characters, which show nothing on the screen yet change a text or
  the way it is displayed: every default-ignorable code point of Unicode (the
  soft hyphen, the zero-width characters, the bidirectional controls, the
  byte-order mark inside a file, tag characters, variation selectors, Hangul
  fillers, ...) and every other format character (category Cf), except the
  visible signs that stand before numbers (U+0600 ARABIC NUMBER SIGN and its kin).

Written as an escape in a double-quoted YAML string (``"\\u00AD"``), an invisible
character is visible in the file, and accepted: that is how a statement whose
official text truly holds one is written. The rules of each value still apply
(a text is one line; an address is printable).

Two texts can also read the same and be other characters, which no rule here refuses
(an official text may hold them) but which :func:`unseen_difference` names when a text
is compared with its published or official words: the same words in another Unicode
normalization (``e`` and U+0301 COMBINING ACUTE ACCENT for ``é``), or a letter of
another script that looks like the expected one (:data:`LOOK_ALIKES`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from edition.problems import Problem

_CONTROLS: Final = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x84), (0x86, 0x9F))
"""Control characters but tab (U+0009), line feed (U+000A), carriage return (U+000D) and NEXT LINE (U+0085)."""
_NONCHARACTERS: Final = ((0xFDD0, 0xFDEF), *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)))
"""Code points Unicode sets aside as never being characters."""
LINE_BREAKS: Final = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
"""The line breaks of YAML 1.1 besides CR and LF, with their names (NEXT LINE has none in :mod:`unicodedata`)."""
INVISIBLE: Final = (
    (0x00AD, 0x00AD),  # SOFT HYPHEN
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x061C, 0x061C),  # ARABIC LETTER MARK
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ, AA
    (0x180B, 0x180F),  # MONGOLIAN FREE VARIATION SELECTORS, MONGOLIAN VOWEL SEPARATOR
    (0x200B, 0x200F),  # ZERO WIDTH SPACE ... RIGHT-TO-LEFT MARK
    (0x202A, 0x202E),  # LEFT-TO-RIGHT EMBEDDING ... RIGHT-TO-LEFT OVERRIDE
    (0x2060, 0x206F),  # WORD JOINER ... NOMINAL DIGIT SHAPES, with the isolates
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1 ... -16
    (0xFEFF, 0xFEFF),  # ZERO WIDTH NO-BREAK SPACE (the byte-order mark)
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFFB),  # reserved, then the INTERLINEAR ANNOTATION characters
    (0x13430, 0x1343F),  # EGYPTIAN HIEROGLYPH format controls
    (0x1BCA0, 0x1BCA3),  # SHORTHAND FORMAT controls
    (0x1D173, 0x1D17A),  # MUSICAL SYMBOL BEGIN BEAM ... END PHRASE
    (0xE0000, 0xE0FFF),  # LANGUAGE TAG, TAG characters, VARIATION SELECTOR-17 ... -256, reserved
)
"""Unicode's default-ignorable code points and the other format characters (Cf) but the number signs."""
NUMBER_SIGNS: Final = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
"""The format characters that are visible: signs written before a number (Prepended_Concatenation_Mark)."""


def _class(ranges: Iterable[tuple[int, int]]) -> str:
    """The ranges as the inside of a regular expression's character class."""
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)


_UNREADABLE_CLASS: Final = _class(_CONTROLS) + _class(_NONCHARACTERS) + "".join(LINE_BREAKS)
"""What YAML cannot read as it is, as a character class: these stop the file from being read at all."""
_UNREADABLE: Final = re.compile(f"[{_UNREADABLE_CLASS}]")
_NONCHARACTER: Final = re.compile(f"[{_class(_NONCHARACTERS)}]")
_INVISIBLE: Final = re.compile(f"[{_class(INVISIBLE)}]")
_REFUSED: Final = re.compile(f"[{_UNREADABLE_CLASS}{_class(INVISIBLE)}]")
"""Every character refused as it is."""
_ESCAPED: Final = re.compile(f'["\\\\\t\n\r{_UNREADABLE_CLASS}{_class(INVISIBLE)}]')
"""What :func:`yaml_quoted` escapes: the refused characters, the quote, the backslash and the other controls."""
_LINE_END: Final = re.compile(r"\r\n?|\n")
"""A line break as editors count lines."""


def problems(path: Path, text: str) -> list[Problem]:
    """One problem for each refused character of ``text``, the decoded file, at its line and column."""
    found: list[Problem] = []
    line, line_start, searched = 1, 0, 0
    for match in _REFUSED.finditer(text):
        for end in _LINE_END.finditer(text, searched, match.start()):
            line, line_start = line + 1, end.end()
        searched = match.start()
        found.append(Problem(path, line, match.start() - line_start + 1, _message(match.group())))
    return found


def refused(text: str) -> bool:
    """Whether ``text`` holds a character that a statement file may not hold as it is."""
    return _REFUSED.search(text) is not None


def unreadable(text: str) -> bool:
    """Whether ``text`` holds a character that keeps YAML from reading it (see :func:`problems`)."""
    return _UNREADABLE.search(text) is not None


def is_invisible(character: str) -> bool:
    """Whether ``character`` is one that a file holds only as an escape (see the module's docstring)."""
    return _INVISIBLE.fullmatch(character) is not None


def escape(character: str) -> str:
    """The escape of ``character`` in a double-quoted YAML string: ``\\u00AD``, ``\\U000E0041``."""
    code = ord(character)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def yaml_quoted(text: str) -> str:
    """``text`` as a double-quoted YAML string that a statement file may hold: what it refuses is escaped.

    So are the quote, the backslash and the control characters; YAML reads the string back as ``text``.
    """
    return '"' + _ESCAPED.sub(_escaped, text) + '"'


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    return "\\" + character if character in '"\\' else escape(character)


def _message(character: str) -> str:
    """What is wrong with ``character``, one of the refused ones, and what to do."""
    code = f"U+{ord(character):04X}"
    if character in LINE_BREAKS:
        return (
            f"{code} {LINE_BREAKS[character]} is a line break to YAML but not to most editors; "
            "replace it with a space or a plain line break"
        )
    if unicodedata.category(character) == "Cc":
        return f"{code} is a control character, which a statement file cannot hold; delete it"
    if _NONCHARACTER.fullmatch(character):
        return f"{code} is a noncharacter, which no text holds; delete it"
    name = unicodedata.name(character, "(unassigned)")
    return (
        f"{code} {name} is invisible and not allowed as it is; if the official text truly has it, "
        f'write it as the escape "{escape(character)}" in a double-quoted string'
    )


LOOK_ALIKES: Final = {
    **dict(zip("АВЕЅІЈКМНОРСТХҮӀ", "ABESIJKMHOPCTXYI", strict=True)),  # Cyrillic capital letters
    **dict(zip("аеѕіјһԁорԛсуүхԝ", "aesijhdopqcyyxw", strict=True)),  # Cyrillic small letters
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # Greek capital letters
    **dict(zip("νορ", "vop", strict=True)),  # Greek small letters
}
"""The Cyrillic and Greek letters that look like a Latin letter in common fonts, each with that letter.

Taken from Unicode's confusables (UTS #39) where the shapes are the same, not merely alike:
"а" (U+0430 CYRILLIC SMALL LETTER A) in "Russia" shows as "a". Only used to say why two
texts differ; an official text in Russian or Greek holds these letters rightly.
"""


def first_difference(text: str, other: str) -> int | None:
    """The index of the first character where ``text`` and ``other`` differ (the shorter's length when one
    begins the other); ``None`` when they are the same."""
    if text == other:
        return None
    return next(
        (index for index, (a, b) in enumerate(zip(text, other, strict=False)) if a != b), min(len(text), len(other))
    )


def unseen_difference(written: str, expected: str, index: int, source: str) -> str | None:
    """Why ``written`` differs from ``expected`` at ``index``, their first difference, although it reads the same
    there; ``None`` when the difference shows.

    The cause is said with what to do, naming ``source``, where ``expected`` comes from ("the published text
    recorded in ..."): a letter that looks like another (:data:`LOOK_ALIKES`), or the same words in another
    Unicode normalization.
    """
    mine, theirs = written[index : index + 1], expected[index : index + 1]
    if mine and theirs and LOOK_ALIKES.get(mine, mine) == LOOK_ALIKES.get(theirs, theirs):
        return (
            f"{named(mine)} looks like {named(theirs)} but is another letter; {source} has {theirs!r} here: replace it"
        )
    start, longer = index, written if index < len(written) else expected
    while start and unicodedata.combining(longer[start]):  # the same before index: the letter the marks are on
        start -= 1
    here, there = _letter(written, start), _letter(expected, start)
    if unicodedata.normalize("NFC", written) == unicodedata.normalize("NFC", expected):
        same, them = "the same words as", "them"
    elif unicodedata.normalize("NFC", here) == unicodedata.normalize("NFC", there):
        same, them = "here the same letter as", "the words"
    else:
        return None
    return (
        f"{same} {source}, in another Unicode normalization ({_normalization(here)}); "
        f"save {them} in {_normalization(there)}"
    )


def named(character: str) -> str:
    """``'а' (U+0430 CYRILLIC SMALL LETTER A)``: a character, its code point and its name."""
    return f"{character!r} (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})"


def _letter(text: str, start: int) -> str:
    """The character at ``start`` with the combining marks that follow it."""
    end = start + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return text[start:end]


def _normalization(text: str) -> str:
    """The Unicode normalization ``text`` is in: NFC, NFD, or neither."""
    for form in ("NFC", "NFD"):
        if unicodedata.is_normalized(form, text):
            return form
    return "neither NFC nor NFD"
