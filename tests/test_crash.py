"""A render killed at any moment, two commands at once, a lock left by a dead process.

CONTRIBUTING.md, "The command line": a killed render leaves nothing that the next
one reads as valid, and the next one gives exactly the output of a clean render;
a second command that writes in the same folder stops with one line; a worker
never outlives its render. The delays of the kills are random but seeded: the
seed is printed, and ``EDITION_CRASH_SEED`` replays a failure.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edition.build import lock, parallel
from edition.build.commands import render
from edition.build.project import Project
from tests.conftest import ROOT, STATEMENT_ID, copy_project, run_build_site, run_build_site_here
from tests.test_cli import snapshot
from tests.test_scale import add_statements

TRIALS = 24
"""Kills of a render: half cold (no generated page, no anchor record yet), half warm (one statement changed)."""
STATEMENTS = 12
"""Statements in the tree of the kill trials."""
BUSY = "build_site.py: another render (PID {pid}) is running in this folder; try again when it ends\n"  # the one line


def output(project: Path) -> dict[str, str]:
    """What a render makes: the generated pages and the anchor records, with digests of their bytes."""
    return {
        **{f"docs/{name}": digest for name, digest in snapshot(project / "docs").items()},
        **{f"statements/{name}": digest for name, digest in snapshot(project / "statements").items()},
    }


def strays(project: Path) -> list[str]:
    """Temporary files, staging folders and lock files anywhere in the project."""
    found = [path for path in project.rglob(".*.tmp")]
    found += list(project.rglob("staging-*")) + list((project / ".cache").rglob("lock"))
    return sorted(str(path.relative_to(project)) for path in found)


def change_one(project: Path) -> None:
    statement = project / "statements" / f"{STATEMENT_ID}.yaml"
    text = statement.read_text(encoding="utf-8")
    statement.write_text(text.replace("heading: A new", "heading: Our new"), encoding="utf-8")


def start_render(project: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build_site.py"), "render"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


FEW = 4
"""Statements in the tree of the fast tests: enough that a render holds the lock for a good part of a second."""


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A tree of :data:`FEW` statements never rendered, and the output of a clean render of it (made in-process:
    the bytes are the same, and the tests run ``build_site.py`` themselves where the process is the point)."""
    base = tmp_path_factory.mktemp("few")
    tree = copy_project(base / "tree")
    add_statements(tree, FEW - 1)
    clean = base / "clean"
    shutil.copytree(tree, clean)
    render(Project(clean))
    return tree, output(clean)


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, str], float]]:
    """For each kind of trial, the tree before its render, the output of a clean render, and that render's time."""
    base = tmp_path_factory.mktemp("crash")
    cold = copy_project(base / "cold")
    add_statements(cold, STATEMENTS - 1)
    warm = base / "warm"
    shutil.copytree(cold, warm)
    assert run_build_site(warm, "render").returncode == 0
    change_one(warm)
    made = {}
    for name, tree in (("cold", cold), ("warm", warm)):
        clean = base / f"{name}-clean"
        shutil.copytree(tree, clean)
        started = time.monotonic()
        result = run_build_site(clean, "render")
        made[name] = (tree, output(clean), time.monotonic() - started)
        assert result.returncode == 0, result.stderr
    return made


@pytest.mark.build  # a minute or more of renders: out of the fast lane
def test_a_render_killed_at_any_moment_is_made_whole_by_the_next(
    trees: dict[str, tuple[Path, dict[str, str], float]], tmp_path: Path
) -> None:
    seed = int(os.environ.get("EDITION_CRASH_SEED", random.randrange(2**32)))
    print(f"EDITION_CRASH_SEED={seed}")
    chosen = random.Random(seed)
    killed_before_the_end = 0
    for trial in range(TRIALS):
        kind = ("cold", "warm")[trial % 2]
        tree, expected, duration = trees[kind]
        project = tmp_path / f"{trial}-{kind}"
        shutil.copytree(tree, project)
        delay = chosen.uniform(0, duration)
        process = start_render(project)
        time.sleep(delay)
        process.kill()
        process.communicate()
        killed_before_the_end += process.returncode == -signal.SIGKILL
        result = run_build_site(project, "render")
        where = f"trial {trial} ({kind}, killed after {delay:.3f} s; EDITION_CRASH_SEED={seed})"
        assert (result.returncode, result.stderr) == (0, ""), where
        assert output(project) == expected, where
        assert strays(project) == [], where
    assert killed_before_the_end >= TRIALS // 2, "most kills must land while the render runs"


