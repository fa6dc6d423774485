"""Rendering many statements: the parallel path gives what the serial one gives, and the faster parts stay exact.

With 64 statements or more a render works on every core (``edition/build/parallel.py``):
each statement is read, checked and rendered in a worker, which sends its files'
bytes back; the main process writes ``docs/`` only when every statement is valid.
These tests render such corpora for real. The second half pins the faster parts
to what they stand for: JSON, Markdown escaping, the quick acceptance of texts.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from edition.build import generation, parallel
from edition.build.commands import check, render
from edition.build.generation import STATEMENT_FILES, Job
from edition.build.project import Project
from edition.jsonfiles import indented
from edition.site.markup import markdown_text
from edition.values import _fault, text_fault
from tests.conftest import STATEMENT_ID, copy_project, run_build_site, run_build_site_here
from tests.test_cli import snapshot

MANY = parallel.THRESHOLD + 6
"""Enough statements for the parallel path."""


def add_statements(project: Path, count: int) -> list[str]:
    """``count`` more statements, copies of the real one on later days; their ids."""
    text = (project / "statements" / f"{STATEMENT_ID}.yaml").read_text(encoding="utf-8")
    ids = []
    for number in range(1, count + 1):
        day = datetime.date(2001, 12, 7) + datetime.timedelta(days=number)
        statement_id = f"{day.isoformat()}-copy-{number}"
        changed = text.replace("date: 2001-12-07", f"date: {day.isoformat()}", 1)
        (project / "statements" / f"{statement_id}.yaml").write_text(changed, encoding="utf-8")
        ids.append(statement_id)
    return ids


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """A project of :data:`MANY` statements, not rendered yet."""
    project = copy_project(tmp_path / "many")
    add_statements(project, MANY - 1)
    return project


@pytest.mark.build
def test_parallel_render_gives_the_bytes_of_a_serial_render(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = tmp_path / "serial"
    shutil.copytree(many, serial)
    rendered = render(Project(many))
    monkeypatch.setattr(parallel, "THRESHOLD", 10**9)
    assert str(render(Project(serial))) == str(rendered)
    assert str(rendered) == f"{MANY} statement(s), {4 * MANY} paragraphs, {13 * MANY} sentences; " + (
        f"{6 * MANY + 23} file(s) written, 0 removed"
    )
    assert snapshot(many / "docs") == snapshot(serial / "docs")
    assert snapshot(many / "statements") == snapshot(serial / "statements")
    assert sorted((many / ".cache" / "edition").iterdir()) == [many / ".cache" / "edition" / "render-state.json"]


@pytest.mark.build
def test_one_invalid_statement_among_many_changes_nothing(many: Path) -> None:
    before = snapshot(many / "docs")
    path = sorted((many / "statements").glob("*.yaml"))[-1]
    path.write_text(path.read_text(encoding="utf-8").replace("kind: condemn", "kind: condemns"), encoding="utf-8")
    result = run_build_site(many, "render")
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, "1 problem in 1 file")
    assert snapshot(many / "docs") == before
    assert [path.name for path in (many / "statements" / "anchors").iterdir()] == [f"{STATEMENT_ID}.json"]
    assert sorted(path.name for path in (many / ".cache" / "edition").iterdir()) == []  # no state, no lock


def test_a_statement_added_later_gets_its_folder_and_the_lists_name_it(
    rendered: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = rendered
    before = snapshot(project / "docs")
    (added,) = add_statements(project, 1)
    result = run_build_site_here(project, capsys, "render")
    after = snapshot(project / "docs")
    changed = sorted(name for name in after if after[name] != before.get(name))
    own = [f"statements/{added}/{name}" for name in sorted(STATEMENT_FILES)]
    lists = [name for name in changed if name not in own]
    assert result.stdout.endswith(f"; {len(changed)} file(s) written, 0 removed\n")
    assert [name for name in changed if name in own] == own
    assert {"statements/index.md", "statements/index.json", "commitments/index.md", "data/index.md"} <= set(lists)
    assert all(name.split("/")[0] in ("statements", "commitments", "topics", "timeline", "data") for name in lists)
    assert all(not name.startswith("statements/") or name.count("/") == 1 for name in lists)


@pytest.mark.build
def test_one_change_among_many_renders_its_files_and_the_lists_again(many: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    render(Project(many))
    statement = many / "statements" / f"{STATEMENT_ID}.yaml"
    statement.write_text(statement.read_text(encoding="utf-8").replace("heading: A new", "heading: Our new"))
    assert str(render(Project(many))).endswith("; 3 file(s) written, 0 removed")
    shutil.copytree(many, fresh, ignore=shutil.ignore_patterns(".cache"))
    assert str(render(Project(fresh))).endswith("; 0 file(s) written, 0 removed")  # every file already holds its bytes
    assert snapshot(many / "docs") == snapshot(fresh / "docs")


def test_a_render_makes_again_only_the_statements_whose_inputs_or_files_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Work counted, not timed: which statements each render reads (every one, or none) and makes again."""
    first, second = add_statements(project, 2)
    assert str(render(Project(project))).endswith("; 41 file(s) written, 0 removed")
    passes: list[tuple[int, list[str]]] = []
    original = parallel.parallel_map

    def counted(function: Any, jobs: list[Job]) -> Any:
        passes.append((len(jobs), sorted(job.source.id for job in jobs if job.render)))
        return original(function, jobs)

    monkeypatch.setattr(generation, "parallel_map", counted)
    assert str(render(Project(project))).endswith("; 0 file(s) written, 0 removed")
    assert passes == []  # nothing changed: no statement read
    statement = project / "statements" / f"{first}.yaml"
    statement.write_text(statement.read_text(encoding="utf-8").replace("heading: A new", "heading: Our new"))
    render(Project(project))
    (project / "docs" / "statements" / second / STATEMENT_FILES[-1]).write_text("edited by hand\n", encoding="utf-8")
    assert str(render(Project(project))).endswith("; 1 file(s) written, 0 removed")
    check(Project(project))
    assert passes == [(3, [first]), (3, [second]), (3, [])]


# The faster parts, pinned to what they stand for.

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


# orjson writes each JSON type by its own compiled path: a hundred random trees (Hypothesis's default) mix them
# all, and the examples pin the values where a writer of JSON is most likely to differ from the standard library.
@settings(max_examples=100, deadline=None)
@given(JSON_VALUES)
@example({"": [], "é": {}, "k": [[], {}, None, True, False, 0]})
@example(["\x00\x1f\x7f", "\u2028\u2029", "</script>&<>", '"\\/', "𝄞 é ﬁ", "\ufeff"])
@example([-(2**53), 2**53, -1, 0])
def test_published_json_is_what_the_standard_library_writes(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def test_markdown_escaping_of_every_character() -> None:
    safe = frozenset(",.-'\"/?%@;() ")
    characters = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    expected = "".join(c if c.isalnum() or not c.isascii() or c in safe else f"&#{ord(c)};" for c in characters)
    assert markdown_text(characters) == expected


def test_the_quick_acceptance_of_texts_agrees_with_every_rule_for_every_character() -> None:
    characters = (chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for c in characters:
        for value in (c, f"a{c}b"):  # alone, a character is at both ends
            assert text_fault(value) == _fault(value), repr(value)
    assert text_fault("") == _fault("") == "must not be empty"
    assert text_fault(" a") is not None and text_fault("a\u00a0") is not None and text_fault("a\u2028b") is not None
