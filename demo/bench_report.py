"""The benchmark's figures: wrk's output read into numbers, and the Markdown of docs/performance.md."""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

BASELINE_KEYS = ("robots", "robots_again")
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
MODES = {
    "cold": "cold: page cache off (`DJANGO_PAGE_CACHE=0`), each request a distinct URL",
    "warm": "warm: page cache on (`DJANGO_PAGE_CACHE=1`), each URL requested once before measuring",
}
INTRO = """\
# Performance of the public pages

Measured by `make bench` (`manage.py bench`, see the README): PostgreSQL holding N generated
products (`load_demo_data --products N`), gunicorn with production settings and 2 workers,
wrk from the same machine (8 connections, 10 s per page unless a run says otherwise).

How to read the tables:

- **vs. baseline** is the page's requests per second as a share of `/robots.txt`'s in the same
  run and mode. `/robots.txt` runs no query but goes through the same middleware and gunicorn,
  so the share is what the page costs beyond serving any request at all. The machine is shared
  with other work and its speed varies from run to run: compare shares, not raw req/s.
  `/robots.txt` runs first and again last; the baseline is the mean of the two, and the gap
  between them shows how much the machine's speed moved while the pages ran.
- **p50 / p99**: latency under that load (8 connections queue on 2 workers, so a slow page's
  latency is several times its own time). Requests wrk gave up on (timeouts) are not in them.
- **queries**: SQL queries one request runs, counted in-process with Django's test client on
  the same database: the second request of the URL (cold: with the counts, product keys,
  cards and page blocks kept per catalog version; warm: from the page cache).
- **after a write**: one request right after a write to the catalog, when nothing is kept
  (every save bumps the catalog version): the median time of 5 such requests in-process (no
  load, no HTTP) and the queries of that request. Visitors see this once per page per write;
  every later request, under any query string, is the cold row.
- **requests (errors)**: requests completed in the run; errors count non-2xx answers and timeouts.
- **cold** is the page cache off and each request a distinct URL (`?nocache=N`), so no whole
  page is ever served from a cache; the counts, product keys, product cards and page blocks
  kept per catalog version stay on, as in production. **warm** is the page cache on, each URL
  requested once first.

Targets (issue 8): cold at least 15% of the baseline with p99 under 300 ms; warm at least 50%
with p99 under 100 ms; at most 6 queries a page (the product list 8), the same at any size.
"""


@dataclass
class WrkResult:
    """One page's load test, as wrk reported it."""

    requests: int
    requests_per_second: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int = 0


@dataclass
class PageResult:
    key: str
    label: str
    path: str
    queries: int
    load: WrkResult
    queries_after_write: int | None = None
    after_write_ms: float | None = None


@dataclass
class RunResult:
    """Every page at one size in one mode."""

    size: int
    mode: str
    pages: list[PageResult]
    build: str = ""  # "built in 98 s" or "reused"

    @property
    def baseline(self) -> float:
        """Requests per second of ``/robots.txt``: the mean of its runs before and after the pages."""
        runs = [p.load.requests_per_second for p in self.pages if p.key in BASELINE_KEYS]
        return sum(runs) / len(runs) if runs else 0.0


@dataclass
class Machine:
    cpu: str
    cores: int
    ram_gb: float
    postgresql: str
    commit: str
    started: datetime.datetime
    versions: str = ""
    load: list[str] = field(default_factory=list)  # load averages seen during the run


def duration_ms(text: str) -> float:
    """wrk's "10.93ms", "1.02s", "450.00us" in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"Not a wrk duration: {text!r}")
    return float(match[1]) * UNITS_MS[match[2]]


def parse_wrk(output: str) -> WrkResult:
    """Requests, requests per second, p50, p99 and errors from ``wrk --latency``'s output."""

    def number(pattern: str) -> str | None:
        match = re.search(pattern, output, re.MULTILINE)
        return match[1] if match else None

    requests = int(number(r"(\d+) requests in") or 0)
    rps = number(r"^Requests/sec:\s+([\d.]+)")
    if rps is None:
        raise ValueError(f"wrk gave no result:\n{output}")
    errors = int(number(r"Non-2xx or 3xx responses: (\d+)") or 0)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    p50, p99 = number(r"^\s+50%\s+(\S+)"), number(r"^\s+99%\s+(\S+)")
    latencies_known = requests > 0 and p50 is not None and p99 is not None
    return WrkResult(
        requests=requests,
        requests_per_second=float(rps),
        p50_ms=duration_ms(p50) if latencies_known else None,
        p99_ms=duration_ms(p99) if latencies_known else None,
        errors=errors,
    )


