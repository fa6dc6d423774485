"""A command stopped by a signal fails, and cleans up on its way out.

Ctrl-C (``SIGINT``), ``SIGTERM`` (what process managers and CI send) and ``SIGHUP``
(a closed terminal) raise :class:`Interrupted` in the main thread wherever it is, so
every ``finally`` runs: a file being written is removed before it is complete
(:func:`edition.build.output.write_atomic`), the lock is released, MkDocs and Pagefind are
ended (:func:`edition.build.commands.build`) and ``serve``'s site folder is deleted. The
command then says so in one line and exits with the shell's status for the signal,
128 + its number (130 for Ctrl-C, 143 for ``SIGTERM``), so that ``build && deploy``
stops. ``serve`` is the exception: Ctrl-C is how it is meant to end, with 0.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
"""The signals that stop a command through :class:`Interrupted`."""


class Interrupted(KeyboardInterrupt):
    """The command was stopped by a signal; a :class:`KeyboardInterrupt`, as libraries expect of Ctrl-C."""

    def __init__(self, number: int) -> None:
        self.number = number
        super().__init__(f"interrupted by {signal.Signals(number).name}")

    @property
    def status(self) -> int:
        """The exit status of a command stopped by this signal: 128 + its number."""
        return 128 + self.number


@contextlib.contextmanager
def raised() -> Iterator[None]:
    """Within the block, each of :data:`SIGNALS` raises :class:`Interrupted` in the main thread."""
    before = {number: signal.signal(number, _raise) for number in SIGNALS}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _raise(number: int, frame: FrameType | None) -> None:
    raise Interrupted(number)
