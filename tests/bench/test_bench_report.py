"""The bench's plumbing that runs without PostgreSQL or wrk: reading wrk, the report, gunicorn's stop."""

import datetime
import io
import os
import socket
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from demo.bench import BenchOptions, bench_env
from demo.bench_report import (
    Machine,
    PageResult,
    RunResult,
    WrkResult,
    duration_ms,
    parse_wrk,
    section,
    table,
    update_report,
)
from demo.bench_tools import gunicorn, stop_process_group

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:8765/products/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.02s   102.31ms   1.40s    70.00%
    Req/Sec     3.10      1.20     5.00     60.00%
  Latency Distribution
     50%  990.12ms
     75%    1.08s
     90%    1.20s
     99%    1.40s
  78 requests in 10.02s, 3.20MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 1
Requests/sec:      7.78
Transfer/sec:    327.10KB
"""

NOTHING_DONE = """\
Running 10s test @ http://127.0.0.1:8765/products/?page=400
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 10.01s, 0.00B read
Requests/sec:      0.00
Transfer/sec:       0.00B
"""


@pytest.mark.parametrize(
    ("text", "ms"), [("450.00us", 0.45), ("10.93ms", 10.93), ("1.50s", 1500.0), ("2.00m", 120_000.0)]
)
def test_wrk_durations_are_read_in_milliseconds(text, ms):
    assert duration_ms(text) == pytest.approx(ms)


def test_wrk_output_gives_throughput_latencies_and_errors():
    result = parse_wrk(WRK_OUTPUT)

    assert result == WrkResult(requests=78, requests_per_second=7.78, p50_ms=990.12, p99_ms=1400.0, errors=3)


def test_a_page_that_never_answered_has_no_latency():
    result = parse_wrk(NOTHING_DONE)

    assert (result.requests, result.requests_per_second, result.p50_ms, result.p99_ms) == (0, 0.0, None, None)


def test_wrk_output_without_a_result_is_an_error():
    with pytest.raises(ValueError, match="no result"):
        parse_wrk("unable to connect to 127.0.0.1:8765 Connection refused\n")


def run(size: int = 100_000, mode: str = "cold") -> RunResult:
    def page(key, label, rps, queries, p50=10.0, p99=20.0, errors=0, after=None):
        result = PageResult(key, label, label, queries, WrkResult(100, rps, p50, p99, errors))
        if after is not None:
            result.after_write_ms, result.queries_after_write = after
        return result

    return RunResult(
        size=size,
        mode=mode,
        build="built in 98 s",
        pages=[
            page("robots", "/robots.txt", 600.0, 0),
            page("list", "/products/", 0.35, 11, p50=9020.0, p99=9090.0, errors=2),
            page("product", "a product page", 350.0, 7, after=(41.26, 9)),
            page("robots_again", "/robots.txt", 800.0, 0),
        ],
    )


def test_table_gives_each_page_its_share_of_the_mean_of_both_baseline_runs():
    lines = table(run()).splitlines()

    assert lines[2] == "| `/robots.txt` (baseline, first) | 600 | 86% | 10.0 ms | 20.0 ms | 0 | – | 100 |"
    assert lines[3] == "| `/products/` | 0.3 | 0.05% | 9.02 s | 9.09 s | 11 | – | 100 (2) |"
    assert lines[4] == "| a product page | 350 | 50% | 10.0 ms | 20.0 ms | 7 | 41.3 ms, 9 q. | 100 |"
    assert lines[5] == (
        "| `/robots.txt` (baseline, again last) | 800 | 114% | 10.0 ms | 20.0 ms | 0 | – | 100 |"
    )


def test_report_update_replaces_its_own_section_and_keeps_the_others(tmp_path):
    report = tmp_path / "docs" / "performance.md"
    update_report(report, key="before", content="## Before\nold figures\n", intro="# Intro\n")
    update_report(report, key="latest", content="## Latest\nfirst\n", intro="# Intro\n")

    update_report(report, key="latest", content="## Latest\nsecond\n", intro="# Intro\n")

    text = report.read_text()
    assert text.startswith("# Intro\n")
    assert "old figures" in text and "second" in text and "first" not in text
    assert text.index("## Before") < text.index("## Latest")
    assert text.count("<!-- bench:latest:start -->") == 1


def test_section_names_the_machine_the_commit_and_every_size_and_mode():
    machine = Machine(
        cpu="AMD EPYC",
        cores=2,
        ram_gb=23.4,
        postgresql="15.20",
        commit="abc1234",
        started=datetime.datetime(2026, 11, 28, 11, 0, tzinfo=datetime.UTC),
        versions="Python 3.11",
        load=["2.1", "3.4"],
    )

    text = section("Before the speed work", machine, [run(10_000), run(100_000, "warm")], options="wrk -c8")

    for expected in (
        "## Before the speed work",
        "commit `abc1234`",
        "AMD EPYC, 2 cores, 23 GB RAM",
        "PostgreSQL 15.20",
        "2026-11-28 11:00 UTC",
        "2.1, 3.4",
        "### 10,000 products, cold",
        "### 100,000 products, warm",
        "Pages: a product page is `a product page`.",
    ):
        assert expected in text


@pytest.mark.parametrize(
    "args",
    [
        ("--modes", "hot"),
        ("--pages", "home,nowhere"),
        ("--sizes", "ten"),
        ("--sizes", "0"),
        ("--duration", "0"),
    ],
)
def test_bench_command_refuses_bad_options_before_doing_anything(args):
    with pytest.raises(CommandError):
        call_command("bench", *args, "--no-write", stdout=io.StringIO())


def test_bench_environment_is_production_on_the_bench_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///somewhere-else.sqlite3")

    env = bench_env(BenchOptions(sizes=[10_000], modes=["cold"]), 10_000, static_root=tmp_path)

    assert "DJANGO_DEBUG" not in env
    assert env["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/ocop_bench_10000"
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1"
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "0"
    assert env["CACHE_URL"] == "redis://127.0.0.1:6379/1"
    assert len(env["DJANGO_SECRET_KEY"]) >= 50
    # wrk is one client address: the per-address budgets must not answer it 429.
    assert env["DJANGO_RATE_LIMIT_SITEMAP"] == env["DJANGO_RATE_LIMIT_SEARCH"] == "100000000/60"
    other = bench_env(BenchOptions(sizes=[10_000], modes=["cold"]), 10_000, static_root=tmp_path)
    assert other["DJANGO_SECRET_KEY"] != env["DJANGO_SECRET_KEY"]


def test_stopping_a_process_group_leaves_none_of_its_processes():
    script = "import subprocess, time; subprocess.Popen(['sleep', '60']); time.sleep(60)"
    process = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)  # noqa: S603

    stop_process_group(process)

    assert process.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)


def test_gunicorn_is_stopped_and_its_port_closed_even_when_the_bench_fails(tmp_path):
    options = BenchOptions(sizes=[1], modes=["cold"])
    env = {
        **bench_env(options, 1, static_root=tmp_path),
        # /robots.txt, the readiness check, runs no query: any database will do.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    ports = []

    with pytest.raises(RuntimeError, match="the bench failed"), gunicorn(env, timeout=5) as url:
        ports.append(int(url.rsplit(":", 1)[1]))
        raise RuntimeError("the bench failed")

    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", ports[0])) != 0
