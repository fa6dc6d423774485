"""The built site served on 127.0.0.1 as GitHub Pages serves it: gzipped where a web server compresses.

The server counts the bytes of every response it sends (``sent``: path and size), so
that a benchmark can tell what a page or a search downloaded. ``engines.py`` (search)
and ``lighthouse.py`` (the first paint) serve the site with it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from measure import GZIP_LEVEL

COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})
"""What the benchmark's server sends gzipped, as web servers do; Pagefind's chunks are gzipped already."""
CACHE_CONTROL = "max-age=600"
"""What GitHub Pages says of every file it serves: the browser may keep it ten minutes."""


class _CountingWriter:
    """A response stream that counts the bytes that go through it."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return int(self._raw.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@functools.lru_cache(maxsize=4096)
def gzipped(path: Path) -> bytes:
    """The file at ``path`` as the server sends it to a browser that accepts gzip."""
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site, gzipping what web servers compress, and records the bytes of each response in ``sent``."""

    sent: list[tuple[str, int]]

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def do_GET(self) -> None:
        writer: _CountingWriter = self.wfile  # type: ignore[assignment]
        before = writer.count
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzipped(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().do_GET()
        self.sent.append((unquote(urlsplit(self.path).path), writer.count - before))


class Server(ThreadingHTTPServer):
    """A static server that does not print a traceback when a browser drops a connection."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def bound_server(site: Path, sent: list[tuple[str, int]]) -> Server:
    """A server for ``site`` on a free port of 127.0.0.1, not yet serving, that records what it sends in ``sent``."""
    handler = type("Handler", (_Handler,), {"sent": sent})
    return Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))


@contextlib.contextmanager
def serving(server: Server) -> Iterator[str]:
    """``server`` serving in a thread until the block ends; its base URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
