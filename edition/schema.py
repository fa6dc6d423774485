"""The JSON Schema of statement files, made from :data:`edition.fileformat.STATEMENT`.

Editors that speak the YAML language server protocol pick it up from the first
line of a statement file::

    # yaml-language-server: $schema=statement.schema.json

The schema gives completion and early warnings; ``build_site.py check`` remains
the authority (it also checks what JSON Schema cannot say: dates that exist,
paragraph numbering, references to the statement's own documents, control
characters). The copy in ``statements/`` is kept current by a test; regenerate it with
``python -m edition.schema``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from edition.fileformat import STATEMENT

SCHEMA_FILE = Path("statements") / "statement.schema.json"
"""Where the schema lives in the repository, relative to the project root."""


def statement_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a statement file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Statement file",
        **STATEMENT.json_schema(),
    }


def schema_text() -> str:
    """The schema as the file holds it: indented JSON with a final newline."""
    return json.dumps(statement_schema(), indent=2, ensure_ascii=False) + "\n"


def main(root: Path) -> None:
    """Write the schema to ``statements/statement.schema.json`` under ``root``."""
    (root / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
