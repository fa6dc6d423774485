"""A command stopped by a signal fails, says so in one line, and leaves nothing behind.

CONTRIBUTING.md, "Interrupted": 130 after Ctrl-C (``SIGINT``), 143 after ``SIGTERM``,
so that ``build && deploy`` stops; no temporary file, no lock, no MkDocs or Pagefind
still running; ``serve`` deletes the site it built, and ends with 0 after Ctrl-C, its
normal end. Each signal is sent once the command is seen doing the work it interrupts
(holding the lock, running MkDocs, answering), never after a guessed delay.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.build import lock
from tests.conftest import ROOT, STATEMENT_ID
from tests.test_crash import strays
from tests.test_scale import add_statements

WAIT_SECONDS = 120
"""How long a command may take to reach the point where the test interrupts it, or to end after the signal."""


def start(project: Path, *args: str, environment: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``build_site.py ARGS`` started in ``project``, its output captured."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build_site.py"), *args],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})},
    )


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], what: str) -> None:
    """Poll ``condition`` until it holds; fail, with the command's output, if the command ends first."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            out, err = process.communicate()
            pytest.fail(f"never saw {what}; the command ended with {process.returncode}:\n{out}\n{err}")
        time.sleep(0.01)


def processes_naming(text: str) -> list[int]:
    """The processes whose command line holds ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if text in command:
                found.append(int(entry.name))
    return found


def ended(process: subprocess.Popen[str]) -> tuple[int, str]:
    """The exit status and standard error of ``process``, once it ends."""
    _, err = process.communicate(timeout=WAIT_SECONDS)
    return process.returncode, err


@pytest.fixture
def corpus(project: Path) -> Path:
    """A copy of the project with enough statements that a render takes a while."""
    add_statements(project, 40)
    return project


@pytest.mark.build
@pytest.mark.parametrize(("sent", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_render_fails_and_leaves_nothing(corpus: Path, sent: signal.Signals, status: int) -> None:
    process = start(corpus, "render")
    wait_for(lock.path_of(corpus).exists, process, "the render take the lock")
    process.send_signal(sent)
    assert ended(process) == (status, f"build_site.py: interrupted by {sent.name}\n")
    assert strays(corpus) == []


@pytest.mark.build
def test_an_interrupted_build_fails_and_ends_mkdocs_with_it(corpus: Path) -> None:
    site = str(corpus / "site")  # MkDocs is given its absolute path
    process = start(corpus, "build")
    wait_for(lambda: bool(processes_naming(site)), process, "MkDocs start")
    process.send_signal(signal.SIGTERM)
    status, err = ended(process)
    assert (status, err.splitlines()[-1]) == (143, "build_site.py: interrupted by SIGTERM")  # after MkDocs' lines
    assert processes_naming(site) == []
    assert strays(corpus) == []


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.mark.build
@pytest.mark.parametrize(("sent", "status"), [(signal.SIGINT, 0), (signal.SIGTERM, 143)])
def test_serve_deletes_the_site_it_built_when_stopped(
    project: Path, tmp_path: Path, sent: signal.Signals, status: int
) -> None:
    from tests.browser.test_serve import free_port

    temporary = tmp_path / "temporary"
    temporary.mkdir()
    port = free_port()
    process = start(project, "serve", "--port", str(port), environment={"TMPDIR": str(temporary)})
    url = f"http://127.0.0.1:{port}/statements/{STATEMENT_ID}/"
    wait_for(lambda: answers(url), process, "serve answer")
    process.send_signal(sent)
    code, err = ended(process)
    last = "INFO    -  Shutting down..." if sent == signal.SIGINT else "build_site.py: interrupted by SIGTERM"
    assert (code, err.splitlines()[-1]) == (status, last)
    assert sorted(temporary.iterdir()) == []
    assert sorted((project / ".cache" / "edition").iterdir()) == [project / ".cache" / "edition" / "render-state.json"]
