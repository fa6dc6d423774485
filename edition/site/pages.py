"""The Markdown of the generated pages: one per statement, and the list of statements.

Official words go into raw HTML blocks, HTML-escaped, where no Markdown syntax
applies; only the paragraph headings are Markdown, so that the table of contents,
the ``¶`` permalink and the search index see them.

Search: Pagefind indexes the built pages (``edition/build/searchindex.py``). It records where
every element with an ``id`` stands among the words of a page, so a result can land
on the sentence (``para_N__cmt_M``) or the paragraph heading (``para_N``) that holds
the words (``docs/assets/search.js``). What is not official text or a heading is kept
out of the index (``data-pagefind-ignore``): the metadata, the paragraph numbers and
the notes. The notes still give each statement its filters (``data-pagefind-filter``):
the kind of each sentence and its topics, and the header the statement's year (and its
date, which search results show beside the title). The editorial parts that are indexed,
the paragraph headings and the list of documents referred to, weigh less than the
official words (:data:`EDITORIAL_SEARCH_WEIGHT`), so that a page holding the words in its
sentences ranks above one holding them in its headings.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import cache

from edition import anchors, urls, vocabulary
from edition.dates import long_date
from edition.digests import sha256
from edition.records.recordfile import AnchorRecord, Erratum, Retirement
from edition.site.citations import citation_data, highwire_tags
from edition.site.markup import (
    deadline_html,
    front_matter,
    html_text,
    markdown_text,
    sentence_html,
    time_html,
    topic_label,
)
from edition.site.metadata import structured_data
from edition.statements.model import Paragraph, Sentence, Statement

DOCUMENTS_ANCHOR = "documents"
"""The "Documents referred to" section of a statement page."""
EDITORIAL_SEARCH_WEIGHT = "0.5"
"""Pagefind's weight (``data-pagefind-weight``) of the indexed editorial words of a statement page: its paragraph
headings and its documents referred to. The official words weigh 1, and a heading would weigh 6 by default;
Pagefind squares weights, so an editorial word counts a quarter of an official one."""

EDITORIAL_NOTE = (
    "Paragraph headings and the notes under each paragraph (the kind of each sentence, its topics, "
    "the documents it refers to, its deadlines) are editorial. The paragraphs are the official text."
)
PROVENANCE_ANCHOR = "provenance"
"""The "Provenance" section of a statement page: where the official text comes from, as taken."""
CORRECTIONS_ANCHOR = "corrections"
"""The "Corrections" section of a statement page: errata and retired anchors, or none since first publication."""
TITLE_ANCHOR = "title"
"""The statement's title on its page: where "Skip to content" leads."""
ABOUT_SUMMARY = "about-this-text"
"""The summary of "About this text", which names the disclosure also where it shows as a side panel."""
CITE_STATEMENT = '<button type="button" class="stmt-cite stmt-cite-statement" hidden>Cite this statement</button>'
"""The control that opens the Cite menu of the whole statement, at the end of the line of the official text.

Written here, not by ``edition.js``, so that the first paint holds it where it stays: shown from the first
paint where scripts run (the ``js`` class of ``overrides/main.html``, ``docs/assets/edition.css``), which then
make it work; hidden (``hidden``) where they do not, and in print. No space before it: its margin sets it apart."""
LICENCE = '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
"""The licence of this edition's annotations, data and pages (the official words are their issuer's)."""


def page_title(statement: Statement) -> str:
    """The title of a statement's page: its title and date, which tell statements apart."""
    return f"{statement.title}, {long_date(statement.date)}"


def citation(statement: Statement) -> str:
    """How the statement is cited: "NATO-Russia Joint Statement, Brussels, 7 December 2001"."""
    return f"{statement.title}, {statement.place}, {long_date(statement.date)}"


