#!/usr/bin/env python3
"""Search at scale: Material's lunr search against Pagefind, on the same built site.

    python benchmarks/engines.py [--sizes 0 10 1000 10000] [--engines lunr pagefind] [--json PATH] [--workdir DIR]

For each size N it makes a project of N synthetic statements whose texts differ
(``corpus.py``; the real statement is there too: size 0 is the real site alone),
renders it, and builds it as the edition builds it: MkDocs, then Pagefind (the
build's search plugin, ``edition/build/searchindex.py``, whose log line gives the
index's time). For lunr, a copy of the rendered project is built as it was built
with Material's search: the ``search`` plugin on, its search box in the header (the
edition's box left out), in a child process that times the search plugin's part
(``lunr_build.py``): the time to build the lunr index. Each site is served on
127.0.0.1 by a server that compresses what a web server compresses (HTML, CSS,
JavaScript, JSON), as GitHub Pages does, and counts the bytes it sends. In
Chromium, for each engine:

* bytes: what the search downloads for a first query, then for three more;
* time to the first result on a throttled network (Chrome DevTools' "Slow 4G":
  562.5 ms latency, 180,000 bytes/s down, 84,375 up), from the loaded home page
  to the first result, typed at once (lunr: drawn in Material's box; Pagefind: the
  first result and where it lands, as the edition's box computes it);
* quality: for the 20 queries of :func:`queries`, whether the first result lands on
  the target sentence, or on its paragraph.

And for Pagefind, what a reader waits for (:func:`typed_search`, the median of
:data:`TYPED_RUNS` runs, each in a fresh browser): on Slow 4G, the real statement's
page loaded and idle (the network quiet for half a second, Playwright's
"networkidle"), a click in the search box, :data:`TYPED_WORD` typed a key every
:data:`KEY_DELAY_MS`, until the first result for the whole word is in the page and
visible; with the bytes and requests search made before the click (while the page
was idle) and after it, and the waves of requests to the first result (a request in
wave n started only once one of wave n - 1 had ended). The same again with the click
as soon as the page has loaded (its ``load`` event), before it is idle: a reader who
searches at once.

With ``--workdir`` a corpus already built there (its ``site/`` holds Pagefind's
index) is reused as it stands, but for the search box's script and style, copied
from the checkout (``docs/assets/search.js``, ``search.css``): the 10,000 statements
take long to build, and a change to the box is measured without building again.

Not part of the test run; the figures go on the Performance page.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
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

from edition.build.searchindex import INDEXED
from edition.urls import SEARCH_INDEX

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request

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
ENGINES = ("lunr", "pagefind")
TYPED_WORD = "terrorism"
"""The word typed into the box: a word of the real statement, and of about a quarter of the synthetic ones."""
KEY_DELAY_MS = 100
"""A reader typing: a key every 100 ms."""
TYPED_RUNS = 3
"""How many times the word is typed, each in a fresh browser context; the median is shown."""
STATEMENT_PAGE = f"statements/{SOURCE.stem}/"
"""The page the word is typed on: the real statement's, under the site's root."""
SEARCH_ASSETS = ("search.js", "search.css")
"""The search box's script and style under ``docs/assets/``, copied into a reused site (see the module's notes)."""
CLICKED_ONCE = {"networkidle": "is idle", "load": "has loaded"}
"""What the click waited for, said in the report."""
INDEX_LOG = re.compile(re.escape(INDEXED) + r" in ([0-9.]+) seconds")
"""The build's line that says how long Pagefind took (``edition/build/searchindex.py``)."""
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
    name it. Without synthetic statements, the ten from the real one alone.
    """
    real = [Query(text, REAL_ID, sentence) for text, sentence in REAL_QUERIES]
    if count == 0:
        return real
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
class TypedRun:
    """One run of :func:`typed_search`."""

    first_result_s: float
    """From the click in the box to the first result shown."""
    idle_bytes: int
    """What the server sent for search before the click, while the page loaded (and was idle)."""
    idle_requests: int
    query_bytes: int
    """What search downloaded from the click until every result shown had loaded."""
    query_requests: int
    """Search's requests that ended after the click (some may have started before, on a page not yet idle)."""
    to_first_requests: int
    """Of those, the requests that started before the first result was shown."""
    waves: int
    """How many waves those requests came in: a request of wave n started once one of wave n - 1 had ended."""


