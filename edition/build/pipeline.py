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

from edition import anchors
from edition.build import children, lock, places, settings
from edition.build.cache import FOLDER as CACHE_FOLDER
from edition.build.cache import code_digest, load_json, save_json
from edition.build.output import (
    KEEP,
    OWNED,
    Changes,
    File,
    RenderState,
    remove_leftovers,
    remove_others,
    write_atomic,
    write_tree,
)
from edition.build.settings import Settings
from edition.build.sources import Inputs, read_inputs, read_source
from edition.problems import CommandError, Problem, ProblemError, listed

if TYPE_CHECKING:  # the modules that read statements and make pages load only when there is work
    from edition.build.generation import Outcome
    from edition.records import registry
    from edition.site.listings import Listing
    from edition.statements.model import Statement

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
        return self.root / settings.CONFIG

    @property
    def records(self) -> Path:
        """The records of published anchors."""
        return self.root / anchors.RECORDS

    @property
    def cache(self) -> Path:
        """The render state and the lock (:mod:`edition.build.cache`)."""
        return self.root / CACHE_FOLDER

    def settings(self) -> Settings:
        """What ``mkdocs.yml`` says of the site (:mod:`edition.build.settings`); raises :class:`ProblemError`."""
        return settings.read(self.root)

    def site_url(self) -> str:
        """The address the site is published at, ending in ``/``; raises :class:`ProblemError`."""
        return self.settings().site_url


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
    from edition.build.generation import run, statement_paths  # not needed when a render has nothing to do

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
"""How long :func:`render` waits, by default, for another command of this folder to end (:mod:`edition.build.lock`)."""


def render(project: Project, wait: float = WAIT_SECONDS) -> Rendered:
    """Validate, then write the generated pages under ``docs/`` and record new anchors; under the project's lock.

    Waits up to ``wait`` seconds for another command that writes in the folder, then
    raises :class:`edition.build.lock.Busy`. See :func:`render_locked`.
    """
    with lock.held(project.root, wait):
        return render_locked(project)


RENDER_WRITES = "the render writes and cleans"
"""What a render does in its folders, for the lines that refuse one (:mod:`edition.build.places`)."""


def render_locked(project: Project) -> Rendered:
    """:func:`render`, for a caller that holds the project's lock.

    Load, validate, generate, write. First the folders it writes and cleans are looked
    at: one that is a link, or holds one, stops it before anything is touched
    (:mod:`edition.build.places`). Temporary files that a killed command left are deleted.
    The inputs are read and hashed (the statement files, the anchor records, the
    site's address, this code); when none changed since the last render and its files
    are intact, nothing is parsed and nothing is written, and only files that the
    render did not make are removed from its folders. Otherwise every statement is read
    and checked and the changed ones rendered; only when all are valid, and every
    folder to write in can be written, are the records, then ``docs/``, then the render
    state written, each file only if its bytes change and always atomically: pages
    never show an anchor that is not recorded.
    """
    owned = [project.docs / name for name in OWNED]
    places.refuse_unsafe(project.root, [*owned, project.records, project.cache], RENDER_WRITES)
    places.refuse_links_within(owned, RENDER_WRITES)
    _remove_leftovers(project)
    state_path = project.cache / "render-state.json"
    state = RenderState.from_json(load_json(state_path))
    inputs = read_inputs(project.root, project.site_url(), code_digest())
    if state.inputs == inputs.total() and state.summary and state.all_intact(project.docs):
        return Rendered(state.summary, Changes([], remove_others(project.docs, set(state.files))))
    examined = examine(project, inputs, state)
    from edition.build.generation import shared_files, statement_paths

    listings = list(examined.listings.values())
    tree: dict[PurePosixPath, File | None] = dict(shared_files(listings, inputs.site_url))
    for statement_id, outcome in examined.outcomes.items():
        files = outcome.files or (KEEP,) * len(statement_paths(statement_id))
        tree.update(zip(statement_paths(statement_id), files, strict=True))
    records = [
        (source.record_path, outcome.record)
        for source in inputs.sources
        if (outcome := examined.outcomes[source.id]).record is not None
    ]
    pages = {(project.docs / path).parent for path, file in tree.items() if file is not KEEP}
    places.refuse_unwritable([*(path.parent for path, _ in records), *sorted(pages), project.cache])
    for path, record in records:
        write_atomic(path, record.data)
    changes = write_tree(project.docs, tree, state)
    state.sources = {statement_id: outcome.digest for statement_id, outcome in examined.outcomes.items()}
    state.inputs = inputs.total(state.sources)
    state.summary = summary(listings)
    save_json(state_path, state.to_json())
    return Rendered(state.summary, changes)


