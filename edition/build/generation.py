"""Validate and generate: each statement read, checked and made into files, then the pages that list them all.

Every statement is read, validated, checked against its record of published
anchors and, when its files must be made again, rendered by :func:`work`, on its
own; with many statements, in worker processes (:mod:`edition.build.parallel`). What
comes back is the problems, the statement's :class:`~edition.site.listings.Listing`,
its record's new text and its files' bytes. Only when no statement has a problem
(:func:`validate` raises them all otherwise) are the pages that list across
statements made from the listings (:func:`generate`). Nothing is written here, and
nothing is known of what the last render made: the cache (:mod:`edition.build.cache`)
says which statements to make again and, under ``serve``, hands over what the serving
process already found of the unchanged ones (:func:`work_on`'s ``known``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from edition import urls
from edition.build.parallel import parallel_map
from edition.build.sources import Inputs, StatementFile
from edition.digests import sha256
from edition.problems import Problem, ProblemError
from edition.records import permanence, recordfile, registry
from edition.site.akn import akoma_ntoso
from edition.site.citations import bibtex, csl_json, ris
from edition.site.dataschema import data_schema
from edition.site.exports import corpus_index, statement_data
from edition.site.formatdoc import data_page, format_page
from edition.site.listings import (
    Listing,
    listing,
    sentences_page,
    statements_index,
    timeline_page,
    topic_pages,
    topics_index,
)
from edition.site.pages import statement_page
from edition.site.scriptrules import rules_script
from edition.statements.fileformat import schema_text
from edition.statements.model import Statement
from edition.statements.validation import read_statement

STATEMENT_FILES = (urls.PAGE_FILE, *urls.DOWNLOADS)
"""What each statement has in its folder under ``docs/statements/``; one with an official text has
:data:`~edition.urls.OFFICIAL_TEXT` too, after them."""


@dataclass(frozen=True)
class File:
    """The bytes of a generated file, with their SHA-256."""

    data: bytes
    """The file's bytes."""
    sha256: str
    """Their SHA-256, in hexadecimal."""

    @classmethod
    def of(cls, text: str) -> File:
        """The file holding ``text`` in UTF-8."""
        data = text.encode("utf-8")
        return cls(data, sha256(data))


@dataclass(frozen=True)
class Job:
    """One statement to read and check, and what to make of it."""

    source: StatementFile
    """The statement file and its record."""
    site_url: str
    """The site's address, which makes the data's links absolute."""
    render: bool
    """Whether to make its files too, or only to check it and make its listing."""


@dataclass(frozen=True)
class Outcome:
    """What the work on one statement found and made."""

    problems: list[Problem]
    """Problems in the statement file."""
    record_problems: list[Problem]
    """Anchors the statement would break (only looked for in a valid file)."""
    listing: Listing | None
    """What the listing pages show of it, when it is valid."""
    record: File | None
    """Its record's new text, when the record gained anchors (a first render records them all)."""
    files: tuple[File, ...] | None = None
    """Its files, in the order of :func:`statement_paths`, when it was rendered."""


def statement_paths(statement_id: str, official: bool = False) -> list[PurePosixPath]:
    """Where a statement's files go under ``docs/``: those of :data:`STATEMENT_FILES`, in their order, then
    the official text as taken when it has one (``official``)."""
    folder = PurePosixPath(urls.statement_path(statement_id))
    names = (*STATEMENT_FILES, urls.OFFICIAL_TEXT.name) if official else STATEMENT_FILES
    return [folder / name for name in names]


@dataclass(frozen=True)
class Generated:
    """What a render made of valid statements; nothing of it is written yet."""

    listings: list[Listing]
    """Each statement's listing, in file order."""
    outcomes: dict[str, Outcome]
    """The work done on each statement, by id: its new record, and its files when it was made again."""
    shared: dict[PurePosixPath, File]
    """The pages and data that list across statements (:func:`shared_files`), by path under ``docs/``."""


def validate(inputs: Inputs) -> list[Listing]:
    """Read and check every statement, make no file (``check``); each one's listing, or :class:`ProblemError`."""
    return _listings(inputs, work_on(inputs, ()))


