"""Pages that list across statements: statements, sentences, topics, the timeline.

Each sentence of a statement's text is a unit of this edition, with a permanent
anchor (``#para_3__cmt_1``: the name of the anchor is older than the wording, and
frozen: :data:`edition.urls.FROZEN`). The listing pages call them sentences, and keep
"commitment" for the sentences of the kind ``commit``: the list holds condemnations
and expressions of sympathy as well.

They are made from one :class:`Listing` per statement: what these pages show of
it, made once, where the statement is rendered (in a worker process, see
:mod:`edition.build.generation`), and kept between renders while its file is unchanged.
The pages are assembled anew at every render, so they stay true to the statement
files. Statement pages are the only place a statement's words are searched: these pages
repeat the words, so they are kept out of the search index (``search: exclude``)
and a search still lands on the paragraph.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from edition import urls
from edition.dates import long_date, partial_date
from edition.site.citations import short_pinpoint
from edition.site.markup import (
    deadline_cell_html,
    front_matter,
    html_text,
    kind_label,
    markdown_text,
    time_html,
    topic_label,
)
from edition.statements.model import Sentence, Statement
from edition.vocabulary import KINDS, TOPICS, Term


@dataclass(frozen=True)
class Listing:
    """What the pages that list statements and sentences show of one statement.

    It is plain data (strings, numbers and tuples of them), which travels between
    processes and into the cache many times faster than an object per sentence.
    """

    id: str
    """The statement's permanent id."""
    title: str
    """Its title."""
    date: datetime.date
    """Its date."""
    place: str
    """Where it was issued."""
    document_type: str
    """The publisher's type of document."""
    paragraph_count: int
    """How many paragraphs it has."""
    rows: tuple[str, ...]
    """Its sentences' rows in a table of sentences, in reading order, with :data:`ROOT` for the path to
    the site's root; each row is open, its Deadline cell (:attr:`deadline_cells`) still to come when the table
    has that column (:func:`_sentence_table`)."""
    deadline_cells: tuple[str, ...]
    """The Deadline cell of each row of :attr:`rows`: empty for a sentence without a deadline."""
    heading: str
    """The heading of its sentences on a listing page: its title, linked to its page (:data:`ROOT` for the path
    to the site's root), its place and date."""
    kinds: tuple[str, ...]
    """The kind of each row of :attr:`rows`."""
    topics: dict[str, tuple[int, ...]]
    """For each topic of its sentences, where in :attr:`rows` the sentences with that topic are."""
    deadlines: tuple[tuple[str, str, str], ...]
    """Its sentences with a deadline: the deadline (``YYYY-MM`` or ``YYYY-MM-DD``), the anchor, and the item
    on the timeline."""

    @property
    def sentence_count(self) -> int:
        """How many sentences it has."""
        return len(self.rows)

    @property
    def order(self) -> tuple[datetime.date, str]:
        """Sorted by this, newest last: date, then id."""
        return self.date, self.id


ROOT = "\x00"
"""In a table row, where the path from the page to the site's root goes (``../`` or ``../../``).

A row is made once and put on several pages. No text of a statement can hold this
character: YAML does not allow it in a file.
"""


def listing(statement: Statement) -> Listing:
    """What the listing pages show of ``statement``."""
    cited = f"{html_text(statement.title)}, {html_text(statement.place)}, {long_date(statement.date)}"
    by_topic: dict[str, list[int]] = {}
    for index, sentence in enumerate(statement.sentences):
        for topic in sentence.topics:
            by_topic.setdefault(topic, []).append(index)
    return Listing(
        id=statement.id,
        title=statement.title,
        date=statement.date,
        place=statement.place,
        document_type=statement.document_type,
        paragraph_count=len(statement.paragraphs),
        rows=tuple(_sentence_row(statement, sentence) for sentence in statement.sentences),
        deadline_cells=tuple(deadline_cell_html(s.deadline) if s.deadline else "" for s in statement.sentences),
        heading=_group_heading(statement),
        kinds=tuple(sentence.kind for sentence in statement.sentences),
        topics={topic: tuple(indexes) for topic, indexes in by_topic.items()},
        deadlines=tuple(
            (sentence.deadline.date, sentence.anchor, _timeline_item(statement, sentence, cited))
            for sentence in statement.sentences
            if sentence.deadline
        ),
    )


def newest_first(listings: Iterable[Listing]) -> list[Listing]:
    """``listings`` by date, newest first, then by id (reversed)."""
    return sorted(listings, key=lambda listed: listed.order, reverse=True)


