"""Scale data built once per module, rolled back when the module ends."""

import pytest
from django.db import transaction

from demo.scale import build_scale_catalog


@pytest.fixture(scope="module")
def scale_1000(django_db_setup, django_db_blocker):
    """1,000 generated products with photos."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scale_catalog(products=1000)
        transaction.set_rollback(True)
