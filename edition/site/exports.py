"""The statements as JSON: ``/statements/<id>/data.json`` and ``/statements/index.json``.

Both files are for scripts: every value is the statement file's, the words are
the official words character for character, and every paragraph and commitment
carries its permanent anchor and URL (CONTRIBUTING.md, "URLs and anchors").

* :func:`statement_data` - one statement, with the corrections and retired anchors
  of its :class:`~edition.records.recordfile.AnchorRecord`, written as
  :mod:`edition.site.dataschema` declares it (which also gives its JSON Schema);
* :func:`corpus_index` - every statement, newest first, with the addresses of its data.

Each file names its format and version in ``format``
(:data:`~edition.site.dataschema.DATA_FORMAT`, :data:`INDEX_FORMAT`): the number goes up
when a key is removed or changes meaning, never when one is added. Sentence kinds
and topics appear as the permanent ids of :mod:`edition.vocabulary`; their labels and
definitions are on the format page (:data:`edition.urls.FORMAT`).

The output is deterministic: no timestamps, keys in reading order, so two builds
of the same statements give identical bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from edition import urls
from edition.jsonfiles import indented
from edition.records.recordfile import AnchorRecord
from edition.site.dataschema import (
    STATEMENT_DATA,
    Added,
    AddedList,
    Context,
    DataRecord,
    attribute,
    downloads,
    key_of,
    layout_of,
)
from edition.site.listings import Listing
from edition.statements.model import Statement
from edition.statements.shapes import Date, Field, ListOf, RecordShape, Shape

INDEX_FORMAT = "statement-index/1"
"""The ``format`` of ``statements/index.json``."""

JsonObject = dict[str, Any]
Writer = Callable[[Any, Context], Any]
"""Makes a value of the data from a value of the statement (or the statement itself)."""


def statement_data(statement: Statement, record: AnchorRecord, site_url: str) -> str:
    """The text of ``/statements/<id>/data.json``.

    ``site_url`` is the site's absolute address, ending in ``/``; ``record`` brings
    the statement's corrections (errata) and retired anchors.
    """
    context = Context(site_url, urls.statement_url(site_url, statement.id), record)
    return indented(_writer(STATEMENT_DATA)(statement, context))


def corpus_index(listings: Iterable[Listing], site_url: str) -> str:
    """The text of ``/statements/index.json``: every statement, newest date first, then by id."""
    ordered = sorted(listings, key=lambda listed: (-listed.date.toordinal(), listed.id))
    data: JsonObject = {
        "format": INDEX_FORMAT,
        "statements": [
            {
                "id": listed.id,
                "title": listed.title,
                "date": listed.date.isoformat(),
                "place": listed.place,
                "document_type": listed.document_type,
                "url": urls.statement_url(site_url, listed.id),
                "downloads": downloads(listed.id, site_url),
                "paragraph_count": listed.paragraph_count,
                "commitment_count": listed.sentence_count,
            }
            for listed in ordered
        ],
    }
    return indented(data)


_WRITERS: dict[str, Writer] = {}
"""The writer of each record of the data, by its name, each made once."""


def _writer(record: DataRecord) -> Writer:
    """Makes the object ``record`` describes, its keys in order, from the value it describes."""
    writer = _WRITERS.get(record.name)
    if writer is None:
        parts = tuple((key_of(part), _part(part, record)) for part in record.parts)

        def writer(item: Any, context: Context) -> JsonObject:
            return {key: write(item, context) for key, write in parts}

        _WRITERS[record.name] = writer
    return writer


def _part(part: Field | Added | AddedList, record: DataRecord) -> Writer:
    """Makes the value of ``part`` from the value ``record`` describes."""
    if isinstance(part, Added):
        return part.value or attribute(part.key)
    if isinstance(part, AddedList):
        items, write_item = part.items, _writer(part.record)
        return lambda item, context: [write_item(each, context) for each in items(item, context)]
    name = record.attributes.get(part.key, part.key)
    convert = _converter(part.shape)
    if convert is None:  # most values: read on every sentence, so with no call more than needed
        return attribute(name)
    return lambda item, context: convert(getattr(item, name), context)


def _converter(shape: Shape) -> Writer | None:
    """Makes the data's value from the statement's value of ``shape`` (``None`` stays ``None``);
    ``None`` where the value is the statement's as it is."""
    if isinstance(shape, RecordShape):
        write = _writer(layout_of(shape))
        return lambda value, context: None if value is None else write(value, context)
    if isinstance(shape, ListOf):
        convert = _converter(shape.item)
        if convert is None:
            return lambda values, context: list(values)
        return lambda values, context: [convert(value, context) for value in values]
    if isinstance(shape, Date):
        return lambda value, context: value.isoformat() if isinstance(value, datetime.date) else value
    return None
