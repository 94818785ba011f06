"""Totals: each activity's latest public figure, summed per measure; measures never added together."""

import datetime

import pytest

from promotion.models import MeasureTotal, Reading
from tests.factories import make_activity, make_reading

pytestmark = pytest.mark.django_db


def test_totals_sum_the_latest_public_figure_of_each_activity_per_measure(promo):
    totals = Reading.objects.published().totals()

    assert list(totals) == ["reach", "views", "live_viewers", "revenue"]
    assert totals["reach"].value == 14_800_000  # not the pending 15,000,000 nor hidden figures
    assert totals["views"].value == 1_400_000 + 50_000  # the video's latest, plus the contest video
    assert totals["views"].figures == 2
    assert totals["views"].as_of == datetime.date(2024, 5, 20)
    assert totals["views"].earliest == datetime.date(2023, 10, 1)
    assert totals["live_viewers"].value == 300_000
    assert totals["revenue"].value == 485_000_000


def test_a_pending_newer_reading_does_not_hide_the_published_one(promo):
    assert promo.pending_reading.value == 15_000_000

    latest = (
        Reading.objects.published().filter(activity=promo.livestream, measure="reach").latest_per_activity()
    )

    assert [r.value for r in latest] == [14_800_000]
    assert Reading.objects.filter(
        activity=promo.livestream, measure="reach"
    ).latest_per_activity().get().value == (15_000_000)


def test_totals_are_one_query(promo, django_assert_num_queries):
    with django_assert_num_queries(1):
        Reading.objects.published().totals()


def test_totals_of_different_measures_cannot_be_added(promo):
    totals = Reading.objects.published().totals()

    with pytest.raises(TypeError):
        totals["reach"] + totals["live_viewers"]
    with pytest.raises(TypeError):
        sum([totals["views"], totals["reach"]])
    combined = totals["views"] + totals["views"]
    assert combined.value == 2 * totals["views"].value and combined.measure == "views"


def test_totals_count_distinct_sources(db):
    activity = make_activity(kind="video", slug="v1")
    other = make_activity(kind="video", slug="v2")
    make_reading(activity=activity, measure="views", value=10, source_text="Báo A")
    make_reading(activity=other, measure="views", value=5, source_text="Báo B")

    total = Reading.objects.published().totals()["views"]

    assert isinstance(total, MeasureTotal)
    assert (total.value, total.figures, total.sources) == (15, 2, 2)
