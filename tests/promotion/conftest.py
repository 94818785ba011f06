import pytest

from tests.catalog import build_catalog
from tests.promotion.scenario import build_promotion


@pytest.fixture
def catalog(db):
    return build_catalog()


@pytest.fixture
def promo(catalog):
    return build_promotion(catalog)
