"""What a render can keep from the last one, decided by content hashes, never by timestamps.

``.cache/edition/`` under the project root (git ignores it) holds
``render-state.json``: what the last render wrote under ``docs/`` (see
:mod:`edition.build.output`) and, for each statement, the hash of everything its files
were made from (:mod:`edition.build.sources`), so unchanged statements are not rendered
again, and a render with nothing changed does nothing. It also holds ``lock``
while a command that writes runs (:mod:`edition.build.lock`).

The state is this program's own output on this machine; a missing, stale,
truncated or unreadable state is treated as absent (a full render). Deleting the
folder is always safe: the next render is a cold one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from edition.build.output import write_if_changed
from edition.digests import digest

FOLDER = Path(".cache") / "edition"
"""Where the cache lives, relative to the project root."""

_PACKAGE = Path(__file__).parent.parent
"""The ``edition`` package, every module of which may shape the output."""


def code_digest() -> str:
    """The hash of the code that makes the output: this package's modules and the citation styles it reads.

    Output made by other code, or with other styles, is never reused.
    """
    sources = sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.csl")])
    return digest(*(part for path in sources for part in (path.relative_to(_PACKAGE).as_posix(), path.read_bytes())))


def load_json(path: Path) -> dict[str, Any]:
    """A JSON object from ``path``; empty when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` atomically, unless the file already holds it."""
    write_if_changed(path, json.dumps(data, sort_keys=True).encode("utf-8"))
