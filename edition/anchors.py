"""The permanent anchors of a statement page (``../shared/CONTRACT.md``, section 4).

They follow the Akoma Ntoso naming convention for ``eId``: a single underscore
before a number, a double underscore between levels. ``cmt`` is this project's
name for a commitment::

    >>> paragraph(3)
    'para_3'
    >>> commitment(3, 1)
    'para_3__cmt_1'

The same string is the HTML ``id`` on the page and the ``eId`` in data exports.
Numbers come from the statement file, never from positions on the page, so adding
a paragraph or a commitment never renumbers its neighbours.
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