def statement_page(statement: Statement, record: AnchorRecord, site_url: str, official: bytes | None = None) -> str:
    """The Markdown of ``/statements/<id>/``; ``record`` brings its corrections and retired anchors.

    ``site_url`` makes the page's permanent address and its schema.org data absolute;
    ``official`` is the official text as taken (``sources/<id>.txt``), when the edition keeps one.
    The title is a Markdown heading, so that "Skip to content" leads to it and the
    table of contents lists the paragraphs under it; the metadata around it is left
    out of the search index, so that a search for words of the text finds the
    paragraph that holds them.
    """
    head = front_matter(
        page_title(statement),
        statement.subtitle or statement.title,
        in_navigation=False,
        structured_data=structured_data(statement, site_url),
        meta_tags=highwire_tags(statement, site_url),
        listed_in=urls.STATEMENTS,
        alternates=[
            (urls.file_url(site_url, statement.id, file.name), file.media_type, file.label)
            for file in urls.DOWNLOAD_FILES
        ],
    )
    parts = [
        head.rstrip("\n"),
        f"# {markdown_text(statement.title)} {{ #{TITLE_ANCHOR} .stmt-title }}",
        "\n".join(_header(statement, urls.statement_url(site_url, statement.id), _retired_leading_to(record, None))),
    ]
    for paragraph in statement.paragraphs:
        parts.append(_paragraph_heading(paragraph))
        parts.append("\n".join(_paragraph_body(statement, paragraph, record)))
    weight = f'data-pagefind-weight="{EDITORIAL_SEARCH_WEIGHT}"'  # the edition's headings weigh as its notes
    if statement.documents:
        parts.append(f"## Documents referred to {{ #{DOCUMENTS_ANCHOR} {weight} }}")
        parts.append("\n".join(_documents(statement)))
    parts.append(f"## Provenance {{ #{PROVENANCE_ANCHOR} {weight} }}")
    parts.append("\n".join(_provenance(statement, official)))
    parts.append(f"## Corrections {{ #{CORRECTIONS_ANCHOR} {weight} }}")
    parts.append("\n".join(_corrections(statement, record)))
    # An attribute, not a <script type="application/json">: Material's instant navigation runs again every
    # script of the page it shows, as JavaScript and without its id, which breaks on JSON and loses the data.
    citations = html_text(citation_data(statement, site_url))
    parts.append(f'<div id="stmt-citations" hidden data-citations="{citations}"></div>')
    return "\n\n".join(parts) + "\n"


def _header(statement: Statement, address: str, retired: list[str]) -> Iterator[str]:
    """Below the title: the descriptive line, the lead (date, place, issuer, source, Cite), then "About this text".

    The lead is what a reader needs before the official words; the rest waits in one
    disclosure (:func:`_about`). ``retired`` are the anchors that lead to the top of the
    statement. Nothing stands above the title, so that search indexes the title and
    descriptive line as the page's first section, under the page's own address.
    """
    if statement.subtitle:
        yield f'<p class="stmt-subtitle">{html_text(statement.subtitle)}</p>'
    # A <section>, not a <div>: Material's search ends an exclusion at the first closing tag of its name.
    yield (
        f'<section class="stmt-header" data-citation="{html_text(citation(statement))}" '
        f'data-statement="{statement.id}" data-search-exclude data-pagefind-ignore '
        f'data-pagefind-filter="year:{statement.date.year}" data-pagefind-meta="date:{long_date(statement.date)}">'
    )
    yield from retired
    yield '<dl class="stmt-lead">'
    yield _meta("Date", time_html(statement.date), "stmt-fact")
    yield _meta("Place", html_text(statement.place), "stmt-fact")
    issuer = html_text(statement.issuer.body)
    if statement.issuer.level:
        issuer += f", at the level of {html_text(statement.issuer.level)}"
    yield _meta("Issued by", issuer, "stmt-fact")
    source = (
        f'<a class="stmt-source" href="{html_text(statement.source.url)}">{html_text(statement.source.publisher)}</a>'
    )
    if statement.source.updated:
        source += f" (page updated {time_html(statement.source.updated)})"
    yield _meta("Official text", source + CITE_STATEMENT, "stmt-official")
    yield "</dl>"
    yield from _about(statement, address)
    yield "</section>"


