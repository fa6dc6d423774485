"""Work that grows with the input, not faster: finding the mentions of documents in a sentence.

Time is measured by ``benchmarks/growth.py``; these tests count the work instead:
how many passes are made over a sentence's text, or over a document's mentions.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import ClassVar

import pytest
from ahocorasick_rs import AhoCorasick, MatchKind
from hypothesis import given
from hypothesis import strategies as st

from edition.statements.model import Document, Sentence, Statement

ANNEX = Document(
    id="annex",
    title="Annex",
    short_title=None,
    date=datetime.date(2001, 12, 7),
    url="https://example.org/annex",
    mentions=("§",),
)
"""A document that sentences of the tests mention many times, by a name the real text never uses."""


class CountingAutomaton:
    """The automaton of :mod:`edition.statements.model`, counting how often one is made and searches a text."""

    made = 0
    searched: ClassVar[list[str]] = []

    def __init__(self, patterns: list[str], matchkind: MatchKind) -> None:
        type(self).made += 1
        self._automaton = AhoCorasick(patterns, matchkind=matchkind)

    def find_matches_as_indexes(self, text: str) -> list[tuple[int, int, int]]:
        type(self).searched.append(text)
        found: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(text)
        return found


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[CountingAutomaton]:
    """The automaton of :mod:`edition.statements.model`, counted from now on."""
    monkeypatch.setattr(CountingAutomaton, "made", 0)
    monkeypatch.setattr(CountingAutomaton, "searched", [])
    monkeypatch.setattr("edition.statements.model.AhoCorasick", CountingAutomaton)
    return CountingAutomaton


def with_annex(statement: Statement, mentions: tuple[str, ...] = ANNEX.mentions) -> Statement:
    """``statement`` with :data:`ANNEX` among its documents, named by ``mentions``."""
    annex = dataclasses.replace(ANNEX, mentions=mentions)
    return dataclasses.replace(statement, documents=(*statement.documents, annex))


def mentioning(statement: Statement, times: int) -> Sentence:
    """Sentence 1.2 (which names the Founding Act) followed by ``times`` mentions of the annex."""
    sentence = statement.paragraphs[0].sentences[1]
    text = sentence.text + " " + " ".join(["§"] * times)
    return dataclasses.replace(sentence, text=text, references=("founding-act", "annex"))


def test_the_mentions_of_a_sentence_are_found_in_one_pass(
    statement: Statement, counted: type[CountingAutomaton]
) -> None:
    """9,000 mentions in a sentence of 18,300 characters: one search of its text, as for one mention (before: a
    search from each mention found, 36,009 in all)."""
    annexed = with_annex(statement)
    for times in (1, 9000):
        sentence = mentioning(annexed, times)
        counted.searched.clear()
        pieces = list(annexed.segments(sentence))
        assert counted.searched == [sentence.text]
        assert "".join(piece for piece, _ in pieces) == sentence.text
        marked = [(piece, document.id) for piece, document in pieces if document]
        assert marked == [("NATO-Russia Founding Act", "founding-act"), *[("§", "annex")] * times]


def test_the_mentions_of_a_document_are_prepared_once_for_every_sentence(
    statement: Statement, counted: type[CountingAutomaton]
) -> None:
    """1,000 sentences that refer to the annex are searched with one automaton, made once for the statement."""
    annexed = with_annex(statement, ("§", "Annex §", "the Annex"))
    sentence = mentioning(annexed, 3)
    for _ in range(1000):
        assert sum(1 for _, document in annexed.segments(sentence) if document is not None) == 4
    assert (counted.made, len(counted.searched)) == (1, 1000)


def mentions_by_rule(text: str, documents: list[Document]) -> list[tuple[str, str | None]]:
    """The pieces of ``text`` by the documented rule, the slow way: at each place, every mention tried in turn."""
    pieces: list[tuple[str, str | None]] = []
    position = plain = 0
    while position < len(text):
        found = [(mention, d.id) for d in documents for mention in d.mentions if text.startswith(mention, position)]
        if not found:
            position += 1
            continue
        mention, document = max(found, key=lambda item: len(item[0]))  # the first of the longest
        if position > plain:
            pieces.append((text[plain:position], None))
        pieces.append((mention, document))
        position = plain = position + len(mention)
    if plain < len(text):
        pieces.append((text[plain:], None))
    return pieces


WORDS = st.text(alphabet="ab ", min_size=1, max_size=4)


@given(
    text=st.text(alphabet="ab ", min_size=1, max_size=40),
    names=st.lists(st.lists(WORDS, min_size=1, max_size=4, unique=True), min_size=1, max_size=3),
)
def test_mentions_are_found_leftmost_first_and_longest(statement: Statement, text: str, names: list[list[str]]) -> None:
    """The one pass finds what trying every mention at every place finds, ties going to the first reference."""
    documents = [dataclasses.replace(ANNEX, id=f"annex-{n}", mentions=tuple(m)) for n, m in enumerate(names)]
    referring = dataclasses.replace(statement, documents=tuple(documents))
    sentence = dataclasses.replace(statement.sentences[0], text=text, references=tuple(d.id for d in documents))
    found = [(piece, document.id if document else None) for piece, document in referring.segments(sentence)]
    assert found == mentions_by_rule(text, documents)
