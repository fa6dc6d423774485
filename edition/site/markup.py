"""Official and editorial text, made safe to put into generated Markdown, and how values look there.

Text from a statement file is always shown as text (CONTRIBUTING.md,
"The text"). Two contexts exist in the generated pages:

* inside raw HTML blocks, which Markdown passes through untouched: the text is
  HTML-escaped (:func:`html_text`);
* inside Markdown (headings, link texts), where Markdown syntax would apply: every
  character that any Markdown extension might read as syntax is written as a
  numeric character reference (:func:`markdown_text`), which every Markdown
  engine turns back into the same character.

Neither function is allowed to change what a reader sees. The values of a statement
(dates, vocabulary labels, a sentence's words with its mentions linked, deadlines)
are shown by the functions below them, as HTML for raw HTML blocks.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Sequence

import orjson

from edition import vocabulary
from edition.dates import long_date, partial_date
from edition.statements.model import Deadline, Sentence, Statement


def html_text(text: str) -> str:
    """``text`` for an HTML text node or attribute value."""
    return html.escape(text, quote=True)


def markdown_text(text: str) -> str:
    """``text`` for a place where Markdown inline syntax applies.

    Letters, digits, non-ASCII characters and a few harmless punctuation marks stay
    as they are, for a readable source; every other ASCII character becomes
    ``&#N;``.
    """
    return _MARKDOWN_SYNTAX.sub(lambda match: f"&#{ord(match[0])};", text)


_MARKDOWN_SAFE = ",.-'\"/?%@;() "
"""ASCII punctuation that no Markdown syntax we can meet in the middle of a line uses."""
_MARKDOWN_SYNTAX = re.compile(
    "[" + re.escape("".join(c for c in map(chr, range(128)) if not c.isalnum() and c not in _MARKDOWN_SAFE)) + "]"
)
"""What :func:`markdown_text` writes as references: the other ASCII characters, but letters and digits."""


def front_matter(
    title: str,
    description: str | None = None,
    *,
    searchable: bool = True,
    for_developers: bool = False,
    in_navigation: bool = True,
    in_contents: bool = True,
    structured_data: str | None = None,
    meta_tags: Sequence[tuple[str, str]] = (),
    listed_in: str | None = None,
    alternates: Sequence[tuple[str, str, str]] = (),
) -> str:
    """A YAML front-matter block for a generated page.

    MkDocs and Material put ``title`` and ``description`` into the page (``<title>``,
    the header, ``<meta name="description">``) without escaping them, so they are
    HTML-escaped here; each is written as a JSON string, which is valid YAML. A page
    that is not ``searchable`` is left out of the search index, and one ``for_developers``
    (the file format, the data) ranks last in it (``overrides/main.html``); a page not
    ``in_navigation`` hides the navigation sidebar, which would be empty; one not ``in_contents`` hides the
    table of contents, whose room its content takes.
    ``structured_data`` is JSON-LD already safe inside ``<script>``
    (:func:`edition.site.metadata.structured_data`); the theme puts it in the page's head.
    ``meta_tags`` are ``<meta name content>`` pairs for the head (the citation tags of
    :func:`edition.site.citations.highwire_tags`), written as they are: the theme escapes them.
    ``listed_in``, the path of the page that lists this one, marks a statement's page for
    the theme (``overrides/main.html``: its breadcrumb and its place in the navigation).
    ``alternates`` are the page's other forms, as (address, media type, title), which the theme
    names in ``<link rel="alternate">`` elements, escaping them.
    """
    lines = ["---", f"title: {_json_string(html_text(title))}"]
    if description is not None:
        lines.append(f"description: {_json_string(html_text(description))}")
    hidden = [part for part, shown in (("navigation", in_navigation), ("toc", in_contents)) if not shown]
    if hidden:
        lines += ["hide:", *(f"  - {part}" for part in hidden)]
    if not searchable:
        lines += ["search:", "  exclude: true"]
    elif for_developers:
        lines += ["search:", "  for_developers: true"]
    if structured_data is not None:
        lines.append(f"structured_data: {_json_string(structured_data)}")
    if listed_in is not None:
        lines.append(f"listed_in: {_json_string(listed_in)}")
    if alternates:
        lines.append("alternates:")
        lines += [
            f"  - {{href: {_json_string(href)}, type: {_json_string(kind)}, title: {_json_string(title)}}}"
            for href, kind, title in alternates
        ]
    if meta_tags:
        lines.append("meta_tags:")
        lines += [f"  - {{name: {_json_string(name)}, content: {_json_string(value)}}}" for name, value in meta_tags]
    return "\n".join([*lines, "---"]) + "\n"


def _json_string(text: str) -> str:
    """``text`` as a JSON string (valid YAML), its characters as they are."""
    return orjson.dumps(text).decode("utf-8")


def time_html(date: datetime.date) -> str:
    """A ``<time>`` element showing ``date`` in words."""
    return f'<time datetime="{date.isoformat()}">{long_date(date)}</time>'


def kind_label(kind: str) -> str:
    """The label of a sentence kind."""
    return vocabulary.term(vocabulary.KINDS, kind).label


def topic_label(topic: str) -> str:
    """The label of a topic."""
    return vocabulary.term(vocabulary.TOPICS, topic).label


def sentence_html(statement: Statement, sentence: Sentence) -> str:
    """The commitment's words, escaped, with each mention of a referred document linking to its source."""
    return "".join(
        f'<a class="stmt-mention" href="{html_text(document.url)}">{html_text(piece)}</a>'
        if document
        else html_text(piece)
        for piece, document in statement.segments(sentence)
    )


def deadline_html(deadline: Deadline) -> str:
    """``deadline May 2002: the meeting ...; followed by 14 May 2002 (link), ...``: a deadline in a sentence's note."""
    return f"deadline {deadline_cell_html(deadline)}"


def deadline_cell_html(deadline: Deadline) -> str:
    """``May 2002: the meeting ...; followed by 14 May 2002 (link), ...``: a deadline in a column named Deadline."""
    event = f": {html_text(deadline.event)}" if deadline.event else ""
    shown = f"{partial_date(deadline.date)}{event}"
    if deadline.followed_by:
        links = ", ".join(
            f'<a href="{html_text(f.url)}" title="{html_text(f.title)}">{long_date(f.date)}</a>'
            for f in deadline.followed_by
        )
        shown += f"; followed by {links}"
    return shown
