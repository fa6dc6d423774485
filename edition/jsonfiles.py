"""JSON as the edition publishes and records it: indented by two spaces, UTF-8 characters as they are.

JSON put inside a page's ``<script>`` is compact and escapes what could end the script (:func:`script_json`).

The files are written with orjson, which gives the same bytes as the standard
library's ``json.dumps(data, indent=2, ensure_ascii=False)`` many times faster
(with thousands of statements, their JSON was a large part of a render).
:func:`compose` reads such a file back as the nodes that the shapes of a file format
read, each with its place: an anchor record is checked as a statement file is.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import yaml


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


def compose(text: str) -> yaml.Node:
    """The JSON ``text`` as the node tree that the shapes of a file format read (:mod:`edition.statements.shapes`).

    The values are those the standard library reads: strict JSON, and of a key given
    twice, the last value. A node's place (its ``start_mark``, a line and a column from
    0, as a YAML node has it) is found in the text only when a problem asks for it.
    Raises :class:`json.JSONDecodeError` for a text that is not JSON, and
    :class:`RecursionError` for one nested too deep to read.
    """
    return _node(json.loads(text), _Place((_Finder(text),)))


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS: Final = {str: _TAG + "str", bool: _TAG + "bool", int: _TAG + "int", float: _TAG + "float"}
"""The tag of a JSON string, ``true`` or ``false``, and number: the one YAML gives the same value."""


def _node(value: Any, mark: _Place) -> yaml.Node:
    """The node of the JSON ``value``, which stands at ``mark``."""
    node: yaml.Node
    if isinstance(value, dict):
        pairs = [(_key(key, mark), _node(item, _Place((mark, key)))) for key, item in value.items()]
        node = yaml.MappingNode(_TAG + "map", pairs)
    elif isinstance(value, list):
        node = yaml.SequenceNode(_TAG + "seq", [_node(item, _Place((mark, index))) for index, item in enumerate(value)])
    elif isinstance(value, str):
        node = yaml.ScalarNode(_TAG + "str", value)
    elif value is None:
        node = yaml.ScalarNode(_TAG + "null", "null")
    else:
        node = yaml.ScalarNode(_SCALAR_TAGS[type(value)], json.dumps(value))
    node.start_mark = mark
    return node


def _key(key: str, mapping: _Place) -> yaml.Node:
    """The node of ``key`` of the object at ``mapping``."""
    node = yaml.ScalarNode(_TAG + "str", key)
    node.start_mark = _Place((mapping, key, True))
    return node


class _Place(tuple[Any, ...]):
    """Where a value or a key of a JSON text starts: ``(finder,)`` for the top value; ``(parent, key)`` or
    ``(parent, index)`` for a value in an object or a list; ``(parent, key, True)`` for a key. Its ``line`` and
    ``column`` (from 0, as a YAML mark has them) are found when asked for, by the text's :class:`_Finder`."""

    __slots__ = ()

    @property
    def finder(self) -> _Finder:
        """What finds the places in the text."""
        finder: _Finder = self[0] if len(self) == 1 else self[0].finder
        return finder

    @property
    def offset(self) -> int:
        """Where the value (or key) starts in the text, from 0."""
        if len(self) == 1:
            return _skip(self.finder.text, 0)
        parent: _Place = self[0]
        return self.finder.child(parent.offset, self[1], of_key=len(self) == 3)

    @property
    def line(self) -> int:
        """The line, from 0."""
        return self.finder.text.count("\n", 0, self.offset)

    @property
    def column(self) -> int:
        """The column, from 0."""
        offset = self.offset
        return offset - (self.finder.text.rfind("\n", 0, offset) + 1)


class _Finder:
    """Where the values and keys of one JSON text start: each object or list is read again, once, when a place
    in it is first asked for (only a record with a problem is)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._children: dict[int, dict[str | int, tuple[int, int]]] = {}

    def child(self, index: int, step: str | int, *, of_key: bool) -> int:
        """Where the key ``step`` (or its value) of the object at ``index`` starts; or item ``step`` of the list."""
        children = self._children.get(index)
        if children is None:
            children = self._children[index] = self._read(index)
        key, value = children[step]
        return key if of_key else value

    def _read(self, index: int) -> dict[str | int, tuple[int, int]]:
        """The place of each key and its value in the object at ``index`` (the last, if a key is repeated); of each
        item in the list at ``index``."""
        text, decoder = self.text, json.JSONDecoder()
        children: dict[str | int, tuple[int, int]] = {}
        closing = "}" if text[index] == "{" else "]"
        index = _skip(text, index + 1)
        while text[index] != closing:
            step: str | int = len(children)
            key = index
            if closing == "}":
                step, index = decoder.raw_decode(text, index)
                index = _skip(text, _skip(text, index) + 1)  # past the colon
            children[step] = (key, index)
            index = _skip(text, decoder.raw_decode(text, index)[1])
            if text[index] == ",":
                index = _skip(text, index + 1)
        return children


_SPACE = re.compile(r"[ \t\n\r]*")
"""JSON's white space."""


def _skip(text: str, index: int) -> int:
    """``index`` moved past any white space."""
    match = _SPACE.match(text, index)
    return match.end() if match else index
