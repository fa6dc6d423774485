"""Shapes: the building blocks of the statement file format, and of the anchor record's.

A shape reads one YAML node and either returns a value or records a problem and
returns :data:`INVALID`. The same shapes also describe themselves as JSON Schema
and as a line of documentation, so the format is declared once
(:mod:`edition.statements.fileformat`) and validation, schema and documentation cannot drift.
An anchor record, JSON read into the same nodes (:func:`edition.jsonfiles.compose`), is
declared with them too (:mod:`edition.records.recordfile`), so both say a problem alike.
The rules of the values themselves are :mod:`edition.values` and :mod:`edition.dates`.

Messages say the rule and show the value, prefixed by where the node sits in the
statement ("paragraph 3, sentence 2: ...").
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

import yaml

from edition.dates import DAY_FORM, DAY_PATTERN, MONTH_FORM, MONTH_PATTERN, read_iso
from edition.limits import MAX_DIGITS, MAX_PROBLEMS_PER_FILE, MAX_TEXT_LENGTH
from edition.problems import Problem
from edition.records import numbering
from edition.statements.loading import at
from edition.values import shown_value, text_fault, url_fault
from edition.vocabulary import Term

INVALID: Final = object()
"""Returned by :meth:`Shape.read` when the node broke a rule (the problem is recorded)."""

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
JsonSchema = dict[str, Any]


@dataclass
class Reader:
    """Collects the problems found while reading one file."""

    path: Path
    """The file being read."""
    problems: list[Problem] = field(default_factory=list)
    """Every problem found so far, up to :data:`~edition.limits.MAX_PROBLEMS_PER_FILE`."""
    unlisted: int = 0
    """The problems found beyond those, counted but not described: a file with thousands of faults
    is read in seconds."""

    @property
    def full(self) -> bool:
        """Whether further problems are only counted: a message that takes work to make is not made."""
        return len(self.problems) >= MAX_PROBLEMS_PER_FILE

    def report(self, node: yaml.Node, where: str, message: str) -> object:
        """Record ``message`` at ``node``, prefixed by ``where``; returns :data:`INVALID`."""
        if self.full:
            self.unlisted += 1
        else:
            self.problems.append(at(self.path, node, f"{where}: {message}" if where else message))
        return INVALID

    def found(self) -> list[Problem]:
        """The problems found, with a mark that counts those not described (:func:`edition.problems.listed`)."""
        if not self.unlisted:
            return self.problems
        return [*self.problems, Problem(self.path, 1, 1, "", unlisted=self.unlisted)]


def within(where: str, part: str) -> str:
    """The place ``part`` inside ``where``: ``paragraph 3`` + ``sentence 2``."""
    return f"{where}, {part}" if where else part


def shown(node: yaml.Node) -> str:
    """How a value is shown in a message: ``'three'``, ``a list``, ``a mapping``."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node.tag == _TAG + "null":
        return "nothing"
    return shown_value(str(node.value))


def is_null(node: yaml.Node) -> bool:
    """Whether ``node`` is an empty value (``key:`` with nothing, ``~``, ``null``)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null"


def close_match(value: str, choices: list[str]) -> str | None:
    """The one of ``choices`` that ``value`` looks like a typo of, if any."""
    import difflib  # only a file with a mistake needs it

    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
    return close[0] if close else None


def hint(value: str, choices: list[str]) -> str:
    """``; did you mean 'x'?`` for a likely typo, else `` (one of: a, b, c)``."""
    match = close_match(value, choices)
    return f"; did you mean '{match}'?" if match else f" (one of: {', '.join(choices)})"


class Shape(ABC):
    """What one value of the format may be."""

    summary: str = ""
    """A few words for the format page, e.g. "text" or "date (YYYY-MM-DD)"."""

    @abstractmethod
    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        """The value of ``node``, or :data:`INVALID` after reporting why not.

        ``where`` locates the enclosing entry ("paragraph 3"); ``subject`` names
        the value itself in messages ("'number'").
        """

    @abstractmethod
    def json_schema(self) -> JsonSchema:
        """The JSON Schema of the value."""


class Text(Shape):
    """A single line of text: not empty, no surrounding spaces, no control characters."""

    summary = "text"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if node.tag != _STR or not isinstance(node, yaml.ScalarNode):
            return self._not_text(node, reader, where, subject)
        value = str(node.value)
        fault = text_fault(value)
        return reader.report(node, where, f"{subject} {fault}") if fault else value

    @staticmethod
    def _not_text(node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if is_null(node):
            return reader.report(node, where, f"{subject} is empty")
        if not isinstance(node, yaml.ScalarNode):
            return reader.report(node, where, f"{subject} must be text, got {shown(node)}")
        return reader.report(node, where, f"{subject} must be text, got {shown(node)}; put it in quotes")

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "maxLength": MAX_TEXT_LENGTH, "pattern": r"^\S(.*\S)?$"}


@dataclass
class Integer(Shape):
    """A whole number, at least 1."""

    summary = "positive integer"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "int" and re.fullmatch(r"[0-9]+", node.value):
            if len(node.value.lstrip("0")) > MAX_DIGITS:  # Python refuses to read an int of over 4,300 digits
                return reader.report(node, where, f"{subject} must have at most {MAX_DIGITS} digits, got {shown(node)}")
            number = int(node.value)
            if number >= 1:
                return number
        return reader.report(node, where, f"{subject} must be a positive integer, got {shown(node)}")

    def json_schema(self) -> JsonSchema:
        return {"type": "integer", "minimum": 1}


@dataclass
class SentenceNumber(Shape):
    """A sentence's number: a positive integer, or one given to an inserted sentence such as 1A or A1."""

    summary = "sentence number (1, 1A or A1)"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, _TAG + "int") and numbering.is_number(node.value):
            return node.value
        return reader.report(
            node,
            where,
            f"{subject} must be a positive integer, or one with capital letters after it (1A) "
            f"or capital letters and 1 (A1), got {shown(node)}",
        )

    def json_schema(self) -> JsonSchema:
        return {"type": ["integer", "string"], "pattern": f"^{numbering.PATTERN.pattern}$", "minimum": 1}


