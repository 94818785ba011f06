"""The promotion demo: the Hà Tĩnh forum day exactly as the report gives it, idempotent, within the rules."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from promotion.models import Activity, Campaign, Livestream, Reading, Support, Video

pytestmark = pytest.mark.django_db

FORUM = "/campaigns/dien-dan-chuyen-doi-so-quang-ba-ocop-thanh-nien-ha-tinh-2023/"


@pytest.fixture
def demo():
    out = io.StringIO()
    call_command(
        "load_demo_data",
        "--provinces",
        "ha-tinh,nghe-an,hai-phong,dong-thap,son-la",
        "--no-photos",
        stdout=out,
    )
    return out.getvalue()


def test_the_seed_figures_appear_exactly_on_the_demo_campaign_page(client, demo):
    html = client.get(FORUM).content.decode()

    for figure in (
        'data-measure="reach">14.800.000<',
        'data-measure="live_viewers">300.000<',
        'data-measure="revenue">485.000.000 ₫<',
        'data-measure="views">1.400.000<',
        'data-measure="views">1.200.000<',
        "1.000.000.000 ₫",
    ):
        assert figure in html, figure
    assert "4 giờ" in html  # the session lasted about four hours
    assert "Trung ương Đoàn TNCS Hồ Chí Minh; Tỉnh đoàn Hà Tĩnh" in html
    assert "TikTok Việt Nam" in html and "Trung tâm Xúc tiến thương mại nông nghiệp" in html
    assert "Tập huấn bán hàng sản phẩm OCOP qua nền tảng số" in html and "15 video" in html
    assert "<dd>50</dd>" in html  # participants of the forum
    assert "Báo chí đưa tin về diễn đàn tại Hà Tĩnh ngày 16/9/2023" in html
    assert 'data-measure="views">2.600.000<' in html  # the two videos' views, summed as views only


def test_the_forum_livestream_features_the_four_star_keo_cu_do_and_nuoc_mam_cua_nhuong(client, demo):
    live = Activity.objects.get(slug="livestream-san-pham-ocop-ha-tinh-16-9-2023")

    names = sorted(p.name for p in live.featured_products.all())
    assert len(names) == 2
    assert names[0].startswith("Kẹo cu đơ") and names[1].startswith("Nước mắm Cửa Nhượng")
    assert {p.stars for p in live.featured_products.all()} == {4}
    html = client.get(FORUM).content.decode()
    for product in live.featured_products.all():
        assert f'href="{product.get_absolute_url()}"' in html


def test_press_figures_of_the_cho_phien_ocop_sessions_are_exact(demo):
    figures = dict(
        Reading.objects.filter(activity__campaign__slug__startswith="cho-phien-ocop-")
        .values_list("activity__province__slug", "measure")
        .annotate()
        .values_list("activity__province__slug", "measure", "value")
        .order_by()
        .values_list("measure", "value")
        .filter(activity__province__slug="hai-phong")
    )
    assert figures == {"interactions": 20_600_000, "live_viewers": 578_000, "revenue": 750_000_000}
    dong_thap = dict(
        Reading.objects.filter(activity__province__slug="dong-thap").values_list("measure", "value")
    )
    assert dong_thap == {"views": 24_000_000, "live_viewers": 563_000, "revenue": 556_000_000}
    assert Livestream.objects.get(activity__province__slug="dong-thap").duration_minutes == 360


def test_upcoming_sessions_fill_the_livestream_list_and_the_feed(client, demo):
    upcoming = Activity.objects.published().livestreams().upcoming(timezone.localdate())

    assert upcoming.count() == 4
    assert client.get("/campaigns/livestreams/calendar.ics").content.count(b"BEGIN:VEVENT") == 4


def test_every_demo_row_passes_full_clean_and_a_second_run_creates_nothing(demo):
    for model in (Campaign, Activity, Livestream, Video, Reading, Support):
        for obj in model.objects.all():
            obj.full_clean()
    counts = {model: model.objects.count() for model in (Campaign, Activity, Reading, Support)}

    out = io.StringIO()
    call_command(
        "load_demo_data",
        "--provinces",
        "ha-tinh,nghe-an,hai-phong,dong-thap,son-la",
        "--no-photos",
        stdout=out,
    )

    assert {model: model.objects.count() for model in counts} == counts
    assert "promotion campaigns: 0 created" in out.getvalue()
    assert "promotion campaigns: 6 created" in demo  # Hà Tĩnh (2), Sơn La, Hải Phòng, Đồng Tháp, national


def test_a_province_subset_builds_only_its_campaigns_and_the_national_ones(db):
    call_command("load_demo_data", "--provinces", "nghe-an", "--no-photos", stdout=io.StringIO())

    assert set(Campaign.objects.values_list("province__slug", flat=True)) == {None}
    assert set(Activity.objects.exclude(province=None).values_list("province__slug", flat=True)) == {
        "nghe-an"
    }
