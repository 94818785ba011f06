"""The demo catalog: a deterministic, idempotent set of producers, products and certificates.

Rows are planned per province (``demo.planner``) and matched on slug: a product that already
exists is left alone together with its certificates, photos and channels, so a second run
creates nothing and changes nothing, even on another day.

Rows are written with ``bulk_create`` for speed (a few thousand products in seconds), which
skips ``save()`` and ``full_clean()``: ``search_text`` is set here the way ``save()`` sets it,
``sync_current_certificates()`` sets each product's current certificate afterwards, and
tests/demo runs ``full_clean()`` over every row built, so the plan cannot drift from the models'
rules.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from demo.data import DEFAULT_VALID_PRODUCTS, DEMO_USERS, VALID_PRODUCTS
from demo.photos import CARD_SIZE, PHOTO_SIZE, card_name, ensure_photos
from demo.planner import ProvincePlanner
from producers.models import OfficialTotal, Producer, Province, ProvinceMembership, Ward
from producers.text import normalize_search_text
from products.models import Category, Certificate, Product, ProductPhoto, SalesChannel, Standard

DEMO_PASSWORD = "ocop-demo-2025"  # noqa: S105  (public demo accounts, printed by the command)


@dataclass
class DemoResult:
    """Rows created per table, and the demo accounts."""

    created: Counter = field(default_factory=Counter)
    users: list[tuple[str, str]] = field(default_factory=list)


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


def _provinces(province_slugs: list[str] | None) -> list[Province]:
    """The provinces to build, in code order; refuses unknown slugs and an empty reference table."""
    provinces = list(Province.objects.order_by("code"))
    if province_slugs:
        unknown = set(province_slugs) - {p.slug for p in provinces}
        if unknown:
            raise ValueError(f"Unknown province slugs: {', '.join(sorted(unknown))}")
        provinces = [p for p in provinces if p.slug in province_slugs]
    if not provinces:
        raise ValueError("No provinces: run load_reference_data first.")
    return provinces


def plan_catalog(provinces: list[Province], today: datetime.date) -> tuple[list[dict], list[dict]]:
    """The planned producer and product rows of ``provinces``, as they would be written."""
    wards: dict[int, list[Ward]] = {}
    for ward in Ward.objects.filter(province__in=provinces).order_by("code"):
        wards.setdefault(ward.province_id, []).append(ward)
    producer_plan, product_plan = [], []
    for province in provinces:
        planner = ProvincePlanner(province, wards[province.pk], today)
        producers, products = planner.plan(VALID_PRODUCTS.get(province.slug, DEFAULT_VALID_PRODUCTS))
        producer_plan += producers
        product_plan += products
    return producer_plan, product_plan


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
    provinces = _provinces(province_slugs)
    producer_plan, product_plan = plan_catalog(provinces, today or timezone.localdate())
    result = DemoResult()
    result.created.update(ensure_demo_users())
    producers_by_slug = _create_producers(producer_plan, result)
    _create_products(product_plan, producers_by_slug, photos=photos, result=result)
    Product.objects.filter(producer__province__in=provinces).sync_current_certificates()
    result.created["official totals"] += _record_official_totals(provinces)
    result.users = [(username, first_name) for username, first_name, *_ in DEMO_USERS]
    return result


# The figure of the seed report (the Youth Union's forum in Hà Tĩnh, 16 September 2023).
OFFICIAL_TOTALS = {
    "ha-tinh": {
        "as_of": datetime.date(2023, 9, 16),
        "total": 250,
        "stars_5": 0,
        "stars_4": 12,
        "stars_3": 238,
        "source": (
            "Báo cáo tại Diễn đàn chuyển đổi số quảng bá sản phẩm OCOP của thanh niên, Hà Tĩnh, 16/9/2023"
        ),
    }
}


def _record_official_totals(provinces: list[Province]) -> int:
    """The official figures the demo knows, for the provinces built; returns how many were created."""
    created = 0
    for province in provinces:
        figure = OFFICIAL_TOTALS.get(province.slug)
        if figure is not None:
            _, is_new = OfficialTotal.objects.get_or_create(
                province=province, as_of=figure["as_of"], defaults=figure
            )
            created += is_new
    return created


def planned_fields(row: dict) -> dict:
    """A planned row's model fields: its keys without the planner's ``_`` notes."""
    return {key: value for key, value in row.items() if not key.startswith("_")}


def _create_producers(plan: list[dict], result: DemoResult) -> dict[str, Producer]:
    existing = {
        p.slug: p
        for p in Producer.objects.filter(slug__in=[row["slug"] for row in plan]).select_related("province")
    }
    new = [
        Producer(**planned_fields(row), search_text=normalize_search_text(row["name"]))
        for row in plan
        if row["slug"] not in existing
    ]
    Producer.objects.bulk_create(new, batch_size=500)
    result.created["producers"] += len(new)
    return existing | {p.slug: p for p in new}


def photos_of(product: Product, row: dict, photo_names: dict[str, list[str]]) -> list[ProductPhoto]:
    """Unsaved photo rows of ``product`` from the demo's shared files (``row["_photos"]``)."""
    names = photo_names[product.category.code]
    return [
        ProductPhoto(
            product=product,
            image=names[index],
            width=PHOTO_SIZE[0],
            height=PHOTO_SIZE[1],
            card_image=card_name(names[index]),
            card_width=CARD_SIZE[0],
            card_height=CARD_SIZE[1],
            alt_text=alt[:255],
            position=position,
        )
        for position, (index, alt) in enumerate(row["_photos"])
    ]


