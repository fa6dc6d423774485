"""The permanent anchors of a statement page (CONTRIBUTING.md, "URLs and anchors").

They follow the Akoma Ntoso naming convention for ``eId``: a single underscore
before a number, a double underscore between levels. ``cmt`` is this project's
name for a commitment::

    >>> paragraph(3)
    'para_3'
    >>> commitment(3, 1)
    'para_3__cmt_1'
    >>> parts('para_4__cmt_1A')
    (4, '1A')

The same string is the HTML ``id`` on the page and the ``eId`` in data exports.
A paragraph's number is its official number, from the statement file. A
commitment's number is its permanent number in its paragraph: 1, 2, ... in order,
except that a sentence inserted after publication takes a number such as 1A or A1,
so that no published anchor ever names other words (:mod:`edition.records.numbering`; the
record of published anchors, :mod:`edition.records.registry`, and :mod:`edition.records.permanence`
keep it so).
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.limits import MAX_DIGITS
from edition.records import numbering

RECORDS = Path("statements") / "anchors"
"""Where the record of each statement's published anchors lives, relative to the project root
(:mod:`edition.records.registry`)."""


PARAGRAPH_PREFIX = "para_"
"""How a paragraph's anchor starts, before its number."""
SENTENCE_SEPARATOR = "__cmt_"
"""What stands between a paragraph's anchor and the number of one of its sentences."""
_PARAGRAPH_NUMBER = f"[1-9][0-9]{{0,{MAX_DIGITS - 1}}}"


def paragraph(number: int) -> str:
    """The anchor of paragraph ``number``."""
    return f"{PARAGRAPH_PREFIX}{number}"


def sentence(paragraph_number: int, number: int | str) -> str:
    """The anchor of commitment ``number`` of paragraph ``paragraph_number``."""
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


def for_scripts() -> dict[str, str]:
    """The rule, as the site's scripts take it (the render writes it in ``urls.SCRIPT_RULES``): how an anchor
    is made, and the patterns of a paragraph's and a sentence's anchor."""
    return {
        "paragraphPrefix": PARAGRAPH_PREFIX,
        "sentenceSeparator": SENTENCE_SEPARATOR,
        "paragraph": PARAGRAPH_PATTERN,
        "sentence": SENTENCE_PATTERN,
    }


def citation(paragraph_number: int, number: str | None) -> str:
    """How readers cite a paragraph, or one of its sentences, by number: ``3``, ``3.1``, ``4.A1``."""
    return str(paragraph_number) if number is None else f"{paragraph_number}.{number}"


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
