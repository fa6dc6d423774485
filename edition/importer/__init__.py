"""Import a statement as published (plain text copied from its page) into a draft statement file.

    python build_site.py import PATH [--output statements/<id>.yaml] [--source-url URL] [--publisher NAME]

The steps, in the order the work happens:

1. :func:`~edition.importer.files.read` - the file's text; empty, binary and HTML files are refused.
2. :func:`edition.importer.layout.parse` - page furniture is dropped, the header becomes
   metadata and the body paragraphs, whatever their layout (dates are read by
   :mod:`edition.importer.dates`).
3. :func:`edition.importer.draft.write` - the paragraphs are cut into commitments
   (:mod:`edition.importer.sentences`), annotations are guessed
   (:mod:`edition.importer.guesses`) and the draft YAML is written, every guess and
   placeholder marked ``# REVIEW``.

Every problem is a :class:`~edition.problems.Problem` (``path:line:col: message``),
raised together in a :class:`~edition.problems.ProblemError`.

The ``import`` verb loads this package, and so does ``check`` for a statement with an official
text, whose paragraphs :func:`~edition.importer.layout.parse` finds (:mod:`edition.statements.official`); the
sentence splitter, slow to load, loads only when it first splits a paragraph.
"""

from __future__ import annotations

from edition.importer.files import EXISTS, import_statement, import_to, read

__all__ = ["EXISTS", "import_statement", "import_to", "read"]
