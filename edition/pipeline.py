"""The verbs of ``build_site.py``: load, validate, render, write, build, serve.

``docs/`` is touched only when every statement is valid (``../shared/CONTRACT.md``,
sections 2 and 3).
"""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition import registry
from edition.akn import akoma_ntoso
from edition.exports import corpus_index, data_schema, statement_data
from edition.formatdoc import data_page, format_page
from edition.listings import commitments_page, statements_index, timeline_page, topic_page, topics_index
from edition.model import Statement
from edition.output import Tree, write_tree
from edition.pages import statement_page
from edition.problems import Problem, ProblemError
from edition.schema import schema_text
from edition.validation import read_statement, read_statements
from edition.vocabulary import TOPICS

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

    def site_url(self) -> str:
        """The address the site is published at (``site_url`` in ``mkdocs.yml``), ending in ``/``."""
        from mkdocs.utils.yaml import yaml_load

        with self.config.open("rb") as config:
            url = str(yaml_load(config).get("site_url") or "http://127.0.0.1:8000/")
        return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class Edition:
    """Every valid statement of a project, with what has been published of each."""

    statements: list[Statement]
    """The statements, by file name."""
    records: dict[str, registry.Record]
    """Each statement's record of published anchors, including anchors it has just gained."""
    new: list[str]
    """The ids of the statements whose record gains anchors."""


def load(project: Project) -> Edition:
    """Every statement of ``project``, checked against its published anchors.

    Raises :class:`ProblemError` with every problem found.
    """
    statements, problems = read_statements(project.statements)
    published, record_problems = registry.check_all(project.root, statements)
    problems += record_problems
    if problems:
        raise ProblemError(problems)
    records = {s.id: registry.with_new_anchors(s, published[s.id]) for s in statements}
    new = [s.id for s in statements if records[s.id] != published[s.id]]
    return Edition(statements, records, new)


def generate(edition: Edition, site_url: str) -> Tree:
    """Every generated file, by its path under ``docs/``; ``site_url`` makes the data's links absolute."""
    statements = edition.statements
    tree: dict[PurePosixPath, str] = {
        PurePosixPath("statements/index.md"): statements_index(statements),
        PurePosixPath("statements/index.json"): corpus_index(statements, site_url),
        PurePosixPath("format/index.md"): format_page(),
        PurePosixPath("format/statement.schema.json"): schema_text(),
        PurePosixPath("commitments/index.md"): commitments_page(statements),
        PurePosixPath("topics/index.md"): topics_index(statements),
        PurePosixPath("timeline/index.md"): timeline_page(statements),
        PurePosixPath("data/index.md"): data_page(statements),
        PurePosixPath("data/statement-data.schema.json"): data_schema(),
    }
    for topic in TOPICS:
        tree[PurePosixPath("topics", topic.id, "index.md")] = topic_page(topic.id, statements)
    for statement in edition.statements:
        record = edition.records[statement.id]
        folder = PurePosixPath("statements", statement.id)
        tree[folder / "index.md"] = statement_page(statement, record)
        tree[folder / "data.json"] = statement_data(statement, record, site_url)
        tree[folder / "data.akn.xml"] = akoma_ntoso(statement, site_url)
    return tree


def check(project: Project) -> list[Statement]:
    """Validate every statement and its published anchors; write nothing."""
    return load(project).statements


def render(project: Project) -> list[Statement]:
    """Validate, then write the generated pages under ``docs/`` and record new anchors."""
    edition = load(project)
    write_tree(project.docs, generate(edition, project.site_url()))
    for statement_id in edition.new:
        registry.write(registry.path_of(project.root, statement_id), edition.records[statement_id])
    return edition.statements


def correct(project: Project, statement_id: str, anchor: str, reason: str, date: datetime.date) -> None:
    """Record a deliberate correction of a commitment's words (``erratum``)."""
    _change_record(project, statement_id, lambda r, s: registry.with_erratum(r, s, anchor, reason, date))


def retire(
    project: Project, statement_id: str, anchor: str, successor: str | None, reason: str, date: datetime.date
) -> None:
    """Record that a vanished anchor is retired and where it now leads (``retire``)."""
    _change_record(project, statement_id, lambda r, s: registry.with_retirement(r, s, anchor, successor, reason, date))


def _change_record(
    project: Project, statement_id: str, change: Callable[[registry.Record, Statement], registry.Record]
) -> None:
    path = project.statements / f"{statement_id}.yaml"
    statement, problems = read_statement(path)
    record, record_problems = registry.load(registry.path_of(project.root, statement_id))
    problems += record_problems
    if not problems and record is None:
        problems.append(Problem(path, 1, 1, f"statement {statement_id} has no published anchors yet: run render"))
    if problems or statement is None or record is None:
        raise ProblemError(problems)
    try:
        changed = change(record, statement)
    except ValueError as error:
        raise ProblemError([Problem(path, 1, 1, str(error))]) from None
    registry.write(registry.path_of(project.root, statement_id), changed)


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
