"""The editor's loop: watching a project while serving it, rendering and rebuilding only what changed.

``serve`` watches the statement files and their records of published anchors
(``statements/``, ``statements/anchors/``), the official texts they are checked
against (``sources/``), the hand-written pages under ``docs/``
(never the folders a render writes, :data:`edition.build.output.OWNED`: that would loop),
the theme's overrides and ``mkdocs.yml``. After a change, one build thread renders
(under :func:`render_lock`), then has MkDocs rebuild only the pages whose files
changed since its last build (its "dirty" build; a render writes only files whose
bytes change), then reloads the browsers. Changes that come during a build make one
more build when it ends: two renders never overlap, and a render that failed
(problems printed, the site kept, the browsers not reloaded unless a hand-written
page changed) is followed by a new one at the next change.

MkDocs rebuilds every page when ``mkdocs.yml`` or the theme's overrides changed,
or when a render removed files (a removed page must leave the site). Every build,
dirty or whole, ends with the search plugin (``edition/build/searchindex.py``): Pagefind indexes
the site folder again, which always holds every page. After the first build the
browsers do not wait for it: the plugin hands the indexing to :class:`_Later`, which
runs it in a thread of its own, the last one asked for, one at a time; search finds
an edit a moment after the page has reloaded.

What the builds of one ``serve`` repeat needlessly is done once: the render keeps
what it read of each statement (:meth:`edition.build.project.Project.rendered_again`),
and the theme's templates, compiled by the first build, serve every dirty build after
it (:class:`_Templates`, through MkDocs' ``on_env`` event) until a whole build.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from edition import folders
from edition.build import searchindex, settings
from edition.build.output import OWNED
from edition.problems import CommandError

RENDERED_FROM = (folders.STATEMENTS.as_posix(), folders.SOURCES.as_posix())
"""The folders a render reads: the statements and their records, and the official texts they are checked against."""
WATCHED_FOLDERS = (*RENDERED_FROM, folders.OVERRIDES.as_posix())
"""The folders watched whole: those a render reads, and the theme's overrides (besides ``mkdocs.yml`` and the
hand-written pages of ``docs/``)."""
BUILD_DELAY_SECONDS = 0.15
"""How long the files must stay unchanged before a build starts: editors save in bursts."""

_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


@contextlib.contextmanager
def _in_process_lock(root: Path) -> Iterator[None]:
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(root.resolve(), threading.Lock())
    with lock:
        yield


render_lock: Callable[[Path], AbstractContextManager[None]] = _in_process_lock
"""Serialises the renders that ``serve`` runs in this process (``edition.build.commands.serve`` and ``rerender``).

Each of those renders also takes the project's lock (:mod:`edition.build.lock`, through
:func:`edition.build.commands.render`), which keeps out a ``render``, ``build``,
``erratum`` or ``retire`` run in another terminal, and makes this render wait for one.
"""


SERVED_SITE = "serve-"
"""How the folder of the site that ``serve`` builds is named in the cache folder: this, then the process id."""


def site_folder(root: Path) -> Path:
    """A new, empty folder for the site that this process serves, in the project's cache folder.

    ``serve`` deletes it when it ends, however it is stopped but by ``SIGKILL``; the folders
    that killed ones left (their process gone) are deleted here first.
    """
    cache = root / folders.CACHE
    for old in cache.glob(f"{SERVED_SITE}*"):
        pid = old.name.removeprefix(SERVED_SITE)
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)  # never follows a link: it refuses to remove one
    folder = cache / f"{SERVED_SITE}{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs (it may be another program that took a dead one's number)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        pass
    return True


def port_fault(port: int) -> str | None:
    """Why ``serve`` cannot listen on ``port`` of 127.0.0.1 (in use, not allowed), or ``None``: tried at once."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as trial:
        trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            trial.bind(("127.0.0.1", port))
        except OSError as error:
            return f"cannot serve on 127.0.0.1:{port}: {error.strerror}; choose another port with --port"
        except OverflowError:
            return f"cannot serve on 127.0.0.1:{port}: a port is a number from 0 to 65535"
    return None


class _Later:
    """Runs the last job asked for, in a thread of its own, one job at a time; jobs asked for meanwhile
    give way to the last of them. A job that fails is logged."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: Callable[[], None] | None = None
        self._running = False

    def ask(self, job: Callable[[], None]) -> None:
        """Run ``job`` after the one running now, instead of any other waiting."""
        with self._lock:
            self._next = job
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._work, name="search-index", daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._running = False
                    return
            try:
                job()
            except Exception as error:  # the next build tries again; serve goes on
                logging.getLogger("mkdocs").error("%s", error)


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave links stale: the lists are rendered again
    by ``render``, and the warning would fail a ``strict`` build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _Templates(BasePlugin):  # type: ignore[type-arg,no-untyped-call]  # MkDocs defines it untyped
    """Added to every build of ``serve``: the theme's Jinja environment of the last whole build, its templates
    compiled once, is the one every dirty build renders with (MkDocs makes and compiles a new one each build).

    A whole build (the configuration or the theme's overrides changed) keeps its own.
    """

    NAME = "edition-serve-templates"
    """Its name among the configuration's plugins."""

    def __init__(self) -> None:
        self.environment: Any = None
        """The environment of the last whole build; ``None`` before the first."""
        self.whole = True
        """Whether the next build is a whole one, which keeps its own environment."""

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        """The last whole build's environment, or, in a whole build, this one (kept for the next builds)."""
        if self.whole or self.environment is None:
            self.environment = env
        return self.environment


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, with a build asked for by the project's own watcher."""

    def request_build(self) -> None:
        """Build (render, then MkDocs) once the changes have settled, or again after the current build."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def keep_version(self) -> None:
        """Within a build: nothing was built, so the browsers keep their pages (no reload)."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch


class _Changes(FileSystemEventHandler):
    """Asks for a build after a change to a watched file; ignores what a render writes."""

    def __init__(self, root: Path, ask: Callable[[Path], None]) -> None:
        self._root = root
        self._ask = ask

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "") or ""):
            path = Path(os.fsdecode(raw)) if raw else None
            if path is not None and self._watched(path):
                self._ask(path)
                return

    def _watched(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self._root).parts
        except ValueError:
            return False
        if not parts or any(part.startswith(".") or part.endswith("~") for part in parts):
            return False  # hidden folders and editors' scratch files
        if parts[0] == folders.DOCS.name:
            return len(parts) > 1 and parts[1] not in OWNED
        return parts[0] in WATCHED_FOLDERS or parts == (settings.CONFIG,)


