"""Nothing outside the project is ever touched, and a folder that cannot be written stops a command first.

CONTRIBUTING.md, "Where commands write": every folder a command writes in or cleans is
a real folder inside the project, never a link; one that is not, and one that cannot
be written, stops the command with one line before anything changes. Each case runs
``build_site.py`` as a user does, in a copy of the project, and checks the exact line
and that nothing inside or outside the project changed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import build_site
from tests.conftest import ROOT, STATEMENT_ID, skip_or_fail
from tests.test_cli import snapshot
from tests.test_scale import add_statements

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``build_site.py ARGS`` in the current folder: its exit status and standard error (standard output is kept)."""
    status = build_site.main(list(args))
    captured = capsys.readouterr()
    sys.stdout.write(captured.out)
    return status, captured.err


@pytest.fixture
def project(rendered: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project as a render leaves it, the current directory while the test runs."""
    monkeypatch.chdir(rendered)
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPORT_URL", raising=False)
    return rendered


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project, with a file of somebody else's in it."""
    folder = tmp_path / "outside"
    (folder / "sub").mkdir(parents=True)
    (folder / "keep.txt").write_text("not the edition's\n", encoding="utf-8")
    (folder / "sub" / "keep.md").write_text("# not the edition's\n", encoding="utf-8")
    return folder


def state(project: Path, outside: Path | None = None) -> dict[str, str]:
    """Every file of the project (but the lock's folder) and of ``outside``, with digests of their bytes."""
    files = {f"project/{name}": digest for name, digest in snapshot(project).items()}
    if outside is not None:
        files.update({f"outside/{name}": digest for name, digest in snapshot(outside).items()})
    return files


# Links out of the project


def test_a_generated_folder_linked_out_of_the_project_is_refused(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(project / "docs" / "statements")
    (project / "docs" / "statements").symlink_to(outside)
    before = state(project, outside)
    assert run(capsys, "render") == (
        1,
        f"build_site.py: docs/statements is a symbolic link (to {outside}); the render writes and cleans there "
        "and never follows a link out of the project: replace it with a real folder\n",
    )
    assert state(project, outside) == before


def test_a_generated_folder_linked_to_the_official_texts_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "sources", project / "sources")
    shutil.rmtree(project / "docs" / "data")
    (project / "docs" / "data").symlink_to("../sources")
    before = state(project)
    status, err = run(capsys, "render")
    assert (status, err) == (
        1,
        "build_site.py: docs/data is a symbolic link (to ../sources); the render writes and cleans there "
        "and never follows a link out of the project: replace it with a real folder\n",
    )
    assert state(project) == before
    assert (project / "sources" / f"{STATEMENT_ID}.txt").is_file()


def test_a_link_inside_a_generated_folder_is_refused(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page_folder = project / "docs" / "statements" / STATEMENT_ID
    shutil.rmtree(page_folder)
    page_folder.symlink_to(outside)
    before = state(project, outside)
    assert run(capsys, "render") == (
        1,
        f"build_site.py: docs/statements/{STATEMENT_ID} is a symbolic link (to {outside}) in a folder that the "
        "render owns; the render writes and cleans there and never follows a link: delete it\n",
    )
    assert state(project, outside) == before


def test_a_lock_linked_to_a_file_out_of_the_project_is_refused(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".cache" / "edition" / "lock").symlink_to(outside / "keep.txt")
    before = state(project, outside)
    assert run(capsys, "render") == (
        1,
        "build_site.py: .cache/edition/lock is a symbolic link, not a lock file; remove it\n",
    )
    assert state(project, outside) == before


def test_records_linked_out_of_the_project_are_neither_written_nor_cleaned(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (outside / ".left.json.x.tmp").write_text("somebody's\n", encoding="utf-8")
    shutil.copytree(project / "statements" / "anchors", outside, dirs_exist_ok=True)
    shutil.rmtree(project / "statements" / "anchors")
    (project / "statements" / "anchors").symlink_to(outside)
    add_statements(project, 1)  # a new statement, whose record a render would write
    before = state(project, outside)
    expected = (
        f"build_site.py: statements/anchors is a symbolic link (to {outside}); {{doing}} there and never "
        "follows a link out of the project: replace it with a real folder\n"
    )
    assert run(capsys, "render") == (1, expected.format(doing="the render writes and cleans"))
    reason = "Reworded."
    assert run(capsys, "erratum", STATEMENT_ID, "para_1__cmt_1", "--reason", reason) == (
        1,
        expected.format(doing="the command writes the anchor record"),
    )
    assert state(project, outside) == before


def test_a_site_folder_linked_out_of_the_project_is_refused(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "site").symlink_to(outside)
    before = state(project, outside)
    assert run(capsys, "build") == (
        1,
        f"build_site.py: site is a symbolic link (to {outside}); the build empties and writes the site's folder "
        "there and never follows a link out of the project: replace it with a real folder\n",
    )
    assert run(capsys, "build", "--site-dir", str(outside)) == (
        1,
        f"build_site.py: {os.path.relpath(outside)} is outside the project folder; the build empties and writes "
        "the site's folder only inside it, so that nothing else is ever changed\n",
    )
    assert state(project, outside) == before


def test_import_writes_no_draft_through_a_link(
    project: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "drafts").symlink_to(outside)
    shutil.copytree(ROOT / "sources", project / "sources")
    before = state(project, outside)
    status, err = run(capsys, "import", f"sources/{STATEMENT_ID}.txt", "--output", "drafts/new.yaml")
    assert (status, err) == (
        1,
        f"build_site.py: drafts is a symbolic link (to {outside}); import writes the draft there and never "
        "follows a link out of the project: replace it with a real folder\n",
    )
    assert state(project, outside) == before


# Configuration and names


def test_a_broken_configuration_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "mkdocs.yml"
    config.write_text("site_name: Edition\nnav: [Home\nsite_url: x\n", encoding="utf-8")
    for verb in ("check", "render", "build"):
        assert run(capsys, verb) == (
            1,
            "mkdocs.yml:3:9: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)\n"
            "1 problem in 1 file\n",
        )
    config.unlink()
    config.mkdir()
    assert run(capsys, "check") == (
        1,
        "mkdocs.yml:1:1: this is a folder; the configuration must be a regular file\n1 problem in 1 file\n",
    )
    config.rmdir()
    os.mkfifo(config)
    assert run(capsys, "check") == (
        1,
        "mkdocs.yml:1:1: this is a named pipe; the configuration must be a regular file\n1 problem in 1 file\n",
    )


SITE_URL_LINE = "mkdocs.yml:7:11: site_url (from the environment variable SITE_URL)"
REPORT_URL_LINE = "mkdocs.yml:48:15: extra: report_url (from the environment variable REPORT_URL)"


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "SITE_URL",
            'http://x.org/"><img src=x onerror=alert(1)>/',
            f"{SITE_URL_LINE} must be an absolute http(s) URL, got 'http://x.org/\"><img src=x onerror=alert(1)>/'",
        ),
        (
            "SITE_URL",
            'http://x.org/"><img/src=x/onerror=alert(1)>/',
            f"{SITE_URL_LINE} may hold only letters, digits, '-._~:/@!$()*+,;=' and %-escapes, got "
            "'http://x.org/\"><img/src=x/onerror=alert(1)>/'",
        ),
        (
            "SITE_URL",
            "javascript://x.org/%0Aalert(1)",
            f"{SITE_URL_LINE} must be an absolute http(s) URL, got 'javascript://x.org/%0Aalert(1)'",
        ),
        (
            "SITE_URL",
            "",
            f"{SITE_URL_LINE} is empty; give the site's address, or unset the variable to serve on 127.0.0.1",
        ),
        (
            "SITE_URL",
            "https://example.org/edition/?page=1#top",
            f"{SITE_URL_LINE} must not hold a query or a fragment ('?' or '#'), "
            "got 'https://example.org/edition/?page=1#top'",
        ),
        (
            "REPORT_URL",
            "https://user:secret@example.org/issues/new",
            f"{REPORT_URL_LINE} must not hold a user name or password, got 'https://user:secret@example.org/issues/new'",
        ),
        (
            "REPORT_URL",
            "javascript:alert(1)",
            f"{REPORT_URL_LINE} must be an absolute http(s) URL, got 'javascript:alert(1)'",
        ),
    ],
)
def test_an_address_of_the_site_that_is_not_one_stops_every_command(
    variable: str,
    value: str,
    line: str,
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(variable, value)
    before = state(project)
    for verb in ("check", "render", "build"):
        assert run(capsys, verb) == (1, f"{line}\n1 problem in 1 file\n")
    assert state(project) == before


def test_a_good_address_of_the_site_is_taken(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://example.org/edition-2001_(v1)/")
    monkeypatch.setenv("REPORT_URL", "https://github.com/example/edition/issues/new")
    assert run(capsys, "render") == (0, "")
    page = (project / "docs" / "statements" / STATEMENT_ID / "index.md").read_text(encoding="utf-8")
    assert f"https://example.org/edition-2001_(v1)/statements/{STATEMENT_ID}/" in page


@pytest.mark.parametrize(
    ("name", "shown", "message"),
    [
        (
            os.fsdecode(b"2001-12-08-\xff.yaml"),
            "statements/2001-12-08-\\xff.yaml",
            "the file name holds a byte that is not UTF-8 or a control character; rename the file",
        ),
        (
            "2001-12-08-a\nstatements/x.yaml:1:1: forged.yaml",
            "statements/2001-12-08-a\\n",  # the rest of the name follows, escaped, on the same line
            "the file name holds a byte that is not UTF-8 or a control character; rename the file",
        ),
        ("2001-12-08-upper.YAML", "statements/2001-12-08-upper.YAML", "statement files end in .yaml: rename it "),
    ],
)
def test_a_statement_file_name_that_cannot_be_shown_or_is_misspelt_is_one_line(
    name: str, shown: str, message: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "statements" / name.replace("/", "\N{DIVISION SLASH}")
    shutil.copy(project / STATEMENT_FILE, path)
    status, err = run(capsys, "check")
    lines = err.splitlines()
    assert (status, len(lines)) == (1, 2)
    assert lines[0].startswith(shown) and message in lines[0]
    assert lines[1] == "1 problem in 1 file"


def test_lock_and_cache_that_are_not_what_they_should_be_are_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = project / ".cache" / "edition" / "lock"
    lock.mkdir()
    assert run(capsys, "render") == (1, "build_site.py: .cache/edition/lock is a folder, not a lock file; remove it\n")
    lock.rmdir()
    os.mkfifo(lock)
    assert run(capsys, "render") == (
        1,
        "build_site.py: .cache/edition/lock is a named pipe, not a lock file; remove it\n",
    )
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("", encoding="utf-8")
    assert run(capsys, "render") == (
        1,
        "build_site.py: .cache is not a folder; a command that writes keeps its lock there: move it away\n",
    )


def test_a_root_that_is_not_a_folder_is_one_line_and_nothing_is_made(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--root", "mkdocs.yml", "check") == (1, "build_site.py: --root mkdocs.yml: not a folder\n")
    assert run(capsys, "--root", "projcet", "render") == (1, "build_site.py: --root projcet: no such folder\n")
    assert not (project / "projcet").exists()


def test_serve_on_a_port_in_use_stops_before_rendering(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / "docs" / "statements")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert run(capsys, "serve", "--port", str(port)) == (
            1,
            f"build_site.py: cannot serve on 127.0.0.1:{port}: Address already in use; "
            "choose another port with --port\n",
        )
    assert not (project / "docs" / "statements").exists()


# The no-change shortcut


def test_a_render_with_nothing_to_do_still_removes_what_it_did_not_make(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = project / "docs" / "statements" / "stray" / "index.md"
    stray.parent.mkdir()
    stray.write_text("# Not from a statement\n", encoding="utf-8")
    assert run(capsys, "render") == (0, "")
    assert capsys.readouterr().out.endswith("; 0 file(s) written, 1 removed\n")
    assert not stray.parent.exists()


# Folders that cannot be written


def run_mounted(project: Path, mounts: list[str], *args: str, after: str = "") -> subprocess.CompletedProcess[str]:
    """``build_site.py ARGS`` in a private mount namespace (``unshare``) where the shell commands ``mounts``
    have run first, and ``after`` (whose output follows the command's) runs last, while the mounts still stand.

    A mount is what makes a folder read-only or a disk full for root too, whom file permissions would not stop.
    """
    trial = subprocess.run(["unshare", "--mount", "--map-root-user", "true"], capture_output=True, check=False)
    if shutil.which("unshare") is None or trial.returncode != 0:
        skip_or_fail("unshare cannot make a private mount namespace here", "read-only and full disk tests")
    script = " && ".join([*mounts, '"$0" "$@"']) + f"; status=$?; {after or 'true'}; exit $status"
    command = ["unshare", "--mount", "--map-root-user", "sh", "-c", script, sys.executable, str(ROOT / "build_site.py")]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*command, *args], cwd=project, capture_output=True, text=True, env=environment, check=False)


def read_only(folder: str) -> str:
    """The shell commands that make ``folder`` read-only."""
    return f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} {folder}"


@pytest.mark.parametrize(
    ("folder", "refused"),
    [("docs", "docs/commitments"), ("statements/anchors", "statements/anchors")],
    ids=["pages", "records"],
)
def test_a_read_only_folder_stops_the_render_before_any_write(folder: str, refused: str, project: Path) -> None:
    add_statements(project, 1)  # a new statement: new pages, and a new record
    before = state(project)
    result = run_mounted(project, [read_only(folder)], "render")
    assert (result.returncode, result.stderr) == (
        1,
        f"build_site.py: cannot write in {refused}: Read-only file system; nothing was changed\n",
    )
    assert state(project) == before


def test_a_read_only_site_folder_fails_the_build_in_one_line(project: Path) -> None:
    (project / "site").mkdir()
    before = state(project)
    result = run_mounted(project, [read_only("site")], "build")
    assert (result.returncode, result.stderr) == (
        1,
        "build_site.py: cannot write in site: Read-only file system; nothing was changed\n",
    )
    assert state(project) == before


def test_git_ignores_a_generated_folder_even_when_a_link_or_a_file_stands_in_its_place() -> None:
    """A link in a generated folder's place cannot be committed by mistake (the render refuses it)."""
    from edition.build.output import OWNED

    paths = [f"docs/{name}" for name in OWNED] + ["site"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--verbose", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    ignored = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert ignored == paths  # checked as files: a pattern with a trailing slash matches folders only


def test_a_disk_that_fills_while_writing_is_one_line_and_leaves_no_part_of_a_file(project: Path) -> None:
    shutil.rmtree(project / "docs" / "statements")
    (project / "docs" / "statements").mkdir()
    full = "mount -t tmpfs -o size=32k tmpfs docs/statements"  # room for the first pages, not for the statement's
    result = run_mounted(project, [full], "render", after="find docs/statements -name '.*'")
    assert (result.returncode, result.stderr, result.stdout) == (
        1,
        f"build_site.py: docs/statements/{STATEMENT_ID}/index.md: No space left on device\n",
        "",  # no temporary file left: find printed nothing
    )
