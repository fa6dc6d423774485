"""A statement as frozen dataclasses: what validation produces and rendering reads."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ahocorasick_rs import AhoCorasick, MatchKind

from edition import anchors
from edition.statements.scalars import Written


@dataclass(frozen=True)
class Issuer:
    """The body that issued a statement."""

    body: str
    """The issuing body, e.g. "NATO-Russia Permanent Joint Council"."""
    level: str | None
    """The level it met at, e.g. "Foreign Ministers", if the statement says so."""


@dataclass(frozen=True)
class Source:
    """Where the official text was published."""

    url: str
    """The address of the published text."""
    publisher: str
    """Who published it, e.g. "NATO"."""
    updated: datetime.date | None
    """The date the source page says it was last updated, if it says so."""
    checked: datetime.date | None = None
    """The date the words of the statement file were last compared with the published text."""
    taken: datetime.date | None = None
    """The date the official text kept as ``sources/<id>.txt`` was copied from the published page, if known."""


@dataclass(frozen=True)
class Document:
    """A document that the statement refers to, declared once per statement."""

    id: str
    """The short name commitments use in ``references``, e.g. ``founding-act``."""
    title: str
    """The document's full title."""
    short_title: str | None
    """The name the statement uses for it, e.g. "NATO-Russia Founding Act"."""
    date: datetime.date
    """The date the document was signed or adopted."""
    url: str
    """The authoritative source of the document."""
    mentions: tuple[str, ...]
    """How the statement's words name it; in commitments that refer to it, each becomes a link."""

    @property
    def name(self) -> str:
        """The name to show: the short title when there is one."""
        return self.short_title or self.title


@dataclass(frozen=True)
class FollowUp:
    """Something that happened in answer to a commitment with a deadline."""

    date: datetime.date
    """When it happened."""
    title: str
    """What it was, e.g. the title of the document that records it."""
    url: str
    """The authoritative source that records it."""
    summary: str | None
    """What it shows about the commitment, in a sentence."""


@dataclass(frozen=True)
class Deadline:
    """A time limit the text sets for a commitment."""

    date: str
    """The latest date, as precise as the text: ``YYYY-MM`` or ``YYYY-MM-DD``."""
    event: str | None
    """The occasion the text ties it to, e.g. "the Reykjavik meeting", if any."""
    followed_by: tuple[FollowUp, ...]
    """What followed, oldest first."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph: the unit that can be linked, typed and tagged."""

    paragraph: int
    """The number of the paragraph it belongs to."""
    number: str
    """Its permanent number in the paragraph: 1, 2, ..., or one given to a sentence inserted after
    publication, such as 1A (:mod:`edition.records.numbering`)."""
    position: int
    """Its place in the paragraph: 1, 2, ..."""
    text: str
    """The official words, exactly as published."""
    kind: str
    """What the sentence does: a term of :data:`edition.vocabulary.KINDS`."""
    topics: tuple[str, ...]
    """What it is about: terms of :data:`edition.vocabulary.TOPICS`."""
    references: tuple[str, ...]
    """Ids of the statement's documents that it refers to."""
    deadline: Deadline | None
    """The time limit the text sets, if any."""
    line: int
    """The line of its text in the statement file, for messages."""
    written: Written | None = field(default=None, repr=False, compare=False)
    """How its text is written in the statement file, for messages that point at one of its characters."""
    anchor: str = field(init=False, repr=False, compare=False)
    """The permanent anchor, ``para_N__cmt_M`` (made from the numbers)."""
    citation_number: str = field(init=False, repr=False, compare=False)
    """The short form readers cite, ``N.M`` (made from the numbers)."""

    def __post_init__(self) -> None:
        # Set once here: every page and export asks for them many times.
        object.__setattr__(self, "anchor", anchors.sentence(self.paragraph, self.number))
        object.__setattr__(self, "citation_number", anchors.citation(self.paragraph, self.number))

    def place(self, index: int) -> tuple[int, int]:
        """The line and column in the statement file of its text's character ``index`` (or of the place after
        the last, for ``len(text)``); the start of its line when how it is written is not known."""
        return (self.line, 1) if self.written is None else self.written.place(self.text, index)


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph of the official text."""

    number: int
    """The official number (unnumbered paragraphs are counted 1, 2, ...)."""
    heading: str | None
    """An optional editorial heading: shown as editorial, never as official text."""
    sentences: tuple[Sentence, ...]
    """Its sentences, in order."""
    line: int
    """The line of its number in the statement file, for messages."""
    anchor: str = field(init=False, repr=False, compare=False)
    """The permanent anchor, ``para_N`` (made from the number)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "anchor", anchors.paragraph(self.number))

    @property
    def text(self) -> str:
        """The paragraph as published: its commitments joined with single spaces."""
        return " ".join(sentence.text for sentence in self.sentences)


