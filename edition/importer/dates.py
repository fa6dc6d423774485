"""Dates as official pages print them: "7 Dec. 2001", "7 December 2001", "07-Dec-2001", "December 7, 2001".

Used by the importer to read a page's header, and to find deadlines ("in May 2002")
in the words of a statement.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from edition.dates import MONTHS  # the months as the pages write them, and official pages print them

_MONTH_NUMBER: Final = {name.lower()[:3]: index for index, name in enumerate(MONTHS, start=1)}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_SHORT_MONTH = _MONTH + r"\.?"
_DAY_FIRST = re.compile(
    rf"\b(?P<day>[0-9]{{1,2}})[ -](?P<month>{_SHORT_MONTH})[ -](?P<year>[0-9]{{4}})\b", re.IGNORECASE
)
_MONTH_FIRST = re.compile(rf"\b(?P<month>{_SHORT_MONTH}) (?P<day>[0-9]{{1,2}}), (?P<year>[0-9]{{4}})\b")
_ISO = re.compile(r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH}) (?P<year>[0-9]{{4}})\b")


@dataclass(frozen=True)
class Found:
    """A date found in a text."""

    value: str
    """The date written ``YYYY-MM-DD``, or ``YYYY-MM`` when the text names only a month."""
    start: int
    """Where its words begin in the text."""
    end: int
    """Where its words end in the text."""


def day(text: str) -> datetime.date | None:
    """The date that ``text`` is, whole ("7 Dec. 2001"), or ``None``."""
    found = [f for f in days(text.strip()) if f.start == 0 and f.end == len(text.strip())]
    return datetime.date.fromisoformat(found[0].value) if found else None


def starting_day(text: str) -> tuple[datetime.date, str] | None:
    """The date that ``text`` starts with, and what follows it: "07-Dec-2001 NATO Press Statement"."""
    for found in days(text):
        if found.start == 0:
            return datetime.date.fromisoformat(found.value), text[found.end :].strip()
    return None


def days(text: str) -> Iterator[Found]:
    """Every full date in ``text`` (day, month and year), in reading order."""
    matches = [m for pattern in (_DAY_FIRST, _MONTH_FIRST, _ISO) for m in pattern.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        value = _iso(match)
        if value is not None:
            yield Found(value, match.start(), match.end())


def months(text: str) -> Iterator[Found]:
    """Every month of a year named without a day ("May 2002"), in reading order."""
    covered = [(f.start, f.end) for f in days(text)]
    for match in _MONTH_YEAR.finditer(text):
        if not any(start <= match.start() < end for start, end in covered):
            number = _MONTH_NUMBER[match["month"].lower()[:3]]
            yield Found(f"{match['year']}-{number:02d}", match.start(), match.end())


def _iso(match: re.Match[str]) -> str | None:
    month = match["month"]
    number = int(month) if month.isdigit() else _MONTH_NUMBER[month.lower()[:3]]
    try:
        return datetime.date(int(match["year"]), number, int(match["day"])).isoformat()
    except ValueError:  # 31 June: not a date, so not one of the page's dates
        return None
