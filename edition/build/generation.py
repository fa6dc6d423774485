"""The work of ``check`` and ``render``: each statement on its own, then the pages that list them all.

Every statement is read, validated, checked against its record of published
anchors and, when its files must be made again, rendered by :func:`work`, on its
own; with many statements, in worker processes (:mod:`edition.build.parallel`). What
comes back is the problems, the statement's :class:`~edition.site.listings.Listing`,
its hash, its record's new text and its files' bytes: nothing is written here.
The pages that list across statements are then assembled from the listings
(:func:`shared_files`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from edition import urls
from edition.build.output import File
from edition.build.parallel import parallel_map
from edition.build.sources import Inputs, StatementFile, source_digest
from edition.problems import Problem
from edition.records import permanence, registry
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
"""What each statement has in its folder under ``docs/statements/``."""


@dataclass(frozen=True)
class Job:
    """One statement to read and check, and what to make of it."""

    source: StatementFile
    """The statement file and its record."""
    site_url: str
    """The site's address, which makes the data's links absolute."""
    render: bool
    """Whether to make its files too, or only to check it and make its listing."""
    code: str
    """The hash of this package's code, part of the statement's hash."""


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
    digest: str = ""
    """The hash of what its files are made from (:func:`~edition.build.sources.source_digest`), with its
    record as it is after this render; empty when it has problems."""
    files: tuple[File, ...] | None = None
    """Its files, in the order of :data:`STATEMENT_FILES`, when it was rendered."""


def statement_paths(statement_id: str) -> list[PurePosixPath]:
    """Where a statement's files go under ``docs/``."""
    folder = PurePosixPath(urls.statement_path(statement_id))
    return [folder / name for name in STATEMENT_FILES]


def run(inputs: Inputs, jobs: list[tuple[StatementFile, bool]]) -> list[Outcome]:
    """:func:`work` on each source, with whether to render it, in order; on every core when there are many."""
    return parallel_map(work, [Job(source, inputs.site_url, render, inputs.code) for source, render in jobs])


def work(job: Job) -> Outcome:
    """Read and check one statement and, if ``job.render`` and it is valid, make its files."""
    source = job.source
    if source.error is not None:
        return Outcome([source.error], [], None, None)
    statement, problems = read_statement(source.path, source.data, source.official)
    if statement is None:
        return Outcome(problems, [], None, None)
    published, record_problems = registry.parse(source.record_path, source.record)
    if published is not None:
        record_problems += permanence.compare(statement, published, source.record_path)
    if record_problems:
        return Outcome([], record_problems, None, None)
    record = registry.with_new_anchors(statement, published)
    new_record = File.of(registry.text_of(record)) if record != published else None
    key = source_digest(job.code, job.site_url, source, new_record.data if new_record else None)
    files = _statement_files(statement, record, job.site_url) if job.render else None
    return Outcome([], [], listing(statement), new_record, key, files)


def _statement_files(statement: Statement, record: registry.AnchorRecord, site_url: str) -> tuple[File, ...]:
    """A statement's page, JSON, Akoma Ntoso and citation files, in the order of :data:`STATEMENT_FILES`."""
    texts = (
        statement_page(statement, record, site_url),
        statement_data(statement, record, site_url),
        akoma_ntoso(statement, site_url),
        bibtex(statement, site_url),
        ris(statement, site_url),
        csl_json(statement, site_url),
    )
    return tuple(File.of(text) for text in texts)


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
