"""How a paragraph's sentences changed since they were published, and what keeps their anchors.

The record of published anchors (:mod:`edition.records.registry`) holds each published
sentence's number and words. When the statement file no longer has those words at
those numbers, :func:`revise` lines the published sentences up with the current ones
(by their words, in order) and works out the result in which no published anchor
points at other words (:mod:`edition.records.numbering` gives the rule):

============================  =====================================================
change since publication      result
============================  =====================================================
sentence inserted             it takes an inserted number (A1, 1A, or the next whole
                              number at the end); the others keep theirs
sentence removed              its number is retired, leading to the sentence after
                              it (or before it, or the paragraph); the others keep
                              theirs
sentence split in two or more its number is retired, leading to the first part; the
                              parts take inserted numbers after it
sentences joined              their numbers are retired, leading to the joined
                              sentence, which takes an inserted number after them
words corrected in place      the sentence keeps its number; the correction is
                              recorded as an erratum
============================  =====================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from edition.records import numbering


@dataclass(frozen=True)
class Numbered:
    """A numbered sentence of a paragraph: as the record holds it, or as the statement file has it now."""

    number: str
    """Its number in the paragraph: the end of its anchor."""
    text: str
    """Its words."""


@dataclass(frozen=True)
class Retiring:
    """A published number whose words are gone, and where its anchor should lead."""

    number: str
    """The published number."""
    successor: str | None
    """The number of the sentence it should lead to, or None for the paragraph."""
    reason: str
    """Why, as the ``retire`` command records it."""


@dataclass
class Revision:
    """What keeps a paragraph's published anchors: a number for each current sentence, and retirements."""

    numbers: list[str]
    """The number each current sentence must have, in order."""
    retiring: list[Retiring] = field(default_factory=list)
    """Numbered numbers whose words are gone."""
    corrected: set[str] = field(default_factory=set)
    """Numbered numbers whose words were corrected in place (an erratum)."""


def revise(published: list[Numbered], used: set[str], current: list[Numbered]) -> Revision:
    """Line up the ``published`` sentences of a paragraph with its ``current`` ones.

    ``used`` holds every number the paragraph ever published, retired ones included.
    A new sentence keeps its current number when that number was never published and
    falls in its place; otherwise it is given the simplest number that does.
    """
    work = _Work(published, set(used) | {p.number for p in published}, current)
    matcher = SequenceMatcher(None, [p.text for p in published], [c.text for c in current], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            work.keep(range(i1, i2), range(j1, j2))
        elif tag == "replace" and (i2 - i1, j2 - j1) != (1, 1) and _same_words(published[i1:i2], current[j1:j2]):
            work.rearrange(range(i1, i2), range(j1, j2))
        else:
            work.pair(range(i1, i2), range(j1, j2))
    work.name_successors()
    return work.revision


REMOVED = "not in the official text"
"""The reason proposed for retiring a removed sentence."""

SIMILAR = 0.5
"""How alike (by :class:`difflib.SequenceMatcher` ratio, over words) a sentence's words must stay to count
as corrected in place rather than removed and replaced."""


def _similar(old: str, new: str) -> bool:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= SIMILAR


def _same_words(published: list[Numbered], current: list[Numbered]) -> bool:
    """Whether the sentences say the same words, divided differently (a split or a join)."""
    return " ".join(p.text for p in published).split() == " ".join(c.text for c in current).split()


def _between(low: str | None, number: str, high: str | None) -> bool:
    """Whether ``number`` comes after ``low`` and before ``high`` (None: no bound)."""
    key = numbering.order(number)
    return (low is None or numbering.order(low) < key) and (high is None or key < numbering.order(high))


def _listed(numbers: Iterable[str]) -> str:
    """``1A``, ``1A and 1B``, ``1A, 1B and 1C``."""
    items = list(numbers)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@dataclass
class _Work:
    """The state of one :func:`revise`: numbers given so far, and the last number passed."""

    published: list[Numbered]
    used: set[str]
    current: list[Numbered]
    last: str | None = None
    revision: Revision = field(init=False)
    _successor_of: dict[str, int] = field(default_factory=dict)
    """For each retiring number, the current sentence it leads to (by index; may be past the end)."""

    def __post_init__(self) -> None:
        self.revision = Revision(numbers=[""] * len(self.current))

    def keep(self, published: range, current: range) -> None:
        """The published sentences are the current ones, in order: they keep their numbers."""
        for i, j in zip(published, current, strict=True):
            self._give(j, self.published[i].number)

    def remove(self, published: range, reason: str, successor: int = -1) -> None:
        """The published sentences are gone; their anchors lead to ``successor`` (by default, what follows)."""
        for i in published:
            number = self.published[i].number
            self.revision.retiring.append(Retiring(number, None, reason))
            self._successor_of[number] = successor
            self._pass(number)

    def insert(self, current: range, next_published: int) -> None:
        """The current sentences are new: each takes an inserted number before the next published one."""
        after = self.published[next_published].number if next_published < len(self.published) else None
        for j in current:
            # When no number fits between two published ones (26 letters, three deep), the next whole one is taken.
            number = self.current[j].number
            if number in self.used or not _between(self.last, number, after):
                number = numbering.inserted(self.last, after, self.used) or numbering.appended(self.used)
            self.used.add(number)
            self._give(j, number)

    def pair(self, published: range, current: range) -> None:
        """Numbered sentences against other current words: each is corrected in place where a later
        current sentence is similar, else removed; current sentences left unpaired are inserted."""
        j = current.start
        for i in published:
            match = next(
                (k for k in range(j, current.stop) if _similar(self.published[i].text, self.current[k].text)), None
            )
            if match is None:
                self.remove(range(i, i + 1), REMOVED)
                continue
            self.insert(range(j, match), i)
            self.keep(range(i, i + 1), range(match, match + 1))
            self.revision.corrected.add(self.published[i].number)
            j = match + 1
        self.insert(range(j, current.stop), published.stop)

    def rearrange(self, published: range, current: range) -> None:
        """The same words, split or joined differently: the old numbers retire, leading to the first new part."""
        for i in published:
            self._pass(self.published[i].number)
        self.insert(current, published.stop)
        old = _listed(self.published[i].number for i in published)
        new = _listed(self.revision.numbers[j] for j in current)
        if len(published) == 1:
            change = f"split into sentences {new}"
        elif len(current) == 1:
            change = f"sentences {old} joined into sentence {new}"
        else:
            change = f"sentences {old} divided again into sentences {new}"
        self.remove(published, f"{change}, as in the official text", current.start)

    def name_successors(self) -> None:
        """Each retiring number leads to its chosen sentence, else the next current one, else the previous."""
        numbers = self.revision.numbers
        for index, retiring in enumerate(self.revision.retiring):
            target = self._successor_of[retiring.number]
            if target < 0:
                target = self._next_current(retiring.number)
            successor = numbers[target] if 0 <= target < len(numbers) else (numbers[-1] if numbers else None)
            self.revision.retiring[index] = Retiring(retiring.number, successor, retiring.reason)

    def _next_current(self, number: str) -> int:
        """The first current sentence numbered after ``number``, or one past the end."""
        key = numbering.order(number)
        numbers = self.revision.numbers
        return next((j for j, n in enumerate(numbers) if numbering.order(n) > key), len(numbers))

    def _give(self, index: int, number: str) -> None:
        self.revision.numbers[index] = number
        self._pass(number)

    def _pass(self, number: str) -> None:
        if self.last is None or numbering.order(number) > numbering.order(self.last):
            self.last = number
