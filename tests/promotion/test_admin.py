"""Promotion in Django admin: every model there, province staff limited to their province."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from promotion.models import Activity, Campaign
from tests.factories import make_activity, make_campaign, make_reading, make_staff, make_support, province
from tests.promotion.scenario import grow

pytestmark = pytest.mark.django_db

MODELS = ["campaign", "activity", "livestream", "video", "reading", "support"]


@pytest.fixture
def national_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("national", "national@example.org", "pw-test-12345")
    client.force_login(user)
    return client


@pytest.fixture
def province_admin(client):
    user = make_staff(username="hatinh-admin", province_slug="ha-tinh", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="promotion", codename__regex=r"^(view|change|add)_")
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_every_promotion_model_has_an_admin_changelist_whose_queries_do_not_grow(
    national_admin, promo, model
):
    url = reverse(f"admin:promotion_{model}_changelist")
    national_admin.get(url)  # the first request after sign-in also touches the session
    small = query_count(national_admin, url)

    grow(4)
    for i in range(3):
        make_support(campaign=promo.campaign, giver=f"Người tặng {i}")

    assert query_count(national_admin, url) == small


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_province_staff_see_only_their_province_and_no_national_campaign(province_admin, promo):
    other = make_campaign(province_slug="nghe-an", title="Chiến dịch Nghệ An", slug="nghe-an-campaign")
    other_activity = make_activity(campaign=other, slug="nghe-an-activity", title="Hoạt động Nghệ An")
    make_reading(activity=other_activity, measure="orders", value=7, source_text="Nguồn Nghệ An")
    make_support(campaign=other, giver="Người tặng Nghệ An")

    pages = {
        model: province_admin.get(reverse(f"admin:promotion_{model}_changelist")).content.decode()
        for model in MODELS
    }

    assert "Ngày hội chuyển đổi số OCOP Hà Tĩnh" in pages["campaign"]
    assert (
        "Chiến dịch Nghệ An" not in pages["campaign"]
        and "Cuộc thi video OCOP toàn quốc" not in pages["campaign"]
    )
    assert "Hoạt động Nghệ An" not in pages["activity"] and "Video dự thi" not in pages["activity"]
    assert "Hoạt động Nghệ An" not in pages["reading"]
    assert "Người tặng Nghệ An" not in pages["support"]
    for obj, name in ((other, "campaign"), (promo.national, "campaign"), (other_activity, "activity")):
        response = province_admin.get(reverse(f"admin:promotion_{name}_change", args=[obj.pk]))
        assert response.status_code == 302  # admin redirects a missing object to its index
    history = province_admin.get(reverse("admin:promotion_campaign_history", args=[promo.national.pk]))
    assert history.status_code == 403


def test_province_staff_cannot_create_a_national_campaign_or_one_elsewhere(province_admin, promo):
    data = {
        "title": "Chiến dịch mới",
        "slug": "chien-dich-moi",
        "organisers": "Tỉnh đoàn",
        "starts_on": "2024-01-01",
        "status": "draft",
    }

    national = province_admin.post(reverse("admin:promotion_campaign_add"), {**data, "province": ""})
    elsewhere = province_admin.post(
        reverse("admin:promotion_campaign_add"), {**data, "province": province("nghe-an").pk}
    )
    own = province_admin.post(
        reverse("admin:promotion_campaign_add"), {**data, "province": province("ha-tinh").pk}
    )

    assert national.status_code == elsewhere.status_code == 200  # the form again, with its error
    assert own.status_code == 302
    assert list(Campaign.objects.filter(slug="chien-dich-moi").values_list("province__slug", flat=True)) == [
        "ha-tinh"
    ]


def test_province_staff_cannot_file_an_activity_under_another_province_campaign(province_admin, promo):
    other = make_campaign(province_slug="nghe-an", slug="nghe-an-campaign")
    data = {
        "title": "Livestream",
        "slug": "livestream-moi",
        "kind": "livestream",
        "campaign": other.pk,
        "province": province("ha-tinh").pk,
        "status": "draft",
        "date": "2024-01-01",
        "livestream-TOTAL_FORMS": "0",
        "livestream-INITIAL_FORMS": "0",
        "video-TOTAL_FORMS": "0",
        "video-INITIAL_FORMS": "0",
        "readings-TOTAL_FORMS": "0",
        "readings-INITIAL_FORMS": "0",
    }

    response = province_admin.post(reverse("admin:promotion_activity_add"), data)

    assert response.status_code == 200
    assert not Activity.objects.filter(slug="livestream-moi").exists()


def test_admin_reading_inline_refuses_viewers_above_reach_and_saves_nothing(national_admin, promo):
    activity = promo.livestream
    url = reverse("admin:promotion_activity_change", args=[activity.pk])
    form = national_admin.get(url).context["adminform"].form
    data = {key: ("" if value is None else value) for key, value in form.initial.items()}
    data.update(
        {
            "date": "2023-09-16",
            "start_time": "14:00",
            "featured_products": [p.pk for p in activity.featured_products.all()],
            "featured_producers": [],
            "livestream-TOTAL_FORMS": "1",
            "livestream-INITIAL_FORMS": "1",
            "livestream-0-id": activity.livestream.pk,
            "livestream-0-activity": activity.pk,
            "livestream-0-platform": "tiktok",
            "livestream-0-duration_minutes": "240",
            "video-TOTAL_FORMS": "0",
            "video-INITIAL_FORMS": "0",
            "readings-TOTAL_FORMS": "1",
            "readings-INITIAL_FORMS": "0",
            "readings-0-activity": activity.pk,
            "readings-0-measure": "live_viewers",
            "readings-0-value": "20000000",
            "readings-0-as_of": "2023-09-16",
            "readings-0-source_kind": "press",
            "readings-0-source_text": "Báo",
            "readings-0-status": "published",
        }
    )

    before = activity.readings.count()
    response = national_admin.post(url, data)

    assert response.status_code == 200
    assert activity.readings.count() == before
    assert datetime.date(2023, 9, 16) == activity.date