@dataclass(frozen=True)
class Statement:
    """One official statement, the content of ``statements/<id>.yaml``."""

    id: str
    """The permanent id: the file's stem, e.g. ``2001-12-07-nato-russia-joint-statement``."""
    path: Path
    """The file it was read from."""
    title: str
    """The official title."""
    subtitle: str | None
    """The descriptive line under the title, if any."""
    document_type: str
    """The publisher's name for the kind of document, e.g. "NATO Press Statement"."""
    date: datetime.date
    """The date the statement was issued."""
    place: str
    """Where it was issued."""
    issuer: Issuer
    """Who issued it."""
    source: Source
    """Where the official text was published."""
    documents: tuple[Document, ...]
    """The documents it refers to."""
    paragraphs: tuple[Paragraph, ...]
    """The official text, paragraph by paragraph."""
    first_published: datetime.date | None = None
    """The date this edition first published the statement, if the file says so: its corrections count from it."""
    sentences: tuple[Sentence, ...] = field(init=False, repr=False, compare=False)
    """Every commitment, in reading order (made from :attr:`paragraphs`)."""
    _documents_by_id: dict[str, Document] = field(init=False, repr=False, compare=False)
    """Each of :attr:`documents` by its id, for :meth:`document`."""
    _mention_finders: dict[tuple[str, ...], _MentionFinder] = field(init=False, repr=False, compare=False)
    """The finder of :meth:`segments` for each list of references, made when first needed."""

    def __post_init__(self) -> None:
        sentences = tuple(c for paragraph in self.paragraphs for c in paragraph.sentences)
        object.__setattr__(self, "sentences", sentences)
        # reversed: where two documents have one id (a fault that validation reports), the first is found
        object.__setattr__(self, "_documents_by_id", {document.id: document for document in reversed(self.documents)})
        object.__setattr__(self, "_mention_finders", {})

    def document(self, document_id: str) -> Document:
        """The declared document with id ``document_id``."""
        return self._documents_by_id[document_id]

    def segments(self, sentence: Sentence) -> Iterator[tuple[str, Document | None]]:
        """The commitment's text in pieces, each with the document it mentions (or ``None``).

        Joined, the pieces are exactly the text. A mention is one of the ``mentions`` of
        a document the commitment refers to; they are found leftmost first, the longest
        where several start at one place, and a mention that two of its documents share
        is the first one's in ``references``. Pages and exports mark mentions by this one
        rule. They are found in one pass over the text, however many there are.
        """
        text, position = sentence.text, 0
        if sentence.references:
            finder = self._mention_finder(sentence.references)
            for start, length in finder.starts(text):
                if start > position:
                    yield text[position:start], None
                mention = text[start : start + length]
                yield mention, finder.documents[mention]
                position = start + length
        if position < len(text):
            yield text[position:], None

    def _mention_finder(self, references: tuple[str, ...]) -> _MentionFinder:
        """The finder of the mentions of the documents ``references`` names, made once per statement."""
        finder = self._mention_finders.get(references)
        if finder is None:
            finder = _MentionFinder(self.document(reference) for reference in references)
            self._mention_finders[references] = finder
        return finder


class _MentionFinder:
    """Where the mentions of some documents are in a text, found in one pass over it.

    An Aho-Corasick automaton (``ahocorasick_rs``) of every mention, asked for the
    leftmost match, the longest of those that start at one place, then the next after
    it: the rule of :meth:`Statement.segments`, in time in proportion to the text,
    whatever the number or length of the mentions.
    """

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents: dict[str, Document] = {}
        """The document of each mention: the first given that has it."""
        for document in documents:
            for mention in document.mentions:
                self.documents.setdefault(mention, document)
        self._automaton = AhoCorasick(list(self.documents), matchkind=MatchKind.LeftmostLongest)

    def starts(self, text: str) -> list[tuple[int, int]]:
        """Where each mention found in ``text`` starts, and its length, in order; none overlap."""
        return [(start, end - start) for _, start, end in self._automaton.find_matches_as_indexes(text)]
