"""Services: province rules, approval, stale versions, all or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from producers.services import StaleEditError
from promotion import services
from promotion.models import Activity, Campaign, Livestream, Reading
from tests.factories import make_activity, make_campaign, make_staff, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_staff(username="hatinh", province_slug="ha-tinh", role="editor")


@pytest.fixture
def approver():
    return make_staff(username="hatinh-duyet", province_slug="ha-tinh", role="approver")


def test_editor_adds_a_pending_reading_that_records_who(editor):
    video = make_activity(kind="video", slug="video")

    reading = services.add_reading(
        activity=video,
        measure="views",
        value=1_200_000,
        as_of=datetime.date(2023, 9, 20),
        source_kind="platform",
        source_text="TikTok",
        user=editor,
    )

    assert reading.status == "pending" and reading.recorded_by == editor
    assert reading.history.get().history_user == editor


def test_bad_reading_through_the_service_saves_nothing(editor):
    video = make_activity(kind="video", slug="video")

    with pytest.raises(ValidationError) as caught:
        services.add_reading(
            activity=video,
            measure="views",
            value=10**11 + 1,
            as_of=datetime.date(2023, 9, 20),
            source_kind="platform",
            source_text="TikTok",
            user=editor,
        )

    assert "value" in caught.value.message_dict
    assert not Reading.objects.exists()


def test_editor_cannot_publish_directly_nor_touch_another_province_or_a_national_activity(editor):
    own = make_activity(kind="video", slug="own")
    other = make_activity(kind="video", slug="other", province=province("nghe-an"))
    national = make_activity(campaign=make_campaign(province_slug=None), kind="video", slug="national")
    reading = {
        "measure": "views",
        "value": 5,
        "as_of": datetime.date(2023, 9, 20),
        "source_kind": "press",
        "source_text": "Báo",
        "user": editor,
    }

    with pytest.raises(PermissionDenied):
        services.add_reading(activity=own, status="published", **reading)
    for activity in (other, national):
        with pytest.raises(PermissionDenied):
            services.add_reading(activity=activity, **reading)
    assert not Reading.objects.exists()


def test_approver_records_a_livestream_with_details_and_publishes_it(approver):
    campaign = make_campaign(status="draft")
    activity = Activity(
        campaign=campaign, kind="livestream", title="Livestream tối thứ Bảy", date=datetime.date(2023, 9, 16)
    )

    saved = services.save_activity(
        activity=activity, user=approver, livestream=Livestream(platform="tiktok", duration_minutes=240)
    )
    services.change_publication(obj=saved, action="publish", user=approver, expected_version=saved.version)

    saved.refresh_from_db()
    assert saved.slug == "livestream-toi-thu-bay" and saved.province == province("ha-tinh")
    assert saved.status == "published" and saved.livestream.duration_minutes == 240


def test_activity_with_bad_details_saves_nothing(approver):
    activity = Activity(
        kind="livestream", title="Livestream", date=datetime.date(2023, 9, 16), province=province("ha-tinh")
    )

    with pytest.raises(ValidationError):
        services.save_activity(activity=activity, user=approver, livestream=Livestream(platform="myspace"))

    assert not Activity.objects.exists()


def test_a_stale_version_is_refused(approver):
    campaign = make_campaign()
    first = Campaign.objects.get(pk=campaign.pk)
    second = Campaign.objects.get(pk=campaign.pk)
    first.title = "Tên mới"
    services.save_campaign(campaign=first, user=approver, expected_version=1)

    second.title = "Tên khác"
    with pytest.raises(StaleEditError):
        services.save_campaign(campaign=second, user=approver, expected_version=1)

    assert Campaign.objects.get().title == "Tên mới"


def test_only_national_admins_create_national_campaigns(approver, django_user_model):
    admin = django_user_model.objects.create_superuser("national", "n@example.org", "pw-test-12345")
    campaign = Campaign(title="Toàn quốc", organisers="Trung ương Đoàn", starts_on=datetime.date(2024, 1, 1))

    with pytest.raises(PermissionDenied):
        services.save_campaign(campaign=campaign, user=approver)
    services.save_campaign(campaign=campaign, user=admin)

    assert Campaign.objects.get().province is None
