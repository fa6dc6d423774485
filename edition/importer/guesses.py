"""A head start on annotation: guesses from the words of a statement, each for a reviewer to check.

Every guess keeps the words it was made from (its *cue*), which the draft shows in
its ``# REVIEW`` comment. Nothing here is certain: the rules read the vocabulary's
typical wording (:data:`edition.vocabulary.KINDS`), keywords of the topics, the
usual names of documents, and dates after the statement's own date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from edition.importer import dates


@dataclass(frozen=True)
class Guess:
    """A value guessed from the text."""

    value: str
    """The guess: a vocabulary term, a name or a date."""
    cue: str
    """The words of the text it was guessed from; empty when it is a default."""


@dataclass(frozen=True)
class GuessedDocument:
    """A document the text seems to refer to."""

    id: str
    """The proposed id, e.g. ``unscr-1368``."""
    title: str
    """Its full title, as far as it can be known."""
    short_title: str | None
    """The name the text uses for it."""
    date: str | None
    """Its date (``YYYY-MM-DD``) when known, else ``None``."""
    url: str | None
    """Its authoritative source when known, else ``None``."""
    mentions: tuple[str, ...] = field(default=())
    """How the text names it, in order of first use."""


@dataclass(frozen=True)
class GuessedDeadline:
    """A date after the statement's own that the text ties something to."""

    date: str
    """``YYYY-MM`` or ``YYYY-MM-DD``."""
    event: str | None
    """The occasion, in the text's words ("our meeting in Reykjavik"), if there is one."""
    cue: str
    """The words it was guessed from."""


