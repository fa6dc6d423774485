"""One command that writes at a time in a project folder.

``render``, ``build``, ``erratum`` and ``retire`` (and ``serve``'s re-renders) hold
the lock while they run: a file, ``.cache/edition/lock``, that names its holder's
process id. A second command finds it held and stops at once with one line saying
which process holds it (:class:`Busy`), or waits for it a bounded time. ``check``
writes nothing and takes no lock.

The file is locked with ``flock`` too, and the kernel releases that lock when its
holder dies, however it dies: a lock file left by a killed process (its PID dead,
or reused by another program) is taken over, never obeyed. The holder deletes the
file when it is done.

The lock is in the project: ``.cache`` and ``.cache/edition`` must be real folders
and the lock a regular file, never a link (:mod:`edition.build.places`); the file is opened
with ``O_NOFOLLOW``, so a link put in its place between the look and the opening is
refused too, never written through.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from edition import folders
from edition.build import places
from edition.problems import CommandError, display_path

POLL_SECONDS = 0.1
"""How often a waiting command looks again."""
PID_READS, PID_READ_SECONDS = 40, 0.005
"""How often, and how far apart, the holder's PID is read while the holder has yet to write it."""


class Busy(CommandError):
    """Another process holds the lock."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        holder = f"PID {pid}" if pid else "PID unknown"
        super().__init__(f"another render ({holder}) is running in this folder; try again when it ends")


def path_of(root: Path) -> Path:
    """The lock file of the project at ``root``."""
    return root / folders.CACHE / "lock"


@contextlib.contextmanager
def held(root: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the project's lock for the ``with`` block; raises :class:`Busy` if it is not free within ``wait`` s."""
    path = path_of(root)
    places.refuse_unsafe(root, [path.parent], "a command that writes keeps its lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise places.Refused(f"cannot make {display_path(path.parent)}: {error.strerror}") from None
    deadline = time.monotonic() + wait
    while True:
        descriptor = _take(path)
        if isinstance(descriptor, int):
            break
        if time.monotonic() >= deadline:
            raise Busy(descriptor[0])
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still locked: a process that opened this file finds it gone and starts again
        os.close(descriptor)


def _take(path: Path) -> int | tuple[int | None]:
    """The open, locked lock file holding this process's id; or (the holder's PID,) when another holds it."""
    while True:
        descriptor = _open(path)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            return (holder,)
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is None or current.st_ino != os.fstat(descriptor).st_ino:
            os.close(descriptor)  # its holder deleted it as we opened it: take the new one
            continue
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode("ascii"))
        return descriptor


def _open(path: Path) -> int:
    """The lock file, opened for writing (made if missing) without following a link; refuses anything else."""
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY, 0o644)
    except OSError as error:
        raise _refusal(path, error.strerror) from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise _refusal(path, "not a regular file")
    return descriptor


def _refusal(path: Path, reason: str | None) -> places.Refused:
    """Why the lock file ``path`` cannot be taken: what it is instead, or the system's ``reason``."""
    kind = places.kind_of(path)
    if kind is not None:
        return places.Refused(f"{display_path(path)} is {kind}, not a lock file; remove it")
    return places.Refused(f"cannot open the lock file {display_path(path)}: {reason}")


def _holder(descriptor: int) -> int | None:
    """The PID in a lock file that another process holds: it writes it just after taking the lock."""
    for _ in range(PID_READS):
        pid = _pid_in(descriptor)
        if pid is not None:
            return pid
        time.sleep(PID_READ_SECONDS)
    return None


def _pid_in(descriptor: int) -> int | None:
    try:
        return int(os.pread(descriptor, 32, 0).decode("ascii").strip())
    except (OSError, ValueError):
        return None
