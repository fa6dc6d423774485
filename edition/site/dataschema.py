"""What ``data.json`` holds, declared once, and its JSON Schema (draft 2020-12).

The statement's own values are the fields of the file format
(:data:`edition.statements.fileformat.STATEMENT`): each
:class:`~edition.statements.shapes.Field` says whether the data hold it, under which key and
with which description, or why they leave it out. What the edition adds (the format, the
anchors, the addresses, the citations, the record's corrections and retired anchors) is
declared here, each value once, with its JSON Schema and where it comes from:
:data:`STATEMENT_DATA` and the objects it holds (:func:`layout_of`).

:mod:`edition.site.exports` writes ``data.json`` from this declaration and
:func:`data_schema` its schema, so the two cannot drift apart. ``format`` names the
version (:data:`DATA_FORMAT`): it goes up when a key is removed or changes meaning, never
when one is added; :data:`DATA_CHANGES` lists the keys added since.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final

from edition import anchors, urls
from edition.jsonfiles import indented
from edition.records.recordfile import AnchorRecord
from edition.statements import fileformat
from edition.statements.model import Paragraph, Sentence
from edition.statements.shapes import Choice, Date, Field, Integer, ListOf, RecordShape, Shape, Text, Url

DATA_FORMAT: Final = "statement-data/1"
"""The ``format`` of ``data.json``."""
DATA_CHANGES: Final = (
    "Each sentence has `position`, its place in its paragraph: 1, 2, ... Its `number` is the same "
    "place, kept as it was; the sentence's permanent number (`1`, `1A`, `A1`) is in its `anchor` "
    "and `citation`.",
    "`source` has `checked`, the date the edition last compared its words with the published text.",
)
"""The keys added to ``data.json`` within :data:`DATA_FORMAT`, newest first, in Markdown."""

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class Context:
    """What the values of one ``data.json`` are made from, besides the statement."""

    site_url: str
    """The site's absolute address, ending in ``/``."""
    page: str
    """The statement's page."""
    record: AnchorRecord
    """The statement's published anchors, with its corrections and retired anchors."""


@dataclass(frozen=True, eq=False)
class Added:
    """A value of ``data.json`` that the statement file does not hold: the edition adds it."""

    key: str
    """Its key."""
    schema: JsonObject
    """Its JSON Schema, with its description."""
    value: Callable[[Any, Context], Any] | None = None
    """It, from the object the data describe (a statement, paragraph, sentence...); ``None`` for the
    object's attribute named as the key."""


@dataclass(frozen=True, eq=False)
class AddedList:
    """A list of objects that the statement file does not hold: the edition adds it."""

    key: str
    """Its key."""
    record: DataRecord
    """What each item is."""
    items: Callable[[Any, Context], Iterable[Any]]
    """The items, from the object the data describe."""


@dataclass(frozen=True, eq=False)
class DataRecord:
    """An object of ``data.json``: its keys, in the order the file writes them."""

    name: str
    """Its name in the schema's ``$defs``."""
    entries: tuple[str | Added | AddedList, ...]
    """Each key: the key in the statement file of a field of :attr:`shape` that the data hold
    (:attr:`~edition.statements.shapes.Field.data_key`), or a value the edition adds."""
    shape: RecordShape | None = None
    """The record of the file format whose fields it holds; ``None`` for an object the edition adds."""
    attributes: Mapping[str, str] = field(default_factory=dict)
    """The attribute of the model that holds a field, where it is not named as the field's key."""

    def __post_init__(self) -> None:
        listed = [entry for entry in self.entries if isinstance(entry, str)]
        published = [f.key for f in self.shape.fields if f.data_key is not None] if self.shape else []
        if sorted(listed) != sorted(published):
            raise ValueError(f"the data's {self.name} lists the fields {listed}, the format publishes {published}")
        keys = [key_of(part) for part in self.parts]
        if len(set(keys)) < len(keys):
            raise ValueError(f"the data's {self.name} has a key twice: {keys}")

    @cached_property
    def parts(self) -> tuple[Field | Added | AddedList, ...]:
        """Its entries in order, each field of the file as its declaration."""
        fields = {f.key: f for f in self.shape.fields} if self.shape else {}
        return tuple(fields[entry] if isinstance(entry, str) else entry for entry in self.entries)


def key_of(part: Field | Added | AddedList) -> str:
    """The key of ``part`` in ``data.json``."""
    if isinstance(part, Field):
        assert part.data_key is not None  # a record lists only the fields the data hold
        return part.data_key
    return part.key


def attribute(name: str) -> Callable[[Any, Context], Any]:
    """A value that is the attribute ``name`` of the object described, as it is."""
    return lambda item, context: getattr(item, name)


