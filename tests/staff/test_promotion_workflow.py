"""Promotion through the staff forms: an editor records, an approver publishes, the public sees it.

Also: bad input through the forms (a message, nothing saved), published records that only an
approver changes, stale saves refused, and the history of each change.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from promotion.models import Activity, Campaign, Livestream, Reading, Video
from tests.factories import make_product

pytestmark = pytest.mark.django_db

TOMORROW = "tomorrow"  # resolved when the test runs: the suite can cross midnight in Vietnam


def livestream_data(campaign, **overrides):
    data = {
        "campaign": campaign.pk,
        "kind": "livestream",
        "title": "Phiên livestream kẹo cu đơ",
        "date": "2023-09-16",
        "start_time": "14:00",
        "place": "Thành phố Hà Tĩnh",
        "link": "https://www.tiktok.com/@ocophatinh/live",
        "details-platform": "tiktok",
        "details-hosts": "TikToker Hà Tĩnh",
        "details-duration_minutes": "240",
    }
    return {**data, **overrides}


def figures_data(**figures):
    return {"as_of": "2023-09-17", "source_kind": "platform", "source_text": "TikTok Studio", **figures}


def campaign_data(campaign, **overrides):
    data = {
        "title": campaign.title,
        "province": campaign.province_id,
        "organisers": campaign.organisers,
        "partners": campaign.partners,
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else "",
        "description": campaign.description,
        "source_url": campaign.source_url,
        "source_text": campaign.source_text,
        "version": campaign.version,
    }
    return {**data, **overrides}


def test_editor_records_a_livestream_with_figures_and_an_approver_publishes_them(
    client, editor_a, approver_a, promo_world
):
    campaign = promo_world["campaign_a"]
    keo = make_product(producer=promo_world["catalog"].keo.producer, name="Kẹo lạc Thiên Cầm", stars=4)
    client.force_login(editor_a)

    response = client.post(
        reverse("staff:activity_create") + "?kind=livestream",
        livestream_data(campaign, featured_products=[keo.pk]),
    )
    activity = Activity.objects.get(title="Phiên livestream kẹo cu đơ")
    assert response.status_code == 302
    assert (activity.status, activity.province.slug, activity.campaign) == ("draft", "ha-tinh", campaign)
    assert activity.livestream.hosts == "TikToker Hà Tĩnh" and activity.livestream.duration_minutes == 240
    assert list(activity.featured_products.all()) == [keo]

    response = client.post(
        reverse("staff:reading_create", args=[activity.pk]),
        figures_data(reach="2500000", live_viewers="120000", orders="900", revenue="75000000"),
    )
    assert response.status_code == 302
    readings = {r.measure: r for r in activity.readings.all()}
    assert {m: r.value for m, r in readings.items()} == {
        "reach": 2_500_000,
        "live_viewers": 120_000,
        "orders": 900,
        "revenue": 75_000_000,
    }
    assert {r.status for r in readings.values()} == {"pending"}
    assert {r.recorded_by for r in readings.values()} == {editor_a}
    # The editor may not publish.
    assert client.post(reverse("staff:activity_status", args=[activity.pk, "publish"])).status_code == 403
    assert (
        client.post(reverse("staff:reading_publish", args=[activity.pk]), {"reading": [1]}).status_code == 403
    )

    client.force_login(approver_a)
    page = client.get(reverse("staff:activity_detail", args=[activity.pk])).content.decode()
    assert "Công bố 4 số liệu đang chờ" in page
    client.post(
        reverse("staff:activity_status", args=[activity.pk, "publish"]), {"version": activity.version}
    )
    client.post(
        reverse("staff:reading_publish", args=[activity.pk]), {"reading": [r.pk for r in readings.values()]}
    )

    activity.refresh_from_db()
    assert activity.status == "published"
    assert set(activity.readings.values_list("status", flat=True)) == {"published"}
    public = client.get(campaign.get_absolute_url()).content.decode()
    assert "Phiên livestream kẹo cu đơ" in public and "75.000.000" in public
    assert "Phiên livestream kẹo cu đơ" in client.get(keo.get_absolute_url()).content.decode()


def test_a_video_takes_two_readings_and_an_approvers_figures_are_public_at_once(
    client, approver_a, promo_world
):
    client.force_login(approver_a)
    data = {
        "campaign": promo_world["campaign_a"].pk,
        "kind": "video",
        "title": "Video cam Hà Tĩnh",
        "date": "2023-09-16",
        "details-platform": "youtube",
        "details-creator": "Nhà sáng tạo",
        "details-url": "https://www.youtube.com/watch?v=abc",
    }
    client.post(reverse("staff:activity_create") + "?kind=video", data)
    video = Activity.objects.get(title="Video cam Hà Tĩnh")
    assert Video.objects.get(activity=video).platform == "youtube"

    for day, views in (("2023-09-20", "1200000"), ("2023-10-01", "1400000")):
        client.post(reverse("staff:reading_create", args=[video.pk]), figures_data(as_of=day, views=views))

    assert list(video.readings.order_by("as_of").values_list("value", "status")) == [
        (1_200_000, "published"),
        (1_400_000, "published"),
    ]


def test_the_quick_form_defaults_to_today_and_offers_one_field_per_measure(client, editor_a, promo_world):
    client.force_login(editor_a)

    before = timezone.localdate()
    response = client.get(reverse("staff:reading_create", args=[promo_world["promo"].video.pk]))
    after = timezone.localdate()

    form = response.context["form"]
    assert form["as_of"].value() in {before, after}
    assert [f.name for f in form.measure_fields()] == ["views", "reach", "interactions"]
    assert 'inputmode="numeric"' in response.content.decode()


BAD_FIGURES = [
    ({"revenue": str(10**12 + 1)}, "revenue"),
    ({"reach": "-5"}, "reach"),
    ({"reach": "1000", "live_viewers": "2000"}, "live_viewers"),
    ({"live_viewers": "20000000"}, "live_viewers"),  # above the saved reach of 14,800,000 that day
    ({"reach": "1000", "as_of": TOMORROW}, "as_of"),
    ({"reach": "1000", "as_of": "2023-09-01"}, "as_of"),  # before the activity
    ({"reach": "1000", "source_url": "javascript:alert(1)"}, "source_url"),
    ({"reach": "1000", "source_kind": "rumour"}, "source_kind"),
    ({"reach": "1000", "source_text": ""}, "source_text"),
    ({"reach": "14800000", "as_of": "2023-09-16"}, "reach"),  # that day's reach is already recorded
    ({}, None),
]


@pytest.mark.parametrize(("figures", "field"), BAD_FIGURES)
def test_bad_figures_get_a_message_and_nothing_is_saved(client, approver_a, promo_world, figures, field):
    livestream = promo_world["promo"].livestream
    client.force_login(approver_a)
    before = list(Reading.objects.values())
    data = figures_data(**{"as_of": "2023-09-16"} if "live_viewers" in figures and len(figures) == 1 else {})
    data.update(figures)
    if data["as_of"] == TOMORROW:
        data["as_of"] = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = client.post(reverse("staff:reading_create", args=[livestream.pk]), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert (field in errors) if field else errors.get("__all__")
    assert list(Reading.objects.values()) == before


BAD_ACTIVITIES = [
    ({"details-platform": "myspace"}, "details", "platform"),
    ({"link": "ftp://example.com/live"}, "form", "link"),
    ({"link": "javascript:alert(1)"}, "form", "link"),
    ({"details-duration_minutes": "5000"}, "details", "duration_minutes"),
    ({"participants": str(10**8)}, "form", "participants"),
    ({"kind": "concert"}, "form", "kind"),
    ({"date": "16/13/2023"}, "form", "date"),
]


@pytest.mark.parametrize(("overrides", "form", "field"), BAD_ACTIVITIES)
def test_bad_activities_get_a_message_and_nothing_is_saved(
    client, editor_a, promo_world, overrides, form, field
):
    client.force_login(editor_a)
    counts = (Activity.objects.count(), Livestream.objects.count(), Activity.history.count())

    response = client.post(
        reverse("staff:activity_create") + "?kind=livestream",
        livestream_data(promo_world["campaign_a"], **overrides),
    )

    assert response.status_code == 200
    assert field in response.context[form].errors
    assert (Activity.objects.count(), Livestream.objects.count(), Activity.history.count()) == counts


def test_an_editor_cannot_move_an_activity_into_another_province(client, editor_a, promo_world):
    client.force_login(editor_a)
    data = livestream_data(promo_world["campaign_b"])

    response = client.post(reverse("staff:activity_create") + "?kind=livestream", data)

    assert "campaign" in response.context["form"].errors
    assert not Activity.objects.filter(title=data["title"]).exists()


def test_bad_campaign_links_and_dates_are_refused(client, editor_a, promo_world):
    client.force_login(editor_a)
    campaign = Campaign(title="Chợ phiên OCOP", organisers="Tỉnh đoàn", starts_on=datetime.date(2024, 3, 1))
    campaign.province_id = promo_world["campaign_a"].province_id
    data = campaign_data(campaign, source_url="javascript:alert(1)", ends_on="2024-02-01")
    data.pop("version")

    response = client.post(reverse("staff:campaign_create"), data)

    errors = response.context["form"].errors
    assert "source_url" in errors and "ends_on" in errors
    assert not Campaign.objects.filter(title="Chợ phiên OCOP").exists()


def test_an_editor_creates_a_draft_campaign_with_history(client, editor_a, promo_world):
    client.force_login(editor_a)
    campaign = Campaign(
        title="Chợ phiên OCOP Hà Tĩnh", organisers="Tỉnh đoàn", starts_on=datetime.date(2024, 3, 1)
    )
    campaign.province_id = promo_world["campaign_a"].province_id
    data = campaign_data(campaign)
    data.pop("version")

    response = client.post(reverse("staff:campaign_create"), data)

    saved = Campaign.objects.get(title="Chợ phiên OCOP Hà Tĩnh")
    assert response.status_code == 302 and saved.status == "draft" and saved.slug == "cho-phien-ocop-ha-tinh"
    assert saved.history.get().history_user == editor_a
    page = client.get(reverse("staff:campaign_detail", args=[saved.pk])).content.decode()
    assert "editor-a" in page


def test_an_editor_cannot_change_a_published_campaign(client, editor_a, promo_world):
    campaign = promo_world["campaign_a"]
    client.force_login(editor_a)

    response = client.post(
        reverse("staff:campaign_edit", args=[campaign.pk]), campaign_data(campaign, title="Đổi")
    )

    assert response.status_code == 200 and response.context["locked"]
    campaign.refresh_from_db()
    assert campaign.title == "Ngày hội chuyển đổi số OCOP Hà Tĩnh"


def test_an_approvers_change_is_saved_and_a_stale_one_refused(client, approver_a, promo_world):
    campaign = promo_world["campaign_a"]
    client.force_login(approver_a)
    opened = campaign_data(campaign)

    first = client.post(
        reverse("staff:campaign_edit", args=[campaign.pk]), {**opened, "title": "Ngày hội mới"}
    )
    second = client.post(
        reverse("staff:campaign_edit", args=[campaign.pk]), {**opened, "title": "Ngày hội cũ"}
    )

    campaign.refresh_from_db()
    assert first.status_code == 302 and campaign.title == "Ngày hội mới"
    assert second.status_code == 200 and second.context["stale"]
    assert campaign.history.first().history_change_reason == "saved directly by an approver"


def test_support_is_recorded_with_its_campaigns_province(client, editor_a, promo_world):
    campaign = promo_world["campaign_a"]
    client.force_login(editor_a)
    data = {
        "giver": "Trung ương Đoàn",
        "recipient": "Dự án khởi nghiệp",
        "amount_vnd": "50000000",
        "given_on": "2023-09-16",
        "source_kind": "press",
        "source_text": "Báo Hà Tĩnh",
    }

    too_much = client.post(
        reverse("staff:support_create", args=[campaign.pk]), {**data, "amount_vnd": str(10**13)}
    )
    saved = client.post(reverse("staff:support_create", args=[campaign.pk]), data)

    assert too_much.status_code == 200 and "amount_vnd" in too_much.context["form"].errors
    assert saved.status_code == 302
    support = campaign.supports.get(recipient="Dự án khởi nghiệp")
    assert (support.province, support.status) == (campaign.province, "draft")


def test_an_approver_archives_a_wrong_figure_and_the_public_no_longer_sees_it(
    client, editor_a, approver_a, promo_world
):
    revenue = promo_world["promo"].livestream.readings.get(measure="revenue")
    url = reverse("staff:reading_status", args=[revenue.pk, "archive"])
    client.force_login(editor_a)
    assert client.post(url, {"version": revenue.version}).status_code == 403

    client.force_login(approver_a)
    client.post(url, {"version": revenue.version})

    revenue.refresh_from_db()
    assert revenue.status == "archived"
    assert "485.000.000" not in client.get(promo_world["campaign_a"].get_absolute_url()).content.decode()
