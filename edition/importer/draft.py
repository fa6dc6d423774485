"""The draft statement file: YAML written line by line, every guess and placeholder marked ``# REVIEW``.

The draft is a valid statement file as far as the importer can know: saved as
``statements/<id>.yaml`` it passes ``check``. What the text cannot tell gets a
placeholder that validates but cannot be mistaken for a fact:

* the source's address: :data:`SOURCE_URL` (``--source-url`` gives the real one);
* a document's address and date: :data:`DOCUMENT_URL` and :data:`UNKNOWN_DATE`;
* a text the header does not give (title, place, body): :data:`UNKNOWN`.

The words of the commitments are written so that YAML reads back exactly the
published text: each value is written plain and wrapped when that reads back
unchanged, else double-quoted (and wrapped, again only if that reads back
unchanged). Every written value is read back to check. A value with a character
that a statement file may not hold as it is (an invisible one, e.g. a soft
hyphen) is double-quoted, with that character written as an escape; so are the
words quoted in comments (:mod:`edition.statements.characters`).
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import yaml

from edition.importer import guesses, sentences
from edition.importer.layout import Header, PublishedText
from edition.statements import loading
from edition.statements.characters import refused, yaml_quoted
from edition.vocabulary import TOPICS

SOURCE_URL: Final = "https://invalid.example/REVIEW-source-url"
"""The source address until the real one is filled in: ``.example`` names can never be real (RFC 2606)."""
DOCUMENT_URL: Final = "https://invalid.example/REVIEW-document-url"
"""A referred document's address until the real one is filled in."""
UNKNOWN_DATE: Final = "0001-01-01"
"""A referred document's date until the real one is filled in."""
UNKNOWN: Final = "REVIEW"
"""A text the published page does not give."""
WIDTH: Final = 100
"""The column that long values are wrapped at."""
_INDENT: Final = "  "


@dataclass(frozen=True)
class Draft:
    """A draft statement file."""

    text: str
    """The YAML, starting with the schema line."""
    paragraphs: int
    """How many paragraphs it has."""
    commitments: int
    """How many commitments it has."""
    reviews: int
    """How many ``# REVIEW`` marks it has."""

    @property
    def summary(self) -> str:
        """``4 paragraphs, 13 sentences, 42 marks to review``."""
        return f"{self.paragraphs} paragraphs, {self.commitments} sentences, {self.reviews} marks to review"


@dataclass(frozen=True)
class _Commitment:
    """A sentence of the text with its guessed annotation."""

    sentence: sentences.Cut
    """Its words, and any doubt about where it ends."""
    kind: guesses.Guess
    """Its guessed kind."""
    topics: tuple[guesses.Guess, ...]
    """Its guessed topics; never empty."""
    topics_note: str
    """Where the topics came from, for the REVIEW mark."""
    references: tuple[guesses.GuessedDocument, ...]
    """The documents it names."""
    deadline: guesses.GuessedDeadline | None
    """A deadline it seems to set."""


def write(published: PublishedText, origin: str, source_url: str | None, publisher: str | None) -> Draft:
    """The draft statement file for ``published``, imported from the file named ``origin``."""
    header = published.header
    assert header.date is not None  # parse() refuses a text without a date
    paragraph_topics = [guesses.topics(paragraph.text) for paragraph in published.paragraphs]
    statement_topics = tuple(topic for topics in paragraph_topics for topic in topics)
    paragraphs = [
        (paragraph, _commitments(paragraph.text, topics, header.date, statement_topics))
        for paragraph, topics in zip(published.paragraphs, paragraph_topics, strict=True)
    ]
    documents = guesses.documents(c.sentence.text for _, cs in paragraphs for c in cs)
    body = [
        *_metadata(header, source_url, publisher),
        *_documents(documents),
        "paragraphs:",
        *(line for paragraph, cs in paragraphs for line in _paragraph(paragraph.number, paragraph.notes, cs)),
    ]
    reviews = sum("# REVIEW" in line for line in body)
    preamble = [
        "# yaml-language-server: $schema=statement.schema.json",
        f"# A draft imported from {origin} (paragraphs {published.layout}) by `python build_site.py import`.",
        "# The words of the commitments are the published text: do not edit them.",
        f"# Each of the {reviews} REVIEW marks is a guess or a placeholder: check it, correct it, delete the mark.",
    ]
    count = sum(len(cs) for _, cs in paragraphs)
    return Draft("\n".join([*preamble, *body]) + "\n", len(paragraphs), count, reviews)


