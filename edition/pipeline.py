"""The verbs of ``build_site.py``: load, validate, render, write, build, serve.

``docs/`` is touched only when every statement is valid (``../shared/CONTRACT.md``,
sections 2 and 3).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition.formatdoc import format_page
from edition.model import Statement
from edition.output import Tree, write_tree
from edition.pages import statement_page, statements_index
from edition.problems import ProblemError
from edition.schema import schema_text
from edition.validation import read_statements

EXIT_OK, EXIT_INVALID, EXIT_SITE_FAILED = 0, 1, 2


@dataclass(frozen=True)
class Project:
    """Where a project's parts are: everything is relative to its root folder."""

    root: Path
    """The folder that holds ``mkdocs.yml``, ``statements/`` and ``docs/``."""

    @property
    def statements(self) -> Path:
        """The statement files."""
        return self.root / "statements"

    @property
    def docs(self) -> Path:
        """MkDocs' source folder."""
        return self.root / "docs"

    @property
    def config(self) -> Path:
        """The MkDocs configuration."""
        return self.root / "mkdocs.yml"


def load(project: Project) -> list[Statement]:
    """Every statement of ``project``; raises :class:`ProblemError` with every problem found."""
    statements, problems = read_statements(project.statements)
    if problems:
        raise ProblemError(problems)
    return statements


def generate(statements: list[Statement]) -> Tree:
    """Every generated file, by its path under ``docs/``."""
    tree: dict[PurePosixPath, str] = {
        PurePosixPath("statements/index.md"): statements_index(statements),
        PurePosixPath("format/index.md"): format_page(),
        PurePosixPath("format/statement.schema.json"): schema_text(),
    }
    for statement in statements:
        tree[PurePosixPath("statements", statement.id, "index.md")] = statement_page(statement)
    return tree


def check(project: Project) -> list[Statement]:
    """Validate every statement; write nothing."""
    return load(project)


def render(project: Project) -> list[Statement]:
    """Validate, then write the generated pages under ``docs/``."""
    statements = load(project)
    write_tree(project.docs, generate(statements))
    return statements


def build(project: Project, site_dir: Path | None) -> int:
    """``render``, then ``mkdocs build --strict``; the exit status of MkDocs' part."""
    render(project)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project.config)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir.resolve())]
    completed = subprocess.run(command, env=_mkdocs_environment(), check=False)
    return EXIT_OK if completed.returncode == 0 else EXIT_SITE_FAILED


def serve(project: Project, port: int) -> None:
    """``render``, then serve on 127.0.0.1 with live reload until interrupted.

    A change to a statement file renders again; MkDocs sees the changed pages under
    ``docs/``, rebuilds and reloads the browser. An invalid edit prints its problems
    and leaves the last good pages in place.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    from edition.watch import watch_statements

    render(project)
    os.environ.update(_mkdocs_environment())
    _show_mkdocs_log()
    print(f"serve: http://127.0.0.1:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    stop = watch_statements(project.statements, lambda: rerender(project))
    try:
        mkdocs_serve(str(project.config), livereload=True, dev_addr=f"127.0.0.1:{port}")
    finally:
        stop()


def rerender(project: Project) -> None:
    """Render after an edit while serving; problems are printed, never raised."""
    try:
        statements = render(project)
    except ProblemError as error:
        report(error)
        print("serve: the site keeps the last valid version", file=sys.stderr)
        return
    print(f"serve: rendered {summary(statements)}", file=sys.stderr)


def report(error: ProblemError) -> None:
    """Print each problem as one ``path:line:col: message`` line on stderr, then a total."""
    for problem in error.problems:
        print(problem.format(), file=sys.stderr)
    count, files = len(error.problems), len({problem.path for problem in error.problems})
    print(f"{count} problem{'s'[: count - 1]} in {files} file{'s'[: files - 1]}", file=sys.stderr)


def summary(statements: list[Statement]) -> str:
    """``1 statement(s), 4 paragraphs, 13 commitments``."""
    paragraphs = sum(len(s.paragraphs) for s in statements)
    commitments = sum(len(s.commitments) for s in statements)
    return f"{len(statements)} statement(s), {paragraphs} paragraphs, {commitments} commitments"


def _show_mkdocs_log() -> None:
    """Show MkDocs' progress lines as its own command line does ("INFO    -  Building ...")."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _mkdocs_environment() -> dict[str, str]:
    # Material prints an end-of-life banner on every build unless told not to.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
