"""Write: the generated part of ``docs/``, written only where something changed, every file atomically.

The generator owns exactly the folders in :data:`OWNED` under ``docs/`` (git
ignores them); every other file in ``docs/`` is hand-written and never touched.
``render`` validates everything before it calls :func:`write_tree`, so invalid
input never changes a file. Then each generated file is written only when its
bytes differ from what is on disk, and files of a removed statement are deleted.
A render with nothing changed writes no file, and MkDocs' live reload sees only
real changes. Which files need not even be compared, kept as the last render wrote
them, is the cache's to say (:mod:`edition.build.cache`): nothing here remembers.

Every file the edition writes, new or rewritten (generated pages, anchor records,
the render state), goes through :func:`write_atomic`: a temporary file with a
unique name in the same folder, renamed over the target once complete. A reader,
or a render killed half-way, sees the old file or the new one, never a part. What
a killed render leaves behind is only temporary files, which :func:`remove_leftovers`
deletes at the start of the next render.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition import urls

OWNED = tuple(
    path.rstrip("/") for path in (urls.STATEMENTS, urls.FORMAT, urls.SENTENCES, urls.TOPICS, urls.TIMELINE, urls.DATA)
)
"""The folders under ``docs/`` that the generator owns: those of the site's generated pages (:mod:`edition.urls`)."""

TEMPORARY_SUFFIX = ".tmp"
"""How the temporary files of :func:`write_atomic` end; they start with a dot and the target's name."""


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


@dataclass(frozen=True)
class Changes:
    """What a render did to ``docs/``."""

    written: list[str]
    """Files created or rewritten."""
    removed: list[str]
    """Files deleted, because nothing generates them any more."""


def write_tree(docs: Path, files: Mapping[PurePosixPath, bytes], kept: Collection[PurePosixPath]) -> Changes:
    """Make the owned folders of ``docs`` hold ``files`` and the ``kept`` ones (paths under ``docs``), nothing else.

    A file is written only when its bytes differ from those on disk; one kept is not
    looked at; any other file is deleted, with folders left empty.
    """
    for path in files:
        if path.parts[0] not in OWNED or ".." in path.parts:
            raise ValueError(f"{path} is not under a folder the generator owns")
    written = []
    for path, data in files.items():
        target = docs / path
        if not _holds(target, data):
            write_atomic(target, data)
            written.append(str(path))
    removed = remove_others(docs, {str(path) for path in (*files, *kept)})
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
