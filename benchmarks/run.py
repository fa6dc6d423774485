#!/usr/bin/env python3
"""Benchmark the edition at scale: render, re-render, one change, MkDocs build, page sizes and the search index.

    python benchmarks/run.py [--sizes 10 100 1000] [--skip-build-above N] [--json PATH]
                             [--reload N] [--workdir DIR]

The edition's code is compiled to bytecode first, as an installed package is. For
each size N it makes a project of N synthetic statements (see ``corpus.py``),
checks it, then measures, each step in a child process of its own:

* the first ``render``, which records every anchor of the new corpus (writes every
  record under ``statements/anchors/``), as when the statements are first published;
* the cold ``render`` (wall time, peak memory): the corpus as a fresh clone of its
  repository has it, its records and nothing else (no cache, no generated pages);
  the median of three;
* renders with nothing changed (the median of three): their time and the files they wrote
  (created, removed, or with new bytes or a new modification time, under ``docs/``
  and ``statements/anchors/``);
* a ``render`` after one statement's editorial heading of paragraph 1 changed, and
  the files it wrote;
* under ``python build_site.py serve``, the time from saving an edit of that
  statement to its reloaded page (``reload.py``; ``--reload`` edits, the median);
* ``mkdocs build --strict`` (wall time, peak memory), then the HTML size of
  statement 1's page, its ratio to the same page in a one-statement site (size 1 is
  always measured first, as that baseline), and the search index that Pagefind wrote
  (``site/pagefind/``: its files and their size on disk; a query downloads a few of them).

Search engines are compared by ``engines.py``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from corpus import ROOT, copy_site, make_project, statement_id, write_statement
from measure import Run, changes, load_average, machine, publish, run, snapshot
from reload import save_to_reload

from edition.urls import SEARCH_INDEX

WATCHED = ["docs", "statements/anchors"]
"""Where a render writes: the generated pages and the record of published anchors."""
INDEX_FILES = (
    "docs/statements/index.md",
    "docs/statements/index.json",
    "docs/commitments/index.md",
    "docs/topics/index.md",
    "docs/timeline/index.md",
    "docs/data/index.md",
)
"""The pages and data that list every statement (besides one page per topic, ``docs/topics/*/index.md``)."""
NEW_HEADING = "A new relationship, edited"
"""Paragraph 1's heading after the one-statement change: editorial, so no anchor or word changes."""
MIB = 1024 * 1024


@dataclass
class Result:
    """The figures for one corpus size."""

    statements: int
    """How many statements the corpus has."""
    first_render_s: float
    """The first render of the corpus, which records every anchor (writes every record)."""
    cold_render_s: float
    """A render of the corpus as a fresh clone has it (records, no cache, no generated pages): the median of
    :attr:`cold_render_runs_s`."""
    cold_render_runs_s: list[float]
    """Every cold render's time."""
    cold_render_peak_mib: float
    """The first render's peak resident memory."""
    noop_render_s: float
    """A render with nothing changed: the median of :attr:`noop_render_runs_s`."""
    noop_render_runs_s: list[float]
    """Every no-op render's time (a shared machine is noisy: the median is reported)."""
    noop_written: list[str]
    """The files it wrote."""
    change_render_s: float
    """A render after one statement's editorial heading changed."""
    changed_statement: str
    """The id of that statement."""
    change_written: list[str]
    """The files it wrote."""
    change_same_bytes: list[str]
    """Of those, the files written again with the bytes they had."""
    build_s: float | None = None
    """``mkdocs build --strict``; ``None`` when skipped."""
    build_peak_mib: float | None = None
    """Its peak resident memory."""
    page_bytes: int | None = None
    """The HTML of statement 1's page."""
    page_ratio: float | None = None
    """:attr:`page_bytes` over the same page's size in a one-statement site."""
    search_bytes: int | None = None
    """Pagefind's index and scripts (``site/pagefind/``), on disk."""
    search_files: int | None = None
    """How many files they are: a query downloads a few."""
    reload_s: list[float] | None = None
    """In ``serve``, the seconds from saving an edit of one statement to its reloaded page (``reload.py``)."""

    def change_kinds(self) -> tuple[list[str], list[str], list[str]]:
        """The files the one change wrote: the statement's own, the indexes', and any other."""
        own = [p for p in self.change_written if self.changed_statement in p]
        indexes = [p for p in self.change_written if p not in own and is_index(p)]
        others = [p for p in self.change_written if p not in own and p not in indexes]
        return own, indexes, others


def is_index(path: str) -> bool:
    """Whether ``path`` is a page or data file that lists every statement, or one topic's commitments."""
    parts = path.split("/")
    return path in INDEX_FILES or (len(parts) == 4 and parts[:2] == ["docs", "topics"] and parts[3] == "index.md")


def environment() -> dict[str, str]:
    """The environment of every child: Material's end-of-life banner off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def step(command: list[str], project: Path, what: str) -> Run:
    """Run one measured step in ``project``; stop the benchmark if it fails."""
    result = run(command, project, environment())
    if result.returncode != 0:
        sys.exit(f"{what} failed in {project} (exit {result.returncode}):\n{result.output[-4000:]}")
    return result


def build_site(project: Path, site: str) -> Run:
    """``mkdocs build --strict`` of ``project`` into ``project/site``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(project / site)]
    return step(command, project, "mkdocs build")


def render(project: Path) -> Run:
    """``python build_site.py render`` in ``project``."""
    return step([sys.executable, str(ROOT / "build_site.py"), "render"], project, "render")


def measure(count: int, folder: Path, options: argparse.Namespace, baseline_page: int | None) -> Result:
    """Every figure for a corpus of ``count`` statements, made in ``folder``."""
    build = options.skip_build_above is None or count <= options.skip_build_above or count == 1
    progress = f"[{plural(count, 'statement')}]"
    print(f"{progress} writing the corpus in {folder}", file=sys.stderr)
    project = make_project(folder, count)
    step([sys.executable, str(ROOT / "build_site.py"), "check"], project, "check")
    first = render(project)
    print(f"{progress} first render, recording every anchor {first.seconds:.2f} s", file=sys.stderr)
    colds, published = [], project
    for number in range(1, options.repeat + 1):
        project = clone(published, folder.with_name(f"{folder.name}-clone-{number}"))
        colds.append(render(project))
    cold = sorted(colds, key=lambda r: r.seconds)[len(colds) // 2]
    cpu = statistics.median(r.cpu_seconds for r in colds)
    print(f"{progress} cold render {cold.seconds:.2f} s, CPU {cpu:.2f} s (medians of {len(colds)})", file=sys.stderr)
    before = snapshot(project, WATCHED)
    noop = [render(project).seconds for _ in range(options.repeat)]
    noop_changes = changes(before, snapshot(project, WATCHED))
    changed = (count + 1) // 2
    before = snapshot(project, WATCHED)
    write_statement(project, changed, heading=NEW_HEADING)
    one = render(project)
    one_changes = changes(before, snapshot(project, WATCHED))
    noop_s = statistics.median(noop)
    print(f"{progress} no-op render {noop_s:.2f} s, one change {one.seconds:.2f} s", file=sys.stderr)
    result = Result(
        statements=count,
        first_render_s=first.seconds,
        cold_render_s=cold.seconds,
        cold_render_runs_s=[r.seconds for r in colds],
        cold_render_peak_mib=cold.peak_bytes / MIB,
        noop_render_s=noop_s,
        noop_render_runs_s=noop,
        noop_written=noop_changes.written,
        change_render_s=one.seconds,
        changed_statement=statement_id(changed),
        change_written=one_changes.written,
        change_same_bytes=one_changes.same_bytes,
    )
    if not build:
        return result
    if options.reload:
        result.reload_s = save_to_reload(project, changed, options.reload)
        print(f"{progress} save to reload {statistics.median(result.reload_s):.2f} s", file=sys.stderr)
    print(f"{progress} mkdocs build ...", file=sys.stderr)
    built = build_site(project, "site")
    print(f"{progress} mkdocs build {built.seconds:.1f} s", file=sys.stderr)
    site = project / "site"
    result.build_s = built.seconds
    result.build_peak_mib = built.peak_bytes / MIB
    result.page_bytes = (site / "statements" / statement_id(1) / "index.html").stat().st_size
    result.page_ratio = result.page_bytes / (baseline_page or result.page_bytes)
    files = [path for path in (site / SEARCH_INDEX).rglob("*") if path.is_file()]
    result.search_bytes, result.search_files = sum(path.stat().st_size for path in files), len(files)
    return result


def clone(project: Path, target: Path) -> Path:
    """A copy of ``project`` in ``target`` as a fresh clone of its repository has it.

    The statements with their records, the configuration and the hand-written pages;
    no cache and no generated pages.
    """
    copy_site(project, target)
    shutil.copytree(project / "statements", target / "statements")
    return target


def plural(count: int, noun: str) -> str:
    """``1 statement``, ``2 statements``."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def kib(value: int | None) -> str:
    """Bytes as KiB, or a dash."""
    return "-" if value is None else f"{value / 1024:,.1f}"


def number(value: float | None, digits: int) -> str:
    """A figure with ``digits`` decimals, or a dash."""
    return "-" if value is None else f"{value:,.{digits}f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A fixed-width table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        first, *rest = cells
        return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))])

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(row) for row in rows)])


def report(results: list[Result]) -> str:
    """The tables of figures, and what the one change wrote."""
    render_rows = []
    for r in results:
        own, indexes, others = r.change_kinds()
        share = None if r.build_s is None else 100 * r.cold_render_s / r.build_s
        render_rows.append(
            [
                str(r.statements),
                number(r.first_render_s, 2),
                number(r.cold_render_s, 2),
                number(r.cold_render_peak_mib, 0),
                number(r.noop_render_s, 2),
                str(len(r.noop_written)),
                number(r.change_render_s, 2),
                f"{len(r.change_written)} ({len(own)}/{len(indexes)}/{len(others)})",
                number(r.build_s, 1),
                number(r.build_peak_mib, 0),
                number(share, 1),
                number(None if r.reload_s is None else statistics.median(r.reload_s), 2),
            ]
        )
    site_rows = [
        [
            str(r.statements),
            kib(r.page_bytes),
            number(r.page_ratio, 2),
            kib(r.search_bytes),
            number(r.search_files, 0),
        ]
        for r in results
    ]
    parts = [
        table(
            [
                "statements",
                "first render s",
                "cold render s",
                "MiB",
                "no-op render s",
                "files",
                "one change s",
                "files (own/index/other)",
                "mkdocs build s",
                "MiB",
                "render/build %",
                "save to reload s",
            ],
            render_rows,
        ),
        "",
        table(
            [
                "statements",
                "page KiB",
                "ratio to 1",
                "search index KiB",
                "search index files",
            ],
            site_rows,
        ),
    ]
    for r in results:
        own, indexes, others = r.change_kinds()
        written = plural(len(r.change_written), "file")
        parts += ["", f"{plural(r.statements, 'statement')}: changing {r.changed_statement} wrote {written}"]
        parts += [f"  own: {path}" for path in own]
        parts += [f"  index: {path}" for path in indexes[:12]]
        if len(indexes) > 12:
            parts.append(f"  index: ... and {len(indexes) - 12} more")
        parts += [f"  other: {path}" for path in others[:12]]
        if len(others) > 12:
            parts.append(f"  other: ... and {len(others) - 12} more")
        if r.change_same_bytes:
            parts.append(f"  of which {len(r.change_same_bytes)} were written again with the same bytes")
    return "\n".join(parts)


def parser() -> argparse.ArgumentParser:
    """The command line."""
    main = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument(
        "--sizes", type=int, nargs="+", default=[10, 100, 1000], help="corpus sizes; default: 10 100 1000"
    )
    main.add_argument("--skip-build-above", type=int, metavar="N", help="no MkDocs build for corpora larger than N")
    main.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH as JSON")
    main.add_argument(
        "--repeat", type=int, default=3, help="cold and no-op renders to time; the median is shown; default: 3"
    )
    main.add_argument(
        "--reload", type=int, default=3, metavar="N", help="edits to time under serve, save to reload; 0: none"
    )
    main.add_argument("--workdir", type=Path, help="make the projects here and keep them; default: a temporary folder")
    return main


def compile_code() -> None:
    """Compile the edition's code to bytecode, as installing a package does.

    Python writes bytecode the first time it imports a module, unless told not to
    (``PYTHONDONTWRITEBYTECODE``, which some sandboxes set): then every render would
    compile the code again, which measures the interpreter, not the render.
    """
    compileall.compile_dir(ROOT / "edition", quiet=1)
    compileall.compile_file(ROOT / "build_site.py", quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Measure every size, print the tables, and write the JSON if asked."""
    args = parser().parse_args(argv)
    sizes = sorted(set(args.sizes) | {1})
    compile_code()
    about = machine() | {"load average at start (1, 5, 15 min)": load_average()}
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="edition-benchmark-") as scratch:
        workdir = args.workdir.resolve() if args.workdir else Path(scratch)
        baseline: int | None = None
        for count in sizes:
            result = measure(count, workdir / f"corpus-{count}", args, baseline)
            baseline = baseline or result.page_bytes
            results.append(result)
    publish(about, report(results), results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
