"""``build_site.py serve``: the editor's loop.

The open page reloads after an edit to a statement, to its record of published
anchors (``erratum``), to a hand-written page or to ``mkdocs.yml``; it keeps the last
valid version after an invalid edit, and a later valid edit shows; renders never
overlap, so new statements and an edit made while they render both land.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from edition.build import lock
from tests.browser.conftest import first_search_result
from tests.conftest import ROOT, STATEMENT_ID

if TYPE_CHECKING:
    from playwright.sync_api import Page

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"
"""The statement to edit, relative to the project; also how problem lines name it."""
HEADING = "    heading: Terrorism\n"
"""Paragraph 3's heading: editorial, so changing it keeps the text valid."""
EDITED_HEADING = "Terrorism, edited while serving"
KIND = "        kind: condemn\n"
"""Commitment 3.1's kind, the only ``condemn`` in the file."""
SEARCH_INDEX_SECONDS = 30
"""How long the search index may take to find an edit after the page has reloaded."""
START_SECONDS = 60
"""How long ``serve`` may take to render, build and answer."""
RELOAD_MS = 30_000
"""How long the page may take to reload by itself after an edit."""
STOP_SECONDS = 15
"""How long ``serve`` may take to stop after SIGINT before it is killed."""


@dataclass
class Server:
    """A running ``build_site.py serve`` and where its output goes."""

    process: subprocess.Popen[bytes]
    url: str
    stderr_path: Path

    def stderr(self) -> str:
        """Everything the server has written to stderr so far."""
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 right now."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except urllib.error.HTTPError as error:
        error.close()
        return False
    except OSError:
        return False


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``serve`` as a user does (Ctrl-C), killing it if it does not stop in time."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[Server]:
    """``python build_site.py serve --port PORT`` in a fresh copy of the project, once it answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/statements/{STATEMENT_ID}/"
    stdout_path, stderr_path = tmp_path / "serve.stdout", tmp_path / "serve.stderr"
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "build_site.py"), "serve", "--port", str(port)],
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"},
        )
        try:
            running = Server(process, url, stderr_path)
            wait_until_answering(running)
            yield running
        finally:
            stop(process)


def searched_after_reload(page: Page, query: str) -> str | None:
    """Where search leads first for ``query``, reloading the page until it finds it (serve indexes after the
    reload: ``edition/build/watch.py``); ``None`` if it never does within :data:`SEARCH_INDEX_SECONDS`."""
    deadline = time.monotonic() + SEARCH_INDEX_SECONDS
    while True:
        found = first_search_result(page, query)
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(0.5)
        page.reload()


def wait_until_answering(server: Server) -> None:
    """Poll the statement's page until it answers; fail with the server's stderr if it never does."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"serve exited with status {server.process.returncode}:\n{server.stderr()}")
        if answers(server.url):
            return
        time.sleep(0.25)
    pytest.fail(f"serve did not answer {server.url} within {START_SECONDS} s:\n{server.stderr()}")


def wait_for_line(server: Server, line: str, seconds: float) -> None:
    """Wait until ``line`` is a whole line of the server's stderr."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if line in server.stderr().splitlines():
            return
        time.sleep(0.2)
    pytest.fail(f"serve did not print within {seconds} s the line\n{line}\nits stderr:\n{server.stderr()}")


def replace_once(path: Path, old: str, new: str) -> str:
    """Replace the single occurrence of ``old`` in ``path``; the new text."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not exactly once in {path}"
    text = text.replace(old, new)
    write(path, text)
    return text


