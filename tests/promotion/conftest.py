import pytest

from tests.promotion.scenario import build_promotion
from tests.sample_catalog import build_catalog


@pytest.fixture
def catalog(db):
    return build_catalog()


@pytest.fixture
def promo(catalog):
    return build_promotion(catalog)
