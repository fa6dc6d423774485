"""Shared fixtures: a copy of the project to work on, and the real site built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from edition.build.commands import render
from edition.build.output import OWNED
from edition.build.project import Project
from edition.statements.model import Statement
from edition.statements.validation import read_statement

ROOT = Path(__file__).resolve().parent.parent
"""The project's checkout."""
SOURCES = ROOT / "sources"
"""The official texts, byte for byte as published (``sources/README.md``)."""
STATEMENT_ID = "2001-12-07-nato-russia-joint-statement"
"""The first statement of the edition."""

BUILT_SITE_URL = "http://127.0.0.1:8000/"
"""The address :func:`built_site` is built for: the default of ``mkdocs.yml``, whatever ``SITE_URL`` says."""
PROJECT_PARTS = ("mkdocs.yml", "statements", "overrides")
"""What a copy of the project needs besides the hand-written pages of docs/."""


SITE_FIXTURES = frozenset({"built_site", "site_url", "zensical_site", "browser"})
"""Fixtures that build a whole site (or drive Chromium over one): their tests are slow."""
LANE_MARKERS = ("build", "browser")
"""The markers that keep a test out of the fast lane, ``pytest -m "not browser and not build"``."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a test that builds a whole site without a marker saying so: the fast lane must stay fast."""
    for item in items:
        needs_site = SITE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if needs_site and not any(item.get_closest_marker(name) for name in LANE_MARKERS):
            raise pytest.UsageError(
                f"{item.nodeid} uses {', '.join(sorted(needs_site))}: mark it @pytest.mark.build (or browser)"
            )


def copy_project(target: Path, official_texts: bool = False) -> Path:
    """A copy of the project's inputs in ``target``: config, statements, hand-written docs, and with
    ``official_texts`` the official texts of ``sources/`` (a copy to change words in does without them)."""
    target.mkdir(parents=True)
    if official_texts:
        shutil.copytree(SOURCES, target / SOURCES.name)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    hand_written = [path for path in (ROOT / "docs").iterdir() if path.name not in OWNED]
    (target / "docs").mkdir()
    for path in hand_written:
        if path.is_dir():
            shutil.copytree(path, target / "docs" / path.name)
        else:
            shutil.copy2(path, target / "docs" / path.name)
    return target


def run_build_site(
    root: Path, *args: str, site_url: str | None = None, report_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python build_site.py ARGS`` with ``root`` as the current directory, as a user runs it.

    ``site_url`` sets the address the site is built for (``SITE_URL``, read by ``mkdocs.yml``),
    ``report_url`` the form where readers report an error (``REPORT_URL``); without them, neither is set.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SITE_URL", None)  # the defaults of mkdocs.yml whatever the shell says, as in :func:`rendered`
    environment.pop("REPORT_URL", None)
    if site_url is not None:
        environment["SITE_URL"] = site_url
    if report_url is not None:
        environment["REPORT_URL"] = report_url
    return subprocess.run(
        [sys.executable, str(ROOT / "build_site.py"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def run_build_site_here(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> subprocess.CompletedProcess[str]:
    """``build_site.py ARGS`` run in this process from ``root``, with the environment of :func:`run_build_site`.

    For a test whose point is what a verb does, prints and returns, not the process around it (a
    signal, a traceback printed by Python, the start of the program): it spares the start of a
    Python and the import of the program, most of a small command's time.
    """
    import build_site

    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("SITE_URL", raising=False)
        patch.delenv("REPORT_URL", raising=False)
        status = build_site.main(list(args))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["build_site.py", *args], status, out, err)


def running_in_ci() -> bool:
    """Whether this is a CI run (``CI=true``), where nothing may be skipped for lack of a tool."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def skip_or_fail(reason: str, what: str) -> NoReturn:
    """Skip for lack of a tool, with ``reason``; under CI fail instead: a CI machine without it is misconfigured.

    ``what`` names what must run in CI, e.g. "browser tests" (CONTRIBUTING.md, "Set-up and the two commands").
    """
    if running_in_ci():
        pytest.fail(f"{reason} (CI=true: the {what} must run, not skip)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def statement() -> Statement:
    """The first statement of the edition, read from its file (which must be valid)."""
    found, problems = read_statement(ROOT / "statements" / f"{STATEMENT_ID}.yaml")
    assert problems == []
    assert found is not None
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project, to render or break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def rendered_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project rendered once, in-process (the bytes a ``render`` writes); never changed: see
    :func:`rendered`."""
    root = copy_project(tmp_path_factory.mktemp("rendered") / "project")
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("SITE_URL", raising=False)
        environment.delenv("REPORT_URL", raising=False)
        render(Project(root))
    return root


@pytest.fixture
def rendered(rendered_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of the project as a ``render`` leaves it, for a test whose point comes after that render.

    Copied with the files' times, which the render's state records: the next render finds every file as it left it.
    """
    return shutil.copytree(rendered_once, tmp_path / "project", symlinks=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with ``build_site.py build`` into a temporary folder."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project", official_texts=True)
    result = run_build_site(root, "build", "--site-dir", "site", site_url=BUILT_SITE_URL)
    assert result.returncode == 0, result.stderr
    return root / "site"
