"""What a render can keep from the last one, decided by content hashes, never by timestamps.

Two things live in ``.cache/edition/`` under the project root (git ignores it):

* ``statements.pickle``: every valid statement as read last time, with the hash of
  its file's name and bytes and of this package's code. A file whose hash matches
  is not parsed again. The cache is this program's own output on this machine; a
  missing, stale or unreadable cache is simply rebuilt.
* ``render-state.json``: what the last render wrote under ``docs/`` (see
  :mod:`edition.output`) and, for each statement, the hash of everything its files
  were made from, so unchanged statements are not rendered again.

Deleting the folder is always safe: the next render is a cold one.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    """The hash of this package's source: output made by other code is never reused."""
    sources = sorted(_PACKAGE.glob("*.py"))
    return digest(*(part for path in sources for part in (path.name, path.read_bytes())))


@dataclass
class StatementCache:
    """Parsed statements by file name, each with the hash of what it was parsed from."""

    path: Path
    """The pickle file."""
    code: str = field(default_factory=lambda: code_digest())
    """The hash of the code that reads statements: part of every key."""
    entries: dict[str, tuple[str, Any]] = field(default_factory=dict)
    """File name → (hash, statement)."""
    changed: bool = False
    """Whether :meth:`save` has something to write."""

    @classmethod
    def open(cls, root: Path) -> StatementCache:
        """The cache of the project at ``root``; empty when there is none or it cannot be read."""
        path = root / FOLDER / "statements.pickle"
        try:
            with path.open("rb") as file:
                entries = pickle.load(file)
            if isinstance(entries, dict):
                return cls(path, entries=entries)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        return cls(path)

    def get(self, name: str, key: str) -> Any | None:
        """The statement read from ``name`` when its hash was ``key``, if cached."""
        entry = self.entries.get(name)
        return entry[1] if entry is not None and entry[0] == key else None

    def put(self, name: str, key: str, statement: Any) -> None:
        """Remember ``statement`` as read from ``name`` with hash ``key``."""
        self.entries[name] = (key, statement)
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget statements whose files are gone."""
        for name in set(self.entries) - names:
            del self.entries[name]
            self.changed = True

    def save(self) -> None:
        """Write the cache if it changed."""
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            with temporary.open("wb") as file:
                pickle.dump(self.entries, file, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.path)
            self.changed = False


def load_json(path: Path) -> dict[str, Any]:
    """A JSON object from ``path``; empty when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` atomically, unless the file already holds it."""
    text = json.dumps(data, sort_keys=True)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
