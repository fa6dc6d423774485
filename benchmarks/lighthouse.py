#!/usr/bin/env python3
"""The first paint, as Lighthouse measures it, on every page the navigation links to and the statement page.

    python benchmarks/lighthouse.py [--lighthouse PATH] [--site DIR] [--runs 3] [--json PATH]

Without ``--site`` it copies the project (configuration, hand-written pages,
statements) into a temporary folder and builds it there (``python build_site.py
build``) for the address it then serves it at. The site is served on 127.0.0.1 with
gzip, as GitHub Pages serves it (``server.py``). Lighthouse 12.2.3 (``npm i -E
lighthouse@12.2.3`` in a folder outside the repository; ``--lighthouse`` names its
``node_modules/.bin/lighthouse``) runs with its defaults, a mid-range phone on a slow
4G network, simulated, in Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``,
headless), ``--runs`` times per page. For each page it prints the median of the runs
of each figure: the four scores, the first and the largest contentful paint, the total
blocking time, the cumulative layout shift and the bytes transferred; then which of
the targets (:data:`TARGETS`) every page meets.

Not part of the test run; the figures go on the Performance page.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml
from corpus import ROOT, SOURCE, copy_site
from measure import load_average, machine, run
from server import bound_server, serving

VERSION = "12.2.3"
"""The Lighthouse whose scores the targets are stated in (its scoring changes between versions)."""
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox"
"""Debian's Chromium, run as root in a container."""
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
STATEMENT_PAGE = f"statements/{SOURCE.stem}/"
"""The real statement's page, the one readers land on from a citation."""


@dataclass(frozen=True)
class Figures:
    """What one Lighthouse run (or the median of several) says of one page."""

    performance: float
    accessibility: float
    best_practices: float
    seo: float
    fcp_s: float
    """First contentful paint."""
    lcp_s: float
    """Largest contentful paint."""
    tbt_ms: float
    """Total blocking time."""
    cls: float
    """Cumulative layout shift."""
    transfer_kib: float
    """Every byte the page downloaded, as sent (gzipped where the server gzips)."""


@dataclass(frozen=True)
class Target:
    """A figure and the bound every page must meet."""

    label: str
    holds: Callable[[Figures], bool]


TARGETS = (
    Target("performance >= 98", lambda figures: figures.performance >= 98),
    Target("accessibility 100", lambda figures: figures.accessibility == 100),
    Target("best practices 100", lambda figures: figures.best_practices == 100),
    Target("SEO 100", lambda figures: figures.seo == 100),
    Target("largest contentful paint <= 1.5 s", lambda figures: figures.lcp_s <= 1.5),
)


def nav_pages(config: Path) -> list[str]:
    """The address, relative to the site, of every page the navigation of ``config`` (``mkdocs.yml``) links to."""
    pages: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                pages.append(page_address(str(value)))

    # mkdocs.yml holds !ENV tags, which a safe loader does not know: read the nav alone.
    text = config.read_text(encoding="utf-8")
    nav_text = text[text.index("\nnav:") :].split("\n\n", 1)[0]
    walk(yaml.safe_load(nav_text)["nav"])
    return pages