def _commitments(
    text: str,
    paragraph_topics: Sequence[guesses.Guess],
    issued: datetime.date,
    statement_topics: Sequence[guesses.Guess],
) -> list[_Commitment]:
    """The sentences of a paragraph (whose topics are ``paragraph_topics``), each with its guessed annotation."""
    commitments = []
    for sentence in sentences.split(text):
        topics, note = _topics(sentence.text, paragraph_topics, statement_topics)
        commitments.append(
            _Commitment(
                sentence,
                guesses.kind(sentence.text),
                topics,
                note,
                tuple(guesses.references(sentence.text)),
                guesses.deadline(sentence.text, issued),
            )
        )
    return commitments


def _topics(
    sentence: str, paragraph_topics: Sequence[guesses.Guess], statement_topics: Sequence[guesses.Guess]
) -> tuple[tuple[guesses.Guess, ...], str]:
    """The sentence's topics and the REVIEW note on them; a topic is required, so one always stands in."""
    topics = guesses.topics(sentence)
    if topics:
        return topics, _guessed_from([topic.cue for topic in topics])
    if paragraph_topics:
        return tuple(paragraph_topics), "no topic words in the sentence; taken from its paragraph"
    if statement_topics:
        return (statement_topics[0],), "no topic words in the paragraph; taken from the statement"
    return (guesses.Guess(TOPICS[0].id, ""),), "no topic words in the statement; the first topic stands in"


def _metadata(header: Header, source_url: str | None, publisher: str | None) -> Iterator[str]:
    assert header.date is not None
    descriptive = [header.subtitle] if header.subtitle else []
    title = header.title or UNKNOWN
    yield from _entry("title", title, 0, None if header.title else "no title found before the paragraphs")
    if header.subtitle:
        yield from _entry("subtitle", header.subtitle, 0)
    document_type = header.document_type or UNKNOWN
    yield from _entry("document_type", document_type, 0, None if header.document_type else "e.g. Press Statement")
    for note in header.notes:
        yield f"# REVIEW: {note}"
    yield f"date: {header.date.isoformat()}"
    yield from _guessed("place", guesses.place([*descriptive, title]), 0, "where it was issued")
    yield "issuer:"
    yield from _guessed("body", guesses.body(header.title, [*descriptive, title]), 1, "who issued it")
    level = guesses.level(descriptive)
    if level:  # optional: left out when the text does not say
        yield from _entry("level", level.value, 1, f"guessed from {yaml_quoted(level.cue)}")
    yield "source:"
    url_note = None if source_url else "the address of the published text (import --source-url URL)"
    yield from _entry("url", source_url or SOURCE_URL, 1, url_note)
    if publisher:
        yield from _entry("publisher", publisher, 1)
    else:
        yield from _guessed("publisher", guesses.publisher(header.document_type), 1, "who publishes it (--publisher)")
    if header.updated:
        yield f"{_INDENT}updated: {header.updated.isoformat()}"


def _guessed(key: str, guess: guesses.Guess | None, depth: int, missing: str) -> list[str]:
    if guess is None:
        return _entry(key, UNKNOWN, depth, f"not found in the text: {missing}")
    return _entry(key, guess.value, depth, f"guessed from {yaml_quoted(guess.cue)}")


def _documents(documents: Sequence[guesses.GuessedDocument]) -> Iterator[str]:
    if not documents:
        return
    yield "documents:"
    for document in documents:
        note = f"proposed from {yaml_quoted(document.mentions[0])}: check every field, or delete it and its references"
        yield f"  - id: {document.id}  # REVIEW: {note}"
        yield from _entry("title", document.title, 2)
        if document.short_title:
            yield from _entry("short_title", document.short_title, 2)
        date = document.date or f"{UNKNOWN_DATE}  # REVIEW: the date it was adopted"
        yield f"    date: {date}"
        yield from _entry("url", document.url or DOCUMENT_URL, 2, None if document.url else "its authoritative source")
        yield from _entry("mentions", document.mentions, 2)


def _paragraph(number: int, notes: Sequence[str], commitments: Sequence[_Commitment]) -> Iterator[str]:
    yield f"  - number: {number}"
    for note in notes:
        yield f"    # REVIEW: {note}"
    yield "    commitments:"
    for commitment in commitments:
        yield from _commitment(commitment)


