"""A small promotion scenario over ``tests.catalog``: public and hidden campaigns, activities, figures."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from promotion.models import Activity, Campaign, Reading
from tests.factories import (
    make_activity,
    make_campaign,
    make_livestream,
    make_product,
    make_reading,
    make_support,
    make_video,
)
from tests.sample_catalog import Catalog, add_valid_products

FORUM_DAY = datetime.date(2023, 9, 16)


@dataclass
class Promotion:
    campaign: Campaign  # Hà Tĩnh, published: forum, livestream, video (two readings)
    forum: Activity
    livestream: Activity  # reach 14,800,000, live viewers 300,000, revenue 485,000,000; features keo
    video: Activity  # views 1,000,000 on 17/9, then 1,400,000 on 1/10
    draft_campaign: Campaign  # never public, nor its published activity
    hidden_activity: Activity  # draft activity of the public campaign, with a figure
    pending_reading: Reading  # a newer reach of the livestream waiting for approval
    national: Campaign  # national, published, a video contest
    upcoming: Activity  # standalone Nghệ An livestream in five days, 20:00, features tra


def build_promotion(catalog: Catalog) -> Promotion:
    today = timezone.localdate()
    campaign = make_campaign(
        title="Ngày hội chuyển đổi số OCOP Hà Tĩnh",
        slug="ngay-hoi-chuyen-doi-so-ha-tinh",
        organisers="Trung ương Đoàn; Tỉnh đoàn Hà Tĩnh",
        partners="TikTok Việt Nam",
        starts_on=FORUM_DAY,
        ends_on=FORUM_DAY,
    )
    forum = make_activity(campaign=campaign, title="Diễn đàn chuyển đổi số", slug="dien-dan", participants=50)
    livestream = make_activity(
        campaign=campaign,
        kind="livestream",
        title="Phiên livestream OCOP Hà Tĩnh",
        slug="phien-livestream-ha-tinh",
        start_time=datetime.time(14, 0),
    )
    make_livestream(activity=livestream, hosts="TikToker", duration_minutes=240)
    livestream.featured_products.add(catalog.keo)
    for measure, value in (("reach", 14_800_000), ("live_viewers", 300_000), ("revenue", 485_000_000)):
        make_reading(activity=livestream, measure=measure, value=value)
    video = make_activity(campaign=campaign, kind="video", title="Video quảng bá kẹo cu đơ", slug="video-keo")
    make_video(activity=video)
    make_reading(activity=video, measure="views", value=1_000_000, as_of=datetime.date(2023, 9, 17))
    make_reading(activity=video, measure="views", value=1_400_000, as_of=datetime.date(2023, 10, 1))
    make_support(campaign=campaign)
    hidden_activity = make_activity(
        campaign=campaign, title="Hoạt động nháp", slug="hoat-dong-nhap", status="draft"
    )
    make_reading(activity=hidden_activity, measure="reach", value=999)
    pending = make_reading(
        activity=livestream,
        measure="reach",
        value=15_000_000,
        as_of=FORUM_DAY + datetime.timedelta(days=1),
        status="pending",
    )

    draft_campaign = make_campaign(title="Chiến dịch nháp", slug="chien-dich-nhap", status="draft")
    draft_activity = make_activity(campaign=draft_campaign, title="Hoạt động ẩn", slug="hoat-dong-an")
    make_reading(activity=draft_activity, measure="reach", value=777)
    draft_activity.featured_products.add(catalog.keo)

    national = make_campaign(
        province_slug=None,
        title="Cuộc thi video OCOP toàn quốc",
        slug="cuoc-thi-video",
        starts_on=datetime.date(2024, 5, 1),
    )
    contest_video = make_activity(
        campaign=national,
        kind="video",
        title="Video dự thi",
        slug="video-du-thi",
        date=datetime.date(2024, 5, 2),
    )
    make_video(activity=contest_video, platform="youtube")
    make_reading(activity=contest_video, measure="views", value=50_000, as_of=datetime.date(2024, 5, 20))

    upcoming = make_activity(
        kind="livestream",
        province=catalog.keo_lac.producer.province,
        title="Livestream Chợ phiên OCOP Nghệ An",
        slug="livestream-nghe-an-sap-toi",
        date=today + datetime.timedelta(days=5),
        start_time=datetime.time(20, 0),
        link="https://www.tiktok.com/@ocopnghean/live",
    )
    make_livestream(activity=upcoming, duration_minutes=120, hosts="Đoàn thanh niên Nghệ An")
    upcoming.featured_products.add(catalog.keo_lac)
    return Promotion(
        campaign=campaign,
        forum=forum,
        livestream=livestream,
        video=video,
        draft_campaign=draft_campaign,
        hidden_activity=hidden_activity,
        pending_reading=pending,
        national=national,
        upcoming=upcoming,
    )


def grow(n: int) -> None:
    """``n`` more public campaigns in Hà Tĩnh, each with a livestream, figures and a featured product."""
    for i in range(n):
        campaign = make_campaign(starts_on=datetime.date(2024, 1, 1 + i))
        live = make_activity(
            campaign=campaign, kind="livestream", date=timezone.localdate() + datetime.timedelta(days=i + 1)
        )
        make_livestream(activity=live)
        video = make_activity(campaign=campaign, kind="video", date=datetime.date(2024, 1, 1 + i))
        make_reading(activity=video, measure="views", value=100 + i, as_of=datetime.date(2024, 2, 1))
        make_reading(activity=video, measure="views", value=200 + i, as_of=datetime.date(2024, 3, 1))
        product = make_product(stars=4)
        live.featured_products.add(product)
        video.featured_products.add(product)
        video.featured_producers.add(product.producer)
    add_valid_products(n)
