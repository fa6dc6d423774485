"""Pages that list across statements: statements, commitments, topics, the timeline.

They are made from one :class:`Listing` per statement: what these pages show of
it, made once, where the statement is rendered (in a worker process, see
:mod:`edition.generation`), and kept between renders while its file is unchanged.
The pages are assembled anew at every render, so they stay true to the statement
files. Statement pages are the only place a statement's words are searched: these pages
repeat the words, so they are kept out of the search index (``search: exclude``)
and a search still lands on the paragraph.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from edition.display import deadline_html, kind_label, long_date, partial_date, time_html, topic_label
from edition.markup import front_matter, html_text, markdown_text
from edition.model import Commitment, Statement
from edition.vocabulary import KINDS, TOPICS, Term


@dataclass(frozen=True)
class Listing:
    """What the pages that list statements and commitments show of one statement.

    It is plain data (strings, numbers and tuples of them), which travels between
    processes and into the cache many times faster than an object per commitment.
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
    """Its commitments' rows in a table of commitments, in reading order, with :data:`ROOT` for the path to
    the site's root."""
    topics: dict[str, tuple[int, ...]]
    """For each topic of its commitments, where in :attr:`rows` the commitments with that topic are."""
    deadlines: tuple[tuple[str, str, str], ...]
    """Its commitments with a deadline: the deadline (``YYYY-MM`` or ``YYYY-MM-DD``), the anchor, and the item
    on the timeline."""

    @property
    def commitment_count(self) -> int:
        """How many commitments it has."""
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
    for index, commitment in enumerate(statement.commitments):
        for topic in commitment.topics:
            by_topic.setdefault(topic, []).append(index)
    return Listing(
        id=statement.id,
        title=statement.title,
        date=statement.date,
        place=statement.place,
        document_type=statement.document_type,
        paragraph_count=len(statement.paragraphs),
        rows=tuple(_commitment_row(statement, commitment, cited) for commitment in statement.commitments),
        topics={topic: tuple(indexes) for topic, indexes in by_topic.items()},
        deadlines=tuple(
            (commitment.deadline.date, commitment.anchor, _timeline_item(statement, commitment, cited))
            for commitment in statement.commitments
            if commitment.deadline
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
            link = f"[{markdown_text(listed.title)}]({listed.id}/index.md)"
            lines.append(
                f"- {long_date(listed.date)}: {link}, {markdown_text(listed.place)} "
                f"({markdown_text(listed.document_type)})"
            )
        lines.append("")
    lines.append("Every statement is also listed as data: [index.json](index.json).")
    return "\n".join(lines) + "\n"


def _commitment_row(statement: Statement, commitment: Commitment, cited: str) -> str:
    """A table row of a commitment; ``cited`` names its statement."""
    url = f"{ROOT}statements/{statement.id}/#{commitment.anchor}"
    topics = ", ".join(_topic_link(topic) for topic in commitment.topics)
    deadline = deadline_html(commitment.deadline) if commitment.deadline else ""
    return (
        f'<tr data-kind="{commitment.kind}" data-topics="{" ".join(commitment.topics)}">'
        f'<td><a href="{url}">para. {commitment.paragraph}, commitment {commitment.number}</a>: '
        f"{html_text(commitment.text)}</td>"
        f"<td>{cited}</td><td>{_kind_label(commitment.kind)}</td><td>{topics}</td><td>{deadline}</td></tr>"
    )


@cache
def _topic_link(topic: str) -> str:
    """A link from a table row to a topic's page."""
    return f'<a href="{ROOT}topics/{topic}/">{html_text(topic_label(topic))}</a>'


@cache
def _kind_label(kind: str) -> str:
    return html_text(kind_label(kind))


def _commitment_table(rows: Iterable[str], root: str) -> str:
    """A table of commitments from their rows; ``root`` leads from the page to the site's root."""
    head = (
        '<table class="stmt-commitments">\n'
        '<thead><tr><th scope="col">Commitment</th><th scope="col">Statement</th>'
        '<th scope="col">Kind</th><th scope="col">Topics</th><th scope="col">Deadline</th></tr></thead>\n'
        "<tbody>\n"
    )
    return (head + "\n".join(rows) + "\n</tbody>\n</table>").replace(ROOT, root)


def commitments_page(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/commitments/``: every commitment, filterable by kind and topic."""
    ordered = newest_first(listings)
    count = sum(listed.commitment_count for listed in ordered)
    kinds = "".join(f'<option value="{t.id}">{html_text(t.label)}</option>' for t in KINDS)
    topics = "".join(f'<option value="{t.id}">{html_text(t.label)}</option>' for t in TOPICS)
    lines = [
        front_matter("Commitments", searchable=False),
        "# Commitments",
        "",
        f"Every commitment of every statement, {count} in all: each sentence of the official text, "
        "with what it does (its [kind](../format/index.md#kinds)) and what it is about "
        "(its [topics](../topics/index.md)). Choose a kind or a topic to narrow the list; the address "
        "of the page keeps your choice, so it can be shared.",
        "",
        '<form class="stmt-filter" hidden aria-label="Filter the commitments">',
        f'<label>Kind <select name="kind"><option value="">all kinds</option>{kinds}</select></label>',
        f'<label>Topic <select name="topic"><option value="">all topics</option>{topics}</select></label>',
        f'<output class="stmt-filter-count" aria-live="polite">{count} commitments</output>',
        "</form>",
        "",
        _commitment_table([row for listed in ordered for row in listed.rows], "../"),
    ]
    return "\n".join(lines) + "\n"


def topics_index(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/topics/``: the topic vocabulary, with how many commitments each has."""
    counts: Counter[str] = Counter()
    for listed in listings:
        counts.update({topic: len(indexes) for topic, indexes in listed.topics.items()})
    lines = [
        front_matter("Topics"),
        "# Topics",
        "",
        "Every commitment is tagged with one or more topics from this vocabulary, most important first. "
        "Each topic's page lists its commitments across all statements.",
        "",
        "| topic | term in statement files | what it covers | commitments |",
        "|---|---|---|---|",
    ]
    for term in TOPICS:
        lines.append(f"| [{term.label}]({term.id}/index.md) | `{term.id}` | {term.definition} | {counts[term.id]} |")
    return "\n".join(lines) + "\n"


def topic_pages(listings: Iterable[Listing]) -> dict[str, str]:
    """The Markdown of every ``/topics/<topic>/`` page, by topic."""
    rows: dict[str, list[str]] = {term.id: [] for term in TOPICS}
    for listed in newest_first(listings):
        for topic, indexes in listed.topics.items():
            rows[topic] += [listed.rows[index] for index in indexes]
    return {term.id: _topic_page(term, rows[term.id]) for term in TOPICS}


def _topic_page(topic: Term, rows: list[str]) -> str:
    """The Markdown of ``/topics/<topic>/``: the rows of the commitments tagged with ``topic``."""
    count = f"{len(rows)} commitment{'s'[: len(rows) != 1]}" if rows else "No commitment yet"
    lines = [
        front_matter(f"Topic: {topic.label}", searchable=False, in_navigation=False),
        f"# {topic.label}",
        "",
        f"{topic.definition} {count} tagged with this topic. [All topics](../index.md).",
        "",
    ]
    if rows:
        lines.append(_commitment_table(rows, "../../"))
    return "\n".join(lines) + "\n"


def timeline_page(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/timeline/``: commitments with a deadline, and what followed, by date."""
    dated = sorted(
        (deadline, listed.id, anchor, item) for listed in listings for deadline, anchor, item in listed.deadlines
    )
    lines = [
        front_matter("Timeline", searchable=False),
        "# Timeline",
        "",
        "The commitments that set a deadline, in the order of their deadlines, with what followed.",
        "",
        *(item for *_, item in dated),
    ]
    return "\n".join(lines) + "\n"


def _timeline_item(statement: Statement, commitment: Commitment, cited: str) -> str:
    """A commitment's item on the timeline: its deadline, its words and what followed."""
    assert commitment.deadline is not None
    deadline = commitment.deadline
    event = f": {html_text(deadline.event)}" if deadline.event else ""
    url = f"../statements/{statement.id}/#{commitment.anchor}"
    lines = [
        f'<section class="stmt-timeline-item" aria-label="Deadline {partial_date(deadline.date)}">',
        f'<h2 class="stmt-timeline-date">{partial_date(deadline.date)}{event}</h2>',
        f'<p><a href="{url}">{cited}, para. {commitment.paragraph}, commitment {commitment.number}</a></p>',
        f'<blockquote class="stmt-quote">{html_text(commitment.text)}</blockquote>',
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
