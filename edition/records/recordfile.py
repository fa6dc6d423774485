"""The anchor record's file, ``statements/anchors/<id>.json``: its format, declared once, read and written.

The record is JSON that the commands write (:mod:`edition.records.registry` says when).
It is declared with the shapes of the statement file format
(:mod:`edition.statements.shapes`) and read as a statement file is: every problem at
once, each at its place, in the same words. The rules across values (the record names
its own statement, each checksum is that of its words, errata and retirements name
recorded anchors) are checked here, once the shapes are met.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from edition import anchors, jsonfiles
from edition.digests import sha256
from edition.limits import MAX_RECORD_BYTES
from edition.problems import Problem
from edition.statements.loading import decode, read_input
from edition.statements.shapes import (
    INVALID,
    Date,
    Field,
    ListOf,
    MappingOf,
    Matching,
    Null,
    Nullable,
    Reader,
    RecordShape,
    Text,
    child,
)
from edition.values import DIGEST_NOUN, DIGEST_PATTERN, shown_value


@dataclass(frozen=True)
class Erratum:
    """A deliberate correction of a commitment's published words."""

    anchor: str
    """The corrected commitment."""
    date: str
    """When the correction was made, ``YYYY-MM-DD``."""
    old_text: str
    """The words as first published."""
    new_text: str
    """The corrected words."""
    reason: str
    """Why: for example, a transcription error against the official source."""


@dataclass(frozen=True)
class Retirement:
    """An anchor that no longer names a part of the text, and where it now leads."""

    anchor: str
    """The retired anchor."""
    successor: str | None
    """The anchor it leads to, or ``None`` for the top of the statement."""
    date: str
    """When it was retired, ``YYYY-MM-DD``."""
    reason: str
    """Why it was retired."""


@dataclass(frozen=True)
class AnchorRecord:
    """The published anchors of one statement."""

    statement_id: str
    """The statement's permanent id."""
    texts: dict[str, str | None]
    """Every published anchor, in reading order, with its commitment's text (``None`` for a paragraph)."""
    errata: tuple[Erratum, ...] = ()
    """Corrections, oldest first."""
    retired: tuple[Retirement, ...] = ()
    """Retired anchors, oldest first."""

    def retirement(self, anchor: str) -> Retirement | None:
        """The retirement of ``anchor``, if it was retired."""
        return next((r for r in self.retired if r.anchor == anchor), None)


ANCHOR = Matching(anchors.ANCHOR_PATTERN, f"an anchor ({anchors.PARAGRAPH_FORM} or {anchors.SENTENCE_FORM})")
"""A paragraph's or a sentence's anchor, as a record names it."""

PUBLISHED_WORDS = RecordShape(
    "Published words",
    (
        Field("sha256", Matching(DIGEST_PATTERN, DIGEST_NOUN), "The SHA-256 of the words, which must be theirs."),
        Field("text", Text(), "The words of the sentence as published, or as an erratum corrected them."),
    ),
    doc="What a sentence's anchor names.",
)

ERRATUM = RecordShape(
    "Erratum",
    (
        Field("anchor", ANCHOR, "The corrected sentence, a recorded anchor."),
        Field("date", Date(), "When the correction was made."),
        Field("old_text", Text(), "The words as first published."),
        Field("new_text", Text(), "The corrected words."),
        Field("reason", Text(), "Why, in a sentence shown to readers."),
    ),
    build=lambda v: Erratum(**{**v, "date": v["date"].isoformat()}),
    doc="A deliberate correction of a sentence's published words (``build_site.py erratum``).",
)

RETIREMENT = RecordShape(
    "Retirement",
    (
        Field("anchor", ANCHOR, "The retired anchor, a recorded one."),
        Field("successor", Nullable(ANCHOR), "The anchor it now leads to; null for the top of the statement."),
        Field("date", Date(), "When it was retired."),
        Field("reason", Text(), "Why, in a sentence shown to readers."),
    ),
    build=lambda v: Retirement(**{**v, "date": v["date"].isoformat()}),
    doc="An anchor that no longer names a part of the text (``build_site.py retire``).",
)

