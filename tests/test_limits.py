"""Inputs that would exhaust the machine: files that are not files, files too large, too many problems.

Each limit of :mod:`edition.limits` is refused with one line, and quickly
(CONTRIBUTING.md, "Limits").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import build_site
from edition.limits import MAX_ID_LENGTH, MAX_RECORD_BYTES, MAX_STATEMENT_BYTES
from tests.conftest import STATEMENT_ID

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
