#!/usr/bin/env python3
"""The editor's loop: the time from saving a statement file to the reloaded page, under ``serve``.

    python benchmarks/reload.py PROJECT [--edits 3] [--statement N] [--builds N]

``PROJECT`` is a rendered project folder (a corpus of ``corpus.py``). The program
starts ``python build_site.py serve`` there on a free port of 127.0.0.1, waits until
it answers, then edits one statement's paragraph 1 heading ``--edits`` times. For each
edit it does what the browser's live-reload script does: it asks the server's
``/livereload/<epoch>/<id>`` for a newer version of the site (the request stalls until
there is one), then loads the statement's page again, until the page shows the new
heading. The time is from the end of the save to the end of that page load. Before
the next edit it waits for the search index of this one (made after the reload), so
that each save finds the server idle, as an editor's next save does.

Each edit's time is broken down from what ``serve`` printed (kept in
``PROJECT/serve.log``): its render (``serve: rendered ... in X s``), MkDocs' dirty
build (``Documentation built in X seconds``), and the rest: the wait for the burst of
changes to settle, loading the configuration, and the reload and the page's load.
Beside it, the processor time ``serve`` spent from the save to the reload (its own and
its worker processes', user and system): steadier than wall times on a busy machine.

With ``--builds N``, the program then times ``N`` full builds of the same corpus
(``python -m mkdocs build --strict``, Pagefind included, into a scratch folder) and
prints the loop's median as a share of the builds' median, both measured in this run.
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
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from corpus import ROOT, statement_id, write_statement
from measure import load_average

from edition.build.searchindex import INDEXED

START_SECONDS = 600
"""How long ``serve`` may take to render, build and answer (the first build of 1,000 statements is long)."""
EDIT_SECONDS = 300
"""How long one edit may take to show."""
LIVERELOAD = re.compile(rb"livereload\((\d+), (\d+)\)")
"""The call MkDocs' live-reload script ends with: the version (epoch) of the site the page shows."""
RENDERED = re.compile(r"^serve: rendered .* in ([0-9.]+) s$", re.MULTILINE)
"""The line ``serve`` prints after each render, with its time."""
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
"""The line MkDocs logs after each build, with its time (Pagefind's index is made after, in a thread)."""


@dataclass(frozen=True)
class Edit:
    """One save, timed to the reloaded page, and its parts as ``serve`` printed them."""

    seconds: float
    """From the end of the save to the end of the reloaded page's load."""
    render_s: float
    """The render of the save, in the serving process."""
    mkdocs_s: float
    """MkDocs' build that followed it (dirty, unless the render removed files)."""
    cpu_s: float
    """The processor time of ``serve`` and its worker processes from the save to the reload."""

    @property
    def rest_s(self) -> float:
        """The rest: the settle wait, loading the configuration, the reload and the page's load."""
        return self.seconds - self.render_s - self.mkdocs_s


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


def cpu_seconds(pid: int) -> float:
    """The processor time of process ``pid`` and of the children it has waited for, user and system."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_for_index(log: Path, start: int) -> str:
    """What ``serve`` printed from ``start`` (an offset in ``log``) until the search index was made again."""
    deadline = time.monotonic() + EDIT_SECONDS
    while time.monotonic() < deadline:
        printed = log.read_bytes()[start:].decode(errors="replace")
        if INDEXED in printed:
            return printed
        time.sleep(0.1)
    raise RuntimeError(f"serve did not index the site within {EDIT_SECONDS} s of an edit")


def timed_edits(project: Path, number: int, edits: int) -> list[Edit]:
    """Each of ``edits`` edits of statement ``number``, timed from the save to its reloaded page."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    url = f"{base}statements/{statement_id(number)}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(ROOT / "build_site.py"), "serve", "--port", str(port)]
    log_path = project / "serve.log"
    with log_path.open("w+b") as log:
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
            timed = []
            for edit in range(1, edits + 1):
                epoch = epoch_of(fetch(url, timeout=60) or b"")
                heading = f"Heading saved while serving, edit {edit} {time.time_ns()}"
                start = log_path.stat().st_size
                cpu = cpu_seconds(process.pid)
                write_statement(project, number, heading=heading)
                saved = time.perf_counter()
                seconds = wait_for_reload(base, url, epoch, heading.encode()) - saved
                cpu = cpu_seconds(process.pid) - cpu
                printed = wait_for_index(log_path, start)
                render_s = sum(float(found) for found in RENDERED.findall(printed))
                mkdocs_s = sum(float(found) for found in BUILT.findall(printed))
                timed.append(Edit(seconds, render_s, mkdocs_s, cpu))
                time.sleep(1)
            return timed
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def save_to_reload(project: Path, number: int, edits: int) -> list[float]:
    """Seconds from saving each of ``edits`` edits of statement ``number`` to its reloaded page."""
    return [edit.seconds for edit in timed_edits(project, number, edits)]


def full_build(project: Path) -> tuple[float, float]:
    """``mkdocs build --strict`` of ``project`` into a scratch folder: its wall time and processor time (with
    Pagefind's), in seconds."""
    with tempfile.TemporaryDirectory(prefix="reload-build-", dir=project) as site:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", site]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"mkdocs build failed in {project}")
    return seconds, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Measure the edits and print each one's time and parts, their medians, and the share of a full build."""
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("project", type=Path, help="a rendered corpus of synthetic statements")
    arguments.add_argument("--statement", type=int, default=1, help="the number of the statement to edit")
    arguments.add_argument("--edits", type=int, default=3, help="how many edits to time; default: 3")
    arguments.add_argument("--builds", type=int, default=0, help="full builds to time after the edits; default: 0")
    args = arguments.parse_args(argv)
    project = args.project.resolve()
    print(f"load average before: {load_average()}")
    edits = timed_edits(project, args.statement, args.edits)
    print("edit  save to reload  render  MkDocs  rest  serve's CPU")
    for number, edit in enumerate(edits, start=1):
        row = (edit.seconds, edit.render_s, edit.mkdocs_s, edit.rest_s, edit.cpu_s)
        print(f"{number:>4}  " + "  ".join(f"{value:.2f}" for value in row))
    median = statistics.median(edit.seconds for edit in edits)
    render_s = statistics.median(edit.render_s for edit in edits)
    mkdocs_s = statistics.median(edit.mkdocs_s for edit in edits)
    rest_s = statistics.median(edit.rest_s for edit in edits)
    cpu_s = statistics.median(edit.cpu_s for edit in edits)
    print(f"median {median:.2f} s (render {render_s:.2f}, MkDocs {mkdocs_s:.2f}, rest {rest_s:.2f}; CPU {cpu_s:.2f} s)")
    if args.builds:
        builds = [full_build(project) for _ in range(args.builds)]
        build_s = statistics.median(seconds for seconds, _ in builds)
        build_cpu = statistics.median(cpu for _, cpu in builds)
        runs = ", ".join(f"{seconds:.1f}" for seconds, _ in builds)
        print(f"full build {build_s:.1f} s ({runs}; CPU {build_cpu:.1f} s): save to reload is {median / build_s:.1%}")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
