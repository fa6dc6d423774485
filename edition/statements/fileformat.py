"""The statement file format, declared once.

:data:`STATEMENT` is read by :mod:`edition.statements.validation`, turned into JSON Schema here
(:func:`schema_text`) and into the format page by :mod:`edition.site.formatdoc`. Each field also
says what the published data do with it (its ``data``: the key and description in ``data.json``,
or why the data leave it out), which :mod:`edition.site.dataschema` reads.
Rules that involve more than one value (paragraph numbering, references to the
statement's documents) live in :mod:`edition.statements.validation`.

The JSON Schema is for editors that speak the YAML language server protocol, which pick
it up from the first line of a statement file::

    # yaml-language-server: $schema=statement.schema.json

It gives completion and early warnings; ``build_site.py check`` remains the authority
(it also checks what JSON Schema cannot say: dates that exist, paragraph numbering,
references to the statement's own documents, control characters). The copy in
``statements/`` is kept current by a test; regenerate it with
``python -m edition.statements.fileformat``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition import anchors, folders, urls
from edition.jsonfiles import indented
from edition.statements import model
from edition.statements.shapes import (
    Choice,
    Date,
    Field,
    Integer,
    LeftOut,
    ListOf,
    Published,
    RecordShape,
    SentenceNumber,
    Text,
    Url,
)
from edition.vocabulary import KINDS, TOPICS

AS_IN_FILE = Published(file_doc=True)
"""A field the published data hold under its own key and describe as the file format does."""

ISSUER = RecordShape(
    "Issuer",
    (
        Field(
            "body",
            Text(),
            "The issuing body, e.g. NATO-Russia Permanent Joint Council.",
            data=Published("The issuing body."),
        ),
        Field(
            "level",
            Text(),
            "The level it met at, e.g. Foreign Ministers.",
            required=False,
            data=Published("The level it met at, if the statement says so."),
        ),
    ),
    build=lambda v: model.Issuer(**v),
    doc="Who issued the statement.",
)

SOURCE = RecordShape(
    "Source",
    (
        Field(
            "url",
            Url(),
            "The address where the official text is published.",
            data=Published("Where the official text is published."),
        ),
        Field("publisher", Text(), "Who publishes it, e.g. NATO.", data=Published("Who publishes it.")),
        Field(
            "updated",
            Date(),
            "The date the source page gives as its last update.",
            required=False,
            data=Published("The last update the source page gives."),
        ),
        Field(
            "checked",
            Date(),
            "The date the words of this file were last compared, character for character, with the published text.",
            required=False,
            data=Published("When this edition last compared its words with the published text."),
        ),
        Field(
            "taken",
            Date(),
            "The date the official text in `sources/<id>.txt` was copied from the published page.",
            required=False,
            data=Published(
                "When this edition copied the official text from the published page; the copy is published as "
                f"`{urls.OFFICIAL_TEXT.name}`, next to the statement's page."
            ),
        ),
    ),
    build=lambda v: model.Source(**v),
    doc="Where the official text was published: the text in the file is compared with it.",
)

DOCUMENT = RecordShape(
    "Document",
    (
        Field(
            "id",
            Text(),
            "A short permanent name that sentences use in `references`, e.g. founding-act.",
            data=Published("The name sentences use in `references`."),
        ),
        Field("title", Text(), "The document's full title.", data=AS_IN_FILE),
        Field("short_title", Text(), "The name the statement uses for it.", required=False, data=AS_IN_FILE),
        Field("date", Date(), "The date it was signed or adopted.", data=Published("When it was signed or adopted.")),
        Field("url", Url(), "Its authoritative source.", data=AS_IN_FILE),
        Field(
            "mentions",
            ListOf(Text(), unique=True),
            "How the statement's words name it, e.g. Founding Act. In the sentences that refer to the "
            "document, each occurrence links to its source.",
            required=False,
        ),
    ),
    build=lambda v: model.Document(**{**v, "mentions": v["mentions"] or ()}),
    doc="A document the statement refers to.",
)

FOLLOW_UP = RecordShape(
    "FollowUp",
    (
        Field("date", Date(), "When it happened.", data=AS_IN_FILE),
        Field(
            "title",
            Text(),
            "What it was, e.g. the title of the document that records it.",
            data=Published("What it was."),
        ),
        Field("url", Url(), "The authoritative source that records it.", data=AS_IN_FILE),
        Field(
            "summary",
            Text(),
            "What it shows about the sentence it answers, in a sentence.",
            required=False,
            data=Published("What it shows about the sentence it answers."),
        ),
    ),
    build=lambda v: model.FollowUp(**v),
    doc="Something that happened in answer to a sentence with a deadline.",
)

DEADLINE = RecordShape(
    "Deadline",
    (
        Field(
            "date",
            Date(month_allowed=True),
            "The latest date, as precise as the text sets it.",
            data=Published("The latest date, as precise as the text: YYYY-MM or YYYY-MM-DD."),
        ),
        Field(
            "event",
            Text(),
            "The occasion the text ties the deadline to.",
            required=False,
            data=Published("The occasion the text ties it to."),
        ),
        Field(
            "followed_by",
            ListOf(FOLLOW_UP, item_name="follow-up"),
            "What followed, oldest first.",
            required=False,
        ),
    ),
    build=lambda v: model.Deadline(**{**v, "followed_by": v["followed_by"] or ()}),
    doc="A time limit set by the text of a sentence.",
)

SENTENCE = RecordShape(
    "Sentence",
    (
        Field(
            "text", Text(), "The sentence, exactly as published.", data=Published("The official words of one sentence.")
        ),
        Field(
            "kind",
            Choice(KINDS, "sentence kind"),
            "What the sentence does (see Sentence kinds).",
            data=Published("What the sentence does."),
        ),
        Field(
            "topics",
            ListOf(Choice(TOPICS, "topic"), min_items=1, unique=True),
            "What it is about (see Topics), most important first.",
        ),
        Field(
            "references",
            ListOf(Text(), unique=True),
            "The ids of the statement's `documents` that the sentence refers to.",
            required=False,
            data=Published("Ids of `documents`."),
        ),
        Field("deadline", DEADLINE, "The time limit the sentence sets, if any.", required=False),
        Field(
            "number",
            SentenceNumber(),
            "Its number, when it is not the one after the sentence before's: for a sentence inserted "
            "after publication (1A, A1), or after a removed one. Without it: 1 for the first sentence, "
            "then the next whole number.",
            required=False,
            data=LeftOut(
                "The data write the permanent number in the sentence's `anchor` and `citation`; "
                "its `number` there is its place in the paragraph, as `position` is."
            ),
        ),
    ),
    doc=f"One sentence of a paragraph. Its anchor is `{anchors.SENTENCE_FORM}`, M being its number: 1, 2, ... "
    "in order, unless the sentence states another.",
    anchor=urls.FORMAT_SENTENCE,
)


PARAGRAPH = RecordShape(
    "Paragraph",
    (
        Field("number", Integer(), "The official paragraph number; unnumbered paragraphs are counted 1, 2, ..."),
        Field(
            "heading",
            Text(),
            "A short editorial heading, shown as editorial, never as official text.",
            required=False,
            data=Published("A heading by the editors: not part of the official text.", key="editorial_heading"),
        ),
        Field(
            "commitments",
            ListOf(SENTENCE, item_name="sentence", min_items=1),
            "The paragraph's sentences, in order. Joined with single spaces they give the paragraph as published.",
        ),
    ),
    doc=f"A paragraph of the official text. Its anchor is `{anchors.PARAGRAPH_FORM}`.",
)

STATEMENT = RecordShape(
    "Statement",
    (
        Field("title", Text(), "The official title.", data=AS_IN_FILE),
        Field("subtitle", Text(), "The descriptive line under the title.", required=False, data=AS_IN_FILE),
        Field(
            "document_type",
            Text(),
            "The publisher's name for the kind of document, e.g. NATO Press Statement.",
            data=Published("The publisher's name for the kind of document."),
        ),
        Field(
            "date",
            Date(),
            "The date the statement was issued; the file name starts with it.",
            data=Published("The date the statement was issued."),
        ),
        Field("place", Text(), "Where it was issued.", data=AS_IN_FILE),
        Field("issuer", ISSUER, "Who issued it."),
        Field("source", SOURCE, "Where the official text was published."),
        Field(
            "first_published",
            Date(),
            "The date this edition first published the statement; its page counts corrections from it.",
            required=False,
            data=Published("When this edition first published the statement; corrections count from it."),
        ),
        Field(
            "documents",
            ListOf(DOCUMENT, item_name="document"),
            "The documents the statement refers to.",
            required=False,
        ),
        Field("paragraphs", ListOf(PARAGRAPH, item_name="paragraph", min_items=1), "The official text."),
    ),
    doc="One official statement: the file `statements/<id>.yaml`, whose name is its permanent id.",
)
"""The top level of a statement file."""


SCHEMA_FILE = folders.STATEMENTS / "statement.schema.json"
"""Where the schema lives in the repository, relative to the project root."""


def statement_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a statement file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Statement file",
        **STATEMENT.json_schema(),
    }


def schema_text() -> str:
    """The schema as the file holds it: indented JSON with a final newline."""
    return indented(statement_schema())


def main(root: Path) -> None:
    """Write the schema to ``statements/statement.schema.json`` under ``root``."""
    (root / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
