"""Fixtures every test folder uses: the reference data in the test database."""

import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data (provinces, wards, categories) once per test database."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture
def reference_data(transactional_db):
    """For transactional tests (they flush the database): make sure reference data is there."""
    call_command("load_reference_data", verbosity=0)


# PostgreSQL-only tests ---------------------------------------------------------------------------
# A test that needs PostgreSQL (row locks, concurrent transactions) is marked ``postgresql``: it
# skips on SQLite. On CI's PostgreSQL leg REQUIRE_POSTGRES=1 turns any skip that names PostgreSQL
# (the marker's, or a ``pytest.skip("… PostgreSQL …")`` written in a test) into a failure, so
# such a test can never skip silently where it is meant to run.
REQUIRE_POSTGRES = os.environ.get("REQUIRE_POSTGRES") == "1"


def pytest_sessionstart(session):
    from django.db import connection

    if REQUIRE_POSTGRES and connection.vendor != "postgresql":
        raise pytest.UsageError(f"REQUIRE_POSTGRES=1 but the test database is {connection.vendor}")


@pytest.fixture(autouse=True)
def _postgresql_only(request):
    if request.node.get_closest_marker("postgresql") is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_POSTGRES and report.skipped and "postgresql" in str(report.longrepr).lower():
        report.outcome = "failed"
        report.longrepr = f"a PostgreSQL-only test skipped with REQUIRE_POSTGRES=1: {report.longrepr}"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language.

    A request to an /en/ page leaves English active on the worker's thread, and ``reverse()``
    in the next test would then build /en/ URLs (an English staff page where a test expects
    Vietnamese): the order of tests must not decide the language.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