def _on_page(item: Paragraph | Sentence, context: Context) -> str:
    """The address of a paragraph or sentence on the statement's page."""
    return urls.at(context.page, item.anchor)


def string(description: str) -> JsonObject:
    """The schema of a text."""
    return {"type": "string", "description": description}


def url(description: str) -> JsonObject:
    """The schema of an absolute address."""
    return {"type": "string", "format": "uri", "description": description}


def date(description: str) -> JsonObject:
    """The schema of a date, ``YYYY-MM-DD``."""
    return {"type": "string", "format": "date", "description": description}


def nullable(schema: JsonObject) -> JsonObject:
    """``schema`` or ``null``; the description stays on the property."""
    described = {"description": schema["description"]} if "description" in schema else {}
    rest = {key: value for key, value in schema.items() if key != "description"}
    return {**described, "anyOf": [rest, {"type": "null"}]}


def closed_object(properties: JsonObject) -> JsonObject:
    """A closed object whose every key is present, as data.json always writes them all."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def downloads(statement_id: str, site_url: str) -> JsonObject:
    """The addresses of a statement's data files, as ``data.json`` and ``index.json`` give them."""
    return {
        "json": urls.file_url(site_url, statement_id, urls.DATA_JSON),
        "akoma_ntoso": urls.file_url(site_url, statement_id, urls.DATA_AKN),
    }


_PARAGRAPH_ANCHOR = {"type": "string", "pattern": anchors.PARAGRAPH_PATTERN}
_SENTENCE_ANCHOR = {"type": "string", "pattern": anchors.SENTENCE_PATTERN}
_ANCHOR = {"type": "string", "pattern": anchors.ANCHOR_PATTERN}


SENTENCE_DATA = DataRecord(
    urls.DATA_SENTENCE_DEFINITION,
    (
        Added(
            "number",
            {
                "type": "integer",
                "minimum": 1,
                "description": "Its place in the paragraph, as `position` gives it; its permanent number is in "
                "`anchor` and `citation`.",
            },
            attribute("position"),
        ),
        Added("position", {"type": "integer", "minimum": 1, "description": "Its place in the paragraph: 1, 2, ..."}),
        Added(
            "anchor",
            {
                **_SENTENCE_ANCHOR,
                "description": f"{anchors.SENTENCE_FORM}, M being its permanent number (1, or 1A for a sentence "
                "inserted after publication): the fragment and the eId.",
            },
        ),
        Added("url", url("The sentence on the statement's page."), _on_page),
        Added(
            "citation",
            {"type": "string", "pattern": anchors.SENTENCE_CITATION_PATTERN, "description": "N.M"},
            attribute("citation_number"),
        ),
        "text",
        "kind",
        "topics",
        "references",
        "deadline",
    ),
    fileformat.SENTENCE,
)
"""A sentence in ``data.json`` (``commitment`` in the schema, its name there since the first version)."""

PARAGRAPH_DATA = DataRecord(
    "paragraph",
    (
        "number",
        Added(
            "anchor",
            {
                **_PARAGRAPH_ANCHOR,
                "description": f"{anchors.PARAGRAPH_FORM}: the fragment of the page and the eId in XML.",
            },
        ),
        Added("url", url("The paragraph on the statement's page."), _on_page),
        "heading",
        Added("text", string("The paragraph as published: its sentences joined with single spaces.")),
        "commitments",
    ),
    fileformat.PARAGRAPH,
    attributes={"commitments": "sentences"},
)
"""A paragraph in ``data.json``."""

ERRATUM_DATA = DataRecord(
    "erratum",
    (
        Added("anchor", {**_SENTENCE_ANCHOR, "description": "The corrected sentence."}),
        Added("date", date("When the correction was made.")),
        Added("old_text", string("The words as first published.")),
        Added("new_text", string("The corrected words.")),
        Added("reason", string("Why.")),
    ),
)
"""A correction of the record (:class:`~edition.records.recordfile.Erratum`)."""

RETIREMENT_DATA = DataRecord(
    "retirement",
    (
        Added("anchor", {**_ANCHOR, "description": "The retired anchor: it still leads to its successor."}),
        Added("successor", nullable({**_ANCHOR, "description": "Where it leads; null for the top of the page."})),
        Added("date", date("When it was retired.")),
        Added("reason", string("Why.")),
    ),
)
"""A retired anchor of the record (:class:`~edition.records.recordfile.Retirement`)."""


