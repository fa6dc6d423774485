"""Work on many statements at once, on every core, when there are enough to be worth it."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

THRESHOLD = 64
"""Below this many items, starting worker processes costs more than it saves."""


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[function(item) for item in items]``, in order; spread over the cores for long lists.

    ``function`` must be defined at module level (it is sent to worker processes).
    """
    workers = os.cpu_count() or 1
    if len(items) < THRESHOLD or workers < 2:
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, items, chunksize=max(1, len(items) // (4 * workers))))
