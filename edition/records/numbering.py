"""Sentence numbers: how a sentence keeps its number when others are inserted or removed.

A sentence's number is the last part of its anchor (``para_4__cmt_2``) and of the
short reference readers cite (``4.2``). Once published, it never changes and is never
given to other words. The rule is the one legislation uses for inserted sections:

* a sentence without a ``number`` in the statement file takes the number after the
  one before it: 1 for the first sentence, 3 after 2, 2 after 1A, 1 after A1;
* a sentence inserted after publication between 1 and 2 is numbered ``1A`` (then
  ``1B``; between 1A and 1B, ``1AA``); one inserted before 1 is ``A1`` (then ``B1``);
* a sentence added after the last one takes the next whole number;
* the number of a removed sentence is not used again: the sentence after it states
  its own number (``number: 3`` after 1).

So a number is a whole number, optionally followed by capital letters (``1A``), or
capital letters followed by 1 (``A1``). Numbers increase through a paragraph in this
order: A1 < B1 < 1 < 1A < 1AA < 1B < 2.

    >>> following("1A"), following("A1"), following(None)
    ('2', '1', '1')
    >>> inserted("1", "2", set())
    '1A'
    >>> inserted(None, "1", set())
    'A1'
    >>> inserted("3", None, {"1", "2", "3", "4"})
    '5'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from itertools import product
from string import ascii_uppercase

from edition.limits import MAX_DIGITS

PATTERN = re.compile(f"(?:[A-Z]+1|[1-9][0-9]{{0,{MAX_DIGITS - 1}}}[A-Z]*)")
"""Every valid sentence number: ``1``, ``12``, ``1A``, ``1AA``, ``A1``."""

_MAX_LETTERS = 3
"""Inserted numbers use at most this many letters (17,576 places between two numbers)."""


def is_number(value: str) -> bool:
    """Whether ``value`` is a valid sentence number."""
    return PATTERN.fullmatch(value) is not None


def order(number: str) -> tuple[int, str]:
    """The key that sorts numbers in reading order: A1 < B1 < 1 < 1A < 1AA < 1B < 2."""
    if number.endswith("1") and number[:-1].isalpha():
        return 0, number[:-1]
    digits = number.rstrip(ascii_uppercase)
    return int(digits), number[len(digits) :]


def following(previous: str | None) -> str:
    """The number of a sentence without one, after a sentence numbered ``previous`` (None: the first)."""
    return "1" if previous is None else str(order(previous)[0] + 1)


def numbers(stated: Iterable[str | None]) -> list[str]:
    """The numbers of a paragraph's sentences, from the ``number`` each states, if any.

    >>> numbers([None, "1A", None, "4", None])
    ['1', '1A', '2', '4', '5']
    """
    result: list[str] = []
    for number in stated:
        result.append(number if number is not None else following(result[-1] if result else None))
    return result


def appended(used: Collection[str]) -> str:
    """The number of a sentence added after the last: the next whole number above every number ``used``."""
    return str(max((order(number)[0] for number in used), default=0) + 1)


def inserted(before: str | None, after: str | None, used: Collection[str]) -> str | None:
    """The simplest unused number between ``before`` and ``after`` (None: no bound), or None if none fits.

    With no sentence after, it is :func:`appended`.
    """
    if after is None:
        return appended({*used, before or "1"})
    low = order(before) if before is not None else (0, "")
    high = order(after)
    for letters in _letters():
        number = f"{low[0]}{letters}" if low[0] else f"{letters}1"
        if low < order(number) < high and number not in used:
            return number
    return None


def _letters() -> Iterator[str]:
    """A, B, ..., Z, AA, AB, ...: shortest first."""
    for length in range(1, _MAX_LETTERS + 1):
        for letters in product(ascii_uppercase, repeat=length):
            yield "".join(letters)
