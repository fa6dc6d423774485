"""The renders of ``serve``: what the serving process keeps of each statement, and that it changes no output.

``serve`` renders after every save with a project that keeps in memory what it read
and checked of each statement (``Project.rendered_again``, ``edition.build.cache.Checked``):
a save reads the saved statement again, not every one. Work is counted here, not
timed; and after a series of edits, a fresh render of the same files writes nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from edition.build import generation, parallel
from edition.build.commands import render
from edition.build.generation import Job
from edition.build.project import Project
from edition.problems import ProblemError
from tests.conftest import STATEMENT_ID
from tests.test_cli import snapshot
from tests.test_scale import add_statements

HEADING = "heading: A new"
"""Paragraph 1's heading in the real statement and its copies: editorial, so an edit keeps the file valid."""
KIND = "kind: condemn"
"""The only ``condemn`` sentence's kind: one letter more makes the file invalid."""


def edit(project: Path, statement_id: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` once in the statement file ``statement_id``."""
    path = project / "statements" / f"{statement_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], list[str]]]:
    """For each pass over the statements: the ids read, and those of them whose files were made."""
    passes: list[tuple[list[str], list[str]]] = []
    original = parallel.parallel_map

    def counted(function: Any, jobs: list[Job]) -> Any:
        passes.append(([job.source.id for job in jobs], [job.source.id for job in jobs if job.render]))
        return original(function, jobs)

    monkeypatch.setattr(generation, "parallel_map", counted)
    return passes


def test_under_serve_a_save_reads_the_saved_statement_alone(
    project: Path, reads: list[tuple[list[str], list[str]]]
) -> None:
    first, second = add_statements(project, 2)
    everyone = sorted([STATEMENT_ID, first, second])  # in file order
    render(Project(project))
    serving = Project(project).rendered_again()
    assert str(render(serving)).endswith("; 0 file(s) written, 0 removed")  # read once, for the saves to come
    edit(project, first, HEADING, "heading: Our new")
    assert str(render(serving)).endswith("; 3 file(s) written, 0 removed")
    assert str(render(serving)).endswith("; 0 file(s) written, 0 removed")
    edit(project, second, KIND, "kind: condemns")
    with pytest.raises(ProblemError):
        render(serving)
    edit(project, second, "kind: condemns", KIND)
    render(serving)
    made_again = [([first], [first]), ([second], [second]), ([second], [])]  # its files were never replaced
    assert reads == [(everyone, everyone), (everyone, []), *made_again]


@pytest.mark.build
def test_after_edits_under_serve_a_fresh_render_writes_nothing(project: Path, tmp_path: Path) -> None:
    """A heading edited, an invalid save and its fix, a statement added (its anchors recorded) and one removed,
    each rendered as ``serve`` renders: a fresh render of the same files finds the docs and the records it
    would make."""
    first, second = add_statements(project, 2)
    serving = Project(project).rendered_again()
    render(serving)
    edit(project, first, HEADING, "heading: Our new")
    render(serving)
    edit(project, first, KIND, "kind: condemns")
    with pytest.raises(ProblemError):
        render(serving)
    edit(project, first, "kind: condemns", KIND)
    render(serving)
    shutil.copy(project / "statements" / f"{second}.yaml", project / "statements" / f"{second}-added.yaml")
    render(serving)
    assert (project / "statements" / "anchors" / f"{second}-added.json").is_file()
    (project / "statements" / f"{second}.yaml").unlink()
    (project / "statements" / "anchors" / f"{second}.json").unlink()
    render(serving)
    edit(project, first, "heading: Our new", "heading: Their new")
    render(serving)
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".cache"))
    assert str(render(Project(fresh))).endswith("; 0 file(s) written, 0 removed")
    assert snapshot(fresh / "docs") == snapshot(project / "docs")
    assert snapshot(fresh / "statements") == snapshot(project / "statements")


@pytest.mark.build
def test_dirty_builds_under_serve_compile_no_template_and_make_the_pages_a_whole_build_makes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's templates, compiled by the first build of ``serve``, serve its dirty builds as they are."""
    import logging

    import jinja2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from edition.build import searchindex
    from edition.build.watch import _DirtyWarning, _Templates

    url, templates = "http://127.0.0.1:8000/", _Templates()

    def build(site: Path, whole: bool, serving: bool = True) -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        config.extra[searchindex.LATER] = lambda job: None  # no search index: not what is tested
        if serving:
            config.plugins[_Templates.NAME] = templates
        templates.whole = whole
        mkdocs_build(config, serve_url=url, dirty=not whole)

    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    dirty_warning = _DirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(dirty_warning)
    try:
        render(Project(project))
        build(tmp_path / "served", whole=True)
        edit(project, STATEMENT_ID, HEADING, "heading: Our new")
        render(Project(project))
        compiled: list[object] = []
        compile_template = jinja2.Environment.compile

        def counted(self: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
            compiled.append(args[0] if args else kwargs.get("source"))
            return compile_template(self, *args, **kwargs)

        monkeypatch.setattr(jinja2.Environment, "compile", counted)
        build(tmp_path / "served", whole=False)
        assert compiled == []
        build(tmp_path / "whole", whole=True, serving=False)
        assert compiled != []  # a build without serve's environment compiles the theme
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(dirty_warning)
    page = Path("statements", STATEMENT_ID, "index.html")
    served = (tmp_path / "served" / page).read_text(encoding="utf-8")
    assert "Our new" in served
    assert served == (tmp_path / "whole" / page).read_text(encoding="utf-8")
