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
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def read_iso(written: str, month_allowed: bool = False) -> datetime.date | str | None:
    """The day ``written`` as :data:`DAY_FORM`; with ``month_allowed``, also a month written as :data:`MONTH_FORM`,
    returned as written. ``None`` when it is written otherwise.

    Raises :class:`ValueError`, saying why, for a date so written that does not exist (``2001-02-30``).
    """
    day = _DAY.fullmatch(written)
    if day:
        return datetime.date(int(day[1]), int(day[2]), int(day[3]))
    month = _MONTH.fullmatch(written) if month_allowed else None
    if month:
        datetime.date(int(month[1]), int(month[2]), 1)
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