def statements_index(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/statements/``: every statement, newest year first.

    One heading per year keeps the page scannable at thousands of statements;
    statement pages stay out of the navigation, which therefore stays small.
    """
    lines = [front_matter("Statements"), "# Statements", ""]
    for year, group in groupby(newest_first(listings), key=lambda listed: listed.date.year):
        lines += [f"## {year} {{ #year-{year} }}", ""]
        for listed in group:
            page = urls.page_file(urls.statement_path(listed.id))
            link = f"[{markdown_text(listed.title)}]({urls.relative(urls.STATEMENTS, page)})"
            lines.append(
                f"- {long_date(listed.date)}: {link}, {markdown_text(listed.place)} "
                f"({markdown_text(listed.document_type)})"
            )
        lines.append("")
    lines.append("Every statement is also listed as data: [index.json](index.json).")
    return "\n".join(lines) + "\n"


def _sentence_row(statement: Statement, sentence: Sentence) -> str:
    """A table row of a sentence, open: its Deadline cell and ``</tr>`` are added with the table.

    Each cell but the first names its column (``data-label``): on a narrow screen the
    rows are stacked and the names are shown before the values (``listings.css``).
    """
    url = urls.at(f"{ROOT}{urls.statement_path(statement.id)}", sentence.anchor)
    topics = ", ".join(_topic_link(topic) for topic in sentence.topics)
    return (
        f'<tr data-kind="{sentence.kind}" data-topics="{" ".join(sentence.topics)}">'
        f'<td><a href="{url}">{short_pinpoint(sentence)}</a>: '
        f"{html_text(sentence.text)}</td>"
        f'<td data-label="Kind">{_kind_label(sentence.kind)}</td>'
        f'<td data-label="Topics">{topics}</td>'
    )


def _group_heading(statement: Statement) -> str:
    """The heading of a statement's sentences on a listing page: its title linked to its page, place and date."""
    page = f"{ROOT}{urls.statement_path(statement.id)}"
    return (
        f'<a href="{page}">{html_text(statement.title)}</a>, {html_text(statement.place)}, {time_html(statement.date)}'
    )


@cache
def _topic_link(topic: str) -> str:
    """A link from a table row to a topic's page."""
    return f'<a href="{ROOT}{urls.topic_path(topic)}">{html_text(topic_label(topic))}</a>'


@cache
def _kind_label(kind: str) -> str:
    return html_text(kind_label(kind))


GROUP_CLASS = "stmt-sentence-group"
"""The section that holds one statement's sentences on a listing page: its heading, then its table."""
DEADLINE_COLUMN = "Deadline"
"""The column of a table of sentences that only some sentences fill: a table whose rows all leave it empty
does not have it."""


def _sentence_groups(listings: Iterable[Listing], rows_of: Callable[[Listing], list[int]], root: str) -> str:
    """The sentences of ``listings`` statement by statement: each statement's heading (its title, linked to its
    page, place and date), then a table of its rows ``rows_of`` it (their indexes); ``root`` leads from the page
    to the site's root. A statement none of whose sentences is listed is left out."""
    groups = [_sentence_group(listed, indexes) for listed in listings if (indexes := rows_of(listed))]
    return "\n".join(groups).replace(ROOT, root)


def _sentence_group(listed: Listing, indexes: list[int]) -> str:
    """One statement's heading and table of sentences, the rows at ``indexes``; the Deadline column only when one
    of them has a deadline."""
    heading_id = listed.id
    with_deadline = any(listed.deadline_cells[index] for index in indexes)
    deadline_head = f'<th scope="col">{DEADLINE_COLUMN}</th>' if with_deadline else ""
    rows = [
        listed.rows[index]
        + (f'<td data-label="{DEADLINE_COLUMN}">{listed.deadline_cells[index]}</td>' if with_deadline else "")
        + "</tr>"
        for index in indexes
    ]
    return "\n".join(
        [
            f'<section class="{GROUP_CLASS}" aria-labelledby="{heading_id}">',
            f'<h2 id="{heading_id}">{listed.heading}</h2>',
            f'<table class="stmt-sentences" aria-labelledby="{heading_id}">',
            '<thead><tr><th scope="col">Sentence</th><th scope="col">Kind</th><th scope="col">Topics</th>'
            f"{deadline_head}</tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
            "</section>",
        ]
    )


def sentences_page(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/commitments/``: every sentence, filterable by kind and topic.

    The menus offer only the kinds and topics that some sentence has, in the order of
    the vocabulary: a choice that can only empty the list is not offered. The page's
    address and the anchor of its heading (``#commitments``) are older than its title (frozen).
    """
    ordered = newest_first(listings)
    count = sum(listed.sentence_count for listed in ordered)
    kinds_used = {kind for listed in ordered for kind in listed.kinds}
    topics_used = {topic for listed in ordered for topic in listed.topics}
    kinds = _options(term for term in KINDS if term.id in kinds_used)
    topics = _options(term for term in TOPICS if term.id in topics_used)
    lines = [
        front_matter("Sentences", searchable=False, in_contents=False),
        f"# Sentences {{ #{urls.SENTENCES_HEADING} }}",
        "",
        f"Every sentence of every statement, {count} in all, with what it does (its "
        "[kind](../format/index.md#kinds): a commitment, a reaffirmation, a condemnation, ...) and what it is "
        "about (its [topics](../topics/index.md)). Choose a kind or a topic to narrow the list; the address "
        "of the page keeps your choice, so it can be shared.",
        "",
        '<form class="stmt-filter" hidden aria-label="Filter the sentences">',
        f'<label>Kind <select name="kind"><option value="">all kinds</option>{kinds}</select></label>',
        f'<label>Topic <select name="topic"><option value="">all topics</option>{topics}</select></label>',
        f'<output class="stmt-filter-count" aria-live="polite">{count} sentences</output>',
        '<button type="button" class="stmt-filter-clear" hidden>Show all sentences</button>',
        "</form>",
        "",
        _sentence_groups(ordered, lambda listed: list(range(listed.sentence_count)), urls.to_root(urls.SENTENCES)),
    ]
    return "\n".join(lines) + "\n"


def _options(terms: Iterable[Term]) -> str:
    """The ``<option>`` of each of ``terms`` in a filter's menu."""
    return "".join(f'<option value="{term.id}">{html_text(term.label)}</option>' for term in terms)


def topics_index(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/topics/``: the topic vocabulary, with how many sentences each has."""
    counts: Counter[str] = Counter()
    for listed in listings:
        counts.update({topic: len(indexes) for topic, indexes in listed.topics.items()})
    lines = [
        front_matter("Topics"),
        "# Topics",
        "",
        "Every sentence is tagged with one or more topics from this vocabulary, most important first. "
        "Each topic's page lists its sentences across all statements.",
        "",
        "| topic | term in statement files | what it covers | sentences |",
        "|---|---|---|---|",
    ]
    for term in TOPICS:
        lines.append(f"| [{term.label}]({term.id}/index.md) | `{term.id}` | {term.definition} | {counts[term.id]} |")
    return "\n".join(lines) + "\n"


def topic_pages(listings: Iterable[Listing]) -> dict[str, str]:
    """The Markdown of every ``/topics/<topic>/`` page, by topic."""
    ordered = newest_first(listings)
    return {term.id: _topic_page(term, ordered) for term in TOPICS}


def _topic_page(topic: Term, ordered: list[Listing]) -> str:
    """The Markdown of ``/topics/<topic>/``: the sentences of ``ordered`` tagged with ``topic``, by statement."""
    total = sum(len(listed.topics.get(topic.id, ())) for listed in ordered)
    count = f"{total} sentence{'s'[: total != 1]}" if total else "No sentence yet"
    lines = [
        front_matter(f"Topic: {topic.label}", searchable=False, in_navigation=False, in_contents=False),
        f"# {topic.label}",
        "",
        f"{topic.definition} {count} tagged with this topic. [All topics](../index.md).",
        "",
    ]
    if total:
        root = urls.to_root(urls.topic_path(topic.id))
        lines.append(_sentence_groups(ordered, lambda listed: list(listed.topics.get(topic.id, ())), root))
    return "\n".join(lines) + "\n"


def timeline_page(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/timeline/``: sentences with a deadline, and what followed, by date."""
    dated = sorted(
        (deadline, listed.id, anchor, item) for listed in listings for deadline, anchor, item in listed.deadlines
    )
    lines = [
        front_matter("Timeline", searchable=False),
        "# Timeline",
        "",
        "The sentences that set a deadline, in the order of their deadlines, with what followed.",
        "",
        *(item for *_, item in dated),
    ]
    return "\n".join(lines) + "\n"


def _timeline_item(statement: Statement, sentence: Sentence, cited: str) -> str:
    """A sentence's item on the timeline: its deadline, its words and what followed."""
    assert sentence.deadline is not None
    deadline = sentence.deadline
    event = f": {html_text(deadline.event)}" if deadline.event else ""
    url = urls.at(urls.relative(urls.TIMELINE, urls.statement_path(statement.id)), sentence.anchor)
    lines = [
        f'<section class="stmt-timeline-item" aria-label="Deadline {partial_date(deadline.date)}">',
        f'<h2 class="stmt-timeline-date">{partial_date(deadline.date)}{event}</h2>',
        f'<p><a href="{url}">{cited}, {short_pinpoint(sentence)}</a></p>',
        f'<blockquote class="stmt-quote">{html_text(sentence.text)}</blockquote>',
    ]
    if deadline.followed_by:
        lines.append('<p>What followed:</p>\n<ol class="stmt-followups">')
        for follow_up in deadline.followed_by:
            summary = f" {html_text(follow_up.summary)}" if follow_up.summary else ""
            lines.append(
                f"<li>{time_html(follow_up.date)}: "
                f'<a href="{html_text(follow_up.url)}">{html_text(follow_up.title)}</a>.{summary}</li>'
            )
        lines.append("</ol>")
    lines += ["</section>", ""]
    return "\n".join(lines)
