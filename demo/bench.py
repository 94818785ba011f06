"""``make bench``: the public pages under load at N products, on PostgreSQL, gunicorn and wrk.

For each size: a PostgreSQL database ``ocop_bench_<N>`` (created, or reused when it holds the
N products), migrated and filled by ``load_demo_data --products N``; static files collected
into a temporary directory; then, per mode (cold, warm) and per page, a fresh gunicorn with
production settings, two requests to check the page answers 200 and warm both workers, and
wrk against 127.0.0.1. Query counts come from ``manage.py bench_queries`` (Django's test
client in a process on the same database). Every step that runs the project runs it as a
subprocess with the bench's environment, so the bench never touches the caller's database.

gunicorn runs in its own process group and is stopped after each page and in a ``finally``,
so nothing is left listening after the bench, whether it ends, fails or is interrupted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from demo import bench_report
from demo.bench_tools import (
    HOST,
    WORKERS,
    BenchError,
    cancel_queries,
    create_database,
    ensure_wrk,
    gunicorn,
    interrupt_on_sigterm,
    manage,
    product_count,
    server_version,
    status,
    vacuum_analyze,
    versions,
)
from producers import catalog_version
from producers.models import Province
from products.models import Product

BASELINE = "robots"
BASELINE_AGAIN = "robots_again"
PAGE_KEYS = (
    BASELINE,
    "home",
    "list",
    "filtered",
    "search",
    "search_long",
    "deep_page",
    "product",
    "producer",
    "province",
    "sitemap_index",
    "sitemap_section",
)
# Each request a distinct URL (cold mode): a query parameter the catalog ignores.
DISTINCT_URLS_LUA = """\
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
function request()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "nocache=" .. thread_id .. "-" .. counter)
end
"""


@dataclass(frozen=True)
class Page:
    key: str
    label: str  # in the tables: the path, or words when the path depends on the data
    path: str


@dataclass(frozen=True)
class BenchOptions:
    sizes: list[int]
    modes: list[str]
    duration: int = 10
    connections: int = 8
    threads: int = 2
    timeout: int = 60
    pages: list[str] | None = None  # page keys; None for all
    postgres: str = "postgres://postgres@127.0.0.1:5432"
    cache_url: str = "redis://127.0.0.1:6379/1"
    output: Path | None = None  # docs/performance.md; None: print only
    title: str = "Latest run"


# Pages: the same list for the bench and the smoke test ------------------------------------------


def bench_pages() -> list[Page]:
    """The benchmarked public pages; the product and producer pages are picked from the database.

    The product: the first (by slug) published four-star product of Hà Tĩnh with a valid
    certificate, or failing that the first published product; the producer: its producer.
    The baseline, ``/robots.txt``, comes first.
    """
    today = timezone.localdate()
    published = Product.objects.published().select_related("producer").order_by("slug")
    product = (
        published.certified_valid_on(today).filter(producer__province__slug="ha-tinh", stars=4).first()
        or published.first()
    )
    if product is None:
        raise BenchError("No published product: build the data first (load_demo_data --products N).")
    province = Province.objects.filter(slug="ha-tinh").first() or Province.objects.order_by("code").first()
    with translation.override(settings.LANGUAGE_CODE):
        product_path, producer_path = product.get_absolute_url(), product.producer.get_absolute_url()
        province_path = province.get_absolute_url()
    return [
        Page(BASELINE, "/robots.txt", "/robots.txt"),
        Page("home", "/", "/"),
        Page("list", "/products/", "/products/"),
        Page("filtered", "/products/?province=ha-tinh&stars=4", "/products/?province=ha-tinh&stars=4"),
        Page("search", "/products/?q=nuoc+mam", "/products/?q=nuoc+mam"),
        Page("search_long", "/products/?q=keo+cu+do+ha+tinh", "/products/?q=keo+cu+do+ha+tinh"),
        Page("deep_page", "/products/?page=400", "/products/?page=400"),
        Page("product", "a product page", product_path),
        Page("producer", "a producer page", producer_path),
        Page("province", province_path, province_path),
        Page("sitemap_index", "/sitemap.xml", "/sitemap.xml"),
        Page("sitemap_section", "/sitemap-products.xml", "/sitemap-products.xml"),
    ]


def time_after_write(client: Client, pages: list[Page], *, repeat: int = 5) -> dict[str, float]:
    """Median milliseconds of a request to each page right after a write (nothing kept, in-process).

    Each write is a bump of the catalog version, which is what every save does to the page cache
    and the kept counts, cards and blocks: the request recomputes all of them.
    """
    results = {}
    for page in pages:
        times = []
        for _ in range(repeat):
            catalog_version.bump()
            started = time.perf_counter()
            client.get(page.path)
            times.append((time.perf_counter() - started) * 1000)
        results[page.key] = statistics.median(times)
    return results


def count_page_queries(client: Client, pages: list[Page], *, prime: bool = False) -> dict[str, dict]:
    """Status and number of SQL queries of one request to each page (after a first one if ``prime``)."""
    results = {}
    for page in pages:
        if prime:
            client.get(page.path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        results[page.key] = {"status": response.status_code, "queries": len(queries.captured_queries)}
    return results


# The run ------------------------------------------------------------------------------------------


def run_bench(options: BenchOptions, *, say: Callable[[str], None]) -> list[bench_report.RunResult]:
    """Build or reuse the data of every size, measure every page in every mode, write the report."""
    wrk = ensure_wrk(say)
    machine = bench_report.describe_machine(server_version(options.postgres))
    machine.versions = versions(wrk)
    say(f"Machine: {machine.cpu}, {machine.cores} cores; PostgreSQL {machine.postgresql}; {machine.versions}")
    say(f"Commit {machine.commit}; load average {_load_average()}")
    runs: list[bench_report.RunResult] = []
    with contextlib.ExitStack() as stack:
        stack.enter_context(interrupt_on_sigterm())
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ocop-bench-")))
        lua = workdir / "distinct-urls.lua"
        lua.write_text(DISTINCT_URLS_LUA)
        static_root = workdir / "static"
        for size in options.sizes:
            env = bench_env(options, size, static_root=static_root)
            build = prepare_database(options, size, env, say=say)
            if not static_root.exists():
                say("collectstatic")
                manage(env, "collectstatic", "--noinput", "-v0")
            for mode in options.modes:
                machine.load.append(_load_average())
                say(f"\n{size:,} products, {mode} (load average {machine.load[-1]})")
                pages = measure_mode(mode, env, options, wrk=wrk, lua=lua, say=say)
                runs.append(bench_report.RunResult(size=size, mode=mode, pages=pages, build=build))
                say("\n" + bench_report.table(runs[-1]))
        machine.load.append(_load_average())
    if options.output:
        write_report(options, machine, runs)
        say(f"\nWrote {options.output}")
    return runs


def measure_mode(
    mode: str, env: dict[str, str], options: BenchOptions, *, wrk: str, lua: Path, say: Callable[[str], None]
) -> list[bench_report.PageResult]:
    """Every page in one mode: cold is the page cache off and distinct URLs, warm the cache on."""
    env = {**env, "DJANGO_PAGE_CACHE": "1" if mode == "warm" else "0"}
    pages = probe_pages(env, options, mode=mode)
    # The baseline again at the end: how much the machine's speed moved during the mode.
    pages.append(dataclasses.replace(pages[0], key=BASELINE_AGAIN))
    results = []
    for page in pages:
        load = measure_page(page, env, options, wrk=wrk, lua=lua if mode == "cold" else None)
        p50, p99 = bench_report.format_ms(load.p50_ms), bench_report.format_ms(load.p99_ms)
        say(
            f"  {page.label:<40} {load.requests_per_second:>8.1f} req/s  p50 {p50:>9}  p99 {p99:>9}  "
            f"{page.queries:>3} queries  {load.requests} requests, {load.errors} errors"
        )
        results.append(
            bench_report.PageResult(
                page.key,
                page.label,
                page.path,
                page.queries,
                load,
                queries_after_write=page.queries_after_write,
                after_write_ms=page.after_write_ms,
            )
        )
    return results


def write_report(options: BenchOptions, machine: bench_report.Machine, runs: list) -> None:
    described = (
        f"gunicorn --workers {WORKERS}, wrk -t{options.threads} -c{options.connections} "
        f"-d{options.duration}s --timeout {options.timeout}s"
    )
    content = bench_report.section(options.title, machine, runs, options=described)
    key = "-".join(options.title.lower().split())
    bench_report.update_report(options.output, key=key, content=content, intro=bench_report.INTRO)


@dataclass(frozen=True)
class ProbedPage:
    key: str
    label: str
    path: str
    queries: int
    queries_after_write: int | None = None
    after_write_ms: float | None = None


def probe_pages(env: dict[str, str], options: BenchOptions, *, mode: str) -> list[ProbedPage]:
    """The pages with their paths in this database and their query counts; every one must answer 200."""
    args = ["bench_queries", "--clear-cache", "--prime", "--after-write"]
    data = json.loads(manage(env, *args, capture=True))
    probed = [
        ProbedPage(
            page["key"],
            page["label"],
            page["path"],
            page["queries"],
            page.get("queries_after_write"),
            page.get("after_write_ms"),
        )
        for page in data["pages"]
        if options.pages is None or page["key"] in options.pages or page["key"] == BASELINE
    ]
    failed = [f"{p['path']} answered {p['status']}" for p in data["pages"] if p["status"] != 200]
    if failed:
        raise BenchError("Pages that do not answer 200: " + "; ".join(failed))
    return probed


def measure_page(
    page: ProbedPage, env: dict[str, str], options: BenchOptions, *, wrk: str, lua: Path | None
) -> bench_report.WrkResult:
    """One page under wrk, on a gunicorn of its own (so no request left over from the page before)."""
    with gunicorn(env, timeout=options.timeout) as base_url:
        url = base_url + page.path
        # One request per worker at once: both answer 200 and have the page's code and data warm.
        with ThreadPoolExecutor(WORKERS) as pool:
            codes = list(pool.map(lambda _: status(url, options.timeout), range(WORKERS)))
        if any(code != 200 for code in codes):
            raise BenchError(f"{page.path} answered {codes} under gunicorn")
        command = [
            wrk,
            f"-t{min(options.threads, options.connections)}",
            f"-c{options.connections}",
            f"-d{options.duration}s",
            f"--timeout={options.timeout}s",
            "--latency",
        ]
        if lua:
            command += ["-s", str(lua)]
        result = subprocess.run([*command, url], capture_output=True, text=True, check=False)  # noqa: S603
    cancel_queries(env)
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {page.path} ({result.returncode}): {result.stderr or result.stdout}")
    return bench_report.parse_wrk(result.stdout)


# The database and the project's commands ---------------------------------------------------------


def bench_env(options: BenchOptions, size: int, *, static_root: Path) -> dict[str, str]:
    """Production settings on the bench's database: no DEBUG, a random key, 127.0.0.1 only."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in {"DATABASE_URL", "CACHE_URL", "SITE_URL"}
    }
    return {
        **inherited,
        "DATABASE_URL": f"{options.postgres.rstrip('/')}/{database_name(size)}",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "CACHE_URL": options.cache_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_MEDIA_ROOT": str(Path(settings.BASE_DIR) / "var" / "bench" / "media"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "SITE_URL": f"http://{HOST}",
        # wrk is one client address: the per-address budgets (120 searches, 60 sitemap pages a
        # minute) would answer 429 to most of its requests and measure the rate limiter instead.
        **{f"DJANGO_RATE_LIMIT_{name}": "100000000/60" for name in ("SEARCH", "SITEMAP", "LABEL")},
    }