def write(path: Path, text: str) -> None:
    """Save ``text`` over ``path`` in place, as an editor does."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(text)


def position(text: str, line_text: str, word: str) -> tuple[int, int]:
    """1-based line and column of ``word`` on the single line of ``text`` that is ``line_text``."""
    lines = text.splitlines(keepends=True)
    numbers = [number for number, line in enumerate(lines, start=1) if line == line_text]
    assert len(numbers) == 1, f"{line_text!r} is not exactly one line of the file"
    return numbers[0], lines[numbers[0] - 1].index(word) + 1


@pytest.mark.browser
def test_serve_reloads_the_page_after_an_edit_and_keeps_it_after_an_invalid_one(
    page: Page, server: Server, project: Path
) -> None:
    from playwright.sync_api import expect

    statement = project / STATEMENT_FILE
    page.goto(server.url)
    heading = page.locator("#para_3")
    expect(heading).to_contain_text("Terrorism")
    expect(heading).not_to_contain_text(EDITED_HEADING)
    page.evaluate("() => { window.beforeTheEdit = true }")  # gone once the page has reloaded
    assert first_search_result(page, EDITED_HEADING) is None, "search finds the new heading before it is written"

    replace_once(statement, HEADING, f"    heading: {EDITED_HEADING}\n")
    expect(heading).to_contain_text(EDITED_HEADING, timeout=RELOAD_MS)
    assert page.evaluate("() => window.beforeTheEdit === undefined"), "the new heading came without a reload"
    found = searched_after_reload(page, EDITED_HEADING)  # the index, made after the reload
    assert found is not None, f"search does not know the new heading {SEARCH_INDEX_SECONDS} s after the reload"
    assert (urlsplit(found).path, urlsplit(found).fragment) == (f"/statements/{STATEMENT_ID}/", "para_3"), found
    still = first_search_result(page, "condemn terrorism")
    assert still is not None and urlsplit(still).fragment == "para_3__cmt_1", "search lost the rest of the page"

    invalid = replace_once(statement, KIND, KIND.replace("condemn", "condemns"))
    line, column = position(invalid, KIND.replace("condemn", "condemns"), "condemns")
    problem = (
        f"{STATEMENT_FILE}:{line}:{column}: paragraph 3, sentence 1: "
        "'kind' must be a sentence kind, got 'condemns'; did you mean 'condemn'?"
    )
    wait_for_line(server, problem, RELOAD_MS / 1000)
    assert server.process.poll() is None, f"serve stopped after an invalid edit:\n{server.stderr()}"
    expect(heading).to_contain_text(EDITED_HEADING)
    assert answers(server.url), "the statement's page is gone after an invalid edit"
    page.reload()
    expect(heading).to_contain_text(EDITED_HEADING)


def test_serve_watches_nothing_that_a_render_writes(tmp_path: Path) -> None:
    """Events in the generated folders and editors' scratch files never ask for a render (no loop)."""
    from edition.build.watch import _Changes

    asked: list[Path] = []
    changes = _Changes(tmp_path, asked.append)
    watched = ["statements/a.yaml", "statements/anchors/a.json", "sources/a.txt", "docs/about.md", "docs/assets/x.css"]
    watched.append("mkdocs.yml")
    ignored = ["docs/statements/a/index.md", "docs/topics/x/index.md", "docs/.about.md.swp", ".cache/x", "site/x"]
    assert [changes._watched(tmp_path / path) for path in watched] == [True] * len(watched)
    assert [changes._watched(tmp_path / path) for path in ignored] == [False] * len(ignored)


def mark_page(page: Page) -> None:
    """Mark the page, so that :func:`assert_reloaded` can tell a reload from a change in place."""
    page.evaluate("() => { window.beforeTheEdit = true }")


def assert_reloaded(page: Page) -> None:
    """The page marked by :func:`mark_page` has been reloaded since."""
    assert page.evaluate("() => window.beforeTheEdit === undefined"), "the page changed without a reload"


@pytest.mark.browser
def test_serve_shows_an_erratum_recorded_only_in_the_anchor_record(page: Page, server: Server, project: Path) -> None:
    """``erratum`` changes only ``statements/anchors/<id>.json``: the page must show the correction."""
    from playwright.sync_api import expect

    statement = project / STATEMENT_FILE
    page.goto(server.url)
    sentence = page.locator("#para_3__cmt_1")
    text = sentence.inner_text()
    replace_once(statement, "We condemn", "We strongly condemn")  # refused until recorded as an erratum
    wait_for_line(server, "serve: the site keeps the last valid version", RELOAD_MS / 1000)
    mark_page(page)
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_site.py"), "erratum", STATEMENT_ID, "para_3__cmt_1", "--reason", "A test"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    expect(sentence).to_contain_text("We strongly condemn", timeout=RELOAD_MS)
    expect(page.locator("#corrections")).to_be_visible()
    assert_reloaded(page)
    assert text != sentence.inner_text()


