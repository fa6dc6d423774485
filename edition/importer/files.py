"""The import's files: the published text read (:func:`read`), the draft written (:func:`import_to`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from edition.importer import draft, layout
from edition.limits import MAX_STATEMENT_BYTES
from edition.problems import Problem, ProblemError
from edition.statements.loading import decode, read_input, wide_encoding

_HTML_STARTS: Final = ("<!doctype html", "<html")
"""How an HTML page starts (compared in lower case), after its prolog: such a file is refused, never parsed."""
_PROLOG: Final = (("<!--", "-->"), ("<?xml", "?>"))
"""What may come before an HTML page's doctype or ``<html>`` tag, besides white space: comments (a browser's
"saved from" line) and an XML declaration, each from its opening to its closing (compared in lower case)."""
_SPACE: Final = re.compile(r"\s*")
EXISTS: Final = "the file already exists; import never overwrites a file: choose a new id, or delete the file first"
"""The problem with an ``--output`` file that exists."""


def import_statement(path: Path, source_url: str | None = None, publisher: str | None = None) -> draft.Draft:
    """The draft statement file for the published text in ``path``; raises :class:`ProblemError`."""
    published = layout.parse(path, read(path))
    return draft.write(published, path.name, source_url, publisher)


def import_to(
    path: Path, output: Path | None, source_url: str | None = None, publisher: str | None = None
) -> draft.Draft:
    """Import ``path``, then write the draft to ``output``, a file that must not exist yet.

    The file is created only when the import succeeds; every problem (the input's and an
    existing ``output``) is reported at once.
    """
    problems: list[Problem] = []
    if output is not None and output.exists():
        problems.append(Problem(output, 1, 1, EXISTS))
    try:
        result = import_statement(path, source_url, publisher)
    except ProblemError as error:
        raise ProblemError(problems + error.problems) from None
    if problems:
        raise ProblemError(problems)
    if output is not None:
        _create(output, result.text)
    return result


def _create(output: Path, text: str) -> None:
    try:
        with output.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise ProblemError([Problem(output, 1, 1, EXISTS)]) from None
    except OSError as error:
        raise ProblemError([Problem(output, 1, 1, f"cannot write the file: {error.strerror}")]) from None


def read(path: Path) -> list[layout.Line]:
    """The lines of ``path``; raises :class:`ProblemError` for a file that is no statement's text."""
    data = read_input(path, MAX_STATEMENT_BYTES, "a text to import")
    if isinstance(data, Problem):
        raise ProblemError([data])
    if b"\0" in data and wide_encoding(data) is None:  # UTF-16 text has NULs too: decode() names it
        message = "the file is binary, not text; import the statement's text, copied from its page and saved as UTF-8"
        raise ProblemError([Problem(path, 1, 1, message)])
    text, problems = decode(path, data)
    if text is None:
        raise ProblemError(problems)
    if not text.strip():
        message = "the file is empty; expected the text of a statement as published: title, date, paragraphs"
        raise ProblemError([Problem(path, 1, 1, message)])
    _refuse_html(path, text)
    _refuse_control_characters(path, layout.raw_lines(text))
    return layout.lines_of(text)


def _refuse_html(path: Path, text: str) -> None:
    """Refuse an HTML page, at its doctype or ``<html>`` tag, whatever comments come before it."""
    start = _html_start(text)
    if start is not None:
        before = layout.raw_lines(text[:start])
        message = (
            "this is an HTML page, not the statement's text; open it in a browser, "
            "copy the statement's text and import that"
        )
        raise ProblemError([Problem(path, len(before), len(before[-1]) + 1, message)])


def _html_start(text: str) -> int | None:
    """Where ``text`` starts as an HTML page does, past white space and its prolog; ``None`` if it does not."""
    position = 0
    while True:
        position = _skip_space(text, position)
        part = next(((o, c) for o, c in _PROLOG if text[position : position + len(o)].lower() == o), None)
        if part is None:
            return position if text[position : position + 14].lower().startswith(_HTML_STARTS) else None
        opening, closing = part
        end = text.find(closing, position + len(opening))
        if end < 0:  # a comment that never ends: no page's prolog
            return None
        position = end + len(closing)


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    assert match is not None  # "\s*" matches everywhere
    return match.end()


_CONTROL: Final = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
"""The control characters (Unicode category Cc) but tab."""


def _refuse_control_characters(path: Path, raw: list[str]) -> None:
    problems = [
        Problem(
            path,
            number,
            match.start() + 1,
            f"control character U+{ord(match.group()):04X}; the text must be plain text",
        )
        for number, line in enumerate(raw, start=1)
        for match in _CONTROL.finditer(line)
    ]
    if problems:
        raise ProblemError(problems)
