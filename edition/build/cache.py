"""The cache around generation: what a render keeps from the last one, decided by hashes, never by timestamps.

A render goes through :func:`render`, which holds both halves of the cache. The
decision: the hash of each statement's inputs (:func:`source_digest`: its file, its
record, its official text, the site's address and this package's code,
:func:`code_digest`) and of all of them (:func:`inputs_digest`). The state:
``.cache/edition/`` under the project root (git ignores it) holds
``render-state.json`` (:class:`State`): what the last render wrote under ``docs/``,
each file with its hash, size and modification time, and each statement's hash.

So a render with nothing changed does nothing; otherwise every statement is read and
checked again, but only those whose hash changed, or whose files are not on disk as
the last render wrote them, are made again (:mod:`edition.build.generation`); a file
whose bytes are known to be on disk is not even read (:mod:`edition.build.output`);
a file changed on disk by anything else is written again. The folder also holds
``lock`` while a command that writes runs (:mod:`edition.build.lock`).

``serve``, which renders again after every save, also keeps in memory what it read and
checked of each statement (:class:`Checked`, never saved): a render after one save
reads and checks the saved statement alone, and assembles the lists from what it
knows of the others.

The state is this program's own output on this machine; a missing, stale,
truncated or unreadable state is treated as absent (a full render). Deleting the
folder is always safe: the next render is a cold one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from edition.build import places
from edition.build.output import Changes, remove_others, write_atomic, write_if_changed, write_tree
from edition.build.reports import Rendered, summary
from edition.build.sources import Inputs, StatementFile
from edition.digests import digest

if TYPE_CHECKING:  # generation loads only when there is work (:func:`render`)
    from edition.build.generation import File, Outcome
    from edition.build.project import Project

STATE = "render-state.json"
"""The file of the :class:`State`, in :data:`edition.folders.CACHE`."""

_PACKAGE = Path(__file__).parent.parent
"""The ``edition`` package, every module of which may shape the output."""


def code_digest() -> str:
    """The hash of the code that makes the output: this package's modules and the citation styles it reads.

    Output made by other code, or with other styles, is never reused.
    """
    sources = sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.csl")])
    return digest(*(part for path in sources for part in (path.relative_to(_PACKAGE).as_posix(), path.read_bytes())))


def source_digest(code: str, site_url: str, source: StatementFile, record: bytes | None = None) -> str:
    """The hash of all that ``source``'s files depend on; with ``record``, as if its record held that."""
    record = source.record if record is None else record
    official = () if source.official is None else (source.official,)  # none differs from an empty one
    return digest(code, site_url, source.path.name, source.data or b"", record or b"", *official)


def inputs_digest(code: str, inputs: Inputs, digests: dict[str, str]) -> str:
    """The hash of all the inputs, the statements having the hashes ``digests`` (by id)."""
    parts = (part for statement_id in sorted(digests) for part in (statement_id, digests[statement_id]))
    return digest(code, inputs.site_url, *(str(problem.path) for problem in inputs.orphans), *parts)


