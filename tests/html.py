"""Reading built pages: small typed helpers over BeautifulSoup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag


def parse(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def one(parent: Tag, *args: Any, **kwargs: Any) -> Tag:
    """The first element under ``parent`` matching ``find(*args, **kwargs)``; fails if there is none."""
    found = parent.find(*args, **kwargs)
    assert isinstance(found, Tag), f"no element matches {args} {kwargs}"
    return found


def text(parent: Tag, *args: Any, **kwargs: Any) -> str:
    """The text of :func:`one`."""
    return one(parent, *args, **kwargs).get_text()


def attribute(element: Tag, name: str) -> str:
    """The value of a single-valued attribute of ``element``; fails if it is absent."""
    value = element.get(name)
    assert isinstance(value, str), f"<{element.name}> has no {name}"
    return value


def definitions(parent: Tag) -> dict[str, Tag]:
    """The ``<dt>`` terms under ``parent`` (without the colon that only text readers see), each with its ``<dd>``."""
    pairs = {}
    for term in parent.find_all("dt"):
        description = term.find_next_sibling("dd")
        assert isinstance(description, Tag)
        pairs[term.get_text().removesuffix(":")] = description
    return pairs


def heading_text(heading: Tag) -> str:
    """The text of a heading without its ``¶`` permalink."""
    return "".join(child.get_text() for child in heading.children if not (isinstance(child, Tag) and child.name == "a"))
