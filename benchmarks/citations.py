#!/usr/bin/env python3
"""Benchmark the citations of a statement page: citeproc-py as published, and remembering its lookups.

    python benchmarks/citations.py [--statements N] [--repeat N] [--profile]

A statement page holds, in each of the three styles, the statement's citation and one of a
part (``citation_data`` in ``edition/site/citations.py``): six citations by citeproc-py. This
makes ``--statements`` synthetic statements (200 by default; see ``corpus.py``), reads them,
then times ``citation_data`` over all of them, in one process:

* with citeproc-py as published: each style read afresh, its lookups (``xpath_search``,
  ``calls_variable``) done every time they are asked for;
* as the render makes them, citeproc-py remembering those lookups per style.

Each is timed ``--repeat`` times (three by default) as CPU time of this process (steadier than
wall time on a shared machine) and as wall time; the medians are shown per statement, with
the load average. ``--profile`` prints where citeproc-py's time goes in each (cProfile, the
functions with the most time of their own). Not part of the test run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from corpus import make_project
from measure import load_average, machine

from edition.site import citations
from edition.statements.model import Statement
from edition.statements.validation import read_statement

SITE = "https://example.org/edition/"
"""The site's address in the citations (any: it is text to citeproc-py)."""


@contextlib.contextmanager
def published_citeproc() -> Iterator[None]:
    """citeproc-py as published while inside: its methods unwrapped, each style read afresh, once."""
    from citeproc import CitationStylesStyle, model

    citations._style(citations.STYLES[0].csl)  # installs the adapter, which this undoes while inside
    unwrapped = [
        (kind, name, vars(kind)[name])
        for kind in vars(model).values()
        if isinstance(kind, type)
        for name in citations.REMEMBERED
        if name in vars(kind)
    ]
    read = {s.csl: CitationStylesStyle(str(citations.CSL_FOLDER / s.csl), validate=False) for s in citations.STYLES}
    remembering_style = citations._style
    try:
        for kind, name, method in unwrapped:
            setattr(kind, name, method.__wrapped__)
        citations._style = read.__getitem__  # type: ignore[assignment]
        yield
    finally:
        citations._style = remembering_style
        for kind, name, method in unwrapped:
            setattr(kind, name, method)


def statements(count: int, folder: Path) -> list[Statement]:
    """``count`` synthetic statements, read as the render reads them."""
    project = make_project(folder / "project", count)
    found = [read_statement(path)[0] for path in sorted((project / "statements").glob("*synthetic*.yaml"))]
    return [statement for statement in found if statement is not None]


def timed(corpus: list[Statement], repeat: int) -> tuple[float, float]:
    """The median CPU and wall seconds per statement of ``citation_data`` over ``corpus``."""
    for statement in corpus[:2]:  # the styles read, as a render's first statement reads them
        citations.citation_data(statement, SITE)
    cpu, wall = [], []
    for _ in range(repeat):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for statement in corpus:
            citations.citation_data(statement, SITE)
        cpu.append((time.process_time() - cpu_start) / len(corpus))
        wall.append((time.perf_counter() - wall_start) / len(corpus))
    return statistics.median(cpu), statistics.median(wall)


def profile(corpus: list[Statement]) -> str:
    """Where ``citation_data``'s time goes over ``corpus``: the 12 functions with the most time of their own."""
    profiler = cProfile.Profile()
    profiler.enable()
    for statement in corpus:
        citations.citation_data(statement, SITE)
    profiler.disable()
    output = io.StringIO()
    pstats.Stats(profiler, stream=output).sort_stats("tottime").print_stats(12)
    return output.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Time both ways, and print the figures."""
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--statements", type=int, default=200, help="synthetic statements; default: 200")
    options.add_argument("--repeat", type=int, default=3, help="timings of each way; the median is shown")
    options.add_argument("--profile", action="store_true", help="also print where the time goes (cProfile)")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="edition-citations-") as scratch:
        corpus = statements(args.statements, Path(scratch))
    print("\n".join(f"{key}: {value}" for key, value in machine().items()))
    print(f"load average at start (1, 5, 15 min): {load_average()}")
    rows = []
    for way in ("citeproc-py as published", "remembering its lookups"):
        with published_citeproc() if way.endswith("published") else contextlib.nullcontext():
            cpu, wall = timed(corpus, args.repeat)
            rows.append(f"{way:<28}{cpu * 1000:>14.1f}{wall * 1000:>15.1f}")
            if args.profile:
                rows.append(profile(corpus))
    print(f"load average at end (1, 5, 15 min): {load_average()}\n")
    print(f"{len(corpus)} statements, six citations each (three styles: the statement's and a part's)")
    print(f"{'citeproc-py':<28}{'CPU ms/stmt':>14}{'wall ms/stmt':>15}")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
