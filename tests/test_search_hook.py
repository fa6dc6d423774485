"""The search index's plugin (``edition/build/searchindex.py``) and ``serve``'s indexing after the reload."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from edition.build import searchindex
from edition.build.watch import _Later
from tests.conftest import STATEMENT_ID, run_build_site
from tests.html import attribute, parse


def test_pages_kept_out_of_search_are_found_from_their_front_matter(tmp_path: Path) -> None:
    pages = {
        "statement.md": "---\ntitle: A statement\ndescription: It says: exclude nothing.\n---\n\n# Text\n",
        "list.md": "---\ntitle: Sentences\nsearch:\n  exclude: true\n---\n\n" + "| row |\n" * 1000,
        "plain.md": "# No front matter\n\nsearch:\n  exclude: true\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert [searchindex.searchable(tmp_path / name) for name in pages] == [True, False, True]


def test_pagefind_reads_whole_folders_but_those_that_hold_a_page_kept_out() -> None:
    pages = {
        "index.html": True,
        "about/index.html": True,
        "statements/index.html": True,
        "statements/a/index.html": True,
        "topics/index.html": True,
        "topics/terrorism/index.html": False,
        "commitments/index.html": False,
    }
    assert searchindex.glob(pages) == "{about/**/*.html,index.html,statements/**/*.html,topics/index.html}"


def test_indexing_later_runs_the_last_job_asked_for_one_at_a_time() -> None:
    later = _Later()
    started, release, done = threading.Event(), threading.Event(), threading.Event()
    ran: list[str] = []

    def first() -> None:
        started.set()
        release.wait(10)
        ran.append("first")

    def third() -> None:
        ran.append("third")
        done.set()

    later.ask(first)
    assert started.wait(10)
    later.ask(lambda: ran.append("second"))  # given way to by the third, asked before the first ends
    later.ask(third)
    release.set()
    assert done.wait(10)
    assert ran == ["first", "third"]


SITE_PAGES = {"index.html": True, "statements/a/index.html": True, "sentences/index.html": False}
"""The pages of :func:`small_site`, by path: whether search indexes them (two of three)."""


@pytest.fixture
def small_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built site of three small pages, ``site`` under the current directory (``tmp_path``)."""
    monkeypatch.chdir(tmp_path)
    for path in SITE_PAGES:
        page = tmp_path / "site" / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body><main data-pagefind-body><p>{path}</p></main></body></html>", encoding="utf-8")
    return tmp_path / "site"


def fake_pagefind(folder: Path, monkeypatch: pytest.MonkeyPatch, program: str) -> None:
    """Put a fake ``pagefind`` package in ``folder``, whose ``python -m pagefind`` runs ``program`` (Python code,
    run in the current folder with Pagefind's arguments), first on the ``PYTHONPATH`` of every process started."""
    package = folder / "pagefind"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(textwrap.dedent(program), encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]))


def running(pid: int) -> bool:
    """Whether the process ``pid`` still runs (Linux: a zombie, ended but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def gone(pids: list[int]) -> bool:
    """Whether none of ``pids`` runs, waiting up to 10 s for the signals already sent to kill them."""
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)
    return not any(running(pid) for pid in pids)


HANGING = """
    import os, subprocess, sys, time
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open("pids.tmp", "w", encoding="ascii") as pids:
        pids.write(f"{os.getpid()} {child.pid}")
    os.rename("pids.tmp", "pids")
    time.sleep(600)
"""
"""A Pagefind that never ends, nor does the process it starts; it writes both ids in ``pids``, whole or not at all."""
SLEEPING = """
    import os, time
    with open("pids.tmp", "w", encoding="ascii") as pids:
        pids.write(str(os.getpid()))
    os.rename("pids.tmp", "pids")
    time.sleep(600)