def database_name(size: int) -> str:
    return f"ocop_bench_{size}"


def prepare_database(
    options: BenchOptions, size: int, env: dict[str, str], *, say: Callable[[str], None]
) -> str:
    """Create or reuse ``ocop_bench_<size>``, migrate it and build its data; says what was done."""
    name = database_name(size)
    if create_database(options.postgres, name):
        say(f"Created database {name}")
    say(f"Migrating {name}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_reference_data", "-v0")
    present = product_count(env["DATABASE_URL"])
    if present > size:
        raise BenchError(f"{name} holds {present:,} products, more than {size:,}: drop it and run again.")
    if present == size:
        say(f"{name} holds {size:,} products: reused")
        done = f"database `{name}` reused ({size:,} products)"
    else:
        say(f"Building {size:,} products in {name} (it holds {present:,})")
        started = time.monotonic()
        manage(env, "load_demo_data", f"--products={size}", "-v0", capture=True)
        seconds = time.monotonic() - started
        say(f"Built in {seconds:.0f} s")
        done = f"built in {seconds:.0f} s by `load_demo_data --products {size}` ({present:,} products before)"
    # Fresh bulk-loaded tables have no planner statistics until autovacuum comes by, and
    # without them PostgreSQL picks plans many times slower than a live database would run.
    vacuum_analyze(env["DATABASE_URL"])
    return done


def _load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"
