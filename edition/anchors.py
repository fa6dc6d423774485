"""The permanent anchors of a statement page (CONTRIBUTING.md, "URLs and anchors").

They follow the Akoma Ntoso naming convention for ``eId``: a single underscore
before a number, a double underscore between levels. ``cmt`` is this project's
name for a commitment::

    >>> paragraph(3)
    'para_3'
    >>> commitment(3, 1)
    'para_3__cmt_1'

The same string is the HTML ``id`` on the page and the ``eId`` in data exports.
A paragraph's number is its official number, from the statement file. A
commitment's number is its position in its paragraph: a sentence added at the end
takes the next number, but one inserted before others moves their words to other
numbers, which the record of published anchors (:mod:`edition.registry`) reports.
"""

from __future__ import annotations

from pathlib import Path

RECORDS = Path("statements") / "anchors"
"""Where the record of each statement's published anchors lives, relative to the project root
(:mod:`edition.registry`)."""


def paragraph(number: int) -> str:
    """The anchor of paragraph ``number``."""
    return f"para_{number}"


def commitment(paragraph_number: int, number: int) -> str:
    """The anchor of commitment ``number`` of paragraph ``paragraph_number``."""
    return f"{paragraph(paragraph_number)}__cmt_{number}"