def _commitment(commitment: _Commitment) -> Iterator[str]:
    for doubt in commitment.sentence.doubts:
        yield f"      # REVIEW: {doubt}"
    lines = _entry("text", commitment.sentence.text, 4)
    yield "      - " + lines[0].lstrip()
    yield from lines[1:]
    kind = commitment.kind
    kind_note = f"guessed from {yaml_quoted(kind.cue)}" if kind.cue else "no wording of a kind found: the default"
    yield from _entry("kind", kind.value, 4, kind_note)
    yield from _entry("topics", tuple(t.value for t in commitment.topics), 4, commitment.topics_note)
    if commitment.references:
        ids = tuple(dict.fromkeys(document.id for document in commitment.references))
        cues = [mention for document in commitment.references for mention in document.mentions]
        yield from _entry("references", ids, 4, _guessed_from(cues))
    deadline = commitment.deadline
    if deadline:
        yield f"        deadline:  # REVIEW: guessed from {yaml_quoted(deadline.cue)}"
        yield f"          date: {deadline.date}"
        if deadline.event:
            yield from _entry("event", deadline.event, 5)


def _guessed_from(cues: Sequence[str], shown: int = 3) -> str:
    """``guessed from "a", "b", "c" and 2 more``: the words a guess was made from."""
    more = f" and {len(cues) - shown} more" if len(cues) > shown else ""
    return "guessed from " + ", ".join(yaml_quoted(cue) for cue in cues[:shown]) + more


def _entry(key: str, value: str | Sequence[str], depth: int, review: str | None = None) -> list[str]:
    """``key: value`` at ``depth`` levels of indentation, with a REVIEW comment if ``review`` is given."""
    indent = _INDENT * depth
    lines = _list(key, value, indent) if not isinstance(value, str) else _scalar(key, value, indent)
    if review is not None:  # after a list's key, or after a text's last line: a comment ends a plain text
        lines[0 if not isinstance(value, str) else -1] += f"  # REVIEW: {review}"
    return lines


def _list(key: str, items: Sequence[str], indent: str) -> list[str]:
    flow = f"{indent}{key}: [{', '.join(_flow_item(item) for item in items)}]"
    if len(flow) <= WIDTH:
        return [flow]
    return [f"{indent}{key}:", *(f"{indent}  - {_flow_item(item)}" for item in items)]


@functools.cache  # the items are ids of the vocabulary and of documents: few, and repeated
def _flow_item(item: str) -> str:
    plain = re.fullmatch(r"[A-Za-z][\w .()/-]*", item) is not None and _reads_back([f"k: [{item}]"], "k", [item])
    return item if plain else yaml_quoted(item)


def _scalar(key: str, value: str, indent: str) -> list[str]:
    """The value plain and wrapped if it reads back unchanged, else double-quoted (wrapped if that is safe)."""
    return list(_written(key, value, indent))


@functools.lru_cache(maxsize=256)  # the kinds and a few other values repeat on every sentence; the texts do not
def _written(key: str, value: str, indent: str) -> tuple[str, ...]:
    quoted = yaml_quoted(value)
    for written in (quoted,) if refused(value) else (value, quoted):
        lines = _wrapped(f"{indent}{key}: ", written, indent + "    ")
        if _reads_back(lines, key, value):
            return tuple(lines)
    return (f"{indent}{key}: {quoted}",)


def _wrapped(first: str, words: str, indent: str) -> list[str]:
    """``first + words``, broken at single spaces so that lines stay within :data:`WIDTH` where they can."""
    lines = [first]
    for index, word in enumerate(re.split(r"(?<! ) (?! )", words)):
        line = lines[-1]
        if index and len(line) + 1 + len(word) > WIDTH and line.strip() and not line.endswith(": "):
            lines.append(indent + word)
        else:
            lines[-1] = line + (" " if index else "") + word
    return lines


def _reads_back(lines: Sequence[str], key: str, value: object) -> bool:
    """Whether YAML reads ``lines`` (one key, however indented) as exactly ``{key: value}``."""
    margin = len(lines[0]) - len(lines[0].lstrip())
    try:
        read = loading.data("\n".join(line[margin:] for line in lines))
    except yaml.YAMLError:
        return False
    return isinstance(read, dict) and read == {key: value} and type(read[key]) is type(value)
