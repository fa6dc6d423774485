#!/usr/bin/env python3
"""Search at scale: Material's lunr search against Pagefind, on the same built site.

    python benchmarks/engines.py [--sizes 10 1000 10000] [--json PATH] [--workdir DIR]

For each size N it makes a project of N synthetic statements whose texts differ
(``corpus.py``; the real statement is there too), renders it, and builds it once
as it was built with Material's search: the ``search`` plugin on, its search box in
the header (the edition's box left out). The build runs in a child process that
times the search plugin's part (``lunr_build.py``): the time to build the lunr index.
Then Pagefind indexes the same site, timed as the build's hook runs it
(``edition/build/searchindex.py``). The site is served on 127.0.0.1 by a server that compresses
what a web server compresses (HTML, CSS, JavaScript, JSON), as GitHub Pages does,
and counts the bytes it sends. In Chromium, for each engine:

* bytes: what the search downloads for a first query, then for three more;
* time to the first result on a throttled network (Chrome DevTools' "Slow 4G":
  562.5 ms latency, 180,000 bytes/s down, 84,375 up), from the loaded home page
  to the first result, typed at once (lunr: drawn in Material's box; Pagefind: the
  first result and where it lands, as the edition's box computes it);
* quality: for the 20 queries of :func:`queries`, whether the first result lands on
  the target sentence, or on its paragraph.

Not part of the test run; the figures go on the Performance page.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from corpus import ROOT, SOURCE, country, make_project, statement_data, statement_id
from measure import load_average, machine, run
from server import bound_server, gzipped, serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
"""Chrome DevTools' "Slow 4G" preset: 1.6 Mbit/s down and 750 kbit/s up (times 0.9), 150 ms times 3.75."""
REAL_ID = SOURCE.stem
TIMEOUT_MS = 600_000
"""A first query at 10,000 statements on Slow 4G waits for tens of megabytes with lunr."""
MORE_QUERIES = ("condemn terrorism", "theatre missile defence", "Reykjavik")
"""The three queries after the first, for the bytes they download."""
LUNR_PLUGIN = "plugins:\n  - search:\n      fields:\n        title:\n          boost: 5\n"
"""Material's search plugin as ``mkdocs.yml`` configured it before Pagefind (titles weigh 5 times the text)."""


@dataclass(frozen=True)
class Query:
    """A query and the sentence it is taken from."""

    text: str
    statement: str
    """The id of the target statement."""
    sentence: str
    """The target sentence's anchor, ``para_N__cmt_M``."""

    @property
    def paragraph(self) -> str:
        return self.sentence.split("__", 1)[0]


REAL_QUERIES = (
    ("joint action at 20", "para_1__cmt_3"),
    ("condemn terrorism", "para_3__cmt_1"),
    ("Ministry of Foreign Affairs of the Russian Federation", "para_2__cmt_2"),
    ("deepest sympathies to the victims", "para_3__cmt_2"),
    ("stand up to new threats and risks", "para_1__cmt_1"),
    ("meeting in Reykjavik in May 2002", "para_2__cmt_4"),
    ("theatre missile defence", "para_4__cmt_3"),
    ("NATO and Russia face common threats", "para_4__cmt_1"),
    ('"shared democratic values"', "para_1__cmt_2"),
    ('"spirit of partnership"', "para_4__cmt_2"),
)
"""Ten queries from the real statement, each holding a word the synthetic statements vary (or Russia)."""
PARTNER_SENTENCES = (
    "para_1__cmt_1",
    "para_1__cmt_2",
    "para_1__cmt_3",
    "para_2__cmt_2",
    "para_2__cmt_3",
    "para_4__cmt_1",
    "para_4__cmt_2",
)
"""The sentences that name the partner, which a synthetic statement replaces by its own country."""


def synthetic_query(number: int, sentence: str) -> Query:
    """Five words of ``sentence`` of synthetic statement ``number``, around its country's name."""
    data = statement_data(number)
    paragraph, commitment = (int(part) for part in re.findall(r"\d+", sentence))
    text = data["paragraphs"][paragraph - 1]["commitments"][commitment - 1]["text"]
    words = [re.sub(r"^\W+|\W+$", "", word) for word in text.split()]
    at = next(i for i, word in enumerate(words) if country(number) in word)
    window = [word for word in words[max(0, at - 2) : at + 3] if word]
    return Query(" ".join(window), statement_id(number), sentence)


