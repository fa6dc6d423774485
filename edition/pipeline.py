"""The verbs of ``build_site.py``: load, validate, render, write, build, serve.

``docs/`` is touched only when every statement is valid (CONTRIBUTING.md,
"The command line" and "Statement files").
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import yaml

from edition import anchors, lock
from edition.cache import FOLDER as CACHE_FOLDER
from edition.cache import code_digest, load_json, save_json
from edition.output import KEEP, OWNED, Changes, File, RenderState, remove_leftovers, write_atomic, write_tree
from edition.problems import Problem, ProblemError, listed
from edition.sources import Inputs, read_inputs, read_source

if TYPE_CHECKING:  # the modules that read statements and make pages load only when there is work
    from edition import registry
    from edition.generation import Outcome
    from edition.listings import Listing
    from edition.model import Statement

EXIT_OK, EXIT_INVALID, EXIT_SITE_FAILED = 0, 1, 2


@dataclass(frozen=True)
class Project:
    """Where a project's parts are: everything is relative to its root folder."""

    root: Path
    """The folder that holds ``mkdocs.yml``, ``statements/`` and ``docs/``."""

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
        try:
            config = yaml.load(self.config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except FileNotFoundError:  # ``check`` needs no configuration; MkDocs' build reports it missing
            config = {}
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
class Examined:
    """What ``check`` and ``render`` learn of a project before anything is written."""

    inputs: Inputs
    """The statement files, their records, and the folder's problems."""
    listings: dict[str, Listing]
    """Each statement's listing, by id, in file order."""
    outcomes: dict[str, Outcome]
    """The work done on the statements that were read again, by id."""


def examine(project: Project, inputs: Inputs, state: RenderState | None = None) -> Examined:
    """Read and check every statement; for a render (given the last one's ``state``), make the changed ones' files.

    A statement is rendered again unless its hash is the one recorded by the last
    render and its files are on disk as that render wrote them. Raises
    :class:`ProblemError` with every problem found.
    """
    from edition.generation import run, statement_paths  # not needed when a render has nothing to do

    jobs = []
    for source in inputs.sources:
        key = inputs.digests.get(source.id)
        unchanged = state is None or (
            key is not None
            and state.sources.get(source.id) == key
            and all(state.intact(project.docs, path) for path in statement_paths(source.id))
        )
        jobs.append((source, not unchanged))
    outcomes = dict(zip((s.id for s in inputs.sources), run(inputs, jobs), strict=True))
    problems = [
        *inputs.problems,
        *(problem for outcome in outcomes.values() for problem in outcome.problems),
        *(problem for outcome in outcomes.values() for problem in outcome.record_problems),
        *inputs.orphans,
    ]
    if problems:
        raise ProblemError(problems)
    listings = {}
    for statement_id, outcome in outcomes.items():
        assert outcome.listing is not None, "a statement without problems has a listing"
        listings[statement_id] = outcome.listing
    return Examined(inputs, listings, outcomes)


def check(project: Project) -> list[Listing]:
    """Validate every statement and its published anchors; write nothing, so take no lock."""
    inputs = read_inputs(project.root, project.site_url(), code_digest())
    return list(examine(project, inputs).listings.values())


@dataclass(frozen=True)
class Rendered:
    """What a render did."""

    summary: str
    """What the edition holds: ``1 statement(s), 4 paragraphs, 13 sentences``."""
    changes: Changes
    """The files written and removed under ``docs/``."""

    def __str__(self) -> str:
        written, removed = len(self.changes.written), len(self.changes.removed)
        return f"{self.summary}; {written} file(s) written, {removed} removed"


WAIT_SECONDS = 60.0
"""How long :func:`render` waits, by default, for another command of this folder to end (see :mod:`edition.lock`)."""


def render(project: Project, wait: float = WAIT_SECONDS) -> Rendered:
    """Validate, then write the generated pages under ``docs/`` and record new anchors; under the project's lock.

    Waits up to ``wait`` seconds for another command that writes in the folder, then
    raises :class:`edition.lock.Busy`. See :func:`render_locked`.
    """
    with lock.held(project.root, wait):
        return render_locked(project)


def render_locked(project: Project) -> Rendered:
    """:func:`render`, for a caller that holds the project's lock.

    Load, validate, generate, write. Temporary files that a killed command left are
    deleted first. The inputs are read and hashed (the statement files, the anchor
    records, the site's address, this code); when none changed since the last render
    and its files are intact, nothing is parsed and nothing is written. Otherwise every
    statement is read and checked and the changed ones rendered; only when all are
    valid are ``docs/``, then the records, then the render state written, each file
    only if its bytes change and always atomically.
    """
    _remove_leftovers(project)
    state_path = project.root / CACHE_FOLDER / "render-state.json"
    state = RenderState.from_json(load_json(state_path))
    inputs = read_inputs(project.root, project.site_url(), code_digest())
    if state.inputs == inputs.total() and state.summary and state.all_intact(project.docs):
        return Rendered(state.summary, Changes([], []))
    examined = examine(project, inputs, state)
    from edition.generation import shared_files, statement_paths

    listings = list(examined.listings.values())
    tree: dict[PurePosixPath, File | None] = dict(shared_files(listings, inputs.site_url))
    for statement_id, outcome in examined.outcomes.items():
        files = outcome.files or (KEEP,) * len(statement_paths(statement_id))
        tree.update(zip(statement_paths(statement_id), files, strict=True))
    changes = write_tree(project.docs, tree, state)
    for source in inputs.sources:
        record = examined.outcomes[source.id].record
        if record is not None:
            write_atomic(source.record_path, record.data)
    state.sources = {statement_id: outcome.digest for statement_id, outcome in examined.outcomes.items()}
    state.inputs = inputs.total(state.sources)
    state.summary = summary(listings)
    save_json(state_path, state.to_json())
    return Rendered(state.summary, changes)


def _remove_leftovers(project: Project) -> None:
    """Delete what an interrupted command left: temporary files, and the staging folders of earlier versions."""
    cache = project.root / CACHE_FOLDER
    remove_leftovers([*(project.docs / owned for owned in OWNED), project.root / anchors.RECORDS, cache])
    for staging in cache.glob("staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


def correct(project: Project, statement_id: str, anchor: str, reason: str, date: datetime.date) -> None:
    """Record a deliberate correction of a commitment's words (``erratum``)."""
    from edition import registry

    _change_record(project, statement_id, lambda r, s: registry.with_erratum(r, s, anchor, reason, date))


def retire(
    project: Project, statement_id: str, anchor: str, successor: str | None, reason: str, date: datetime.date
) -> None:
    """Record that a vanished anchor is retired and where it now leads (``retire``)."""
    from edition import registry

    _change_record(project, statement_id, lambda r, s: registry.with_retirement(r, s, anchor, successor, reason, date))


def _change_record(
    project: Project, statement_id: str, change: Callable[[registry.AnchorRecord, Statement], registry.AnchorRecord]
) -> None:
    with lock.held(project.root):
        _change_record_locked(project, statement_id, change)


def _change_record_locked(
    project: Project, statement_id: str, change: Callable[[registry.AnchorRecord, Statement], registry.AnchorRecord]
) -> None:
    from edition import registry
    from edition.validation import read_statement

    source = read_source(project.root, statement_id)
    if source.error is not None:
        raise ProblemError([source.error])
    path = source.path
    statement, problems = read_statement(path, source.data)
    record, record_problems = registry.parse(source.record_path, source.record)
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


def build(project: Project, site_dir: Path | None, wait: float = WAIT_SECONDS) -> int:
    """``render``, then ``mkdocs build --strict``, both under the project's lock; the exit status of MkDocs' part."""
    with lock.held(project.root, wait):
        render_locked(project)
        return _mkdocs_build(project, site_dir)


def _mkdocs_build(project: Project, site_dir: Path | None) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project.config)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir.resolve())]
    import subprocess

    completed = subprocess.run(command, env=_mkdocs_environment(), check=False)
    return EXIT_OK if completed.returncode == 0 else EXIT_SITE_FAILED


