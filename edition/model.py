"""A statement as frozen dataclasses: what validation produces and rendering reads."""

from __future__ import annotations

import datetime
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from edition import anchors


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
class Commitment:
    """One sentence of a paragraph: the unit that can be linked, typed and tagged."""

    paragraph: int
    """The number of the paragraph it belongs to."""
    number: str
    """Its permanent number in the paragraph: 1, 2, ..., or one given to a sentence inserted after
    publication, such as 1A (:mod:`edition.numbering`)."""
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
    anchor: str = field(init=False, repr=False, compare=False)
    """The permanent anchor, ``para_N__cmt_M`` (made from the numbers)."""
    citation_number: str = field(init=False, repr=False, compare=False)
    """The short form readers cite, ``N.M`` (made from the numbers)."""

    def __post_init__(self) -> None:
        # Set once here: every page and export asks for them many times.
        object.__setattr__(self, "anchor", anchors.commitment(self.paragraph, self.number))
        object.__setattr__(self, "citation_number", f"{self.paragraph}.{self.number}")


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph of the official text."""

    number: int
    """The official number (unnumbered paragraphs are counted 1, 2, ...)."""
    heading: str | None
    """An optional editorial heading: shown as editorial, never as official text."""
    commitments: tuple[Commitment, ...]
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
        return " ".join(commitment.text for commitment in self.commitments)


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
    commitments: tuple[Commitment, ...] = field(init=False, repr=False, compare=False)
    """Every commitment, in reading order (made from :attr:`paragraphs`)."""
    _documents_by_id: dict[str, Document] = field(init=False, repr=False, compare=False)
    """Each of :attr:`documents` by its id, for :meth:`document`."""
    _mention_finders: dict[tuple[str, ...], _MentionFinder] = field(init=False, repr=False, compare=False)
    """The finder of :meth:`segments` for each list of references, made when first needed."""

    def __post_init__(self) -> None:
        commitments = tuple(c for paragraph in self.paragraphs for c in paragraph.commitments)
        object.__setattr__(self, "commitments", commitments)
        # reversed: where two documents have one id (a fault that validation reports), the first is found
        object.__setattr__(self, "_documents_by_id", {document.id: document for document in reversed(self.documents)})
        object.__setattr__(self, "_mention_finders", {})

    def document(self, document_id: str) -> Document:
        """The declared document with id ``document_id``."""
        return self._documents_by_id[document_id]

    def segments(self, commitment: Commitment) -> Iterator[tuple[str, Document | None]]:
        """The commitment's text in pieces, each with the document it mentions (or ``None``).

        Joined, the pieces are exactly the text. A mention is one of the ``mentions`` of
        a document the commitment refers to; they are found leftmost first, the longest
        where several start at one place, and a mention that two of its documents share
        is the first one's in ``references``. Pages and exports mark mentions by this one
        rule. They are found in one pass over the text, however many there are.
        """
        text, position = commitment.text, 0
        if commitment.references:
            finder = self._mention_finder(commitment.references)
            for start, length in finder.starts(text):
                if start < position:  # inside the mention before
                    continue
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
    """Where the mentions of some documents start in a text, found in one pass over it.

    An Aho-Corasick automaton of the mentions written backwards, run from the text's
    end to its start: its state at a place is the longest beginning of the rest of
    the text that ends some mention, and :attr:`longest` says how long the longest
    mention that the rest begins with is. Each character costs a step and at most as
    many fallbacks as steps before it, so the pass takes time in proportion to the
    text, whatever the number or length of the mentions.
    """

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents: dict[str, Document] = {}
        """The document of each mention: the first given that has it."""
        for document in documents:
            for mention in document.mentions:
                self.documents.setdefault(mention, document)
        self.next: list[dict[str, int]] = [{}]
        """Each state's next state by character, where one is a longer beginning (state 0: none yet)."""
        self.fallback: list[int] = [0]
        """Each state's longest shorter beginning that also ends a mention."""
        self.longest: list[int] = [0]
        """The length of the longest mention that each state's beginning starts with (0: none)."""
        for mention in self.documents:
            state = 0
            for character in reversed(mention):
                following = self.next[state].get(character)
                if following is None:
                    following = len(self.next)
                    self.next[state][character] = following
                    self.next.append({})
                    self.fallback.append(0)
                    self.longest.append(0)
                state = following
            self.longest[state] = len(mention)
        self._link()

    def _link(self) -> None:
        """Set every state's fallback, and its longest mention when it is not a whole mention itself."""
        queue = deque(self.next[0].values())  # shorter beginnings first: a fallback is set before it is used
        while queue:
            state = queue.popleft()
            if not self.longest[state]:
                self.longest[state] = self.longest[self.fallback[state]]
            for character, following in self.next[state].items():
                fallback = self.fallback[state]
                while fallback and character not in self.next[fallback]:
                    fallback = self.fallback[fallback]
                self.fallback[following] = self.next[fallback].get(character, 0)
                queue.append(following)

    def starts(self, text: str) -> list[tuple[int, int]]:
        """Every place in ``text`` where a mention starts, with the longest one's length, in order."""
        found: list[tuple[int, int]] = []
        state = 0
        for index, character in zip(range(len(text) - 1, -1, -1), reversed(text), strict=True):
            while True:
                following = self.next[state].get(character)
                if following is not None:
                    state = following
                    break
                if not state:
                    break
                state = self.fallback[state]
            if self.longest[state]:
                found.append((index, self.longest[state]))
        found.reverse()
        return found
