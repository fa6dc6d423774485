"""Work on many items at once, on every core, when there are enough to be worth it."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

THRESHOLD = 64
"""Below this many items, starting worker processes costs more than it saves."""
CHUNK = 8
"""The most items a worker takes at a time: small enough that no core idles long at the end."""

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items of the running :func:`parallel_map`, inherited by its forked workers."""


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[function(item) for item in items]``, in order; spread over the cores for long lists.

    The workers are forked, so they inherit ``function`` and ``items`` as they are
    in memory: only item numbers go to them, and only the results come back
    (pickled). The cyclic garbage collector is off while they work, in them and here:
    ``function`` and its results must not hold reference cycles (reference counting
    then frees everything). With it on, a twentieth of the workers' time went to
    walking the objects they inherit.
    """
    global _work
    workers = os.cpu_count() or 1
    if len(items) < THRESHOLD or workers < 2:
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    _work = (function, items)
    collecting = gc.isenabled()
    gc.disable()  # the workers are forked with it off
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunk = max(1, min(CHUNK, len(items) // (4 * workers)))
            return [result for part in pool.map(_run, _chunks(len(items), chunk)) for result in part]
    finally:
        _work = None
        if collecting:
            gc.enable()


def _chunks(count: int, size: int) -> list[range]:
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _run(numbers: range) -> list[Any]:
    """In a worker: the results for the items numbered ``numbers``."""
    assert _work is not None, "parallel_map's work is inherited by forking"
    function, items = _work
    return [function(items[number]) for number in numbers]