@pytest.mark.browser
def test_serve_shows_a_change_to_a_hand_written_page(page: Page, server: Server, project: Path) -> None:
    from playwright.sync_api import expect

    about = project / "docs" / "about.md"
    page.goto(server.url.split("statements/")[0] + "about/")
    mark_page(page)
    write(about, about.read_text(encoding="utf-8") + "\nA paragraph added while serving.\n")
    expect(page.locator("article")).to_contain_text("A paragraph added while serving.", timeout=RELOAD_MS)
    assert_reloaded(page)


@pytest.mark.browser
def test_serve_renders_again_after_a_failed_render(page: Page, server: Server, project: Path) -> None:
    """An invalid edit leaves the page as it was, without a reload; the valid edit after it shows."""
    from playwright.sync_api import expect

    statement = project / STATEMENT_FILE
    page.goto(server.url)
    replace_once(statement, KIND, KIND.replace("condemn", "condemns"))
    wait_for_line(server, "serve: the site keeps the last valid version", RELOAD_MS / 1000)
    mark_page(page)
    replace_once(statement, KIND.replace("condemn", "condemns"), KIND)
    replace_once(statement, HEADING, f"    heading: {EDITED_HEADING}\n")
    expect(page.locator("#para_3")).to_contain_text(EDITED_HEADING, timeout=RELOAD_MS)
    assert_reloaded(page)


@pytest.mark.browser
def test_serve_ends_with_the_last_of_quick_edits_and_never_overlaps_renders(
    page: Page, server: Server, project: Path
) -> None:
    """New statements (staged by their render) then, during that render, an edit: both must land."""
    from playwright.sync_api import expect

    source = (project / STATEMENT_FILE).read_text(encoding="utf-8")
    page.goto(server.url)
    new = [f"2001-12-07-statement-copy-{number:02d}" for number in range(1, 41)]
    for statement_id in new:
        write(project / "statements" / f"{statement_id}.yaml", source)
    held = lock.path_of(project)  # held by serve's render of the new statements while it runs
    deadline = time.monotonic() + RELOAD_MS / 1000
    while not held.exists():
        assert time.monotonic() < deadline, f"the render of the new statements never started:\n{server.stderr()}"
        time.sleep(0.01)
    replace_once(project / STATEMENT_FILE, HEADING, f"    heading: {EDITED_HEADING}\n")
    assert held.exists(), "the edit must come while the render of the new statements runs"
    expect(page.locator("#para_3")).to_contain_text(EDITED_HEADING, timeout=RELOAD_MS)
    base = server.url.split("statements/")[0]
    deadline = time.monotonic() + RELOAD_MS / 1000
    while not all(answers(f"{base}statements/{statement_id}/") for statement_id in new):
        assert time.monotonic() < deadline, f"new statements' pages are missing:\n{server.stderr()}"
        time.sleep(0.5)
    assert server.process.poll() is None, server.stderr()
    assert "Traceback" not in server.stderr(), server.stderr()


@pytest.mark.browser
def test_serve_rebuilds_every_page_after_a_change_to_mkdocs_yml(page: Page, server: Server, project: Path) -> None:
    from playwright.sync_api import expect

    page.goto(server.url)
    mark_page(page)
    config = project / "mkdocs.yml"
    write(config, config.read_text(encoding="utf-8").replace("site_name: ", "site_name: Edited ", 1))
    expect(page.locator(".md-header__topic").first).to_contain_text("Edited Diplomatic", timeout=RELOAD_MS)
    assert_reloaded(page)
