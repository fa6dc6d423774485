"""The controlled vocabularies of sentence kinds and topics.

Every sentence has exactly one kind (what it does) and one or more
topics (what it is about). The terms are permanent: they appear in data
downloads and, later, in URLs. Add terms; do not rename or remove them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One term of a vocabulary."""

    id: str
    """The permanent identifier used in statement files, e.g. ``reaffirm``."""
    label: str
    """The name shown to readers."""
    definition: str
    """When to use the term, with the wording that typically signals it."""


KINDS: tuple[Term, ...] = (
    Term("commit", "commit", 'Undertakes a new course of action ("we commit ourselves to", "we will").'),
    Term("reaffirm", "reaffirm", 'Restates a position or commitment already held ("we reaffirm", "we recall").'),
    Term("decide", "decide", 'Records a decision taken by the signatories ("we have decided to").'),
    Term("agree", "agree", 'Records an agreement reached between the parties ("we agreed", "we have agreed").'),
    Term("task", "task", 'Instructs a body or officials to carry out work ("has tasked its Ambassadors to").'),
    Term("intend", "intend", 'States an intention or an expected result ("we intend that", "we aim to").'),
    Term("continue", "continue", 'Undertakes to keep up an existing activity ("will continue", "will be maintained").'),
    Term("act", "act", 'Reports action the parties are taking ("we are intensifying our cooperation").'),
    Term("condemn", "condemn", 'Condemns an act, a practice or a phenomenon ("we condemn").'),
    Term("support", "support", 'Declares support for a document, measure or actor ("we fully support").'),
    Term("welcome", "welcome", 'Welcomes a development or another party\'s action ("we welcome").'),
    Term("call", "call", 'Calls on others to act ("we call upon", "we urge").'),
    Term(
        "express",
        "express",
        'Expresses a sentiment: sympathy, concern, gratitude ("we reiterate our deepest sympathies").',
    ),
    Term("observe", "observe", 'States a finding or an assessment ("we are reminded that", "we are encouraged by").'),
)
"""What a sentence does, by its main verb."""

TOPICS: tuple[Term, ...] = (
    Term(
        "nato-russia-relations",
        "NATO-Russia relations",
        "The relationship between the NATO Allies and Russia as a whole.",
    ),
    Term("euro-atlantic-security", "Euro-Atlantic security", "Stability and security in the Euro-Atlantic area."),
    Term(
        "institutions",
        "Institutions and mechanisms",
        "Councils, bodies and mechanisms for consultation, cooperation and joint decision.",
    ),
    Term("consultation", "Dialogue and consultation", "Political dialogue, consultation and regular working contacts."),
    Term("terrorism", "Terrorism", "Terrorist acts and the struggle against terrorism."),
    Term("crisis-management", "Crisis management", "Preventing and managing crises, including peacekeeping."),
    Term(
        "non-proliferation",
        "Non-proliferation",
        "Stopping the spread of weapons of mass destruction and their means of delivery.",
    ),
    Term("arms-control", "Arms control", "Limits on armed forces and armaments, and their verification."),
    Term(
        "confidence-building",
        "Confidence-building measures",
        "Transparency and confidence-building measures between armed forces.",
    ),
    Term(
        "theatre-missile-defence",
        "Theatre missile defence",
        "Defence of deployed forces against short- and medium-range missiles.",
    ),
    Term("search-and-rescue", "Search and rescue at sea", "Cooperation in search and rescue, in particular at sea."),
    Term(
        "military-cooperation",
        "Military-to-military cooperation",
        "Contacts, exercises and cooperation between armed forces.",
    ),
    Term("civil-emergencies", "Civil emergencies", "Preparedness for and response to civil emergencies and disasters."),
)
"""What a sentence is about."""


_BY_ID: dict[int, dict[str, Term]] = {id(terms): {t.id: t for t in terms} for terms in (KINDS, TOPICS)}
"""Each vocabulary's terms by id (looked up for every sentence on every page that lists it)."""


def term(vocabulary: tuple[Term, ...], term_id: str) -> Term:
    """The term ``term_id`` of ``vocabulary`` (:data:`KINDS` or :data:`TOPICS`)."""
    return _BY_ID[id(vocabulary)][term_id]
