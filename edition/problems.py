"""Problems found in input, reported one per line as ``path:line:col: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from edition.limits import MAX_PROBLEMS_PER_FILE


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a position people can jump to."""

    path: Path
    """The file the problem is in."""
    line: int
    """1-based line number."""
    column: int
    """1-based column number."""
    message: str
    """What is wrong, saying the rule and showing the value."""
    unlisted: int = field(default=0, compare=False)
    """For a mark that is no problem itself: how many problems of its file were counted but not
    described, beyond the first :data:`~edition.limits.MAX_PROBLEMS_PER_FILE` (see :func:`listed`)."""

    def format(self) -> str:
        """The compiler-style line: ``path:line:col: message``, path relative to the cwd."""
        return f"{display_path(self.path)}:{self.line}:{self.column}: {self.message}"


def display_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies below it, else as given; always one printable line.

    A name that is not UTF-8, or that holds a line break or another control character,
    is shown with escapes (``\\xff``, ``\\n``), so that it can neither break the terminal's
    output nor split a problem's line in two.
    """
    try:
        shown = Path(os.path.relpath(path)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:  # another drive on Windows
        shown = path.as_posix()
    return printable(shown)


def printable(name: str) -> str:
    """``name`` with every byte that is not UTF-8 and every unprintable character written as an escape."""
    if name.isprintable():
        return name
    return "".join(character if character.isprintable() else _escape(character) for character in name)


def _escape(character: str) -> str:
    if "\udc80" <= character <= "\udcff":  # a byte that is not UTF-8, as the file system's decoding keeps it
        return f"\\x{ord(character) - 0xDC00:02x}"
    return character.encode("unicode_escape").decode("ascii")


def display_os_error(error: OSError) -> str:
    """What the system refused, as one line: the file at fault, then why (``docs/x.md: No space left on device``)."""
    where = f"{display_path(Path(os.fsdecode(error.filename)))}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


def listed(problems: list[Problem]) -> tuple[list[str], int]:
    """The lines that report ``problems``, and how many problems there are in all.

    Each file's problems are listed in order of position, at most
    :data:`~edition.limits.MAX_PROBLEMS_PER_FILE` of them; one more line counts the rest.
    """
    by_file: dict[Path, list[Problem]] = {}
    for problem in sorted(problems):
        by_file.setdefault(problem.path, []).append(problem)
    lines, count = [], 0
    for path, found in by_file.items():
        described = [problem for problem in found if not problem.unlisted]
        lines += [problem.format() for problem in described[:MAX_PROBLEMS_PER_FILE]]
        rest = max(0, len(described) - MAX_PROBLEMS_PER_FILE) + sum(problem.unlisted for problem in found)
        if rest:
            more = (
                f"and {rest:,} more problem{'s'[: rest - 1]} (the first {MAX_PROBLEMS_PER_FILE} of a file are listed)"
            )
            lines.append(Problem(path, 1, 1, more).format())
        count += len(described) + sum(problem.unlisted for problem in found)
    return lines, count


class ProblemError(Exception):
    """Raised by the pipeline when input is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


class CommandError(Exception):
    """Why a command stops when no input file is at fault; printed as one line, ``build_site.py: message``."""
