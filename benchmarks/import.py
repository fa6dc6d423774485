#!/usr/bin/env python3
"""Benchmark ``build_site.py import`` on long texts: wall time and peak memory.

    python benchmarks/import.py [--paragraphs 1000 10000] [--megabytes 10] [--workdir DIR]

Each text is the official statement of ``sources/`` made longer: its header, then
paragraphs numbered 1, 2, ... whose words are the statement's four paragraphs in
turn (about 600 characters each). ``--paragraphs`` gives texts of so many
paragraphs; ``--megabytes`` a text of as many paragraphs as fit in that many bytes.
Each import runs in a child process of its own (``measure.py``: wall time, and the
child's peak resident memory from ``os.wait4``), writes its draft with
``--output``; the table shows how many paragraphs the draft holds (in bold when
they are not all there). Not part of the test run.
"""

from __future__ import annotations

import argparse
import compileall
import sys
import tempfile
from pathlib import Path

from corpus import ROOT
from measure import load_average, machine, run

SOURCE = ROOT / "sources" / "2001-12-07-nato-russia-joint-statement.txt"
"""The published text the long texts are made from."""
MIB = 1024 * 1024


def published_paragraphs() -> tuple[str, list[str]]:
    """The header of the published text, and the words of its numbered paragraphs."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    first = next(index for index, line in enumerate(lines) if line.startswith("  1. "))
    paragraphs = [line.split(". ", 1)[1] for line in lines if line.startswith("  ") and ". " in line]
    return "\n".join(lines[:first]), paragraphs


def long_text(paragraphs: int | None = None, size: int | None = None) -> str:
    """A published text of ``paragraphs`` numbered paragraphs, or of as many as fit in ``size`` bytes."""
    header, words = published_paragraphs()
    body: list[str] = []
    length = len(header.encode("utf-8")) + 1
    while paragraphs is None or len(body) < paragraphs:
        line = f"  {len(body) + 1}. {words[len(body) % len(words)]}"
        if size is not None and length + len(line.encode("utf-8")) + 1 > size:
            break
        body.append(line)
        length += len(line.encode("utf-8")) + 1
    return "\n".join([header, *body, ""])


def measure(name: str, text: str, folder: Path) -> str:
    """Import ``text`` in a child process; its figures as one row of the table."""
    stem = name.replace(",", "").replace(" ", "-")
    source, draft = folder / f"{stem}.txt", folder / f"{stem}.yaml"
    source.write_text(text, encoding="utf-8")
    result = run([sys.executable, str(ROOT / "build_site.py"), "import", str(source), "--output", str(draft)], folder)
    if result.returncode != 0:
        sys.exit(f"import of {source} failed (exit {result.returncode}):\n{result.output[-4000:]}")
    expected = text.count("\n  ")
    found = draft.read_text(encoding="utf-8").count("\n  - number: ")
    drafted = f"{found:,}" if found == expected else f"**{found:,}, not {expected:,}**"
    size = len(source.read_bytes()) / MIB
    return f"| {name} | {size:.1f} MiB | {drafted} | {result.seconds:.1f} s | {result.peak_bytes / MIB:.0f} MiB |"


def parser() -> argparse.ArgumentParser:
    """The command line."""
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--paragraphs", type=int, nargs="*", default=[1000, 10000], help="texts of N paragraphs")
    arguments.add_argument(
        "--megabytes", type=float, nargs="*", default=[10.0], help="texts of at most N MB (10: the most import reads)"
    )
    arguments.add_argument("--workdir", type=Path, help="write the texts and drafts here and keep them")
    return arguments


def main() -> None:
    """Measure every text and print the table, with the machine."""
    options = parser().parse_args()
    compileall.compile_dir(ROOT / "edition", quiet=1)
    texts = [(f"{count:,} paragraphs", long_text(paragraphs=count)) for count in options.paragraphs]
    texts += [(f"{size:g} MB", long_text(size=int(size * 1_000_000))) for size in options.megabytes]
    print(f"machine: {machine()}, load average at start: {load_average()}")
    print("| text | size | paragraphs in the draft | import | peak memory |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.workdir or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts:
            print(measure(name, text, folder), flush=True)
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