"""
"""A Pagefind that never ends, as one process, as the real one is (its Python package runs its binary in its place);
it writes its id in ``pids``, whole or not at all."""


def test_a_pagefind_that_hangs_is_stopped_with_its_children_and_fails_in_one_line(
    small_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pagefind(tmp_path / "fake", monkeypatch, HANGING)
    monkeypatch.setattr(searchindex, "PAGEFIND_BASE_SECONDS", 0.5)
    monkeypatch.setattr(searchindex, "PAGEFIND_SECONDS_PER_PAGE", 0.25)  # two pages searched: 1 s in all
    with pytest.raises(PluginError) as failure:
        searchindex.index(small_site, SITE_PAGES)
    assert str(failure.value) == "Pagefind did not finish in 1 s over 2 pages and was stopped"
    pids = (tmp_path / "pids").read_text(encoding="utf-8")  # missing: the fake did not start within 1 s
    assert gone([int(pid) for pid in pids.split()])


@pytest.mark.parametrize(
    ("files", "line"),
    [
        ({}, "Pagefind ended without a search index: site/pagefind/pagefind.js is missing"),
        ({"pagefind.js": ""}, "Pagefind ended without a search index: site/pagefind/pagefind-entry.json is missing"),
        (
            {"pagefind.js": "", "pagefind-entry.json": '{"version": "1.5.2", "languages": {}}'},
            "Pagefind ended without a search index: site/pagefind/pagefind-entry.json counts no page indexed",
        ),
        (
            {"pagefind.js": "", "pagefind-entry.json": '{"languages": {"en": {"page_count": 0}}}'},
            "Pagefind ended without a search index: site/pagefind/pagefind-entry.json counts no page indexed",
        ),
        (
            {"pagefind.js": "", "pagefind-entry.json": "{"},
            "Pagefind ended without a search index: site/pagefind/pagefind-entry.json cannot be read: "
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
    ],
    ids=["nothing", "no-entry", "no-language", "no-page", "broken-entry"],
)
def test_a_pagefind_that_ends_well_without_an_index_fails_in_one_line(
    small_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], line: str
) -> None:
    fake_pagefind(
        tmp_path / "fake",
        monkeypatch,
        f"""
        import pathlib
        for name, text in {files!r}.items():
            path = pathlib.Path("site", "pagefind", name)
            path.parent.mkdir(exist_ok=True)
            path.write_text(text)
        """,
    )
    with pytest.raises(PluginError) as failure:
        searchindex.index(small_site, SITE_PAGES)
    assert str(failure.value) == line


def test_what_a_failing_pagefind_says_is_one_line(
    small_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pagefind(
        tmp_path / "fake",
        monkeypatch,
        """
        import sys
        print("Error: the site could not be read", file=sys.stderr)
        print("  caused by: a folder in the way", file=sys.stderr)
        sys.exit(3)
        """,
    )
    with pytest.raises(PluginError) as failure:
        searchindex.index(small_site, SITE_PAGES)
    assert str(failure.value) == (
        "Pagefind could not index site (exit status 3): "
        "Error: the site could not be read; caused by: a folder in the way"
    )


def test_pagefind_dies_with_the_process_that_runs_it(
    small_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An interrupted build kills MkDocs' process group at once: the Pagefind it runs, in a group of its own, dies too.
    fake_pagefind(tmp_path / "fake", monkeypatch, SLEEPING)
    indexing = "import pathlib, sys; from edition.build import searchindex; searchindex.index(pathlib.Path('site'), {})"
    with subprocess.Popen([sys.executable, "-c", indexing], start_new_session=True) as builder:
        deadline = time.monotonic() + 60
        while not (tmp_path / "pids").exists():
            assert builder.poll() is None and time.monotonic() < deadline, "the fake Pagefind never started"
            time.sleep(0.01)
        os.killpg(builder.pid, signal.SIGKILL)
    assert gone([int(pid) for pid in (tmp_path / "pids").read_text(encoding="utf-8").split()])


@pytest.mark.build
def test_build_without_a_search_index_exits_2_with_one_error_line(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_pagefind(tmp_path / "fake", monkeypatch, "")  # ends at once, with 0, having written nothing
    result = run_build_site(project, "build")
    errors = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
    assert (result.returncode, errors) == (
        2,
        ["ERROR   -  Pagefind ended without a search index: site/pagefind/pagefind.js is missing"],
    )


SEARCH_WEIGHTS = {
    f"statements/{STATEMENT_ID}/index.html": (None, None),
    "index.html": ("0.2", None),
    "about/index.html": ("0.2", None),
    "statements/index.html": ("0.2", None),
    "topics/index.html": ("0.2", None),
    "format/index.html": ("0.05", "audience:developers"),
    "data/index.html": ("0.05", "audience:developers"),
    "performance/index.html": ("0.05", "audience:developers"),
}
"""Every page search indexes: the weight of its words (None: a statement's, Pagefind's own), its metadata."""


@pytest.mark.build
def test_a_statement_weighs_most_in_search_and_the_pages_for_developers_least(built_site: Path) -> None:
    indexed = {
        str(path.relative_to(built_site)): parse(path).select_one("[data-pagefind-body]")
        for path in sorted(built_site.rglob("*.html"))
    }
    bodies = {path: body for path, body in indexed.items() if body is not None}
    assert {
        path: (body.get("data-pagefind-weight"), body.get("data-pagefind-meta")) for path, body in bodies.items()
    } == SEARCH_WEIGHTS
    statement = bodies[f"statements/{STATEMENT_ID}/index.html"]
    editorial = statement.select("h2.stmt-para-heading, h2#documents, ul.stmt-documents")
    assert len(editorial) == 6
    assert {attribute(part, "data-pagefind-weight") for part in editorial} == {"0.5"}
