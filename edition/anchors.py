"""The permanent anchors of a statement page (CONTRIBUTING.md, "URLs and anchors").

They follow the Akoma Ntoso naming convention for ``eId``: a single underscore
before a number, a double underscore between levels. ``cmt`` stands for any sentence
(the name of the anchor is older than the word "sentence": it is frozen, see
:data:`edition.urls.FROZEN`)::

    >>> paragraph(3)
    'para_3'
    >>> sentence(3, 1)
    'para_3__cmt_1'
    >>> parts('para_4__cmt_1A')
    (4, '1A')

The same string is the HTML ``id`` on the page and the ``eId`` in data exports.
A paragraph's number is its official number, from the statement file. A
sentence's number is its permanent number in its paragraph: 1, 2, ... in order,
except that a sentence inserted after publication takes a number such as 1A or A1,
so that no published anchor ever names other words (:mod:`edition.records.numbering`; the
record of published anchors, :mod:`edition.records.registry`, and :mod:`edition.records.permanence`
keep it so).

Readers also type short references (:func:`short_reference`): ``#3``, ``#p3``, ``#3.1``,
``#3-a1``. The statement page's script reads them with :data:`SHORT_REFERENCE_PATTERN`
and goes to the anchor they name.
"""

from __future__ import annotations

import re
from typing import Final

from edition.limits import MAX_DIGITS
from edition.records import numbering

PARAGRAPH_PREFIX = "para_"
"""How a paragraph's anchor starts, before its number."""
SENTENCE_SEPARATOR = "__cmt_"
"""What stands between a paragraph's anchor and the number of one of its sentences."""
NUMBER_SEPARATOR: Final = "."
"""What stands between a paragraph's number and its sentence's where readers see and cite them: ``3.1``."""
PARAGRAPH_FORM: Final = f"{PARAGRAPH_PREFIX}N"
"""A paragraph's anchor as the documentation and messages write it, N being its number."""
SENTENCE_FORM: Final = f"{PARAGRAPH_FORM}{SENTENCE_SEPARATOR}M"
"""A sentence's anchor as the documentation and messages write it, M being its permanent number."""
_PARAGRAPH_NUMBER = f"[1-9][0-9]{{0,{MAX_DIGITS - 1}}}"


def paragraph(number: int) -> str:
    """The anchor of paragraph ``number``."""
    return f"{PARAGRAPH_PREFIX}{number}"


def sentence(paragraph_number: int, number: int | str) -> str:
    """The anchor of sentence ``number`` of paragraph ``paragraph_number``."""
    return f"{paragraph(paragraph_number)}{SENTENCE_SEPARATOR}{number}"


PARAGRAPH_PATTERN = f"^{PARAGRAPH_PREFIX}({_PARAGRAPH_NUMBER})$"
"""A paragraph's anchor, as a regular expression that JSON Schema, JavaScript and Python read alike; it
captures the paragraph's number."""
SENTENCE_PATTERN = f"^{PARAGRAPH_PREFIX}({_PARAGRAPH_NUMBER}){SENTENCE_SEPARATOR}({numbering.PATTERN.pattern})$"
"""A sentence's anchor, read alike by JSON Schema, JavaScript and Python; it captures the paragraph's number
and the sentence's."""
ANCHOR_PATTERN = f"^{PARAGRAPH_PREFIX}({_PARAGRAPH_NUMBER})(?:{SENTENCE_SEPARATOR}({numbering.PATTERN.pattern}))?$"
"""A paragraph's or a sentence's anchor, read alike by JSON Schema, JavaScript and Python."""
_ANCHOR = re.compile(ANCHOR_PATTERN)
SENTENCE_CITATION_PATTERN = f"^{_PARAGRAPH_NUMBER}\\.{numbering.PATTERN.pattern}$"
"""How readers cite a sentence by number (:func:`citation`), read alike by JSON Schema, JavaScript and Python."""


SHORT_PREFIXES: Final = ("paragraph", "para_", "para", "p", "§", "¶")
"""What a short reference may start with, in any case, before the paragraph's number."""
SHORT_SEPARATORS: Final = (".", "-", "/", ":", ",", "__", "_")
"""What may stand between the paragraph's number and the sentence's in a short reference."""
SHORT_SENTENCE_MARKS: Final = ("cmt_", "cmt", "c")
"""What may stand, in any case, before the sentence's number in a short reference (``3.c1``)."""
_SPACES = "[ \\t\\u00a0]*"
"""Spaces, tabs and no-break spaces, which a short reference may hold between its parts and around it."""


