#!/usr/bin/env python3
"""The editor's loop: the time from saving a statement file to the reloaded page, under ``serve``.

    python benchmarks/reload.py PROJECT [--edits 3]

``PROJECT`` is a rendered project folder (a corpus of ``corpus.py``). The program
starts ``python build_site.py serve`` there on a free port of 127.0.0.1, waits until
it answers, then edits one statement's paragraph 1 heading ``--edits`` times. For each
edit it does what the browser's live-reload script does: it asks the server's
``/livereload/<epoch>/<id>`` for a newer version of the site (the request stalls until
there is one), then loads the statement's page again, until the page shows the new
heading. The time is from the end of the save to the end of that page load. What
``serve`` printed is kept in ``PROJECT/serve.log``.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from corpus import ROOT, statement_id, write_statement

START_SECONDS = 600
"""How long ``serve`` may take to render, build and answer (the first build of 1,000 statements is long)."""
EDIT_SECONDS = 300
"""How long one edit may take to show."""
LIVERELOAD = re.compile(rb"livereload\((\d+), (\d+)\)")
"""The call MkDocs' live-reload script ends with: the version (epoch) of the site the page shows."""


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, timeout: float) -> bytes | None:
    """The body of ``url``, or ``None`` if it does not answer 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()
            return body if response.status == 200 else None
    except OSError:
        return None


def epoch_of(page: bytes) -> int:
    """The version of the site a served page was built from."""
    found = LIVERELOAD.search(page)
    if found is None:
        raise RuntimeError("the served page has no live-reload script")
    return int(found[1])


def wait_for_reload(base: str, url: str, epoch: int, text: bytes) -> float:
    """Follow the live reload from ``epoch`` until the page at ``url`` holds ``text``; when it did."""
    deadline = time.monotonic() + EDIT_SECONDS
    while time.monotonic() < deadline:
        newer = fetch(f"{base}livereload/{epoch}/1", timeout=EDIT_SECONDS)
        if newer is None or int(newer) <= epoch:
            continue
        epoch = int(newer)
        page = fetch(url, timeout=EDIT_SECONDS)
        if page is not None and text in page:
            return time.perf_counter()
    raise RuntimeError(f"the page did not show the edit within {EDIT_SECONDS} s")


def save_to_reload(project: Path, number: int, edits: int) -> list[float]:
    """Seconds from saving each of ``edits`` edits of statement ``number`` to its reloaded page."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = f"{base}statements/{statement_id(number)}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(ROOT / "build_site.py"), "serve", "--port", str(port)]
    with (project / "serve.log").open("w+b") as log:
        process = subprocess.Popen(command, cwd=project, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
        try:
            deadline, page = time.monotonic() + START_SECONDS, None
            while page is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"serve did not answer:\n{log.read().decode(errors='replace')[-4000:]}")
                page = fetch(url, timeout=5)
                time.sleep(0.2)
            time.sleep(2)  # the server settles: its watchers have started
            seconds = []
            for edit in range(1, edits + 1):
                epoch = epoch_of(fetch(url, timeout=60) or b"")
                heading = f"Heading saved while serving, edit {edit} {time.time_ns()}"
                write_statement(project, number, heading=heading)
                saved = time.perf_counter()
                seconds.append(wait_for_reload(base, url, epoch, heading.encode()) - saved)
                time.sleep(1)
            return seconds
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main(argv: list[str] | None = None) -> int:
    """Measure the edits and print each time and their median."""
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("project", type=Path, help="a rendered corpus of synthetic statements")
    arguments.add_argument("--statement", type=int, default=1, help="the number of the statement to edit")
    arguments.add_argument("--edits", type=int, default=3, help="how many edits to time; default: 3")
    args = arguments.parse_args(argv)
    seconds = save_to_reload(args.project.resolve(), args.statement, args.edits)
    print(" ".join(f"{s:.2f}" for s in seconds), f"median {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
