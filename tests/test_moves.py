"""Anchors that move: sentences inserted, removed, split or joined after publication.

Each case edits paragraph 4 of the published statement (sentences 4.1, 4.2, 4.3),
pins the exact lines ``check`` prints, then does what they say, mechanically: the
``number`` each line asks for, then the ``retire`` commands the next ``check``
prints. The end is always a valid statement in which every published anchor names
its published words or is retired, leading to the expected successor.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import build_site
from edition.records import recordfile
from edition.records.numbering import following, inserted, numbers, order
from edition.records.revisions import Numbered, Retiring, revise
from tests.conftest import STATEMENT_ID

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"
RECORD_FILE = f"statements/anchors/{STATEMENT_ID}.json"
NEW = "A sentence missing from the transcription."
Sentences = list[dict[str, Any]]


def sentence(text: str) -> dict[str, Any]:
    return {"text": text, "kind": "observe", "topics": ["terrorism"]}


def split(sentences: Sentences, index: int) -> None:
    """Divide sentence ``index`` in two at its middle word, as if the source had two sentences there."""
    words = sentences[index]["text"].split(" ")
    first, rest = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])
    sentences[index : index + 1] = [{**sentences[index], "text": first}, sentence(rest)]


def join(sentences: Sentences, index: int) -> None:
    """Join sentence ``index`` with the next, as if the source had one sentence there."""
    sentences[index]["text"] += " " + sentences.pop(index + 1)["text"]


@dataclass(frozen=True)
class Case:
    change: Callable[[Sentences], object]
    """What the editor does to paragraph 4's sentences."""
    first: list[str]
    """The problems ``check`` prints, without the path and line (``col: message``)."""
    numbers: list[str]
    """Paragraph 4's sentence numbers at the end."""
    retired: dict[str, str]
    """The retired anchors at the end, with their successors."""


def new(position: int, number: str) -> str:
    """The line asking for the number of a sentence that is new since publication."""
    return (
        f"paragraph 4, sentence {position}: this sentence is new since publication and cannot take "
        f"para_4__cmt_{position}, published with other words; number it {number} so that every published anchor "
        f"keeps its words: give it 'number: {number}'"
    )


def kept(position: int, number: str) -> str:
    """The line asking a published sentence to state its own number."""
    return (
        f"paragraph 4, sentence {position}: these are the published words of para_4__cmt_{number}; number it "
        f"{number} so that every published anchor keeps its words: give it 'number: {number}'"
    )


def retire(anchor: str, successor: str, reason: str) -> str:
    """The line asking to retire an anchor whose words are gone."""
    return (
        f"{anchor} was published and its words are gone ({reason}); restore them, or retire it: "
        f"python build_site.py retire {STATEMENT_ID} {anchor} --successor {successor} "
        f"--reason {shlex.quote(reason[0].upper() + reason[1:] + '.')}"
    )


CASES = {
    "inserted at the head": Case(lambda s: s.insert(0, sentence(NEW)), [new(1, "A1")], ["A1", "1", "2", "3"], {}),
    "inserted in the middle": Case(lambda s: s.insert(1, sentence(NEW)), [new(2, "1A")], ["1", "1A", "2", "3"], {}),
    "inserted at the end": Case(lambda s: s.append(sentence(NEW)), [], ["1", "2", "3", "4"], {}),
    "removed at the head": Case(lambda s: s.pop(0), [kept(1, "2")], ["2", "3"], {"para_4__cmt_1": "para_4__cmt_2"}),
    "removed in the middle": Case(lambda s: s.pop(1), [kept(2, "3")], ["1", "3"], {"para_4__cmt_2": "para_4__cmt_3"}),
    "removed at the end": Case(
        lambda s: s.pop(2),
        [retire("para_4__cmt_3", "para_4__cmt_2", "not in the official text")],
        ["1", "2"],
        {"para_4__cmt_3": "para_4__cmt_2"},
    ),
    "split at the head": Case(
        lambda s: split(s, 0), [new(1, "1A"), new(2, "1B")], ["1A", "1B", "2", "3"], {"para_4__cmt_1": "para_4__cmt_1A"}
    ),
    "split in the middle": Case(
        lambda s: split(s, 1), [new(2, "2A"), new(3, "2B")], ["1", "2A", "2B", "3"], {"para_4__cmt_2": "para_4__cmt_2A"}
    ),
    "split at the end": Case(
        lambda s: split(s, 2), [new(3, "4")], ["1", "2", "4", "5"], {"para_4__cmt_3": "para_4__cmt_4"}
    ),
    "joined at the head": Case(
        lambda s: join(s, 0),
        [new(1, "2A")],
        ["2A", "3"],
        {"para_4__cmt_1": "para_4__cmt_2A", "para_4__cmt_2": "para_4__cmt_2A"},
    ),
    "joined at the end": Case(
        lambda s: join(s, 1),
        [new(2, "4")],
        ["1", "4"],
        {"para_4__cmt_2": "para_4__cmt_4", "para_4__cmt_3": "para_4__cmt_4"},
    ),
}