def work_on(inputs: Inputs, to_make: Collection[str], known: Mapping[str, Outcome] | None = None) -> dict[str, Outcome]:
    """:func:`work` on each statement, by id in file order, on every core when there are many: each one read and
    checked, and the files of those in ``to_make`` (ids) made; a problem in a file is in its outcome, never raised.

    A statement whose outcome is ``known`` (by id: found from the same inputs, without its files) and whose
    files are not to be made is not read again.
    """
    known = known or {}
    jobs = [
        Job(source, inputs.site_url, source.id in to_make)
        for source in inputs.sources
        if source.id in to_make or source.id not in known
    ]
    done = dict(zip((job.source.id for job in jobs), parallel_map(work, jobs), strict=True))
    return {source.id: done[source.id] if source.id in done else known[source.id] for source in inputs.sources}


def generate(inputs: Inputs, outcomes: dict[str, Outcome]) -> Generated:
    """What a render makes of the ``outcomes`` of :func:`work_on`, with the pages that list across statements.

    Raises :class:`ProblemError` with every problem found, before any file is made
    that lists across statements.
    """
    listings = _listings(inputs, outcomes)
    return Generated(listings, outcomes, shared_files(listings, inputs.site_url))


def _listings(inputs: Inputs, outcomes: dict[str, Outcome]) -> list[Listing]:
    """Each statement's listing, when no statement and no folder has a problem; else :class:`ProblemError`."""
    problems = [
        *inputs.problems,
        *(problem for outcome in outcomes.values() for problem in outcome.problems),
        *(problem for outcome in outcomes.values() for problem in outcome.record_problems),
        *inputs.orphans,
    ]
    if problems:
        raise ProblemError(problems)
    listings = []
    for outcome in outcomes.values():
        assert outcome.listing is not None, "a statement without problems has a listing"
        listings.append(outcome.listing)
    return listings


def work(job: Job) -> Outcome:
    """Read and check one statement and, if ``job.render`` and it is valid, make its files."""
    source = job.source
    if source.error is not None:
        return Outcome([source.error], [], None, None)
    statement, problems = read_statement(source.path, source.data, source.official)
    if statement is None:
        return Outcome(problems, [], None, None)
    published, record_problems = recordfile.parse(source.record_path, source.record)
    if published is not None:
        record_problems += permanence.compare(statement, published, source.record_path)
    if record_problems:
        return Outcome([], record_problems, None, None)
    record = registry.with_new_anchors(statement, published)
    new_record = File.of(recordfile.text_of(record)) if record != published else None
    files = _statement_files(statement, record, job.site_url, source.official) if job.render else None
    return Outcome([], [], listing(statement), new_record, files)


def _statement_files(
    statement: Statement, record: recordfile.AnchorRecord, site_url: str, official: bytes | None
) -> tuple[File, ...]:
    """A statement's page, JSON, Akoma Ntoso and citation files, and its ``official`` text as taken (the bytes of
    ``sources/<id>.txt``, published as they are) when it has one: in the order of :func:`statement_paths`."""
    texts = (
        statement_page(statement, record, site_url, official),
        statement_data(statement, record, site_url),
        akoma_ntoso(statement, site_url),
        bibtex(statement, site_url),
        ris(statement, site_url),
        csl_json(statement, site_url),
    )
    files = tuple(File.of(text) for text in texts)
    return files if official is None else (*files, File(official, sha256(official)))


def shared_files(listings: list[Listing], site_url: str) -> dict[PurePosixPath, File]:
    """The files that are not any one statement's: lists of statements and commitments, formats, schemas."""
    texts = {
        urls.page_file(urls.STATEMENTS): statements_index(listings),
        urls.STATEMENTS_INDEX: corpus_index(listings, site_url),
        urls.page_file(urls.FORMAT): format_page(),
        urls.FORMAT_SCHEMA: schema_text(),
        urls.page_file(urls.SENTENCES): sentences_page(listings),
        urls.page_file(urls.TOPICS): topics_index(listings),
        urls.page_file(urls.TIMELINE): timeline_page(listings),
        urls.page_file(urls.DATA): data_page(listings),
        urls.DATA_SCHEMA: data_schema(),
        urls.SCRIPT_RULES: rules_script(),
    }
    for topic, page in topic_pages(listings).items():
        texts[urls.page_file(urls.topic_path(topic))] = page
    return {PurePosixPath(path): File.of(text) for path, text in texts.items()}