def test_what_a_killed_render_leaves_is_removed_and_never_read(
    few: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree, expected = few
    project = tmp_path / "project"
    shutil.copytree(tree, project)
    (project / ".cache" / "edition" / "staging-12345" / "x").mkdir(parents=True)
    (project / ".cache" / "edition" / "render-state.json").write_text('{"files": {"statem', encoding="utf-8")
    record = project / "statements" / "anchors" / f".{STATEMENT_ID}.json.k2j4h5.tmp"
    record.write_text('{"statement": "trunc', encoding="utf-8")
    (project / "docs" / "statements" / STATEMENT_ID).mkdir(parents=True)
    (project / "docs" / "statements" / STATEMENT_ID / ".index.md.tmp").write_text("half a page", encoding="utf-8")
    result = run_build_site_here(project, capsys, "render")
    assert (result.returncode, result.stderr) == (0, "")
    assert output(project) == expected
    assert strays(project) == []


def test_two_renders_at_once_never_mix(few: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """A render started while another holds the folder stops at once, and the first one's output is whole.

    The first render is paused (``SIGSTOP``) as soon as the lock names it, so the second one
    always comes while the first runs, however long the second takes to start."""
    tree, expected = few
    project = tmp_path / "project"
    shutil.copytree(tree, project)
    first = start_render(project)
    deadline = time.monotonic() + 60
    while not holds_the_lock(project, first.pid):  # the first render holds the folder from here to its end
        assert first.poll() is None and time.monotonic() < deadline, "the first render never took the lock"
        time.sleep(0.005)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        assert first.poll() is None, "the first render must be paused while it holds the lock"
        second = start_render(project)
        assert (second.wait(), *second.communicate()) == (1, "", BUSY.format(pid=first.pid))
    finally:
        os.kill(first.pid, signal.SIGCONT)
    status, _, stderr = first.wait(), *first.communicate()
    assert (status, stderr) == (0, "")
    assert output(project) == expected
    assert strays(project) == []


def holds_the_lock(project: Path, pid: int) -> bool:
    """Whether the lock file of ``project`` names ``pid`` (its holder writes its PID just after taking it)."""
    try:
        return lock.path_of(project).read_text(encoding="ascii").strip() == str(pid)
    except OSError:
        return False


def test_a_command_that_writes_stops_at_once_while_another_holds_the_lock(project: Path) -> None:
    with lock.held(project):
        for verb in (["render"], ["build"], ["erratum", STATEMENT_ID, "para_1__cmt_1", "--reason", "A typo."]):
            result = run_build_site(project, *verb)
            assert (result.returncode, result.stdout, result.stderr) == (1, "", BUSY.format(pid=os.getpid()))
        check = run_build_site(project, "check")  # writes nothing, takes no lock
        assert check.returncode == 0, check.stderr
    assert not lock.path_of(project).exists()


def test_a_lock_left_by_a_dead_process_is_taken_over(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock.path_of(project).parent.mkdir(parents=True)
    lock.path_of(project).write_text(f"{dead.pid}\n", encoding="ascii")
    result = run_build_site_here(project, capsys, "render")
    assert (result.returncode, result.stderr) == (0, "")
    assert not lock.path_of(project).exists()


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.build  # a render of a hundred statements: out of the fast lane
@pytest.mark.skipif(
    sys.platform != "linux" or (os.cpu_count() or 1) < 2, reason="workers die with their parent on Linux"
)
def test_killing_a_render_kills_its_workers_and_frees_its_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "many")
    add_statements(project, parallel.THRESHOLD + 36)
    process = start_render(project)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = children_of(process.pid)
        time.sleep(0.01)
    assert workers, "the render must have started its workers"
    process.kill()
    stdout, _ = process.communicate(timeout=10)  # no worker holds the output open
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if alive(pid)] == []
    assert stdout == ""
