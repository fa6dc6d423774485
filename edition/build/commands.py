"""The verbs of ``build_site.py``: check, render, build, serve, erratum, retire.

A render reads, top-down: the folders it writes in are looked at and what a killed
command left is deleted (:func:`render_locked`); load, the project's inputs read
(:mod:`edition.build.sources`); then, through the cache (:func:`edition.build.cache.render`):
validate, every statement checked, and generate, the changed ones made into files on
every core (:mod:`edition.build.generation`); then write, ``docs/`` made to hold them
(:mod:`edition.build.output`). ``docs/`` is touched only when every statement is
valid (CONTRIBUTING.md, "The command line" and "Statement files").
"""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from edition.build import cache, children, lock, places, reports
from edition.build.output import remove_leftovers
from edition.build.project import Project
from edition.build.reports import Rendered, show_mkdocs_log
from edition.build.sources import read_inputs, read_source
from edition.problems import CommandError, Problem, ProblemError

if TYPE_CHECKING:  # the modules that read statements and make pages load only when there is work
    from edition.records import recordfile
    from edition.site.listings import Listing
    from edition.statements.model import Statement

EXIT_OK, EXIT_INVALID, EXIT_SITE_FAILED = 0, 1, 2


def check(project: Project) -> list[Listing]:
    """Validate every statement and its published anchors; write nothing, so take no lock."""
    from edition.build.generation import validate

    return validate(read_inputs(project.root, project.site_url()))


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
    """:func:`render`, for a caller that holds the project's lock: load, then validate, generate and write.

    First the folders it writes and cleans are looked at: one that is a link, or holds
    one, stops it before anything is touched (:mod:`edition.build.places`), and what a
    killed command left is deleted. Then the inputs are read (load), and handed to the
    cache, which validates, generates what changed and writes (:func:`edition.build.cache.render`).
    """
    places.refuse_unsafe(project.root, [*project.owned, project.records, project.cache], RENDER_WRITES)
    places.refuse_links_within(project.owned, RENDER_WRITES)
    _remove_leftovers(project)
    inputs = read_inputs(project.root, project.site_url())
    return cache.render(project, inputs)


def _remove_leftovers(project: Project) -> None:
    """Delete what an interrupted command left: temporary files, and the staging folders of earlier versions."""
    remove_leftovers([*project.owned, project.records, project.cache])
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
    project: Project, statement_id: str, change: Callable[[recordfile.AnchorRecord, Statement], recordfile.AnchorRecord]
) -> None:
    places.refuse_unsafe(project.root, [project.records], "the command writes the anchor record")
    with lock.held(project.root):
        _change_record_locked(project, statement_id, change)


def _change_record_locked(
    project: Project, statement_id: str, change: Callable[[recordfile.AnchorRecord, Statement], recordfile.AnchorRecord]
) -> None:
    from edition.records import recordfile, registry
    from edition.statements.validation import read_statement

    source = read_source(project.root, statement_id)
    if source.error is not None:
        raise ProblemError([source.error])
    path = source.path
    statement, problems = read_statement(path, source.data)
    record, record_problems = recordfile.parse(source.record_path, source.record)
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
    project = project.rendered_again()  # each render reads only the statements that changed since the last
    with render_lock(project.root):
        render(project)
    os.environ.update(_mkdocs_environment())
    show_mkdocs_log()
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
        reports.report(error)
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


def _mkdocs_environment() -> dict[str, str]:
    # Material prints an end-of-life banner on every build unless told not to.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
