"""The words as published: differences that do not show are named.

A sentence compared with its published words (the anchor record) is one line at the first
character that differs; when the difference does not show (another Unicode normalization,
a Cyrillic or Greek letter that looks like a Latin one), the line names it, and asks for no
erratum.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import build_site
from edition import characters
from edition.scalars import written
from tests.conftest import SOURCES, STATEMENT_ID

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"
RECORD_FILE = f"statements/anchors/{STATEMENT_ID}.json"
SOURCE_FILE = f"sources/{STATEMENT_ID}.txt"
CYRILLIC_A = "\u0430"


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """``build_site.py ARGS`` on ``project``, the current folder: the exit status and the lines of standard error."""
    assert Path.cwd() == project
    status = build_site.main([*args])
    return status, capsys.readouterr().err.splitlines()


def edit(project: Path, change: dict[str, str], name: str = STATEMENT_FILE) -> list[str]:
    """Replace each key of ``change`` (present once) by its value in the file ``name``; its new lines."""
    path = project / name
    content = path.read_text(encoding="utf-8")
    for old, new in change.items():
        assert content.count(old) == 1, old
        content = content.replace(old, new)
    path.write_text(content, encoding="utf-8")
    return content.splitlines()


def line(lines: list[str], words: str) -> int:
    """The number of the first of ``lines`` that holds ``words``."""
    return next(number for number, line in enumerate(lines, start=1) if words in line)


def place(lines: list[str], words: str, offset: int = 0) -> str:
    """``line:column`` of the character ``offset`` characters after the start of ``words`` in ``lines``."""
    number = line(lines, words)
    return f"{number}:{lines[number - 1].index(words) + offset + 1}"


@pytest.fixture(autouse=True)
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command runs from the project's folder, as a user runs it."""
    monkeypatch.chdir(project)


@pytest.fixture
def sourced(project: Path) -> Path:
    """The project with its official texts, ``sources/``."""
    shutil.copytree(SOURCES, project / "sources")
    return project


# Against the record of published words: a change that does not show is no erratum.


def test_a_published_sentence_saved_in_nfd_is_the_same_words_in_another_normalization(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / RECORD_FILE).unlink()
    edit(project, {"in all its manifestations.": "in all its manifestations, whatever their rôle."})
    assert run(project, capsys, "render")[0] == 0
    path = project / STATEMENT_FILE
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert run(project, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'whatever their r', 16)}: para_3__cmt_1: the same words as the "
            f"published text recorded in {RECORD_FILE}, in another Unicode normalization (NFD); save them in NFC",
            "1 problem in 1 file",
        ],
    )


def test_a_cyrillic_letter_in_a_published_sentence_is_named_at_its_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Russian" is on the second line of the sentence's value, which YAML joins to the first with a space.
    lines = edit(project, {"of the Russian Federation": f"of the Russi{CYRILLIC_A}n Federation"})
    assert run(project, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'of the Russi', 12)}: para_2__cmt_2: 'а' (U+0430 CYRILLIC SMALL LETTER A) "
            "looks like 'a' (U+0061 LATIN SMALL LETTER A) but is another letter; the published text recorded in "
            f"{RECORD_FILE} has 'a' here: replace it",
            "1 problem in 1 file",
        ],
    )


def test_a_changed_word_asks_for_an_erratum_at_the_first_character_that_differs(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = edit(project, {"coordinated/joint action.": "co-ordinated/joint action."})
    assert run(project, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'co-ordinated/joint', 2)}: para_2__cmt_3: the words differ from the "
            f"published text recorded in {RECORD_FILE}; restore them, or record a correction: "
            f"python build_site.py erratum {STATEMENT_ID} para_2__cmt_3 --reason '...'",
            "1 problem in 1 file",
        ],
    )


# The rules underneath: look-alike letters, normalizations, and the place of a character in a YAML value.


def test_the_look_alikes_are_cyrillic_and_greek_letters_that_look_latin() -> None:
    for letter, latin in characters.LOOK_ALIKES.items():
        assert unicodedata.name(letter).split()[0] in ("CYRILLIC", "GREEK"), letter
        assert unicodedata.name(latin).startswith("LATIN ") and latin.isascii(), latin
        assert letter.isupper() == latin.isupper(), letter


@pytest.mark.parametrize(
    ("written", "expected", "cause"),
    [
        ("Russia", "Russiа", "'a' (U+0061 LATIN SMALL LETTER A) looks like 'а' (U+0430 CYRILLIC SMALL LETTER A) but "
         "is another letter; T has 'а' here: replace it"),
        ("ΝΑΤΟ", "NATO", "'Ν' (U+039D GREEK CAPITAL LETTER NU) looks like 'N' (U+004E LATIN CAPITAL LETTER N) but "
         "is another letter; T has 'N' here: replace it"),
        ("café", "cafe\u0301", "the same words as T, in another Unicode normalization (NFC); save them in NFD"),
        ("cafe\u0301 au lait", "café noir", "here the same letter as T, in another Unicode normalization (NFD); "
         "save the words in NFC"),
        ("cafe\u0301", "cafè", None),
        ("Russia", "Rossia", None),
        ("Russia", "Russian", None),
    ],
)  # fmt: skip
def test_a_difference_that_does_not_show_is_named(written: str, expected: str, cause: str | None) -> None:
    index = characters.first_difference(written, expected)
    assert index is not None
    assert characters.unseen_difference(written, expected, index, "T") == cause


texts = st.text(alphabet=st.sampled_from("ab é\u0301а'\"\\:#-\u00ad\t"), min_size=1, max_size=60).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(texts.filter(bool), st.sampled_from([None, "'", '"', ">"]), st.sampled_from([12, 30, 1000]))
def test_each_character_of_a_value_is_found_at_its_place(value: str, style: str | None, width: int) -> None:
    document = yaml.dump({"text": value}, default_style=style, width=width, allow_unicode=True)
    root = yaml.compose(document, Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)
    node = root.value[0][1]
    assert node.value == value
    start, end = node.start_mark, node.end_mark
    raw = document[start.index : end.index]
    found = written(start.line + 1, start.column + 1, node.style or None, raw, value)
    lines = document.splitlines()
    places = [found.place(value, index) for index in range(len(value) + 1)]
    assert places == sorted(places) and len(set(places)) == len(places)  # in reading order, each its own
    for character, (line_number, column) in zip(value, places, strict=False):
        shown = lines[line_number - 1][column - 1 : column]
        assert shown == character or shown in ("\\", "'") or character == " ", (character, shown, document)