def queries(count: int) -> list[Query]:
    """The 20 queries for a corpus of ``count`` statements: ten from the real one, ten from synthetic ones.

    The synthetic targets are spread over the corpus (statements 1 to ``count``), each
    query five words around the statement's own country in one of the sentences that
    name it.
    """
    real = [Query(text, REAL_ID, sentence) for text, sentence in REAL_QUERIES]
    numbers = [1 + (count - 1) * i // 9 for i in range(10)]
    synthetic = [synthetic_query(n, PARTNER_SENTENCES[i % len(PARTNER_SENTENCES)]) for i, n in enumerate(numbers)]
    return real + synthetic


@dataclass
class EngineResult:
    """One engine's figures at one size."""

    first_query_bytes: int = 0
    more_queries_bytes: int = 0
    first_result_s: float = 0.0
    index_s: float = 0.0
    sentence_hits: int = 0
    paragraph_hits: int = 0
    landed: list[str] = field(default_factory=list)


@dataclass
class SizeResult:
    """The figures for one corpus size."""

    statements: int
    render_s: float
    build_s: float
    """The MkDocs build without the lunr plugin's part (the site build Pagefind runs after)."""
    lunr_build_s: float
    """The MkDocs build with Material's search plugin (the site as it was built before)."""
    build_peak_mib: float
    pagefind_peak_mib: float
    lunr: EngineResult
    pagefind: EngineResult
    pagefind_bundle_kib: float
    lunr_index_kib: float
    lunr_index_gzip_kib: float
    load: str = ""


def lunr_variant(project: Path) -> None:
    """The project's configuration as it was with Material's search: its plugin on, not Pagefind's, no edition box."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^plugins:\n  - edition-search\n", LUNR_PLUGIN, text, flags=re.MULTILINE)
    text = text.replace("    - navigation.top\n", "    - navigation.top\n    - search.highlight\n    - search.share\n")
    if "search:\n      fields" not in text or "edition-search" in text:
        sys.exit("the benchmark no longer knows how to turn mkdocs.yml back to Material's search")
    config.write_text(text, encoding="utf-8")
    (project / "overrides" / "partials" / "site-search.html").write_text("", encoding="utf-8")


def pagefind_command(project: Path, site: Path) -> tuple[list[str], float]:
    """The command the build's search plugin runs (``edition/build/searchindex.py``), and the seconds it takes to
    find the searchable pages (it reads the front matter of every page)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from edition.build import searchindex as hook

    files = get_files(load_config(config_file=str(project / "mkdocs.yml")))
    started = time.perf_counter()
    pages = hook.searchable_pages(files)
    seconds = time.perf_counter() - started
    command: list[str] = hook.pagefind_command(site, pages)
    return command, seconds


def environment(site_url: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}


def checked(result: Any, what: str) -> Any:
    if result.returncode != 0:
        sys.exit(f"{what} failed (exit {result.returncode}):\n{result.output[-4000:]}")
    return result


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def kib(size: int) -> float:
    return round(size / 1024, 1)


def bytes_for(sent: list[tuple[str, int]], engine: str) -> int:
    """The bytes the server sent for ``engine``'s search (its index, scripts and chunks)."""
    if engine == "pagefind":
        return sum(size for path, size in sent if "/pagefind/" in path)
    return sum(size for path, size in sent if "/search/" in path or "/workers/" in path)


def throttled(page: Page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_4G)


LUNR_TOP = """list => {
    const item = list.querySelector("li.md-search-result__item");
    if (!item) return null;
    let best = null, score = -1;
    for (const link of item.querySelectorAll("a.md-search-result__link")) {
        const value = Number(link.querySelector("article").dataset.mdScore);
        if (value > score) { best = link.href; score = value; }
    }
    return best;
}"""
"""Where Material's first result leads: the best-scoring link of the first page listed."""


def lunr_search(page: Page, query: str) -> str | None:
    """Type ``query`` into Material's box; where its first result leads (``None``: no result)."""
    from playwright.sync_api import expect

    search = page.locator("input.md-search__input")
    search.fill("")
    search.press("End")
    search.fill(query)
    search.press("End")  # Material searches on keyup
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile("matching|No matching"), timeout=TIMEOUT_MS)
    page.wait_for_timeout(200)
    top: str | None = page.locator("ol.md-search-result__list").evaluate(LUNR_TOP)
    return top