@dataclass
class Date(Shape):
    """A calendar date written ``YYYY-MM-DD``; with ``month_allowed``, also ``YYYY-MM``."""

    month_allowed: bool = False
    """Whether a month alone (``2002-05``) is precise enough."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"date ({DAY_FORM} or {MONTH_FORM})" if self.month_allowed else f"date ({DAY_FORM})"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        try:
            date = read_iso(node.value, self.month_allowed) if isinstance(node, yaml.ScalarNode) else None
        except ValueError as error:
            return reader.report(node, where, f"{subject} is not a real date: {shown(node)} ({error})")
        if date is None:
            written = f"{DAY_FORM} or {MONTH_FORM}" if self.month_allowed else DAY_FORM
            return reader.report(node, where, f"{subject} must be a date written {written}, got {shown(node)}")
        return date

    def json_schema(self) -> JsonSchema:
        if self.month_allowed:
            return {"type": "string", "pattern": f"^(?:{DAY_PATTERN}|{MONTH_PATTERN})$"}
        return {"type": "string", "format": "date", "pattern": f"^{DAY_PATTERN}$"}


class Url(Text):
    """An absolute ``http`` or ``https`` address."""

    summary = "URL (http or https)"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        value = super().read(node, reader, where, subject)
        if value is INVALID:
            return value
        fault = url_fault(value)
        if fault is not None:
            return reader.report(node, where, f"{subject} {fault}, got {shown(node)}")
        return value

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "format": "uri", "pattern": r"^https?://[^\s/]+\S*$"}


@dataclass
class Choice(Text):
    """A term of a controlled vocabulary."""

    vocabulary: tuple[Term, ...]
    """The allowed terms."""
    noun: str
    """What a term is called in messages, e.g. "sentence kind"."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"a {self.noun}"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        value = super().read(node, reader, where, subject)
        if value is INVALID:
            return value
        if value not in self._ids:
            ids = [term.id for term in self.vocabulary]
            suggestion = "" if reader.full else hint(value, ids)
            return reader.report(node, where, f"{subject} must be a {self.noun}, got {shown(node)}{suggestion}")
        return value

    @cached_property
    def _ids(self) -> frozenset[str]:
        return frozenset(term.id for term in self.vocabulary)

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "enum": [term.id for term in self.vocabulary]}


