"""Whether a statement keeps every anchor it published with the same words, and the fix when not.

``check``, ``render`` and ``build`` compare each statement with its record of
published anchors (:mod:`edition.records.registry`). A paragraph whose sentences were
inserted, removed, split or joined since publication is lined up with its record
(:mod:`edition.records.revisions`), and each problem names the one edit or command that
keeps every published anchor on its own words:

1. the numbers first: ``add 'number: 1A' to this sentence``, for a new sentence that
   would take a published number, or for a published one that would lose its own;
2. then, once the numbers are right, the anchors whose words are gone:
   ``python build_site.py retire ID ANCHOR --successor ANCHOR --reason '...'``;
3. words corrected in place: ``python build_site.py erratum ID ANCHOR --reason '...'``.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from edition import anchors
from edition.problems import Problem, display_path
from edition.records import numbering
from edition.records.revisions import Numbered, Revision, revise
from edition.statements.characters import first_difference, unseen_difference

if TYPE_CHECKING:
    from edition.records.recordfile import AnchorRecord
    from edition.statements.model import Paragraph, Sentence, Statement


def compare(statement: Statement, record: AnchorRecord, record_path: Path) -> list[Problem]:
    """Problems where the statement would break a published anchor or change its words."""
    published = _published_sentences(record)
    problems: list[Problem] = []
    for paragraph in statement.paragraphs:
        sentences, used = published.pop(paragraph.number, ([], set()))
        problems += _paragraph_problems(statement, paragraph, sentences, used, record, record_path)
    problems += _vanished_paragraphs(statement, record)
    return problems


def corrected_in_place(statement: Statement, record: AnchorRecord, anchor: str) -> bool:
    """Whether the published sentence ``anchor`` still stands where it was, with corrected words.

    ``erratum`` records only such a correction: words that moved to another sentence, or
    were split, joined or replaced, keep their anchors by numbers and retirements instead.
    """
    paragraph_number, number = anchors.parts(anchor)
    paragraph = next((p for p in statement.paragraphs if p.number == paragraph_number), None)
    if paragraph is None or number is None:
        return False
    published, used = _published_sentences(record).get(paragraph_number, ([], set()))
    revision = revise(published, used, [Numbered(c.number, c.text) for c in paragraph.sentences])
    return number in revision.corrected and number in revision.numbers


def _published_sentences(record: AnchorRecord) -> dict[int, tuple[list[Numbered], set[str]]]:
    """For each paragraph: its published sentences that are not retired, and every number it ever published."""
    found: dict[int, tuple[list[Numbered], set[str]]] = {}
    for anchor, text in record.texts.items():
        paragraph_number, number = anchors.parts(anchor)
        sentences, used = found.setdefault(paragraph_number, ([], set()))
        if number is None or text is None:
            continue
        used.add(number)
        if record.retirement(anchor) is None:
            sentences.append(Numbered(number, text))
    return found


def _paragraph_problems(
    statement: Statement,
    paragraph: Paragraph,
    published: list[Numbered],
    used: set[str],
    record: AnchorRecord,
    record_path: Path,
) -> list[Problem]:
    """The numbers to give first; once they are right, the corrections and retirements to record."""
    revision = revise(published, used, [Numbered(c.number, c.text) for c in paragraph.sentences])
    numbers = list(_numbering(statement, paragraph, revision, record))
    if numbers:
        return numbers
    corrections = _corrections(statement, paragraph, revision, record, record_path)
    return [*corrections, *_retirements(statement, paragraph, revision)]


def _numbering(
    statement: Statement, paragraph: Paragraph, revision: Revision, record: AnchorRecord
) -> Iterator[Problem]:
    """A problem for each sentence that must state the number that keeps published anchors on their words.

    A sentence whose number will follow once the ones before it are right gets none.
    """
    wanted_before: str | None = None
    before: str | None = None
    for sentence, wanted in zip(paragraph.sentences, revision.numbers, strict=True):
        must_state = wanted != numbering.following(wanted_before)
        states_other = sentence.number != numbering.following(before)
        if sentence.number != wanted and (must_state or states_other):
            yield Problem(statement.path, sentence.line, 1, _renumber(paragraph, sentence, wanted, record))
        wanted_before, before = wanted, sentence.number


def _renumber(paragraph: Paragraph, sentence: Sentence, wanted: str, record: AnchorRecord) -> str:
    owner = anchors.sentence(paragraph.number, wanted)
    if record.texts.get(owner) == sentence.text:
        why = f"these are the published words of {owner}"
    elif record.texts.get(sentence.anchor) is not None:
        why = f"this sentence is new since publication and cannot take {sentence.anchor}, published with other words"
    else:
        why = f"this sentence cannot be numbered {sentence.number}"
    return (
        f"paragraph {paragraph.number}, sentence {sentence.position}: {why}; number it {wanted} so that every "
        f"published anchor keeps its words: give it 'number: {wanted}'"
    )


def _corrections(
    statement: Statement, paragraph: Paragraph, revision: Revision, record: AnchorRecord, record_path: Path
) -> Iterator[Problem]:
    """A problem for each sentence whose words were changed in place, at the first character that differs.

    A change that does not show (the same words in another Unicode normalization, a letter
    that looks like the published one) is named, and is no correction to record.
    """
    for sentence in paragraph.sentences:
        if sentence.number in revision.corrected:
            published = record.texts.get(sentence.anchor) or ""
            index = first_difference(sentence.text, published) or 0
            recorded = f"the published text recorded in {display_path(record_path)}"
            unseen = unseen_difference(sentence.text, published, index, recorded)
            message = (
                f"the words differ from {recorded}; restore them, or record a correction: "
                f"python build_site.py erratum {statement.id} {sentence.anchor} --reason '...'"
            )
            yield Problem(statement.path, *sentence.place(index), f"{sentence.anchor}: {unseen or message}")


def _retirements(statement: Statement, paragraph: Paragraph, revision: Revision) -> Iterator[Problem]:
    for retiring in revision.retiring:
        anchor = anchors.sentence(paragraph.number, retiring.number)
        successor = (
            paragraph.anchor if retiring.successor is None else anchors.sentence(paragraph.number, retiring.successor)
        )
        reason = retiring.reason[0].upper() + retiring.reason[1:] + "."
        yield Problem(
            statement.path,
            paragraph.line,
            1,
            f"{anchor} was published and its words are gone ({retiring.reason}); restore them, or retire it: "
            f"python build_site.py retire {statement.id} {anchor} --successor {successor} "
            f"--reason {shlex.quote(reason)}",
        )


def _vanished_paragraphs(statement: Statement, record: AnchorRecord) -> Iterator[Problem]:
    """Numbered anchors of paragraphs the statement no longer has, and paragraph anchors retired yet back."""
    paragraphs = {p.number: p for p in statement.paragraphs}
    for anchor in record.texts:
        paragraph_number, _ = anchors.parts(anchor)
        if paragraph_number not in paragraphs and record.retirement(anchor) is None:
            yield Problem(
                statement.path,
                1,
                1,
                f"{anchor} was published and would disappear; restore it, or retire it: "
                f"python build_site.py retire {statement.id} {anchor} --successor ANCHOR --reason '...'",
            )
    for retirement in record.retired:
        paragraph = paragraphs.get(anchors.parts(retirement.anchor)[0])
        if paragraph is not None and retirement.anchor == paragraph.anchor:
            yield Problem(
                statement.path,
                paragraph.line,
                1,
                f"{retirement.anchor} was retired and cannot name new text; number the new part differently",
            )
