#!/usr/bin/env python3
"""One ``mkdocs build --strict`` of PROJECT, timing the part that Material's search plugin takes.

    python benchmarks/lunr_build.py PROJECT

Prints one line of JSON: the build's wall time and the time spent in the search
plugin's event handlers (indexing every page, writing ``search/search_index.json``):
the time to build the lunr index. Run by ``engines.py`` in a child process of its own.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands.build import build
from mkdocs.config import load_config


def timed(method: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    """``method``, adding the time each call takes to ``spent[0]``."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    return wrapper


def main(project: Path) -> dict[str, float]:
    """Build ``project`` strictly; the wall time and the search plugin's share of it, in seconds."""
    spent = [0.0]
    for name in dir(SearchPlugin):
        if name.startswith("on_"):  # before the configuration is loaded, which registers the handlers
            setattr(SearchPlugin, name, timed(getattr(SearchPlugin, name), spent))
    started = time.perf_counter()
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=True)
    if not isinstance(config.plugins.get("material/search") or config.plugins.get("search"), SearchPlugin):
        raise SystemExit("Material's search plugin is not configured")
    build(config)
    return {"build_s": time.perf_counter() - started, "lunr_s": spent[0]}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