RECORD = RecordShape(
    "Anchor record",
    (
        Field("statement", Text(), "The statement's id, the file's name."),
        Field(
            "anchors",
            MappingOf(
                ((anchors.PARAGRAPH_PATTERN, Null()), (anchors.SENTENCE_PATTERN, PUBLISHED_WORDS)),
                "anchor",
                ANCHOR.noun,
                "entry",
            ),
            "Every anchor ever published, in reading order: a paragraph's maps to null, a sentence's to its words.",
        ),
        Field("errata", ListOf(ERRATUM, "erratum"), "The corrections, oldest first."),
        Field("retired", ListOf(RETIREMENT, "retirement"), "The retired anchors, oldest first."),
    ),
    doc="The anchors a statement has published, and how they keep their words.",
)
"""The anchor record's format: every key, and what its value may be."""


def load(path: Path) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record in ``path``; ``None`` without problems when there is none yet."""
    if not os.path.lexists(path):
        return None, []
    data = read_input(path, MAX_RECORD_BYTES, "an anchor record")
    return (None, [data]) if isinstance(data, Problem) else parse(path, data)


def parse(path: Path, data: bytes | None) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record that ``path`` holds as ``data``; ``None`` without problems when there is none (no ``data``).

    Every problem of the record is reported, each at its place; a file that is not JSON is one problem.
    """
    if data is None:
        return None, []
    text, problems = decode(path, data)
    if text is None:
        return None, [replace(problem, message=_unreadable("it is not UTF-8")) for problem in problems]
    with _collection_paused():
        try:
            root = jsonfiles.compose(text)
        except json.JSONDecodeError as error:
            return None, [Problem(path, error.lineno, error.colno, _unreadable(f"JSON syntax error: {error.msg}"))]
        except RecursionError:
            return None, [Problem(path, 1, 1, _unreadable("its values are nested thousands deep"))]
        reader = Reader(path)
        values = RECORD.read(root, reader, "", "the top level")
        if values is not INVALID:
            _check_across(reader, root, values)
        if reader.problems:
            return None, reader.found()
        return _record(path.stem, values), []


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No collection of reference cycles meanwhile: a record's nodes and values hold none, and collections
    while their millions of objects are made would take most of the time of reading a large record."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _unreadable(reason: str) -> str:
    return f"the anchor record cannot be read ({reason}); restore it from version control"


def _check_across(reader: Reader, root: yaml.Node, values: Mapping[str, Any]) -> None:
    """The rules across values: the record's own statement, checksums, and anchors that were recorded."""
    if values["statement"] != reader.path.stem:
        reader.report(
            child(root, "statement"),
            "",
            f"'statement' {shown_value(values['statement'])} does not match the file name, {reader.path.name}",
        )
    entries = child(root, "anchors")
    for anchor, words in values["anchors"].items():
        if words is not None and sha256(words["text"]) != words["sha256"]:
            reader.report(
                child(entries, anchor, "sha256"),
                f"anchor {anchor}",
                "'sha256' is not the SHA-256 of 'text'; restore the record from version control",
            )
    for key, noun in (("errata", "erratum"), ("retired", "retirement")):
        for index, item in enumerate(values[key]):
            if item.anchor not in values["anchors"]:
                reader.report(
                    child(root, key, index, "anchor"),
                    f"{noun} {index + 1}",
                    f"'anchor' must be a recorded anchor, got {shown_value(item.anchor)}",
                )


def _record(statement_id: str, values: Mapping[str, Any]) -> AnchorRecord:
    """The record of the values read, which met every rule."""
    return AnchorRecord(
        statement_id,
        {anchor: None if words is None else words["text"] for anchor, words in values["anchors"].items()},
        values["errata"],
        values["retired"],
    )


def text_of(record: AnchorRecord) -> str:
    """The record as its file holds it: indented JSON, anchors in reading order."""
    data: dict[str, Any] = {
        "statement": record.statement_id,
        "anchors": {
            anchor: None if text is None else {"sha256": sha256(text), "text": text}
            for anchor, text in record.texts.items()
        },
        "errata": [vars(erratum) for erratum in record.errata],
        "retired": [vars(retirement) for retirement in record.retired],
    }
    return jsonfiles.indented(data)