def _about(statement: Statement, address: str) -> Iterator[str]:
    """What else the edition says of the text, in one disclosure: a side panel on wide screens.

    The document type, the check against the official text, the permanent address,
    the downloads, the kinds explained, the editorial note, the licence and where to
    report an error. Closed on phones, so that the official words come first; the
    style sheet shows it open beside the text where the screen is wide, and in print.
    """
    yield (
        f'<details class="stmt-about" aria-labelledby="{ABOUT_SUMMARY}">'
        f'<summary id="{ABOUT_SUMMARY}">About this text</summary>'
    )
    yield '<dl class="stmt-meta">'
    yield _meta("Document", html_text(statement.document_type))
    if statement.source.checked:
        checked = f"checked against the official text on {time_html(statement.source.checked)}"
    else:
        checked = "not yet checked against the official text"
    yield _meta("Words", checked, "stmt-checked")
    yield _meta("Permanent address", f'<a class="stmt-address" href="{address}">{address}</a>', "stmt-permanent")
    downloads = " · ".join(f'<a href="{file.name}">{file.label}</a>' for file in urls.DOWNLOAD_FILES)
    yield _meta("Download", downloads, "stmt-downloads")
    yield "</dl>"
    yield from _kinds_explained(statement)
    yield f'<p class="stmt-editorial-note">{html_text(EDITORIAL_NOTE)}</p>'
    report = f"{urls.from_statement(urls.ABOUT)}#report-an-error"
    yield (
        f'<p class="stmt-terms">This edition\'s annotations and data: {LICENCE}. '
        f'Found an error? <a class="stmt-report" href="{report}">Report it</a>.</p>'
    )
    yield "</details>"


def _meta(term: str, description_html: str, css_class: str = "") -> str:
    """One row of the metadata: the term, then a colon for readers of the text alone (search, copy)."""
    attribute = f' class="{css_class}"' if css_class else ""
    return (
        f'<div{attribute}><dt>{term}<span class="stmt-visually-hidden">:</span></dt><dd>{description_html}</dd></div>'
    )


def _kinds_explained(statement: Statement) -> Iterator[str]:
    """The kinds of sentence used in this statement, each with its definition, under a disclosure."""
    used = {sentence.kind for sentence in statement.sentences}
    yield '<details class="stmt-kinds" id="kinds"><summary>What the kinds of sentence mean</summary><dl>'
    for kind in vocabulary.KINDS:
        if kind.id in used:
            yield f"<div><dt>{html_text(kind.label)}</dt><dd>{html_text(kind.definition)}</dd></div>"
    yield "</dl></details>"


def _paragraph_heading(paragraph: Paragraph) -> str:
    title = f"Paragraph {paragraph.number}"
    if paragraph.heading:
        title += f' · <span class="stmt-editorial">{markdown_text(paragraph.heading)}</span>'
    return f'## {title} {{ #{paragraph.anchor} .stmt-para-heading data-pagefind-weight="{EDITORIAL_SEARCH_WEIGHT}" }}'


def _paragraph_body(statement: Statement, paragraph: Paragraph, record: AnchorRecord) -> Iterator[str]:
    yield f'<div class="stmt-para" data-para="{paragraph.number}">'
    for anchor in [paragraph.anchor, *(c.anchor for c in paragraph.sentences)]:
        yield from _retired_leading_to(record, anchor)
    yield (
        f'<span class="stmt-num" aria-hidden="true" data-search-exclude data-pagefind-ignore>{paragraph.number}.</span>'
    )
    sentences = " ".join(
        f'<span class="stmt-sn" data-sn="{c.citation_number}" aria-hidden="true"></span>'
        f'<span class="stmt-cmt" id="{c.anchor}">{sentence_html(statement, c)}</span>'
        for c in paragraph.sentences
    )
    yield f'<p class="stmt-text">{sentences}</p>'
    yield from _notes(statement, paragraph, record)
    yield "</div>"


