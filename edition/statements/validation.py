"""From a statement file to a :class:`~edition.statements.model.Statement`, collecting every problem.

The shape of the file is checked by :data:`edition.statements.fileformat.STATEMENT`; the
rules here involve several values at once: the file name and the date,
paragraph numbering, and references to the statement's own documents.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from edition.dates import DAY_PATTERN
from edition.limits import MAX_ID_LENGTH
from edition.problems import Problem
from edition.records import numbering
from edition.statements import model, official
from edition.statements.fileformat import STATEMENT
from edition.statements.loading import load
from edition.statements.scalars import Written, written
from edition.statements.shapes import INVALID, Reader, child, within
from edition.values import shown_value

ID_PATTERN = re.compile(f"{DAY_PATTERN}(-[a-z0-9]+)+")
"""A statement id: its date, then lower-case words joined by hyphens."""


def read_statement(
    path: Path, data: bytes | None = None, official_text: bytes | None = None
) -> tuple[model.Statement | None, list[Problem]]:
    """The statement in ``path`` (whose bytes are ``data``, if given), or ``None`` and every problem found in it.

    With ``official_text``, the bytes of its official text, each paragraph must be the official one
    (:mod:`edition.statements.official`).
    """
    root, text, problems = load(path, data)
    if root is None:
        return None, problems
    reader = Reader(path, problems)
    values = STATEMENT.read(root, reader, "", "the top level")
    if not isinstance(root, yaml.MappingNode):
        return None, reader.found()
    _check_id(reader, root, values)
    if values is INVALID:
        return None, reader.found()
    _check_numbering(reader, root, values)
    _check_sentence_numbers(reader, root, values)
    _check_documents(reader, root, values)
    if reader.problems:
        return None, reader.found()
    statement = _statement(path, root, values, text)
    problems = [] if official_text is None else official.compare(statement, official_text)
    return (None, problems) if problems else (statement, [])


def _check_id(reader: Reader, root: yaml.MappingNode, values: Any) -> None:
    stem = reader.path.stem
    if not ID_PATTERN.fullmatch(stem):
        reader.problems.append(
            Problem(
                reader.path,
                1,
                1,
                f"the file name {stem!r} must be the statement's date and lower-case words joined by hyphens, "
                "e.g. 2001-12-07-nato-russia-joint-statement.yaml",
            )
        )
        return
    if len(stem) > MAX_ID_LENGTH:
        reader.problems.append(
            Problem(
                reader.path,
                1,
                1,
                f"the file name {shown_value(stem)} has {len(stem)} characters before .yaml; a statement's id "
                f"has at most {MAX_ID_LENGTH}, since it also names the statement's record and pages",
            )
        )
        return
    date = values["date"] if values is not INVALID else None
    if date is not None and date is not INVALID and stem[:10] != date.isoformat():
        reader.report(
            child(root, "date"),
            "",
            f"'date' {date.isoformat()} does not match the file name, which starts with {stem[:10]}",
        )


def _check_numbering(reader: Reader, root: yaml.Node, values: Mapping[str, Any]) -> None:
    first_line: dict[int, int] = {}
    nodes = child(root, "paragraphs").value
    for index, paragraph in enumerate(values["paragraphs"]):
        node = child(nodes[index], "number")
        where, number, expected = f"paragraph {index + 1}", paragraph["number"], index + 1
        if number in first_line:
            reader.report(node, where, f"duplicate paragraph number {number} (first on line {first_line[number]})")
        elif number != expected:
            reader.report(
                node, where, f"'number' must be {expected}: paragraphs are numbered 1, 2, ... in order, got {number}"
            )
        first_line.setdefault(number, node.start_mark.line + 1)


def _check_sentence_numbers(reader: Reader, root: yaml.Node, values: Mapping[str, Any]) -> None:
    """Stated sentence numbers increase through their paragraph (:mod:`edition.records.numbering`)."""
    for p_index, paragraph in enumerate(values["paragraphs"]):
        stated = [c["number"] for c in paragraph["commitments"]]
        numbers = numbering.numbers(stated)
        for c_index in range(1, len(numbers)):
            previous, number = numbers[c_index - 1], numbers[c_index]
            if stated[c_index] is not None and numbering.order(number) <= numbering.order(previous):
                reader.report(
                    child(root, "paragraphs", p_index, "commitments", c_index, "number"),
                    within(f"paragraph {p_index + 1}", f"sentence {c_index + 1}"),
                    f"'number' must come after {previous}, the number of the sentence before, got {number} "
                    "(numbers go A1, B1, 1, 1A, 1AA, 1B, 2, ...)",
                )


def _check_documents(reader: Reader, root: yaml.Node, values: Mapping[str, Any]) -> None:
    first_line: dict[str, int] = {}
    for index, document in enumerate(values["documents"] or ()):
        node = child(root, "documents", index, "id")
        if document.id in first_line:
            where = f"document {index + 1}"
            reader.report(
                node, where, f"duplicate document id '{document.id}' (first on line {first_line[document.id]})"
            )
        first_line.setdefault(document.id, node.start_mark.line + 1)
    _check_mentions(reader, root, values)
    declared = ", ".join(first_line) or "none"
    for p_index, paragraph in enumerate(values["paragraphs"]):
        for c_index, sentence in enumerate(paragraph["commitments"]):
            where = within(f"paragraph {p_index + 1}", f"sentence {c_index + 1}")
            for r_index, reference in enumerate(sentence["references"] or ()):
                if reference not in first_line:
                    node = child(root, "paragraphs", p_index, "commitments", c_index, "references", r_index)
                    reader.report(
                        node,
                        where,
                        f"'references' item {r_index + 1} '{reference}' is not one of the statement's "
                        f"documents (declared: {declared})",
                    )


def _check_mentions(reader: Reader, root: yaml.Node, values: Mapping[str, Any]) -> None:
    """Each mention of a document occurs in a commitment that refers to it."""
    for d_index, document in enumerate(values["documents"] or ()):
        texts = [
            sentence["text"]
            for paragraph in values["paragraphs"]
            for sentence in paragraph["commitments"]
            if document.id in (sentence["references"] or ())
        ]
        for m_index, mention in enumerate(document.mentions):
            if not any(mention in text for text in texts):
                reader.report(
                    child(root, "documents", d_index, "mentions", m_index),
                    f"document {d_index + 1}",
                    f"'mentions' item {m_index + 1} '{mention}' occurs in no commitment that refers to '{document.id}'",
                )


def _statement(path: Path, root: yaml.Node, values: Mapping[str, Any], text: str) -> model.Statement:
    """The statement read from ``text``, the file at ``path``, whose nodes are ``root`` and values ``values``."""
    nodes = child(root, "paragraphs").value
    paragraphs = tuple(_paragraph(nodes[index], p, text) for index, p in enumerate(values["paragraphs"]))
    return model.Statement(
        id=path.stem,
        path=path,
        title=values["title"],
        subtitle=values["subtitle"],
        document_type=values["document_type"],
        date=values["date"],
        place=values["place"],
        issuer=values["issuer"],
        source=values["source"],
        documents=values["documents"] or (),
        paragraphs=paragraphs,
        first_published=values["first_published"],
    )


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _written(node: yaml.Node, text: str) -> Written:
    """How the text value ``node`` of the file ``text`` is written there."""
    assert isinstance(node, yaml.ScalarNode)  # validation has read a text there
    start, end = node.start_mark, node.end_mark
    return written(start.line + 1, start.column + 1, node.style or None, text[start.index : end.index], node.value)


def _paragraph(node: yaml.Node, values: Mapping[str, Any], text: str) -> model.Paragraph:
    number = values["number"]
    nodes = child(node, "commitments").value
    sentence_numbers = numbering.numbers(c["number"] for c in values["commitments"])
    return model.Paragraph(
        number=number,
        heading=values["heading"],
        sentences=tuple(
            model.Sentence(
                paragraph=number,
                number=sentence_numbers[index],
                position=index + 1,
                text=c["text"],
                kind=c["kind"],
                topics=c["topics"],
                references=c["references"] or (),
                deadline=c["deadline"],
                line=_line(child(nodes[index], "text")),
                written=_written(child(nodes[index], "text"), text),
            )
            for index, c in enumerate(values["commitments"])
        ),
        line=_line(child(node, "number")),
    )
