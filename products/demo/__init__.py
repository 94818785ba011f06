"""The demo catalog: a deterministic, idempotent set of producers, products and certificates.

Every province gets its own ``random.Random`` seeded with its slug, so building one province
alone (``--provinces ha-tinh``) gives exactly the rows a full build gives it. Rows are matched
on slug: a product that already exists is left alone together with its certificates, photos
and channels, so a second run creates nothing and changes nothing, even on another day.

Rows are written with ``bulk_create`` for speed (a few thousand products in seconds), so model
``save()``/``full_clean()`` are not called: the generated values respect the model rules and
the database constraints by construction, ``search_text`` is set here the way ``save()`` sets
it, and ``sync_current_certificates()`` sets each product's current certificate afterwards.
"""

from __future__ import annotations

import colorsys
import datetime
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from producers.models import Producer, Province, ProvinceMembership, PublicationStatus, Ward
from producers.slugs import first_free
from producers.text import normalize_search_text, vietnamese_slugify
from products import certificates
from products.certificates import CERTIFICATE_VALIDITY_MONTHS, TWO_TIER_REFORM, add_months
from products.demo.data import SPECIALTIES, TYPES, ProductType
from products.models import Category, Certificate, Product, ProductPhoto, SalesChannel, Standard

SEED = "ocop-demo-2025"
DEMO_PASSWORD = "ocop-demo-2025"  # noqa: S105  (public demo accounts, printed by the command)
MINISTRY_RENAMED = datetime.date(2025, 3, 1)  # Agriculture merged with Natural Resources and Environment
PHOTO_SIZE = (800, 600)
CARD_SIZE = (480, 360)  # as the staff upload's card rendition (products.photos.CARD_SIZE)
PHOTOS_PER_SET = 2

# Valid, published products per province; Hà Tĩnh as the seed report gave it.
VALID_PRODUCTS = {"ha-tinh": 250, "ha-noi": 300, "nghe-an": 120, "thanh-hoa": 110, "quang-ninh": 100}
DEFAULT_VALID_PRODUCTS = 80
# Exact star counts where the real figures are known: (three, four, five).
FIXED_STARS = {"ha-tinh": (238, 12, 0)}
FOUR_STAR_SHARE = 0.265
FIVE_STAR_SHARE = 0.017
KIND_NAMES = {
    Producer.Kind.ENTERPRISE: "Doanh nghiệp",
    Producer.Kind.COOPERATIVE: "Hợp tác xã",
    Producer.Kind.COOPERATIVE_GROUP: "Tổ hợp tác",
    Producer.Kind.HOUSEHOLD: "Hộ sản xuất kinh doanh",
}
FORMER_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


# Products the seed report's readers search for: pinned to a valid 4★ certificate.
PINNED_FOUR_STAR = {"ha-tinh": ("Kẹo cu đơ", "Nước mắm Cửa Nhượng")}