PAGEFIND_FIRST = """async query => {
    const search = window.editionSearch;
    const found = await search.find(query, {});
    if (!found || !found.count) return null;
    const first = search.landing(await found.pages[0], query).url;
    window.editionSearchRest = Promise.all(found.pages);
    return first;
}"""
"""The edition's box for a query (``docs/assets/search.js``), up to its first result: the search, then where
the first result leads. The other results it shows go on loading. (The filters' values load only when the
reader asks for them.)"""


def pagefind_search(page: Page, query: str) -> str | None:
    """Search as the edition's box does; where the first result leads, once every result shown has loaded."""
    top: str | None = page.evaluate(PAGEFIND_FIRST, query)
    page.evaluate("() => window.editionSearchRest")
    return top


def landing(url: str | None) -> tuple[str, str]:
    """(statement id, fragment) of a result's address."""
    if url is None:
        return ("", "")
    parts = urlsplit(url)
    match = re.search(r"/statements/([^/]+)/", parts.path)
    return (match.group(1) if match else parts.path, parts.fragment)


def measure_engine(browser: Browser, url: str, sent: list[tuple[str, int]], engine: str, count: int) -> EngineResult:
    """Bytes, time to the first result (Slow 4G) and quality of ``engine`` on the site at ``url``."""
    result = EngineResult()
    context = browser.new_context()
    try:
        downloads(context.new_page(), url, sent, engine, queries(count)[0].text, result)
    finally:
        context.close()
    context = browser.new_context()
    try:
        quality(context.new_page(), url, engine, queries(count), result)
    finally:
        context.close()
    return result


def downloads(page: Page, url: str, sent: list[tuple[str, int]], engine: str, first: str, result: EngineResult) -> None:
    """On Slow 4G: the time from the loaded page to the first result of ``first``, and the bytes it took,
    then the bytes of three more queries."""
    throttled(page)
    sent.clear()  # lunr's index starts loading with the page, whether or not the reader searches
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    started = time.perf_counter()
    if engine == "lunr":
        page.locator("input.md-search__input").click()
        lunr_search(page, first)
    else:
        page.evaluate(PAGEFIND_FIRST, first)
    result.first_result_s = round(time.perf_counter() - started, 2)
    if engine != "lunr":
        page.evaluate("() => window.editionSearchRest")
    page.wait_for_timeout(1000)  # anything the first query still loads
    result.first_query_bytes = bytes_for(sent, engine)
    sent.clear()
    for query in MORE_QUERIES:
        (lunr_search if engine == "lunr" else pagefind_search)(page, query)
    page.wait_for_timeout(1000)
    result.more_queries_bytes = bytes_for(sent, engine)


def quality(page: Page, url: str, engine: str, targets: list[Query], result: EngineResult) -> None:
    """Where the first result of each query lands: on the target sentence, or on its paragraph."""
    page.goto(url, wait_until="load")
    if engine == "lunr":
        page.locator("input.md-search__input").click()
    for query in targets:
        statement, fragment = landing((lunr_search if engine == "lunr" else pagefind_search)(page, query.text))
        result.landed.append(f"{statement}#{fragment}")
        if statement == query.statement:
            result.sentence_hits += fragment == query.sentence
            result.paragraph_hits += fragment in (query.sentence, query.paragraph)


