"""Dates as the edition reads them, ``2001-12-07`` or ``2001-12``, and writes them, ``7 December 2001``.

The words are English whatever the machine's locale. Statement files, anchor records
and ``build_site.py --date`` read dates with :func:`read_iso`.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

DAY_FORM: Final = "YYYY-MM-DD"
"""How a day is written in a file or on the command line."""
MONTH_FORM: Final = "YYYY-MM"
"""How a month is written where a month alone is precise enough."""
DAY_PATTERN: Final = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""A day written as :data:`DAY_FORM`, read alike by JSON Schema and Python (no ``^`` or ``$``)."""
MONTH_PATTERN: Final = "[0-9]{4}-[0-9]{2}"
"""A month written as :data:`MONTH_FORM`, read alike by JSON Schema and Python (no ``^`` or ``$``)."""
_DAY = re.compile(DAY_PATTERN)
_MONTH = re.compile(MONTH_PATTERN)


def read_iso(written: str, month_allowed: bool = False) -> datetime.date | str | None:
    """The day ``written`` as :data:`DAY_FORM`; with ``month_allowed``, also a month written as :data:`MONTH_FORM`,
    returned as written. ``None`` when it is written otherwise.

    Raises :class:`ValueError`, saying why, for a date so written that does not exist (``2001-02-30``).
    """
    if _DAY.fullmatch(written):
        year, month, day = written.split("-")
        return datetime.date(int(year), int(month), int(day))
    if month_allowed and _MONTH.fullmatch(written):
        year, month = written.split("-")
        datetime.date(int(year), int(month), 1)
        return written
    return None


MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months, in order, in English whatever the machine's locale (the importer reads dates with them too)."""


def long_date(date: datetime.date) -> str:
    """``7 December 2001``."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def partial_date(iso: str) -> str:
    """``2002-05`` as ``May 2002``; ``2002-05-14`` as ``14 May 2002``."""
    if len(iso) == len(MONTH_FORM):
        year, month = iso.split("-")
        return f"{MONTHS[int(month) - 1]} {int(year)}"
    return long_date(datetime.date.fromisoformat(iso))