# fmt: off
BRAND_WORDS = (
    "An", "Phát", "Bảo", "Minh", "Đức", "Gia", "Hải", "Hưng", "Hoàng", "Hồng", "Khang", "Kim", "Lộc",
    "Long", "Nam", "Ngọc", "Nhật", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Tân", "Thành", "Thịnh",
    "Tiến", "Trường", "Việt", "Vinh", "Xuân", "Đạt", "Thuận", "Hòa",
)
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
WOMEN_NAMES = ("Lan", "Hoa", "Hương", "Mai", "Thảo", "Hằng", "Nga", "Liên", "Hiền", "Yến", "Dung", "Oanh")
MEN_NAMES = ("Hùng", "Dũng", "Minh", "Tuấn", "Sơn", "Hải", "Long", "Nam", "Thắng", "Bình", "Cường", "Quân")
# fmt: on
REVOCATION_REASONS = (
    "Vi phạm quy định về ghi nhãn hàng hóa",
    "Không duy trì điều kiện sản xuất như khi được đánh giá",
    "Chủ thể ngừng sản xuất sản phẩm",
    "Vi phạm quy định về an toàn thực phẩm",
)
CHANNEL_URLS = {
    SalesChannel.Kind.SHOPEE: "https://shopee.vn/{slug}-i.{a}.{b}",
    SalesChannel.Kind.TIKTOK: "https://shop.tiktok.com/vn/pdp/{slug}/{b}",
    SalesChannel.Kind.LAZADA: "https://www.lazada.vn/products/{slug}-i{b}.html",
    SalesChannel.Kind.TIKI: "https://tiki.vn/{slug}-p{b}.html",
    SalesChannel.Kind.POSTMART: "https://postmart.vn/{slug}-{b}",
    SalesChannel.Kind.VOSO: "https://voso.vn/{slug}-{b}",
}
DEMO_USERS = (
    # username, first name, superuser, province slug, role
    ("admin", "Quản trị quốc gia", True, None, None),
    ("hatinh", "Biên tập Hà Tĩnh", False, "ha-tinh", ProvinceMembership.Role.EDITOR),
    ("hatinh-duyet", "Phê duyệt Hà Tĩnh", False, "ha-tinh", ProvinceMembership.Role.APPROVER),
    ("nghean", "Biên tập Nghệ An", False, "nghe-an", ProvinceMembership.Role.EDITOR),
)


@dataclass(frozen=True)
class Specialty:
    name: str
    type_key: str
    former_province: str
    district: str

    @property
    def type(self) -> ProductType:
        return TYPES[self.type_key]


@dataclass
class DemoResult:
    """Rows created per table, and the demo accounts."""

    created: Counter = field(default_factory=Counter)
    users: list[tuple[str, str]] = field(default_factory=list)


def specialties_of(province_slug: str) -> list[Specialty]:
    return [
        Specialty(*(part.strip() for part in line.split("|")))
        for line in SPECIALTIES[province_slug].strip().splitlines()
    ]


def _place(ward: Ward) -> str:
    """A ward's name without its kind and number: "Xã Sơn Kim 1" -> "Sơn Kim"."""
    words = ward.name.split()[1:]
    return " ".join(word for word in words if not word.isdigit())


def _lower_first(text: str) -> str:
    """Lowercase the first letter only: "Kẹo cu đơ Hà Tĩnh" -> "kẹo cu đơ Hà Tĩnh"."""
    return text[:1].lower() + text[1:]


def _former_unit(name: str) -> str:
    return f"{'thành phố' if name in FORMER_CITIES else 'tỉnh'} {name}"


def _current_unit(province: Province) -> str:
    return f"{'thành phố' if province.kind.startswith('thành phố') else 'tỉnh'} {province.name}"


def _money(rng: random.Random, low: int, high: int) -> int:
    """A price in VND between ``low`` and ``high`` thousand, rounded to 5,000 VND."""
    return max(5, round(rng.uniform(low, high) / 5) * 5) * 1000


def _score(rng: random.Random, low: int, high: int) -> Decimal | None:
    if rng.random() < 0.1:
        return None
    return Decimal(rng.randint(low * 100, high * 100 - 1)) / 100


