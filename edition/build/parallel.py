"""Many items on every core, in a plain process pool whose workers die with their parent."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from edition.build import children

Item = TypeVar("Item")
Result = TypeVar("Result")

THRESHOLD = 64
"""Below this many items, starting worker processes costs more than it saves."""
CHUNK = 8
"""The most items sent to a worker at a time: small enough that no core idles long at the end."""


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[function(item) for item in items]``, in order; spread over the cores for long lists.

    ``function`` must be a module-level function, and items and results picklable.
    Every worker is ended with the process that started it (:func:`_die_with_parent`):
    a render killed half-way leaves no process behind holding its output open.
    """
    workers = os.cpu_count() or 1
    if len(items) < THRESHOLD or workers < 2:
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    chunk = max(1, min(CHUNK, len(items) // (4 * workers)))
    with ProcessPoolExecutor(workers, context, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        return list(pool.map(function, items, chunksize=chunk))


def _die_with_parent(parent: int) -> None:
    """In a new worker: leave signals to the parent, and be ended when the process ``parent`` dies.

    A forked worker inherits the command's handlers (:mod:`edition.build.interrupts`), which
    would turn the ``SIGTERM`` of its parent's death into an exception it survives; it
    takes the default back (end at once), and ignores Ctrl-C, which the parent handles
    by shutting the pool down.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent = children.dying_with(parent, signal.SIGTERM)
    if die_with_parent is not None:
        die_with_parent()
