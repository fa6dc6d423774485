"""JSON as the edition publishes and records it: indented by two spaces, UTF-8 characters as they are.

JSON put inside a page's ``<script>`` is compact and escapes what could end the script (:func:`script_json`).

The files are written with orjson, which gives the same bytes as the standard
library's ``json.dumps(data, indent=2, ensure_ascii=False)`` many times faster
(with thousands of statements, their JSON was a large part of a render).
:func:`position` finds where a value sits in such a file, for the problems of a record.
"""

from __future__ import annotations

import json
import re
from typing import Any


def script_json(data: Any) -> str:
    """``data`` as compact JSON that is safe inside an HTML ``<script>``: ``<``, ``>`` and ``&`` are ``\\u`` escapes.

    Every other character is written as it is.
    """
    import orjson

    text = orjson.dumps(data).decode("utf-8")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def indented(data: Any) -> str:
    """``data`` as indented JSON text, ending with a newline."""
    import orjson  # loaded when JSON is written, not by a render with nothing to do

    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


_SPACE = re.compile(r"[ \t\n\r]*")
"""JSON's white space."""


def position(text: str, steps: tuple[str | int, ...]) -> tuple[int, int]:
    """The line and column (from 1) in the JSON ``text`` of the value that ``steps`` lead to.

    ``steps`` are the keys of objects and the 0-based indexes of lists from the top;
    where one is not found, the position of the last value found. ``text`` must be
    valid JSON. Only a file found at fault is read again this way.
    """
    index = _skip(text, 0)
    for step in steps:
        found = _child(text, index, step)
        if found is None:
            break
        index = found
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _child(text: str, index: int, step: str | int) -> int | None:
    """Where the value of key (or index) ``step`` of the object (or list) at ``index`` starts; the last, if repeated."""
    opening, closing = ("{", "}") if isinstance(step, str) else ("[", "]")
    if text[index] != opening:
        return None
    decoder, found, count = json.JSONDecoder(), None, 0
    index = _skip(text, index + 1)
    while text[index] != closing:
        if isinstance(step, str):
            key, index = decoder.raw_decode(text, index)
            index = _skip(text, _skip(text, index) + 1)  # past the colon
            found = index if key == step else found
        elif count == step:
            return index
        count += 1
        index = _skip(text, decoder.raw_decode(text, index)[1])
        if text[index] == ",":
            index = _skip(text, index + 1)
    return found


def _skip(text: str, index: int) -> int:
    """``index`` moved past any white space."""
    match = _SPACE.match(text, index)
    return match.end() if match else index
