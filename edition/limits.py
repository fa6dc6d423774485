"""How large, long, deep or faulty an input may be: the limits that keep every run short and small.

Each limit is far above what a real statement needs, and each is checked before
the work it bounds, so that no file, however made, exhausts the machine.
CONTRIBUTING.md ("Limits") and the "Statement file format" page state them, and a
test checks those pages against the numbers here.
"""

from __future__ import annotations

from typing import Final

MAX_STATEMENT_BYTES: Final = 10_000_000
"""The largest statement file (and text to ``import``), in bytes, checked before it is read.

A statement of 10,000 paragraphs of two sentences each takes about 3.7 MB; ``check``
needs about 40 MB of memory per MB of statement, ``render`` about 150 MB."""

MAX_RECORD_BYTES: Final = 5 * MAX_STATEMENT_BYTES
"""The largest anchor record, in bytes, checked before it is read.

A record holds each sentence's words again with their 64-character checksum, so the
record of a statement of many short sentences is larger than its file: five times,
at most, for a statement within :data:`MAX_STATEMENT_BYTES`."""

MAX_CONFIG_BYTES: Final = 1_000_000
"""The largest ``mkdocs.yml``, in bytes, read for the site's settings (:mod:`edition.build.settings`)."""

MAX_TEXT_LENGTH: Final = 20_000
"""The most characters of one text value (a title, a sentence, ...): eight pages or so."""

MAX_ID_LENGTH: Final = 100
"""The most characters of a statement's id, the file name's stem, which names its record and its folder
of pages too (a file name has at most 255 bytes)."""

MAX_DIGITS: Final = 9
"""The most digits a number of the format may have: a paragraph number of a billion is a mistake."""

MAX_NESTING: Final = 1_000
"""The deepest a statement file's lists and mappings may nest: the format needs a dozen levels, and the
YAML reader crashes at some tens of thousands."""

MAX_PROBLEMS_PER_FILE: Final = 50
"""The most problems reported for one file; one more line counts the rest."""

PAGEFIND_BASE_SECONDS: Final = 60
"""The time Pagefind is given to index any site, before :data:`PAGEFIND_SECONDS_PER_PAGE` for each page.

Pagefind indexes the real site (8 pages) in about 0.1 s, 0.3 s on a core shared with
another busy process; the base is far above that, for a slow or busy machine."""

PAGEFIND_SECONDS_PER_PAGE: Final = 0.05
"""The time Pagefind is given for each page it indexes, on top of :data:`PAGEFIND_BASE_SECONDS`.

Measured: about 2.4 ms a page at 2,000 and 1.6 ms at 5,000 pages on 2 cores, 3.6 ms
when the machine is busy, 8.7 ms on a single core shared with another busy process;
2.8 to 5.4 ms at 10,000 pages. A Pagefind that takes longer is stopped, and the build fails."""