def _notes(statement: Statement, paragraph: Paragraph, record: AnchorRecord) -> Iterator[str]:
    """The notes on a paragraph's sentences, one a line, under a quiet disclosure that keeps them out of the reading."""
    numbers = [sentence.citation_number for sentence in paragraph.sentences]
    named = f"sentence {numbers[0]}" if len(numbers) == 1 else f"sentences {numbers[0]}–{numbers[-1]}"
    yield f'<details class="stmt-notes-box" data-pagefind-ignore><summary>Notes on {named}</summary>'
    yield (
        f'<ul class="stmt-notes" aria-label="Notes on the sentences of paragraph {paragraph.number}" '
        "data-pagefind-ignore>"
    )
    corrected = {erratum.anchor for erratum in record.errata}
    for sentence in paragraph.sentences:
        note = _note(statement, sentence, sentence.anchor in corrected)
        yield f'<li data-sentence="{sentence.anchor}">{note}</li>'
    yield "</ul>"
    yield "</details>"


def _note(statement: Statement, sentence: Sentence, corrected: bool) -> str:
    topics = ", ".join(_topic_link(topic) for topic in sentence.topics)
    parts = [
        f'<a class="stmt-cmt-link" href="#{sentence.anchor}" '
        f'title="Link to sentence {sentence.citation_number}">{sentence.citation_number}</a>',
        _kind_label(sentence.kind),
        f'<span class="stmt-topics">{topics}</span>',
    ]
    if sentence.references:
        links = ", ".join(f'<a href="#{DOCUMENTS_ANCHOR}">{html_text(statement.document(r).name)}</a>'
                          for r in sentence.references)  # fmt: skip
        parts.append(f'<span class="stmt-refs">refers to {links}</span>')
    if sentence.deadline:
        parts.append(f'<span class="stmt-deadline">{deadline_html(sentence.deadline)}</span>')
    if corrected:
        parts.append(f'<a class="stmt-corrected" href="#{CORRECTIONS_ANCHOR}">corrected</a>')
    return " · ".join(parts)


@cache
def _kind_label(kind_id: str) -> str:
    """A kind of sentence in the notes: its label, its definition as a tooltip (and under "What the kinds mean")."""
    kind = vocabulary.term(vocabulary.KINDS, kind_id)
    return (
        f'<span class="stmt-kind" title="{html_text(kind.definition)}" data-pagefind-filter="kind">'
        f"{html_text(kind.label)}</span>"
    )


@cache
def _topic_link(topic: str) -> str:
    """A link from a statement page to a topic's page."""
    return (
        f'<a href="{urls.from_statement(urls.topic_path(topic))}" data-pagefind-filter="topic">'
        f"{html_text(topic_label(topic))}</a>"
    )


def _documents(statement: Statement) -> Iterator[str]:
    yield f'<ul class="stmt-documents" data-pagefind-weight="{EDITORIAL_SEARCH_WEIGHT}">'
    for document in statement.documents:
        citing = [c for c in statement.sentences if document.id in c.references]
        links = ", ".join(f'<a href="#{c.anchor}">{c.citation_number}</a>' for c in citing)
        short = f" ({html_text(document.short_title)})" if document.short_title else ""
        yield (
            f'<li><a href="{html_text(document.url)}">{html_text(document.title)}</a>{short}, '
            f"{time_html(document.date)}. Referred to in {links}.</li>"
        )
    yield "</ul>"


def _retired_leading_to(record: AnchorRecord, successor: str | None) -> list[str]:
    """Empty elements that keep retired anchors resolving, placed where their successor stands."""
    return [
        f'<span class="stmt-retired" id="{r.anchor}" data-successor="{r.successor or ""}"></span>'
        for r in record.retired
        if r.successor == successor
    ]


