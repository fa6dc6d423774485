"""Watching the statement files while serving."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

QUIET_SECONDS = 0.3
"""How long the files must stay unchanged before rendering: editors save in bursts."""


class _Debounced(FileSystemEventHandler):
    """Calls ``action`` once a burst of changes to ``*.yaml`` files has settled."""

    def __init__(self, action: Callable[[], None]) -> None:
        self._action = action
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if event.event_type in ("opened", "closed_no_write") or not any(p.endswith(".yaml") for p in paths):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(QUIET_SECONDS, self._action)
            self._timer.daemon = True
            self._timer.start()


def watch_statements(folder: Path, action: Callable[[], None]) -> Callable[[], None]:
    """Run ``action`` after every change to a statement file in ``folder``; returns a stop function."""
    observer = Observer()
    observer.schedule(_Debounced(action), str(folder), recursive=False)
    observer.daemon = True
    observer.start()

    def stop() -> None:
        observer.stop()
        observer.join()

    return stop
