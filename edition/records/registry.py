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
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition import anchors
from edition.build.output import write_if_changed
from edition.digests import sha256
from edition.jsonfiles import indented, position
from edition.limits import MAX_RECORD_BYTES
from edition.problems import Problem
from edition.records import permanence
from edition.statements.loading import decode, read_input
from edition.values import shown_value

if TYPE_CHECKING:  # statements are only read here: a render with nothing to do does not load the model
    from edition.statements.model import Statement

FOLDER = anchors.RECORDS
"""Where the records live, relative to the project root."""


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
        for sentence in paragraph.sentences:
            texts[sentence.anchor] = sentence.text
    return texts


def load(path: Path) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record in ``path``; ``None`` without problems when there is none yet."""
    if not os.path.lexists(path):
        return None, []
    data = read_input(path, MAX_RECORD_BYTES, "an anchor record")
    return (None, [data]) if isinstance(data, Problem) else parse(path, data)


def parse(path: Path, data: bytes | None) -> tuple[AnchorRecord | None, list[Problem]]:
    """The record that ``path`` holds as ``data``; ``None`` without problems when there is none (no ``data``).

    Every part of the record is checked; a record that breaks a rule is one problem,
    at the place of the fault.
    """
    if data is None:
        return None, []
    text, problems = decode(path, data)
    if text is None:
        return None, [replace(problem, message=_unreadable("it is not UTF-8")) for problem in problems]
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(path, error.lineno, error.colno, _unreadable(f"JSON syntax error: {error.msg}"))]
    except RecursionError:
        return None, [Problem(path, 1, 1, _unreadable("its values are nested thousands deep"))]
    try:
        return _from_json(path.stem, value), []
    except RecordFault as fault:
        return None, [Problem(path, *position(text, fault.steps), _unreadable(str(fault)))]


def _unreadable(reason: str) -> str:
    return f"the anchor record cannot be read ({reason}); restore it from version control"


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


class RecordFault(Exception):
    """What breaks the rules of a record, and where: the keys and indexes that lead to the value at fault."""

    def __init__(self, steps: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.steps = steps


_KEYS = ("statement", "anchors", "errata", "retired")
_ERRATUM_KEYS = tuple(field.name for field in fields(Erratum))
_RETIREMENT_KEYS = tuple(field.name for field in fields(Retirement))
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _from_json(statement_id: str, data: object) -> AnchorRecord:
    """The record that the JSON value ``data`` holds; raises :class:`RecordFault` at its first fault."""
    record = _object(data, (), "the record", _KEYS)
    if record["statement"] != statement_id:
        raise RecordFault(("statement",), f"it names the statement {_shown(record['statement'])}")
    entries = record["anchors"]
    if not isinstance(entries, dict):
        raise RecordFault(("anchors",), f"'anchors' must be an object mapping anchors to entries, got {_kind(entries)}")
    texts = {anchor: _text(anchor, entry) for anchor, entry in entries.items()}
    errata = _list(record, "errata", _ERRATUM_KEYS)
    retired = _list(record, "retired", _RETIREMENT_KEYS)
    for steps, item in errata + retired:
        _check_item(steps, item, texts)
    return AnchorRecord(
        statement_id,
        texts,
        tuple(Erratum(**item) for _, item in errata),
        tuple(Retirement(**item) for _, item in retired),
    )


def _text(anchor: str, entry: object) -> str | None:
    """The words recorded under ``anchor``: ``None`` for a paragraph, a commitment's text."""
    steps = ("anchors", anchor)
    if not anchors.is_anchor(anchor):
        raise RecordFault(
            steps,
            f"{shown_value(anchor)} is not an anchor (para_N or para_N__cmt_M)",
        )
    if "__" not in anchor:
        if entry is not None:
            raise RecordFault(steps, f"the entry of paragraph {anchor} must be null, got {_kind(entry)}")
        return None
    item = _object(entry, steps, f"the entry of {anchor}", ("sha256", "text"))
    for key in ("sha256", "text"):
        if not isinstance(item[key], str):
            raise RecordFault((*steps, key), f"{anchor}: {key!r} must be a string, got {_kind(item[key])}")
    if sha256(item["text"]) != item["sha256"]:
        raise RecordFault(steps, f"the checksum of {anchor} does not match its text")
    return str(item["text"])


def _list(
    record: dict[str, Any], key: str, keys: tuple[str, ...]
) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """The items of the list ``key`` of the record, each an object with ``keys``, with the steps to each."""
    items = record[key]
    if not isinstance(items, list):
        raise RecordFault((key,), f"{key!r} must be a list, got {_kind(items)}")
    return [
        ((key, index), _object(item, (key, index), f"{key!r} item {index + 1}", keys))
        for index, item in enumerate(items)
    ]


def _check_item(steps: tuple[str | int, ...], item: dict[str, Any], texts: dict[str, str | None]) -> None:
    """An erratum or a retirement: anchors that were recorded, a real date, strings."""
    where = f"{steps[0]!r} item {int(steps[1]) + 1}"
    for key, value in item.items():
        if key == "successor" and value is None:
            continue
        if not isinstance(value, str):
            raise RecordFault((*steps, key), f"{where}: {key!r} must be a string, got {_kind(value)}")
    if item["anchor"] not in texts:
        raise RecordFault((*steps, "anchor"), f"{where}: {_shown(item['anchor'])} is not a recorded anchor")
    successor = item.get("successor")
    if isinstance(successor, str) and not anchors.is_anchor(successor):
        raise RecordFault(
            (*steps, "successor"),
            f"{where}: {shown_value(successor)} is not an anchor (para_N or para_N__cmt_M)",
        )
    if not _is_date(str(item["date"])):
        raise RecordFault(
            (*steps, "date"), f"{where}: 'date' must be a date written YYYY-MM-DD, got {shown_value(item['date'])}"
        )


def _is_date(value: str) -> bool:
    """Whether ``value`` is a date that exists, written ``YYYY-MM-DD``."""
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _object(value: object, steps: tuple[str | int, ...], name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """``value``, which must be an object with exactly ``keys``."""
    if not isinstance(value, dict):
        raise RecordFault(steps, f"{name} must be an object ({', '.join(keys)}), got {_kind(value)}")
    for key in value:
        if key not in keys:
            raise RecordFault(
                (*steps, key), f"{name} has the unknown key {shown_value(key)} (one of: {', '.join(keys)})"
            )
    for key in keys:
        if key not in value:
            raise RecordFault(steps, f"{name} has no key {key!r}")
    return value


def _shown(value: object) -> str:
    """A JSON value as a message shows it: a string quoted and cut, any other value by its kind."""
    return shown_value(value) if isinstance(value, str) else _kind(value)


def _kind(value: object) -> str:
    """How a JSON value is named in messages: ``a list``, ``a number``, ``null``."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    names = ((dict, "an object"), (list, "a list"), (str, "a string"), ((int, float), "a number"))
    return next(name for types, name in names if isinstance(value, types))