class _ProvinceBuilder:
    """Plans one province's producers, products and certificates with its own random stream."""

    def __init__(self, province: Province, wards: list[Ward], today: datetime.date):
        self.province = province
        self.wards = wards
        self.today = today
        self.rng = random.Random(f"{SEED}:{province.slug}")
        self.specialties = specialties_of(province.slug)
        self.wards_by_place: dict[str, list[Ward]] = {}
        for ward in wards:
            self.wards_by_place.setdefault(vietnamese_slugify(_place(ward)), []).append(ward)
        self.producer_slugs: set[str] = set()
        self.product_slugs: set[str] = set()

    # Producers ------------------------------------------------------------------------------
    def ward_for(self, specialty: Specialty) -> tuple[Ward, bool]:
        """A ward of the province, often the commune named after the specialty's former district.

        The flag says whether it is that commune, so a former address can name the district.
        """
        district = specialty.district
        for prefix in ("thành phố ", "thị xã ", "huyện ", "quận "):
            district = district.removeprefix(prefix)
        matching = self.wards_by_place.get(vietnamese_slugify(district), [])
        if matching and self.rng.random() < 0.7:
            return self.rng.choice(matching), True
        return self.rng.choice(self.wards), False

    def plan_producer(self, specialty: Specialty) -> dict:
        rng, kind = self.rng, rng_kind(self.rng)
        ward, in_district = self.ward_for(specialty)
        place = _place(ward)
        trade = specialty.type.trade
        women_led = rng.random() < 0.35
        given = rng.choice(WOMEN_NAMES if women_led else MEN_NAMES)
        owner = f"{rng.choice(FAMILY_NAMES)} {'Thị' if women_led else 'Văn'} {given}"
        if kind == Producer.Kind.HOUSEHOLD:
            name, brand = f"Hộ kinh doanh {owner}", f"{'Bà' if women_led else 'Ông'} {given}"
        elif kind == Producer.Kind.COOPERATIVE_GROUP:
            name, brand = f"Tổ hợp tác {trade.lower()} {place}", place
        else:
            brand = " ".join(rng.sample(BRAND_WORDS, 2))
            if kind == Producer.Kind.ENTERPRISE:
                name = f"Công ty {rng.choice(('TNHH', 'Cổ phần', 'TNHH MTV'))} {brand}"
            else:
                name = f"Hợp tác xã {trade} {brand}"
        slug = first_free(vietnamese_slugify(f"{name} {self.province.name}"), self.producer_slugs)
        youth_led = rng.random() < 0.2
        year = rng.randint(1995, 2023) if not youth_led else rng.randint(2016, 2024)
        phone = f"09{rng.randint(10_000_000, 99_999_999)}"
        former = ""
        if in_district and rng.random() < 0.8:
            ward_kind = "phường" if ward.kind == "phường" else "xã"
            former = (
                f"{ward_kind} {place}, {specialty.district}, {_former_unit(specialty.former_province)} (cũ)"
            )
        members = rng.randint(7, 60)
        return {
            "name": name,
            "slug": slug,
            "kind": kind,
            "province": self.province,
            "ward": ward,
            "street_address": f"Thôn {rng.randint(1, 12)}"
            if ward.kind == "xã"
            else f"Số {rng.randint(2, 250)}",
            "former_address": former,
            "phone": phone,
            "zalo": phone if rng.random() < 0.8 else "",
            "email": f"{slug[:40]}@gmail.com" if rng.random() < 0.5 else "",
            "website": f"https://{vietnamese_slugify(brand).replace('-', '')}.vn"
            if kind == Producer.Kind.ENTERPRISE
            else "",
            "description": (
                f"{KIND_NAMES[kind]} tại {_lower_first(ward.name)}, {_current_unit(self.province)}, "
                f"chuyên sản xuất {_lower_first(specialty.name)}. "
                f"Thành lập năm {year}, hiện có {members} "
                f"{'thành viên' if kind != Producer.Kind.ENTERPRISE else 'lao động'}, "
                "phần lớn là người địa phương."
            ),
            "year_founded": year,
            "youth_led": youth_led,
            "youth_union_supported": rng.random() < (0.6 if youth_led else 0.05),
            "women_led": women_led,
            "ethnic_minority": rng.random()
            < (0.3 if specialty.type_key in ("det", "du_lich", "che") else 0.06),
            "status": PublicationStatus.PUBLISHED,
            "_brand": brand,
            "_specialty": specialty,
        }

    # Products -------------------------------------------------------------------------------
    def plan_product(self, producer: dict, specialty: Specialty, variant: str) -> dict:
        rng, kind = self.rng, specialty.type
        name = " ".join(part for part in (specialty.name, variant, producer["_brand"]) if part)
        base = vietnamese_slugify(name)
        if f"-{self.province.slug}-" not in f"-{base}-":
            base = f"{base}-{self.province.slug}"
        slug = first_free(base, self.product_slugs)
        quantity = rng.choice(kind.quantities)
        price_min = _money(rng, *kind.price)
        price_max = price_min if rng.random() < 0.6 else price_min + _money(rng, 5, kind.price[1] // 2)
        where = f"{specialty.district}, {_former_unit(specialty.former_province)}"
        if specialty.former_province != self.province.name:
            where += f" (nay thuộc {_current_unit(self.province)})"
        story = f"{specialty.name} là đặc sản của {where}. {kind.story}"
        return {
            "name": name,
            "slug": slug,
            "story": story,
            "net_quantity": quantity,
            "packaging": rng.choice(kind.packaging),
            "shelf_life": kind.shelf_life,
            "ingredients": kind.ingredients,
            "storage": kind.storage,
            "price_min": price_min,
            "price_max": price_max if price_max != price_min else None,
            "price_unit": kind.unit.format(q=quantity),
            "status": PublicationStatus.PUBLISHED,
            "_producer": producer,
            "_specialty": specialty,
            "_standards": rng.sample(kind.standards, rng.randint(0, min(2, len(kind.standards)))),
            "_photos": [
                (rng.randrange(PHOTOS_PER_SET), alt)
                for alt in (
                    f"{kind.container} {_lower_first(name)} {quantity}",
                    f"Tem OCOP và nhãn trên bao bì {_lower_first(name)}",
                )[: rng.choice((1, 1, 2))]
            ],
            "_channels": self.plan_channels(producer, slug),
        }

    def plan_channels(self, producer: dict, slug: str) -> list[tuple[str, str]]:
        rng = self.rng
        kinds = rng.sample(list(CHANNEL_URLS), rng.choice((0, 1, 1, 2, 2, 3)))
        channels = [
            (
                kind,
                CHANNEL_URLS[kind].format(
                    slug=slug, a=rng.randint(10**7, 10**9), b=rng.randint(10**8, 10**10)
                ),
            )
            for kind in kinds
        ]
        if producer["website"]:
            channels.append((SalesChannel.Kind.WEBSITE, f"{producer['website']}/san-pham/{slug}"))
        return channels

    def plan(self, valid_count: int) -> tuple[list[dict], list[dict]]:
        """Producers and products: ``valid_count`` published and valid, plus a few others."""
        weights = [s.type.weight for s in self.specialties]
        extra = max(4, round(valid_count * 0.07))
        total = valid_count + extra
        producers, products = [], []
        pinned = list(PINNED_FOUR_STAR.get(self.province.slug, ()))
        while len(products) < total:
            if pinned:
                name = pinned.pop(0)
                specialty = next(s for s in self.specialties if s.name == name)
            else:
                specialty = self.rng.choices(self.specialties, weights)[0]
            producer = self.plan_producer(specialty)
            producers.append(producer)
            count = min(total - len(products), self.rng.choice((1, 1, 1, 2, 2, 3)))
            for variant in self.rng.sample(specialty.type.variants, min(count, len(specialty.type.variants))):
                products.append(self.plan_product(producer, specialty, variant))
        self.assign_certificates(products, valid_count)
        return producers, products

    # Certificates -----------------------------------------------------------------------
    def star_counts(self, n: int) -> tuple[int, int, int]:
        if self.province.slug in FIXED_STARS:
            return FIXED_STARS[self.province.slug]
        five = round(n * FIVE_STAR_SHARE)
        four = round(n * (FOUR_STAR_SHARE + self.rng.uniform(-0.03, 0.03)))
        return n - four - five, four, five

    def assign_certificates(self, products: list[dict], valid_count: int) -> None:
        """Give the first ``valid_count`` products a valid history, the rest another fate."""
        rng = self.rng
        three, four, five = self.star_counts(valid_count)
        valid, others = products[:valid_count], products[valid_count:]
        pinned_names = PINNED_FOUR_STAR.get(self.province.slug, ())
        pinned = [next(p for p in valid if p["_specialty"].name == name) for name in pinned_names]
        rest = [p for p in valid if all(p is not q for q in pinned)]
        stars = [4] * (four - len(pinned)) + [5] * five + [3] * three
        rng.shuffle(stars)
        for product in pinned:
            product["_certificates"] = self.valid_history(product, 4, expiring=False)
        for product, star in zip(rest, stars, strict=True):
            product["_certificates"] = self.valid_history(product, star, expiring=rng.random() < 0.05)
        for i, product in enumerate(others):
            fate = ("expired", "expired", "revoked", "expired", "draft", "pending", "archived")[i % 7]
            if fate == "expired":
                product["_certificates"] = [self.certificate(product, 3, rng.randint(37 * 31, 50 * 31))]
            elif fate == "revoked":
                cert = self.certificate(product, rng.choice((3, 3, 4)), rng.randint(200, 700))
                cert["revoked_on"] = self.today - datetime.timedelta(days=rng.randint(10, 150))
                cert["revocation_reason"] = rng.choice(REVOCATION_REASONS)
                product["_certificates"] = [cert]
            elif fate == "archived":
                product["status"] = PublicationStatus.ARCHIVED
                product["_certificates"] = [self.certificate(product, 3, rng.randint(38 * 31, 60 * 31))]
            else:
                product["status"] = fate
                product["_certificates"] = (
                    [] if fate == "draft" else [self.certificate(product, 3, rng.randint(20, 300))]
                )

    def valid_history(self, product: dict, stars: int, *, expiring: bool) -> list[dict]:
        """Certificates ending with a valid one of ``stars``; 4★/5★ are sometimes re-rated."""
        rng = self.rng
        window = (self.today - add_months(self.today, -CERTIFICATE_VALIDITY_MONTHS)).days
        latest_age = window - rng.randint(5, 85) if expiring else rng.randint(30, window - 100)
        latest = self.certificate(product, stars, latest_age)
        if stars == 5 or (stars == 4 and rng.random() < 0.2):
            earlier = self.certificate(product, stars - 1, latest_age + rng.randint(400, 1400))
            earlier["potential_five_star"] = stars == 5 and earlier["stars"] == 4
            return [earlier, latest]
        return [latest]

    def certificate(self, product: dict, stars: int, age_days: int) -> dict:
        rng, specialty = self.rng, product["_specialty"]
        day = self.today - datetime.timedelta(days=age_days)
        level = certificates.level_for(stars=stars, decision_date=day)
        if level == Certificate.Level.NATIONAL:
            ministry = day >= MINISTRY_RENAMED
            issuer = "Bộ Nông nghiệp và Môi trường" if ministry else "Bộ Nông nghiệp và Phát triển nông thôn"
            suffix = "BNNMT" if ministry else "BNN-VPĐP"
            number = f"{rng.randint(100, 5200)}/QĐ-{suffix}"
            score = _score(rng, 90, 100)
        else:
            number = f"{rng.randint(120, 4980)}/QĐ-UBND"
            if level == Certificate.Level.DISTRICT:
                issuer = f"UBND {specialty.district}"
            elif day >= TWO_TIER_REFORM:
                issuer = f"UBND {_current_unit(self.province)}"
            else:
                issuer = f"UBND {_former_unit(specialty.former_province)}"
            score = _score(rng, 50, 70) if stars == 3 else _score(rng, 70, 90)
        potential = stars == 4 and rng.random() < 0.012
        if potential:
            score = Decimal(rng.randint(9000, 9399)) / 100
        return {
            "stars": stars,
            "score": score,
            "decision_number": number,
            "decision_date": day,
            "issuer": issuer,
            "level": level,
            "expires_on": certificates.default_expiry(day),
            "potential_five_star": potential,
        }


def rng_kind(rng: random.Random) -> str:
    return rng.choices(
        (
            Producer.Kind.COOPERATIVE,
            Producer.Kind.ENTERPRISE,
            Producer.Kind.HOUSEHOLD,
            Producer.Kind.COOPERATIVE_GROUP,
        ),
        (40, 25, 28, 7),
    )[0]


def ensure_photos() -> dict[str, list[str]]:
    """Generated JPEGs (a gradient and a shape, no text) per product set; only missing ones are written."""
    from PIL import Image, ImageDraw, ImageOps

    names: dict[str, list[str]] = {}
    codes = Category.objects.filter(level=Category.Level.SET).values_list("code", flat=True)
    for code in codes:
        names[code] = []
        for index in range(PHOTOS_PER_SET):
            name = f"demo/ocop-{vietnamese_slugify(code)}-{index + 1}.jpg"
            names[code].append(name)
            if default_storage.exists(name) and default_storage.exists(card_name(name)):
                continue
            rng = random.Random(f"{SEED}:photo:{code}:{index}")
            hue = rng.random()
            dark = tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.65, 0.45))
            light = tuple(round(c * 255) for c in colorsys.hsv_to_rgb((hue + 0.08) % 1, 0.35, 0.95))
            gradient = Image.linear_gradient("L").rotate(rng.choice((0, 45, 90, 135))).resize(PHOTO_SIZE)
            image = ImageOps.colorize(gradient, dark, light)
            draw = ImageDraw.Draw(image)
            accent = tuple(round(c * 255) for c in colorsys.hsv_to_rgb((hue + 0.5) % 1, 0.5, 0.9))
            width, height = PHOTO_SIZE
            box = (width * 0.3, height * 0.2, width * 0.7, height * 0.85)
            shape = (index + len(code)) % 3
            if shape == 0:
                draw.ellipse(box, fill=accent, outline=light, width=8)
            elif shape == 1:
                draw.rounded_rectangle(box, radius=40, fill=accent, outline=light, width=8)
            else:
                draw.polygon([(width / 2, height * 0.15), box[2:], (box[0], box[3])], fill=accent)
            for path, size in ((name, PHOTO_SIZE), (card_name(name), CARD_SIZE)):
                buffer = io.BytesIO()
                image.resize(size, Image.Resampling.LANCZOS).save(buffer, "JPEG", quality=80, optimize=True)
                default_storage.delete(path)
                default_storage.save(path, ContentFile(buffer.getvalue()))
    return names