@dataclass
class State:
    """What the last render wrote, and what each statement's files were made from (``render-state.json``)."""

    files: dict[str, list[Any]] = field(default_factory=dict)
    """Path under ``docs/`` → [SHA-256, size, modification time in ns] as written."""
    sources: dict[str, str] = field(default_factory=dict)
    """Statement id → the hash of everything its files were made from (:func:`source_digest`)."""
    inputs: str = ""
    """The hash of all the inputs of the last render (:func:`inputs_digest`)."""
    summary: str = ""
    """What the last render's edition held."""

    @classmethod
    def read(cls, folder: Path) -> State:
        """The state saved in ``folder``; empty when there is none or it cannot be read."""
        try:
            data = json.loads((folder / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        return cls.from_json(data if isinstance(data, dict) else {})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        """The state saved as ``data`` (empty when it is not a state)."""
        files, sources = data.get("files"), data.get("sources")
        inputs, summary = data.get("inputs"), data.get("summary")
        if (
            isinstance(files, dict)
            and isinstance(sources, dict)
            and isinstance(inputs, str)
            and isinstance(summary, str)
        ):
            return cls(files, sources, inputs, summary)
        return cls()

    def save(self, folder: Path) -> None:
        """Write the state in ``folder`` atomically, unless its file already holds it."""
        data = {"files": self.files, "sources": self.sources, "inputs": self.inputs, "summary": self.summary}
        write_if_changed(folder / STATE, json.dumps(data, sort_keys=True).encode("utf-8"))

    def remember(self, docs: Path, files: dict[PurePosixPath, File], kept: set[PurePosixPath]) -> None:
        """Record that ``docs`` holds the ``kept`` files as the last render wrote them, and the others of ``files``
        as they are on disk now."""
        recorded = {str(path): self.files[str(path)] for path in kept}
        for path, file in files.items():
            if path not in kept:
                stat = (docs / path).stat()
                recorded[str(path)] = [file.sha256, stat.st_size, stat.st_mtime_ns]
        self.files = dict(sorted(recorded.items()))

    def unchanged(self, docs: Path, digests: dict[str, str], paths: dict[str, list[PurePosixPath]]) -> set[str]:
        """The statements (ids) whose hash is ``digests``' and whose files (``paths``) are on disk as written."""
        return {
            statement_id
            for statement_id, hashed in digests.items()
            if self.sources.get(statement_id) == hashed and all(self.intact(docs, path) for path in paths[statement_id])
        }

    def all_intact(self, docs: Path) -> bool:
        """Whether every file of the last render is on disk as it was written."""
        return bool(self.files) and all(_intact(docs / path, recorded) for path, recorded in self.files.items())

    def intact(self, docs: Path, path: PurePosixPath, sha256: str | None = None) -> bool:
        """Whether ``path`` is on disk exactly as the last render wrote it (and, given ``sha256``, with those bytes)."""
        recorded = self.files.get(str(path))
        return recorded is not None and sha256 in (None, recorded[0]) and _intact(docs / path, recorded)


def _intact(path: Path, recorded: list[Any]) -> bool:
    """Whether the file at ``path`` has the size and modification time ``recorded`` ([SHA-256, size, time])."""
    try:
        stat = path.stat()
    except OSError:
        return False
    return bool(stat.st_size == recorded[1] and stat.st_mtime_ns == recorded[2])


class Checked:
    """What a process that renders again and again (``serve``) has read and checked of each statement, in memory.

    Each statement's :class:`~edition.build.generation.Outcome` (its problems, its listing,
    its record's new text; not its files) is kept with the hash of the inputs it was
    found from (:func:`source_digest`), and is used again only while the statement's
    hash is that one: a changed statement is read again, a removed one forgotten. It
    lives and dies with the process; nothing of it is saved.
    """

    def __init__(self) -> None:
        self._outcomes: dict[str, tuple[str, Outcome]] = {}
        """Statement id → the hash of its inputs, and what was found of them."""

    def known(self, digests: dict[str, str]) -> dict[str, Outcome]:
        """The outcomes kept of the statements of ``digests`` (id → hash) whose inputs are the same, by id."""
        return {
            statement_id: outcome
            for statement_id, (hashed, outcome) in self._outcomes.items()
            if digests.get(statement_id) == hashed
        }

    def keep(self, digests: dict[str, str], outcomes: dict[str, Outcome]) -> None:
        """Keep the ``outcomes`` found from the inputs of ``digests`` (both by id), without their files, and only
        them: a statement gone from ``digests`` is forgotten."""
        self._outcomes = {
            statement_id: (digests[statement_id], replace(outcome, files=None))
            for statement_id, outcome in outcomes.items()
            if statement_id in digests
        }


def render(project: Project, inputs: Inputs) -> Rendered:
    """Validate, generate what changed, write: ``docs/`` made to hold the output of ``inputs``, through the cache.

    When no input changed since the last render and its files are intact, nothing is
    parsed and nothing is written, and only files that the render did not make are
    removed from its folders. Otherwise every statement is read and checked, and the
    changed ones made again (:func:`edition.build.generation.generate`, which raises
    :class:`~edition.problems.ProblemError` with every problem); only when all are
    valid, and every folder to write in can be written, are the records, then
    ``docs/``, then the state written, each file only if its bytes change and always
    atomically: pages never show an anchor that is not recorded.

    With the project's :attr:`~edition.build.project.Project.checked` (``serve``), the
    statements it knows are not read again, and a render with nothing to do reads
    every statement once, so that the next one need not.
    """
    docs, state, code, checked = project.docs, State.read(project.cache), code_digest(), project.checked
    digests = {source.id: source_digest(code, inputs.site_url, source) for source in inputs.sources if not source.error}
    known = {} if checked is None else checked.known(digests)
    all_known = checked is None or known.keys() == digests.keys()
    if state.inputs == inputs_digest(code, inputs, digests) and state.summary and state.all_intact(docs) and all_known:
        return Rendered(state.summary, Changes([], remove_others(docs, set(state.files))))  # nothing to do
    from edition.build.generation import generate, statement_paths, work_on  # not needed when there is nothing to do

    paths = {source.id: statement_paths(source.id, source.official is not None) for source in inputs.sources}
    unchanged = state.unchanged(docs, digests, paths)
    outcomes = work_on(inputs, paths.keys() - unchanged, known)  # every statement checked, the changed ones made
    if checked is not None:
        checked.keep(digests, outcomes)  # even when one has problems: the next render reads it alone
    generated = generate(inputs, outcomes)
    files = dict(generated.shared)
    for statement_id, outcome in generated.outcomes.items():
        if outcome.files is not None:
            files.update(zip(paths[statement_id], outcome.files, strict=True))
    kept = {path for statement_id in unchanged for path in paths[statement_id]}  # on disk as last written
    kept |= {path for path, file in files.items() if state.intact(docs, path, file.sha256)}
    records = {source.record_path: generated.outcomes[source.id].record for source in inputs.sources}
    made_from = {
        source.id: source_digest(code, inputs.site_url, source, record.data if record else None)
        for source, record in zip(inputs.sources, records.values(), strict=True)
    }
    edition = summary(generated.listings)
    changes = _write(project, {path: record for path, record in records.items() if record is not None}, files, kept)
    state.remember(docs, files, kept)
    state.sources, state.inputs, state.summary = made_from, inputs_digest(code, inputs, made_from), edition
    state.save(project.cache)
    return Rendered(edition, changes)


def _write(
    project: Project, records: dict[Path, File], files: dict[PurePosixPath, File], kept: set[PurePosixPath]
) -> Changes:
    """Write the new ``records``, then make ``docs/`` hold ``files``, of which the ``kept`` ones are on disk already.

    Nothing is written until every folder to write in, the cache's too, has been found
    writable (:func:`edition.build.places.refuse_unwritable`).
    """
    pages = {(project.docs / path).parent for path in files}
    places.refuse_unwritable([*(path.parent for path in records), *sorted(pages), project.cache])
    for path, record in records.items():
        write_atomic(path, record.data)
    return write_tree(project.docs, {path: file.data for path, file in files.items() if path not in kept}, kept)