class EditorsLoop:
    """Serves the project with live reload: renders and rebuilds after every change (see the module)."""

    def __init__(self, root: Path, config_file: Path, port: int, rerender: Callable[[], tuple[bool, bool]]) -> None:
        """``rerender`` renders and prints what it did: whether it succeeded, and whether it removed files."""
        self._root = root.resolve()
        self._config_file = config_file.resolve()
        self._rerender = rerender
        self._site_dir = site_folder(self._root)
        self._url = f"http://127.0.0.1:{port}/"
        self._theme: dict[str, int] | None = None
        self._templates = _Templates()
        self._search_index = _Later()
        self._rendering = False
        self._during: list[Path] = []
        self._pages_changed = False
        """Whether a hand-written page, the overrides or ``mkdocs.yml`` changed since the last build."""
        self._guard = threading.Lock()
        try:
            self._server = _Server(builder=self._build, host="127.0.0.1", port=port, root=str(self._site_dir))
        except OSError as error:  # taken since the port was tried
            shutil.rmtree(self._site_dir, ignore_errors=True)
            raise CommandError(f"cannot serve on 127.0.0.1:{port}: {error.strerror}") from None
        self._server.build_delay = BUILD_DELAY_SECONDS
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())

    def run(self) -> None:
        """Build the whole site, then serve it until interrupted."""
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        observer = Observer()
        observer.daemon = True
        try:
            self._mkdocs(config, whole=True, first=True)
            self._server.error_handler = self._error_page
            self._server.watch(str(self._config_file))  # also turns on the reload script in every page
            handler = _Changes(self._root, self._changed)
            for folder in WATCHED_FOLDERS:
                if (self._root / folder).is_dir():
                    observer.schedule(handler, str(self._root / folder), recursive=True)
            observer.schedule(handler, str(self._root), recursive=False)  # mkdocs.yml
            docs = self._root / folders.DOCS
            observer.schedule(handler, str(docs), recursive=False)
            for child in sorted(docs.iterdir()):
                if child.is_dir() and child.name not in OWNED and not child.name.startswith("."):
                    observer.schedule(handler, str(child), recursive=True)
            observer.start()
            try:
                self._server.serve()  # type: ignore[no-untyped-call]
            except (
                KeyboardInterrupt
            ):  # Ctrl-C, or another signal (edition.build.interrupts): the caller says how it ended
                logging.getLogger("mkdocs").info("Shutting down...")
                raise
            finally:
                self._server.shutdown()
        finally:
            if observer.is_alive():
                observer.stop()
                observer.join()
            config.plugins.on_shutdown()
            shutil.rmtree(self._site_dir, ignore_errors=True)

    def _changed(self, path: Path) -> None:
        with self._guard:
            if self._rendering:  # decided when the render ends: it writes records itself
                self._during.append(path)
                return
            rendered_from = any(path.is_relative_to(self._root / folder) for folder in RENDERED_FROM)
            self._pages_changed = self._pages_changed or not rendered_from
        self._server.request_build()

    def _build(self, config: Any = None) -> None:
        """One build of the live-reload server's thread: render, then MkDocs. Never two at once."""
        with self._guard:
            self._rendering = True
            pages_changed, self._pages_changed = self._pages_changed, False
        try:
            rendered, removed = self._rerender()
        finally:
            with self._guard:
                self._rendering = False
                during, self._during = self._during, []
        records = self._root / folders.RECORDS
        if any(path.parent != records for path in during):
            self._server.request_build()  # an edit came during the render: render again after this build
        theme = self._theme_state()
        whole = removed or theme != self._theme
        if not rendered and not whole and not pages_changed:
            self._server.keep_version()  # nothing to show: the browsers keep their pages
            return
        self._mkdocs(self._config(), whole=whole)

    def _mkdocs(self, config: Any, whole: bool, first: bool = False) -> None:
        """Build; the search index after the build, except for the first build, later (:class:`_Later`)."""
        self._theme = self._theme_state()
        if whole:
            logging.getLogger("mkdocs").info("Building documentation...")
        if not first:
            config.extra[searchindex.LATER] = self._search_index.ask
        self._templates.whole = whole
        mkdocs_build(config, serve_url=self._url, dirty=not whole)

    def _config(self) -> Any:
        config = load_config(config_file=str(self._config_file), site_dir=str(self._site_dir))
        config.site_url = self._url
        config.plugins[_Templates.NAME] = self._templates
        return config

    def _theme_state(self) -> dict[str, int]:
        """What makes every page change: the configuration and the theme's overrides, by modification time."""
        paths = [self._config_file, *sorted((self._root / "overrides").rglob("*"))]
        return {str(path): path.stat().st_mtime_ns for path in paths if path.is_file()}

    def _error_page(self, code: int) -> bytes | None:
        page = self._site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None
