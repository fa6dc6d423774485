"""The generated part of ``docs/``, written only where something changed, every file atomically.

The generator owns exactly the folders in :data:`OWNED` under ``docs/`` (git
ignores them); every other file in ``docs/`` is hand-written and never touched.
``render`` validates everything before it calls :func:`write_tree`, so invalid
input never changes a file. Then each generated file is written only when its
bytes differ from what is on disk, and files of a removed statement are deleted.
A render with nothing changed writes no file, and MkDocs' live reload sees only
real changes.

Every file the edition writes, new or rewritten (generated pages, anchor records,
the render state), goes through :func:`write_atomic`: a temporary file with a
unique name in the same folder, renamed over the target once complete. A reader,
or a render killed half-way, sees the old file or the new one, never a part. What
a killed render leaves behind is only temporary files, which :func:`remove_leftovers`
deletes at the start of the next render.

The render state (:mod:`edition.build.cache`) remembers the hash, size and modification
time of every file written, so an unchanged file is recognised without reading it;
a file changed on disk by anything else is rewritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Final

from edition import urls
from edition.digests import sha256

OWNED = tuple(
    path.rstrip("/") for path in (urls.STATEMENTS, urls.FORMAT, urls.SENTENCES, urls.TOPICS, urls.TIMELINE, urls.DATA)
)
"""The folders under ``docs/`` that the generator owns: those of the site's generated pages (:mod:`edition.urls`)."""

KEEP: Final = None
"""In a tree, "this file is unchanged since the last render": keep it, do not regenerate it."""

TEMPORARY_SUFFIX = ".tmp"
"""How the temporary files of :func:`write_atomic` end; they start with a dot and the target's name."""


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
        return cls(data, sha256(data))


Tree = Mapping[PurePosixPath, File | None]
"""Generated files: a path under ``docs/`` (starting with an owned folder) and its file, or :data:`KEEP`."""


def write_atomic(path: Path | str, data: bytes) -> os.stat_result:
    """Write ``data`` to ``path``: a unique temporary file in its folder, renamed into place; its status.

    The temporary file is ``.<name>.<random>.tmp``; on any error it is removed and
    ``path`` is left as it was (an :class:`OSError` of the write names ``path``). The
    folder is made if it does not exist.
    """
    folder, name = os.path.split(os.fspath(path))
    os.makedirs(folder or ".", exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.fchmod(stream.fileno(), 0o666 & ~_umask())  # mkstemp makes it private; a written file is not
            stream.write(data)
            stream.flush()
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError) and error.filename is None:  # a write that failed: name the file it was for
            raise OSError(error.errno, error.strerror, os.fspath(path)) from None
        raise
    return os.stat(path)


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Delete the temporary files of :func:`write_atomic` in ``folders`` and below; the files deleted.

    Only a write that was interrupted (a killed process) leaves one; the caller holds
    the project's lock (:mod:`edition.build.lock`), so no other write is under way.
    """
    removed = []
    for top in folders:
        for folder, _, names in os.walk(top):
            for name in names:
                if name.startswith(".") and name.endswith(TEMPORARY_SUFFIX):
                    path = Path(folder, name)
                    path.unlink(missing_ok=True)
                    removed.append(path)
    return removed


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
        return bool(self.files) and all(_intact(docs / path, recorded) for path, recorded in self.files.items())

    def intact(self, docs: Path, path: PurePosixPath) -> bool:
        """Whether ``path`` is on disk exactly as the last render wrote it."""
        recorded = self.files.get(str(path))
        return recorded is not None and _intact(docs / path, recorded)


def _intact(path: Path, recorded: list[Any]) -> bool:
    """Whether the file at ``path`` has the size and modification time ``recorded`` ([SHA-256, size, time])."""
    try:
        stat = path.stat()
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


def write_tree(docs: Path, tree: Tree, state: RenderState) -> Changes:
    """Make the owned folders of ``docs`` hold exactly ``tree``; updates ``state``."""
    for path in tree:
        if path.parts[0] not in OWNED or ".." in path.parts:
            raise ValueError(f"{path} is not under a folder the generator owns")
    files: dict[str, list[Any]] = {}
    written = []
    for path, file in tree.items():
        key = str(path)
        if file is KEEP or (state.intact(docs, path) and state.files[key][0] == file.sha256):
            files[key] = state.files[key]
            continue
        target = docs / path
        if not _holds(target, file.data):
            write_atomic(target, file.data)
            written.append(key)
        stat = target.stat()
        files[key] = [file.sha256, stat.st_size, stat.st_mtime_ns]
    removed = remove_others(docs, set(files))
    state.files = dict(sorted(files.items()))
    return Changes(sorted(written), removed)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` (atomically) unless the file holds it already; whether it was written."""
    if _holds(path, data):
        return False
    write_atomic(path, data)
    return True


def _holds(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() == data
    except OSError:
        return False


def remove_others(docs: Path, wanted: set[str]) -> list[str]:
    """Delete files in the owned folders that are not ``wanted`` (paths under ``docs``), and folders left empty.

    The walk never enters a link (the render refuses owned folders that hold one,
    :mod:`edition.build.places`, before it calls this)."""
    removed: list[str] = []
    for owned in OWNED:
        for folder, _, names in os.walk(docs / owned, topdown=False):
            under = Path(folder).relative_to(docs).as_posix()
            for name in names:
                if f"{under}/{name}" not in wanted:
                    os.unlink(os.path.join(folder, name))
                    removed.append(f"{under}/{name}")
            if not os.listdir(folder):
                os.rmdir(folder)
    return sorted(removed)
