"""Browser fixtures: Debian's Chromium driven by Playwright, and the built site on a local server.

The tests run against ``/usr/bin/chromium`` (Playwright's own browser download does
not work here). Without it, or without the ``playwright`` package, the browser tests
skip with the reason; under CI (``CI=true``) that is a failure instead
(CONTRIBUTING.md, "Set-up and the two commands").

Every page is opened in a fresh browser context that records each request it makes;
a request to any host other than 127.0.0.1 fails the test (CONTRIBUTING.md, "What a page may load").
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import copy_project, run_build_site, skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, WebSocket

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, the only browser the tests use."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Run as root in a container, with no GPU, and make no request of its own."""
LOCAL_HOST = "127.0.0.1"
"""The only host a page may send a request to."""
HOSTLESS_SCHEMES = frozenset({"data", "blob", "about"})
"""URLs that name no host and so never reach the network."""


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"Debian's chromium is not installed ({CHROMIUM} is missing): apt-get install chromium"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed: pip install -e '.[test]'"
    return None


def foreign_requests(urls: list[str]) -> list[str]:
    """The URLs in ``urls`` that go to a host other than 127.0.0.1."""
    foreign = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in HOSTLESS_SCHEMES:
            continue
        if parts.hostname != LOCAL_HOST:
            foreign.append(url)
    return foreign


REPORT_URL = "https://github.com/example/edition/issues/new"
"""The new-issue form the served site names for reports of errors (never opened by the tests)."""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, launched once for the session."""
    reason = browser_unavailable()
    if reason is not None:
        skip_or_fail(reason, "browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    """A static server that does not print a traceback when a browser drops a connection."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


@contextlib.contextmanager
def built_and_served(root: Path) -> Iterator[str]:
    """The project at ``root``, built for and served by a plain static file server on 127.0.0.1; its base URL.

    The port is chosen first and the site is built for that address (``SITE_URL``),
    as it is for its published address: Material's instant navigation follows only
    links whose origin matches the site's sitemap.
    """
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = _QuietServer((LOCAL_HOST, 0), handler)
    url = f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    result = run_build_site(root, "build", site_url=url, report_url=REPORT_URL)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"the site did not build:\n{result.stderr}")
    thread = threading.Thread(target=server.serve_forever, name="static-site-server", daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site, served on 127.0.0.1 (see :func:`built_and_served`); its base URL."""
    with built_and_served(copy_project(tmp_path_factory.mktemp("served") / "project", official_texts=True)) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context; afterwards, no request may have gone to another host."""
    urls: list[str] = []

    def record_request(request: Request) -> None:
        urls.append(request.url)

    def record_websocket(websocket: WebSocket) -> None:
        urls.append(websocket.url)

    context = browser.new_context()
    context.on("request", record_request)
    try:
        new_page = context.new_page()
        new_page.on("websocket", record_websocket)
        yield new_page
    finally:
        context.close()
    assert urls, "the page made no request at all: the recording of requests is broken"
    foreign = foreign_requests(urls)
    assert not foreign, f"requests to a host other than {LOCAL_HOST}:\n" + "\n".join(foreign)


FIRST_RESULT = """async query => {
    const search = window.editionSearch;
    const found = await search.find(query, {});
    return found && found.count ? search.landing(await found.pages[0], query).url : null;
}"""
"""Where the search box leads its first result for a query (``docs/assets/search.js``), or null."""


def first_search_result(page: Page, query: str) -> str | None:
    """The address the site's search leads to first for ``query`` on the open page, or ``None``: no result."""
    url: str | None = page.evaluate(FIRST_RESULT, query)
    return url


@pytest.fixture
def page_errors(page: Page) -> Iterator[list[str]]:
    """The script errors and console errors of ``page``, collected while the test runs; none may be left at its end."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text}")

    page.on("pageerror", lambda error: errors.append(f"page: {error}"))
    page.on("console", on_console)
    yield errors
    assert errors == []
