"""The site's search index: Pagefind run over the built site, after every MkDocs build.

The MkDocs plugin ``edition-search`` (:class:`SearchIndex`, registered in
``pyproject.toml`` and named under ``plugins:`` in ``mkdocs.yml``), so that ``mkdocs
build``, ``python build_site.py build`` and every build of ``python build_site.py
serve`` (whole or dirty: the site folder always holds every page) end with an index
of the pages as built. Pagefind writes its index and its scripts to ``site/pagefind/``: the search box
(``docs/assets/search.js``) loads them from the site itself, a few chunks a query.

Pagefind indexes what stands in ``data-pagefind-body`` (``overrides/main.html``), so
the pages kept out of search (``search: exclude: true`` in their front matter: the
lists that repeat every statement's words) would add nothing; but it would still
read them, and they are most of the site's HTML. It is given only the others
(:func:`glob`), found from the front matter of every page's source, which dirty
builds read too.

Under ``serve`` a rebuild does not wait for the index: ``edition/watch.py`` puts a
function under :data:`LATER` in the configuration's ``extra``, which runs the
indexing in a thread of its own once the browsers have reloaded; search finds the
edit a moment later.
"""

from __future__ import annotations

import functools
import logging
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils.meta import get_data

OUTPUT_SUBDIR = "pagefind"
"""Where the index goes, under the site folder; ``search.js`` loads ``pagefind/pagefind.js`` from there."""
EXCLUDED = ".headerlink"
"""What Pagefind leaves out besides ``data-pagefind-ignore``: the headings' ``¶`` permalinks (MkDocs' toc)."""
LATER = "search_index_later"
"""The key of ``extra`` under which ``serve`` hands over a function that runs the indexing later."""
FRONT_MATTER = "---"
"""The line that opens and closes a page's front matter."""

log = logging.getLogger("mkdocs.plugins.edition-search")


def front_matter(source: Path) -> str:
    """The front matter of a Markdown page, delimiters included, read line by line (no page body); or ``""``."""
    lines: list[str] = []
    with source.open(encoding="utf-8-sig") as stream:
        for line in stream:
            if not lines and line.rstrip() != FRONT_MATTER:
                return ""
            lines.append(line)
            if len(lines) > 1 and line.rstrip() == FRONT_MATTER:
                return "".join(lines)
    return ""


def searchable(source: Path) -> bool:
    """Whether the page is searched: not ``search: exclude: true`` in its front matter."""
    head = front_matter(source)
    if "exclude" not in head:  # most pages: no need to parse the YAML
        return True
    search = get_data(head)[1].get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def searchable_pages(files: Any) -> dict[str, bool]:
    """Every page of MkDocs' ``files``, by the path of its HTML under the site: whether search indexes it."""
    return {file.dest_uri: searchable(Path(file.abs_src_path)) for file in files.documentation_pages()}


def glob(pages: dict[str, bool]) -> str:
    """Pagefind's glob for the searchable ``pages``: a folder of the site at once when it holds no other page."""
    mixed = {PurePosixPath(path).parts[0] for path, indexed in pages.items() if not indexed}
    patterns = set()
    for path, indexed in pages.items():
        top = PurePosixPath(path).parts[0]
        if indexed:
            patterns.add(path if top in mixed or top == path else f"{top}/**/*.html")
    return "{" + ",".join(sorted(patterns)) + "}"


def pagefind_command(site_dir: Path, pages: dict[str, bool] | None = None) -> list[str]:
    """The command that indexes ``site_dir`` (the searchable ``pages`` alone, when given), errors only."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR]
    if pages:
        command += ["--glob", glob(pages)]
    return [*command, "--exclude-selectors", EXCLUDED, "--silent"]


def index(site_dir: Path, pages: dict[str, bool]) -> None:
    """Index the searchable ``pages`` of ``site_dir`` with Pagefind; :class:`PluginError` if it fails."""
    started = time.perf_counter()
    result = subprocess.run(pagefind_command(site_dir, pages), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {site_dir}: {(result.stderr or result.stdout).strip()}")
    log.info("Search index built by Pagefind in %.2f seconds", time.perf_counter() - started)


class Options(Config):  # type: ignore[no-untyped-call]  # MkDocs defines __init_subclass__ untyped
    """The plugin's options in ``mkdocs.yml``: it has none."""


class SearchIndex(BasePlugin[Options]):  # type: ignore[no-untyped-call]
    """The plugin: notes the pages of each build, then indexes the built site."""

    def __init__(self) -> None:
        self.pages: dict[str, bool] = {}
        """Every page of the current build, by the path of its HTML under the site: whether search indexes it."""

    def on_files(self, files: Any, *, config: Any) -> Any:
        """Note every page, and whether search indexes it."""
        self.pages = searchable_pages(files)
        return files

    def on_post_build(self, *, config: Any) -> None:
        """Index the built site with Pagefind (a failure fails the build), or hand the indexing to ``serve``."""
        job = functools.partial(index, Path(config["site_dir"]), dict(self.pages))
        later = config["extra"].get(LATER)
        if callable(later):
            later(job)
        else:
            job()