@dataclass
class TypedSearch:
    """The word typed into the statement page's box: the run of median time, and every run's time."""

    waited_for: str
    """What the click waited for: the page's ``load`` event, or the network quiet (``networkidle``)."""
    median: TypedRun
    runs_s: list[float] = field(default_factory=list)
    load: str = ""


@dataclass
class SizeResult:
    """The figures for one corpus size."""

    statements: int
    render_s: float
    """The render (0: a corpus reused from ``--workdir``, not rendered in this run)."""
    build_s: float
    """The MkDocs build without its search index (Pagefind's part taken out)."""
    lunr_build_s: float
    """The MkDocs build with Material's search plugin (the site as it was built before); 0 without lunr."""
    build_peak_mib: float
    pagefind_peak_mib: float
    """The peak memory of the edition's build, which runs Pagefind."""
    lunr: EngineResult | None
    pagefind: EngineResult
    typed: list[TypedSearch]
    """The click once the page is idle, then as soon as it has loaded."""
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
        return sum(size for path, size in sent if f"/{SEARCH_INDEX}" in path)
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


FIRST_SHOWN = """word => {
    window.benchClickedAt = null;
    document.addEventListener("pointerdown", event => {
        window.benchClickedAt = performance.timeOrigin + event.timeStamp;
    }, { capture: true, once: true });
    const selector = `ol.md-search-result__list[data-query="${CSS.escape(word)}"] a.md-search-result__link`;
    window.benchShownAt = new Promise(resolve => {
        const observer = new MutationObserver(() => {
            const link = document.querySelector(selector);
            if (link !== null && link.checkVisibility()) {
                observer.disconnect();
                resolve(performance.timeOrigin + performance.now());
            }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
}"""
"""Note the time of the first click (its event's), and of the first result for ``word`` in the page and visible
(checked at every change of the page), on the clock of the requests' timings (milliseconds since 1970)."""
ALL_LOADED = """word => window.editionSearch.find(word, {}).then(found => found && Promise.all(found.pages))"""
"""Every result the box shows for ``word`` loaded (Pagefind keeps what it loaded: the box's own loads end)."""


def is_search(path: str) -> bool:
    """Whether a request is search's: a file of Pagefind's folder."""
    return f"/{SEARCH_INDEX}" in path


def waves(spans: list[tuple[float, float]]) -> int:
    """How many waves the requests of ``spans`` (start, end) came in: a request is of wave n + 1 when the highest
    wave of the requests that had ended when it started is n; 0 for none."""
    wave: list[tuple[float, int]] = []
    for start, end in sorted(spans):
        wave.append((end, 1 + max((n for ended, n in wave if ended <= start), default=0)))
    return max((n for _, n in wave), default=0)


def typed_run(browser: Browser, url: str, sent: list[tuple[str, int]], waited_for: str) -> TypedRun:
    """Type :data:`TYPED_WORD` in the box of the statement page at ``url`` on Slow 4G, once it has reached the
    state ``waited_for`` (Playwright's: ``load`` or ``networkidle``)."""
    context = browser.new_context()
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        page = context.new_page()
        throttled(page)
        sent.clear()
        page.goto(url + STATEMENT_PAGE, wait_until=waited_for, timeout=TIMEOUT_MS)  # type: ignore[arg-type]
        idle_bytes = bytes_for(sent, "pagefind")
        idle_requests = sum(is_search(urlsplit(request.url).path) for request in finished)
        sent.clear()
        page.evaluate(FIRST_SHOWN, TYPED_WORD)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(TYPED_WORD, delay=KEY_DELAY_MS)
        shown_at: float = page.evaluate("() => window.benchShownAt")
        clicked_at: float = page.evaluate("() => window.benchClickedAt")
        page.evaluate(ALL_LOADED, TYPED_WORD)
        query_bytes = bytes_for(sent, "pagefind")
    finally:
        context.close()
    spans = []
    for request in finished:
        timing = request.timing
        end = timing["startTime"] + timing["responseEnd"]
        if is_search(urlsplit(request.url).path) and end > clicked_at:  # with those still loading at the click
            spans.append((timing["startTime"], end))
    before_first = [span for span in spans if span[0] < shown_at]
    return TypedRun(
        first_result_s=round((shown_at - clicked_at) / 1000, 2),
        idle_bytes=idle_bytes,
        idle_requests=idle_requests,
        query_bytes=query_bytes,
        query_requests=len(spans),
        to_first_requests=len(before_first),
        waves=waves(before_first),
    )


