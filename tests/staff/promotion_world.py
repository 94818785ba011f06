"""The promotion data the staff workspace tests use: the Hà Tĩnh scenario, plus Nghệ An's hidden work."""

import datetime

import pytest

from promotion.models import Activity, Campaign, Reading, Support
from tests.factories import make_activity, make_campaign, make_reading, make_support
from tests.promotion.scenario import build_promotion
from tests.sample_catalog import build_catalog

B_NAMES = ("Chiến dịch Nghệ An kín", "Hoạt động Nghệ An kín")


@pytest.fixture
def promo_world(db):
    """``build_promotion`` (A: Hà Tĩnh) and a draft Nghệ An campaign (B) with a draft activity."""
    catalog = build_catalog()
    promo = build_promotion(catalog)
    campaign_b = make_campaign(
        province_slug="nghe-an", title=B_NAMES[0], slug="chien-dich-nghe-an-kin", status="draft"
    )
    activity_b = make_activity(
        campaign=campaign_b, kind="video", title=B_NAMES[1], slug="hoat-dong-nghe-an-kin", status="draft"
    )
    reading_b = make_reading(activity=activity_b, measure="views", value=4321, status="pending")
    support_b = make_support(campaign=campaign_b, status="draft", given_on=datetime.date(2023, 9, 16))
    return {
        "catalog": catalog,
        "promo": promo,
        "campaign_a": promo.campaign,
        "activity_a": promo.livestream,
        "campaign_b": campaign_b,
        "activity_b": activity_b,
        "support_b": support_b,
        "reading_b": reading_b,
    }


def promotion_snapshot(slug: str = "nghe-an"):
    """Everything stored about a province's promotion records, to compare before and after."""
    return (
        list(Campaign.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Activity.objects.filter(province__slug=slug).order_by("pk").values()),
        list(Reading.objects.filter(activity__province__slug=slug).order_by("pk").values()),
        list(Support.objects.filter(province__slug=slug).order_by("pk").values()),
        Campaign.history.filter(province__slug=slug).count(),
        Activity.history.filter(province__slug=slug).count(),
        Reading.history.count(),
    )
