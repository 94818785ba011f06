import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(  # noqa: S603  (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_manage_py_without_a_secret_key_says_so_in_one_line():
    result = run_manage("check")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "manage.py: DJANGO_SECRET_KEY is required unless DJANGO_DEBUG is on. "
        "For development, set DJANGO_DEBUG=1 (see README.md)."
    ]


def test_manage_py_runs_with_a_secret_key_or_in_debug():
    assert run_manage("check", DJANGO_DEBUG="1").returncode == 0
    assert run_manage("check", DJANGO_SECRET_KEY="x" * 50).returncode == 0
