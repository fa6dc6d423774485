"""What a render can keep from the last one, decided by content hashes, never by timestamps.

Two things live in ``.cache/edition/`` under the project root (git ignores it):

* ``render-state.json``: what the last render wrote under ``docs/`` (see
  :mod:`edition.output`) and, for each statement, the hash of everything its files
  were made from (:mod:`edition.sources`), so unchanged statements are not read or
  rendered again;
* ``listings.pickle``: what the pages that list statements show of each one
  (:class:`edition.listings.Listing`, pickled on its own by the worker that made it),
  with that same hash, so that those pages can be made again without reading the
  statements that did not change.

Both are this program's own output on this machine; a missing, stale or unreadable
cache is simply rebuilt. While a render runs, ``staging-<process id>/`` holds the
files of statements new to ``docs/`` until they are moved there (see
:mod:`edition.generation`).

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
class ListingCache:
    """Each statement's listing, by statement id, with the hash of what it was made from."""

    path: Path
    """The pickle file."""
    entries: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Statement id → (hash, pickled listing)."""
    changed: bool = False
    """Whether :meth:`save` has something to write."""

    @classmethod
    def open(cls, root: Path) -> ListingCache:
        """The cache of the project at ``root``; empty when there is none or it cannot be read."""
        path = root / FOLDER / "listings.pickle"
        try:
            with path.open("rb") as file:
                entries = pickle.load(file)
            if isinstance(entries, dict):
                return cls(path, entries=entries)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        return cls(path)

    def get(self, statement_id: str, key: str) -> Any | None:
        """The listing of ``statement_id`` when its hash was ``key``, if cached and readable."""
        entry = self.entries.get(statement_id)
        if entry is None or entry[0] != key:
            return None
        try:
            return pickle.loads(entry[1])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put(self, statement_id: str, key: str, listing: bytes) -> None:
        """Remember the pickled ``listing`` of ``statement_id``, made when its hash was ``key``."""
        self.entries[statement_id] = (key, listing)
        self.changed = True

    def keep_only(self, statement_ids: set[str]) -> None:
        """Forget the statements that are gone."""
        for statement_id in set(self.entries) - statement_ids:
            del self.entries[statement_id]
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
