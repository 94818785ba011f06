"""Bad promotion input: a clear message from full_clean(), and the database refuses it too."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from promotion.models import Activity, Campaign, Livestream, Reading, Support, Video
from tests.factories import make_activity, make_campaign, make_reading, province

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def livestream():
    return make_activity(campaign=make_campaign(), kind="livestream", slug="live")


def reading(activity, **fields) -> Reading:
    values = {
        "activity": activity,
        "measure": "reach",
        "value": 1000,
        "as_of": activity.date,
        "source_kind": "press",
        "source_text": "Báo Hà Tĩnh",
    }
    return Reading(**{**values, **fields})


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def refused_by_database(obj) -> bool:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value": -1}, "value", "greater than or equal to 0"),
        ({"measure": "revenue", "value": 10**12 + 1}, "value", "not a plausible figure"),
        ({"measure": "views", "value": 10**11 + 1}, "value", "not a plausible figure"),
        ({"measure": "likes"}, "measure", "not a valid choice"),
        ({"source_kind": "rumour"}, "source_kind", "not a valid choice"),
        ({"source_url": "ftp://example.org/report"}, "source_url", "http:// or https://"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "http:// or https://"),
        ({"source_text": "", "source_url": ""}, "source_text", "where the figure comes from"),
    ],
)
def test_bad_reading_gives_a_field_message_and_the_database_refuses_it(livestream, fields, field, message):
    bad = reading(livestream, **fields)

    assert message in " ".join(errors_of(bad)[field])
    assert refused_by_database(bad)
    assert not Reading.objects.exists()


def test_revenue_of_a_trillion_dong_is_accepted_but_not_more(livestream):
    reading(livestream, measure="revenue", value=10**12).full_clean()

    assert refused_by_database(reading(livestream, measure="revenue", value=10**12 + 1))


def test_result_dated_in_the_future_is_refused(livestream):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    assert "future" in errors_of(reading(livestream, as_of=tomorrow))["as_of"][0]


def test_result_dated_before_its_activity_is_refused(livestream):
    assert (
        "before its activity" in errors_of(reading(livestream, as_of=datetime.date(2023, 9, 15)))["as_of"][0]
    )


def test_live_viewers_above_the_reach_of_the_same_day_are_refused_either_way_round(livestream):
    make_reading(activity=livestream, measure="reach", value=14_800_000)

    too_many = reading(livestream, measure="live_viewers", value=14_800_001)
    assert "cannot be more than the reach" in errors_of(too_many)["value"][0]
    reading(livestream, measure="live_viewers", value=300_000).full_clean()
    make_reading(activity=livestream, measure="live_viewers", value=300_000, as_of=datetime.date(2023, 9, 17))
    low_reach = reading(livestream, measure="reach", value=299_999, as_of=datetime.date(2023, 9, 17))
    assert "cannot be more than the reach" in errors_of(low_reach)["value"][0]
    assert Reading.objects.count() == 2


def test_two_readings_of_one_measure_on_one_day_are_refused(livestream):
    make_reading(activity=livestream, measure="views", value=10)

    assert errors_of(reading(livestream, measure="views", value=20))["__all__"]
    assert refused_by_database(reading(livestream, measure="views", value=20))


def test_campaign_ending_before_it_starts_is_refused():
    campaign = Campaign(
        title="Sai ngày",
        slug="sai-ngay",
        organisers="Tỉnh đoàn",
        starts_on=datetime.date(2023, 9, 16),
        ends_on=datetime.date(2023, 9, 15),
    )

    assert "before the start" in errors_of(campaign)["ends_on"][0]
    assert refused_by_database(campaign)
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("slug", ["livestreams", "activities"])
def test_campaign_slug_cannot_hide_a_fixed_page(slug):
    campaign = Campaign(title="X", slug=slug, organisers="Tỉnh đoàn", starts_on=datetime.date(2023, 9, 16))

    assert "address of another page" in errors_of(campaign)["slug"][0]


def test_campaign_source_link_must_be_http():
    campaign = Campaign(
        title="X",
        slug="x",
        organisers="Đoàn",
        starts_on=datetime.date(2023, 1, 1),
        source_url="file:///etc/passwd",
    )

    assert "http://" in " ".join(errors_of(campaign)["source_url"])
    assert refused_by_database(campaign)


def test_unknown_platform_is_refused_on_livestreams_and_videos(livestream):
    bad_live = Livestream(activity=livestream, platform="myspace")
    video_activity = make_activity(kind="video", slug="vid")
    bad_video = Video(activity=video_activity, platform="myspace")

    assert "not a valid choice" in errors_of(bad_live)["platform"][0]
    assert "not a valid choice" in errors_of(bad_video)["platform"][0]
    assert refused_by_database(bad_live) and refused_by_database(bad_video)


def test_livestream_details_on_a_forum_are_refused():
    forum = make_activity(kind="forum", slug="forum")

    assert (
        "livestream" in " ".join(errors_of(Livestream(activity=forum, platform="tiktok"))["__all__"]).lower()
    )


def test_livestream_longer_than_a_day_is_refused(livestream):
    bad = Livestream(activity=livestream, platform="tiktok", duration_minutes=24 * 60 + 1)

    assert errors_of(bad)["duration_minutes"]
    assert refused_by_database(bad)


def test_activity_link_must_be_http():
    activity = Activity(
        kind="forum", title="X", slug="x", date=datetime.date(2023, 1, 1), link="javascript:alert(1)"
    )

    assert "http://" in " ".join(errors_of(activity)["link"])
    assert refused_by_database(activity)


def test_activity_of_a_campaign_takes_its_province_and_refuses_another():
    campaign = make_campaign(province_slug="ha-tinh")
    activity = Activity(campaign=campaign, kind="forum", title="X", slug="x", date=datetime.date(2023, 9, 16))

    activity.full_clean()
    assert activity.province == province("ha-tinh")
    activity.province = province("nghe-an")
    assert "campaign's province" in errors_of(activity)["province"][0]


def test_moving_a_campaign_moves_its_activities_and_support():
    campaign = make_campaign(province_slug="ha-tinh")
    activity = make_activity(campaign=campaign)

    campaign.province = province("nghe-an")
    campaign.save()

    activity.refresh_from_db()
    assert activity.province == province("nghe-an")


def test_support_over_a_trillion_or_in_the_future_is_refused():
    support = Support(
        giver="Trung ương Đoàn",
        recipient="Thanh niên",
        amount_vnd=10**12 + 1,
        given_on=timezone.localdate() + datetime.timedelta(days=1),
        source_kind="press",
        source_text="Báo",
        province=province("ha-tinh"),
    )

    errors = errors_of(support)
    assert errors["amount_vnd"] and "future" in errors["given_on"][0]
    assert refused_by_database(support)
    assert not Support.objects.exists()
