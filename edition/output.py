"""The generated part of ``docs/``, written only where something changed.

The generator owns exactly the folders in :data:`OWNED` under ``docs/`` (git
ignores them); every other file in ``docs/`` is hand-written and never touched.
``render`` validates everything before it calls :func:`write_tree`, so invalid
input never changes a file. Then each generated file is written only when its
content differs from what is on disk (a changed file atomically, a temporary file
renamed over the old one; a new file in place), and files of a removed statement
are deleted. Many files are written on every core; a statement new to ``docs/``
has its folder written by the worker that rendered it, then moved into place
(:func:`stage`, :func:`place`). A render with nothing changed writes no file, and
MkDocs' live reload sees only real changes.

The render state (:mod:`edition.cache`) remembers the hash, size and modification
time of every file written, so an unchanged file is recognised without reading it;
a file changed on disk by anything else is rewritten.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Final

OWNED = ("statements", "format", "commitments", "topics", "timeline", "data")
"""The folders under ``docs/`` that the generator owns."""

KEEP: Final = None
"""In a tree, "this file is unchanged since the last render": keep it, do not regenerate it."""


@dataclass(frozen=True)
class File:
    """The bytes of a generated file, with their SHA-256."""

    data: bytes
    """The file's bytes."""
    sha256: str
    """Their SHA-256, in hexadecimal."""

    @classmethod
    def of(cls, text: str) -> File:
        """The file holding ``text`` in UTF-8."""
        data = text.encode("utf-8")
        return cls(data, hashlib.sha256(data).hexdigest())


Tree = Mapping[PurePosixPath, File | None]
"""Generated files: a path under ``docs/`` (starting with an owned folder) and its file, or :data:`KEEP`."""


