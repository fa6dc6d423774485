#!/usr/bin/env python3
"""Benchmark the inputs whose render once took time that grew faster than the input.

    python benchmarks/growth.py [--cases NAME ...] [--repeat N] [--json PATH] [--workdir DIR]

Each case is the real statement changed in one way, in a project of its own (the
real configuration and hand-written pages, no other statement):

* ``mentions-N``: its first sentence refers to the NATO-Russia Founding Act (whose
  names it does not hold) and to a document "Annex", which it mentions N times at
  its end ("§ § § ..."): 1,000, 3,000 and 9,000 times (9,000 is about as many as a
  sentence of at most 20,000 characters holds);
* ``mentions-9000x4``: its first four sentences each do so, 9,000 times (the second
  also names the Founding Act, as the real one does);
* ``paragraphs-300``: 300 paragraphs, the real statement's four in turn,
  numbered 1 to 300;
* ``paragraphs-300-9999``: the same, with "9999" in the title.

For each case, ``python build_site.py check`` and ``render`` run in child processes
of their own (``measure.py``: wall time, peak resident memory). Each render is the
first of a fresh copy of the project, which writes every page and records every
anchor; ``--repeat`` renders, the median shown. Not part of the test run.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from corpus import ROOT, SCHEMA_LINE, SOURCE, _Dumper, make_project
from measure import Run, load_average, machine, publish, run

ANNEX: dict[str, Any] = {
    "id": "annex",
    "title": "Annex",
    "date": datetime.date(2001, 12, 7),
    "url": "https://example.org/annex",
    "mentions": ["§"],
}
"""The document that the sentences of the ``mentions`` cases mention, by a name the real text never uses."""
FOUNDING_ACT = "founding-act"
"""The id of a document of the real statement, which its sentences 1.2 and 2.3 mention."""
MIB = 1024 * 1024

Edit = Callable[[dict[str, Any]], dict[str, Any]]
"""A change to the real statement's data, which returns the changed data."""


def with_mentions(sentences: int, mentions: int) -> Edit:
    """The first ``sentences`` sentences each followed by ``mentions`` mentions of :data:`ANNEX`.

    Each then refers to the Founding Act too, as a sentence may refer to several
    documents; of the first four, only sentence 1.2 names it.
    """

    def edit(data: dict[str, Any]) -> dict[str, Any]:
        data["documents"].append(dict(ANNEX))
        commitments = [c for paragraph in data["paragraphs"] for c in paragraph["commitments"]]
        for commitment in commitments[:sentences]:
            commitment["text"] += " " + " ".join([ANNEX["mentions"][0]] * mentions)
            references = [*(commitment.get("references") or []), FOUNDING_ACT, ANNEX["id"]]
            commitment["references"] = list(dict.fromkeys(references))
        return data

    return edit


def with_paragraphs(count: int, title: str | None = None) -> Edit:
    """``count`` paragraphs, the real ones in turn, numbered 1, 2, ...; the title replaced if ``title`` is given."""

    def edit(data: dict[str, Any]) -> dict[str, Any]:
        real = data["paragraphs"]
        data["paragraphs"] = [{**real[index % len(real)], "number": index + 1} for index in range(count)]
        if title is not None:
            data["title"] = title
        return data

    return edit


CASES: dict[str, Edit] = {
    "mentions-1000": with_mentions(1, 1000),
    "mentions-3000": with_mentions(1, 3000),
    "mentions-9000": with_mentions(1, 9000),
    "mentions-9000x4": with_mentions(4, 9000),
    "paragraphs-300": with_paragraphs(300),
    "paragraphs-300-9999": with_paragraphs(300, "NATO-Russia Joint Statement 9999"),
}
"""Every case by name, in the order they are measured."""


@dataclass
class Result:
    """The figures of one case."""

    case: str
    """The case's name, a key of :data:`CASES`."""
    statement_bytes: int
    """The size of its statement file."""
    check_s: float
    """``python build_site.py check``."""
    render_s: float
    """The median of :attr:`render_runs_s`."""
    render_runs_s: list[float]
    """Every render's time, each the first of a fresh copy of the project."""
    render_peak_mib: float
    """The peak resident memory of the median render."""


def make_case(folder: Path, case: str) -> Path:
    """A project in ``folder`` whose one statement is the real one changed as ``case`` says; its statement file."""
    make_project(folder, 0)
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    text = yaml.dump(CASES[case](data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path = folder / "statements" / SOURCE.name
    path.write_text(SCHEMA_LINE + text, encoding="utf-8", newline="\n")
    return path


def step(command: str, project: Path) -> Run:
    """``python build_site.py COMMAND`` in ``project``; stop the benchmark if it fails."""
    result = run([sys.executable, str(ROOT / "build_site.py"), command], project)
    if result.returncode != 0:
        sys.exit(f"{command} failed in {project} (exit {result.returncode}):\n{result.output[-4000:]}")
    return result


def measure(case: str, folder: Path, repeat: int) -> Result:
    """Make ``case`` in ``folder``, check it, and render fresh copies of it ``repeat`` times."""
    statement = make_case(folder / case, case)
    checked = step("check", folder / case)
    renders = []
    for number in range(1, repeat + 1):
        copy = folder / f"{case}-render-{number}"
        shutil.copytree(folder / case, copy)
        renders.append(step("render", copy))
        print(f"[{case}] render {number}: {renders[-1].seconds:.2f} s", file=sys.stderr)
    median = sorted(renders, key=lambda r: r.seconds)[len(renders) // 2]
    return Result(
        case=case,
        statement_bytes=statement.stat().st_size,
        check_s=checked.seconds,
        render_s=median.seconds,
        render_runs_s=[r.seconds for r in renders],
        render_peak_mib=median.peak_bytes / MIB,
    )


def row(result: Result) -> str:
    """One row of the table of figures, in Markdown."""
    runs = ", ".join(f"{seconds:.2f}" for seconds in result.render_runs_s)
    return (
        f"| {result.case} | {result.statement_bytes / 1024:,.1f} KiB | {result.check_s:.2f} s "
        f"| {result.render_s:.2f} s ({runs}) | {result.render_peak_mib:.0f} MiB |"
    )


def parser() -> argparse.ArgumentParser:
    """The command line."""
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES), help="default: every case")
    arguments.add_argument("--repeat", type=int, default=3, help="renders of each case; the median is shown")
    arguments.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH as JSON")
    arguments.add_argument("--workdir", type=Path, help="make the projects here (not there already) and keep them")
    return arguments


def main(argv: list[str] | None = None) -> int:
    """Measure every case asked for, print the table and the machine, and write the JSON if asked."""
    options = parser().parse_args(argv)
    compileall.compile_dir(ROOT / "edition", quiet=1)
    compileall.compile_file(ROOT / "build_site.py", quiet=1)
    about = machine() | {"load average at start (1, 5, 15 min)": load_average()}
    results = []
    with tempfile.TemporaryDirectory(prefix="edition-growth-") as scratch:
        folder = options.workdir.resolve() if options.workdir else Path(scratch)
        for case in options.cases:
            results.append(measure(case, folder, options.repeat))
    head = "| case | statement file | check | render: median (each run) | peak memory of the render |\n"
    head += "|---|---:|---:|---:|---:|"
    publish(about, "\n".join([head, *(row(result) for result in results)]), results, options.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
