#!/usr/bin/env python3
"""Benchmark the fast lane of the tests: its wall time, its CPU time and its slowest tests.

    python benchmarks/lane.py [--repeat N] [--slowest N] [--marks EXPRESSION] [--checkout PATH]

Runs ``python -m pytest -m "not browser and not build" -q -p no:cacheprovider``
(CONTRIBUTING.md, "The fast lane") ``--repeat`` times in a child process of its own,
from the checkout. For each run it prints the wall time, the CPU time (user + system)
of pytest and of every program it ran, and the load average of the machine just
before: on a shared machine the wall time follows the load, the CPU time much less.
Then the medians, and the ``--slowest`` tests of the median run (setup, call and
teardown together, from pytest's JUnit XML). ``--marks`` times another lane, e.g.
``build``; ``--checkout`` runs the tests of another checkout (a worktree of an
older commit, to compare). Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout whose tests are run by default."""
FAST_LANE = "not browser and not build"
"""The marker expression of the fast lane."""


@dataclass(frozen=True)
class LaneRun:
    """One run of a lane."""

    wall_s: float
    """From start to exit."""
    cpu_s: float
    """User and system time of pytest and of the programs it ran and waited for."""
    load: float
    """The load average over the last minute, just before the run."""
    outcome: str
    """pytest's last line: how many tests passed, failed, were deselected."""
    durations: list[tuple[float, str]]
    """Each test's time and id, slowest first."""


def run_lane(marks: str, checkout: Path) -> LaneRun:
    """Run the lane of ``marks`` of ``checkout`` once, in a child process; its figures."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "junit.xml"
        command = [sys.executable, "-m", "pytest", "-m", marks, "-q", "-p", "no:cacheprovider", f"--junitxml={report}"]
        environment = {**os.environ, "PYTHONPATH": str(checkout)}
        load = os.getloadavg()[0]
        with tempfile.TemporaryFile() as output:  # a file, not a pipe: a program a test left running cannot hold it
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=checkout, env=environment, stdout=output)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            output.seek(0)
            stdout = output.read().decode("utf-8", errors="replace")
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"the lane failed:\n{stdout}")
        durations = sorted(
            (
                (float(case.get("time", "0")), f"{case.get('classname')}::{case.get('name')}")
                for case in ET.parse(report).iter("testcase")
            ),
            reverse=True,
        )
    outcome = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    return LaneRun(wall, usage.ru_utime + usage.ru_stime, load, outcome, durations)


def report(runs: list[LaneRun], slowest: int) -> str:
    """The figures of every run, their medians, and the slowest tests of the median run."""
    lines = ["| run | wall (s) | CPU (s) | load before |", "|---|---|---|---|"]
    lines += [f"| {n} | {r.wall_s:.1f} | {r.cpu_s:.1f} | {r.load:.2f} |" for n, r in enumerate(runs, start=1)]
    walls = [r.wall_s for r in runs]
    median_wall = statistics.median(walls)
    lines.append(f"| median | {median_wall:.1f} | {statistics.median(r.cpu_s for r in runs):.1f} | |")
    median_run = min(runs, key=lambda r: abs(r.wall_s - median_wall))
    lines += ["", median_run.outcome, "", f"The {slowest} slowest tests of the median run (s):", ""]
    lines += [f"    {seconds:6.2f}  {name}" for seconds, name in median_run.durations[:slowest]]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    """The benchmark's options."""
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--repeat", type=int, default=3, help="runs of the lane; the medians are shown; default 3")
    options.add_argument("--slowest", type=int, default=15, help="how many of the slowest tests to list; default 15")
    options.add_argument("--marks", default=FAST_LANE, help=f"the lane's marker expression; default {FAST_LANE!r}")
    options.add_argument("--checkout", type=Path, default=ROOT, help="the checkout whose tests run; default this one")
    return options


def main(argv: list[str] | None = None) -> int:
    """Run the lane, then print its figures."""
    args = parser().parse_args(argv)
    runs = []
    for number in range(1, args.repeat + 1):
        runs.append(run_lane(args.marks, args.checkout.resolve()))
        print(f"run {number}: {runs[-1].wall_s:.1f} s, CPU {runs[-1].cpu_s:.1f} s", file=sys.stderr)
    print(report(runs, args.slowest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