def typed_search(browser: Browser, url: str, sent: list[tuple[str, int]], waited_for: str) -> TypedSearch:
    """:func:`typed_run` :data:`TYPED_RUNS` times: the run of median time, and the times of all."""
    load = load_average()
    runs = sorted(
        (typed_run(browser, url, sent, waited_for) for _ in range(TYPED_RUNS)), key=lambda run: run.first_result_s
    )
    return TypedSearch(
        waited_for=waited_for,
        median=runs[len(runs) // 2],
        runs_s=[run.first_result_s for run in runs],
        load=f"{load} at the start, {load_average()} at the end",
    )


@dataclass(frozen=True)
class Built:
    """The figures of an edition build of a corpus (0 where the corpus was reused from an earlier run)."""

    render_s: float = 0.0
    build_s: float = 0.0
    """The MkDocs build, Pagefind's part taken out."""
    index_s: float = 0.0
    """Pagefind's part, as the build logged it."""
    peak_mib: float = 0.0


def edition_site(project: Path, count: int, env: dict[str, str], reuse: bool) -> Built:
    """The corpus of ``count`` statements in ``project`` made, rendered and built as the edition builds it; or,
    when ``reuse`` and it is built already, the search box's files brought up to date (the module's notes)."""
    site = project / "site"
    if reuse and (site / "pagefind" / "pagefind-entry.json").is_file():
        for name in SEARCH_ASSETS:
            shutil.copy2(ROOT / "docs" / "assets" / name, site / "assets" / name)
        return Built()
    make_project(project, count)
    rendered = checked(run([sys.executable, str(ROOT / "build_site.py"), "render"], project, env), "render")
    built = checked(run([sys.executable, "-m", "mkdocs", "build", "--strict"], project, env), "mkdocs build")
    logged = INDEX_LOG.search(built.output)
    if logged is None:
        sys.exit("the build no longer says how long Pagefind took")
    index_s = float(logged.group(1))
    return Built(
        round(rendered.seconds, 2), round(built.seconds - index_s, 2), index_s, round(built.peak_bytes / 2**20)
    )


def lunr_site(project: Path, lunr_project: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """The rendered ``project`` copied to ``lunr_project`` and built with Material's search (:func:`lunr_variant`):
    the build's seconds, lunr's part of them and the peak memory in MiB."""
    if lunr_project.exists():
        shutil.rmtree(lunr_project)
    shutil.copytree(project, lunr_project, ignore=shutil.ignore_patterns("site"))
    lunr_variant(lunr_project)
    built = checked(run([sys.executable, str(Path(__file__).with_name("lunr_build.py")), str(lunr_project)],
                        lunr_project, env), "mkdocs build")  # fmt: skip
    timing = json.loads(built.output.strip().splitlines()[-1])
    return timing["build_s"], timing["lunr_s"], built.peak_bytes / 2**20


def measure_size(count: int, folder: Path, browser: Browser, engines: list[str], reuse: bool) -> SizeResult:
    """Make, render and build a corpus of ``count`` statements (or reuse it), then measure the ``engines`` on it."""
    load_start = load_average()
    project = folder / f"corpus-{count}"
    sent: list[tuple[str, int]] = []
    server = bound_server(project / "site", sent)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    env = environment(url)
    built = edition_site(project, count, env, reuse)
    with serving(server) as base:
        typed = [typed_search(browser, base, sent, waited_for) for waited_for in ("networkidle", "load")]
        pagefind = measure_engine(browser, base, sent, "pagefind", count)
    pagefind.index_s = built.index_s
    lunr = None
    lunr_build_s = lunr_peak_mib = 0.0
    lunr_index_kib = lunr_index_gzip_kib = 0.0
    if "lunr" in engines:
        lunr_project = folder / f"corpus-{count}-lunr"
        lunr_sent: list[tuple[str, int]] = []
        lunr_server = bound_server(lunr_project / "site", lunr_sent)
        lunr_url = f"http://127.0.0.1:{lunr_server.server_address[1]}/"
        lunr_build_s, lunr_s, lunr_peak_mib = lunr_site(project, lunr_project, environment(lunr_url))
        with serving(lunr_server) as base:
            lunr = measure_engine(browser, base, lunr_sent, "lunr", count)
        lunr.index_s = round(lunr_s, 2)
        index_file = lunr_project / "site" / "search" / "search_index.json"
        lunr_index_kib, lunr_index_gzip_kib = kib(index_file.stat().st_size), kib(len(gzipped(index_file)))
    return SizeResult(
        statements=count,
        render_s=built.render_s,
        build_s=built.build_s,
        lunr_build_s=round(lunr_build_s, 2),
        build_peak_mib=round(lunr_peak_mib),
        pagefind_peak_mib=built.peak_mib,
        lunr=lunr,
        pagefind=pagefind,
        typed=typed,
        pagefind_bundle_kib=kib(folder_size(project / "site" / "pagefind")),
        lunr_index_kib=lunr_index_kib,
        lunr_index_gzip_kib=lunr_index_gzip_kib,
        load=f"{load_start} at the start, {load_average()} at the end",
    )


def typed_report(results: list[SizeResult]) -> list[str]:
    """The word typed into the statement page's box (:func:`typed_search`), as a Markdown table."""
    lines = [
        "| statements | the click once the page | first result after the click, Slow 4G (each run) | before the "
        "click: search's requests, bytes | to the first result: requests, waves | the query in all: requests, bytes |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for size in results:
        for typed in size.typed:
            run = typed.median
            lines.append(
                f"| {size.statements:,} | {CLICKED_ONCE[typed.waited_for]} | {run.first_result_s:.2f} s "
                f"({', '.join(f'{s:.2f}' for s in typed.runs_s)}) | {run.idle_requests}, "
                f"{run.idle_bytes / 1024:,.1f} KiB | {run.to_first_requests}, {run.waves} | {run.query_requests}, "
                f"{run.query_bytes / 1024:,.1f} KiB |"
            )
    lines.append("")
    for size in results:
        lines += [
            f"{size.statements:,} statements, {typed.waited_for}: load average {typed.load}" for typed in size.typed
        ]
    return lines


def report(results: list[SizeResult]) -> str:
    """The figures as Markdown tables."""
    lines = [
        f"{TYPED_WORD!r} typed a key every {KEY_DELAY_MS} ms on the statement page (median of {TYPED_RUNS}):",
        "",
        *typed_report(results),
        "",
        "| statements | engine | first query | three more | first result, Slow 4G | top result: sentence | "
        "sentence or paragraph | index built | share of the MkDocs build | share of render and build |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in results:
        engines = (("lunr", size.lunr, size.lunr_build_s), ("Pagefind", size.pagefind, size.build_s))
        for name, engine, build in engines:
            if engine is None:
                continue
            whole = build + size.render_s + (engine.index_s if engine is size.pagefind else 0)
            targets = len(queries(size.statements))
            lines.append(
                f"| {size.statements:,} | {name} | {engine.first_query_bytes / 1024:,.1f} KiB | "
                f"{engine.more_queries_bytes / 1024:,.1f} KiB | {engine.first_result_s:.2f} s | "
                f"{engine.sentence_hits}/{targets} | {engine.paragraph_hits}/{targets} | {engine.index_s:.2f} s | "
                + (f"{100 * engine.index_s / build:.1f} % of {build:.1f} s | {100 * engine.index_s / whole:.1f} % of "
                   f"{whole:.1f} s |" if build else "(reused) | (reused) |")
            )  # fmt: skip
    lines += [
        "",
        "| statements | render | MkDocs build, lunr plugin on (peak memory) | lunr index, stored / gzipped | "
        "Pagefind bundle on disk (peak memory of the edition's build) |",
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
            if engine is None:
                continue
            missed = [
                f"{query.text!r} -> {where}"
                for query, where in zip(queries(size.statements), engine.landed, strict=True)
                if where not in (f"{query.statement}#{query.sentence}", f"{query.statement}#{query.paragraph}")
            ]
            lines.append(f"  {name} missed: " + ("; ".join(missed) or "none"))
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    command.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10, 1000, 10000],
        help="synthetic statements besides the real one (0: the real site alone)",
    )
    command.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    command.add_argument("--json", type=Path, help="also write every figure as JSON")
    command.add_argument("--workdir", type=Path, help="make the corpora in DIR and keep them; reuse those built there")
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
            results.append(measure_size(count, folder, browser, options.engines, options.workdir is not None))
            print(report(results[-1:]), flush=True)
            if options.json:
                options.json.write_text(json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8")
    print(report(results))
    idle = [result.typed[0].median.first_result_s for result in results]
    print(f"median first result after the click on an idle page, Pagefind: {statistics.median(idle):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
