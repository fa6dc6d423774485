"""A paragraph cut into its commitments (sentences), keeping every character.

The sentence boundaries come from a segmentation library; the words never do.
The paragraph is cut at the single spaces where the library says one sentence
ends and the next begins, so joining the commitments with single spaces gives
the paragraph back, character for character (CONTRIBUTING.md,
"The text"). Two project rules sit on top of the library:

* a boundary right after one of :data:`NEVER_FINAL` ("No.", "para.", "Amb.", ...)
  is dropped: in official texts those come before a number or a name;
* a boundary right after initials ("U.S.", "D.C.") or one of :data:`MAY_BE_FINAL`
  ("etc.", "Dec.") is kept but marked as a doubt, for the reviewer of the draft.

The library: nupunkt
--------------------

Seven candidates from PyPI were compared, each cutting at its own boundaries,
on the curated statement (4 paragraphs, 13 sentences), on twelve paragraphs of
other NATO texts of 2000-2002 (43 sentences, no abbreviations), and on 37 tricky
pairs of sentences: "7 Dec. 2001", "U.S.", "No. 5", "St. Petersburg",
"J. F. Kennedy", "1.5 million", a quotation ending '."', "(see para. 3.)", a
sentence in brackets, "Art. 51", "Sept. 12", "Res. 1368", "Amb. N. Afanasievsky",
"H.E. Mr. Lavrov", "Nos. 1 and 2", "Vol. 2, pp. 3-5", "10 a.m.", "approx. 20,000",
"e.g.", "etc.", "2.5 bn.", typographic quotes, questions, a sentence that starts
with a digit. Every library gave the text back whole (joined with single spaces).

=====================  ============  =========  ==========  ======  ==========================================
library                last release  statement  NATO texts  tricky  what it missed
=====================  ============  =========  ==========  ======  ==========================================
nupunkt 0.8.0          2026          4/4        12/12       35/37   "U.S. Secretary", "bn. per year"
blingfire 0.1.8        2021          4/4        12/12       35/37   "(Art. 51)", "3 times. 4 more"; needs numpy
pysbd 0.3.4            2021          4/4        12/12       33/37   "Amb. N.", "bn.", "Vol. 2", "approx. 20"
syntok 1.4.4           2022          4/4        12/12       33/37   "etc. We", "Amb. N.", "Nos. 1", "pp. 3-5"
sentencex 1.0.32       2026          4/4        12/12       32/37   "(The annex ...) We", "Amb.", "bn.", "Vol."
segtok 1.5.11          2021          4/4        12/12       30/37   "St. Petersburg", "Art. 5", "H.E.", "Nos."
sentence-splitter 1.4  2019          4/4        12/12       30/37   "(see para. 3.)", "U.S.A. It", "Doc."
=====================  ============  =========  ==========  ======  ==========================================

nupunkt (the ALEA Institute's Punkt, trained on legal and official English;
MIT) is chosen: it makes the fewest mistakes, it is maintained (releases in
2026), it is typed (``py.typed``, so ``mypy --strict`` needs no exemption), it
has no dependencies, and it reports sentences as character spans. pysbd, the
best known, is unmaintained since 2021 and its regular expressions have invalid
escape sequences, which newer Pythons warn about (and this project's tests
turn warnings into errors); blingfire is a native library that here also needs
numpy. With :data:`NEVER_FINAL`, nupunkt gets 36 of the 37 tricky cases; the
last ("the U.S. Secretary of State" cut after "U.S.") is marked as a doubt.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import nupunkt

NEVER_FINAL: Final = frozenset(
    {"Amb.", "Art.", "Arts.", "bn.", "Doc.", "Dr.", "Gen.", "H.E.", "Mr.", "Mrs.", "Ms.", "No.", "Nos."}
    | {"p.", "pp.", "para.", "paras.", "Prof.", "Res.", "St.", "Vol.", "approx."}
)
"""Abbreviations that come before a number or a name in official texts, never at the end of a sentence."""

MAY_BE_FINAL: Final = frozenset(
    {"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."}
    | {"etc.", "Co.", "Corp.", "Inc.", "Ltd.", "Jr.", "Sr."}
)
"""Abbreviations that may end a sentence or go on: a cut after one is marked as a doubt, as after initials."""

_OPENING = "([{\"'“‘"
"""What may stand before the first word of a sentence or an abbreviation: brackets and quotes."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
"""How a sentence ends: a full stop, question or exclamation mark, perhaps closing quotes or brackets."""
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
"""Initials and dotted abbreviations: "J.", "U.S.", "D.C."."""


@dataclass(frozen=True)
class Cut:
    """One sentence cut from a paragraph, with what a reviewer should check about it."""

    text: str
    """The words, exactly as in the paragraph."""
    doubts: tuple[str, ...] = ()
    """Why the cut after it (or its shape) may be wrong, in a sentence each; empty when it looks sure."""


def split(paragraph: str) -> tuple[Cut, ...]:
    """The sentences of ``paragraph``, a line of text without surrounding spaces.

    ``" ".join(s.text for s in split(p)) == p`` for every paragraph ``p``.
    """
    pieces: list[str] = []
    start = 0
    for cut in _cuts(paragraph):
        pieces.append(paragraph[start:cut])
        start = cut + 1
    pieces.append(paragraph[start:])
    last = len(pieces) - 1
    return tuple(Cut(piece, _doubts(piece, final=index == last)) for index, piece in enumerate(pieces))


def ends_like_a_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does: "." "?" "!" or "…", perhaps inside quotes or brackets."""
    return _SENTENCE_END.search(text) is not None


def _cuts(paragraph: str) -> list[int]:
    """The positions of the spaces between sentences: where the library ends one and starts the next."""
    spans = _tokenizer().spans(paragraph)
    cuts: list[int] = []
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        if paragraph[end:next_start] == " " and _last_word(paragraph, end) not in NEVER_FINAL:
            cuts.append(end)
    return cuts


def _doubts(sentence: str, *, final: bool) -> tuple[str, ...]:
    word = _last_word(sentence)
    if not ends_like_a_sentence(sentence):
        return ("it does not end like a sentence: is it a heading, a list, or cut in the wrong place?",)
    if not final and (_INITIALS.fullmatch(word) or word in MAY_BE_FINAL):
        return (f"it is taken to end after the abbreviation {word!r}: if the sentence goes on, join it with the next",)
    return ()


def _last_word(text: str, end: int | None = None) -> str:
    """The last word of ``text[:end]``, without brackets or quotes before it: "(see para." gives "para."."""
    end = len(text) if end is None else end
    return text[text.rfind(" ", 0, end) + 1 : end].lstrip(_OPENING)


@functools.cache
def _tokenizer() -> nupunkt.PunktSentenceTokenizer:
    """nupunkt's default model, loaded on first use and never changed (other users of nupunkt share it)."""
    import nupunkt  # slow to load: only the import verb needs it

    return nupunkt.load("default")
