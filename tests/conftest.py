"""Fixtures every test folder uses: the reference data in the test database."""

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
