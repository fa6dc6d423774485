"""The generated part of ``docs/``, written all at once or not at all.

The generator owns exactly the folders in :data:`OWNED` under ``docs/`` (git
ignores them); every other file in ``docs/`` is hand-written and never touched.
A render builds the complete new tree in a hidden folder next to them, then
swaps each owned folder in by renaming, so the previous output stays as it was
until the new one is whole, and files of a removed statement disappear.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

OWNED = ("statements", "format", "commitments", "topics", "timeline", "data")
"""The folders under ``docs/`` that the generator owns."""

Tree = Mapping[PurePosixPath, str]
"""Generated files: a path under ``docs/`` (starting with an owned folder) and its text."""


def write_tree(docs: Path, tree: Tree) -> None:
    """Replace the owned folders of ``docs`` with exactly the files of ``tree``."""
    for path in tree:
        if path.parts[0] not in OWNED or ".." in path.parts:
            raise ValueError(f"{path} is not under a folder the generator owns")
    docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".render-", dir=docs) as scratch:
        new, old = Path(scratch, "new"), Path(scratch, "old")
        for owned in OWNED:
            (new / owned).mkdir(parents=True)
        old.mkdir()
        for path, text in tree.items():
            target = new.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        for owned in OWNED:
            if (docs / owned).exists():
                (docs / owned).rename(old / owned)
            (new / owned).rename(docs / owned)
        shutil.rmtree(old)
