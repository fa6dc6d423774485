"""Rendering many statements: the parallel path gives what the serial one gives, and the faster parts stay exact.

With 64 statements or more a render works on every core (``edition/parallel.py``):
each statement is read, checked and rendered in a worker, and a new statement's
files are written by that worker into a staging folder, moved into ``docs/`` only
when every statement is valid. These tests render such corpora for real. The
second half pins the faster replacements of standard-library parts to what they
replace: YAML tag resolution, JSON, Markdown escaping.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from edition import parallel
from edition.generation import STATEMENT_FILES
from edition.jsonfiles import indented
from edition.loading import _Loader
from edition.markup import html_text, markdown_text
from edition.output import File, place
from edition.pipeline import Project, render
from edition.shapes import _fault, text_fault
from tests.conftest import STATEMENT_ID, copy_project, run_build_site
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


def test_parallel_render_gives_the_bytes_of_a_serial_render(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = tmp_path / "serial"
    shutil.copytree(many, serial)
    rendered = render(Project(many))
    monkeypatch.setattr(parallel, "THRESHOLD", 10**9)
    assert str(render(Project(serial))) == str(rendered)
    assert str(rendered) == f"{MANY} statement(s), {4 * MANY} paragraphs, {13 * MANY} sentences; " + (
        f"{6 * MANY + 22} file(s) written, 0 removed"
    )
    assert snapshot(many / "docs") == snapshot(serial / "docs")
    assert snapshot(many / "statements") == snapshot(serial / "statements")
    assert sorted((many / ".cache" / "edition").iterdir()) == [
        many / ".cache" / "edition" / "listings.pickle",
        many / ".cache" / "edition" / "render-state.json",
    ]


def test_one_invalid_statement_among_many_changes_nothing(many: Path) -> None:
    before = snapshot(many / "docs")
    path = sorted((many / "statements").glob("*.yaml"))[-1]
    path.write_text(path.read_text(encoding="utf-8").replace("kind: condemn", "kind: condemns"), encoding="utf-8")
    result = run_build_site(many, "render")
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, "1 problem in 1 file")
    assert snapshot(many / "docs") == before
    assert [path.name for path in (many / "statements" / "anchors").iterdir()] == [f"{STATEMENT_ID}.json"]
    assert list((many / ".cache" / "edition").glob("staging*")) == []  # the workers' files are gone


def test_a_statement_added_later_gets_its_folder_and_the_lists_name_it(project: Path) -> None:
    assert run_build_site(project, "render").returncode == 0
    before = snapshot(project / "docs")
    (added,) = add_statements(project, 1)
    result = run_build_site(project, "render")
    after = snapshot(project / "docs")
    changed = sorted(name for name in after if after[name] != before.get(name))
    own = [f"statements/{added}/{name}" for name in sorted(STATEMENT_FILES)]
    lists = [name for name in changed if name not in own]
    assert result.stdout.endswith(f"; {len(changed)} file(s) written, 0 removed\n")
    assert [name for name in changed if name in own] == own
    assert {"statements/index.md", "statements/index.json", "commitments/index.md", "data/index.md"} <= set(lists)
    assert all(name.split("/")[0] in ("statements", "commitments", "topics", "timeline", "data") for name in lists)
    assert all(not name.startswith("statements/") or name.count("/") == 1 for name in lists)


def test_a_cached_listing_that_cannot_be_read_is_made_again(project: Path, tmp_path: Path) -> None:
    add_statements(project, 2)
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh)
    render(Project(project))
    cache = project / ".cache" / "edition" / "listings.pickle"
    entries = pickle.loads(cache.read_bytes())
    cache.write_bytes(pickle.dumps({key: (digest, b"not a listing") for key, (digest, _) in entries.items()}))
    for path in (project, fresh):  # one statement changes: the others' listings come from the cache
        statement = path / "statements" / f"{STATEMENT_ID}.yaml"
        statement.write_text(statement.read_text(encoding="utf-8").replace("heading: A new", "heading: Our new"))
    assert str(render(Project(project))).endswith("12 paragraphs, 39 sentences; 3 file(s) written, 0 removed")
    assert str(render(Project(fresh))).endswith("12 paragraphs, 39 sentences; 40 file(s) written, 0 removed")
    assert snapshot(project / "docs") == snapshot(fresh / "docs")
    remade = pickle.loads(cache.read_bytes())
    assert remade.keys() == entries.keys()
    assert all(data != b"not a listing" for _, data in remade.values())


def test_place_moves_a_staged_folder_or_its_files_into_an_existing_one(tmp_path: Path) -> None:
    file = File.of("words\n")
    recorded = {"index.md": [file.sha256, 6, 0]}
    for target in (tmp_path / "docs" / "new", tmp_path / "docs" / "existing"):
        staged = tmp_path / "staging" / target.name
        staged.mkdir(parents=True)
        (staged / "index.md").write_bytes(file.data)
        if target.name == "existing":
            target.mkdir(parents=True)
            (target / "index.md").write_text("old\n", encoding="utf-8")
        placed = place(staged, target, recorded)
        stat = os.stat(target / "index.md")
        assert (target / "index.md").read_bytes() == file.data
        assert placed["index.md"][0] == file.sha256
        assert not staged.exists()
        if target.name == "existing":
            assert placed["index.md"][1:] == [stat.st_size, stat.st_mtime_ns]


# The faster parts, pinned to what they replace.

PLAIN_SCALARS = st.sampled_from(
    [
        *("yes", "No", "on", "OFF", "true", "~", "null", "", "1_000", "0x1F", "0o17", "017", "+12", "-1.5e3"),
        *(".inf", "-.INF", ".nan", "12:30:00", "2001-12-07", "2001-12-07 10:00:00", "2002-05", "=", "<<"),
        *("text", "para_1", "commit", "2001"),
    ]
)
"""Plain scalars that YAML 1.1 reads as booleans, nulls, numbers, dates and the like, and some that it does not."""


def tree(node: yaml.Node) -> Any:
    """A composed node as plain data: each node's tag and value, recursively."""
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [tree(item) for item in node.value])
    return (node.tag, [(tree(key), tree(value)) for key, value in node.value])


def composed(text: str, loader: type) -> Any:
    """The tree of ``text`` as plain data, or the name of the error that stops it."""
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        return type(error).__name__
    return None if node is None else tree(node)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PLAIN_SCALARS | st.text(max_size=8), st.booleans()), max_size=12))
def test_the_statement_loader_resolves_every_tag_as_the_loader_it_extends_does(scalars: list[tuple[str, bool]]) -> None:
    lines = []
    for index, (value, quoted) in enumerate(scalars):
        written = json.dumps(value) if quoted else value
        lines += [f"k{index}: {written}", f"l{index}: [{written}]"]
    text = "\n".join(lines) + "\n"
    expected = composed(text, _Loader.__bases__[0])  # libyaml's safe loader, where PyYAML has it
    assert composed(text, _Loader) == expected
    assert composed(text, _Loader) == expected  # again, from the loader's memory of plain scalars


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
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


def test_html_escaping_is_the_standard_librarys_for_every_character() -> None:
    characters = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert html_text(characters) == html.escape(characters, quote=True)
    assert html_text("a&amp;<b c='d'>\"") == html.escape("a&amp;<b c='d'>\"", quote=True)
