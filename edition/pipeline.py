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
from typing import TYPE_CHECKING, Any

import yaml

from edition.cache import FOLDER as CACHE_FOLDER
from edition.cache import ListingCache, code_digest, load_json, save_json
from edition.output import KEEP, Changes, File, RenderState, place, put_all, write_tree
from edition.problems import Problem, ProblemError
from edition.sources import Inputs, read_inputs

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


def examine(
    project: Project, inputs: Inputs, state: RenderState, cache: ListingCache, staging: Path | None = None
) -> Examined:
    """Read and check every statement that changed since the last render; with ``staging``, render them too.

    A statement whose hash is the one recorded by the last render was valid then and
    is taken from the cache; for a render, its files must also be intact. A new
    statement's files are written in ``staging`` (see
    :func:`edition.generation.run`). Raises :class:`ProblemError` with every problem
    found.
    """
    render = staging is not None
    from edition.generation import listing_of, run, statement_paths  # not needed when a render has nothing to do

    kept: dict[str, Listing] = {}
    for source in inputs.sources:
        key = inputs.digests.get(source.id)
        cached = cache.get(source.id, key) if key and state.sources.get(source.id) == key else None
        if cached is None:
            continue
        if not render or all(state.intact(project.docs, path) for path in statement_paths(source.id)):
            kept[source.id] = cached
    to_do = [source for source in inputs.sources if source.id not in kept]
    done = run(inputs, to_do, render, project.docs, staging)
    outcomes = dict(zip((s.id for s in to_do), done, strict=True))
    problems = [
        *inputs.problems,
        *(problem for outcome in outcomes.values() for problem in outcome.problems),
        *(problem for outcome in outcomes.values() for problem in outcome.record_problems),
        *inputs.orphans,
    ]
    if problems:
        raise ProblemError(problems)
    listings = {s.id: kept[s.id] if s.id in kept else listing_of(outcomes[s.id]) for s in inputs.sources}
    return Examined(inputs, listings, outcomes)


def check(project: Project) -> list[Listing]:
    """Validate every statement and its published anchors; write nothing (the cache is only read)."""
    state = RenderState.from_json(load_json(project.root / CACHE_FOLDER / "render-state.json"))
    inputs = read_inputs(project.root, project.site_url(), code_digest(), contents=bool(state.sources))
    return list(examine(project, inputs, state, ListingCache.open(project.root)).listings.values())


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


def render(project: Project) -> Rendered:
    """Validate, then write the generated pages under ``docs/`` and record new anchors.

    Only what changed is read, rendered and written (see :mod:`edition.sources`).
    When no input changed since the last render (the statement files, the anchor
    records, the site's address, this code) and its files are intact, nothing is
    parsed and nothing is written: the last render's result stands.
    """
    state_path = project.root / CACHE_FOLDER / "render-state.json"
    state = RenderState.from_json(load_json(state_path))
    first = not state.sources  # nothing to compare with: every statement is read in the workers
    inputs = read_inputs(project.root, project.site_url(), code_digest(), contents=not first)
    if not first and state.inputs == inputs.total() and state.summary and state.all_intact(project.docs):
        return Rendered(state.summary, Changes([], []))
    cache = ListingCache.open(project.root)
    staging = project.root / CACHE_FOLDER / f"staging-{os.getpid()}"
    try:
        examined = examine(project, inputs, state, cache, staging)
        made = _made(project, examined, staging)
        changes = write_tree(project.docs, made.tree, state, made.placed)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # what invalid input left, or nothing
    put_all(made.records)
    for statement_id, listed in made.listed.items():
        cache.put(statement_id, made.digests[statement_id], listed)
    cache.keep_only(set(made.digests))
    state.sources = made.digests
    state.inputs = inputs.total(made.digests)
    state.summary = summary(list(examined.listings.values()))
    save_json(state_path, state.to_json())
    cache.save()
    return Rendered(state.summary, changes)


@dataclass(frozen=True)
class _Made:
    """What a render has made, ready to be written."""

    tree: dict[PurePosixPath, File | None]
    """The generated files to write under ``docs/`` (:data:`~edition.output.KEEP` for unchanged ones)."""
    placed: dict[str, list[Any]]
    """Files of new statements, already moved into ``docs/``: path → [SHA-256, size, time]."""
    records: list[tuple[str, File]]
    """Records of published anchors to write: path and text."""
    digests: dict[str, str]
    """Each statement's hash, with its record as this render leaves it."""
    listed: dict[str, bytes]
    """The listings made anew, pickled, by statement id."""


def _made(project: Project, examined: Examined, staging: Path) -> _Made:
    """Gather the files of every statement and of the lists; move the staged folders into ``docs/``."""
    from edition.generation import shared_files, statement_paths

    listings = list(examined.listings.values())
    made = _Made(dict(shared_files(listings, examined.inputs.site_url)), {}, [], dict(examined.inputs.digests), {})
    for source in examined.inputs.sources:
        outcome = examined.outcomes.get(source.id)
        if outcome is None:  # unchanged since the last render
            made.tree.update(dict.fromkeys(statement_paths(source.id), KEEP))
            continue
        if outcome.staged is not None:
            moved = place(staging / source.id, project.docs / "statements" / source.id, outcome.staged)
            made.placed.update({f"statements/{source.id}/{name}": recorded for name, recorded in moved.items()})
        else:
            assert outcome.files is not None, "a rendered statement has its files or a staged folder"
            made.tree.update(zip(statement_paths(source.id), outcome.files, strict=True))
        if outcome.record is not None:
            made.records.append((str(source.record_path), outcome.record))
        made.digests[source.id] = outcome.digest
        assert outcome.listing is not None, "a statement without problems has a listing"
        made.listed[source.id] = outcome.listing
    return made


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
    project: Project, statement_id: str, change: Callable[[registry.Record, Statement], registry.Record]
) -> None:
    from edition import registry
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
    except Exception as error:  # serving goes on; the next change renders again
        import traceback

        traceback.print_exc()
        print(f"serve: the render failed ({error}); the site keeps the last version", file=sys.stderr)
        return False, False
    print(f"serve: rendered {rendered} in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return True, bool(rendered.changes.removed)


def report(error: ProblemError) -> None:
    """Print each problem as one ``path:line:col: message`` line on stderr, then a total."""
    for problem in error.problems:
        print(problem.format(), file=sys.stderr)
    count, files = len(error.problems), len({problem.path for problem in error.problems})
    print(f"{count} problem{'s'[: count - 1]} in {files} file{'s'[: files - 1]}", file=sys.stderr)


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