def _any_case(word: str) -> str:
    """A pattern of ``word`` in any case, spelled out so that no flag is needed: ``[Pp]``."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else _literal(c) for c in word)


def _literal(character: str) -> str:
    """``character`` in a pattern, escaped only where JavaScript and Python read it as syntax (``.``)."""
    return f"\\{character}" if character in ".^$*+?()[]{}|\\" else character


def _one_of(words: tuple[str, ...]) -> str:
    """A pattern of any one of ``words``, in any case, tried in their order."""
    return "(?:" + "|".join(_any_case(word) for word in words) + ")"


SHORT_REFERENCE_PATTERN: Final = (
    f"^{_SPACES}{_one_of(SHORT_PREFIXES)}?{_SPACES}([0-9]+)"
    f"(?:{_SPACES}{_one_of(SHORT_SEPARATORS)}{_SPACES}{_one_of(SHORT_SENTENCE_MARKS)}?{_SPACES}"
    f"([0-9]+[A-Za-z]*|[A-Za-z]+1))?{_SPACES}$"
)
"""A short reference, the anchors themselves among them, read alike by JavaScript and Python without flags; it
captures the paragraph's number and the sentence's (:func:`short_reference`). It reads numbers that no anchor has
too (``3.0``, ``0``, ``03``), so that a reference to nothing can say what there is instead."""
_SHORT_REFERENCE = re.compile(SHORT_REFERENCE_PATTERN)


def short_reference(typed: str) -> tuple[str, str] | None:
    """The paragraph and sentence numbers (``""`` for a paragraph) that a reader's short reference names, written
    as anchors write them; ``None`` when ``typed`` is no short reference. The numbers may name nothing::

        >>> short_reference("3"), short_reference("p3"), short_reference("§ 3"), short_reference("para_03")
        (('3', ''), ('3', ''), ('3', ''), ('3', ''))
        >>> short_reference("3.1"), short_reference("3-1"), short_reference("P3/c1"), short_reference("3:cmt_01")
        (('3', '1'), ('3', '1'), ('3', '1'), ('3', '1'))
        >>> short_reference("3.a1"), short_reference("3.1a"), short_reference("para_3__cmt_A1")
        (('3', 'A1'), ('3', '1A'), ('3', 'A1'))
        >>> short_reference("3.0"), short_reference("00")
        (('3', '0'), ('0', ''))
        >>> short_reference("3.1.1"), short_reference("٣"), short_reference("title"), short_reference("3.a")
        (None, None, None, None)
    """
    match = _SHORT_REFERENCE.fullmatch(typed)
    if match is None:
        return None
    return _without_leading_zeros(match[1]), _without_leading_zeros(match[2] or "").upper()


LEADING_ZEROS: Final = "^0+(?=[0-9])"
"""The zeros before a number's first other digit, which a short reference may hold and an anchor does not."""


def _without_leading_zeros(digits: str) -> str:
    """``03`` as ``3``, ``00`` as ``0``, ``01a`` as ``1a``: the zeros before a digit taken off."""
    return re.sub(LEADING_ZEROS, "", digits)


def for_scripts() -> dict[str, str]:
    """The rule, as the site's scripts take it (the render writes it in ``urls.SCRIPT_RULES``).

    How an anchor is made, the patterns of a paragraph's and a sentence's anchor, and how a short reference
    is read: its pattern, and the zeros its numbers lose (the sentence's number is then written in capitals); how a
    sentence's number is shown after its paragraph's (:func:`citation`).
    """
    return {
        "paragraphPrefix": PARAGRAPH_PREFIX,
        "sentenceSeparator": SENTENCE_SEPARATOR,
        "paragraph": PARAGRAPH_PATTERN,
        "sentence": SENTENCE_PATTERN,
        "shortReference": SHORT_REFERENCE_PATTERN,
        "leadingZeros": LEADING_ZEROS,
        "numberSeparator": NUMBER_SEPARATOR,
    }


def citation(paragraph_number: int, number: str | None) -> str:
    """How readers cite a paragraph, or one of its sentences, by number: ``3``, ``3.1``, ``4.A1``."""
    return str(paragraph_number) if number is None else f"{paragraph_number}{NUMBER_SEPARATOR}{number}"


def is_anchor(value: str) -> bool:
    """Whether ``value`` is the anchor of a paragraph or a sentence: ``para_3``, ``para_3__cmt_1A``."""
    return _ANCHOR.fullmatch(value) is not None


def parts(anchor: str) -> tuple[int, str | None]:
    """The paragraph number and sentence number (None for a paragraph) of a well-formed ``anchor``."""
    match = _ANCHOR.fullmatch(anchor)
    if match is None:
        raise ValueError(f"{anchor!r} is not an anchor of a paragraph or a sentence")
    return int(match[1]), match[2]


def reading_order(anchor: str) -> tuple[int, tuple[int, str]]:
    """The key that sorts anchors as a reader meets them: a paragraph, then its sentences by number."""
    paragraph_number, number = parts(anchor)
    return paragraph_number, (-1, "") if number is None else numbering.order(number)