@pytest.fixture(autouse=True)
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the project folder, as users do: paths in messages are relative to it."""
    monkeypatch.chdir(project)


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """``build_site.py ARGS`` run from ``project`` (see :func:`in_project`): exit status and standard error lines."""
    assert Path.cwd() == project
    status = build_site.main(["--root", ".", *args])
    return status, capsys.readouterr().err.splitlines()


def edit_paragraph_4(project: Path, change: Callable[[Sentences], object]) -> None:
    path = project / STATEMENT_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["paragraphs"][3]["commitments"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def follow(project: Path, lines: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Do what the problem lines say: give the numbers asked for, run the commands printed."""
    asked = [re.search(r"sentence (\d+): .*give it 'number: (\w+)'$", line) for line in lines]
    numbered = {int(match[1]) - 1: match[2] for match in asked if match}
    if numbered:
        edit_paragraph_4(project, lambda s: [s[i].update(number=n) for i, n in numbered.items()])
    for line in lines:
        if "python build_site.py " in line:
            command = shlex.split(line.split("python build_site.py ", 1)[1])
            assert run(project, capsys, *command, "--date", "2026-12-02")[0] == 0


@pytest.mark.parametrize("name", CASES)
def test_the_editor_is_led_to_anchors_that_keep_their_words(
    name: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    published, _ = recordfile.load(project / RECORD_FILE)
    assert published is not None
    edit_paragraph_4(project, case.change)
    status, lines = run(project, capsys, "check")
    located = [line.split(":", 3) for line in lines[:-1]]
    assert [f"{col}:{message}" for _path, _line, col, message in located] == [f"1: {m}" for m in case.first]
    for _ in range(3):  # numbers, then retirements, then nothing
        if status == 0:
            break
        follow(project, lines[:-1], capsys)
        status, lines = run(project, capsys, "check")
    assert (status, lines) == (0, [])
    assert run(project, capsys, "render")[0] == 0
    record, _ = recordfile.load(project / RECORD_FILE)
    assert record is not None
    assert [
        a.removeprefix("para_4__cmt_") for a in record.texts if a.startswith("para_4__") and not record.retirement(a)
    ] == case.numbers
    assert {r.anchor: r.successor for r in record.retired} == case.retired
    for anchor, text in published.texts.items():
        assert record.texts[anchor] == text, f"{anchor} names other words"


def test_a_removal_prints_the_exact_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_paragraph_4(project, lambda s: s.pop(1))
    edit_paragraph_4(project, lambda s: s[1].update(number=3))
    assert run(project, capsys, "check")[1][0].split(":", 3)[3] == " " + retire(
        "para_4__cmt_2", "para_4__cmt_3", "not in the official text"
    )


def test_a_split_prints_the_exact_command(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_paragraph_4(project, lambda s: split(s, 1))
    edit_paragraph_4(project, lambda s: s[1].update(number="2A"))
    edit_paragraph_4(project, lambda s: s[2].update(number="2B"))
    assert run(project, capsys, "check")[1][0].split(":", 3)[3] == " " + retire(
        "para_4__cmt_2", "para_4__cmt_2A", "split into sentences 2A and 2B, as in the official text"
    )


def test_words_corrected_in_place_beside_an_insertion_keep_their_number(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def fix_and_insert(s: Sentences) -> None:
        s[0]["text"] = s[0]["text"].replace("tragic", "tragic,")
        s.insert(1, sentence(NEW))

    edit_paragraph_4(project, fix_and_insert)
    edit_paragraph_4(project, lambda s: s[1].update(number="1A"))
    status, lines = run(project, capsys, "check")
    assert status == 1
    assert [line.split(":", 3)[3].split(";")[0] for line in lines[:-1]] == [
        " para_4__cmt_1: the words differ from the published text recorded in " + RECORD_FILE
    ]


def test_a_stated_number_must_come_after_the_one_before(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_paragraph_4(project, lambda s: s[1].update(number="1"))
    status, lines = run(project, capsys, "check")
    assert status == 1
    assert lines[0].split(":", 3)[3] == (
        " paragraph 4, sentence 2: 'number' must come after 1, the number of the sentence before, got 1 "
        "(numbers go A1, B1, 1, 1A, 1AA, 1B, 2, ...)"
    )


@pytest.mark.parametrize(
    ("before", "after", "used", "expected"),
    [
        (None, "1", set(), "A1"),
        ("A1", "1", {"A1"}, "B1"),
        ("1", "2", set(), "1A"),
        ("1A", "2", {"1A"}, "1B"),
        ("1A", "1B", {"1A", "1B"}, "1AA"),
        ("1", "3", {"2"}, "1A"),
        ("3", None, {"1", "2", "3", "4"}, "5"),
        (None, "A1", set(), None),
    ],
)
def test_inserted_numbers(before: str | None, after: str | None, used: set[str], expected: str | None) -> None:
    assert inserted(before, after, used) == expected


def test_numbers_sort_and_follow_as_documented() -> None:
    assert sorted(["2", "1B", "1", "B1", "1AA", "A1", "1A"], key=order) == ["A1", "B1", "1", "1A", "1AA", "1B", "2"]
    assert [following(n) for n in (None, "A1", "1", "1A", "9")] == ["1", "1", "2", "2", "10"]
    assert numbers([None, "1A", None, "4", None]) == ["1", "1A", "2", "4", "5"]


def current(texts: list[str]) -> list[Numbered]:
    """Sentences as a file without stated numbers has them."""
    return [Numbered(number, text) for number, text in zip(numbers([None] * len(texts)), texts, strict=True)]


def test_a_retired_number_is_never_given_again() -> None:
    published = [Numbered("1", "One."), Numbered("3", "Three.")]
    revision = revise(published, {"1", "2", "3"}, current(["One.", "New.", "Three.", "Newer."]))
    assert revision.numbers == ["1", "1A", "3", "4"]
    assert revision.retiring == []


def test_different_words_in_place_of_a_sentence_retire_it() -> None:
    published = [Numbered("1", "One two three four."), Numbered("2", "Five six seven eight.")]
    revision = revise(published, {"1", "2"}, current(["Nothing alike here at all.", "Five six seven eight."]))
    assert revision.numbers == ["1A", "2"]
    assert revision.retiring == [Retiring("1", "1A", "not in the official text")]


def test_an_erratum_cannot_point_a_published_anchor_at_moved_words(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / RECORD_FILE).read_bytes()
    edit_paragraph_4(project, lambda s: s.insert(0, sentence(NEW)))
    assert run(project, capsys, "erratum", STATEMENT_ID, "para_4__cmt_1", "--reason", "Inserted.") == (
        1,
        [
            f"{STATEMENT_FILE}:1:1: the published words of para_4__cmt_1 were not corrected where they stand, but "
            "moved, split, joined or replaced: an erratum would point the anchor at other words; run check, which "
            "says what keeps it",
            "1 problem in 1 file",
        ],
    )
    assert (project / RECORD_FILE).read_bytes() == before
