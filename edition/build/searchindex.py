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

Pagefind is given a time that grows with the number of pages it indexes
(:func:`time_limit`, from :mod:`edition.limits`): one that takes longer is stopped, with
every process it started, and the build fails. So does one that ends without an index
(:func:`index_fault`): a site without search is never published.

Under ``serve`` a rebuild does not wait for the index: ``edition/build/watch.py`` puts a
function under :data:`LATER` in the configuration's ``extra``, which runs the
indexing in a thread of its own once the browsers have reloaded; search finds the
edit a moment later, and a failure there is logged while serving goes on.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils.meta import get_data

from edition import urls
from edition.build import children
from edition.limits import PAGEFIND_BASE_SECONDS, PAGEFIND_SECONDS_PER_PAGE
from edition.problems import display_path, printable

PAGEFIND = [sys.executable, "-m", "pagefind"]
"""The program that indexes: Pagefind's Python package, which runs Pagefind's binary in its own place."""
OUTPUT_SUBDIR = urls.SEARCH_INDEX.rstrip("/")
"""Where the index goes, under the site folder; ``search.js`` loads ``pagefind/pagefind.js`` from there."""
SCRIPT = "pagefind.js"
"""Pagefind's script in :data:`OUTPUT_SUBDIR`, which the search box loads."""
ENTRY = "pagefind-entry.json"
"""The index's entry file in :data:`OUTPUT_SUBDIR`: how many pages each language's index holds."""
EXCLUDED = ".headerlink"
"""What Pagefind leaves out besides ``data-pagefind-ignore``: the headings' ``¶`` permalinks (MkDocs' toc)."""
LATER = "search_index_later"
"""The key of ``extra`` under which ``serve`` hands over a function that runs the indexing later."""
FRONT_MATTER = "---"
"""The line that opens and closes a page's front matter."""
INDEXED = "Search index built by Pagefind"
"""What the plugin logs once the index is made, followed by `` in N.NN seconds`` (the benchmarks read it)."""

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
    command = [*PAGEFIND, "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR]
    if pages:
        command += ["--glob", glob(pages)]
    return [*command, "--exclude-selectors", EXCLUDED, "--silent"]


def time_limit(pages: int) -> float:
    """How many seconds Pagefind is given to index ``pages`` pages."""
    return PAGEFIND_BASE_SECONDS + PAGEFIND_SECONDS_PER_PAGE * pages


def index(site_dir: Path, pages: dict[str, bool]) -> None:
    """Index the searchable ``pages`` of ``site_dir`` with Pagefind; :class:`PluginError` if it fails.

    It fails when Pagefind fails, takes longer than :func:`time_limit` (it is then
    stopped) or ends without an index of at least one page.
    """
    searched = sum(pages.values())
    seconds = time_limit(searched)
    started = time.perf_counter()
    result = run(pagefind_command(site_dir, pages), seconds)
    if result is None:
        noun = "page" if searched == 1 else "pages"
        raise PluginError(f"Pagefind did not finish in {seconds:g} s over {searched:,} {noun} and was stopped")
    if result.returncode != 0:
        how = ending(result.returncode)
        raise PluginError(f"Pagefind could not index {display_path(site_dir)} ({how}): {said(result)}")
    fault = index_fault(site_dir / OUTPUT_SUBDIR)
    if fault is not None:
        raise PluginError(f"Pagefind ended without a search index: {fault}")
    log.info("%s in %.2f seconds", INDEXED, time.perf_counter() - started)


def run(command: list[str], seconds: float) -> subprocess.CompletedProcess[str] | None:
    """Run ``command``, its output captured, in a process group of its own; ``None`` if it takes over ``seconds``.

    A command that takes too long is killed with every process of its group, and so
    is one running when this process is interrupted. On Linux the command is also
    killed when this process dies, as it would be in this process's own group: a
    ``build`` that is interrupted kills MkDocs at once, and Pagefind with it.
    """
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
        preexec_fn=children.dying_with(os.getpid()),
    ) as process:
        try:
            out, err = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            children.end_group(process)
            return None
        except BaseException:
            children.end_group(process)
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def ending(status: int) -> str:
    """How a process ended, from its exit status as :mod:`subprocess` gives it (``-N``: killed by signal ``N``)."""
    if status < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-status).name}"
    return f"exit status {status}"


def said(result: subprocess.CompletedProcess[str]) -> str:
    """What a process wrote, errors first, its lines on one printable line; or ``"no message"``."""
    lines = [printable(line.strip()) for line in f"{result.stderr}\n{result.stdout}".splitlines() if line.strip()]
    return "; ".join(lines) or "no message"


def index_fault(output: Path) -> str | None:
    """What is missing from the index in ``output`` (Pagefind's folder): its script, its entry file, or any
    page indexed; ``None`` when nothing is."""
    script, entry = output / SCRIPT, output / ENTRY
    if not script.is_file():
        return f"{display_path(script)} is missing"
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{display_path(entry)} is missing"
    except (OSError, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return f"{display_path(entry)} cannot be read: {printable(str(error))}"
    if indexed_pages(data) == 0:
        return f"{display_path(entry)} counts no page indexed"
    return None


def indexed_pages(entry: Any) -> int:
    """The pages indexed, according to Pagefind's entry file ``entry`` (parsed): the sum of each language's
    ``page_count``; 0 for a file not so made."""
    languages = entry.get("languages") if isinstance(entry, dict) else None
    if not isinstance(languages, dict):
        return 0
    counts = [language.get("page_count") for language in languages.values() if isinstance(language, dict)]
    return sum(count for count in counts if isinstance(count, int) and count > 0)


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
