"""Measuring tools: a timed child process with its peak memory, file snapshots, sizes, the machine."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

GZIP_LEVEL = 6
"""The compression level web servers commonly use for gzip on the fly."""


@dataclass(frozen=True)
class Run:
    """One child process, run to its end."""

    seconds: float
    """Wall time from start to exit."""
    peak_bytes: int
    """The child's peak resident memory (its ``ru_maxrss``, with the descendants it waited for)."""
    returncode: int
    """Its exit status."""
    output: str
    """What it printed, stdout and stderr together."""
    cpu_seconds: float = 0.0
    """Its CPU time, user and system, with the descendants it waited for (its worker processes): steadier
    than wall time on a shared machine."""


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` in ``cwd``; its wall time and the peak memory of that child alone.

    ``os.wait4`` gives the resource usage of exactly the child it reaps, so each step
    is measured on its own, unlike ``getrusage(RUSAGE_CHILDREN)``, the maximum over
    every child so far. Every step starts with the disk caught up (``sync``): what the
    steps before it wrote (making a corpus writes thousands of files) is not flushed
    while it is timed.
    """
    os.sync()
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Run(seconds, usage.ru_maxrss * 1024, process.returncode, text, usage.ru_utime + usage.ru_stime)


Snapshot = dict[str, tuple[int, int, str]]
"""Files by path relative to the project: (mtime in ns, size, SHA-256)."""


def snapshot(project: Path, folders: list[str]) -> Snapshot:
    """Every file under ``folders`` of ``project``, as :data:`Snapshot` describes."""
    files: Snapshot = {}
    for folder in folders:
        for path in sorted((project / folder).rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                files[path.relative_to(project).as_posix()] = (
                    path.stat().st_mtime_ns,
                    len(data),
                    hashlib.sha256(data).hexdigest(),
                )
    return files


@dataclass(frozen=True)
class Changes:
    """What a step did to the files of a snapshot."""

    written: list[str]
    """Files created, removed, or whose bytes or modification time changed."""
    same_bytes: list[str]
    """Of :attr:`written`, the files written again with the bytes they had."""


def changes(before: Snapshot, after: Snapshot) -> Changes:
    """The files that differ between two snapshots."""
    written = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    same = [p for p in written if p in before and p in after and before[p][1:] == after[p][1:]]
    return Changes(written, same)


def machine() -> dict[str, str]:
    """The machine the figures come from: CPU, cores, memory, Python."""
    cpu = "unknown"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with Path("/proc/meminfo").open(encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    return {
        "cpu": cpu,
        "cores": str(len(os.sched_getaffinity(0))),
        "memory": memory,
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "system": f"{platform.system()} {platform.release()}",
    }


def load_average() -> str:
    """The load average over 1, 5 and 15 minutes: how busy the machine is with other work."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def publish(about: dict[str, str], table: str, results: list[Any], json_path: Path | None) -> None:
    """Print the machine (``about``, with the load average now) and the ``table``; write ``results`` as JSON
    to ``json_path`` when given."""
    about["load average at end (1, 5, 15 min)"] = load_average()
    print("\n".join(f"{key}: {value}" for key, value in about.items()))
    print()
    print(table)
    if json_path:
        data = {"machine": about, "results": [asdict(result) for result in results]}
        json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
