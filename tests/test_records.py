"""Anchor records that break the rules of their format: one line each, at the place of the fault.

A record is written by ``render``, ``erratum`` and ``retire``; these are records
edited by hand, damaged by a merge, or made to break the edition. ``check``
refuses each with one line (CONTRIBUTING.md, "How anchors are kept").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import build_site
from edition.jsonfiles import indented
from tests.conftest import STATEMENT_ID

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


def cannot_read(line: int, column: int, reason: str) -> str:
    """The line ``check`` prints for a record that breaks a rule."""
    return (
        f"{RECORD_FILE}:{line}:{column}: the anchor record cannot be read ({reason}); restore it from version control"
    )


CASES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "anchors-a-list": (
        changed(lambda r: r.update(anchors=list(r["anchors"]))),
        cannot_read(3, 14, "'anchors' must be an object mapping anchors to entries, got a list"),
    ),
    "text-a-number": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].update(text=42)),
        cannot_read(11, 15, "para_1__cmt_2: 'text' must be a string, got a number"),
    ),
    "sha256-missing": (
        changed(lambda r: r["anchors"]["para_1__cmt_2"].pop("sha256")),
        cannot_read(9, 22, "the entry of para_1__cmt_2 has no key 'sha256'"),
    ),
    "entry-null": (
        changed(lambda r: r["anchors"].update(para_1__cmt_2=None)),
        cannot_read(9, 22, "the entry of para_1__cmt_2 must be an object (sha256, text), got null"),
    ),
    "paragraph-with-text": (
        changed(lambda r: r["anchors"].update(para_1="Words.")),
        cannot_read(4, 15, "the entry of paragraph para_1 must be null, got a string"),
    ),
    "anchor-not-an-anchor": (
        changed(lambda r: r["anchors"].update({'"><script>alert(1)</script>': None})),
        cannot_read(60, 37, "'\"><script>alert(1)</script>' is not an anchor (para_N or para_N__cmt_M)"),
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
        cannot_read(1, 1, "the record must be an object (statement, anchors, errata, retired), got a list"),
    ),
    "unknown-key": (
        changed(lambda r: r.update(comment="Hello")),
        cannot_read(63, 14, "the record has the unknown key 'comment' (one of: statement, anchors, errata, retired)"),
    ),
    "errata-missing": (
        changed(lambda r: r.pop("errata")),
        cannot_read(1, 1, "the record has no key 'errata'"),
    ),
    "statement-a-number": (
        changed(lambda r: r.update(statement=7)),
        cannot_read(2, 16, "it names the statement a number"),
    ),
    "errata-an-object": (
        changed(lambda r: r.update(errata={})),
        cannot_read(61, 13, "'errata' must be a list, got an object"),
    ),
    "erratum-date-impossible": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "date": "2024-02-30"}])),
        cannot_read(64, 15, "'errata' item 1: 'date' must be a date written YYYY-MM-DD, got '2024-02-30'"),
    ),
    "erratum-unknown-key": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "by": "me"}])),
        cannot_read(
            68,
            13,
            "'errata' item 1 has the unknown key 'by' (one of: anchor, date, old_text, new_text, reason)",
        ),
    ),
    "erratum-anchor-not-recorded": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "anchor": "para_9__cmt_9"}])),
        cannot_read(63, 17, "'errata' item 1: 'para_9__cmt_9' is not a recorded anchor"),
    ),
    "erratum-reason-a-list": (
        changed(lambda r: r.update(errata=[{**CORRECTION, "reason": ["A."]}])),
        cannot_read(67, 17, "'errata' item 1: 'reason' must be a string, got a list"),
    ),
    "retired-successor-not-an-anchor": (
        changed(lambda r: r.update(retired=[{**RETIREMENT, "successor": '"><script>'}])),
        cannot_read(65, 20, "'retired' item 1: '\"><script>' is not an anchor (para_N or para_N__cmt_M)"),
    ),
    "retired-item-a-string": (
        changed(lambda r: r.update(retired=["para_1__cmt_1"])),
        cannot_read(63, 5, "'retired' item 1 must be an object (anchor, successor, date, reason), got a string"),
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
