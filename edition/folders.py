"""The folders of a project, relative to its root: where each command reads and writes.

Every module takes these names from here (CONTRIBUTING.md, "Where commands write").
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

STATEMENTS: Final = Path("statements")
"""The statement files, ``statements/<id>.yaml``, with their JSON Schema."""
RECORDS: Final = STATEMENTS / "anchors"
"""The record of each statement's published anchors, ``statements/anchors/<id>.json``
(:mod:`edition.records.registry`)."""
SOURCES: Final = Path("sources")
"""The official texts, ``sources/<id>.txt`` (:mod:`edition.statements.official`)."""
DOCS: Final = Path("docs")
"""MkDocs' source folder: hand-written pages, and the folders a render makes (:data:`edition.build.output.OWNED`)."""
OVERRIDES: Final = Path("overrides")
"""The theme's templates that extend Material's (``custom_dir`` in ``mkdocs.yml``); ``serve`` watches them."""
SITE: Final = Path("site")
"""Where ``build`` writes the site when neither ``--site-dir`` nor ``site_dir`` in ``mkdocs.yml`` says."""
CACHE: Final = Path(".cache") / "edition"
"""The render state and the lock (:mod:`edition.build.cache`, :mod:`edition.build.lock`); git ignores it."""