def _remove_leftovers(project: Project) -> None:
    """Delete what an interrupted command left: temporary files, and the staging folders of earlier versions."""
    remove_leftovers([*(project.docs / owned for owned in OWNED), project.records, project.cache])
    for staging in project.cache.glob("staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


def correct(project: Project, statement_id: str, anchor: str, reason: str, date: datetime.date) -> None:
    """Record a deliberate correction of a commitment's words (``erratum``)."""
    from edition.records import registry

    _change_record(project, statement_id, lambda r, s: registry.with_erratum(r, s, anchor, reason, date))


def retire(
    project: Project, statement_id: str, anchor: str, successor: str | None, reason: str, date: datetime.date
) -> None:
    """Record that a vanished anchor is retired and where it now leads (``retire``)."""
    from edition.records import registry

    _change_record(project, statement_id, lambda r, s: registry.with_retirement(r, s, anchor, successor, reason, date))


def _change_record(
    project: Project, statement_id: str, change: Callable[[registry.AnchorRecord, Statement], registry.AnchorRecord]
) -> None:
    places.refuse_unsafe(project.root, [project.records], "the command writes the anchor record")
    with lock.held(project.root):
        _change_record_locked(project, statement_id, change)


def _change_record_locked(
    project: Project, statement_id: str, change: Callable[[registry.AnchorRecord, Statement], registry.AnchorRecord]
) -> None:
    from edition.records import registry
    from edition.statements.validation import read_statement

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
    """``render``, then ``mkdocs build --strict``, both under the project's lock; the exit status of MkDocs' part.

    ``site_dir`` (relative to the current folder) or else ``site_dir`` of ``mkdocs.yml``
    (relative to the project) is where the site is built: MkDocs empties it first, so it
    must be a real folder inside the project (:mod:`edition.build.places`), looked at before
    anything is written.
    """
    site = Path(os.path.abspath(site_dir)) if site_dir is not None else project.root / project.settings().site_dir
    places.refuse_unsafe(project.root, [site], "the build empties and writes the site's folder")
    places.refuse_unwritable([site])
    with lock.held(project.root, wait):
        render_locked(project)
        return _mkdocs_build(project, site)


def _mkdocs_build(project: Project, site: Path) -> int:
    """Run MkDocs' build in a process group of its own, which is ended with this command however it ends."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project.config)]
    command += ["--site-dir", os.path.abspath(site)]
    import subprocess

    with subprocess.Popen(
        command, env=_mkdocs_environment(), start_new_session=True, preexec_fn=children.dying_with(os.getpid())
    ) as builder:
        try:
            status = builder.wait()
        except BaseException:  # interrupted: MkDocs and the Pagefind it runs end now, not after this command
            children.end_group(builder)
            raise
    return EXIT_OK if status == 0 else EXIT_SITE_FAILED


def serve(project: Project, port: int) -> None:
    """``render``, then serve on 127.0.0.1 with live reload until interrupted.

    The port is tried first: one in use stops the command before anything is done.
    A change to a statement file, an anchor record, a hand-written page under
    ``docs/``, the theme's overrides or ``mkdocs.yml`` renders again, then MkDocs
    rebuilds the pages whose files changed and the browser reloads (see
    :mod:`edition.build.watch`). An invalid edit prints its problems and leaves the last
    good pages in place; the next change renders again. The site is built in a
    folder of its own in the cache (:func:`edition.build.watch.site_folder`), deleted when
    the command ends, however it is stopped.
    """
    from edition.build.watch import EditorsLoop, port_fault, render_lock

    fault = port_fault(port)
    if fault is not None:
        raise CommandError(fault)
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
    from edition.build.watch import render_lock

    start = time.perf_counter()
    try:
        with render_lock(project.root):
            rendered = render(project)
    except ProblemError as error:
        report(error)
        print("serve: the site keeps the last valid version", file=sys.stderr)
        return False, False
    except CommandError as error:  # another command kept the folder longer than render waits, a link, ...
        print(f"serve: {error}; the site keeps the last version", file=sys.stderr)
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
    sentences = sum(listed.sentence_count for listed in listings)
    return f"{len(listings)} statement(s), {paragraphs} paragraphs, {sentences} sentences"


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