@dataclass
class ListOf(Shape):
    """A list whose items all have one shape."""

    item: Shape
    """The shape of each item."""
    item_name: str = ""
    """What an entry is called ("paragraph"); empty for lists of plain values."""
    min_items: int = 0
    """The fewest items allowed."""
    unique: bool = False
    """Whether an item may appear only once."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"list of {self.item.summary}" if not self.item_name else f"list of {self.item_name}s"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return reader.report(node, where, f"{subject} must be a list, got {shown(node)}")
        if len(node.value) < self.min_items:
            at_least = "one item" if self.min_items == 1 else f"{self.min_items} items"
            return reader.report(node, where, f"{subject} must list at least {at_least}, got {len(node.value)}")
        values: list[Any] = []
        first: dict[Any, int] = {}
        valid = True
        read, name, unique = self.item.read, self.item_name, self.unique
        for index, item in enumerate(node.value, start=1):
            if name:
                value = read(item, reader, within(where, f"{name} {index}"), "the entry")
            else:
                value = read(item, reader, where, f"{subject} item {index}")
            if value is INVALID:
                valid = False
            elif unique and value in first:
                line = first[value]
                reader.report(item, where, f"{subject} item {index} repeats {value!r} (first on line {line})")
                valid = False
            elif unique:
                first[value] = item.start_mark.line + 1
            values.append(value)
        return tuple(values) if valid else INVALID

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass(frozen=True)
class Published:
    """A field that the published data (``data.json``) hold."""

    doc: str = ""
    """What it holds, for readers of the data (the data's JSON Schema); empty for no description."""
    key: str = ""
    """Its key in the data; empty for the key of the file."""
    file_doc: bool = False
    """Whether the data describe it in the words of the file format (:attr:`Field.doc`)."""


@dataclass(frozen=True)
class LeftOut:
    """A field that the published data leave out."""

    reason: str
    """Why, in a sentence for the Data page."""


@dataclass(frozen=True)
class Field:
    """One key of a mapping, and what the published data do with it."""

    key: str
    """The key as written in the file."""
    shape: Shape
    """What its value may be."""
    doc: str
    """What it holds, for the format page and the JSON Schema."""
    required: bool = True
    """Whether the key must be present."""
    data: Published | LeftOut = Published()
    """Whether ``data.json`` holds it, under which key and with which description, or why not."""

    @property
    def data_key(self) -> str | None:
        """Its key in ``data.json``; ``None`` when the data leave it out."""
        if isinstance(self.data, LeftOut):
            return None
        return self.data.key or self.key

    @property
    def data_doc(self) -> str:
        """Its description in the data's JSON Schema; empty for none (and for a field left out)."""
        if isinstance(self.data, LeftOut):
            return ""
        return self.doc if self.data.file_doc else self.data.doc


@dataclass
class RecordShape(Shape):
    """A mapping with known keys; unknown keys are errors, so typos never pass."""

    name: str
    """The record's name on the format page, e.g. "Sentence"."""
    fields: tuple[Field, ...]
    """Its keys, in the order the format page lists them."""
    build: Callable[[Mapping[str, Any]], Any] | None = None
    """Makes the value from the read fields (absent optional keys are ``None``)."""
    doc: str = ""
    """What the record is, for the format page."""
    anchor: str = ""
    """The anchor of its section of the format page, where it is not its name in lower case."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"mapping ({self.name})"

    @property
    def page_anchor(self) -> str:
        """The anchor of its section of the format page."""
        return self.anchor or self.name.lower()

    @property
    def keys(self) -> list[str]:
        """The keys this record knows."""
        return [f.key for f in self.fields]

    _subjects_by_path: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """The names made by :meth:`_subjects`, each made once."""

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.keys)

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if is_null(node):
                return reader.report(node, where, f"{subject} is empty")
            return reader.report(
                node, where, f"{subject} must be a mapping of keys ({', '.join(self.keys)}), got {shown(node)}"
            )
        # A record that is the value of a key names its own keys after it: 'deadline.date'.
        path = subject.strip("'") + "." if subject.startswith("'") else ""
        given: dict[str, yaml.Node] = {}
        unknown: list[yaml.Node] = []
        known, scalar = self._known, yaml.ScalarNode
        for key, value in node.value:
            if isinstance(key, scalar):
                given[key.value] = value
                if key.value not in known:
                    unknown.append(key)
        for key in unknown:
            suggestion = "" if reader.full else hint(str(key.value), self.keys)
            reader.report(key, where, f"unknown key '{path}{key.value}'{suggestion}")
        # Beyond the problems listed, keys are counted, not compared: thousands would take minutes.
        misspelt = {close_match(str(key.value), self.keys) for key in unknown[:MAX_PROBLEMS_PER_FILE]}
        values: dict[str, Any] = {}
        valid = not unknown
        for (key, read, required), named in zip(self._readers, self._subjects(path), strict=True):
            child = given.get(key)
            if child is not None:
                value = values[key] = read(child, reader, where, named)
                if value is INVALID:
                    valid = False
            elif required and key not in misspelt:  # a typo is reported once, as the unknown key
                values[key] = reader.report(node, where, f"missing required key '{path}{key}'")
                valid = False
            else:
                values[key] = None
        if not valid:
            return INVALID
        return self.build(values) if self.build else values

    @cached_property
    def _readers(self) -> tuple[tuple[str, Callable[[yaml.Node, Reader, str, str], Any], bool], ...]:
        """Each field's key, the reading of its shape, and whether it is required."""
        return tuple((f.key, f.shape.read, f.required) for f in self.fields)

    def _subjects(self, path: str) -> tuple[str, ...]:
        """How messages name each field of the record, when the record's own keys start with ``path``."""
        subjects = self._subjects_by_path.get(path)
        if subjects is None:
            subjects = self._subjects_by_path[path] = tuple(f"'{path}{f.key}'" for f in self.fields)
        return subjects

    def json_schema(self) -> JsonSchema:
        schema: JsonSchema = {
            "type": "object",
            "additionalProperties": False,
            "properties": {f.key: {"description": f.doc, **f.shape.json_schema()} for f in self.fields},
        }
        required = [f.key for f in self.fields if f.required]
        if required:
            schema["required"] = required
        if self.doc:
            schema["description"] = self.doc
        return schema

    def records(self) -> list[RecordShape]:
        """This record and every record nested in it, each once, in reading order."""
        found: list[RecordShape] = [self]
        for f in self.fields:
            shape = f.shape.item if isinstance(f.shape, ListOf) else f.shape
            if isinstance(shape, RecordShape):
                found.extend(r for r in shape.records() if all(r is not seen for seen in found))
        return found


@dataclass
class Null(Shape):
    """Nothing: the JSON ``null`` (or an empty YAML value), where a value would be a mistake."""

    summary = "null"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        return None if is_null(node) else reader.report(node, where, f"{subject} must be null, got {shown(node)}")

    def json_schema(self) -> JsonSchema:
        return {"type": "null"}


@dataclass
class Nullable(Shape):
    """A value of ``shape``, or nothing (``null``)."""

    shape: Shape
    """The shape of the value when there is one."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"{self.shape.summary}, or null"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        return None if is_null(node) else self.shape.read(node, reader, where, subject)

    def json_schema(self) -> JsonSchema:
        return {"anyOf": [self.shape.json_schema(), {"type": "null"}]}


@dataclass
class Matching(Text):
    """A text written by a pattern: an anchor, a digest (:data:`edition.values.DIGEST_PATTERN`)."""

    pattern: str
    """The regular expression, ``^...$``, that JSON Schema, JavaScript and Python read alike."""
    noun: str
    """What such a text is called in messages, with its form: "an anchor (para_N or para_N__cmt_M)"."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return self.noun

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        value = super().read(node, reader, where, subject)
        if value is INVALID or self._compiled.fullmatch(value):
            return value
        return reader.report(node, where, f"{subject} must be {self.noun}, got {shown(node)}")

    @cached_property
    def _compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "pattern": self.pattern}