@dataclass
class RenderState:
    """What the last render wrote, and what each statement's files were made from."""

    files: dict[str, list[Any]] = field(default_factory=dict)
    """Path under ``docs/`` → [SHA-256, size, modification time in ns] as written."""
    sources: dict[str, str] = field(default_factory=dict)
    """Statement id → the hash of everything its files were made from."""
    inputs: str = ""
    """The hash of all the inputs of the last render."""
    summary: str = ""
    """What the last render's edition held."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RenderState:
        """The state saved as ``data`` (empty when it is not a state)."""
        files, sources = data.get("files"), data.get("sources")
        inputs, summary = data.get("inputs"), data.get("summary")
        if (
            isinstance(files, dict)
            and isinstance(sources, dict)
            and isinstance(inputs, str)
            and isinstance(summary, str)
        ):
            return cls(files, sources, inputs, summary)
        return cls()

    def to_json(self) -> dict[str, Any]:
        """The state as JSON data."""
        return {"files": self.files, "sources": self.sources, "inputs": self.inputs, "summary": self.summary}

    def all_intact(self, docs: Path) -> bool:
        """Whether every file of the last render is on disk as it was written."""
        folder = str(docs)
        return bool(self.files) and all(_intact(os.path.join(folder, path), self.files[path]) for path in self.files)

    def intact(self, docs: Path, path: PurePosixPath) -> bool:
        """Whether ``path`` is on disk exactly as the last render wrote it."""
        recorded = self.files.get(str(path))
        return recorded is not None and _intact(os.path.join(docs, path), recorded)


def _intact(path: str, recorded: list[Any]) -> bool:
    """Whether the file at ``path`` has the size and modification time ``recorded`` ([SHA-256, size, time])."""
    try:
        stat = os.stat(path)  # os.path is several times faster than pathlib here
    except OSError:
        return False
    return bool(stat.st_size == recorded[1] and stat.st_mtime_ns == recorded[2])


@dataclass(frozen=True)
class Changes:
    """What a render did to ``docs/``."""

    written: list[str]
    """Files created or rewritten."""
    removed: list[str]
    """Files deleted, because nothing generates them any more."""


def write_tree(docs: Path, tree: Tree, state: RenderState, placed: Mapping[str, list[Any]] | None = None) -> Changes:
    """Make the owned folders of ``docs`` hold exactly ``tree`` and the ``placed`` files; updates ``state``.

    ``placed`` are files already put in place (see :func:`place`): their paths under
    ``docs`` with [SHA-256, size, modification time in ns].
    """
    for path in tree:
        if path.parts[0] not in OWNED or ".." in path.parts:
            raise ValueError(f"{path} is not under a folder the generator owns")
    files: dict[str, list[Any]] = {}
    to_put: list[tuple[str, File]] = []
    for path, file in tree.items():
        key = str(path)
        if file is KEEP or (state.intact(docs, path) and state.files[key][0] == file.sha256):
            files[key] = state.files[key]
        else:
            to_put.append((key, file))
    folder = str(docs)
    targets = [(os.path.join(folder, key), file) for key, file in to_put]
    written = []
    for (key, _), (was_written, recorded) in zip(to_put, put_all(targets), strict=True):
        files[key] = recorded
        if was_written:
            written.append(key)
    files.update(placed or {})
    written += list(placed or {})
    removed = _remove_others(docs, set(files))
    state.files = dict(sorted(files.items()))
    return Changes(sorted(written), removed)


def stage(folder: str, files: Mapping[str, File]) -> dict[str, list[Any]]:
    """Write ``files`` (by name) into the new folder ``folder``; each one's [SHA-256, size, time] by name.

    A worker stages the files of a statement that has no folder under ``docs/`` yet,
    as soon as it has made them; :func:`place` moves the folder into ``docs/`` once
    every statement is known to be valid.
    """
    os.makedirs(folder)
    return {name: _create(os.path.join(folder, name), file) for name, file in files.items()}


def place(staged: Path, target: Path, recorded: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Move the staged folder to ``target``, a folder that does not exist yet; its files as they are now.

    One rename, unless ``target`` has appeared meanwhile or is on another file
    system: then file by file.
    """
    if not os.path.isdir(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(staged, target)
        return recorded
    except OSError:
        pass
    target.mkdir(parents=True, exist_ok=True)
    placed = {}
    for name, (sha256, *_) in recorded.items():
        shutil.move(staged / name, target / name)
        stat = os.stat(target / name)
        placed[name] = [sha256, stat.st_size, stat.st_mtime_ns]
    staged.rmdir()
    return placed


def put_all(files: list[tuple[str, File]]) -> list[tuple[bool, list[Any]]]:
    """Write each file (a path and its bytes) unless it holds those bytes already; on every core when many.

    For each: whether it was written, and [SHA-256, size, modification time in ns] as it is now.
    Paths are strings: with thousands of files, :mod:`pathlib` took as long as the writing.
    """
    from edition.parallel import parallel_map  # not loaded by a render with nothing to write

    return parallel_map(_put, files)


def _put(item: tuple[str, File]) -> tuple[bool, list[Any]]:
    target, file = item
    try:
        return True, _create(target, file)
    except FileExistsError:
        pass
    written = not _holds(target, file.data)
    if written:
        temporary = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.tmp")
        with open(temporary, "wb") as stream:
            stream.write(file.data)
        os.replace(temporary, target)  # readers see the old file or the new one, never a part
    stat = os.stat(target)
    return written, [file.sha256, stat.st_size, stat.st_mtime_ns]


def _create(target: str, file: File) -> list[Any]:
    """Write a file that does not exist yet (no reader can have it open); its [SHA-256, size, time].

    Raises :class:`FileExistsError` if it does exist. A first render creates thousands of
    files: writing them in place, not through a temporary file, saves a third of the work.
    """
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        data = memoryview(file.data)
        while data:
            data = data[os.write(descriptor, data) :]
        stat = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    return [file.sha256, stat.st_size, stat.st_mtime_ns]


def _holds(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as stream:
            return stream.read() == data
    except OSError:
        return False


def _remove_others(docs: Path, wanted: set[str]) -> list[str]:
    """Delete files in the owned folders that the tree does not hold, and folders left empty.

    ``wanted`` are paths under ``docs`` with ``/`` between their parts. Strings, not
    :mod:`pathlib`, which took most of the time of this walk through thousands of files.
    """
    removed: list[str] = []
    emptied: set[str] = set()
    start = len(str(docs)) + 1
    for owned in OWNED:
        for folder, subfolders, names in os.walk(os.path.join(docs, owned), topdown=False):
            under = folder[start:].replace(os.sep, "/")
            kept = False
            for name in names:
                if f"{under}/{name}" in wanted:
                    kept = True
                else:
                    os.unlink(os.path.join(folder, name))
                    removed.append(f"{under}/{name}")
            if not kept and all(os.path.join(folder, subfolder) in emptied for subfolder in subfolders):
                os.rmdir(folder)
                emptied.add(folder)
    return sorted(removed)
