"""The command line of CONTRIBUTING.md ("The command line"), run as users run it.

What a render writes when it runs again (files changed, removed, edited by hand, a broken
cache) is about the render, not the process: those tests run ``build_site.py`` in-process.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from edition.build.commands import render
from edition.build.project import Project
from edition.vocabulary import TOPICS
from tests.conftest import ROOT, STATEMENT_ID, run_build_site, run_build_site_here

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def break_statement(project: Path) -> None:
    """Introduce one known problem into the statement file."""
    path = project / STATEMENT_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("kind: condemn", "kind: condemns"), encoding="utf-8")


def line_of(text: str) -> int:
    """The line of the statement file in the repository that holds ``text``."""
    lines = (ROOT / STATEMENT_FILE).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


BROKEN_LINE = (
    f"{STATEMENT_FILE}:{line_of('kind: condemn')}:15: paragraph 3, sentence 1: 'kind' must be a sentence kind, "
    "got 'condemns'; did you mean 'condemn'?"
)


def test_check_valid(project: Path) -> None:
    result = run_build_site(project, "check")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "check: valid: 1 statement(s), 4 paragraphs, 13 sentences\n",
        "",
    )
    assert not (project / "docs" / "statements").exists()


def test_check_invalid_prints_the_problem_and_no_traceback(project: Path) -> None:
    break_statement(project)
    result = run_build_site(project, "check")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [BROKEN_LINE, "1 problem in 1 file"]


def test_render_writes_the_generated_pages(project: Path) -> None:
    hand_written = snapshot(project / "docs")
    result = run_build_site(project, "render")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "render: 1 statement(s), 4 paragraphs, 13 sentences; 29 file(s) written, 0 removed\n"
    after = snapshot(project / "docs")
    assert sorted(set(after) - set(hand_written)) == sorted(
        [
            "commitments/index.md",
            "data/edition-rules.js",
            "data/index.md",
            "data/statement-data.schema.json",
            "format/index.md",
            "format/statement.schema.json",
            f"statements/{STATEMENT_ID}/cite.bib",
            f"statements/{STATEMENT_ID}/cite.json",
            f"statements/{STATEMENT_ID}/cite.ris",
            f"statements/{STATEMENT_ID}/data.akn.xml",
            f"statements/{STATEMENT_ID}/data.json",
            f"statements/{STATEMENT_ID}/index.md",
            "statements/index.json",
            "statements/index.md",
            "timeline/index.md",
            "topics/index.md",
            *[f"topics/{topic.id}/index.md" for topic in TOPICS],
        ]
    )
    assert {name: after[name] for name in hand_written} == hand_written


def test_failed_render_leaves_docs_exactly_as_they_were(rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = rendered
    before = snapshot(project / "docs")
    break_statement(project)
    result = run_build_site_here(project, capsys, "render")
    assert (result.returncode, result.stdout, result.stderr.splitlines()[0]) == (1, "", BROKEN_LINE)
    assert snapshot(project / "docs") == before


def test_render_removes_pages_of_a_removed_statement_and_keeps_hand_written_pages(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = project / "statements" / "2001-12-08-second-statement.yaml"
    text = (project / STATEMENT_FILE).read_text(encoding="utf-8").replace("date: 2001-12-07", "date: 2001-12-08")
    second.write_text(text, encoding="utf-8")
    render(Project(project))
    assert (project / "docs" / "statements" / second.stem / "index.md").exists()
    hand_written = {name: digest for name, digest in snapshot(project / "docs").items() if "/" not in name}
    second.unlink()  # withdrawing a statement: its file and its record of published anchors
    (project / "statements" / "anchors" / f"{second.stem}.json").unlink()
    assert run_build_site_here(project, capsys, "render").returncode == 0
    assert not (project / "docs" / "statements" / second.stem).exists()
    assert (project / "docs" / "statements" / STATEMENT_ID / "index.md").exists()
    after = snapshot(project / "docs")
    assert {name: after[name] for name in hand_written} == hand_written
    assert [path.name for path in (project / "docs").iterdir() if path.name.startswith(".")] == []


@pytest.mark.build
def test_build_makes_the_site(project: Path) -> None:
    result = run_build_site(project, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "statements" / STATEMENT_ID / "index.html").is_file()


def test_build_exits_1_on_invalid_input_without_building(project: Path) -> None:
    break_statement(project)
    result = run_build_site(project, "build")
    assert (result.returncode, result.stderr.splitlines()[0]) == (1, BROKEN_LINE)
    assert not (project / "site").exists()


@pytest.mark.build
def test_build_exits_2_when_the_site_build_fails(project: Path) -> None:
    (project / "docs" / "about.md").write_text("# About\n\n[broken](missing.md)\n", encoding="utf-8")
    result = run_build_site(project, "build")
    assert result.returncode == 2
    assert "missing.md" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("verb", ["check", "render", "build", "serve"])
def test_every_verb_has_help(verb: str, project: Path) -> None:
    result = run_build_site(project, verb, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: build_site.py {verb} [-h]")


def test_unknown_verb_is_a_usage_error(project: Path) -> None:
    result = run_build_site(project, "publish")
    assert result.returncode == 2
    assert "invalid choice: 'publish'" in result.stderr


def test_missing_statements_folder_is_reported(tmp_path: Path) -> None:
    result = run_build_site(tmp_path, "check")
    assert (result.returncode, result.stderr) == (
        1,
        "statements:1:1: no statement files (*.yaml) in this folder\n1 problem in 1 file\n",
    )


def stamps(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder`` with its modification time and a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_render_with_nothing_changed_writes_no_file(rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = rendered
    before = stamps(project / "docs") | stamps(project / "statements")
    result = run_build_site_here(project, capsys, "render")
    assert result.stdout == "render: 1 statement(s), 4 paragraphs, 13 sentences; 0 file(s) written, 0 removed\n"
    assert stamps(project / "docs") | stamps(project / "statements") == before


def test_changing_one_statement_rewrites_only_its_files_and_the_lists(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = project / "statements" / "2001-12-08-second-statement.yaml"
    text = (project / STATEMENT_FILE).read_text(encoding="utf-8").replace("date: 2001-12-07", "date: 2001-12-08")
    second.write_text(text, encoding="utf-8")
    render(Project(project))
    before = stamps(project / "docs")
    second.write_text(text.replace("heading: Terrorism", "heading: Terrorism and its victims"), encoding="utf-8")
    assert run_build_site_here(project, capsys, "render").returncode == 0
    after = stamps(project / "docs")
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == [f"statements/{second.stem}/{name}" for name in ("data.akn.xml", "data.json", "index.md")]


def test_a_generated_file_changed_by_hand_is_restored(rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = rendered
    page = project / "docs" / "statements" / STATEMENT_ID / "index.md"
    original = page.read_bytes()
    page.write_text("edited by hand\n", encoding="utf-8")
    result = run_build_site_here(project, capsys, "render")
    assert result.stdout.endswith("; 1 file(s) written, 0 removed\n")
    assert page.read_bytes() == original


def test_an_unreadable_cache_is_rebuilt(rendered: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = rendered
    for path in (project / ".cache" / "edition").iterdir():
        path.write_bytes(b"\x00 not a cache")
    result = run_build_site_here(project, capsys, "render")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith("; 0 file(s) written, 0 removed\n")


def test_output_that_cannot_be_written_is_reported_by_python_without_a_traceback(project: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:  # every write fails: the disk is full
        result = subprocess.run(
            [sys.executable, str(ROOT / "build_site.py"), "check"],
            cwd=project,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            check=False,
        )
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("OSError: [Errno 28] No space left on device\n")
    assert result.returncode == 120
