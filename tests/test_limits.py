"""Inputs that would exhaust the machine: files that are not files, files too large, too many problems.

Each limit of :mod:`edition.limits` is refused with one line, and quickly
(CONTRIBUTING.md, "Limits").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import build_site
from edition import limits
from edition.limits import MAX_ID_LENGTH, MAX_PROBLEMS_PER_FILE, MAX_RECORD_BYTES, MAX_STATEMENT_BYTES
from edition.site.formatdoc import format_page
from edition.statements import shapes
from edition.statements.shapes import close_match
from tests.conftest import ROOT, STATEMENT_ID

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"
RECORD_FILE = f"statements/anchors/{STATEMENT_ID}.json"


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``build_site.py ARGS`` run in ``project``, the current directory: its exit status and standard error."""
    status = build_site.main(["--root", ".", *args])
    captured = capsys.readouterr()
    return status, captured.err


def one_problem(line: str) -> str:
    """The standard error of a run that found one problem, ``line``."""
    return f"{line}\n1 problem in 1 file\n"


@pytest.fixture
def project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project, the current directory while the test runs."""
    monkeypatch.chdir(project)
    return project


def test_a_named_pipe_is_refused_without_waiting(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(project / "statements" / "2001-12-08-pipe.yaml")
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            "statements/2001-12-08-pipe.yaml:1:1: this is a named pipe; a statement file must be a regular file"
        ),
    )


def test_a_folder_named_like_a_statement_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "statements" / "2001-12-08-folder.yaml").mkdir()
    assert run(project, capsys, "check") == (
        1,
        one_problem("statements/2001-12-08-folder.yaml:1:1: this is a folder; a statement file must be a regular file"),
    )


def test_a_link_out_of_the_project_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "statements" / "2001-12-08-zero.yaml").symlink_to("/dev/zero")
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            "statements/2001-12-08-zero.yaml:1:1: a symbolic link to /dev/zero, outside the project folder; "
            "copy the file in"
        ),
    )


def test_a_link_through_a_link_out_of_the_project_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "zero").symlink_to("/dev/zero")
    (project / "statements" / "2001-12-08-zero.yaml").symlink_to("../zero")
    # The link leads, through another, out of the project: refused before anything is opened.
    status, err = run(project, capsys, "check")
    assert (status, err) == (
        1,
        one_problem(
            "statements/2001-12-08-zero.yaml:1:1: a symbolic link to /dev/zero, outside the project folder; "
            "copy the file in"
        ),
    )


def test_a_link_to_a_statement_inside_the_project_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "drafts").mkdir()
    (project / STATEMENT_FILE).rename(project / "drafts" / f"{STATEMENT_ID}.yaml")
    (project / STATEMENT_FILE).symlink_to(f"../drafts/{STATEMENT_ID}.yaml")
    assert run(project, capsys, "check") == (0, "")


def test_a_record_that_is_a_pipe_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / RECORD_FILE).unlink()
    os.mkfifo(project / RECORD_FILE)
    expected = one_problem(f"{RECORD_FILE}:1:1: this is a named pipe; an anchor record must be a regular file")
    assert run(project, capsys, "check") == (1, expected)
    assert run(project, capsys, "erratum", STATEMENT_ID, "para_1__cmt_1", "--reason", "A test.") == (1, expected)


def test_a_record_link_out_of_the_project_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / RECORD_FILE).unlink()
    (project / RECORD_FILE).symlink_to("/dev/zero")
    expected = one_problem(
        f"{RECORD_FILE}:1:1: a symbolic link to /dev/zero, outside the project folder; copy the file in"
    )
    assert run(project, capsys, "check") == (1, expected)
    assert run(project, capsys, "retire", STATEMENT_ID, "para_1__cmt_1", "--reason", "A test.") == (1, expected)


def test_erratum_reads_no_statement_out_of_the_project(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys, "erratum", "../../x", "para_1__cmt_1", "--reason", "A test.") == (
        1,
        one_problem(
            f"statements/../../x.yaml:1:1: a symbolic link to {project.parent / 'x.yaml'}, outside the project "
            "folder; copy the file in"
        ),
    )


@pytest.mark.parametrize("special", ["pipe", "/dev/zero", "folder"])
def test_import_refuses_what_is_not_a_file(special: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, kind = {
        "pipe": (project / "text.txt", "a named pipe"),
        "/dev/zero": (Path("/dev/zero"), "a character device"),
        "folder": (project / "text.txt", "a folder"),
    }[special]
    if special == "pipe":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    shown = "text.txt" if path.parent == project else os.path.relpath(path)
    assert run(project, capsys, "import", str(path)) == (
        1,
        one_problem(f"{shown}:1:1: this is {kind}; a text to import must be a regular file"),
    )


def test_a_statement_file_over_the_limit_is_not_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (project / STATEMENT_FILE).open("r+b") as file:
        file.truncate(MAX_STATEMENT_BYTES + 1)  # sparse: nothing is written to the disk
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            f"{STATEMENT_FILE}:1:1: the file has 10,000,001 bytes, more than a statement file may have "
            "(10,000,000 bytes)"
        ),
    )


def test_a_record_over_the_limit_is_not_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (project / RECORD_FILE).open("r+b") as file:
        file.truncate(MAX_RECORD_BYTES + 1)
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            f"{RECORD_FILE}:1:1: the file has 50,000,001 bytes, more than an anchor record may have (50,000,000 bytes)"
        ),
    )


def test_a_text_to_import_over_the_limit_is_not_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (project / "text.txt").open("wb") as file:
        file.truncate(MAX_STATEMENT_BYTES + 1)
    assert run(project, capsys, "import", "text.txt") == (
        1,
        one_problem(
            "text.txt:1:1: the file has 10,000,001 bytes, more than a text to import may have (10,000,000 bytes)"
        ),
    )


def test_an_id_over_the_limit_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_id = "2001-12-07-" + "-".join(["nato-russia"] * 20)  # 250 characters: a file name may have 255
    assert len(long_id) > MAX_ID_LENGTH
    (project / STATEMENT_FILE).rename(project / "statements" / f"{long_id}.yaml")
    (project / RECORD_FILE).unlink()
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            f"statements/{long_id}.yaml:1:1: the file name "
            "'2001-12-07-nato-russia-nato-russia-nato-russia-nato-russi...' "
            f"has {len(long_id)} characters before .yaml; a statement's id has at most 100, since it also names "
            "the statement's record and pages"
        ),
    )


def test_a_file_nested_a_hundred_thousand_deep_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The YAML reader's composer, which recurses in C, crashed on this file.
    (project / STATEMENT_FILE).write_text("title: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert run(project, capsys, "check") == (
        1,
        one_problem(
            f"{STATEMENT_FILE}:1:1007: lists and mappings nested more than 1,000 deep; a statement needs a dozen levels"
        ),
    )


def test_problems_of_a_file_are_listed_up_to_the_limit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / STATEMENT_FILE
    text = path.read_text(encoding="utf-8")
    start = text.count("\n") + 1
    path.write_text(text + "".join(f"note{index}: x\n" for index in range(2_000)), encoding="utf-8")
    known = "title, subtitle, document_type, date, place, issuer, source, first_published, documents, paragraphs"
    listed = [
        f"{STATEMENT_FILE}:{start + index}:1: unknown key 'note{index}' (one of: {known})"
        for index in range(MAX_PROBLEMS_PER_FILE)
    ]
    more = f"{STATEMENT_FILE}:1:1: and 1,950 more problems (the first 50 of a file are listed)"
    assert run(project, capsys, "check") == (1, "\n".join([*listed, more, "2,000 problems in 1 file"]) + "\n")


def test_a_file_of_many_problems_looks_for_likely_typos_only_in_the_listed_ones(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    searches: list[str] = []

    def counted(value: str, choices: list[str]) -> str | None:
        searches.append(value)
        return close_match(value, choices)

    monkeypatch.setattr(shapes, "close_match", counted)
    path = project / STATEMENT_FILE
    kinds = "".join(
        f"  - number: {n}\n    commitments:\n      - {{text: A., kind: k{n}, topics: [x]}}\n" for n in range(1, 1_001)
    )
    path.write_text(
        path.read_text(encoding="utf-8").split("paragraphs:")[0] + "paragraphs:\n" + kinds, encoding="utf-8"
    )
    status, err = run(project, capsys, "check")
    assert (status, err.splitlines()[-2:]) == (
        1,
        [
            f"{STATEMENT_FILE}:1:1: and 1,950 more problems (the first 50 of a file are listed)",
            "2,000 problems in 1 file",
        ],
    )
    assert len(searches) <= MAX_PROBLEMS_PER_FILE  # each of 2,000 unknown terms once took a search (of 10,000, seconds)


def test_the_documents_state_the_limits_of_the_code() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = contributing.split("## Limits", 1)[1].split("\n\n")[2]
    rows = [row.split(" | ")[1].removesuffix(" |") for row in table.splitlines()[2:]]
    assert rows == [
        f"{limits.MAX_STATEMENT_BYTES:,} bytes",
        f"{limits.MAX_RECORD_BYTES:,} bytes",
        f"{limits.MAX_TEXT_LENGTH:,} characters",
        f"{limits.MAX_ID_LENGTH:,} characters",
        f"{limits.MAX_DIGITS} digits",
        f"{limits.MAX_NESTING:,} deep",
        f"{limits.MAX_PROBLEMS_PER_FILE}, then one line counts the rest",
        f"{limits.MAX_CONFIG_BYTES:,} bytes",
        f"{limits.PAGEFIND_BASE_SECONDS} s, plus {limits.PAGEFIND_SECONDS_PER_PAGE} s a page it indexes",
    ]
    assert f"at most {limits.MAX_ID_LENGTH} characters" in " ".join(contributing.split())
    page = " ".join(format_page().split())
    for stated in (
        f"at most {limits.MAX_ID_LENGTH} characters long",
        f"at most {limits.MAX_STATEMENT_BYTES:,} bytes",
        f"nested at most {limits.MAX_NESTING:,} deep",
        f"at most {limits.MAX_TEXT_LENGTH:,} characters long",
        f"at most {limits.MAX_DIGITS} digits",
    ):
        assert stated in page
