"""Synthetic corpora: N statements made from the real one, in a project folder of their own.

Statement ``number`` always gets the same id, date and words, whatever the size of the
corpus, so that its page can be compared across sizes. Its date is spread over 35
years, so the listings' grouping by year is exercised. Its texts differ from the real
statement's and from every other synthetic statement's, as real statements' do: the
real partner ("Russia", "Russian") is replaced by a made-up country whose name is
spelt from the statement's number (:func:`country`), each word of :data:`VARIANTS`
by one of its variants chosen at random (seeded by the number), and the first
commitment names the synthetic statement. A phrase of the real statement that holds
one of those words is therefore found in the real statement alone. Every anchor is
new, so the first render records them all.
"""

from __future__ import annotations

import datetime
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from edition.build.output import OWNED

ROOT = Path(__file__).resolve().parent.parent
"""The project's checkout: the real statement, ``mkdocs.yml`` and the hand-written pages."""
SOURCE = ROOT / "statements" / "2001-12-07-nato-russia-joint-statement.yaml"
"""The real statement that every synthetic one is made from."""
SCHEMA_LINE = "# yaml-language-server: $schema=statement.schema.json\n"
"""The first line of a statement file, as the README asks."""
FIRST_DAY = datetime.date(1990, 1, 1)
"""The earliest date a synthetic statement can have."""
SPAN_DAYS = 35 * 365
"""The dates are spread over this many days from :data:`FIRST_DAY`."""
DAY_STRIDE = 4099
"""A prime: statement ``n`` is dated ``n * DAY_STRIDE mod SPAN_DAYS`` days after :data:`FIRST_DAY`."""


SYLLABLES = ("ka", "lo", "mir", "ven", "tas", "dor", "ul", "bre", "nis", "gar", "pel", "zu", "rin", "sol", "vek", "ta")
"""The country of statement ``n`` is spelt with these, one per base-16 digit of ``n``: names never repeat."""
VARIANTS: dict[str, tuple[str, ...]] = {
    "new": ("fresh", "renewed", "novel"),
    "relationship": ("partnership", "bond", "association"),
    "Allies": ("partners", "members", "signatories"),
    "ability": ("capacity", "readiness", "means"),
    "common": ("mutual", "collective", "overlapping"),
    "threats": ("dangers", "challenges", "menaces"),
    "risks": ("hazards", "perils", "uncertainties"),
    "security": ("safety", "defence", "protection"),
    "confident": ("trusting", "assured", "steady"),
    "cooperative": ("collaborative", "constructive", "friendly"),
    "shared": ("common", "joint", "mutual"),
    "democratic": ("constitutional", "civic", "pluralist"),
    "stable": ("secure", "balanced", "settled"),
    "peaceful": ("tranquil", "calm", "non-violent"),
    "undivided": ("united", "whole", "unified"),
    "Europe": ("continent", "region", "neighbourhood"),
    "stability": ("order", "calm", "predictability"),
    "impetus": ("momentum", "energy", "drive"),
    "substance": ("content", "depth", "weight"),
    "council": ("forum", "board", "commission"),
    "opportunities": ("chances", "openings", "prospects"),
    "joint": ("concerted", "combined", "united"),
    "dialogue": ("conversation", "exchange", "discussion"),
    "Ambassadors": ("envoys", "representatives", "delegates"),
    "mechanisms": ("arrangements", "procedures", "instruments"),
    "Reykjavik": ("Oslo", "Vienna", "Madrid", "Lisbon", "Prague"),
    "May": ("June", "March", "October", "April"),
    "condemn": ("denounce", "deplore", "reject"),
    "terrorism": ("extremism", "violence", "piracy"),
    "deepest": ("sincere", "heartfelt", "profound"),
    "sympathies": ("condolences", "solidarity", "sorrow"),
    "victims": ("survivors", "bereaved", "wounded"),
    "tragic": ("terrible", "grievous", "painful"),
    "events": ("incidents", "attacks", "days"),
    "comprehensive": ("thorough", "broad", "complete"),
    "spirit": ("climate", "atmosphere", "sense"),
    "intensifying": ("strengthening", "deepening", "expanding"),
    "struggle": ("fight", "campaign", "effort"),
    "crisis": ("conflict", "disaster", "emergency"),
    "missile": ("rocket", "air", "ballistic"),
    "rescue": ("recovery", "relief", "assistance"),
    "emergencies": ("disasters", "crises", "contingencies"),
}
"""Words of the real statement, each replaced in a synthetic statement by one of its variants."""
_VARIED = re.compile(r"\b(" + "|".join(sorted(VARIANTS, key=len, reverse=True)) + r")\b")