@dataclass
class MappingOf(Shape):
    """A mapping whose keys are of a few kinds, each written by a pattern and with values of one shape.

    An anchor record's ``anchors``: a paragraph's anchor maps to nothing, a sentence's to its words.
    The value of a key is named in messages by the key (``anchor para_3__cmt_1: ...``).
    """

    kinds: tuple[tuple[str, Shape], ...]
    """Each kind of key: its regular expression (``^...$``) and the shape of its values."""
    key_noun: str
    """What a key is called in messages, e.g. "anchor"."""
    key_rule: str
    """What a key must be, for messages, e.g. "an anchor (para_N or para_N__cmt_M)"."""
    value_noun: str
    """What a value is called, e.g. "entry"."""

    @property
    def summary(self) -> str:  # type: ignore[override]
        return f"mapping of each {self.key_noun} to its {self.value_noun}"

    def read(self, node: yaml.Node, reader: Reader, where: str, subject: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if is_null(node):
                return reader.report(node, where, f"{subject} is empty")
            return reader.report(node, where, f"{subject} must be a {self.summary}, got {shown(node)}")
        values: dict[str, Any] = {}
        valid = True
        for key, child in node.value:
            shape = self._shape_of(key)
            if shape is None:
                valid = False
                reader.report(key, where, f"{subject} has the key {shown(key)}, which is not {self.key_rule}")
                continue
            value = values[key.value] = shape.read(
                child, reader, within(where, f"{self.key_noun} {key.value}"), f"the {self.value_noun}"
            )
            valid = valid and value is not INVALID
        return values if valid else INVALID

    def _shape_of(self, key: yaml.Node) -> Shape | None:
        """The shape of the value of ``key``, if it is a key of one of the kinds."""
        if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
            return None
        return next((shape for pattern, shape in self._compiled if pattern.fullmatch(key.value)), None)

    @cached_property
    def _compiled(self) -> tuple[tuple[re.Pattern[str], Shape], ...]:
        return tuple((re.compile(pattern), shape) for pattern, shape in self.kinds)

    def json_schema(self) -> JsonSchema:
        return {
            "type": "object",
            "patternProperties": {pattern: shape.json_schema() for pattern, shape in self.kinds},
            "additionalProperties": False,
        }


def child(node: yaml.Node, *steps: str | int) -> yaml.Node:
    """The node reached from ``node`` by mapping keys and 0-based list indexes.

    Only called on paths that the shapes have already proven to exist (the rules across values
    find their nodes with it).
    """
    for step in steps:
        if isinstance(step, int):
            node = node.value[step]
            continue
        for key, value in node.value:
            if key.value == step:
                node = value
                break
    return node
