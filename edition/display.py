"""How values look on the pages: dates, vocabulary labels, commitment text with its mentions.

Everything here returns HTML for raw HTML blocks; text from statement files is
escaped by :func:`edition.markup.html_text`.
"""

from __future__ import annotations

import datetime
from typing import Final

from edition import vocabulary
from edition.markup import html_text
from edition.model import Commitment, Deadline, Statement

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


def time_html(date: datetime.date) -> str:
    """A ``<time>`` element showing ``date`` in words."""
    return f'<time datetime="{date.isoformat()}">{long_date(date)}</time>'


def kind_label(kind: str) -> str:
    """The label of a commitment kind."""
    return vocabulary.term(vocabulary.KINDS, kind).label


def topic_label(topic: str) -> str:
    """The label of a topic."""
    return vocabulary.term(vocabulary.TOPICS, topic).label


def commitment_html(statement: Statement, commitment: Commitment) -> str:
    """The commitment's words, escaped, with each mention of a referred document linking to its source."""
    return "".join(
        f'<a class="stmt-mention" href="{html_text(document.url)}">{html_text(piece)}</a>'
        if document
        else html_text(piece)
        for piece, document in statement.segments(commitment)
    )


def deadline_html(deadline: Deadline) -> str:
    """``deadline May 2002: the meeting ...; followed by 14 May 2002 (link), ...``."""
    event = f": {html_text(deadline.event)}" if deadline.event else ""
    shown = f"deadline {partial_date(deadline.date)}{event}"
    if deadline.followed_by:
        links = ", ".join(
            f'<a href="{html_text(f.url)}" title="{html_text(f.title)}">{long_date(f.date)}</a>'
            for f in deadline.followed_by
        )
        shown += f"; followed by {links}"
    return shown
