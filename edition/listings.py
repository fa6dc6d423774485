"""Pages that list across statements: statements, commitments, topics, the timeline.

They are generated for every render, so they stay true to the statement files.
Statement pages are the only place a statement's words are searched: these pages
repeat the words, so they are kept out of the search index (``search: exclude``)
and a search still lands on the paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from edition.display import deadline_html, kind_label, long_date, partial_date, time_html, topic_label
from edition.markup import front_matter, html_text, markdown_text
from edition.model import Commitment, Statement
from edition.vocabulary import KINDS, TOPICS


def statements_index(statements: Iterable[Statement]) -> str:
    """The Markdown of ``/statements/``: every statement, newest year first.

    One heading per year keeps the page scannable at thousands of statements;
    statement pages stay out of the navigation, which therefore stays small.
    """
    lines = [front_matter("Statements"), "# Statements", ""]
    ordered = sorted(statements, key=lambda s: (s.date, s.id), reverse=True)
    for year, group in groupby(ordered, key=lambda s: s.date.year):
        lines += [f"## {year} {{ #year-{year} }}", ""]
        for statement in group:
            link = f"[{markdown_text(statement.title)}]({statement.id}/index.md)"
            lines.append(
                f"- {long_date(statement.date)}: {link}, {markdown_text(statement.place)} "
                f"({markdown_text(statement.document_type)})"
            )
        lines.append("")
    lines.append("Every statement is also listed as data: [index.json](index.json).")
    return "\n".join(lines) + "\n"


def _all_commitments(statements: Iterable[Statement]) -> list[tuple[Statement, Commitment]]:
    """Every commitment, newest statement first, in reading order within a statement."""
    ordered = sorted(statements, key=lambda s: (s.date, s.id), reverse=True)
    return [(statement, commitment) for statement in ordered for commitment in statement.commitments]


def _commitment_rows(pairs: list[tuple[Statement, Commitment]], base: str) -> Iterator[str]:
    """A table of commitments; ``base`` leads from the page to the site's root."""
    yield '<table class="stmt-commitments">'
    yield (
        '<thead><tr><th scope="col">Commitment</th><th scope="col">Statement</th>'
        '<th scope="col">Kind</th><th scope="col">Topics</th><th scope="col">Deadline</th></tr></thead>'
    )
    yield "<tbody>"
    for statement, commitment in pairs:
        url = f"{base}statements/{statement.id}/#{commitment.anchor}"
        topics = ", ".join(f'<a href="{base}topics/{t}/">{html_text(topic_label(t))}</a>' for t in commitment.topics)
        deadline = deadline_html(commitment.deadline) if commitment.deadline else ""
        yield (
            f'<tr data-kind="{commitment.kind}" data-topics="{" ".join(commitment.topics)}">'
            f'<td><a href="{url}">para. {commitment.paragraph}, commitment {commitment.number}</a>: '
            f"{html_text(commitment.text)}</td>"
            f"<td>{html_text(statement.title)}, {html_text(statement.place)}, {long_date(statement.date)}</td>"
            f"<td>{html_text(kind_label(commitment.kind))}</td><td>{topics}</td><td>{deadline}</td></tr>"
        )
    yield "</tbody>"
    yield "</table>"


def commitments_page(statements: Iterable[Statement]) -> str:
    """The Markdown of ``/commitments/``: every commitment, filterable by kind and topic."""
    pairs = _all_commitments(statements)
    kinds = "".join(f'<option value="{t.id}">{html_text(t.label)}</option>' for t in KINDS)
    topics = "".join(f'<option value="{t.id}">{html_text(t.label)}</option>' for t in TOPICS)
    lines = [
        front_matter("Commitments", searchable=False),
        "# Commitments",
        "",
        f"Every commitment of every statement, {len(pairs)} in all: each sentence of the official text, "
        "with what it does (its [kind](../format/index.md#kinds)) and what it is about "
        "(its [topics](../topics/index.md)). Choose a kind or a topic to narrow the list; the address "
        "of the page keeps your choice, so it can be shared.",
        "",
        '<form class="stmt-filter" hidden aria-label="Filter the commitments">',
        f'<label>Kind <select name="kind"><option value="">all kinds</option>{kinds}</select></label>',
        f'<label>Topic <select name="topic"><option value="">all topics</option>{topics}</select></label>',
        f'<output class="stmt-filter-count" aria-live="polite">{len(pairs)} commitments</output>',
        "</form>",
        "",
        *_commitment_rows(pairs, "../"),
    ]
    return "\n".join(lines) + "\n"


def topics_index(statements: Iterable[Statement]) -> str:
    """The Markdown of ``/topics/``: the topic vocabulary, with how many commitments each has."""
    pairs = _all_commitments(statements)
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
        count = sum(term.id in c.topics for _, c in pairs)
        lines.append(f"| [{term.label}]({term.id}/index.md) | `{term.id}` | {term.definition} | {count} |")
    return "\n".join(lines) + "\n"


def topic_pages(statements: Iterable[Statement]) -> dict[str, str]:
    """The Markdown of every ``/topics/<topic>/`` page, by topic."""
    everything = _all_commitments(statements)
    return {term.id: _topic_page(term.id, [(s, c) for s, c in everything if term.id in c.topics]) for term in TOPICS}


def _topic_page(topic: str, pairs: list[tuple[Statement, Commitment]]) -> str:
    """The Markdown of ``/topics/<topic>/``: the commitments tagged with ``topic``."""
    label = topic_label(topic)
    definition = next(t.definition for t in TOPICS if t.id == topic)
    count = f"{len(pairs)} commitment{'s'[: len(pairs) != 1]}" if pairs else "No commitment yet"
    lines = [
        front_matter(f"Topic: {label}", searchable=False, in_navigation=False),
        f"# {label}",
        "",
        f"{definition} {count} tagged with this topic. [All topics](../index.md).",
        "",
    ]
    if pairs:
        lines += list(_commitment_rows(pairs, "../../"))
    return "\n".join(lines) + "\n"


def timeline_page(statements: Iterable[Statement]) -> str:
    """The Markdown of ``/timeline/``: commitments with a deadline, and what followed, by date."""
    dated = sorted(
        ((s, c) for s, c in _all_commitments(statements) if c.deadline is not None),
        key=lambda pair: (pair[1].deadline.date if pair[1].deadline else "", pair[0].id, pair[1].anchor),
    )
    lines = [
        front_matter("Timeline", searchable=False),
        "# Timeline",
        "",
        "The commitments that set a deadline, in the order of their deadlines, with what followed.",
        "",
    ]
    for statement, commitment in dated:
        assert commitment.deadline is not None
        deadline = commitment.deadline
        event = f": {html_text(deadline.event)}" if deadline.event else ""
        url = f"../statements/{statement.id}/#{commitment.anchor}"
        lines += [
            f'<section class="stmt-timeline-item" aria-label="Deadline {partial_date(deadline.date)}">',
            f'<h2 class="stmt-timeline-date">{partial_date(deadline.date)}{event}</h2>',
            f'<p><a href="{url}">{html_text(statement.title)}, {html_text(statement.place)}, '
            f"{long_date(statement.date)}, para. {commitment.paragraph}, commitment {commitment.number}</a></p>",
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
    return "\n".join(lines) + "\n"