def serve(project: Project, port: int) -> None:
    """``render``, then serve on 127.0.0.1 with live reload until interrupted.

    A change to a statement file, an anchor record, a hand-written page under
    ``docs/``, the theme's overrides or ``mkdocs.yml`` renders again, then MkDocs
    rebuilds the pages whose files changed and the browser reloads (see
    :mod:`edition.watch`). An invalid edit prints its problems and leaves the last
    good pages in place; the next change renders again.
    """
    from edition.watch import EditorsLoop, render_lock

    with render_lock(project.root):
        render(project)
    os.environ.update(_mkdocs_environment())
    _show_mkdocs_log()
    print(f"serve: http://127.0.0.1:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    EditorsLoop(project.root, project.config, port, lambda: rerender(project)).run()


def rerender(project: Project) -> tuple[bool, bool]:
    """Render after an edit while serving, holding the render lock; problems are printed, never raised.

    Whether the render succeeded, and whether it removed files under ``docs/``.
    """
    from edition.watch import render_lock

    start = time.perf_counter()
    try:
        with render_lock(project.root):
            rendered = render(project)
    except ProblemError as error:
        report(error)
        print("serve: the site keeps the last valid version", file=sys.stderr)
        return False, False
    except lock.Busy as busy:  # another command kept the folder longer than render waits
        print(f"serve: {busy}; the site keeps the last version", file=sys.stderr)
        return False, False
    except Exception as error:  # serving goes on; the next change renders again
        import traceback

        traceback.print_exc()
        print(f"serve: the render failed ({error}); the site keeps the last version", file=sys.stderr)
        return False, False
    print(f"serve: rendered {rendered} in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return True, bool(rendered.changes.removed)


def report(error: ProblemError) -> None:
    """Print each problem as one ``path:line:col: message`` line on stderr (a limited number a file), then a total."""
    lines, count = listed(error.problems)
    for line in lines:
        print(line, file=sys.stderr)
    files = len({problem.path for problem in error.problems})
    print(f"{count:,} problem{'s'[: count - 1]} in {files} file{'s'[: files - 1]}", file=sys.stderr)


def summary(listings: list[Listing]) -> str:
    """``1 statement(s), 4 paragraphs, 13 sentences``."""
    paragraphs = sum(listed.paragraph_count for listed in listings)
    commitments = sum(listed.commitment_count for listed in listings)
    return f"{len(listings)} statement(s), {paragraphs} paragraphs, {commitments} sentences"


def _show_mkdocs_log() -> None:
    """Show MkDocs' progress lines as its own command line does ("INFO    -  Building ...")."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _mkdocs_environment() -> dict[str, str]:
    # Material prints an end-of-life banner on every build unless told not to.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
