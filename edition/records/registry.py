"""The record of published anchors: what once resolved must keep resolving, with the same words.

Each published statement has a record, ``statements/anchors/<id>.json``, kept in
the repository. It lists every anchor of the statement in reading order; each
commitment's entry holds its text and the SHA-256 of that text. ``render`` adds new
anchors by itself, in their place. ``check``, ``render`` and ``build`` fail, naming
the anchor and the fix, when a recorded anchor would disappear or name other words
(:mod:`edition.records.permanence`).

Two deliberate acts change the record, each with its own command:

* ``python build_site.py erratum ID ANCHOR --reason ...`` records a correction of a
  commitment's words (old text, new text, date, reason); the statement page lists it;
* ``python build_site.py retire ID ANCHOR --successor ANCHOR --reason ...`` retires an
  anchor that no longer exists; the page keeps the anchor, leading to its successor.

Withdrawing a whole statement means deleting both its file and its record: a
change visible in review, never a side effect.

The file's format, how it is read and written, is :mod:`edition.records.recordfile`;
its record and the functions that read and write it are named here too, for the
commands that keep records.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from edition import anchors, folders
from edition.build.output import write_if_changed
from edition.problems import Problem
from edition.records import permanence
from edition.records.recordfile import AnchorRecord, Erratum, Retirement, text_of

if TYPE_CHECKING:  # statements are only read here: a render with nothing to do does not load the model
    from edition.statements.model import Statement


def path_of(root: Path, statement_id: str) -> Path:
    """The record file of a statement."""
    return root / folders.RECORDS / f"{statement_id}.json"


def current_texts(statement: Statement) -> dict[str, str | None]:
    """The anchors a statement has now, in reading order, with commitment texts."""
    texts: dict[str, str | None] = {}
    for paragraph in statement.paragraphs:
        texts[paragraph.anchor] = None
        for sentence in paragraph.sentences:
            texts[sentence.anchor] = sentence.text
    return texts


def with_new_anchors(statement: Statement, record: AnchorRecord | None) -> AnchorRecord:
    """``record`` with the anchors the statement has gained (a new record for a new statement)."""
    if record is None:
        return AnchorRecord(statement.id, current_texts(statement))
    texts = dict(record.texts)
    for anchor, text in current_texts(statement).items():
        texts.setdefault(anchor, text)
    if len(texts) == len(record.texts):
        return record
    return replace(record, texts={anchor: texts[anchor] for anchor in sorted(texts, key=anchors.reading_order)})


def with_erratum(
    record: AnchorRecord, statement: Statement, anchor: str, reason: str, date: datetime.date
) -> AnchorRecord:
    """``record`` with a correction of ``anchor``'s words to their current text, made where the sentence stands."""
    old = record.texts.get(anchor)
    new = current_texts(statement).get(anchor)
    if old is None or new is None:
        raise ValueError(f"{anchor} is not a published commitment of {statement.id}")
    if old == new:
        raise ValueError(f"the words of {anchor} are the published ones: there is nothing to correct")
    if not permanence.corrected_in_place(statement, record, anchor):
        raise ValueError(
            f"the published words of {anchor} were not corrected where they stand, but moved, split, joined "
            "or replaced: an erratum would point the anchor at other words; run check, which says what keeps it"
        )
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
