"""The benchmark's own parts: its corpus passes ``check`` and its texts differ, the search benchmark's queries
stand in their target sentences, its editor's loop reads the live-reload version, and the growth benchmark's
cases are valid statements that hold what they are named for."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from edition.statements.validation import read_statement
from tests.conftest import ROOT, STATEMENT_ID, run_build_site

sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmark's modules import one another as scripts do

import corpus
import engines
import growth
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


def sentences(number: int) -> dict[str, str]:
    """The sentences of synthetic statement ``number`` by anchor."""
    data = corpus.statement_data(number)
    return {
        f"para_{p}__cmt_{c}": commitment["text"]
        for p, paragraph in enumerate(data["paragraphs"], start=1)
        for c, commitment in enumerate(paragraph["commitments"], start=1)
    }


def test_synthetic_statements_say_different_things() -> None:
    texts = [sentences(number) for number in range(1, 51)]
    assert len({" ".join(text.values()) for text in texts}) == len(texts), "two statements have the same text"
    for anchor in texts[0]:
        assert len({text[anchor] for text in texts}) > 1, f"{anchor} is the same in every statement"
    for text in texts:
        assert not any("joint action at 20" in sentence for sentence in text.values())


@pytest.mark.parametrize("count", [10, 1000, 10000])
def test_each_search_query_stands_in_its_target_sentence(count: int) -> None:
    queries = engines.queries(count)
    assert len(queries) == 20
    assert queries[0].text == "joint action at 20" and queries[0].sentence == "para_1__cmt_3"
    for query in queries:
        if query.statement == STATEMENT_ID:
            continue  # the real statement's queries are checked against its own text in the browser tests
        number = int(query.statement.rsplit("-", 1)[1])
        assert 1 <= number <= count
        words = [word.strip(",.") for word in sentences(number)[query.sentence].split()]
        assert query.text in " ".join(words), f"{query.text!r} is not in {query.statement}#{query.sentence}"


LARGE_CASES = frozenset({"paragraphs-300", "paragraphs-300-9999"})
"""The growth cases of a corpus's worth of paragraphs, whose check takes most of a second: run with ``build``."""


@pytest.mark.parametrize(
    "case", [pytest.param(case, marks=[pytest.mark.build] if case in LARGE_CASES else []) for case in growth.CASES]
)
def test_each_growth_case_is_a_valid_statement(tmp_path: Path, case: str) -> None:
    found, problems = read_statement(growth.make_case(tmp_path / "project", case))
    assert problems == [] and found is not None
    annexed = [c for c in found.sentences if "annex" in c.references]
    mentions = sum(1 for c in annexed for _, document in found.segments(c) if document and document.id == "annex")
    if case.startswith("mentions-"):
        each, _, sentences = case.removeprefix("mentions-").partition("x")
        assert [c.citation_number for c in annexed] == ["1.1", "1.2", "1.3", "2.1"][: int(sentences or 1)]
        assert mentions == int(each) * len(annexed)
        assert all(c.references[-2:] == ("founding-act", "annex") for c in annexed)
    else:
        assert (len(found.paragraphs), mentions) == (300, 0)
        assert ("9999" in found.title) == case.endswith("-9999")


def test_the_search_benchmark_counts_the_waves_of_requests() -> None:
    """A request is of the wave after the highest of those that had ended when it started."""
    assert engines.waves([]) == 0
    assert engines.waves([(0, 10), (0, 12), (5, 25)]) == 1  # all at once
    assert engines.waves([(0, 10), (0, 12), (5, 25), (11, 20), (20, 30)]) == 3  # after 10, then after 20


def test_the_search_benchmark_on_the_real_site_alone_asks_the_real_statement_only() -> None:
    assert [query.statement for query in engines.queries(0)] == [STATEMENT_ID] * 10
