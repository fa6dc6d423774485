"""What ``render`` writes under ``docs/``: every generated file, made only where needed.

Kept apart from :mod:`edition.pipeline` so that a render with nothing changed does
not even load the modules that make pages and exports.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from edition import registry
from edition.akn import akoma_ntoso
from edition.cache import digest
from edition.exports import corpus_index, data_schema, statement_data
from edition.formatdoc import data_page, format_page
from edition.listings import commitments_page, statements_index, timeline_page, topic_pages, topics_index
from edition.model import Statement
from edition.output import KEEP, RenderState, Tree
from edition.pages import statement_page
from edition.parallel import parallel_map
from edition.schema import schema_text

if TYPE_CHECKING:
    from edition.pipeline import Edition


STATEMENT_FILES = ("index.md", "data.json", "data.akn.xml")
"""What each statement has in its folder under ``docs/statements/``."""


def generate(edition: Edition, site_url: str, state: RenderState | None = None, docs: Path | None = None) -> Tree:
    """Every generated file, by its path under ``docs/``; ``site_url`` makes the data's links absolute.

    With the last render's ``state``, a statement whose sources (its file, its record,
    the site's address, this code) are unchanged and whose files are intact in
    ``docs`` is not rendered again: its files are marked :data:`KEEP`. The pages
    that list across statements are always made anew; they are written only if they
    changed. ``state.sources`` is updated.
    """
    statements = edition.statements
    tree: dict[PurePosixPath, str | None] = {
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
    for topic, page in topic_pages(statements).items():
        tree[PurePosixPath("topics", topic, "index.md")] = page
    sources: dict[str, str] = {}
    to_render: list[tuple[Statement, registry.Record, str]] = []
    for statement in statements:
        record = edition.records[statement.id]
        paths = _statement_paths(statement)
        source = digest(edition.hashes[statement.id], registry.text_of(record), site_url)
        sources[statement.id] = source
        unchanged = state is not None and state.sources.get(statement.id) == source
        if unchanged and state is not None and docs is not None and all(state.intact(docs, p) for p in paths):
            tree.update(dict.fromkeys(paths, KEEP))
        else:
            to_render.append((statement, record, site_url))
    for (statement, _, _), files in zip(to_render, parallel_map(_statement_files, to_render), strict=True):
        tree.update(zip(_statement_paths(statement), files, strict=True))
    if state is not None:
        state.sources = sources
    return tree


def _statement_paths(statement: Statement) -> list[PurePosixPath]:
    folder = PurePosixPath("statements", statement.id)
    return [folder / name for name in STATEMENT_FILES]


def _statement_files(job: tuple[Statement, registry.Record, str]) -> tuple[str, str, str]:
    """A statement's page, JSON and Akoma Ntoso, in the order of :data:`STATEMENT_FILES`."""
    statement, record, site_url = job
    return (
        statement_page(statement, record, site_url),
        statement_data(statement, record, site_url),
        akoma_ntoso(statement, site_url),
    )
