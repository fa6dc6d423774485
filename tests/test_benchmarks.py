"""The benchmark's own parts: its corpus passes ``check``, and its editor's loop reads the live-reload version."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, STATEMENT_ID, run_build_site

sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmark's modules import one another as scripts do

import corpus
import reload
import run


def test_a_corpus_holds_the_real_statement_and_passes_check(tmp_path: Path) -> None:
    project = corpus.make_project(tmp_path / "project", 2)
    names = sorted(path.name for path in (project / "statements").glob("*.yaml"))
    assert names == sorted([f"{STATEMENT_ID}.yaml", *(f"{corpus.statement_id(n)}.yaml" for n in (1, 2))])
    result = run_build_site(project, "check")
    assert result.returncode == 0, result.stderr


def test_the_editor_loop_reads_the_version_a_served_page_was_built_from() -> None:
    page = b"<body><script>var livereload = function(epoch, requestId) {};\nlivereload(1733140000123, 42);</script>"
    assert reload.epoch_of(page) == 1733140000123
    with pytest.raises(RuntimeError):
        reload.epoch_of(b"<html></html>")


def test_the_benchmark_times_the_editor_loop_by_default() -> None:
    assert run.parser().parse_args([]).reload == 3
    assert run.parser().parse_args(["--reload", "0"]).reload == 0