def page_address(source: str) -> str:
    """Where MkDocs (with directory URLs) publishes the page of ``source``: ``about.md`` at ``about/``."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def figures_of(report: dict[str, Any]) -> Figures:
    """The figures of one Lighthouse report (its JSON output)."""
    audits = report["audits"]

    def score(category: str) -> float:
        return round(100 * float(report["categories"][category]["score"]))

    def value(audit: str) -> float:
        return float(audits[audit]["numericValue"])

    return Figures(
        performance=score("performance"),
        accessibility=score("accessibility"),
        best_practices=score("best-practices"),
        seo=score("seo"),
        fcp_s=round(value("first-contentful-paint") / 1000, 2),
        lcp_s=round(value("largest-contentful-paint") / 1000, 2),
        tbt_ms=round(value("total-blocking-time")),
        cls=round(value("cumulative-layout-shift"), 3),
        transfer_kib=round(value("total-byte-weight") / 1024, 1),
    )


def median(runs: list[Figures]) -> Figures:
    """Each figure's median over ``runs`` (figure by figure, so not necessarily one run's)."""
    columns = {name: [asdict(figures)[name] for figures in runs] for name in asdict(runs[0])}
    return Figures(**{name: statistics.median(values) for name, values in columns.items()})


def lighthouse_run(lighthouse: str, url: str, output: Path) -> Figures:
    """One Lighthouse run over ``url`` with its defaults (mobile, simulated throttling); its figures."""
    command = [
        lighthouse,
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    result = run(command, cwd=output.parent, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.output[-4000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not load {url}: {report['runtimeError']['message']}")
    return figures_of(report)


def lighthouse_version(lighthouse: str) -> str:
    """The version ``lighthouse --version`` prints; exits with a line when it cannot be run."""
    try:
        result = subprocess.run([lighthouse, "--version"], capture_output=True, text=True, check=False)
    except OSError as error:
        sys.exit(f"cannot run {lighthouse}: {error.strerror}; install it: npm i -E lighthouse@{VERSION}")
    return result.stdout.strip()


def built_site(folder: Path, site_url: str) -> Path:
    """The project copied into ``folder`` and built for ``site_url``; its ``site/``."""
    copy_site(ROOT, folder)
    shutil.copytree(ROOT / "statements", folder / "statements")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    environment.pop("REPORT_URL", None)
    result = run([sys.executable, str(ROOT / "build_site.py"), "build"], cwd=folder, env=environment)
    if result.returncode != 0:
        sys.exit(f"the site did not build (exit {result.returncode}):\n{result.output[-4000:]}")
    return folder / "site"


def report(results: dict[str, Figures]) -> str:
    """The figures as a Markdown table, then each target and the pages that miss it."""
    lines = [
        "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transferred |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for page, figures in results.items():
        lines.append(
            f"| /{page} | {figures.performance:g} | {figures.accessibility:g} | {figures.best_practices:g} | "
            f"{figures.seo:g} | {figures.fcp_s:.2f} s | {figures.lcp_s:.2f} s | {figures.tbt_ms:g} ms | "
            f"{figures.cls:g} | {figures.transfer_kib:.1f} KiB |"
        )
    lines.append("")
    for target in TARGETS:
        missed = [f"/{page}" for page, figures in results.items() if not target.holds(figures)]
        lines.append(f"- {target.label}: " + (f"missed by {', '.join(missed)}" if missed else "holds on every page"))
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    arguments.add_argument(
        "--lighthouse",
        default=shutil.which("lighthouse") or "lighthouse",
        help=f"the lighthouse command (npm i -E lighthouse@{VERSION}: node_modules/.bin/lighthouse)",
    )
    arguments.add_argument("--site", type=Path, help="a site already built (default: build the project)")
    arguments.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown (default 3)")
    arguments.add_argument("--pages", nargs="+", help="addresses relative to the site (default: all)")
    arguments.add_argument("--json", type=Path, help="also write every run's figures as JSON")
    arguments.add_argument("--reports", type=Path, help="keep Lighthouse's own report of every run in this folder")
    return arguments


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    version = lighthouse_version(options.lighthouse)
    if version != VERSION:
        sys.exit(f"{options.lighthouse} is Lighthouse {version or '(unknown)'}; the targets are Lighthouse {VERSION}")
    about = machine()
    about["lighthouse"] = version
    about["load average at start (1, 5, 15 min)"] = load_average()
    pages = options.pages or [*nav_pages(ROOT / "mkdocs.yml"), STATEMENT_PAGE]
    runs: dict[str, list[Figures]] = {}
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="lighthouse-")))
        sent: list[tuple[str, int]] = []
        server = bound_server(options.site or folder / "project" / "site", sent)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        if options.site is None:
            built_site(folder / "project", base)
        stack.enter_context(serving(server))
        for page in pages:
            reports = options.reports or folder
            reports.mkdir(parents=True, exist_ok=True)
            outputs = [
                reports / f"{page.strip('/').replace('/', '-') or 'home'}-{run}.json" for run in range(options.runs)
            ]
            runs[page] = [lighthouse_run(options.lighthouse, base + page, output) for output in outputs]
            print(f"/{page}: {median(runs[page])}", file=sys.stderr)
    about["load average at end (1, 5, 15 min)"] = load_average()
    for key, value in about.items():
        print(f"- {key}: {value}")
    print()
    results = {page: median(page_runs) for page, page_runs in runs.items()}
    print(report(results))
    if options.json:
        data = {page: [asdict(figures) for figures in page_runs] for page, page_runs in runs.items()}
        options.json.write_text(json.dumps({"machine": about, "runs": data}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
