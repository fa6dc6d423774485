"""Safe YAML loading that keeps the position of every node.

Statement files are *composed*, never constructed: the result is a tree of
``yaml.Node`` objects, each with its start line and column, so that every later
rule can point at the exact place of a problem. Nothing in a file can build a
Python object. Rules that plain YAML does not enforce are checked here: one
document per file, no duplicate keys, no anchors or aliases, only the standard
scalar and collection tags. Characters that would read as something other than
what an editor shows are refused before YAML reads the file
(:mod:`edition.statements.characters`).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import Any, Final, Protocol

import yaml

from edition.build.places import kind_name
from edition.limits import MAX_NESTING, MAX_STATEMENT_BYTES
from edition.problems import Problem
from edition.statements import characters

try:  # The C loader when libyaml is present: same results, faster.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SAFE_LOADER = _Loader
"""The safe YAML loader that every file of the project is read with: libyaml's when PyYAML has it."""

ALIAS_MESSAGE = "YAML aliases are not allowed; write the value out"

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
"""The tags a statement file may use: the ones plain YAML resolves by itself."""


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of ``data`` as UTF-8 (a byte-order mark is allowed), or a problem.

    A file saved as UTF-16 or UTF-32 (:func:`wide_encoding`) is one problem that says so,
    never a line for each NUL byte that UTF-8 would read as a control character.
    """
    encoding = wide_encoding(data)
    if encoding is not None:
        return None, [Problem(path, 1, 1, f"the file is {encoding}, not UTF-8; save it as UTF-8")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = data[error.start]
        message = f"the file is not valid UTF-8: byte 0x{bad:02x} cannot be decoded; save it as UTF-8"
        return None, [Problem(path, line, column, message)]


_BYTE_ORDER_MARKS: Final = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16's, which starts it
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
"""How a file saved as UTF-16 or UTF-32 with a byte-order mark starts."""
_WIDE_CODECS: Final = (("UTF-32", "utf-32-le", "utf-32-be"), ("UTF-16", "utf-16-le", "utf-16-be"))
"""The encodings whose text has NUL bytes: their names, and their codecs in each byte order."""
_NOT_IN_TEXT: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""The control characters but tab and the line ends, which no line of text holds."""


def wide_encoding(data: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when ``data`` is text in that encoding, else ``None``.

    Such a file starts with its byte-order mark, or has NUL bytes (which UTF-8 text never
    has) in its pattern: read in that encoding, in one byte order, it is lines of text (at
    least one line end, and no control character but tab and the line ends) of which at
    least a tenth of the characters are ASCII, whose high bytes are the NULs. A UTF-8 file
    with a stray NUL, or a binary file, is not.
    """
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    if b"\0" not in data:
        return None
    for name, *codecs_of_name in _WIDE_CODECS:
        for codec in codecs_of_name:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _is_wide_text(text):
                return name
    return None


def _is_wide_text(text: str) -> bool:
    """Whether ``text``, read from bytes with NULs, is lines of text with ASCII characters in them."""
    ascii_characters = len(text.encode("ascii", "ignore"))
    return ("\n" in text or "\r" in text) and _NOT_IN_TEXT.search(text) is None and 10 * ascii_characters >= len(text)


def compose(path: Path, text: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of ``text``, or the problems that stop it from being read."""
    deep = _too_deep(path, text)
    if deep is not None:
        return None, [deep]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(path, text, error)]
    except yaml.YAMLError as error:  # errors without a position (unacceptable characters are refused before)
        return None, [Problem(path, 1, 1, f"YAML syntax error: {error}")]
    if root is None:
        return None, [Problem(path, 1, 1, "the file is empty; expected a statement (title, date, paragraphs, ...)")]
    problems = [
        _alias_position(path, text, p) if p.message == ALIAS_MESSAGE else p for p in _structural_problems(path, root)
    ]
    fatal = any(not problem.message.startswith("duplicate key") for problem in problems)
    # Duplicate keys leave a readable tree, so validation goes on and reports more;
    # aliases and foreign tags do not.
    return (None if fatal else root), problems