def card_name(name: str) -> str:
    """Where the card rendition of the demo photo ``name`` is stored."""
    return name.replace("demo/", "demo/cards/", 1)


def ensure_demo_users() -> Counter:
    """The demo accounts; existing users (and their passwords) are left as they are."""
    created: Counter = Counter()
    hashed = ""
    user_model = get_user_model()
    provinces = {p.slug: p for p in Province.objects.filter(slug__in=[u[3] for u in DEMO_USERS if u[3]])}
    for username, first_name, superuser, province_slug, role in DEMO_USERS:
        user, is_new = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "is_staff": superuser, "is_superuser": superuser},
        )
        if is_new:
            # One hash for the shared public password: hashing it per user only costs time.
            hashed = hashed or make_password(DEMO_PASSWORD)
            user.password = hashed
            user.save(update_fields=["password"])
            created["users"] += 1
        if province_slug:
            _, is_new = ProvinceMembership.objects.get_or_create(
                user=user, defaults={"province": provinces[province_slug], "role": role}
            )
            created["province memberships"] += is_new
    return created


@transaction.atomic
def build_demo_catalog(
    *,
    province_slugs: list[str] | None = None,
    photos: bool = True,
    today: datetime.date | None = None,
) -> DemoResult:
    """Create the demo catalog rows that are missing (matched by slug); existing rows are left alone.

    Needs the reference data (provinces, wards, categories, standards).
    """
    today = today or timezone.localdate()
    provinces = list(Province.objects.order_by("code"))
    if province_slugs:
        unknown = set(province_slugs) - {p.slug for p in provinces}
        if unknown:
            raise ValueError(f"Unknown province slugs: {', '.join(sorted(unknown))}")
        provinces = [p for p in provinces if p.slug in province_slugs]
    if not provinces:
        raise ValueError("No provinces: run load_reference_data first.")
    wards: dict[int, list[Ward]] = {}
    for ward in Ward.objects.filter(province__in=provinces).order_by("code"):
        wards.setdefault(ward.province_id, []).append(ward)

    producer_plan, product_plan = [], []
    for province in provinces:
        builder = _ProvinceBuilder(province, wards[province.pk], today)
        producers, products = builder.plan(VALID_PRODUCTS.get(province.slug, DEFAULT_VALID_PRODUCTS))
        producer_plan += producers
        product_plan += products

    result = DemoResult()
    result.created.update(ensure_demo_users())
    producers_by_slug = _create_producers(producer_plan, result)
    _create_products(product_plan, producers_by_slug, photos=photos, result=result)
    Product.objects.filter(producer__province__in=provinces).sync_current_certificates()
    result.users = [(username, first_name) for username, first_name, *_ in DEMO_USERS]
    return result


