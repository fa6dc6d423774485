"""The rules of a value that statement files, anchor records and the command line share: a text, an address, a digest.

Each ``*_fault`` function says why a value breaks its rule, in words that follow the
value's name (``'title'`` + ``must not be empty``), or returns ``None``. The shapes of
a file format (:mod:`edition.statements.shapes`) report them at the place of the value;
``build_site.py`` checks its arguments with them. How a date is written and read has
its own home, :mod:`edition.dates`; how a digest is computed, :mod:`edition.digests`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from edition.limits import MAX_TEXT_LENGTH


def shown_value(value: str) -> str:
    """A text value as shown in a message: quoted, cut after 60 characters."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters (Unicode category Cc) and the line and paragraph separators."""


def text_fault(value: str) -> str | None:
    """Why ``value`` cannot be a text (a title, a sentence, a reason), or ``None`` if it can.

    A text is one line, not empty, without surrounding spaces or control characters,
    of at most :data:`~edition.limits.MAX_TEXT_LENGTH` characters.
    """
    if len(value) > MAX_TEXT_LENGTH:
        return f"has {len(value):,} characters; a text has at most {MAX_TEXT_LENGTH:,}"
    if value.isprintable() and value[:1] not in ("", " ") and value[-1] != " ":
        # What almost every text is. A printable text has no control character, line or
        # paragraph separator, and no white space but the ASCII space (every other one is
        # unprintable), so only its ends need a look.
        return None
    return _fault(value)


def _fault(value: str) -> str | None:
    """:func:`text_fault` for a text within the length, every rule checked in turn."""
    if not value:
        return "must not be empty"
    unwanted = _CONTROL.search(value)
    if unwanted:
        character, index = unwanted.group(), unwanted.start() + 1
        if character in "\n\r\x85\u2028\u2029":
            return (
                f"must be one line, but has a line break at character {index}; "
                "wrap long text with plain lines or '>-', which YAML joins with spaces"
            )
        return f"contains the control character U+{ord(character):04X} at character {index}; use plain spaces"
    if value != value.strip():
        return f"must not begin or end with spaces, got {shown_value(value)}"
    return None


def is_text(value: str) -> bool:
    """Whether ``value`` is a text: the rule of :func:`text_fault`."""
    return text_fault(value) is None


def url_fault(value: str) -> str | None:
    """What keeps ``value`` from being an absolute ``http`` or ``https`` address, or ``None``.

    An address that the standard library cannot take apart (``http://[::1``) is not
    one; nor is one with a character that shows nothing (white space, an invisible
    character written as an escape), a port that is not a number from 0 to 65535, or
    a user name or password in it.
    """
    try:
        parts = urlsplit(value)
    except ValueError:
        return "must be an absolute http(s) URL"
    if parts.scheme not in ("http", "https") or not parts.hostname or not _visible(value):
        return "must be an absolute http(s) URL"
    try:
        parts.port  # reading the port checks it  # noqa: B018
    except ValueError:
        return "must have a port that is a number from 0 to 65535"
    if parts.username is not None or parts.password is not None:
        return "must not hold a user name or password"
    return None


def is_http_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http`` or ``https`` address: the rule of :func:`url_fault`."""
    return url_fault(value) is None


def _visible(value: str) -> bool:
    """Whether every character of ``value`` shows: no white space, no control, format or unassigned character."""
    return value.isprintable() and _SPACE.search(value) is None


_SPACE = re.compile(r"\s")
"""Any white space (what :meth:`str.isspace` calls white space)."""

DIGEST_PATTERN = "^[0-9a-f]{64}$"
"""A SHA-256 digest as the edition writes it (:func:`edition.digests.sha256`): 64 lower-case hexadecimal digits."""
DIGEST_NOUN = "a SHA-256 digest: 64 hexadecimal digits, 0-9 and a-f"
"""What messages call a text written by :data:`DIGEST_PATTERN`."""
