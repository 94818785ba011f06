"""The promotion demo: the Hà Tĩnh forum day of 16 September 2023 as its report gives it, and a few more.

Figures of the Hà Tĩnh forum, the Hải Phòng and Đồng Tháp "Chợ phiên OCOP" sessions are the
press figures, exactly; their source says so. The other campaigns (a fair booth, a video
contest, the weekly livestreams) are illustrative, and their source says that too. Upcoming
sessions are dated from the build day so the livestream list and the calendar are not empty.

Rows are matched on slug (campaigns, activities), on activity, measure and date (readings) and
on giver, recipient and date (support): existing rows are left alone, so a second run creates
nothing. Every row is saved after ``full_clean()``: the demo obeys the model's rules.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone

from producers.models import Producer, Province, PublicationStatus
from products.models import Product
from promotion.models import Activity, Campaign, Livestream, Reading, Support, Video

FORUM_DAY = datetime.date(2023, 9, 16)
HA_TINH_SOURCE = "Báo chí đưa tin về diễn đàn tại Hà Tĩnh ngày 16/9/2023"
ILLUSTRATIVE = "Số liệu minh họa của dữ liệu demo, không phải số liệu thật"
ILLUSTRATIVE_DATE = "Ngày trong dữ liệu demo là minh họa; số liệu theo báo chí."

# Hà Tĩnh products the forum's livestream sold: the demo's pinned four-star products.
HA_TINH_FEATURED = ("Kẹo cu đơ", "Nước mắm Cửa Nhượng")


def campaigns(today: datetime.date) -> list[dict]:
    """The demo campaigns, each with its activities (and their details, figures, featured items)."""
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    return [
        {
            "slug": "dien-dan-chuyen-doi-so-quang-ba-ocop-thanh-nien-ha-tinh-2023",
            "title": "Chuyển đổi số trong truyền thông quảng bá sản phẩm OCOP của thanh niên – Hà Tĩnh",
            "province": "ha-tinh",
            "organisers": "Trung ương Đoàn TNCS Hồ Chí Minh; Tỉnh đoàn Hà Tĩnh",
            "partners": (
                "TikTok Việt Nam; Trung tâm Xúc tiến thương mại nông nghiệp "
                "(Bộ Nông nghiệp và Phát triển nông thôn)"
            ),
            "starts_on": FORUM_DAY,
            "ends_on": FORUM_DAY,
            "description": (
                "Diễn đàn về chuyển đổi số trong quảng bá sản phẩm OCOP của thanh niên, chủ đề "
                "ứng dụng kinh tế số để quảng bá sản phẩm OCOP, với 50 doanh nhân trẻ, chủ thể mô hình "
                "kinh tế thanh niên. Các TikToker đã đăng 15 video cho chiến dịch “Quảng bá sản phẩm "
                "OCOP Hà Tĩnh”; hai video nổi bật nhất đạt 1,4 triệu và 1,2 triệu lượt xem."
            ),
            "source_text": HA_TINH_SOURCE,
            "activities": [
                {
                    "slug": "tap-huan-ban-hang-ocop-qua-nen-tang-so-ha-tinh-2023",
                    "kind": Activity.Kind.TRAINING,
                    "title": "Tập huấn bán hàng sản phẩm OCOP qua nền tảng số cho thanh niên nông thôn",
                    "date": FORUM_DAY,
                    "place": "Hà Tĩnh",
                    "description": "Buổi sáng, cho các “cốt cán số” là thanh niên nông thôn.",
                },
                {
                    "slug": "dien-dan-chuyen-doi-so-ocop-thanh-nien-ha-tinh-2023",
                    "kind": Activity.Kind.FORUM,
                    "title": (
                        "Diễn đàn “Chuyển đổi số trong truyền thông quảng bá sản phẩm OCOP của thanh niên”"
                    ),
                    "date": FORUM_DAY,
                    "place": "Hà Tĩnh",
                    "participants": 50,
                    "description": "50 doanh nhân trẻ, chủ thể mô hình kinh tế thanh niên tham dự.",
                },
                {
                    "slug": "livestream-san-pham-ocop-ha-tinh-16-9-2023",
                    "kind": Activity.Kind.LIVESTREAM,
                    "title": "Phiên livestream sản phẩm OCOP Hà Tĩnh của các TikToker",
                    "date": FORUM_DAY,
                    "description": "Một phiên livestream khoảng 4 giờ trong khuôn khổ diễn đàn.",
                    "livestream": {
                        "platform": "tiktok",
                        "hosts": "Các TikToker nổi tiếng",
                        "duration_minutes": 240,
                    },
                    "readings": [
                        ("reach", 14_800_000, FORUM_DAY, "press", HA_TINH_SOURCE),
                        ("live_viewers", 300_000, FORUM_DAY, "press", HA_TINH_SOURCE),
                        ("revenue", 485_000_000, FORUM_DAY, "press", HA_TINH_SOURCE),
                    ],
                    "featured": ("ha-tinh", HA_TINH_FEATURED),
                },
                {
                    "slug": "video-quang-ba-ocop-ha-tinh-noi-bat-nhat",
                    "kind": Activity.Kind.VIDEO,
                    "title": "Video nổi bật nhất của chiến dịch “Quảng bá sản phẩm OCOP Hà Tĩnh”",
                    "date": FORUM_DAY,
                    "video": {"platform": "tiktok", "creator": "TikToker tham gia diễn đàn"},
                    "readings": [("views", 1_400_000, FORUM_DAY, "press", HA_TINH_SOURCE)],
                },
                {
                    "slug": "video-quang-ba-ocop-ha-tinh-noi-bat-thu-hai",
                    "kind": Activity.Kind.VIDEO,
                    "title": "Video nổi bật thứ hai của chiến dịch “Quảng bá sản phẩm OCOP Hà Tĩnh”",
                    "date": FORUM_DAY,
                    "video": {"platform": "tiktok", "creator": "TikToker tham gia diễn đàn"},
                    "readings": [("views", 1_200_000, FORUM_DAY, "press", HA_TINH_SOURCE)],
                },
            ],
            "supports": [
                {
                    "giver": "Trung ương Đoàn TNCS Hồ Chí Minh",
                    "recipient": "Thanh niên khởi nghiệp tỉnh Hà Tĩnh",
                    "amount_vnd": 1_000_000_000,
                    "purpose": "Hỗ trợ thanh niên Hà Tĩnh khởi nghiệp và quảng bá sản phẩm OCOP",
                    "given_on": FORUM_DAY,
                    "source_kind": "press",
                    "source_text": HA_TINH_SOURCE,
                }
            ],
        },
        {
            "slug": "dien-dan-chuyen-doi-so-quang-ba-ocop-thanh-nien-son-la-2023",
            "title": "Chuyển đổi số trong quảng bá sản phẩm OCOP của thanh niên – Sơn La",
            "province": "son-la",
            "organisers": "Trung ương Đoàn TNCS Hồ Chí Minh; Tỉnh đoàn Sơn La",
            "partners": "TikTok Việt Nam",
            "starts_on": datetime.date(2023, 8, 12),
            "ends_on": datetime.date(2023, 8, 12),
            "description": (
                "Cùng mô hình diễn đàn như tại Hà Tĩnh, kèm các phiên livestream sản phẩm OCOP Sơn La."
            ),
            "source_text": "Báo chí đưa tin về diễn đàn tại Sơn La ngày 12/8",
            "activities": [
                {
                    "slug": "dien-dan-chuyen-doi-so-ocop-thanh-nien-son-la-2023",
                    "kind": Activity.Kind.FORUM,
                    "title": "Diễn đàn chuyển đổi số quảng bá sản phẩm OCOP của thanh niên Sơn La",
                    "date": datetime.date(2023, 8, 12),
                    "place": "Sơn La",
                },
                {
                    "slug": "livestream-san-pham-ocop-son-la-12-8-2023",
                    "kind": Activity.Kind.LIVESTREAM,
                    "title": "Livestream sản phẩm OCOP Sơn La",
                    "date": datetime.date(2023, 8, 12),
                    "description": "Kết quả của phiên livestream chưa được công bố.",
                    "livestream": {"platform": "tiktok", "hosts": "TikToker và thanh niên Sơn La"},
                    "featured": ("son-la", ()),
                },
            ],
        },
        _fair_campaign(
            "hai-phong",
            "Hải Phòng",
            datetime.date(2024, 10, 19),
            240,
            [("interactions", 20_600_000), ("live_viewers", 578_000), ("revenue", 750_000_000)],
        ),
        _fair_campaign(
            "dong-thap",
            "Đồng Tháp",
            datetime.date(2024, 11, 16),
            360,
            [("views", 24_000_000), ("live_viewers", 563_000), ("revenue", 556_000_000)],
        ),
        {
            "slug": "cuoc-thi-video-tu-hao-san-pham-ocop-que-em-2025",
            "title": "Cuộc thi video “Tự hào sản phẩm OCOP quê em”",
            "province": None,
            "organisers": "Trung ương Đoàn TNCS Hồ Chí Minh",
            "partners": "TikTok Việt Nam",
            "starts_on": datetime.date(2025, 6, 1),
            "ends_on": datetime.date(2025, 7, 31),
            "description": "Cuộc thi video ngắn giới thiệu sản phẩm OCOP của quê hương (dữ liệu minh họa).",
            "source_text": ILLUSTRATIVE,
            "activities": [
                _contest_video(1, "ha-noi", datetime.date(2025, 6, 10), (180_000, 410_000)),
                _contest_video(2, "thanh-hoa", datetime.date(2025, 6, 18), (95_000, 260_000)),
                _contest_video(3, "quang-ninh", datetime.date(2025, 7, 2), (60_000, 120_000)),
            ],
        },
        {
            "slug": "livestream-ocop-cuoi-tuan-thanh-nien-ha-tinh",
            "title": "Livestream OCOP cuối tuần của thanh niên Hà Tĩnh",
            "province": "ha-tinh",
            "organisers": "Tỉnh đoàn Hà Tĩnh",
            "starts_on": today,
            "ends_on": None,
            "description": (
                "Các phiên livestream tối thứ Bảy giới thiệu sản phẩm OCOP Hà Tĩnh (dữ liệu minh họa)."
            ),
            "source_text": ILLUSTRATIVE,
            "activities": [
                {
                    "slug": f"livestream-ocop-cuoi-tuan-ha-tinh-{n}",
                    "kind": Activity.Kind.LIVESTREAM,
                    "title": f"Livestream OCOP cuối tuần Hà Tĩnh – phiên {n}",
                    "date": saturday + datetime.timedelta(weeks=n - 1),
                    "start_time": datetime.time(20, 0),
                    "link": "https://www.tiktok.com/@tinhdoanhatinh/live",
                    "livestream": {
                        "platform": "tiktok",
                        "hosts": "Tỉnh đoàn Hà Tĩnh",
                        "duration_minutes": 120,
                    },
                    "featured": ("ha-tinh", HA_TINH_FEATURED),
                }
                for n in (1, 2, 3)
            ],
        },
    ]


def _fair_campaign(slug: str, name: str, day: datetime.date, minutes: int, figures: list) -> dict:
    source = f"Báo chí đưa tin về Chợ phiên OCOP {name} trên TikTok Shop"
    return {
        "slug": f"cho-phien-ocop-{slug}",
        "title": f"Chợ phiên OCOP {name} trên TikTok Shop",
        "province": slug,
        "organisers": f"Thành đoàn, Tỉnh đoàn {name}; TikTok Shop",
        "partners": "TikTok Việt Nam",
        "starts_on": day,
        "ends_on": day,
        "description": f"Phiên chợ livestream bán sản phẩm OCOP {name}. {ILLUSTRATIVE_DATE}",
        "source_text": source,
        "activities": [
            {
                "slug": f"cho-phien-ocop-{slug}-livestream",
                "kind": Activity.Kind.LIVESTREAM,
                "title": f"Livestream Chợ phiên OCOP {name}",
                "date": day,
                "start_time": datetime.time(19, 0),
                "description": f"Phiên livestream {minutes // 60} giờ. {ILLUSTRATIVE_DATE}",
                "livestream": {
                    "platform": "tiktok",
                    "hosts": "Nhà sáng tạo nội dung",
                    "duration_minutes": minutes,
                },
                "readings": [(measure, value, day, "press", source) for measure, value in figures],
                "featured": (slug, ()),
            }
        ],
    }


def _contest_video(n: int, province: str, day: datetime.date, views: tuple[int, int]) -> dict:
    return {
        "slug": f"cuoc-thi-video-ocop-que-em-2025-video-{n}",
        "kind": Activity.Kind.VIDEO,
        "title": f"Video dự thi số {n}: sản phẩm OCOP quê em",
        "date": day,
        "video": {"platform": "tiktok" if n % 2 else "youtube", "creator": f"Đoàn viên dự thi số {n}"},
        "readings": [
            ("views", views[0], day + datetime.timedelta(days=7), "platform", ILLUSTRATIVE),
            ("views", views[1], day + datetime.timedelta(days=30), "platform", ILLUSTRATIVE),
        ],
        "featured": (province, ()),
    }


def standalone_activities(today: datetime.date) -> list[dict]:
    """Activities outside any campaign: a fair booth and an upcoming livestream, in Nghệ An."""
    return [
        {
            "slug": "gian-hang-ocop-thanh-nien-nghe-an-hoi-cho-2025",
            "province": "nghe-an",
            "kind": Activity.Kind.FAIR,
            "title": "Gian hàng OCOP thanh niên Nghệ An tại hội chợ xúc tiến thương mại",
            "date": datetime.date(2025, 11, 7),
            "place": "Vinh, Nghệ An",
            "participants": 12,
            "description": "Gian hàng của 12 chủ thể OCOP thanh niên (dữ liệu minh họa).",
            "readings": [
                ("orders", 320, datetime.date(2025, 11, 10), "organiser", ILLUSTRATIVE),
                ("revenue", 96_000_000, datetime.date(2025, 11, 10), "organiser", ILLUSTRATIVE),
            ],
            "featured": ("nghe-an", ()),
        },
        {
            "slug": "livestream-ocop-thanh-nien-nghe-an-sap-toi",
            "province": "nghe-an",
            "kind": Activity.Kind.LIVESTREAM,
            "title": "Livestream sản phẩm OCOP của thanh niên Nghệ An",
            "date": today + datetime.timedelta(days=6),
            "start_time": datetime.time(19, 30),
            "link": "https://www.facebook.com/tinhdoannghean/live",
            "livestream": {"platform": "facebook", "hosts": "Tỉnh đoàn Nghệ An", "duration_minutes": 90},
            "featured": ("nghe-an", ()),
        },
    ]


@transaction.atomic
def build_demo_promotion(
    *, province_slugs: list[str] | None = None, today: datetime.date | None = None
) -> Counter:
    """Create the missing demo campaigns and activities of ``province_slugs`` (all by default).

    National campaigns are always built; featured products are linked when their province's
    demo catalog exists. Returns the rows created per table.
    """
    today = today or timezone.localdate()
    provinces = {p.slug: p for p in Province.objects.all()}
    wanted = set(province_slugs) if province_slugs else set(provinces)
    created: Counter = Counter()
    for row in campaigns(today):
        if row["province"] is not None and row["province"] not in wanted:
            continue
        campaign = _campaign(row, provinces, created)
        for activity_row in row["activities"]:
            _activity(activity_row, campaign=campaign, province=campaign.province, created=created)
        for support_row in row.get("supports", []):
            _support(support_row, campaign=campaign, created=created)
    for activity_row in standalone_activities(today):
        if activity_row["province"] in wanted:
            _activity(
                activity_row, campaign=None, province=provinces[activity_row["province"]], created=created
            )
    return created


def _save(obj, created: Counter, label: str):
    obj.full_clean()
    obj.save()
    created[label] += 1
    return obj


def _campaign(row: dict, provinces: dict, created: Counter) -> Campaign:
    existing = Campaign.objects.filter(slug=row["slug"]).first()
    if existing is not None:
        return existing
    fields = {key: value for key, value in row.items() if key not in ("activities", "supports", "province")}
    campaign = Campaign(
        **fields,
        province=provinces[row["province"]] if row["province"] else None,
        status=PublicationStatus.PUBLISHED,
    )
    return _save(campaign, created, "campaigns")


def _activity(row: dict, *, campaign: Campaign | None, province: Province | None, created: Counter) -> None:
    if Activity.objects.filter(slug=row["slug"]).exists():
        return
    details = {"livestream", "video", "readings", "featured", "province"}
    activity = Activity(
        **{key: value for key, value in row.items() if key not in details},
        campaign=campaign,
        province=province,
        status=PublicationStatus.PUBLISHED,
    )
    _save(activity, created, "activities")
    if "livestream" in row:
        _save(Livestream(activity=activity, **row["livestream"]), created, "livestreams")
    if "video" in row:
        _save(Video(activity=activity, **row["video"]), created, "videos")
    for measure, value, as_of, source_kind, source_text in row.get("readings", []):
        reading = Reading(
            activity=activity,
            measure=measure,
            value=value,
            as_of=as_of,
            source_kind=source_kind,
            source_text=source_text,
            status=PublicationStatus.PUBLISHED,
        )
        _save(reading, created, "readings")
    if "featured" in row:
        _feature(activity, *row["featured"])


def _feature(activity: Activity, province_slug: str, names: tuple[str, ...]) -> None:
    """Link the named four-star products of the province (or its first two), and their producers."""
    products = (
        Product.objects.published().filter(producer__province__slug=province_slug, stars=4).order_by("slug")
    )
    if names:
        chosen = [products.filter(name__startswith=name).first() for name in names]
    else:
        chosen = list(products[:2])
    chosen = [product for product in chosen if product is not None]
    activity.featured_products.set(chosen)
    activity.featured_producers.set(Producer.objects.filter(products__in=chosen).distinct())


def _support(row: dict, *, campaign: Campaign, created: Counter) -> None:
    if Support.objects.filter(
        giver=row["giver"], recipient=row["recipient"], given_on=row["given_on"]
    ).exists():
        return
    _save(
        Support(**row, campaign=campaign, province=campaign.province, status=PublicationStatus.PUBLISHED),
        created,
        "support",
    )
