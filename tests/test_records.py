"""Anchor records that break the rules of their format: every problem, each one line at its place.

A record is written by ``render``, ``erratum`` and ``retire``; these are records
edited by hand, damaged by a merge, or made to break the edition. ``check``
refuses them as it refuses statement files: every problem at once, in the same
words (CONTRIBUTING.md, "How anchors are kept").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import build_site
from edition.jsonfiles import indented
from edition.limits import MAX_PROBLEMS_PER_FILE
from edition.records import recordfile
from tests.conftest import ROOT, STATEMENT_ID

RECORD_FILE = f"statements/anchors/{STATEMENT_ID}.json"
CORRECTION = {"anchor": "para_1__cmt_1", "date": "2024-01-02", "old_text": "Old.", "new_text": "New.", "reason": "A."}
RETIREMENT = {"anchor": "para_1__cmt_1", "successor": "para_1__cmt_2", "date": "2024-01-02", "reason": "A."}


def changed(change: Callable[[dict[str, Any]], object]) -> Callable[[bytes], bytes]:
    """A change of the record as data, written back as ``render`` writes records."""

    def apply(data: bytes) -> bytes:
        record = json.loads(data)
        change(record)
        return indented(record).encode("utf-8")

    return apply


def at(line: int, column: int, message: str) -> str:
    """The line ``check`` prints for a problem of the record."""
    return f"{RECORD_FILE}:{line}:{column}: {message}"


def cannot_read(line: int, column: int, reason: str) -> str:
    """The line ``check`` prints for a record that cannot be read at all."""
    return at(line, column, f"the anchor record cannot be read ({reason}); restore it from version control")


CASES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "anchors-a-list": (
        changed(lambda r: r.update(anchors=list(r["anchors"]))),
        at(3, 14, "'anchors' must be a mapping of each anchor to its entry, got a list"),
    ),
    "text-a-number": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].update(text=42)),
        at(11, 15, "anchor para_1__cmt_2: 'text' must be text, got '42'; put it in quotes"),
    ),
    "text-two-lines": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].update(text="One.\nTwo.")),
        at(
            11,
            15,
            "anchor para_1__cmt_2: 'text' must be one line, but has a line break at character 5; wrap long text "
            "with plain lines or '>-', which YAML joins with spaces",
        ),
    ),
    "sha256-missing": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].pop("sha256")),
        at(9, 22, "anchor para_1__cmt_2: missing required key 'sha256'"),
    ),
    "sha256-not-a-digest": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].update(sha256="ab2e0d")),
        at(
            10,
            17,
            "anchor para_1__cmt_2: 'sha256' must be a SHA-256 digest: 64 hexadecimal digits, 0-9 and a-f, got 'ab2e0d'",
        ),
    ),
    "sha256-of-other-words": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].update(text="Other words.")),
        at(
            10,
            17,
            "anchor para_1__cmt_2: 'sha256' is not the SHA-256 of 'text'; restore the record from version control",
        ),
    ),
    "entry-null": (
        changed(lambda r: r["anchors"].update(para_1__cmt_2=None)),
        at(9, 22, "anchor para_1__cmt_2: the entry is empty"),
    ),
    "paragraph-with-text": (
        changed(lambda r: r["anchors"].update(para_1="Words.")),
        at(4, 15, "anchor para_1: the entry must be null, got 'Words.'"),
    ),
    "anchor-not-an-anchor": (
        changed(lambda r: r["anchors"].update({'"><script>alert(1)</script>': None})),
        at(
            60,
            5,
            "'anchors' has the key '\"><script>alert(1)</script>', which is not an anchor (para_N or para_N__cmt_M)",
        ),
    ),
    "nested-deep": (
        lambda data: b"[" * 100_000 + b"]" * 100_000,
        cannot_read(1, 1, "its values are nested thousands deep"),
    ),
    "syntax-error": (
        lambda data: data.replace(b'"para_1": null,', b'"para_1": null', 1),
        cannot_read(5, 5, "JSON syntax error: Expecting ',' delimiter"),
    ),
    "not-utf-8": (
        lambda data: data.replace(b"Today", b"Tod\xe4y", 1),
        cannot_read(7, 19, "it is not UTF-8"),
    ),
    "not-an-object": (
        lambda data: b"[]\n",
        at(1, 1, "the top level must be a mapping of keys (statement, anchors, errata, retired), got a list"),
    ),
    "unknown-key": (
        changed(lambda r: r.update(comment="Hello")),
        at(63, 3, "unknown key 'comment' (one of: statement, anchors, errata, retired)"),
    ),
    "unknown-key-typo": (
        changed(lambda r: r.update(erata=r.pop("errata"))),
        at(62, 3, "unknown key 'erata'; did you mean 'errata'?"),
    ),
    "errata-missing": (
        changed(lambda r: r.pop("errata")),
        at(1, 1, "missing required key 'errata'"),
    ),
    "statement-a-number": (
        changed(lambda r: r.update(statement=7)),
        at(2, 16, "'statement' must be text, got '7'; put it in quotes"),
    ),
    "statement-another": (
        changed(lambda r: r.update(statement="2001-12-08-another")),
        at(2, 16, f"'statement' '2001-12-08-another' does not match the file name, {STATEMENT_ID}.json"),
    ),
    "errata-an-object": (
        changed(lambda r: r.update(errata={})),
        at(61, 13, "'errata' must be a list, got a mapping"),
    ),
    "erratum-date-impossible": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "date": "2024-02-30"}])),
        at(64, 15, "erratum 1: 'date' is not a real date: '2024-02-30' (day is out of range for month)"),
    ),
    "erratum-date-a-week": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "date": "2024-W01-1"}])),
        at(64, 15, "erratum 1: 'date' must be a date written YYYY-MM-DD, got '2024-W01-1'"),
    ),
    "erratum-unknown-key": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "by": "me"}])),
        at(68, 7, "erratum 1: unknown key 'by' (one of: anchor, date, old_text, new_text, reason)"),
    ),
    "erratum-anchor-not-recorded": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "anchor": "para_9__cmt_9"}])),
        at(63, 17, "erratum 1: 'anchor' must be a recorded anchor, got 'para_9__cmt_9'"),
    ),
    "erratum-reason-a-list": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "reason": ["A."]}])),
        at(67, 17, "erratum 1: 'reason' must be text, got a list"),
    ),
    "erratum-reason-empty": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "reason": ""}])),
        at(67, 17, "erratum 1: 'reason' must not be empty"),
    ),
    "retired-successor-not-an-anchor": (
        changed(lambda r: r.update(retired=[{**RETIREMENT, "successor": '"><script>'}])),
        at(65, 20, "retirement 1: 'successor' must be an anchor (para_N or para_N__cmt_M), got '\"><script>'"),
    ),
    "retired-anchor-not-recorded": (
        changed(lambda r: r.update(retired=[{**RETIREMENT, "anchor": "para_9"}])),
        at(64, 17, "retirement 1: 'anchor' must be a recorded anchor, got 'para_9'"),
    ),
    "retired-item-a-string": (
        changed(lambda r: r.update(retired=["para_1__cmt_1"])),
        at(
            63,
            5,
            "retirement 1: the entry must be a mapping of keys (anchor, successor, date, reason), got 'para_1__cmt_1'",
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_record_is_one_line(
    case: str, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    path = project / RECORD_FILE
    change, expected = CASES[case]
    path.write_bytes(change(path.read_bytes()))
    assert build_site.main(["--root", ".", "check"]) == 1
    assert capsys.readouterr().err == f"{expected}\n1 problem in 1 file\n"


def test_a_retirement_with_no_successor_is_read(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    path = project / RECORD_FILE
    record = json.loads(path.read_bytes())
    record["anchors"]["para_9"] = None
    record["retired"] = [{**RETIREMENT, "anchor": "para_9", "successor": None}]
    path.write_text(indented(record), encoding="utf-8")
    assert build_site.main(["--root", ".", "check"]) == 0


def test_every_problem_of_a_record_is_reported_at_once(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    path = project / RECORD_FILE
    record = json.loads(path.read_bytes())
    record["comment"] = "Hello"
    record["anchors"]["para_1__cmt_2"]["text"] = 42
    record["errata"] = [{**CORRECTION, "date": "2024-02-30"}]
    path.write_text(indented(record), encoding="utf-8")
    assert build_site.main(["--root", ".", "check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        at(11, 15, "anchor para_1__cmt_2: 'text' must be text, got '42'; put it in quotes"),
        at(64, 15, "erratum 1: 'date' is not a real date: '2024-02-30' (day is out of range for month)"),
        at(71, 3, "unknown key 'comment' (one of: statement, anchors, errata, retired)"),
        "3 problems in 1 file",
    ]


def test_a_record_with_thousands_of_faults_lists_fifty_and_counts_the_rest(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    path = project / RECORD_FILE
    record = json.loads(path.read_bytes())
    record["anchors"].update({f"para_{number}": "Words." for number in range(10, 10_010)})
    path.write_text(indented(record), encoding="utf-8")
    assert build_site.main(["--root", ".", "check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == at(60, 16, "anchor para_10: the entry must be null, got 'Words.'")
    assert lines[-2:] == [
        at(1, 1, f"and 9,950 more problems (the first {MAX_PROBLEMS_PER_FILE} of a file are listed)"),
        "10,000 problems in 1 file",
    ]


def test_a_record_reads_back_as_it_was_written(project: Path) -> None:
    path = project / RECORD_FILE
    published, problems = recordfile.load(path)
    assert published is not None and problems == []
    record = replace(
        published,
        texts={**published.texts, "para_9": None},
        errata=(recordfile.Erratum("para_1__cmt_1", "2024-01-02", "Old words.", "New words.", "A typo."),),
        retired=(
            recordfile.Retirement("para_9", None, "2024-01-03", "Merged."),
            recordfile.Retirement("para_1__cmt_2", "para_1__cmt_1", "2024-01-04", "Joined."),
        ),
    )
    text = recordfile.text_of(record)
    assert recordfile.parse(path, text.encode("utf-8")) == (record, [])
    assert recordfile.text_of(published) == path.read_text(encoding="utf-8")


def test_the_unknown_key_message_has_one_home() -> None:
    """Records and statement files say "unknown key" alike, because one shape says it for both."""
    saying = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "edition").rglob("*.py")
        if "unknown key" in path.read_text(encoding="utf-8")
    )
    assert saying == ["edition/statements/shapes.py"]
