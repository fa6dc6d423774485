"""The search index's plugin (``edition/searchindex.py``) and ``serve``'s indexing after the reload, without a build."""

from __future__ import annotations

import threading
from pathlib import Path

from edition import searchindex
from edition.watch import _Later


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
