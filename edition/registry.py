"""The record of published anchors: what once resolved must keep resolving, with the same words.

Each published statement has a record, ``statements/anchors/<id>.json``, kept in
the repository. It lists every anchor of the statement in reading order; each
commitment's entry holds its text and the SHA-256 of that text. ``render`` adds new
anchors by itself. ``check``, ``render`` and ``build`` fail, naming the anchor,
when a recorded anchor would disappear or a commitment's words would change.

Two deliberate acts change the record, each with its own command:

* ``python build_site.py erratum ID ANCHOR --reason ...`` records a correction of a
  commitment's words (old text, new text, date, reason); the statement page lists it;
* ``python build_site.py retire ID ANCHOR --successor ANCHOR --reason ...`` retires an
  anchor that no longer exists; the page keeps the anchor, leading to its successor.

Withdrawing a whole statement means deleting both its file and its record: a
change visible in review, never a side effect.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition import anchors
from edition.jsonfiles import indented
from edition.limits import MAX_RECORD_BYTES
from edition.loading import read_input
from edition.output import write_if_changed
from edition.problems import Problem, display_path

if TYPE_CHECKING:  # statements are only read here: a render with nothing to do does not load the model
    from edition.model import Statement

FOLDER = anchors.RECORDS
"""Where the records live, relative to the project root."""


def digest(text: str) -> str:
    """The SHA-256 of ``text`` in UTF-8, as hexadecimal."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def path_of(root: Path, statement_id: str) -> Path:
    """The record file of a statement."""
    return root / FOLDER / f"{statement_id}.json"


def current_texts(statement: Statement) -> dict[str, str | None]:
    """The anchors a statement has now, in reading order, with commitment texts."""
    texts: dict[str, str | None] = {}
    for paragraph in statement.paragraphs:
        texts[paragraph.anchor] = None
        for commitment in paragraph.commitments:
            texts[commitment.anchor] = commitment.text
    return texts


def load(path: Path) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record in ``path``; ``None`` without problems when there is none yet."""
    if not os.path.lexists(path):
        return None, []
    data = read_input(path, MAX_RECORD_BYTES, "an anchor record")
    return (None, [data]) if isinstance(data, Problem) else parse(path, data)


def parse(path: Path, data: bytes | None) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record that ``path`` holds as ``data``; ``None`` without problems when there is none (no ``data``)."""
    if data is None:
        return None, []
    try:
        return _from_json(path.stem, json.loads(data.decode("utf-8"))), []
    except (ValueError, KeyError, TypeError) as error:
        return None, [
            Problem(path, 1, 1, f"the anchor record cannot be read ({error}); restore it from version control")
        ]


def compare(statement: Statement, record: AnchorRecord, record_path: Path) -> list[Problem]:
    """Problems where the statement would break a published anchor or change its words."""
    now = current_texts(statement)
    lines = {p.anchor: p.line for p in statement.paragraphs} | {c.anchor: c.line for c in statement.commitments}
    problems = []
    for anchor, text in record.texts.items():
        if anchor not in now:
            if record.retirement(anchor) is None:
                line = lines.get(anchor.split("__")[0], 1)
                problems.append(
                    Problem(
                        statement.path,
                        line,
                        1,
                        f"{anchor} was published and would disappear; restore it, or retire it: "
                        f"python build_site.py retire {statement.id} {anchor} --successor ANCHOR --reason '...'",
                    )
                )
        elif text is not None and now[anchor] != text:
            problems.append(
                Problem(
                    statement.path,
                    lines[anchor],
                    1,
                    f"{anchor}: the words differ from the published text recorded in {display_path(record_path)}; "
                    f"restore them, or record a correction: "
                    f"python build_site.py erratum {statement.id} {anchor} --reason '...'",
                )
            )
    for retirement in record.retired:
        if retirement.anchor in now:
            problems.append(
                Problem(
                    statement.path,
                    lines[retirement.anchor],
                    1,
                    f"{retirement.anchor} was retired and cannot name new text; number the new part differently",
                )
            )
    return problems


def with_new_anchors(statement: Statement, record: AnchorRecord | None) -> AnchorRecord:
    """``record`` with the anchors the statement has gained (a new record for a new statement)."""
    if record is None:
        return AnchorRecord(statement.id, current_texts(statement))
    texts = dict(record.texts)
    for anchor, text in current_texts(statement).items():
        texts.setdefault(anchor, text)
    return replace(record, texts=texts)


def with_erratum(
    record: AnchorRecord, statement: Statement, anchor: str, reason: str, date: datetime.date
) -> AnchorRecord:
    """``record`` with a correction of ``anchor``'s words to their current text."""
    old = record.texts.get(anchor)
    new = current_texts(statement).get(anchor)
    if old is None or new is None:
        raise ValueError(f"{anchor} is not a published commitment of {statement.id}")
    if old == new:
        raise ValueError(f"the words of {anchor} are the published ones: there is nothing to correct")
    erratum = Erratum(anchor, date.isoformat(), old, new, reason)
    return replace(record, texts={**record.texts, anchor: new}, errata=(*record.errata, erratum))


def with_retirement(
    record: AnchorRecord, statement: Statement, anchor: str, successor: str | None, reason: str, date: datetime.date
) -> AnchorRecord:
    """``record`` with ``anchor`` retired, leading to ``successor``."""
    now = current_texts(statement)
    if anchor not in record.texts:
        raise ValueError(f"{anchor} was never published in {statement.id}: there is nothing to retire")
    if anchor in now:
        raise ValueError(f"{anchor} still names a part of {statement.id}: only a vanished anchor can be retired")
    if record.retirement(anchor) is not None:
        raise ValueError(f"{anchor} is already retired")
    if successor is not None and successor not in now:
        raise ValueError(f"the successor {successor} is not an anchor of {statement.id}")
    return replace(record, retired=(*record.retired, Retirement(anchor, successor, date.isoformat(), reason)))


def text_of(record: AnchorRecord) -> str:
    """The record as its file holds it: indented JSON, anchors in reading order."""
    data: dict[str, Any] = {
        "statement": record.statement_id,
        "anchors": {
            anchor: None if text is None else {"sha256": digest(text), "text": text}
            for anchor, text in record.texts.items()
        },
        "errata": [vars(erratum) for erratum in record.errata],
        "retired": [vars(retirement) for retirement in record.retired],
    }
    return indented(data)


def orphan(path: Path) -> Problem:
    """The problem of a record whose statement file is gone."""
    return Problem(
        path,
        1,
        1,
        f"statement {path.stem} was published, but statements/{path.stem}.yaml is gone; restore it "
        "(withdrawing a statement means deleting this record too, which breaks its links)",
    )


def write(path: Path, record: AnchorRecord) -> None:
    """Write ``record`` to ``path`` when it differs from what the file holds (as ``render`` writes records)."""
    write_if_changed(path, text_of(record).encode("utf-8"))


def _from_json(statement_id: str, data: dict[str, Any]) -> AnchorRecord:
    if data["statement"] != statement_id:
        raise ValueError(f"it names the statement {data['statement']!r}")
    texts: dict[str, str | None] = {}
    for anchor, entry in data["anchors"].items():
        if entry is None:
            texts[anchor] = None
            continue
        if digest(entry["text"]) != entry["sha256"]:
            raise ValueError(f"the checksum of {anchor} does not match its text")
        texts[anchor] = entry["text"]
    return AnchorRecord(
        statement_id,
        texts,
        tuple(Erratum(**erratum) for erratum in data["errata"]),
        tuple(Retirement(**retirement) for retirement in data["retired"]),
    )
