"""Planning the demo catalog of one province: producers, products and certificates as plain rows.

Every province gets its own ``random.Random`` seeded with its slug, so planning one province
alone (``--provinces ha-tinh``) gives exactly the rows a full build gives it. Certificate rules
(levels, expiry) come from ``products.certificates``; the builder writes the rows.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from demo.data import (
    BRAND_WORDS,
    CHANNEL_URLS,
    FAMILY_NAMES,
    FIVE_STAR_SHARE,
    FIXED_STARS,
    FORMER_CITIES,
    FOUR_STAR_SHARE,
    KIND_NAMES,
    MEN_NAMES,
    PINNED_FOUR_STAR,
    REVOCATION_REASONS,
    SPECIALTIES,
    TYPES,
    WOMEN_NAMES,
    ProductType,
)
from producers.models import Producer, Province, PublicationStatus, Ward
from producers.slugs import first_free
from producers.text import vietnamese_slugify
from products import certificates
from products.certificates import CERTIFICATE_VALIDITY_MONTHS, TWO_TIER_REFORM, add_months
from products.models import Certificate, SalesChannel

SEED = "ocop-demo-2025"
MINISTRY_RENAMED = datetime.date(2025, 3, 1)  # Agriculture merged with Natural Resources and Environment
PHOTOS_PER_SET = 2


# What becomes of the demo's products that are not validly certified, in turn.
DEMO_OTHER_FATES = ("expired", "expired", "revoked", "expired", "draft", "pending", "archived")


@dataclass(frozen=True)
class Specialty:
    """A province's specialty, as the data tables list it: name | type | former province | district."""

    name: str
    type_key: str
    former_province: str
    district: str

    @property
    def type(self) -> ProductType:
        return TYPES[self.type_key]


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


def _producer_description(
    kind: str, ward: Ward, province: Province, specialty: "Specialty", year: int, members: int
) -> str:
    return (
        f"{KIND_NAMES[kind]} tại {_lower_first(ward.name)}, {_current_unit(province)}, "
        f"chuyên sản xuất {_lower_first(specialty.name)}. "
        f"Thành lập năm {year}, hiện có {members} "
        f"{'thành viên' if kind != Producer.Kind.ENTERPRISE else 'lao động'}, "
        "phần lớn là người địa phương."
    )


class ProvincePlanner:
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

    def producer_name(self, kind: str, specialty: Specialty, ward: Ward, women_led: bool) -> tuple[str, str]:
        """The producer's registered name and the brand its products carry."""
        rng, trade = self.rng, specialty.type.trade
        given = rng.choice(WOMEN_NAMES if women_led else MEN_NAMES)
        owner = f"{rng.choice(FAMILY_NAMES)} {'Thị' if women_led else 'Văn'} {given}"
        if kind == Producer.Kind.HOUSEHOLD:
            return f"Hộ kinh doanh {owner}", f"{'Bà' if women_led else 'Ông'} {given}"
        if kind == Producer.Kind.COOPERATIVE_GROUP:
            return f"Tổ hợp tác {trade.lower()} {_place(ward)}", _place(ward)
        brand = " ".join(rng.sample(BRAND_WORDS, 2))
        if kind == Producer.Kind.ENTERPRISE:
            return f"Công ty {rng.choice(('TNHH', 'Cổ phần', 'TNHH MTV'))} {brand}", brand
        return f"Hợp tác xã {trade} {brand}", brand

    def former_address(self, specialty: Specialty, ward: Ward, in_district: bool) -> str:
        """Often, for a producer in the specialty's former district, its address before July 2025."""
        if not (in_district and self.rng.random() < 0.8):
            return ""
        ward_kind = "phường" if ward.kind == "phường" else "xã"
        former_unit = _former_unit(specialty.former_province)
        return f"{ward_kind} {_place(ward)}, {specialty.district}, {former_unit} (cũ)"

    def plan_producer(self, specialty: Specialty) -> dict:
        rng, kind = self.rng, rng_kind(self.rng)
        ward, in_district = self.ward_for(specialty)
        women_led = rng.random() < 0.35
        name, brand = self.producer_name(kind, specialty, ward, women_led)
        slug = first_free(vietnamese_slugify(f"{name} {self.province.name}"), self.producer_slugs)
        youth_led = rng.random() < 0.2
        year = rng.randint(1995, 2023) if not youth_led else rng.randint(2016, 2024)
        phone = f"09{rng.randint(10_000_000, 99_999_999)}"
        former = self.former_address(specialty, ward, in_district)
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
            "description": _producer_description(kind, ward, self.province, specialty, year, members),
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
            self.assign_other_fate(product, DEMO_OTHER_FATES[i % len(DEMO_OTHER_FATES)])

    def assign_other_fate(self, product: dict, fate: str) -> None:
        """Expired, revoked, archived, or not published yet (draft, waiting for approval)."""
        rng = self.rng
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