def _provenance(statement: Statement, official: bytes | None) -> Iterator[str]:
    """Where the official text comes from: its page, the text as taken with its SHA-256 and date, the page archived.

    Left out of search: it names the source, it is not the text.
    """
    source = statement.source
    yield '<section class="stmt-provenance" data-search-exclude data-pagefind-ignore>'
    yield "<dl>"
    page = f'<a class="stmt-source-page" href="{html_text(source.url)}">{html_text(source.url)}</a>'
    published = f"{page}, published by {html_text(source.publisher)}"
    if source.updated:
        published += f" (page updated {time_html(source.updated)})"
    yield _provenance_row("Official page", published)
    if official is None:
        yield _provenance_row("Text as taken", "no copy of the official text is kept with this edition")
    else:
        taken = f", taken on {time_html(source.taken)}" if source.taken else ", date taken not recorded"
        text_file = (
            f'<a class="stmt-official-text" href="{urls.OFFICIAL_TEXT.name}" type="text/plain">'
            f"{urls.OFFICIAL_TEXT.name}</a>{taken}: the page's text as this edition copied it, byte for byte "
            f"(plain text, UTF-8, {len(official):,} bytes)"
        )
        yield _provenance_row("Text as taken", text_file)
        # <wbr> lets the 64 digits wrap on a phone; a copy gives them without a space.
        digits = sha256(official)
        groups = "<wbr>".join(digits[start : start + 8] for start in range(0, len(digits), 8))
        yield _provenance_row("SHA-256", f'<code class="stmt-sha256">{groups}</code>')
    day = source.taken if official is not None else None
    when = f"the copy nearest {time_html(day)}" if day else "every copy it holds"
    archive = html_text(urls.archived(source.url, day))
    yield _provenance_row(
        "Archived page",
        f'<a class="stmt-archived" href="{archive}">The official page in the Internet Archive\'s Wayback Machine</a>, '
        f"{when}",
    )
    yield "</dl>"
    yield "</section>"


def _provenance_row(term: str, description_html: str) -> str:
    """One row of the provenance: the term, then a colon for readers of the text alone (search, copy)."""
    return f'<div><dt>{term}<span class="stmt-visually-hidden">:</span></dt><dd>{description_html}</dd></div>'


def _corrections(statement: Statement, record: AnchorRecord) -> Iterator[str]:
    """Each correction of the words and each retired anchor, oldest first, with its date and reason; or none."""
    yield '<section class="stmt-corrections" data-search-exclude data-pagefind-ignore>'
    changes = sorted(
        [*((erratum.date, _erratum(erratum)) for erratum in record.errata),
         *((retirement.date, _retirement(retirement)) for retirement in record.retired)],
        key=lambda change: change[0],
    )  # fmt: skip
    if changes:
        yield '<ol class="stmt-errata">'
        yield from (item for _, item in changes)
        yield "</ol>"
    elif statement.first_published:
        yield (
            '<p class="stmt-no-corrections">No corrections since first publication on '
            f"{time_html(statement.first_published)}.</p>"
        )
    else:
        yield '<p class="stmt-no-corrections">No corrections since first publication.</p>'
    yield "</section>"


def _erratum(erratum: Erratum) -> str:
    """A correction of a sentence's words: what it was published as, and what it is now."""
    number = anchors.citation(*anchors.parts(erratum.anchor))
    return (
        f'<li><a href="#{erratum.anchor}">{number}</a>, corrected on '
        f"{_record_date(erratum.date)}: {html_text(erratum.reason)} "
        f'Published as: <q class="stmt-old-text">{html_text(erratum.old_text)}</q> '
        f'Now: <q class="stmt-new-text">{html_text(erratum.new_text)}</q></li>'
    )


def _retirement(retirement: Retirement) -> str:
    """A retired anchor: where it leads now."""
    number = anchors.citation(*anchors.parts(retirement.anchor))
    if retirement.successor:
        successor = anchors.citation(*anchors.parts(retirement.successor))
        leads = f'it leads to <a href="#{retirement.successor}">{successor}</a>'
    else:
        leads = f'it leads to <a href="#{TITLE_ANCHOR}">the top of the statement</a>'
    return (
        f'<li><a href="#{retirement.anchor}">#{retirement.anchor}</a> ({number}), retired on '
        f"{_record_date(retirement.date)}: {html_text(retirement.reason)} Now {leads}.</li>"
    )


def _record_date(iso: str) -> str:
    """A date of the anchor record (``YYYY-MM-DD``) as a ``<time>`` element."""
    return time_html(datetime.date.fromisoformat(iso))
