"""What the bench drives from outside Django: gunicorn, wrk, PostgreSQL and manage.py subprocesses.

Every process started here is stopped here: gunicorn runs in a process group of its own,
which is stopped (quick shutdown, then kill) when its ``with`` block ends for any reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg2
from django.conf import settings

HOST = "127.0.0.1"
WORKERS = 2


class BenchError(Exception):
    """The bench cannot go on; the message says why."""


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, timeout: int) -> Iterator[str]:
    """gunicorn with production settings on a free port of 127.0.0.1; stopped on leaving, whatever happens."""
    port = _free_port()
    log = tempfile.NamedTemporaryFile(prefix="ocop-bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "ocop_catalog.wsgi",
        f"--workers={WORKERS}",
        f"--bind={HOST}:{port}",
        f"--timeout={max(30, timeout * 2)}",
        "--graceful-timeout=2",
        f"--error-logfile={log.name}",
    ]
    process = subprocess.Popen(  # noqa: S603
        command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log, start_new_session=True
    )
    base_url = f"http://{HOST}:{port}"
    try:
        _wait_until_ready(process, base_url + "/robots.txt", Path(log.name))
        yield base_url
    finally:
        stop_process_group(process)
        log.close()
        Path(log.name).unlink(missing_ok=True)
        if _listening(port):
            raise BenchError(f"Something still listens on {HOST}:{port} after gunicorn was stopped.")


def stop_process_group(process: subprocess.Popen) -> None:
    """Stop ``process`` and its workers (its own process group): quick shutdown, then kill."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGQUIT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
    # The workers may outlive their master by a moment; the group is the one the bench started.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited ({process.returncode}):\n{_tail(log)}")
        with contextlib.suppress(OSError):
            if status(url, 5) == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer {url} within {seconds:.0f} s:\n{_tail(log)}")


def status(url: str, timeout: float) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (our own 127.0.0.1 URL)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((HOST, port)) == 0


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    """Run ``manage.py`` with the bench's environment; its output when ``capture``."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=capture,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        detail = f":\n{result.stderr[-3000:]}" if capture else ""
        raise BenchError(f"manage.py {' '.join(args)} failed ({result.returncode}){detail}")
    return result.stdout if capture else ""


def create_database(postgres: str, name: str) -> bool:
    """Create the database ``name`` on the server ``postgres`` unless it exists; whether it was created."""
    with contextlib.closing(psycopg2.connect(f"{postgres.rstrip('/')}/postgres")) as admin:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is not None:
                return False
            cursor.execute(f'CREATE DATABASE "{name}"')
            return True


def product_count(database_url: str) -> int:
    with contextlib.closing(psycopg2.connect(database_url)) as db, db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM products_product")
        return cursor.fetchone()[0]


def vacuum_analyze(database_url: str) -> None:
    with contextlib.closing(psycopg2.connect(database_url)) as db:
        db.autocommit = True  # VACUUM cannot run in a transaction
        with db.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def cancel_queries(env: dict[str, str]) -> None:
    """Cancel queries still running for the stopped gunicorn (the bench database is the bench's own)."""
    with contextlib.closing(psycopg2.connect(env["DATABASE_URL"])) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'"
        )


def server_version(postgres: str) -> str:
    try:
        db = psycopg2.connect(f"{postgres.rstrip('/')}/postgres")
    except psycopg2.OperationalError as error:
        raise BenchError(f"PostgreSQL is not reachable at {postgres}: {error}") from error
    with contextlib.closing(db), db.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]


def ensure_wrk(say: Callable[[str], None]) -> str:
    """The path of wrk, installed with apt-get (Debian package ``wrk``) when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    say("wrk is missing: apt-get install wrk")
    apt = ["apt-get", "install", "-y", "-qq", "wrk"]
    if os.geteuid() != 0:
        apt.insert(0, "sudo")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(apt, env=env, check=False).returncode != 0:  # noqa: S603
        subprocess.run([*apt[: apt.index("install")], "update", "-qq"], env=env, check=False)  # noqa: S603
        subprocess.run(apt, env=env, check=False)  # noqa: S603
    found = shutil.which("wrk")
    if not found:
        raise BenchError("wrk is not installed and apt-get could not install it (apt-get install wrk).")
    return found


def versions(wrk: str) -> str:
    import django
    import gunicorn as gunicorn_package

    wrk_version = subprocess.run([wrk, "-v"], capture_output=True, text=True, check=False)  # noqa: S603
    words = (wrk_version.stdout + wrk_version.stderr).split()
    return (
        f"Python {sys.version.split()[0]}, Django {django.get_version()}, "
        f"gunicorn {gunicorn_package.__version__}, wrk {words[1] if len(words) > 1 else '?'}"
    )


@contextlib.contextmanager
def interrupt_on_sigterm() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the bench like Ctrl-C does, so its ``finally`` blocks run."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