def _create_products(
    plan: list[dict], producers: dict[str, Producer], *, photos: bool, result: DemoResult
) -> None:
    existing = set(
        Product.objects.filter(slug__in=[row["slug"] for row in plan]).values_list("slug", flat=True)
    )
    plan = [row for row in plan if row["slug"] not in existing]
    categories = {c.code: c for c in Category.objects.filter(level=Category.Level.SET)}
    products = []
    for row in plan:
        product = Product(
            **planned_fields(row),
            producer=producers[row["_producer"]["slug"]],
            category=categories[row["_specialty"].type.category],
        )
        product.set_search_fields()
        products.append(product)
    Product.objects.bulk_create(products, batch_size=500)
    result.created["products"] += len(products)
    result.created.update(
        create_product_rows(
            products,
            plan,
            standards=dict(Standard.objects.values_list("code", "pk")),
            photo_names=ensure_photos() if photos and plan else {},
        )
    )


def create_product_rows(
    products: list[Product],
    plan: list[dict],
    *,
    standards: dict[str, int],
    photo_names: dict[str, list[str]],
    batch_size: int = 1000,
) -> Counter:
    """The saved ``products``' certificates, standards, sales channels and photos, as planned.

    ``standards`` maps a standard's code to its pk; no photos are written when ``photo_names``
    is empty. Returns the rows created per table (the demo and the scale catalog share this).
    """
    through = Product.standards.through
    certificates, links, channels, photo_rows = [], [], [], []
    for product, row in zip(products, plan, strict=True):
        certificates += [Certificate(product=product, **cert) for cert in row["_certificates"]]
        links += [through(product=product, standard_id=standards[code]) for code in row["_standards"]]
        channels += [SalesChannel(product=product, kind=kind, url=url) for kind, url in row["_channels"]]
        if photo_names:
            photo_rows += photos_of(product, row, photo_names)
    created: Counter = Counter()
    for model, rows, label in (
        (Certificate, certificates, "certificates"),
        (through, links, "product standards"),
        (SalesChannel, channels, "sales channels"),
        (ProductPhoto, photo_rows, "photos"),
    ):
        model.objects.bulk_create(rows, batch_size=batch_size)
        created[label] += len(rows)
    return created