def _too_deep(path: Path, text: str) -> Problem | None:
    """A problem at the first list or mapping nested more than :data:`~edition.limits.MAX_NESTING` deep, if any.

    The composer recurses in C, and a file nested tens of thousands deep would crash
    it, so such a file is read as a stream of events first. Every list or mapping
    starts with a character of its own among ``[{-?:``; a file with no more of these
    than the limit cannot nest deeper, and is read once only.
    """
    if sum(text.count(character) for character in "[{-?:") <= MAX_NESTING:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    return _nested_too_deep(path, event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:  # the composer reports others
        if "maximum nesting depth" in str(error.problem):  # builds of libyaml that have a limit of 1,000 too
            return _nested_too_deep(path, error.problem_mark)
    return None


class _Mark(Protocol):
    """A place in a YAML text, as PyYAML's Python and C parsers give it (0-based)."""

    line: int
    column: int


def _nested_too_deep(path: Path, mark: _Mark | None) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"lists and mappings nested more than {MAX_NESTING:,} deep; a statement needs a dozen levels"
    return Problem(path, line, column, message)


def at(path: Path, node: yaml.Node, message: str) -> Problem:
    """A problem at the start of ``node``."""
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def data(text: str) -> Any:
    """The plain data of the YAML ``text``, read with the same safe loader (C, when present) as statement files."""
    return yaml.load(text, Loader=_Loader)


def syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """The problem of a YAML text that cannot be read, at its place; a tab where spaces belong is named."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "cannot be read"
    if _character_at(text, line, column) == "\t":
        problem = "a tab character; YAML is indented with spaces only"
    elif error.context and error.context != problem:
        problem = f"{problem} ({error.context})"
    return Problem(path, line, column, f"YAML syntax error: {problem}")


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _alias_position(path: Path, text: str, problem: Problem) -> Problem:
    """Point an alias problem at the first alias itself, not at the value it repeats.

    Composed nodes do not remember aliases, so the events are read again: only
    for files that use one, which are refused anyway.
    """
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return Problem(path, event.start_mark.line + 1, event.start_mark.column + 1, problem.message)
    return problem


def _structural_problems(path: Path, root: yaml.Node) -> list[Problem]:
    """Aliases, unknown tags and duplicate keys anywhere in the tree."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            # An alias: the composer shares the node. Refusing aliases also refuses
            # "billion laughs" files, whose expansion would never end. One report
            # is enough: the rest are the same mistake.
            if not any(problem.message == ALIAS_MESSAGE for problem in problems):
                problems.append(at(path, node, ALIAS_MESSAGE))
            continue
        seen.add(id(node))
        if node.tag not in STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            problems.append(at(path, node, f"YAML tag '{tag}' is not allowed; statement files hold plain data"))
            continue
        if isinstance(node, yaml.MappingNode):
            problems.extend(_duplicate_keys(path, node))
            for key, value in node.value:
                stack.extend((value, key))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return problems


def _duplicate_keys(path: Path, mapping: yaml.MappingNode) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for key, _ in mapping.value:
        if not isinstance(key, yaml.ScalarNode):
            problems.append(at(path, key, "a key must be a plain word, not a list or mapping"))
            continue
        if key.value in first_line:
            problems.append(at(path, key, f"duplicate key '{key.value}' (first used on line {first_line[key.value]})"))
        else:
            first_line[key.value] = key.start_mark.line + 1
    return problems


def load(path: Path, data: bytes | None = None) -> tuple[yaml.Node | None, str, list[Problem]]:
    """Read (unless ``data``, its bytes, is given), decode and compose ``path``: its tree, its text and its problems.

    The tree is ``None``, with problems, when the file cannot be read; the text is empty when it cannot be decoded.
    """
    if data is None:
        read = read_input(path, MAX_STATEMENT_BYTES, "a statement file")
        if isinstance(read, Problem):
            return None, "", [read]
        data = read
    text, problems = decode(path, data)
    if text is None:
        return None, "", problems
    root, problems = _compose_visible(path, text)
    return root, text, problems


def _compose_visible(path: Path, text: str) -> tuple[yaml.Node | None, list[Problem]]:
    """:func:`compose`, after refusing the characters of ``text`` that are invisible or that YAML cannot read.

    Invisible characters leave a readable tree, so validation goes on and reports more.
    """
    refused = characters.problems(path, text)
    if characters.unreadable(text):
        return None, refused
    root, problems = compose(path, text)
    return root, refused + problems


def read_input(path: Path, max_bytes: int, noun: str, folder: Path | None = None) -> bytes | Problem:
    """The bytes of the input file ``path``, or the one problem that keeps it from being read.

    Only a regular file of at most ``max_bytes`` is read; ``noun`` names it in the
    message that refuses a larger one ("a statement file"). A folder, a named pipe or
    a device is refused before it is opened, so that none is read forever or waited
    on; the file is opened without waiting and looked at again once open, in case it
    was replaced in between. With ``folder``, a file whose real place (that of the
    file a symbolic link leads to) is outside ``folder`` is refused.
    """
    if folder is not None and not path.resolve().is_relative_to(folder.resolve()):
        return Problem(path, 1, 1, f"a symbolic link to {path.resolve()}, outside the project folder; copy the file in")
    try:
        refused = _refusal(path, os.stat(path), max_bytes, noun)
        if refused is not None:
            return refused
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(descriptor, "rb") as stream:
            refused = _refusal(path, os.fstat(descriptor), max_bytes, noun)
            if refused is not None:
                return refused
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:  # it grew since it was looked at
                return _refusal(path, os.fstat(descriptor), max_bytes, noun) or _too_large(path, max_bytes, noun)
    except OSError as error:
        return Problem(path, 1, 1, f"cannot read the file: {error.strerror}")
    return data


def _refusal(path: Path, status: os.stat_result, max_bytes: int, noun: str) -> Problem | None:
    """Why a file with ``status`` is not read, if it is not."""
    if not stat.S_ISREG(status.st_mode):
        return Problem(path, 1, 1, f"this is {kind_name(status.st_mode)}; {noun} must be a regular file")
    if status.st_size > max_bytes:
        return _too_large(path, max_bytes, noun, status.st_size)
    return None


def _too_large(path: Path, max_bytes: int, noun: str, size: int | None = None) -> Problem:
    has = "" if size is None else f" {size:,} bytes,"
    return Problem(path, 1, 1, f"the file has{has} more than {noun} may have ({max_bytes:,} bytes)")