def _fields(row: dict) -> dict:
    return {key: value for key, value in row.items() if not key.startswith("_")}


def _create_producers(plan: list[dict], result: DemoResult) -> dict[str, Producer]:
    existing = {
        p.slug: p
        for p in Producer.objects.filter(slug__in=[row["slug"] for row in plan]).select_related("province")
    }
    new = [
        Producer(**_fields(row), search_text=normalize_search_text(row["name"]))
        for row in plan
        if row["slug"] not in existing
    ]
    Producer.objects.bulk_create(new, batch_size=500)
    result.created["producers"] += len(new)
    return existing | {p.slug: p for p in new}


def _create_products(
    plan: list[dict], producers: dict[str, Producer], *, photos: bool, result: DemoResult
) -> None:
    existing = set(
        Product.objects.filter(slug__in=[row["slug"] for row in plan]).values_list("slug", flat=True)
    )
    plan = [row for row in plan if row["slug"] not in existing]
    categories = {c.code: c for c in Category.objects.filter(level=Category.Level.SET)}
    standards = dict(Standard.objects.values_list("code", "pk"))
    photo_names = ensure_photos() if photos and plan else {}

    products = []
    for row in plan:
        product = Product(
            **_fields(row),
            producer=producers[row["_producer"]["slug"]],
            category=categories[row["_specialty"].type.category],
        )
        product.set_search_fields()
        products.append(product)
    Product.objects.bulk_create(products, batch_size=500)
    result.created["products"] += len(products)

    certificates, links, photo_rows, channels = [], [], [], []
    through = Product.standards.through
    for product, row in zip(products, plan, strict=True):
        certificates += [Certificate(product=product, **cert) for cert in row["_certificates"]]
        links += [through(product=product, standard_id=standards[code]) for code in row["_standards"]]
        channels += [SalesChannel(product=product, kind=kind, url=url) for kind, url in row["_channels"]]
        if photo_names:
            photo_rows += [
                ProductPhoto(
                    product=product,
                    image=photo_names[product.category.code][index],
                    width=PHOTO_SIZE[0],
                    height=PHOTO_SIZE[1],
                    card_image=card_name(photo_names[product.category.code][index]),
                    card_width=CARD_SIZE[0],
                    card_height=CARD_SIZE[1],
                    alt_text=alt[:255],
                    position=position,
                )
                for position, (index, alt) in enumerate(row["_photos"])
            ]
    for model, rows, label in (
        (Certificate, certificates, "certificates"),
        (through, links, "product standards"),
        (SalesChannel, channels, "sales channels"),
        (ProductPhoto, photo_rows, "photos"),
    ):
        model.objects.bulk_create(rows, batch_size=1000)
        result.created[label] += len(rows)