STATEMENT_DATA = DataRecord(
    "statement",
    (
        Added(
            "format", {"const": DATA_FORMAT, "description": "This format and its version."}, lambda s, c: DATA_FORMAT
        ),
        Added("id", string("The statement's permanent id.")),
        Added("url", url("The statement's page."), lambda statement, context: context.page),
        Added(
            "downloads",
            closed_object({"json": url("This file."), "akoma_ntoso": url("The statement as Akoma Ntoso 3.0 XML.")}),
            lambda statement, context: downloads(statement.id, context.site_url),
        ),
        Added(
            "vocabularies",
            closed_object(
                {
                    "kinds": url("Where the sentence kinds are defined."),
                    "topics": url("Where the topics are defined."),
                }
            ),
            lambda statement, context: {
                "kinds": urls.absolute(context.site_url, urls.FORMAT, "kinds"),
                "topics": urls.absolute(context.site_url, urls.FORMAT, "topics"),
            },
        ),
        "title",
        "subtitle",
        "document_type",
        "date",
        "place",
        "issuer",
        "source",
        "first_published",
        "documents",
        "paragraphs",
        AddedList("errata", ERRATUM_DATA, lambda statement, context: context.record.errata),
        AddedList("retired", RETIREMENT_DATA, lambda statement, context: context.record.retired),
    ),
    fileformat.STATEMENT,
)
"""The top of ``data.json``: a statement."""


def _layouts() -> dict[str, DataRecord]:
    """How ``data.json`` writes each record of the file format, by its name."""
    declared = {record.shape.name: record for record in (STATEMENT_DATA, PARAGRAPH_DATA, SENTENCE_DATA) if record.shape}
    return {
        shape.name: declared.get(shape.name)
        or DataRecord(
            re.sub(r"(?<!^)(?=[A-Z])", "_", shape.name).lower(),  # FollowUp: follow_up
            tuple(f.key for f in shape.fields if f.data_key is not None),
            shape,
        )
        for shape in fileformat.STATEMENT.records()
    }


_LAYOUTS: Final = _layouts()


def layout_of(shape: RecordShape) -> DataRecord:
    """How ``data.json`` writes a record of the file format: as declared here, else its fields in order."""
    return _LAYOUTS[shape.name]


def data_schema() -> str:
    """The JSON Schema of ``data.json``, as the published file holds it."""
    definitions: dict[str, JsonObject] = {}
    schema: JsonObject = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Statement data",
        "description": (
            "One official statement with its permanent anchors: /statements/<id>/data.json. "
            "Texts are the official words, character for character; headings, kinds, topics, "
            "references and deadlines are editorial."
        ),
        **_object(STATEMENT_DATA, definitions),
        "$defs": definitions,
    }
    return indented(schema)


def _object(record: DataRecord, definitions: dict[str, JsonObject]) -> JsonObject:
    """The schema of ``record`` written out, the records it holds added to ``definitions``."""
    return closed_object({key_of(part): _part(part, definitions) for part in record.parts})


def _part(part: Field | Added | AddedList, definitions: dict[str, JsonObject]) -> JsonObject:
    if isinstance(part, Added):
        return part.schema
    if isinstance(part, AddedList):
        return {"type": "array", "items": _reference(part.record, definitions)}
    return _field(part, definitions)


def _field(declared: Field, definitions: dict[str, JsonObject]) -> JsonObject:
    """The schema of a field of the file in the data: an optional one is ``null`` when absent, but a list is empty."""
    shape = declared.shape
    if isinstance(shape, ListOf):
        schema: JsonObject = {"type": "array", "items": _value(shape.item, definitions)}
        if shape.min_items:
            schema["minItems"] = shape.min_items
    elif isinstance(shape, RecordShape) and declared.required:
        schema = _object(layout_of(shape), definitions)
    else:
        schema = _value(shape, definitions)
    if declared.data_doc:
        schema = {**schema, "description": declared.data_doc}
    return schema if declared.required or isinstance(shape, ListOf) else nullable(schema)


def _value(shape: Shape, definitions: dict[str, JsonObject]) -> JsonObject:
    """The schema of one value of ``shape`` in the data, without its description."""
    if isinstance(shape, RecordShape):
        return _reference(layout_of(shape), definitions)
    if isinstance(shape, Choice):
        return {"enum": [term.id for term in shape.vocabulary]}
    if isinstance(shape, Url):
        return {"type": "string", "format": "uri"}
    if isinstance(shape, Text):
        return {"type": "string"}
    if isinstance(shape, Date):
        return shape.json_schema() if shape.month_allowed else {"type": "string", "format": "date"}
    if isinstance(shape, Integer):
        return shape.json_schema()
    raise TypeError(f"data.json has no rule for a value of {shape!r}")


def _reference(record: DataRecord, definitions: dict[str, JsonObject]) -> JsonObject:
    """A reference to ``record`` in ``$defs``, where it is added the first time, in the order they are met."""
    if record.name not in definitions:
        definitions[record.name] = {}  # its place, before the records it holds
        definitions[record.name] = _object(record, definitions)
    return {"$ref": f"#/$defs/{record.name}"}