def country(number: int) -> str:
    """The made-up country of statement ``number``: ``Kolo``-like, spelt from its base-16 digits."""
    digits = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        digits.append(SYLLABLES[digit])
        if number == 0:
            break
    return "".join(reversed(digits)).capitalize() + "ria"


def partner(text: str, number: int) -> str:
    """``text`` with the real partner ("Russia", "Russian") replaced by statement ``number``'s country."""
    name = country(number)
    return text.replace("Russian", f"{name}n").replace("Russia", name)


def vary(text: str, number: int, rng: random.Random) -> str:
    """``text`` with its partner replaced by statement ``number``'s country and its :data:`VARIANTS` words varied."""
    return _VARIED.sub(lambda match: rng.choice(VARIANTS[match.group(1)]), partner(text, number))


class _Dumper(yaml.SafeDumper):
    """YAML without aliases, which statement files may not use."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def statement_date(number: int) -> datetime.date:
    """The date of synthetic statement ``number`` (from 1)."""
    return FIRST_DAY + datetime.timedelta(days=number * DAY_STRIDE % SPAN_DAYS)


def statement_id(number: int) -> str:
    """``YYYY-MM-DD-synthetic-statement-NNNN``: the date, then the number."""
    return f"{statement_date(number).isoformat()}-synthetic-statement-{number:04d}"


def long_date(date: datetime.date) -> str:
    """``7 December 2001``."""
    return f"{date.day} {date:%B %Y}"


def statement_data(number: int, heading: str | None = None) -> dict[str, Any]:
    """The YAML data of synthetic statement ``number``; ``heading`` replaces paragraph 1's heading."""
    with SOURCE.open(encoding="utf-8") as source:
        data: dict[str, Any] = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    date = statement_date(number)
    data["title"] = f"{data['title']} (synthetic statement {number:04d})"
    data["subtitle"] = data["subtitle"].replace("7 December 2001", long_date(date))
    data["date"] = date
    data["source"]["updated"] = date
    rng = random.Random(number)
    for document in data["documents"]:  # their names, as the commitments now spell them
        document["mentions"] = [partner(mention, number) for mention in document["mentions"]]
    for paragraph in data["paragraphs"]:
        for sentence in paragraph["commitments"]:
            sentence["text"] = vary(sentence["text"], number, rng)
    first = data["paragraphs"][0]
    first["commitments"][0]["text"] = first["commitments"][0]["text"].replace(
        "Today we commit", f"Today, in synthetic statement {number}, we commit", 1
    )
    if heading is not None:
        first["heading"] = heading
    return data


def write_statement(project: Path, number: int, heading: str | None = None) -> Path:
    """Write synthetic statement ``number`` into ``project``; its path."""
    path = project / "statements" / f"{statement_id(number)}.yaml"
    text = yaml.dump(statement_data(number, heading), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    path.write_text(SCHEMA_LINE + text, encoding="utf-8", newline="\n")
    return path


def hand_written(docs: Path) -> list[Path]:
    """The hand-written parts of ``docs``: everything but the generated folders (and hidden scratch)."""
    return sorted(path for path in docs.iterdir() if path.name not in OWNED and not path.name.startswith("."))


def copy_site(source: Path, target: Path) -> None:
    """Copy the configuration (with the theme's overrides) and the hand-written pages."""
    (target / "docs").mkdir(parents=True)
    shutil.copy2(source / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(source / "overrides", target / "overrides")
    for path in hand_written(source / "docs"):
        if path.is_dir():
            shutil.copytree(path, target / "docs" / path.name)
        else:
            shutil.copy2(path, target / "docs" / path.name)


def make_project(target: Path, count: int) -> Path:
    """A project in ``target`` with ``count`` synthetic statements, the real configuration and pages.

    The real statement is there too: the hand-written pages link to it, and a strict
    build (``serve`` builds strictly too) fails on a link to a missing page.
    """
    copy_site(ROOT, target)
    (target / "statements").mkdir()
    shutil.copy2(ROOT / "statements" / "statement.schema.json", target / "statements" / "statement.schema.json")
    shutil.copy2(SOURCE, target / "statements" / SOURCE.name)
    for number in range(1, count + 1):
        write_statement(target, number)
    return target
