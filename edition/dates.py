"""Dates as the edition writes them: ``7 December 2001``, in English whatever the machine's locale."""

from __future__ import annotations

import datetime
from typing import Final

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
    if len(iso) == len("YYYY-MM"):
        year, month = iso.split("-")
        return f"{MONTHS[int(month) - 1]} {int(year)}"
    return long_date(datetime.date.fromisoformat(iso))
