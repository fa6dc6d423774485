"""Where commands may write: only inside the project folder, only through real folders, never through a link.

Every command that writes or cleans (``render``, ``build``, ``serve``, ``erratum``,
``retire``, ``import --output``) first names the folders it will write in or clean
(:func:`refuse_unsafe`). Each must lie inside the project folder, and it and every
folder on the way to it from the project folder must be a real folder, not a
symbolic link, nor a file: a link would send writes, and the deletions of a clean-up,
to wherever it leads. One that breaks the rule stops the command before it touches
anything, with one line (:class:`Refused`). The project folder itself may be reached
through a link: it is where the user asked the command to work.

Inside the folders that a render owns (:data:`edition.build.output.OWNED`), it made every
entry, and it made no link: a link found there is refused too (:func:`links_within`),
since writing a page or cleaning would go through it. Files are written under a new
name and renamed into place (:func:`edition.build.output.write_atomic`), which never
follows a link, and the lock file is opened with ``O_NOFOLLOW`` (:mod:`edition.build.lock`).

Before a render writes anything, it makes sure that it can write in every one of its
folders (:func:`refuse_unwritable`): a read-only disk or folder stops it with one line
while nothing has changed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from edition.build.output import TEMPORARY_SUFFIX
from edition.problems import CommandError, display_path

PROBE_PREFIX = ".write-probe."
"""How the empty file that tries a folder for writing is named; it ends like a temporary file of
:func:`edition.build.output.write_atomic`, which git ignores and, in the folders a render cleans, the next render
deletes if a kill left one."""


class Refused(CommandError):
    """A folder that a command would write in or clean is a link, is outside the project, or cannot be written."""


def inside(root: Path, path: Path) -> Path | None:
    """``path`` relative to the project folder ``root``, by its name alone (no link followed); ``None`` if outside."""
    top = os.path.abspath(root)
    full = os.path.normpath(os.path.join(top, path))
    if full != top and not full.startswith(top.rstrip(os.sep) + os.sep):
        return None
    return Path(os.path.relpath(full, top))


def refuse_unsafe(root: Path, folders: Iterable[Path], doing: str) -> None:
    """Raise :class:`Refused` unless every one of ``folders`` is a safe place to write in (see the module).

    ``doing`` says what the command would do there, for the message: "writes the pages".
    A folder that does not exist yet is fine when the folders on the way to it are.
    """
    for folder in folders:
        relative = inside(root, folder)
        if relative is None:
            raise Refused(
                f"{display_path(folder)} is outside the project folder; {doing} only inside it, "
                "so that nothing else is ever changed"
            )
        current = Path(root)
        for part in relative.parts:
            current = current / part
            try:
                status = os.lstat(current)
            except FileNotFoundError:
                break  # made when it is needed, as a real folder
            except OSError as error:
                raise Refused(f"cannot look at {display_path(current)}: {error.strerror}") from None
            if stat.S_ISLNK(status.st_mode):
                raise Refused(
                    f"{display_path(current)} is a symbolic link (to {os.readlink(current)}); {doing} there and "
                    "never follows a link out of the project: replace it with a real folder"
                )
            if not stat.S_ISDIR(status.st_mode):
                raise Refused(f"{display_path(current)} is not a folder; {doing} there: move it away")


def links_within(folder: Path) -> list[Path]:
    """The symbolic links anywhere under ``folder``, found without following any."""
    found = []
    stack = [folder]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_symlink():
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
    return sorted(found)


def refuse_links_within(folders: Iterable[Path], doing: str) -> None:
    """Raise :class:`Refused` at the first symbolic link under any of ``folders``, which a render owns."""
    for folder in folders:
        links = links_within(folder)
        if links:
            link = links[0]
            raise Refused(
                f"{display_path(link)} is a symbolic link (to {os.readlink(link)}) in a folder that the render "
                f"owns; {doing} there and never follows a link: delete it"
            )


def refuse_unwritable(folders: Iterable[Path]) -> None:
    """Raise :class:`Refused` unless a file can be made in each of ``folders`` (or, for one not made yet,
    in the nearest folder above it that exists); the file is deleted at once."""
    tried: set[Path] = set()
    for folder in folders:
        existing = folder
        while not existing.is_dir() and existing != existing.parent:
            existing = existing.parent
        if existing in tried:
            continue
        tried.add(existing)
        try:
            descriptor, probe = tempfile.mkstemp(dir=existing, prefix=PROBE_PREFIX, suffix=TEMPORARY_SUFFIX)
        except OSError as error:
            raise Refused(f"cannot write in {display_path(existing)}: {error.strerror}; nothing was changed") from None
        os.close(descriptor)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def kind_of(path: Path) -> str | None:
    """What ``path`` is when it is there but not a regular file ("a symbolic link", "a folder", ...), else ``None``."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else kind_name(mode)


def kind_name(mode: int) -> str:
    """What a file of ``mode`` that is not a regular file is called in messages: "a folder", "a named pipe", ..."""
    return next((name for test, name in KINDS if test(mode)), "a special file")


KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
"""What a path that is not a regular file is called in messages, by the test of its mode."""
