"""The words as published: differences that do not show are named, and ``check`` compares with ``sources/``.

A sentence compared with its published words (the anchor record) or a paragraph compared
with its official text (``sources/<id>.txt``) is one line at the first character that
differs; when the difference does not show (another Unicode normalization, a Cyrillic or
Greek letter that looks like a Latin one), the line names it, and asks for no erratum.
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
from edition.statements import characters
from edition.statements.scalars import written
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


# Against the official text, sources/<id>.txt: check finds what the tests of the built pages would.


def test_the_statements_are_their_official_texts(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(sourced, capsys, "check") == (0, [])


@pytest.mark.parametrize("published", [True, False], ids=["published", "new"])
def test_a_cyrillic_letter_in_russia_is_named_against_the_official_text(
    published: bool, sourced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not published:
        (sourced / RECORD_FILE).unlink()
    lines = edit(sourced, {"between NATO Allies and Russia,": f"between NATO Allies and Russi{CYRILLIC_A},"})
    assert run(sourced, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'Allies and Russi', 16)}: paragraph 1: 'а' (U+0430 CYRILLIC SMALL "
            "LETTER A) looks like 'a' (U+0061 LATIN SMALL LETTER A) but is another letter; the official text "
            f"({SOURCE_FILE}:12) has 'a' here: replace it",
            "1 problem in 1 file",
        ],
    )


def test_a_paragraph_in_nfd_is_named_against_the_official_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / RECORD_FILE).unlink()
    shutil.copytree(SOURCES, project / "sources")
    edit(project, {"areas of common interest": "areas of common intérêt"}, SOURCE_FILE)
    edit(project, {"areas of common interest": unicodedata.normalize("NFD", "areas of common intérêt")})
    lines = (project / STATEMENT_FILE).read_text(encoding="utf-8").splitlines()
    assert run(project, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'common inte', 10)}: paragraph 1: the same words as the official "
            f"text ({SOURCE_FILE}:12), in another Unicode normalization (NFD); save them in NFC",
            "1 problem in 1 file",
        ],
    )


@pytest.mark.parametrize(
    ("change", "words", "offset", "message"),
    [
        pytest.param(
            {"We condemn terrorism in all its manifestations.": "We condemn terrorism in all its forms."},
            "We condemn terrorism",
            32,
            "paragraph 3: the words differ from the official text (sources/{id}.txt:14) here: 'forms.' where it has "
            "'manifestations.'; copy them from it",
            id="a-word",
        ),
        pytest.param(
            {"and in defeating the scourge of terrorism.": "and in defeating the scourge of terrorism. Indeed."},
            "scourge of terrorism",
            len("scourge of terrorism."),
            "paragraph 3: the official text (sources/{id}.txt:14) ends the paragraph here, but the words go on "
            "with ' Indeed.'; delete them, or move them to the paragraph they belong to",
            id="words-added",
        ),
    ],
)
def test_a_paragraph_that_is_not_the_official_text_is_one_line_at_the_difference(
    change: dict[str, str], words: str, offset: int, message: str, sourced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sourced / RECORD_FILE).unlink()  # a new statement: no record of published words to compare with
    lines = edit(sourced, change)
    assert run(sourced, capsys, "check") == (
        1,
        [f"{STATEMENT_FILE}:{place(lines, words, offset)}: {message.format(id=STATEMENT_ID)}", "1 problem in 1 file"],
    )


def test_a_sentence_missing_from_a_paragraph_is_found(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sourced / RECORD_FILE).unlink()
    path = sourced / STATEMENT_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["paragraphs"][1]["commitments"].pop()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert run(sourced, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'coordinated/joint action.', 25)}: paragraph 2: the words stop here, "
            f"but the official text ({SOURCE_FILE}:13) goes on with ' We intend that such cooperative mechanisms "
            "beyond the cu...'; add them",
            "1 problem in 1 file",
        ],
    )


def test_a_paragraph_the_statement_lacks_is_found(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        sourced, {"qualitatively new relationship.\n": "qualitatively new relationship.\n  5. We note.\n"}, SOURCE_FILE
    )
    lines = (sourced / STATEMENT_FILE).read_text(encoding="utf-8").splitlines()
    assert run(sourced, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{line(lines, '- number: 4')}:1: paragraph 4: the official text ({SOURCE_FILE}:16) "
            "goes on with paragraph 5, which the statement lacks; add it",
            "1 problem in 1 file",
        ],
    )


def test_a_paragraph_the_official_text_lacks_is_found(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (sourced / SOURCE_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    (sourced / SOURCE_FILE).write_text(
        "".join(line for line in source if not line.startswith("  4. ")), encoding="utf-8"
    )
    lines = (sourced / STATEMENT_FILE).read_text(encoding="utf-8").splitlines()
    assert run(sourced, capsys, "check") == (
        1,
        [
            f"{STATEMENT_FILE}:{line(lines, '- number: 4')}:1: paragraph 4: the official text ({SOURCE_FILE}) "
            "has no paragraph 4, only 3; delete it, or join it to the paragraph it belongs to",
            "1 problem in 1 file",
        ],
    )


def test_an_official_text_that_cannot_be_read_is_one_line(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sourced / SOURCE_FILE
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    assert run(sourced, capsys, "check") == (
        1,
        [f"{SOURCE_FILE}:1:1: the file is UTF-16, not UTF-8; save it as UTF-8", "1 problem in 1 file"],
    )
    path.unlink()
    path.mkdir()
    assert run(sourced, capsys, "check") == (
        1,
        [f"{SOURCE_FILE}:1:1: this is a folder; an official text must be a regular file", "1 problem in 1 file"],
    )
    path.rmdir()
    outside = sourced.parent / "elsewhere.txt"
    outside.write_bytes((SOURCES / f"{STATEMENT_ID}.txt").read_bytes())
    path.symlink_to(outside)
    assert run(sourced, capsys, "check") == (
        1,
        [
            f"{SOURCE_FILE}:1:1: a symbolic link to {outside.resolve()}, outside the project folder; copy the file in",
            "1 problem in 1 file",
        ],
    )


def test_a_render_notices_a_change_to_the_official_text(sourced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(sourced, capsys, "render")[0] == 0
    edit(sourced, {"We condemn terrorism in all its manifestations.": "We condemn terrorism."}, SOURCE_FILE)
    lines = (sourced / STATEMENT_FILE).read_text(encoding="utf-8").splitlines()
    assert run(sourced, capsys, "render") == (
        1,
        [
            f"{STATEMENT_FILE}:{place(lines, 'We condemn terrorism', 20)}: paragraph 3: the words differ from the "
            f"official text ({SOURCE_FILE}:14) here: 'terrorism in' where it has 'terrorism.'; copy them from it",
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