def format_ms(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def format_share(share: float) -> str:
    """A percentage with two significant digits below 10%: 0.046% is not 0.0%."""
    percent = share * 100
    if percent < 1:
        return f"{percent:.2f}%"
    if percent < 10:
        return f"{percent:.1f}%"
    return f"{percent:.0f}%"


def format_rps(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def table(run: RunResult) -> str:
    """One Markdown table: a row per page."""
    lines = [
        "| page | req/s | vs. baseline | p50 | p99 | queries | after a write | requests (errors) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    baseline = run.baseline
    for page in run.pages:
        load = page.load
        share = load.requests_per_second / baseline if baseline else 0.0
        label = f"`{page.label}`" if page.label.startswith("/") else page.label
        if page.key == BASELINE_KEYS[0]:
            label += " (baseline, first)"
        elif page.key == BASELINE_KEYS[1]:
            label += " (baseline, again last)"
        errors = f" ({load.errors})" if load.errors else ""
        after_write = (
            f"{format_ms(page.after_write_ms)}, {page.queries_after_write} q."
            if page.after_write_ms is not None
            else "–"
        )
        lines.append(
            f"| {label} | {format_rps(load.requests_per_second)} | {format_share(share)} "
            f"| {format_ms(load.p50_ms)} | {format_ms(load.p99_ms)} | {page.queries} | {after_write} "
            f"| {load.requests:,}{errors} |"
        )
    return "\n".join(lines)


def section(title: str, machine: Machine, runs: list[RunResult], *, options: str) -> str:
    """The Markdown of one bench run: the machine, then a table per size and mode."""
    parts = [
        f"## {title}",
        "",
        f"- Measured {machine.started:%Y-%m-%d %H:%M} UTC on commit `{machine.commit}`; {options}.",
        f"- Machine: {machine.cpu}, {machine.cores} cores, {machine.ram_gb:.0f} GB RAM; "
        f"PostgreSQL {machine.postgresql}; {machine.versions}.",
    ]
    if machine.load:
        parts.append(f"- Load average (1 min) seen during the run: {', '.join(machine.load)}.")
    for run in runs:
        named = [f"{p.label} is `{p.path}`" for p in run.pages if not p.label.startswith("/")]
        parts += [
            "",
            f"### {run.size:,} products, {MODES[run.mode]}",
            "",
            f"Data: {run.build}." + (f" Pages: {'; '.join(named)}." if named else ""),
            "",
            table(run),
        ]
    return "\n".join(parts) + "\n"


def update_report(path: Path, *, key: str, content: str, intro: str) -> None:
    """Put ``content`` in ``path`` between the markers of ``key``, replacing what was there.

    Sections of other keys (an earlier "before" run, say) are kept as they are.
    """
    start, end = f"<!-- bench:{key}:start -->", f"<!-- bench:{key}:end -->"
    block = f"{start}\n{content}{end}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else intro
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1].lstrip("\n")
        text = before + block + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def describe_machine(postgresql: str) -> Machine:
    """CPU, cores, RAM, PostgreSQL version, the git commit and the time, for the report."""
    cpu = platform.processor() or platform.machine()
    ram_gb = 0.0
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
        cpu = models[0].strip() if models else cpu
        meminfo = Path("/proc/meminfo").read_text()
        ram_gb = int(re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.MULTILINE)[1]) / 1024 / 1024
    except (OSError, TypeError):
        pass
    return Machine(
        cpu=cpu,
        cores=os.cpu_count() or 0,
        ram_gb=ram_gb,
        postgresql=postgresql,
        commit=git_commit(),
        started=datetime.datetime.now(datetime.UTC),
    )


def git_commit() -> str:
    """The short commit hash, marked when the working tree has uncommitted changes."""

    def git(*args: str) -> str:
        return subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{commit} with uncommitted changes" if dirty else commit
