"""Load: what a render reads, every statement file with its record of published anchors and its official text.

Everything a statement's generated files and its listing depend on is here, as
bytes, with the site's address: the cache hashes them (:mod:`edition.build.cache`)
to decide what must be made again. Nothing here parses YAML: a render with nothing
to do only reads bytes and hashes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from edition import folders
from edition.limits import MAX_RECORD_BYTES, MAX_STATEMENT_BYTES
from edition.problems import Problem
from edition.statements import official
from edition.statements.loading import read_input

"""The folder of the statement files, relative to the project root."""


@dataclass(frozen=True)
class StatementFile:
    """A statement file and its record, as read from disk."""

    path: Path
    """The statement file, ``statements/<id>.yaml``."""
    data: bytes | None
    """Its bytes; ``None`` when it or its record cannot be read (see :attr:`error`)."""
    error: Problem | None
    """Why it or its record cannot be read, if one cannot."""
    record_path: Path
    """Its record of published anchors, ``statements/anchors/<id>.json``."""
    record: bytes | None
    """The record's bytes; ``None`` when the statement has not been published yet."""
    official: bytes | None = None
    """The bytes of its official text, ``sources/<id>.txt`` (:mod:`edition.statements.official`).

    ``None`` when there is none.
    """

    @property
    def id(self) -> str:
        """The statement's permanent id: the file's name without ``.yaml``."""
        return self.path.stem


@dataclass(frozen=True)
class Inputs:
    """Everything a render reads, with the problems found before any file is parsed."""

    sources: list[StatementFile]
    """The statements, by file name."""
    problems: list[Problem]
    """Problems of the folder: no statement file, or a file named ``*.yml``."""
    orphans: list[Problem]
    """Records whose statement file is gone."""
    site_url: str
    """The address the site is published at."""


def read_inputs(root: Path, site_url: str) -> Inputs:
    """The statement files of the project at ``root``, their records, and the folder's problems."""
    folder = root / folders.STATEMENTS
    names = _names(folder)
    problems = [Problem(folder / name, 1, 1, fault) for name in sorted(names) if (fault := name_fault(name))]
    statement_names = sorted(name for name in names if name.endswith(SUFFIX) and name_fault(name) is None)
    if not statement_names:
        problems.append(Problem(folder, 1, 1, f"no statement files (*{SUFFIX}) in this folder"))
    records = root / folders.RECORDS
    record_names = _names(records)
    ids = {name.removesuffix(SUFFIX) for name in statement_names}
    recorded = sorted(name for name in record_names if name.endswith(".json"))
    orphaned = [name for name in recorded if name.removesuffix(".json") not in ids]
    orphans = _orphans(records, orphaned) if orphaned else []
    sources = []
    for name in statement_names:
        path, record_path = paths(root, name.removesuffix(SUFFIX))
        sources.append(_source(root, path, record_path, record_path.name in record_names))
    return Inputs(sources, problems, orphans, site_url)


SUFFIX = ".yaml"
"""How a statement file's name ends."""


def name_fault(name: str) -> str | None:
    """Why a file named ``name`` in the statements folder is not read as a statement, when it looks like one.

    A statement file's name ends in :data:`SUFFIX` exactly (``.yml`` or ``.YAML`` would be
    skipped without a word otherwise), is UTF-8, and shows every character: no line
    break or other control character, which would make its problem lines unreadable.
    """
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in (SUFFIX, ".yml"):
        return None
    if not name.isprintable() or not _is_utf8(name):
        return "the file name holds a byte that is not UTF-8 or a control character; rename the file"
    if suffix != SUFFIX:
        return f"statement files end in {SUFFIX}: rename it {stem}{SUFFIX}"
    return None


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a byte that is not UTF-8, kept by the file system's decoding as a surrogate
        return False
    return True


def read_source(root: Path, statement_id: str) -> StatementFile:
    """The statement ``statement_id`` of the project at ``root`` and its record, read as a render reads them."""
    path, record_path = paths(root, statement_id)
    return _source(root, path, record_path, os.path.lexists(record_path))


def paths(root: Path, statement_id: str) -> tuple[Path, Path]:
    """The statement file ``statement_id`` of the project at ``root``, and its record of published anchors."""
    return root / folders.STATEMENTS / f"{statement_id}{SUFFIX}", root / folders.RECORDS / f"{statement_id}.json"


def _orphans(records: Path, names: list[str]) -> list[Problem]:
    from edition.records import registry  # only for this rare problem: a render with nothing to do does not load it

    return [registry.orphan(records / name) for name in names]


def _names(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _source(root: Path, path: Path, record_path: Path, has_record: bool) -> StatementFile:
    """The source at ``path``, its bytes read; ``has_record`` says whether its record exists.

    Both files must be regular files inside the project at ``root``, within their limits of size, and so
    must its official text, read when there is one.
    """
    data = read_input(path, MAX_STATEMENT_BYTES, "a statement file", root)
    if isinstance(data, Problem):
        return StatementFile(path, None, data, record_path, None)
    record = read_input(record_path, MAX_RECORD_BYTES, "an anchor record", root) if has_record else None
    if isinstance(record, Problem):
        return StatementFile(path, None, record, record_path, None)
    official_path = official.path_of(path)
    has_text = os.path.lexists(official_path)
    text = read_input(official_path, MAX_STATEMENT_BYTES, "an official text", root) if has_text else None
    if isinstance(text, Problem):
        return StatementFile(path, None, text, record_path, None)
    return StatementFile(path, data, None, record_path, record, text)
