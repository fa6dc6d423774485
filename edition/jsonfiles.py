"""JSON as the edition publishes and records it: indented by two spaces, UTF-8 characters as they are.

The files are written with orjson, which gives the same bytes as the standard
library's ``json.dumps(data, indent=2, ensure_ascii=False)`` many times faster
(with thousands of statements, their JSON was a large part of a render).
"""

from __future__ import annotations

from typing import Any


def indented(data: Any) -> str:
    """``data`` as indented JSON text, ending with a newline."""
    import orjson  # loaded when JSON is written, not by a render with nothing to do

    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
