"""SHA-256, the one hash of the edition: of a record's words, of a generated file, of a render's inputs."""

from __future__ import annotations

import hashlib


def sha256(data: bytes | str) -> str:
    """The SHA-256 of ``data`` (text in UTF-8), in hexadecimal."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def digest(*parts: bytes | str) -> str:
    """The SHA-256 of ``parts``, each length-prefixed so that no two lists collide."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()
