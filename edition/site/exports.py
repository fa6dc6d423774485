"""The statements as JSON: ``/statements/<id>/data.json`` and ``/statements/index.json``.

Both files are for scripts: every value is the statement file's, the words are
the official words character for character, and every paragraph and commitment
carries its permanent anchor and URL (CONTRIBUTING.md, "URLs and anchors").

* :func:`statement_data` - one statement, with the corrections and retired anchors
  of its :class:`~edition.records.registry.AnchorRecord`;
* :func:`corpus_index` - every statement, newest first, with the addresses of its data;
* :func:`data_schema` - the JSON Schema (draft 2020-12) of ``data.json``.

Each file names its format and version in ``format`` (:data:`DATA_FORMAT`,
:data:`INDEX_FORMAT`): the number goes up when a key is removed or changes
meaning, never when one is added. Commitment kinds and topics appear as the
permanent ids of :mod:`edition.vocabulary`; their labels and definitions are on
the format page (:data:`edition.urls.FORMAT`).

The output is deterministic: no timestamps, keys in reading order, so two builds
of the same statements give identical bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from edition import anchors, urls
from edition.jsonfiles import indented
from edition.records.registry import AnchorRecord
from edition.site.listings import Listing
from edition.statements.model import Deadline, Document, Paragraph, Sentence, Statement
from edition.vocabulary import KINDS, TOPICS

DATA_FORMAT = "statement-data/1"
"""The ``format`` of ``data.json``."""
INDEX_FORMAT = "statement-index/1"
"""The ``format`` of ``statements/index.json``."""

JsonObject = dict[str, Any]


def statement_data(statement: Statement, record: AnchorRecord, site_url: str) -> str:
    """The text of ``/statements/<id>/data.json``.

    ``site_url`` is the site's absolute address, ending in ``/``; ``record`` brings
    the statement's corrections (errata) and retired anchors.
    """
    page = urls.statement_url(site_url, statement.id)
    data: JsonObject = {
        "format": DATA_FORMAT,
        "id": statement.id,
        "url": page,
        "downloads": _downloads(statement.id, site_url),
        "vocabularies": {
            "kinds": urls.absolute(site_url, urls.FORMAT, "kinds"),
            "topics": urls.absolute(site_url, urls.FORMAT, "topics"),
        },
        "title": statement.title,
        "subtitle": statement.subtitle,
        "document_type": statement.document_type,
        "date": statement.date.isoformat(),
        "place": statement.place,
        "issuer": {"body": statement.issuer.body, "level": statement.issuer.level},
        "source": {
            "url": statement.source.url,
            "publisher": statement.source.publisher,
            "updated": _iso(statement.source.updated),
            "checked": _iso(statement.source.checked),
        },
        "documents": [_document(document) for document in statement.documents],
        "paragraphs": [_paragraph(paragraph, page) for paragraph in statement.paragraphs],
        "errata": [
            {
                "anchor": erratum.anchor,
                "date": erratum.date,
                "old_text": erratum.old_text,
                "new_text": erratum.new_text,
                "reason": erratum.reason,
            }
            for erratum in record.errata
        ],
        "retired": [
            {
                "anchor": retirement.anchor,
                "successor": retirement.successor,
                "date": retirement.date,
                "reason": retirement.reason,
            }
            for retirement in record.retired
        ],
    }
    return indented(data)


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
                "downloads": _downloads(listed.id, site_url),
                "paragraph_count": listed.paragraph_count,
                "commitment_count": listed.sentence_count,
            }
            for listed in ordered
        ],
    }
    return indented(data)


def _downloads(statement_id: str, site_url: str) -> JsonObject:
    return {
        "json": urls.file_url(site_url, statement_id, urls.DATA_JSON),
        "akoma_ntoso": urls.file_url(site_url, statement_id, urls.DATA_AKN),
    }


def _document(document: Document) -> JsonObject:
    return {
        "id": document.id,
        "title": document.title,
        "short_title": document.short_title,
        "date": document.date.isoformat(),
        "url": document.url,
        "mentions": list(document.mentions),
    }


def _paragraph(paragraph: Paragraph, page: str) -> JsonObject:
    return {
        "number": paragraph.number,
        "anchor": paragraph.anchor,
        "url": urls.at(page, paragraph.anchor),
        "editorial_heading": paragraph.heading,
        "text": paragraph.text,
        "commitments": [_sentence(sentence, page) for sentence in paragraph.sentences],
    }


def _sentence(sentence: Sentence, page: str) -> JsonObject:
    return {
        "number": sentence.position,
        "anchor": sentence.anchor,
        "url": urls.at(page, sentence.anchor),
        "citation": sentence.citation_number,
        "text": sentence.text,
        "kind": sentence.kind,
        "topics": list(sentence.topics),
        "references": list(sentence.references),
        "deadline": _deadline(sentence.deadline),
    }


def _deadline(deadline: Deadline | None) -> JsonObject | None:
    if deadline is None:
        return None
    return {
        "date": deadline.date,
        "event": deadline.event,
        "followed_by": [
            {"date": f.date.isoformat(), "title": f.title, "url": f.url, "summary": f.summary}
            for f in deadline.followed_by
        ],
    }


def _iso(date: datetime.date | None) -> str | None:
    return None if date is None else date.isoformat()


# The schema of data.json. Keys are listed in the order data.json writes them.


def data_schema() -> str:
    """The JSON Schema (draft 2020-12) of ``data.json``, as the published file holds it."""
    schema: JsonObject = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Statement data",
        "description": (
            "One official statement with its permanent anchors: /statements/<id>/data.json. "
            "Texts are the official words, character for character; headings, kinds, topics, "
            "references and deadlines are editorial."
        ),
        **_object(
            {
                "format": {"const": DATA_FORMAT, "description": "This format and its version."},
                "id": _string("The statement's permanent id."),
                "url": _url("The statement's page."),
                "downloads": _object(
                    {"json": _url("This file."), "akoma_ntoso": _url("The statement as Akoma Ntoso 3.0 XML.")}
                ),
                "vocabularies": _object(
                    {
                        "kinds": _url("Where the commitment kinds are defined."),
                        "topics": _url("Where the topics are defined."),
                    }
                ),
                "title": _string("The official title."),
                "subtitle": _nullable(_string("The descriptive line under the title.")),
                "document_type": _string("The publisher's name for the kind of document."),
                "date": _date("The date the statement was issued."),
                "place": _string("Where it was issued."),
                "issuer": _object(
                    {
                        "body": _string("The issuing body."),
                        "level": _nullable(_string("The level it met at, if the statement says so.")),
                    }
                ),
                "source": _object(
                    {
                        "url": _url("Where the official text is published."),
                        "publisher": _string("Who publishes it."),
                        "updated": _nullable(_date("The last update the source page gives.")),
                        "checked": _nullable(
                            _date("When this edition last compared its words with the published text.")
                        ),
                    }
                ),
                "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
                "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
                "errata": {"type": "array", "items": {"$ref": "#/$defs/erratum"}},
                "retired": {"type": "array", "items": {"$ref": "#/$defs/retirement"}},
            }
        ),
        "$defs": _definitions(),
    }
    return indented(schema)


def _definitions() -> JsonObject:
    paragraph_anchor = {"type": "string", "pattern": anchors.PARAGRAPH_PATTERN}
    sentence_anchor = {"type": "string", "pattern": anchors.SENTENCE_PATTERN}
    anchor = {"type": "string", "pattern": anchors.ANCHOR_PATTERN}
    return {
        "document": _object(
            {
                "id": _string("The name commitments use in `references`."),
                "title": _string("The document's full title."),
                "short_title": _nullable(_string("The name the statement uses for it.")),
                "date": _date("When it was signed or adopted."),
                "url": _url("Its authoritative source."),
                "mentions": {"type": "array", "items": {"type": "string"}},
            }
        ),
        "paragraph": _object(
            {
                "number": {"type": "integer", "minimum": 1},
                "anchor": {**paragraph_anchor, "description": "para_N: the fragment of the page and the eId in XML."},
                "url": _url("The paragraph on the statement's page."),
                "editorial_heading": _nullable(_string("A heading by the editors: not part of the official text.")),
                "text": _string("The paragraph as published: its commitments joined with single spaces."),
                "commitments": {"type": "array", "items": {"$ref": "#/$defs/commitment"}, "minItems": 1},
            }
        ),
        "commitment": _object(
            {
                "number": {"type": "integer", "minimum": 1, "description": "Its place in the paragraph: 1, 2, ..."},
                "anchor": {
                    **sentence_anchor,
                    "description": "para_N__cmt_M, M being its permanent number (1, or 1A for a sentence inserted "
                    "after publication): the fragment and the eId.",
                },
                "url": _url("The commitment on the statement's page."),
                "citation": {"type": "string", "pattern": anchors.SENTENCE_CITATION_PATTERN, "description": "N.M"},
                "text": _string("The official words of one sentence."),
                "kind": {"enum": [term.id for term in KINDS], "description": "What the sentence does."},
                "topics": {"type": "array", "items": {"enum": [term.id for term in TOPICS]}, "minItems": 1},
                "references": {"type": "array", "items": {"type": "string"}, "description": "Ids of `documents`."},
                "deadline": _nullable({"$ref": "#/$defs/deadline"}),
            }
        ),
        "deadline": _object(
            {
                "date": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
                    "description": "The latest date, as precise as the text: YYYY-MM or YYYY-MM-DD.",
                },
                "event": _nullable(_string("The occasion the text ties it to.")),
                "followed_by": {"type": "array", "items": {"$ref": "#/$defs/follow_up"}},
            }
        ),
        "follow_up": _object(
            {
                "date": _date("When it happened."),
                "title": _string("What it was."),
                "url": _url("The authoritative source that records it."),
                "summary": _nullable(_string("What it shows about the commitment.")),
            }
        ),
        "erratum": _object(
            {
                "anchor": {**sentence_anchor, "description": "The corrected commitment."},
                "date": _date("When the correction was made."),
                "old_text": _string("The words as first published."),
                "new_text": _string("The corrected words."),
                "reason": _string("Why."),
            }
        ),
        "retirement": _object(
            {
                "anchor": {**anchor, "description": "The retired anchor: it still leads to its successor."},
                "successor": _nullable({**anchor, "description": "Where it leads; null for the top of the page."}),
                "date": _date("When it was retired."),
                "reason": _string("Why."),
            }
        ),
    }


def _object(properties: JsonObject) -> JsonObject:
    """A closed object whose every key is present, as data.json always writes them all."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _string(description: str) -> JsonObject:
    return {"type": "string", "description": description}


def _url(description: str) -> JsonObject:
    return {"type": "string", "format": "uri", "description": description}


def _date(description: str) -> JsonObject:
    return {"type": "string", "format": "date", "description": description}


def _nullable(schema: JsonObject) -> JsonObject:
    """``schema`` or ``null``; the description stays on the property."""
    described = {"description": schema["description"]} if "description" in schema else {}
    rest = {key: value for key, value in schema.items() if key != "description"}
    return {**described, "anyOf": [rest, {"type": "null"}]}