def _cues(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def _any_cue(*patterns: str) -> re.Pattern[str]:
    """One pattern for all of ``patterns``: its first match is the earliest of theirs, the first of them on a tie."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


KIND_CUES: Final[tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]] = (
    (
        "express",
        _cues(
            r"\b(?:reiterate|express|extend|convey)[sd]? (?:our|its|their) (?:\w+ )?(?:sympath|condolence|gratitude)\w*"
        ),
    ),
    ("continue", _cues(r"\bwill (?:also |further )?(?:continue|be maintained|maintain)\b", r"\bcontinues? to\b")),
    ("commit", _cues(r"\bcommit(?:s|ted)? (?:ourselves|themselves|itself)\b", r"\bpledge[sd]?\b", r"\bundertake\b")),
    ("reaffirm", _cues(r"\b(?:reaffirm|reiterate|recall|reconfirm|restate)\w*", r"\bremains? committed\b")),
    ("decide", _cues(r"\b(?:have |has )?decided?\b")),
    ("agree", _cues(r"\b(?:have |has )?agreed?\b")),
    ("task", _cues(r"\b(?:have |has )?(?:also )?(?:tasked|instructed|mandated)\b")),
    ("intend", _cues(r"\bintend\w*", r"\baims? to\b")),
    ("condemn", _cues(r"\b(?:condemn|deplore)\w*")),
    ("support", _cues(r"\b(?:support|endorse)(?:s|ed)?\b")),
    ("welcome", _cues(r"\bwelcome[sd]?\b")),
    ("call", _cues(r"\bcall(?:s|ed)? (?:up)?on\b", r"\burge[sd]?\b")),
    ("express", _cues(r"\bsympath\w*", r"\bcondolences?\b")),
    ("observe", _cues(r"\b(?:are|is|were) (?:\w+ly )?(?:reminded|encouraged|convinced|concerned|pleased|satisfied)\b")),
    ("observe", _cues(r"\bnote[sd]?\b")),
    ("act", _cues(r"\b(?:are|is) (?:now )?\w+ing\b")),
    ("commit", _cues(r"\bwill\b")),
)
"""Wording that signals each kind, most specific first: the earliest cue in a sentence wins, ties by this order."""
DEFAULT_KIND: Final = "observe"
"""The kind of a sentence with none of the cues: a statement of fact or assessment."""
_KIND_CUE: Final = re.compile(
    "|".join(
        f"(?P<cue{rank}>{'|'.join(f'(?:{pattern.pattern})' for pattern in patterns)})"
        for rank, (_, patterns) in enumerate(KIND_CUES)  # one group per entry, named by its rank
    ),
    re.IGNORECASE,
)
"""All of :data:`KIND_CUES` in one pattern: its first match is the earliest cue, the first in order on a tie."""

TOPIC_CUES: Final[dict[str, re.Pattern[str]]] = {
    "nato-russia-relations": _any_cue(
        r"\brelationship\b", r"\bpartnership\b", r"\b(?:NATO )?Allies and Russia\b", r"\bNATO and Russia\b"
    ),
    "euro-atlantic-security": _any_cue(r"\bEuro-Atlantic\b", r"\bEuropean security\b"),
    "institutions": _any_cue(r"\b(?<!Security )council\b", r"\bmechanisms?\b", r"\binstitutions?\b"),
    "consultation": _any_cue(r"\bdialogue\b", r"\bconsultations?\b", r"\bcontacts\b"),
    "terrorism": _any_cue(r"\bterroris[mt]s?\b"),
    "crisis-management": _any_cue(r"\bcrisis management\b", r"\bpeace-?keeping\b"),
    "non-proliferation": _any_cue(r"\b(?:non-)?proliferation\b", r"\bweapons of mass destruction\b"),
    "arms-control": _any_cue(r"\barms control\b", r"\bdisarmament\b"),
    "confidence-building": _any_cue(r"\bconfidence[- ]building\b"),
    "theatre-missile-defence": _any_cue(r"\bmissile defen[cs]e\b"),
    "search-and-rescue": _any_cue(r"\bsearch and rescue\b"),
    "military-cooperation": _any_cue(r"\bmilitary-to-military\b", r"\bmilitary co-?operation\b"),
    "civil-emergencies": _any_cue(r"\bcivil emergenc(?:y|ies)\b", r"\bdisasters?\b"),
}
"""Keywords of each topic of :data:`edition.vocabulary.TOPICS`, in one pattern (a test checks that each has some)."""

FOUNDING_ACT: Final = GuessedDocument(
    "founding-act",
    "Founding Act on Mutual Relations, Cooperation and Security between NATO and the Russian Federation",
    "NATO-Russia Founding Act",
    "1997-05-27",
    "https://www.nato.int/cps/en/natohq/official_texts_25468.htm",
)
"""A document whose facts are known (``sources/README.md``)."""
KNOWN: Final = ((re.compile(r"(?:NATO-Russia )?Founding Act"), FOUNDING_ACT),)
"""Known documents and how texts name them."""
_RESOLUTIONS = re.compile(
    r"\b(?:UN |United Nations )?Security Council Resolutions? "
    r"[0-9]{3,4}(?: \([0-9]{4}\))?(?:(?:, | and |, and )[0-9]{3,4}(?: \([0-9]{4}\))?)*"
)
_RESOLUTION = re.compile(r"(?P<number>[0-9]{3,4})(?: \((?P<year>[0-9]{4})\))?")
_NAMED_ACT = re.compile(
    r"\b(?:[A-Z][\w'-]* ){1,5}(?:Act|Treaty|Charter|Declaration|Convention|Agreement|Accord|Protocol)\b"
)
_DEADLINE_WORDS = re.compile(r"\b(?:by|before|prior to|no later than|until|in place|deadline)\b", re.IGNORECASE)
_EVENT = re.compile(
    r"(?P<event>\b(?:our|the|its|their|a|an) (?:[\w-]+ ){0,4}?(?:meeting|summit|session|conference|ministerial)"
    r"(?: (?:in|at) [A-Z][\w-]*)?) (?:in|on) $"
)


def kind(sentence: str) -> Guess:
    """The kind of commitment ``sentence`` seems to be, from its earliest cue."""
    match = _KIND_CUE.search(sentence)
    if match is None or match.lastgroup is None:
        return Guess(DEFAULT_KIND, "")
    term, _ = KIND_CUES[int(match.lastgroup.removeprefix("cue"))]
    return Guess(term, match.group())


def topics(sentence: str) -> tuple[Guess, ...]:
    """The topics whose keywords ``sentence`` uses, in the order it first uses them."""
    found = []
    for term, pattern in TOPIC_CUES.items():
        match = pattern.search(sentence)
        if match:
            found.append((match.start(), Guess(term, match.group())))
    return tuple(guess for _, guess in sorted(found, key=lambda pair: pair[0]))


def documents(sentences: Iterable[str]) -> tuple[GuessedDocument, ...]:
    """The documents ``sentences`` refer to, in order of first mention, each with every way it is named."""
    by_id: dict[str, GuessedDocument] = {}
    for sentence in sentences:
        for document in references(sentence):
            known = by_id.get(document.id)
            mentions = document.mentions if known is None else known.mentions + document.mentions
            by_id[document.id] = replace(document, mentions=tuple(dict.fromkeys(mentions)))
    return tuple(by_id.values())


def references(sentence: str) -> list[GuessedDocument]:
    """The documents one sentence names, each with the words it uses."""
    found: list[tuple[int, GuessedDocument]] = []
    taken: list[range] = []
    for pattern, document in KNOWN:
        for match in pattern.finditer(sentence):
            found.append((match.start(), replace(document, mentions=(match.group(),))))
            taken.append(range(match.start(), match.end()))
    for match in _RESOLUTIONS.finditer(sentence):
        found += [(match.start(), resolution) for resolution in _resolutions(match.group())]
        taken.append(range(match.start(), match.end()))
    for match in _NAMED_ACT.finditer(sentence):
        if not any(match.start() in span or match.end() - 1 in span for span in taken):
            found.append((match.start(), _named_act(match.group())))
    return [document for _, document in sorted(found, key=lambda pair: pair[0])]


def _resolutions(words: str) -> list[GuessedDocument]:
    """One document per number: the first is named by the words up to it, the others by their number."""
    documents = []
    for index, match in enumerate(_RESOLUTION.finditer(words)):
        number, year = match["number"], match["year"]
        mention = words[: match.end()] if index == 0 else match.group()
        documents.append(
            GuessedDocument(
                f"unscr-{number}",
                f"United Nations Security Council Resolution {number}" + (f" ({year})" if year else ""),
                f"UN Security Council Resolution {number}",
                None,
                f"https://undocs.org/S/RES/{number}({year})" if year else None,
                (mention,),
            )
        )
    return documents


def _named_act(words: str) -> GuessedDocument:
    name = re.sub(r"^(?:The|A|An|This|That|Our) ", "", words)
    return GuessedDocument(re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), name, None, None, None, (name,))


def deadline(sentence: str, issued: datetime.date) -> GuessedDeadline | None:
    """A date after ``issued`` that the sentence ties to "by", "prior to", "in place", ..., if any."""
    found = sorted([*dates.days(sentence), *dates.months(sentence)], key=lambda f: f.start)
    for date in found:
        if date.value <= issued.isoformat()[: len(date.value)]:
            continue
        triggers = list(_DEADLINE_WORDS.finditer(sentence, 0, date.start))
        if not triggers:
            continue
        trigger = triggers[-1]
        event = _EVENT.search(sentence[: date.start])
        return GuessedDeadline(
            date.value, event["event"] if event else None, _shorten(sentence[trigger.start() : date.end])
        )
    return None


def place(lines: Sequence[str]) -> Guess | None:
    """Where the statement was issued: "in Brussels on 7 December 2001" gives Brussels."""
    return _first(lines, re.compile(r"\b[Ii]n (?P<value>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)(?= on\b|,|$)"))


def body(title: str | None, lines: Sequence[str]) -> Guess | None:
    """The issuing body: "Meeting of the Permanent Joint Council", with the title's parties ("NATO-Russia")."""
    name = r"(?P<value>[A-Z][\w-]*(?: [A-Z][\w-]*)*)"
    guess = _first(lines, re.compile(rf"\b(?:[Mm]eeting|[Ss]ession) of the {name}")) or _first(
        lines, re.compile(rf"\b(?:issued )?by the {name}")
    )
    parties = re.match(r"(?P<parties>[A-Z][\w]*(?:-[A-Z][\w]*)+) ", title or "")
    if guess and parties and not guess.value.startswith(parties["parties"]):
        return Guess(f"{parties['parties']} {guess.value}", f"{parties['parties']} ... {guess.cue}")
    return guess


def level(lines: Sequence[str]) -> Guess | None:
    """The level the body met at: "at the Level of Foreign Ministers" gives Foreign Ministers."""
    name = r"(?P<value>[A-Z][\w-]*(?: (?:(?:of|and) )?[A-Z][\w-]*)*)"
    return _first(lines, re.compile(rf"\b[Ll]evel of {name}")) or _first(
        lines, re.compile(r"\bin (?P<value>(?:[A-Z][\w-]* )*Ministers) [Ss]ession")
    )


def publisher(document_type: str | None) -> Guess | None:
    """The publisher named first in the document type: "NATO Press Statement" gives NATO."""
    match = re.match(r"(?P<value>[A-Z][A-Z-]+) ", document_type or "")
    return Guess(match["value"], match.group().strip()) if match else None


def _first(lines: Sequence[str], pattern: re.Pattern[str]) -> Guess | None:
    for line in lines:
        match = pattern.search(line)
        if match:
            return Guess(match["value"], _shorten(match.group()))
    return None


def _shorten(words: str) -> str:
    return words if len(words) <= 60 else f"{words[:28]} ... {words[-28:]}"