def measure_size(count: int, folder: Path, browser: Browser) -> SizeResult:
    """Make, render and build a corpus of ``count`` statements, then measure both engines on it."""
    load_start = load_average()
    project = make_project(folder / f"corpus-{count}", count)
    lunr_variant(project)
    site = project / "site"
    sent: list[tuple[str, int]] = []
    server = bound_server(site, sent)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    env = environment(url)
    rendered = checked(run([sys.executable, str(ROOT / "build_site.py"), "render"], project, env), "render")
    built = checked(run([sys.executable, str(Path(__file__).with_name("lunr_build.py")), str(project)], project, env),
                    "mkdocs build")  # fmt: skip
    timing = json.loads(built.output.strip().splitlines()[-1])
    command, scan_s = pagefind_command(project, site)
    indexed = checked(run(command, project, env), "pagefind")
    index_file = site / "search" / "search_index.json"
    with serving(server) as base:
        lunr = measure_engine(browser, base, sent, "lunr", count)
        pagefind = measure_engine(browser, base, sent, "pagefind", count)
    lunr.index_s = round(timing["lunr_s"], 2)
    pagefind.index_s = round(scan_s + indexed.seconds, 2)
    return SizeResult(
        statements=count,
        render_s=round(rendered.seconds, 2),
        build_s=round(timing["build_s"] - timing["lunr_s"], 2),
        lunr_build_s=round(timing["build_s"], 2),
        build_peak_mib=round(built.peak_bytes / 2**20),
        pagefind_peak_mib=round(indexed.peak_bytes / 2**20),
        lunr=lunr,
        pagefind=pagefind,
        pagefind_bundle_kib=kib(folder_size(site / "pagefind")),
        lunr_index_kib=kib(index_file.stat().st_size),
        lunr_index_gzip_kib=kib(len(gzipped(index_file))),
        load=f"{load_start} at the start, {load_average()} at the end",
    )


def report(results: list[SizeResult]) -> str:
    """The figures as Markdown tables."""
    lines = [
        "| statements | engine | first query | three more | first result, Slow 4G | top result: sentence | "
        "sentence or paragraph | index built | share of the MkDocs build | share of render and build |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in results:
        for name, engine, build in (("lunr", size.lunr, size.lunr_build_s), ("Pagefind", size.pagefind, size.build_s)):
            whole = build + size.render_s + (engine.index_s if engine is size.pagefind else 0)
            lines.append(
                f"| {size.statements:,} | {name} | {engine.first_query_bytes / 1024:,.1f} KiB | "
                f"{engine.more_queries_bytes / 1024:,.1f} KiB | {engine.first_result_s:.2f} s | "
                f"{engine.sentence_hits}/20 | {engine.paragraph_hits}/20 | {engine.index_s:.2f} s | "
                f"{100 * engine.index_s / build:.1f} % of {build:.1f} s | {100 * engine.index_s / whole:.1f} % of "
                f"{whole:.1f} s |"
            )
    lines += [
        "",
        "| statements | render | MkDocs build, lunr plugin on (peak memory) | lunr index, stored / gzipped | "
        "Pagefind bundle on disk (peak memory) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size in results:
        lines.append(
            f"| {size.statements:,} | {size.render_s:.1f} s | "
            f"{size.lunr_build_s:.1f} s ({size.build_peak_mib:,.0f} MiB) | "
            f"{size.lunr_index_kib:,.1f} / {size.lunr_index_gzip_kib:,.1f} KiB | "
            f"{size.pagefind_bundle_kib:,.1f} KiB ({size.pagefind_peak_mib:,.0f} MiB) |"
        )
    lines.append("")
    for size in results:
        lines.append(f"{size.statements:,} statements, load average {size.load}")
        for name, engine in (("lunr", size.lunr), ("Pagefind", size.pagefind)):
            missed = [
                f"{query.text!r} -> {where}"
                for query, where in zip(queries(size.statements), engine.landed, strict=True)
                if where not in (f"{query.statement}#{query.sentence}", f"{query.statement}#{query.paragraph}")
            ]
            lines.append(f"  {name} missed: " + ("; ".join(missed) or "none"))
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    command.add_argument("--sizes", type=int, nargs="+", default=[10, 1000, 10000])
    command.add_argument("--json", type=Path, help="also write every figure as JSON")
    command.add_argument("--workdir", type=Path, help="make the corpora in DIR and keep them")
    return command


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(json.dumps(machine()), flush=True)
    results: list[SizeResult] = []
    with contextlib.ExitStack() as stack:
        folder = options.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="engines-")))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for count in options.sizes:
            results.append(measure_size(count, folder, browser))
            print(report(results[-1:]), flush=True)
            if options.json:
                options.json.write_text(json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8")
    print(report(results))
    print(f"median first result, Pagefind: {statistics.median(r.pagefind.first_result_s for r in results):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
