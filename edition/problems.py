"""Problems found in input, reported one per line as ``path:line:col: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


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

    def format(self) -> str:
        """The compiler-style line: ``path:line:col: message``, path relative to the cwd."""
        return f"{display_path(self.path)}:{self.line}:{self.column}: {self.message}"


def display_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies below it, else as given."""
    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


class ProblemError(Exception):
    """Raised by the pipeline when input is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)
