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
from pathlib import Path

import yaml

from edition import registry
from edition.cache import FOLDER as CACHE_FOLDER
from edition.cache import StatementCache, code_digest, digest, load_json, save_json
from edition.model import Statement
from edition.output import Changes, RenderState, write_tree
from edition.problems import Problem, ProblemError

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
        """The address the site is published at (``site_url`` in ``mkdocs.yml``), ending in ``/``.

        ``mkdocs.yml`` may take it from the environment (``!ENV [SITE_URL, default]``),
        as MkDocs does; other tags in the file are not needed here and read as nothing.
        """
        config = yaml.load(self.config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        url = str(config.get("site_url") or "http://127.0.0.1:8000/")
        return url if url.endswith("/") else url + "/"


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` for ``site_url`` without importing MkDocs."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = [node.value] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)  # type: ignore[arg-type]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _environment_value)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Edition:
    """Every valid statement of a project, with what has been published of each."""

    statements: list[Statement]
    """The statements, by file name."""
    hashes: dict[str, str]
    """Each statement's hash: of its file's name and bytes, and of the code that read it."""
    records: dict[str, registry.Record]
    """Each statement's record of published anchors, including anchors it has just gained."""
    new: list[str]
    """The ids of the statements whose record gains anchors."""


def load(project: Project, cache: StatementCache | None = None) -> Edition:
    """Every statement of ``project``, checked against its published anchors.

    Raises :class:`ProblemError` with every problem found.
    """
    from edition.validation import read_statements  # not needed when a render has nothing to do

    statements, hashes, problems = read_statements(project.statements, cache)
    published, record_problems = registry.check_all(project.root, statements)
    problems += record_problems
    if problems:
        raise ProblemError(problems)
    records = {s.id: registry.with_new_anchors(s, published[s.id]) for s in statements}
    new = [s.id for s in statements if records[s.id] != published[s.id]]
    return Edition(statements, hashes, records, new)


def check(project: Project) -> list[Statement]:
    """Validate every statement and its published anchors; write nothing (the cache is only read)."""
    return load(project, StatementCache.open(project.root)).statements


@dataclass(frozen=True)
class Rendered:
    """What a render did."""

    summary: str
    """What the edition holds: ``1 statement(s), 4 paragraphs, 13 commitments``."""
    changes: Changes
    """The files written and removed under ``docs/``."""

    def __str__(self) -> str:
        written, removed = len(self.changes.written), len(self.changes.removed)
        return f"{self.summary}; {written} file(s) written, {removed} removed"


def render(project: Project) -> Rendered:
    """Validate, then write the generated pages under ``docs/`` and record new anchors.

    Only what changed is parsed, rendered and written (see :mod:`edition.cache`). When
    no input changed since the last render (the statement files, the anchor records,
    the site's address, this code) and its files are intact, nothing is read further
    and nothing is written: the last render's result stands.
    """
    state_path = project.root / CACHE_FOLDER / "render-state.json"
    state = RenderState.from_json(load_json(state_path))
    code = code_digest()
    inputs = _inputs_digest(project, code)
    if state.inputs == inputs and state.summary and state.all_intact(project.docs):
        return Rendered(state.summary, Changes([], []))
    from edition.generation import generate  # only now: the modules that make pages are slow to load

    cache = StatementCache.open(project.root)
    edition = load(project, cache)
    tree = generate(edition, project.site_url(), state, project.docs)
    changes = write_tree(project.docs, tree, state)
    for statement_id in edition.new:
        registry.write(registry.path_of(project.root, statement_id), edition.records[statement_id])
    state.inputs = _inputs_digest(project, code) if edition.new else inputs  # records that gained anchors changed
    state.summary = summary(edition.statements)
    save_json(state_path, state.to_json())
    cache.save()
    return Rendered(state.summary, changes)


def _inputs_digest(project: Project, code: str) -> str:
    """The hash of everything a render reads: statement files, anchor records, site address, code."""
    files = sorted(project.statements.glob("*.y*ml")) + sorted((project.root / registry.FOLDER).glob("*.json"))
    return digest(code, project.site_url(), *(part for path in files for part in (str(path), path.read_bytes())))


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
    from edition.validation import read_statement

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
        rendered = render(project)
    except ProblemError as error:
        report(error)
        print("serve: the site keeps the last valid version", file=sys.stderr)
        return
    print(f"serve: rendered {rendered}", file=sys.stderr)


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
