"""What a render can keep from the last one, decided by content hashes, never by timestamps.

``.cache/edition/`` under the project root (git ignores it) holds
``render-state.json``: what the last render wrote under ``docs/`` (see
:mod:`edition.output`) and, for each statement, the hash of everything its files
were made from (:mod:`edition.sources`), so unchanged statements are not rendered
again, and a render with nothing changed does nothing. It also holds ``lock``
while a command that writes runs (:mod:`edition.lock`).

The state is this program's own output on this machine; a missing, stale,
truncated or unreadable state is treated as absent (a full render). Deleting the
folder is always safe: the next render is a cold one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from edition.output import write_if_changed

FOLDER = Path(".cache") / "edition"
"""Where the cache lives, relative to the project root."""

_PACKAGE = Path(__file__).parent


def digest(*parts: bytes | str) -> str:
    """The SHA-256 of ``parts``, each length-prefixed so that no two lists collide."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def code_digest() -> str:
    """The hash of the code that makes the output: this package's modules and the citation styles it reads.

    Output made by other code, or with other styles, is never reused.
    """
    sources = sorted([*_PACKAGE.glob("*.py"), *_PACKAGE.glob("csl/*.csl")])
    return digest(*(part for path in sources for part in (path.name, path.read_bytes())))


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
